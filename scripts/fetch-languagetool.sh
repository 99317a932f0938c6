#!/usr/bin/env bash
# Fetches a LanguageTool server and its language modules from Maven Central into DEST, laid out so
# that Studio's local mode (and language-tool-python) can start it with LTP_JAR_DIR_PATH=DEST:
#
#   DEST/languagetool-server.jar   manifest-only jar: Main-Class HTTPServer, Class-Path lib/*.jar
#   DEST/lib/*.jar                 languagetool-server, the language modules and their dependencies
#   DEST/VERSION                   "<version> <languages>", written last: its presence means "complete"
#
# Why Maven and not LanguageTool's zip: the zip lives on languagetool.org, which CI cannot reach;
# Maven Central can be reached, and the same artifacts are published there.
#
# Idempotent: exits at once when DEST/VERSION already names the wanted version and languages.
# Needs: Java 17+, Maven 3, python3 (to write the manifest). Env: LT_VERSION (default 6.8),
# LT_LANGUAGES (default "en de"; es pt ca are always added), MAVEN_OPTS / MAVEN_ARGS passed through to mvn.
set -euo pipefail

dest="${1:?usage: scripts/fetch-languagetool.sh DEST_DIR}"
mkdir -p "$dest"
dest="$(cd "$dest" && pwd)"  # absolute: Maven resolves relative paths against the pom's folder
version="${LT_VERSION:-6.8}"
# English and German are what Studio promises; Spanish, Portuguese and Catalan always come along
# because LanguageTool's language identifier (CommonWordsDetector) refuses to start without them.
languages=""
for language in ${LT_LANGUAGES:-en de} es pt ca; do
  case " $languages " in *" $language "*) ;; *) languages="${languages:+$languages }$language" ;; esac
done
want="$version $languages"

if [ -f "$dest/VERSION" ] && [ "$(cat "$dest/VERSION")" = "$want" ] && [ -f "$dest/languagetool-server.jar" ]; then
  exit 0
fi

command -v java >/dev/null 2>&1 || { echo "fetch-languagetool: Java 17 or newer is needed (apt-get install default-jre-headless)" >&2; exit 1; }
command -v mvn >/dev/null 2>&1 || { echo "fetch-languagetool: Maven is needed (apt-get install maven)" >&2; exit 1; }
command -v python3 >/dev/null 2>&1 || { echo "fetch-languagetool: python3 is needed" >&2; exit 1; }
java_major="$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1)"
if [ -z "$java_major" ] || [ "$java_major" -lt 17 ]; then
  echo "fetch-languagetool: LanguageTool $version needs Java 17 or newer; found: $(java -version 2>&1 | head -n1)" >&2
  exit 1
fi

echo "fetch-languagetool: fetching LanguageTool $version ($languages) from Maven Central into $dest"
work="$(mktemp -d "$dest/.fetch.XXXXXX")"
trap 'rm -rf "$work"' EXIT

deps=""
for language in $languages; do
  deps="$deps
    <dependency><groupId>org.languagetool</groupId><artifactId>language-$language</artifactId><version>$version</version></dependency>"
done
cat >"$work/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>studio.local</groupId>
  <artifactId>languagetool-bundle</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.languagetool</groupId><artifactId>languagetool-server</artifactId><version>$version</version>
      <!-- the server pulls in every language (over 250 MB); Studio takes only the ones listed -->
      <exclusions><exclusion><groupId>org.languagetool</groupId><artifactId>language-all</artifactId></exclusion></exclusions>
    </dependency>$deps
  </dependencies>
</project>
EOF

# MAVEN_ARGS is deliberately unquoted: it holds extra mvn flags (e.g. -o or -Dmaven.repo.local=...).
# shellcheck disable=SC2086
# (sed: Maven 3.8 prints colour codes even with -q -B; pipefail keeps mvn's exit status.)
mvn -q -B -Dstyle.color=never -f "$work/pom.xml" ${MAVEN_ARGS:-} \
  org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy-dependencies \
  -DincludeScope=runtime -DoutputDirectory="$work/lib" 2>&1 | sed 's/\x1b\[[0-9;]*m//g'
[ -d "$work/lib" ] || { echo "fetch-languagetool: Maven fetched nothing (see above)" >&2; exit 1; }

# The manifest-only jar: the JVM resolves Class-Path entries relative to the jar's own folder.
python3 - "$work" <<'EOF'
import pathlib, sys, zipfile

work = pathlib.Path(sys.argv[1])
jars = sorted(p.name for p in (work / "lib").glob("*.jar"))
if not any(name.startswith("languagetool-server-") for name in jars):
    sys.exit("fetch-languagetool: Maven did not deliver languagetool-server")

def header(name: str, value: str) -> bytes:
    # Manifest lines are at most 72 bytes; continuation lines start with one space.
    raw = f"{name}: {value}".encode()
    lines = [raw[:72]] + [b" " + raw[i:i + 71] for i in range(72, len(raw), 71)]
    return b"\r\n".join(lines) + b"\r\n"

manifest = (
    header("Manifest-Version", "1.0")
    + header("Main-Class", "org.languagetool.server.HTTPServer")
    + header("Class-Path", " ".join("lib/" + name for name in jars))
    + b"\r\n"
)
with zipfile.ZipFile(work / "languagetool-server.jar", "w", zipfile.ZIP_DEFLATED) as jar:
    jar.writestr("META-INF/MANIFEST.MF", manifest)
EOF

# Swap in the new layout; VERSION last, so an interrupted run is simply redone next time.
rm -f "$dest/VERSION"
rm -rf "$dest/lib"
mv "$work/lib" "$dest/lib"
mv "$work/languagetool-server.jar" "$dest/languagetool-server.jar"
printf '%s' "$want" >"$dest/VERSION"
echo "fetch-languagetool: ready: $(ls "$dest/lib" | wc -l) jars, $(du -sh "$dest" | cut -f1)"
