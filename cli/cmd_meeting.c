/* SPDX-License-Identifier: MIT */
/*
 * cmd_meeting.c -- `council meeting add|list|show|edit|remove`: a council's
 * own sittings that a document dates.  Counts a report only states
 * ("3 posėdžiai") are figures (cmd_figure.c); `council query meetings`
 * reconciles both per year.
 */
#include "cli.h"

static const char group_help[] =
	"Usage: council meeting SUBCOMMAND [ARGS...]\n"
	"\n"
	"Meetings (posėdžiai) of a council that a document dates, at least to the\n"
	"year.  A count a report states without dates is a figure instead:\n"
	"'council figure add --metric meetings'.  Per-year totals of both:\n"
	"'council query meetings'.\n";

#define FIELD_HELP \
	"  --council COUNCIL   id or unique part of the council's name\n" \
	"  --date DATE         2024, 2024-02, 2024-02-05 or a range FROM..TO\n" \
	"  --mode MODE         how it was held: in_person, remote, hybrid or unknown\n" \
	"                      (the 'format' column; default unknown)\n" \
	"  --platform NAME     e.g. 'Microsoft Teams'\n" \
	"  --location TEXT     where it was held\n" \
	"  --summary TEXT      what was discussed\n" \
	"  --source ID         the source document it was taken from\n"

static const char add_help[] =
	"Usage: council meeting add --council COUNCIL --date DATE [OPTIONS]\n"
	"\n"
	"Adds a meeting and prints its id.\n"
	"\n"
	"Options:\n"
	FIELD_HELP
	"\n"
	"Example:\n"
	"  council meeting add --council klaipedos --date 2024-01-30 --mode in_person\n";

static const char list_help[] =
	"Usage: council meeting list [--council COUNCIL] [--from DATE] [--to DATE]\n"
	"                            [--source ID] [--limit N]\n"
	"\n"
	"Lists meetings by council and date.\n"
	"\n"
	"Options:\n"
	"  --council COUNCIL   only this council's meetings\n"
	"  --from DATE         only meetings on or after DATE\n"
	"  --to DATE           only meetings on or before DATE (2024 means all of 2024)\n"
	"  --source ID         only meetings taken from this source document\n"
	"  --limit N           at most N meetings\n";

static const char show_help[] =
	"Usage: council meeting show ID\n"
	"\n"
	"Shows one meeting.\n";

static const char edit_help[] =
	"Usage: council meeting edit ID [OPTIONS]\n"
	"\n"
	"Changes the fields given and keeps the others; '' makes an optional field\n"
	"unknown.\n"
	"\n"
	"Options:\n"
	FIELD_HELP;

static const char remove_help[] =
	"Usage: council meeting remove ID\n"
	"\n"
	"Removes a meeting; events held at it stay, no longer linked to it.\n";

#define FIELDS(req) \
	{ "council", CLI_VALUE | (req) }, { "date", CLI_VALUE | (req) }, { "mode", CLI_VALUE }, \
	{ "platform", CLI_VALUE }, { "location", CLI_VALUE }, { "summary", CLI_VALUE }, \
	{ "source", CLI_VALUE }

static const cli_opt add_opts[] = { FIELDS(CLI_REQUIRED), { NULL, 0 } };
static const cli_opt edit_opts[] = { FIELDS(0), { NULL, 0 } };
static const cli_opt list_opts[] = {
	{ "council", CLI_VALUE }, { "from", CLI_VALUE }, { "to", CLI_VALUE },
	{ "source", CLI_VALUE }, { "limit", CLI_VALUE }, { NULL, 0 }
};
static const cli_opt no_opts[] = { { NULL, 0 } };

static const char *const cols[] = {
	"id", "council_id", "council", "date_start", "date_end", "format", "platform",
	"location", "summary", "source_id"
};
#define NCOLS (sizeof cols / sizeof cols[0])

static void emit(cli_ctx *ctx, out_writer *w, const void *vr)
{
	const council_meeting *r = vr;

	out_int(w, r->id);
	out_int(w, r->council_id);
	out_text(w, cli_council_name(ctx, r->council_id));
	out_date(w, &r->date.start);
	out_date(w, &r->date.end);
	out_enum(w, COUNCIL_ENUM_FORMAT, (int)r->format);
	out_text(w, r->platform);
	out_text(w, r->location);
	out_text(w, r->summary);
	out_id(w, r->source_id);
}

static int apply(cli_ctx *ctx, const cli_args *a, void *vr)
{
	council_meeting *r = vr;
	int mode = (int)r->format, rc;

	if ((rc = cli_set_council(ctx, a, "council", &r->council_id)) ||
	    (rc = cli_set_period(ctx, a, "date", &r->date)) ||
	    (rc = cli_set_enum(ctx, a, "mode", COUNCIL_ENUM_FORMAT, &mode)) ||
	    (rc = cli_set_text(ctx, a, "platform", &r->platform)) ||
	    (rc = cli_set_text(ctx, a, "location", &r->location)) ||
	    (rc = cli_set_text(ctx, a, "summary", &r->summary)) ||
	    (rc = cli_set_id(ctx, a, "source", &r->source_id)))
		return rc;
	r->format = (council_format)mode;
	return CLI_OK;
}

CLI_RECORD_OPS(meeting);

static const cli_cmd subs[] = {
	{ "add", cli_record_add, add_opts, 0, 0, CLI_DB_WRITE, "add a meeting", add_help },
	{ "list", cli_record_list, list_opts, 0, 0, CLI_DB_READ, "list meetings", list_help },
	{ "show", cli_record_show, no_opts, 1, 1, CLI_DB_READ, "show one meeting", show_help },
	{ "edit", cli_record_edit, edit_opts, 1, 1, CLI_DB_WRITE, "change fields of a meeting",
	  edit_help },
	{ "remove", cli_record_remove, no_opts, 1, 1, CLI_DB_WRITE, "remove a meeting",
	  remove_help },
};

static const cli_record record = {
	.name = "meeting", .help = group_help, .subs = subs, .n_subs = sizeof subs / sizeof subs[0],
	.ops = &meeting_ops, .cols = cols, .ncols = NCOLS, .emit = emit, .apply = apply,
	.list = CLI_LIST_COUNCIL | CLI_LIST_RANGE | CLI_LIST_SOURCE | CLI_LIST_LIMIT |
	        CLI_LIST_NAMES,
};

int cmd_meeting(cli_ctx *ctx, int argc, char **argv)
{
	return cli_record_run(ctx, &record, argc, argv);
}
