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

static void emit(cli_ctx *ctx, out_writer *w, const council_meeting *r)
{
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
	out_row_end(w);
}

static int apply(cli_ctx *ctx, const cli_args *a, council_meeting *r)
{
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

static int run_add(cli_ctx *ctx, cli_args *a)
{
	council_meeting *r = cli_alloc(sizeof *r);
	council_id id = 0;
	int rc;

	council_meeting_init(r);
	if ((rc = apply(ctx, a, r)) == CLI_OK) {
		if ((rc = council_meeting_add(&id, ctx->db, r)) != COUNCIL_OK)
			rc = cli_fail(ctx, rc);
		else
			cli_print_id(ctx, id);
	}
	council_meeting_free(r);
	return rc;
}

static int list_cb(void *vl, const council_meeting *r)
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
	    (rc = cli_set_range(ctx, a, &f, 0)) ||
	    (rc = cli_set_id(ctx, a, "source", &f.source_id)) ||
	    (rc = cli_set_limit(ctx, a, &f)))
		return rc;
	cli_load_council_names(ctx);
	if (!(l.w = cli_writer(ctx, 0, cols, NCOLS)))
		return CLI_EDB;
	return cli_list_end(&l, council_meeting_list(ctx->db, &f, list_cb, &l));
}

static int run_show(cli_ctx *ctx, cli_args *a)
{
	council_meeting *r = NULL;
	council_id id;
	out_writer *w;
	int rc;

	if ((rc = cli_pos_id(ctx, a, 0, "meeting id", &id)) != CLI_OK)
		return rc;
	if ((rc = council_meeting_get(&r, ctx->db, id)) != COUNCIL_OK)
		return cli_fail(ctx, rc);
	cli_load_council_names(ctx);
	rc = CLI_EDB;
	if ((w = cli_writer(ctx, 1, cols, NCOLS))) {
		emit(ctx, w, r);
		rc = cli_writer_end(ctx, w);
	}
	council_meeting_free(r);
	return rc;
}

static int run_edit(cli_ctx *ctx, cli_args *a)
{
	council_meeting *r = NULL;
	council_id id;
	int rc;

	if ((rc = cli_pos_id(ctx, a, 0, "meeting id", &id)) != CLI_OK)
		return rc;
	if ((rc = council_meeting_get(&r, ctx->db, id)) != COUNCIL_OK)
		return cli_fail(ctx, rc);
	if ((rc = apply(ctx, a, r)) == CLI_OK && (rc = council_meeting_update(ctx->db, r)) != COUNCIL_OK)
		rc = cli_fail(ctx, rc);
	council_meeting_free(r);
	return rc;
}

static int run_remove(cli_ctx *ctx, cli_args *a)
{
	council_id id;
	int rc;

	if ((rc = cli_pos_id(ctx, a, 0, "meeting id", &id)) != CLI_OK)
		return rc;
	if ((rc = council_meeting_delete(ctx->db, id)) != COUNCIL_OK)
		return cli_fail(ctx, rc);
	return CLI_OK;
}

static const cli_cmd subs[] = {
	{ "add", run_add, add_opts, 0, 0, CLI_DB_WRITE, "add a meeting", add_help },
	{ "list", run_list, list_opts, 0, 0, CLI_DB_READ, "list meetings", list_help },
	{ "show", run_show, no_opts, 1, 1, CLI_DB_READ, "show one meeting", show_help },
	{ "edit", run_edit, edit_opts, 1, 1, CLI_DB_WRITE, "change fields of a meeting", edit_help },
	{ "remove", run_remove, no_opts, 1, 1, CLI_DB_WRITE, "remove a meeting", remove_help },
};

int cmd_meeting(cli_ctx *ctx, int argc, char **argv)
{
	return cli_run_group(ctx, "meeting", group_help, subs, sizeof subs / sizeof subs[0],
	                     argc, argv);
}
