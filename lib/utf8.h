/* SPDX-License-Identifier: MIT */
/*
 * utf8.h -- UTF-8 decoding and the Lithuanian-aware text operations the
 * library needs: case folding with diacritics removed (for search),
 * lower-casing that keeps diacritics (for parsing), display width (for
 * tables), NFC (for storing one form), and Lithuanian alphabetical
 * collation.  Internal; the public
 * wrappers are council_text_fold/width/collate in council.h.
 */
#ifndef COUNCIL_UTF8_H
#define COUNCIL_UTF8_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Decodes one code point from s[0..n).  Returns bytes used (1..4) and the
 * code point in *cp; on invalid or truncated input returns 1 and sets *cp
 * to 0xFFFD.  n must be > 0. */
size_t utf8_decode_slow(uint32_t *cp, const char *s, size_t n);

/* ASCII and the two-byte letters (every Lithuanian one) decoded where the
 * call is: the readers decode most bytes of every report several times,
 * and a call per byte cost more than the decoding.  The rest, and every
 * invalid sequence, is utf8_decode_slow's. */
static inline size_t utf8_decode(uint32_t *cp, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xC2 && u[0] <= 0xDF && n >= 2 && (u[1] & 0xC0) == 0x80) {
		*cp = ((uint32_t)(u[0] & 0x1F) << 6) | (u[1] & 0x3F);
		return 2;
	}
	return utf8_decode_slow(cp, s, n);
}

/* How many bytes of an eight-byte load (memcpy'd from the text) come
 * before the first byte whose high bit m has, m nonzero; 0 where the byte
 * order is not known, which only makes the callers' fast paths shorter. */
static inline size_t utf8_bytes_before(uint64_t m)
{
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	return (size_t)__builtin_ctzll(m) >> 3;
#else
	(void)m;
	return 0;
#endif
}

/* The number of ASCII bytes s[0..n) starts with, read eight at a time:
 * the passes over a whole document skip their ASCII so. */
static inline size_t utf8_ascii_run(const char *s, size_t n)
{
	size_t k = 0;

	while (k + 8 <= n) {
		uint64_t x;
		memcpy(&x, s + k, 8);
		if ((x &= 0x8080808080808080ULL) != 0) {
			size_t b = utf8_bytes_before(x);
			if (b || (unsigned char)s[k] >= 0x80)
				return k + b;
			break; /* order unknown: the bytes one by one */
		}
		k += 8;
	}
	while (k < n && (unsigned char)s[k] < 0x80)
		k++;
	return k;
}

/* Encodes cp into out (room for 4 bytes); returns bytes written. */
size_t utf8_encode(char *out, uint32_t cp);

/* Nonzero when s[0..n) is valid UTF-8 (no overlongs, no surrogates). */
int utf8_valid(const char *s, size_t n);

/* Lower case of a code point: Unicode's simple case mapping (utf8proc);
 * code points without one unchanged. */
uint32_t utf8_lower(uint32_t cp);

/* Upper case of a code point: Unicode's simple case mapping (used to keep
 * an all-capitals name in capitals); "ß" stays "ß". */
uint32_t utf8_upper(uint32_t cp);

/* Base letter without diacritics, lower-cased: 'Ė' -> 'e', 'š' -> 's',
 * 'ł' -> 'l' (the canonical decomposition's first code point when the rest
 * are marks; letters such as 'æ', 'ß' and Hangul syllables unchanged).
 * Never takes more UTF-8 bytes than cp. */
uint32_t utf8_fold_cp(uint32_t cp);

/* Writes the folded form of s[0..n) (lower case, no diacritics, combining
 * marks dropped) into a malloc'd NUL-terminated string, never longer than
 * n bytes; invalid bytes are copied as they are.  NULL on allocation
 * failure. */
char *utf8_fold(const char *s, size_t n);

/* utf8_fold into out, which has room for n + 1 bytes; returns the length
 * written before the NUL.  For callers that fold short pieces often and
 * need no allocation. */
size_t utf8_fold_into(char *out, const char *s, size_t n);

/* utf8_fold_into(out, s, n) that also sets at[i], for every i in 0..n, to
 * where the fold of s[0..i) ends in out: the fold of s[a..b) for a and b
 * at character boundaries is out[at[a]..at[b]).  at has n + 1 entries. */
size_t utf8_fold_offsets(char *out, uint32_t *at, const char *s, size_t n);

/* Compares the first n bytes of s with the ASCII/UTF-8 word w ignoring
 * case (diacritics significant): utf8_ieq_prefix("Sausio", 6, "sausio").
 * Returns the number of bytes of s matched (== strlen(w) in code points'
 * bytes of s) or 0 when s does not start with w. */
size_t utf8_ieq_prefix(const char *s, size_t n, const char *w);

/* Terminal display width of s[0..n): combining marks, control characters
 * and zero-width spaces 0, East Asian wide characters 2, others 1; an
 * invalid byte 1. */
size_t utf8_width(const char *s, size_t n);

/* Number of code points in s[0..n). */
size_t utf8_length(const char *s, size_t n);

/* Nonzero when NFC leaves cp as it is in any text and cp never combines
 * with the character before it; a text of such characters only is NFC. */
int utf8_nfc_stable(uint32_t cp);

/* Unicode NFC of s[0..n) (utf8proc): sets *out to NULL when s is already
 * NFC -- or is not valid UTF-8, which is left for the caller's own check --
 * else to a malloc'd NUL-terminated NFC copy.  Returns 0, or -1 when
 * memory ran out (*out NULL).  Text from outside is stored in this form,
 * so that "ė" typed as one code point or as "e" + U+0307 is one text. */
int utf8_nfc(char **out, const char *s, size_t n);

/* A malloc'd NUL-terminated NFC copy of s[0..n) (a plain copy when s is
 * not UTF-8); NULL on allocation failure. */
char *utf8_nfc_dup(const char *s, size_t n);

/* The length in bytes of the longest prefix of s[0..n) that holds at most
 * max_chars code points and does not end just before a combining mark
 * (the letter it belongs to is left out with it). */
size_t utf8_prefix(const char *s, size_t n, size_t max_chars);

/* Lithuanian collation as council_text_collate.  Follows the dictionary
 * rule: č š ž and y are letters of their own (c < č < d, i < y < j), while
 * ą ę ė į ų ū sort as their base letter and only break ties (so "ąžuolas"
 * sorts among the "až" words, and "a" < "ą").  Then lower before upper
 * case, then bytes: only identical strings compare equal. */
int utf8_collate(const char *a, const char *b);

/* utf8_collate of the counted strings a[0..na) and b[0..nb), which need no
 * NUL: SQLite hands a collation unterminated buffers. */
int utf8_collate_n(const char *a, size_t na, const char *b, size_t nb);

/* Room utf8_sort_key needs for n bytes of text: each code point gives at
 * most one 3-byte weight per level. */
#define UTF8_SORT_KEY_SIZE(n) (10 * (n) + 9)

/* Writes the sort key of s[0..n) (no NUL inside) to out, which has
 * UTF8_SORT_KEY_SIZE(n) bytes, and returns its length: memcmp of two keys
 * (the shorter first on a tie) orders them as utf8_collate orders the
 * texts, and only equal texts have equal keys.  Stored as council.name_key
 * so a sort by council name compares bytes, not code points by level. */
size_t utf8_sort_key(unsigned char *out, const char *s, size_t n);

#endif /* COUNCIL_UTF8_H */
