/* SPDX-License-Identifier: MIT */
/*
 * args.c -- command-line parsing shared by every command: long options
 * (--name VALUE, --name=VALUE), repeatable options, the global options
 * accepted anywhere, --help, dispatch to subcommands, and the parsers that
 * turn option values into numbers, dates and enumeration values.  What the
 * values mean is the library's business; this file only checks their form.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

const char cli_global_help[] =
	"\nGlobal options, accepted before or after the command: --db PATH,\n"
	"--format table|csv|json|ndjson|markdown, --columns LIST, --wide, --quiet.\n"
	"Exit status: see 'council --help'.\n";

enum { G_DB, G_FORMAT, G_QUIET, G_HELP, G_WIDE, G_COLUMNS, G_COUNT };
static const char *const global_names[G_COUNT] = {
	"db", "format", "quiet", "help", "wide", "columns"
};

static int find_opt(const cli_opt *opts, const char *name, size_t len)
{
	int i;

	for (i = 0; opts && opts[i].name; i++)
		if (strlen(opts[i].name) == len && strncmp(opts[i].name, name, len) == 0)
			return i;
	return -1;
}

static int find_global(const char *name, size_t len)
{
	int i;

	for (i = 0; i < G_COUNT; i++)
		if (strlen(global_names[i]) == len && strncmp(global_names[i], name, len) == 0)
			return i;
	return -1;
}

static int set_format(cli_ctx *ctx, const char *value)
{
	int f = out_format_parse(value);

	if (f < 0)
		return cli_usage(ctx, "--format: \"%s\": expected table, csv, json, ndjson or markdown",
		                 value);
	ctx->format = f;
	return CLI_OK;
}

/* ---- suggestions ---------------------------------------------------------- */

/* Optimal-string-alignment distance (Damerau-Levenshtein where a swapped
 * pair counts one edit: "qurey" is one from "query").  Over bytes: every
 * name it is asked about is ASCII, so a non-ASCII letter typed costs at
 * most its two bytes, which only makes a suggestion less likely. */
static size_t edit_distance(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b), i, j;
	size_t *d, best;

	if (na > 64 || nb > 64)
		return SIZE_MAX; /* no command or option is that long */
	d = cli_alloc((na + 1) * (nb + 1) * sizeof *d);
#define D(x, y) d[(x) * (nb + 1) + (y)]
	for (i = 0; i <= na; i++)
		D(i, 0) = i;
	for (j = 0; j <= nb; j++)
		D(0, j) = j;
	for (i = 1; i <= na; i++) {
		for (j = 1; j <= nb; j++) {
			size_t cost = a[i - 1] != b[j - 1], v = D(i - 1, j) + 1;
			if (D(i, j - 1) + 1 < v)
				v = D(i, j - 1) + 1;
			if (D(i - 1, j - 1) + cost < v)
				v = D(i - 1, j - 1) + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    D(i - 2, j - 2) + 1 < v)
				v = D(i - 2, j - 2) + 1;
			D(i, j) = v;
		}
	}
	best = D(na, nb);
#undef D
	free(d);
	return best;
}

void cli_near_init(cli_near *n, const char *word)
{
	n->word = word;
	n->best = NULL;
	n->dist = SIZE_MAX;
}

void cli_near_try(cli_near *n, const char *candidate)
{
	size_t d = edit_distance(n->word, candidate);

	/* the first of equally near names wins: tables list the common first */
	if (d < n->dist) {
		n->dist = d;
		n->best = candidate;
	}
}

const char *cli_near_best(const cli_near *n)
{
	size_t len = strlen(n->word);
	/* Near enough to be a slip of the fingers, not another word: one edit
	 * in a short name, two in a longer, three in a long one. */
	size_t limit = len <= 4 ? 1 : len <= 9 ? 2 : 3;

	if (!n->best || n->dist > limit || n->dist >= strlen(n->best))
		return NULL;
	return n->best;
}

const char *cli_did_you_mean(char *buf, size_t size, const cli_near *n, const char *prefix)
{
	const char *best = cli_near_best(n);

	if (!best)
		return "";
	snprintf(buf, size, "; did you mean '%s%s'?", prefix, best);
	return buf;
}

static void args_free(cli_args *a)
{
	free(a->given);
	free(a->pos);
	memset(a, 0, sizeof *a);
}

static int args_parse(cli_args *a, cli_ctx *ctx, const cli_opt *opts, int argc, char **argv)
{
	int i, rest = 0;

	memset(a, 0, sizeof *a);
	a->opts = opts;
	while (opts && opts[a->n_opts].name)
		a->n_opts++;
	a->given = cli_alloc((size_t)argc * sizeof *a->given);
	a->pos = cli_alloc((size_t)argc * sizeof *a->pos);
	for (i = 0; i < argc; i++) {
		const char *arg = argv[i], *name, *eq, *value = NULL;
		size_t len;
		int k, g = -1, kind;

		if (rest || arg[0] != '-' || arg[1] == '\0') {
			a->pos[a->n_pos++] = argv[i];
			continue;
		}
		if (strcmp(arg, "--") == 0) {
			rest = 1;
			continue;
		}
		if (strcmp(arg, "-h") == 0) {
			a->help = 1;
			continue;
		}
		if (arg[1] != '-')
			return cli_usage(ctx, "%s: unknown option (options are long: --name)", arg);
		name = arg + 2;
		eq = strchr(name, '=');
		len = eq ? (size_t)(eq - name) : strlen(name);
		k = find_opt(opts, name, len);
		if (k < 0 && (g = find_global(name, len)) < 0) {
			char word[80], hint[128];
			cli_near near;
			int j;
			snprintf(word, sizeof word, "%.*s", (int)len, name);
			cli_near_init(&near, word);
			for (j = 0; opts && opts[j].name; j++)
				cli_near_try(&near, opts[j].name);
			for (j = 0; j < G_COUNT; j++)
				cli_near_try(&near, global_names[j]);
			return cli_usage(ctx, "--%.*s: unknown option%s", (int)len, name,
			                 cli_did_you_mean(hint, sizeof hint, &near, "--"));
		}
		kind = k >= 0 ? (opts[k].kind & 0x0F) : (g == G_QUIET || g == G_HELP || g == G_WIDE ? CLI_FLAG : CLI_VALUE);
		if (kind == CLI_FLAG) {
			if (eq)
				return cli_usage(ctx, "--%.*s: takes no value", (int)len, name);
			value = "";
		} else if (eq) {
			value = eq + 1;
		} else if (i + 1 < argc) {
			value = argv[++i];
		} else {
			return cli_usage(ctx, "--%.*s: needs a value", (int)len, name);
		}
		if (k >= 0) {
			a->given[a->n_given].opt = k;
			a->given[a->n_given].value = value;
			a->n_given++;
			continue;
		}
		switch (g) {
		case G_DB: ctx->db_option = value; break;
		case G_QUIET: ctx->quiet = 1; break;
		case G_WIDE: ctx->wide = 1; break;
		case G_COLUMNS: ctx->columns = value; break;
		case G_HELP: a->help = 1; break;
		case G_FORMAT:
			if (set_format(ctx, value) != CLI_OK)
				return CLI_EUSAGE;
			break;
		}
	}
	return CLI_OK;
}

static int given_index(const cli_args *a, const char *name)
{
	return find_opt(a->opts, name, strlen(name));
}

int cli_has(const cli_args *a, const char *name)
{
	return cli_count(a, name) > 0;
}

size_t cli_count(const cli_args *a, const char *name)
{
	int k = given_index(a, name);
	size_t i, n = 0;

	for (i = 0; k >= 0 && i < a->n_given; i++)
		if (a->given[i].opt == k)
			n++;
	return n;
}

const char *cli_str(const cli_args *a, const char *name)
{
	int k = given_index(a, name);
	const char *v = NULL;
	size_t i;

	for (i = 0; k >= 0 && i < a->n_given; i++)
		if (a->given[i].opt == k)
			v = a->given[i].value;
	return v;
}

const char *cli_next(const cli_args *a, const char *name, size_t *iter)
{
	int k = given_index(a, name);

	for (; k >= 0 && *iter < a->n_given; (*iter)++) {
		if (a->given[*iter].opt == k)
			return a->given[(*iter)++].value;
	}
	return NULL;
}

/* The "Usage:" line of a help text, for usage errors. */
static void print_usage_line(const char *help)
{
	const char *nl = strchr(help, '\n');

	fprintf(stderr, "%.*s\n", nl ? (int)(nl - help) : (int)strlen(help), help);
}

int cli_run(cli_ctx *ctx, const char *command, const cli_cmd *cmd, int argc, char **argv)
{
	cli_args a;
	size_t i;
	int rc;

	ctx->command = command;
	if ((rc = args_parse(&a, ctx, cmd->opts, argc, argv)) != CLI_OK)
		goto out;
	if (a.help) {
		fputs(cmd->help, stdout);
		fputs(cli_global_help, stdout);
		goto out;
	}
	for (i = 0; i < a.n_opts; i++) {
		if ((a.opts[i].kind & CLI_REQUIRED) && !cli_has(&a, a.opts[i].name)) {
			print_usage_line(cmd->help);
			rc = cli_usage(ctx, "--%s is required", a.opts[i].name);
			goto out;
		}
	}
	if ((int)a.n_pos < cmd->min_pos) {
		print_usage_line(cmd->help);
		rc = cli_usage(ctx, "missing argument");
		goto out;
	}
	if (cmd->max_pos >= 0 && (int)a.n_pos > cmd->max_pos) {
		print_usage_line(cmd->help);
		rc = cli_usage(ctx, "%s: unexpected argument", a.pos[cmd->max_pos]);
		goto out;
	}
	if ((rc = cli_open(ctx, cmd->db)) != CLI_OK)
		goto out;
	rc = cmd->run(ctx, &a);
out:
	args_free(&a);
	return rc;
}

void cli_print_group_help(FILE *fp, const char *group, const char *help,
                          const cli_cmd *subs, size_t n)
{
	size_t i;
	int width = 0;

	for (i = 0; i < n; i++)
		if ((int)strlen(subs[i].name) > width)
			width = (int)strlen(subs[i].name);
	fputs(help, fp);
	fputs("\nSubcommands:\n", fp);
	for (i = 0; i < n; i++)
		fprintf(fp, "  %-*s  %s\n", width, subs[i].name, subs[i].summary);
	fprintf(fp, "\nRun 'council %s SUBCOMMAND --help' for its options.\n", group);
	fputs(cli_global_help, fp);
}

int cli_run_group(cli_ctx *ctx, const char *group, const char *help,
                  const cli_cmd *subs, size_t n, int argc, char **argv)
{
	char command[64];
	size_t i;

	ctx->command = group;
	if (argc == 0) {
		cli_print_group_help(stderr, group, help, subs, n);
		return cli_usage(ctx, "missing subcommand");
	}
	if (strcmp(argv[0], "--help") == 0 || strcmp(argv[0], "-h") == 0 ||
	    strcmp(argv[0], "help") == 0) {
		cli_print_group_help(stdout, group, help, subs, n);
		return CLI_OK;
	}
	for (i = 0; i < n; i++) {
		if (strcmp(argv[0], subs[i].name) == 0) {
			snprintf(command, sizeof command, "%s %s", group, subs[i].name);
			return cli_run(ctx, command, &subs[i], argc - 1, argv + 1);
		}
	}
	if (argv[0][0] == '-')
		return cli_usage(ctx, "%s: expected a subcommand before options", argv[0]);
	{
		char hint[128];
		cli_near near;
		cli_near_init(&near, argv[0]);
		for (i = 0; i < n; i++)
			cli_near_try(&near, subs[i].name);
		return cli_usage(ctx, "%s: unknown subcommand%s", argv[0],
		                 cli_did_you_mean(hint, sizeof hint, &near, ""));
	}
}

/* ---- values ---------------------------------------------------------------- */

int cli_parse_int64(const cli_ctx *ctx, const char *opt, const char *text,
                    int64_t min, int64_t max, int64_t *out)
{
	const char *p = text + (text[0] == '-' || text[0] == '+');
	char *end;
	long long v;

	/* strtoll alone would take "  12", "12abc" after checking end, and "";
	 * ask for an optional sign and digits only. */
	if (!(*p >= '0' && *p <= '9'))
		return cli_usage(ctx, "%s: \"%s\": not a whole number", opt, text);
	errno = 0;
	v = strtoll(text, &end, 10);
	if (*end || errno == ERANGE)
		return cli_usage(ctx, "%s: \"%s\": not a whole number in range", opt, text);
	if (v < min || v > max) {
		if (min == 0)
			return cli_usage(ctx, "%s: \"%s\": expected a number from 0 up", opt, text);
		return cli_usage(ctx, "%s: \"%s\": expected a number from %lld to %lld", opt, text,
		                 (long long)min, (long long)max);
	}
	*out = v;
	return CLI_OK;
}

int cli_parse_intval(const cli_ctx *ctx, const char *opt, const char *text, int *out)
{
	int64_t v = 0; /* gcc -O3 cannot tell it is set whenever rc is CLI_OK */
	int rc = cli_parse_int64(ctx, opt, text, 0, INT_MAX, &v);

	if (rc == CLI_OK)
		*out = (int)v;
	return rc;
}

int cli_parse_id(const cli_ctx *ctx, const char *opt, const char *text, council_id *out)
{
	int64_t v = 0; /* as above: set on success, which gcc -O3 cannot see */

	if (cli_parse_int64(ctx, opt, text, 0, INT64_MAX, &v) != CLI_OK)
		return CLI_EUSAGE;
	if (v == 0)
		return cli_usage(ctx, "%s: \"%s\": ids start at 1", opt, text);
	*out = v;
	return CLI_OK;
}

int cli_parse_date(const cli_ctx *ctx, const char *opt, const char *text, council_date *out)
{
	if (council_date_parse(out, text) != COUNCIL_OK)
		return cli_usage(ctx, "%s: \"%s\": not a date (expected 2024, 2024-02 or 2024-02-05)",
		                 opt, text);
	return CLI_OK;
}

int cli_parse_period(const cli_ctx *ctx, const char *opt, const char *text, council_period *out)
{
	if (council_period_parse(out, text) != COUNCIL_OK)
		return cli_usage(ctx, "%s: \"%s\": not a date or range (expected 2024, 2024-02, "
		                 "2024-02-05 or FROM..TO such as 2024-05-16..2024-05-17)", opt, text);
	return CLI_OK;
}

int cli_parse_enum(const cli_ctx *ctx, const char *opt, council_enum e, const char *text, int *out)
{
	char names[256] = "";
	size_t used = 0;
	int i;

	if (council_enum_parse(out, e, text) == COUNCIL_OK)
		return CLI_OK;
	/* List the accepted words, straight from the library's table. */
	for (i = 0; i < 64; i++) {
		const char *name = council_enum_name(e, i);
		int n;
		if (!name) {
			if (i > 0)
				break;
			continue;
		}
		n = snprintf(names + used, sizeof names - used, "%s%s", used ? ", " : "", name);
		if (n < 0 || (size_t)n >= sizeof names - used)
			break;
		used += (size_t)n;
	}
	return cli_usage(ctx, "%s: \"%s\": expected one of %s", opt, text, names);
}

int cli_parse_bool(const cli_ctx *ctx, const char *opt, const char *text, int *out)
{
	if (strcmp(text, "yes") == 0 || strcmp(text, "true") == 0 || strcmp(text, "1") == 0)
		*out = 1;
	else if (strcmp(text, "no") == 0 || strcmp(text, "false") == 0 || strcmp(text, "0") == 0)
		*out = 0;
	else
		return cli_usage(ctx, "%s: \"%s\": expected yes or no", opt, text);
	return CLI_OK;
}

/* ---- fields of records ----------------------------------------------------- */

/* "--name" for messages; opt names are short and fixed. */
#define OPTNAME(buf, opt) (snprintf((buf), sizeof (buf), "--%s", (opt)), (buf))

int cli_set_text(const cli_ctx *ctx, const cli_args *a, const char *opt, const char **field)
{
	const char *v = cli_str(a, opt);

	(void)ctx;
	if (!v)
		return CLI_OK;
	free((void *)*field); /* a record's fields are const, but this one is ours */
	*field = *v ? cli_strdup(v) : NULL;
	return CLI_OK;
}

int cli_set_int(const cli_ctx *ctx, const cli_args *a, const char *opt, int *field)
{
	const char *v = cli_str(a, opt);
	char buf[64];

	if (!v)
		return CLI_OK;
	if (!*v) {
		*field = -1;
		return CLI_OK;
	}
	return cli_parse_intval(ctx, OPTNAME(buf, opt), v, field);
}

int cli_set_id(const cli_ctx *ctx, const cli_args *a, const char *opt, council_id *field)
{
	const char *v = cli_str(a, opt);
	char buf[64];

	if (!v)
		return CLI_OK;
	if (!*v) {
		*field = 0;
		return CLI_OK;
	}
	return cli_parse_id(ctx, OPTNAME(buf, opt), v, field);
}

int cli_set_date(const cli_ctx *ctx, const cli_args *a, const char *opt, council_date *field)
{
	const char *v = cli_str(a, opt);
	char buf[64];

	if (!v)
		return CLI_OK;
	if (!*v) {
		memset(field, 0, sizeof *field);
		return CLI_OK;
	}
	return cli_parse_date(ctx, OPTNAME(buf, opt), v, field);
}

int cli_set_period(const cli_ctx *ctx, const cli_args *a, const char *opt, council_period *field)
{
	const char *v = cli_str(a, opt);
	char buf[64];

	if (!v)
		return CLI_OK;
	return cli_parse_period(ctx, OPTNAME(buf, opt), v, field);
}

int cli_set_enum(const cli_ctx *ctx, const cli_args *a, const char *opt, council_enum e, int *field)
{
	const char *v = cli_str(a, opt);
	char buf[64];

	if (!v)
		return CLI_OK;
	if (!*v) {
		*field = 0; /* each enumeration's first value is its default or "unknown" */
		return CLI_OK;
	}
	return cli_parse_enum(ctx, OPTNAME(buf, opt), e, v, field);
}

int cli_set_council(cli_ctx *ctx, const cli_args *a, const char *opt, council_id *field)
{
	const char *v = cli_str(a, opt);

	if (!v)
		return CLI_OK;
	if (!*v) {
		*field = 0;
		return CLI_OK;
	}
	return cli_council(field, ctx, v);
}

int cli_pos_id(const cli_ctx *ctx, const cli_args *a, size_t i, const char *what, council_id *out)
{
	if (i >= a->n_pos)
		return cli_usage(ctx, "missing %s", what);
	return cli_parse_id(ctx, what, a->pos[i], out);
}

int cli_set_limit(const cli_ctx *ctx, const cli_args *a, council_filter *f)
{
	const char *v = cli_str(a, "limit");
	int64_t n = 0; /* as above */

	if (!v)
		return CLI_OK;
	if (cli_parse_int64(ctx, "--limit", v, 0, INT64_MAX, &n) != CLI_OK)
		return CLI_EUSAGE;
	f->limit = n;
	return CLI_OK;
}

int cli_set_years(const cli_ctx *ctx, const cli_args *a, council_filter *f)
{
	const char *from = cli_str(a, "from"), *to = cli_str(a, "to");
	int64_t y;

	if (from) {
		if (cli_parse_int64(ctx, "--from", from, 1, 9999, &y) != CLI_OK)
			return CLI_EUSAGE;
		f->year_from = (int)y;
	}
	if (to) {
		if (cli_parse_int64(ctx, "--to", to, 1, 9999, &y) != CLI_OK)
			return CLI_EUSAGE;
		f->year_to = (int)y;
	}
	return CLI_OK;
}

int cli_set_range(const cli_ctx *ctx, const cli_args *a, council_filter *f, int always)
{
	const char *from = cli_str(a, "from"), *to = cli_str(a, "to");
	/* Open ends are the first and last years a partial date can have. */
	council_date start = { 1, 0, 0 }, end = { 9999, 0, 0 };

	if (!from && !to && !always)
		return CLI_OK;
	if (from && cli_parse_date(ctx, "--from", from, &start) != CLI_OK)
		return CLI_EUSAGE;
	if (to && cli_parse_date(ctx, "--to", to, &end) != CLI_OK)
		return CLI_EUSAGE;
	f->range.start = start;
	f->range.end = end;
	return CLI_OK;
}

int cli_parse_record(const cli_ctx *ctx, const char *text, char *type, size_t size,
                     council_id *id)
{
	/* The words of the record commands; the library knows them too and
	 * would refuse another, but a word outside a fixed set is a usage
	 * error here, as everywhere in the tool. */
	static const char *const types[] = {
		"council", "member", "meeting", "figure", "plan", "measure", "fulfilment",
		"event", "participants", "act", "source", "attendance", "quorum"
	};
	const char *colon = strchr(text, ':');
	size_t n = colon ? (size_t)(colon - text) : 0, i;

	for (i = 0; colon && i < sizeof types / sizeof types[0]; i++)
		if (strlen(types[i]) == n && strncmp(types[i], text, n) == 0)
			break;
	if (!colon || i == sizeof types / sizeof types[0] || n >= size)
		return cli_usage(ctx, "\"%s\": a record is TYPE:ID, TYPE one of council, member, "
		                 "meeting, figure, plan, measure, fulfilment, event, participants, act, "
		                 "source, attendance, quorum (e.g. event:12)", text);
	memcpy(type, text, n);
	type[n] = '\0';
	if (cli_parse_id(ctx, "record id", colon + 1, id) != CLI_OK)
		return CLI_EUSAGE;
	if (*id <= 0)
		return cli_usage(ctx, "\"%s\": the id must be positive", text);
	return CLI_OK;
}
