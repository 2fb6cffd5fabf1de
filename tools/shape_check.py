#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""shape_check.py -- the importer's shape limits (issue 12): no file in
lib/import over 1,200 lines, no function over 120 lines.

Usage: shape_check.py [DIR]   (default lib/import, from the source root)

Prints each offender ("file: N lines", "file:LINE: function: N lines") and
exits 1 when there is one.  A function is what the project's style writes:
a definition whose opening brace is alone at the start of a line, closed by
the first brace alone at the start of a line after it.
"""
import os
import re
import sys

MAX_FILE = 1200
MAX_FUNC = 120
NAME = re.compile(r'([A-Za-z_][A-Za-z0-9_]*)\s*\(')


def functions(lines):
    """(name, first line, length) of each function definition."""
    out = []
    i = 0
    while i < len(lines):
        if lines[i].rstrip() == '{':
            # the declarator: lines back to the one starting at column 0
            j = i - 1
            while j > 0 and lines[j][:1] in (' ', '\t') and not lines[j].startswith('\t{'):
                j -= 1
            head = ' '.join(l.strip() for l in lines[j:i])
            m = NAME.search(head)
            k = i + 1
            while k < len(lines) and lines[k].rstrip() != '}':
                k += 1
            if m and not head.startswith(('struct', 'typedef', 'enum', 'union', 'static const', 'const')):
                out.append((m.group(1), j + 1, k - j + 1))
            i = k + 1
            continue
        i += 1
    return out


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else 'lib/import'
    bad = 0
    read = 0
    for name in sorted(os.listdir(root)):
        if not name.endswith(('.c', '.h')):
            continue
        read += 1
        path = os.path.join(root, name)
        with open(path, encoding='utf-8') as f:
            lines = f.read().split('\n')
        n = len(lines) - (1 if lines and lines[-1] == '' else 0)
        if n > MAX_FILE:
            print(f'{path}: {n} lines (limit {MAX_FILE})')
            bad += 1
        for fn, at, length in functions(lines):
            if length > MAX_FUNC:
                print(f'{path}:{at}: {fn}: {length} lines (limit {MAX_FUNC})')
                bad += 1
    if read == 0:
        print(f'{root}: no C sources read')
        return 2
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
