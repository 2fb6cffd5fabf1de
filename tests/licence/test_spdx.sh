#!/bin/sh
# SPDX-License-Identifier: MIT
# Every source file carries its SPDX licence identifier (tools/spdx.sh
# says which files are sources and adds what is missing).
#   usage: test_spdx.sh [--list-missing] SOURCE_DIR
# With --list-missing it only lists the files that lack one.
set -u
list_only=0
[ "${1:-}" = --list-missing ] && { list_only=1; shift; }
src=${1:-.}
missing=$(sh "$src/tools/spdx.sh" --list-missing)
[ "$list_only" -eq 1 ] && { [ -z "$missing" ] || echo "$missing"; exit 0; }
total=$(sh "$src/tools/spdx.sh" --list | wc -l)
# No files at all would mean the list broke, not that all is well.
[ "$total" -gt 100 ] || { echo "only $total source files found"; exit 1; }
if [ -n "$missing" ]; then
	echo "$(echo "$missing" | wc -l) of $total source files lack an SPDX identifier" \
		"(run tools/spdx.sh):"
	echo "$missing" | sed 's/^/  /'
	exit 1
fi
echo "all $total source files carry an SPDX identifier"
