/*
 * doc_zip.c -- documents that are ZIP archives of XML: Word's .docx
 * (word/document.xml) and OpenDocument's .odt (content.xml), read with
 * libzip and libxml2's streaming reader into the structure writer of
 * document.c.  Also says what other archives are (a spreadsheet, an e-book,
 * an encrypted document) so they are refused by name.
 *
 * Safety: every entry read is held to DOC_MAX_ENTRY uncompressed bytes and
 * DOC_MAX_RATIO times its compressed size (zip bombs); XML with a DTD is
 * refused before parsing (no entity can be declared, so none expands:
 * "billion laughs"); the parser runs without network access, entity
 * substitution, DTD loading or XML_PARSE_HUGE, so libxml2's own depth and
 * size limits hold.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlreader.h>
#include <zip.h>

#include "document.h"

/* src into dst (size bytes), cut short when longer. */
static void copy_str(char *dst, size_t size, const char *src)
{
	size_t n = strnlen(src, size - 1);

	memcpy(dst, src, n);
	dst[n] = '\0';
}

/* ---- the archive ------------------------------------------------------------- */

/* Reads entry name into *out (owned, NUL-terminated).  COUNCIL_ENOTFOUND
 * when there is no such entry. */
static int read_entry(doc_result *r, zip_t *z, const char *name, char **out, size_t *len)
{
	zip_stat_t st;
	zip_file_t *f;
	zip_int64_t got;
	size_t n = 0;
	char *buf;

	*out = NULL;
	*len = 0;
	zip_stat_init(&st);
	if (zip_stat(z, name, 0, &st) != 0)
		return COUNCIL_ENOTFOUND;
	if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
		return doc_fail(r, COUNCIL_EPARSE, "a password-protected document (%s is encrypted)",
		                name);
	if (!(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE))
		return doc_fail(r, COUNCIL_EPARSE, "a corrupt ZIP archive (no size for %s)", name);
	if (st.size > DOC_MAX_ENTRY || st.size > st.comp_size * (zip_uint64_t)DOC_MAX_RATIO + 65536)
		return doc_fail(r, COUNCIL_EPARSE,
		                "a ZIP bomb: %s expands from %llu to %llu bytes (the limit is %u bytes "
		                "and %u times)", name, (unsigned long long)st.comp_size,
		                (unsigned long long)st.size, DOC_MAX_ENTRY, DOC_MAX_RATIO);
	if (!(f = zip_fopen(z, name, 0)))
		return doc_fail(r, COUNCIL_EPARSE, "a corrupt ZIP archive (%s: %s)", name,
		                zip_strerror(z));
	if (!(buf = malloc((size_t)st.size + 1))) {
		zip_fclose(f);
		return COUNCIL_ENOMEM;
	}
	/* Never more than the size the directory declares, whatever the
	 * compressed stream would give. */
	while (n < st.size && (got = zip_fread(f, buf + n, st.size - n)) > 0)
		n += (size_t)got;
	if (n < st.size || zip_fclose(f) != 0) {
		free(buf);
		return doc_fail(r, COUNCIL_EPARSE, "a corrupt ZIP archive (%s cannot be read)", name);
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return COUNCIL_OK;
}

static int has_entry(zip_t *z, const char *name)
{
	return zip_name_locate(z, name, 0) >= 0;
}

/* ---- XML ------------------------------------------------------------------------ */

/* A DTD in the prolog: Office never writes one, and entity declarations
 * are how XML bombs work, so a part with one is refused unread. */
static int has_doctype(const char *d, size_t len)
{
	size_t i = 0;

	while (i < len) {
		while (i < len && (d[i] == ' ' || d[i] == '\t' || d[i] == '\n' || d[i] == '\r'))
			i++;
		if (i + 1 >= len || d[i] != '<')
			return 0;
		if (d[i + 1] == '?' || (i + 3 < len && memcmp(d + i, "<!--", 4) == 0)) {
			const char *e = memchr(d + i, '>', len - i);
			if (!e)
				return 0;
			i = (size_t)(e - d) + 1;
			continue;
		}
		return d[i + 1] == '!';
	}
	return 0;
}

static xmlTextReaderPtr xml_open(doc_result *r, const char *name, const char *d, size_t len)
{
	xmlTextReaderPtr x;

	if (has_doctype(d, len)) {
		doc_fail(r, COUNCIL_EPARSE, "%s declares a DTD (entity declarations are refused)", name);
		return NULL;
	}
	if (len > (size_t)0x7fffffff) {
		doc_fail(r, COUNCIL_EINVAL, "%s is too large", name);
		return NULL;
	}
	x = xmlReaderForMemory(d, (int)len, NULL, NULL,
	                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (!x)
		doc_fail(r, COUNCIL_ENOMEM, "out of memory");
	return x;
}

static int is_ns(xmlTextReaderPtr x, const char *suffix)
{
	const char *ns = (const char *)xmlTextReaderConstNamespaceUri(x);
	size_t n, s = strlen(suffix);

	if (!ns)
		return 0;
	n = strlen(ns);
	return n >= s && strcmp(ns + n - s, suffix) == 0;
}

/* The element's local name when it is in a namespace ending in suffix;
 * "" otherwise. */
static const char *el(xmlTextReaderPtr x, const char *suffix)
{
	const char *name = (const char *)xmlTextReaderConstLocalName(x);

	return name && is_ns(x, suffix) ? name : "";
}

/* The value of the attribute with local name local (any namespace),
 * copied into buf; 0 when absent. */
static int attr(xmlTextReaderPtr x, const char *local, char *buf, size_t size)
{
	int found = 0;

	if (!xmlTextReaderHasAttributes(x))
		return 0;
	while (xmlTextReaderMoveToNextAttribute(x) == 1) {
		const char *n = (const char *)xmlTextReaderConstLocalName(x);
		if (n && strcmp(n, local) == 0) {
			const char *v = (const char *)xmlTextReaderConstValue(x);
			copy_str(buf, size, v ? v : "");
			found = 1;
			break;
		}
	}
	xmlTextReaderMoveToElement(x);
	return found;
}

static int attr_int(xmlTextReaderPtr x, const char *local, int dflt)
{
	char buf[32];
	long v;

	if (!attr(x, local, buf, sizeof buf))
		return dflt;
	v = strtol(buf, NULL, 10);
	return v < 0 ? 0 : v > 100000 ? 100000 : (int)v;
}

/* The reader's verdict at the end: 0 clean end, else a parse error. */
static int xml_error(doc_result *r, const char *name, int ret, int depth_exceeded)
{
	if (depth_exceeded)
		return doc_fail(r, COUNCIL_EPARSE, "%s nests elements deeper than %d", name,
		                DOC_MAX_DEPTH);
	if (ret < 0)
		return doc_fail(r, COUNCIL_EPARSE, "%s is not well-formed XML (a damaged document)",
		                name);
	return COUNCIL_OK;
}

/* A marker in a numbering format: "1", "a", "A", "i", "I". */
static void format_number(char *buf, size_t size, int n, char fmt)
{
	static const char *const rn[] = { "m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix",
		                           "v", "iv", "i" };
	static const int rv[] = { 1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1 };
	size_t k, o = 0;

	if (n < 1)
		n = 1;
	if (fmt == 'a' || fmt == 'A') {
		char c = (char)((fmt == 'a' ? 'a' : 'A') + (n - 1) % 26);
		int times = (n - 1) / 26 + 1;
		for (; times > 0 && o + 1 < size && times < 8; times--)
			buf[o++] = c;
		buf[o] = '\0';
		return;
	}
	if ((fmt == 'i' || fmt == 'I') && n < 4000) {
		buf[0] = '\0';
		for (k = 0; k < sizeof rv / sizeof rv[0]; k++)
			while (n >= rv[k] && o + 3 < size) {
				size_t j;
				for (j = 0; rn[k][j]; j++)
					buf[o++] = (char)(fmt == 'I' ? rn[k][j] - 32 : rn[k][j]);
				n -= rv[k];
			}
		buf[o] = '\0';
		return;
	}
	snprintf(buf, size, "%d", n);
}

/* ---- .docx -------------------------------------------------------------------- */

#define W "wordprocessingml/2006/main"
#define W_STRICT "/wordprocessingml/main"
#define MAX_NUMS 512

/* word/numbering.xml: what each list's levels look like. */
typedef struct wlevel {
	char fmt;              /* '1', 'a', 'A', 'i', 'I', '-' bullet, 0 none */
	char text[24];         /* "%1.", "%1.%2." */
	int start;
} wlevel;

typedef struct wabstract {
	int id;
	wlevel lvl[9];
} wabstract;

typedef struct wnum {
	int id, abstract;      /* abstract: index into abstracts, -1 none */
	int count[9];
} wnum;

typedef struct wnumbering {
	wabstract *abs;
	size_t n_abs;
	wnum *num;
	size_t n_num;
} wnumbering;

static const char *wel(xmlTextReaderPtr x)
{
	const char *n = el(x, W);
	return *n ? n : el(x, W_STRICT);
}

static char word_fmt(const char *v)
{
	if (!strcmp(v, "bullet"))
		return '-';
	if (!strcmp(v, "none"))
		return 0;
	if (!strcmp(v, "lowerLetter"))
		return 'a';
	if (!strcmp(v, "upperLetter"))
		return 'A';
	if (!strcmp(v, "lowerRoman"))
		return 'i';
	if (!strcmp(v, "upperRoman"))
		return 'I';
	return '1';
}

/* Reads what numbering.xml says; a damaged or missing one leaves every
 * list a bulleted one ("- "), which loses only the numbers. */
static void read_numbering(wnumbering *nb, const char *d, size_t len)
{
	doc_result scratch;
	xmlTextReaderPtr x;
	wabstract *cur = NULL;
	wlevel *lvl = NULL;
	wnum *num = NULL;
	char v[64];

	memset(&scratch, 0, sizeof scratch);
	if (!(x = xml_open(&scratch, "word/numbering.xml", d, len)))
		return;
	nb->abs = calloc(MAX_NUMS, sizeof *nb->abs);
	nb->num = calloc(MAX_NUMS, sizeof *nb->num);
	if (!nb->abs || !nb->num) {
		xmlFreeTextReader(x);
		return;
	}
	while (xmlTextReaderRead(x) == 1) {
		const char *n;
		if (xmlTextReaderNodeType(x) != XML_READER_TYPE_ELEMENT)
			continue;
		n = wel(x);
		if (!strcmp(n, "abstractNum") && nb->n_abs < MAX_NUMS) {
			cur = &nb->abs[nb->n_abs++];
			cur->id = attr_int(x, "abstractNumId", -1);
			for (int k = 0; k < 9; k++) {
				cur->lvl[k].fmt = '-';
				cur->lvl[k].start = 1;
			}
			lvl = NULL;
			num = NULL;
		} else if (!strcmp(n, "lvl") && cur) {
			int i = attr_int(x, "ilvl", 0);
			lvl = i < 9 ? &cur->lvl[i] : NULL;
		} else if (!strcmp(n, "numFmt") && lvl && attr(x, "val", v, sizeof v)) {
			lvl->fmt = word_fmt(v);
		} else if (!strcmp(n, "lvlText") && lvl && attr(x, "val", v, sizeof v)) {
			copy_str(lvl->text, sizeof lvl->text, v);
		} else if (!strcmp(n, "start") && lvl) {
			lvl->start = attr_int(x, "val", 1);
		} else if (!strcmp(n, "num") && nb->n_num < MAX_NUMS) {
			num = &nb->num[nb->n_num++];
			num->id = attr_int(x, "numId", -1);
			num->abstract = -1;
			cur = NULL;
			lvl = NULL;
		} else if (!strcmp(n, "abstractNumId") && num) {
			int id = attr_int(x, "val", -1);
			for (size_t k = 0; k < nb->n_abs; k++)
				if (nb->abs[k].id == id)
					num->abstract = (int)k;
		}
	}
	xmlFreeTextReader(x);
}

/* The marker of the next item of list numId at level ilvl ("1.", "2.3.",
 * "-"), counting it; "" for a level numbered "none". */
static void list_marker(wnumbering *nb, int numId, int ilvl, char *buf, size_t size)
{
	wnum *num = NULL;
	wabstract *a;
	const char *p;
	size_t k, o = 0;

	snprintf(buf, size, "-");
	if (ilvl < 0 || ilvl > 8)
		ilvl = 0;
	for (k = 0; k < nb->n_num; k++)
		if (nb->num[k].id == numId)
			num = &nb->num[k];
	if (!num || num->abstract < 0)
		return;
	a = &nb->abs[num->abstract];
	/* this level counts on; the deeper ones start again */
	num->count[ilvl] = num->count[ilvl] ? num->count[ilvl] + 1 : a->lvl[ilvl].start;
	for (k = (size_t)ilvl + 1; k < 9; k++)
		num->count[k] = 0;
	if (a->lvl[ilvl].fmt == '-')
		return;
	if (a->lvl[ilvl].fmt == 0) {
		buf[0] = '\0';
		return;
	}
	for (p = a->lvl[ilvl].text; *p && o + 12 < size; p++) {
		if (p[0] == '%' && p[1] >= '1' && p[1] <= '9') {
			int l = p[1] - '1';
			char fmt = a->lvl[l].fmt == '-' || !a->lvl[l].fmt ? '1' : a->lvl[l].fmt;
			format_number(buf + o, size - o, num->count[l] ? num->count[l] : a->lvl[l].start, fmt);
			o += strlen(buf + o);
			p++;
		} else {
			buf[o++] = *p;
		}
	}
	buf[o] = '\0';
	if (!o)
		snprintf(buf, size, "-");
}

/* Elements whose whole content never reaches the text: deletions, moved-
 * away text, field instructions, the properties of paragraphs' marks and
 * runs, the section's links to headers and footers, and the fallback copy
 * of drawings.  Footnotes, endnotes, comments, headers and footers live in
 * parts of their own that are never opened; their references in the body
 * carry no text. */
static int docx_skipped(const char *n)
{
	static const char *const skip[] = {
		"del", "moveFrom", "instrText", "delText", "delInstrText", "rPr", "sectPr", "tabs",
		"footnoteReference", "endnoteReference", "commentReference", "annotationRef",
		"txbxContent", "pict", "drawing", "object", "fldData", "tblPr", "tblGrid", "trPr",
		"customXmlDelRangeStart", NULL
	};
	size_t i;

	for (i = 0; skip[i]; i++)
		if (!strcmp(n, skip[i]))
			return 1;
	return 0;
}

typedef struct docx_state {
	doc_writer *w;
	wnumbering nb;
	dbuf para;             /* the open paragraph's text */
	int in_para, in_t;
	char style[64];
	int num_id, ilvl;
	int in_cell, cell_begun, span, vmerge_cont;
} docx_state;

static void docx_para_end(docx_state *s)
{
	char marker[64] = "";
	int item = s->num_id > 0;
	size_t i;
	int empty = 1;

	for (i = 0; i < s->para.len && empty; i++)
		empty = s->para.s[i] == ' ' || s->para.s[i] == '\t' || s->para.s[i] == '\n';
	if (!empty && !(s->in_cell && s->vmerge_cont)) {
		if (item)
			list_marker(&s->nb, s->num_id, s->ilvl, marker, sizeof marker);
		dw_para_begin(s->w, marker[0] ? marker : NULL, s->ilvl);
		dw_text(s->w, s->para.s, s->para.len);
		dw_para_end(s->w);
	}
	s->para.len = 0;
	s->in_para = 0;
	s->style[0] = '\0';
	s->num_id = 0;
	s->ilvl = 0;
}

static void docx_cell_begin(docx_state *s)
{
	if (s->in_cell && !s->cell_begun) {
		dw_cell_begin(s->w, s->span, 1);
		s->cell_begun = 1;
	}
}

static void docx_element(docx_state *s, xmlTextReaderPtr x, const char *n, int empty)
{
	char v[64];

	if (!strcmp(n, "p")) {
		docx_cell_begin(s);
		s->in_para = 1;
		s->para.len = 0;
		s->num_id = 0;
		s->ilvl = 0;
		if (empty)
			docx_para_end(s);
	} else if (!strcmp(n, "pStyle") && attr(x, "val", v, sizeof v)) {
		copy_str(s->style, sizeof s->style, v);
	} else if (!strcmp(n, "numId")) {
		s->num_id = attr_int(x, "val", 0);
	} else if (!strcmp(n, "ilvl")) {
		s->ilvl = attr_int(x, "val", 0);
	} else if (!strcmp(n, "t") && !empty) {
		s->in_t = 1;
	} else if (!strcmp(n, "tab") && s->in_para) {
		dbuf_addc(&s->para, '\t');
	} else if ((!strcmp(n, "br") || !strcmp(n, "cr")) && s->in_para) {
		dbuf_addc(&s->para, '\n');
	} else if (!strcmp(n, "noBreakHyphen") && s->in_para) {
		dbuf_addc(&s->para, '-');
	} else if (!strcmp(n, "tbl")) {
		docx_cell_begin(s);
		dw_table_begin(s->w);
		s->in_cell = 0;
	} else if (!strcmp(n, "tr")) {
		dw_row_begin(s->w);
	} else if (!strcmp(n, "tc")) {
		s->in_cell = 1;
		s->cell_begun = 0;
		s->span = 1;
		s->vmerge_cont = 0;
	} else if (!strcmp(n, "gridSpan")) {
		s->span = attr_int(x, "val", 1);
	} else if (!strcmp(n, "vMerge")) {
		/* "restart" opens a merged cell; no value (or "continue")
		 * is a covered cell below it: empty in its row */
		s->vmerge_cont = !attr(x, "val", v, sizeof v) || strcmp(v, "restart") != 0;
	}
}

static void docx_end(docx_state *s, const char *n)
{
	if (!strcmp(n, "p") && s->in_para) {
		docx_para_end(s);
	} else if (!strcmp(n, "t")) {
		s->in_t = 0;
	} else if (!strcmp(n, "tc")) {
		docx_cell_begin(s);
		dw_cell_end(s->w);
		s->in_cell = 0;
		s->vmerge_cont = 0;
	} else if (!strcmp(n, "tcPr")) {
		docx_cell_begin(s);
	} else if (!strcmp(n, "tr")) {
		dw_row_end(s->w);
	} else if (!strcmp(n, "tbl")) {
		dw_table_end(s->w);
		/* back in the enclosing cell, if any: its later paragraphs
		 * are its own */
		s->in_cell = 1;
		s->cell_begun = 1;
	}
}

/* Skipped: the elements above, and mc:Fallback, which repeats what
 * mc:Choice holds for older readers. */
static int docx_skip(xmlTextReaderPtr x)
{
	const char *n = wel(x), *l;

	if (*n)
		return docx_skipped(n);
	l = (const char *)xmlTextReaderConstLocalName(x);
	return l && !strcmp(l, "Fallback");
}

static void docx_node(docx_state *s, xmlTextReaderPtr x, int *table_depth)
{
	int type = xmlTextReaderNodeType(x);
	const char *n = wel(x);

	if (type == XML_READER_TYPE_ELEMENT && *n) {
		*table_depth += !strcmp(n, "tbl");
		docx_element(s, x, n, xmlTextReaderIsEmptyElement(x));
	} else if (type == XML_READER_TYPE_END_ELEMENT && *n) {
		*table_depth -= !strcmp(n, "tbl");
		docx_end(s, n);
		if (!strcmp(n, "tbl") && *table_depth == 0)
			s->in_cell = 0; /* the outermost table closed */
	} else if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) &&
	           s->in_t && s->in_para) {
		const char *t = (const char *)xmlTextReaderConstValue(x);
		if (t)
			dbuf_adds(&s->para, t);
	}
}

static int read_docx(doc_result *r, zip_t *z)
{
	docx_state s;
	xmlTextReaderPtr x;
	char *xml = NULL, *numxml = NULL;
	size_t len = 0, numlen = 0;
	int rc, ret, deep = 0, table_depth = 0;

	memset(&s, 0, sizeof s);
	if ((rc = read_entry(r, z, "word/document.xml", &xml, &len)) != COUNCIL_OK)
		return rc == COUNCIL_ENOTFOUND ? doc_fail(r, COUNCIL_EPARSE, "a damaged .docx") : rc;
	rc = read_entry(r, z, "word/numbering.xml", &numxml, &numlen);
	if (rc == COUNCIL_OK)
		read_numbering(&s.nb, numxml, numlen);
	free(numxml);
	if (rc != COUNCIL_OK && rc != COUNCIL_ENOTFOUND) {
		free(xml);
		return rc;
	}
	if (!(x = xml_open(r, "word/document.xml", xml, len))) {
		rc = strcmp(r->why, "out of memory") ? COUNCIL_EPARSE : COUNCIL_ENOMEM;
		goto out;
	}
	if (!(s.w = dw_new())) {
		rc = COUNCIL_ENOMEM;
		goto out;
	}
	while ((ret = xmlTextReaderRead(x)) == 1 && !dw_full(s.w)) {
		if (xmlTextReaderDepth(x) > DOC_MAX_DEPTH) {
			deep = 1;
			break;
		}
		/* past a skipped element and all it holds, to the node after it */
		while (xmlTextReaderNodeType(x) == XML_READER_TYPE_ELEMENT && docx_skip(x))
			if ((ret = xmlTextReaderNext(x)) != 1)
				break;
		if (ret != 1)
			break;
		docx_node(&s, x, &table_depth);
	}
	rc = s.para.oom ? COUNCIL_ENOMEM
	                : xml_error(r, "word/document.xml", ret < 0 ? -1 : 0, deep);
	if (rc == COUNCIL_OK) {
		rc = dw_finish(s.w, &r->text, &r->len);
		if (rc == COUNCIL_EINVAL)
			rc = doc_fail(r, rc, "its text is larger than a report may be (%u bytes)",
			              COUNCIL_IMPORT_MAX_BYTES);
	}
	r->format = "docx";
out:
	if (x)
		xmlFreeTextReader(x);
	dw_free(s.w);
	dbuf_free(&s.para);
	free(s.nb.abs);
	free(s.nb.num);
	free(xml);
	return rc;
}

/* ---- .odt ----------------------------------------------------------------------- */

#define TEXT_NS "opendocument:xmlns:text:1.0"
#define TABLE_NS "opendocument:xmlns:table:1.0"
#define OFFICE_NS "opendocument:xmlns:office:1.0"
#define STYLE_NS "opendocument:xmlns:style:1.0"
#define MAX_LIST_STYLES 256

/* A list style's levels: numbered ("1", "a", "i", with prefix and
 * suffix) or bulleted. */
typedef struct olist_style {
	char name[64];
	char fmt[10];          /* 0 = bullet */
	char prefix[10][8], suffix[10][8];
	int start[10];
} olist_style;

typedef struct odt_state {
	doc_writer *w;
	olist_style *ls;
	size_t n_ls;
	/* the open lists, outermost first */
	struct { int style; int count; int item_para; } list[16];
	int depth;             /* open text:list elements */
	int in_body;
	int para_depth;        /* text:p / text:h open (nested through frames) */
	dbuf para;
	int in_para;
	char marker[64];
	int marker_level;
} odt_state;

/* text:list-style elements (in styles.xml or content.xml's automatic
 * styles): name and each level's numbering. */
static void odt_list_styles(odt_state *s, xmlTextReaderPtr x)
{
	olist_style *cur = NULL;
	char v[64];

	while (xmlTextReaderRead(x) == 1) {
		const char *n;
		if (xmlTextReaderNodeType(x) != XML_READER_TYPE_ELEMENT)
			continue;
		n = el(x, TEXT_NS);
		if (!strcmp(n, "list-style") && s->n_ls < MAX_LIST_STYLES) {
			cur = &s->ls[s->n_ls++];
			memset(cur, 0, sizeof *cur);
			attr(x, "name", cur->name, sizeof cur->name);
		} else if (cur && (!strcmp(n, "list-level-style-number") ||
		                   !strcmp(n, "list-level-style-bullet"))) {
			int l = attr_int(x, "level", 1) - 1;
			if (l < 0 || l > 9)
				continue;
			if (!strcmp(n, "list-level-style-bullet")) {
				cur->fmt[l] = 0;
				continue;
			}
			cur->fmt[l] = attr(x, "num-format", v, sizeof v) && v[0] ? v[0] : 0;
			if (cur->fmt[l] && !strchr("1aAiI", cur->fmt[l]))
				cur->fmt[l] = '1';
			if (attr(x, "num-prefix", v, sizeof v))
				copy_str(cur->prefix[l], sizeof cur->prefix[l], v);
			if (attr(x, "num-suffix", v, sizeof v))
				copy_str(cur->suffix[l], sizeof cur->suffix[l], v);
			cur->start[l] = attr_int(x, "start-value", 1);
		}
	}
}

static int odt_find_style(const odt_state *s, const char *name)
{
	size_t k;

	for (k = 0; k < s->n_ls; k++)
		if (!strcmp(s->ls[k].name, name))
			return (int)k;
	return -1;
}

/* Elements whose content is not the report's text: tracked changes (the
 * deleted text is kept there), comments, footnotes and endnotes (which
 * sit inside the paragraph that cites them), frames (pictures, text
 * boxes), declarations, and the table's column definitions. */
static int odt_skipped(xmlTextReaderPtr x)
{
	static const char *const text_skip[] = { "tracked-changes", "note", "sequence-decls",
		                                  "variable-decls", "user-field-decls",
		                                  "bookmark-ref", NULL };
	const char *n = el(x, TEXT_NS);
	size_t i;

	for (i = 0; text_skip[i]; i++)
		if (!strcmp(n, text_skip[i]))
			return 1;
	n = el(x, OFFICE_NS);
	if (!strcmp(n, "annotation") || !strcmp(n, "forms") || !strcmp(n, "automatic-styles") ||
	    !strcmp(n, "font-face-decls") || !strcmp(n, "scripts"))
		return 1;
	if (!strcmp(el(x, TABLE_NS), "table-columns") || !strcmp(el(x, TABLE_NS), "table-column"))
		return 1;
	n = (const char *)xmlTextReaderConstLocalName(x);
	return n && !strcmp(n, "frame") && is_ns(x, "opendocument:xmlns:drawing:1.0");
}

static void odt_para_flush(odt_state *s)
{
	dw_para_begin(s->w, s->marker[0] ? s->marker : NULL, s->marker_level);
	dw_text(s->w, s->para.s ? s->para.s : "", s->para.len);
	dw_para_end(s->w);
	s->para.len = 0;
	s->in_para = 0;
	s->marker[0] = '\0';
}

static void odt_para_begin(odt_state *s)
{
	s->in_para = 1;
	s->para.len = 0;
	s->marker[0] = '\0';
	if (s->depth > 0 && s->depth <= 16 && s->list[s->depth - 1].item_para == 0) {
		/* the first paragraph of a list item carries its marker */
		int l = s->depth - 1, st = s->list[0].style;
		s->list[l].item_para = 1;
		s->list[l].count++;
		s->marker_level = l;
		snprintf(s->marker, sizeof s->marker, "-");
		if (st >= 0 && l < 10 && s->ls[st].fmt[l]) {
			char num[24];
			const olist_style *ls = &s->ls[st];
			format_number(num, sizeof num, ls->start[l] - 1 + s->list[l].count, ls->fmt[l]);
			snprintf(s->marker, sizeof s->marker, "%s%s%s", ls->prefix[l], num,
			         ls->suffix[l][0] ? ls->suffix[l] : "");
			if (!ls->suffix[l][0] && !ls->prefix[l][0])
				snprintf(s->marker, sizeof s->marker, "%s.", num);
		}
	}
}

static void odt_element(odt_state *s, xmlTextReaderPtr x, int empty)
{
	const char *t = el(x, TEXT_NS), *tb = el(x, TABLE_NS);
	char v[64];

	if (!strcmp(el(x, OFFICE_NS), "text"))
		s->in_body = 1;
	if (!s->in_body)
		return;
	if (!strcmp(t, "p") || !strcmp(t, "h")) {
		if (s->in_para)
			odt_para_flush(s);
		odt_para_begin(s);
		if (empty)
			odt_para_flush(s);
	} else if (!strcmp(t, "s") && s->in_para) {
		int c = attr_int(x, "c", 1);
		while (c-- > 0 && c < 1000)
			dbuf_addc(&s->para, ' ');
	} else if (!strcmp(t, "tab") && s->in_para) {
		dbuf_addc(&s->para, '\t');
	} else if (!strcmp(t, "line-break") && s->in_para) {
		dbuf_addc(&s->para, '\n');
	} else if (!strcmp(t, "list") && !empty) {
		if (s->depth < 16) {
			int st = attr(x, "style-name", v, sizeof v) ? odt_find_style(s, v) : -1;
			s->list[s->depth].style = st >= 0 ? st : s->depth ? s->list[0].style : -1;
			if (s->depth == 0 || st >= 0)
				s->list[0].style = s->list[s->depth].style;
			s->list[s->depth].count = 0;
			s->list[s->depth].item_para = 1;
		}
		s->depth++;
	} else if (!strcmp(t, "list-item") || !strcmp(t, "list-header")) {
		if (s->depth > 0 && s->depth <= 16)
			s->list[s->depth - 1].item_para = !strcmp(t, "list-header");
	} else if (!strcmp(tb, "table") && !empty) {
		if (s->in_para)
			odt_para_flush(s);
		dw_table_begin(s->w);
	} else if (!strcmp(tb, "table-row")) {
		dw_row_begin(s->w);
		if (empty)
			dw_row_end(s->w);
	} else if (!strcmp(tb, "table-cell") || !strcmp(tb, "covered-table-cell")) {
		/* a spanned cell is followed by its covered cells in the XML:
		 * each becomes an empty cell, so span 1 here */
		int rep = attr_int(x, "number-columns-repeated", 1);
		dw_cell_begin(s->w, 1, 1);
		if (empty) {
			dw_cell_end(s->w);
			/* repeated empty cells: a spreadsheet habit; as many as the
			 * segmenter reads at most */
			for (; rep > 1 && rep < 100000; rep--) {
				dw_cell_begin(s->w, 1, 1);
				dw_cell_end(s->w);
				if (rep > 13)
					rep = 13;
			}
		}
	}
}

static void odt_end(odt_state *s, xmlTextReaderPtr x)
{
	const char *t = el(x, TEXT_NS), *tb = el(x, TABLE_NS);

	if (!s->in_body)
		return;
	if ((!strcmp(t, "p") || !strcmp(t, "h")) && s->in_para) {
		odt_para_flush(s);
	} else if (!strcmp(t, "list")) {
		if (s->depth > 0)
			s->depth--;
	} else if (!strcmp(tb, "table-cell") || !strcmp(tb, "covered-table-cell")) {
		if (s->in_para)
			odt_para_flush(s);
		dw_cell_end(s->w);
	} else if (!strcmp(tb, "table-row")) {
		dw_row_end(s->w);
	} else if (!strcmp(tb, "table")) {
		dw_table_end(s->w);
	} else if (!strcmp(el(x, OFFICE_NS), "text")) {
		s->in_body = 0;
	}
}

static void odt_node(odt_state *s, xmlTextReaderPtr x)
{
	int type = xmlTextReaderNodeType(x);

	if (type == XML_READER_TYPE_ELEMENT)
		odt_element(s, x, xmlTextReaderIsEmptyElement(x));
	else if (type == XML_READER_TYPE_END_ELEMENT)
		odt_end(s, x);
	else if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) &&
	         s->in_para) {
		const char *t = (const char *)xmlTextReaderConstValue(x);
		if (t)
			dbuf_adds(&s->para, t);
	}
}

static int read_odt(doc_result *r, zip_t *z)
{
	odt_state s;
	xmlTextReaderPtr x = NULL;
	char *xml = NULL, *sty = NULL;
	size_t len = 0, slen = 0;
	int rc, ret = 1, deep = 0;

	memset(&s, 0, sizeof s);
	if (!(s.ls = calloc(MAX_LIST_STYLES, sizeof *s.ls)) || !(s.w = dw_new())) {
		rc = COUNCIL_ENOMEM;
		goto out;
	}
	/* list styles: the named ones in styles.xml, then the automatic ones
	 * of content.xml (read again below for the body) */
	rc = read_entry(r, z, "styles.xml", &sty, &slen);
	if (rc == COUNCIL_OK && (x = xml_open(r, "styles.xml", sty, slen)) != NULL) {
		odt_list_styles(&s, x);
		xmlFreeTextReader(x);
		x = NULL;
	} else if (rc != COUNCIL_ENOTFOUND && rc != COUNCIL_OK) {
		goto out;
	}
	r->why[0] = '\0';
	if ((rc = read_entry(r, z, "content.xml", &xml, &len)) != COUNCIL_OK)
		goto out;
	if ((x = xml_open(r, "content.xml", xml, len)) != NULL) {
		odt_list_styles(&s, x);
		xmlFreeTextReader(x);
	}
	if (!(x = xml_open(r, "content.xml", xml, len))) {
		rc = strcmp(r->why, "out of memory") ? COUNCIL_EPARSE : COUNCIL_ENOMEM;
		goto out;
	}
	while ((ret = xmlTextReaderRead(x)) == 1 && !dw_full(s.w)) {
		if (xmlTextReaderDepth(x) > DOC_MAX_DEPTH) {
			deep = 1;
			break;
		}
		while (xmlTextReaderNodeType(x) == XML_READER_TYPE_ELEMENT && odt_skipped(x)) {
			if ((ret = xmlTextReaderNext(x)) != 1)
				break;
		}
		if (ret != 1)
			break;
		odt_node(&s, x);
	}
	rc = xml_error(r, "content.xml", ret < 0 ? -1 : 0, deep);
	if (rc == COUNCIL_OK) {
		rc = dw_finish(s.w, &r->text, &r->len);
		if (rc == COUNCIL_EINVAL)
			rc = doc_fail(r, rc, "its text is larger than a report may be (%u bytes)",
			              COUNCIL_IMPORT_MAX_BYTES);
	}
	r->format = "odt";
out:
	if (x)
		xmlFreeTextReader(x);
	dw_free(s.w);
	dbuf_free(&s.para);
	free(s.ls);
	free(xml);
	free(sty);
	return rc;
}

/* ---- which archive ------------------------------------------------------------- */

int doc_zip_read(doc_result *r, const char *data, size_t len)
{
	zip_source_t *src;
	zip_error_t err;
	zip_t *z;
	char *mime = NULL, *manifest = NULL;
	size_t mlen = 0, flen = 0;
	int rc;

	zip_error_init(&err);
	if (!(src = zip_source_buffer_create(data, len, 0, &err))) {
		zip_error_fini(&err);
		return doc_fail(r, COUNCIL_ENOMEM, "out of memory");
	}
	if (!(z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err))) {
		int ze = zip_error_code_zip(&err);
		zip_source_free(src);
		zip_error_fini(&err);
		if (ze == ZIP_ER_MEMORY)
			return doc_fail(r, COUNCIL_ENOMEM, "out of memory");
		return doc_fail(r, COUNCIL_EPARSE, "a corrupt ZIP archive");
	}
	zip_error_fini(&err);
	rc = read_entry(r, z, "mimetype", &mime, &mlen);
	if (rc != COUNCIL_OK && rc != COUNCIL_ENOTFOUND)
		goto out;
	/* OpenDocument says what it is in its first entry; an encrypted one
	 * lists its encryption in the manifest. */
	if (mime && strstr(mime, "opendocument.spreadsheet")) {
		rc = doc_fail(r, COUNCIL_EPARSE, "a spreadsheet (.ods), not a report");
	} else if (mime && strstr(mime, "opendocument.presentation")) {
		rc = doc_fail(r, COUNCIL_EPARSE, "a presentation (.odp), not a report");
	} else if (mime && strstr(mime, "epub")) {
		rc = doc_fail(r, COUNCIL_EPARSE, "an e-book (EPUB), not a report");
	} else if (has_entry(z, "word/document.xml")) {
		rc = read_docx(r, z);
	} else if (has_entry(z, "content.xml")) {
		rc = read_entry(r, z, "META-INF/manifest.xml", &manifest, &flen);
		if (rc == COUNCIL_OK && strstr(manifest, "encryption-data"))
			rc = doc_fail(r, COUNCIL_EPARSE, "a password-protected document: save it "
			              "without a password");
		else if (rc == COUNCIL_OK || rc == COUNCIL_ENOTFOUND)
			rc = read_odt(r, z);
	} else if (has_entry(z, "xl/workbook.xml")) {
		rc = doc_fail(r, COUNCIL_EPARSE, "a spreadsheet (.xlsx), not a report");
	} else if (has_entry(z, "ppt/presentation.xml")) {
		rc = doc_fail(r, COUNCIL_EPARSE, "a presentation (.pptx), not a report");
	} else {
		rc = doc_fail(r, COUNCIL_EPARSE, "a ZIP archive without word/document.xml or "
		              "content.xml (not a .docx or .odt document)");
	}
out:
	free(mime);
	free(manifest);
	zip_discard(z);
	return rc;
}
