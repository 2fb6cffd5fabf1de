/* SPDX-License-Identifier: MIT */
/*
 * context.c -- the tool's run-time context: which database to use and how
 * to open it, the mapping from library status codes to exit codes, error
 * messages on stderr, and councils named by id or by part of their name.
 * Argument parsing is in args.c, printing rows in output.c.
 */
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "cli.h"

void *cli_alloc(size_t n)
{
	void *p = calloc(1, n ? n : 1);

	if (!p)
		exit(cli_error(CLI_EDB, "out of memory"));
	return p;
}

char *cli_strdup(const char *s)
{
	char *d;
	size_t n;

	if (!s)
		return NULL;
	n = strlen(s) + 1;
	d = cli_alloc(n);
	memcpy(d, s, n);
	return d;
}

int cli_error(int code, const char *fmt, ...)
{
	va_list ap;

	fputs("council: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return code;
}

int cli_usage(const cli_ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	const char *cmd = ctx && ctx->command ? ctx->command : NULL;

	fputs("council: ", stderr);
	if (cmd)
		fprintf(stderr, "%s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'council %s%s--help' for more information.\n",
	        cmd ? cmd : "", cmd ? " " : "");
	return CLI_EUSAGE;
}

int cli_exit_for(int rc)
{
	switch (rc) {
	case COUNCIL_OK:
		return CLI_OK;
	case COUNCIL_ENOTFOUND:
		return CLI_ENOTFOUND;
	case COUNCIL_EINVAL: case COUNCIL_ECONSTRAINT: case COUNCIL_EEXISTS:
	case COUNCIL_EHASCHILDREN: case COUNCIL_EPARSE:
		return CLI_EINVALID;
	default:
		/* EIO, EBUSY, ECORRUPT, ENEWER, EREADONLY, ENOMEM, EMISUSE, ERROR
		 * and any code added later: the database or the system failed. */
		return CLI_EDB;
	}
}

int cli_fail(cli_ctx *ctx, int rc)
{
	const char *msg = ctx->db ? council_errmsg(ctx->db) : "";

	if (!msg || !*msg)
		msg = council_strerror(rc);
	return cli_error(cli_exit_for(rc), "%s", msg);
}

int cli_read_file(const char *path, char **data, size_t *len)
{
	/* O_NONBLOCK so that a FIFO cannot hang the open; like the library's
	 * import, only regular files are read. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	FILE *fp = NULL;
	struct stat st;
	char *buf = NULL;
	size_t n = 0, cap = 0;

	*data = NULL;
	*len = 0;
	if (fd >= 0 && (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))) {
		close(fd);
		return cli_error(CLI_EDB, "%s: not a regular file", path);
	}
	if (fd < 0 || !(fp = fdopen(fd, "rb"))) {
		int e = errno;
		if (fd >= 0)
			close(fd);
		return cli_error(e == ENOENT ? CLI_ENOTFOUND : CLI_EDB, "%s: %s", path, strerror(e));
	}
	for (;;) {
		size_t got;
		if (cap - n < 4096 + 1) {
			cap = cap ? cap * 2 : 65536;
			buf = realloc(buf, cap);
			if (!buf)
				exit(cli_error(CLI_EDB, "out of memory"));
		}
		got = fread(buf + n, 1, cap - n - 1, fp);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(fp)) {
		int e = errno;
		fclose(fp);
		free(buf);
		return cli_error(CLI_EDB, "%s: %s", path, strerror(e ? e : EIO));
	}
	fclose(fp);
	buf[n] = '\0';
	*data = buf;
	*len = n;
	return CLI_OK;
}

/* ---- the database ---------------------------------------------------------- */

/* $XDG_DATA_HOME/council/council.db, else ~/.local/share/council/council.db.
 * The XDG spec says a relative XDG_DATA_HOME is to be ignored. */
static char *default_path(void)
{
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	char *path;
	size_t n;

	if (xdg && xdg[0] == '/') {
		n = strlen(xdg) + sizeof "/council/council.db";
		path = cli_alloc(n);
		snprintf(path, n, "%s/council/council.db", xdg);
		return path;
	}
	if (!home || !*home) {
		struct passwd *pw = getpwuid(getuid());
		home = pw ? pw->pw_dir : NULL;
	}
	if (!home || !*home)
		return NULL;
	n = strlen(home) + sizeof "/.local/share/council/council.db";
	path = cli_alloc(n);
	snprintf(path, n, "%s/.local/share/council/council.db", home);
	return path;
}

/* mkdir -p of the directory part of path, each new directory 0700 as the
 * XDG spec asks for data directories. */
static int make_parent_dirs(const char *path)
{
	char *dir = cli_strdup(path), *p;

	p = strrchr(dir, '/');
	if (p)
		*p = '\0';
	for (p = dir + 1; ; p++) {
		if (*p == '/' || *p == '\0') {
			char c = *p;
			*p = '\0';
			if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
				int e = errno;
				cli_error(CLI_EDB, "%s: cannot create directory: %s", dir, strerror(e));
				free(dir);
				return CLI_EDB;
			}
			*p = c;
			if (c == '\0')
				break;
		}
	}
	free(dir);
	return CLI_OK;
}

int cli_resolve_path(cli_ctx *ctx)
{
	const char *env = getenv("COUNCIL_DB");

	if (ctx->db_path)
		return CLI_OK;
	if (ctx->db_option) {
		ctx->db_path = cli_strdup(ctx->db_option);
	} else if (env && *env) {
		ctx->db_path = cli_strdup(env);
	} else {
		ctx->db_path = default_path();
		ctx->default_path = 1;
		if (!ctx->db_path)
			return cli_error(CLI_EDB, "no database: give --db PATH or set COUNCIL_DB "
			                 "(neither XDG_DATA_HOME nor HOME is set)");
	}
	return CLI_OK;
}

int cli_open(cli_ctx *ctx, int mode)
{
	unsigned flags = 0;
	struct stat st;
	int rc;

	if (mode == CLI_DB_NONE || ctx->db)
		return CLI_OK;
	if ((rc = cli_resolve_path(ctx)) != CLI_OK)
		return rc;
	if (mode == CLI_DB_READ || mode == CLI_DB_READONLY) {
		/* Reading commands do not create a database: a mistyped --db should
		 * say so rather than answer from a new, empty registry. */
		if (strcmp(ctx->db_path, ":memory:") != 0 && stat(ctx->db_path, &st) != 0)
			return cli_error(CLI_ENOTFOUND, "%s: no database here (create one with "
			                 "'council init', or name another with --db)", ctx->db_path);
		flags = mode == CLI_DB_READONLY ? COUNCIL_OPEN_READONLY : COUNCIL_OPEN_NOCREATE;
	} else if (ctx->default_path && stat(ctx->db_path, &st) != 0) {
		if ((rc = make_parent_dirs(ctx->db_path)) != CLI_OK)
			return rc;
	}
	rc = council_open(&ctx->db, ctx->db_path, flags);
	if (rc != COUNCIL_OK) {
		int code = cli_fail(ctx, rc);
		council_close(ctx->db);
		ctx->db = NULL;
		return code;
	}
	/* The history tells edits made with the tool from a program's own. */
	if ((rc = council_origin_set(ctx->db, "cli")) != COUNCIL_OK)
		return cli_fail(ctx, rc);
	return CLI_OK;
}

void cli_close(cli_ctx *ctx)
{
	size_t i;

	council_close(ctx->db);
	ctx->db = NULL;
	free(ctx->db_path);
	ctx->db_path = NULL;
	for (i = 0; i < ctx->n_names; i++)
		free(ctx->names[i].name);
	free(ctx->names);
	ctx->names = NULL;
	ctx->n_names = 0;
	ctx->names_loaded = 0;
}

/* ---- output ------------------------------------------------------------- */

out_format cli_format(const cli_ctx *ctx)
{
	if (ctx->format >= 0)
		return (out_format)ctx->format;
	/* People read a terminal; programs read a pipe, and CSV is what
	 * spreadsheets and `cut`-style tools take without a second thought. */
	return isatty(STDOUT_FILENO) ? OUT_TABLE : OUT_CSV;
}

size_t cli_table_width(const cli_ctx *ctx)
{
	const char *env = getenv("COLUMNS");
	struct winsize ws;

	if (ctx->wide)
		return 0;
	/* COLUMNS first, as ls and git do: it is how a user (or a script that
	 * pipes a table on purpose) says how wide. */
	if (env && *env) {
		char *end;
		long n = strtol(env, &end, 10);
		if (*end == '\0' && n > 0 && n < 100000)
			return (size_t)n;
	}
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 0;
}

out_writer *cli_writer(cli_ctx *ctx, int vertical, const char *const *columns, size_t n)
{
	out_writer *w = out_begin(stdout, cli_format(ctx), vertical, columns, n);

	if (!w) {
		cli_error(CLI_EDB, "out of memory");
		return NULL;
	}
	if (cli_format(ctx) == OUT_TABLE)
		out_set_width(w, cli_table_width(ctx));
	if (ctx->columns) {
		const char *bad = out_select(w, ctx->columns);
		if (bad) {
			/* nothing is printed yet: a usage error, as for any option */
			int code = cli_usage(ctx, "--columns: %s", bad);
			out_end(w);
			exit(code);
		}
	}
	return w;
}

int cli_writer_end(cli_ctx *ctx, out_writer *w)
{
	(void)ctx;
	if (out_end(w) != 0)
		return cli_error(CLI_EDB, "standard output: %s", strerror(errno));
	return CLI_OK;
}

int cli_list_end(cli_list *l, int rc)
{
	if (rc != COUNCIL_OK) {
		out_end(l->w);
		return cli_fail(l->ctx, rc);
	}
	return cli_writer_end(l->ctx, l->w);
}

/* ---- councils by name ----------------------------------------------------- */

/* The abbreviations people write in council names, folded, with the words
 * they stand for: "Klaipėdos r. sav. BOT" is "Klaipėdos rajono savivaldybės
 * bendruomeninių organizacijų taryba".  Such a word matches the same word
 * in a name ("Šiaulių rajono NVO taryba") or every word it stands for, but
 * never as the start of a longer word: "m." is not "Marijampolės". */
static const struct abbreviation {
	const char *word;
	const char *means[3];
} abbreviations[] = {
	{ "r", { "rajono" } },
	{ "m", { "miesto" } },
	{ "sav", { "savivaldybes" } },
	{ "bo", { "bendruomeniniu", "organizaciju" } },
	{ "nvo", { "nevyriausybiniu", "organizaciju" } },
	{ "bot", { "bendruomeniniu", "organizaciju", "taryba" } },
	{ "nvot", { "nevyriausybiniu", "organizaciju", "taryba" } },
};

/* Splits folded text into words of letters and digits, in place; returns
 * how many (at most max). */
static size_t split_words(char *s, char **words, size_t max)
{
	size_t n = 0;

	while (*s) {
		while (*s && !((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		               (unsigned char)*s >= 0x80))
			s++;
		if (!*s)
			break;
		if (n < max)
			words[n++] = s;
		while ((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || (unsigned char)*s >= 0x80)
			s++;
		if (*s)
			*s++ = '\0';
	}
	return n;
}

static int has_word(char *const *words, size_t n, const char *w, int prefix)
{
	size_t i, len = strlen(w);

	for (i = 0; i < n; i++)
		if (prefix ? strncmp(words[i], w, len) == 0 : strcmp(words[i], w) == 0)
			return 1;
	return 0;
}

/* Whether every word of the folded spec is in the folded name: as the
 * start of one of its words, or for an abbreviation as itself or as all
 * the words it stands for. */
static int words_match(char *const *want, size_t nwant, char *const *have, size_t nhave)
{
	size_t i, k, j;

	for (i = 0; i < nwant; i++) {
		const struct abbreviation *ab = NULL;
		for (k = 0; k < sizeof abbreviations / sizeof abbreviations[0]; k++)
			if (strcmp(want[i], abbreviations[k].word) == 0)
				ab = &abbreviations[k];
		if (!ab) {
			if (!has_word(have, nhave, want[i], 1))
				return 0;
			continue;
		}
		if (has_word(have, nhave, want[i], 0))
			continue;
		for (j = 0; j < 3 && ab->means[j]; j++)
			if (!has_word(have, nhave, ab->means[j], 1))
				return 0;
	}
	return 1;
}

static char *folded(const char *s)
{
	char *f = NULL;

	if (council_text_fold(&f, s) == COUNCIL_ENOMEM)
		exit(cli_error(CLI_EDB, "out of memory"));
	return f; /* NULL for text that is not UTF-8 */
}

/* Word-by-word matching over every council's name.  Returns CLI_OK with
 * *out set (0 when nothing matched: the caller asks the library, whose
 * substring match is the older rule), or CLI_EUSAGE after listing the
 * candidates when several match. */
static int council_by_words(council_id *out, cli_ctx *ctx, const char *spec)
{
	char *want_text = folded(spec), *want[32], *have[64];
	size_t nwant, i, nmatch = 0;
	council_id *match;
	int rc = CLI_OK;

	*out = 0;
	if (!want_text)
		return CLI_OK;
	nwant = split_words(want_text, want, sizeof want / sizeof want[0]);
	cli_load_council_names(ctx);
	match = cli_alloc((ctx->n_names + 1) * sizeof *match);
	for (i = 0; i < ctx->n_names && nwant; i++) {
		char *name = folded(ctx->names[i].name);
		size_t nhave;
		if (!name)
			continue;
		nhave = split_words(name, have, sizeof have / sizeof have[0]);
		if (words_match(want, nwant, have, nhave))
			match[nmatch++] = ctx->names[i].id;
		free(name);
	}
	if (nmatch == 1) {
		*out = match[0];
	} else if (nmatch > 1) {
		/* The names come in Lithuanian order (council_list), so do the
		 * candidates. */
		fprintf(stderr, "council: council \"%s\" is ambiguous: ", spec);
		for (i = 0; i < nmatch; i++)
			fprintf(stderr, "%s%lld \"%s\"", i ? ", " : "", (long long)match[i],
			        cli_council_name(ctx, match[i]));
		fputs("\ncouncil: give the council's id or more of its name\n", stderr);
		rc = CLI_EUSAGE;
	}
	free(match);
	free(want_text);
	return rc;
}

int cli_council(council_id *out, cli_ctx *ctx, const char *spec)
{
	int rc;

	/* An id, or a name given in full (an exact name wins over names that
	 * merely contain it), is the library's to find. */
	int digits = spec && spec[strspn(spec, "0123456789")] == '\0';

	rc = council_find(out, ctx->db, spec);
	if (rc == COUNCIL_OK && !digits) {
		char *a = folded(spec), *b = folded(cli_council_name(ctx, *out));
		int exact = a && b && strcmp(a, b) == 0;
		free(a);
		free(b);
		if (exact)
			return CLI_OK;
	}
	/* Otherwise word by word, which knows abbreviations ("Klaipėdos r.")
	 * and lists every candidate when it cannot choose. */
	if (!digits && (rc == COUNCIL_OK || rc == COUNCIL_EEXISTS || rc == COUNCIL_ENOTFOUND)) {
		council_id by_words;
		int wrc = council_by_words(&by_words, ctx, spec);
		if (wrc != CLI_OK)
			return wrc;
		if (by_words) {
			*out = by_words;
			return CLI_OK;
		}
		/* Listing the names replaced the library's message on the handle;
		 * ask again for the message of the older rule. */
		rc = council_find(out, ctx->db, spec);
	}

	if (rc == COUNCIL_EEXISTS) {
		/* Several councils match: the message lists them; the user must say
		 * which, so this is a usage error rather than bad data. */
		cli_error(CLI_EUSAGE, "%s", council_errmsg(ctx->db));
		fputs("council: give the council's id or more of its name\n", stderr);
		return CLI_EUSAGE;
	}
	if (rc != COUNCIL_OK)
		return cli_fail(ctx, rc);
	return CLI_OK;
}

static int collect_name(void *vctx, const council_council *r)
{
	cli_ctx *ctx = vctx;
	cli_name_entry *p = realloc(ctx->names, (ctx->n_names + 1) * sizeof *p);

	if (!p)
		exit(cli_error(CLI_EDB, "out of memory"));
	ctx->names = p;
	p[ctx->n_names].id = r->id;
	p[ctx->n_names].name = cli_strdup(r->name);
	ctx->n_names++;
	return 0;
}

void cli_load_council_names(cli_ctx *ctx)
{
	if (!ctx->names_loaded && ctx->db) {
		ctx->names_loaded = 1;
		/* A failure only leaves names out of the output; the ids stay. */
		(void)council_list(ctx->db, NULL, collect_name, ctx);
	}
}

const char *cli_council_name(cli_ctx *ctx, council_id id)
{
	size_t i;

	cli_load_council_names(ctx);
	for (i = 0; i < ctx->n_names; i++)
		if (ctx->names[i].id == id)
			return ctx->names[i].name;
	return NULL;
}
