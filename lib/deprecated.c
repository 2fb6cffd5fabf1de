/* SPDX-License-Identifier: MIT */
/*
 * deprecated.c -- the public names renamed in 0.2 (NEWS.md), kept for one
 * release so programs built against 0.1 still link and run: each calls its
 * replacement.  Removing them changes the soname (doc/abi.md).
 */
#include "internal.h"

int council_council_add(council_id *id, council_db *db, const council_council *r)
{
	return council_add(id, db, r);
}

int council_council_get(council_council **out, council_db *db, council_id id)
{
	return council_get(out, db, id);
}

int council_council_update(council_db *db, const council_council *r)
{
	return council_update(db, r);
}

int council_council_delete(council_db *db, council_id id)
{
	return council_delete(db, id);
}

int council_council_delete_cascade(council_db *db, council_id id)
{
	return council_delete_cascade(db, id);
}

int council_council_list(council_db *db, const council_filter *f, council_council_cb cb, void *ctx)
{
	return council_list(db, f, cb, ctx);
}

int council_council_find(council_id *out, council_db *db, const char *spec)
{
	return council_find(out, db, spec);
}
