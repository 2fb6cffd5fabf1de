/* SPDX-License-Identifier: MIT */
/*
 * cmd_event.c -- `council event add|list|show|edit|remove|participants`:
 * dated happenings other than the council's own meetings (seminars,
 * trainings, visits...), the plan measures they served, and who took part,
 * counted in groups.  Per-event and per-year totals are `council query`.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char group_help[] =
	"Usage: council event SUBCOMMAND [ARGS...]\n"
	"\n"
	"Events: seminars, trainings, conferences, visits, discussions... with the\n"
	"plan measures they served and their participants, counted in groups\n"
	"('11 BO tarybos nariai' and '3 NVO tarybos nariai' are two groups).\n";

#define FIELD_HELP \
	"  --council COUNCIL        id or unique part of the council's name\n" \
	"  --title TITLE            the event's name\n" \
	"  --date DATE              2024, 2024-05, 2024-05-16 or a range\n" \
	"                           2024-05-16..2024-05-17\n" \
	"  --kind KIND              seminar, training, conference, visit, discussion,\n" \
	"                           presentation, consultation, festival, exhibition,\n" \
	"                           workshop, forum or other (default other)\n" \
	"  --organiser ORG          who organised it\n" \
	"  --location TEXT          where it took place\n" \
	"  --remote yes|no          held online or in person ('' for unknown)\n" \
	"  --description TEXT       what happened\n" \
	"  --measure ID             a plan measure it served; repeat for several\n" \
	"  --meeting ID             the council meeting it was held at\n" \
	"  --participants N[:QUALIFIER[:GROUP]]\n" \
	"                           a participant group: a count, how exact it is\n" \
	"                           (exact, more_than, at_least, about; default exact)\n" \
	"                           and who they were; repeat for several groups\n" \
	"  --source ID              the source document it was taken from\n"

static const char add_help[] =
	"Usage: council event add --council COUNCIL --title TITLE --date DATE [OPTIONS]\n"
	"\n"
	"Adds an event with its participant groups (all or nothing) and prints its id.\n"
	"\n"
	"Options:\n"
	FIELD_HELP
	"\n"
	"Examples:\n"
	"  council event add --council klaipedos --title 'Tarptautinis seminaras' \\\n"
	"      --date 2024-05-16..2024-05-17 --kind seminar --location Kuldyga \\\n"
	"      --participants 31 --measure 10\n"
	"  council event add --council klaipedos --title 'Informacinis seminaras' \\\n"
	"      --date 2024-10-30 --participants '11::BO tarybos nariai' \\\n"
	"      --participants '3::NVO tarybos nariai'\n";

static const char list_help[] =
	"Usage: council event list [--council COUNCIL] [--from DATE] [--to DATE]\n"
	"                          [--source ID] [--limit N]\n"
	"\n"
	"Lists events by council and date.\n"
	"\n"
	"Options:\n"
	"  --council COUNCIL   only this council's events\n"
	"  --from DATE         only events ending on or after DATE\n"
	"  --to DATE           only events starting on or before DATE\n"
	"  --source ID         only events taken from this source document\n"
	"  --limit N           at most N events\n";

static const char show_help[] =
	"Usage: council event show ID\n"
	"\n"
	"Shows one event.  Its participant groups: 'council event participants ID'.\n";

static const char edit_help[] =
	"Usage: council event edit ID [OPTIONS]\n"
	"\n"
	"Changes the fields given and keeps the others; '' makes an optional field\n"
	"unknown.  --measure and --participants replace the whole list; give them\n"
	"once with '' to empty it.\n"
	"\n"
	"Options:\n"
	FIELD_HELP;

static const char remove_help[] =
	"Usage: council event remove ID\n"
	"\n"
	"Removes an event with its participant groups.\n";

static const char participants_help[] =
	"Usage: council event participants ID\n"
	"\n"
	"Lists the participant groups of event ID.  Change them with\n"
	"'council event edit ID --participants ...'.\n";

#define FIELDS(req) \
	{ "council", CLI_VALUE | (req) }, { "title", CLI_VALUE | (req) }, \
	{ "date", CLI_VALUE | (req) }, { "kind", CLI_VALUE }, { "organiser", CLI_VALUE }, \
	{ "location", CLI_VALUE }, { "remote", CLI_VALUE }, { "description", CLI_VALUE }, \
	{ "measure", CLI_MANY }, { "meeting", CLI_VALUE }, { "participants", CLI_MANY }, \
	{ "source", CLI_VALUE }

static const cli_opt add_opts[] = { FIELDS(CLI_REQUIRED), { NULL, 0 } };
static const cli_opt edit_opts[] = { FIELDS(0), { NULL, 0 } };
static const cli_opt list_opts[] = {
	{ "council", CLI_VALUE }, { "from", CLI_VALUE }, { "to", CLI_VALUE },
	{ "source", CLI_VALUE }, { "limit", CLI_VALUE }, { NULL, 0 }
};
static const cli_opt no_opts[] = { { NULL, 0 } };

static const char *const cols[] = {
	"id", "council_id", "council", "meeting_id", "title", "kind", "organiser",
	"date_start", "date_end", "location", "remote", "description", "measures", "source_id"
};
#define NCOLS (sizeof cols / sizeof cols[0])

static const char *const group_cols[] = {
	"id", "event_id", "count", "qualifier", "group_name", "source_id"
};
#define NGROUP_COLS (sizeof group_cols / sizeof group_cols[0])

static void emit(cli_ctx *ctx, out_writer *w, const void *vr)
{
	const council_event *r = vr;
	size_t i;

	out_int(w, r->id);
	out_int(w, r->council_id);
	out_text(w, cli_council_name(ctx, r->council_id));
	out_id(w, r->meeting_id);
	out_text(w, r->title);
	out_enum(w, COUNCIL_ENUM_EVENT_KIND, (int)r->kind);
	out_text(w, r->organiser);
	out_date(w, &r->date.start);
	out_date(w, &r->date.end);
	out_text(w, r->location);
	out_bool(w, r->remote);
	out_text(w, r->description);
	out_list_begin(w, NULL, 0);
	for (i = 0; i < r->n_measures; i++)
		out_int(w, r->measure_ids[i]);
	out_list_end(w);
	out_id(w, r->source_id);
}

/* Participant groups given with --participants, parsed before anything is
 * written so that a typo changes nothing. */
struct groups {
	council_participants *g;
	size_t n;
	int given;
};

static int parse_group(const cli_ctx *ctx, const char *spec, council_participants *g)
{
	const char *c1 = strchr(spec, ':'), *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
	char count[32], qual[32];
	size_t n = c1 ? (size_t)(c1 - spec) : strlen(spec);
	int q = COUNCIL_QUAL_EXACT;

	council_participants_init(g);
	if (n >= sizeof count)
		return cli_usage(ctx, "--participants: \"%s\": expected N[:QUALIFIER[:GROUP]]", spec);
	memcpy(count, spec, n);
	count[n] = '\0';
	if (cli_parse_int64(ctx, "--participants", count, 0, INT64_MAX, &g->count) != CLI_OK)
		return CLI_EUSAGE;
	if (c1) {
		n = c2 ? (size_t)(c2 - c1 - 1) : strlen(c1 + 1);
		if (n >= sizeof qual)
			return cli_usage(ctx, "--participants: \"%s\": expected N[:QUALIFIER[:GROUP]]", spec);
		memcpy(qual, c1 + 1, n);
		qual[n] = '\0';
		if (*qual && cli_parse_enum(ctx, "--participants", COUNCIL_ENUM_QUALIFIER, qual, &q))
			return CLI_EUSAGE;
	}
	g->qualifier = (council_qualifier)q;
	if (c2 && c2[1])
		g->group_name = (char *)(c2 + 1); /* borrowed from argv; never freed */
	return CLI_OK;
}

static int parse_groups(const cli_ctx *ctx, const cli_args *a, struct groups *gs)
{
	const char *v;
	size_t iter = 0;

	gs->given = cli_has(a, "participants");
	gs->n = 0;
	gs->g = cli_alloc(cli_count(a, "participants") * sizeof *gs->g);
	while ((v = cli_next(a, "participants", &iter))) {
		if (!*v)
			continue;
		if (parse_group(ctx, v, &gs->g[gs->n]) != CLI_OK)
			return CLI_EUSAGE;
		gs->n++;
	}
	return CLI_OK;
}

static int apply(cli_ctx *ctx, const cli_args *a, void *vr)
{
	council_event *r = vr;
	const char *v;
	size_t iter = 0;
	int kind = (int)r->kind, rc;

	if ((rc = cli_set_council(ctx, a, "council", &r->council_id)) ||
	    (rc = cli_set_text(ctx, a, "title", &r->title)) ||
	    (rc = cli_set_period(ctx, a, "date", &r->date)) ||
	    (rc = cli_set_enum(ctx, a, "kind", COUNCIL_ENUM_EVENT_KIND, &kind)) ||
	    (rc = cli_set_text(ctx, a, "organiser", &r->organiser)) ||
	    (rc = cli_set_text(ctx, a, "location", &r->location)) ||
	    (rc = cli_set_text(ctx, a, "description", &r->description)) ||
	    (rc = cli_set_id(ctx, a, "meeting", &r->meeting_id)) ||
	    (rc = cli_set_id(ctx, a, "source", &r->source_id)))
		return rc;
	r->kind = (council_event_kind)kind;
	if ((v = cli_str(a, "remote"))) {
		if (!*v)
			r->remote = -1;
		else if ((rc = cli_parse_bool(ctx, "--remote", v, &r->remote)))
			return rc;
	}
	if (cli_has(a, "measure")) {
		/* The record's array is const (an input to the library); the one
		 * built here is ours, released by council_event_free. */
		council_id *ids = cli_alloc(cli_count(a, "measure") * sizeof *ids);
		free((void *)r->measure_ids);
		r->n_measures = 0;
		r->measure_ids = ids;
		while ((v = cli_next(a, "measure", &iter))) {
			if (!*v)
				continue;
			if ((rc = cli_parse_id(ctx, "--measure", v, &ids[r->n_measures])))
				return rc;
			r->n_measures++;
		}
	}
	return CLI_OK;
}

/* Adds the parsed groups to event id, each marked with the event's source. */
static int add_groups(cli_ctx *ctx, struct groups *gs, council_id id, council_id source)
{
	size_t i;
	int rc;

	for (i = 0; i < gs->n; i++) {
		gs->g[i].event_id = id;
		gs->g[i].source_id = source;
		if ((rc = council_participants_add(NULL, ctx->db, &gs->g[i])) != COUNCIL_OK)
			return rc;
	}
	return COUNCIL_OK;
}

/* Ends the transaction: commit on success, else roll back and report. */
static int finish(cli_ctx *ctx, int rc)
{
	if (rc == COUNCIL_OK) {
		if ((rc = council_commit(ctx->db)) == COUNCIL_OK)
			return CLI_OK;
	}
	rc = cli_fail(ctx, rc);
	council_rollback(ctx->db);
	return rc;
}

static int run_add(cli_ctx *ctx, cli_args *a)
{
	council_event *r = cli_alloc(sizeof *r);
	struct groups gs = { NULL, 0, 0 };
	council_id id = 0;
	int rc;

	council_event_init(r);
	if ((rc = apply(ctx, a, r)) || (rc = parse_groups(ctx, a, &gs)))
		goto out;
	if ((rc = council_begin(ctx->db)) != COUNCIL_OK) {
		rc = cli_fail(ctx, rc);
		goto out;
	}
	rc = council_event_add(&id, ctx->db, r);
	if (rc == COUNCIL_OK)
		rc = add_groups(ctx, &gs, id, r->source_id);
	if ((rc = finish(ctx, rc)) == CLI_OK)
		cli_print_id(ctx, id);
out:
	free(gs.g);
	council_event_free(r);
	return rc;
}

/* Ids of an event's groups, gathered before any is deleted so that no
 * delete runs while the list statement is still stepping. */
struct ids {
	council_id *v;
	size_t n;
};

static int collect_group(void *vids, const council_participants *g)
{
	struct ids *ids = vids;
	council_id *p = realloc(ids->v, (ids->n + 1) * sizeof *p);

	if (!p)
		exit(cli_error(CLI_EDB, "out of memory"));
	ids->v = p;
	ids->v[ids->n++] = g->id;
	return 0;
}

static int replace_groups(cli_ctx *ctx, struct groups *gs, const council_event *r)
{
	struct ids ids = { NULL, 0 };
	council_filter f;
	size_t i;
	int rc;

	council_filter_init(&f);
	f.parent_id = r->id;
	rc = council_participants_list(ctx->db, &f, collect_group, &ids);
	for (i = 0; rc == COUNCIL_OK && i < ids.n; i++)
		rc = council_participants_delete(ctx->db, ids.v[i]);
	free(ids.v);
	if (rc == COUNCIL_OK)
		rc = add_groups(ctx, gs, r->id, r->source_id);
	return rc;
}

static int run_edit(cli_ctx *ctx, cli_args *a)
{
	council_event *r;
	struct groups gs = { NULL, 0, 0 };
	void *found;
	int rc;

	if ((rc = cli_record_find(&found, ctx, a)) != CLI_OK)
		return rc;
	r = found;
	if ((rc = apply(ctx, a, r)) || (rc = parse_groups(ctx, a, &gs)))
		goto out;
	if ((rc = council_begin(ctx->db)) != COUNCIL_OK) {
		rc = cli_fail(ctx, rc);
		goto out;
	}
	rc = council_event_update(ctx->db, r);
	if (rc == COUNCIL_OK && gs.given)
		rc = replace_groups(ctx, &gs, r);
	rc = finish(ctx, rc);
out:
	free(gs.g);
	council_event_free(r);
	return rc;
}

static int group_cb(void *w, const council_participants *g)
{
	out_int(w, g->id);
	out_int(w, g->event_id);
	out_int(w, g->count);
	out_enum(w, COUNCIL_ENUM_QUALIFIER, (int)g->qualifier);
	out_text(w, g->group_name);
	out_id(w, g->source_id);
	out_row_end(w);
	return 0;
}

static int run_participants(cli_ctx *ctx, cli_args *a)
{
	council_filter f;
	cli_list l;
	council_id id;
	void *r;
	int rc;

	/* An unknown event is "not found", not an empty list. */
	if ((rc = cli_record_find(&r, ctx, a)) != CLI_OK)
		return rc;
	id = ((council_event *)r)->id;
	council_event_free(r);
	if ((rc = cli_list_begin(&l, &f, ctx, a, 0, group_cols, NGROUP_COLS)) != CLI_OK)
		return rc;
	f.parent_id = id;
	return cli_list_end(&l, council_participants_list(ctx->db, &f, group_cb, l.w));
}

CLI_RECORD_OPS(event);

static const cli_cmd subs[] = {
	{ "add", run_add, add_opts, 0, 0, CLI_DB_WRITE, "add an event", add_help },
	{ "list", cli_record_list, list_opts, 0, 0, CLI_DB_READ, "list events", list_help },
	{ "show", cli_record_show, no_opts, 1, 1, CLI_DB_READ, "show one event", show_help },
	{ "edit", run_edit, edit_opts, 1, 1, CLI_DB_WRITE, "change fields of an event", edit_help },
	{ "remove", cli_record_remove, no_opts, 1, 1, CLI_DB_WRITE, "remove an event",
	  remove_help },
	{ "participants", run_participants, no_opts, 1, 1, CLI_DB_READ,
	  "list an event's participant groups", participants_help },
};

/* add and edit are the file's own: they write the participant groups in
 * the same transaction as the event. */
static const cli_record record = {
	.name = "event", .help = group_help, .subs = subs, .n_subs = sizeof subs / sizeof subs[0],
	.ops = &event_ops, .cols = cols, .ncols = NCOLS, .emit = emit, .apply = apply,
	.list = CLI_LIST_COUNCIL | CLI_LIST_RANGE | CLI_LIST_SOURCE | CLI_LIST_LIMIT |
	        CLI_LIST_NAMES,
};

int cmd_event(cli_ctx *ctx, int argc, char **argv)
{
	return cli_record_run(ctx, &record, argc, argv);
}
