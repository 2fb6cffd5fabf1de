/* SPDX-License-Identifier: MIT */
/*
 * doc_html.c -- web pages: parsed by libxml2's HTML parser (which decodes
 * every named and numeric entity and repairs the usual broken markup) and
 * walked into the structure writer.  What a saved page carries besides the
 * article (scripts, styles, menus, navigation, page header and footer,
 * side bars, forms, cookie banners) is left out.
 *
 * The text arrives here already decoded to UTF-8 (document.c, using the
 * page's BOM or <meta charset>), so the parser is told UTF-8 and never
 * switches encodings on its own.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>

#include "document.h"

typedef struct html_state {
	doc_writer *w;
	int list_depth;
	int ol_count[16];      /* per open list: its last item's number, -1 bulleted */
	int pre;               /* inside <pre>: white space kept */
	int in_article;        /* inside <article> or <main> */
	int too_deep;
} html_state;

static int name_is(const xmlNode *n, const char *name)
{
	return n->name && strcasecmp((const char *)n->name, name) == 0;
}

static int name_in(const xmlNode *n, const char *const *names)
{
	size_t i;

	for (i = 0; names[i]; i++)
		if (name_is(n, names[i]))
			return 1;
	return 0;
}

/* A class, id or role that marks page furniture: the words of the value
 * (split at blanks, '-' and '_') include one of these. */
static int furniture_value(const char *v)
{
	static const char *const words[] = { "nav", "navbar", "navigation", "menu", "menus",
		                              "breadcrumb", "breadcrumbs", "cookie", "cookies",
		                              "sidebar", "footer", "share", "social", "skip",
		                              "banner", "contentinfo", "search", NULL };
	size_t i = 0, k;

	while (v[i]) {
		size_t s, e;
		while (v[i] == ' ' || v[i] == '-' || v[i] == '_' || v[i] == '\t')
			i++;
		s = i;
		while (v[i] && v[i] != ' ' && v[i] != '-' && v[i] != '_' && v[i] != '\t')
			i++;
		e = i;
		for (k = 0; words[k]; k++)
			if (strlen(words[k]) == e - s && strncasecmp(v + s, words[k], e - s) == 0)
				return 1;
	}
	return 0;
}

/* Page furniture.  A <header> or <footer> inside an <article> or <main> is
 * the article's own (its title, its date), not the site's: kept. */
static int furniture(const html_state *s, const xmlNode *n)
{
	static const char *const tags[] = { "script", "style", "nav", "aside",
		                             "form", "noscript", "template", "iframe", "svg", "button",
		                             "select", "menu", "head", "object", "embed", "canvas",
		                             "textarea", "dialog", NULL };
	static const char *const attrs[] = { "class", "id", "role", NULL };
	size_t i;

	if (name_in(n, tags))
		return 1;
	if ((name_is(n, "header") || name_is(n, "footer")) && !s->in_article)
		return 1;
	for (i = 0; attrs[i]; i++) {
		xmlChar *v = xmlGetProp(n, (const xmlChar *)attrs[i]);
		int hit = v && furniture_value((const char *)v);
		xmlFree(v);
		if (hit)
			return 1;
	}
	return 0;
}

/* Elements that make a paragraph of their own. */
static int block(const xmlNode *n)
{
	static const char *const tags[] = { "p", "div", "section", "article", "main", "blockquote",
		                             "header", "footer",
		                             "address", "h1", "h2", "h3", "h4", "h5", "h6", "pre",
		                             "dd", "dt", "dl", "figcaption", "figure", "center", "body",
		                             "hr", "caption", "legend", "fieldset", "details",
		                             "summary", NULL };
	return name_in(n, tags);
}

static int int_prop(const xmlNode *n, const char *name, int dflt)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	long x = v ? strtol((const char *)v, NULL, 10) : dflt;

	xmlFree(v);
	return x < 1 ? 1 : x > 1000 ? 1000 : (int)x;
}

/* Text with its runs of white space (spaces, tabs, line breaks: all one
 * space in HTML) as one space, except in <pre>. */
static void text(html_state *s, const char *t)
{
	size_t i = 0;

	if (s->pre) {
		dw_text(s->w, t, strlen(t));
		return;
	}
	while (t[i]) {
		size_t k = i;
		while (t[k] && t[k] != ' ' && t[k] != '\t' && t[k] != '\n' && t[k] != '\r' && t[k] != '\f')
			k++;
		if (k > i)
			dw_text(s->w, t + i, k - i);
		if (!t[k])
			break;
		while (t[k] == ' ' || t[k] == '\t' || t[k] == '\n' || t[k] == '\r' || t[k] == '\f')
			k++;
		dw_text(s->w, " ", 1);
		i = k;
	}
}

static void walk(html_state *s, xmlNode *n, int depth);

static void children(html_state *s, xmlNode *n, int depth)
{
	xmlNode *c;

	for (c = n->children; c && !dw_full(s->w); c = c->next)
		walk(s, c, depth + 1);
}

static void list_item(html_state *s, xmlNode *n, int depth)
{
	char marker[24] = "-";
	int l = s->list_depth > 0 ? s->list_depth - 1 : 0;

	if (s->list_depth > 0 && s->list_depth <= 16 && s->ol_count[l] >= 0)
		snprintf(marker, sizeof marker, "%d.", ++s->ol_count[l]);
	dw_para_end(s->w);
	dw_para_begin(s->w, marker, l);
	children(s, n, depth);
	dw_para_end(s->w);
}

static void walk(html_state *s, xmlNode *n, int depth)
{
	if (depth > DOC_MAX_DEPTH) {
		s->too_deep = 1;
		return;
	}
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content)
			text(s, (const char *)n->content);
		return;
	}
	if (n->type != XML_ELEMENT_NODE) {
		if (n->type == XML_DOCUMENT_NODE || n->type == XML_HTML_DOCUMENT_NODE)
			children(s, n, depth);
		return;
	}
	if (furniture(s, n))
		return;
	if (name_is(n, "br")) {
		dw_break(s->w);
	} else if (name_is(n, "ul") || name_is(n, "ol")) {
		dw_para_end(s->w);
		if (s->list_depth < 16)
			s->ol_count[s->list_depth] = name_is(n, "ol") ? int_prop(n, "start", 1) - 1 : -1;
		s->list_depth++;
		children(s, n, depth);
		s->list_depth--;
		dw_para_end(s->w);
	} else if (name_is(n, "li")) {
		list_item(s, n, depth);
	} else if (name_is(n, "table")) {
		dw_para_end(s->w);
		dw_table_begin(s->w);
		children(s, n, depth);
		dw_table_end(s->w);
	} else if (name_is(n, "tr")) {
		dw_row_begin(s->w);
		children(s, n, depth);
		dw_row_end(s->w);
	} else if (name_is(n, "td") || name_is(n, "th")) {
		dw_cell_begin(s->w, int_prop(n, "colspan", 1), int_prop(n, "rowspan", 1));
		children(s, n, depth);
		dw_cell_end(s->w);
	} else if (name_is(n, "pre")) {
		dw_para_end(s->w);
		s->pre++;
		children(s, n, depth);
		s->pre--;
		dw_para_end(s->w);
	} else if (block(n)) {
		int article = name_is(n, "article") || name_is(n, "main");
		dw_para_end(s->w);
		s->in_article += article;
		children(s, n, depth);
		s->in_article -= article;
		dw_para_end(s->w);
	} else if (!name_is(n, "img") && !name_is(n, "input") && !name_is(n, "video") &&
	           !name_is(n, "audio") && !name_is(n, "map")) {
		children(s, n, depth); /* inline: span, a, strong, em, font ... */
	}
}

int doc_html_read(doc_result *r, const char *utf8, size_t len)
{
	html_state s;
	htmlDocPtr doc;
	int rc;

	memset(&s, 0, sizeof s);
	r->format = "html";
	if (len > (size_t)0x7fffffff)
		return doc_fail(r, COUNCIL_EINVAL, "too large");
	doc = htmlReadMemory(utf8, (int)len, NULL, "UTF-8",
	                     HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	                     HTML_PARSE_RECOVER | HTML_PARSE_COMPACT);
	if (!doc)
		return doc_fail(r, COUNCIL_EPARSE, "an HTML page libxml2 cannot read");
	if (!(s.w = dw_new())) {
		xmlFreeDoc(doc);
		return doc_fail(r, COUNCIL_ENOMEM, "out of memory");
	}
	walk(&s, (xmlNode *)doc, 0);
	xmlFreeDoc(doc);
	if (s.too_deep)
		rc = doc_fail(r, COUNCIL_EPARSE, "an HTML page nesting elements deeper than %d",
		              DOC_MAX_DEPTH);
	else if ((rc = dw_finish(s.w, &r->text, &r->len)) == COUNCIL_EINVAL)
		rc = doc_fail(r, rc, "its text is larger than a report may be (%u bytes)",
		              COUNCIL_IMPORT_MAX_BYTES);
	dw_free(s.w);
	return rc;
}
