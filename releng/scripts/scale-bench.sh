#!/usr/bin/env bash
# The scale benchmark (not a unit test): big workloads run end to end the way a user runs them, on the simulator
# through `./mmwb run FILE --json` (JVM start, the run and the JSON included) and on the live kernel through the host
# helper with `./mmwb run FILE --live --json` (the same JVM, helper start and JSON), alternately in the same run.
# Prints, per workload, the median wall time of each side and the ratio mmwb/kernel (target: <= 1.0), then the
# same as one JSON object on the last line. Workloads (docs/performance.md):
#   touch-64m     mmap 64 MiB, touch it all w                                  (16,384 faults)
#   touch-1g      mmap 1 GiB, touch it all w                                   (262,144 faults)
#   fork-cow-256m mmap 256 MiB, touch w, fork, the child touches it all w      (65,536 COW faults)
#   mprotect-51k  mmap 400 MiB, 51,200 mprotects of every other page, touch r, munmap (vm.max_map_count reached)
#   find-vma-100k 100,000 VMAs (vm.max_map_count raised), then a read in each: find_vma at 100k VMAs
#
# Usage: releng/scripts/scale-bench.sh [RUNS]      (default 3; ./mmwb bench --scale [RUNS] runs it)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RUNS=${1:-3}
MMWB="$ROOT/mmwb"
die() { echo "scale-bench: $*" >&2; exit 1; }
[ "$RUNS" -ge 1 ] 2>/dev/null || die "RUNS must be a number >= 1, not '$RUNS'"

WORK=$(mktemp -d /tmp/mmwb-scale-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

cat >"$WORK/touch-64m.mms" <<'EOF'
$a = mmap 0 64M rw-
touch $a 64M w
EOF
cat >"$WORK/touch-1g.mms" <<'EOF'
$a = mmap 0 1G rw-
touch $a 1G w
EOF
cat >"$WORK/fork-cow-256m.mms" <<'EOF'
$a = mmap 0 256M rw-
touch $a 256M w
fork
touch $a 256M w
EOF
cat >"$WORK/mprotect-51k.mms" <<'EOF'
$a = mmap 0 400M rw-
repeat $i 0 51200 { mprotect $a+$i*8K 4K r-- }
touch $a 400M r
munmap $a 400M
EOF
cat >"$WORK/find-vma-100k.mms" <<'EOF'
sysctl vm.max_map_count 200000
$a = mmap 0 800M rw-
repeat $i 0 100000 { mprotect $a+$i*8K 4K r-- }
touch $a 800M r
EOF

# The build (if needed) and the helper's compilation happen before anything is timed.
"$MMWB" run "$WORK/touch-64m.mms" >/dev/null
"$MMWB" run "$WORK/touch-64m.mms" --live >/dev/null 2>"$WORK/live.err" \
  || die "the live kernel side cannot run here: $(cat "$WORK/live.err")"

now() { date +%s%N; }

# time_run OUT.JSON ARGS...: wall seconds of one ./mmwb run, its JSON kept to check it is complete
time_run() {
  local out=$1 t0 t1
  shift
  t0=$(now)
  "$MMWB" run "$@" --json >"$out" 2>"$out.err" || die "./mmwb run $* failed: $(tail -n 3 "$out.err")"
  t1=$(now)
  tail -c 2 "$out" | grep -q '}' || die "./mmwb run $* wrote an incomplete report"
  awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f\n", (b - a) / 1e9}'
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

kernel=$(uname -r)
printf '%-15s %10s %10s %8s\n' workload "mmwb s" "kernel s" ratio
json="{\"kernel\": \"$kernel\", \"runs\": $RUNS, \"unit\": \"s (median wall, JVM start included)\", \"workloads\": ["
sep=""
for w in touch-64m touch-1g fork-cow-256m mprotect-51k find-vma-100k; do
  : >"$WORK/$w.sim" && : >"$WORK/$w.kernel"
  for _ in $(seq "$RUNS"); do
    time_run "$WORK/out.json" "$WORK/$w.mms" >>"$WORK/$w.sim"
    time_run "$WORK/out.json" "$WORK/$w.mms" --live >>"$WORK/$w.kernel"
  done
  sim=$(median <"$WORK/$w.sim")
  ker=$(median <"$WORK/$w.kernel")
  ratio=$(awk -v a="$sim" -v b="$ker" 'BEGIN {printf "%.3f", a / b}')
  printf '%-15s %10s %10s %8s\n' "$w" "$sim" "$ker" "$ratio"
  json="$json$sep{\"name\": \"$w\", \"mmwb_s\": $sim, \"kernel_s\": $ker, \"ratio\": $ratio}"
  sep=", "
done
echo "$json]}"
