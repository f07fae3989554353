/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Recommend: every edition as the recommender ranked it, a details pane with
 * its reasons and upgrade advice, filters by use and by verdict. */
#include <glib/gi18n.h>

#include "tui.h"
#include "verdicts.h"

typedef struct {
  int verdict_filter;       /* index into verdict_filters */
} LfRecommendView;

/* Which verdicts the list shows: all (INFO stands for "no filter"), or one status. */
static const LfStatus verdict_filters[] = { LF_STATUS_INFO, LF_STATUS_PASS, LF_STATUS_WARN,
                                            LF_STATUS_FAIL };
static const char *const uses[] = { "desktop", "server", "kiosk" };

static LfRecommendView *priv(LfView *view)
{
  if (view->priv == NULL) {
    view->priv = g_new0(LfRecommendView, 1);
    view->free_priv = g_free;
  }
  return view->priv;
}

static const char *use_name(const char *use)
{
  if (use == NULL || g_str_equal(use, "desktop"))
    return _("desktop");
  if (g_str_equal(use, "server"))
    return _("server");
  if (g_str_equal(use, "kiosk"))
    return _("kiosk");
  return use;
}

static const char *filter_name(LfStatus filter)
{
  switch (filter) {
  case LF_STATUS_PASS: return _("PASS only");
  case LF_STATUS_WARN: return _("WARN only");
  case LF_STATUS_FAIL: return _("FAIL only");
  case LF_STATUS_INFO: break;
  }
  return _("all verdicts");
}

static void recommend_build(LfTui *tui, LfView *view, int width)
{
  LfRecommendView *rv = priv(view);
  const GError *error = NULL;
  LfTuiVerdicts *v = lf_tui_verdicts(tui, &error);
  if (v == NULL) {
    lf_panel_add_text(&view->list, error ? error->message : _("unknown"), LF_ROLE_DIM);
    return;
  }
  LfStatus filter = verdict_filters[rv->verdict_filter];
  guint shown = 0;
  for (guint i = 0; i < v->editions->len; i++) {
    LfTuiEdition *e = v->editions->pdata[i];
    if (filter != LF_STATUS_INFO && e->verdict->status != filter)
      continue;
    shown++;
    LfRow *row = lf_panel_add(&view->list, NULL, NULL);
    row->value = e->summary ? g_strdup_printf("%s  %s", e->name, e->summary) : g_strdup(e->name);
    row->badge = g_strdup(lf_fmt_verdict_badge(e->verdict->status, &row->badge_role));
    row->data = e;
    if (tui->rec_focus && g_str_equal(tui->rec_focus, e->verdict->edition->id)) {
      lf_panel_select(&view->list, (int)view->list.rows->len - 1);
      g_clear_pointer(&tui->rec_focus, g_free);
    }
  }
  if (shown == 0)
    lf_panel_add_text(&view->list, _("No edition matches this filter (v changes it)."),
                      LF_ROLE_DIM);
  if (!tui->rec.include_eol)
    lf_panel_add_text(&view->list, _("Editions whose support has ended are hidden; e shows them."),
                      LF_ROLE_DIM);
}

static void add_item(LfPanel *p, const char *text, LfRole role)
{
  LfRow *row = lf_panel_add_text(p, text, role);
  row->badge = g_strdup("-");       /* a hanging indent: wrapped lines start after it */
  row->badge_role = role;
}

static void add_list(LfPanel *p, const char *title, const GPtrArray *items, LfRole role)
{
  if (items == NULL || items->len == 0)
    return;
  lf_panel_add_blank(p);
  lf_panel_add_header(p, title);
  for (guint i = 0; i < items->len; i++)
    add_item(p, items->pdata[i], role);
}

/* The recommender's advice, cheapest first, in the user's language. */
static void add_advice(LfPanel *p, const GPtrArray *advice)
{
  if (advice->len == 0)
    return;
  lf_panel_add_blank(p);
  lf_panel_add_header(p, _("Upgrade advice"));
  for (guint i = 0; i < advice->len; i++) {
    const LfAdvice *a = advice->pdata[i];
    add_item(p, a->text ? a->text : a->message, LF_ROLE_PASS);
  }
}

static void add_reasons(LfPanel *p, const GPtrArray *reasons)
{
  if (reasons->len == 0)
    return;
  lf_panel_add_blank(p);
  lf_panel_add_header(p, _("Reasons"));
  for (guint i = 0; i < reasons->len; i++) {
    const LfReason *r = reasons->pdata[i];
    gboolean info = r->status == LF_STATUS_INFO;
    LfRow *line = lf_panel_add_text(p, r->text ? r->text : r->message,
                                    info ? LF_ROLE_DIM : LF_ROLE_NORMAL);
    line->badge_role = LF_ROLE_DIM;
    /* TRANSLATORS: badge of a reason that is a note, not a verdict; at most 5 letters */
    line->badge = info ? lf_fmt_badge("-", C_("verdict", "note"))
                       : g_strdup(lf_fmt_verdict_badge(r->status, &line->badge_role));
  }
}

/* The details of the selected edition; a new selection starts at the top. */
static void build_detail(LfTui *tui, LfView *view)
{
  LfPanel *p = &view->detail;
  lf_panel_reset(p);
  LfRow *sel = lf_panel_selected(&view->list);
  const LfTuiEdition *e = sel ? sel->data : NULL;
  if (e != view->detail_for) {
    view->detail_for = e;
    p->scroll = 0;
  }
  if (e == NULL)
    return;
  LfRow *row = lf_panel_add(p, NULL, e->name);
  row->badge = g_strdup(lf_fmt_verdict_badge(e->verdict->status, &row->badge_role));
  row->role = LF_ROLE_HEADER;
  if (e->summary)
    lf_panel_add_wrapped(p, e->summary, LF_ROLE_NORMAL, 0);
  add_reasons(p, e->verdict->reasons);
  add_advice(p, e->verdict->advice);
  add_list(p, _("About this edition"), e->info, LF_ROLE_DIM);
  const GError *error = NULL;
  LfTuiVerdicts *v = lf_tui_verdicts(tui, &error);
  const char *order = v ? (v->rec->order_text ? v->rec->order_text : v->rec->order_message)
                        : NULL;
  if (order) {
    lf_panel_add_blank(p);
    lf_panel_add_wrapped(p, order, LF_ROLE_DIM, 0);
  }
}

static void recommend_draw(LfTui *tui, LfView *view, int y, int h)
{
  LfRecommendView *rv = priv(view);
  g_autofree char *line = g_strdup_printf(_("Use: %s    Showing: %s"), use_name(tui->rec.use),
                                          filter_name(verdict_filters[rv->verdict_filter]));
  lf_crt_fill(y, 0, COLS, LF_ROLE_NORMAL);
  lf_crt_put(y, 1, COLS - 2, line, LF_ROLE_DIM, TRUE);
  y++, h--;
  if (COLS >= 110) {
    int lw = COLS * 9 / 20;
    lf_panel_draw(&view->list, y, 0, h, lw);
    for (int i = 0; i < h; i++)
      lf_crt_put(y + i, lw, 1, lf_crt_glyph(LF_GLYPH_SEP), LF_ROLE_DIM, FALSE);
    build_detail(tui, view);
    lf_panel_draw(&view->detail, y, lw + 1, h, COLS - lw - 1);
  } else {
    int lh = MAX(3, h / 2);
    lf_panel_draw(&view->list, y, 0, lh, COLS);
    attrset(lf_crt_attr(LF_ROLE_DIM));
    mvhline(y + lh, 0, ACS_HLINE, COLS);
    attrset(A_NORMAL);
    build_detail(tui, view);
    lf_panel_draw(&view->detail, y + lh + 1, 0, h - lh - 1, COLS);
  }
}

static LfHandlerResult recommend_key(LfTui *tui, LfView *view, int key)
{
  LfRecommendView *rv = priv(view);
  switch (key) {
  case '\r': case '\n': case KEY_ENTER:
    if (lf_panel_selected(&view->list)) {
      build_detail(tui, view);
      view->detail.scroll = 0;
      view->detail_open = !view->detail_open;
    }
    return LF_HANDLED;
  case 'u': {
    int i = 0;
    for (gsize k = 0; k < G_N_ELEMENTS(uses); k++)
      if (g_strcmp0(uses[k], tui->rec.use) == 0)
        i = (int)k;
    lf_tui_set_use(tui, uses[(i + 1) % G_N_ELEMENTS(uses)], tui->rec.include_eol);
    lf_panel_select(&view->list, 0);
    view->list.scroll = 0;
    lf_tui_set_status(tui, FALSE, _("Ranked for: %s"), use_name(tui->rec.use));
    return LF_HANDLED | LF_REDRAW;
  }
  case 'e':
    lf_tui_set_use(tui, tui->rec.use, !tui->rec.include_eol);
    lf_panel_select(&view->list, 0);
    view->list.scroll = 0;
    lf_tui_set_status(tui, FALSE, "%s",
                      tui->rec.include_eol ? _("Editions whose support has ended are shown.")
                                           : _("Editions whose support has ended are hidden."));
    return LF_HANDLED | LF_REDRAW;
  case 'v':
    rv->verdict_filter = (rv->verdict_filter + 1) % (int)G_N_ELEMENTS(verdict_filters);
    lf_panel_select(&view->list, 0);
    view->list.scroll = 0;
    return LF_HANDLED | LF_REDRAW;
  default:
    return LF_IGNORED;
  }
}

static const LfKeyHint *recommend_hints(LfTui *tui, LfView *view)
{
  static const LfKeyHint hints[] = {
    { "u", N_("Use") },
    { "v", N_("Verdict") },
    { "e", N_("Ended") },
    { NULL, NULL },
  };
  return hints;
}

const LfViewClass lf_view_recommend_class = {
  .id = "recommend",
  /* TRANSLATORS: screen (tab) name; keep it short */
  .name = N_("Recommend"),
  .build = recommend_build,
  .draw = recommend_draw,
  .key = recommend_key,
  .enter_hint = N_("Details"),
  .hints = recommend_hints,
};
