/* SPDX-License-Identifier: GPL-2.0-or-later */
/* LfPanel: a scrolling list of rows with a cursor, after htop's Panel.h. A row
 * is a label column, a value, an optional badge (verdict) and an optional bar
 * (battery health). Views fill panels; the panel wraps long values to its
 * width, draws, and moves the cursor.
 *
 * Only actionable rows (a row with data that is not a header) can be
 * selected, and the selection is always on screen: j/k go to the next
 * actionable row when it is in view and otherwise scroll one line, so text
 * between actions is read, not skipped. A panel without actionable rows (Help,
 * Battery, details) simply scrolls. */
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
  int selected;             /* row index, or -1: nothing selected in view */
  int mark;                 /* a search match on a row that cannot be selected, or -1 */
  int scroll;               /* first screen line shown */
  int y, x, h, w;           /* from the last draw; h == 0: not drawn this frame */
  gboolean show_cursor;     /* FALSE: a read-only pane */
  /* Screen lines for the last width: rows wrapped to it. */
  GArray *lines;            /* LfLine */
  GArray *row_lines;        /* int: each row's first line, then the line count */
  int layout_w;             /* -1: lay out again */
} LfPanel;

typedef struct {
  guint row;                /* index into rows */
  guint part;               /* 0: the row's first line */
  int value_x;              /* where the value starts, from the panel's left edge */
  char *text;               /* this line's piece of the value */
} LfLine;

void lf_panel_init(LfPanel *panel);
void lf_panel_clear(LfPanel *panel);            /* frees rows */
/* Drops the rows but keeps the cursor position (clamped on the next draw). */
void lf_panel_reset(LfPanel *panel);
/* transfer none: the row belongs to the panel. Strings are copied. */
LfRow *lf_panel_add(LfPanel *panel, const char *label, const char *value);
LfRow *lf_panel_add_header(LfPanel *panel, const char *text);
LfRow *lf_panel_add_text(LfPanel *panel, const char *text, LfRole role);
void lf_panel_add_blank(LfPanel *panel);
/* Adds a paragraph, indented by `indent` steps; it wraps like every row. */
LfRow *lf_panel_add_wrapped(LfPanel *panel, const char *text, LfRole role, int indent);

void lf_panel_draw(LfPanel *panel, int y, int x, int h, int w);
/* Cursor keys, j/k, PgUp/PgDn, Home/End, g/G. */
LfHandlerResult lf_panel_key(LfPanel *panel, int key);
/* TRUE when the row can take the cursor (it has an action). */
gboolean lf_panel_row_selectable(const LfPanel *panel, int index);
/* The selected row, or NULL when none is selected. */
LfRow *lf_panel_selected(LfPanel *panel);
/* First row at or after `from` (wrapping) whose text contains `needle`,
 * case-insensitively; -1 if none. */
int lf_panel_find(LfPanel *panel, const char *needle, int from);
/* Selects an actionable row (the next draw scrolls to it); -1 clears. */
void lf_panel_select(LfPanel *panel, int index);
/* Brings a row into view: selects it when it is actionable, else marks it
 * (a search match) until the next move. */
void lf_panel_show(LfPanel *panel, int index);
/* The row drawn at screen line y (from the last draw), or -1. */
int lf_panel_row_at(const LfPanel *panel, int y, int x);
/* Mouse wheel: scrolls by lines (negative: up), keeping the selection in view. */
void lf_panel_scroll_by(LfPanel *panel, int lines);
/* TRUE when (y, x) is inside the panel as last drawn. */
gboolean lf_panel_contains(const LfPanel *panel, int y, int x);
