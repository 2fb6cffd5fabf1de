/* SPDX-License-Identifier: MIT */
/*
 * lt_date.c -- finds dates as Lithuanian reports write them: month words in
 * every case, "2024 m. sausio 30 d." and its variants, numeric dates, day
 * ranges and lists, quarters, halves, seasons and plan year spans.  Whether a
 * date is a happening, a deadline or an act's date is decided elsewhere.
 */
#include <pthread.h>
#include <string.h>

#include "lt.h"
#include "utf8.h"
#include "lexicon.h"

/* Years a report plausibly names; wider ranges turn distances ("2500 m.")
 * and sums into dates. */
#define YEAR_MIN 1900
#define YEAR_MAX 2099

enum mcase { MC_NOM, MC_GEN, MC_DAT, MC_ACC, MC_INS, MC_LOC, MC_NCASES };

/* A month's forms by case as stem + ending; months whose stem softens
 * (balandis/balandžio) need two rows. */
struct month_row {
	int month;
	const char *stem;
	const char *end[MC_NCASES];
};

static const struct month_row months[] = {
#define MONTH_ROW(w, f, month, ...) { month, w, { __VA_ARGS__ } },
	LEX_MONTH(MONTH_ROW)
#undef MONTH_ROW
};

/* An ogonek ending is the only thing that tells an accusative month from
 * another word ("kovą" March / "kova" struggle), so it must be written. */
static int has_ogonek(const char *e)
{
	/* ą į ę ų are C4 85, C4 AF, C4 99, C5 B3: a byte walk over the short
	 * ending instead of four strstr calls */
	const unsigned char *u = (const unsigned char *)e;

	for (; u[0]; u++)
		if ((u[0] == 0xC4 && (u[1] == 0x85 || u[1] == 0xAF || u[1] == 0x99)) ||
		    (u[0] == 0xC5 && u[1] == 0xB3))
			return 1;
	return 0;
}

#define N_MONTH_ROWS (sizeof months / sizeof months[0])

/* The rows by their stem's first letter, in the table's order (1-based, 0
 * ends a chain): month_lookup runs for most words a date reader passes. */
static unsigned char month_first[26], month_next[N_MONTH_ROWS];
/* a stem not starting with an ASCII letter, which text without accents
 * may spell with one: every word is tried against every row */
static int month_every_row;
static pthread_once_t month_once = PTHREAD_ONCE_INIT;

static void month_index(void)
{
	size_t i;

	for (i = N_MONTH_ROWS; i-- > 0;) {
		unsigned char b = (unsigned char)months[i].stem[0];
		if (b < 'a' || b > 'z') {
			month_every_row = 1;
			continue;
		}
		month_next[i] = month_first[b - 'a'];
		month_first[b - 'a'] = (unsigned char)(i + 1);
	}
}

static int month_lookup(const char *w, size_t n, enum mcase *mc)
{
	size_t i, used, rest, r;
	int c, all;
	unsigned char w0 = n > 0 ? (unsigned char)w[0] : 0, w1 = n > 1 ? (unsigned char)w[1] : 0;

	if (w0 >= 'A' && w0 <= 'Z')
		w0 += 32;
	if (w1 >= 'A' && w1 <= 'Z')
		w1 += 32;
	/* An ASCII first letter is tried against its own rows only (another
	 * ASCII byte begins none); any other byte against every row. */
	pthread_once(&month_once, month_index);
	all = w0 >= 0x80 || month_every_row;
	if (all)
		r = 1;
	else if (w0 < 'a' || w0 > 'z')
		return 0;
	else
		r = month_first[w0 - 'a'];
	for (; r; r = !all ? month_next[i] : r < N_MONTH_ROWS ? r + 1 : 0) {
		const char *st;
		i = r - 1;
		st = months[i].stem;
		/* Every stem begins with two ASCII letters: an ASCII byte of the
		 * word that differs from them refuses the row without a call
		 * (a non-ASCII one is left to lt_match_prefix). */
		if ((w0 < 0x80 && w0 != (unsigned char)st[0]) ||
		    (w1 < 0x80 && w1 != (unsigned char)st[1]))
			continue;
		if (!lt_match_prefix(&used, w, n, st, 0))
			continue;
		for (c = 0; c < MC_NCASES; c++) {
			const char *e = months[i].end[c];
			if (e && lt_match_prefix(&rest, w + used, n - used, e, has_ogonek(e)) &&
			    used + rest == n) {
				if (mc)
					*mc = (enum mcase)c;
				return months[i].month;
			}
		}
	}
	return 0;
}

int lt_month_from_word(const char *w, size_t n)
{
	if (!w)
		return 0;
	return month_lookup(w, n, NULL);
}

/* ---- small scanners --------------------------------------------------------- */

static int is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int days_in_month(int y, int m)
{
	static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dm[m - 1];
}

static int valid_day(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

/* Reads 1..maxd digits at i that are not followed by a further digit;
 * returns the end or 0. */
static size_t read_digits(const char *s, size_t len, size_t i, int maxd, int *val)
{
	size_t j = i;
	int v = 0;

	while (j < len && is_digit((unsigned char)s[j])) {
		if ((int)(j - i) == maxd)
			return 0;
		v = v * 10 + (s[j] - '0');
		j++;
	}
	if (j == i)
		return 0;
	*val = v;
	return j;
}

/* The word at i is w (whole word); returns its end or 0. */
static size_t word_is(const char *s, size_t len, size_t i, const char *w)
{
	size_t e = lt_word_end(s, len, i);

	return (e > i && lt_word_is(s + i, e - i, w)) ? e : 0;
}

/* An abbreviation "x." at i: the word then a period; returns end or 0. */
static size_t abbrev_is(const char *s, size_t len, size_t i, const char *w)
{
	size_t e = word_is(s, len, i, w);

	return (e && e < len && s[e] == '.') ? e + 1 : 0;
}

static size_t word_in(const char *s, size_t len, size_t i, const char *const *list)
{
	size_t e = lt_word_end(s, len, i), k;

	for (k = 0; e > i && list[k]; k++)
		if (lt_word_is(s + i, e - i, list[k]))
			return e;
	return 0;
}

/* A dash between parts of a range, with optional blanks around it.  The
 * normaliser turns – — − into '-'; they are accepted here all the same. */
static size_t dash_at(const char *s, size_t len, size_t i)
{
	static const char *const dashes[] = { "\xe2\x80\x93", "\xe2\x80\x94", "\xe2\x88\x92" };
	size_t k;

	i = lt_skip_blank(s, len, i);
	if (i < len && s[i] == '-')
		return lt_skip_blank(s, len, i + 1);
	for (k = 0; k < 3; k++)
		if (i + 3 <= len && memcmp(s + i, dashes[k], 3) == 0)
			return lt_skip_blank(s, len, i + 3);
	return 0;
}

static int plausible_year(int y)
{
	return y >= YEAR_MIN && y <= YEAR_MAX;
}

/* A four-digit plausible year at i; returns its end or 0. */
static size_t year_at(const char *s, size_t len, size_t i, int *y)
{
	size_t e;

	if (!lt_at_word_start(s, i))
		return 0;
	e = read_digits(s, len, i, 4, y);
	if (!e || e - i != 4 || !plausible_year(*y))
		return 0;
	if (lt_is_word_at(s, len, e))
		return 0;
	return e;
}

/* "m." / "metų" / "metais" / "-aisiais" ... right after a year. */
static size_t year_marker(const char *s, size_t len, size_t e)
{
	static const char *const words[] = { "metų", "metais", "metai", "metams", "metus", NULL };
	static const char *const suffixes[] = {
		"ųjų", "aisiais", "ieji", "uosius", "iesiems", "ais", NULL
	};
	size_t p, r;

	if (e < len && s[e] == '-') {
		r = word_in(s, len, e + 1, suffixes);
		if (r)
			return r;
	}
	p = lt_skip_blank(s, len, e);
	if ((r = abbrev_is(s, len, p, "m")) != 0)
		return r;
	return word_in(s, len, p, words);
}

/* "mėn." / "mėnesio" / "mėnesį" ... after a month word. */
static size_t month_noun(const char *s, size_t len, size_t i)
{
	static const char *const words[] = {
		"mėnesio", "mėnesį", "mėnesiu", "mėnesyje", "mėnesiais", "mėn", NULL
	};
	size_t e = word_in(s, len, i, words);

	if (e && e - i <= 4) { /* the abbreviation needs its period */
		if (e < len && s[e] == '.')
			return e + 1;
		return 0;
	}
	return e;
}

/* The ordinal ending written after a day's digits: "gruodžio 10-osios
 * posėdyje", "birželio 14-ąją", "spalio 3-iajai".  Returns its end or 0. */
static size_t ordinal_day(const char *s, size_t len, size_t i)
{
	static const char *const ends[] = {
		"osios", "ąją", "ajai", "oji", "ojo", "ąjį", "ajam", "uoju", "ąja", "iosios",
		"iąją", "iajai", "ioji", "iojo", "ąsias", NULL
	};

	if (i + 1 >= len || s[i] != '-')
		return 0;
	return word_in(s, len, i + 1, ends);
}

/* "d." / "d" / "dieną" / "dienos" / "dienomis" after a day, or an ordinal
 * ending; returns the end or 0 when none follows. */
static size_t day_marker(const char *s, size_t len, size_t i)
{
	static const char *const words[] = {
		"dieną", "dienos", "diena", "dienomis", "dienas", "dienų", NULL
	};
	size_t p = lt_skip_blank(s, len, i), e;

	if ((e = ordinal_day(s, len, i)) != 0)
		return e;

	if ((e = abbrev_is(s, len, p, "d")) != 0)
		return e;
	if ((e = word_in(s, len, p, words)) != 0)
		return e;
	return 0;
}

/* Digits of a day end cleanly: not "1.5", "10:30", "16val" (but
 * "16-osios" is an ordinal day);
 * "16-17" and "3,10" go on to another day. */
static int day_end_ok(const char *s, size_t len, size_t e)
{
	unsigned char c;

	if (e >= len)
		return 1;
	c = (unsigned char)s[e];
	if (c == 'd' && e + 1 < len && s[e + 1] == '.')
		return 1; /* "30d." */
	if (ordinal_day(s, len, e))
		return 1; /* "10-osios" */
	if (lt_is_word_at(s, len, e))
		return 0;
	if ((c == '-' || c == ',') && e + 1 < len && is_digit((unsigned char)s[e + 1]))
		return 1;
	if ((c == '-' || c == '.' || c == ',' || c == ':' || c == '/') && lt_is_word_at(s, len, e + 1))
		return 0;
	return 1;
}

static void set_single(lt_date_match *m, int y, int mo, int d)
{
	m->period.start.year = y;
	m->period.start.month = mo;
	m->period.start.day = d;
	m->period.end = m->period.start;
}

static void set_end(lt_date_match *m, int y, int mo, int d)
{
	m->period.end.year = y;
	m->period.end.month = mo;
	m->period.end.day = d;
}

static int date_before(const council_date *a, const council_date *b)
{
	if (a->year != b->year)
		return a->year < b->year;
	if (a->month != b->month)
		return a->month < b->month;
	return a->day < b->day;
}

/* ---- written dates ------------------------------------------------------- */

static size_t year_first(const char *s, size_t len, size_t i, lt_date_match *m, int simple);

/* A full date with its own year after a range dash ("... d. - 2024 m.
 * sausio 3 d."); must be a single day not before the start. */
static size_t range_to_full(const char *s, size_t len, size_t p, lt_date_match *m)
{
	lt_date_match e;
	size_t r;

	memset(&e, 0, sizeof e);
	r = year_first(s, len, p, &e, 1);
	if (!r || e.period.start.day == 0 || !date_before(&m->period.start, &e.period.start))
		return 0;
	m->period.end = e.period.start;
	m->flags |= LT_DATE_RANGE;
	return r;
}

/* After the first day d1 (its digits and any marker end at de) of month mo:
 * a range "16-17 d.", "28 - spalio 2 d.", "28 d. - 2024 m. sausio 3 d." or
 * a list "10 ir 19 d.", "3, 10 ir 17 d.".  need_marker: the range must end
 * in "d." (no year was written).  Returns the new end or 0. */
static size_t day_tail(const char *s, size_t len, size_t de, int need_marker, int year, int mo,
                       int d1, lt_date_match *m)
{
	size_t p, e, r, we, marked_end = 0;
	int d2, mo2, y2, last, marked_n = 0;
	enum mcase mc;

	p = dash_at(s, len, de);
	if (p) {
		if ((r = range_to_full(s, len, p, m)) != 0)
			return r;
		e = read_digits(s, len, p, 2, &d2);
		if (e && day_end_ok(s, len, e) && d2 > d1 && valid_day(year, mo, d2)) {
			r = day_marker(s, len, e);
			if (r || !need_marker) {
				set_end(m, year, mo, d2);
				m->flags |= LT_DATE_RANGE;
				return r ? r : e;
			}
		}
		we = lt_word_end(s, len, p);
		if (we > p && (mo2 = month_lookup(s + p, we - p, &mc)) != 0 && mc == MC_GEN && mo2 != mo) {
			size_t q = lt_skip_blank(s, len, we);
			e = read_digits(s, len, q, 2, &d2);
			y2 = mo2 < mo ? year + 1 : year;
			if (e && day_end_ok(s, len, e) && valid_day(y2, mo2, d2)) {
				r = day_marker(s, len, e);
				if (r || !need_marker) {
					set_end(m, y2, mo2, d2);
					m->flags |= LT_DATE_RANGE;
					return r ? r : e;
				}
			}
		}
	}

	/* a list always ends in "d.": "balandžio 10 ir 19" alone could be
	 * anything ("10 ir 19 dalyvių") */
	m->days[0] = d1;
	m->n_days = 1;
	last = d1;
	p = de;
	if (de > 0 && s[de - 1] == '.') {
		marked_end = de;
		marked_n = 1;
	}
	for (;;) {
		size_t q = lt_skip_blank(s, len, p), c;
		int d;

		if (q < len && s[q] == ',') {
			q = lt_skip_blank(s, len, q + 1);
			if ((c = word_is(s, len, q, "ir")) != 0)
				q = lt_skip_blank(s, len, c);
		} else if ((c = word_is(s, len, q, "ir")) != 0 || (c = word_is(s, len, q, "bei")) != 0) {
			q = lt_skip_blank(s, len, c);
		} else {
			break;
		}
		e = read_digits(s, len, q, 2, &d);
		if (!e || !day_end_ok(s, len, e) || d <= last || !valid_day(year, mo, d) ||
		    m->n_days == (int)(sizeof m->days / sizeof m->days[0]))
			break;
		m->days[m->n_days++] = d;
		last = d;
		p = e;
		if ((r = day_marker(s, len, e)) != 0) {
			p = r;
			marked_end = r;
			marked_n = m->n_days;
		}
	}
	if (marked_n > 1) {
		m->n_days = marked_n;
		set_end(m, year, mo, m->days[marked_n - 1]);
		m->flags |= LT_DATE_LIST;
		return marked_end;
	}
	m->n_days = 0;
	return 0;
}

/* Returned by month_phrase for an impossible date ("vasario 30 d."): the
 * whole phrase is no date, not even its year. */
#define REJECT ((size_t)-1)

/* A month word at i, then optionally "mėn.", a day, a range or a list.
 * yearless: the year is a default, so demand clearer evidence.  Returns the
 * end, 0 when no month phrase starts at i, or REJECT. */
static size_t month_phrase(const char *s, size_t len, size_t i, int year, int yearless,
                           lt_date_match *m)
{
	size_t we = lt_word_end(s, len, i), p, e, r, end, mn;
	enum mcase mc, mc2;
	int mo, mo2, d1;

	if (we == i || (mo = month_lookup(s + i, we - i, &mc)) == 0)
		return 0;
	end = we;
	p = lt_skip_blank(s, len, we);
	mn = month_noun(s, len, p);
	if (mn) {
		end = mn;
		p = lt_skip_blank(s, len, mn);
	}

	/* month range "sausio-kovo mėn." */
	if (!mn && mc == MC_GEN && (r = dash_at(s, len, we)) != 0) {
		size_t we2 = lt_word_end(s, len, r);
		if (we2 > r && (mo2 = month_lookup(s + r, we2 - r, &mc2)) != 0 && mo2 != mo) {
			size_t q = lt_skip_blank(s, len, we2);
			size_t mn2 = month_noun(s, len, q);
			if (mn2 || (!yearless && !(q < len && is_digit((unsigned char)s[q])))) {
				set_single(m, year, mo, 0);
				set_end(m, mo2 < mo ? year + 1 : year, mo2, 0);
				m->flags |= LT_DATE_RANGE;
				return mn2 ? mn2 : we2;
			}
		}
	}

	/* a day, only after the genitive ("sausio 30") */
	if (mc == MC_GEN && (e = read_digits(s, len, p, 2, &d1)) != 0 && day_end_ok(s, len, e)) {
		r = day_marker(s, len, e);
		/* a bare number after "mėn." or without a written year is no day:
		 * "vasario mėn. 12 projektų" */
		if (r || (!yearless && !mn)) {
			if (d1 > 31 && !r)
				goto month_only; /* "sausio 45 dalyviai" */
			if (!valid_day(year, mo, d1))
				return REJECT;
			set_single(m, year, mo, d1);
			if ((end = day_tail(s, len, r ? r : e, yearless, year, mo, d1, m)) != 0)
				return end;
			set_single(m, year, mo, d1);
			m->flags &= ~(unsigned)(LT_DATE_RANGE | LT_DATE_LIST);
			m->n_days = 0;
			return r ? r : e;
		}
		if (yearless && !mn) {
			/* "gegužės 16-17 d." / "balandžio 10 ir 19 d.": the marker
			 * comes after the last day */
			if (!valid_day(year, mo, d1))
				return REJECT;
			set_single(m, year, mo, d1);
			if ((end = day_tail(s, len, e, 1, year, mo, d1, m)) != 0)
				return end;
			m->flags &= ~(unsigned)(LT_DATE_RANGE | LT_DATE_LIST);
			m->n_days = 0;
			return 0;
		}
	}
month_only:
	if (yearless && !mn && mc != MC_LOC && !(mc == MC_ACC && mo != 3 && mo != 7))
		return 0;
	set_single(m, year, mo, 0);
	return end;
}

/* ---- coarse dates ---------------------------------------------------------- */

static int roman_quarter(const char *w, size_t n)
{
	static const char *const r[] = { "I", "II", "III", "IV" };
	int k;

	for (k = 0; k < 4; k++)
		if (n == strlen(r[k]) && memcmp(w, r[k], n) == 0)
			return k + 1;
	return 0;
}

static int ordinal_number(const char *w, size_t n)
{
	/* the ordinal adjectives "pirmąjį", "antrajame", "trečiasis",
	 * "ketvirtąjį" -- but not the quarter noun "ketvirtį" itself */
	static const char *const qn[] = { "ketvirtį", "ketvirtis", "ketvirtyje", NULL };
	size_t k;

	for (k = 0; qn[k]; k++)
		if (lt_word_is(w, n, qn[k]))
			return 0;
	if (lt_word_starts(w, n, "pirm"))
		return 1;
	if (lt_word_starts(w, n, "antr"))
		return 2;
	if (lt_word_starts(w, n, "treč"))
		return 3;
	if (lt_word_starts(w, n, "ketvirt"))
		return 4;
	return 0;
}

/* The end of a noun of the -is class at i ("ketvirtis", "ketvirtį",
 * "ketvirčio"): its hard stem before -is, -į, -yje, its soft one before
 * -io, -iui, -iu; 0 if none. */
static size_t is_noun(const char *s, size_t len, size_t i, const char *hard_stem,
                      const char *soft_stem)
{
	static const char *const hard[] = { "is", "į", "yje", NULL };
	static const char *const soft[] = { "io", "iui", "iu", NULL };
	size_t e = lt_word_end(s, len, i);

	if (e > i && (lt_word_stem(s + i, e - i, hard_stem, hard) ||
	              lt_word_stem(s + i, e - i, soft_stem, soft)))
		return e;
	return 0;
}

static size_t quarter_noun(const char *s, size_t len, size_t i)
{
	size_t e = is_noun(s, len, i, "ketvirt", "ketvirč");

	return e ? e : abbrev_is(s, len, i, "ketv");
}

static size_t half_noun(const char *s, size_t len, size_t i)
{
	return is_noun(s, len, i, "pusmet", "pusmeč");
}

static void set_months(lt_date_match *m, int y, int from, int to)
{
	set_single(m, y, from, 0);
	set_end(m, y, to, 0);
	m->flags |= LT_DATE_COARSE;
}

/* Quarter, half, season, "pradžioje/pabaigoje" at i for year y. */
static size_t coarse(const char *s, size_t len, size_t i, int y, lt_date_match *m)
{
	static const char *const yearly[] = { "pradžioje", "pabaigoje", "viduryje", "gale", NULL };
	static const char *const spring[] = { "is", "io", "į", "iu", "yje", NULL };
	static const char *const summer[] = { "a", "os", "ą", "oje", NULL };
	static const char *const autumn[] = { "ruduo", "rudens", "rudenį", "rudeniu", "rudenyje", NULL };
	size_t we = lt_word_end(s, len, i), p, e;
	int n;

	if (we == i)
		return 0;
	n = roman_quarter(s + i, we - i);
	if (!n && is_digit((unsigned char)s[i]) && we == i + 1)
		n = s[i] - '0';
	if (!n)
		n = ordinal_number(s + i, we - i);
	if (n >= 1 && n <= 4) {
		e = we;
		if (e < len && s[e] == '-' && lt_is_word_at(s, len, e + 1))
			e = lt_word_end(s, len, e + 1); /* "I-ąjį" */
		p = lt_skip_blank(s, len, e);
		if ((e = quarter_noun(s, len, p)) != 0) {
			set_months(m, y, 3 * n - 2, 3 * n);
			return e;
		}
		if (n <= 2 && (e = half_noun(s, len, p)) != 0) {
			set_months(m, y, 6 * n - 5, 6 * n);
			return e;
		}
		if (n <= 2 && !roman_quarter(s + i, we - i) && (e = word_is(s, len, p, "pusėje")) != 0) {
			set_months(m, y, 6 * n - 5, 6 * n);
			return e;
		}
		return 0;
	}
	if (lt_word_stem(s + i, we - i, "pavasar", spring)) {
		set_months(m, y, 3, 5);
		return we;
	}
	if (lt_word_stem(s + i, we - i, "vasar", summer)) {
		set_months(m, y, 6, 8);
		return we;
	}
	if (word_in(s, len, i, autumn)) {
		set_months(m, y, 9, 11);
		return we;
	}
	/* winter straddles two years and early/late are vague: the year only */
	if (lt_word_stem(s + i, we - i, "žiem", summer) || word_in(s, len, i, yearly)) {
		set_single(m, y, 0, 0);
		m->flags |= LT_DATE_COARSE;
		return we;
	}
	return 0;
}

/* ---- numeric dates ----------------------------------------------------------- */

/* 2024-01-30, 2024-1-30, 2024.01.30, 2024/01/30, 2024 01 30 after the year
 * [i, ye); returns the end or 0. */
static size_t numeric(const char *s, size_t len, size_t ye, int y, int *mo, int *d)
{
	size_t e1, e2;
	char sep;

	if (ye >= len)
		return 0;
	sep = s[ye];
	if (sep == '-' || sep == '.' || sep == '/') {
		e1 = read_digits(s, len, ye + 1, 2, mo);
		if (!e1 || e1 >= len || s[e1] != sep)
			return 0;
		e2 = read_digits(s, len, e1 + 1, 2, d);
	} else if (sep == ' ') {
		/* spaces only with two-digit fields, and not a phone number */
		e1 = read_digits(s, len, ye + 1, 2, mo);
		if (!e1 || e1 - ye != 3 || e1 >= len || s[e1] != ' ')
			return 0;
		e2 = read_digits(s, len, e1 + 1, 2, d);
		if (!e2 || e2 - e1 != 3)
			return 0;
		if (e2 + 1 < len && s[e2] == ' ' && is_digit((unsigned char)s[e2 + 1]))
			return 0;
	} else {
		return 0;
	}
	if (!e2 || !day_end_ok(s, len, e2))
		return 0;
	if (!valid_day(y, *mo, *d))
		return 0;
	return e2;
}

/* ---- year first ---------------------------------------------------------------- */

/* Everything that starts with a year at i.  simple: a single date only (the
 * far end of a range). */
static size_t year_first(const char *s, size_t len, size_t i, lt_date_match *m, int simple)
{
	size_t ye, e, p, r;
	int y, y2, mo, d;

	if (!(ye = year_at(s, len, i, &y)))
		return 0;
	if (i > 1 && (s[i - 1] == '-' || s[i - 1] == '.' || s[i - 1] == '/') &&
	    !lt_at_word_start(s, i - 1))
		return 0; /* inside "T-2024", "1.2024" */

	if ((e = numeric(s, len, ye, y, &mo, &d)) != 0) {
		set_single(m, y, mo, d);
		m->flags |= LT_DATE_NUMERIC;
		if (simple)
			return e;
		r = day_marker(s, len, e);
		if (r)
			e = r;
		p = dash_at(s, len, e);
		if (p) {
			size_t ye2 = year_at(s, len, p, &y2), e2;
			if (ye2 && (e2 = numeric(s, len, ye2, y2, &mo, &d)) != 0) {
				council_date to = { y2, mo, d };
				if (date_before(&m->period.start, &to)) {
					m->period.end = to;
					m->flags |= LT_DATE_RANGE;
					r = day_marker(s, len, e2);
					return r ? r : e2;
				}
			}
		}
		/* "2023/08/24–25", "2024 09 20-21": a second day of the same
		 * month.  Only a dash written without spaces (which the view
		 * spells " - ", single spaces): "2023-05-12 – 15 dalyvių" with
		 * spaces around the dash is a date and a count. */
		{
			size_t q = 0, de;
			int d2;
			if (e + 1 < len && s[e] == '-' && is_digit((unsigned char)s[e + 1]))
				q = e + 1;
			else if (e + 3 < len && s[e] == ' ' && s[e + 1] == '-' && s[e + 2] == ' ' &&
			         is_digit((unsigned char)s[e + 3]) && (e == 0 || s[e - 1] != ' '))
				q = e + 3;
			if (q && (de = read_digits(s, len, q, 2, &d2)) != 0 && d2 > d &&
			    valid_day(y, mo, d2) && day_end_ok(s, len, de) &&
			    !(de + 1 < len && (s[de] == '-' || s[de] == '.' || s[de] == '/') &&
			      is_digit((unsigned char)s[de + 1]))) {
				set_end(m, y, mo, d2);
				m->flags |= LT_DATE_RANGE;
				r = day_marker(s, len, de);
				return r ? r : de;
			}
		}
		return e;
	}
	if (simple) {
		if (!(e = year_marker(s, len, ye)))
			return 0;
		p = lt_skip_blank(s, len, e);
		r = month_phrase(s, len, p, y, 0, m);
		return r == REJECT ? 0 : r;
	}

	/* year span "2023-2025 m." */
	p = dash_at(s, len, ye);
	if (p && (e = year_at(s, len, p, &y2)) != 0 && y2 > y) {
		set_single(m, y, 0, 0);
		set_end(m, y2, 0, 0);
		m->flags |= LT_DATE_YEAR_SPAN;
		r = year_marker(s, len, e);
		return r ? r : e;
	}

	if (!(e = year_marker(s, len, ye)))
		return 0;
	p = lt_skip_blank(s, len, e);
	r = p < len ? month_phrase(s, len, p, y, 0, m) : 0;
	if (r == REJECT)
		return 0;
	if (r)
		return r;
	if (p < len && (r = coarse(s, len, p, y, m)) != 0)
		return r;
	/* "2023 m. - 2025 m." */
	if ((p = dash_at(s, len, e)) != 0 && (r = year_at(s, len, p, &y2)) != 0 && y2 > y &&
	    (r = year_marker(s, len, r)) != 0) {
		set_single(m, y, 0, 0);
		set_end(m, y2, 0, 0);
		m->flags |= LT_DATE_YEAR_SPAN;
		return r;
	}
	set_single(m, y, 0, 0);
	return e;
}

/* The year whose marker ends right before i ("2023 m. |vasario 29 d."), or
 * 0: what follows belongs to that year, never to a default one. */
static int after_year(const char *s, size_t len, size_t i)
{
	size_t j = i, we, ws;
	int y;

	while (j > 0 && (s[j - 1] == ' ' || s[j - 1] == '\t' || s[j - 1] == '\n'))
		j--;
	if (j >= 2 && s[j - 1] == '.' && s[j - 2] == 'm' && lt_at_word_start(s, j - 2)) {
		we = j - 2;
	} else {
		we = j;
		ws = j;
		while (ws > 0 && !lt_at_word_start(s, ws))
			ws--;
		if (ws == we || !(word_is(s, len, ws, "metų") || word_is(s, len, ws, "metais")))
			return 0;
		we = ws;
	}
	while (we > 0 && (s[we - 1] == ' ' || s[we - 1] == '\t'))
		we--;
	return (we >= 4 && year_at(s, len, we - 4, &y) == we) ? y : 0;
}

/* Phrases without a year at i, dated to default_year. */
static size_t yearless(const char *s, size_t len, size_t i, int year, lt_date_match *m)
{
	size_t r, p;

	r = month_phrase(s, len, i, year, 1, m);
	if (r == REJECT)
		return 0;
	if (r)
		return r;
	if ((r = word_is(s, len, i, "metų")) != 0) {
		p = lt_skip_blank(s, len, r);
		return coarse(s, len, p, year, m);
	}
	r = lt_word_end(s, len, i);
	if (roman_quarter(s + i, r - i))
		return coarse(s, len, i, year, m);
	return 0;
}

/* "nuo 2024 m. gegužės 16 d. iki 17 d." (from ... to ...): a day after
 * "nuo" (at i) may be continued by "iki" and a later day -- the day alone,
 * a month and day, or a full date.  Returns the new end or 0. */
static size_t until_tail(const char *s, size_t len, size_t i, size_t r, lt_date_match *m)
{
	council_date to;
	lt_date_match e;
	size_t p, w, q;
	int d, mo;
	enum mcase mc;

	if (m->flags & (LT_DATE_RANGE | LT_DATE_LIST | LT_DATE_COARSE | LT_DATE_YEAR_SPAN) ||
	    m->period.start.day == 0)
		return 0;
	/* the word before the date must be "nuo" */
	p = i;
	while (p > 0 && (s[p - 1] == ' ' || s[p - 1] == '\t'))
		p--;
	if (p < 3 || !lt_at_word_start(s, p - 3) || !word_is(s, len, p - 3, "nuo"))
		return 0;
	p = lt_skip_blank(s, len, r);
	if (!(w = word_is(s, len, p, "iki")))
		return 0;
	p = lt_skip_blank(s, len, w);
	memset(&e, 0, sizeof e);
	if ((q = year_first(s, len, p, &e, 1)) != 0 && e.period.start.day) {
		to = e.period.start;
	} else if ((w = lt_word_end(s, len, p)) > p && (mo = month_lookup(s + p, w - p, &mc)) != 0 &&
	           mc == MC_GEN) {
		to.year = mo < m->period.start.month ? m->period.start.year + 1 : m->period.start.year;
		to.month = mo;
		p = lt_skip_blank(s, len, w);
		if (!(w = read_digits(s, len, p, 2, &d)) || !day_end_ok(s, len, w) ||
		    !(q = day_marker(s, len, w)))
			return 0;
		to.day = d;
	} else if ((w = read_digits(s, len, p, 2, &d)) != 0 && day_end_ok(s, len, w) &&
	           (q = day_marker(s, len, w)) != 0) {
		to = m->period.start;
		to.day = d;
	} else {
		return 0;
	}
	if (!valid_day(to.year, to.month, to.day) || !date_before(&m->period.start, &to))
		return 0;
	m->period.end = to;
	m->flags |= LT_DATE_RANGE;
	return q;
}

/* The national days whose ordinal names streets, schools and holidays
 * ("Vasario 16-osios gatvė", "Kovo 11-osios gimnazija"): written with an
 * ordinal ending and no year, they are names, not dates. */
static int named_day(const char *s, size_t start, size_t end, const lt_date_match *m)
{
	static const int named[][2] = { { 1, 13 }, { 2, 16 }, { 3, 11 }, { 7, 6 } };
	size_t k, i;
	int ordinal = 0;

	for (i = start; i < end; i++)
		if (s[i] == '-' && i + 1 < end && !is_digit((unsigned char)s[i + 1]) && s[i + 1] != ' ')
			ordinal = 1;
	if (!ordinal || !(m->flags & LT_DATE_YEAR_INFERRED))
		return 0;
	for (k = 0; k < sizeof named / sizeof named[0]; k++)
		if (m->period.start.month == named[k][0] && m->period.start.day == named[k][1])
			return 1;
	return 0;
}

/* Every phrase the finder accepts starts with a digit, a month word (saus-,
 * vasar-, kov-, baland-, geguž-, biržel-, liep-, rugpjūt-, rugsėj-, spal-,
 * lapkrit-, gruod-, in either letter case), "metų" or a Roman quarter (I,
 * II, III, IV): a word starting with any other byte is skipped before the
 * parsers below try it, as most words of a report are. */
static int may_start_date(unsigned char c)
{
	switch (c | 0x20) {
	case 's': case 'v': case 'k': case 'b': case 'g': case 'l': case 'r': case 'm':
		return 1;
	default:
		return is_digit(c) || c == 'I';
	}
}

/* The words a date phrase without a leading year starts with: a month
 * word, "metų" or a Roman quarter (month_phrase and yearless need one). */
static int date_word(const char *w, size_t n)
{
	return month_lookup(w, n, NULL) || lt_word_is(w, n, "metų") || roman_quarter(w, n);
}

size_t lt_date_yearless_end(const char *text, size_t len, size_t from)
{
	size_t i, we, last = 0;

	if (!text)
		return 0;
	/* The words for which lt_date_find reaches yearless(): not digits,
	 * not after a year's marker; yearless() needs a month word, "metų" or
	 * a Roman quarter there. */
	for (i = lt_next_word_start(text, len, from); i < len;
	     i = lt_next_word_start(text, len, we)) {
		unsigned char c = (unsigned char)text[i];

		we = lt_word_end(text, len, i);
		if (is_digit(c) || !may_start_date(c) || !date_word(text + i, we - i))
			continue;
		if (after_year(text, len, i))
			continue;
		last = i + 1;
	}
	return last;
}

int lt_date_find(lt_date_match *m, const char *text, size_t len, size_t from, int default_year)
{
	size_t i, r;
	int y;

	if (!m || !text)
		return 0;
	for (i = lt_next_word_start(text, len, from); i < len;
	     i = lt_next_word_start(text, len, i + 1)) {
		unsigned char c = (unsigned char)text[i];

		if (!may_start_date(c))
			continue;
		memset(m, 0, sizeof *m);
		if (is_digit(c)) {
			r = year_first(text, len, i, m, 0);
		} else if (!date_word(text + i, lt_word_end(text, len, i) - i)) {
			r = 0; /* neither branch below can start a phrase here */
		} else if ((y = after_year(text, len, i)) != 0) {
			/* the search began after the year of this phrase */
			r = month_phrase(text, len, i, y, 0, m);
			if (r == REJECT)
				r = 0;
		} else if (default_year >= 1 && default_year <= 9999) {
			r = yearless(text, len, i, default_year, m);
			if (r)
				m->flags |= LT_DATE_YEAR_INFERRED;
		} else {
			r = 0;
		}
		if (r && named_day(text, i, r, m)) {
			i = r - 1; /* "Vasario 16-osios gimnazija" names a school */
			continue;
		}
		if (r) {
			size_t u = until_tail(text, len, i, r, m);
			m->start = i;
			m->end = u ? u : r;
			return 1;
		}
	}
	memset(m, 0, sizeof *m);
	return 0;
}
