/* SPDX-License-Identifier: MIT */
/*
 * test_segment.c -- paragraphs, docx and pipe tables, column roles from
 * headings, and sentence splitting around Lithuanian abbreviations.
 */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "import/report.h"

static void text(lt_text *t, const char *s)
{
	size_t bad;
	assert_int_equal(lt_text_init(t, s, strlen(s), &bad), COUNCIL_OK);
}

static char *cell(const lt_text *t, seg_span c)
{
	return lt_text_clean(t, c.start, c.end);
}

static void test_column_roles(void **state)
{
	static const struct { const char *h; seg_col col; } cases[] = {
		{ "Eil. Nr.", COL_SEQ }, { "Nr.", COL_SEQ },
		{ "Priemonės pavadinimas", COL_NAME }, { "Priemonė", COL_NAME },
		{ "Rodiklio pavadinimas", COL_INDICATOR }, { "Vertinimo kriterijus", COL_INDICATOR },
		{ "Atsakingi vykdytojai", COL_RESPONSIBLE }, { "Atsakingi", COL_RESPONSIBLE },
		{ "Įvykdymas", COL_FULFILMENT }, { "Informacija apie vykdymą", COL_FULFILMENT },
		{ "Vykdymo terminas", COL_DEADLINE }, { "Įvykdymo terminas", COL_DEADLINE },
		{ "Pasiekta reikšmė", COL_VALUE }, { "Pastabos", COL_NOTES },
		{ "Deleguojanti institucija", COL_DELEGATED }, { "Delegavo", COL_DELEGATED },
		{ "Spalva", COL_OTHER },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		seg_col got = seg_column_role(cases[i].h, strlen(cases[i].h));
		if (got != cases[i].col)
			fail_msg("\"%s\": role %d, want %d", cases[i].h, got, cases[i].col);
	}
}

static void test_docx_table(void **state)
{
	lt_text t;
	seg_doc d;
	char *s;

	(void)state;
	text(&t, "Title line\n\n\tEil. Nr.\n\tPriemonės pavadinimas\n\tĮvykdymas\n\n"
	         "\t1.\n\tPirma priemonė\n\tPirmas sakinys.\nAntra pastraipa.\n\n"
	         "\t2.\n\tAntra\n\tNieko.\n\nPo lentelės.\n");
	assert_int_equal(seg_document(&d, &t), COUNCIL_OK);
	assert_int_equal(d.layout, SEG_DOCX_TABLE);
	assert_int_equal(d.n_blocks, 3);
	assert_false(d.blocks[0].is_table);
	assert_true(d.blocks[1].is_table);
	assert_int_equal(d.blocks[1].n_rows, 2); /* the heading row is not a body row */
	assert_int_equal(d.blocks[1].cols[0], COL_SEQ);
	assert_int_equal(d.blocks[1].cols[2], COL_FULFILMENT);
	s = cell(&t, d.blocks[1].rows[0].cells[2]);
	assert_string_equal(s, "Pirmas sakinys. Antra pastraipa."); /* a two-paragraph cell */
	free(s);
	assert_false(d.blocks[2].is_table);
	seg_free(&d);
	lt_text_free(&t);
}

static void test_pipe_table(void **state)
{
	lt_text t;
	seg_doc d;
	char *s;

	(void)state;
	text(&t, "| Nr. | Priemonės pavadinimas | Atsakingi | Įvykdymas |\n"
	         "|---|---|---|---|\n"
	         "| 1. | Mokymai | Kultūros skyrius | Įvyko. |\n"
	         "| 2. | Išvyka | Skyrius A, Skyrius B | |\n");
	assert_int_equal(seg_document(&d, &t), COUNCIL_OK);
	assert_int_equal(d.layout, SEG_PIPE_TABLE);
	assert_int_equal(d.n_blocks, 1);
	assert_int_equal(d.blocks[0].n_rows, 2);
	assert_int_equal(d.blocks[0].cols[2], COL_RESPONSIBLE);
	s = cell(&t, d.blocks[0].rows[1].cells[2]);
	assert_string_equal(s, "Skyrius A, Skyrius B");
	free(s);
	seg_free(&d);
	lt_text_free(&t);
}

/* A table pasted as tab-separated lines: one row per line; a single line
 * with tabs inside prose is no table. */
static void test_tsv_table(void **state)
{
	lt_text t;
	seg_doc d;
	char *s;

	(void)state;
	text(&t, "Ataskaita.\n\n"
	         "Eil. Nr.\tPriemonė\tAtsakingi vykdytojai\tĮvykdymas\n"
	         "1.\tMokymai\tKultūros skyrius\tĮvyko.\n"
	         "2.\tIšvyka\tSkyrius A, Skyrius B\t\n"
	         "\nPo lentelės\ttekstas\tsu tabais.\n");
	assert_int_equal(seg_document(&d, &t), COUNCIL_OK);
	assert_int_equal(d.n_blocks, 3);
	assert_true(d.blocks[1].is_table);
	assert_int_equal(d.blocks[1].n_rows, 2);
	assert_int_equal(d.blocks[1].cols[2], COL_RESPONSIBLE);
	s = cell(&t, d.blocks[1].rows[1].cells[2]);
	assert_string_equal(s, "Skyrius A, Skyrius B");
	free(s);
	assert_false(d.blocks[2].is_table);
	seg_free(&d);
	lt_text_free(&t);
}

/* A table exported as CSV with semicolons: quoted cells keep their
 * semicolons and doubled quotes, a row of empty cells is skipped, and a
 * prose line with semicolons is no table. */
static void test_csv_table(void **state)
{
	lt_text t;
	seg_doc d;
	char *c;

	(void)state;
	text(&t, "Sąrašas:\n\n"
	         "Data;Renginys;Vieta;Dalyviai\n"
	         "2024-02-15;\"Seminaras \"\"A; B\"\"\";Kultūros centras;45\n"
	         ";;;\n"
	         "2024-05-18;Sąskrydis;Tirkšliai;apie 300\n"
	         "\nAptarta: planai; lėšos; patalpos.\nKita eilutė; su; kabliataškiais.\n");
	assert_int_equal(seg_document(&d, &t), COUNCIL_OK);
	assert_int_equal(d.n_blocks, 3);
	assert_true(d.blocks[1].is_table);
	assert_int_equal(d.blocks[1].kind, TABLE_EVENTS);
	assert_int_equal(d.blocks[1].n_rows, 2);
	c = cell(&t, d.blocks[1].rows[0].cells[1]);
	assert_string_equal(c, "\"Seminaras \"\"A; B\"\"\"");
	free(c);
	c = cell(&t, d.blocks[1].rows[1].cells[3]);
	assert_string_equal(c, "apie 300");
	free(c);
	assert_false(d.blocks[2].is_table);
	seg_free(&d);
	lt_text_free(&t);
}

/* A whole row per line indented by a tab, as some docx exports write it:
 * the indentation is no empty first cell, and these rows are not the
 * one-cell-per-line docx layout either. */
static void test_tsv_table_indented(void **state)
{
	lt_text t;
	seg_doc d;
	char *s;

	(void)state;
	text(&t, "Ataskaita.\n\n"
	         "\tEil. Nr.\tPriemonė\tAtsakingi vykdytojai\tĮvykdymas\n"
	         "\t1.\tMokymai\tKultūros skyrius\tĮvyko.\n"
	         "\t2.\tIšvyka\tSkyrius A, Skyrius B\tNeįvyko.\n"
	         "\nPirmininkas\t\tJonas Jonaitis\n");
	assert_int_equal(seg_document(&d, &t), COUNCIL_OK);
	assert_int_equal(d.n_blocks, 3);
	assert_true(d.blocks[1].is_table);
	assert_int_equal(d.blocks[1].n_rows, 2); /* the heading row is the columns */
	assert_int_equal(d.blocks[1].rows[1].n_cells, 4);
	assert_int_equal(d.blocks[1].cols[2], COL_RESPONSIBLE);
	s = cell(&t, d.blocks[1].rows[1].cells[0]);
	assert_string_equal(s, "2.");
	free(s);
	s = cell(&t, d.blocks[1].rows[1].cells[2]);
	assert_string_equal(s, "Skyrius A, Skyrius B");
	free(s);
	assert_false(d.blocks[2].is_table);
	seg_free(&d);
	lt_text_free(&t);
}

static void test_lists_split_paragraphs(void **state)
{
	lt_text t;
	seg_doc d;

	(void)state;
	text(&t, "Posėdžiai:\n- 2022-03-01 posėdis\n- 2022-06-09 posėdis\n1. Punktas\n2024 m. tekstas tęsiasi\n");
	assert_int_equal(seg_document(&d, &t), COUNCIL_OK);
	/* "2024 m." at a line start is not a numbered item. */
	assert_int_equal(d.n_blocks, 4);
	seg_free(&d);
	lt_text_free(&t);
}

typedef struct sents {
	char *s[16];
	int n;
	const lt_text *t;
} sents;

static int take(void *ctx, size_t a, size_t b)
{
	sents *ss = ctx;
	if (ss->n < 16)
		ss->s[ss->n++] = lt_text_clean(ss->t, a, b);
	return 0;
}

static void test_sentences(void **state)
{
	lt_text t;
	sents ss = { { 0 }, 0, &t };
	int i;

	(void)state;
	text(&t, "2024 m. sausio 30 d. vykusiame posėdyje pristatyta. Dalyvavo J. Jonaitis ir kt. asmenys. "
	         "Taip pat Nr. 5 dokumentas! Klausimas?\nNauja eilutė\ntęsiasi čia.");
	seg_sentences(&t, 0, t.len, take, &ss);
	assert_int_equal(ss.n, 5);
	assert_string_equal(ss.s[0], "2024 m. sausio 30 d. vykusiame posėdyje pristatyta.");
	assert_string_equal(ss.s[1], "Dalyvavo J. Jonaitis ir kt. asmenys.");
	assert_string_equal(ss.s[2], "Taip pat Nr. 5 dokumentas!");
	assert_string_equal(ss.s[4], "Nauja eilutė tęsiasi čia.");
	for (i = 0; i < ss.n; i++)
		free(ss.s[i]);
	lt_text_free(&t);
}

typedef struct cuts {
	size_t a[16], b[16];
	int n;
} cuts;

static int take_span(void *ctx, size_t a, size_t b)
{
	cuts *cs = ctx;
	if (cs->n < 16) {
		cs->a[cs->n] = a;
		cs->b[cs->n++] = b;
	}
	return 0;
}

/* A "sentence" past SEG_SENTENCE_MAX bytes is passed on in parts: cut
 * after its last ";" in the second half, else its last "," there, else
 * its last space, else at a character boundary. */
static void test_overlong_sentences(void **state)
{
	size_t n = 3 * SEG_SENTENCE_MAX, i;
	char *s = malloc(n + 1);
	lt_text t;
	cuts cs = { { 0 }, { 0 }, 0 };

	(void)state;
	assert_non_null(s);
	/* words of five letters and a space; a ";" early (first half: not
	 * taken), a "," and a ";" in the second half, the ";" before it */
	for (i = 0; i < n; i++)
		s[i] = i % 6 == 5 ? ' ' : 'a';
	s[n] = '\0';
	s[299] = ';';
	s[1499] = ';';
	s[1799] = ',';
	text(&t, s);
	seg_sentences(&t, 0, t.len, take_span, &cs);
	assert_true(cs.n >= 3);
	assert_int_equal(cs.a[0], 0);
	assert_int_equal(cs.b[0], 1500);   /* after the ";": clause first */
	/* the next part has no clause mark in its second half: its last space */
	assert_int_equal(cs.a[1], 1500);
	assert_int_equal(cs.b[1] % 6, 0);
	assert_true(cs.b[1] > 1500 + SEG_SENTENCE_MAX - 6 && cs.b[1] <= 1500 + SEG_SENTENCE_MAX + 1);
	lt_text_free(&t);
	/* no space at all: cut at the limit, on a character boundary (two-byte
	 * letters throughout) */
	for (i = 0; i + 1 < n; i += 2)
		memcpy(s + i, "\xC5\xA1", 2); /* š */
	s[n] = '\0';
	cs.n = 0;
	text(&t, s);
	seg_sentences(&t, 0, t.len, take_span, &cs);
	assert_true(cs.n >= 2);
	assert_int_equal(cs.a[0], 0);
	assert_int_equal(cs.b[0], SEG_SENTENCE_MAX);
	assert_int_equal(cs.a[1], SEG_SENTENCE_MAX);
	lt_text_free(&t);
	free(s);
}

/* Text extracted from a PDF: lines wrapped at a width continue their
 * sentence even where the next line opens with a capital or a digit; a
 * paragraph cut by a page break goes on where the next one opens in lower
 * case; "Label: value" lines of a form stay sentences of their own. */
static void test_pdf_paragraphs(void **state)
{
	lt_text t;
	seg_doc d;
	sents ss = { { 0 }, 0, &t };
	int i;

	(void)state;
	text(&t, "Tarybos 2022 m. veiklos ataskaita pristatyta Šakių rajono savivaldybės tarybos\n"
	         "2023 m. vasario 23 d. posėdyje. Tarybos pirmininkas S. Jasaitis ir pavaduotoja\n"
	         "R. Kriaučiūnienė rudenį dalyvavo Gelgaudiškio ir Sintautų seniūnijų išplėstinėse\n"
	         "seniūnaičių sueigose, kuriose pristatė priemonės „Stiprinti bendruomeninę veiklą\n"
	         "savivaldybėse“ rezultatus ir aptarė ateities planus, o rugpjūčio 24 d.\n"
	         "\n"
	         "įvyko pirmasis naujos sudėties posėdis.\n"
	         "\n"
	         "Narių skaičius: 8 (4 Savivaldybės ir 4 organizacijų atstovai)\n"
	         "Pirmininkė: Jurgita Mickevičienė, Sangrūdos bendruomenė\n"
	         "Pavaduotojas: Tomas Bacevičius, Kalvarijos savivaldybės administracija\n");
	assert_int_equal(seg_document(&d, &t), COUNCIL_OK);
	assert_int_equal(d.n_blocks, 2); /* the page break joined */
	seg_sentences(&t, d.blocks[0].span.start, d.blocks[0].span.end, take, &ss);
	assert_int_equal(ss.n, 2);
	assert_string_equal(ss.s[0], "Tarybos 2022 m. veiklos ataskaita pristatyta Šakių rajono savivaldybės "
	                             "tarybos 2023 m. vasario 23 d. posėdyje.");
	assert_non_null(strstr(ss.s[1], "rugpjūčio 24 d. įvyko pirmasis"));
	for (i = 0; i < ss.n; i++)
		free(ss.s[i]);
	ss.n = 0;
	seg_sentences(&t, d.blocks[1].span.start, d.blocks[1].span.end, take, &ss);
	assert_int_equal(ss.n, 3);
	for (i = 0; i < ss.n; i++)
		free(ss.s[i]);
	seg_free(&d);
	lt_text_free(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_column_roles),
		cmocka_unit_test(test_docx_table),
		cmocka_unit_test(test_pipe_table),
		cmocka_unit_test(test_tsv_table),
		cmocka_unit_test(test_tsv_table_indented),
		cmocka_unit_test(test_csv_table),
		cmocka_unit_test(test_lists_split_paragraphs),
		cmocka_unit_test(test_sentences),
		cmocka_unit_test(test_overlong_sentences),
		cmocka_unit_test(test_pdf_paragraphs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
