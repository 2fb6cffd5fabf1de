/* SPDX-License-Identifier: MIT */
/*
 * fuzz_lt_date.c -- the Lithuanian date parser (lt_date_find) and the
 * month-word lookup it uses (lt_month_from_word), on raw bytes.  Every
 * match found is walked in turn, as the extractor walks a sentence, and
 * checked against lt.h's promises: inside the text, moving forward, only
 * valid dates, end not before start.
 */
#include "lt.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void walk(const char *s, size_t len, int default_year)
{
	lt_date_match m;
	size_t from = 0;
	int i, guard = 0;

	while (from <= len && lt_date_find(&m, s, len, from, default_year)) {
		FUZZ_CHECK(m.start >= from && m.start < m.end && m.end <= len);
		FUZZ_CHECK(council_date_valid(&m.period.start) && m.period.start.year != 0);
		FUZZ_CHECK(council_date_valid(&m.period.end) && m.period.end.year != 0);
		FUZZ_CHECK(council_date_cmp(&m.period.start, &m.period.end) <= 0);
		FUZZ_CHECK(m.n_days >= 0 && m.n_days <= 16);
		for (i = 0; i < m.n_days; i++)
			FUZZ_CHECK(m.days[i] >= 1 && m.days[i] <= 31);
		if (default_year == 0)
			FUZZ_CHECK(!(m.flags & LT_DATE_YEAR_INFERRED));
		from = m.end;
		FUZZ_CHECK(++guard <= (int)len + 1);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	size_t i;

	walk(s, size, 2024);
	walk(s, size, 0);
	/* Every word of the input as a would-be month. */
	for (i = 0; i < size; ) {
		size_t e = lt_word_end(s, size, i);
		if (e > i) {
			int mo = lt_month_from_word(s + i, e - i);
			FUZZ_CHECK(mo >= 0 && mo <= 12);
			i = e;
		} else {
			i++;
		}
	}
	return 0;
}
