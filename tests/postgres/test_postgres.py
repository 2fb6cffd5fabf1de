#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""council export --format postgres, loaded into a real PostgreSQL server:
a registry built from the fixture reports (plus a hand edit whose text
needs COPY's escapes) is exported, a server is started in a temporary
directory on a Unix socket (initdb, pg_ctl; stopped at the end), the
script is loaded with psql, and every public view of the SQLite file must
return the same rows in PostgreSQL (findings, a table of its rows there,
included), every table the same rows;
the constraints, foreign keys and identity columns must hold there.
Skipped (exit 77) with a message when the server's programs are absent;
CI installs postgresql-15.  Arguments: the council tool."""
import glob
import os
import pwd
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import unittest

COUNCIL = None
ROOT = os.environ.get("COUNCIL_SOURCE_ROOT",
                      os.path.join(os.path.dirname(__file__), "..", ".."))
NULL = "\x01NULL"


def pg_bindir():
    """Where initdb and pg_ctl are: PATH, else Debian's versioned directory."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return os.path.dirname(os.path.realpath(found))
    for d in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if os.path.exists(os.path.join(d, "initdb")) and os.path.exists(os.path.join(d, "pg_ctl")):
            return d
    return None


def as_text(v):
    if v is None:
        return NULL
    if isinstance(v, float):
        return repr(v)
    return str(v)


class Postgres(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="council-pg-")
        cls.db = os.path.join(cls.dir, "registry.db")
        reports = sorted(glob.glob(os.path.join(ROOT, "tests", "fixtures", "reports", "*.txt")))
        assert len(reports) >= 10, reports
        cls.council("import", *reports)
        # Text COPY must escape (tab, newline, backslash, quote), a change
        # made outside the library (origin 'sql' in the history), a group
        # "more than" summed with exact ones (participants_per_year).
        with sqlite3.connect(cls.db) as s:
            s.execute("UPDATE event SET title = ? WHERE id = (SELECT min(id) FROM event)",
                      ("Seminaras\t\"kaimams\"\nantra eilutė \\ o'ne",))
            eid = s.execute("SELECT max(id) FROM event").fetchone()[0]
            s.execute("INSERT INTO event_participants(event_id, count, qualifier) "
                      "VALUES (?, 2000, 'more_than')", (eid,))
            # rows for the views the fixture reports leave empty
            s.execute("INSERT INTO attendance(meeting_id, name, present, reason) "
                      "SELECT min(id), 'Ona Onaitė', 0, 'dėl ligos' FROM meeting")
            s.execute("INSERT INTO person_ambiguity(member_id, candidate, reason) "
                      "SELECT min(m.id), max(p.id), 'initial' FROM member m, person p")
        cls.sql = os.path.join(cls.dir, "registry.sql")
        cls.council("export", "--format", "postgres", "--out", cls.sql)

        # The server: initdb refuses root, so as the postgres user then.
        bindir = pg_bindir()
        cls.data = os.path.join(cls.dir, "data")
        cls.sock = cls.dir
        cls.prefix = []
        if os.geteuid() == 0:
            user = "postgres"
            try:
                pw = pwd.getpwnam(user)
            except KeyError:
                user, pw = "nobody", pwd.getpwnam("nobody")
            os.chown(cls.dir, pw.pw_uid, pw.pw_gid)
            cls.prefix = ["runuser", "-u", user, "--"]
        os.chmod(cls.dir, 0o755)
        cls.pg_ctl = os.path.join(bindir, "pg_ctl")
        subprocess.run(cls.prefix + [os.path.join(bindir, "initdb"), "-D", cls.data,
                                     "-U", "postgres", "--auth=trust", "-E", "UTF8",
                                     "--no-locale"],
                       check=True, stdout=subprocess.DEVNULL)
        subprocess.run(cls.prefix + [cls.pg_ctl, "-D", cls.data, "-w", "-l",
                                     os.path.join(cls.dir, "server.log"), "-o",
                                     "-k %s -c listen_addresses= -c fsync=off" % cls.sock, "start"],
                       check=True, stdout=subprocess.DEVNULL)
        cls.started = True
        cls.psql_ok("-c", "CREATE DATABASE registry", db="postgres")
        cls.load = cls.psql("-v", "ON_ERROR_STOP=1", "-f", cls.sql)

    @classmethod
    def tearDownClass(cls):
        if getattr(cls, "started", False):
            subprocess.run(cls.prefix + [cls.pg_ctl, "-D", cls.data, "-m", "fast", "-w", "stop"],
                           stdout=subprocess.DEVNULL)
        shutil.rmtree(cls.dir, ignore_errors=True)

    @classmethod
    def council(cls, *args):
        p = subprocess.run([COUNCIL, "--db", cls.db, *args], capture_output=True, text=True)
        assert p.returncode == 0, (args, p.stderr)
        return p.stdout

    @classmethod
    def psql(cls, *args, db="registry"):
        return subprocess.run(["psql", "-X", "-q", "-h", cls.sock, "-U", "postgres", "-d", db,
                               *args], capture_output=True, text=True)

    @classmethod
    def psql_ok(cls, *args, db="registry"):
        p = cls.psql(*args, db=db)
        assert p.returncode == 0, (args, p.stderr)
        return p.stdout

    def pg_rows(self, query):
        out = self.psql_ok("-A", "-t", "-F", "\x1f", "-R", "\x1e", "-P", "null=" + NULL,
                           "-c", query)
        out = out[:-1] if out.endswith("\n") else out
        return sorted(tuple(r.split("\x1f")) for r in out.split("\x1e") if r != "")

    def sqlite_rows(self, query):
        with sqlite3.connect(self.db) as s:
            return sorted(tuple(as_text(v) for v in r) for r in s.execute(query))

    def test_loads_in_one_go(self):
        self.assertEqual(self.load.returncode, 0, self.load.stderr)
        self.assertEqual(self.load.stderr.strip(), "")

    def test_every_view_same_columns_and_rows(self):
        with sqlite3.connect(self.db) as s:
            views = [r[0] for r in s.execute(
                "SELECT name FROM sqlite_schema WHERE type = 'view' ORDER BY name")]
            cols = {v: [r[1] for r in s.execute("PRAGMA table_info(%s)" % v)] for v in views}
        self.assertIn("participants_per_year", views)
        self.assertIn("changes", views)
        for v in views:
            with self.subTest(view=v):
                pg_cols = [r[0] for r in self.pg_rows(
                    "SELECT column_name || '\x02' || ordinal_position FROM "
                    "information_schema.columns WHERE table_name = '%s'" % v)]
                pg_cols = [c.split("\x02")[0] for c in
                           sorted(pg_cols, key=lambda c: int(c.split("\x02")[1]))]
                self.assertEqual(pg_cols, cols[v])
                lite = self.sqlite_rows("SELECT * FROM %s" % v)
                self.assertEqual(self.pg_rows("SELECT * FROM %s" % v), lite)
        # the views are not empty, so the comparison compared something
        for v in ("meetings_per_year", "events_overview", "members_overview",
                  "participants_per_year", "record_sources", "changes", "member_evidence",
                  "member_term", "memberships_overview", "people_overview", "coverage",
                  "findings", "measures_overview", "meetings_overview", "meeting_attendance",
                  "person_ambiguities"):
            self.assertGreater(len(self.sqlite_rows("SELECT * FROM %s" % v)), 0, v)
        self.assertIn(("at_least",), self.sqlite_rows(
            "SELECT DISTINCT qualifier FROM participants_per_year"))

    def test_views_are_views(self):
        # every public view is a PostgreSQL view, but findings (lib/export_pg.c
        # says why): a table of its rows, marked in the script
        with open(self.sql, encoding="utf-8") as f:
            snapshots = [l.split()[4].rstrip(":") for l in f
                         if l.startswith("-- Snapshot of view ")]
        self.assertEqual(snapshots, ["findings"])
        with sqlite3.connect(self.db) as s:
            views = sorted(r[0] for r in s.execute(
                "SELECT name FROM sqlite_schema WHERE type = 'view'"))
        pg_views = [r[0] for r in self.pg_rows(
            "SELECT table_name FROM information_schema.views WHERE table_schema = 'public'")]
        self.assertEqual(pg_views, [v for v in views if v != "findings"])
        # a view follows the tables: a member added in PostgreSQL shows there
        out = self.psql_ok("-A", "-t", "-c",
                           "BEGIN; INSERT INTO member(council_id, name) SELECT min(id), "
                           "'Naujas Narys' FROM council; SELECT count(*) FROM members_overview "
                           "WHERE name = 'Naujas Narys'; ROLLBACK;")
        self.assertEqual(out.split(), ["1"])

    def test_every_table_same_rows(self):
        with sqlite3.connect(self.db) as s:
            tables = [r[0] for r in s.execute(
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT IN "
                "('change_context', 'change_range', 'write_origin') "
                "AND name NOT LIKE 'sqlite%'")]
        for t in tables:
            with self.subTest(table=t):
                cols = [c for c in (r[1] for r in sqlite3.connect(self.db).execute(
                    "PRAGMA table_info(%s)" % t)) if c != "name_key"]
                q = "SELECT %s FROM %s" % (", ".join('"%s"' % c for c in cols), t)
                self.assertEqual(self.pg_rows(q), self.sqlite_rows(q))
        self.assertEqual(self.pg_rows("SELECT encode(name_key, 'hex') FROM council"),
                         self.sqlite_rows("SELECT lower(hex(name_key)) FROM council"))
        self.assertEqual(self.pg_rows("SELECT title FROM event WHERE title LIKE 'Seminaras%'"),
                         [("Seminaras\t\"kaimams\"\nantra eilutė \\ o'ne",)])

    def test_constraints_hold(self):
        # new rows are numbered after the loaded ones (first: a
        # failed insert below takes a number too)
        top = int(self.pg_rows("SELECT max(id) FROM council")[0][0])
        new = self.psql_ok("-A", "-t", "-c",
                           "BEGIN; INSERT INTO council(name) VALUES ('Naujoji taryba') "
                           "RETURNING id; ROLLBACK;")
        self.assertEqual(int(new.split()[0]), top + 1)
        # an enumeration, a range, a foreign key, a unique name
        for bad in ("INSERT INTO council(name, kind) VALUES ('X', 'club')",
                    "INSERT INTO council(name, size) VALUES ('X', 5000)",
                    "INSERT INTO member(council_id, name) VALUES (999999, 'Ona')",
                    "INSERT INTO council(name) SELECT name FROM council LIMIT 1"):
            with self.subTest(sql=bad):
                p = self.psql("-v", "ON_ERROR_STOP=1", "-c", bad)
                self.assertNotEqual(p.returncode, 0, bad)
                self.assertIn("violates", p.stderr)

    def test_descriptions_as_comments(self):
        self.assertEqual(self.pg_rows(
            "SELECT col_description('participants_per_year'::regclass, 6)"),
            self.sqlite_rows("SELECT description FROM schema_doc WHERE object = "
                             "'participants_per_year' AND column_name = 'qualifier'"))


if __name__ == "__main__":
    COUNCIL = sys.argv.pop(1)
    if not pg_bindir() or not shutil.which("psql"):
        print("SKIP: the PostgreSQL server programs (initdb, pg_ctl, psql; Debian: "
              "postgresql-15) are not installed")
        sys.exit(77)
    unittest.main()
