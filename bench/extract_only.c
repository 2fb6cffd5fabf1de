/* SPDX-License-Identifier: MIT */
/*
 * extract_only.c -- extraction alone: council_import_parse over reports
 * already in memory, for bench/README.md section (3)'s figures.  Counted
 * with callgrind (`valgrind --tool=callgrind
 * --toggle-collect=council_import_parse council-extract-bench LIST`) or
 * timed by the process's CPU clock over ROUNDS passes.
 *
 * Usage: council-extract-bench LIST [ROUNDS]   (LIST: one file a line)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "council.h"

typedef struct report {
	char *path, *data;
	size_t len;
} report;

/* The whole of path into *r; 0, or -1 with a message. */
static int read_report(report *r, const char *path)
{
	FILE *f = fopen(path, "rb");
	long n;

	if (!f || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0 ||
	    !(r->data = malloc((size_t)n + 1)) || !(r->path = malloc(strlen(path) + 1))) {
		fprintf(stderr, "council-extract-bench: %s: cannot read\n", path);
		if (f)
			fclose(f);
		return -1;
	}
	r->len = fread(r->data, 1, (size_t)n, f);
	strcpy(r->path, path);
	fclose(f);
	return 0;
}

int main(int argc, char **argv)
{
	report *rs = NULL;
	size_t n = 0, i, bytes = 0;
	char line[4096];
	int rounds = argc > 2 ? atoi(argv[2]) : 1, k, failed = 0;
	struct timespec a, b;
	double s;
	FILE *list;

	if (argc < 2 || rounds < 1 || !(list = fopen(argv[1], "r"))) {
		fprintf(stderr, "usage: council-extract-bench LIST [ROUNDS]\n");
		return 2;
	}
	while (fgets(line, sizeof line, list)) {
		report *p;
		line[strcspn(line, "\n")] = '\0';
		if (!line[0])
			continue;
		if (!(p = realloc(rs, (n + 1) * sizeof *rs)) || read_report(&p[n], line) != 0) {
			fclose(list);
			return 1;
		}
		rs = p;
		bytes += rs[n++].len;
	}
	fclose(list);
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a);
	for (k = 0; k < rounds; k++)
		for (i = 0; i < n; i++) {
			council_extraction *x = NULL;
			if (council_import_parse(&x, rs[i].path, rs[i].data, rs[i].len) != COUNCIL_OK)
				failed++;
			council_extraction_free(x);
		}
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b);
	s = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
	printf("%zu reports x %d: %.3f s CPU, %.0f reports/s, %.1f MB/s, %d refused\n", n, rounds, s,
	       s > 0 ? (double)n * rounds / s : 0.0, s > 0 ? (double)bytes * rounds / s / 1e6 : 0.0,
	       failed);
	for (i = 0; i < n; i++) {
		free(rs[i].path);
		free(rs[i].data);
	}
	free(rs);
	return 0;
}
