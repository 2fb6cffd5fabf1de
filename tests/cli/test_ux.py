#!/usr/bin/env python3
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


if __name__ == "__main__":
    clitest.main()
