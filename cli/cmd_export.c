/* SPDX-License-Identifier: MIT */
/*
 * cmd_export.c -- `council export --format F [--out PATH] [filters]`: the
 * registry as files other tools read, written by the library's
 * council_export.  This file turns options into council_export_options and
 * sends a single-file export to standard output when no --out is given.
 */
#include <string.h>

#include "cli.h"

static const char help[] =
	"Usage: council export --format csv --out DIR [--council COUNCIL] [--from YEAR]\n"
	"                      [--to YEAR]\n"
	"       council export --format ical [--out FILE] [--uid-domain DOMAIN]\n"
	"                      [--council COUNCIL] [--from YEAR] [--to YEAR]\n"
	"       council export --format popolo [--out FILE] [--council COUNCIL]\n"
	"                      [--from YEAR] [--to YEAR]\n"
	"       council export --format postgres [--out FILE]\n"
	"\n"
	"Writes the registry in a form other tools read:\n"
	"  csv     a directory DIR with one CSV file per public view (RFC 4180, UTF-8,\n"
	"          a header row, an empty field for NULL) and datapackage.json, a\n"
	"          Frictionless Data Package describing their fields\n"
	"  ical    an RFC 5545 calendar of meetings and events, all-day; a date known\n"
	"          only to the month or year is put on its first day, one day long,\n"
	"          and its DESCRIPTION says so ('Date known to the month: 2024-02')\n"
	"  popolo  one Popolo JSON document: organizations (councils, their\n"
	"          municipalities, the organisations members represent), persons,\n"
	"          memberships and events, each with the source documents (path and\n"
	"          SHA-256) it came from\n"
	"  postgres  an SQL script for psql that creates the registry in an empty\n"
	"          PostgreSQL (15 or later) database and loads it in one transaction:\n"
	"          tables, keys, foreign keys, indexes, the rows, the public views\n"
	"          (same names, columns and rows) and the descriptions as COMMENTs;\n"
	"          always the whole registry\n"
	"Without --out, ical, popolo and postgres go to standard output.\n"
	"Files are replaced whole: a reader never sees half a file.\n"
	"\n"
	"Options:\n"
	"  --format F          csv, ical, popolo or postgres (required: export has its\n"
	"                      own formats)\n"
	"  --out PATH          the directory (csv) or file (ical, popolo, postgres)\n"
	"  --uid-domain DOMAIN the domain of the calendar's UIDs (default\n"
	"                      libcouncil.invalid): give your own when calendars of\n"
	"                      several registries will be merged\n"
	"  --council COUNCIL   only this council's rows (id or unique part of the name)\n"
	"  --from YEAR         dated rows from this year on (members and measures are\n"
	"                      not dated and are all kept)\n"
	"  --to YEAR           dated rows up to this year\n"
	"\n"
	"Example:\n"
	"  council export --format csv --out registry-csv --from 2020\n"
	"  council export --format ical --council klaipedos > klaipeda.ics\n"
	"  council export --format popolo --out registry.json\n"
	"  council export --format postgres | psql -v ON_ERROR_STOP=1 -d registry\n";

static const cli_opt opts[] = {
	{ "format", CLI_VALUE | CLI_REQUIRED }, { "out", CLI_VALUE }, { "council", CLI_VALUE },
	{ "from", CLI_VALUE }, { "to", CLI_VALUE }, { "uid-domain", CLI_VALUE }, { NULL, 0 }
};

static const struct {
	const char *name;
	council_export_format format;
	int directory;
} formats[] = {
	{ "csv", COUNCIL_EXPORT_CSV, 1 },
	{ "ical", COUNCIL_EXPORT_ICAL, 0 },
	{ "popolo", COUNCIL_EXPORT_POPOLO, 0 },
	{ "postgres", COUNCIL_EXPORT_POSTGRES, 0 },
};

static int to_stdout(void *ctx, const char *data, size_t len)
{
	(void)ctx;
	return fwrite(data, 1, len, stdout) == len ? 0 : COUNCIL_EIO;
}

static int run(cli_ctx *ctx, cli_args *a)
{
	council_export_options o;
	const char *fmt = cli_str(a, "format"), *out = cli_str(a, "out");
	size_t i;
	int rc;

	council_export_options_init(&o);
	for (i = 0; i < sizeof formats / sizeof formats[0]; i++)
		if (strcmp(formats[i].name, fmt) == 0)
			break;
	if (i == sizeof formats / sizeof formats[0])
		return cli_usage(ctx, "--format: \"%s\": expected csv, ical, popolo or postgres", fmt);
	o.format = formats[i].format;
	o.uid_domain = cli_str(a, "uid-domain");
	if (formats[i].directory && !out)
		return cli_usage(ctx, "--format %s writes a directory: give --out DIR", fmt);
	if (out && !*out)
		return cli_usage(ctx, "--out: empty path");
	if ((rc = cli_set_council(ctx, a, "council", &o.filter.council_id)) != CLI_OK ||
	    (rc = cli_set_years(ctx, a, &o.filter)) != CLI_OK)
		return rc;
	if (o.filter.council_id == 0)
		o.filter.council_id = COUNCIL_ALL; /* --council '' is every council */
	rc = out ? council_export(ctx->db, &o, out)
	         : council_export_write(ctx->db, &o, to_stdout, NULL);
	if (rc == COUNCIL_EIO && !out)
		return cli_error(CLI_EDB, "standard output: cannot write");
	return rc == COUNCIL_OK ? CLI_OK : cli_fail(ctx, rc);
}

static const cli_cmd cmd = {
	"export", run, opts, 0, 0, CLI_DB_READONLY, "write the registry as CSV files, a calendar, Popolo JSON or a PostgreSQL script", help
};

int cmd_export(cli_ctx *ctx, int argc, char **argv)
{
	return cli_run(ctx, "export", &cmd, argc, argv);
}
