#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The tool where people meet it: the nearest command, subcommand or option
suggested for a typo (and nothing suggested for a word that is no typo)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clitest  # noqa: E402
from clitest import CouncilTest, EXIT_USAGE  # noqa: E402


class Suggestions(CouncilTest):
    def usage_error(self, *args):
        r = self.council(*args, expect=EXIT_USAGE)
        return r.err.splitlines()[0]

    def test_commands(self):
        self.assertEqual(self.usage_error("qurey"),
                         "council: qurey: unknown command; did you mean 'query'?")
        self.assertIn("did you mean 'import'?", self.usage_error("improt"))
        self.assertIn("did you mean 'export'?", self.usage_error("exprot"))
        self.assertIn("did you mean 'member'?", self.usage_error("help", "membr"))
        # not a typo of anything: no guess
        self.assertEqual(self.usage_error("xyzzy"), "council: xyzzy: unknown command")
        self.assertNotIn("did you mean", self.usage_error("q"))

    def test_subcommands(self):
        self.assertIn("lsit: unknown subcommand; did you mean 'list'?",
                      self.usage_error("council", "lsit"))
        self.assertIn("did you mean 'participants-per-year'?",
                      self.usage_error("query", "participants-per-yaer"))

    def test_options(self):
        self.assertIn("--councl: unknown option; did you mean '--council'?",
                      self.usage_error("query", "meetings", "--councl", "x"))
        self.assertIn("did you mean '--format'?", self.usage_error("--formt", "json", "info"))
        self.assertIn("did you mean '--quiet'?", self.usage_error("info", "--quite"))
        self.assertNotIn("did you mean", self.usage_error("query", "meetings", "--colour", "x"))


KAUNO_M = "Kauno miesto savivaldybės bendruomeninių organizacijų taryba"
KAUNO_R = "Kauno rajono savivaldybės bendruomeninių organizacijų taryba"
KLAIPEDOS_R = "Klaipėdos rajono savivaldybės bendruomeninių organizacijų taryba"
SIAULIU_R = "Šiaulių rajono savivaldybės NVO taryba"
MARIJAMPOLES = "Marijampolės savivaldybės BO taryba"


class CouncilNames(CouncilTest):
    def setUp(self):
        super().setUp()
        self.ids = {n: self.add("council", "add", "--name", n)
                    for n in (KAUNO_M, KAUNO_R, KLAIPEDOS_R, SIAULIU_R, MARIJAMPOLES)}

    def resolve(self, spec, expect=clitest.EXIT_OK):
        r = self.council("member", "add", "--council", spec, "--name", "Jonas Jonaitis",
                         expect=expect)
        if expect != clitest.EXIT_OK:
            return r
        mid = int(r.out)
        row = clitest.view_rows(self.db, "SELECT council FROM members_overview "
                                         "WHERE member_id = %d" % mid)[0]
        return row["council"]

    def test_word_by_word_with_abbreviations(self):
        for spec, want in [("Klaipėdos r.", KLAIPEDOS_R), ("klaipedos", KLAIPEDOS_R),
                           ("Kauno m.", KAUNO_M), ("kauno r. sav. BOT", KAUNO_R),
                           ("KAUNO RAJONO", KAUNO_R), ("rajono kauno", KAUNO_R),
                           ("Šiaulių r. NVO", SIAULIU_R), ("siauliu nvo taryba", SIAULIU_R),
                           ("Marijampolės BO", MARIJAMPOLES), ("marij", MARIJAMPOLES),
                           (KAUNO_M, KAUNO_M)]:
            self.assertEqual(self.resolve(spec), want, spec)

    def test_abbreviation_is_not_a_prefix(self):
        # "m." is "miesto", not the start of "Marijampolės"
        self.assertEqual(self.resolve("m."), KAUNO_M)

    def test_ambiguous_lists_candidates_with_ids(self):
        r = self.resolve("kauno", expect=EXIT_USAGE)
        first = r.err.splitlines()[0]
        self.assertIn('%d "%s"' % (self.ids[KAUNO_M], KAUNO_M), first)
        self.assertIn('%d "%s"' % (self.ids[KAUNO_R], KAUNO_R), first)
        self.assertNotIn("Klaipėdos", first)
        self.assertIn("give the council's id", r.err)
        r = self.resolve("r. sav.", expect=EXIT_USAGE)
        self.assertEqual(r.err.splitlines()[0].count('"'), 2 + 2 * 3)  # three districts

    def test_no_match_and_ids(self):
        r = self.resolve("vilniaus", expect=clitest.EXIT_NOTFOUND)
        self.assertIn('"vilniaus": no council matches', r.err)
        self.assertEqual(self.resolve(str(self.ids[SIAULIU_R])), SIAULIU_R)
        self.resolve("999", expect=clitest.EXIT_NOTFOUND)
        # the older rule still holds: a unique piece inside a word
        self.assertEqual(self.resolve("aipedos"), KLAIPEDOS_R)


LONG = "Tarptautinis seminaras „Bendruomenių ąžuolai ir šakos“ Kuldygoje"


class Tables(CouncilTest):
    def setUp(self):
        super().setUp()
        self.add("council", "add", "--name", KLAIPEDOS_R)
        self.add("council", "add", "--name", SIAULIU_R)
        self.add("event", "add", "--council", "klaipedos", "--title", LONG,
                 "--date", "2024-05-16..2024-05-17", "--participants", "31")
        self.add("event", "add", "--council", "siauliu", "--title", "Forumas | 2",
                 "--date", "2024-02", "--participants", "123456")

    def table(self, columns, *args):
        env = clitest.environment(COLUMNS=str(columns) if columns else None)
        r = self.council("--format", "table", *args, env=env)
        return r.out.splitlines()

    def test_fits_columns_by_characters(self):
        lines = self.table(120, "query", "participants")
        for line in lines:
            self.assertLessEqual(len(line), 120, line)  # str: characters, not bytes
        body = "\n".join(lines)
        self.assertIn("…", body)
        self.assertNotIn("\ufffd", body)
        # numbers and dates are never shortened
        self.assertIn("123456", body)
        self.assertIn("2024-05-16", body)
        # a shortened cell is a prefix of the whole, to the character
        cell = [line for line in lines if "Tarptaut" in line][0].split("  ")
        cut = [c for c in cell if c.startswith("Tarptaut")][0]
        self.assertTrue(cut.endswith("…"))
        self.assertTrue(LONG.startswith(cut[:-1]))
        self.assertLess(len(cut), len(LONG))

    def test_wide_and_unset_print_whole(self):
        self.assertTrue(any(LONG in line for line in self.table(None, "query", "participants")))
        self.assertTrue(any(LONG in line
                            for line in self.table(60, "--wide", "query", "participants")))
        self.assertTrue(any(LONG in line
                            for line in self.table(60, "query", "participants", "--wide")))

    def test_aligned_after_shortening(self):
        lines = self.table(116, "query", "participants")
        # every row is as wide as the rule under the header, in characters
        rule = len(lines[1])
        for line in lines[2:]:
            self.assertLessEqual(len(line), rule)
        starts = [i for i, ch in enumerate(lines[1]) if ch == "-" and
                  (i == 0 or lines[1][i - 1] == " ")]
        for line in lines[2:]:
            for s in starts[1:]:
                self.assertEqual(line[s - 2:s], "  ", (line, s))

    def test_markdown(self):
        r = self.council("--format", "markdown", "query", "participants")
        lines = r.out.splitlines()
        self.assertTrue(lines[0].startswith("| council | title |"))
        self.assertRegex(lines[1], r"^\| --- \| --- \|.*---: \|$")
        self.assertIn("| " + LONG + " |", r.out)
        self.assertIn("Forumas \\| 2", r.out)
        self.assertEqual(len(lines), 4)
        for line in lines:
            # the escaped pipe is not a separator
            self.assertEqual(line.replace("\\|", "").count("|"), lines[0].count("|"))
        show = self.council("--format", "markdown", "council", "show", "1").out.splitlines()
        self.assertEqual(len(show), 3)
        self.council("--format", "markdwn", "council", "list", expect=EXIT_USAGE)


class Columns(CouncilTest):
    def setUp(self):
        super().setUp()
        self.add("council", "add", "--name", KLAIPEDOS_R)
        self.add("event", "add", "--council", "klaipedos", "--title", "Forumas, „A“",
                 "--date", "2024-05", "--participants", "31", "--measure", "")

    def test_every_format(self):
        cols = ["participants", "title", "council"]
        r = self.council("--format", "csv", "--columns", ",".join(cols), "query", "participants")
        rows = r.csv()
        self.assertEqual(r.out.splitlines()[0], ",".join(cols))
        self.assertEqual(rows, [{"participants": "31", "title": "Forumas, „A“",
                                 "council": KLAIPEDOS_R}])
        for fmt in ("json", "ndjson"):
            r = self.council("--format", fmt, "query", "participants", "--columns", ",".join(cols))
            got = r.json()[0] if fmt == "json" else r.ndjson()[0]
            self.assertEqual(got, {"council": KLAIPEDOS_R, "title": "Forumas, „A“",
                                   "participants": 31})
        r = self.council("--format", "table", "--columns", ",".join(cols), "query", "participants")
        self.assertEqual(r.out.split()[:3], cols)
        r = self.council("--format", "markdown", "--columns", "title,participants",
                         "query", "participants")
        self.assertEqual(r.out.splitlines()[0], "| title | participants |")
        # a list column (JSON array) left out or kept
        r = self.council("--format", "json", "--columns", "title", "event", "list")
        self.assertEqual(r.json(), [{"title": "Forumas, „A“"}])
        r = self.council("--format", "json", "--columns", "measures,id", "event", "list")
        self.assertEqual(r.json(), [{"id": 1, "measures": []}])
        # a single record, vertical
        r = self.council("--format", "table", "--columns", "name", "council", "show", "1")
        self.assertEqual(r.out.split(None, 1), ["name", KLAIPEDOS_R + "\n"])

    def test_unknown_column(self):
        r = self.council("--columns", "council,yaer", "query", "meetings", expect=EXIT_USAGE)
        self.assertIn('"yaer": no such column; did you mean \'year\'?', r.err)
        self.assertEqual(r.out, "")
        r = self.council("--format", "json", "--columns", "", "query", "meetings",
                         expect=EXIT_USAGE)
        self.assertEqual(r.out, "")


if __name__ == "__main__":
    clitest.main()
