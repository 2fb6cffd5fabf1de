/* SPDX-License-Identifier: MIT */
/*
 * cmd_council.c -- `council council add|list|show|edit|remove`: the
 * councils themselves (name, municipality, kind, size and composition).
 * Their members, meetings and so on have commands of their own.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char group_help[] =
	"Usage: council council SUBCOMMAND [ARGS...]\n"
	"\n"
	"Councils: a municipality's BO or NVO taryba, with its size and how its\n"
	"seats are split between the municipality and community organisations.\n"
	"COUNCIL is an id or a unique part of the name, matched ignoring case and\n"
	"Lithuanian letters ('kauno' finds 'Kauno miesto ... taryba').\n";

#define FIELD_HELP \
	"  --name NAME                  the council's full name, unique\n" \
	"  --municipality NAME          e.g. 'Kauno miesto savivaldybė'\n" \
	"  --kind KIND                  BO, NVO or other (default BO)\n" \
	"  --founding-act TEXT          the act that founded it, free text\n" \
	"  --size N                     seats the founding act sets\n" \
	"  --seats-municipality N       seats of the municipality's side\n" \
	"  --seats-community N          seats of community organisations\n" \
	"  --source ID                  the source document it was taken from\n"

static const char add_help[] =
	"Usage: council council add --name NAME [OPTIONS]\n"
	"\n"
	"Adds a council and prints its id.\n"
	"\n"
	"Options:\n"
	FIELD_HELP
	"\n"
	"Example:\n"
	"  council council add --municipality 'Kauno miesto savivaldybė' \\\n"
	"      --name 'Kauno miesto savivaldybės bendruomeninių organizacijų taryba' \\\n"
	"      --size 22 --seats-municipality 11 --seats-community 11\n";

static const char list_help[] =
	"Usage: council council list [--source ID] [--limit N]\n"
	"\n"
	"Lists councils in Lithuanian alphabetical order.\n"
	"\n"
	"Options:\n"
	"  --source ID   only councils taken from this source document\n"
	"  --limit N     at most N councils\n";

static const char show_help[] =
	"Usage: council council show COUNCIL\n"
	"\n"
	"Shows one council.  COUNCIL is its id or a unique part of its name.\n";

static const char edit_help[] =
	"Usage: council council edit COUNCIL [OPTIONS]\n"
	"\n"
	"Changes the fields given and keeps the others.  An empty value ('') makes\n"
	"an optional field unknown again.\n"
	"\n"
	"Options:\n"
	FIELD_HELP
	"\n"
	"Example:\n"
	"  council council edit kauno --size 22\n";

static const char remove_help[] =
	"Usage: council council remove COUNCIL [--cascade [--yes]]\n"
	"\n"
	"Removes a council.  A council with members, meetings, figures, plans,\n"
	"events or legal acts is kept (exit 4) unless --cascade is given, which\n"
	"removes all of them with it.  --cascade first prints on standard error\n"
	"what it will remove; when standard input is a terminal it then asks, and\n"
	"anything but \"y\" or \"yes\" removes nothing (exit 4).  Everything removed\n"
	"stays in the history: 'council restore council:ID' brings it back.\n"
	"\n"
	"Options:\n"
	"  --cascade     also remove every record that belongs to the council\n"
	"  --yes         do not ask (scripts; without a terminal nothing is asked)\n";

#define FIELDS(req) \
	{ "name", CLI_VALUE | (req) }, { "municipality", CLI_VALUE }, { "kind", CLI_VALUE }, \
	{ "founding-act", CLI_VALUE }, { "size", CLI_VALUE }, \
	{ "seats-municipality", CLI_VALUE }, { "seats-community", CLI_VALUE }, \
	{ "source", CLI_VALUE }

static const cli_opt add_opts[] = { FIELDS(CLI_REQUIRED), { NULL, 0 } };
static const cli_opt edit_opts[] = { FIELDS(0), { NULL, 0 } };
static const cli_opt list_opts[] = { { "source", CLI_VALUE }, { "limit", CLI_VALUE }, { NULL, 0 } };
static const cli_opt no_opts[] = { { NULL, 0 } };
static const cli_opt remove_opts[] = { { "cascade", CLI_FLAG }, { "yes", CLI_FLAG }, { NULL, 0 } };

static const char *const cols[] = {
	"id", "name", "municipality", "kind", "founding_act", "size",
	"seats_municipality", "seats_community", "source_id"
};
#define NCOLS (sizeof cols / sizeof cols[0])

static void emit(cli_ctx *ctx, out_writer *w, const void *vr)
{
	const council_council *r = vr;

	(void)ctx;
	out_int(w, r->id);
	out_text(w, r->name);
	out_text(w, r->municipality);
	out_enum(w, COUNCIL_ENUM_KIND, (int)r->kind);
	out_text(w, r->founding_act);
	out_opt_int(w, r->size);
	out_opt_int(w, r->seats_municipality);
	out_opt_int(w, r->seats_community);
	out_id(w, r->source_id);
}

static int apply(cli_ctx *ctx, const cli_args *a, void *vr)
{
	council_council *r = vr;
	int kind = (int)r->kind, rc;

	if ((rc = cli_set_text(ctx, a, "name", &r->name)) ||
	    (rc = cli_set_text(ctx, a, "municipality", &r->municipality)) ||
	    (rc = cli_set_enum(ctx, a, "kind", COUNCIL_ENUM_KIND, &kind)) ||
	    (rc = cli_set_text(ctx, a, "founding-act", &r->founding_act)) ||
	    (rc = cli_set_int(ctx, a, "size", &r->size)) ||
	    (rc = cli_set_int(ctx, a, "seats-municipality", &r->seats_municipality)) ||
	    (rc = cli_set_int(ctx, a, "seats-community", &r->seats_community)) ||
	    (rc = cli_set_id(ctx, a, "source", &r->source_id)))
		return rc;
	r->kind = (council_kind)kind;
	/* Stored as given (either may be what changed), but said: the same
	 * check the importer makes (issue 10). */
	if (r->size >= 0 && r->seats_municipality >= 0 && r->seats_community >= 0 &&
	    r->size != r->seats_municipality + r->seats_community && !ctx->quiet)
		fprintf(stderr, "council: warning: council.size: %d differs from its seats, "
		        "%d + %d = %d\n", r->size, r->seats_municipality, r->seats_community,
		        r->seats_municipality + r->seats_community);
	return CLI_OK;
}

/* COUNCIL is an id or a unique part of the name, for show and edit alike. */
static int find(void **out, cli_ctx *ctx, const cli_args *a)
{
	council_council *r = NULL;
	council_id id;
	int rc;

	if ((rc = cli_council(&id, ctx, a->pos[0])) != CLI_OK)
		return rc;
	rc = council_get(&r, ctx->db, id);
	*out = r;
	return rc == COUNCIL_OK ? CLI_OK : cli_fail(ctx, rc);
}

/* What a cascade would take, as "12 members, 3 meetings, ...". */
struct doomed {
	char text[512];
	long long total;
};

static int doomed_cb(void *ctx, int ncol, const char *const *names, const char *const *values,
                     const int *types)
{
	struct doomed *d = ctx;
	int i;

	(void)types;
	for (i = 0; i < ncol; i++) {
		long long n = values[i] ? atoll(values[i]) : 0;
		size_t len = strlen(d->text);
		if (n == 0)
			continue;
		d->total += n;
		snprintf(d->text + len, sizeof d->text - len, "%s%lld %s", len ? ", " : "", n, names[i]);
	}
	return 0;
}

/* Prints what removing council id with --cascade takes and, on a
 * terminal without --yes, asks.  CLI_OK to go on. */
static int confirm_cascade(cli_ctx *ctx, const cli_args *a, council_id id)
{
	/* The id is an integer the tool resolved, not text from outside:
	 * printed into the query, which council_sql runs read-only. */
	char sql[1024], answer[16] = "";
	struct doomed d = { "", 0 };
	council_council *c = NULL;
	int rc;

	snprintf(sql, sizeof sql,
	         "SELECT (SELECT count(*) FROM member WHERE council_id = %lld) AS members,"
	         " (SELECT count(*) FROM meeting WHERE council_id = %lld) AS meetings,"
	         " (SELECT count(*) FROM reported_figure WHERE council_id = %lld) AS figures,"
	         " (SELECT count(*) FROM plan WHERE council_id = %lld) AS plans,"
	         " (SELECT count(*) FROM measure WHERE plan_id IN"
	         "   (SELECT id FROM plan WHERE council_id = %lld)) AS measures,"
	         " (SELECT count(*) FROM event WHERE council_id = %lld) AS events,"
	         " (SELECT count(*) FROM event_participants WHERE event_id IN"
	         "   (SELECT id FROM event WHERE council_id = %lld)) AS \"participant groups\","
	         " (SELECT count(*) FROM legal_act WHERE council_id = %lld) AS \"legal acts\"",
	         (long long)id, (long long)id, (long long)id, (long long)id, (long long)id,
	         (long long)id, (long long)id, (long long)id);
	if ((rc = council_sql(ctx->db, sql, doomed_cb, &d)) != COUNCIL_OK ||
	    (rc = council_get(&c, ctx->db, id)) != COUNCIL_OK)
		return cli_fail(ctx, rc);
	if (!ctx->quiet || (!cli_has(a, "yes") && isatty(STDIN_FILENO)))
		fprintf(stderr, "council: removing council %lld \"%s\" with %s\n", (long long)id,
		        c->name, d.total ? d.text : "no records");
	council_council_free(c);
	if (cli_has(a, "yes") || !isatty(STDIN_FILENO))
		return CLI_OK;
	fputs("Remove them? [y/N] ", stderr);
	fflush(stderr);
	if (!fgets(answer, sizeof answer, stdin) ||
	    (strcmp(answer, "y\n") != 0 && strcmp(answer, "yes\n") != 0 &&
	     strcmp(answer, "Y\n") != 0 && strcmp(answer, "YES\n") != 0))
		return cli_error(CLI_EINVALID, "not confirmed: nothing removed");
	return CLI_OK;
}

static int run_remove(cli_ctx *ctx, cli_args *a)
{
	council_id id;
	int rc;

	if (cli_has(a, "yes") && !cli_has(a, "cascade"))
		return cli_usage(ctx, "--yes: only with --cascade");
	if ((rc = cli_council(&id, ctx, a->pos[0])) != CLI_OK)
		return rc;
	if (cli_has(a, "cascade") && (rc = confirm_cascade(ctx, a, id)) != CLI_OK)
		return rc;
	rc = cli_has(a, "cascade") ? council_delete_cascade(ctx->db, id)
	                           : council_delete(ctx->db, id);
	if (rc == COUNCIL_EHASCHILDREN) {
		cli_fail(ctx, rc);
		fputs("council: use --cascade to remove the council with all its records\n", stderr);
		return cli_exit_for(rc);
	}
	return rc == COUNCIL_OK ? CLI_OK : cli_fail(ctx, rc);
}

CLI_RECORD_OPS_AS(council, council);

static const cli_cmd subs[] = {
	{ "add", cli_record_add, add_opts, 0, 0, CLI_DB_WRITE, "add a council", add_help },
	{ "list", cli_record_list, list_opts, 0, 0, CLI_DB_READ, "list councils", list_help },
	{ "show", cli_record_show, no_opts, 1, 1, CLI_DB_READ, "show one council", show_help },
	{ "edit", cli_record_edit, edit_opts, 1, 1, CLI_DB_WRITE, "change fields of a council",
	  edit_help },
	{ "remove", run_remove, remove_opts, 1, 1, CLI_DB_WRITE, "remove a council", remove_help },
};

static const cli_record record = {
	.name = "council", .help = group_help, .subs = subs, .n_subs = sizeof subs / sizeof subs[0],
	.ops = &council_ops, .cols = cols, .ncols = NCOLS, .emit = emit, .apply = apply,
	.list = CLI_LIST_SOURCE | CLI_LIST_LIMIT, .find = find,
};

int cmd_council(cli_ctx *ctx, int argc, char **argv)
{
	return cli_record_run(ctx, &record, argc, argv);
}
