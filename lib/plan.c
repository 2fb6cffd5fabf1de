/* SPDX-License-Identifier: MIT */
/*
 * plan.c -- action plans, their numbered measures with the units
 * responsible for each (kept in order in measure_responsible), and what a
 * report says was done under a measure in a year (measure_fulfilment).
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "sqlbuf.h"

/* ---- plans --------------------------------------------------------------- */

void council_plan_init(council_plan *r)
{
	memset(r, 0, sizeof *r);
	r->year_from = r->year_to = -1;
}

static int plan_check(council_db *db, const void *rec)
{
	const council_plan *r = rec;
	int rc;

	if ((rc = cdb_require_id(db, "plan.council_id", r->council_id)) != COUNCIL_OK ||
	    (rc = cdb_require_text(db, "plan.title", r->title, 0)) != COUNCIL_OK ||
	    (rc = cdb_check_int(db, "plan.year_from", r->year_from, 1990, 2100, 0)) != COUNCIL_OK ||
	    (rc = cdb_check_int(db, "plan.year_to", r->year_to, 1990, 2100, 0)) != COUNCIL_OK)
		return rc;
	if (r->year_from >= 0 && r->year_to >= 0 && r->year_to < r->year_from)
		return cdb_error(db, COUNCIL_EINVAL, "plan.year_to: %d precedes year_from %d",
		                 r->year_to, r->year_from);
	return COUNCIL_OK;
}

#define PLAN_COLS "council_id, title, year_from, year_to, source_id"

static void plan_bind(sqlite3_stmt *st, const void *rec)
{
	const council_plan *r = rec;

	cdb_bind_id(st, 1, r->council_id);
	cdb_bind_text(st, 2, r->title);
	cdb_bind_opt_int(st, 3, r->year_from);
	cdb_bind_opt_int(st, 4, r->year_to);
	cdb_bind_id(st, 5, r->source_id);
}

static void plan_read(sqlite3_stmt *st, void *rec)
{
	council_plan *r = rec;

	r->id = sqlite3_column_int64(st, 0);
	r->council_id = sqlite3_column_int64(st, 1);
	r->title = (char *)cdb_col_text(st, 2);
	r->year_from = (int)cdb_col_opt_int(st, 3);
	r->year_to = (int)cdb_col_opt_int(st, 4);
	r->source_id = sqlite3_column_int64(st, 5);
}

static int plan_emit(council_db *db, cdb_fn cb, void *ctx, void *rec)
{
	(void)db;
	return ((council_plan_cb)cb)(ctx, rec);
}

static int plan_failed(council_db *db, int rc, const void *rec)
{
	const council_plan *r = rec;
	const cdb_ref refs[] = {
		{ "council", "plan.council_id", r->council_id },
		{ "source_document", "plan.source_id", r->source_id },
	};

	return cdb_blame_fk(db, rc, refs, sizeof refs / sizeof refs[0]);
}

static const size_t plan_strings[] = { offsetof(council_plan, title) };

static const cdb_entity plan_entity = {
	"plan", sizeof(council_plan), plan_strings, 1,
	plan_read, plan_emit, plan_check, plan_bind, 5, plan_failed, NULL, NULL,
};

void council_plan_free(council_plan *r)
{
	cdb_record_free(&plan_entity, r);
}

int council_plan_add(council_id *id, council_db *db, const council_plan *r)
{
	static const char sql[] = "INSERT INTO plan(" PLAN_COLS ") VALUES (?,?,?,?,?)";

	return cdb_record_add(id, db, &plan_entity, sql, r);
}

int council_plan_get(council_plan **out, council_db *db, council_id id)
{
	static const char sql[] = "SELECT id, " PLAN_COLS " FROM plan WHERE id = ?";

	return cdb_record_get((void **)out, db, &plan_entity, sql, id);
}

int council_plan_update(council_db *db, const council_plan *r)
{
	static const char sql[] = "UPDATE plan SET (" PLAN_COLS ") = (?,?,?,?,?) WHERE id = ?6";

	return cdb_record_update(db, &plan_entity, sql, r);
}

int council_plan_delete(council_db *db, council_id id)
{
	/* ON DELETE CASCADE takes the measures, their units and fulfilment. */
	return cdb_record_delete(db, &plan_entity, "DELETE FROM plan WHERE id = ?", id);
}

int council_plan_list(council_db *db, const council_filter *f, council_plan_cb cb, void *ctx)
{
	sqlbuf q;
	int rc;

	if ((rc = cdb_enter(db)) != COUNCIL_OK)
		return rc;
	sqlbuf_init(&q, "SELECT id, " PLAN_COLS " FROM plan WHERE 1");
	sqlbuf_add_filters(&q, f, "", SQLBUF_COUNCIL | SQLBUF_SOURCE);
	/* A plan covers year_from..year_to; one known end stands for both, and
	 * a plan with neither has no years to overlap. */
	if (f && f->year_from > 0)
		sqlbuf_add(&q, " AND coalesce(year_to, year_from) >= :year_from");
	if (f && f->year_to > 0)
		sqlbuf_add(&q, " AND coalesce(year_from, year_to) <= :year_to");
	sqlbuf_add_order(&q, f, " ORDER BY council_id, year_from, year_to, id");
	return sqlbuf_stream(db, &q, f, &plan_entity, (cdb_fn)cb, ctx);
}

/* ---- measures ------------------------------------------------------------ */

void council_measure_init(council_measure *r)
{
	memset(r, 0, sizeof *r);
	r->seq = -1;
}

static int measure_check(council_db *db, const void *rec)
{
	const council_measure *r = rec;
	size_t i;
	int rc;

	if ((rc = cdb_require_id(db, "measure.plan_id", r->plan_id)) != COUNCIL_OK ||
	    (rc = cdb_check_int(db, "measure.seq", r->seq, 1, 100000, 1)) != COUNCIL_OK ||
	    (rc = cdb_require_text(db, "measure.name", r->name, 0)) != COUNCIL_OK ||
	    (rc = cdb_check_text(db, "measure.indicator", r->indicator, 0)) != COUNCIL_OK)
		return rc;
	if (r->n_responsible && !r->responsible)
		return cdb_error(db, COUNCIL_EINVAL, "measure.responsible: %zu units but no array",
		                 r->n_responsible);
	for (i = 0; i < r->n_responsible; i++) {
		char field[64];
		snprintf(field, sizeof field, "measure.responsible[%zu]", i);
		if ((rc = cdb_require_text(db, field, r->responsible[i], 0)) != COUNCIL_OK)
			return rc;
	}
	return COUNCIL_OK;
}

#define MEASURE_COLS "plan_id, seq, name, indicator, source_id"

static void measure_bind(sqlite3_stmt *st, const void *rec)
{
	const council_measure *r = rec;

	cdb_bind_id(st, 1, r->plan_id);
	sqlite3_bind_int(st, 2, r->seq);
	cdb_bind_text(st, 3, r->name);
	cdb_bind_text(st, 4, r->indicator);
	cdb_bind_id(st, 5, r->source_id);
}

static void measure_read(sqlite3_stmt *st, void *rec)
{
	council_measure *r = rec;

	r->id = sqlite3_column_int64(st, 0);
	r->plan_id = sqlite3_column_int64(st, 1);
	r->seq = sqlite3_column_int(st, 2);
	r->name = (char *)cdb_col_text(st, 3);
	r->indicator = (char *)cdb_col_text(st, 4);
	r->source_id = sqlite3_column_int64(st, 5);
	r->responsible = NULL;
	r->n_responsible = 0;
}

static void free_units(void *arr, size_t n)
{
	const char **units = arr;
	size_t i;

	for (i = 0; units && i < n; i++)
		cdb_free_const(units[i]);
	free(units);
}

static int read_unit(sqlite3_stmt *st, void *item)
{
	int oom = 0;

	*(const char **)item = cdb_col_dup(st, 0, &oom);
	return oom;
}

static void bind_unit(sqlite3_stmt *st, const void *rec, size_t i)
{
	cdb_bind_text(st, 3, ((const council_measure *)rec)->responsible[i]);
}

static const cdb_items units_list = {
	"measure.responsible", sizeof(const char *), read_unit, bind_unit, free_units,
};

/* Reads measure r->id's units, in order, into r->responsible (heap). */
static int load_units(council_db *db, council_measure *r)
{
	static const char sql[] =
		"SELECT unit FROM measure_responsible WHERE measure_id = ? ORDER BY pos";
	void *units;
	int rc = cdb_load_items(&units, &r->n_responsible, db, sql, r->id, &units_list);

	r->responsible = units;
	return rc;
}

static size_t measure_n_items(const void *rec)
{
	return ((const council_measure *)rec)->n_responsible;
}

/* Replaces the stored units of measure id with r's, keeping their order. */
static int measure_write_items(council_db *db, council_id id, const void *rec, int update)
{
	static const char del[] = "DELETE FROM measure_responsible WHERE measure_id = ?";
	static const char ins[] =
		"INSERT INTO measure_responsible(measure_id, pos, unit) VALUES (?1, ?2, ?3)";
	size_t at = 0;

	return cdb_write_items(&at, db, del, ins, id, rec,
	                       ((const council_measure *)rec)->n_responsible, update, &units_list);
}

static int measure_emit(council_db *db, cdb_fn cb, void *ctx, void *rec)
{
	council_measure *r = rec;
	int rc = load_units(db, r);

	if (rc != COUNCIL_OK)
		return rc;
	rc = ((council_measure_cb)cb)(ctx, r);
	free_units(r->responsible, r->n_responsible);
	return rc;
}

static int measure_failed(council_db *db, int rc, const void *rec)
{
	const council_measure *r = rec;
	const cdb_ref refs[] = {
		{ "plan", "measure.plan_id", r->plan_id },
		{ "source_document", "measure.source_id", r->source_id },
	};

	if (rc == COUNCIL_EEXISTS)
		return cdb_error(db, rc, "measure.seq: plan %lld already has a measure %d",
		                 (long long)r->plan_id, r->seq);
	return cdb_blame_fk(db, rc, refs, sizeof refs / sizeof refs[0]);
}

static const size_t measure_strings[] = {
	offsetof(council_measure, name), offsetof(council_measure, indicator),
};

static const cdb_entity measure_entity = {
	"measure", sizeof(council_measure), measure_strings, 2,
	measure_read, measure_emit, measure_check, measure_bind, 5, measure_failed,
	measure_n_items, measure_write_items,
};

void council_measure_free(council_measure *r)
{
	if (!r)
		return;
	free_units(r->responsible, r->n_responsible);
	cdb_record_free(&measure_entity, r);
}

int council_measure_add(council_id *id, council_db *db, const council_measure *r)
{
	static const char sql[] = "INSERT INTO measure(" MEASURE_COLS ") VALUES (?,?,?,?,?)";

	return cdb_record_add(id, db, &measure_entity, sql, r);
}

int council_measure_get(council_measure **out, council_db *db, council_id id)
{
	static const char sql[] = "SELECT id, " MEASURE_COLS " FROM measure WHERE id = ?";
	int rc = cdb_record_get((void **)out, db, &measure_entity, sql, id);

	if (rc == COUNCIL_OK && (rc = load_units(db, *out)) != COUNCIL_OK) {
		council_measure_free(*out);
		*out = NULL;
	}
	return rc;
}

int council_measure_update(council_db *db, const council_measure *r)
{
	static const char sql[] =
		"UPDATE measure SET (" MEASURE_COLS ") = (?,?,?,?,?) WHERE id = ?6";

	return cdb_record_update(db, &measure_entity, sql, r);
}

int council_measure_delete(council_db *db, council_id id)
{
	return cdb_record_delete(db, &measure_entity, "DELETE FROM measure WHERE id = ?", id);
}

int council_measure_list(council_db *db, const council_filter *f, council_measure_cb cb,
                         void *ctx)
{
	sqlbuf q;
	int rc;

	if ((rc = cdb_enter(db)) != COUNCIL_OK)
		return rc;
	sqlbuf_init(&q, "SELECT id, " MEASURE_COLS " FROM measure WHERE 1");
	if (f && f->parent_id > 0)
		sqlbuf_add(&q, " AND plan_id = :parent");
	if (f && f->council_id > 0)
		sqlbuf_add(&q, " AND plan_id IN (SELECT id FROM plan WHERE council_id = :council)");
	sqlbuf_add_filters(&q, f, "", SQLBUF_SOURCE);
	sqlbuf_add_order(&q, f, " ORDER BY plan_id, seq");
	return sqlbuf_stream(db, &q, f, &measure_entity, (cdb_fn)cb, ctx);
}

/* ---- fulfilment ---------------------------------------------------------- */

void council_fulfilment_init(council_fulfilment *r)
{
	memset(r, 0, sizeof *r);
	r->year = -1;
}

/* What was done in a year the plan does not cover is a mistake (a wrong
 * year, or the wrong plan's measure): refused, naming the years.  A
 * missing measure is left to the foreign key, which names the field. */
static int fulfilment_in_plan(council_db *db, const council_fulfilment *r)
{
	static const char sql[] =
		"SELECT p.id, p.year_from, p.year_to FROM measure m JOIN plan p ON p.id = m.plan_id "
		"WHERE m.id = ?";
	sqlite3_stmt *st;
	int64_t from, to, plan;
	int rc;

	if ((rc = cdb_prepare(&st, db, sql)) != COUNCIL_OK)
		return rc;
	sqlite3_bind_int64(st, 1, r->measure_id);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		rc = sqlite3_reset(st);
		return rc == SQLITE_OK ? COUNCIL_OK : cdb_sqlite_error(db, rc, "fulfilment");
	}
	plan = sqlite3_column_int64(st, 0);
	from = cdb_col_opt_int(st, 1);
	to = cdb_col_opt_int(st, 2);
	sqlite3_reset(st);
	if ((from >= 0 && r->year < from) || (to >= 0 && r->year > to))
		return cdb_error(db, COUNCIL_EINVAL, "fulfilment.year: %d is outside plan %lld's "
		                 "years %lld..%lld", r->year, (long long)plan, (long long)from,
		                 (long long)to);
	return COUNCIL_OK;
}

static int fulfilment_check(council_db *db, const void *rec)
{
	const council_fulfilment *r = rec;
	int rc;

	if ((rc = cdb_require_id(db, "fulfilment.measure_id", r->measure_id)) != COUNCIL_OK ||
	    (rc = cdb_check_int(db, "fulfilment.year", r->year, 1990, 2100, 1)) != COUNCIL_OK ||
	    (rc = cdb_require_text(db, "fulfilment.text", r->text, 0)) != COUNCIL_OK)
		return rc;
	return fulfilment_in_plan(db, r);
}

#define FULFILMENT_COLS "measure_id, year, text, source_id"

static void fulfilment_bind(sqlite3_stmt *st, const void *rec)
{
	const council_fulfilment *r = rec;

	cdb_bind_id(st, 1, r->measure_id);
	sqlite3_bind_int(st, 2, r->year);
	cdb_bind_text(st, 3, r->text);
	cdb_bind_id(st, 4, r->source_id);
}

static void fulfilment_read(sqlite3_stmt *st, void *rec)
{
	council_fulfilment *r = rec;

	r->id = sqlite3_column_int64(st, 0);
	r->measure_id = sqlite3_column_int64(st, 1);
	r->year = sqlite3_column_int(st, 2);
	r->text = (char *)cdb_col_text(st, 3);
	r->source_id = sqlite3_column_int64(st, 4);
}

static int fulfilment_emit(council_db *db, cdb_fn cb, void *ctx, void *rec)
{
	(void)db;
	return ((council_fulfilment_cb)cb)(ctx, rec);
}

static int fulfilment_failed(council_db *db, int rc, const void *rec)
{
	const council_fulfilment *r = rec;
	const cdb_ref refs[] = {
		{ "measure", "fulfilment.measure_id", r->measure_id },
		{ "source_document", "fulfilment.source_id", r->source_id },
	};

	if (rc == COUNCIL_EEXISTS)
		return cdb_error(db, rc, "fulfilment.year: measure %lld already has a fulfilment "
		                 "for %d", (long long)r->measure_id, r->year);
	return cdb_blame_fk(db, rc, refs, sizeof refs / sizeof refs[0]);
}

static const size_t fulfilment_strings[] = { offsetof(council_fulfilment, text) };

static const cdb_entity fulfilment_entity = {
	"fulfilment", sizeof(council_fulfilment), fulfilment_strings, 1,
	fulfilment_read, fulfilment_emit, fulfilment_check, fulfilment_bind, 4,
	fulfilment_failed, NULL, NULL,
};

void council_fulfilment_free(council_fulfilment *r)
{
	cdb_record_free(&fulfilment_entity, r);
}

int council_fulfilment_add(council_id *id, council_db *db, const council_fulfilment *r)
{
	static const char sql[] =
		"INSERT INTO measure_fulfilment(" FULFILMENT_COLS ") VALUES (?,?,?,?)";

	return cdb_record_add(id, db, &fulfilment_entity, sql, r);
}

int council_fulfilment_get(council_fulfilment **out, council_db *db, council_id id)
{
	static const char sql[] =
		"SELECT id, " FULFILMENT_COLS " FROM measure_fulfilment WHERE id = ?";

	return cdb_record_get((void **)out, db, &fulfilment_entity, sql, id);
}

int council_fulfilment_update(council_db *db, const council_fulfilment *r)
{
	static const char sql[] =
		"UPDATE measure_fulfilment SET (" FULFILMENT_COLS ") = (?,?,?,?) WHERE id = ?5";

	return cdb_record_update(db, &fulfilment_entity, sql, r);
}

int council_fulfilment_delete(council_db *db, council_id id)
{
	return cdb_record_delete(db, &fulfilment_entity,
	                         "DELETE FROM measure_fulfilment WHERE id = ?", id);
}

int council_fulfilment_list(council_db *db, const council_filter *f, council_fulfilment_cb cb,
                            void *ctx)
{
	sqlbuf q;
	int rc;

	if ((rc = cdb_enter(db)) != COUNCIL_OK)
		return rc;
	sqlbuf_init(&q, "SELECT id, " FULFILMENT_COLS " FROM measure_fulfilment WHERE 1");
	if (f && f->parent_id > 0)
		sqlbuf_add(&q, " AND measure_id = :parent");
	sqlbuf_add_filters(&q, f, "", SQLBUF_SOURCE | SQLBUF_YEAR);
	sqlbuf_add_order(&q, f, " ORDER BY measure_id, year, id");
	return sqlbuf_stream(db, &q, f, &fulfilment_entity, (cdb_fn)cb, ctx);
}
