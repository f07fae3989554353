/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Human text for the TUI: translated, locale-formatted numbers (this is
 * never machine output), "unknown" where the probe could not tell. */
#include <glib/gi18n.h>
#include <inttypes.h>

#include "core/human.h"
#include "tui.h"

const char *lf_fmt_or_unknown(const char *s)
{
  return s && *s ? s : _("unknown");
}

char *lf_fmt_mb(gint64 mb)
{
  char *s = lf_human_mb(mb);
  return s ? s : g_strdup(_("unknown"));
}

char *lf_fmt_num(double v, const char *unit_format)
{
  if (!lf_known_num(v))
    return g_strdup(_("unknown"));
  /* unit_format comes from _() with one %f directive (checked by msgfmt). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  return g_strdup_printf(unit_format, v);
#pragma GCC diagnostic pop
}

char *lf_fmt_int(gint64 v)
{
  if (!lf_known_int(v))
    return g_strdup(_("unknown"));
  return g_strdup_printf("%" PRId64, v);
}

char *lf_fmt_duration(gint64 seconds)
{
  char *s = lf_human_duration(seconds);   /* the CLI's rounding too */
  return s ? s : g_strdup(_("unknown"));
}

char *lf_fmt_join(const GPtrArray *strv, const char *sep)
{
  if (strv == NULL || strv->len == 0)
    return NULL;
  GString *s = g_string_new(NULL);
  for (guint i = 0; i < strv->len; i++)
    g_string_append_printf(s, "%s%s", i ? sep : "", (const char *)strv->pdata[i]);
  return g_string_free(s, FALSE);
}

/* The widest verdict word as the terminal shows it: badges pad to it. */
static int verdict_word_width(void)
{
  const char *words[] = {
    C_("verdict", "PASS"), C_("verdict", "WARN"), C_("verdict", "FAIL"), C_("verdict", "?"),
    C_("verdict", "note"),
  };
  int w = 0;
  for (gsize i = 0; i < G_N_ELEMENTS(words); i++)
    w = MAX(w, lf_crt_width(words[i]));
  return w;
}

char *lf_fmt_badge(const char *glyph, const char *word)
{
  int pad = MAX(0, verdict_word_width() - lf_crt_width(word));
  return g_strdup_printf("%s %s%*s", glyph, word, pad, "");
}

const char *lf_fmt_verdict_badge(LfStatus status, LfRole *role)
{
  /* The glyph says it without colour; the word is padded to the widest one.
   * Kept per verdict until the next call for it (the UI thread only). */
  static char *buf[4];
  int i;
  const char *word;
  LfGlyph glyph;
  if (status == LF_STATUS_PASS) {
    i = 0, glyph = LF_GLYPH_PASS, *role = LF_ROLE_PASS;
    /* TRANSLATORS: verdict badge, at most 5 letters: the edition runs well */
    word = C_("verdict", "PASS");
  } else if (status == LF_STATUS_WARN) {
    i = 1, glyph = LF_GLYPH_WARN, *role = LF_ROLE_WARN;
    /* TRANSLATORS: verdict badge, at most 5 letters: runs with limitations */
    word = C_("verdict", "WARN");
  } else if (status == LF_STATUS_FAIL) {
    i = 2, glyph = LF_GLYPH_FAIL, *role = LF_ROLE_FAIL;
    /* TRANSLATORS: verdict badge, at most 5 letters: will not install or run */
    word = C_("verdict", "FAIL");
  } else {
    i = 3, glyph = LF_GLYPH_WARN, *role = LF_ROLE_DIM;
    /* TRANSLATORS: verdict badge, at most 5 letters: could not be checked */
    word = C_("verdict", "?");
  }
  g_free(buf[i]);
  buf[i] = lf_fmt_badge(i == 3 ? "?" : lf_crt_glyph(glyph), word);
  return buf[i];
}
