#!/bin/sh
# SPDX-License-Identifier: MIT
# Links a C program statically, as far as the system allows, and prints
# how: "static" (cc -static, every library from its archive) or, when some
# library has no static archive (Debian's libzip-dev ships none), "mixed:
# ..." naming those, linked dynamically with libc while every other
# library still comes from its archive.  Used by tests/install/test_static.sh
# and tools/package-check.sh.  Messages go to stderr, the mode to stdout.
#   usage: static-link.sh OUTPUT SOURCE.c CFLAGS LIBS
# CFLAGS and LIBS as `pkg-config --cflags` and `pkg-config --static --libs`
# print them; an -L in LIBS is searched for archives too.
set -eu
out=$1 source=$2 cflags=$3 libs=$4

dirs=""
for l in $libs; do case "$l" in -L*) dirs="$dirs ${l#-L}" ;; esac; done
has_archive() {
	[ "$(cc -print-file-name="lib$1.a")" != "lib$1.a" ] && return 0
	for d in $dirs; do [ -f "$d/lib$1.a" ] && return 0; done
	return 1
}
missing=""
for l in $libs; do
	case "$l" in -l*) has_archive "${l#-l}" || missing="$missing ${l#-l}" ;; esac
done
if [ -z "$missing" ]; then
	mode=static
	link="-static $libs"
else
	mode="mixed: no static archive of$missing on this system; those and libc linked dynamically"
	link=""
	for l in $libs; do
		case "$l" in
		-lc|-lm|-lpthread|-ldl|-lrt) link="$link $l" ;;
		-l*) case " $missing " in
			*" ${l#-l} "*) link="$link $l" ;;
			*) link="$link -Wl,-Bstatic $l -Wl,-Bdynamic" ;;
			esac ;;
		*) link="$link $l" ;;
		esac
	done
	# ICU's archives (under libxml2) are C++; libxml-2.0.pc does not say so.
	case "$link" in *-licu*) link="$link -lstdc++" ;; esac
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# glibc warns that a static program calling dlopen (SQLite's extension
# loading) needs the shared libc at run time: not an error.
# shellcheck disable=SC2086
if ! cc -std=c11 -Wall -Wextra -Werror -o "$out" "$source" $cflags $link 2>"$log"; then
	cat "$log" >&2
	exit 1
fi
grep -v "dlopen\|getpwuid\|getpwnam\|getaddrinfo\|in function\|statically linked" "$log" >&2 || true
if [ "$mode" = static ] && ! file "$out" | grep -q "statically linked"; then
	file "$out" >&2
	exit 1
fi
echo "$mode"
