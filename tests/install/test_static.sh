#!/bin/sh
# Links a program statically, as `cc -static demo.c $(pkg-config --static
# --libs libcouncil)` would after installing, and runs it: libcouncil.a,
# libsqlite3.a, libjansson.a and libz.a, with glibc's libc.a.  Before the
# archive was localised this failed: libjansson.a and libcouncil.a both
# defined utf8_encode.  The program also defines utf8_fold and x_new, names
# only libcouncil uses inside, so any internal symbol left global fails the
# link with "multiple definition", whatever jansson's names are.
#   usage: test_static.sh BUILD_DIR
set -eu
build=$1
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
# Each -lNAME needs its libNAME.a somewhere the linker looks.
for l in $libs; do
	case "$l" in -l*) ;; *) continue ;; esac
	name=${l#-l}
	found=$(cc -print-file-name="lib$name.a")
	[ "$found" != "lib$name.a" ] || [ -f "$tmp/root$prefix/lib/lib$name.a" ] ||
		find "$tmp/root" -name "lib$name.a" | grep -q . ||
		{ echo "no static lib$name.a installed (its -dev package?)"; exit 1; }
done

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
# glibc warns that a static program calling dlopen (SQLite's extension
# loading) needs the shared libc at run time; the demo loads no extension.
# shellcheck disable=SC2086
cc -std=c11 -Wall -Wextra -Werror -static -o "$tmp/demo" "$tmp/demo.c" $cflags $libs \
	2>"$tmp/link.log" || { cat "$tmp/link.log"; exit 1; }
grep -v "dlopen\|getpwuid\|getpwnam\|getaddrinfo\|in function\|statically linked" "$tmp/link.log" || true
file "$tmp/demo" | grep -q "statically linked" || { file "$tmp/demo"; echo "not static"; exit 1; }
out=$("$tmp/demo")
echo "$out"
[ "$out" = "1 Kauno miesto BO taryba" ] || { echo "unexpected output"; exit 1; }
echo "static link ok"
