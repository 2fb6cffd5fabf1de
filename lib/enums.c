/* SPDX-License-Identifier: MIT */
/*
 * enums.c -- the text forms of the enumerations, which are also the values
 * the schema's CHECK constraints allow.  Keep both in step: a test compares
 * every name here against an insert into the schema.
 */
#include <strings.h>

#include "internal.h"

static const char *const kinds[] = { "BO", "NVO", "other" };
static const char *const roles[] = { "member", "chair", "deputy", "secretary" };
static const char *const sides[] = { NULL, "municipality", "community" };
static const char *const formats[] = { "unknown", "in_person", "remote", "hybrid" };
static const char *const qualifiers[] = { "exact", "more_than", "at_least", "about" };
static const char *const event_kinds[] = {
	"other", "seminar", "training", "conference", "visit", "discussion",
	"presentation", "consultation", "festival", "exhibition", "workshop", "forum"
};
static const char *const effects[] = { "other", "establishes", "amends", "approves_rules", "appoints" };
static const char *const metrics[] = { "meetings", "meetings_remote", "members", "events", "participants" };
static const char *const source_kinds[] = { "other", "annual_report", "plan_report", "protocol", "page" };

#define N(a) (int)(sizeof(a) / sizeof((a)[0]))

static const char *const *table(council_enum e, int *n)
{
	switch (e) {
	case COUNCIL_ENUM_KIND: *n = N(kinds); return kinds;
	case COUNCIL_ENUM_ROLE: *n = N(roles); return roles;
	case COUNCIL_ENUM_SIDE: *n = N(sides); return sides;
	case COUNCIL_ENUM_FORMAT: *n = N(formats); return formats;
	case COUNCIL_ENUM_QUALIFIER: *n = N(qualifiers); return qualifiers;
	case COUNCIL_ENUM_EVENT_KIND: *n = N(event_kinds); return event_kinds;
	case COUNCIL_ENUM_ACT_EFFECT: *n = N(effects); return effects;
	case COUNCIL_ENUM_METRIC: *n = N(metrics); return metrics;
	case COUNCIL_ENUM_SOURCE_KIND: *n = N(source_kinds); return source_kinds;
	}
	*n = 0;
	return NULL;
}

const char *council_enum_name(council_enum e, int value)
{
	int n;
	const char *const *t = table(e, &n);

	if (!t || value < 0 || value >= n)
		return NULL;
	return t[value];
}

int council_enum_parse(int *out, council_enum e, const char *name)
{
	int n, i;
	const char *const *t = table(e, &n);

	if (!t || !name)
		return COUNCIL_EINVAL;
	for (i = 0; i < n; i++) {
		if (t[i] && strcasecmp(t[i], name) == 0) {
			*out = i;
			return COUNCIL_OK;
		}
	}
	/* Accept the spellings people type: "in-person", "more-than". */
	for (i = 0; i < n; i++) {
		const char *a = t[i], *b = name;
		if (!a)
			continue;
		while (*a && *b && (*a == *b || (*a == '_' && *b == '-') ||
		                    (*a | 0x20) == (*b | 0x20)))
			a++, b++;
		if (!*a && !*b) {
			*out = i;
			return COUNCIL_OK;
		}
	}
	return COUNCIL_EINVAL;
}
