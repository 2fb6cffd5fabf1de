/* SPDX-License-Identifier: MIT */
/*
 * lt.h -- small parsers for the Lithuanian phrases council reports use:
 * dates in all their written forms, numbers in digits and words, participant
 * counts, meeting counts, roles with personal names, legal act numbers.
 * Internal to libcouncil (not installed).  Every parser works on UTF-8 text
 * already normalised by normalise.c: NBSP -> space, en/em dash and U+2212 ->
 * '-', curly quotes kept, CRLF -> LF.  Offsets are byte offsets into the
 * text passed in.  Nothing here allocates unless it says so.
 */
#ifndef COUNCIL_LT_H
#define COUNCIL_LT_H

#include <stddef.h>
#include <stdint.h>
#include "council.h"

/* ---- words (lt_number.c) -------------------------------------------------
 * Shared by the parsers below.  A word is a run of ASCII letters, digits and
 * non-ASCII characters (so every letter of a UTF-8 text), except the
 * non-ASCII punctuation that reports use between words: quotes „“, dashes,
 * NBSP, bullets, currency and math signs.  Word comparisons ignore
 * letter case and accept a plain ASCII letter where the form has a
 * diacritic ("geguzes" for "gegužės": text that lost its accents), never the
 * reverse.  Forms are written in lower case. */

/* Nonzero when byte c may belong to a word: ASCII letter or digit, or any
 * byte >= 0x80 (use lt_is_word_at to tell letters from „ or –). */
int lt_is_wordbyte(int c);

/* Nonzero when a word character starts at s[i].  Asked of nearly every
 * byte a token reader passes: an ASCII byte is decided inline by a table
 * (lt_ascii_word: 1 for letters and digits), the rest out of line. */
#if defined(__GNUC__)
extern const unsigned char lt_ascii_word[256] __attribute__((visibility("hidden")));
#else
extern const unsigned char lt_ascii_word[256];
#endif
int lt_is_word_at_multibyte(const char *s, size_t len, size_t i);
static inline int lt_is_word_at(const char *s, size_t len, size_t i)
{
	unsigned char c;

	if (i >= len)
		return 0;
	c = (unsigned char)s[i];
	return c < 0x80 ? lt_ascii_word[c] : lt_is_word_at_multibyte(s, len, i);
}

/* End of the word starting at i (i itself when s[i] is no word byte):
 * lt_word_end, below the document's words. */

/* Nonzero when a word may start at i: i == 0 or the character before i is
 * no word character. */
int lt_at_word_start(const char *s, size_t i);

/* The first position at or after i where a word starts (lt_is_word_at and
 * lt_at_word_start both hold); len when there is none.  For scanners that
 * try something at every word start: lt_next_word_start, below the
 * document's words. */

/* The words of one document, found once: for every byte of s[0..len),
 * where its run of word characters ends (lt_word_end) and where the next
 * word starts (lt_next_word_start).  While lt_words_use(w) is in force on
 * a thread, those two answer from the tables for any piece of s that
 * starts and ends at character boundaries, with the results a scan of the
 * piece gives; other text is scanned.  Memory: 9 bytes a byte of s. */
typedef struct lt_words {
	const char *s;           /* the text (not owned) */
	size_t len;
	uint32_t *end;           /* owned, len + 1: lt_word_end(s, len, i) */
	uint32_t *next;          /* owned, len + 1: lt_next_word_start(s, len, i) */
	unsigned char *boundary; /* owned, len + 1: bit 1, a character starts at i
	                            (or i == len); bit 2, a word starts there */
	int wide;                /* a word character outside U+00C0..U+1FFF and
	                            ASCII occurs (a C1 control, a script past
	                            U+2BFF): the genre layer, whose words end at
	                            such characters, cannot use the tables */
} lt_words;

/* Builds w for s[0..len) (s must outlive it); 0, or -1 out of memory. */
int lt_words_init(lt_words *w, const char *s, size_t len);

/* Frees the tables (and stops their use on this thread if in force). */
void lt_words_free(lt_words *w);

/* Makes w (NULL: none) the words the scanners of this thread look up. */
void lt_words_use(const lt_words *w);

/* The words in use on this thread (lt_words_use), or NULL. */
const lt_words *lt_words_current(void);

/* lt_word_end and lt_next_word_start run about a million times a corpus of
 * 300 reports, nearly always on a piece of the document in use: their
 * look-up in its tables is inline here (the call and its frame cost about
 * as much as the look-up); the scan of any other text is lt_word.c's.  The
 * words in use are lt_words_use's, one pointer a thread, read in the
 * initial-exec model (one load, no __tls_get_addr call). */
#if defined(__GNUC__)
extern _Thread_local const lt_words *lt_doc_words
	__attribute__((tls_model("initial-exec"), visibility("hidden")));
#else
extern _Thread_local const lt_words *lt_doc_words;
#endif
size_t lt_word_end_scan(const char *s, size_t len, size_t i);
size_t lt_next_word_start_scan(const char *s, size_t len, size_t i);

/* Nonzero when s[0..len) lies in w's text between character boundaries,
 * so that its words are the text's, cut at len; sets *off. */
static inline int lt_words_piece(const lt_words *w, const char *s, size_t len, size_t *off)
{
	uintptr_t a, b;

	if (!w)
		return 0;
	a = (uintptr_t)w->s;
	b = (uintptr_t)s;
	if (b < a || b - a > w->len || len > w->len - (b - a))
		return 0;
	*off = (size_t)(b - a);
	return (w->boundary[*off] & 1) && (w->boundary[*off + len] & 1);
}

static inline size_t lt_word_end(const char *s, size_t len, size_t i)
{
	const lt_words *w = lt_doc_words;
	size_t off, e;

	if (i < len && lt_words_piece(w, s, len, &off)) {
		e = w->end[off + i];
		return e < off + len ? e - off : len;
	}
	return lt_word_end_scan(s, len, i);
}

static inline size_t lt_next_word_start(const char *s, size_t len, size_t i)
{
	const lt_words *w = lt_doc_words;
	size_t off, n;

	if (i < len && lt_words_piece(w, s, len, &off)) {
		/* The piece's first byte starts a word though the text's may not. */
		if (i == 0 && lt_is_word_at(s, len, 0))
			return 0;
		n = w->next[off + i];
		return n < off + len ? n - off : len;
	}
	return lt_next_word_start_scan(s, len, i);
}

/* Skips spaces and tabs and at most one line break (a phrase may wrap once
 * but never crosses a blank line).  Returns the new position. */
size_t lt_skip_blank(const char *s, size_t len, size_t i);

/* Matches form at the start of w[0..n): sets *used to the bytes of w
 * matched and returns 1, or returns 0.  exact: diacritics must match too. */
int lt_match_prefix(size_t *used, const char *w, size_t n, const char *form, int exact);

/* Nonzero when form's first byte and w's are ASCII and differ, letter
 * case aside: then w neither is form nor starts with it.  Most tries of a
 * word against a list of forms end here, inline, without the call of the
 * whole comparison (lt_match_prefix makes the same test first). */
static inline int lt_first_byte_differs(const char *w, size_t n, const char *form)
{
	unsigned char f0 = (unsigned char)form[0], w0 = n ? (unsigned char)w[0] : 0x80;

	w0 = (unsigned char)(w0 >= 'A' && w0 <= 'Z' ? w0 + 32 : w0);
	return f0 && f0 < 0x80 && w0 < 0x80 && f0 != w0;
}

/* Nonzero when the whole word w[0..n) is form (lt_word_is_full: the
 * comparison after the first byte's). */
int lt_word_is_full(const char *w, size_t n, const char *form);
static inline int lt_word_is(const char *w, size_t n, const char *form)
{
	return !lt_first_byte_differs(w, n, form) && lt_word_is_full(w, n, form);
}

/* Nonzero when s[0..len) holds the lower-case ASCII letters lit in either
 * case ("nar" finds "Narių" and "NARĖS").  Every form of a word list whose
 * first letters are ASCII is matched only where they are (lt_match_prefix
 * reads an ASCII letter of a form as itself), so a reader can refuse a
 * text without its cue in one pass over the bytes. */
int lt_has_ascii(const char *s, size_t len, const char *lit);

/* Nonzero when w[0..n) starts with prefix. */
int lt_word_starts_full(const char *w, size_t n, const char *prefix);
static inline int lt_word_starts(const char *w, size_t n, const char *prefix)
{
	return !lt_first_byte_differs(w, n, prefix) && lt_word_starts_full(w, n, prefix);
}

/* When w[0..n) is stem + one of endings (a NULL-terminated list; "" allowed)
 * returns the 1-based index of that ending, else 0. */
int lt_word_stem(const char *w, size_t n, const char *stem, const char *const *endings);

/* ---- dates --------------------------------------------------------------- */

enum {
	LT_DATE_YEAR_INFERRED = 1 << 0, /* no year written; default_year used */
	LT_DATE_NUMERIC       = 1 << 1, /* 2023-05-12, 2023.05.12, 2023/05/12, 2023 05 12 */
	LT_DATE_LIST          = 1 << 2, /* "balandžio 10 ir 19 d.", "kovo 3, 10 ir 17 d." */
	LT_DATE_RANGE         = 1 << 3, /* "gegužės 16-17 d.", "rugsėjo 28 - spalio 2 d." */
	LT_DATE_COARSE        = 1 << 4, /* quarter, season, "metų pradžioje/pabaigoje" */
	LT_DATE_YEAR_SPAN     = 1 << 5  /* "2023-2025 m.", "2023-2025 metų" (a plan period) */
};

typedef struct lt_date_match {
	size_t start, end;      /* bytes [start,end) of the whole phrase */
	council_period period;  /* for a list: first day .. last day */
	int days[16];           /* for LT_DATE_LIST: every listed day, in order */
	int n_days;             /* 0 unless LT_DATE_LIST */
	unsigned flags;
} lt_date_match;

/* Finds the first date expression starting at or after byte `from` in
 * text[0..len).  Forms: "2024 m. sausio 30 d.", "2024 metų sausio 30 dieną",
 * "2024 m. sausio mėn. 30 d.", "2024 m. vasario mėn." (month only),
 * "2024 m. Balandžio mėn. 19 d." (capitalised month), ranges and lists
 * ("gegužės 16-17 d.", "2023 m. rugsėjo 28 - spalio 2 d.", "2023 m. rugsėjo
 * 28 d. - spalio 2 d.", "balandžio 10 ir 19 d.", "kovo 3, 10 ir 17 d."),
 * numeric (2024-01-30, 2024-1-30, 2024.01.30, 2024/01/30, 2024 01 30),
 * "2024 m." / "2024 metais" / "2024 metų" alone (year only), quarters
 * ("2024 m. I ketvirtį", "II ketv."), seasons ("2024 m. pavasarį"),
 * "metų pradžioje/pabaigoje", year spans ("2023-2025 m.").  A month and day
 * without a year take default_year (flag LT_DATE_YEAR_INFERRED); when
 * default_year is 0 such phrases are skipped.  Invalid dates (2024-02-30,
 * month 13) are never returned.  Returns 1 and fills *m, or 0 if none.
 * Details:
 *   - Years are recognised from 1900 to 2099 and need a marker ("m.",
 *     "metų", "metais", "-aisiais"), except in numeric dates and spans.
 *   - Also "nuo X iki Y" ranges (start stays at X), "sausio-kovo mėn."
 *     month ranges, "2023 m. - 2025 m." spans, half-years ("I pusmetį",
 *     "antroje pusėje"), and cross-year ranges ("gruodžio 28 - sausio 3 d."
 *     ends in the next year).
 *   - Seasons give their months (pavasaris 3-5, vasara 6-8, ruduo 9-11);
 *     winter and "metų pradžioje/pabaigoje/viduryje" give the year only,
 *     all with LT_DATE_COARSE.
 *   - A month and day after a year's marker that lies before `from` take
 *     that year, not default_year.
 *   - Without a written year the evidence must be clearer: a day needs "d."
 *     or "dieną" after it, a month alone needs "mėn." or the locative /
 *     accusative ("gegužėje", "birželį"; not the ambiguous "kovą"/"liepą").
 *   - "Vasario 16-osios", "Kovo 11-osios g." (names of schools and streets)
 *     are no dates. */
int lt_date_find(lt_date_match *m, const char *text, size_t len, size_t from,
                 int default_year);

/* Where default_year stops mattering to lt_date_find(m, text, len, from,
 * default_year): 0, or one past the start of the last word at or after
 * from that could begin a phrase dated to default_year (a month word,
 * "metų" or a Roman quarter not right after a year's marker).  A search
 * from at least that position finds the same for every default_year, so a
 * caller may spare working the default out. */
size_t lt_date_yearless_end(const char *text, size_t len, size_t from);

/* Month number (1..12) for a month word in any case form, any letter case
 * ("sausio", "Sausis", "sausyje", "SAUSIO"); 0 if the word is no month.
 * word is w[0..n). */
int lt_month_from_word(const char *w, size_t n);

/* ---- numbers ------------------------------------------------------------- */

/* Parses a count at text[0..len): digits (with a space as thousands
 * separator only in groups of three: "58 410"), or Lithuanian number words in
 * any case and gender, including compounds ("dvidešimt vienas", "du šimtai",
 * "keturis", "dviejų", "vienuolika").  Ordinals ("pirmas", "antrame") are not
 * numbers.  Returns bytes consumed (0 if no number starts at text) and the
 * value in *out. */
size_t lt_number_parse(int64_t *out, const char *text, size_t len);

/* ---- phrases ------------------------------------------------------------- */

#define LT_MAX_GROUPS 8

typedef struct lt_group {
	int64_t count;
	council_qualifier qualifier;
	size_t start, end;      /* the count and its noun phrase */
	size_t noun_start, noun_end; /* the group's noun phrase ("BO tarybos narių") */
} lt_group;

typedef struct lt_participants {
	lt_group groups[LT_MAX_GROUPS];
	int n_groups;
	int others_uncounted;   /* a list of groups ends with an uncounted one */
	int64_t total;          /* sum of groups */
	council_qualifier qualifier; /* of the total: one group's own, or
	                                 at_least when several non-exact/others */
	size_t start, end;      /* the whole phrase */
} lt_participants;

/* Finds the count of PEOPLE taking part in s[0..len) (one sentence):
 * "dalyvavo 16 dalyvių", "dalyvavo 31 asmuo", "susirinko 27 atstovai",
 * "prisijungė 7 nariai", "sulaukta 45 dalyvių", "daugiau nei 50 NVO ir BO
 * atstovų" (more_than), "daugiau kaip", "per 100", "virš 60", "50+",
 * "ne mažiau kaip 25" (at_least), "apie 40", "maždaug", "beveik", "iki"
 * (about), groups "11 BO tarybos narių, 3 NVO tarybos nariai, aktyvūs
 * visuomenės veikėjai" (two groups, others_uncounted, total 14 at_least),
 * number words ("dalyvavo dvidešimt bendruomenių atstovų").  Counts of
 * organisations, projects, money, phone numbers, years, document numbers,
 * ordinals are not people.  Returns 1 and fills *p, or 0.
 * Details:
 *   - The people noun (dalyvis, asmuo, žmogus/žmonės, atstovas, narys,
 *     gyventojas, specialistas, ...) must follow the number within four
 *     words; a preposition, pronoun, verb, number or punctuation ends the
 *     search.  Words before it are its modifiers ("bendruomenių atstovų").
 *   - Unless the noun itself means taking part (dalyviai, lankytojai,
 *     svečiai, susirinkusieji), the sentence must say so (dalyvavo,
 *     susirinko, prisijungė, sulaukta, apsilankė, ...): "Taryba sudaryta iš
 *     22 narių" is the council's size, not participants.
 *   - A second noun joined by "ir"/"bei" in the genitive plural, like the
 *     first, is under the same number ("18 Tarybos narių ir bendruomenių
 *     atstovų" = 18); after a comma or in another case it is a group nobody
 *     counted (others_uncounted).
 *   - "15 iš 22 narių" counts 15; "60-70 žmonių" counts 60, at_least;
 *     "po 1 atstovą" (one each) counts nothing; "dalyvių skaičius - 45"
 *     (a plan's indicator and its value) counts 45.
 *   - The total's qualifier is the strongest claim true of the sum: about
 *     if any group is about, else more_than if any is, else at_least if
 *     any is or others took part uncounted, else exact. */
int lt_participants_find(lt_participants *p, const char *s, size_t len);
/* As lt_participants_find, for text known to count participants (a table's
 * "Dalyvių skaičius" cell): groups need no word saying people took part. */
int lt_participants_find_counted(lt_participants *p, const char *s, size_t len);

typedef struct lt_quorum {
	int64_t present;        /* members who attended */
	int64_t total;          /* of how many: the council's size */
	size_t start, end;      /* the phrase, from the first number */
} lt_quorum;

/* Finds how many of the council's members attended a sitting in s[0..len)
 * (one sentence or line): "dalyvavo 9 iš 12 tarybos narių" (9 of 12),
 * "prisijungė 7 iš 10 tarybos narių", "Kvorumas yra - dalyvavo 8 is 10
 * nariu", "Dalyvavo: 9 tarybos nariai iš 11", "(6 iš 8 narių)".  Returns 1
 * and fills *q, or 0.
 * Details:
 *   - The noun is a member's (narių, nariai, narės), after at most three
 *     words ("tarybos", "BO tarybos"); "iš 42 dalyvių" is no quorum.
 *   - The sentence must say members attended (dalyvavo, prisijungė,
 *     susirinko, kvorumas), unless the phrase is in parentheses after a
 *     list of names ("..., D. Černiauskienė (6 iš 8 narių).").
 *   - present <= total, total 2..200; a year is no count. */
int lt_quorum_find(lt_quorum *q, const char *s, size_t len);

typedef struct lt_meeting_count {
	int64_t total;          /* -1 if the sentence states no total */
	int64_t remote;         /* -1 if not stated */
	size_t start, end;
} lt_meeting_count;

/* Finds a statement of how many council meetings took place in s[0..len):
 * "įvyko 3 posėdžiai", "surengti keturi posėdžiai", "Taryba surengė šešis
 * posėdžius", "suorganizuotas 1 posėdis", "per metus įvyko 5 tarybos
 * posėdžiai, iš kurių 2 vyko nuotoliniu būdu" (remote = 2), "vienas
 * posėdis vyko nuotoliniu būdu".  Ordinals ("Pirmame posėdyje") and
 * "neįvyko" do not count.  Returns 1 and fills *m, or 0 (then total and
 * remote are -1).
 * Details:
 *   - The clause must say the meetings took place (įvyko, vyko, surengė,
 *     suorganizuotas, sušaukti, buvo, posėdžiavo ...) and nothing that they
 *     did not or are only planned (neįvyko, atšaukti, planuojami, numatyti,
 *     vyks, bus, turi).
 *   - Only counted forms (posėdis/posėdį/posėdžiai/posėdžius/posėdžių, and
 *     susirinkimas) count; "dalyvavo 5 ... posėdžiuose" is someone else's
 *     meetings, as are those of a komisija, darbo grupė or the Savivaldybės
 *     taryba.  Also "posėdžių skaičius - 5", "Posėdžių įvyko 6", "posėdžiavo
 *     5 kartus".
 *   - A count whose own clause says remote ("du posėdžiai vyko nuotoliniu
 *     būdu", "3 nuotoliniai posėdžiai", "iš jų 2 posėdžiai nuotoliniu būdu")
 *     gives remote with total -1: it does not say how many there were.
 *   - After a total, the remote part is the first later number whose part of
 *     the sentence says remote (nuotoliniu, virtualiai, Teams, Zoom) and not
 *     in person (gyvai, kontaktiniu, mišriu); "visi/abu ... nuotoliniu"
 *     makes all of them remote.  end then covers the remote part. */
int lt_meeting_count_find(lt_meeting_count *m, const char *s, size_t len);

typedef struct lt_role_match {
	council_role role;
	size_t start, end;          /* the whole phrase */
	size_t name_start, name_end;/* the name as written */
	char name[256];             /* the name in the nominative, NUL-terminated */
	size_t org_start, org_end;  /* what follows the name after a comma, up to
	                               the next comma/semicolon/period: the
	                               organisation or post; equal when none.
	                               When the person's post stands between the
	                               appointment and the name ("išrinktas
	                               Josvainių bendruomenės pirmininkas Saulius
	                               Jankūnas") it is that post instead. */
} lt_role_match;

/* Finds the next role assignment at or after `from` in s[0..len):
 * "pirmininku išrinktas Jonas Marcinkus", "pirmininke išrinkta Asta
 * Kudarienė", "pavaduotoju – Justinas Juškevičius", "sekretore paskirta
 * I. Žilinskienė", "tarybos pirmininkas Antanas Šlapikas", "pirmininkė -
 * R. Stankevičiūtė-Vilimienė".  Names written in another case are returned
 * in the nominative (lt_name_nominative).  "buvęs pirmininkas" is not a
 * current role.  Returns 1 and fills *r, or 0.
 * Details:
 *   - The role word must be the council's: a genitive or an abbreviation
 *     right before it names another owner ("asociacijos pirmininkas",
 *     "direktoriaus pavaduotojas", "posėdžio pirmininkas", "garbės
 *     pirmininkas", "VVG pirmininkas"), except "tarybos", "BOT", "BO",
 *     "NVO".  "pirmininko pavaduotojas" is the deputy.
 *   - After an appointment word, a dash or a colon, the person's own post
 *     may come before the name ("sekretore paskirta Savivaldybės
 *     administracijos vyriausioji specialistė Aušra Vaitkevičienė");
 *     "sekretorės funkcijas atlieka", "pirmininko pareigas eina" appoint.
 *   - A role word that starts a line (a form field) needs no context.
 *   - A name is two or three capitalised words or initials ("V. Pavardė",
 *     "V.Pavardė", "Stankevičiūtė-Vilimienė"), not an organisation word; it
 *     may stand after the role (also a few lines below, as in a signature)
 *     or before an appointment verb or dash ("Jonas Marcinkus išrinktas
 *     tarybos pirmininku", "Jonas Marcinkus - pirmininkas").
 *   - start may lie before `from` when the name comes first. */
int lt_role_find(lt_role_match *r, const char *s, size_t len, size_t from);

/* Whether s[0..n) is a word saying "former" ("buvusi", "buvęs",
 * "ankstesnė"), written in lower case: "buvęs pirmininkas" is no current
 * role, "Indrė Balčiūnienė (buvusi Valančiūtė)" states a former surname
 * (lib/people.c). */
int lt_former_word(const char *s, size_t n);

/* ", taip pat išrinktas į naujos kadencijos tarybą" at p, after a name:
 * that person joined the council (not "į Savivaldybės tarybą", another
 * body).  Returns the phrase's end, or 0. */
size_t lt_elected_into(const char *s, size_t len, size_t p);

/* "pakeitęs ilgametį tarybos pirmininką Henriką Jasinską": whether the name
 * at ns follows a post in the accusative that a verb of replacing (lexicon
 * member_replaced) stands within three words before, in s[lo..) -- the one
 * replaced, who holds the post no longer. */
int lt_replaced_before(const char *s, size_t len, size_t lo, size_t ns);

/* The former name of the person called name that said states ("buvusi
 * Valančiūtė": a former word, then one capitalised word, the surname),
 * written into out (size outsz): name's first names and that surname,
 * "Indrė Valančiūtė" of "Indrė Balčiūnienė".  Returns its length, 0 (out
 * "") when said states none or it does not fit. */
size_t lt_former_name(char *out, size_t outsz, const char *name, const char *said);

/* Writes into out (size outsz, NUL-terminated, truncated safely) the
 * nominative of a Lithuanian personal name seen in the instrumental,
 * genitive, dative or accusative ("Jonu Marcinkumi" -> "Jonas Marcinkus",
 * "Kęstučio Petraičio" -> "Kęstutis Petraitis",
 * "Antanui Šlapikui" -> "Antanas Šlapikas", "Loretą Kudarienę" -> "Loreta
 * Kudarienė", "Jono Marcinkaus" -> "Jonas Marcinkus").  Names already
 * nominative and initials ("I.") are kept; "R.Pavardė" gets its space.
 * The surname's ending decides case and gender for the whole name (the
 * first name breaks the -ą tie).  Endings that fit two nominatives take the
 * commoner: -io -> -is (not -ys), -iui -> -ius (not -is).  All-capital names
 * stay in capitals.  Returns the length written. */
size_t lt_name_nominative(char *out, size_t outsz, const char *name, size_t n);

/* Whether a name typed without Lithuanian letters, written[0..n) ("Jurate
 * Paskeviciene"), is to be kept as typed rather than as read, nominative
 * (NUL-terminated): written holds no letter beyond ASCII and nominative
 * differs from it only by Lithuanian letters ("Juratė Paskevicienė", a
 * half restored form).  "Onai Petraitei" -> "Ona Petraitė" is a case
 * read, not letters restored: 0 -- unless whole_text, the whole text typed
 * so, where any nominative with those letters is a guess at them. */
int lt_name_typed_plain(const char *written, size_t n, const char *nominative, int whole_text);

/* ---- dictionary forms (lt_lemma.c, lt_dict.c) ----------------------------
 * Each writes into out (size outsz, NUL-terminated, cut at a character's
 * start when full) the dictionary form of s[0..n) and returns its length.
 * The endings are lexicon.def's noun_ending and adjective_ending; a word
 * already in the nominative, a quoted name and anything after a quotation
 * mark, parenthesis, colon or dash are kept as written.  In a text typed
 * without Lithuanian letters the endings are read and written folded. */

/* An event's or a plan's title: its head, the first title_noun of the
 * lexicon in any case (a genitive one another title noun follows is not
 * the head: "Bendruomenių dienos šventė"), to the nominative of its
 * number, and the adjectives and participles before it that agree with it
 * ("išvykstamajame informaciniame seminare" -> "išvykstamasis informacinis
 * seminaras", "konferencijoje „…“" -> "konferencija „…“", "2023−2025 m.
 * veiklos plano" -> "2023−2025 m. veiklos planas").  Genitives between
 * them stay; a plural stays plural ("renginių" -> "renginiai").  Kept as
 * written: a title with no title noun, a head that may be a plural
 * nominative ("konsultacijos"), and a clause, whose noun phrase something
 * other than numbers, abbreviations, acronyms and genitives precedes
 * ("organizavo išvykstamąjį seminarą").  Applied to its own result it
 * changes nothing. */
size_t lt_lemma_title(char *out, size_t outsz, const char *s, size_t n);
/* The same, ctx[0..ctxlen) the text around the title (NULL: none): a
 * title without Lithuanian letters is read folded only when its text has
 * none either.  lt_lemma_place_in likewise. */
size_t lt_lemma_title_in(char *out, size_t outsz, const char *s, size_t n, const char *ctx,
                         size_t ctxlen);

/* A place: the last word of each place of a list ("Molėtuose ir
 * Utenoje") from the locative, with what agrees with it ("Drevernoje" ->
 * "Dreverna", "Anykščiuose" -> "Anykščiai", "Naujojoje Akmenėje" ->
 * "Naujoji Akmenė", "Anykščių kultūros centre" -> "Anykščių kultūros
 * centras").  Where an ending fits several nominatives (-yje: -is or -ys)
 * the lexicon's place_nominative, then the dictionary, then the table's
 * first guess decide. */
size_t lt_lemma_place(char *out, size_t outsz, const char *s, size_t n);
size_t lt_lemma_place_in(char *out, size_t outsz, const char *s, size_t n, const char *ctx,
                         size_t ctxlen);

/* A person's name: lt_name_nominative's, but a part whose nominative the
 * endings only guessed ("Marcinkui": Marcinkas or Marcinkus?) takes the
 * one ctx[0..ctxlen) (the text around the name; may be NULL) writes as a
 * word, or the one the dictionary stems it to ("Jurgiui" -> "Jurgis"). */
size_t lt_lemma_name(char *out, size_t outsz, const char *name, size_t n, const char *ctx,
                     size_t ctxlen);

/* The cases (bits 1 << NC_NOM ... NC_LOC of lt_int.h) in which w[0..n) can
 * be read as a noun by the lexicon's endings; title_noun: only readings
 * whose nominative is a title_noun ("konferencijoje": locative); plain:
 * the text is typed without Lithuanian letters (endings read folded). */
unsigned lt_lemma_noun_cases(const char *w, size_t n, int title_noun, int plain);

/* Does w[0..n) end like a verb in the past tense (the lexicon's
 * verb_past_end: "organizavo", "dalyvavo", "lankėsi"), with a stem of its
 * own ("savo" is none)?  plain: the text is typed without Lithuanian
 * letters. */
int lt_lemma_past_verb(const char *w, size_t n, int plain);

/* The morphology dictionary (hunspell-lt through libhunspell; none when
 * built without it or when its files are missing).  lt_dict_has_stem: is
 * nom[0..nl) among the dictionary words w[0..n) stems to?  lt_dict_use
 * turns the dictionary off or on (for tests) and returns the old state.
 * Thread-safe. */
int lt_dict_available(void);
int lt_dict_has_stem(const char *w, size_t n, const char *nom, size_t nl);
int lt_dict_use(int on);

/* A person's name starting at i in s[0..len): two or three capitalised
 * words or initials ("Jonas Liutkus", "I. Kvedaravičienė", "Joną Liutkų"),
 * not words that start organisations or posts ("Savivaldybės", "Tarybos")
 * nor month names.  Returns 1 and sets [*ns,*ne), or 0. */
int lt_name_at(const char *s, size_t len, size_t i, size_t *ns, size_t *ne);

typedef struct lt_act_match {
	char number[64];         /* "T-55", "ĮS-1105", "A30-3561/21(2.1.4E-SP)" */
	council_date date;       /* the act's date when written before it, else year 0 */
	size_t start, end;       /* from the date (if any) to the end of the number */
	size_t date_start, date_end; /* the date's bytes; equal when none */
} lt_act_match;

/* Finds the next legal act reference at or after `from`: "Nr. T-55"
 * optionally preceded by its date ("2019 m. vasario 26 d. Savivaldybės
 * tarybos sprendimu Nr. T-55", "2020-03-12 įsakymu Nr. A1-130").  Returns 1
 * and fills *a, or 0.
 * Details:
 *   - An act word (sprendimas, įsakymas, nutarimas, potvarkis, įstatymas,
 *     dekretas, in any case) must stand within six words before "Nr.",
 *     looking past a date and a quoted title; so a report's own "2022-02-18
 *     Nr. B28-2-1", "Eil. Nr." and "protokolas Nr. 3" are no acts.
 *   - The date is the one between the act word and "Nr.", or the one right
 *     before the act word with only its issuer between ("Klaipėdos r.
 *     savivaldybės tarybos").  start is the date's start, else the act
 *     word's.
 *   - Lists "sprendimais Nr. T-557, T-558 ir Nr. T-559" give one act per
 *     call, each with the list's act word and date (so start may lie
 *     before `from`). */
int lt_act_find(lt_act_match *a, const char *s, size_t len, size_t from);

#endif /* COUNCIL_LT_H */
