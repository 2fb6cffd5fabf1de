/* SPDX-License-Identifier: MIT */
/*
 * export.h -- what the export formats share: a buffered writer over the
 * caller's council_write_cb (filters use sqlbuf's named parameters), and
 * one entry point per single-file format (export_ical.c, export_popolo.c).
 * export.c owns the public calls, the read snapshot and the CSV bundle.
 */
#ifndef COUNCIL_EXPORT_H
#define COUNCIL_EXPORT_H

#include "internal.h"
#include "sqlbuf.h"

/* Bytes on their way to cb, in blocks: a calendar line at a time would
 * be a call per 75 bytes. */
typedef struct exp_out {
	council_write_cb cb;
	void *ctx;
	int stopped;      /* cb's nonzero value, once it returned one */
	size_t len;
	char buf[16384];
} exp_out;

/* Appends s[0..n); returns 0, or cb's nonzero value (and then drops the
 * rest, so a caller may check once at the end). */
int exp_put(exp_out *o, const char *s, size_t n);
int exp_puts(exp_out *o, const char *s);
/* Hands what is buffered to cb; returns 0 or cb's value. */
int exp_flush(exp_out *o);

/* The single-file formats, called inside the export's read snapshot. */
int exp_ical(council_db *db, const council_export_options *opt, exp_out *out);
int exp_popolo(council_db *db, const council_export_options *opt, exp_out *out);
int exp_postgres(council_db *db, const council_export_options *opt, exp_out *out);

#endif
