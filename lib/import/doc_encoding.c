/* SPDX-License-Identifier: MIT */
/*
 * doc_encoding.c -- which encoding a text is in, and its conversion to
 * UTF-8 through iconv (glibc): UTF-8 with or without a BOM, UTF-16 with a
 * BOM or (when unmistakable) without, UTF-32 with a BOM, and the two Baltic
 * 8-bit code pages Lithuanian offices still save text in.  Nothing here
 * guesses among the world's encodings: 8-bit text that does not read as
 * Lithuanian is refused rather than turned into wrong letters.
 */
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "utf8.h"

int doc_iconv(char **out, size_t *out_len, const char *from, const char *data, size_t len)
{
	iconv_t cd = iconv_open("UTF-8", from);
	size_t cap = len * 2 + 16, left_in = len, left_out;
	char *buf, *in = (char *)data, *o;

	*out = NULL;
	*out_len = 0;
	if (cd == (iconv_t)-1)
		return COUNCIL_EINVAL;
	if (len > COUNCIL_IMPORT_MAX_BYTES * 2u || !(buf = malloc(cap + 1))) {
		iconv_close(cd);
		return COUNCIL_ENOMEM;
	}
	o = buf;
	left_out = cap;
	while (left_in) {
		if (iconv(cd, &in, &left_in, &o, &left_out) != (size_t)-1)
			continue;
		if (errno == E2BIG) {
			/* 8-bit letters take two bytes, CJK three: grow */
			size_t used = (size_t)(o - buf);
			char *p = realloc(buf, cap * 2 + 1);
			if (!p) {
				free(buf);
				iconv_close(cd);
				return COUNCIL_ENOMEM;
			}
			buf = p;
			o = buf + used;
			left_out += cap;
			cap *= 2;
			continue;
		}
		/* EILSEQ or EINVAL: not text in that encoding */
		free(buf);
		iconv_close(cd);
		return COUNCIL_EPARSE;
	}
	iconv_close(cd);
	*o = '\0';
	*out = buf;
	*out_len = (size_t)(o - buf);
	return COUNCIL_OK;
}

/* The line (1-based) of byte off. */
static int line_of(const char *d, size_t off)
{
	int line = 1;
	size_t i;

	for (i = 0; i < off; i++)
		line += d[i] == '\n';
	return line;
}

/* UTF-16 without a BOM: in text of Latin letters every other byte is NUL
 * (Lithuanian letters are U+01xx, their other byte 0x01).  LE or BE by
 * which half the NULs are in; 0 when the bytes do not look like it. */
static const char *utf16_without_bom(const char *d, size_t len)
{
	size_t i, n = len < 8192 ? len : 8192, even = 0, odd = 0, pairs;

	if (len < 8 || len % 2)
		return NULL;
	n -= n % 2;
	for (i = 0; i < n; i += 2) {
		even += d[i] == '\0';
		odd += d[i + 1] == '\0';
	}
	pairs = n / 2;
	if (odd * 10 >= pairs * 7 && even * 50 <= pairs)
		return "UTF-16LE";
	if (even * 10 >= pairs * 7 && odd * 50 <= pairs)
		return "UTF-16BE";
	return NULL;
}

/* Bytes 0x80-0xFF of Windows-1257 that Lithuanian text uses: its letters
 * and the punctuation of its typography (quotes „“, dashes, NBSP, §, °, €,
 * bullets).  ISO-8859-13 agrees on the letters; its quotes are 0xA1, 0xA5,
 * 0xB4. */
static int lithuanian_letter(unsigned char c)
{
	switch (c | 0x20) {
	case 0xE0: case 0xE1: case 0xE6: case 0xE8: case 0xEB: /* ą į ę č ė */
	case 0xF0: case 0xF8: case 0xFB: case 0xFE:            /* š ų ū ž */
		return c >= 0xC0;
	}
	return 0;
}

static int baltic_punctuation(unsigned char c)
{
	static const unsigned char p[] = { 0x80, 0x84, 0x85, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96,
		                            0x97, 0xA0, 0xA1, 0xA5, 0xA7, 0xA9, 0xAB, 0xB0, 0xB4,
		                            0xBB, 0xB1, 0xD7 };
	size_t i;

	for (i = 0; i < sizeof p; i++)
		if (p[i] == c)
			return 1;
	return 0;
}

/* Windows-1257 or ISO-8859-13 for 8-bit text, or NULL.  They differ only
 * where Windows puts typography in 0x80-0x9F (control codes in ISO-8859-13,
 * never in text) and in ISO-8859-13's quotes at 0xA1, 0xA5 (unassigned in
 * Windows-1257), so those bytes decide; text with neither reads the same
 * in both but for one quote (0xB4) and is called Windows-1257, the more
 * common.  The text must read as Lithuanian: a letter of its own and most
 * 8-bit bytes letters or typography, so Latin-1 or Cyrillic text is not
 * turned into wrong letters.  *bad: the first byte that rules it out. */
static const char *baltic(const unsigned char *d, size_t len, size_t *bad)
{
	size_t i, high = 0, letters = 0, good = 0;
	int c1 = 0, iso_quotes = 0;

	*bad = 0;
	for (i = 0; i < len; i++) {
		unsigned char c = d[i];
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
			*bad = i;
			return NULL; /* control codes: binary data */
		}
		if (c < 0x80)
			continue;
		high++;
		if (c <= 0x9F) {
			c1 = 1;
			/* unassigned in Windows-1257 */
			if (c == 0x81 || c == 0x83 || c == 0x88 || c == 0x8A || c == 0x8C || c == 0x90 ||
			    c == 0x98 || c == 0x9A || c == 0x9C || c == 0x9F) {
				*bad = i;
				return NULL;
			}
		}
		iso_quotes += c == 0xA1 || c == 0xA5;
		letters += lithuanian_letter(c);
		good += lithuanian_letter(c) || baltic_punctuation(c);
		if (!lithuanian_letter(c) && !baltic_punctuation(c) && !*bad)
			*bad = i;
	}
	if (!letters || good * 10 < high * 8)
		return NULL;
	if (c1 && iso_quotes)
		return NULL; /* both code pages' marks: neither */
	return iso_quotes ? "ISO-8859-13" : "windows-1257";
}

/* The first byte that is not valid UTF-8. */
static size_t first_invalid(const char *d, size_t len)
{
	size_t i = 0;

	while (i < len) {
		uint32_t cp;
		size_t k = utf8_decode(&cp, d + i, len - i);
		if (!utf8_valid(d + i, k))
			return i;
		i += k;
	}
	return len;
}

static int copy(char **out, size_t *out_len, const char *d, size_t len)
{
	if (!(*out = malloc(len + 1)))
		return COUNCIL_ENOMEM;
	memcpy(*out, d, len);
	(*out)[len] = '\0';
	*out_len = len;
	return COUNCIL_OK;
}

int doc_decode_text(doc_result *r, char **out, size_t *out_len, const char **encoding,
                    const char *data, size_t len)
{
	const unsigned char *u = (const unsigned char *)data;
	const char *from = NULL;
	size_t skip = 0, bad;
	int rc;

	*out = NULL;
	*out_len = 0;
	if (len >= 4 && memcmp(u, "\xFF\xFE\0\0", 4) == 0)
		from = "UTF-32LE", skip = 4;
	else if (len >= 4 && memcmp(u, "\0\0\xFE\xFF", 4) == 0)
		from = "UTF-32BE", skip = 4;
	else if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE)
		from = "UTF-16LE", skip = 2;
	else if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF)
		from = "UTF-16BE", skip = 2;
	else
		from = utf16_without_bom(data, len);
	if (from) {
		*encoding = from;
		rc = doc_iconv(out, out_len, from, data + skip, len - skip);
		if (rc == COUNCIL_EPARSE)
			return doc_fail(r, rc, "not valid %s text (its %s)", from,
			                skip ? "byte order mark says so" : "NUL bytes say so");
		if (rc == COUNCIL_OK && memchr(*out, '\0', *out_len)) {
			free(*out);
			*out = NULL;
			return doc_fail(r, COUNCIL_EPARSE, "%s text holding a NUL character", from);
		}
		return rc;
	}
	if (utf8_valid(data, len)) {
		/* NUL bytes are valid UTF-8: council_import_parse names them. */
		*encoding = len >= 3 && memcmp(u, "\xEF\xBB\xBF", 3) == 0 ? "UTF-8 with BOM" : "UTF-8";
		return copy(out, out_len, data, len);
	}
	if ((from = baltic(u, len, &bad)) != NULL) {
		*encoding = from;
		rc = doc_iconv(out, out_len, from, data, len);
		if (rc != COUNCIL_EPARSE)
			return rc;
	}
	/* Neither: say where and what. */
	if (memchr(data, '\0', len)) {
		bad = (size_t)((const char *)memchr(data, '\0', len) - data);
		r->line = line_of(data, bad);
		return doc_fail(r, COUNCIL_EPARSE,
		                "NUL byte at byte %zu: expected UTF-8 text (or UTF-16, Windows-1257, "
		                "ISO-8859-13), or a document the importer reads (.docx, .odt, HTML, "
		                "PDF)", bad);
	}
	bad = first_invalid(data, len);
	r->line = line_of(data, bad);
	return doc_fail(r, COUNCIL_EPARSE,
	                "invalid UTF-8 at byte %zu: expected UTF-8 text; nor is it Lithuanian "
	                "text in Windows-1257 or ISO-8859-13", bad);
}

int doc_html_charset(char *buf, size_t size, const char *data, size_t len)
{
	size_t n = len < 4096 ? len : 4096, i, k;

	/* "<meta charset=x>" and "<meta http-equiv=... content='text/html;
	 * charset=x'>" both put "charset=" right before the name. */
	for (i = 0; i + 8 < n; i++) {
		static const char key[] = "charset=";
		for (k = 0; k < 8; k++)
			if ((data[i + k] | 0x20) != key[k])
				break;
		if (k < 8)
			continue;
		i += 8;
		while (i < n && (data[i] == '"' || data[i] == '\'' || data[i] == ' '))
			i++;
		for (k = 0; i + k < n && k + 1 < size; k++) {
			char c = data[i + k];
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
			      c == '-' || c == '_'))
				break;
			buf[k] = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
		}
		buf[k] = '\0';
		return k > 0;
	}
	return 0;
}
