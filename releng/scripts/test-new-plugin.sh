#!/usr/bin/env bash
# The plugin template cannot rot: ./mmwb new-plugin generates a project into a scratch folder outside the checkout,
# which must build and pass its own tests with `mvn -o verify` (offline: against mmwb's freshly built p2 site and
# the platform bundles already in the local Maven repository) with no edit; its jar then installs with --plugins
# and its mapping works in ./mmwb run. Needs a built product and site (./mmwb build). Exit 0 = pass.
set -u -o pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
fail() { echo "test-new-plugin: FAIL: $*" >&2; exit 1; }

MVN=$(ls "$ROOT"/.tools/apache-maven-*/bin/mvn 2>/dev/null | head -n1)
[ -x "$MVN" ] || fail "no Maven 3.9 in .tools/ (run ./mmwb build)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data"
cd "$ROOT"
ID=org.example.pv_clock
DIR="$work/pvclock"

# 1. bad input is refused with a message, not a half-written project
./mmwb new-plugin Bad-Id "$work/bad" 2>"$work/bad.txt"; rc=$?
[ $rc -eq 2 ] && grep -q "not a bundle id" "$work/bad.txt" || { cat "$work/bad.txt"; fail "a bad id gave exit $rc"; }
[ -e "$work/bad" ] && fail "a bad id left a folder behind"

# 2. generate and build it as its author would, outside the repository
./mmwb new-plugin "$ID" "$DIR" 2>"$work/new.txt" || { cat "$work/new.txt"; fail "new-plugin failed"; }
./mmwb new-plugin "$ID" "$DIR" 2>/dev/null && fail "new-plugin overwrote a non-empty folder"
grep -rl '__[A-Z_]*__' "$DIR" && fail "placeholders left in the generated project"
[ -f "$DIR/bundles/$ID/src/org/example/pv_clock/PvClockProvider.java" ] || fail "provider class not where expected"
(cd "$DIR" && "$MVN" -B -ntp -o verify) >"$work/build.log" 2>&1 \
  || { grep -E '^\[ERROR\]|Tests run|FAIL' "$work/build.log" | head -n 40; fail "mvn -o verify of the generated project failed"; }
grep -Eq 'Tests run: 5, Failures: 0, Errors: 0, Skipped: 0' "$work/build.log" \
  || { grep -E 'Tests run' "$work/build.log"; fail "the generated tests did not all run and pass"; }

# 3. its jar installs with --plugins, and the mapping serves both its pages
jars="$DIR/bundles/$ID/target"
./mmwb --plugins "$jars" providers >"$work/providers.txt" 2>&1 || { cat "$work/providers.txt"; fail "providers exited non-zero"; }
grep -Eq "^\[pv_clock\] +$ID +$ID +x86_64-6\.18 +exec +2 +fault,close" "$work/providers.txt" \
  || { cat "$work/providers.txt"; fail "[pv_clock] not listed"; }
printf 'kernel x86_64-6.18\nread [pv_clock]\nread [pv_clock]+4K\n' >"$work/p.mms"
./mmwb --plugins "$jars" run "$work/p.mms" >"$work/run.txt" 2>&1 || { cat "$work/run.txt"; fail "run exited non-zero"; }
grep -Eq '^ *2 +1 +read( .*)? -> 0x50$' "$work/run.txt" && grep -Eq '^ *3 +1 +read( .*)? -> 0x2a$' "$work/run.txt" \
  || { cat "$work/run.txt"; fail "[pv_clock] pages did not read 'P' and the device byte"; }
echo "test-new-plugin: ok (generated $ID; mvn -o verify: $(grep -Eo 'Tests run: 5, Failures: 0[^,]*' "$work/build.log" | head -n1); installed with --plugins)"
