#!/bin/sh
# SPDX-License-Identifier: MIT
# Installs the build into a scratch directory and builds a ten-line program
# against it with nothing but pkg-config, as a user of the library would;
# also compiles the public header on its own, pedantically.
#   usage: test_install.sh BUILD_DIR SOURCE_DIR
set -eu
build=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

meson install -C "$build" --destdir "$tmp/root" --no-rebuild --quiet >/dev/null
pc=$(find "$tmp/root" -name libcouncil.pc | head -n 1)
[ -n "$pc" ] || { echo "libcouncil.pc was not installed"; exit 1; }
prefix=$(sed -n 's/^prefix=//p' "$pc")
export PKG_CONFIG_PATH=$(dirname "$pc")
flags=$(pkg-config --define-variable=prefix="$tmp/root$prefix" --cflags --libs libcouncil)

cat > "$tmp/hello.c" <<'C'
#include <council.h>
#include <stdio.h>
int main(void)
{
	council_db *db;
	int rc = council_open(&db, ":memory:", 0);
	printf("libcouncil %s schema %d: %s\n", council_version(), council_schema_latest(),
	       rc == COUNCIL_OK ? "ok" : council_errmsg(db));
	council_close(db);
	return rc != COUNCIL_OK;
}
C
# shellcheck disable=SC2086
cc -std=c11 -Wall -Wextra -Werror -o "$tmp/hello" "$tmp/hello.c" $flags
libdir=$(dirname "$(find "$tmp/root" -name 'libcouncil.so*' | head -n 1)")
out=$(LD_LIBRARY_PATH="$libdir" "$tmp/hello")
echo "$out"
case "$out" in *": ok") ;; *) exit 1 ;; esac
# The installed header is installed and stands alone.
[ -f "$tmp/root$prefix/include/council.h" ]
for std in c99 c11 c17; do
	echo '#include <council.h>' | cc -std=$std -pedantic -Wall -Wextra -Werror \
		-I"$src/include" -x c -fsyntax-only -
done
# ... and from C++, where a compiler for it is installed.
if command -v c++ >/dev/null; then
	echo '#include <council.h>' | c++ -std=c++11 -pedantic -Wall -Wextra -Werror \
		-I"$src/include" -x c++ -fsyntax-only -
fi
# Man pages and completion are installed too.
find "$tmp/root" -name 'council.1*' | grep -q . || { echo "council.1 not installed"; exit 1; }
find "$tmp/root" -name 'libcouncil.3*' | grep -q . || { echo "libcouncil.3 not installed"; exit 1; }
find "$tmp/root" -path '*bash-completion*' -name council | grep -q . || { echo "completion not installed"; exit 1; }
echo "install ok"
