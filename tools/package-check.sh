#!/bin/sh
# SPDX-License-Identifier: MIT
# Builds the Debian packages (debian/) from a copy of the tree, out of the
# source directory (dpkg-buildpackage writes into the parent directory),
# runs lintian on them, extracts them into a clean root (dpkg -x: nothing is
# installed into the machine) and there builds the ten-line pkg-config
# program, dynamically and statically, and runs it and `council --version`.
# Reports which exported symbols debian/libcouncil0.symbols does not list
# yet (doc/abi.md: how to update it).
#   usage: tools/package-check.sh [KEEP_DIR]
# KEEP_DIR, if given, receives the .debs, the logs and the symbols file
# regenerated from the built library (libcouncil0.symbols).  The tests are run by
# tools/test.sh beforehand, so the package build skips them (nocheck).
# Last line: "package-check: ok ..." or "package-check: FAIL ...".
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
keep=${1:-}
start=$(date +%s)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "package-check: FAIL: $*"; exit 1; }
for tool in dpkg-buildpackage dh lintian dpkg-deb pkg-config; do
	command -v "$tool" >/dev/null || fail "$tool not installed (tools/deps.sh)"
done

version=$(dpkg-parsechangelog -l "$root/debian/changelog" -S Version)
upstream=${version%-*}
meson_version=$(sed -n "s/^  version : '\([^']*\)',/\1/p" "$root/meson.build" | head -n 1)
[ "$upstream" = "$meson_version" ] ||
	fail "debian/changelog is at $version, meson.build at $meson_version: add a changelog entry"

# The tree as git has it (plus uncommitted edits), without build directories.
src="$tmp/libcouncil-$upstream"
mkdir -p "$src"
if git -C "$root" rev-parse --git-dir >/dev/null 2>&1; then
	# (a file deleted but not yet committed is listed and skipped)
	git -C "$root" ls-files -z --cached --others --exclude-standard |
		tar -C "$root" --null -T - --ignore-failed-read -cf - 2>/dev/null | tar -C "$src" -xf -
else
	(cd "$root" && tar -cf - --exclude='./build*' .) | tar -C "$src" -xf -
fi

echo "package-check: building $version"
(cd "$src" && DEB_BUILD_OPTIONS="nocheck parallel=${JOBS:-2}" \
	dpkg-buildpackage -us -uc -b) >"$tmp/build.log" 2>&1 || {
	tail -n 60 "$tmp/build.log"; fail "dpkg-buildpackage failed"; }
changes=$(ls "$tmp"/libcouncil_*.changes)
debs=$(ls "$tmp"/*.deb)
for d in $debs; do echo "  $(basename "$d")"; done

# The symbols the library exports that debian/libcouncil0.symbols does not
# list yet (a missing one already failed the build): dpkg-gensymbols,
# given the file, writes it back with the new ones at this version.
(cd "$src" && dpkg-gensymbols -plibcouncil0 -Pdebian/libcouncil0 -v"$upstream" \
	-O"$tmp/libcouncil0.symbols" -c0) >/dev/null 2>&1 ||
	fail "dpkg-gensymbols could not read the built library"
names() { sed -n 's/^ \([^ ]*\) .*/\1/p' "$1" | sort; }
names "$root/debian/libcouncil0.symbols" >"$tmp/listed"
new=$(names "$tmp/libcouncil0.symbols" | comm -23 - "$tmp/listed")
if [ -n "$new" ]; then
	echo "package-check: symbols new since debian/libcouncil0.symbols ($(echo "$new" | wc -l)," \
		"would be listed at $upstream):"
	echo "$new" | sed 's/^/  /'
	echo "  update it: tools/package-check.sh DIR, then cp DIR/libcouncil0.symbols debian/ (doc/abi.md)"
else
	echo "package-check: debian/libcouncil0.symbols lists every exported symbol" \
		"($(names "$tmp/libcouncil0.symbols" | wc -l))"
fi

echo "package-check: lintian"
lintian --fail-on error --show-overrides "$changes" >"$tmp/lintian.log" 2>&1
lrc=$?
grep -v "running with root privileges" "$tmp/lintian.log" || echo "  (no tags)"
[ "$lrc" -eq 0 ] || fail "lintian reports errors"

# Installable as they are (simulated: the machine is not changed).
if command -v apt-get >/dev/null; then
	(cd "$tmp" && apt-get -s -qq install $(for d in $debs; do echo "./$(basename "$d")"; done)) \
		>"$tmp/apt.log" 2>&1 || { cat "$tmp/apt.log"; fail "the packages do not install"; }
fi

# A clean root holding only the packages' files.
croot="$tmp/root"
for d in $debs; do dpkg-deb -x "$d" "$croot"; done
libdir=$(dirname "$(find "$croot" -name 'libcouncil.so.0' | head -n 1)")
[ -d "$libdir" ] || fail "libcouncil.so.0 is in no package"
pcdir=$(dirname "$(find "$croot" -name libcouncil.pc | head -n 1)")
export PKG_CONFIG_PATH="$pcdir"
pc() { pkg-config --define-variable=prefix="$croot/usr" "$@" libcouncil; }
cat >"$tmp/hello.c" <<'C'
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
# shellcheck disable=SC2046
cc -std=c11 -Wall -Wextra -Werror -o "$tmp/hello" "$tmp/hello.c" $(pc --cflags --libs) ||
	fail "the pkg-config program does not build against libcouncil-dev"
out=$(LD_LIBRARY_PATH="$libdir" "$tmp/hello") || fail "the pkg-config program fails: $out"
echo "  $out"
# The program must have used the packaged library, not one elsewhere.
LD_LIBRARY_PATH="$libdir" ldd "$tmp/hello" | grep -q "$libdir/libcouncil.so.0" ||
	fail "hello did not load the packaged libcouncil.so.0"
mode=$(sh "$root/tools/static-link.sh" "$tmp/hello-static" "$tmp/hello.c" "$(pc --cflags)" \
	"$(pc --static --libs)") || fail "no static link with libcouncil.a"
out=$("$tmp/hello-static") || fail "the static program fails: $out"
echo "  static ($mode): $out"
out=$(LD_LIBRARY_PATH="$libdir" "$croot/usr/bin/council" --version) || fail "council --version failed"
echo "  council --version: $(echo "$out" | head -n 1)"
echo "$out" | grep -q "$upstream" || fail "council --version does not say $upstream"
for page in man1/council.1 man3/libcouncil.3; do
	ls "$croot"/usr/share/man/"$page"* >/dev/null 2>&1 || fail "$page is in no package"
done
[ -f "$croot/usr/share/bash-completion/completions/council" ] || fail "no bash completion"

if [ -n "$keep" ]; then
	mkdir -p "$keep"
	cp $debs "$changes" "$tmp"/*.buildinfo "$tmp/build.log" "$tmp/lintian.log" "$tmp/libcouncil0.symbols" "$keep/"
fi
echo "package-check: ok: $(echo "$debs" | wc -l) packages built, lintian without errors," \
	"installed files work ($(($(date +%s) - start)) s)"
