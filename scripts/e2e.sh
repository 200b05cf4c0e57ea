#!/usr/bin/env bash
# Browser tests with Debian's Chromium: installs it with apt when missing (as root), otherwise says how.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's chromium for the browser tests…"
    (apt-get install -y chromium >/dev/null 2>&1) || (apt-get update >/dev/null && apt-get install -y chromium >/dev/null)
  else
    echo "The browser tests need Chromium at /usr/bin/chromium: run 'sudo apt-get install chromium' (or set CHROMIUM_PATH)." >&2
    exit 1
  fi
fi
exec npx playwright test "$@"
