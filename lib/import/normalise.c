/* SPDX-License-Identifier: MIT */
/*
 * normalise.c -- the first import stage: from the bytes of a report to the
 * aligned norm/view texts of report.h.  Removes what carries no meaning
 * (BOM, CR, docx "[bookmark: ...]" artefacts, zero-width marks, markdown
 * emphasis), composes letters saved in NFD, and keeps a map back to the
 * original bytes for provenance.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "utf8.h"

typedef struct builder {
	lt_text *t;
	size_t cap_anchors;
} builder;

static int add_anchor(builder *b, size_t norm_off, size_t orig_off)
{
	lt_text *t = b->t;

	if (t->n_anchors == b->cap_anchors) {
		size_t cap = b->cap_anchors ? b->cap_anchors * 2 : 64;
		size_t *a = realloc(t->anchor_norm, cap * sizeof *a);
		if (!a)
			return COUNCIL_ENOMEM;
		t->anchor_norm = a;
		a = realloc(t->anchor_orig, cap * sizeof *a);
		if (!a)
			return COUNCIL_ENOMEM;
		t->anchor_orig = a;
		b->cap_anchors = cap;
	}
	/* Consecutive removals at one norm offset keep only the latest. */
	if (t->n_anchors && t->anchor_norm[t->n_anchors - 1] == norm_off) {
		t->anchor_orig[t->n_anchors - 1] = orig_off;
		return COUNCIL_OK;
	}
	t->anchor_norm[t->n_anchors] = norm_off;
	t->anchor_orig[t->n_anchors] = orig_off;
	t->n_anchors++;
	return COUNCIL_OK;
}

/* Length of a "[bookmark: ...]" artefact at s, or 0. */
static size_t bookmark_len(const char *s, size_t n)
{
	static const char tag[] = "[bookmark:";
	const char *close;

	if (n < sizeof tag - 1 || memcmp(s, tag, sizeof tag - 1) != 0)
		return 0;
	close = memchr(s, ']', n < 256 ? n : 256);
	return close ? (size_t)(close - s) + 1 : 0;
}

/* Code points removed outright: they change nothing a reader sees. */
static int invisible(uint32_t cp)
{
	return cp == 0xFEFF || cp == 0x200B || cp == 0x200C || cp == 0x200D ||
	       cp == 0x2060 || cp == 0x00AD;
}

static int is_space_byte(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/* Markdown emphasis: "**" anywhere, and a single '*' or '_' that opens
 * before a non-space or closes after one.  A "* " at a line start is a
 * bullet and stays. */
static size_t emphasis_len(const char *s, size_t i, size_t n)
{
	char c = s[i];
	int prev_space = i == 0 || is_space_byte(s[i - 1]);
	int next_space = i + 1 >= n || is_space_byte(s[i + 1]);

	if (c != '*' && c != '_')
		return 0;
	if (i + 1 < n && s[i + 1] == c)
		return c == '*' ? 2 : (prev_space || (i + 2 < n && is_space_byte(s[i + 2])) ? 2 : 0);
	if (c == '_')
		return 0; /* single underscores occur in names and addresses */
	if (prev_space && !next_space)
		return 1;
	if (!prev_space && (next_space || s[i + 1] == '.' || s[i + 1] == ','))
		return 1;
	return 0;
}

/* The offset of the tab in the line starting at i when it is the line's
 * only tab, between a label and a value ("Posėdžių skaičius<TAB>5"); else
 * SIZE_MAX.  Tabs at a line start (docx cells) and lines of several tabs
 * (tables) are left alone. */
static size_t form_row_tab(const char *s, size_t i, size_t len)
{
	size_t k, tab = SIZE_MAX;
	const char *t;

	/* most lines have no tab: found so without a test a byte */
	{
		const char *nl = memchr(s + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - s) : len;
		if (!memchr(s + i, '\t', e - i))
			return SIZE_MAX;
		if ((t = memchr(s + i, '\r', e - i)) != NULL)
			e = (size_t)(t - s);
		len = e;
	}
	for (k = i; k < len; k++)
		if (s[k] == '\t') {
			if (tab != SIZE_MAX)
				return SIZE_MAX;
			tab = k;
		}
	if (tab == SIZE_MAX || tab == i || s[tab - 1] == ' ' || s[tab - 1] == ':' || tab + 1 >= k ||
	    s[tab + 1] == ' ')
		return SIZE_MAX;
	return tab;
}

/* ---- text extracted from a PDF ------------------------------------------ */

/* [s,e) without the blanks around it. */
static void trim(const char *d, size_t *s, size_t *e)
{
	while (*s < *e && (d[*s] == ' ' || d[*s] == '\t'))
		(*s)++;
	while (*e > *s && (d[*e - 1] == ' ' || d[*e - 1] == '\t' || d[*e - 1] == '\r'))
		(*e)--;
}

static size_t digits(const char *d, size_t i, size_t e)
{
	size_t k = i;
	while (k < e && k - i < 4 && d[k] >= '0' && d[k] <= '9')
		k++;
	return k - i;
}

static int has_bytes(const char *d, size_t s, size_t e, const char *w)
{
	size_t n = strlen(w);
	const char *p = d + s, *end = d + e;

	/* jump from one occurrence of the first byte to the next */
	while (end - p >= (ptrdiff_t)n && (p = memchr(p, w[0], (size_t)(end - p) - n + 1)) != NULL) {
		if (memcmp(p, w, n) == 0)
			return 1;
		p++;
	}
	return 0;
}

/* A page number on a line of its own, as PDF text keeps them: "2 iš 4",
 * "2 psl.", "- 2 -", "Puslapis 2 iš 4".  A bare number is not one: a table
 * cell or a form's value on its own line looks the same. */
static int page_number_line(const char *d, size_t s, size_t e)
{
	size_t k;

	if (s < e && d[s] == '\t')
		return 0; /* a docx cell */
	trim(d, &s, &e);
	if (s == e)
		return 0;
	if (e - s > 9 && memcmp(d + s, "Puslapis ", 9) == 0)
		s += 9;
	if (d[s] == '-' && e - s >= 5 && d[e - 1] == '-' && d[s + 1] == ' ' && d[e - 2] == ' ') {
		k = digits(d, s + 2, e);
		return k && s + 2 + k == e - 2;
	}
	if (!(k = digits(d, s, e)))
		return 0;
	s += k;
	if (s == e)
		return 0;
	if (e - s >= 5 && memcmp(d + s, " iš ", 5) == 0) { /* "iš": š is two bytes */
		k = digits(d, s + 5, e);
		return k && s + 5 + k == e;
	}
	return (e - s == 5 && memcmp(d + s, " psl.", 5) == 0) || (e - s == 4 && memcmp(d + s, " psl", 4) == 0);
}

/* The lines to drop from a text extracted from a PDF: page numbers and the
 * running header printed at the top of the next page (the first non-blank
 * line after a page number, when it ends without punctuation).  Fills
 * ranges (pairs of offsets, each line with its newline) and returns how
 * many; 0 when the text has no page numbers. */
static size_t pdf_furniture(const char *d, size_t len, size_t *ranges, size_t max)
{
	size_t i = 0, n = 0;

	while (i < len && n + 2 <= max) {
		const char *nl = memchr(d + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - d) : len, next;
		next = e < len ? e + 1 : e;
		/* "1 iš 4" between paragraphs, never inside a table row */
		if (i > 0 && page_number_line(d, i, e) && (e - i) < 24) {
			size_t h = next, he, hs, ht;
			ranges[n++] = i;
			ranges[n++] = next;
			/* blank lines, then a header ending without punctuation */
			while (h < len && (d[h] == '\n' || d[h] == '\r' || d[h] == ' '))
				h++;
			for (he = h; he < len && d[he] != '\n'; he++)
				;
			hs = h;
			ht = he;
			trim(d, &hs, &ht);
			if (ht > hs && ht - hs < 160 && d[ht - 1] != '.' && d[ht - 1] != ':' &&
			    d[ht - 1] != ';' && d[ht - 1] != ',' && n + 2 <= max) {
				size_t after = he < len ? he + 1 : he;
				/* a heading of the report's own ("3. RENGINIAI") is
				 * followed by a blank line too; a running header repeats
				 * the title, so it names the report */
				if (has_bytes(d, hs, ht, "ataskait") || has_bytes(d, hs, ht, "ATASKAIT")) {
					ranges[n++] = h;
					ranges[n++] = after;
					next = after;
				}
			}
		}
		i = next;
	}
	return n;
}

/* A word broken across lines by a hyphen ("bendruo-\nmenių"): a lower-case
 * letter before the hyphen and after the line break.  Returns the bytes
 * to drop at i (the hyphen and the line break), or 0. */
static size_t soft_break(const char *d, size_t i, size_t len, size_t line_start)
{
	size_t k = i + 1, b;
	uint32_t cp;

	if (d[i] != '-' || i == line_start)
		return 0;
	if (k < len && d[k] == '\r')
		k++;
	if (k >= len || d[k] != '\n')
		return 0;
	k++;
	if (k >= len)
		return 0; /* "-" and a line break at the very end */
	/* the letter before: step back to its first byte */
	for (b = i - 1; b > line_start && ((unsigned char)d[b] & 0xC0) == 0x80; b--)
		;
	utf8_decode(&cp, d + b, i - b);
	if (!(utf8_upper(cp) != cp && cp != 0xFFFD))
		return 0; /* not a lower-case letter */
	if (b > line_start && d[b - 1] == ' ')
		return 0; /* "a -" is a dash */
	utf8_decode(&cp, d + k, len - k);
	if (!(utf8_upper(cp) != cp && cp != 0xFFFD))
		return 0;
	return k - i;
}

/* ---- a web page saved as text -------------------------------------------- */

/* Does the text carry HTML markup: two of "<p>", "</p>", "<li>", "<ul>",
 * "<div", "<strong>", "&nbsp;"? */
static int looks_html(const char *d, size_t len)
{
	static const char *const marks[] = { "<p>", "</p>", "<li>", "<ul>", "<div", "<strong>",
		                              "&nbsp;", "<p ", NULL };
	size_t k, hits = 0;

	for (k = 0; marks[k] && hits < 2; k++)
		hits += has_bytes(d, 0, len < 200000 ? len : 200000, marks[k]);
	return hits >= 2;
}

/* At i an HTML tag or entity: how many bytes it takes, and what the text
 * keeps in its place (*out, *n bytes): "<li>" a list item's "- ", a closing
 * block tag a line break, an entity its character, other tags nothing.
 * "<br>" is left to the view (a table cell's line break).  0 if none. */
static size_t html_at(const char *d, size_t i, size_t len, const char **out, size_t *n)
{
	static const struct { const char *ent, *chr; } ents[] = {
		{ "&nbsp;", " " }, { "&quot;", "\"" }, { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" },
		{ "&#39;", "'" }, { "&apos;", "'" }, { "&ndash;", "\xE2\x80\x93" },
		{ "&mdash;", "\xE2\x80\x94" }, { "&bdquo;", "\xE2\x80\x9E" }, { "&ldquo;", "\xE2\x80\x9C" },
		{ "&rdquo;", "\xE2\x80\x9D" },
	};
	size_t k, e, nl;

	*out = "";
	*n = 0;
	if (d[i] == '&') {
		for (k = 0; k < sizeof ents / sizeof ents[0]; k++) {
			nl = strlen(ents[k].ent);
			if (i + nl <= len && memcmp(d + i, ents[k].ent, nl) == 0) {
				*out = ents[k].chr;
				*n = strlen(ents[k].chr);
				return nl;
			}
		}
		return 0;
	}
	if (d[i] != '<' || i + 2 >= len)
		return 0;
	/* a tag: "<" ["/"] letters [attributes] ">" on one line */
	e = i + 1 + (d[i + 1] == '/');
	if (!((d[e] >= 'a' && d[e] <= 'z') || (d[e] >= 'A' && d[e] <= 'Z')))
		return 0;
	nl = e;
	while (nl < len && ((d[nl] >= 'a' && d[nl] <= 'z') || (d[nl] >= 'A' && d[nl] <= 'Z') ||
	                    (d[nl] >= '1' && d[nl] <= '6')))
		nl++;
	for (k = nl; k < len && k - i < 200 && d[k] != '>' && d[k] != '\n' && d[k] != '<'; k++)
		;
	if (k >= len || d[k] != '>')
		return 0;
	if ((nl - e == 2 && (d[e] | 0x20) == 'b' && (d[e + 1] | 0x20) == 'r'))
		return 0; /* "<br>" */
	if (d[i + 1] != '/' && nl - e == 2 && (d[e] | 0x20) == 'l' && (d[e + 1] | 0x20) == 'i') {
		*out = "- ";
		*n = 2;
	} else if (d[i + 1] == '/' && k + 1 < len && d[k + 1] == '\n' &&
	           ((nl - e == 1 && (d[e] | 0x20) == 'p') || (nl - e == 2 && (d[e] | 0x20) == 'h') ||
	            (nl - e == 2 && (d[e] | 0x20) == 'u' && (d[e + 1] | 0x20) == 'l') ||
	            (nl - e == 3 && (d[e] | 0x20) == 'd'))) {
		*out = "\n"; /* "</p>" before a line break: a blank line, a paragraph's end */
		*n = 1;
	}
	return k + 1 - i;
}

/* The length of the letter at d[i] and the combining diacritical marks
 * (U+0300..U+036F) after it, when at least one follows; else 0. */
static size_t nfd_letter(const char *d, size_t i, size_t len)
{
	unsigned char c = (unsigned char)d[i];
	size_t k = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4, e;

	if (c < 0x41 || (c >= 0x80 && c < 0xC2))
		return 0; /* no letter: digits, spaces, punctuation, continuation bytes */
	for (e = i + k; e + 1 < len; e += 2) {
		unsigned char m0 = (unsigned char)d[e], m1 = (unsigned char)d[e + 1];
		if (!(m0 == 0xCC || (m0 == 0xCD && m1 < 0xB0)))
			break;
	}
	return e > i + k && e <= len ? e - i : 0;
}

/* Nonzero when s[0..n) holds NFC-stable characters only: checked once per
 * document, so that no quote taken from it is normalised again. */
static int nfc_stable_text(const char *s, size_t n)
{
	size_t i = 0;
	uint32_t cp;

	while ((i += utf8_ascii_run(s + i, n - i)) < n) {
		i += utf8_decode(&cp, s + i, n - i);
		if (!utf8_nfc_stable(cp))
			return 0;
	}
	return 1;
}

/* Why data cannot be read: COUNCIL_EPARSE with *bad_offset at a NUL byte
 * or at the first byte that is no UTF-8; else COUNCIL_OK. */
static int check_input(const char *data, size_t len, size_t *bad_offset)
{
	const char *nul = memchr(data, '\0', len);
	size_t i;

	if (nul) {
		*bad_offset = (size_t)(nul - data);
		return COUNCIL_EPARSE;
	}
	if (utf8_valid(data, len))
		return COUNCIL_OK;
	for (i = 0; i < len;) {
		uint32_t cp;
		size_t k = utf8_decode(&cp, data + i, len - i);
		if (!utf8_valid(data + i, k)) {
			*bad_offset = i;
			return COUNCIL_EPARSE;
		}
		i += k;
	}
	*bad_offset = 0;
	return COUNCIL_EPARSE;
}

/* Where the normaliser is in the input (i) and in norm (o), and what it
 * knows of the document and of the line it is in. */
typedef struct norm_state {
	builder b;
	const char *data;
	size_t len;
	size_t i, o;
	size_t line_start;     /* where the current input line starts */
	size_t form_tab;       /* the tab of a two-column form row on this line, or SIZE_MAX */
	size_t furniture[64];  /* PDF page furniture: [start, end) pairs of input lines */
	size_t n_furniture, next_furniture;
	int html;              /* the document is HTML: tags and entities are read */
} norm_state;

/* Each step below looks at input byte i: 0 when it does not apply, 1 when
 * it consumed input (and wrote norm), -1 when memory ran out. */

static int anchored(norm_state *ns)
{
	return add_anchor(&ns->b, ns->o, ns->i) == COUNCIL_OK ? 1 : -1;
}

/* At a line start: a page number or running header goes, line and all;
 * else the line's form tab is found. */
static int line_furniture(norm_state *ns)
{
	size_t i = ns->i;

	if (i != 0 && ns->data[i - 1] != '\n')
		return 0;
	ns->line_start = i;
	if (ns->next_furniture < ns->n_furniture && ns->furniture[ns->next_furniture] == i) {
		ns->i = ns->furniture[ns->next_furniture + 1];
		ns->next_furniture += 2;
		return anchored(ns);
	}
	ns->form_tab = form_row_tab(ns->data, i, ns->len);
	return 0;
}

/* "Posėdžių skaičius<TAB>5": a row of a two-column form ("Rodiklis |
 * Reikšmė" pasted as text) reads as the "Posėdžių skaičius: 5" forms
 * write. */
static int form_row(norm_state *ns)
{
	if (ns->i != ns->form_tab)
		return 0;
	ns->b.t->norm[ns->o++] = ':';
	ns->b.t->norm[ns->o++] = ' ';
	ns->i++;
	return anchored(ns);
}

/* An HTML tag or entity, replaced by what it stands for (a replacement
 * is never longer than what it replaces). */
static int html_markup(norm_state *ns)
{
	unsigned char c = (unsigned char)ns->data[ns->i];
	const char *rep;
	size_t rn, k;

	if (!ns->html || (c != '<' && c != '&'))
		return 0;
	if (!(k = html_at(ns->data, ns->i, ns->len, &rep, &rn)))
		return 0;
	memcpy(ns->b.t->norm + ns->o, rep, rn);
	ns->o += rn;
	ns->i += k;
	return anchored(ns);
}

/* Bytes that go: the CR of CRLF, bookmarks, emphasis marks, a word's soft
 * break, invisible characters; a lone CR becomes a line break. */
static int dropped(norm_state *ns)
{
	const char *data = ns->data;
	size_t i = ns->i, len = ns->len, skip = 0;
	unsigned char c = (unsigned char)data[i];

	if (c == '\r') {
		if (i + 1 < len && data[i + 1] == '\n') {
			skip = 1;
		} else {
			ns->b.t->norm[ns->o++] = '\n'; /* a lone CR ends a line too */
			ns->i++;
			return 1;
		}
	} else if (c == '[') {
		skip = bookmark_len(data + i, len - i);
	} else if (c == '*' || c == '_') {
		skip = emphasis_len(data, i, len);
	} else if (c == '-') {
		skip = soft_break(data, i, len, ns->line_start);
	} else if (c == 0xC2 || c == 0xE2 || c == 0xEF) {
		/* The invisible characters start with these bytes (U+00AD,
		 * U+200B..U+2060, U+FEFF); other bytes of the valid text are
		 * copied without decoding. */
		uint32_t cp;
		size_t k = utf8_decode(&cp, data + i, len - i);
		if (invisible(cp))
			skip = k;
	}
	if (!skip)
		return 0;
	ns->i += skip;
	return anchored(ns);
}

/* Text saved in NFD ("e" + U+0307 for "ė"): composed to NFC, so the
 * parsers see the one form their words are written in; the anchor keeps
 * offsets pointing at the original bytes. */
static int nfd_composed(norm_state *ns)
{
	size_t skip = nfd_letter(ns->data, ns->i, ns->len), n;
	char *nfc = NULL;

	if (!skip)
		return 0;
	if (utf8_nfc(&nfc, ns->data + ns->i, skip) != 0)
		return -1;
	n = nfc ? strlen(nfc) : 0;
	if (!nfc || n > skip) {
		free(nfc); /* already NFC, or longer composed: kept as it is */
		return 0;
	}
	memcpy(ns->b.t->norm + ns->o, nfc, n);
	ns->o += n;
	ns->i += skip;
	free(nfc);
	return anchored(ns);
}

/* Nonzero when input byte i is none of the steps' business (most bytes):
 * ASCII inside a line, no byte a step starts at, no mark after it. */
static int plain_byte(const norm_state *ns)
{
	const unsigned char *u = (const unsigned char *)ns->data;
	size_t i = ns->i;
	unsigned char c = u[i];

	if (c >= 0x80 || i == 0 || u[i - 1] == '\n' || i == ns->form_tab)
		return 0;
	if (c == '\r' || c == '[' || c == '*' || c == '_' || c == '-' ||
	    (ns->html && (c == '<' || c == '&')))
		return 0;
	/* a letter followed by a combining mark is composed (nfd_composed) */
	return !(i + 1 < ns->len && (u[i + 1] == 0xCC || u[i + 1] == 0xCD));
}

/* The high bit of each byte of x that is b, and perhaps of bytes after
 * it (the borrow of the subtraction runs towards the later bytes): the
 * first byte marked is exact, and none is when no byte is b. */
static inline uint64_t bytes_equal(uint64_t x, unsigned char b)
{
	uint64_t y = x ^ (0x0101010101010101ULL * b);

	return (y - 0x0101010101010101ULL) & ~y & 0x8080808080808080ULL;
}

/* Copies plain bytes from input byte i (one that plain_byte said is) to
 * the first that may not be: the test plain_byte makes, a byte at a time
 * with a table, without a call per byte. */
static void plain_run(norm_state *ns)
{
	/* 1: a byte a step may start at, or a combining mark's lead byte */
	static const unsigned char stop[256] = {
		['\r'] = 1, ['['] = 1, ['*'] = 1, ['_'] = 1, ['-'] = 1,
#define X16(a) [a] = 1, [a + 1] = 1, [a + 2] = 1, [a + 3] = 1, [a + 4] = 1, [a + 5] = 1, \
	[a + 6] = 1, [a + 7] = 1, [a + 8] = 1, [a + 9] = 1, [a + 10] = 1, [a + 11] = 1, \
	[a + 12] = 1, [a + 13] = 1, [a + 14] = 1, [a + 15] = 1
		X16(0x80), X16(0x90), X16(0xA0), X16(0xB0), X16(0xC0), X16(0xD0), X16(0xE0), X16(0xF0)
#undef X16
	};
	const unsigned char *u = (const unsigned char *)ns->data;
	char *norm = ns->b.t->norm;
	size_t i = ns->i, o = ns->o, len = ns->len, tab = ns->form_tab;
	int html = ns->html;

	/* byte i is plain: copied; then each next one while it is */
	do {
		unsigned char c = u[i];
		norm[o++] = (char)c;
		i++;
		if (c == '\n' || i >= len)
			break;   /* a line start is the steps' */
		for (;;) {
			/* eight plain bytes at once: ASCII, none a step's or a
			 * line's end, no tab of a form row, no mark after them */
			while (i + 8 < len && tab - i >= 8 && u[i + 8] != 0xCC && u[i + 8] != 0xCD) {
				uint64_t x, m;
				memcpy(&x, u + i, 8);
				m = (x & 0x8080808080808080ULL) | bytes_equal(x, '\r') | bytes_equal(x, '\n') |
				    bytes_equal(x, '[') | bytes_equal(x, '*') | bytes_equal(x, '_') |
				    bytes_equal(x, '-');
				if (html)
					m |= bytes_equal(x, '<') | bytes_equal(x, '&');
				/* norm has room for eight: o is ahead of i by at
				 * most the byte a line form rows add, i + 8 < len */
				memcpy(norm + o, &x, 8);
				if (m) { /* the plain bytes before the first that may not be */
					size_t k = utf8_bytes_before(m);
					if (k && (u[i + k] == 0xCC || u[i + k] == 0xCD))
						k--; /* a mark after it: composed by the steps */
					i += k;
					o += k;
					break;
				}
				i += 8;
				o += 8;
			}
			/* a two-byte letter with no mark after it (not U+0080..U+00BF,
			 * whose lead 0xC2 dropped() reads, nor a mark itself) is none
			 * of the steps' business either */
			c = u[i];
			if (c < 0xC3 || c > 0xDF || c == 0xCC || c == 0xCD || i + 2 >= len ||
			    u[i + 2] == 0xCC || u[i + 2] == 0xCD)
				break;
			norm[o++] = (char)c;
			norm[o++] = (char)u[i + 1];
			i += 2;
		}
		if (stop[c] || i == tab || (html && (c == '<' || c == '&')) ||
		    (i + 1 < len && (u[i + 1] == 0xCC || u[i + 1] == 0xCD)))
			break;
	} while (1);
	ns->i = i;
	ns->o = o;
}

/* norm: the input with page furniture, markup and invisible characters
 * gone, form rows given their colon and NFD letters composed. */
static int build_norm(lt_text *t, const char *data, size_t len)
{
	norm_state *ns = calloc(1, sizeof *ns);
	int rc = COUNCIL_OK;

	/* A row of a two-column form adds a byte: at most one a line. */
	if (!ns || !(t->norm = malloc(len + len / 2 + 2))) {
		free(ns);
		return COUNCIL_ENOMEM;
	}
	ns->b.t = t;
	ns->data = data;
	ns->len = len;
	ns->form_tab = SIZE_MAX;
	if (add_anchor(&ns->b, 0, 0) != COUNCIL_OK) {
		free(ns);
		return COUNCIL_ENOMEM;
	}
	ns->n_furniture = pdf_furniture(data, len, ns->furniture,
	                                sizeof ns->furniture / sizeof ns->furniture[0]);
	ns->html = looks_html(data, len);
	while (ns->i < len) {
		int r;
		if (plain_byte(ns)) {
			plain_run(ns);
			continue;
		}
		if ((r = line_furniture(ns)) == 0 && (r = form_row(ns)) == 0 &&
		    (r = html_markup(ns)) == 0 && (r = dropped(ns)) == 0 && (r = nfd_composed(ns)) == 0)
			t->norm[ns->o++] = data[ns->i++];
		if (r < 0) {
			rc = COUNCIL_ENOMEM;
			break;
		}
	}
	t->norm[ns->o] = '\0';
	t->len = ns->o;
	free(ns);
	return rc;
}

/* "<br>", "<br/>", "<br />" at view[i] in a markdown table cell: a line
 * break, read as the end of a sentence ("; " after one).  Returns where
 * the scan goes on. */
static size_t view_br(lt_text *t, size_t i)
{
	size_t k = i + 3, q = i, o = t->len;

	while (k < o && (t->view[k] == ' ' || t->view[k] == '/'))
		k++;
	if (k >= o || t->view[k] != '>')
		return i;
	while (q > 0 && t->view[q - 1] == ' ')
		q--;
	memset(t->view + i, ' ', k + 1 - i);
	if (q > 0 && !strchr(".;:!?|", t->view[q - 1]))
		t->view[i] = ';';
	return k;
}

/* view: norm's bytes, with spacing and dash variants in one form. */
static int build_view(lt_text *t)
{
	size_t i, o = t->len;

	if (!(t->view = malloc(o + 1)))
		return COUNCIL_ENOMEM;
	memcpy(t->view, t->norm, o + 1);
	for (i = 0; i + 1 < o; i++) {
		unsigned char c0, c1;
		/* most bytes start none of these: passed over eight at a time
		 * while none is outside ASCII or a '<' */
		while (i + 10 <= o) {
			uint64_t x, lt;
			memcpy(&x, t->view + i, 8);
			lt = x ^ 0x3C3C3C3C3C3C3C3CULL; /* a zero byte where '<' was */
			if ((x | ((lt - 0x0101010101010101ULL) & ~lt)) & 0x8080808080808080ULL)
				break;
			i += 8;
		}
		c0 = (unsigned char)t->view[i];
		if (c0 != 0xC2 && c0 != 0xE2 && c0 != '<')
			continue;
		c1 = (unsigned char)t->view[i + 1];
		if (c0 == 0xC2 && c1 == 0xA0) {
			t->view[i] = t->view[i + 1] = ' ';
			i++;
		} else if (c0 == 0xE2 && i + 2 < o) {
			unsigned char c2 = (unsigned char)t->view[i + 2];
			int dash = (c1 == 0x80 && c2 >= 0x90 && c2 <= 0x95) || (c1 == 0x88 && c2 == 0x92);
			int space = c1 == 0x80 && ((c2 >= 0x80 && c2 <= 0x8A) || c2 == 0xAF);
			if (dash)
				memcpy(t->view + i, " - ", 3);
			else if (space)
				memcpy(t->view + i, "   ", 3);
			if (dash || space)
				i += 2;
		} else if (c0 == '<' && (c1 | 0x20) == 'b' && i + 3 < o && (t->view[i + 2] | 0x20) == 'r') {
			i = view_br(t, i);
		}
		/* tabs stay: they mark docx table cells at a line start */
	}
	return COUNCIL_OK;
}

/* One fold of the whole view: the rules fold pieces of it tens of times a
 * sentence, and a piece of the fold is a copy. */
static int build_fold(lt_text *t)
{
	if (!(t->fold = malloc(t->len + 1)) ||
	    !(t->fold_at = malloc((t->len + 1) * sizeof *t->fold_at)))
		return COUNCIL_ENOMEM;
	utf8_fold_offsets(t->fold, t->fold_at, t->view, t->len);
	if (fi_words_init(&t->fold_words, t->fold, t->fold_at[t->len]) < 0)
		return COUNCIL_ENOMEM;
	return COUNCIL_OK;
}

/* Every record asks for its line: counting newlines from the start each
 * time made a report of many records quadratic. */
static int index_newlines(lt_text *t)
{
	const char *p = t->orig, *end = t->orig + t->orig_len;
	size_t n = 0;

	while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL)
		n++, p++;
	if (n && !(t->newlines = malloc(n * sizeof *t->newlines)))
		return COUNCIL_ENOMEM;
	for (p = t->orig; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
		t->newlines[t->n_newlines++] = (size_t)(p - t->orig);
	return COUNCIL_OK;
}

int lt_text_init(lt_text *t, const char *data, size_t len, size_t *bad_offset)
{
	int rc;

	memset(t, 0, sizeof *t);
	t->orig = data;
	t->orig_len = len;
	if ((rc = check_input(data, len, bad_offset)) != COUNCIL_OK)
		return rc;
	if ((rc = build_norm(t, data, len)) != COUNCIL_OK || (rc = build_view(t)) != COUNCIL_OK ||
	    (rc = build_fold(t)) != COUNCIL_OK || (rc = index_newlines(t)) != COUNCIL_OK) {
		lt_text_free(t);
		return rc;
	}
	t->nfc = nfc_stable_text(t->norm, t->len);
	return COUNCIL_OK;
}

void lt_text_free(lt_text *t)
{
	free(t->norm);
	free(t->view);
	free(t->anchor_norm);
	free(t->anchor_orig);
	free(t->newlines);
	free(t->fold);
	free(t->fold_at);
	fi_words_free(&t->fold_words);
	memset(t, 0, sizeof *t);
}

size_t lt_text_orig_offset(const lt_text *t, size_t off)
{
	size_t lo = 0, hi = t->n_anchors;

	if (!hi)
		return off;
	/* Last anchor at or before off. */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (t->anchor_norm[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return t->anchor_orig[lo] + (off - t->anchor_norm[lo]);
}

size_t lt_text_norm_offset(const lt_text *t, size_t off)
{
	size_t lo = 0, hi = t->n_anchors, n;

	if (!hi)
		return off < t->len ? off : t->len;
	/* Last anchor at or before off. */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (t->anchor_orig[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	if (off < t->anchor_orig[lo])
		return t->anchor_norm[lo];
	n = t->anchor_norm[lo] + (off - t->anchor_orig[lo]);
	if (lo + 1 < t->n_anchors && n > t->anchor_norm[lo + 1])
		n = t->anchor_norm[lo + 1];
	return n < t->len ? n : t->len;
}

int lt_text_line(const lt_text *t, size_t orig_off)
{
	size_t lo = 0, hi = t->n_newlines;

	/* the newlines before orig_off */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (t->newlines[mid] < orig_off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (int)lo + 1;
}

/* Bytes of white space at s (ASCII space/tab/newline, NBSP, the U+2000
 * spaces); 0 if none. */
static size_t space_at(const char *s, size_t n)
{
	unsigned char c = (unsigned char)s[0];

	if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
		return 1;
	if (c == 0xC2 && n > 1 && (unsigned char)s[1] == 0xA0)
		return 2;
	if (c == 0xE2 && n > 2 && (unsigned char)s[1] == 0x80 &&
	    (((unsigned char)s[2] >= 0x80 && (unsigned char)s[2] <= 0x8A) ||
	     (unsigned char)s[2] == 0xAF))
		return 3;
	return 0;
}

char *lt_text_clean(const lt_text *t, size_t start, size_t end)
{
	char *out, *p;
	size_t i;
	int pending = 0;

	if (end > t->len)
		end = t->len;
	if (start > end)
		start = end;
	/* Offsets found in view may fall inside a character that view spelled
	 * differently (a dash became " - "): widen to whole characters of norm. */
	while (start > 0 && ((unsigned char)t->norm[start] & 0xC0) == 0x80)
		start--;
	while (end < t->len && ((unsigned char)t->norm[end] & 0xC0) == 0x80)
		end++;
	out = malloc(end - start + 1);
	if (!out)
		return NULL;
	p = out;
	for (i = start; i < end;) {
		unsigned char c = (unsigned char)t->norm[i];
		size_t k;
		/* a byte that starts no space (ASCII but blanks, and not the lead
		 * bytes space_at reads) is copied at once */
		if (c > ' ' && c < 0x80) {
			if (pending)
				*p++ = ' ';
			pending = 0;
			*p++ = (char)c;
			i++;
			/* the rest of the run eight bytes at a time: out has room, as
			 * p - out <= i - start */
			while (i + 8 <= end) {
				uint64_t x, y, m;
				memcpy(&x, t->norm + i, 8);
				y = (x & 0x7F7F7F7F7F7F7F7FULL) + 0x5F5F5F5F5F5F5F5FULL; /* bit 7: > ' ' */
				m = (x | ~y) & 0x8080808080808080ULL;
				memcpy(p, &x, 8);
				if (m) {
					size_t b = utf8_bytes_before(m);
					p += b;
					i += b;
					break;
				}
				p += 8;
				i += 8;
			}
			continue;
		}
		k = space_at(t->norm + i, end - i);
		if (k) {
			pending = p != out;
			i += k;
			continue;
		}
		if (pending)
			*p++ = ' ';
		pending = 0;
		*p++ = t->norm[i++];
	}
	*p = '\0';
	return out;
}
