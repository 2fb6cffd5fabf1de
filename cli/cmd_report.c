/* SPDX-License-Identifier: MIT */
/*
 * cmd_report.c -- `council report --html OUT.html`: the registry as one
 * self-contained page to look at (no scripts, no network: inline CSS and
 * SVG).  Here: the queries on the public views (run with council_sql, so
 * the page shows what every other tool reads), the bar charts and the
 * coverage grid.  The numbers are the views'; nothing is computed here
 * but their layout.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char help[] =
	"Usage: council report --html OUT.html\n"
	"\n"
	"Writes one self-contained HTML page (inline SVG charts and CSS, no scripts,\n"
	"nothing fetched from the network, readable offline): for each council, in\n"
	"Lithuanian order, meetings per year and participants per year as bar charts\n"
	"(a year whose sum includes a lower bound is marked \"≥\"), the members whose\n"
	"term has not ended, the events of its latest year with events, and the\n"
	"findings of `council check` about it (when there are any); and for\n"
	"the whole registry a coverage grid of municipality × year (meetings and\n"
	"events recorded).  The file is replaced whole.\n"
	"\n"
	"Options:\n"
	"  --html FILE   the page to write (required)\n"
	"\n"
	"Example:\n"
	"  council report --html registry.html && xdg-open registry.html\n";

/* ---- rows of a query ----------------------------------------------------- */

typedef struct rows {
	char **cell;     /* n * ncol strings, NULL for SQL NULL */
	size_t n, cap;
	int ncol, oom;
} rows;

static int rows_cb(void *ctx, int ncol, const char *const *names, const char *const *values,
                   const int *types)
{
	rows *r = ctx;
	int i;

	(void)names;
	(void)types;
	r->ncol = ncol;
	if (r->n == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 16;
		char **grown = realloc(r->cell, cap * (size_t)ncol * sizeof *grown);
		if (!grown) {
			r->oom = 1;
			return 1;
		}
		r->cell = grown;
		r->cap = cap;
	}
	for (i = 0; i < ncol; i++) {
		char *v = NULL;
		if (values[i] && !(v = strdup(values[i]))) {
			r->oom = 1;
			return 1;
		}
		r->cell[r->n * (size_t)ncol + (size_t)i] = v;
	}
	r->n++;
	return 0;
}

static void rows_free(rows *r)
{
	size_t i;

	for (i = 0; i < r->n * (size_t)r->ncol; i++)
		free(r->cell[i]);
	free(r->cell);
	memset(r, 0, sizeof *r);
}

static const char *at(const rows *r, size_t row, int col)
{
	return r->cell[row * (size_t)r->ncol + (size_t)col];
}

/* Runs a fixed query on the public views.  The only value in the texts is
 * a council id the tool read from the registry (an integer printed with
 * %lld), never text from outside. */
static int query(rows *out, cli_ctx *ctx, const char *sql)
{
	int rc;

	memset(out, 0, sizeof *out);
	rc = council_sql(ctx->db, sql, rows_cb, out);
	if (out->oom)
		return cli_error(CLI_EDB, "out of memory");
	return rc == COUNCIL_OK ? CLI_OK : cli_fail(ctx, rc);
}

/* ---- HTML ------------------------------------------------------------------ */

static void esc(FILE *f, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		default: fputc(*s, f);
		}
	}
}

/* A bar chart of (year, value, label) rows: one <path> per bar, the axis
 * a path too, the value over each bar and the year under it. */
static void bar_chart(FILE *f, const char *title, const rows *r, int year_col, int value_col,
                      int mark_col)
{
	const int bar = 34, gap = 10, top = 22, height = 120, left = 8;
	double max = 0;
	size_t i;
	int width;

	for (i = 0; i < r->n; i++) {
		double v = at(r, i, value_col) ? atof(at(r, i, value_col)) : 0;
		if (v > max)
			max = v;
	}
	width = left * 2 + (int)r->n * (bar + gap);
	if (width < 160)
		width = 160;
	fprintf(f, "<figure><figcaption>");
	esc(f, title);
	fprintf(f, "</figcaption>\n<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" "
	           "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">\n",
	        width, top + height + 20, width, top + height + 20);
	fprintf(f, "<path class=\"axis\" d=\"M%d %d H%d\"/>\n", left, top + height, width - left);
	for (i = 0; i < r->n; i++) {
		const char *v = at(r, i, value_col), *mark = mark_col >= 0 ? at(r, i, mark_col) : NULL;
		double h = v && max > 0 ? atof(v) / max * height : 0;
		int x = left + (int)i * (bar + gap) + gap / 2;
		int lower = mark && (strcmp(mark, "at_least") == 0 || strcmp(mark, "more_than") == 0);
		if (h > 0 && h < 1)
			h = 1;
		fprintf(f, "<path class=\"bar%s\" d=\"M%d %d v%.1f h%d v%.1f Z\"><title>%s: %s%s</title>"
		           "</path>\n", lower ? " lower" : "", x, top + height, -h, bar, h,
		        at(r, i, year_col), lower ? "≥ " : mark && strcmp(mark, "about") == 0 ? "~" : "",
		        v ? v : "–");
		fprintf(f, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"middle\">%s%s</text>\n",
		        x + bar / 2, top + height - h - 4,
		        lower ? "≥" : mark && strcmp(mark, "about") == 0 ? "~" : "", v ? v : "–");
		fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", x + bar / 2,
		        top + height + 15, at(r, i, year_col));
	}
	fputs("</svg></figure>\n", f);
}

static void table(FILE *f, const rows *r, const char *const *heads, int n)
{
	size_t i;
	int c;

	fputs("<table><tr>", f);
	for (c = 0; c < n; c++)
		fprintf(f, "<th>%s</th>", heads[c]);
	fputs("</tr>\n", f);
	for (i = 0; i < r->n; i++) {
		fputs("<tr>", f);
		for (c = 0; c < n; c++) {
			fputs("<td>", f);
			esc(f, at(r, i, c) ? at(r, i, c) : "");
			fputs("</td>", f);
		}
		fputs("</tr>\n", f);
	}
	fputs("</table>\n", f);
}

/* ---- the page ---------------------------------------------------------------- */

struct council_ids {
	long long *id;
	size_t n;
	int oom;
};

static int council_cb(void *ctx, const council_council *c)
{
	struct council_ids *s = ctx;
	long long *grown = realloc(s->id, (s->n + 1) * sizeof *grown);

	if (!grown) {
		s->oom = 1;
		return 1;
	}
	s->id = grown;
	s->id[s->n++] = c->id;
	return 0;
}

static int council_section(FILE *f, cli_ctx *ctx, long long id)
{
	static const char *const member_heads[] = { "Name", "Role", "Represents", "Side" };
	static const char *const event_heads[] = { "Date", "Title", "Kind", "Participants" };
	static const char *const finding_heads[] = { "Year", "Check", "Finding", "Records",
	                                             "Documents" };
	rows head, meet, part, mem, ev, find;
	char q[1024];
	int rc;

	snprintf(q, sizeof q, "SELECT name, municipality, kind FROM council WHERE id = %lld", id);
	if ((rc = query(&head, ctx, q)) != CLI_OK)
		return rc;
	if (head.n == 0) {
		rows_free(&head);
		return CLI_OK;
	}
	snprintf(q, sizeof q, "SELECT year, meetings FROM meetings_per_year "
	         "WHERE council_id = %lld ORDER BY year", id);
	if ((rc = query(&meet, ctx, q)) != CLI_OK) {
		rows_free(&head);
		return rc;
	}
	snprintf(q, sizeof q, "SELECT year, participants, qualifier FROM participants_per_year "
	         "WHERE council_id = %lld AND participants IS NOT NULL ORDER BY year", id);
	if ((rc = query(&part, ctx, q)) != CLI_OK)
		goto out3;
	snprintf(q, sizeof q, "SELECT name, role, represents, side FROM member "
	         "WHERE council_id = %lld AND (term_end IS NULL OR "
	         "substr(term_end, 1, 4) >= strftime('%%Y', 'now')) "
	         "ORDER BY CASE role WHEN 'chair' THEN 0 WHEN 'deputy' THEN 1 "
	         "WHEN 'secretary' THEN 2 ELSE 3 END, lt_key(name)", id);
	if ((rc = query(&mem, ctx, q)) != CLI_OK)
		goto out2;
	snprintf(q, sizeof q, "SELECT date_start, title, kind, CASE WHEN qualifier IS NULL "
	         "THEN NULL WHEN qualifier = 'exact' THEN participants WHEN qualifier = 'about' "
	         "THEN '~' || participants ELSE '≥ ' || participants END "
	         "FROM events_overview WHERE council_id = %lld AND year = "
	         "(SELECT max(year) FROM event WHERE council_id = %lld) "
	         "ORDER BY date_start, title", id, id);
	if ((rc = query(&ev, ctx, q)) != CLI_OK)
		goto out1;
	/* council check's findings, in its order (not dated first: NULL sorts first) */
	snprintf(q, sizeof q, "SELECT year, kind, detail, record, documents FROM findings "
	         "WHERE council_id = %lld ORDER BY year, kind, record", id);
	if ((rc = query(&find, ctx, q)) != CLI_OK)
		goto out0;
	fprintf(f, "<section class=\"council\" id=\"council-%lld\">\n<h2>", id);
	esc(f, at(&head, 0, 0));
	fputs("</h2>\n<p class=\"meta\">", f);
	esc(f, at(&head, 0, 1) ? at(&head, 0, 1) : "municipality not known");
	fputs(" · ", f);
	esc(f, at(&head, 0, 2));
	fputs("</p>\n<div class=\"charts\">\n", f);
	if (meet.n)
		bar_chart(f, "Meetings per year", &meet, 0, 1, -1);
	else
		fputs("<p class=\"none\">No meetings recorded.</p>\n", f);
	if (part.n)
		bar_chart(f, "Participants per year", &part, 0, 1, 2);
	else
		fputs("<p class=\"none\">No participants counted.</p>\n", f);
	fputs("</div>\n<h3>Members now</h3>\n", f);
	if (mem.n)
		table(f, &mem, member_heads, 4);
	else
		fputs("<p class=\"none\">No members recorded.</p>\n", f);
	if (ev.n) {
		fprintf(f, "<h3>Events of %.4s</h3>\n", at(&ev, 0, 0));
		table(f, &ev, event_heads, 4);
	}
	if (find.n) {
		fprintf(f, "<h3 class=\"findings\">Findings (%zu)</h3>\n", find.n);
		table(f, &find, finding_heads, 5);
	}
	fputs("</section>\n", f);
	rows_free(&find);
out0:
	rows_free(&ev);
out1:
	rows_free(&mem);
out2:
	rows_free(&part);
out3:
	rows_free(&meet);
	rows_free(&head);
	return rc;
}

/* Municipality × year: meetings and events recorded for its councils. */
static int coverage(FILE *f, cli_ctx *ctx)
{
	rows years, grid;
	size_t i, y;
	int rc;
	const char *last = NULL;

	if ((rc = query(&years, ctx, "SELECT DISTINCT year FROM (SELECT year FROM meeting UNION "
	                             "SELECT year FROM event) ORDER BY year")) != CLI_OK)
		return rc;
	if ((rc = query(&grid, ctx, "SELECT coalesce(c.municipality, c.name) AS m, t.year, "
	                            "sum(t.n) FROM (SELECT council_id, year, count(*) AS n FROM meeting "
	                            "GROUP BY 1, 2 UNION ALL SELECT council_id, year, count(*) FROM event "
	                            "GROUP BY 1, 2) t JOIN council c ON c.id = t.council_id "
	                            "GROUP BY m, t.year ORDER BY lt_key(m), t.year")) != CLI_OK) {
		rows_free(&years);
		return rc;
	}
	fputs("<section id=\"coverage\"><h2>Coverage: meetings and events recorded</h2>\n"
	      "<table class=\"grid\"><tr><th>Municipality</th>", f);
	for (y = 0; y < years.n; y++)
		fprintf(f, "<th>%s</th>", at(&years, y, 0));
	fputs("</tr>\n", f);
	for (i = 0; i < grid.n; ) {
		last = at(&grid, i, 0);
		fputs("<tr><th>", f);
		esc(f, last);
		fputs("</th>", f);
		for (y = 0; y < years.n; y++) {
			if (i < grid.n && strcmp(at(&grid, i, 0), last) == 0 &&
			    strcmp(at(&grid, i, 1), at(&years, y, 0)) == 0) {
				int n = atoi(at(&grid, i, 2));
				fprintf(f, "<td class=\"c%d\">%d</td>", n >= 20 ? 3 : n >= 5 ? 2 : 1, n);
				i++;
			} else {
				fputs("<td class=\"c0\"></td>", f);
			}
		}
		fputs("</tr>\n", f);
		while (i < grid.n && strcmp(at(&grid, i, 0), last) == 0)
			i++; /* cannot happen: years are all listed */
	}
	fputs("</table></section>\n", f);
	rows_free(&years);
	rows_free(&grid);
	return CLI_OK;
}

static const char style[] =
	"body{font-family:sans-serif;margin:2em;color:#222;max-width:70em}"
	"h1{font-size:1.6em}h2{font-size:1.25em;margin-top:2em;border-bottom:1px solid #ccc}"
	"h3{font-size:1em}.meta,.none{color:#666}"
	".charts{display:flex;flex-wrap:wrap;gap:2em}figure{margin:0}"
	"figcaption{font-size:.9em;color:#444}svg.chart text{font-size:11px;fill:#333}"
	"path.bar{fill:#2a6f97}path.bar.lower{fill:#e07a1f}path.axis{stroke:#888;fill:none}"
	"table{border-collapse:collapse;font-size:.9em}td,th{border:1px solid #ddd;padding:.2em .5em;"
	"text-align:left}table.grid td{text-align:center;min-width:2.5em}"
	".c0{background:#fafafa}.c1{background:#d6eaf3}.c2{background:#8cc3dd}.c3{background:#2a6f97;color:#fff}";

static int run(cli_ctx *ctx, cli_args *a)
{
	const char *path = cli_str(a, "html");
	struct council_ids ids = { NULL, 0, 0 };
	council_filter filt;
	char *tmp;
	FILE *f;
	size_t i;
	int rc;

	if (!*path)
		return cli_usage(ctx, "--html: empty path");
	council_filter_init(&filt);
	rc = council_list(ctx->db, &filt, council_cb, &ids);
	if (ids.oom || rc != COUNCIL_OK) {
		free(ids.id);
		return ids.oom ? cli_error(CLI_EDB, "out of memory") : cli_fail(ctx, rc);
	}
	/* Written beside its name and renamed: a reader never sees half a page. */
	if (!(tmp = malloc(strlen(path) + sizeof ".tmp"))) {
		free(ids.id);
		return cli_error(CLI_EDB, "out of memory");
	}
	sprintf(tmp, "%s.tmp", path);
	if (!(f = fopen(tmp, "w"))) {
		rc = cli_error(CLI_EDB, "%s: cannot write", tmp);
		goto done;
	}
	fprintf(f, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
	           "<title>Community-organisation councils: registry report</title>\n"
	           "<style>%s</style></head>\n<body>\n<h1>Community-organisation councils</h1>\n"
	           "<p class=\"meta\">%zu councils. Orange bars: a sum that includes a lower bound "
	           "(\"more than\", \"at least\").</p>\n", style, ids.n);
	rc = CLI_OK;
	for (i = 0; i < ids.n && rc == CLI_OK; i++)
		rc = council_section(f, ctx, ids.id[i]);
	if (rc == CLI_OK)
		rc = coverage(f, ctx);
	fputs("</body></html>\n", f);
	if ((ferror(f) | fclose(f)) != 0 && rc == CLI_OK)
		rc = cli_error(CLI_EDB, "%s: cannot write", tmp);
	if (rc == CLI_OK && rename(tmp, path) != 0)
		rc = cli_error(CLI_EDB, "%s: cannot write", path);
	if (rc != CLI_OK)
		remove(tmp);
done:
	free(tmp);
	free(ids.id);
	return rc;
}

static const cli_opt opts[] = { { "html", CLI_VALUE | CLI_REQUIRED }, { NULL, 0 } };

static const cli_cmd cmd = {
	"report", run, opts, 0, 0, CLI_DB_READONLY, "write a self-contained HTML page with charts", help
};

int cmd_report(cli_ctx *ctx, int argc, char **argv)
{
	return cli_run(ctx, "report", &cmd, argc, argv);
}
