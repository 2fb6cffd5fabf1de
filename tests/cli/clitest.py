# SPDX-License-Identifier: MIT
"""Shared helpers of the black-box tests of the `council` tool.

Every test runs the built binary as a process on a temporary database;
nothing here links the library.  The binary's path is the first command-line
argument (meson passes council_exe); the rest go to unittest.
"""
import csv
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import unittest

COUNCIL = None
SOURCE_ROOT = os.environ.get(
    "COUNCIL_SOURCE_ROOT",
    os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..")))
FIXTURES = os.environ.get("COUNCIL_FIXTURES", os.path.join(SOURCE_ROOT, "tests", "fixtures"))

# The exit codes council(1) documents; test_docs checks cli/cli.h agrees.
EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_NOTFOUND, EXIT_INVALID, EXIT_DB = range(6)


def main():
    """Takes the binary from argv[1], then runs unittest on the rest."""
    global COUNCIL
    if len(sys.argv) < 2:
        sys.exit("usage: %s PATH-TO-council [unittest args]" % sys.argv[0])
    COUNCIL = os.path.abspath(sys.argv[1])
    unittest.main(argv=[sys.argv[0]] + sys.argv[2:], verbosity=2)


def require_modules(*names):
    """Makes sure the Python modules a test needs import: when this
    interpreter lacks them (a pyenv or venv python3 on PATH) but the
    system's has them (Debian's python3-icalendar...), runs the test again
    under the system's; when none has them, exits 77, which meson reports
    as a skipped test, with the package to install."""
    import importlib
    missing = []
    for name in names:
        try:
            importlib.import_module(name)
        except ImportError:
            missing.append(name)
    if not missing:
        return
    system = "/usr/bin/python3"
    if os.path.realpath(sys.executable) != os.path.realpath(system) and os.path.exists(system):
        probe = subprocess.run([system, "-c", "import " + ", ".join(names)],
                               capture_output=True)
        if probe.returncode == 0:
            os.execv(system, [system] + sys.argv)
    print("skipped: no python3 with %s (apt-get install %s)" % (
        ", ".join(missing), " ".join("python3-" + m for m in missing)))
    sys.exit(77)


class Result:
    def __init__(self, proc):
        self.rc = proc.returncode
        self.out = proc.stdout
        self.err = proc.stderr

    def json(self):
        return json.loads(self.out)

    def ndjson(self):
        return [json.loads(line) for line in self.out.splitlines()]

    def csv(self):
        return list(csv.DictReader(io.StringIO(self.out, newline="")))

    def __repr__(self):
        return "rc=%d\nstdout:\n%s\nstderr:\n%s" % (self.rc, self.out, self.err)


def environment(**extra):
    """The test's environment without any database chosen by the caller's."""
    env = dict(os.environ)
    for k in ("COUNCIL_DB", "XDG_DATA_HOME"):
        env.pop(k, None)
    env.update({k: v for k, v in extra.items() if v is not None})
    return env


def run(*args, db=None, env=None, stdin=None):
    """Runs council [--db DB] ARGS; returns a Result (never raises on rc)."""
    cmd = [COUNCIL]
    if db is not None:
        cmd += ["--db", db]
    cmd += [str(a) for a in args]
    # Bytes, decoded here: text mode would turn a CR inside a CSV field
    # into LF and hide what the tool really wrote.
    proc = subprocess.run(cmd, capture_output=True,
                          env=env if env is not None else environment(),
                          input=stdin.encode("utf-8") if stdin is not None else None,
                          timeout=120)
    proc.stdout = proc.stdout.decode("utf-8")
    proc.stderr = proc.stderr.decode("utf-8")
    # Under -Db_sanitize=address,undefined a finding must fail the test even
    # when the exit code happens to be the one expected.
    for mark in ("Sanitizer", "runtime error:"):
        if mark in proc.stderr:
            raise AssertionError("sanitizer report from council %s:\n%s"
                                 % (" ".join(cmd[1:]), proc.stderr))
    return Result(proc)


class CouncilTest(unittest.TestCase):
    """A test case with a fresh temporary directory and database path."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="council-cli-")
        self.db = os.path.join(self.tmp, "test.db")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def council(self, *args, expect=EXIT_OK, db=True, env=None):
        """Runs council on the test database, asserting the exit code."""
        r = run(*args, db=self.db if db is True else db, env=env)
        self.assertEqual(r.rc, expect, "council %s\n%r" % (" ".join(map(str, args)), r))
        # Whatever happened, the process must not have been killed by a
        # sanitizer or a signal, and errors must follow the documented form.
        if r.rc != EXIT_OK and r.err:
            self.assertTrue(r.err.startswith("council: ") or r.err.startswith("Usage: "),
                            "stderr not in 'council: what: why' form: %r" % r.err)
        return r

    def add(self, *args):
        """Runs an add command; returns the printed id."""
        r = self.council(*args)
        return int(r.out.strip())

    def query_json(self, *args):
        return self.council("--format", "json", *args).json()


def view_rows(db, sql):
    """Rows of a query through the sqlite3 shell (-json) as dicts; falls back
    to Python's sqlite3 module where the shell is not installed."""
    exe = shutil.which("sqlite3")
    if exe:
        proc = subprocess.run([exe, "-json", "-readonly", db, sql], capture_output=True,
                              text=True, encoding="utf-8", check=True)
        return json.loads(proc.stdout) if proc.stdout.strip() else []
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    con.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in con.execute(sql)]
    finally:
        con.close()


def sqlite3_shell_used():
    return shutil.which("sqlite3") is not None
