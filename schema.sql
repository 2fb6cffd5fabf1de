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
--
-- Versioning: PRAGMA user_version holds the schema version (see the last
-- statement); PRAGMA application_id = 0x434F554E ('COUN') marks the file.

PRAGMA application_id = 1129272654;

-- Documents the registry was filled from: a yearly report, an action-plan
-- report, a protocol, a web page, or a reviewed JSON extraction.  Importing
-- the same bytes twice is detected by sha256; importing a new version of the
-- same path updates the rows the old one stated, in place (record_source).
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
    -- The name's Lithuanian sort key (schema version 5): a blob whose byte
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
CREATE TABLE measure_responsible (
    measure_id INTEGER NOT NULL REFERENCES measure(id) ON DELETE CASCADE,
    pos        INTEGER NOT NULL CHECK (pos >= 0),
    unit       TEXT    NOT NULL CHECK (length(unit) >= 1),
    PRIMARY KEY (measure_id, pos)
) STRICT, WITHOUT ROWID;

-- What a report says was done under a measure in a given year.
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
    -- Totals of the event's rows in event_participants (schema version 5),
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
-- Covers participants per council and year (schema version 5).  It does not
-- replace event_by_council_year, which the importer's lookup of an event by
-- council and day seeks to the day.
CREATE INDEX event_by_council_year_participants ON event(council_id, year, participants);
CREATE INDEX event_by_date ON event(date_start, date_end);

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

-- The event's totals (schema version 5).  A new group adds to them: its
-- count to the sum, and the qualifier weakens as events_overview says (one
-- group keeps its own; of several, any 'about' makes 'about', else any
-- inexact one 'at_least').  A deleted or changed group has them recomputed
-- from the event's remaining groups, as a weakest qualifier cannot be
-- subtracted; an event has a few groups, read from the covering index
-- above.  The same SQL is in the migration to version 5 (lib/db.c).
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

-- ---------------------------------------------------------------------------
-- Public views.  Other tools rely on their names and columns: new columns are
-- only ever added at the end.
-- ---------------------------------------------------------------------------

-- Meetings per council and year.  A report may state a count ("3 posėdžiai")
-- and list fewer dated meetings, or list meetings without stating a count;
-- meetings is the larger of the stated and the listed figure, so a stated 3
-- with one dated meeting counts 3.  Both figures stay visible at the end.
CREATE VIEW meetings_per_year(council, year, meetings, remote,
                              meetings_listed, meetings_stated, council_id) AS
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
       coalesce(l.n, 0), s.n, c.id
  FROM years y
  JOIN council c ON c.id = y.council_id
  LEFT JOIN listed l ON l.council_id = y.council_id AND l.year = y.year
  LEFT JOIN stated s ON s.council_id = y.council_id AND s.year = y.year;

CREATE VIEW meetings_overview(council, date_start, date_end, format, summary,
                              platform, location, meeting_id) AS
SELECT c.name, m.date_start, m.date_end, m.format, m.summary,
       m.platform, m.location, m.id
  FROM meeting m JOIN council c ON c.id = m.council_id;

-- One row per event; participants is the sum over its groups (NULL when no
-- group was counted) and qualifier the weakest one: one group's own
-- qualifier; of several, 'about' if any is about, else 'at_least' if any
-- is inexact (a sum including an "at least" or "more than" group is at
-- least that sum), else 'exact'.  Since schema version 5 both are read
-- from the totals the triggers keep on the event row (same rows as the
-- correlated subqueries over event_participants it ran before).
CREATE VIEW events_overview(council, title, date_start, date_end, participants,
                            qualifier, location, organiser, remote, kind, event_id) AS
SELECT c.name, e.title, e.date_start, e.date_end, e.participants, e.participants_qualifier,
       e.location, e.organiser, e.remote, e.kind, e.id
  FROM event e JOIN council c ON c.id = e.council_id;

CREATE VIEW members_overview(council, name, role, represents, side, member_id) AS
SELECT c.name, m.name, m.role, m.represents, m.side, m.id
  FROM member m JOIN council c ON c.id = m.council_id;

CREATE VIEW measures_overview(council, plan, seq, name, indicator, responsible, measure_id) AS
SELECT c.name, p.title, ms.seq, ms.name, ms.indicator,
       (SELECT group_concat(unit, '; ')
          FROM (SELECT unit FROM measure_responsible r
                 WHERE r.measure_id = ms.id ORDER BY r.pos)),
       ms.id
  FROM measure ms
  JOIN plan p ON p.id = ms.plan_id
  JOIN council c ON c.id = p.council_id;

-- Stated figures that disagree: for a council, year and metric, every
-- figure when documents state more than one value (all are kept, each with
-- its source; meetings_per_year takes the largest).
CREATE VIEW figure_conflicts(council, year, metric, value, qualifier, source, figure_id, council_id) AS
SELECT c.name, f.year, f.metric, f.value, f.qualifier, s.path, f.id, c.id
  FROM reported_figure f
  JOIN council c ON c.id = f.council_id
  LEFT JOIN source_document s ON s.id = f.source_id
 WHERE EXISTS (SELECT 1 FROM reported_figure g
                WHERE g.council_id = f.council_id AND g.year = f.year
                  AND g.metric = f.metric AND g.value <> f.value);

-- Every document that states a record, by path: its primary source and
-- the others record_source lists.
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

PRAGMA user_version = 5;
