#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Crash safety: `council import` of 54 reports (the fixtures and variants
of them, each naming its own council) is killed with SIGKILL at a random
moment, again and again.  After every kill the database must pass PRAGMA
integrity_check and foreign_key_check, and every source document in it
must hold exactly the rows a clean import of that file alone gives it:
each file is fully present or absent, never partly, and every file the
tool printed as stored before the kill is there (a row is printed only once
its batch committed; batches of 1, 3, 7 and 100 files).  A final import
must then complete and agree with a clean import of everything.
usage: crash_kill.py COUNCIL_EXE [KILLS]"""
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import relutil as R  # noqa: E402


def main():
    exe = os.path.abspath(sys.argv[1])
    # Kills that must hit a running import; rounds whose import finished
    # before its kill do not count, and more rounds are run instead.
    kills = int(sys.argv[2]) if len(sys.argv) > 2 else 55
    seed = int(os.environ.get('COUNCIL_CRASH_SEED', time.time()))
    rng = random.Random(seed)
    tmp = tempfile.mkdtemp(prefix='council-crash-')
    problems = []
    try:
        files = R.make_reports(os.path.join(tmp, 'reports'))
        assert len(files) >= 40, len(files)

        # What each file stores when imported alone into an empty registry.
        expected = {}
        for f in files:
            db = os.path.join(tmp, 'alone.db')
            R.council(exe, db, '--quiet', 'import', f, check=True)
            expected[f] = R.per_source_counts(db)[f]
            for suffix in ('', '-wal', '-shm'):
                if os.path.exists(db + suffix):
                    os.remove(db + suffix)
        # A clean run of the whole batch: its duration bounds the kill times.
        full = os.path.join(tmp, 'full.db')
        t0 = time.monotonic()
        R.council(exe, full, '--quiet', 'import', *files, check=True)
        span = time.monotonic() - t0
        if R.per_source_counts(full) != expected:
            problems.append('a clean batch import differs from the files imported alone')

        db = os.path.join(tmp, 'crash.db')
        alive = partial = rounds = 0
        for i in range(kills * 3):
            if alive >= kills:
                break
            rounds += 1
            if i % 2 == 0:
                # Half the rounds start empty; the others go on from the
                # database the last kill left (recovery, then resumption).
                for suffix in ('', '-wal', '-shm'):
                    if os.path.exists(db + suffix):
                        os.remove(db + suffix)
            order = files[:]
            rng.shuffle(order)
            # Small batches, so kills land between commits too; the rows
            # printed before the kill are files the tool said were stored.
            batch = rng.choice(['1', '3', '7', '100'])
            p = subprocess.Popen([exe, '--db', db, '--format', 'csv', 'import',
                                  '--batch', batch] + order,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            time.sleep(rng.uniform(0.0, span * 0.75))
            p.send_signal(signal.SIGKILL)
            out, err = p.communicate()
            # The kill may cut the last row (and a character) short.
            lines = out.decode('utf-8', errors='replace').split('\n')[1:-1]
            reported = [line.split(',', 2)[0] for line in lines
                        if line.split(',', 2)[1:2] in (['stored'], ['unchanged'])]
            if p.returncode == -signal.SIGKILL:
                alive += 1
            elif p.returncode != 0:
                problems.append('round %d: import failed by itself: %s' % (i, err.decode()))
            if not os.path.exists(db):
                continue
            bad = R.integrity(db)
            if bad:
                problems.append('round %d: integrity: %s' % (i, bad[:5]))
                continue
            got = R.per_source_counts(db)
            for path in reported:
                if path not in got:
                    problems.append('round %d: %s was reported stored but is not '
                                    '(batch %s)' % (i, path, batch))
            for path, counts in got.items():
                if counts != expected.get(path):
                    problems.append('round %d: %s holds %s, alone it stores %s'
                                    % (i, path, counts, expected.get(path)))
            if 0 < len(got) < len(files):
                partial += 1
            if i % 10 == 9:
                # The library itself opens what the kill left.
                r = R.council(exe, db, 'info')
                if r.returncode != 0:
                    problems.append('round %d: council info: %s' % (i, r.stderr))
        # Finishing the interrupted work gives the same registry as one
        # clean run.
        R.council(exe, db, '--quiet', 'import', *files, check=True)
        if R.per_source_counts(db) != expected:
            problems.append('the resumed import differs from a clean one')
        print('crash: %d files, %d rounds, %d kills of a running import (%d left some files '
              'stored and others not), clean batch %.2f s, seed %d' %
              (len(files), rounds, alive, partial, span, seed))
        if alive < kills:
            problems.append('only %d of %d rounds killed a running import' % (alive, rounds))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for p in problems:
        print('FAIL:', p)
    print('%d passed, %d failed' % (0 if problems else 1, 1 if problems else 0))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
