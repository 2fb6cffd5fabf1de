#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""lexicon_check.py -- each word class is defined in exactly one place.

Reads lib/import/lexicon.def (through gen_lexicon.py) and every C source of
lib/import/, and fails, naming file and line, where a list in the C holds
three words or more of one class of the lexicon, a third of the class at
least (as written or folded,
whole words and stems of three letters or more): such a list is a second
definition of the class.  Endings are pieces of words, not held against
the code.  Run by meson test (lexicon_once).

usage: lexicon_check.py SOURCE_ROOT
"""
import glob
import os
import re
import sys

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, 'tools'))
import gen_lexicon  # noqa: E402

# Classes of endings: their members are pieces of words, not words.
PIECES = {'number_one_end', 'number_unit_end', 'number_collective_end', 'number_teen_end',
          'number_ten_end', 'name_ending', 'inflection_end', 'noun_ending', 'adjective_ending',
          'adjective_stem_end', 'verb_past_end', 'adjective_u_ending', 'clause_participle_end'}

classes = gen_lexicon.parse(os.path.join(ROOT, 'lib', 'import', 'lexicon.def'))
words = {}
size = {}
for name, _, entries in classes:
    if name in PIECES:
        continue
    for ws, fields, _ in entries:
        for w in ws:
            stem = w.split('|', 1)[0]
            for form in (stem, gen_lexicon.fold(stem)):
                if len(form) >= 3:
                    words.setdefault(form, name)
for name, w in gen_lexicon.all_words(classes):
    size[name] = size.get(name, 0) + 1
    if name not in PIECES:
        for form in (w, gen_lexicon.fold(w)):
            if len(form) >= 3:
                words.setdefault(form, name)

LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
LIST = re.compile(r'\{([^{}]*)\}', re.S)
COMMENT = re.compile(r'/\*.*?\*/', re.S)
bad = 0
for path in sorted(glob.glob(os.path.join(ROOT, 'lib', 'import', '*.c'))):
    with open(path, encoding='utf-8') as f:
        text = COMMENT.sub(lambda m: re.sub(r'[^\n]', ' ', m.group(0)), f.read())
    # A brace list of strings (a table, or a compound literal handed to a
    # helper) holding three words of one class or more, and a third of the
    # class at least, is that class written a second time.  A word named
    # alone is a reference to it; a few words shared with a large class
    # are another class that overlaps it ("vyko" ends a title and says a
    # meeting was held).
    for m in LIST.finditer(text):
        hits = {}
        for lit in LITERAL.findall(m.group(1)):
            if lit in words:
                hits.setdefault(words[lit], []).append(lit)
        for cls, ws in sorted(hits.items()):
            if len(ws) >= 3 and 3 * len(set(ws)) >= size[cls]:
                line = text.count('\n', 0, m.start()) + 1
                print('%s:%d: a list of %d words of the lexicon\'s class %s (%s)' %
                      (os.path.relpath(path, ROOT), line, len(ws), cls, ', '.join(ws)))
                bad += 1
if bad:
    print('%d lists in lib/import/*.c repeat a class of lib/import/lexicon.def: use the lexicon' % bad)
    sys.exit(1)
print('every word class of the lexicon (%d forms) is defined only there' % len(words))
