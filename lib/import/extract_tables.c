/* SPDX-License-Identifier: MIT */
/*
 * extract_tables.c -- tables (plans, events, members, meetings) and the final
 * de-duplication of events.
 */
#include "extract_int.h"

/* ---- plan tables --------------------------------------------------------- */

/* Is the comma at i inside one unit's name: a genitive before it
 * ("Švietimo,", "Strateginio planavimo,") and a lowercase word after it
 * ("kultūros ir sporto skyrius")?  Units themselves end in their head
 * noun ("Kultūros skyrius, kiti skyriai"). */
int ex_enumerated_genitive(ctx *c, size_t s, size_t i, size_t end)
{
	word w, n;
	char *f;
	size_t len;
	int gen;

	/* the last word before the comma decides */
	if (!ex_prev_word(c->t, s, i, &w))
		return 0;
	if (!ex_next_word(c->t, i, end, &n) || ex_is_capitalised(c->t, &n))
		return 0;
	f = ex_fold(c->t, w.start, w.end);
	len = f ? strlen(f) : 0;
	gen = len > 3 && (f[len - 1] == 'o' || !strcmp(f + len - 2, "os") ||
	                  !strcmp(f + len - 2, "es") || f[len - 1] == 'u');
	free(f);
	return gen;
}

static int split_units(ctx *c, x_measure *m, size_t start, size_t end)
{
	const char *v = c->t->view;
	size_t s = start, i;

	for (i = start; i <= end; i++) {
		if (i == end || v[i] == ',' || v[i] == ';' || v[i] == '\n') {
			size_t a = s, b = i;
			char *unit;
			if (i < end && v[i] == ',' && ex_enumerated_genitive(c, s, i, end))
				continue; /* "Švietimo, kultūros ir sporto skyrius" is one unit */
			while (a < b && (v[a] == ' ' || v[a] == '-' || v[a] == '*'))
				a++;
			while (b > a && (v[b - 1] == ' ' || v[b - 1] == '.'))
				b--;
			/* Keep "r." and "sav." abbreviations whole: trim only a final
			 * period that ends a sentence-like unit. */
			if (b < i && v[b] == '.' && b > a + 2 && v[b - 1] != ' ' &&
			    (v[b - 2] == ' ' || v[b - 3] == ' '))
				b++;
			if (b > a) {
				char **slot = x_push((void **)&m->responsible, &m->n_responsible, sizeof *slot);
				if (!slot || !(unit = ex_clean(c, a, b)))
					return ex_oom(c);
				*slot = unit;
			}
			s = i + 1;
		}
	}
	return COUNCIL_OK;
}

static int parse_seq(const lt_text *t, seg_span cell, int *hierarchical)
{
	const char *v = t->view;
	size_t i = cell.start;
	int n = 0, digits = 0;

	*hierarchical = 0;
	while (i < cell.end && v[i] >= '0' && v[i] <= '9' && digits < 6) {
		n = n * 10 + (v[i++] - '0');
		digits++;
	}
	if (!digits || n > 100000) /* past measure.seq's range: no measure number */
		return 0;
	if (i + 1 < cell.end && v[i] == '.' && v[i + 1] >= '0' && v[i + 1] <= '9')
		*hierarchical = 1;
	return n;
}

/* Joins the cleaned text of cells into one fulfilment text. */
static char *join_cells(ctx *c, const seg_span *cells, int n)
{
	char *out = NULL;
	size_t len = 0;
	int i;

	for (i = 0; i < n; i++) {
		char *part = cells[i].end > cells[i].start ? ex_clean(c, cells[i].start, cells[i].end) : NULL;
		char *grown;
		size_t pn;
		if (!part || !*part) {
			free(part);
			continue;
		}
		pn = strlen(part);
		grown = realloc(out, len + pn + 2);
		if (!grown) {
			free(part);
			ex_oom(c);
			return out;
		}
		out = grown;
		if (len)
			out[len++] = '\n';
		memcpy(out + len, part, pn + 1);
		len += pn;
		free(part);
	}
	return out;
}

static int has_col(const seg_block *b, seg_col col)
{
	int i;

	for (i = 0; i < b->n_cols; i++)
		if (b->cols[i] == col)
			return 1;
	return 0;
}

static seg_span row_cell(const seg_block *b, const seg_row *row, seg_col col)
{
	seg_span none = { 0, 0 };
	int i;

	for (i = 0; i < row->n_cells && i < b->n_cols; i++)
		if (b->cols[i] == col)
			return row->cells[i];
	return none;
}

/* Does the column of the role hold the council's roles ("Pareigos
 * taryboje", or a role alone in every cell: "pirmininkė", "narys") rather
 * than each member's job ("Dusetų seniūnijos seniūnas", "valdybos narys")? */
static int council_roles_column(ctx *c, const seg_block *b)
{
	int i, col = -1, roles = 1;
	size_t r;

	for (i = 0; i < b->n_cols; i++)
		if (b->cols[i] == COL_ROLE)
			col = i;
	if (col < 0)
		return 0;
	for (r = 0; r < b->n_rows && roles; r++) {
		const seg_row *row = &b->rows[r];
		char *f;
		if (row->n_cells <= col || row->cells[col].end <= row->cells[col].start)
			continue;
		f = ex_fold(c->t, row->cells[col].start, row->cells[col].end);
		roles = f && (ex_bare_role(f) || !strcmp(f, "narys") || !strcmp(f, "nare"));
		free(f);
	}
	return roles;
}

/* The organisation of a member a table gives only who delegated and the
 * job: the job's named organisation ("Dusetų seniūnijos seniūnas"; not a
 * department's post, whose organisation the delegating office names),
 * unless the delegating body names the same more fully ("Zarasų rajono
 * savivaldybės taryba" for "Savivaldybės tarybos narė"); else the
 * delegating body's ("Savivaldybės administracijos direktorius" ->
 * Savivaldybės administracija; a community delegates its own). */
static char *delegated_org(ctx *c, seg_span deleg, seg_span job)
{
	char *body = ex_organisation(c, deleg.start, deleg.end), *own = NULL;
	word first;

	if (job.end > job.start && ex_next_word(c->t, job.start, job.end, &first) &&
	    ex_is_capitalised(c->t, &first)) {
		char *f = ex_fold(c->t, job.start, job.end);
		if (f && !ex_find_stem(f, "skyri") && !ex_find_stem(f, "poskyri"))
			own = ex_organisation(c, job.start, job.end);
		free(f);
	}
	if (own && body) {
		char *fo = utf8_fold(own, strlen(own)), *fb = utf8_fold(body, strlen(body));
		size_t no = fo ? strlen(fo) : 0, nb = fb ? strlen(fb) : 0;
		int same = fo && fb && nb >= no && strcmp(fb + nb - no, fo) == 0;
		free(fo);
		free(fb);
		if (same) {
			free(own);
			own = NULL;
		}
	}
	if (own) {
		free(body);
		return own;
	}
	return body;
}

/* The end of an organisation's cell without a last part after a comma
 * that is the member's post in the council it names: "Biržų rajono
 * savivaldybės taryba, tarybos narys" -> "Biržų rajono savivaldybės
 * taryba"; "..., Kultūros skyrius" stays. */
static size_t org_end(ctx *c, seg_span org)
{
	const char *v = c->t->view;
	size_t p = org.end;
	char *f;
	int post;

	while (p > org.start && v[p - 1] != ',')
		p--;
	if (p <= org.start)
		return org.end;
	f = ex_fold(c->t, p, org.end);
	post = f && (ex_bare_role(f + strspn(f, " ")) || !strncmp(f + strspn(f, " "), "tarybos nar", 11));
	free(f);
	return post ? p - 1 : org.end;
}

/* "Vardas, pavardė | Organizacija | Pareigos" rows; "Deleguojanti
 * institucija" names who delegated each member, and the organisation
 * where no column names one: the member's job's ("Dusetų seniūnijos
 * seniūnas"), else the delegating body's ("Savivaldybės administracijos
 * direktorius" -> Savivaldybės administracija; a community delegates its
 * own). */
void ex_members_table(ctx *c, const seg_block *b)
{
	size_t r;
	int roles = has_col(b, COL_DELEGATED) ? council_roles_column(c, b) : 1;

	for (r = 0; r < b->n_rows && c->rc == COUNCIL_OK; r++) {
		const seg_row *row = &b->rows[r];
		seg_span person = row_cell(b, row, COL_PERSON), role = row_cell(b, row, COL_ROLE);
		seg_span org = row_cell(b, row, COL_ORG), deleg = row_cell(b, row, COL_DELEGATED);
		council_role rl = COUNCIL_ROLE_MEMBER;
		council_side side;
		char name[256], *represents = NULL;
		x_member *m;
		int office;

		/* a group row of one cell heads the rows under it */
		if (row->n_cells == 1 && b->n_cols > 1) {
			if ((side = ex_side_heading(c, row->cells[0].start, row->cells[0].end)) !=
			    COUNCIL_SIDE_UNKNOWN)
				c->side_heading = side;
			continue;
		}
		if (person.end <= person.start)
			continue;
		/* "| Bendruomeninių organizacijų atstovai | | |": the side of
		 * the rows under it */
		if (org.end <= org.start && role.end <= role.start &&
		    (side = ex_side_heading(c, person.start, person.end)) != COUNCIL_SIDE_UNKNOWN) {
			c->side_heading = side;
			continue;
		}
		if (roles && role.end > role.start && (office = ex_role_in(c, role.start, role.end)) >= 0)
			rl = (council_role)office;
		if (!lt_name_nominative(name, sizeof name, c->t->view + person.start,
		                        person.end - person.start))
			continue;
		if (org.end > org.start)
			represents = ex_clean(c, org.start, org_end(c, org));
		else if (deleg.end > deleg.start)
			represents = delegated_org(c, deleg, roles ? (seg_span){ 0, 0 } : role);
		c->listing = 1;
		m = ex_add_member(c, name, rl, represents, person.start, person.end,
		                  row->cells[0].start, row->cells[row->n_cells - 1].end);
		c->listing = 0;
		if (m && !m->delegated_by && deleg.end > deleg.start)
			m->delegated_by = ex_clean(c, deleg.start, deleg.end);
		/* who delegated the member says the side better than the
		 * organisation's words ("Palangos kultūros centras",
		 * delegated by the administration's director) */
		if (m && deleg.end > deleg.start && c->side_heading == COUNCIL_SIDE_UNKNOWN &&
		    (side = ex_side_of_body(m->delegated_by)) != COUNCIL_SIDE_UNKNOWN)
			m->side = side;
	}
	c->side_heading = COUNCIL_SIDE_UNKNOWN;
}

/* "Data | Renginys | Vieta | Dalyvių sk." rows: one event each. */
/* Does the cell [s,e) name a sitting of this council ("Tarybos posėdis",
 * "Tarybos išvažiuojamasis posėdis", "Posėdis (nuotolinis)") and no
 * happening of another kind? */
static int council_sitting_cell(ctx *c, size_t s, size_t e)
{
	word w, first = { 0, 0 };
	size_t q;
	int sitting = 0;

	for (q = s; ex_next_word(c->t, q, e, &w); q = w.end) {
		council_event_kind kind;
		const char *stem;
		if (!first.end)
			first = w;
		if (ex_inside_quote(c->t, s, w.start))
			continue;
		if (ex_meeting_word(c, &w, e)) {
			word p;
			if (ex_prev_word(c->t, s, w.start, &p) &&
			    (ex_word_has_stem(c->t, &p, ex_other_bodies) || ex_other_council(c, s, &p)))
				return 0;
			sitting = 1;
			break;
		}
		if (ex_event_keyword(c->t, &w, &kind, &stem))
			return 0;
	}
	/* the sitting is what the cell starts with, not a topic of it */
	return sitting && w.start < s + 48;
}

void ex_events_table(ctx *c, const seg_block *b)
{
	size_t r;

	for (r = 0; r < b->n_rows && c->rc == COUNCIL_OK; r++) {
		const seg_row *row = &b->rows[r];
		seg_span date = row_cell(b, row, COL_DATE), ev = row_cell(b, row, COL_EVENT);
		seg_span place = row_cell(b, row, COL_PLACE), part = row_cell(b, row, COL_PARTICIPANTS);
		size_t rs = row->cells[0].start, re = row->cells[row->n_cells - 1].end;
		lt_date_match m;
		lt_participants p;
		x_event *e;
		char *f;
		int year = ex_context_year(c, b->span.start, date.start), cancelled;
		word w;
		size_t q;

		if (ev.end <= ev.start)
			ev = row_cell(b, row, COL_NAME);
		if (date.end <= date.start || ev.end <= ev.start)
			continue;
		if (!lt_date_find(&m, c->t->view, date.end, date.start, year) ||
		    (m.flags & LT_DATE_YEAR_SPAN) || (c->year && m.period.start.year > c->year))
			continue;
		f = ex_fold(c->t, rs, re);
		cancelled = f && ex_has_any_stem(f, ex_not_happened);
		if (cancelled || !f) {
			free(f);
			continue;
		}
		/* "Tarybos posėdis (nuotolinis, Zoom)": the council's own sitting
		 * listed among the happenings */
		if (council_sitting_cell(c, ev.start, ev.end)) {
			if (m.period.start.month && !(m.flags & LT_DATE_COARSE)) {
				char *own = ex_fold(c->t, ev.start, ev.end);
				ex_add_meeting(c, m.period, f, rs, re, own);
				free(own);
			}
			free(f);
			continue;
		}
		e = x_push((void **)&c->x->events, &c->x->n_events, sizeof *e);
		if (!e) {
			free(f);
			ex_oom(c);
			return;
		}
		e->date = m.period;
		ex_made(c, &e->span);
		e->year_inferred = !!(m.flags & LT_DATE_YEAR_INFERRED);
		e->title = ex_clean(c, ev.start, ev.end);
		e->kind = COUNCIL_EVENT_OTHER;
		for (q = ev.start; ex_next_word(c->t, q, ev.end, &w); q = w.end) {
			const char *stem;
			if (!ex_inside_quote(c->t, ev.start, w.start) &&
			    ex_event_keyword(c->t, &w, &e->kind, &stem))
				break;
		}
		if (place.end > place.start)
			e->location = ex_clean(c, place.start, place.end);
		e->remote = ex_sentence_remote(f);
		e->organiser = ex_organiser_after(c, ev.start, ev.end);
		e->description = ex_clean_capped(c, rs, re, 1000);
		if (part.end > part.start) {
			/* "26", "~150", "per 200", "34 (iš jų 9 seniūnaičiai)" */
			council_qualifier qual = COUNCIL_QUAL_EXACT;
			const char *v = c->t->view;
			size_t i = part.start, k;
			int64_t n;
			if (v[i] == '~') {
				qual = COUNCIL_QUAL_ABOUT;
				i++;
			} else if (ex_field_qualifier(c, &i, part.end, &qual)) {
				/* i moved past the qualifier words */
			}
			k = lt_number_parse(&n, v + i, part.end - i);
			if (k && i + k < part.end && v[i + k] == '+')
				qual = COUNCIL_QUAL_MORE_THAN; /* "40+" */
			/* "15 bendruomenių atstovų ir 4 seniūnai": groups */
			if (lt_participants_find_counted(&p, v + part.start, part.end - part.start) &&
			    p.n_groups > 1) {
				int g;
				for (g = 0; g < p.n_groups; g++) {
					p.groups[g].noun_start += part.start;
					p.groups[g].noun_end += part.start;
				}
				ex_set_groups(c, e, &p);
			} else if (k && n >= 0 && n <= 1000000) {
				memset(&p, 0, sizeof p);
				p.n_groups = 1;
				p.groups[0].count = n;
				p.groups[0].qualifier = qual;
				ex_set_groups(c, e, &p);
			} else if (lt_participants_find(&p, v + part.start, part.end - part.start)) {
				ex_set_groups(c, e, &p);
			}
		}
		x_span_set(&e->span, c->t, rs, re);
		free(f);
	}
}

/* "Data | Darbotvarkė" rows: one council meeting each. */
void ex_meetings_table(ctx *c, const seg_block *b)
{
	size_t r;

	for (r = 0; r < b->n_rows && c->rc == COUNCIL_OK; r++) {
		const seg_row *row = &b->rows[r];
		seg_span date = row_cell(b, row, COL_DATE);
		size_t rs = row->cells[0].start, re = row->cells[row->n_cells - 1].end;
		lt_date_match m;
		char *f;

		if (date.end <= date.start ||
		    !lt_date_find(&m, c->t->view, date.end, date.start,
		                  ex_context_year(c, b->span.start, date.start)) ||
		    !m.period.start.day || (c->year && m.period.start.year > c->year + 1))
			continue;
		f = ex_fold(c->t, rs, re);
		if (f && !ex_has_any_stem(f, ex_not_happened))
			ex_add_meeting(c, m.period, f, rs, re, NULL);
		free(f);
	}
}

void ex_table(ctx *c, const seg_block *b)
{
	size_t r;
	int running = 0;

	for (r = 0; r < b->n_rows && c->rc == COUNCIL_OK; r++) {
		const seg_row *row = &b->rows[r];
		x_measure *m;
		int col, seq = 0, hier = 0, has_fulfilment_col = 0;
		seg_span name = { 0, 0 }, task = { 0, 0 }, indicator = { 0, 0 }, done[4], text_cells[6];
		int n_done = 0, n_text = 0;

		if (row->n_cells < 2)
			continue; /* a section heading spanning the table */
		for (col = 0; col < b->n_cols; col++)
			if (b->cols[col] == COL_FULFILMENT)
				has_fulfilment_col = 1;
		for (col = 0; col < row->n_cells && col < b->n_cols; col++) {
			seg_span cell = row->cells[col];
			switch (b->cols[col]) {
			case COL_SEQ: seq = parse_seq(c->t, cell, &hier); break;
			case COL_NAME: if (!name.end) name = cell; break;
			case COL_TASK: if (!task.end) task = cell; break;
			case COL_INDICATOR: if (!indicator.end) indicator = cell; break;
			case COL_FULFILMENT:
			case COL_VALUE:
			case COL_NOTES:
				/* What was done: the fulfilment column, or where a plan has
				 * none, the achieved value and the notes beside it. */
				if ((b->cols[col] == COL_FULFILMENT || !has_fulfilment_col) && n_done < 4)
					done[n_done++] = cell;
				if (n_text < 6)
					text_cells[n_text++] = cell;
				break;
			default: break;
			}
		}
		/* A plan without a measure column names its measures by task. */
		if (name.end == name.start && !has_col(b, COL_NAME))
			name = task;
		if (!name.end || name.end == name.start)
			continue;
		if (!seq || hier)
			seq = running + 1;
		running = seq;
		if (!c->x->plan.present) {
			c->x->plan.present = 1;
			c->x->plan.title = cdb_strdup("Veiklos planas");
		}
		if (!(m = ex_push(c, (void **)&c->x->measures, &c->x->n_measures, sizeof *m)))
			return;
		m->seq = seq;
		ex_made(c, &m->span);
		m->name = ex_clean(c, name.start, name.end);
		if (indicator.end > indicator.start)
			m->indicator = ex_clean(c, indicator.start, indicator.end);
		for (col = 0; col < row->n_cells && col < b->n_cols; col++)
			if (b->cols[col] == COL_RESPONSIBLE && !m->n_responsible)
				split_units(c, m, row->cells[col].start, row->cells[col].end);
		m->fulfilment = join_cells(c, done, n_done);
		x_span_set(&m->span, c->t, row->cells[0].start, row->cells[row->n_cells - 1].end);
		/* A count of meetings under a measure about the council's meetings
		 * is the year's count; under any other measure, a lower bound. */
		{
			char *fn = ex_fold(c->t, name.start, name.end);
			char *fi = indicator.end > indicator.start ? ex_fold(c->t, indicator.start, indicator.end) : NULL;
			c->para.measure_about_meetings = (fn && strstr(fn, "posed")) || (fi && strstr(fi, "posed"));
			free(fn);
			free(fi);
		}
		c->para.in_table = 1;
		c->para.measure = seq;
		for (col = 0; col < n_text; col++)
			ex_read_text(c, text_cells[col].start, text_cells[col].end);
		c->para.in_table = 0;
		c->para.measure = 0;
		c->para.measure_about_meetings = 0;
	}
}

/* A plan's measure written as a record rather than a table row:
 *   1. Bendruomeninių organizacijų poreikių apklausa.
 *   Atsakingi vykdytojai: Kultūros ir sporto skyrius, Tarybos nariai.
 *   Planuotas įvykdymo terminas: I ketvirtis.
 *   Įvykdymas: apklausa vykdyta 2022 m. I ketvirtį, ...
 * The fulfilment is read as a table's would be.  Returns 1 when block b
 * was one. */
int ex_measure_record(ctx *c, const seg_block *b)
{
	static const char *const resp_l[] = { "atsakingi vykdytojai", "atsakingas vykdytojas",
		                               "vykdytojai", "atsakingi", NULL };
	static const char *const done_l[] = { "ivykdymas", "igyvendinimas", "rezultatas",
		                               "rezultatai", "pasiekti rezultatai", NULL };
	const char *v = c->t->view;
	size_t s = b->span.start, e = b->span.end, le, rs, re, ds, de, ns, ne;
	seg_span span = { s, e };
	int hier = 0, seq;
	x_measure *m;

	if (b->is_table || !ex_form_field(c, s, e, resp_l, &rs, &re))
		return 0;
	for (le = s; le < e && v[le] != '\n'; le++)
		;
	span.end = le;
	if (!(seq = parse_seq(c->t, span, &hier)) || hier)
		return 0;
	/* the name: the first line past its number, without the last period */
	for (ns = s; ns < le && ((v[ns] >= '0' && v[ns] <= '9') || v[ns] == '.' || v[ns] == ')' ||
	                          v[ns] == ' ');
	     ns++)
		;
	for (ne = le; ne > ns && (v[ne - 1] == '.' || v[ne - 1] == ' '); ne--)
		;
	if (ne <= ns)
		return 0;
	if (!c->x->plan.present) {
		c->x->plan.present = 1;
		c->x->plan.title = cdb_strdup("Veiklos planas");
	}
	m = x_push((void **)&c->x->measures, &c->x->n_measures, sizeof *m);
	if (!m)
		return ex_oom(c), 1;
	m->seq = seq;
	ex_made(c, &m->span);
	m->name = ex_clean(c, ns, ne);
	while (re > rs && v[re - 1] == '.')
		re--;
	split_units(c, m, rs, re);
	x_span_set(&m->span, c->t, s, e);
	if (ex_form_field(c, s, e, done_l, &ds, &de)) {
		/* the fulfilment runs to the record's end */
		de = e;
		m->fulfilment = ex_clean(c, ds, de);
		{
			char *fn = ex_fold(c->t, ns, ne);
			c->para.measure_about_meetings = fn && strstr(fn, "posed");
			free(fn);
		}
		c->para.in_table = 1;
		c->para.measure = seq;
		ex_read_text(c, ds, de);
		c->para.in_table = 0;
		c->para.measure = 0;
		c->para.measure_about_meetings = 0;
	}
	return 1;
}

/* ---- de-duplication ------------------------------------------------------ */

/* The quoted name in a title („...“), folded; NULL when none. */
static char *quoted_name(const char *title)
{
	const char *a = strstr(title, "„"), *b;

	if (!a)
		return NULL;
	a += 3;
	b = strstr(a, "“");
	if (!b)
		b = strstr(a, "”");
	if (!b || b == a)
		return NULL;
	return utf8_fold(a, (size_t)(b - a));
}

static int dates_compatible(const council_period *a, const council_period *b)
{
	const council_date *x = &a->start, *y = &b->start;

	if (x->year != y->year)
		return 0;
	if (x->month && y->month && x->month != y->month)
		return 0;
	if (x->day && y->day && x->day != y->day)
		return 0;
	return 1;
}

static int precision(const council_date *d)
{
	return !!d->year + !!d->month + !!d->day;
}

/* Two events can only be the same (same_event) when they share one of
 * these keys: the quoted name and year (the name's rule), the exact dates
 * and kind (the day's rule), or the month, kind and place (the place's
 * rule).  Comparing each event with those sharing a key, not with every
 * later one, keeps merging linear in the number of events. */
enum { MK_NAME, MK_DAY, MK_PLACE, MK_N };

typedef struct mkey {
	uint64_t h;            /* the key's hash (with its kind mixed in) */
	size_t i;              /* the event's index */
} mkey;

static uint64_t mix(uint64_t h, uint64_t v)
{
	h ^= v + 0x9E3779B97F4A7C15u + (h << 6) + (h >> 2);
	return h * 0xFF51AFD7ED558CCDu;
}

static uint64_t mix_str(uint64_t h, const char *s)
{
	while (*s)
		h = mix(h, (unsigned char)*s++);
	return h;
}

/* The keys of event e (qname its folded quoted name or NULL); 0 when e has
 * no such key. */
static void event_keys(const x_event *e, const char *qname, uint64_t k[MK_N])
{
	const council_date *d = &e->date.start, *f = &e->date.end;

	k[MK_NAME] = qname ? mix(mix_str(mix(1, MK_NAME), qname), (uint64_t)d->year) | 1 : 0;
	k[MK_DAY] = d->year && d->month && d->day
	            ? mix(mix(mix(mix(mix(mix(mix(1, MK_DAY), (uint64_t)d->year), (uint64_t)d->month),
	                                  (uint64_t)d->day), (uint64_t)f->year), (uint64_t)f->month * 64 + (uint64_t)f->day),
	                  (uint64_t)e->kind) | 1
	            : 0;
	k[MK_PLACE] = d->day && e->kind != COUNCIL_EVENT_OTHER && e->location
	              ? mix(mix_str(mix(mix(mix(1, MK_PLACE), (uint64_t)d->year), (uint64_t)d->month),
	                            e->location), (uint64_t)e->kind) | 1
	              : 0;
}

static int mkey_cmp(const void *x, const void *y)
{
	const mkey *a = x, *b = y;

	if (a->h != b->h)
		return a->h < b->h ? -1 : 1;
	return a->i < b->i ? -1 : a->i > b->i;
}

/* The first entry of keys[0,n) at or after (h, i). */
static size_t mkey_lower(const mkey *keys, size_t n, uint64_t h, size_t i)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (keys[mid].h < h || (keys[mid].h == h && keys[mid].i < i))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Is b the event a tells of again?  *near: within a week of a. */
static int same_event(const x_event *a, const char *qa, const x_event *b, const char *qb, int *near)
{
	/* The same quoted name within a week is the same event: a later
	 * mention may carry the date it was reported on. */
	*near = a->date.start.year == b->date.start.year &&
	        a->date.start.month == b->date.start.month && a->date.start.day &&
	        b->date.start.day && abs(a->date.start.day - b->date.start.day) <= 7;
	return (qa && qb && strcmp(qa, qb) == 0 && (dates_compatible(&a->date, &b->date) || *near)) ||
	       (a->date.start.day && precision(&a->date.start) == 3 &&
	        council_date_cmp(&a->date.start, &b->date.start) == 0 &&
	        council_date_cmp(&a->date.end, &b->date.end) == 0 && a->kind == b->kind) ||
	       /* "rugsėjo 28 d. Kybartuose vykęs forumas" and a news link
	        * "2024-09-30 Kybartuose vyko ... forumas": the same kind in
	        * the same place within a week */
	       (*near && a->kind == b->kind && a->kind != COUNCIL_EVENT_OTHER && a->location &&
	        b->location && strcmp(a->location, b->location) == 0);
}

/* a takes what b knows and a does not; b's remains are freed. */
static int absorb_event(x_event *a, x_event *b, int near)
{
	if (precision(&b->date.start) > precision(&a->date.start) && !near)
		a->date = b->date;
	for (size_t k = 0; k < b->n_measures; k++) {
		size_t l;
		for (l = 0; l < a->n_measures && a->measures[l] != b->measures[k]; l++)
			;
		if (l == a->n_measures) {
			int *slot = x_push((void **)&a->measures, &a->n_measures, sizeof *slot);
			if (!slot)
				return COUNCIL_ENOMEM;
			*slot = b->measures[k];
		}
	}
	if (!a->n_groups && b->n_groups) {
		a->groups = b->groups, a->n_groups = b->n_groups;
		b->groups = NULL, b->n_groups = 0;
	}
#define TAKE(f) if (!a->f && b->f) { a->f = b->f; b->f = NULL; }
	TAKE(organiser)
	TAKE(location)
#undef TAKE
	if (a->remote < 0)
		a->remote = b->remote;
	free(b->title);
	free(b->organiser);
	free(b->location);
	free(b->description);
	for (size_t k = 0; k < b->n_groups; k++)
		free(b->groups[k].group_name);
	free(b->groups);
	free(b->measures);
	free(b->span.quote);
	return COUNCIL_OK;
}

/* Each event absorbs the later ones that tell of it again, in document
 * order (what an event takes may make it match later ones). */
void ex_merge_events(ctx *c)
{
	size_t n = c->x->n_events, nk = 0, i, j, r, at[MK_N];
	char **qn = calloc(n ? n : 1, sizeof *qn);
	unsigned char *dead = calloc(n ? n : 1, 1);
	mkey *keys = malloc((n ? n : 1) * MK_N * sizeof *keys);
	uint64_t k[MK_N];

	if (!qn || !dead || !keys)
		goto fail;
	for (i = 0; i < n; i++) {
		const x_event *e = &c->x->events[i];
		qn[i] = e->title ? quoted_name(e->title) : NULL;
		event_keys(e, qn[i], k);
		for (r = 0; r < MK_N; r++)
			if (k[r])
				keys[nk++] = (mkey){ k[r], i };
	}
	qsort(keys, nk, sizeof *keys, mkey_cmp);
	for (i = 0; i < n; i++) {
		x_event *a = &c->x->events[i];
		if (dead[i])
			continue;
		event_keys(a, qn[i], k);
		for (r = 0; r < MK_N; r++)
			at[r] = k[r] ? mkey_lower(keys, nk, k[r], i + 1) : nk;
		for (;;) {
			/* the next later event sharing one of a's keys */
			int near;
			j = SIZE_MAX;
			for (r = 0; r < MK_N; r++)
				if (at[r] < nk && keys[at[r]].h == k[r] && keys[at[r]].i < j)
					j = keys[at[r]].i;
			if (j == SIZE_MAX)
				break;
			for (r = 0; r < MK_N; r++)
				if (at[r] < nk && keys[at[r]].h == k[r] && keys[at[r]].i == j)
					at[r]++;
			if (dead[j] || !same_event(a, qn[i], &c->x->events[j], qn[j], &near))
				continue;
			if (absorb_event(a, &c->x->events[j], near) != COUNCIL_OK)
				goto fail;
			dead[j] = 1;
			ex_fired(c);
			{
				/* a's date or place may have changed: its keys with it */
				uint64_t k2[MK_N];
				event_keys(a, qn[i], k2);
				for (r = 0; r < MK_N; r++)
					if (k2[r] != k[r]) {
						k[r] = k2[r];
						at[r] = k[r] ? mkey_lower(keys, nk, k[r], j + 1) : nk;
					}
			}
		}
	}
	goto done;
fail:
	ex_oom(c);
done:
	/* the absorbed events' remains are freed: close the gaps */
	for (i = j = 0; dead && i < n; i++)
		if (!dead[i])
			c->x->events[j++] = c->x->events[i];
	if (dead)
		c->x->n_events = j;
	for (i = 0; qn && i < n; i++)
		free(qn[i]);
	free(qn);
	free(dead);
	free(keys);
}
