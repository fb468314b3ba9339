#!/usr/bin/env bash
# Makes sure Debian's Chromium is present for the Playwright browser tests.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium ontbreekt: installeren met apt-get (eenmalig)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
  exit 0
fi
echo "Chromium ontbreekt voor de browsertests. Installeer het pakket 'chromium' (Debian/Ubuntu:" >&2
echo "'sudo apt-get install chromium') of zet MIJNOMGEVING_CHROMIUM op het pad van een Chromium." >&2
exit 1
