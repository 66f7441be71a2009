#!/usr/bin/env bash
# Installs the Debian 12 packages Review Tracker needs to build, run and test.
# Safe to run again: apt only installs what is missing.
set -euo pipefail

packages=(
  cmake g++ ninja-build pkg-config
  qt6-base-dev qt6-base-dev-tools libqt6opengl6-dev libqt6sql6-sqlite
  qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev libgl-dev
  libgtest-dev libgmock-dev libbenchmark-dev xvfb xauth sqlite3 fonts-dejavu-core
  libxlsxwriter-dev libzip-dev libsqlite3-dev poppler-utils unzip
  libqt6sql6-psql postgresql-15 postgresql-client-15
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  echo "Installing: ${missing[*]}"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
