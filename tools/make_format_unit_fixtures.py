#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes the small binary documents tests/test_document.c and
tests/cli/test_documents.py read, under tests/fixtures/formats/unit/:
a report as .pdf (through pandoc and LibreOffice), the same PDF encrypted
(qpdf), a scanned PDF (an image and no text, written here by hand), a Word
97 .doc (LibreOffice).  The .docx, .odt and HTML inputs of the unit tests
are built in C inside the tests, where every element is visible.
The output is committed; rerun only to change it.
Needs: pandoc, libreoffice-writer(-nogui), qpdf (Debian 12 packages).
usage: tools/make_format_unit_fixtures.py"""
import os
import shutil
import subprocess
import tempfile
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'tests', 'fixtures', 'formats', 'unit')

# A small annual report with a table whose cells wrap in the PDF.
REPORT = """# Alytaus rajono savivaldybės bendruomeninių organizacijų tarybos 2023 m. veiklos ataskaita

Alytaus rajono savivaldybės bendruomeninių organizacijų taryba 2023 metais surengė 4 posėdžius, iš kurių 1 vyko nuotoliniu būdu.

2023 m. kovo 14 d. vykusiame posėdyje aptartas bendruomenių finansavimas.

| Data | Renginys | Vieta | Dalyvių sk. |
|---|---|---|---|
| 2023-05-12 | Seminaras bendruomenių lyderiams apie projektų rengimą | Alytus | 31 |
| 2023-09-20 | Bendruomenių forumas | Daugai | 58 |
"""


def run(*cmd, cwd=None):
    subprocess.run(cmd, check=True, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def scanned_pdf():
    """One page holding only an 8x8 grey image: what a scanner makes."""
    img = zlib.compress(bytes([0x80] * 64))
    objs = [
        b'<< /Type /Catalog /Pages 2 0 R >>',
        b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] '
        b'/Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>',
        b'<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray '
        b'/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n' % len(img)
        + img + b'\nendstream',
    ]
    content = b'q 200 0 0 200 0 0 cm /Im1 Do Q'
    objs.append(b'<< /Length %d >>\nstream\n' % len(content) + content + b'\nendstream')
    out = bytearray(b'%PDF-1.4\n')
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b'%d 0 obj\n' % i + o + b'\nendobj\n'
    xref = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1)
    for off in offsets:
        out += b'%010d 00000 n \n' % off
    out += b'trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(objs) + 1, xref)
    return bytes(out)


def main():
    os.makedirs(OUT, exist_ok=True)
    tmp = tempfile.mkdtemp()
    try:
        md = os.path.join(tmp, 'report.md')
        with open(md, 'w', encoding='utf-8') as f:
            f.write(REPORT)
        run('pandoc', md, '-o', os.path.join(tmp, 'report.docx'))
        profile = 'file://' + os.path.join(tmp, 'profile')
        for fmt in ('pdf', 'doc'):
            run('soffice', '-env:UserInstallation=' + profile, '--headless', '--convert-to', fmt,
                '--outdir', tmp, os.path.join(tmp, 'report.docx'))
        shutil.copy(os.path.join(tmp, 'report.pdf'), os.path.join(OUT, 'report.pdf'))
        shutil.copy(os.path.join(tmp, 'report.doc'), os.path.join(OUT, 'report.doc'))
        run('qpdf', '--encrypt', 'slaptas', 'savininkas', '256', '--',
            os.path.join(tmp, 'report.pdf'), os.path.join(OUT, 'encrypted.pdf'))
        with open(os.path.join(OUT, 'scanned.pdf'), 'wb') as f:
            f.write(scanned_pdf())
    finally:
        shutil.rmtree(tmp)


if __name__ == '__main__':
    main()
