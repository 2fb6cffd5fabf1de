/* SPDX-License-Identifier: MIT */
/*
 * cli.h -- what the files of the `council` tool share: exit codes, the
 * run-time context (options, database handle), argument parsing, the
 * streaming output writer, and the command entry points main.c lists.
 * The tool only calls the public API in council.h; no library internals.
 */
#ifndef COUNCIL_CLI_H
#define COUNCIL_CLI_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "council.h"

/* Exit codes.  Documented in `council --help` and council(1); a test checks
 * both against this list, so keep all three in step. */
enum cli_exit {
	CLI_OK = 0,        /* success */
	CLI_EPARTIAL = 1,  /* some files of an import failed */
	CLI_EUSAGE = 2,    /* bad option or value syntax, missing option, ambiguous name */
	CLI_ENOTFOUND = 3, /* no such record, council, database or file */
	CLI_EINVALID = 4,  /* invalid data or a constraint of the registry refused it */
	CLI_EDB = 5        /* database or I/O error */
};

/* ---- output (output.c) -------------------------------------------------- */

typedef enum out_format {
	OUT_TABLE = 0, OUT_CSV, OUT_JSON, OUT_NDJSON, OUT_MARKDOWN
} out_format;

/* Parses "table", "csv", "json", "ndjson", "markdown"; -1 if unknown. */
int out_format_parse(const char *name);
const char *out_format_name(out_format f);

/* A writer streams rows of named cells in one format.  Every row has the
 * cells of out_begin's columns, pushed in order with the out_* value calls
 * and closed with out_row_end.  A cell may instead hold a list (out_list_*)
 * of scalars or of small records.  Only the table format holds rows back,
 * because it must know every width before it prints the first line. */
typedef struct out_writer out_writer;

/* vertical: in table format, print each row as "field value" lines (used
 * for single records: show, info, init).  Other formats ignore it.
 * Returns NULL when out of memory. */
out_writer *out_begin(FILE *fp, out_format fmt, int vertical,
                      const char *const *columns, size_t ncolumns);

/* Table format only: fit the table into this many terminal columns by
 * narrowing its widest text columns and shortening their cells with "…"
 * (counting characters by display width, never cutting one); 0, the
 * default, prints every cell whole.  Numbers are never shortened. */
void out_set_width(out_writer *w, size_t columns);
/* Shows only the columns named in list ("council,year"), in that order;
 * JSON keeps the declared order of the keys it shows.  Returns NULL, or a
 * message naming a column that does not exist (static storage); then the
 * writer prints nothing more, out_end only frees it. */
const char *out_select(out_writer *w, const char *list);
void out_null(out_writer *w);
void out_text(out_writer *w, const char *s);      /* NULL -> null */
void out_int(out_writer *w, int64_t v);
void out_opt_int(out_writer *w, int64_t v);       /* negative -> null */
void out_id(out_writer *w, council_id id);        /* 0 -> null */
void out_bool(out_writer *w, int v);              /* 1 yes, 0 no, <0 null */
void out_date(out_writer *w, const council_date *d); /* year 0 -> null */
void out_enum(out_writer *w, council_enum e, int v); /* no name -> null */
/* A number SQLite printed (REAL or INTEGER): a JSON number when it is one
 * in JSON's grammar, else a string. */
void out_number_text(out_writer *w, const char *s);

/* Lists.  fields NULL: items are scalars.  Otherwise each item is a record
 * of nfields values pushed in order (JSON objects with those keys).  Flat
 * formats join items with "; " and a record's values with ": ". */
void out_list_begin(out_writer *w, const char *const *fields, size_t nfields);
void out_list_end(out_writer *w);

void out_row_end(out_writer *w);

/* Finishes the output (closing brackets, the held-back table) and frees w.
 * Returns 0, or -1 when writing failed (errno is set). */
int out_end(out_writer *w);

/* ---- context (context.c) ------------------------------------------------ */

enum cli_db_mode {
	CLI_DB_NONE = 0,   /* the command does not touch the database */
	CLI_DB_READ,       /* the database must exist; it may be upgraded */
	CLI_DB_WRITE,      /* created (with its directory) when missing */
	CLI_DB_READONLY    /* opened read-only: never written, never upgraded */
};

typedef struct cli_name_entry {
	council_id id;
	char *name;
} cli_name_entry;

struct cli_record;

typedef struct cli_ctx {
	const char *db_option;   /* --db, or NULL */
	int format;              /* an out_format, or -1 for the default */
	int quiet;
	int wide;                /* --wide: tables print every cell whole */
	const char *columns;     /* --columns LIST, or NULL */
	council_db *db;
	char *db_path;           /* resolved path, malloc'd */
	int default_path;        /* path came from neither --db nor COUNCIL_DB */
	const char *command;     /* "member add", for messages */
	cli_name_entry *names; /* council names by id, loaded on demand */
	size_t n_names;
	int names_loaded;
	/* The record command running (record.c): a subcommand's run function
	 * takes no data of its own, so the shared ones find their record here. */
	const struct cli_record *record;
} cli_ctx;

/* Sets ctx->db_path: --db, else $COUNCIL_DB, else the default; an exit
 * code when there is none. */
int cli_resolve_path(cli_ctx *ctx);
/* Opens ctx->db as mode says; on failure prints why and returns an exit code. */
int cli_open(cli_ctx *ctx, int mode);
void cli_close(cli_ctx *ctx);

/* The format to print in: --format, else table on a terminal, else csv. */
out_format cli_format(const cli_ctx *ctx);

/* The width tables must fit: COLUMNS when set, else the terminal's when
 * standard output is one, else 0 (no limit); 0 with --wide. */
size_t cli_table_width(const cli_ctx *ctx);
/* out_begin with the context's format and standard output; prints the
 * error itself when memory runs out (returns NULL). */
out_writer *cli_writer(cli_ctx *ctx, int vertical, const char *const *columns, size_t n);
/* out_end, turning a write failure into a message and CLI_EDB. */
int cli_writer_end(cli_ctx *ctx, out_writer *w);

/* Maps a library status code to an exit code. */
int cli_exit_for(int council_rc);

/* Prints "council: <errmsg of the handle>" and returns the exit code for rc. */
int cli_fail(cli_ctx *ctx, int rc);

/* Prints "council: <message>" and returns code. */
int cli_error(int code, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/* Prints "council: <command>: <message>" and a pointer to --help; returns
 * CLI_EUSAGE. */
int cli_usage(const cli_ctx *ctx, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/* Resolves a council given by id or a unique part of its name.  On
 * failure prints why (candidates when ambiguous) and returns the exit code. */
int cli_council(council_id *out, cli_ctx *ctx, const char *spec);

/* Name of council id (NULL if none), from a table of all names loaded the
 * first time it is needed.  Call cli_load_council_names before starting a
 * list, so that the load never runs inside a list callback. */
const char *cli_council_name(cli_ctx *ctx, council_id id);
void cli_load_council_names(cli_ctx *ctx);

/* Reads a whole file into a malloc'd buffer (NUL-terminated; *len excludes
 * the NUL).  On failure prints "council: PATH: why" and returns CLI_ENOTFOUND
 * for a missing file, CLI_EDB otherwise. */
int cli_read_file(const char *path, char **data, size_t *len);

/* strdup; NULL for NULL.  Out of memory ends the program (exit 5): there
 * is nothing a command-line tool can do but stop. */
char *cli_strdup(const char *s);
void *cli_alloc(size_t n);

/* ---- arguments (args.c) ------------------------------------------------- */

enum {
	CLI_FLAG = 0,        /* takes no value */
	CLI_VALUE = 1,       /* takes one value; the last one given counts */
	CLI_MANY = 2,        /* takes a value; may be given several times */
	CLI_REQUIRED = 0x10  /* or'ed in: the option must be given */
};

typedef struct cli_opt {
	const char *name;    /* long name without "--" */
	int kind;            /* CLI_FLAG, CLI_VALUE or CLI_MANY, | CLI_REQUIRED */
} cli_opt;

typedef struct cli_given {
	int opt;             /* index into the command's options */
	const char *value;   /* points into argv; "" for flags */
} cli_given;

typedef struct cli_args {
	const cli_opt *opts;
	size_t n_opts;
	cli_given *given;
	size_t n_given;
	char **pos;          /* positional arguments */
	size_t n_pos;
	int help;
} cli_args;

/* A command or subcommand: what main.c and the group tables dispatch to. */
typedef struct cli_cmd {
	const char *name;
	int (*run)(cli_ctx *ctx, cli_args *a);
	const cli_opt *opts;     /* terminated by { NULL, 0 } */
	int min_pos, max_pos;    /* positional arguments; max -1 = no limit */
	int db;                  /* a cli_db_mode, opened before run */
	const char *summary;     /* one line for the command lists */
	const char *help;        /* the full --help text */
} cli_cmd;

/* Parses argv (after the command words) against cmd, opens the database,
 * runs it.  Handles --help and the global options anywhere. */
int cli_run(cli_ctx *ctx, const char *command, const cli_cmd *cmd, int argc, char **argv);

/* A command with subcommands: `council member add ...`.  help is the
 * group's overview; the subcommands' summaries are listed after it. */
int cli_run_group(cli_ctx *ctx, const char *group, const char *help,
                  const cli_cmd *subs, size_t n, int argc, char **argv);

/* Prints a group's help: the overview and one line per subcommand. */
void cli_print_group_help(FILE *fp, const char *group, const char *help,
                          const cli_cmd *subs, size_t n);

int cli_has(const cli_args *a, const char *name);
/* Last value of an option, or NULL when not given. */
const char *cli_str(const cli_args *a, const char *name);
/* Values of a repeatable option in order: call with *iter = 0 until NULL. */
const char *cli_next(const cli_args *a, const char *name, size_t *iter);
size_t cli_count(const cli_args *a, const char *name);

/* Value parsers: each prints a usage error naming the option and value and
 * returns CLI_EUSAGE, or returns CLI_OK. */
int cli_parse_int64(const cli_ctx *ctx, const char *opt, const char *text,
                    int64_t min, int64_t max, int64_t *out);
int cli_parse_intval(const cli_ctx *ctx, const char *opt, const char *text, int *out);
int cli_parse_id(const cli_ctx *ctx, const char *opt, const char *text, council_id *out);
int cli_parse_date(const cli_ctx *ctx, const char *opt, const char *text, council_date *out);
int cli_parse_period(const cli_ctx *ctx, const char *opt, const char *text, council_period *out);
int cli_parse_enum(const cli_ctx *ctx, const char *opt, council_enum e, const char *text, int *out);
int cli_parse_bool(const cli_ctx *ctx, const char *opt, const char *text, int *out);

/* Field setters for add and edit: when the option was given, parse it into
 * the field; an empty value sets the field to "unknown" (NULL, -1, 0 or no
 * date), so `edit --indicator ''` clears an indicator.  Return CLI_OK or an
 * exit code after printing why. */
int cli_set_text(const cli_ctx *ctx, const cli_args *a, const char *opt, const char **field);
int cli_set_int(const cli_ctx *ctx, const cli_args *a, const char *opt, int *field);
int cli_set_id(const cli_ctx *ctx, const cli_args *a, const char *opt, council_id *field);
int cli_set_date(const cli_ctx *ctx, const cli_args *a, const char *opt, council_date *field);
int cli_set_period(const cli_ctx *ctx, const cli_args *a, const char *opt, council_period *field);
int cli_set_enum(const cli_ctx *ctx, const cli_args *a, const char *opt, council_enum e, int *field);
/* Resolves --council (id or name part) into the field. */
int cli_set_council(cli_ctx *ctx, const cli_args *a, const char *opt, council_id *field);

/* A record named TYPE:ID (history, restore): TYPE one of the record words
 * (council, member, ..., source) copied into type, ID into *id. */
int cli_parse_record(const cli_ctx *ctx, const char *text, char *type, size_t size,
                     council_id *id);

/* The record id in positional argument i (for show, edit, remove). */
int cli_pos_id(const cli_ctx *ctx, const cli_args *a, size_t i, const char *what, council_id *out);

/* Applies --limit to a filter. */
int cli_set_limit(const cli_ctx *ctx, const cli_args *a, council_filter *f);
/* Applies --from YEAR and --to YEAR to year_from/year_to. */
int cli_set_years(const cli_ctx *ctx, const cli_args *a, council_filter *f);
/* Applies --from DATE and --to DATE to the filter's range; either may be
 * left out for an open end.  With neither, the filter gets no range unless
 * always is set (then the range is everything). */
int cli_set_range(const cli_ctx *ctx, const cli_args *a, council_filter *f, int always);

/* The nearest of a list of names to a word typed wrongly ("qurey" ->
 * "query"): init with the word, try each name, then best is the nearest
 * name if it is near enough to be a typo (Damerau-Levenshtein distance 1
 * for words of up to 4 letters, 2 up to 9, else 3), else NULL. */
typedef struct cli_near {
	const char *word;
	const char *best;
	size_t dist;
} cli_near;
void cli_near_init(cli_near *n, const char *word);
void cli_near_try(cli_near *n, const char *candidate);
const char *cli_near_best(const cli_near *n);
/* "; did you mean 'PREFIXbest'?" in buf, or "" when nothing is near. */
const char *cli_did_you_mean(char *buf, size_t size, const cli_near *n, const char *prefix);

/* The global options every command accepts. */
extern const char cli_global_help[];

/* ---- commands (cmd_*.c), listed by main.c ------------------------------- */

int cmd_init(cli_ctx *ctx, int argc, char **argv);
int cmd_info(cli_ctx *ctx, int argc, char **argv);
int cmd_council(cli_ctx *ctx, int argc, char **argv);
int cmd_member(cli_ctx *ctx, int argc, char **argv);
int cmd_meeting(cli_ctx *ctx, int argc, char **argv);
int cmd_figure(cli_ctx *ctx, int argc, char **argv);
int cmd_plan(cli_ctx *ctx, int argc, char **argv);
int cmd_measure(cli_ctx *ctx, int argc, char **argv);
int cmd_event(cli_ctx *ctx, int argc, char **argv);
int cmd_act(cli_ctx *ctx, int argc, char **argv);
int cmd_source(cli_ctx *ctx, int argc, char **argv);
int cmd_query(cli_ctx *ctx, int argc, char **argv);
int cmd_import(cli_ctx *ctx, int argc, char **argv);
int cmd_sql(cli_ctx *ctx, int argc, char **argv);
int cmd_history(cli_ctx *ctx, int argc, char **argv);
int cmd_restore(cli_ctx *ctx, int argc, char **argv);
int cmd_export(cli_ctx *ctx, int argc, char **argv);
int cmd_check(cli_ctx *ctx, int argc, char **argv);
int cmd_coverage(cli_ctx *ctx, int argc, char **argv);
int cmd_merge(cli_ctx *ctx, int argc, char **argv);
int cmd_report(cli_ctx *ctx, int argc, char **argv);

/* What a list callback needs: the writer, and the context for council
 * names. */
typedef struct cli_list {
	cli_ctx *ctx;
	out_writer *w;
} cli_list;

/* Ends a list: on success closes the writer (CLI_OK or CLI_EDB on a write
 * error); on failure closes it and reports rc from the handle. */
int cli_list_end(cli_list *l, int rc);

/* Prints the new id of an added record (unless --quiet). */
void cli_print_id(const cli_ctx *ctx, council_id id);

/* ---- lists and record commands (record.c) ------------------------------- */

/* The options a list turns into its filter, or'ed together.  They are read
 * in this order, so that of several bad values the same one is reported. */
enum {
	CLI_LIST_PLAN = 1 << 0,     /* --plan ID: a plan's measures (parent_id) */
	CLI_LIST_YEAR = 1 << 1,     /* --year YEAR: that year only */
	CLI_LIST_COUNCIL = 1 << 2,  /* --council COUNCIL */
	CLI_LIST_YEARS = 1 << 3,    /* --from YEAR --to YEAR */
	CLI_LIST_RANGE = 1 << 4,    /* --from DATE --to DATE */
	CLI_LIST_ALL_TIME = 1 << 5, /* with RANGE: neither given means all time */
	CLI_LIST_SOURCE = 1 << 6,   /* --source ID */
	CLI_LIST_LIMIT = 1 << 7,    /* --limit N */
	CLI_LIST_ROLE = 1 << 8,     /* --role ROLE */
	CLI_LIST_NAMES = 1 << 9     /* rows print council names: load them first */
};

/* Starts a list: a filter from the options `which` names, then l's writer
 * with cols.  Returns CLI_OK (finish with cli_list_end), or an exit code
 * after printing why, with nothing left to end. */
int cli_list_begin(cli_list *l, council_filter *f, cli_ctx *ctx, const cli_args *a,
                   unsigned which, const char *const *cols, size_t ncols);

/* The library's calls for one record type with the record as a void
 * pointer, so that record.c can run them for any type.  new_record allocates
 * and initialises; list streams the rows to cli_record_row, l as context. */
typedef struct cli_record_ops {
	void *(*new_record)(void);
	void (*free_record)(void *r);
	int (*get)(void **out, council_db *db, council_id id);
	int (*add)(council_id *id, council_db *db, const void *r);
	int (*update)(council_db *db, const void *r);
	int (*remove)(council_db *db, council_id id);
	int (*list)(council_db *db, const council_filter *f, cli_list *l);
} cli_record_ops;

/* A record command (`council act add|list|show|edit|remove`).  Its file
 * gives what differs: texts, options, columns, how options set fields and
 * how a record is printed; record.c does the rest through cli_record_*
 * named in subs, beside any subcommands of the file's own. */
typedef struct cli_record {
	const char *name;            /* the command word; "NAME id" in messages */
	const char *help;            /* the group's overview */
	const cli_cmd *subs;
	size_t n_subs;
	const cli_record_ops *ops;
	const char *const *cols;     /* the columns emit fills */
	size_t ncols;
	unsigned list;               /* CLI_LIST_* of list; NAMES also for show */
	/* Pushes r's cells; the caller ends the row. */
	void (*emit)(cli_ctx *ctx, out_writer *w, const void *r);
	/* Sets the fields whose options were given (add and edit); CLI_OK or
	 * an exit code after printing why. */
	int (*apply)(cli_ctx *ctx, const cli_args *a, void *r);

	/* Optional.  How show and edit find the record the first argument
	 * names; NULL: by id, as remove always does. */
	int (*find)(void **out, cli_ctx *ctx, const cli_args *a);
	/* add: fills what the options left out, after apply. */
	int (*complete)(cli_ctx *ctx, void *r);
	/* show: pushes cells after emit's, for columns ncols to n_show_cols;
	 * returns a library status. */
	int (*show_more)(cli_ctx *ctx, out_writer *w, const void *r);
	size_t n_show_cols;
} cli_record;

/* Runs `council NAME SUBCOMMAND ...` with ctx->record set to rec. */
int cli_record_run(cli_ctx *ctx, const cli_record *rec, int argc, char **argv);

/* The shared subcommands, for a record's subs. */
int cli_record_add(cli_ctx *ctx, cli_args *a);
int cli_record_list(cli_ctx *ctx, cli_args *a);
int cli_record_show(cli_ctx *ctx, cli_args *a);
int cli_record_edit(cli_ctx *ctx, cli_args *a);
int cli_record_remove(cli_ctx *ctx, cli_args *a);

/* The record the first argument names, as show and edit find it: *out to
 * free with ops->free_record.  On failure prints why, returns the exit code. */
int cli_record_find(void **out, cli_ctx *ctx, const cli_args *a);

/* One listed row: emit and the row's end.  l is the cli_list. */
int cli_record_row(void *l, const void *r);

/* Defines T_ops, the cli_record_ops of council_T, in the command's file.
 * The typed library calls are wrapped rather than cast, since calling a
 * function through a pointer of another type is undefined.  The calls are
 * named P_get, P_add ...: council_T_get, except for councils, whose calls
 * are council_get ... (CLI_RECORD_OPS_AS(council, council)). */
#define CLI_RECORD_OPS(T) CLI_RECORD_OPS_AS(T, council_##T)
#define CLI_RECORD_OPS_AS(T, P) \
	static void *T##_op_new(void) \
	{ \
		council_##T *r = cli_alloc(sizeof *r); \
		council_##T##_init(r); \
		return r; \
	} \
	static void T##_op_free(void *r) { council_##T##_free(r); } \
	static int T##_op_get(void **out, council_db *db, council_id id) \
	{ \
		council_##T *r = NULL; \
		int rc = P##_get(&r, db, id); \
		*out = r; \
		return rc; \
	} \
	static int T##_op_add(council_id *id, council_db *db, const void *r) \
	{ return P##_add(id, db, r); } \
	static int T##_op_update(council_db *db, const void *r) \
	{ return P##_update(db, r); } \
	static int T##_op_row(void *l, const council_##T *r) { return cli_record_row(l, r); } \
	static int T##_op_list(council_db *db, const council_filter *f, cli_list *l) \
	{ return P##_list(db, f, T##_op_row, l); } \
	static const cli_record_ops T##_ops = { \
		T##_op_new, T##_op_free, T##_op_get, T##_op_add, T##_op_update, \
		P##_delete, T##_op_list \
	}

#endif /* COUNCIL_CLI_H */
