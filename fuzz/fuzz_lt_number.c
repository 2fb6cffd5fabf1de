/* SPDX-License-Identifier: MIT */
/*
 * fuzz_lt_number.c -- counts in digits and Lithuanian number words
 * (lt_number_parse), tried at the start of the input and at every word
 * start, as the phrase parsers call it.  A parse consumes bytes inside the
 * text and never yields a negative count.
 */
#include "lt.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	size_t i;

	for (i = 0; i < size; i++) {
		int64_t v = -1;
		size_t n;
		if (i > 0 && !lt_at_word_start(s, i))
			continue;
		n = lt_number_parse(&v, s + i, size - i);
		FUZZ_CHECK(n <= size - i);
		if (n > 0)
			FUZZ_CHECK(v >= 0);
	}
	return 0;
}
