/* SPDX-License-Identifier: MIT */
/*
 * cmd_history.c -- `council history [RECORD]`: the changes the registry
 * kept of a record, of an import, or of everything, oldest first.  The
 * library reads them (council_history_list); `council restore` brings a
 * removed record back (cmd_restore.c).
 */
#include <string.h>

#include "cli.h"

static const char help[] =
	"Usage: council history [RECORD] [--source ID] [--limit N]\n"
	"\n"
	"Shows the changes kept of a record, oldest first: when, by whom (origin:\n"
	"import, review, cli, library, or sql for a direct sqlite3 edit), the\n"
	"document of an import or review, and the old and new values.  An update is\n"
	"one row per changed field; an insert or a delete shows the whole record as\n"
	"JSON (the records an import inserted show none: they are as the document\n"
	"says).  'cascade' is a row deleted with a record it depends on.  Without\n"
	"RECORD, every change.\n"
	"\n"
	"RECORD is TYPE:ID, TYPE one of council, member, meeting, figure, plan,\n"
	"measure, fulfilment, event, participants, act, source, attendance (a person\n"
	"listed at a meeting), quorum (how many attended it).  An event's history\n"
	"includes its measure links, a measure's its responsible units.\n"
	"\n"
	"Options:\n"
	"  --source ID   only the changes importing source document ID made\n"
	"  --limit N     only the latest N changes\n"
	"\n"
	"The same history is the public view 'changes' ('council sql').\n"
	"\n"
	"Examples:\n"
	"  council history event:12\n"
	"  council history --source 3 --limit 20\n"
	"  council sql \"SELECT * FROM changes WHERE origin = 'sql'\"\n";

static const char *const cols[] = {
	"change", "changed_at", "origin", "operation", "table", "record_id", "field",
	"old_value", "new_value", "document", "sha256"
};
#define NCOLS (sizeof cols / sizeof cols[0])

static int row(void *vl, const council_change *c)
{
	cli_list *l = vl;

	out_int(l->w, c->id);
	out_text(l->w, c->changed_at);
	out_text(l->w, c->origin);
	out_text(l->w, c->operation);
	out_text(l->w, c->table);
	out_int(l->w, c->record_id);
	out_text(l->w, c->field);
	out_text(l->w, c->old_value);
	out_text(l->w, c->new_value);
	out_text(l->w, c->document);
	out_text(l->w, c->sha256);
	out_row_end(l->w);
	return 0;
}

static int run(cli_ctx *ctx, cli_args *a)
{
	council_history_filter f;
	char type[32];
	cli_list l;
	const char *v;
	int rc;

	council_history_filter_init(&f);
	if (a->n_pos > 0 && (rc = cli_parse_record(ctx, a->pos[0], type, sizeof type,
	                                           &f.record_id)) != CLI_OK)
		return rc;
	if (a->n_pos > 0)
		f.type = type;
	if ((v = cli_str(a, "source")) && (rc = cli_parse_id(ctx, "--source", v, &f.source_id)) != CLI_OK)
		return rc;
	if ((v = cli_str(a, "limit")) && (rc = cli_parse_int64(ctx, "--limit", v, 1, INT64_MAX,
	                                                       &f.limit)) != CLI_OK)
		return rc;
	l.ctx = ctx;
	if (!(l.w = cli_writer(ctx, 0, cols, NCOLS)))
		return CLI_EDB;
	return cli_list_end(&l, council_history_list(ctx->db, &f, row, &l));
}

static const cli_opt opts[] = { { "source", CLI_VALUE }, { "limit", CLI_VALUE }, { NULL, 0 } };

static const cli_cmd cmd = {
	"history", run, opts, 0, 1, CLI_DB_READ, "the changes kept of a record, and by whom", help
};

int cmd_history(cli_ctx *ctx, int argc, char **argv)
{
	return cli_run(ctx, "history", &cmd, argc, argv);
}
