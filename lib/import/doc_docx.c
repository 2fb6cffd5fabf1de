/* SPDX-License-Identifier: MIT */
/*
 * doc_docx.c -- Word .docx: word/document.xml read with libxml2's streaming
 * reader into the structure writer (document.h), with the list numbering of
 * word/numbering.xml.  Footnotes, endnotes, comments, headers and footers
 * are parts of their own that are never opened; what the body holds that is
 * not its text (deletions, field codes, references) is skipped here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc_zip.h"

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
	const char *n = zx_el(x, W);
	return *n ? n : zx_el(x, W_STRICT);
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
	if (!(x = zx_xml_open(&scratch, "word/numbering.xml", d, len)))
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
			cur->id = zx_attr_int(x, "abstractNumId", -1);
			for (int k = 0; k < 9; k++) {
				cur->lvl[k].fmt = '-';
				cur->lvl[k].start = 1;
			}
			lvl = NULL;
			num = NULL;
		} else if (!strcmp(n, "lvl") && cur) {
			int i = zx_attr_int(x, "ilvl", 0);
			lvl = i < 9 ? &cur->lvl[i] : NULL;
		} else if (!strcmp(n, "numFmt") && lvl && zx_attr(x, "val", v, sizeof v)) {
			lvl->fmt = word_fmt(v);
		} else if (!strcmp(n, "lvlText") && lvl && zx_attr(x, "val", v, sizeof v)) {
			zx_copy_str(lvl->text, sizeof lvl->text, v);
		} else if (!strcmp(n, "start") && lvl) {
			lvl->start = zx_attr_int(x, "val", 1);
		} else if (!strcmp(n, "num") && nb->n_num < MAX_NUMS) {
			num = &nb->num[nb->n_num++];
			num->id = zx_attr_int(x, "numId", -1);
			num->abstract = -1;
			cur = NULL;
			lvl = NULL;
		} else if (!strcmp(n, "abstractNumId") && num) {
			int id = zx_attr_int(x, "val", -1);
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
			zx_format_number(buf + o, size - o, num->count[l] ? num->count[l] : a->lvl[l].start, fmt);
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
	} else if (!strcmp(n, "pStyle") && zx_attr(x, "val", v, sizeof v)) {
		zx_copy_str(s->style, sizeof s->style, v);
	} else if (!strcmp(n, "numId")) {
		s->num_id = zx_attr_int(x, "val", 0);
	} else if (!strcmp(n, "ilvl")) {
		s->ilvl = zx_attr_int(x, "val", 0);
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
		s->span = zx_attr_int(x, "val", 1);
	} else if (!strcmp(n, "vMerge")) {
		/* "restart" opens a merged cell; no value (or "continue")
		 * is a covered cell below it: empty in its row */
		s->vmerge_cont = !zx_attr(x, "val", v, sizeof v) || strcmp(v, "restart") != 0;
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

int doc_docx_read(doc_result *r, zip_t *z)
{
	docx_state s;
	xmlTextReaderPtr x;
	char *xml = NULL, *numxml = NULL;
	size_t len = 0, numlen = 0;
	int rc, ret, deep = 0, table_depth = 0;

	memset(&s, 0, sizeof s);
	if ((rc = zx_read_entry(r, z, "word/document.xml", &xml, &len)) != COUNCIL_OK)
		return rc == COUNCIL_ENOTFOUND ? doc_fail(r, COUNCIL_EPARSE, "a damaged .docx") : rc;
	rc = zx_read_entry(r, z, "word/numbering.xml", &numxml, &numlen);
	if (rc == COUNCIL_OK)
		read_numbering(&s.nb, numxml, numlen);
	free(numxml);
	if (rc != COUNCIL_OK && rc != COUNCIL_ENOTFOUND) {
		free(xml);
		return rc;
	}
	if (!(x = zx_xml_open(r, "word/document.xml", xml, len))) {
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
	                : zx_xml_error(r, "word/document.xml", ret < 0 ? -1 : 0, deep);
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

