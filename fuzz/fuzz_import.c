/* SPDX-License-Identifier: MIT */
/*
 * fuzz_import.c -- the whole report pipeline from raw bytes: extract
 * (council_import_parse), write the reviewable JSON, read it back
 * (council_import_parse_json) and check the round trip is stable, then
 * load both extractions into an in-memory database inside a transaction
 * that is rolled back, so every input starts from the same empty registry.
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

/* A load may refuse what the extraction holds (a value the schema rejects)
 * but must say so with an ordinary status, never a misuse or an internal
 * error, and must leave no transaction half open. */
static void load(const council_extraction *x, const char *sha)
{
	council_import_result res;
	int rc;

	FUZZ_CHECK(council_begin(db) == COUNCIL_OK);
	rc = council_import_load(&res, db, x, sha);
	FUZZ_CHECK(rc == COUNCIL_OK || rc == COUNCIL_EINVAL || rc == COUNCIL_ECONSTRAINT ||
	           rc == COUNCIL_EEXISTS || rc == COUNCIL_ENOTFOUND);
	FUZZ_CHECK(rc == COUNCIL_OK || council_errmsg(db)[0] != '\0');
	FUZZ_CHECK(council_rollback(db) == COUNCIL_OK);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	council_extraction *x = NULL, *y = NULL;
	char *json = NULL, *json2 = NULL, sha[65];
	int rc;

	rc = council_import_parse(&x, "fuzz.txt", (const char *)data, size);
	FUZZ_CHECK(council_extraction_errmsg(x) != NULL);
	if (rc != COUNCIL_OK) {
		/* A refused report says why, naming the document. */
		FUZZ_CHECK(rc == COUNCIL_EPARSE || rc == COUNCIL_EINVAL);
		FUZZ_CHECK(strncmp(council_extraction_errmsg(x), "fuzz.txt", 8) == 0);
		council_extraction_free(x);
		return 0;
	}
	FUZZ_CHECK(council_extraction_to_json(&json, x) == COUNCIL_OK);
	rc = council_import_parse_json(&y, "fuzz.txt", json, strlen(json));
	if (rc != COUNCIL_OK)
		fprintf(stderr, "round trip refused: %s\n", council_extraction_errmsg(y));
	FUZZ_CHECK(rc == COUNCIL_OK);
	FUZZ_CHECK(council_extraction_to_json(&json2, y) == COUNCIL_OK);
	/* What a reviewer saves unchanged must read back as the same thing. */
	FUZZ_CHECK(strcmp(json, json2) == 0);

	council_sha256_hex(sha, data, size);
	load(x, sha);
	load(y, sha);

	council_free(json);
	council_free(json2);
	council_extraction_free(x);
	council_extraction_free(y);
	return 0;
}
