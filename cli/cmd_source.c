/* SPDX-License-Identifier: MIT */
/*
 * cmd_source.c -- `council source add|list|show|edit|remove`: the documents
 * records were taken from.  `council import` creates them itself; these
 * commands are for documents entered by hand and for looking around.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char group_help[] =
	"Usage: council source SUBCOMMAND [ARGS...]\n"
	"\n"
	"Source documents: reports, plans, protocols or web pages the registry was\n"
	"filled from.  Records name theirs with --source ID; removing a source\n"
	"removes every record taken from it that no other document states (its\n"
	"councils are kept).  SOURCE is an id or the document's path, spelled any\n"
	"way (relative, absolute) or by another name of it.\n";

#define FIELD_HELP \
	"  --path PATH           where the document is (file path or URL), unique\n" \
	"  --sha256 HEX          SHA-256 of its bytes; computed from PATH when it is\n" \
	"                        a readable file and this option is left out\n" \
	"  --kind KIND           annual_report, plan_report, protocol, page or other\n" \
	"  --report-year YEAR    the year the report is about\n" \
	"  --doc-number NUMBER   the document's own number, e.g. B28-2-1\n" \
	"  --doc-date DATE       the document's date (a full date: 2022-02-18)\n"

static const char add_help[] =
	"Usage: council source add --path PATH [OPTIONS]\n"
	"\n"
	"Adds a source document and prints its id.\n"
	"\n"
	"Options:\n"
	FIELD_HELP
	"\n"
	"Example:\n"
	"  council source add --path reports/kaunas-2021.txt --kind annual_report \\\n"
	"      --report-year 2021 --doc-number B28-2-1 --doc-date 2022-02-18\n";

static const char list_help[] =
	"Usage: council source list [--council COUNCIL] [--year YEAR] [--limit N]\n"
	"\n"
	"Lists source documents in the order they were added.\n"
	"\n"
	"Options:\n"
	"  --council COUNCIL  documents about this council (id or name part): the\n"
	"                     council a document names, or the one `import --council`\n"
	"                     gave it\n"
	"  --year YEAR        documents reporting on this year\n"
	"  --limit N          at most N documents\n"
	"\n"
	"Example:\n"
	"  council source list --council akmenes --year 2024\n";

static const char show_help[] =
	"Usage: council source show SOURCE\n"
	"\n"
	"Shows one source document, given by id or by its path (any spelling).\n";

static const char edit_help[] =
	"Usage: council source edit SOURCE [OPTIONS]\n"
	"\n"
	"Changes the fields given and keeps the others; '' makes an optional field\n"
	"unknown.  SOURCE is an id or the document's path (any spelling).\n"
	"\n"
	"Options:\n"
	FIELD_HELP;

static const char remove_help[] =
	"Usage: council source remove SOURCE\n"
	"\n"
	"Removes a source document and every record taken from it that no other\n"
	"document states; a record another document states too stays, and that\n"
	"document becomes its source.  Councils are kept, no longer linked to it.\n"
	"SOURCE is an id or the document's path (any spelling of it, or another\n"
	"name of the same bytes).\n";

#define FIELDS(req) \
	{ "path", CLI_VALUE | (req) }, { "sha256", CLI_VALUE }, { "kind", CLI_VALUE }, \
	{ "report-year", CLI_VALUE }, { "doc-number", CLI_VALUE }, { "doc-date", CLI_VALUE }

static const cli_opt add_opts[] = { FIELDS(CLI_REQUIRED), { NULL, 0 } };
static const cli_opt edit_opts[] = { FIELDS(0), { NULL, 0 } };
static const cli_opt list_opts[] = {
	{ "council", CLI_VALUE }, { "year", CLI_VALUE }, { "limit", CLI_VALUE }, { NULL, 0 }
};
static const cli_opt no_opts[] = { { NULL, 0 } };

static const char *const cols[] = {
	"id", "path", "sha256", "kind", "report_year", "doc_number", "doc_date", "imported_at"
};
#define NCOLS (sizeof cols / sizeof cols[0])

static void emit(cli_ctx *ctx, out_writer *w, const void *vr)
{
	const council_source *r = vr;

	(void)ctx;
	out_int(w, r->id);
	out_text(w, r->path);
	out_text(w, r->sha256);
	out_enum(w, COUNCIL_ENUM_SOURCE_KIND, (int)r->kind);
	out_opt_int(w, r->report_year);
	out_text(w, r->doc_number);
	out_date(w, &r->doc_date);
	out_text(w, r->imported_at);
}

static int apply(cli_ctx *ctx, const cli_args *a, void *vr)
{
	council_source *r = vr;
	int kind = (int)r->kind, rc;

	if ((rc = cli_set_text(ctx, a, "path", &r->path)) ||
	    (rc = cli_set_text(ctx, a, "sha256", &r->sha256)) ||
	    (rc = cli_set_enum(ctx, a, "kind", COUNCIL_ENUM_SOURCE_KIND, &kind)) ||
	    (rc = cli_set_int(ctx, a, "report-year", &r->report_year)) ||
	    (rc = cli_set_text(ctx, a, "doc-number", &r->doc_number)) ||
	    (rc = cli_set_date(ctx, a, "doc-date", &r->doc_date)))
		return rc;
	r->kind = (council_source_kind)kind;
	return CLI_OK;
}

/* A source given by id, or else by its exact path. */
static int find(void **out, cli_ctx *ctx, const cli_args *a)
{
	const char *spec = a->pos[0];
	council_source *r = NULL;
	council_id id;
	int rc;

	if (spec[0] && strspn(spec, "0123456789") == strlen(spec)) {
		if ((rc = cli_parse_id(ctx, "source id", spec, &id)) != CLI_OK)
			return rc;
		rc = council_source_get(&r, ctx->db, id);
	} else {
		rc = council_source_find(&r, ctx->db, spec);
	}
	*out = r;
	return rc == COUNCIL_OK ? CLI_OK : cli_fail(ctx, rc);
}

/* add without --sha256: identify the document by its bytes, as `council
 * import` does. */
static int complete(cli_ctx *ctx, void *vr)
{
	council_source *r = vr;
	char *data, hex[65];
	size_t len;
	int rc;

	(void)ctx;
	if (r->sha256)
		return CLI_OK;
	if ((rc = cli_read_file(r->path, &data, &len)) != CLI_OK) {
		fputs("council: give --sha256 for a document that is not a local file\n", stderr);
		return rc;
	}
	council_sha256_hex(hex, data, len);
	free(data);
	r->sha256 = cli_strdup(hex);
	return CLI_OK;
}

static int run_remove(cli_ctx *ctx, cli_args *a)
{
	void *r;
	int rc;

	if ((rc = find(&r, ctx, a)) != CLI_OK)
		return rc;
	if ((rc = council_source_delete(ctx->db, ((council_source *)r)->id)) != COUNCIL_OK)
		rc = cli_fail(ctx, rc);
	council_source_free(r);
	return rc;
}

CLI_RECORD_OPS(source);

static const cli_cmd subs[] = {
	{ "add", cli_record_add, add_opts, 0, 0, CLI_DB_WRITE, "add a source document", add_help },
	{ "list", cli_record_list, list_opts, 0, 0, CLI_DB_READ, "list source documents",
	  list_help },
	{ "show", cli_record_show, no_opts, 1, 1, CLI_DB_READ, "show one source document",
	  show_help },
	{ "edit", cli_record_edit, edit_opts, 1, 1, CLI_DB_WRITE, "change fields of a source",
	  edit_help },
	{ "remove", run_remove, no_opts, 1, 1, CLI_DB_WRITE,
	  "remove a source and the records taken from it", remove_help },
};

static const cli_record record = {
	.name = "source", .help = group_help, .subs = subs, .n_subs = sizeof subs / sizeof subs[0],
	.ops = &source_ops, .cols = cols, .ncols = NCOLS, .emit = emit, .apply = apply,
	.list = CLI_LIST_COUNCIL | CLI_LIST_YEAR | CLI_LIST_LIMIT, .find = find,
	.complete = complete,
};

int cmd_source(cli_ctx *ctx, int argc, char **argv)
{
	return cli_record_run(ctx, &record, argc, argv);
}
