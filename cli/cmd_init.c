/* SPDX-License-Identifier: MIT */
/*
 * cmd_init.c -- `council init`: create the database, or bring an older one
 * up to this library's schema, and say where it is.  Opening does the work
 * (council_open creates and migrates); this command makes it explicit.
 */
#include "cli.h"

static const char help[] =
	"Usage: council init\n"
	"\n"
	"Creates the database (and its directory) if it does not exist, or upgrades\n"
	"an older schema, then prints its path and schema version.  Running it on\n"
	"an up-to-date database changes nothing.  A database written by a newer\n"
	"libcouncil is refused, untouched (exit 5).\n"
	"\n"
	"Example:\n"
	"  council --db ./registry.db init\n";

static int run(cli_ctx *ctx, cli_args *a)
{
	static const char *const cols[] = { "path", "schema_version" };
	out_writer *w;
	int version = 0, rc;

	(void)a;
	if ((rc = council_schema_version(&version, ctx->db)) != COUNCIL_OK)
		return cli_fail(ctx, rc);
	if (ctx->quiet)
		return CLI_OK;
	if (!(w = cli_writer(ctx, 1, cols, 2)))
		return CLI_EDB;
	out_text(w, council_db_path(ctx->db));
	out_int(w, version);
	out_row_end(w);
	return cli_writer_end(ctx, w);
}

static const cli_opt opts[] = { { NULL, 0 } };

static const cli_cmd cmd = {
	"init", run, opts, 0, 0, CLI_DB_WRITE,
	"create the database, or upgrade its schema", help
};

int cmd_init(cli_ctx *ctx, int argc, char **argv)
{
	return cli_run(ctx, "init", &cmd, argc, argv);
}
