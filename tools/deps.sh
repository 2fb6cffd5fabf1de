#!/bin/sh
# SPDX-License-Identifier: MIT
# Installs what libcouncil needs to build and test on Debian 12, only if it
# is missing, so running it twice is harmless.  Uses sudo when not root.
set -eu
pkgs="meson ninja-build pkg-config gcc libsqlite3-dev libcmocka-dev libjansson-dev libutf8proc-dev sqlite3 python3 clang libclang-rt-14-dev libzip-dev libxml2-dev libhunspell-dev hunspell-lt poppler-utils antiword python3-icalendar python3-jsonschema postgresql-15 chromium"
# Shipping (doc/abi.md): g++ compiles council.h as C++, zlib1g-dev has the
# libz.a sqlite3.pc names for the static link test, abigail-tools checks the
# ABI, and the rest builds and checks the .deb packages.
pkgs="$pkgs g++ zlib1g-dev abigail-tools debhelper dpkg-dev fakeroot build-essential lintian"
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
echo "installing:$missing" >&2
$sudo apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
