/* SPDX-License-Identifier: MIT */
/*
 * extract_planned.c -- whether a happening a sentence dates did not (or not
 * yet) take place: a negation ("neįvyko", lexicon not_happened), the future
 * tense, a plan ("planuoja surengti", "planuoja susitikimą"), a proposal
 * or a decision with an infinitive whose object is the happening.  The
 * meeting and event rules of extract_sentence.c ask it.
 */
#include "extract_int.h"
#include "lexicon.h"

/* An event noun among the two words after p ("surengti | bendruomenių
 * mugę"). */
static int event_noun_after(ctx *c, size_t p, size_t b)
{
	word n;
	int k;

	for (k = 0; k < 2 && ex_next_word(c->t, p, b, &n); k++) {
		council_event_kind kind;
		const char *stem;
		if (ex_event_keyword(c->t, &n, &kind, &stem) && !ex_verb_stem(stem))
			return 1;
		p = n.end;
	}
	return 0;
}

/* "planuoja surengti", "planuoja organizuoti": a plan, the verb with an
 * infinitive after it; "kaip planuoja ir organizuoja darbą" is none. */
static int plans_to(const char *f)
{
	const char *p = f;

	while ((p = ex_find_stem(p, "planuoja ")) != NULL) {
		const char *w = p + 9, *e = w;
		int k;
		for (k = 0; k < 2 && *w; k++) {
			for (e = w; *e && *e != ' ' && *e != ','; e++)
				;
			if (e - w > 3 && e[-2] == 't' && e[-1] == 'i')
				return 1;
			if (*e != ' ')
				break;
			w = e + 1;
		}
		p += 9;
	}
	return 0;
}

/* "pritarė siūlymui gegužės mėnesį surengti bendruomenių mugę",
 * "NUTARTA. 2024 m. spalio 19 d. Rumšiškėse surengti seminarą": a
 * proposal (lexicon proposal), or a decision before the date at lo
 * (lexicon decision), an infinitive within eight words after it (a date
 * and a place may stand between) and the happening its object.  "pritarė siūlymui kompensuoti išlaidas"
 * proposes no happening. */
static const char *const proposals[] = { LEX_PROPOSAL(LEX_FOLDED) NULL };
static const char *const decisions[] = { LEX_DECISION(LEX_FOLDED) NULL };

static int proposes_event(ctx *c, size_t a, size_t b, size_t lo)
{
	const char *v = c->t->view;
	word w, n;
	size_t p = a, q;
	int k;

	while (ex_next_word(c->t, p, b, &w)) {
		p = w.end;
		if (!ex_word_has_stem(c->t, &w, proposals) &&
		    !(w.end <= lo && ex_word_has_stem(c->t, &w, decisions)))
			continue;
		for (q = w.end, k = 0; k < 8 && ex_next_word(c->t, q, b, &n); k++, q = n.end) {
			if (n.end - n.start > 3 && v[n.end - 2] == 't' && v[n.end - 1] == 'i') {
				if (event_noun_after(c, n.end, b))
					return 1;
				break;
			}
		}
	}
	return 0;
}

/* "taryba planuoja susitikimą su seniūnais": the plan's object is the
 * event itself (the present "planuoja" says nothing alone: "kaip planuoja
 * ir organizuoja savo darbą"). */
static int plans_event(ctx *c, size_t a, size_t b)
{
	word w, n;
	size_t p = a;

	while (ex_next_word(c->t, p, b, &w)) {
		council_event_kind kind;
		const char *stem;
		p = w.end;
		if (lt_word_is(c->t->view + w.start, w.end - w.start, "planuoja") &&
		    ex_next_word(c->t, w.end, b, &n) && ex_event_keyword(c->t, &n, &kind, &stem) &&
		    !ex_verb_stem(stem))
			return 1;
	}
	return 0;
}

/* A word of the future tense in folded f ("vyks", "bus"), whole. */
static int future_word(const char *f)
{
	static const char *const words[] = { LEX_FUTURE_WORD(LEX_FOLDED) NULL };
	size_t k;

	for (k = 0; words[k]; k++) {
		size_t n = strlen(words[k]);
		const char *p = f;
		while ((p = ex_find_stem(p, words[k])) != NULL) {
			if (!((p[n] >= 'a' && p[n] <= 'z') || (unsigned char)p[n] >= 0x80))
				return 1;
			p += n;
		}
	}
	return 0;
}

/* Did the happening near [lo,hi) in sentence [s,e) not (or not yet) take
 * place?  Only its own clause counts: "dalijosi, kaip planuoja darbą"
 * elsewhere in the sentence says nothing about the event. */
int ex_did_not_happen(ctx *c, size_t s, size_t e, size_t lo, size_t hi)
{
	size_t a = lo > s + 100 ? lo - 100 : s, b = hi + 120 < e ? hi + 120 : e, q;
	const char *v = c->t->view;
	fi_index ix; /* the look-ups in f */
	char *f;
	int r;

	/* Nor does the next sentence: "... spalio 10 d. Ketvirtasis posėdis
	 * neįvyko" joins two sentences the splitter kept together after "d.",
	 * so a period before a capital ends the clause here.  (A semicolon
	 * does not: "forumas; renginys atšauktas" is one item.) */
	/* The date's own "d." ends the clause too when the date closes a list
	 * ("..., birželio 20 d. ir spalio 10 d. Ketvirtasis posėdis ..."), not
	 * when it opens the sentence ("Rugsėjo 21 d. Tarybos posėdis
	 * neįvyko"). */
	q = hi;
	{
		word pw;
		if (hi > lo && ex_prev_word(c->t, s, lo, &pw) &&
		    (lt_word_is(v + pw.start, pw.end - pw.start, "ir") ||
		     (lo >= 2 && v[lo - 2] == ',')))
			q = hi - 1;
	}
	for (; q + 2 < b; q++)
		if (v[q] == '.' && v[q + 1] == ' ' &&
		    ((v[q + 2] >= 'A' && v[q + 2] <= 'Z') || (unsigned char)v[q + 2] >= 0xC3)) {
			b = q;
			break;
		}
	for (q = lo; q > a + 1; q--)
		if (v[q - 2] == '.' && v[q - 1] == ' ' && q < lo &&
		    ((v[q] >= 'A' && v[q] <= 'Z') || (unsigned char)v[q] >= 0xC3)) {
			a = q;
			break;
		}

	/* "NUTARTA. 2024 m. spalio 19 d. Rumšiškėse surengti seminarą": a
	 * protocol's decision label before the sentence is its verb */
	if (a == s) {
		word pw;
		if (ex_prev_word(c->t, 0, s, &pw) && ex_word_has_stem(c->t, &pw, decisions)) {
			for (q = pw.end; q < s && strchr(".: \t\n", v[q]); q++)
				;
			if (q == s)
				a = pw.start;
		}
	}
	while (a > s && ((unsigned char)c->t->view[a] & 0xC0) == 0x80)
		a--;
	while (b < e && ((unsigned char)c->t->view[b] & 0xC0) == 0x80)
		b++;
	f = ex_fold_open(c->t, a, b, &ix);
	if (!f)
		return 0;
	r = ex_has_any_stem(f, ex_not_happened) || future_word(f) || plans_to(f) || proposes_event(c, a, b, lo) ||
	    plans_event(c, a, b);
	fi_close(&ix);
	free(f);
	return r;
}
