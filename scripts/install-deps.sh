#!/bin/sh
# SPDX-License-Identifier: MIT
# Installs the Debian 12 packages hubsearch needs to build, test and run, and only those
# that are missing. Needs root (or sudo) when something is missing.
set -eu

packages="build-essential cmake pkg-config libxapian-dev libpugixml-dev
libboost-program-options-dev nlohmann-json3-dev catch2 libpoppler-cpp-dev libuchardet-dev
libjemalloc-dev"

missing=""
for p in $packages; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    case "$status" in
        *"install ok installed"*) ;;
        *) missing="$missing $p" ;;
    esac
done
[ -z "$missing" ] && exit 0

echo "install-deps: installing$missing" >&2
if [ "$(id -u)" -eq 0 ]; then
    as_root=""
elif command -v sudo >/dev/null 2>&1; then
    as_root="sudo"
else
    echo "install-deps: run as root to install:$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$as_root apt-get update -qq
# shellcheck disable=SC2086
$as_root apt-get install -y -qq --no-install-recommends $missing >/dev/null
