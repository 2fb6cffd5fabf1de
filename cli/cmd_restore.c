/* SPDX-License-Identifier: MIT */
/*
 * cmd_restore.c -- `council restore RECORD`: a removed record back from
 * the history, with its id, its fields and the rows removed with it
 * (council_record_restore does the work; cmd_history.c shows the history).
 */
#include "cli.h"

static const char help[] =
	"Usage: council restore RECORD\n"
	"\n"
	"Brings back a removed record from the history: the same id and every field,\n"
	"with the rows its removal took with it (an event's participant groups and\n"
	"measure links, a measure's units and fulfilment, a plan's measures, a\n"
	"source document's records).  Rows removed one by one stay removed: restore\n"
	"each.  A link the removal cleared (an event's meeting) stays cleared.\n"
	"Prints the record and how many rows came back.\n"
	"\n"
	"Refused, changing nothing, when the id was taken by another record since\n"
	"(exit 4), or when a row it refers to is gone (its council, plan, source:\n"
	"exit 3, naming the row to restore first).\n"
	"\n"
	"RECORD is TYPE:ID, TYPE one of council, member, meeting, figure, plan,\n"
	"measure, fulfilment, event, participants, act, source, attendance, quorum.\n"
	"A meeting comes back with the attendance its removal took.\n"
	"\n"
	"Examples:\n"
	"  council event remove 12\n"
	"  council restore event:12\n"
	"  council history event:12\n";

static int run(cli_ctx *ctx, cli_args *a)
{
	static const char *const cols[] = { "record", "rows_restored" };
	char type[32];
	council_id id = 0;
	size_t n = 0;
	out_writer *w;
	int rc;

	if ((rc = cli_parse_record(ctx, a->pos[0], type, sizeof type, &id)) != CLI_OK)
		return rc;
	if ((rc = council_record_restore(&n, ctx->db, type, id)) != COUNCIL_OK)
		return cli_fail(ctx, rc);
	if (ctx->quiet)
		return CLI_OK;
	if (!(w = cli_writer(ctx, 1, cols, 2)))
		return CLI_EDB;
	out_text(w, a->pos[0]);
	out_int(w, (int64_t)n);
	out_row_end(w);
	return cli_writer_end(ctx, w);
}

static const cli_opt opts[] = { { NULL, 0 } };

static const cli_cmd cmd = {
	"restore", run, opts, 1, 1, CLI_DB_WRITE, "bring a removed record back from the history", help
};

int cmd_restore(cli_ctx *ctx, int argc, char **argv)
{
	return cli_run(ctx, "restore", &cmd, argc, argv);
}
