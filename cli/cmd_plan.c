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

static void emit(cli_ctx *ctx, out_writer *w, const council_plan *r)
{
	out_int(w, r->id);
	out_int(w, r->council_id);
	out_text(w, cli_council_name(ctx, r->council_id));
	out_text(w, r->title);
	out_opt_int(w, r->year_from);
	out_opt_int(w, r->year_to);
	out_id(w, r->source_id);
	out_row_end(w);
}

static int apply(cli_ctx *ctx, const cli_args *a, council_plan *r)
{
	int rc;

	if ((rc = cli_set_council(ctx, a, "council", &r->council_id)) ||
	    (rc = cli_set_text(ctx, a, "title", &r->title)) ||
	    (rc = cli_set_int(ctx, a, "year-from", &r->year_from)) ||
	    (rc = cli_set_int(ctx, a, "year-to", &r->year_to)) ||
	    (rc = cli_set_id(ctx, a, "source", &r->source_id)))
		return rc;
	return CLI_OK;
}

static int run_add(cli_ctx *ctx, cli_args *a)
{
	council_plan *r = cli_alloc(sizeof *r);
	council_id id = 0;
	int rc;

	council_plan_init(r);
	if ((rc = apply(ctx, a, r)) == CLI_OK) {
		if ((rc = council_plan_add(&id, ctx->db, r)) != COUNCIL_OK)
			rc = cli_fail(ctx, rc);
		else
			cli_print_id(ctx, id);
	}
	council_plan_free(r);
	return rc;
}

static int list_cb(void *vl, const council_plan *r)
{
	cli_list *l = vl;

	emit(l->ctx, l->w, r);
	return 0;
}

static int run_list(cli_ctx *ctx, cli_args *a)
{
	council_filter f;
	cli_list l = { ctx, NULL };
	int rc;

	council_filter_init(&f);
	if ((rc = cli_set_council(ctx, a, "council", &f.council_id)) ||
	    (rc = cli_set_years(ctx, a, &f)) ||
	    (rc = cli_set_id(ctx, a, "source", &f.source_id)) ||
	    (rc = cli_set_limit(ctx, a, &f)))
		return rc;
	cli_load_council_names(ctx);
	if (!(l.w = cli_writer(ctx, 0, cols, NCOLS)))
		return CLI_EDB;
	return cli_list_end(&l, council_plan_list(ctx->db, &f, list_cb, &l));
}

static int run_show(cli_ctx *ctx, cli_args *a)
{
	council_plan *r = NULL;
	council_id id;
	out_writer *w;
	int rc;

	if ((rc = cli_pos_id(ctx, a, 0, "plan id", &id)) != CLI_OK)
		return rc;
	if ((rc = council_plan_get(&r, ctx->db, id)) != COUNCIL_OK)
		return cli_fail(ctx, rc);
	cli_load_council_names(ctx);
	rc = CLI_EDB;
	if ((w = cli_writer(ctx, 1, cols, NCOLS))) {
		emit(ctx, w, r);
		rc = cli_writer_end(ctx, w);
	}
	council_plan_free(r);
	return rc;
}

static int run_edit(cli_ctx *ctx, cli_args *a)
{
	council_plan *r = NULL;
	council_id id;
	int rc;

	if ((rc = cli_pos_id(ctx, a, 0, "plan id", &id)) != CLI_OK)
		return rc;
	if ((rc = council_plan_get(&r, ctx->db, id)) != COUNCIL_OK)
		return cli_fail(ctx, rc);
	if ((rc = apply(ctx, a, r)) == CLI_OK && (rc = council_plan_update(ctx->db, r)) != COUNCIL_OK)
		rc = cli_fail(ctx, rc);
	council_plan_free(r);
	return rc;
}

static int run_remove(cli_ctx *ctx, cli_args *a)
{
	council_id id;
	int rc;

	if ((rc = cli_pos_id(ctx, a, 0, "plan id", &id)) != CLI_OK)
		return rc;
	if ((rc = council_plan_delete(ctx->db, id)) != COUNCIL_OK)
		return cli_fail(ctx, rc);
	return CLI_OK;
}

static const cli_cmd subs[] = {
	{ "add", run_add, add_opts, 0, 0, CLI_DB_WRITE, "add a plan", add_help },
	{ "list", run_list, list_opts, 0, 0, CLI_DB_READ, "list plans", list_help },
	{ "show", run_show, no_opts, 1, 1, CLI_DB_READ, "show one plan", show_help },
	{ "edit", run_edit, edit_opts, 1, 1, CLI_DB_WRITE, "change fields of a plan", edit_help },
	{ "remove", run_remove, no_opts, 1, 1, CLI_DB_WRITE, "remove a plan and its measures", remove_help },
};

int cmd_plan(cli_ctx *ctx, int argc, char **argv)
{
	return cli_run_group(ctx, "plan", group_help, subs, sizeof subs / sizeof subs[0],
	                     argc, argv);
}
