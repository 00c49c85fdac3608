#!/usr/bin/env bash
# Installing a plugin the Eclipse way: the example feature org.mmwb.examples.feature (category "mmwb - Examples for
# plugin authors" of mmwb's own p2 site) goes into a COPY of the built product with the p2 director, run headless by
# the product itself; then, as after a restart, ./mmwb providers lists [ticker] and a scenario uses it.
# Needs a built product and site (./mmwb build). Exit 0 = pass.
set -u -o pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PRODUCT="$ROOT/product/target/products/org.mmwb.product/linux/gtk/x86_64"
SITE="$ROOT/releng/org.mmwb.site/target/repository"
fail() { echo "test-p2-install: FAIL: $*" >&2; exit 1; }

JDK=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
[ -x "$JDK/bin/java" ] || fail "no JDK (set JAVA_HOME)"
[ -d "$PRODUCT/p2" ] || fail "no built p2-enabled product in $PRODUCT (run ./mmwb build)"
[ -f "$SITE/content.jar" ] || [ -f "$SITE/content.xml.xz" ] || fail "no p2 site in $SITE (run ./mmwb build)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -a "$PRODUCT" "$work/product" || fail "cannot copy the product"
copy="$work/product"
launcher=$(ls "$copy"/plugins/org.eclipse.equinox.launcher_*.jar | head -n1)

# 1. the director, headless, installs the example feature from the site into the copy's own profile
( cd "$work" && "$JDK/bin/java" -jar "$launcher" -nosplash -consoleLog -data @none \
    -application org.eclipse.equinox.p2.director \
    -repository "file:$SITE" -installIU org.mmwb.examples.feature.feature.group \
    -destination "$copy" -profile DefaultProfile ) >"$work/director.log" 2>&1 \
  || { tail -n 30 "$work/director.log"; fail "the p2 director failed"; }
grep -q '^org.mmwb.examples.ticker,' "$copy/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info" \
  || { tail -n 30 "$work/director.log"; fail "the director did not add the ticker bundle to bundles.info"; }
grep -q '^org.mmwb.examples.ticker,' "$PRODUCT/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info" \
  && fail "the built product was changed (only the copy should be)"

cat > "$work/ticker.mms" <<'MMS'
kernel x86_64-6.18
touch [ticker] 8K r
read [ticker]
MMS

# 2. after the "restart": the installed copy's provider is active
export XDG_DATA_HOME="$work/data"
cd "$ROOT"
MMWB_PRODUCT="$copy" ./mmwb providers >"$work/providers.txt" 2>&1 || { cat "$work/providers.txt"; fail "providers exited non-zero"; }
grep -Eq '^\[ticker\] +org\.mmwb\.examples\.ticker +org\.mmwb\.examples\.ticker +x86_64-6\.18 +exec +2 +fault,mremap,close' \
  "$work/providers.txt" || { cat "$work/providers.txt"; fail "[ticker] not listed after the p2 install"; }
MMWB_PRODUCT="$copy" ./mmwb run "$work/ticker.mms" >"$work/run.txt" 2>&1 || { cat "$work/run.txt"; fail "run exited non-zero"; }
grep -Eq '^ *3 +1 +read( .*)? -> 0x54$' "$work/run.txt" || { cat "$work/run.txt"; fail "[ticker]'s page did not read 'T'"; }

# 3. and the product as built still has no [ticker]
./mmwb providers >"$work/before.txt" 2>&1
grep -q '\[ticker\]' "$work/before.txt" && fail "[ticker] listed by the product as built"
echo "test-p2-install: ok (the p2 director installed org.mmwb.examples.feature from mmwb's site into a copy of the product; its provider is active there)"
