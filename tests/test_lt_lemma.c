/* SPDX-License-Identifier: MIT */
/*
 * test_lt_lemma.c -- dictionary forms (lt_lemma.c, lt_dict.c,
 * extract_forms.c): each paradigm of the lexicon's noun and adjective
 * endings on many words, words that must stay as they are (nominatives,
 * foreign names, quoted names), names read by the text around them, and,
 * over every fixture of tests/fixtures, no stored event title that opens
 * with an event noun in the genitive, dative or locative, no location
 * that ends in a locative, and none that its own dictionary form changes.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "lt.h"
#include "lt_int.h"
#include "report.h"

typedef size_t (*form_fn)(char *, size_t, const char *, size_t);

static void expect(form_fn fn, const char *in, const char *want)
{
	char out[512];
	size_t n = fn(out, sizeof out, in, strlen(in));

	if (strcmp(out, want) != 0 || n != strlen(want))
		fail_msg("\"%s\" gave \"%s\", want \"%s\"", in, out, want);
}

/* A phrase without Lithuanian letters in a text that has them is read as
 * written ("dvare": a locative, not a folded "dvarė"); in a text typed
 * plain it stays as it is, as the folded reading is no surer. */
static void test_plain_by_context(void **state)
{
	static const char lt_around[] = "Abi tarybos surengė diskusiją Raudondvario dvare.";
	static const char plain_text[] = "Abi tarybos surenge diskusija Raudondvario dvare.";
	char out[128];

	(void)state;
	lt_lemma_place_in(out, sizeof out, "Raudondvario dvare", 18, lt_around, sizeof lt_around - 1);
	assert_string_equal(out, "Raudondvario dvaras");
	lt_lemma_place_in(out, sizeof out, "Raudondvario dvare", 18, plain_text, sizeof plain_text - 1);
	assert_string_equal(out, "Raudondvario dvare");
	lt_lemma_place(out, sizeof out, "Raudondvario dvare", 18);
	assert_string_equal(out, "Raudondvario dvare");
	lt_lemma_title_in(out, sizeof out, "seminare", 8, lt_around, sizeof lt_around - 1);
	assert_string_equal(out, "seminaras");
	/* a text saved in NFD writes "ė" as e and a combining dot: not plain */
	{
		static const char nfd[] = "Abi tarybos sureng\x65\xcc\x87 diskusij\x61\xcc\xa8.";
		lt_lemma_place_in(out, sizeof out, "Raudondvario dvare", 18, nfd, sizeof nfd - 1);
		assert_string_equal(out, "Raudondvario dvaras");
	}
}

/* The paradigms alone, whatever the machine has installed: the
 * dictionary is off for these. */
static int setup_paradigms(void **state)
{
	*state = (void *)(intptr_t)lt_dict_use(0);
	return 0;
}

static int teardown_dict(void **state)
{
	lt_dict_use((int)(intptr_t)*state);
	return 0;
}

/* ---- titles ------------------------------------------------------------- */

static void test_title_cases(void **state)
{
	(void)state;
	/* every case of a title noun back to the nominative, the quoted
	 * name kept */
	expect(lt_lemma_title, "konferencijoje „Bendruomenių ateitis“", "konferencija „Bendruomenių ateitis“");
	expect(lt_lemma_title, "konferencijos „Bendruomenių ateitis“", "konferencijos „Bendruomenių ateitis“");
	expect(lt_lemma_title, "konferenciją „Bendruomenių ateitis“", "konferencija „Bendruomenių ateitis“");
	expect(lt_lemma_title, "konferencijai „Bendruomenių ateitis“", "konferencija „Bendruomenių ateitis“");
	expect(lt_lemma_title, "renginio „Bendruomenių vakaras“", "renginys „Bendruomenių vakaras“");
	expect(lt_lemma_title, "renginyje „Bendruomenių vakaras“", "renginys „Bendruomenių vakaras“");
	expect(lt_lemma_title, "renginiui „Bendruomenių vakaras“", "renginys „Bendruomenių vakaras“");
	expect(lt_lemma_title, "renginį", "renginys");
	expect(lt_lemma_title, "seminare", "seminaras");
	expect(lt_lemma_title, "seminaro", "seminaras");
	expect(lt_lemma_title, "seminarui", "seminaras");
	expect(lt_lemma_title, "seminarą", "seminaras");
	expect(lt_lemma_title, "forume „Utenos krašto bendruomenės 2024“", "forumas „Utenos krašto bendruomenės 2024“");
	expect(lt_lemma_title, "forumą „Sūduvos bendruomenės – kartu“", "forumas „Sūduvos bendruomenės – kartu“");
	expect(lt_lemma_title, "sąskrydyje", "sąskrydis");
	expect(lt_lemma_title, "sąskrydžio", "sąskrydis");
	expect(lt_lemma_title, "sąskrydį", "sąskrydis");
	expect(lt_lemma_title, "šventėje", "šventė");
	expect(lt_lemma_title, "šventės", "šventės");
	expect(lt_lemma_title, "šventę", "šventė");
	expect(lt_lemma_title, "mugėje", "mugė");
	expect(lt_lemma_title, "išvykoje", "išvyka");
	expect(lt_lemma_title, "išvyką", "išvyka");
	expect(lt_lemma_title, "susitikime", "susitikimas");
	expect(lt_lemma_title, "susitikimo", "susitikimas");
	expect(lt_lemma_title, "diskusijoje", "diskusija");
	expect(lt_lemma_title, "akcijoje", "akcija");
	expect(lt_lemma_title, "sueigoje", "sueiga");
	expect(lt_lemma_title, "pristatyme", "pristatymas");
	/* plural-only nouns keep their number */
	expect(lt_lemma_title, "mokymuose „Lyderystė“", "mokymai „Lyderystė“");
	expect(lt_lemma_title, "mokymų „Lyderystė“", "mokymai „Lyderystė“");
	expect(lt_lemma_title, "mokymus „Lyderystė“", "mokymai „Lyderystė“");
	expect(lt_lemma_title, "kūrybinėse dirbtuvėse", "kūrybinės dirbtuvės");
	expect(lt_lemma_title, "kūrybinių dirbtuvių", "kūrybinės dirbtuvės");
	expect(lt_lemma_title, "kūrybinėms dirbtuvėms", "kūrybinės dirbtuvės");
	expect(lt_lemma_title, "kūrybines dirbtuves", "kūrybinės dirbtuvės");
	expect(lt_lemma_title, "mokymams", "mokymai");
	/* a plural stays plural */
	expect(lt_lemma_title, "renginių", "renginiai");
	expect(lt_lemma_title, "renginiuose", "renginiai");
	expect(lt_lemma_title, "seminaruose", "seminarai");
	expect(lt_lemma_title, "konferencijose", "konferencijos");
	expect(lt_lemma_title, "šventėse", "šventės");
	expect(lt_lemma_title, "renginiai", "renginiai");
	expect(lt_lemma_title, "mokymais", "mokymai");
	expect(lt_lemma_title, "nuotoliniams mokymams", "nuotoliniai mokymai");
	expect(lt_lemma_title, "kursuose", "kursai");
	expect(lt_lemma_title, "paskaitoje", "paskaita");
	expect(lt_lemma_title, "stovykloje", "stovykla");
	expect(lt_lemma_title, "talkoje", "talka");
	expect(lt_lemma_title, "festivalyje", "festivalis");
	expect(lt_lemma_title, "festivalio", "festivalis");
	expect(lt_lemma_title, "posėdyje", "posėdis");
	expect(lt_lemma_title, "posėdžio", "posėdis");
	expect(lt_lemma_title, "susirinkime", "susirinkimas");
	expect(lt_lemma_title, "parodoje", "paroda");
	expect(lt_lemma_title, "apžiūroje", "apžiūra");
	expect(lt_lemma_title, "ekskursijoje", "ekskursija");
	expect(lt_lemma_title, "vakare „Bendruomenių vakaras“", "vakaras „Bendruomenių vakaras“");
	expect(lt_lemma_title, "minėjime", "minėjimas");
	expect(lt_lemma_title, "pasitarime", "pasitarimas");
	expect(lt_lemma_title, "konsultacijoje", "konsultacija");
	/* plans */
	expect(lt_lemma_title, "2023−2025 m. veiklos plano", "2023−2025 m. veiklos planas");
	expect(lt_lemma_title, "2023−2025 m. veiklos planą", "2023−2025 m. veiklos planas");
	expect(lt_lemma_title, "2024 m. veiklos programoje", "2024 m. veiklos programa");
}

static void test_title_agreement(void **state)
{
	(void)state;
	/* adjectives and participles before the noun agree with it */
	expect(lt_lemma_title, "išvykstamajame informaciniame seminare", "išvykstamasis informacinis seminaras");
	expect(lt_lemma_title, "išvykstamojo informacinio seminaro", "išvykstamasis informacinis seminaras");
	expect(lt_lemma_title, "išvykstamąjį informacinį seminarą", "išvykstamasis informacinis seminaras");
	expect(lt_lemma_title, "išvykstamajam informaciniam seminarui", "išvykstamasis informacinis seminaras");
	expect(lt_lemma_title, "išvažiuojamąjį mokomąjį seminarą „Bendruomenė – kaimo širdis“",
	       "išvažiuojamasis mokomasis seminaras „Bendruomenė – kaimo širdis“");
	expect(lt_lemma_title, "regioniniame seminare „Bendruomenė ir savivalda“",
	       "regioninis seminaras „Bendruomenė ir savivalda“");
	expect(lt_lemma_title, "pažintinėje išvykoje į Biržų kraštą", "pažintinė išvyka į Biržų kraštą");
	expect(lt_lemma_title, "pažintinės išvykos į Biržų kraštą", "pažintinės išvykos į Biržų kraštą");
	expect(lt_lemma_title, "pažintinę išvyką", "pažintinė išvyka");
	expect(lt_lemma_title, "nuotoliniuose mokymuose", "nuotoliniai mokymai");
	expect(lt_lemma_title, "nuotolinius mokymus „Bendruomenės viešieji pirkimai“",
	       "nuotoliniai mokymai „Bendruomenės viešieji pirkimai“");
	expect(lt_lemma_title, "nuotolinių mokymų", "nuotoliniai mokymai");
	expect(lt_lemma_title, "tarptautinėje konferencijoje", "tarptautinė konferencija");
	expect(lt_lemma_title, "tarptautinės konferencijos", "tarptautinės konferencijos");
	/* adjectives in -us: "gražiame" is gražus, not "gražis" */
	expect(lt_lemma_title, "gražiame renginyje", "gražus renginys");
	expect(lt_lemma_title, "gražaus renginio „Kaimo vakaras“", "gražus renginys „Kaimo vakaras“");
	expect(lt_lemma_title, "įdomiame seminare", "įdomus seminaras");
	expect(lt_lemma_title, "įdomų seminarą", "įdomus seminaras");
	expect(lt_lemma_title, "smagioje šventėje", "smagi šventė");
	expect(lt_lemma_title, "smagią šventę", "smagi šventė");
	expect(lt_lemma_title, "įdomiuose mokymuose", "įdomūs mokymai");
	/* ... and the stem alone does not make one: an -is adjective stays so */
	expect(lt_lemma_title, "informaciniame renginyje", "informacinis renginys");
	/* a genitive between the adjective and its noun stays */
	expect(lt_lemma_title, "regioninėje bendruomenių konferencijoje", "regioninė bendruomenių konferencija");
	expect(lt_lemma_title, "Šilutės rajono bendruomenių sąskrydyje", "Šilutės rajono bendruomenių sąskrydis");
	expect(lt_lemma_title, "apskrities bendruomeninių organizacijų tarybų forumą „Sūduvos bendruomenės – kartu“",
	       "apskrities bendruomeninių organizacijų tarybų forumas „Sūduvos bendruomenės – kartu“");
	/* a genitive noun is no adjective: "rajono" is not "rajonas" */
	expect(lt_lemma_title, "rajono seminaro", "rajono seminaras");
	expect(lt_lemma_title, "krašto šventės", "krašto šventės");
	/* a title noun in the genitive before another title noun is its
	 * modifier, not its head */
	expect(lt_lemma_title, "Bendruomenių dienos šventėje", "Bendruomenių dienos šventė");
	expect(lt_lemma_title, "Bendruomenių dienos", "Bendruomenių dienos");
	expect(lt_lemma_title, "renginio „Bendruomenių vakaras“ pristatyme", "renginio „Bendruomenių vakaras“ pristatymas");
	/* the head may follow its quoted name */
	expect(lt_lemma_title, "„Bendruomenių vakaro“ renginyje", "„Bendruomenių vakaro“ renginys");
}

static void test_past_verb(void **state)
{
	(void)state;
	assert_true(lt_lemma_past_verb("organizavo", strlen("organizavo"), 0));
	assert_true(lt_lemma_past_verb("lankėsi", strlen("lankėsi"), 0));
	assert_true(lt_lemma_past_verb("lankesi", strlen("lankesi"), 1));
	assert_false(lt_lemma_past_verb("savo", strlen("savo"), 0));
	assert_false(lt_lemma_past_verb("rajono", strlen("rajono"), 0));
	assert_false(lt_lemma_past_verb("išvykstamąjį", strlen("išvykstamąjį"), 0));
}

static void test_title_kept(void **state)
{
	(void)state;
	/* nominatives stay as they are; so does a genitive singular in -os,
	 * -ės, which is also a plural nominative ("konsultacijos") */
	expect(lt_lemma_title, "konferencija „Bendruomenių ateitis“", "konferencija „Bendruomenių ateitis“");
	expect(lt_lemma_title, "išvykstamasis informacinis seminaras", "išvykstamasis informacinis seminaras");
	expect(lt_lemma_title, "mokymai bendruomenių lyderiams", "mokymai bendruomenių lyderiams");
	expect(lt_lemma_title, "Bendruomenių diena", "Bendruomenių diena");
	expect(lt_lemma_title, "ekskursija Bijotų dendrologiniame parke", "ekskursija Bijotų dendrologiniame parke");
	expect(lt_lemma_title, "pirmieji tarybos organizuoti mokymai", "pirmieji tarybos organizuoti mokymai");
	expect(lt_lemma_title, "Daugailių bendruomenės 30-mečio šventė", "Daugailių bendruomenės 30-mečio šventė");
	expect(lt_lemma_title, "dirbtuvės", "dirbtuvės");
	/* the plural nominative with its adjective (the importer once
	 * stored "individualios konsultacija") */
	expect(lt_lemma_title, "individualios konsultacijos", "individualios konsultacijos");
	expect(lt_lemma_title, "64 individualios konsultacijos", "64 individualios konsultacijos");
	/* the quoted name is never declined, even when it holds a title noun */
	expect(lt_lemma_title, "„Seminare“", "„Seminare“");
	expect(lt_lemma_title, "„Bendruomenių šventėje“ dalyvavo", "„Bendruomenių šventėje“ dalyvavo");
	/* a clause is no name: declined it would not be Lithuanian */
	expect(lt_lemma_title, "organizavo išvykstamąjį informacinį seminarą", "organizavo išvykstamąjį informacinį seminarą");
	expect(lt_lemma_title, "prisijungė prie LVBOS nuotolinio seminaro", "prisijungė prie LVBOS nuotolinio seminaro");
	expect(lt_lemma_title, "konsultavo bendruomenes dėl renginių", "konsultavo bendruomenes dėl renginių");
	expect(lt_lemma_title, "BNOT inicijavo diskusiją „Kas toliau?“", "BNOT inicijavo diskusiją „Kas toliau?“");
	expect(lt_lemma_title, "Juodis pristatė idėją forumą", "Juodis pristatė idėją forumą");
	/* what may stand before a name: numbers, abbreviations, acronyms, genitives */
	expect(lt_lemma_title, "LVBOS konferenciją", "LVBOS konferencija");
	expect(lt_lemma_title, "2024 m. Bendruomenių dienos šventėje", "2024 m. Bendruomenių dienos šventė");
	/* two accusatives side by side are two nouns */
	expect(lt_lemma_title, "idėją forumą", "idėją forumą");
	/* no title noun: nothing to decline */
	expect(lt_lemma_title, "Bendruomenių ateities", "Bendruomenių ateities");
	expect(lt_lemma_title, "", "");
	/* capitals stay capitals */
	expect(lt_lemma_title, "KONFERENCIJOJE", "KONFERENCIJA");
	/* a text typed without Lithuanian letters keeps them out */
	expect(lt_lemma_title, "konferencijoje „Ateitis“", "konferencija „Ateitis“");
	expect(lt_lemma_title, "pazintineje isvykoje", "pazintine isvyka");
	expect(lt_lemma_title, "sventeje", "svente");
}

/* ---- places -------------------------------------------------------------- */

static void test_place_paradigms(void **state)
{
	(void)state;
	expect(lt_lemma_place, "Drevernoje", "Dreverna");
	expect(lt_lemma_place, "Kuldygoje", "Kuldyga");
	expect(lt_lemma_place, "Palangoje", "Palanga");
	expect(lt_lemma_place, "Latvijoje", "Latvija");
	expect(lt_lemma_place, "Plungėje", "Plungė");
	expect(lt_lemma_place, "Kelmėje", "Kelmė");
	expect(lt_lemma_place, "Marijampolėje", "Marijampolė");
	expect(lt_lemma_place, "Kaune", "Kaunas");
	expect(lt_lemma_place, "Birštone", "Birštonas");
	expect(lt_lemma_place, "Jurbarke", "Jurbarkas");
	expect(lt_lemma_place, "Vilniuje", "Vilnius");
	expect(lt_lemma_place, "Alytuje", "Alytus");
	expect(lt_lemma_place, "Anykščiuose", "Anykščiai");
	expect(lt_lemma_place, "Telšiuose", "Telšiai");
	expect(lt_lemma_place, "Juknaičiuose", "Juknaičiai");
	expect(lt_lemma_place, "Zarasuose", "Zarasai");
	expect(lt_lemma_place, "Darbėnuose", "Darbėnai");
	expect(lt_lemma_place, "Trakuose", "Trakai");
	expect(lt_lemma_place, "Širvintose", "Širvintos");
	expect(lt_lemma_place, "Grigiškėse", "Grigiškės");
	expect(lt_lemma_place, "Kaišiadoryse", "Kaišiadorys");
	expect(lt_lemma_place, "Ignalinoje", "Ignalina");
	expect(lt_lemma_place, "Utenoje", "Utena");
	expect(lt_lemma_place, "Tauragėje", "Tauragė");
	expect(lt_lemma_place, "Šilutėje", "Šilutė");
	expect(lt_lemma_place, "Biržuose", "Biržai");
	expect(lt_lemma_place, "Kėdainiuose", "Kėdainiai");
	expect(lt_lemma_place, "Šiauliuose", "Šiauliai");
	expect(lt_lemma_place, "Raseiniuose", "Raseiniai");
	expect(lt_lemma_place, "Druskininkuose", "Druskininkai");
	expect(lt_lemma_place, "Švenčionyse", "Švenčionys");
	expect(lt_lemma_place, "Skuode", "Skuodas");
	expect(lt_lemma_place, "Visagine", "Visaginas");
	expect(lt_lemma_place, "Joniškyje", "Joniškis");
	expect(lt_lemma_place, "Kupiškyje", "Kupiškis");
	expect(lt_lemma_place, "Pakruojyje", "Pakruojis");
	/* -yje: -is or -ys, the list of places settles it; else -is */
	expect(lt_lemma_place, "Panevėžyje", "Panevėžys");
	expect(lt_lemma_place, "Pasvalyje", "Pasvalys");
	expect(lt_lemma_place, "Vilkaviškyje", "Vilkaviškis");
	expect(lt_lemma_place, "Rokiškyje", "Rokiškis");
	/* two words: the adjective agrees, a genitive stays */
	expect(lt_lemma_place, "Naujojoje Akmenėje", "Naujoji Akmenė");
	expect(lt_lemma_place, "Kazlų Rūdoje", "Kazlų Rūda");
	expect(lt_lemma_place, "Šventojoje", "Šventoji");
	expect(lt_lemma_place, "Anykščių kultūros centre", "Anykščių kultūros centras");
	expect(lt_lemma_place, "Lentvario kultūros rūmuose", "Lentvario kultūros rūmai");
	expect(lt_lemma_place, "Žemaitės viešojoje bibliotekoje", "Žemaitės viešoji biblioteka");
	expect(lt_lemma_place, "Savivaldybės posėdžių salėje", "Savivaldybės posėdžių salė");
	expect(lt_lemma_place, "Laukžemės bendruomenės namuose", "Laukžemės bendruomenės namai");
	/* each place of a list */
	expect(lt_lemma_place, "Molėtuose ir Utenoje", "Molėtai ir Utena");
	expect(lt_lemma_place, "Laukžemės ir Kalnalio bendruomenėse", "Laukžemės ir Kalnalio bendruomenės");
	/* a trip's destination, in the accusative */
	expect(lt_lemma_place, "Latviją", "Latvija");
	expect(lt_lemma_place, "Biržų kraštą", "Biržų kraštas");
	expect(lt_lemma_place, "Estiją (Viljandi apskritis)", "Estija (Viljandi apskritis)");
	/* a genitive alone is no accusative ("Biržų" is not "Biržus") */
	expect(lt_lemma_place, "Biržų", "Biržų");
	/* an aside stays */
	expect(lt_lemma_place, "Latvijoje (Kuldygoje)", "Latvija (Kuldygoje)");
}

static void test_place_kept(void **state)
{
	(void)state;
	expect(lt_lemma_place, "Dreverna", "Dreverna");
	expect(lt_lemma_place, "Kaunas", "Kaunas");
	expect(lt_lemma_place, "Vilnius", "Vilnius");
	expect(lt_lemma_place, "Anykščiai", "Anykščiai");
	expect(lt_lemma_place, "Kelmė", "Kelmė");
	expect(lt_lemma_place, "Šventoji", "Šventoji");
	expect(lt_lemma_place, "Anykščių kultūros centras", "Anykščių kultūros centras");
	expect(lt_lemma_place, "Zoom", "Zoom");
	expect(lt_lemma_place, "Microsoft Teams", "Microsoft Teams");
	expect(lt_lemma_place, "Marijampolės", "Marijampolės");
	expect(lt_lemma_place, "", "");
	/* typed without Lithuanian letters: folded endings, folded forms */
	expect(lt_lemma_place, "Sventojoje", "Sventoji");
	expect(lt_lemma_place, "Anyksciuose", "Anyksciai");
	expect(lt_lemma_place, "Sventoji", "Sventoji");
	expect(lt_lemma_place, "Latvija", "Latvija");
}

/* ---- names --------------------------------------------------------------- */

static void expect_name(const char *in, const char *ctx, const char *want)
{
	char out[256];

	lt_lemma_name(out, sizeof out, in, strlen(in), ctx, ctx ? strlen(ctx) : 0);
	if (strcmp(out, want) != 0)
		fail_msg("\"%s\" gave \"%s\", want \"%s\"", in, out, want);
}

static void test_name_cases(void **state)
{
	const char *plain = "Tarybos pirmininke isrinkta Ausra Zukauskiene.";

	(void)state;
	expect_name("Antanui Šlapikui", NULL, "Antanas Šlapikas");
	expect_name("Antano Šlapiko", NULL, "Antanas Šlapikas");
	expect_name("Antaną Šlapiką", NULL, "Antanas Šlapikas");
	expect_name("Antanu Šlapiku", NULL, "Antanas Šlapikas");
	expect(lt_lemma_title, "seminaru „Ąžuolynas“", "seminaras „Ąžuolynas“");
	expect(lt_lemma_title, "švente", "šventė");
	expect_name("Steputę Račkauskienę", NULL, "Steputė Račkauskienė");
	expect_name("Steputės Račkauskienės", NULL, "Steputė Račkauskienė");
	expect_name("Steputei Račkauskienei", NULL, "Steputė Račkauskienė");
	expect_name("Steputė Račkauskiene", NULL, "Steputė Račkauskienė");
	expect_name("Rūtos Kazlauskaitės", NULL, "Rūta Kazlauskaitė");
	expect_name("Rūtai Jonaitytei", NULL, "Rūta Jonaitytė");
	expect_name("Rūtą Mockutę", NULL, "Rūta Mockutė");
	expect_name("Rūtos Stankevičiūtės", NULL, "Rūta Stankevičiūtė");
	expect_name("Jono Petraičio", NULL, "Jonas Petraitis");
	expect_name("Jono Marcinkaus", NULL, "Jonas Marcinkus");
	expect_name("Jonu Marcinkumi", NULL, "Jonas Marcinkus");
	expect_name("Kęstučio Mikalausko", NULL, "Kęstutis Mikalauskas");
	expect_name("R. Stankevičiūtės-Vilimienės", NULL, "R. Stankevičiūtė-Vilimienė");
	expect_name("J. Marcinkaus", NULL, "J. Marcinkus");
	/* a man's surname in -a: the first name says the gender, the
	 * surname's ending only the case */
	expect_name("Jono Garšvos", NULL, "Jonas Garšva");
	expect_name("Jonui Garšvai", NULL, "Jonas Garšva");
	expect_name("Petro Skučo", NULL, "Petras Skučas");
	expect_name("Dariui Jonaičiui", NULL, "Darius Jonaitis");
	expect_name("Linai Paulauskienei", NULL, "Lina Paulauskienė");
	expect_name("Gintarei Vaitkutei", NULL, "Gintarė Vaitkutė");
	expect_name("Onos Garšvos", NULL, "Ona Garšva");
	/* nominatives and foreign names stay */
	expect_name("Antanas Šlapikas", NULL, "Antanas Šlapikas");
	expect_name("Steputė Račkauskienė", NULL, "Steputė Račkauskienė");
	expect_name("J. Marcinkus", NULL, "J. Marcinkus");
	expect_name("Anatolij Ševčenko", NULL, "Anatolij Ševčenko");
	expect_name("Olga Sidorenko", NULL, "Olga Sidorenko");
	/* her first name declines, the surname that would be a man's
	 * genitive does not */
	expect_name("Oksanai Sidorenko", NULL, "Oksana Sidorenko");
	expect_name("Oksanos Sidorenko", NULL, "Oksana Sidorenko");
	/* typed without Lithuanian letters: folded endings, folded forms */
	expect_name("Rutos Kazlauskaites", plain, "Ruta Kazlauskaite");
	expect_name("Rutai Jonaitytei", plain, "Ruta Jonaityte");
	expect_name("Antanui Slapikui", plain, "Antanas Slapikas");
	expect_name("Jono Petraicio", plain, "Jonas Petraitis");
	expect_name("J. Marcinkaus", plain, "J. Marcinkus");
	expect_name("Ausra Zukauskiene", plain, "Ausra Zukauskiene");
	expect_name("Tomas Kazlauskas", plain, "Tomas Kazlauskas");
	expect_name("Anatolij Sevcenko", plain, "Anatolij Sevcenko");
	expect_name("Jonu Marcinkumi", plain, "Jonas Marcinkus");
	/* in a text with Lithuanian letters a name without them is read as
	 * written: "Jonu" is no folded "Jonų" */
	expect_name("Jonu Marcinkumi", "Jonas Marcinkus pirmininkavo.", "Jonas Marcinkus");
}

static void test_name_context(void **state)
{
	(void)state;
	/* -ui is -as or -us: the text's other forms of the name settle it */
	expect_name("Jonui Marcinkui", "Padėka Jonui Marcinkui. Kalbėjo J. Marcinkus.", "Jonas Marcinkus");
	expect_name("Jonui Marcinkui", "Padėka Jonui Marcinkui.", "Jonas Marcinkas");
	expect_name("Vladui Šimkui", "Vlado Šimkaus pranešimas. Padėka Vladui Šimkui.", "Vladas Šimkus");
	expect_name("Jurgiui Kairiui", "Jurgis Kairys pirmininkavo.", "Jurgis Kairys");
	/* a word that only contains the form is no evidence */
	expect_name("Jonui Marcinkui", "Marcinkusas", "Jonas Marcinkas");
}

static void test_dictionary(void **state)
{
	(void)state;
	if (!lt_dict_available())
		skip();
	/* the dictionary knows place and first names the lists do not */
	expect(lt_lemma_place, "Lentvaryje", "Lentvaris");
	expect_name("Jurgiui Petraičiui", NULL, "Jurgis Petraitis");
	/* a surname the dictionary has as a common noun ("kairys") */
	expect_name("Vidmantui Kairiui", NULL, "Vidmantas Kairys");
	/* and never overrides a reading no paradigm allows */
	expect(lt_lemma_title, "seminare", "seminaras");
}

static void test_noun_cases(void **state)
{
	(void)state;
	assert_true(lt_lemma_noun_cases("konferencijoje", strlen("konferencijoje"), 1, 0) & (1u << NC_LOC));
	assert_true(lt_lemma_noun_cases("renginio", strlen("renginio"), 1, 0) & (1u << NC_GEN));
	assert_true(lt_lemma_noun_cases("seminarui", strlen("seminarui"), 1, 0) & (1u << NC_DAT));
	assert_true(lt_lemma_noun_cases("mokymai", strlen("mokymai"), 1, 0) & (1u << NC_NOM));
	assert_int_equal(lt_lemma_noun_cases("Bendruomenių", strlen("Bendruomenių"), 1, 0), 0);
	assert_true(lt_lemma_noun_cases("Drevernoje", strlen("Drevernoje"), 0, 0) & (1u << NC_LOC));
	assert_false(lt_lemma_noun_cases("Dreverna", strlen("Dreverna"), 0, 0) & (1u << NC_LOC));
}

/* ---- every fixture --------------------------------------------------------- */

/* Typed without Lithuanian letters? */
static int plain_text(const char *s)
{
	static const char *const lt[] = { "ą", "č", "ę", "ė", "į", "š", "ų", "ū", "ž", "Ą", "Č", "Ę",
		                           "Ė", "Į", "Š", "Ų", "Ū", "Ž", NULL };
	int k;

	for (k = 0; lt[k]; k++)
		if (strstr(s, lt[k]))
			return 0;
	return 1;
}

static int bad_title(const char *t)
{
	size_t i = 0, s;
	unsigned cs;

	/* its first word */
	while (t[i] && !(((unsigned char)t[i] >= 0x80 && (unsigned char)t[i] != 0xE2) ||
	                 ((t[i] | 0x20) >= 'a' && (t[i] | 0x20) <= 'z')))
		i++;
	s = i;
	while (t[i] && t[i] != ' ' && t[i] != ',' && t[i] != '.')
		i++;
	if (t[s] && (unsigned char)t[s] == 0xE2)
		return 0;
	cs = lt_lemma_noun_cases(t + s, i - s, 1, plain_text(t));
	return (cs & ((1u << NC_GEN) | (1u << NC_DAT) | (1u << NC_LOC))) && !(cs & (1u << NC_NOM));
}

static int bad_location(const char *l)
{
	size_t n = strlen(l), s;
	unsigned cs;

	while (n > 0 && (l[n - 1] == ' ' || l[n - 1] == '.' || l[n - 1] == ')'))
		n--;
	for (s = n; s > 0 && l[s - 1] != ' ' && l[s - 1] != '('; s--)
		;
	/* only a place's name or head noun: a word in lower case or capitals
	 * that is a verb or a platform is not what this checks */
	cs = lt_lemma_noun_cases(l + s, n - s, 0, plain_text(l));
	return (cs & (1u << NC_LOC)) && !(cs & (1u << NC_NOM));
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *b;
	long n;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	b = malloc((size_t)n + 1);
	assert_non_null(b);
	assert_int_equal(fread(b, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	b[n] = '\0';
	*len = (size_t)n;
	return b;
}

static void test_all_fixtures(void **state)
{
	const char *root = tu_fixture("");
	DIR *top = opendir(root);
	struct dirent *set;
	int titles = 0, locations = 0, bad = 0;

	(void)state;
	assert_non_null(top);
	while ((set = readdir(top)) != NULL) {
		char dir[2048];
		DIR *d;
		struct dirent *ent;
		if (set->d_name[0] == '.')
			continue;
		snprintf(dir, sizeof dir, "%s/%s", root, set->d_name);
		if (!(d = opendir(dir)))
			continue;
		while ((ent = readdir(d)) != NULL) {
			size_t len = strlen(ent->d_name), n, i;
			char path[4096];
			council_extraction *x = NULL;
			char *text;
			if (len < 5 || strcmp(ent->d_name + len - 4, ".txt") != 0)
				continue;
			snprintf(path, sizeof path, "%s/%s", dir, ent->d_name);
			text = slurp(path, &n);
			if (council_import_parse(&x, path, text, n) == COUNCIL_OK) {
				for (i = 0; i < x->n_events; i++) {
					const x_event *e = &x->events[i];
					char again[1024];
					/* a dictionary form is its own dictionary form */
					if (e->title &&
					    (lt_lemma_title(again, sizeof again, e->title, strlen(e->title)),
					     strcmp(again, e->title) != 0)) {
						print_error("%s: title \"%s\" again gives \"%s\"\n", path, e->title, again);
						bad++;
					}
					if (e->location &&
					    (lt_lemma_place(again, sizeof again, e->location, strlen(e->location)),
					     strcmp(again, e->location) != 0)) {
						print_error("%s: location \"%s\" again gives \"%s\"\n", path, e->location,
						            again);
						bad++;
					}
					if (e->title) {
						titles++;
						if (bad_title(e->title)) {
							print_error("%s: event title \"%s\"\n", path, e->title);
							bad++;
						}
					}
					if (e->location) {
						locations++;
						if (bad_location(e->location)) {
							print_error("%s: event location \"%s\"\n", path, e->location);
							bad++;
						}
					}
				}
			}
			council_extraction_free(x);
			free(text);
		}
		closedir(d);
	}
	closedir(top);
	print_message("fixtures: %d titles, %d locations, %d not in the nominative\n", titles,
	              locations, bad);
	assert_true(titles > 100); /* fewer: the fixtures were not read */
	assert_true(locations > 50);
	assert_int_equal(bad, 0);
}

/* The record holds the dictionary form, its span the text as written. */
static void test_provenance_kept(void **state)
{
	static const char text[] =
		"Birštono savivaldybės bendruomeninių organizacijų tarybos 2023 metų veiklos ataskaita\n\n"
		"2023 m. gegužės 12 d. Drevernoje vykusioje konferencijoje „Bendruomenių ateitis“ "
		"dalyvavo 40 asmenų.\n";
	council_extraction *x = NULL;
	size_t i;
	int seen = 0;

	(void)state;
	assert_int_equal(council_import_parse(&x, "t.txt", text, sizeof text - 1), COUNCIL_OK);
	for (i = 0; i < x->n_events; i++) {
		const x_event *e = &x->events[i];
		if (!e->title || !strstr(e->title, "Bendruomenių ateitis"))
			continue;
		seen = 1;
		assert_string_equal(e->title, "konferencija „Bendruomenių ateitis“");
		assert_non_null(e->span.quote);
		assert_non_null(strstr(e->span.quote, "konferencijoje „Bendruomenių ateitis“"));
		assert_non_null(e->location);
		assert_string_equal(e->location, "Dreverna");
		assert_non_null(strstr(e->span.quote, "Drevernoje"));
	}
	assert_true(seen);
	council_extraction_free(x);
}

/* The same check holds itself to account: it would see these. */
static void test_all_fixtures_check(void **state)
{
	(void)state;
	assert_true(bad_title("konferencijoje „Bendruomenių ateitis“"));
	assert_true(bad_title("renginio „Bendruomenių vakaras“"));
	assert_true(bad_title("Seminarui"));
	assert_false(bad_title("konferencija „Bendruomenių ateitis“"));
	assert_false(bad_title("mokymai"));
	assert_false(bad_title("„Seminare“"));
	assert_true(bad_location("Drevernoje"));
	assert_true(bad_location("Anykščių kultūros centre"));
	assert_false(bad_location("Dreverna"));
	assert_false(bad_location("Anykščių kultūros centras"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_title_cases, setup_paradigms, teardown_dict),
		cmocka_unit_test_setup_teardown(test_title_agreement, setup_paradigms, teardown_dict),
		cmocka_unit_test_setup_teardown(test_title_kept, setup_paradigms, teardown_dict),
		cmocka_unit_test_setup_teardown(test_place_paradigms, setup_paradigms, teardown_dict),
		cmocka_unit_test_setup_teardown(test_place_kept, setup_paradigms, teardown_dict),
		cmocka_unit_test_setup_teardown(test_plain_by_context, setup_paradigms, teardown_dict),
		cmocka_unit_test_setup_teardown(test_name_cases, setup_paradigms, teardown_dict),
		cmocka_unit_test_setup_teardown(test_name_context, setup_paradigms, teardown_dict),
		cmocka_unit_test(test_past_verb),
		cmocka_unit_test(test_dictionary),
		cmocka_unit_test(test_noun_cases),
		cmocka_unit_test(test_provenance_kept),
		cmocka_unit_test(test_all_fixtures_check),
		cmocka_unit_test(test_all_fixtures),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
