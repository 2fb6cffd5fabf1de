/* SPDX-License-Identifier: MIT */
/*
 * cmd_sql.c -- `council sql QUERY`: one read-only SQL statement of the
 * user's own, its rows printed in the chosen format.  The database is
 * opened read-only, and the library refuses statements that write.
 */
#include <stdlib.h>

#include "cli.h"

static const char help[] =
	"Usage: council sql QUERY\n"
	"\n"
	"Runs one read-only SQL statement on the database and prints its rows.  The\n"
	"database is opened read-only; a statement that writes is refused (exit 5).\n"
	"The public views are meetings_per_year, participants_per_year,\n"
	"meetings_overview, events_overview, members_overview, measures_overview,\n"
	"memberships_overview, people_overview, meeting_attendance, findings,\n"
	"coverage, figure_conflicts, record_sources and changes (the history of\n"
	"every record: see 'council history'); the table schema_doc describes every\n"
	"table, view and column: council sql \"SELECT * FROM schema_doc WHERE object = 'events_overview'\"\n"
	"\n"
	"Examples:\n"
	"  council sql 'SELECT * FROM meetings_per_year WHERE year >= 2021'\n"
	"  council --format json sql 'SELECT council, count(*) AS n FROM members_overview\n"
	"      GROUP BY council'\n";

struct sql_out {
	cli_ctx *ctx;
	out_writer *w;
	char **names;   /* copies: the library's names live only for the call */
	int ncol;
};

static int row_cb(void *vo, int ncol, const char *const *names,
                  const char *const *values, const int *types)
{
	struct sql_out *o = vo;
	int i;

	if (!o->w) {
		o->names = cli_alloc((size_t)(ncol ? ncol : 1) * sizeof *o->names);
		for (i = 0; i < ncol; i++)
			o->names[i] = cli_strdup(names[i] ? names[i] : "");
		o->ncol = ncol;
		if (!(o->w = cli_writer(o->ctx, 0, (const char *const *)o->names, (size_t)ncol)))
			exit(CLI_EDB);
	}
	for (i = 0; i < ncol; i++) {
		if (!values[i] || types[i] == COUNCIL_SQL_NULL)
			out_null(o->w);
		else if (types[i] == COUNCIL_SQL_INTEGER || types[i] == COUNCIL_SQL_FLOAT)
			out_number_text(o->w, values[i]);
		else
			out_text(o->w, values[i]);
	}
	out_row_end(o->w);
	return 0;
}

static int run(cli_ctx *ctx, cli_args *a)
{
	struct sql_out o = { ctx, NULL, NULL, 0 };
	int rc, i;

	rc = council_sql(ctx->db, a->pos[0], row_cb, &o);
	if (rc != COUNCIL_OK) {
		out_end(o.w);
		rc = cli_fail(ctx, rc);
	} else if (o.w) {
		rc = cli_writer_end(ctx, o.w);
	} else if (cli_format(ctx) == OUT_JSON) {
		/* no rows, so no column names; JSON readers still want an array */
		rc = cli_writer_end(ctx, cli_writer(ctx, 0, NULL, 0));
	}
	for (i = 0; i < o.ncol; i++)
		free(o.names[i]);
	free(o.names);
	return rc;
}

static const cli_opt opts[] = { { NULL, 0 } };

static const cli_cmd cmd = {
	"sql", run, opts, 1, 1, CLI_DB_READONLY, "run a read-only SQL query on the database", help
};

int cmd_sql(cli_ctx *ctx, int argc, char **argv)
{
	return cli_run(ctx, "sql", &cmd, argc, argv);
}
