#!/bin/sh
# The whole test suite: a -Werror build and an AddressSanitizer +
# UndefinedBehaviorSanitizer build, each running every meson test.  The
# last line is the summary "N passed, N failed" over both runs.
set -u
cd "$(dirname "$0")/.."
./tools/deps.sh || exit 1
passed=0
failed=0
run() {
	dir=$1; shift
	if [ ! -d "$dir" ]; then
		meson setup "$dir" "$@" >/dev/null || { failed=$((failed + 1)); return; }
	fi
	if ! ninja -C "$dir" >"$dir.ninja.log" 2>&1; then
		cat "$dir.ninja.log"
		failed=$((failed + 1))
		return
	fi
	meson test -C "$dir" --print-errorlogs >"$dir.test.log" 2>&1
	cat "$dir.test.log"
	ok=$(sed -n 's/^Ok:[[:space:]]*\([0-9]*\).*/\1/p' "$dir.test.log" | tail -n 1)
	bad=0
	for k in Fail Timeout "Unexpected Pass"; do
		n=$(sed -n "s/^$k:[[:space:]]*\([0-9]*\).*/\1/p" "$dir.test.log" | tail -n 1)
		bad=$((bad + ${n:-0}))
	done
	passed=$((passed + ${ok:-0}))
	failed=$((failed + bad))
}
run build-werror -Dwerror=true
run build-asan -Dwerror=true -Db_sanitize=address,undefined -Db_lundef=false
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
