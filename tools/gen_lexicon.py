#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""gen_lexicon.py -- turns lib/import/lexicon.def, the Lithuanian word classes
the importer reads (each written once, with its diacritics), into what the
code and the fuzzers use, so no list is ever pasted twice by hand.

Usage:
  gen_lexicon.py lexicon.def OUT.h           the C X-macros (a build step)
  gen_lexicon.py lexicon.def --words         every word, written and folded,
                                             one a line (for tools/lexicon_check.py)

lexicon.def: "@name  what the class is" starts a class; then one entry a
line: "word[, word...] [; field]...".  A word may hold spaces ("Kazlų
Rūdos") and a "|" between stem and ending ("saus|is"); "-" stands for none.
Fields are pasted into C as they are (an enum, a number), except a field in
brackets, "[is, io, -]", which becomes strings (NULL for "-"), and one in
braces, "{išvykstam}", which becomes its folded string.  For class
NAME the header defines LEX_NAME(X), calling X(written, folded, fields...)
once per word, where folded is the word in lower case without diacritics
(as utf8_fold makes it); a stem|ending word passes the stem as written and
folded and its ending as the first field.
"""
import sys
import unicodedata


def fold(s):
    """What lib/utf8.c's utf8_fold makes of s: lower case, no diacritics."""
    out = []
    for ch in unicodedata.normalize('NFD', s.lower()):
        if unicodedata.combining(ch):
            continue
        out.append(ch)
    return unicodedata.normalize('NFC', ''.join(out))


def c_str(s):
    if s == '-':
        return 'NULL'
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


def parse(path):
    classes = []  # (name, doc, [(words, fields)])
    with open(path, encoding='utf-8') as f:
        for no, raw in enumerate(f, 1):
            line = raw.split('#', 1)[0].rstrip()
            if not line.strip():
                continue
            if line.startswith('@'):
                head = line[1:].split(None, 1)
                classes.append((head[0], head[1] if len(head) > 1 else '', []))
                continue
            if not classes:
                sys.exit('%s:%d: an entry before any @class' % (path, no))
            parts = [p.strip() for p in line.split(';')]
            words = [w.strip() for w in parts[0].split(',') if w.strip()]
            classes[-1][2].append((words, parts[1:], no))
    return classes


def field(f):
    if f.startswith('{') and f.endswith('}'):
        return c_str(fold(f[1:-1].strip()))
    if f.startswith('[') and f.endswith(']'):
        return ', '.join(c_str(x.strip()) for x in f[1:-1].split(','))
    return f


def header(classes, src):
    out = ['/* Generated from %s by tools/gen_lexicon.py; do not edit. */' % src,
           '#ifndef COUNCIL_LEXICON_H', '#define COUNCIL_LEXICON_H', '',
           '/* X(written, folded, fields...) for each word of a class. */',
           '/* X = LEX_WRITTEN or LEX_FOLDED: a list of the one form (a trailing',
           ' * 0 gives the "..." of the helpers an argument, as ISO C wants). */',
           '#define LEX_WRITTEN(...) LEX_W_(__VA_ARGS__, 0),',
           '#define LEX_FOLDED(...) LEX_F_(__VA_ARGS__, 0),',
           '#define LEX_W_(w, ...) w',
           '#define LEX_F_(w, f, ...) f', '']
    for name, doc, entries in classes:
        out.append('/* %s: %s */' % (name, doc))
        rows = []
        for words, fields, _ in entries:
            for w in words:
                args = []
                if '|' in w:
                    stem, end = w.split('|', 1)
                    args = [c_str(stem), c_str(fold(stem)), c_str(end)]
                else:
                    args = [c_str(w), c_str(fold(w))]
                args += [field(f) for f in fields]
                rows.append('X(%s)' % ', '.join(args))
        out.append('#define LEX_%s(X) \\' % name.upper())
        out.append(' \\\n'.join('\t' + r for r in rows))
        out.append('')
    out.append('#endif /* COUNCIL_LEXICON_H */')
    return '\n'.join(out) + '\n'


def all_words(classes):
    """Every whole word of the lexicon as written (stem|ending joined)."""
    seen = []
    for name, _, entries in classes:
        for words, fields, _ in entries:
            for w in words:
                if '|' in w:
                    stem, end = w.split('|', 1)
                    ends = [end]
                    for f in fields:
                        if f.startswith('['):
                            ends += [x.strip() for x in f[1:-1].split(',')]
                    for e in ends:
                        if e != '-':
                            seen.append((name, stem + e))
                elif any(f.startswith('[') for f in fields):
                    for f in fields:
                        if f.startswith('['):
                            seen += [(name, w + e.strip()) for e in f[1:-1].split(',')
                                     if e.strip() != '-']
                else:
                    seen.append((name, w))
    return seen


def main():
    src = sys.argv[1]
    classes = parse(src)
    if sys.argv[2] == '--words':
        for name, w in all_words(classes):
            print('%s\t%s\t%s' % (name, w, fold(w)))
    else:
        with open(sys.argv[2], 'w', encoding='utf-8') as f:
            f.write(header(classes, 'lib/import/lexicon.def'))


if __name__ == '__main__':
    main()
