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

static void emit(cli_ctx *ctx, out_writer *w, const council_act *r)
{
	out_int(w, r->id);
	out_id(w, r->council_id);
	out_text(w, r->council_id ? cli_council_name(ctx, r->council_id) : NULL);
	out_text(w, r->number);
	out_date(w, &r->date);
	out_text(w, r->title);
	out_enum(w, COUNCIL_ENUM_ACT_EFFECT, (int)r->effect);
	out_id(w, r->source_id);
	out_row_end(w);
}

static int apply(cli_ctx *ctx, const cli_args *a, council_act *r)
{
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

static int run_add(cli_ctx *ctx, cli_args *a)
{
	council_act *r = cli_alloc(sizeof *r);
	council_id id = 0;
	int rc;

	council_act_init(r);
	if ((rc = apply(ctx, a, r)) == CLI_OK) {
		if ((rc = council_act_add(&id, ctx->db, r)) != COUNCIL_OK)
			rc = cli_fail(ctx, rc);
		else
			cli_print_id(ctx, id);
	}
	council_act_free(r);
	return rc;
}

static int list_cb(void *vl, const council_act *r)
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
	return cli_list_end(&l, council_act_list(ctx->db, &f, list_cb, &l));
}

static int run_show(cli_ctx *ctx, cli_args *a)
{
	council_act *r = NULL;
	council_id id;
	out_writer *w;
	int rc;

	if ((rc = cli_pos_id(ctx, a, 0, "act id", &id)) != CLI_OK)
		return rc;
	if ((rc = council_act_get(&r, ctx->db, id)) != COUNCIL_OK)
		return cli_fail(ctx, rc);
	cli_load_council_names(ctx);
	rc = CLI_EDB;
	if ((w = cli_writer(ctx, 1, cols, NCOLS))) {
		emit(ctx, w, r);
		rc = cli_writer_end(ctx, w);
	}
	council_act_free(r);
	return rc;
}

static int run_edit(cli_ctx *ctx, cli_args *a)
{
	council_act *r = NULL;
	council_id id;
	int rc;

	if ((rc = cli_pos_id(ctx, a, 0, "act id", &id)) != CLI_OK)
		return rc;
	if ((rc = council_act_get(&r, ctx->db, id)) != COUNCIL_OK)
		return cli_fail(ctx, rc);
	if ((rc = apply(ctx, a, r)) == CLI_OK && (rc = council_act_update(ctx->db, r)) != COUNCIL_OK)
		rc = cli_fail(ctx, rc);
	council_act_free(r);
	return rc;
}

static int run_remove(cli_ctx *ctx, cli_args *a)
{
	council_id id;
	int rc;

	if ((rc = cli_pos_id(ctx, a, 0, "act id", &id)) != CLI_OK)
		return rc;
	if ((rc = council_act_delete(ctx->db, id)) != COUNCIL_OK)
		return cli_fail(ctx, rc);
	return CLI_OK;
}

static const cli_cmd subs[] = {
	{ "add", run_add, add_opts, 0, 0, CLI_DB_WRITE, "add a legal act", add_help },
	{ "list", run_list, list_opts, 0, 0, CLI_DB_READ, "list legal acts", list_help },
	{ "show", run_show, no_opts, 1, 1, CLI_DB_READ, "show one legal act", show_help },
	{ "edit", run_edit, edit_opts, 1, 1, CLI_DB_WRITE, "change fields of a legal act", edit_help },
	{ "remove", run_remove, no_opts, 1, 1, CLI_DB_WRITE, "remove a legal act", remove_help },
};

int cmd_act(cli_ctx *ctx, int argc, char **argv)
{
	return cli_run_group(ctx, "act", group_help, subs, sizeof subs / sizeof subs[0],
	                     argc, argv);
}
