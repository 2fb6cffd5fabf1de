/* SPDX-License-Identifier: MIT */
/*
 * test_normalise.c -- the first import stage: what is removed, what is
 * rewritten in the parse view, and that offsets map back to the original.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "import/report.h"

static void init_ok(lt_text *t, const char *s)
{
	size_t bad = 0;
	assert_int_equal(lt_text_init(t, s, strlen(s), &bad), COUNCIL_OK);
	assert_int_equal(strlen(t->norm), t->len);
	assert_int_equal(strlen(t->view), t->len);
}

static void test_removals(void **state)
{
	static const struct { const char *in, *norm; } cases[] = {
		{ "\xEF\xBB\xBFTaryba", "Taryba" },                     /* BOM */
		{ "a\r\nb\r\n", "a\nb\n" },                             /* CRLF */
		{ "a\rb", "a\nb" },                                      /* lone CR */
		{ "[bookmark: _Hlk123]Klaipėdos", "Klaipėdos" },         /* docx artefact */
		{ "x[bookmark: a][bookmark: b]y", "xy" },
		{ "**KAUNO MIESTO**", "KAUNO MIESTO" },                  /* bold */
		{ "*2022-02-18 Nr. B28-2-1*", "2022-02-18 Nr. B28-2-1" }, /* italic */
		{ "* punktas", "* punktas" },                            /* a bullet stays */
		{ "a\xE2\x80\x8B" "b", "ab" },                           /* zero-width space */
		{ "[nuoroda]", "[nuoroda]" },                            /* other brackets stay */
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		lt_text t;
		init_ok(&t, cases[i].in);
		assert_string_equal(t.norm, cases[i].norm);
		lt_text_free(&t);
	}
}

static void test_view_rewrites(void **state)
{
	lt_text t;

	(void)state;
	/* NBSP (2 bytes) -> 2 spaces; en dash and U+2212 (3 bytes) -> " - ". */
	init_ok(&t, "2024\xC2\xA0m. 16\xE2\x80\x93" "17 d. 2023\xE2\x88\x92" "2025");
	assert_string_equal(t.view, "2024  m. 16 - 17 d. 2023 - 2025");
	/* norm keeps the characters, so stored text is as the report wrote it. */
	assert_non_null(strstr(t.norm, "\xE2\x80\x93"));
	lt_text_free(&t);
	/* a markdown cell's "<br>" ends a clause */
	init_ok(&t, "| 27 asmenys<br>2024-06-06 | a;<br />b | <bR/>c |");
	assert_string_equal(t.view, "| 27 asmenys;   2024-06-06 | a;      b |      c |");
	lt_text_free(&t);
}

static void test_offsets_map_back(void **state)
{
	const char *in = "\xEF\xBB\xBF[bookmark: x]ab\r\ncd";
	lt_text t;
	size_t off;

	(void)state;
	init_ok(&t, in);
	assert_string_equal(t.norm, "ab\ncd");
	off = lt_text_orig_offset(&t, 0);             /* 'a' */
	assert_int_equal(in[off], 'a');
	off = lt_text_orig_offset(&t, 3);             /* 'c' after the dropped CR */
	assert_int_equal(in[off], 'c');
	assert_int_equal(lt_text_line(&t, off), 2);
	assert_int_equal(lt_text_line(&t, 0), 1);
	lt_text_free(&t);
}

/* Text saved in NFD is composed to NFC (issue 10, problem 7), and offsets
 * still point at the original bytes. */
static void test_nfd_composed(void **state)
{
	const char *in = "Klaipe\xCC\x87" "dos S\xCC\x8C" "iaulia\xCC\xA8\npose\xCC\x87" "dis 5\xCC\x81";
	lt_text t;
	size_t off;

	(void)state;
	init_ok(&t, in);
	assert_string_equal(t.norm, "Klaipėdos Šiaulią\nposėdis 5\xCC\x81"); /* a mark after a digit stays */
	off = lt_text_orig_offset(&t, strlen("Klaipė"));    /* 'd' */
	assert_int_equal(in[off], 'd');
	assert_int_equal(off, strlen("Klaipe\xCC\x87"));
	off = lt_text_orig_offset(&t, strlen("Klaipėdos Šiaulią\n")); /* 'p' */
	assert_int_equal(in[off], 'p');
	assert_int_equal(lt_text_line(&t, off), 2);
	lt_text_free(&t);
}

/* Plain bytes are copied eight at a time: a mark, an emphasis mark, a
 * carriage return or a soft break at any distance from the run's start
 * is still seen (the byte before a mark composed, the others dropped). */
static void test_long_runs(void **state)
{
	char in[160], want[160];
	size_t k;
	lt_text t;

	(void)state;
	for (k = 0; k < 24; k++) {
		memset(in, 'x', k);
		memset(want, 'x', k);
		snprintf(in + k, sizeof in - k, "e\xCC\x87yyyyyyyyyyyyyyyy *z*\nšaka aaaaaaaaa\r\naaaaaaakal-\nbos");
		snprintf(want + k, sizeof want - k, "ėyyyyyyyyyyyyyyyy z\nšaka aaaaaaaaa\naaaaaaakalbos");
		init_ok(&t, in);
		assert_string_equal(t.norm, want);
		assert_int_equal(lt_text_orig_offset(&t, k + strlen("ė")), k + 3); /* the first 'y' */
		lt_text_free(&t);
		/* a clean copy: the runs between blanks whole, blanks one space */
		snprintf(in, sizeof in, "%.*s  aaaaaaaaaaaa\xC2\xA0\n bbbbbbbbbbbbbbbbbbbb \tčcccccccc. ", (int)k,
		         "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
		snprintf(want, sizeof want, "%.*s%saaaaaaaaaaaa bbbbbbbbbbbbbbbbbbbb čcccccccc.", (int)k,
		         "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", k ? " " : "");
		init_ok(&t, in);
		{
			char *c = lt_text_clean(&t, 0, t.len);
			assert_non_null(c);
			assert_string_equal(c, want);
			free(c);
		}
		lt_text_free(&t);
	}
}

/* Whether the text is NFC-stable is known once, so that quotes taken from
 * it are not normalised again: a report in Lithuanian with its quotes and
 * dashes is; one with a mark the normaliser leaves (after a digit) or an
 * en quad is not. */
static void test_nfc_flag(void **state)
{
	static const struct { const char *in; int nfc; } cases[] = {
		{ "Kauno „Tarybos“ posėdis – 2024 m. 5 €", 1 },
		{ "Klaipe\xCC\x87" "dos", 1 },          /* composed by the normaliser */
		{ "posėdis 5\xCC\x81", 0 },              /* a mark stays after a digit */
		{ "a\xE2\x80\x80" "b", 0 },             /* U+2000 */
		{ "", 1 },
	};
	lt_text t;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		init_ok(&t, cases[i].in);
		assert_int_equal(t.nfc, cases[i].nfc);
		lt_text_free(&t);
	}
}

/* A row of a two-column form, "Label<TAB>value", reads as "Label: value";
 * docx cells (a tab at the line start), tables (several tabs) and a tab
 * after a colon stay as they are. */
static void test_form_rows(void **state)
{
	static const struct { const char *in, *norm; } cases[] = {
		{ "Posėdžių skaičius\t5\nIš jų nuotolinių\t2", "Posėdžių skaičius: 5\nIš jų nuotolinių: 2" },
		{ "\tEil. Nr.\n\tPriemonė", "\tEil. Nr.\n\tPriemonė" },
		{ "1.\tMokymai\tKultūros skyrius", "1.\tMokymai\tKultūros skyrius" },
		{ "Data:\t2024-01-20", "Data:\t2024-01-20" },
		{ "Pirmininkas\t\tJonas Jonaitis", "Pirmininkas\t\tJonas Jonaitis" },
	};
	const char *in = "Posėdžių skaičius\t5\nData\t2024-01-20";
	lt_text t;
	size_t i, off;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		init_ok(&t, cases[i].in);
		assert_string_equal(t.norm, cases[i].norm);
		lt_text_free(&t);
	}
	/* offsets after the added byte still map to the original */
	init_ok(&t, in);
	off = lt_text_orig_offset(&t, (size_t)(strstr(t.norm, "5") - t.norm));
	assert_int_equal(in[off], '5');
	off = lt_text_orig_offset(&t, (size_t)(strstr(t.norm, "2024") - t.norm));
	assert_memory_equal(in + off, "2024", 4);
	lt_text_free(&t);
}

/* A PDF's page numbers and the running header after them go; a word
 * hyphenated at a line end is joined; a dash and a capital stay. */
static void test_pdf_furniture(void **state)
{
	static const struct { const char *in, *norm; } cases[] = {
		{ "Tekstas tęsiasi\n\n1 iš 4\n\nŠakių rajono tarybos 2023 m. veiklos ataskaita\n\ntoliau.",
		  "Tekstas tęsiasi\n\n\n\ntoliau." },
		{ "Tekstas.\n- 2 -\nKitas.", "Tekstas.\nKitas." },
		{ "Tekstas.\n3 psl.\n3. RENGINIAI\n", "Tekstas.\n3. RENGINIAI\n" },
		{ "bendruo-\nmenių", "bendruomenių" },
		{ "Savivaldy-\r\nbės", "Savivaldybės" },
		{ "Kauno-\nVilniaus", "Kauno-\nVilniaus" },
		{ "2023 -\nkovas", "2023 -\nkovas" },
		/* a number alone is a value, not a page; a docx cell neither */
		{ "Posėdžių skaičius\n5\n", "Posėdžių skaičius\n5\n" },
		{ "\tDalyvių sk.\n\t2 iš 4\n", "\tDalyvių sk.\n\t2 iš 4\n" },
	};
	size_t i;
	lt_text t;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		init_ok(&t, cases[i].in);
		if (strcmp(t.norm, cases[i].norm))
			fail_msg("case %zu: \"%s\"", i, t.norm);
		lt_text_free(&t);
	}
}

/* A web page saved as text: tags go, a list item keeps its dash, a
 * paragraph's end its break, entities become their characters; "<br>"
 * stays for the view; text with one "<" is no web page. */
static void test_html(void **state)
{
	const char *in = "<p><strong>Tarybos vadovai:</strong></p>\n<ul>\n"
	                 "<li>pirmininkė&nbsp;– J. Vaitkevičienė, asociacija &quot;Didžiasalio bendruomenė&quot;;</li>\n"
	                 "</ul>\n<p class=\"date\">2025-02-06<br>x</p>\n";
	lt_text t;
	size_t off;

	(void)state;
	init_ok(&t, in);
	assert_string_equal(t.norm, "Tarybos vadovai:\n\n\n- pirmininkė – J. Vaitkevičienė, asociacija "
	                            "\"Didžiasalio bendruomenė\";\n\n\n2025-02-06<br>x\n\n");
	off = lt_text_orig_offset(&t, (size_t)(strstr(t.norm, "J. V") - t.norm));
	assert_memory_equal(in + off, "J. V", 4);
	lt_text_free(&t);
	init_ok(&t, "Dalyvių < 40, <nuotoliniu> &nbsp;");
	assert_string_equal(t.norm, "Dalyvių < 40, <nuotoliniu> &nbsp;");
	lt_text_free(&t);
}

static void test_clean_collapses_space(void **state)
{
	lt_text t;
	char *s;

	(void)state;
	init_ok(&t, "  a \n\t b\xC2\xA0\xC2\xA0" "c  ");
	s = lt_text_clean(&t, 0, t.len);
	assert_string_equal(s, "a b c");
	free(s);
	s = lt_text_clean(&t, 5, 2); /* reversed range is empty, not a crash */
	assert_string_equal(s, "");
	free(s);
	lt_text_free(&t);
}

static void test_rejects_bad_bytes(void **state)
{
	lt_text t;
	size_t bad = 99;

	(void)state;
	assert_int_equal(lt_text_init(&t, "ab\0cd", 5, &bad), COUNCIL_EPARSE);
	assert_int_equal(bad, 2);
	assert_int_equal(lt_text_init(&t, "ok \xC3\x28", 5, &bad), COUNCIL_EPARSE);
	assert_int_equal(bad, 3);
	assert_int_equal(lt_text_init(&t, "\xED\xA0\x80", 3, &bad), COUNCIL_EPARSE); /* surrogate */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_removals),
		cmocka_unit_test(test_view_rewrites),
		cmocka_unit_test(test_offsets_map_back),
		cmocka_unit_test(test_nfd_composed),
		cmocka_unit_test(test_long_runs),
		cmocka_unit_test(test_nfc_flag),
		cmocka_unit_test(test_form_rows),
		cmocka_unit_test(test_pdf_furniture),
		cmocka_unit_test(test_html),
		cmocka_unit_test(test_clean_collapses_space),
		cmocka_unit_test(test_rejects_bad_bytes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
