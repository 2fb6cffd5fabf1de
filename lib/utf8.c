/* SPDX-License-Identifier: MIT */
/*
 * utf8.c -- strict UTF-8 decoding and the Lithuanian-aware text operations
 * built on it: case mapping, diacritic folding, display width, NFC,
 * collation, and the public council_text_* wrappers.  Unicode's data (case
 * pairs, decompositions, categories, widths) comes from utf8proc; the
 * Lithuanian alphabet's order is ours.  No locale is consulted, so the
 * results are the same on every machine.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "council.h"
#include "utf8.h"

size_t utf8_decode_slow(uint32_t *cp, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c, min;
	size_t need, i;

	c = u[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		need = 2;
		c &= 0x1F;
		min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 3;
		c &= 0x0F;
		min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 4;
		c &= 0x07;
		min = 0x10000;
	} else {
		goto bad; /* continuation byte, C0/C1 overlong lead, or > U+10FFFF */
	}
	if (n < need)
		goto bad;
	for (i = 1; i < need; i++) {
		if ((u[i] & 0xC0) != 0x80)
			goto bad;
		c = (c << 6) | (u[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		goto bad;
	*cp = c;
	return need;
bad:
	*cp = 0xFFFD;
	return 1;
}

size_t utf8_encode(char *out, uint32_t cp)
{
	unsigned char *o = (unsigned char *)out;

	/* Unencodable values become U+FFFD so the output is always valid. */
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = 0xFFFD;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

int utf8_valid(const char *s, size_t n)
{
	size_t i = 0;
	uint32_t cp;

	while ((i += utf8_ascii_run(s + i, n - i)) < n) {
		size_t k = utf8_decode(&cp, s + i, n - i);
		/* A real U+FFFD takes three bytes; one byte means a bad sequence. */
		if (k == 1 && cp == 0xFFFD)
			return 0;
		i += k;
	}
	return 1;
}

/* Case mapping and decomposition come from utf8proc (Unicode's own data,
 * kept up to date by its maintainers) rather than tables of our own; only
 * the ASCII fast paths are written out here, because the importer folds
 * every word of every report. */
uint32_t utf8_lower(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
	return (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
}

uint32_t utf8_upper(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') ? cp - 32 : cp;
	/* utf8proc 2.8 gives "ß" the capital U+1E9E, which UnicodeData's
	 * simple mapping does not: all-capitals text writes "SS" or keeps "ß". */
	if (cp == 0xDF)
		return cp;
	return (uint32_t)utf8proc_toupper((utf8proc_int32_t)cp);
}

static int is_combining(uint32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0x300)
		return 0;
	c = utf8proc_category((utf8proc_int32_t)cp);
	return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_ME;
}

/* Letters whose mark is part of the letter in Unicode's eyes, so they have
 * no canonical decomposition, but which a person searching types as the
 * plain letter ("Łódź" as "lodz").  Not a normalisation table: Unicode has
 * no mapping to take these from. */
static const uint32_t stroke_letters[][2] = {
	{ 0xF0, 'd' },  /* ð */ { 0xF8, 'o' },  /* ø */ { 0x111, 'd' }, /* đ */
	{ 0x127, 'h' }, /* ħ */ { 0x131, 'i' }, /* ı */ { 0x138, 'k' }, /* ĸ */
	{ 0x140, 'l' }, /* ŀ */ { 0x142, 'l' }, /* ł */ { 0x149, 'n' }, /* ŉ */
	{ 0x14B, 'n' }, /* ŋ */ { 0x167, 't' }, /* ŧ */ { 0x17F, 's' }, /* ſ */
};

static uint32_t fold_cp_slow(uint32_t cp)
{
	utf8proc_int32_t d[8];
	utf8proc_ssize_t n, i;
	uint32_t lc = utf8_lower(cp);
	char a[4], b[4];

	if (lc < 0x80)
		return lc;
	for (i = 0; i < (utf8proc_ssize_t)(sizeof stroke_letters / sizeof stroke_letters[0]); i++)
		if (stroke_letters[i][0] == lc)
			return stroke_letters[i][1];
	/* The canonical decomposition is the base letter followed by its
	 * marks ("ė" = "e" + U+0307).  A decomposition into other letters
	 * (a Hangul syllable into jamo) is no diacritic and is kept. */
	n = utf8proc_decompose_char((utf8proc_int32_t)lc, d, 8, UTF8PROC_DECOMPOSE, NULL);
	if (n < 1 || n > 8 || (uint32_t)d[0] == lc)
		return lc;
	for (i = 1; i < n; i++)
		if (!is_combining((uint32_t)d[i]))
			return lc;
	/* Folding never lengthens text (utf8_fold_into relies on it). */
	if (utf8_encode(a, (uint32_t)d[0]) > utf8_encode(b, lc))
		return lc;
	return (uint32_t)d[0];
}

/* utf8_fold_cp of every code point below U+0800 (Latin-1, the Lithuanian
 * letters, the combining marks), asked of utf8proc once for the life of
 * the process: the word readers fold a letter of a form each time a text
 * without Lithuanian letters is matched against it. */
static uint32_t fold_cp2[0x800];
static pthread_once_t fold_cp2_once = PTHREAD_ONCE_INIT;

static void fold_cp2_init(void)
{
	uint32_t cp;

	for (cp = 0; cp < 0x800; cp++)
		fold_cp2[cp] = fold_cp_slow(cp);
}

uint32_t utf8_fold_cp(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
	if (cp < 0x800) {
		pthread_once(&fold_cp2_once, fold_cp2_init);
		return fold_cp2[cp];
	}
	return fold_cp_slow(cp);
}

/* Writes the folded cp, which took k bytes, to out.  A few letters' lower
 * case takes more bytes than the capital (U+023A -> U+2C65); those stay as
 * they are, so that folding never lengthens text and fits in n + 1 bytes. */
static size_t fold_encode(char *out, uint32_t cp, size_t k)
{
	char buf[4];
	size_t e = utf8_encode(buf, utf8_fold_cp(cp));

	if (e > k)
		e = utf8_encode(buf, cp);
	memcpy(out, buf, e);
	return e;
}

/* The fold of every two-byte code point (U+0080..U+07FF: Latin-1, the
 * Lithuanian letters, the combining marks), as fold_encode writes it, or 0
 * for a combining mark, which folding drops.  utf8proc is asked once per
 * code point for the life of the process instead of once per letter of
 * every text folded.  A fold never lengthens text, so every entry is a
 * two-byte code point or less. */
static uint16_t fold2[0x800];
static pthread_once_t fold2_once = PTHREAD_ONCE_INIT;

static void fold2_init(void)
{
	uint32_t cp;

	for (cp = 0x80; cp < 0x800; cp++) {
		char buf[4];
		uint32_t f;
		if (is_combining(cp)) {
			fold2[cp] = 0;
			continue;
		}
		utf8_decode(&f, buf, fold_encode(buf, cp, 2));
		fold2[cp] = (uint16_t)f;
	}
}

/* Folds the character at s[i], which takes k bytes (1 for a stray byte),
 * to out; returns the bytes written. */
static size_t fold_char(char *out, const char *s, size_t n, size_t *i)
{
	unsigned char c = (unsigned char)s[*i];
	uint32_t cp;
	size_t k;

	/* ASCII fast path: lower case, nothing to decode. */
	if (c < 0x80) {
		out[0] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		(*i)++;
		return 1;
	}
	/* Two-byte fast path (Lithuanian letters, Latin-1, combining marks):
	 * a lead 0xC2..0xDF and a continuation decode validly. */
	if (c >= 0xC2 && c <= 0xDF && *i + 1 < n && ((unsigned char)s[*i + 1] & 0xC0) == 0x80) {
		uint32_t f;
		cp = ((uint32_t)(c & 0x1F) << 6) | ((unsigned char)s[*i + 1] & 0x3F);
		*i += 2;
		if (!(f = fold2[cp]))
			return 0;
		if (f < 0x80) {
			out[0] = (char)f;
			return 1;
		}
		out[0] = (char)(0xC0 | (f >> 6));
		out[1] = (char)(0x80 | (f & 0x3F));
		return 2;
	}
	k = utf8_decode(&cp, s + *i, n - *i);
	*i += k;
	if (k == 1 && cp == 0xFFFD) {
		out[0] = s[*i - 1]; /* keep a stray byte rather than grow */
		return 1;
	}
	return is_combining(cp) ? 0 : fold_encode(out, cp, k);
}

/* Eight ASCII bytes lower-cased at once: the high bit of (byte + 0x3F)
 * says byte >= 'A', of (byte + 0x25) byte > 'Z'; no sum carries into the
 * next byte below 0x80. */
static inline uint64_t ascii8_lower(uint64_t x)
{
	uint64_t ge_a = x + 0x3F3F3F3F3F3F3F3FULL, gt_z = x + 0x2525252525252525ULL;

	return x | (((ge_a & ~gt_z) & 0x8080808080808080ULL) >> 2);
}

/* The fold of the ASCII run s[i..e) written at out + i - d. */
static inline void fold_ascii(char *out, const char *s, size_t i, size_t e, size_t d)
{
	for (; i + 8 <= e; i += 8) {
		uint64_t x;
		memcpy(&x, s + i, 8);
		x = ascii8_lower(x);
		memcpy(out + i - d, &x, 8);
	}
	for (; i < e; i++) {
		unsigned char c = (unsigned char)s[i];
		out[i - d] = (char)(c + ((unsigned)(c - 'A') < 26 ? 32 : 0));
	}
}

size_t utf8_fold_into(char *out, const char *s, size_t n)
{
	size_t i = 0, o = 0;

	pthread_once(&fold2_once, fold2_init);
	while (i < n) {
		if ((unsigned char)s[i] < 0x80) { /* most bytes: a run, no call */
			size_t e = i + utf8_ascii_run(s + i, n - i);
			fold_ascii(out, s, i, e, i - o); /* unsigned: exact either way */
			o += e - i;
			i = e;
			continue;
		}
		o += fold_char(out + o, s, n, &i);
	}
	out[o] = '\0';
	return o;
}

size_t utf8_fold_offsets(char *out, uint32_t *at, const char *s, size_t n)
{
	size_t i = 0, o = 0, j;

	pthread_once(&fold2_once, fold2_init);
	while (i < n) {
		size_t from = i;
		/* most bytes: a run of ASCII, kept at the same distance from the
		 * fold, without a call */
		if ((unsigned char)s[i] < 0x80) {
			size_t d = i - o, e = i + utf8_ascii_run(s + i, n - i); /* unsigned: exact */
			fold_ascii(out, s, i, e, d);
			for (; i < e; i++)
				at[i] = (uint32_t)(i - d);
			o = i - d;
			continue;
		}
		at[i] = (uint32_t)o;
		o += fold_char(out + o, s, n, &i);
		for (j = from + 1; j < i; j++)
			at[j] = (uint32_t)o; /* inside a character: never a piece's end */
	}
	at[n] = (uint32_t)o;
	out[o] = '\0';
	return o;
}

char *utf8_fold(const char *s, size_t n)
{
	char *out = malloc(n + 1);

	if (out)
		utf8_fold_into(out, s, n);
	return out;
}

size_t utf8_ieq_prefix(const char *s, size_t n, const char *w)
{
	size_t i = 0, j = 0, wn = strlen(w);
	uint32_t a, b;

	while (j < wn) {
		if (i >= n)
			return 0;
		size_t ka = utf8_decode(&a, s + i, n - i);
		size_t kb = utf8_decode(&b, w + j, wn - j);
		if (utf8_lower(a) != utf8_lower(b))
			return 0;
		i += ka;
		j += kb;
	}
	return i;
}

/* Columns of one code point: utf8proc's East Asian width, with control and
 * format characters (soft hyphen, zero-width space, BOM) and marks taking
 * none. */
static size_t cp_width(uint32_t cp)
{
	utf8proc_category_t c;

	if (cp >= 0x20 && cp < 0x7F)
		return 1;
	c = utf8proc_category((utf8proc_int32_t)cp);
	if (c == UTF8PROC_CATEGORY_CC || c == UTF8PROC_CATEGORY_CF || c == UTF8PROC_CATEGORY_MN ||
	    c == UTF8PROC_CATEGORY_ME)
		return 0;
	return utf8proc_charwidth((utf8proc_int32_t)cp) >= 2 ? 2 : 1;
}

size_t utf8_width(const char *s, size_t n)
{
	size_t i = 0, w = 0;
	uint32_t cp;

	while (i < n) {
		size_t k = utf8_decode(&cp, s + i, n - i);
		if (k == 1 && cp == 0xFFFD)
			w += 1;
		else
			w += cp_width(cp);
		i += k;
	}
	return w;
}

size_t utf8_length(const char *s, size_t n)
{
	size_t i = 0, count = 0, a;
	uint32_t cp;

	while (i < n) {
		a = utf8_ascii_run(s + i, n - i); /* a character a byte */
		i += a;
		count += a;
		if (i < n) {
			i += utf8_decode(&cp, s + i, n - i);
			count++;
		}
	}
	return count;
}

/* ---- normalisation ------------------------------------------------------ */

/* Below U+0300 (ASCII, Latin-1, the precomposed Lithuanian letters) and in
 * U+2010..U+20CF (dashes, the quotes „“ ‘’, bullets, ellipsis, currency)
 * every character is a starter that NFC leaves as it is and that never
 * combines with the one before it (no canonical decomposition, combining
 * class 0, never the second of a composition): a text made of them only
 * is already NFC, and so is any piece of it.  What reports are written in
 * falls there; U+2000 and U+2001 (singletons) and the marks do not. */
int utf8_nfc_stable(uint32_t cp)
{
	return cp < 0x300 || (cp >= 0x2010 && cp <= 0x20CF);
}

int utf8_nfc(char **out, const char *s, size_t n)
{
	utf8proc_uint8_t *nfc = NULL;
	utf8proc_ssize_t m;
	size_t i = 0;
	uint32_t cp;

	*out = NULL;
	/* A text of NFC-stable characters only is its own NFC: no copy. */
	for (;;) {
		if ((i += utf8_ascii_run(s + i, n - i)) >= n)
			return 0;
		i += utf8_decode(&cp, s + i, n - i);
		if (!utf8_nfc_stable(cp))
			break;
	}
	m = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &nfc,
	                 UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (m == UTF8PROC_ERROR_NOMEM)
		return -1;
	if (m < 0)
		return 0; /* not UTF-8: left for the caller's own check */
	if ((size_t)m == n && memcmp(nfc, s, n) == 0) {
		free(nfc);
		return 0;
	}
	*out = (char *)nfc;
	return 0;
}

char *utf8_nfc_dup(const char *s, size_t n)
{
	char *nfc, *copy;

	if (utf8_nfc(&nfc, s, n) != 0)
		return NULL;
	if (nfc)
		return nfc;
	if (!(copy = malloc(n + 1)))
		return NULL;
	memcpy(copy, s, n);
	copy[n] = '\0';
	return copy;
}

size_t utf8_prefix(const char *s, size_t n, size_t max_chars)
{
	size_t i = 0, chars = 0;
	uint32_t cp;

	while (i < n && chars < max_chars) {
		i += utf8_decode(&cp, s + i, n - i);
		chars++;
	}
	/* Cut before a letter whose marks would be left behind, so that no
	 * quote ends in a letter that has lost its accent. */
	while (i > 0 && i < n) {
		utf8_decode(&cp, s + i, n - i);
		if (!is_combining(cp))
			break;
		do
			i--;
		while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80);
	}
	return i;
}

/* ---- collation ----------------------------------------------------------
 * Three levels, as Lithuanian dictionaries sort (VLKK rule): the letters
 * č, š, ž and y are letters of their own (c < č < d, i < y < j, s < š < t,
 * z < ž), while ą ę ė į ų ū sort with their base letter and only break ties
 * (a < ą, e < ę < ė, i < į, u < ų < ū).  Then lower case before upper case,
 * then raw bytes so that only identical strings compare equal. */

static const uint32_t lt_alphabet[] = {
	'a', 'b', 'c', 0x10D, 'd', 'e', 'f', 'g', 'h', 'i', 'y', 'j', 'k', 'l', 'm',
	'n', 'o', 'p', 'q', 'r', 's', 0x161, 't', 'u', 'v', 'w', 'x', 'z', 0x17E
};

static uint32_t letter_rank(uint32_t lc)
{
	size_t i;

	for (i = 0; i < sizeof lt_alphabet / sizeof lt_alphabet[0]; i++)
		if (lt_alphabet[i] == lc)
			return (uint32_t)i;
	return UINT32_MAX;
}

static uint32_t primary(uint32_t cp)
{
	uint32_t lc = utf8_lower(cp), base, r;

	if (is_combining(cp))
		return 0;
	if (lc == 0x10D || lc == 0x161 || lc == 0x17E)
		return 0x1000 + letter_rank(lc);
	base = utf8_fold_cp(cp);
	if (base >= 'a' && base <= 'z') {
		r = letter_rank(base);
		return 0x1000 + r;
	}
	if (cp >= '0' && cp <= '9')
		return 0x800 + (cp - '0');
	if (cp < 0x80)
		return 0x100 + cp; /* spaces and punctuation before digits */
	return 0x10000 + lc;
}

static uint32_t secondary(uint32_t cp)
{
	uint32_t lc = utf8_lower(cp);

	if (is_combining(cp))
		return 0x20000 + cp;
	switch (lc) {
	case 0x105: case 0x119: case 0x12F: case 0x173:
		return 2; /* ą ę į ų */
	case 0x117: case 0x16B:
		return 3; /* ė ū */
	case 0x10D: case 0x161: case 0x17E:
		return 1; /* č š ž: distinct already at the first level */
	default:
		break;
	}
	if (utf8_fold_cp(cp) != lc)
		return 0x100 + lc; /* other accented letters after Lithuanian ones */
	return 1;
}

static uint32_t tertiary(uint32_t cp)
{
	if (is_combining(cp))
		return 0;
	return utf8_lower(cp) != cp ? 2 : 1;
}

static uint32_t next_weight(const char *s, size_t n, size_t *i, int level)
{
	uint32_t cp, w;

	while (*i < n) {
		*i += utf8_decode(&cp, s + *i, n - *i);
		w = level == 1 ? primary(cp) : level == 2 ? secondary(cp) : tertiary(cp);
		if (w)
			return w;
	}
	return 0;
}

int utf8_collate(const char *a, const char *b)
{
	return utf8_collate_n(a, strlen(a), b, strlen(b));
}

int utf8_collate_n(const char *a, size_t na, const char *b, size_t nb)
{
	int level, c;

	for (level = 1; level <= 3; level++) {
		size_t i = 0, j = 0;
		for (;;) {
			uint32_t wa = next_weight(a, na, &i, level);
			uint32_t wb = next_weight(b, nb, &j, level);
			if (wa != wb)
				return wa < wb ? -1 : 1;
			if (!wa)
				break;
		}
	}
	/* Only identical strings are equal; a proper prefix sorts first. */
	c = memcmp(a, b, na < nb ? na : nb);
	if (c == 0)
		return (na > nb) - (na < nb);
	return (c > 0) - (c < 0);
}

size_t utf8_sort_key(unsigned char *out, const char *s, size_t n)
{
	/* utf8_collate compares the weights of level 1, then 2, then 3, a
	 * shorter sequence first, then the bytes.  Every weight is nonzero and
	 * below 2^24, so three big-endian bytes per weight and three zero bytes
	 * after each level compare under memcmp as the levels do; the bytes
	 * come last, as strcmp compares them.  n counts the bytes before the
	 * first NUL, where utf8_collate stops. */
	size_t o = 0;
	int level;

	for (level = 1; level <= 3; level++) {
		size_t i = 0;
		uint32_t w;
		while ((w = next_weight(s, n, &i, level)) != 0) {
			out[o++] = (unsigned char)(w >> 16);
			out[o++] = (unsigned char)(w >> 8);
			out[o++] = (unsigned char)w;
		}
		out[o++] = 0;
		out[o++] = 0;
		out[o++] = 0;
	}
	memcpy(out + o, s, n);
	return o + n;
}

/* ---- public wrappers ----------------------------------------------------- */

COUNCIL_API int council_text_fold(char **out, const char *text)
{
	size_t n;

	if (!out)
		return COUNCIL_EINVAL;
	*out = NULL;
	if (!text)
		return COUNCIL_EINVAL;
	n = strlen(text);
	if (!utf8_valid(text, n))
		return COUNCIL_EINVAL;
	*out = utf8_fold(text, n);
	return *out ? COUNCIL_OK : COUNCIL_ENOMEM;
}

COUNCIL_API size_t council_text_width(const char *text)
{
	return text ? utf8_width(text, strlen(text)) : 0;
}

COUNCIL_API int council_text_collate(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL); /* NULL sorts first */
	return utf8_collate(a, b);
}
