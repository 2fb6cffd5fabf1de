/* SPDX-License-Identifier: MIT */
/*
 * fuzz_encoding.c -- telling text encodings apart (doc_encoding.c) on
 * arbitrary bytes: whatever is accepted comes out as valid UTF-8 without
 * NUL bytes, UTF-8 input comes out unchanged, and a refusal names a line
 * within the input.
 */
#include "council.h"
#include "document.h"
#include "fuzz_common.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *d = (const char *)data, *enc = NULL;
	char *out = NULL, cs[40];
	size_t len = 0, lines = 1, i;
	doc_result r;
	int rc;

	memset(&r, 0, sizeof r);
	rc = doc_decode_text(&r, &out, &len, &enc, d, size);
	if (rc != COUNCIL_OK) {
		FUZZ_CHECK(rc == COUNCIL_EPARSE || rc == COUNCIL_ENOMEM);
		FUZZ_CHECK(out == NULL);
		for (i = 0; i < size; i++)
			lines += d[i] == '\n';
		FUZZ_CHECK(r.line == 0 || (r.line >= 1 && (size_t)r.line <= lines));
		return 0;
	}
	FUZZ_CHECK(out != NULL && enc != NULL);
	FUZZ_CHECK(utf8_valid(out, len));
	if (utf8_valid(d, size) && strncmp(enc, "UTF-8", 5) == 0) {
		/* UTF-8 stays byte for byte what it was */
		FUZZ_CHECK(len == size && memcmp(out, d, size) == 0);
	} else {
		FUZZ_CHECK(memchr(out, '\0', len) == NULL);
	}
	free(out);
	if (doc_html_charset(cs, sizeof cs, d, size))
		FUZZ_CHECK(strlen(cs) > 0 && strlen(cs) < sizeof cs);
	return 0;
}
