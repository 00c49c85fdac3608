#!/usr/bin/env bash
# The workbench at the size of real processes (not a unit test): starts the built product with -Dmmwb.bench=scale
# (org.mmwb.ui.internal.Bench), which opens a session of 1 GiB touched (262,144 faults), one of 200,000 VMAs and an
# imported live JVM, with the Address Space, Page Tables, Address Map, Properties, Results, Fault Timeline and Fault
# Log views open, and prints per session and per action (the run; each view brought to the front; a VMA selected;
# Step Back, Step and the slider for the scenarios): NAME-run (the action and its job), NAME-views (from there
# until the views are idle; target <= 2 s) and NAME-maxstall (the longest the UI thread did not answer; target
# ~0.5 s). RUNS starts (default 3), medians printed.
#
# Usage: releng/scripts/ui-scale-bench.sh [RUNS]      (without $DISPLAY it runs itself under xvfb-run)
#        SESSIONS=vma-200k,import releng/scripts/ui-scale-bench.sh 1     measures only those sessions
#        SESSIONS=fault-1m ...     a scenario of 1,048,576 faults (4 GiB read on the zero page), not in the default set
#        SESSIONS=recording RECORDING=FILE ...   a recording (./mmwb record) opened, stepped and slid
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PRODUCT=$ROOT/product/target/products/org.mmwb.product/linux/gtk/x86_64
RUNS=${1:-3}
die() { echo "ui-scale-bench: $*" >&2; exit 1; }

if [ -z "${DISPLAY:-}" ]; then
  command -v xvfb-run >/dev/null || die "no display and no xvfb-run (apt-get install xvfb)"
  exec xvfb-run -a -s "-screen 0 1280x1024x24" "$0" "$RUNS"
fi

JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
[ -x "$JAVA" ] || die "no JDK (set JAVA_HOME)"
JAR=$(ls "$PRODUCT"/plugins/org.eclipse.equinox.launcher_*.jar 2>/dev/null | head -n1)
[ -n "$JAR" ] || die "no product in $PRODUCT (build it: ./mmwb build)"
WORK=$(mktemp -d /tmp/mmwb-ui-scale.XXXXXX)
JVM_PID=
cleanup() { [ -n "$JVM_PID" ] && kill "$JVM_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

# A live JVM with a touched 1 GiB heap, imported the way a user would.
cat >"$WORK/Hold.java" <<'EOF'
public class Hold { public static void main(String[] a) throws Exception { Thread.sleep(600_000); } }
EOF
"$JAVA" -Xms1g -Xmx1g -XX:+AlwaysPreTouch "$WORK/Hold.java" &
JVM_PID=$!
sleep 5
"$ROOT/mmwb" import "$JVM_PID" --output "$WORK/jvm.json" >/dev/null || die "import of the JVM failed"

for r in $(seq "$RUNS"); do
  "$JAVA" -Xmx2g --enable-native-access=ALL-UNNAMED -Dosgi.requiredJavaVersion=21 -XX:TieredStopAtLevel=1 \
    -Dmmwb.bench=scale -Dmmwb.bench.import="$WORK/jvm.json" -Dmmwb.bench.sessions="${SESSIONS:-touch-1g,vma-200k,import}" ${RECORDING:+-Dmmwb.bench.recording="$RECORDING"} -jar "$JAR" -data "$WORK/ws-$r" >"$WORK/raw" 2>&1 || true
  if grep -q 'mmwb-bench scale failed' "$WORK/raw"; then die "$(grep 'mmwb-bench scale failed' "$WORK/raw")"; fi
  sed -n 's/^mmwb-bench \(scale-[^ ]*\) \([0-9]*\)$/\1 \2/p' "$WORK/raw" >>"$WORK/all"
  grep '^mmwb-bench note' "$WORK/raw" >&2 || true
  grep -q . "$WORK/all" || { tail -n 20 "$WORK/raw" >&2; die "the product printed no measurement"; }
done
echo "ui-scale-bench: $RUNS runs, load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs"
for name in $(cut -d' ' -f1 "$WORK/all" | awk '!seen[$0]++'); do
  vals=$(awk -v n="$name" '$1 == n {print $2}' "$WORK/all" | sort -n)
  med=$(printf '%s\n' "$vals" | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}')
  printf '%-34s median %6s ms  (runs: %s)\n' "$name" "$med" "$(echo $vals)"
done
