/* SPDX-License-Identifier: MIT */
/*
 * test_corpus.c -- the genre rules' corpus (the .txt files of tests/corpus/): every rule
 * of the extraction (ex_rules_each) has examples that must produce given
 * records and examples that must produce nothing, and an example is only
 * met by the rule it names.  One runner for every subject's file.
 *
 * A corpus file holds examples, each:
 *   === RULE-ID  free words on what it shows
 *   @title          (optional: the text has its own title; otherwise a
 *                    council's title for 2023 is put before it)
 *   the text, any number of lines
 *   --- expect      then one record a line, as records() below writes
 *                   them; a line matches a record whose text starts with it
 *   --- nothing     instead: the rule neither makes nor changes a record
 * Lines starting with "#" outside a text are comments.
 *
 * Checks: a positive example's rule fired, and each expected line is a
 * record that rule made (or, for a rule that changes records others made,
 * one the extraction holds); a negative example's rule never fired; every
 * rule has both kinds, except the two that only hand work to others
 * ("blocks", "date.happening").  CORPUS_SHOW=1 prints what each example
 * gave.
 */
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "extract_int.h"

#define TITLE "Birštono savivaldybės bendruomeninių organizacijų tarybos 2023 metų veiklos ataskaita\n\n"
#define MAX_RULES 64
#define MAX_LINES 64

typedef struct rule_cov {
	const char *id;
	int positive, negative;
} rule_cov;

static rule_cov rules[MAX_RULES];
static int n_rules;

static void add_rule(void *arg, const char *id, const char *what)
{
	(void)arg;
	(void)what;
	assert_true(n_rules < MAX_RULES);
	rules[n_rules].id = id;
	rules[n_rules].positive = rules[n_rules].negative = 0;
	n_rules++;
}

static rule_cov *find_rule(const char *id)
{
	int i;

	for (i = 0; i < n_rules; i++)
		if (!strcmp(rules[i].id, id))
			return &rules[i];
	return NULL;
}

/* ---- what an extraction holds, one line a record ------------------------- */

typedef struct record {
	char text[512];
	const char *rule;      /* the rule that made it; NULL for a field */
} record;

typedef struct records {
	record r[512];
	int n;
} records;

static void put(records *rs, const char *rule, const char *fmt, ...)
{
	va_list ap;

	if (rs->n == (int)(sizeof rs->r / sizeof rs->r[0]))
		return;
	va_start(ap, fmt);
	vsnprintf(rs->r[rs->n].text, sizeof rs->r[rs->n].text, fmt, ap);
	va_end(ap);
	rs->r[rs->n++].rule = rule;
}

static const char *period(char *buf, const council_period *p)
{
	char a[COUNCIL_DATE_BUFSIZE], b[COUNCIL_DATE_BUFSIZE];

	council_date_format(a, &p->start);
	council_date_format(b, &p->end);
	if (!strcmp(a, b) || !b[0])
		strcpy(buf, a);
	else
		sprintf(buf, "%s..%s", a, b);
	return buf;
}

static const char *nz(const char *s)
{
	return s ? s : "-";
}

static void records_of(records *rs, const council_extraction *x)
{
	char d[2 * COUNCIL_DATE_BUFSIZE + 2];
	size_t i, k;

	rs->n = 0;
	if (x->council.name)
		put(rs, x->council.span.rule, "council %s", x->council.name);
	if (x->council.size >= 0)
		put(rs, NULL, "size %d seats %d %d", x->council.size, x->council.seats_municipality,
		    x->council.seats_community);
	if (x->report_year > 0)
		put(rs, NULL, "year %d", x->report_year);
	if (x->plan.present)
		put(rs, NULL, "plan %d-%d", x->plan.year_from, x->plan.year_to);
	if (x->doc_number)
		put(rs, NULL, "doc_number %s", x->doc_number);
	if (x->doc_date.year)
		put(rs, NULL, "doc_date %s", council_date_format(d, &x->doc_date));
	for (i = 0; i < x->n_members; i++) {
		const x_member *m = &x->members[i];
		char since[COUNCIL_DATE_BUFSIZE] = "-";
		if (m->since.year)
			council_date_format(since, &m->since);
		/* a change (member.term) last: "...; left 2024-06-10" */
		if (m->change)
			put(rs, m->span.rule, "member %s %s %s; side %s; delegated by %s; %s %s", m->name,
			    council_enum_name(COUNCIL_ENUM_ROLE, (int)m->role), nz(m->represents),
			    nz(council_enum_name(COUNCIL_ENUM_SIDE, (int)m->side)), nz(m->delegated_by),
			    m->change, since);
		else if (m->council.present) /* member.council: whose first */
			put(rs, m->span.rule, "member of %s: %s %s %s; side %s; delegated by %s",
			    nz(m->council.name), m->name, council_enum_name(COUNCIL_ENUM_ROLE, (int)m->role),
			    nz(m->represents), nz(council_enum_name(COUNCIL_ENUM_SIDE, (int)m->side)),
			    nz(m->delegated_by));
		else
			put(rs, m->span.rule, "member %s %s %s; side %s; delegated by %s", m->name,
			    council_enum_name(COUNCIL_ENUM_ROLE, (int)m->role), nz(m->represents),
			    nz(council_enum_name(COUNCIL_ENUM_SIDE, (int)m->side)), nz(m->delegated_by));
	}
	for (i = 0; i < x->n_members; i++)
		if (x->members[i].former_name)
			put(rs, NULL, "former %s was %s", x->members[i].name, x->members[i].former_name);
	for (i = 0; i < x->n_meetings; i++) {
		char attended[96] = "";
		if (x->meetings[i].participants >= 0)
			snprintf(attended, sizeof attended, " participants %d", x->meetings[i].participants);
		if (x->meetings[i].location)
			snprintf(attended + strlen(attended), sizeof attended - strlen(attended), " in %.40s",
			         x->meetings[i].location);
		put(rs, x->meetings[i].span.rule, "meeting %s %s%s", period(d, &x->meetings[i].date),
		    nz(council_enum_name(COUNCIL_ENUM_FORMAT, (int)x->meetings[i].format)), attended);
	}
	for (i = 0; i < x->n_attendance; i++)
		put(rs, x->attendance[i].span.rule, "attendance %s %s %s%s%s",
		    council_date_format(d, &x->attendance[i].date), x->attendance[i].name,
		    x->attendance[i].present ? "present" : "absent",
		    x->attendance[i].reason ? " " : "", x->attendance[i].reason ? x->attendance[i].reason : "");
	for (i = 0; i < x->n_figures; i++)
		put(rs, x->figures[i].span.rule, "figure %s %d %lld %s",
		    council_enum_name(COUNCIL_ENUM_METRIC, (int)x->figures[i].metric), x->figures[i].year,
		    (long long)x->figures[i].value,
		    council_enum_name(COUNCIL_ENUM_QUALIFIER, (int)x->figures[i].qualifier));
	for (i = 0; i < x->n_measures; i++)
		put(rs, x->measures[i].span.rule, "measure %d %s", x->measures[i].seq,
		    nz(x->measures[i].name));
	for (i = 0; i < x->n_events; i++) {
		const x_event *e = &x->events[i];
		char groups[128] = "";
		int64_t total = 0;
		for (k = 0; k < e->n_groups; k++)
			total += e->groups[k].count;
		/* the place before the count, so that an expected line
		 * "... title participants N" says there is none */
		if (e->location)
			snprintf(groups, sizeof groups, " in %.40s", e->location);
		if (e->n_groups)
			snprintf(groups + strlen(groups), sizeof groups - strlen(groups),
			         " participants %lld", (long long)total);
		/* another council's event (event.council) says whose first, so
		 * that an expected "event DATE ..." is the kept council's */
		put(rs, e->span.rule, "event %s%s%s%s %s %s%s", e->council.present ? "of " : "",
		    e->council.present ? nz(e->council.name) : "", e->council.present ? ": " : "",
		    period(d, &e->date), council_enum_name(COUNCIL_ENUM_EVENT_KIND, (int)e->kind),
		    nz(e->title), groups);
	}
	for (i = 0; i < x->n_notes; i++)
		put(rs, NULL, "note %s", x->notes[i]);
	for (i = 0; i < x->n_acts; i++)
		put(rs, x->acts[i].span.rule, "act %s %s", x->acts[i].number,
		    council_date_format(d, &x->acts[i].date));
}

/* ---- the trace ----------------------------------------------------------- */

typedef struct fired {
	const char *ids[256];
	int n;
} fired;

static void note(void *arg, const char *rule)
{
	fired *f = arg;
	int i;

	for (i = 0; i < f->n; i++)
		if (!strcmp(f->ids[i], rule))
			return;
	if (f->n < 256)
		f->ids[f->n++] = rule;
}

static int has_fired(const fired *f, const char *rule)
{
	int i;

	for (i = 0; i < f->n; i++)
		if (!strcmp(f->ids[i], rule))
			return 1;
	return 0;
}

/* ---- examples ------------------------------------------------------------ */

typedef struct example {
	const char *file;
	int line;
	char rule[64];
	char *text;            /* owned */
	size_t len, cap;
	int own_title;
	int negative;
	char *expect[MAX_LINES];
	int n_expect;
} example;

static void append(example *ex, const char *s)
{
	size_t n = strlen(s);

	if (ex->len + n + 1 > ex->cap) {
		ex->cap = (ex->len + n + 1) * 2;
		ex->text = realloc(ex->text, ex->cap);
		assert_non_null(ex->text);
	}
	memcpy(ex->text + ex->len, s, n + 1);
	ex->len += n;
}

/* Runs ex and returns the number of failures it showed. */
static int run_example(example *ex)
{
	council_extraction *x = NULL;
	records *rs = calloc(1, sizeof *rs);
	fired f = { { 0 }, 0 };
	rule_cov *rc = find_rule(ex->rule);
	int fails = 0, i, j;

	assert_non_null(rs);
	if (!rc) {
		print_error("%s:%d: no rule %s\n", ex->file, ex->line, ex->rule);
		free(rs);
		return 1;
	}
	ex_set_trace(note, &f);
	council_import_parse(&x, ex->file, ex->text, ex->len);
	ex_set_trace(NULL, NULL);
	records_of(rs, x);
	if (getenv("CORPUS_SHOW")) {
		print_message("%s:%d: %s fired:", ex->file, ex->line, ex->rule);
		for (i = 0; i < f.n; i++)
			print_message(" %s", f.ids[i]);
		print_message("\n");
		for (i = 0; i < rs->n; i++)
			print_message("    [%s] %s\n", nz(rs->r[i].rule), rs->r[i].text);
	}
	if (ex->negative) {
		rc->negative++;
		if (has_fired(&f, ex->rule)) {
			print_error("%s:%d: %s made or changed a record; it must not here\n", ex->file,
			            ex->line, ex->rule);
			fails++;
		}
	} else {
		int made = 0;
		rc->positive++;
		for (i = 0; i < rs->n; i++)
			made |= rs->r[i].rule && !strcmp(rs->r[i].rule, ex->rule);
		if (!has_fired(&f, ex->rule)) {
			print_error("%s:%d: %s did not fire\n", ex->file, ex->line, ex->rule);
			fails++;
		}
		for (j = 0; j < ex->n_expect; j++) {
			int found = 0;
			size_t n = strlen(ex->expect[j]);
			for (i = 0; i < rs->n && !found; i++)
				found = !strncmp(rs->r[i].text, ex->expect[j], n) &&
				        (!made || !rs->r[i].rule || !strcmp(rs->r[i].rule, ex->rule));
			if (!found) {
				print_error("%s:%d: %s: no record \"%s\"%s\n", ex->file, ex->line, ex->rule,
				            ex->expect[j], made ? " made by it" : "");
				fails++;
			}
		}
	}
	council_extraction_free(x);
	free(rs);
	return fails;
}

static void example_free(example *ex)
{
	int i;

	free(ex->text);
	for (i = 0; i < ex->n_expect; i++)
		free(ex->expect[i]);
	memset(ex, 0, sizeof *ex);
}

/* Reads and runs the examples of one corpus file; returns the failures. */
static int run_file(const char *path, int *examples)
{
	FILE *fp = fopen(path, "r");
	char line[4096];
	example ex;
	int state = 0, no = 0, fails = 0; /* 0 outside, 1 text, 2 expect */

	assert_non_null(fp);
	memset(&ex, 0, sizeof ex);
	for (;;) {
		char *got = fgets(line, sizeof line, fp);
		no++;
		if (!got || !strncmp(line, "=== ", 4)) {
			if (state) {
				fails += run_example(&ex);
				(*examples)++;
				example_free(&ex);
			}
			if (!got)
				break;
			ex.file = path;
			ex.line = no;
			sscanf(line + 4, "%63s", ex.rule);
			state = 1;
			continue;
		}
		if (state == 0 || (state == 2 && line[0] == '#'))
			continue;
		if (state == 1 && !strncmp(line, "@title", 6)) {
			ex.own_title = 1;
			continue;
		}
		if (state == 1 && !strncmp(line, "--- ", 4)) {
			ex.negative = !strncmp(line + 4, "nothing", 7);
			state = 2;
			continue;
		}
		if (state == 1) {
			if (!ex.own_title && ex.len == 0)
				append(&ex, TITLE);
			append(&ex, line);
		} else if (line[0] != '\n' && ex.n_expect < MAX_LINES) {
			line[strcspn(line, "\n")] = '\0';
			ex.expect[ex.n_expect++] = strdup(line);
		}
	}
	fclose(fp);
	return fails;
}

static void corpus(void **state)
{
	const char *root = getenv("COUNCIL_SOURCE_ROOT");
	char dir[1024], path[1200];
	DIR *d;
	struct dirent *de;
	int fails = 0, examples = 0, files = 0, i;

	(void)state;
	assert_non_null(root);
	n_rules = 0;
	ex_rules_each(add_rule, NULL);
	snprintf(dir, sizeof dir, "%s/tests/corpus", root);
	assert_non_null(d = opendir(dir));
	while ((de = readdir(d)) != NULL) {
		size_t n = strlen(de->d_name);
		if (n < 5 || strcmp(de->d_name + n - 4, ".txt"))
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		fails += run_file(path, &examples);
		files++;
	}
	closedir(d);
	for (i = 0; i < n_rules; i++) {
		if (!strcmp(rules[i].id, "blocks") || !strcmp(rules[i].id, "date.happening"))
			continue;
		if (!rules[i].positive || !rules[i].negative) {
			print_error("rule %s has no %s example\n", rules[i].id,
			            !rules[i].positive ? "positive" : "negative");
			fails++;
		}
	}
	print_message("%d rules, %d examples in %d files\n", n_rules, examples, files);
	assert_int_equal(fails, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(corpus),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
