/* SPDX-License-Identifier: MIT */
/*
 * test_member.c -- council members: round trips, validation naming the
 * field, missing councils and sources, updates, deletes, list order
 * (office, then Lithuanian alphabetical name) and filters, misuse.
 */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

/* A member with every field set; council_id is the caller's. */
static council_member full(council_id council, council_id source)
{
	council_member m;

	council_member_init(&m);
	m.council_id = council;
	m.name = (char *)"Rūta Žemaitienė";
	m.role = COUNCIL_ROLE_SECRETARY;
	m.represents = (char *)"Kauno bendruomenių asociacija";
	m.side = COUNCIL_SIDE_COMMUNITY;
	m.delegated_by = (char *)"Visuotinis susirinkimas";
	m.term_start = tu_date("2021-03");
	m.term_end = tu_date("2025-03-01");
	m.source_id = source;
	return m;
}

static void assert_same(const council_member *a, const council_member *b)
{
	assert_int_equal(a->council_id, b->council_id);
	tu_assert_str(a->name, b->name);
	assert_int_equal(a->role, b->role);
	tu_assert_str(a->represents, b->represents);
	assert_int_equal(a->side, b->side);
	tu_assert_str(a->delegated_by, b->delegated_by);
	assert_int_equal(council_date_cmp(&a->term_start, &b->term_start), 0);
	assert_int_equal(council_date_cmp(&a->term_end, &b->term_end), 0);
	assert_int_equal(a->source_id, b->source_id);
}

static void test_round_trip(void **state)
{
	council_db *db = *state;
	council_member m = full(tu_add_council(db, "Kauno BO taryba"), tu_add_source(db, "a.txt"));
	council_member *got = NULL;
	council_id id = 0;

	assert_int_equal(council_member_add(&id, db, &m), COUNCIL_OK);
	assert_true(id > 0);
	assert_int_equal(council_member_get(&got, db, id), COUNCIL_OK);
	assert_int_equal(got->id, id);
	assert_same(got, &m);
	tu_assert_date(&got->term_start, "2021-03");
	council_member_free(got);
	/* NULL id pointer is allowed. */
	m.name = (char *)"Antras";
	assert_int_equal(council_member_add(NULL, db, &m), COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM member"), 2);
}

static void test_defaults_are_unknown(void **state)
{
	council_db *db = *state;
	council_member m, *got = NULL;
	council_id id;

	council_member_init(&m);
	assert_int_equal(m.role, COUNCIL_ROLE_MEMBER);
	assert_int_equal(m.side, COUNCIL_SIDE_UNKNOWN);
	m.council_id = tu_add_council(db, "Taryba");
	m.name = (char *)"Jonas";
	assert_int_equal(council_member_add(&id, db, &m), COUNCIL_OK);
	assert_int_equal(council_member_get(&got, db, id), COUNCIL_OK);
	assert_null(got->represents);
	assert_null(got->delegated_by);
	assert_int_equal(got->side, COUNCIL_SIDE_UNKNOWN);
	assert_int_equal(got->role, COUNCIL_ROLE_MEMBER);
	assert_int_equal(got->term_start.year, 0);
	assert_int_equal(got->source_id, 0);
	council_member_free(got);
	/* Unknown is SQL NULL, so sqlite3 users see it as such. */
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM member WHERE side IS NULL AND "
	                                "term_start IS NULL AND source_id IS NULL"), 1);
}

static void no_council(council_member *m) { m->council_id = 0; }
static void no_name(council_member *m) { m->name = NULL; }
static void empty_name(council_member *m) { m->name = (char *)""; }
static void long_name(council_member *m)
{
	static char name[302];
	memset(name, 'a', 301);
	m->name = name;
}
static void bad_utf8(council_member *m) { m->name = (char *)"Jon\xff" "as"; }
static void bad_role(council_member *m) { m->role = (council_role)7; }
static void negative_role(council_member *m) { m->role = (council_role)-1; }
static void bad_side(council_member *m) { m->side = (council_side)5; }
static void bad_term_start(council_member *m) { m->term_start = (council_date){ 2024, 2, 30 }; }
static void bad_term_end(council_member *m) { m->term_end = (council_date){ 2024, 13, 0 }; }
static void day_without_month(council_member *m) { m->term_end = (council_date){ 2024, 0, 5 }; }
static void term_backwards(council_member *m) { m->term_end = (council_date){ 2020, 0, 0 }; }
static void bad_represents(council_member *m) { m->represents = (char *)"\xc3"; }

static const struct bad {
	void (*spoil)(council_member *);
	int code;
	const char *msg;
} bad[] = {
	{ no_council, COUNCIL_EINVAL, "member.council_id: required" },
	{ no_name, COUNCIL_EINVAL, "member.name: required" },
	{ empty_name, COUNCIL_EINVAL, "member.name: required" },
	{ long_name, COUNCIL_EINVAL, "member.name: longer than 300" },
	{ bad_utf8, COUNCIL_EINVAL, "member.name: not valid UTF-8" },
	{ bad_role, COUNCIL_EINVAL, "member.role: 7 is not a valid value" },
	{ negative_role, COUNCIL_EINVAL, "member.role: -1 is not a valid value" },
	{ bad_side, COUNCIL_EINVAL, "member.side: 5 is not a valid value" },
	{ bad_term_start, COUNCIL_EINVAL, "member.term_start: 2024-02-30 is not a valid date" },
	{ bad_term_end, COUNCIL_EINVAL, "member.term_end: 2024-13-00 is not a valid date" },
	{ day_without_month, COUNCIL_EINVAL, "member.term_end" },
	{ term_backwards, COUNCIL_EINVAL, "member.term_end: ends before term_start" },
	{ bad_represents, COUNCIL_EINVAL, "member.represents: not valid UTF-8" },
};

static void test_validation(void **state)
{
	council_db *db = *state;
	council_id council = tu_add_council(db, "Taryba");
	council_id id = 0;
	council_member m = full(council, 0), *got = NULL;
	size_t i;

	assert_int_equal(council_member_add(&id, db, &m), COUNCIL_OK);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		council_member b = full(council, 0);
		bad[i].spoil(&b);
		tu_assert_error(db, council_member_add(NULL, db, &b), bad[i].code, bad[i].msg);
		/* update validates the same way and leaves the row alone */
		b.id = id;
		tu_assert_error(db, council_member_update(db, &b), bad[i].code, bad[i].msg);
	}
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM member"), 1);
	assert_int_equal(council_member_get(&got, db, id), COUNCIL_OK);
	assert_same(got, &m);
	council_member_free(got);
}

static void test_missing_references(void **state)
{
	council_db *db = *state;
	council_member m = full(tu_add_council(db, "Taryba"), 0);
	council_id id;

	m.council_id = 999;
	tu_assert_error(db, council_member_add(NULL, db, &m), COUNCIL_ENOTFOUND,
	                "member.council_id: no council with id 999");
	m.council_id = tu_add_council(db, "Kita");
	m.source_id = 77;
	tu_assert_error(db, council_member_add(NULL, db, &m), COUNCIL_ENOTFOUND,
	                "member.source_id: no source_document with id 77");
	m.source_id = 0;
	assert_int_equal(council_member_add(&id, db, &m), COUNCIL_OK);
	m.id = id;
	m.council_id = 555;
	tu_assert_error(db, council_member_update(db, &m), COUNCIL_ENOTFOUND,
	                "member.council_id: no council with id 555");
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM member"), 1);
}

static void test_update(void **state)
{
	council_db *db = *state;
	council_id c1 = tu_add_council(db, "Pirma"), c2 = tu_add_council(db, "Antra");
	council_member m = full(c1, tu_add_source(db, "a.txt")), *got = NULL;
	council_id id;

	assert_int_equal(council_member_add(&id, db, &m), COUNCIL_OK);
	/* Every field is replaced, including back to unknown. */
	council_member_init(&m);
	m.id = id;
	m.council_id = c2;
	m.name = (char *)"Petras";
	m.role = COUNCIL_ROLE_CHAIR;
	m.side = COUNCIL_SIDE_MUNICIPALITY;
	assert_int_equal(council_member_update(db, &m), COUNCIL_OK);
	assert_int_equal(council_member_get(&got, db, id), COUNCIL_OK);
	assert_same(got, &m);
	assert_null(got->represents);
	assert_int_equal(got->term_end.year, 0);
	council_member_free(got);

	m.id = id + 100;
	tu_assert_error(db, council_member_update(db, &m), COUNCIL_ENOTFOUND, "no such record");
	tu_assert_error(db, council_member_update(db, NULL), COUNCIL_EINVAL, "no record");
}

static void test_delete(void **state)
{
	council_db *db = *state;
	council_member m = full(tu_add_council(db, "Taryba"), 0), *got = NULL;
	council_id id;

	assert_int_equal(council_member_add(&id, db, &m), COUNCIL_OK);
	assert_int_equal(council_member_delete(db, id), COUNCIL_OK);
	tu_assert_error(db, council_member_get(&got, db, id), COUNCIL_ENOTFOUND, "no such member");
	assert_null(got);
	tu_assert_error(db, council_member_delete(db, id), COUNCIL_ENOTFOUND, "no such record");
	tu_assert_error(db, council_member_delete(db, 0), COUNCIL_ENOTFOUND, "member 0");
}

static int collect(void *ctx, const council_member *r)
{
	return tu_ids_push(ctx, r->id);
}

static council_id add(council_db *db, council_id council, const char *name, council_role role,
                      council_id source)
{
	council_member m;
	council_id id = 0;

	council_member_init(&m);
	m.council_id = council;
	m.name = (char *)name;
	m.role = role;
	m.source_id = source;
	assert_int_equal(council_member_add(&id, db, &m), COUNCIL_OK);
	return id;
}

static void test_list(void **state)
{
	council_db *db = *state;
	council_id c1 = tu_add_council(db, "Pirma"), c2 = tu_add_council(db, "Antra");
	council_id src = tu_add_source(db, "r.txt");
	/* Offices in the council's own order, then names in Lithuanian order:
	 * Č sorts after C and before D (a byte order would put it last). */
	council_id dainius = add(db, c1, "Dainius", COUNCIL_ROLE_MEMBER, 0);
	council_id cepas = add(db, c1, "Čepas", COUNCIL_ROLE_MEMBER, src);
	council_id cukras = add(db, c1, "Cukras", COUNCIL_ROLE_MEMBER, 0);
	council_id sec = add(db, c1, "Zita", COUNCIL_ROLE_SECRETARY, src);
	council_id chair = add(db, c1, "Žydrūnas", COUNCIL_ROLE_CHAIR, 0);
	council_id deputy = add(db, c1, "Aldona", COUNCIL_ROLE_DEPUTY, 0);
	council_id other = add(db, c2, "Algis", COUNCIL_ROLE_CHAIR, 0);
	council_filter f;
	tu_ids t = { .n = 0 };

	assert_int_equal(council_member_list(db, NULL, collect, &t), COUNCIL_OK);
	TU_IDS(&t, chair, deputy, sec, cukras, cepas, dainius, other);

	council_filter_init(&f);
	f.council_id = c2;
	t.n = 0;
	assert_int_equal(council_member_list(db, &f, collect, &t), COUNCIL_OK);
	TU_IDS(&t, other);

	council_filter_init(&f);
	f.role = COUNCIL_ROLE_CHAIR;
	t.n = 0;
	assert_int_equal(council_member_list(db, &f, collect, &t), COUNCIL_OK);
	TU_IDS(&t, chair, other);

	/* role 0 is "member", not "any" */
	f.role = COUNCIL_ROLE_MEMBER;
	t.n = 0;
	assert_int_equal(council_member_list(db, &f, collect, &t), COUNCIL_OK);
	TU_IDS(&t, cukras, cepas, dainius);

	council_filter_init(&f);
	f.source_id = src;
	t.n = 0;
	assert_int_equal(council_member_list(db, &f, collect, &t), COUNCIL_OK);
	TU_IDS(&t, sec, cepas);

	council_filter_init(&f);
	f.limit = 2;
	t.n = 0;
	assert_int_equal(council_member_list(db, &f, collect, &t), COUNCIL_OK);
	TU_IDS(&t, chair, deputy);

	/* A nonzero callback result stops the list and comes back. */
	t.n = 0;
	t.stop_at = 3;
	assert_int_equal(council_member_list(db, NULL, collect, &t), TU_STOP);
	TU_IDS(&t, chair, deputy, sec);

	council_filter_init(&f);
	f.role = 9;
	tu_assert_error(db, council_member_list(db, &f, collect, &t), COUNCIL_EINVAL,
	                "filter.role: 9 is not a valid value");
	tu_assert_error(db, council_member_list(db, NULL, NULL, NULL), COUNCIL_EMISUSE, "callback");
}

static void test_misuse(void **state)
{
	council_db *closed = tu_closed_handle();
	council_db *handles[] = { NULL, closed };
	council_member m = full(1, 0), *got = &m;
	tu_ids t = { .n = 0 };
	size_t i;

	(void)state;
	for (i = 0; i < 2; i++) {
		council_db *db = handles[i];
		assert_int_equal(council_member_add(NULL, db, &m), COUNCIL_EMISUSE);
		assert_int_equal(council_member_get(&got, db, 1), COUNCIL_EMISUSE);
		assert_null(got);
		assert_int_equal(council_member_update(db, &m), COUNCIL_EMISUSE);
		assert_int_equal(council_member_delete(db, 1), COUNCIL_EMISUSE);
		assert_int_equal(council_member_list(db, NULL, collect, &t), COUNCIL_EMISUSE);
		got = &m;
	}
	assert_int_equal(t.n, 0);
	council_close(closed);
	council_member_free(NULL); /* a no-op, like free(NULL) */
}

static void test_rollback(void **state)
{
	council_db *db = *state;
	council_member m = full(tu_add_council(db, "Taryba"), 0);

	assert_int_equal(council_begin(db), COUNCIL_OK);
	assert_int_equal(council_member_add(NULL, db, &m), COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM member"), 1);
	assert_int_equal(council_rollback(db), COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM member"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		TU_BOTH(test_round_trip),
		TU_BOTH(test_defaults_are_unknown),
		TU_BOTH(test_validation),
		TU_BOTH(test_missing_references),
		TU_BOTH(test_update),
		TU_BOTH(test_delete),
		TU_BOTH(test_list),
		cmocka_unit_test(test_misuse),
		TU_BOTH(test_rollback),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
