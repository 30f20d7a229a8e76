#!/usr/bin/env bash
# Installs code-server (the real VS Code workbench, from npm) into .e2e/code-server, offline-safe:
# @vscode/ripgrep's download is served from a cache built from Debian's ripgrep.
# Needs Debian packages: ripgrep libkrb5-dev pkg-config (and chromium for the browser).
set -euo pipefail
VERSION=4.100.3
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DIR="$ROOT/.e2e/code-server"
BIN="$DIR/node_modules/code-server/out/node/entry.js"
if [ -f "$BIN" ] && grep -q "\"version\": \"$VERSION\"" "$DIR/node_modules/code-server/package.json" 2>/dev/null; then
  echo "code-server $VERSION already installed in $DIR"
  exit 0
fi
command -v rg >/dev/null || { echo "ripgrep (Debian package 'ripgrep') is required" >&2; exit 1; }
cache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
mkdir -p "$cache"
if [ ! -f "$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" ]; then
  staging="$(mktemp -d)"
  cp "$(command -v rg)" "$staging/rg"
  tar -czf "$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$staging" rg
  rm -rf "$staging"
fi
rm -rf "$DIR"
mkdir -p "$DIR"
cat > "$DIR/package.json" <<JSON
{ "private": true, "name": "ogi-report-e2e-code-server" }
JSON
cd "$DIR"
# code-server's own install scripts build its native modules: allow them for this folder only.
npm_config_unsafe_perm=true npm_config_yes=true npm_config_dangerously_allow_all_scripts=true \
  npm install --no-audit --no-fund --loglevel=error "code-server@$VERSION"
test -f "$BIN" || { echo "code-server did not install" >&2; exit 1; }
echo "code-server $VERSION installed in $DIR"
