/* SPDX-License-Identifier: MIT */
/*
 * fuzz_common.h -- what every libFuzzer target of libcouncil shares: a
 * private NUL-terminated copy of the input (for the calls that take C
 * strings) and the check that turns a broken invariant into a crash
 * libFuzzer records, with the reason on stderr.
 */
#ifndef COUNCIL_FUZZ_COMMON_H
#define COUNCIL_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An invariant the harness checks; a failure is a finding, so abort (which
 * libFuzzer reports as a crash and saves the input for). */
#define FUZZ_CHECK(cond) do { \
		if (!(cond)) { \
			fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
			abort(); \
		} \
	} while (0)

/* A malloc'd copy of data with a NUL after it.  Buffers passed with a
 * length are passed as libFuzzer gives them (exactly size bytes, no NUL),
 * so AddressSanitizer catches a read one past the end. */
static inline char *fuzz_cstr(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (!s)
		abort();
	if (size)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

#endif
