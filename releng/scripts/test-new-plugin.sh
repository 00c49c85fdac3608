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
./mmwb --plugins "$jars" run "$DIR/bundles/$ID/demo.mms" >"$work/run.txt" 2>&1 || { cat "$work/run.txt"; fail "run of demo.mms exited non-zero"; }
grep -Eq '^ *5 +1 +read( .*)? -> 0x50$' "$work/run.txt" && grep -Eq '^ *6 +1 +read( .*)? -> 0x2a$' "$work/run.txt" \
  || { cat "$work/run.txt"; fail "[pv_clock] pages did not read 'P' and the device byte"; }
# 4. what the Eclipse IDE reads: a project for each bundle and the target folder, two launch configurations, and an
#    ide.target whose folders exist and name the JUnit versions that target-platform.target builds with
for p in "bundles/$ID" "bundles/$ID.tests" target-platform; do
  grep -q "<name>$(basename "$p" | sed "s/^target-platform$/$ID.target-platform/")</name>" "$DIR/$p/.project" 2>/dev/null \
    || fail "$p/.project missing or misnamed (File > Import > Existing Projects would not find it)"
done
for f in "bundles/$ID.tests/$ID tests.launch" "bundles/$ID/$ID in the mmwb workbench.launch" target-platform/ide.target; do
  python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' "$DIR/$f" 2>"$work/xml.txt" \
    || { cat "$work/xml.txt"; fail "$f is not well-formed XML"; }
done
grep -q 'org.mmwb.ui.product' "$DIR/bundles/$ID/$ID in the mmwb workbench.launch" || fail "the workbench launch names no product"
n=0
while IFS= read -r loc; do
  [ -d "$loc" ] || fail "ide.target names $loc, which does not exist after mvn verify"
  ls "$loc"/*.jar >/dev/null 2>&1 || [ -f "$loc/configuration/config.ini" ] || fail "ide.target: $loc holds no bundle"
  n=$((n + 1))
done < <(grep -o 'location path="[^"]*"' "$DIR/target-platform/ide.target" | sed 's/location path="//; s/"$//')
[ "$n" -ge 2 ] || fail "ide.target has $n locations"
tp_versions=$(grep -A2 '<artifactId>\(junit\|opentest4j\)' "$DIR/target-platform/target-platform.target" \
  | grep -o '<artifactId>[^<]*\|<version>[^<]*' | sed 's/<[a-zA-Z]*>//' | paste -d/ - - | sort)
ide_versions=$(grep -o 'location path="[^"]*"' "$DIR/target-platform/ide.target" | grep -E 'junit|opentest4j' \
  | sed -E 's#.*/([^/]+)/([^/]+)"$#\1/\2#' | sort)
[ -n "$tp_versions" ] && [ "$tp_versions" = "$ide_versions" ] \
  || { diff <(echo "$tp_versions") <(echo "$ide_versions"); fail "ide.target's JUnit versions differ from target-platform.target's"; }

echo "test-new-plugin: ok (generated $ID; mvn -o verify: $(grep -Eo 'Tests run: 5, Failures: 0[^,]*' "$work/build.log" | head -n1); installed with --plugins)"
