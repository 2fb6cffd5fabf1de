/* SPDX-License-Identifier: MIT */
/*
 * target.c -- a document imported for a council and year the person
 * importing names (council import --council, --year; council_import_target):
 * the extraction held against them, and the target resolved from the
 * registry.  What the document says it is about is read by the extraction
 * rules (council.title, year.title); this file only compares and fills.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "report.h"
#include "utf8.h"

/* Two texts equal once folded (case and diacritics aside). */
static int same_folded(const char *a, const char *b)
{
	char *fa, *fb;
	int same;

	if (!a || !b)
		return 0;
	fa = utf8_fold(a, strlen(a));
	fb = utf8_fold(b, strlen(b));
	same = fa && fb && strcmp(fa, fb) == 0;
	free(fa);
	free(fb);
	return same;
}

int x_apply_target(council_extraction *x, const x_target *t)
{
	if (!t || !x)
		return COUNCIL_OK;
	if (t->council) {
		const char *named = x->council.name && *x->council.name ? x->council.name : NULL;
		if (named && !same_folded(named, t->council) &&
		    !(t->municipality && same_folded(x->council.municipality, t->municipality) &&
		      x->council.kind == t->kind))
			return x_fail(x, COUNCIL_EINVAL, x->council.span.line,
			              "the document names the council \"%s\", not \"%s\" (--council)",
			              named, t->council);
		if (!named || strcmp(named, t->council) != 0) {
			char *name = cdb_strdup(t->council);
			if (!name)
				return x_fail(x, COUNCIL_ENOMEM, 0, "out of memory");
			free(x->council.name);
			x->council.name = name;
			x->council.kind = t->kind;
		}
	}
	if (t->year > 0) {
		if (x->report_year > 0 && x->report_year != t->year)
			return x_fail(x, COUNCIL_EINVAL, 0,
			              "the document reports on %d, not %d (--year)", x->report_year,
			              t->year);
		x->report_year = t->year;
	}
	return COUNCIL_OK;
}
