#!/bin/sh
# SPDX-License-Identifier: MIT
# tools/abi-check.sh judges what it should: on a small library built here
# in versions, a function added passes, one removed fails, one removed with
# the soname's major bumped passes, a new dependency passes, and a struct
# that grew passes with a warning but fails with --strict.
#   usage: test_abi_check.sh SOURCE_DIR
set -u
src=$(cd "$1" && pwd)
command -v abidiff >/dev/null || { echo "abidiff not installed (abigail-tools): skipped"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
mkdir -p v1 v2
cat > v1/council.h <<'H'
typedef struct council_rec { int a; const char *name; } council_rec;
__attribute__((visibility("default"))) int council_get(council_rec *r);
__attribute__((visibility("default"))) int council_old(void);
H
sed 's/const char \*name; }/const char *name; int b; }/' v1/council.h > v2/council.h
cat > base.c <<'C'
#include "council.h"
int council_get(council_rec *r) { return r->a; }
C
printf '#include "council.h"\nint council_old(void) { return 1; }\n' > old.c
printf '__attribute__((visibility("default"))) int council_new(void);\nint council_new(void) { return 2; }\n' > new.c
# lib NAME SOVERSION HEADERS SOURCES... [-lLIB]
lib() {
	name=$1 so=$2 hdr=$3; shift 3
	mkdir -p "$name/lib"
	cc -g -shared -fPIC -fvisibility=hidden -I"$hdr" -o "$name/lib/libcouncil.so" "$@" \
		-Wl,-soname,libcouncil.so.$so || exit 1
}
lib v1 0 v1 base.c old.c
lib added 0 v1 base.c old.c new.c
lib removed 0 v1 base.c
lib bumped 1 v1 base.c
lib needs 0 v1 base.c old.c -lz
lib grown 0 v2 base.c old.c

failures=0
# expect WANT_STATUS NAME SOVERSION [--strict]
expect() {
	want=$1 name=$2 so=$3; shift 3
	out=$(ABI_FILE="$tmp/v1.abi" ABI_LIB="$tmp/$name/lib/libcouncil.so" ABI_SOVERSION=$so \
		sh "$src/tools/abi-check.sh" "$@" 2>&1)
	got=$?
	if [ "$got" -ne "$want" ]; then
		echo "$name $*: status $got, want $want"
		echo "$out" | sed 's/^/    /'
		failures=$((failures + 1))
	else
		echo "$name $*:"; echo "$out" | grep "^abi-check" | sed "s/^/    /"
	fi
}
ABI_FILE="$tmp/v1.abi" ABI_LIB="$tmp/v1/lib/libcouncil.so" ABI_SOVERSION=0 ABI_HEADERS="$tmp/v1" \
	sh "$src/tools/abi-check.sh" --update >/dev/null || { echo "cannot record"; exit 1; }
expect 0 v1 0
expect 0 added 0
expect 1 removed 0
expect 0 bumped 1
expect 0 needs 0
expect 0 grown 0
expect 1 grown 0 --strict
# A stale build (soname not the one meson.build names) is no pass.
expect 1 v1 1
[ "$failures" -eq 0 ] || { echo "$failures verdict(s) wrong"; exit 1; }
echo "every verdict as expected"
