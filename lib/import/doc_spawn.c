/* SPDX-License-Identifier: MIT */
/*
 * doc_spawn.c -- running a converter program (pdftotext, antiword) on a
 * document's bytes: no shell, the bytes on its standard input through an
 * unlinked temporary file (so nothing is left behind and no pipe write can
 * block or raise SIGPIPE), its output read from pipes under a time limit
 * and a size limit, after which it is killed.
 *
 * Why a separate program and not a library: poppler is GPL and libcouncil
 * is MIT; calling the pdftotext program keeps the library's licence clean
 * (doc/formats.md).
 */
#define _GNU_SOURCE 1 /* pipe2, mkostemp */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "document.h"

extern char **environ;

/* The input as an unlinked temporary file, open for reading at its start:
 * a seekable standard input, which pdftotext needs. */
static int input_file(const char *data, size_t len)
{
	const char *dir = getenv("TMPDIR");
	char path[4096];
	size_t off = 0;
	int fd;

	if (!dir || !*dir || strlen(dir) > sizeof path - 32)
		dir = "/tmp";
	snprintf(path, sizeof path, "%s/council-doc-XXXXXX", dir);
	if ((fd = mkostemp(path, O_CLOEXEC)) < 0)
		return -1;
	unlink(path);
	while (off < len) {
		ssize_t n = write(fd, data + off, len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			close(fd);
			return -1;
		}
		off += (size_t)n;
	}
	if (lseek(fd, 0, SEEK_SET) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int doc_run(doc_result *r, int *status, char **out, size_t *out_len, char *err, size_t err_size,
            const char *const argv[], const char *input, size_t input_len, size_t max_out)
{
	posix_spawn_file_actions_t fa;
	int in = -1, po[2] = { -1, -1 }, pe[2] = { -1, -1 }, rc = COUNCIL_OK, st = 0, sp;
	size_t err_len = 0;
	long long deadline;
	dbuf o = { NULL, 0, 0, 0 };
	pid_t pid;

	*out = NULL;
	*out_len = 0;
	*status = -1;
	if (err_size)
		err[0] = '\0';
	if ((in = input_file(input, input_len)) < 0)
		return doc_fail(r, COUNCIL_EIO, "cannot write a temporary file for %s: %s", argv[0],
		                strerror(errno));
	if (pipe2(po, O_CLOEXEC) != 0 || pipe2(pe, O_CLOEXEC) != 0) {
		rc = doc_fail(r, COUNCIL_EIO, "cannot run %s: %s", argv[0], strerror(errno));
		goto out;
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, in, 0);
	posix_spawn_file_actions_adddup2(&fa, po[1], 1);
	posix_spawn_file_actions_adddup2(&fa, pe[1], 2);
	sp = posix_spawnp(&pid, argv[0], &fa, NULL, (char *const *)argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(po[1]);
	close(pe[1]);
	po[1] = pe[1] = -1;
	if (sp != 0) {
		rc = sp == ENOENT ? COUNCIL_ENOTFOUND
		                  : doc_fail(r, COUNCIL_EIO, "cannot run %s: %s", argv[0], strerror(sp));
		goto out;
	}
	deadline = now_ms() + DOC_PROGRAM_SECONDS * 1000LL;
	while (po[0] >= 0 || pe[0] >= 0) {
		struct pollfd p[2];
		long long left = deadline - now_ms();
		int np = 0, k;
		char buf[65536];

		if (left <= 0) {
			rc = doc_fail(r, COUNCIL_EIO, "%s took longer than %d seconds: stopped", argv[0],
			              DOC_PROGRAM_SECONDS);
			break;
		}
		if (po[0] >= 0)
			p[np].fd = po[0], p[np].events = POLLIN, np++;
		if (pe[0] >= 0)
			p[np].fd = pe[0], p[np].events = POLLIN, np++;
		if (poll(p, (nfds_t)np, (int)(left > 1000 ? 1000 : left)) < 0) {
			if (errno == EINTR)
				continue;
			rc = doc_fail(r, COUNCIL_EIO, "reading %s's output: %s", argv[0], strerror(errno));
			break;
		}
		for (k = 0; k < np; k++) {
			ssize_t n;
			if (!(p[k].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			n = read(p[k].fd, buf, sizeof buf);
			if (n < 0 && (errno == EINTR || errno == EAGAIN))
				continue;
			if (n <= 0) {
				close(p[k].fd);
				if (p[k].fd == po[0])
					po[0] = -1;
				else
					pe[0] = -1;
				continue;
			}
			if (p[k].fd == po[0]) {
				dbuf_add(&o, buf, (size_t)n);
			} else if (err_len + 1 < err_size) {
				size_t take = (size_t)n < err_size - 1 - err_len ? (size_t)n
				                                                  : err_size - 1 - err_len;
				memcpy(err + err_len, buf, take);
				err_len += take;
				err[err_len] = '\0';
			}
		}
		if (o.oom) {
			rc = doc_fail(r, COUNCIL_ENOMEM, "out of memory");
			break;
		}
		if (o.len > max_out) {
			rc = doc_fail(r, COUNCIL_EINVAL, "%s wrote more than %zu bytes of text: larger "
			              "than a report may be", argv[0], max_out);
			break;
		}
	}
	if (rc != COUNCIL_OK)
		kill(pid, SIGKILL);
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	if (rc == COUNCIL_OK) {
		*status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + (WIFSIGNALED(st) ? WTERMSIG(st) : 0);
		*out = o.s ? o.s : calloc(1, 1);
		*out_len = o.len;
		o.s = NULL;
		if (!*out)
			rc = doc_fail(r, COUNCIL_ENOMEM, "out of memory");
	}
out:
	free(o.s);
	if (in >= 0)
		close(in);
	if (po[0] >= 0)
		close(po[0]);
	if (po[1] >= 0)
		close(po[1]);
	if (pe[0] >= 0)
		close(pe[0]);
	if (pe[1] >= 0)
		close(pe[1]);
	return rc;
}
