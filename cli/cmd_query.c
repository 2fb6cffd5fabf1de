/* SPDX-License-Identifier: MIT */
/*
 * cmd_query.c -- `council query ...`: the questions people ask of the
 * registry, each one library query printed as rows.  The counting and
 * reconciling happen in the library (council_query_*); this file only
 * turns options into a filter and rows into cells.
 */
#include "cli.h"

static const char group_help[] =
	"Usage: council query QUESTION [OPTIONS]\n"
	"\n"
	"Answers from the registry.  Year-based questions take --from YEAR --to YEAR;\n"
	"date-based ones take --from DATE --to DATE (2024, 2024-05 or 2024-05-16;\n"
	"either end may be left open).\n"
	"\n"
	"Example: meetings per year of one council since 2020, as JSON:\n"
	"  council --format json query meetings --council kauno --from 2020\n";

static const char meetings_help[] =
	"Usage: council query meetings [--council COUNCIL] [--from YEAR] [--to YEAR]\n"
	"\n"
	"Meetings per council and year.  'listed' counts dated meetings in the\n"
	"registry, 'stated' is the count a report states (empty when none);\n"
	"'meetings' is the larger of the two, 'remote' likewise for remote meetings.\n"
	"The same as the view meetings_per_year.\n"
	"\n"
	"Options:\n"
	"  --council COUNCIL   only this council (id or unique part of the name)\n"
	"  --from YEAR         from this year on\n"
	"  --to YEAR           up to this year\n"
	"\n"
	"Example:\n"
	"  council query meetings --council kauno --from 2020 --to 2024\n";

static const char participants_help[] =
	"Usage: council query participants [--council COUNCIL] [--from DATE] [--to DATE]\n"
	"                                  [--limit N]\n"
	"\n"
	"Participants per event: the sum over its groups ('participants', empty when\n"
	"none was counted), the weakest qualifier among them (a sum including an\n"
	"'at least' group is at least that sum), and the number of groups.\n"
	"\n"
	"Options:\n"
	"  --council COUNCIL   only this council's events\n"
	"  --from DATE         events ending on or after DATE\n"
	"  --to DATE           events starting on or before DATE\n"
	"  --limit N           at most N events\n";

static const char per_year_help[] =
	"Usage: council query participants-per-year [--council COUNCIL] [--from YEAR]\n"
	"                                           [--to YEAR]\n"
	"\n"
	"Participants per council and year: events held, how many of them had a\n"
	"participant count, and the sum of those counts.\n"
	"\n"
	"Options:\n"
	"  --council COUNCIL   only this council\n"
	"  --from YEAR         from this year on\n"
	"  --to YEAR           up to this year\n";

static const char events_help[] =
	"Usage: council query events [--from DATE] [--to DATE] [--council COUNCIL] [--limit N]\n"
	"\n"
	"Events overlapping a period, by council and date.\n"
	"\n"
	"Options:\n"
	"  --from DATE         events ending on or after DATE\n"
	"  --to DATE           events starting on or before DATE\n"
	"  --council COUNCIL   only this council's events\n"
	"  --limit N           at most N events\n"
	"\n"
	"Example:\n"
	"  council query events --from 2024-04 --to 2024-06\n";

static const char fulfilment_help[] =
	"Usage: council query fulfilment --plan ID [--year YEAR]\n"
	"\n"
	"What was done under each measure of a plan, by measure number and year.\n"
	"\n"
	"Options:\n"
	"  --plan ID       the plan (see 'council plan list')\n"
	"  --year YEAR     only this year\n";

static const char members_help[] =
	"Usage: council query members [--council COUNCIL] [--role ROLE]\n"
	"                             [--on DATE | --year YEAR]\n"
	"\n"
	"Memberships by council and office (chair, deputy, secretary, then\n"
	"members): each person in each office, with the term its documents\n"
	"state (date_from, date_to; empty when unknown or still holding).  A report\n"
	"for a year says a membership held that year; a later document listing\n"
	"the council without the person ends it.  The same as the view\n"
	"memberships_overview.\n"
	"\n"
	"Options:\n"
	"  --council COUNCIL   only this council's members\n"
	"  --role ROLE         only chair, deputy, secretary or member\n"
	"  --on DATE           only those holding the office on DATE (2024-06-01;\n"
	"                      2024-06 or 2024 mean any day of it)\n"
	"  --year YEAR         only those holding it at some time in YEAR\n"
	"\n"
	"Examples:\n"
	"  council query members --role chair\n"
	"  council query members --council Akmenės --on 2024-06-01\n";

#define NCOLS(cols) (sizeof (cols) / sizeof *(cols))

static const cli_opt years_opts[] = {
	{ "council", CLI_VALUE }, { "from", CLI_VALUE }, { "to", CLI_VALUE }, { NULL, 0 }
};
static const cli_opt range_opts[] = {
	{ "council", CLI_VALUE }, { "from", CLI_VALUE }, { "to", CLI_VALUE },
	{ "limit", CLI_VALUE }, { NULL, 0 }
};
static const cli_opt fulfilment_opts[] = {
	{ "plan", CLI_VALUE | CLI_REQUIRED }, { "year", CLI_VALUE }, { NULL, 0 }
};
static const cli_opt members_opts[] = {
	{ "council", CLI_VALUE }, { "role", CLI_VALUE }, { "on", CLI_VALUE }, { "year", CLI_VALUE },
	{ NULL, 0 }
};

/* ---- meetings per year ----------------------------------------------------- */

static const char *const meetings_cols[] = {
	"council", "year", "meetings", "remote", "listed", "stated", "council_id"
};

static int meetings_cb(void *w, const council_meetings_year *r)
{
	out_text(w, r->council);
	out_int(w, r->year);
	out_int(w, r->meetings);
	out_int(w, r->remote);
	out_int(w, r->listed);
	out_opt_int(w, r->stated);
	out_int(w, r->council_id);
	out_row_end(w);
	return 0;
}

static int run_meetings(cli_ctx *ctx, cli_args *a)
{
	council_filter f;
	cli_list l;
	int rc;

	if ((rc = cli_list_begin(&l, &f, ctx, a, CLI_LIST_COUNCIL | CLI_LIST_YEARS,
	                         meetings_cols, NCOLS(meetings_cols))) != CLI_OK)
		return rc;
	return cli_list_end(&l, council_query_meetings_per_year(ctx->db, &f, meetings_cb, l.w));
}

/* ---- participants per event ------------------------------------------------ */

static const char *const participants_cols[] = {
	"council", "title", "date_start", "date_end", "participants", "qualifier",
	"location", "groups", "event_id", "council_id"
};

static int participants_cb(void *w, const council_event_total *r)
{
	out_text(w, r->council);
	out_text(w, r->title);
	out_date(w, &r->date.start);
	out_date(w, &r->date.end);
	out_opt_int(w, r->participants);
	if (r->participants >= 0)
		out_enum(w, COUNCIL_ENUM_QUALIFIER, (int)r->qualifier);
	else
		out_null(w);
	out_text(w, r->location);
	out_int(w, r->groups);
	out_int(w, r->event_id);
	out_int(w, r->council_id);
	out_row_end(w);
	return 0;
}

static int run_participants(cli_ctx *ctx, cli_args *a)
{
	council_filter f;
	cli_list l;
	int rc;

	if ((rc = cli_list_begin(&l, &f, ctx, a, CLI_LIST_COUNCIL | CLI_LIST_RANGE | CLI_LIST_LIMIT,
	                         participants_cols, NCOLS(participants_cols))) != CLI_OK)
		return rc;
	return cli_list_end(&l, council_query_participants_per_event(ctx->db, &f, participants_cb,
	                                                             l.w));
}

/* ---- participants per year ------------------------------------------------- */

static const char *const per_year_cols[] = {
	"council", "year", "events", "counted", "participants", "council_id"
};

static int per_year_cb(void *w, const council_participants_year *r)
{
	out_text(w, r->council);
	out_int(w, r->year);
	out_int(w, r->events);
	out_int(w, r->counted);
	out_int(w, r->participants);
	out_int(w, r->council_id);
	out_row_end(w);
	return 0;
}

static int run_per_year(cli_ctx *ctx, cli_args *a)
{
	council_filter f;
	cli_list l;
	int rc;

	if ((rc = cli_list_begin(&l, &f, ctx, a, CLI_LIST_COUNCIL | CLI_LIST_YEARS,
	                         per_year_cols, NCOLS(per_year_cols))) != CLI_OK)
		return rc;
	return cli_list_end(&l, council_query_participants_per_year(ctx->db, &f, per_year_cb, l.w));
}

/* ---- events in a period ------------------------------------------------------ */

static const char *const events_cols[] = {
	"council", "title", "date_start", "date_end", "kind", "organiser", "location",
	"remote", "measures", "event_id", "council_id"
};

static int events_cb(void *vl, const council_event *r)
{
	cli_list *l = vl;
	size_t i;

	out_text(l->w, cli_council_name(l->ctx, r->council_id));
	out_text(l->w, r->title);
	out_date(l->w, &r->date.start);
	out_date(l->w, &r->date.end);
	out_enum(l->w, COUNCIL_ENUM_EVENT_KIND, (int)r->kind);
	out_text(l->w, r->organiser);
	out_text(l->w, r->location);
	out_bool(l->w, r->remote);
	out_list_begin(l->w, NULL, 0);
	for (i = 0; i < r->n_measures; i++)
		out_int(l->w, r->measure_ids[i]);
	out_list_end(l->w);
	out_int(l->w, r->id);
	out_int(l->w, r->council_id);
	out_row_end(l->w);
	return 0;
}

static int run_events(cli_ctx *ctx, cli_args *a)
{
	council_filter f;
	cli_list l;
	int rc;

	/* The library asks for a range here; no --from/--to means all time. */
	if ((rc = cli_list_begin(&l, &f, ctx, a,
	                         CLI_LIST_COUNCIL | CLI_LIST_RANGE | CLI_LIST_ALL_TIME |
	                         CLI_LIST_LIMIT | CLI_LIST_NAMES, events_cols, NCOLS(events_cols))) != CLI_OK)
		return rc;
	return cli_list_end(&l, council_query_events_in_range(ctx->db, &f, events_cb, &l));
}

/* ---- fulfilment of a plan --------------------------------------------------- */

static const char *const fulfilment_cols[] = {
	"plan_id", "measure_id", "seq", "measure", "year", "text"
};

static int fulfilment_cb(void *w, const council_fulfilment_row *r)
{
	out_int(w, r->plan_id);
	out_int(w, r->measure_id);
	out_int(w, r->seq);
	out_text(w, r->measure);
	out_opt_int(w, r->year);
	out_text(w, r->text);
	out_row_end(w);
	return 0;
}

static int run_fulfilment(cli_ctx *ctx, cli_args *a)
{
	council_filter f;
	cli_list l;
	int rc;

	if ((rc = cli_list_begin(&l, &f, ctx, a, CLI_LIST_PLAN | CLI_LIST_YEAR,
	                         fulfilment_cols, NCOLS(fulfilment_cols))) != CLI_OK)
		return rc;
	return cli_list_end(&l, council_query_fulfilment(ctx->db, &f, fulfilment_cb, l.w));
}

/* ---- members by role -------------------------------------------------------- */

static const char *const members_cols[] = {
	"council", "name", "role", "represents", "side", "member_id", "council_id",
	"person", "date_from", "date_to", "person_id"
};

static int members_cb(void *vl, const council_membership *r)
{
	cli_list *l = vl;

	out_text(l->w, cli_council_name(l->ctx, r->council_id));
	out_text(l->w, r->name);
	out_enum(l->w, COUNCIL_ENUM_ROLE, (int)r->role);
	out_text(l->w, r->represents);
	out_enum(l->w, COUNCIL_ENUM_SIDE, (int)r->side);
	out_int(l->w, r->id);
	out_int(l->w, r->council_id);
	out_text(l->w, r->person);
	out_date(l->w, &r->date_from);
	out_date(l->w, &r->date_to);
	out_id(l->w, r->person_id);
	out_row_end(l->w);
	return 0;
}

static int run_members(cli_ctx *ctx, cli_args *a)
{
	council_filter f;
	council_date on = { 0, 0, 0 };
	cli_list l;
	int rc;

	if (cli_has(a, "on") && cli_has(a, "year"))
		return cli_usage(ctx, "--on and --year: give one of them");
	if (cli_has(a, "on") &&
	    (rc = cli_parse_date(ctx, "--on", cli_str(a, "on"), &on)) != CLI_OK)
		return rc;
	if ((rc = cli_list_begin(&l, &f, ctx, a,
	                         CLI_LIST_COUNCIL | CLI_LIST_ROLE | CLI_LIST_YEAR | CLI_LIST_NAMES,
	                         members_cols, NCOLS(members_cols))) != CLI_OK)
		return rc;
	f.range.start = f.range.end = on;
	return cli_list_end(&l, council_query_memberships(ctx->db, &f, members_cb, &l));
}

static const cli_cmd subs[] = {
	{ "meetings", run_meetings, years_opts, 0, 0, CLI_DB_READ,
	  "meetings per council and year", meetings_help },
	{ "participants", run_participants, range_opts, 0, 0, CLI_DB_READ,
	  "participants per event", participants_help },
	{ "participants-per-year", run_per_year, years_opts, 0, 0, CLI_DB_READ,
	  "participants per council and year", per_year_help },
	{ "events", run_events, range_opts, 0, 0, CLI_DB_READ,
	  "events in a date range", events_help },
	{ "fulfilment", run_fulfilment, fulfilment_opts, 0, 0, CLI_DB_READ,
	  "a plan's measures and what was done, by year", fulfilment_help },
	{ "members", run_members, members_opts, 0, 0, CLI_DB_READ,
	  "members by council and role", members_help },
};

int cmd_query(cli_ctx *ctx, int argc, char **argv)
{
	return cli_run_group(ctx, "query", group_help, subs, sizeof subs / sizeof subs[0],
	                     argc, argv);
}
