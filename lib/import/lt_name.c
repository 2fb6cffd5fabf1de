/* SPDX-License-Identifier: MIT */
/*
 * lt_name.c -- personal names: where one stands (lt_name_at) and its nominative
 * (lt_name_nominative).
 */
#include <pthread.h>
#include <stdlib.h>

#include "lt_int.h"
#include "lexicon.h"

/* ---- personal names ----------------------------------------------------------- */

/* Longest endings first: "Marcinkaus" is genitive (-aus), not -us. */
static const struct ending_class name_endings[] = {
#define NE_ROW(w, f, ncase, gender) { w, ncase, gender },
	LEX_NAME_ENDING(NE_ROW)
#undef NE_ROW
};

/* Their byte lengths, known at compile time: lp_classify_name tries every
 * capitalised word against the whole list, and a strlen per ending was a
 * fifth of its cost. */
static const unsigned char name_ending_len[] = {
#define NE_LEN(w, f, ncase, gender) (unsigned char)(sizeof w - 1),
	LEX_NAME_ENDING(NE_LEN)
#undef NE_LEN
};

struct ending_rule {
	enum ncase c;
	enum ngender g;
	const char *from, *to;
};

/* Back to the nominative, longest first within each case.  Where an
 * ending fits two nominatives (-io: -is or -ys; -iui: -ius or -is) the
 * commoner wins. */
static const struct ending_rule name_rules[] = {
	{ NC_GEN, NG_MALE, "iaus", "ius" },   { NC_GEN, NG_MALE, "aus", "us" },
	{ NC_GEN, NG_MALE, "džio", "dis" },   { NC_GEN, NG_MALE, "čio", "tis" },
	{ NC_GEN, NG_MALE, "io", "is" },      { NC_GEN, NG_MALE, "o", "as" },
	{ NC_DAT, NG_MALE, "vičiui", "vičius" }, { NC_DAT, NG_MALE, "džiui", "dis" },
	{ NC_DAT, NG_MALE, "čiui", "tis" },   { NC_DAT, NG_MALE, "iui", "ius" },
	{ NC_DAT, NG_MALE, "ui", "as" },      { NC_ACC, NG_MALE, "ių", "ius" },
	{ NC_ACC, NG_MALE, "ų", "us" },       { NC_ACC, NG_MALE, "į", "is" },
	{ NC_ACC, NG_MALE, "ą", "as" },       { NC_INS, NG_MALE, "iumi", "ius" },
	{ NC_INS, NG_MALE, "umi", "us" },     { NC_INS, NG_MALE, "džiu", "dis" },
	{ NC_INS, NG_MALE, "čiu", "tis" },    { NC_INS, NG_MALE, "iu", "is" },
	{ NC_INS, NG_MALE, "u", "as" },       { NC_GEN, NG_FEMALE, "os", "a" },
	{ NC_GEN, NG_FEMALE, "ės", "ė" },     { NC_DAT, NG_FEMALE, "ai", "a" },
	{ NC_DAT, NG_FEMALE, "ei", "ė" },     { NC_ACC, NG_FEMALE, "ą", "a" },
	{ NC_ACC, NG_FEMALE, "ę", "ė" },      { NC_INS, NG_FEMALE, "e", "ė" },
};

/* Does w[0..n) end with the lower-case suffix suf of sl bytes?  Returns
 * sl, or 0. */
static size_t ends_with_n(const char *w, size_t n, const char *suf, size_t sl)
{
	size_t used;

	if (sl > n || lt_last_letter_differs(w, n, suf, sl))
		return 0;
	/* the letter before, when the word's last two bytes are ASCII (two
	 * whole letters, paired with the ending's last two): most endings
	 * that share "Jonas"'s -s differ there (-us, -is, -ys, -os, -ės) */
	if (sl >= 2 && (unsigned char)w[n - 1] < 0x80 && (unsigned char)w[n - 2] < 0x80) {
		unsigned char wl = (unsigned char)w[n - 2], sc = (unsigned char)suf[sl - 2];
		if (sc >= 0x80 || sc != (wl >= 'A' && wl <= 'Z' ? wl + 32 : wl))
			return 0;
	}
	switch (lt_ascii_tail_is(w, n, suf, sl)) {
	case 1:
		return sl;
	case 0:
		return 0;
	}
	/* letter case changes no byte lengths among these letters */
	if (!lt_match_prefix(&used, w + n - sl, sl, suf, 1) || used != sl)
		return 0;
	return sl;
}

static size_t ends_with(const char *w, size_t n, const char *suf)
{
	return ends_with_n(w, n, suf, strlen(suf));
}

#define N_NAME_ENDINGS (sizeof name_endings / sizeof name_endings[0])

/* The endings by their last byte, in the list's order: a word whose last
 * byte is ASCII can only end with those whose last byte is the same letter
 * (lt_last_letter_differs), so lp_classify_name tries those alone. */
_Static_assert(N_NAME_ENDINGS < 255, "a name ending's index is a byte");
static unsigned char by_last[128][N_NAME_ENDINGS + 1]; /* indexes, N_NAME_ENDINGS ends */
static pthread_once_t by_last_once = PTHREAD_ONCE_INIT;

static void by_last_init(void)
{
	size_t b, k, o;

	for (b = 0; b < 128; b++) {
		for (k = 0, o = 0; k < N_NAME_ENDINGS; k++)
			if (name_ending_len[k] && (unsigned char)name_endings[k].end[name_ending_len[k] - 1] == b)
				by_last[b][o++] = (unsigned char)k;
		by_last[b][o] = (unsigned char)N_NAME_ENDINGS;
	}
}

const struct ending_class *lp_classify_name(const char *w, size_t n)
{
	size_t k;
	const unsigned char *row;
	unsigned char wl = n ? (unsigned char)w[n - 1] : 0x80;

	if (wl >= 0x80) {
		for (k = 0; k < N_NAME_ENDINGS; k++)
			if (ends_with_n(w, n, name_endings[k].end, name_ending_len[k]))
				return &name_endings[k];
		return NULL;
	}
	pthread_once(&by_last_once, by_last_init);
	for (row = by_last[wl >= 'A' && wl <= 'Z' ? wl + 32 : wl]; *row < N_NAME_ENDINGS; row++)
		if (ends_with_n(w, n, name_endings[*row].end, name_ending_len[*row]))
			return &name_endings[*row];
	return NULL;
}

int lp_is_upper_cp(uint32_t cp)
{
	return utf8_lower(cp) != cp;
}

int lp_is_lower_cp(uint32_t cp)
{
	return utf8_upper(cp) != cp || cp == 0xDF;
}

int lp_all_upper(const char *w, size_t n)
{
	size_t i = 0;
	uint32_t cp;

	while (i < n) {
		i += utf8_decode(&cp, w + i, n - i);
		if (lp_is_lower_cp(cp))
			return 0;
	}
	return 1;
}

/* Appends w[0..n) to out at *o (NUL kept), never splitting a character. */
static void put(char *out, size_t outsz, size_t *o, const char *w, size_t n, int upper)
{
	size_t i = 0, k;
	uint32_t cp;
	char buf[4];

	while (i < n) {
		i += utf8_decode(&cp, w + i, n - i);
		k = utf8_encode(buf, upper ? utf8_upper(cp) : cp);
		/* Truncate, but still terminate: the bytes after *o are not ours. */
		if (*o + k >= outsz)
			break;
		memcpy(out + *o, buf, k);
		*o += k;
	}
	out[*o] = '\0';
}

/* One name part (no spaces or hyphens) in the given case and gender. */
static void put_part(char *out, size_t outsz, size_t *o, const char *w, size_t n, enum ncase c,
                     enum ngender g)
{
	size_t k, sl;
	int up = n > 1 && lp_all_upper(w, n);

	if (c != NC_NOM) {
		for (k = 0; k < sizeof name_rules / sizeof name_rules[0]; k++) {
			const struct ending_rule *r = &name_rules[k];
			if (r->c != c || r->g != g)
				continue;
			if ((sl = ends_with(w, n, r->from)) != 0 && sl < n) {
				put(out, outsz, o, w, n - sl, 0);
				put(out, outsz, o, r->to, strlen(r->to), up);
				return;
			}
		}
	}
	put(out, outsz, o, w, n, 0);
}

static int is_initial(const char *w, size_t n)
{
	uint32_t cp;
	size_t k;

	if (n < 2 || w[n - 1] != '.')
		return 0;
	k = utf8_decode(&cp, w, n);
	if (!lp_is_upper_cp(cp))
		return 0;
	if (k == n - 1)
		return 1;
	/* two-letter initials: "Dž.", "Ch." */
	k += utf8_decode(&cp, w + k, n - k);
	return k == n - 1 && lp_is_lower_cp(cp);
}

/* Splits a written name into parts: spaces separate, and an initial's
 * period ends a part even without a space ("R.Stankevičiūtė"). */
static size_t next_part(const char *name, size_t n, size_t i, size_t *ps)
{
	size_t j;

	while (i < n && lp_is_space((unsigned char)name[i]))
		i++;
	*ps = i;
	for (j = i; j < n && !lp_is_space((unsigned char)name[j]); j++) {
		if (name[j] == '.' && is_initial(name + i, j + 1 - i))
			return j + 1;
	}
	return j;
}

size_t lt_name_nominative(char *out, size_t outsz, const char *name, size_t n)
{
	const struct ending_class *sc = NULL, *fc = NULL, *cl;
	enum ncase c = NC_NOM;
	enum ngender g = NG_UNKNOWN;
	size_t i, ps, pe, o = 0, last_s = 0, last_e = 0, first_s = 0, first_e = 0, h;
	int words = 0, surname_kept = 0;

	if (!out || outsz == 0)
		return 0;
	out[0] = '\0';
	if (!name)
		return 0;
	/* the surname (its last hyphen part) decides case and gender; the
	 * first name breaks a tie (-ą is both Jonas and Loreta) */
	for (i = 0; (pe = next_part(name, n, i, &ps)) > ps; i = pe) {
		if (is_initial(name + ps, pe - ps))
			continue;
		if (!words++) {
			first_s = ps;
			first_e = pe;
		}
		last_s = ps;
		last_e = pe;
	}
	if (words) {
		for (h = last_e; h > last_s; h--)
			if (name[h - 1] == '-')
				break;
		sc = lp_classify_name(name + h, last_e - h);
		if (words > 1)
			fc = lp_classify_name(name + first_s, first_e - first_s);
		if (!sc && fc)
			sc = fc;
		/* "Anatolij Ševčenko", "Aleksandr Kovalenko": a first name with no
		 * Lithuanian ending marks a name that does not decline; its
		 * surname's "-o" is no genitive */
		/* "Olga Sidorenko": a woman's first name in the nominative with a
		 * surname that would be a man's genitive does not decline either */
		if (words > 1 && sc && sc->c != NC_NOM) {
			int keep = !fc || (fc->c == NC_NOM && fc->g == NG_FEMALE && sc->g == NG_MALE);
			if (keep)
				sc = NULL;
			/* "Oksanai Sidorenko": a woman's first name in another
			 * case -- the first name declines by its own ending, the
			 * surname is kept as written */
			else if (fc && fc->g == NG_FEMALE && sc->g == NG_MALE) {
				sc = fc;
				surname_kept = 1;
			}
		}
		if (sc) {
			c = sc->c;
			g = sc->g;
			if (g == NG_EITHER)
				g = (fc && fc->g != NG_EITHER) ? fc->g : NG_MALE;
		}
	}
	for (i = 0; (pe = next_part(name, n, i, &ps)) > ps; i = pe) {
		if (o)
			put(out, outsz, &o, " ", 1, 0);
		if (is_initial(name + ps, pe - ps) || (surname_kept && ps == last_s)) {
			put(out, outsz, &o, name + ps, pe - ps, 0);
			continue;
		}
		/* each hyphen part declines on its own: "Stankevičiūtės-Vilimienės" */
		for (h = ps; h <= pe; h++) {
			if (h == pe || name[h] == '-') {
				cl = lp_classify_name(name + ps, h - ps);
				put_part(out, outsz, &o, name + ps, h - ps,
				         cl && cl->c == NC_NOM ? NC_NOM : c, g);
				if (h < pe)
					put(out, outsz, &o, "-", 1, 0);
				ps = h + 1;
			}
		}
	}
	return o;
}

int lt_name_typed_plain(const char *written, size_t n, const char *nominative, int whole_text)
{
	char *fw, *fn;
	size_t k;
	int plain = 1, differs = 0;

	for (k = 0; k < n; k++)
		plain &= (unsigned char)written[k] < 0x80;
	for (k = 0; nominative[k]; k++)
		differs |= (unsigned char)nominative[k] >= 0x80;
	if (!plain || !differs || whole_text)
		return plain && differs;
	fw = utf8_fold(written, n);
	fn = utf8_fold(nominative, strlen(nominative));
	plain = fw && fn && strcmp(fw, fn) == 0;
	free(fw);
	free(fn);
	return plain;
}
