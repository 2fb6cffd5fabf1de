/* SPDX-License-Identifier: MIT */
/*
 * extract_news.c -- what a news page about a council says in its own way:
 * the council named in full in the story while the page's header and
 * breadcrumb only name a section ("Bendruomenės ir NVO"), and members
 * named in running text ("moderavo tarybos nariai A, B ir C").  The
 * page's dates, meetings and events are read as any prose is
 * (extract_sentence.c).
 */
#include "extract_int.h"

/* ---- the council --------------------------------------------------------- */

/* How often the folded, space-collapsed text f names the council of the
 * municipality whose name before "savivaldybė" is muni, of the kind whose
 * adjective is adj ("bendruomeniniu", "nevyriausybiniu"), in full. */
static int full_names(const char *f, const char *muni, const char *adj)
{
	char want[256];
	const char *p = f;
	int n = 0;

	if (snprintf(want, sizeof want, "%.128ssavivaldybes %.20s organizaciju taryb", muni, adj) < 0)
		return 0;
	while ((p = strstr(p, want)) != NULL) {
		n++;
		p += strlen(want);
	}
	return n;
}

/* "council.named": the council's kind comes from the words after its
 * municipality in the title, where a news page's header may only name a
 * section ("KRETINGOS RAJONO SAVIVALDYBĖ / Naujienos › Bendruomenės ir
 * NVO / ... BO tarybos seminaras").  When the title names no council of
 * that kind itself ("NVO taryba") and the text names only the other kind's
 * council in full ("Kretingos rajono savivaldybės bendruomeninių
 * organizacijų taryba surengė ..."), that is the page's council. */
void ex_council_named(ctx *c)
{
	council_extraction *x = c->x;
	char *clean, *f = NULL, *title = NULL, muni[128], buf[256];
	const char *sav;
	int bo, nvo, to_kind;
	size_t n;

	if (!x->council.municipality || !(sav = strstr(x->council.municipality, "savivaldybė")))
		return;
	n = (size_t)(sav - x->council.municipality);
	if (n >= sizeof muni)
		return;
	/* the other kind's adjective is nowhere in the document's fold: no
	 * full name of that council in it (a cheap look before the text is
	 * cleaned and folded whole) */
	if (x->council.kind != COUNCIL_KIND_BO && x->council.kind != COUNCIL_KIND_NVO)
		return;
	if (c->t->fold && !strstr(c->t->fold, x->council.kind == COUNCIL_KIND_BO ? "nevyriausybiniu"
	                                                                          : "bendruomeniniu"))
		return;
	utf8_fold_into(muni, x->council.municipality, n);
	if (!(clean = ex_clean(c, 0, c->t->len)) || !(f = utf8_fold(clean, strlen(clean))))
		goto out;
	bo = full_names(f, muni, "bendruomeniniu");
	nvo = full_names(f, muni, "nevyriausybiniu");
	to_kind = x->council.kind == COUNCIL_KIND_NVO && bo && !nvo ? COUNCIL_KIND_BO
	        : x->council.kind == COUNCIL_KIND_BO && nvo && !bo ? COUNCIL_KIND_NVO : -1;
	if (to_kind < 0)
		goto out;
	free(clean);
	if (!(clean = ex_clean(c, c->title_start, c->title_end)) ||
	    !(title = utf8_fold(clean, strlen(clean))))
		goto out;
	/* the title's own council of the kind read from it */
	if (to_kind == COUNCIL_KIND_BO ? strstr(title, "nvo taryb") || strstr(title, "nevyriausybiniu organizaciju taryb")
	                               : strstr(title, "bo taryb") || strstr(title, "bendruomeniniu organizaciju taryb"))
		goto out;
	snprintf(buf, sizeof buf, "%.*ssavivaldybės %s organizacijų taryba", (int)n, x->council.municipality,
	         to_kind == COUNCIL_KIND_NVO ? "nevyriausybinių" : "bendruomeninių");
	free(x->council.name);
	if (!(x->council.name = cdb_strdup(buf))) {
		ex_oom(c);
		goto out;
	}
	x->council.kind = (council_kind)to_kind;
	ex_fired(c);
out:
	if (!clean || (!f && c->rc == COUNCIL_OK))
		ex_oom(c);
	free(clean);
	free(f);
	free(title);
}

/* ---- members in running text --------------------------------------------- */

/* Folded w is one of forms. */
static int word_is_any(ctx *c, const word *w, const char *const *forms)
{
	char buf[32];
	size_t k;

	if (w->end - w->start >= sizeof buf)
		return 0;
	ex_fold_into(c->t, buf, w->start, w->end);
	for (k = 0; forms[k]; k++)
		if (!strcmp(buf, forms[k]))
			return 1;
	return 0;
}

/* "kurias moderavo tarybos nariai Tadas Krivickas, Jurgita Paulikienė ir
 * Edmundas Kvedaras": the names right after "tarybos nariai" (or
 * "narės"), parted by commas and "ir", are members.  They are in the
 * nominative as the noun is: "Tarybos nariai Kėdainių Mikalojaus Daukšos
 * bibliotekoje" names a place.  Not another council's ("Savivaldybės
 * tarybos nariai"), nor former ones ("buvę tarybos nariai"). */
static void running_members(ctx *c, size_t from, size_t e)
{
	static const char *const plural[] = { "nariai", "nares", NULL };
	static const char *const council_word[] = { "tarybos", NULL };
	static const char *const not_ours[] = { "buve", "buvusieji", "buvusios", "ne", NULL };
	const char *v = c->t->view;
	word w, n, p;

	while (c->rc == COUNCIL_OK && ex_next_word(c->t, from, e, &w)) {
		size_t q, ns, ne;
		from = w.end;
		if (!word_is_any(c, &w, council_word) || !ex_next_word(c->t, w.end, e, &n) ||
		    !word_is_any(c, &n, plural))
			continue;
		/* the council's: nothing before "tarybos" but BO/NVO or a word
		 * in lower case that is no former nor negation */
		if (ex_prev_word(c->t, 0, w.start, &p) && w.start - p.end <= 2 &&
		    (word_is_any(c, &p, not_ours) ||
		     (ex_is_capitalised(c->t, &p) && !ex_org_acronym(c->t, &p)) ||
		     ex_word_has_stem(c->t, &p, (const char *const[]){ "savivaldyb", "jaunimo", "seniun",
		                                                     "regiono", "miesto", "rajono", NULL })))
			continue;
		for (q = n.end; q < e;) {
			char name[256];
			size_t r = q;
			while (r < e && v[r] == ' ')
				r++;
			if (!lt_name_at(v, e, r, &ns, &ne) || ns != r ||
			    lt_name_nominative(name, sizeof name, v + ns, ne - ns) != ne - ns ||
			    memcmp(name, v + ns, ne - ns) != 0)
				break;
			ex_add_member(c, name, COUNCIL_ROLE_MEMBER, NULL, ns, ne, w.start, ne);
			q = ne;
			while (q < e && v[q] == ' ')
				q++;
			if (q < e && v[q] == ',')
				q++;
			else if (q + 3 <= e && !memcmp(v + q, "ir ", 3))
				q += 3;
			else
				break;
		}
		from = q > from ? q : from;
	}
}

/* The side a represented body before "atstovauja" stands for:
 * "Savivaldybę" (or "Savivaldybei") the municipality's, "bendruomeninėms
 * organizacijoms", "bendruomenėms", "NVO" the community's. */
static council_side represented_side(ctx *c, const word *w)
{
	if (ex_word_has_stem(c->t, w, (const char *const[]){ "savivaldyb", NULL }))
		return COUNCIL_SIDE_MUNICIPALITY;
	if (ex_word_has_stem(c->t, w, (const char *const[]){ "bendruomen", "organizacij", "nvo", NULL }))
		return COUNCIL_SIDE_COMMUNITY;
	return COUNCIL_SIDE_UNKNOWN;
}

/* A sentence ends at q: a period after a word of more than four letters
 * ("vyr." and "J." are abbreviations), a semicolon or a line's end. */
static int stop_at(const char *v, size_t lo, size_t q)
{
	size_t k = q;

	if (v[q] == ';' || v[q] == '\n')
		return 1;
	if (v[q] != '.')
		return 0;
	while (k > lo && (unsigned char)v[k - 1] != ' ' && v[k - 1] != '\n')
		k--;
	return q - k > 4;
}

/* "Savivaldybė į Tarybą delegavo": at the verb w, the word before "į
 * Tarybą" naming a side (*p, *side) and the subject, up to three words
 * back to the sentence's start, as the delegating body (*body, owned).
 * 1 when so, 0 when not, -1 out of memory. */
static int delegating_subject(ctx *c, const word *w, word *p, council_side *side, char **body)
{
	const char *v = c->t->view;
	word t, i;
	size_t sb;
	int k;

	if (!word_is_any(c, w, (const char *const[]){ "delegavo", NULL }) ||
	    !ex_prev_word(c->t, 0, w->start, &t) ||
	    !word_is_any(c, &t, (const char *const[]){ "taryba", NULL }) ||
	    !ex_prev_word(c->t, 0, t.start, &i) ||
	    !word_is_any(c, &i, (const char *const[]){ "i", NULL }) ||
	    !ex_prev_word(c->t, 0, i.start, p) ||
	    (*side = represented_side(c, p)) == COUNCIL_SIDE_UNKNOWN)
		return 0;
	for (sb = p->start, k = 0; k < 2; k++) {
		word x;
		size_t j;
		int cut = 0;
		if (!ex_prev_word(c->t, 0, sb, &x))
			break;
		for (j = x.end; j < sb && !cut; j++)
			cut = strchr(".;,:\n", v[j]) != NULL;
		if (cut)
			break;
		sb = x.start;
	}
	if (!(*body = ex_clean(c, sb, i.start))) {
		ex_oom(c);
		return -1;
	}
	return 1;
}

/* "Savivaldybę taryboje atstovauja Savivaldybės tarybos nariai A ir B,
 * Socialinės paramos skyriaus vedėja C ir Eišiškių seniūnijos seniūnas D":
 * the side named before "atstovauja" (member.represent) and, after it,
 * members in the nominative parted by commas and "ir", each after the
 * words of its office and organisation (a bare name after "ir" shares the
 * one before).  A body that is no side ("Seniūnijai atstovauja ...") reads
 * nothing, nor does a name the separator does not follow. */
static void represent_members(ctx *c, size_t from, size_t e)
{
	const char *v = c->t->view;
	word w, p;

	while (c->rc == COUNCIL_OK && ex_next_word(c->t, from, e, &w)) {
		council_side side;
		size_t q, ds;
		char *last = NULL, *body = NULL;
		int acc;

		from = w.end;
		/* "Savivaldybė į Tarybą delegavo A ir B, ... seniūną C":
		 * the members in the accusative */
		if ((acc = delegating_subject(c, &w, &p, &side, &body)) < 0)
			return;
		if (!acc) {
			if (!word_is_any(c, &w, (const char *const[]){ "atstovauja", NULL }) ||
			    !ex_prev_word(c->t, 0, w.start, &p))
				continue;
			if (word_is_any(c, &p, (const char *const[]){ "taryboje", NULL }) &&
			    !ex_prev_word(c->t, 0, p.start, &p))
				continue;
			if ((side = represented_side(c, &p)) == COUNCIL_SIDE_UNKNOWN)
				continue;
		}
		for (q = ds = w.end; q < e && c->rc == COUNCIL_OK;) {
			char name[256];
			size_t ns, ne, r, k, after;
			char *org = NULL;
			word x;
			int n;
			x_member *m;
			size_t paren = 0;

			/* the next name a separator follows, within the sentence and
			 * a dozen words */
			for (r = q, n = 0;; r = x.end) {
				if (++n > 12 || !ex_next_word(c->t, r, e, &x))
					goto done;
				for (k = r; k < x.start; k++)
					if (stop_at(v, q, k))
						goto done;
				if (!lt_name_at(v, e, x.start, &ns, &ne) || ns != x.start)
					continue;
				paren = 0;
				for (after = ne; after < e && v[after] == ' '; after++)
					;
				/* "Mantą Žukauską (Seirijų bendruomenė), ...": the
				 * organisation in parentheses, then the separator */
				if (acc && after < e && v[after] == '(') {
					const char *cl = memchr(v + after, ')', e - after);
					if (!cl)
						continue;
					paren = after;
					for (after = (size_t)(cl - v) + 1; after < e && v[after] == ' '; after++)
						;
				}
				if (after >= e || v[after] == ',' || v[after] == ';' ||
				    (v[after] == '.' && stop_at(v, ns, after)) ||
				    (after + 3 <= e && !memcmp(v + after, "ir ", 3)))
					break;
			}
			if (acc ? !lt_lemma_name(name, sizeof name, v + ns, ne - ns, v, c->t->len)
			        : (lt_name_nominative(name, sizeof name, v + ns, ne - ns) != ne - ns ||
			           memcmp(name, v + ns, ne - ns) != 0))
				goto done;
			while (ds < ns && (v[ds] == ' ' || v[ds] == ','))
				ds++;
			if (ds < ns) {
				free(last);
				last = ex_organisation(c, ds, ns);
			} else if (paren) {
				free(last);
				last = NULL;
				org = ex_organisation(c, paren + 1, (size_t)((const char *)memchr(v + paren, ')', e - paren) - v));
			}
			if (!org && last && !(org = cdb_strdup(last)) && ex_oom(c))
				break;
			m = ex_add_member(c, name, COUNCIL_ROLE_MEMBER, org, ns, ne, p.start, ne);
			/* the side the delegating subject names is stated, not
			 * guessed from the organisation */
			if (m && (m->side == COUNCIL_SIDE_UNKNOWN || acc))
				m->side = side;
			if (m && body && !m->delegated_by && !(m->delegated_by = cdb_strdup(body)) && ex_oom(c))
				break;
			if (after < e && v[after] == ',')
				q = after + 1;
			else if (after + 3 <= e && !memcmp(v + after, "ir ", 3))
				q = after + 3;
			else
				break;
			ds = q;
		}
	done:
		free(last);
		free(body);
		from = q > from ? q : from;
	}
}

/* "member.running": members named in a story's sentences. */
void ex_running_members(ctx *c)
{
	size_t i;

	for (i = 0; i < c->doc.n_blocks && c->rc == COUNCIL_OK; i++) {
		const seg_block *b = &c->doc.blocks[i];
		if (!b->is_table)
			running_members(c, b->span.start, b->span.end);
	}
}

/* "member.represent": members named after the side they represent. */
void ex_represent_members(ctx *c)
{
	size_t i;

	for (i = 0; i < c->doc.n_blocks && c->rc == COUNCIL_OK; i++) {
		const seg_block *b = &c->doc.blocks[i];
		if (!b->is_table)
			represent_members(c, b->span.start, b->span.end);
	}
}
