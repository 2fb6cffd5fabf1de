/* SPDX-License-Identifier: MIT */
/*
 * doc_pdf.c -- documents read through converter programs: PDF through
 * poppler-utils' pdftotext (its -layout text, whose tables are rebuilt
 * here into rows and cells from the columns the text lines up in), and
 * Word 97-2003 .doc through antiword.  Both run as separate programs
 * (doc_spawn.c): poppler is GPL, libcouncil MIT (doc/formats.md).
 *
 * Not here: OCR.  A PDF of scanned pages has no text to read and is
 * refused with a message saying so.
 */
#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "lexicon.h"
#include "utf8.h"

/* ---- lines and their chunks --------------------------------------------------- */

/* A chunk: text between runs of two blanks or more, as -layout separates
 * columns.  Positions are in characters (columns on the page), not bytes. */
typedef struct chunk {
	size_t s, e;           /* byte offsets in the page */
	int col;               /* column on the page of its first character */
} chunk;

#define MAX_CHUNKS 16

typedef struct pline {
	size_t s, e;           /* the line's bytes, without the newline */
	int page;              /* the first line of a page (after a form feed) */
	chunk c[MAX_CHUNKS];
	int n;                 /* chunks; 0 for a blank line */
	int bullet;            /* a list item whose bullet glyph was taken off */
} pline;

static void split_chunks(const char *d, pline *l)
{
	size_t i = l->s;
	int col = 0;

	l->n = 0;
	while (i < l->e) {
		size_t s, end;
		int scol;
		while (i < l->e && (d[i] == ' ' || d[i] == '\r'))
			i++, col++;
		if (i >= l->e)
			break;
		s = end = i;
		scol = col;
		/* to two blanks in a row, or the line's end; a column is a
		 * character, whatever its bytes */
		while (i < l->e && !(d[i] == ' ' && i + 1 < l->e && d[i + 1] == ' ')) {
			if (d[i] != ' ' && d[i] != '\r')
				end = i + 1;
			if (((unsigned char)d[i] & 0xC0) != 0x80)
				col++;
			i++;
		}
		if (l->n < MAX_CHUNKS) {
			l->c[l->n].s = s;
			l->c[l->n].e = end;
			l->c[l->n].col = scol;
			l->n++;
		} else {
			l->c[MAX_CHUNKS - 1].e = end;
		}
	}
}

/* The bytes of a bullet glyph starting s[0, n), or 0: "•", "●", "▪", "◦",
 * the Symbol and Wingdings fonts' bullets pdftotext gives in the private
 * use area (U+F0B7, U+F0A7 ...), a dash. */
static size_t bullet_glyph(const char *s, size_t n)
{
	static const uint32_t glyphs[] = { 0x2022, 0x2023, 0x2043, 0x25CF, 0x25AA, 0x25A0,
		                           0x25E6, 0x25CB, 0x2013, 0xF0B7, 0xF0A7, 0xF076,
		                           0xF0D8, 0xF0FC, 0xF02D, '-', '*' };
	uint32_t cp;
	size_t k, i;

	if (!n)
		return 0;
	k = utf8_decode(&cp, s, n);
	for (i = 0; i < sizeof glyphs / sizeof glyphs[0]; i++)
		if (cp == glyphs[i])
			return k;
	return 0;
}

/* A line starting with a bullet glyph alone, its text after a gap
 * ("   2025-02-13 posėdis"), or after a blank ("• posėdis"): a list
 * item; the glyph goes (prose_line writes "- " for it), so that the gap
 * after it does not read as a table's columns. */
static void take_bullet(const char *d, pline *l)
{
	size_t k;
	int dash;

	if (!l->n || !(k = bullet_glyph(d + l->c[0].s, l->c[0].e - l->c[0].s)))
		return;
	/* a dash before several chunks may be a table's empty cell */
	dash = d[l->c[0].s] == '-' || d[l->c[0].s] == '*' ||
	       (k == 3 && memcmp(d + l->c[0].s, "\xE2\x80\x93", 3) == 0);
	if (l->c[0].s + k == l->c[0].e && (l->n == 2 || (l->n > 2 && !dash))) {
		memmove(&l->c[0], &l->c[1], (size_t)(l->n - 1) * sizeof l->c[0]);
		l->n--;
		l->bullet = 1;
	} else if (l->c[0].s + k < l->c[0].e && d[l->c[0].s + k] == ' ' &&
	           (d[l->c[0].s] & 0x80)) {
		/* "• text": a glyph, not an ASCII dash ("- text" is read
		 * as it is) */
		l->c[0].s += k;
		while (l->c[0].s < l->c[0].e && d[l->c[0].s] == ' ')
			l->c[0].s++, l->c[0].col++;
		l->bullet = 1;
	}
}

/* A first-column cell that numbers its row: "1", "12.", "3)", and the
 * numbers of a row under a section: "1.2.", "2.3.1". */
static int is_number_cell(const char *d, const chunk *c)
{
	size_t i = c->s, part;
	int parts = 0;

	for (;;) {
		part = i;
		while (i < c->e && d[i] >= '0' && d[i] <= '9')
			i++;
		if (i == part || i - part > 4 || ++parts > 4)
			return 0;
		if (i == c->e)
			return 1;
		if (d[i] == ')' && i + 1 == c->e)
			return 1;
		if (d[i] != '.')
			return 0;
		if (++i == c->e)
			return 1;
	}
}

/* ---- tables from the layout --------------------------------------------------- */

#define MAX_COLS 12

typedef struct columns {
	int start[MAX_COLS];
	int n;
} columns;

/* Columns of the lines [a, b): the starts of chunks, clustered (within two
 * characters), each seen on two lines at least. */
static void find_columns(const pline *L, size_t a, size_t b, columns *cols)
{
	int starts[512], seen[512], n = 0, i, k;
	size_t j;

	for (j = a; j < b; j++)
		for (k = 0; k < L[j].n; k++) {
			int c = L[j].c[k].col;
			for (i = 0; i < n; i++)
				if (c >= starts[i] - 2 && c <= starts[i] + 2) {
					if (c < starts[i])
						starts[i] = c;
					seen[i]++;
					break;
				}
			if (i == n && n < 512) {
				starts[n] = c;
				seen[n++] = 1;
			}
		}
	/* sorted, then the well-supported ones */
	for (i = 1; i < n; i++)
		for (k = i; k > 0 && starts[k - 1] > starts[k]; k--) {
			int t = starts[k];
			starts[k] = starts[k - 1], starts[k - 1] = t;
			t = seen[k];
			seen[k] = seen[k - 1], seen[k - 1] = t;
		}
	cols->n = 0;
	for (i = 0; i < n && cols->n < MAX_COLS; i++)
		if (seen[i] >= 2 || i == 0)
			cols->start[cols->n++] = starts[i];
}

static int column_of(const columns *cols, int col)
{
	int k;

	for (k = cols->n - 1; k > 0; k--)
		if (col + 1 >= cols->start[k])
			return k;
	return 0;
}

/* Does s start with a lower-case letter? */
static int lower_letter(const char *s, size_t n)
{
	uint32_t cp;

	if (!n)
		return 0;
	utf8_decode(&cp, s, n);
	return cp != 0xFFFD && utf8_upper(cp) != cp;
}

/* Does s[0, n) end with a lower-case letter? */
static int lower_letter_before(const char *s, size_t n)
{
	size_t b = n;

	if (!n)
		return 0;
	b--;
	while (b > 0 && ((unsigned char)s[b] & 0xC0) == 0x80)
		b--;
	return lower_letter(s + b, n - b);
}

/* Does text ending a line at s[0, n) with a digit or a capital and a
 * hyphen go on with a digit at t ("2024-" and "02-08": a date broken at
 * its hyphen; "Nr. T-" and "187": a document's number)? */
static int digit_hyphen(const char *s, size_t n, const char *t, size_t tn)
{
	return n >= 2 && s[n - 1] == '-' &&
	       ((s[n - 2] >= '0' && s[n - 2] <= '9') || (s[n - 2] >= 'A' && s[n - 2] <= 'Z')) &&
	       tn && t[0] >= '0' && t[0] <= '9';
}

/* Do the last word of s[0, n) and the first of t look like two pieces of
 * one word, rather than two words?  A Lithuanian word ends in a vowel or
 * "s" (its endings: -as, -ė, -ų, -ai, -ti ...) but for a few short ones
 * (ir, kad, per ...): a piece ending in another consonant was cut
 * ("organizavim" / "as"), and so was one followed by nothing but an
 * ending ("skyriu" / "s", "bendruomeni" / "ų"). */
static int broken_word(const char *s, size_t n, const char *t, size_t tn)
{
#define LEX_WORD(written, folded) written,
	static const char *const whole[] = { LEX_SHORT_WHOLE_WORD(LEX_WORD) NULL };
	static const char *const endings[] = { LEX_INFLECTION_END(LEX_WORD) NULL };
#undef LEX_WORD
	size_t w = n, k, tw = 0;
	uint32_t cp;

	while (w > 0 && s[w - 1] != ' ' && s[w - 1] != '\n')
		w--;
	for (k = 0; whole[k]; k++)
		if (strlen(whole[k]) == n - w && memcmp(s + w, whole[k], n - w) == 0)
			return 0;
	while (tw < tn && t[tw] != ' ')
		tw++;
	if (tw > 1 && (t[tw - 1] == ',' || t[tw - 1] == '.'))
		tw--; /* "s," and "ų." are an ending and the sentence's punctuation */
	for (k = 0; endings[k]; k++)
		if (strlen(endings[k]) == tw && memcmp(t, endings[k], tw) == 0)
			return 1;
	/* the piece's last letter */
	k = n - 1;
	while (k > w && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--;
	utf8_decode(&cp, s + k, n - k);
	cp = utf8_lower(cp);
	return !(cp == 'a' || cp == 'e' || cp == 'i' || cp == 'o' || cp == 'u' || cp == 'y' ||
	         cp == 's' || cp == 0x105 || cp == 0x119 || cp == 0x117 || cp == 0x12F ||
	         cp == 0x173 || cp == 0x16B);
}

/* Characters in s[0, n). */
static int chars(const char *s, size_t n)
{
	int c = 0;
	size_t i;

	for (i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

/* Appends a fragment of a cell's text: a word hyphenated at the line end
 * ("bendruo-" + "menių") is joined, and so is a word the column was too
 * narrow for (glue: the line before was that one word, as wide as the
 * column, "Bendruome" + "nės"); other lines with a space. */
static void cell_add(dbuf *cell, const char *s, size_t n, int glue)
{
	if (cell->len && n) {
		size_t e = cell->len;
		uint32_t cp_prev = 0, cp_next = 0;
		if (cell->s[e - 1] == '-' && e >= 2) {
			size_t b = e - 2;
			while (b > 0 && ((unsigned char)cell->s[b] & 0xC0) == 0x80)
				b--;
			utf8_decode(&cp_prev, cell->s + b, e - 1 - b);
			utf8_decode(&cp_next, s, n);
		}
		if (cp_prev && utf8_upper(cp_prev) != cp_prev && utf8_upper(cp_next) != cp_next &&
		    cp_next != 0xFFFD) {
			cell->len--; /* the hyphen goes; no space */
		} else if (digit_hyphen(cell->s, cell->len, s, n)) {
			/* "2024-" "02-08": a date, whole */
		} else if (glue && lower_letter(s, n) && lower_letter_before(cell->s, cell->len) &&
		           broken_word(cell->s, cell->len, s, n)) {
			/* nothing between the pieces of the word */
		} else {
			dbuf_addc(cell, ' ');
		}
	}
	dbuf_add(cell, s, n);
}

/* Does the table region starting at line a go on at line j?  A line with
 * several chunks does; so does a line whose one chunk is indented past
 * the first column (a narrow column's next line), or a short one in the
 * first column followed by a line that goes on. */
static int table_line(const pline *L, size_t j, size_t n, int first_col_end)
{
	if (L[j].n >= 2)
		return 1;
	if (L[j].n == 1 && L[j].c[0].col > 2)
		return 1;
	if (L[j].n == 1 && L[j].c[0].col <= 2 && j + 1 < n && L[j + 1].n >= 2) {
		/* short text in the first column */
		return (int)(L[j].c[0].e - L[j].c[0].s) < first_col_end * 2 + 4;
	}
	return 0;
}

/* Is line j a table's section row ("1 kryptis. Bendruomenių balso
 * stiprinimas"): one line of one chunk at the left margin, with the
 * table's rows going on right after it (past blank lines)?  It is a row
 * of the table, as wide as the table, rather than the table's end. */
static int section_line(const char *d, const pline *L, size_t j, size_t n)
{
	size_t k = j + 1;

	if (L[j].n != 1 || L[j].c[0].col > 2 || d[L[j].c[0].e - 1] == ':')
		return 0;
	while (k < n && L[k].n == 0)
		k++;
	return k < n && L[k].n >= 2 && is_number_cell(d, &L[k].c[0]);
}

/* Is line l one chunk in the first column running past the second
 * column's start: a row across the table, not a cell's line? */
static int spanning(const char *d, const pline *l, const columns *cols)
{
	const chunk *c = &l->c[0];

	return l->n == 1 && cols->n >= 2 && column_of(cols, c->col) == 0 &&
	       c->col + chars(d + c->s, c->e - c->s) > cols->start[1] + 1;
}

/* Renders lines [a, b) as a table through a writer appended to out. */
static void render_table(const char *d, const pline *L, size_t a, size_t b, const columns *cols,
                         dbuf *out)
{
	dbuf cells[MAX_COLS];
	int single_word[MAX_COLS], last_width[MAX_COLS], colmax[MAX_COLS];
	doc_writer *w = dw_new();
	size_t j, numbered = 0, col0 = 0, blanks = 0;
	int k;
	char *text = NULL;
	size_t len = 0;

	if (!w) {
		out->oom = 1;
		return;
	}
	memset(cells, 0, sizeof cells);
	memset(single_word, 0, sizeof single_word);
	memset(last_width, 0, sizeof last_width);
	memset(colmax, 0, sizeof colmax);
	for (j = a; j < b; j++)
		for (k = 0; k < L[j].n; k++) {
			int c = column_of(cols, L[j].c[k].col);
			int wd = chars(d + L[j].c[k].s, L[j].c[k].e - L[j].c[k].s);
			if (wd > colmax[c])
				colmax[c] = wd;
		}
	/* A first column of numbers ("1.", "2.") marks where rows start. */
	for (j = a; j < b; j++)
		if (L[j].n && L[j].c[0].col <= cols->start[0] + 2 && cols->n > 1 &&
		    !spanning(d, &L[j], cols) &&
		    (L[j].n == 1 ? 1 : L[j].c[1].col + 1 >= cols->start[1])) {
			col0++;
			numbered += is_number_cell(d, &L[j].c[0]);
		}
	/* Rows set apart by blank lines (cell padding) start after one. */
	for (j = a + 1; j < b; j++)
		blanks += L[j].n == 0;
	dw_table_begin(w);
	for (j = a; j <= b; j++) {
		int row_start = 0, span = 0;
		if (j < b && L[j].n) {
			const chunk *c0 = &L[j].c[0];
			int in_first = column_of(cols, c0->col) == 0;
			if (spanning(d, &L[j], cols))
				row_start = span = 1;
			else if (j > a && spanning(d, &L[j - 1], cols))
				row_start = 1;
			else if (numbered * 2 >= col0 && numbered >= 2)
				row_start = in_first && is_number_cell(d, c0);
			else if (blanks)
				row_start = j > a && L[j - 1].n == 0 && in_first;
			else
				row_start = in_first && L[j].n >= 2;
		}
		/* lines before the first row's start (a heading row set lower
		 * in its cells, or the header itself) are a row of their own */
		if (j == b || row_start) {
			int any = 0;
			for (k = 0; k < cols->n; k++)
				any |= cells[k].len > 0;
			if (any) {
				dw_row_begin(w);
				for (k = 0; k < cols->n; k++) {
					dw_cell_begin(w, 1, 1);
					if (cells[k].len)
						dw_text(w, cells[k].s, cells[k].len);
					dw_cell_end(w);
					cells[k].len = 0;
				}
				dw_row_end(w);
			}
			if (j == b)
				break;
		}
		if (span) {
			/* a section row: its one cell */
			dw_row_begin(w);
			dw_cell_begin(w, 1, 1);
			dw_text(w, d + L[j].c[0].s, L[j].c[0].e - L[j].c[0].s);
			dw_cell_end(w);
			dw_row_end(w);
			continue;
		}
		for (k = 0; k < L[j].n; k++) {
			const chunk *ch = &L[j].c[k];
			int c = column_of(cols, ch->col), width;
			size_t n = ch->e - ch->s;
			/* a column's width: its widest line in the table */
			width = colmax[c];
			cell_add(&cells[c], d + ch->s, n,
			         width > 4 && single_word[c] && last_width[c] >= width - 1);
			single_word[c] = memchr(d + ch->s, ' ', n) == NULL;
			last_width[c] = chars(d + ch->s, n);
		}
	}
	dw_table_end(w);
	for (k = 0; k < MAX_COLS; k++) {
		if (cells[k].oom)
			out->oom = 1;
		dbuf_free(&cells[k]);
	}
	if (dw_finish(w, &text, &len) == COUNCIL_OK) {
		size_t have = 0;
		while (have < 2 && have < out->len && out->s[out->len - 1 - have] == '\n')
			have++;
		for (; out->len && have < 2; have++)
			dbuf_addc(out, '\n');
		dbuf_add(out, text, len);
	} else {
		out->oom = 1;
	}
	free(text);
	dw_free(w);
}

/* A prose line: without the page's left margin, gaps of layout spacing
 * as one blank; no line break after it. */
static void prose_line(const char *d, const pline *l, dbuf *out)
{
	int k;

	if (l->bullet)
		dbuf_add(out, "- ", 2);
	for (k = 0; k < l->n; k++) {
		if (k)
			dbuf_addc(out, ' ');
		dbuf_add(out, d + l->c[k].s, l->c[k].e - l->c[k].s);
	}
}

/* The column where line l ends. */
static int line_end(const char *d, const pline *l)
{
	const chunk *c = &l->c[l->n - 1];

	return c->col + chars(d + c->s, c->e - c->s);
}

/* Does line l begin a list item ("- ", "• ", "1. ", "2) ")? */
static int item_line(const char *d, const pline *l)
{
	const char *s = d + l->c[0].s;
	size_t n = l->c[0].e - l->c[0].s, k = 0;

	if (l->bullet)
		return 1;
	if (n >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ')
		return 1;
	if (n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
	    ((unsigned char)s[2] == 0xA2 || (unsigned char)s[2] == 0x93))
		return 1; /* "•", "–" */
	while (k < n && k < 6 && ((s[k] >= '0' && s[k] <= '9') || s[k] == '.'))
		k++;
	return k > 0 && k < n && s[k] == ' ' && (s[k - 1] == '.' || s[k - 1] == ')');
}

/* Does prose line i go on at line i + 1?  A line that reaches the right
 * margin (four fifths of the page's widest prose line) was wrapped there
 * by the layout, unless it ends a label (":") or the next line starts a
 * list item; a shorter line ended where its writer ended it.  Joining the
 * wrapped lines gives the paragraph one line, as the text it was made
 * from had it: a name or a date broken over two lines is whole again. */
static int wrapped(const char *d, const pline *L, size_t i, size_t n, int width)
{
	const chunk *last;

	if (i + 1 >= n || L[i + 1].n != 1)
		return 0;
	last = &L[i].c[L[i].n - 1];
	/* "Nr. T-" / "187. Dabartinė": a number broken at its hyphen, not
	 * an item numbered 187 */
	if (item_line(d, &L[i + 1]) &&
	    !(line_end(d, &L[i]) * 5 >= width * 4 &&
	      digit_hyphen(d + last->s, last->e - last->s, d + L[i + 1].c[0].s,
	                   L[i + 1].c[0].e - L[i + 1].c[0].s)))
		return 0;
	if (last->e > last->s && d[last->e - 1] == ':')
		/* a label, unless the line filled the width and what follows
		 * is no list (a sentence going on: "sudaryta iš 22 narių:" /
		 * "11 Savivaldybės ...") */
		return line_end(d, &L[i]) * 10 >= width * 9 && !item_line(d, &L[i + 1]);
	if (line_end(d, &L[i]) * 5 >= width * 4)
		return 1;
	/* a shorter line goes on when the next starts in lower case and it
	 * did not end a sentence (a title set over two lines in a large
	 * type) */
	return !strchr(".:;!?", d[last->e - 1]) &&
	       lower_letter(d + L[i + 1].c[0].s, L[i + 1].c[0].e - L[i + 1].c[0].s);
}

/* A table whose last row goes on over a page break: pdftotext sets the
 * next page's lines where that page's text is, so a cell's last lines,
 * alone on the new page, start at its left margin rather than in their
 * column.  When the table's last line had text in one column only and the
 * next page starts with lines of one chunk no wider than that column,
 * those lines are that cell's: they are moved into its column and the
 * table goes on to the end of them.  Returns the table's new end. */
static size_t page_overflow(const char *d, pline *L, size_t j, size_t n, const columns *cols)
{
	size_t k = j, m, last = j - 1;
	int c, width = 0, page = 0;

	while (last > 0 && L[last].n == 0)
		last--;
	if (L[last].n != 1)
		return j;
	c = column_of(cols, L[last].c[0].col);
	if (c == 0)
		return j;
	/* the column's width: its widest line just above */
	for (m = last; m + 40 > last && m > 0 && L[m].n; m--)
		for (int q = 0; q < L[m].n; q++)
			if (column_of(cols, L[m].c[q].col) == c &&
			    chars(d + L[m].c[q].s, L[m].c[q].e - L[m].c[q].s) > width)
				width = chars(d + L[m].c[q].s, L[m].c[q].e - L[m].c[q].s);
	while (k < n && L[k].n == 0) {
		page |= L[k].page;
		k++;
	}
	page |= k < n && L[k].page;
	if (!page || k >= n)
		return j;
	for (m = k; m < n && L[m].n == 1 && chars(d + L[m].c[0].s, L[m].c[0].e - L[m].c[0].s) <=
	                                         width + 2; m++)
		L[m].c[0].col = cols->start[c];
	return m > k ? m : j;
}

/* Is line l in capitals: three letters at least, none lower-case (a
 * title, "BENDRUOMENINIŲ ORGANIZACIJŲ TARYBOS 2019 METŲ")? */
static int capitals_line(const char *d, const pline *l)
{
	size_t i = l->s;
	int letters = 0;

	if (l->n == 0)
		return 0;
	while (i < l->e) {
		uint32_t cp;
		size_t k = utf8_decode(&cp, d + i, l->e - i);
		if (!k)
			k = 1;
		if (cp != 0xFFFD && utf8_upper(cp) != cp)
			return 0;
		letters += cp != 0xFFFD && utf8_lower(cp) != cp;
		i += k;
	}
	return letters >= 3;
}

/* Records where the page that line l starts begins in out. */
static int page_mark(const pline *l, dbuf *out, size_t **pages, size_t *n_pages)
{
	if (!l->page)
		return COUNCIL_OK;
	if ((*n_pages & (*n_pages - 1)) == 0) {
		size_t *p = realloc(*pages, (*n_pages ? *n_pages * 2 : 1) * sizeof *p);
		if (!p)
			return COUNCIL_ENOMEM;
		*pages = p;
	}
	(*pages)[(*n_pages)++] = out->len;
	return COUNCIL_OK;
}

/* Are lines a and b the same but for their numbers ("Puslapis 1 iš 2",
 * "Puslapis 2 iš 2") and spacing? */
static int same_but_numbers(const char *d, const pline *a, const pline *b)
{
	size_t i = a->s, j = b->s;

	for (;;) {
		while (i < a->e && d[i] == ' ')
			i++;
		while (j < b->e && d[j] == ' ')
			j++;
		if (i >= a->e || j >= b->e)
			return i >= a->e && j >= b->e;
		if (d[i] >= '0' && d[i] <= '9' && d[j] >= '0' && d[j] <= '9') {
			while (i < a->e && d[i] >= '0' && d[i] <= '9')
				i++;
			while (j < b->e && d[j] >= '0' && d[j] <= '9')
				j++;
			continue;
		}
		if (d[i] != d[j])
			return 0;
		i++, j++;
	}
}

/* A page's running header and footer: its first (last) line, when every
 * page of two or more starts (ends) with the same line but for its
 * numbers -- the municipality's name over each page, "Puslapis 2 iš 3"
 * under it.  They are no part of the text and would split a table
 * going on over the page break: they become blank lines.  Two lines
 * deep at each end; a line of one chunk (a table's heading repeated on
 * every page is not the page's: drop_repeated_header). */
static void drop_running_lines(const char *d, pline *L, size_t n)
{
	size_t first[512], last[512], pages = 0, i, p;
	int end, depth;

	for (i = 0; i < n; i++)
		if (L[i].page || i == 0) {
			if (pages == 512)
				return;
			first[pages++] = i;
		}
	if (pages < 2)
		return;
	for (p = 0; p < pages; p++)
		last[p] = p + 1 < pages ? first[p + 1] : n;
	for (depth = 0; depth < 2; depth++)
		for (end = 0; end < 2; end++) {
			size_t at[512];
			for (p = 0; p < pages; p++) {
				size_t k;
				if (!end) {
					for (k = first[p]; k < last[p] && L[k].n == 0; k++)
						;
					if (k >= last[p])
						return;
				} else {
					for (k = last[p]; k > first[p] && L[k - 1].n == 0; k--)
						;
					if (k == first[p])
						return;
					k--;
				}
				at[p] = k;
				if (L[k].n != 1 || (p && !same_but_numbers(d, &L[at[0]], &L[k])))
					break;
			}
			if (p < pages)
				continue;
			for (p = 0; p < pages; p++)
				L[at[p]].n = 0;
		}
}

/* pdftotext sets each page's columns apart: a table going on over a
 * page break has its columns a few characters to the left or right on
 * the next page, and as one table it would have a column too many.  The
 * columns of each page's part of the table [a, b) are found on their
 * own; when a part has as many as the first part has, its chunks are
 * moved to the first part's columns. */
static void align_pages(const char *d, pline *L, size_t a, size_t b)
{
	columns first, part;
	size_t s = a, e, k;
	int q, c;

	(void)d;
	for (e = a + 1; e < b && !L[e].page; e++)
		;
	if (e >= b)
		return; /* on one page */
	find_columns(L, a, e, &first);
	while (e < b) {
		s = e;
		for (e = s + 1; e < b && !L[e].page; e++)
			;
		find_columns(L, s, e, &part);
		if (part.n != first.n || first.n < 2)
			continue;
		for (k = s; k < e; k++)
			for (q = 0; q < L[k].n; q++) {
				c = column_of(&part, L[k].c[q].col);
				L[k].c[q].col += first.start[c] - part.start[c];
				if (L[k].c[q].col < 0)
					L[k].c[q].col = 0;
			}
	}
}

/* A table's heading repeated at the top of each page it goes on over:
 * the lines after a page break that are its first lines again (but for
 * spacing) are not rows -- they would take the last row's lines that
 * go on under them.  They become blank lines.  The table is [a, b). */
static void drop_repeated_header(const char *d, pline *L, size_t a, size_t b)
{
	size_t k, q;

	if (is_number_cell(d, &L[a].c[0]))
		return; /* no heading: the table starts with its rows */
	for (k = a + 1; k < b; k++) {
		if (!L[k].page)
			continue;
		while (k < b && L[k].n == 0)
			k++;
		for (q = 0; k + q < b && a + q < k && L[a + q].n && L[k + q].n &&
		            same_but_numbers(d, &L[a + q], &L[k + q]); q++)
			;
		/* the heading's lines: up to the table's first row */
		while (q-- > 0)
			L[k + q].n = 0;
	}
}

/* The lines of the -layout text d[0,e), each cut into its chunks, with
 * where pages start: *lines (heap) and *n. */
static int page_lines(const char *d, size_t e, pline **lines, size_t *n)
{
	pline *L;
	size_t cap = 64, i, k;
	int page = 1;

	*n = 0;
	if (!(L = malloc(cap * sizeof *L)))
		return COUNCIL_ENOMEM;
	for (i = 0; i < e;) {
		k = i;
		while (k < e && d[k] != '\n' && d[k] != '\f')
			k++;
		if (*n == cap) {
			pline *p = realloc(L, cap * 2 * sizeof *L);
			if (!p) {
				free(L);
				return COUNCIL_ENOMEM;
			}
			L = p;
			cap *= 2;
		}
		L[*n].s = i;
		L[*n].e = k;
		L[*n].page = page;
		split_chunks(d, &L[*n]);
		L[*n].bullet = 0;
		take_bullet(d, &L[*n]);
		page = k < e && d[k] == '\f';
		/* a page ends with a form feed, which ends its last line too:
		 * the next page's first line starts after it */
		(*n)++;
		i = k + 1;
	}
	*lines = L;
	return COUNCIL_OK;
}

/* How prose line i (written to out) joins the next: one title in
 * capitals over two lines, a paragraph ended by a title, a short line or
 * a blank; a word or a date broken at a hyphen; else a space.  Returns
 * whether a paragraph ended (a blank run started). */
static int join_prose(const char *d, const pline *L, size_t i, size_t n, int width, dbuf *out)
{
	if (capitals_line(d, &L[i]) && i + 1 < n && L[i].n == 1 && L[i + 1].n == 1 &&
	    !L[i + 1].page && capitals_line(d, &L[i + 1])) {
		/* a title in capitals over two lines: one */
		dbuf_addc(out, ' ');
	} else if (capitals_line(d, &L[i]) && i + 1 < n && L[i + 1].n) {
		/* a title ends its paragraph: the line under it (its date and
		 * number) is one of its own */
		dbuf_add(out, "\n\n", 2);
		return 1;
	} else if (!wrapped(d, L, i, n, width)) {
		dbuf_addc(out, '\n');
		/* a line ending short of the margin ends its paragraph (but for
		 * a list's items) */
		if (i + 1 < n && L[i + 1].n == 1 && !item_line(d, &L[i]) && !item_line(d, &L[i + 1])) {
			dbuf_addc(out, '\n');
			return 1;
		}
	} else if (out->len >= 2 && out->s[out->len - 1] == '-' &&
	           lower_letter_before(out->s, out->len - 1) &&
	           lower_letter(d + L[i + 1].c[0].s, L[i + 1].c[0].e - L[i + 1].c[0].s)) {
		out->len--; /* "bendruo-" "menių": one word */
	} else if (digit_hyphen(out->s, out->len, d + L[i + 1].c[0].s,
	                        L[i + 1].c[0].e - L[i + 1].c[0].s)) {
		/* "2024-" "02-08": one date */
	} else {
		dbuf_addc(out, ' ');
	}
	return 0;
}

/* The whole -layout text into out, its pages one after another: a table
 * goes on over a page break (a heading row left at the foot of a page,
 * rows on the next), which reads like a blank line.  pages: where each
 * page starts in out (a page starting inside a table: where the table
 * does). */
static int read_lines(const char *d, size_t e, dbuf *out, size_t **pages, size_t *n_pages)
{
	pline *L;
	size_t n, i, j, k;
	int blank_run = 0, width = 0;

	if (page_lines(d, e, &L, &n) != COUNCIL_OK)
		return COUNCIL_ENOMEM;
	drop_running_lines(d, L, n);
	/* the right margin: where the page's widest line of one chunk ends */
	for (i = 0; i < n; i++)
		if (L[i].n == 1 && line_end(d, &L[i]) > width)
			width = line_end(d, &L[i]);
	for (i = 0; i < n;) {
		/* a table: two lines at least of several chunks, in a run */
		if (L[i].n >= 2) {
			size_t multi = 0;
			columns cols;
			int first_end;
			j = i;
			first_end = L[i].c[1].col;
			for (;;) {
				if (j < n && table_line(L, j, n, first_end)) {
					multi += L[j].n >= 2;
					j++;
					continue;
				}
				/* over blank lines (and page breaks) to more rows */
				k = j;
				while (k < n && L[k].n == 0)
					k++;
				if (k < n && section_line(d, L, k, n)) {
					j = k + 1;
					continue;
				}
				if (k == j || k >= n || L[k].n < 2)
					break;
				j = k;
			}
			if (multi >= 2) {
				align_pages(d, L, i, j);
				drop_repeated_header(d, L, i, j);
				find_columns(L, i, j, &cols);
				if (cols.n >= 2)
					j = page_overflow(d, L, j, n, &cols);
				if (cols.n >= 2) {
					for (k = i; k < j; k++)
						if (page_mark(&L[k], out, pages, n_pages) != COUNCIL_OK)
							out->oom = 1;
					render_table(d, L, i, j, &cols, out);
					blank_run = 1;
					i = j;
					continue;
				}
			}
		}
		if (page_mark(&L[i], out, pages, n_pages) != COUNCIL_OK)
			out->oom = 1;
		if (L[i].n == 0) {
			if (!blank_run && out->len)
				dbuf_addc(out, '\n');
			blank_run = 1;
		} else {
			prose_line(d, &L[i], out);
			blank_run = join_prose(d, L, i, n, width, out);
		}
		i++;
	}
	free(L);
	return out->oom ? COUNCIL_ENOMEM : COUNCIL_OK;
}

/* A page's text has letters or digits. */
static int has_text(const char *d, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (d[i] != ' ' && d[i] != '\n' && d[i] != '\f' && d[i] != '\r' && d[i] != '\t')
			return 1;
	return 0;
}

static int mentions(const char *d, size_t len, const char *w)
{
	size_t n = strlen(w), i;

	for (i = 0; i + n <= len; i++)
		if (d[i] == w[0] && memcmp(d + i, w, n) == 0)
			return 1;
	return 0;
}

int doc_pdf_read(doc_result *r, const char *data, size_t len)
{
	/* Not -q: its messages on standard error are how an encrypted PDF
	 * ("Incorrect password") is told from a damaged one. */
	static const char *const argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", "-", "-",
		                             NULL };
	char *text = NULL, err[512];
	size_t text_len = 0;
	int status, rc;

	r->format = "pdf";
	rc = doc_run(r, &status, &text, &text_len, err, sizeof err, argv, data, len,
	             DOC_PROGRAM_OUTPUT);
	if (rc == COUNCIL_ENOTFOUND)
		return doc_fail(r, COUNCIL_EIO, "a PDF: reading it needs pdftotext, which is not "
		                "installed (install poppler-utils: apt-get install poppler-utils)");
	if (rc != COUNCIL_OK)
		return rc;
	if (status != 0) {
		int pw = mentions(err, strlen(err), "assword");
		char *nl = strchr(err, '\n');
		free(text);
		if (pw)
			return doc_fail(r, COUNCIL_EPARSE, "an encrypted PDF: it needs a password to "
			                "open; save it without one");
		if (nl)
			*nl = '\0';
		return doc_fail(r, COUNCIL_EPARSE, "a damaged PDF (pdftotext: %s)",
		                err[0] ? err : "cannot read it");
	}
	if (!has_text(text, text_len)) {
		free(text);
		if (mentions(data, len, "/Image") || mentions(data, len, "/DCTDecode") ||
		    mentions(data, len, "/CCITTFax") || mentions(data, len, "/JBIG2"))
			return doc_fail(r, COUNCIL_EPARSE, "a scanned PDF without a text layer (OCR is "
			                "not supported)");
		return doc_fail(r, COUNCIL_EPARSE, "a PDF without any text");
	}
	if (!utf8_valid(text, text_len) || memchr(text, '\0', text_len)) {
		free(text);
		return doc_fail(r, COUNCIL_EPARSE, "a PDF whose text pdftotext did not give as UTF-8");
	}
	rc = doc_pdf_layout(r, text, text_len);
	free(text);
	return rc;
}

int doc_pdf_layout(doc_result *r, const char *text, size_t text_len)
{
	size_t *pages = NULL, n_pages = 0;
	dbuf out = { NULL, 0, 0, 0 };
	int rc;

	rc = read_lines(text, text_len, &out, &pages, &n_pages);
	if (rc == COUNCIL_OK && out.oom)
		rc = COUNCIL_ENOMEM;
	if (rc == COUNCIL_OK && out.len > COUNCIL_IMPORT_MAX_BYTES)
		rc = doc_fail(r, COUNCIL_EINVAL, "its text is larger than a report may be (%u bytes)",
		              COUNCIL_IMPORT_MAX_BYTES);
	if (rc == COUNCIL_OK && !out.s && !(out.s = calloc(1, 1)))
		rc = COUNCIL_ENOMEM;
	if (rc != COUNCIL_OK) {
		free(pages);
		dbuf_free(&out);
		return rc == COUNCIL_ENOMEM ? doc_fail(r, rc, "out of memory") : rc;
	}
	r->text = out.s;
	r->len = out.len;
	r->pages = pages;
	r->n_pages = n_pages;
	return COUNCIL_OK;
}

/* The cells of an antiword table line "|a   |b   |" into cells[] (trimmed
 * [start, end) pairs); how many, or 0 when the line is not one. */
static int pipe_cells(const char *d, size_t s, size_t e, size_t cells[][2], int max)
{
	int n = 0;
	size_t i;

	if (e - s < 2 || d[s] != '|' || d[e - 1] != '|')
		return 0;
	for (i = s + 1; i < e && n < max;) {
		size_t a = i, b;
		while (i < e && d[i] != '|')
			i++;
		b = i;
		while (a < b && d[a] == ' ')
			a++;
		while (b > a && d[b - 1] == ' ')
			b--;
		cells[n][0] = a;
		cells[n][1] = b;
		n++;
		i++;
	}
	return n;
}

/* antiword writes a table as "|cell |cell |" lines, a cell's text wrapped
 * onto further lines whose first cell is empty: those are joined into the
 * row above, and the rows written in the form tables take everywhere
 * else (document.h). */
static int antiword_tables(doc_result *r, const char *d, size_t len)
{
	doc_writer *w = dw_new();
	dbuf cells[MAX_COLS];
	size_t i = 0, c[MAX_COLS][2];
	int n_cols = 0, k, in_table = 0, rc;

	if (!w)
		return doc_fail(r, COUNCIL_ENOMEM, "out of memory");
	memset(cells, 0, sizeof cells);
	while (i <= len) {
		size_t e = i;
		int n;
		while (e < len && d[e] != '\n')
			e++;
		n = i < len ? pipe_cells(d, i, e, c, MAX_COLS) : 0;
		if (in_table && (!n || (c[0][1] > c[0][0]))) {
			/* the row so far is complete */
			dw_row_begin(w);
			for (k = 0; k < n_cols; k++) {
				dw_cell_begin(w, 1, 1);
				dw_text(w, cells[k].s ? cells[k].s : "", cells[k].len);
				dw_cell_end(w);
				cells[k].len = 0;
			}
			dw_row_end(w);
			if (!n) {
				dw_table_end(w);
				in_table = 0;
			}
		}
		if (n) {
			if (!in_table)
				dw_table_begin(w);
			in_table = 1;
			n_cols = n;
			for (k = 0; k < n; k++)
				cell_add(&cells[k], d + c[k][0], c[k][1] - c[k][0], 0);
		} else if (i < len) {
			/* prose: antiword puts one paragraph on a line */
			dw_para_begin(w, NULL, 0);
			dw_text(w, d + i, e - i);
			dw_para_end(w);
		}
		i = e + 1;
	}
	dw_table_end(w);
	for (k = 0; k < MAX_COLS; k++)
		dbuf_free(&cells[k]);
	rc = dw_finish(w, &r->text, &r->len);
	dw_free(w);
	if (rc == COUNCIL_EINVAL)
		return doc_fail(r, rc, "its text is larger than a report may be (%u bytes)",
		                COUNCIL_IMPORT_MAX_BYTES);
	return rc == COUNCIL_OK ? rc : doc_fail(r, rc, "out of memory");
}

int doc_word97_read(doc_result *r, const char *data, size_t len)
{
	/* -w 0: a paragraph on one line; -m UTF-8.txt: UTF-8 output.
	 * antiword wants a file it can seek: its standard input is one. */
	static const char *const argv[] = { "antiword", "-w", "0", "-m", "UTF-8.txt", "/dev/stdin",
		                             NULL };
	char *text = NULL, err[512];
	size_t text_len = 0;
	int status, rc;

	r->format = "doc";
	rc = doc_run(r, &status, &text, &text_len, err, sizeof err, argv, data, len,
	             DOC_PROGRAM_OUTPUT);
	if (rc == COUNCIL_ENOTFOUND)
		return doc_fail(r, COUNCIL_EPARSE, "a Word 97-2003 .doc file: install antiword, or "
		                "save it as .docx");
	if (rc != COUNCIL_OK)
		return rc;
	if (status != 0 || !utf8_valid(text, text_len) || memchr(text, '\0', text_len)) {
		char *nl = strchr(err, '\n');
		free(text);
		if (nl)
			*nl = '\0';
		return doc_fail(r, COUNCIL_EPARSE, "a Word 97-2003 .doc file antiword cannot read "
		                "(%s): save it as .docx", err[0] ? err : "no text");
	}
	if (text_len > COUNCIL_IMPORT_MAX_BYTES) {
		free(text);
		return doc_fail(r, COUNCIL_EINVAL, "its text is larger than a report may be (%u bytes)",
		                COUNCIL_IMPORT_MAX_BYTES);
	}
	rc = antiword_tables(r, text, text_len);
	free(text);
	return rc;
}
