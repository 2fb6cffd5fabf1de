/* SPDX-License-Identifier: MIT */
/*
 * export_popolo.c -- COUNCIL_EXPORT_POPOLO: the registry as one Popolo JSON
 * document (organizations, persons, memberships, events), every object
 * with the sources it came from.  Here: the mapping from tables to Popolo
 * objects, their ids, and sources as RFC 6920 ni: URIs of the document's
 * SHA-256.  The document is built in memory (jansson) and then streamed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "export.h"
#include "utf8.h"

/* The pieces of the document being built. */
typedef struct popolo {
	council_db *db;
	json_t *orgs, *persons, *memberships, *events;
	json_t *org_ids;     /* id -> 1, organizations already listed */
	json_t *person_ids;  /* "council/name" -> person id, and id -> 1 */
	int oom;
} popolo;

/* ---- ids and sources ----------------------------------------------------- */

/* prefix + the name folded to [a-z0-9-]: "municipality/kauno-miesto-
 * savivaldybe".  Ids are read by people in URLs and logs, so they are
 * words rather than numbers where the registry has no id of its own. */
static char *slug_id(const char *prefix, const char *name)
{
	char *folded = utf8_fold(name, strlen(name)), *out, *o;
	const char *p;
	int dash = 0;

	if (!folded)
		return NULL;
	if (!(out = malloc(strlen(prefix) + strlen(folded) + 2))) {
		free(folded);
		return NULL;
	}
	o = out + sprintf(out, "%s/", prefix);
	for (p = folded; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')) {
			if (dash && o[-1] != '/')
				*o++ = '-';
			*o++ = *p;
			dash = 0;
		} else {
			dash = 1; /* spaces, punctuation, letters outside a-z */
		}
	}
	if (o[-1] == '/')
		*o++ = '_'; /* a name with no a-z0-9 at all */
	*o = '\0';
	free(folded);
	return out;
}

static void base64url(char *out, const unsigned char *in, size_t n)
{
	static const char abc[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
	size_t i;

	for (i = 0; i + 2 < n; i += 3) {
		*out++ = abc[in[i] >> 2];
		*out++ = abc[((in[i] & 3) << 4) | (in[i + 1] >> 4)];
		*out++ = abc[((in[i + 1] & 15) << 2) | (in[i + 2] >> 6)];
		*out++ = abc[in[i + 2] & 63];
	}
	if (n - i == 1) {
		*out++ = abc[in[i] >> 2];
		*out++ = abc[(in[i] & 3) << 4];
	} else if (n - i == 2) {
		*out++ = abc[in[i] >> 2];
		*out++ = abc[((in[i] & 3) << 4) | (in[i + 1] >> 4)];
		*out++ = abc[(in[i + 1] & 15) << 2];
	}
	*out = '\0'; /* RFC 6920 leaves the padding out */
}

/* A Popolo sources list for the document with this path and digest: its
 * url the document's identity, an RFC 6920 named-information URI of its
 * SHA-256 (a document imported from a local file has no web address), and
 * its note the path and the digest in hex.  NULL path: no source. */
static json_t *sources(const char *path, const char *sha256)
{
	unsigned char digest[32];
	char url[sizeof "ni:///sha-256;" + 44];
	char *note;
	json_t *list;
	size_t i;

	if (!path || !sha256 || strlen(sha256) != 64)
		return json_array();
	for (i = 0; i < 32; i++) {
		unsigned hi, lo;
		if (sscanf(sha256 + 2 * i, "%1x%1x", &hi, &lo) != 2)
			return json_array();
		digest[i] = (unsigned char)(hi << 4 | lo);
	}
	memcpy(url, "ni:///sha-256;", sizeof "ni:///sha-256;");
	base64url(url + strlen(url), digest, sizeof digest);
	if (!(note = malloc(strlen(path) + sizeof " (SHA-256 )" + 64)))
		return NULL;
	sprintf(note, "%s (SHA-256 %s)", path, sha256);
	list = json_pack("[{s:s, s:s}]", "url", url, "note", note);
	free(note);
	return list;
}

static void set_str(popolo *p, json_t *obj, const char *key, const char *value)
{
	if (value && *value && json_object_set_new(obj, key, json_string(value)) != 0)
		p->oom = 1;
}

static void set_new(popolo *p, json_t *obj, const char *key, json_t *value)
{
	if (!value || json_object_set_new(obj, key, value) != 0)
		p->oom = 1;
}

static void append(popolo *p, json_t *list, json_t *obj)
{
	if (!obj || json_array_append_new(list, obj) != 0)
		p->oom = 1;
}

/* An organization named only by name (a municipality, a represented
 * organisation), listed once; returns its id (owned by the caller). */
static char *named_org(popolo *p, const char *prefix, const char *name, const char *classification)
{
	char *id = slug_id(prefix, name);
	json_t *org;

	if (!id) {
		p->oom = 1;
		return NULL;
	}
	if (json_object_get(p->org_ids, id))
		return id;
	set_new(p, p->org_ids, id, json_true());
	org = json_object();
	set_str(p, org, "id", id);
	set_str(p, org, "name", name);
	set_str(p, org, "classification", classification);
	append(p, p->orgs, org);
	return id;
}

/* ---- the tables ---------------------------------------------------------- */

static int councils(popolo *p, const council_filter *f)
{
	sqlbuf q;
	sqlite3_stmt *st;
	int rc;

	sqlbuf_init(&q, "SELECT c.id, c.name, c.municipality, c.kind, c.founding_act, "
	            "s.path, s.sha256 FROM council c "
	            "LEFT JOIN source_document s ON s.id = c.source_id WHERE 1");
	if (f->council_id > 0)
		sqlbuf_add(&q, " AND c.id = :council");
	sqlbuf_add(&q, " ORDER BY c.name COLLATE lt, c.id");
	if ((rc = sqlbuf_prepare(&st, p->db, &q)) != COUNCIL_OK)
		return rc;
	sqlbuf_bind_filter(st, f);
	while (!p->oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		json_t *org = json_object();
		const char *muni = cdb_col_text(st, 2);
		char id[40];

		snprintf(id, sizeof id, "council/%lld", (long long)sqlite3_column_int64(st, 0));
		set_str(p, org, "id", id);
		set_str(p, org, "name", cdb_col_text(st, 1));
		set_str(p, org, "classification", cdb_col_text(st, 3));
		if (muni && *muni) {
			/* the municipality first, so a reader meets a parent before
			 * its children */
			char *mid = named_org(p, "municipality", muni, "municipality");
			set_str(p, org, "parent_id", mid);
			free(mid);
		}
		if (cdb_col_text(st, 4)) {
			json_t *note = json_pack("[{s:s, s:s}]", "scheme", "founding_act",
			                         "identifier", cdb_col_text(st, 4));
			set_new(p, org, "identifiers", note);
		}
		set_new(p, org, "sources", sources(cdb_col_text(st, 5), cdb_col_text(st, 6)));
		set_new(p, p->org_ids, id, json_true());
		append(p, p->orgs, org);
	}
	return sqlbuf_finish(p->db, st, p->oom ? SQLITE_DONE : rc, "councils");
}

/* The registry's person pid (table person: name variants of one person
 * are one, lib/people.c), made on first sight under its fullest name. */
static const char *person_of(popolo *p, int64_t pid, const char *name, json_t *src)
{
	char key[40];
	const char *have;
	json_t *person;

	snprintf(key, sizeof key, "person/%lld", (long long)pid);
	if ((have = json_string_value(json_object_get(p->person_ids, key))))
		return have;
	person = json_object();
	set_str(p, person, "id", key);
	set_str(p, person, "name", name);
	set_new(p, person, "sources", json_deep_copy(src));
	append(p, p->persons, person);
	set_new(p, p->person_ids, key, json_string(key));
	return json_string_value(json_object_get(p->person_ids, key));
}

/* The person for a name within a council, for a member row no person was
 * decided for yet (written in the sqlite3 shell): one person per distinct
 * name per council, the same name in two councils being maybe two people. */
static const char *person_for(popolo *p, int64_t cid, const char *name,
                              json_t *src)
{
	char key[64], *base, *id;
	const char *have;
	json_t *person, *by_council;
	int n;

	snprintf(key, sizeof key, "%lld", (long long)cid);
	if (!(by_council = json_object_get(p->person_ids, key))) {
		by_council = json_object();
		set_new(p, p->person_ids, key, by_council);
	}
	if ((have = json_string_value(json_object_get(by_council, name))))
		return have;
	snprintf(key, sizeof key, "person/%lld", (long long)cid);
	if (!(base = slug_id(key, name)) || !(id = malloc(strlen(base) + 16))) {
		free(base);
		p->oom = 1;
		return NULL;
	}
	/* two spellings folding alike ("Žukauskienė", "Zukauskiene") stay two
	 * people, as the names are two */
	strcpy(id, base);
	for (n = 2; json_object_get(p->org_ids, id); n++)
		sprintf(id, "%s-%d", base, n);
	set_new(p, p->org_ids, id, json_true()); /* one namespace for every id */
	person = json_object();
	set_str(p, person, "id", id);
	set_str(p, person, "name", name);
	set_new(p, person, "sources", json_deep_copy(src));
	append(p, p->persons, person);
	set_new(p, by_council, name, json_string(id));
	free(base);
	free(id);
	return json_string_value(json_object_get(by_council, name));
}

static int members(popolo *p, const council_filter *f)
{
	sqlbuf q;
	sqlite3_stmt *st;
	int rc;

	/* a membership's term as the documents give it (member_term: a term
	 * set by hand wins), the person as people.c decided */
	sqlbuf_init(&q, "SELECT m.id, m.council_id, m.name, m.role, m.represents, m.side, "
	            "t.date_from, t.date_to, s.path, s.sha256, pe.id, pe.name FROM member m "
	            "JOIN council c ON c.id = m.council_id "
	            "LEFT JOIN member_term t ON t.member_id = m.id "
	            "LEFT JOIN person pe ON pe.id = m.person_id "
	            "LEFT JOIN source_document s ON s.id = m.source_id WHERE 1");
	if (f->council_id > 0)
		sqlbuf_add(&q, " AND m.council_id = :council");
	/* chair, deputy, secretary, members: the order a council lists itself */
	sqlbuf_add(&q, " ORDER BY c.name COLLATE lt, m.council_id, CASE m.role WHEN 'chair' THEN 0 "
	           "WHEN 'deputy' THEN 1 WHEN 'secretary' THEN 2 ELSE 3 END, m.name COLLATE lt, m.id");
	if ((rc = sqlbuf_prepare(&st, p->db, &q)) != COUNCIL_OK)
		return rc;
	sqlbuf_bind_filter(st, f);
	while (!p->oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		json_t *ms = json_object(), *src = sources(cdb_col_text(st, 8), cdb_col_text(st, 9));
		int64_t cid = sqlite3_column_int64(st, 1);
		const char *person, *rep = cdb_col_text(st, 4), *side = cdb_col_text(st, 5);
		char id[40];

		if (!src) {
			p->oom = 1;
			json_decref(ms);
			break;
		}
		person = sqlite3_column_type(st, 10) != SQLITE_NULL
		         ? person_of(p, sqlite3_column_int64(st, 10), cdb_col_text(st, 11), src)
		         : person_for(p, cid, cdb_col_text(st, 2), src);
		snprintf(id, sizeof id, "membership/%lld", (long long)sqlite3_column_int64(st, 0));
		set_str(p, ms, "id", id);
		set_str(p, ms, "person_id", person);
		snprintf(id, sizeof id, "council/%lld", (long long)cid);
		set_str(p, ms, "organization_id", id);
		set_str(p, ms, "role", cdb_col_text(st, 3));
		if (side)
			set_str(p, ms, "label", strcmp(side, "municipality") == 0 ?
			        "municipality's seat" : "community organisations' seat");
		if (rep && *rep) {
			char *oid = named_org(p, "organization", rep, "represented organisation");
			set_str(p, ms, "on_behalf_of_id", oid);
			free(oid);
		}
		set_str(p, ms, "start_date", cdb_col_text(st, 6));
		set_str(p, ms, "end_date", cdb_col_text(st, 7));
		set_new(p, ms, "sources", src);
		append(p, p->memberships, ms);
	}
	return sqlbuf_finish(p->db, st, p->oom ? SQLITE_DONE : rc, "members");
}

static int events(popolo *p, const council_filter *f)
{
	sqlbuf q;
	sqlite3_stmt *st;
	int rc;

	sqlbuf_init(&q, "SELECT 'meeting', m.id, m.council_id, c.name, m.date_start, m.date_end, "
	            "NULL, m.summary, coalesce(m.location, m.platform), 'meeting', s.path, s.sha256 "
	            "FROM meeting m JOIN council c ON c.id = m.council_id "
	            "LEFT JOIN source_document s ON s.id = m.source_id WHERE 1");
	sqlbuf_add_filters(&q, f, "m.", SQLBUF_COUNCIL | SQLBUF_YEAR);
	sqlbuf_add(&q, " UNION ALL SELECT 'event', e.id, e.council_id, c.name, e.date_start, "
	           "e.date_end, e.title, e.description, e.location, e.kind, s.path, s.sha256 "
	           "FROM event e JOIN council c ON c.id = e.council_id "
	           "LEFT JOIN source_document s ON s.id = e.source_id WHERE 1");
	sqlbuf_add_filters(&q, f, "e.", SQLBUF_COUNCIL | SQLBUF_YEAR);
	sqlbuf_add(&q, " ORDER BY 4 COLLATE lt, 3, 5, 1 DESC, 2");
	if ((rc = sqlbuf_prepare(&st, p->db, &q)) != COUNCIL_OK)
		return rc;
	sqlbuf_bind_filter(st, f);
	while (!p->oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		json_t *ev = json_object();
		const char *table = cdb_col_text(st, 0);
		char id[48], *name = NULL;

		snprintf(id, sizeof id, "%s/%lld", table, (long long)sqlite3_column_int64(st, 1));
		set_str(p, ev, "id", id);
		if (strcmp(table, "meeting") == 0) {
			const char *council = cdb_col_text(st, 3);
			if ((name = malloc(strlen(council) + sizeof ": posėdis")))
				sprintf(name, "%s: posėdis", council);
			else
				p->oom = 1;
		}
		set_str(p, ev, "name", name ? name : cdb_col_text(st, 6));
		free(name);
		set_str(p, ev, "description", cdb_col_text(st, 7));
		/* Popolo dates may be partial (YYYY, YYYY-MM): stored as they are */
		set_str(p, ev, "start_date", cdb_col_text(st, 4));
		set_str(p, ev, "end_date", cdb_col_text(st, 5));
		set_str(p, ev, "location", cdb_col_text(st, 8));
		set_str(p, ev, "classification", cdb_col_text(st, 9));
		snprintf(id, sizeof id, "council/%lld", (long long)sqlite3_column_int64(st, 2));
		set_str(p, ev, "organization_id", id);
		set_new(p, ev, "sources", sources(cdb_col_text(st, 10), cdb_col_text(st, 11)));
		append(p, p->events, ev);
	}
	return sqlbuf_finish(p->db, st, p->oom ? SQLITE_DONE : rc, "events");
}

static int dump_cb(const char *buffer, size_t size, void *data)
{
	return exp_put(data, buffer, size) ? -1 : 0;
}

int exp_popolo(council_db *db, const council_export_options *opt, exp_out *out)
{
	popolo p;
	json_t *doc;
	int rc;

	memset(&p, 0, sizeof p);
	p.db = db;
	doc = json_pack("{s:[], s:[], s:[], s:[]}", "organizations", "persons", "memberships", "events");
	p.org_ids = json_object();
	p.person_ids = json_object();
	if (!doc || !p.org_ids || !p.person_ids) {
		rc = cdb_error(db, COUNCIL_ENOMEM, "out of memory");
		goto done;
	}
	p.orgs = json_object_get(doc, "organizations");
	p.persons = json_object_get(doc, "persons");
	p.memberships = json_object_get(doc, "memberships");
	p.events = json_object_get(doc, "events");
	if ((rc = councils(&p, &opt->filter)) != COUNCIL_OK ||
	    (rc = members(&p, &opt->filter)) != COUNCIL_OK ||
	    (rc = events(&p, &opt->filter)) != COUNCIL_OK)
		goto done;
	if (p.oom) {
		rc = cdb_error(db, COUNCIL_ENOMEM, "out of memory");
		goto done;
	}
	if (json_dump_callback(doc, dump_cb, out, JSON_INDENT(1) | JSON_PRESERVE_ORDER) != 0 &&
	    !out->stopped) {
		rc = cdb_error(db, COUNCIL_ENOMEM, "out of memory");
		goto done;
	}
	exp_put(out, "\n", 1);
	rc = out->stopped;
done:
	json_decref(doc);
	json_decref(p.org_ids);
	json_decref(p.person_ids);
	return rc;
}
