/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The one sanitiser for strings that reach a terminal, a CSV or XML file or a
 * log. Report strings come from files anyone can write (a CPU brand, a battery
 * model, a fleet report): none of them may move the cursor, retitle the window,
 * reorder the line or break the file format. */
#pragma once
#include <glib.h>

/* One line of safe text: invalid UTF-8, C0 controls (ESC included), DEL, C1
 * controls (U+0080-U+009F, so U+009B CSI too), bidi embeddings, overrides and
 * isolates (U+202A-U+202E, U+2066-U+2069), line/paragraph separators and the
 * noncharacters U+FFFE/U+FFFF become '?'; tab, CR and LF become a space. What is
 * left is also valid XML 1.0 character data. NULL gives NULL. transfer full. */
char *lf_text_sanitize(const char *text);

/* The characters lf_text_sanitize() replaces (not tab, CR, LF: it turns them
 * into spaces). The JSON writer escapes the same set, so JSON printed to a
 * terminal carries none of them raw. */
gboolean lf_text_unsafe_char(gunichar c);

/* Terminal columns of sanitised text (wide CJK = 2, combining marks = 0). */
gsize lf_text_width(const char *clean);

/* text sanitised, then cut (at a character, never inside one) or padded with
 * spaces to exactly `width` columns. transfer full. */
char *lf_text_fit(const char *text, gsize width);

/* A CSV text cell that no spreadsheet runs as a formula: sanitised, and
 * prefixed with ' when it starts with = + - @ (or tab/CR before sanitising).
 * Numbers are not text cells: write them as they are. transfer full. */
char *lf_text_csv_cell(const char *text);
