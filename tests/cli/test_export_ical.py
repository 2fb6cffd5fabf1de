#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""`council export --format ical`, read by a real parser (python3-icalendar):
one VEVENT per meeting and event with the properties RFC 5545 requires;
lines of at most 75 octets, CRLF, folded between UTF-8 characters; TEXT
escapes that round-trip; the documented rule for dates known only to the
month or year; UIDs stable between exports; the --council filter; standard
output without --out.  Exits 77 (meson: skipped) when no python3 with the
icalendar module is installed."""
import datetime
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clitest  # noqa: E402

clitest.require_modules("icalendar")
import icalendar  # noqa: E402

from clitest import CouncilTest, EXIT_USAGE, EXIT_INVALID  # noqa: E402
from test_export import build_registry  # noqa: E402

LONG = ("Labai ilgas seminaro pavadinimas apie bendruomenių ąžuolų šakų žievę, "
        "čiobrelius; ir kt. \\ ženklai, kad eilutė būtų lankstoma per ūžiančias "
        "ėęįųū raides\nantra eilutė")


class IcalExport(CouncilTest):
    def setUp(self):
        super().setUp()
        build_registry(self)
        self.long = self.add("event", "add", "--council", "kauno", "--title", LONG,
                             "--date", "2024-03", "--participants", "16:at_least")
        self.span = self.add("event", "add", "--council", "klaipedos", "--title", "Dvi dienos",
                             "--date", "2024-05-16..2024-05-17", "--location", "Kuldyga")
        self.year = self.add("event", "add", "--council", "klaipedos", "--title", "Metai",
                             "--date", "2022")

    def export(self, *args):
        path = os.path.join(self.tmp, "out.ics")
        self.council("export", "--format", "ical", "--out", path, *args)
        with open(path, "rb") as f:
            return f.read()

    def events(self, raw):
        cal = icalendar.Calendar.from_ical(raw)
        return {str(e["UID"]): e for e in cal.walk("VEVENT")}

    def test_parses_with_every_meeting_and_event(self):
        raw = self.export()
        cal = icalendar.Calendar.from_ical(raw)
        self.assertEqual(str(cal["VERSION"]), "2.0")
        self.assertTrue(str(cal["PRODID"]))
        events = self.events(raw)
        n_meetings = len(clitest.view_rows(self.db, "SELECT * FROM meetings_overview"))
        n_events = len(clitest.view_rows(self.db, "SELECT * FROM events_overview"))
        self.assertEqual(len(events), n_meetings + n_events)
        for uid, e in events.items():
            for prop in ("DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
                self.assertIn(prop, e, uid)
            self.assertRegex(uid, r"^(meeting|event)-\d+@libcouncil\.invalid$")
            self.assertIsInstance(e.decoded("DTSTART"), datetime.date)
            self.assertLess(e.decoded("DTSTART"), e.decoded("DTEND"))

    def test_lines_folded_at_75_octets_between_characters(self):
        raw = self.export()
        self.assertTrue(raw.endswith(b"\r\n"))
        lines = raw.split(b"\r\n")[:-1]
        self.assertNotIn(b"\n", b"".join(lines), "bare LF")
        folded = 0
        for line in lines:
            self.assertLessEqual(len(line), 75, line)
            line.decode("utf-8")  # no character split across lines
            folded += line.startswith(b" ")
        self.assertGreater(folded, 5)
        e = self.events(raw)["event-%d@libcouncil.invalid" % self.long]
        self.assertEqual(str(e["SUMMARY"]), LONG)

    def test_partial_dates_follow_the_rule(self):
        events = self.events(self.export())
        month = events["event-%d@libcouncil.invalid" % self.long]
        self.assertEqual(month.decoded("DTSTART"), datetime.date(2024, 3, 1))
        self.assertEqual(month.decoded("DTEND"), datetime.date(2024, 3, 2))
        self.assertEqual(str(month["X-LIBCOUNCIL-DATE-PRECISION"]), "MONTH")
        self.assertIn("Date known to the month: 2024-03", str(month["DESCRIPTION"]))
        self.assertIn("Participants: at least 16", str(month["DESCRIPTION"]))
        year = events["event-%d@libcouncil.invalid" % self.year]
        self.assertEqual(year.decoded("DTSTART"), datetime.date(2022, 1, 1))
        self.assertEqual(str(year["X-LIBCOUNCIL-DATE-PRECISION"]), "YEAR")
        self.assertIn("Date known to the year: 2022", str(year["DESCRIPTION"]))
        span = events["event-%d@libcouncil.invalid" % self.span]
        self.assertEqual(span.decoded("DTSTART"), datetime.date(2024, 5, 16))
        self.assertEqual(span.decoded("DTEND"), datetime.date(2024, 5, 18))
        self.assertNotIn("X-LIBCOUNCIL-DATE-PRECISION", span)
        self.assertEqual(str(span["LOCATION"]), "Kuldyga")

    def test_sources_named_in_description(self):
        events = self.events(self.export())
        with_source = [e for e in events.values() if "SHA-256" in str(e["DESCRIPTION"])]
        self.assertTrue(with_source)
        for e in with_source:
            self.assertRegex(str(e["DESCRIPTION"]), r"Source: .*\.txt \(SHA-256 [0-9a-f]{64}\)")

    def test_uids_stable_and_unique(self):
        first = self.export("--uid-domain", "registry.example.lt")
        second = self.export("--uid-domain", "registry.example.lt")
        uids = [str(e["UID"]) for e in icalendar.Calendar.from_ical(first).walk("VEVENT")]
        self.assertEqual(len(uids), len(set(uids)))
        self.assertTrue(all(u.endswith("@registry.example.lt") for u in uids))
        self.assertEqual(uids, [str(e["UID"]) for e in
                                icalendar.Calendar.from_ical(second).walk("VEVENT")])
        self.council("export", "--format", "ical", "--uid-domain", "bad domain;x",
                     expect=EXIT_INVALID)

    def test_council_filter_and_stdout(self):
        r = self.council("export", "--format", "ical", "--council", "klaipedos", "--from", "2024")
        cal = icalendar.Calendar.from_ical(r.out.encode("utf-8"))
        self.assertTrue(str(cal["X-WR-CALNAME"]).startswith("Klaipėdos"))
        events = list(cal.walk("VEVENT"))
        self.assertTrue(events)
        for e in events:
            self.assertTrue(str(e["DESCRIPTION"]).startswith("Klaipėdos"))
            self.assertGreaterEqual(e.decoded("DTSTART").year, 2024)

    def test_format_name_checked(self):
        r = self.council("export", "--format", "ics", expect=EXIT_USAGE)
        self.assertIn("ical", r.err)


if __name__ == "__main__":
    clitest.main()
