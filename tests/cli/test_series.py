#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""One body of knowledge across documents (issue 14), through the tool:
`import --council/--year` for a document that names neither, `source list
--council --year`, one answer per council-year in meetings_per_year and
events_overview over the series of tests/fixtures/series/ (three councils,
three years each)."""
import glob
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clitest  # noqa: E402
from clitest import EXIT_OK, EXIT_PARTIAL, EXIT_NOTFOUND, EXIT_USAGE, CouncilTest  # noqa: E402

SERIES = os.path.join(clitest.FIXTURES, "series")
NO_COUNCIL = ("Veiklos ataskaita\n\n"
              "Tarybos posėdžiai vyko kovo 5 d. ir birželio 12 d.\n")


def series(*names):
    return [os.path.join(SERIES, n) for n in names]


class TestImportTarget(CouncilTest):
    def setUp(self):
        super().setUp()
        self.doc = os.path.join(self.tmp, "be-tarybos.txt")
        with open(self.doc, "w", encoding="utf-8") as f:
            f.write(NO_COUNCIL)
        self.akmene = self.add("council", "add", "--name",
                               "Akmenės rajono savivaldybės bendruomeninių organizacijų taryba")

    def test_council_and_year_given(self):
        r = self.council("import", self.doc, expect=EXIT_PARTIAL)
        self.assertIn("no council named", r.err)
        r = self.council("--format", "json", "import", "--council", "akmenes", "--year", "2024",
                         self.doc)
        row = r.ndjson()[0] if r.out.lstrip().startswith("{") else r.json()[0]
        self.assertEqual(row["status"], "stored")
        self.assertEqual(row["year"], 2024)
        self.assertTrue(row["council"].startswith("Akmenės"))
        rows = self.query_json("source", "list", "--council", str(self.akmene), "--year", "2024")
        self.assertEqual([os.path.basename(s["path"]) for s in rows], ["be-tarybos.txt"])
        self.assertEqual(self.query_json("source", "list", "--council", "akmenes", "--year", "2023"), [])
        dates = sorted(m["date_start"] for m in self.query_json("meeting", "list"))
        self.assertEqual(dates, ["2024-03-05", "2024-06-12"])

    def test_another_council_refused(self):
        doc = series("kedainiu-r-bo/kedainiai-2021-ataskaita.txt")[0]
        r = self.council("import", "--council", "akmenes", doc, expect=EXIT_PARTIAL)
        self.assertIn('names the council "Kėdainių rajono savivaldybės bendruomeninių '
                      'organizacijų taryba", not "Akmenės', r.err)
        self.assertEqual(self.query_json("source", "list"), [])
        r = self.council("import", "--year", "2020", doc, expect=EXIT_PARTIAL)
        self.assertIn("reports on 2021, not 2020 (--year)", r.err)
        self.assertEqual(self.query_json("source", "list"), [])

    def test_bad_options(self):
        self.council("import", "--year", "1700", self.doc, expect=EXIT_USAGE)
        self.council("import", "--council", "nėra-tokios", self.doc, expect=EXIT_NOTFOUND)
        self.assertEqual(self.query_json("source", "list"), [])

    def test_dry_run_with_target(self):
        r = self.council("import", "--dry-run", "--council", "akmenes", "--year", "2023", self.doc)
        j = r.json()
        self.assertTrue(j["council"]["name"].startswith("Akmenės"))
        self.assertEqual(j["source"]["report_year"], 2023)
        self.assertEqual(self.query_json("source", "list"), [])


class TestSeries(CouncilTest):
    """All three series imported into one database."""

    def setUp(self):
        super().setUp()
        files = sorted(glob.glob(os.path.join(SERIES, "*", "*.txt")))
        self.assertGreaterEqual(len(files), 13)
        self.council("--quiet", "import", *files)

    def test_sources_by_council_and_year(self):
        rows = self.query_json("source", "list", "--council", "utenos", "--year", "2023")
        self.assertEqual(sorted(os.path.basename(s["path"]) for s in rows),
                         ["utena-2023-06-14-protokolas.txt", "utena-2023-ataskaita.txt"])
        self.assertEqual(len(self.query_json("source", "list", "--council", "kedainiu")), 5)


if __name__ == "__main__":
    clitest.main()
