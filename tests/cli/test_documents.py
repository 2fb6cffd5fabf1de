#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Documents through the tool: a .docx made here (Python's zipfile), the
committed PDF and an HTML page imported into a database and read back
through the public views; --dry-run --show-text; refusals exit non-zero,
name what the file is, and leave the database as it was."""
import json
import os
import shutil
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clitest  # noqa: E402
from clitest import CouncilTest, EXIT_OK, EXIT_PARTIAL  # noqa: E402

UNIT = os.path.join(clitest.FIXTURES, "formats", "unit")
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def para(text):
    return '<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % text


def cell(text):
    return "<w:tc>%s</w:tc>" % para(text)


def write_docx(path, body):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml",
                   '<?xml version="1.0"?><w:document %s><w:body>%s</w:body></w:document>'
                   % (W, body))


REPORT = (
    para("Kauno miesto savivaldybės bendruomeninių organizacijų tarybos 2021 m. veiklos ataskaita")
    + para("Kauno miesto savivaldybės bendruomeninių organizacijų taryba 2021 m. surengė "
           "3 posėdžius, iš kurių 2 vyko nuotoliniu būdu.")
    + "<w:tbl>"
    + "<w:tr>" + cell("Data") + cell("Renginys") + cell("Vieta") + cell("Dalyvių sk.") + "</w:tr>"
    + "<w:tr>" + cell("2021-05-12") + cell("Seminaras bendruomenių lyderiams") + cell("Kaunas")
    + cell("31") + "</w:tr>"
    + "</w:tbl>")


class Documents(CouncilTest):
    def counts(self):
        return {t: clitest.view_rows(self.db, "SELECT count(*) AS n FROM %s" % t)[0]["n"]
                for t in ("source_document", "council", "reported_figure", "event")}

    def test_docx_named_txt_is_read_as_docx(self):
        path = os.path.join(self.tmp, "ataskaita.txt")  # the name misleads
        write_docx(path, REPORT)
        self.council("import", path)
        rows = clitest.view_rows(self.db, "SELECT * FROM meetings_per_year")
        self.assertEqual(len(rows), 1)
        self.assertEqual((rows[0]["year"], rows[0]["meetings"], rows[0]["remote"]), (2021, 3, 2))
        events = self.query_json("query", "participants")
        self.assertEqual([(e["participants"]) for e in events], [31])

    def test_pdf(self):
        if not shutil.which("pdftotext"):
            self.skipTest("pdftotext (poppler-utils) is not installed")
        self.council("import", os.path.join(UNIT, "report.pdf"))
        rows = clitest.view_rows(self.db, "SELECT year, meetings, remote FROM meetings_per_year")
        self.assertEqual([(r["year"], r["meetings"], r["remote"]) for r in rows], [(2023, 4, 1)])
        events = self.query_json("query", "participants")
        self.assertEqual(sorted(e["participants"] for e in events), [31, 58])

    def test_show_text(self):
        path = os.path.join(self.tmp, "r.docx")
        write_docx(path, REPORT)
        out = self.council("import", "--dry-run", "--show-text", path, db=None).out
        self.assertIn("# %s: docx" % path, out)
        self.assertIn("    5  \tData\n", out)
        if shutil.which("pdftotext"):
            out = self.council("import", "--dry-run", "--show-text",
                               os.path.join(UNIT, "report.pdf"), db=None).out
            self.assertIn("# --- page 1 ---\n", out)
        # the dry run's spans number the same lines
        js = self.council("import", "--dry-run", "--format", "json", path, db=None).out
        self.assertIn('"line"', js)

    def test_refusals_leave_the_database_unchanged(self):
        good = os.path.join(self.tmp, "good.docx")
        write_docx(good, REPORT)
        self.council("import", good)
        before = self.counts()
        xlsx = os.path.join(self.tmp, "table.docx")
        with zipfile.ZipFile(xlsx, "w") as z:
            z.writestr("xl/workbook.xml", "<workbook/>")
        png = os.path.join(self.tmp, "photo.txt")
        with open(png, "wb") as f:
            f.write(b"\x89PNG\r\n\x1a\n" + bytes(64))
        cases = [(xlsx, "a spreadsheet (.xlsx)"), (png, "an image (PNG)"),
                 (os.path.join(UNIT, "scanned.pdf"), "a scanned PDF without a text layer"),
                 (os.path.join(UNIT, "encrypted.pdf"), "an encrypted PDF")]
        for path, why in cases:
            if path.endswith(".pdf") and not shutil.which("pdftotext"):
                continue
            r = self.council("import", path, expect=EXIT_PARTIAL)
            self.assertIn("council: %s: %s" % (path, why), r.err)
        self.assertEqual(self.counts(), before)


# A made-up page about two councils of one municipality, an event under
# each one's heading (issue 13: an event goes to the council its text names).
TWO_COUNCILS = """Molėtų rajono savivaldybė

PATARIAMOSIOS TARYBOS

Bendruomeninių organizacijų taryba

2024 m. kovo 5 d. taryba surengė seminarą bendruomenių lyderiams, dalyvavo 30 asmenų.

Nevyriausybinių organizacijų taryba

2024 m. balandžio 12 d. taryba organizavo forumą „Bendruomenių ateitis“, dalyvavo 45 asmenys.
"""

# A county's page about several councils, none its subject: two events
# named by their councils, one naming none.
COUNTY = """Šiaulių apskrities bendruomeninių organizacijų tarybos dalijosi patirtimi

Susirinko atstovai iš Šiaulių miesto, Akmenės rajono ir Joniškio rajono savivaldybių. Joniškio rajono savivaldybės BO tarybos pirmininkė Asta Astaitė papasakojo apie mokymus. Akmenės rajono BO tarybos narė Rita Ritaitė pristatė šventę. Pakruojo rajono BO tarybos pirmininko pavaduotojas Vidas Vidaitis kalbėjo apie mokymus.

2024 m. kovo 5 d. Pakruojo rajono savivaldybės BO taryba surengė seminarą bendruomenių lyderiams, dalyvavo 30 asmenų.

2024 m. balandžio 12 d. Akmenės BO taryba organizavo forumą „Bendruomenių ateitis“, dalyvavo 45 asmenys.

2024 m. gegužės 20 d. vyko konferencija apie jaunimą.
"""


class SeveralCouncils(CouncilTest):
    def write(self, name, text):
        path = os.path.join(self.tmp, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def events(self):
        return {(r["date_start"], r["council"]) for r in clitest.view_rows(
            self.db, "SELECT date_start, council FROM events_overview")}

    def test_each_event_under_its_council(self):
        self.council("import", self.write("two.txt", TWO_COUNCILS))
        self.assertEqual(self.events(), {
            ("2024-03-05", "Molėtų rajono savivaldybės bendruomeninių organizacijų taryba"),
            ("2024-04-12", "Molėtų rajono savivaldybės nevyriausybinių organizacijų taryba")})
        kinds = {r["name"]: r["kind"] for r in clitest.view_rows(
            self.db, "SELECT name, kind FROM council")}
        self.assertEqual(kinds["Molėtų rajono savivaldybės nevyriausybinių organizacijų taryba"], "NVO")

    def test_unclear_event_left_out_with_a_note(self):
        path = self.write("county.txt", COUNTY)
        want = {("2024-03-05", "Pakruojo rajono savivaldybės bendruomeninių organizacijų taryba"),
                ("2024-04-12", "Akmenės rajono savivaldybės bendruomeninių organizacijų taryba")}
        r = self.council("import", path)
        self.assertEqual(self.events(), want)
        self.assertIn('events: 2024-05-20 "konferencija" (line 9) left out: the text is about '
                      'several councils and does not say whose it is', r.err)
        # the same again changes nothing
        self.assertIn(",unchanged,", self.council("import", path).out)
        self.assertEqual(self.events(), want)
        # the reviewable JSON says whose each event is, and loads the same
        j = self.council("import", "--dry-run", "--format", "json", path, db=None).json()
        self.assertEqual([e.get("council", {}).get("name") for e in j["events"]],
                         ["Pakruojo rajono savivaldybės bendruomeninių organizacijų taryba",
                          "Akmenės rajono savivaldybės bendruomeninių organizacijų taryba"])
        self.assertEqual(len(j["notes"]), 1)
        os.remove(self.db)
        self.council("import", self.write("county.json", json.dumps(j, ensure_ascii=False)))
        self.assertEqual(self.events(), want)

    def test_same_event_of_two_councils_is_two(self):
        """Two councils' events of one date and title in one document are
        two events, not one stated twice."""
        j = self.council("import", "--dry-run", "--format", "json",
                         self.write("county.txt", COUNTY), db=None).json()
        first, second = j["events"][0], j["events"][1]
        second["date"], second["title"] = first["date"], first["title"]
        self.council("import", self.write("same.json", json.dumps(j, ensure_ascii=False)))
        self.assertEqual(self.events(), {
            ("2024-03-05", "Pakruojo rajono savivaldybės bendruomeninių organizacijų taryba"),
            ("2024-03-05", "Akmenės rajono savivaldybės bendruomeninių organizacijų taryba")})


class FormerName(CouncilTest):
    """"Indrė Balčiūnienė (buvusi Valančiūtė)": the former name is the
    member's, not whom she represents, and joins her earlier name."""

    def test_former_surname_is_the_persons(self):
        title = "Kauno miesto savivaldybės bendruomeninių organizacijų tarybos %d m. veiklos ataskaita\n\n"
        old = os.path.join(self.tmp, "2021.txt")
        with open(old, "w", encoding="utf-8") as f:
            f.write(title % 2021 + "Tarybos pirmininko pavaduotoja – Indrė Valančiūtė.\n")
        new = os.path.join(self.tmp, "2023.txt")
        with open(new, "w", encoding="utf-8") as f:
            f.write(title % 2023 + "Tarybos pirmininkė – Indrė Balčiūnienė (buvusi Valančiūtė).\n")
        self.council("import", old)
        self.council("import", new)
        rows = clitest.view_rows(self.db, "SELECT name, represents, former_name FROM members_overview "
                                          "ORDER BY member_id")
        self.assertEqual([(r["name"], r["represents"], r["former_name"]) for r in rows],
                         [("Indrė Valančiūtė", None, None),
                          ("Indrė Balčiūnienė", None, "Indrė Valančiūtė")])
        people = clitest.view_rows(self.db, "SELECT person FROM people_overview")
        self.assertEqual([p["person"] for p in people], ["Indrė Balčiūnienė"])
        j = self.council("import", "--dry-run", "--format", "json", new, db=None).json()
        self.assertEqual(j["members"][0]["former_name"], "Indrė Valančiūtė")
        self.assertIsNone(j["members"][0]["represents"])


if __name__ == "__main__":
    clitest.main()
