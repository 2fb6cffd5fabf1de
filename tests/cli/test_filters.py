#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Filters say "all" only by being left out: `--council ''` (an unset shell
variable, or an id a failed step left empty) is refused, never read as
every council, in lists and queries alike; a council given by name or id
lists that council's rows only."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clitest  # noqa: E402
from clitest import EXIT_OK, EXIT_USAGE, CouncilTest  # noqa: E402


class TestFilters(CouncilTest):
    def setUp(self):
        super().setUp()
        self.a = self.add("council", "add", "--name", "Alytaus BO taryba")
        self.b = self.add("council", "add", "--name", "Birštono BO taryba")
        for c in (self.a, self.b):
            self.add("meeting", "add", "--council", c, "--date", "2024-03-01")

    def test_left_out_lists_every_council(self):
        self.assertEqual(len(self.query_json("meeting", "list")), 2)

    def test_one_council(self):
        rows = self.query_json("meeting", "list", "--council", "birstono")
        self.assertEqual([r["council_id"] for r in rows], [self.b])

    def test_empty_value_is_refused(self):
        for args in (("meeting", "list", "--council", ""),
                     ("meeting", "list", "--source", ""),
                     ("measure", "list", "--plan", ""),
                     ("query", "meetings", "--council", ""),
                     ("query", "participants", "--council", "")):
            with self.subTest(args=args):
                r = self.council(*args, expect=EXIT_USAGE)
                self.assertIn("empty value", r.err)
                self.assertEqual(r.out, "")


if __name__ == "__main__":
    clitest.main()
