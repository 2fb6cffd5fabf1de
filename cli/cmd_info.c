/* SPDX-License-Identifier: MIT */
/*
 * cmd_info.c -- `council info`: the database's path, its schema version
 * against the library's, and how many rows each table holds.
 */
#include <stdlib.h>

#include "cli.h"

static const char help[] =
	"Usage: council info\n"
	"\n"
	"Prints the database path, its schema version, the schema version this\n"
	"libcouncil writes, and the number of rows in each table.  The database\n"
	"must exist (exit 3 otherwise).\n"
	"\n"
	"Example:\n"
	"  council --format json info\n";

/* Up to this many tables: council_table_counts reports a fixed list. */
#define MAX_TABLES 64

struct counts {
	const char *names[MAX_TABLES + 3];
	char *owned[MAX_TABLES];
	int64_t rows[MAX_TABLES];
	size_t n;
};

static int count_cb(void *vctx, const char *table, int64_t rows)
{
	struct counts *c = vctx;

	if (c->n == MAX_TABLES)
		return 0;
	c->owned[c->n] = cli_strdup(table);
	c->names[c->n + 3] = c->owned[c->n];
	c->rows[c->n] = rows;
	c->n++;
	return 0;
}

static int run(cli_ctx *ctx, cli_args *a)
{
	struct counts c = { { "path", "schema_version", "schema_latest" }, { NULL }, { 0 }, 0 };
	out_writer *w;
	int version = 0, rc;
	size_t i;

	(void)a;
	if ((rc = council_schema_version(&version, ctx->db)) != COUNCIL_OK)
		return cli_fail(ctx, rc);
	if ((rc = council_table_counts(ctx->db, count_cb, &c)) != COUNCIL_OK) {
		rc = cli_fail(ctx, rc);
		goto out;
	}
	if (!(w = cli_writer(ctx, 1, c.names, c.n + 3))) {
		rc = CLI_EDB;
		goto out;
	}
	out_text(w, council_db_path(ctx->db));
	out_int(w, version);
	out_int(w, council_schema_latest());
	for (i = 0; i < c.n; i++)
		out_int(w, c.rows[i]);
	out_row_end(w);
	rc = cli_writer_end(ctx, w);
out:
	for (i = 0; i < c.n; i++)
		free(c.owned[i]);
	return rc;
}

static const cli_opt opts[] = { { NULL, 0 } };

static const cli_cmd cmd = {
	"info", run, opts, 0, 0, CLI_DB_READ,
	"show the database path, schema version and row counts", help
};

int cmd_info(cli_ctx *ctx, int argc, char **argv)
{
	return cli_run(ctx, "info", &cmd, argc, argv);
}
