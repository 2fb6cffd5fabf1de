#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""`council history` and `council restore`, and the public view `changes`
through `council sql`, run as processes on a temporary database: changes by
import, by the tool and by a direct sqlite3 edit, each with its origin and
values; a removed event restored with its id, fields and participant groups;
the refusals, with the database unchanged."""
import os
import sqlite3
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clitest  # noqa: E402
from clitest import (EXIT_INVALID, EXIT_NOTFOUND, EXIT_USAGE,  # noqa: E402
                     CouncilTest)

REPORT = os.path.join(clitest.FIXTURES, "reports", "birzu-r-2020-annual.txt")


class History(CouncilTest):
    def setUp(self):
        super().setUp()
        self.council("init")
        self.c = self.add("council", "add", "--name", "Biržų taryba")
        self.e = self.add("event", "add", "--council", self.c, "--title", "Seminaras",
                          "--date", "2024-05-16..2024-05-17", "--kind", "seminar",
                          "--participants", "16::BO tarybos nariai",
                          "--participants", "3")

    def history(self, *args):
        return self.query_json("history", *args)

    def test_cli_edit_recorded_with_old_and_new_values(self):
        self.council("event", "edit", self.e, "--title", "Mokymai", "--remote", "yes")
        rows = self.history("event:%d" % self.e)
        self.assertEqual([(r["origin"], r["operation"], r["field"]) for r in rows],
                         [("cli", "insert", None), ("cli", "update", "title"),
                          ("cli", "update", "remote")])
        self.assertIn('"title":"Seminaras"', rows[0]["new_value"])
        self.assertEqual((rows[1]["old_value"], rows[1]["new_value"]), ('"Seminaras"', '"Mokymai"'))
        # an integer stays an integer: null -> 1, not "1"
        self.assertEqual((rows[2]["old_value"], rows[2]["new_value"]), ("null", "1"))

    def test_import_recorded_with_document_and_sha256(self):
        self.council("import", REPORT)
        src = self.query_json("source", "list")[0]
        rows = self.history("--source", src["id"])
        self.assertTrue(rows)
        self.assertEqual({(r["origin"], r["document"], r["sha256"]) for r in rows},
                         {("import", REPORT, src["sha256"])})
        events = self.query_json("event", "list", "--source", src["id"])
        self.assertEqual(len([r for r in rows if r["table"] == "event"]), len(events))
        # the event this test added by hand is no change of the import
        self.assertNotIn(self.e, [r["record_id"] for r in rows if r["table"] == "event"])

    def test_direct_sql_edit_recorded_as_sql(self):
        con = sqlite3.connect(self.db)
        con.execute("UPDATE event SET location = 'Biržai' WHERE id = ?", (self.e,))
        con.commit()
        con.close()
        rows = self.history("event:%d" % self.e, "--limit", "1")
        self.assertEqual([(r["origin"], r["field"], r["old_value"], r["new_value"]) for r in rows],
                         [("sql", "location", "null", '"Biržai"')])

    def test_changes_view_through_sql(self):
        self.council("event", "remove", self.e)
        rows = self.query_json(
            "sql", "SELECT table_name, record_id, origin, operation, field FROM changes "
                   "WHERE table_name IN ('event', 'event_participants') ORDER BY change_id")
        self.assertEqual([(r["table_name"], r["origin"], r["operation"]) for r in rows],
                         [("event", "cli", "insert"), ("event_participants", "cli", "insert"),
                          ("event_participants", "cli", "insert"),
                          ("event_participants", "cli", "cascade"),
                          ("event_participants", "cli", "cascade"),
                          ("event", "cli", "delete")])
        self.assertEqual({r["record_id"] for r in rows if r["table_name"] == "event"}, {self.e})

    def test_restore_removed_event_with_its_groups(self):
        before = self.query_json("event", "show", self.e)
        groups = self.query_json("event", "participants", self.e)
        self.assertEqual(len(groups), 2)
        self.council("event", "remove", self.e)
        self.council("event", "show", self.e, expect=EXIT_NOTFOUND)
        out = self.query_json("restore", "event:%d" % self.e)
        self.assertEqual(out, [{"record": "event:%d" % self.e, "rows_restored": 3}])
        self.assertEqual(self.query_json("event", "show", self.e), before)
        self.assertEqual(self.query_json("event", "participants", self.e), groups)
        # restored by hand through the tool, and recorded so
        last = self.history("event:%d" % self.e, "--limit", "1")[0]
        self.assertEqual((last["origin"], last["operation"]), ("cli", "insert"))

    def test_restore_refused_when_the_id_is_taken(self):
        self.council("event", "remove", self.e)
        again = self.add("event", "add", "--council", self.c, "--title", "Kitas", "--date", "2025")
        self.assertEqual(again, self.e)
        n = len(self.history())
        r = self.council("restore", "event:%d" % self.e, expect=EXIT_INVALID)
        self.assertIn("event %d exists" % self.e, r.err)
        self.assertEqual(len(self.history()), n)
        self.assertEqual(self.query_json("event", "show", self.e)[0]["title"], "Kitas")

    def test_restore_refused_when_the_council_is_gone(self):
        self.council("event", "remove", self.e)
        self.council("council", "remove", self.c)
        r = self.council("restore", "event:%d" % self.e, expect=EXIT_NOTFOUND)
        self.assertIn("its council %d" % self.c, r.err)
        self.assertEqual(self.query_json("event", "list"), [])
        self.council("restore", "council:%d" % self.c)
        self.council("restore", "event:%d" % self.e)
        self.assertEqual(len(self.query_json("event", "participants", self.e)), 2)

    def test_bad_records(self):
        r = self.council("history", "evnt:1", expect=EXIT_USAGE)
        self.assertIn("evnt:1", r.err)
        self.council("restore", "event", expect=EXIT_USAGE)
        self.council("restore", "event:x", expect=EXIT_USAGE)
        self.council("restore", "event:0", expect=EXIT_USAGE)
        r = self.council("restore", "member:99", expect=EXIT_NOTFOUND)
        self.assertIn("member 99: no removal of it is recorded", r.err)
        r = self.council("restore", "event:%d" % self.e, expect=EXIT_INVALID)
        self.assertIn("event %d exists" % self.e, r.err)
        self.council("history", "--source", "42", expect=EXIT_NOTFOUND)


if __name__ == "__main__":
    clitest.main()
