/* SPDX-License-Identifier: MIT */
/*
 * fuzz_lt_phrase.c -- the phrase parsers of lt_phrase.c on raw bytes as
 * one sentence: participant counts (lt_participants_find), meeting counts
 * (lt_meeting_count_find), roles with names (lt_role_find, walked to the
 * end), the nominative of names (lt_name_nominative, into buffers from one
 * byte up) and legal act references (lt_act_find, walked).  Offsets stay
 * inside the text, strings stay terminated inside their arrays.
 */
#include "lt.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void participants(const char *s, size_t len)
{
	lt_participants p;
	int i;

	if (!lt_participants_find(&p, s, len))
		return;
	FUZZ_CHECK(p.n_groups >= 0 && p.n_groups <= LT_MAX_GROUPS);
	FUZZ_CHECK(p.start <= p.end && p.end <= len);
	FUZZ_CHECK(p.total >= 0);
	for (i = 0; i < p.n_groups; i++) {
		const lt_group *g = &p.groups[i];
		FUZZ_CHECK(g->count >= 0);
		FUZZ_CHECK(g->start <= g->end && g->end <= len);
		FUZZ_CHECK(g->noun_start <= g->noun_end && g->noun_end <= len);
	}
}

static void meetings(const char *s, size_t len)
{
	lt_meeting_count m;

	if (!lt_meeting_count_find(&m, s, len))
		return;
	FUZZ_CHECK(m.start <= m.end && m.end <= len);
	FUZZ_CHECK(m.total >= -1 && m.remote >= -1);
}

static void roles(const char *s, size_t len)
{
	lt_role_match r;
	size_t from = 0;
	int guard = 0;

	while (from <= len && lt_role_find(&r, s, len, from)) {
		FUZZ_CHECK(r.start >= from && r.start <= r.end && r.end <= len);
		FUZZ_CHECK(r.name_start <= r.name_end && r.name_end <= len);
		FUZZ_CHECK(r.org_start <= r.org_end && r.org_end <= len);
		FUZZ_CHECK(memchr(r.name, '\0', sizeof r.name) != NULL);
		FUZZ_CHECK(r.end > from);
		from = r.end;
		FUZZ_CHECK(++guard <= (int)len + 1);
	}
}

static void names(const char *s, size_t len)
{
	static const size_t sizes[] = { 1, 2, 5, 16, 256 };
	char out[256];
	size_t i;

	for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		size_t n;
		memset(out, 'X', sizeof out);
		n = lt_name_nominative(out, sizes[i], s, len);
		FUZZ_CHECK(n < sizes[i]);
		FUZZ_CHECK(out[n] == '\0');
	}
}

static void acts(const char *s, size_t len)
{
	lt_act_match a;
	size_t from = 0;
	int guard = 0;

	while (from <= len && lt_act_find(&a, s, len, from)) {
		FUZZ_CHECK(a.start <= a.end && a.end <= len && a.end > from);
		FUZZ_CHECK(a.date_start <= a.date_end && a.date_end <= len);
		FUZZ_CHECK(memchr(a.number, '\0', sizeof a.number) != NULL);
		FUZZ_CHECK(a.date.year == 0 || council_date_valid(&a.date));
		from = a.end;
		FUZZ_CHECK(++guard <= (int)len + 1);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;

	participants(s, size);
	meetings(s, size);
	roles(s, size);
	names(s, size);
	acts(s, size);
	return 0;
}
