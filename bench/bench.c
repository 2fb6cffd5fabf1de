/* SPDX-License-Identifier: MIT */
/*
 * bench.c -- council-bench: measures libcouncil against raw SQLite doing the
 * same work in the same process and run, and the `council` tool against the
 * sqlite3 shell, then prints one table of figures and ratios.  Options,
 * timing and the table live here; each section has its own file (load.c,
 * queries.c, process.c) and the generated data is registry.c's.
 * See bench/README.md for what each figure means and what bounds it.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"

#ifndef BENCH_COUNCIL_EXE
#define BENCH_COUNCIL_EXE "council"
#endif
#ifndef BENCH_PYTHON
#define BENCH_PYTHON "python3"
#endif
#ifndef BENCH_GEN_SCRIPT
#define BENCH_GEN_SCRIPT "bench/gen_reports.py"
#endif

static const char usage[] =
	"Usage: council-bench [--quick] [--events N] [--reports N] [--dir DIR] [--keep]\n"
	"                     [--only load|query|import|cli|national] [--load-runs N]\n"
	"                     [--import-runs N]\n"
	"                     [--query-runs N] [--proc-runs N] [--plans]\n"
	"                     [--council PATH] [--sqlite3 PATH] [--python PATH]\n"
	"\n"
	"Measures libcouncil against raw SQLite in the same run and prints a table\n"
	"(markdown) of figures, ratios and targets on standard output; progress goes\n"
	"to standard error.  Exits 0 when every section ran, whether or not the\n"
	"targets were met (the table says which), and 1 when a section failed.\n"
	"\n"
	"  --events N      events in the generated registry (default 1000000);\n"
	"                  meetings are N/10 and members N/50, as in the issue\n"
	"  --reports N     reports to generate and import (default 10000); import\n"
	"                  is also measured at N/10\n"
	"  --quick         10000 events, 100 reports, fewer repetitions: proves the\n"
	"                  benchmark works, in well under a minute (for CI)\n"
	"  --dir DIR       work directory (default $TMPDIR/council-bench); removed\n"
	"                  at the end unless --keep\n"
	"  --only SECTION  run one section; query and cli load a registry first\n"
	"  --load-runs N   bulk loads of each kind, alternating (default 3, quick 1)\n"
	"  --import-runs N imports of each size; median time and peak RSS (default 3,\n"
	"                  quick 1)\n"
	"  --query-runs N  timed runs per query (default 15, quick 5)\n"
	"  --proc-runs N   runs of each process in the CLI comparison (default 21)\n"
	"  --plans         print every query plan, not only the verdicts\n"
	"  --registry DB   skip the bulk load: run query and cli on DB, a registry an\n"
	"                  earlier run with the same --events left (--keep); for\n"
	"                  working on queries, not for the published figures\n"
	"  --council PATH  the council tool (default: the one built with this bench)\n"
	"  --sqlite3 PATH  the sqlite3 shell (default: sqlite3 on PATH)\n"
	"  --python PATH   the Python that runs bench/gen_reports.py\n";

/* ---- logging and failure ------------------------------------------------- */

void bench_log(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("council-bench: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

void bench_die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("council-bench: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(1);
}

/* ---- timing -------------------------------------------------------------- */

double bench_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

double bench_cpu(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

double bench_median(double *v, int n)
{
	if (n <= 0)
		return NAN;
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* ---- the table ----------------------------------------------------------- */

#define MAX_ROWS 64
#define MAX_NOTES 64
#define CELL 160

/* Cells: figure, library, raw, limit, ratio, CPU ratio, library/limit,
 * target. */
#define N_CELLS 8
static struct {
	char cell[N_CELLS][CELL];
	int met;
} rows[MAX_ROWS];
static int n_rows;
static char *notes[MAX_NOTES];
static int n_notes;
/* --quick proves the benchmark runs; its small figures are not judged. */
static int judge = 1;

const char *bench_fmt(const char *fmt, ...)
{
	static char bufs[16][CELL];
	static int next;
	char *b = bufs[next++ % 16];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(b, CELL, fmt, ap);
	va_end(ap);
	return b;
}

void bench_row_limit(const char *figure, const char *lib, const char *raw, const char *limit,
                     const char *ratio, const char *cpu_ratio, const char *limit_ratio,
                     const char *target, int met)
{
	const char *c[N_CELLS] = { figure, lib, raw, limit, ratio, cpu_ratio, limit_ratio, target };
	int i;

	if (n_rows == MAX_ROWS)
		return;
	for (i = 0; i < N_CELLS; i++)
		snprintf(rows[n_rows].cell[i], CELL, "%s", c[i] ? c[i] : "");
	rows[n_rows].met = judge ? met : -1;
	n_rows++;
}

void bench_row(const char *figure, const char *lib, const char *raw, const char *ratio,
               const char *cpu_ratio, const char *target, int met)
{
	bench_row_limit(figure, lib, raw, "", ratio, cpu_ratio, "", target, met);
}

void bench_note(const char *fmt, ...)
{
	char buf[2048];
	va_list ap;

	if (n_notes == MAX_NOTES)
		return;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	notes[n_notes] = malloc(strlen(buf) + 1);
	if (notes[n_notes])
		strcpy(notes[n_notes++], buf);
}

void bench_print_table(void)
{
	int i;

	printf("| figure | libcouncil | raw SQLite | limit | ratio | CPU ratio | "
	       "library/limit (CPU) | target | met |\n");
	printf("|---|---:|---:|---:|---:|---:|---:|---|---|\n");
	for (i = 0; i < n_rows; i++)
		printf("| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", rows[i].cell[0],
		       rows[i].cell[1], rows[i].cell[2], rows[i].cell[3], rows[i].cell[4],
		       rows[i].cell[5], rows[i].cell[6], rows[i].cell[7],
		       rows[i].met < 0 ? "" : rows[i].met ? "yes" : "**no**");
	if (n_notes)
		printf("\n");
	for (i = 0; i < n_notes; i++) {
		printf("- %s\n", notes[i]);
		free(notes[i]);
	}
	n_notes = 0;
}

/* ---- raw SQLite connections ---------------------------------------------- */

void bench_raw_exec(sqlite3 *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		bench_die("raw: %s: %s", sql, msg ? msg : sqlite3_errmsg(db));
	sqlite3_free(msg);
}

sqlite3 *bench_raw_open(const char *path, int readonly)
{
	sqlite3 *db = NULL;
	int flags = (readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX;

	if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK)
		bench_die("raw: cannot open %s: %s", path, db ? sqlite3_errmsg(db) : "out of memory");
	/* The settings council_open makes, so that a ratio measures the
	 * library's own work and not a difference in engine configuration. */
	sqlite3_busy_timeout(db, 10000);
	bench_raw_exec(db, "PRAGMA foreign_keys = ON");
	if (!readonly) {
		bench_raw_exec(db, "PRAGMA journal_mode = WAL");
		bench_raw_exec(db, "PRAGMA synchronous = NORMAL");
	}
	return db;
}

/* ---- options ------------------------------------------------------------- */

static int64_t parse_count(const char *opt, const char *v)
{
	char *end;
	long long n;

	errno = 0;
	n = v ? strtoll(v, &end, 10) : -1;
	if (!v || errno || *end || n < 1)
		bench_die("%s: expected a positive number, got '%s'", opt, v ? v : "");
	return (int64_t)n;
}

static void parse_args(bench_opts *o, int argc, char **argv)
{
	static char dir[4096];
	int i, events_set = 0, reports_set = 0, lr = 0, qr = 0, pr = 0, ir = 0;
	const char *tmp = getenv("TMPDIR");

	memset(o, 0, sizeof *o);
	o->events = 1000000;
	o->reports = 10000;
	o->councils = 60;
	o->years = 15;
	o->council_exe = BENCH_COUNCIL_EXE;
	o->sqlite3_exe = "sqlite3";
	o->python = BENCH_PYTHON;
	o->gen_script = BENCH_GEN_SCRIPT;
	snprintf(dir, sizeof dir, "%s/council-bench", tmp && *tmp ? tmp : "/tmp");
	o->dir = dir;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			fputs(usage, stdout);
			exit(0);
		} else if (!strcmp(a, "--quick")) {
			o->quick = 1;
		} else if (!strcmp(a, "--keep")) {
			o->keep = 1;
		} else if (!strcmp(a, "--plans")) {
			o->plans = 1;
		} else if (!strcmp(a, "--events")) {
			o->events = parse_count(a, v), events_set = 1, i++;
		} else if (!strcmp(a, "--reports")) {
			o->reports = (int)parse_count(a, v), reports_set = 1, i++;
		} else if (!strcmp(a, "--load-runs")) {
			lr = (int)parse_count(a, v), i++;
		} else if (!strcmp(a, "--query-runs")) {
			qr = (int)parse_count(a, v), i++;
		} else if (!strcmp(a, "--proc-runs")) {
			pr = (int)parse_count(a, v), i++;
		} else if (!strcmp(a, "--import-runs")) {
			ir = (int)parse_count(a, v), i++;
		} else if (!strcmp(a, "--registry") && v) {
			o->registry = v, i++;
		} else if (!strcmp(a, "--dir") && v) {
			o->dir = v, i++;
		} else if (!strcmp(a, "--council") && v) {
			o->council_exe = v, i++;
		} else if (!strcmp(a, "--sqlite3") && v) {
			o->sqlite3_exe = v, i++;
		} else if (!strcmp(a, "--python") && v) {
			o->python = v, i++;
		} else if (!strcmp(a, "--only") && v) {
			o->only = v, i++;
			if (strcmp(v, "load") && strcmp(v, "query") && strcmp(v, "import") && strcmp(v, "cli") &&
			    strcmp(v, "national"))
				bench_die("--only: load, query, import, cli or national, not '%s'", v);
		} else {
			fputs(usage, stderr);
			bench_die("unknown option '%s'", a);
		}
	}
	if (o->quick) {
		if (!events_set)
			o->events = 10000;
		if (!reports_set)
			o->reports = 100;
	}
	o->meetings = o->events / 10;
	o->members = o->events / 50;
	o->load_runs = lr ? lr : o->quick ? 1 : 3;
	o->query_runs = qr ? qr : o->quick ? 5 : 15;
	o->proc_runs = pr ? pr : o->quick ? 5 : 21;
	o->import_runs = ir ? ir : o->quick ? 1 : 3;
}

static int want(const bench_opts *o, const char *section)
{
	return !o->only || !strcmp(o->only, section);
}

void bench_unlink_db(const char *path)
{
	char buf[BENCH_PATH_X];

	unlink(path);
	snprintf(buf, sizeof buf, "%s-wal", path);
	unlink(buf);
	snprintf(buf, sizeof buf, "%s-shm", path);
	unlink(buf);
}

/* The 1, 5 and 15 minute load averages: on a shared machine they say how
 * much the wall-time figures were stretched by other work. */
static const char *loadavg(void)
{
	static char buf[64];
	FILE *f = fopen("/proc/loadavg", "r");
	double a = 0, b = 0, c = 0;

	if (!f || fscanf(f, "%lf %lf %lf", &a, &b, &c) != 3)
		snprintf(buf, sizeof buf, "unknown");
	else
		snprintf(buf, sizeof buf, "%.2f %.2f %.2f", a, b, c);
	if (f)
		fclose(f);
	return buf;
}

/* The machine, so a table read later says where it came from. */
static void describe_machine(void)
{
	char model[256] = "unknown CPU", line[512];
	FILE *f = fopen("/proc/cpuinfo", "r");
	struct utsname u;
	time_t now = time(NULL);
	char when[64];

	if (f) {
		while (fgets(line, sizeof line, f)) {
			if (!strncmp(line, "model name", 10)) {
				char *p = strchr(line, ':');
				if (p) {
					snprintf(model, sizeof model, "%s", p + 2);
					model[strcspn(model, "\n")] = '\0';
				}
				break;
			}
		}
		fclose(f);
	}
	uname(&u);
	strftime(when, sizeof when, "%Y-%m-%d %H:%M UTC", gmtime(&now));
	printf("council-bench %s: libcouncil %s, SQLite %s, %s, %ld CPUs, %s %s, load average "
	       "at start %s\n\n", when, council_version(), sqlite3_libversion(), model,
	       sysconf(_SC_NPROCESSORS_ONLN), u.sysname, u.release, loadavg());
}

int main(int argc, char **argv)
{
	bench_opts o;
	registry reg;
	char lib_db[BENCH_PATH], raw_db[BENCH_PATH];
	double t0 = bench_now();

	/* Before anything else, so this copy stays small: see process.c. */
	if (argc > 1 && !strcmp(argv[1], "--measure-child"))
		return bench_measure_child(argc, argv);
	parse_args(&o, argc, argv);
	judge = !o.quick;
	if (o.quick)
		bench_note("--quick: the figures only show that every section runs; targets are "
		           "judged at full size (no options).");
	if (mkdir(o.dir, 0755) != 0 && errno != EEXIST)
		bench_die("%s: %s", o.dir, strerror(errno));
	snprintf(lib_db, sizeof lib_db, "%s/registry-lib.db", o.dir);
	snprintf(raw_db, sizeof raw_db, "%s/registry-raw.db", o.dir);
	describe_machine();

	if (want(&o, "load") || want(&o, "query") || want(&o, "cli")) {
		bench_log("generating the registry: %d councils, %d years, %lld events, %lld meetings, "
		          "%lld members", o.councils, o.years, (long long)o.events,
		          (long long)o.meetings, (long long)o.members);
		registry_build(&reg, &o);
		if (o.registry && strcmp(o.only ? o.only : "", "load") != 0) {
			snprintf(lib_db, sizeof lib_db, "%s", o.registry);
			bench_note("sections (2) and (4) ran on %s, loaded by an earlier run: no "
			           "section (1) in this run.", o.registry);
		} else {
			bench_load(&o, &reg, lib_db, raw_db);
			bench_unlink_db(raw_db);
		}
		if (want(&o, "query"))
			bench_queries(&o, &reg, lib_db);
		registry_free(&reg);
	}
	if (want(&o, "import"))
		bench_import(&o);
	if (want(&o, "cli"))
		bench_cli(&o, lib_db);
	if (want(&o, "national"))
		bench_national(&o);

	bench_print_table();
	printf("\nTotal time %.0f s; load average at the end %s.  Command: council-bench",
	       bench_now() - t0, loadavg());
	{
		int i;
		for (i = 1; i < argc; i++)
			printf(" %s", argv[i]);
	}
	printf("\n");
	if (!o.keep)
		bench_cleanup(&o);
	return 0;
}
