/* SPDX-License-Identifier: MIT */
/*
 * cmd_act.c -- `council act add|list|show|edit|remove`: legal acts
 * concerning councils (founding decisions, amendments, approved rules).
 */
#include "cli.h"

static const char group_help[] =
	"Usage: council act SUBCOMMAND [ARGS...]\n"
	"\n"
	"Legal acts: a municipal council's decision that founded a council, amended\n"
	"its rules or appointed its members, by number and date (T-55, 2019-02-26).\n";

#define FIELD_HELP \
	"  --council COUNCIL   id or unique part of the council's name ('' for none)\n" \
	"  --number NUMBER     the act's number, e.g. T-55\n" \
	"  --date DATE         2019, 2019-02 or 2019-02-26\n" \
	"  --title TITLE       the act's title\n" \
	"  --effect EFFECT     establishes, amends, approves_rules, appoints or other\n" \
	"                      (default other)\n" \
	"  --source ID         the source document it was taken from\n"

static const char add_help[] =
	"Usage: council act add --number NUMBER [OPTIONS]\n"
	"\n"
	"Adds a legal act and prints its id.\n"
	"\n"
	"Options:\n"
	FIELD_HELP
	"\n"
	"Example:\n"
	"  council act add --council kauno --number T-55 --date 2019-02-26 --effect establishes\n";

static const char list_help[] =
	"Usage: council act list [--council COUNCIL] [--from YEAR] [--to YEAR]\n"
	"                        [--source ID] [--limit N]\n"
	"\n"
	"Lists legal acts by council and date.\n"
	"\n"
	"Options:\n"
	"  --council COUNCIL   only acts concerning this council\n"
	"  --from YEAR         only acts of YEAR or later\n"
	"  --to YEAR           only acts of YEAR or earlier\n"
	"  --source ID         only acts taken from this source document\n"
	"  --limit N           at most N acts\n";

static const char show_help[] =
	"Usage: council act show ID\n"
	"\n"
	"Shows one legal act.\n";

static const char edit_help[] =
	"Usage: council act edit ID [OPTIONS]\n"
	"\n"
	"Changes the fields given and keeps the others; '' makes an optional field\n"
	"unknown.\n"
	"\n"
	"Options:\n"
	FIELD_HELP;

static const char remove_help[] =
	"Usage: council act remove ID\n"
	"\n"
	"Removes a legal act.\n";

#define FIELDS(req) \
	{ "council", CLI_VALUE }, { "number", CLI_VALUE | (req) }, { "date", CLI_VALUE }, \
	{ "title", CLI_VALUE }, { "effect", CLI_VALUE }, { "source", CLI_VALUE }

static const cli_opt add_opts[] = { FIELDS(CLI_REQUIRED), { NULL, 0 } };
static const cli_opt edit_opts[] = { FIELDS(0), { NULL, 0 } };
static const cli_opt list_opts[] = {
	{ "council", CLI_VALUE }, { "from", CLI_VALUE }, { "to", CLI_VALUE },
	{ "source", CLI_VALUE }, { "limit", CLI_VALUE }, { NULL, 0 }
};
static const cli_opt no_opts[] = { { NULL, 0 } };

static const char *const cols[] = {
	"id", "council_id", "council", "number", "date", "title", "effect", "source_id"
};
#define NCOLS (sizeof cols / sizeof cols[0])

static void emit(cli_ctx *ctx, out_writer *w, const void *vr)
{
	const council_act *r = vr;

	out_int(w, r->id);
	out_id(w, r->council_id);
	out_text(w, r->council_id ? cli_council_name(ctx, r->council_id) : NULL);
	out_text(w, r->number);
	out_date(w, &r->date);
	out_text(w, r->title);
	out_enum(w, COUNCIL_ENUM_ACT_EFFECT, (int)r->effect);
	out_id(w, r->source_id);
}

static int apply(cli_ctx *ctx, const cli_args *a, void *vr)
{
	council_act *r = vr;
	int effect = (int)r->effect, rc;

	if ((rc = cli_set_council(ctx, a, "council", &r->council_id)) ||
	    (rc = cli_set_text(ctx, a, "number", &r->number)) ||
	    (rc = cli_set_date(ctx, a, "date", &r->date)) ||
	    (rc = cli_set_text(ctx, a, "title", &r->title)) ||
	    (rc = cli_set_enum(ctx, a, "effect", COUNCIL_ENUM_ACT_EFFECT, &effect)) ||
	    (rc = cli_set_id(ctx, a, "source", &r->source_id)))
		return rc;
	r->effect = (council_act_effect)effect;
	return CLI_OK;
}

CLI_RECORD_OPS(act);

static const cli_cmd subs[] = {
	{ "add", cli_record_add, add_opts, 0, 0, CLI_DB_WRITE, "add a legal act", add_help },
	{ "list", cli_record_list, list_opts, 0, 0, CLI_DB_READ, "list legal acts", list_help },
	{ "show", cli_record_show, no_opts, 1, 1, CLI_DB_READ, "show one legal act", show_help },
	{ "edit", cli_record_edit, edit_opts, 1, 1, CLI_DB_WRITE, "change fields of a legal act",
	  edit_help },
	{ "remove", cli_record_remove, no_opts, 1, 1, CLI_DB_WRITE, "remove a legal act",
	  remove_help },
};

static const cli_record record = {
	.name = "act", .help = group_help, .subs = subs, .n_subs = sizeof subs / sizeof subs[0],
	.ops = &act_ops, .cols = cols, .ncols = NCOLS, .emit = emit, .apply = apply,
	.list = CLI_LIST_COUNCIL | CLI_LIST_YEARS | CLI_LIST_SOURCE | CLI_LIST_LIMIT |
	        CLI_LIST_NAMES,
};

int cmd_act(cli_ctx *ctx, int argc, char **argv)
{
	return cli_record_run(ctx, &record, argc, argv);
}
