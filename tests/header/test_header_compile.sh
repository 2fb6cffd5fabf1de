#!/bin/sh
# SPDX-License-Identifier: MIT
# council.h compiles alone, pedantically, as C (c99, c11, c17) and as C++
# (c++11, c++17), and a program filling records from string literals
# compiles cleanly in both: C++ refuses a literal for a char * field, so
# this proves the fields are const.  The deprecated names warn (an error
# here), unless COUNCIL_NO_DEPRECATION_WARNINGS is defined.
#   usage: test_header_compile.sh SOURCE_DIR
set -eu
inc="$1/include"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cat > "$tmp/use.c" <<'C'
#include <council.h>
int use(council_db *db);
int use(council_db *db)
{
	static const char *units[] = { "Kultūros skyrius" };
	council_council c;
	council_measure m;
	council_filter f;
	council_id id;

	council_council_init(&c);
	c.name = "Kauno miesto BO taryba";
	c.municipality = "Kauno miesto savivaldybė";
	council_measure_init(&m);
	m.name = "Analizė";
	m.responsible = units;
	m.n_responsible = 1;
	council_filter_init(&f);
	f.council_id = COUNCIL_ALL;
	return council_add(&id, db, &c) || council_measure_add(NULL, db, &m) ||
	       council_list(db, &f, 0, 0);
}
C
cat > "$tmp/old.c" <<'C'
#include <council.h>
int old(council_db *db);
int old(council_db *db) { return council_council_delete(db, 1); }
C
flags="-pedantic -Wall -Wextra -Wwrite-strings -Werror -fsyntax-only -I$inc"
n=0
for std in c99 c11 c17; do
	# shellcheck disable=SC2086
	echo '#include <council.h>' | cc -std=$std $flags -x c -
	# shellcheck disable=SC2086
	cc -std=$std $flags -x c "$tmp/use.c"
	n=$((n + 2))
done
if command -v c++ >/dev/null; then
	for std in c++11 c++17; do
		# shellcheck disable=SC2086
		echo '#include <council.h>' | c++ -std=$std $flags -x c++ -
		# shellcheck disable=SC2086
		c++ -std=$std $flags -x c++ "$tmp/use.c"
		n=$((n + 2))
	done
else
	echo "no C++ compiler (g++): the C++ checks cannot run"; exit 1
fi
# shellcheck disable=SC2086
if cc -std=c11 $flags -x c "$tmp/old.c" 2>"$tmp/old.log"; then
	echo "council_council_delete compiled without a deprecation warning"; exit 1
fi
grep -q "use council_delete" "$tmp/old.log" || { cat "$tmp/old.log"; exit 1; }
# shellcheck disable=SC2086
cc -std=c11 $flags -DCOUNCIL_NO_DEPRECATION_WARNINGS -x c "$tmp/old.c"
n=$((n + 2))
echo "council.h: $n compilations as expected (C, C++, deprecation)"
