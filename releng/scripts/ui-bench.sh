#!/usr/bin/env bash
# Measures the workbench (not a unit test): time from JVM start to the product's first window, and time to open
# the Fault Log view on a scenario with 2^20 faults until its table has painted. Five runs each, medians printed.
# Targets (docs/performance.md): first window < 3 s, fault log < 1 s.
#
# Usage: releng/scripts/ui-bench.sh [PRODUCT_DIR] [RUNS]
#   PRODUCT_DIR defaults to product/target/products/org.mmwb.product/linux/gtk/x86_64 of this checkout.
#   Without $DISPLAY it runs itself under xvfb-run.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PRODUCT=${1:-$ROOT/product/target/products/org.mmwb.product/linux/gtk/x86_64}
RUNS=${2:-5}

die() { echo "ui-bench: $*" >&2; exit 1; }

find_jdk() {
  local j
  for j in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    [ -n "$j" ] && [ -x "$j/bin/java" ] || continue
    local v
    v=$("$j/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1)
    [ -n "$v" ] && [ "$v" -ge 21 ] && { echo "$j/bin/java"; return 0; }
  done
  return 1
}

if [ -z "${DISPLAY:-}" ]; then
  command -v xvfb-run >/dev/null || die "no display and no xvfb-run (apt-get install xvfb)"
  exec xvfb-run -a -s "-screen 0 1280x1024x24" "$0" "$PRODUCT" "$RUNS"
fi

JAVA=$(find_jdk) || die "no JDK 21 or newer (set JAVA_HOME)"
JAR=$(ls "$PRODUCT"/plugins/org.eclipse.equinox.launcher_*.jar 2>/dev/null | head -n1)
[ -n "$JAR" ] || die "no product in $PRODUCT (build it: ./mmwb build)"
SAMPLE="$ROOT/samples/default.mms"
WORK=$(mktemp -d /tmp/mmwb-ui-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

# One measurement: a fresh workspace; the product's configuration area, warmed by a first start (as ./mmwb gui
# starts it the second time).
measure() { # name -> "wall-ms cpu-ms" (cpu "-" when not measured)
  local name=$1 out
  # The JVM arguments of ./mmwb gui (JVM_ARGS and GUI_JVM_ARGS there).
  out=$("$JAVA" -Xmx2g --enable-native-access=ALL-UNNAMED -Dosgi.requiredJavaVersion=21 -XX:TieredStopAtLevel=1 \
        -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$WORK/gui-cds.jsa" -Dmmwb.bench="$name" -jar "$JAR" \
        -data "$WORK/ws-$RANDOM" --open "$SAMPLE" 2>&1 || true)
  local ms cpu
  ms=$(printf '%s\n' "$out" | sed -n "s/^mmwb-bench $name \([0-9]*\)$/\1/p" | tail -n1)
  cpu=$(printf '%s\n' "$out" | sed -n "s/^mmwb-bench $name-cpu \([0-9]*\)$/\1/p" | tail -n1)
  [ -n "$ms" ] || { printf '%s\n' "$out" | tail -n 20 >&2; die "no $name measurement (output above)"; }
  echo "$ms ${cpu:--}"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

echo "ui-bench: product $PRODUCT, $RUNS runs each"
measure startup >/dev/null   # populate the configuration area once (bundle cache), not counted
echo "ui-bench: load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs (other work slows the wall times)"
for name in startup faultlog; do
  vals=() cpus=()
  for _ in $(seq "$RUNS"); do
    read -r ms cpu < <(measure "$name")
    vals+=("$ms")
    [ "$cpu" = - ] || cpus+=("$cpu")
  done
  med=$(printf '%s\n' "${vals[@]}" | median)
  case $name in
    startup)  target=3000; what="JVM start to first window" ;;
    faultlog) target=1000; what="open Fault Log on 1,048,576 faults" ;;
  esac
  verdict=$([ "$med" -lt "$target" ] && echo "ok, target < $target ms" || echo "OVER the target of $target ms")
  printf '%-36s median %5d ms  (runs: %s)  %s\n' "$what" "$med" "${vals[*]}" "$verdict"
  if [ ${#cpus[@]} -gt 0 ]; then
    printf '%-36s median %5d ms  (runs: %s)\n' "  process CPU time until then" "$(printf '%s\n' "${cpus[@]}" | median)" "${cpus[*]}"
  fi
done
