/* SPDX-License-Identifier: MIT */
/*
 * date.c -- partial dates: a year, a month or a day, and periods between
 * two of them.  Parsing of Lithuanian written dates is in import/lt_date.c;
 * this file knows only the ISO forms the registry stores.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"

static int leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && leap(y) ? 29 : d[m - 1];
}

int council_date_valid(const council_date *d)
{
	if (!d || d->year < 1 || d->year > 9999)
		return 0;
	if (d->month == 0)
		return d->day == 0;
	if (d->month < 1 || d->month > 12)
		return 0;
	if (d->day == 0)
		return 1;
	return d->day >= 1 && d->day <= days_in_month(d->year, d->month);
}

/* Reads exactly n digits; -1 if any is not a digit. */
static int digits(const char *s, int n)
{
	int v = 0, i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static int parse_n(council_date *out, const char *s, size_t n)
{
	council_date d = { 0, 0, 0 };

	if (n != 4 && n != 7 && n != 10)
		return COUNCIL_EINVAL;
	if ((d.year = digits(s, 4)) < 0)
		return COUNCIL_EINVAL;
	if (n >= 7) {
		if (s[4] != '-' || (d.month = digits(s + 5, 2)) < 1)
			return COUNCIL_EINVAL;
	}
	if (n == 10) {
		if (s[7] != '-' || (d.day = digits(s + 8, 2)) < 1)
			return COUNCIL_EINVAL;
	}
	if (!council_date_valid(&d))
		return COUNCIL_EINVAL;
	*out = d;
	return COUNCIL_OK;
}

int council_date_parse(council_date *out, const char *text)
{
	if (!out || !text)
		return COUNCIL_EINVAL;
	return parse_n(out, text, strlen(text));
}

int council_period_parse(council_period *out, const char *text)
{
	const char *dots;
	council_period p;

	if (!out || !text)
		return COUNCIL_EINVAL;
	dots = strstr(text, "..");
	if (!dots) {
		if (parse_n(&p.start, text, strlen(text)) != COUNCIL_OK)
			return COUNCIL_EINVAL;
		p.end = p.start;
	} else {
		if (parse_n(&p.start, text, (size_t)(dots - text)) != COUNCIL_OK ||
		    parse_n(&p.end, dots + 2, strlen(dots + 2)) != COUNCIL_OK)
			return COUNCIL_EINVAL;
		if (council_date_cmp(&p.end, &p.start) < 0)
			return COUNCIL_EINVAL;
	}
	*out = p;
	return COUNCIL_OK;
}

/* Writes v as exactly n digits (v is range-checked by the caller). */
static char *put_digits(char *p, int v, int n)
{
	int i;

	for (i = n - 1; i >= 0; i--, v /= 10)
		p[i] = (char)('0' + v % 10);
	return p + n;
}

char *council_date_format(char *buf, const council_date *d)
{
	char *p = buf;

	if (d && d->year > 0 && d->year <= 9999) {
		p = put_digits(p, d->year, 4);
		if (d->month >= 1 && d->month <= 12) {
			*p++ = '-';
			p = put_digits(p, d->month, 2);
			if (d->day >= 1 && d->day <= 31) {
				*p++ = '-';
				p = put_digits(p, d->day, 2);
			}
		}
	}
	*p = '\0';
	return buf;
}

int council_date_cmp(const council_date *a, const council_date *b)
{
	int ka[3] = { a->year, a->month ? a->month : 1, a->day ? a->day : 1 };
	int kb[3] = { b->year, b->month ? b->month : 1, b->day ? b->day : 1 };
	int pa = !!a->month + !!a->day, pb = !!b->month + !!b->day;
	int i;

	for (i = 0; i < 3; i++)
		if (ka[i] != kb[i])
			return ka[i] < kb[i] ? -1 : 1;
	return pa < pb ? -1 : pa > pb;
}
