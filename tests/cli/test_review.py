#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The review round trip of `council import` (issue 10, problems 4 and 5):
`import --dry-run --format json r.txt > r.json; import r.json` stores what
`import r.txt` stores, for every fixture report outside the blind set, as
the public views show it; the JSON stays a few times the report's size; and
a reviewed JSON is held to its own size limit, not a report's."""
import glob
import json
import os
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clitest  # noqa: E402
from clitest import EXIT_OK, CouncilTest, run  # noqa: E402

# The blind set stays unseen by anything but its own evaluation.
REPORTS = sorted(p for p in glob.glob(os.path.join(clitest.FIXTURES, "*", "*.txt"))
                 if os.path.basename(os.path.dirname(p)) != "blind3")


def views(db):
    """Every public view's rows, sorted, as JSON text per row."""
    # Not `changes`, the history: it records how the rows came (times, the
    # report or the reviewed JSON), which is what differs by design.
    names = [r["name"] for r in run("--format", "json", "sql",
                                    "SELECT name FROM sqlite_master WHERE type = 'view' "
                                    "AND name <> 'changes' ORDER BY name", db=db).json()]
    out = {}
    for name in names:
        r = run("--format", "json", "sql", "SELECT * FROM %s" % name, db=db)
        assert r.rc == EXIT_OK, r
        out[name] = sorted(json.dumps(row, sort_keys=True, ensure_ascii=False)
                           for row in r.json())
    return out


class ReviewRoundTrip(CouncilTest):
    def dry_run(self, report):
        r = run("import", "--dry-run", "--format", "json", report)
        return r.out if r.rc == EXIT_OK else None

    def test_every_fixture_round_trips(self):
        self.assertGreater(len(REPORTS), 100, "fixture reports not found")
        jsons = []
        for i, report in enumerate(REPORTS):
            text = self.dry_run(report)
            self.assertIsNotNone(text, "dry run refused %s" % report)
            size = os.path.getsize(report)
            # Bounded quotes: a few times the report, plus the fixed frame.
            self.assertLessEqual(len(text.encode()), 8 * size + 4096,
                                 "%s: %d bytes of JSON for %d" % (report, len(text.encode()), size))
            path = os.path.join(self.tmp, "%03d.json" % i)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            jsons.append(path)
        direct = os.path.join(self.tmp, "direct.db")
        reviewed = os.path.join(self.tmp, "reviewed.db")
        self.council("import", *REPORTS, db=direct)
        r = self.council("import", *jsons, db=reviewed)
        self.assertNotIn("failed,", r.err.replace("0 failed", ""))
        a, b = views(direct), views(reviewed)
        self.assertEqual(sorted(a), sorted(b))
        self.assertTrue(any(a.values()), "the views are empty")
        for name in a:
            self.assertEqual(a[name], b[name], "view %s differs after the round trip" % name)

    def test_nfd_report_reads_as_nfc(self):
        """A report saved in NFD (issue 10, problem 7) gives the records of
        its NFC form, in NFC, with offsets into its own bytes."""
        def records(d):
            if isinstance(d, dict):
                return {k: records(v) for k, v in d.items() if k not in ("span", "path")}
            if isinstance(d, list):
                return [records(v) for v in d]
            return d
        for report in sorted(glob.glob(os.path.join(clitest.FIXTURES, "reports", "*.txt"))):
            with open(report, encoding="utf-8") as f:
                text = f.read()
            nfd = os.path.join(self.tmp, os.path.basename(report))
            with open(nfd, "w", encoding="utf-8") as f:
                f.write(unicodedata.normalize("NFD", text))
            want, got = json.loads(self.dry_run(report)), json.loads(self.dry_run(nfd))
            self.assertEqual(records(got), records(want), report)
            span = got["council"]["span"]
            with open(nfd, "rb") as f:
                quoted = f.read()[span["start"]:span["end"]].decode("utf-8")
            # (the quote is cleaned: no docx bookmarks, one space for many)
            self.assertIn(span["text"][:30], " ".join(unicodedata.normalize("NFC", quoted).split()),
                          report)

    def test_extraction_past_the_report_limit_loads(self):
        """A reviewed JSON over 4 MiB (the report limit) is read: it has its
        own limit, 64 MiB (the extraction of a long report was refused as
        'larger than a report may be')."""
        report = os.path.join(clitest.FIXTURES, "reports", "klaipedos-r-2024-plan.txt")
        text = self.dry_run(report)
        big = os.path.join(self.tmp, "big.json")
        with open(big, "w", encoding="utf-8") as f:
            f.write(text)
            f.write(" " * (5 << 20))  # white space after the object is JSON
        self.council("import", big)
        rows = self.query_json("sql", "SELECT count(*) AS n FROM source_document")
        self.assertEqual(rows, [{"n": 1}])


if __name__ == "__main__":
    clitest.main()
