#!/usr/bin/env bash
# Installing a third-party plugin into the built product without rebuilding mmwb (issue 5 point 7).
# Builds the example plugin org.mmwb.examples.ticker OUTSIDE the Tycho reactor (plain javac + jar against the
# product's own org.mmwb.core jar), puts the jar in a scratch folder, and checks headless that
#   ./mmwb --plugins DIR providers   lists its provider with its bundle, and
#   ./mmwb --plugins DIR run FILE    maps [ticker] at exec and serves its faults with the plugin's handler,
# and that without --plugins the product is unchanged. Needs a built product (./mmwb build). Exit 0 = pass.
set -u -o pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PRODUCT="$ROOT/product/target/products/org.mmwb.product/linux/gtk/x86_64"
SRC="$ROOT/bundles/org.mmwb.examples.ticker"
fail() { echo "test-plugin-install: FAIL: $*" >&2; exit 1; }

JDK=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
[ -x "$JDK/bin/javac" ] || fail "no JDK with javac (set JAVA_HOME)"
core=$(ls "$PRODUCT"/plugins/org.mmwb.core_*.jar 2>/dev/null | tail -n1)
[ -n "$core" ] || fail "no built product in $PRODUCT (run ./mmwb build)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/classes" "$work/plugins" "$work/data"

# 1. build the plugin jar with nothing but the JDK and the product's API jar
"$JDK/bin/javac" --release 21 -nowarn -d "$work/classes" -cp "$core" $(find "$SRC/src" -name '*.java') \
  || fail "javac failed"
sed "s/\.qualifier/.$(date +%Y%m%d%H%M)/" "$SRC/META-INF/MANIFEST.MF" > "$work/MANIFEST.MF"
cp "$SRC/plugin.xml" "$work/classes/"
"$JDK/bin/jar" --create --file "$work/plugins/org.mmwb.examples.ticker.jar" --manifest "$work/MANIFEST.MF" \
  -C "$work/classes" . || fail "jar failed"

cat > "$work/ticker.mms" <<'MMS'
kernel x86_64-6.18
touch [ticker] 8K r
read [ticker]
MMS

export XDG_DATA_HOME="$work/data"   # a configuration of our own: the user's stays untouched
cd "$ROOT"

# 2. without the plugin: no [ticker]
./mmwb providers > "$work/before.txt" 2>&1
grep -q '\[ticker\]' "$work/before.txt" && fail "[ticker] listed before installing the plugin"

# 3. with it: listed with its bundle and callbacks
./mmwb --plugins "$work/plugins" providers > "$work/providers.txt" 2>&1 || { cat "$work/providers.txt"; fail "providers exited non-zero"; }
grep -Eq '^\[ticker\] +org\.mmwb\.examples\.ticker +org\.mmwb\.examples\.ticker +x86_64-6\.18 +exec +2 +fault,mremap,close' \
  "$work/providers.txt" || { cat "$work/providers.txt"; fail "[ticker] not listed as expected"; }

# 4. and it works: mapped at exec, page 0 handed back ('T' = 0x54), page 1 SIGBUS, faults named after the plugin
./mmwb --plugins "$work/plugins" run "$work/ticker.mms" --json > "$work/run.json" 2>&1 || { cat "$work/run.json"; fail "run exited non-zero"; }
python3 - "$work/run.json" <<'PY' || fail "the plugin's mapping did not behave"
import json, sys
r = json.load(open(sys.argv[1]))
res = {x["line"]: x["result"] for x in r["results"]}
assert res[2] == ["ok", "SIGBUS(ADRERR)"], res
assert res[3] == "0x54", res
final = [d for d in r["dumps"] if d["line"] is None and d["pid"] == 1][0]
t = [v for v in final["vmas"] if v["name"] == "[ticker]"]
assert t and t[0]["perms"] == "r--p", final
h = [f["handler"] for f in r["faults"] if f["vma"] == "[ticker]"]
assert h and all(x == "[ticker] (org.mmwb.examples.ticker)" for x in h), r["faults"]
PY
echo "test-plugin-install: ok (plugin built outside the reactor, installed with --plugins, provider works headless)"
