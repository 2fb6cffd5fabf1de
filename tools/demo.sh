#!/bin/sh
# SPDX-License-Identifier: MIT
# The main job: build council, load the bundled example reports into the
# embedded default database, and answer the two questions the registry is
# for: meetings per year and participants per event.
set -eu
cd "$(dirname "$0")/.."
./tools/deps.sh
[ -d build ] || meson setup build >/dev/null
ninja -C build >/dev/null
council=./build/cli/council
$council init
# Importing the same reports again changes nothing and says so.
$council import examples/reports/*.txt
echo
echo "== Meetings per year =="
$council --format table query meetings
echo
echo "== Participants per event =="
$council --format table query participants
