#!/bin/sh
# SPDX-License-Identifier: MIT
# The unit suite and the reliability regressions under valgrind memcheck:
# any invalid access, use of uninitialised memory or definite/indirect
# leak fails the test it happens in.  Then the bad-input table with the
# tool itself under memcheck (exit 99 marks a valgrind error there).
#
#   tests/reliability/memcheck.sh BUILD_DIR     # a build without sanitizers
#
# Needs valgrind (Debian 12: apt-get install valgrind).  About 1 minute for
# the unit suite and 4 for the table on two cores.
set -u
cd "$(dirname "$0")/../.."
build=${1:-build}
vg="valgrind -q --error-exitcode=1 --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect"
passed=0
failed=0

if ! command -v valgrind >/dev/null 2>&1; then
	echo "valgrind not installed"
	echo "0 passed, 1 failed"
	exit 1
fi
tests=$(meson test -C "$build" --list --suite unit 2>/dev/null | sed 's/.* \/ //')
if meson test -C "$build" -t 10 --wrap="$vg" reliability_regressions $tests >"$build/memcheck.log" 2>&1; then
	echo "unit suite under memcheck: ok"
	passed=$((passed + 1))
else
	grep -E "^ *[0-9]+/[0-9]+ " "$build/memcheck.log" | grep -v " OK "
	failed=$((failed + 1))
fi

wrapper=$(mktemp)
trap 'rm -f "$wrapper"' EXIT
printf '#!/bin/sh\nexec %s --error-exitcode=99 "%s" "$@"\n' \
	"$(echo "$vg" | sed 's/--error-exitcode=1//')" "$(cd "$build" && pwd)/cli/council" >"$wrapper"
chmod +x "$wrapper"
if python3 tests/reliability/bad_input.py "$wrapper" >"$build/memcheck-bad-input.log" 2>&1; then
	echo "bad-input table with the tool under memcheck: ok"
	passed=$((passed + 1))
else
	grep -v "^ok" "$build/memcheck-bad-input.log"
	failed=$((failed + 1))
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
