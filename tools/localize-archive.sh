#!/bin/sh
# SPDX-License-Identifier: MIT
# Builds the installed libcouncil.a from the internal archive: one partial
# link (ld -r) of all its objects, then objcopy --localize-hidden, so every
# symbol compiled hidden (all but the COUNCIL_API functions) becomes local
# and a static program sees only council_*.  Called by lib/meson.build.
#   usage: localize-archive.sh LD OBJCOPY AR IN.a OUT.a
set -eu
ld=$1 objcopy=$2 ar=$3 in=$4 out=$5
obj="$out.o"
rm -f "$obj" "$out"
"$ld" -r -o "$obj" --whole-archive "$in"
"$objcopy" --localize-hidden "$obj"
# D: deterministic (zero timestamps and owners), for reproducible packages.
"$ar" rcD "$out" "$obj"
rm -f "$obj"
