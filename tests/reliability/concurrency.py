#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Concurrency: two writer processes and four readers work on one database
file for a bounded time (20 s by default), each step a separate `council`
process as a person or a script would run it.  Writers add members to a
council of their own, edit them (the latest edit must win), add events
with participant groups and import reports (each writer its own); readers
query, list, count and run SQL.  No command may fail and no "database is
locked" or "busy" may reach the user; at the end every write is there: the
members, their last edits, the events with their participants, and every
imported report with the rows it stores when imported alone.
usage: concurrency.py COUNCIL_EXE [SECONDS]"""
import os
import random
import shutil
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import relutil as R  # noqa: E402

READERS = 4


class Worker(threading.Thread):
    def __init__(self, exe, db, deadline, name):
        super().__init__(name=name)
        self.exe, self.db, self.deadline = exe, db, deadline
        self.problems, self.ops = [], 0

    def run_cmd(self, *args):
        r = R.council(self.exe, self.db, *args, timeout=60)
        self.ops += 1
        text = r.stderr.lower()
        if r.returncode != 0 or 'locked' in text or 'busy' in text:
            self.problems.append('%s: council %s: exit %d: %s'
                                 % (self.name, ' '.join(args), r.returncode, r.stderr.strip()))
            return None
        return r


class Writer(Worker):
    def __init__(self, exe, db, deadline, n, files):
        super().__init__(exe, db, deadline, 'writer%d' % n)
        self.n, self.files = n, files
        self.members = {}      # id -> last "represents" written
        self.events = {}       # id -> participants stated
        self.imported = []
        self.rng = random.Random(n)

    def run(self):
        r = self.run_cmd('council', 'add', '--name', 'Rašytojo %d taryba' % self.n)
        if not r:
            return
        self.council = int(r.stdout.strip())
        k = 0
        while time.monotonic() < self.deadline:
            k += 1
            r = self.run_cmd('member', 'add', '--council', str(self.council),
                             '--name', 'Narys %d-%d' % (self.n, k))
            if not r:
                continue
            mid = int(r.stdout.strip())
            self.members[mid] = None
            # Edit a member, new or earlier: the last value written must stay.
            target = self.rng.choice(list(self.members))
            value = 'organizacija %d-%d' % (self.n, k)
            if self.run_cmd('member', 'edit', str(target), '--represents', value):
                self.members[target] = value
            if k % 3 == 0:
                # An event with participant groups: several rows in one
                # atomic change.
                r = self.run_cmd('event', 'add', '--council', str(self.council), '--title',
                                 'Renginys %d-%d' % (self.n, k), '--date', '2024-05-%02d' % (k % 28 + 1),
                                 '--participants', str(k), '--participants', '3::svečiai')
                if r:
                    self.events[int(r.stdout.strip())] = k + 3
            if k % 4 == 0 and self.files:
                f = self.files.pop(0)
                if self.run_cmd('--quiet', 'import', f):
                    self.imported.append(f)


class Reader(Worker):
    QUERIES = [
        ('query', 'meetings'), ('member', 'list', '--limit', '50'), ('info',),
        ('sql', 'SELECT count(*) FROM member'), ('event', 'list', '--limit', '20'),
        ('query', 'participants'), ('council', 'list'), ('source', 'list'),
    ]

    def run(self):
        rng = random.Random(self.name)
        while time.monotonic() < self.deadline:
            self.run_cmd('--format', 'csv', *rng.choice(self.QUERIES))


def main():
    exe = os.path.abspath(sys.argv[1])
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 20.0
    tmp = tempfile.mkdtemp(prefix='council-conc-')
    problems = []
    try:
        files = R.make_reports(os.path.join(tmp, 'reports'))
        db = os.path.join(tmp, 'shared.db')
        R.council(exe, db, 'init', check=True)
        deadline = time.monotonic() + seconds
        writers = [Writer(exe, db, deadline, n, files[n::2]) for n in range(2)]
        readers = [Reader(exe, db, deadline, 'reader%d' % i) for i in range(READERS)]
        t0 = time.monotonic()
        for w in writers + readers:
            w.start()
        for w in writers + readers:
            w.join()
        took = time.monotonic() - t0
        for w in writers + readers:
            problems += w.problems

        # Nothing written is lost.
        for w in writers:
            if not hasattr(w, 'council'):
                continue
            r = R.council(exe, db, '--format', 'csv', 'sql',
                          'SELECT id, represents FROM member WHERE council_id = %d' % w.council,
                          check=True)
            rows = dict(line.split(',', 1) for line in r.stdout.splitlines()[1:])
            stored = {int(k): (v or None) for k, v in rows.items()}
            if stored != w.members:
                lost = set(w.members) - set(stored)
                wrong = [k for k in w.members if k in stored and stored[k] != w.members[k]]
                problems.append('%s: %d members lost, %d edits lost' % (w.name, len(lost),
                                                                           len(wrong)))
            r = R.council(exe, db, '--format', 'csv', 'sql',
                          'SELECT e.id, sum(p.count) FROM event e JOIN event_participants p '
                          'ON p.event_id = e.id WHERE e.council_id = %d GROUP BY e.id' % w.council,
                          check=True)
            stored = {int(a): int(b) for a, b in
                      (line.split(',') for line in r.stdout.splitlines()[1:])}
            if stored != w.events:
                problems.append('%s: events or their participants lost: %d of %d stored as written'
                                % (w.name, sum(stored.get(k) == v for k, v in w.events.items()),
                                   len(w.events)))
        got = R.per_source_counts(db)
        imported = [f for w in writers for f in w.imported]
        for f in imported:
            alone = os.path.join(tmp, 'alone.db')
            R.council(exe, alone, '--quiet', 'import', f, check=True)
            want = R.per_source_counts(alone)[f]
            for suffix in ('', '-wal', '-shm'):
                if os.path.exists(alone + suffix):
                    os.remove(alone + suffix)
            if got.get(f) != want:
                problems.append('%s: stored %s, alone %s' % (f, got.get(f), want))
        if set(got) != set(imported):
            problems.append('sources in the database differ from those imported')
        bad = R.integrity(db)
        if bad:
            problems.append('integrity: %s' % bad[:5])
        wops = sum(w.ops for w in writers)
        rops = sum(r.ops for r in readers)
        print('concurrency: %.1f s, 2 writers (%d commands: %d members added and edited, '
              '%d events, %d imports), %d readers (%d commands), %d failures' %
              (took, wops, sum(len(w.members) for w in writers),
               sum(len(w.events) for w in writers), len(imported), READERS, rops, len(problems)))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for p in problems[:20]:
        print('FAIL:', p)
    print('%d passed, %d failed' % (0 if problems else 1, 1 if problems else 0))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
