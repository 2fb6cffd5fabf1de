/* SPDX-License-Identifier: MIT */
/*
 * test_scaling.c -- the importer's time and memory grow linearly with the
 * report (issue 10, problem 6).  Each test builds one pathological shape
 * at 1x, 4x and 16x its size and extracts it with council_import_parse:
 * the CPU time of the largest may be at most 3 times what linear growth
 * gives (quadratic growth gives 16 times more at 16x), and the peak of the
 * heap may grow at most twice as fast as the input.  Ratios within one
 * run, never absolute times: the machine is shared.  Not here: what is
 * extracted from such input (test_extract.c).
 */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "testutil.h"

/* ---- a heap that counts -------------------------------------------------- */

/* The test replaces malloc and its kin with glibc's own behind a count of
 * the bytes in use, so the library's peak is seen whatever allocates it.
 * AddressSanitizer has a malloc of its own: there the peak is not read. */
#if defined(__SANITIZE_ADDRESS__)
#define COUNTING_HEAP 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define COUNTING_HEAP 0
#endif
#endif
#ifndef COUNTING_HEAP
#define COUNTING_HEAP 1
#endif

#if COUNTING_HEAP
extern void *__libc_malloc(size_t n);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *p, size_t n);
extern void __libc_free(void *p);

static size_t heap_now, heap_peak;

static void *counted(void *p)
{
	if (p) {
		heap_now += malloc_usable_size(p);
		if (heap_now > heap_peak)
			heap_peak = heap_now;
	}
	return p;
}

void *malloc(size_t n)
{
	return counted(__libc_malloc(n));
}

void *calloc(size_t n, size_t size)
{
	return counted(__libc_calloc(n, size));
}

void *realloc(void *p, size_t n)
{
	void *q;

	if (p)
		heap_now -= malloc_usable_size(p);
	q = __libc_realloc(p, n);
	if (!q && p && n) {
		heap_now += malloc_usable_size(p); /* p is still the caller's */
		return NULL;
	}
	return n ? counted(q) : q;
}

void free(void *p)
{
	if (p)
		heap_now -= malloc_usable_size(p);
	__libc_free(p);
}
#endif

/* ---- the shapes ---------------------------------------------------------- */

#define TITLE "Kauno rajono savivaldybės bendruomeninių organizacijų tarybos 2021 metų veiklos ataskaita\n\n"

static const char *const months[] = { "sausio", "vasario", "kovo", "balandžio" };

typedef void (*unit_fn)(char *buf, size_t size, int i);

static size_t grow(char **text, size_t *len, size_t *cap, const char *add)
{
	size_t n = strlen(add);

	if (*len + n + 1 > *cap) {
		*cap = (*len + n + 1) * 2;
		*text = realloc(*text, *cap);
		assert_non_null(*text);
	}
	memcpy(*text + *len, add, n + 1);
	*len += n;
	return *len;
}

/* The title, an optional head, then n units and an optional tail. */
static char *build(const char *head, unit_fn unit, int n, const char *tail, size_t *len)
{
	char *text = NULL, buf[256];
	size_t cap = 0;
	int i;

	*len = 0;
	grow(&text, len, &cap, TITLE);
	grow(&text, len, &cap, head);
	for (i = 0; i < n; i++) {
		unit(buf, sizeof buf, i);
		grow(&text, len, &cap, buf);
	}
	grow(&text, len, &cap, tail);
	return text;
}

/* Thousands of dates in one sentence of one paragraph. */
static void unit_date(char *buf, size_t size, int i)
{
	snprintf(buf, size, "2021 m. %s %d d. vyko seminaras, ", months[i % 4], i % 28 + 1);
}

/* One line of "2021 m. " repeated. */
static void unit_year(char *buf, size_t size, int i)
{
	(void)i;
	snprintf(buf, size, "2021 m. ");
}

/* One sentence of participant counts. */
static void unit_participants(char *buf, size_t size, int i)
{
	snprintf(buf, size, "renginyje dalyvavo %d dalyvių, apie %d asmenų ir %d narių, ",
	         i % 90 + 10, i % 40 + 2, i % 9 + 1);
}

/* A list of events, one an item. */
static void unit_item(char *buf, size_t size, int i)
{
	snprintf(buf, size, "- 2021 m. %s %d d. seminaras „Tema %d“, dalyvavo %d asmenys;\n",
	         months[i % 4], i % 28 + 1, i, i % 50 + 5);
}

/* A plan's pipe table. */
static void unit_row(char *buf, size_t size, int i)
{
	snprintf(buf, size, "| %d | Organizuoti seminarą %d | Taryba | Įvykdyta, dalyvavo %d asmenys |\n",
	         i + 1, i, i % 40 + 3);
}

/* Legal acts cited in one paragraph: each excludes its date. */
static void unit_act(char *buf, size_t size, int i)
{
	snprintf(buf, size, "2021 m. %s %d d. sprendimu Nr. T-%d, ", months[i % 4], i % 28 + 1, i + 1);
}

/* ---- measuring ----------------------------------------------------------- */

typedef struct cost {
	double cpu;            /* seconds of this thread's CPU, best of a few runs */
	size_t heap;           /* peak heap bytes above what was in use before */
	size_t len;            /* the input's bytes */
} cost;

static double cpu_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static cost measure(const char *head, unit_fn unit, int n, const char *tail)
{
	cost c = { 1e9, 0, 0 };
	char *text = build(head, unit, n, tail, &c.len);
	int run;

	for (run = 0; run < 3; run++) {
		council_extraction *x = NULL;
		double t0;
#if COUNTING_HEAP
		size_t base = heap_now;
		heap_peak = heap_now;
#endif
		t0 = cpu_now();
		assert_int_equal(council_import_parse(&x, "scaling.txt", text, c.len), COUNCIL_OK);
		t0 = cpu_now() - t0;
		if (t0 < c.cpu)
			c.cpu = t0;
#if COUNTING_HEAP
		c.heap = heap_peak - base;
#endif
		council_extraction_free(x);
	}
	free(text);
	return c;
}

/* Extracts the shape at n, 4n and 16n units and checks the growth. */
static void check_linear(const char *name, const char *head, unit_fn unit, int n, const char *tail)
{
	cost c1 = measure(head, unit, n, tail), c4 = measure(head, unit, 4 * n, tail),
	     c16 = measure(head, unit, 16 * n, tail);
	double grew = (double)c16.len / (double)c1.len;

	print_message("%-13s bytes %7zu %7zu %8zu  cpu %.4f %.4f %.4f s  heap %zu %zu %zu\n", name,
	              c1.len, c4.len, c16.len, c1.cpu, c4.cpu, c16.cpu, c1.heap, c4.heap, c16.heap);
	/* The input stays under the importer's size limit. */
	assert_true(c16.len < 4u << 20);
	/* Linear growth makes the 16x run about 16 times the 1x one and
	 * quadratic 256 times; 3x slack absorbs the noise of a busy machine
	 * (the 1x run is the best of three, so noise only shrinks it). */
	if (c16.cpu > 3.0 * grew * c1.cpu && c16.cpu > 3.0 * 4.0 * c4.cpu)
		fail_msg("%s: 16x the input took %.1fx the time", name, c16.cpu / c1.cpu);
#if COUNTING_HEAP
	/* The peak heap grows with the input, not faster. */
	if ((double)c16.heap > 2.0 * grew * (double)c1.heap)
		fail_msg("%s: 16x the input took %.1fx the memory", name,
		         (double)c16.heap / (double)c1.heap);
#endif
}

static void dates_in_one_paragraph(void **state)
{
	(void)state;
	check_linear("dates", "", unit_date, 1500, "\n");
}

static void one_line_of_years(void **state)
{
	(void)state;
	check_linear("years", "", unit_year, 6000, "\n");
}

static void participants_in_one_sentence(void **state)
{
	(void)state;
	check_linear("participants", "", unit_participants, 800, ".\n");
}

static void many_list_items(void **state)
{
	(void)state;
	check_linear("items", "Renginiai:\n", unit_item, 800, "");
}

static void huge_table(void **state)
{
	(void)state;
	check_linear("table",
	             "| Eil. Nr. | Priemonės pavadinimas | Atsakingi vykdytojai | Įvykdymas |\n"
	             "|---|---|---|---|\n",
	             unit_row, 800, "");
}

static void many_acts_in_one_paragraph(void **state)
{
	(void)state;
	check_linear("acts", "", unit_act, 1000, "\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(dates_in_one_paragraph),
		cmocka_unit_test(one_line_of_years),
		cmocka_unit_test(participants_in_one_sentence),
		cmocka_unit_test(many_list_items),
		cmocka_unit_test(huge_table),
		cmocka_unit_test(many_acts_in_one_paragraph),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
