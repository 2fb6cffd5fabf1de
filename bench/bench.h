/* SPDX-License-Identifier: MIT */
/*
 * bench.h -- what the parts of council-bench share: the run's settings, the
 * generated registry both loaders write, timing, and the result table.
 * The library is reached only through council.h; "raw" code calls sqlite3
 * directly on the same schema.  Nothing here is part of libcouncil.
 */
#ifndef COUNCIL_BENCH_H
#define COUNCIL_BENCH_H

#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>

#include <council.h>

/* ---- settings ------------------------------------------------------------ */

typedef struct bench_opts {
	int64_t events;       /* events in the generated registry */
	int64_t meetings;     /* events / 10 */
	int64_t members;      /* events / 50 */
	int councils;         /* 60 */
	int years;            /* 15, from 2010 */
	int reports;          /* import corpus size; also measured at reports / 10 */
	int load_runs;        /* bulk loads of each kind; the median is reported */
	int query_runs;       /* timed runs of each query; the median is reported */
	int proc_runs;        /* runs of each whole process in the CLI comparison */
	int import_runs;      /* `council import` runs of each size; the median is reported */
	int quick;
	int keep;             /* leave the work directory behind */
	int plans;            /* print every EXPLAIN QUERY PLAN */
	const char *dir;      /* work directory */
	const char *council_exe;
	const char *sqlite3_exe;
	const char *python;
	const char *gen_script;
	const char *only;     /* run one section: load, query, import, cli */
	const char *registry; /* an existing library registry to query instead of loading */
} bench_opts;

/* ---- timing -------------------------------------------------------------- */

double bench_now(void);                 /* monotonic seconds */
/* CPU seconds this thread has run: unlike wall time, not stretched when
 * other processes take the cores, so ratios of it stay steady on a busy
 * machine (it leaves out time waiting for I/O). */
double bench_cpu(void);
double bench_median(double *v, int n);  /* sorts v */

/* ---- the result table ---------------------------------------------------- */

/* One row: what was measured, the library's and raw SQLite's figure (""
 * when there is no raw counterpart), the ratio of wall times and of CPU
 * times, the target, and whether it was met (-1: no target). */
void bench_row(const char *figure, const char *lib, const char *raw, const char *ratio,
               const char *cpu_ratio, const char *target, int met);
/* The same with the limit: the time of the fastest SQL an expert would
 * write for the same answer on the schema as the library maintains it,
 * and the library's time over it. */
void bench_row_limit(const char *figure, const char *lib, const char *raw, const char *limit,
                     const char *ratio, const char *cpu_ratio, const char *limit_ratio,
                     const char *target, int met);
void bench_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints the table and notes collected so far. */
void bench_print_table(void);
/* Formats into one of a few rotating static buffers, for bench_row. */
const char *bench_fmt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Progress on stderr, so stdout carries only the result. */
void bench_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Reports a failure on stderr and exits. */
void bench_die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

/* ---- the generated registry ---------------------------------------------- */

typedef struct gen_group {
	int count;
	council_qualifier qualifier;
	const char *name;
} gen_group;

typedef struct gen_event {
	council_id council;
	council_id meeting;         /* 0, or a meeting of the same council */
	const char *title, *organiser, *location, *description;
	council_event_kind kind;
	int remote;                 /* -1, 0, 1 */
	council_period date;
	int n_groups;
	gen_group groups[3];
} gen_event;

typedef struct gen_meeting {
	council_id council;
	council_period date;
	council_format format;
	const char *platform, *location, *summary;
} gen_meeting;

typedef struct gen_member {
	council_id council;
	const char *name, *represents, *delegated_by;
	council_role role;
	council_side side;
	council_date term_start, term_end;
} gen_member;

typedef struct gen_figure {
	council_id council;
	int year;
	council_metric metric;
	int64_t value;
} gen_figure;

typedef struct gen_council {
	const char *name, *municipality;
	council_kind kind;
	int size, seats_municipality, seats_community;
} gen_council;

typedef struct registry {
	gen_council *councils;
	size_t n_councils;
	gen_member *members;
	size_t n_members;
	gen_meeting *meetings;
	size_t n_meetings;
	gen_figure *figures;
	size_t n_figures;
	gen_event *events;
	size_t n_events;
	size_t n_groups;            /* participant groups over all events */
	int first_year;
} registry;

/* Builds the registry the options describe, the same for the same options.
 * Ids are 1-based positions: both loaders insert in array order into a
 * fresh database, so the rowids match. */
void registry_build(registry *r, const bench_opts *o);
void registry_free(registry *r);
/* Rows a full load writes (every table). */
size_t registry_rows(const registry *r);

/* Text of a date as the schema stores it; buf holds COUNCIL_DATE_BUFSIZE. */
char *bench_date_text(char *buf, const council_date *d);

/* ---- the sections -------------------------------------------------------- */

/* (1) Bulk load through the API and raw; leaves the library's database at
 * lib_db for the later sections. */
void bench_load(const bench_opts *o, const registry *r, const char *lib_db, const char *raw_db);
/* (2) The API queries against the same SQL run raw, on db. */
void bench_queries(const bench_opts *o, const registry *r, const char *db);
/* (3) Import throughput of the CLI over a generated corpus. */
void bench_import(const bench_opts *o);
/* (4) `council query meetings` against `sqlite3 DB 'SELECT ...'`. */
void bench_cli(const bench_opts *o, const char *db);

/* (5) A national registry at ten times today's real size: every `council
 * query` as a process against the sqlite3 shell running its limit SQL. */
void bench_national(const bench_opts *o);

/* Loads r through the library into a fresh file at path (no raw twin). */
void bench_load_library(const registry *r, const char *path);

/* The limit SQL of a question (queries.c, "the limits"), by its name there:
 * "meetings all", "participants one", "participants per year all",
 * "events range", "members all". */
const char *bench_limit_sql(const char *question);

/* Room for a path in the work directory, and for one with a suffix. */
#define BENCH_PATH 4096
#define BENCH_PATH_X (BENCH_PATH + 64)

/* The --measure-child mode: runs argv[3...] and writes its peak RSS (KiB)
 * and CPU seconds to argv[2]; returns its exit status (process.c). */
int bench_measure_child(int argc, char **argv);

/* Removes a database file with its -wal and -shm. */
void bench_unlink_db(const char *path);

/* Removes the files the benchmark wrote in o->dir, and the directory when
 * that leaves it empty. */
void bench_cleanup(const bench_opts *o);

/* Opens path with sqlite3 as the library would (same pragmas), for raw runs. */
sqlite3 *bench_raw_open(const char *path, int readonly);
void bench_raw_exec(sqlite3 *db, const char *sql);

#endif
