/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Scrolling list with a cursor (see panel.h). */
#include "panel.h"

#include <math.h>
#include <ncurses.h>
#include <string.h>

static void row_free(gpointer p)
{
  LfRow *row = p;
  g_free(row->label);
  g_free(row->value);
  g_free(row->badge);
  g_free(row);
}

void lf_panel_init(LfPanel *panel)
{
  memset(panel, 0, sizeof *panel);
  panel->rows = g_ptr_array_new_with_free_func(row_free);
  panel->show_cursor = TRUE;
}

void lf_panel_clear(LfPanel *panel)
{
  g_clear_pointer(&panel->rows, g_ptr_array_unref);
}

void lf_panel_reset(LfPanel *panel)
{
  g_ptr_array_set_size(panel->rows, 0);
}

LfRow *lf_panel_add(LfPanel *panel, const char *label, const char *value)
{
  LfRow *row = g_new0(LfRow, 1);
  row->label = g_strdup(label);
  row->value = g_strdup(value);
  row->role = LF_ROLE_NORMAL;
  row->badge_role = LF_ROLE_NORMAL;
  row->bar = -1;
  g_ptr_array_add(panel->rows, row);
  return row;
}

LfRow *lf_panel_add_header(LfPanel *panel, const char *text)
{
  LfRow *row = lf_panel_add(panel, NULL, text);
  row->header = TRUE;
  row->role = LF_ROLE_HEADER;
  return row;
}

LfRow *lf_panel_add_text(LfPanel *panel, const char *text, LfRole role)
{
  LfRow *row = lf_panel_add(panel, NULL, text);
  row->role = role;
  return row;
}

void lf_panel_add_blank(LfPanel *panel)
{
  lf_panel_add(panel, NULL, "");
}

void lf_panel_add_wrapped(LfPanel *panel, const char *text, LfRole role, int width, int indent)
{
  if (width <= 0)
    width = panel->w > 0 ? panel->w : COLS;
  g_autoptr(GPtrArray) lines = lf_crt_wrap(text, width - 2 - 2 * indent);
  for (guint i = 0; i < lines->len; i++) {
    LfRow *row = lf_panel_add_text(panel, lines->pdata[i], role);
    row->indent = indent;
  }
}

static int label_width(const LfPanel *panel, int w)
{
  int lw = 0;
  for (guint i = 0; i < panel->rows->len; i++) {
    const LfRow *row = panel->rows->pdata[i];
    if (!row->header && row->label)
      lw = MAX(lw, lf_crt_width(row->label) + 2 * row->indent);
  }
  return MIN(lw, w * 2 / 5);
}

static void draw_bar(int y, int x, int w, double fraction, gboolean selected)
{
  int full = (int)lround(CLAMP(fraction, 0.0, 1.0) * w);
  for (int i = 0; i < w; i++) {
    LfRole role = selected ? LF_ROLE_SELECTED : i < full ? LF_ROLE_BAR_FILL : LF_ROLE_BAR_EMPTY;
    lf_crt_put(y, x + i, 1, lf_crt_glyph(i < full ? LF_GLYPH_BAR_FULL : LF_GLYPH_BAR_EMPTY), role,
               FALSE);
  }
}

static void draw_row(const LfRow *row, int y, int x, int w, int lw, gboolean selected)
{
  lf_crt_fill(y, x, w, selected ? LF_ROLE_SELECTED : LF_ROLE_NORMAL);
  int cx = x + 1 + 2 * row->indent, end = x + w - 1;
  if (row->header) {
    lf_crt_put(y, cx, end - cx, row->value, selected ? LF_ROLE_SELECTED : row->role, TRUE);
    return;
  }
  if (row->badge) {
    cx += lf_crt_put(y, cx, end - cx, row->badge, selected ? LF_ROLE_SELECTED : row->badge_role,
                     FALSE) + 1;
  }
  if (row->label) {
    lf_crt_put(y, cx, MIN(lw - 2 * row->indent, end - cx), row->label,
               selected ? LF_ROLE_SELECTED : LF_ROLE_LABEL, TRUE);
    cx += lw - 2 * row->indent + 2;
  }
  if (row->bar >= 0 && end - cx > 24) {
    int bw = MIN(20, (end - cx) / 3);
    draw_bar(y, cx, bw, row->bar, selected);
    cx += bw + 1;
  }
  if (row->value && cx < end)
    lf_crt_put(y, cx, end - cx, row->value, selected ? LF_ROLE_SELECTED : row->role, TRUE);
}

void lf_panel_draw(LfPanel *panel, int y, int x, int h, int w)
{
  panel->y = y, panel->x = x, panel->h = h, panel->w = w;
  int n = (int)panel->rows->len;
  panel->selected = n == 0 ? 0 : CLAMP(panel->selected, 0, n - 1);
  if (panel->show_cursor) {
    if (panel->selected < panel->scroll)
      panel->scroll = panel->selected;
    if (panel->selected >= panel->scroll + h)
      panel->scroll = panel->selected - h + 1;
  }
  panel->scroll = CLAMP(panel->scroll, 0, MAX(0, n - h));
  int lw = label_width(panel, w);
  for (int i = 0; i < h; i++) {
    int r = panel->scroll + i;
    if (r >= n) {
      lf_crt_fill(y + i, x, w, LF_ROLE_NORMAL);
      continue;
    }
    draw_row(panel->rows->pdata[r], y + i, x, w, lw,
             panel->show_cursor && r == panel->selected);
  }
  /* More above or below: say so in the right margin. */
  if (panel->scroll > 0)
    lf_crt_put(y, x + w - 1, 1, "^", LF_ROLE_DIM, FALSE);
  if (panel->scroll + h < n)
    lf_crt_put(y + h - 1, x + w - 1, 1, "v", LF_ROLE_DIM, FALSE);
}

void lf_panel_select(LfPanel *panel, int index)
{
  int n = (int)panel->rows->len;
  panel->selected = n == 0 ? 0 : CLAMP(index, 0, n - 1);
}

LfHandlerResult lf_panel_key(LfPanel *panel, int key)
{
  int page = MAX(1, panel->h - 1);
  int n = (int)panel->rows->len;
  if (!panel->show_cursor) {       /* a read-only pane scrolls */
    switch (key) {
    case KEY_UP: case 'k': panel->scroll--; break;
    case KEY_DOWN: case 'j': panel->scroll++; break;
    case KEY_PPAGE: panel->scroll -= page; break;
    case KEY_NPAGE: case ' ': panel->scroll += page; break;
    case KEY_HOME: case 'g': panel->scroll = 0; break;
    case KEY_END: case 'G': panel->scroll = n; break;
    default: return LF_IGNORED;
    }
    panel->scroll = CLAMP(panel->scroll, 0, MAX(0, n - panel->h));
    return LF_HANDLED;
  }
  switch (key) {
  case KEY_UP: case 'k': lf_panel_select(panel, panel->selected - 1); break;
  case KEY_DOWN: case 'j': lf_panel_select(panel, panel->selected + 1); break;
  case KEY_PPAGE: lf_panel_select(panel, panel->selected - page); break;
  case KEY_NPAGE: case ' ': lf_panel_select(panel, panel->selected + page); break;
  case KEY_HOME: case 'g': lf_panel_select(panel, 0); break;
  case KEY_END: case 'G': lf_panel_select(panel, n - 1); break;
  default: return LF_IGNORED;
  }
  return LF_HANDLED;
}

LfRow *lf_panel_selected(LfPanel *panel)
{
  if (panel->selected < 0 || panel->selected >= (int)panel->rows->len)
    return NULL;
  return panel->rows->pdata[panel->selected];
}

static gboolean row_matches(const LfRow *row, const char *needle)
{
  const char *parts[] = { row->label, row->value, row->badge };
  for (gsize i = 0; i < G_N_ELEMENTS(parts); i++) {
    if (parts[i] == NULL)
      continue;
    g_autofree char *hay = g_utf8_casefold(parts[i], -1);
    if (strstr(hay, needle))
      return TRUE;
  }
  return FALSE;
}

int lf_panel_find(LfPanel *panel, const char *needle, int from)
{
  int n = (int)panel->rows->len;
  if (needle == NULL || *needle == '\0' || n == 0)
    return -1;
  g_autofree char *folded = g_utf8_casefold(needle, -1);
  for (int i = 0; i < n; i++) {
    int r = ((from < 0 ? 0 : from) + i) % n;
    if (row_matches(panel->rows->pdata[r], folded))
      return r;
  }
  return -1;
}
