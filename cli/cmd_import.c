/* SPDX-License-Identifier: MIT */
/*
 * cmd_import.c -- `council import [--dry-run] FILE...`: reports (documents,
 * plain text) or reviewed extractions (JSON) into the registry, each file stored
 * entirely or not at all, with a summary row per file.  Extraction,
 * threads, batches and loading are the library's (council_import_files);
 * this file prints and counts.
 */
#include <errno.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char help[] =
	"Usage: council import [--dry-run [--show-text]] [--overwrite-reviewed]\n"
	"                      [--council COUNCIL] [--year YEAR]\n"
	"                      [--jobs N] [--batch N] [--files-from LIST] [FILE...]\n"
	"\n"
	"Reads each FILE, a report or a reviewed extraction in JSON\n"
	"(libcouncil-extraction/1, recognised by its leading '{'), and stores\n"
	"what it says: council, members, meetings, figures, plan, measures, events\n"
	"and legal acts.  Each file is stored entirely or not at all.\n"
	"\n"
	"A report may be a Word .docx, an OpenDocument .odt, an HTML page, a PDF\n"
	"with a text layer (read with pdftotext from poppler-utils), a Word 97\n"
	".doc (with antiword), Markdown or plain text in UTF-8, UTF-16,\n"
	"Windows-1257 or ISO-8859-13: the format is found from the file's content,\n"
	"not its name.  Spreadsheets, images, archives, encrypted documents and\n"
	"scanned PDFs without text are refused, saying what the file is.\n"
	"\n"
	"A document is known by its path made absolute and resolved: /abs/x.txt,\n"
	"./x.txt and x.txt are one.  Importing the same bytes again changes nothing\n"
	"('unchanged'; from another path, that path is recorded as another name of\n"
	"the document).  A changed file at a known path updates the records its\n"
	"earlier version stated, in place: they keep their ids, new ones are added,\n"
	"and those it no longer states are removed unless another document states\n"
	"them ('replaced').  A reviewed JSON whose source is a known document is a\n"
	"review of it ('reviewed'): its records are corrected in place and the\n"
	"corrected values marked as a person's.  Values a person set -- by a review\n"
	"or by hand (add, edit, SQL) -- are kept when a later import disagrees, and\n"
	"each disagreement is printed.\n"
	"\n"
	"Prints one row per file (file, status, council, year, the records of each\n"
	"kind the document states, error, then how many records were new, updated\n"
	"or removed, reviewed values kept and warnings) and, on standard error, one\n"
	"line per kept value and warning (the same member twice, a date twice,\n"
	"figures that disagree, a council's size against its seats ...) and\n"
	"'N succeeded, M failed'.  Exits 1 when any file failed; the other files\n"
	"are stored all the same.\n"
	"\n"
	"Files are extracted on several threads and committed in batches; a row\n"
	"is printed once its batch is on disk.  An interrupted import loses at most\n"
	"the batch in progress: run it again and the files already stored are\n"
	"'unchanged'.\n"
	"\n"
	"Options:\n"
	"  --dry-run     store nothing; print what would be extracted from each file\n"
	"                as reviewable JSON (one document per file), to check it or\n"
	"                to correct it and import the corrected JSON instead; with\n"
	"                the ids of the records stored already, when the database\n"
	"                exists\n"
	"  --show-text   with --dry-run: print instead the text the importer read\n"
	"                from each document, its lines numbered as the extraction's\n"
	"                spans number them (and for a PDF, where each page starts)\n"
	"  --overwrite-reviewed\n"
	"                replace values a person set with the document's, instead\n"
	"                of keeping them, and store again records a person removed;\n"
	"                says how many\n"
	"  --council COUNCIL\n"
	"                the council the files are about (id or name, as elsewhere),\n"
	"                for documents that do not name it; a file naming another\n"
	"                council is refused and nothing of it stored\n"
	"  --year YEAR   the year the files report on, where a title names none\n"
	"                (dates without a year take it too); a file whose title\n"
	"                names another year is refused\n"
	"  --jobs N      threads, the storing one included (default: one per CPU)\n"
	"  --batch N     files per transaction (default 100; 1 = commit every file)\n"
	"  --files-from LIST\n"
	"                also import the files named in LIST, one path per line\n"
	"                ('-' reads standard input), after the FILEs; for more files\n"
	"                than a command line holds\n"
	"\n"
	"Examples:\n"
	"  council import reports/*.txt\n"
	"  council import --dry-run report.txt > report.json   # review, edit, then:\n"
	"  council import report.json\n"
	"  council import --council 'Akmenės r. BO' --year 2024 protokolas.txt\n";

/* The columns after "error" came with stable record ids (schema 4): added
 * at the end, so readers of the older columns read on unchanged. */
static const char *const cols[] = {
	"file", "status", "council", "year", "meetings", "events", "members", "measures",
	"figures", "acts", "error", "new", "updated", "removed", "kept_reviewed", "warnings"
};
#define NCOLS (sizeof cols / sizeof cols[0])

static const char *status_name(council_import_status s)
{
	switch (s) {
	case COUNCIL_IMPORT_STORED: return "stored";
	case COUNCIL_IMPORT_UNCHANGED: return "unchanged";
	case COUNCIL_IMPORT_REPLACED: return "replaced";
	case COUNCIL_IMPORT_REVIEWED: return "reviewed";
	}
	return "stored";
}

/* "council: PATH: why", unless the library's message already starts with
 * the path (extraction errors say "path:line: why"). */
static void report_failure(const char *path, const char *msg, int rc)
{
	if (!msg || !*msg)
		msg = council_strerror(rc);
	if (strncmp(msg, path, strlen(path)) == 0)
		cli_error(cli_exit_for(rc), "%s", msg);
	else
		cli_error(cli_exit_for(rc), "%s: %s", path, msg);
}

/* The text read from a document, a line number before each line as the
 * spans' "line" counts them, and a PDF's page starts marked on lines of
 * their own (unnumbered, so the numbers stay those of the text). */
static int show_text(const char *path, const char *data, size_t len)
{
	council_document doc;
	size_t i = 0, page = 0;
	int rc = council_document_read(&doc, data, len), line = 1;

	if (rc != COUNCIL_OK) {
		report_failure(path, doc.errmsg, rc);
		council_document_free(&doc);
		return cli_exit_for(rc);
	}
	printf("# %s: %s%s%s, %zu bytes of text\n", path, doc.format, doc.encoding ? ", " : "",
	       doc.encoding ? doc.encoding : "", doc.len);
	while (i < doc.len) {
		size_t e = i;
		while (page < doc.n_pages && doc.pages[page] <= i)
			printf("# --- page %zu ---\n", ++page);
		while (e < doc.len && doc.text[e] != '\n')
			e++;
		printf("%5d  %.*s\n", line++, (int)(e - i), doc.text + i);
		i = e + 1;
	}
	council_document_free(&doc);
	return CLI_OK;
}

/* The registry a dry run matches ids against: the database when there is
 * one (opened read-only, never created); NULL when there is none, or it
 * cannot be read as it is (then said once, and the JSON has no ids). */
static council_db *dry_run_db(cli_ctx *ctx)
{
	council_db *db = NULL;
	struct stat st;

	if (cli_resolve_path(ctx) != CLI_OK || stat(ctx->db_path, &st) != 0)
		return NULL;
	if (council_open(&db, ctx->db_path, COUNCIL_OPEN_READONLY) != COUNCIL_OK) {
		fprintf(stderr, "council: %s: records not matched to ids: %s\n", ctx->db_path,
		        council_errmsg(db));
		council_close(db);
		return NULL;
	}
	return db;
}

static int dry_run(cli_ctx *ctx, council_db *db, const char *path, int text,
                   const council_import_target *t)
{
	council_extraction *x = NULL;
	char *data, *json = NULL;
	size_t len;
	int rc;

	if ((rc = cli_read_file(path, &data, &len)) != CLI_OK)
		return rc;
	if (text) {
		rc = show_text(path, data, len);
		free(data);
		return rc;
	}
	rc = council_import_parse_target(&x, ctx->db, path, data, len, t);
	/* The stored records' ids, so that a review of this JSON keeps them
	 * even where it corrects a date. */
	if (rc == COUNCIL_OK && db)
		rc = council_extraction_match_ids(x, db);
	if (rc == COUNCIL_OK)
		rc = council_extraction_to_json(&json, x);
	if (rc != COUNCIL_OK) {
		report_failure(path, x ? council_extraction_errmsg(x)
		                       : ctx->db ? council_errmsg(ctx->db) : NULL, rc);
		rc = cli_exit_for(rc);
	} else {
		size_t n = strlen(json);
		fputs(json, stdout);
		if (n == 0 || json[n - 1] != '\n')
			putchar('\n');
		rc = CLI_OK;
	}
	council_free(json);
	council_extraction_free(x);
	free(data);
	return rc;
}

/* What the callback of council_import_files needs. */
typedef struct import_state {
	out_writer *w;
	size_t ok, failed;
	int quiet;               /* --quiet: no notes either */
	unsigned flags;          /* COUNCIL_IMPORT_* */
	const council_import_target *target; /* --council, --year */
} import_state;

static void print_report(void *ctx, const council_import_report *r)
{
	import_state *st = ctx;
	out_writer *w = st->w;

	if (r->rc != COUNCIL_OK) {
		report_failure(r->path, r->errmsg, r->rc);
		st->failed++;
		if (w) {
			out_text(w, r->path);
			out_text(w, "failed");
			out_null(w); out_null(w); out_null(w); out_null(w);
			out_null(w); out_null(w); out_null(w); out_null(w);
			out_text(w, r->errmsg);
			out_null(w); out_null(w); out_null(w); out_null(w); out_null(w);
			out_row_end(w);
		}
		return;
	}
	st->ok++;
	if (r->notes && !st->quiet) {
		size_t i;
		for (i = 0; i < r->notes->n_messages; i++)
			fprintf(stderr, "council: %s: %s\n", r->path, r->notes->messages[i]);
		if (r->notes->overwritten_reviewed)
			fprintf(stderr, "council: %s: replaced %lld reviewed value%s "
			        "(--overwrite-reviewed)\n", r->path,
			        (long long)r->notes->overwritten_reviewed,
			        r->notes->overwritten_reviewed == 1 ? "" : "s");
	}
	if (w) {
		const council_import_result *res = &r->result;
		const council_import_notes *n = r->notes;
		out_text(w, r->path);
		out_text(w, status_name(res->status));
		out_text(w, res->council[0] ? res->council : NULL);
		out_opt_int(w, res->year);
		out_int(w, res->meetings);
		out_int(w, res->events);
		out_int(w, res->members);
		out_int(w, res->measures);
		out_int(w, res->figures);
		out_int(w, res->acts);
		out_null(w);
		out_int(w, n ? n->stored : 0);
		out_int(w, n ? n->updated : 0);
		out_int(w, n ? n->removed : 0);
		out_int(w, n ? n->kept_reviewed : 0);
		out_int(w, n ? n->warnings : 0);
		out_row_end(w);
	}
}

/* Paths read from a --files-from list at a time: the list is streamed, so
 * memory does not grow with it however long it is. */
#define LIST_CHUNK 1000

/* Reads up to max lines of f into paths (heap strings, without the line
 * ends; empty lines skipped).  Returns how many; *line counts lines read. */
static size_t read_list(FILE *f, char **paths, size_t max, size_t *line)
{
	char *buf = NULL;
	size_t cap = 0, n = 0;
	ssize_t got;

	while (n < max && (got = getline(&buf, &cap, f)) > 0) {
		(*line)++;
		while (got > 0 && (buf[got - 1] == '\n' || buf[got - 1] == '\r'))
			buf[--got] = '\0';
		if (got == 0)
			continue;
		paths[n++] = cli_strdup(buf);
	}
	free(buf);
	return n;
}

/* Imports the files named in the list f (read from path), chunk by chunk. */
static int import_list(cli_ctx *ctx, FILE *f, const char *path, const council_import_options *opt,
                       import_state *st)
{
	char **paths = cli_alloc(LIST_CHUNK * sizeof *paths);
	size_t n, i, line = 0;
	int rc = CLI_OK;

	while ((n = read_list(f, paths, LIST_CHUNK, &line)) > 0) {
		size_t failed_before = st->failed;
		int irc = council_import_files_target(ctx->db, (const char *const *)paths, n, opt,
		                                      st->flags, st->target, print_report, st);
		for (i = 0; i < n; i++)
			free(paths[i]);
		/* A failure no file was blamed for is the import's own. */
		if (irc != COUNCIL_OK && st->failed == failed_before) {
			rc = cli_error(cli_exit_for(irc), "import: %s", council_errmsg(ctx->db));
			break;
		}
	}
	if (rc == CLI_OK && ferror(f))
		rc = cli_error(CLI_EDB, "%s: read error after line %zu", path, line);
	free(paths);
	return rc;
}

/* The FILEs, then the files of the list; the table written as it goes. */
static int import_all(cli_ctx *ctx, cli_args *a, FILE *list, const char *list_path,
                      const council_import_options *opt, import_state *st)
{
	int rc = a->n_pos ? council_import_files_target(ctx->db, (const char *const *)a->pos,
	                                                a->n_pos, opt, st->flags, st->target,
	                                                print_report, st)
	                  : COUNCIL_OK;

	/* Every file was reported through print_report; a status without a
	 * failed file is the import's own (out of memory). */
	if (rc != COUNCIL_OK && st->failed == 0)
		return cli_error(cli_exit_for(rc), "import: %s", council_errmsg(ctx->db));
	if (list && (rc = import_list(ctx, list, list_path, opt, st)) != CLI_OK)
		return rc;
	return st->w ? cli_writer_end(ctx, st->w) : CLI_OK;
}

static int run(cli_ctx *ctx, cli_args *a)
{
	import_state st = { NULL, 0, 0, 0, 0, NULL };
	council_import_options opt = { 0, 0 };
	council_import_target target = { 0, 0 };
	int64_t v;
	size_t i;
	int rc;

	if (cli_str(a, "jobs")) {
		if ((rc = cli_parse_int64(ctx, "--jobs", cli_str(a, "jobs"), 1, 64, &v)) != CLI_OK)
			return rc;
		opt.jobs = (unsigned)v;
	}
	if (cli_str(a, "batch")) {
		if ((rc = cli_parse_int64(ctx, "--batch", cli_str(a, "batch"), 1, 100000, &v)) != CLI_OK)
			return rc;
		opt.batch = (unsigned)v;
	}
	st.quiet = ctx->quiet;
	if (cli_has(a, "overwrite-reviewed"))
		st.flags |= COUNCIL_IMPORT_OVERWRITE_REVIEWED;
	if (a->n_pos == 0 && !cli_str(a, "files-from"))
		return cli_usage(ctx, "no files to import: give FILEs or --files-from LIST");
	if (cli_has(a, "show-text") && !cli_has(a, "dry-run"))
		return cli_usage(ctx, "--show-text goes with --dry-run");
	if (cli_str(a, "year") &&
	    (rc = cli_parse_int64(ctx, "--year", cli_str(a, "year"), 1990, 2100, &v)) != CLI_OK)
		return rc;
	if (cli_str(a, "year"))
		target.year = (int)v;
	st.target = &target;
	if (cli_has(a, "dry-run")) {
		if (cli_str(a, "files-from"))
			return cli_usage(ctx, "--dry-run takes FILEs, not --files-from");
		council_db *db = NULL;
		/* --council names a council of the registry: read, never made. */
		if (cli_str(a, "council") && ((rc = cli_open(ctx, CLI_DB_READ)) != CLI_OK ||
		    (rc = cli_set_council(ctx, a, "council", &target.council_id)) != CLI_OK))
			return rc;
		if (!cli_has(a, "show-text"))
			db = ctx->db ? ctx->db : dry_run_db(ctx);
		for (i = 0; i < a->n_pos; i++) {
			if (dry_run(ctx, db, a->pos[i], cli_has(a, "show-text"), &target) == CLI_OK)
				st.ok++;
			else
				st.failed++;
		}
		if (db != ctx->db)
			council_close(db);
	} else {
		const char *list_path = cli_str(a, "files-from");
		FILE *list = NULL;

		/* The list is opened first: a wrong path is an error before any
		 * output or database. */
		if (list_path && !(list = strcmp(list_path, "-") == 0 ? stdin : fopen(list_path, "r")))
			return cli_error(errno == ENOENT ? CLI_ENOTFOUND : CLI_EDB, "%s: %s", list_path,
			                 strerror(errno));
		rc = cli_open(ctx, CLI_DB_WRITE);
		if (rc == CLI_OK && cli_str(a, "council"))
			rc = cli_set_council(ctx, a, "council", &target.council_id);
		if (rc == CLI_OK && !ctx->quiet && !(st.w = cli_writer(ctx, 0, cols, NCOLS)))
			rc = CLI_EDB;
		if (rc == CLI_OK)
			rc = import_all(ctx, a, list, list_path, &opt, &st);
		if (list && list != stdin)
			fclose(list);
		if (rc != CLI_OK)
			return rc;
	}
	if (!ctx->quiet)
		fprintf(stderr, "%zu succeeded, %zu failed\n", st.ok, st.failed);
	return st.failed ? CLI_EPARTIAL : CLI_OK;
}

static const cli_opt opts[] = {
	{ "dry-run", CLI_FLAG }, { "show-text", CLI_FLAG }, { "overwrite-reviewed", CLI_FLAG },
	{ "jobs", CLI_VALUE }, { "batch", CLI_VALUE },
	{ "files-from", CLI_VALUE }, { "council", CLI_VALUE }, { "year", CLI_VALUE }, { NULL, 0 }
};

/* The database is opened in run: a dry run must not create one. */
static const cli_cmd cmd = {
	"import", run, opts, 0, -1, CLI_DB_NONE,
	"read reports (documents, text or reviewed JSON) into the registry", help
};

int cmd_import(cli_ctx *ctx, int argc, char **argv)
{
	return cli_run(ctx, "import", &cmd, argc, argv);
}
