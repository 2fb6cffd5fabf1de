/* SPDX-License-Identifier: MIT */
/*
 * cmd_check.c -- `council check`: what the law on community organisations
 * and the documents' agreement ask, as findings (council_check, the view
 * `findings`).  A report, not an error: it exits 0 with findings printed,
 * unless --strict is given.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char help[] =
	"Usage: council check [--council COUNCIL] [--year YEAR] [--limit N] [--strict]\n"
	"       council check --list\n"
	"\n"
	"Checks the registry as the ministry reads it and prints one row per\n"
	"finding: council, year (empty when not dated), kind, what was found, the\n"
	"records it comes from (\"member 3, member 7\") and the documents stating\n"
	"them.  The checks (--list prints them): the parity rule of the law on\n"
	"community organisations (at most half of a BO council's members from\n"
	"municipal institutions), a term longer than three years, two chairs,\n"
	"deputies or secretaries at once, no chair, members or seats other than\n"
	"the council's size, fewer meetings stated than listed, documents\n"
	"disagreeing on a figure or on an event's participants, names that may be\n"
	"one person, and meetings or events outside their report's year.\n"
	"\n"
	"Findings are a report, not an error: the exit status is 0 whatever is\n"
	"found, unless --strict.  The same rows are the public view 'findings'.\n"
	"\n"
	"Options:\n"
	"  --council COUNCIL  findings of this council (id or name part)\n"
	"  --year YEAR        findings of this year, and those of no particular year\n"
	"  --limit N          at most N findings\n"
	"  --strict           exit 1 when there is any finding (for scripts and CI)\n"
	"  --list             print the checks, kind and what each asks, and exit\n"
	"\n"
	"Examples:\n"
	"  council check\n"
	"  council check --council utenos --year 2023\n"
	"  council check --strict --quiet || echo 'the registry has findings'\n";

static const char *const cols[] = {
	"council", "year", "kind", "detail", "record", "documents", "council_id"
};
#define NCOLS (sizeof cols / sizeof cols[0])

typedef struct check_list {
	cli_list l;
	long long n;
} check_list;

static int row(void *vl, const council_finding *f)
{
	check_list *c = vl;

	c->n++;
	if (!c->l.w)
		return 0;
	out_text(c->l.w, f->council);
	out_opt_int(c->l.w, f->year > 0 ? f->year : -1);
	out_text(c->l.w, f->kind);
	out_text(c->l.w, f->detail);
	out_text(c->l.w, f->record);
	out_text(c->l.w, f->documents);
	out_int(c->l.w, f->council_id);
	out_row_end(c->l.w);
	return 0;
}

static int list_checks(cli_ctx *ctx)
{
	static const char *const kcols[] = { "kind", "what" };
	out_writer *w = cli_writer(ctx, 0, kcols, 2);
	const char *kind, *what;
	size_t i;

	if (!w)
		return CLI_EDB;
	for (i = 0; (kind = council_check_kind(i, &what)) != NULL; i++) {
		out_text(w, kind);
		out_text(w, what);
		out_row_end(w);
	}
	return cli_writer_end(ctx, w);
}

static int run(cli_ctx *ctx, cli_args *a)
{
	council_filter f;
	check_list c;
	const char *v;
	int rc;

	if (cli_has(a, "list"))
		return list_checks(ctx);
	if ((rc = cli_open(ctx, CLI_DB_READ)) != CLI_OK)
		return rc;
	council_filter_init(&f);
	if ((rc = cli_set_council(ctx, a, "council", &f.council_id)) != CLI_OK ||
	    (rc = cli_set_limit(ctx, a, &f)) != CLI_OK)
		return rc;
	if ((v = cli_str(a, "year"))) {
		if ((rc = cli_parse_intval(ctx, "--year", v, &f.year_from)) != CLI_OK)
			return rc;
		f.year_to = f.year_from;
	}
	memset(&c, 0, sizeof c);
	c.l.ctx = ctx;
	if (!ctx->quiet && !(c.l.w = cli_writer(ctx, 0, cols, NCOLS)))
		return CLI_EDB;
	rc = council_check(ctx->db, &f, row, &c);
	if (c.l.w)
		rc = cli_list_end(&c.l, rc);
	else if (rc != COUNCIL_OK)
		rc = cli_fail(ctx, rc);
	if (rc != CLI_OK)
		return rc;
	if (!ctx->quiet)
		fprintf(stderr, "council: check: %lld finding%s\n", c.n, c.n == 1 ? "" : "s");
	return cli_has(a, "strict") && c.n > 0 ? CLI_EPARTIAL : CLI_OK;
}

static const cli_opt opts[] = {
	{ "council", CLI_VALUE }, { "year", CLI_VALUE }, { "limit", CLI_VALUE },
	{ "strict", CLI_FLAG }, { "list", CLI_FLAG }, { NULL, 0 }
};

/* The database is opened in run: --list needs none. */
static const cli_cmd cmd = {
	"check", run, opts, 0, 0, CLI_DB_NONE,
	"findings: the law's rules and documents that disagree", help
};

int cmd_check(cli_ctx *ctx, int argc, char **argv)
{
	return cli_run(ctx, "check", &cmd, argc, argv);
}
