/* SPDX-License-Identifier: MIT */
/*
 * main.c -- the `council` tool's entry point: the global options, the one
 * table of commands, and the top-level help.  Each command lives in
 * cli/cmd_<name>.c; printing is in output.c, parsing helpers in args.c.
 */
#include <errno.h>
#include <string.h>

#include "cli.h"

static const struct command {
	const char *name;
	int (*run)(cli_ctx *ctx, int argc, char **argv);
	const char *summary;
} commands[] = {
	{ "init", cmd_init, "create the database, or upgrade its schema" },
	{ "info", cmd_info, "show the database path, schema version and row counts" },
	{ "council", cmd_council, "add, list, show, edit, remove councils" },
	{ "member", cmd_member, "members of councils" },
	{ "meeting", cmd_meeting, "the councils' own dated meetings" },
	{ "figure", cmd_figure, "figures a report states (meetings held, members...)" },
	{ "plan", cmd_plan, "action plans" },
	{ "measure", cmd_measure, "measures of a plan and their yearly fulfilment" },
	{ "event", cmd_event, "events (seminars, visits...) and their participants" },
	{ "act", cmd_act, "legal acts concerning councils" },
	{ "source", cmd_source, "source documents records were taken from" },
	{ "query", cmd_query, "answers: meetings per year, participants, events..." },
	{ "import", cmd_import, "read reports (text or reviewed JSON) into the registry" },
	{ "sql", cmd_sql, "run a read-only SQL query on the database" },
	{ "history", cmd_history, "the changes kept of a record, and by whom" },
	{ "restore", cmd_restore, "bring a removed record back from the history" },
	{ "export", cmd_export, "write the registry as files other tools read (CSV, iCalendar, Popolo, PostgreSQL)" },
	{ "check", cmd_check, "findings: the law's rules and documents that disagree" },
	{ "coverage", cmd_coverage, "which documents exist for each municipality and year" },
	{ "merge", cmd_merge, "combine registries into one, matching records by natural keys" },
	{ "report", cmd_report, "write a self-contained HTML page with charts" },
};

static const char usage_head[] =
	"Usage: council [--db PATH] [--format FORMAT] [--columns LIST] [--wide] [--quiet]\n"
	"               COMMAND [ARGS...]\n"
	"       council COMMAND --help\n"
	"       council --version\n"
	"\n"
	"A registry of Lithuanian municipal community-organisation councils\n"
	"(BO and NVO tarybos): their members, meetings, plans, events and legal acts.\n"
	"\n"
	"Commands:\n";

static const char usage_tail[] =
	"\n"
	"Options (also accepted after the command):\n"
	"  --db PATH        the database file; default $COUNCIL_DB, else\n"
	"                   $XDG_DATA_HOME/council/council.db, else\n"
	"                   ~/.local/share/council/council.db (created on first write)\n"
	"  --format FORMAT  table, csv, json, ndjson or markdown; default table when\n"
	"                   standard output is a terminal, csv otherwise\n"
	"  --columns LIST   only these columns, in this order: --columns council,year\n"
	"  --wide           tables print every cell whole; otherwise a table fits the\n"
	"                   terminal ($COLUMNS, else its width), long cells cut with …\n"
	"  --quiet          print no ids, summaries or notes; only data and errors\n"
	"  --help           this help; 'council COMMAND --help' for a command\n"
	"  --version        the version of council and libcouncil\n"
	"\n"
	"Councils are named by id or by a unique part of the name, ignoring case and\n"
	"Lithuanian letters: 'klaipedos' finds 'Klaipėdos rajono ... taryba'; words in\n"
	"any order, with r., m., sav., BO, NVO, BOT for their words: 'Klaipėdos r.'.\n"
	"Dates: 2024, 2024-02 or 2024-02-05; ranges FROM..TO (2024-05-16..2024-05-17).\n"
	"\n"
	"Examples:\n"
	"  council init\n"
	"  council council add --municipality 'Kauno miesto savivaldybė' --kind BO \\\n"
	"      --name 'Kauno miesto savivaldybės bendruomeninių organizacijų taryba'\n"
	"  council meeting add --council kauno --date 2021-03-02 --mode remote\n"
	"  council figure add --council kauno --year 2021 --metric meetings --value 3\n"
	"  council query meetings                     # meetings per council and year\n"
	"  council query meetings --council kauno --from 2020 --to 2024\n"
	"  council --format json query participants --from 2024-01 --to 2024-06\n"
	"  council import report-2021.txt\n"
	"  council sql 'SELECT * FROM meetings_per_year'\n"
	"\n"
	"Exit status:\n"
	"  0  success\n"
	"  1  some files given to 'council import' failed (the others were stored)\n"
	"  2  usage error: unknown option, missing option or argument, malformed\n"
	"     number or date, a word outside a fixed set, an ambiguous council name\n"
	"  3  not found: no such record, council, database or file\n"
	"  4  invalid data: a value the registry refuses, a duplicate, a record\n"
	"     other records depend on, SQL that cannot run, a report that cannot\n"
	"     be parsed\n"
	"  5  database or I/O error: cannot open, read or write, busy, damaged,\n"
	"     newer schema, read-only, out of memory\n"
	"\n"
	"See council(1) for everything, libcouncil(3) for the library.\n";

static void print_help(FILE *fp)
{
	size_t i;

	fputs(usage_head, fp);
	for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(fp, "  %-8s %s\n", commands[i].name, commands[i].summary);
	fputs(usage_tail, fp);
}

static const struct command *find_command(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

/* The value of --name VALUE or --name=VALUE at argv[*i]; NULL if arg is
 * not that option.  Advances *i past a separate value. */
static const char *option_value(int argc, char **argv, int *i, const char *name, int *missing)
{
	const char *arg = argv[*i];
	size_t n = strlen(name);

	if (strncmp(arg, name, n) != 0)
		return NULL;
	if (arg[n] == '=')
		return arg + n + 1;
	if (arg[n] != '\0')
		return NULL;
	if (*i + 1 >= argc) {
		*missing = 1;
		return NULL;
	}
	return argv[++*i];
}

/* "NAME: unknown command", with the nearest command when one is near. */
static int unknown_command(const char *name)
{
	char hint[128];
	cli_near near;
	size_t i;

	cli_near_init(&near, name);
	for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
		cli_near_try(&near, commands[i].name);
	cli_near_try(&near, "help");
	return cli_usage(NULL, "%s: unknown command%s", name,
	                 cli_did_you_mean(hint, sizeof hint, &near, ""));
}

static int run(cli_ctx *ctx, int argc, char **argv)
{
	const struct command *cmd;
	int i;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		const char *arg = argv[i], *v;
		int missing = 0;

		if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
			print_help(stdout);
			return CLI_OK;
		}
		if (strcmp(arg, "--version") == 0 || strcmp(arg, "-V") == 0) {
			printf("council %s (libcouncil %s, schema version %d)\n",
			       COUNCIL_VERSION_STRING, council_version(), council_schema_latest());
			return CLI_OK;
		}
		if (strcmp(arg, "--quiet") == 0) {
			ctx->quiet = 1;
			continue;
		}
		if (strcmp(arg, "--wide") == 0) {
			ctx->wide = 1;
			continue;
		}
		if ((v = option_value(argc, argv, &i, "--db", &missing))) {
			ctx->db_option = v;
			continue;
		}
		if (!missing && (v = option_value(argc, argv, &i, "--columns", &missing))) {
			ctx->columns = v;
			continue;
		}
		if (!missing && (v = option_value(argc, argv, &i, "--format", &missing))) {
			int f = out_format_parse(v);
			if (f < 0)
				return cli_usage(NULL, "--format: \"%s\": expected table, csv, json, ndjson "
				                 "or markdown", v);
			ctx->format = f;
			continue;
		}
		if (missing)
			return cli_usage(NULL, "%s: needs a value", arg);
		if (strcmp(arg, "--") == 0) {
			i++;
			break;
		}
		{
			static const char *const globals[] = { "db", "format", "quiet", "help", "version",
			                                       "wide", "columns" };
			char hint[128];
			cli_near near;
			size_t k;
			cli_near_init(&near, arg + strspn(arg, "-"));
			for (k = 0; k < sizeof globals / sizeof globals[0]; k++)
				cli_near_try(&near, globals[k]);
			return cli_usage(NULL, "%s: unknown option%s", arg,
			                 cli_did_you_mean(hint, sizeof hint, &near, "--"));
		}
	}
	if (i >= argc) {
		print_help(stderr);
		return CLI_EUSAGE;
	}
	if (strcmp(argv[i], "help") == 0) {
		/* `council help member` is `council member --help` */
		char help[] = "--help";
		char *hargv[1];
		if (i + 1 >= argc) {
			print_help(stdout);
			return CLI_OK;
		}
		if (!(cmd = find_command(argv[i + 1])))
			return unknown_command(argv[i + 1]);
		hargv[0] = help;
		return cmd->run(ctx, 1, hargv);
	}
	if (!(cmd = find_command(argv[i])))
		return unknown_command(argv[i]);
	return cmd->run(ctx, argc - i - 1, argv + i + 1);
}

int main(int argc, char **argv)
{
	cli_ctx ctx;
	int rc;

	/* The tool uses SQLite only through the library: no memory statistics,
	 * whose lock on every allocation cost a ninth of storing an import
	 * (bench/README.md, session 7, round 2). */
	council_process_init();
	memset(&ctx, 0, sizeof ctx);
	ctx.format = -1;
	rc = run(&ctx, argc, argv);
	cli_close(&ctx);
	/* Ids and JSON printed with stdio directly: a full disk or a closed
	 * pipe must not pass for success. */
	if (fflush(stdout) != 0 || ferror(stdout)) {
		if (rc == CLI_OK)
			rc = cli_error(CLI_EDB, "standard output: %s", strerror(errno ? errno : EIO));
	}
	return rc;
}
