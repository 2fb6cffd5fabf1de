/* SPDX-License-Identifier: MIT */
/*
 * walk.c -- reading an extraction record by record through council.h's
 * record structs (council_extraction_count, council_extraction_<kind>), for
 * programs that want a dry run's records without going through its JSON.
 * Only reads report.h's structs: extracting is extract.c's, the JSON form
 * extraction.c's.
 */

#include "internal.h"
#include "report.h"

static void span_view(council_span *out, const x_span *s)
{
	if (!out)
		return;
	out->line = s->line;
	out->start = s->start;
	out->end = s->end;
	out->quote = s->quote;
}

static size_t n_fulfilment(const council_extraction *x)
{
	size_t i, n = 0;

	for (i = 0; i < x->n_measures; i++)
		n += x->measures[i].fulfilment != NULL;
	return n;
}

static size_t n_participants(const council_extraction *x)
{
	size_t i, n = 0;

	for (i = 0; i < x->n_events; i++)
		n += x->events[i].n_groups;
	return n;
}

size_t council_extraction_count(const council_extraction *x, council_record_kind kind)
{
	if (!x)
		return 0;
	switch (kind) {
	case COUNCIL_RECORD_COUNCIL: return x->council.name != NULL;
	case COUNCIL_RECORD_MEMBER: return x->n_members;
	case COUNCIL_RECORD_MEETING: return x->n_meetings;
	case COUNCIL_RECORD_FIGURE: return x->n_figures;
	case COUNCIL_RECORD_PLAN: return x->plan.present != 0;
	case COUNCIL_RECORD_MEASURE: return x->n_measures;
	case COUNCIL_RECORD_FULFILMENT: return n_fulfilment(x);
	case COUNCIL_RECORD_EVENT: return x->n_events;
	case COUNCIL_RECORD_PARTICIPANTS: return n_participants(x);
	case COUNCIL_RECORD_ACT: return x->n_acts;
	}
	return 0;
}

/* The checks every reader starts with: EMISUSE for NULL arguments,
 * ENOTFOUND for an index past the kind's count. */
static int check(const void *out, const council_extraction *x, council_record_kind kind,
                 size_t i)
{
	if (!out || !x)
		return COUNCIL_EMISUSE;
	return i < council_extraction_count(x, kind) ? COUNCIL_OK : COUNCIL_ENOTFOUND;
}

int council_extraction_source(council_source *out, const council_extraction *x)
{
	if (!out || !x)
		return COUNCIL_EMISUSE;
	council_source_init(out);
	out->path = x->source_path ? x->source_path : x->path;
	out->kind = x->kind;
	out->report_year = x->report_year;
	out->doc_number = x->doc_number;
	out->doc_date = x->doc_date;
	return COUNCIL_OK;
}

int council_extraction_council(council_council *out, council_span *span,
                               const council_extraction *x, size_t i)
{
	int rc = check(out, x, COUNCIL_RECORD_COUNCIL, i);

	if (rc != COUNCIL_OK)
		return rc;
	council_council_init(out);
	out->name = x->council.name;
	out->municipality = x->council.municipality;
	out->kind = x->council.kind;
	out->size = x->council.size;
	out->seats_municipality = x->council.seats_municipality;
	out->seats_community = x->council.seats_community;
	span_view(span, &x->council.span);
	return COUNCIL_OK;
}

int council_extraction_member(council_member *out, council_span *span,
                              const council_extraction *x, size_t i)
{
	int rc = check(out, x, COUNCIL_RECORD_MEMBER, i);
	const x_member *m;

	if (rc != COUNCIL_OK)
		return rc;
	m = &x->members[i];
	council_member_init(out);
	out->name = m->name;
	out->role = m->role;
	out->represents = m->represents;
	out->side = m->side;
	out->delegated_by = m->delegated_by;
	span_view(span, &m->span);
	return COUNCIL_OK;
}

int council_extraction_meeting(council_meeting *out, council_span *span,
                               const council_extraction *x, size_t i)
{
	int rc = check(out, x, COUNCIL_RECORD_MEETING, i);
	const x_meeting *m;

	if (rc != COUNCIL_OK)
		return rc;
	m = &x->meetings[i];
	council_meeting_init(out);
	out->date = m->date;
	out->format = m->format;
	out->platform = m->platform;
	out->summary = m->summary;
	span_view(span, &m->span);
	return COUNCIL_OK;
}

int council_extraction_figure(council_figure *out, council_span *span,
                              const council_extraction *x, size_t i)
{
	int rc = check(out, x, COUNCIL_RECORD_FIGURE, i);
	const x_figure *f;

	if (rc != COUNCIL_OK)
		return rc;
	f = &x->figures[i];
	council_figure_init(out);
	out->year = f->year;
	out->metric = f->metric;
	out->value = f->value;
	out->qualifier = f->qualifier;
	span_view(span, &f->span);
	return COUNCIL_OK;
}

int council_extraction_plan(council_plan *out, council_span *span,
                            const council_extraction *x, size_t i)
{
	int rc = check(out, x, COUNCIL_RECORD_PLAN, i);

	if (rc != COUNCIL_OK)
		return rc;
	council_plan_init(out);
	out->title = x->plan.title;
	out->year_from = x->plan.year_from;
	out->year_to = x->plan.year_to;
	span_view(span, &x->plan.span);
	return COUNCIL_OK;
}

int council_extraction_measure(council_measure *out, council_span *span,
                               const council_extraction *x, size_t i)
{
	int rc = check(out, x, COUNCIL_RECORD_MEASURE, i);
	const x_measure *m;

	if (rc != COUNCIL_OK)
		return rc;
	m = &x->measures[i];
	council_measure_init(out);
	out->seq = m->seq;
	out->name = m->name;
	out->indicator = m->indicator;
	/* The same pointers, read-only: council_measure's units are const. */
	out->responsible = (const char **)m->responsible;
	out->n_responsible = m->n_responsible;
	span_view(span, &m->span);
	return COUNCIL_OK;
}

int council_extraction_fulfilment(council_fulfilment *out, council_span *span,
                                  const council_extraction *x, size_t i)
{
	int rc = check(out, x, COUNCIL_RECORD_FULFILMENT, i);
	size_t k;

	if (rc != COUNCIL_OK)
		return rc;
	/* The i-th measure that has a fulfilment text; a report has tens of
	 * measures, so a scan is cheaper than an index kept beside x. */
	for (k = 0; k < x->n_measures; k++) {
		const x_measure *m = &x->measures[k];
		if (!m->fulfilment || i-- > 0)
			continue;
		council_fulfilment_init(out);
		out->measure_id = (int64_t)k + 1;
		out->year = x->report_year;
		out->text = m->fulfilment;
		span_view(span, &m->span);
		return COUNCIL_OK;
	}
	return COUNCIL_ENOTFOUND; /* not reached: check counted them */
}

int council_extraction_event(council_event *out, council_span *span,
                             const council_extraction *x, size_t i)
{
	int rc = check(out, x, COUNCIL_RECORD_EVENT, i);
	const x_event *e;

	if (rc != COUNCIL_OK)
		return rc;
	e = &x->events[i];
	council_event_init(out);
	out->title = e->title;
	out->kind = e->kind;
	out->organiser = e->organiser;
	out->date = e->date;
	out->location = e->location;
	out->remote = e->remote;
	out->description = e->description;
	span_view(span, &e->span);
	return COUNCIL_OK;
}

int council_extraction_event_measures(const int **seqs, size_t *n,
                                      const council_extraction *x, size_t i)
{
	if (!seqs || !n || !x)
		return COUNCIL_EMISUSE;
	*seqs = NULL;
	*n = 0;
	if (i >= x->n_events)
		return COUNCIL_ENOTFOUND;
	if (x->events[i].n_measures) {
		*seqs = x->events[i].measures;
		*n = x->events[i].n_measures;
	}
	return COUNCIL_OK;
}

int council_extraction_participants(council_participants *out, council_span *span,
                                    const council_extraction *x, size_t i)
{
	int rc = check(out, x, COUNCIL_RECORD_PARTICIPANTS, i);
	size_t k;

	if (rc != COUNCIL_OK)
		return rc;
	/* Groups are numbered across events in order. */
	for (k = 0; k < x->n_events; k++) {
		const x_event *e = &x->events[k];
		const x_group *g;
		if (i >= e->n_groups) {
			i -= e->n_groups;
			continue;
		}
		g = &e->groups[i];
		council_participants_init(out);
		out->event_id = (int64_t)k + 1;
		out->count = g->count;
		out->qualifier = g->qualifier;
		out->group_name = g->group_name;
		span_view(span, &e->span);
		return COUNCIL_OK;
	}
	return COUNCIL_ENOTFOUND; /* not reached: check counted them */
}

int council_extraction_act(council_act *out, council_span *span,
                           const council_extraction *x, size_t i)
{
	int rc = check(out, x, COUNCIL_RECORD_ACT, i);
	const x_act *a;

	if (rc != COUNCIL_OK)
		return rc;
	a = &x->acts[i];
	council_act_init(out);
	out->number = a->number;
	out->date = a->date;
	out->title = a->title;
	out->effect = a->effect;
	span_view(span, &a->span);
	return COUNCIL_OK;
}
