#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""council.h is the contract: every function, type, enumeration value and
macro it declares is documented in the header itself (a comment on its
line, or one in the run of declarations just above it) and named in
libcouncil(3); and every status code is in test_db.c's strerror table, so
the C test there proves each one has its own council_strerror text.

usage: test_header_docs.py SOURCE_ROOT"""
import os
import re
import sys

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..")


def read(*parts):
    with open(os.path.join(ROOT, *parts), encoding="utf-8") as f:
        return f.read()


def strip_comments(text):
    """The text with comments blanked out, line breaks kept."""
    return re.sub(r"/\*.*?\*/", lambda m: re.sub(r"[^\n]", " ", m.group(0)), text, flags=re.S)


def declarations(header):
    """(kind, name, line index) for everything council.h declares."""
    code = strip_comments(header)
    lines = code.split("\n")
    out = []

    def line_of(pos):
        return code.count("\n", 0, pos)

    for m in re.finditer(r"^\s*#define\s+(COUNCIL_\w+)", code, re.M):
        if m.group(1) not in ("COUNCIL_H", "COUNCIL_API", "COUNCIL_DEPRECATED"):
            out.append(("macro", m.group(1), line_of(m.start())))
    for m in re.finditer(r"\b(council_\w+)\s*\(", code):
        # a declaration, not a use inside a macro or a callback's parameters
        start = code.rfind("\n", 0, m.start()) + 1
        before = code[start:m.start()]
        decl_start = code.rfind(";", 0, m.start())
        decl = code[decl_start + 1:m.start()]
        if "COUNCIL_API" in decl and "(" not in before.replace("COUNCIL_DEPRECATED(", ""):
            out.append(("function", m.group(1), line_of(m.start())))
    for m in re.finditer(r"typedef\s+(?:struct|enum)\s+\w+\s*\{.*?\}\s*(council_\w+)\s*;", code, re.S):
        out.append(("type", m.group(1), line_of(m.start())))
    for m in re.finditer(r"typedef\s+[^;{]*?\b(council_\w+)\s*;", code):
        out.append(("type", m.group(1), line_of(m.start())))
    for m in re.finditer(r"typedef\s+[^;{]*?\(\s*\*\s*(council_\w+)\s*\)", code):
        out.append(("type", m.group(1), line_of(m.start())))
    for m in re.finditer(r"enum\s*\w*\s*\{(.*?)\}", code, re.S):
        enum_line = line_of(m.start())
        for v in re.finditer(r"\b(COUNCIL_\w+)\s*(?:=[^,}]*)?(?:,|$)", m.group(1)):
            out.append(("enum value", v.group(1), line_of(m.start(1) + v.start())))
    # an enum value is documented with its enum: remember where that starts
    return out, lines


def documented_in_header(header, line, kind):
    """A comment on the line, or above the run of declarations the line
    belongs to (one blank line may follow a section's banner comment)."""
    raw = header.split("\n")
    if "/*" in raw[line] or "*/" in raw[line]:
        return True
    i = line - 1
    blanks = 0
    while i >= 0:
        text = raw[i].strip()
        if text.endswith("*/") or text.startswith("/*") or text.startswith("*"):
            return True
        if not text:
            blanks += 1
            if blanks > 1:
                return False
        elif text.startswith("#") and kind != "macro":
            return False
        i -= 1
    return False


def deroff(text):
    text = "\n".join(l for l in text.splitlines() if not l.startswith('.\\"'))
    text = re.sub(r"\\f[BIRP]", "", text)
    return text.replace("\\-", "-").replace("\\&", "")


def main():
    header = read("include", "council.h")
    page = deroff(read("doc", "libcouncil.3"))
    decls, _ = declarations(header)
    problems = []
    seen = set()
    counts = {}
    enum_lines = {}
    for kind, name, line in decls:
        if (kind, name) in seen:
            continue
        seen.add((kind, name))
        counts[kind] = counts.get(kind, 0) + 1
        if kind == "enum value":
            # documented when its line is, or its whole enumeration is
            ok = documented_in_header(header, line, kind)
            if not ok:
                j = line
                raw = header.split("\n")
                while j >= 0 and "enum" not in raw[j]:
                    j -= 1
                ok = j >= 0 and documented_in_header(header, j, kind)
        else:
            ok = documented_in_header(header, line, kind)
        if not ok:
            problems.append("council.h:%d: %s %s has no comment" % (line + 1, kind, name))
        if not re.search(r"\b%s\b" % re.escape(name), page):
            problems.append("libcouncil(3) does not name %s %s" % (kind, name))
    # The strerror table of tests/test_db.c holds every status code.
    codes = set(re.findall(r"\b(COUNCIL_(?:OK|ERROR|E[A-Z]+))\s*=", header))
    table = read("tests", "test_db.c").split("static void test_strerror", 1)[1].split("};", 1)[0]
    for code in sorted(codes - set(re.findall(r"COUNCIL_\w+", table))):
        problems.append("tests/test_db.c: test_strerror does not check %s" % code)
    print("council.h declares: " + ", ".join("%d %ss" % (n, k) for k, n in sorted(counts.items())))
    # Too few of anything means the parsing broke, not that all is well.
    if counts.get("function", 0) < 100 or counts.get("type", 0) < 30 or \
            counts.get("enum value", 0) < 60 or len(codes) < 10:
        problems.append("parsed too few declarations: the checker is out of date")
    for p in problems:
        print(p)
    print("%d problem(s)" % len(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
