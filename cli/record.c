/* SPDX-License-Identifier: MIT */
/*
 * record.c -- what the record commands (council, member, meeting, ...) and
 * the queries share: options into a list's filter, and add, list, show, edit
 * and remove run through a cli_record.  Each record's texts, options and
 * cells stay in its cmd_<name>.c; formats are output.c's.
 */
#include "cli.h"

/* --year YEAR: the one year, as both ends. */
static int set_year(const cli_ctx *ctx, const cli_args *a, council_filter *f)
{
	const char *year = cli_str(a, "year");
	int rc;

	if (year) {
		if ((rc = cli_parse_intval(ctx, "--year", year, &f->year_from)))
			return rc;
		f->year_to = f->year_from;
	}
	return CLI_OK;
}

static int set_role(const cli_ctx *ctx, const cli_args *a, council_filter *f)
{
	if (!cli_has(a, "role"))
		return CLI_OK;
	return cli_parse_enum(ctx, "--role", COUNCIL_ENUM_ROLE, cli_str(a, "role"), &f->role);
}

/* An id filter given empty ("--council ''", often a shell variable left
 * unset) is refused: leaving the option out is how to list every row, and
 * the library refuses an id of 0 rather than read it as "all". */
static int not_empty(const cli_ctx *ctx, const cli_args *a, const char *opt)
{
	const char *v = cli_str(a, opt);

	if (v && !*v)
		return cli_usage(ctx, "--%s: empty value (leave the option out for every %s)",
		                 opt, opt);
	return CLI_OK;
}

int cli_list_begin(cli_list *l, council_filter *f, cli_ctx *ctx, const cli_args *a,
                   unsigned which, const char *const *cols, size_t ncols)
{
	int rc = CLI_OK;

	l->ctx = ctx;
	l->w = NULL;
	council_filter_init(f);
	if (((which & CLI_LIST_PLAN) && (rc = not_empty(ctx, a, "plan"))) ||
	    ((which & CLI_LIST_COUNCIL) && (rc = not_empty(ctx, a, "council"))) ||
	    ((which & CLI_LIST_SOURCE) && (rc = not_empty(ctx, a, "source"))))
		return rc;
	if (((which & CLI_LIST_PLAN) && (rc = cli_set_id(ctx, a, "plan", &f->parent_id))) ||
	    ((which & CLI_LIST_YEAR) && (rc = set_year(ctx, a, f))) ||
	    ((which & CLI_LIST_COUNCIL) &&
	     (rc = cli_set_council(ctx, a, "council", &f->council_id))) ||
	    ((which & CLI_LIST_YEARS) && (rc = cli_set_years(ctx, a, f))) ||
	    ((which & CLI_LIST_RANGE) &&
	     (rc = cli_set_range(ctx, a, f, (which & CLI_LIST_ALL_TIME) != 0))) ||
	    ((which & CLI_LIST_SOURCE) && (rc = cli_set_id(ctx, a, "source", &f->source_id))) ||
	    ((which & CLI_LIST_LIMIT) && (rc = cli_set_limit(ctx, a, f))) ||
	    ((which & CLI_LIST_ROLE) && (rc = set_role(ctx, a, f))))
		return rc;
	/* Loaded now because the rows are printed inside the library's list
	 * call, where no other query may run. */
	if (which & CLI_LIST_NAMES)
		cli_load_council_names(ctx);
	if (!(l->w = cli_writer(ctx, 0, cols, ncols)))
		return CLI_EDB;
	return CLI_OK;
}

/* ---- record commands ------------------------------------------------------- */

int cli_record_run(cli_ctx *ctx, const cli_record *rec, int argc, char **argv)
{
	ctx->record = rec;
	return cli_run_group(ctx, rec->name, rec->help, rec->subs, rec->n_subs, argc, argv);
}

/* The id in the first argument; messages call it "act id" and so on. */
static int record_id(council_id *out, cli_ctx *ctx, const cli_args *a)
{
	char what[64];

	snprintf(what, sizeof what, "%s id", ctx->record->name);
	return cli_pos_id(ctx, a, 0, what, out);
}

int cli_record_find(void **out, cli_ctx *ctx, const cli_args *a)
{
	const cli_record *rec = ctx->record;
	council_id id;
	int rc;

	*out = NULL;
	if (rec->find)
		return rec->find(out, ctx, a);
	if ((rc = record_id(&id, ctx, a)) != CLI_OK)
		return rc;
	if ((rc = rec->ops->get(out, ctx->db, id)) != COUNCIL_OK)
		return cli_fail(ctx, rc);
	return CLI_OK;
}

int cli_record_row(void *vl, const void *r)
{
	cli_list *l = vl;

	l->ctx->record->emit(l->ctx, l->w, r);
	out_row_end(l->w);
	return 0;
}

int cli_record_add(cli_ctx *ctx, cli_args *a)
{
	const cli_record *rec = ctx->record;
	void *r = rec->ops->new_record();
	council_id id = 0;
	int rc;

	if ((rc = rec->apply(ctx, a, r)) == CLI_OK &&
	    (!rec->complete || (rc = rec->complete(ctx, r)) == CLI_OK)) {
		if ((rc = rec->ops->add(&id, ctx->db, r)) != COUNCIL_OK)
			rc = cli_fail(ctx, rc);
		else
			cli_print_id(ctx, id);
	}
	rec->ops->free_record(r);
	return rc;
}

int cli_record_list(cli_ctx *ctx, cli_args *a)
{
	const cli_record *rec = ctx->record;
	council_filter f;
	cli_list l;
	int rc;

	if ((rc = cli_list_begin(&l, &f, ctx, a, rec->list, rec->cols, rec->ncols)) != CLI_OK)
		return rc;
	return cli_list_end(&l, rec->ops->list(ctx->db, &f, &l));
}

int cli_record_show(cli_ctx *ctx, cli_args *a)
{
	const cli_record *rec = ctx->record;
	size_t ncols = rec->n_show_cols ? rec->n_show_cols : rec->ncols;
	cli_list l = { ctx, NULL };
	void *r;
	int rc;

	if ((rc = cli_record_find(&r, ctx, a)) != CLI_OK)
		return rc;
	if (rec->list & CLI_LIST_NAMES)
		cli_load_council_names(ctx);
	rc = CLI_EDB;
	if ((l.w = cli_writer(ctx, 1, rec->cols, ncols))) {
		rec->emit(ctx, l.w, r);
		rc = rec->show_more ? rec->show_more(ctx, l.w, r) : COUNCIL_OK;
		out_row_end(l.w);
		rc = cli_list_end(&l, rc);
	}
	rec->ops->free_record(r);
	return rc;
}

int cli_record_edit(cli_ctx *ctx, cli_args *a)
{
	const cli_record *rec = ctx->record;
	void *r;
	int rc;

	if ((rc = cli_record_find(&r, ctx, a)) != CLI_OK)
		return rc;
	if ((rc = rec->apply(ctx, a, r)) == CLI_OK &&
	    (rc = rec->ops->update(ctx->db, r)) != COUNCIL_OK)
		rc = cli_fail(ctx, rc);
	rec->ops->free_record(r);
	return rc;
}

int cli_record_remove(cli_ctx *ctx, cli_args *a)
{
	council_id id;
	int rc;

	if ((rc = record_id(&id, ctx, a)) != CLI_OK)
		return rc;
	if ((rc = ctx->record->ops->remove(ctx->db, id)) != COUNCIL_OK)
		return cli_fail(ctx, rc);
	return CLI_OK;
}
