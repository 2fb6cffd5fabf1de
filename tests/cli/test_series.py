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

    def test_meetings_per_year_one_answer(self):
        rows = clitest.view_rows(self.db, "SELECT council, year, meetings, meetings_stated, conflict "
                                 "FROM meetings_per_year WHERE council LIKE 'Utenos%' ORDER BY year")
        self.assertEqual([(r["year"], r["meetings"], r["conflict"]) for r in rows],
                         [(2022, 4, 0), (2023, 6, 1), (2024, 7, 0)])
        q = self.query_json("query", "meetings", "--council", "utenos")
        self.assertEqual([r["meetings"] for r in q], [4, 6, 7])

    def test_check_reports_and_exits_0(self):
        r = self.council("--format", "json", "check")
        rows = r.json()
        self.assertIn("findings", r.err)
        kinds = {x["kind"] for x in rows}
        self.assertIn("figures_disagree", kinds)
        # chairs change in every series, one after the other: no two at once
        self.assertFalse({"several_chairs", "several_deputies", "several_secretaries"} & kinds, rows)
        utena = [x for x in rows if x["kind"] == "figures_disagree" and x["council"].startswith("Utenos")]
        self.assertEqual(len(utena), 1)
        self.assertEqual(utena[0]["year"], 2023)
        self.assertIn("utena-2023-ataskaita.txt", utena[0]["documents"])
        self.assertIn("utena-2024-ataskaita.txt", utena[0]["documents"])
        self.assertTrue(utena[0]["record"].startswith("reported_figure "))
        # the same rows as the public view
        view = clitest.view_rows(self.db, "SELECT * FROM findings")
        self.assertEqual(len(view), len(rows))
        # --strict: findings make exit status 1
        r = self.council("check", "--strict", expect=clitest.EXIT_PARTIAL)
        self.assertIn("figures_disagree", r.out)
        # a name variant is what the library could not settle: "K. Urbonas"
        # with two full names to fit
        self.add("member", "add", "--council", "utenos", "--name", "Karolis Urbonas")
        names = [x["detail"] for x in self.query_json("check", "--council", "utenos")
                 if x["kind"] == "name_variant"]
        self.assertIn('"K. Urbonas" and "Karolis Urbonas" may be one person (initial)', names)

    def test_check_list_and_filters(self):
        kinds = [r["kind"] for r in self.query_json("check", "--list")]
        self.assertIn("parity", kinds)
        self.assertIn("outside_report_year", kinds)
        rows = self.query_json("check", "--council", "utenos", "--year", "2024")
        self.assertTrue(all(r["year"] in (None, 2024) for r in rows))
        self.assertTrue(all(r["council"].startswith("Utenos") for r in rows))

    def test_coverage_rows_and_grid(self):
        rows = self.query_json("coverage")
        self.assertEqual(len({r["municipality"] for r in rows}), 60)
        utena = [(r["year"], r["documents"], r["meetings"]) for r in rows
                 if (r["council"] or "").startswith("Utenos")]
        self.assertEqual(utena, [(2022, 1, 4), (2023, 2, 6), (2024, 1, 7)])
        self.assertEqual([r for r in rows if r["municipality"] == "Akmenės rajono savivaldybė"],
                         [{"municipality": "Akmenės rajono savivaldybė", "council": None,
                           "kind": None, "year": None, "documents": 0, "meetings": 0,
                           "events": 0, "members": 0, "council_id": None}])
        self.assertEqual(clitest.view_rows(self.db, "SELECT count(DISTINCT municipality) AS n FROM coverage"),
                         [{"n": 60}])
        r = self.council("--format", "table", "--wide", "coverage", "--from", "2020", "--to", "2025")
        lines = r.out.splitlines()
        self.assertEqual(lines[0].split(), ["municipality", "council", "2020", "2021", "2022",
                                            "2023", "2024", "2025"])
        self.assertEqual(len(lines), 2 + 60)
        utena = [l for l in lines if l.startswith("Utenos")][0]
        self.assertEqual(utena.split()[3:], ["BO", "#", "#", "#"])
        kedainiai = [l for l in lines if l.startswith("Kėdainių")][0]
        self.assertEqual(kedainiai.split()[3:], ["BO", "#", "#", "#"])
        self.assertEqual([l for l in lines if l.startswith("Akmenės")][0].split(),
                         ["Akmenės", "rajono", "savivaldybė"])


class TestCheckClean(CouncilTest):
    def test_strict_without_findings(self):
        c = self.add("council", "add", "--name", "Birštono BO taryba", "--size", "2")
        self.add("member", "add", "--council", c, "--name", "Ona Onaitė", "--role", "chair")
        self.add("member", "add", "--council", c, "--name", "Jonas Jonaitis")
        r = self.council("check", "--strict")
        self.assertEqual(r.out.strip().splitlines()[1:], [])
        self.council("member", "add", "--council", c, "--name", "Petras Petraitis", "--role", "chair")
        r = self.council("--format", "csv", "check", "--strict", expect=clitest.EXIT_PARTIAL)
        self.assertIn("several_chairs", r.out)
        self.assertIn("members_vs_size", r.out)


if __name__ == "__main__":
    clitest.main()
