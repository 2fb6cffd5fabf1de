/* SPDX-License-Identifier: MIT */
/*
 * files.c -- importing report files: reading, hashing and extracting one
 * file (which needs no database and so runs on worker threads), and
 * council_import_file / council_import_files, which hand the extractions to
 * council_import_load (load.c) in file order on the caller's thread.
 *
 * Why threads and batches: per report, extraction costs about as much CPU
 * as storing, and a transaction per file writes every page the report
 * touched (some thirty: rows in a dozen tables and their indexes) to the
 * WAL once per file.  Extracting on other cores while this thread stores,
 * and committing every COUNCIL_IMPORT_BATCH files, is what the importer's
 * throughput is made of (bench/README.md).  Storing stays on one thread
 * and in order, so the result never depends on the number of threads.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "document.h"
#include "internal.h"
#include "report.h"

/* One file read, hashed and extracted, or why it could not be. */
typedef struct prepared {
	council_extraction *x;  /* owned; NULL when rc is not COUNCIL_OK */
	int rc;
	char sha[65];
	char msg[1024];         /* "path: why" when rc is not COUNCIL_OK */
} prepared;

static int fail(prepared *p, int rc, const char *path, const char *why)
{
	snprintf(p->msg, sizeof p->msg, "%s: %s", path, why);
	p->rc = rc;
	return rc;
}

static int looks_like_json(const char *data, size_t len);

/* Reads a whole regular file into a NUL-terminated buffer. */
static int read_file(prepared *p, char **out, size_t *len, const char *path)
{
	char why[256];
	struct stat st;
	size_t n = 0;
	ssize_t got;
	char *buf;
	int fd;

	*out = NULL;
	/* O_NONBLOCK: opening a FIFO would otherwise wait for a writer for
	 * ever; it changes nothing for the regular files read below. */
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return fail(p, errno == ENOENT ? COUNCIL_ENOTFOUND : COUNCIL_EIO, path, strerror(errno));
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return fail(p, COUNCIL_EIO, path, "not a regular file");
	}
	/* A document (.docx, .pdf with pictures) may be larger than the text
	 * it holds, which is held to COUNCIL_IMPORT_MAX_BYTES once read; a
	 * reviewed JSON has a limit of its own.  Its first bytes tell which
	 * this is, before it is read into memory. */
	if ((uintmax_t)st.st_size > COUNCIL_IMPORT_MAX_BYTES) {
		char head[4096];
		ssize_t head_len = pread(fd, head, sizeof head, 0);
		int json = head_len > 0 && looks_like_json(head, (size_t)head_len);
		unsigned max = json ? COUNCIL_EXTRACTION_MAX_BYTES : DOC_MAX_FILE;
		if ((uintmax_t)st.st_size > max) {
			close(fd);
			snprintf(why, sizeof why, "%lld bytes: larger than %s may be (%u)",
			         (long long)st.st_size, json ? "an extraction" : "a report", max);
			return fail(p, COUNCIL_EINVAL, path, why);
		}
	}
	if (!(buf = malloc((size_t)st.st_size + 1))) {
		close(fd);
		return fail(p, COUNCIL_ENOMEM, path, "out of memory");
	}
	while (n < (size_t)st.st_size) {
		got = read(fd, buf + n, (size_t)st.st_size - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		n += (size_t)got;
	}
	close(fd);
	if (n != (size_t)st.st_size) {
		free(buf);
		return fail(p, COUNCIL_EIO, path, "read error (the file changed while read?)");
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return COUNCIL_OK;
}

/* A reviewed extraction is a JSON object; a report never starts with '{'. */
static int looks_like_json(const char *data, size_t len)
{
	size_t i = 0;

	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r'))
		i++;
	return i < len && data[i] == '{';
}

/* Reads, hashes and extracts path, for target t (NULL: none).  Touches no
 * database: safe on any thread. */
static int prepare(prepared *p, const char *path, const x_target *t)
{
	char *data = NULL;
	size_t len = 0;

	p->x = NULL;
	p->rc = COUNCIL_OK;
	p->msg[0] = '\0';
	if (!path || !*path)
		return fail(p, COUNCIL_EINVAL, "import", "no file named");
	if (read_file(p, &data, &len, path) != COUNCIL_OK)
		return p->rc;
	council_sha256_hex(p->sha, data, len); /* the original's bytes, whatever the format */
	if (looks_like_json(data, len)) {
		p->rc = council_import_parse_json(&p->x, path, data, len);
		if (p->rc == COUNCIL_OK)
			p->rc = x_apply_target(p->x, t);
	} else {
		p->rc = x_parse_document(&p->x, path, data, len, t);
	}
	free(data);
	if (p->rc != COUNCIL_OK) {
		snprintf(p->msg, sizeof p->msg, "%s",
		         p->x ? council_extraction_errmsg(p->x) : council_strerror(p->rc));
		council_extraction_free(p->x);
		p->x = NULL;
	}
	return p->rc;
}

/* A target resolved against the registry: the council's name, its
 * municipality and kind, copied into *out (free with target_free). */
static int target_resolve(x_target *out, council_db *db, const council_import_target *t)
{
	council_council *c = NULL;
	int rc;

	memset(out, 0, sizeof *out);
	if (!t)
		return COUNCIL_OK;
	if (t->year != 0 && (t->year < 1990 || t->year > 2100))
		return cdb_error(db, COUNCIL_EINVAL, "import: year %d: not between 1990 and 2100 (--year)",
		                 t->year);
	if (t->council_id < 0)
		return cdb_error(db, COUNCIL_EINVAL, "import: council id %lld (--council)",
		                 (long long)t->council_id);
	out->year = t->year;
	if (t->council_id == 0)
		return COUNCIL_OK;
	if ((rc = council_get(&c, db, t->council_id)) != COUNCIL_OK)
		return rc == COUNCIL_ENOTFOUND
		       ? cdb_error(db, rc, "import: no council with id %lld (--council)",
		                   (long long)t->council_id)
		       : rc;
	out->council = cdb_strdup(c->name);
	out->municipality = c->municipality ? cdb_strdup(c->municipality) : NULL;
	out->kind = c->kind;
	council_council_free(c);
	if (!out->council)
		return cdb_error(db, COUNCIL_ENOMEM, "out of memory");
	return COUNCIL_OK;
}

static void target_free(x_target *t)
{
	free((char *)t->council);
	free((char *)t->municipality);
}

int council_import_parse_target(council_extraction **out, council_db *db, const char *path,
                                const char *data, size_t len, const council_import_target *target)
{
	x_target t;
	int rc;

	*out = NULL;
	if (!db && target && target->council_id)
		return COUNCIL_EMISUSE;
	if (db && (rc = cdb_enter(db)) != COUNCIL_OK)
		return rc;
	if ((rc = target_resolve(&t, db, target)) != COUNCIL_OK)
		return rc;
	rc = x_parse_document(out, path, data, len, &t);
	target_free(&t);
	return rc;
}

int council_import_file_target(council_import_result *res, council_db *db, const char *path,
                               unsigned flags, const council_import_target *target)
{
	prepared p;
	x_target t;
	int rc;

	if ((rc = cdb_import_begin(res, db)) != COUNCIL_OK)
		return rc;
	if ((rc = target_resolve(&t, db, target)) != COUNCIL_OK)
		return rc;
	rc = prepare(&p, path, &t);
	target_free(&t);
	if (rc != COUNCIL_OK)
		return cdb_error(db, p.rc, "%s", p.msg);
	rc = council_import_load_flags(res, db, p.x, p.sha, flags);
	council_extraction_free(p.x);
	return rc;
}

int council_import_file_flags(council_import_result *res, council_db *db, const char *path,
                              unsigned flags)
{
	return council_import_file_target(res, db, path, flags, NULL);
}

int council_import_file(council_import_result *res, council_db *db, const char *path)
{
	return council_import_file_flags(res, db, path, 0);
}

/* ---- many files ----------------------------------------------------------- */

/* Worker threads (and the storing thread while it waits, see take)
 * prepare files ahead of the storing thread within a window of slots: file i goes to slots[i % window], and no worker starts
 * file i before the storing thread has taken file i - window, so memory
 * holds at most window extractions however long the list. */
typedef struct pool {
	pthread_mutex_t mu;
	pthread_cond_t filled;   /* a worker finished a slot */
	pthread_cond_t freed;    /* the storing thread took a slot */
	const char *const *paths;
	size_t n;
	size_t window;
	prepared *slots;
	unsigned char *ready;    /* per slot: prepared and not yet taken */
	size_t next;             /* the next file a worker will take */
	size_t taken;            /* files the storing thread has taken */
	const x_target *target;  /* what the files are about, or NULL */
} pool;

static void *worker(void *arg)
{
	pool *p = arg;
	size_t i;

	pthread_mutex_lock(&p->mu);
	for (;;) {
		if (p->next >= p->n)
			break;
		if (p->next >= p->taken + p->window) {
			pthread_cond_wait(&p->freed, &p->mu);
			continue;
		}
		i = p->next++;
		pthread_mutex_unlock(&p->mu);
		prepare(&p->slots[i % p->window], p->paths[i], p->target);
		pthread_mutex_lock(&p->mu);
		p->ready[i % p->window] = 1;
		pthread_cond_broadcast(&p->filled);
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

/* Waits for file i and moves it out of its slot.  While file i is not
 * ready, the storing thread prepares the next file no worker has started,
 * as a worker would: extracting a report costs more than storing one, so
 * waiting left a core idle (the order of storing is unchanged). */
static void take(pool *p, size_t i, prepared *out)
{
	size_t k = i % p->window;

	pthread_mutex_lock(&p->mu);
	while (!p->ready[k]) {
		if (p->next < p->n && p->next < p->taken + p->window) {
			size_t j = p->next++;
			pthread_mutex_unlock(&p->mu);
			prepare(&p->slots[j % p->window], p->paths[j], p->target);
			pthread_mutex_lock(&p->mu);
			p->ready[j % p->window] = 1;
			pthread_cond_broadcast(&p->filled);
			continue;
		}
		pthread_cond_wait(&p->filled, &p->mu);
	}
	*out = p->slots[k];
	p->ready[k] = 0;
	p->taken = i + 1;
	pthread_cond_broadcast(&p->freed);
	pthread_mutex_unlock(&p->mu);
}

/* The reports of the batch in progress, held until its commit. */
typedef struct pending {
	council_import_report *r;
	char **msg;              /* owned copies of r[i].errmsg */
	void **notes;            /* the notes of each stored file, taken from the
	                            handle (load.c), owned */
	size_t n;
} pending;

static int pending_add(pending *b, council_db *db, size_t index, const char *path, int rc,
                       const char *msg, const council_import_result *res)
{
	council_import_report *r = &b->r[b->n];

	memset(r, 0, sizeof *r);
	r->path = path;
	r->index = index;
	r->rc = rc;
	b->notes[b->n] = NULL;
	if (res) {
		r->result = *res;
		/* The handle's notes would be the next file's by the time this
		 * one is reported: the batch keeps them. */
		b->notes[b->n] = db->import_notes;
		db->import_notes = NULL;
		r->notes = council_import_notes_last(db);
		if (b->notes[b->n])
			r->notes = b->notes[b->n];
	}
	if (!(b->msg[b->n] = malloc(strlen(msg) + 1))) {
		cdb_import_notes_free(b->notes[b->n]);
		return cdb_error(db, COUNCIL_ENOMEM, "out of memory");
	}
	strcpy(b->msg[b->n], msg);
	r->errmsg = b->msg[b->n];
	b->n++;
	return COUNCIL_OK;
}

/* Reports the batch and empties it.  failed_rc/failed_msg, when set, turn
 * every file stored in it into a failure: its transaction did not commit. */
static void pending_flush(pending *b, council_import_cb cb, void *ctx, int failed_rc,
                          const char *failed_msg, int *first_rc)
{
	size_t i;

	for (i = 0; i < b->n; i++) {
		council_import_report *r = &b->r[i];
		char msg[1200];

		if (failed_rc != COUNCIL_OK && r->rc == COUNCIL_OK) {
			snprintf(msg, sizeof msg, "%s: not stored: %s", r->path, failed_msg);
			r->rc = failed_rc;
			r->errmsg = msg;
		}
		if (r->rc != COUNCIL_OK && *first_rc == COUNCIL_OK)
			*first_rc = r->rc;
		if (r->rc != COUNCIL_OK)
			r->notes = NULL;
		if (cb)
			cb(ctx, r);
		free(b->msg[i]);
		cdb_import_notes_free(b->notes[i]);
	}
	b->n = 0;
}

/* The value of a pragma of the connection; -1 when it cannot be read. */
static int pragma_get(council_db *db, const char *sql)
{
	sqlite3_stmt *st;
	int v = -1;

	if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* A file of more records than this is stored in a transaction of its own
 * rather than in a savepoint of the batch's.  What a savepoint changes
 * SQLite keeps in a sub-journal (in memory during an import: temp_store
 * below), and each statement or inner savepoint released inside it cuts
 * the sub-journal back by walking it from its start: storing a file
 * inside one takes time growing with the square of the pages it changes.
 * A report has tens of records; a reviewed JSON of 20,000 events, stored
 * again over its first version, held the write lock for 38 s that way
 * (bench/lock_hold.py).  In a transaction of its own, the savepoints are
 * the records', each cut back to nothing. */
#define OWN_TRANSACTION_RECORDS 2000

static size_t records_of(const council_extraction *x)
{
	return x ? x->n_members + x->n_meetings + x->n_figures + x->n_measures + x->n_events +
	           x->n_acts : 0;
}

/* Where the files of one council_import_files call are stored, batch by
 * batch. */
typedef struct store_run {
	council_db *db;
	const char *const *paths;
	size_t n;
	size_t batch;            /* files per transaction */
	int own;                 /* the import opens and commits the transactions */
	unsigned flags;
	council_import_cb cb;
	void *ctx;
	pending b;               /* the batch in progress */
	int first_rc;            /* the first file's failure, for the return */
} store_run;

/* Commits the batch (when this import owns the transaction) and hands
 * its results to the callback. */
static void end_batch(store_run *sr)
{
	council_db *db = sr->db;
	int crc = sr->own && db->in_txn ? council_commit(db) : COUNCIL_OK;
	char msg[sizeof db->errmsg];

	if (crc != COUNCIL_OK) {
		snprintf(msg, sizeof msg, "%s", council_errmsg(db));
		if (db->in_txn)
			council_rollback(db);
	}
	pending_flush(&sr->b, sr->cb, sr->ctx, crc, crc != COUNCIL_OK ? msg : NULL, &sr->first_rc);
}

/* Stores prepared file i (taking its extraction) in the batch, and commits
 * the batch when it is full or i is the last file; a large file is stored
 * in a transaction of its own, after the batch so far is committed.
 * Returns COUNCIL_OK, or what stops the import (out of memory). */
static int store_one(store_run *sr, size_t i, prepared *f)
{
	council_db *db = sr->db;
	council_import_result res;
	int rc, alone;

	/* A large file: the batch so far is committed, and the file is
	 * stored by council_import_load_flags in a transaction of its own
	 * (see OWN_TRANSACTION_RECORDS). */
	alone = sr->own && f->rc == COUNCIL_OK && records_of(f->x) > OWN_TRANSACTION_RECORDS;
	if (alone && sr->b.n > 0)
		end_batch(sr);
	if (sr->own && !alone && sr->b.n == 0 && (rc = council_begin(db)) != COUNCIL_OK) {
		/* Cannot even start a transaction (locked, read-only file
		 * system): this file fails, the next ones try again. */
		council_extraction_free(f->x);
		if ((rc = pending_add(&sr->b, db, i, sr->paths[i], rc, council_errmsg(db), NULL)) != COUNCIL_OK)
			return rc;
		pending_flush(&sr->b, sr->cb, sr->ctx, COUNCIL_OK, NULL, &sr->first_rc);
		return COUNCIL_OK;
	}
	memset(&res, 0, sizeof res);
	res.year = -1;
	if (f->rc == COUNCIL_OK) {
		rc = council_import_load_flags(&res, db, f->x, f->sha, sr->flags);
		council_extraction_free(f->x);
		rc = pending_add(&sr->b, db, i, sr->paths[i], rc, rc == COUNCIL_OK ? "" : council_errmsg(db),
		                 rc == COUNCIL_OK ? &res : NULL);
	} else {
		rc = pending_add(&sr->b, db, i, sr->paths[i], f->rc, f->msg, NULL);
	}
	if (rc != COUNCIL_OK)
		return rc;
	if (sr->own && !alone && sqlite3_get_autocommit(db->sql)) {
		/* SQLite rolled the whole transaction back (a full disk, an
		 * I/O error): nothing of this batch is stored. */
		char msg[sizeof db->errmsg];
		snprintf(msg, sizeof msg, "%s", council_errmsg(db));
		council_rollback(db);
		pending_flush(&sr->b, sr->cb, sr->ctx, COUNCIL_EIO, msg, &sr->first_rc);
		return COUNCIL_OK;
	}
	if (sr->b.n == sr->batch || i + 1 == sr->n || alone)
		end_batch(sr);
	return COUNCIL_OK;
}

/* The connection's settings for an import, the old values kept in *temp_store
 * and *wal_pages (-1: not changed). */
static void import_pragmas(council_db *db, int own, int *temp_store, int *wal_pages)
{
	/* Each file is stored inside a savepoint, and SQLite keeps the pages
	 * a savepoint changes in a sub-journal that spills to a temporary file
	 * past 64 KiB: about 100 writes per report.  In memory it is bounded
	 * by what one report touches (a few hundred KiB). */
	*temp_store = pragma_get(db, "PRAGMA temp_store");
	if (*temp_store != 2)
		cdb_exec(db, "PRAGMA temp_store = MEMORY", "import");
	/* A checkpoint copies every page changed since the last one from the
	 * WAL into the database; letting the WAL reach 40 MB instead of 4 MB
	 * before one (SQLite's default) copies a page changed by many batches
	 * once rather than many times: a third less system time over 10,000
	 * reports.  The WAL is checkpointed and emptied as usual afterwards. */
	*wal_pages = own ? pragma_get(db, "PRAGMA wal_autocheckpoint") : -1;
	if (*wal_pages > 0 && *wal_pages < 10000)
		cdb_exec(db, "PRAGMA wal_autocheckpoint = 10000", "import");
}

static void import_pragmas_restore(council_db *db, int temp_store, int wal_pages)
{
	if (temp_store >= 0 && temp_store != 2) {
		/* Back to the caller's setting: other queries keep their large
		 * sorts on disk rather than in memory. */
		char sql[48];
		snprintf(sql, sizeof sql, "PRAGMA temp_store = %d", temp_store);
		sqlite3_exec(db->sql, sql, NULL, NULL, NULL);
	}
	if (wal_pages > 0 && wal_pages < 10000) {
		char sql[48];
		snprintf(sql, sizeof sql, "PRAGMA wal_autocheckpoint = %d", wal_pages);
		sqlite3_exec(db->sql, sql, NULL, NULL, NULL);
		sqlite3_exec(db->sql, "PRAGMA wal_checkpoint(PASSIVE)", NULL, NULL, NULL);
	}
}

/* Stops the workers after file `stored` (all of them when the loop ended):
 * they finish the files they hold, which are then freed, with the batch
 * that did not commit. */
static void import_stop(store_run *sr, pool *p, pthread_t *threads, unsigned started,
                        size_t stored)
{
	unsigned t;
	size_t k;

	/* Only running out of memory leaves the loop early. */
	if (stored < sr->n) {
		pthread_mutex_lock(&p->mu);
		p->n = p->next;
		pthread_cond_broadcast(&p->freed);
		pthread_mutex_unlock(&p->mu);
	}
	for (t = 0; t < started; t++)
		pthread_join(threads[t], NULL);
	if (stored >= sr->n)
		return;
	for (k = 0; k < p->window; k++)
		if (p->ready[k])
			council_extraction_free(p->slots[k].x);
	if (sr->own && sr->db->in_txn)
		council_rollback(sr->db);
	for (k = 0; k < sr->b.n; k++) {
		free(sr->b.msg[k]);
		cdb_import_notes_free(sr->b.notes[k]);
	}
}

int council_import_files(council_db *db, const char *const *paths, size_t n,
                         const council_import_options *opt, council_import_cb cb, void *ctx)
{
	return council_import_files_flags(db, paths, n, opt, 0, cb, ctx);
}

int council_import_files_flags(council_db *db, const char *const *paths, size_t n,
                               const council_import_options *opt, unsigned flags,
                               council_import_cb cb, void *ctx)
{
	return council_import_files_target(db, paths, n, opt, flags, NULL, cb, ctx);
}

int council_import_files_target(council_db *db, const char *const *paths, size_t n,
                                const council_import_options *opt, unsigned flags,
                                const council_import_target *target, council_import_cb cb,
                                void *ctx)
{
	x_target tgt;
	unsigned jobs = opt ? opt->jobs : 0, workers, started = 0;
	int rc, temp_store, wal_pages;
	pthread_t threads[64];
	store_run sr;
	pool p;
	size_t i;

	if ((rc = cdb_enter_write(db)) != COUNCIL_OK)
		return rc;
	if (!paths && n)
		return cdb_error(db, COUNCIL_EMISUSE, "import: no list of files");
	if ((rc = target_resolve(&tgt, db, target)) != COUNCIL_OK)
		return rc;
	/* Jobs counts the caller's thread, which stores, and prepares files
	 * only while it waits for the next one (take), so N jobs is N - 1
	 * extraction threads.  One extraction thread per core on top of it
	 * made 10,000 reports 25% slower on two cores. */
	if (jobs == 0) {
		long cpus = sysconf(_SC_NPROCESSORS_ONLN);
		jobs = cpus > 0 ? (unsigned)cpus : 1;
	}
	workers = jobs - 1;
	if (workers > sizeof threads / sizeof threads[0])
		workers = sizeof threads / sizeof threads[0];
	if ((size_t)workers > n)
		workers = (unsigned)n;
	memset(&sr, 0, sizeof sr);
	sr.db = db;
	sr.paths = paths;
	sr.n = n;
	sr.flags = flags;
	sr.cb = cb;
	sr.ctx = ctx;
	sr.first_rc = COUNCIL_OK;
	sr.batch = opt && opt->batch ? opt->batch : COUNCIL_IMPORT_BATCH;
	/* Inside the caller's transaction each file is reported at once. */
	sr.own = !db->in_txn;
	if (!sr.own)
		sr.batch = 1;
	if (sr.batch > n)
		sr.batch = n ? n : 1;

	memset(&p, 0, sizeof p);
	p.target = &tgt;
	p.paths = paths;
	p.n = n;
	p.window = 2 * (size_t)workers + 2;
	sr.b.r = calloc(sr.batch, sizeof *sr.b.r);
	sr.b.msg = calloc(sr.batch, sizeof *sr.b.msg);
	sr.b.notes = calloc(sr.batch, sizeof *sr.b.notes);
	p.slots = calloc(p.window, sizeof *p.slots);
	p.ready = calloc(p.window, 1);
	if (!sr.b.r || !sr.b.msg || !sr.b.notes || !p.slots || !p.ready) {
		rc = cdb_error(db, COUNCIL_ENOMEM, "out of memory");
		goto out;
	}
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.filled, NULL);
	pthread_cond_init(&p.freed, NULL);
	import_pragmas(db, sr.own, &temp_store, &wal_pages);
	/* One job means no thread: the caller's thread prepares each file. A
	 * thread that cannot be started only makes the import slower. */
	if (workers > 0)
		for (started = 0; started < workers; started++)
			if (pthread_create(&threads[started], NULL, worker, &p) != 0)
				break;

	for (i = 0; i < n; i++) {
		prepared f;

		if (started)
			take(&p, i, &f);
		else
			prepare(&f, paths[i], &tgt);
		if ((rc = store_one(&sr, i, &f)) != COUNCIL_OK)
			break;
	}
	import_stop(&sr, &p, threads, started, i);
	import_pragmas_restore(db, temp_store, wal_pages);
	pthread_cond_destroy(&p.filled);
	pthread_cond_destroy(&p.freed);
	pthread_mutex_destroy(&p.mu);
	if (rc == COUNCIL_OK)
		rc = sr.first_rc;
out:
	target_free(&tgt);
	free(sr.b.r);
	free(sr.b.msg);
	free(sr.b.notes);
	free(p.slots);
	free(p.ready);
	return rc;
}
