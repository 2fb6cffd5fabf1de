/* SPDX-License-Identifier: MIT */
/*
 * output.c -- every byte the tool prints on standard output goes through
 * here: rows of cells as an aligned table, RFC 4180 CSV, a JSON array or
 * NDJSON.  Commands push cells; nothing here knows what the rows mean.
 * Error messages are not here (context.c).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum vkind { V_NULL, V_NUM, V_STR, V_BOOL };

/* A growable byte string for the cells of flat formats. */
typedef struct sbuf {
	char *s;
	size_t len, cap;
} sbuf;

static void sb_addn(sbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		char *p;
		while (cap < b->len + n + 1)
			cap *= 2;
		p = realloc(b->s, cap);
		if (!p)
			exit(cli_error(CLI_EDB, "out of memory"));
		b->s = p;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void sb_add(sbuf *b, const char *s)
{
	sb_addn(b, s, strlen(s));
}

/* One held-back cell of the table format. */
typedef struct tcell {
	char *text;    /* NULL for null */
	int numeric;
} tcell;

struct out_writer {
	FILE *fp;
	out_format fmt;
	int vertical;
	const char *const *cols;
	size_t ncols;
	size_t col;          /* index of the next cell in the row */
	size_t rows;         /* rows finished */
	size_t name_width;   /* vertical table: widest column name */

	/* list cell state */
	int in_list;
	const char *const *lfields;
	size_t nlfields;
	size_t lfield;       /* next field of the current list record */
	size_t litems;       /* items finished in the current list */
	int lfirst_value;    /* flat: nothing written yet in this record */

	/* flat formats build a cell here before writing or storing it */
	sbuf cell;
	int cell_null;
	int cell_numeric;

	/* table format: every cell, row after row */
	tcell *cells;
	size_t ncells, capcells;
	size_t max_width;    /* table: terminal columns to fit, 0 = no limit */

	/* --columns: the columns shown, in their order (sel[i] indexes cols);
	 * without it every column in declared order */
	size_t *sel;
	size_t nsel;
	FILE *null_fp;       /* JSON: a column not shown is written here */
	FILE *real_fp;
	char **rowcells;     /* CSV with --columns: the row held until its end */
	int csv_header_done;
	size_t row_keys;     /* JSON: keys written in the current row */
	int discard;         /* out_select failed: out_end prints nothing */
};

static void csv_field(FILE *fp, const char *s, int null);

static int shown(const out_writer *w, size_t col)
{
	size_t i;

	if (!w->sel)
		return 1;
	for (i = 0; i < w->nsel; i++)
		if (w->sel[i] == col)
			return 1;
	return 0;
}

static size_t nshown(const out_writer *w)
{
	return w->sel ? w->nsel : w->ncols;
}

/* The declared index of the i-th column shown. */
static size_t shown_at(const out_writer *w, size_t i)
{
	return w->sel ? w->sel[i] : i;
}

void out_set_width(out_writer *w, size_t columns)
{
	if (w)
		w->max_width = columns;
}

const char *out_select(out_writer *w, const char *list)
{
	static char bad[160];
	const char *p = list;
	size_t i;

	w->sel = cli_alloc((strlen(list) + 1) * sizeof *w->sel);
	w->nsel = 0;
	while (*p) {
		size_t n = strcspn(p, ",");
		for (i = 0; i < w->ncols; i++)
			if (strlen(w->cols[i]) == n && strncmp(w->cols[i], p, n) == 0)
				break;
		if (i == w->ncols) {
			cli_near near;
			char word[64], hint[100];
			snprintf(word, sizeof word, "%.*s", (int)(n < 60 ? n : 60), p);
			cli_near_init(&near, word);
			for (i = 0; i < w->ncols; i++)
				cli_near_try(&near, w->cols[i]);
			snprintf(bad, sizeof bad, "\"%s\": no such column%s", word,
			         cli_did_you_mean(hint, sizeof hint, &near, ""));
			w->discard = 1;
			return bad;
		}
		w->sel[w->nsel++] = i;
		p += n;
		if (*p == ',')
			p++;
	}
	if (!w->nsel) {
		w->discard = 1;
		return "no columns given";
	}
	if (w->fmt == OUT_JSON || w->fmt == OUT_NDJSON) {
		if (!(w->null_fp = fopen("/dev/null", "w")))
			exit(cli_error(CLI_EDB, "/dev/null: %s", strerror(errno)));
		w->real_fp = w->fp;
	}
	if (w->fmt == OUT_CSV)
		w->rowcells = cli_alloc(w->ncols * sizeof *w->rowcells);
	return NULL;
}

static void csv_header(out_writer *w)
{
	size_t i;

	if (w->csv_header_done)
		return;
	w->csv_header_done = 1;
	for (i = 0; i < nshown(w); i++) {
		if (i)
			putc(',', w->fp);
		csv_field(w->fp, w->cols[shown_at(w, i)], 0);
	}
	putc('\n', w->fp);
}

/* JSON: a column not shown is written to /dev/null, so the code writing
 * cells and lists needs no second path. */
static void json_cell_begin(out_writer *w)
{
	if (w->null_fp)
		w->fp = shown(w, w->col) ? w->real_fp : w->null_fp;
}

static void json_cell_end(out_writer *w)
{
	if (w->null_fp)
		w->fp = w->real_fp;
}

int out_format_parse(const char *name)
{
	static const char *const names[] = { "table", "csv", "json", "ndjson", "markdown" };
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(name, names[i]) == 0)
			return (int)i;
	return -1;
}

const char *out_format_name(out_format f)
{
	switch (f) {
	case OUT_TABLE: return "table";
	case OUT_CSV: return "csv";
	case OUT_JSON: return "json";
	case OUT_NDJSON: return "ndjson";
	case OUT_MARKDOWN: return "markdown";
	}
	return "?";
}

/* ---- JSON text ------------------------------------------------------------ */

/* Length of the valid UTF-8 sequence at s (1..4), or 0 when the bytes there
 * are not one (overlong, surrogate, truncated, out of range). */
static size_t utf8_seq(const unsigned char *s)
{
	uint32_t cp;
	size_t n, i;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		n = 2, cp = s[0] & 0x1F;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		n = 3, cp = s[0] & 0x0F;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		n = 4, cp = s[0] & 0x07;
	else
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
	    (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return n;
}

/* Writes s as a JSON string.  Bytes that are not UTF-8 (possible only in
 * what `council sql` returns from BLOBs) become U+FFFD so the output stays
 * valid JSON. */
static void json_string(FILE *fp, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;

	putc('"', fp);
	while (*s) {
		size_t n;
		switch (*s) {
		case '"': fputs("\\\"", fp); s++; continue;
		case '\\': fputs("\\\\", fp); s++; continue;
		case '\b': fputs("\\b", fp); s++; continue;
		case '\f': fputs("\\f", fp); s++; continue;
		case '\n': fputs("\\n", fp); s++; continue;
		case '\r': fputs("\\r", fp); s++; continue;
		case '\t': fputs("\\t", fp); s++; continue;
		default: break;
		}
		if (*s < 0x20 || *s == 0x7F) {
			fprintf(fp, "\\u%04x", (unsigned)*s);
			s++;
			continue;
		}
		n = utf8_seq(s);
		if (n == 0) {
			fputs("\\ufffd", fp);
			s++;
			continue;
		}
		fwrite(s, 1, n, fp);
		s += n;
	}
	putc('"', fp);
}

/* Nonzero when s is a number in JSON's grammar. */
static int json_number(const char *s)
{
	if (*s == '-')
		s++;
	if (*s == '0')
		s++;
	else if (*s >= '1' && *s <= '9')
		while (*s >= '0' && *s <= '9')
			s++;
	else
		return 0;
	if (*s == '.') {
		s++;
		if (!(*s >= '0' && *s <= '9'))
			return 0;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if (!(*s >= '0' && *s <= '9'))
			return 0;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return *s == '\0';
}

static void json_value(FILE *fp, enum vkind k, const char *text)
{
	switch (k) {
	case V_NULL: fputs("null", fp); break;
	case V_NUM: fputs(text, fp); break;
	case V_BOOL: fputs(text[0] == 'y' ? "true" : "false", fp); break;
	case V_STR: json_string(fp, text); break;
	}
}

/* ---- CSV and table cells -------------------------------------------------- */

/* RFC 4180: a field with a comma, quote, CR or LF is quoted and its quotes
 * doubled.  An empty string is written "" so that it differs from null,
 * which is an empty field. */
static void csv_field(FILE *fp, const char *s, int null)
{
	const char *p;

	if (null)
		return;
	if (*s && !strpbrk(s, ",\"\r\n")) {
		fputs(s, fp);
		return;
	}
	putc('"', fp);
	for (p = s; *p; p++) {
		if (*p == '"')
			putc('"', fp);
		putc(*p, fp);
	}
	putc('"', fp);
}

/* Table cells are one line each: control characters (tabs, newlines)
 * become spaces.  In the vertical layout newlines are kept and indented. */
static char *table_clean(const char *s, int keep_newlines)
{
	char *d = cli_strdup(s), *p;

	for (p = d; *p; p++)
		if (((unsigned char)*p < 0x20 && !(keep_newlines && *p == '\n')) || *p == 0x7F)
			*p = ' ';
	return d;
}

static void pad(FILE *fp, size_t n)
{
	while (n--)
		putc(' ', fp);
}

/* ---- the writer ----------------------------------------------------------- */

out_writer *out_begin(FILE *fp, out_format fmt, int vertical,
                      const char *const *columns, size_t ncolumns)
{
	out_writer *w = calloc(1, sizeof *w);
	size_t i;

	if (!w)
		return NULL;
	w->fp = fp;
	w->fmt = fmt;
	/* Markdown has tables only: a single record is a one-row table. */
	w->vertical = fmt == OUT_MARKDOWN ? 0 : vertical;
	w->cols = columns;
	w->ncols = ncolumns;
	for (i = 0; i < ncolumns; i++) {
		size_t n = council_text_width(columns[i]);
		if (n > w->name_width)
			w->name_width = n;
	}
	/* The CSV header waits for the first row (or the end): --columns,
	 * set after out_begin, decides what it holds. */
	return w;
}

static void row_start_json(out_writer *w)
{
	if (w->fp == w->null_fp && w->null_fp)
		return; /* not shown: the key separator comes with a shown key */
	if (w->row_keys++) {
		putc(',', w->fp);
		return;
	}
	if (w->fmt == OUT_JSON)
		fputs(w->rows == 0 ? "[\n{" : ",\n{", w->fp);
	else
		putc('{', w->fp);
}

static void key_json(out_writer *w, const char *key)
{
	json_string(w->fp, key);
	putc(':', w->fp);
}

/* A finished flat cell: write it (CSV, vertical table) or keep it (table). */
static void flat_cell_done(out_writer *w)
{
	const char *text = w->cell.s ? w->cell.s : "";

	if (w->fmt == OUT_CSV && w->rowcells) {
		w->rowcells[w->col] = w->cell_null ? NULL : cli_strdup(text);
	} else if (w->fmt == OUT_CSV) {
		csv_header(w);
		if (w->col)
			putc(',', w->fp);
		csv_field(w->fp, text, w->cell_null);
	} else if (w->vertical && !shown(w, w->col)) {
		/* --columns left it out */
	} else if (w->vertical) {
		const char *name = w->cols[w->col];
		if (w->col == 0 && w->rows > 0)
			putc('\n', w->fp);
		fputs(name, w->fp);
		if (!w->cell_null) {
			char *clean = table_clean(text, 1), *line = clean, *nl;
			pad(w->fp, w->name_width - council_text_width(name) + 2);
			/* continuation lines start under the first line's text */
			while ((nl = strchr(line, '\n'))) {
				fwrite(line, 1, (size_t)(nl - line) + 1, w->fp);
				pad(w->fp, w->name_width + 2);
				line = nl + 1;
			}
			fputs(line, w->fp);
			free(clean);
		}
		putc('\n', w->fp);
	} else {
		tcell *c;
		if (w->ncells == w->capcells) {
			size_t cap = w->capcells ? w->capcells * 2 : 256;
			tcell *p = realloc(w->cells, cap * sizeof *p);
			if (!p)
				exit(cli_error(CLI_EDB, "out of memory"));
			w->cells = p;
			w->capcells = cap;
		}
		c = &w->cells[w->ncells++];
		c->text = w->cell_null ? NULL : table_clean(text, 0);
		c->numeric = w->cell_numeric;
	}
	w->cell.len = 0;
	if (w->cell.s)
		w->cell.s[0] = '\0';
	w->cell_null = 1;
	w->cell_numeric = 0;
}

static void value(out_writer *w, enum vkind k, const char *text)
{
	int json = w->fmt == OUT_JSON || w->fmt == OUT_NDJSON;

	if (w->col >= w->ncols) {
		/* A command pushed more cells than it declared columns: a bug in the
		 * tool, never a user error.  Say so rather than print broken output. */
		fprintf(stderr, "council: internal error: too many cells in a row\n");
		abort();
	}
	if (!w->in_list) {
		if (json) {
			json_cell_begin(w);
			row_start_json(w);
			key_json(w, w->cols[w->col]);
			json_value(w->fp, k, text);
			json_cell_end(w);
		} else {
			w->cell_null = k == V_NULL;
			w->cell_numeric = k == V_NUM;
			if (k == V_BOOL)
				sb_add(&w->cell, text[0] == 'y' ? "yes" : "no");
			else if (k != V_NULL)
				sb_add(&w->cell, text);
			flat_cell_done(w);
		}
		w->col++;
		return;
	}
	/* inside a list cell */
	if (json) {
		if (w->lfields) {
			if (w->lfield == 0)
				fputs(w->litems ? ",{" : "{", w->fp);
			else
				putc(',', w->fp);
			key_json(w, w->lfields[w->lfield]);
			json_value(w->fp, k, text);
			if (++w->lfield == w->nlfields) {
				putc('}', w->fp);
				w->lfield = 0;
				w->litems++;
			}
		} else {
			if (w->litems++)
				putc(',', w->fp);
			json_value(w->fp, k, text);
		}
		return;
	}
	if ((!w->lfields || w->lfield == 0) && w->litems > 0)
		sb_add(&w->cell, "; ");
	if (k != V_NULL) {
		if (w->lfields && !w->lfirst_value)
			sb_add(&w->cell, ": ");
		sb_add(&w->cell, k == V_BOOL ? (text[0] == 'y' ? "yes" : "no") : text);
		w->lfirst_value = 0;
	}
	if (w->lfields) {
		if (++w->lfield == w->nlfields) {
			w->lfield = 0;
			w->litems++;
			w->lfirst_value = 1;
		}
	} else {
		w->litems++;
	}
}

void out_null(out_writer *w)
{
	value(w, V_NULL, NULL);
}

void out_text(out_writer *w, const char *s)
{
	value(w, s ? V_STR : V_NULL, s);
}

void out_int(out_writer *w, int64_t v)
{
	char buf[24];

	snprintf(buf, sizeof buf, "%lld", (long long)v);
	value(w, V_NUM, buf);
}

void out_opt_int(out_writer *w, int64_t v)
{
	if (v < 0)
		out_null(w);
	else
		out_int(w, v);
}

void out_id(out_writer *w, council_id id)
{
	if (id <= 0)
		out_null(w);
	else
		out_int(w, id);
}

void out_bool(out_writer *w, int v)
{
	value(w, v < 0 ? V_NULL : V_BOOL, v > 0 ? "yes" : "no");
}

void out_date(out_writer *w, const council_date *d)
{
	char buf[COUNCIL_DATE_BUFSIZE];

	if (!d || d->year == 0)
		out_null(w);
	else
		out_text(w, council_date_format(buf, d));
}

void out_enum(out_writer *w, council_enum e, int v)
{
	out_text(w, council_enum_name(e, v));
}

void out_number_text(out_writer *w, const char *s)
{
	if (!s)
		out_null(w);
	else
		value(w, json_number(s) ? V_NUM : V_STR, s);
}

void out_list_begin(out_writer *w, const char *const *fields, size_t nfields)
{
	int json = w->fmt == OUT_JSON || w->fmt == OUT_NDJSON;

	if (json) {
		json_cell_begin(w);
		row_start_json(w);
		key_json(w, w->cols[w->col]);
		putc('[', w->fp);
	}
	w->in_list = 1;
	w->lfields = fields;
	w->nlfields = nfields;
	w->lfield = 0;
	w->litems = 0;
	w->lfirst_value = 1;
	w->cell_null = 0;
	w->cell_numeric = 0;
}

void out_list_end(out_writer *w)
{
	w->in_list = 0;
	if (w->fmt == OUT_JSON || w->fmt == OUT_NDJSON) {
		putc(']', w->fp);
		json_cell_end(w);
	} else {
		/* an empty list prints like an unknown value: an empty field */
		w->cell_null = w->litems == 0;
		flat_cell_done(w);
	}
	w->col++;
}

void out_row_end(out_writer *w)
{
	if (w->col != w->ncols) {
		fprintf(stderr, "council: internal error: %zu cells in a row of %zu columns\n",
		        w->col, w->ncols);
		abort();
	}
	switch (w->fmt) {
	case OUT_JSON: putc('}', w->fp); break;
	case OUT_NDJSON: fputs("}\n", w->fp); break;
	case OUT_CSV:
		if (w->rowcells) {
			size_t i;
			csv_header(w);
			for (i = 0; i < w->nsel; i++) {
				char *cell = w->rowcells[w->sel[i]];
				if (i)
					putc(',', w->fp);
				csv_field(w->fp, cell ? cell : "", !cell);
			}
			for (i = 0; i < w->ncols; i++) {
				free(w->rowcells[i]);
				w->rowcells[i] = NULL;
			}
		}
		putc('\n', w->fp);
		break;
	case OUT_TABLE: case OUT_MARKDOWN: break;
	}
	w->row_keys = 0;
	w->col = 0;
	w->rows++;
}

static void sb_pad(sbuf *b, size_t n)
{
	while (n--)
		sb_addn(b, " ", 1);
}

/* Writes a table line without trailing blanks (empty last cells). */
static void line_out(FILE *fp, sbuf *b)
{
	while (b->len && b->s[b->len - 1] == ' ')
		b->len--;
	if (b->len)
		fwrite(b->s, 1, b->len, fp);
	putc('\n', fp);
	b->len = 0;
}

/* Display width of one UTF-8 character at s (n bytes). */
static size_t char_width(const char *s, size_t n)
{
	char one[8];

	memcpy(one, s, n);
	one[n] = '\0';
	return council_text_width(one);
}

static size_t char_len(const char *s)
{
	size_t n = utf8_seq((const unsigned char *)s);

	return n ? n : 1; /* an invalid byte stands alone */
}

/* Appends text to b shortened to at most width display columns: the
 * characters that fit in width - 1 and "…".  Characters are never cut,
 * and a combining mark stays with its letter (its width is 0). */
static void sb_add_fitted(sbuf *b, const char *text, size_t width, size_t *used)
{
	size_t w = council_text_width(text), have = 0;
	const char *p = text;

	if (w <= width) {
		sb_add(b, text);
		*used = w;
		return;
	}
	while (*p) {
		size_t n = char_len(p), cw = char_width(p, n);
		if (have + cw > (width ? width - 1 : 0))
			break;
		sb_addn(b, p, n);
		have += cw;
		p += n;
	}
	/* marks after the last letter kept belong to it */
	while (*p && char_width(p, char_len(p)) == 0 && (unsigned char)*p >= 0x80) {
		sb_addn(b, p, char_len(p));
		p += char_len(p);
	}
	if (width) {
		sb_add(b, "…");
		have++;
	}
	*used = have;
}

/* Narrows the widest shrinkable column, one column at a time, until the
 * table fits max (or every text column is down to its floor: then it is
 * printed wider, as the terminal will wrap it).  Numbers and columns of
 * up to 10 (a date, a role, a kind) keep their width: a shortened number
 * or date would be a wrong one, and long names and titles are what make a
 * table too wide. */
static void fit_widths(size_t *width, const int *numeric, size_t ncols, size_t max)
{
	size_t total = 0, c;

	for (c = 0; c < ncols; c++)
		total += width[c] + (c ? 2 : 0);
	while (total > max) {
		size_t widest = ncols;
		for (c = 0; c < ncols; c++)
			if (!numeric[c] && width[c] > 10 && (widest == ncols || width[c] > width[widest]))
				widest = c;
		if (widest == ncols)
			break;
		width[widest]--;
		total--;
	}
}

/* Prints the held-back table: a header, a rule, the rows; columns two
 * spaces apart, sized by display width (council_text_width, so "ė" is one
 * column though two bytes); columns of numbers right-aligned; fitted to
 * max_width when set. */
static void table_print(out_writer *w)
{
	size_t ns = nshown(w), r, c, i, k;
	size_t *width = calloc(ns ? ns : 1, sizeof *width);
	int *numeric = calloc(ns ? ns : 1, sizeof *numeric);
	sbuf line = { NULL, 0, 0 };

	if (!width || !numeric)
		exit(cli_error(CLI_EDB, "out of memory"));
	/* numeric[i]: 1 while only numbers (or nulls) were seen, 2 once a
	 * number was, 0 after any text.  Only 2 right-aligns. */
	for (i = 0; i < ns; i++) {
		c = shown_at(w, i);
		width[i] = council_text_width(w->cols[c]);
		numeric[i] = 1;
		for (r = 0; r < w->rows; r++) {
			const tcell *cell = &w->cells[r * w->ncols + c];
			if (cell->text) {
				size_t n = council_text_width(cell->text);
				if (n > width[i])
					width[i] = n;
				if (!cell->numeric)
					numeric[i] = 0;
				else if (numeric[i])
					numeric[i] = 2;
			}
		}
	}
	for (i = 0; i < ns; i++)
		numeric[i] = numeric[i] == 2;
	if (w->max_width)
		fit_widths(width, numeric, ns, w->max_width);

	for (i = 0; i < ns; i++) {
		const char *name = w->cols[shown_at(w, i)];
		size_t n;
		if (i)
			sb_add(&line, "  ");
		if (numeric[i])
			sb_pad(&line, width[i] - council_text_width(name));
		sb_add_fitted(&line, name, width[i], &n);
		if (!numeric[i])
			sb_pad(&line, width[i] - n);
	}
	line_out(w->fp, &line);
	for (i = 0; i < ns; i++) {
		if (i)
			sb_add(&line, "  ");
		for (k = 0; k < width[i]; k++)
			sb_addn(&line, "-", 1);
	}
	line_out(w->fp, &line);
	for (r = 0; r < w->rows; r++) {
		for (i = 0; i < ns; i++) {
			const char *text = w->cells[r * w->ncols + shown_at(w, i)].text;
			size_t n = text ? council_text_width(text) : 0;
			if (i)
				sb_add(&line, "  ");
			if (numeric[i])
				sb_pad(&line, width[i] - n);
			if (text && !numeric[i])
				sb_add_fitted(&line, text, width[i], &n);
			else if (text)
				sb_add(&line, text);
			if (!numeric[i])
				sb_pad(&line, width[i] - n);
		}
		line_out(w->fp, &line);
	}
	free(line.s);
	free(width);
	free(numeric);
}

/* A markdown cell: '|' would end it and a backslash before it would be
 * read as an escape, so both are escaped. */
static void md_cell(sbuf *b, const char *s)
{
	sb_add(b, " ");
	for (; s && *s; s++) {
		if (*s == '|' || *s == '\\')
			sb_addn(b, "\\", 1);
		sb_addn(b, s, 1);
	}
	sb_add(b, " |");
}

/* GitHub-flavoured markdown: a header row, a delimiter row (numbers
 * right-aligned), one row per record; cells whole, for pasting. */
static void markdown_print(out_writer *w)
{
	sbuf line = { NULL, 0, 0 };
	size_t ns = nshown(w), r, i;
	int *numeric = calloc(ns ? ns : 1, sizeof *numeric);

	if (!numeric)
		exit(cli_error(CLI_EDB, "out of memory"));
	for (i = 0; i < ns; i++) {
		numeric[i] = 1;
		for (r = 0; r < w->rows; r++) {
			const tcell *cell = &w->cells[r * w->ncols + shown_at(w, i)];
			if (cell->text && !cell->numeric)
				numeric[i] = 0;
		}
	}
	sb_add(&line, "|");
	for (i = 0; i < ns; i++)
		md_cell(&line, w->cols[shown_at(w, i)]);
	line_out(w->fp, &line);
	sb_add(&line, "|");
	for (i = 0; i < ns; i++)
		sb_add(&line, numeric[i] && w->rows ? " ---: |" : " --- |");
	line_out(w->fp, &line);
	for (r = 0; r < w->rows; r++) {
		sb_add(&line, "|");
		for (i = 0; i < ns; i++)
			md_cell(&line, w->cells[r * w->ncols + shown_at(w, i)].text);
		line_out(w->fp, &line);
	}
	free(line.s);
	free(numeric);
}

int out_end(out_writer *w)
{
	FILE *fp;
	int failed;
	size_t i;

	if (!w)
		return 0;
	fp = w->fp;
	switch (w->discard ? OUT_NDJSON : w->fmt) { /* NDJSON has nothing to close */
	case OUT_JSON: fputs(w->rows ? "\n]\n" : "[]\n", fp); break;
	case OUT_TABLE:
		if (!w->vertical)
			table_print(w);
		break;
	case OUT_MARKDOWN:
		markdown_print(w);
		break;
	case OUT_CSV:
		csv_header(w); /* no rows: the header alone */
		break;
	case OUT_NDJSON: break;
	}
	if (w->null_fp)
		fclose(w->null_fp);
	if (w->rowcells)
		for (i = 0; i < w->ncols; i++)
			free(w->rowcells[i]);
	free(w->rowcells);
	free(w->sel);
	for (i = 0; i < w->ncells; i++)
		free(w->cells[i].text);
	free(w->cells);
	free(w->cell.s);
	free(w);
	failed = fflush(fp) != 0 || ferror(fp);
	if (failed && errno == 0)
		errno = EIO;
	return failed ? -1 : 0;
}

void cli_print_id(const cli_ctx *ctx, council_id id)
{
	/* Bare, whatever the format, so that id=$(council ... add ...) works. */
	if (!ctx->quiet)
		printf("%lld\n", (long long)id);
}
