/* SPDX-License-Identifier: MIT */
/*
 * test_utf8.c -- UTF-8 decoding and encoding, Lithuanian case mapping,
 * folding, display width and collation (lib/utf8.c), and the public
 * council_text_* wrappers built on them.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "council.h"
#include "utf8.h"

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

static void test_round_trip(void **state)
{
	static const uint32_t cps[] = {
		0, 'A', 0x7F, 0x80, 0xE9, 0x105, 0x10D, 0x117, 0x161, 0x16B, 0x17E, 0x7FF, 0x800,
		0x20AC, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF
	};
	static const size_t lens[] = { 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 4, 4, 4 };
	size_t k;

	(void)state;
	for (k = 0; k < N_ELEMS(cps); k++) {
		char buf[4];
		uint32_t back = 1234;
		size_t n = utf8_encode(buf, cps[k]);
		if (n != lens[k] || utf8_decode(&back, buf, n) != n || back != cps[k]) {
			print_error("U+%04X: encoded %zu bytes (want %zu), decoded U+%04X\n",
			            (unsigned)cps[k], n, lens[k], (unsigned)back);
			fail();
		}
		assert_true(utf8_valid(buf, n));
	}
}

static void test_encode_unencodable(void **state)
{
	char buf[4];
	uint32_t cp;

	(void)state;
	/* surrogates and values past U+10FFFF become U+FFFD */
	assert_int_equal(utf8_encode(buf, 0xD800), 3);
	assert_memory_equal(buf, "\xEF\xBF\xBD", 3);
	assert_int_equal(utf8_encode(buf, 0x110000), 3);
	assert_int_equal(utf8_decode(&cp, buf, 3), 3);
	assert_int_equal(cp, 0xFFFD);
}

static void test_invalid_sequences(void **state)
{
	static const struct {
		const char *bytes;
		const char *why;
	} bad[] = {
		{ "\xC0\xAF", "overlong 2-byte '/'" },
		{ "\xC1\xBF", "overlong 2-byte" },
		{ "\xE0\x80\xAF", "overlong 3-byte" },
		{ "\xE0\x9F\xBF", "overlong 3-byte, top" },
		{ "\xF0\x80\x80\xAF", "overlong 4-byte" },
		{ "\xF0\x8F\xBF\xBF", "overlong 4-byte, top" },
		{ "\xED\xA0\x80", "high surrogate" },
		{ "\xED\xBF\xBF", "low surrogate" },
		{ "\xF4\x90\x80\x80", "past U+10FFFF" },
		{ "\xF5\x80\x80\x80", "lead byte F5" },
		{ "\xFF", "byte FF" },
		{ "\x80", "lone continuation" },
		{ "\xC4", "truncated 2-byte" },
		{ "\xE2\x80", "truncated 3-byte" },
		{ "\xF0\x9F\x98", "truncated 4-byte" },
		{ "\xC4\x41", "continuation missing" },
	};
	size_t k;

	(void)state;
	for (k = 0; k < N_ELEMS(bad); k++) {
		uint32_t cp = 0;
		size_t n = strlen(bad[k].bytes);
		size_t used = utf8_decode(&cp, bad[k].bytes, n);
		if (used != 1 || cp != 0xFFFD || utf8_valid(bad[k].bytes, n)) {
			print_error("%s: used %zu, cp U+%04X, valid %d\n", bad[k].why, used, (unsigned)cp,
			            utf8_valid(bad[k].bytes, n));
			fail();
		}
	}
	/* an invalid byte in the middle spoils the whole text */
	assert_false(utf8_valid("Klaip\xC4 dos", 11));
	assert_true(utf8_valid("Klaipėdos", strlen("Klaipėdos")));
	assert_true(utf8_valid("", 0));
	/* decoding stops at n even inside a valid sequence */
	{
		uint32_t cp;
		assert_int_equal(utf8_decode(&cp, "ė", 1), 1);
		assert_int_equal(cp, 0xFFFD);
	}
}

static void test_case_pairs(void **state)
{
	static const uint32_t pairs[][2] = {
		{ 'A', 'a' },     { 'Z', 'z' },     { 0x104, 0x105 }, { 0x10C, 0x10D }, { 0x118, 0x119 },
		{ 0x116, 0x117 }, { 0x12E, 0x12F }, { 0x160, 0x161 }, { 0x172, 0x173 }, { 0x16A, 0x16B },
		{ 0x17D, 0x17E }, { 0xC4, 0xE4 },   { 0xD6, 0xF6 },   { 0xC9, 0xE9 },   { 0x141, 0x142 },
		{ 0x143, 0x144 }, { 0x178, 0xFF },  { 0x179, 0x17A }, { 0x391, 0x3B1 }, { 0x3A3, 0x3C3 },
		{ 0x410, 0x430 }, { 0x42F, 0x44F }, { 0x401, 0x451 }, { 0x386, 0x3AC },
	};
	size_t k;

	(void)state;
	for (k = 0; k < N_ELEMS(pairs); k++) {
		if (utf8_lower(pairs[k][0]) != pairs[k][1] || utf8_upper(pairs[k][1]) != pairs[k][0] ||
		    utf8_lower(pairs[k][1]) != pairs[k][1] || utf8_upper(pairs[k][0]) != pairs[k][0]) {
			print_error("pair U+%04X/U+%04X\n", (unsigned)pairs[k][0], (unsigned)pairs[k][1]);
			fail();
		}
	}
	assert_int_equal(utf8_lower(0x130), 'i'); /* İ */
	assert_int_equal(utf8_lower('1'), '1');
	assert_int_equal(utf8_lower(0x4E2D), 0x4E2D);
	assert_int_equal(utf8_upper(0xDF), 0xDF); /* ß has no single capital */
}

static void test_fold_cp(void **state)
{
	static const uint32_t pairs[][2] = {
		{ 0x116, 'e' }, { 0x117, 'e' }, { 0x161, 's' }, { 0x160, 's' }, { 0x105, 'a' },
		{ 0x10C, 'c' }, { 0x12F, 'i' }, { 0x173, 'u' }, { 0x16B, 'u' }, { 0x17E, 'z' },
		{ 'A', 'a' },   { 'y', 'y' },   { 0xF6, 'o' },  { 0x142, 'l' }, { 0xFF, 'y' },
		{ 0xDF, 0xDF }, { 0xE6, 0xE6 }, { 0x410, 0x430 },
	};
	size_t k;

	(void)state;
	for (k = 0; k < N_ELEMS(pairs); k++) {
		if (utf8_fold_cp(pairs[k][0]) != pairs[k][1]) {
			print_error("fold U+%04X = U+%04X, want U+%04X\n", (unsigned)pairs[k][0],
			            (unsigned)utf8_fold_cp(pairs[k][0]), (unsigned)pairs[k][1]);
			fail();
		}
	}
}

static void test_fold_strings(void **state)
{
	static const char *const cases[][2] = {
		{ "ĄČĘĖĮŠŲŪŽ", "aceeisuuz" },
		{ "ąčęėįšųūž", "aceeisuuz" },
		{ "Klaipėdos", "klaipedos" },
		{ "ŠIAULIŲ RAJONO", "siauliu rajono" },
		{ "Kazlų Rūdos", "kazlu rudos" },
		{ "e\xCC\x87", "e" },          /* e + combining dot above */
		{ "Ärger Łódź", "arger lodz" },
		{ "ПРИВЕТ", "привет" },
		{ "2024 m. – „Taryba“", "2024 m. – „taryba“" },
		{ "", "" },
	};
	size_t k;

	(void)state;
	for (k = 0; k < N_ELEMS(cases); k++) {
		char *f = utf8_fold(cases[k][0], strlen(cases[k][0]));
		int bad;

		assert_non_null(f);
		bad = strcmp(f, cases[k][1]) != 0 || strlen(f) > strlen(cases[k][0]);
		if (bad)
			print_error("fold(\"%s\") = \"%s\", want \"%s\"\n", cases[k][0], f, cases[k][1]);
		free(f);
		assert_false(bad);
	}
	/* only the first n bytes are folded */
	{
		char *f = utf8_fold("ŠAUSIS", 4);
		assert_string_equal(f, "sau");
		free(f);
	}
}

static void test_ieq_prefix(void **state)
{
	(void)state;
	assert_int_equal(utf8_ieq_prefix("Sausio", 6, "sausio"), 6);
	assert_int_equal(utf8_ieq_prefix("SAUSIO 30", 9, "sausio"), 6);
	assert_int_equal(utf8_ieq_prefix("Šalčininkų", strlen("Šalčininkų"), "šalč"), strlen("Šalč"));
	assert_int_equal(utf8_ieq_prefix("ŠALČ", strlen("ŠALČ"), "šalč"), strlen("ŠALČ"));
	assert_int_equal(utf8_ieq_prefix("sausis", 6, "sausio"), 0);
	assert_int_equal(utf8_ieq_prefix("saus", 4, "sausio"), 0);
	/* diacritics count */
	assert_int_equal(utf8_ieq_prefix("salc", 4, "šalč"), 0);
	assert_int_equal(utf8_ieq_prefix("anything", 8, ""), 0);
}

static void test_width_and_length(void **state)
{
	static const struct {
		const char *s;
		size_t width, length;
	} cases[] = {
		{ "", 0, 0 },
		{ "Klaipėda", 8, 8 },
		{ "ąčęėįšųūž", 9, 9 },
		{ "ĄČĘĖĮŠŲŪŽ", 9, 9 },
		{ "漢字", 4, 2 },
		{ "한국", 4, 2 },
		{ "e\xCC\x81", 1, 2 },      /* combining acute: no column */
		{ "a\tb", 2, 3 },           /* a control character takes none */
		{ "\xFF" "ab", 3, 3 },      /* an invalid byte takes one */
		{ "€ 5", 3, 3 },
	};
	size_t k;

	(void)state;
	for (k = 0; k < N_ELEMS(cases); k++) {
		size_t n = strlen(cases[k].s);
		if (utf8_width(cases[k].s, n) != cases[k].width ||
		    utf8_length(cases[k].s, n) != cases[k].length) {
			print_error("\"%s\": width %zu (want %zu), length %zu (want %zu)\n", cases[k].s,
			            utf8_width(cases[k].s, n), cases[k].width, utf8_length(cases[k].s, n),
			            cases[k].length);
			fail();
		}
	}
}

static void check_order(const char *const *list, size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		for (j = 0; j < n; j++) {
			int c = utf8_collate(list[i], list[j]);
			int want = (i > j) - (i < j);
			if ((c > 0) - (c < 0) != want) {
				print_error("collate(\"%s\", \"%s\") = %d, want sign %d\n", list[i], list[j], c,
				            want);
				fail();
			}
		}
	}
}

static void test_collate_alphabet(void **state)
{
	static const char *const letters[] = {
		"a", "ą", "b", "c", "č", "d", "e", "ę", "ė", "f", "g", "h", "i", "į", "y", "j", "k",
		"l", "m", "n", "o", "p", "r", "s", "š", "t", "u", "ų", "ū", "v", "z", "ž"
	};

	(void)state;
	check_order(letters, N_ELEMS(letters));
}

static void test_collate_words(void **state)
{
	/* č, š, ž, y are letters of their own; ą ę ė į ų ū sort as their base
	 * letter and break ties only (the dictionary rule) */
	static const char *const words[] = {
		"azotas", "ąžuolas", "cukrus", "čiauškėti", "dalis", "įlanka", "ilgas", "įžanga",
		"yla", "jausmas", "sūris", "šaltis", "tėvas", "zuikis", "žalias"
	};
	static const char *const names[] = {
		"Jon", "Jon Z", "Jonaitis", "Jonas", "Jonas Marcinkus", "Jonė", "Juškevičius",
		"Kudarienė", "Šlapikas", "Žilinskienė"
	};
	static const char *const ties[] = { "a", "A", "ą", "Ą", "ab" };
	static const char *const digits[] = { " ", "1", "10a", "2", "a" };

	(void)state;
	check_order(words, N_ELEMS(words));
	check_order(names, N_ELEMS(names));
	check_order(ties, N_ELEMS(ties));
	check_order(digits, N_ELEMS(digits));
	assert_int_equal(utf8_collate("Klaipėda", "Klaipėda"), 0);
	assert_true(utf8_collate("cukrus", "Čekija") < 0);
	assert_true(utf8_collate("Yla", "jausmas") < 0);
	/* identical at every level but not the same bytes: NFD vs NFC */
	assert_true(utf8_collate("e\xCC\x87", "ė") != 0);
}

/* NFC (utf8proc): "ė" typed as "e" + U+0307 and as one code point is one
 * text once stored; text already in NFC is not copied. */
static void test_nfc(void **state)
{
	static const char *const cases[][2] = {
		{ "Klaipe\xCC\x87" "dos", "Klaipėdos" },              /* e + dot above */
		{ "S\xCC\x8Ciauliu\xCC\xA8", "Šiaulių" },        /* S + caron, u + ogonek */
		{ "A\xCC\xA8z\xCC\x8Cuolas", "Ąžuolas" },
		{ "\xE2\x84\xAB", "Å" },                        /* Angstrom sign: singleton */
		{ "a\xCC\x81\xCC\xA8", "ą\xCC\x81" },             /* marks reordered, then composed */
	};
	static const char *const already[] = {
		"", "Kauno", "Klaipėdos rajono savivaldybė", "„Taryba“ – 2024", "漢字",
		"\xCC\x87x" /* a lone mark composes with nothing */,
	};
	size_t k;
	char *out;

	(void)state;
	for (k = 0; k < N_ELEMS(cases); k++) {
		out = (char *)"untouched";
		assert_int_equal(utf8_nfc(&out, cases[k][0], strlen(cases[k][0])), 0);
		assert_non_null(out);
		if (strcmp(out, cases[k][1]) != 0) {
			print_error("nfc(\"%s\") = \"%s\", want \"%s\"\n", cases[k][0], out, cases[k][1]);
			fail();
		}
		free(out);
		out = utf8_nfc_dup(cases[k][0], strlen(cases[k][0]));
		assert_string_equal(out, cases[k][1]);
		free(out);
	}
	for (k = 0; k < N_ELEMS(already); k++) {
		out = (char *)"untouched";
		assert_int_equal(utf8_nfc(&out, already[k], strlen(already[k])), 0);
		assert_null(out);
		out = utf8_nfc_dup(already[k], strlen(already[k]));
		assert_string_equal(out, already[k]);
		free(out);
	}
	/* not UTF-8: left alone for the caller to refuse */
	out = (char *)"untouched";
	assert_int_equal(utf8_nfc(&out, "bad \xC0\xAF e\xCC\x87", 9), 0);
	assert_null(out);
	/* only the first n bytes */
	out = utf8_nfc_dup("e\xCC\x87", 1);
	assert_string_equal(out, "e");
	free(out);
}

/* The characters a text may be made of to be NFC as it stands: each is
 * its own NFC and none combines with the one before.  The two singletons
 * of the punctuation block and the marks are not; a text with one of them
 * is normalised (U+2000 becomes U+2002). */
static void test_nfc_stable(void **state)
{
	static const uint32_t stable[] = { 'a', 0xE9, 0x105, 0x17E, 0x2FF, 0x2013, 0x201E,
		                           0x201C, 0x2022, 0x2026, 0x20AC, 0x20CF };
	static const uint32_t unstable[] = { 0x300, 0x307, 0x328, 0x2000, 0x2001, 0x20D0, 0x212B,
		                             0x1161, 0xAC00 };
	size_t k;
	char *out;

	(void)state;
	for (k = 0; k < N_ELEMS(stable); k++)
		assert_true(utf8_nfc_stable(stable[k]));
	for (k = 0; k < N_ELEMS(unstable); k++)
		assert_false(utf8_nfc_stable(unstable[k]));
	out = NULL;
	assert_int_equal(utf8_nfc(&out, "a\xE2\x80\x80" "b", 5), 0); /* U+2000 */
	assert_non_null(out);
	assert_string_equal(out, "a\xE2\x80\x82" "b");          /* U+2002 */
	free(out);
	out = (char *)"untouched";
	assert_int_equal(utf8_nfc(&out, "„Posėdis“ – 5 €…", strlen("„Posėdis“ – 5 €…")), 0);
	assert_null(out);
}

/* The document's fold with its offsets: every piece between character
 * boundaries is the fold of that piece alone (marks dropped, capitals of
 * every length, a stray byte kept), so a rule may take a piece of one fold
 * instead of folding again. */
static void test_fold_offsets(void **state)
{
	static const char *const texts[] = {
		"ŠIAULIŲ Rajono „Tarybos“ posėdis – Ąžuolas ÆØ ß ſ Ł",
		"Klaipe\xCC\x87" "dos S\xCC\x8C" "iauliai \xC8\xBA x",  /* marks, U+023A */
		"bad \xC0 byte ∑ 漢字",
		"",
	};
	size_t k, a, b;

	(void)state;
	for (k = 0; k < N_ELEMS(texts); k++) {
		const char *s = texts[k];
		size_t n = strlen(s);
		char *all = malloc(n + 1), *piece = malloc(n + 1);
		uint32_t *at = malloc((n + 1) * sizeof *at);
		assert_non_null(all);
		assert_non_null(piece);
		assert_non_null(at);
		assert_int_equal(utf8_fold_offsets(all, at, s, n), utf8_fold_into(piece, s, n));
		assert_string_equal(all, piece);
		for (a = 0; a <= n; a++) {
			if (a < n && ((unsigned char)s[a] & 0xC0) == 0x80)
				continue;
			for (b = a; b <= n; b++) {
				if (b < n && ((unsigned char)s[b] & 0xC0) == 0x80)
					continue;
				utf8_fold_into(piece, s + a, b - a);
				assert_int_equal(strlen(piece), at[b] - at[a]);
				assert_memory_equal(piece, all + at[a], at[b] - at[a]);
			}
		}
		free(all);
		free(piece);
		free(at);
	}
}

/* Folding and the diacritics-insensitive match see NFC and NFD alike, and
 * the public fold agrees. */
static void test_fold_nfd_equals_nfc(void **state)
{
	static const char *const pairs[][2] = {
		{ "Klaipe\xCC\x87" "dos", "Klaipėdos" },
		{ "S\xCC\x8CIAULIU\xCC\xA8", "ŠIAULIŲ" },
		{ "Kazlu\xCC\xA8 Ru\xCC\x84" "dos", "Kazlų Rūdos" },
	};
	size_t k;

	(void)state;
	for (k = 0; k < N_ELEMS(pairs); k++) {
		char *a = NULL, *b = NULL;
		assert_int_equal(council_text_fold(&a, pairs[k][0]), COUNCIL_OK);
		assert_int_equal(council_text_fold(&b, pairs[k][1]), COUNCIL_OK);
		assert_string_equal(a, b);
		free(a);
		free(b);
	}
	/* letters Unicode does not decompose, and the Lithuanian order kept */
	assert_int_equal(utf8_fold_cp(0xF8), 'o');   /* ø */
	assert_int_equal(utf8_fold_cp(0x111), 'd');  /* đ */
	assert_int_equal(utf8_fold_cp(0xAC00), 0xAC00); /* a Hangul syllable stays */
	assert_int_equal(utf8_lower(0x23A), 0x2C65); /* beyond Latin Extended-A */
	{
		/* ... but folding it does not grow the text */
		char *f = utf8_fold("\xC8\xBA", 2);
		assert_true(strlen(f) <= 2);
		free(f);
	}
	assert_true(utf8_collate("c", "c\xCC\x8C") < 0); /* c < č in NFD too */
	assert_true(utf8_collate("c\xCC\x8C", "d") < 0);
}

static void test_public_fold(void **state)
{
	char *out = (char *)"untouched";

	(void)state;
	assert_int_equal(council_text_fold(&out, "Klaipėdos"), COUNCIL_OK);
	assert_string_equal(out, "klaipedos");
	free(out); /* council_free is free() */

	out = (char *)"untouched";
	assert_int_equal(council_text_fold(&out, "ĄČĘĖĮŠŲŪŽ"), COUNCIL_OK);
	assert_string_equal(out, "aceeisuuz");
	free(out);

	out = (char *)"untouched";
	assert_int_equal(council_text_fold(&out, "bad \xC0\xAF"), COUNCIL_EINVAL);
	assert_null(out);
	out = (char *)"untouched";
	assert_int_equal(council_text_fold(&out, "\xED\xA0\x80"), COUNCIL_EINVAL);
	assert_null(out);
	out = (char *)"untouched";
	assert_int_equal(council_text_fold(&out, NULL), COUNCIL_EINVAL);
	assert_null(out);
	assert_int_equal(council_text_fold(NULL, "x"), COUNCIL_EINVAL);

	out = NULL;
	assert_int_equal(council_text_fold(&out, ""), COUNCIL_OK);
	assert_string_equal(out, "");
	free(out);
}

static void test_public_width_collate(void **state)
{
	(void)state;
	assert_int_equal(council_text_width("Šiaulių"), 7);
	assert_int_equal(council_text_width("漢字ė"), 5);
	assert_int_equal(council_text_width(""), 0);
	assert_int_equal(council_text_width(NULL), 0);

	assert_true(council_text_collate("c", "č") < 0);
	assert_true(council_text_collate("č", "d") < 0);
	assert_true(council_text_collate("į", "y") < 0);
	assert_true(council_text_collate("y", "j") < 0);
	assert_true(council_text_collate("s", "š") < 0);
	assert_true(council_text_collate("z", "ž") < 0);
	assert_true(council_text_collate("ž", "z") > 0);
	assert_int_equal(council_text_collate("Jonas", "Jonas"), 0);
	assert_true(council_text_collate(NULL, "a") < 0);
	assert_true(council_text_collate("a", NULL) > 0);
	assert_int_equal(council_text_collate(NULL, NULL), 0);
}

/* utf8_ascii_run: the ASCII bytes a text starts with, wherever the first
 * other byte falls in a load of eight. */
static void test_ascii_run(void **state)
{
	char buf[40];
	size_t k, n;

	(void)state;
	for (n = 0; n <= 32; n++) {
		memset(buf, 'a', sizeof buf);
		assert_int_equal(utf8_ascii_run(buf, n), n);
		for (k = 0; k < n; k++) {
			memset(buf, 'a', sizeof buf);
			buf[k] = (char)0xC5;
			assert_int_equal(utf8_ascii_run(buf, n), k);
			if (k + 1 < n) {
				buf[k + 1] = (char)0xA0; /* "Š": one character of two bytes */
				assert_int_equal(utf8_length(buf, n), n - 1);
			}
			buf[k] = (char)0x80;
			buf[n - 1] = (char)0xFF;
			assert_int_equal(utf8_ascii_run(buf, n), k);
		}
	}
}

/* The fold of every ASCII byte, eight at a time or alone, at every offset
 * of a run and next to a folded Lithuanian letter: lower case for 'A'..'Z'
 * only ('@' and '[' around them stay). */
static void test_fold_ascii_bytes(void **state)
{
	char in[300], want[300], out[300];
	uint32_t at[300];
	size_t c, off, k;

	(void)state;
	for (off = 0; off < 9; off++) {
		memset(in, 'x', off);
		memcpy(in + off, "\xC5\xA0", 2); /* "Š" */
		for (c = 1; c < 128; c++)
			in[off + 2 + c - 1] = (char)c;
		k = off + 2 + 127;
		memset(want, 'x', off);
		want[off] = 's';
		for (c = 1; c < 128; c++)
			want[off + 1 + c - 1] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		want[off + 128] = '\0';
		assert_int_equal(utf8_fold_into(out, in, k), off + 128);
		assert_memory_equal(out, want, off + 129);
		assert_int_equal(utf8_fold_offsets(out, at, in, k), off + 128);
		assert_memory_equal(out, want, off + 129);
		assert_int_equal(at[off + 2], off + 1);
		assert_int_equal(at[k], off + 128);
		assert_int_equal(at[k - 1], off + 127);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_ascii_run),
		cmocka_unit_test(test_fold_ascii_bytes),
		cmocka_unit_test(test_encode_unencodable),
		cmocka_unit_test(test_invalid_sequences),
		cmocka_unit_test(test_case_pairs),
		cmocka_unit_test(test_fold_cp),
		cmocka_unit_test(test_fold_strings),
		cmocka_unit_test(test_ieq_prefix),
		cmocka_unit_test(test_width_and_length),
		cmocka_unit_test(test_collate_alphabet),
		cmocka_unit_test(test_collate_words),
		cmocka_unit_test(test_public_fold),
		cmocka_unit_test(test_public_width_collate),
		cmocka_unit_test(test_nfc),
		cmocka_unit_test(test_nfc_stable),
		cmocka_unit_test(test_fold_offsets),
		cmocka_unit_test(test_fold_nfd_equals_nfc),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
