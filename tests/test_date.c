/* SPDX-License-Identifier: MIT */
/*
 * test_date.c -- partial dates and periods (lib/date.c): parsing the ISO
 * forms and rejecting everything else, validity, formatting, ordering.
 */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static const struct good {
	const char *text;
	council_date want;
} good[] = {
	{ "2024", { 2024, 0, 0 } },
	{ "2024-02", { 2024, 2, 0 } },
	{ "2024-02-05", { 2024, 2, 5 } },
	{ "2024-02-29", { 2024, 2, 29 } }, /* leap year */
	{ "2000-02-29", { 2000, 2, 29 } }, /* divisible by 400 */
	{ "2023-12-31", { 2023, 12, 31 } },
	{ "0001", { 1, 0, 0 } },
	{ "9999-12-31", { 9999, 12, 31 } },
};

static void test_parse_good(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof good / sizeof good[0]; i++) {
		council_date d = { -1, -1, -1 };
		char buf[COUNCIL_DATE_BUFSIZE];
		assert_int_equal(council_date_parse(&d, good[i].text), COUNCIL_OK);
		assert_int_equal(d.year, good[i].want.year);
		assert_int_equal(d.month, good[i].want.month);
		assert_int_equal(d.day, good[i].want.day);
		assert_true(council_date_valid(&d));
		/* format is parse's inverse */
		assert_string_equal(council_date_format(buf, &d), good[i].text);
	}
}

static const char *const bad[] = {
	"", "24", "202", "20245", "2024-2", "2024-1-05", "2024-13", "2024-00", "2024-02-00",
	"2023-02-29", "1900-02-29", "2024-02-30", "2024-04-31", "2024/02/05", "2024-02-05x",
	" 2024", "2024 ", "0000", "2024-", "2024-02-", "abcd", "2024-ab", "+024", "-024",
	"2024-02-05..", "2024..2025",
};

static void test_parse_bad(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		council_date d = { 7, 7, 7 };
		if (council_date_parse(&d, bad[i]) != COUNCIL_EINVAL)
			fail_msg("\"%s\" was accepted", bad[i]);
		/* a failed parse leaves *out alone */
		assert_int_equal(d.year, 7);
	}
	assert_int_equal(council_date_parse(NULL, "2024"), COUNCIL_EINVAL);
	{
		council_date d;
		assert_int_equal(council_date_parse(&d, NULL), COUNCIL_EINVAL);
	}
}

static const struct period_case {
	const char *text;
	int ok;
	const char *start, *end;
} periods[] = {
	{ "2024", 1, "2024", "2024" },
	{ "2024-05-16", 1, "2024-05-16", "2024-05-16" },
	{ "2024-05-16..2024-05-17", 1, "2024-05-16", "2024-05-17" },
	{ "2024..2025-01", 1, "2024", "2025-01" },
	{ "2024-05..2024-05-01", 1, "2024-05", "2024-05-01" },
	{ "2024-05-16..2024-05-16", 1, "2024-05-16", "2024-05-16" },
	{ "2024-05-17..2024-05-16", 0, NULL, NULL },
	{ "2025..2024-12-31", 0, NULL, NULL },
	{ "2024-05-01..2024-05", 0, NULL, NULL }, /* coarser end counts as earlier */
	{ "2024..", 0, NULL, NULL },
	{ "..2024", 0, NULL, NULL },
	{ "2024...2025", 0, NULL, NULL },
	{ "2024..2025..2026", 0, NULL, NULL },
	{ "2024-02-30..2024-03", 0, NULL, NULL },
	{ "", 0, NULL, NULL },
};

static void test_period_parse(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof periods / sizeof periods[0]; i++) {
		council_period p;
		int rc = council_period_parse(&p, periods[i].text);
		if (rc != (periods[i].ok ? COUNCIL_OK : COUNCIL_EINVAL))
			fail_msg("\"%s\": got %d", periods[i].text, rc);
		if (periods[i].ok) {
			tu_assert_date(&p.start, periods[i].start);
			tu_assert_date(&p.end, periods[i].end);
		}
	}
	assert_int_equal(council_period_parse(NULL, "2024"), COUNCIL_EINVAL);
}

static void test_valid(void **state)
{
	static const struct {
		council_date d;
		int valid;
	} cases[] = {
		{ { 2024, 0, 0 }, 1 }, { { 2024, 2, 29 }, 1 }, { { 2023, 2, 28 }, 1 },
		{ { 0, 0, 0 }, 0 }, { { 2024, 0, 5 }, 0 }, { { 2023, 2, 29 }, 0 },
		{ { 10000, 1, 1 }, 0 }, { { -1, 0, 0 }, 0 }, { { 2024, 13, 0 }, 0 },
		{ { 2024, -1, 0 }, 0 }, { { 2024, 6, 31 }, 0 }, { { 2024, 1, 32 }, 0 },
		{ { 2024, 1, -1 }, 0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (!council_date_valid(&cases[i].d) != !cases[i].valid)
			fail_msg("case %zu: %d-%d-%d", i, cases[i].d.year, cases[i].d.month, cases[i].d.day);
	assert_false(council_date_valid(NULL));
}

static void test_format(void **state)
{
	char buf[COUNCIL_DATE_BUFSIZE];
	council_date none = { 0, 0, 0 }, early = { 5, 1, 1 };

	(void)state;
	assert_ptr_equal(council_date_format(buf, &none), buf);
	assert_string_equal(buf, "");
	assert_string_equal(council_date_format(buf, &early), "0005-01-01");
	assert_string_equal(council_date_format(buf, NULL), "");
}

static void test_cmp(void **state)
{
	/* In ascending order: by first day, coarser first on ties. */
	static const char *const order[] = {
		"2023-12-31", "2024", "2024-01", "2024-01-01", "2024-01-02", "2024-02", "2024-02-01",
		"2024-12-31", "2025",
	};
	size_t i, j;

	(void)state;
	for (i = 0; i < sizeof order / sizeof order[0]; i++) {
		for (j = 0; j < sizeof order / sizeof order[0]; j++) {
			council_date a = tu_date(order[i]), b = tu_date(order[j]);
			int c = council_date_cmp(&a, &b);
			int want = i < j ? -1 : i > j;
			if ((c > 0) - (c < 0) != want)
				fail_msg("cmp(%s, %s) = %d", order[i], order[j], c);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_good),
		cmocka_unit_test(test_parse_bad),
		cmocka_unit_test(test_period_parse),
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_cmp),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
