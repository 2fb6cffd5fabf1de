#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The documentation against the code: council(1) names every command,
subcommand, option and exit code the tool has; the exit codes in cli/cli.h,
`council --help` and the man page agree; the bash completion offers every
command, subcommand, option and format; libcouncil(3) names every function
and status code council.h declares."""
import os
import re
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clitest  # noqa: E402

ROOT = clitest.SOURCE_ROOT


def read(*parts):
    with open(os.path.join(ROOT, *parts), encoding="utf-8") as f:
        return f.read()


def deroff(text):
    """The words of a roff page, without its markup."""
    lines = []
    for line in text.splitlines():
        if line.startswith('.\\"'):
            continue
        if line.startswith("."):
            # ".B council init" -> "council init"; macros with no text vanish
            parts = line.split(None, 1)
            line = parts[1] if len(parts) > 1 else ""
        lines.append(line)
    text = "\n".join(lines)
    text = re.sub(r"\\f[BIRP]", "", text)
    text = text.replace("\\-", "-").replace("\\e", "\\").replace('\\(dq', '"')
    text = text.replace("\\&", "").replace("\\ ", " ")
    return re.sub(r"[ \t]+", " ", text)


def help_text(*args):
    r = clitest.run(*args, "--help")
    assert r.rc == 0, r
    return r.out


def section(text, title):
    """The lines of a help text's section ("Options:") up to a blank line."""
    if title not in text:
        return []
    return text.split(title, 1)[1].split("\n\n", 1)[0].splitlines()


def commands():
    """(command, subcommand or None) for everything `council --help` lists."""
    out = []
    for line in section(help_text(), "Commands:\n"):
        cmd = line.split()[0]
        subs = [s.split()[0] for s in section(help_text(cmd), "Subcommands:\n")]
        out += [(cmd, s) for s in subs] or [(cmd, None)]
    return out


def help_options(cmd, sub):
    text = help_text(cmd, *([sub] if sub else []))
    opts = set()
    for line in section(text, "Options:\n"):
        m = re.match(r"\s+(--[a-z0-9-]+)", line)
        if m:
            opts.add(m.group(1))
    return opts


def completion_options(key):
    script = os.path.join(ROOT, "doc", "council.bash-completion")
    out = subprocess.run(["bash", "-c", 'source "$0"; _council_options "$1"', script, key],
                         capture_output=True, text=True, check=True).stdout
    return set(out.split())


def completion_subcommands(cmd):
    script = os.path.join(ROOT, "doc", "council.bash-completion")
    out = subprocess.run(["bash", "-c", 'source "$0"; _council_subcommands "$1"', script, cmd],
                         capture_output=True, text=True, check=True).stdout
    return out.split()


def code_options():
    """Every option name in the tool's option tables (cli/cmd_*.c)."""
    names = set()
    cli = os.path.join(ROOT, "cli")
    for name in os.listdir(cli):
        if name.startswith("cmd_") and name.endswith(".c"):
            names |= set(re.findall(r'\{ "([a-z0-9-]+)", CLI_', read("cli", name)))
    return {"--" + n for n in names}


def exit_codes_in_header():
    enum = read("cli", "cli.h").split("enum cli_exit {", 1)[1].split("};", 1)[0]
    return {name: int(value) for name, value in re.findall(r"(CLI_\w+)\s*=\s*(\d+)", enum)}


class Docs(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.man = deroff(read("doc", "council.1"))
        cls.lib = deroff(read("doc", "libcouncil.3"))
        cls.completion = read("doc", "council.bash-completion")
        cls.commands = commands()

    def test_man_names_every_command(self):
        for cmd, sub in self.commands:
            words = "council %s" % cmd + (" %s" % sub if sub else "")
            self.assertIn(words, self.man, "council(1) does not describe '%s'" % words)

    def test_every_option_documented_and_completed(self):
        for cmd, sub in self.commands:
            with self.subTest(cmd=cmd, sub=sub):
                opts = help_options(cmd, sub)
                for opt in opts:
                    self.assertRegex(self.man, re.escape(opt) + r"\b",
                                     "council(1) lacks %s of %s %s" % (opt, cmd, sub or ""))
                key = cmd + (" " + sub if sub else "")
                self.assertEqual(completion_options(key), opts,
                                 "completion options of '%s' differ from its --help" % key)

    def test_every_option_in_the_code_is_documented(self):
        opts = code_options()
        self.assertGreater(len(opts), 30)
        for opt in opts:
            self.assertRegex(self.man, re.escape(opt) + r"\b", "council(1) lacks " + opt)
            self.assertIn(opt, self.completion, "the completion lacks " + opt)
        for opt in ("--db", "--format", "--quiet", "--help", "--version"):
            self.assertIn(opt, self.man)
            self.assertIn(opt, self.completion)

    def test_completion_commands_and_formats(self):
        names = re.search(r'local commands="([^"]*)"', self.completion).group(1).split()
        cmds = []
        for cmd, _ in self.commands:
            if cmd not in cmds:
                cmds.append(cmd)
        self.assertEqual([n for n in names if n != "help"], cmds)
        for cmd in cmds:
            subs = [s for c, s in self.commands if c == cmd and s]
            self.assertEqual(completion_subcommands(cmd), subs, cmd)
        for fmt in ("table", "csv", "json", "ndjson"):
            self.assertIn(fmt, self.completion)
            self.assertIn(fmt, self.man)

    def test_exit_codes_agree(self):
        codes = exit_codes_in_header()
        self.assertEqual(sorted(codes.values()), list(range(6)))
        self.assertEqual(codes["CLI_OK"], clitest.EXIT_OK)
        self.assertEqual(codes["CLI_EPARTIAL"], clitest.EXIT_PARTIAL)
        self.assertEqual(codes["CLI_EUSAGE"], clitest.EXIT_USAGE)
        self.assertEqual(codes["CLI_ENOTFOUND"], clitest.EXIT_NOTFOUND)
        self.assertEqual(codes["CLI_EINVALID"], clitest.EXIT_INVALID)
        self.assertEqual(codes["CLI_EDB"], clitest.EXIT_DB)
        page = read("doc", "council.1")
        exit_section = page.split(".SH EXIT STATUS", 1)[1].split(".SH ", 1)[0]
        documented = sorted(int(n) for n in re.findall(r"^\.B (\d+)$", exit_section, re.M))
        self.assertEqual(documented, sorted(codes.values()))
        helped = section(help_text(), "Exit status:\n")
        helped = sorted(int(m.group(1)) for m in
                        (re.match(r"  (\d)  ", line) for line in helped) if m)
        self.assertEqual(helped, sorted(codes.values()))

    def test_environment_and_files(self):
        env = read("doc", "council.1").split(".SH ENVIRONMENT", 1)[1].split(".SH ", 1)[0]
        for var in ("COUNCIL_DB", "XDG_DATA_HOME", "HOME"):
            self.assertIn(var, env)
        self.assertIn(".SH FILES", read("doc", "council.1"))
        self.assertIn(".SH EXAMPLES", read("doc", "council.1"))

    def test_libcouncil_page_names_the_whole_api(self):
        header = read("include", "council.h")
        functions = set(re.findall(r"COUNCIL_API [^;(]*?\b(council_\w+)\s*\(", header))
        self.assertGreater(len(functions), 100)
        missing = sorted(f for f in functions if not re.search(r"\b%s\b" % f, self.lib))
        self.assertEqual(missing, [], "libcouncil(3) does not mention these")
        codes = set(re.findall(r"\b(COUNCIL_(?:OK|ERROR|E[A-Z]+))\s*=", header))
        self.assertGreater(len(codes), 10)
        for code in codes:
            self.assertIn(code, self.lib)
        for section_name in ("ERRORS", "OWNERSHIP", "THREAD SAFETY", "IMPORT", "QUERIES"):
            self.assertIn(".SH " + section_name, read("doc", "libcouncil.3"))

    def test_pages_are_installed(self):
        build = read("doc", "meson.build")
        for name in ("council.1", "libcouncil.3", "council.bash-completion"):
            self.assertIn(name, build)


if __name__ == "__main__":
    clitest.main()
