#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Turns schema.sql into a C source file holding it as one string, so the
library carries exactly the schema a person reads (never pasted by hand)."""
import sys

src, dst = sys.argv[1], sys.argv[2]
with open(src, 'rb') as f:
    data = f.read()
data.decode('utf-8')  # refuse a schema that is not UTF-8
with open(dst, 'w', encoding='ascii') as out:
    out.write('/* Generated from schema.sql by tools/embed_sql.py; do not edit. */\n')
    out.write('#include "schema_sql.h"\n')
    # A byte array rather than a string literal: C11 compilers need only
    # accept 4095-character literals, and the schema is longer.
    out.write('const char council_schema_sql[] = {\n')
    body = data + b'\0'
    for i in range(0, len(body), 16):
        out.write('\t' + ', '.join('%d' % (b - 256 if b > 127 else b) for b in body[i:i + 16]) + ',\n')
    out.write('};\n')
    out.write('const unsigned long council_schema_sql_len = %d;\n' % len(data))
    import re
    m = re.search(rb'PRAGMA\s+user_version\s*=\s*(\d+)', data)
    if not m:
        sys.exit('schema.sql sets no PRAGMA user_version')
    out.write('const int council_schema_version_latest = %d;\n' % int(m.group(1)))
