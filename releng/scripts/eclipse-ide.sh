#!/usr/bin/env bash
# Assembles an Eclipse IDE for plugin development (platform, JDT, PDE) from Maven Central into a folder and starts
# it, for machines with no Eclipse installed: this is how docs/plugin-guide.md section 9 (import the generated
# project, ide.target, the JUnit Plug-in Test and workbench launches, breakpoints in a handler) was checked.
# A packaged IDE ("Eclipse IDE for RCP and RAP Developers") does the same job; use it where you can download one.
#
#   releng/scripts/eclipse-ide.sh [--run] [DIR]      DIR defaults to .tools/eclipse-ide; --run starts it
#                                                    (workspace: $WS, default DIR/../eclipse-ide-workspace)
#
# Why a script of our own: Eclipse's packages come from download.eclipse.org, which these machines cannot reach;
# its bundles are on Maven Central, but not as an installable product. The base is mmwb's own product (built by
# ./mmwb build: the same Eclipse 4.39 platform bundles), JDT and PDE are added with their Maven dependencies, and
# three Orbit bundles that Maven Central has only as plain jars (org.junit, org.hamcrest.core, org.apache.ant) get
# an OSGi manifest. No m2e: it is not on Maven Central, so PDE here cannot read target-platform.target's Maven
# location; ide.target is the target for such an IDE.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
die() { echo "eclipse-ide: $*" >&2; exit 1; }
run=0
if [ "${1:-}" = --run ]; then run=1; shift; fi
DIR=${1:-$ROOT/.tools/eclipse-ide}
PRODUCT="$ROOT/product/target/products/org.mmwb.product/linux/gtk/x86_64"
[ -d "$PRODUCT/plugins" ] || die "no built product in $PRODUCT (run ./mmwb build first)"
MVN=$(ls "$ROOT"/.tools/apache-maven-*/bin/mvn 2>/dev/null | head -n1)
[ -x "$MVN" ] || die "no Maven in .tools/ (run ./mmwb build first)"
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; then
  JAVA_HOME=$(ls -d /usr/lib/jvm/temurin-2[5-9]* /usr/lib/jvm/*-2[1-9]* 2>/dev/null | head -n1 || true)
  [ -n "$JAVA_HOME" ] || die "needs a JDK 21+ (set JAVA_HOME)"
fi
export JAVA_HOME

if [ ! -f "$DIR/configuration/config.ini" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  # JDT and PDE as released with Eclipse 4.39/4.40, and what their poms do not bring (newer jdt.core than jdt.ui's
  # pom asks for, the compiler it re-exports, an SLF4J 2 provider for bnd).
  cat >"$work/pom.xml" <<'EOF'
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.mmwb.releng</groupId><artifactId>eclipse-ide</artifactId><version>1</version><packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.eclipse.pde</groupId><artifactId>org.eclipse.pde.ui</artifactId><version>3.16.400</version></dependency>
    <dependency><groupId>org.eclipse.pde</groupId><artifactId>org.eclipse.pde.launching</artifactId><version>3.13.600</version></dependency>
    <dependency><groupId>org.eclipse.pde</groupId><artifactId>org.eclipse.pde.junit.runtime</artifactId><version>3.8.300</version></dependency>
    <dependency><groupId>org.eclipse.pde</groupId><artifactId>org.eclipse.pde.core</artifactId><version>3.21.200</version></dependency>
    <dependency><groupId>org.eclipse.jdt</groupId><artifactId>org.eclipse.jdt.ui</artifactId><version>3.38.0</version></dependency>
    <dependency><groupId>org.eclipse.jdt</groupId><artifactId>org.eclipse.jdt.debug.ui</artifactId><version>3.15.400</version></dependency>
    <dependency><groupId>org.eclipse.jdt</groupId><artifactId>org.eclipse.jdt.junit</artifactId><version>3.17.500</version></dependency>
    <dependency><groupId>org.eclipse.jdt</groupId><artifactId>org.eclipse.jdt.junit5.runtime</artifactId><version>1.2.0</version></dependency>
    <dependency><groupId>org.eclipse.jdt</groupId><artifactId>org.eclipse.jdt.core</artifactId><version>3.46.0</version></dependency>
    <dependency><groupId>org.eclipse.jdt</groupId><artifactId>ecj</artifactId><version>3.46.0</version></dependency>
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-api</artifactId><version>2.0.17</version></dependency>
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-nop</artifactId><version>2.0.17</version></dependency>
  </dependencies>
</project>
EOF
  echo "eclipse-ide: resolving JDT and PDE from Maven Central ..." >&2
  (cd "$work" && "$MVN" -B -ntp -q dependency:copy-dependencies -DoutputDirectory="$work/raw" -DincludeScope=runtime) \
    >"$work/mvn.log" 2>&1 || { tail -n 30 "$work/mvn.log" >&2; die "Maven could not resolve the IDE's bundles"; }
  mkdir -p "$DIR"
  python3 - "$PRODUCT/plugins" "$work/raw" "$DIR" <<'EOF'
import os, re, shutil, sys, zipfile
product, raw, out = sys.argv[1:4]
plugins = os.path.join(out, "plugins"); os.makedirs(plugins, exist_ok=True)

def manifest(path):
    try:
        if os.path.isdir(path):
            text = open(os.path.join(path, "META-INF", "MANIFEST.MF"), encoding="utf-8").read()
        else:
            with zipfile.ZipFile(path) as z:
                text = z.read("META-INF/MANIFEST.MF").decode("utf-8")
    except (KeyError, OSError, zipfile.BadZipFile):
        return None
    text = re.sub(r"\r?\n ", "", text)
    headers = dict(l.split(": ", 1) for l in text.splitlines() if ": " in l)
    if "Bundle-SymbolicName" not in headers:
        return None
    return headers["Bundle-SymbolicName"].split(";")[0].strip(), headers.get("Bundle-Version", "0.0.0").strip()

def vkey(v):
    return [int(p) if p.isdigit() else 0 for p in re.split(r"[.\-]", v)[:3]]

# The framework exports these OSGi API packages itself; a second exporter only splits the wiring.
framework_api = {"org.osgi.framework", "org.osgi.resource", "org.osgi.util.tracker", "org.osgi.dto",
                 "org.osgi.service.resolver"}
chosen = {}  # bsn -> (version, path)
for folder, skip_mmwb in ((product, True), (raw, False)):
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if skip_mmwb and name.startswith("org.mmwb."):
            continue
        bv = manifest(path)
        if bv is None or bv[0] in framework_api or bv[0].endswith(".macosx") or ".win32" in bv[0]:
            continue
        bsn, ver = bv
        if bsn not in chosen or vkey(ver) > vkey(chosen[bsn][0]):
            chosen[bsn] = (ver, path)

def wrap(jars, bsn, ver, extra=()):
    """An OSGi manifest for plain jars: exports every package they hold, at the jar's version."""
    entries, pkgs = {}, set()
    for jar in jars:
        with zipfile.ZipFile(jar) as z:
            for n in z.namelist():
                if n.upper() == "META-INF/MANIFEST.MF" or n in entries:
                    continue
                entries[n] = z.read(n)
                if n.endswith(".class"):
                    pkgs.add(os.path.dirname(n).replace("/", "."))
    lines = ["Manifest-Version: 1.0", "Bundle-ManifestVersion: 2", f"Bundle-SymbolicName: {bsn}",
             f"Bundle-Version: {ver}", "Export-Package: " + ",".join(f'{p};version="{ver}"' for p in sorted(pkgs)),
             *extra]
    def fold(line):
        parts = [line[:70]] + [" " + line[i:i + 69] for i in range(70, len(line), 69)]
        return "\r\n".join(parts)
    dest = os.path.join(plugins, f"{bsn}_{ver}.jar")
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as o:
        o.writestr("META-INF/MANIFEST.MF", "\r\n".join(fold(l) for l in lines) + "\r\n\r\n")
        for n, data in entries.items():
            o.writestr(n, data)
    chosen[bsn] = (ver, dest)

def raw_jar(prefix):
    found = [f for f in os.listdir(raw) if f.startswith(prefix) and f.endswith(".jar")]
    if not found:
        sys.exit(f"eclipse-ide: {prefix}*.jar was not resolved")
    return os.path.join(raw, found[0])

wrap([raw_jar("hamcrest-core-")], "org.hamcrest.core", "1.3.0")
wrap([raw_jar("junit-4.")], "org.junit", "4.13.2",
     ['Require-Bundle: org.hamcrest.core;bundle-version="1.3.0";visibility:=reexport'])
wrap([raw_jar("ant-1."), raw_jar("ant-launcher-1.")], "org.apache.ant", "1.10.15")

info = ["#version=1"]
starts = {"org.eclipse.equinox.simpleconfigurator": (1, "true"), "org.eclipse.equinox.common": (2, "true"),
          "org.apache.felix.scr": (2, "true"), "org.eclipse.equinox.event": (2, "true"),
          "org.eclipse.core.runtime": (4, "true"), "org.eclipse.osgi": (-1, "true")}
for bsn in sorted(chosen):
    ver, path = chosen[bsn]
    dest = os.path.join(plugins, os.path.basename(path))
    if os.path.abspath(path) != os.path.abspath(dest):
        (shutil.copytree if os.path.isdir(path) else shutil.copy2)(path, dest)
    level, start = starts.get(bsn, (4, "false"))
    info.append(f"{bsn},{ver},plugins/{os.path.basename(dest)}{'/' if os.path.isdir(dest) else ''},{level},{start}")
conf = os.path.join(out, "configuration")
os.makedirs(os.path.join(conf, "org.eclipse.equinox.simpleconfigurator"), exist_ok=True)
open(os.path.join(conf, "org.eclipse.equinox.simpleconfigurator", "bundles.info"), "w").write("\n".join(info) + "\n")
jar = lambda bsn: os.path.basename(chosen[bsn][1])
open(os.path.join(conf, "config.ini"), "w").write(
    "eclipse.application=org.eclipse.ui.ide.workbench\n"
    f"osgi.bundles=reference\\:file\\:{jar('org.eclipse.equinox.simpleconfigurator')}@1\\:start\n"
    "org.eclipse.equinox.simpleconfigurator.configUrl=file\\:org.eclipse.equinox.simpleconfigurator/bundles.info\n"
    "osgi.bundles.defaultStartLevel=4\n"
    f"osgi.framework=file\\:plugins/{jar('org.eclipse.osgi')}\n"
    f"osgi.framework.extensions=reference\\:file\\:{jar('org.eclipse.osgi.compatibility.state')}\n")
print(f"eclipse-ide: {len(chosen)} bundles in {plugins}", file=sys.stderr)
EOF
fi

launcher=$(ls "$DIR"/plugins/org.eclipse.equinox.launcher_*.jar "$DIR"/plugins/org.eclipse.equinox.launcher-*.jar \
  2>/dev/null | head -n1 || true)
[ -n "$launcher" ] || die "no Equinox launcher in $DIR/plugins"
WS=${WS:-$(dirname "$DIR")/eclipse-ide-workspace}
cmd=("$JAVA_HOME/bin/java" -Xmx2g -jar "$launcher" -configuration "$DIR/configuration" -data "$WS")
if [ "$run" -eq 1 ]; then
  exec "${cmd[@]}"
fi
echo "eclipse-ide: ready; start it with: $0 --run   (or: ${cmd[*]})" >&2
