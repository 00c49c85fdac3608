#!/usr/bin/env bash
# The fidelity and speed figures of docs/recording.md (not a unit test): records real programs on the live kernel
# with `./mmwb record` and replays each with `./mmwb replay`, printing the replay's figures. Needs root.
#   ls -l /usr, sh -c true, python3 -c 'import json', gcc -c hello.c, java -version (the JDK mmwb runs on), and a
#   100,000-fault program (python3 allocating 450 MiB) for the speed target: the replay command's wall time (JVM
#   start, reading and replaying) beside the program's own wall time measured without the recorder.
# Usage: releng/scripts/record-figures.sh [OUTDIR]     (default: a temporary folder; the recordings stay there)
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${1:-$(mktemp -d)}
MMWB="$ROOT/mmwb"
JAVA_BIN=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
[ "$(id -u)" -eq 0 ] || { echo "record-figures: recording needs root" >&2; exit 1; }
mkdir -p "$OUT" && cd "$OUT" || exit 1
printf '#include <stdio.h>\nint main(void) { puts("hi"); return 0; }\n' > hello.c

run() { # NAME CMD...
  local name=$1; shift
  command -v "$1" >/dev/null 2>&1 || { echo "== $name: $1 not installed, skipped"; return; }
  echo "== $name: $*"
  "$MMWB" record -o "$name.rec" -- "$@" >/dev/null 2>"$name.record.txt" || { cat "$name.record.txt"; return; }
  grep '^mmwb: recorded' "$name.record.txt"
  "$MMWB" replay "$name.rec" | head -n 8
}

run ls ls -l /usr
run sh sh -c true
run python3 python3 -c 'import json'
run gcc gcc -c hello.c -o hello.o
run java "$JAVA_BIN" -version

BIG=(python3 -c 'a = bytearray(450 * 1024 * 1024)')
run big "${BIG[@]}"
start=$(date +%s%N); "${BIG[@]}"; end=$(date +%s%N)
echo "big: the program alone ran $(( (end - start) / 1000000 )) ms"
start=$(date +%s%N); "$MMWB" replay big.rec >/dev/null; end=$(date +%s%N)
echo "big: ./mmwb replay took $(( (end - start) / 1000000 )) ms (JVM start included)"
