/* SPDX-License-Identifier: MIT */
/*
 * fuzz_document.c -- the document stage on arbitrary bytes: format
 * detection, the ZIP containers with their XML (.docx, .odt), HTML, the
 * text encodings, and the rebuilding of pdftotext's layout text (inputs
 * starting with "L:" go there directly, as if pdftotext had printed the
 * rest).  What comes out must be valid UTF-8 within the report limit,
 * without NUL bytes unless it is the input's own UTF-8, and the report pipeline must take it.  PDFs themselves and
 * Word 97 files are not run here: their bytes go to other programs
 * (pdftotext, antiword), which are fuzzed by their own projects.
 */
#include "council.h"
#include "document.h"
#include "fuzz_common.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int spawns(const uint8_t *d, size_t n)
{
	size_t i;

	for (i = 0; i + 5 <= n && i < 1024; i++)
		if (memcmp(d + i, "%PDF-", 5) == 0)
			return 1;
	return n >= 8 && memcmp(d, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	council_extraction *x = NULL;
	doc_result r;
	int rc;

	if (size >= 2 && data[0] == 'L' && data[1] == ':') {
		/* doc_pdf_read hands on only UTF-8 without NUL bytes */
		if (!utf8_valid((const char *)data + 2, size - 2) || memchr(data + 2, '\0', size - 2))
			return 0;
		memset(&r, 0, sizeof r);
		rc = doc_pdf_layout(&r, (const char *)data + 2, size - 2);
	} else {
		if (spawns(data, size))
			return 0;
		rc = doc_read(&r, (const char *)data, size);
	}
	if (rc != COUNCIL_OK) {
		FUZZ_CHECK(r.why[0] != '\0' || rc == COUNCIL_ENOMEM);
		FUZZ_CHECK(r.text == NULL);
		doc_result_free(&r);
		return 0;
	}
	FUZZ_CHECK(r.text != NULL);
	/* UTF-8 text is passed on as it came, NUL bytes and all, for
	 * council_import_parse to name; everything converted has none */
	FUZZ_CHECK(r.passthrough || strlen(r.text) == r.len);
	FUZZ_CHECK(r.len <= COUNCIL_IMPORT_MAX_BYTES);
	FUZZ_CHECK(utf8_valid(r.text, r.len));
	for (size_t i = 0; i < r.n_pages; i++)
		FUZZ_CHECK(r.pages[i] <= r.len && (i == 0 || r.pages[i] >= r.pages[i - 1]));
	/* the text goes on through the pipeline without surprises */
	if (r.len && r.len < 16384) {
		rc = council_import_parse(&x, "fuzz.docx", r.text, r.len);
		FUZZ_CHECK(rc == COUNCIL_OK || rc == COUNCIL_EPARSE || rc == COUNCIL_EINVAL);
		council_extraction_free(x);
	}
	doc_result_free(&r);
	return 0;
}
