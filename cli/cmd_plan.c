/* SPDX-License-Identifier: MIT */
/*
 * cmd_plan.c -- `council plan add|list|show|edit|remove`: a council's
 * action plans ("2023–2025 m. veiklos planas").  Their numbered measures
 * are in cmd_measure.c.
 */
#include "cli.h"

static const char group_help[] =
	"Usage: council plan SUBCOMMAND [ARGS...]\n"
	"\n"
	"Action plans of councils, with the years they cover.  Add measures to a\n"
	"plan with 'council measure add --plan ID'; see what was done with\n"
	"'council query fulfilment --plan ID'.\n";

#define FIELD_HELP \
	"  --council COUNCIL   id or unique part of the council's name\n" \
	"  --title TITLE       the plan's title\n" \
	"  --year-from YEAR    first year the plan covers\n" \
	"  --year-to YEAR      last year the plan covers\n" \
	"  --source ID         the source document it was taken from\n"

static const char add_help[] =
	"Usage: council plan add --council COUNCIL --title TITLE [OPTIONS]\n"
	"\n"
	"Adds a plan and prints its id.\n"
	"\n"
	"Options:\n"
	FIELD_HELP
	"\n"
	"Example:\n"
	"  council plan add --council klaipedos --title '2023−2025 m. veiklos planas' \\\n"
	"      --year-from 2023 --year-to 2025\n";

static const char list_help[] =
	"Usage: council plan list [--council COUNCIL] [--from YEAR] [--to YEAR]\n"
	"                         [--source ID] [--limit N]\n"
	"\n"
	"Lists plans.\n"
	"\n"
	"Options:\n"
	"  --council COUNCIL   only this council's plans\n"
	"  --from YEAR         only plans covering YEAR or later\n"
	"  --to YEAR           only plans covering YEAR or earlier\n"
	"  --source ID         only plans taken from this source document\n"
	"  --limit N           at most N plans\n";

static const char show_help[] =
	"Usage: council plan show ID\n"
	"\n"
	"Shows one plan.  Its measures: 'council measure list --plan ID'.\n";

static const char edit_help[] =
	"Usage: council plan edit ID [OPTIONS]\n"
	"\n"
	"Changes the fields given and keeps the others; '' makes an optional field\n"
	"unknown.\n"
	"\n"
	"Options:\n"
	FIELD_HELP;

static const char remove_help[] =
	"Usage: council plan remove ID\n"
	"\n"
	"Removes a plan with its measures and their fulfilment.\n";

#define FIELDS(req) \
	{ "council", CLI_VALUE | (req) }, { "title", CLI_VALUE | (req) }, \
	{ "year-from", CLI_VALUE }, { "year-to", CLI_VALUE }, { "source", CLI_VALUE }

static const cli_opt add_opts[] = { FIELDS(CLI_REQUIRED), { NULL, 0 } };
static const cli_opt edit_opts[] = { FIELDS(0), { NULL, 0 } };
static const cli_opt list_opts[] = {
	{ "council", CLI_VALUE }, { "from", CLI_VALUE }, { "to", CLI_VALUE },
	{ "source", CLI_VALUE }, { "limit", CLI_VALUE }, { NULL, 0 }
};
static const cli_opt no_opts[] = { { NULL, 0 } };

static const char *const cols[] = {
	"id", "council_id", "council", "title", "year_from", "year_to", "source_id"
};
#define NCOLS (sizeof cols / sizeof cols[0])

static void emit(cli_ctx *ctx, out_writer *w, const void *vr)
{
	const council_plan *r = vr;

	out_int(w, r->id);
	out_int(w, r->council_id);
	out_text(w, cli_council_name(ctx, r->council_id));
	out_text(w, r->title);
	out_opt_int(w, r->year_from);
	out_opt_int(w, r->year_to);
	out_id(w, r->source_id);
}

static int apply(cli_ctx *ctx, const cli_args *a, void *vr)
{
	council_plan *r = vr;
	int rc;

	if ((rc = cli_set_council(ctx, a, "council", &r->council_id)) ||
	    (rc = cli_set_text(ctx, a, "title", &r->title)) ||
	    (rc = cli_set_int(ctx, a, "year-from", &r->year_from)) ||
	    (rc = cli_set_int(ctx, a, "year-to", &r->year_to)) ||
	    (rc = cli_set_id(ctx, a, "source", &r->source_id)))
		return rc;
	return CLI_OK;
}

CLI_RECORD_OPS(plan);

static const cli_cmd subs[] = {
	{ "add", cli_record_add, add_opts, 0, 0, CLI_DB_WRITE, "add a plan", add_help },
	{ "list", cli_record_list, list_opts, 0, 0, CLI_DB_READ, "list plans", list_help },
	{ "show", cli_record_show, no_opts, 1, 1, CLI_DB_READ, "show one plan", show_help },
	{ "edit", cli_record_edit, edit_opts, 1, 1, CLI_DB_WRITE, "change fields of a plan",
	  edit_help },
	{ "remove", cli_record_remove, no_opts, 1, 1, CLI_DB_WRITE,
	  "remove a plan and its measures", remove_help },
};

static const cli_record record = {
	.name = "plan", .help = group_help, .subs = subs, .n_subs = sizeof subs / sizeof subs[0],
	.ops = &plan_ops, .cols = cols, .ncols = NCOLS, .emit = emit, .apply = apply,
	.list = CLI_LIST_COUNCIL | CLI_LIST_YEARS | CLI_LIST_SOURCE | CLI_LIST_LIMIT |
	        CLI_LIST_NAMES,
};

int cmd_plan(cli_ctx *ctx, int argc, char **argv)
{
	return cli_record_run(ctx, &record, argc, argv);
}
