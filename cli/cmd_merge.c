/* SPDX-License-Identifier: MIT */
/*
 * cmd_merge.c -- `council merge OUT.db IN.db...`: registries combined into
 * one by council_merge (lib/merge.c, which matches records by natural
 * keys).  Here: one input at a time, its conflicts printed, a line of
 * counts per input.
 */
#include <stdio.h>

#include "cli.h"

static const char help[] =
	"Usage: council merge OUT.db IN.db...\n"
	"\n"
	"Copies every registry IN.db into OUT.db (created when missing): councils,\n"
	"source documents, members, meetings, figures, plans, measures, events,\n"
	"participant groups, legal acts, reviews and corrections, each matched by\n"
	"its natural key -- a council by name, a document by SHA-256, a member by\n"
	"council and name, a meeting by council and date, an event by council, date\n"
	"and title, a measure by plan and number -- and given OUT's own ids.  A\n"
	"record OUT already has is kept; when another document states it, that\n"
	"document joins its sources.  Merging the same file again changes nothing.\n"
	"\n"
	"Each input goes in whole or not at all.  When an input holds the same\n"
	"record with another value (a member's role, a meeting's format), every\n"
	"such conflict is printed on standard error (table, key, column, OUT's and\n"
	"IN's value) and nothing of that input is merged: correct one side and\n"
	"merge again.  Inputs must have OUT's schema version (opening one with\n"
	"'council --db IN.db info' upgrades it).\n"
	"\n"
	"Prints a row per input: input, inserted, matched, conflicts.  Exit status 4\n"
	"when an input had conflicts, 3 when one is missing; the others are merged\n"
	"all the same.\n"
	"\n"
	"Example:\n"
	"  council merge national.db alytus.db kaunas.db klaipeda-r.db\n";

static int print_conflict(void *ctx, const council_merge_conflict *c)
{
	(void)ctx;
	fprintf(stderr, "council: conflict: %s (%s): %s: here %s%s%s, in the input %s%s%s\n",
	        c->table, c->key, c->column, c->ours ? "\"" : "", c->ours ? c->ours : "NULL",
	        c->ours ? "\"" : "", c->theirs ? "\"" : "", c->theirs ? c->theirs : "NULL",
	        c->theirs ? "\"" : "");
	return 0;
}

static int run(cli_ctx *ctx, cli_args *a)
{
	static const char *const cols[] = { "input", "inserted", "matched", "conflicts" };
	out_writer *w = NULL;
	int rc, status = CLI_OK;
	size_t i;

	if ((rc = council_open(&ctx->db, a->pos[0], 0)) != COUNCIL_OK)
		return cli_fail(ctx, rc);
	if ((rc = council_origin_set(ctx->db, "cli")) != COUNCIL_OK)
		return cli_fail(ctx, rc);
	if (!ctx->quiet && !(w = cli_writer(ctx, 0, cols, 4)))
		return CLI_EDB;
	for (i = 1; i < a->n_pos; i++) {
		council_merge_stats s;
		rc = council_merge(&s, ctx->db, a->pos[i], print_conflict, NULL);
		if (rc != COUNCIL_OK) {
			int code = cli_fail(ctx, rc);
			if (status == CLI_OK || code > status)
				status = code;
		}
		if (w) {
			out_text(w, a->pos[i]);
			out_int(w, s.inserted);
			out_int(w, s.matched);
			out_int(w, s.conflicts);
			out_row_end(w);
		}
	}
	if (w && (rc = cli_writer_end(ctx, w)) != CLI_OK)
		return rc;
	return status;
}

static const cli_opt opts[] = { { NULL, 0 } };

static const cli_cmd cmd = {
	"merge", run, opts, 2, -1, CLI_DB_NONE, "combine registries into one, matching records by natural keys", help
};

int cmd_merge(cli_ctx *ctx, int argc, char **argv)
{
	return cli_run(ctx, "merge", &cmd, argc, argv);
}
