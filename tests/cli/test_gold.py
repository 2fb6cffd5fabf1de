#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Acceptance test: everything in the gold files (tests/fixtures/gold/) is
entered with `council` commands alone, then read back with the query
commands and through the public views with the sqlite3 shell, and all
three must agree with the gold and with each other, field by field.

The gold format is described in GOLD-SCHEMA.md beside the seeds: a council,
its members, meetings (stated per year, lower bounds, remote, dated), plan
and measures with responsible units, events with dates, participants,
qualifiers, locations, organiser, remote and linked measures, legal acts,
the council's size and composition, and the report document itself."""
import glob
import hashlib
import json
import os
import shutil
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clitest  # noqa: E402

GOLD_DIR = os.path.join(clitest.FIXTURES, "gold")


def gold_files():
    return sorted(glob.glob(os.path.join(GOLD_DIR, "*.gold.json")))


def council_cli(db, *args):
    r = clitest.run(*args, db=db)
    if r.rc != 0:
        raise AssertionError("council %s\n%r" % (" ".join(map(str, args)), r))
    return r


def add(db, *args):
    return int(council_cli(db, *args).out.strip())


def q(db, *args):
    return council_cli(db, "--format", "json", *args).json()


def period(start, end):
    return start if not end or end == start else "%s..%s" % (start, end)


def enter(db, path):
    """Enters one gold file with CLI commands; returns the ids it made."""
    with open(path, "rb") as f:
        raw = f.read()
    g = json.loads(raw)
    ids = {"measures": {}}
    # The report itself.  Its text is not among these fixtures, so the
    # gold file's own bytes stand for it in sha256.
    stem = os.path.basename(path)[:-len(".gold.json")]
    doc = g.get("document") or {}
    args = ["source", "add", "--path", stem + ".txt",
            "--sha256", hashlib.sha256(raw).hexdigest(), "--kind", g["kind"]]
    if g.get("report_year") is not None:
        args += ["--report-year", g["report_year"]]
    if doc.get("number"):
        args += ["--doc-number", doc["number"]]
    if doc.get("date"):
        args += ["--doc-date", doc["date"]]
    src = ids["source"] = add(db, *args)

    c = g["council"]
    args = ["council", "add", "--name", c["name"], "--source", src]
    if c.get("municipality"):
        args += ["--municipality", c["municipality"]]
    if c.get("kind"):
        args += ["--kind", c["kind"]]
    if g.get("member_count") is not None:
        args += ["--size", g["member_count"]]
    for part in g.get("composition") or []:
        args += ["--seats-" + part["side"], part["count"]]
    cid = ids["council"] = add(db, *args)

    for m in g.get("members") or []:
        args = ["member", "add", "--council", cid, "--name", m["name"], "--role", m["role"],
                "--source", src]
        if m.get("represents"):
            args += ["--represents", m["represents"]]
        add(db, *args)

    meetings = g.get("meetings") or {}
    for key, metric, qualifier in (("per_year", "meetings", "exact"),
                                   ("per_year_min", "meetings", "at_least"),
                                   ("remote", "meetings_remote", "exact")):
        for year, value in (meetings.get(key) or {}).items():
            add(db, "figure", "add", "--council", cid, "--year", year, "--metric", metric,
                "--value", value, "--qualifier", qualifier, "--source", src)
    for date in meetings.get("dated") or []:
        add(db, "meeting", "add", "--council", cid, "--date", date, "--source", src)

    plan = g.get("plan")
    if plan:
        args = ["plan", "add", "--council", cid, "--title", plan["title_contains"],
                "--source", src]
        if plan.get("year_from") is not None:
            args += ["--year-from", plan["year_from"]]
        if plan.get("year_to") is not None:
            args += ["--year-to", plan["year_to"]]
        ids["plan"] = add(db, *args)
    for m in g.get("measures") or []:
        args = ["measure", "add", "--plan", ids["plan"], "--seq", m["seq"],
                "--name", m["name_starts"], "--source", src]
        for unit in m.get("responsible") or []:
            args += ["--responsible", unit]
        ids["measures"][m["seq"]] = add(db, *args)

    for e in (g.get("events") or []) + (g.get("events_optional") or []):
        args = ["event", "add", "--council", cid, "--title", e["title_contains"],
                "--date", period(e["date_start"], e.get("date_end")), "--source", src]
        if e.get("participants") is not None:
            args += ["--participants", "%d:%s" % (e["participants"], e.get("qualifier") or "exact")]
        if e.get("location_contains"):
            args += ["--location", e["location_contains"]]
        if e.get("organizer_contains"):
            args += ["--organiser", e["organizer_contains"]]
        if e.get("remote") is not None:
            args += ["--remote", "yes" if e["remote"] else "no"]
        for seq in e.get("measures") or []:
            args += ["--measure", ids["measures"][seq]]
        add(db, *args)

    for act in g.get("legal_acts") or []:
        args = ["act", "add", "--council", cid, "--number", act["number"], "--source", src]
        if act.get("date"):
            args += ["--date", act["date"]]
        add(db, *args)
    return g, ids


class Gold(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="council-gold-")
        cls.db = os.path.join(cls.tmp, "gold.db")
        council_cli(cls.db, "init")
        cls.golds = [(os.path.basename(p),) + enter(cls.db, p) for p in gold_files()]

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def view(self, sql):
        return clitest.view_rows(self.db, sql)

    def test_gold_files_present(self):
        self.assertEqual(len(self.golds), 2, "expected both gold files in " + GOLD_DIR)

    # ---- the query commands against the gold ------------------------------

    def test_council_and_source(self):
        for name, g, ids in self.golds:
            with self.subTest(gold=name):
                c = q(self.db, "council", "show", ids["council"])[0]
                self.assertEqual(c["name"], g["council"]["name"])
                self.assertEqual(c["municipality"], g["council"].get("municipality"))
                self.assertEqual(c["kind"], g["council"].get("kind") or "BO")
                self.assertEqual(c["size"], g.get("member_count"))
                comp = {p["side"]: p["count"] for p in g.get("composition") or []}
                self.assertEqual(c["seats_municipality"], comp.get("municipality"))
                self.assertEqual(c["seats_community"], comp.get("community"))
                s = q(self.db, "source", "show", ids["source"])[0]
                doc = g.get("document") or {}
                self.assertEqual((s["kind"], s["report_year"], s["doc_number"], s["doc_date"]),
                                 (g["kind"], g.get("report_year"), doc.get("number"),
                                  doc.get("date")))
                # the council is found by a part of its name typed without
                # diacritics, as a user would
                short = g["council"]["name"].split()[0].lower()
                short = short.translate(str.maketrans("ąčęėįšųūž", "aceeisuuz"))
                self.assertEqual(q(self.db, "council", "show", short)[0]["id"], ids["council"])

    def test_members(self):
        for name, g, ids in self.golds:
            with self.subTest(gold=name):
                rows = q(self.db, "query", "members", "--council", ids["council"])
                got = sorted((r["name"], r["role"], r["represents"]) for r in rows)
                want = sorted((m["name"], m["role"], m.get("represents"))
                              for m in g.get("members") or [])
                self.assertEqual(got, want)

    def test_meetings_per_year(self):
        for name, g, ids in self.golds:
            with self.subTest(gold=name):
                m = g.get("meetings") or {}
                rows = {r["year"]: r for r in
                        q(self.db, "query", "meetings", "--council", ids["council"])}
                dated_years = {}
                for d in m.get("dated") or []:
                    dated_years[int(d[:4])] = dated_years.get(int(d[:4]), 0) + 1
                years = set(map(int, m.get("per_year") or {})) | \
                    set(map(int, m.get("per_year_min") or {})) | \
                    set(map(int, m.get("remote") or {})) | set(dated_years)
                self.assertEqual(set(rows), years)
                for y, n in (m.get("per_year") or {}).items():
                    self.assertEqual((rows[int(y)]["meetings"], rows[int(y)]["stated"]), (n, n))
                for y, n in (m.get("per_year_min") or {}).items():
                    self.assertEqual(rows[int(y)]["stated"], n)
                    self.assertGreaterEqual(rows[int(y)]["meetings"], n)
                for y, n in (m.get("remote") or {}).items():
                    self.assertEqual(rows[int(y)]["remote"], n)
                for y, n in dated_years.items():
                    self.assertEqual(rows[y]["listed"], n)
                listed = q(self.db, "meeting", "list", "--council", ids["council"])
                self.assertEqual(sorted(r["date_start"] for r in listed),
                                 sorted(m.get("dated") or []))

    def test_plan_and_measures(self):
        for name, g, ids in self.golds:
            with self.subTest(gold=name):
                plans = q(self.db, "plan", "list", "--council", ids["council"])
                if not g.get("plan"):
                    self.assertEqual(plans, [])
                    continue
                self.assertEqual(len(plans), 1)
                self.assertIn(g["plan"]["title_contains"], plans[0]["title"])
                self.assertEqual((plans[0]["year_from"], plans[0]["year_to"]),
                                 (g["plan"].get("year_from"), g["plan"].get("year_to")))
                rows = q(self.db, "measure", "list", "--plan", ids["plan"])
                self.assertEqual(len(rows), len(g["measures"]))
                for r, m in zip(rows, sorted(g["measures"], key=lambda m: m["seq"])):
                    self.assertEqual(r["seq"], m["seq"])
                    self.assertTrue(r["name"].startswith(m["name_starts"]))
                    self.assertEqual(r["responsible"], m["responsible"])

    def gold_events(self, g):
        return (g.get("events") or []) + (g.get("events_optional") or [])

    def test_events_and_participants(self):
        for name, g, ids in self.golds:
            with self.subTest(gold=name):
                totals = q(self.db, "query", "participants", "--council", ids["council"])
                events = q(self.db, "query", "events", "--council", ids["council"])
                seq_of = {v: k for k, v in ids["measures"].items()}
                self.assertEqual(len(totals), len(self.gold_events(g)))
                for e in self.gold_events(g):
                    t = [r for r in totals if e["title_contains"] in r["title"]]
                    self.assertEqual(len(t), 1, e["title_contains"])
                    t = t[0]
                    self.assertEqual((t["date_start"], t["date_end"]),
                                     (e["date_start"], e.get("date_end") or e["date_start"]))
                    self.assertEqual(t["participants"], e.get("participants"))
                    want_q = e.get("qualifier") or ("exact" if e.get("participants") is not None
                                                    else None)
                    self.assertEqual(t["qualifier"], want_q)
                    if e.get("location_contains"):
                        self.assertIn(e["location_contains"], t["location"])
                    else:
                        self.assertIsNone(t["location"])
                    ev = [r for r in events if r["event_id"] == t["event_id"]][0]
                    if e.get("organizer_contains"):
                        self.assertIn(e["organizer_contains"], ev["organiser"])
                    self.assertEqual(ev["remote"], e.get("remote"))
                    self.assertEqual(sorted(seq_of[i] for i in ev["measures"]),
                                     sorted(e.get("measures") or []))

    def test_legal_acts(self):
        for name, g, ids in self.golds:
            with self.subTest(gold=name):
                rows = q(self.db, "act", "list", "--council", ids["council"])
                self.assertEqual(sorted((r["number"], r["date"]) for r in rows),
                                 sorted((a["number"], a.get("date"))
                                        for a in g.get("legal_acts") or []))

    # ---- the public views against the query commands ----------------------

    def assert_same(self, cli_rows, view_rows, key, mapping):
        """Each view row equals the CLI row with the same key, for every
        view column in mapping (view column -> CLI column or function)."""
        self.assertEqual(len(cli_rows), len(view_rows))
        by_key = {r[key[1]]: r for r in cli_rows}
        self.assertEqual(set(by_key), {r[key[0]] for r in view_rows})
        for v in view_rows:
            c = by_key[v[key[0]]]
            for vcol, ccol in mapping.items():
                got = ccol(c) if callable(ccol) else c[ccol]
                self.assertEqual(v[vcol], got, "%s vs CLI %s for %r" % (vcol, ccol, v))

    def test_views_meetings_per_year(self):
        cli = q(self.db, "query", "meetings")
        view = self.view("SELECT * FROM meetings_per_year")
        for r in cli:
            r["key"] = (r["council_id"], r["year"])
        for r in view:
            r["key"] = (r["council_id"], r["year"])
        cli_by = {r["key"]: r for r in cli}
        self.assertEqual(set(cli_by), {r["key"] for r in view})
        for v in view:
            c = cli_by[v["key"]]
            self.assertEqual((v["council"], v["meetings"], v["remote"], v["meetings_listed"],
                              v["meetings_stated"]),
                             (c["council"], c["meetings"], c["remote"], c["listed"], c["stated"]))
        self.assertGreaterEqual(len(view), 2)

    def test_views_events(self):
        view = self.view("SELECT * FROM events_overview")
        self.assert_same(q(self.db, "query", "participants"), view, ("event_id", "event_id"), {
            "council": "council", "title": "title", "date_start": "date_start",
            "date_end": "date_end", "participants": "participants", "qualifier": "qualifier",
            "location": "location"})
        self.assert_same(q(self.db, "query", "events"), view, ("event_id", "event_id"), {
            "organiser": "organiser", "kind": "kind",
            "remote": lambda c: None if c["remote"] is None else int(c["remote"])})
        links = self.view("SELECT event_id, measure_id FROM event_measure")
        cli_links = sorted((e["event_id"], m) for e in q(self.db, "query", "events")
                           for m in e["measures"])
        self.assertEqual(sorted((r["event_id"], r["measure_id"]) for r in links), cli_links)

    def test_views_members(self):
        self.assert_same(q(self.db, "query", "members"),
                         self.view("SELECT * FROM members_overview"), ("member_id", "member_id"),
                         {"council": "council", "name": "name", "role": "role",
                          "represents": "represents", "side": "side"})

    def test_views_measures(self):
        plans = {p["id"]: p for p in q(self.db, "plan", "list")}
        names = {c["id"]: c["name"] for c in q(self.db, "council", "list")}
        self.assert_same(q(self.db, "measure", "list"),
                         self.view("SELECT * FROM measures_overview"), ("measure_id", "id"), {
                             "seq": "seq", "name": "name", "indicator": "indicator",
                             "plan": lambda c: plans[c["plan_id"]]["title"],
                             "council": lambda c: names[plans[c["plan_id"]]["council_id"]],
                             "responsible": lambda c: "; ".join(c["responsible"]) or None})

    def test_views_meetings(self):
        self.assert_same(q(self.db, "meeting", "list"),
                         self.view("SELECT * FROM meetings_overview"), ("meeting_id", "id"), {
                             "council": "council", "date_start": "date_start",
                             "date_end": "date_end", "format": "format", "summary": "summary",
                             "platform": "platform", "location": "location"})

    def test_tables_without_views(self):
        """Councils, figures, acts, sources and participant groups have no
        view; their tables must match the CLI the same way."""
        self.assert_same(q(self.db, "council", "list"), self.view("SELECT * FROM council"),
                         ("id", "id"), {k: k for k in (
                             "name", "municipality", "kind", "founding_act", "size",
                             "seats_municipality", "seats_community", "source_id")})
        self.assert_same(q(self.db, "figure", "list"),
                         self.view("SELECT * FROM reported_figure"), ("id", "id"),
                         {k: k for k in ("council_id", "year", "metric", "value", "qualifier",
                                         "source_id")})
        self.assert_same(q(self.db, "act", "list"), self.view("SELECT * FROM legal_act"),
                         ("id", "id"), {k: k for k in ("council_id", "number", "date", "title",
                                                       "effect", "source_id")})
        self.assert_same(q(self.db, "source", "list"),
                         self.view("SELECT * FROM source_document"), ("id", "id"),
                         {k: k for k in ("path", "sha256", "kind", "report_year", "doc_number",
                                         "doc_date", "imported_at")})
        groups = []
        for e in q(self.db, "event", "list"):
            groups += q(self.db, "event", "participants", e["id"])
        self.assert_same(groups, self.view("SELECT * FROM event_participants"), ("id", "id"),
                         {k: k for k in ("event_id", "count", "qualifier", "group_name",
                                         "source_id")})

    def test_views_against_gold(self):
        """The views alone give the gold's answers (no CLI in between)."""
        for name, g, ids in self.golds:
            with self.subTest(gold=name):
                cname = g["council"]["name"]
                rows = self.view("SELECT year, meetings, remote FROM meetings_per_year "
                                 "WHERE council_id = %d ORDER BY year" % ids["council"])
                m = g.get("meetings") or {}
                for r in rows:
                    y = str(r["year"])
                    if y in (m.get("per_year") or {}):
                        self.assertEqual(r["meetings"], m["per_year"][y])
                    if y in (m.get("remote") or {}):
                        self.assertEqual(r["remote"], m["remote"][y])
                ev = self.view("SELECT title, participants, qualifier FROM events_overview "
                               "WHERE event_id IN (SELECT id FROM event WHERE council_id = %d)"
                               % ids["council"])
                for e in self.gold_events(g):
                    hit = [r for r in ev if e["title_contains"] in r["title"]]
                    self.assertEqual(len(hit), 1)
                    self.assertEqual(hit[0]["participants"], e.get("participants"))
                members = self.view("SELECT name, role FROM members_overview WHERE council = '%s'"
                                    % cname.replace("'", "''"))
                self.assertEqual(sorted((r["name"], r["role"]) for r in members),
                                 sorted((x["name"], x["role"]) for x in g.get("members") or []))


if __name__ == "__main__":
    if not clitest.sqlite3_shell_used():
        print("note: sqlite3 shell not found (apt package sqlite3); reading views through "
              "Python's sqlite3 module instead", file=sys.stderr)
    clitest.main()
