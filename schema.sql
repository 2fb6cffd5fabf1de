-- SPDX-License-Identifier: MIT
-- libcouncil schema: the registry of Lithuanian municipal community-organisation
-- councils (BO tarybos, NVO tarybos), their members, meetings, action plans,
-- events and the source documents every imported row came from.
--
-- This file is the single source of truth: the library embeds it at build time
-- and applies it to new databases.  Read it with `sqlite3 council.db .schema`.
--
-- Conventions used throughout:
--   * Every table is STRICT; foreign keys are enforced (the library turns them
--     on for every connection; in the sqlite3 shell run PRAGMA foreign_keys=ON).
--   * Partial dates are ISO text of the precision known: 'YYYY', 'YYYY-MM' or
--     'YYYY-MM-DD'.  A range is a pair date_start..date_end of the same forms.
--     `year` is derived from date_start so every dated row can be grouped.
--   * source_id points to the first (primary) source document a row was
--     imported from; it is NULL for rows entered by hand.  record_source
--     lists the other documents that state a row (schema version 4), the
--     view record_sources all of them.
--   * Enumerated columns carry CHECK constraints listing their values, written
--     as `x = 'a' OR x = 'b' OR ...` rather than `x IN ('a', 'b', ...)`: SQLite
--     (3.40) evaluates an IN list of more than two constants by building a
--     temporary b-tree of the list for every row inserted (measured: a row
--     of a table with three such checks took 4.2 µs instead of 0.35 µs).
--     Lists of two stay IN lists, which SQLite compares directly.
--   * `year` in meeting and event is an ordinary column the library writes
--     with date_start, and a CHECK keeps it equal to date_start's year.  (It
--     was a generated column until version 3; SQLite 3.40 cannot answer a
--     query naming a generated column from an index alone, so the per-council
--     counts read every row.)  Rows inserted by hand must give it.
--   * Every insert, update and delete of a record, the library's or anyone
--     else's, is kept by triggers in `history` and shown by the public view
--     `changes` (see the section at the end).
--
-- Versioning: PRAGMA user_version holds the schema version (see the last
-- statement); PRAGMA application_id = 0x434F554E ('COUN') marks the file.

PRAGMA application_id = 1129272654;

-- Documents the registry was filled from: a yearly report, an action-plan
-- report, a protocol, a web page, or a reviewed JSON extraction.  Importing
-- the same bytes twice is detected by sha256; importing a new version of the
-- same path updates the rows the old one stated, in place (record_source).
-- Columns:
--   id           the document's id
--   sha256       SHA-256 of the document's bytes, in hex
--   kind         annual_report, plan_report, protocol, page or other
--   report_year  the year the report is about
--   doc_date     the document's own date, YYYY-MM-DD
--   imported_at  when it was imported, UTC
CREATE TABLE source_document (
    id          INTEGER PRIMARY KEY,
    path        TEXT    NOT NULL UNIQUE,          -- canonical (absolute, resolved) since version 4
    sha256      TEXT    NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    kind        TEXT    NOT NULL DEFAULT 'other'
                CHECK (kind = 'annual_report' OR kind = 'plan_report' OR kind = 'protocol' OR kind = 'page' OR kind = 'other'),
    report_year INTEGER CHECK (report_year BETWEEN 1990 AND 2100),
    doc_number  TEXT,                             -- the report's own number, e.g. B28-2-1
    doc_date    TEXT CHECK (doc_date IS NULL OR (doc_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(julianday(doc_date)) IS doc_date)),
    imported_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    -- council_id (schema version 7): see the section "one answer" at the end
) STRICT;

-- A council: "Kauno miesto savivaldybės bendruomeninių organizacijų taryba".
-- kind: BO (bendruomeninių organizacijų), NVO (nevyriausybinių organizacijų)
-- or other.  size is the number of seats the founding act sets; seats_* split
-- it between the municipality's side and the community side where stated.
-- Columns:
--   id                  the council's id
--   name                the council's full name, unique
--   municipality        the municipality it belongs to
--   kind                BO, NVO or other
--   size                seats the founding act sets
--   seats_municipality  of them, seats of the municipality's side
--   seats_community     of them, seats of the community side
--   source_id           the source document it was first imported from; empty when entered by hand
CREATE TABLE council (
    id                 INTEGER PRIMARY KEY,
    name               TEXT    NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 500),
    municipality       TEXT    CHECK (municipality IS NULL OR length(municipality) <= 200),
    kind               TEXT    NOT NULL DEFAULT 'BO' CHECK (kind = 'BO' OR kind = 'NVO' OR kind = 'other'),
    founding_act       TEXT,                      -- free text, e.g. "2019-05-14 sprendimas Nr. T-205"
    size               INTEGER CHECK (size IS NULL OR size BETWEEN 0 AND 1000),
    seats_municipality INTEGER CHECK (seats_municipality IS NULL OR seats_municipality BETWEEN 0 AND 1000),
    seats_community    INTEGER CHECK (seats_community IS NULL OR seats_community BETWEEN 0 AND 1000),
    source_id          INTEGER REFERENCES source_document(id) ON DELETE SET NULL,
    -- The name's Lithuanian sort key (schema version 6): a blob whose byte
    -- order is the `lt` collation's order, so lists sorted by council sort
    -- by memcmp instead of calling the collation for every comparison of
    -- two rows (bench/README.md: participants per event).  The library
    -- writes it with every name (SQL function lt_key, which the sqlite3
    -- shell lacks); a name changed without it is set NULL by the trigger
    -- council_name_key below, and readers sort by
    -- coalesce(name_key, lt_key(name)), so a missing key costs time, never
    -- order.  Derived: do not write it by hand.
    name_key           BLOB
) STRICT;

-- A person sitting on a council.  role is the office held; side says whom the
-- seat belongs to (the municipality's institutions or community organisations);
-- represents is the organisation the person comes from.
-- Columns:
--   id            the member's id
--   council_id    the council sat on
--   name          the member's name
--   role          chair, deputy, secretary or member
--   represents    the organisation or institution the member comes from
--   side          municipality or community: whose seat it is; empty when unknown
--   delegated_by  who delegated the member
--   term_start    first day of the term: YYYY, YYYY-MM or YYYY-MM-DD
--   term_end      last day of the term, of the same forms; empty while it lasts
--   source_id     the source document it was first imported from; empty when entered by hand
CREATE TABLE member (
    id           INTEGER PRIMARY KEY,
    council_id   INTEGER NOT NULL REFERENCES council(id),
    name         TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
    role         TEXT    NOT NULL DEFAULT 'member'
                 CHECK (role = 'chair' OR role = 'deputy' OR role = 'secretary' OR role = 'member'),
    represents   TEXT,
    side         TEXT    CHECK (side IS NULL OR side IN ('municipality', 'community')),
    delegated_by TEXT,
    term_start   TEXT    CHECK (term_start IS NULL OR (term_start GLOB '[0-9][0-9][0-9][0-9]*' AND (length(term_start) = 4 OR length(term_start) = 7 OR length(term_start) = 10))),
    term_end     TEXT    CHECK (term_end IS NULL OR (term_end GLOB '[0-9][0-9][0-9][0-9]*' AND (length(term_end) = 4 OR length(term_end) = 7 OR length(term_end) = 10))),
    source_id    INTEGER REFERENCES source_document(id) ON DELETE CASCADE
) STRICT;
CREATE INDEX member_by_council_role ON member(council_id, role, name);

-- A council's own sitting (posėdis).  Only meetings a document dates, at least
-- to the year, are rows here; counts a report merely states ("3 posėdžiai")
-- live in reported_figure, and the view meetings_per_year reconciles both.
-- Columns:
--   id          the meeting's id
--   council_id  the council that met
--   date_start  first day: YYYY, YYYY-MM or YYYY-MM-DD, as precisely as known
--   date_end    last day, of the same forms
--   year        the year of date_start
--   format      in_person, remote, hybrid or unknown
--   location    where it was held
--   summary     what it dealt with, as the report says
--   source_id   the source document it was first imported from; empty when entered by hand
CREATE TABLE meeting (
    id         INTEGER PRIMARY KEY,
    council_id INTEGER NOT NULL REFERENCES council(id),
    date_start TEXT    NOT NULL,
    date_end   TEXT    NOT NULL,
    year       INTEGER NOT NULL CHECK (year = CAST(substr(date_start, 1, 4) AS INTEGER)),
    format     TEXT    NOT NULL DEFAULT 'unknown'
               CHECK (format = 'in_person' OR format = 'remote' OR format = 'hybrid' OR format = 'unknown'),
    platform   TEXT,                              -- "Microsoft Teams", "Zoom"
    location   TEXT,
    summary    TEXT,
    source_id  INTEGER REFERENCES source_document(id) ON DELETE CASCADE,
    CHECK (date_start GLOB '[0-9][0-9][0-9][0-9]' OR date_start GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]' OR date_start GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    CHECK (date_end   GLOB '[0-9][0-9][0-9][0-9]' OR date_end   GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]' OR date_end   GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    CHECK (length(date_start) <> 10 OR date(julianday(date_start)) IS date_start),
    CHECK (length(date_end) <> 10 OR date(julianday(date_end)) IS date_end),
    CHECK (length(date_start) = 4 OR substr(date_start, 6, 2) BETWEEN '01' AND '12'),
    CHECK (length(date_end) = 4 OR substr(date_end, 6, 2) BETWEEN '01' AND '12'),
    CHECK (date_end >= date_start)
) STRICT;
-- meeting_by_council_year(council_id, year, format, source_id): see the
-- section "one answer" (schema version 7 added source_id).
CREATE INDEX meeting_by_year ON meeting(year, council_id, format);

-- Figures a report states for a council and year, apart from the rows it
-- lists: "įvyko 3 posėdžiai, iš kurių 2 nuotoliniu būdu" gives
-- (meetings, 3, exact) and (meetings_remote, 2, exact).  qualifier at_least
-- records a lower bound ("posėdžiuose" without a count gives meetings >= 1).
-- Columns:
--   id          the figure's id
--   council_id  the council it is about
--   year        the year it is for
--   metric      meetings, meetings_remote, members, events or participants
--   value       the figure stated
--   qualifier   exact, more_than, at_least or about
--   source_id   the source document it was first imported from; empty when entered by hand
CREATE TABLE reported_figure (
    id         INTEGER PRIMARY KEY,
    council_id INTEGER NOT NULL REFERENCES council(id),
    year       INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    metric     TEXT    NOT NULL
               CHECK (metric = 'meetings' OR metric = 'meetings_remote' OR metric = 'members' OR metric = 'events' OR metric = 'participants'),
    value      INTEGER NOT NULL CHECK (value BETWEEN 0 AND 10000000),
    qualifier  TEXT    NOT NULL DEFAULT 'exact'
               CHECK (qualifier = 'exact' OR qualifier = 'more_than' OR qualifier = 'at_least' OR qualifier = 'about'),
    source_id  INTEGER REFERENCES source_document(id) ON DELETE CASCADE
) STRICT;
CREATE INDEX reported_figure_by_council_year ON reported_figure(council_id, year, metric, value);

-- An action plan ("2023–2025 m. veiklos planas") and its numbered measures
-- (priemonės).  Each measure names its indicator and the units responsible.
-- Columns:
--   id          the plan's id
--   council_id  the council whose plan it is
--   title       the plan's title
--   year_from   first year it covers
--   year_to     last year it covers
--   source_id   the source document it was first imported from; empty when entered by hand
CREATE TABLE plan (
    id         INTEGER PRIMARY KEY,
    council_id INTEGER NOT NULL REFERENCES council(id),
    title      TEXT    NOT NULL CHECK (length(title) >= 1),
    year_from  INTEGER CHECK (year_from IS NULL OR year_from BETWEEN 1990 AND 2100),
    year_to    INTEGER CHECK (year_to IS NULL OR year_to BETWEEN 1990 AND 2100),
    source_id  INTEGER REFERENCES source_document(id) ON DELETE CASCADE,
    CHECK (year_from IS NULL OR year_to IS NULL OR year_to >= year_from)
) STRICT;
CREATE INDEX plan_by_council ON plan(council_id);

-- A numbered measure (priemonė) of an action plan.
-- Columns:
--   id         the measure's id
--   plan_id    the plan it belongs to
--   seq        its number in the plan
--   name       what the measure is
--   indicator  how its fulfilment is measured
--   source_id  the source document it was first imported from; empty when entered by hand
CREATE TABLE measure (
    id        INTEGER PRIMARY KEY,
    plan_id   INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    seq       INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 100000),
    name      TEXT    NOT NULL CHECK (length(name) >= 1),
    indicator TEXT,
    source_id INTEGER REFERENCES source_document(id) ON DELETE CASCADE,
    UNIQUE (plan_id, seq)
) STRICT;

-- The units responsible for a measure, in the order the plan lists them.
-- Columns:
--   measure_id  the measure
--   pos         the unit's place in the plan's list, from 0
--   unit        the unit responsible
CREATE TABLE measure_responsible (
    measure_id INTEGER NOT NULL REFERENCES measure(id) ON DELETE CASCADE,
    pos        INTEGER NOT NULL CHECK (pos >= 0),
    unit       TEXT    NOT NULL CHECK (length(unit) >= 1),
    PRIMARY KEY (measure_id, pos)
) STRICT, WITHOUT ROWID;

-- What a report says was done under a measure in a given year.
-- Columns:
--   id          the fulfilment's id
--   measure_id  the measure
--   year        the year reported on
--   text        what the report says was done
--   source_id   the source document it was first imported from; empty when entered by hand
CREATE TABLE measure_fulfilment (
    id         INTEGER PRIMARY KEY,
    measure_id INTEGER NOT NULL REFERENCES measure(id) ON DELETE CASCADE,
    year       INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    text       TEXT    NOT NULL,
    source_id  INTEGER REFERENCES source_document(id) ON DELETE CASCADE,
    UNIQUE (measure_id, year)
) STRICT;

-- A dated happening other than the council's own meeting: seminar, training,
-- conference, visit, discussion, presentation...  remote is 1 for online
-- events, 0 for in-person, NULL when unknown.  meeting_id links an event held
-- during a meeting; event_measure links it to the plan measures it served.
-- Columns:
--   id                      the event's id
--   council_id              the council it concerns
--   meeting_id              the meeting it was held during, if any
--   title                   the event's title
--   kind                    seminar, training, conference, visit, discussion, presentation, consultation, festival, exhibition, workshop, forum or other
--   organiser               who organised it
--   date_start              first day: YYYY, YYYY-MM or YYYY-MM-DD, as precisely as known
--   date_end                last day, of the same forms
--   year                    the year of date_start
--   location                where it took place
--   remote                  1 online, 0 in person, empty when unknown
--   description             what the report says of it
--   source_id               the source document it was first imported from; empty when entered by hand
--   participants_qualifier  how exact participants is (derived)
--   participant_groups      how many groups were counted (derived)
CREATE TABLE event (
    id          INTEGER PRIMARY KEY,
    council_id  INTEGER NOT NULL REFERENCES council(id),
    meeting_id  INTEGER REFERENCES meeting(id) ON DELETE SET NULL,
    title       TEXT    NOT NULL CHECK (length(title) >= 1),
    kind        TEXT    NOT NULL DEFAULT 'other'
                CHECK (kind = 'seminar' OR kind = 'training' OR kind = 'conference' OR
                       kind = 'visit' OR kind = 'discussion' OR kind = 'presentation' OR
                       kind = 'consultation' OR kind = 'festival' OR kind = 'exhibition' OR
                       kind = 'workshop' OR kind = 'forum' OR kind = 'other'),
    organiser   TEXT,
    date_start  TEXT    NOT NULL,
    date_end    TEXT    NOT NULL,
    year        INTEGER NOT NULL CHECK (year = CAST(substr(date_start, 1, 4) AS INTEGER)),
    location    TEXT,
    remote      INTEGER CHECK (remote IS NULL OR remote IN (0, 1)),
    description TEXT,
    source_id   INTEGER REFERENCES source_document(id) ON DELETE CASCADE,
    -- Totals of the event's rows in event_participants (schema version 6),
    -- kept by the triggers event_participants_* below on every write path
    -- (the library, the importer, the sqlite3 shell): participants is
    -- their sum (NULL when the event has none), participants_qualifier
    -- the weakest qualifier as events_overview defines it, participant_groups
    -- how many there are.  Per-year sums then read the index
    -- event_by_council_year_participants alone instead of seeking each
    -- event's groups (bench/README.md).  Derived: a write that disagrees
    -- with the groups is refused (trigger event_totals_*).
    participants           INTEGER,
    participants_qualifier TEXT,
    participant_groups     INTEGER NOT NULL DEFAULT 0,
    CHECK (date_start GLOB '[0-9][0-9][0-9][0-9]' OR date_start GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]' OR date_start GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    CHECK (date_end   GLOB '[0-9][0-9][0-9][0-9]' OR date_end   GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]' OR date_end   GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    CHECK (length(date_start) <> 10 OR date(julianday(date_start)) IS date_start),
    CHECK (length(date_end) <> 10 OR date(julianday(date_end)) IS date_end),
    CHECK (length(date_start) = 4 OR substr(date_start, 6, 2) BETWEEN '01' AND '12'),
    CHECK (length(date_end) = 4 OR substr(date_end, 6, 2) BETWEEN '01' AND '12'),
    CHECK (date_end >= date_start)
) STRICT;
CREATE INDEX event_by_council_year ON event(council_id, year, date_start);
-- Covers participants per council and year (schema version 6).  It does not
-- replace event_by_council_year, which the importer's lookup of an event by
-- council and day seeks to the day.
CREATE INDEX event_by_council_year_participants ON event(council_id, year, participants);
CREATE INDEX event_by_date ON event(date_start, date_end);

-- The plan measures an event served.
-- Columns:
--   event_id    the event
--   measure_id  a plan measure it served
CREATE TABLE event_measure (
    event_id   INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
    measure_id INTEGER NOT NULL REFERENCES measure(id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, measure_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX event_measure_by_measure ON event_measure(measure_id, event_id);

-- Who took part in an event, as the report counts them: "dalyvavo 16
-- dalyvių" is one group (16, exact); "11 BO tarybos narių, 3 NVO tarybos
-- nariai" are two groups.  qualifier keeps "daugiau nei 50" (more_than),
-- "ne mažiau kaip 25" (at_least) and "apie 40" (about) apart from exact counts.
-- Columns:
--   id         the group's id
--   event_id   the event
--   count      participants counted
--   qualifier  exact, more_than, at_least or about
--   source_id  the source document it was first imported from; empty when entered by hand
CREATE TABLE event_participants (
    id         INTEGER PRIMARY KEY,
    event_id   INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
    count      INTEGER NOT NULL CHECK (count BETWEEN 0 AND 1000000),
    qualifier  TEXT    NOT NULL DEFAULT 'exact'
               CHECK (qualifier = 'exact' OR qualifier = 'more_than' OR qualifier = 'at_least' OR qualifier = 'about'),
    group_name TEXT,                              -- "BO tarybos nariai"
    source_id  INTEGER REFERENCES source_document(id) ON DELETE CASCADE
) STRICT;
CREATE INDEX event_participants_by_event ON event_participants(event_id, count, qualifier);

-- The event's totals are kept by triggers (schema version 6; since version
-- 7 per document): see the section "one answer" at the end.

-- A legal act concerning a council: its founding decision, amendments,
-- approval of its rules.  effect says what the act did to the council.
-- Columns:
--   id          the act's id
--   council_id  the council it concerns
--   number      the act's number
--   date        its date: YYYY, YYYY-MM or YYYY-MM-DD
--   title       its title
--   effect      establishes, amends, approves_rules, appoints or other
--   source_id   the source document it was first imported from; empty when entered by hand
CREATE TABLE legal_act (
    id         INTEGER PRIMARY KEY,
    council_id INTEGER REFERENCES council(id),
    number     TEXT    NOT NULL CHECK (length(number) BETWEEN 1 AND 100),
    date       TEXT    CHECK (date IS NULL OR (date GLOB '[0-9][0-9][0-9][0-9]*' AND (length(date) = 4 OR length(date) = 7 OR length(date) = 10))),
    title      TEXT,
    effect     TEXT    NOT NULL DEFAULT 'other'
               CHECK (effect = 'establishes' OR effect = 'amends' OR effect = 'approves_rules' OR effect = 'appoints' OR effect = 'other'),
    source_id  INTEGER REFERENCES source_document(id) ON DELETE CASCADE
) STRICT;
CREATE INDEX legal_act_by_council ON legal_act(council_id, date);

-- A council renamed without its sort key (the sqlite3 shell, which has no
-- lt_key) loses the stale key; readers then compute it (see council.name_key).
-- The library sets name and name_key in one statement, which this leaves alone.
CREATE TRIGGER council_name_key AFTER UPDATE OF name ON council
WHEN NEW.name IS NOT OLD.name AND NEW.name_key IS OLD.name_key
BEGIN
    UPDATE council SET name_key = NULL WHERE id = NEW.id;
END;

-- Indexes that let source replacement find a document's rows without scans.
CREATE INDEX council_by_source ON council(source_id);
-- The importer's check for bytes already imported looks a document up by
-- hash (added in schema version 2).
CREATE INDEX source_document_by_sha256 ON source_document(sha256);
CREATE INDEX member_by_source ON member(source_id);
CREATE INDEX meeting_by_source ON meeting(source_id);
CREATE INDEX reported_figure_by_source ON reported_figure(source_id);
CREATE INDEX plan_by_source ON plan(source_id);
CREATE INDEX measure_by_source ON measure(source_id);
CREATE INDEX measure_fulfilment_by_source ON measure_fulfilment(source_id);
CREATE INDEX event_by_source ON event(source_id);
CREATE INDEX event_participants_by_source ON event_participants(source_id);
CREATE INDEX legal_act_by_source ON legal_act(source_id);

-- >>> identity (schema version 4; lib/db.c's migration 3 -> 4 runs this
-- section of the embedded schema, from this marker to the closing one, on
-- an older database: keep it self-contained, and give any later change to
-- it a migration step of its own.)
-- ---------------------------------------------------------------------------
-- Identity and provenance (schema version 4).  A record keeps its id for
-- life: a new version of a document updates the records it states in place,
-- matched by natural keys, and a record stated by several documents lists
-- them all here, so removing one document removes only what no other
-- document states.  Written by the importer and council_source_delete.
-- ---------------------------------------------------------------------------

-- Other names of a document: the same bytes imported from a second path.
-- Columns:
--   path       another path the same bytes were imported from
--   source_id  the document
CREATE TABLE source_alias (
    path      TEXT    PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES source_document(id) ON DELETE CASCADE
) STRICT;
CREATE INDEX source_alias_by_source ON source_alias(source_id);

-- Every document that states a record besides its primary source (its
-- source_id, the first document that stated it): the view record_sources
-- lists them all.  Keeping the first in the row itself spares the common
-- case, a record one document states, a second write.  One table for all
-- kinds of record (table_name names it) rather than one per kind: the
-- importer and council_source_delete treat them alike.  Rows of a deleted
-- record are removed by the *_forget triggers below.
-- Columns:
--   table_name  the record's table
--   record_id   the record's id
--   source_id   a document that states it
CREATE TABLE record_source (
    table_name TEXT    NOT NULL
               CHECK (table_name = 'council' OR table_name = 'member' OR table_name = 'meeting' OR
                      table_name = 'reported_figure' OR table_name = 'plan' OR table_name = 'measure' OR
                      table_name = 'measure_fulfilment' OR table_name = 'event' OR table_name = 'legal_act'),
    record_id  INTEGER NOT NULL,
    source_id  INTEGER NOT NULL REFERENCES source_document(id) ON DELETE CASCADE,
    PRIMARY KEY (table_name, record_id, source_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX record_source_by_source ON record_source(source_id, table_name, record_id);

-- Reviews of a document: a reviewed JSON extraction loaded for it (its own
-- path and SHA-256).  A review updates the document's records in place; it
-- is not a document of its own.
-- Columns:
--   id           the review's id
--   source_id    the document reviewed
--   path         the reviewed JSON's path
--   sha256       its SHA-256
--   reviewed_at  when it was loaded, UTC
CREATE TABLE source_review (
    id          INTEGER PRIMARY KEY,
    source_id   INTEGER NOT NULL REFERENCES source_document(id) ON DELETE CASCADE,
    path        TEXT    NOT NULL,
    sha256      TEXT    NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    reviewed_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) STRICT;
CREATE INDEX source_review_by_source ON source_review(source_id);
CREATE INDEX source_review_by_sha256 ON source_review(sha256);

-- Values a person set: by hand (the CLI's add and edit commands, the
-- library's *_update calls, an UPDATE in the sqlite3 shell) or by loading
-- a reviewed extraction.  A raw import keeps them and reports the
-- disagreement (council_import_*_flags, COUNCIL_IMPORT_OVERWRITE_REVIEWED
-- replaces them).  field '*' marks a whole record a person made: every
-- value it holds is theirs.  value is the person's value (NULL: cleared).
-- origin: 'hand', or 'review PATH SHA256'.
-- Columns:
--   table_name  the record's table
--   record_id   the record's id
--   field       the column a person set, or * for a whole record
--   value       the person's value; empty when cleared
--   origin      hand, or review PATH SHA256
--   at          when, UTC
CREATE TABLE reviewed (
    table_name TEXT    NOT NULL,
    record_id  INTEGER NOT NULL,
    field      TEXT    NOT NULL,
    value      ANY,
    origin     TEXT    NOT NULL,
    at         TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    PRIMARY KEY (table_name, record_id, field)
) STRICT, WITHOUT ROWID;

-- Natural keys the importer matches records by, each answered from an
-- index (council by name, measure by plan and seq and fulfilment by
-- measure and year have UNIQUE constraints; an event by council, year and
-- date uses event_by_council_year, then compares folded titles).
CREATE INDEX member_by_council_name ON member(council_id, name);
CREATE INDEX meeting_by_council_date ON meeting(council_id, date_start);
CREATE INDEX legal_act_by_council_number ON legal_act(council_id, number);

-- A deleted record takes its provenance and review marks with it (ids are
-- reused by SQLite once the highest is gone).
CREATE TRIGGER council_forget AFTER DELETE ON council BEGIN
    DELETE FROM record_source WHERE table_name = 'council' AND record_id = OLD.id;
    DELETE FROM reviewed WHERE table_name = 'council' AND record_id = OLD.id;
END;
CREATE TRIGGER member_forget AFTER DELETE ON member BEGIN
    DELETE FROM record_source WHERE table_name = 'member' AND record_id = OLD.id;
    DELETE FROM reviewed WHERE table_name = 'member' AND record_id = OLD.id;
END;
CREATE TRIGGER meeting_forget AFTER DELETE ON meeting BEGIN
    DELETE FROM record_source WHERE table_name = 'meeting' AND record_id = OLD.id;
    DELETE FROM reviewed WHERE table_name = 'meeting' AND record_id = OLD.id;
END;
CREATE TRIGGER reported_figure_forget AFTER DELETE ON reported_figure BEGIN
    DELETE FROM record_source WHERE table_name = 'reported_figure' AND record_id = OLD.id;
    DELETE FROM reviewed WHERE table_name = 'reported_figure' AND record_id = OLD.id;
END;
CREATE TRIGGER plan_forget AFTER DELETE ON plan BEGIN
    DELETE FROM record_source WHERE table_name = 'plan' AND record_id = OLD.id;
    DELETE FROM reviewed WHERE table_name = 'plan' AND record_id = OLD.id;
END;
CREATE TRIGGER measure_forget AFTER DELETE ON measure BEGIN
    DELETE FROM record_source WHERE table_name = 'measure' AND record_id = OLD.id;
    DELETE FROM reviewed WHERE table_name = 'measure' AND record_id = OLD.id;
END;
CREATE TRIGGER measure_fulfilment_forget AFTER DELETE ON measure_fulfilment BEGIN
    DELETE FROM record_source WHERE table_name = 'measure_fulfilment' AND record_id = OLD.id;
    DELETE FROM reviewed WHERE table_name = 'measure_fulfilment' AND record_id = OLD.id;
END;
CREATE TRIGGER event_forget AFTER DELETE ON event BEGIN
    DELETE FROM record_source WHERE table_name = 'event' AND record_id = OLD.id;
    DELETE FROM reviewed WHERE table_name = 'event' AND record_id = OLD.id;
END;
CREATE TRIGGER event_participants_forget AFTER DELETE ON event_participants BEGIN
    DELETE FROM reviewed WHERE table_name = 'event_participants' AND record_id = OLD.id;
END;
CREATE TRIGGER legal_act_forget AFTER DELETE ON legal_act BEGIN
    DELETE FROM record_source WHERE table_name = 'legal_act' AND record_id = OLD.id;
    DELETE FROM reviewed WHERE table_name = 'legal_act' AND record_id = OLD.id;
END;

-- Stated figures that disagree: for a council, year and metric, every
-- figure when documents state more than one value (all are kept, each with
-- its source; meetings_per_year takes the largest).
-- Columns:
--   council     the council's name
--   year        the year the figure is for
--   metric      meetings, meetings_remote, members, events or participants
--   value       the figure a document states
--   qualifier   exact, more_than, at_least or about
--   source      the path of the document stating it; empty when entered by hand
--   figure_id   the figure's id
--   council_id    the council's id
--   municipality  the council's municipality; empty when not known
CREATE VIEW figure_conflicts(council, year, metric, value, qualifier, source, figure_id, council_id,
                             municipality) AS
SELECT c.name, f.year, f.metric, f.value, f.qualifier, s.path, f.id, c.id, c.municipality
  FROM reported_figure f
  JOIN council c ON c.id = f.council_id
  LEFT JOIN source_document s ON s.id = f.source_id
 WHERE EXISTS (SELECT 1 FROM reported_figure g
                WHERE g.council_id = f.council_id AND g.year = f.year
                  AND g.metric = f.metric AND g.value <> f.value);

-- Every document that states a record, by path: its primary source and
-- the others record_source lists.
-- Columns:
--   table_name  the table the record is in: council, member, meeting, reported_figure, plan, measure, measure_fulfilment, event or legal_act
--   record_id   the record's id in that table
--   source_id   the document's id
--   path        the document's path
CREATE VIEW record_sources(table_name, record_id, source_id, path) AS
WITH every(table_name, record_id, source_id) AS (
    SELECT 'council', id, source_id FROM council WHERE source_id IS NOT NULL
    UNION ALL SELECT 'member', id, source_id FROM member WHERE source_id IS NOT NULL
    UNION ALL SELECT 'meeting', id, source_id FROM meeting WHERE source_id IS NOT NULL
    UNION ALL SELECT 'reported_figure', id, source_id FROM reported_figure WHERE source_id IS NOT NULL
    UNION ALL SELECT 'plan', id, source_id FROM plan WHERE source_id IS NOT NULL
    UNION ALL SELECT 'measure', id, source_id FROM measure WHERE source_id IS NOT NULL
    UNION ALL SELECT 'measure_fulfilment', id, source_id FROM measure_fulfilment WHERE source_id IS NOT NULL
    UNION ALL SELECT 'event', id, source_id FROM event WHERE source_id IS NOT NULL
    UNION ALL SELECT 'legal_act', id, source_id FROM legal_act WHERE source_id IS NOT NULL
    UNION ALL SELECT table_name, record_id, source_id FROM record_source
)
SELECT e.table_name, e.record_id, e.source_id, s.path
  FROM every e JOIN source_document s ON s.id = e.source_id;
-- <<< identity

-- ---------------------------------------------------------------------------
-- Public views.  Other tools rely on their names and columns: new columns are
-- only ever added at the end.  The comment right above each view describes
-- it, and its "Columns:" list each column: `council export --format csv`
-- writes them into datapackage.json, so keep them in step with the view.
-- ---------------------------------------------------------------------------

-- meetings_per_year: see the section "one answer" at the end (schema
-- version 7), where it reads across documents.

-- One row per dated meeting of a council.
-- Columns:
--   council     the council's name
--   date_start  first day of the meeting: YYYY, YYYY-MM or YYYY-MM-DD, as precisely as known
--   date_end    last day, of the same forms; equal to date_start for one day
--   format      in_person, remote, hybrid or unknown
--   summary     what the meeting dealt with, as the report says
--   platform    the video platform of a remote meeting ("Microsoft Teams", "Zoom")
--   location    where it was held
--   meeting_id  the meeting's id
CREATE VIEW meetings_overview(council, date_start, date_end, format, summary,
                              platform, location, meeting_id) AS
SELECT c.name, m.date_start, m.date_end, m.format, m.summary,
       m.platform, m.location, m.id
  FROM meeting m JOIN council c ON c.id = m.council_id;

-- events_overview: see the section "one answer" at the end (schema
-- version 7).

-- members_overview, one row per member of a council, is in the people
-- section at the end (schema version 7 gave it the members' terms).

-- One row per measure of a council's action plan.
-- Columns:
--   council      the council's name
--   plan         the plan's title
--   seq          the measure's number in the plan
--   name         what the measure is
--   indicator    how its fulfilment is measured
--   responsible  the units responsible, in the plan's order, separated by "; "
--   measure_id   the measure's id
CREATE VIEW measures_overview(council, plan, seq, name, indicator, responsible, measure_id) AS
SELECT c.name, p.title, ms.seq, ms.name, ms.indicator,
       (SELECT group_concat(unit, '; ')
          FROM (SELECT unit FROM measure_responsible r
                 WHERE r.measure_id = ms.id ORDER BY r.pos)),
       ms.id
  FROM measure ms
  JOIN plan p ON p.id = ms.plan_id
  JOIN council c ON c.id = p.council_id;

-- >>> history (schema version 5; lib/db.c's migration 4 -> 5 runs this
-- section of the embedded schema, from this marker to the closing one, on
-- an older database: keep it self-contained, and give any later change to
-- it a migration step of its own.)
-- ---------------------------------------------------------------------------
-- History.  Every insert, update and delete of a record, whoever makes it --
-- an import, a reviewed JSON, the library or the CLI, or a direct sqlite3
-- edit -- is kept by the triggers below in `history`, so that nothing a
-- person entered is lost without trace and a record removed by mistake can
-- be restored (council restore, council_record_restore).  Read it through
-- the public view `changes`.
--
-- Who changed what: the library names the origin of its writes in
-- change_context, a table of at most one row that it fills inside each of
-- its write transactions and empties again before that transaction commits.
-- So the table is empty for every other connection, and a change made with
-- the sqlite3 shell or another tool reads origin_id NULL: origin 'sql'.  (A
-- TEMP table would need no emptying, but triggers of the main schema cannot
-- read TEMP tables.)
-- ---------------------------------------------------------------------------

-- Where changes came from: kind is 'import' (document = the report's path,
-- sha256 = its bytes'), 'review' (a reviewed JSON extraction: its path and
-- SHA-256), 'library' (a program's own calls) or 'cli' (the council tool),
-- or another label a program chose with council_origin_set.  One row per
-- distinct origin, shared by all its changes.
-- Columns:
--   id        the origin's id
--   kind      import, review, library, cli, merge or a program's label
--   document  the imported or reviewed file's path
--   sha256    its SHA-256
CREATE TABLE change_origin (
    id       INTEGER PRIMARY KEY,
    kind     TEXT    NOT NULL CHECK (length(kind) BETWEEN 1 AND 32),
    document TEXT,
    sha256   TEXT    CHECK (sha256 IS NULL OR length(sha256) = 64)
) STRICT;
CREATE INDEX change_origin_by_kind ON change_origin(kind, document, sha256);

-- The origin of the writes of the transaction under way (see above).
-- Columns:
--   id         always 1
--   origin_id  the change_origin of the writes under way
CREATE TABLE change_context (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    origin_id INTEGER NOT NULL        -- change_origin(id)
) STRICT;

-- What an import inserts is kept compactly: a row per record, with its whole
-- JSON, nearly doubled the work of storing a report (measured: 1.6 times the
-- CPU time of importing 1,000 generated reports).  While an import stores,
-- the library puts a row per table of records here with lo, the lowest id an
-- insert can take (the highest id plus one; a delete in the import may lower
-- it); the insert triggers then record nothing, and when the import ends the
-- library records, per table, the ids from lo to the highest: since schema
-- version 7 a history row per record with its values, written by one
-- statement per table (lib/history.c), before it one row per table without
-- them (record_id .. record_last).  Every row above lo was inserted by this
-- import, as none was left above it when it began.  Links without an id
-- (event_measure, measure_responsible) an import inserts go with their
-- records unrecorded.  Updates and deletes are recorded in full as always.
-- Empty outside an import, so every other insert is recorded whole.
-- Columns:
--   table_name  a table an import is storing into
--   lo          the lowest id an insert of the import can take
CREATE TABLE change_range (
    table_name TEXT    PRIMARY KEY,
    lo         INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- One row per change.  An insert and a delete keep the whole record as a
-- JSON object (new_value, old_value; numbers stay numbers), so a deleted
-- record can be rebuilt with its id and every field -- except the inserts
-- of an import before schema version 7, one row per table and import with
-- new_value NULL (see change_range); an update keeps one
-- row per field whose value changed, with the old and the new value as
-- they were stored (an integer stays an integer).  op is 'insert',
-- 'update', 'delete', or 'cascade' for a row deleted because a row it
-- depends on was (an event's participant groups with the event, a
-- document's records with the document): restore brings those back with
-- the record whose removal took them.  record_id is the row's id; for the
-- link tables without one, the owner's (event_measure: the event,
-- measure_responsible: the measure).  origin_id has no foreign key: an
-- origin outlives nothing, and checking one on every row would cost the
-- importer.
-- Columns:
--   id          the change's id
--   table_name  the record's table
--   record_id   the record's id (for links, the owner's)
--   op          insert, update, delete or cascade
--   old_value   the value before, or a deleted record as JSON
--   new_value   the value after, or an inserted record as JSON
CREATE TABLE history (
    id         INTEGER PRIMARY KEY,
    changed_at TEXT    NOT NULL,     -- UTC, '2026-12-07T17:20:01.123Z'
    origin_id  INTEGER,              -- change_origin(id); NULL: a direct SQL edit
    table_name TEXT    NOT NULL,
    record_id  INTEGER NOT NULL,
    record_last INTEGER,             -- an import's inserts: ids record_id..record_last
    op         TEXT    NOT NULL,
    field      TEXT,                 -- update: the column; NULL: the whole record
    old_value  ANY,
    new_value  ANY
) STRICT;
CREATE INDEX history_by_record ON history(table_name, record_id);
-- The ranges of an import's inserts, to find the one holding a record.
CREATE INDEX history_ranges ON history(table_name, record_id) WHERE record_last IS NOT NULL;

-- The triggers: for each table of records, AFTER INSERT (unless an import
-- is storing: see change_range), UPDATE and DELETE.
-- A test (tests/test_history.c) checks that every column of every such
-- table is named in its triggers, so a column added later is not silently
-- left out of the history.  Except the derived columns of schema version 6,
-- left out on purpose: event's participant totals (participants,
-- participants_qualifier, participant_groups), which the triggers
-- event_participants_* rewrite on every write to a group -- the group's
-- change is the history, and a restored event's totals are rebuilt as its
-- groups come back -- and council.name_key, lt_key of the name.  These
-- triggers stay as version 5 made them (migration 4 -> 5 runs this section
-- on a database without those columns), so they must not name them.
-- source_document's: see the section "one answer" (schema version 7).
CREATE TRIGGER council_history_insert AFTER INSERT ON council
WHEN NOT EXISTS (SELECT 1 FROM change_range WHERE table_name = 'council') BEGIN
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, new_value)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
            (SELECT origin_id FROM change_context), 'council', new.id, 'insert',
            json_object('id', new.id, 'name', new.name, 'municipality', new.municipality,
                        'kind', new.kind, 'founding_act', new.founding_act, 'size', new.size,
                        'seats_municipality', new.seats_municipality,
                        'seats_community', new.seats_community, 'source_id', new.source_id));
END;
CREATE TRIGGER council_history_update AFTER UPDATE ON council BEGIN
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, field, old_value, new_value)
    SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
           (SELECT origin_id FROM change_context), 'council', new.id, 'update', f.*
      FROM (SELECT 'id', old.id, new.id WHERE old.id IS NOT new.id
          UNION ALL SELECT 'name', old.name, new.name WHERE old.name IS NOT new.name
          UNION ALL SELECT 'municipality', old.municipality, new.municipality WHERE old.municipality IS NOT new.municipality
          UNION ALL SELECT 'kind', old.kind, new.kind WHERE old.kind IS NOT new.kind
          UNION ALL SELECT 'founding_act', old.founding_act, new.founding_act WHERE old.founding_act IS NOT new.founding_act
          UNION ALL SELECT 'size', old.size, new.size WHERE old.size IS NOT new.size
          UNION ALL SELECT 'seats_municipality', old.seats_municipality, new.seats_municipality WHERE old.seats_municipality IS NOT new.seats_municipality
          UNION ALL SELECT 'seats_community', old.seats_community, new.seats_community WHERE old.seats_community IS NOT new.seats_community
          UNION ALL SELECT 'source_id', old.source_id, new.source_id WHERE old.source_id IS NOT new.source_id) f;
END;
CREATE TRIGGER council_history_delete AFTER DELETE ON council BEGIN
    UPDATE change_range SET lo = min(lo, (SELECT coalesce(max(id), 0) + 1 FROM council))
     WHERE table_name = 'council';
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, old_value)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
            (SELECT origin_id FROM change_context), 'council', old.id,
            'delete',
            json_object('id', old.id, 'name', old.name, 'municipality', old.municipality,
                        'kind', old.kind, 'founding_act', old.founding_act, 'size', old.size,
                        'seats_municipality', old.seats_municipality,
                        'seats_community', old.seats_community, 'source_id', old.source_id));
END;
CREATE TRIGGER member_history_insert AFTER INSERT ON member
WHEN NOT EXISTS (SELECT 1 FROM change_range WHERE table_name = 'member') BEGIN
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, new_value)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
            (SELECT origin_id FROM change_context), 'member', new.id, 'insert',
            json_object('id', new.id, 'council_id', new.council_id, 'name', new.name,
                        'role', new.role, 'represents', new.represents, 'side', new.side,
                        'delegated_by', new.delegated_by, 'term_start', new.term_start,
                        'term_end', new.term_end, 'source_id', new.source_id));
END;
CREATE TRIGGER member_history_update AFTER UPDATE ON member BEGIN
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, field, old_value, new_value)
    SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
           (SELECT origin_id FROM change_context), 'member', new.id, 'update', f.*
      FROM (SELECT 'id', old.id, new.id WHERE old.id IS NOT new.id
          UNION ALL SELECT 'council_id', old.council_id, new.council_id WHERE old.council_id IS NOT new.council_id
          UNION ALL SELECT 'name', old.name, new.name WHERE old.name IS NOT new.name
          UNION ALL SELECT 'role', old.role, new.role WHERE old.role IS NOT new.role
          UNION ALL SELECT 'represents', old.represents, new.represents WHERE old.represents IS NOT new.represents
          UNION ALL SELECT 'side', old.side, new.side WHERE old.side IS NOT new.side
          UNION ALL SELECT 'delegated_by', old.delegated_by, new.delegated_by WHERE old.delegated_by IS NOT new.delegated_by
          UNION ALL SELECT 'term_start', old.term_start, new.term_start WHERE old.term_start IS NOT new.term_start
          UNION ALL SELECT 'term_end', old.term_end, new.term_end WHERE old.term_end IS NOT new.term_end
          UNION ALL SELECT 'source_id', old.source_id, new.source_id WHERE old.source_id IS NOT new.source_id) f;
END;
CREATE TRIGGER member_history_delete AFTER DELETE ON member BEGIN
    UPDATE change_range SET lo = min(lo, (SELECT coalesce(max(id), 0) + 1 FROM member))
     WHERE table_name = 'member';
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, old_value)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
            (SELECT origin_id FROM change_context), 'member', old.id,
            CASE WHEN (old.source_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM source_document WHERE id = old.source_id))
                 THEN 'cascade' ELSE 'delete' END,
            json_object('id', old.id, 'council_id', old.council_id, 'name', old.name,
                        'role', old.role, 'represents', old.represents, 'side', old.side,
                        'delegated_by', old.delegated_by, 'term_start', old.term_start,
                        'term_end', old.term_end, 'source_id', old.source_id));
END;
CREATE TRIGGER meeting_history_insert AFTER INSERT ON meeting
WHEN NOT EXISTS (SELECT 1 FROM change_range WHERE table_name = 'meeting') BEGIN
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, new_value)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
            (SELECT origin_id FROM change_context), 'meeting', new.id, 'insert',
            json_object('id', new.id, 'council_id', new.council_id, 'date_start', new.date_start,
                        'date_end', new.date_end, 'year', new.year, 'format', new.format,
                        'platform', new.platform, 'location', new.location,
                        'summary', new.summary, 'source_id', new.source_id));
END;
CREATE TRIGGER meeting_history_update AFTER UPDATE ON meeting BEGIN
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, field, old_value, new_value)
    SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
           (SELECT origin_id FROM change_context), 'meeting', new.id, 'update', f.*
      FROM (SELECT 'id', old.id, new.id WHERE old.id IS NOT new.id
          UNION ALL SELECT 'council_id', old.council_id, new.council_id WHERE old.council_id IS NOT new.council_id
          UNION ALL SELECT 'date_start', old.date_start, new.date_start WHERE old.date_start IS NOT new.date_start
          UNION ALL SELECT 'date_end', old.date_end, new.date_end WHERE old.date_end IS NOT new.date_end
          UNION ALL SELECT 'year', old.year, new.year WHERE old.year IS NOT new.year
          UNION ALL SELECT 'format', old.format, new.format WHERE old.format IS NOT new.format
          UNION ALL SELECT 'platform', old.platform, new.platform WHERE old.platform IS NOT new.platform
          UNION ALL SELECT 'location', old.location, new.location WHERE old.location IS NOT new.location
          UNION ALL SELECT 'summary', old.summary, new.summary WHERE old.summary IS NOT new.summary
          UNION ALL SELECT 'source_id', old.source_id, new.source_id WHERE old.source_id IS NOT new.source_id) f;
END;
CREATE TRIGGER meeting_history_delete AFTER DELETE ON meeting BEGIN
    UPDATE change_range SET lo = min(lo, (SELECT coalesce(max(id), 0) + 1 FROM meeting))
     WHERE table_name = 'meeting';
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, old_value)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
            (SELECT origin_id FROM change_context), 'meeting', old.id,
            CASE WHEN (old.source_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM source_document WHERE id = old.source_id))
                 THEN 'cascade' ELSE 'delete' END,
            json_object('id', old.id, 'council_id', old.council_id, 'date_start', old.date_start,
                        'date_end', old.date_end, 'year', old.year, 'format', old.format,
                        'platform', old.platform, 'location', old.location,
                        'summary', old.summary, 'source_id', old.source_id));
END;
CREATE TRIGGER reported_figure_history_insert AFTER INSERT ON reported_figure
WHEN NOT EXISTS (SELECT 1 FROM change_range WHERE table_name = 'reported_figure') BEGIN
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, new_value)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
            (SELECT origin_id FROM change_context), 'reported_figure', new.id, 'insert',
            json_object('id', new.id, 'council_id', new.council_id, 'year', new.year,
                        'metric', new.metric, 'value', new.value, 'qualifier', new.qualifier,
                        'source_id', new.source_id));
END;
CREATE TRIGGER reported_figure_history_update AFTER UPDATE ON reported_figure BEGIN
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, field, old_value, new_value)
    SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
           (SELECT origin_id FROM change_context), 'reported_figure', new.id, 'update', f.*
      FROM (SELECT 'id', old.id, new.id WHERE old.id IS NOT new.id
          UNION ALL SELECT 'council_id', old.council_id, new.council_id WHERE old.council_id IS NOT new.council_id
          UNION ALL SELECT 'year', old.year, new.year WHERE old.year IS NOT new.year
          UNION ALL SELECT 'metric', old.metric, new.metric WHERE old.metric IS NOT new.metric
          UNION ALL SELECT 'value', old.value, new.value WHERE old.value IS NOT new.value
          UNION ALL SELECT 'qualifier', old.qualifier, new.qualifier WHERE old.qualifier IS NOT new.qualifier
          UNION ALL SELECT 'source_id', old.source_id, new.source_id WHERE old.source_id IS NOT new.source_id) f;
END;
CREATE TRIGGER reported_figure_history_delete AFTER DELETE ON reported_figure BEGIN
    UPDATE change_range SET lo = min(lo, (SELECT coalesce(max(id), 0) + 1 FROM reported_figure))
     WHERE table_name = 'reported_figure';
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, old_value)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
            (SELECT origin_id FROM change_context), 'reported_figure', old.id,
            CASE WHEN (old.source_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM source_document WHERE id = old.source_id))
                 THEN 'cascade' ELSE 'delete' END,
            json_object('id', old.id, 'council_id', old.council_id, 'year', old.year,
                        'metric', old.metric, 'value', old.value, 'qualifier', old.qualifier,
                        'source_id', old.source_id));
END;
CREATE TRIGGER plan_history_insert AFTER INSERT ON plan
WHEN NOT EXISTS (SELECT 1 FROM change_range WHERE table_name = 'plan') BEGIN
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, new_value)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
            (SELECT origin_id FROM change_context), 'plan', new.id, 'insert',
            json_object('id', new.id, 'council_id', new.council_id, 'title', new.title,
                        'year_from', new.year_from, 'year_to', new.year_to,
                        'source_id', new.source_id));
END;
CREATE TRIGGER plan_history_update AFTER UPDATE ON plan BEGIN
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, field, old_value, new_value)
    SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
           (SELECT origin_id FROM change_context), 'plan', new.id, 'update', f.*
      FROM (SELECT 'id', old.id, new.id WHERE old.id IS NOT new.id
          UNION ALL SELECT 'council_id', old.council_id, new.council_id WHERE old.council_id IS NOT new.council_id
          UNION ALL SELECT 'title', old.title, new.title WHERE old.title IS NOT new.title
          UNION ALL SELECT 'year_from', old.year_from, new.year_from WHERE old.year_from IS NOT new.year_from
          UNION ALL SELECT 'year_to', old.year_to, new.year_to WHERE old.year_to IS NOT new.year_to
          UNION ALL SELECT 'source_id', old.source_id, new.source_id WHERE old.source_id IS NOT new.source_id) f;
END;
CREATE TRIGGER plan_history_delete AFTER DELETE ON plan BEGIN
    UPDATE change_range SET lo = min(lo, (SELECT coalesce(max(id), 0) + 1 FROM plan))
     WHERE table_name = 'plan';
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, old_value)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
            (SELECT origin_id FROM change_context), 'plan', old.id,
            CASE WHEN (old.source_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM source_document WHERE id = old.source_id))
                 THEN 'cascade' ELSE 'delete' END,
            json_object('id', old.id, 'council_id', old.council_id, 'title', old.title,
                        'year_from', old.year_from, 'year_to', old.year_to,
                        'source_id', old.source_id));
END;
CREATE TRIGGER measure_history_insert AFTER INSERT ON measure
WHEN NOT EXISTS (SELECT 1 FROM change_range WHERE table_name = 'measure') BEGIN
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, new_value)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
            (SELECT origin_id FROM change_context), 'measure', new.id, 'insert',
            json_object('id', new.id, 'plan_id', new.plan_id, 'seq', new.seq, 'name', new.name,
                        'indicator', new.indicator, 'source_id', new.source_id));
END;
CREATE TRIGGER measure_history_update AFTER UPDATE ON measure BEGIN
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, field, old_value, new_value)
    SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
           (SELECT origin_id FROM change_context), 'measure', new.id, 'update', f.*
      FROM (SELECT 'id', old.id, new.id WHERE old.id IS NOT new.id
          UNION ALL SELECT 'plan_id', old.plan_id, new.plan_id WHERE old.plan_id IS NOT new.plan_id
          UNION ALL SELECT 'seq', old.seq, new.seq WHERE old.seq IS NOT new.seq
          UNION ALL SELECT 'name', old.name, new.name WHERE old.name IS NOT new.name
          UNION ALL SELECT 'indicator', old.indicator, new.indicator WHERE old.indicator IS NOT new.indicator
          UNION ALL SELECT 'source_id', old.source_id, new.source_id WHERE old.source_id IS NOT new.source_id) f;
END;
CREATE TRIGGER measure_history_delete AFTER DELETE ON measure BEGIN
    UPDATE change_range SET lo = min(lo, (SELECT coalesce(max(id), 0) + 1 FROM measure))
     WHERE table_name = 'measure';
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, old_value)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
            (SELECT origin_id FROM change_context), 'measure', old.id,
            CASE WHEN (old.source_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM source_document WHERE id = old.source_id)) OR (old.plan_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM plan WHERE id = old.plan_id))
                 THEN 'cascade' ELSE 'delete' END,
            json_object('id', old.id, 'plan_id', old.plan_id, 'seq', old.seq, 'name', old.name,
                        'indicator', old.indicator, 'source_id', old.source_id));
END;
CREATE TRIGGER measure_responsible_history_insert AFTER INSERT ON measure_responsible
WHEN NOT EXISTS (SELECT 1 FROM change_range) BEGIN
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, new_value)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
            (SELECT origin_id FROM change_context), 'measure_responsible', new.measure_id, 'insert',
            json_object('measure_id', new.measure_id, 'pos', new.pos, 'unit', new.unit));
END;
CREATE TRIGGER measure_responsible_history_update AFTER UPDATE ON measure_responsible BEGIN
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, field, old_value, new_value)
    SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
           (SELECT origin_id FROM change_context), 'measure_responsible', new.measure_id, 'update', f.*
      FROM (SELECT 'measure_id', old.measure_id, new.measure_id WHERE old.measure_id IS NOT new.measure_id
          UNION ALL SELECT 'pos', old.pos, new.pos WHERE old.pos IS NOT new.pos
          UNION ALL SELECT 'unit', old.unit, new.unit WHERE old.unit IS NOT new.unit) f;
END;
CREATE TRIGGER measure_responsible_history_delete AFTER DELETE ON measure_responsible BEGIN
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, old_value)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
            (SELECT origin_id FROM change_context), 'measure_responsible', old.measure_id,
            CASE WHEN (old.measure_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM measure WHERE id = old.measure_id))
                 THEN 'cascade' ELSE 'delete' END,
            json_object('measure_id', old.measure_id, 'pos', old.pos, 'unit', old.unit));
END;
CREATE TRIGGER measure_fulfilment_history_insert AFTER INSERT ON measure_fulfilment
WHEN NOT EXISTS (SELECT 1 FROM change_range WHERE table_name = 'measure_fulfilment') BEGIN
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, new_value)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
            (SELECT origin_id FROM change_context), 'measure_fulfilment', new.id, 'insert',
            json_object('id', new.id, 'measure_id', new.measure_id, 'year', new.year,
                        'text', new.text, 'source_id', new.source_id));
END;
CREATE TRIGGER measure_fulfilment_history_update AFTER UPDATE ON measure_fulfilment BEGIN
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, field, old_value, new_value)
    SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
           (SELECT origin_id FROM change_context), 'measure_fulfilment', new.id, 'update', f.*
      FROM (SELECT 'id', old.id, new.id WHERE old.id IS NOT new.id
          UNION ALL SELECT 'measure_id', old.measure_id, new.measure_id WHERE old.measure_id IS NOT new.measure_id
          UNION ALL SELECT 'year', old.year, new.year WHERE old.year IS NOT new.year
          UNION ALL SELECT 'text', old.text, new.text WHERE old.text IS NOT new.text
          UNION ALL SELECT 'source_id', old.source_id, new.source_id WHERE old.source_id IS NOT new.source_id) f;
END;
CREATE TRIGGER measure_fulfilment_history_delete AFTER DELETE ON measure_fulfilment BEGIN
    UPDATE change_range SET lo = min(lo, (SELECT coalesce(max(id), 0) + 1 FROM measure_fulfilment))
     WHERE table_name = 'measure_fulfilment';
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, old_value)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
            (SELECT origin_id FROM change_context), 'measure_fulfilment', old.id,
            CASE WHEN (old.source_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM source_document WHERE id = old.source_id)) OR (old.measure_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM measure WHERE id = old.measure_id))
                 THEN 'cascade' ELSE 'delete' END,
            json_object('id', old.id, 'measure_id', old.measure_id, 'year', old.year,
                        'text', old.text, 'source_id', old.source_id));
END;
CREATE TRIGGER event_history_insert AFTER INSERT ON event
WHEN NOT EXISTS (SELECT 1 FROM change_range WHERE table_name = 'event') BEGIN
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, new_value)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
            (SELECT origin_id FROM change_context), 'event', new.id, 'insert',
            json_object('id', new.id, 'council_id', new.council_id, 'meeting_id', new.meeting_id,
                        'title', new.title, 'kind', new.kind, 'organiser', new.organiser,
                        'date_start', new.date_start, 'date_end', new.date_end, 'year', new.year,
                        'location', new.location, 'remote', new.remote,
                        'description', new.description, 'source_id', new.source_id));
END;
CREATE TRIGGER event_history_update AFTER UPDATE ON event BEGIN
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, field, old_value, new_value)
    SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
           (SELECT origin_id FROM change_context), 'event', new.id, 'update', f.*
      FROM (SELECT 'id', old.id, new.id WHERE old.id IS NOT new.id
          UNION ALL SELECT 'council_id', old.council_id, new.council_id WHERE old.council_id IS NOT new.council_id
          UNION ALL SELECT 'meeting_id', old.meeting_id, new.meeting_id WHERE old.meeting_id IS NOT new.meeting_id
          UNION ALL SELECT 'title', old.title, new.title WHERE old.title IS NOT new.title
          UNION ALL SELECT 'kind', old.kind, new.kind WHERE old.kind IS NOT new.kind
          UNION ALL SELECT 'organiser', old.organiser, new.organiser WHERE old.organiser IS NOT new.organiser
          UNION ALL SELECT 'date_start', old.date_start, new.date_start WHERE old.date_start IS NOT new.date_start
          UNION ALL SELECT 'date_end', old.date_end, new.date_end WHERE old.date_end IS NOT new.date_end
          UNION ALL SELECT 'year', old.year, new.year WHERE old.year IS NOT new.year
          UNION ALL SELECT 'location', old.location, new.location WHERE old.location IS NOT new.location
          UNION ALL SELECT 'remote', old.remote, new.remote WHERE old.remote IS NOT new.remote
          UNION ALL SELECT 'description', old.description, new.description WHERE old.description IS NOT new.description
          UNION ALL SELECT 'source_id', old.source_id, new.source_id WHERE old.source_id IS NOT new.source_id) f;
END;
CREATE TRIGGER event_history_delete AFTER DELETE ON event BEGIN
    UPDATE change_range SET lo = min(lo, (SELECT coalesce(max(id), 0) + 1 FROM event))
     WHERE table_name = 'event';
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, old_value)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
            (SELECT origin_id FROM change_context), 'event', old.id,
            CASE WHEN (old.source_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM source_document WHERE id = old.source_id))
                 THEN 'cascade' ELSE 'delete' END,
            json_object('id', old.id, 'council_id', old.council_id, 'meeting_id', old.meeting_id,
                        'title', old.title, 'kind', old.kind, 'organiser', old.organiser,
                        'date_start', old.date_start, 'date_end', old.date_end, 'year', old.year,
                        'location', old.location, 'remote', old.remote,
                        'description', old.description, 'source_id', old.source_id));
END;
CREATE TRIGGER event_measure_history_insert AFTER INSERT ON event_measure
WHEN NOT EXISTS (SELECT 1 FROM change_range) BEGIN
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, new_value)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
            (SELECT origin_id FROM change_context), 'event_measure', new.event_id, 'insert',
            json_object('event_id', new.event_id, 'measure_id', new.measure_id));
END;
CREATE TRIGGER event_measure_history_update AFTER UPDATE ON event_measure BEGIN
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, field, old_value, new_value)
    SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
           (SELECT origin_id FROM change_context), 'event_measure', new.event_id, 'update', f.*
      FROM (SELECT 'event_id', old.event_id, new.event_id WHERE old.event_id IS NOT new.event_id
          UNION ALL SELECT 'measure_id', old.measure_id, new.measure_id WHERE old.measure_id IS NOT new.measure_id) f;
END;
CREATE TRIGGER event_measure_history_delete AFTER DELETE ON event_measure BEGIN
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, old_value)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
            (SELECT origin_id FROM change_context), 'event_measure', old.event_id,
            CASE WHEN (old.measure_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM measure WHERE id = old.measure_id)) OR (old.event_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM event WHERE id = old.event_id))
                 THEN 'cascade' ELSE 'delete' END,
            json_object('event_id', old.event_id, 'measure_id', old.measure_id));
END;
CREATE TRIGGER event_participants_history_insert AFTER INSERT ON event_participants
WHEN NOT EXISTS (SELECT 1 FROM change_range WHERE table_name = 'event_participants') BEGIN
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, new_value)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
            (SELECT origin_id FROM change_context), 'event_participants', new.id, 'insert',
            json_object('id', new.id, 'event_id', new.event_id, 'count', new.count,
                        'qualifier', new.qualifier, 'group_name', new.group_name,
                        'source_id', new.source_id));
END;
CREATE TRIGGER event_participants_history_update AFTER UPDATE ON event_participants BEGIN
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, field, old_value, new_value)
    SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
           (SELECT origin_id FROM change_context), 'event_participants', new.id, 'update', f.*
      FROM (SELECT 'id', old.id, new.id WHERE old.id IS NOT new.id
          UNION ALL SELECT 'event_id', old.event_id, new.event_id WHERE old.event_id IS NOT new.event_id
          UNION ALL SELECT 'count', old.count, new.count WHERE old.count IS NOT new.count
          UNION ALL SELECT 'qualifier', old.qualifier, new.qualifier WHERE old.qualifier IS NOT new.qualifier
          UNION ALL SELECT 'group_name', old.group_name, new.group_name WHERE old.group_name IS NOT new.group_name
          UNION ALL SELECT 'source_id', old.source_id, new.source_id WHERE old.source_id IS NOT new.source_id) f;
END;
CREATE TRIGGER event_participants_history_delete AFTER DELETE ON event_participants BEGIN
    UPDATE change_range SET lo = min(lo, (SELECT coalesce(max(id), 0) + 1 FROM event_participants))
     WHERE table_name = 'event_participants';
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, old_value)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
            (SELECT origin_id FROM change_context), 'event_participants', old.id,
            CASE WHEN (old.source_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM source_document WHERE id = old.source_id)) OR (old.event_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM event WHERE id = old.event_id))
                 THEN 'cascade' ELSE 'delete' END,
            json_object('id', old.id, 'event_id', old.event_id, 'count', old.count,
                        'qualifier', old.qualifier, 'group_name', old.group_name,
                        'source_id', old.source_id));
END;
CREATE TRIGGER legal_act_history_insert AFTER INSERT ON legal_act
WHEN NOT EXISTS (SELECT 1 FROM change_range WHERE table_name = 'legal_act') BEGIN
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, new_value)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
            (SELECT origin_id FROM change_context), 'legal_act', new.id, 'insert',
            json_object('id', new.id, 'council_id', new.council_id, 'number', new.number,
                        'date', new.date, 'title', new.title, 'effect', new.effect,
                        'source_id', new.source_id));
END;
CREATE TRIGGER legal_act_history_update AFTER UPDATE ON legal_act BEGIN
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, field, old_value, new_value)
    SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
           (SELECT origin_id FROM change_context), 'legal_act', new.id, 'update', f.*
      FROM (SELECT 'id', old.id, new.id WHERE old.id IS NOT new.id
          UNION ALL SELECT 'council_id', old.council_id, new.council_id WHERE old.council_id IS NOT new.council_id
          UNION ALL SELECT 'number', old.number, new.number WHERE old.number IS NOT new.number
          UNION ALL SELECT 'date', old.date, new.date WHERE old.date IS NOT new.date
          UNION ALL SELECT 'title', old.title, new.title WHERE old.title IS NOT new.title
          UNION ALL SELECT 'effect', old.effect, new.effect WHERE old.effect IS NOT new.effect
          UNION ALL SELECT 'source_id', old.source_id, new.source_id WHERE old.source_id IS NOT new.source_id) f;
END;
CREATE TRIGGER legal_act_history_delete AFTER DELETE ON legal_act BEGIN
    UPDATE change_range SET lo = min(lo, (SELECT coalesce(max(id), 0) + 1 FROM legal_act))
     WHERE table_name = 'legal_act';
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, old_value)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
            (SELECT origin_id FROM change_context), 'legal_act', old.id,
            CASE WHEN (old.source_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM source_document WHERE id = old.source_id))
                 THEN 'cascade' ELSE 'delete' END,
            json_object('id', old.id, 'council_id', old.council_id, 'number', old.number,
                        'date', old.date, 'title', old.title, 'effect', old.effect,
                        'source_id', old.source_id));
END;

-- Public view of the history: one row per change of a record, oldest first
-- by change_id.  origin is 'import', 'review', 'cli', 'library' (or a
-- program's own label) or 'sql'; field is NULL for an insert or a delete,
-- whose new_value or old_value is then the whole record as a JSON object
-- (NULL for the records an import inserted before schema version 7);
-- operation is insert, update, delete or cascade (see history); document
-- and sha256 name the imported or reviewed file; change_id is the history
-- row (before version 7, an import's inserts into one table shared one).
-- Columns:
--   table_name  the table of the record changed (council, member, event, ...)
--   record_id   the record's id
--   changed_at  when, in UTC (ISO 8601 with milliseconds)
--   origin      who: import, review, cli, library, sql, or a program's own label
--   field       the column an update changed; empty for an insert or a delete
--   old_value   the value before an update, or a deleted record as a JSON object
--   new_value   the value after an update, or an inserted record as a JSON object
--   operation   insert, update, delete, or cascade (removed with a record it depends on)
--   document    the imported or reviewed file's path
--   sha256      that file's SHA-256
--   change_id   the history row the change is kept in
CREATE VIEW changes(table_name, record_id, changed_at, origin, field, old_value, new_value,
                    operation, document, sha256, change_id) AS
WITH RECURSIVE imported(change_id, record_id, record_last) AS (
    SELECT id, record_id, record_last FROM history WHERE record_last IS NOT NULL
    UNION ALL
    SELECT change_id, record_id + 1, record_last FROM imported WHERE record_id < record_last
)
SELECT h.table_name, h.record_id, h.changed_at, coalesce(o.kind, 'sql'), h.field,
       h.old_value, h.new_value, h.op, o.document, o.sha256, h.id
  FROM history h LEFT JOIN change_origin o ON o.id = h.origin_id
 WHERE h.record_last IS NULL
UNION ALL
SELECT h.table_name, i.record_id, h.changed_at, coalesce(o.kind, 'sql'), NULL,
       NULL, NULL, h.op, o.document, o.sha256, h.id
  FROM imported i JOIN history h ON h.id = i.change_id
  LEFT JOIN change_origin o ON o.id = h.origin_id;
-- <<< history

-- >>> origin (schema version 7; lib/db.c's migration 6 -> 7 runs this
-- section of the embedded schema, from this marker to the closing one, on
-- an older database: keep it self-contained, and give any later change to
-- it a migration step of its own.)
-- ---------------------------------------------------------------------------
-- Who is writing, and what a person did.  Until version 7 the *_review
-- triggers read the writer from a table of their own, write_origin, beside
-- the history's change_context: two tables saying one thing, which the
-- importer had to keep in step.  Now change_context (the history section)
-- is the one: its origin's kind 'import' is a document's raw import, whose
-- changes are no person's; 'review' a reviewed JSON extraction, whose
-- changes are marked with origin 'review PATH SHA256'; anything else (the
-- library, the CLI, a program's label, a sqlite3 shell with no context) a
-- person's, marked 'hand'.  (Since version 7 too, an import's inserts
-- are kept in the history with their values: see change_range and
-- lib/history.c.)
-- ---------------------------------------------------------------------------
DROP TABLE IF EXISTS write_origin;

-- A changed value outside an import is a person's: marked reviewed.
DROP TRIGGER IF EXISTS council_review;
CREATE TRIGGER council_review AFTER UPDATE ON council
WHEN NOT EXISTS (SELECT 1 FROM change_context c JOIN change_origin o ON o.id = c.origin_id
                  WHERE o.kind = 'import')
BEGIN
    INSERT OR REPLACE INTO reviewed(table_name, record_id, field, value, origin)
    SELECT 'council', NEW.id, f, v, coalesce((SELECT 'review ' || o.document || ' ' || o.sha256
                 FROM change_context c JOIN change_origin o ON o.id = c.origin_id
                WHERE o.kind = 'review'), 'hand') FROM (
        SELECT 'name' AS f, NEW.name AS v WHERE NEW.name IS NOT OLD.name
        UNION ALL SELECT 'municipality', NEW.municipality WHERE NEW.municipality IS NOT OLD.municipality
        UNION ALL SELECT 'kind', NEW.kind WHERE NEW.kind IS NOT OLD.kind
        UNION ALL SELECT 'founding_act', NEW.founding_act WHERE NEW.founding_act IS NOT OLD.founding_act
        UNION ALL SELECT 'size', NEW.size WHERE NEW.size IS NOT OLD.size
        UNION ALL SELECT 'seats_municipality', NEW.seats_municipality WHERE NEW.seats_municipality IS NOT OLD.seats_municipality
        UNION ALL SELECT 'seats_community', NEW.seats_community WHERE NEW.seats_community IS NOT OLD.seats_community);
END;
DROP TRIGGER IF EXISTS member_review;
CREATE TRIGGER member_review AFTER UPDATE ON member
WHEN NOT EXISTS (SELECT 1 FROM change_context c JOIN change_origin o ON o.id = c.origin_id
                  WHERE o.kind = 'import')
BEGIN
    INSERT OR REPLACE INTO reviewed(table_name, record_id, field, value, origin)
    SELECT 'member', NEW.id, f, v, coalesce((SELECT 'review ' || o.document || ' ' || o.sha256
                 FROM change_context c JOIN change_origin o ON o.id = c.origin_id
                WHERE o.kind = 'review'), 'hand') FROM (
        SELECT 'name' AS f, NEW.name AS v WHERE NEW.name IS NOT OLD.name
        UNION ALL SELECT 'role', NEW.role WHERE NEW.role IS NOT OLD.role
        UNION ALL SELECT 'represents', NEW.represents WHERE NEW.represents IS NOT OLD.represents
        UNION ALL SELECT 'side', NEW.side WHERE NEW.side IS NOT OLD.side
        UNION ALL SELECT 'delegated_by', NEW.delegated_by WHERE NEW.delegated_by IS NOT OLD.delegated_by
        UNION ALL SELECT 'term_start', NEW.term_start WHERE NEW.term_start IS NOT OLD.term_start
        UNION ALL SELECT 'term_end', NEW.term_end WHERE NEW.term_end IS NOT OLD.term_end);
END;
DROP TRIGGER IF EXISTS meeting_review;
CREATE TRIGGER meeting_review AFTER UPDATE ON meeting
WHEN NOT EXISTS (SELECT 1 FROM change_context c JOIN change_origin o ON o.id = c.origin_id
                  WHERE o.kind = 'import')
BEGIN
    INSERT OR REPLACE INTO reviewed(table_name, record_id, field, value, origin)
    SELECT 'meeting', NEW.id, f, v, coalesce((SELECT 'review ' || o.document || ' ' || o.sha256
                 FROM change_context c JOIN change_origin o ON o.id = c.origin_id
                WHERE o.kind = 'review'), 'hand') FROM (
        SELECT 'date_start' AS f, NEW.date_start AS v WHERE NEW.date_start IS NOT OLD.date_start
        UNION ALL SELECT 'date_end', NEW.date_end WHERE NEW.date_end IS NOT OLD.date_end
        UNION ALL SELECT 'format', NEW.format WHERE NEW.format IS NOT OLD.format
        UNION ALL SELECT 'platform', NEW.platform WHERE NEW.platform IS NOT OLD.platform
        UNION ALL SELECT 'location', NEW.location WHERE NEW.location IS NOT OLD.location
        UNION ALL SELECT 'summary', NEW.summary WHERE NEW.summary IS NOT OLD.summary);
END;
DROP TRIGGER IF EXISTS reported_figure_review;
CREATE TRIGGER reported_figure_review AFTER UPDATE ON reported_figure
WHEN NOT EXISTS (SELECT 1 FROM change_context c JOIN change_origin o ON o.id = c.origin_id
                  WHERE o.kind = 'import')
BEGIN
    INSERT OR REPLACE INTO reviewed(table_name, record_id, field, value, origin)
    SELECT 'reported_figure', NEW.id, f, v, coalesce((SELECT 'review ' || o.document || ' ' || o.sha256
                 FROM change_context c JOIN change_origin o ON o.id = c.origin_id
                WHERE o.kind = 'review'), 'hand') FROM (
        SELECT 'year' AS f, NEW.year AS v WHERE NEW.year IS NOT OLD.year
        UNION ALL SELECT 'metric', NEW.metric WHERE NEW.metric IS NOT OLD.metric
        UNION ALL SELECT 'value', NEW.value WHERE NEW.value IS NOT OLD.value
        UNION ALL SELECT 'qualifier', NEW.qualifier WHERE NEW.qualifier IS NOT OLD.qualifier);
END;
DROP TRIGGER IF EXISTS plan_review;
CREATE TRIGGER plan_review AFTER UPDATE ON plan
WHEN NOT EXISTS (SELECT 1 FROM change_context c JOIN change_origin o ON o.id = c.origin_id
                  WHERE o.kind = 'import')
BEGIN
    INSERT OR REPLACE INTO reviewed(table_name, record_id, field, value, origin)
    SELECT 'plan', NEW.id, f, v, coalesce((SELECT 'review ' || o.document || ' ' || o.sha256
                 FROM change_context c JOIN change_origin o ON o.id = c.origin_id
                WHERE o.kind = 'review'), 'hand') FROM (
        SELECT 'title' AS f, NEW.title AS v WHERE NEW.title IS NOT OLD.title
        UNION ALL SELECT 'year_from', NEW.year_from WHERE NEW.year_from IS NOT OLD.year_from
        UNION ALL SELECT 'year_to', NEW.year_to WHERE NEW.year_to IS NOT OLD.year_to);
END;
DROP TRIGGER IF EXISTS measure_review;
CREATE TRIGGER measure_review AFTER UPDATE ON measure
WHEN NOT EXISTS (SELECT 1 FROM change_context c JOIN change_origin o ON o.id = c.origin_id
                  WHERE o.kind = 'import')
BEGIN
    INSERT OR REPLACE INTO reviewed(table_name, record_id, field, value, origin)
    SELECT 'measure', NEW.id, f, v, coalesce((SELECT 'review ' || o.document || ' ' || o.sha256
                 FROM change_context c JOIN change_origin o ON o.id = c.origin_id
                WHERE o.kind = 'review'), 'hand') FROM (
        SELECT 'seq' AS f, NEW.seq AS v WHERE NEW.seq IS NOT OLD.seq
        UNION ALL SELECT 'name', NEW.name WHERE NEW.name IS NOT OLD.name
        UNION ALL SELECT 'indicator', NEW.indicator WHERE NEW.indicator IS NOT OLD.indicator);
END;
DROP TRIGGER IF EXISTS measure_fulfilment_review;
CREATE TRIGGER measure_fulfilment_review AFTER UPDATE ON measure_fulfilment
WHEN NOT EXISTS (SELECT 1 FROM change_context c JOIN change_origin o ON o.id = c.origin_id
                  WHERE o.kind = 'import')
BEGIN
    INSERT OR REPLACE INTO reviewed(table_name, record_id, field, value, origin)
    SELECT 'measure_fulfilment', NEW.id, f, v, coalesce((SELECT 'review ' || o.document || ' ' || o.sha256
                 FROM change_context c JOIN change_origin o ON o.id = c.origin_id
                WHERE o.kind = 'review'), 'hand') FROM (
        SELECT 'year' AS f, NEW.year AS v WHERE NEW.year IS NOT OLD.year
        UNION ALL SELECT 'text', NEW.text WHERE NEW.text IS NOT OLD.text);
END;
DROP TRIGGER IF EXISTS event_review;
CREATE TRIGGER event_review AFTER UPDATE ON event
WHEN NOT EXISTS (SELECT 1 FROM change_context c JOIN change_origin o ON o.id = c.origin_id
                  WHERE o.kind = 'import')
BEGIN
    INSERT OR REPLACE INTO reviewed(table_name, record_id, field, value, origin)
    SELECT 'event', NEW.id, f, v, coalesce((SELECT 'review ' || o.document || ' ' || o.sha256
                 FROM change_context c JOIN change_origin o ON o.id = c.origin_id
                WHERE o.kind = 'review'), 'hand') FROM (
        SELECT 'meeting_id' AS f, NEW.meeting_id AS v WHERE NEW.meeting_id IS NOT OLD.meeting_id
        UNION ALL SELECT 'title', NEW.title WHERE NEW.title IS NOT OLD.title
        UNION ALL SELECT 'kind', NEW.kind WHERE NEW.kind IS NOT OLD.kind
        UNION ALL SELECT 'organiser', NEW.organiser WHERE NEW.organiser IS NOT OLD.organiser
        UNION ALL SELECT 'date_start', NEW.date_start WHERE NEW.date_start IS NOT OLD.date_start
        UNION ALL SELECT 'date_end', NEW.date_end WHERE NEW.date_end IS NOT OLD.date_end
        UNION ALL SELECT 'location', NEW.location WHERE NEW.location IS NOT OLD.location
        UNION ALL SELECT 'remote', NEW.remote WHERE NEW.remote IS NOT OLD.remote
        UNION ALL SELECT 'description', NEW.description WHERE NEW.description IS NOT OLD.description);
END;
DROP TRIGGER IF EXISTS event_participants_review;
CREATE TRIGGER event_participants_review AFTER UPDATE ON event_participants
WHEN NOT EXISTS (SELECT 1 FROM change_context c JOIN change_origin o ON o.id = c.origin_id
                  WHERE o.kind = 'import')
BEGIN
    INSERT OR REPLACE INTO reviewed(table_name, record_id, field, value, origin)
    SELECT 'event_participants', NEW.id, f, v, coalesce((SELECT 'review ' || o.document || ' ' || o.sha256
                 FROM change_context c JOIN change_origin o ON o.id = c.origin_id
                WHERE o.kind = 'review'), 'hand') FROM (
        SELECT 'count' AS f, NEW.count AS v WHERE NEW.count IS NOT OLD.count
        UNION ALL SELECT 'qualifier', NEW.qualifier WHERE NEW.qualifier IS NOT OLD.qualifier
        UNION ALL SELECT 'group_name', NEW.group_name WHERE NEW.group_name IS NOT OLD.group_name);
END;
DROP TRIGGER IF EXISTS legal_act_review;
CREATE TRIGGER legal_act_review AFTER UPDATE ON legal_act
WHEN NOT EXISTS (SELECT 1 FROM change_context c JOIN change_origin o ON o.id = c.origin_id
                  WHERE o.kind = 'import')
BEGIN
    INSERT OR REPLACE INTO reviewed(table_name, record_id, field, value, origin)
    SELECT 'legal_act', NEW.id, f, v, coalesce((SELECT 'review ' || o.document || ' ' || o.sha256
                 FROM change_context c JOIN change_origin o ON o.id = c.origin_id
                WHERE o.kind = 'review'), 'hand') FROM (
        SELECT 'number' AS f, NEW.number AS v WHERE NEW.number IS NOT OLD.number
        UNION ALL SELECT 'date', NEW.date WHERE NEW.date IS NOT OLD.date
        UNION ALL SELECT 'title', NEW.title WHERE NEW.title IS NOT OLD.title
        UNION ALL SELECT 'effect', NEW.effect WHERE NEW.effect IS NOT OLD.effect);
END;

-- Records a person removed (council_*_delete, `council ... remove`, or a
-- reviewed extraction that no longer lists a record its document stated),
-- by the natural key the importer matches records by (lib/import/
-- load_match.c: an event's "date folded-title", a member's name, a
-- meeting's date, a figure's "year metric value", an act's number, a
-- measure's "plan-id seq", a fulfilment's "measure-id year").  A later raw
-- import of a document stating the record again keeps it out and says so;
-- COUNCIL_IMPORT_OVERWRITE_REVIEWED (--overwrite-reviewed) brings it back,
-- as a reviewed extraction listing it again does, and so does restoring
-- it from the history.  Only records some document stated are kept here:
-- a person's own record, once removed, has no document to come back from.
-- Columns:
--   table_name  the record's table
--   council_id  its council
--   key         its natural key, as above
--   record_id   the id it had
--   origin      'hand', or 'review PATH SHA256'
--   at          when, in UTC
CREATE TABLE removed (
    table_name TEXT    NOT NULL,
    council_id INTEGER NOT NULL REFERENCES council(id) ON DELETE CASCADE,
    key        TEXT    NOT NULL,
    record_id  INTEGER NOT NULL,
    origin     TEXT    NOT NULL,
    at         TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    PRIMARY KEY (table_name, council_id, key)
) STRICT, WITHOUT ROWID;
CREATE INDEX removed_by_record ON removed(table_name, record_id);

-- Other natural keys a record is known by: the key its document gives it,
-- when a person corrected that key -- a reviewed extraction naming the
-- record by its id, or an edit by hand through the library or the CLI --
-- (an event's date or title, a member's name, a meeting's date, an act's
-- number; keys as in the table removed).  The document's next raw
-- import finds the corrected record by the old key, rather than storing it
-- again beside the correction.  Rows of a deleted record go with it.
-- Columns:
--   table_name  the record's table: event, member, meeting or legal_act
--   council_id  the record's council
--   key         the other natural key it is known by, as in the table removed
--   record_id   the record's id
CREATE TABLE record_key (
    table_name TEXT    NOT NULL,
    council_id INTEGER NOT NULL REFERENCES council(id) ON DELETE CASCADE,
    key        TEXT    NOT NULL,
    record_id  INTEGER NOT NULL,
    PRIMARY KEY (table_name, council_id, key)
) STRICT, WITHOUT ROWID;
CREATE INDEX record_key_by_record ON record_key(table_name, record_id);
CREATE TRIGGER event_forget_keys AFTER DELETE ON event BEGIN
    DELETE FROM record_key WHERE table_name = 'event' AND record_id = OLD.id;
END;
CREATE TRIGGER member_forget_keys AFTER DELETE ON member BEGIN
    DELETE FROM record_key WHERE table_name = 'member' AND record_id = OLD.id;
END;
CREATE TRIGGER meeting_forget_keys AFTER DELETE ON meeting BEGIN
    DELETE FROM record_key WHERE table_name = 'meeting' AND record_id = OLD.id;
END;
CREATE TRIGGER legal_act_forget_keys AFTER DELETE ON legal_act BEGIN
    DELETE FROM record_key WHERE table_name = 'legal_act' AND record_id = OLD.id;
END;

-- <<< origin

-- >>> people (schema version 8; lib/db.c's migration 7 -> 8 runs this
-- section of the embedded schema, from this marker to the closing one, on
-- an older database, then settles who is who (lib/people.c) for the rows
-- already there: keep it self-contained, and give any later change to it a
-- migration step of its own.)
--
-- People and memberships (issue 14).  A member row is a membership: one
-- person holding one office (role) in one council, stated by the documents
-- record_sources lists for it.  The person is a record of its own, shared
-- by the name variants of one person ("K. Urbonas", "Karolio Urbono",
-- "Karolis Urbonas") and, where the full name matches and nothing
-- contradicts, by memberships of several councils.  lib/people.c decides
-- who is who (doc/importer.md, "People"); what it could not decide is in
-- person_ambiguity.  A membership's term is read from its documents by the
-- views below, never stored: a hand-set term_start/term_end wins, else a
-- report for year Y says the membership held in Y, a dated document
-- (a decision, a protocol, a page) that it held on its date; it starts at
-- the earliest and, once a later document lists the council without it,
-- ends at the latest such date.  Derived, so removing a document can never
-- leave a stale term behind.
-- ---------------------------------------------------------------------------

-- A person named in the documents.  name is the fullest spelling known
-- ("Karolis Urbonas" rather than "K. Urbonas").
-- key is the name's folded nominative ("karolis urbonas"), which finds the
-- same full name in other councils from an index.
-- Columns:
--   id    the person's id
--   name  the fullest spelling of the name known
--   key   the name's folded nominative, to find the same full name elsewhere
CREATE TABLE person (
    id   INTEGER PRIMARY KEY,
    name TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
    key  TEXT    NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX person_by_key ON person(key);

-- The person a membership is of.  Written by the library (the importer,
-- council_member_add and _update, the migration); NULL only for a row
-- written in the sqlite3 shell until the library next touches its council.
-- Derived, like council.name_key: no history, no review mark.
ALTER TABLE member ADD COLUMN person_id INTEGER REFERENCES person(id) ON DELETE SET NULL;
CREATE INDEX member_by_person ON member(person_id, council_id);

-- A name that could be more than one person: member_id's name fits the
-- person candidate as well as another one, so the library kept it apart
-- (a person of its own, or the one it was given before the second
-- candidate appeared).  reason: initial ("K. Urbonas" with a Karolis and a
-- Kęstutis Urbonas in the council), married (a surname that is part of two
-- people's double surnames), other_council (the same full name in two other
-- councils, held by two people).  Recomputed for a council
-- whenever its members change.
-- Columns:
--   member_id  the membership whose name is ambiguous
--   candidate  a person (id) its name fits as well as another
--   reason     initial, married or other_council
CREATE TABLE person_ambiguity (
    member_id INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,
    candidate INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    reason    TEXT    NOT NULL CHECK (reason = 'initial' OR reason = 'married' OR reason = 'other_council'),
    PRIMARY KEY (member_id, candidate)
) STRICT, WITHOUT ROWID;
CREATE INDEX person_ambiguity_by_candidate ON person_ambiguity(candidate);

-- What a document says happened to a membership: it ended ('left': "X
-- atsistatydino", "vietoj X paskirta Y") or began ('joined'), on date when
-- the sentence dates it.  Written by the importer (member.term).
-- Columns:
--   member_id  the membership
--   source_id  the document saying so
--   change     left or joined
--   date       when: YYYY, YYYY-MM or YYYY-MM-DD; empty when the sentence gives no date
CREATE TABLE member_change (
    member_id INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,
    source_id INTEGER NOT NULL REFERENCES source_document(id) ON DELETE CASCADE,
    change    TEXT    NOT NULL CHECK (change IN ('left', 'joined')),
    date      TEXT    CHECK (date IS NULL OR (date GLOB '[0-9][0-9][0-9][0-9]*' AND (length(date) = 4 OR length(date) = 7 OR length(date) = 10))),
    PRIMARY KEY (member_id, source_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX member_change_by_source ON member_change(source_id);

-- What each document says of when a membership held: a row per document
-- and membership (the views below read it; public like them).  stated is
-- the date of the change the document states (member_change); else the
-- document's date when it speaks of its own time -- a decision, a
-- protocol, a page, or any document dated in the year it is about (the
-- importer gives a decision its date's year) -- so a composition decision
-- dated D starts terms at D; else the year a report is about ('2024', a
-- yearly report being written the year after).  lo and hi are the first and
-- last day stated covers.  A document with neither date nor year says
-- nothing of time.
-- Columns:
--   member_id   the member row
--   council_id  its council
--   person_id   its person
--   role        its office
--   source_id   a document stating it
--   stated      the time the document speaks of: '2024' or '2024-03-05'
--   lo          the first day stated covers
--   hi          the last day stated covers
--   change      left or joined when the document says the membership ended or began there
CREATE VIEW member_evidence(member_id, council_id, person_id, role, source_id, stated, lo, hi,
                            change) AS
SELECT e.member_id, e.council_id, e.person_id, e.role, e.source_id, e.stated,
       CASE length(e.stated) WHEN 4 THEN e.stated || '-01-01'
                             WHEN 7 THEN e.stated || '-01' ELSE e.stated END,
       CASE length(e.stated) WHEN 4 THEN e.stated || '-12-31'
                             WHEN 7 THEN e.stated || '-31' ELSE e.stated END,
       e.change
  FROM (SELECT m.id AS member_id, m.council_id, m.person_id, m.role, d.id AS source_id,
               coalesce(ch.date,
                CASE WHEN d.doc_date IS NOT NULL AND
                          (d.report_year IS NULL OR d.report_year = CAST(substr(d.doc_date, 1, 4) AS INTEGER)
                           OR (d.kind <> 'annual_report' AND d.kind <> 'plan_report'))
                     THEN d.doc_date
                     WHEN d.report_year IS NOT NULL THEN printf('%04d', d.report_year) END) AS stated, ch.change
          FROM member m JOIN source_document d ON d.id = m.source_id
          LEFT JOIN member_change ch ON ch.member_id = m.id AND ch.source_id = d.id) e
 WHERE e.stated IS NOT NULL
UNION ALL
SELECT e.member_id, e.council_id, e.person_id, e.role, e.source_id, e.stated,
       CASE length(e.stated) WHEN 4 THEN e.stated || '-01-01'
                             WHEN 7 THEN e.stated || '-01' ELSE e.stated END,
       CASE length(e.stated) WHEN 4 THEN e.stated || '-12-31'
                             WHEN 7 THEN e.stated || '-31' ELSE e.stated END,
       e.change
  FROM (SELECT m.id AS member_id, m.council_id, m.person_id, m.role, d.id AS source_id,
               coalesce(ch.date,
                CASE WHEN d.doc_date IS NOT NULL AND
                          (d.report_year IS NULL OR d.report_year = CAST(substr(d.doc_date, 1, 4) AS INTEGER)
                           OR (d.kind <> 'annual_report' AND d.kind <> 'plan_report'))
                     THEN d.doc_date
                     WHEN d.report_year IS NOT NULL THEN printf('%04d', d.report_year) END) AS stated, ch.change
          FROM record_source r JOIN member m ON m.id = r.record_id
          JOIN source_document d ON d.id = r.source_id
          LEFT JOIN member_change ch ON ch.member_id = m.id AND ch.source_id = d.id
         WHERE r.table_name = 'member') e
 WHERE e.stated IS NOT NULL;

-- Each membership's term (the views below read it; public like them).
-- last_stated is the latest date its documents say it held.  It ended there
-- when a document says so at that time (member_change 'left'), or a later
-- document lists the council's composition -- three members or more, not
-- counting those it says joined or left (a sentence about changes is no
-- composition) -- without this person in this office, or names someone
-- else to this office (a chair, deputy or secretary is one at a time).
-- Columns:
--   member_id     the member row
--   date_from     when the membership began: the hand-set term_start, else first_stated
--   date_to       when it ended: the hand-set term_end, else last_stated once a later
--     document lists the council without it; empty while it lasts
--   first_stated  the earliest time its documents speak of
--   last_stated   the latest
CREATE VIEW member_term(member_id, date_from, date_to, first_stated, last_stated) AS
WITH composition(council_id, source_id, lo) AS (
    -- documents listing a council's composition, grouped once per query
    SELECT council_id, source_id, min(lo) FROM member_evidence
     GROUP BY council_id, source_id HAVING sum(change IS NULL) >= 3)
SELECT t.id, coalesce(t.term_start, t.first_stated),
       coalesce(t.term_end,
                CASE WHEN EXISTS (
                    SELECT 1 FROM member_evidence g
                     WHERE g.member_id = t.id AND g.change = 'left' AND g.hi >= t.last_hi)
                  OR EXISTS (
                    SELECT 1 FROM composition l
                     WHERE l.council_id = t.council_id AND l.lo > t.last_hi
                       AND NOT EXISTS (SELECT 1 FROM member_evidence k
                                        WHERE k.source_id = l.source_id AND k.council_id = t.council_id
                                          AND k.role = t.role
                                          AND (k.member_id = t.id OR k.person_id = t.person_id)))
                  OR (t.role <> 'member' AND EXISTS (
                    SELECT 1 FROM member_evidence l
                     WHERE l.council_id = t.council_id AND l.role = t.role AND l.lo > t.last_hi
                       AND NOT EXISTS (SELECT 1 FROM member_evidence k
                                        WHERE k.source_id = l.source_id AND k.council_id = t.council_id
                                          AND k.role = t.role
                                          AND (k.member_id = t.id OR k.person_id = t.person_id))))
                THEN t.last_stated END),
       t.first_stated, t.last_stated
  FROM (SELECT m.id, m.council_id, m.person_id, m.role, m.term_start, m.term_end,
               (SELECT min(e.stated) FROM member_evidence e WHERE e.member_id = m.id) AS first_stated,
               (SELECT e.stated FROM member_evidence e WHERE e.member_id = m.id
                 ORDER BY e.hi DESC, e.stated LIMIT 1) AS last_stated,
               (SELECT max(e.hi) FROM member_evidence e WHERE e.member_id = m.id) AS last_hi
          FROM member m) t;

DROP VIEW IF EXISTS members_overview;
-- One row per member of a council.
-- Columns:
--   council     the council's name
--   name        the member's name
--   role        chair, deputy, secretary or member
--   represents  the organisation or institution the member comes from
--   side        municipality or community: whose seat it is; empty when unknown
--   member_id   the member's id
--   date_from   when the membership began, as precisely as known ('2024' or '2024-03-05'):
--     the term set by hand, else the earliest its documents state; empty when unknown
--   date_to     when it ended: the term set by hand, else the latest date known to hold
--     when a later document lists the council without it; empty while it lasts
CREATE VIEW members_overview(council, name, role, represents, side, member_id, date_from, date_to) AS
SELECT c.name, m.name, m.role, m.represents, m.side, m.id, t.date_from, t.date_to
  FROM member m JOIN council c ON c.id = m.council_id
  JOIN member_term t ON t.member_id = m.id;

-- One row per membership: a person in an office of a council, with its term
-- and the documents that state it.
-- Columns:
--   council     the council's name
--   person      the person's name (its fullest spelling)
--   role        chair, deputy, secretary or member
--   represents  the organisation or institution the person comes from
--   side        municipality or community: whose seat it is; empty when unknown
--   date_from   when the membership began ('2024' or '2024-03-05'); empty when unknown
--   date_to     when it ended; empty while it lasts
--   documents   the paths of the documents stating it, by the time they speak of, separated by "; "
--   member_id   the membership's id (the member row)
--   person_id   the person's id
CREATE VIEW memberships_overview(council, person, role, represents, side, date_from, date_to,
                                 documents, member_id, person_id) AS
SELECT c.name, coalesce(p.name, m.name), m.role, m.represents, m.side, t.date_from, t.date_to,
       (SELECT group_concat(path, '; ')
          FROM (SELECT s.path FROM record_sources s
                  LEFT JOIN member_evidence e ON e.member_id = m.id AND e.source_id = s.source_id
                 WHERE s.table_name = 'member' AND s.record_id = m.id
                 ORDER BY e.lo, s.path)),
       m.id, m.person_id
  FROM member m JOIN council c ON c.id = m.council_id
  JOIN member_term t ON t.member_id = m.id
  LEFT JOIN person p ON p.id = m.person_id;

-- One row per person.
-- Columns:
--   person      the person's name (its fullest spelling)
--   councils    the councils the person sat on, separated by "; "
--   first_seen  the earliest date a document states the person a member ('2021' or '2021-03-05')
--   last_seen   the latest such date
--   person_id   the person's id
CREATE VIEW people_overview(person, councils, first_seen, last_seen, person_id) AS
SELECT p.name,
       (SELECT group_concat(name, '; ')
          FROM (SELECT DISTINCT c.name FROM member m JOIN council c ON c.id = m.council_id
                 WHERE m.person_id = p.id ORDER BY coalesce(c.name_key, c.name))),
       (SELECT min(t.first_stated) FROM member m JOIN member_term t ON t.member_id = m.id
         WHERE m.person_id = p.id),
       (SELECT t.last_stated FROM member m JOIN member_term t ON t.member_id = m.id
         WHERE m.person_id = p.id AND t.last_stated IS NOT NULL
         ORDER BY CASE length(t.last_stated) WHEN 4 THEN t.last_stated || '-12-31' ELSE t.last_stated END DESC LIMIT 1),
       p.id
  FROM person p
 WHERE EXISTS (SELECT 1 FROM member m WHERE m.person_id = p.id);

-- Names the library could not settle as one person or two, for `council
-- check`: each member whose name fits more than one person.
-- Columns:
--   council         the council's name
--   name            the member's name as stored
--   person          the person the member is kept as
--   candidate       another person the name fits
--   reason          initial (an initial fits several full names), married (a surname fits
--     several double surnames) or other_council (the full name is held by several people of
--     other councils)
--   member_id       the member's id
--   person_id       the person's id
--   candidate_id    the candidate's id
CREATE VIEW person_ambiguities(council, name, person, candidate, reason, member_id, person_id,
                               candidate_id) AS
SELECT c.name, m.name, p.name, q.name, a.reason, m.id, m.person_id, q.id
  FROM person_ambiguity a
  JOIN member m ON m.id = a.member_id
  JOIN council c ON c.id = m.council_id
  LEFT JOIN person p ON p.id = m.person_id
  JOIN person q ON q.id = a.candidate;
-- <<< people

-- >>> attendance (schema version 9; lib/db.c's migration 8 -> 9 runs this
-- section of the embedded schema, from this marker to the closing one, on
-- an older database: keep it self-contained.)
-- ---------------------------------------------------------------------------
-- Who attended a sitting, as its protocol lists them ("Dalyvavo: A, B",
-- "Nedalyvavo: C (dėl ligos)") and how many of how many ("dalyvavo 9 iš 12
-- tarybos narių").  Read them through the public view meeting_attendance.
-- ---------------------------------------------------------------------------

-- One person listed as present or absent at one meeting.  name is the
-- nominative as the member list keeps it; member_id the member of that
-- name, when known.  reason: why absent ("dėl ligos"), as written.
-- Columns:
--   id          the row's id
--   meeting_id  the meeting
--   member_id   the member of that name; empty when not known
--   name        the person's name, in the nominative
--   present     1 when present, 0 when listed as absent
--   reason      why absent, as written; empty when not stated
--   source_id   the protocol listing it; empty when entered by hand
CREATE TABLE attendance (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    member_id  INTEGER REFERENCES member(id) ON DELETE SET NULL,
    name       TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    present    INTEGER NOT NULL CHECK (present = 0 OR present = 1),
    reason     TEXT,
    source_id  INTEGER REFERENCES source_document(id) ON DELETE CASCADE,
    UNIQUE (meeting_id, name)
) STRICT;
CREATE INDEX attendance_by_member ON attendance(member_id);
CREATE INDEX attendance_by_source ON attendance(source_id);

-- How many members attended a meeting (present) of how many the council
-- had then (members, NULL when not stated).
-- Columns:
--   id          the row's id
--   meeting_id  the meeting
--   present     members who attended
--   members     members the council had then; empty when not stated
--   source_id   the document stating it; empty when entered by hand
CREATE TABLE meeting_quorum (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL UNIQUE REFERENCES meeting(id) ON DELETE CASCADE,
    present    INTEGER NOT NULL CHECK (present BETWEEN 0 AND 1000),
    members    INTEGER CHECK (members IS NULL OR (members BETWEEN 1 AND 1000 AND members >= present)),
    source_id  INTEGER REFERENCES source_document(id) ON DELETE CASCADE
) STRICT;
CREATE INDEX meeting_quorum_by_source ON meeting_quorum(source_id);

-- Their history, as every other table of records keeps it.
CREATE TRIGGER attendance_history_insert AFTER INSERT ON attendance
WHEN NOT EXISTS (SELECT 1 FROM change_range WHERE table_name = 'attendance') BEGIN
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, new_value)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
            (SELECT origin_id FROM change_context), 'attendance', new.id, 'insert',
            json_object('id', new.id, 'meeting_id', new.meeting_id, 'member_id', new.member_id,
                        'name', new.name, 'present', new.present, 'reason', new.reason,
                        'source_id', new.source_id));
END;
CREATE TRIGGER attendance_history_update AFTER UPDATE ON attendance BEGIN
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, field, old_value, new_value)
    SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
           (SELECT origin_id FROM change_context), 'attendance', new.id, 'update', f.*
      FROM (SELECT 'id', old.id, new.id WHERE old.id IS NOT new.id
          UNION ALL SELECT 'meeting_id', old.meeting_id, new.meeting_id WHERE old.meeting_id IS NOT new.meeting_id
          UNION ALL SELECT 'member_id', old.member_id, new.member_id WHERE old.member_id IS NOT new.member_id
          UNION ALL SELECT 'name', old.name, new.name WHERE old.name IS NOT new.name
          UNION ALL SELECT 'present', old.present, new.present WHERE old.present IS NOT new.present
          UNION ALL SELECT 'reason', old.reason, new.reason WHERE old.reason IS NOT new.reason
          UNION ALL SELECT 'source_id', old.source_id, new.source_id WHERE old.source_id IS NOT new.source_id) f;
END;
CREATE TRIGGER attendance_history_delete AFTER DELETE ON attendance BEGIN
    UPDATE change_range SET lo = min(lo, (SELECT coalesce(max(id), 0) + 1 FROM attendance))
     WHERE table_name = 'attendance';
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, old_value)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
            (SELECT origin_id FROM change_context), 'attendance', old.id,
            CASE WHEN (old.source_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM source_document WHERE id = old.source_id))
                   OR NOT EXISTS (SELECT 1 FROM meeting WHERE id = old.meeting_id)
                 THEN 'cascade' ELSE 'delete' END,
            json_object('id', old.id, 'meeting_id', old.meeting_id, 'member_id', old.member_id,
                        'name', old.name, 'present', old.present, 'reason', old.reason,
                        'source_id', old.source_id));
END;
CREATE TRIGGER meeting_quorum_history_insert AFTER INSERT ON meeting_quorum
WHEN NOT EXISTS (SELECT 1 FROM change_range WHERE table_name = 'meeting_quorum') BEGIN
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, new_value)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
            (SELECT origin_id FROM change_context), 'meeting_quorum', new.id, 'insert',
            json_object('id', new.id, 'meeting_id', new.meeting_id, 'present', new.present,
                        'members', new.members, 'source_id', new.source_id));
END;
CREATE TRIGGER meeting_quorum_history_update AFTER UPDATE ON meeting_quorum BEGIN
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, field, old_value, new_value)
    SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
           (SELECT origin_id FROM change_context), 'meeting_quorum', new.id, 'update', f.*
      FROM (SELECT 'id', old.id, new.id WHERE old.id IS NOT new.id
          UNION ALL SELECT 'meeting_id', old.meeting_id, new.meeting_id WHERE old.meeting_id IS NOT new.meeting_id
          UNION ALL SELECT 'present', old.present, new.present WHERE old.present IS NOT new.present
          UNION ALL SELECT 'members', old.members, new.members WHERE old.members IS NOT new.members
          UNION ALL SELECT 'source_id', old.source_id, new.source_id WHERE old.source_id IS NOT new.source_id) f;
END;
CREATE TRIGGER meeting_quorum_history_delete AFTER DELETE ON meeting_quorum BEGIN
    UPDATE change_range SET lo = min(lo, (SELECT coalesce(max(id), 0) + 1 FROM meeting_quorum))
     WHERE table_name = 'meeting_quorum';
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, old_value)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
            (SELECT origin_id FROM change_context), 'meeting_quorum', old.id,
            CASE WHEN (old.source_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM source_document WHERE id = old.source_id))
                   OR NOT EXISTS (SELECT 1 FROM meeting WHERE id = old.meeting_id)
                 THEN 'cascade' ELSE 'delete' END,
            json_object('id', old.id, 'meeting_id', old.meeting_id, 'present', old.present,
                        'members', old.members, 'source_id', old.source_id));
END;

-- One row per person listed at a meeting, ordered as listed.
-- Columns:
--   council   the council's name
--   date      the meeting's first day (YYYY-MM-DD, or as known)
--   name      the person, nominative
--   present   1 listed as present ("Dalyvavo"), 0 as absent ("Nedalyvavo")
CREATE VIEW meeting_attendance(council, date, name, present) AS
SELECT c.name, m.date_start, a.name, a.present
  FROM attendance a
  JOIN meeting m ON m.id = a.meeting_id
  JOIN council c ON c.id = m.council_id
 ORDER BY c.name, m.date_start, a.id;
-- <<< attendance

-- >>> members_overview (schema version 10; lib/db.c's migration 9 -> 10 runs
-- this section of the embedded schema, from this marker to the closing one,
-- on an older database: it replaces the view, so keep it self-contained.)
DROP VIEW IF EXISTS members_overview;

-- One row per member of a council.
-- Columns:
--   council       the council's name
--   name          the member's name
--   role          chair, deputy, secretary or member
--   represents    the organisation or institution the member comes from
--   side          municipality or community: whose seat it is; empty when unknown
--   member_id     the member's id
--   date_from     when the membership began, as precisely as known ('2024' or '2024-03-05'):
--     the term set by hand, else the earliest its documents state; empty when unknown
--   date_to       when it ended: the term set by hand, else the latest date known to hold
--     when a later document lists the council without it; empty while it lasts
--   delegated_by  the body that delegated the member to the council, where
--                 stated ("Savivaldybės taryba", a union of communities)
CREATE VIEW members_overview(council, name, role, represents, side, member_id, date_from, date_to,
                             delegated_by) AS
SELECT c.name, m.name, m.role, m.represents, m.side, m.id, t.date_from, t.date_to, m.delegated_by
  FROM member m JOIN council c ON c.id = m.council_id
  JOIN member_term t ON t.member_id = m.id;
-- <<< members_overview

-- >>> one answer (schema version 11; lib/db.c's migration 10 -> 11 runs this
-- section of the embedded schema, from this marker to the closing one, on
-- an older database, then fills source_document.council_id from the rows
-- each document stated: keep it self-contained.)
-- ---------------------------------------------------------------------------
-- One body of knowledge.  A registry is read over years and across
-- documents: a document knows the council and year it is about, so "which
-- councils reported for 2024" is one query.
-- ---------------------------------------------------------------------------

-- The council a document is about (the report year is report_year, in the
-- table itself): written by the importer from the extraction, or from what
-- the person importing said (council import --council, --year) when the
-- document does not name it; NULL for documents entered by hand.  Added by
-- ALTER TABLE, so that this section is also the migration: a council
-- removed leaves its documents, unlinked.
ALTER TABLE source_document ADD COLUMN council_id INTEGER REFERENCES council(id) ON DELETE SET NULL;
CREATE INDEX source_document_by_council ON source_document(council_id, report_year);
-- Meetings per council and year read each meeting's document too since
-- version 7 (meetings_per_year): the index covers it.
DROP INDEX IF EXISTS meeting_by_council_year;
CREATE INDEX meeting_by_council_year ON meeting(council_id, year, format, source_id);
-- The history's triggers on source_document (schema version 5) name the
-- new column too.  An import fills in the council of the document it
-- stores after storing the document (the council may be new, and names
-- the document as its source): that is the import's own, and kept with
-- the document's insert, not as a change of it.
DROP TRIGGER IF EXISTS source_document_history_insert;
DROP TRIGGER IF EXISTS source_document_history_update;
DROP TRIGGER IF EXISTS source_document_history_delete;
CREATE TRIGGER source_document_history_insert AFTER INSERT ON source_document
WHEN NOT EXISTS (SELECT 1 FROM change_range WHERE table_name = 'source_document') BEGIN
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, new_value)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
            (SELECT origin_id FROM change_context), 'source_document', new.id, 'insert',
            json_object('id', new.id, 'path', new.path, 'sha256', new.sha256, 'kind', new.kind,
                        'report_year', new.report_year, 'doc_number', new.doc_number,
                        'doc_date', new.doc_date, 'imported_at', new.imported_at,
                        'council_id', new.council_id));
END;
CREATE TRIGGER source_document_history_update AFTER UPDATE ON source_document BEGIN
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, field, old_value, new_value)
    SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
           (SELECT origin_id FROM change_context), 'source_document', new.id, 'update', f.*
      FROM (SELECT 'id', old.id, new.id WHERE old.id IS NOT new.id
          UNION ALL SELECT 'path', old.path, new.path WHERE old.path IS NOT new.path
          UNION ALL SELECT 'sha256', old.sha256, new.sha256 WHERE old.sha256 IS NOT new.sha256
          UNION ALL SELECT 'kind', old.kind, new.kind WHERE old.kind IS NOT new.kind
          UNION ALL SELECT 'report_year', old.report_year, new.report_year WHERE old.report_year IS NOT new.report_year
          UNION ALL SELECT 'doc_number', old.doc_number, new.doc_number WHERE old.doc_number IS NOT new.doc_number
          UNION ALL SELECT 'doc_date', old.doc_date, new.doc_date WHERE old.doc_date IS NOT new.doc_date
          UNION ALL SELECT 'imported_at', old.imported_at, new.imported_at WHERE old.imported_at IS NOT new.imported_at
          UNION ALL SELECT 'council_id', old.council_id, new.council_id WHERE old.council_id IS NOT new.council_id
                AND NOT (old.council_id IS NULL AND EXISTS (SELECT 1 FROM change_context c JOIN change_origin o ON o.id = c.origin_id WHERE o.kind = 'import'))) f;
END;
CREATE TRIGGER source_document_history_delete AFTER DELETE ON source_document BEGIN
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, old_value)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
            (SELECT origin_id FROM change_context), 'source_document', old.id,
            'delete',
            json_object('id', old.id, 'path', old.path, 'sha256', old.sha256, 'kind', old.kind,
                        'report_year', old.report_year, 'doc_number', old.doc_number,
                        'doc_date', old.doc_date, 'imported_at', old.imported_at,
                        'council_id', old.council_id));
END;
-- One answer per council-year.  Several documents tell of one council and
-- year: an annual report, the next year's report restating it, a protocol,
-- a news page.  A record two documents state is one record (the importer
-- matches it by its natural key and lists both in record_source); what
-- they state differently stays stored, each with its document, and the
-- views show the larger figure with a flag that the documents disagree.

-- The event's totals (schema version 6), per document since version 7:
-- participants is the sum of the groups of the document stating the most
-- (its groups' count in participant_groups, the weakest of their
-- qualifiers as events_overview says: one group keeps its own; of
-- several, any 'about' makes 'about', else any inexact one 'at_least'),
-- as two documents counting one event ("85 dalyviai", "80 dalyvių") count
-- the same people, not 165.  Groups entered by hand count with the
-- event's own document.  A new group of the only document the event's
-- groups come from adds to the totals; any other change recomputes them
-- from the groups (a few per event, read from event_participants_by_event).
-- The same SQL is in lib/db.c (TOTALS_OF), which fills the totals on an
-- upgrade.
DROP TRIGGER IF EXISTS event_participants_insert;
DROP TRIGGER IF EXISTS event_participants_delete;
DROP TRIGGER IF EXISTS event_participants_update;
DROP TRIGGER IF EXISTS event_totals_insert;
DROP TRIGGER IF EXISTS event_totals_update;
CREATE TRIGGER event_participants_insert AFTER INSERT ON event_participants BEGIN
    UPDATE event SET participants = coalesce(participants, 0) + NEW.count,
           participants_qualifier = CASE
               WHEN participant_groups = 0 THEN NEW.qualifier
               WHEN participants_qualifier = 'about' OR NEW.qualifier = 'about' THEN 'about'
               WHEN participants_qualifier <> 'exact' OR NEW.qualifier <> 'exact' THEN 'at_least'
               ELSE 'exact' END,
           participant_groups = participant_groups + 1
     WHERE id = NEW.event_id
       AND NOT EXISTS (SELECT 1 FROM event_participants p
                        WHERE p.event_id = NEW.event_id AND p.id <> NEW.id
                          AND coalesce(p.source_id, event.source_id) IS NOT
                              coalesce(NEW.source_id, event.source_id));
    UPDATE event SET (participants, participants_qualifier, participant_groups) =
        (SELECT sum(p.count),
                CASE WHEN count(*) = 1 THEN max(p.qualifier)
                     WHEN sum(p.qualifier = 'about') > 0 THEN 'about'
                     WHEN sum(p.qualifier <> 'exact') > 0 THEN 'at_least'
                     ELSE 'exact' END,
                count(*)
           FROM event_participants p JOIN event ev ON ev.id = p.event_id
          WHERE p.event_id = event.id GROUP BY coalesce(p.source_id, ev.source_id)
         UNION ALL SELECT NULL, NULL, 0
         ORDER BY 1 DESC, 2, 3 LIMIT 1)
     WHERE id = NEW.event_id
       AND EXISTS (SELECT 1 FROM event_participants p
                    WHERE p.event_id = NEW.event_id AND p.id <> NEW.id
                      AND coalesce(p.source_id, event.source_id) IS NOT
                          coalesce(NEW.source_id, event.source_id));
END;
CREATE TRIGGER event_participants_delete AFTER DELETE ON event_participants BEGIN
    UPDATE event SET (participants, participants_qualifier, participant_groups) =
        (SELECT sum(p.count),
                CASE WHEN count(*) = 1 THEN max(p.qualifier)
                     WHEN sum(p.qualifier = 'about') > 0 THEN 'about'
                     WHEN sum(p.qualifier <> 'exact') > 0 THEN 'at_least'
                     ELSE 'exact' END,
                count(*)
           FROM event_participants p JOIN event ev ON ev.id = p.event_id
          WHERE p.event_id = event.id GROUP BY coalesce(p.source_id, ev.source_id)
         UNION ALL SELECT NULL, NULL, 0
         ORDER BY 1 DESC, 2, 3 LIMIT 1)
     WHERE id = OLD.event_id;
END;
-- A group moved to another event, or to another document, changes the
-- totals of both.
CREATE TRIGGER event_participants_update
AFTER UPDATE OF event_id, count, qualifier, source_id ON event_participants BEGIN
    UPDATE event SET (participants, participants_qualifier, participant_groups) =
        (SELECT sum(p.count),
                CASE WHEN count(*) = 1 THEN max(p.qualifier)
                     WHEN sum(p.qualifier = 'about') > 0 THEN 'about'
                     WHEN sum(p.qualifier <> 'exact') > 0 THEN 'at_least'
                     ELSE 'exact' END,
                count(*)
           FROM event_participants p JOIN event ev ON ev.id = p.event_id
          WHERE p.event_id = event.id GROUP BY coalesce(p.source_id, ev.source_id)
         UNION ALL SELECT NULL, NULL, 0
         ORDER BY 1 DESC, 2, 3 LIMIT 1)
     WHERE id = NEW.event_id OR id = OLD.event_id;
END;
-- Totals written into event by hand (the sqlite3 shell) that disagree
-- with the groups are refused rather than kept or silently replaced: the
-- groups are the data, the totals only what they say (ties between
-- documents counting alike go to the first qualifier in text order).  Also refused: an
-- id change that would leave groups behind (possible with foreign keys
-- off, the sqlite3 shell's default), and a new event whose id finds
-- groups an earlier deletion with foreign keys off left behind.  The
-- triggers above write agreeing totals, so they pass.  (Made again, to the
-- same effect in fewer steps, in the section "totals guard".)
CREATE TRIGGER event_totals_insert AFTER INSERT ON event
WHEN (NEW.participants, NEW.participants_qualifier, NEW.participant_groups) IS NOT
     (SELECT sum(p.count),
                CASE WHEN count(*) = 1 THEN max(p.qualifier)
                     WHEN sum(p.qualifier = 'about') > 0 THEN 'about'
                     WHEN sum(p.qualifier <> 'exact') > 0 THEN 'at_least'
                     ELSE 'exact' END,
                count(*)
           FROM event_participants p JOIN event ev ON ev.id = p.event_id
          WHERE p.event_id = NEW.id GROUP BY coalesce(p.source_id, ev.source_id)
         UNION ALL SELECT NULL, NULL, 0
         ORDER BY 1 DESC, 2, 3 LIMIT 1)
BEGIN
    SELECT RAISE(ABORT, 'event: participant totals are kept from event_participants by triggers; write those rows instead');
END;
CREATE TRIGGER event_totals_update
BEFORE UPDATE OF id, participants, participants_qualifier, participant_groups ON event
WHEN (NEW.participants, NEW.participants_qualifier, NEW.participant_groups) IS NOT
     (SELECT sum(p.count),
                CASE WHEN count(*) = 1 THEN max(p.qualifier)
                     WHEN sum(p.qualifier = 'about') > 0 THEN 'about'
                     WHEN sum(p.qualifier <> 'exact') > 0 THEN 'at_least'
                     ELSE 'exact' END,
                count(*)
           FROM event_participants p JOIN event ev ON ev.id = p.event_id
          WHERE p.event_id = NEW.id GROUP BY coalesce(p.source_id, ev.source_id)
         UNION ALL SELECT NULL, NULL, 0
         ORDER BY 1 DESC, 2, 3 LIMIT 1)
BEGIN
    SELECT RAISE(ABORT, 'event: participant totals are kept from event_participants by triggers; write those rows instead');
END;

-- Hand groups count with the event's own document: when that changes (a
-- document removed, another stating the event becomes its source), the
-- totals are recomputed.
DROP TRIGGER IF EXISTS event_totals_source;
CREATE TRIGGER event_totals_source AFTER UPDATE OF source_id ON event
WHEN NEW.source_id IS NOT OLD.source_id AND NEW.participant_groups > 0 BEGIN
    UPDATE event SET (participants, participants_qualifier, participant_groups) =
        (SELECT sum(p.count),
                CASE WHEN count(*) = 1 THEN max(p.qualifier)
                     WHEN sum(p.qualifier = 'about') > 0 THEN 'about'
                     WHEN sum(p.qualifier <> 'exact') > 0 THEN 'at_least'
                     ELSE 'exact' END,
                count(*)
           FROM event_participants p JOIN event ev ON ev.id = p.event_id
          WHERE p.event_id = event.id GROUP BY coalesce(p.source_id, ev.source_id)
         UNION ALL SELECT NULL, NULL, 0
         ORDER BY 1 DESC, 2, 3 LIMIT 1)
     WHERE id = NEW.id;
END;

DROP VIEW IF EXISTS meetings_per_year;
-- Meetings per council and year.  A report may state a count ("3 posėdžiai")
-- and list fewer dated meetings, or list meetings without stating a count;
-- meetings is the larger of the stated and the listed figure, so a stated 3
-- with one dated meeting counts 3.  Across documents (schema version 7): a
-- dated meeting two documents state is one meeting (one row); the count
-- the documents state is taken when they agree, and the larger when they
-- disagree (both stay in reported_figure; conflict says so, and
-- figure_conflicts and the findings list them); then meetings is the
-- larger of that and the meetings any one document lists (with those
-- entered by hand), so two reports each listing five meetings of one
-- year, on dates that differ, and both stating five, give five, not nine.
-- Without a stated count, every listed meeting counts.  For a year one
-- document tells of, the rows are those of version 6.
-- Columns:
--   council          the council's name
--   year             calendar year
--   meetings         meetings held: the stated count (the larger when documents disagree), or the dated meetings listed when none is stated
--   remote           of them, meetings held remotely, by the same rule
--   meetings_listed  dated meetings recorded that year, from every document
--   meetings_stated  the count a report states for the year (the largest); empty when none does
--   council_id       the council's id
--   conflict         1 when documents state different counts of meetings (or of remote ones) for the year, else 0
CREATE VIEW meetings_per_year(council, year, meetings, remote,
                              meetings_listed, meetings_stated, council_id, conflict) AS
WITH listed AS (
    SELECT council_id, year, count(*) AS n,
           sum(format = 'remote') AS remote
      FROM meeting GROUP BY council_id, year
), stated AS (
    SELECT council_id, year,
           max(CASE WHEN metric = 'meetings' THEN value END) AS n,
           max(CASE WHEN metric = 'meetings_remote' THEN value END) AS remote,
           count(DISTINCT CASE WHEN metric = 'meetings' AND qualifier = 'exact' THEN value END) > 1 OR
           count(DISTINCT CASE WHEN metric = 'meetings_remote' AND qualifier = 'exact' THEN value END) > 1
               AS conflict
      FROM reported_figure
     WHERE metric IN ('meetings', 'meetings_remote')
     GROUP BY council_id, year
), stating(meeting_id, source_id) AS (
    -- a record's primary source is never among its others (record_source)
    SELECT id, source_id FROM meeting WHERE source_id IS NOT NULL
    UNION ALL SELECT record_id, source_id FROM record_source WHERE table_name = 'meeting'
), by_document AS (
    -- each document's own list, meetings entered by hand added to each
    SELECT d.council_id, d.year, max(d.n) AS n, max(d.remote) AS remote
      FROM (SELECT m.council_id, m.year, s.source_id, count(*) AS n,
                   sum(m.format = 'remote') AS remote
              FROM stating s JOIN meeting m ON m.id = s.meeting_id
             GROUP BY m.council_id, m.year, s.source_id) d
     GROUP BY d.council_id, d.year
), by_hand AS (
    SELECT council_id, year, count(*) AS n, sum(format = 'remote') AS remote
      FROM meeting WHERE source_id IS NULL GROUP BY council_id, year
), years AS (
    SELECT council_id, year FROM listed
    UNION
    SELECT council_id, year FROM stated WHERE n IS NOT NULL OR remote IS NOT NULL
)
SELECT c.name, y.year,
       CASE WHEN s.n IS NULL THEN coalesce(l.n, 0)
            ELSE max(s.n, coalesce(d.n, 0) + coalesce(h.n, 0)) END,
       CASE WHEN s.remote IS NULL THEN coalesce(l.remote, 0)
            ELSE max(s.remote, coalesce(d.remote, 0) + coalesce(h.remote, 0)) END,
       coalesce(l.n, 0), s.n, c.id, coalesce(s.conflict, 0)
  FROM years y
  JOIN council c ON c.id = y.council_id
  LEFT JOIN listed l ON l.council_id = y.council_id AND l.year = y.year
  LEFT JOIN stated s ON s.council_id = y.council_id AND s.year = y.year
  LEFT JOIN by_document d ON d.council_id = y.council_id AND d.year = y.year
  LEFT JOIN by_hand h ON h.council_id = y.council_id AND h.year = y.year;

DROP VIEW IF EXISTS events_overview;
-- One row per event; participants is what the document stating the most
-- counts, the sum over its groups (NULL when no group was counted), and
-- qualifier the weakest of them: one group's own qualifier; of several,
-- 'about' if any is about, else 'at_least' if any is inexact (a sum
-- including an "at least" or "more than" group is at least that sum), else
-- 'exact'.  Both are read from the totals the triggers keep on the event
-- row (above).  An event two documents state is one event (one row); when
-- they count its participants differently, every count stays stored with
-- its document and conflict says so.
-- Columns:
--   council       the council's name
--   title         the event's title
--   date_start    first day: YYYY, YYYY-MM or YYYY-MM-DD, as precisely as known
--   date_end      last day, of the same forms
--   participants  participants summed over the counted groups of the document counting the most; empty when none was counted
--   qualifier     exact, more_than, at_least or about: how exact participants is
--   location      where it took place
--   organiser     who organised it
--   remote        1 online, 0 in person, empty when unknown
--   kind          seminar, training, conference, visit, discussion, presentation, consultation, festival, exhibition, workshop, forum or other
--   event_id      the event's id
--   conflict      1 when documents count the event's participants differently, else 0
CREATE VIEW events_overview(council, title, date_start, date_end, participants,
                            qualifier, location, organiser, remote, kind, event_id, conflict) AS
SELECT c.name, e.title, e.date_start, e.date_end, e.participants, e.participants_qualifier,
       e.location, e.organiser, e.remote, e.kind, e.id,
       e.participant_groups > 0 AND
       EXISTS (SELECT 1 FROM event_participants p JOIN event ev ON ev.id = p.event_id
                WHERE p.event_id = e.id GROUP BY coalesce(p.source_id, ev.source_id)
               HAVING sum(p.count) <> max(ev.participants))
  FROM event e JOIN council c ON c.id = e.council_id;
DROP VIEW IF EXISTS findings;
-- What the law and the documents' agreement ask, checked (council check,
-- council_check): one row per finding, naming the records and the
-- documents it comes from.  Each check is one named part below (kind);
-- lib/check.c lists them with what each checks.  Checks of members read
-- the member table as it stands: the members every document stated, with
-- their terms where known (no term is "at any time"); those marked
-- "(memberships)" are to read dated memberships once they exist.
-- Columns:
--   council     the council's name
--   year        the year the finding is about; empty when it is not dated
--   kind        the check: parity, term_over_3_years, several_chairs, several_deputies, several_secretaries, no_chair, members_vs_size, seats_vs_size, stated_below_listed, figures_disagree, participants_disagree, name_variant, outside_report_year
--   detail      what was found, in words
--   record      the records it comes from: "table id" separated by ", "
--   documents   the paths of the documents stating them, separated by "; "
--   council_id  the council's id
CREATE VIEW findings(council, year, kind, detail, record, documents, council_id) AS
WITH current AS MATERIALIZED (
    -- members without a term end: the council's members as far as known
    SELECT * FROM member WHERE term_end IS NULL
), found(council_id, year, kind, detail, record, documents) AS (
    -- parity (memberships): the law on community organisations: of a BO
    -- council's members at most half from municipal institutions, at least
    -- half from community organisations; read when every member's side is known
    SELECT m.council_id, NULL, 'parity',
           printf('%d of %d members from municipal institutions, %d from community organisations: '
                  || 'at most half may be municipal', sum(m.side = 'municipality'), count(*),
                  sum(m.side = 'community')),
           group_concat('member ' || m.id, ', '),
           (SELECT group_concat(DISTINCT s.path) FROM current x JOIN source_document s ON s.id = x.source_id
             WHERE x.council_id = m.council_id)
      FROM current m JOIN council c ON c.id = m.council_id AND c.kind = 'BO'
     GROUP BY m.council_id
    HAVING count(*) > 0 AND sum(m.side IS NULL) = 0 AND sum(m.side = 'municipality') * 2 > count(*)
    UNION ALL
    -- parity of seats: the seats the founding act gives the municipal side
    SELECT c.id, NULL, 'parity',
           printf('%d of %d seats for municipal institutions: at most half may be', c.seats_municipality,
                  c.size),
           'council ' || c.id, (SELECT group_concat(s.path, '; ') FROM source_document s WHERE s.id = c.source_id OR s.id IN (SELECT r.source_id FROM record_source r WHERE r.table_name = 'council' AND r.record_id = c.id))
      FROM council c
     WHERE c.kind = 'BO' AND c.size > 0 AND c.seats_municipality * 2 > c.size
    UNION ALL
    -- term_over_3_years (memberships): a term longer than the law's three years
    SELECT m.council_id, CAST(substr(m.term_end, 1, 4) AS INTEGER), 'term_over_3_years',
           printf('%s: %s term from %s to %s, longer than 3 years', m.name, m.role, m.term_start, m.term_end),
           'member ' || m.id, (SELECT group_concat(s.path, '; ') FROM source_document s WHERE s.id = m.source_id OR s.id IN (SELECT r.source_id FROM record_source r WHERE r.table_name = 'member' AND r.record_id = m.id))
      FROM member m
     WHERE m.term_start IS NOT NULL AND m.term_end IS NOT NULL
       AND substr(m.term_end || '-01-01', 1, 10) > date(substr(m.term_start || '-01-01', 1, 10), '+3 years')
    UNION ALL
    -- several_chairs, several_deputies, several_secretaries (memberships):
    -- two people in one office at a time (terms that overlap, an unknown
    -- start or end reaching as far as it can)
    SELECT a.council_id, NULL,
           CASE a.role WHEN 'chair' THEN 'several_chairs' WHEN 'deputy' THEN 'several_deputies'
                       ELSE 'several_secretaries' END,
           printf('%s and %s both %s at once', a.name, b.name, a.role),
           printf('member %d, member %d', a.id, b.id),
           (SELECT group_concat(s.path, '; ') FROM source_document s WHERE s.id IN (a.source_id, b.source_id)
               OR s.id IN (SELECT r.source_id FROM record_source r WHERE r.table_name = 'member'
                                                 AND r.record_id IN (a.id, b.id)))
      FROM member a JOIN member b ON b.council_id = a.council_id AND b.role = a.role AND b.id > a.id
     WHERE (a.role IN ('chair', 'deputy') OR a.role = 'secretary')
       AND coalesce(a.term_start, '0') <= coalesce(b.term_end, '9')
       AND coalesce(b.term_start, '0') <= coalesce(a.term_end, '9')
       -- two names of one person are a name_variant, not two people
       AND NOT EXISTS (SELECT 1 FROM variants v WHERE v.a_id = a.id AND v.b_id = b.id)
    UNION ALL
    -- no_chair (memberships): members known, none of them chair
    SELECT m.council_id, NULL, 'no_chair',
           printf('no chair among %d member%s', count(*), CASE WHEN count(*) = 1 THEN '' ELSE 's' END),
           group_concat('member ' || m.id, ', '),
           (SELECT group_concat(DISTINCT s.path) FROM current x JOIN source_document s ON s.id = x.source_id
             WHERE x.council_id = m.council_id)
      FROM current m GROUP BY m.council_id HAVING sum(m.role = 'chair') = 0
    UNION ALL
    -- members_vs_size: the members a report states, or the members
    -- recorded (memberships), other than the council's size
    SELECT f.council_id, f.year, 'members_vs_size',
           printf('%d members stated, the council''s size is %d', f.value, c.size),
           'reported_figure ' || f.id, (SELECT group_concat(s.path, '; ') FROM source_document s WHERE s.id = f.source_id OR s.id IN (SELECT r.source_id FROM record_source r WHERE r.table_name = 'reported_figure' AND r.record_id = f.id))
      FROM reported_figure f JOIN council c ON c.id = f.council_id
     WHERE f.metric = 'members' AND f.qualifier = 'exact' AND c.size IS NOT NULL AND f.value <> c.size
    UNION ALL
    SELECT m.council_id, NULL, 'members_vs_size',
           printf('%d members recorded, the council''s size is %d', count(*), c.size),
           'council ' || c.id,
           (SELECT group_concat(DISTINCT s.path) FROM current x JOIN source_document s ON s.id = x.source_id
             WHERE x.council_id = m.council_id)
      FROM current m JOIN council c ON c.id = m.council_id
     WHERE c.size IS NOT NULL GROUP BY m.council_id HAVING count(*) <> c.size
    UNION ALL
    -- seats_vs_size: the seats of the two sides do not add up to the size
    SELECT c.id, NULL, 'seats_vs_size',
           printf('%d + %d seats by side, the council''s size is %d', c.seats_municipality,
                  c.seats_community, c.size),
           'council ' || c.id, (SELECT group_concat(s.path, '; ') FROM source_document s WHERE s.id = c.source_id OR s.id IN (SELECT r.source_id FROM record_source r WHERE r.table_name = 'council' AND r.record_id = c.id))
      FROM council c
     WHERE c.size IS NOT NULL AND c.seats_municipality IS NOT NULL AND c.seats_community IS NOT NULL
       AND c.seats_municipality + c.seats_community <> c.size
    UNION ALL
    -- stated_below_listed: fewer meetings stated than dated ones listed
    SELECT v.council_id, v.year, 'stated_below_listed',
           printf('%d meetings stated, %d dated meetings listed', v.meetings_stated, v.meetings_listed),
           (SELECT group_concat('reported_figure ' || f.id, ', ') FROM reported_figure f
             WHERE f.council_id = v.council_id AND f.year = v.year AND f.metric = 'meetings'),
           (SELECT group_concat(DISTINCT s.path) FROM reported_figure f
              JOIN source_document s ON s.id = f.source_id
             WHERE f.council_id = v.council_id AND f.year = v.year AND f.metric = 'meetings')
      FROM meetings_per_year v WHERE v.meetings_stated < v.meetings_listed
    UNION ALL
    -- figures_disagree: documents stating different figures for one year
    SELECT f.council_id, f.year, 'figures_disagree',
           f.metric || ': ' || group_concat(f.value || ' (' || coalesce((SELECT path FROM source_document
                                             WHERE id = f.source_id), 'by hand') || ')', ', '),
           group_concat('reported_figure ' || f.id, ', '),
           group_concat((SELECT path FROM source_document WHERE id = f.source_id), '; ')
      FROM reported_figure f WHERE f.qualifier = 'exact'
     GROUP BY f.council_id, f.year, f.metric HAVING count(DISTINCT f.value) > 1
    UNION ALL
    -- participants_disagree: documents counting one event differently
    SELECT e.council_id, e.year, 'participants_disagree',
           printf('"%s" of %s: ', e.title, e.date_start) ||
           (SELECT group_concat(n || ' (' || coalesce(path, 'by hand') || ')', ', ')
              FROM (SELECT sum(p.count) AS n, (SELECT path FROM source_document
                                                 WHERE id = coalesce(p.source_id, ev.source_id)) AS path
                      FROM event_participants p JOIN event ev ON ev.id = p.event_id
                     WHERE p.event_id = e.id GROUP BY coalesce(p.source_id, ev.source_id))),
           'event ' || e.id, (SELECT group_concat(s.path, '; ') FROM source_document s WHERE s.id = e.source_id OR s.id IN (SELECT r.source_id FROM record_source r WHERE r.table_name = 'event' AND r.record_id = e.id))
      FROM event e
     WHERE e.participant_groups > 0 AND
           EXISTS (SELECT 1 FROM event_participants p JOIN event ev ON ev.id = p.event_id
                    WHERE p.event_id = e.id GROUP BY coalesce(p.source_id, ev.source_id)
                   HAVING sum(p.count) <> max(ev.participants))
    UNION ALL
    -- name_variant (memberships): two names of one council that may be one
    -- person -- the same letters but for diacritics and case ("Sarunas
    -- Zilinskas"), an initial for the first name ("K. Urbonas"), or the same
    -- stems in other cases ("Kęstučio Urbono") -- not resolved into one
    SELECT a.council_id, NULL, 'name_variant',
           printf('"%s" and "%s" may be one person', a.name, b.name),
           printf('member %d, member %d', a.id, b.id),
           (SELECT group_concat(s.path, '; ') FROM source_document s WHERE s.id IN (a.source_id, b.source_id)
               OR s.id IN (SELECT r.source_id FROM record_source r WHERE r.table_name = 'member'
                                                 AND r.record_id IN (a.id, b.id)))
      FROM variants v JOIN member a ON a.id = v.a_id JOIN member b ON b.id = v.b_id
    UNION ALL
    -- outside_report_year: a meeting or an event of another year than every
    -- report stating it is about
    SELECT e.council_id, e.year, 'outside_report_year',
           printf('event "%s" of %s in a report for %s', e.title, e.date_start,
                  (SELECT group_concat(DISTINCT s.report_year) FROM source_document s WHERE s.id = e.source_id
                       OR s.id IN (SELECT r.source_id FROM record_source r WHERE r.table_name = 'event'
                                                         AND r.record_id = e.id))),
           'event ' || e.id, (SELECT group_concat(s.path, '; ') FROM source_document s WHERE s.id = e.source_id OR s.id IN (SELECT r.source_id FROM record_source r WHERE r.table_name = 'event' AND r.record_id = e.id))
      FROM event e
     WHERE e.source_id IS NOT NULL AND NOT EXISTS (
           SELECT 1 FROM source_document s WHERE (s.id = e.source_id OR s.id IN
                  (SELECT r.source_id FROM record_source r WHERE r.table_name = 'event' AND r.record_id = e.id))
              AND (s.report_year IS NULL OR s.report_year = e.year OR
                   NOT (s.kind = 'annual_report' OR s.kind = 'plan_report')))
    UNION ALL
    SELECT m.council_id, m.year, 'outside_report_year',
           printf('meeting of %s in a report for %s', m.date_start,
                  (SELECT group_concat(DISTINCT s.report_year) FROM source_document s WHERE s.id = m.source_id
                       OR s.id IN (SELECT r.source_id FROM record_source r WHERE r.table_name = 'meeting'
                                                         AND r.record_id = m.id))),
           'meeting ' || m.id, (SELECT group_concat(s.path, '; ') FROM source_document s WHERE s.id = m.source_id OR s.id IN (SELECT r.source_id FROM record_source r WHERE r.table_name = 'meeting' AND r.record_id = m.id))
      FROM meeting m
     WHERE m.source_id IS NOT NULL AND NOT EXISTS (
           SELECT 1 FROM source_document s WHERE (s.id = m.source_id OR s.id IN
                  (SELECT r.source_id FROM record_source r WHERE r.table_name = 'meeting' AND r.record_id = m.id))
              AND (s.report_year IS NULL OR s.report_year = m.year OR
                   NOT (s.kind = 'annual_report' OR s.kind = 'plan_report')))
), variants AS MATERIALIZED (
    -- pairs of names of one council that may be one person (name_variant)
    SELECT a.id AS a_id, b.id AS b_id
      FROM folded a JOIN folded b ON b.council_id = a.council_id AND b.id > a.id
     WHERE a.name <> b.name AND a.first <> '' AND b.first <> ''
       AND (a.f = b.f OR
            (substr(a.f, 1, 1) = substr(b.f, 1, 1)
             AND (a.first GLOB '?.' OR b.first GLOB '?.' OR
                  substr(a.first, 1, max(3, min(length(a.first), length(b.first)) - 3)) =
                  substr(b.first, 1, max(3, min(length(a.first), length(b.first)) - 3)))
             AND min(length(a.last), length(b.last)) >= 4
             AND substr(a.last, 1, max(5, min(length(a.last), length(b.last)) - 2)) =
                 substr(b.last, 1, max(5, min(length(a.last), length(b.last)) - 2))))
), folded AS MATERIALIZED (
    -- names folded as council_text_fold does for Lithuanian letters
    -- (lower case, no diacritics), split into first word and last word
    SELECT id, council_id, source_id, name, f,
           CASE WHEN instr(f, ' ') > 0 THEN substr(f, 1, instr(f, ' ') - 1) ELSE '' END AS first,
           substr(f, length(rtrim(f, replace(f, ' ', ''))) + 1) AS last
      FROM (SELECT id, council_id, source_id, name, lower(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(name, 'ą', 'a'), 'č', 'c'), 'ę', 'e'), 'ė', 'e'), 'į', 'i'), 'š', 's'), 'ų', 'u'), 'ū', 'u'), 'ž', 'z'), 'Ą', 'a'), 'Č', 'c'), 'Ę', 'e'), 'Ė', 'e'), 'Į', 'i'), 'Š', 's'), 'Ų', 'u'), 'Ū', 'u'), 'Ž', 'z')) AS f FROM member)
)
SELECT c.name, f.year, f.kind, f.detail, f.record, f.documents, f.council_id
  FROM found f JOIN council c ON c.id = f.council_id;
-- The municipalities of Lithuania, 60 (schema version 7), as
-- council.municipality names them ("Akmenės rajono savivaldybė"): the
-- coverage view lists every one, also those with no council recorded.
-- Written by the library when it creates or upgrades a database, from the
-- importer's word list (lib/import/lexicon.def), where they are written
-- once; a database made from this file by hand has it empty.
-- Columns:
--   name  the municipality's name ("Akmenės rajono savivaldybė")
--   kind  city (miesto), district (rajono) or plain (named neither, as "Neringos savivaldybė")
CREATE TABLE municipality (
    name TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 200),
    kind TEXT NOT NULL CHECK (kind = 'city' OR kind = 'district' OR kind = 'plain')
) STRICT, WITHOUT ROWID;

DROP VIEW IF EXISTS coverage;
-- Which documents exist for each municipality, council and year, and how
-- much they gave: the ministry's first question.  One row per council and
-- year with anything recorded; a council with nothing dated has one row
-- without a year, and a municipality with no council one row without a
-- council.  Councils whose municipality is not one of the 60 (entered by
-- hand without it) are listed under the municipality they name.
-- Columns:
--   municipality  the municipality ("Akmenės rajono savivaldybė"); empty for a council that names none
--   council       the council's name; empty when the municipality has none recorded
--   kind          BO, NVO or other
--   year          the year; empty when nothing of the council is dated
--   documents     the documents about the council reporting on that year
--   meetings      meetings held that year, as meetings_per_year counts them
--   events        events recorded that year
--   members       members the year's documents state
--   council_id    the council's id
CREATE VIEW coverage(municipality, council, kind, year, documents, meetings, events, members,
                     council_id) AS
WITH years(council_id, year) AS (
    SELECT council_id, report_year FROM source_document
     WHERE council_id IS NOT NULL AND report_year IS NOT NULL
    UNION SELECT council_id, year FROM meeting
    UNION SELECT council_id, year FROM event
    UNION SELECT council_id, year FROM reported_figure
), documents AS (
    SELECT council_id, report_year AS year, count(*) AS n FROM source_document
     WHERE council_id IS NOT NULL GROUP BY council_id, report_year
), events AS (
    SELECT council_id, year, count(*) AS n FROM event GROUP BY council_id, year
), members AS (
    SELECT s.council_id, s.report_year AS year, count(DISTINCT r.record_id) AS n
      FROM record_sources r JOIN source_document s ON s.id = r.source_id
     WHERE r.table_name = 'member' GROUP BY s.council_id, s.report_year
), per_council AS (
    SELECT c.id AS council_id, c.name, c.kind, c.municipality, y.year,
           coalesce(d.n, 0) AS documents, coalesce(v.meetings, 0) AS meetings,
           coalesce(e.n, 0) AS events, coalesce(m.n, 0) AS members
      FROM council c
      LEFT JOIN years y ON y.council_id = c.id
      LEFT JOIN documents d ON d.council_id = c.id AND d.year = y.year
      LEFT JOIN meetings_per_year v ON v.council_id = c.id AND v.year = y.year
      LEFT JOIN events e ON e.council_id = c.id AND e.year = y.year
      LEFT JOIN members m ON m.council_id = c.id AND m.year = y.year
)
SELECT mu.name, p.name, p.kind, p.year, coalesce(p.documents, 0), coalesce(p.meetings, 0),
       coalesce(p.events, 0), coalesce(p.members, 0), p.council_id
  FROM municipality mu LEFT JOIN per_council p ON p.municipality = mu.name
UNION ALL
SELECT p.municipality, p.name, p.kind, p.year, p.documents, p.meetings, p.events, p.members,
       p.council_id
  FROM per_council p
 WHERE p.municipality IS NULL OR NOT EXISTS (SELECT 1 FROM municipality mu WHERE mu.name = p.municipality);
-- <<< one answer

-- >>> views (schema version 12; lib/db.c's migration 11 -> 12 runs this
-- section of the embedded schema, from this marker to the closing one, on
-- an older database: it drops the public views and creates them again, so
-- keep it self-contained and give any later change a step of its own.)
-- ---------------------------------------------------------------------------
-- Public views.  Other tools rely on their names and columns: new columns are
-- only ever added at the end.  The comment right above each view describes
-- it, and its "Columns:" list each column: the library copies them into the
-- table schema_doc below, and `council export --format csv` writes them into
-- datapackage.json, so keep them in step with the view.  Tables are
-- described the same way: the block above CREATE TABLE, its "Columns:"
-- list, and comments on a column's own line or right above it inside the
-- table (tests/test_db.c checks that every column has a description); a
-- column added by ALTER TABLE ... ADD COLUMN, by the comment block right
-- above the ALTER; a view defined again in a later section, by its last
-- definition alone (lib/schema_doc.c).  Since schema
-- version 12 every view of records of one council ends with council_id and
-- municipality (and year, where its rows have a date), so that analysts can
-- group and join without going back to the tables.  record_sources and
-- changes are about records of every kind, documents included, and name no
-- council.
-- ---------------------------------------------------------------------------
DROP VIEW IF EXISTS meetings_per_year;
DROP VIEW IF EXISTS meetings_overview;
DROP VIEW IF EXISTS events_overview;
DROP VIEW IF EXISTS members_overview;
DROP VIEW IF EXISTS measures_overview;
DROP VIEW IF EXISTS figure_conflicts;

-- What every table, view and column is, as the comments of schema.sql say
-- (schema version 12), so that sqlite3 users, Datasette and other tools read
-- the descriptions from the database itself.  Derived: the library fills it
-- from the schema it embeds when it creates or upgrades a database; do not
-- edit it by hand.
-- Columns:
--   object       the table's or view's name
--   type         table or view
--   column_name  the column described; empty for the table or view itself
--   description  what it holds, in English
CREATE TABLE IF NOT EXISTS schema_doc (
    object      TEXT NOT NULL,
    type        TEXT NOT NULL CHECK (type IN ('table', 'view')),
    column_name TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL,
    PRIMARY KEY (object, column_name)
) STRICT, WITHOUT ROWID;

-- Meetings per council and year.  A report may state a count ("3 posėdžiai")
-- and list fewer dated meetings, or list meetings without stating a count;
-- meetings is the larger of the stated and the listed figure, so a stated 3
-- with one dated meeting counts 3.  Across documents (schema version 7): a
-- dated meeting two documents state is one meeting (one row); the count
-- the documents state is taken when they agree, and the larger when they
-- disagree (both stay in reported_figure; conflict says so, and
-- figure_conflicts and the findings list them); then meetings is the
-- larger of that and the meetings any one document lists (with those
-- entered by hand), so two reports each listing five meetings of one
-- year, on dates that differ, and both stating five, give five, not nine.
-- Without a stated count, every listed meeting counts.  For a year one
-- document tells of, the rows are those of version 6.
-- Columns:
--   council          the council's name
--   year             calendar year
--   meetings         meetings held: the stated count (the larger when documents disagree), or the dated meetings listed when none is stated
--   remote           of them, meetings held remotely, by the same rule
--   meetings_listed  dated meetings recorded that year, from every document
--   meetings_stated  the count a report states for the year (the largest); empty when none does
--   council_id       the council's id
--   conflict         1 when documents state different counts of meetings (or of remote ones) for the year, else 0
--   municipality     the council's municipality; empty when not known
CREATE VIEW meetings_per_year(council, year, meetings, remote,
                              meetings_listed, meetings_stated, council_id, conflict,
                              municipality) AS
WITH listed AS (
    SELECT council_id, year, count(*) AS n,
           sum(format = 'remote') AS remote
      FROM meeting GROUP BY council_id, year
), stated AS (
    SELECT council_id, year,
           max(CASE WHEN metric = 'meetings' THEN value END) AS n,
           max(CASE WHEN metric = 'meetings_remote' THEN value END) AS remote,
           count(DISTINCT CASE WHEN metric = 'meetings' AND qualifier = 'exact' THEN value END) > 1 OR
           count(DISTINCT CASE WHEN metric = 'meetings_remote' AND qualifier = 'exact' THEN value END) > 1
               AS conflict
      FROM reported_figure
     WHERE metric IN ('meetings', 'meetings_remote')
     GROUP BY council_id, year
), stating(meeting_id, source_id) AS (
    -- a record's primary source is never among its others (record_source)
    SELECT id, source_id FROM meeting WHERE source_id IS NOT NULL
    UNION ALL SELECT record_id, source_id FROM record_source WHERE table_name = 'meeting'
), by_document AS (
    -- each document's own list, meetings entered by hand added to each
    SELECT d.council_id, d.year, max(d.n) AS n, max(d.remote) AS remote
      FROM (SELECT m.council_id, m.year, s.source_id, count(*) AS n,
                   sum(m.format = 'remote') AS remote
              FROM stating s JOIN meeting m ON m.id = s.meeting_id
             GROUP BY m.council_id, m.year, s.source_id) d
     GROUP BY d.council_id, d.year
), by_hand AS (
    SELECT council_id, year, count(*) AS n, sum(format = 'remote') AS remote
      FROM meeting WHERE source_id IS NULL GROUP BY council_id, year
), years AS (
    SELECT council_id, year FROM listed
    UNION
    SELECT council_id, year FROM stated WHERE n IS NOT NULL OR remote IS NOT NULL
)
SELECT c.name, y.year,
       CASE WHEN s.n IS NULL THEN coalesce(l.n, 0)
            ELSE max(s.n, coalesce(d.n, 0) + coalesce(h.n, 0)) END,
       CASE WHEN s.remote IS NULL THEN coalesce(l.remote, 0)
            ELSE max(s.remote, coalesce(d.remote, 0) + coalesce(h.remote, 0)) END,
       coalesce(l.n, 0), s.n, c.id, coalesce(s.conflict, 0), c.municipality
  FROM years y
  JOIN council c ON c.id = y.council_id
  LEFT JOIN listed l ON l.council_id = y.council_id AND l.year = y.year
  LEFT JOIN stated s ON s.council_id = y.council_id AND s.year = y.year
  LEFT JOIN by_document d ON d.council_id = y.council_id AND d.year = y.year
  LEFT JOIN by_hand h ON h.council_id = y.council_id AND h.year = y.year;

-- One row per dated meeting of a council.
-- Columns:
--   council     the council's name
--   date_start  first day of the meeting: YYYY, YYYY-MM or YYYY-MM-DD, as precisely as known
--   date_end    last day, of the same forms; equal to date_start for one day
--   format      in_person, remote, hybrid or unknown
--   summary     what the meeting dealt with, as the report says
--   platform    the video platform of a remote meeting ("Microsoft Teams", "Zoom")
--   location    where it was held
--   meeting_id    the meeting's id
--   council_id    the council's id
--   municipality  the council's municipality; empty when not known
--   year          the year of date_start
CREATE VIEW meetings_overview(council, date_start, date_end, format, summary,
                              platform, location, meeting_id, council_id,
                              municipality, year) AS
SELECT c.name, m.date_start, m.date_end, m.format, m.summary,
       m.platform, m.location, m.id, c.id, c.municipality, m.year
  FROM meeting m JOIN council c ON c.id = m.council_id;

-- One row per event; participants is what the document stating the most
-- counts, the sum over its groups (NULL when no group was counted), and
-- qualifier the weakest of them: one group's own qualifier; of several,
-- 'about' if any is about, else 'at_least' if any is inexact (a sum
-- including an "at least" or "more than" group is at least that sum), else
-- 'exact'.  Both are read from the totals the triggers keep on the event
-- row (above).  An event two documents state is one event (one row); when
-- they count its participants differently, every count stays stored with
-- its document and conflict says so.
-- Columns:
--   council       the council's name
--   title         the event's title
--   date_start    first day: YYYY, YYYY-MM or YYYY-MM-DD, as precisely as known
--   date_end      last day, of the same forms
--   participants  participants summed over the counted groups of the document counting the most; empty when none was counted
--   qualifier     exact, more_than, at_least or about: how exact participants is
--   location      where it took place
--   organiser     who organised it
--   remote        1 online, 0 in person, empty when unknown
--   kind          seminar, training, conference, visit, discussion, presentation, consultation, festival, exhibition, workshop, forum or other
--   event_id      the event's id
--   conflict      1 when documents count the event's participants differently, else 0
--   council_id    the council's id
--   municipality  the council's municipality; empty when not known
--   year          the year of date_start
CREATE VIEW events_overview(council, title, date_start, date_end, participants,
                            qualifier, location, organiser, remote, kind, event_id, conflict,
                            council_id, municipality, year) AS
SELECT c.name, e.title, e.date_start, e.date_end, e.participants, e.participants_qualifier,
       e.location, e.organiser, e.remote, e.kind, e.id,
       e.participant_groups > 0 AND
       EXISTS (SELECT 1 FROM event_participants p JOIN event ev ON ev.id = p.event_id
                WHERE p.event_id = e.id GROUP BY coalesce(p.source_id, ev.source_id)
               HAVING sum(p.count) <> max(ev.participants)),
       c.id, c.municipality, e.year
  FROM event e JOIN council c ON c.id = e.council_id;

-- One row per member of a council.
-- Columns:
--   council       the council's name
--   name          the member's name
--   role          chair, deputy, secretary or member
--   represents    the organisation or institution the member comes from
--   side          municipality or community: whose seat it is; empty when unknown
--   member_id     the member's id
--   date_from     when the membership began, as precisely as known ('2024' or '2024-03-05'):
--     the term set by hand, else the earliest its documents state; empty when unknown
--   date_to       when it ended: the term set by hand, else the latest date known to hold
--     when a later document lists the council without it; empty while it lasts
--   delegated_by  the body that delegated the member to the council, where
--                 stated ("Savivaldybės taryba", a union of communities)
--   council_id    the council's id
--   municipality  the council's municipality; empty when not known
CREATE VIEW members_overview(council, name, role, represents, side, member_id, date_from, date_to,
                             delegated_by, council_id, municipality) AS
SELECT c.name, m.name, m.role, m.represents, m.side, m.id, t.date_from, t.date_to, m.delegated_by,
       c.id, c.municipality
  FROM member m JOIN council c ON c.id = m.council_id
  JOIN member_term t ON t.member_id = m.id;

-- One row per measure of a council's action plan.
-- Columns:
--   council      the council's name
--   plan         the plan's title
--   seq          the measure's number in the plan
--   name         what the measure is
--   indicator    how its fulfilment is measured
--   responsible  the units responsible, in the plan's order, separated by "; "
--   measure_id    the measure's id
--   council_id    the council's id
--   municipality  the council's municipality; empty when not known
CREATE VIEW measures_overview(council, plan, seq, name, indicator, responsible, measure_id,
                              council_id, municipality) AS
SELECT c.name, p.title, ms.seq, ms.name, ms.indicator,
       (SELECT group_concat(unit, '; ')
          FROM (SELECT unit FROM measure_responsible r
                 WHERE r.measure_id = ms.id ORDER BY r.pos)),
       ms.id, c.id, c.municipality
  FROM measure ms
  JOIN plan p ON p.id = ms.plan_id
  JOIN council c ON c.id = p.council_id;

-- Stated figures that disagree: for a council, year and metric, every
-- figure when documents state more than one value (all are kept, each with
-- its source; meetings_per_year takes the largest).
-- Columns:
--   council     the council's name
--   year        the year the figure is for
--   metric      meetings, meetings_remote, members, events or participants
--   value       the figure a document states
--   qualifier   exact, more_than, at_least or about
--   source      the path of the document stating it; empty when entered by hand
--   figure_id   the figure's id
--   council_id    the council's id
--   municipality  the council's municipality; empty when not known
CREATE VIEW figure_conflicts(council, year, metric, value, qualifier, source, figure_id, council_id,
                             municipality) AS
SELECT c.name, f.year, f.metric, f.value, f.qualifier, s.path, f.id, c.id, c.municipality
  FROM reported_figure f
  JOIN council c ON c.id = f.council_id
  LEFT JOIN source_document s ON s.id = f.source_id
 WHERE EXISTS (SELECT 1 FROM reported_figure g
                WHERE g.council_id = f.council_id AND g.year = f.year
                  AND g.metric = f.metric AND g.value <> f.value);

-- Participants per council and year (schema version 12): the events'
-- totals summed, with how exact the sum is.  A report's "daugiau nei 2000"
-- is a lower bound, and so is any sum that includes it: qualifier is one
-- counted event's own when only one was counted; of several, 'about' if
-- any is about, else 'at_least' if any is inexact, else 'exact' (the rule
-- events_overview applies to an event's groups).  Years with events but no
-- count have participants and qualifier empty.
-- Columns:
--   council         the council's name
--   year            calendar year
--   events          events that year
--   events_counted  of them, events with a participant count
--   participants    participants summed over the counted events; empty when none was counted
--   qualifier       exact, more_than, at_least or about: how exact participants is
--   council_id      the council's id
--   municipality    the council's municipality; empty when not known
CREATE VIEW participants_per_year(council, year, events, events_counted, participants,
                                  qualifier, council_id, municipality) AS
SELECT c.name, t.year, t.n, t.k, t.s,
       CASE WHEN t.k = 0 THEN NULL
            WHEN t.k = 1 THEN t.q
            WHEN t.about > 0 THEN 'about'
            WHEN t.inexact > 0 THEN 'at_least'
            ELSE 'exact' END,
       c.id, c.municipality
  FROM (SELECT council_id, year, count(*) AS n, count(participants) AS k,
               sum(participants) AS s, max(participants_qualifier) AS q,
               sum(participants_qualifier = 'about') AS about,
               sum(participants_qualifier <> 'exact') AS inexact
          FROM event GROUP BY council_id, year) t
  JOIN council c ON c.id = t.council_id;
-- <<< views

-- >>> dated memberships (schema version 13; lib/db.c's migration 12 -> 13 runs
-- this section of the embedded schema, from this marker to the closing one,
-- on an older database: it replaces the views member_term and findings, so
-- keep it self-contained.)
-- ---------------------------------------------------------------------------
-- The checks of members read dated memberships (member_term, section
-- "people") rather than the member table as it stands: a chair of 2021
-- whom a later document no longer names chair has ended, so is no second
-- chair of 2023; and a name that may be two people is what the library
-- could not settle (person_ambiguity), not a guess of this view's own.
-- ---------------------------------------------------------------------------
DROP VIEW IF EXISTS member_term;
-- The term of a membership whose holder moved to another office of the
-- council (the chair of 2022 a member from the sitting of 2023-06-14 that
-- took the chair from him) ends on the day the next office began, when a
-- document states that day, rather than at the last date known to hold:
-- offices are one after the other.  And a document lists the council's
-- composition when it names, besides those it says joined or left, three
-- members and at least half the council's size where the size is known: a
-- report naming five of a council of twelve (its officers, a few in
-- passing) ends no one's membership.  Otherwise as in the section "people".
-- Columns:
--   member_id     the member row
--   date_from     when the membership began: the hand-set term_start, else first_stated
--   date_to       when it ended: the hand-set term_end, else, once a later document lists the
--     council without it, the day the same person's next office in the council began when stated
--     to the day, else last_stated; empty while it lasts
--   first_stated  the earliest time its documents speak of
--   last_stated   the latest
CREATE VIEW member_term(member_id, date_from, date_to, first_stated, last_stated) AS
WITH composition(council_id, source_id, lo) AS (
    -- documents listing a council's composition, grouped once per query
    SELECT council_id, source_id, min(lo) FROM member_evidence
     GROUP BY council_id, source_id
    HAVING sum(change IS NULL) >= max(3, coalesce((SELECT (c.size + 1) / 2 FROM council c
                                                     WHERE c.id = council_id), 3)))
SELECT t.id, coalesce(t.term_start, t.first_stated),
       coalesce(t.term_end,
                CASE WHEN EXISTS (
                    SELECT 1 FROM member_evidence g
                     WHERE g.member_id = t.id AND g.change = 'left' AND g.hi >= t.last_hi)
                  OR EXISTS (
                    SELECT 1 FROM composition l
                     WHERE l.council_id = t.council_id AND l.lo > t.last_hi
                       AND NOT EXISTS (SELECT 1 FROM member_evidence k
                                        WHERE k.source_id = l.source_id AND k.council_id = t.council_id
                                          AND k.role = t.role
                                          AND (k.member_id = t.id OR k.person_id = t.person_id)))
                  OR (t.role <> 'member' AND EXISTS (
                    SELECT 1 FROM member_evidence l
                     WHERE l.council_id = t.council_id AND l.role = t.role AND l.lo > t.last_hi
                       AND NOT EXISTS (SELECT 1 FROM member_evidence k
                                        WHERE k.source_id = l.source_id AND k.council_id = t.council_id
                                          AND k.role = t.role
                                          AND (k.member_id = t.id OR k.person_id = t.person_id))))
                THEN coalesce(t.next_from, t.last_stated) END),
       t.first_stated, t.last_stated
  FROM (SELECT t0.*,
               -- the day the same person's next office in the council began, stated to the day
               (SELECT min(e.stated) FROM member_evidence e
                 WHERE e.person_id = t0.person_id AND e.council_id = t0.council_id
                   AND e.member_id <> t0.id AND e.role <> t0.role AND length(e.stated) = 10
                   AND e.lo > t0.last_hi
                   AND NOT EXISTS (SELECT 1 FROM member_evidence f WHERE f.member_id = e.member_id
                                      AND f.hi <= t0.last_hi)) AS next_from
          FROM (SELECT m.id, m.council_id, m.person_id, m.role, m.term_start, m.term_end,
               (SELECT min(e.stated) FROM member_evidence e WHERE e.member_id = m.id) AS first_stated,
               (SELECT e.stated FROM member_evidence e WHERE e.member_id = m.id
                 ORDER BY e.hi DESC, e.stated LIMIT 1) AS last_stated,
               (SELECT max(e.hi) FROM member_evidence e WHERE e.member_id = m.id) AS last_hi
          FROM member m) t0) t;

DROP VIEW IF EXISTS findings;
-- What the law and the documents' agreement ask, checked (council check,
-- council_check): one row per finding, naming the records and the
-- documents it comes from.  Each check is one named part below (kind);
-- lib/check.c lists them with what each checks.  Checks of members read
-- memberships with their terms (member_term): offices at a time compare
-- terms, two terms overlapping when one ends after the other begins at the
-- precision both are known ("2022" ends no later than "2022-04-07" begins;
-- an unknown start or end reaches as far as it can); the composition is
-- the memberships still lasting (no date_to), one row per person, and its
-- year the latest a document states any of them.
-- Columns:
--   council     the council's name
--   year        the year the finding is about; empty when it is not dated
--   kind        the check: parity, term_over_3_years, several_chairs, several_deputies, several_secretaries, no_chair, members_vs_size, seats_vs_size, stated_below_listed, figures_disagree, participants_disagree, name_variant, outside_report_year
--   detail      what was found, in words
--   record      the records it comes from: "table id" separated by ", "
--   documents   the paths of the documents stating them, separated by "; "
--   council_id  the council's id
CREATE VIEW findings(council, year, kind, detail, record, documents, council_id) AS
WITH terms AS MATERIALIZED (
    -- every membership with its term, and the first and last day it may
    -- have begun and ended ('2022' begins 2022-01-01 at the earliest,
    -- 2022-12-31 at the latest)
    SELECT m.id, m.council_id, m.person_id, m.name, m.role, m.side, m.source_id,
           t.date_from, t.date_to, t.last_stated,
           CASE length(t.date_from) WHEN 4 THEN t.date_from || '-12-31'
                WHEN 7 THEN date(t.date_from || '-01', '+1 month', '-1 day')
                ELSE t.date_from END AS from_hi,
           CASE length(t.date_to) WHEN 4 THEN t.date_to || '-01-01'
                WHEN 7 THEN t.date_to || '-01' ELSE t.date_to END AS to_lo
      FROM member m JOIN member_term t ON t.member_id = m.id
), current AS MATERIALIZED (
    -- the composition: memberships still lasting, one row per person
    -- (a person's lasting memberships together: chair if any is)
    SELECT council_id, coalesce(person_id, -id) AS who, min(id) AS id, max(role = 'chair') AS chair,
           max(side) AS side, max(substr(last_stated, 1, 4)) AS year
      FROM terms WHERE date_to IS NULL GROUP BY council_id, coalesce(person_id, -id)
), composition AS MATERIALIZED (
    SELECT council_id, count(*) AS n, sum(chair) AS chairs, sum(side = 'municipality') AS municipal,
           sum(side = 'community') AS community, sum(side IS NULL) AS unknown,
           CAST(max(year) AS INTEGER) AS year,
           (SELECT group_concat('member ' || x.id, ', ')
              FROM (SELECT id FROM current y WHERE y.council_id = c.council_id ORDER BY id) x) AS records,
           (SELECT group_concat(DISTINCT s.path) FROM terms x JOIN source_document s ON s.id = x.source_id
             WHERE x.council_id = c.council_id AND x.date_to IS NULL) AS documents
      FROM current c GROUP BY council_id
), found(council_id, year, kind, detail, record, documents) AS (
    -- parity: the law on community organisations: of a BO council's
    -- members at most half from municipal institutions, at least half from
    -- community organisations; read when every member's side is known
    SELECT k.council_id, k.year, 'parity',
           printf('%d of %d members from municipal institutions, %d from community organisations: '
                  || 'at most half may be municipal', k.municipal, k.n, k.community),
           k.records, k.documents
      FROM composition k JOIN council c ON c.id = k.council_id AND c.kind = 'BO'
     WHERE k.n > 0 AND k.unknown = 0 AND k.municipal * 2 > k.n
    UNION ALL
    -- parity of seats: the seats the founding act gives the municipal side
    SELECT c.id, NULL, 'parity',
           printf('%d of %d seats for municipal institutions: at most half may be', c.seats_municipality,
                  c.size),
           'council ' || c.id, (SELECT group_concat(s.path, '; ') FROM source_document s WHERE s.id = c.source_id OR s.id IN (SELECT r.source_id FROM record_source r WHERE r.table_name = 'council' AND r.record_id = c.id))
      FROM council c
     WHERE c.kind = 'BO' AND c.size > 0 AND c.seats_municipality * 2 > c.size
    UNION ALL
    -- term_over_3_years: a membership held longer than the law's three
    -- years for certain (from its latest possible start to its earliest
    -- possible end), ended or still held at its last stated date
    SELECT m.council_id, CAST(substr(coalesce(m.date_to, m.last_stated), 1, 4) AS INTEGER), 'term_over_3_years',
           CASE WHEN m.date_to IS NOT NULL
                THEN printf('%s: %s term from %s to %s, longer than 3 years', m.name, m.role, m.date_from, m.date_to)
                ELSE printf('%s: %s term from %s, still held in %s, longer than 3 years', m.name, m.role,
                            m.date_from, m.last_stated) END,
           'member ' || m.id, (SELECT group_concat(s.path, '; ') FROM source_document s WHERE s.id = m.source_id OR s.id IN (SELECT r.source_id FROM record_source r WHERE r.table_name = 'member' AND r.record_id = m.id))
      FROM terms m
     WHERE m.from_hi IS NOT NULL
       AND CASE length(coalesce(m.date_to, m.last_stated)) WHEN 4 THEN coalesce(m.date_to, m.last_stated) || '-01-01'
                WHEN 7 THEN coalesce(m.date_to, m.last_stated) || '-01'
                ELSE coalesce(m.date_to, m.last_stated) END > date(m.from_hi, '+3 years')
    UNION ALL
    -- several_chairs, several_deputies, several_secretaries: two people in
    -- one office at a time -- terms that overlap, each ending after the
    -- other begins at the precision both are known; an unknown start or
    -- end reaches as far as it can.  Two names the library could not settle
    -- as one person or two are a name_variant, not two people.
    SELECT a.council_id,
           CAST(nullif(substr(max(coalesce(a.date_from, ''), coalesce(b.date_from, '')), 1, 4), '') AS INTEGER),
           CASE a.role WHEN 'chair' THEN 'several_chairs' WHEN 'deputy' THEN 'several_deputies'
                       ELSE 'several_secretaries' END,
           printf('%s and %s both %s at once', a.name, b.name, a.role),
           printf('member %d, member %d', a.id, b.id),
           (SELECT group_concat(s.path, '; ') FROM source_document s WHERE s.id IN (a.source_id, b.source_id)
               OR s.id IN (SELECT r.source_id FROM record_source r WHERE r.table_name = 'member'
                                                 AND r.record_id IN (a.id, b.id)))
      FROM terms a JOIN terms b ON b.council_id = a.council_id AND b.role = a.role AND b.id > a.id
     WHERE (a.role IN ('chair', 'deputy') OR a.role = 'secretary')
       AND coalesce(a.person_id, -a.id) <> coalesce(b.person_id, -b.id)
       AND (a.date_to IS NULL OR b.date_from IS NULL OR
            substr(a.date_to, 1, min(length(a.date_to), length(b.date_from))) >
            substr(b.date_from, 1, min(length(a.date_to), length(b.date_from))))
       AND (b.date_to IS NULL OR a.date_from IS NULL OR
            substr(b.date_to, 1, min(length(b.date_to), length(a.date_from))) >
            substr(a.date_from, 1, min(length(b.date_to), length(a.date_from))))
       AND NOT EXISTS (SELECT 1 FROM person_ambiguity p
                        WHERE (p.member_id = a.id AND p.candidate = b.person_id)
                           OR (p.member_id = b.id AND p.candidate = a.person_id))
    UNION ALL
    -- no_chair: a composition known, none of its people chair
    SELECT k.council_id, k.year, 'no_chair',
           printf('no chair among %d member%s', k.n, CASE WHEN k.n = 1 THEN '' ELSE 's' END),
           k.records, k.documents
      FROM composition k WHERE k.chairs = 0
    UNION ALL
    -- members_vs_size: the members a report states, or the people of the
    -- composition, other than the council's size
    SELECT f.council_id, f.year, 'members_vs_size',
           printf('%d members stated, the council''s size is %d', f.value, c.size),
           'reported_figure ' || f.id, (SELECT group_concat(s.path, '; ') FROM source_document s WHERE s.id = f.source_id OR s.id IN (SELECT r.source_id FROM record_source r WHERE r.table_name = 'reported_figure' AND r.record_id = f.id))
      FROM reported_figure f JOIN council c ON c.id = f.council_id
     WHERE f.metric = 'members' AND f.qualifier = 'exact' AND c.size IS NOT NULL AND f.value <> c.size
    UNION ALL
    SELECT k.council_id, k.year, 'members_vs_size',
           printf('%d members recorded, the council''s size is %d', k.n, c.size),
           'council ' || c.id, k.documents
      FROM composition k JOIN council c ON c.id = k.council_id
     WHERE c.size IS NOT NULL AND k.n <> c.size
    UNION ALL
    -- seats_vs_size: the seats of the two sides do not add up to the size
    SELECT c.id, NULL, 'seats_vs_size',
           printf('%d + %d seats by side, the council''s size is %d', c.seats_municipality,
                  c.seats_community, c.size),
           'council ' || c.id, (SELECT group_concat(s.path, '; ') FROM source_document s WHERE s.id = c.source_id OR s.id IN (SELECT r.source_id FROM record_source r WHERE r.table_name = 'council' AND r.record_id = c.id))
      FROM council c
     WHERE c.size IS NOT NULL AND c.seats_municipality IS NOT NULL AND c.seats_community IS NOT NULL
       AND c.seats_municipality + c.seats_community <> c.size
    UNION ALL
    -- stated_below_listed: fewer meetings stated than dated ones listed
    SELECT v.council_id, v.year, 'stated_below_listed',
           printf('%d meetings stated, %d dated meetings listed', v.meetings_stated, v.meetings_listed),
           (SELECT group_concat('reported_figure ' || f.id, ', ') FROM reported_figure f
             WHERE f.council_id = v.council_id AND f.year = v.year AND f.metric = 'meetings'),
           (SELECT group_concat(DISTINCT s.path) FROM reported_figure f
              JOIN source_document s ON s.id = f.source_id
             WHERE f.council_id = v.council_id AND f.year = v.year AND f.metric = 'meetings')
      FROM meetings_per_year v WHERE v.meetings_stated < v.meetings_listed
    UNION ALL
    -- figures_disagree: documents stating different figures for one year
    SELECT f.council_id, f.year, 'figures_disagree',
           f.metric || ': ' || group_concat(f.value || ' (' || coalesce((SELECT path FROM source_document
                                             WHERE id = f.source_id), 'by hand') || ')', ', '),
           group_concat('reported_figure ' || f.id, ', '),
           group_concat((SELECT path FROM source_document WHERE id = f.source_id), '; ')
      FROM reported_figure f WHERE f.qualifier = 'exact'
     GROUP BY f.council_id, f.year, f.metric HAVING count(DISTINCT f.value) > 1
    UNION ALL
    -- participants_disagree: documents counting one event differently
    SELECT e.council_id, e.year, 'participants_disagree',
           printf('"%s" of %s: ', e.title, e.date_start) ||
           (SELECT group_concat(n || ' (' || coalesce(path, 'by hand') || ')', ', ')
              FROM (SELECT sum(p.count) AS n, (SELECT path FROM source_document
                                                 WHERE id = coalesce(p.source_id, ev.source_id)) AS path
                      FROM event_participants p JOIN event ev ON ev.id = p.event_id
                     WHERE p.event_id = e.id GROUP BY coalesce(p.source_id, ev.source_id))),
           'event ' || e.id, (SELECT group_concat(s.path, '; ') FROM source_document s WHERE s.id = e.source_id OR s.id IN (SELECT r.source_id FROM record_source r WHERE r.table_name = 'event' AND r.record_id = e.id))
      FROM event e
     WHERE e.participant_groups > 0 AND
           EXISTS (SELECT 1 FROM event_participants p JOIN event ev ON ev.id = p.event_id
                    WHERE p.event_id = e.id GROUP BY coalesce(p.source_id, ev.source_id)
                   HAVING sum(p.count) <> max(ev.participants))
    UNION ALL
    -- name_variant: a name the library could not settle as one person or
    -- another (person_ambiguities: an initial fitting two full names, a
    -- surname fitting two double surnames, a full name held by two people
    -- of other councils), with the member and the candidate person
    SELECT m.council_id, NULL, 'name_variant',
           printf('"%s" and "%s" may be one person (%s)', m.name, q.name, a.reason),
           printf('member %d, person %d', m.id, q.id),
           (SELECT group_concat(DISTINCT s.path) FROM member x JOIN source_document s
                ON s.id = x.source_id OR s.id IN (SELECT r.source_id FROM record_source r
                                                    WHERE r.table_name = 'member' AND r.record_id = x.id)
             WHERE x.id = m.id OR (x.person_id = q.id AND x.council_id = m.council_id))
      FROM person_ambiguity a JOIN member m ON m.id = a.member_id JOIN person q ON q.id = a.candidate
    UNION ALL
    -- outside_report_year: a meeting or an event of another year than every
    -- report stating it is about
    SELECT e.council_id, e.year, 'outside_report_year',
           printf('event "%s" of %s in a report for %s', e.title, e.date_start,
                  (SELECT group_concat(DISTINCT s.report_year) FROM source_document s WHERE s.id = e.source_id
                       OR s.id IN (SELECT r.source_id FROM record_source r WHERE r.table_name = 'event'
                                                         AND r.record_id = e.id))),
           'event ' || e.id, (SELECT group_concat(s.path, '; ') FROM source_document s WHERE s.id = e.source_id OR s.id IN (SELECT r.source_id FROM record_source r WHERE r.table_name = 'event' AND r.record_id = e.id))
      FROM event e
     WHERE e.source_id IS NOT NULL AND NOT EXISTS (
           SELECT 1 FROM source_document s WHERE (s.id = e.source_id OR s.id IN
                  (SELECT r.source_id FROM record_source r WHERE r.table_name = 'event' AND r.record_id = e.id))
              AND (s.report_year IS NULL OR s.report_year = e.year OR
                   NOT (s.kind = 'annual_report' OR s.kind = 'plan_report')))
    UNION ALL
    SELECT m.council_id, m.year, 'outside_report_year',
           printf('meeting of %s in a report for %s', m.date_start,
                  (SELECT group_concat(DISTINCT s.report_year) FROM source_document s WHERE s.id = m.source_id
                       OR s.id IN (SELECT r.source_id FROM record_source r WHERE r.table_name = 'meeting'
                                                         AND r.record_id = m.id))),
           'meeting ' || m.id, (SELECT group_concat(s.path, '; ') FROM source_document s WHERE s.id = m.source_id OR s.id IN (SELECT r.source_id FROM record_source r WHERE r.table_name = 'meeting' AND r.record_id = m.id))
      FROM meeting m
     WHERE m.source_id IS NOT NULL AND NOT EXISTS (
           SELECT 1 FROM source_document s WHERE (s.id = m.source_id OR s.id IN
                  (SELECT r.source_id FROM record_source r WHERE r.table_name = 'meeting' AND r.record_id = m.id))
              AND (s.report_year IS NULL OR s.report_year = m.year OR
                   NOT (s.kind = 'annual_report' OR s.kind = 'plan_report')))
)
SELECT c.name, f.year, f.kind, f.detail, f.record, f.documents, f.council_id
  FROM found f JOIN council c ON c.id = f.council_id;
-- <<< dated memberships

-- >>> former name (schema version 14; lib/db.c's migration 13 -> 14 runs
-- this section of the embedded schema, from this marker to the closing one,
-- on an older database, and moves a former surname an older import left in
-- represents into the new column; keep it self-contained.)
-- ---------------------------------------------------------------------------
-- A former surname is the person's, not the organisation's: "Indrė
-- Balčiūnienė (buvusi Valančiūtė)" is a member named Indrė Balčiūnienė,
-- formerly Indrė Valančiūtė, who represents whatever the text says she does.
-- Until version 14 the importer left "buvusi Valančiūtė" in represents.  The
-- history and review triggers of member are made again with the column.

-- The member's name before, as the document states it ("Indrė Valančiūtė"
-- of "Indrė Balčiūnienė (buvusi Valančiūtė)"), nominative; the rows of one
-- person are joined by it (lib/people.c)
ALTER TABLE member ADD COLUMN former_name TEXT
    CHECK (former_name IS NULL OR length(former_name) BETWEEN 1 AND 300);

-- The triggers go before the rows an older import wrote are moved, so that
-- moving them is no change of anyone's: "buvusi Valančiūtė" in represents
-- becomes the former name (lt_former_name, the library's: lib/stmt.c).
DROP TRIGGER IF EXISTS member_history_insert;
DROP TRIGGER IF EXISTS member_history_update;
DROP TRIGGER IF EXISTS member_history_delete;
DROP TRIGGER IF EXISTS member_review;
UPDATE member SET former_name = lt_former_name(name, represents), represents = NULL
 WHERE lt_former_name(name, represents) IS NOT NULL;

CREATE TRIGGER member_history_insert AFTER INSERT ON member
WHEN NOT EXISTS (SELECT 1 FROM change_range WHERE table_name = 'member') BEGIN
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, new_value)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
            (SELECT origin_id FROM change_context), 'member', new.id, 'insert',
            json_object('id', new.id, 'council_id', new.council_id, 'name', new.name,
                        'role', new.role, 'represents', new.represents, 'side', new.side,
                        'delegated_by', new.delegated_by, 'term_start', new.term_start,
                        'term_end', new.term_end, 'source_id', new.source_id,
                        'former_name', new.former_name));
END;
CREATE TRIGGER member_history_update AFTER UPDATE ON member BEGIN
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, field, old_value, new_value)
    SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
           (SELECT origin_id FROM change_context), 'member', new.id, 'update', f.*
      FROM (SELECT 'id', old.id, new.id WHERE old.id IS NOT new.id
          UNION ALL SELECT 'council_id', old.council_id, new.council_id WHERE old.council_id IS NOT new.council_id
          UNION ALL SELECT 'name', old.name, new.name WHERE old.name IS NOT new.name
          UNION ALL SELECT 'role', old.role, new.role WHERE old.role IS NOT new.role
          UNION ALL SELECT 'represents', old.represents, new.represents WHERE old.represents IS NOT new.represents
          UNION ALL SELECT 'side', old.side, new.side WHERE old.side IS NOT new.side
          UNION ALL SELECT 'delegated_by', old.delegated_by, new.delegated_by WHERE old.delegated_by IS NOT new.delegated_by
          UNION ALL SELECT 'term_start', old.term_start, new.term_start WHERE old.term_start IS NOT new.term_start
          UNION ALL SELECT 'term_end', old.term_end, new.term_end WHERE old.term_end IS NOT new.term_end
          UNION ALL SELECT 'source_id', old.source_id, new.source_id WHERE old.source_id IS NOT new.source_id
          UNION ALL SELECT 'former_name', old.former_name, new.former_name WHERE old.former_name IS NOT new.former_name) f;
END;
CREATE TRIGGER member_history_delete AFTER DELETE ON member BEGIN
    UPDATE change_range SET lo = min(lo, (SELECT coalesce(max(id), 0) + 1 FROM member))
     WHERE table_name = 'member';
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, old_value)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
            (SELECT origin_id FROM change_context), 'member', old.id,
            CASE WHEN (old.source_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM source_document WHERE id = old.source_id))
                 THEN 'cascade' ELSE 'delete' END,
            json_object('id', old.id, 'council_id', old.council_id, 'name', old.name,
                        'role', old.role, 'represents', old.represents, 'side', old.side,
                        'delegated_by', old.delegated_by, 'term_start', old.term_start,
                        'term_end', old.term_end, 'source_id', old.source_id,
                        'former_name', old.former_name));
END;
CREATE TRIGGER member_review AFTER UPDATE ON member
WHEN NOT EXISTS (SELECT 1 FROM change_context c JOIN change_origin o ON o.id = c.origin_id
                  WHERE o.kind = 'import')
BEGIN
    INSERT OR REPLACE INTO reviewed(table_name, record_id, field, value, origin)
    SELECT 'member', NEW.id, f, v, coalesce((SELECT 'review ' || o.document || ' ' || o.sha256
                 FROM change_context c JOIN change_origin o ON o.id = c.origin_id
                WHERE o.kind = 'review'), 'hand') FROM (
        SELECT 'name' AS f, NEW.name AS v WHERE NEW.name IS NOT OLD.name
        UNION ALL SELECT 'role', NEW.role WHERE NEW.role IS NOT OLD.role
        UNION ALL SELECT 'represents', NEW.represents WHERE NEW.represents IS NOT OLD.represents
        UNION ALL SELECT 'side', NEW.side WHERE NEW.side IS NOT OLD.side
        UNION ALL SELECT 'delegated_by', NEW.delegated_by WHERE NEW.delegated_by IS NOT OLD.delegated_by
        UNION ALL SELECT 'term_start', NEW.term_start WHERE NEW.term_start IS NOT OLD.term_start
        UNION ALL SELECT 'term_end', NEW.term_end WHERE NEW.term_end IS NOT OLD.term_end
        UNION ALL SELECT 'former_name', NEW.former_name WHERE NEW.former_name IS NOT OLD.former_name);
END;

DROP VIEW IF EXISTS members_overview;
-- One row per member of a council.
-- Columns:
--   council       the council's name
--   name          the member's name
--   role          chair, deputy, secretary or member
--   represents    the organisation or institution the member comes from
--   side          municipality or community: whose seat it is; empty when unknown
--   member_id     the member's id
--   date_from     when the membership began, as precisely as known ('2024' or '2024-03-05'):
--     the term set by hand, else the earliest its documents state; empty when unknown
--   date_to       when it ended: the term set by hand, else the latest date known to hold
--     when a later document lists the council without it; empty while it lasts
--   delegated_by  the body that delegated the member to the council, where
--                 stated ("Savivaldybės taryba", a union of communities)
--   council_id    the council's id
--   municipality  the council's municipality; empty when not known
--   former_name   the member's former name, where a document states it
--                 ("Indrė Valančiūtė"); empty otherwise
CREATE VIEW members_overview(council, name, role, represents, side, member_id, date_from, date_to,
                             delegated_by, council_id, municipality, former_name) AS
SELECT c.name, m.name, m.role, m.represents, m.side, m.id, t.date_from, t.date_to, m.delegated_by,
       c.id, c.municipality, m.former_name
  FROM member m JOIN council c ON c.id = m.council_id
  JOIN member_term t ON t.member_id = m.id;
-- <<< former name

-- >>> column triggers (schema version 15; lib/db.c's migration 14 -> 15 runs
-- this section of the embedded schema, from this marker to the closing one,
-- on an older database; keep it self-contained.)
-- ---------------------------------------------------------------------------
-- The history and review triggers of event and member run on an update of
-- the columns they record only (AFTER UPDATE OF ...), not on every update of
-- the row.  Their bodies are those of the former triggers: each writes a
-- row only for a listed column whose value changed, and a column left out
-- of the SET cannot change, so they write exactly what they wrote.  What
-- they no longer run on are the derived columns: an event's participant
-- totals, set by the triggers of event_participants on every group written
-- (three trigger programs per group, each run to write nothing), and a
-- member's person_id, set by lib/people.c on every member written.  Also
-- an index holding what lib/people.c reads of a council's member rows
-- (id, name, person_id, former_name), so that an import reads them from
-- the index in id order rather than seeking each row in the table.

DROP TRIGGER IF EXISTS event_history_update;
CREATE TRIGGER event_history_update
AFTER UPDATE OF id, council_id, meeting_id, title, kind, organiser, date_start, date_end, year,
                location, remote, description, source_id ON event BEGIN
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, field, old_value, new_value)
    SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
           (SELECT origin_id FROM change_context), 'event', new.id, 'update', f.*
      FROM (SELECT 'id', old.id, new.id WHERE old.id IS NOT new.id
          UNION ALL SELECT 'council_id', old.council_id, new.council_id WHERE old.council_id IS NOT new.council_id
          UNION ALL SELECT 'meeting_id', old.meeting_id, new.meeting_id WHERE old.meeting_id IS NOT new.meeting_id
          UNION ALL SELECT 'title', old.title, new.title WHERE old.title IS NOT new.title
          UNION ALL SELECT 'kind', old.kind, new.kind WHERE old.kind IS NOT new.kind
          UNION ALL SELECT 'organiser', old.organiser, new.organiser WHERE old.organiser IS NOT new.organiser
          UNION ALL SELECT 'date_start', old.date_start, new.date_start WHERE old.date_start IS NOT new.date_start
          UNION ALL SELECT 'date_end', old.date_end, new.date_end WHERE old.date_end IS NOT new.date_end
          UNION ALL SELECT 'year', old.year, new.year WHERE old.year IS NOT new.year
          UNION ALL SELECT 'location', old.location, new.location WHERE old.location IS NOT new.location
          UNION ALL SELECT 'remote', old.remote, new.remote WHERE old.remote IS NOT new.remote
          UNION ALL SELECT 'description', old.description, new.description WHERE old.description IS NOT new.description
          UNION ALL SELECT 'source_id', old.source_id, new.source_id WHERE old.source_id IS NOT new.source_id) f;
END;
DROP TRIGGER IF EXISTS event_review;
CREATE TRIGGER event_review
AFTER UPDATE OF meeting_id, title, kind, organiser, date_start, date_end, location, remote,
                description ON event
WHEN NOT EXISTS (SELECT 1 FROM change_context c JOIN change_origin o ON o.id = c.origin_id
                  WHERE o.kind = 'import')
BEGIN
    INSERT OR REPLACE INTO reviewed(table_name, record_id, field, value, origin)
    SELECT 'event', NEW.id, f, v, coalesce((SELECT 'review ' || o.document || ' ' || o.sha256
                 FROM change_context c JOIN change_origin o ON o.id = c.origin_id
                WHERE o.kind = 'review'), 'hand') FROM (
        SELECT 'meeting_id' AS f, NEW.meeting_id AS v WHERE NEW.meeting_id IS NOT OLD.meeting_id
        UNION ALL SELECT 'title', NEW.title WHERE NEW.title IS NOT OLD.title
        UNION ALL SELECT 'kind', NEW.kind WHERE NEW.kind IS NOT OLD.kind
        UNION ALL SELECT 'organiser', NEW.organiser WHERE NEW.organiser IS NOT OLD.organiser
        UNION ALL SELECT 'date_start', NEW.date_start WHERE NEW.date_start IS NOT OLD.date_start
        UNION ALL SELECT 'date_end', NEW.date_end WHERE NEW.date_end IS NOT OLD.date_end
        UNION ALL SELECT 'location', NEW.location WHERE NEW.location IS NOT OLD.location
        UNION ALL SELECT 'remote', NEW.remote WHERE NEW.remote IS NOT OLD.remote
        UNION ALL SELECT 'description', NEW.description WHERE NEW.description IS NOT OLD.description);
END;
DROP TRIGGER IF EXISTS member_history_update;
CREATE TRIGGER member_history_update
AFTER UPDATE OF id, council_id, name, role, represents, side, delegated_by, term_start, term_end,
                source_id, former_name ON member BEGIN
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, field, old_value, new_value)
    SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
           (SELECT origin_id FROM change_context), 'member', new.id, 'update', f.*
      FROM (SELECT 'id', old.id, new.id WHERE old.id IS NOT new.id
          UNION ALL SELECT 'council_id', old.council_id, new.council_id WHERE old.council_id IS NOT new.council_id
          UNION ALL SELECT 'name', old.name, new.name WHERE old.name IS NOT new.name
          UNION ALL SELECT 'role', old.role, new.role WHERE old.role IS NOT new.role
          UNION ALL SELECT 'represents', old.represents, new.represents WHERE old.represents IS NOT new.represents
          UNION ALL SELECT 'side', old.side, new.side WHERE old.side IS NOT new.side
          UNION ALL SELECT 'delegated_by', old.delegated_by, new.delegated_by WHERE old.delegated_by IS NOT new.delegated_by
          UNION ALL SELECT 'term_start', old.term_start, new.term_start WHERE old.term_start IS NOT new.term_start
          UNION ALL SELECT 'term_end', old.term_end, new.term_end WHERE old.term_end IS NOT new.term_end
          UNION ALL SELECT 'source_id', old.source_id, new.source_id WHERE old.source_id IS NOT new.source_id
          UNION ALL SELECT 'former_name', old.former_name, new.former_name WHERE old.former_name IS NOT new.former_name) f;
END;
DROP TRIGGER IF EXISTS member_review;
CREATE TRIGGER member_review
AFTER UPDATE OF name, role, represents, side, delegated_by, term_start, term_end, former_name
ON member
WHEN NOT EXISTS (SELECT 1 FROM change_context c JOIN change_origin o ON o.id = c.origin_id
                  WHERE o.kind = 'import')
BEGIN
    INSERT OR REPLACE INTO reviewed(table_name, record_id, field, value, origin)
    SELECT 'member', NEW.id, f, v, coalesce((SELECT 'review ' || o.document || ' ' || o.sha256
                 FROM change_context c JOIN change_origin o ON o.id = c.origin_id
                WHERE o.kind = 'review'), 'hand') FROM (
        SELECT 'name' AS f, NEW.name AS v WHERE NEW.name IS NOT OLD.name
        UNION ALL SELECT 'role', NEW.role WHERE NEW.role IS NOT OLD.role
        UNION ALL SELECT 'represents', NEW.represents WHERE NEW.represents IS NOT OLD.represents
        UNION ALL SELECT 'side', NEW.side WHERE NEW.side IS NOT OLD.side
        UNION ALL SELECT 'delegated_by', NEW.delegated_by WHERE NEW.delegated_by IS NOT OLD.delegated_by
        UNION ALL SELECT 'term_start', NEW.term_start WHERE NEW.term_start IS NOT OLD.term_start
        UNION ALL SELECT 'term_end', NEW.term_end WHERE NEW.term_end IS NOT OLD.term_end
        UNION ALL SELECT 'former_name', NEW.former_name WHERE NEW.former_name IS NOT OLD.former_name);
END;
CREATE INDEX IF NOT EXISTS member_people ON member(council_id, id, name, person_id, former_name);
-- <<< column triggers

-- >>> totals guard (schema version 16; lib/db.c's migration 15 -> 16 runs
-- this section): the guards event_totals_insert and event_totals_update
-- made again to say the same in fewer steps.  Every write of a group sets
-- the event's totals through the triggers of event_participants, and each
-- such write runs the guard; an event's groups almost always come from one
-- document, and then the totals are the aggregate of all its groups, read
-- in one pass of event_participants_by_event without grouping or sorting
-- (about 30,000 instructions less for each group written and each event
-- inserted, a fifth of either; bench/README.md, session 7, round 2).
-- Only when the groups come from more than one document (or some from none
-- and some from one) does the guard compute the totals per document as
-- before.  Groups from one document: d = coalesce(p.source_id, ev.source_id)
-- is NULL on every row, or never NULL and min(d) = max(d).  With no group,
-- the aggregate is (NULL, NULL, 0), as the per-document form's last row.
-- The totals the guards accept and refuse are exactly those they did.
DROP TRIGGER IF EXISTS event_totals_insert;
DROP TRIGGER IF EXISTS event_totals_update;
CREATE TRIGGER event_totals_insert AFTER INSERT ON event
WHEN NOT ((NEW.participants, NEW.participants_qualifier, NEW.participant_groups) IS (NULL, NULL, 0)
          AND NOT EXISTS (SELECT 1 FROM event_participants p WHERE p.event_id = NEW.id))
 AND coalesce(
     (SELECT CASE WHEN count(coalesce(p.source_id, ev.source_id)) = 0
                    OR (count(coalesce(p.source_id, ev.source_id)) = count(*)
                        AND min(coalesce(p.source_id, ev.source_id)) = max(coalesce(p.source_id, ev.source_id)))
             THEN (NEW.participants, NEW.participants_qualifier, NEW.participant_groups) IS NOT
                  (sum(p.count),
                   CASE WHEN count(*) = 0 THEN NULL
                        WHEN count(*) = 1 THEN max(p.qualifier)
                        WHEN sum(p.qualifier = 'about') > 0 THEN 'about'
                        WHEN sum(p.qualifier <> 'exact') > 0 THEN 'at_least'
                        ELSE 'exact' END,
                   count(*)) END
        FROM event_participants p JOIN event ev ON ev.id = p.event_id
       WHERE p.event_id = NEW.id),
     (NEW.participants, NEW.participants_qualifier, NEW.participant_groups) IS NOT
     (SELECT sum(p.count),
                CASE WHEN count(*) = 1 THEN max(p.qualifier)
                     WHEN sum(p.qualifier = 'about') > 0 THEN 'about'
                     WHEN sum(p.qualifier <> 'exact') > 0 THEN 'at_least'
                     ELSE 'exact' END,
                count(*)
           FROM event_participants p JOIN event ev ON ev.id = p.event_id
          WHERE p.event_id = NEW.id GROUP BY coalesce(p.source_id, ev.source_id)
         UNION ALL SELECT NULL, NULL, 0
         ORDER BY 1 DESC, 2, 3 LIMIT 1))
BEGIN
    SELECT RAISE(ABORT, 'event: participant totals are kept from event_participants by triggers; write those rows instead');
END;
CREATE TRIGGER event_totals_update
BEFORE UPDATE OF id, participants, participants_qualifier, participant_groups ON event
WHEN coalesce(
     (SELECT CASE WHEN count(coalesce(p.source_id, ev.source_id)) = 0
                    OR (count(coalesce(p.source_id, ev.source_id)) = count(*)
                        AND min(coalesce(p.source_id, ev.source_id)) = max(coalesce(p.source_id, ev.source_id)))
             THEN (NEW.participants, NEW.participants_qualifier, NEW.participant_groups) IS NOT
                  (sum(p.count),
                   CASE WHEN count(*) = 0 THEN NULL
                        WHEN count(*) = 1 THEN max(p.qualifier)
                        WHEN sum(p.qualifier = 'about') > 0 THEN 'about'
                        WHEN sum(p.qualifier <> 'exact') > 0 THEN 'at_least'
                        ELSE 'exact' END,
                   count(*)) END
        FROM event_participants p JOIN event ev ON ev.id = p.event_id
       WHERE p.event_id = NEW.id),
     (NEW.participants, NEW.participants_qualifier, NEW.participant_groups) IS NOT
     (SELECT sum(p.count),
                CASE WHEN count(*) = 1 THEN max(p.qualifier)
                     WHEN sum(p.qualifier = 'about') > 0 THEN 'about'
                     WHEN sum(p.qualifier <> 'exact') > 0 THEN 'at_least'
                     ELSE 'exact' END,
                count(*)
           FROM event_participants p JOIN event ev ON ev.id = p.event_id
          WHERE p.event_id = NEW.id GROUP BY coalesce(p.source_id, ev.source_id)
         UNION ALL SELECT NULL, NULL, 0
         ORDER BY 1 DESC, 2, 3 LIMIT 1))
BEGIN
    SELECT RAISE(ABORT, 'event: participant totals are kept from event_participants by triggers; write those rows instead');
END;
-- <<< totals guard

PRAGMA user_version = 16;
