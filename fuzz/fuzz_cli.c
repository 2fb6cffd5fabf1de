/* SPDX-License-Identifier: MIT */
/*
 * fuzz_cli.c -- the `council` tool's argument and value parsing.  The input
 * is split at NUL bytes into words.  Each word goes through the library's
 * value parsers (council_date_parse, council_period_parse,
 * council_enum_parse for every enumeration, the text helpers) and the
 * tool's own (cli_parse_*); then the words run as a whole command line
 * through cli/main.c (global options, the command table, `help`) and
 * cli/args.c (long options, --name=VALUE, repeats, --, groups) and
 * cli/record.c (a list's options into its filter), compiled into this
 * target.  The real commands are replaced by stand-ins
 * below that parse the same kinds of options and set the same kinds of
 * fields but open no database file, so fuzzing never writes to disk; names
 * of councils resolve against a small in-memory registry.
 */
#include <limits.h>
#include <string.h>

#include "cli.h"
#include "fuzz_common.h"

/* cli/main.c's main(), renamed by the build (-Dmain=council_cli_main). */
int council_cli_main(int argc, char **argv);

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static council_db *registry;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static const char *const names[] = {
		"Kauno miesto savivaldybės bendruomeninių organizacijų taryba",
		"Klaipėdos rajono savivaldybės bendruomeninių organizacijų taryba",
		"Klaipėdos miesto savivaldybės bendruomeninių organizacijų taryba",
		"Pagėgių savivaldybės nevyriausybinių organizacijų taryba",
	};
	size_t i;
	FILE *devnull;

	(void)argc;
	(void)argv;
	/* The tool prints usage errors and help on stdio; libFuzzer and the
	 * sanitizers write their reports to file descriptor 2 directly, so
	 * silencing the stdio streams hides nothing they say. */
	if (!freopen("/dev/null", "w", stdout) || !(devnull = fopen("/dev/null", "w")))
		abort();
	stderr = devnull;
	if (council_open(&registry, ":memory:", 0) != COUNCIL_OK)
		abort();
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		council_council c;
		council_council_init(&c);
		c.name = (char *)names[i];
		if (council_add(NULL, registry, &c) != COUNCIL_OK)
			abort();
	}
	return 0;
}

/* ---- stand-ins for the commands of cli/main.c's table ------------------- */

static const cli_opt fake_opts[] = {
	{ "council", CLI_VALUE }, { "name", CLI_VALUE }, { "role", CLI_VALUE },
	{ "date", CLI_VALUE }, { "term-start", CLI_VALUE }, { "year", CLI_VALUE },
	{ "value", CLI_VALUE }, { "source", CLI_VALUE }, { "kind", CLI_VALUE },
	{ "participants", CLI_MANY }, { "measure", CLI_MANY }, { "limit", CLI_VALUE },
	{ "from", CLI_VALUE }, { "to", CLI_VALUE }, { "remote", CLI_VALUE },
	{ "plan", CLI_VALUE }, { "dry-run", CLI_FLAG }, { NULL, 0 }
};

static int fake_run(cli_ctx *ctx, cli_args *a)
{
	council_member m;
	council_event e;
	council_filter f;
	council_id id = 0;
	int yes = 0, year = -1;
	const char *v;
	size_t it = 0;

	council_member_init(&m);
	council_event_init(&e);
	council_filter_init(&f);
	/* Each setter prints its own usage error; keep going to reach them all. */
	(void)cli_set_council(ctx, a, "council", &m.council_id);
	(void)cli_set_text(ctx, a, "name", &m.name);
	(void)cli_set_enum(ctx, a, "role", COUNCIL_ENUM_ROLE, (int *)&m.role);
	(void)cli_set_enum(ctx, a, "kind", COUNCIL_ENUM_EVENT_KIND, (int *)&e.kind);
	(void)cli_set_date(ctx, a, "term-start", &m.term_start);
	(void)cli_set_period(ctx, a, "date", &e.date);
	(void)cli_set_int(ctx, a, "year", &year);
	(void)cli_set_id(ctx, a, "source", &m.source_id);
	(void)cli_set_limit(ctx, a, &f);
	(void)cli_set_years(ctx, a, &f);
	(void)cli_set_range(ctx, a, &f, 1);
	if ((v = cli_str(a, "remote")))
		(void)cli_parse_bool(ctx, "--remote", v, &yes);
	if ((v = cli_str(a, "value"))) {
		int64_t n;
		(void)cli_parse_int64(ctx, "--value", v, 0, INT64_MAX, &n);
	}
	while ((v = cli_next(a, "participants", &it))) {
		int64_t n;
		(void)cli_parse_int64(ctx, "--participants", v, 0, INT_MAX, &n);
	}
	it = 0;
	while ((v = cli_next(a, "measure", &it)))
		(void)cli_parse_id(ctx, "--measure", v, &id);
	FUZZ_CHECK(cli_count(a, "measure") <= a->n_given);
	if (a->n_pos > 0) {
		char type[32];
		(void)cli_pos_id(ctx, a, 0, "id", &id);
		/* history and restore's TYPE:ID */
		if (cli_parse_record(ctx, a->pos[0], type, sizeof type, &id) == CLI_OK)
			FUZZ_CHECK(strlen(type) < sizeof type && id > 0);
	}
	free(m.name);
#ifdef FUZZ_CLI_RECORD
	{
		/* A list's options into its filter, as every list command reads
		 * them (cli/record.c), printing nothing but the header. */
		static const char *const cols[] = { "id" };
		cli_list l;
		if (cli_list_begin(&l, &f, ctx, a, 0x3FF, cols, 1) == CLI_OK)
			(void)cli_list_end(&l, COUNCIL_OK);
	}
#endif
	return CLI_OK;
}

static const cli_cmd fake_subs[] = {
	{ "add", fake_run, fake_opts, 0, 0, CLI_DB_NONE, "add", "Usage: add\n" },
	{ "list", fake_run, fake_opts, 0, -1, CLI_DB_NONE, "list", "Usage: list\n" },
	{ "edit", fake_run, fake_opts, 1, 1, CLI_DB_NONE, "edit", "Usage: edit ID\n" },
};

static int fake_command(cli_ctx *ctx, const char *name, int group, int argc, char **argv)
{
	static const cli_cmd single = {
		"single", fake_run, fake_opts, 0, 3, CLI_DB_NONE, "single", "Usage: single\n"
	};
	int rc;

	/* The stand-ins resolve names against the shared registry; main's
	 * cli_close must not close it, so hand it back afterwards. */
	ctx->db = registry;
	rc = group ? cli_run_group(ctx, name, "Usage: group\n", fake_subs,
	                           sizeof fake_subs / sizeof fake_subs[0], argc, argv)
	           : cli_run(ctx, name, &single, argc, argv);
	FUZZ_CHECK(rc >= CLI_OK && rc <= CLI_EDB);
	ctx->db = NULL;
	return rc;
}

#define FAKE(fn, name, group) \
	int fn(cli_ctx *ctx, int argc, char **argv) \
	{ return fake_command(ctx, name, group, argc, argv); }
FAKE(cmd_init, "init", 0)
FAKE(cmd_info, "info", 0)
FAKE(cmd_council, "council", 1)
FAKE(cmd_member, "member", 1)
FAKE(cmd_meeting, "meeting", 1)
FAKE(cmd_figure, "figure", 1)
FAKE(cmd_plan, "plan", 1)
FAKE(cmd_measure, "measure", 1)
FAKE(cmd_event, "event", 1)
FAKE(cmd_act, "act", 1)
FAKE(cmd_source, "source", 1)
FAKE(cmd_query, "query", 1)
FAKE(cmd_import, "import", 0)
FAKE(cmd_sql, "sql", 0)
FAKE(cmd_history, "history", 0)
FAKE(cmd_restore, "restore", 0)
FAKE(cmd_export, "export", 0)
FAKE(cmd_check, "check", 0)
FAKE(cmd_coverage, "coverage", 0)
FAKE(cmd_merge, "merge", 0)
FAKE(cmd_report, "report", 0)

/* ---- the target ---------------------------------------------------------- */

static void values(const char *w, const char *next)
{
	static const cli_ctx quiet_ctx = { 0 };
	council_date d;
	council_period p;
	int e, v, rc;
	int64_t n;
	council_id id;
	char buf[COUNCIL_DATE_BUFSIZE], *folded = NULL;

	if (council_date_parse(&d, w) == COUNCIL_OK) {
		FUZZ_CHECK(council_date_valid(&d));
		/* The ISO text parses back to the same date. */
		council_date d2;
		FUZZ_CHECK(council_date_parse(&d2, council_date_format(buf, &d)) == COUNCIL_OK);
		FUZZ_CHECK(council_date_cmp(&d, &d2) == 0);
	}
	if (council_period_parse(&p, w) == COUNCIL_OK) {
		FUZZ_CHECK(council_date_valid(&p.start) && council_date_valid(&p.end));
		FUZZ_CHECK(council_date_cmp(&p.start, &p.end) <= 0);
	}
	for (e = COUNCIL_ENUM_KIND; e <= COUNCIL_ENUM_SOURCE_KIND; e++) {
		if (council_enum_parse(&v, (council_enum)e, w) == COUNCIL_OK) {
			const char *name = council_enum_name((council_enum)e, v);
			FUZZ_CHECK(name != NULL);
		}
		(void)cli_parse_enum(&quiet_ctx, "--enum", (council_enum)e, w, &v);
	}
	rc = council_text_fold(&folded, w);
	FUZZ_CHECK(rc == COUNCIL_OK || rc == COUNCIL_EINVAL);
	council_free(folded);
	(void)council_text_width(w);
	FUZZ_CHECK((council_text_collate(w, next) < 0) == (council_text_collate(next, w) > 0));
	(void)cli_parse_int64(&quiet_ctx, "--n", w, INT64_MIN, INT64_MAX, &n);
	(void)cli_parse_intval(&quiet_ctx, "--n", w, &v);
	(void)cli_parse_id(&quiet_ctx, "--id", w, &id);
	(void)cli_parse_bool(&quiet_ctx, "--flag", w, &v);
	(void)out_format_parse(w);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = fuzz_cstr(data, size);
	char *argv[34];
	int argc = 0, rc;
	size_t i, start = 0;

	argv[argc++] = (char *)"council";
	for (i = 0; i <= size && argc < 33; i++) {
		if (i == size || buf[i] == '\0') {
			argv[argc++] = buf + start;
			start = i + 1;
		}
	}
	argv[argc] = NULL;
	for (i = 1; i < (size_t)argc; i++)
		values(argv[i], argv[i + 1 < (size_t)argc ? i + 1 : 1]);
	rc = council_cli_main(argc, argv);
	FUZZ_CHECK(rc >= CLI_OK && rc <= CLI_EDB);
	free(buf);
	return 0;
}
