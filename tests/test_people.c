/* SPDX-License-Identifier: MIT */
/*
 * test_people.c -- who is who (lib/people.c) and memberships over time:
 * name variants of one person within a council (inflected, initials,
 * typed without Lithuanian letters, a married double surname), one person
 * across councils only on the same full name, ambiguities kept apart and
 * listed, terms read from the documents (views and
 * council_query_memberships with years and a date).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"
#include "testutil.h"

/* A yearly report for year (a source with its report_year). */
static council_id report(council_db *db, const char *path, int year)
{
	council_id id = tu_add_source(db, path);
	char sql[160];

	snprintf(sql, sizeof sql, "UPDATE source_document SET kind = 'annual_report', "
	         "report_year = %d WHERE id = %lld", year, (long long)id);
	tu_exec(db, sql);
	return id;
}

static council_id add(council_db *db, council_id council, const char *name, council_role role,
                      council_id source)
{
	council_member m;
	council_id id = 0;

	council_member_init(&m);
	m.council_id = council;
	m.name = name;
	m.role = role;
	m.source_id = source;
	assert_int_equal(council_member_add(&id, db, &m), COUNCIL_OK);
	return id;
}

/* source also states member (as the importer records a second document). */
static void also(council_db *db, council_id member, council_id source)
{
	char sql[160];

	snprintf(sql, sizeof sql, "INSERT INTO record_source VALUES ('member', %lld, %lld)",
	         (long long)member, (long long)source);
	tu_exec(db, sql);
}

static int64_t person_of(council_db *db, council_id member)
{
	char sql[96];

	snprintf(sql, sizeof sql, "SELECT person_id FROM member WHERE id = %lld", (long long)member);
	return tu_sql_int(db, sql);
}

static void test_variants_in_one_council(void **state)
{
	council_db *db = *state;
	council_id c = tu_add_council(db, "Kauno BO taryba"), s = report(db, "a.txt", 2023);
	council_id full = add(db, c, "Karolis Urbonas", COUNCIL_ROLE_MEMBER, s);
	council_id gen = add(db, c, "Karolio Urbono", COUNCIL_ROLE_CHAIR, s);
	council_id ini = add(db, c, "K. Urbonas", COUNCIL_ROLE_DEPUTY, s);
	council_id lt = add(db, c, "Rūta Žemaitienė", COUNCIL_ROLE_MEMBER, s);
	council_id ascii = add(db, c, "Ruta Zemaitiene", COUNCIL_ROLE_CHAIR, s);
	council_id dbl = add(db, c, "Rasa Stankevičiūtė-Vilimienė", COUNCIL_ROLE_MEMBER, s);
	council_id married = add(db, c, "Rasa Vilimienė", COUNCIL_ROLE_SECRETARY, s);
	council_id jonas = add(db, c, "Jonas Petraitis", COUNCIL_ROLE_MEMBER, s);
	council_id jone = add(db, c, "Jonė Petraitytė", COUNCIL_ROLE_MEMBER, s);
	/* the accusative "Šarūną Žilinską" typed without Lithuanian letters */
	council_id sarunas = add(db, c, "Šarūnas Žilinskas", COUNCIL_ROLE_MEMBER, s);
	council_id saruna = add(db, c, "Saruna Zilinska", COUNCIL_ROLE_CHAIR, s);
	council_id sarune = add(db, c, "Sarune Zilinske", COUNCIL_ROLE_MEMBER, s);

	assert_true(person_of(db, full) > 0);
	assert_int_equal(person_of(db, gen), person_of(db, full));
	assert_int_equal(person_of(db, ini), person_of(db, full));
	assert_int_equal(person_of(db, ascii), person_of(db, lt));
	assert_int_equal(person_of(db, married), person_of(db, dbl));
	assert_true(person_of(db, jone) != person_of(db, jonas));
	assert_true(person_of(db, lt) != person_of(db, full));
	assert_int_equal(person_of(db, saruna), person_of(db, sarunas));
	assert_true(person_of(db, sarune) != person_of(db, sarunas));
	/* the person is named by its fullest spelling */
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM people_overview WHERE person = 'Karolis Urbonas'"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM people_overview WHERE person = 'Šarūnas Žilinskas'"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM people_overview"), 7);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM person_ambiguities"), 0);
}

/* A former name a document states ("Indrė Balčiūnienė (buvusi
 * Valančiūtė)": member.former_name, set by council_member_set_former_name):
 * one person, named by the current name; an initial of the current name
 * still fits.  represents is the organisation's and joins nobody. */
static void test_former_surname_stated(void **state)
{
	council_db *db = *state;
	council_id c = tu_add_council(db, "Alytaus BO taryba"), s = report(db, "a.txt", 2021);
	council_id maiden = add(db, c, "Indrė Valančiūtė", COUNCIL_ROLE_DEPUTY, s);
	council_id other = add(db, c, "Rasa Petraitytė", COUNCIL_ROLE_MEMBER, s);
	council_id married = add(db, c, "Indrė Balčiūnienė", COUNCIL_ROLE_CHAIR, s), rasa = 0;
	council_member m;
	char *former = NULL;

	assert_true(person_of(db, married) != person_of(db, maiden));
	assert_int_equal(council_member_set_former_name(db, married, "Indrė Valančiūtė"), COUNCIL_OK);
	assert_int_equal(person_of(db, married), person_of(db, maiden));
	assert_int_equal(council_member_former_name(&former, db, married), COUNCIL_OK);
	assert_string_equal(former, "Indrė Valančiūtė");
	council_free(former);
	assert_int_equal(council_member_former_name(&former, db, maiden), COUNCIL_OK);
	assert_null(former);
	/* the person the row had alone is gone */
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM person"), 2);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM memberships_overview WHERE person = "
	                                "'Indrė Balčiūnienė'"), 2);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM members_overview WHERE former_name = "
	                                "'Indrė Valančiūtė'"), 1);
	assert_int_equal(person_of(db, add(db, c, "I. Balčiūnienė", COUNCIL_ROLE_CHAIR, s)),
	                 person_of(db, maiden));
	/* another first name is another person */
	rasa = add(db, c, "Rasa Balčiūnienė", COUNCIL_ROLE_MEMBER, s);
	assert_int_equal(council_member_set_former_name(db, rasa, "Rasa Valančiūtė"), COUNCIL_OK);
	assert_true(person_of(db, rasa) != person_of(db, maiden));
	assert_true(person_of(db, rasa) != person_of(db, other));
	/* the former surname in represents, as the importer left it before
	 * schema version 14, joins nobody now */
	other = add(db, c, "Ona Petraitytė", COUNCIL_ROLE_MEMBER, s);
	council_member_init(&m);
	m.council_id = c;
	m.name = "Ona Balčiūnienė";
	m.represents = "buvusi Petraitytė";
	m.source_id = s;
	assert_int_equal(council_member_add(&rasa, db, &m), COUNCIL_OK);
	assert_true(person_of(db, rasa) != person_of(db, other));
	/* refusals */
	assert_int_equal(council_member_set_former_name(db, 9999, "X Y"), COUNCIL_ENOTFOUND);
	assert_int_equal(council_member_set_former_name(db, married, ""), COUNCIL_EINVAL);
	assert_int_equal(council_member_former_name(&former, db, 9999), COUNCIL_ENOTFOUND);
	/* cleared */
	assert_int_equal(council_member_set_former_name(db, married, NULL), COUNCIL_OK);
	assert_int_equal(council_member_former_name(&former, db, married), COUNCIL_OK);
	assert_null(former);
}

static void test_initial_first_then_full_name(void **state)
{
	council_db *db = *state;
	council_id c = tu_add_council(db, "Kauno BO taryba"), s = report(db, "a.txt", 2023);
	council_id ini = add(db, c, "K. Urbonas", COUNCIL_ROLE_MEMBER, s);
	council_id full = add(db, c, "Karolis Urbonas", COUNCIL_ROLE_CHAIR, s);

	assert_int_equal(person_of(db, full), person_of(db, ini));
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM person WHERE name = 'Karolis Urbonas'"), 1);
	/* a second K. Urbonas makes the initial ambiguous: listed, kept apart */
	assert_true(person_of(db, add(db, c, "Kęstutis Urbonas", COUNCIL_ROLE_MEMBER, s)) !=
	            person_of(db, full));
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM person_ambiguities WHERE reason = 'initial'"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM person_ambiguities WHERE name = 'K. Urbonas' "
	                                "AND candidate = 'Kęstutis Urbonas'"), 1);
	/* a new K. Urbonas now fits two people: a person of its own */
	{
		council_id c2 = tu_add_council(db, "Jonavos BO taryba");
		council_id a = add(db, c2, "Kęstutis Jankus", COUNCIL_ROLE_MEMBER, s);
		council_id b = add(db, c2, "Karolis Jankus", COUNCIL_ROLE_MEMBER, s);
		council_id k = add(db, c2, "K. Jankus", COUNCIL_ROLE_CHAIR, s);
		assert_true(person_of(db, k) != person_of(db, a));
		assert_true(person_of(db, k) != person_of(db, b));
		assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM person_ambiguities WHERE name = 'K. Jankus'"), 2);
	}
}

static void test_across_councils(void **state)
{
	council_db *db = *state;
	council_id a = tu_add_council(db, "A taryba"), b = tu_add_council(db, "B taryba");
	council_id c = tu_add_council(db, "C taryba"), d = tu_add_council(db, "D taryba");
	council_id s = report(db, "a.txt", 2023);
	council_id x = add(db, a, "Ona Kairienė", COUNCIL_ROLE_MEMBER, s);
	council_id y = add(db, b, "Ona Kairienė", COUNCIL_ROLE_CHAIR, s);
	council_id ini = add(db, c, "O. Kairienė", COUNCIL_ROLE_MEMBER, s);

	/* the same full name, nothing against it: one person */
	assert_int_equal(person_of(db, y), person_of(db, x));
	/* an initial never joins across councils */
	assert_true(person_of(db, ini) != person_of(db, x));
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM people_overview WHERE person = 'Ona Kairienė' "
	                                "AND councils = 'A taryba; B taryba'"), 1);
	/* two people of that name elsewhere (C's "Ona Kairienė" is not the
	 * initial's person, which stays the one of C): a name in D fits both */
	tu_exec(db, "UPDATE member SET person_id = NULL WHERE council_id = 3");
	tu_exec(db, "DELETE FROM person WHERE id NOT IN (SELECT person_id FROM member WHERE person_id IS NOT NULL)");
	{
		council_id other = add(db, c, "Ona Kairienė", COUNCIL_ROLE_CHAIR, s);
		council_id z;
		assert_true(person_of(db, other) > 0);
		/* C's own members settle among themselves */
		assert_int_equal(person_of(db, ini), person_of(db, other));
		tu_exec(db, "UPDATE person SET key = 'ona kairiene' WHERE id = (SELECT person_id FROM member "
		            "WHERE council_id = 3 LIMIT 1)");
		z = add(db, d, "Ona Kairienė", COUNCIL_ROLE_MEMBER, s);
		(void)z;
		assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM person_ambiguities WHERE council = 'D taryba' "
		                                "AND reason = 'other_council'"), 2);
	}
}

static void test_edit_name(void **state)
{
	council_db *db = *state;
	council_id c = tu_add_council(db, "Kauno BO taryba"), s = report(db, "a.txt", 2023);
	council_id a = add(db, c, "Karolis Urbonas", COUNCIL_ROLE_MEMBER, s);
	council_id b = add(db, c, "Karolis Urbonas", COUNCIL_ROLE_CHAIR, s);
	council_member *m = NULL;
	const char *was;

	assert_int_equal(person_of(db, a), person_of(db, b));
	assert_int_equal(council_member_get(&m, db, b), COUNCIL_OK);
	was = m->name;
	m->name = "Ona Kairienė";
	assert_int_equal(council_member_update(db, m), COUNCIL_OK);
	m->name = was;
	council_member_free(m);
	assert_true(person_of(db, b) != person_of(db, a));
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM person_ambiguities"), 0);
	/* the edit is a person's, the person is not */
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM reviewed WHERE field = 'person_id'"), 0);
	/* removed and restored from the history: its person again */
	assert_int_equal(council_member_delete(db, a), COUNCIL_OK);
	assert_int_equal(council_record_restore(NULL, db, "member", a), COUNCIL_OK);
	assert_true(person_of(db, a) > 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM people_overview WHERE person = 'Karolis Urbonas'"), 1);
}

/* ---- terms ---------------------------------------------------------------- */

typedef struct seen {
	char rows[16][96];
	size_t n;
} seen;

static int collect(void *ctx, const council_membership *r)
{
	seen *s = ctx;
	char from[16] = "", to[16] = "";

	if (r->date_from.year)
		council_date_format(from, &r->date_from);
	if (r->date_to.year)
		council_date_format(to, &r->date_to);
	if (s->n < 16)
		snprintf(s->rows[s->n++], sizeof s->rows[0], "%s %s %s..%s", r->person,
		         council_enum_name(COUNCIL_ENUM_ROLE, (int)r->role), from, to);
	return 0;
}

/* A 2022 report: chair Ona, members Jonas, Petras, Rasa.  A 2023 report:
 * chair Rasa (she was a member), members Jonas ("Jono Kairio"), Petras,
 * Vida; Ona is gone. */
static council_id series(council_db *db)
{
	council_id c = tu_add_council(db, "Kauno BO taryba");
	council_id r22 = report(db, "2022.txt", 2022), r23 = report(db, "2023.txt", 2023);
	council_id jonas;

	add(db, c, "Ona Petraitienė", COUNCIL_ROLE_CHAIR, r22);
	jonas = add(db, c, "Jonas Kairys", COUNCIL_ROLE_MEMBER, r22);
	also(db, add(db, c, "Petras Rimkus", COUNCIL_ROLE_MEMBER, r22), r23);
	add(db, c, "Rasa Balčiūnienė", COUNCIL_ROLE_MEMBER, r22);
	add(db, c, "Rasa Balčiūnienė", COUNCIL_ROLE_CHAIR, r23);
	/* a variant in the 2023 report states the same membership */
	also(db, jonas, r23);
	add(db, c, "Vida Mockienė", COUNCIL_ROLE_MEMBER, r23);
	return c;
}

static void test_terms_from_reports(void **state)
{
	council_db *db = *state;
	council_id c = series(db);
	council_filter f;
	seen s;

	(void)c;
	/* the chair of 2022 ends there; the member who became chair has two
	 * memberships, one after the other */
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM memberships_overview WHERE person = "
	                                "'Ona Petraitienė' AND date_from = '2022' AND date_to = '2022'"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM memberships_overview WHERE person = "
	                                "'Rasa Balčiūnienė' AND role = 'member' AND date_to = '2022'"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM memberships_overview WHERE person = "
	                                "'Rasa Balčiūnienė' AND role = 'chair' AND date_from = '2023' "
	                                "AND date_to IS NULL"), 1);
	/* stated by both reports: 2022 on, open */
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM memberships_overview WHERE person = "
	                                "'Jonas Kairys' AND date_from = '2022' AND date_to IS NULL "
	                                "AND documents = '2022.txt; 2023.txt'"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM members_overview WHERE date_to = '2022'"), 2);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM people_overview WHERE person = "
	                                "'Rasa Balčiūnienė' AND first_seen = '2022' AND last_seen = '2023'"), 1);

	council_filter_init(&f);
	f.role = COUNCIL_ROLE_CHAIR;
	f.range.start = f.range.end = tu_date("2022-06-01");
	memset(&s, 0, sizeof s);
	assert_int_equal(council_query_memberships(db, &f, collect, &s), COUNCIL_OK);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.rows[0], "Ona Petraitienė chair 2022..2022");
	f.range.start = f.range.end = tu_date("2023-06-01");
	memset(&s, 0, sizeof s);
	assert_int_equal(council_query_memberships(db, &f, collect, &s), COUNCIL_OK);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.rows[0], "Rasa Balčiūnienė chair 2023..");

	council_filter_init(&f);
	f.year_from = f.year_to = 2023;
	memset(&s, 0, sizeof s);
	assert_int_equal(council_query_memberships(db, &f, collect, &s), COUNCIL_OK);
	assert_int_equal(s.n, 4);
	assert_string_equal(s.rows[0], "Rasa Balčiūnienė chair 2023..");
	f.year_from = f.year_to = 2022;
	memset(&s, 0, sizeof s);
	assert_int_equal(council_query_memberships(db, &f, collect, &s), COUNCIL_OK);
	assert_int_equal(s.n, 4);
	assert_string_equal(s.rows[0], "Ona Petraitienė chair 2022..2022");
}

/* Offices one after the other: a chair who is a member from the sitting
 * that elected the next chair ends as chair that day, not at the last
 * date a report stated him chair; a report naming a few of a larger
 * council's members ends no one's membership. */
static void test_terms_next_office_and_composition(void **state)
{
	council_db *db = *state;
	council_id c = tu_add_council(db, "Utenos BO taryba"), r22 = report(db, "2022.txt", 2022);
	council_id p = tu_add_source(db, "protocol.txt"), r24 = report(db, "2024.txt", 2024);
	council_id kept;

	tu_exec(db, "UPDATE source_document SET kind = 'protocol', doc_date = '2023-06-14', "
	            "report_year = 2023 WHERE path = 'protocol.txt'");
	add(db, c, "Kęstutis Urbonas", COUNCIL_ROLE_CHAIR, r22);
	add(db, c, "Rasa Jankauskienė", COUNCIL_ROLE_MEMBER, r22);
	also(db, add(db, c, "Jonas Kairys", COUNCIL_ROLE_MEMBER, r22), p);
	kept = add(db, c, "Ona Vaitkienė", COUNCIL_ROLE_MEMBER, r22);
	add(db, c, "Kęstučio Urbono", COUNCIL_ROLE_MEMBER, p);
	add(db, c, "Rasa Jankauskienė", COUNCIL_ROLE_CHAIR, p);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM memberships_overview WHERE person = "
	                                "'Kęstutis Urbonas' AND role = 'chair' AND date_from = '2022' "
	                                "AND date_to = '2023-06-14'"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM memberships_overview WHERE person = "
	                                "'Rasa Jankauskienė' AND role = 'member' AND date_to = '2023-06-14'"), 1);
	/* the protocol names three: a composition while the size is not known */
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM memberships_overview WHERE person = "
	                                "'Ona Vaitkienė' AND date_to = '2022'"), 1);
	/* three of a council of ten are no composition */
	tu_exec(db, "UPDATE council SET size = 10");
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM memberships_overview WHERE person = "
	                                "'Ona Vaitkienė' AND date_to IS NULL"), 1);
	/* a report naming five of ten is one */
	also(db, kept, r24);
	add(db, c, "Petras Mackevičius", COUNCIL_ROLE_MEMBER, r24);
	add(db, c, "Daiva Kairienė", COUNCIL_ROLE_MEMBER, r24);
	add(db, c, "Tomas Žukauskas", COUNCIL_ROLE_MEMBER, r24);
	add(db, c, "Laima Vaitkevičienė", COUNCIL_ROLE_MEMBER, r24);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM memberships_overview WHERE person = "
	                                "'Jonas Kairys' AND date_to = '2023-06-14'"), 1);
}

static void test_terms_dated_and_by_hand(void **state)
{
	council_db *db = *state;
	council_id c = tu_add_council(db, "Kauno BO taryba");
	council_id d = tu_add_source(db, "decision.txt");
	council_member m;
	council_id id = 0;

	/* a decision dated D: its members from D */
	tu_exec(db, "UPDATE source_document SET kind = 'other', doc_date = '2024-03-05' WHERE path = 'decision.txt'");
	add(db, c, "Ona Petraitienė", COUNCIL_ROLE_CHAIR, d);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM members_overview WHERE date_from = '2024-03-05'"), 1);
	/* a decision the importer took for a report of its date's year: the
	 * same; a yearly report dated the year after speaks of its year */
	{
		council_id y = tu_add_source(db, "decision2.txt"), r = tu_add_source(db, "report.txt");
		tu_exec(db, "UPDATE source_document SET kind = 'annual_report', report_year = 2025, "
		            "doc_date = '2025-04-01' WHERE path = 'decision2.txt'");
		tu_exec(db, "UPDATE source_document SET kind = 'annual_report', report_year = 2024, "
		            "doc_date = '2025-02-01' WHERE path = 'report.txt'");
		add(db, c, "Rasa Balčiūnienė", COUNCIL_ROLE_MEMBER, y);
		add(db, c, "Vida Mockienė", COUNCIL_ROLE_MEMBER, r);
		assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM members_overview WHERE "
		                                "name = 'Rasa Balčiūnienė' AND date_from = '2025-04-01'"), 1);
		assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM members_overview WHERE "
		                                "name = 'Vida Mockienė' AND date_from = '2024'"), 1);
	}
	/* a term a person set wins */
	council_member_init(&m);
	m.council_id = c;
	m.name = "Jonas Kairys";
	m.term_start = tu_date("2021-01");
	m.term_end = tu_date("2023-12-31");
	assert_int_equal(council_member_add(&id, db, &m), COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM memberships_overview WHERE person = 'Jonas Kairys' "
	                                "AND date_from = '2021-01' AND date_to = '2023-12-31' AND documents IS NULL"), 1);
}


/* ---- terms from what the documents say happened ---------------------------- */

static const char R2023[] =
	"Akmenės rajono savivaldybės bendruomeninių organizacijų tarybos veiklos 2023 metais ataskaita\n\n"
	"Tarybos sudėtis:\n"
	"Karolis Urbonas – Tarybos pirmininkas, Naujosios Akmenės bendruomenė\n"
	"Ona Petraitienė – Tarybos narė, Savivaldybės administracija\n"
	"Jonas Kairys – Tarybos narys, Ventos bendruomenė\n"
	"Vida Mockienė – Tarybos narė, Papilės bendruomenė\n";
/* The next year's report tells only of changes: no composition. */
static const char R2024[] =
	"Akmenės rajono savivaldybės bendruomeninių organizacijų tarybos veiklos 2024 metais ataskaita\n\n"
	"2024 m. birželio 10 d. Tarybos pirmininkas Karolis Urbonas atsistatydino, "
	"Tarybos pirmininke išrinkta Ona Petraitienė.\n\n"
	"Vietoj Vidos Mockienės į Tarybos sudėtį deleguota Rūta Balčiūnienė (Kruopių bendruomenė).\n";

static void load_text(council_db *db, const char *path, const char *text, char hex)
{
	council_extraction *x = NULL;
	council_import_result res;
	char sha[65];

	memset(sha, hex, 64);
	sha[64] = '\0';
	assert_int_equal(council_import_parse(&x, path, text, strlen(text)), COUNCIL_OK);
	assert_int_equal(council_import_load(&res, db, x, sha), COUNCIL_OK);
	council_extraction_free(x);
}

static void test_terms_from_changes(void **state)
{
	council_db *db = *state;
	council_filter f;
	seen s;

	load_text(db, "/tmp/akmene-2023.txt", R2023, 'a');
	load_text(db, "/tmp/akmene-2024.txt", R2024, 'b');
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM member_change"), 4);
	/* a chair replaced mid-year: two chair memberships, one after the other */
	council_filter_init(&f);
	f.role = COUNCIL_ROLE_CHAIR;
	memset(&s, 0, sizeof s);
	assert_int_equal(council_query_memberships(db, &f, collect, &s), COUNCIL_OK);
	assert_int_equal(s.n, 2);
	assert_string_equal(s.rows[0], "Karolis Urbonas chair 2023..2024-06-10");
	assert_string_equal(s.rows[1], "Ona Petraitienė chair 2024-06-10..");
	f.range.start = f.range.end = tu_date("2024-06-01");
	memset(&s, 0, sizeof s);
	assert_int_equal(council_query_memberships(db, &f, collect, &s), COUNCIL_OK);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.rows[0], "Karolis Urbonas chair 2023..2024-06-10");
	f.range.start = f.range.end = tu_date("2024-07-01");
	memset(&s, 0, sizeof s);
	assert_int_equal(council_query_memberships(db, &f, collect, &s), COUNCIL_OK);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.rows[0], "Ona Petraitienė chair 2024-06-10..");
	/* "vietoj": the member replaced ends in the report's year, her
	 * successor starts; one who is not named goes on (a report of changes
	 * lists no composition) */
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM memberships_overview WHERE person = "
	                                "'Vida Mockienė' AND date_from = '2023' AND date_to = '2024'"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM memberships_overview WHERE person = "
	                                "'Rūta Balčiūnienė' AND date_from = '2024' AND date_to IS NULL"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM memberships_overview WHERE person = "
	                                "'Jonas Kairys' AND date_to IS NULL"), 1);
	/* a new version of the 2024 report without the resignation: its
	 * changes go with it, and the chair's term is open again */
	load_text(db, "/tmp/akmene-2024.txt",
	          "Akmenės rajono savivaldybės bendruomeninių organizacijų tarybos veiklos 2024 metais "
	          "ataskaita\n\nTarybos pirmininkas Karolis Urbonas.\n", 'c');
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM member_change"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM memberships_overview WHERE person = "
	                                "'Karolis Urbonas' AND role = 'chair' AND date_from = '2023' "
	                                "AND date_to IS NULL"), 1);
}

/* ---- every writer settles before its caller sees -------------------------- */

/* Who is who as stored: each member's person and the listed ambiguities
 * (a heap string). */
static char *people_state(council_db *db)
{
	sqlite3_stmt *st;
	char *out;

	assert_int_equal(sqlite3_prepare_v2(db->sql, "SELECT coalesce((SELECT group_concat(id || '>' "
	                 "|| coalesce(person_id, 'none'), ' ') FROM (SELECT * FROM member ORDER BY id)), '') "
	                 "|| ' / ' || coalesce((SELECT group_concat(member_id || '~' || candidate || "
	                 "reason, ' ') FROM (SELECT * FROM person_ambiguity ORDER BY 1, 2)), '')", -1,
	                 &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	out = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return out;
}

/* Every member has its person and the lists are as a settle of every
 * council, done now, leaves them: a writer that forgot to settle, or to
 * list the initials again, fails here. */
static void assert_settled(council_db *db, const char *after)
{
	char *before = people_state(db), *again;
	council_id c;

	if (tu_sql_int(db, "SELECT count(*) FROM member WHERE person_id IS NULL"))
		fail_msg("after %s: a member without a person: %s", after, before);
	/* each council's, which lists its initials again, then the rest */
	assert_int_equal(council_begin(db), COUNCIL_OK);
	for (c = tu_sql_int(db, "SELECT max(id) FROM council"); c > 0; c--)
		assert_int_equal(cdb_people_settle(db, c), COUNCIL_OK);
	assert_int_equal(cdb_people_settle(db, COUNCIL_ALL), COUNCIL_OK);
	again = people_state(db);
	assert_int_equal(council_rollback(db), COUNCIL_OK);
	if (strcmp(before, again) != 0)
		fail_msg("after %s: not settled:\n  %s\nsettled:\n  %s", after, before, again);
	free(before);
	free(again);
}

static int64_t initial_ambiguities(council_db *db)
{
	return tu_sql_int(db, "SELECT count(*) FROM person_ambiguity WHERE reason = 'initial'");
}

static const char AKMENE_2022[] =
	"Akmenės rajono savivaldybės bendruomeninių organizacijų tarybos veiklos 2022 metais ataskaita\n\n"
	"Tarybos sudėtis:\n"
	"Juozas Petraitis – Tarybos narys, Ventos bendruomenė\n"
	"Vida Mockienė – Tarybos narė, Papilės bendruomenė\n";

/* "J. Petraitis" fits "Jonas Petraitis" alone, then also "Juozas
 * Petraitis" (listed as ambiguous), then not again, as each writer
 * changes the council's names: by hand, an import, a reviewed JSON, an
 * edit, a removal, a restore from the history, a merge. */
static void test_every_writer_settles(void **state)
{
	council_db *db = *state;
	council_id c = tu_add_council(db, "Akmenės rajono savivaldybės bendruomeninių organizacijų taryba");
	council_id ini, juozas;
	council_extraction *x = NULL, *y = NULL;
	council_import_result res;
	council_member *m = NULL;
	char *json = NULL, *dir, path[300], *p;
	council_db *other = NULL;
	size_t restored = 0;
	const char *sha_review = "1111111111111111111111111111111111111111111111111111111111111111";

	ini = add(db, c, "J. Petraitis", COUNCIL_ROLE_MEMBER, 0);
	add(db, c, "Jonas Petraitis", COUNCIL_ROLE_CHAIR, 0);
	assert_settled(db, "council_member_add");
	assert_int_equal(initial_ambiguities(db), 0);

	/* an import brings the second full name */
	load_text(db, "/tmp/akmene-2022.txt", AKMENE_2022, 'd');
	juozas = tu_sql_int(db, "SELECT id FROM member WHERE name = 'Juozas Petraitis'");
	assert_true(juozas > 0);
	assert_settled(db, "an import");
	assert_int_equal(initial_ambiguities(db), 1);

	/* a review of it renames him: the initial fits one person again */
	assert_int_equal(council_import_parse(&x, "/tmp/akmene-2022.txt", AKMENE_2022,
	                                      strlen(AKMENE_2022)), COUNCIL_OK);
	assert_int_equal(council_extraction_match_ids(x, db), COUNCIL_OK);
	assert_int_equal(council_extraction_to_json(&json, x), COUNCIL_OK);
	assert_non_null(strstr(json, "Juozas Petraitis"));
	while ((p = strstr(json, "Juozas Petraitis"))) {
		memmove(p + 12, p + 16, strlen(p + 16) + 1);
		memcpy(p, "Rimas Kairys", 12);
	}
	assert_int_equal(council_import_parse_json(&y, "/tmp/akmene-2022.json", json, strlen(json)),
	                 COUNCIL_OK);
	assert_non_null(strstr(json, "Rimas Kairys"));
	assert_int_equal(council_import_load(&res, db, y, sha_review), COUNCIL_OK);
	assert_int_equal(res.status, COUNCIL_IMPORT_REVIEWED);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM member WHERE name = 'Rimas Kairys'"), 1);
	assert_settled(db, "a reviewed JSON");
	assert_int_equal(initial_ambiguities(db), 0);

	/* an edit by hand names him back */
	assert_int_equal(council_member_get(&m, db, juozas), COUNCIL_OK);
	free((char *)m->name);
	m->name = strdup("Juozas Petraitis");
	assert_int_equal(council_member_update(db, m), COUNCIL_OK);
	council_member_free(m);
	assert_settled(db, "council_member_update");
	assert_int_equal(initial_ambiguities(db), 1);

	/* removed, and restored from the history */
	assert_int_equal(council_member_delete(db, juozas), COUNCIL_OK);
	assert_settled(db, "council_member_delete");
	assert_int_equal(initial_ambiguities(db), 0);
	assert_int_equal(council_record_restore(&restored, db, "member", juozas), COUNCIL_OK);
	assert_true(restored > 0);
	assert_settled(db, "council_record_restore");
	assert_int_equal(initial_ambiguities(db), 1);

	/* a merge brings a third */
	dir = strdup("/tmp/council-people-XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/other.db", dir);
	assert_int_equal(council_open(&other, path, 0), COUNCIL_OK);
	add(other, tu_add_council(other, "Akmenės rajono savivaldybės bendruomeninių organizacijų taryba"),
	    "Jurgis Petraitis", COUNCIL_ROLE_MEMBER, 0);
	council_close(other);
	assert_int_equal(council_merge(NULL, db, path, NULL, NULL), COUNCIL_OK);
	assert_settled(db, "council_merge");
	assert_int_equal(initial_ambiguities(db), 2);
	assert_int_equal(person_of(db, ini), person_of(db, tu_sql_int(db, "SELECT id FROM member WHERE "
	                                                              "name = 'Jonas Petraitis'")));
	unlink(path);
	rmdir(dir);
	free(dir);
	council_free(json);
	council_extraction_free(x);
	council_extraction_free(y);
}

static void test_query_refuses(void **state)
{
	council_db *db = *state;
	council_filter f;
	seen s;

	council_filter_init(&f);
	f.role = 42;
	tu_assert_error(db, council_query_memberships(db, &f, collect, &s), COUNCIL_EINVAL, "filter.role");
	council_filter_init(&f);
	f.council_id = 0;
	assert_int_equal(council_query_memberships(db, &f, collect, &s), COUNCIL_EINVAL);
	council_filter_init(&f);
	f.range.start = tu_date("2024-05-01");
	f.range.end = tu_date("2024-04-01");
	tu_assert_error(db, council_query_memberships(db, &f, collect, &s), COUNCIL_EINVAL, "filter.range");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		TU_BOTH(test_variants_in_one_council),
		TU_BOTH(test_initial_first_then_full_name),
		TU_BOTH(test_former_surname_stated),
		TU_BOTH(test_across_councils),
		TU_BOTH(test_edit_name),
		TU_BOTH(test_terms_from_reports),
		TU_BOTH(test_terms_dated_and_by_hand),
		TU_BOTH(test_terms_next_office_and_composition),
		TU_BOTH(test_terms_from_changes),
		TU_BOTH(test_every_writer_settles),
		TU_BOTH(test_query_refuses),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
