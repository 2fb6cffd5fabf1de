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
CREATE INDEX meeting_by_council_year ON meeting(council_id, year, format);
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

-- The event's totals (schema version 6).  A new group adds to them: its
-- count to the sum, and the qualifier weakens as events_overview says (one
-- group keeps its own; of several, any 'about' makes 'about', else any
-- inexact one 'at_least').  A deleted or changed group has them recomputed
-- from the event's remaining groups, as a weakest qualifier cannot be
-- subtracted; an event has a few groups, read from the covering index
-- above.  The same SQL is in the migration to version 6 (lib/db.c).
CREATE TRIGGER event_participants_insert AFTER INSERT ON event_participants BEGIN
    UPDATE event SET participants = coalesce(participants, 0) + NEW.count,
           participants_qualifier = CASE
               WHEN participant_groups = 0 THEN NEW.qualifier
               WHEN participants_qualifier = 'about' OR NEW.qualifier = 'about' THEN 'about'
               WHEN participants_qualifier <> 'exact' OR NEW.qualifier <> 'exact' THEN 'at_least'
               ELSE 'exact' END,
           participant_groups = participant_groups + 1
     WHERE id = NEW.event_id;
END;
CREATE TRIGGER event_participants_delete AFTER DELETE ON event_participants BEGIN
    UPDATE event SET (participants, participants_qualifier, participant_groups) =
        (SELECT sum(p.count),
                CASE WHEN count(*) = 0 THEN NULL
                     WHEN count(*) = 1 THEN max(p.qualifier)
                     WHEN sum(p.qualifier = 'about') > 0 THEN 'about'
                     WHEN sum(p.qualifier <> 'exact') > 0 THEN 'at_least'
                     ELSE 'exact' END,
                count(*)
           FROM event_participants p WHERE p.event_id = OLD.event_id)
     WHERE id = OLD.event_id;
END;
-- A group moved to another event changes the totals of both.
CREATE TRIGGER event_participants_update
AFTER UPDATE OF event_id, count, qualifier ON event_participants BEGIN
    UPDATE event SET (participants, participants_qualifier, participant_groups) =
        (SELECT sum(p.count),
                CASE WHEN count(*) = 0 THEN NULL
                     WHEN count(*) = 1 THEN max(p.qualifier)
                     WHEN sum(p.qualifier = 'about') > 0 THEN 'about'
                     WHEN sum(p.qualifier <> 'exact') > 0 THEN 'at_least'
                     ELSE 'exact' END,
                count(*)
           FROM event_participants p WHERE p.event_id = event.id)
     WHERE id = NEW.event_id OR id = OLD.event_id;
END;

-- Totals written into event by hand (the sqlite3 shell) that disagree
-- with the groups are refused rather than kept or silently replaced: the
-- groups are the data, the totals only their sum.  Also refused: an id
-- change that would leave groups behind (possible with foreign keys off,
-- the sqlite3 shell's default), and a new event whose id finds groups an
-- earlier deletion with foreign keys off left behind.  The triggers above
-- write agreeing totals, so they pass; the check costs one index seek.
CREATE TRIGGER event_totals_insert AFTER INSERT ON event
WHEN (NEW.participants, NEW.participants_qualifier, NEW.participant_groups) IS NOT
     (SELECT sum(p.count),
             CASE WHEN count(*) = 0 THEN NULL
                  WHEN count(*) = 1 THEN max(p.qualifier)
                  WHEN sum(p.qualifier = 'about') > 0 THEN 'about'
                  WHEN sum(p.qualifier <> 'exact') > 0 THEN 'at_least'
                  ELSE 'exact' END,
             count(*)
        FROM event_participants p WHERE p.event_id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'event: participant totals are kept from event_participants by triggers; write those rows instead');
END;
CREATE TRIGGER event_totals_update
BEFORE UPDATE OF id, participants, participants_qualifier, participant_groups ON event
WHEN (NEW.participants, NEW.participants_qualifier, NEW.participant_groups) IS NOT
     (SELECT sum(p.count),
             CASE WHEN count(*) = 0 THEN NULL
                  WHEN count(*) = 1 THEN max(p.qualifier)
                  WHEN sum(p.qualifier = 'about') > 0 THEN 'about'
                  WHEN sum(p.qualifier <> 'exact') > 0 THEN 'at_least'
                  ELSE 'exact' END,
             count(*)
        FROM event_participants p WHERE p.event_id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'event: participant totals are kept from event_participants by triggers; write those rows instead');
END;

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

-- Who is writing: empty, except inside an importer's transaction, which
-- puts its origin here ('import' for a document, 'review PATH SHA256' for
-- a reviewed extraction) and removes it before it commits.  The *_review
-- triggers read it: an UPDATE outside an import is a person's correction,
-- whoever makes it, so no call path (library, CLI, sqlite3 shell) can
-- forget to mark it.  Uncommitted, the row is invisible to other
-- connections.
-- Columns:
--   origin  import or review PATH SHA256, inside an importer's transaction
CREATE TABLE write_origin (
    origin TEXT NOT NULL
) STRICT;

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

-- A changed value outside an import is a person's: marked reviewed.
CREATE TRIGGER council_review AFTER UPDATE ON council
WHEN NOT EXISTS (SELECT 1 FROM write_origin WHERE origin = 'import')
BEGIN
    INSERT OR REPLACE INTO reviewed(table_name, record_id, field, value, origin)
    SELECT 'council', NEW.id, f, v, coalesce((SELECT origin FROM write_origin), 'hand') FROM (
        SELECT 'name' AS f, NEW.name AS v WHERE NEW.name IS NOT OLD.name
        UNION ALL SELECT 'municipality', NEW.municipality WHERE NEW.municipality IS NOT OLD.municipality
        UNION ALL SELECT 'kind', NEW.kind WHERE NEW.kind IS NOT OLD.kind
        UNION ALL SELECT 'founding_act', NEW.founding_act WHERE NEW.founding_act IS NOT OLD.founding_act
        UNION ALL SELECT 'size', NEW.size WHERE NEW.size IS NOT OLD.size
        UNION ALL SELECT 'seats_municipality', NEW.seats_municipality WHERE NEW.seats_municipality IS NOT OLD.seats_municipality
        UNION ALL SELECT 'seats_community', NEW.seats_community WHERE NEW.seats_community IS NOT OLD.seats_community);
END;
CREATE TRIGGER member_review AFTER UPDATE ON member
WHEN NOT EXISTS (SELECT 1 FROM write_origin WHERE origin = 'import')
BEGIN
    INSERT OR REPLACE INTO reviewed(table_name, record_id, field, value, origin)
    SELECT 'member', NEW.id, f, v, coalesce((SELECT origin FROM write_origin), 'hand') FROM (
        SELECT 'name' AS f, NEW.name AS v WHERE NEW.name IS NOT OLD.name
        UNION ALL SELECT 'role', NEW.role WHERE NEW.role IS NOT OLD.role
        UNION ALL SELECT 'represents', NEW.represents WHERE NEW.represents IS NOT OLD.represents
        UNION ALL SELECT 'side', NEW.side WHERE NEW.side IS NOT OLD.side
        UNION ALL SELECT 'delegated_by', NEW.delegated_by WHERE NEW.delegated_by IS NOT OLD.delegated_by
        UNION ALL SELECT 'term_start', NEW.term_start WHERE NEW.term_start IS NOT OLD.term_start
        UNION ALL SELECT 'term_end', NEW.term_end WHERE NEW.term_end IS NOT OLD.term_end);
END;
CREATE TRIGGER meeting_review AFTER UPDATE ON meeting
WHEN NOT EXISTS (SELECT 1 FROM write_origin WHERE origin = 'import')
BEGIN
    INSERT OR REPLACE INTO reviewed(table_name, record_id, field, value, origin)
    SELECT 'meeting', NEW.id, f, v, coalesce((SELECT origin FROM write_origin), 'hand') FROM (
        SELECT 'date_start' AS f, NEW.date_start AS v WHERE NEW.date_start IS NOT OLD.date_start
        UNION ALL SELECT 'date_end', NEW.date_end WHERE NEW.date_end IS NOT OLD.date_end
        UNION ALL SELECT 'format', NEW.format WHERE NEW.format IS NOT OLD.format
        UNION ALL SELECT 'platform', NEW.platform WHERE NEW.platform IS NOT OLD.platform
        UNION ALL SELECT 'location', NEW.location WHERE NEW.location IS NOT OLD.location
        UNION ALL SELECT 'summary', NEW.summary WHERE NEW.summary IS NOT OLD.summary);
END;
CREATE TRIGGER reported_figure_review AFTER UPDATE ON reported_figure
WHEN NOT EXISTS (SELECT 1 FROM write_origin WHERE origin = 'import')
BEGIN
    INSERT OR REPLACE INTO reviewed(table_name, record_id, field, value, origin)
    SELECT 'reported_figure', NEW.id, f, v, coalesce((SELECT origin FROM write_origin), 'hand') FROM (
        SELECT 'year' AS f, NEW.year AS v WHERE NEW.year IS NOT OLD.year
        UNION ALL SELECT 'metric', NEW.metric WHERE NEW.metric IS NOT OLD.metric
        UNION ALL SELECT 'value', NEW.value WHERE NEW.value IS NOT OLD.value
        UNION ALL SELECT 'qualifier', NEW.qualifier WHERE NEW.qualifier IS NOT OLD.qualifier);
END;
CREATE TRIGGER plan_review AFTER UPDATE ON plan
WHEN NOT EXISTS (SELECT 1 FROM write_origin WHERE origin = 'import')
BEGIN
    INSERT OR REPLACE INTO reviewed(table_name, record_id, field, value, origin)
    SELECT 'plan', NEW.id, f, v, coalesce((SELECT origin FROM write_origin), 'hand') FROM (
        SELECT 'title' AS f, NEW.title AS v WHERE NEW.title IS NOT OLD.title
        UNION ALL SELECT 'year_from', NEW.year_from WHERE NEW.year_from IS NOT OLD.year_from
        UNION ALL SELECT 'year_to', NEW.year_to WHERE NEW.year_to IS NOT OLD.year_to);
END;
CREATE TRIGGER measure_review AFTER UPDATE ON measure
WHEN NOT EXISTS (SELECT 1 FROM write_origin WHERE origin = 'import')
BEGIN
    INSERT OR REPLACE INTO reviewed(table_name, record_id, field, value, origin)
    SELECT 'measure', NEW.id, f, v, coalesce((SELECT origin FROM write_origin), 'hand') FROM (
        SELECT 'seq' AS f, NEW.seq AS v WHERE NEW.seq IS NOT OLD.seq
        UNION ALL SELECT 'name', NEW.name WHERE NEW.name IS NOT OLD.name
        UNION ALL SELECT 'indicator', NEW.indicator WHERE NEW.indicator IS NOT OLD.indicator);
END;
CREATE TRIGGER measure_fulfilment_review AFTER UPDATE ON measure_fulfilment
WHEN NOT EXISTS (SELECT 1 FROM write_origin WHERE origin = 'import')
BEGIN
    INSERT OR REPLACE INTO reviewed(table_name, record_id, field, value, origin)
    SELECT 'measure_fulfilment', NEW.id, f, v, coalesce((SELECT origin FROM write_origin), 'hand') FROM (
        SELECT 'year' AS f, NEW.year AS v WHERE NEW.year IS NOT OLD.year
        UNION ALL SELECT 'text', NEW.text WHERE NEW.text IS NOT OLD.text);
END;
CREATE TRIGGER event_review AFTER UPDATE ON event
WHEN NOT EXISTS (SELECT 1 FROM write_origin WHERE origin = 'import')
BEGIN
    INSERT OR REPLACE INTO reviewed(table_name, record_id, field, value, origin)
    SELECT 'event', NEW.id, f, v, coalesce((SELECT origin FROM write_origin), 'hand') FROM (
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
CREATE TRIGGER event_participants_review AFTER UPDATE ON event_participants
WHEN NOT EXISTS (SELECT 1 FROM write_origin WHERE origin = 'import')
BEGIN
    INSERT OR REPLACE INTO reviewed(table_name, record_id, field, value, origin)
    SELECT 'event_participants', NEW.id, f, v, coalesce((SELECT origin FROM write_origin), 'hand') FROM (
        SELECT 'count' AS f, NEW.count AS v WHERE NEW.count IS NOT OLD.count
        UNION ALL SELECT 'qualifier', NEW.qualifier WHERE NEW.qualifier IS NOT OLD.qualifier
        UNION ALL SELECT 'group_name', NEW.group_name WHERE NEW.group_name IS NOT OLD.group_name);
END;
CREATE TRIGGER legal_act_review AFTER UPDATE ON legal_act
WHEN NOT EXISTS (SELECT 1 FROM write_origin WHERE origin = 'import')
BEGIN
    INSERT OR REPLACE INTO reviewed(table_name, record_id, field, value, origin)
    SELECT 'legal_act', NEW.id, f, v, coalesce((SELECT origin FROM write_origin), 'hand') FROM (
        SELECT 'number' AS f, NEW.number AS v WHERE NEW.number IS NOT OLD.number
        UNION ALL SELECT 'date', NEW.date WHERE NEW.date IS NOT OLD.date
        UNION ALL SELECT 'title', NEW.title WHERE NEW.title IS NOT OLD.title
        UNION ALL SELECT 'effect', NEW.effect WHERE NEW.effect IS NOT OLD.effect);
END;

-- >>> views (schema version 7; lib/db.c's migration 6 -> 7 runs this
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
-- table (tests/test_db.c checks that every column has a description).  Since schema
-- version 7 every view of records of one council ends with council_id and
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
DROP VIEW IF EXISTS record_sources;

-- What every table, view and column is, as the comments of schema.sql say
-- (schema version 7), so that sqlite3 users, Datasette and other tools read
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
-- with one dated meeting counts 3.  Both figures stay visible at the end.
-- Columns:
--   council          the council's name
--   year             calendar year
--   meetings         meetings held: the larger of meetings_listed and meetings_stated
--   remote           of them, meetings held remotely (the larger of listed and stated)
--   meetings_listed  dated meetings recorded that year
--   meetings_stated  the count a report states for the year; empty when none does
--   council_id       the council's id
--   municipality     the council's municipality; empty when not known
CREATE VIEW meetings_per_year(council, year, meetings, remote,
                              meetings_listed, meetings_stated, council_id,
                              municipality) AS
WITH listed AS (
    SELECT council_id, year, count(*) AS n,
           sum(format = 'remote') AS remote
      FROM meeting GROUP BY council_id, year
), stated AS (
    SELECT council_id, year,
           max(CASE WHEN metric = 'meetings' THEN value END) AS n,
           max(CASE WHEN metric = 'meetings_remote' THEN value END) AS remote
      FROM reported_figure
     WHERE metric IN ('meetings', 'meetings_remote')
     GROUP BY council_id, year
), years AS (
    SELECT council_id, year FROM listed
    UNION
    SELECT council_id, year FROM stated WHERE n IS NOT NULL OR remote IS NOT NULL
)
SELECT c.name, y.year,
       max(coalesce(l.n, 0), coalesce(s.n, 0)),
       max(coalesce(l.remote, 0), coalesce(s.remote, 0)),
       coalesce(l.n, 0), s.n, c.id, c.municipality
  FROM years y
  JOIN council c ON c.id = y.council_id
  LEFT JOIN listed l ON l.council_id = y.council_id AND l.year = y.year
  LEFT JOIN stated s ON s.council_id = y.council_id AND s.year = y.year;

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

-- One row per event; participants is the sum over its groups (NULL when no
-- group was counted) and qualifier the weakest one: one group's own
-- qualifier; of several, 'about' if any is about, else 'at_least' if any
-- is inexact (a sum including an "at least" or "more than" group is at
-- least that sum), else 'exact'.  Since schema version 6 both are read
-- from the totals the triggers keep on the event row (same rows as the
-- correlated subqueries over event_participants it ran before).
-- Columns:
--   council       the council's name
--   title         the event's title
--   date_start    first day: YYYY, YYYY-MM or YYYY-MM-DD, as precisely as known
--   date_end      last day, of the same forms
--   participants  participants summed over the counted groups; empty when none was counted
--   qualifier     exact, more_than, at_least or about: how exact participants is
--   location      where it took place
--   organiser     who organised it
--   remote        1 online, 0 in person, empty when unknown
--   kind          seminar, training, conference, visit, discussion, presentation, consultation, festival, exhibition, workshop, forum or other
--   event_id      the event's id
--   council_id    the council's id
--   municipality  the council's municipality; empty when not known
--   year          the year of date_start
CREATE VIEW events_overview(council, title, date_start, date_end, participants,
                            qualifier, location, organiser, remote, kind, event_id,
                            council_id, municipality, year) AS
SELECT c.name, e.title, e.date_start, e.date_end, e.participants, e.participants_qualifier,
       e.location, e.organiser, e.remote, e.kind, e.id, c.id, c.municipality, e.year
  FROM event e JOIN council c ON c.id = e.council_id;

-- One row per member of a council.
-- Columns:
--   council     the council's name
--   name        the member's name
--   role        chair, deputy, secretary or member
--   represents  the organisation or institution the member comes from
--   side        municipality or community: whose seat it is; empty when unknown
--   member_id     the member's id
--   council_id    the council's id
--   municipality  the council's municipality; empty when not known
CREATE VIEW members_overview(council, name, role, represents, side, member_id,
                             council_id, municipality) AS
SELECT c.name, m.name, m.role, m.represents, m.side, m.id, c.id, c.municipality
  FROM member m JOIN council c ON c.id = m.council_id;

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

-- Participants per council and year (schema version 7): the events'
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
-- library records, per table, the ids from lo to the highest as one history
-- row (record_id .. record_last).  Every row above lo was inserted by this
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
-- of an import, one row per table and import with new_value NULL (see
-- change_range): the values are the document's, and changes to them since
-- are rows of their own; an update keeps one
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
CREATE TRIGGER source_document_history_insert AFTER INSERT ON source_document
WHEN NOT EXISTS (SELECT 1 FROM change_range WHERE table_name = 'source_document') BEGIN
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, new_value)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
            (SELECT origin_id FROM change_context), 'source_document', new.id, 'insert',
            json_object('id', new.id, 'path', new.path, 'sha256', new.sha256, 'kind', new.kind,
                        'report_year', new.report_year, 'doc_number', new.doc_number,
                        'doc_date', new.doc_date, 'imported_at', new.imported_at));
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
          UNION ALL SELECT 'imported_at', old.imported_at, new.imported_at WHERE old.imported_at IS NOT new.imported_at) f;
END;
CREATE TRIGGER source_document_history_delete AFTER DELETE ON source_document BEGIN
    INSERT INTO history(changed_at, origin_id, table_name, record_id, op, old_value)
    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
            (SELECT origin_id FROM change_context), 'source_document', old.id,
            'delete',
            json_object('id', old.id, 'path', old.path, 'sha256', old.sha256, 'kind', old.kind,
                        'report_year', old.report_year, 'doc_number', old.doc_number,
                        'doc_date', old.doc_date, 'imported_at', old.imported_at));
END;
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
-- (NULL for the records an import inserted: they are as their document
-- says); operation is insert, update, delete or cascade (see history);
-- document and sha256 name the imported or reviewed file; change_id is the
-- history row (an import's inserts into one table share one).
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

PRAGMA user_version = 7;
