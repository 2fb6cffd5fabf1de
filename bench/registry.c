/* SPDX-License-Identifier: MIT */
/*
 * registry.c -- the generated registry of section (1): councils of the 60
 * municipalities, their members, meetings, stated figures and events with
 * participant groups, spread over 15 years.  It is built in memory before
 * any clock starts, so both loaders time only their writes.  Strings come
 * from small pools, as real data repeats titles, places and names.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"

static const char *const municipalities[] = {
	"Akmenės rajono", "Alytaus miesto", "Alytaus rajono", "Anykščių rajono", "Birštono",
	"Biržų rajono", "Druskininkų", "Elektrėnų", "Ignalinos rajono", "Jonavos rajono",
	"Joniškio rajono", "Jurbarko rajono", "Kaišiadorių rajono", "Kalvarijos", "Kauno miesto",
	"Kauno rajono", "Kazlų Rūdos", "Kėdainių rajono", "Kelmės rajono", "Klaipėdos miesto",
	"Klaipėdos rajono", "Kretingos rajono", "Kupiškio rajono", "Lazdijų rajono", "Marijampolės",
	"Mažeikių rajono", "Molėtų rajono", "Neringos", "Pagėgių", "Pakruojo rajono",
	"Palangos miesto", "Panevėžio miesto", "Panevėžio rajono", "Pasvalio rajono",
	"Plungės rajono", "Prienų rajono", "Radviliškio rajono", "Raseinių rajono", "Rietavo",
	"Rokiškio rajono", "Skuodo rajono", "Šakių rajono", "Šalčininkų rajono", "Šiaulių miesto",
	"Šiaulių rajono", "Šilalės rajono", "Šilutės rajono", "Širvintų rajono",
	"Švenčionių rajono", "Tauragės rajono", "Telšių rajono", "Trakų rajono",
	"Ukmergės rajono", "Utenos rajono", "Varėnos rajono", "Vilkaviškio rajono",
	"Vilniaus miesto", "Vilniaus rajono", "Visagino", "Zarasų rajono",
};
#define N_MUNI (sizeof municipalities / sizeof municipalities[0])

static const char *const first_names[] = {
	"Jonas", "Petras", "Vytautas", "Saulius", "Tomas", "Mantas", "Darius", "Rimantas",
	"Inga", "Renata", "Rasa", "Jurgita", "Agnė", "Danutė", "Laima", "Asta",
};
static const char *const last_names[] = {
	"Kazlausk", "Petrausk", "Jankausk", "Vasiliausk", "Žukausk", "Paulausk", "Urbon",
	"Kavaliausk", "Navick", "Ramanausk", "Savick", "Balčiūn",
};
static const char *const villages[] = {
	"Josvainių", "Juodupės", "Obelių", "Kairių", "Gruzdžių", "Meškuičių", "Upninkų",
	"Dauparų", "Vėžaičių", "Sudeikių", "Leliūnų", "Papilio", "Luokės", "Varnių",
	"Dotnuvos", "Pabiržės", "Vilkyškių", "Kniaudiškių", "Ruklos", "Salako",
};
static const char *const topics[] = {
	"Bendruomenė – kaimo širdis", "Savanorystė bendruomenėje", "Bendrystės vasara",
	"Kartu mes stiprūs", "Bendruomenės finansų valdymas", "Socialinio poveikio vertinimas",
	"Kaip išlaikyti jaunimą kaime?", "Bendruomenės projekto kelias",
	"Sumanūs kaimai – inovatyvi bendruomenė", "Mūsų kiemas", "Bendruomenių lyderių diena",
	"Gerosios patirties mainai", "Bendruomenė ir savivalda", "Kaimynas kaimynui",
	"Skaitmeniniai įrankiai bendruomenėms", "Paraiškų rengimo abėcėlė", "Tvari bendruomenė",
	"Vietos iniciatyvų mugė", "Jaunimas bendruomenėje", "Senjorų įtrauktis",
};
/* Indexed by council_event_kind. */
static const char *const kind_words[] = {
	"Susitikimas", "Seminaras", "Mokymai", "Konferencija", "Išvyka", "Diskusija",
	"Pristatymas", "Konsultacija", "Šventė", "Paroda", "Dirbtuvės", "Forumas",
};
static const char *const places[] = {
	"Dotnuvos kultūros centras", "Josvainių bendruomenės namai", "Obelių biblioteka",
	"Luokės bendruomenės namai", "Varnių kultūros centras", "Savivaldybės posėdžių salė",
	"Kuldyga, Latvija", "Drevernos bendruomenės namai", "Juodupės seniūnija",
	"Rajono viešoji biblioteka", "Pabiržės mokykla", "Salako bendruomenės namai",
};
static const char *const descriptions[] = {
	"Aptarti bendruomenių namų išlaikymo ir savanorystės klausimai.",
	"Dalyviai pasidalijo gerąja patirtimi ir sutarė bendradarbiauti rengiant bendrus projektus.",
	"Parengtos rekomendacijos paskelbtos Savivaldybės interneto svetainėje.",
	"Susipažinta su bendruomenių įgyvendintais projektais, kylančiais iššūkiais ir planais.",
};
static const char *const organisers[] = {
	"Savivaldybės administracija", "vietos veiklos grupė",
	"Lietuvos vietos bendruomenių organizacijų sąjunga", "Obelių bendruomenė",
};
static const char *const group_names[] = {
	"BO tarybos nariai", "NVO tarybos nariai", "bendruomenių atstovai", "seniūnaičiai",
	"jaunimo atstovai",
};
static const char *const agendas[] = {
	"Projektų atrankos kriterijai; atstovų delegavimas į vertinimo komisiją.",
	"Savivaldybės biudžeto projektas; bendruomenių namų išlaikymas.",
	"Tarybos veiklos plano tvirtinimas.", "Projektų vertinimo rezultatai.",
	"Pasiūlymai strateginiam veiklos planui.",
};
static const char *const platforms[] = { "Microsoft Teams", "Zoom" };

/* ---- a small deterministic generator (splitmix64) ------------------------ */

static uint64_t rng_state;

static uint64_t rnd(void)
{
	uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

/* Uniform in 0..n-1. */
static int below(int n)
{
	return (int)(rnd() % (uint64_t)n);
}

/* Nonzero with probability percent/100. */
static int chance(int percent)
{
	return below(100) < percent;
}

#define PICK(a) ((a)[below((int)(sizeof(a) / sizeof((a)[0])))])

/* ---- string pools -------------------------------------------------------- */

/* Built once; records point into them, as the loaders only read. */
static char **pool_titles, **pool_names, **pool_represents;
static size_t n_titles, n_names, n_represents;

static char *dup_fmt(const char *a, const char *b, const char *c)
{
	size_t n = strlen(a) + strlen(b) + strlen(c) + 1;
	char *s = malloc(n);

	if (!s)
		bench_die("out of memory");
	snprintf(s, n, "%s%s%s", a, b, c);
	return s;
}

static void pools_build(void)
{
	size_t i, j;

	n_titles = (sizeof kind_words / sizeof kind_words[0]) * (sizeof topics / sizeof topics[0]);
	pool_titles = malloc(n_titles * sizeof *pool_titles);
	n_names = (sizeof first_names / sizeof first_names[0]) * (sizeof last_names / sizeof last_names[0]);
	pool_names = malloc(n_names * sizeof *pool_names);
	n_represents = sizeof villages / sizeof villages[0];
	pool_represents = malloc(n_represents * sizeof *pool_represents);
	if (!pool_titles || !pool_names || !pool_represents)
		bench_die("out of memory");
	for (i = 0; i < sizeof kind_words / sizeof kind_words[0]; i++)
		for (j = 0; j < sizeof topics / sizeof topics[0]; j++) {
			char *t = dup_fmt(kind_words[i], " „", topics[j]);
			char *u = dup_fmt(t, "“", "");
			free(t);
			pool_titles[i * (sizeof topics / sizeof topics[0]) + j] = u;
		}
	for (i = 0; i < sizeof first_names / sizeof first_names[0]; i++)
		for (j = 0; j < sizeof last_names / sizeof last_names[0]; j++) {
			/* Lithuanian surnames follow the person: -as / -ienė. */
			size_t n = strlen(first_names[i]);
			int female = first_names[i][n - 1] == 'a' ||
			             (n > 2 && strcmp(first_names[i] + n - 2, "ė") == 0);
			const char *end = female ? "ienė" : "as";
			char *t = dup_fmt(first_names[i], " ", last_names[j]);
			pool_names[i * (sizeof last_names / sizeof last_names[0]) + j] = dup_fmt(t, end, "");
			free(t);
		}
	for (i = 0; i < n_represents; i++)
		pool_represents[i] = dup_fmt(villages[i], " bendruomenė", "");
}

static void pools_free(void)
{
	size_t i;

	for (i = 0; i < n_titles; i++)
		free(pool_titles[i]);
	for (i = 0; i < n_names; i++)
		free(pool_names[i]);
	for (i = 0; i < n_represents; i++)
		free(pool_represents[i]);
	free(pool_titles);
	free(pool_names);
	free(pool_represents);
}

/* ---- records ------------------------------------------------------------- */

static int days_in(int y, int m)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : d[m - 1];
}

/* A period in one of the years: mostly a day, some months, a few years
 * alone, and some spans of a few days, as reports date things. */
static council_period period(int first_year, int years)
{
	council_period p;
	int k = below(100);

	memset(&p, 0, sizeof p);
	p.start.year = first_year + below(years);
	if (k >= 2) {
		p.start.month = 1 + below(12);
		if (k >= 12)
			p.start.day = 1 + below(days_in(p.start.year, p.start.month));
	}
	p.end = p.start;
	if (p.start.day && chance(15)) {
		int d = p.start.day + 1 + below(3);
		if (d <= days_in(p.start.year, p.start.month))
			p.end.day = d;
	}
	return p;
}

static char *council_name(const char *muni, council_kind kind)
{
	return dup_fmt(muni, kind == COUNCIL_KIND_NVO
	               ? " savivaldybės nevyriausybinių organizacijų taryba"
	               : " savivaldybės bendruomeninių organizacijų taryba", "");
}

void registry_build(registry *r, const bench_opts *o)
{
	size_t i, *per_council_n;
	council_id **per_council;

	memset(r, 0, sizeof *r);
	rng_state = 20240516;
	pools_build();
	r->first_year = 2010;

	r->n_councils = (size_t)o->councils;
	r->councils = calloc(r->n_councils, sizeof *r->councils);
	r->n_members = (size_t)o->members;
	r->members = calloc(r->n_members ? r->n_members : 1, sizeof *r->members);
	r->n_meetings = (size_t)o->meetings;
	r->meetings = calloc(r->n_meetings ? r->n_meetings : 1, sizeof *r->meetings);
	r->n_figures = r->n_councils * (size_t)o->years * 2;
	r->figures = calloc(r->n_figures, sizeof *r->figures);
	r->n_events = (size_t)o->events;
	r->events = calloc(r->n_events ? r->n_events : 1, sizeof *r->events);
	per_council = calloc(r->n_councils, sizeof *per_council);
	per_council_n = calloc(r->n_councils, sizeof *per_council_n);
	if (!r->councils || !r->members || !r->meetings || !r->figures || !r->events ||
	    !per_council || !per_council_n)
		bench_die("out of memory for the registry");

	for (i = 0; i < r->n_councils; i++) {
		gen_council *c = &r->councils[i];
		int half = 4 + below(8);
		const char *muni = municipalities[i % N_MUNI];
		c->kind = chance(15) ? COUNCIL_KIND_NVO : COUNCIL_KIND_BO;
		/* Past 60 councils (a bigger --councils), the NVO council of the
		 * same municipality keeps names unique. */
		if (i >= N_MUNI)
			c->kind = c->kind == COUNCIL_KIND_NVO ? COUNCIL_KIND_BO : COUNCIL_KIND_NVO;
		c->name = council_name(muni, c->kind);
		c->municipality = dup_fmt(muni, " savivaldybė", "");
		c->size = 2 * half;
		c->seats_municipality = half;
		c->seats_community = half;
	}
	for (i = 0; i < r->n_members; i++) {
		gen_member *m = &r->members[i];
		int k = below(100);
		m->council = 1 + below((int)r->n_councils);
		m->name = pool_names[below((int)n_names)];
		m->role = k < 2 ? COUNCIL_ROLE_CHAIR : k < 4 ? COUNCIL_ROLE_DEPUTY
		        : k < 6 ? COUNCIL_ROLE_SECRETARY : COUNCIL_ROLE_MEMBER;
		m->represents = chance(70) ? pool_represents[below((int)n_represents)] : NULL;
		m->side = chance(10) ? COUNCIL_SIDE_UNKNOWN
		        : chance(50) ? COUNCIL_SIDE_MUNICIPALITY : COUNCIL_SIDE_COMMUNITY;
		m->delegated_by = chance(20) ? "Savivaldybės administracija" : NULL;
		if (chance(50)) {
			m->term_start.year = r->first_year + below(o->years);
			m->term_end.year = m->term_start.year + 2 + below(3);
		}
	}
	for (i = 0; i < r->n_meetings; i++) {
		gen_meeting *m = &r->meetings[i];
		int k = below(100);
		m->council = 1 + below((int)r->n_councils);
		m->date = period(r->first_year, o->years);
		m->format = k < 60 ? COUNCIL_FORMAT_IN_PERSON : k < 85 ? COUNCIL_FORMAT_REMOTE
		          : k < 95 ? COUNCIL_FORMAT_HYBRID : COUNCIL_FORMAT_UNKNOWN;
		m->platform = (m->format == COUNCIL_FORMAT_REMOTE || m->format == COUNCIL_FORMAT_HYBRID)
		              ? PICK(platforms) : NULL;
		m->location = m->format != COUNCIL_FORMAT_REMOTE && chance(50) ? PICK(places) : NULL;
		m->summary = chance(40) ? PICK(agendas) : NULL;
		/* Remember the council's meetings, for events held at one. */
		{
			size_t c = (size_t)m->council - 1, n = per_council_n[c];
			if ((n & (n - 1)) == 0) { /* grow at powers of two */
				council_id *more = realloc(per_council[c], (n ? 2 * n : 1) * sizeof *more);
				if (!more)
					bench_die("out of memory");
				per_council[c] = more;
			}
			per_council[c][per_council_n[c]++] = (council_id)i + 1;
		}
	}
	for (i = 0; i < r->n_figures; i++) {
		gen_figure *f = &r->figures[i];
		size_t per = (size_t)o->years * 2;
		f->council = (council_id)(i / per) + 1;
		f->year = r->first_year + (int)((i % per) / 2);
		f->metric = (i & 1) ? COUNCIL_METRIC_MEETINGS_REMOTE : COUNCIL_METRIC_MEETINGS;
		f->value = (i & 1) ? below(4) : 2 + below(11);
	}
	for (i = 0; i < r->n_events; i++) {
		gen_event *e = &r->events[i];
		int g, k = below(100);
		size_t c;
		e->council = 1 + below((int)r->n_councils);
		c = (size_t)e->council - 1;
		e->meeting = per_council_n[c] && chance(5)
		             ? per_council[c][below((int)per_council_n[c])] : 0;
		e->kind = (council_event_kind)below((int)(sizeof kind_words / sizeof kind_words[0]));
		e->title = pool_titles[(size_t)e->kind * (sizeof topics / sizeof topics[0]) +
		                       (size_t)below((int)(sizeof topics / sizeof topics[0]))];
		e->organiser = chance(30) ? PICK(organisers) : NULL;
		e->location = chance(70) ? PICK(places) : NULL;
		e->description = chance(40) ? PICK(descriptions) : NULL;
		e->remote = chance(20) ? 1 : chance(75) ? 0 : -1;
		e->date = period(r->first_year, o->years);
		e->n_groups = k < 15 ? 0 : k < 75 ? 1 : k < 95 ? 2 : 3;
		for (g = 0; g < e->n_groups; g++) {
			int q = below(100);
			e->groups[g].count = 5 + below(296);
			e->groups[g].qualifier = q < 80 ? COUNCIL_QUAL_EXACT : q < 88 ? COUNCIL_QUAL_MORE_THAN
			                       : q < 95 ? COUNCIL_QUAL_ABOUT : COUNCIL_QUAL_AT_LEAST;
			e->groups[g].name = e->n_groups > 1 || chance(30) ? PICK(group_names) : NULL;
		}
		r->n_groups += (size_t)e->n_groups;
	}
	for (i = 0; i < r->n_councils; i++)
		free(per_council[i]);
	free(per_council);
	free(per_council_n);
}

void registry_free(registry *r)
{
	size_t i;

	for (i = 0; i < r->n_councils; i++) {
		free((char *)r->councils[i].name);
		free((char *)r->councils[i].municipality);
	}
	free(r->councils);
	free(r->members);
	free(r->meetings);
	free(r->figures);
	free(r->events);
	pools_free();
	memset(r, 0, sizeof *r);
}

size_t registry_rows(const registry *r)
{
	return r->n_councils + r->n_members + r->n_meetings + r->n_figures + r->n_events +
	       r->n_groups;
}

char *bench_date_text(char *buf, const council_date *d)
{
	/* Hand-rolled, as a raw loader would write it: snprintf would cost
	 * more than the rest of the binding. */
	char *p = buf;
	int y = d->year;

	if (y > 0) {
		p[0] = (char)('0' + y / 1000);
		p[1] = (char)('0' + y / 100 % 10);
		p[2] = (char)('0' + y / 10 % 10);
		p[3] = (char)('0' + y % 10);
		p += 4;
		if (d->month) {
			p[0] = '-';
			p[1] = (char)('0' + d->month / 10);
			p[2] = (char)('0' + d->month % 10);
			p += 3;
			if (d->day) {
				p[0] = '-';
				p[1] = (char)('0' + d->day / 10);
				p[2] = (char)('0' + d->day % 10);
				p += 3;
			}
		}
	}
	*p = '\0';
	return buf;
}
