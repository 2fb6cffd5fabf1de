/* SPDX-License-Identifier: MIT */
/*
 * fuzz_json.c -- the reviewed-extraction JSON format as a person may have
 * edited it: council_import_parse_json on raw bytes; what it accepts must
 * write back out, read again to the same JSON, and load (or be refused
 * with an ordinary status) in a rolled-back transaction.
 */
#include "council.h"
#include "fuzz_common.h"

static council_db *db;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (council_open(&db, ":memory:", 0) != COUNCIL_OK)
		abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	council_extraction *x = NULL, *y = NULL;
	council_import_result res;
	char *json = NULL, *json2 = NULL, sha[65];
	int rc;

	rc = council_import_parse_json(&x, "fuzz.json", (const char *)data, size);
	FUZZ_CHECK(council_extraction_errmsg(x) != NULL);
	if (rc != COUNCIL_OK) {
		FUZZ_CHECK(council_extraction_errmsg(x)[0] != '\0');
		council_extraction_free(x);
		return 0;
	}
	FUZZ_CHECK(council_extraction_to_json(&json, x) == COUNCIL_OK);
	rc = council_import_parse_json(&y, "fuzz.json", json, strlen(json));
	if (rc != COUNCIL_OK)
		fprintf(stderr, "re-read refused: %s\n", council_extraction_errmsg(y));
	FUZZ_CHECK(rc == COUNCIL_OK);
	FUZZ_CHECK(council_extraction_to_json(&json2, y) == COUNCIL_OK);
	FUZZ_CHECK(strcmp(json, json2) == 0);

	council_sha256_hex(sha, data, size);
	FUZZ_CHECK(council_begin(db) == COUNCIL_OK);
	rc = council_import_load(&res, db, x, sha);
	FUZZ_CHECK(rc == COUNCIL_OK || rc == COUNCIL_EINVAL || rc == COUNCIL_ECONSTRAINT ||
	           rc == COUNCIL_EEXISTS || rc == COUNCIL_ENOTFOUND);
	FUZZ_CHECK(rc == COUNCIL_OK || council_errmsg(db)[0] != '\0');
	FUZZ_CHECK(council_rollback(db) == COUNCIL_OK);

	council_free(json);
	council_free(json2);
	council_extraction_free(x);
	council_extraction_free(y);
	return 0;
}
