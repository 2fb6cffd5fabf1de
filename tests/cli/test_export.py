#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""`council export --format csv`: one CSV per public view read back with
Python's csv module (RFC 4180 quoting, UTF-8, CRLF, a header row) and
compared with the view itself; datapackage.json checked against the
Frictionless Data Package structure (every resource's file, fields named as
the header, types the values conform to, a description for every view and
column from schema.sql's comments); filters; refusals."""
import csv
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clitest  # noqa: E402
from clitest import CouncilTest, EXIT_USAGE, EXIT_NOTFOUND, EXIT_DB  # noqa: E402

KAUNAS = "Kauno miesto savivaldybės bendruomeninių organizacijų taryba"
TRICKY = 'Seminaras, "Sumanūs kaimai"\r\nantra eilutė ž'
# Every public view the database has, as the export finds them; these five
# at least.
VIEWS = None
FIRST_VIEWS = {"events_overview", "measures_overview", "meetings_overview",
               "meetings_per_year", "members_overview"}
FRICTIONLESS_TYPES = {"string", "number", "integer", "boolean", "object", "array",
                      "date", "time", "datetime", "year", "yearmonth", "duration",
                      "geopoint", "geojson", "any"}


def build_registry(test):
    """The two public example reports plus hand-made rows with text that
    needs quoting, on test.db."""
    reports = os.path.join(clitest.SOURCE_ROOT, "examples", "reports")
    test.council("import", *sorted(os.path.join(reports, f) for f in os.listdir(reports)))
    test.add("event", "add", "--council", "kauno", "--title", TRICKY, "--date", "2024-02",
             "--participants", "16", "--location", " Kaunas ")
    test.add("meeting", "add", "--council", "kauno", "--date", "2019-03-05", "--mode", "remote")
    test.add("member", "add", "--council", "klaipedos", "--name", "Ona Žukauskienė",
             "--role", "chair", "--represents", "asociacija „Baltijos žmogus“")


def read_csv(path):
    with open(path, "rb") as f:
        raw = f.read()
    return raw, list(csv.reader(raw.decode("utf-8").splitlines(keepends=True)))


class CsvExport(CouncilTest):
    def setUp(self):
        global VIEWS
        super().setUp()
        build_registry(self)
        self.out = os.path.join(self.tmp, "csv")
        VIEWS = sorted(r["name"] for r in clitest.view_rows(
            self.db, "SELECT name FROM sqlite_schema WHERE type = 'view'"))
        self.assertTrue(FIRST_VIEWS <= set(VIEWS))

    def export(self, *args, expect=clitest.EXIT_OK):
        return self.council("export", "--format", "csv", "--out", self.out, *args, expect=expect)

    def view(self, name, where=""):
        return clitest.view_rows(self.db, "SELECT * FROM %s %s" % (name, where))

    def test_one_csv_per_view_with_the_views_rows(self):
        self.export()
        self.assertEqual(sorted(os.listdir(self.out)),
                         sorted(["datapackage.json"] + [v + ".csv" for v in VIEWS]))
        for v in VIEWS:
            raw, rows = read_csv(os.path.join(self.out, v + ".csv"))
            want = self.view(v)
            self.assertFalse(raw.startswith(b"\xef\xbb\xbf"), "no BOM")
            self.assertEqual(rows[0], list(want[0].keys()) if want else rows[0])
            got = [dict(zip(rows[0], r)) for r in rows[1:]]
            flat = [{k: "" if x is None else str(x) for k, x in w.items()} for w in want]
            key = lambda r: json.dumps(r, sort_keys=True)  # noqa: E731
            self.assertEqual(sorted(got, key=key), sorted(flat, key=key), v)
            if v in FIRST_VIEWS:
                self.assertTrue(len(got) > 0, v)

    def test_rfc4180_quoting_and_line_ends(self):
        self.export()
        raw, rows = read_csv(os.path.join(self.out, "events_overview.csv"))
        # Every record ends in CRLF; the CRLF inside the title is quoted.
        self.assertTrue(raw.endswith(b"\r\n"))
        self.assertIn('"Seminaras, ""Sumanūs kaimai""\r\nantra eilutė ž"'.encode(), raw)
        titles = [dict(zip(rows[0], r))["title"] for r in rows[1:]]
        self.assertIn(TRICKY, titles)
        # A leading or trailing space is kept by quoting it.
        self.assertIn(b'," Kaunas ",', raw)

    def test_rows_in_lithuanian_order_then_date(self):
        self.export()
        _, rows = read_csv(os.path.join(self.out, "meetings_overview.csv"))
        keys = [(r[0], r[1]) for r in rows[1:]]
        self.assertEqual(keys[0][0], KAUNAS)
        self.assertEqual(keys, sorted(keys, key=lambda k: (k[0] != KAUNAS, k[1])))

    def test_datapackage(self):
        self.export()
        with open(os.path.join(self.out, "datapackage.json"), encoding="utf-8") as f:
            pkg = json.load(f)
        self.assertEqual(pkg["profile"], "tabular-data-package")
        self.assertRegex(pkg["name"], r"^[a-z0-9._-]+$")
        self.assertEqual(sorted(r["name"] for r in pkg["resources"]), VIEWS)
        for res in pkg["resources"]:
            self.assertRegex(res["name"], r"^[a-z0-9._/-]+$")
            self.assertEqual(res["profile"], "tabular-data-resource")
            self.assertEqual(res["encoding"], "utf-8")
            self.assertEqual(res["dialect"]["lineTerminator"], "\r\n")
            self.assertTrue(res["description"], res["name"])
            _, rows = read_csv(os.path.join(self.out, res["path"]))
            fields = res["schema"]["fields"]
            self.assertEqual([fd["name"] for fd in fields], rows[0])
            for i, fd in enumerate(fields):
                self.assertIn(fd["type"], FRICTIONLESS_TYPES)
                self.assertTrue(fd.get("description"), "%s.%s" % (res["name"], fd["name"]))
                for r in rows[1:]:
                    if r[i] in res["schema"]["missingValues"]:
                        continue
                    if fd["type"] == "integer":
                        int(r[i])
                    elif fd["type"] == "number":
                        float(r[i])
        types = {(r["name"], fd["name"]): fd["type"]
                 for r in pkg["resources"] for fd in r["schema"]["fields"]}
        self.assertEqual(types[("meetings_per_year", "year")], "integer")
        self.assertEqual(types[("events_overview", "participants")], "integer")
        self.assertEqual(types[("events_overview", "title")], "string")
        self.assertEqual(types[("members_overview", "member_id")], "integer")
        meetings = [r for r in pkg["resources"] if r["name"] == "meetings_per_year"][0]
        self.assertIn("larger of the stated and the listed", meetings["description"])

    def test_filters(self):
        self.export("--council", "klaipedos", "--from", "2024", "--to", "2024")
        _, rows = read_csv(os.path.join(self.out, "events_overview.csv"))
        self.assertTrue(rows[1:])
        for r in rows[1:]:
            self.assertTrue(r[0].startswith("Klaipėdos"), r)
            self.assertTrue(r[2].startswith("2024"), r)
        _, rows = read_csv(os.path.join(self.out, "members_overview.csv"))
        self.assertEqual([r[1] for r in rows[1:]], ["Ona Žukauskienė"])
        _, rows = read_csv(os.path.join(self.out, "meetings_per_year.csv"))
        self.assertEqual({(r[0][:9], r[1]) for r in rows[1:]}, {("Klaipėdos", "2024")})

    def test_export_again_replaces_files(self):
        self.export()
        self.add("event", "add", "--council", "kauno", "--title", "Vėlesnis", "--date", "2025")
        self.export()
        _, rows = read_csv(os.path.join(self.out, "events_overview.csv"))
        self.assertIn("Vėlesnis", [r[1] for r in rows])
        # No temporary file (NAME.XXXXXX) is left beside them.
        self.assertEqual(sorted(os.listdir(self.out)),
                         sorted(["datapackage.json"] + [v + ".csv" for v in VIEWS]))

    def test_refusals(self):
        r = self.council("export", "--format", "csv", expect=EXIT_USAGE)
        self.assertIn("--out", r.err)
        r = self.council("export", "--format", "xml", "--out", self.out, expect=EXIT_USAGE)
        self.assertIn("xml", r.err)
        self.council("export", "--out", self.out, expect=EXIT_USAGE)
        self.export("--council", "vilniaus", expect=EXIT_NOTFOUND)
        blocker = os.path.join(self.tmp, "file")
        open(blocker, "w").close()
        r = self.council("export", "--format", "csv", "--out", os.path.join(blocker, "x"),
                         expect=EXIT_DB)
        self.assertIn(blocker, r.err)
        self.assertFalse(os.path.exists(self.out))

    def test_full_disk_is_an_error(self):
        import subprocess
        if not os.path.exists("/dev/full"):
            self.skipTest("no /dev/full")
        with open("/dev/full", "w") as full:
            p = subprocess.run([clitest.COUNCIL, "--db", self.db, "export", "--format", "ical"],
                               stdout=full, stderr=subprocess.PIPE, env=clitest.environment())
        self.assertEqual(p.returncode, EXIT_DB)
        self.assertIn(b"standard output", p.stderr)

    def test_read_only_database_is_not_written(self):
        before = os.stat(self.db).st_mtime_ns
        os.chmod(self.db, 0o444)
        try:
            self.export()
        finally:
            os.chmod(self.db, 0o644)
        self.assertEqual(os.stat(self.db).st_mtime_ns, before)


if __name__ == "__main__":
    clitest.main()
