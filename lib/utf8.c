/*
 * utf8.c -- strict UTF-8 decoding and the Lithuanian-aware text operations
 * built on it: case mapping, diacritic folding, display width, collation,
 * and the public council_text_* wrappers.  No locale is consulted, so the
 * results are the same on every machine.
 */
#include <stdlib.h>
#include <string.h>

#include "council.h"
#include "utf8.h"

size_t utf8_decode(uint32_t *cp, const char *s, size_t n)
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

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i++; /* ASCII fast path */
			continue;
		}
		size_t k = utf8_decode(&cp, s + i, n - i);
		/* A real U+FFFD takes three bytes; one byte means a bad sequence. */
		if (k == 1 && cp == 0xFFFD)
			return 0;
		i += k;
	}
	return 1;
}

uint32_t utf8_lower(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
	if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
		return cp + 32;
	if (cp == 0x130)
		return 'i'; /* dotted capital I has no precomposed lower case */
	if (cp >= 0x100 && cp <= 0x137)
		return (cp & 1) ? cp : cp + 1;
	if (cp >= 0x139 && cp <= 0x148)
		return (cp & 1) ? cp + 1 : cp;
	if (cp >= 0x14A && cp <= 0x177)
		return (cp & 1) ? cp : cp + 1;
	if (cp == 0x178)
		return 0xFF;
	if (cp >= 0x179 && cp <= 0x17E)
		return (cp & 1) ? cp + 1 : cp;
	if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2)
		return cp + 32;
	if (cp == 0x386)
		return 0x3AC;
	if (cp >= 0x388 && cp <= 0x38A)
		return cp + 37;
	if (cp == 0x38C)
		return 0x3CC;
	if (cp == 0x38E || cp == 0x38F)
		return cp + 63;
	if (cp >= 0x410 && cp <= 0x42F)
		return cp + 32;
	if (cp >= 0x400 && cp <= 0x40F)
		return cp + 80;
	return cp;
}

uint32_t utf8_upper(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') ? cp - 32 : cp;
	if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7)
		return cp - 32;
	if (cp == 0xFF)
		return 0x178;
	if (cp == 0x131)
		return 'I';
	if (cp >= 0x101 && cp <= 0x137 && cp != 0x131)
		return (cp & 1) ? cp - 1 : cp;
	if (cp >= 0x13A && cp <= 0x148)
		return (cp & 1) ? cp : cp - 1;
	if (cp >= 0x14B && cp <= 0x177)
		return (cp & 1) ? cp - 1 : cp;
	if (cp >= 0x17A && cp <= 0x17E)
		return (cp & 1) ? cp : cp - 1;
	if (cp == 0x3C2)
		return 0x3A3;
	if (cp >= 0x3B1 && cp <= 0x3C9)
		return cp - 32;
	if (cp == 0x3AC)
		return 0x386;
	if (cp >= 0x3AD && cp <= 0x3AF)
		return cp - 37;
	if (cp == 0x3CC)
		return 0x38C;
	if (cp == 0x3CD || cp == 0x3CE)
		return cp - 63;
	if (cp >= 0x430 && cp <= 0x44F)
		return cp - 32;
	if (cp >= 0x450 && cp <= 0x45F)
		return cp - 80;
	return cp;
}

/* Base letters of U+00C0..U+017F after lower-casing; '.' where the letter
 * has no ASCII base (æ, ß, þ, ĳ, œ, ×, ÷) and stays as it is. */
static const char latin_base[] =
	"aaaaaa.ceeeeiiiidnooooo.ouuuuy..aaaaaa.ceeeeiiiidnooooo.ouuuuy.y"
	"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii..jjkkklllllll"
	"lllnnnnnnnnnoooooo..rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

static int is_combining(uint32_t cp)
{
	return (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
	       (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
	       (cp >= 0xFE20 && cp <= 0xFE2F);
}

uint32_t utf8_fold_cp(uint32_t cp)
{
	uint32_t lc = utf8_lower(cp);

	if (lc >= 0xC0 && lc <= 0x17F && latin_base[lc - 0xC0] != '.')
		return (uint32_t)(unsigned char)latin_base[lc - 0xC0];
	return lc;
}

size_t utf8_fold_into(char *out, const char *s, size_t n)
{
	/* Folding never lengthens text: every mapping above stays within its
	 * UTF-8 length class or shrinks, and combining marks are dropped. */
	size_t i = 0, o = 0;
	uint32_t cp;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		/* ASCII fast path: lower case, nothing to decode. */
		if (c < 0x80) {
			out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			i++;
			continue;
		}
		/* Two-byte fast path (Lithuanian letters, Latin-1, combining
		 * marks): a lead 0xC2..0xDF and a continuation decode validly. */
		if (c >= 0xC2 && c <= 0xDF && i + 1 < n && ((unsigned char)s[i + 1] & 0xC0) == 0x80) {
			cp = ((uint32_t)(c & 0x1F) << 6) | ((unsigned char)s[i + 1] & 0x3F);
			if (!is_combining(cp))
				o += utf8_encode(out + o, utf8_fold_cp(cp));
			i += 2;
			continue;
		}
		size_t k = utf8_decode(&cp, s + i, n - i);
		if (k == 1 && cp == 0xFFFD) {
			out[o++] = s[i]; /* keep a stray byte rather than grow */
		} else if (!is_combining(cp)) {
			char buf[4];
			size_t e = utf8_encode(buf, utf8_fold_cp(cp));
			memcpy(out + o, buf, e);
			o += e;
		}
		i += k;
	}
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

static int is_zero_width(uint32_t cp)
{
	return is_combining(cp) || cp < 0x20 || (cp >= 0x7F && cp < 0xA0) ||
	       cp == 0xAD || (cp >= 0x200B && cp <= 0x200F) ||
	       (cp >= 0x2060 && cp <= 0x2064) || cp == 0xFEFF;
}

static int is_wide(uint32_t cp)
{
	return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
	       (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
	       (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
	       (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
	       (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

size_t utf8_width(const char *s, size_t n)
{
	size_t i = 0, w = 0;
	uint32_t cp;

	while (i < n) {
		size_t k = utf8_decode(&cp, s + i, n - i);
		if (k == 1 && cp == 0xFFFD)
			w += 1;
		else if (is_zero_width(cp))
			;
		else
			w += is_wide(cp) ? 2 : 1;
		i += k;
	}
	return w;
}

size_t utf8_length(const char *s, size_t n)
{
	size_t i = 0, count = 0;
	uint32_t cp;

	while (i < n) {
		i += utf8_decode(&cp, s + i, n - i);
		count++;
	}
	return count;
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
	size_t na = strlen(a), nb = strlen(b);
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
	c = strcmp(a, b);
	return (c > 0) - (c < 0);
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
