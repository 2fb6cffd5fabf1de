#!/bin/sh
# SPDX-License-Identifier: MIT
# Links a program statically, as `cc -static demo.c $(pkg-config --static
# --libs libcouncil)` would after installing, and runs it: libcouncil.a with
# the archives of SQLite, jansson and the rest (tools/static-link.sh: a
# dependency Debian ships no archive of, libzip, is linked dynamically with
# libc, and the test says so).  Before the
# archive was localised this failed: libjansson.a and libcouncil.a both
# defined utf8_encode.  The program also defines utf8_fold and x_new, names
# only libcouncil uses inside, so any internal symbol left global fails the
# link with "multiple definition", whatever jansson's names are.
#   usage: test_static.sh BUILD_DIR SOURCE_DIR
set -eu
build=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

meson install -C "$build" --destdir "$tmp/root" --no-rebuild --quiet >/dev/null
pc=$(find "$tmp/root" -name libcouncil.pc | head -n 1)
[ -n "$pc" ] || { echo "libcouncil.pc was not installed"; exit 1; }
prefix=$(sed -n 's/^prefix=//p' "$pc")
export PKG_CONFIG_PATH="$(dirname "$pc")${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
cflags=$(pkg-config --define-variable=prefix="$tmp/root$prefix" --cflags libcouncil)
libs=$(pkg-config --define-variable=prefix="$tmp/root$prefix" --static --libs libcouncil)
echo "pkg-config --static --libs libcouncil: $libs"
cat > "$tmp/demo.c" <<'C'
#include <stdio.h>
#include <string.h>
#include <council.h>

/* Names the library uses inside: a static link must not see them. */
int utf8_fold(int c, char *buf);
int utf8_fold(int c, char *buf) { buf[0] = (char)c; return 1; }
void *x_new(const char *path);
void *x_new(const char *path) { return (void *)path; }

static int row(void *ctx, const council_council *c)
{
	printf("%lld %s\n", (long long)c->id, c->name);
	++*(int *)ctx;
	return 0;
}

int main(void)
{
	council_db *db;
	council_council c;
	council_filter f;
	char b[2];
	int rc, n = 0;

	if ((rc = council_open(&db, ":memory:", 0)) == COUNCIL_OK) {
		council_council_init(&c);
		c.name = "Kauno miesto BO taryba";
		rc = council_add(NULL, db, &c);
	}
	if (rc == COUNCIL_OK) {
		council_filter_init(&f);
		rc = council_list(db, &f, row, &n);
	}
	if (rc != COUNCIL_OK)
		fprintf(stderr, "demo: %s\n", council_errmsg(db));
	council_close(db);
	return rc != COUNCIL_OK || n != 1 || utf8_fold('x', b) != 1 || !x_new("");
}
C
# shellcheck disable=SC2086
mode=$(sh "$src/tools/static-link.sh" "$tmp/demo" "$tmp/demo.c" "$cflags" "$libs") || exit 1
# libcouncil itself must be in the program, not loaded.
if ldd "$tmp/demo" 2>/dev/null | grep -q libcouncil; then
	echo "the program loads libcouncil.so instead of containing libcouncil.a"; exit 1
fi
out=$("$tmp/demo")
echo "$out"
[ "$out" = "1 Kauno miesto BO taryba" ] || { echo "unexpected output"; exit 1; }
echo "static link ok: $mode"
