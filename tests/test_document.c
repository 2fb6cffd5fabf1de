/* SPDX-License-Identifier: MIT */
/*
 * test_document.c -- the document stage (lib/import/document.c, doc_*.c):
 * each format found from its bytes under a misleading name, each text
 * encoding converted, the structure of .docx, .odt and HTML written as the
 * segmenter reads it (tables, merged cells, a repeated header row, cells
 * of several paragraphs, lists), what must never reach the text (deleted
 * text, field codes, footnotes, comments, headers, footers, scripts,
 * menus), every refusal, and a document imported into a database.
 * The .docx, .odt and HTML inputs are built here, in memory, with libzip,
 * so each test shows the XML it reads; PDF and .doc inputs are committed
 * files (tools/make_format_unit_fixtures.py).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zip.h>

#include "document.h"
#include "report.h"
#include "testutil.h"

/* ---- building documents ------------------------------------------------------- */

typedef struct entry {
	const char *name;
	const char *data;
	size_t len;            /* 0: strlen(data) */
} entry;

/* A ZIP archive holding entries, in a malloc'd buffer. */
static char *make_zip(const entry *e, size_t n, size_t *len)
{
	zip_error_t err;
	zip_source_t *src, *fs;
	zip_t *z;
	zip_stat_t st;
	char *buf;
	size_t i;

	zip_error_init(&err);
	src = zip_source_buffer_create(NULL, 0, 0, &err);
	assert_non_null(src);
	zip_source_keep(src);
	z = zip_open_from_source(src, ZIP_TRUNCATE, &err);
	assert_non_null(z);
	for (i = 0; i < n; i++) {
		fs = zip_source_buffer(z, e[i].data, e[i].len ? e[i].len : strlen(e[i].data), 0);
		assert_non_null(fs);
		assert_true(zip_file_add(z, e[i].name, fs, ZIP_FL_ENC_UTF_8) >= 0);
	}
	assert_int_equal(zip_close(z), 0);
	assert_int_equal(zip_source_stat(src, &st), 0);
	assert_int_equal(zip_source_open(src), 0);
	buf = malloc(st.size + 1);
	assert_non_null(buf);
	assert_int_equal(zip_source_read(src, buf, st.size), (zip_int64_t)st.size);
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&err);
	*len = st.size;
	return buf;
}

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
#define DOCX_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" \
                  "<w:document " W_NS "><w:body>"
#define DOCX_TAIL "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId1\" " \
                  "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"/>" \
                  "</w:sectPr></w:body></w:document>"

static const char *p_(const char *text)
{
	static char buf[8][512];
	static int k;
	k = (k + 1) % 8;
	snprintf(buf[k], sizeof buf[k], "<w:p><w:r><w:t xml:space=\"preserve\">%s</w:t></w:r></w:p>",
	         text);
	return buf[k];
}

/* A .docx of body (the inside of w:body) with the parts that must never
 * be read: footnotes, a header, a footer, comments. */
static char *make_docx(const char *body, const char *numbering, size_t *len)
{
	size_t n = strlen(DOCX_HEAD) + strlen(body) + strlen(DOCX_TAIL) + 1;
	char *xml = malloc(n), *zipped;
	entry e[] = {
		{ "[Content_Types].xml", "<?xml version=\"1.0\"?><Types/>", 0 },
		{ "word/document.xml", xml, 0 },
		{ "word/footnotes.xml", "<w:footnotes " W_NS "><w:footnote w:id=\"1\">" 
		  "<w:p><w:r><w:t>FOOTNOTE_TEXT</w:t></w:r></w:p></w:footnote></w:footnotes>", 0 },
		{ "word/header1.xml", "<w:hdr " W_NS "><w:p><w:r><w:t>HEADER_TEXT</w:t></w:r></w:p></w:hdr>", 0 },
		{ "word/footer1.xml", "<w:ftr " W_NS "><w:p><w:r><w:t>FOOTER_TEXT</w:t></w:r></w:p></w:ftr>", 0 },
		{ "word/comments.xml", "<w:comments " W_NS "><w:comment w:id=\"0\"><w:p><w:r>"
		  "<w:t>COMMENT_TEXT</w:t></w:r></w:p></w:comment></w:comments>", 0 },
		{ "word/numbering.xml", numbering ? numbering : "<w:numbering " W_NS "/>", 0 },
	};

	assert_non_null(xml);
	snprintf(xml, n, "%s%s%s", DOCX_HEAD, body, DOCX_TAIL);
	zipped = make_zip(e, sizeof e / sizeof e[0], len);
	free(xml);
	return zipped;
}

/* Reads data, asserting success and the format; returns the text (owned
 * by r). */
static const char *read_ok(doc_result *r, const char *data, size_t len, const char *format)
{
	int rc = doc_read(r, data, len);

	if (rc != COUNCIL_OK)
		fprintf(stderr, "refused: %s\n", r->why);
	assert_int_equal(rc, COUNCIL_OK);
	assert_string_equal(r->format, format);
	assert_non_null(r->text);
	assert_int_equal(strlen(r->text), r->len);
	return r->text;
}

static void assert_refused(const char *data, size_t len, int code, const char *fragment)
{
	doc_result r;
	int rc = doc_read(&r, data, len);

	if (rc != code || !strstr(r.why, fragment))
		fprintf(stderr, "got %d \"%s\", want %d \"%s\"\n", rc, r.why, code, fragment);
	assert_int_equal(rc, code);
	assert_non_null(strstr(r.why, fragment));
	assert_null(r.text);
	doc_result_free(&r);
}

/* ---- .docx ------------------------------------------------------------------------ */

static const char *numbering_decimal =
	"<w:numbering " W_NS ">"
	"<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
	"<w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl>"
	"<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
	"<w:lvlText w:val=\"%1.%2.\"/></w:lvl></w:abstractNum>"
	"<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/>"
	"<w:lvlText w:val=\"\xef\x82\xb7\"/></w:lvl></w:abstractNum>"
	"<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
	"<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>"
	"</w:numbering>";

#define NUM(id, lvl) "<w:pPr><w:numPr><w:ilvl w:val=\"" #lvl "\"/><w:numId w:val=\"" #id "\"/></w:numPr></w:pPr>"

static void test_docx_paragraphs_lists_and_what_never_leaks(void **state)
{
	const char *body =
		"<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>Ataskaita</w:t></w:r></w:p>"
		/* a tracked insertion is read, a deletion is not; a field's
		 * code is not, its result is */
		"<w:p><w:r><w:t xml:space=\"preserve\">Taryba surengė </w:t></w:r>"
		"<w:del w:id=\"1\" w:author=\"A\"><w:r><w:delText>du</w:delText></w:r></w:del>"
		"<w:ins w:id=\"2\" w:author=\"A\"><w:r><w:t>4</w:t></w:r></w:ins>"
		"<w:r><w:t xml:space=\"preserve\"> posėdžius</w:t></w:r>"
		"<w:r><w:footnoteReference w:id=\"1\"/></w:r>"
		"<w:commentRangeStart w:id=\"0\"/><w:r><w:t>.</w:t></w:r><w:commentRangeEnd w:id=\"0\"/>"
		"<w:r><w:commentReference w:id=\"0\"/></w:r></w:p>"
		"<w:p><w:r><w:t xml:space=\"preserve\">Puslapis </w:t></w:r>"
		"<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
		"<w:r><w:instrText xml:space=\"preserve\"> PAGE \\* MERGEFORMAT </w:instrText></w:r>"
		"<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>2</w:t></w:r>"
		"<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"
		"<w:p>" NUM(1, 0) "<w:r><w:t>Pirmas</w:t></w:r></w:p>"
		"<w:p>" NUM(1, 1) "<w:r><w:t>Vidinis</w:t></w:r></w:p>"
		"<w:p>" NUM(1, 0) "<w:r><w:t>Antras</w:t></w:r></w:p>"
		"<w:p>" NUM(2, 0) "<w:r><w:t>Taškas</w:t><w:tab/><w:t>po tabo</w:t></w:r></w:p>"
		"<w:p/>"
		"<w:p><w:r><w:t>Eilutė</w:t><w:br/><w:t>kita</w:t></w:r></w:p>";
	doc_result r;
	size_t len;
	char *docx = make_docx(body, numbering_decimal, &len);

	(void)state;
	assert_string_equal(read_ok(&r, docx, len, "docx"),
		"Ataskaita\n\n"
		"Taryba surengė 4 posėdžius.\n\n"
		"Puslapis 2\n\n"
		"1. Pirmas\n"
		"  1.1. Vidinis\n"
		"2. Antras\n"
		"- Taškas\tpo tabo\n\n"
		"Eilutė\nkita\n");
	doc_result_free(&r);
	free(docx);
}

#define TC(text) "<w:tc>" "<w:p><w:r><w:t>" text "</w:t></w:r></w:p></w:tc>"
#define ROW(cells) "<w:tr>" cells "</w:tr>"
#define HEADER_ROW "<w:tr><w:trPr><w:tblHeader/></w:trPr>" TC("Eil. Nr.") TC("Priemonė") \
                   TC("Atsakingi vykdytojai") TC("Įvykdymas") "</w:tr>"

static void test_docx_table(void **state)
{
	const char *body =
		"<w:p><w:r><w:t>Prieš lentelę</w:t></w:r></w:p>"
		"<w:tbl><w:tblPr><w:tblW w:w=\"0\"/></w:tblPr><w:tblGrid><w:gridCol/></w:tblGrid>"
		HEADER_ROW
		ROW(TC("1.") TC("Mokymai")
		    /* merged down: restart here, continued in the next row */
		    "<w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>"
		    "<w:p><w:r><w:t>Kultūros skyrius</w:t></w:r></w:p></w:tc>"
		    /* a cell of two paragraphs */
		    "<w:tc><w:p><w:r><w:t>Įvyko 2 mokymai.</w:t></w:r></w:p>"
		    "<w:p><w:r><w:t>Dalyvavo 31 asmuo.</w:t></w:r></w:p></w:tc>")
		/* Word repeats the heading row on a new page; a converted file
		 * may hold it again in the body */
		HEADER_ROW
		ROW(TC("2.") TC("Forumas")
		    "<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>"
		    TC("Įvyko."))
		/* merged across: one cell spanning three columns */
		ROW(TC("3.")
		    "<w:tc><w:tcPr><w:gridSpan w:val=\"3\"/></w:tcPr>"
		    "<w:p><w:r><w:t>Neįvykdyta</w:t></w:r></w:p></w:tc>")
		"</w:tbl>"
		"<w:p><w:r><w:t>Po lentelės.</w:t></w:r></w:p>";
	doc_result r;
	seg_doc d;
	lt_text t;
	size_t len, bad;
	char *docx = make_docx(body, NULL, &len);

	(void)state;
	assert_string_equal(read_ok(&r, docx, len, "docx"),
		"Prieš lentelę\n\n"
		"\tEil. Nr.\n\tPriemonė\n\tAtsakingi vykdytojai\n\tĮvykdymas\n\n"
		"\t1.\n\tMokymai\n\tKultūros skyrius\n\tĮvyko 2 mokymai.\nDalyvavo 31 asmuo.\n\n"
		"\t2.\n\tForumas\n\t\n\tĮvyko.\n\n"
		"\t3.\n\tNeįvykdyta\n\t\n\t\n\n"
		"Po lentelės.\n");
	/* and the segmenter reads it as a table of three body rows of four
	 * cells, the two-paragraph cell one cell */
	assert_int_equal(lt_text_init(&t, r.text, r.len, &bad), COUNCIL_OK);
	assert_int_equal(seg_document(&d, &t), COUNCIL_OK);
	assert_int_equal(d.n_blocks, 3);
	assert_true(d.blocks[1].is_table);
	assert_int_equal(d.blocks[1].n_rows, 3);
	for (size_t i = 0; i < 3; i++)
		assert_int_equal(d.blocks[1].rows[i].n_cells, 4);
	{
		seg_span c = d.blocks[1].rows[0].cells[3];
		char *cell = lt_text_clean(&t, c.start, c.end);
		assert_string_equal(cell, "Įvyko 2 mokymai. Dalyvavo 31 asmuo.");
		free(cell);
	}
	assert_int_equal(d.blocks[1].cols[3], COL_FULFILMENT);
	seg_free(&d);
	lt_text_free(&t);
	doc_result_free(&r);
	free(docx);
}

/* ---- .odt ------------------------------------------------------------------------- */

#define ODT_NS "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" " \
               "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" " \
               "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" " \
               "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" " \
               "xmlns:dc=\"http://purl.org/dc/elements/1.1/\""

static char *make_odt(const char *body, const char *manifest, size_t *len)
{
	static const char head[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content " ODT_NS ">"
		"<office:automatic-styles><text:list-style style:name=\"L1\">"
		"<text:list-level-style-number text:level=\"1\" style:num-suffix=\".\" "
		"style:num-format=\"1\"/></text:list-style>"
		"<text:list-style style:name=\"L2\"><text:list-level-style-bullet text:level=\"1\" "
		"text:bullet-char=\"•\"/></text:list-style></office:automatic-styles>"
		"<office:body><office:text>";
	static const char tail[] = "</office:text></office:body></office:document-content>";
	size_t n = sizeof head + strlen(body) + sizeof tail;
	char *xml = malloc(n), *zipped;
	entry e[] = {
		{ "mimetype", "application/vnd.oasis.opendocument.text", 0 },
		{ "content.xml", xml, 0 },
		{ "styles.xml", "<office:document-styles " ODT_NS "/>", 0 },
		{ "META-INF/manifest.xml", manifest ? manifest : "<manifest/>", 0 },
	};

	assert_non_null(xml);
	snprintf(xml, n, "%s%s%s", head, body, tail);
	zipped = make_zip(e, sizeof e / sizeof e[0], len);
	free(xml);
	return zipped;
}

#define OTC(text) "<table:table-cell><text:p>" text "</text:p></table:table-cell>"

static void test_odt(void **state)
{
	const char *body =
		"<text:tracked-changes><text:changed-region text:id=\"c1\"><text:deletion>"
		"<text:p>DELETED_TEXT</text:p></text:deletion></text:changed-region></text:tracked-changes>"
		"<text:h text:outline-level=\"1\">Ataskaita</text:h>"
		"<text:p>Taryba<text:s/>surengė <text:change text:change-id=\"c1\"/>4 posėdžius"
		"<text:note text:note-class=\"footnote\"><text:note-citation>1</text:note-citation>"
		"<text:note-body><text:p>FOOTNOTE_TEXT</text:p></text:note-body></text:note>."
		"<office:annotation><dc:creator>A</dc:creator><text:p>COMMENT_TEXT</text:p>"
		"</office:annotation></text:p>"
		"<text:list text:style-name=\"L1\"><text:list-item><text:p>Pirmas</text:p></text:list-item>"
		"<text:list-item><text:p>Antras</text:p></text:list-item></text:list>"
		"<text:list text:style-name=\"L2\"><text:list-item><text:p>Taškas</text:p>"
		"</text:list-item></text:list>"
		"<table:table><table:table-column table:number-columns-repeated=\"3\"/>"
		"<table:table-header-rows><table:table-row>" OTC("Data") OTC("Renginys") OTC("Dalyvių sk.")
		"</table:table-row></table:table-header-rows>"
		"<table:table-row>" OTC("2023-05-12")
		"<table:table-cell><text:p>Seminaras</text:p><text:p>lyderiams</text:p></table:table-cell>"
		OTC("31") "</table:table-row>"
		"<table:table-row><table:table-cell table:number-columns-spanned=\"2\"><text:p>Iš viso"
		"</text:p></table:table-cell><table:covered-table-cell/>" OTC("31") "</table:table-row>"
		"</table:table>"
		"<text:p>Po<text:line-break/>lentelės</text:p>";
	doc_result r;
	size_t len;
	char *odt = make_odt(body, NULL, &len);

	(void)state;
	assert_string_equal(read_ok(&r, odt, len, "odt"),
		"Ataskaita\n\n"
		"Taryba surengė 4 posėdžius.\n\n"
		"1. Pirmas\n"
		"2. Antras\n"
		"- Taškas\n\n"
		"\tData\n\tRenginys\n\tDalyvių sk.\n\n"
		"\t2023-05-12\n\tSeminaras\nlyderiams\n\t31\n\n"
		"\tIš viso\n\t\n\t31\n\n"
		"Po\nlentelės\n");
	doc_result_free(&r);
	free(odt);
}

/* ---- HTML --------------------------------------------------------------------------- */

static void test_html(void **state)
{
	static const char page[] =
		"<!DOCTYPE html><html><head><title>Taryba</title><style>p{color:red}</style>"
		"<script>var x = '<p>SCRIPT_TEXT</p>';</script></head><body>"
		"<header><div class=\"logo\">HEADER_TEXT</div></header>"
		"<nav><ul><li>MENU_TEXT</li></ul></nav>"
		"<div class=\"breadcrumbs\">Pradžia &gt; CRUMB_TEXT</div>"
		"<main><header><h1>Klaip&#279;dos rajono taryba</h1></header>"
		"<p>Taryba&nbsp;surengė &bdquo;4&ldquo;\n   posėdžius.<br>Kita eilutė</p>"
		"<ol><li>Pirmas</li><li>Antras</li></ol><ul><li>Taškas</li></ul>"
		"<table><thead><tr><th>Data</th><th>Renginys</th><th>Dalyvių sk.</th></tr></thead>"
		"<tbody><tr><td rowspan=\"2\">2023-05-12</td><td>Seminaras<br>lyderiams</td>"
		"<td>31</td></tr><tr><td>Forumas</td><td>58</td></tr>"
		"<tr><td colspan=\"2\">Iš viso</td><td>89</td></tr></tbody></table>"
		"</main><aside>SIDE_TEXT</aside><footer>FOOTER_TEXT</footer>"
		"<form><input value=\"FORM_TEXT\"><button>BUTTON_TEXT</button></form>"
		"<noscript>NOSCRIPT_TEXT</noscript></body></html>";
	doc_result r;

	(void)state;
	assert_string_equal(read_ok(&r, page, sizeof page - 1, "html"),
		"Klaipėdos rajono taryba\n\n"
		"Taryba\xC2\xA0surengė \xE2\x80\x9E" "4\xE2\x80\x9C posėdžius.\nKita eilutė\n\n"
		"1. Pirmas\n"
		"2. Antras\n"
		"- Taškas\n\n"
		"\tData\n\tRenginys\n\tDalyvių sk.\n\n"
		"\t2023-05-12\n\tSeminaras\nlyderiams\n\t31\n\n"
		"\t\n\tForumas\n\t58\n\n"
		"\tIš viso\n\t\n\t89\n\n");
	doc_result_free(&r);
}

/* A page saved in Windows-1257 says so in its <meta>. */
static void test_html_declared_charset(void **state)
{
	static const char page[] =
		"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1257\">"
		"</head><body><p>Klaip\xEB" "dos \xB0 \xE9</p></body></html>";
	doc_result r;

	(void)state;
	assert_string_equal(read_ok(&r, page, sizeof page - 1, "html"),
	                    "Klaipėdos \xC2\xB0 \xC3\xA9\n");
	doc_result_free(&r);
}

/* ---- encodings ------------------------------------------------------------------------ */

static void check_text(const char *data, size_t len, const char *encoding, const char *want)
{
	doc_result r;

	assert_string_equal(read_ok(&r, data, len, "text"), want);
	assert_string_equal(r.encoding, encoding);
	doc_result_free(&r);
}

static void test_encodings(void **state)
{
	/* "Klaipėdos „taryba“ – 2024" in each encoding */
	static const char utf8[] = "Klaip\xC4\x97" "dos \xE2\x80\x9Etaryba\xE2\x80\x9C \xE2\x80\x93 2024\n";
	static const char bom[] = "\xEF\xBB\xBF" "Klaip\xC4\x97" "dos\n";
	static const char cp1257[] = "Klaip\xEB" "dos \x84taryba\x93 \x96 2024\n";
	static const char iso13[] = "Klaip\xEB" "dos \xA5taryba\xB4 - 2024\n";
	static const char le_bom[] = "\xFF\xFEK\0l\0a\0i\0p\0\x17\x01" "d\0o\0s\0\n\0";
	static const char be_bom[] = "\xFE\xFF\0K\0l\0a\0i\0p\x01\x17\0d\0o\0s\0\n";
	static const char le[] = "K\0l\0a\0i\0p\0\x17\x01" "d\0o\0s\0 \0t\0a\0r\0y\0b\0a\0\n\0";

	(void)state;
	check_text(utf8, sizeof utf8 - 1, "UTF-8", utf8);
	check_text(bom, sizeof bom - 1, "UTF-8 with BOM", bom);
	check_text(cp1257, sizeof cp1257 - 1, "windows-1257", utf8);
	check_text(iso13, sizeof iso13 - 1, "ISO-8859-13",
	           "Klaip\xC4\x97" "dos \xE2\x80\x9Etaryba\xE2\x80\x9C - 2024\n");
	check_text(le_bom, sizeof le_bom - 1, "UTF-16LE", "Klaip\xC4\x97" "dos\n");
	check_text(be_bom, sizeof be_bom - 1, "UTF-16BE", "Klaip\xC4\x97" "dos\n");
	check_text(le, sizeof le - 1, "UTF-16LE", "Klaip\xC4\x97" "dos taryba\n");
}

/* 8-bit text that is not Lithuanian is refused, not turned into wrong
 * letters; the message names the line. */
static void test_encoding_refusals(void **state)
{
	static const char latin1[] = "Pirma eilut\xC4\x97\nantra\nTarybos pos\xE9" "dis\n";
	static const char binary[] = "abc\x01\x02\xFF\xFE\x80";
	doc_result r;

	(void)state;
	assert_int_equal(doc_read(&r, latin1, sizeof latin1 - 1), COUNCIL_EPARSE);
	assert_non_null(strstr(r.why, "invalid UTF-8 at byte 31"));
	assert_int_equal(r.line, 3);
	doc_result_free(&r);
	assert_refused(binary, sizeof binary - 1, COUNCIL_EPARSE, "expected UTF-8");
}

/* ---- detection ------------------------------------------------------------------------ */

static void test_detection_ignores_names(void **state)
{
	council_extraction *x = NULL;
	doc_result r;
	size_t len;
	char *docx = make_docx(p_("Tekstas"), NULL, &len), *pdf, *doc;
	char *odt;
	size_t odt_len, pdf_len, doc_len;
	static const char md[] = "# Ataskaita\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
	static const char html[] = "  <!-- saved -->\n<HTML><body><p>Tekstas</p></body></HTML>";

	(void)state;
	odt = make_odt("<text:p>Tekstas</text:p>", NULL, &odt_len);
	pdf = tu_read_file(tu_fixture("formats/unit/report.pdf"), &pdf_len);
	doc = tu_read_file(tu_fixture("formats/unit/report.doc"), &doc_len);
	read_ok(&r, docx, len, "docx");
	doc_result_free(&r);
	read_ok(&r, odt, odt_len, "odt");
	doc_result_free(&r);
	read_ok(&r, pdf, pdf_len, "pdf");
	doc_result_free(&r);
	read_ok(&r, md, sizeof md - 1, "markdown");
	doc_result_free(&r);
	assert_string_equal(read_ok(&r, html, sizeof html - 1, "html"), "Tekstas\n");
	doc_result_free(&r);
	/* the whole path, under a name that says text */
	assert_int_equal(council_import_parse_document(&x, "report.txt", docx, len), COUNCIL_EPARSE);
	assert_non_null(strstr(council_extraction_errmsg(x), "report.txt"));
	assert_null(strstr(council_extraction_errmsg(x), "NUL byte"));
	council_extraction_free(x);
	free(docx);
	free(odt);
	free(pdf);
	free(doc);
}

/* ---- PDF and .doc --------------------------------------------------------------------- */

static void test_pdf_table_rebuilt(void **state)
{
	doc_result r;
	size_t len;
	char *pdf = tu_read_file(tu_fixture("formats/unit/report.pdf"), &len);
	const char *t;

	(void)state;
	t = read_ok(&r, pdf, len, "pdf");
	/* the cell LibreOffice wrapped over two lines is one cell again */
	assert_non_null(strstr(t, "\t2023-05-12\n\tSeminaras bendruomenių lyderiams apie projektų "
	                          "rengimą\n\tAlytus\n\t31\n\n"));
	assert_non_null(strstr(t, "\tData\n\tRenginys\n\tVieta\n\tDalyvių sk.\n\n"));
	assert_non_null(strstr(t, "surengė 4 posėdžius"));
	assert_int_equal(r.n_pages, 1);
	assert_int_equal(r.pages[0], 0);
	doc_result_free(&r);
	free(pdf);
}

/* The rebuilt text of pdftotext -layout text (doc_pdf_layout), owned by r. */
static const char *pdf_layout(doc_result *r, const char *layout)
{
	memset(r, 0, sizeof *r);
	assert_int_equal(doc_pdf_layout(r, layout, strlen(layout)), COUNCIL_OK);
	assert_non_null(r->text);
	return r->text;
}

static void test_pdf_layout_section_rows(void **state)
{
	/* a section line between a table's header and its rows, numbered
	 * "1.1.", is a row of the table: the header's columns stay the
	 * rows' columns */
	static const char layout[] =
		"Eil.     Veiksmas         Laikotarpis    Atsakingas\n"
		"Nr.                       laikotarpis\n"
		"1 kryptis. Bendruomenių balso stiprinimas Savivaldybėje\n"
		"1.1.     Reguliarių       2024 m.        BOT\n"
		"         posėdžių                        pirmininkas\n"
		"1.2.     Susitikimas      Kasmet         Skyrius\n"
		"\n"
		"Po lentelės.\n";
	doc_result r;
	const char *t;

	(void)state;
	t = pdf_layout(&r, layout);
	assert_non_null(strstr(t, "\tEil. Nr.\n\tVeiksmas\n\tLaikotarpis laikotarpis\n\tAtsakingas\n\n"
	                          "\t1 kryptis. Bendruomenių balso stiprinimas Savivaldybėje\n\t\n\t\n\t\n\n"
	                          "\t1.1.\n\tReguliarių posėdžių\n\t2024 m.\n\tBOT pirmininkas\n\n"
	                          "\t1.2.\n\tSusitikimas\n\tKasmet\n\tSkyrius\n\n"));
	assert_non_null(strstr(t, "Po lentelės."));
	doc_result_free(&r);
}

static void test_pdf_layout_titles(void **state)
{
	/* a title in capitals set over two lines is one line; the line
	 * under it (the date and number) a paragraph of its own */
	static const char layout[] =
		"TARYBOS 2019 METŲ\n"
		"VEIKLOS ATASKAITA\n"
		"2020 m. sausio 28 d. Nr. BT-3\n"
		"Šiauliai\n"
		"Taryba sudaryta Šiaulių rajono savivaldybės tarybos sprendimu.\n";
	doc_result r;

	(void)state;
	assert_string_equal(pdf_layout(&r, layout), "TARYBOS 2019 METŲ VEIKLOS ATASKAITA\n\n"
	                                            "2020 m. sausio 28 d. Nr. BT-3\n\nŠiauliai\n\n"
	                                            "Taryba sudaryta Šiaulių rajono savivaldybės "
	                                            "tarybos sprendimu.\n");
	doc_result_free(&r);
}

static void test_pdf_layout_short_lines(void **state)
{
	/* a line ending short of the margin ends its paragraph, but for one
	 * the next line goes on in lower case (a title in a large type) */
	static const char layout[] =
		"Kretingos rajono savivaldybės tarybos\n"
		"veiklos ataskaita už 2024 metus\n"
		"Kretinga, 2025-02-10, Nr. BOT-4\n"
		"Taryba sudaryta rajono savivaldybės tarybos 2023 m. birželio 29 d. sprendimu\n"
		"Nr. T2-150.\n";
	doc_result r;

	(void)state;
	assert_string_equal(pdf_layout(&r, layout),
	                    "Kretingos rajono savivaldybės tarybos veiklos ataskaita už 2024 metus\n\n"
	                    "Kretinga, 2025-02-10, Nr. BOT-4\n\n"
	                    "Taryba sudaryta rajono savivaldybės tarybos 2023 m. birželio 29 d. "
	                    "sprendimu Nr. T2-150.\n");
	doc_result_free(&r);
}

static void test_pdf_layout_number_at_hyphen(void **state)
{
	/* a document's number broken at its hyphen is whole, though its
	 * second half looks like an item "187. ..." */
	static const char layout[] =
		"Taryba veikia pagal nuostatus, patvirtintus tarybos 2019 m. spalio 24 d. sprendimu Nr. T-\n"
		"187. Dabartinė Tarybos sudėtis patvirtinta 2023 m. rugpjūčio 31 d. sprendimu.\n";
	doc_result r;

	(void)state;
	assert_string_equal(pdf_layout(&r, layout),
	                    "Taryba veikia pagal nuostatus, patvirtintus tarybos 2019 m. spalio 24 d. "
	                    "sprendimu Nr. T-187. Dabartinė Tarybos sudėtis patvirtinta 2023 m. "
	                    "rugpjūčio 31 d. sprendimu.\n");
	doc_result_free(&r);
}

static void test_pdf_layout_colon_at_margin(void **state)
{
	/* a line ending with ":" at the right margin goes on when no list
	 * follows; a short one is a label, and a list's items stay apart */
	static const char layout[] =
		"Taryba sudaryta 2019 m. gegužės 14 d. sprendimu. Taryba sudaryta iš 22 narių:\n"
		"11 Savivaldybės ir 11 bendruomenių atstovų.\n"
		"Tarybos nariai:\n"
		"1. Jonas Marcinkus;\n";
	doc_result r;

	(void)state;
	assert_string_equal(pdf_layout(&r, layout),
	                    "Taryba sudaryta 2019 m. gegužės 14 d. sprendimu. Taryba sudaryta iš 22 "
	                    "narių: 11 Savivaldybės ir 11 bendruomenių atstovų.\n\n"
	                    "Tarybos nariai:\n1. Jonas Marcinkus;\n");
	doc_result_free(&r);
}

static void test_pdf_layout_running_lines(void **state)
{
	/* the line over every page and "Puslapis N iš M" under it go; the
	 * table goes on over the page break */
	static const char layout[] =
		"Rajono savivaldybė · Taryba\n"
		"\n"
		"Nr.    Priemonė        Atsakingi\n"
		"1.     Mokymai         Skyrius\n"
		"2.     Išvyka          Taryba\n"
		"\n"
		"Puslapis 1 iš 2\f"
		"Rajono savivaldybė · Taryba\n"
		"\n"
		"3.     Forumas         Seniūnijos\n"
		"\n"
		"Puslapis 2 iš 2\n";
	doc_result r;
	const char *t;

	(void)state;
	t = pdf_layout(&r, layout);
	assert_null(strstr(t, "Puslapis"));
	assert_null(strstr(t, "Rajono savivaldybė"));
	assert_non_null(strstr(t, "\t2.\n\tIšvyka\n\tTaryba\n\n\t3.\n\tForumas\n\tSeniūnijos\n"));
	assert_int_equal(r.n_pages, 2);
	doc_result_free(&r);
}

static void test_pdf_layout_bullets(void **state)
{
	/* a bullet glyph (the Symbol font's U+F0B7) apart from its text is a
	 * list item, not a table's first column; its wrapped lines join it */
	static const char layout[] =
		"Taryba surengė penkis posėdžius, kuriuose aptarti šie klausimai:\n"
		"     \xEF\x82\xB7    2025-02-13 posėdis, Savivaldybės salė. Darbotvarkė: plano\n"
		"          tvirtinimas.\n"
		"     \xEF\x82\xB7    2025-04-10 posėdis (nuotolinis).\n"
		"\xE2\x80\xA2 2025-06-19 posėdis.\n";
	doc_result r;

	(void)state;
	assert_string_equal(pdf_layout(&r, layout),
	                    "Taryba surengė penkis posėdžius, kuriuose aptarti šie klausimai:\n"
	                    "- 2025-02-13 posėdis, Savivaldybės salė. Darbotvarkė: plano "
	                    "tvirtinimas.\n"
	                    "- 2025-04-10 posėdis (nuotolinis).\n"
	                    "- 2025-06-19 posėdis.\n");
	doc_result_free(&r);
}

static void test_pdf_layout_table_over_pages(void **state)
{
	/* a table's heading again at the top of the next page is not a row:
	 * the last row's lines under it stay in that row; and the next
	 * page's columns, set a few characters apart, are the first page's */
	static const char layout[] =
		"Nr.    Priemonė          Atsakingi      Įvykdymas\n"
		"       pavadinimas\n"
		"1.     Mokymai           Skyrius        Surengti mokymai\n"
		"2.     Išvyka            Taryba         Surengta išvyka į\n"
		"\f"
		"Nr.  Priemonė        Atsakingi    Įvykdymas\n"
		"     pavadinimas\n"
		"                                  rajono bendruomenes\n"
		"3.   Forumas         Seniūnijos   Įvyko forumas\n";
	doc_result r;
	const char *t;

	(void)state;
	t = pdf_layout(&r, layout);
	assert_non_null(strstr(t, "\t2.\n\tIšvyka\n\tTaryba\n\tSurengta išvyka į rajono "
	                          "bendruomenes\n\n\t3.\n\tForumas\n\tSeniūnijos\n\tĮvyko forumas\n"));
	assert_null(strstr(strstr(t, "Nr.") + 1, "Nr."));
	doc_result_free(&r);
}

static void test_word97(void **state)
{
	doc_result r;
	size_t len;
	char *doc = tu_read_file(tu_fixture("formats/unit/report.doc"), &len);

	(void)state;
	if (doc_read(&r, doc, len) == COUNCIL_EPARSE && strstr(r.why, "install antiword")) {
		doc_result_free(&r);
		free(doc);
		skip(); /* antiword is not installed here */
	}
	assert_string_equal(r.format, "doc");
	assert_non_null(strstr(r.text, "\t2023-05-12\n\tSeminaras bendruomenių lyderiams apie "
	                               "projektų rengimą\n\tAlytus\n\t31\n\n"));
	doc_result_free(&r);
	free(doc);
}

/* Without the converter programs: clear messages saying what to install. */
static void test_missing_programs(void **state)
{
	char *path = getenv("PATH") ? strdup(getenv("PATH")) : NULL;
	size_t len, dlen;
	char *pdf = tu_read_file(tu_fixture("formats/unit/report.pdf"), &len);
	char *doc = tu_read_file(tu_fixture("formats/unit/report.doc"), &dlen);

	(void)state;
	setenv("PATH", "/nonexistent", 1);
	assert_refused(pdf, len, COUNCIL_EIO, "install poppler-utils");
	assert_refused(doc, dlen, COUNCIL_EPARSE,
	               "a Word 97-2003 .doc file: install antiword, or save it as .docx");
	if (path)
		setenv("PATH", path, 1);
	free(path);
	free(pdf);
	free(doc);
}

/* ---- refusals ------------------------------------------------------------------------- */

static void test_refusals(void **state)
{
	static const char png[] = "\x89PNG\r\n\x1A\n\0\0\0\rIHDR";
	static const char corrupt[] = "PK\x03\x04\x14\0\0\0\x08\0garbage that is no zip at all";
	/* an OLE2 file holding an encrypted OOXML package */
	static const char ole_encrypted[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" "\0\0\0\0"
		"E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0\0\0";
	entry xlsx[] = { { "[Content_Types].xml", "<Types/>", 0 },
		         { "xl/workbook.xml", "<workbook/>", 0 } };
	entry other[] = { { "readme.txt", "hello", 0 } };
	entry laughs[] = { { "word/document.xml",
		"<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
		"<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
		"<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
		"<w:document " W_NS "><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body>"
		"</w:document>", 0 } };
	char *bomb_data, *z, *pdf;
	size_t len, n = 10u << 20;

	(void)state;
	assert_refused(png, sizeof png - 1, COUNCIL_EPARSE, "an image (PNG)");
	assert_refused(corrupt, sizeof corrupt - 1, COUNCIL_EPARSE, "a corrupt ZIP archive");
	assert_refused(ole_encrypted, sizeof ole_encrypted - 1, COUNCIL_EPARSE, "password-protected");
	z = make_zip(xlsx, 2, &len);
	assert_refused(z, len, COUNCIL_EPARSE, "a spreadsheet (.xlsx)");
	free(z);
	z = make_zip(other, 1, &len);
	assert_refused(z, len, COUNCIL_EPARSE, "a ZIP archive without word/document.xml or content.xml");
	free(z);
	z = make_zip(laughs, 1, &len);
	assert_refused(z, len, COUNCIL_EPARSE, "DTD");
	free(z);
	/* 10 MiB of one byte: a thousand times smaller compressed */
	bomb_data = malloc(n);
	assert_non_null(bomb_data);
	memset(bomb_data, 'a', n);
	{
		entry bomb[] = { { "word/document.xml", bomb_data, n } };
		z = make_zip(bomb, 1, &len);
	}
	assert_true(len < n / 100);
	assert_refused(z, len, COUNCIL_EPARSE, "a ZIP bomb");
	free(z);
	free(bomb_data);
	/* an encrypted ODF package */
	z = make_odt("<text:p>x</text:p>", "<manifest:manifest><manifest:file-entry>"
	             "<manifest:encryption-data/></manifest:file-entry></manifest:manifest>", &len);
	assert_refused(z, len, COUNCIL_EPARSE, "a password-protected document");
	free(z);
	pdf = tu_read_file(tu_fixture("formats/unit/scanned.pdf"), &len);
	assert_refused(pdf, len, COUNCIL_EPARSE,
	               "a scanned PDF without a text layer (OCR is not supported)");
	free(pdf);
	pdf = tu_read_file(tu_fixture("formats/unit/encrypted.pdf"), &len);
	assert_refused(pdf, len, COUNCIL_EPARSE, "an encrypted PDF");
	free(pdf);
}

static void test_deep_html_refused(void **state)
{
	size_t depth = 100000, i, len = 0;
	char *page = malloc(depth * 11 + 64);

	(void)state;
	assert_non_null(page);
	len += (size_t)sprintf(page, "<html><body>");
	for (i = 0; i < depth; i++)
		len += (size_t)sprintf(page + len, "<div>");
	len += (size_t)sprintf(page + len, "x");
	for (i = 0; i < depth; i++)
		len += (size_t)sprintf(page + len, "</div>");
	assert_refused(page, len, COUNCIL_EPARSE, "deeper than 256");
	free(page);
}

/* A body the writer stops at the report limit is refused by its size. */
static void test_text_limit(void **state)
{
	size_t n = COUNCIL_IMPORT_MAX_BYTES + 1000, len;
	char *body = malloc(n + 64), *docx;

	(void)state;
	assert_non_null(body);
	strcpy(body, "<w:p><w:r><w:t>");
	/* letters that do not compress a hundredfold (that is a ZIP bomb) */
	for (size_t i = 0, x = 1; i < n; i++) {
		x = x * 1103515245u + 12345u;
		body[15 + i] = (char)('a' + (x >> 16) % 26);
	}
	strcpy(body + 15 + n, "</w:t></w:r></w:p>");
	docx = make_docx(body, NULL, &len);
	assert_refused(docx, len, COUNCIL_EINVAL, "larger than a report may be");
	free(docx);
	free(body);
}

/* ---- through the library to the database ------------------------------------------------ */

static void test_import_docx_into_database(void **state)
{
	council_db *db = *state;
	council_import_result res;
	char path[] = "/tmp/council-docx-XXXXXX";
	const char *body =
		"<w:p><w:r><w:t>Kauno miesto savivaldybės bendruomeninių organizacijų tarybos 2021 m. "
		"veiklos ataskaita</w:t></w:r></w:p>"
		"<w:p><w:r><w:t>Kauno miesto savivaldybės bendruomeninių organizacijų taryba 2021 m. "
		"surengė 3 posėdžius.</w:t></w:r></w:p>";
	size_t len;
	char *docx = make_docx(body, NULL, &len), sha[65];
	int fd = mkstemp(path);
	int64_t before;

	assert_true(fd >= 0);
	assert_int_equal(write(fd, docx, len), (ssize_t)len);
	close(fd);
	assert_int_equal(council_import_file(&res, db, path), COUNCIL_OK);
	assert_non_null(strstr(res.council, "Kauno miesto"));
	assert_int_equal(res.year, 2021);
	assert_int_equal(tu_sql_int(db, "SELECT value FROM reported_figure WHERE metric = 'meetings'"), 3);
	/* the source's digest is the .docx file's own */
	council_sha256_hex(sha, docx, len);
	{
		char sql[200];
		snprintf(sql, sizeof sql, "SELECT count(*) FROM source_document WHERE sha256 = '%s'", sha);
		assert_int_equal(tu_sql_int(db, sql), 1);
	}
	/* a refused file changes nothing */
	before = tu_sql_int(db, "SELECT count(*) FROM source_document");
	fd = open(path, O_WRONLY | O_TRUNC);
	assert_int_equal(write(fd, "\x89PNG\r\n\x1A\n", 8), 8);
	close(fd);
	tu_assert_error(db, council_import_file(&res, db, path), COUNCIL_EPARSE, "an image (PNG)");
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM source_document"), before);
	unlink(path);
	free(docx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_docx_paragraphs_lists_and_what_never_leaks),
		cmocka_unit_test(test_docx_table),
		cmocka_unit_test(test_odt),
		cmocka_unit_test(test_html),
		cmocka_unit_test(test_html_declared_charset),
		cmocka_unit_test(test_encodings),
		cmocka_unit_test(test_encoding_refusals),
		cmocka_unit_test(test_detection_ignores_names),
		cmocka_unit_test(test_pdf_table_rebuilt),
		cmocka_unit_test(test_pdf_layout_section_rows),
		cmocka_unit_test(test_pdf_layout_titles),
		cmocka_unit_test(test_pdf_layout_short_lines),
		cmocka_unit_test(test_pdf_layout_number_at_hyphen),
		cmocka_unit_test(test_pdf_layout_colon_at_margin),
		cmocka_unit_test(test_pdf_layout_running_lines),
		cmocka_unit_test(test_pdf_layout_bullets),
		cmocka_unit_test(test_pdf_layout_table_over_pages),
		cmocka_unit_test(test_word97),
		cmocka_unit_test(test_missing_programs),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_deep_html_refused),
		cmocka_unit_test(test_text_limit),
		cmocka_unit_test_setup_teardown(test_import_docx_into_database, tu_setup_memory,
		                                tu_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
