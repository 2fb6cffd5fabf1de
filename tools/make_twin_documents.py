#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Makes document twins of the fixture reports for measuring the document
readers, outside the tree: OUT/<set> links to tests/fixtures/<set>, and
OUT/formats/<set>/NAME.docx and .html are written from NAME.txt (python-docx:
a paragraph per block of lines, a real Word table per docx-dump or pipe
table, a cell's paragraphs kept); .odt and .pdf are converted from the
.docx by LibreOffice.  Then
    COUNCIL_FIXTURES=OUT build/tests/test_import_fixtures
prints the per-format table of test_format_twins.  The committed twins
(tests/fixtures/formats/<set>/, another branch) replace these; this is how
doc/formats.md's figures were measured.
usage: /usr/bin/python3 tools/make_twin_documents.py OUT   (Debian: python3-docx,
libreoffice-writer-nogui)"""
import glob
import html
import os
import re
import subprocess
import sys
from docx import Document
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, 'tests', 'fixtures')
if len(sys.argv) != 2:
    sys.exit(__doc__)
OUT = os.path.abspath(sys.argv[1])
os.makedirs(OUT, exist_ok=True)

CTRL = re.compile('[\x00-\x08\x0b\x0c\x0e-\x1f]')
def blocks(text):
    text = CTRL.sub('', text)
    lines = text.replace('\r\n', '\n').replace('\r', '\n').split('\n')
    i, n, out = 0, len(lines), []
    while i < n:
        l = lines[i]
        if not l.strip():
            i += 1; continue
        if l.startswith('\t'):
            rows, row = [], None
            while i < n:
                l = lines[i]
                if not l.strip() and not l.startswith('\t'):
                    # blank: end of row; table goes on if next non-blank starts with tab
                    row = None
                    j = i
                    while j < n and not lines[j].strip() and not lines[j].startswith('\t'): j += 1
                    if j < n and lines[j].startswith('\t'):
                        i = j; continue
                    break
                if l.startswith('\t'):
                    if row is None:
                        row = []; rows.append(row)
                    row.append([l[1:].strip()])
                elif row:
                    row[-1].append(l.strip())
                else:
                    break
                i += 1
            out.append(('table', rows)); continue
        if l.lstrip().startswith('|'):
            rows = []
            while i < n and lines[i].lstrip().startswith('|'):
                s = lines[i].strip()
                cells = [c.strip() for c in s.strip('|').split('|')]
                if not all(set(c) <= set('-: ') for c in cells):
                    rows.append([[c.replace('<br>', '\n')] for c in cells])
                i += 1
            out.append(('table', rows)); continue
        para = []
        while i < n and lines[i].strip() and not lines[i].startswith('\t') and not lines[i].lstrip().startswith('|'):
            para.append(lines[i]); i += 1
        out.append(('para', para))
    return out

def write_docx(bl, path):
    d = Document()
    for kind, v in bl:
        if kind == 'para':
            p = d.add_paragraph()
            for k, line in enumerate(v):
                r = p.add_run(line)
                if k + 1 < len(v): r.add_break()
        else:
            ncol = max(len(r) for r in v) if v else 1
            t = d.add_table(rows=len(v), cols=ncol)
            for ri, row in enumerate(v):
                for ci, cell in enumerate(row):
                    paras = [p for p in cell if p]
                    c = t.rows[ri].cells[ci]
                    if paras:
                        c.paragraphs[0].text = paras[0]
                        for p in paras[1:]: c.add_paragraph(p)
    d.save(path)

def write_html(bl, path):
    o = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title></head><body><nav><a>Pradžia</a></nav><main>']
    for kind, v in bl:
        if kind == 'para':
            o.append('<p>' + '<br>\n'.join(html.escape(x) for x in v) + '</p>')
        else:
            o.append('<table>')
            for row in v:
                o.append('<tr>' + ''.join('<td>' + ''.join('<p>%s</p>' % html.escape(p) for p in c if p) + '</td>' for c in row) + '</tr>')
            o.append('</table>')
    o.append('</main><footer>Poraštė</footer></body></html>')
    open(path, 'w', encoding='utf-8').write('\n'.join(o))

for setdir in sorted(glob.glob(SRC + '/*/')):
    s = os.path.basename(setdir.rstrip('/'))
    if s in ('formats', 'gold', 'schema'): continue
    link = os.path.join(OUT, s)
    if not os.path.exists(link): os.symlink(setdir, link)
    fo = os.path.join(OUT, 'formats', s); os.makedirs(fo, exist_ok=True)
    for txt in sorted(glob.glob(setdir + '*.txt')):
        if not os.path.exists(txt[:-4] + '.gold.json'): continue
        name = os.path.basename(txt)[:-4]
        bl = blocks(open(txt, encoding='utf-8-sig').read())
        write_docx(bl, os.path.join(fo, name + '.docx'))
        write_html(bl, os.path.join(fo, name + '.html'))

profile = 'file://' + os.path.join(OUT, '.lo-profile')
for d in sorted(glob.glob(os.path.join(OUT, 'formats', '*'))):
    docs = sorted(glob.glob(os.path.join(d, '*.docx')))
    for fmt in ('odt', 'pdf'):
        subprocess.run(['soffice', '-env:UserInstallation=' + profile, '--headless',
                        '--convert-to', fmt, '--outdir', d] + docs,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
