/* SPDX-License-Identifier: MIT */
/*
 * extract_composition.c -- a council's composition stated in a sentence or
 * a form's field: its size, the seats of each side and the bodies that
 * delegate them ("sudaryta iš 22 narių: 11 ... ir 11 ...").  Not here: the
 * members named one by one (extract_members.c, extract_roster.c).
 */
#include "extract_int.h"
#include "lexicon.h"

/* "sudaryta iš 22 narių: 11 Savivaldybės ... atstovų ir 11 bendruomeninių
 * organizacijų atstovų" and "Narių skaičius: 14 (7 - ..., 7 - ...)". */
/* A form's field for the number of members: folded text starting "nariu -
 * ", "nariai: ", "tarybos nariu: ", "nariu skaicius - ". */
static int member_label(const char *f)
{
	static const char *const labels[] = { "nariu", "nariai", "tarybos nariu", "tarybos nariai",
	                                      "nariu skaicius", "tarybos nariu skaicius", NULL };
	size_t k, n;

	while (*f == ' ')
		f++;
	for (k = 0; labels[k]; k++) {
		n = strlen(labels[k]);
		const char *r = f + n;
		if (strncmp(f, labels[k], n) != 0)
			continue;
		while (*r == ' ')
			r++;
		if (*r == '-' || *r == ':')
			return 1;
	}
	return 0;
}

/* A count at i (k bytes, value n) in a composition sentence [start,end):
 * the council's size ("sudaro 12 narių", "Narių skaičius: 14") or one
 * side's seats ("6 Savivaldybės ... atstovai", "po 6 ... atstovus"). */
static void composition_count(ctx *c, size_t start, size_t end, size_t i, size_t k, int64_t n,
                              int *seen)
{
	council_extraction *x = c->x;
	const char *v = c->t->view;
	int seen_size = *seen;
	size_t after = i + k;
	word w, before;
	size_t p = after;
	int people = 0, people_now = 0, muni = 0, comm = 0, words, each = 0;
	char *g = ex_fold(c->t, after, after + 160 < end ? after + 160 : end);
	/* "po 6 Savivaldybės ... ir bendruomeninių ... atstovus": the
	 * same number for each side. */
	each = ex_prev_word(c->t, start, i, &before) && before.end - before.start == 2 &&
	       ex_word_has_stem(c->t, &before, (const char *const[]){ "po", NULL });
	for (words = 0; words < 7 && ex_next_word(c->t, p, end, &w); words++) {
		if (ex_word_has_stem(c->t, &w, (const char *const[]){ "nari", "atstov", NULL })) {
			people = 1;
			if (words < 2)
				people_now = 1;
		}
		p = w.end;
	}
	if (g) {
		/* Only the phrase up to the next count decides its side;
		 * "7 - Savivaldybės ..." puts a dash before it. */
		char *cut = g;
		while (*cut == ' ' || *cut == '-' || *cut == ':')
			cut++;
		while (*cut && !(*cut >= '0' && *cut <= '9') &&
		       (each || strncmp(cut, " ir ", 4) != 0) && *cut != ',' && *cut != ';' &&
		       *cut != '-' && *cut != ':' && *cut != '(')
			cut++;
		*cut = '\0';
		muni = strstr(g, "savivaldyb") || strstr(g, "institucij") ||
		       strstr(g, "administracij") || strstr(g, "politik");
		comm = strstr(g, "bendruomen") || strstr(g, "organizacij") || strstr(g, "nvo");
		free(g);
	}
	/* "Narių skaičius: 14 (7 - ..., 7 - ...)", "Narių - 10 (5 ...,
	 * 5 ...)": the field's value. */
	if (!seen_size && !people_now && n > 0 && n <= 200 && i > start + 2 &&
	    (v[i - 2] == ':' || v[i - 2] == '-' || (v[i - 2] == ' ' && v[i - 3] == '-'))) {
		char *lab = ex_fold(c->t, start, i);
		people_now = lab && (strstr(lab, "nariu skaicius") != NULL || member_label(lab));
		if (people_now)
			muni = comm = 0;
		free(lab);
	}
	if (!seen_size && people_now && n > 0 && n <= 200 && !each && !(muni || comm)) {
		x->council.size = (int)n;
		seen_size = 1;
	} else if (n > 0 && n <= 200 && (muni || comm) &&
	           /* "sudaro 10 narių - 5 deleguoja Savivaldybė, 5 ...":
	            * after the total, a side's share needs no noun */
	           (people || each || (seen_size && n < x->council.size)) &&
	           (!seen_size || n <= x->council.size)) {
		if (each && muni && comm) {
			x->council.seats_municipality = (int)n;
			x->council.seats_community = (int)n;
		} else if (muni && x->council.seats_municipality < 0) {
			x->council.seats_municipality = (int)n;
		} else if (comm && x->council.seats_community < 0) {
			x->council.seats_community = (int)n;
		}
	}
	*seen = seen_size;
}

/* Whether the folded word w in f is followed by a dash ("taryba – 8
 * nariai"; the view spaces a dash out, so blanks may be doubled). */
static int dash_after(const char *f, const char *w)
{
	const char *p = ex_find_stem(f, w);

	if (!p)
		return 0;
	p += strlen(w);
	while (*p == ' ')
		p++;
	return *p == '-';
}

/* "5 bendruomeninių organizacijų atstovai, kuriuos delegavo Jonavos
 * rajono bendruomenių asociacija": the body that delegates one side's
 * members, kept for member.delegated.  The side is named between the
 * count last before the verb (digits or words: "penki Savivaldybės ...
 * atstovai ir penki bendruomeninių organizacijų atstovai, kuriuos
 * delegavo") and the verb. */
static void side_delegation(ctx *c, size_t start, size_t end)
{
	const char *v = c->t->view;
	word w;
	size_t p = start, count = start;
	int64_t n;

	while (ex_next_word(c->t, p, end, &w)) {
		char *f = ex_fold(c->t, w.start, w.end);
		int verb = f && (strncmp(f, "delegav", 7) == 0 || strncmp(f, "deleguoj", 8) == 0);
		free(f);
		/* the count last before the verb, in digits or words ("penki
		 * bendruomeninių organizacijų atstovai, kuriuos delegavo") */
		if (!verb && lt_number_parse(&n, v + w.start, end - w.start) > 0)
			count = w.end;
		/* "(delegavo Eržvilko bendruomenė)": one member's, no side's */
		if (verb && w.start > start && v[w.start - 1] == '(')
			return;
		if (verb) {
			size_t q = count;
			council_side side = COUNCIL_SIDE_UNKNOWN;
			char *g;
			if (q > start && (g = ex_fold(c->t, q, w.start)) != NULL) {
				side = ex_side_of(g);
				free(g);
			}
			if (side != COUNCIL_SIDE_UNKNOWN && !c->side_body[side])
				c->side_body[side] = ex_delegating_body(c, w.start, end);
			return;
		}
		p = w.end;
	}
}

int ex_composition_sentence(void *vc, size_t start, size_t end)
{
	ctx *c = vc;
	council_extraction *x = c->x;
	char *f = ex_fold(c->t, start, end);
	const char *v = c->t->view;
	size_t i;
	int64_t n;
	int seen_size = 0;

	if (!f)
		return ex_oom(c);
	/* A protocol's "Dalyvavo Tarybos nariai (9 iš 12):": twelve members */
	if (x->council.size < 0 && strstr(f, "dalyvavo") && strstr(f, "nari")) {
		const char *q = strstr(f, " is ");
		int64_t present, all;
		size_t k1, k2;
		while (q) {
			const char *a = q;
			while (a > f && a[-1] >= '0' && a[-1] <= '9')
				a--;
			if (a < q && (k1 = lt_number_parse(&present, a, (size_t)(q - a))) != 0 &&
			    (k2 = lt_number_parse(&all, q + 4, strlen(q + 4))) != 0 && all >= present &&
			    all > 2 && all <= 200 && q[4 + k2] == ')') {
				x->council.size = (int)all;
				break;
			}
			q = strstr(q + 1, " is ");
		}
	}
	/* A questionnaire's "Kiek narių sudaro tarybą?" and its answer "- 8 (4
	 * Savivaldybės ... ir 4 bendruomeninių ... atstovai)": the answer's
	 * first number is the size. */
	{
		int asked = c->sent.member_question;
		c->sent.member_question = v[end - 1] == '?' && strstr(f, "kiek") && strstr(f, "nari");
		if (asked && !c->sent.member_question && x->council.size < 0) {
			size_t p = start;
			int64_t total;
			size_t k;
			while (p < end && (v[p] == ' ' || v[p] == '-'))
				p++;
			if ((k = lt_number_parse(&total, v + p, end - p)) != 0 && total > 0 && total <= 200) {
				x->council.size = (int)total;
				seen_size = 1;
				start = p + k;
			}
		}
		if (c->sent.member_question) {
			free(f);
			return 0;
		}
	}
	/* "Tarybą sudaro 18 narių:" followed by "- 9 Savivaldybės ...
	 * atstovai;" items: the items give the parts. */
	if (seen_size) {
		/* the answer to the question above */
	} else if (c->composition_list && c->para.in_item) {
		seen_size = 1;
	} else if ((x->council.size >= 0 && x->council.seats_municipality >= 0) ||
	           !(strstr(f, "sudaryt") || strstr(f, "sudaro") || strstr(f, "sudarys") ||
	             strstr(f, "nariu skaicius") ||
	             /* a notice's "Taryba – 8 nariai (4+4)" */
	             (dash_after(f, "taryba") && ex_find_stem(f, "nariai")) ||
	             strstr(f, "sudeti") || member_label(f) ||
	             /* "Taryboje - dešimt narių: penki ... ir penki ..." */
	             (strstr(f, "taryboje") && strstr(f, "nariu")))) {
		free(f);
		return 0;
	} else if (x->council.size >= 0) {
		/* "Taryba sudaroma iš 10 narių … Tarybą sudaro 5 … ir 5 …":
		 * a later sentence gives the sides of the size stated */
		seen_size = 1;
	}
	free(f);
	for (i = start; i < end; i++) {
		size_t k;
		if (i > start && ((unsigned char)v[i - 1] >= 0x80 || (v[i - 1] >= 'a' && v[i - 1] <= 'z') ||
		                  (v[i - 1] >= 'A' && v[i - 1] <= 'Z') || (v[i - 1] >= '0' && v[i - 1] <= '9')))
			continue;
		/* "sprendimu Nr. 1-176; 8 nariai": a document number's part
		 * after its dash is no count */
		if (i > start + 1 && v[i - 1] == '-' && v[i - 2] >= '0' && v[i - 2] <= '9')
			continue;
		k = lt_number_parse(&n, v + i, end - i);
		if (!k)
			continue;
		if (i + k < end && v[i + k] == '.' && (i + k + 1 >= end || v[i + k + 1] == ' ')) {
			i += k; /* "2. Taryba ..." numbers a paragraph */
			continue;
		}
		composition_count(c, start, end, i, k, n, &seen_size);
		i += k - 1;
	}
	/* "pusė jų - Savivaldybės ..., pusė - bendruomeninių ...": halves. */
	if (x->council.size > 0 && x->council.size % 2 == 0 && x->council.seats_municipality < 0) {
		char *g = ex_fold(c->t, start, end);
		const char *half = g ? ex_find_stem(g, "puse") : NULL;
		if (half && ex_find_stem(half + 4, "puse")) {
			x->council.seats_municipality = x->council.size / 2;
			x->council.seats_community = x->council.size / 2;
		}
		free(g);
	}
	if (!seen_size && x->council.seats_municipality > 0 && x->council.seats_community > 0)
		x->council.size = x->council.seats_municipality + x->council.seats_community;
	side_delegation(c, start, end);
	if (seen_size && !(c->composition_list && c->para.in_item) && end > start &&
	    c->t->view[end - 1] == ':')
		c->composition_list = 1;
	if (x->council.seats_municipality >= 0 && x->council.seats_community >= 0)
		c->composition_list = 0;
	return 0;
}
