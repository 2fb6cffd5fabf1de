/* SPDX-License-Identifier: MIT */
/*
 * doc_zip.h -- what the ZIP-and-XML readers share (doc_zip.c): reading an
 * archive entry under the zip-bomb limits, opening XML safely, and the
 * element, attribute and numbering helpers of doc_docx.c and doc_odt.c.
 */
#ifndef COUNCIL_DOC_ZIP_H
#define COUNCIL_DOC_ZIP_H

#include <libxml/xmlreader.h>
#include <zip.h>

#include "document.h"

/* The readers, given the open archive. */
int doc_docx_read(doc_result *r, zip_t *z);
int doc_odt_read(doc_result *r, zip_t *z);

/* src into dst (size bytes), cut short when longer. */
void zx_copy_str(char *dst, size_t size, const char *src);

/* Entry name into *out (owned, NUL-terminated), held to DOC_MAX_ENTRY
 * bytes and DOC_MAX_RATIO times its compressed size; COUNCIL_ENOTFOUND
 * when there is no such entry, else COUNCIL_EPARSE with r->why. */
int zx_read_entry(doc_result *r, zip_t *z, const char *name, char **out, size_t *len);
int zx_has_entry(zip_t *z, const char *name);

/* A reader over d, refusing a DTD (r->why says so) and without network,
 * entity substitution, DTD loading or XML_PARSE_HUGE; NULL on refusal. */
xmlTextReaderPtr zx_xml_open(doc_result *r, const char *name, const char *d, size_t len);

/* The current node is in a namespace whose URI ends in suffix. */
int zx_is_ns(xmlTextReaderPtr x, const char *suffix);
/* The element's local name when in such a namespace; "" otherwise. */
const char *zx_el(xmlTextReaderPtr x, const char *suffix);
/* The attribute with local name local (any namespace) into buf; 0 when
 * absent.  attr_int: its value as a number in 0..100000, or dflt. */
int zx_attr(xmlTextReaderPtr x, const char *local, char *buf, size_t size);
int zx_attr_int(xmlTextReaderPtr x, const char *local, int dflt);

/* The reader's verdict at its end (ret < 0: not well-formed) as a status
 * with r->why. */
int zx_xml_error(doc_result *r, const char *name, int ret, int depth_exceeded);

/* n in a numbering format: '1', 'a', 'A', 'i', 'I'. */
void zx_format_number(char *buf, size_t size, int n, char fmt);

#endif /* COUNCIL_DOC_ZIP_H */
