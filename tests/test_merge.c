/* SPDX-License-Identifier: MIT */
/*
 * test_merge.c -- council_merge: records matched by natural keys and given
 * this registry's ids, a second merge that changes nothing, conflicts
 * handed to the callback and the input refused whole, the refusals.  The
 * three fixture registries merged twice are tests/cli/test_merge.py.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "testutil.h"

typedef struct fixture {
	char dir[64], in[96], other[96];
	council_db *out, *src;
} fixture;

static int setup(void **state)
{
	fixture *fx = calloc(1, sizeof *fx);
	council_event e;
	council_member m;
	council_id kaunas, klaipeda, eid;
	council_participants p;

	assert_non_null(fx);
	strcpy(fx->dir, "/tmp/council-merge-XXXXXX");
	assert_non_null(mkdtemp(fx->dir));
	snprintf(fx->in, sizeof fx->in, "%s/in.db", fx->dir);
	snprintf(fx->other, sizeof fx->other, "%s/other.txt", fx->dir);
	assert_int_equal(council_open(&fx->src, fx->in, 0), COUNCIL_OK);
	assert_int_equal(council_open(&fx->out, ":memory:", 0), COUNCIL_OK);
	/* the output already has a council of its own, so ids differ */
	tu_add_council(fx->out, "Alytaus miesto savivaldybės BO taryba");
	kaunas = tu_add_council(fx->src, "Kauno miesto savivaldybės BO taryba");
	klaipeda = tu_add_council(fx->src, "Klaipėdos rajono savivaldybės BO taryba");
	council_member_init(&m);
	m.council_id = klaipeda;
	m.name = "Ona Žukauskienė";
	m.role = COUNCIL_ROLE_CHAIR;
	assert_int_equal(council_member_add(NULL, fx->src, &m), COUNCIL_OK);
	council_event_init(&e);
	e.council_id = kaunas;
	e.title = "Forumas";
	e.date = tu_period("2024-05-02");
	assert_int_equal(council_event_add(&eid, fx->src, &e), COUNCIL_OK);
	council_participants_init(&p);
	p.event_id = eid;
	p.count = 2000;
	p.qualifier = COUNCIL_QUAL_MORE_THAN;
	assert_int_equal(council_participants_add(NULL, fx->src, &p), COUNCIL_OK);
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	fixture *fx = *state;
	char cmd[128];

	council_close(fx->src);
	council_close(fx->out);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", fx->dir);
	assert_int_equal(system(cmd), 0);
	free(fx);
	return 0;
}

static void test_merges_by_natural_key_once(void **state)
{
	fixture *fx = *state;
	council_merge_stats s;
	int64_t history;

	assert_int_equal(council_merge(&s, fx->out, fx->in, NULL, NULL), COUNCIL_OK);
	assert_int_equal(s.conflicts, 0);
	assert_int_equal(s.matched, 0);
	assert_int_equal(s.inserted, 2 + 1 + 1 + 1);  /* councils, member, event, group */
	assert_int_equal(tu_sql_int(fx->out, "SELECT count(*) FROM council"), 3);
	/* the member hangs on the same council, under the output's id */
	assert_int_equal(tu_sql_int(fx->out, "SELECT count(*) FROM members_overview WHERE "
	                 "council = 'Klaipėdos rajono savivaldybės BO taryba' AND role = 'chair' "
	                 "AND council_id = 3"), 1);
	assert_int_equal(tu_sql_int(fx->out, "SELECT participants FROM events_overview "
	                 "WHERE qualifier = 'more_than'"), 2000);
	assert_int_equal(tu_sql_int(fx->out, "SELECT count(*) FROM council WHERE name_key IS NULL"), 0);
	assert_int_equal(tu_sql_int(fx->out, "SELECT count(*) FROM changes WHERE origin = 'merge'"), 5);
	/* again: all matched, nothing written, not even history */
	history = tu_sql_int(fx->out, "SELECT count(*) FROM history");
	assert_int_equal(council_merge(&s, fx->out, fx->in, NULL, NULL), COUNCIL_OK);
	assert_int_equal(s.inserted, 0);
	assert_int_equal(s.matched, 5);
	assert_int_equal(tu_sql_int(fx->out, "SELECT count(*) FROM history"), history);
	assert_int_equal(tu_sql_int(fx->out, "SELECT count(*) FROM changes WHERE origin = 'merge'"), 5);
}

typedef struct seen {
	int n;
	char text[256];
} seen;

static int conflict_cb(void *ctx, const council_merge_conflict *c)
{
	seen *s = ctx;

	s->n++;
	snprintf(s->text, sizeof s->text, "%s|%s|%s|%s|%s", c->table, c->key, c->column,
	         c->ours ? c->ours : "NULL", c->theirs ? c->theirs : "NULL");
	return 0;
}

static void test_conflict_refuses_the_input(void **state)
{
	fixture *fx = *state;
	council_merge_stats s;
	seen saw = { 0, "" };

	assert_int_equal(council_merge(&s, fx->out, fx->in, NULL, NULL), COUNCIL_OK);
	tu_exec(fx->src, "UPDATE member SET role = 'deputy'");
	tu_add_council(fx->src, "Naujoji taryba");
	tu_assert_error(fx->out, council_merge(&s, fx->out, fx->in, conflict_cb, &saw),
	                COUNCIL_ECONSTRAINT, "nothing of it was merged");
	assert_int_equal(saw.n, 1);
	assert_int_equal(s.conflicts, 1);
	assert_int_equal(s.inserted, 0);
	assert_non_null(strstr(saw.text, "member|"));
	assert_non_null(strstr(saw.text, "name=Ona Žukauskienė|role|chair|deputy"));
	assert_int_equal(tu_sql_int(fx->out, "SELECT count(*) FROM council WHERE name = 'Naujoji taryba'"), 0);
	/* what the input does not know is no conflict */
	tu_exec(fx->src, "UPDATE member SET role = 'chair'");
	tu_exec(fx->out, "UPDATE council SET size = 20");
	assert_int_equal(council_merge(&s, fx->out, fx->in, NULL, NULL), COUNCIL_OK);
	assert_int_equal(tu_sql_int(fx->out, "SELECT count(*) FROM council WHERE name = 'Naujoji taryba'"), 1);
}

/* The tables of schema versions 7 to 11: a document's council, a
 * member's change, attendance and quorum, a removal and another key of a
 * record arrive under this registry's ids; the person of a merged member
 * is decided here (people.c), not copied; a second merge changes nothing;
 * a document about another council here is a conflict. */
static void test_merges_newer_tables(void **state)
{
	fixture *fx = *state;
	council_merge_stats s;
	seen saw = { 0, "" };
	council_id doc = tu_add_source(fx->src, "protokolas.txt");

	(void)doc;
	tu_exec(fx->src, "UPDATE source_document SET council_id = (SELECT id FROM council WHERE "
	                 "name LIKE 'Klaip%')");
	tu_exec(fx->src, "INSERT INTO meeting(council_id, date_start, date_end, year, source_id) "
	                 "SELECT id, '2024-03-05', '2024-03-05', 2024, (SELECT id FROM source_document) "
	                 "FROM council WHERE name LIKE 'Klaip%'");
	tu_exec(fx->src, "INSERT INTO attendance(meeting_id, member_id, name, present, source_id) "
	                 "SELECT (SELECT id FROM meeting), id, name, 1, (SELECT id FROM source_document) "
	                 "FROM member");
	tu_exec(fx->src, "INSERT INTO meeting_quorum(meeting_id, present, members) "
	                 "SELECT id, 5, 9 FROM meeting");
	tu_exec(fx->src, "INSERT INTO member_change(member_id, source_id, change, date) "
	                 "SELECT id, (SELECT id FROM source_document), 'joined', '2024-01-10' FROM member");
	tu_exec(fx->src, "INSERT INTO removed(table_name, council_id, key, record_id, origin) "
	                 "SELECT 'event', id, '2023-01-01 senas renginys', 77, 'hand' FROM council "
	                 "WHERE name LIKE 'Kauno%'");
	tu_exec(fx->src, "INSERT INTO record_key(table_name, council_id, key, record_id) "
	                 "SELECT 'event', council_id, '2024-05-02 forumas kaune', id FROM event");
	assert_int_equal(council_merge(&s, fx->out, fx->in, NULL, NULL), COUNCIL_OK);
	assert_int_equal(s.conflicts, 0);
	/* Klaipėda is council 3 here, Kaunas 2 */
	assert_int_equal(tu_sql_int(fx->out, "SELECT council_id FROM source_document"), 3);
	assert_int_equal(tu_sql_int(fx->out, "SELECT count(*) FROM meeting_attendance WHERE council = "
	                 "'Klaipėdos rajono savivaldybės BO taryba' AND date = '2024-03-05' AND "
	                 "name = 'Ona Žukauskienė' AND present = 1"), 1);
	assert_int_equal(tu_sql_int(fx->out, "SELECT count(*) FROM attendance a JOIN member m ON "
	                 "m.id = a.member_id JOIN meeting g ON g.id = a.meeting_id WHERE "
	                 "m.council_id = 3 AND g.council_id = 3"), 1);
	assert_int_equal(tu_sql_int(fx->out, "SELECT count(*) FROM meeting_quorum q JOIN meeting g ON "
	                 "g.id = q.meeting_id WHERE g.council_id = 3 AND q.present = 5 AND q.members = 9"), 1);
	assert_int_equal(tu_sql_int(fx->out, "SELECT count(*) FROM member_change c JOIN member m ON "
	                 "m.id = c.member_id JOIN source_document d ON d.id = c.source_id WHERE "
	                 "m.council_id = 3 AND c.change = 'joined' AND d.path = 'protokolas.txt'"), 1);
	assert_int_equal(tu_sql_int(fx->out, "SELECT count(*) FROM removed WHERE table_name = 'event' "
	                 "AND council_id = 2 AND key = '2023-01-01 senas renginys'"), 1);
	assert_int_equal(tu_sql_int(fx->out, "SELECT count(*) FROM record_key k JOIN event e ON "
	                 "e.id = k.record_id WHERE k.council_id = 2 AND e.council_id = 2 AND "
	                 "e.title = 'Forumas'"), 1);
	/* the person: decided here, named as the member */
	assert_int_equal(tu_sql_int(fx->out, "SELECT count(*) FROM member m JOIN person p ON "
	                 "p.id = m.person_id WHERE p.name = 'Ona Žukauskienė'"), 1);
	assert_int_equal(tu_sql_int(fx->out, "SELECT count(*) FROM member WHERE person_id IS NULL"), 0);
	/* again: nothing new */
	assert_int_equal(council_merge(&s, fx->out, fx->in, NULL, NULL), COUNCIL_OK);
	assert_int_equal(s.inserted, 0);
	assert_int_equal(s.conflicts, 0);
	assert_int_equal(tu_sql_int(fx->out, "SELECT count(*) FROM person"), 1);
	/* this registry says the document is about Alytus (1): a conflict */
	tu_exec(fx->out, "UPDATE source_document SET council_id = 1");
	tu_assert_error(fx->out, council_merge(&s, fx->out, fx->in, conflict_cb, &saw),
	                COUNCIL_ECONSTRAINT, "nothing of it was merged");
	assert_int_equal(saw.n, 1);
	assert_non_null(strstr(saw.text, "source_document|sha256=0123456789abcdef"));
	assert_non_null(strstr(saw.text, "|council_id|1|3"));
	assert_int_equal(tu_sql_int(fx->out, "SELECT council_id FROM source_document"), 1);
}

static void test_refusals(void **state)
{
	fixture *fx = *state;
	FILE *f;

	tu_assert_error(fx->out, council_merge(NULL, fx->out, NULL, NULL, NULL), COUNCIL_EINVAL, "path");
	tu_assert_error(fx->out, council_merge(NULL, fx->out, "/nonexistent/x.db", NULL, NULL),
	                COUNCIL_ENOTFOUND, "no such database");
	f = fopen(fx->other, "w");
	assert_non_null(f);
	fputs("not a database\n", f);
	fclose(f);
	assert_int_not_equal(council_merge(NULL, fx->out, fx->other, NULL, NULL), COUNCIL_OK);
	assert_int_equal(council_begin(fx->out), COUNCIL_OK);
	tu_assert_error(fx->out, council_merge(NULL, fx->out, fx->in, NULL, NULL), COUNCIL_EMISUSE,
	                "transaction");
	assert_int_equal(council_rollback(fx->out), COUNCIL_OK);
	assert_int_equal(tu_sql_int(fx->out, "SELECT count(*) FROM council"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_merges_by_natural_key_once, setup, teardown),
		cmocka_unit_test_setup_teardown(test_conflict_refuses_the_input, setup, teardown),
		cmocka_unit_test_setup_teardown(test_merges_newer_tables, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refusals, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
