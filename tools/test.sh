#!/bin/sh
# SPDX-License-Identifier: MIT
# The whole test suite, every stage counted from meson test:
#   1. a -Werror build (hardened, as released) running every test;
#   2. an AddressSanitizer + UndefinedBehaviorSanitizer build running them again;
#   3. the libFuzzer build (clang) replaying every fuzz corpus, then a short
#      fuzzing run of each target (fuzz/smoke.sh, SMOKE_SECONDS per target);
#   4. the benchmark at its quick scale, to prove it still runs (its
#      figures are not judged here: see bench/README.md);
#   5. the ABI compared with the recorded one (tools/abi-check.sh);
#   6. the Debian packages built, checked by lintian and their installed
#      files used (tools/package-check.sh).
# The last line is the summary "N passed, N failed" over all of them.
set -u
cd "$(dirname "$0")/.."
./tools/deps.sh || exit 1
passed=0
failed=0

# Adds the Ok/Fail counts of a meson test log to the totals.
count() {
	ok=$(sed -n 's/^Ok:[[:space:]]*\([0-9]*\).*/\1/p' "$1" | tail -n 1)
	bad=0
	for k in Fail Timeout "Unexpected Pass"; do
		n=$(sed -n "s/^$k:[[:space:]]*\([0-9]*\).*/\1/p" "$1" | tail -n 1)
		bad=$((bad + ${n:-0}))
	done
	[ -n "$ok" ] || bad=$((bad + 1)) # no summary at all: meson itself failed
	passed=$((passed + ${ok:-0}))
	failed=$((failed + bad))
}

# setup DIR [meson args...]; returns non-zero (and counts a failure) when
# the directory cannot be configured or built.
build() {
	dir=$1; shift
	if [ ! -f "$dir/build.ninja" ]; then
		meson setup "$dir" "$@" >"$dir.setup.log" 2>&1 || {
			cat "$dir.setup.log"; failed=$((failed + 1)); return 1; }
	fi
	ninja -C "$dir" >"$dir.ninja.log" 2>&1 || {
		cat "$dir.ninja.log"; failed=$((failed + 1)); return 1; }
}

run() {
	dir=$1; shift
	build "$dir" "$@" || return
	meson test -C "$dir" --print-errorlogs >"$dir.test.log" 2>&1
	cat "$dir.test.log"
	count "$dir.test.log"
}

run build-werror -Dwerror=true
run build-asan -Dwerror=true -Db_sanitize=address,undefined -Db_lundef=false

# The fuzzers: corpus replay as meson tests, then a short fuzzing run.
if CC=clang build build-fuzz -Dfuzzing=true -Dtests=false -Dbench=false; then
	meson test -C build-fuzz --suite fuzz --print-errorlogs >build-fuzz.test.log 2>&1
	cat build-fuzz.test.log
	count build-fuzz.test.log
	BUILD=build-fuzz ./fuzz/smoke.sh "${SMOKE_SECONDS:-15}" >build-fuzz.smoke.log 2>&1
	cat build-fuzz.smoke.log
	s=$(tail -n 1 build-fuzz.smoke.log)
	sp=$(echo "$s" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
	sf=$(echo "$s" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
	passed=$((passed + ${sp:-0}))
	failed=$((failed + ${sf:-1}))
fi

# The benchmark at its quick scale (a meson benchmark, never a test).
meson test -C build-werror --benchmark --print-errorlogs >build-werror.bench.log 2>&1
cat build-werror.bench.log
count build-werror.bench.log

# step NAME COMMAND...: a check outside meson test, counted as one pass or
# one failure; its output goes to NAME.log and is shown.
step() {
	name=$1; shift
	if "$@" >"$name.log" 2>&1; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
	cat "$name.log"
}

# The ABI of the -Werror build against abi/libcouncil.abi (doc/abi.md).
step build-werror.abi ./tools/abi-check.sh build-werror
# The Debian packages, built once from a copy of the tree, lintian, and the
# installed files at work (tools/package-check.sh; about a minute and a
# half on two busy cores).
step build-packages ./tools/package-check.sh build-packages

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
