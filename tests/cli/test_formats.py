#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The output formats of `council`: the same rows as table, CSV, JSON and
NDJSON, each parsed back here; RFC 4180 quoting; JSON escaping, numbers and
nulls; partial dates; and table columns aligned by display width, so that a
Lithuanian letter (two bytes) takes one column."""
import csv
import io
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clitest  # noqa: E402
from clitest import CouncilTest  # noqa: E402

KAUNAS = "Kauno miesto savivaldybės bendruomeninių organizacijų taryba"
TRICKY = 'Seminaras, "Sumanūs kaimai"\nantra eilutė\r\ttabas \x01 ž'


class Formats(CouncilTest):
    def setUp(self):
        super().setUp()
        self.cid = self.add("council", "add", "--name", KAUNAS, "--size", "22")
        self.add("council", "add", "--name", "Šiaulių rajono savivaldybės NVO taryba",
                 "--kind", "NVO")
        self.add("council", "add", "--name", "Ūkio taryba")
        self.ev = self.add("event", "add", "--council", "kauno", "--title", TRICKY,
                           "--date", "2024-02", "--participants", "16")
        self.add("event", "add", "--council", "kauno", "--title", "Metinis", "--date", "2023")
        self.add("event", "add", "--council", "kauno", "--title", "Dviejų dienų",
                 "--date", "2024-05-16..2024-05-17", "--location", "Kuldyga")

    def formats(self, *args):
        out = {}
        for fmt in ("table", "csv", "json", "ndjson"):
            out[fmt] = self.council("--format", fmt, *args)
        return out

    def test_json_values(self):
        rows = self.query_json("event", "list")
        by_title = {r["title"]: r for r in rows}
        self.assertIn(TRICKY, by_title, "control characters did not survive JSON")
        e = by_title[TRICKY]
        self.assertIsInstance(e["id"], int)
        self.assertIsInstance(e["council_id"], int)
        self.assertIsNone(e["location"])
        self.assertIsNone(e["remote"])
        self.assertEqual((e["date_start"], e["date_end"]), ("2024-02", "2024-02"))
        self.assertEqual(by_title["Metinis"]["date_start"], "2023")
        self.assertEqual(by_title["Dviejų dienų"]["date_end"], "2024-05-17")
        self.assertEqual(by_title["Metinis"]["measures"], [])
        raw = self.council("--format", "json", "event", "list").out
        self.assertIn("\\u0001", raw)
        self.assertIn("\\n", raw)
        self.assertIn("ž", raw, "UTF-8 letters should be written as themselves")
        raw.encode("utf-8")

    def test_json_empty_is_an_array(self):
        self.assertEqual(self.query_json("member", "list"), [])
        self.assertEqual(self.council("--format", "ndjson", "member", "list").out, "")

    def test_all_formats_agree(self):
        for args in (("event", "list"), ("council", "list"), ("query", "participants"),
                     ("query", "meetings"), ("council", "show", "kauno")):
            with self.subTest(args=args):
                out = self.formats(*args)
                js = out["json"].json()
                nd = out["ndjson"].ndjson()
                self.assertEqual(js, nd)
                cs = out["csv"].csv()
                self.assertEqual(len(cs), len(js))
                for jrow, crow in zip(js, cs):
                    self.assertEqual(list(jrow.keys()), list(crow.keys()))
                    for k, v in jrow.items():
                        self.assertEqual(crow[k], flat(v), "%s: %r vs %r" % (k, crow[k], v))

    def test_csv_rfc4180(self):
        out = self.council("--format", "csv", "event", "list").out
        # LF line ends; the CR inside the field is kept quoted
        self.assertTrue(out.startswith("id,council_id,council,"))
        rows = list(csv.reader(io.StringIO(out, newline="")))
        titles = [r[4] for r in rows[1:]]
        self.assertIn(TRICKY, titles)
        self.assertIn('"Seminaras, ""Sumanūs kaimai""', out)
        # null is an empty field, not ""
        header = rows[0]
        first = rows[1]
        self.assertEqual(first[header.index("location")], "")

    def test_default_format_when_piped_is_csv(self):
        r = self.council("council", "list")
        self.assertTrue(r.out.startswith("id,name,municipality,kind,"), r.out)

    def test_table_aligned_by_display_width(self):
        out = self.council("--format", "table", "council", "list").out
        check_table(self, out, ["id", "name", "municipality", "kind", "founding_act", "size",
                                "seats_municipality", "seats_community", "source_id"])
        out = self.council("--format", "table", "event", "list").out
        lines = out.splitlines()
        self.assertEqual(len(lines), 2 + 3, "a newline inside a cell broke a table row")
        check_table(self, out, None)

    def test_table_vertical_for_show(self):
        out = self.council("--format", "table", "council", "show", "kauno").out
        lines = out.splitlines()
        self.assertEqual(lines[0].split(), ["id", str(self.cid)])
        starts = {len(line) - len(line.split(None, 1)[1]) for line in lines
                  if len(line.split(None, 1)) == 2}
        self.assertEqual(len(starts), 1, "values do not start in one column:\n" + out)
        self.assertIn("name                " + KAUNAS, out)

    def test_numbers_right_aligned(self):
        for i in range(12):
            self.add("member", "add", "--council", "kauno", "--name", "Narys %d" % i)
        out = self.council("--format", "table", "member", "list").out
        lines = out.splitlines()
        width = len(lines[1].split("  ")[0])
        ids = [line[:width] for line in lines[2:]]
        self.assertEqual(width, 2)
        self.assertEqual(sorted(ids), sorted(str(i).rjust(width) for i in range(1, 13)))


def flat(v):
    """What a JSON value looks like in CSV."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, list):
        return "; ".join(flat(x) if not isinstance(x, dict) else
                         ": ".join(flat(y) for y in x.values() if y is not None) for x in v)
    return str(v)


def check_table(test, out, header):
    """Every row's cells start where the header's rule says their column
    does, counting characters (display columns for Lithuanian text)."""
    lines = out.splitlines()
    if header is not None:
        test.assertEqual(lines[0].split(), header)
    rule = lines[1]
    test.assertTrue(set(rule) <= {"-", " "}, rule)
    spans, i = [], 0
    while i < len(rule):
        if rule[i] == "-":
            j = i
            while j < len(rule) and rule[j] == "-":
                j += 1
            spans.append((i, j))
            i = j
        else:
            i += 1
    saw_wide = False
    for line in lines[2:]:
        if len(line.encode("utf-8")) != len(line):
            saw_wide = True
        test.assertLessEqual(len(line), spans[-1][1], "row longer than the table: %r" % line)
        for k, (a, b) in enumerate(spans):
            if a > 0:
                test.assertEqual(line[a - 2:a], "  "[:len(line[a - 2:a])],
                                 "column %d does not start at %d in %r" % (k, a, line))
            cell = line[a:b]
            if cell and k + 1 < len(spans):
                # a cell never spills into the gap before the next column
                test.assertEqual(line[b:b + 2], "  "[:len(line[b:b + 2])], repr(line))
    test.assertTrue(saw_wide, "the test needs rows with multi-byte letters")


if __name__ == "__main__":
    clitest.main()
