#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""New database files respect the user's umask and are never
world-writable, whatever the umask: `council init` (and a first write that
creates the database) under umasks 000, 002, 022, 027 and 077, both at a
path given with --db and at the default path under $XDG_DATA_HOME, whose
new directories must be private (0700 less the umask).  The WAL and
shared-memory files SQLite adds while the database is open get the
database's own mode.
usage: file_modes.py COUNCIL_EXE"""
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile

REPORT = os.path.join(os.environ.get('COUNCIL_SOURCE_ROOT') or
                      os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                      'tests', 'fixtures', 'reports', 'pagegiu-2024-annual.txt')


def run(exe, umask, args, env=None):
    e = dict(os.environ)
    e.pop('COUNCIL_DB', None)
    e.update(env or {})
    return subprocess.run([exe] + args, capture_output=True, text=True, env=e,
                          preexec_fn=lambda: os.umask(umask))


def mode(p):
    return stat.S_IMODE(os.stat(p).st_mode)


def main():
    exe = os.path.abspath(sys.argv[1])
    tmp = tempfile.mkdtemp(prefix='council-modes-')
    problems = []
    try:
        for umask in (0o000, 0o002, 0o022, 0o027, 0o077):
            d = os.path.join(tmp, '%03o' % umask)
            os.mkdir(d)
            for how, args, path in (
                    ('init', ['--db', os.path.join(d, 'init.db'), 'init'], os.path.join(d, 'init.db')),
                    ('import', ['--db', os.path.join(d, 'imp.db'), '--quiet', 'import', REPORT],
                     os.path.join(d, 'imp.db'))):
                r = run(exe, umask, args)
                if r.returncode != 0:
                    problems.append('umask %03o: %s failed: %s' % (umask, how, r.stderr))
                    continue
                m = mode(path)
                if m & stat.S_IWOTH:
                    problems.append('umask %03o: %s: %s is world-writable (%04o)' % (umask, how, path, m))
                if m & umask:
                    problems.append('umask %03o: %s: %s has mode %04o, ignoring the umask'
                                    % (umask, how, path, m))
            # The WAL and -shm files: hold the database open from another
            # connection so they stay, then write through the tool.
            db = os.path.join(d, 'init.db')
            holder = sqlite3.connect(db)
            holder.execute('SELECT count(*) FROM council').fetchone()
            r = run(exe, umask, ['--db', db, '--quiet', 'council', 'add', '--name', 'Taryba'])
            for suffix in ('-wal', '-shm'):
                if os.path.exists(db + suffix) and mode(db + suffix) & (stat.S_IWOTH | umask):
                    problems.append('umask %03o: %s%s has mode %04o' % (umask, db, suffix,
                                                                        mode(db + suffix)))
            holder.close()
            # The default path: directories made on the way are private.
            xdg = os.path.join(d, 'xdg')
            r = run(exe, umask, ['init'], env={'XDG_DATA_HOME': xdg})
            dflt = os.path.join(xdg, 'council', 'council.db')
            if r.returncode != 0 or not os.path.exists(dflt):
                problems.append('umask %03o: init at the default path failed: %s' % (umask, r.stderr))
                continue
            for p in (xdg, os.path.dirname(dflt)):
                if mode(p) & ~0o700 & 0o777 or mode(p) & umask:
                    problems.append('umask %03o: directory %s has mode %04o' % (umask, p, mode(p)))
            if mode(dflt) & (stat.S_IWOTH | umask):
                problems.append('umask %03o: %s has mode %04o' % (umask, dflt, mode(dflt)))
            print('umask %03o: --db file %04o, default file %04o, its directory %04o'
                  % (umask, mode(db), mode(dflt), mode(os.path.dirname(dflt))))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for p in problems:
        print('FAIL:', p)
    print('%d passed, %d failed' % (0 if problems else 1, 1 if problems else 0))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
