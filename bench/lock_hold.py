#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""How long a large import keeps other writers out.

Usage: lock_hold.py COUNCIL [DIR]

Makes, in DIR (default a temporary directory), the two largest loads the
importer takes -- a reviewed JSON extraction of 20,000 events of one year
and a text report of 4 MiB (the most a report may have) -- and imports
each with the council tool COUNCIL while another connection writes to the
same database every few milliseconds (BEGIN IMMEDIATE; an insert into a
table of its own; COMMIT), waiting as long as it takes.  Prints, per load,
the import's wall time and the longest and the median wait of that writer
for the write lock: the longest is how long the import held the lock in one
stretch (plus one commit).  A writer with SQLite's usual busy timeout gives
up after that timeout; the council tool's is 10 s.

Each load runs twice: stored into an empty registry, then a changed copy
of it stored over the first (the document's new version: every record
matched, most updated in place)."""
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time

COUNCIL = "Biržų rajono savivaldybės bendruomeninių organizacijų taryba"
MONTHS = ["sausio", "vasario", "kovo", "balandžio", "gegužės", "birželio", "liepos",
          "rugpjūčio", "rugsėjo", "spalio", "lapkričio", "gruodžio"]


def make_json(path, shift):
    events = []
    for i in range(20000):
        m, d = 1 + i % 12, 1 + (i // 12) % 28
        events.append({"title": "Renginys nr. %d" % i, "date": "2021-%02d-%02d" % (m, d),
                       "kind": "seminar", "participants": [{"count": 10 + (i + shift) % 50}]})
    doc = {"format": "libcouncil-extraction/1",
           "source": {"kind": "annual_report", "report_year": 2021},
           "council": {"name": COUNCIL, "kind": "BO"}, "events": events}
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False)


def make_text(path, shift):
    lines = ["%s 2021 metų veiklos ataskaita" % COUNCIL, ""]
    size, i = 0, 0
    while True:
        line = ("2021 m. %s %d d. Taryba surengė seminarą „Bendruomenių stiprinimas %d“, "
                "jame dalyvavo %d tarybos nariai." % (MONTHS[i % 12], 1 + (i // 12) % 28, i,
                                                      5 + (i + shift) % 30))
        size += len(line.encode()) + 2
        if size > 4 * 1024 * 1024 - 4096:
            break
        lines += [line, ""]
        i += 1
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


class Writer(threading.Thread):
    """Writes to db every few milliseconds, noting how long each write waited."""

    def __init__(self, db):
        super().__init__(daemon=True)
        self.db, self.waits, self.stop = db, [], threading.Event()

    def run(self):
        con = sqlite3.connect(self.db, timeout=600, isolation_level=None)
        con.execute("CREATE TABLE IF NOT EXISTS bench_writer(t REAL)")
        while not self.stop.is_set():
            t0 = time.monotonic()
            con.execute("BEGIN IMMEDIATE")
            con.execute("INSERT INTO bench_writer VALUES (?)", (t0,))
            con.execute("COMMIT")
            self.waits.append(time.monotonic() - t0)
            time.sleep(0.005)
        con.close()


def run(council, db, path):
    w = Writer(db)
    w.start()
    time.sleep(0.05)
    t0 = time.monotonic()
    p = subprocess.run([council, "--db", db, "--quiet", "import", path],
                       capture_output=True, text=True)
    wall = time.monotonic() - t0
    w.stop.set()
    w.join()
    if p.returncode != 0:
        sys.exit("%s: %s" % (path, p.stderr.strip()))
    return wall, max(w.waits), statistics.median(w.waits)


def main(argv):
    if len(argv) < 2:
        sys.stderr.write(__doc__)
        return 2
    council = os.path.abspath(argv[1])
    work = argv[2] if len(argv) > 2 else tempfile.mkdtemp(prefix="lock-hold-")
    os.makedirs(work, exist_ok=True)
    print("| load | import wall | longest writer wait | median wait |")
    print("|---|---|---|---|")
    for name, make in (("reviewed JSON, 20,000 events", make_json),
                       ("text report, 4 MiB", make_text)):
        db = os.path.join(work, "lock.db")
        if os.path.exists(db):
            os.remove(db)
        subprocess.run([council, "--db", db, "init"], check=True, capture_output=True)
        path = os.path.join(work, "load" + (".json" if make is make_json else ".txt"))
        for version, shift in (("new", 0), ("new version over it", 7)):
            make(path, shift)
            wall, longest, median = run(council, db, path)
            print("| %s, %s | %.2f s | %.2f s | %.3f s |" % (name, version, wall, longest, median))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
