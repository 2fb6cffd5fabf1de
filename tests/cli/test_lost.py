#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Issue 10, "nothing a person entered or corrected is ever lost", as a new
user meets it: each numbered problem of the issue tried with the council
tool on a fixture report, the way the issue tells it, and what the issue
expects instead.  The library's own tests (test_load.c, test_history.c,
test_scaling.c, test_db.c) hold the details; these hold the promise."""
import json
import os
import shutil
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clitest  # noqa: E402
from clitest import EXIT_INVALID, EXIT_OK, EXIT_PARTIAL, CouncilTest, run  # noqa: E402

REPORT = os.path.join(clitest.FIXTURES, "reports", "birzu-r-2020-annual.txt")
COUNCIL = "Biržų rajono savivaldybės bendruomeninių organizacijų taryba"
DISCUSSION = "nuotolinė diskusija „Bendruomenės pandemijos metu: ką išmokome?“"


class Lost(CouncilTest):
    def setUp(self):
        super().setUp()
        self.txt = os.path.join(self.tmp, "r.txt")
        shutil.copy(REPORT, self.txt)

    def events(self):
        """The council's events by title, as the public view shows them."""
        return {e["title"]: e for e in self.query_json("sql", "SELECT * FROM events_overview")}

    def dry_run(self, path, name="r.json"):
        """The reviewable JSON of path, written next to it; (path, parsed)."""
        r = self.council("import", "--dry-run", path)
        out = os.path.join(self.tmp, name)
        with open(out, "w", encoding="utf-8") as f:
            f.write(r.out)
        return out, json.loads(r.out)

    def write_json(self, path, doc):
        with open(path, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False)

    def append(self, path, line):
        with open(path, "a", encoding="utf-8") as f:
            f.write("\n" + line + "\n")

    def status(self, *args, expect=EXIT_OK):
        r = self.council("--format", "json", "import", *args, expect=expect)
        return r.json()[0], r.err

    # 1. A reviewed correction is not reverted, and ids stay.
    def test_1_review_correction_survives_reimport(self):
        self.council("import", self.txt)
        before = self.events()
        path, doc = self.dry_run(self.txt)
        event = next(e for e in doc["events"] if e["title"] == DISCUSSION)
        self.assertEqual(event["id"], before[DISCUSSION]["event_id"])
        event["participants"][0]["count"] = 36
        self.write_json(path, doc)
        row, _ = self.status(path)
        self.assertEqual(row["status"], "reviewed")
        self.append(self.txt, "Ataskaitą parengė Tarybos sekretorius.")
        row, err = self.status(self.txt)
        self.assertEqual(row["status"], "replaced")
        after = self.events()
        self.assertEqual(after[DISCUSSION]["participants"], 36)
        self.assertIn("kept reviewed value", err)
        self.assertEqual({t: e["event_id"] for t, e in after.items()},
                         {t: e["event_id"] for t, e in before.items()})
        # one document, reviewed once: not a document of its own
        self.assertEqual(len(self.query_json("source", "list")), 1)

    # 1, continued: a corrected date keeps the event's id (the JSON carries
    # ids), and the document's next import does not bring the old date back.
    def test_1_review_date_correction_keeps_id(self):
        self.council("import", self.txt)
        ids = {t: e["event_id"] for t, e in self.events().items()}
        path, doc = self.dry_run(self.txt)
        event = next(e for e in doc["events"] if e["title"] == DISCUSSION)
        event["date"] = "2020-12-04"
        self.write_json(path, doc)
        self.status(path)
        self.append(self.txt, "Ataskaitą parengė Tarybos sekretorius.")
        self.status(self.txt)
        after = self.events()
        self.assertEqual(len(after), len(ids))
        self.assertEqual(after[DISCUSSION]["event_id"], ids[DISCUSSION])
        self.assertEqual(after[DISCUSSION]["date_start"], "2020-12-04")

    # 1, continued: a date corrected with the tool is not brought back
    # beside the correction by the document's next import.
    def test_1_cli_date_correction_keeps_record(self):
        self.council("import", self.txt)
        ids = {t: e["event_id"] for t, e in self.events().items()}
        self.council("event", "edit", ids[DISCUSSION], "--date", "2020-12-04")
        self.append(self.txt, "Ataskaitą parengė Tarybos sekretorius.")
        self.status(self.txt)
        after = self.events()
        self.assertEqual({t: e["event_id"] for t, e in after.items()}, ids)
        self.assertEqual(after[DISCUSSION]["date_start"], "2020-12-04")

    # 1, continued: what a reviewer deletes from the JSON stays deleted.
    def test_1_review_deletion_kept_out(self):
        self.council("import", self.txt)
        path, doc = self.dry_run(self.txt)
        doc["events"] = [e for e in doc["events"] if e["title"] != DISCUSSION]
        self.write_json(path, doc)
        self.status(path)
        self.assertNotIn(DISCUSSION, self.events())
        self.append(self.txt, "Ataskaitą parengė Tarybos sekretorius.")
        row, err = self.status(self.txt)
        self.assertNotIn(DISCUSSION, self.events())
        self.assertIn("kept out, removed by the review", err)
        self.assertEqual(row["kept_reviewed"], 1)
        # --overwrite-reviewed brings it back, and says so
        self.append(self.txt, "Tarybos pirmininkas.")
        row, err = self.status("--overwrite-reviewed", self.txt)
        self.assertIn(DISCUSSION, self.events())
        self.assertIn("stored again (--overwrite-reviewed)", err)

    # 1, continued: so does what a person removes with the tool.
    def test_1_cli_removal_kept_out(self):
        self.council("import", self.txt)
        gone = self.events()[DISCUSSION]["event_id"]
        self.council("event", "remove", gone)
        self.append(self.txt, "Ataskaitą parengė Tarybos sekretorius.")
        row, err = self.status(self.txt)
        self.assertNotIn(DISCUSSION, self.events())
        self.assertIn("kept out, removed by hand", err)
        # restoring it from the history ends keeping it out
        self.council("restore", "event:%d" % gone)
        self.append(self.txt, "Tarybos pirmininkas.")
        row, err = self.status(self.txt)
        self.assertEqual(self.events()[DISCUSSION]["event_id"], gone)
        self.assertNotIn("kept out", err)

    # 2. Removing a document keeps what another document states.
    def test_2_source_removal_keeps_another_documents_records(self):
        v2 = os.path.join(self.tmp, "v2.txt")
        shutil.copy(self.txt, v2)
        self.append(v2, "Ataskaitą parengė Tarybos sekretorius.")
        self.council("import", self.txt)
        row, _ = self.status(v2)
        self.assertEqual(row["status"], "stored")
        self.assertGreater(row["events"], 0)
        self.assertGreater(row["members"], 0)
        v1 = next(s["id"] for s in self.query_json("source", "list") if s["path"].endswith("/r.txt"))
        self.council("source", "remove", v1)
        self.assertEqual(len(self.events()), row["events"])
        self.assertEqual(len(self.query_json("member", "list")), row["members"])
        row, _ = self.status(v2)
        self.assertEqual(row["status"], "unchanged")

    # 3. Paths are one document however typed; the same bytes elsewhere
    # are another name of it.
    def test_3_paths_canonical(self):
        cwd = os.getcwd()
        os.chdir(self.tmp)
        try:
            self.status("r.txt")
            self.append(self.txt, "Ataskaitą parengė Tarybos sekretorius.")
            row, _ = self.status("./r.txt")
            self.assertEqual(row["status"], "replaced")
            row, _ = self.status(self.txt)
            self.assertEqual(row["status"], "unchanged")
            copy = os.path.join(self.tmp, "copy.txt")
            shutil.copy(self.txt, copy)
            row, err = self.status(copy)
            self.assertEqual(row["status"], "unchanged")
            self.assertIn("recorded as another name", err)
        finally:
            os.chdir(cwd)
        self.assertEqual(len(self.query_json("source", "list")), 1)
        figures = self.query_json("figure", "list")
        self.assertEqual(len(figures), len({(f["year"], f["metric"]) for f in figures}))

    # 4. The reviewed JSON refuses what it does not understand, naming it,
    # and the database is unchanged.
    def test_4_strict_reviewed_json(self):
        self.council("import", self.txt)
        path, doc = self.dry_run(self.txt)
        before = self.query_json("event", "list")
        cases = [("plan", 42, "plan: expected an object, got a number"),
                 ("source", "x", "source: expected an object, got a string")]
        for key, value, msg in cases:
            bad = dict(doc)
            bad[key] = value
            self.write_json(path, bad)
            r = self.council("import", path, expect=EXIT_PARTIAL)
            self.assertIn(msg, r.err)
        bad = json.loads(json.dumps(doc))
        bad["events"][0]["measures"] = [99999]
        self.write_json(path, bad)
        r = self.council("import", path, expect=EXIT_PARTIAL)
        self.assertIn("events[0].measures[0]: no measure with seq 99999", r.err)
        bad = json.loads(json.dumps(doc))
        bad["events"][0]["id"] = 99999
        self.write_json(path, bad)
        r = self.council("import", path, expect=EXIT_PARTIAL)
        self.assertIn("events[0].id: no event 99999 of council", r.err)
        self.assertEqual(self.query_json("event", "list"), before)

    # 5. The round trip of an ordinary report: the JSON stays in
    # proportion, and loads back.
    def test_5_round_trip(self):
        path, _ = self.dry_run(self.txt)
        self.assertLess(os.path.getsize(path), 8 * os.path.getsize(self.txt) + 4096)
        row, _ = self.status(path)
        self.assertEqual(row["status"], "stored")

    # 6. A reviewed JSON of 20,000 events of one year loads (its time is
    # measured in bench/lock_hold.py and test_scaling.c, not here).
    def test_6_large_reviewed_json_loads(self):
        events = [{"title": "Renginys %d" % i, "date": "2021-%02d-%02d" % (1 + i % 12, 1 + i % 28)}
                  for i in range(20000)]
        path = os.path.join(self.tmp, "big.json")
        self.write_json(path, {"format": "libcouncil-extraction/1",
                               "council": {"name": COUNCIL}, "events": events})
        row, _ = self.status(path)
        self.assertEqual(row["events"], 20000)
        self.assertEqual(len(self.query_json("sql", "SELECT id FROM event")), 20000)

    # 7. The same text in two Unicode forms is one thing.
    def test_7_nfc_and_nfd_are_one_council(self):
        self.add("council", "add", "--name", unicodedata.normalize("NFC", COUNCIL))
        r = self.council("council", "add", "--name", unicodedata.normalize("NFD", COUNCIL),
                         expect=EXIT_INVALID)
        self.assertIn("exists", r.err)
        self.assertEqual(len(self.query_json("council", "list")), 1)
        self.add("member", "add", "--council", unicodedata.normalize("NFD", "Biržų"),
                 "--name", "Ona Onaitė")

    # 8. Duplicates and contradictions in the input are said.
    def test_8_duplicates_warned(self):
        path = os.path.join(self.tmp, "d.json")
        self.write_json(path, {"format": "libcouncil-extraction/1", "council": {"name": COUNCIL},
                               "members": [{"name": "Ona Onaitė", "role": "chair"},
                                           {"name": "Ona Onaitė", "role": "chair"}],
                               "figures": [{"year": 2021, "metric": "meetings", "value": 3},
                                           {"year": 2021, "metric": "meetings", "value": 4}]})
        row, err = self.status(path)
        self.assertIn("named twice", err)
        self.assertIn("stated twice, 3 and 4", err)
        self.assertEqual(row["warnings"], 2)
        self.assertEqual(len(self.query_json("member", "list")), 1)


if __name__ == "__main__":
    clitest.main()
