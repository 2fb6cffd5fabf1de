/* SPDX-License-Identifier: MIT */
/*
 * council.h -- the public contract of libcouncil, an embedded SQLite-backed
 * registry of Lithuanian municipal community-organisation councils.
 *
 * Everything a program may rely on is declared and documented here; nothing
 * else in the library is exported.  Conventions that hold for every call:
 *
 *   - Names are council_<noun>_<verb>; macros and enum values are COUNCIL_*.
 *   - Output parameters come first, then the database handle, then inputs.
 *   - Every call returns an int status: COUNCIL_OK (0) or a negative
 *     COUNCIL_E* code.  After a failure, council_errmsg(db) names the failing
 *     field, value or constraint; it is never NULL.  No call prints or exits.
 *   - Strings are UTF-8.  Strings passed in are copied; the caller keeps them.
 *     Text is stored, and looked up, in Unicode NFC: a name passed in NFD
 *     (a letter and its combining accent) is the same name.
 *     Every pointer the library only reads is const, record fields included,
 *     so string literals can be stored in records (C++ too).
 *   - Records returned by a *_get call are heap copies owned by the caller and
 *     released with the matching *_free, which accepts NULL.
 *   - Records passed to a list callback are borrowed: they and their strings
 *     are valid only until the callback returns.  A callback returns 0 to go
 *     on or any other value to stop; the list call then returns that value.
 *   - Ids are positive 64-bit integers; in a record, 0 means "none".  A list
 *     filter selects every row with COUNCIL_ALL and refuses 0, so an id that
 *     a failed call left at 0 never widens a list to every council.
 *   - Entity lists ordered "by council" order by council id; the aggregate
 *     queries order by council name in Lithuanian alphabetical order.
 *   - Limits the schema enforces: years 1990..2100 (figures, plans,
 *     fulfilment, report years), participants.count <= 1,000,000,
 *     figure.value <= 10,000,000, names <= 300/500 characters.
 *   - Threads: a council_db handle must be used by one thread at a time.  Use
 *     one handle per thread; separate handles on one file are safe (SQLite
 *     WAL mode and a busy timeout arbitrate between them and other processes).
 */
#ifndef COUNCIL_H
#define COUNCIL_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32) && defined(COUNCIL_BUILDING)
#define COUNCIL_API __declspec(dllexport)
#elif defined(__GNUC__)
#define COUNCIL_API __attribute__((visibility("default")))
#else
#define COUNCIL_API
#endif

/* Marks a name kept for one release after it was renamed; the compiler
 * names its replacement.  Define COUNCIL_NO_DEPRECATION_WARNINGS before
 * including this header to silence it while migrating.  */
#if defined(COUNCIL_NO_DEPRECATION_WARNINGS)
#define COUNCIL_DEPRECATED(use)
#elif defined(__GNUC__)
#define COUNCIL_DEPRECATED(use) __attribute__((deprecated("use " #use)))
#else
#define COUNCIL_DEPRECATED(use)
#endif

/* The version of this header: major, minor, patch and the three as text.
 * Compare with council_version() to detect a header/library mismatch. */
#define COUNCIL_VERSION_MAJOR 0
#define COUNCIL_VERSION_MINOR 5
#define COUNCIL_VERSION_PATCH 0
#define COUNCIL_VERSION_STRING "0.5.0"

/* Library version at run time ("0.5.0"); static string. */
COUNCIL_API const char *council_version(void);

/* Optional, first thing in a program that uses SQLite only through
 * libcouncil, before any handle is opened: turns off SQLite's process-wide
 * memory statistics (SQLITE_CONFIG_MEMSTATUS), whose counters take a lock
 * on every allocation SQLite makes -- about a ninth of the instructions of
 * storing an import.  For the whole process, sqlite3_memory_used() then
 * reads 0 and a soft heap limit no longer applies, which is why the
 * library does not do it by itself.  COUNCIL_OK; COUNCIL_EMISUSE when
 * SQLite is already in use in the process (nothing is changed). */
COUNCIL_API int council_process_init(void);

/* ------------------------------------------------------------------------ */
/* Status codes.  The list only grows; values never change meaning.         */
/* ------------------------------------------------------------------------ */
enum {
	COUNCIL_OK          = 0,
	COUNCIL_ERROR       = -1,  /* unexpected failure; see council_errmsg */
	COUNCIL_ENOTFOUND   = -2,  /* no row with that id / name */
	COUNCIL_EEXISTS     = -3,  /* a unique value is already taken */
	COUNCIL_EINVAL      = -4,  /* an argument or field value is invalid */
	COUNCIL_EPARSE      = -5,  /* input text could not be parsed */
	COUNCIL_ECONSTRAINT = -6,  /* the schema refused the change */
	COUNCIL_EBUSY       = -7,  /* the database stayed locked past the timeout */
	COUNCIL_EIO         = -8,  /* reading or writing a file failed */
	COUNCIL_ENOMEM      = -9,  /* out of memory */
	COUNCIL_ENEWER      = -10, /* database made by a newer libcouncil */
	COUNCIL_EREADONLY   = -11, /* write attempted on a read-only handle */
	COUNCIL_EMISUSE     = -12, /* NULL or closed handle, call out of order */
	COUNCIL_ECORRUPT    = -13, /* not a libcouncil database, or damaged */
	COUNCIL_EHASCHILDREN = -14 /* delete refused: rows depend on this one */
};

/* Fixed English text for a status code; never NULL, static storage. */
COUNCIL_API const char *council_strerror(int code);

/* ------------------------------------------------------------------------ */
/* Partial dates                                                            */
/* ------------------------------------------------------------------------ */

/* A date known to the year, the month or the day.  month and day are 0 when
 * unknown; year is 0 only for "no date at all".  */
typedef struct council_date {
	int year;  /* 1..9999, or 0 = no date */
	int month; /* 1..12, or 0 = unknown */
	int day;   /* 1..31, or 0 = unknown (requires month) */
} council_date;

/* A span of days between two partial dates.  Records require both ends:
 * a single date has end == start. */
typedef struct council_period {
	council_date start;
	council_date end;
} council_period;

/* Room for the ISO text of a date: "YYYY-MM-DD" plus NUL. */
#define COUNCIL_DATE_BUFSIZE 11

/* Parses "2024", "2024-02" or "2024-02-05" into *out.  Rejects anything
 * else, including impossible days (2024-02-30) and months (2024-13).
 * Returns COUNCIL_OK or COUNCIL_EINVAL. */
COUNCIL_API int council_date_parse(council_date *out, const char *text);

/* Parses a date or a range "2024-05-16..2024-05-17" (either side may have
 * any precision; end must not precede start).  A single date gives
 * end == start.  Returns COUNCIL_OK or COUNCIL_EINVAL. */
COUNCIL_API int council_period_parse(council_period *out, const char *text);

/* Nonzero when d is a valid partial date (year 1..9999, month/day in range,
 * day only with a month). */
COUNCIL_API int council_date_valid(const council_date *d);

/* Writes the ISO text of d ("2024", "2024-02", "2024-02-05"; "" for no
 * date) into buf, which holds COUNCIL_DATE_BUFSIZE bytes.  Returns buf. */
COUNCIL_API char *council_date_format(char *buf, const council_date *d);

/* Compares by the first day each date can mean; ties broken by precision
 * (coarser first).  Returns <0, 0 or >0. */
COUNCIL_API int council_date_cmp(const council_date *a, const council_date *b);

/* ------------------------------------------------------------------------ */
/* Database handle                                                          */
/* ------------------------------------------------------------------------ */
typedef struct council_db council_db;
typedef int64_t council_id;
/* Id members of the record structs below are declared int64_t, the same
 * type: several are named council_id, and C++ refuses a member named like
 * a type the struct also uses. */

enum {
	COUNCIL_OPEN_READONLY = 1 << 0, /* never write; fails if file missing */
	COUNCIL_OPEN_NOCREATE = 1 << 1, /* fail with ENOTFOUND if file missing */
	COUNCIL_OPEN_NOMIGRATE = 1 << 2 /* do not create or upgrade the schema */
};

/* Opens (creating if missing, unless flags forbid) the database at path, or
 * a private in-memory database when path is ":memory:".  Applies the schema
 * to a new database and migrates an older one in one transaction; refuses a
 * database of a newer schema version (COUNCIL_ENEWER) without touching it.
 * Sets *out even on failure, so council_errmsg(*out) can say why; the caller
 * must council_close(*out) in both cases.  *out is NULL only when memory for
 * the handle itself could not be had (COUNCIL_ENOMEM). */
COUNCIL_API int council_open(council_db **out, const char *path, unsigned flags);

/* Closes the handle, rolling back an open transaction.  NULL is a no-op. */
COUNCIL_API void council_close(council_db *db);

/* The message of the last failed call on db; "" when none; "out of memory"
 * for a NULL db.  Valid until the next call on db. */
COUNCIL_API const char *council_errmsg(const council_db *db);

/* The status code of the last failed call on db (COUNCIL_OK if none). */
COUNCIL_API int council_errcode(const council_db *db);

/* Schema version stored in the database, and the version this library
 * writes. */
COUNCIL_API int council_schema_version(int *out, council_db *db);
COUNCIL_API int council_schema_latest(void);

/* Path of the database file ("" for in-memory); valid while db is open. */
COUNCIL_API const char *council_db_path(const council_db *db);

/* Explicit transactions.  Calls made between begin and commit form one
 * atomic change; without begin, every writing call is atomic on its own.
 * Transactions do not nest: a second begin is COUNCIL_EMISUSE. */
COUNCIL_API int council_begin(council_db *db);
COUNCIL_API int council_commit(council_db *db);
COUNCIL_API int council_rollback(council_db *db);

/* Row counts of every table, for `council info`.  Calls cb once per table
 * with its name and row count. */
typedef int (*council_count_cb)(void *ctx, const char *table, int64_t rows);
COUNCIL_API int council_table_counts(council_db *db, council_count_cb cb, void *ctx);

/* Frees memory the library allocated and handed over as a plain buffer
 * (JSON text, folded strings).  NULL is a no-op. */
COUNCIL_API void council_free(void *p);

/* ------------------------------------------------------------------------ */
/* Enumerations.  Each has a text form used in the schema and the CLI; the  */
/* *_name function returns it (static storage) and *_from_name parses it.   */
/* ------------------------------------------------------------------------ */
typedef enum council_kind {
	COUNCIL_KIND_BO = 0, COUNCIL_KIND_NVO, COUNCIL_KIND_OTHER
} council_kind;
typedef enum council_role {
	COUNCIL_ROLE_MEMBER = 0, COUNCIL_ROLE_CHAIR, COUNCIL_ROLE_DEPUTY,
	COUNCIL_ROLE_SECRETARY
} council_role;
typedef enum council_side {
	COUNCIL_SIDE_UNKNOWN = 0, COUNCIL_SIDE_MUNICIPALITY, COUNCIL_SIDE_COMMUNITY
} council_side;
/* How a meeting was held.  (Before 0.2 the type was named council_format,
 * which read like an output format; that name stays as an alias for one
 * release.  The COUNCIL_FORMAT_* values keep their names.) */
typedef enum council_meeting_format {
	COUNCIL_FORMAT_UNKNOWN = 0, COUNCIL_FORMAT_IN_PERSON, COUNCIL_FORMAT_REMOTE,
	COUNCIL_FORMAT_HYBRID
} council_meeting_format;
/* Deprecated alias of council_meeting_format (no compiler warning: a
 * typedef cannot carry one portably). */
typedef council_meeting_format council_format;
typedef enum council_qualifier {
	COUNCIL_QUAL_EXACT = 0, COUNCIL_QUAL_MORE_THAN, COUNCIL_QUAL_AT_LEAST,
	COUNCIL_QUAL_ABOUT
} council_qualifier;
typedef enum council_event_kind {
	COUNCIL_EVENT_OTHER = 0, COUNCIL_EVENT_SEMINAR, COUNCIL_EVENT_TRAINING,
	COUNCIL_EVENT_CONFERENCE, COUNCIL_EVENT_VISIT, COUNCIL_EVENT_DISCUSSION,
	COUNCIL_EVENT_PRESENTATION, COUNCIL_EVENT_CONSULTATION,
	COUNCIL_EVENT_FESTIVAL, COUNCIL_EVENT_EXHIBITION, COUNCIL_EVENT_WORKSHOP,
	COUNCIL_EVENT_FORUM
} council_event_kind;
typedef enum council_act_effect {
	COUNCIL_ACT_OTHER = 0, COUNCIL_ACT_ESTABLISHES, COUNCIL_ACT_AMENDS,
	COUNCIL_ACT_APPROVES_RULES, COUNCIL_ACT_APPOINTS
} council_act_effect;
typedef enum council_metric {
	COUNCIL_METRIC_MEETINGS = 0, COUNCIL_METRIC_MEETINGS_REMOTE,
	COUNCIL_METRIC_MEMBERS, COUNCIL_METRIC_EVENTS, COUNCIL_METRIC_PARTICIPANTS
} council_metric;
typedef enum council_source_kind {
	COUNCIL_SOURCE_OTHER = 0, COUNCIL_SOURCE_ANNUAL_REPORT,
	COUNCIL_SOURCE_PLAN_REPORT, COUNCIL_SOURCE_PROTOCOL, COUNCIL_SOURCE_PAGE
} council_source_kind;

/* Which enumeration a name belongs to, for council_enum_name/_parse. */
typedef enum council_enum {
	COUNCIL_ENUM_KIND = 0, COUNCIL_ENUM_ROLE, COUNCIL_ENUM_SIDE,
	COUNCIL_ENUM_FORMAT, COUNCIL_ENUM_QUALIFIER, COUNCIL_ENUM_EVENT_KIND,
	COUNCIL_ENUM_ACT_EFFECT, COUNCIL_ENUM_METRIC, COUNCIL_ENUM_SOURCE_KIND
} council_enum;

/* Text form of value in enumeration e ("chair", "remote", ...); NULL when
 * value is out of range.  COUNCIL_SIDE_UNKNOWN has no text form (NULL). */
COUNCIL_API const char *council_enum_name(council_enum e, int value);
/* Parses a text form (ASCII case-insensitive); COUNCIL_EINVAL if unknown. */
COUNCIL_API int council_enum_parse(int *out, council_enum e, const char *name);

/* ------------------------------------------------------------------------ */
/* Records.  Optional text fields are NULL when unknown; optional numbers   */
/* are -1 when unknown unless said otherwise.                               */
/* ------------------------------------------------------------------------ */

typedef struct council_source {
	int64_t id;
	const char *path;            /* required, unique */
	const char *sha256;          /* required: 64 lowercase hex digits */
	council_source_kind kind;
	int report_year;       /* -1 unknown */
	const char *doc_number;
	council_date doc_date; /* year 0 = unknown; must be a full date */
	const char *imported_at;     /* set by the library; ignored on add/update */
} council_source;

typedef struct council_council {
	int64_t id;
	const char *name;            /* required, unique */
	const char *municipality;
	council_kind kind;
	const char *founding_act;
	int size;              /* -1 unknown */
	int seats_municipality;/* -1 unknown */
	int seats_community;   /* -1 unknown */
	int64_t source_id;  /* 0 = entered by hand */
} council_council;

typedef struct council_member {
	int64_t id;
	int64_t council_id; /* required */
	const char *name;            /* required, nominative */
	council_role role;
	const char *represents;
	council_side side;
	const char *delegated_by;
	council_date term_start; /* year 0 = unknown */
	council_date term_end;
	int64_t source_id;
} council_member;

typedef struct council_meeting {
	int64_t id;
	int64_t council_id; /* required */
	council_period date;   /* required, at least the year */
	council_meeting_format format;
	const char *platform;
	const char *location;
	const char *summary;
	int64_t source_id;
} council_meeting;

typedef struct council_figure {
	int64_t id;
	int64_t council_id; /* required */
	int year;              /* required */
	council_metric metric;
	int64_t value;         /* required, >= 0 */
	council_qualifier qualifier;
	int64_t source_id;
} council_figure;

typedef struct council_plan {
	int64_t id;
	int64_t council_id; /* required */
	const char *title;           /* required */
	int year_from;         /* -1 unknown */
	int year_to;           /* -1 unknown */
	int64_t source_id;
} council_plan;

typedef struct council_measure {
	int64_t id;
	int64_t plan_id;    /* required */
	int seq;               /* required, unique within the plan */
	const char *name;            /* required */
	const char *indicator;
	const char **responsible; /* n_responsible unit names, in order */
	size_t n_responsible;
	int64_t source_id;
} council_measure;

typedef struct council_fulfilment {
	int64_t id;
	int64_t measure_id; /* required */
	int year;              /* required, unique per measure */
	const char *text;            /* required */
	int64_t source_id;
} council_fulfilment;

typedef struct council_participants {
	int64_t id;
	int64_t event_id;   /* required */
	int64_t count;         /* required, >= 0 */
	council_qualifier qualifier;
	const char *group_name;      /* "BO tarybos nariai", or NULL for everyone */
	int64_t source_id;
} council_participants;

typedef struct council_event {
	int64_t id;
	int64_t council_id; /* required */
	int64_t meeting_id; /* 0 = none */
	const char *title;           /* required */
	council_event_kind kind;
	const char *organiser;
	council_period date;   /* required, at least the year */
	const char *location;
	int remote;            /* 1 remote, 0 in person, -1 unknown */
	const char *description;
	const int64_t *measure_ids; /* n_measures linked measures */
	size_t n_measures;
	int64_t source_id;
} council_event;

typedef struct council_act {
	int64_t id;
	int64_t council_id; /* 0 = not tied to a council */
	const char *number;          /* required, e.g. "T-55" */
	council_date date;     /* year 0 = unknown */
	const char *title;
	council_act_effect effect;
	int64_t source_id;
} council_act;

/* Releases a record returned by *_get, including its strings.  NULL-safe. */
COUNCIL_API void council_source_free(council_source *r);
COUNCIL_API void council_council_free(council_council *r);
COUNCIL_API void council_member_free(council_member *r);
COUNCIL_API void council_meeting_free(council_meeting *r);
COUNCIL_API void council_figure_free(council_figure *r);
COUNCIL_API void council_plan_free(council_plan *r);
COUNCIL_API void council_measure_free(council_measure *r);
COUNCIL_API void council_fulfilment_free(council_fulfilment *r);
COUNCIL_API void council_participants_free(council_participants *r);
COUNCIL_API void council_event_free(council_event *r);
COUNCIL_API void council_act_free(council_act *r);

/* Sets every field of a record to "unknown" (ids 0, numbers -1, strings
 * NULL, enums their first value, dates empty).  Use before filling a record
 * to add, so fields added in later versions get their defaults. */
COUNCIL_API void council_source_init(council_source *r);
COUNCIL_API void council_council_init(council_council *r);
COUNCIL_API void council_member_init(council_member *r);
COUNCIL_API void council_meeting_init(council_meeting *r);
COUNCIL_API void council_figure_init(council_figure *r);
COUNCIL_API void council_plan_init(council_plan *r);
COUNCIL_API void council_measure_init(council_measure *r);
COUNCIL_API void council_fulfilment_init(council_fulfilment *r);
COUNCIL_API void council_participants_init(council_participants *r);
COUNCIL_API void council_event_init(council_event *r);
COUNCIL_API void council_act_init(council_act *r);

/* The value of a filter's id field (council_id, parent_id, source_id) that
 * selects every row: "all councils", "every source".  council_filter_init
 * sets it.  An id field set to 0 is refused (COUNCIL_EINVAL "filter.
 * council_id: 0 is no council (use COUNCIL_ALL)"), so an id that a failed
 * import left at 0 cannot silently list every council; any other negative
 * value is refused too.  The same -1 as "any" in council_filter.role. */
#define COUNCIL_ALL (-1)

/* A filter for list calls.  Initialise with council_filter_init(), which
 * sets every field to "do not filter" (ids COUNCIL_ALL, role -1, the rest
 * 0), and set what you need.  Each list call documents which fields it
 * honours; others are ignored, but an id field of 0 is refused by every
 * list call all the same. */
typedef struct council_filter {
	int64_t council_id; /* rows of this council, or COUNCIL_ALL */
	int64_t parent_id;  /* measures of a plan, fulfilment of a measure,
	                       participants of an event; or COUNCIL_ALL */
	int64_t source_id;  /* rows imported from this source, or COUNCIL_ALL */
	int year_from;         /* dated rows with year >= year_from (0 = open) */
	int year_to;           /* dated rows with year <= year_to (0 = open) */
	int role;              /* members: a council_role, or -1 for any */
	council_period range;  /* events/meetings overlapping this period;
	                          start.year == 0 means no range */
	int64_t limit;         /* at most this many rows (0 = no limit) */
} council_filter;

/* Sets *f to select everything: see council_filter. */
COUNCIL_API void council_filter_init(council_filter *f);

/* ------------------------------------------------------------------------ */
/* CRUD.  For every entity X:                                               */
/*   council_X_add(&id, db, rec)     inserts rec (its id is ignored); *id   */
/*                                   receives the new id (id may be NULL)   */
/*   council_X_get(&rec, db, id)     *rec: a heap copy, free with _free;    */
/*                                   COUNCIL_ENOTFOUND when no such row     */
/*   council_X_update(db, rec)       replaces every field of row rec->id    */
/*   council_X_delete(db, id)        COUNCIL_ENOTFOUND when no such row     */
/*   council_X_list(db, filter, cb, ctx)  streams rows in a stable order    */
/* Validation failures return COUNCIL_EINVAL naming the field; a missing    */
/* referenced row (council_id, plan_id, ...) returns COUNCIL_ENOTFOUND;     */
/* duplicates return COUNCIL_EEXISTS.                                       */
/* ------------------------------------------------------------------------ */

typedef int (*council_source_cb)(void *ctx, const council_source *r);
typedef int (*council_council_cb)(void *ctx, const council_council *r);
typedef int (*council_member_cb)(void *ctx, const council_member *r);
typedef int (*council_meeting_cb)(void *ctx, const council_meeting *r);
typedef int (*council_figure_cb)(void *ctx, const council_figure *r);
typedef int (*council_plan_cb)(void *ctx, const council_plan *r);
typedef int (*council_measure_cb)(void *ctx, const council_measure *r);
typedef int (*council_fulfilment_cb)(void *ctx, const council_fulfilment *r);
typedef int (*council_participants_cb)(void *ctx, const council_participants *r);
typedef int (*council_event_cb)(void *ctx, const council_event *r);
typedef int (*council_act_cb)(void *ctx, const council_act *r);

/* Sources.  list honours: council_id (the council a document is about,
 * schema version 7), year_from and year_to (its report year), limit.
 * Ordered by id.  Deleting a source deletes
 * every row imported from it that no other document states (its councils
 * are kept, unlinked); a row another document states too stays, and its
 * source_id moves to that document. */
COUNCIL_API int council_source_add(council_id *id, council_db *db, const council_source *r);
COUNCIL_API int council_source_get(council_source **out, council_db *db, council_id id);
COUNCIL_API int council_source_update(council_db *db, const council_source *r);
COUNCIL_API int council_source_delete(council_db *db, council_id id);
COUNCIL_API int council_source_list(council_db *db, const council_filter *f, council_source_cb cb, void *ctx);
/* Looks a source up by its path: as stored, else the path made canonical
 * (absolute and resolved, as the importer stores it), else another name of
 * the document (the same bytes imported from a second path).
 * COUNCIL_ENOTFOUND if none. */
COUNCIL_API int council_source_find(council_source **out, council_db *db, const char *path);

/* Councils: council_add, council_get, council_update, council_delete,
 * council_list (a council is the library's namesake, so its calls drop the
 * repeated noun; the record type stays council_council, and its _init and
 * _free keep the type's name because council_free is the buffer release).
 * list honours: source_id, limit; ordered by name in Lithuanian
 * alphabetical order.  delete refuses (COUNCIL_EHASCHILDREN) when members,
 * meetings, figures, plans, events or acts refer to the council, unless
 * council_delete_cascade is used, which removes them all. */
COUNCIL_API int council_add(council_id *id, council_db *db, const council_council *r);
COUNCIL_API int council_get(council_council **out, council_db *db, council_id id);
COUNCIL_API int council_update(council_db *db, const council_council *r);
COUNCIL_API int council_delete(council_db *db, council_id id);
COUNCIL_API int council_delete_cascade(council_db *db, council_id id);
COUNCIL_API int council_list(council_db *db, const council_filter *f, council_council_cb cb, void *ctx);

/* Finds a council by id (when spec is all digits) or by a part of its name,
 * matched ignoring case and Lithuanian diacritics ("klaipedos" finds
 * "Klaipėdos rajono ..."); an exact (folded) name wins over parts.
 * COUNCIL_ENOTFOUND when nothing matches; COUNCIL_EEXISTS when several do,
 * with the candidates named in council_errmsg. */
COUNCIL_API int council_find(council_id *out, council_db *db, const char *spec);

/* The names of the calls above before 0.2, kept for one release: each
 * calls its replacement. */
COUNCIL_API COUNCIL_DEPRECATED(council_add)
int council_council_add(council_id *id, council_db *db, const council_council *r);
COUNCIL_API COUNCIL_DEPRECATED(council_get)
int council_council_get(council_council **out, council_db *db, council_id id);
COUNCIL_API COUNCIL_DEPRECATED(council_update)
int council_council_update(council_db *db, const council_council *r);
COUNCIL_API COUNCIL_DEPRECATED(council_delete)
int council_council_delete(council_db *db, council_id id);
COUNCIL_API COUNCIL_DEPRECATED(council_delete_cascade)
int council_council_delete_cascade(council_db *db, council_id id);
COUNCIL_API COUNCIL_DEPRECATED(council_list)
int council_council_list(council_db *db, const council_filter *f, council_council_cb cb, void *ctx);
COUNCIL_API COUNCIL_DEPRECATED(council_find)
int council_council_find(council_id *out, council_db *db, const char *spec);

/* Members.  list honours: council_id, role, source_id, limit; ordered by
 * council, role (chair, deputy, secretary, member), then name. */
COUNCIL_API int council_member_add(council_id *id, council_db *db, const council_member *r);
COUNCIL_API int council_member_get(council_member **out, council_db *db, council_id id);
COUNCIL_API int council_member_update(council_db *db, const council_member *r);
COUNCIL_API int council_member_delete(council_db *db, council_id id);
COUNCIL_API int council_member_list(council_db *db, const council_filter *f, council_member_cb cb, void *ctx);
/* A member's former name, as a document states it ("Indrė Valančiūtė" of
 * "Indrė Balčiūnienė (buvusi Valančiūtė)"; schema version 14): the
 * person's, not the organisation's, so not in council_member.  set stores
 * it (NULL clears it; at most 300 characters) and decides again which
 * person the row is of: a row named by the former name is then the same
 * person, named by the current one.  get gives a copy in *out (NULL when
 * none is known; free with council_free).  COUNCIL_ENOTFOUND when there
 * is no member id. */
COUNCIL_API int council_member_set_former_name(council_db *db, council_id member,
                                               const char *former_name);
COUNCIL_API int council_member_former_name(char **out, council_db *db, council_id member);

/* Meetings.  list honours: council_id, year_from, year_to, range,
 * source_id, limit; ordered by council, date.  Deleting a meeting unlinks
 * the events held at it. */
COUNCIL_API int council_meeting_add(council_id *id, council_db *db, const council_meeting *r);
COUNCIL_API int council_meeting_get(council_meeting **out, council_db *db, council_id id);
COUNCIL_API int council_meeting_update(council_db *db, const council_meeting *r);
COUNCIL_API int council_meeting_delete(council_db *db, council_id id);
COUNCIL_API int council_meeting_list(council_db *db, const council_filter *f, council_meeting_cb cb, void *ctx);

/* Reported figures ("3 meetings held in 2021").  list honours: council_id,
 * year_from, year_to, source_id, limit; ordered by council, year, metric. */
COUNCIL_API int council_figure_add(council_id *id, council_db *db, const council_figure *r);
COUNCIL_API int council_figure_get(council_figure **out, council_db *db, council_id id);
COUNCIL_API int council_figure_update(council_db *db, const council_figure *r);
COUNCIL_API int council_figure_delete(council_db *db, council_id id);
COUNCIL_API int council_figure_list(council_db *db, const council_filter *f, council_figure_cb cb, void *ctx);

/* Plans.  list honours: council_id, year_from/year_to (plans whose years
 * overlap), source_id, limit.  Deleting a plan deletes its measures. */
COUNCIL_API int council_plan_add(council_id *id, council_db *db, const council_plan *r);
COUNCIL_API int council_plan_get(council_plan **out, council_db *db, council_id id);
COUNCIL_API int council_plan_update(council_db *db, const council_plan *r);
COUNCIL_API int council_plan_delete(council_db *db, council_id id);
COUNCIL_API int council_plan_list(council_db *db, const council_filter *f, council_plan_cb cb, void *ctx);

/* Measures, with their responsible units.  list honours: parent_id (the
 * plan), council_id, source_id, limit; ordered by plan, seq. */
COUNCIL_API int council_measure_add(council_id *id, council_db *db, const council_measure *r);
COUNCIL_API int council_measure_get(council_measure **out, council_db *db, council_id id);
COUNCIL_API int council_measure_update(council_db *db, const council_measure *r);
COUNCIL_API int council_measure_delete(council_db *db, council_id id);
COUNCIL_API int council_measure_list(council_db *db, const council_filter *f, council_measure_cb cb, void *ctx);

/* A measure's fulfilment in a year.  list honours: parent_id (the measure),
 * year_from, year_to, source_id, limit; ordered by measure, year. */
COUNCIL_API int council_fulfilment_add(council_id *id, council_db *db, const council_fulfilment *r);
COUNCIL_API int council_fulfilment_get(council_fulfilment **out, council_db *db, council_id id);
COUNCIL_API int council_fulfilment_update(council_db *db, const council_fulfilment *r);
COUNCIL_API int council_fulfilment_delete(council_db *db, council_id id);
COUNCIL_API int council_fulfilment_list(council_db *db, const council_filter *f, council_fulfilment_cb cb, void *ctx);

/* Events, with their linked measures.  list honours: council_id,
 * year_from, year_to, range (events overlapping it), source_id, limit;
 * ordered by council, date.  Deleting an event deletes its participants. */
COUNCIL_API int council_event_add(council_id *id, council_db *db, const council_event *r);
COUNCIL_API int council_event_get(council_event **out, council_db *db, council_id id);
COUNCIL_API int council_event_update(council_db *db, const council_event *r);
COUNCIL_API int council_event_delete(council_db *db, council_id id);
COUNCIL_API int council_event_list(council_db *db, const council_filter *f, council_event_cb cb, void *ctx);

/* Participant groups of an event.  list honours: parent_id (the event),
 * source_id, limit; ordered by event, id. */
COUNCIL_API int council_participants_add(council_id *id, council_db *db, const council_participants *r);
COUNCIL_API int council_participants_get(council_participants **out, council_db *db, council_id id);
COUNCIL_API int council_participants_update(council_db *db, const council_participants *r);
COUNCIL_API int council_participants_delete(council_db *db, council_id id);
COUNCIL_API int council_participants_list(council_db *db, const council_filter *f, council_participants_cb cb, void *ctx);

/* Legal acts.  list honours: council_id, year_from, year_to, source_id,
 * limit; ordered by council, date. */
COUNCIL_API int council_act_add(council_id *id, council_db *db, const council_act *r);
COUNCIL_API int council_act_get(council_act **out, council_db *db, council_id id);
COUNCIL_API int council_act_update(council_db *db, const council_act *r);
COUNCIL_API int council_act_delete(council_db *db, council_id id);
COUNCIL_API int council_act_list(council_db *db, const council_filter *f, council_act_cb cb, void *ctx);

/* ------------------------------------------------------------------------ */
/* History.  Every insert, update and delete of a record is kept, whoever   */
/* makes it (an import, a reviewed JSON, these calls, the council tool, a   */
/* direct sqlite3 edit): the schema's triggers write it, and the public     */
/* view changes(table_name, record_id, changed_at, origin, field,           */
/* old_value, new_value, ...) shows it (schema.sql documents every column). */
/* ------------------------------------------------------------------------ */

/* Names the origin of the hand edits made through db from now on, as the
 * history records it: "library" until this is called; the council tool
 * says "cli".  label: 1 to 32 ASCII letters, digits, '-' or '_', other
 * than "import", "review" and "sql", which the history keeps for imports,
 * reviewed extractions and direct SQL edits (COUNCIL_EINVAL otherwise).
 * Imports record their own origin whatever the label. */
COUNCIL_API int council_origin_set(council_db *db, const char *label);

/* One change, as council_history_list hands it on: borrowed, valid until
 * the callback returns. */
typedef struct council_change {
	int64_t id;              /* its place in the history: later changes have larger ids */
	const char *table;       /* the table as the schema names it: "event",
	                            "event_participants", "reported_figure"... */
	int64_t record_id;       /* the row's id (event_measure: the event's,
	                            measure_responsible: the measure's) */
	const char *changed_at;  /* UTC, "2026-12-07T17:20:01.123Z" */
	const char *operation;   /* "insert", "update", "delete", or "cascade":
	                            deleted because a row it depends on was */
	const char *origin;      /* "import", "review", "library", "cli" (or a
	                            label of council_origin_set), "sql" */
	const char *document;    /* import, review: the file's path; else NULL */
	const char *sha256;      /* import, review: its SHA-256; else NULL */
	const char *field;       /* update: the column; NULL: the whole record */
	/* JSON text.  An update's values are JSON scalars (42, "text", null);
	 * an insert's new_value and a delete's old_value are the whole record
	 * as an object; the other one is NULL. */
	const char *old_value;
	const char *new_value;
	/* The records an import inserted are kept compactly (schema.sql): their
	 * insert has new_value NULL, and shares its id with the import's other
	 * inserts into the table. */
} council_change;
typedef int (*council_change_cb)(void *ctx, const council_change *c);

/* Which changes council_history_list gives.  Initialise with
 * council_history_filter_init (everything) and set what you need; as in
 * council_filter, an id field of 0 is refused (COUNCIL_EINVAL), so an id a
 * failed call left at 0 never widens the list. */
typedef struct council_history_filter {
	/* A record type -- council, member, meeting, figure, plan, measure,
	 * fulfilment, event, participants, act, source, attendance, quorum --
	 * or a table name
	 * (reported_figure, ...); NULL for every table. */
	const char *type;
	int64_t record_id;  /* with type: that record only, or COUNCIL_ALL.  An
	                       event's history includes its measure links, a
	                       measure's its responsible units. */
	int64_t source_id;  /* changes made by importing this source document
	                       (any version of it, matched by its path) or by
	                       loading a review of it; or COUNCIL_ALL */
	int64_t limit;      /* at most this many, the latest (0 = no limit) */
} council_history_filter;

/* Sets *f to select every change. */
COUNCIL_API void council_history_filter_init(council_history_filter *f);

/* Streams the changes f selects (f may be NULL: all), oldest first.
 * COUNCIL_EINVAL for an unknown type, an id of 0, or a record_id without a
 * type; COUNCIL_ENOTFOUND for a source_id that names no source. */
COUNCIL_API int council_history_list(council_db *db, const council_history_filter *f,
                                     council_change_cb cb, void *ctx);

/* Brings back record id of type (as council_history_filter.type) from its
 * latest removal in the history, with its id and every field, and with
 * the rows removed with it by the same deletion ("cascade": an event's
 * participant groups and measure links, a measure's units, fulfilment and
 * links, a plan's measures, a meeting's attendance and quorum, a source
 * document's records).  Rows deleted
 * one by one, even just before, stay deleted: restore them one by one; a
 * council removed with council_council_delete_cascade comes back alone,
 * as its rows were deleted one statement at a time.  A link a removal set
 * to NULL (an event's meeting, a council's source) stays NULL.  The
 * restore is itself a change, recorded with the handle's origin.  All or
 * nothing: COUNCIL_EEXISTS when the record (or a row removed with it) has
 * an id taken again since; COUNCIL_ENOTFOUND when no removal of it is
 * recorded, or a row it refers to (its council, plan, source...) is gone
 * -- the message names that row, to restore first; COUNCIL_EINVAL for an
 * unknown type.  *restored (may be NULL) gets the rows stored, the record
 * included. */
COUNCIL_API int council_record_restore(size_t *restored, council_db *db, const char *type,
                                       council_id id);

/* ------------------------------------------------------------------------ */
/* Queries.  Rows are borrowed, valid until the callback returns.           */
/* ------------------------------------------------------------------------ */

/* Meetings per council and year, as the view meetings_per_year reconciles
 * them: meetings = max(stated, listed).  stated is -1 when the reports
 * state no count for that year. */
typedef struct council_meetings_year {
	int64_t council_id;
	const char *council;   /* council name */
	int year;
	int64_t meetings;
	int64_t remote;
	int64_t listed;        /* dated meetings in the registry */
	int64_t stated;        /* count a report states, or -1 */
} council_meetings_year;
typedef int (*council_meetings_year_cb)(void *ctx, const council_meetings_year *r);
/* Honours: council_id, year_from, year_to.  Ordered by council name,
 * year. */
COUNCIL_API int council_query_meetings_per_year(council_db *db, const council_filter *f,
                                                council_meetings_year_cb cb, void *ctx);

/* One row per event with its participants summed over groups. */
typedef struct council_event_total {
	int64_t event_id;
	int64_t council_id;
	const char *council;
	const char *title;
	council_period date;
	const char *location;
	int64_t participants;  /* -1 when no group was counted */
	council_qualifier qualifier; /* meaningful when participants >= 0 */
	int64_t groups;        /* number of participant groups */
} council_event_total;
typedef int (*council_event_total_cb)(void *ctx, const council_event_total *r);
/* Honours: council_id, year_from, year_to, range, limit.  Ordered by
 * council, date. */
COUNCIL_API int council_query_participants_per_event(council_db *db, const council_filter *f,
                                                     council_event_total_cb cb, void *ctx);

/* Participants per council and year. */
typedef struct council_participants_year {
	int64_t council_id;
	const char *council;
	int year;
	int64_t events;        /* events that year */
	int64_t counted;       /* of them, events with a participant count */
	int64_t participants;  /* sum of counts */
} council_participants_year;
typedef int (*council_participants_year_cb)(void *ctx, const council_participants_year *r);
/* Honours: council_id, year_from, year_to.  Ordered by council, year. */
COUNCIL_API int council_query_participants_per_year(council_db *db, const council_filter *f,
                                                    council_participants_year_cb cb, void *ctx);

/* Events overlapping a period: council_event_list with f->range set.  Kept
 * as its own name because it is the question people ask.  f->range is
 * required (COUNCIL_EINVAL "filter.range: required"). */
COUNCIL_API int council_query_events_in_range(council_db *db, const council_filter *f,
                                              council_event_cb cb, void *ctx);

/* Measure fulfilment by plan and year. */
typedef struct council_fulfilment_row {
	int64_t plan_id;
	int64_t measure_id;
	int seq;
	const char *measure;   /* measure name */
	int year;
	const char *text;      /* NULL when no fulfilment recorded that year */
} council_fulfilment_row;
typedef int (*council_fulfilment_row_cb)(void *ctx, const council_fulfilment_row *r);
/* Honours: parent_id (the plan; required), council_id, year_from, year_to.
 * A grid: one row for every measure of the plan and every year in which
 * any of its measures has a fulfilment, text NULL where that measure has
 * none; ordered by seq, year. */
COUNCIL_API int council_query_fulfilment(council_db *db, const council_filter *f,
                                         council_fulfilment_row_cb cb, void *ctx);

/* Members of a council by role: council_member_list with f->role set.
 * f->role is required (COUNCIL_EINVAL "filter.role: required"); list all
 * roles with council_member_list. */
COUNCIL_API int council_query_members_by_role(council_db *db, const council_filter *f,
                                              council_member_cb cb, void *ctx);

/* A membership: a member row (one person in one office of one council)
 * with its person and its term, as the view memberships_overview shows it.
 * The term is read from the documents stating the row (schema.sql, the
 * people section): a hand-set term_start/term_end wins, else a report for
 * year Y says it held in Y and a dated document on its date; it starts at
 * the earliest and ends at the latest once a later document lists the
 * council without it.  Strings borrowed: valid during the callback. */
typedef struct council_membership {
	int64_t id;             /* the member row's id */
	int64_t council_id;
	int64_t person_id;      /* 0 for a row written outside the library
	                           and not yet settled */
	const char *name;       /* the name as the row has it */
	const char *person;     /* the person's fullest spelling */
	council_role role;
	const char *represents;
	council_side side;
	council_date date_from; /* year 0: unknown */
	council_date date_to;   /* year 0: it still holds (as far as known) */
} council_membership;
typedef int (*council_membership_cb)(void *ctx, const council_membership *r);

/* Memberships, by council, office (chair, deputy, secretary, member) and
 * person.  Honours: council_id, role, year_from and year_to (memberships
 * whose term overlaps those years: `council query members --year 2024`),
 * range (memberships whose term overlaps the period; a start alone is one
 * day or month or year: `--on 2024-06-01`), limit.  A term of unknown start
 * or end is open on that side. */
COUNCIL_API int council_query_memberships(council_db *db, const council_filter *f,
                                          council_membership_cb cb, void *ctx);

/* Runs one read-only SQL statement (no outside data is bound: the text is
 * the user's own query) and streams its rows: cb gets the column count,
 * the column names and the values as text (NULL for SQL NULL; a BLOB is
 * cut at its first NUL) and their types (COUNCIL_SQL_*).  Refuses
 * statements that write or change the connection -- BEGIN, SAVEPOINT,
 * ATTACH, DETACH, REINDEX, PRAGMAs that set a value -- with
 * COUNCIL_EREADONLY; text that does not compile, or holds more than one
 * statement, with COUNCIL_EINVAL. */
enum {
	COUNCIL_SQL_INTEGER = 1, COUNCIL_SQL_FLOAT = 2, COUNCIL_SQL_TEXT = 3,
	COUNCIL_SQL_BLOB = 4, COUNCIL_SQL_NULL = 5 /* the same values as SQLite's */
};
typedef int (*council_sql_cb)(void *ctx, int ncol, const char *const *names,
                              const char *const *values, const int *types);
COUNCIL_API int council_sql(council_db *db, const char *sql, council_sql_cb cb, void *ctx);

/* ------------------------------------------------------------------------ */
/* Text helpers for Lithuanian                                              */
/* ------------------------------------------------------------------------ */

/* Folds UTF-8 text for matching: lower case, Lithuanian (and Latin-1/-A)
 * diacritics removed ("Klaipėdos" -> "klaipedos").  *out is a heap string,
 * free with council_free.  COUNCIL_EINVAL on invalid UTF-8. */
COUNCIL_API int council_text_fold(char **out, const char *text);

/* Display width in terminal columns of UTF-8 text (combining marks 0,
 * East Asian wide characters 2, others 1); invalid bytes count 1 each. */
COUNCIL_API size_t council_text_width(const char *text);

/* Compares two UTF-8 strings in Lithuanian alphabetical order
 * (a ą b c č d e ę ė f g h i į y j ... s š ... z ž), case-insensitively
 * first, then case-sensitively.  Returns <0, 0 or >0. */
COUNCIL_API int council_text_collate(const char *a, const char *b);

/* ------------------------------------------------------------------------ */
/* Export: the registry in forms other tools read                           */
/* ------------------------------------------------------------------------ */

typedef enum council_export_format {
	/* A directory: one CSV file per public view (<view>.csv; RFC 4180, UTF-8
	 * without a BOM, CRLF line ends, a header row, NULL as an empty field)
	 * and datapackage.json, a Frictionless Data Package describing them
	 * (fields, types, and descriptions from schema.sql's comments). */
	COUNCIL_EXPORT_CSV = 0,
	/* One file: an RFC 5545 calendar (text/calendar) of meetings and
	 * events.  A date known to the day is an all-day event (DTSTART;
	 * VALUE=DATE, DTEND the day after the last); a date known only to the
	 * month or the year is an all-day event on its first day whose
	 * DESCRIPTION states the precision ("Date known to the month:
	 * 2024-02"), with X-LIBCOUNCIL-DATE-PRECISION MONTH or YEAR.  UIDs are
	 * <table>-<id>@<uid_domain>, stable across exports of one database. */
	COUNCIL_EXPORT_ICAL = 1,
	/* One file: a Popolo JSON document {"organizations", "persons",
	 * "memberships", "events"}: councils (classification BO, NVO or other;
	 * parent_id their municipality, itself an organization), one person
	 * per distinct name within a council, a membership per member (role,
	 * term dates, on_behalf_of_id the organisation represented), meetings
	 * and events with their partial dates as they are.  Every object
	 * imported from a document has sources: [{url: the RFC 6920 URI
	 * "ni:///sha-256;..." of its SHA-256, note: "<path> (SHA-256 <hex>)"}].
	 * Ids: council/<id>, meeting/<id>, event/<id>, membership/<id>,
	 * person/<council id>/<name>, municipality/<name>, organization/<name>
	 * (names folded to a-z, 0-9 and '-'). */
	COUNCIL_EXPORT_POPOLO = 2,
	/* One file: an SQL script for psql that creates the registry in an
	 * empty PostgreSQL (15 or later) database and loads it, in one
	 * transaction: every table but the library's transient ones, with
	 * keys, UNIQUE and foreign keys, the CHECKs PostgreSQL evaluates as
	 * SQLite does (those on date forms are SQLite's dialect and left
	 * out), indexes, the rows (COPY), the public views with the same
	 * names, columns and rows, and schema_doc's descriptions as COMMENTs.
	 * Text columns are COLLATE "C" (byte order, as SQLite's); integer ids
	 * are identity columns continuing after the loaded rows.  The whole
	 * registry: a filter is refused (COUNCIL_EINVAL). */
	COUNCIL_EXPORT_POSTGRES = 3
} council_export_format;

/* What council_export writes.  Initialise with council_export_options_init,
 * then set what you need. */
typedef struct council_export_options {
	council_export_format format;
	/* Honoured: council_id (rows of one council; a view without a council
	 * or council_id column has no rows then), year_from and year_to
	 * (dated rows: meetings and events by the year they start, per-year
	 * rows by their year; members, measures and councils are not dated and
	 * are all kept).  Other fields are ignored; an id of 0 is refused. */
	council_filter filter;
	/* Domain of the calendar's UIDs; NULL means "libcouncil.invalid".
	 * Give your own (e.g. "registry.example.lt") when calendars from
	 * several registries will be merged. */
	const char *uid_domain;
} council_export_options;

/* Sets *o to format CSV, every row, the default UID domain. */
COUNCIL_API void council_export_options_init(council_export_options *o);

/* Writes the registry (as o describes; o NULL = defaults) to path: for
 * COUNCIL_EXPORT_CSV a directory, created if missing, whose files of the
 * same names are replaced; otherwise a file, replaced.  Every file is
 * written beside its final name and renamed into place, so a reader never
 * sees half a file; an export that fails leaves the files it had not
 * reached as they were.  All rows come from one read transaction, so the
 * files agree with each other (unless the caller's own transaction is
 * open, whose view is used).  Returns COUNCIL_OK, COUNCIL_EINVAL (bad
 * options or filter), COUNCIL_EIO (naming the path and the system's
 * reason) or a database error; council_errmsg(db) says more. */
COUNCIL_API int council_export(council_db *db, const council_export_options *o, const char *path);

/* Receives the bytes of a single-file export in order; returns 0 to go on,
 * anything else to stop (council_export_write then returns that value). */
typedef int (*council_write_cb)(void *ctx, const char *data, size_t len);

/* Streams a single-file export (ICAL, POPOLO) to cb instead of a file, e.g.
 * to standard output.  COUNCIL_EINVAL for COUNCIL_EXPORT_CSV, which is a
 * directory.  Same transaction rule as council_export. */
COUNCIL_API int council_export_write(council_db *db, const council_export_options *o,
                                     council_write_cb cb, void *ctx);

/* ------------------------------------------------------------------------ */
/* Checks (schema version 7): what the law on community organisations and  */
/* the documents' agreement ask, as findings (the public view findings).   */
/* ------------------------------------------------------------------------ */

/* One finding.  Strings are borrowed, valid during the callback only. */
typedef struct council_finding {
	int64_t council_id;
	const char *council;
	int year;              /* the year it is about; 0 when not dated */
	const char *kind;      /* the check: see council_check_kind */
	const char *detail;    /* what was found, in words */
	const char *record;    /* the records it comes from: "member 3, member 7" */
	const char *documents; /* the documents stating them, paths separated by
	                          "; "; NULL when none (entered by hand) */
} council_finding;

typedef int (*council_finding_cb)(void *ctx, const council_finding *f);

/* Streams the findings, ordered by council (Lithuanian order), year (not
 * dated first), kind and record.  Honours council_id, year_from and
 * year_to (a finding of no particular year is in every year) and limit.
 * Findings are no error: COUNCIL_OK however many there are. */
COUNCIL_API int council_check(council_db *db, const council_filter *f, council_finding_cb cb,
                              void *ctx);

/* Check i (0, 1, ...): its kind ("parity", "no_chair", ...), and in *what
 * (may be NULL) what it asks, in words.  NULL past the last.  Static
 * strings. */
COUNCIL_API const char *council_check_kind(size_t i, const char **what);

/* Coverage (schema version 7): which documents exist for each of the 60
 * municipalities, council and year, and how much they gave (the public
 * view coverage).  Strings borrowed, valid during the callback only. */
typedef struct council_coverage_row {
	const char *municipality; /* NULL for a council naming none of the 60 */
	int64_t council_id;       /* 0 and council NULL: no council recorded */
	const char *council;
	const char *kind;         /* "BO", "NVO", "other"; NULL without council */
	int year;                 /* 0: no year (in the range) recorded */
	int64_t documents, meetings, events, members;
} council_coverage_row;

typedef int (*council_coverage_cb)(void *ctx, const council_coverage_row *r);

/* Streams the coverage: for every municipality (all 60) and council, one
 * row per year in the range with anything recorded, or one row with year
 * 0 when there is none; ordered by municipality and council (Lithuanian
 * order, councils of no known municipality last), then year.  Honours
 * council_id (that council's rows only), year_from, year_to and limit. */
COUNCIL_API int council_coverage(council_db *db, const council_filter *f, council_coverage_cb cb,
                                 void *ctx);
/* Merge: another registry into this one                                    */
/* ------------------------------------------------------------------------ */

/* What council_merge did.  On failure inserted is 0 (nothing was kept). */
typedef struct council_merge_stats {
	int64_t inserted;   /* rows copied (and record_source rows added) */
	int64_t matched;    /* rows this registry already had, by natural key */
	int64_t conflicts;  /* values that differ between the two */
} council_merge_stats;

/* A value the other registry holds differently for the same record.  All
 * strings are borrowed for the call; ours or theirs is NULL for SQL NULL. */
typedef struct council_merge_conflict {
	const char *table;   /* "member" */
	const char *key;     /* the natural key, "council_id=3, name=Ona Petraitė" */
	const char *column;  /* "role" */
	const char *ours;
	const char *theirs;
} council_merge_conflict;
/* Returns 0 to go on listing, nonzero to stop the merge (then COUNCIL_ERROR). */
typedef int (*council_merge_conflict_cb)(void *ctx, const council_merge_conflict *c);

/* Copies the registry in the file path (same schema version; it is only
 * read) into db: every source document (matched by SHA-256), council (by
 * name), member (council, name), meeting (council, start), figure, plan
 * (council, title), measure (plan, number), fulfilment, event (council,
 * start, title), participant group (event, group name), legal act
 * (council, number), alias, review and correction, with ids of db's own.
 * A record db already has is left alone; when another document states it,
 * that document is added to its sources; a value the file leaves NULL is
 * no conflict.  Idempotent: merging the same
 * file again changes nothing.  All or nothing: any conflict (the same
 * record with another value, each passed to cb, which may be NULL) or
 * error leaves db unchanged, COUNCIL_ECONSTRAINT for conflicts.  The
 * inserts are recorded in the history with origin "merge" and the file's
 * path.  Not inside a transaction of the caller's (COUNCIL_EMISUSE: the
 * file is attached).  *out (may be NULL) gets the counts. */
COUNCIL_API int council_merge(council_merge_stats *out, council_db *db, const char *path,
                              council_merge_conflict_cb cb, void *ctx);

/* ------------------------------------------------------------------------ */
/* Report import                                                            */
/* ------------------------------------------------------------------------ */

/* What a report says, extracted and reviewable: councils, members,
 * meetings, figures, plan, measures, events, acts, each with the source
 * span it came from.  Opaque; inspect it record by record with
 * council_extraction_count and council_extraction_<kind> (below), or as a
 * whole through its JSON form. */
typedef struct council_extraction council_extraction;

/* Version of the reviewed-extraction JSON format this library writes and
 * reads (the "format" member: "libcouncil-extraction/1"). */
#define COUNCIL_EXTRACTION_FORMAT "libcouncil-extraction/1"

/* The largest report the importer reads, in bytes (4 MiB, some hundred
 * times a long yearly report).  Longer input is refused with
 * COUNCIL_EINVAL before any parsing, so a wrong or hostile file costs
 * neither minutes of parsing nor its size in memory. */
#define COUNCIL_IMPORT_MAX_BYTES (4u << 20)

/* The largest reviewed extraction (JSON) council_import_parse_json and
 * council_import_file read, in bytes (64 MiB).  An extraction is larger
 * than its report -- every record spelled out with its span, a quote of
 * at most 200 characters -- but a few times, not a hundred: this is far
 * above the JSON of any report under COUNCIL_IMPORT_MAX_BYTES, and still
 * refuses a runaway file before parsing it.  Refused with COUNCIL_EINVAL,
 * "larger than an extraction may be". */
#define COUNCIL_EXTRACTION_MAX_BYTES (64u << 20)

/* Extracts a report from its text (UTF-8; a BOM, CRLF, NBSP and dash
 * variants are normalised).  path names the document in messages and
 * provenance.  Sets *out even on failure; council_extraction_errmsg(*out)
 * then says "path:line: why".  Free with council_extraction_free. */
COUNCIL_API int council_import_parse(council_extraction **out, const char *path,
                                     const char *data, size_t len);

/* Reads a reviewed extraction in the JSON format (see doc/extraction-format.md).
 * Strict: a value of the wrong type or out of range, a member the format
 * does not have, a measure number used twice or a link to no measure is
 * refused with COUNCIL_EPARSE and a message naming its JSON path
 * ("x.json: events[3].measures[0]: no measure with seq 99999"); input past
 * COUNCIL_EXTRACTION_MAX_BYTES with COUNCIL_EINVAL.  Text is read as NFC
 * and span quotes are cut to 200 characters.  Same conventions as
 * council_import_parse otherwise. */
COUNCIL_API int council_import_parse_json(council_extraction **out, const char *path,
                                          const char *data, size_t len);

/* Documents.  A file's format is found from its bytes (magic numbers, the
 * parts inside a ZIP), never from its name: Word .docx, OpenDocument .odt,
 * HTML, PDF with a text layer (read by poppler-utils' pdftotext, run as a
 * separate program), Word 97-2003 .doc (by antiword, when installed),
 * Markdown and plain text in UTF-8 (with or without a BOM), UTF-16 or
 * UTF-32 with a BOM, UTF-16 without one, Windows-1257 and ISO-8859-13.
 * Tables, lists and paragraphs are written into the text in the forms the
 * report reader knows (doc/formats.md).  A container may be up to 64 MiB;
 * its text is held to COUNCIL_IMPORT_MAX_BYTES. */
typedef struct council_document {
	char *text;            /* the UTF-8 text the importer reads (owned) */
	size_t len;
	const char *format;    /* static: "docx", "odt", "html", "pdf", "doc", "markdown", "text" */
	const char *encoding;  /* static: the text's encoding before conversion; NULL for containers */
	size_t *pages;         /* PDF: offset in text where page i + 1 starts (owned) */
	size_t n_pages;
	char errmsg[512];      /* a refusal: what the bytes are and why they are not read */
} council_document;

/* Reads data into *doc.  COUNCIL_EPARSE (not a document or text the
 * importer reads: "a spreadsheet (.xlsx)", "an encrypted PDF", ...),
 * COUNCIL_EINVAL (too large), COUNCIL_EIO (a converter program failed or
 * is missing), COUNCIL_ENOMEM; doc->errmsg says which.  Free with
 * council_document_free in every case (NULL is a no-op). */
COUNCIL_API int council_document_read(council_document *doc, const char *data, size_t len);
COUNCIL_API void council_document_free(council_document *doc);

/* Extracts a report from a file's bytes in any format council_document_read
 * reads, or from a reviewed JSON extraction (a leading '{').  UTF-8 text is
 * read exactly as council_import_parse reads it; other formats through
 * their text, to which the extraction's spans (line, offsets) point.  Same
 * conventions as council_import_parse: a refusal says "path: why". */
COUNCIL_API int council_import_parse_document(council_extraction **out, const char *path,
                                              const char *data, size_t len);

/* The message of the last failure on x; "" when none. */
COUNCIL_API const char *council_extraction_errmsg(const council_extraction *x);

/* The extraction as JSON text in the reviewable format, with every record's
 * source span (line, byte offsets and a quote of at most 200 characters).
 * *out: heap string, free with council_free. */
COUNCIL_API int council_extraction_to_json(char **out, const council_extraction *x);

/* Releases x and everything borrowed from it.  NULL is a no-op. */
COUNCIL_API void council_extraction_free(council_extraction *x);

/* Gives each record of x (members, meetings, figures, measures, events,
 * acts) the id of the record of db an import would match it to -- by its
 * natural key, or the key a review corrected away from -- so that
 * council_extraction_to_json writes it ("id").  A reviewed extraction
 * made from that JSON is then matched by id before natural keys, so a
 * reviewer may correct a key (an event's date or title, a member's name)
 * and the record keeps its id.  Records already holding an id, and those
 * without a match, are left as they are.  Reads db only; x's council not
 * in db is no error (no ids). */
COUNCIL_API int council_extraction_match_ids(council_extraction *x, council_db *db);

/* ---- Walking an extraction ---------------------------------------------- */
/* The records of an extraction (what a dry run would store), read without
 * JSON.  Each kind is numbered 0..count-1 in document order.  The readers
 * fill the same record structs the registry uses, as borrowed read-only
 * views: their strings and arrays point into x and stay valid until x is
 * freed; never pass them to a *_free.  An extraction has no ids yet, so
 * every id field is 0, except that a record refers to another of the same
 * extraction by its number + 1 (participants.event_id, fulfilment.
 * measure_id), so 0 still means "none".  Every reader returns COUNCIL_OK,
 * COUNCIL_ENOTFOUND when i is not below the kind's count, or
 * COUNCIL_EMISUSE when out or x is NULL; span may be NULL. */

/* The kinds of record an extraction holds. */
typedef enum council_record_kind {
	COUNCIL_RECORD_COUNCIL = 0,  /* the council the report is about: 0 or 1 */
	COUNCIL_RECORD_MEMBER,
	COUNCIL_RECORD_MEETING,
	COUNCIL_RECORD_FIGURE,
	COUNCIL_RECORD_PLAN,         /* the action plan it reports on: 0 or 1 */
	COUNCIL_RECORD_MEASURE,      /* the plan's measures */
	COUNCIL_RECORD_FULFILMENT,   /* measures' fulfilment in the report year */
	COUNCIL_RECORD_EVENT,
	COUNCIL_RECORD_PARTICIPANTS, /* events' participant groups, all events */
	COUNCIL_RECORD_ACT
} council_record_kind;

/* Where in the document a record was read: the 1-based line (0 unknown),
 * byte offsets [start, end) into the original text, and that text cleaned
 * of line breaks (borrowed; may be NULL). */
typedef struct council_span {
	int line;
	size_t start;
	size_t end;
	const char *quote;
} council_span;

/* How many records of kind x holds; 0 for a NULL x or an unknown kind. */
COUNCIL_API size_t council_extraction_count(const council_extraction *x, council_record_kind kind);

/* The document itself as the source it would be stored as: path (the
 * reviewed document's, for a JSON extraction), kind, report_year,
 * doc_number, doc_date; sha256 and imported_at are NULL. */
COUNCIL_API int council_extraction_source(council_source *out, const council_extraction *x);

/* Record i of each kind, with its span.  A fulfilment's year is the
 * report's year (-1 unknown) and its measure_id the measure's number + 1;
 * it has the measure's span.  An event's measure_ids is NULL: in a report
 * an event names the plan's measures by their seq, which
 * council_extraction_event_measures gives.  Participants have their
 * event's span. */
COUNCIL_API int council_extraction_council(council_council *out, council_span *span,
                                           const council_extraction *x, size_t i);
COUNCIL_API int council_extraction_member(council_member *out, council_span *span,
                                          const council_extraction *x, size_t i);
COUNCIL_API int council_extraction_meeting(council_meeting *out, council_span *span,
                                           const council_extraction *x, size_t i);
COUNCIL_API int council_extraction_figure(council_figure *out, council_span *span,
                                          const council_extraction *x, size_t i);
COUNCIL_API int council_extraction_plan(council_plan *out, council_span *span,
                                        const council_extraction *x, size_t i);
COUNCIL_API int council_extraction_measure(council_measure *out, council_span *span,
                                           const council_extraction *x, size_t i);
COUNCIL_API int council_extraction_fulfilment(council_fulfilment *out, council_span *span,
                                              const council_extraction *x, size_t i);
COUNCIL_API int council_extraction_event(council_event *out, council_span *span,
                                         const council_extraction *x, size_t i);
COUNCIL_API int council_extraction_participants(council_participants *out, council_span *span,
                                                const council_extraction *x, size_t i);
COUNCIL_API int council_extraction_act(council_act *out, council_span *span,
                                       const council_extraction *x, size_t i);

/* The seq numbers of the plan measures event i serves: *seqs (borrowed, as
 * above) holds *n of them; NULL and 0 when it names none. */
COUNCIL_API int council_extraction_event_measures(const int **seqs, size_t *n,
                                                  const council_extraction *x, size_t i);

typedef enum council_import_status {
	COUNCIL_IMPORT_STORED = 0,  /* a new source was stored */
	COUNCIL_IMPORT_UNCHANGED,   /* these exact bytes were already imported */
	COUNCIL_IMPORT_REPLACED,    /* a new version of a known document: the records
	                               it states were updated in place */
	COUNCIL_IMPORT_REVIEWED     /* a reviewed extraction of a known document:
	                               its records corrected in place (a review,
	                               not a new document) */
} council_import_status;

/* What one import stored.  The counts are the records of each kind the
 * document states, whether new, updated or already as it says (a record
 * another document stated first counts too); for an unchanged import,
 * those the document is recorded as stating. */
typedef struct council_import_result {
	council_import_status status;
	int64_t source_id;
	int64_t council_id;
	char council[512];     /* council name, truncated if longer */
	int year;              /* report year, -1 unknown */
	int64_t meetings, figures, events, members, measures, acts;
} council_import_result;

/* How an import treats what it finds (the *_flags calls below). */
enum {
	/* Replace values a person set -- by hand (the CLI, the library's
	 * *_update calls, SQL) or by loading a reviewed extraction -- with the
	 * document's, instead of keeping them; council_import_notes counts
	 * them.  Without it such values are kept and each disagreement is
	 * noted.  A reviewed extraction sets the values it holds over those
	 * an import or another review set (it is a person's word), and keeps,
	 * noting them, only values set by hand, which it was not made from.
	 * Records a person removed (a *_delete call, or a reviewed
	 * extraction leaving out a record of its document) are kept out of
	 * later imports, each noted and counted in kept_reviewed; with this
	 * flag they are stored again and counted in overwritten_reviewed. */
	COUNCIL_IMPORT_OVERWRITE_REVIEWED = 1 << 0
};

/* What an import did besides the counts of council_import_result: how the
 * records it states were stored, values a person set that it kept, and the
 * duplicates and contradictions it found in its input.  Records are those
 * of every kind counted in council_import_result plus the council, the
 * plan and fulfilments. */
typedef struct council_import_notes {
	int64_t stored;        /* records new to the registry */
	int64_t updated;       /* records that were there and changed */
	int64_t unchanged;     /* records that were there, already as it says */
	int64_t removed;       /* records the document's earlier version stated and
	                          it no longer does, deleted (no other document
	                          states them) */
	int64_t kept_reviewed; /* values a person set, kept against the document */
	int64_t overwritten_reviewed; /* such values replaced (the flag above) */
	int64_t warnings;      /* duplicates and contradictions in the input */
	const char *alias_of;  /* these bytes were already imported from another
	                          path (now recorded as another name of that
	                          document): that document's path; else NULL */
	size_t n_messages;     /* lines for a person, in the order found: each */
	const char *const *messages; /* kept value, warning and the alias; at most
	                          100, then one saying how many more */
} council_import_notes;

/* Stores an extraction in one transaction: everything or nothing.  sha256
 * identifies the document's bytes (64 hex digits).  Uses the caller's
 * transaction when one is open, else its own.
 *
 * The document is named by the extraction's path (a reviewed extraction's
 * "source.path" when it has one), stored canonical: absolute, with symbolic
 * links, "." and ".." resolved (realpath(3) when the file exists, else
 * lexically against the working directory).  Records keep their ids: a new
 * version of a known document updates the records it states, matched by
 * natural keys (council by name; member by council and name; meeting by
 * council and start date; event by council, start date and title folded as
 * council_text_fold does, punctuation and spacing ignored; figure by
 * council, year, metric and value; plan by council and title, else years;
 * measure by plan and seq; fulfilment by measure and year; act by council
 * and number), adds what is new and deletes what it no longer states
 * unless another document states it too.  A reviewed extraction whose
 * source is a known document is a review of it (COUNCIL_IMPORT_REVIEWED);
 * an event whose title the reviewer corrected keeps its id when it is the
 * only event of its date the review left unmatched.
 * Same as council_import_load_flags with flags 0. */
COUNCIL_API int council_import_load(council_import_result *res, council_db *db,
                                    const council_extraction *x, const char *sha256);

/* council_import_load with flags (COUNCIL_IMPORT_OVERWRITE_REVIEWED). */
COUNCIL_API int council_import_load_flags(council_import_result *res, council_db *db,
                                          const council_extraction *x, const char *sha256,
                                          unsigned flags);

/* Reads the file at path, extracts it (or, when it is a JSON extraction,
 * parses it) and loads it: the whole pipeline in one call.  The file may be
 * any document council_import_parse_document reads; the source's SHA-256 is
 * that of the file's own bytes.  A file whose bytes were already imported
 * changes nothing (COUNCIL_IMPORT_UNCHANGED); from another path, that path
 * is recorded as another name of the document
 * (council_import_notes.alias_of). */
COUNCIL_API int council_import_file(council_import_result *res, council_db *db, const char *path);

/* council_import_file with flags (COUNCIL_IMPORT_OVERWRITE_REVIEWED). */
COUNCIL_API int council_import_file_flags(council_import_result *res, council_db *db,
                                          const char *path, unsigned flags);

/* The notes of the last council_import_load*, council_import_file* call on
 * db that succeeded; all zero and NULL before any, or when the last failed.
 * Owned by db, valid until the next import call on db or council_close.
 * Never NULL for a non-NULL db. */
COUNCIL_API const council_import_notes *council_import_notes_last(const council_db *db);

/* How council_import_files works through a list of files. */
typedef struct council_import_options {
	/* Threads working on the import, the caller's included: the caller's
	 * thread stores, in file order, and jobs - 1 more threads read and
	 * extract files ahead of it.  0 = one per online CPU, 1 = everything on
	 * the caller's thread. */
	unsigned jobs;
	/* Files per transaction: 0 = COUNCIL_IMPORT_BATCH, 1 = each file
	 * committed on its own.  Larger batches write each touched page to disk
	 * once per batch instead of once per file. */
	unsigned batch;
} council_import_options;

/* Files per transaction when council_import_options.batch is 0. */
#define COUNCIL_IMPORT_BATCH 100

/* What council_import_files says about one file.  Every pointer is valid
 * during the callback only. */
typedef struct council_import_report {
	const char *path;
	size_t index;                  /* position in the list given */
	int rc;                        /* COUNCIL_OK, or why the file was not stored */
	const char *errmsg;            /* "" when rc is COUNCIL_OK, else "path...: why" */
	council_import_result result;  /* what was stored, when rc is COUNCIL_OK */
	const council_import_notes *notes; /* how, when rc is COUNCIL_OK; else NULL */
} council_import_report;

typedef void (*council_import_cb)(void *ctx, const council_import_report *r);

/* Imports n files as council_import_file would, each stored entirely or not
 * at all, but faster: files are read and extracted on opt->jobs - 1 threads and
 * stored in batches of opt->batch files per transaction, each file inside
 * its own savepoint.  cb (may be NULL) hears of every file once, in list
 * order, after the transaction holding it committed, so a file reported
 * stored is on disk; if a commit fails, every file of that batch is
 * reported failed.  Inside a transaction the caller opened, nothing is
 * committed here and each file is reported as soon as it is stored.  An
 * interrupted import loses at most the batch in progress, and running it
 * again skips the files already stored (COUNCIL_IMPORT_UNCHANGED).
 * opt may be NULL (defaults).  Returns COUNCIL_OK when every file was
 * stored or unchanged, else the status of the first file that failed; the
 * other files are stored all the same. */
COUNCIL_API int council_import_files(council_db *db, const char *const *paths, size_t n,
                                     const council_import_options *opt,
                                     council_import_cb cb, void *ctx);

/* council_import_files with flags (COUNCIL_IMPORT_OVERWRITE_REVIEWED). */
COUNCIL_API int council_import_files_flags(council_db *db, const char *const *paths, size_t n,
                                           const council_import_options *opt, unsigned flags,
                                           council_import_cb cb, void *ctx);

/* The council and year a document is about, when the person importing
 * says so (council import --council, --year): for a document that does
 * not name its council or year.  A document naming another council, or
 * another report year, is refused with COUNCIL_EINVAL ("path: the
 * document names the council "X", not "Y" (--council)"), nothing stored.
 * The same council is the same name (case and diacritics aside), or the
 * same municipality and kind (a council entered by hand under another
 * spelling); the records are stored under the council given.  The year
 * given stands where the title names none (also for dates without a
 * year).  Zero fields give nothing. */
typedef struct council_import_target {
	int64_t council_id;  /* an existing council, or 0 */
	int year;              /* 1990..2100, or 0 */
} council_import_target;

/* council_import_file_flags for target (NULL: as council_import_file_flags).
 * COUNCIL_ENOTFOUND when target->council_id is no council; COUNCIL_EINVAL
 * for a year out of range.  The source document stores the council and
 * year (council_source_list filters by them). */
COUNCIL_API int council_import_file_target(council_import_result *res, council_db *db,
                                           const char *path, unsigned flags,
                                           const council_import_target *target);

/* council_import_files_flags for target (NULL: as council_import_files_flags):
 * every file is held against it as council_import_file_target does. */
COUNCIL_API int council_import_files_target(council_db *db, const char *const *paths, size_t n,
                                            const council_import_options *opt, unsigned flags,
                                            const council_import_target *target,
                                            council_import_cb cb, void *ctx);

/* council_import_parse_document for target, resolved against db (read
 * only; NULL when target names no council): what a dry run of
 * council_import_file_target would store.  A refusal of the target's
 * council or year is told by council_errmsg(db) when *out is NULL, else
 * by council_extraction_errmsg(*out). */
COUNCIL_API int council_import_parse_target(council_extraction **out, council_db *db,
                                            const char *path, const char *data, size_t len,
                                            const council_import_target *target);

/* SHA-256 of a buffer as 64 lowercase hex digits plus NUL. */
COUNCIL_API void council_sha256_hex(char out[65], const void *data, size_t len);

#ifdef __cplusplus
}
#endif
#endif /* COUNCIL_H */
