/* SPDX-License-Identifier: MIT */
/*
 * segment.c -- the second import stage: paragraphs, tables and sentences.
 * Reports come as prose, as tables dumped from .docx (one tab-indented cell
 * per line, rows split by blank lines) or as markdown pipe tables; this file
 * finds those shapes and what each table column holds, nothing more.
 */
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "utf8.h"
#include "lexicon.h"

/* ---- lines --------------------------------------------------------------- */

typedef struct line {
	size_t start, end;   /* without the newline */
} line;

static size_t next_line(const lt_text *t, size_t pos, line *l)
{
	const char *nl = memchr(t->view + pos, '\n', t->len - pos);

	l->start = pos;
	l->end = nl ? (size_t)(nl - t->view) : t->len;
	return nl ? l->end + 1 : t->len;
}

static int blank(const lt_text *t, const line *l)
{
	size_t i;

	for (i = l->start; i < l->end; i++)
		if (t->view[i] != ' ' && t->view[i] != '\t')
			return 0;
	return 1;
}

static size_t skip_spaces(const lt_text *t, size_t i, size_t end)
{
	while (i < end && (t->view[i] == ' ' || t->view[i] == '\t'))
		i++;
	return i;
}

static size_t trim_end(const lt_text *t, size_t start, size_t end)
{
	while (end > start && (t->view[end - 1] == ' ' || t->view[end - 1] == '\t' ||
	                       t->view[end - 1] == '\n'))
		end--;
	return end;
}

static int is_docx_cell(const lt_text *t, const line *l)
{
	return l->end > l->start && t->view[l->start] == '\t';
}

/* A row of a table pasted as tab-separated values: two tabs at least
 * between cells, text before the first.  The row may be indented by one
 * tab, as a docx dump indents each cell; a docx cell of its own line has
 * no more tabs in it. */
static int is_tsv_row(const lt_text *t, const line *l)
{
	size_t i = l->start, tabs = 0;

	if (i < l->end && t->view[i] == '\t')
		i++;
	if (i == l->end || t->view[i] == '\t' || t->view[i] == ' ')
		return 0;
	for (; i < l->end; i++)
		tabs += t->view[i] == '\t';
	return tabs >= 2;
}

static int is_pipe_row(const lt_text *t, const line *l)
{
	size_t i = skip_spaces(t, l->start, l->end);
	return i < l->end && t->view[i] == '|';
}

/* A markdown separator row: only | - : and spaces. */
static int is_pipe_rule(const lt_text *t, const line *l)
{
	size_t i;
	int dashes = 0;

	for (i = l->start; i < l->end; i++) {
		char c = t->view[i];
		if (c == '-')
			dashes++;
		else if (c != '|' && c != ':' && c != ' ')
			return 0;
	}
	return dashes >= 3;
}

/* ---- column roles -------------------------------------------------------- */

seg_col seg_column_role(const char *heading, size_t n)
{
	/* Ordered: the first stem found decides, so "Įvykdymo terminas" is a
	 * deadline before it is a fulfilment and "Atsakingi vykdytojai" is
	 * responsible before "vykd" could make it a fulfilment. */
	static const struct { const char *stem; seg_col col; } stems[] = {
		{ "dalyvi", COL_PARTICIPANTS }, { "vardas", COL_PERSON }, { "pavard", COL_PERSON },
		{ "pareig", COL_ROLE }, { "atstovauj", COL_ORG }, { "deleguo", COL_DELEGATED }, { "delegav", COL_DELEGATED },
		{ "organizacij", COL_ORG }, /* "Organizacija", after "Deleguojanti organizacija" */
		{ "darbotvark", COL_AGENDA },
		{ "svarstyt", COL_AGENDA }, { "klausim", COL_AGENDA },
		{ "termin", COL_DEADLINE }, { "laikotarp", COL_DEADLINE }, { "laikas", COL_DEADLINE },
		{ "data", COL_DATE },
		{ "vieta", COL_PLACE }, { "vieta", COL_PLACE }, { "renginys", COL_EVENT },
		{ "renginio", COL_EVENT }, { "renginiai", COL_EVENT },
		{ "eil.", COL_SEQ }, { "eil ", COL_SEQ }, { "nr", COL_SEQ },
		{ "atsaking", COL_RESPONSIBLE }, { "vykdytoj", COL_RESPONSIBLE },
		{ "partner", COL_OTHER },
		{ "rodikl", COL_INDICATOR }, { "kriterij", COL_INDICATOR },
		{ "pasiekt", COL_VALUE }, { "faktin", COL_VALUE }, { "reiksm", COL_VALUE },
		{ "ivykd", COL_FULFILMENT }, { "vykdym", COL_FULFILMENT }, { "padaryt", COL_FULFILMENT },
		{ "nuveikt", COL_FULFILMENT },
		{ "rezultat", COL_FULFILMENT }, { "atlikt", COL_FULFILMENT },
		{ "informacij", COL_FULFILMENT }, { "igyvendin", COL_FULFILMENT },
		{ "priemon", COL_NAME }, { "pavadinim", COL_NAME }, { "veikl", COL_NAME },
		{ "veiksm", COL_NAME }, { "uzdavin", COL_TASK },
		{ "pastab", COL_NOTES }, { "komentar", COL_NOTES },
	};
	char *f = utf8_fold(heading, n);
	seg_col col = COL_OTHER;
	size_t i;

	if (!f)
		return COL_OTHER;
	/* A heading that opens with what was done is the fulfilment, whatever
	 * its parenthesis adds: "Įvykdymas (rodikliai)", "Rezultatas (data,
	 * dalyvių skaičius)"; "Įvykdymo terminas" is a deadline. */
	{
		static const char *const done[] = { "ivykdymas", "ivykdyta", "igyvendinimas", "rezultat",
			                             "atlikta", "nuveikta", NULL };
		const char *g = f;
		size_t gn;
		while (*g == ' ')
			g++;
		gn = strlen(g);
		while (gn > 0 && (g[gn - 1] == ' ' || g[gn - 1] == ':'))
			gn--;
		if ((gn == 11 && !strncmp(g, "savivaldybe", 11)) ||
		    (gn == 12 && !strncmp(g, "savivaldybes", 12))) {
			free(f);
			return COL_MUNICIPALITY;
		}
		if ((gn == 6 && !strncmp(g, "taryba", 6)) || (gn == 7 && !strncmp(g, "tarybos", 7))) {
			free(f);
			return COL_COUNCIL;
		}
		for (i = 0; done[i]; i++)
			if (strncmp(g, done[i], strlen(done[i])) == 0) {
				free(f);
				return COL_FULFILMENT;
			}
	}
	for (i = 0; i < sizeof stems / sizeof stems[0]; i++) {
		const char *hit = strstr(f, stems[i].stem);
		/* "nr" only as a word of its own ("Nr.", "Eil. Nr."). */
		if (hit && stems[i].col == COL_SEQ && strcmp(stems[i].stem, "nr") == 0 &&
		    ((hit > f && hit[-1] >= 'a' && hit[-1] <= 'z') ||
		     (hit[2] >= 'a' && hit[2] <= 'z')))
			hit = NULL;
		if (hit) {
			col = stems[i].col;
			break;
		}
	}
	free(f);
	return col;
}

/* ---- blocks -------------------------------------------------------------- */

static seg_block *push_block(seg_doc *d)
{
	return x_push((void **)&d->blocks, &d->n_blocks, sizeof *d->blocks);
}

static seg_row *push_row(seg_block *b)
{
	return x_push((void **)&b->rows, &b->n_rows, sizeof *b->rows);
}

/* A table of people, of events, or (the usual) of plan measures.  In a
 * plan a "Data" column is the deadline. */
static void table_kind(seg_block *b)
{
	int i, person = 0, event = 0, date = 0, people = 0, name = 0, agenda = 0, plan = 0;

	/* "Savivaldybė | Narių sk. | Posėdžių sk.": councils compared;
	 * "Taryba | Pirmininkas | Sudaryta": a municipality's councils */
	if (b->n_cols > 0 && (b->cols[0] == COL_MUNICIPALITY || b->cols[0] == COL_COUNCIL)) {
		b->kind = TABLE_COUNCILS;
		return;
	}

	for (i = 0; i < b->n_cols; i++) {
		person += b->cols[i] == COL_PERSON;
		event += b->cols[i] == COL_EVENT;
		date += b->cols[i] == COL_DATE;
		people += b->cols[i] == COL_PARTICIPANTS;
		name += b->cols[i] == COL_NAME;
		agenda += b->cols[i] == COL_AGENDA;
		plan += b->cols[i] == COL_RESPONSIBLE || b->cols[i] == COL_FULFILMENT ||
		        b->cols[i] == COL_INDICATOR || b->cols[i] == COL_VALUE || b->cols[i] == COL_TASK;
	}
	/* "Data | Veikla | Vieta | Dalyvių sk.": dated rows with a count of
	 * people are happenings, whatever names them, unless the table also
	 * has a plan's columns */
	if (person)
		b->kind = TABLE_MEMBERS;
	else if (event || (date && people && (!name || !plan)))
		b->kind = TABLE_EVENTS;
	else if (date && agenda && !name)
		b->kind = TABLE_MEETINGS;
	else
		b->kind = TABLE_PLAN;
	if (b->kind == TABLE_PLAN) {
		int done = 0;
		for (i = 0; i < b->n_cols; i++) {
			if (b->cols[i] == COL_DATE)
				b->cols[i] = COL_DEADLINE;
			done += b->cols[i] == COL_FULFILMENT || b->cols[i] == COL_VALUE;
		}
		/* A plan report whose "what was done" heading we do not know
		 * still puts it last. */
		if (!done && b->n_cols > 2 && b->cols[b->n_cols - 1] == COL_OTHER)
			b->cols[b->n_cols - 1] = COL_FULFILMENT;
	}
}

/* Takes a table's first row as its heading when at least two cells name a
 * known column; otherwise inherits the previous table's columns (a table
 * split by a page break) or guesses from the shape. */
static void assign_columns(seg_block *b, const lt_text *t, const seg_block *prev)
{
	int known = 0, i;
	seg_col cols[SEG_MAX_COLS];

	if (b->n_rows == 0)
		return;
	for (i = 0; i < b->rows[0].n_cells; i++) {
		seg_span c = b->rows[0].cells[i];
		cols[i] = seg_column_role(t->view + c.start, c.end - c.start);
		if (cols[i] != COL_OTHER)
			known++;
	}
	/* a first column "Savivaldybė" (or "Taryba") heads a comparison of
	 * councils whatever the other columns count */
	if (known >= 2 ||
	    (b->rows[0].n_cells > 1 && (cols[0] == COL_MUNICIPALITY || cols[0] == COL_COUNCIL))) {
		b->n_cols = b->rows[0].n_cells;
		memcpy(b->cols, cols, sizeof(seg_col) * (size_t)b->n_cols);
		table_kind(b);
		/* The heading row is not a body row. */
		memmove(b->rows, b->rows + 1, (b->n_rows - 1) * sizeof *b->rows);
		b->n_rows--;
		return;
	}
	if (prev && prev->n_cols) {
		b->n_cols = prev->n_cols;
		memcpy(b->cols, prev->cols, sizeof b->cols);
		b->kind = prev->kind;
		return;
	}
	/* No heading: the usual plan-report order. */
	{
		static const seg_col guess[] = { COL_SEQ, COL_NAME, COL_INDICATOR,
		                                 COL_RESPONSIBLE, COL_FULFILMENT };
		b->n_cols = b->rows[0].n_cells < 5 ? b->rows[0].n_cells : 5;
		for (i = 0; i < b->n_cols; i++)
			b->cols[i] = guess[i];
		if (b->n_cols < 5 && b->n_cols > 1)
			b->cols[b->n_cols - 1] = COL_FULFILMENT;
	}
}

static void add_cell(seg_row *r, size_t start, size_t end)
{
	if (r->n_cells < SEG_MAX_COLS) {
		r->cells[r->n_cells].start = start;
		r->cells[r->n_cells].end = end;
		r->n_cells++;
	} else {
		/* More cells than we track: fold the rest into the last one. */
		r->cells[SEG_MAX_COLS - 1].end = end;
	}
}

/* A docx table from line position pos; returns the position after it. */
static size_t docx_table(const lt_text *t, size_t pos, seg_block *b)
{
	line l;
	seg_row *row = NULL;

	b->is_table = 1;
	b->span.start = pos;
	while (pos < t->len) {
		size_t next = next_line(t, pos, &l);
		/* A line holding only a tab is an empty cell (merged in the
		 * document); a line with nothing ends the row. */
		if (blank(t, &l) && !is_docx_cell(t, &l)) {
			row = NULL;
			pos = next;
			continue;
		}
		if (is_docx_cell(t, &l)) {
			size_t s = skip_spaces(t, l.start, l.end);
			if (!row && !(row = push_row(b)))
				return t->len;
			add_cell(row, s, trim_end(t, s, l.end));
		} else if (row && row->n_cells) {
			/* Another paragraph of the same cell, after a blank line or not. */
			row->cells[row->n_cells - 1].end = trim_end(t, l.start, l.end);
		} else {
			break; /* prose after the table */
		}
		b->span.end = l.end;
		pos = next;
	}
	return pos;
}

/* A group row inside a table pasted as lines: a short line of text
 * without the table's separator, between two of its rows, that heads the
 * rows under it ("Bendruomeninių organizacijų atstovai" between a
 * composition's rows).  A sentence (a period at its end) is prose. */
static int is_group_row(const lt_text *t, const line *l, char sep)
{
	size_t i = skip_spaces(t, l->start, l->end), e = l->end;

	while (e > i && t->view[e - 1] == ' ')
		e--;
	if (i == e || e - i > 100 || t->view[e - 1] == '.')
		return 0;
	for (; i < e; i++)
		if (t->view[i] == sep || t->view[i] == '\t')
			return 0;
	return 1;
}

/* Is the line at pos a row of a delimited table (sep '\t' or '|'), or a
 * group row followed by one? */
static int delimited_row_at(const lt_text *t, size_t pos, char sep, int group)
{
	line l;
	size_t next;

	if (pos >= t->len)
		return 0;
	next = next_line(t, pos, &l);
	if (sep == '|' ? is_pipe_row(t, &l) : is_tsv_row(t, &l))
		return 1;
	return group && is_group_row(t, &l, sep) && delimited_row_at(t, next, sep, 0);
}

/* A table of tab-separated lines has two rows at least: the line at pos
 * (the one after the first) must be one too, or a group row before one. */
static int tsv_follows(const lt_text *t, size_t pos)
{
	return delimited_row_at(t, pos, '\t', 1);
}

/* A table of delimited lines from pos, a row a line: markdown pipe rows
 * ("| a | b |", sep '|'; rules "|---|" between them read as nothing) or
 * consecutive tab-separated lines (sep '\t'; when the first row is
 * indented by a tab, every row's first tab is indentation, not an empty
 * cell).  Returns the position after the table. */
static size_t delimited_table(const lt_text *t, size_t pos, seg_block *b, char sep)
{
	line l;
	int pipe = sep == '|', indented = !pipe && pos < t->len && t->view[pos] == '\t';

	b->is_table = 1;
	b->span.start = pos;
	while (pos < t->len) {
		size_t next = next_line(t, pos, &l), i, cell;
		seg_row *row;
		if (pipe ? !is_pipe_row(t, &l) : !is_tsv_row(t, &l)) {
			/* a group row: a row of one cell, after the heading */
			if (b->n_rows == 0 || !is_group_row(t, &l, sep) ||
			    !delimited_row_at(t, next, sep, 0))
				break;
			if (!(row = push_row(b)))
				return t->len;
			i = skip_spaces(t, l.start, l.end);
			add_cell(row, i, trim_end(t, i, l.end));
			pos = next;
			b->span.end = l.end;
			continue;
		}
		pos = next;
		b->span.end = l.end;
		if (pipe && is_pipe_rule(t, &l))
			continue;
		if (!(row = push_row(b)))
			return t->len;
		if (pipe)
			i = skip_spaces(t, l.start, l.end) + 1; /* past the leading '|' */
		else
			i = l.start + (indented && t->view[l.start] == '\t');
		for (cell = i; i <= l.end; i++) {
			if (i == l.end || t->view[i] == sep) {
				size_t s = skip_spaces(t, cell, i);
				if (pipe && i == l.end && s == i)
					break; /* nothing after the closing '|' */
				add_cell(row, s, trim_end(t, s, i));
				cell = i + 1;
			}
		}
	}
	return pos;
}

static int abbreviation(const char *s, size_t word_start, size_t dot);

/* Does paragraph b stop mid-sentence: no closing punctuation, or a date's
 * "d." / "m." ("... o rugpjūčio 24 d.")? */
static int open_end(const lt_text *t, const seg_block *b)
{
	size_t e = b->span.end, w;

	if (e == b->span.start)
		return 0;
	if (!strchr(".!?:;", t->view[e - 1]))
		return 1;
	if (t->view[e - 1] != '.')
		return 0;
	for (w = e - 1; w > b->span.start && t->view[w - 1] != ' ' && t->view[w - 1] != '\n'; w--)
		;
	return abbreviation(t->view, w, e - 1);
}

/* Does the text at i start with a lower-case letter? */
static int lower_start(const lt_text *t, size_t i, size_t end)
{
	uint32_t cp;

	if (i >= end)
		return 0;
	utf8_decode(&cp, t->view + i, end - i);
	return utf8_upper(cp) != cp && cp != 0xFFFD;
}

/* ---- tables exported as CSV ("Data;Renginys;Vieta;Dalyviai") ----------- */

/* The semicolons of line l outside double quotes; their positions in at
 * (up to max). */
static size_t csv_separators(const lt_text *t, const line *l, size_t *at, size_t max)
{
	size_t i, n = 0;
	int quoted = 0;

	for (i = l->start; i < l->end; i++) {
		if (t->view[i] == '"')
			quoted = !quoted;
		else if (t->view[i] == ';' && !quoted) {
			if (n < max)
				at[n] = i;
			n++;
		}
	}
	return quoted ? 0 : n;
}

/* A CSV table starts at l: its heading names two known columns and the
 * next line has as many separators. */
static int csv_table_at(const lt_text *t, const line *l, size_t next)
{
	size_t at[SEG_MAX_COLS], n = csv_separators(t, l, at, SEG_MAX_COLS), k, a, known = 0;
	line m;

	if (n < 2 || n >= SEG_MAX_COLS || next >= t->len)
		return 0;
	next_line(t, next, &m);
	if (csv_separators(t, &m, NULL, 0) != n)
		return 0;
	for (k = 0, a = l->start; k <= n; k++) {
		size_t b = k < n ? at[k] : l->end;
		known += seg_column_role(t->view + a, b - a) != COL_OTHER;
		a = b + 1;
	}
	return known >= 2;
}

/* Consecutive lines with the heading's number of separators, a row each;
 * a row of empty cells (";;;") ends nothing and adds nothing. */
static size_t csv_table(const lt_text *t, size_t pos, seg_block *b)
{
	line l;
	size_t n_sep = 0;

	b->is_table = 1;
	b->span.start = pos;
	while (pos < t->len) {
		size_t next = next_line(t, pos, &l), at[SEG_MAX_COLS], n, k, a, empty = 1;
		seg_row *row;
		n = csv_separators(t, &l, at, SEG_MAX_COLS);
		if (n_sep == 0)
			n_sep = n;
		if (n != n_sep || n >= SEG_MAX_COLS)
			break;
		pos = next;
		b->span.end = l.end;
		for (k = l.start; k < l.end; k++)
			empty &= t->view[k] == ';' || t->view[k] == ' ';
		if (empty)
			continue;
		if (!(row = push_row(b)))
			return t->len;
		for (k = 0, a = l.start; k <= n; k++) {
			size_t e = k < n ? at[k] : l.end, s0 = skip_spaces(t, a, e);
			add_cell(row, s0, trim_end(t, s0, e));
			a = e + 1;
		}
	}
	return pos;
}

/* A list item or numbered paragraph starts its own block. */
static int starts_item(const lt_text *t, const line *l)
{
	size_t i = skip_spaces(t, l->start, l->end);
	const char *s = t->view + i;
	size_t n = l->end - i;

	if (n >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ')
		return 1;
	if (n >= 4 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
	    (unsigned char)s[2] == 0xA2)
		return 1; /* bullet U+2022 */
	if (n >= 1 && s[0] == '#')
		return 1;
	if (n >= 2 && s[0] >= '0' && s[0] <= '9') {
		size_t k = 0;
		while (k < n && ((s[k] >= '0' && s[k] <= '9') || s[k] == '.'))
			k++;
		/* "1. Text", "2.3. Text", "1) Text" but not "2024 m." or "2024-01-30". */
		if (k <= 6 && k < n && (s[k] == ' ' || s[k] == ')') && s[k - 1] == '.')
			return 1;
		if (k < n && s[k] == ')' && k <= 3)
			return 1;
	}
	return 0;
}

int seg_document(seg_doc *d, const lt_text *t)
{
	size_t pos = 0, docx_cells = 0, pipe_rows = 0;
	size_t prev_table = 0; /* 1 + index of the table just before, or 0 */
	line l;

	memset(d, 0, sizeof *d);
	while (pos < t->len) {
		size_t next = next_line(t, pos, &l);
		seg_block *b;

		if (blank(t, &l)) {
			pos = next;
			continue;
		}
		if (csv_table_at(t, &l, next)) {
			size_t idx;
			if (!(b = push_block(d)))
				return COUNCIL_ENOMEM;
			pos = csv_table(t, pos, b);
			idx = (size_t)(b - d->blocks);
			docx_cells += b->n_rows;
			assign_columns(b, t, prev_table ? &d->blocks[prev_table - 1] : NULL);
			prev_table = idx + 1;
			continue;
		}
		if (is_docx_cell(t, &l) || is_pipe_row(t, &l) ||
		    (is_tsv_row(t, &l) && tsv_follows(t, next))) {
			int tsv = is_tsv_row(t, &l) && tsv_follows(t, next);
			int docx = !tsv && is_docx_cell(t, &l);
			size_t idx;
			if (!(b = push_block(d)))
				return COUNCIL_ENOMEM;
			pos = docx ? docx_table(t, pos, b) : delimited_table(t, pos, b, tsv ? '\t' : '|');
			idx = (size_t)(b - d->blocks);
			if (docx || tsv)
				docx_cells += b->n_rows;
			else
				pipe_rows += b->n_rows;
			assign_columns(b, t, prev_table ? &d->blocks[prev_table - 1] : NULL);
			prev_table = idx + 1;
			continue;
		}
		/* A paragraph: non-blank lines up to a blank line, a table, or a
		 * new list item.  One that opens in lower case after a paragraph
		 * left mid-sentence goes on with it: a page break of a text from
		 * a PDF ("... o rugpjūčio 24 d." / "1 iš 4" / "įvyko ..."). */
		if (d->n_blocks && !d->blocks[d->n_blocks - 1].is_table && !starts_item(t, &l) &&
		    open_end(t, &d->blocks[d->n_blocks - 1]) &&
		    lower_start(t, skip_spaces(t, l.start, l.end), l.end)) {
			b = &d->blocks[d->n_blocks - 1];
		} else {
			if (!(b = push_block(d)))
				return COUNCIL_ENOMEM;
			b->span.start = l.start;
			b->indent = skip_spaces(t, l.start, l.end) - l.start;
			b->is_item = starts_item(t, &l);
		}
		b->span.end = trim_end(t, l.start, l.end);
		pos = next;
		while (pos < t->len) {
			line m;
			size_t after = next_line(t, pos, &m);
			if (blank(t, &m) || is_docx_cell(t, &m) || is_pipe_row(t, &m) ||
			    (is_tsv_row(t, &m) && tsv_follows(t, after)) || starts_item(t, &m) ||
			    csv_table_at(t, &m, after))
				break;
			b->span.end = trim_end(t, m.start, m.end);
			pos = after;
		}
	}
	d->layout = docx_cells >= 2 ? SEG_DOCX_TABLE : pipe_rows >= 2 ? SEG_PIPE_TABLE : SEG_PROSE;
	return COUNCIL_OK;
}

void seg_free(seg_doc *d)
{
	size_t i;

	for (i = 0; i < d->n_blocks; i++)
		free(d->blocks[i].rows);
	free(d->blocks);
	memset(d, 0, sizeof *d);
}

/* ---- sentences ----------------------------------------------------------- */

/* Abbreviations after which a period does not end a sentence. */
static int abbreviation(const char *s, size_t word_start, size_t dot)
{
	static const char *const abbr[] = { LEX_ABBREVIATION(LEX_WRITTEN) };
	size_t n = dot - word_start, i;

	if (n == 0)
		return 0;
	/* An initial: one capital letter ("J. Marcinkus"), ASCII or not. */
	{
		uint32_t cp;
		size_t k = utf8_decode(&cp, s + word_start, n);
		if (k == n && utf8_lower(cp) != cp)
			return 1;
	}
	for (i = 0; i < sizeof abbr / sizeof abbr[0]; i++) {
		unsigned char a = (unsigned char)abbr[i][0], w = (unsigned char)s[word_start];
		/* both first letters ASCII and different: no need to compare */
		if (a < 0x80 && w < 0x80 && (a | 0x20) != (w | 0x20))
			continue;
		if (strlen(abbr[i]) == n && utf8_ieq_prefix(s + word_start, n, abbr[i]) == n)
			return 1;
	}
	/* A number followed by a period is an ordinal or a list number. */
	for (i = word_start; i < dot && s[i] >= '0' && s[i] <= '9'; i++)
		;
	return i == dot;
}

/* Nonzero when the text at i begins like a new sentence: a capital, a
 * digit, a quote or a list marker. */
static int sentence_start(const char *s, size_t i, size_t end)
{
	uint32_t cp;

	while (i < end && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i >= end)
		return 1;
	if ((s[i] >= '0' && s[i] <= '9') || s[i] == '-' || s[i] == '*' || s[i] == '"' ||
	    s[i] == '(' || s[i] == '#')
		return 1;
	utf8_decode(&cp, s + i, end - i);
	return utf8_lower(cp) != cp || cp == 0x201E /* „ */ || cp == 0x2022;
}

/* A paragraph hard-wrapped at a fixed width, as text extracted from a PDF
 * is: two lines at least, every line but the last 55 to 130 bytes long.
 * Its line breaks are spaces; a line starting with a capital or a digit
 * ("Savivaldybės", "2023 m.") goes on with the sentence before. */
static int hard_wrapped(const char *s, size_t start, size_t end)
{
	size_t i = start, lines = 0, lower = 0;

	while (i < end) {
		const char *nl = memchr(s + i, '\n', end - i);
		size_t e = nl ? (size_t)(nl - s) : end;
		if (e == end)
			break; /* the last line may be short */
		if (e == i) {
			i++; /* the blank lines of a page break a paragraph spans */
			continue;
		}
		if (e - i < 55 || e - i > 130 || s[e - 1] == ' ')
			return 0; /* short lines, or markdown's "  " line break */
		lines++;
		i = e + 1;
		lower += !sentence_start(s, i, end);
	}
	/* a wrapped sentence goes on in lower case at many of the breaks; a
	 * form's "Label: value" lines all start with a capital */
	return lines >= 1 && i < end && lower * 3 >= lines;
}

/* Just after the last ch in s[from, i], or 0 when there is none. */
static size_t last_after(const char *s, size_t from, size_t i, char ch)
{
	size_t k;

	for (k = i + 1; k > from; k--)
		if (s[k - 1] == ch)
			return k;
	return 0;
}

/* Where a sentence that reached SEG_SENTENCE_MAX bytes at i is cut: after
 * its last clause mark (";" then ",") in the second half, else at its last
 * space, else at i on a character boundary. */
static size_t overlong_cut(const char *s, size_t from, size_t i, size_t semi, size_t comma,
                           size_t space)
{
	size_t half = from + SEG_SENTENCE_MAX / 2;

	if (semi > half)
		return semi;
	if (comma > half)
		return comma;
	if (space > from)
		return space;
	while (i > from && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	return i > from ? i : from + 1;
}

int seg_sentences(const lt_text *t, size_t start, size_t end, seg_sentence_fn fn, void *ctx)
{
	/* the bytes a sentence may end at: others are passed over at once */
	static const unsigned char may_end[256] = { ['\n'] = 1, ['.'] = 1, ['!'] = 1, ['?'] = 1 };
	const char *s = t->view;
	size_t i, from = start;
	int rc, wrapped = hard_wrapped(s, start, end);

	for (i = start; i < end; i++) {
		size_t cut = 0, lim = end - from > SEG_SENTENCE_MAX ? from + SEG_SENTENCE_MAX : end;
		char c;

		while (i < lim && !may_end[(unsigned char)s[i]])
			i++;
		if (i >= end)
			break;
		c = s[i];
		/* Every look a reader of a sentence takes around a phrase spans
		 * the sentence at most: a "sentence" of megabytes (a list run
		 * together, machine output) would make each of its thousands of
		 * phrases cost megabytes.  None of the fixtures' sentences
		 * reaches 1 KiB, so a longer one is read in clause-sized parts. */
		if (i - from >= SEG_SENTENCE_MAX) {
			size_t a = from, b = overlong_cut(s, from, i, last_after(s, from, i, ';'),
			                                  last_after(s, from, i, ','), last_after(s, from, i, ' '));
			while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\n'))
				a++;
			if (b > a && (rc = fn(ctx, a, b)) != 0)
				return rc;
			from = b;
			i = b - 1;
			continue;
		}
		if (c == '\n') {
			size_t k = i;
			while (k > from && (s[k - 1] == ' ' || s[k - 1] == '\t'))
				k--;
			/* A hard-wrapped line continues its sentence unless the line
			 * ends one or the next begins one. */
			if (k == from || (strchr("!?:;", s[k - 1]) && s[k - 1] != '\0') ||
			    (!wrapped && sentence_start(s, i + 1, end)))
				cut = i;
			else if (s[k - 1] == '.') {
				/* "... o rugpjūčio 24 d." and "įvyko ..." on the next
				 * line (or page) is one sentence */
				size_t w = k - 1;
				while (w > from && s[w - 1] != ' ' && s[w - 1] != '\n' && s[w - 1] != '(')
					w--;
				if (!abbreviation(s, w, k - 1) || sentence_start(s, i + 1, end))
					cut = i;
			}
		} else if ((c == '.' || c == '!' || c == '?') && i + 1 < end &&
		           (s[i + 1] == ' ' || s[i + 1] == '\n')) {
			size_t w = i;
			while (w > from && s[w - 1] != ' ' && s[w - 1] != '\n' && s[w - 1] != '(' &&
			       s[w - 1] != '\t')
				w--;
			if (c != '.' || (!abbreviation(s, w, i) && sentence_start(s, i + 1, end)))
				cut = i + 1;
		}
		if (cut) {
			size_t a = from, b = cut;
			while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\n'))
				a++;
			if (b > a && (rc = fn(ctx, a, b)) != 0)
				return rc;
			from = cut + (c == '\n' ? 1 : 0);
		}
	}
	{
		size_t a = from, b = end;
		while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\n'))
			a++;
		while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\n'))
			b--;
		if (b > a)
			return fn(ctx, a, b);
	}
	return 0;
}
