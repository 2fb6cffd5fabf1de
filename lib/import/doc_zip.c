/* SPDX-License-Identifier: MIT */
/*
 * doc_zip.c -- documents that are ZIP archives of XML: which one it is
 * (.docx, .odt, or a spreadsheet, an e-book, an encrypted document, refused
 * by name), and the archive and XML helpers the readers of Word
 * (doc_docx.c) and OpenDocument (doc_odt.c) share.
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

#include "doc_zip.h"

void zx_copy_str(char *dst, size_t size, const char *src)
{
	size_t n = strnlen(src, size - 1);

	memcpy(dst, src, n);
	dst[n] = '\0';
}

/* ---- the archive ------------------------------------------------------------- */

/* Reads entry name into *out (owned, NUL-terminated).  COUNCIL_ENOTFOUND
 * when there is no such entry. */
int zx_read_entry(doc_result *r, zip_t *z, const char *name, char **out, size_t *len)
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
	/* closed whatever was read (a short read left it open: a leak the
	 * fuzzer found) */
	if (zip_fclose(f) != 0 || n < st.size) {
		free(buf);
		return doc_fail(r, COUNCIL_EPARSE, "a corrupt ZIP archive (%s cannot be read)", name);
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return COUNCIL_OK;
}

int zx_has_entry(zip_t *z, const char *name)
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

xmlTextReaderPtr zx_xml_open(doc_result *r, const char *name, const char *d, size_t len)
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

int zx_is_ns(xmlTextReaderPtr x, const char *suffix)
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
const char *zx_el(xmlTextReaderPtr x, const char *suffix)
{
	const char *name = (const char *)xmlTextReaderConstLocalName(x);

	return name && zx_is_ns(x, suffix) ? name : "";
}

/* The value of the attribute with local name local (any namespace),
 * copied into buf; 0 when absent. */
int zx_attr(xmlTextReaderPtr x, const char *local, char *buf, size_t size)
{
	int found = 0;

	if (!xmlTextReaderHasAttributes(x))
		return 0;
	while (xmlTextReaderMoveToNextAttribute(x) == 1) {
		const char *n = (const char *)xmlTextReaderConstLocalName(x);
		if (n && strcmp(n, local) == 0) {
			const char *v = (const char *)xmlTextReaderConstValue(x);
			zx_copy_str(buf, size, v ? v : "");
			found = 1;
			break;
		}
	}
	xmlTextReaderMoveToElement(x);
	return found;
}

int zx_attr_int(xmlTextReaderPtr x, const char *local, int dflt)
{
	char buf[32];
	long v;

	if (!zx_attr(x, local, buf, sizeof buf))
		return dflt;
	v = strtol(buf, NULL, 10);
	return v < 0 ? 0 : v > 100000 ? 100000 : (int)v;
}

/* The reader's verdict at the end: 0 clean end, else a parse error. */
int zx_xml_error(doc_result *r, const char *name, int ret, int depth_exceeded)
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
void zx_format_number(char *buf, size_t size, int n, char fmt)
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
	rc = zx_read_entry(r, z, "mimetype", &mime, &mlen);
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
	} else if (zx_has_entry(z, "word/document.xml")) {
		rc = doc_docx_read(r, z);
	} else if (zx_has_entry(z, "content.xml")) {
		rc = zx_read_entry(r, z, "META-INF/manifest.xml", &manifest, &flen);
		if (rc == COUNCIL_OK && strstr(manifest, "encryption-data"))
			rc = doc_fail(r, COUNCIL_EPARSE, "a password-protected document: save it "
			              "without a password");
		else if (rc == COUNCIL_OK || rc == COUNCIL_ENOTFOUND)
			rc = doc_odt_read(r, z);
	} else if (zx_has_entry(z, "xl/workbook.xml")) {
		rc = doc_fail(r, COUNCIL_EPARSE, "a spreadsheet (.xlsx), not a report");
	} else if (zx_has_entry(z, "ppt/presentation.xml")) {
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
