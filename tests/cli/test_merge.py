#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""`council merge OUT IN...`: three registries built from three fixture
sets are merged into one -- every council, document, member, event and
figure of each is there, under the merged file's own ids -- and merged
again, which changes nothing; an input holding a record with another
value is listed and refused whole; a person's correction travels with its
record; a missing input fails alone."""
import os
import shutil
import sqlite3
import subprocess
import tempfile
import unittest
from glob import glob

import clitest

SETS = ("reports", "dev2", "dev3")


def dump(path):
    """Every table of records and public view, ids left out (they are the
    merged file's own), as sorted rows of text."""
    out = {}
    with sqlite3.connect(path) as s:
        out["councils"] = sorted(s.execute("SELECT name, municipality, kind, size FROM council"))
        out["documents"] = sorted(s.execute(
            "SELECT d.sha256, d.kind, d.report_year, c.name FROM source_document d "
            "LEFT JOIN council c ON c.id = d.council_id"), key=repr)
        out["members"] = sorted(s.execute(
            "SELECT council, name, role, represents, side, date_from, date_to, delegated_by "
            "FROM members_overview"), key=repr)
        out["memberships"] = sorted(s.execute(
            "SELECT council, person, role, date_from, date_to, documents FROM memberships_overview"),
            key=repr)
        out["changes"] = sorted(s.execute(
            "SELECT m.name, c.change, c.date, d.sha256 FROM member_change c "
            "JOIN member m ON m.id = c.member_id JOIN source_document d ON d.id = c.source_id"),
            key=repr)
        out["attendance"] = sorted(s.execute("SELECT * FROM meeting_attendance"), key=repr)
        out["quorum"] = sorted(s.execute(
            "SELECT g.date_start, q.present, q.members FROM meeting_quorum q "
            "JOIN meeting g ON g.id = q.meeting_id"), key=repr)
        out["coverage"] = sorted(s.execute(
            "SELECT municipality, council, kind, year, documents, meetings, events, members "
            "FROM coverage WHERE council IS NOT NULL"), key=repr)  # the 60 in each
        out["findings"] = sorted(s.execute("SELECT council, year, kind FROM findings"), key=repr)
        out["meetings"] = sorted(s.execute(
            "SELECT council, date_start, date_end, format, summary FROM meetings_overview"))
        out["events"] = sorted(s.execute(
            "SELECT council, title, date_start, participants, qualifier, kind FROM events_overview"))
        out["per_year"] = sorted(s.execute(
            "SELECT council, year, meetings, remote, meetings_listed, meetings_stated, "
            "municipality FROM meetings_per_year"), key=repr)
        out["participants"] = sorted(s.execute(
            "SELECT council, year, events, participants, qualifier FROM participants_per_year"),
            key=repr)
        out["measures"] = sorted(s.execute(
            "SELECT council, plan, seq, name, responsible FROM measures_overview"), key=repr)
        out["figures"] = sorted(s.execute(
            "SELECT c.name, f.year, f.metric, f.value, f.qualifier, d.sha256 FROM reported_figure f "
            "JOIN council c ON c.id = f.council_id LEFT JOIN source_document d ON d.id = f.source_id"),
            key=repr)
        out["acts"] = sorted(s.execute(
            "SELECT c.name, a.number, a.date, a.effect FROM legal_act a "
            "LEFT JOIN council c ON c.id = a.council_id"), key=repr)
        out["sources"] = sorted(s.execute(
            "SELECT r.table_name, d.sha256, count(*) FROM record_sources r "
            "JOIN source_document d ON d.id = r.source_id GROUP BY 1, 2"))
        out["reviewed"] = sorted(s.execute("SELECT table_name, field, value FROM reviewed"), key=repr)
    return out


class Merge(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="council-merge-")
        self.inputs = []
        for name in SETS:
            db = os.path.join(self.dir, name + ".db")
            files = sorted(glob(os.path.join(clitest.FIXTURES, name, "*.txt")))
            self.assertGreater(len(files), 5)
            p = self.council("--db", db, "import", *files)
            self.assertEqual(p.returncode, 0, p.stderr)
            self.inputs.append(db)
        self.out = os.path.join(self.dir, "national.db")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def council(self, *args):
        return subprocess.run([clitest.COUNCIL, "--format", "csv", *args],
                              capture_output=True, text=True)

    def merge(self, *inputs, expect=0):
        p = self.council("merge", self.out, *inputs)
        self.assertEqual(p.returncode, expect, p.stderr)
        return p

    def test_three_registries_twice(self):
        p = self.merge(*self.inputs)
        rows = [line.split(",") for line in p.stdout.splitlines()[1:]]
        self.assertEqual([r[0] for r in rows], self.inputs)
        self.assertTrue(all(int(r[1]) > 100 and r[3] == "0" for r in rows), rows)
        merged = dump(self.out)
        parts = [dump(db) for db in self.inputs]
        # every input's records are there, and nothing else (the sets name
        # different councils, so the union is the sum)
        for k in merged:
            if k in ("sources",):
                continue
            union = sorted(sum((d[k] for d in parts), []), key=repr)
            self.assertEqual(sorted(merged[k], key=repr), union, k)
        self.assertEqual(len(merged["councils"]), sum(len(d["councils"]) for d in parts))
        # the documents keep their councils, the memberships their terms
        self.assertTrue(any(d[3] for d in merged["documents"]), merged["documents"])
        self.assertTrue(any(m[3] for m in merged["memberships"]), merged["memberships"])
        # the merge is in the history, under its own origin
        with sqlite3.connect(self.out) as s:
            self.assertEqual(s.execute("SELECT count(DISTINCT document) FROM changes "
                                       "WHERE origin = 'merge'").fetchone()[0], 3)
            history = s.execute("SELECT count(*) FROM history").fetchone()[0]
        # again: nothing changes, not even the history
        before = dump(self.out)
        p = self.merge(*self.inputs)
        rows = [line.split(",") for line in p.stdout.splitlines()[1:]]
        self.assertEqual([r[1] for r in rows], ["0", "0", "0"])
        self.assertEqual(dump(self.out), before)
        with sqlite3.connect(self.out) as s:
            self.assertEqual(s.execute("SELECT count(*) FROM history").fetchone()[0], history)

    def test_conflict_refuses_the_whole_input(self):
        self.merge(self.inputs[0])
        before = dump(self.out)
        changed = os.path.join(self.dir, "changed.db")
        shutil.copy(self.inputs[0], changed)
        with sqlite3.connect(changed) as s:
            who = s.execute("SELECT name FROM member WHERE role = 'member' ORDER BY id LIMIT 1"
                            ).fetchone()[0]
            s.execute("UPDATE member SET role = 'deputy' WHERE name = ?", (who,))
            s.execute("INSERT INTO council(name) VALUES ('Naujoji savivaldybės BO taryba')")
        p = self.merge(changed, self.inputs[1], expect=clitest.EXIT_INVALID)
        self.assertIn("conflict: member", p.stderr)
        self.assertIn(who, p.stderr)
        self.assertIn('role: here "member", in the input "deputy"', p.stderr)
        self.assertIn("nothing of it was merged", p.stderr)
        after = dump(self.out)
        # the conflicting input left nothing, not even its new council; the
        # next input went in
        self.assertNotIn("Naujoji savivaldybės BO taryba", [c[0] for c in after["councils"]])
        self.assertEqual(len(after["councils"]),
                         len(before["councils"]) + len(dump(self.inputs[1])["councils"]))

    def test_corrections_and_other_documents_travel(self):
        fixed = os.path.join(self.dir, "fixed.db")
        shutil.copy(self.inputs[0], fixed)
        with sqlite3.connect(fixed) as s:
            s.execute("UPDATE council SET size = 17 WHERE id = (SELECT min(id) FROM council)")
        self.merge(fixed)
        with sqlite3.connect(self.out) as s:
            self.assertEqual(s.execute("SELECT r.value, c.size FROM reviewed r JOIN council c "
                                       "ON c.id = r.record_id WHERE r.table_name = 'council' "
                                       "AND r.field = 'size'").fetchall(), [(17, 17)])
        # the same council stated by a document of another registry: its
        # document joins the council's sources, no conflict
        other = os.path.join(self.dir, "other.db")
        with sqlite3.connect(fixed) as s:
            name, size = s.execute("SELECT name, size FROM council WHERE size = 17").fetchone()
        p = self.council("--db", other, "council", "add", "--name", name)
        self.assertEqual(p.returncode, 0, p.stderr)
        with sqlite3.connect(other) as s:
            s.execute("UPDATE council SET size = 17")
            s.execute("INSERT INTO source_document(path, sha256) VALUES ('/elsewhere/x.txt', ?)",
                      ("ab" * 32,))
            s.execute("UPDATE council SET source_id = (SELECT id FROM source_document)")
        self.merge(other)
        with sqlite3.connect(self.out) as s:
            self.assertEqual(s.execute(
                "SELECT count(*) FROM record_sources r JOIN council c ON c.id = r.record_id "
                "WHERE r.table_name = 'council' AND c.name = ? AND r.path = '/elsewhere/x.txt'",
                (name,)).fetchone()[0], 1)

    def test_missing_input_fails_alone(self):
        p = self.merge(os.path.join(self.dir, "nowhere.db"), self.inputs[2],
                       expect=clitest.EXIT_NOTFOUND)
        self.assertIn("nowhere.db: no such database", p.stderr)
        self.assertEqual(len(dump(self.out)["councils"]), len(dump(self.inputs[2])["councils"]))
        p = self.council("merge", self.out)
        self.assertEqual(p.returncode, clitest.EXIT_USAGE)


if __name__ == "__main__":
    clitest.main()
