/* SPDX-License-Identifier: GPL-2.0-or-later */
/* LfPanel: a scrolling list of rows with a cursor, after htop's Panel.h. A row
 * is a label column, a value, an optional badge (verdict) and an optional bar
 * (battery health). Views fill panels; the panel draws and moves the cursor. */
#pragma once
#include <glib.h>

#include "crt.h"

/* What a key handler did, as htop's HandlerResult. */
typedef enum {
  LF_IGNORED = 0,
  LF_HANDLED = 1 << 0,
  LF_REDRAW = 1 << 1,       /* rebuild the rows from the model */
  LF_QUIT = 1 << 2,
} LfHandlerResult;

typedef struct {
  char *label;              /* left column or NULL */
  char *value;              /* the rest of the line (the heading for headers) */
  char *badge;              /* drawn first in badge_role, e.g. "✓ PASS" */
  LfRole role, badge_role;
  double bar;               /* 0..1: a bar before the value; < 0: none */
  gboolean header;
  int indent;
  gpointer data;            /* the view's, not freed */
} LfRow;

typedef struct {
  GPtrArray *rows;          /* LfRow */
  int selected, scroll;
  int y, x, h, w;           /* from the last draw */
  gboolean show_cursor;     /* FALSE: a read-only pane */
} LfPanel;

void lf_panel_init(LfPanel *panel);
void lf_panel_clear(LfPanel *panel);            /* frees rows */
/* Drops the rows but keeps the cursor position (clamped on the next draw). */
void lf_panel_reset(LfPanel *panel);
/* transfer none: the row belongs to the panel. Strings are copied. */
LfRow *lf_panel_add(LfPanel *panel, const char *label, const char *value);
LfRow *lf_panel_add_header(LfPanel *panel, const char *text);
LfRow *lf_panel_add_text(LfPanel *panel, const char *text, LfRole role);
void lf_panel_add_blank(LfPanel *panel);
/* Adds text word-wrapped to the panel's last drawn width (or `width`). */
void lf_panel_add_wrapped(LfPanel *panel, const char *text, LfRole role, int width, int indent);

void lf_panel_draw(LfPanel *panel, int y, int x, int h, int w);
/* Cursor keys, j/k, PgUp/PgDn, Home/End, g/G. */
LfHandlerResult lf_panel_key(LfPanel *panel, int key);
LfRow *lf_panel_selected(LfPanel *panel);
/* First row at or after `from` (wrapping) whose text contains `needle`,
 * case-insensitively; -1 if none. */
int lf_panel_find(LfPanel *panel, const char *needle, int from);
void lf_panel_select(LfPanel *panel, int index);
