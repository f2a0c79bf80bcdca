#!/usr/bin/env bash
# Installs what Safeguard needs from Debian when it is missing: Lua 5.4 and SQLite headers,
# pkg-config (SwiftPM finds lua5.4 through it) and the time-zone data (Europe/London).
# Sourced by scripts/demo and scripts/test.
set -euo pipefail

safeguard_missing_packages() {
  local missing=()
  pkg-config --exists lua5.4 2>/dev/null || missing+=(liblua5.4-dev)
  [ -e /usr/include/sqlite3.h ] || missing+=(libsqlite3-dev)
  command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
  [ -e /usr/share/zoneinfo/Europe/London ] || missing+=(tzdata)
  echo "${missing[@]:-}"
}

safeguard_install_prerequisites() {
  local missing
  missing=$(safeguard_missing_packages)
  [ -z "$missing" ] && return 0
  echo "Installing from Debian: $missing" >&2
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo="sudo"
    else
      echo "safeguard: need root to run: apt-get install -y $missing" >&2
      return 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq >&2
  # shellcheck disable=SC2086
  $sudo apt-get install -y -qq $missing >&2
}

# Headless Chromium and its driver, for the pages' checks (scripts/serve-checks), and Python's venv
# for the tools those checks install from PyPI.
safeguard_install_browser() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  command -v python3 >/dev/null 2>&1 || missing+=(python3)
  python3 -m venv --help >/dev/null 2>&1 && python3 -c "import ensurepip" 2>/dev/null || missing+=(python3-venv)
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing from Debian: ${missing[*]}" >&2
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo="sudo"
    else
      echo "safeguard: need root to run: apt-get install -y ${missing[*]}" >&2
      return 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq >&2
  $sudo apt-get install -y -qq "${missing[@]}" >&2
}

if ! command -v swift >/dev/null 2>&1; then
  echo "safeguard: swift is not on PATH; expected Swift 6.3 (for example /opt/swift/usr/bin)" >&2
  exit 1
fi
safeguard_install_prerequisites
