/* SPDX-License-Identifier: MIT */
/*
 * document.c -- what a file is, found from its bytes, and the writer that
 * renders a document's paragraphs, lists and tables in the text forms the
 * segmenter reads (document.h).  The readers of each format are in
 * doc_*.c; the public council_document_read and
 * council_import_parse_document are at the end.
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "document.h"
#include "report.h"
#include "utf8.h"

/* ---- dbuf -------------------------------------------------------------------- */

void dbuf_add(dbuf *b, const char *s, size_t n)
{
	if (b->oom || n == 0)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		char *p;
		while (cap < b->len + n + 1)
			cap *= 2;
		if (!(p = realloc(b->s, cap))) {
			b->oom = 1;
			return;
		}
		b->s = p;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void dbuf_adds(dbuf *b, const char *s)
{
	dbuf_add(b, s, strlen(s));
}

void dbuf_addc(dbuf *b, char c)
{
	dbuf_add(b, &c, 1);
}

void dbuf_free(dbuf *b)
{
	free(b->s);
	memset(b, 0, sizeof *b);
}

int doc_fail(doc_result *r, int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(r->why, sizeof r->why, fmt, ap);
	va_end(ap);
	return code;
}

/* ---- the writer ----------------------------------------------------------------- */

/* Columns whose rowspan (HTML) reaches into later rows are tracked up to
 * this many; segment.c reads twelve. */
#define DW_COLS 64

struct doc_writer {
	dbuf out;
	dbuf para;             /* the paragraph being written */
	int para_open;
	char marker[32];
	int level;
	int last_item;         /* the last thing written was a list item */
	/* tables */
	int table;             /* the outermost table is open */
	int nested;            /* tables open inside its cell */
	int in_cell;
	dbuf cell;             /* the open cell's paragraphs, one a line */
	dbuf row;              /* the open row, rendered */
	int row_cells;         /* cells written to the row */
	int row_text;          /* the row holds text */
	int col;               /* the next column of the row */
	int colspan;           /* of the open cell */
	int rowspan_left[DW_COLS];
	int max_cols;
	dbuf tab;              /* the open table's rows, rendered */
	char *first_row;       /* the table's first row as rendered */
	size_t *pages;
	size_t n_pages, cap_pages;
	int full;
};

doc_writer *dw_new(void)
{
	return calloc(1, sizeof(doc_writer));
}

void dw_free(doc_writer *w)
{
	if (!w)
		return;
	dbuf_free(&w->out);
	dbuf_free(&w->para);
	dbuf_free(&w->cell);
	dbuf_free(&w->row);
	dbuf_free(&w->tab);
	free(w->first_row);
	free(w->pages);
	free(w);
}

int dw_full(const doc_writer *w)
{
	return w->full || w->out.oom || w->tab.oom;
}

/* The output ends with n line breaks (or is empty). */
static void ensure_breaks(dbuf *b, int n)
{
	int have = 0;

	if (b->len == 0)
		return;
	while (have < n && (size_t)have < b->len && b->s[b->len - 1 - have] == '\n')
		have++;
	for (; have < n; have++)
		dbuf_addc(b, '\n');
}

static void out_add(doc_writer *w, dbuf *to, const char *s, size_t n)
{
	if (w->full)
		return;
	dbuf_add(to, s, n);
	/* Past the report limit the rest is never read: stop growing, and
	 * let the caller refuse the document by its size. */
	if (w->out.len + w->tab.len > COUNCIL_IMPORT_MAX_BYTES)
		w->full = 1;
}

void dw_para_begin(doc_writer *w, const char *marker, int level)
{
	if (w->para_open)
		dw_para_end(w);
	w->para_open = 1;
	w->para.len = 0;
	snprintf(w->marker, sizeof w->marker, "%s", marker ? marker : "");
	w->level = level < 0 ? 0 : level > 8 ? 8 : level;
}

void dw_text(doc_writer *w, const char *s, size_t n)
{
	if (!w->para_open)
		dw_para_begin(w, NULL, 0);
	if (w->para.len + n > COUNCIL_IMPORT_MAX_BYTES) {
		w->full = 1;
		return;
	}
	dbuf_add(&w->para, s, n);
}

void dw_break(doc_writer *w)
{
	dw_text(w, "\n", 1);
}

/* The paragraph's lines, each without the blanks around it and without
 * its tabs when in a table (a tab at a line start makes a new cell),
 * empty lines dropped, into to; separated by sep. */
static void clean_lines(doc_writer *w, dbuf *to, const char *s, size_t n, int in_table,
                        const char *sep)
{
	size_t i = 0, written = 0;

	while (i < n) {
		size_t e = i, a, b;
		while (e < n && s[e] != '\n')
			e++;
		a = i;
		b = e;
		while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\r'))
			a++;
		while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\r'))
			b--;
		if (b > a) {
			size_t k;
			if (written++)
				out_add(w, to, sep, strlen(sep));
			for (k = a; k < b; k++) {
				char c = s[k];
				if (c == '\t' && in_table)
					c = ' ';
				/* runs of blanks become one: layout and markup spacing */
				if (c == ' ' && k > a && (s[k - 1] == ' ' || (s[k - 1] == '\t' && in_table)))
					continue;
				out_add(w, to, &c, 1);
			}
		}
		i = e + 1;
	}
}

void dw_para_end(doc_writer *w)
{
	size_t i;
	int empty = 1;

	if (!w->para_open)
		return;
	w->para_open = 0;
	for (i = 0; i < w->para.len && empty; i++)
		empty = w->para.s[i] == ' ' || w->para.s[i] == '\t' || w->para.s[i] == '\n' ||
		        w->para.s[i] == '\r';
	if (empty)
		return;
	if (w->table && w->in_cell) {
		/* another paragraph of the cell: a line of its own */
		if (w->cell.len)
			out_add(w, &w->cell, "\n", 1);
		if (w->marker[0]) {
			out_add(w, &w->cell, w->marker, strlen(w->marker));
			out_add(w, &w->cell, " ", 1);
		}
		clean_lines(w, &w->cell, w->para.s, w->para.len, 1, "\n");
		return;
	}
	/* A paragraph written inside a table but outside its cells (an HTML
	 * caption, text a broken page left between rows) goes before it. */
	if (w->marker[0] && w->last_item)
		ensure_breaks(&w->out, 1);
	else
		ensure_breaks(&w->out, 2);
	if (w->marker[0]) {
		int k;
		for (k = 0; k < w->level; k++)
			out_add(w, &w->out, "  ", 2);
		out_add(w, &w->out, w->marker, strlen(w->marker));
		out_add(w, &w->out, " ", 1);
	}
	clean_lines(w, &w->out, w->para.s, w->para.len, 0, "\n");
	out_add(w, &w->out, "\n", 1);
	w->last_item = w->marker[0] != '\0';
}

void dw_page_break(doc_writer *w)
{
	if (w->para_open)
		dw_para_end(w);
	if (w->n_pages == w->cap_pages) {
		size_t cap = w->cap_pages ? w->cap_pages * 2 : 16;
		size_t *p = realloc(w->pages, cap * sizeof *p);
		if (!p) {
			w->out.oom = 1;
			return;
		}
		w->pages = p;
		w->cap_pages = cap;
	}
	w->pages[w->n_pages++] = w->out.len;
}

size_t *dw_take_pages(doc_writer *w, size_t *n)
{
	size_t *p = w->pages;

	*n = w->n_pages;
	w->pages = NULL;
	w->n_pages = w->cap_pages = 0;
	return p;
}

void dw_table_begin(doc_writer *w)
{
	if (w->table) {
		/* a table in a cell: its paragraphs join the cell */
		w->nested++;
		return;
	}
	if (w->para_open)
		dw_para_end(w);
	w->table = 1;
	w->in_cell = 0;
	w->tab.len = 0;
	w->max_cols = 0;
	memset(w->rowspan_left, 0, sizeof w->rowspan_left);
	free(w->first_row);
	w->first_row = NULL;
}

void dw_row_begin(doc_writer *w)
{
	if (!w->table || w->nested)
		return;
	if (w->in_cell)
		dw_cell_end(w);
	w->row.len = 0;
	w->row_cells = 0;
	w->row_text = 0;
	w->col = 0;
}

/* One cell of the row: a tab, the first line, the others below it. */
static void put_cell(doc_writer *w, const char *s, size_t n)
{
	out_add(w, &w->row, "\t", 1);
	if (n) {
		out_add(w, &w->row, s, n);
		w->row_text = 1;
	}
	out_add(w, &w->row, "\n", 1);
	w->row_cells++;
	w->col++;
	if (w->col > w->max_cols)
		w->max_cols = w->col < DW_COLS ? w->col : DW_COLS;
}

/* Empty cells for the columns a rowspan from above covers at the row's
 * current column. */
static void covered_cells(doc_writer *w)
{
	while (w->col < DW_COLS && w->rowspan_left[w->col] > 0) {
		w->rowspan_left[w->col]--;
		put_cell(w, "", 0);
	}
}

void dw_cell_begin(doc_writer *w, int colspan, int rowspan)
{
	int k;

	if (!w->table || w->nested)
		return;
	if (w->in_cell)
		dw_cell_end(w);
	if (w->para_open)
		dw_para_end(w);
	covered_cells(w);
	colspan = colspan < 1 ? 1 : colspan > DW_COLS ? DW_COLS : colspan;
	rowspan = rowspan < 1 ? 1 : rowspan > 10000 ? 10000 : rowspan;
	if (rowspan > 1)
		for (k = 0; k < colspan && w->col + k < DW_COLS; k++)
			w->rowspan_left[w->col + k] = rowspan - 1;
	w->in_cell = 1;
	w->colspan = colspan;
	w->cell.len = 0;
}

void dw_cell_end(doc_writer *w)
{
	int k;

	if (!w->table || w->nested || !w->in_cell)
		return;
	if (w->para_open)
		dw_para_end(w);
	w->in_cell = 0;
	put_cell(w, w->cell.s ? w->cell.s : "", w->cell.len);
	/* a merged cell: the columns it spans stay, empty */
	for (k = 1; k < w->colspan; k++)
		put_cell(w, "", 0);
}

void dw_row_end(doc_writer *w)
{
	if (!w->table || w->nested)
		return;
	if (w->in_cell)
		dw_cell_end(w);
	while (w->col < w->max_cols && w->col < DW_COLS) {
		if (w->rowspan_left[w->col] > 0)
			w->rowspan_left[w->col]--;
		put_cell(w, "", 0);
	}
	if (!w->row_text || w->row.oom)
		return;
	/* A heading row repeated on every page (Word's w:tblHeader, a PDF's
	 * repeated header line) is the table's first row again: not a row
	 * of its body. */
	if (w->first_row && strcmp(w->first_row, w->row.s) == 0)
		return;
	if (!w->first_row && !(w->first_row = strdup(w->row.s))) {
		w->out.oom = 1;
		return;
	}
	out_add(w, &w->tab, w->row.s, w->row.len);
	out_add(w, &w->tab, "\n", 1);
	w->row_cells = 0;
}

void dw_table_end(doc_writer *w)
{
	if (!w->table)
		return;
	if (w->nested) {
		w->nested--;
		return;
	}
	if (w->in_cell || w->row_cells)
		dw_row_end(w);
	w->table = 0;
	if (w->tab.len) {
		ensure_breaks(&w->out, 2);
		out_add(w, &w->out, w->tab.s, w->tab.len);
	}
	w->tab.len = 0;
	w->last_item = 0;
}

int dw_finish(doc_writer *w, char **out, size_t *len)
{
	int rc = COUNCIL_OK;

	*out = NULL;
	*len = 0;
	if (w->para_open)
		dw_para_end(w);
	while (w->table)
		dw_table_end(w);
	if (w->out.oom || w->tab.oom || w->para.oom || w->cell.oom || w->row.oom)
		rc = COUNCIL_ENOMEM;
	else if (w->full)
		rc = COUNCIL_EINVAL;
	else {
		if (!w->out.s)
			w->out.s = calloc(1, 1); /* an empty document: "" */
		if (!w->out.s)
			rc = COUNCIL_ENOMEM;
		else {
			*out = w->out.s;
			*len = w->out.len;
			w->out.s = NULL;
			w->out.len = w->out.cap = 0;
		}
	}
	return rc;
}

/* ---- what the bytes are -------------------------------------------------------- */

static int starts(const char *d, size_t len, size_t at, const char *magic, size_t n)
{
	return len >= at + n && memcmp(d + at, magic, n) == 0;
}

/* Does the text (UTF-8) start like an HTML document: a doctype, <html>,
 * <head>, <body>, or a block element, after a BOM, blanks and comments?
 * Text that only holds tags further on (a page pasted as text) stays text:
 * normalise.c reads its tags as it always has. */
static int html_document(const char *d, size_t len)
{
	static const char *const tags[] = { "!doctype html", "html", "head", "body", "meta",
		                             "title", "div", "p", "table", "h1", "h2", "section",
		                             "article", "main", "ul", "ol", NULL };
	size_t i = 0, k;

	if (starts(d, len, 0, "\xEF\xBB\xBF", 3))
		i = 3;
	for (;;) {
		while (i < len && (d[i] == ' ' || d[i] == '\t' || d[i] == '\n' || d[i] == '\r'))
			i++;
		if (starts(d, len, i, "<!--", 4)) {
			const char *e = NULL;
			size_t lim = len - i < 65536 ? len - i : 65536;
			for (k = i + 4; k + 3 <= i + lim; k++)
				if (memcmp(d + k, "-->", 3) == 0) {
					e = d + k;
					break;
				}
			if (!e)
				return 0;
			i = (size_t)(e - d) + 3;
			continue;
		}
		if (starts(d, len, i, "<?xml", 5)) {
			const char *e = memchr(d + i, '>', len - i);
			if (!e)
				return 0;
			i = (size_t)(e - d) + 1;
			continue;
		}
		break;
	}
	if (i >= len || d[i] != '<')
		return 0;
	i++;
	for (k = 0; tags[k]; k++) {
		size_t n = strlen(tags[k]), j;
		if (len - i <= n)
			continue;
		for (j = 0; j < n; j++)
			if ((d[i + j] | 0x20) != tags[k][j] && !(tags[k][j] == '!' && d[i + j] == '!'))
				break;
		if (j == n && (d[i + n] == '>' || d[i + n] == ' ' || d[i + n] == '\t' ||
		               d[i + n] == '\n' || d[i + n] == '\r' || d[i + n] == '/'))
			return 1;
	}
	return 0;
}

/* Markdown rather than plain text: a heading, a pipe table or emphasis at
 * a line start within the first lines.  Only the name shown differs. */
static int markdown(const char *d, size_t len)
{
	size_t i = 0, lines = 0;

	while (i < len && lines < 200) {
		if (starts(d, len, i, "# ", 2) || starts(d, len, i, "## ", 3) ||
		    starts(d, len, i, "| ", 2) || starts(d, len, i, "**", 2))
			return 1;
		while (i < len && d[i] != '\n')
			i++;
		i++;
		lines++;
	}
	return 0;
}

/* OLE2 (Word 97, Excel 97, an encrypted OOXML file): which, from the names
 * of its streams (UTF-16LE in the directory). */
static int has_utf16_name(const char *d, size_t len, const char *name)
{
	size_t n = strlen(name), i, k;

	for (i = 0; i + 2 * n <= len; i++) {
		for (k = 0; k < n; k++)
			if (d[i + 2 * k] != name[k] || d[i + 2 * k + 1] != '\0')
				break;
		if (k == n)
			return 1;
	}
	return 0;
}

static int ole2(doc_result *r, const char *data, size_t len)
{
	if (has_utf16_name(data, len, "EncryptedPackage"))
		return doc_fail(r, COUNCIL_EPARSE, "a password-protected (encrypted) Office document: "
		                "save it without a password");
	if (has_utf16_name(data, len, "WordDocument"))
		return doc_word97_read(r, data, len);
	if (has_utf16_name(data, len, "Workbook") || has_utf16_name(data, len, "Book"))
		return doc_fail(r, COUNCIL_EPARSE, "a spreadsheet (.xls), not a report");
	if (has_utf16_name(data, len, "PowerPoint Document"))
		return doc_fail(r, COUNCIL_EPARSE, "a presentation (.ppt), not a report");
	return doc_fail(r, COUNCIL_EPARSE, "an OLE2 compound file that is not a Word document");
}

/* Kinds of files refused on sight, by their magic bytes. */
static const struct {
	size_t at;
	const char *magic;
	size_t n;
	const char *what;
} refused[] = {
	{ 0, "\x89PNG\r\n\x1A\n", 8, "an image (PNG)" },
	{ 0, "\xFF\xD8\xFF", 3, "an image (JPEG)" },
	{ 0, "GIF87a", 6, "an image (GIF)" },
	{ 0, "GIF89a", 6, "an image (GIF)" },
	{ 0, "II*\0", 4, "an image (TIFF)" },
	{ 0, "MM\0*", 4, "an image (TIFF)" },
	{ 8, "WEBP", 4, "an image (WebP)" },
	{ 0, "{\\rtf", 5, "an RTF document: save it as .docx" },
	{ 0, "\x1F\x8B", 2, "a gzip archive" },
	{ 0, "7z\xBC\xAF\x27\x1C", 6, "a 7-Zip archive" },
	{ 0, "Rar!\x1A\x07", 6, "a RAR archive" },
	{ 0, "BZh", 3, "a bzip2 archive" },
	{ 0, "\xFD" "7zXZ\0", 6, "an xz archive" },
	{ 257, "ustar", 5, "a tar archive" },
	{ 0, "\x7F" "ELF", 4, "a program (ELF)" },
	{ 0, "MZ", 2, "a Windows program" },
	{ 0, "SQLite format 3", 16, "an SQLite database" },
	{ 4, "ftyp", 4, "a video or image (ISO media)" },
	{ 0, "OggS", 4, "an audio or video file (Ogg)" },
	{ 0, "ID3", 3, "an audio file (MP3)" },
};

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

/* libxml2 sets up its globals on first use; doing that on two import
 * threads at once is a race, so it is done once, here. */
static void xml_init(void)
{
	xmlInitParser();
}

int doc_read(doc_result *r, const char *data, size_t len)
{
	char *text = NULL;
	size_t text_len = 0, k;
	const char *enc = NULL;
	int rc;

	memset(r, 0, sizeof *r);
	pthread_once(&xml_once, xml_init);
	if (len > DOC_MAX_FILE)
		return doc_fail(r, COUNCIL_EINVAL, "%zu bytes: larger than a document may be (%u)", len,
		                DOC_MAX_FILE);
	if (starts(data, len, 0, "PK\x03\x04", 4) || starts(data, len, 0, "PK\x05\x06", 4))
		return doc_zip_read(r, data, len);
	/* A PDF's header may follow some junk, within its first kilobyte. */
	for (k = 0; k + 5 <= len && k < 1024; k++)
		if (data[k] == '%' && memcmp(data + k, "%PDF-", 5) == 0)
			return doc_pdf_read(r, data, len);
	if (starts(data, len, 0, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
		return ole2(r, data, len);
	for (k = 0; k < sizeof refused / sizeof refused[0]; k++)
		if (starts(data, len, refused[k].at, refused[k].magic, refused[k].n))
			return doc_fail(r, COUNCIL_EPARSE, "%s, not a document the importer reads",
			                refused[k].what);
	/* Text: a report is held to the report limit before it is decoded. */
	if (len > COUNCIL_IMPORT_MAX_BYTES)
		return doc_fail(r, COUNCIL_EINVAL, "%zu bytes: larger than a report may be (%u)", len,
		                COUNCIL_IMPORT_MAX_BYTES);
	{
		/* A page that is not UTF-8 says what it is in: its <meta charset>
		 * decides before any guess.  A declared UTF-8 that is not
		 * valid is left to the checks below. */
		char cs[40];
		if (html_document(data, len) && !utf8_valid(data, len) &&
		    doc_html_charset(cs, sizeof cs, data, len) && strcmp(cs, "utf-8") != 0 &&
		    doc_iconv(&text, &text_len, cs, data, len) == COUNCIL_OK &&
		    !memchr(text, '\0', text_len)) {
			r->encoding = "declared by the page";
			rc = doc_html_read(r, text, text_len);
			free(text);
			return rc;
		}
		free(text);
		text = NULL;
	}
	if ((rc = doc_decode_text(r, &text, &text_len, &enc, data, len)) != COUNCIL_OK)
		return rc;
	r->encoding = enc;
	if (html_document(text, text_len)) {
		rc = doc_html_read(r, text, text_len);
		free(text);
		return rc;
	}
	r->format = markdown(text, text_len) ? "markdown" : "text";
	r->text = text;
	r->len = text_len;
	r->passthrough = strcmp(enc, "UTF-8") == 0 || strcmp(enc, "UTF-8 with BOM") == 0;
	return COUNCIL_OK;
}

void doc_result_free(doc_result *r)
{
	free(r->text);
	free(r->pages);
	r->text = NULL;
	r->pages = NULL;
}

/* ---- the public API ------------------------------------------------------------- */

/* A reviewed extraction is a JSON object; a report never starts with '{'. */
static int json_object(const char *data, size_t len)
{
	size_t i = starts(data, len, 0, "\xEF\xBB\xBF", 3) ? 3 : 0;

	while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r'))
		i++;
	return i < len && data[i] == '{';
}

int council_document_read(council_document *doc, const char *data, size_t len)
{
	doc_result r;
	int rc;

	memset(doc, 0, sizeof *doc);
	if (!data)
		return COUNCIL_EMISUSE;
	rc = doc_read(&r, data, len);
	if (rc == COUNCIL_OK) {
		doc->text = r.text;
		doc->len = r.len;
		doc->format = r.format;
		doc->encoding = r.encoding;
		doc->pages = r.pages;
		doc->n_pages = r.n_pages;
		return COUNCIL_OK;
	}
	if (r.line > 0) {
		/* "line N: why", the why cut short rather than the line */
		int k = snprintf(doc->errmsg, sizeof doc->errmsg, "line %d: ", r.line);
		size_t room = sizeof doc->errmsg - (size_t)k;
		memcpy(doc->errmsg + k, r.why, strnlen(r.why, room - 1));
		doc->errmsg[k + (int)strnlen(r.why, room - 1)] = '\0';
	} else {
		memcpy(doc->errmsg, r.why, sizeof doc->errmsg);
		doc->errmsg[sizeof doc->errmsg - 1] = '\0';
	}
	doc_result_free(&r);
	return rc;
}

void council_document_free(council_document *doc)
{
	if (!doc)
		return;
	free(doc->text);
	free(doc->pages);
	memset(doc, 0, sizeof *doc);
}

int council_import_parse_document(council_extraction **out, const char *path, const char *data,
                                  size_t len)
{
	return x_parse_document(out, path, data, len, NULL);
}

int x_parse_document(council_extraction **out, const char *path, const char *data, size_t len,
                     const x_target *t)
{
	council_extraction *x;
	doc_result r;
	int rc;

	*out = NULL;
	if (data && json_object(data, len)) {
		rc = council_import_parse_json(out, path, data, len);
		return rc == COUNCIL_OK ? x_apply_target(*out, t) : rc;
	}
	if (!data || len == 0)
		return x_parse(out, path, data, len, t); /* its own messages */
	rc = doc_read(&r, data, len);
	if (rc == COUNCIL_OK) {
		/* UTF-8 text is read exactly as before this stage existed: its
		 * spans are offsets into the file's own bytes. */
		rc = r.passthrough ? x_parse(out, path, data, len, t)
		                   : x_parse(out, path, r.text, r.len, t);
		doc_result_free(&r);
		return rc;
	}
	doc_result_free(&r);
	if (!(x = x_new(path ? path : "")))
		return COUNCIL_ENOMEM;
	*out = x;
	return x_fail(x, rc, r.line, "%s", r.why);
}
