#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""`council export --format popolo` validated against the Popolo JSON
schemas (tests/popolo/, minimal copies of Popolo's own) with
python3-jsonschema, plus what schemas cannot say: ids unique and every
reference resolving, councils classified BO/NVO with their municipality as
parent, one person per distinct name within a council, a membership per
member with on_behalf_of, meetings and events with partial dates, and
sources naming the document's path and SHA-256 (an RFC 6920 ni: URI that
decodes to the registry's digest).  Exits 77 (meson: skipped) when no
python3 with jsonschema is installed."""
import base64
import json
import os
import re
import sys
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clitest  # noqa: E402

clitest.require_modules("jsonschema")
import jsonschema  # noqa: E402

from clitest import CouncilTest  # noqa: E402
from test_export import build_registry  # noqa: E402

SCHEMAS = os.path.join(clitest.SOURCE_ROOT, "tests", "popolo")


def validator():
    store = {}
    for name in os.listdir(SCHEMAS):
        if name.endswith(".json"):
            with open(os.path.join(SCHEMAS, name), encoding="utf-8") as f:
                schema = json.load(f)
            store[schema["id"]] = schema
            store[schema["id"].rstrip("#")] = schema
    top = store["https://libcouncil.invalid/schemas/export.json#"]
    with warnings.catch_warnings():
        # RefResolver is what Debian 12's jsonschema (4.10) has; newer ones
        # warn that it will go, in favour of a library Debian 12 lacks.
        warnings.simplefilter("ignore", DeprecationWarning)
        resolver = jsonschema.RefResolver(top["id"], top, store=store)
    return jsonschema.Draft3Validator(top, resolver=resolver,
                                      format_checker=jsonschema.FormatChecker())


class PopoloExport(CouncilTest):
    def setUp(self):
        super().setUp()
        build_registry(self)
        # the same name in two councils: two people; twice in one: one
        self.add("member", "add", "--council", "kauno", "--name", "Ona Žukauskienė",
                 "--role", "deputy", "--side", "community", "--term-start", "2021-03")
        self.add("member", "add", "--council", "kauno", "--name", "Ona Žukauskienė",
                 "--represents", "asociacija „Baltijos žmogus“")
        self.add("council", "add", "--name", "Alytaus miesto NVO taryba", "--kind", "NVO",
                 "--municipality", "Alytaus miesto savivaldybė")
        self.add("event", "add", "--council", "alytaus", "--title", "Forumas",
                 "--date", "2024-05")
        self.validator = validator()

    def export(self, *args):
        path = os.path.join(self.tmp, "popolo.json")
        self.council("export", "--format", "popolo", "--out", path, *args)
        with open(path, encoding="utf-8") as f:
            return json.load(f)

    def test_valid_against_the_popolo_schemas(self):
        doc = self.export()
        errors = sorted(self.validator.iter_errors(doc), key=str)
        self.assertEqual([], ["%s: %s" % (list(e.path), e.message) for e in errors])

    def test_the_schemas_bite(self):
        doc = self.export()
        doc["events"][0]["start_date"] = "2024/05"
        doc["memberships"][0]["sources"] = [{"note": "no url"}]
        doc["extra"] = []
        errors = list(self.validator.iter_errors(doc))
        self.assertEqual(len(errors), 3, [e.message for e in errors])

    def test_ids_unique_and_references_resolve(self):
        doc = self.export()
        ids = [o["id"] for k in ("organizations", "persons", "memberships", "events")
               for o in doc[k]]
        self.assertEqual(len(ids), len(set(ids)))
        orgs = {o["id"]: o for o in doc["organizations"]}
        persons = {p["id"] for p in doc["persons"]}
        for o in doc["organizations"]:
            if "parent_id" in o:
                self.assertIn(o["parent_id"], orgs)
        for m in doc["memberships"]:
            self.assertIn(m["person_id"], persons)
            self.assertIn(m["organization_id"], orgs)
            if "on_behalf_of_id" in m:
                self.assertIn(m["on_behalf_of_id"], orgs)
        for e in doc["events"]:
            self.assertIn(e["organization_id"], orgs)

    def test_councils_people_memberships_events(self):
        doc = self.export()
        councils = [o for o in doc["organizations"] if o["id"].startswith("council/")]
        self.assertEqual(len(councils), 3)
        by_name = {o["name"]: o for o in doc["organizations"]}
        alytus = by_name["Alytaus miesto NVO taryba"]
        self.assertEqual(alytus["classification"], "NVO")
        self.assertEqual(by_name[[n for n in by_name if n.startswith("Kauno miesto s")][0]]
                         ["classification"], "municipality")
        self.assertEqual(orgs_name(doc, alytus["parent_id"]), "Alytaus miesto savivaldybė")
        members = clitest.view_rows(self.db, "SELECT * FROM members_overview")
        self.assertEqual(len(doc["memberships"]), len(members))
        # a person per registry person (people.c: name variants of one
        # person are one; the same full name in two councils, nothing
        # against it, one too)
        people = clitest.view_rows(self.db, "SELECT DISTINCT person_id FROM memberships_overview")
        self.assertEqual(len(doc["persons"]), len(people))
        ona = [p for p in doc["persons"] if p["name"] == "Ona Žukauskienė"]
        self.assertEqual(len(ona), 1)  # Kaunas and Klaipėda district: one full name
        kaunas_ona = [m for m in doc["memberships"]
                      if m["person_id"] in {p["id"] for p in ona}
                      and m["organization_id"] == councils_by_prefix(doc, "Kauno")]
        self.assertEqual(sorted(m["role"] for m in kaunas_ona), ["deputy", "member"])
        deputy = [m for m in kaunas_ona if m["role"] == "deputy"][0]
        self.assertEqual(deputy["start_date"], "2021-03")
        plain = [m for m in kaunas_ona if m["role"] == "member"][0]
        self.assertEqual(orgs_name(doc, plain["on_behalf_of_id"]), "asociacija „Baltijos žmogus“")
        n = len(clitest.view_rows(self.db, "SELECT * FROM meetings_overview")) + \
            len(clitest.view_rows(self.db, "SELECT * FROM events_overview"))
        self.assertEqual(len(doc["events"]), n)
        forum = [e for e in doc["events"] if e["name"] == "Forumas"][0]
        self.assertEqual((forum["start_date"], forum["end_date"]), ("2024-05", "2024-05"))

    def test_sources_are_the_documents(self):
        doc = self.export()
        docs = {d["path"]: d["sha256"] for d in
                clitest.view_rows(self.db, "SELECT path, sha256 FROM source_document")}
        seen = 0
        for k in ("organizations", "persons", "memberships", "events"):
            for o in doc[k]:
                for s in o.get("sources", []):
                    m = re.fullmatch(r"ni:///sha-256;([A-Za-z0-9_-]{43})", s["url"])
                    self.assertTrue(m, s["url"])
                    digest = base64.urlsafe_b64decode(m.group(1) + "=").hex()
                    path, hexdigest = re.fullmatch(r"(.*) \(SHA-256 ([0-9a-f]{64})\)",
                                                   s["note"]).groups()
                    self.assertEqual(digest, hexdigest)
                    self.assertEqual(docs[path], hexdigest)
                    seen += 1
        self.assertGreater(seen, 10)
        # every imported meeting and event has its source; one added by hand none
        imported = {"meeting/%d" % r["meeting_id"] for r in clitest.view_rows(
            self.db, "SELECT m.id AS meeting_id FROM meeting m WHERE source_id IS NOT NULL")}
        imported |= {"event/%d" % r["event_id"] for r in clitest.view_rows(
            self.db, "SELECT e.id AS event_id FROM event e WHERE source_id IS NOT NULL")}
        self.assertTrue(imported)
        for e in doc["events"]:
            self.assertEqual(bool(e["sources"]), e["id"] in imported, e["id"])

    def test_filter_and_stdout(self):
        r = self.council("export", "--format", "popolo", "--council", "alytaus")
        doc = json.loads(r.out)
        self.assertEqual([o["name"] for o in doc["organizations"]],
                         ["Alytaus miesto savivaldybė", "Alytaus miesto NVO taryba"])
        self.assertEqual([e["name"] for e in doc["events"]], ["Forumas"])
        self.assertEqual(doc["persons"], [])
        doc = self.export("--from", "2025")
        self.assertEqual(doc["events"], [])
        self.assertEqual(len([o for o in doc["organizations"] if o["id"].startswith("council/")]), 3)
        self.assertEqual([], [e.message for e in self.validator.iter_errors(doc)])


def orgs_name(doc, oid):
    return {o["id"]: o["name"] for o in doc["organizations"]}[oid]


def councils_by_prefix(doc, prefix):
    return [o["id"] for o in doc["organizations"]
            if o["id"].startswith("council/") and o["name"].startswith(prefix)][0]


if __name__ == "__main__":
    clitest.main()
