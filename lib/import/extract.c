/* SPDX-License-Identifier: MIT */
/*
 * extract.c -- the extraction stage: from segmented, normalised text to the
 * records of a council_extraction.  It decides what a phrase means in the
 * genre of council reports (which council, which year, whether a date is a
 * meeting, an event, a legal act or a deadline); the Lithuanian phrase
 * parsers it calls (import/lt_*.c) only say what a phrase literally states.
 */
#include "extract_int.h"

/* ---- the stage ----------------------------------------------------------- */

static int ends_with_colon(ctx *c, const seg_block *b)
{
	size_t end = b->span.end;

	while (end > b->span.start && c->t->view[end - 1] == ' ')
		end--;
	return end > b->span.start && c->t->view[end - 1] == ':';
}

/* "3.1. Mokymai bendruomenių lyderiams:" -- a list of events of one kind;
 * returns the kind, or -1.  A paragraph with its own date is an event
 * itself, not an introduction. */
static int introduces_events(ctx *c, const seg_block *b)
{
	lt_date_match m;
	size_t q = b->span.start;
	word w;

	if (lt_date_find(&m, c->t->view, b->span.end, b->span.start, c->year))
		return -1;
	while (ex_next_word(c->t, q, b->span.end, &w)) {
		council_event_kind kind;
		const char *stem;
		if (ex_word_has_stem(c->t, &w, ex_meeting_stems))
			return -1;
		if (ex_event_keyword(c->t, &w, &kind, &stem) && !ex_verb_stem(stem))
			return (int)kind;
		q = w.end;
	}
	return -1;
}

/* "Posėdžiai:", "Per metus įvyko šie Tarybos posėdžiai:" -- a paragraph
 * that ends with a colon and speaks of meetings introduces a list of them. */
static int introduces_meetings(ctx *c, const seg_block *b)
{
	size_t end = b->span.end;
	char *f;
	int r;

	while (end > b->span.start && c->t->view[end - 1] == ' ')
		end--;
	if (end == b->span.start || c->t->view[end - 1] != ':')
		return 0;
	f = ex_fold(c->t, b->span.start, end);
	r = f && strstr(f, "posed") != NULL;
	free(f);
	return r;
}

/* A news page's byline, "2024-01-31 | Viešųjų ryšių skyrius | Peržiūrų:
 * 214", near the top: the year the text was written. */
static void byline_year(ctx *c)
{
	size_t i;

	for (i = 0; i < c->doc.n_blocks && i < 8; i++) {
		const seg_block *b = &c->doc.blocks[i];
		lt_date_match m;
		const char *bar;
		if (b->is_table || b->span.end - b->span.start > 200)
			continue;
		bar = memchr(c->t->view + b->span.start, '|', b->span.end - b->span.start);
		if (bar && lt_date_find(&m, c->t->view, (size_t)(bar - c->t->view), b->span.start, 0) &&
		    m.start < b->span.start + 3 && m.period.start.day &&
		    !(m.flags & LT_DATE_YEAR_INFERRED)) {
			c->pub_year = m.period.start.year;
			return;
		}
	}
}

/* A heading: a short line, mostly capitals or ending with a colon. */
int ex_heading_like(const lt_text *t, size_t s, size_t e)
{
	size_t i, letters = 0, caps = 0;

	if (e <= s || e - s > 80 || t->view[e - 1] == '.')
		return 0;
	if (t->view[e - 1] == ':')
		return 1;
	for (i = s; i < e;) {
		uint32_t cp;
		size_t k = utf8_decode(&cp, t->view + i, e - i);
		if (utf8_lower(cp) != cp)
			letters++, caps++;
		else if (cp >= 'a' && cp <= 'z')
			letters++;
		else if (cp >= 0xC0 && utf8_lower(cp) == cp && cp != 0xFFFD)
			letters++;
		i += k;
	}
	return letters >= 4 && caps * 10 >= letters * 8;
}

/* "Susijusios naujienos", "Kitos naujienos", "Susiję straipsniai:": a news
 * page's links to other articles, each a headline with its date; their
 * events are other articles' (or the same told again). */
static int news_links_heading(ctx *c, const seg_block *b)
{
	static const char *const heads[] = { "susijusios naujienos", "susije straipsniai",
		"kitos naujienos", "daugiau naujienu", "skaitykite taip pat", "taip pat skaitykite",
		"susijusios publikacijos",
		"panasios naujienos", "naujausios naujienos", "paskutines naujienos", NULL };
	const char *nl = memchr(c->t->view + b->span.start, '\n', b->span.end - b->span.start);
	size_t end = nl ? (size_t)(nl - c->t->view) : b->span.end;
	char buf[64];
	size_t k;

	if (b->is_table || end - b->span.start >= sizeof buf || end - b->span.start < 8)
		return 0;
	utf8_fold_into(buf, c->t->view + b->span.start, end - b->span.start);
	for (k = 0; heads[k]; k++)
		if (strncmp(buf, heads[k], strlen(heads[k])) == 0)
			return 1;
	return 0;
}

/* "2025 M. PLANAI", "2024 METŲ VEIKLOS KRYPTYS": what follows is planned. */
static int plans_heading(ctx *c, const seg_block *b)
{
	char *f;
	int r;

	if (b->is_table || !ex_heading_like(c->t, b->span.start, b->span.end))
		return -1;   /* no heading: the section goes on */
	f = ex_fold(c->t, b->span.start, b->span.end);
	r = f && (strstr(f, "planai") || strstr(f, "kryptys") || strstr(f, "planuojam") ||
	          strstr(f, "numatom") || strstr(f, "ateities"));
	free(f);
	return r;
}

/* ---- the document's rules ------------------------------------------------ */

/* "doc.number": the report's own number and date under its title. */
static void rule_doc_number(ctx *c)
{
	ex_document_number(c);
	if (c->x->doc_number || c->x->doc_date.year)
		ex_fired(c);
}

/* "act.cited": legal acts; their dates and the report's own are no
 * happenings, so the excluded spans are complete after this rule. */
static void rule_acts(ctx *c)
{
	ex_legal_acts(c);
	ex_excl_finish(c);
}

/* "council.title": the council the title names, else the first 4,000
 * bytes (a generic title, "Veiklos ataskaita"); a report naming none is
 * refused. */
static void rule_council(ctx *c)
{
	size_t lim = c->t->len < 4000 ? c->t->len : 4000;

	if (ex_municipality_and_council(c, c->title_start, c->title_end) != 0 || c->rc != COUNCIL_OK) {
		ex_made(c, &c->x->council.span);
		return;
	}
	if (ex_municipality_and_council(c, 0, lim) != 0)
		ex_made(c, &c->x->council.span);
	else if (c->rc == COUNCIL_OK && !c->x->given_council) /* else x_apply_target's */
		c->rc = x_fail(c->x, COUNCIL_EPARSE, 1,
		               "no council named: expected a title such as \"<Municipality> "
		               "savivaldybės bendruomeninių organizacijų tarybos ... ataskaita\"");
}

/* "year.title": the report year (and a plan's period) from the title,
 * else guessed from the text; the year the text was written. */
static void rule_year(ctx *c)
{
	ex_report_year_and_plan(c, c->title_start, c->title_end);
	if (c->x->report_year < 0 && c->x->given_year > 0)
		c->x->report_year = c->x->given_year; /* said by the person importing */
	else if (c->x->report_year < 0)
		ex_guess_year(c);
	c->year = c->x->report_year > 0 ? c->x->report_year : 0;
	if (c->year)
		ex_fired(c);
	if (c->rc == COUNCIL_OK && !c->pub_year)
		byline_year(c);
}

/* How a table is read, by what its columns say it lists. */
static const struct table_rule {
	seg_table_kind kind;
	const char *id;
	const char *what;
	void (*run)(ctx *c, const seg_block *b);
} table_rules[] = {
	{ TABLE_MEMBERS, "table.members", "a table of members: name, role, organisation", ex_members_table },
	{ TABLE_EVENTS, "table.events", "a table of events: date, name, place, participants", ex_events_table },
	{ TABLE_MEETINGS, "table.meetings", "a table of the council's meetings", ex_meetings_table },
	{ TABLE_PLAN, "table.plan", "a plan's table of measures and their fulfilment", ex_table },
};

static void read_table(ctx *c, const seg_block *b)
{
	size_t i;

	for (i = 0; i < sizeof table_rules / sizeof table_rules[0]; i++)
		if (table_rules[i].kind == b->kind) {
			c->rule = table_rules[i].id;
			table_rules[i].run(c, b);
			return;
		}
}

/* Whether block b is read at all: not a news page's related links (nor the
 * items or dated lines under them, which are not this report's), not a
 * section headed as plans (nothing happened yet), not a month's heading
 * ("### Kovas", "KOVAS", "Kovo mėn.:", which dates the items under it). */
static int block_is_read(ctx *c, const seg_block *b, blocks_state *st)
{
	const lt_text *t = c->t;
	int starts_digit = t->view[b->span.start] >= '0' && t->view[b->span.start] <= '9', h;

	if (news_links_heading(c, b)) {
		st->news = 1;
		return 0;
	}
	if (st->news && (b->is_item || starts_digit))
		return 0;
	st->news = 0;
	if ((h = plans_heading(c, b)) >= 0) {
		st->plans = h;
	} else if (st->plans && !b->is_item) {
		/* a paragraph that plans nothing ends the section:
		 * "Ataskaitai pritarta 2024 m. sausio 25 d. posėdyje" */
		char *pf = ex_fold(t, b->span.start, b->span.end);
		st->plans = pf && (ex_has_any_stem(pf, ex_not_happened) || ex_find_stem(pf, "bus "));
		free(pf);
	}
	if (st->plans)
		return 0;
	/* Dated lines after "Posėdžiai: 4" are its meetings until a
	 * paragraph that does not start with a date. */
	if (c->label_meetings && !starts_digit)
		c->label_meetings = 0;
	if ((h = ex_month_heading(c, b)) > 0) {
		c->heading_month = h;
		return 0;
	}
	if (t->view[b->span.start] == '#' || (!b->is_item && ex_heading_like(t, b->span.start, b->span.end)))
		c->heading_month = 0; /* another heading ends the month's */
	return 1;
}

/* What a paragraph or item ending with a colon opens for the blocks after
 * it, and what any other paragraph closes. */
static void block_opens(ctx *c, const seg_block *b, blocks_state *st, size_t meetings_before)
{
	int colon = ends_with_colon(c, b);

	/* "vyko bendruomenių savaitė:" with items, then "Savaitės renginiuose
	 * dalyvavo ...": the event stays open through its list and the
	 * paragraph after it. */
	if (colon && c->para.open_event >= 0)
		c->carry_event = 1;
	else if (!b->is_item)
		c->carry_event = 0;
	if (colon && b->is_item && st->meeting_list && c->x->n_meetings > meetings_before &&
	    !introduces_meetings(c, b)) {
		st->agenda_indent = b->indent;
	} else if (colon) {
		st->meeting_list = introduces_meetings(c, b);
		st->list_event = introduces_events(c, b);
		st->agenda_indent = (size_t)-1;
	} else if (!b->is_item) {
		st->meeting_list = 0;
		st->list_event = -1;
		st->agenda_indent = (size_t)-1;
	}
}

/* A paragraph or list item: a composition's sentences, then a plan's
 * measure line, a form's event, or prose. */
static void read_block(ctx *c, const seg_block *b, blocks_state *st)
{
	size_t meetings_before;

	c->para.in_item = b->is_item;
	if (!b->is_item && !ends_with_colon(c, b))
		c->composition_list = 0;
	c->rule = "member.composition";
	{
		/* what a composition states is the council's size and sides */
		int size = c->x->council.size, sm = c->x->council.seats_municipality,
		    sc = c->x->council.seats_community;
		ex_sentences(c, b->span.start, b->span.end, ex_composition_sentence, c);
		if (size != c->x->council.size || sm != c->x->council.seats_municipality ||
		    sc != c->x->council.seats_community)
			ex_fired(c);
	}
	c->para.in_meeting_list = b->is_item && st->meeting_list &&
	                     !(st->agenda_indent != (size_t)-1 && b->indent > st->agenda_indent);
	c->para.list_event_kind = b->is_item ? st->list_event : -1;
	meetings_before = c->x->n_meetings;
	c->rule = "plan.measure_line";
	if (!ex_measure_record(c, b)) {
		c->rule = "event.form";
		if (!ex_form_event(c, b->span.start, b->span.end))
			ex_read_text(c, b->span.start, b->span.end);
	}
	c->para.in_meeting_list = 0;
	c->para.list_event_kind = -1;
	block_opens(c, b, st, meetings_before);
}

/* "blocks": every table, paragraph and list item in document order. */
static void rule_blocks(ctx *c)
{
	blocks_state st = { 0, -1, (size_t)-1, 0, 0 };
	size_t i;

	for (i = 0; i < c->doc.n_blocks && c->rc == COUNCIL_OK; i++) {
		const seg_block *b = &c->doc.blocks[i];
		if (b->is_table)
			read_table(c, b);
		else if ((b->span.start >= c->title_end || b->span.end <= c->title_start) &&
		         block_is_read(c, b, &st))
			read_block(c, b, &st);
	}
}

/* The reading order of a document: each rule reads what the ones before
 * it found (the acts' dates are no happenings, the year dates the text,
 * the members named in roles are not named again in lists).  The ids are
 * the ones tests/corpus/ and doc/importer.md use; the rules that find
 * records inside the blocks are listed in ex_rule_ids. */
static const ex_rule document_rules[] = {
	{ "doc.number", "the report's own number and date under its title", rule_doc_number },
	{ "protocol.agenda", "a protocol's agenda: topics, whose dates are no happenings", ex_protocol_agenda },
	{ "act.cited", "legal acts cited: number, date, effect, title", rule_acts },
	{ "council.title", "the council and municipality the title names", rule_council },
	{ "council.named", "the council the text names in full, where the title named only a section", ex_council_named },
	{ "year.title", "the report year and a plan's period", rule_year },
	{ "act.own", "a decision's own number and date: an act about the council", ex_own_act },
	{ "council.others", "parts of a page under a heading naming another council", ex_other_councils },
	{ "member.role", "role phrases: chair, deputy, secretary and their names", ex_roles },
	{ "member.list", "lists of members under a heading", ex_member_lists },
	{ "member.roster", "a composition written a line at a time", ex_roster },
	{ "protocol.officers", "a protocol's signing officers are the council's only where it says so", ex_protocol_officers },
	{ "blocks", "tables, paragraphs and items in document order", rule_blocks },
	{ "member.running", "members named in running text: \"tarybos nariai A, B ir C\"", ex_running_members },
	{ "member.represent", "members named after the side they represent: \"Savivaldybę taryboje atstovauja A, B ir C\"", ex_represent_members },
	{ "protocol.meeting", "the sitting a protocol records, on its own date", ex_protocol_meeting },
	{ "protocol.quorum", "\"dalyvavo 9 iš 12 tarybos narių\": the council's size, the sitting's attendance", ex_quorum },
	{ "protocol.attendance", "a protocol's \"Dalyvavo:\" and \"Nedalyvavo:\" lists: members and who attended", ex_protocol_attendance },
	{ "member.struck", "names a decision strikes out of the composition are no members, wherever else named", ex_struck_members },
	{ "member.count", "the size of a composition listed whole", ex_count_listed },
	{ "member.delegated", "the body a composition says delegates a side's members", ex_side_delegated },
	{ "event.merge", "an event told twice is one", ex_merge_events },
	{ "member.council", "on a page about several councils, a member is the council's its words or heading name", ex_member_councils },
	{ "event.council", "on a page about several councils, an event is the council's its text names", ex_event_councils },
	{ "forms.dictionary", "titles, places and names in their dictionary form", ex_dictionary_forms },
	{ "member.former", "a former surname after a name is the member's former name", ex_former_names },
};

/* The rules a paragraph is read by (read_block) and the records a
 * sentence's dates become (date.happening's), by id. */
static const struct { const char *id, *what; } block_rules[] = {
	{ "member.composition", "a council's size and the seats of each side" },
	{ "plan.measure_line", "a plan's measure written as a numbered line" },
	{ "event.form", "an event told in a form's \"Label: value\" lines" },
	{ "meeting.dated", "a date of a sentence that is the council's meeting" },
	{ "event.dated", "a date of a sentence with the happening its noun names" },
	{ "event.list_item", "an item of a list of events (\"Mokymai:\") with its date" },
};

void ex_rules_each(ex_rule_fn fn, void *arg)
{
	size_t i;

	for (i = 0; i < sizeof document_rules / sizeof document_rules[0]; i++)
		fn(arg, document_rules[i].id, document_rules[i].what);
	for (i = 0; i < sizeof table_rules / sizeof table_rules[0]; i++)
		fn(arg, table_rules[i].id, table_rules[i].what);
	for (i = 0; i < sizeof block_rules / sizeof block_rules[0]; i++)
		fn(arg, block_rules[i].id, block_rules[i].what);
	ex_sentence_rules_each(fn, arg);
}

int x_extract(council_extraction *x, const lt_text *t)
{
	ctx c;
	size_t i;
	int rc;

	memset(&c, 0, sizeof c);
	c.x = x;
	c.t = t;
	c.para.open_event = c.para.last_event = -1;
	c.para.list_event_kind = -1;
	c.para.ys.block = SIZE_MAX;
	c.protocol = -1;
	if ((rc = seg_document(&c.doc, t)) != COUNCIL_OK)
		return x_fail(x, rc, 0, "out of memory");
	c.no_diacritics = !ex_has_lithuanian_letters(t);
	ex_title_range(&c, &c.title_start, &c.title_end);
	for (i = 0; i < sizeof document_rules / sizeof document_rules[0] && c.rc == COUNCIL_OK; i++) {
		c.rule = document_rules[i].id;
		document_rules[i].run(&c);
	}
	if (c.rc == COUNCIL_OK && x->kind == COUNCIL_SOURCE_OTHER)
		x->kind = x->n_measures ? COUNCIL_SOURCE_PLAN_REPORT : COUNCIL_SOURCE_ANNUAL_REPORT;
	seg_free(&c.doc);
	ex_sentences_free(&c);
	free(c.excl);
	free(c.others);
	for (i = 0; i < sizeof c.side_body / sizeof c.side_body[0]; i++)
		free(c.side_body[i]);
	return c.rc;
}

int council_import_parse(council_extraction **out, const char *path, const char *data, size_t len)
{
	return x_parse(out, path, data, len, NULL);
}

int x_parse(council_extraction **out, const char *path, const char *data, size_t len,
            const x_target *target)
{
	council_extraction *x = x_new(path);
	lt_text t;
	size_t bad = 0;
	int rc;

	*out = x;
	if (!x)
		return COUNCIL_ENOMEM;
	if (!data)
		return x_fail(x, COUNCIL_EMISUSE, 0, "no data");
	if (len == 0)
		return x_fail(x, COUNCIL_EPARSE, 0, "empty file");
	if (len > COUNCIL_IMPORT_MAX_BYTES)
		return x_fail(x, COUNCIL_EINVAL, 0, "%zu bytes: larger than a report may be (%u)",
		              len, COUNCIL_IMPORT_MAX_BYTES);
	rc = lt_text_init(&t, data, len, &bad);
	if (rc == COUNCIL_EPARSE) {
		/* Name the line and say what is wrong with it. */
		int line = 1;
		for (size_t i = 0; i < bad; i++)
			line += data[i] == '\n';
		return x_fail(x, rc, line, "%s at byte %zu: expected UTF-8 text",
		              data[bad] == '\0' ? "NUL byte" : "invalid UTF-8", bad);
	}
	if (rc != COUNCIL_OK)
		return x_fail(x, rc, 0, "out of memory");
	if (target) {
		x->given_council = target->council;
		x->given_year = target->year;
	}
	{
		/* The view's words found once; every reader's scan of it is a
		 * look-up while they are in use. */
		lt_words words;
		if (lt_words_init(&words, t.view, t.len) != 0) {
			x->given_council = NULL;
			lt_text_free(&t);
			return x_fail(x, COUNCIL_ENOMEM, 0, "out of memory");
		}
		lt_words_use(&words);
		rc = x_extract(x, &t);
		lt_words_use(NULL);
		lt_words_free(&words);
	}
	x->given_council = NULL;
	lt_text_free(&t);
	if (rc == COUNCIL_OK)
		x_fit_ranges(x); /* its JSON must read back (extraction.c) */
	if (rc == COUNCIL_OK)
		rc = x_apply_target(x, target);
	return rc;
}
