#!/bin/sh
# SPDX-License-Identifier: MIT
# The libraries export nothing but the API: every global symbol either
# library defines must start with council_.  An internal name left global
# collides in a static program that links another library using the same
# name (libjansson.a has its own utf8_encode) and, in the shared library,
# becomes ABI by accident.
#   usage: test_symbols.sh so|a LIBRARY
# The shared library also defines its version node (LIBCOUNCIL_0, an
# absolute symbol the version script makes); that is no function and is
# allowed.
set -eu
kind=$1
lib=$2
case "$kind" in
so) syms=$(nm -D --defined-only "$lib") ;;
a)  syms=$(nm -g --defined-only "$lib") ;;
*)  echo "usage: $0 so|a LIBRARY" >&2; exit 2 ;;
esac
# "ADDRESS TYPE NAME" lines only (nm -g on an archive also prints member names).
all=$(printf '%s\n' "$syms" | awk 'NF == 3 { print $2, $3 }')
api=$(printf '%s\n' "$all" | awk '$2 ~ /^council_/' | wc -l)
bad=$(printf '%s\n' "$all" | awk '$2 !~ /^council_/ && !($1 == "A" && $2 ~ /^LIBCOUNCIL_/)')
echo "$lib: $api council_ symbols"
# An empty list means nm read nothing: that is a failure, not a pass.
[ "$api" -gt 100 ] || { echo "too few council_ symbols: is this libcouncil?"; exit 1; }
if [ -n "$bad" ]; then
	echo "global symbols outside council_ ($(printf '%s\n' "$bad" | wc -l)):"
	printf '%s\n' "$bad" | sed 's/^/  /'
	exit 1
fi
echo "no global symbol outside council_"
