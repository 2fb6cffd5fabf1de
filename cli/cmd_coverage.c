/* SPDX-License-Identifier: MIT */
/*
 * cmd_coverage.c -- `council coverage`: which documents exist for each of
 * the 60 municipalities, council and year, and how much they gave
 * (council_coverage, the view `coverage`).  In table format a grid, a
 * municipality a row and a year a column, with a mark per year covered;
 * in the other formats the rows themselves.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char help[] =
	"Usage: council coverage [--council COUNCIL] [--from YEAR] [--to YEAR]\n"
	"\n"
	"Which documents the registry holds for each of the 60 municipalities,\n"
	"council and year, and how much they gave: one row per council and year\n"
	"(documents, meetings, events, members), a council with nothing dated in\n"
	"the range with one row without a year, a municipality with no council\n"
	"recorded with one row without a council.\n"
	"\n"
	"In table format (the default on a terminal) a grid instead: a row per\n"
	"municipality and council, a column per year of the range, marked\n"
	"\"#\" where documents report on that year, \"+\" where records of the\n"
	"year exist without such a document, empty where nothing is known.\n"
	"--format csv, json ... print the rows.  The same rows are the public\n"
	"view 'coverage'.\n"
	"\n"
	"Options:\n"
	"  --council COUNCIL  one council (id or name part)\n"
	"  --from YEAR        years from YEAR (default: the first year recorded)\n"
	"  --to YEAR          years up to YEAR (default: the last year recorded)\n"
	"\n"
	"Examples:\n"
	"  council coverage --from 2020 --to 2024\n"
	"  council --format csv coverage > coverage.csv\n";

static const char *const cols[] = {
	"municipality", "council", "kind", "year", "documents", "meetings", "events", "members",
	"council_id"
};
#define NCOLS (sizeof cols / sizeof cols[0])

/* One row kept for the grid. */
typedef struct kept {
	char *municipality, *kind;
	int64_t council_id;
	int year;
	int64_t documents, records;
} kept;

typedef struct coverage_state {
	cli_list l;           /* rows printed as they come (not the grid) */
	kept *rows;           /* the grid's rows */
	size_t n, cap;
	int lo, hi;           /* the years seen */
} coverage_state;

static int row(void *vs, const council_coverage_row *r)
{
	coverage_state *s = vs;

	if (s->l.w) {
		out_text(s->l.w, r->municipality);
		out_text(s->l.w, r->council);
		out_text(s->l.w, r->kind);
		out_opt_int(s->l.w, r->year > 0 ? r->year : -1);
		out_int(s->l.w, r->documents);
		out_int(s->l.w, r->meetings);
		out_int(s->l.w, r->events);
		out_int(s->l.w, r->members);
		out_id(s->l.w, r->council_id);
		out_row_end(s->l.w);
		return 0;
	}
	if (s->n == s->cap) {
		kept *more = realloc(s->rows, (s->cap = s->cap ? 2 * s->cap : 128) * sizeof *more);
		if (!more)
			return 1;
		s->rows = more;
	}
	s->rows[s->n].municipality = cli_strdup(r->municipality ? r->municipality : "");
	s->rows[s->n].kind = cli_strdup(r->kind ? r->kind : "");
	s->rows[s->n].council_id = r->council_id;
	s->rows[s->n].year = r->year;
	s->rows[s->n].documents = r->documents;
	s->rows[s->n].records = r->meetings + r->events + r->members;
	if (r->year > 0 && (s->lo == 0 || r->year < s->lo))
		s->lo = r->year;
	if (r->year > s->hi)
		s->hi = r->year;
	s->n++;
	return 0;
}

/* The grid: rows come ordered by municipality and council, so each
 * municipality-council pair is a run of rows. */
static int grid(cli_ctx *ctx, coverage_state *s, int lo, int hi)
{
	size_t ncols = 2 + (size_t)(hi >= lo && lo > 0 ? hi - lo + 1 : 0), i = 0, c;
	const char **names = cli_alloc(ncols * sizeof *names);
	char (*years)[8] = cli_alloc((ncols + 1) * sizeof *years);
	out_writer *w;
	int rc;

	names[0] = "municipality";
	names[1] = "council";
	for (c = 2; c < ncols; c++) {
		snprintf(years[c], sizeof years[c], "%d", lo + (int)(c - 2));
		names[c] = years[c];
	}
	if (!(w = cli_writer(ctx, 0, names, ncols))) {
		free(names);
		free(years);
		return CLI_EDB;
	}
	while (i < s->n) {
		size_t j = i;
		out_text(w, s->rows[i].municipality[0] ? s->rows[i].municipality : NULL);
		out_text(w, s->rows[i].kind[0] ? s->rows[i].kind : NULL);
		for (c = 2; c < ncols; c++) {
			const char *mark = NULL;
			int year = lo + (int)(c - 2);
			for (j = i; j < s->n && s->rows[j].council_id == s->rows[i].council_id &&
			            strcmp(s->rows[j].municipality, s->rows[i].municipality) == 0; j++)
				if (s->rows[j].year == year)
					mark = s->rows[j].documents ? "#" : s->rows[j].records ? "+" : NULL;
			out_text(w, mark);
		}
		out_row_end(w);
		for (j = i; j < s->n && s->rows[j].council_id == s->rows[i].council_id &&
		            strcmp(s->rows[j].municipality, s->rows[i].municipality) == 0; j++)
			;
		i = j;
	}
	rc = cli_writer_end(ctx, w);
	free(names);
	free(years);
	return rc;
}

static int run(cli_ctx *ctx, cli_args *a)
{
	council_filter f;
	coverage_state s;
	size_t i;
	int rc;

	council_filter_init(&f);
	if ((rc = cli_set_council(ctx, a, "council", &f.council_id)) != CLI_OK ||
	    (rc = cli_set_years(ctx, a, &f)) != CLI_OK)
		return rc;
	memset(&s, 0, sizeof s);
	s.l.ctx = ctx;
	if (cli_format(ctx) != OUT_TABLE) {
		if (!(s.l.w = cli_writer(ctx, 0, cols, NCOLS)))
			return CLI_EDB;
		return cli_list_end(&s.l, council_coverage(ctx->db, &f, row, &s));
	}
	rc = council_coverage(ctx->db, &f, row, &s);
	if (rc != COUNCIL_OK)
		rc = cli_fail(ctx, rc);
	else
		rc = grid(ctx, &s, f.year_from > 0 ? f.year_from : s.lo, f.year_to > 0 ? f.year_to : s.hi);
	for (i = 0; i < s.n; i++) {
		free(s.rows[i].municipality);
		free(s.rows[i].kind);
	}
	free(s.rows);
	return rc;
}

static const cli_opt opts[] = {
	{ "council", CLI_VALUE }, { "from", CLI_VALUE }, { "to", CLI_VALUE }, { NULL, 0 }
};

static const cli_cmd cmd = {
	"coverage", run, opts, 0, 0, CLI_DB_READ,
	"which documents exist for each municipality and year", help
};

int cmd_coverage(cli_ctx *ctx, int argc, char **argv)
{
	return cli_run(ctx, "coverage", &cmd, argc, argv);
}
