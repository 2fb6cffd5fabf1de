/* SPDX-License-Identifier: MIT */
/*
 * cmd_measure.c -- `council measure add|list|show|edit|remove|fulfil`: the
 * numbered measures of an action plan, the units responsible for each, and
 * what was done under a measure in a given year (its fulfilment).
 */
#include <stdlib.h>

#include "cli.h"

static const char group_help[] =
	"Usage: council measure SUBCOMMAND [ARGS...]\n"
	"\n"
	"Measures (priemonės) of action plans: sequence number, name, indicator and\n"
	"responsible units; and, per year, what was done (fulfilment).  A plan's\n"
	"fulfilment by year: 'council query fulfilment --plan ID'.\n";

#define FIELD_HELP \
	"  --plan ID              the plan (see 'council plan list')\n" \
	"  --seq N                the measure's number in the plan, unique there\n" \
	"  --name NAME            what the measure is\n" \
	"  --indicator TEXT       how its success is measured\n" \
	"  --responsible UNIT     a responsible unit; repeat for several, in order\n" \
	"  --source ID            the source document it was taken from\n"

static const char add_help[] =
	"Usage: council measure add --plan ID --seq N --name NAME [OPTIONS]\n"
	"\n"
	"Adds a measure to a plan and prints its id.\n"
	"\n"
	"Options:\n"
	FIELD_HELP
	"\n"
	"Example:\n"
	"  council measure add --plan 1 --seq 1 --name 'BO ir NVO finansavimo analizė' \\\n"
	"      --responsible 'Kultūros skyrius' \\\n"
	"      --responsible 'Sveikatos ir socialinės apsaugos skyrius'\n";

static const char list_help[] =
	"Usage: council measure list [--plan ID] [--council COUNCIL] [--source ID] [--limit N]\n"
	"\n"
	"Lists measures by plan and number.\n"
	"\n"
	"Options:\n"
	"  --plan ID           only this plan's measures\n"
	"  --council COUNCIL   only measures of this council's plans\n"
	"  --source ID         only measures taken from this source document\n"
	"  --limit N           at most N measures\n";

static const char show_help[] =
	"Usage: council measure show ID\n"
	"\n"
	"Shows one measure with its fulfilment by year.\n";

static const char edit_help[] =
	"Usage: council measure edit ID [OPTIONS]\n"
	"\n"
	"Changes the fields given and keeps the others; '' makes an optional field\n"
	"unknown.  --responsible replaces the whole list; --responsible '' empties it.\n"
	"\n"
	"Options:\n"
	FIELD_HELP;

static const char remove_help[] =
	"Usage: council measure remove ID\n"
	"\n"
	"Removes a measure with its fulfilment; events stay, no longer linked to it.\n";

static const char fulfil_help[] =
	"Usage: council measure fulfil ID --year YEAR (--text TEXT | --remove) [--source ID]\n"
	"\n"
	"Records what was done under measure ID in YEAR, replacing what was recorded\n"
	"for that year before; --remove deletes that year's record.\n"
	"\n"
	"Options:\n"
	"  --year YEAR     the year\n"
	"  --text TEXT     what was done\n"
	"  --remove        delete the year's fulfilment instead\n"
	"  --source ID     the source document it was taken from\n"
	"\n"
	"Example:\n"
	"  council measure fulfil 7 --year 2024 --text 'Surengti 2 seminarai'\n";

#define FIELDS(req) \
	{ "plan", CLI_VALUE | (req) }, { "seq", CLI_VALUE | (req) }, \
	{ "name", CLI_VALUE | (req) }, { "indicator", CLI_VALUE }, \
	{ "responsible", CLI_MANY }, { "source", CLI_VALUE }

static const cli_opt add_opts[] = { FIELDS(CLI_REQUIRED), { NULL, 0 } };
static const cli_opt edit_opts[] = { FIELDS(0), { NULL, 0 } };
static const cli_opt list_opts[] = {
	{ "plan", CLI_VALUE }, { "council", CLI_VALUE }, { "source", CLI_VALUE },
	{ "limit", CLI_VALUE }, { NULL, 0 }
};
static const cli_opt fulfil_opts[] = {
	{ "year", CLI_VALUE | CLI_REQUIRED }, { "text", CLI_VALUE }, { "remove", CLI_FLAG },
	{ "source", CLI_VALUE }, { NULL, 0 }
};
static const cli_opt no_opts[] = { { NULL, 0 } };

/* show adds the fulfilment column to list's. */
static const char *const cols[] = {
	"id", "plan_id", "seq", "name", "indicator", "responsible", "source_id", "fulfilment"
};
#define NCOLS_LIST (sizeof cols / sizeof cols[0] - 1)
#define NCOLS_SHOW (sizeof cols / sizeof cols[0])
static const char *const fulfilment_fields[] = { "year", "text" };

static void emit(cli_ctx *ctx, out_writer *w, const void *vr)
{
	const council_measure *r = vr;
	size_t i;

	(void)ctx;
	out_int(w, r->id);
	out_int(w, r->plan_id);
	out_int(w, r->seq);
	out_text(w, r->name);
	out_text(w, r->indicator);
	out_list_begin(w, NULL, 0);
	for (i = 0; i < r->n_responsible; i++)
		out_text(w, r->responsible[i]);
	out_list_end(w);
	out_id(w, r->source_id);
}

static void free_responsible(council_measure *r)
{
	size_t i;

	/* Record fields are const (inputs to the library); these are heap
	 * copies, the library's or ours. */
	for (i = 0; i < r->n_responsible; i++)
		free((void *)r->responsible[i]);
	free(r->responsible);
	r->responsible = NULL;
	r->n_responsible = 0;
}

static int apply(cli_ctx *ctx, const cli_args *a, void *vr)
{
	council_measure *r = vr;
	const char *v;
	size_t iter = 0;
	int rc;

	if ((rc = cli_set_id(ctx, a, "plan", &r->plan_id)) ||
	    (rc = cli_set_int(ctx, a, "seq", &r->seq)) ||
	    (rc = cli_set_text(ctx, a, "name", &r->name)) ||
	    (rc = cli_set_text(ctx, a, "indicator", &r->indicator)) ||
	    (rc = cli_set_id(ctx, a, "source", &r->source_id)))
		return rc;
	if (cli_has(a, "responsible")) {
		free_responsible(r);
		r->responsible = cli_alloc(cli_count(a, "responsible") * sizeof *r->responsible);
		while ((v = cli_next(a, "responsible", &iter)))
			if (*v)
				r->responsible[r->n_responsible++] = cli_strdup(v);
	}
	return CLI_OK;
}

static int fulfilment_item(void *w, const council_fulfilment *r)
{
	out_int(w, r->year);
	out_text(w, r->text);
	return 0;
}

/* show's last column: the measure's fulfilment by year. */
static int show_fulfilment(cli_ctx *ctx, out_writer *w, const void *vr)
{
	const council_measure *r = vr;
	council_filter f;
	int rc;

	council_filter_init(&f);
	f.parent_id = r->id;
	out_list_begin(w, fulfilment_fields, 2);
	rc = council_fulfilment_list(ctx->db, &f, fulfilment_item, w);
	out_list_end(w);
	return rc;
}

static int found_year(void *vid, const council_fulfilment *r)
{
	*(council_id *)vid = r->id;
	return 0;
}

static int run_fulfil(cli_ctx *ctx, cli_args *a)
{
	council_fulfilment *r = NULL;
	council_filter f;
	council_id measure, existing = 0;
	int year, remove = cli_has(a, "remove"), rc;

	if ((rc = cli_pos_id(ctx, a, 0, "measure id", &measure)) ||
	    (rc = cli_parse_intval(ctx, "--year", cli_str(a, "year"), &year)))
		return rc;
	if (remove == cli_has(a, "text"))
		return cli_usage(ctx, "give either --text TEXT or --remove");
	/* The year's record, if any: one per measure and year. */
	council_filter_init(&f);
	f.parent_id = measure;
	f.year_from = f.year_to = year;
	if ((rc = council_fulfilment_list(ctx->db, &f, found_year, &existing)) != COUNCIL_OK)
		return cli_fail(ctx, rc);
	if (remove) {
		if (!existing)
			return cli_error(CLI_ENOTFOUND, "measure %lld: no fulfilment recorded for %d",
			                 (long long)measure, year);
		rc = council_fulfilment_delete(ctx->db, existing);
		return rc == COUNCIL_OK ? CLI_OK : cli_fail(ctx, rc);
	}
	if (existing) {
		if ((rc = council_fulfilment_get(&r, ctx->db, existing)) != COUNCIL_OK)
			return cli_fail(ctx, rc);
	} else {
		r = cli_alloc(sizeof *r);
		council_fulfilment_init(r);
		r->measure_id = measure;
		r->year = year;
	}
	if ((rc = cli_set_text(ctx, a, "text", &r->text)) == CLI_OK &&
	    (rc = cli_set_id(ctx, a, "source", &r->source_id)) == CLI_OK) {
		rc = existing ? council_fulfilment_update(ctx->db, r)
		              : council_fulfilment_add(NULL, ctx->db, r);
		if (rc != COUNCIL_OK)
			rc = cli_fail(ctx, rc);
	}
	council_fulfilment_free(r);
	return rc;
}

CLI_RECORD_OPS(measure);

static const cli_cmd subs[] = {
	{ "add", cli_record_add, add_opts, 0, 0, CLI_DB_WRITE, "add a measure to a plan",
	  add_help },
	{ "list", cli_record_list, list_opts, 0, 0, CLI_DB_READ, "list measures", list_help },
	{ "show", cli_record_show, no_opts, 1, 1, CLI_DB_READ, "show a measure and its fulfilment",
	  show_help },
	{ "edit", cli_record_edit, edit_opts, 1, 1, CLI_DB_WRITE, "change fields of a measure",
	  edit_help },
	{ "remove", cli_record_remove, no_opts, 1, 1, CLI_DB_WRITE, "remove a measure",
	  remove_help },
	{ "fulfil", run_fulfil, fulfil_opts, 1, 1, CLI_DB_WRITE,
	  "record what was done under a measure in a year", fulfil_help },
};

static const cli_record record = {
	.name = "measure", .help = group_help, .subs = subs, .n_subs = sizeof subs / sizeof subs[0],
	.ops = &measure_ops, .cols = cols, .ncols = NCOLS_LIST, .emit = emit, .apply = apply,
	.list = CLI_LIST_PLAN | CLI_LIST_COUNCIL | CLI_LIST_SOURCE | CLI_LIST_LIMIT,
	.show_more = show_fulfilment, .n_show_cols = NCOLS_SHOW,
};

int cmd_measure(cli_ctx *ctx, int argc, char **argv)
{
	return cli_record_run(ctx, &record, argc, argv);
}
