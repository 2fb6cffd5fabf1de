/* SPDX-License-Identifier: MIT */
/*
 * process.c -- the sections measured as whole processes: (3) `council
 * import` of a generated corpus, with its throughput and peak RSS, plus an
 * in-process breakdown of where an import's time goes; and (4) `council
 * query meetings` against the sqlite3 shell answering the same view.  Also
 * removing what the benchmark wrote.
 */
/* wait4, for the child's own rusage: a BSD call glibc shows on request. */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"

/* ---- running a program --------------------------------------------------- */

typedef struct proc_result {
	double seconds;    /* wall time from fork to reaping */
	double cpu;        /* the child's user + system CPU time */
	long maxrss_kb;    /* the child's peak resident set */
	int status;        /* exit status, or 128 + signal */
} proc_result;

static char self_exe[BENCH_PATH];

/* The peak RSS wait4 reports for a forked child counts the pages it shared
 * with its parent before exec: a child of this big process would report
 * our size, not its own.  So when the peak matters, the child is started
 * through a fresh, small copy of this program (--measure-child), whose own
 * child starts from a few megabytes. */
int bench_measure_child(int argc, char **argv)
{
	struct rusage ru;
	pid_t pid;
	int st = 0;
	FILE *f;

	if (argc < 4)
		return 2;
	if ((pid = fork()) < 0)
		return 126;
	if (pid == 0) {
		execvp(argv[3], argv + 3);
		_exit(127);
	}
	if (wait4(pid, &st, 0, &ru) < 0)
		return 126;
	if ((f = fopen(argv[2], "w"))) {
		fprintf(f, "%ld %.6f\n", ru.ru_maxrss,
		        (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec * 1e-6 +
		        (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec * 1e-6);
		fclose(f);
	}
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* Runs argv with stdout and stderr sent to the given files (NULL:
 * /dev/null).  With rss_file, through --measure-child, which leaves the
 * child's own peak RSS and CPU time there; wall time then includes one
 * more exec (about a millisecond), so timed comparisons run without it. */
static proc_result run_proc_rss(const char *const *argv, const char *out, const char *err,
                                const char *rss_file)
{
	proc_result r = { 0, 0, 0, 0 };
	struct rusage ru;
	double t0;
	int st = 0;
	pid_t pid;

	if (rss_file && !self_exe[0]) {
		ssize_t n = readlink("/proc/self/exe", self_exe, sizeof self_exe - 1);
		if (n <= 0)
			bench_die("readlink /proc/self/exe: %s", strerror(errno));
		self_exe[n] = '\0';
	}
	t0 = bench_now();
	if ((pid = fork()) < 0)
		bench_die("fork: %s", strerror(errno));
	if (pid == 0) {
		int fo = open(out ? out : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0644);
		int fe = open(err ? err : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (fo < 0 || fe < 0 || dup2(fo, 1) < 0 || dup2(fe, 2) < 0)
			_exit(126);
		close(fo);
		close(fe);
		if (rss_file) {
			size_t n = 0, i;
			const char **v;
			while (argv[n])
				n++;
			if (!(v = malloc((n + 4) * sizeof *v)))
				_exit(126);
			v[0] = self_exe;
			v[1] = "--measure-child";
			v[2] = rss_file;
			for (i = 0; i <= n; i++)
				v[3 + i] = argv[i];
			argv = v;
		}
		/* execvp does not change the strings; its prototype predates const. */
		execvp(argv[0], (char *const *)argv);
		_exit(127);
	}
	if (wait4(pid, &st, 0, &ru) < 0)
		bench_die("wait4: %s", strerror(errno));
	r.seconds = bench_now() - t0;
	r.maxrss_kb = ru.ru_maxrss;
	r.cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec * 1e-6 +
	        (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec * 1e-6;
	r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	if (r.status == 127)
		bench_die("cannot run %s", argv[0]);
	if (rss_file) {
		FILE *f = fopen(rss_file, "r");
		if (!f || fscanf(f, "%ld %lf", &r.maxrss_kb, &r.cpu) != 2)
			bench_die("%s: no measurement from --measure-child", rss_file);
		fclose(f);
		unlink(rss_file);
	}
	return r;
}

static proc_result run_proc(const char *const *argv, const char *out, const char *err)
{
	return run_proc_rss(argv, out, err, NULL);
}

/* The last line of a small file, for a program's summary. */
static void last_line(const char *path, char *buf, size_t size)
{
	FILE *f = fopen(path, "r");
	char line[1024];

	buf[0] = '\0';
	if (!f)
		return;
	while (fgets(line, sizeof line, f))
		if (line[0] != '\n')
			if (snprintf(buf, size, "%s", line) >= (int)size)
				buf[size - 1] = '\0';
	fclose(f);
	buf[strcspn(buf, "\n")] = '\0';
}

static long count_lines(const char *path)
{
	FILE *f = fopen(path, "r");
	long n = 0;
	int c;

	if (!f)
		return -1;
	while ((c = getc(f)) != EOF)
		n += c == '\n';
	fclose(f);
	return n;
}

static void path_in(char *buf, size_t size, const bench_opts *o, const char *name)
{
	snprintf(buf, size, "%s/%s", o->dir, name);
}

/* ---- the corpus ---------------------------------------------------------- */

typedef struct corpus {
	char **paths;
	size_t n;
	double *bytes; /* bytes[i]: size of the first i files */
} corpus;

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void corpus_generate(corpus *c, const bench_opts *o)
{
	char dir[BENCH_PATH], out[BENCH_PATH], count[32], summary[512];
	const char *argv[] = { o->python, o->gen_script, dir, count, NULL };
	struct dirent *de;
	DIR *d;
	proc_result pr;
	size_t cap = 0, i;

	path_in(dir, sizeof dir, o, "reports");
	path_in(out, sizeof out, o, "gen_reports.out");
	snprintf(count, sizeof count, "%d", o->reports);
	/* Stale files from a bigger earlier run would join the corpus. */
	if ((d = opendir(dir))) {
		char f[BENCH_PATH_X];
		while ((de = readdir(d)))
			if (de->d_name[0] == 'r' && strstr(de->d_name, ".txt"))
				if (snprintf(f, sizeof f, "%s/%s", dir, de->d_name) < (int)sizeof f)
					unlink(f);
		closedir(d);
	}
	bench_log("generating %d reports with %s", o->reports, o->gen_script);
	pr = run_proc(argv, out, NULL);
	if (pr.status != 0)
		bench_die("%s %s failed (status %d)", o->python, o->gen_script, pr.status);
	last_line(out, summary, sizeof summary);
	bench_note("(3) corpus: %s (gen_reports.py: %s)", dir, summary);

	memset(c, 0, sizeof *c);
	if (!(d = opendir(dir)))
		bench_die("%s: %s", dir, strerror(errno));
	while ((de = readdir(d))) {
		char f[BENCH_PATH_X];
		if (de->d_name[0] != 'r' || !strstr(de->d_name, ".txt"))
			continue;
		if (snprintf(f, sizeof f, "%s/%s", dir, de->d_name) >= (int)sizeof f)
			bench_die("%s: path too long", dir);
		if (c->n == cap) {
			char **more = realloc(c->paths, (cap = cap ? 2 * cap : 1024) * sizeof *more);
			if (!more)
				bench_die("out of memory");
			c->paths = more;
		}
		if (!(c->paths[c->n++] = strdup(f)))
			bench_die("out of memory");
	}
	closedir(d);
	if (c->n != (size_t)o->reports)
		bench_die("%s: %zu reports, expected %d", dir, c->n, o->reports);
	qsort(c->paths, c->n, sizeof *c->paths, by_name);
	if (!(c->bytes = calloc(c->n + 1, sizeof *c->bytes)))
		bench_die("out of memory");
	for (i = 0; i < c->n; i++) {
		struct stat st;
		if (stat(c->paths[i], &st) != 0)
			bench_die("%s: %s", c->paths[i], strerror(errno));
		c->bytes[i + 1] = c->bytes[i] + (double)st.st_size;
	}
}

static void corpus_free(corpus *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		free(c->paths[i]);
	free(c->paths);
	free(c->bytes);
}

/* ---- (3) import through the CLI ------------------------------------------ */

typedef struct import_run {
	double seconds;
	long maxrss_kb;
	long failed;
} import_run;

/* Imports the first n files into a fresh db with one `council import
 * --files-from LIST` process.  The list, not the command line: 10,000 paths
 * on the command line are half a megabyte on the process's stack, which
 * would show as memory growing with the corpus, and 40,000 would not fit. */
static import_run import_cli(const bench_opts *o, const corpus *c, size_t n, const char *db)
{
	import_run ir = { 0, 0, 0 };
	char err[BENCH_PATH], rss[BENCH_PATH], list[BENCH_PATH], summary[256];
	const char *init[] = { o->council_exe, "--db", db, "init", NULL };
	const char *argv[] = { o->council_exe, "--db", db, "import", "--files-from", list, NULL };
	proc_result pr;
	long ok = 0, bad = 0;
	FILE *f;
	size_t i;

	bench_unlink_db(db);
	path_in(err, sizeof err, o, "import.err");
	path_in(rss, sizeof rss, o, "rusage.txt");
	path_in(list, sizeof list, o, "import.list");
	if (!(f = fopen(list, "w")))
		bench_die("%s: cannot write", list);
	for (i = 0; i < n; i++)
		fprintf(f, "%s\n", c->paths[i]);
	if (fclose(f) != 0)
		bench_die("%s: cannot write", list);
	/* The schema is created outside the clock: the figure is imports. */
	if (run_proc(init, NULL, NULL).status != 0)
		bench_die("%s --db %s init failed", o->council_exe, db);
	/* The table goes to /dev/null; the summary line on stderr is read. */
	pr = run_proc_rss(argv, NULL, err, rss);
	ir.seconds = pr.seconds;
	ir.maxrss_kb = pr.maxrss_kb;
	last_line(err, summary, sizeof summary);
	if (sscanf(summary, "%ld succeeded, %ld failed", &ok, &bad) != 2)
		bench_die("council import: unexpected summary '%s' (status %d; see %s)", summary,
		          pr.status, err);
	ir.failed = bad;
	return ir;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static int cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;
	return x < y ? -1 : x > y;
}

/* o->import_runs imports of the first n files, each into a fresh db: the
 * median time and the median peak RSS (one run's RSS varies by a few
 * hundred KB with how the extraction threads happen to overlap). */
static import_run import_cli_median(const bench_opts *o, const corpus *c, size_t n,
                                    const char *db, double *spread)
{
	double secs[16];
	long rss[16];
	int i, runs = o->import_runs > 16 ? 16 : o->import_runs;
	import_run r = { 0, 0, 0 }, one;

	for (i = 0; i < runs; i++) {
		one = import_cli(o, c, n, db);
		secs[i] = one.seconds;
		rss[i] = one.maxrss_kb;
		if (one.failed > r.failed)
			r.failed = one.failed;
	}
	qsort(secs, (size_t)runs, sizeof secs[0], cmp_double);
	qsort(rss, (size_t)runs, sizeof rss[0], cmp_long);
	r.seconds = secs[runs / 2];
	r.maxrss_kb = rss[runs / 2];
	*spread = (double)rss[runs - 1] / (double)rss[0];
	return r;
}

typedef struct counts {
	int64_t events, meetings, members, sources;
} counts;

static int count_cb(void *ctx, const char *table, int64_t rows)
{
	counts *c = ctx;

	if (!strcmp(table, "event"))
		c->events = rows;
	else if (!strcmp(table, "meeting"))
		c->meetings = rows;
	else if (!strcmp(table, "member"))
		c->members = rows;
	else if (!strcmp(table, "source_document"))
		c->sources = rows;
	return 0;
}

static counts db_counts(const char *path)
{
	counts c = { 0, 0, 0, 0 };
	council_db *db;

	if (council_open(&db, path, COUNCIL_OPEN_READONLY) != COUNCIL_OK ||
	    council_table_counts(db, count_cb, &c) != COUNCIL_OK)
		bench_die("%s: %s", path, council_errmsg(db));
	council_close(db);
	return c;
}

/* ---- where an import's time goes, in this process ------------------------ */

typedef struct breakdown {
	double extract;   /* council_import_parse of every file, data in memory */
	double per_file;  /* council_import_file, one transaction per file */
	double serial;    /* council_import_files, no threads, 100 files per transaction */
	double parallel;  /* council_import_files, the defaults (threads per CPU, 100) */
} breakdown;

static double import_files_in_process(const corpus *c, size_t n, const char *db_path,
                                      unsigned jobs)
{
	council_import_options opt = { jobs, 0 };
	council_db *db;
	double t0;

	bench_unlink_db(db_path);
	if (council_open(&db, db_path, 0) != COUNCIL_OK)
		bench_die("%s: %s", db_path, council_errmsg(db));
	t0 = bench_now();
	if (council_import_files(db, (const char *const *)c->paths, n, &opt, NULL, NULL) != COUNCIL_OK)
		bench_log("council_import_files: %s", council_errmsg(db));
	t0 = bench_now() - t0;
	council_close(db);
	bench_unlink_db(db_path);
	return t0;
}

/* council_import_file on each file, each in its own transaction. */
static double import_in_process(const corpus *c, size_t n, const char *db_path)
{
	council_db *db;
	council_import_result res;
	double t0;
	size_t i;

	bench_unlink_db(db_path);
	if (council_open(&db, db_path, 0) != COUNCIL_OK)
		bench_die("%s: %s", db_path, council_errmsg(db));
	t0 = bench_now();
	for (i = 0; i < n; i++)
		if (council_import_file(&res, db, c->paths[i]) != COUNCIL_OK)
			bench_log("import %s: %s", c->paths[i], council_errmsg(db));
	t0 = bench_now() - t0;
	council_close(db);
	bench_unlink_db(db_path);
	return t0;
}

static breakdown import_breakdown(const bench_opts *o, const corpus *c, size_t n)
{
	breakdown b;
	char db[BENCH_PATH];
	char **data = malloc(n * sizeof *data);
	size_t *len = malloc(n * sizeof *len), i;
	double t0;

	if (!data || !len)
		bench_die("out of memory");
	for (i = 0; i < n; i++) {
		FILE *f = fopen(c->paths[i], "rb");
		len[i] = (size_t)(c->bytes[i + 1] - c->bytes[i]);
		if (!f || !(data[i] = malloc(len[i] + 1)) || fread(data[i], 1, len[i], f) != len[i])
			bench_die("%s: cannot read", c->paths[i]);
		fclose(f);
	}
	t0 = bench_now();
	for (i = 0; i < n; i++) {
		council_extraction *x = NULL;
		if (council_import_parse(&x, c->paths[i], data[i], len[i]) != COUNCIL_OK)
			bench_log("extract %s: %s", c->paths[i], council_extraction_errmsg(x));
		council_extraction_free(x);
	}
	b.extract = bench_now() - t0;
	for (i = 0; i < n; i++)
		free(data[i]);
	free(data);
	free(len);
	path_in(db, sizeof db, o, "import-inproc.db");
	b.per_file = import_in_process(c, n, db);
	b.serial = import_files_in_process(c, n, db, 1);
	b.parallel = import_files_in_process(c, n, db, 0);
	return b;
}

void bench_import(const bench_opts *o)
{
	corpus c;
	size_t sizes[2];
	import_run runs[2];
	double spread[2];
	breakdown b;
	int k;

	corpus_generate(&c, o);
	sizes[0] = c.n / 10 ? c.n / 10 : 1;
	sizes[1] = c.n;
	for (k = 0; k < 2; k++) {
		char db[BENCH_PATH], name[64];
		size_t n = sizes[k];
		double mb = c.bytes[n] / 1e6;
		counts cn;
		snprintf(name, sizeof name, "import-%zu.db", n);
		path_in(db, sizeof db, o, name);
		bench_log("importing %zu reports (%.1f MB) with %s", n, mb, o->council_exe);
		runs[k] = import_cli_median(o, &c, n, db, &spread[k]);
		cn = db_counts(db);
		bench_row(bench_fmt("(3) `council import`, N = %zu (%.1f MB): reports/s", n, mb),
		          bench_fmt("%.0f", (double)n / runs[k].seconds), "", "", "", "≥ 2000",
		          (double)n / runs[k].seconds >= 2000);
		bench_row(bench_fmt("(3) `council import`, N = %zu: MB/s", n),
		          bench_fmt("%.1f", mb / runs[k].seconds), "", "", "", "≥ 20",
		          mb / runs[k].seconds >= 20);
		bench_row(bench_fmt("(3) `council import`, N = %zu: peak RSS", n),
		          bench_fmt("%.1f MB", (double)runs[k].maxrss_kb / 1024), "", "", "", "", -1);
		bench_note("(3) N = %zu: median of %d runs %.2f s, each in one process (peak RSS "
		           "largest/smallest %.2f×), %ld failed; stored %lld sources, "
		           "%lld events, %lld meetings, %lld members.", n, o->import_runs,
		           runs[k].seconds, spread[k], runs[k].failed,
		           (long long)cn.sources, (long long)cn.events, (long long)cn.meetings,
		           (long long)cn.members);
		if (runs[k].failed)
			bench_die("council import: %ld of %zu reports failed; see %s/import.err",
			          runs[k].failed, n, o->dir);
		if (!o->keep)
			bench_unlink_db(db);
	}
	{
		double r = (double)runs[1].maxrss_kb / (double)runs[0].maxrss_kb;
		bench_row(bench_fmt("(3) peak RSS, N = %zu vs N = %zu", sizes[1], sizes[0]),
		          bench_fmt("%.2f×", r), "", "", "", "≤ 1.10×", r <= 1.10);
	}
	bench_log("import breakdown over %zu reports, in this process", c.n);
	b = import_breakdown(o, &c, c.n);
	{
		double n = (double)c.n, mb = c.bytes[c.n] / 1e6;
		bench_row("(3) breakdown: extraction only (council_import_parse, in memory)",
		          bench_fmt("%.0f reports/s, %.1f MB/s", n / b.extract, mb / b.extract), "", "",
		          "", "", -1);
		bench_row("(3) breakdown: council_import_file, a transaction per file",
		          bench_fmt("%.0f reports/s, %.1f MB/s", n / b.per_file, mb / b.per_file), "",
		          "", "", "", -1);
		bench_row("(3) breakdown: council_import_files, no threads, 100 files per transaction",
		          bench_fmt("%.0f reports/s, %.1f MB/s", n / b.serial, mb / b.serial), "", "",
		          "", "", -1);
		bench_row("(3) breakdown: council_import_files, defaults (jobs = CPUs, 100 files)",
		          bench_fmt("%.0f reports/s, %.1f MB/s", n / b.parallel, mb / b.parallel), "",
		          "", "", "", -1);
		bench_note("(3) per report: %.0f µs extracting, %.0f µs storing with its own "
		           "transaction, %.0f µs storing inside a 100-file transaction; with "
		           "extraction on other threads, %.0f µs a report end to end.",
		           b.extract / n * 1e6, (b.per_file - b.extract) / n * 1e6,
		           (b.serial - b.extract) / n * 1e6, b.parallel / n * 1e6);
	}
	corpus_free(&c);
}

/* ---- (4) the CLI against the sqlite3 shell ------------------------------- */

void bench_cli(const bench_opts *o, const char *db)
{
	const char *cli[] = { o->council_exe, "--db", db, "query", "meetings", NULL };
	const char *sql[] = { o->sqlite3_exe, db, "SELECT * FROM meetings_per_year", NULL };
	const char *cli_v[] = { o->council_exe, "--version", NULL };
	const char *sql_v[] = { o->sqlite3_exe, "-version", NULL };
	char out[BENCH_PATH], rss[BENCH_PATH];
	double tc[128], ts[128], cc[128], cs[128], tcv[128], tsv[128], mc, ms;
	long rows_cli, rows_sql, rss_cli, rss_sql;
	int i, n = o->proc_runs > 128 ? 128 : o->proc_runs;

	path_in(out, sizeof out, o, "cli.out");
	if (run_proc(cli, out, NULL).status != 0)
		bench_die("%s --db %s query meetings failed", o->council_exe, db);
	rows_cli = count_lines(out) - 1; /* CSV header */
	if (run_proc(sql, out, NULL).status != 0)
		bench_die("%s %s failed", o->sqlite3_exe, db);
	rows_sql = count_lines(out);
	unlink(out);
	if (rows_cli != rows_sql)
		bench_die("council printed %ld rows, sqlite3 %ld", rows_cli, rows_sql);
	path_in(rss, sizeof rss, o, "rusage.txt");
	rss_cli = run_proc_rss(cli, NULL, NULL, rss).maxrss_kb;
	rss_sql = run_proc_rss(sql, NULL, NULL, rss).maxrss_kb;
	for (i = 0; i < n; i++) {
		proc_result a = run_proc(cli, NULL, NULL), b = run_proc(sql, NULL, NULL);
		tc[i] = a.seconds, ts[i] = b.seconds;
		cc[i] = a.cpu, cs[i] = b.cpu;
		tcv[i] = run_proc(cli_v, NULL, NULL).seconds;
		tsv[i] = run_proc(sql_v, NULL, NULL).seconds;
	}
	mc = bench_median(tc, n);
	ms = bench_median(ts, n);
	bench_row(bench_fmt("(4) meetings per year as a process (%ld rows), median of %d", rows_cli, n),
	          bench_fmt("%.1f ms", mc * 1e3), bench_fmt("%.1f ms", ms * 1e3),
	          bench_fmt("%.2f×", mc / ms),
	          bench_fmt("%.2f×", bench_median(cc, n) / bench_median(cs, n)), "≤ 1.20×",
	          mc / ms <= 1.20);
	bench_row("(4) start-up alone (`council --version` vs `sqlite3 -version`)",
	          bench_fmt("%.1f ms", bench_median(tcv, n) * 1e3),
	          bench_fmt("%.1f ms", bench_median(tsv, n) * 1e3),
	          bench_fmt("%.2f×", bench_median(tcv, n) / bench_median(tsv, n)), "", "", -1);
	bench_note("(4) `council --db DB query meetings` (CSV to /dev/null) against `sqlite3 DB "
	           "'SELECT * FROM meetings_per_year'` on the section (1) database, alternating; "
	           "peak RSS %.1f MB and %.1f MB.", (double)rss_cli / 1024, (double)rss_sql / 1024);
}

/* ---- (5) a national registry as whole processes ------------------------- */

/* One question: the council tool's arguments after "--db DB", the limit SQL
 * (queries.c) and the values the shell binds to its parameters (the shell
 * strips one level of quotes and evaluates the rest: a text is written
 * "'text'"). */
typedef struct national_q {
	const char *name;
	const char *args[8];
	const char *limit;
	const char *params[3]; /* ".parameter set NAME VALUE" commands */
	int needs_lt;          /* the SQL sorts COLLATE lt: the shell loads the extension */
} national_q;

/* The sqlite3 extension beside the council tool's build (cli/council ->
 * lib/libcouncil_sqlite), for the shell's COLLATE lt; "" when not found. */
static void extension_path(char *buf, size_t size, const bench_opts *o)
{
	const char *slash = strrchr(o->council_exe, '/');
	char so[BENCH_PATH_X];

	buf[0] = '\0';
	if (!slash || (size_t)(slash - o->council_exe) >= size)
		return;
	snprintf(buf, size, "%.*s/../lib/libcouncil_sqlite", (int)(slash - o->council_exe),
	         o->council_exe);
	snprintf(so, sizeof so, "%s.so", buf);
	if (access(so, R_OK) != 0)
		buf[0] = '\0';
}

static void national_one(const bench_opts *o, const national_q *q, const char *db,
                         const char *ext)
{
	const char *cli[16], *sql[16];
	char out[BENCH_PATH], load[BENCH_PATH_X];
	double tc[128], ts[128], cc[128], cs[128], mc, ms, ccpu, scpu;
	long rows_cli, rows_sql;
	int i, k = 0, n = o->proc_runs > 128 ? 128 : o->proc_runs;

	cli[k++] = o->council_exe, cli[k++] = "--db", cli[k++] = db;
	for (i = 0; q->args[i]; i++)
		cli[k++] = q->args[i];
	cli[k] = NULL;
	k = 0;
	sql[k++] = o->sqlite3_exe;
	if (q->needs_lt) {
		if (!ext[0]) {
			bench_note("(5) %s: no limit run, the shell has no COLLATE lt without "
			           "lib/libcouncil_sqlite.so beside the council tool's build.", q->name);
			return;
		}
		snprintf(load, sizeof load, ".load %s", ext);
		sql[k++] = "-cmd", sql[k++] = load;
	}
	for (i = 0; i < 3 && q->params[i]; i++)
		sql[k++] = "-cmd", sql[k++] = q->params[i];
	sql[k++] = db, sql[k++] = q->limit, sql[k] = NULL;

	path_in(out, sizeof out, o, "cli.out");
	if (run_proc(cli, out, NULL).status != 0)
		bench_die("(5) %s: the council tool failed", q->name);
	rows_cli = count_lines(out) - 1; /* CSV header */
	if (run_proc(sql, out, NULL).status != 0)
		bench_die("(5) %s: %s failed on the limit SQL", q->name, o->sqlite3_exe);
	rows_sql = count_lines(out);
	unlink(out);
	if (rows_cli != rows_sql)
		bench_die("(5) %s: council printed %ld rows, the limit %ld", q->name, rows_cli, rows_sql);
	for (i = 0; i < n; i++) {
		/* alternate who goes first */
		proc_result a, b;
		if (i % 2 == 0) {
			a = run_proc(cli, NULL, NULL);
			b = run_proc(sql, NULL, NULL);
		} else {
			b = run_proc(sql, NULL, NULL);
			a = run_proc(cli, NULL, NULL);
		}
		tc[i] = a.seconds, ts[i] = b.seconds;
		cc[i] = a.cpu, cs[i] = b.cpu;
	}
	mc = bench_median(tc, n), ms = bench_median(ts, n);
	ccpu = bench_median(cc, n), scpu = bench_median(cs, n);
	/* the shell runs the limit: its time goes in the limit column */
	bench_row_limit(bench_fmt("(5) %s as a process (%ld rows), median of %d", q->name, rows_cli, n),
	                bench_fmt("%.1f ms (CPU %.1f)", mc * 1e3, ccpu * 1e3), "",
	                bench_fmt("%.1f ms (CPU %.1f)", ms * 1e3, scpu * 1e3), "", "",
	                bench_fmt("%.2f× (wall %.2f×)", scpu > 0 ? ccpu / scpu : 0, mc / ms),
	                "≤ 1.50× limit (CPU)", scpu > 0 && ccpu / scpu <= 1.50);
}

void bench_national(const bench_opts *o)
{
	/* 60 councils x 15 years x 100 events (quick: 4 a year) */
	bench_opts n = *o;
	char db[BENCH_PATH], ext[BENCH_PATH];
	registry r;
	size_t i;
	const national_q qs[] = {
		{ "`query meetings`, all councils", { "query", "meetings", NULL },
		  bench_limit_sql("meetings all"), { NULL }, 0 },
		{ "`query participants-per-year`, all councils", { "query", "participants-per-year", NULL },
		  bench_limit_sql("participants per year all"), { NULL }, 0 },
		{ "`query participants --council 1`", { "query", "participants", "--council", "1", NULL },
		  bench_limit_sql("participants one"), { ".parameter set :council 1", NULL }, 0 },
		{ "`query events --from 2020-05 --to 2020-05`",
		  { "query", "events", "--from", "2020-05", "--to", "2020-05", NULL },
		  bench_limit_sql("events range"),
		  { ".parameter set :range_lo \"'2020-05-01'\"", ".parameter set :range_hi \"'2020-05~'\"", NULL }, 0 },
		{ "`query members --role chair`", { "query", "members", "--role", "chair", NULL },
		  bench_limit_sql("memberships by role all"), { ".parameter set :role \"'chair'\"", NULL }, 1 },
		{ "`check`", { "check", NULL }, bench_limit_sql("findings all"), { NULL }, 1 },
		{ "`coverage`", { "coverage", NULL }, bench_limit_sql("coverage all"), { NULL }, 1 },
	};

	n.events = (int64_t)n.councils * n.years * (o->quick ? 4 : 100);
	n.meetings = n.events / 10;
	n.members = n.events / 50;
	path_in(db, sizeof db, o, "national.db");
	bench_log("(5) a national registry: %d councils, %d years, %lld events", n.councils, n.years,
	          (long long)n.events);
	registry_build(&r, &n);
	bench_load_library(&r, db);
	registry_free(&r);
	extension_path(ext, sizeof ext, o);
	for (i = 0; i < sizeof qs / sizeof qs[0]; i++)
		national_one(o, &qs[i], db, ext);
	bench_note("(5) %lld events, %lld meetings, %lld members in %d councils over %d years, "
	           "loaded through the library; each `council --db DB query ...` (CSV to /dev/null) "
	           "against `sqlite3 DB 'LIMIT SQL'` with the same values bound (`.parameter "
	           "set`), alternating, the same rows counted first.  `query fulfilment` has no "
	           "limit written yet and is not timed.  `check` and `coverage` (CSV) read the "
	           "views `findings` and `coverage`: their limit is the view read by the shell in "
	           "the tool's order, as no faster SQL is written for them.", (long long)n.events, (long long)n.meetings, (long long)n.members,
	           n.councils, n.years);
	if (!o->keep)
		bench_unlink_db(db);
}

/* ---- cleaning up --------------------------------------------------------- */

void bench_cleanup(const bench_opts *o)
{
	static const char *const files[] = {
		"registry-lib.db", "registry-raw.db", "import-inproc.db", "import.err",
		"gen_reports.out", "cli.out", "rusage.txt", "national.db",
	};
	char path[BENCH_PATH], dir[BENCH_PATH];
	struct dirent *de;
	DIR *d;
	size_t i;

	/* Only what this program wrote: --dir may name a directory with other
	 * things in it. */
	for (i = 0; i < sizeof files / sizeof files[0]; i++) {
		path_in(path, sizeof path, o, files[i]);
		bench_unlink_db(path);
	}
	if ((d = opendir(o->dir))) {
		while ((de = readdir(d))) {
			char f[BENCH_PATH_X];
			if (!strncmp(de->d_name, "import-", 7) &&
			    snprintf(f, sizeof f, "%s/%s", o->dir, de->d_name) < (int)sizeof f)
				unlink(f);
		}
		closedir(d);
	}
	path_in(dir, sizeof dir, o, "reports");
	if ((d = opendir(dir))) {
		while ((de = readdir(d))) {
			char f[BENCH_PATH_X];
			if (de->d_name[0] == 'r' && strstr(de->d_name, ".txt")) {
				if (snprintf(f, sizeof f, "%s/%s", dir, de->d_name) < (int)sizeof f)
					unlink(f);
			}
		}
		closedir(d);
		rmdir(dir);
	}
	rmdir(o->dir);
}
