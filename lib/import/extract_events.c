/* SPDX-License-Identifier: MIT */
/*
 * extract_events.c -- what a happening is: event nouns and their kinds, an event's
 * title, organiser, place, remote or not, participants, and the
 * records new_event makes.
 */
#include <pthread.h>

#include "extract_int.h"
#include "lexicon.h"

/* ---- meetings, figures, events ------------------------------------------- */

/* "protokolas Nr. BOT-1" beside a date is a sitting's minutes. */
const char *const ex_meeting_stems[] = { LEX_MEETING_NOUN(LEX_FOLDED) NULL };

const char *const ex_other_bodies[] = { LEX_OTHER_BODY(LEX_FOLDED) NULL };

/* A happening told by its verb ("lankėsi ... bendruomenėse", "susitiko su
 * meru", "pristatė bendruomenėms aprašą") rather than by a noun. */
#define EVK_VERB 1
/* A trip: a place after it is where it went ("išvyka į Latviją"). */
#define EVK_TRIP 2

static const struct event_kind {
	const char *stem;          /* folded */
	council_event_kind kind;
	int flags;                 /* EVK_VERB, EVK_TRIP */
	const char *only;          /* folded forms a word must start with,
	                              "|"-joined; "" for any */
	const char *unless;        /* ... or must not start with */
	size_t longest;            /* the longest folded form in bytes, 0 for any */
} event_kinds[] = {
#define EVK_ROW(w, f, kind, flags, only, unless, longest) { f, kind, flags, only, unless, longest },
	LEX_EVENT_NOUN(EVK_ROW)
#undef EVK_ROW
};

#define N_EVENT_KINDS (sizeof event_kinds / sizeof event_kinds[0])

/* The rows by the first byte of their stem, in the table's order (1-based,
 * 0 ends a chain): ex_event_keyword runs for most words of the sentences
 * with dates, and a word is tried against its own letter's rows only. */
static unsigned short evk_first[256], evk_next[N_EVENT_KINDS];
static pthread_once_t evk_once = PTHREAD_ONCE_INIT;

static void evk_init(void)
{
	size_t i;

	for (i = N_EVENT_KINDS; i-- > 0;) {
		unsigned char b = (unsigned char)event_kinds[i].stem[0];
		evk_next[i] = evk_first[b];
		evk_first[b] = (unsigned short)(i + 1);
	}
}

/* Does folded f start with one of the "|"-joined forms? */
static int starts_with_any(const char *f, const char *forms)
{
	while (*forms) {
		size_t n = strcspn(forms, "|");
		if (strncmp(f, forms, n) == 0)
			return 1;
		forms += n + (forms[n] == '|');
	}
	return 0;
}

/* Is folded f a form of event_kinds[i], whose stem it starts with? */
static int event_form(size_t i, const char *f)
{
	const struct event_kind *k = &event_kinds[i];

	return (!k->longest || strlen(f) <= k->longest) && (!*k->only || starts_with_any(f, k->only)) &&
	       !(*k->unless && starts_with_any(f, k->unless));
}

/* Does folded f name a trip? */
static int trip_word(const char *f)
{
	unsigned r;
	int pass;

	pthread_once(&evk_once, evk_init);
	/* the rows of f's first byte, then any of an empty stem */
	for (pass = 0; pass < 2; pass++)
		for (r = evk_first[pass ? 0 : (unsigned char)f[0]]; r; r = evk_next[r - 1])
			if ((event_kinds[r - 1].flags & EVK_TRIP) &&
			    strncmp(f, event_kinds[r - 1].stem, strlen(event_kinds[r - 1].stem)) == 0)
				return 1;
	return 0;
}

/* Verb keywords name the event by their clause, not by a noun phrase. */
int ex_verb_stem(const char *stem)
{
	unsigned r;

	pthread_once(&evk_once, evk_init);
	for (r = evk_first[(unsigned char)stem[0]]; r; r = evk_next[r - 1])
		if (!strcmp(stem, event_kinds[r - 1].stem))
			return event_kinds[r - 1].flags & EVK_VERB;
	return 0;
}

/* Things that did not or will not happen. */
const char *const ex_not_happened[] = { LEX_NOT_HAPPENED(LEX_FOLDED) NULL };

/* A day named for whom it celebrates: "Bendruomenių diena", "NVO dieną",
 * "atvirų durų dienoje" -- "diena" after a plural genitive or an acronym,
 * not "darbo diena" or "tą dieną".  f is the word folded. */
static int named_day(const lt_text *t, const word *w, const char *f)
{
	word pw;
	size_t p, caps = 0, letters = 0, n;
	char buf[48];

	/* not "dienos": also the plural, "3 mokymų dienos" are three days */
	if (strcmp(f, "diena") && strcmp(f, "dienoje"))
		return 0;
	if (!ex_prev_word(t, w->start > 60 ? w->start - 60 : 0, w->start, &pw) ||
	    pw.end - pw.start >= sizeof buf || pw.end - pw.start < 2)
		return 0;
	for (p = pw.start; p < pw.end;) {
		uint32_t cp;
		size_t k = utf8_decode(&cp, t->view + p, pw.end - p);
		letters++;
		if (utf8_lower(cp) != cp)
			caps++;
		p += k;
	}
	if (caps == letters && letters >= 2)
		return 1;   /* "NVO diena" */
	/* a plural genitive: folded, it ends in "u" ("bendruomeniu", "duru");
	 * not after a count ("dvi mokymų dienos" is a duration) */
	ex_fold_into(t, buf, pw.start, pw.end);
	n = strlen(buf);
	if (n < 4 || buf[n - 1] != 'u' || strcmp(buf, "metu") == 0)
		return 0;
	{
		word cw;
		int64_t x;
		if (ex_prev_word(t, pw.start > 30 ? pw.start - 30 : 0, pw.start, &cw) &&
		    lt_number_parse(&x, t->view + cw.start, cw.end - cw.start) > 0)
			return 0;
	}
	return 1;
}

int ex_event_keyword(const lt_text *t, const word *w, council_event_kind *kind, const char **stem)
{
	char buf[96], *f = buf;
	size_t i;
	unsigned r;
	int hit = 0;

	/* Folded on the stack unless the word is very long: this runs for
	 * most words of the sentences that have dates. */
	if (w->end - w->start >= sizeof buf)
		f = ex_fold(t, w->start, w->end);
	else
		ex_fold_into(t, buf, w->start, w->end);
	if (!f)
		return 0;
	pthread_once(&evk_once, evk_init);
	for (r = evk_first[(unsigned char)f[0]]; r; r = evk_next[i]) {
		size_t n;
		i = (size_t)r - 1;
		n = strlen(event_kinds[i].stem);
		if (strncmp(f, event_kinds[i].stem, n) == 0) {
			if (!event_form(i, f))
				continue;
			*kind = event_kinds[i].kind;
			*stem = event_kinds[i].stem;
			hit = 1;
			break;
		}
	}
	if (!hit && named_day(t, w, f)) {
		*kind = COUNCIL_EVENT_FESTIVAL;
		*stem = "dien";
		hit = 1;
	}
	if (f != buf)
		free(f);
	return hit;
}

/* Participles and verbs that end a title when reading backwards from the
 * event noun: what comes before them is not the event's name. */
static const char *const title_stops[] = {
	"organizuot", "organizuoj", "suorganizuot", "surengt", "rengt", "vykus", "vykusi",
	"vykes", "ivykus", "ivyk", "vyko", "dalyvav", "dalyvaut", "dalyvauj", "buvo", "vyks",
	"pristatyt", "aptart", "metu", "kuriame", "kurioje", "kuriuose", "tarybos", "taryba",
	"bot", "nariai", "nariams", "dalyvi", "inicijuot", "pakviest", "kviest", "iniciatyva",
	"suruost", "isvyko", "lankesi", "aplanke", "taip", "pat", "ir", "bei", "su", "per", NULL
};

/* "bendrą seminarą": a word of "joint" (lexicon title_joint), whole. */
static int joint_word(const char *v, const word *w)
{
	static const char *const joint[] = { LEX_TITLE_JOINT(LEX_WRITTEN) NULL };
	size_t k;

	for (k = 0; joint[k]; k++)
		if (lt_word_is(v + w->start, w->end - w->start, joint[k]))
			return 1;
	return 0;
}

/* The event's name as written: adjectives and genitives before the noun,
 * the noun, a quoted name after it, and a joined noun ("susitikime -
 * diskusijoje"). */
static char *event_title(ctx *c, size_t s_start, size_t s_end, size_t after, const word *kw,
                         const char *stem)
{
	size_t start = kw->start, end = kw->end, p;
	word w;
	int n = 0;
	const char *v = c->t->view;

	if (!*stem)
		return ex_clean(c, kw->start, kw->end); /* a list item's own words */
	if (ex_verb_stem(stem)) {
		/* "lankėsi Papilio ir Nemunėlio Radviliškio bendruomenėse": the
		 * verb and its clause, up to punctuation, at most ten words. */
		p = kw->end;
		while (n < 10 && ex_next_word(c->t, p, s_end, &w)) {
			size_t gap;
			for (gap = p; gap < w.start; gap++)
				if (v[gap] == ',' || v[gap] == ';' || v[gap] == '.' || v[gap] == '(' ||
				    (v[gap] == '-' && gap > p))
					break;
			if (gap < w.start)
				break;
			end = w.end;
			p = w.end;
			n++;
		}
		(void)s_start;
		(void)after;
		return ex_clean(c, start, end);
	}

	p = kw->start;
	while (n < 14 && ex_prev_word(c->t, after, p, &w)) {
		size_t gap;
		/* Punctuation between words ends the title. */
		for (gap = w.end; gap < p; gap++)
			if (v[gap] != ' ')
				break;
		if (gap < p && !(v[gap] == '-' && p - w.end <= 3))
			break;
		if (ex_word_has_stem(c->t, &w, title_stops) && !(n > 0 && w.end - w.start == 2 &&
		    v[w.start] == 'i' && v[w.start + 1] == 'r'))
			break;
		if ((v[w.start] >= '0' && v[w.start] <= '9') || joint_word(v, &w))
			break;
		/* "organizavo išvykstamąjį informacinį seminarą": a verb in
		 * the past tense is the clause's, not the name's */
		if (lt_lemma_past_verb(v + w.start, w.end - w.start, 0))
			break;
		/* "ir" inside a name chain is kept only between genitives. */
		if (w.end - w.start == 2 && v[w.start] == 'i' && v[w.start + 1] == 'r' && n == 0)
			break;
		start = w.start;
		p = w.start;
		n++;
	}
	/* Drop a leading "ir". */
	if (ex_next_word(c->t, start, end, &w) && w.end - w.start == 2 && v[w.start] == 'i' &&
	    v[w.start + 1] == 'r')
		start = w.end + 1;
	p = kw->end;
	while (p < s_end && v[p] == ' ')
		p++;
	if (p + 3 <= s_end && memcmp(v + p, "„", 3) == 0) {
		const char *close = NULL;
		size_t q;
		for (q = p + 3; q + 3 <= s_end; q++)
			if (memcmp(v + q, "“", 3) == 0 || memcmp(v + q, "”", 3) == 0) {
				close = v + q;
				break;
			}
		if (close)
			end = (size_t)(close - v) + 3;
	} else if (p < s_end && v[p] == '"') {
		const char *close = memchr(v + p + 1, '"', s_end - p - 1);
		if (close)
			end = (size_t)(close - v) + 1;
	} else if (p + 2 < s_end && v[p] == '-' && v[p + 1] == ' ' && ex_next_word(c->t, p, s_end, &w)) {
		council_event_kind k;
		const char *joined;
		if (ex_event_keyword(c->t, &w, &k, &joined))
			end = w.end;
	}
	(void)s_start;
	return ex_clean(c, start, end);
}

/* An organiser named after a verb: "renginį organizavo Šveicarijos
 * bendruomenė", "(organizatorius – Obelių bendruomenė)", "kartu su
 * Lietuvos vietos bendruomenių organizacijų sąjunga surengė". */
char *ex_organiser_after(ctx *c, size_t from, size_t s_end)
{
	static const char *const by[] = { "organizavo", "organizatori", "suorganizavo", "surenge",
	                                  "renge", "kartu", NULL };
	word w, n1;
	size_t p = from;
	const char *v = c->t->view;
	quotes qs;

	ex_quotes_init(&qs, from);
	while (ex_next_word(c->t, p, s_end, &w)) {
		word su;
		if (ex_quoted_at(c->t, &qs, w.start)) {
			p = w.end;
			continue;
		}
		/* "kartu" only in "kartu su" (together with); "org." is the
		 * abbreviation of organisatorius: "(org. Kalvarijos kultūros
		 * centras)". */
		int org_abbr = w.end - w.start == 3 && w.end < s_end && v[w.end] == '.' &&
		               lt_word_is(v + w.start, 3, "org");
		if ((org_abbr || ex_word_has_stem(c->t, &w, by)) &&
		    (!ex_word_has_stem(c->t, &w, (const char *const[]){ "kartu", NULL }) ||
		     (ex_next_word(c->t, w.end, s_end, &su) && su.end - su.start == 2 &&
		      ex_word_has_stem(c->t, &su, (const char *const[]){ "su", NULL })))) {
			size_t q = w.end, s = 0, e = 0;
			int k = 0;
			/* "organizavo kartu su X", "kartu su X" */
			while (ex_next_word(c->t, q, s_end, &n1) &&
			       ex_word_has_stem(c->t, &n1, (const char *const[]){ "kartu", "su", "Taryba", NULL }) &&
			       n1.end - n1.start <= 6)
				q = n1.end;
			while (k < 8 && ex_next_word(c->t, q, s_end, &n1)) {
				if (k == 0 && !ex_is_capitalised(c->t, &n1))
					break;
				/* a verb or participle ends the name */
				if (k > 0 && ex_word_has_stem(c->t, &n1, (const char *const[]){ "surenge", "organizav",
				        "suorganiz", "organizuot", "renge", "vyk", "pristat", "kviet", NULL }))
					break;
				/* "Taryba surengė NVO mugę": after the verb comes what
				 * was organised, not who organised it. */
				{
					council_event_kind ek;
					const char *es;
					if (ex_event_keyword(c->t, &n1, &ek, &es)) {
						s = e = 0;
						break;
					}
				}
				if (!s)
					s = n1.start;
				e = n1.end;
				q = n1.end;
				k++;
				if (q < s_end && (v[q] == ',' || v[q] == '.' || v[q] == '(' || v[q] == ';' ||
				                  v[q] == ')'))
					break;
			}
			if (s && e > s)
				return ex_clean(c, s, e);
			if (!ex_word_has_stem(c->t, &w, (const char *const[]){ "kartu", NULL }))
				return NULL;
		}
		p = w.end;
	}
	return NULL;
}

static int locative_name(const char *f);

/* Ends a genitive usually has ("sąjungos", "organizacijų", "centro",
 * "tarybos", "Lietuvos"), folded. */
static int genitive_like(const char *f)
{
	static const char *const ends[] = { "os", "es", "u", "io", "o", NULL };
	size_t n = strlen(f), i;

	if (n < 3)
		return 0;
	for (i = 0; ends[i]; i++) {
		size_t k = strlen(ends[i]);
		if (n > k && strcmp(f + n - k, ends[i]) == 0)
			return 1;
	}
	return 0;
}

/* "Lietuvos vietos bendruomenių organizacijų sąjungos organizuotoje",
 * "informacijos ir paramos centro Vilniuje surengtame": the organisation
 * in the genitive right before the participle (a place in the locative may
 * stand between), from its first capitalised word.  NULL when none. */
static char *genitive_run(ctx *c, size_t from, size_t participle)
{
	word x;
	size_t p = participle, start = 0, end = 0;
	int place = 1, n = 0;

	while (n < 8 && ex_prev_word(c->t, from, p, &x)) {
		char buf[96];
		if (x.end - x.start >= sizeof buf)
			break;
		ex_fold_into(c->t, buf, x.start, x.end);
		if (place && !end && ex_is_capitalised(c->t, &x) && locative_name(buf)) {
			place = 0;    /* "Vilniuje surengtame" */
		} else if (genitive_like(buf) || (end && !strcmp(buf, "ir"))) {
			if (!end)
				end = x.end;
			if (ex_is_capitalised(c->t, &x))
				start = x.start;
			n++;
		} else {
			break;
		}
		p = x.start;
	}
	/* A single capitalised genitive is as likely a place ("Kauno"): ask
	 * for a name of two words at least, ending in a lowercase noun. */
	if (!start || !end || n < 2)
		return NULL;
	{
		word last;
		if (!ex_prev_word(c->t, from, end, &last) || ex_is_capitalised(c->t, &last))
			return NULL;
	}
	return ex_clean(c, start, end);
}

/* "VVG „Pajūrio kraštas“ organizuojamo renginio": the words between the date
 * and the participle, from the first capitalised one. */
static char *event_organiser(ctx *c, size_t s_start, size_t from, size_t s_end, size_t kw_start)
{
	static const char *const participles[] = { "organizuot", "organizuoj", "suorganizuot",
	                                            "surengt", "inicijuot", NULL };
	word w, first = { 0, 0 };
	size_t p = from, last_end = 0;
	int words = 0;
	quotes qs;

	/* "X organizuotame renginyje": X before the participle before the noun. */
	ex_quotes_init(&qs, from);
	while (ex_next_word(c->t, p, kw_start, &w)) {
		if (ex_word_has_stem(c->t, &w, participles)) {
			char *run = genitive_run(c, from, w.start);
			if (run)
				return run;
			if (first.end && words > 0) {
				/* Keep a closing quotation mark: VVG „Pajūrio kraštas“. */
				while (last_end + 3 <= w.start &&
				       (memcmp(c->t->view + last_end, "“", 3) == 0 ||
				        memcmp(c->t->view + last_end, "”", 3) == 0))
					last_end += 3;
				if (last_end < w.start && c->t->view[last_end] == '"')
					last_end++;
				return ex_clean(c, first.start, last_end);
			}
			first.end = 0;
			words = 0;
		} else if (!first.end) {
			if (ex_is_capitalised(c->t, &w) && !ex_quoted_at(c->t, &qs, w.start)) {
				char *f = ex_fold(c->t, w.start, w.end);
				size_t n = f ? strlen(f) : 0;
				/* A capitalised locative is a place, not an organiser. */
				int locative = f && n > 4 && (!strcmp(f + n - 3, "oje") || !strcmp(f + n - 3, "eje") ||
				                               !strcmp(f + n - 3, "yje") || !strcmp(f + n - 3, "uje"));
				free(f);
				if (!locative) {
					first = w;
					words = 1;
					last_end = w.end;
				}
			}
		} else {
			words++;
			last_end = w.end;
			if (words > 10)
				first.end = 0;
		}
		p = w.end;
	}
	/* "... renginį organizavo X", "organizatorius - X", "kartu su X";
	 * "Kartu su X" may open the sentence, before the date. */
	{
		char *o = ex_organiser_after(c, s_start, s_end);
		if (o)
			return o;
	}
	/* "LVBOS nuotoliniai mokymai", "prie LVBOS seminaro": an acronym at
	 * most one word (an adjective) before the event noun. */
	{
		word a, b;
		if (ex_prev_word(c->t, from, kw_start, &a)) {
			if (ex_org_acronym(c->t, &a))
				return ex_clean(c, a.start, a.end);
			if (ex_prev_word(c->t, from, a.start, &b) && ex_org_acronym(c->t, &b) &&
			    !ex_is_capitalised(c->t, &a))
				return ex_clean(c, b.start, b.end);
		}
	}
	/* "dalyvavo Lietuvos vietos bendruomenių organizacijų sąjungos
	 * nuotoliniame seminare": an organisation in the genitive right
	 * before the event noun. */
	{
		static const char *const orgs[] = { "sajungos", "grupes", "asociacijos", "centro",
			"biuro", "tarnybos", "ministerijos", "administracijos", "draugijos", "fondo",
			"instituto", "tinklo", "konfederacijos", "rumu", "bibliotekos", "vvg", NULL };
		word org = { 0, 0 }, cap = { 0, 0 };
		p = from;
		ex_quotes_init(&qs, from);
		while (ex_next_word(c->t, p, kw_start, &w)) {
			if (ex_is_capitalised(c->t, &w) && !cap.end && !ex_quoted_at(c->t, &qs, w.start))
				cap = w;
			if (cap.end && ex_word_has_stem(c->t, &w, orgs))
				org = w;
			if (ex_word_has_stem(c->t, &w, title_stops) && !(w.end - w.start == 2))
				cap.end = 0, org.end = 0;
			p = w.end;
		}
		if (cap.end && org.end && org.end > cap.start) {
			size_t e = org.end;
			if (e + 3 <= kw_start && memcmp(c->t->view + e, "“", 3) == 0)
				e += 3;
			return ex_clean(c, cap.start, e);
		}
	}
	return NULL;
}

/* Locative endings of place names: Kuldygoje, Dotnuvoje, Birštone,
 * Ventspilyje, Obeliuose, Juodupėje. */
static int locative_name(const char *f)
{
	static const char *const ends[] = { "oje", "eje", "yje", "uje", "ije", "uose", "ose",
	                                    "ese", "iuose", NULL };
	size_t n = strlen(f), i;

	for (i = 0; ends[i]; i++) {
		size_t k = strlen(ends[i]);
		if (n > k + 2 && strcmp(f + n - k, ends[i]) == 0)
			return 1;
	}
	return 0;
}

/* Where the event took place:
 *   - a place noun with its owner: "Vėžaičių bendruomenės namuose",
 *     "Kuršėnų kultūros centre", "Rokiškio kultūros centras";
 *   - where a trip went: "išvyka į Zarasų rajono bendruomenes";
 *   - capitalised locatives: "Kuldygoje, Ventspilyje, Alsungoje (Latvija)",
 *     and a capitalised name before "vykusiame": "Birštone vykusiame". */
/* Where the owner of a place noun starts, walking back over the words
 * before it (prev[0, np)): capitalised words and the lowercase genitives
 * and "ir" between them ("Birštono viešojoje bibliotekoje"); 0 if none. */
static size_t owner_start(ctx *c, const word *prev, int np)
{
	int k;
	size_t from = 0;
	for (k = np - 1; k >= 0 && np - k <= 5; k--) {
		char *g = ex_fold(c->t, prev[k].start, prev[k].end);
		size_t gn = g ? strlen(g) : 0;
		int cap = ex_is_capitalised(c->t, &prev[k]);
		/* genitives, "ir", and adjectives agreeing with a
		 * locative place noun ("viešojoje bibliotekoje") */
		int gen = !strcmp(g ? g : "", "ir") ||
		          (gn > 2 && (g[gn - 1] == 'u' || !strcmp(g + gn - 2, "os") ||
		                      !strcmp(g + gn - 2, "es") || !strcmp(g + gn - 2, "io") ||
		                      !strcmp(g + gn - 1, "o") || !strcmp(g + gn - 3, "oje") ||
		                      !strcmp(g + gn - 3, "ame")));
		free(g);
		if (!cap && !gen)
			break;
		if (cap)
			from = prev[k].start;
	}
	return from;
}

/* The end of a trip's destination starting at capitalised word w: up to
 * four more words before punctuation ("išvyka į Zarasų rajono
 * bendruomenes (...)", "į Lazdijų r. bendruomenes"). */
static size_t trip_destination(ctx *c, const word *w, size_t s_end)
{
	const char *v = c->t->view;
	size_t q = w->end, last = w->start, end;
	word n2;
	int k = 0;
	end = w->end;
	while (k < 4 && ex_next_word(c->t, q, s_end, &n2)) {
		size_t g;
		for (g = q; g < n2.start; g++)
			if (v[g] == ',' || v[g] == ';' || v[g] == '.' || v[g] == '(')
				break;
		if (g < n2.start)
			break;
		end = n2.end;
		last = n2.start;
		q = n2.end;
		k++;
	}
	/* "į Lazdijų r. bendruomenes": the abbreviation keeps its dot */
	if (end < s_end && v[end] == '.' && end - last <= 4 &&
	    (lt_word_is(v + last, end - last, "r") || lt_word_is(v + last, end - last, "raj") ||
	     lt_word_is(v + last, end - last, "sav") || lt_word_is(v + last, end - last, "m")))
		end++;
	return end;
}

/* "Latvijoje, Kuldygoje", "Latvijoje, Kraslavos savivaldoje": a
 * country the sentence narrows after a comma, the place as capitalised
 * words and the words of a municipality or region.  Returns the detail's
 * end, or a when there is none. */
static size_t comma_detail_end(ctx *c, size_t a, size_t e)
{
	static const char *const area[] = { "savivald", "rajon", "apskrit", "region", "miest",
		                              "valsciu", "kaim", NULL };
	word w;
	size_t p = a, end = a;

	while (ex_next_word(c->t, p, e, &w) && w.start == (p == a ? a : p + 1)) {
		if (!ex_is_capitalised(c->t, &w) && !(end > a && ex_word_has_stem(c->t, &w, area)))
			break;
		end = p = w.end;
		if (p >= e || c->t->view[p] != ' ')
			break;
	}
	return end;
}

/* "išvyka į Estiją (Viljandi apskritis)", "į Latviją (Liepoja,
 * Grobinia)": a country the sentence details in parentheses is placed by
 * the first place named there; so is one it narrows after a comma
 * (comma_detail_end).  Takes loc (may be NULL) and returns the location
 * to keep. */
static char *country_detail(ctx *c, size_t s, size_t e, char *loc)
{
	static const char *const countries[] = { "latvij", "estij", "lenkij", "vokietij", "suomij",
		                                   "svedij", "norvegij", "danij", "cekij", "slovakij",
		                                   "vengrij", "italij", "prancuzij", "ispanij", NULL };
	const char *v = c->t->view;
	size_t n, q, a, b;
	char *f, *detail;
	const char *hit;

	if (!loc || !(f = utf8_fold(loc, strlen(loc))))
		return loc;
	n = ex_has_any_stem(f, countries) && strchr(f, ' ') == NULL;
	free(f);
	if (!n)
		return loc;
	/* the country's word in the sentence, then " (" right after it */
	n = strlen(loc);
	for (q = s; q + n <= e; q++) {
		if (memcmp(c->t->norm + q, loc, n) != 0)
			continue;
		for (a = q + n; a < e && v[a] == ' '; a++)
			;
		if (a + 2 < e && v[a] == ',' && v[a + 1] == ' ' && (b = comma_detail_end(c, a + 2, e)) > a + 2) {
			if (!(detail = ex_clean(c, a + 2, b)))
				return loc;
			free(loc);
			return detail;
		}
		if (a >= e || v[a] != '(')
			continue;
		for (b = ++a; b < e && v[b] != ',' && v[b] != ')' && v[b] != ';'; b++)
			;
		while (b > a && v[b - 1] == ' ')
			b--;
		if (b <= a || b - a > 60)
			return loc;
		hit = v + a;
		if (!(*hit >= 'A' && *hit <= 'Z') && (unsigned char)*hit < 0xC3)
			return loc; /* "(du kartus)" is no place */
		if (!(detail = ex_clean(c, a, b)))
			return loc;
		free(loc);
		return detail;
	}
	return loc;
}

/* "seminare „…“, kuris vyko Birštone": a relative clause telling where
 * the event took place -- the pronoun (folded, the word before) and the
 * verb of holding f; the town's locative follows. */
static int held_in_clause(const char *pron, const char *f)
{
	return (!strcmp(f, "vyko") || !strcmp(f, "ivyko")) &&
	       (!strcmp(pron, "kuris") || !strcmp(pron, "kuri") || !strcmp(pron, "kurie") ||
	        !strcmp(pron, "kurios"));
}

static char *event_location(ctx *c, size_t s_start, size_t s_end)
{
	static const char *const places[] = {
		"namuose", "namai", "saleje", "sale", "centre", "centras", "bibliotekoje",
		"biblioteka", "mokykloje", "muziejuje", "rumuose", "rumai", "dvare", "sodyboje",
		"gimnazijoje", "progimnazijoje", "seniunijoje", "parke", "aiksteje", "pastate",
		"erdveje", "klebonijoje", "svetaineje", "teatre", "amfiteatre", "kaime", "mieste",
		"miestelyje", "bendruomenese", "seniunijose", "savivaldybese", "stovyklavieteje", "baznycioje",
		"sventoriuje", "kiemelyje", "azuolyne", "miske", "stadione", "papludimyje",
		"pakranteje", "aiksteleje", "slenyje", "piliakalnyje", "sodyboje", "rotuseje",
		"administracijoje", "pilyje", "viesbutyje", "kavineje", "bazeje", NULL
	};
	/* besides months, whose locatives end like places ("gegužėje") */
	static const char *const not_places[] = { "taryboje", "savivaldybeje", "posedyje", "tarybose",
		"ataskaitoje", "programoje", "priemoneje", NULL };
	const char *v = c->t->view;
	size_t p = s_start, start = 0, end = 0;
	word w, prev[6], n_after;
	int np = 0, after_trip = 0;
	quotes qs;
	char fbuf[96], relf[16] = ""; /* relf: the word before, folded, when short */
	int after_event = 0;

	ex_quotes_init(&qs, s_start);
	while (ex_next_word(c->t, p, s_end, &w)) {
		/* the word folded on the stack unless it is very long */
		char *f = w.end - w.start < sizeof fbuf ? fbuf : ex_fold(c->t, w.start, w.end);
		int quoted = ex_quoted_at(c->t, &qs, w.start), was_after_event = after_event;
		council_event_kind ek;
		const char *es;
		p = w.end;
		if (!f)
			return NULL;
		if (f == fbuf)
			ex_fold_into(c->t, fbuf, w.start, w.end);
		/* "konferenciją Birštone", "mokymuose „Lyderystė“ Birštone": a
		 * town's locative in -e right after the event noun or its quoted
		 * name ("Kaune", "Birštone"; not "-ė", a name's nominative) */
		after_event = !quoted && ex_event_keyword(c->t, &w, &ek, &es);
		after_event |= !quoted && held_in_clause(relf, f);
		snprintf(relf, sizeof relf, "%s", strlen(f) < sizeof relf ? f : "");
		if (!quoted && !start && !was_after_event && w.start >= 4 &&
		    (memcmp(v + w.start - 4, "“ ", 4) == 0 || memcmp(v + w.start - 4, "” ", 4) == 0))
			was_after_event = 1;
		if (!quoted && !start && was_after_event && ex_is_capitalised(c->t, &w) &&
		    w.end - w.start >= 5 && v[w.end - 1] == 'e' && !ex_has_any_stem(f, not_places) && !lt_month_from_word(v + w.start, w.end - w.start) &&
		    !(w.end < s_end && ex_next_word(c->t, w.end, s_end, &n_after) &&
		      ex_is_capitalised(c->t, &n_after) && n_after.start == w.end + 1)) {
			if (f != fbuf)
				free(f);
			return ex_clean(c, w.start, w.end);
		}
		if (!quoted && ex_word_has_stem(c->t, &w, places) && np > 0) {
			size_t from = owner_start(c, prev, np);
			if (from) {
				ex_free_folded(f, fbuf);
				return ex_clean(c, from, w.end);
			}
		}
		if (!quoted && after_trip && ex_is_capitalised(c->t, &w)) {
			end = trip_destination(c, &w, s_end);
			ex_free_folded(f, fbuf);
			return ex_clean(c, w.start, end);
		}
		after_trip = trip_word(f) ? 1 : (after_trip && !strcmp(f, "i")) ? 2 : 0;
		if (after_trip == 1) {
			/* wait for "į" */
		} else if (after_trip == 2) {
			after_trip = 1;
		}
		if (!quoted && !start && ex_is_capitalised(c->t, &w) && locative_name(f) &&
		    !ex_has_any_stem(f, not_places) && !lt_month_from_word(v + w.start, w.end - w.start)) {
			start = w.start;
			end = w.end;
		} else if (!quoted && !start && ex_is_capitalised(c->t, &w) && np > 0) {
			/* "Birštone vykusiame forume": a name right before the
			 * participle of taking place; "tarybos Simne surengė
			 * seminarą": a locative in -e right before a verb of
			 * holding it (lexicon meeting_held) */
			static const char *const held[] = { LEX_MEETING_HELD(LEX_FOLDED) NULL };
			word n2;
			if (ex_next_word(c->t, w.end, s_end, &n2) &&
			    (ex_word_has_stem(c->t, &n2, (const char *const[]){ "vykus", "vykusi", NULL }) ||
			     (v[w.end - 1] == 'e' && !ex_has_any_stem(f, not_places) &&
			      !lt_month_from_word(v + w.start, w.end - w.start) &&
			      ex_word_has_stem(c->t, &n2, held))) &&
			    w.end - w.start > 3) {
				ex_free_folded(f, fbuf);
				return ex_clean(c, w.start, w.end);
			}
		} else if (start && !quoted) {
			if (ex_is_capitalised(c->t, &w) && locative_name(f)) {
				end = w.end;
			} else if (strcmp(f, "ir") != 0) {
				ex_free_folded(f, fbuf);
				break;
			}
		}
		ex_free_folded(f, fbuf);
		if (np == 6) {
			memmove(prev, prev + 1, 5 * sizeof *prev);
			np = 5;
		}
		prev[np++] = w;
	}
	if (!start)
		return NULL;
	/* "(Latvija)" right after the place names. */
	{
		size_t q = end;
		while (q < s_end && v[q] == ' ')
			q++;
		if (q < s_end && v[q] == '(') {
			const char *close = memchr(v + q, ')', s_end - q);
			if (close && close - (v + q) < 40)
				end = (size_t)(close - v) + 1;
		}
	}
	return ex_clean(c, start, end);
}

/* Does folded f hold one of the folded forms anywhere? */
int ex_mentions_any(const char *f, const char *const *forms)
{
	for (; *forms; forms++)
		if (strstr(f, *forms))
			return 1;
	return 0;
}

const char *const ex_remote_words[] = { LEX_REMOTE(LEX_FOLDED) NULL };
const char *const ex_in_person_words[] = { LEX_IN_PERSON(LEX_FOLDED) NULL };
const char *const ex_hybrid_words[] = { LEX_HYBRID(LEX_FOLDED) NULL };

int ex_sentence_remote(const char *f)
{
	if (ex_mentions_any(f, ex_remote_words))
		return 1;
	if (ex_mentions_any(f, ex_in_person_words))
		return 0;
	return -1;
}

/* "3 tarybos nariai", "penki mūsų tarybos nariai", "6 (Klaipėdos m. BO
 * tarybos nariai)": a count of the council's own members only, as reports
 * give it for a delegation to a happening others held: the happening had
 * at least these. */
static int council_delegation(ctx *c, const lt_group *g)
{
	char *f;
	int r;

	if (g->noun_end <= g->noun_start)
		return 0;
	f = ex_fold(c->t, g->noun_start, g->noun_end);
	/* "18 Tarybos narių ir bendruomenių atstovų" counts both: not only
	 * the council's */
	r = f && (strstr(f, "tarybos nari") || strstr(f, "tarybos atstov")) && !strstr(f, " ir ") &&
	    !strstr(f, " bei ");
	free(f);
	return r;
}

int ex_set_groups(ctx *c, x_event *e, const lt_participants *p)
{
	int i;

	for (i = 0; i < p->n_groups; i++) {
		x_group *g = x_push((void **)&e->groups, &e->n_groups, sizeof *g);
		if (!g)
			return ex_oom(c);
		g->count = p->groups[i].count;
		g->qualifier = p->groups[i].qualifier;
		if (p->n_groups == 1 && g->qualifier == COUNCIL_QUAL_EXACT && !p->others_uncounted &&
		    council_delegation(c, &p->groups[i]))
			g->qualifier = COUNCIL_QUAL_AT_LEAST;
		if (p->n_groups > 1 && p->groups[i].noun_end > p->groups[i].noun_start)
			g->group_name = ex_clean(c, p->groups[i].noun_start, p->groups[i].noun_end);
	}
	/* Several groups of which one was counted with "daugiau nei" etc. keep
	 * their own qualifiers; a single group with uncounted others is a lower
	 * bound: record the others as a group of at least zero. */
	if (p->others_uncounted) {
		x_group *g = x_push((void **)&e->groups, &e->n_groups, sizeof *g);
		if (!g)
			return ex_oom(c);
		g->count = 0;
		g->qualifier = COUNCIL_QUAL_AT_LEAST;
		g->group_name = cdb_strdup("kiti dalyviai");
	}
	return COUNCIL_OK;
}

static int kind_in_keys(const char *keys, const char *stem)
{
	char needle[40];

	snprintf(needle, sizeof needle, ";%s;", stem);
	return strstr(keys, needle) != NULL;
}

/* A key of the open event that names the same happening as stem: the same
 * stem, or the verb and its noun ("susitiko" - "susitikime", "pristatė" -
 * "pristatyme"), which share their first seven letters. */
static int key_related(const char *keys, const char *stem)
{
	const char *k = keys;
	size_t n = strlen(stem);

	if (kind_in_keys(keys, stem))
		return 1;
	if (n < 7)
		return 0;
	while ((k = strchr(k, ';')) != NULL && k[1]) {
		k++;
		if (strncmp(k, stem, 7) == 0)
			return 1;
	}
	return 0;
}

static void note_keys(ctx *c, size_t s, size_t e)
{
	word w;
	size_t p = s;

	while (ex_next_word(c->t, p, e, &w)) {
		council_event_kind k;
		const char *stem;
		if (ex_event_keyword(c->t, &w, &k, &stem) && !kind_in_keys(c->para.open_keys, stem) &&
		    strlen(c->para.open_keys) + strlen(stem) + 2 < sizeof c->para.open_keys) {
			strcat(c->para.open_keys, stem);
			strcat(c->para.open_keys, ";");
		}
		p = w.end;
	}
}

/* A later sentence may state the open event's participants when it speaks
 * of the same kind of happening (or of "renginys" in general). */
/* The event's description grows with the sentences that tell more of it. */
static void extend_description(ctx *c, x_event *ev, size_t s, size_t e)
{
	char *more = ex_clean(c, s, e), *grown;
	size_t a, b;

	if (!more)
		return;
	a = ev->description ? strlen(ev->description) : 0;
	b = strlen(more);
	if (a + b < 2000 && (grown = realloc(ev->description, a + b + 2)) != NULL) {
		if (a)
			grown[a++] = ' ';
		memcpy(grown + a, more, b + 1);
		ev->description = grown;
	}
	free(more);
}

void ex_later_participants(ctx *c, size_t s, size_t e)
{
	x_event *ev;
	lt_participants p;
	word w;
	size_t q = s;
	int other = 0, i;

	if (c->para.open_event < 0) {
		/* "... aplankė apie 1 500 žmonių. Renginį organizavo NVO taryba
		 * kartu su kultūros centru.": the event closed with its count,
		 * but a sentence that opens by pointing back at it may still name
		 * who organised it. */
		council_event_kind k;
		const char *stem;
		if (c->para.last_event >= 0 && !c->x->events[c->para.last_event].organiser &&
		    ex_next_word(c->t, s, e, &w) &&
		    (ex_word_has_stem(c->t, &w, (const char *const[]){ "ji", "ja", "juos", "jas", NULL }) ||
		     ex_event_keyword(c->t, &w, &k, &stem)))
			c->x->events[c->para.last_event].organiser = ex_organiser_after(c, w.end, e);
		return;
	}
	ev = &c->x->events[c->para.open_event];
	if (!ev->organiser)
		ev->organiser = ex_organiser_after(c, s, e);
	/* "... surengė išvažiuojamąjį seminarą. Seminaras vyko Darbėnuose":
	 * a sentence opening with the open event's noun may place it */
	if (!ev->location && ex_next_word(c->t, s, e, &w)) {
		council_event_kind k;
		const char *stem;
		if (ex_event_keyword(c->t, &w, &k, &stem) && !ex_verb_stem(stem) &&
		    ((k == ev->kind && k != COUNCIL_EVENT_OTHER) || key_related(c->para.open_keys, stem))) {
			/* after the noun: "Išvykai vadovavo ..." is no place */
			ev->location = country_detail(c, s, e, event_location(c, w.end, e));
			/* "Mokymus organizavo ... paramos centras": who held
			 * it, not where */
			if (ev->location && ev->organiser && strstr(ev->organiser, ev->location)) {
				free(ev->location);
				ev->location = NULL;
			}
			if (ev->location)
				ex_fired(c);
		}
	}
	if (ev->n_groups || !(ex_field_participants(c, s, e, &p) ||
	                      lt_participants_find(&p, c->t->view + s, e - s))) {
		/* A sentence that only tells more about the event widens what
		 * later sentences may call it ("kelionės-mokymų metu ..."). */
		note_keys(c, s, e);
		extend_description(c, ev, s, e);
		return;
	}
	/* A count in a sentence about another kind of happening belongs to that
	 * happening, not to the open event. */
	while (ex_next_word(c->t, q, e, &w)) {
		council_event_kind k;
		const char *stem;
		/* "lankėsi ... bendruomenėse. Gerosios patirties išvykoje
		 * dalyvavo 19 asmenų": another word for the same kind of
		 * happening is the same happening. */
		/* Verbs ("ją aplankė apie 400 žmonių") tell of the open event;
		 * only another event noun names another happening. */
		if (ex_event_keyword(c->t, &w, &k, &stem) && strcmp(stem, "rengin") != 0 &&
		    !ex_verb_stem(stem) && !key_related(c->para.open_keys, stem) &&
		    !(k == ev->kind && k != COUNCIL_EVENT_OTHER))
			other = 1;
		q = w.end;
	}
	/* A week or a festival is made of smaller happenings: "atvirų durų
	 * dienose, žygiuose ir vakaronėse dalyvavo maždaug 600 gyventojų"
	 * counts the week's visitors. */
	if (ev->kind == COUNCIL_EVENT_FESTIVAL)
		other = 0;
	if (!other) {
		/* field_participants gives absolute offsets, the phrase parser
		 * offsets into the sentence. */
		if (p.start < s)
			for (i = 0; i < p.n_groups; i++) {
				p.groups[i].noun_start += s;
				p.groups[i].noun_end += s;
			}
		ex_set_groups(c, ev, &p);
		ex_fired(c);
		extend_description(c, ev, s, e);
	}
	c->para.open_event = -1;
}

void ex_new_event(ctx *c, size_t s, size_t e, const lt_date_match *m, const char *f,
                      const word *kw, council_event_kind kind, const char *stem)
{
	x_event *ev = x_push((void **)&c->x->events, &c->x->n_events, sizeof *ev);
	lt_participants p;
	int *slot;

	if (!ev) {
		ex_oom(c);
		return;
	}
	ev->date = m->period;
	ex_made(c, &ev->span);
	ev->kind = kind;
	ev->year_inferred = !!(m->flags & LT_DATE_YEAR_INFERRED);
	ev->title = event_title(c, s, e, m->end <= kw->start ? m->end : s, kw, stem);
	ev->organiser = event_organiser(c, s, m->end <= kw->start ? m->end : s, e, kw->start);
	ev->location = country_detail(c, s, e, event_location(c, s, e));
	ev->remote = ex_sentence_remote(f);
	ev->description = ex_clean_capped(c, s, e, 1000);
	x_span_set(&ev->span, c->t, s, e);
	if (c->para.measure > 0) {
		if (!(slot = x_push((void **)&ev->measures, &ev->n_measures, sizeof *slot))) {
			ex_oom(c);
			return;
		}
		*slot = c->para.measure;
	}
	c->para.open_event = (long)(c->x->n_events - 1);
	c->para.last_event = c->para.open_event;
	c->para.open_keys[0] = ';';
	c->para.open_keys[1] = '\0';
	if (ex_field_participants(c, s, e, &p)) {
		ex_set_groups(c, ev, &p);
		c->para.open_event = -1;
	} else if (lt_participants_find(&p, c->t->view + s, e - s)) {
		int i;
		for (i = 0; i < p.n_groups; i++) {
			p.groups[i].noun_start += s;
			p.groups[i].noun_end += s;
		}
		ex_set_groups(c, ev, &p);
		c->para.open_event = -1;
	} else {
		note_keys(c, s, e);
	}
}

void ex_new_list_event(ctx *c, size_t s, size_t e, const lt_date_match *m, const char *f,
                           council_event_kind kind)
{
	const char *v = c->t->view;
	word w;
	size_t q, a = m->end, b;

	/* The title: a quotation if the item has one ... */
	for (q = m->end; q + 3 <= e; q++)
		if (memcmp(v + q, "„", 3) == 0 || v[q] == '"') {
			size_t close;
			for (close = q + 3; close + 3 <= e; close++)
				if (memcmp(v + close, "“", 3) == 0 || memcmp(v + close, "”", 3) == 0 ||
				    v[close] == '"')
					break;
			if (close + 3 <= e) {
				w.start = q;
				w.end = close + (v[close] == '"' ? 1 : 3);
				ex_new_event(c, s, e, m, f, &w, kind, "");
				return;
			}
		}
	/* ... else the words after the date, up to punctuation. */
	while (a < e && (v[a] == ' ' || v[a] == '-' || v[a] == ':'))
		a++;
	for (b = a; b < e && v[b] != ',' && v[b] != ';' && v[b] != '.' && v[b] != '('; b++)
		;
	if (b <= a)
		return;
	w.start = a;
	w.end = b;
	ex_new_event(c, s, e, m, f, &w, kind, "");
}
