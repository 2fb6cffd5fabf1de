/* SPDX-License-Identifier: MIT */
/*
 * test_lt_date.c -- month words in every case and letter case
 * (lt_month_from_word) and every written date form lt_date_find knows,
 * with exact offsets, flags, invalid dates and default years.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "lt.h"
#include "utf8.h"

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

enum { INF = LT_DATE_YEAR_INFERRED, NUM = LT_DATE_NUMERIC, LST = LT_DATE_LIST,
       RNG = LT_DATE_RANGE, CRS = LT_DATE_COARSE, SPN = LT_DATE_YEAR_SPAN };

/* ---- month words ---------------------------------------------------------- */

/* nominative, genitive, dative, accusative, instrumental, locative */
static const char *const month_forms[12][6] = {
	{ "sausis", "sausio", "sausiui", "sausį", "sausiu", "sausyje" },
	{ "vasaris", "vasario", "vasariui", "vasarį", "vasariu", "vasaryje" },
	{ "kovas", "kovo", "kovui", "kovą", "kovu", "kove" },
	{ "balandis", "balandžio", "balandžiui", "balandį", "balandžiu", "balandyje" },
	{ "gegužė", "gegužės", "gegužei", "gegužę", "geguže", "gegužėje" },
	{ "birželis", "birželio", "birželiui", "birželį", "birželiu", "birželyje" },
	{ "liepa", "liepos", "liepai", "liepą", "liepa", "liepoje" },
	{ "rugpjūtis", "rugpjūčio", "rugpjūčiui", "rugpjūtį", "rugpjūčiu", "rugpjūtyje" },
	{ "rugsėjis", "rugsėjo", "rugsėjui", "rugsėjį", "rugsėju", "rugsėjyje" },
	{ "spalis", "spalio", "spaliui", "spalį", "spaliu", "spalyje" },
	{ "lapkritis", "lapkričio", "lapkričiui", "lapkritį", "lapkričiu", "lapkrityje" },
	{ "gruodis", "gruodžio", "gruodžiui", "gruodį", "gruodžiu", "gruodyje" },
};

/* Writes w with its first letter (all = every letter) in upper case. */
static void upcase(char *out, size_t outsz, const char *w, int all)
{
	size_t i = 0, o = 0, n = strlen(w);
	uint32_t cp;

	while (i < n && o + 4 < outsz) {
		i += utf8_decode(&cp, w + i, n - i);
		if (all || o == 0)
			cp = utf8_upper(cp);
		o += utf8_encode(out + o, cp);
	}
	out[o] = '\0';
}

static void test_month_every_form(void **state)
{
	int m, c, variant;
	char buf[64];

	(void)state;
	for (m = 0; m < 12; m++) {
		for (c = 0; c < 6; c++) {
			for (variant = 0; variant < 3; variant++) {
				if (variant == 0)
					strcpy(buf, month_forms[m][c]);
				else
					upcase(buf, sizeof buf, month_forms[m][c], variant == 2);
				int got = lt_month_from_word(buf, strlen(buf));
				if (got != m + 1) {
					print_error("\"%s\" = %d, want %d\n", buf, got, m + 1);
					fail();
				}
			}
		}
	}
}

static void test_month_other_words(void **state)
{
	static const struct {
		const char *w;
		int month;
	} cases[] = {
		/* text that lost its accents still names the month ... */
		{ "geguzes", 5 }, { "rugpjucio", 8 }, { "rugsejo", 9 }, { "balandzio", 4 },
		{ "gruodzio", 12 }, { "lapkricio", 11 }, { "birzelio", 6 }, { "geguzeje", 5 },
		/* ... but an accusative needs its ogonek: "kova" is a struggle */
		{ "kova", 0 }, { "sausi", 0 },
		{ "", 0 }, { "sau", 0 }, { "sausiox", 0 }, { "vasara", 0 }, { "vasaros", 0 },
		{ "pavasaris", 0 }, { "ruduo", 0 }, { "gegu", 0 }, { "Kaunas", 0 }, { "kovai", 0 },
		{ "liepų", 0 }, { "spalva", 0 }, { "mėnuo", 0 }, { "sausio30", 0 },
	};
	size_t k;

	(void)state;
	for (k = 0; k < N_ELEMS(cases); k++) {
		int got = lt_month_from_word(cases[k].w, strlen(cases[k].w));
		if (got != cases[k].month) {
			print_error("\"%s\" = %d, want %d\n", cases[k].w, got, cases[k].month);
			fail();
		}
	}
	assert_int_equal(lt_month_from_word(NULL, 0), 0);
	/* only the first n bytes are the word */
	assert_int_equal(lt_month_from_word("sausio 30", 6), 1);
	assert_int_equal(lt_month_from_word("sausio", 5), 0);
}

/* ---- dates ------------------------------------------------------------------ */

struct date_case {
	const char *text;
	int default_year;
	const char *phrase; /* the match, first occurrence in text; NULL: none */
	int sy, sm, sd, ey, em, ed;
	unsigned flags;
	int n_days;
	int days[4];
};

static void check_dates(const struct date_case *c, size_t n)
{
	size_t k;
	int d;

	for (k = 0; k < n; k++) {
		lt_date_match m;
		size_t len = strlen(c[k].text);
		int found = lt_date_find(&m, c[k].text, len, 0, c[k].default_year);

		if (!c[k].phrase) {
			if (found) {
				print_error("\"%s\": found \"%.*s\", want nothing\n", c[k].text,
				            (int)(m.end - m.start), c[k].text + m.start);
				fail();
			}
			continue;
		}
		size_t start = (size_t)(strstr(c[k].text, c[k].phrase) - c[k].text);
		size_t end = start + strlen(c[k].phrase);
		if (!found) {
			print_error("\"%s\": nothing found, want \"%s\"\n", c[k].text, c[k].phrase);
			fail();
		}
		if (m.start != start || m.end != end || m.period.start.year != c[k].sy ||
		    m.period.start.month != c[k].sm || m.period.start.day != c[k].sd ||
		    m.period.end.year != c[k].ey || m.period.end.month != c[k].em ||
		    m.period.end.day != c[k].ed || m.flags != c[k].flags || m.n_days != c[k].n_days) {
			print_error("\"%s\": got \"%.*s\" [%zu,%zu) %d-%d-%d..%d-%d-%d flags %#x days %d; "
			            "want \"%s\" [%zu,%zu) %d-%d-%d..%d-%d-%d flags %#x days %d\n",
			            c[k].text, (int)(m.end - m.start), c[k].text + m.start, m.start, m.end,
			            m.period.start.year, m.period.start.month, m.period.start.day,
			            m.period.end.year, m.period.end.month, m.period.end.day, m.flags, m.n_days,
			            c[k].phrase, start, end, c[k].sy, c[k].sm, c[k].sd, c[k].ey, c[k].em,
			            c[k].ed, c[k].flags, c[k].n_days);
			fail();
		}
		for (d = 0; d < c[k].n_days; d++) {
			if (m.days[d] != c[k].days[d]) {
				print_error("\"%s\": day %d is %d, want %d\n", c[k].text, d, m.days[d],
				            c[k].days[d]);
				fail();
			}
		}
	}
}

static void test_full_dates(void **state)
{
	static const struct date_case c[] = {
		{ "2024 m. sausio 30 d. vykusiame posėdyje", 0, "2024 m. sausio 30 d.", 2024, 1, 30, 2024, 1, 30, 0, 0, { 0 } },
		{ "2024 metų sausio 30 dieną", 0, "2024 metų sausio 30 dieną", 2024, 1, 30, 2024, 1, 30, 0, 0, { 0 } },
		{ "2021 metų lapkričio 25 dieną BOT nariai", 0, "2021 metų lapkričio 25 dieną", 2021, 11, 25, 2021, 11, 25, 0, 0, { 0 } },
		{ "2024 m. sausio mėn. 30 d.", 0, "2024 m. sausio mėn. 30 d.", 2024, 1, 30, 2024, 1, 30, 0, 0, { 0 } },
		{ "Nuo 2021 m. Balandžio mėn. 19 d. dirba", 0, "2021 m. Balandžio mėn. 19 d.", 2021, 4, 19, 2021, 4, 19, 0, 0, { 0 } },
		{ "2024 m. vasario mėn. parengtas 12 projektų", 0, "2024 m. vasario mėn.", 2024, 2, 0, 2024, 2, 0, 0, 0, { 0 } },
		{ "2024 m. kovo mėnesį dalyvauta", 0, "2024 m. kovo mėnesį", 2024, 3, 0, 2024, 3, 0, 0, 0, { 0 } },
		{ "2024 m. sausio 30 vykusiame", 0, "2024 m. sausio 30", 2024, 1, 30, 2024, 1, 30, 0, 0, { 0 } },
		{ "2024 m.sausio 30d. posėdis", 0, "2024 m.sausio 30d.", 2024, 1, 30, 2024, 1, 30, 0, 0, { 0 } },
		{ "2024-ųjų sausio 5 d.", 0, "2024-ųjų sausio 5 d.", 2024, 1, 5, 2024, 1, 5, 0, 0, { 0 } },
		{ "2024 m. geguzes 5 d.", 0, "2024 m. geguzes 5 d.", 2024, 5, 5, 2024, 5, 5, 0, 0, { 0 } },
		{ "2024 m. GRUODŽIO 31 D.", 0, "2024 m. GRUODŽIO 31 D.", 2024, 12, 31, 2024, 12, 31, 0, 0, { 0 } },
		{ "2024 m. kovą", 0, "2024 m. kovą", 2024, 3, 0, 2024, 3, 0, 0, 0, { 0 } },
		{ "2024 m. gegužėje", 0, "2024 m. gegužėje", 2024, 5, 0, 2024, 5, 0, 0, 0, { 0 } },
		/* a day must be a day of that month; a leap day only in leap years */
		{ "2024 m. vasario 29 d.", 0, "2024 m. vasario 29 d.", 2024, 2, 29, 2024, 2, 29, 0, 0, { 0 } },
		{ "2000 m. vasario 29 d.", 0, "2000 m. vasario 29 d.", 2000, 2, 29, 2000, 2, 29, 0, 0, { 0 } },
		/* a number too large for a day after a month with a year: the month */
		{ "2024 m. sausio 45 dalyviai", 0, "2024 m. sausio", 2024, 1, 0, 2024, 1, 0, 0, 0, { 0 } },
	};
	(void)state;
	check_dates(c, N_ELEMS(c));
}

static void test_ranges_and_lists(void **state)
{
	static const struct date_case c[] = {
		{ "2024 m. gegužės 16-17 d. seminaras", 0, "2024 m. gegužės 16-17 d.", 2024, 5, 16, 2024, 5, 17, RNG, 0, { 0 } },
		{ "2024 m. gegužės 16–17 d. seminaras", 0, "2024 m. gegužės 16–17 d.", 2024, 5, 16, 2024, 5, 17, RNG, 0, { 0 } },
		{ "Vyko gegužės 16 - 17 d.", 2024, "gegužės 16 - 17 d.", 2024, 5, 16, 2024, 5, 17, RNG | INF, 0, { 0 } },
		{ "rugsėjo 28 - spalio 2 d.", 2023, "rugsėjo 28 - spalio 2 d.", 2023, 9, 28, 2023, 10, 2, RNG | INF, 0, { 0 } },
		{ "2023 m. rugsėjo 28 - spalio 2 d.", 0, "2023 m. rugsėjo 28 - spalio 2 d.", 2023, 9, 28, 2023, 10, 2, RNG, 0, { 0 } },
		{ "2023 m. rugsėjo 28 d. - spalio 2 d.", 0, "2023 m. rugsėjo 28 d. - spalio 2 d.", 2023, 9, 28, 2023, 10, 2, RNG, 0, { 0 } },
		{ "2023 m. rugsėjo 28 d.-spalio 2 d.", 0, "2023 m. rugsėjo 28 d.-spalio 2 d.", 2023, 9, 28, 2023, 10, 2, RNG, 0, { 0 } },
		{ "2023 m. gruodžio 28 d. - 2024 m. sausio 3 d.", 0, "2023 m. gruodžio 28 d. - 2024 m. sausio 3 d.", 2023, 12, 28, 2024, 1, 3, RNG, 0, { 0 } },
		{ "gruodžio 28 - sausio 3 d.", 2024, "gruodžio 28 - sausio 3 d.", 2024, 12, 28, 2025, 1, 3, RNG | INF, 0, { 0 } },
		{ "2024 m. sausio–kovo mėn.", 0, "2024 m. sausio–kovo mėn.", 2024, 1, 0, 2024, 3, 0, RNG, 0, { 0 } },
		{ "2024-05-16 - 2024-05-17", 0, "2024-05-16 - 2024-05-17", 2024, 5, 16, 2024, 5, 17, NUM | RNG, 0, { 0 } },
		{ "2024 m. balandžio 10 ir 19 d. mokymai", 0, "2024 m. balandžio 10 ir 19 d.", 2024, 4, 10, 2024, 4, 19, LST, 2, { 10, 19 } },
		{ "balandžio 10 ir 19 d.", 2024, "balandžio 10 ir 19 d.", 2024, 4, 10, 2024, 4, 19, LST | INF, 2, { 10, 19 } },
		{ "kovo 3, 10 ir 17 d.", 2024, "kovo 3, 10 ir 17 d.", 2024, 3, 3, 2024, 3, 17, LST | INF, 3, { 3, 10, 17 } },
		{ "2024 m. balandžio 10 d. ir 19 d.", 0, "2024 m. balandžio 10 d. ir 19 d.", 2024, 4, 10, 2024, 4, 19, LST, 2, { 10, 19 } },
		{ "2024 m. kovo 5, 12 bei 26 dienomis", 0, "2024 m. kovo 5, 12 bei 26 dienomis", 2024, 3, 5, 2024, 3, 26, LST, 3, { 5, 12, 26 } },
		/* a dash to something that is no date ends the date */
		{ "2024 m. sausio 30 d. - posėdis", 0, "2024 m. sausio 30 d.", 2024, 1, 30, 2024, 1, 30, 0, 0, { 0 } },
		/* a list needs its "d.": "ir 5 dalyviai" is no day */
		{ "2024 m. sausio 30 d. ir 5 dalyviai", 0, "2024 m. sausio 30 d.", 2024, 1, 30, 2024, 1, 30, 0, 0, { 0 } },
		/* "nuo ... iki ..." (from ... to ...) */
		{ "Paroda veikė nuo 2024 m. gegužės 16 d. iki 17 d.", 0, "2024 m. gegužės 16 d. iki 17 d.", 2024, 5, 16, 2024, 5, 17, RNG, 0, { 0 } },
		{ "nuo 2024 m. gegužės 16 d. iki birželio 3 d.", 0, "2024 m. gegužės 16 d. iki birželio 3 d.", 2024, 5, 16, 2024, 6, 3, RNG, 0, { 0 } },
		{ "nuo 2023 m. gruodžio 28 d. iki 2024 m. sausio 3 d.", 0, "2023 m. gruodžio 28 d. iki 2024 m. sausio 3 d.", 2023, 12, 28, 2024, 1, 3, RNG, 0, { 0 } },
		{ "nuo gruodžio 28 d. iki sausio 3 d.", 2024, "gruodžio 28 d. iki sausio 3 d.", 2024, 12, 28, 2025, 1, 3, RNG | INF, 0, { 0 } },
		{ "nuo 2024-05-16 iki 2024-05-20", 0, "2024-05-16 iki 2024-05-20", 2024, 5, 16, 2024, 5, 20, NUM | RNG, 0, { 0 } },
		{ "iki 2024 m. gruodžio 31 d.", 0, "2024 m. gruodžio 31 d.", 2024, 12, 31, 2024, 12, 31, 0, 0, { 0 } },
		{ "nuo 2024 m. gegužės 16 d. iki šiol", 0, "2024 m. gegužės 16 d.", 2024, 5, 16, 2024, 5, 16, 0, 0, { 0 } },
		{ "nuo 2024 m. gegužės 16 d. iki 15 d.", 0, "2024 m. gegužės 16 d.", 2024, 5, 16, 2024, 5, 16, 0, 0, { 0 } },
		/* a range never runs backwards */
		{ "2024 m. gegužės 17-16 d.", 0, "2024 m. gegužės 17", 2024, 5, 17, 2024, 5, 17, 0, 0, { 0 } },
	};
	(void)state;
	check_dates(c, N_ELEMS(c));
}

static void test_numeric_dates(void **state)
{
	static const struct date_case c[] = {
		{ "2024-01-30", 0, "2024-01-30", 2024, 1, 30, 2024, 1, 30, NUM, 0, { 0 } },
		{ "data: 2024.01.30.", 0, "2024.01.30", 2024, 1, 30, 2024, 1, 30, NUM, 0, { 0 } },
		{ "2024/01/30", 0, "2024/01/30", 2024, 1, 30, 2024, 1, 30, NUM, 0, { 0 } },
		{ "2024 01 30", 0, "2024 01 30", 2024, 1, 30, 2024, 1, 30, NUM, 0, { 0 } },
		{ "2024-1-30", 0, "2024-1-30", 2024, 1, 30, 2024, 1, 30, NUM, 0, { 0 } },
		{ "posėdis 2024-01-30 d. vyko", 0, "2024-01-30 d.", 2024, 1, 30, 2024, 1, 30, NUM, 0, { 0 } },
		{ "*2022-02-18 Nr. B28-2-1*", 0, "2022-02-18", 2022, 2, 18, 2022, 2, 18, NUM, 0, { 0 } },
		{ "2024-02-29", 0, "2024-02-29", 2024, 2, 29, 2024, 2, 29, NUM, 0, { 0 } },
		/* a second day of the month after a dash written without spaces
		 * (the view spells an en dash " - ") */
		{ "2023/08/24 - 25 išvyka", 0, "2023/08/24 - 25", 2023, 8, 24, 2023, 8, 25, NUM | RNG, 0, { 0 } },
		{ "2024 09 20-21 surengta", 0, "2024 09 20-21", 2024, 9, 20, 2024, 9, 21, NUM | RNG, 0, { 0 } },
		/* spaces around the dash: a date and a count */
		{ "2023-05-12  -  15 dalyvių", 0, "2023-05-12", 2023, 5, 12, 2023, 5, 12, NUM, 0, { 0 } },
		{ "2023-05-24 - 12", 0, "2023-05-24", 2023, 5, 24, 2023, 5, 24, NUM, 0, { 0 } },  /* 12 < 24 */
	};
	(void)state;
	check_dates(c, N_ELEMS(c));
}

static void test_coarse_dates(void **state)
{
	static const struct date_case c[] = {
		{ "Konsultacijos organizuotos 2023 m.", 0, "2023 m.", 2023, 0, 0, 2023, 0, 0, 0, 0, { 0 } },
		{ "2024 metais", 0, "2024 metais", 2024, 0, 0, 2024, 0, 0, 0, 0, { 0 } },
		{ "2022 metų socialinių paslaugų planą", 0, "2022 metų", 2022, 0, 0, 2022, 0, 0, 0, 0, { 0 } },
		{ "2024-aisiais metais", 0, "2024-aisiais", 2024, 0, 0, 2024, 0, 0, 0, 0, { 0 } },
		{ "2024 m. I ketvirtį", 0, "2024 m. I ketvirtį", 2024, 1, 0, 2024, 3, 0, CRS, 0, { 0 } },
		{ "2024 m. II ketv. vyko", 0, "2024 m. II ketv.", 2024, 4, 0, 2024, 6, 0, CRS, 0, { 0 } },
		{ "2024 m. III ketvirtyje", 0, "2024 m. III ketvirtyje", 2024, 7, 0, 2024, 9, 0, CRS, 0, { 0 } },
		{ "2024 m. IV ketv.", 0, "2024 m. IV ketv.", 2024, 10, 0, 2024, 12, 0, CRS, 0, { 0 } },
		{ "2024 m. pirmąjį ketvirtį", 0, "2024 m. pirmąjį ketvirtį", 2024, 1, 0, 2024, 3, 0, CRS, 0, { 0 } },
		{ "2024 m. 4 ketv.", 0, "2024 m. 4 ketv.", 2024, 10, 0, 2024, 12, 0, CRS, 0, { 0 } },
		{ "2024 m. I pusmetį", 0, "2024 m. I pusmetį", 2024, 1, 0, 2024, 6, 0, CRS, 0, { 0 } },
		{ "2024 m. antroje pusėje", 0, "2024 m. antroje pusėje", 2024, 7, 0, 2024, 12, 0, CRS, 0, { 0 } },
		{ "2024 m. pavasarį", 0, "2024 m. pavasarį", 2024, 3, 0, 2024, 5, 0, CRS, 0, { 0 } },
		{ "2024 m. vasarą", 0, "2024 m. vasarą", 2024, 6, 0, 2024, 8, 0, CRS, 0, { 0 } },
		{ "2024 m. rudenį", 0, "2024 m. rudenį", 2024, 9, 0, 2024, 11, 0, CRS, 0, { 0 } },
		{ "2024 m. žiemą", 0, "2024 m. žiemą", 2024, 0, 0, 2024, 0, 0, CRS, 0, { 0 } },
		{ "2024 m. pradžioje", 0, "2024 m. pradžioje", 2024, 0, 0, 2024, 0, 0, CRS, 0, { 0 } },
		{ "2024 metų pabaigoje", 0, "2024 metų pabaigoje", 2024, 0, 0, 2024, 0, 0, CRS, 0, { 0 } },
		{ "Metų pradžioje vyko", 2024, "Metų pradžioje", 2024, 0, 0, 2024, 0, 0, CRS | INF, 0, { 0 } },
		{ "metų pabaigoje", 2023, "metų pabaigoje", 2023, 0, 0, 2023, 0, 0, CRS | INF, 0, { 0 } },
		{ "II ketvirtį vyko", 2024, "II ketvirtį", 2024, 4, 0, 2024, 6, 0, CRS | INF, 0, { 0 } },
		/* "2024 m." then something that is no season or quarter */
		{ "2024 m. ketvirtadienį", 0, "2024 m.", 2024, 0, 0, 2024, 0, 0, 0, 0, { 0 } },
		{ "2024 m. pirmininku", 0, "2024 m.", 2024, 0, 0, 2024, 0, 0, 0, 0, { 0 } },
	};
	(void)state;
	check_dates(c, N_ELEMS(c));
}

static void test_year_spans(void **state)
{
	static const struct date_case c[] = {
		{ "BO tarybos 2023–2025 m. veiklos plano", 0, "2023–2025 m.", 2023, 0, 0, 2025, 0, 0, SPN, 0, { 0 } },
		{ "2023-2025 metų veiksmų plano", 0, "2023-2025 metų", 2023, 0, 0, 2025, 0, 0, SPN, 0, { 0 } },
		{ "2023 - 2025 m.", 0, "2023 - 2025 m.", 2023, 0, 0, 2025, 0, 0, SPN, 0, { 0 } },
		{ "planas 2023−2025", 0, "2023−2025", 2023, 0, 0, 2025, 0, 0, SPN, 0, { 0 } },
		{ "2023-2025", 0, "2023-2025", 2023, 0, 0, 2025, 0, 0, SPN, 0, { 0 } },
		{ "2023 m. - 2025 m.", 0, "2023 m. - 2025 m.", 2023, 0, 0, 2025, 0, 0, SPN, 0, { 0 } },
		/* the second year must come later, and a year glued to another
		 * number is none */
		{ "2025-2023 m.", 0, NULL, 0, 0, 0, 0, 0, 0, 0, 0, { 0 } },
	};
	(void)state;
	check_dates(c, N_ELEMS(c));
}

static void test_yearless(void **state)
{
	static const struct date_case c[] = {
		{ "sausio 30 d.", 2024, "sausio 30 d.", 2024, 1, 30, 2024, 1, 30, INF, 0, { 0 } },
		{ "Sausio 30 dieną", 2024, "Sausio 30 dieną", 2024, 1, 30, 2024, 1, 30, INF, 0, { 0 } },
		{ "SAUSIO 5 D.", 2024, "SAUSIO 5 D.", 2024, 1, 5, 2024, 1, 5, INF, 0, { 0 } },
		{ "nuo kovo mėn. dirba", 2024, "kovo mėn.", 2024, 3, 0, 2024, 3, 0, INF, 0, { 0 } },
		{ "gegužėje vyko", 2024, "gegužėje", 2024, 5, 0, 2024, 5, 0, INF, 0, { 0 } },
		{ "birželį vyko", 2024, "birželį", 2024, 6, 0, 2024, 6, 0, INF, 0, { 0 } },
		/* an ordinal day; but the national days' ordinals are names */
		{ "Gruodžio 10-osios posėdyje", 2024, "Gruodžio 10-osios", 2024, 12, 10, 2024, 12, 10, INF, 0, { 0 } },
		{ "birželio 14-ąją vyko", 2024, "birželio 14-ąją", 2024, 6, 14, 2024, 6, 14, INF, 0, { 0 } },
		{ "Vasario 16-osios gimnazijoje", 2024, NULL, 0, 0, 0, 0, 0, 0, 0, 0, { 0 } },
		/* skipped without a default year; the next full date is found */
		{ "sausio 30 d.", 0, NULL, 0, 0, 0, 0, 0, 0, 0, 0, { 0 } },
		{ "Sausio 30 d. įvyko, o 2024 m. birželio 1 d. kitas", 0, "2024 m. birželio 1 d.", 2024, 6, 1, 2024, 6, 1, 0, 0, { 0 } },
		{ "metų pradžioje", 0, NULL, 0, 0, 0, 0, 0, 0, 0, 0, { 0 } },
		/* without a year, a bare number after a month is no day */
		{ "sausio 30 vyko", 2024, NULL, 0, 0, 0, 0, 0, 0, 0, 0, { 0 } },
		{ "balandžio 10 ir 19", 2024, NULL, 0, 0, 0, 0, 0, 0, 0, 0, { 0 } },
		/* nor is a genitive or nominative month alone, nor an accusative
		 * that is also another word */
		{ "nuo sausio", 2024, NULL, 0, 0, 0, 0, 0, 0, 0, 0, { 0 } },
		{ "Liepa žydi", 2024, NULL, 0, 0, 0, 0, 0, 0, 0, 0, { 0 } },
		{ "kovą su korupcija", 2024, NULL, 0, 0, 0, 0, 0, 0, 0, 0, { 0 } },
		{ "pasodino liepą", 2024, NULL, 0, 0, 0, 0, 0, 0, 0, 0, { 0 } },
	};
	(void)state;
	check_dates(c, N_ELEMS(c));
}

static void test_invalid_and_not_dates(void **state)
{
	static const char *const texts[] = {
		"2024-02-30", "2023-02-29", "2024-13-01", "2024-01-32", "2024-00-10", "2024-01-00",
		"1900-02-29", "2024.02.30", "2024 02 30",
		"2024 m. vasario 30 d.", "2023 m. vasario 29 d.", "2024 m. sausio 32 d.",
		"2024 m. balandžio 31 d.", "vasario 30 d.", "2024 m. sausio 0 d.",
		"Vasario 16-osios gimnazija", "Kovo 11-osios g. 5", "Nr. T-2019 m.", "1500 m. bėgimas",
		"2024 eurų", "Nr. 2024", "2024 01 30 55", "LT-2024", "1.2024 m.", "2.1.1.1 priemonė",
		"16-17 d.", "30 d.", "Pirmame posėdyje", "ketvirtadienį", "3120 m.", "12024 m.",
	};
	size_t k;
	lt_date_match m;

	(void)state;
	for (k = 0; k < N_ELEMS(texts); k++) {
		if (lt_date_find(&m, texts[k], strlen(texts[k]), 0, 2024)) {
			print_error("\"%s\": found \"%.*s\", want nothing\n", texts[k],
			            (int)(m.end - m.start), texts[k] + m.start);
			fail();
		}
	}
	assert_int_equal(lt_date_find(&m, NULL, 0, 0, 2024), 0);
	assert_int_equal(lt_date_find(NULL, "2024 m.", 7, 0, 2024), 0);
}

static void test_from_and_sequence(void **state)
{
	const char *t = "2024 m. sausio 30 d. ir vasario 2 d. posėdžiai, 2025 m. planas; "
	                "Kovo 11-osios g. 5, 2023-2025 m. ir 2024-05-16.";
	static const char *const want[] = {
		"2024 m. sausio 30 d.", "vasario 2 d.", "2025 m.", "2023-2025 m.", "2024-05-16"
	};
	size_t from = 0, k, len = strlen(t);
	lt_date_match m;

	(void)state;
	for (k = 0; k < N_ELEMS(want); k++) {
		assert_true(lt_date_find(&m, t, len, from, 2024));
		if (m.end - m.start != strlen(want[k]) || memcmp(t + m.start, want[k], m.end - m.start)) {
			print_error("match %zu: \"%.*s\", want \"%s\"\n", k, (int)(m.end - m.start),
			            t + m.start, want[k]);
			fail();
		}
		assert_true(m.start >= from);
		from = m.end;
	}
	assert_false(lt_date_find(&m, t, len, from, 2024));
	/* a search that starts inside a word starts at the next word */
	assert_true(lt_date_find(&m, t, len, 1, 2024));
	assert_int_equal(m.start, strstr(t, "sausio") - t);
	/* len bounds the search */
	assert_false(lt_date_find(&m, t, 4, 0, 2024));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_month_every_form),
		cmocka_unit_test(test_month_other_words),
		cmocka_unit_test(test_full_dates),
		cmocka_unit_test(test_ranges_and_lists),
		cmocka_unit_test(test_numeric_dates),
		cmocka_unit_test(test_coarse_dates),
		cmocka_unit_test(test_year_spans),
		cmocka_unit_test(test_yearless),
		cmocka_unit_test(test_invalid_and_not_dates),
		cmocka_unit_test(test_from_and_sequence),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
