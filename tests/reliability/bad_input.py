#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Bad input, nothing lost: a table of bad inputs to the `council` tool.
For each: the exit status is the documented one (council --help: 1 a file
of an import failed, 2 usage, 3 not found, 4 invalid data, 5 database or
I/O), never a signal; stderr says "council: ..." and names the file,
field or value at fault; and the database is unchanged, row for row (or
byte for byte where the tool must not even open it for writing).  Inputs
that are odd but legitimate (quotes, semicolons, SQL words in a name) must
be stored literally, changing exactly one row.
usage: bad_input.py COUNCIL_EXE [--markdown]   (--markdown prints the table
for doc/reliability.md)"""
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import relutil as R  # noqa: E402

KAUNO = os.path.join(R.REPORTS, 'kauno-m-2021-annual.txt')
MARIJAMPOLE = os.path.join(R.REPORTS, 'marijampoles-2023-annual.txt')
TITLE = 'Kauno miesto savivaldybės bendruomeninių organizacijų taryba\n\n'
# Reading as root ignores permission bits; without CAP_DAC_OVERRIDE (and
# CAP_DAC_READ_SEARCH) they apply to root too.  setpriv drops them from
# the bounding set, so the tool runs as root but honours chmod.
DROP_DAC = ['setpriv', '--bounding-set=-dac_override,-dac_read_search']


class Env:
    """A scratch directory with a registry holding one imported report."""

    def __init__(self, exe):
        self.exe = exe
        self.dir = tempfile.mkdtemp(prefix='council-bad-')
        self.base = os.path.join(self.dir, 'base.db')
        R.council(exe, self.base, '--quiet', 'import', KAUNO, check=True)
        R.council(exe, self.base, '--quiet', 'council', 'add', '--name', 'Rankinė taryba',
                  check=True)
        self.mounts = []
        dry = R.council(exe, self.base, 'import', '--dry-run', MARIJAMPOLE, check=True)
        self.extraction = json.loads(dry.stdout)

    def path(self, name):
        return os.path.join(self.dir, name)

    def write(self, name, data):
        p = self.path(name)
        with open(p, 'wb') as f:
            f.write(data.encode('utf-8') if isinstance(data, str) else data)
        return p

    def json(self, name, edit):
        d = json.loads(json.dumps(self.extraction))
        edit(d)
        return self.write(name, json.dumps(d, ensure_ascii=False))

    def document(self, name, edit):
        """A JSON extraction that is a document of its own (no source path)."""
        def both(d):
            d.pop('source', None)
            edit(d)
        return self.json(name, both)

    def fresh_db(self, name='case.db'):
        p = self.path(name)
        for suffix in ('', '-wal', '-shm'):
            if os.path.exists(p + suffix):
                os.remove(p + suffix)
        shutil.copy(self.base, p)
        return p

    def cleanup(self):
        for m in reversed(self.mounts):
            subprocess.run(['umount', '-l', m], capture_output=True)
        subprocess.run(['chmod', '-R', 'u+rwx', self.dir], capture_output=True)
        shutil.rmtree(self.dir, ignore_errors=True)


# ---- database states --------------------------------------------------------

def db_truncated(env):
    p = env.fresh_db()
    size = os.path.getsize(p)
    with open(p, 'r+b') as f:
        f.truncate(size // 2 + 100)
    return p


def db_corrupt(env):
    # Overwrite every page after the first with garbage: the header still
    # says "SQLite", the tables do not.
    p = env.fresh_db()
    size = os.path.getsize(p)
    with open(p, 'r+b') as f:
        f.seek(4096)
        f.write(b'\x55' * (size - 4096))
    return p


def db_text(env):
    return env.write('notes.db', 'Tai ne duomenų bazė, o užrašai.\n' * 200)


def db_pragma(sql):
    def make(env):
        p = env.fresh_db()
        con = sqlite3.connect(p)
        con.execute(sql)
        con.commit()
        con.execute('PRAGMA journal_mode = DELETE')
        con.close()
        return p
    return make


def db_foreign(env):
    p = env.path('foreign.db')
    con = sqlite3.connect(p)
    con.execute('CREATE TABLE notes(text)')
    con.execute("INSERT INTO notes VALUES ('kita programa')")
    con.commit()
    con.close()
    return p


def db_readonly(env):
    p = env.fresh_db()
    os.chmod(p, 0o444)
    return p


def db_full(env):
    """The registry on a file system with no room left: a small tmpfs
    filled up.  Returns (path, how) or None when no way is available."""
    mnt = env.path('full')
    os.mkdir(mnt)
    r = subprocess.run(['mount', '-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mnt],
                       capture_output=True)
    if r.returncode != 0:
        return None
    env.mounts.append(mnt)
    p = os.path.join(mnt, 'full.db')
    shutil.copy(env.base, p)
    fd = os.open(os.path.join(mnt, 'filler'), os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while os.write(fd, b'\0' * 4096) > 0:
            pass
    except OSError:
        pass
    # Leave room for opening (the 32 KiB -shm index and a WAL header), not
    # for the rows: the write fails inside the import's transaction.
    os.ftruncate(fd, max(0, os.fstat(fd).st_size - (48 << 10)))
    os.close(fd)
    return p


# ---- the table ---------------------------------------------------------------
# Each case: what it is, how to make its inputs (returns the argument list
# after --db DB, and optionally the database to use), the exit status, the
# fragments stderr must contain, and how the database must be afterwards:
# 'rows' (row for row as before), 'bytes' (byte for byte), or
# ('literal', table, column, value) (exactly one new row, holding value).

def imp(*files):
    return ['import'] + list(files)


def db_other_plan(env):
    """The registry and a 2023-2025 plan of the council added by hand, with
    one measure (its id in env.other_measure)."""
    p = env.path('plan.db')
    shutil.copy(env.base, p)
    plan = R.council(env.exe, p, 'plan', 'add', '--council', 'Rankinė', '--title', 'Planas',
                     '--year-from', '2023', '--year-to', '2025', check=True).stdout.strip()
    env.other_measure = R.council(env.exe, p, 'measure', 'add', '--plan', plan, '--seq', '1',
                                  '--name', 'Mokymai', check=True).stdout.strip()
    return p


def db_with_figure(env):
    """The registry and a document stating 3 meetings in 2023 for Marijampolė."""
    p = env.path('figure.db')
    shutil.copy(env.base, p)
    R.council(env.exe, p, 'import', env.document('a.json', lambda d: d.update(
        figures=[{'year': 2023, 'metric': 'meetings', 'value': 3}])), check=True)
    return p


def twice(key, first, second):
    """An edit listing two records under key."""
    return lambda d: d.update({key: [first, second]})


# One line of 50 MiB: a title, then a phrase the parsers all look at.
HUGE = (TITLE.replace('\n', ' ') + 'dalyvavo 5 nariai; ' * 2800000).encode()[:50 << 20]
LONG_NAME = 'Vardenis ' + 'Pavardenis' * 40
SQL_NAME = "Robert'); DROP TABLE member; --"
QUOTE_NAME = 'Ona „Onutė“ O\'Brien "Jr."; SELECT * FROM council'

CASES = [
    ('empty file', lambda e: imp(e.write('empty.txt', '')), 1, ['empty.txt', 'empty file'], 'rows'),
    ('binary file', lambda e: imp(e.write('random.txt', bytes(range(256)) * 64)), 1,
     ['random.txt', 'expected UTF-8'], 'rows'),
    ('invalid UTF-8', lambda e: imp(e.write('latin1.txt', TITLE.encode() + b'Tarybos pos\xe9dis\n')), 1,
     ['latin1.txt:3', 'invalid UTF-8'], 'rows'),
    ('NUL bytes', lambda e: imp(e.write('nul.txt', TITLE.encode() + b'posedis\0\0\n')), 1,
     ['nul.txt:3', 'NUL byte'], 'rows'),
    ('50 MB single line', lambda e: imp(e.write('huge.txt', HUGE)), 1,
     ['huge.txt', '52428800 bytes', 'larger than'], 'rows'),
    ('50 MB single line, dry run', lambda e: ['import', '--dry-run', e.write('huge2.txt', HUGE)], 1,
     ['huge2.txt', '52428800 bytes', 'larger than'], 'rows'),
    ('a directory instead of a file', lambda e: imp(e.dir), 1, ['not a regular file'], 'rows'),
    ('missing file', lambda e: imp(e.path('nowhere.txt')), 1, ['nowhere.txt', 'No such file'], 'rows'),
    ('unreadable file (chmod 000)', 'unreadable', 1, ['secret.txt', 'Permission denied'], 'rows'),
    ('a FIFO instead of a file', 'fifo', 1, ['pipe.txt', 'not a regular file'], 'rows'),
    ('report in English', lambda e: imp(e.write('english.txt',
        'Annual report of the Kaunas city council of community organisations, 2021.\n\n'
        'The council met 3 times; 25 people attended the seminar on 12 May 2021.\n')), 1,
     ['english.txt:1', 'no council named'], 'rows'),
    ('report in Polish', lambda e: imp(e.write('polski.txt',
        'Sprawozdanie z działalności Rady Organizacji Pozarządowych Miasta Krakowa za 2021 r.\n\n'
        'W 2021 r. odbyły się 3 posiedzenia Rady; w seminarium wzięło udział 25 osób.\n')), 1,
     ['polski.txt:1', 'no council named'], 'rows'),
    ('report with only an impossible date', lambda e: imp(e.write('date.txt', TITLE.replace(
        'taryba', 'tarybos 2021 metų veiklos ataskaita') + '2021 m. vasario 30 d. įvyko posėdis.\n')),
     0, [], ('absent', '2021-02-30')),
    ('JSON: wrong format version', lambda e: imp(e.json('v2.json', lambda d: d.update(
        format='libcouncil-extraction/2'))), 1, ['v2.json', 'libcouncil-extraction/2'], 'rows'),
    ('JSON: no format member', lambda e: imp(e.json('noformat.json', lambda d: d.pop('format'))), 1,
     ['noformat.json', 'format'], 'rows'),
    ('JSON: council name missing', lambda e: imp(e.json('noname.json', lambda d: d['council'].pop('name'))), 1,
     ['noname.json', 'council.name'], 'rows'),
    ('JSON: meeting dated 2024-02-30', lambda e: imp(e.json('baddate.json', lambda d: d['meetings'][0].update(
        date='2024-02-30'))), 1, ['baddate.json', 'meetings[0]', '2024-02-30'], 'rows'),
    ('JSON: negative participant count', lambda e: imp(e.json('negative.json', lambda d: next(
        x for x in d['events'] if x['participants'])['participants'][0].update(count=-5))), 1,
     ['negative.json', 'participants', '-5'], 'rows'),
    ('JSON: absurd participant count', lambda e: imp(e.json('absurd.json', lambda d: next(
        x for x in d['events'] if x['participants'])['participants'][0].update(count=10 ** 12))), 1,
     ['absurd.json', 'participants', '1000000000000'], 'rows'),
    ('JSON: truncated', lambda e: imp(e.write('cut.json', json.dumps(e.extraction)[:700])), 1,
     ['cut.json'], 'rows'),
    ('JSON: plan of the wrong type', lambda e: imp(e.json('plan42.json', lambda d: d.update(plan=42))), 1,
     ['plan42.json', 'plan: expected an object, got a number'], 'rows'),
    ('JSON: source of the wrong type', lambda e: imp(e.json('source.json', lambda d: d.update(source='x'))), 1,
     ['source.json', 'source: expected an object, got a string'], 'rows'),
    ('JSON: event linked to a missing measure', lambda e: imp(e.json('link.json', lambda d: d['events'][0].update(
        measures=[99999]))), 1, ['link.json', 'events[0].measures[0]: no measure with seq 99999'], 'rows'),
    ('JSON: an id of no record of the council', lambda e: imp(e.json('id.json', lambda d: d['events'][0].update(
        id=99999))), 1, ['id.json', 'events[0].id: no event 99999 of council'], 'rows'),
    ('JSON: an id that is no id', lambda e: imp(e.json('id0.json', lambda d: d['members'][0].update(
        id=0))), 1, ['id0.json', 'members[0].id: 0 is out of range 1..'], 'rows'),
    ('JSON: two measures with one number', lambda e: imp(e.json('seq.json', lambda d: d.update(
        plan={'title': 'Planas'}, measures=[{'seq': 2, 'name': 'A'}, {'seq': 2, 'name': 'B'}]))), 1,
     ['seq.json', 'measures[1].seq: 2 is used twice (measures[0])'], 'rows'),
    ('JSON: a misspelt member', lambda e: imp(e.json('typo.json', lambda d: d['events'][0].update(
        participnats=[]))), 1, ['typo.json', 'events[0].participnats: unknown member'], 'rows'),
    ('JSON: larger than 64 MiB', lambda e: imp(e.write('huge.json', '{' + ' ' * (64 << 20))), 1,
     ['huge.json', '67108865 bytes: larger than an extraction may be (67108864)'], 'rows'),
    # Duplicates and contradictions (issue 10): refused where they cannot be
    # true, merged and warned about where one record is meant.
    ('JSON: fulfilment for a year outside the plan\'s', lambda e: imp(e.json('late.json', lambda d: d.update(
        plan={'title': 'Planas', 'year_from': 2020, 'year_to': 2022},
        measures=[{'seq': 1, 'name': 'Mokymai', 'fulfilment': 'Įvykdyta.'}]))), 1,
     ['late.json', 'measures[0].fulfilment', 'year 2023 is outside the plan\'s years 2020..2022'],
     'rows'),
    ('fulfilment for a year outside the plan\'s', (db_other_plan, lambda e: [
        'measure', 'fulfil', e.other_measure, '--year', '2026', '--text', 'Įvykdyta.']), 4,
     ['fulfilment.year', '2026', 'outside plan'], 'rows'),
    ('an event linked to another council\'s measure', (db_other_plan, lambda e: [
        'event', 'add', '--council', 'kauno', '--title', 'X', '--date', '2024',
        '--measure', e.other_measure]), 4, ['event.measure_ids[0]', 'council'], 'rows'),
    ('JSON: the same member twice, roles differ', lambda e: imp(e.document('member2.json', twice(
        'members', {'name': 'Ona Onaitė', 'role': 'chair'}, {'name': 'Ona Onaitė', 'role': 'member'}))),
     0, ['named twice, as chair and as member'],
     ('count', "SELECT count(*) FROM member WHERE name = 'Ona Onaitė' AND role = 'chair'", 1,
      'one member, the first role')),
    ('JSON: the same meeting date twice', lambda e: imp(e.document('meeting2.json', twice(
        'meetings', {'date': '2023-03-01'}, {'date': '2023-03-01', 'format': 'remote'}))),
     0, ['2023-03-01 stated twice'],
     ('count', "SELECT count(*) FROM meeting WHERE date_start = '2023-03-01'", 1, 'one meeting')),
    ('JSON: two values for one figure', lambda e: imp(e.document('figure2.json', twice(
        'figures', {'year': 2023, 'metric': 'meetings', 'value': 3},
        {'year': 2023, 'metric': 'meetings', 'value': 4}))),
     0, ['meetings 2023 stated twice, 3 and 4'],
     ('count', "SELECT count(*) FROM reported_figure WHERE year = 2023 AND metric = 'meetings'", 1,
      'one figure, the first')),
    ('two documents, different figures', (db_with_figure, lambda e: imp(e.document(
        'b.json', lambda d: d.update(figures=[{'year': 2023, 'metric': 'meetings', 'value': 4}])))),
     0, ['meetings 2023 is 4 here and 3 in', 'both kept'],
     ('count', 'SELECT count(*) FROM figure_conflicts', 2,
      'both kept, each with its source (view figure_conflicts)')),
    ('JSON: the same act twice', lambda e: imp(e.document('act2.json', twice(
        'acts', {'number': 'T-9'}, {'number': 'T-9', 'date': '2020-01-01'}))),
     0, ['T-9: stated twice'],
     ('count', "SELECT count(*) FROM legal_act WHERE number = 'T-9'", 1, 'one act')),
    ('JSON: council size against its seats', lambda e: imp(e.document('size.json', lambda d: d[
        'council'].update(size=15, seats_municipality=7, seats_community=7))),
     0, ['council.size: 15 differs from its seats, 7 + 7 = 14'],
     ('count', 'SELECT count(*) FROM council WHERE size = 15', 1, 'stored as stated')),
    ('date 2024-02-30', lambda e: ['meeting', 'add', '--council', 'kauno', '--date', '2024-02-30'], 2,
     ['--date', '2024-02-30'], 'rows'),
    ('date 2024-13-01', lambda e: ['meeting', 'add', '--council', 'kauno', '--date', '2024-13-01'], 2,
     ['--date', '2024-13-01'], 'rows'),
    ('range ending before it starts', lambda e: ['event', 'add', '--council', 'kauno', '--title', 'X',
                                                 '--date', '2024-05-17..2024-05-16'], 2,
     ['--date', '2024-05-17..2024-05-16'], 'rows'),
    ('negative participant count', lambda e: ['event', 'add', '--council', 'kauno', '--title', 'X',
                                              '--date', '2024-05-16', '--participants', '-5'], 2,
     ['--participants', '-5'], 'rows'),
    ('absurd participant count', lambda e: ['event', 'add', '--council', 'kauno', '--title', 'X',
                                            '--date', '2024-05-16', '--participants', '5000000'], 4,
     ['participants.count', '5000000'], 'rows'),
    ('participant count past 64 bits', lambda e: ['event', 'add', '--council', 'kauno', '--title', 'X',
                                                  '--date', '2024', '--participants',
                                                  '99999999999999999999'], 2,
     ['--participants', '99999999999999999999'], 'rows'),
    ('negative figure', lambda e: ['figure', 'add', '--council', 'kauno', '--year', '2021',
                                   '--metric', 'meetings', '--value', '-3'], 2, ['--value', '-3'], 'rows'),
    ('over-long name', lambda e: ['member', 'add', '--council', 'kauno', '--name', LONG_NAME], 4,
     ['member.name', 'longer than'], 'rows'),
    ('name not UTF-8', lambda e: ['member', 'add', '--council', 'kauno', '--name',
                                  os.fsdecode(b'Jon\xe1s')], 4, ['member.name', 'UTF-8'], 'rows'),
    ('existing council name typed in NFD', lambda e: ['council', 'add', '--name',
                                                       unicodedata.normalize('NFD', 'Rankinė taryba')], 4,
     ['council.name', 'already exists'], 'rows'),
    ('unknown role', lambda e: ['member', 'add', '--council', 'kauno', '--name', 'Jonas', '--role',
                                'president'], 2, ['--role', 'president', 'chair'], 'rows'),
    ('no such council', lambda e: ['member', 'add', '--council', 'vilniaus', '--name', 'Jonas'], 3,
     ['vilniaus'], 'rows'),
    ('no such record', lambda e: ['member', 'edit', '999999', '--name', 'Jonas'], 3, ['999999'], 'rows'),
    ('name with SQL', lambda e: ['member', 'add', '--council', 'kauno', '--name', SQL_NAME], 0, [],
     ('literal', 'member', 'name', SQL_NAME)),
    ('name with quotes and SQL words', lambda e: ['council', 'add', '--name', QUOTE_NAME], 0, [],
     ('literal', 'council', 'name', QUOTE_NAME)),
    ('SQL that writes', lambda e: ['sql', 'DELETE FROM member'], 5, ['would change the database'],
     'rows'),
    ('restore: a record not written TYPE:ID', lambda e: ['restore', 'event12'], 2,
     ['event12', 'TYPE:ID'], 'rows'),
    ('restore: no removal of it recorded', lambda e: ['restore', 'event:999999'], 3,
     ['event 999999', 'no removal'], 'rows'),
    ('restore: the record exists', lambda e: ['restore', 'council:1'], 4,
     ['council 1 exists'], 'rows'),
    ('truncated database', (db_truncated, lambda e: imp(MARIJAMPOLE)), 5, ['case.db'], 'bytes'),
    ('corrupt database', (db_corrupt, lambda e: ['member', 'add', '--council', '1', '--name', 'Jonas']),
     5, ['case.db'], 'bytes'),
    ('a text file as the database', (db_text, lambda e: ['info']), 5, ['notes.db', 'not a database'],
     'bytes'),
    ('another program\'s database', (db_foreign, lambda e: imp(KAUNO)), 5,
     ['foreign.db', 'not a libcouncil database'], 'bytes'),
    ('database of a newer schema', (db_pragma('PRAGMA user_version = 99'), lambda e: imp(KAUNO)), 5,
     ['case.db', 'newer'], 'bytes'),
    ('database of another application id', (db_pragma('PRAGMA application_id = 42'),
                                            lambda e: ['info']), 5, ['case.db', 'application_id'], 'bytes'),
    ('read-only database (chmod 444)', 'readonly', 1, ['marijampoles', 'readonly database'], 'bytes'),
    ('database on a full disk', 'full', 1, ['marijampoles', 'full'], 'rows'),
    ('no database there (read command)', (lambda e: e.path('missing/none.db'), lambda e: ['info']), 3,
     ['none.db', 'no database'], 'absent'),
    ('a directory as the database', (lambda e: e.dir, lambda e: ['member', 'list']), 5, [], 'none'),
]


def run_case(env, case):
    """Returns (problems, exit status, first stderr line, unchanged?)."""
    name, make, want_rc, fragments, mode = case
    problems = []
    db = env.fresh_db()
    prefix = []
    if make == 'unreadable':
        f = env.write('secret.txt', open(KAUNO, 'rb').read())
        os.chmod(f, 0)
        args = imp(f)
        if os.geteuid() == 0:
            if not shutil.which('setpriv'):
                return None
            prefix = DROP_DAC
    elif make == 'fifo':
        f = env.path('pipe.txt')
        os.mkfifo(f)
        args = imp(f)
    elif make == 'readonly':
        db = db_readonly(env)
        args = imp(MARIJAMPOLE)
        if os.geteuid() == 0:
            if not shutil.which('setpriv'):
                return None
            prefix = DROP_DAC
    elif make == 'full':
        db = db_full(env)
        if not db:
            return None
        args = imp(MARIJAMPOLE)
    elif isinstance(make, tuple):
        db = make[0](env)
        args = make[1](env)
    else:
        args = make(env)
    if name == 'a directory instead of a file':
        fragments = [env.dir, 'not a regular file']
    before_bytes = open(db, 'rb').read() if os.path.isfile(db) else None
    # (The full disk's copy of the registry has no room to be read before.)
    before_rows = R.table_dump(env.base if make == 'full' else db) \
        if mode in ('rows', 'literal') or isinstance(mode, tuple) else None
    env_vars = dict(os.environ)
    env_vars.pop('COUNCIL_DB', None)
    try:
        r = subprocess.run(prefix + [env.exe, '--db', db] + args, capture_output=True, timeout=50,
                           env=env_vars)
    except subprocess.TimeoutExpired:
        return ['timed out (50 s)'], None, '', False
    err = r.stderr.decode('utf-8', 'replace')
    first = err.strip().splitlines()[0] if err.strip() else ''
    if r.returncode < 0:
        problems.append('killed by signal %s' % signal.Signals(-r.returncode).name)
    if r.returncode != want_rc:
        problems.append('exit %d, documented %d' % (r.returncode, want_rc))
    if 'Sanitizer' in err or 'runtime error' in err:
        problems.append('sanitizer report: ' + err[:400])
    if want_rc != 0 or fragments:
        if not err.startswith('council: '):
            problems.append('stderr does not start with "council: ": %r' % err[:200])
        for frag in fragments:
            if frag not in err:
                problems.append('stderr lacks %r: %r' % (frag, err[:300]))
    unchanged = True
    if mode == 'bytes':
        unchanged = open(db, 'rb').read() == before_bytes
    elif mode == 'rows':
        unchanged = R.table_dump(db) == before_rows
    elif mode == 'absent':
        unchanged = not os.path.exists(db)
    elif isinstance(mode, tuple) and mode[0] == 'count':
        con = sqlite3.connect(db)
        got = con.execute(mode[1]).fetchone()[0]
        con.close()
        unchanged = got == mode[2]
        if not unchanged:
            problems.append('%s: %s, expected %s' % (mode[1], got, mode[2]))
    elif isinstance(mode, tuple) and mode[0] == 'absent':
        dump = R.table_dump(db)
        unchanged = not any(mode[1] in row for rows in dump.values() for row in rows)
        if not unchanged:
            problems.append('%s was stored' % mode[1])
    elif isinstance(mode, tuple):
        _, table, column, value = mode
        after = R.table_dump(db)
        # The history records the new row too (schema.sql), and a member
        # gets its person (version 7, derived from the name): one row of
        # record is what is counted, not its history or its person.
        changed = {t: (set(after[t]) - set(before_rows.get(t, [])),
                       set(before_rows.get(t, [])) - set(after[t])) for t in after
                   if t not in ('history', 'change_origin', 'person', 'person_ambiguity')}
        added = [row for t, (plus, minus) in changed.items() for row in plus]
        removed = [row for t, (plus, minus) in changed.items() for row in minus]
        con = sqlite3.connect(db)
        hits = con.execute('SELECT count(*) FROM %s WHERE %s = ?' % (table, column),
                           (value,)).fetchone()[0]
        con.close()
        unchanged = len(added) == 1 and not removed and hits == 1
        if not unchanged:
            problems.append('not stored literally as one row: +%d -%d, %d hits'
                            % (len(added), len(removed), hits))
    if not unchanged and not isinstance(mode, tuple):
        problems.append('database changed (%s)' % mode)
    return problems, r.returncode, first, unchanged


def main():
    exe = os.path.abspath(sys.argv[1])
    markdown = '--markdown' in sys.argv
    env = Env(exe)
    failed = passed = skipped = 0
    rows = []
    try:
        for case in CASES:
            res = run_case(env, case)
            if res is None:
                skipped += 1
                print('SKIP %s: not possible here' % case[0])
                rows.append((case[0], 'skipped: not possible on this machine', '', ''))
                continue
            problems, rc, first, unchanged = res
            mode = case[4]
            how = {'rows': 'row for row', 'bytes': 'byte for byte', 'absent': 'not created',
                   'none': '-'}.get(mode) if isinstance(mode, str) else (
                'the rest stored, not %s' % mode[1] if mode[0] == 'absent'
                else mode[3] if mode[0] == 'count'
                else 'one row, stored literally')
            rows.append((case[0], first or '(none: exit 0)', rc,
                         ('yes, ' + how) if unchanged and isinstance(mode, str) and mode != 'none'
                         else how))
            if problems:
                failed += 1
                print('FAIL %s: %s' % (case[0], '; '.join(problems)))
            else:
                passed += 1
                print('ok   %s: exit %s: %s' % (case[0], rc, first[:150]))
    finally:
        env.cleanup()
    if markdown:
        print('\n| input | message (first line of stderr) | exit | database |')
        print('|---|---|---|---|')
        for name, msg, rc, un in rows:
            msg = msg.replace(env.dir, '$TMP').replace(R.ROOT, '$SRC').replace('|', '\\|')
            print('| %s | `%s` | %s | %s |' % (name, msg[:160], rc, un))
    print('%d passed, %d failed, %d skipped' % (passed, failed, skipped))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
