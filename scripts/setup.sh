#!/usr/bin/env bash
# One-time set-up of a fresh Debian machine: the Debian packages the tests and the browser workbench
# need (only those missing are installed), then the npm packages (npm ci, which also builds).
set -euo pipefail
cd "$(dirname "$0")/.."
PACKAGES=(chromium fonts-noto-cjk neovim ripgrep libkrb5-dev pkg-config libreoffice-writer-nogui poppler-utils)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
npm ci --no-audit --no-fund
