#!/bin/sh
# SPDX-License-Identifier: MIT
# Puts the licence identifier at the top of every source file that lacks
# it (after a #! line, which must stay first), in the file's own comment
# syntax; running it again changes nothing.
#   tools/spdx.sh                 add the missing identifiers
#   tools/spdx.sh --list          the files that must carry one
#   tools/spdx.sh --list-missing  those that lack it (status 1 if any)
# Source files: C, headers, the linker script, shell and Python, meson
# files, SQL, man pages, the bash completion, .ci/run and debian/rules.
# Not data: test fixtures, fuzz corpora and dictionaries, example reports,
# the recorded ABI, Markdown, and debian/'s other files (debian/copyright
# states the licence in its own format).
set -eu
cd "$(dirname "$0")/.."
id="SPDX-License-Identifier: MIT"

files() {
	if [ -d .git ] || [ -f .git ]; then git ls-files; else find . -type f | sed 's|^\./||'; fi |
	grep -v -e '^tests/fixtures/' -e '^fuzz/corpus/' -e '^examples/' -e '^abi/' \
		-e '^build' -e '^obj-' |
	grep -E -e '\.(c|h|map|sh|py|sql|1|3|bash-completion)$' \
		-e '(^|/)meson\.build$' -e '^meson_options\.txt$' -e '^\.ci/run$' -e '^debian/rules$' |
	sort
}

# The identifier as a comment for the file named $1.
line_for() {
	case "$1" in
	*.c|*.h|*.map) echo "/* $id */" ;;
	*.sql) echo "-- $id" ;;
	*.1|*.3) echo ".\\\" $id" ;;
	*) echo "# $id" ;;
	esac
}

# Has $1 the identifier in its first three lines (after a #! and a
# generated-file note at most)?
has_id() { head -n 3 "$1" | grep -q "SPDX-License-Identifier:"; }

case "${1:-}" in
--list) files; exit 0 ;;
--list-missing)
	missing=0
	for f in $(files); do
		has_id "$f" || { echo "$f"; missing=$((missing + 1)); }
	done
	[ "$missing" -eq 0 ]
	exit ;;
"") ;;
*) echo "usage: $0 [--list|--list-missing]" >&2; exit 2 ;;
esac

added=0
for f in $(files); do
	has_id "$f" && continue
	tmp="$f.spdx-tmp"
	if head -n 1 "$f" | grep -q '^#!'; then
		{ head -n 1 "$f"; line_for "$f"; tail -n +2 "$f"; } >"$tmp"
	else
		{ line_for "$f"; cat "$f"; } >"$tmp"
	fi
	# Keep the file's mode (scripts stay executable).
	chmod "$(stat -c %a "$f")" "$tmp"
	mv "$tmp" "$f"
	added=$((added + 1))
done
echo "spdx: added the identifier to $added file(s)"
