/* SPDX-License-Identifier: MIT */
/*
 * document.h -- the stage before normalise: from a file's bytes, in any
 * format the importer reads, to the UTF-8 text the later stages read.
 * The format is found from the content (magic bytes, the parts inside a
 * ZIP), never from the file's name.  A document's structure is written in
 * the text forms segment.c already knows (doc/formats.md):
 *
 *   paragraphs, headings   separated by a blank line
 *   list items             "- text" / "1. text", two spaces per nesting level
 *   tables                 the "docx dump" form: one cell per line, the
 *                          cell's first paragraph after a tab, its further
 *                          paragraphs on the lines below without one, a
 *                          merged (covered) cell a line holding only a tab,
 *                          rows split by a blank line
 *
 * The readers of each format live in doc_docx.c and doc_odt.c (over the ZIP
 * and XML helpers of doc_zip.c), doc_html.c,
 * doc_pdf.c (pdftotext), doc_encoding.c (text encodings) and doc_spawn.c
 * (running a converter program under limits); document.c detects and
 * dispatches, and holds the writer every structured reader renders through.
 */
#ifndef COUNCIL_DOCUMENT_H
#define COUNCIL_DOCUMENT_H

#include <stddef.h>
#include "council.h"

/* ---- limits (doc/formats.md) ---------------------------------------------- */

/* A container file itself (.docx, .odt, .pdf with its pictures) may be
 * larger than the text it holds: up to 64 MiB.  Its extracted text is
 * still held to COUNCIL_IMPORT_MAX_BYTES. */
#define DOC_MAX_FILE (64u << 20)
/* One ZIP entry read: at most 64 MiB uncompressed, and at most 100 times
 * its compressed size (XML compresses 5-20 times; a zip bomb thousands). */
#define DOC_MAX_ENTRY (64u << 20)
#define DOC_MAX_RATIO 100u
/* Element nesting in XML and HTML; Word's deepest real documents (tables
 * in tables in text boxes) stay under 40. */
#define DOC_MAX_DEPTH 256
/* A converter program (pdftotext, antiword): seconds it may run, and bytes
 * of output it may write (layout text is wider than the report's text). */
#define DOC_PROGRAM_SECONDS 30
#define DOC_PROGRAM_OUTPUT (4u * COUNCIL_IMPORT_MAX_BYTES)

/* ---- the result -------------------------------------------------------------- */

typedef struct doc_result {
	char *text;            /* owned UTF-8, NUL-terminated */
	size_t len;
	const char *format;    /* static: "docx", "odt", "html", "pdf", "doc", "markdown", "text" */
	const char *encoding;  /* static: the original's encoding for text formats, else NULL */
	int passthrough;       /* text is the original bytes unchanged (UTF-8 text) */
	size_t *pages;         /* PDF: text offset where page i + 1 starts (owned) */
	size_t n_pages;
	int line;              /* a refused text: the line of the bad byte; else 0 */
	char why[512];         /* a refusal: what was found and why it is not read */
} doc_result;

/* Reads data (len bytes) into r.  COUNCIL_OK; COUNCIL_EPARSE (not a
 * document or text the importer reads, or damaged), COUNCIL_EINVAL (too
 * large), COUNCIL_EIO (a converter could not run), COUNCIL_ENOMEM, with
 * r->why set.  Free r with doc_result_free whatever the outcome. */
int doc_read(doc_result *r, const char *data, size_t len);
void doc_result_free(doc_result *r);

/* Sets r->why (printf-style) and returns code. */
int doc_fail(doc_result *r, int code, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;

/* ---- per format (each fills r->text or fails through doc_fail) ---------- */

int doc_zip_read(doc_result *r, const char *data, size_t len);        /* doc_zip.c */
int doc_html_read(doc_result *r, const char *utf8, size_t len);       /* doc_html.c */
int doc_pdf_read(doc_result *r, const char *data, size_t len);        /* doc_pdf.c */
int doc_word97_read(doc_result *r, const char *data, size_t len);     /* doc_pdf.c */
/* pdftotext -layout output (pages ended by form feeds, valid UTF-8) into
 * r's text and page starts: the part of doc_pdf_read after the program. */
int doc_pdf_layout(doc_result *r, const char *text, size_t len);

/* doc_encoding.c: decodes text in UTF-8 (with or without a BOM), UTF-16
 * (with a BOM, or without one when every other byte is NUL) or a Baltic
 * 8-bit code page into *out (owned, NUL-terminated).  *encoding names what
 * was found.  COUNCIL_EPARSE with r->why and r->line when it is none of
 * them (binary data, or 8-bit text that is not Lithuanian). */
int doc_decode_text(doc_result *r, char **out, size_t *out_len, const char **encoding,
                    const char *data, size_t len);
/* The encoding HTML bytes declare ("<meta charset=...>"), lower-cased into
 * buf; 0 when none is declared. */
int doc_html_charset(char *buf, size_t size, const char *data, size_t len);
/* Converts data from the iconv encoding name from to UTF-8 (owned). */
int doc_iconv(char **out, size_t *out_len, const char *from, const char *data, size_t len);

/* doc_spawn.c: runs argv[0] (looked up in PATH, no shell) with input on its
 * standard input, collecting its standard output (at most max_out bytes)
 * and the start of its standard error, killed after DOC_PROGRAM_SECONDS.
 * Returns COUNCIL_OK with *status the exit status (or 128 + signal), or
 * COUNCIL_ENOTFOUND when the program is not installed, COUNCIL_EIO
 * (cannot run, timed out, too much output: r->why says which). */
int doc_run(doc_result *r, int *status, char **out, size_t *out_len, char *err, size_t err_size,
            const char *const argv[], const char *input, size_t input_len, size_t max_out);

/* ---- a growing string ------------------------------------------------------ */

typedef struct dbuf {
	char *s;
	size_t len, cap;
	int oom;               /* an allocation failed: the contents are incomplete */
} dbuf;

void dbuf_add(dbuf *b, const char *s, size_t n);
void dbuf_adds(dbuf *b, const char *s);
void dbuf_addc(dbuf *b, char c);
void dbuf_free(dbuf *b);

/* ---- the structure writer ---------------------------------------------------- */

/* Readers call these in document order; the writer renders the forms at
 * the top of this file.  Text inside a table cell goes to the cell; a table
 * inside a cell is flattened into it (its cells' paragraphs in order). */
typedef struct doc_writer doc_writer;

doc_writer *dw_new(void);
/* Frees w and returns its text (owned; NULL on OOM) in *out. */
int dw_finish(doc_writer *w, char **out, size_t *len);
void dw_free(doc_writer *w);

/* A paragraph; marker is NULL, or a list item's marker ("-", "1.", "a)")
 * with its nesting level (0 = top). */
void dw_para_begin(doc_writer *w, const char *marker, int level);
void dw_text(doc_writer *w, const char *s, size_t n);   /* UTF-8 */
void dw_break(doc_writer *w);                            /* a line break */
void dw_para_end(doc_writer *w);
void dw_page_break(doc_writer *w);   /* PDF: records the page's start */

void dw_table_begin(doc_writer *w);
void dw_row_begin(doc_writer *w);
/* colspan extra empty cells follow the cell; rowspan > 1 covers the same
 * columns of the next rows (HTML; docx and odt write their covered cells). */
void dw_cell_begin(doc_writer *w, int colspan, int rowspan);
void dw_cell_end(doc_writer *w);
void dw_row_end(doc_writer *w);
void dw_table_end(doc_writer *w);
/* Nonzero once the writer ran out of memory or the text outgrew the
 * report limit: readers may stop early. */
int dw_full(const doc_writer *w);
size_t *dw_take_pages(doc_writer *w, size_t *n);

#endif /* COUNCIL_DOCUMENT_H */
