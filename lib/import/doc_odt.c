/* SPDX-License-Identifier: MIT */
/*
 * doc_odt.c -- OpenDocument .odt: content.xml read with libxml2's streaming
 * reader into the structure writer (document.h), list numbering from the
 * list styles of styles.xml and content.xml.  Tracked changes, notes and
 * annotations, which ODF keeps inline in the body, are skipped.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc_zip.h"

#define TEXT_NS "opendocument:xmlns:text:1.0"
#define TABLE_NS "opendocument:xmlns:table:1.0"
#define OFFICE_NS "opendocument:xmlns:office:1.0"
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
		n = zx_el(x, TEXT_NS);
		if (!strcmp(n, "list-style") && s->n_ls < MAX_LIST_STYLES) {
			cur = &s->ls[s->n_ls++];
			memset(cur, 0, sizeof *cur);
			zx_attr(x, "name", cur->name, sizeof cur->name);
		} else if (cur && (!strcmp(n, "list-level-style-number") ||
		                   !strcmp(n, "list-level-style-bullet"))) {
			int l = zx_attr_int(x, "level", 1) - 1;
			if (l < 0 || l > 9)
				continue;
			if (!strcmp(n, "list-level-style-bullet")) {
				cur->fmt[l] = 0;
				continue;
			}
			cur->fmt[l] = zx_attr(x, "num-format", v, sizeof v) && v[0] ? v[0] : 0;
			if (cur->fmt[l] && !strchr("1aAiI", cur->fmt[l]))
				cur->fmt[l] = '1';
			if (zx_attr(x, "num-prefix", v, sizeof v))
				zx_copy_str(cur->prefix[l], sizeof cur->prefix[l], v);
			if (zx_attr(x, "num-suffix", v, sizeof v))
				zx_copy_str(cur->suffix[l], sizeof cur->suffix[l], v);
			cur->start[l] = zx_attr_int(x, "start-value", 1);
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
	const char *n = zx_el(x, TEXT_NS);
	size_t i;

	for (i = 0; text_skip[i]; i++)
		if (!strcmp(n, text_skip[i]))
			return 1;
	n = zx_el(x, OFFICE_NS);
	if (!strcmp(n, "annotation") || !strcmp(n, "forms") || !strcmp(n, "automatic-styles") ||
	    !strcmp(n, "font-face-decls") || !strcmp(n, "scripts"))
		return 1;
	if (!strcmp(zx_el(x, TABLE_NS), "table-columns") || !strcmp(zx_el(x, TABLE_NS), "table-column"))
		return 1;
	n = (const char *)xmlTextReaderConstLocalName(x);
	return n && !strcmp(n, "frame") && zx_is_ns(x, "opendocument:xmlns:drawing:1.0");
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
			zx_format_number(num, sizeof num, ls->start[l] - 1 + s->list[l].count, ls->fmt[l]);
			snprintf(s->marker, sizeof s->marker, "%s%s%s", ls->prefix[l], num,
			         ls->suffix[l][0] ? ls->suffix[l] : "");
			if (!ls->suffix[l][0] && !ls->prefix[l][0])
				snprintf(s->marker, sizeof s->marker, "%s.", num);
		}
	}
}

static void odt_element(odt_state *s, xmlTextReaderPtr x, int empty)
{
	const char *t = zx_el(x, TEXT_NS), *tb = zx_el(x, TABLE_NS);
	char v[64];

	if (!strcmp(zx_el(x, OFFICE_NS), "text"))
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
		int c = zx_attr_int(x, "c", 1);
		while (c-- > 0 && c < 1000)
			dbuf_addc(&s->para, ' ');
	} else if (!strcmp(t, "tab") && s->in_para) {
		dbuf_addc(&s->para, '\t');
	} else if (!strcmp(t, "line-break") && s->in_para) {
		dbuf_addc(&s->para, '\n');
	} else if (!strcmp(t, "list") && !empty) {
		if (s->depth < 16) {
			int st = zx_attr(x, "style-name", v, sizeof v) ? odt_find_style(s, v) : -1;
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
		int rep = zx_attr_int(x, "number-columns-repeated", 1);
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
	const char *t = zx_el(x, TEXT_NS), *tb = zx_el(x, TABLE_NS);

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
	} else if (!strcmp(zx_el(x, OFFICE_NS), "text")) {
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

int doc_odt_read(doc_result *r, zip_t *z)
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
	rc = zx_read_entry(r, z, "styles.xml", &sty, &slen);
	if (rc == COUNCIL_OK && (x = zx_xml_open(r, "styles.xml", sty, slen)) != NULL) {
		odt_list_styles(&s, x);
		xmlFreeTextReader(x);
		x = NULL;
	} else if (rc != COUNCIL_ENOTFOUND && rc != COUNCIL_OK) {
		goto out;
	}
	r->why[0] = '\0';
	if ((rc = zx_read_entry(r, z, "content.xml", &xml, &len)) != COUNCIL_OK)
		goto out;
	if ((x = zx_xml_open(r, "content.xml", xml, len)) != NULL) {
		odt_list_styles(&s, x);
		xmlFreeTextReader(x);
	}
	if (!(x = zx_xml_open(r, "content.xml", xml, len))) {
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
	rc = zx_xml_error(r, "content.xml", ret < 0 ? -1 : 0, deep);
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

