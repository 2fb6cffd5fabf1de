#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""`council report --html`: one self-contained page (no script, nothing
from the network) rendered in a real headless browser (Debian's
chromium): the DOM it builds holds the charts' bars as non-empty SVG
paths, and the screenshot -- kept as report-screenshot.png in the test's
build directory -- has the bars' colours in it, the lower-bound colour
where a year's participants include "more than".  Skipped (exit 77) with
a message when no browser is installed; CI installs chromium."""
import html
import os
import re
import shutil
import sqlite3
import struct
import subprocess
import tempfile
import unittest
import zlib
from glob import glob

import clitest

BAR = (0x2a, 0x6f, 0x97)
LOWER = (0xe0, 0x7a, 0x1f)


def browser():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    return None


def png_pixels(path):
    """(width, height, rows of (r, g, b)) of an 8-bit RGB or RGBA PNG."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            width, height, depth, ctype = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and ctype in (2, 6), (depth, ctype)
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw, stride, prev, out, i = zlib.decompress(idat), width * bpp, None, [], 0
    for _ in range(height):
        f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        up = prev or bytearray(stride)
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = up[x]
            c = up[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        out.append(line)
        prev = line
    return width, height, [[tuple(r[x:x + 3]) for x in range(0, stride, bpp)] for r in out]


class Report(clitest.CouncilTest):
    def setUp(self):
        super().setUp()
        files = sorted(glob(os.path.join(clitest.FIXTURES, "reports", "*.txt")))
        self.council("import", *files)
        # a second year for one council, whose participants include a lower bound
        with sqlite3.connect(self.db) as s:
            cid, year = s.execute("SELECT council_id, max(year) FROM event GROUP BY council_id "
                                  "ORDER BY council_id LIMIT 1").fetchone()
            for n, q in ((40, "exact"), (2000, "more_than")):
                s.execute("INSERT INTO event(council_id, title, date_start, date_end, year) "
                          "VALUES (?, 'Forumas', ?, ?, ?)",
                          (cid, "%d-05-02" % (year + 1), "%d-05-02" % (year + 1), year + 1))
                s.execute("INSERT INTO event_participants(event_id, count, qualifier) "
                          "VALUES (last_insert_rowid(), ?, ?)", (n, q))
        self.page = os.path.join(self.tmp, "report.html")
        self.council("report", "--html", self.page)
        self.html = open(self.page, encoding="utf-8").read()

    def test_self_contained(self):
        self.assertNotRegex(self.html, r"<script|<link|<img|<iframe|\bsrc=|url\(|@import")
        # the only address is SVG's namespace, which is never fetched
        self.assertEqual(set(re.findall(r"https?://[^\"' ]+", self.html)),
                         {"http://www.w3.org/2000/svg"})
        with sqlite3.connect(self.db) as s:
            councils = s.execute("SELECT count(*) FROM council").fetchone()[0]
            municipalities = s.execute("SELECT count(DISTINCT coalesce(municipality, name)) "
                                       "FROM council c WHERE EXISTS (SELECT 1 FROM event e "
                                       "WHERE e.council_id = c.id) OR EXISTS (SELECT 1 FROM "
                                       "meeting m WHERE m.council_id = c.id)").fetchone()[0]
        self.assertEqual(self.html.count('<section class="council"'), councils)
        grid = self.html[self.html.index('id="coverage"'):]
        self.assertEqual(grid.count("<tr><th>") - 1, municipalities)  # less the heading
        self.assertIn("≥2040", self.html)  # the lower-bound year's label

    def test_findings(self):
        # council check's findings, in the section of their council, in its order
        with sqlite3.connect(self.db) as s:
            per = dict(s.execute("SELECT council_id, count(*) FROM findings GROUP BY council_id"))
            ids = [r[0] for r in s.execute("SELECT id FROM council")]
            first = s.execute("SELECT council_id, kind, detail FROM findings "
                              "ORDER BY council_id, year, kind, record LIMIT 1").fetchone()
        self.assertTrue(per, "the fixture reports give no findings")
        self.assertTrue(set(ids) - set(per), "every council has findings: none to check absent")
        for cid in ids:
            start = self.html.index('<section class="council" id="council-%d"' % cid)
            section = self.html[start:self.html.index("</section>", start)]
            if cid in per:
                self.assertIn('<h3 class="findings">Findings (%d)</h3>' % per[cid], section)
                found = section[section.index('class="findings"'):]
                self.assertEqual(found.count("<tr><td>"), per[cid])
            else:
                self.assertNotIn("Findings", section)
        start = self.html.index('<section class="council" id="council-%d"' % first[0])
        section = self.html[start:self.html.index("</section>", start)]
        row = section[section.index('class="findings"'):].split("<tr><td>")[1]
        self.assertIn("<td>%s</td>" % first[1], row)
        self.assertIn(html.escape(first[2], quote=False).replace("\"", "&quot;"), row)

    def test_in_a_browser(self):
        exe = browser()
        if not exe:
            self.skipTest("no headless browser (apt-get install chromium)")
        flags = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                 "--window-size=1000,1400", "--user-data-dir=" + os.path.join(self.tmp, "profile")]
        url = "file://" + self.page
        dom = subprocess.run(flags + ["--dump-dom", url], capture_output=True, text=True,
                             timeout=120).stdout
        bars = re.findall(r'<path class="bar[^"]*" d="([^"]*)"', dom)
        self.assertGreater(len(bars), 10)
        for d in bars:
            m = re.fullmatch(r"M\d+ \d+ v(-[\d.]+) h(\d+) v([\d.]+) Z", d)
            self.assertTrue(m, d)
            self.assertGreater(float(m.group(3)), 0)  # a bar of some height
        shot = os.path.join(os.getcwd(), "report-screenshot.png")
        if os.path.exists(shot):
            os.remove(shot)
        subprocess.run(flags + ["--screenshot=" + shot, url], capture_output=True, timeout=120)
        width, height, px = png_pixels(shot)
        self.assertEqual((width, height), (1000, 1400))
        colours = {}
        for row in px:
            for p in row:
                colours[p] = colours.get(p, 0) + 1
        # the first council's two charts: bars of at least 30 x 30 pixels
        self.assertGreater(colours.get(BAR, 0), 1800, "no chart bars drawn")
        self.assertGreater(colours.get(LOWER, 0), 900, "no lower-bound bar drawn")


if __name__ == "__main__":
    clitest.main()
