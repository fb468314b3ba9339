#!/usr/bin/env bash
# Makes sure a Chromium is present for the Playwright browser tests: MIJNOMGEVING_CHROMIUM when
# set, else `chromium` on the PATH (as tests/e2e/browser.py looks), else Debian's package,
# installed when missing and run as root.
set -euo pipefail
if [ -n "${MIJNOMGEVING_CHROMIUM:-}" ]; then
  if [ -x "$MIJNOMGEVING_CHROMIUM" ]; then
    exit 0
  fi
  echo "MIJNOMGEVING_CHROMIUM wijst naar '$MIJNOMGEVING_CHROMIUM', maar daar staat geen uitvoerbaar programma." >&2
  exit 1
fi
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
found="$(command -v chromium-browser || command -v google-chrome || true)"
echo "Chromium ontbreekt voor de browsertests. Installeer het pakket 'chromium'" >&2
echo "(Debian/Ubuntu: 'sudo apt-get install chromium') of zet MIJNOMGEVING_CHROMIUM op het pad van een Chromium${found:+, bijvoorbeeld MIJNOMGEVING_CHROMIUM=$found}." >&2
exit 1
