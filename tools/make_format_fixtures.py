#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Make document "twins" (.docx, .odt, .html, .pdf) of text fixture reports, and the refusal samples.

    /usr/bin/python3 tools/make_format_fixtures.py [--twins] [--bad] [--check]

Debian packages: python3-docx pandoc libreoffice-writer-nogui libreoffice-calc-nogui (for the .xlsx
sample) poppler-utils qpdf zip img2pdf python3-pil fonts-dejavu (see tests/fixtures/formats/README.md).
Run it with Debian's /usr/bin/python3, the Python python3-docx is installed for.

Each twin has the same words in the same order as its .txt, so the .txt's gold applies unchanged.
The .txt is parsed into paragraphs, headings, list items and tables (the tab-indented "docx dump" form
and the `| a | b |` pipe form), and the document is built with that structure:

* .docx: python-docx, then raw WordprocessingML for what python-docx lacks (footnote, comment,
  tracked insertion/deletion, page-number fields, repeated header rows, bookmarks).
* .odt:  LibreOffice headless, converted from the .docx.
* .pdf:  LibreOffice headless, converted from a "print" .docx: the same document with its tracked
  changes accepted and its comment removed (a PDF shows neither; the footnote is kept).
* .html: written here, as a saved web page (menu, scripts, footer) with the report in <article>.

Outputs go to tests/fixtures/formats/<set>/<stem>.<ext>; the gold stays at tests/fixtures/<set>/.
Never reads tests/fixtures/blind3/.
"""

import argparse
import csv
import datetime
import glob
import hashlib
import html
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

import docx
from docx.enum.section import WD_ORIENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIX = os.path.join(ROOT, "tests", "fixtures")
OUT = os.path.join(FIX, "formats")
LO_PROFILE = "file:///tmp/libcouncil-make-format-fixtures-lo-profile"
FIXED_DATE = datetime.datetime(2025, 3, 1, 9, 0, 0)
ZIP_DATE = (2025, 3, 1, 9, 0, 0)

# The twins: (set, stem).  Chosen for tables, lists and headings; both seeds of reports/ included.
TWINS = [
    ("reports", "klaipedos-r-2024-plan"),   # seed: docx-dump table, 12 rows, spans pages
    ("reports", "kauno-m-2021-annual"),     # seed: bold markdown prose; comment, tracked change, footnote
    ("reports", "utenos-r-2022-plan"),      # pipe table, headings, bullets; footnote
    ("reports", "siauliu-r-2019-annual"),   # caps headings, numbered sub-items
    ("heldout", "pakruojo-r-2023-plan"),    # docx-dump table with section rows, empty cells merged vertically
    ("heldout", "kretingos-r-2024-annual"), # headings, bullets, pipe table of events
    ("heldout", "sakiu-r-2025-page"),       # saved web page: members table, bullets
    ("heldout", "mazeikiu-r-2024-annual"),  # prose and bullets
    ("dev2", "elektrenu-2024-plan"),        # docx-dump table: section rows (gridSpan), empty cells merged across
    ("dev2", "kauno-r-2024-plan"),          # pipe table
    ("dev2", "vilniaus-r-2023-annual"),     # pipe table
    ("dev3", "radviliskio-r-2024-plan"),    # docx-dump table, multi-paragraph cells, vMerge of empty notes
    ("dev3", "traku-r-2023-annual"),        # headings, pipe table, bullets
    ("dev3", "siauliu-m-2023-annual"),      # long bullet lists
    ("dev6", "anyksciu-r-2022-plan"),       # docx-dump table with section rows
    ("dev6", "ignalinos-r-2023-annual"),    # caps numbered headings, pipe table, bullets
    ("dev6", "kalvarijos-2024-markdown"),   # markdown headings and lists
]

# Document-specific features, anchored on text of the .txt (asserted to be found exactly once).
FEATURES = {
    ("reports", "kauno-m-2021-annual"): {
        # Tracked change: "4" deleted, "3" inserted; the inserted text is the real text of the .txt.
        "revision": {"before": "Per ataskaitinį laikotarpį įvyko ", "new": "3", "old": "4",
                     "after": " Bendruomeninių organizacijų tarybos posėdžiai"},
        # Comment on a span; its text must not appear in the extracted text.
        "comment": {"span": "iš kurių 2 dėl susidariusios COVID situacijos vyko nuotoliniu būdu",
                    "text": "Patikslinti: ar 2021 m. birželio 8 d. posėdis irgi vyko nuotoliniu būdu?",
                    "author": "Savivaldybės administracija"},
        "footnote": {"after": "bendru sutarimu.",
                     "text": "Veiklos planas skelbiamas Savivaldybės interneto svetainėje, skiltyje apie Tarybą."},
    },
    ("reports", "utenos-r-2022-plan"): {
        "footnote": {"after": "pristatė Tarybos 2021 metų veiklos ataskaitą.",
                     "text": "Komiteto posėdžio protokolas skelbiamas Teisės aktų registre."},
    },
}

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


# ----------------------------------------------------------------------------------------------
# Parsing the .txt
# ----------------------------------------------------------------------------------------------

BOOKMARK_RE = re.compile(r"\[bookmark: ([^\]]+)\]")
HEADING_RE = re.compile(r"^(#{1,6})\s+(.*)$")
BULLET_RE = re.compile(r"^(\s*)[-*•]\s+(.*)$")
SUBNUM_RE = re.compile(r"^\d+\.\d+(\.\d+)*\.?\s")
SEP_RE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def read_txt(path):
    with open(path, "rb") as f:
        data = f.read()
    text = data.decode("utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n")


def is_caps_heading(line):
    s = BOOKMARK_RE.sub("", line).strip()
    letters = [c for c in s if c.isalpha()]
    if len(letters) < 8 or len(s) > 200 or len(s.split()) < 2:
        return False
    upper = sum(1 for c in letters if c.isupper())
    return upper / len(letters) >= 0.85


def split_pipe_row(line):
    s = line.strip()
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|") and not s.endswith("\\|"):
        s = s[:-1]
    cells = re.split(r"(?<!\\)\|", s)
    out = []
    for c in cells:
        c = c.strip().replace("\\|", "|")
        out.append([p.strip() for p in re.split(r"<br\s*/?>", c)])
    return out


def parse(text):
    """Blocks: ('p', text, kind, level) with kind in normal|heading|bullet|sub;
    ('table', rows, form) with rows a list of lists of cells, a cell a list of paragraph texts."""
    lines = text.split("\n")
    n = len(lines)
    blocks = []
    i = 0
    while i < n:
        ln = lines[i]
        if ln.startswith("\t"):
            rows, cur = [], None
            while i < n:
                ln = lines[i]
                if ln.startswith("\t"):
                    if cur is None:
                        cur = []
                        rows.append(cur)
                    cur.append([ln[1:]])
                elif ln.strip() == "":
                    cur = None
                    j = i
                    while j < n and lines[j].strip() == "" and not lines[j].startswith("\t"):
                        j += 1
                    if j >= n or not lines[j].startswith("\t"):
                        i = j
                        break
                else:
                    if cur is None:
                        break
                    cur[-1].append(ln)
                i += 1
            blocks.append(("table", rows, "dump"))
            continue
        if ln.lstrip().startswith("|"):
            raw = []
            while i < n and lines[i].lstrip().startswith("|"):
                raw.append(lines[i])
                i += 1
            rows, header = [], False
            for k, r in enumerate(raw):
                if SEP_RE.match(r):
                    header = header or k == 1
                    continue
                rows.append(split_pipe_row(r))
            blocks.append(("table", rows, "pipe"))
            continue
        if ln.strip() == "":
            i += 1
            continue
        m = HEADING_RE.match(ln)
        if m:
            blocks.append(("p", m.group(2).strip(), "heading", len(m.group(1))))
            i += 1
            continue
        m = BULLET_RE.match(ln)
        if m:
            level = 2 if len(m.group(1).expandtabs()) >= 2 else 1
            blocks.append(("p", m.group(2).rstrip(), "bullet", level))
            i += 1
            continue
        # A paragraph; markdown hard breaks (two trailing spaces) join the next line into it.
        para = ln.strip()
        while ln.endswith("  ") and i + 1 < n and lines[i + 1].strip() != "" \
                and not lines[i + 1].startswith("\t") and not lines[i + 1].lstrip().startswith("|"):
            i += 1
            ln = lines[i]
            para += "\n" + ln.strip()
        i += 1
        if "\n" not in para and is_caps_heading(para):
            blocks.append(("p", para, "heading", 1))
        elif SUBNUM_RE.match(para):
            blocks.append(("p", para, "sub", 1))
        else:
            blocks.append(("p", para, "normal", 0))
    return blocks


INLINE_RE = re.compile(r"(\[bookmark: [^\]]+\]|\*\*|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|\n)")


def inline_runs(text):
    """Runs: ('t', text, bold, italic) | ('bm', name) | ('br',)."""
    runs = []
    bold = italic = False
    for tok in INLINE_RE.split(text):
        if not tok:
            continue
        if tok.startswith("[bookmark: "):
            runs.append(("bm", tok[11:-1]))
        elif tok == "**":
            bold = not bold
        elif tok == "*":
            italic = not italic
        elif tok == "\n":
            runs.append(("br",))
        else:
            runs.append(("t", tok, bold, italic))
    return runs


def runs_text(runs):
    return "".join(r[1] if r[0] == "t" else ("\n" if r[0] == "br" else "") for r in runs)


def words_of_txt(text):
    """The words a reader should get from the .txt, markup removed (for the self-check)."""
    t = BOOKMARK_RE.sub(" ", text)
    out = []
    for ln in t.split("\n"):
        if SEP_RE.match(ln) and "-" in ln:
            continue
        ln = HEADING_RE.sub(r"\2", ln)
        ln = BULLET_RE.sub(r"\2", ln)
        ln = ln.replace("**", " ").replace("|", " ")
        ln = re.sub(r"<br\s*/?>", " ", ln)
        out.append(ln)
    return normalise_words(" ".join(out))


def normalise_words(s):
    s = s.replace("\u00a0", " ").replace("*", " ")
    return [w for w in re.findall(r"[\w][\w.,;:/()„“”\"'–−\-%+&@]*", s)]


def word_seq(s):
    """Letters/digits only word sequence, for comparing extractions made by other tools.  A run of
    three or more single letters ("A T A S K A I T A", letter-spaced) counts as one word, since
    pdftotext joins letter-spaced text."""
    out, run = [], []
    for w in re.findall(r"\w+", s.replace("\u00a0", " ")) + [""]:
        if len(w) == 1 and w.isalpha():
            run.append(w)
            continue
        if len(run) >= 3:
            out.append("".join(run))
        else:
            out.extend(run)
        run = []
        if w:
            out.append(w)
    return out


# ----------------------------------------------------------------------------------------------
# Table shape: merges that keep the meaning
# ----------------------------------------------------------------------------------------------

def table_shape(rows):
    """Returns (ncols, cells) where cells[r] is a list of (col, span, vmerge, paragraphs);
    vmerge is None, 'restart' or 'continue'.  Rows with one cell in a wider table are section rows
    spanning the width; two or more adjacent empty cells in a row are merged across (gridSpan);
    an empty cell directly under an empty cell of the same column (neither merged across) is
    merged vertically (vMerge).  Only empty cells are merged, so no text moves.  A pipe-table row
    with text in its first cell only (`| **I. SECTION** | | |`) is a section row too."""
    ncols = max(len(r) for r in rows)
    shaped = []
    for r in rows:
        if ncols > 1 and (len(r) == 1 or not any("".join(c).strip() for c in r[1:])) \
                and "".join(r[0]).strip():
            shaped.append([[0, ncols, None, r[0]]])
            continue
        r = r + [[""]] * (ncols - len(r))
        cells, c = [], 0
        while c < ncols:
            empty = not "".join(r[c]).strip()
            span = 1
            if empty:
                while c + span < ncols and not "".join(r[c + span]).strip():
                    span += 1
            cells.append([c, span, None, r[c] if not empty else []])
            c += span
        shaped.append(cells)
    for ri in range(1, len(shaped)):
        for cell in shaped[ri]:
            col, span, _, paras = cell
            if span != 1 or paras:
                continue
            above = [x for x in shaped[ri - 1] if x[0] == col and x[1] == 1 and not x[3]]
            if above and ri - 1 > 0:
                if above[0][2] is None:
                    above[0][2] = "restart"
                cell[2] = "continue"
    return ncols, shaped


# ----------------------------------------------------------------------------------------------
# .docx
# ----------------------------------------------------------------------------------------------

def w_el(tag, **attrs):
    el = OxmlElement("w:" + tag)
    for k, v in attrs.items():
        el.set(qn("w:" + k), str(v))
    return el


def make_run(text, bold=False, italic=False, deleted=False, size=None, superscript=False):
    r = w_el("r")
    if bold or italic or size or superscript:
        rpr = w_el("rPr")
        if bold:
            rpr.append(w_el("b"))
        if italic:
            rpr.append(w_el("i"))
        if superscript:
            rpr.append(w_el("vertAlign", val="superscript"))
        if size:
            rpr.append(w_el("sz", val=size))
        r.append(rpr)
    t = w_el("delText" if deleted else "t")
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = text
    r.append(t)
    return r


class DocState:
    def __init__(self, features, for_print):
        self.features = features or {}
        self.for_print = for_print
        self.bm_id = 0
        self.used = set()
        self.comment = None
        self.footnote = None


def fill_paragraph(p, text, st, bold_all=False, size=None):
    """Append runs for `text` (inline markdown, bookmarks, breaks) to paragraph p, applying the
    document's anchored features (revision, comment, footnote) where their anchors fall."""
    runs = inline_runs(text)
    plain = runs_text(runs)
    events = {}  # offset -> list of ('cstart'|'cend'|'fn'|'ins_start'|'ins_end')
    f = st.features
    rev = f.get("revision")
    if rev:
        anchor = rev["before"] + rev["new"] + rev["after"]
        k = plain.find(anchor)
        if k >= 0:
            s = k + len(rev["before"])
            events.setdefault(s, []).append("ins_start")
            events.setdefault(s + len(rev["new"]), []).insert(0, "ins_end")
            st.used.add("revision")
    com = f.get("comment")
    if com:
        k = plain.find(com["span"])
        if k >= 0:
            events.setdefault(k, []).append("cstart")
            events.setdefault(k + len(com["span"]), []).insert(0, "cend")
            st.used.add("comment")
    fn = f.get("footnote")
    if fn:
        k = plain.find(fn["after"])
        if k >= 0:
            events.setdefault(k + len(fn["after"]), []).append("fn")
            st.used.add("footnote")

    pos = 0
    in_ins = False
    ins_el = None
    done = set()

    def emit(el):
        if in_ins and el.tag == qn("w:r"):
            ins_el.append(el)
        else:
            p._p.append(el)

    def do_events(at):
        nonlocal in_ins, ins_el
        if at in done:
            return
        done.add(at)
        for ev in events.get(at, []):
            if ev == "ins_start":
                if not st.for_print:
                    d = w_el("del", id=900, author="Savivaldybės administracija",
                             date="2022-02-17T10:00:00Z")
                    d.append(make_run(rev["old"], deleted=True))
                    p._p.append(d)
                    ins_el = w_el("ins", id=901, author="Savivaldybės administracija",
                                  date="2022-02-17T10:00:00Z")
                    p._p.append(ins_el)
                    in_ins = True
            elif ev == "ins_end":
                in_ins = False
            elif ev == "cstart" and not st.for_print:
                p._p.append(w_el("commentRangeStart", id=0))
            elif ev == "cend" and not st.for_print:
                p._p.append(w_el("commentRangeEnd", id=0))
                r = w_el("r")
                r.append(w_el("commentReference", id=0))
                p._p.append(r)
                st.comment = com
            elif ev == "fn":
                r = w_el("r")
                rpr = w_el("rPr")
                rpr.append(w_el("vertAlign", val="superscript"))
                r.append(rpr)
                r.append(w_el("footnoteReference", id=1))
                p._p.append(r)
                st.footnote = fn

    do_events(0)
    for run in runs:
        if run[0] == "bm":
            st.bm_id += 1
            p._p.append(w_el("bookmarkStart", id=st.bm_id, name=run[1]))
            p._p.append(w_el("bookmarkEnd", id=st.bm_id))
            continue
        if run[0] == "br":
            r = w_el("r")
            r.append(w_el("br"))
            emit(r)
            pos += 1
            do_events(pos)
            continue
        _, t, b, it = run
        end = pos + len(t)
        start = pos
        for c in sorted(o for o in events if pos < o <= end):
            if c > start:
                emit(make_run(t[start - pos:c - pos], bold=b or bold_all, italic=it, size=size))
            do_events(c)
            start = c
        if start < end:
            emit(make_run(t[start - pos:], bold=b or bold_all, italic=it, size=size))
        pos = end


def set_repeat_header(row):
    trpr = row._tr.get_or_add_trPr()
    trpr.append(w_el("tblHeader"))


def column_widths(rows, ncols, usable_cm):
    """Column widths (cm): each column at least as wide as its longest word (so that few words are
    broken inside a narrow column), the rest shared in proportion to the column's text."""
    longest = [1] * ncols
    total = [1] * ncols
    for r in rows:
        if ncols > 1 and (len(r) == 1 or not any("".join(c).strip() for c in r[1:])):
            continue
        for c, paras in enumerate(r):
            for ptxt in paras:
                ptxt = BOOKMARK_RE.sub("", ptxt).replace("**", "")
                for w in ptxt.split():
                    longest[c] = max(longest[c], min(len(w), 18))
                total[c] += len(ptxt)
    mins = [0.18 * n + 0.45 for n in longest]
    spare = usable_cm - sum(mins)
    if spare <= 0:
        return [usable_cm * m / sum(mins) for m in mins]
    weights = [t ** 0.8 for t in total]
    return [m + spare * w / sum(weights) for m, w in zip(mins, weights)]


def add_table(doc, rows, st, usable_cm):
    ncols, shaped = table_shape(rows)
    widths = column_widths(rows, ncols, usable_cm)
    t = doc.add_table(rows=len(shaped), cols=ncols)
    t.style = doc.styles["Table Grid"]
    t.autofit = False
    for c, wcm in enumerate(widths):
        t.columns[c].width = Cm(wcm)
        for cell in t.columns[c].cells:
            cell.width = Cm(wcm)
    for ri, cells in enumerate(shaped):
        row = t.rows[ri]
        for col, span, vm, paras in cells:
            cell = row.cells[col]
            if span > 1:
                cell = cell.merge(row.cells[col + span - 1])
                cell.width = Cm(sum(widths[col:col + span]))
            first = True
            for ptxt in paras or [""]:
                p = cell.paragraphs[0] if first else cell.add_paragraph()
                first = False
                p.paragraph_format.space_after = Pt(2)
                fill_paragraph(p, ptxt, st, bold_all=(ri == 0), size=18)
            if vm:
                tcpr = cell._tc.get_or_add_tcPr()
                tcpr.append(w_el("vMerge", val="restart") if vm == "restart" else w_el("vMerge"))
    set_repeat_header(t.rows[0])
    return t


def add_field(p, instr, shown):
    r = w_el("r")
    r.append(w_el("fldChar", fldCharType="begin"))
    p._p.append(r)
    r = w_el("r")
    it = w_el("instrText")
    it.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    it.text = " %s \\* MERGEFORMAT " % instr
    r.append(it)
    p._p.append(r)
    r = w_el("r")
    r.append(w_el("fldChar", fldCharType="separate"))
    p._p.append(r)
    p._p.append(make_run(shown))
    r = w_el("r")
    r.append(w_el("fldChar", fldCharType="end"))
    p._p.append(r)


def build_docx(set_name, stem, blocks, gold, path, for_print):
    st = DocState(FEATURES.get((set_name, stem)), for_print)
    doc = docx.Document()
    normal = doc.styles["Normal"]
    normal.font.name = "DejaVu Sans"
    normal.font.size = Pt(10)
    rpr = normal.element.get_or_add_rPr()
    rpr.rFonts.set(qn("w:hAnsi"), "DejaVu Sans")
    rpr.rFonts.set(qn("w:cs"), "DejaVu Sans")
    rpr.append(w_el("lang", val="lt-LT"))
    for name in ("Heading 1", "Heading 2", "Heading 3", "Title", "List Bullet", "List Bullet 2",
                 "List Paragraph", "Header", "Footer"):
        doc.styles[name].font.name = "DejaVu Sans"
    cp = doc.core_properties
    cp.author = "Savivaldybės administracija"
    cp.last_modified_by = "Savivaldybės administracija"
    cp.created = FIXED_DATE
    cp.modified = FIXED_DATE
    cp.revision = 1
    cp.title = stem
    cp.comments = ""
    sec = doc.sections[0]
    wide = any(b[0] == "table" and max(len(r) for r in b[1]) >= 6 for b in blocks)
    if wide:  # plan reports with 6+ columns are laid out in landscape, as such reports usually are
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
    else:
        sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    usable_cm = (29.7 if wide else 21.0) - 4.0
    sec.left_margin = sec.right_margin = Cm(2.0)
    sec.top_margin = sec.bottom_margin = Cm(2.0)
    muni = (gold.get("council") or {}).get("municipality") or "Savivaldybė"
    hp = sec.header.paragraphs[0]
    hp.text = muni + " · Bendruomeninių organizacijų taryba"
    hp.style = doc.styles["Header"]
    fp = sec.footer.paragraphs[0]
    fp.style = doc.styles["Footer"]
    fp._p.append(make_run("Puslapis "))
    add_field(fp, "PAGE", "1")
    fp._p.append(make_run(" iš "))
    add_field(fp, "NUMPAGES", "1")

    # the template's first paragraph is none: python-docx starts empty
    for b in blocks:
        if b[0] == "table":
            add_table(doc, b[1], st, usable_cm)
            continue
        _, text, kind, level = b
        if kind == "heading":
            p = doc.add_paragraph(style=doc.styles["Heading %d" % min(level, 3)])
        elif kind == "bullet":
            p = doc.add_paragraph(style=doc.styles["List Bullet" if level == 1 else "List Bullet 2"])
        elif kind == "sub":
            p = doc.add_paragraph(style=doc.styles["List Paragraph"])
        else:
            p = doc.add_paragraph()
        fill_paragraph(p, text, st)

    for k in st.features:
        if k == "comment" and for_print:
            continue
        if k not in st.used:
            raise SystemExit("%s/%s: anchor of %s not found" % (set_name, stem, k))

    if st.footnote:
        xml = ('<w:footnotes %s>'
               '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
               '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
               '</w:r></w:p></w:footnote>'
               '<w:footnote w:id="1"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
               '<w:footnoteRef/></w:r><w:r><w:rPr><w:sz w:val="16"/></w:rPr>'
               '<w:t xml:space="preserve"> %s</w:t></w:r></w:p></w:footnote></w:footnotes>'
               % (nsdecls("w"), html.escape(st.footnote["text"], quote=False)))
        part = Part(PackURI("/word/footnotes.xml"),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                    xml.encode("utf-8"), doc.part.package)
        doc.part.relate_to(part, RT.FOOTNOTES)
    if st.comment and not for_print:
        c = st.comment
        xml = ('<w:comments %s><w:comment w:id="0" w:author="%s" w:date="2022-02-17T10:05:00Z" '
               'w:initials="SA"><w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p></w:comment>'
               '</w:comments>' % (nsdecls("w"), html.escape(c["author"]), html.escape(c["text"], quote=False)))
        part = Part(PackURI("/word/comments.xml"),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml",
                    xml.encode("utf-8"), doc.part.package)
        doc.part.relate_to(part, RT.COMMENTS)

    buf = io.BytesIO()
    doc.save(buf)
    rezip(buf.getvalue(), path)


DROP_DOCX_PARTS = ("word/stylesWithEffects.xml", "docProps/thumbnail.jpeg", "customXml/")


def rezip(data, path):
    """Rewrite a ZIP with fixed timestamps so that reruns give the same bytes.  For a .docx, drop
    the parts python-docx's template carries that the document does not need (the Word 2010
    stylesWithEffects copy of styles.xml, the template's thumbnail and customXml), with their
    relationships and content types."""
    zin = zipfile.ZipFile(io.BytesIO(data))
    names = [i.filename for i in zin.infolist()]
    is_docx = "word/document.xml" in names
    is_odt = "mimetype" in names
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for name in names:
            body = zin.read(name)
            if is_docx:
                if name.startswith(DROP_DOCX_PARTS):
                    continue
                if name.endswith(".rels") or name == "[Content_Types].xml":
                    body = re.sub(rb'<(Relationship|Override)\b[^>]*"[^"]*(stylesWithEffects\.xml|thumbnail\.jpeg|'
                                  rb'customXml/[^"]*)"[^>]*/>', b"", body)
            if is_odt:
                if name.startswith("Thumbnails/"):
                    continue
                if name == "META-INF/manifest.xml":
                    body = re.sub(rb'\s*<manifest:file-entry[^>]*manifest:full-path="Thumbnails/[^"]*"[^>]*/>',
                                  b"", body)
            zi = zipfile.ZipInfo(name, ZIP_DATE)
            zi.compress_type = zipfile.ZIP_STORED if (is_odt and name == "mimetype") or name.endswith("/") \
                else zipfile.ZIP_DEFLATED
            zi.external_attr = (0o755 << 16 | 0x10) if name.endswith("/") else 0o644 << 16
            zout.writestr(zi, body)


# ----------------------------------------------------------------------------------------------
# .html
# ----------------------------------------------------------------------------------------------

def html_text(s, refs):
    """Escape, then (when refs) write some Lithuanian letters as character references and the
    space after a year number before "m." as &nbsp;."""
    out = html.escape(s, quote=True).replace("&#x27;", "'")
    out = out.replace("\u00a0", "&nbsp;")
    if refs:
        out = out.replace("ė", "&#279;").replace("ų", "&#x173;").replace("š", "&scaron;")
        out = re.sub(r"(\d{4}) (m\.)", r"\1&nbsp;\2", out)
    return out


def html_runs(text, refs):
    parts = []
    for r in inline_runs(text):
        if r[0] == "bm":
            parts.append('<a id="%s"></a>' % html.escape(r[1]))
        elif r[0] == "br":
            parts.append("<br>\n")
        else:
            t = html_text(r[1], refs)
            t = re.sub(r"\[([^\]]+\((PDF|DOCX?)[^\]]*\)[^\]]*)\]", r'[<a href="#">\1</a>]', t)
            if r[3]:
                t = "<em>%s</em>" % t
            if r[2]:
                t = "<strong>%s</strong>" % t
            parts.append(t)
    return "".join(parts)


def build_html(set_name, stem, blocks, gold, path):
    muni = (gold.get("council") or {}).get("municipality") or "Savivaldybė"
    title = next((b[1] for b in blocks if b[0] == "p"), stem)
    title = BOOKMARK_RE.sub("", title).replace("**", "").replace("\n", " ")
    o = []
    o.append("<!DOCTYPE html>\n<html lang=\"lt\">\n<head>\n<meta charset=\"utf-8\">\n"
             "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
             "<title>%s | %s</title>\n<link rel=\"stylesheet\" href=\"/themes/sav/css/main.css?v=3.2\">\n"
             "<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}"
             " gtag('js', new Date()); gtag('config', 'G-0000000'); if (1 < 2 && \"x\") { /* </p> */ }</script>\n"
             "<style>table{border-collapse:collapse} td,th{border:1px solid #999}</style>\n</head>\n"
             % (html_text(title[:80], False), html_text(muni, False)))
    o.append("<body class=\"page-node\">\n<a class=\"skip\" href=\"#turinys\">Pereiti prie turinio</a>\n"
             "<header class=\"site-header\">\n<div class=\"logo\"><a href=\"/\">%s</a></div>\n"
             "<nav class=\"main-menu\" aria-label=\"Pagrindinis meniu\">\n<ul>\n"
             "<li><a href=\"/savivaldybe\">Savivaldyb&#279;</a></li>\n<li><a href=\"/paslaugos\">Paslaugos</a></li>\n"
             "<li><a href=\"/bendruomenems\">Bendruomen&#279;ms</a></li>\n<li><a href=\"/naujienos\">Naujienos</a></li>\n"
             "<li><a href=\"/kontaktai\">Kontaktai</a></li>\n</ul>\n</nav>\n"
             "<form class=\"search\" action=\"/paieska\"><input type=\"search\" name=\"q\" placeholder=\"Paie&scaron;ka\">"
             "<button>Ie&scaron;koti</button></form>\n</header>\n<main id=\"turinys\">\n<article class=\"node-content\">\n"
             % html_text(muni, False))
    para_no = 0
    in_list = False
    for b in blocks:
        if b[0] == "p" and b[2] == "bullet":
            if not in_list:
                o.append("<ul>\n")
                in_list = True
            para_no += 1
            o.append("<li>%s</li>\n" % html_runs(b[1], para_no % 2 == 0))
            continue
        if in_list:
            o.append("</ul>\n")
            in_list = False
        para_no += 1
        refs = para_no % 2 == 0
        if b[0] == "table":
            ncols, shaped = table_shape(b[1])
            o.append("<table class=\"table\">\n")
            for ri, cells in enumerate(shaped):
                if ri == 0:
                    o.append("<thead>\n")
                if ri == 1:
                    o.append("<tbody>\n")
                o.append("<tr>")
                tag = "th" if ri == 0 else "td"
                for ci, (col, span, vm, paras) in enumerate(cells):
                    if vm == "continue":
                        continue
                    attrs = ""
                    if span > 1:
                        attrs += " colspan=\"%d\"" % span
                    if vm == "restart":
                        k = ri + 1
                        while k < len(shaped) and any(x[0] == col and x[2] == "continue" for x in shaped[k]):
                            k += 1
                        attrs += " rowspan=\"%d\"" % (k - ri)
                    row_refs = (para_no + ri) % 2 == 0
                    if len(paras) > 1:
                        inner = "".join("<p>%s</p>" % html_runs(pt, row_refs) for pt in paras)
                    else:
                        inner = html_runs(paras[0], row_refs) if paras else ""
                    o.append("<%s%s>%s</%s>" % (tag, attrs, inner, tag))
                o.append("</tr>\n")
                if ri == 0:
                    o.append("</thead>\n")
            o.append("</tbody>\n</table>\n")
            continue
        _, text, kind, level = b
        if kind == "heading":
            h = min(level + 1, 4)
            o.append("<h%d>%s</h%d>\n" % (h, html_runs(text, refs), h))
        else:
            o.append("<p>%s</p>\n" % html_runs(text, refs))
    if in_list:
        o.append("</ul>\n")
    o.append("</article>\n<aside class=\"share\"><a href=\"#\">Dalintis</a> <a href=\"#\" onclick=\"window.print()\">"
             "Spausdinti</a></aside>\n</main>\n")
    o.append("<footer class=\"site-footer\">\n<div class=\"contacts\">\n<p>%s administracija</p>\n"
             "<p>Adresas: Laisv&#279;s g. 1, LT-00000<br>Tel. (8 000) 00 000, el.&nbsp;p. info@savivaldybe.example</p>\n"
             "<p>Darbo laikas: I&ndash;IV 8.00&ndash;17.00, V 8.00&ndash;15.45</p>\n</div>\n"
             "<p class=\"copy\">&copy; Visos teis&#279;s saugomos</p>\n</footer>\n"
             "<script src=\"/themes/sav/js/menu.js\"></script>\n"
             "<script>document.querySelectorAll('nav a').forEach(function(a){ if (a.href === location.href) "
             "a.classList.add('active'); });</script>\n</body>\n</html>\n" % html_text(muni, False))
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("".join(o))


# ----------------------------------------------------------------------------------------------
# LibreOffice
# ----------------------------------------------------------------------------------------------

def soffice(fmt, outdir, files, infilter=None):
    cmd = ["soffice", "-env:UserInstallation=" + LO_PROFILE, "--headless", "--norestore"]
    if infilter:
        cmd.append("--infilter=" + infilter)
    cmd += ["--convert-to", fmt, "--outdir", outdir] + files
    print("+", " ".join(cmd[:7]), "... (%d files)" % len(files), flush=True)
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)


def twins(work):
    src = os.path.join(work, "src")
    prn = os.path.join(work, "print")
    os.makedirs(src, exist_ok=True)
    os.makedirs(prn, exist_ok=True)
    for set_name, stem in TWINS:
        assert set_name != "blind3"
        txt = os.path.join(FIX, set_name, stem + ".txt")
        gold = json.load(open(os.path.join(FIX, set_name, stem + ".gold.json"), encoding="utf-8"))
        text = read_txt(txt)
        blocks = parse(text)
        outdir = os.path.join(OUT, set_name)
        os.makedirs(outdir, exist_ok=True)
        build_docx(set_name, stem, blocks, gold, os.path.join(outdir, stem + ".docx"), for_print=False)
        shutil.copy(os.path.join(outdir, stem + ".docx"), os.path.join(src, "%s__%s.docx" % (set_name, stem)))
        build_docx(set_name, stem, blocks, gold, os.path.join(prn, "%s__%s.docx" % (set_name, stem)), for_print=True)
        build_html(set_name, stem, blocks, gold, os.path.join(outdir, stem + ".html"))
        print("built", set_name, stem, flush=True)
    soffice("odt", os.path.join(work, "odt"), sorted(glob.glob(os.path.join(src, "*.docx"))))
    soffice("pdf", os.path.join(work, "pdf"), sorted(glob.glob(os.path.join(prn, "*.docx"))))
    for ext in ("odt", "pdf"):
        for f in glob.glob(os.path.join(work, ext, "*." + ext)):
            set_name, stem = os.path.basename(f)[:-len(ext) - 1].split("__")
            dst = os.path.join(OUT, set_name, stem + "." + ext)
            if ext == "odt":
                # LibreOffice's output, without its thumbnail image (38 KB each), timestamps fixed
                rezip(open(f, "rb").read(), dst)
                os.remove(f)
            else:
                shutil.move(f, dst)


# ----------------------------------------------------------------------------------------------
# Refusal samples
# ----------------------------------------------------------------------------------------------

CT_DOCX = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
           '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
           '<Default Extension="xml" ContentType="application/xml"/>'
           '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
           'wordprocessingml.document.main+xml"/></Types>')
RELS_DOCX = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
             'officeDocument" Target="word/document.xml"/></Relationships>')


def zput(z, name, data, method=zipfile.ZIP_DEFLATED):
    zi = zipfile.ZipInfo(name, ZIP_DATE)
    zi.compress_type = method
    zi.external_attr = 0o644 << 16
    z.writestr(zi, data)


def make_zip_bomb(path, size=1100 * 1024 * 1024):
    head = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="%s"><w:body><w:p><w:r>'
            '<w:t>' % W_NS).encode()
    tail = b"</w:t></w:r></w:p></w:body></w:document>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        zput(z, "[Content_Types].xml", CT_DOCX)
        zput(z, "_rels/.rels", RELS_DOCX)
        zi = zipfile.ZipInfo("word/document.xml", ZIP_DATE)
        zi.compress_type = zipfile.ZIP_DEFLATED
        zi.external_attr = 0o644 << 16
        with z.open(zi, "w", force_zip64=True) as f:
            f.write(head)
            chunk = b"A" * (1 << 20)
            left = size - len(head) - len(tail)
            while left > 0:
                f.write(chunk[:min(left, len(chunk))])
                left -= len(chunk)
            f.write(tail)


def make_billion_laughs(path):
    ents = ['<!ENTITY lol "lol">']
    for k in range(1, 10):
        ents.append('<!ENTITY lol%d "%s">' % (k, ("&lol%s;" % ("" if k == 1 else k - 1)) * 10))
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!DOCTYPE w:document [\n  %s\n]>\n'
           '<w:document xmlns:w="%s"><w:body><w:p><w:r><w:t>Ataskaita &lol9;</w:t></w:r></w:p></w:body>'
           '</w:document>\n' % ("\n  ".join(ents), W_NS))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        zput(z, "[Content_Types].xml", CT_DOCX)
        zput(z, "_rels/.rels", RELS_DOCX)
        zput(z, "word/document.xml", xml)


def make_odt_without_content(path, good_odt):
    zin = zipfile.ZipFile(good_odt)
    with zipfile.ZipFile(path, "w") as z:
        for info in zin.infolist():
            if info.filename == "content.xml":
                continue
            data = zin.read(info.filename)
            if info.filename == "META-INF/manifest.xml":
                data = re.sub(rb'\s*<manifest:file-entry[^>]*manifest:full-path="content.xml"[^>]*/>', b"", data)
            zput(z, info.filename, data,
                 zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED)


def cfb_write(streams):
    """A minimal Compound File Binary (OLE2, version 3, 512-byte sectors) holding `streams`
    ({name: bytes}) under the root storage; streams under 4096 bytes go to the mini stream."""
    import struct
    SEC, MINI, CUTOFF = 512, 64, 4096
    FREE, END, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    names = list(streams)
    small = [n for n in names if len(streams[n]) < CUTOFF]
    big = [n for n in names if len(streams[n]) >= CUTOFF]
    ministream, minifat, mini_start = b"", [], {}
    for n in small:
        data = streams[n]
        k = max(1, -(-len(data) // MINI))
        first = len(minifat)
        mini_start[n] = first
        minifat += [first + i + 1 for i in range(k - 1)] + [END]
        ministream += data.ljust(k * MINI, b"\0")
    nsec = lambda size: -(-size // SEC)  # noqa: E731
    n_dir = nsec((len(names) + 1) * 128)
    n_minifat = nsec(len(minifat) * 4) if minifat else 0
    n_mini = nsec(len(ministream))
    n_big = [nsec(len(streams[n])) for n in big]
    n_fat = 1
    while True:
        total = n_fat + n_dir + n_minifat + n_mini + sum(n_big)
        if n_fat * SEC // 4 >= total:
            break
        n_fat += 1
    assert n_fat <= 109
    fat = [FATSECT] * n_fat
    pos = n_fat

    def chain(k):
        nonlocal pos
        start = pos
        fat.extend([pos + i + 1 for i in range(k - 1)] + [END])
        pos += k
        return start
    dir_start = chain(n_dir)
    minifat_start = chain(n_minifat) if n_minifat else END
    mini_sec_start = chain(n_mini) if n_mini else END
    big_start = {n: chain(k) for n, k in zip(big, n_big)}
    fat += [FREE] * (n_fat * SEC // 4 - len(fat))

    def entry(name, typ, color, left, right, child, start, size):
        raw = name.encode("utf-16-le") + b"\0\0"
        return (raw.ljust(64, b"\0") + struct.pack("<HBBIII", len(raw) if name else 0, typ, color, left, right,
                                                   child) + b"\0" * 16 + b"\0" * 4 + b"\0" * 16
                + struct.pack("<IQ", start, size))
    # directory tree: root's child is the first stream; the others hang as right siblings, in the
    # CFB order (shorter names first, then by upper-case name)
    order = sorted(names, key=lambda n: (len(n), n.upper()))
    ids = {n: i + 1 for i, n in enumerate(order)}
    d = entry("Root Entry", 5, 1, NOSTREAM, NOSTREAM, ids[order[0]], mini_sec_start, len(ministream))
    for i, n in enumerate(order):
        right = ids[order[i + 1]] if i + 1 < len(order) else NOSTREAM
        start = mini_start[n] if n in mini_start else big_start[n]
        d += entry(n, 2, 1 if i == 0 else 0, NOSTREAM, right, NOSTREAM, start, len(streams[n]))
    while len(d) % SEC:
        d += entry("", 0, 0, NOSTREAM, NOSTREAM, NOSTREAM, 0, 0)
    difat = [i for i in range(n_fat)] + [FREE] * (109 - n_fat)
    header = (bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 16
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
              + struct.pack("<IIIIIIIII", 0, n_fat, dir_start, 0, CUTOFF, minifat_start, n_minifat, END, 0)
              + struct.pack("<109I", *difat))
    assert len(header) == SEC
    body = struct.pack("<%dI" % len(fat), *fat) + d
    if n_minifat:
        mf = minifat + [FREE] * (n_minifat * SEC // 4 - len(minifat))
        body += struct.pack("<%dI" % len(mf), *mf)
    body += ministream.ljust(n_mini * SEC, b"\0")
    for n, k in zip(big, n_big):
        body += streams[n].ljust(k * SEC, b"\0")
    return header + body


def encrypt_ooxml(plain, password, seed):
    """ECMA-376 agile encryption (MS-OFFCRYPTO 2.3.4.10), AES-256-CBC, SHA-512, 100 000 spins, as
    Word writes a password-protected .docx: an OLE2 file with EncryptionInfo and EncryptedPackage.
    Random values come from `seed` so reruns give the same bytes."""
    import base64
    import hmac
    import struct
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    def rnd(label, n):
        return hashlib.sha512((seed + label).encode()).digest()[:n]

    def aes(key, iv, data):
        e = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
        return e.update(data) + e.finalize()

    def sha(*parts):
        return hashlib.sha512(b"".join(parts)).digest()

    def fit(b, n):
        return b[:n] if len(b) >= n else b + b"\x36" * (n - len(b))
    spin = 100000
    pw_salt, key_salt = rnd("pwsalt", 16), rnd("keysalt", 16)
    secret, verifier, hmac_key = rnd("secret", 32), rnd("verifier", 16), rnd("hmackey", 64)
    h = sha(pw_salt, password.encode("utf-16-le"))
    for i in range(spin):
        h = sha(struct.pack("<I", i), h)

    def pkey(block):
        return fit(sha(h, bytes.fromhex(block)), 32)
    enc_vhi = aes(pkey("fea7d2763b4b9e79"), pw_salt, verifier)
    enc_vhv = aes(pkey("d7aa0f6d3061344e"), pw_salt, sha(verifier))
    enc_kv = aes(pkey("146e0be7abacd0d6"), pw_salt, secret)
    pkg = struct.pack("<Q", len(plain))
    for seg in range(0, -(-len(plain) // 4096)):
        chunk = plain[seg * 4096:(seg + 1) * 4096]
        chunk += b"\0" * (-len(chunk) % 16)
        pkg += aes(secret, sha(key_salt, struct.pack("<I", seg))[:16], chunk)
    hv = hmac.new(hmac_key, pkg, hashlib.sha512).digest()
    enc_hk = aes(secret, sha(key_salt, bytes.fromhex("5fb2ad010cb9e1f6"))[:16], hmac_key)
    enc_hv = aes(secret, sha(key_salt, bytes.fromhex("a0677f02b22c8433"))[:16], hv)
    b64 = lambda b: base64.b64encode(b).decode()  # noqa: E731
    common = ('saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" '
              'cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512"')
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
           '<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" '
           'xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password" '
           'xmlns:c="http://schemas.microsoft.com/office/2006/keyEncryptor/certificate">'
           '<keyData %s saltValue="%s"/>'
           '<dataIntegrity encryptedHmacKey="%s" encryptedHmacValue="%s"/>'
           '<keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password">'
           '<p:encryptedKey spinCount="%d" %s saltValue="%s" encryptedVerifierHashInput="%s" '
           'encryptedVerifierHashValue="%s" encryptedKeyValue="%s"/></keyEncryptor></keyEncryptors></encryption>'
           % (common, b64(key_salt), b64(enc_hk), b64(enc_hv), spin, common, b64(pw_salt), b64(enc_vhi),
              b64(enc_vhv), b64(enc_kv)))
    info = struct.pack("<HHI", 4, 4, 0x40) + xml.encode("utf-8")
    return cfb_write({"EncryptionInfo": info, "EncryptedPackage": pkg})


def bad(work):
    bd = os.path.join(OUT, "bad")
    os.makedirs(bd, exist_ok=True)
    base_docx = os.path.join(OUT, "reports", "kauno-m-2021-annual.docx")
    base_pdf = os.path.join(OUT, "reports", "kauno-m-2021-annual.pdf")
    base_odt = os.path.join(OUT, "reports", "kauno-m-2021-annual.odt")
    for f in (base_docx, base_pdf, base_odt):
        if not os.path.exists(f):
            raise SystemExit("make the twins first: %s is missing" % f)

    make_zip_bomb(os.path.join(bd, "report.docx"))
    make_billion_laughs(os.path.join(bd, "billion-laughs.docx"))

    # truncated docx: the first 60 % of a real one (no central directory)
    data = open(base_docx, "rb").read()
    open(os.path.join(bd, "truncated.docx"), "wb").write(data[:len(data) * 6 // 10])

    make_odt_without_content(os.path.join(bd, "no-content.odt"), base_odt)

    # spreadsheet: members list as a .xlsx, made by LibreOffice from a CSV
    xdir = os.path.join(work, "xlsx")
    os.makedirs(xdir, exist_ok=True)
    csvp = os.path.join(xdir, "members.csv")
    with open(csvp, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Eil. Nr.", "Vardas, pavardė", "Atstovaujama organizacija", "Pareigos"])
        w.writerow(["1", "Jonas Marcinkus", "Asociacija „Baltijos žmogus“", "pirmininkas"])
        w.writerow(["2", "Justinas Juškevičius", "Savivaldybės administracija", "pavaduotojas"])
    # needs libreoffice-calc-nogui; CSV read as comma-separated, quoted, UTF-8 (76), from line 1
    soffice("xlsx:Calc MS Excel 2007 XML", xdir, [csvp], infilter="CSV:44,34,76,1")
    rezip(open(os.path.join(xdir, "members.xlsx"), "rb").read(), os.path.join(bd, "members.xlsx"))

    # a legacy Word 97 .doc of the Kaunas report (LibreOffice's "MS Word 97" filter), made from the
    # print variant (tracked change accepted, no comment): antiword prints a Word 97 tracked deletion
    # as if it were text ("įvyko 43"), so a .doc with one would not match the gold through antiword
    ddir = os.path.join(work, "doc")
    os.makedirs(ddir, exist_ok=True)
    gold = json.load(open(os.path.join(FIX, "reports", "kauno-m-2021-annual.gold.json"), encoding="utf-8"))
    build_docx("reports", "kauno-m-2021-annual",
               parse(read_txt(os.path.join(FIX, "reports", "kauno-m-2021-annual.txt"))), gold,
               os.path.join(ddir, "kauno-m-2021-annual.docx"), for_print=True)
    soffice("doc:MS Word 97", ddir, [os.path.join(ddir, "kauno-m-2021-annual.docx")])
    shutil.copy(os.path.join(ddir, "kauno-m-2021-annual.doc"), os.path.join(bd, "kauno-m-2021-annual.doc"))

    # a PNG named .pdf, and a scanned PDF (an image of page 1, no text layer); both bilevel to stay small
    from PIL import Image
    for name, dpi in (("page", 60), ("scan", 100)):
        subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-gray", "-f", "1", "-l", "1", "-singlefile",
                        base_pdf, os.path.join(work, name)], check=True)
        Image.open(os.path.join(work, name + ".png")).convert("1").save(os.path.join(work, name + "1.png"),
                                                                        optimize=True)
    shutil.copy(os.path.join(work, "page1.png"), os.path.join(bd, "image.pdf"))
    subprocess.run(["img2pdf", "--output", os.path.join(bd, "scanned.pdf"), os.path.join(work, "scan1.png")],
                   check=True)

    # encrypted PDF (AES-256, user password required to open)
    subprocess.run(["qpdf", "--encrypt", "slaptas", "savininkas", "256", "--",
                    base_pdf, os.path.join(bd, "encrypted.pdf")], check=True)

    # password-protected docx (password "slaptas"): written here, checked with msoffcrypto-tool
    open(os.path.join(bd, "encrypted.docx"), "wb").write(
        encrypt_ooxml(open(base_docx, "rb").read(), "slaptas", "libcouncil"))

    # deeply nested HTML: 100 000 <div> opened
    depth = 100000
    with open(os.path.join(bd, "nested.html"), "w", encoding="utf-8") as f:
        f.write("<!DOCTYPE html>\n<html lang=\"lt\"><head><meta charset=\"utf-8\"><title>Ataskaita</title></head><body>\n")
        f.write("<div>" * depth)  # never closed: an HTML parser nests them all (and the file stays 0.5 MB)
        f.write("Bendruomeninių organizacijų tarybos ataskaita")
        f.write("\n</body></html>\n")

    # encodings of a short real report
    text = read_txt(os.path.join(FIX, "reports", "pagegiu-2024-annual.txt"))
    open(os.path.join(bd, "pagegiu-2024-annual.cp1257.txt"), "wb").write(text.replace("\n", "\r\n").encode("cp1257"))
    open(os.path.join(bd, "pagegiu-2024-annual.iso8859-13.txt"), "wb").write(
        text.replace("–", "-").encode("iso8859_13"))
    open(os.path.join(bd, "pagegiu-2024-annual.utf16le-bom.txt"), "wb").write(
        b"\xff\xfe" + text.replace("\n", "\r\n").encode("utf-16-le"))
    open(os.path.join(bd, "pagegiu-2024-annual.utf16be-bom.txt"), "wb").write(
        b"\xfe\xff" + text.encode("utf-16-be"))
    open(os.path.join(bd, "pagegiu-2024-annual.utf8-bom.txt"), "wb").write(b"\xef\xbb\xbf" + text.encode("utf-8"))


# ----------------------------------------------------------------------------------------------
# Self-check with independent tools
# ----------------------------------------------------------------------------------------------

def tool_text(path, mode):
    """Text of a generated file as independent tools read it.
    pdf:   pdftotext (poppler) -layout (mode 'layout') or reading order (mode 'order');
    docx:  pandoc -t plain (mode 'plain'; a grid table prints cells side by side) or pandoc -t html
           with the tags stripped (mode 'order': document order);
    odt:   pandoc drops an ODT table's header rows (table:table-header-rows), so for 'order' the
           text nodes of content.xml are walked, leaving out office:annotation, text:tracked-changes
           and text:note (the footnote);
    html:  pandoc -f html -t plain."""
    ext = path.rsplit(".", 1)[1]
    if ext == "pdf":
        args = ["pdftotext"] + (["-layout"] if mode == "layout" else []) + [path, "-"]
        return subprocess.run(args, capture_output=True, check=True).stdout.decode()
    if ext == "odt" and mode == "order":
        from xml.etree import ElementTree as ET
        root = ET.fromstring(zipfile.ZipFile(path).read("content.xml"))
        skip = {"{urn:oasis:names:tc:opendocument:xmlns:office:1.0}annotation",
                "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}tracked-changes",
                "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}note"}
        out = []

        def walk(el):
            if el.tag in skip:
                if el.tail:
                    out.append(el.tail)
                return
            if el.text:
                out.append(el.text)
            for ch in el:
                walk(ch)
            out.append(" ")
            if el.tail:
                out.append(el.tail)
        walk(root)
        return "".join(out)
    to = "html" if (mode == "order" and ext == "docx") else "plain"
    t = subprocess.run(["pandoc", "-f", ext, "-t", to, "--wrap=none", path],
                       capture_output=True, check=True).stdout.decode()
    if to == "html":
        t = html.unescape(re.sub(r"<[^>]+>", " ", t))
    return t


def in_order(a, b):
    """Share of the words of a found in b in the same order (longest matching blocks)."""
    import difflib
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(bl.size for bl in sm.get_matching_blocks()) / max(1, len(a))


def covered(a, b):
    """Share of the words of a (as a multiset) present in b."""
    from collections import Counter
    ca, cb = Counter(a), Counter(b)
    return sum(min(n, cb[w]) for w, n in ca.items()) / max(1, len(a))


def check():
    """Every word of each .txt must be in each twin in the same order (docx, odt, html) or at least
    present (pdf with -layout, where table columns interleave lines); extra words are the page
    header/footer, footnote, the web page's menu and footer."""
    ok = True
    for set_name, stem in TWINS:
        text = read_txt(os.path.join(FIX, set_name, stem + ".txt"))
        want = word_seq(" ".join(words_of_txt(text)))
        for ext, mode in (("docx", "order"), ("docx", "plain"), ("odt", "order"), ("odt", "plain"),
                          ("html", "plain"), ("pdf", "order"), ("pdf", "layout")):
            p = os.path.join(OUT, set_name, stem + "." + ext)
            got = word_seq(tool_text(p, mode))
            r_order = in_order(want, got)
            r_cov = covered(want, got)
            if ext == "pdf":
                # a PDF breaks words that do not fit a narrow column or a line (URLs, "T1-245"):
                # 99 % of the words must be whole in the -layout text; reading order is informative
                good = r_cov >= 0.99 if mode == "layout" else True
            elif mode == "plain":
                # pandoc's plain ODT reader loses the table header row, and its plain tables print
                # multi-paragraph cells side by side: judged by the 'order' lines
                good = True
            else:
                good = r_order >= 0.999
            ok = ok and good
            print("%-8s %-26s %-4s %-6s words %4d/%4d  in order %.3f  present %.3f  %s"
                  % (set_name, stem, ext, mode, len(want), len(got), r_order, r_cov,
                     "ok" if good else "MISSING WORDS"))
    return ok


def inventory():
    """A markdown table of the structural features each twin has, counted in the files themselves."""
    rows = ["| twin | PDF pages | tables (rows) | w:tblHeader | gridSpan | vMerge | multi-paragraph cells | "
            "headings | list items | footnote | comment | w:ins/w:del | header/footer fields | ODT header rows / "
            "spanned / covered cells |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for set_name, stem in TWINS:
        base = os.path.join(OUT, set_name, stem)
        z = zipfile.ZipFile(base + ".docx")
        d = z.read("word/document.xml").decode()
        names = z.namelist()
        foot = "".join(z.read(n).decode() for n in names if re.match(r"word/(header|footer)\d*\.xml", n))
        pages = re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", base + ".pdf"], capture_output=True,
                                                            text=True).stdout).group(1)
        tables = re.findall(r"<w:tbl>.*?</w:tbl>", d, re.S)
        trows = [len(re.findall(r"<w:tr[ >]", t)) for t in tables]
        multi = sum(1 for tc in re.findall(r"<w:tc>.*?</w:tc>", d, re.S) if len(re.findall(r"<w:p[ >]", tc)) > 1)
        o = zipfile.ZipFile(base + ".odt").read("content.xml").decode()
        rows.append("| %s/%s | %s | %s | %d | %d | %d | %d | %d | %d | %s | %s | %s | %s | %d / %d / %d |" % (
            set_name, stem, pages, ", ".join("1 (%d)" % n for n in trows) if trows else "0",
            d.count("<w:tblHeader/>"), len(re.findall(r"<w:gridSpan ", d)), d.count("<w:vMerge"), multi,
            len(re.findall(r'<w:pStyle w:val="Heading\d"/>', d)),
            len(re.findall(r'<w:pStyle w:val="(ListBullet\d?|ListParagraph)"/>', d)),
            "yes" if "word/footnotes.xml" in names else "",
            "yes" if "word/comments.xml" in names else "",
            "%d/%d" % (d.count("<w:ins "), d.count("<w:del ")) if "<w:ins " in d else "",
            "PAGE, NUMPAGES" if "NUMPAGES" in foot else "",
            o.count("<table:table-header-rows>"), len(re.findall(r"table:number-(columns|rows)-spanned", o)),
            o.count("<table:covered-table-cell")))
    print("\n".join(rows))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--twins", action="store_true")
    ap.add_argument("--bad", action="store_true")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--inventory", action="store_true", help="print the features table of the README")
    a = ap.parse_args()
    if a.inventory:
        inventory()
        return
    if not (a.twins or a.bad or a.check):
        a.twins = a.bad = a.check = True
    work = tempfile.mkdtemp(prefix="make-format-fixtures-")
    try:
        if a.twins:
            twins(work)
        if a.bad:
            bad(work)
        if a.check and not check():
            sys.exit(1)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
