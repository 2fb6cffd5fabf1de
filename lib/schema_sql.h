/* SPDX-License-Identifier: MIT */
/* schema_sql.h -- schema.sql as embedded by the build (tools/embed_sql.py). */
#ifndef COUNCIL_SCHEMA_SQL_H
#define COUNCIL_SCHEMA_SQL_H
extern const char council_schema_sql[];
extern const unsigned long council_schema_sql_len;
extern const int council_schema_version_latest;
#endif
