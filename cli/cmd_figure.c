/*
 * cmd_figure.c -- `council figure add|list|show|edit|remove`: figures a
 * report states for a council and year without listing the rows behind
 * them ("įvyko 3 posėdžiai, iš kurių 2 nuotoliniu būdu").
 */
#include <stdint.h>

#include "cli.h"

static const char group_help[] =
	"Usage: council figure SUBCOMMAND [ARGS...]\n"
	"\n"
	"Reported figures: what a report states for a council and year, such as\n"
	"'3 meetings, 2 of them remote' or 'at least 1 meeting'.  Metrics:\n"
	"meetings, meetings_remote, members, events, participants.  Qualifiers:\n"
	"exact, more_than, at_least, about.  'council query meetings' takes the\n"
	"larger of the stated and the listed number of meetings per year.\n";

#define FIELD_HELP \
	"  --council COUNCIL     id or unique part of the council's name\n" \
	"  --year YEAR           the year the figure is for\n" \
	"  --metric METRIC       meetings, meetings_remote, members, events or\n" \
	"                        participants\n" \
	"  --value N             the number stated\n" \
	"  --qualifier Q         exact, more_than, at_least or about (default exact)\n" \
	"  --source ID           the source document it was taken from\n"

static const char add_help[] =
	"Usage: council figure add --council COUNCIL --year YEAR --metric METRIC --value N\n"
	"                          [--qualifier Q] [--source ID]\n"
	"\n"
	"Adds a reported figure and prints its id.\n"
	"\n"
	"Options:\n"
	FIELD_HELP
	"\n"
	"Examples:\n"
	"  council figure add --council kauno --year 2021 --metric meetings --value 3\n"
	"  council figure add --council kauno --year 2021 --metric meetings_remote --value 2\n"
	"  council figure add --council klaipedos --year 2024 --metric meetings --value 1 \\\n"
	"      --qualifier at_least\n";

static const char list_help[] =
	"Usage: council figure list [--council COUNCIL] [--from YEAR] [--to YEAR]\n"
	"                           [--source ID] [--limit N]\n"
	"\n"
	"Lists figures by council, year and metric.\n"
	"\n"
	"Options:\n"
	"  --council COUNCIL   only this council's figures\n"
	"  --from YEAR         only figures for YEAR or later\n"
	"  --to YEAR           only figures for YEAR or earlier\n"
	"  --source ID         only figures taken from this source document\n"
	"  --limit N           at most N figures\n";

static const char show_help[] =
	"Usage: council figure show ID\n"
	"\n"
	"Shows one reported figure.\n";

static const char edit_help[] =
	"Usage: council figure edit ID [OPTIONS]\n"
	"\n"
	"Changes the fields given and keeps the others.\n"
	"\n"
	"Options:\n"
	FIELD_HELP;

static const char remove_help[] =
	"Usage: council figure remove ID\n"
	"\n"
	"Removes a reported figure.\n";

#define FIELDS(req) \
	{ "council", CLI_VALUE | (req) }, { "year", CLI_VALUE | (req) }, \
	{ "metric", CLI_VALUE | (req) }, { "value", CLI_VALUE | (req) }, \
	{ "qualifier", CLI_VALUE }, { "source", CLI_VALUE }

static const cli_opt add_opts[] = { FIELDS(CLI_REQUIRED), { NULL, 0 } };
static const cli_opt edit_opts[] = { FIELDS(0), { NULL, 0 } };
static const cli_opt list_opts[] = {
	{ "council", CLI_VALUE }, { "from", CLI_VALUE }, { "to", CLI_VALUE },
	{ "source", CLI_VALUE }, { "limit", CLI_VALUE }, { NULL, 0 }
};
static const cli_opt no_opts[] = { { NULL, 0 } };

static const char *const cols[] = {
	"id", "council_id", "council", "year", "metric", "value", "qualifier", "source_id"
};
#define NCOLS (sizeof cols / sizeof cols[0])

static void emit(cli_ctx *ctx, out_writer *w, const council_figure *r)
{
	out_int(w, r->id);
	out_int(w, r->council_id);
	out_text(w, cli_council_name(ctx, r->council_id));
	out_int(w, r->year);
	out_enum(w, COUNCIL_ENUM_METRIC, (int)r->metric);
	out_int(w, r->value);
	out_enum(w, COUNCIL_ENUM_QUALIFIER, (int)r->qualifier);
	out_id(w, r->source_id);
	out_row_end(w);
}

static int apply(cli_ctx *ctx, const cli_args *a, council_figure *r)
{
	int metric = (int)r->metric, qualifier = (int)r->qualifier, rc;
	const char *value = cli_str(a, "value");

	if ((rc = cli_set_council(ctx, a, "council", &r->council_id)) ||
	    (rc = cli_set_int(ctx, a, "year", &r->year)) ||
	    (rc = cli_set_enum(ctx, a, "metric", COUNCIL_ENUM_METRIC, &metric)) ||
	    (rc = cli_set_enum(ctx, a, "qualifier", COUNCIL_ENUM_QUALIFIER, &qualifier)) ||
	    (rc = cli_set_id(ctx, a, "source", &r->source_id)))
		return rc;
	if (value && (rc = cli_parse_int64(ctx, "--value", value, 0, INT64_MAX, &r->value)))
		return rc;
	r->metric = (council_metric)metric;
	r->qualifier = (council_qualifier)qualifier;
	return CLI_OK;
}

static int run_add(cli_ctx *ctx, cli_args *a)
{
	council_figure *r = cli_alloc(sizeof *r);
	council_id id = 0;
	int rc;

	council_figure_init(r);
	if ((rc = apply(ctx, a, r)) == CLI_OK) {
		if ((rc = council_figure_add(&id, ctx->db, r)) != COUNCIL_OK)
			rc = cli_fail(ctx, rc);
		else
			cli_print_id(ctx, id);
	}
	council_figure_free(r);
	return rc;
}

static int list_cb(void *vl, const council_figure *r)
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
	return cli_list_end(&l, council_figure_list(ctx->db, &f, list_cb, &l));
}

static int run_show(cli_ctx *ctx, cli_args *a)
{
	council_figure *r = NULL;
	council_id id;
	out_writer *w;
	int rc;

	if ((rc = cli_pos_id(ctx, a, 0, "figure id", &id)) != CLI_OK)
		return rc;
	if ((rc = council_figure_get(&r, ctx->db, id)) != COUNCIL_OK)
		return cli_fail(ctx, rc);
	cli_load_council_names(ctx);
	rc = CLI_EDB;
	if ((w = cli_writer(ctx, 1, cols, NCOLS))) {
		emit(ctx, w, r);
		rc = cli_writer_end(ctx, w);
	}
	council_figure_free(r);
	return rc;
}

static int run_edit(cli_ctx *ctx, cli_args *a)
{
	council_figure *r = NULL;
	council_id id;
	int rc;

	if ((rc = cli_pos_id(ctx, a, 0, "figure id", &id)) != CLI_OK)
		return rc;
	if ((rc = council_figure_get(&r, ctx->db, id)) != COUNCIL_OK)
		return cli_fail(ctx, rc);
	if ((rc = apply(ctx, a, r)) == CLI_OK && (rc = council_figure_update(ctx->db, r)) != COUNCIL_OK)
		rc = cli_fail(ctx, rc);
	council_figure_free(r);
	return rc;
}

static int run_remove(cli_ctx *ctx, cli_args *a)
{
	council_id id;
	int rc;

	if ((rc = cli_pos_id(ctx, a, 0, "figure id", &id)) != CLI_OK)
		return rc;
	if ((rc = council_figure_delete(ctx->db, id)) != COUNCIL_OK)
		return cli_fail(ctx, rc);
	return CLI_OK;
}

static const cli_cmd subs[] = {
	{ "add", run_add, add_opts, 0, 0, CLI_DB_WRITE, "add a reported figure", add_help },
	{ "list", run_list, list_opts, 0, 0, CLI_DB_READ, "list reported figures", list_help },
	{ "show", run_show, no_opts, 1, 1, CLI_DB_READ, "show one figure", show_help },
	{ "edit", run_edit, edit_opts, 1, 1, CLI_DB_WRITE, "change fields of a figure", edit_help },
	{ "remove", run_remove, no_opts, 1, 1, CLI_DB_WRITE, "remove a figure", remove_help },
};

int cmd_figure(cli_ctx *ctx, int argc, char **argv)
{
	return cli_run_group(ctx, "figure", group_help, subs, sizeof subs / sizeof subs[0],
	                     argc, argv);
}
