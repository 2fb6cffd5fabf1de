#!/bin/sh
# SPDX-License-Identifier: MIT
# Compares the ABI of the built libcouncil.so with the one recorded in
# abi/libcouncil.abi (doc/abi.md), with abidiff from abigail-tools.
#   tools/abi-check.sh [BUILD_DIR]           check (default BUILD_DIR: build)
#   tools/abi-check.sh --strict [BUILD_DIR]  also fail on layout changes
#   tools/abi-check.sh --update [BUILD_DIR]  record the built ABI
# A check passes when the ABI is unchanged or only grew (new functions:
# abidiff's ABI_CHANGE bit); it fails on an incompatible change (the
# ABI_INCOMPATIBLE_CHANGE bit: a function or variable removed) unless the
# soname's major number in meson.build differs from the recorded one, i.e.
# was bumped.  abidiff counts a changed layout of a public struct (a field
# added to a record a program allocates) as a mere change: it is reported
# here as harmful, and --strict (for a release) fails on it.
# Environment, for tests of this script: ABI_FILE, ABI_LIB, ABI_SOVERSION,
# ABI_HEADERS (the public headers' directory).
# Last line: "abi-check: ok ..." or "abi-check: FAIL ...".
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
mode=check
case "${1:-}" in
--update) mode=update; shift ;;
--strict) mode=strict; shift ;;
-*) echo "usage: $0 [--update|--strict] [BUILD_DIR]" >&2; exit 2 ;;
esac
build=${1:-build}
lib=${ABI_LIB:-$build/lib/libcouncil.so}
abi=${ABI_FILE:-$root/abi/libcouncil.abi}
headers=${ABI_HEADERS:-$root/include}
soversion=${ABI_SOVERSION:-$(sed -n "s/^libcouncil_soversion = '\([0-9]*\)'.*/\1/p" "$root/meson.build")}

fail() { echo "abi-check: FAIL: $*"; exit 1; }

command -v abidiff >/dev/null || fail "abidiff not installed (Debian: abigail-tools)"
[ -f "$lib" ] || fail "$lib: no such library (build first)"
lib=$(readlink -f "$lib")
soname() { objdump -p "$1" | sed -n 's/^ *SONAME *//p'; }
built=$(soname "$lib")
[ -n "$soversion" ] || fail "no libcouncil_soversion in meson.build"
[ "$built" = "libcouncil.so.$soversion" ] ||
	fail "$lib has soname '$built', meson.build says libcouncil.so.$soversion (stale build?)"
# Without DWARF abidiff sees symbols only and would miss every type change.
objdump -h "$lib" | grep -q '\.debug_info' || fail "$lib has no debug information (-g)"

if [ "$mode" = update ]; then
	mkdir -p "$(dirname "$abi")"
	# No locations, build paths or private types: the file changes only
	# when the ABI does, not when a header gains a line.
	abidw --no-corpus-path --no-show-locs --no-comp-dir-path \
		--headers-dir "$headers" --drop-private-types --out-file "$abi" "$lib" ||
		fail "abidw failed"
	echo "abi-check: ok: recorded the ABI of $built in ${abi#"$root"/}" \
		"($(grep -c '<elf-symbol name=.council_' "$abi") functions)"
	exit 0
fi

[ -f "$abi" ] || fail "$abi: no recorded ABI (tools/abi-check.sh --update)"
recorded=$(sed -n "1s/.*soname='\([^']*\)'.*/\1/p" "$abi")
report=$(mktemp)
trap 'rm -f "$report"' EXIT
abidiff "$abi" "$lib" >"$report" 2>&1
rc=$?
# abidiff's exit status is a bit field: 1 error, 2 usage error, 4 the ABI
# changed, 8 the change is incompatible.
[ $((rc & 3)) -eq 0 ] || { cat "$report"; fail "abidiff could not compare (status $rc)"; }
added=$(sed -n "s/^  \[A\] 'function [^']*\<\(council_[a-z0-9_]*\)(.*/\1/p" "$report" | sort -u)
[ -z "$added" ] || echo "abi-check: new functions since the recorded ABI:" $added
if [ $((rc & 8)) -ne 0 ]; then
	cat "$report"
	if [ "$recorded" != "$built" ]; then
		echo "abi-check: ok: incompatible changes, and the soname went from $recorded to" \
			"$built; record the new ABI: tools/abi-check.sh --update"
		exit 0
	fi
	fail "incompatible ABI change without a soname bump: bump libcouncil_soversion in" \
		"meson.build, or undo the change (doc/abi.md)"
fi
if [ $((rc & 4)) -ne 0 ]; then
	# Layout changes of types a program sees: harmful though abidiff does
	# not call them incompatible.
	harmful=$(grep -E "type size changed|offset changed|data member deletion|data members? (deletion|removal)|type of .* changed|underlying type .* changed" "$report" || true)
	if [ -n "$harmful" ]; then
		cat "$report"
		[ "$mode" = strict ] && fail "public types changed layout (--strict)"
		echo "abi-check: warning: types changed layout; a program built against the recorded" \
			"ABI may break: review (doc/abi.md)"
	fi
	echo "abi-check: ok: the ABI grew compatibly ($built)"
	exit 0
fi
echo "abi-check: ok: the ABI is unchanged ($built)"
