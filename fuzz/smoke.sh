#!/bin/sh
# SPDX-License-Identifier: MIT
# Builds the libFuzzer targets and fuzzes each one for a while over its
# committed corpus, two targets at a time (CI and the developers' machines
# have two cores).  Prints per target the executions, seconds and
# executions per second, then "N passed, N failed".
#
#   fuzz/smoke.sh                 # CI smoke: 25 s per target
#   fuzz/smoke.sh 600             # the 10-minute runs doc/reliability.md reports
#   fuzz/smoke.sh 60 fuzz_import  # one target
#
# Needs clang and its runtime libraries (Debian 12: apt-get install clang
# libclang-rt-14-dev), plus the build dependencies of the project.  New
# inputs found go to a scratch copy of each corpus, never into the tree;
# a crashing input is kept as $BUILD/fuzz/crash-* and fails the run.
# Environment: BUILD (default build-fuzz), JOBS (default 2).
set -u
cd "$(dirname "$0")/.."
secs=${1:-25}
[ $# -gt 0 ] && shift
targets=${*:-"fuzz_import fuzz_json fuzz_lt_date fuzz_lt_number fuzz_lt_phrase fuzz_cli fuzz_document fuzz_encoding"}
build=${BUILD:-build-fuzz}
jobs=${JOBS:-2}
src=$(pwd)

if ! command -v clang >/dev/null 2>&1; then
	echo "fuzz/smoke.sh: clang not found (apt-get install clang libclang-rt-14-dev)" >&2
	echo "0 passed, 1 failed"
	exit 1
fi
if [ ! -f "$build/build.ninja" ]; then
	CC=clang meson setup "$build" -Dfuzzing=true -Dtests=false -Dbench=false \
		-Dbuildtype=debugoptimized >"$build.setup.log" 2>&1 || {
		cat "$build.setup.log"; echo "0 passed, 1 failed"; exit 1; }
fi
if ! ninja -C "$build" >"$build.ninja.log" 2>&1; then
	cat "$build.ninja.log"
	echo "0 passed, 1 failed"
	exit 1
fi
build=$(cd "$build" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

run_one() {
	t=$1
	dict=lt.dict
	maxlen=4096
	case $t in
	fuzz_import) maxlen=16384 ;;
	fuzz_json) dict=json.dict; maxlen=16384 ;;
	fuzz_cli) dict=cli.dict ;;
	fuzz_document) dict=document.dict; maxlen=65536 ;;
	fuzz_encoding) maxlen=16384 ;;
	esac
	mkdir -p "$work/$t"
	# The first corpus directory receives new inputs: the scratch copy.
	"$build/fuzz/$t" "$work/$t" "$src/fuzz/corpus/$t" \
		-dict="$src/fuzz/dict/$dict" -max_total_time="$secs" -max_len=$maxlen \
		-timeout=25 -rss_limit_mb=2048 -error_exitcode=1 -print_final_stats=1 \
		-artifact_prefix="$build/fuzz/" >"$work/$t.log" 2>&1
	echo $? >"$work/$t.rc"
}

running=0
for t in $targets; do
	run_one "$t" &
	running=$((running + 1))
	if [ "$running" -ge "$jobs" ]; then
		wait
		running=0
	fi
done
wait

passed=0
failed=0
printf '%-16s %12s %8s %10s %6s %s\n' target executions seconds exec/s corpus result
for t in $targets; do
	rc=$(cat "$work/$t.rc" 2>/dev/null || echo 1)
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$t.log" | tail -n 1)
	took=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$work/$t.log" | tail -n 1)
	corpus=$(ls "$work/$t" | wc -l)
	rate=0
	[ -n "$took" ] && [ "$took" -gt 0 ] && rate=$(( ${execs:-0} / took ))
	if [ "$rc" -eq 0 ]; then
		result=ok
		passed=$((passed + 1))
	else
		result="FAILED (exit $rc)"
		failed=$((failed + 1))
		tail -n 60 "$work/$t.log"
	fi
	printf '%-16s %12s %8s %10s %6s %s\n' "$t" "${execs:-?}" "${took:-?}" "$rate" "$corpus" "$result"
	# Keep the logs next to the build for whoever wants the details.
	cp "$work/$t.log" "$build/fuzz/$t.last.log"
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
