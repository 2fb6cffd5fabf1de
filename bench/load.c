/* SPDX-License-Identifier: MIT */
/*
 * load.c -- section (1): the generated registry written in one transaction
 * through the public API (council_*_add) and by a raw prepare/bind/step
 * loop into a second fresh file with the same schema and pragmas.  Both
 * write the same rows in the same order; the runs alternate so that neither
 * always meets a colder page cache.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "bench.h"

/* Seconds spent on the whole transaction, on its events part and on the
 * commit; and the CPU seconds of the whole. */
typedef struct load_time {
	double total, events, commit, cpu;
} load_time;

/* A fresh file with the library's schema: council_open creates it. */
static council_db *fresh(const char *path)
{
	council_db *db;

	bench_unlink_db(path);
	if (council_open(&db, path, 0) != COUNCIL_OK)
		bench_die("%s: %s", path, council_errmsg(db));
	return db;
}

#define CHECK(call, what)                                                              \
	do {                                                                           \
		if ((call) != COUNCIL_OK)                                              \
			bench_die("library load: %s: %s", what, council_errmsg(db));  \
	} while (0)

/* ---- through the library ------------------------------------------------- */

static load_time load_lib(const registry *r, const char *path)
{
	council_db *db = fresh(path);
	load_time t;
	double t0, t1;
	size_t i;
	int g;

	t.cpu = bench_cpu();
	t0 = bench_now();
	CHECK(council_begin(db), "begin");
	for (i = 0; i < r->n_councils; i++) {
		const gen_council *s = &r->councils[i];
		council_council c;
		council_council_init(&c);
		c.name = (char *)s->name;
		c.municipality = (char *)s->municipality;
		c.kind = s->kind;
		c.size = s->size;
		c.seats_municipality = s->seats_municipality;
		c.seats_community = s->seats_community;
		CHECK(council_add(NULL, db, &c), "council");
	}
	for (i = 0; i < r->n_members; i++) {
		const gen_member *s = &r->members[i];
		council_member m;
		council_member_init(&m);
		m.council_id = s->council;
		m.name = (char *)s->name;
		m.role = s->role;
		m.represents = (char *)s->represents;
		m.side = s->side;
		m.delegated_by = (char *)s->delegated_by;
		m.term_start = s->term_start;
		m.term_end = s->term_end;
		CHECK(council_member_add(NULL, db, &m), "member");
	}
	for (i = 0; i < r->n_meetings; i++) {
		const gen_meeting *s = &r->meetings[i];
		council_meeting m;
		council_id id;
		council_meeting_init(&m);
		m.council_id = s->council;
		m.date = s->date;
		m.format = s->format;
		m.platform = (char *)s->platform;
		m.location = (char *)s->location;
		m.summary = (char *)s->summary;
		CHECK(council_meeting_add(&id, db, &m), "meeting");
		/* Events refer to meetings by position: the ids must be those. */
		if (id != (council_id)i + 1)
			bench_die("library load: meeting %zu got id %lld", i + 1, (long long)id);
	}
	for (i = 0; i < r->n_figures; i++) {
		const gen_figure *s = &r->figures[i];
		council_figure f;
		council_figure_init(&f);
		f.council_id = s->council;
		f.year = s->year;
		f.metric = s->metric;
		f.value = s->value;
		CHECK(council_figure_add(NULL, db, &f), "figure");
	}
	t1 = bench_now();
	for (i = 0; i < r->n_events; i++) {
		const gen_event *s = &r->events[i];
		council_event e;
		council_id id;
		council_event_init(&e);
		e.council_id = s->council;
		e.meeting_id = s->meeting;
		e.title = (char *)s->title;
		e.kind = s->kind;
		e.organiser = (char *)s->organiser;
		e.date = s->date;
		e.location = (char *)s->location;
		e.remote = s->remote;
		e.description = (char *)s->description;
		CHECK(council_event_add(&id, db, &e), "event");
		for (g = 0; g < s->n_groups; g++) {
			council_participants p;
			council_participants_init(&p);
			p.event_id = id;
			p.count = s->groups[g].count;
			p.qualifier = s->groups[g].qualifier;
			p.group_name = (char *)s->groups[g].name;
			CHECK(council_participants_add(NULL, db, &p), "participants");
		}
	}
	t.commit = bench_now();
	CHECK(council_commit(db), "commit");
	t.commit = bench_now() - t.commit;
	t.events = bench_now() - t1;
	t.total = bench_now() - t0;
	t.cpu = bench_cpu() - t.cpu;
	council_close(db);
	return t;
}

/* ---- raw SQLite ---------------------------------------------------------- */

static sqlite3_stmt *prep(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK)
		bench_die("raw load: %s: %s", sql, sqlite3_errmsg(db));
	return st;
}

static void run(sqlite3 *db, sqlite3_stmt *st)
{
	if (sqlite3_step(st) != SQLITE_DONE)
		bench_die("raw load: %s: %s", sqlite3_sql(st), sqlite3_errmsg(db));
	sqlite3_reset(st);
}

/* Text or NULL, as a raw loader binds an optional column. */
static void bind_opt(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

static void bind_opt_id(sqlite3_stmt *st, int i, council_id id)
{
	if (id > 0)
		sqlite3_bind_int64(st, i, id);
	else
		sqlite3_bind_null(st, i);
}

/* cache_kib: 0 for SQLite's default page cache, as the library has it;
 * else the cache a raw loader could give itself for a big transaction. */
static load_time load_raw(const registry *r, const char *path, int cache_kib)
{
	/* The enumerations' text forms, as the schema's CHECKs spell them; a
	 * raw loader has its own copy of them. */
	static const char *const kinds[] = { "BO", "NVO", "other" };
	static const char *const roles[] = { "member", "chair", "deputy", "secretary" };
	static const char *const sides[] = { NULL, "municipality", "community" };
	static const char *const formats[] = { "unknown", "in_person", "remote", "hybrid" };
	static const char *const quals[] = { "exact", "more_than", "at_least", "about" };
	static const char *const metrics[] = { "meetings", "meetings_remote", "members", "events",
	                                       "participants" };
	static const char *const ekinds[] = {
		"other", "seminar", "training", "conference", "visit", "discussion",
		"presentation", "consultation", "festival", "exhibition", "workshop", "forum"
	};
	sqlite3 *db;
	sqlite3_stmt *ins_council, *ins_member, *ins_meeting, *ins_figure, *ins_event, *ins_part;
	char a[COUNCIL_DATE_BUFSIZE], b[COUNCIL_DATE_BUFSIZE];
	load_time t;
	double t0, t1;
	size_t i;
	int g;

	council_close(fresh(path)); /* the same schema, applied by the library */
	db = bench_raw_open(path, 0);
	if (cache_kib) {
		char sql[64];
		snprintf(sql, sizeof sql, "PRAGMA cache_size = -%d", cache_kib);
		bench_raw_exec(db, sql);
	}
	ins_council = prep(db, "INSERT INTO council(name, municipality, kind, founding_act, size, "
	                       "seats_municipality, seats_community, source_id) "
	                       "VALUES (?,?,?,?,?,?,?,?)");
	ins_member = prep(db, "INSERT INTO member(council_id, name, role, represents, side, "
	                      "delegated_by, term_start, term_end, source_id) "
	                      "VALUES (?,?,?,?,?,?,?,?,?)");
	ins_meeting = prep(db, "INSERT INTO meeting(council_id, date_start, date_end, format, "
	                       "platform, location, summary, source_id, year) "
	                       "VALUES (?,?,?,?,?,?,?,?,?)");
	ins_figure = prep(db, "INSERT INTO reported_figure(council_id, year, metric, value, "
	                      "qualifier, source_id) VALUES (?,?,?,?,?,?)");
	ins_event = prep(db, "INSERT INTO event(council_id, meeting_id, title, kind, organiser, "
	                     "date_start, date_end, location, remote, description, source_id, year) "
	                     "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
	ins_part = prep(db, "INSERT INTO event_participants(event_id, count, qualifier, "
	                    "group_name, source_id) VALUES (?,?,?,?,?)");

	t.cpu = bench_cpu();
	t0 = bench_now();
	bench_raw_exec(db, "BEGIN IMMEDIATE");
	for (i = 0; i < r->n_councils; i++) {
		const gen_council *s = &r->councils[i];
		sqlite3_bind_text(ins_council, 1, s->name, -1, SQLITE_STATIC);
		bind_opt(ins_council, 2, s->municipality);
		sqlite3_bind_text(ins_council, 3, kinds[s->kind], -1, SQLITE_STATIC);
		sqlite3_bind_null(ins_council, 4);
		sqlite3_bind_int(ins_council, 5, s->size);
		sqlite3_bind_int(ins_council, 6, s->seats_municipality);
		sqlite3_bind_int(ins_council, 7, s->seats_community);
		sqlite3_bind_null(ins_council, 8);
		run(db, ins_council);
	}
	for (i = 0; i < r->n_members; i++) {
		const gen_member *s = &r->members[i];
		sqlite3_bind_int64(ins_member, 1, s->council);
		sqlite3_bind_text(ins_member, 2, s->name, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins_member, 3, roles[s->role], -1, SQLITE_STATIC);
		bind_opt(ins_member, 4, s->represents);
		bind_opt(ins_member, 5, sides[s->side]);
		bind_opt(ins_member, 6, s->delegated_by);
		bind_opt(ins_member, 7, s->term_start.year ? bench_date_text(a, &s->term_start) : NULL);
		bind_opt(ins_member, 8, s->term_end.year ? bench_date_text(b, &s->term_end) : NULL);
		sqlite3_bind_null(ins_member, 9);
		run(db, ins_member);
	}
	for (i = 0; i < r->n_meetings; i++) {
		const gen_meeting *s = &r->meetings[i];
		sqlite3_bind_int64(ins_meeting, 1, s->council);
		sqlite3_bind_text(ins_meeting, 2, bench_date_text(a, &s->date.start), -1, SQLITE_STATIC);
		sqlite3_bind_text(ins_meeting, 3, bench_date_text(b, &s->date.end), -1, SQLITE_STATIC);
		sqlite3_bind_text(ins_meeting, 4, formats[s->format], -1, SQLITE_STATIC);
		bind_opt(ins_meeting, 5, s->platform);
		bind_opt(ins_meeting, 6, s->location);
		bind_opt(ins_meeting, 7, s->summary);
		sqlite3_bind_null(ins_meeting, 8);
		sqlite3_bind_int(ins_meeting, 9, s->date.start.year);
		run(db, ins_meeting);
	}
	for (i = 0; i < r->n_figures; i++) {
		const gen_figure *s = &r->figures[i];
		sqlite3_bind_int64(ins_figure, 1, s->council);
		sqlite3_bind_int(ins_figure, 2, s->year);
		sqlite3_bind_text(ins_figure, 3, metrics[s->metric], -1, SQLITE_STATIC);
		sqlite3_bind_int64(ins_figure, 4, s->value);
		sqlite3_bind_text(ins_figure, 5, "exact", -1, SQLITE_STATIC);
		sqlite3_bind_null(ins_figure, 6);
		run(db, ins_figure);
	}
	t1 = bench_now();
	for (i = 0; i < r->n_events; i++) {
		const gen_event *s = &r->events[i];
		council_id id;
		sqlite3_bind_int64(ins_event, 1, s->council);
		bind_opt_id(ins_event, 2, s->meeting);
		sqlite3_bind_text(ins_event, 3, s->title, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins_event, 4, ekinds[s->kind], -1, SQLITE_STATIC);
		bind_opt(ins_event, 5, s->organiser);
		sqlite3_bind_text(ins_event, 6, bench_date_text(a, &s->date.start), -1, SQLITE_STATIC);
		sqlite3_bind_text(ins_event, 7, bench_date_text(b, &s->date.end), -1, SQLITE_STATIC);
		bind_opt(ins_event, 8, s->location);
		if (s->remote >= 0)
			sqlite3_bind_int(ins_event, 9, s->remote);
		else
			sqlite3_bind_null(ins_event, 9);
		bind_opt(ins_event, 10, s->description);
		sqlite3_bind_null(ins_event, 11);
		sqlite3_bind_int(ins_event, 12, s->date.start.year);
		run(db, ins_event);
		id = sqlite3_last_insert_rowid(db);
		for (g = 0; g < s->n_groups; g++) {
			sqlite3_bind_int64(ins_part, 1, id);
			sqlite3_bind_int64(ins_part, 2, s->groups[g].count);
			sqlite3_bind_text(ins_part, 3, quals[s->groups[g].qualifier], -1, SQLITE_STATIC);
			bind_opt(ins_part, 4, s->groups[g].name);
			sqlite3_bind_null(ins_part, 5);
			run(db, ins_part);
		}
	}
	t.commit = bench_now();
	bench_raw_exec(db, "COMMIT");
	t.commit = bench_now() - t.commit;
	t.events = bench_now() - t1;
	t.total = bench_now() - t0;
	t.cpu = bench_cpu() - t.cpu;
	sqlite3_finalize(ins_council);
	sqlite3_finalize(ins_member);
	sqlite3_finalize(ins_meeting);
	sqlite3_finalize(ins_figure);
	sqlite3_finalize(ins_event);
	sqlite3_finalize(ins_part);
	sqlite3_close(db);
	return t;
}

/* The row's values as text, separated by spaces. */
static void row_text(char *buf, size_t size, sqlite3_stmt *st)
{
	size_t used = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < sqlite3_column_count(st) && used < size; i++) {
		const unsigned char *v = sqlite3_column_text(st, i);
		int n = snprintf(buf + used, size - used, "%s%s", i ? " " : "",
		                 v ? (const char *)v : "NULL");
		if (n < 0)
			break;
		used += (size_t)n;
	}
}

/* The two files must hold the same rows: a quick fingerprint of each table
 * catches a loader that skipped or changed something. */
static void compare(const char *lib_db, const char *raw_db)
{
	static const char *const sql[] = {
		"SELECT count(*), total(size) FROM council",
		"SELECT count(*), total(council_id), total(length(name)), total(role = 'chair') FROM member",
		"SELECT count(*), total(council_id), total(year), total(length(date_end)) FROM meeting",
		"SELECT count(*), total(value) FROM reported_figure",
		"SELECT count(*), total(council_id), total(meeting_id), total(year), "
		"total(length(title)), total(remote) FROM event",
		"SELECT count(*), total(event_id), total(count), total(length(group_name)) "
		"FROM event_participants",
	};
	sqlite3 *a = bench_raw_open(lib_db, 1), *b = bench_raw_open(raw_db, 1);
	size_t i;

	for (i = 0; i < sizeof sql / sizeof sql[0]; i++) {
		sqlite3_stmt *sa, *sb;
		char ta[256], tb[256];
		if (sqlite3_prepare_v2(a, sql[i], -1, &sa, NULL) != SQLITE_OK ||
		    sqlite3_prepare_v2(b, sql[i], -1, &sb, NULL) != SQLITE_OK)
			bench_die("compare: %s", sqlite3_errmsg(a));
		if (sqlite3_step(sa) != SQLITE_ROW || sqlite3_step(sb) != SQLITE_ROW)
			bench_die("compare: %s", sql[i]);
		row_text(ta, sizeof ta, sa);
		row_text(tb, sizeof tb, sb);
		if (strcmp(ta, tb) != 0)
			bench_die("the loads differ: %s gives %s (library) and %s (raw)", sql[i], ta, tb);
		sqlite3_finalize(sa);
		sqlite3_finalize(sb);
	}
	sqlite3_close(a);
	sqlite3_close(b);
}

/* Leaves the WAL empty, so that later sections read one file. */
static void checkpoint(const char *path)
{
	sqlite3 *db = bench_raw_open(path, 0);

	bench_raw_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)");
	sqlite3_close(db);
}

void bench_load_library(const registry *r, const char *path)
{
	load_time t = load_lib(r, path);

	checkpoint(path);
	bench_log("load: library %.2f s (CPU %.2f s), %zu rows", t.total, t.cpu, registry_rows(r));
}

void bench_load(const bench_opts *o, const registry *r, const char *lib_db, const char *raw_db)
{
	double lib_total[16], raw_total[16], lib_ev[16], raw_ev[16], lib_cpu[16], raw_cpu[16];
	double rows = (double)registry_rows(r), ev_rows = (double)(r->n_events + r->n_groups);
	double lt, rt, le, re, lc, rc;
	load_time big;
	int i, n = o->load_runs > 16 ? 16 : o->load_runs;

	for (i = 0; i < n; i++) {
		load_time l, w;
		/* Alternate who goes first: the second writer of a pair finds the
		 * page cache and the allocator warmed by the first. */
		if (i % 2 == 0) {
			w = load_raw(r, raw_db, 0);
			l = load_lib(r, lib_db);
		} else {
			l = load_lib(r, lib_db);
			w = load_raw(r, raw_db, 0);
		}
		lib_total[i] = l.total, lib_ev[i] = l.events, lib_cpu[i] = l.cpu;
		raw_total[i] = w.total, raw_ev[i] = w.events, raw_cpu[i] = w.cpu;
		bench_log("load %d/%d: library %.2f s (CPU %.2f s, commit %.2f s), raw %.2f s "
		          "(CPU %.2f s, commit %.2f s), %zu rows", i + 1, n, l.total, l.cpu, l.commit,
		          w.total, w.cpu, w.commit, registry_rows(r));
	}
	compare(lib_db, raw_db);
	/* What the engine does when the transaction's pages fit in its cache:
	 * the headroom SQLite's 2 MB default leaves (see README). */
	big = load_raw(r, raw_db, 65536);
	bench_log("load: raw with a 64 MiB page cache %.2f s (CPU %.2f s)", big.total, big.cpu);
	checkpoint(lib_db);
	lt = bench_median(lib_total, n), rt = bench_median(raw_total, n);
	le = bench_median(lib_ev, n), re = bench_median(raw_ev, n);
	lc = bench_median(lib_cpu, n), rc = bench_median(raw_cpu, n);
	bench_row(bench_fmt("(1) bulk load, %.2fM rows in one transaction: rows/s", rows / 1e6),
	          bench_fmt("%.0fk", rows / lt / 1e3), bench_fmt("%.0fk", rows / rt / 1e3),
	          bench_fmt("%.2f×", rt / lt), bench_fmt("%.2f×", rc / lc), "≥ 0.80×", rt / lt >= 0.8);
	bench_row("(1) of which events + participant groups: rows/s",
	          bench_fmt("%.0fk", ev_rows / le / 1e3), bench_fmt("%.0fk", ev_rows / re / 1e3),
	          bench_fmt("%.2f×", re / le), "", "", -1);
	bench_row("(1) raw again, with PRAGMA cache_size = -65536: rows/s", "",
	          bench_fmt("%.0fk", rows / big.total / 1e3), "", "", "", -1);
	bench_note("(1) %zu councils, %zu members, %zu meetings, %zu figures, %zu events, %zu "
	           "participant groups; median of %d alternating runs: library %.2f s (CPU %.2f s), "
	           "raw %.2f s (CPU %.2f s); both files hold the same rows.  Ratios are raw time "
	           "over library time (above 1: the library was faster).",
	           r->n_councils, r->n_members, r->n_meetings, r->n_figures, r->n_events,
	           r->n_groups, n, lt, lc, rt, rc);
}
