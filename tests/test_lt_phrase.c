/* SPDX-License-Identifier: MIT */
/*
 * test_lt_phrase.c -- participant counts, meeting counts, roles with names
 * (and names put back in the nominative), and legal act references: the
 * phrase parsers of lt_phrase.c, with the negative cases that must stay
 * silent.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "lt.h"

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

enum { EX = COUNCIL_QUAL_EXACT, MT = COUNCIL_QUAL_MORE_THAN, AL = COUNCIL_QUAL_AT_LEAST,
       AB = COUNCIL_QUAL_ABOUT };

/* Nonzero when s[a, b) is exactly want. */
static int span_is(const char *s, size_t a, size_t b, const char *want)
{
	return b >= a && b - a == strlen(want) && memcmp(s + a, want, b - a) == 0;
}

/* ---- participants ------------------------------------------------------------ */

struct part_case {
	const char *text;
	int64_t total;
	int qualifier;
	int n_groups;
	int others;
	const char *phrase;  /* the whole phrase */
	const char *noun;    /* the first group's noun phrase */
};

static void check_participants(const struct part_case *c, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++) {
		lt_participants p;
		const char *t = c[k].text;
		int found = lt_participants_find(&p, t, strlen(t));

		if (!found) {
			print_error("\"%s\": nothing found, want %lld\n", t, (long long)c[k].total);
			fail();
		}
		if (p.total != c[k].total || (int)p.qualifier != c[k].qualifier ||
		    p.n_groups != c[k].n_groups || p.others_uncounted != c[k].others ||
		    !span_is(t, p.start, p.end, c[k].phrase) ||
		    !span_is(t, p.groups[0].noun_start, p.groups[0].noun_end, c[k].noun)) {
			print_error("\"%s\": total %lld q%d groups %d others %d phrase \"%.*s\" noun \"%.*s\"; "
			            "want %lld q%d groups %d others %d \"%s\" \"%s\"\n",
			            t, (long long)p.total, (int)p.qualifier, p.n_groups, p.others_uncounted,
			            (int)(p.end - p.start), t + p.start,
			            (int)(p.groups[0].noun_end - p.groups[0].noun_start),
			            t + p.groups[0].noun_start, (long long)c[k].total, c[k].qualifier,
			            c[k].n_groups, c[k].others, c[k].phrase, c[k].noun);
			fail();
		}
	}
}

static void check_no_participants(const char *const *texts, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++) {
		lt_participants p;
		if (lt_participants_find(&p, texts[k], strlen(texts[k]))) {
			print_error("\"%s\": found %lld (\"%.*s\"), want nothing\n", texts[k],
			            (long long)p.total, (int)(p.end - p.start), texts[k] + p.start);
			fail();
		}
	}
}

static void test_participants_exact(void **state)
{
	static const struct part_case c[] = {
		{ "Mokymuose dalyvavo 16 dalyvių iš skirtingų NVO ir bendruomeninių organizacijų.", 16, EX, 1, 0, "16 dalyvių", "dalyvių" },
		{ "Tarptautiniuose mokymuose dalyvavo 31 asmuo.", 31, EX, 1, 0, "31 asmuo", "asmuo" },
		{ "Į susitikimą susirinko 27 bendruomenių atstovai.", 27, EX, 1, 0, "27 bendruomenių atstovai", "bendruomenių atstovai" },
		/* a number word after the count, an aside between dashes (the
		 * view's " - " for every dash; issue 13) */
		{ "Į forumą susirinko 27 keturių tarybų - Kalvarijos ir Šakių savivaldybių - atstovai.", 27, EX, 1, 0,
		  "27 keturių tarybų - Kalvarijos ir Šakių savivaldybių - atstovai",
		  "keturių tarybų - Kalvarijos ir Šakių savivaldybių - atstovai" },
		{ "Prie diskusijos prisijungė 7 nariai.", 7, EX, 1, 0, "7 nariai", "nariai" },
		{ "Renginiui sulaukta 45 dalyvių.", 45, EX, 1, 0, "45 dalyvių", "dalyvių" },
		{ "Dalyvavo dvidešimt bendruomenių atstovų.", 20, EX, 1, 0, "dvidešimt bendruomenių atstovų", "bendruomenių atstovų" },
		{ "Į renginį atvyko šešiasdešimt penki žmonės.", 65, EX, 1, 0, "šešiasdešimt penki žmonės", "žmonės" },
		{ "Pristatymuose dalyvavo 3 BO tarybos nariai.", 3, EX, 1, 0, "3 BO tarybos nariai", "BO tarybos nariai" },
		{ "Dalyvavo 20 bendruomenių atstovų.", 20, EX, 1, 0, "20 bendruomenių atstovų", "bendruomenių atstovų" },
		{ "Seminare dalyvavo 12 Savivaldybės institucijų ir įstaigų atstovų.", 12, EX, 1, 0, "12 Savivaldybės institucijų ir įstaigų atstovų", "Savivaldybės institucijų ir įstaigų atstovų" },
		{ "Renginyje buvo 35 dalyviai.", 35, EX, 1, 0, "35 dalyviai", "dalyviai" },
		{ "Susitikime dalyvavo viena seniūnaitė.", 1, EX, 1, 0, "viena seniūnaitė", "seniūnaitė" },
		{ "Mokymus baigė 18 jaunuolių.", 18, EX, 1, 0, "18 jaunuolių", "jaunuolių" },
		{ "Posėdyje dalyvavo 15 iš 22 narių.", 15, EX, 1, 0, "15 iš 22 narių", "narių" },
		{ "Dalyvavo 2 100 žmonių.", 2100, EX, 1, 0, "2 100 žmonių", "žmonių" },
		{ "Dalyvavo 30 „Smilgynų“ bendruomenės narių.", 30, EX, 1, 0, "30 „Smilgynų“ bendruomenės narių", "Smilgynų“ bendruomenės narių" },
		{ "Dalyvavo 40 žmonių, iš jų 15 vaikų.", 40, EX, 1, 0, "40 žmonių", "žmonių" },
		{ "Apsilankė 120 lankytojų.", 120, EX, 1, 0, "120 lankytojų", "lankytojų" },
		{ "Pagerbta 12 savanorių, renginyje dalyvavo 150 žmonių.", 150, EX, 1, 0, "150 žmonių", "žmonių" },
		{ "Gyvai dalyvavo 35 asmenys, nuotoliniu būdu prisijungė dar 48.", 83, EX, 2, 0, "35 asmenys, nuotoliniu būdu prisijungė dar 48", "asmenys" },
		{ "2024-04-26 trys nariai dalyvavo forume.", 3, EX, 1, 0, "trys nariai", "nariai" },
		{ "Susitikime dalyvavo 9 Šakių ir 7 Marijampolės tarybų nariai.", 16, EX, 2, 0, "9 Šakių ir 7 Marijampolės tarybų nariai", "Marijampolės tarybų nariai" },
		{ "Važiavo dvidešimt penki bendruomenių lyderiai.", 25, EX, 1, 0, "dvidešimt penki bendruomenių lyderiai", "bendruomenių lyderiai" },
		{ "Į Latviją keliavo 18 narių.", 18, EX, 1, 0, "18 narių", "narių" },
		{ "Joje dalyvavo trys bendruomenių pirmininkai.", 3, EX, 1, 0, "trys bendruomenių pirmininkai", "bendruomenių pirmininkai" },
		/* the noun alone says they took part, without a verb */
		{ "Renginyje – 45 dalyviai.", 45, EX, 1, 0, "45 dalyviai", "dalyviai" },
		{ "52 susirinkusieji pritarė.", 52, EX, 1, 0, "52 susirinkusieji", "susirinkusieji" },
		/* a plan's indicator with its value */
		{ "Dalyvių skaičius – 45.", 45, EX, 1, 0, "Dalyvių skaičius – 45", "Dalyvių" },
		{ "Dalyvių skaičius 2024 m.: apie 60.", 60, AB, 1, 0, "Dalyvių skaičius 2024 m.: apie 60", "Dalyvių" },
	};
	(void)state;
	check_participants(c, N_ELEMS(c));
}

static void test_participants_qualified(void **state)
{
	static const struct part_case c[] = {
		{ "Renginio metu dalyvavo daugiau nei 50 NVO ir BO atstovų.", 50, MT, 1, 0, "daugiau nei 50 NVO ir BO atstovų", "NVO ir BO atstovų" },
		{ "Dalyvavo daugiau kaip 40 žmonių.", 40, MT, 1, 0, "daugiau kaip 40 žmonių", "žmonių" },
		{ "Dalyvavo 12 seniūnaičių ir 4 seniūnai, taip pat keli darbuotojai.", 16, AL, 2, 1,
		  "12 seniūnaičių ir 4 seniūnai, taip pat keli darbuotojai", "seniūnaičių" },
		/* the council's size in parentheses on the first group */
		{ "Jame dalyvavo 9 tarybos nariai (iš 12) ir 22 rajono bendruomenių atstovai.", 31, EX, 2, 0,
		  "9 tarybos nariai (iš 12) ir 22 rajono bendruomenių atstovai", "tarybos nariai" },
		/* one count over a list of genitive plurals */
		{ "Forume dalyvavo daugiau kaip 120 bendruomenių narių, seniūnų ir Savivaldybės atstovų.", 120, MT, 1, 0,
		  "daugiau kaip 120 bendruomenių narių, seniūnų ir Savivaldybės atstovų", "bendruomenių narių, seniūnų ir Savivaldybės atstovų" },
		/* ... the genitives listed before the people noun */
		{ "Joje dalyvavo apie 120 bendruomenių, seniūnijų ir nevyriausybinių organizacijų atstovų iš viso rajono.",
		  120, AB, 1, 0, "apie 120 bendruomenių, seniūnijų ir nevyriausybinių organizacijų atstovų",
		  "bendruomenių, seniūnijų ir nevyriausybinių organizacijų atstovų" },
		{ "Dalyvavo daugiau negu 40 žmonių.", 40, MT, 1, 0, "daugiau negu 40 žmonių", "žmonių" },
		{ "Šventėje dalyvavo per 100 gyventojų.", 100, MT, 1, 0, "per 100 gyventojų", "gyventojų" },
		{ "Dalyvavo virš 60 dalyvių.", 60, MT, 1, 0, "virš 60 dalyvių", "dalyvių" },
		{ "Dalyvavo 50+ dalyvių.", 50, MT, 1, 0, "50+ dalyvių", "dalyvių" },
		{ "Dalyvavo 30 dalyvių su viršum.", 30, MT, 1, 0, "30 dalyvių su viršum", "dalyvių" },
		{ "Dalyvavo ne mažiau kaip 25 nariai.", 25, AL, 1, 0, "ne mažiau kaip 25 nariai", "nariai" },
		{ "Dalyvavo ne mažiau nei 25 nariai.", 25, AL, 1, 0, "ne mažiau nei 25 nariai", "nariai" },
		{ "Dalyvavo mažiausiai 25 nariai.", 25, AL, 1, 0, "mažiausiai 25 nariai", "nariai" },
		{ "Dalyvavo 50 ir daugiau dalyvių.", 50, AL, 1, 0, "50 ir daugiau dalyvių", "dalyvių" },
		{ "Dalyvavo apie 40 gyventojų.", 40, AB, 1, 0, "apie 40 gyventojų", "gyventojų" },
		{ "Dalyvavo maždaug 30 žmonių.", 30, AB, 1, 0, "maždaug 30 žmonių", "žmonių" },
		{ "Dalyvavo beveik 70 žmonių.", 70, AB, 1, 0, "beveik 70 žmonių", "žmonių" },
		{ "Dalyvavo iki 20 asmenų.", 20, AB, 1, 0, "iki 20 asmenų", "asmenų" },
		{ "Dalyvavo ne daugiau kaip 20 asmenų.", 20, AB, 1, 0, "ne daugiau kaip 20 asmenų", "asmenų" },
		/* a range of counts: its lower bound is sure */
		{ "Renginyje dalyvavo 60-70 žmonių.", 60, AL, 1, 0, "60-70 žmonių", "žmonių" },
		{ "Mokymuose dalyvavo nuo 30 iki 40 dalyvių.", 30, AL, 1, 0, "30 iki 40 dalyvių", "dalyvių" },
		{ "Seminare susirinko pusšimtis dalyvių.", 50, AB, 1, 0, "pusšimtis dalyvių", "dalyvių" },
		{ "Dalyvavo apie 60–70 žmonių.", 60, AB, 1, 0, "apie 60–70 žmonių", "žmonių" },
	};
	(void)state;
	check_participants(c, N_ELEMS(c));
}

static void test_participants_groups(void **state)
{
	static const struct part_case c[] = {
		{ "2024 m. spalio 30 d. organizuotame išvykstamajame informaciniame seminare "
		  "Klaipėdos rajono nevyriausybinių ir bendruomeninių organizacijų nariams bei "
		  "Savivaldybės tarybos ir administracijos atstovams dalyvavo 11 BO tarybos narių, "
		  "3 NVO tarybos nariai, aktyvūs visuomenės veikėjai.",
		  14, AL, 2, 1, "11 BO tarybos narių, 3 NVO tarybos nariai, aktyvūs visuomenės veikėjai",
		  "BO tarybos narių" },
		{ "Dalyvavo 12 dalyvių ir 5 svečiai.", 17, EX, 2, 0, "12 dalyvių ir 5 svečiai", "dalyvių" },
		{ "Dalyvavo 10 narių, 4 specialistai ir 6 gyventojai.", 20, EX, 3, 0, "10 narių, 4 specialistai ir 6 gyventojai", "narių" },
		{ "Dalyvavo 12 Tarybos narių ir 20 bendruomenių lyderių.", 32, EX, 2, 0,
		  "12 Tarybos narių ir 20 bendruomenių lyderių", "Tarybos narių" },
		{ "Dalyvavo apie 40 gyventojų ir 5 svečiai.", 45, AB, 2, 0, "apie 40 gyventojų ir 5 svečiai", "gyventojų" },
		{ "Dalyvavo daugiau nei 20 narių ir 3 specialistai.", 23, MT, 2, 0, "daugiau nei 20 narių ir 3 specialistai", "narių" },
		{ "Dalyvavo 8 nariai ir kiti svečiai.", 8, AL, 1, 1, "8 nariai ir kiti svečiai", "nariai" },
		/* one number over two nouns in the genitive it demands */
		{ "Išvykoje dalyvavo 18 Tarybos narių ir bendruomenių atstovų.", 18, EX, 1, 0,
		  "18 Tarybos narių ir bendruomenių atstovų", "Tarybos narių ir bendruomenių atstovų" },
		{ "Dalyvavo 12 Tarybos narių ir 20 gyventojų.", 32, EX, 2, 0,
		  "12 Tarybos narių ir 20 gyventojų", "Tarybos narių" },
	};
	(void)state;
	check_participants(c, N_ELEMS(c));
	/* the groups themselves */
	{
		lt_participants p;
		const char *t = c[0].text;
		assert_true(lt_participants_find(&p, t, strlen(t)));
		assert_int_equal(p.groups[0].count, 11);
		assert_int_equal(p.groups[1].count, 3);
		assert_true(span_is(t, p.groups[1].start, p.groups[1].end, "3 NVO tarybos nariai"));
		assert_true(span_is(t, p.groups[1].noun_start, p.groups[1].noun_end, "NVO tarybos nariai"));
		assert_int_equal(p.groups[0].qualifier, EX);
	}
}

static void test_participants_negative(void **state)
{
	static const char *const texts[] = {
		/* organisations and projects are no people */
		"Konkurse dalyvavo 21 bendruomenė.",
		"Dalyvavo 26 bendruomenės.",
		"Dalyvavo 20 seniūnijų.",
		"Dalyvavo 12 organizacijų.",
		"Finansuota 29 projektų.",
		"Bendru sutarimu finansuota 12 projektų (suorganizuotas 1 posėdis).",
		"Dalyvavo 12 NVO.",
		/* a list of organisations' genitives with no people noun after it */
		"Dalyvavo 20 bendruomenių, seniūnijų ir nevyriausybinių organizacijų.",
		"Bendradarbiaujama su 11 rajono seniūnijų ir jų išplėstinėmis seniūnaičių sueigomis.",
		/* years, money, percentages, phones, postal codes, document numbers */
		"2024 m. dalyvavo nariai.",
		"2024 metais dalyvavo atstovai.",
		"Dalyvavo 1500 Eur vertės projekte nariai.",
		"Skirta 58 410 eurų dalyviams.",
		"Dalyvavo 5 % gyventojų.",
		"Dalyvavo 5 proc. gyventojų.",
		"Informacija tel. 8 389 63 412 dalyviams.",
		"Registracija +370 612 34567 dalyviams.",
		"Adresas LT-55159 dalyviams.",
		"Sprendimas Nr. 15 dalyviams.",
		"Dalyvavo nariai pagal 3 punktą.",
		/* ordinals, days, distributive counts */
		"Pirmame renginyje dalyvavo antras dalyvis.",
		"Dalyvavo 2-asis dalyvis.",
		"2021 metų lapkričio 25 dieną BOT nariai dalyvavo susitikime.",
		"Delegavo (po 1 atstovą) seniūnijos, dalyvavo visi.",
		/* composition, not participation: no verb says anyone took part */
		"Taryba sudaryta iš 22 narių: 11 Savivaldybės institucijų ir įstaigų atstovų ir 11 "
		"bendruomeninių organizacijų atstovų, kuriuos delegavo (po 1 atstovą) Savivaldybės "
		"administracijos seniūnijos.",
		"Tarybą sudaro 15 narių.",
		/* too far or across a clause */
		"Dalyvavo 5 projektai, kuriuose dirbo žmonės.",
		"Dalyvavo 12, o vėliau atvyko nariai.",
		"Dalyvavo 7 dalykiniai susitikimai Kuldygoje.",
		/* an indicator without its value */
		"Suorganizuoti mokymai, dalyvių skaičius",
		"Dalyvių skaičius, 2024 m. planas",
		"",
	};
	(void)state;
	check_no_participants(texts, N_ELEMS(texts));
}

/* ---- meeting counts ------------------------------------------------------------- */

struct meet_case {
	const char *text;
	int64_t total, remote;
	const char *phrase;
};

static void check_meetings(const struct meet_case *c, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++) {
		lt_meeting_count m;
		const char *t = c[k].text;
		int found = lt_meeting_count_find(&m, t, strlen(t));

		if (!c[k].phrase) {
			if (found) {
				print_error("\"%s\": found total %lld remote %lld (\"%.*s\"), want nothing\n", t,
				            (long long)m.total, (long long)m.remote, (int)(m.end - m.start),
				            t + m.start);
				fail();
			}
			assert_int_equal(m.total, -1);
			assert_int_equal(m.remote, -1);
			continue;
		}
		if (!found || m.total != c[k].total || m.remote != c[k].remote ||
		    !span_is(t, m.start, m.end, c[k].phrase)) {
			print_error("\"%s\": found %d total %lld remote %lld \"%.*s\"; want %lld %lld \"%s\"\n",
			            t, found, (long long)m.total, (long long)m.remote, (int)(m.end - m.start),
			            t + m.start, (long long)c[k].total, (long long)c[k].remote, c[k].phrase);
			fail();
		}
	}
}

static void test_meeting_counts(void **state)
{
	static const struct meet_case c[] = {
		{ "Per ataskaitinį laikotarpį įvyko 3 Bendruomeninių organizacijų tarybos posėdžiai, "
		  "iš kurių 2 dėl susidariusios COVID situacijos vyko nuotoliniu būdu Microsoft Teams "
		  "platformoje.", 3, 2,
		  "3 Bendruomeninių organizacijų tarybos posėdžiai, iš kurių 2 dėl susidariusios COVID "
		  "situacijos vyko nuotoliniu būdu Microsoft Teams platformoje" },
		{ "Įvyko 3 posėdžiai.", 3, -1, "3 posėdžiai" },
		{ "Surengti keturi posėdžiai.", 4, -1, "keturi posėdžiai" },
		{ "Taryba surengė šešis posėdžius.", 6, -1, "šešis posėdžius" },
		{ "2024 m. įvyko 11 posėdžių.", 11, -1, "11 posėdžių" },
		{ "Bendru sutarimu finansuota 12 projektų (suorganizuotas 1 posėdis).", 1, -1, "1 posėdis" },
		{ "Per metus įvyko du posėdžiai.", 2, -1, "du posėdžiai" },
		{ "Įvyko vienas posėdis.", 1, -1, "vienas posėdis" },
		{ "2021 m. įvyko 2 išvažiuojamieji BO tarybos posėdžiai.", 2, -1, "2 išvažiuojamieji BO tarybos posėdžiai" },
		{ "Per 2021 m. Taryba surengė 4 posėdžius.", 4, -1, "4 posėdžius" },
		{ "Įvyko 21 posėdis.", 21, -1, "21 posėdis" },
		{ "Sušaukti 5 visuotiniai susirinkimai.", 5, -1, "5 visuotiniai susirinkimai" },
		/* the remote part */
		{ "Per metus įvyko 5 tarybos posėdžiai, iš kurių 2 vyko nuotoliniu būdu.", 5, 2,
		  "5 tarybos posėdžiai, iš kurių 2 vyko nuotoliniu būdu" },
		{ "Įvyko 4 posėdžiai, 2 iš jų vyko nuotoliniu būdu.", 4, 2, "4 posėdžiai, 2 iš jų vyko nuotoliniu būdu" },
		{ "Įvyko 4 posėdžiai (2 iš jų – nuotoliniu būdu).", 4, 2, "4 posėdžiai (2 iš jų – nuotoliniu būdu" },
		{ "Įvyko 3 posėdžiai, iš kurių du nuotoliniai.", 3, 2, "3 posėdžiai, iš kurių du nuotoliniai" },
		{ "BOT sušaukė 6 posėdžius, 3 iš jų vyko nuotoliu.", 6, 3, "6 posėdžius, 3 iš jų vyko nuotoliu" },
		/* past the dates and a parenthesis naming which */
		{ "Įvyko keturi posėdžiai - sausio 25 d. ir gruodžio 5 d. Du iš jų (balandžio ir "
		  "gruodžio) vyko nuotoliniu būdu.", 4, 2,
		  "keturi posėdžiai - sausio 25 d. ir gruodžio 5 d. Du iš jų (balandžio ir gruodžio) "
		  "vyko nuotoliniu būdu" },
		/* a parenthesis giving the remote part ends it: the dates after
		 * the colon are the list */
		{ "Įvyko 3 posėdžiai (vienas nuotolinis): sausio 27 d., gegužės 5 d.", 3, 1,
		  "3 posėdžiai (vienas nuotolinis" },
		{ "Įvyko 3 posėdžiai, visi nuotoliniu būdu.", 3, 3, "3 posėdžiai, visi nuotoliniu būdu" },
		{ "Įvyko 5 posėdžiai: 3 gyvai, 2 nuotoliniu būdu.", 5, 2, "5 posėdžiai: 3 gyvai, 2 nuotoliniu būdu" },
		{ "Įvyko 5 posėdžiai, iš jų 2 vyko Zoom platformoje.", 5, 2, "5 posėdžiai, iš jų 2 vyko Zoom platformoje" },
		{ "Įvyko 4 posėdžiai, 1 neįvyko dėl kvorumo stokos.", 4, -1, "4 posėdžiai" },
		{ "Įvyko 4 posėdžiai, iš kurių 2 vyko gyvai.", 4, -1, "4 posėdžiai" },
		/* a remote count alone says nothing of the total */
		{ "Du posėdžiai vyko nuotoliniu būdu.", -1, 2, "Du posėdžiai" },
		{ "Vienas posėdis vyko nuotoliniu būdu.", -1, 1, "Vienas posėdis" },
		{ "Įvyko 3 nuotoliniai posėdžiai.", -1, 3, "3 nuotoliniai posėdžiai" },
		{ "Iš jų 2 posėdžiai vyko nuotoliniu būdu.", -1, 2, "Iš jų 2 posėdžiai" },
		/* other shapes of a total */
		{ "Tarybos posėdžių skaičius – 5.", 5, -1, "posėdžių skaičius – 5" },
		{ "Posėdžių skaičius: 6", 6, -1, "Posėdžių skaičius: 6" },
		{ "Posėdžių per metus įvyko 7.", 7, -1, "Posėdžių per metus įvyko 7" },
		{ "Taryba posėdžiavo 6 kartus.", 6, -1, "posėdžiavo 6 kartus" },
		{ "Taryba posėdžiavo keturis kartus gyvai ir tris kartus nuotoliniu būdu.", 7, 3,
		  "posėdžiavo keturis kartus gyvai ir tris kartus nuotoliniu" },
		{ "Taryba rinkosi vieną kartą.", 1, -1, "rinkosi vieną kartą" },
		{ "Tarybos posėdžiai vyko 4 kartus.", 4, -1, "4 kartus" },
		{ "Taryba per metus rinkosi 3 kartus, iš jų 1 kartą nuotoliniu būdu.", 3, 1,
		  "rinkosi 3 kartus, iš jų 1 kartą nuotoliniu būdu" },
		{ "Tarybos posėdžių skaičius per metus – 4", 4, -1, "posėdžių skaičius per metus – 4" },
		{ "Posėdžių skaičius 2023 m. – 5", 5, -1, "Posėdžių skaičius 2023 m. – 5" },
		{ "Taryba per metus susirinko į 4 posėdžius.", 4, -1, "4 posėdžius" },
	};
	(void)state;
	check_meetings(c, N_ELEMS(c));
}

static void test_meeting_negative(void **state)
{
	static const struct meet_case c[] = {
		{ "Pirmame posėdyje KMS BOT pirmininkas Jonas Marcinkus pristatė planą.", 0, 0, NULL },
		{ "Antrajame posėdyje aptarta.", 0, 0, NULL },
		{ "2-ajame posėdyje aptarta.", 0, 0, NULL },
		{ "Posėdis neįvyko.", 0, 0, NULL },
		{ "2 posėdžiai neįvyko dėl kvorumo stokos.", 0, 0, NULL },
		{ "Posėdis neįvyko dėl kvorumo stokos.", 0, 0, NULL },
		{ "2025 m. planuojami 4 posėdžiai.", 0, 0, NULL },
		{ "Planuojama surengti 4 posėdžius.", 0, 0, NULL },
		{ "Numatyti 4 posėdžiai.", 0, 0, NULL },
		{ "Vyks 4 posėdžiai.", 0, 0, NULL },
		{ "Turi būti surengti 4 posėdžiai.", 0, 0, NULL },
		{ "2 posėdžiai buvo atšaukti.", 0, 0, NULL },
		/* someone else's meetings */
		{ "BO tarybos atstovai dalyvavo 5 Savivaldybės tarybos posėdžiuose.", 0, 0, NULL },
		{ "Įvyko 3 komisijos posėdžiai.", 0, 0, NULL },
		{ "Įvyko 2 darbo grupės posėdžiai.", 0, 0, NULL },
		{ "Įvyko 4 Savivaldybės tarybos posėdžiai.", 0, 0, NULL },
		{ "Dalyvautų posėdžių skaičius – 3.", 0, 0, NULL },
		{ "Atstovai dalyvavo 3 iš 5 posėdžių.", 0, 0, NULL },
		/* dates, numbers and stray counts */
		{ "2024 m. sausio 30 d. vykusiame posėdyje pristatyta.", 0, 0, NULL },
		{ "2024 m. sausio 30 d. įvyko posėdis.", 0, 0, NULL },
		{ "Posėdžio protokolas Nr. 3 pasirašytas.", 0, 0, NULL },
		{ "Posėdžiai vyko po 2 kartus per mėnesį.", 0, 0, NULL },
		{ "Pirmininkas 3 kartus dalyvavo posėdžiuose.", 0, 0, NULL },
		{ "Planuota, kad Taryba rinksis 4 kartus.", 0, 0, NULL },
		{ "3 posėdžiai.", 0, 0, NULL },
		{ "Įvyko 1 posėdžiai.", 0, 0, NULL },
		{ "Įvyko 3 posėdis.", 0, 0, NULL },
		{ "Iš jų 2 posėdžiai buvo išvažiuojamieji.", 0, 0, NULL },
		{ "", 0, 0, NULL },
	};
	(void)state;
	check_meetings(c, N_ELEMS(c));
}

/* ---- names ---------------------------------------------------------------------- */

/* ---- quorum (lt_quorum_find) ---------------------------------------------- */

static void test_quorum(void **state)
{
	static const struct { const char *s; int64_t present, total; const char *phrase; } c[] = {
		{ "Posėdyje dalyvavo 9 iš 12 tarybos narių, kvorumas yra.", 9, 12, "9 iš 12 tarybos narių" },
		{ "Kvorumas: prisijungė 7 iš 10 tarybos narių.", 7, 10, "7 iš 10 tarybos narių" },
		/* typed without Lithuanian letters */
		{ "Kvorumas yra - dalyvavo 8 is 10 nariu.", 8, 10, "8 is 10 nariu" },
		/* the noun before "iš" */
		{ "Dalyvavo: 9 tarybos nariai iš 11 (dalyvių sąrašas pridedamas).", 9, 11, "9 tarybos nariai iš 11" },
		/* the council's size in parentheses after the noun */
		{ "Jame dalyvavo 9 tarybos nariai (iš 12) ir 22 atstovai.", 9, 12, "9 tarybos nariai (iš 12)" },
		/* in parentheses after a list of names: no verb needed */
		{ "A. Markevičienė, D. Černiauskienė (6 iš 8 narių).", 6, 8, "6 iš 8 narių" },
		{ "Dalyvavo 11 iš 12 tarybos narių (sprendimas Nr. TS-17):", 11, 12, "11 iš 12 tarybos narių" },
		{ "Dalyvavo (10 iš 13 narių):", 10, 13, "10 iš 13 narių" },
		{ "Posėdyje dalyvavo devyni iš vienuolikos BO tarybos narių.", 9, 11,
		  "devyni iš vienuolikos BO tarybos narių" },
		/* the whole first, then who attended */
		{ "Iš 11 Tarybos narių posėdyje dalyvavo 8, kvorumas yra.", 8, 11,
		  "Iš 11 Tarybos narių posėdyje dalyvavo 8" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof c / sizeof c[0]; i++) {
		lt_quorum q;
		if (!lt_quorum_find(&q, c[i].s, strlen(c[i].s)))
			fail_msg("no quorum in \"%s\"", c[i].s);
		if (q.present != c[i].present || q.total != c[i].total)
			fail_msg("\"%s\": %lld of %lld, want %lld of %lld", c[i].s, (long long)q.present,
			         (long long)q.total, (long long)c[i].present, (long long)c[i].total);
		if (strlen(c[i].phrase) != q.end - q.start || strncmp(c[i].s + q.start, c[i].phrase, q.end - q.start))
			fail_msg("\"%s\": phrase \"%.*s\", want \"%s\"", c[i].s, (int)(q.end - q.start),
			         c[i].s + q.start, c[i].phrase);
	}
}

static void test_quorum_negative(void **state)
{
	static const char *const c[] = {
		/* others than members, or no attendance said */
		"Iš 42 išvykos dalyvių 8 buvo tarybos nariai.",
		"Dalyvavo 35 iš 40 užsiregistravusių dalyvių.",
		"Taryba sudaryta iš 12 narių.",
		"Projektų vertinime 9 iš 12 tarybos narių balsavo už.",
		/* more present than members, a year, too many */
		"Dalyvavo 14 iš 12 tarybos narių.",
		"Dalyvavo 2024 iš 3000 narių.",
		"BALSUOTA: už - 9, prieš - 0, susilaikė - 1.",
		/* the whole first, but no attendance after it */
		"Iš 11 Tarybos narių 8 balsavo už.",
		/* a parenthesis of something else after the noun */
		"Dalyvavo 9 tarybos nariai (išskyrus 2).",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof c / sizeof c[0]; i++) {
		lt_quorum q;
		if (lt_quorum_find(&q, c[i], strlen(c[i])))
			fail_msg("\"%s\": quorum %lld of %lld found", c[i], (long long)q.present, (long long)q.total);
	}
}

static void test_name_nominative(void **state)
{
	static const char *const cases[][2] = {
		{ "Jonu Marcinkumi", "Jonas Marcinkus" },          /* instrumental, -us */
		{ "Antanui Šlapikui", "Antanas Šlapikas" },        /* dative, -as */
		{ "Loretą Kudarienę", "Loreta Kudarienė" },        /* accusative, -ienė */
		{ "Jono Marcinkaus", "Jonas Marcinkus" },          /* genitive, -aus */
		{ "Anatolij Ševčenko", "Anatolij Ševčenko" },      /* not declined: -ij */
		{ "Olga Sidorenko", "Olga Sidorenko" },            /* her name, not his genitive */
		{ "Oksanai Sidorenko", "Oksana Sidorenko" },       /* her dative, his form kept */
		{ "Aleksandr Kovalenko", "Aleksandr Kovalenko" },
		{ "Petro Kovalenko", "Petras Kovalenkas" },        /* a Lithuanian genitive */
		{ "Astos Kudarienės", "Asta Kudarienė" },          /* genitive, female */
		{ "Justinu Juškevičiumi", "Justinas Juškevičius" }, /* instrumental, -iumi */
		{ "Justino Juškevičiaus", "Justinas Juškevičius" }, /* genitive, -iaus */
		{ "Justinui Juškevičiui", "Justinas Juškevičius" }, /* dative, -vičiui */
		{ "Justiną Juškevičių", "Justinas Juškevičius" },   /* accusative, -ių */
		{ "Kęstučio Petraičio", "Kęstutis Petraitis" },     /* genitive, č -> t */
		{ "Kęstučiu Petraičiu", "Kęstutis Petraitis" },     /* instrumental, -čiu */
		{ "Kęstutį Petraitį", "Kęstutis Petraitis" },       /* accusative, -į */
		{ "Kęstučiui Petraičiui", "Kęstutis Petraitis" },   /* dative, -čiui */
		{ "Rūtai Jonaitytei", "Rūta Jonaitytė" },           /* dative, -ytė */
		{ "Rūta Jonaityte", "Rūta Jonaitytė" },             /* instrumental, female */
		{ "Daliai Grybauskaitei", "Dalia Grybauskaitė" },   /* dative, -aitė */
		{ "Eglę Stankevičiūtę-Vilimienę", "Eglė Stankevičiūtė-Vilimienė" },
		{ "I. Žilinskienę", "I. Žilinskienė" },
		{ "R.Stankevičiūtės-Vilimienės", "R. Stankevičiūtė-Vilimienė" },
		{ "Andriaus Butkaus", "Andrius Butkus" },
		{ "Andrių Butkų", "Andrius Butkus" },
		{ "Mindaugu Kazlausku", "Mindaugas Kazlauskas" },
		{ "Vytenį Petraitį", "Vytenis Petraitis" },
		{ "Joną Kudabą", "Jonas Kudabas" },                 /* -ą: the surname says male */
		{ "JONO MARCINKAUS", "JONAS MARCINKUS" },
		/* nominatives stay */
		{ "Jonas Marcinkus", "Jonas Marcinkus" },
		{ "Asta Kudarienė", "Asta Kudarienė" },
		{ "Justinas Juškevičius", "Justinas Juškevičius" },
		{ "Dž. Petraitis", "Dž. Petraitis" },
		{ "", "" },
	};
	size_t k;
	char out[256];

	(void)state;
	for (k = 0; k < N_ELEMS(cases); k++) {
		size_t n = lt_name_nominative(out, sizeof out, cases[k][0], strlen(cases[k][0]));
		if (strcmp(out, cases[k][1]) != 0 || n != strlen(out)) {
			print_error("\"%s\" -> \"%s\" (%zu), want \"%s\"\n", cases[k][0], out, n, cases[k][1]);
			fail();
		}
	}
	/* truncation never splits a character and always terminates */
	{
		char small[8];
		size_t n = lt_name_nominative(small, sizeof small, "Šlapikui Šlapikui", 19);
		assert_true(n < sizeof small);
		assert_int_equal(strlen(small), n);
		assert_string_equal(small, "Šlapik");
		assert_int_equal(lt_name_nominative(small, 1, "Jonas", 5), 0);
		assert_string_equal(small, "");
	}
}

/* A name typed without Lithuanian letters is kept as typed where its
 * nominative only restores letters; a case read from such a name is not. */
static void test_name_typed_plain(void **state)
{
	(void)state;
	assert_true(lt_name_typed_plain("Jurate Paskeviciene", 19, "Juratė Paskevicienė", 0));
	assert_true(lt_name_typed_plain("Egle Sabaliauskaite", 19, "Eglė Sabaliauskaitė", 0));
	/* a case read: the nominative differs by more than letters */
	assert_false(lt_name_typed_plain("Onai Petraitei", 14, "Ona Petraitė", 0));
	/* typed with them, or nothing restored */
	assert_false(lt_name_typed_plain("Juratė Paškevičienė", strlen("Juratė Paškevičienė"),
	                                 "Juratė Paškevičienė", 0));
	assert_false(lt_name_typed_plain("Aleksej Smirnov", 15, "Aleksej Smirnov", 0));
	/* a whole text typed so: any nominative with the letters is a guess */
	assert_true(lt_name_typed_plain("Onai Petraitei", 14, "Ona Petraitė", 1));
	assert_false(lt_name_typed_plain("Onai Petraitei", 14, "Ona Petraite", 1));
}

/* ---- roles ---------------------------------------------------------------------- */

struct role_case {
	const char *text;
	council_role role;
	const char *name;    /* nominative */
	const char *written; /* as in the text */
	const char *phrase;
	const char *org;     /* "" when none */
};

static void check_roles(const struct role_case *c, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++) {
		lt_role_match r;
		const char *t = c[k].text;
		int found = lt_role_find(&r, t, strlen(t), 0);

		if (!found || r.role != c[k].role || strcmp(r.name, c[k].name) != 0 ||
		    !span_is(t, r.name_start, r.name_end, c[k].written) ||
		    !span_is(t, r.start, r.end, c[k].phrase) ||
		    !span_is(t, r.org_start, r.org_end, c[k].org)) {
			print_error("\"%s\": found %d role %d name \"%s\" written \"%.*s\" phrase \"%.*s\" "
			            "org \"%.*s\"; want role %d \"%s\" \"%s\" \"%s\" \"%s\"\n",
			            t, found, (int)r.role, r.name, (int)(r.name_end - r.name_start),
			            t + r.name_start, (int)(r.end - r.start), t + r.start,
			            (int)(r.org_end - r.org_start), t + r.org_start, (int)c[k].role,
			            c[k].name, c[k].written, c[k].phrase, c[k].org);
			fail();
		}
	}
}

static void test_roles(void **state)
{
	static const struct role_case c[] = {
		{ "Tarybos pirmininku išrinktas Jonas Marcinkus, asociacijos „Baltijos žmogus“ pirmininkas.",
		  COUNCIL_ROLE_CHAIR, "Jonas Marcinkus", "Jonas Marcinkus",
		  "pirmininku išrinktas Jonas Marcinkus", "asociacijos „Baltijos žmogus“ pirmininkas" },
		{ "Pirmininke išrinkta Asta Kudarienė.", COUNCIL_ROLE_CHAIR, "Asta Kudarienė",
		  "Asta Kudarienė", "Pirmininke išrinkta Asta Kudarienė", "" },
		{ "Sekretore paskirta I. Žilinskienė.", COUNCIL_ROLE_SECRETARY, "I. Žilinskienė",
		  "I. Žilinskienė", "Sekretore paskirta I. Žilinskienė", "" },
		{ "Tarybos pirmininkas Antanas Šlapikas pasveikino.", COUNCIL_ROLE_CHAIR,
		  "Antanas Šlapikas", "Antanas Šlapikas", "pirmininkas Antanas Šlapikas", "" },
		{ "Pirmininkė - R. Stankevičiūtė-Vilimienė", COUNCIL_ROLE_CHAIR,
		  "R. Stankevičiūtė-Vilimienė", "R. Stankevičiūtė-Vilimienė",
		  "Pirmininkė - R. Stankevičiūtė-Vilimienė", "" },
		{ "Vienbalsiai išrinktas tarybos pirmininku Jonas Marcinkus.", COUNCIL_ROLE_CHAIR,
		  "Jonas Marcinkus", "Jonas Marcinkus", "išrinktas tarybos pirmininku Jonas Marcinkus", "" },
		{ "Tarybos pirmininkė – Asta Kudarienė.", COUNCIL_ROLE_CHAIR, "Asta Kudarienė",
		  "Asta Kudarienė", "pirmininkė – Asta Kudarienė", "" },
		{ "Tarybos pirmininko pavaduotoja – Rūta Jonaitytė, VšĮ „Kaimas“ vadovė.",
		  COUNCIL_ROLE_DEPUTY, "Rūta Jonaitytė", "Rūta Jonaitytė",
		  "pirmininko pavaduotoja – Rūta Jonaitytė", "VšĮ „Kaimas“ vadovė" },
		{ "Sekretoriumi paskirtas Tomas Petraitis.", COUNCIL_ROLE_SECRETARY, "Tomas Petraitis",
		  "Tomas Petraitis", "Sekretoriumi paskirtas Tomas Petraitis", "" },
		/* other words in lower case before the appointment */
		{ "Tarybos pirmininke slaptu balsavimu išrinkta Dovilė Ramanauskaitė.", COUNCIL_ROLE_CHAIR,
		  "Dovilė Ramanauskaitė", "Dovilė Ramanauskaitė",
		  "pirmininke slaptu balsavimu išrinkta Dovilė Ramanauskaitė", "" },
		{ "Pirmininko pavaduotoju ir toliau lieka Petras Kuliešius.", COUNCIL_ROLE_DEPUTY,
		  "Petras Kuliešius", "Petras Kuliešius",
		  "Pirmininko pavaduotoju ir toliau lieka Petras Kuliešius", "" },
		/* another body's membership before the name is the organisation,
		 * the council's own ("Tarybos narė") none */
		{ "Pirmininko pavaduotoju lieka Savivaldybės tarybos narys Petras Kuliešius.",
		  COUNCIL_ROLE_DEPUTY, "Petras Kuliešius", "Petras Kuliešius",
		  "Pirmininko pavaduotoju lieka Savivaldybės tarybos narys Petras Kuliešius",
		  "Savivaldybės tarybos" },
		{ "Sekretore išrinkta Tarybos narė Inga Mockienė.", COUNCIL_ROLE_SECRETARY,
		  "Inga Mockienė", "Inga Mockienė", "Sekretore išrinkta Tarybos narė Inga Mockienė", "" },
		{ "Tarybos sekretoriaus pareigas eis Tautvydas Grinius.", COUNCIL_ROLE_SECRETARY,
		  "Tautvydas Grinius", "Tautvydas Grinius", "sekretoriaus pareigas eis Tautvydas Grinius", "" },
		{ "Tarybos sekretorė Eglė Jonaitienė.", COUNCIL_ROLE_SECRETARY, "Eglė Jonaitienė",
		  "Eglė Jonaitienė", "sekretorė Eglė Jonaitienė", "" },
		{ "Pirmame posėdyje KMS BOT pirmininkas Jonas Marcinkus pristatė planą.",
		  COUNCIL_ROLE_CHAIR, "Jonas Marcinkus", "Jonas Marcinkus", "pirmininkas Jonas Marcinkus", "" },
		{ "Bendruomeninių organizacijų tarybos\npirmininkas\n\n\n\nJonas Marcinkus",
		  COUNCIL_ROLE_CHAIR, "Jonas Marcinkus", "Jonas Marcinkus",
		  "pirmininkas\n\n\n\nJonas Marcinkus", "" },
		{ "Jonas Marcinkus išrinktas tarybos pirmininku.", COUNCIL_ROLE_CHAIR, "Jonas Marcinkus",
		  "Jonas Marcinkus", "Jonas Marcinkus išrinktas tarybos pirmininku", "" },
		{ "Jonas Marcinkus – tarybos pirmininkas", COUNCIL_ROLE_CHAIR, "Jonas Marcinkus",
		  "Jonas Marcinkus", "Jonas Marcinkus – tarybos pirmininkas", "" },
		{ "Taryba pirmininku išrinko Joną Marcinkų.", COUNCIL_ROLE_CHAIR, "Jonas Marcinkus",
		  "Joną Marcinkų", "pirmininku išrinko Joną Marcinkų", "" },
		{ "Padėka tarybos pirmininkui Antanui Šlapikui.", COUNCIL_ROLE_CHAIR, "Antanas Šlapikas",
		  "Antanui Šlapikui", "pirmininkui Antanui Šlapikui", "" },
		{ "Tarybos pirmininkė V.Pavardenė pristatė.", COUNCIL_ROLE_CHAIR, "V. Pavardenė",
		  "V.Pavardenė", "pirmininkė V.Pavardenė", "" },
		{ "Tarybos sekretoriaus darbą atlieka Lina Bagdonė.", COUNCIL_ROLE_SECRETARY,
		  "Lina Bagdonė", "Lina Bagdonė", "sekretoriaus darbą atlieka Lina Bagdonė", "" },
		{ "Tarybai pirmininkauja Aldona Kriaučiūnienė.", COUNCIL_ROLE_CHAIR,
		  "Aldona Kriaučiūnienė", "Aldona Kriaučiūnienė", "pirmininkauja Aldona Kriaučiūnienė", "" },
		{ "Pirmininkas išrinktas, o jo pavaduotoja – Rūta Jonaitytė.", COUNCIL_ROLE_DEPUTY,
		  "Rūta Jonaitytė", "Rūta Jonaitytė", "pavaduotoja – Rūta Jonaitytė", "" },
		{ "Tarybos narė Asta Kudarienė.", COUNCIL_ROLE_MEMBER, "Asta Kudarienė",
		  "Asta Kudarienė", "narė Asta Kudarienė", "" },
		{ "Tarybos pirmininkas: Jonas Marcinkus", COUNCIL_ROLE_CHAIR, "Jonas Marcinkus",
		  "Jonas Marcinkus", "pirmininkas: Jonas Marcinkus", "" },
		{ "Pirmininkas Jonas Marcinkus Kauno miesto bendruomenėms.", COUNCIL_ROLE_CHAIR,
		  "Jonas Marcinkus", "Jonas Marcinkus", "Pirmininkas Jonas Marcinkus", "" },
		{ "Tarybos pirmininkas Jonas Petras Marcinkus.", COUNCIL_ROLE_CHAIR,
		  "Jonas Petras Marcinkus", "Jonas Petras Marcinkus", "pirmininkas Jonas Petras Marcinkus", "" },
		{ "Tarybos pirmininko Jono Marcinkaus iniciatyva.", COUNCIL_ROLE_CHAIR, "Jonas Marcinkus",
		  "Jono Marcinkaus", "pirmininko Jono Marcinkaus", "" },
		/* the person's own post between the appointment and the name */
		{ "Tarybos posėdyje pirmininku išrinktas Josvainių bendruomenės pirmininkas Saulius Jankūnas, pavaduotoja – Renata Mikalauskaitė.",
		  COUNCIL_ROLE_CHAIR, "Saulius Jankūnas", "Saulius Jankūnas",
		  "pirmininku išrinktas Josvainių bendruomenės pirmininkas Saulius Jankūnas",
		  "Josvainių bendruomenės pirmininkas" },
		{ "Tarybos sekretore paskirta Savivaldybės administracijos Kultūros skyriaus vyriausioji specialistė Aušra Vaitkevičienė (Tarybos narė nėra).",
		  COUNCIL_ROLE_SECRETARY, "Aušra Vaitkevičienė", "Aušra Vaitkevičienė",
		  "sekretore paskirta Savivaldybės administracijos Kultūros skyriaus vyriausioji specialistė Aušra Vaitkevičienė",
		  "Savivaldybės administracijos Kultūros skyriaus vyriausioji specialistė" },
		{ "Tarybos sekretorės funkcijas atlieka VšĮ „Kaimo namai“ direktorė Vilma Kriščiūnienė.",
		  COUNCIL_ROLE_SECRETARY, "Vilma Kriščiūnienė", "Vilma Kriščiūnienė",
		  "sekretorės funkcijas atlieka VšĮ „Kaimo namai“ direktorė Vilma Kriščiūnienė",
		  "VšĮ „Kaimo namai“ direktorė" },
		{ "Pirmininko pareigas laikinai eina Tomas Petraitis.", COUNCIL_ROLE_CHAIR, "Tomas Petraitis",
		  "Tomas Petraitis", "Pirmininko pareigas laikinai eina Tomas Petraitis", "" },
		/* form fields, one per line */
		{ "Narių skaičius: 14\nPirmininko pavaduotoja: Inga Bagdonienė, Savivaldybės administracija\n",
		  COUNCIL_ROLE_DEPUTY, "Inga Bagdonienė", "Inga Bagdonienė",
		  "Pirmininko pavaduotoja: Inga Bagdonienė", "Savivaldybės administracija" },
		{ "Taryba išsirinko pirmininką Joną Jonaitį.", COUNCIL_ROLE_CHAIR, "Jonas Jonaitis",
		  "Joną Jonaitį", "pirmininką Joną Jonaitį", "" },
		/* a council's abbreviation ending in T owns the office */
		{ "BNOT pirmininkė – Laura Bieliauskienė, asociacijos pirmininkė.", COUNCIL_ROLE_CHAIR,
		  "Laura Bieliauskienė", "Laura Bieliauskienė", "pirmininkė – Laura Bieliauskienė",
		  "asociacijos pirmininkė" },
		/* words between the council and its verb, or the role and the verb */
		{ "Jai jau antrus metus vadovauja Jūratė Sabaliauskienė.", COUNCIL_ROLE_CHAIR,
		  "Jūratė Sabaliauskienė", "Jūratė Sabaliauskienė", "vadovauja Jūratė Sabaliauskienė", "" },
		{ "Tarybos pirmininke antrai kadencijai perrinkta Asta Lukošienė, Grinkiškio bendruomenės pirmininkė.",
		  COUNCIL_ROLE_CHAIR, "Asta Lukošienė", "Asta Lukošienė",
		  "pirmininke antrai kadencijai perrinkta Asta Lukošienė", "Grinkiškio bendruomenės pirmininkė" },
		/* a protocol's decision */
		{ "Nutarta: pirmininkės pavaduotoju išrinkti Martyną Gudą.", COUNCIL_ROLE_DEPUTY,
		  "Martynas Gudas", "Martyną Gudą", "pirmininkės pavaduotoju išrinkti Martyną Gudą", "" },
		/* the office, a comma, the person's own post, then the name */
		{ "Tarybos pirmininkė, Viečiūnų bendruomenės pirmininkė Ramunė Grigienė pristatė ataskaitą.",
		  COUNCIL_ROLE_CHAIR, "Ramunė Grigienė", "Ramunė Grigienė",
		  "pirmininkė, Viečiūnų bendruomenės pirmininkė Ramunė Grigienė",
		  "Viečiūnų bendruomenės pirmininkė" },
		{ "NVO tarybos pirmininkė, asociacijos „Nidos bendruomenė“ atstovė Daiva Gudauskienė.",
		  COUNCIL_ROLE_CHAIR, "Daiva Gudauskienė", "Daiva Gudauskienė",
		  "pirmininkė, asociacijos „Nidos bendruomenė“ atstovė Daiva Gudauskienė",
		  "asociacijos „Nidos bendruomenė“ atstovė" },
	};
	(void)state;
	check_roles(c, N_ELEMS(c));
}

static void test_roles_sequence(void **state)
{
	const char *t = "Tarybos pirmininku išrinktas Jonas Marcinkus, asociacijos „Baltijos žmogus“ "
	                "pirmininkas, pavaduotoju – Justinas Juškevičius, Savivaldybės administracijos "
	                "vyriausiasis specialistas (Jaunimo reikalų koordinatorius).";
	lt_role_match r;
	size_t len = strlen(t);

	(void)state;
	assert_true(lt_role_find(&r, t, len, 0));
	assert_int_equal(r.role, COUNCIL_ROLE_CHAIR);
	assert_string_equal(r.name, "Jonas Marcinkus");
	assert_true(lt_role_find(&r, t, len, r.end));
	assert_int_equal(r.role, COUNCIL_ROLE_DEPUTY);
	assert_string_equal(r.name, "Justinas Juškevičius");
	assert_true(span_is(t, r.start, r.end, "pavaduotoju – Justinas Juškevičius"));
	assert_true(span_is(t, r.org_start, r.org_end,
	                    "Savivaldybės administracijos vyriausiasis specialistas (Jaunimo reikalų "
	                    "koordinatorius)"));
	assert_false(lt_role_find(&r, t, len, r.end));
}

static void test_roles_negative(void **state)
{
	static const char *const texts[] = {
		"Buvęs pirmininkas Jonas Marcinkus.",
		"Buvęs tarybos pirmininkas Jonas Marcinkus.",
		"Buvusi tarybos pirmininkė Asta Kudarienė.",
		"Asociacijos pirmininkas Jonas Jonaitis.",
		"Administracijos direktoriaus pavaduotojas Jonas Jonaitis.",
		"Posėdžio pirmininkas Jonas Jonaitis.",
		"Asociacijos „Baltijos žmogus“ pirmininkas Jonas Marcinkus.",
		"Komisijos sekretorė Eglė Jonaitienė.",
		"Tarybos pirmininkas pristatė planą.",
		"Tarybos pirmininkas Savivaldybės administracijai.",
		"Tarybos pirmininkas KMS BOT.",
		"Tarybos pirmininkė Kudarienė.",                /* a surname alone is too little */
		"Tarybos pirmininkas J.",
		"Tarybos pirmininkas Sausio mėnesį.",
		"Pirmininkavo Jonas Marcinkus.",
		"VVG pirmininkas Jonas Jonaitis.",
		"Garbės pirmininkas Jonas Jonaitis.",
		"Bendruomenės pirmininkė Asta Kudarienė.",
		/* no appointment before the post: the object of a verb is no name of
		 * the role */
		"Tarybos pirmininkas pristatė Savivaldybės administracijos specialistą Joną Jonaitį.",
		"Nariai: Jonas Marcinkus, Asta Kudarienė.",
		"",
	};
	size_t k;
	lt_role_match r;

	(void)state;
	for (k = 0; k < N_ELEMS(texts); k++) {
		if (lt_role_find(&r, texts[k], strlen(texts[k]), 0)) {
			print_error("\"%s\": found role %d \"%s\", want nothing\n", texts[k], (int)r.role,
			            r.name);
			fail();
		}
	}
}

/* ---- legal acts ------------------------------------------------------------------ */

struct act_case {
	const char *text;
	const char *number;
	int y, m, d;
	const char *date_text; /* "" when none */
	const char *phrase;
};

static void check_acts(const struct act_case *c, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++) {
		lt_act_match a;
		const char *t = c[k].text;
		int found = lt_act_find(&a, t, strlen(t), 0);

		if (!found || strcmp(a.number, c[k].number) != 0 || a.date.year != c[k].y ||
		    a.date.month != c[k].m || a.date.day != c[k].d ||
		    !span_is(t, a.date_start, a.date_end, c[k].date_text) ||
		    !span_is(t, a.start, a.end, c[k].phrase)) {
			print_error("\"%s\": found %d \"%s\" %d-%d-%d date \"%.*s\" phrase \"%.*s\"; "
			            "want \"%s\" %d-%d-%d \"%s\" \"%s\"\n",
			            t, found, a.number, a.date.year, a.date.month, a.date.day,
			            (int)(a.date_end - a.date_start), t + a.date_start, (int)(a.end - a.start),
			            t + a.start, c[k].number, c[k].y, c[k].m, c[k].d, c[k].date_text,
			            c[k].phrase);
			fail();
		}
	}
}

static void test_acts(void **state)
{
	static const struct act_case c[] = {
		{ "Nuostatai patvirtinti 2019 m. vasario 26 d. Savivaldybės tarybos sprendimu Nr. T-55 „Dėl tarybos sudarymo“.",
		  "T-55", 2019, 2, 26, "2019 m. vasario 26 d.",
		  "2019 m. vasario 26 d. Savivaldybės tarybos sprendimu Nr. T-55" },
		{ "(pakeista 2019 m. gruodžio 17 d. Savivaldybės tarybos sprendimu Nr. T-558 ir kt.)",
		  "T-558", 2019, 12, 17, "2019 m. gruodžio 17 d.",
		  "2019 m. gruodžio 17 d. Savivaldybės tarybos sprendimu Nr. T-558" },
		{ "2020-03-12 įsakymu Nr. A1-130 patvirtinta", "A1-130", 2020, 3, 12, "2020-03-12",
		  "2020-03-12 įsakymu Nr. A1-130" },
		/* an act in parentheses takes the date of the sitting before it */
		{ "Planas patvirtintas 2024 m. spalio 16 d. Vilniaus miesto savivaldybės tarybos posėdyje "
		  "(sprendimas Nr. 1-512).", "1-512", 2024, 10, 16, "2024 m. spalio 16 d.",
		  "2024 m. spalio 16 d. Vilniaus miesto savivaldybės tarybos posėdyje (sprendimas Nr. 1-512" },
		/* the date and number in parentheses after the act word */
		{ "Lietuvos Respublikos vietos savivaldos įstatymas (1994 m. liepos 7 d. Nr. I-533).",
		  "I-533", 1994, 7, 7, "1994 m. liepos 7 d.",
		  "įstatymas (1994 m. liepos 7 d. Nr. I-533" },
		{ "administracijos direktoriaus 2021 m. kovo 3 d. įsakymu Nr. A30-3561/21(2.1.4E-SP) patvirtinta",
		  "A30-3561/21(2.1.4E-SP)", 2021, 3, 3, "2021 m. kovo 3 d.",
		  "2021 m. kovo 3 d. įsakymu Nr. A30-3561/21(2.1.4E-SP)" },
		{ "Klaipėdos r. savivaldybės tarybos 2022 m. sausio 27 d. sprendimu Nr. T11-12.",
		  "T11-12", 2022, 1, 27, "2022 m. sausio 27 d.", "2022 m. sausio 27 d. sprendimu Nr. T11-12" },
		{ "2022 m. sausio 27 d. Klaipėdos r. savivaldybės tarybos sprendimu Nr. T11-1123",
		  "T11-1123", 2022, 1, 27, "2022 m. sausio 27 d.",
		  "2022 m. sausio 27 d. Klaipėdos r. savivaldybės tarybos sprendimu Nr. T11-1123" },
		{ "Tarybos sprendimu Nr. TS-257 pritarta.", "TS-257", 0, 0, 0, "", "sprendimu Nr. TS-257" },
		{ "Vyriausybės nutarimu Nr. 1-137.", "1-137", 0, 0, 0, "", "nutarimu Nr. 1-137" },
		{ "mero potvarkiu Nr. T3-294", "T3-294", 0, 0, 0, "", "potvarkiu Nr. T3-294" },
		{ "direktoriaus įsakymu Nr. DI-468", "DI-468", 0, 0, 0, "", "įsakymu Nr. DI-468" },
		{ "įsakymu Nr. ĮS-1105.", "ĮS-1105", 0, 0, 0, "", "įsakymu Nr. ĮS-1105" },
		{ "sprendimu Nr.T1-1123", "T1-1123", 0, 0, 0, "", "sprendimu Nr.T1-1123" },
		{ "įsakymu „Dėl tvarkos aprašo patvirtinimo“ Nr. A1-130", "A1-130", 0, 0, 0, "",
		  "įsakymu „Dėl tvarkos aprašo patvirtinimo“ Nr. A1-130" },
		{ "sprendimas 2019-02-26 Nr. T-55", "T-55", 2019, 2, 26, "2019-02-26",
		  "sprendimas 2019-02-26 Nr. T-55" },
		/* a date that is not right before the act is not its date */
		{ "2019 m. vasario 26 d. vyko posėdis, o sprendimu Nr. T-55 pritarta.", "T-55", 0, 0, 0, "",
		  "sprendimu Nr. T-55" },
	};
	(void)state;
	check_acts(c, N_ELEMS(c));
}

static void test_acts_sequence(void **state)
{
	const char *t = "Kauno miesto savivaldybės bendruomeninių organizacijų tarybos (toliau –BOT) "
	                "nuostatai patvirtinti 2019 m. vasario 26 d. Savivaldybės tarybos sprendimu Nr. "
	                "T-55 „Dėl Kauno miesto savivaldybės bendruomeninių organizacijų tarybos "
	                "sudarymo“ (pakeista 2019 m. gruodžio 17 d. Savivaldybės tarybos sprendimu Nr. "
	                "T-558 ir 2020 m. rugsėjo 15 d. Savivaldybės tarybos sprendimu Nr. T-374). "
	                "Pakeista 2019 m. gruodžio 17 d. sprendimais Nr. T-557, T-559 ir Nr. T-560.";
	static const struct {
		const char *number;
		int y, m, d;
	} want[] = {
		{ "T-55", 2019, 2, 26 },  { "T-558", 2019, 12, 17 }, { "T-374", 2020, 9, 15 },
		{ "T-557", 2019, 12, 17 }, { "T-559", 2019, 12, 17 }, { "T-560", 2019, 12, 17 },
	};
	lt_act_match a;
	size_t from = 0, k, len = strlen(t);

	(void)state;
	for (k = 0; k < N_ELEMS(want); k++) {
		assert_true(lt_act_find(&a, t, len, from));
		if (strcmp(a.number, want[k].number) != 0 || a.date.year != want[k].y ||
		    a.date.month != want[k].m || a.date.day != want[k].d) {
			print_error("act %zu: %s %d-%d-%d, want %s %d-%d-%d\n", k, a.number, a.date.year,
			            a.date.month, a.date.day, want[k].number, want[k].y, want[k].m, want[k].d);
			fail();
		}
		from = a.end;
	}
	assert_false(lt_act_find(&a, t, len, from));
}

static void test_acts_negative(void **state)
{
	static const char *const texts[] = {
		"*2022-02-18 Nr. B28-2-1*",                  /* the report's own number */
		"Eil. Nr.\n\tPriemonės pavadinimas",
		"Posėdžio protokolas Nr. 3.",
		"Sprendimo projektas parengtas, Nr. nesuteiktas.",
		"sprendimu Nr. skubiai",
		"",
	};
	size_t k;
	lt_act_match a;

	(void)state;
	for (k = 0; k < N_ELEMS(texts); k++) {
		if (lt_act_find(&a, texts[k], strlen(texts[k]), 0)) {
			print_error("\"%s\": found \"%s\", want nothing\n", texts[k], a.number);
			fail();
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_participants_exact),
		cmocka_unit_test(test_participants_qualified),
		cmocka_unit_test(test_participants_groups),
		cmocka_unit_test(test_participants_negative),
		cmocka_unit_test(test_meeting_counts),
		cmocka_unit_test(test_meeting_negative),
		cmocka_unit_test(test_quorum),
		cmocka_unit_test(test_quorum_negative),
		cmocka_unit_test(test_name_nominative),
		cmocka_unit_test(test_name_typed_plain),
		cmocka_unit_test(test_roles),
		cmocka_unit_test(test_roles_sequence),
		cmocka_unit_test(test_roles_negative),
		cmocka_unit_test(test_acts),
		cmocka_unit_test(test_acts_sequence),
		cmocka_unit_test(test_acts_negative),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
