#!/usr/bin/env bash
# Installs the Debian packages Studio's tests and the GUI need, when they are missing.
# Needs root (or sudo) only when something is missing; says exactly what to run otherwise.
set -euo pipefail

packages=(
  # Qt's offscreen and xcb platforms
  libegl1 libgl1 libfontconfig1 libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0
  libxcb-render-util0 libxcb-image0
  fonts-dejavu-core
  # emoji in colour (the emoji picker, posts, previews): studio/ui/fonts.py makes it Qt's emoji font
  fonts-noto-color-emoji
  # Indonesian spelling (and English words inside Indonesian posts): Studio ships its own copies in
  # resources/hunspell/ (the bundle, Windows and macOS need them); a test keeps them in step with these
  hunspell-id hunspell-en-us
  # LanguageTool's local server
  default-jre-headless maven
  # The review pack's browser test (headless, driven by Playwright) and its PDF checks
  chromium poppler-utils
  # the team library's tests start a real PostgreSQL server (initdb, pg_ctl, pg_dump, psql)
  postgresql
  # the system's libpq: a synced app loads psycopg's "python" implementation over it, lighter when
  # idle than the binary wheel's own copies (studio.team.lean_driver; benchmarks/team.py measures it)
  libpq5
)

command -v dpkg-query >/dev/null 2>&1 || { echo "system-deps: not a Debian system, skipping (see README)"; exit 0; }

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
# Java 17 or newer and Maven may come from elsewhere than Debian (a Temurin JDK, sdkman): accept them.
if command -v java >/dev/null 2>&1 && command -v mvn >/dev/null 2>&1; then
  filtered=()
  for package in "${missing[@]}"; do
    case "$package" in default-jre-headless|maven) ;; *) filtered+=("$package") ;; esac
  done
  missing=("${filtered[@]}")
fi
# The Bluesky test server (scripts/setup-pds.sh) needs npm and a C++ tool chain (better-sqlite3 is
# compiled). Node.js may come from elsewhere than Debian (nodesource, nvm): accept any npm on PATH.
command -v npm >/dev/null 2>&1 || missing+=(npm)
{ command -v g++ >/dev/null 2>&1 && command -v make >/dev/null 2>&1; } || missing+=(build-essential)
command -v python3 >/dev/null 2>&1 || missing+=(python3)

[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "system-deps: missing Debian packages: ${missing[*]}" >&2
    echo "system-deps: run as root: apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi
echo "system-deps: installing ${missing[*]}"
log="$(mktemp)"
if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
        --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "system-deps: apt-get could not install: ${missing[*]}" >&2
  exit 1
fi
rm -f "$log"
