/* SPDX-License-Identifier: MIT */
/*
 * cmd_member.c -- `council member add|list|show|edit|remove`: the people
 * sitting on councils, their office (role) and whom they represent.
 * Members by role across councils is also `council query members`.
 */
#include "cli.h"

static const char group_help[] =
	"Usage: council member SUBCOMMAND [ARGS...]\n"
	"\n"
	"Members of councils: name, office (chair, deputy, secretary, member), the\n"
	"organisation they represent and which side of the council their seat is on.\n";

#define FIELD_HELP \
	"  --council COUNCIL        id or unique part of the council's name\n" \
	"  --name NAME              full name, nominative (Jonas Marcinkus)\n" \
	"  --role ROLE              chair, deputy, secretary or member (default member)\n" \
	"  --represents ORG         the organisation the member comes from\n" \
	"  --side SIDE              municipality or community\n" \
	"  --delegated-by ORG       who delegated the member\n" \
	"  --term-start DATE        start of the term (2024, 2024-02 or 2024-02-05)\n" \
	"  --term-end DATE          end of the term\n" \
	"  --source ID              the source document it was taken from\n"

static const char add_help[] =
	"Usage: council member add --council COUNCIL --name NAME [OPTIONS]\n"
	"\n"
	"Adds a member to a council and prints the new member's id.\n"
	"\n"
	"Options:\n"
	FIELD_HELP
	"\n"
	"Example:\n"
	"  council member add --council kauno --name 'Jonas Marcinkus' --role chair \\\n"
	"      --represents 'asociacija „Baltijos žmogus“' --side community\n";

static const char list_help[] =
	"Usage: council member list [--council COUNCIL] [--role ROLE] [--source ID] [--limit N]\n"
	"\n"
	"Lists members by council, then office (chair first), then name.\n"
	"\n"
	"Options:\n"
	"  --council COUNCIL   only this council's members\n"
	"  --role ROLE         only chair, deputy, secretary or member\n"
	"  --source ID         only members taken from this source document\n"
	"  --limit N           at most N members\n";

static const char show_help[] =
	"Usage: council member show ID\n"
	"\n"
	"Shows one member.\n";

static const char edit_help[] =
	"Usage: council member edit ID [OPTIONS]\n"
	"\n"
	"Changes the fields given and keeps the others; '' makes an optional field\n"
	"unknown.\n"
	"\n"
	"Options:\n"
	FIELD_HELP;

static const char remove_help[] =
	"Usage: council member remove ID\n"
	"\n"
	"Removes a member.\n";

#define FIELDS(req) \
	{ "council", CLI_VALUE | (req) }, { "name", CLI_VALUE | (req) }, { "role", CLI_VALUE }, \
	{ "represents", CLI_VALUE }, { "side", CLI_VALUE }, { "delegated-by", CLI_VALUE }, \
	{ "term-start", CLI_VALUE }, { "term-end", CLI_VALUE }, { "source", CLI_VALUE }

static const cli_opt add_opts[] = { FIELDS(CLI_REQUIRED), { NULL, 0 } };
static const cli_opt edit_opts[] = { FIELDS(0), { NULL, 0 } };
static const cli_opt list_opts[] = {
	{ "council", CLI_VALUE }, { "role", CLI_VALUE }, { "source", CLI_VALUE },
	{ "limit", CLI_VALUE }, { NULL, 0 }
};
static const cli_opt no_opts[] = { { NULL, 0 } };

static const char *const cols[] = {
	"id", "council_id", "council", "name", "role", "represents", "side",
	"delegated_by", "term_start", "term_end", "source_id"
};
#define NCOLS (sizeof cols / sizeof cols[0])

static void emit(cli_ctx *ctx, out_writer *w, const void *vr)
{
	const council_member *r = vr;

	out_int(w, r->id);
	out_int(w, r->council_id);
	out_text(w, cli_council_name(ctx, r->council_id));
	out_text(w, r->name);
	out_enum(w, COUNCIL_ENUM_ROLE, (int)r->role);
	out_text(w, r->represents);
	out_enum(w, COUNCIL_ENUM_SIDE, (int)r->side);
	out_text(w, r->delegated_by);
	out_date(w, &r->term_start);
	out_date(w, &r->term_end);
	out_id(w, r->source_id);
}

static int apply(cli_ctx *ctx, const cli_args *a, void *vr)
{
	council_member *r = vr;
	int role = (int)r->role, side = (int)r->side, rc;

	if ((rc = cli_set_council(ctx, a, "council", &r->council_id)) ||
	    (rc = cli_set_text(ctx, a, "name", &r->name)) ||
	    (rc = cli_set_enum(ctx, a, "role", COUNCIL_ENUM_ROLE, &role)) ||
	    (rc = cli_set_text(ctx, a, "represents", &r->represents)) ||
	    (rc = cli_set_enum(ctx, a, "side", COUNCIL_ENUM_SIDE, &side)) ||
	    (rc = cli_set_text(ctx, a, "delegated-by", &r->delegated_by)) ||
	    (rc = cli_set_date(ctx, a, "term-start", &r->term_start)) ||
	    (rc = cli_set_date(ctx, a, "term-end", &r->term_end)) ||
	    (rc = cli_set_id(ctx, a, "source", &r->source_id)))
		return rc;
	r->role = (council_role)role;
	r->side = (council_side)side;
	return CLI_OK;
}

CLI_RECORD_OPS(member);

static const cli_cmd subs[] = {
	{ "add", cli_record_add, add_opts, 0, 0, CLI_DB_WRITE, "add a member", add_help },
	{ "list", cli_record_list, list_opts, 0, 0, CLI_DB_READ, "list members", list_help },
	{ "show", cli_record_show, no_opts, 1, 1, CLI_DB_READ, "show one member", show_help },
	{ "edit", cli_record_edit, edit_opts, 1, 1, CLI_DB_WRITE, "change fields of a member",
	  edit_help },
	{ "remove", cli_record_remove, no_opts, 1, 1, CLI_DB_WRITE, "remove a member",
	  remove_help },
};

static const cli_record record = {
	.name = "member", .help = group_help, .subs = subs, .n_subs = sizeof subs / sizeof subs[0],
	.ops = &member_ops, .cols = cols, .ncols = NCOLS, .emit = emit, .apply = apply,
	.list = CLI_LIST_COUNCIL | CLI_LIST_SOURCE | CLI_LIST_LIMIT | CLI_LIST_ROLE |
	        CLI_LIST_NAMES,
};

int cmd_member(cli_ctx *ctx, int argc, char **argv)
{
	return cli_record_run(ctx, &record, argc, argv);
}
