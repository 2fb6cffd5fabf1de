/* SPDX-License-Identifier: MIT */
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

static void emit(cli_ctx *ctx, out_writer *w, const void *vr)
{
	const council_figure *r = vr;

	out_int(w, r->id);
	out_int(w, r->council_id);
	out_text(w, cli_council_name(ctx, r->council_id));
	out_int(w, r->year);
	out_enum(w, COUNCIL_ENUM_METRIC, (int)r->metric);
	out_int(w, r->value);
	out_enum(w, COUNCIL_ENUM_QUALIFIER, (int)r->qualifier);
	out_id(w, r->source_id);
}

static int apply(cli_ctx *ctx, const cli_args *a, void *vr)
{
	council_figure *r = vr;
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

CLI_RECORD_OPS(figure);

static const cli_cmd subs[] = {
	{ "add", cli_record_add, add_opts, 0, 0, CLI_DB_WRITE, "add a reported figure", add_help },
	{ "list", cli_record_list, list_opts, 0, 0, CLI_DB_READ, "list reported figures",
	  list_help },
	{ "show", cli_record_show, no_opts, 1, 1, CLI_DB_READ, "show one figure", show_help },
	{ "edit", cli_record_edit, edit_opts, 1, 1, CLI_DB_WRITE, "change fields of a figure",
	  edit_help },
	{ "remove", cli_record_remove, no_opts, 1, 1, CLI_DB_WRITE, "remove a figure",
	  remove_help },
};

static const cli_record record = {
	.name = "figure", .help = group_help, .subs = subs, .n_subs = sizeof subs / sizeof subs[0],
	.ops = &figure_ops, .cols = cols, .ncols = NCOLS, .emit = emit, .apply = apply,
	.list = CLI_LIST_COUNCIL | CLI_LIST_YEARS | CLI_LIST_SOURCE | CLI_LIST_LIMIT |
	        CLI_LIST_NAMES,
};

int cmd_figure(cli_ctx *ctx, int argc, char **argv)
{
	return cli_record_run(ctx, &record, argc, argv);
}
