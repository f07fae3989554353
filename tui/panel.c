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

static void line_clear(gpointer p)
{
  g_free(((LfLine *)p)->text);
}

void lf_panel_init(LfPanel *panel)
{
  memset(panel, 0, sizeof *panel);
  panel->rows = g_ptr_array_new_with_free_func(row_free);
  panel->lines = g_array_new(FALSE, TRUE, sizeof(LfLine));
  g_array_set_clear_func(panel->lines, line_clear);
  panel->row_lines = g_array_new(FALSE, TRUE, sizeof(int));
  panel->show_cursor = TRUE;
  panel->mark = -1;
  panel->layout_w = -1;
}

void lf_panel_clear(LfPanel *panel)
{
  g_clear_pointer(&panel->rows, g_ptr_array_unref);
  g_clear_pointer(&panel->lines, g_array_unref);
  g_clear_pointer(&panel->row_lines, g_array_unref);
}

void lf_panel_reset(LfPanel *panel)
{
  g_ptr_array_set_size(panel->rows, 0);
  panel->layout_w = -1;
  panel->mark = -1;
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
  panel->layout_w = -1;
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

LfRow *lf_panel_add_wrapped(LfPanel *panel, const char *text, LfRole role, int indent)
{
  LfRow *row = lf_panel_add_text(panel, text, role);
  row->indent = indent;
  return row;
}

/* --- layout ------------------------------------------------------------- */

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

/* Where a row's parts start, from the panel's left edge. One function for
 * layout and drawing, so the wrapped lines line up with the first. */
typedef struct {
  int label_x, label_w, bar_x, bar_w, value_x;
} LfRowGeometry;

static LfRowGeometry row_geometry(const LfRow *row, int w, int lw)
{
  LfRowGeometry g = { 0 };
  int cx = 1 + 2 * row->indent, end = w - 1;
  if (!row->header) {
    if (row->badge)
      cx += lf_crt_width(row->badge) + 1;
    if (row->label) {
      g.label_x = cx;
      g.label_w = MAX(0, MIN(lw - 2 * row->indent, end - cx));
      cx += lw - 2 * row->indent + 2;
    }
    if (row->bar >= 0 && end - cx > 24) {
      g.bar_x = cx;
      g.bar_w = MIN(20, (end - cx) / 3);
      cx += g.bar_w + 1;
    }
  }
  g.value_x = cx;
  return g;
}

static void layout(LfPanel *panel, int w)
{
  if (panel->layout_w == w)
    return;
  panel->layout_w = w;
  g_array_set_size(panel->lines, 0);
  g_array_set_size(panel->row_lines, 0);
  int lw = label_width(panel, w);
  for (guint r = 0; r < panel->rows->len; r++) {
    const LfRow *row = panel->rows->pdata[r];
    LfRowGeometry g = row_geometry(row, w, lw);
    int line0 = (int)panel->lines->len;
    g_array_append_val(panel->row_lines, line0);
    /* Narrower than a word: one line, cut with an ellipsis when drawn. */
    int avail = w - 1 - g.value_x;
    g_autoptr(GPtrArray) parts = NULL;
    if (avail >= 8) {
      parts = lf_crt_wrap(row->value ? row->value : "", avail);
    } else {
      parts = g_ptr_array_new_with_free_func(g_free);
      g_ptr_array_add(parts, g_strdup(row->value ? row->value : ""));
    }
    for (guint k = 0; k < parts->len; k++) {
      LfLine line = { r, k, g.value_x, g_strdup(parts->pdata[k]) };
      g_array_append_val(panel->lines, line);
    }
  }
  int total = (int)panel->lines->len;
  g_array_append_val(panel->row_lines, total);
}

static int n_lines(const LfPanel *panel)
{
  return (int)panel->lines->len;
}

static int first_line(const LfPanel *panel, int r)
{
  return g_array_index(panel->row_lines, int, r);
}

static int last_line(const LfPanel *panel, int r)
{
  return g_array_index(panel->row_lines, int, r + 1) - 1;
}

static int max_scroll(const LfPanel *panel)
{
  return MAX(0, n_lines(panel) - MAX(1, panel->h));
}

/* In view: all of the row, or its first line when it is taller than the pane. */
static gboolean row_visible(const LfPanel *panel, int r)
{
  int a = first_line(panel, r), b = last_line(panel, r), h = MAX(1, panel->h);
  if (b - a + 1 > h)
    return a >= panel->scroll && a < panel->scroll + h;
  return a >= panel->scroll && b < panel->scroll + h;
}

/* Any line of the row in view. */
static gboolean row_touched(const LfPanel *panel, int r)
{
  int a = first_line(panel, r), b = last_line(panel, r), h = MAX(1, panel->h);
  return b >= panel->scroll && a < panel->scroll + h;
}

static void scroll_to(LfPanel *panel, int r)
{
  int a = first_line(panel, r), b = last_line(panel, r), h = MAX(1, panel->h);
  if (b - a + 1 > h) {             /* taller than the pane: its first line in view is enough */
    if (a < panel->scroll || a >= panel->scroll + h)
      panel->scroll = a;
  } else if (a < panel->scroll) {
    panel->scroll = a;
  } else if (b >= panel->scroll + h) {
    panel->scroll = b - h + 1;
  }
  panel->scroll = CLAMP(panel->scroll, 0, max_scroll(panel));
}

gboolean lf_panel_row_selectable(const LfPanel *panel, int index)
{
  if (!panel->show_cursor || index < 0 || index >= (int)panel->rows->len)
    return FALSE;
  const LfRow *row = panel->rows->pdata[index];
  return row->data != NULL && !row->header;
}

static int next_selectable(const LfPanel *panel, int from, int dir)
{
  for (int r = from + dir; r >= 0 && r < (int)panel->rows->len; r += dir)
    if (lf_panel_row_selectable(panel, r))
      return r;
  return -1;
}

/* Keeps the selection on screen: when it left the view, the first (or last)
 * actionable row in view takes it, or nothing is selected. */
static void reselect(LfPanel *panel, gboolean from_top)
{
  if (panel->selected >= 0 && lf_panel_row_selectable(panel, panel->selected) &&
      row_visible(panel, panel->selected))
    return;
  panel->selected = -1;
  int n = (int)panel->rows->len;
  for (int i = 0; i < n; i++) {
    int r = from_top ? i : n - 1 - i;
    if (lf_panel_row_selectable(panel, r) && row_visible(panel, r)) {
      panel->selected = r;
      return;
    }
  }
}

static gboolean has_selectable(const LfPanel *panel)
{
  return next_selectable(panel, -1, 1) >= 0;
}

/* --- drawing ------------------------------------------------------------ */

static void draw_bar(int y, int x, int w, double fraction, gboolean selected)
{
  int full = (int)lround(CLAMP(fraction, 0.0, 1.0) * w);
  for (int i = 0; i < w; i++) {
    LfRole role = selected ? LF_ROLE_SELECTED : i < full ? LF_ROLE_BAR_FILL : LF_ROLE_BAR_EMPTY;
    lf_crt_put(y, x + i, 1, lf_crt_glyph(i < full ? LF_GLYPH_BAR_FULL : LF_GLYPH_BAR_EMPTY), role,
               FALSE);
  }
}

static void draw_line(const LfPanel *panel, const LfLine *line, int y, int lw, gboolean selected)
{
  const LfRow *row = panel->rows->pdata[line->row];
  int x = panel->x, w = panel->w, end = x + w - 1;
  lf_crt_fill(y, x, w, selected ? LF_ROLE_SELECTED : LF_ROLE_NORMAL);
  if (line->part == 0 && !row->header) {
    LfRowGeometry g = row_geometry(row, w, lw);
    if (row->badge)
      lf_crt_put(y, x + 1 + 2 * row->indent, end - x - 1, row->badge,
                 selected ? LF_ROLE_SELECTED : row->badge_role, FALSE);
    if (row->label)
      lf_crt_put(y, x + g.label_x, g.label_w, row->label,
                 selected ? LF_ROLE_SELECTED : LF_ROLE_LABEL, TRUE);
    if (g.bar_w > 0)
      draw_bar(y, x + g.bar_x, g.bar_w, row->bar, selected);
  }
  int vx = x + line->value_x;
  if (line->text && vx < end)
    lf_crt_put(y, vx, end - vx, line->text, selected ? LF_ROLE_SELECTED : row->role, TRUE);
}

void lf_panel_draw(LfPanel *panel, int y, int x, int h, int w)
{
  panel->y = y, panel->x = x, panel->h = h, panel->w = w;
  layout(panel, w);
  int n = n_lines(panel);
  if (!lf_panel_row_selectable(panel, panel->selected))
    panel->selected = -1;
  /* The view follows the selection (or a search match). */
  if (panel->selected >= 0)
    scroll_to(panel, panel->selected);
  else if (panel->mark >= 0 && panel->mark < (int)panel->rows->len)
    scroll_to(panel, panel->mark);
  panel->scroll = CLAMP(panel->scroll, 0, max_scroll(panel));
  if (panel->selected < 0 && panel->mark < 0 && panel->show_cursor)
    reselect(panel, TRUE);
  int lw = label_width(panel, w);
  for (int i = 0; i < h; i++) {
    int l = panel->scroll + i;
    if (l >= n) {
      lf_crt_fill(y + i, x, w, LF_ROLE_NORMAL);
      continue;
    }
    const LfLine *line = &g_array_index(panel->lines, LfLine, l);
    gboolean hl = (int)line->row == panel->selected || (int)line->row == panel->mark;
    draw_line(panel, line, y + i, lw, hl);
  }
  /* More above or below: say so in the right margin. */
  if (panel->scroll > 0)
    lf_crt_put(y, x + w - 1, 1, "^", LF_ROLE_DIM, FALSE);
  if (panel->scroll + h < n)
    lf_crt_put(y + h - 1, x + w - 1, 1, "v", LF_ROLE_DIM, FALSE);
}

/* --- moving ------------------------------------------------------------- */

void lf_panel_select(LfPanel *panel, int index)
{
  panel->mark = -1;
  panel->selected = lf_panel_row_selectable(panel, index) ? index : -1;
}

void lf_panel_show(LfPanel *panel, int index)
{
  if (lf_panel_row_selectable(panel, index)) {
    lf_panel_select(panel, index);
    return;
  }
  panel->selected = -1;
  panel->mark = index >= 0 && index < (int)panel->rows->len ? index : -1;
}

void lf_panel_scroll_by(LfPanel *panel, int lines)
{
  if (panel->layout_w < 0)
    return;
  panel->mark = -1;
  panel->scroll = CLAMP(panel->scroll + lines, 0, max_scroll(panel));
  if (panel->show_cursor)
    reselect(panel, lines > 0);
}

/* One step of j (dir 1) or k (-1): the next actionable row when it is in
 * view, else one line of scrolling. */
static void step(LfPanel *panel, int dir)
{
  int from = panel->selected >= 0 ? panel->selected : panel->mark;
  panel->mark = -1;
  if (from < 0) {
    reselect(panel, dir > 0);
    if (panel->selected >= 0)
      return;
    lf_panel_scroll_by(panel, dir);
    return;
  }
  /* A row partly in view is taken, and the next draw shows all of it. */
  int next = next_selectable(panel, from, dir);
  if (next >= 0 && row_touched(panel, next)) {
    panel->selected = next;
    return;
  }
  int old = panel->scroll;
  panel->scroll = CLAMP(panel->scroll + dir, 0, max_scroll(panel));
  if (panel->scroll == old) {
    if (next >= 0)
      panel->selected = next;
    return;
  }
  if (next >= 0 && row_touched(panel, next))
    panel->selected = next;
  else
    reselect(panel, dir > 0);
}

LfHandlerResult lf_panel_key(LfPanel *panel, int key)
{
  if (panel->layout_w < 0)
    return LF_IGNORED;
  int page = MAX(1, panel->h - 1);
  gboolean cursor = panel->show_cursor && has_selectable(panel);
  switch (key) {
  case KEY_UP: case 'k':
    if (cursor)
      step(panel, -1);
    else
      lf_panel_scroll_by(panel, -1);
    break;
  case KEY_DOWN: case 'j':
    if (cursor)
      step(panel, 1);
    else
      lf_panel_scroll_by(panel, 1);
    break;
  case KEY_PPAGE: lf_panel_scroll_by(panel, -page); break;
  case KEY_NPAGE: case ' ': lf_panel_scroll_by(panel, page); break;
  case KEY_HOME: case 'g':
  case KEY_END: case 'G': {
    /* The first or last action, or the very top or bottom without one. */
    gboolean home = key == KEY_HOME || key == 'g';
    panel->mark = -1;
    panel->scroll = home ? 0 : max_scroll(panel);
    panel->selected = cursor ? next_selectable(panel, home ? -1 : (int)panel->rows->len,
                                               home ? 1 : -1)
                             : -1;
    if (panel->selected >= 0)
      scroll_to(panel, panel->selected);
    break;
  }
  default: return LF_IGNORED;
  }
  return LF_HANDLED;
}

LfRow *lf_panel_selected(LfPanel *panel)
{
  if (!lf_panel_row_selectable(panel, panel->selected))
    return NULL;
  return panel->rows->pdata[panel->selected];
}

gboolean lf_panel_contains(const LfPanel *panel, int y, int x)
{
  return panel->h > 0 && y >= panel->y && y < panel->y + panel->h && x >= panel->x &&
         x < panel->x + panel->w;
}

int lf_panel_row_at(const LfPanel *panel, int y, int x)
{
  if (!lf_panel_contains(panel, y, x) || panel->layout_w < 0)
    return -1;
  int l = panel->scroll + (y - panel->y);
  if (l >= n_lines(panel))
    return -1;
  return (int)g_array_index(panel->lines, LfLine, l).row;
}

/* --- search ------------------------------------------------------------- */

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
