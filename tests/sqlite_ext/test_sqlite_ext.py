#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""libcouncil_sqlite from the real sqlite3 shell: `.load` finds its entry
point by the file name alone; ORDER BY ... COLLATE lt gives Lithuanian order
(the same order `council council list` gives, which the library sorts
itself); lt_fold() and lt_match() ignore diacritics and case; NULLs pass
through.  Arguments: the sqlite3 program, the built module, the council
tool."""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

SQLITE3 = MODULE = COUNCIL = None

NAMES = ["Žagarė", "Zarasai", "Šiauliai", "Skuodas", "Tauragė", "Čekiškė",
         "Cirkliškis", "Daugai", "Ignalina", "Jurbarkas", "Ylakiai", "Įkaitas",
         "Klaipėdos rajono", "KLAIPĖDOS miesto", "ąžuolas", "ažuolas", "aukštas"]
# The dictionary rule lib/utf8.c implements: č, š, ž and y are letters of
# their own (y between i and j); ą ę ė į ų ū only break ties with their
# base letter; lower case before upper case.
EXPECTED = ["aukštas", "ažuolas", "ąžuolas", "Cirkliškis", "Čekiškė", "Daugai",
            "Ignalina", "Įkaitas", "Ylakiai", "Jurbarkas", "KLAIPĖDOS miesto",
            "Klaipėdos rajono", "Skuodas", "Šiauliai", "Tauragė", "Zarasai", "Žagarė"]


def sql_quote(s):
    return "'" + s.replace("'", "''") + "'"


class Extension(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="council-sqlite-ext-")
        self.db = os.path.join(self.dir, "t.db")
        self.shell("CREATE TABLE t(name TEXT);" + "".join(
            "INSERT INTO t VALUES (%s);" % sql_quote(n) for n in NAMES))

    def tearDown(self):
        shutil.rmtree(self.dir)

    def shell(self, *statements, load=True, db=None):
        """Runs the sqlite3 shell; returns its output lines."""
        args = [SQLITE3, "-bail", db or self.db]
        if load:
            # Without the .so suffix, as README shows: SQLite adds it.
            args.append(".load " + os.path.splitext(MODULE)[0])
        args += statements
        p = subprocess.run(args, capture_output=True, timeout=60)
        self.assertEqual(p.returncode, 0, p.stderr.decode("utf-8", "replace"))
        return p.stdout.decode("utf-8").splitlines()

    def test_collation_is_lithuanian_order(self):
        got = self.shell("SELECT name FROM t ORDER BY name COLLATE lt;")
        self.assertEqual(got, EXPECTED)

    def test_collation_in_an_index_and_a_comparison(self):
        got = self.shell("CREATE INDEX t_lt ON t(name COLLATE lt);",
                         "SELECT count(*) FROM t WHERE name COLLATE lt < 'D';",
                         "SELECT 'č' > 'd' COLLATE lt, 'y' < 'j' COLLATE lt, 'y' > 'i' COLLATE lt;")
        self.assertEqual(got, ["5", "0|1|1"])

    def test_same_order_as_the_library(self):
        cdb = os.path.join(self.dir, "c.db")
        for n in NAMES:
            p = subprocess.run([COUNCIL, "--db", cdb, "council", "add", "--name", n],
                               capture_output=True, timeout=60)
            self.assertEqual(p.returncode, 0, p.stderr)
        p = subprocess.run([COUNCIL, "--db", cdb, "--format", "csv", "council", "list"],
                           capture_output=True, timeout=60)
        self.assertEqual(p.returncode, 0, p.stderr)
        lines = p.stdout.decode("utf-8").splitlines()
        col = lines[0].split(",").index("name")
        library = [line.split(",")[col] for line in lines[1:]]
        self.assertEqual(library, EXPECTED)
        self.assertEqual(self.shell("SELECT name FROM council ORDER BY name COLLATE lt;", db=cdb),
                         library)

    def test_fold_finds_without_diacritics(self):
        got = self.shell("SELECT name FROM t WHERE lt_fold(name) LIKE '%klaipedos%' "
                         "ORDER BY name COLLATE lt;")
        self.assertEqual(got, ["KLAIPĖDOS miesto", "Klaipėdos rajono"])
        self.assertEqual(self.shell("SELECT lt_fold('ŠIAULIŲ Ąžuolas'), lt_fold(NULL) IS NULL;"),
                         ["siauliu azuolas|1"])

    def test_match(self):
        got = self.shell("SELECT name FROM t WHERE lt_match(name, 'ZAGARE');",
                         "SELECT lt_match('Klaipėdos r.', 'ėdos r'), lt_match('Kaunas', 'vilnius'), "
                         "lt_match(NULL, 'a') IS NULL, lt_match('a', NULL) IS NULL;")
        self.assertEqual(got, ["Žagarė", "1|0|1|1"])

    def test_without_the_extension_nothing_is_registered(self):
        # The check above must not pass because the shell knew lt already.
        p = subprocess.run([SQLITE3, self.db, "SELECT lt_fold('a');"], capture_output=True)
        self.assertNotEqual(p.returncode, 0)
        self.assertIn(b"no such function", p.stderr)

    def test_exports_only_its_entry_point(self):
        nm = shutil.which("nm")
        if not nm:
            self.skipTest("nm not installed")
        out = subprocess.run([nm, "-D", "--defined-only", MODULE], capture_output=True,
                             check=True).stdout.decode()
        names = [line.split()[-1] for line in out.splitlines() if line.strip()]
        self.assertEqual(names, ["sqlite3_councilsqlite_init"])


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit("usage: %s SQLITE3 MODULE COUNCIL [unittest args]" % sys.argv[0])
    SQLITE3, MODULE, COUNCIL = sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3]
    unittest.main(argv=[sys.argv[0]] + sys.argv[4:], verbosity=2)
