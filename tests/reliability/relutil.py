# SPDX-License-Identifier: MIT
"""Helpers shared by the reliability tests (tests/reliability/*.py): report
files made from the fixtures, running the `council` tool, and reading a
database with Python's own sqlite3 (never through the library under test).
Standard library only, like tests/cli/."""
import os
import re
import sqlite3
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.environ.get('COUNCIL_SOURCE_ROOT') or os.path.dirname(os.path.dirname(HERE))
REPORTS = os.path.join(ROOT, 'tests', 'fixtures', 'reports')

# Municipalities the importer knows (lib/import/extract.c), by the kind of
# council name they make: "X miesto savivaldybės", "X rajono
# savivaldybės" or "X savivaldybės".  A variant of a report swaps its
# municipality for an unused one of the same kind, so every file names its
# own council and no two files share rows: a file's rows in a batch are
# then exactly its rows when imported alone.
SPARE = {
    'miesto': ['Vilniaus', 'Alytaus', 'Palangos', 'Šiaulių', 'Klaipėdos'],
    'rajono': ['Akmenės', 'Alytaus', 'Anykščių', 'Ignalinos', 'Joniškio', 'Jurbarko',
               'Kaišiadorių', 'Kauno', 'Kelmės', 'Kretingos', 'Kupiškio', 'Lazdijų',
               'Mažeikių', 'Molėtų', 'Pakruojo', 'Panevėžio', 'Pasvalio', 'Plungės',
               'Prienų', 'Radviliškio', 'Raseinių', 'Skuodo', 'Šakių', 'Šalčininkų',
               'Šilalės', 'Šilutės', 'Širvintų', 'Švenčionių', 'Tauragės', 'Trakų',
               'Ukmergės', 'Varėnos', 'Vilkaviškio', 'Vilniaus', 'Zarasų'],
    '': ['Birštono', 'Druskininkų', 'Elektrėnų', 'Kalvarijos', 'Neringos', 'Rietavo',
         'Visagino'],
}
NAME_RE = re.compile(r'(\w+) (miesto |rajono |)savivaldyb')


def fixture_reports():
    return sorted(os.path.join(REPORTS, n) for n in os.listdir(REPORTS) if n.endswith('.txt'))


def make_reports(dest, per_kind=None):
    """Writes the fixture reports and variants of them into dest; returns
    the paths (at least 40).  per_kind: variants per report by kind."""
    per_kind = per_kind or {'miesto': 2, 'rajono': 4, '': 3}
    os.makedirs(dest, exist_ok=True)
    texts = []
    for path in fixture_reports():
        data = open(path, 'rb').read()
        text = data.decode('utf-8-sig')
        m = NAME_RE.search(text)
        kind = m.group(2).strip() if m else ''
        texts.append((os.path.basename(path)[:-4], data, m.group(1) if m else None, kind))
    used = {(t[2], t[3]) for t in texts}
    out = []
    for base, data, muni, kind in texts:
        p = os.path.join(dest, base + '.txt')
        open(p, 'wb').write(data)
        out.append(p)
        if not muni:
            continue
        n = 0
        for spare in SPARE[kind]:
            if n >= per_kind[kind]:
                break
            if (spare, kind) in used:
                continue
            used.add((spare, kind))
            n += 1
            p = os.path.join(dest, '%s-v%d.txt' % (base, n))
            text = data.replace(muni.encode(), spare.encode())
            text = text.replace(muni.upper().encode(), spare.upper().encode())
            open(p, 'wb').write(text)
            out.append(p)
    return out


def council(exe, db, *args, timeout=60, check=False):
    """Runs the tool on db; returns the CompletedProcess (text output)."""
    env = dict(os.environ)
    env.pop('COUNCIL_DB', None)
    r = subprocess.run([exe, '--db', db] + list(args), capture_output=True, text=True,
                       timeout=timeout, env=env)
    if check and r.returncode != 0:
        raise AssertionError('council %s: exit %d\n%s' % (' '.join(args), r.returncode, r.stderr))
    return r


# Every table whose rows an import stores, with the column naming the source.
SOURCE_TABLES = ['council', 'member', 'meeting', 'reported_figure', 'plan', 'measure',
                 'measure_fulfilment', 'event', 'event_participants', 'legal_act']


def per_source_counts(db):
    """{source path: (row count per SOURCE_TABLES table)} read with Python's
    sqlite3, opened read-write so that a hot WAL left by a killed writer is
    recovered the way any next user would."""
    con = sqlite3.connect(db)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")]
        if 'source_document' not in tables:
            # Killed before the schema's own transaction committed: then
            # nothing at all may be there.
            if tables:
                raise AssertionError('half a schema: %s' % tables)
            return {}
        sources = dict(con.execute('SELECT id, path FROM source_document'))
        counts = {path: [0] * len(SOURCE_TABLES) for path in sources.values()}
        for i, t in enumerate(SOURCE_TABLES):
            for sid, n in con.execute('SELECT source_id, count(*) FROM %s '
                                      'WHERE source_id IS NOT NULL GROUP BY source_id' % t):
                if sid not in sources:
                    raise AssertionError('%s: %d rows of missing source %d' % (t, n, sid))
                counts[sources[sid]][i] = n
        return {k: tuple(v) for k, v in counts.items()}
    finally:
        con.close()


def integrity(db):
    """PRAGMA integrity_check and foreign_key_check; returns a list of problems."""
    con = sqlite3.connect(db)
    try:
        problems = [r[0] for r in con.execute('PRAGMA integrity_check') if r[0] != 'ok']
        problems += ['foreign key: %r' % (r,) for r in con.execute('PRAGMA foreign_key_check')]
        return problems
    finally:
        con.close()


def table_dump(db):
    """Every row of every table, sorted: to compare a database row for row."""
    con = sqlite3.connect('file:%s?mode=ro' % db, uri=True)
    try:
        names = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")]
        return {n: sorted(map(repr, con.execute('SELECT * FROM "%s"' % n))) for n in names}
    finally:
        con.close()
