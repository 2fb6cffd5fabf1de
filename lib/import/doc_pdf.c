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
	chunk c[MAX_CHUNKS];
	int n;                 /* chunks; 0 for a blank line */
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

/* A first-column cell that numbers its row: "1", "12.", "3)". */
static int is_number_cell(const char *d, const chunk *c)
{
	size_t i = c->s;

	while (i < c->e && d[i] >= '0' && d[i] <= '9')
		i++;
	return i > c->s && i - c->s <= 4 && (i == c->e || (d[i] == '.' && i + 1 == c->e) ||
	                                     (d[i] == ')' && i + 1 == c->e));
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

/* Appends a fragment of a cell's text: a word hyphenated at the line end
 * ("bendruo-" + "menių") is joined, other lines with a space. */
static void cell_add(dbuf *cell, const char *s, size_t n)
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
		    cp_next != 0xFFFD)
			cell->len--; /* the hyphen goes; no space */
		else
			dbuf_addc(cell, ' ');
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

/* Renders lines [a, b) as a table through a writer appended to out. */
static void render_table(const char *d, const pline *L, size_t a, size_t b, const columns *cols,
                         dbuf *out)
{
	dbuf cells[MAX_COLS];
	doc_writer *w = dw_new();
	size_t j, numbered = 0, col0 = 0;
	int k;
	char *text = NULL;
	size_t len = 0;

	if (!w) {
		out->oom = 1;
		return;
	}
	memset(cells, 0, sizeof cells);
	/* A first column of numbers ("1.", "2.") marks where rows start. */
	for (j = a; j < b; j++)
		if (L[j].n && L[j].c[0].col <= cols->start[0] + 2 && cols->n > 1 &&
		    (L[j].n == 1 ? 1 : L[j].c[1].col + 1 >= cols->start[1])) {
			col0++;
			numbered += is_number_cell(d, &L[j].c[0]);
		}
	dw_table_begin(w);
	for (j = a; j <= b; j++) {
		int row_start = 0;
		if (j < b && L[j].n) {
			const chunk *c0 = &L[j].c[0];
			int in_first = column_of(cols, c0->col) == 0;
			if (numbered * 2 >= col0 && numbered >= 2)
				row_start = in_first && is_number_cell(d, c0);
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
		for (k = 0; k < L[j].n; k++) {
			int c = column_of(cols, L[j].c[k].col);
			cell_add(&cells[c], d + L[j].c[k].s, L[j].c[k].e - L[j].c[k].s);
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
 * as one blank. */
static void prose_line(const char *d, const pline *l, dbuf *out)
{
	int k;

	for (k = 0; k < l->n; k++) {
		if (k)
			dbuf_addc(out, ' ');
		dbuf_add(out, d + l->c[k].s, l->c[k].e - l->c[k].s);
	}
	dbuf_addc(out, '\n');
}

/* One page of -layout text into out. */
static int read_page(const char *d, size_t s, size_t e, dbuf *out)
{
	pline *L;
	size_t n = 0, cap = 64, i, j;
	int blank_run = 0;

	if (!(L = malloc(cap * sizeof *L)))
		return COUNCIL_ENOMEM;
	for (i = s; i < e;) {
		size_t k = i;
		while (k < e && d[k] != '\n')
			k++;
		if (n == cap) {
			pline *p = realloc(L, cap * 2 * sizeof *L);
			if (!p) {
				free(L);
				return COUNCIL_ENOMEM;
			}
			L = p;
			cap *= 2;
		}
		L[n].s = i;
		L[n].e = k;
		split_chunks(d, &L[n]);
		n++;
		i = k + 1;
	}
	for (i = 0; i < n;) {
		/* a table: two lines at least of several chunks, in a run */
		if (L[i].n >= 2) {
			size_t multi = 0;
			columns cols;
			int first_end;
			j = i;
			first_end = L[i].c[1].col;
			while (j < n && table_line(L, j, n, first_end)) {
				multi += L[j].n >= 2;
				j++;
			}
			if (multi >= 2) {
				find_columns(L, i, j, &cols);
				if (cols.n >= 2) {
					render_table(d, L, i, j, &cols, out);
					blank_run = 1;
					i = j;
					continue;
				}
			}
		}
		if (L[i].n == 0) {
			if (!blank_run && out->len)
				dbuf_addc(out, '\n');
			blank_run = 1;
		} else {
			prose_line(d, &L[i], out);
			blank_run = 0;
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
	size_t i, page_start = 0, *pages = NULL, n_pages = 0;
	dbuf out = { NULL, 0, 0, 0 };
	int rc = COUNCIL_OK;

	/* pdftotext ends every page with a form feed */
	for (i = 0; i <= text_len && rc == COUNCIL_OK; i++) {
		if (i < text_len && text[i] != '\f')
			continue;
		if (i == text_len && page_start == text_len)
			break;
		if ((n_pages & (n_pages - 1)) == 0 || n_pages == 0) {
			size_t *p = realloc(pages, (n_pages ? n_pages * 2 : 1) * sizeof *p);
			if (!p) {
				rc = COUNCIL_ENOMEM;
				break;
			}
			pages = p;
		}
		pages[n_pages++] = out.len;
		rc = read_page(text, page_start, i, &out);
		page_start = i + 1;
		if (out.len > COUNCIL_IMPORT_MAX_BYTES)
			rc = doc_fail(r, COUNCIL_EINVAL, "its text is larger than a report may be (%u "
			              "bytes)", COUNCIL_IMPORT_MAX_BYTES);
	}
	if (rc == COUNCIL_OK && out.oom)
		rc = COUNCIL_ENOMEM;
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
				cell_add(&cells[k], d + c[k][0], c[k][1] - c[k][0]);
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
