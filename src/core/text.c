/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "core/text.h"

#include <string.h>

gboolean lf_text_unsafe_char(gunichar c)
{
  return c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0x202a && c <= 0x202e) ||
         (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029 || c == 0xfffe ||
         c == 0xffff;
}

char *lf_text_sanitize(const char *text)
{
  if (text == NULL)
    return NULL;
  GString *s = g_string_sized_new(strlen(text));
  const char *p = text;
  while (*p) {
    gunichar c = g_utf8_get_char_validated(p, -1);
    if (c == (gunichar)-1 || c == (gunichar)-2) {
      g_string_append_c(s, '?');      /* one '?' per invalid byte */
      p++;
      continue;
    }
    if (c == '\t' || c == '\n' || c == '\r')
      g_string_append_c(s, ' ');
    else if (lf_text_unsafe_char(c))
      g_string_append_c(s, '?');
    else
      g_string_append_unichar(s, c);
    p = g_utf8_next_char(p);
  }
  return g_string_free(s, FALSE);
}

static gsize char_width(gunichar c)
{
  if (g_unichar_iszerowidth(c))
    return 0;
  return g_unichar_iswide(c) ? 2 : 1;
}

gsize lf_text_width(const char *clean)
{
  gsize w = 0;
  for (const char *p = clean; *p; p = g_utf8_next_char(p))
    w += char_width(g_utf8_get_char(p));
  return w;
}

char *lf_text_fit(const char *text, gsize width)
{
  g_autofree char *clean = lf_text_sanitize(text ? text : "");
  GString *s = g_string_sized_new(strlen(clean) + width);
  gsize w = 0;
  for (const char *p = clean; *p; p = g_utf8_next_char(p)) {
    gsize cw = char_width(g_utf8_get_char(p));
    if (w + cw > width)
      break;
    g_string_append_len(s, p, g_utf8_next_char(p) - p);
    w += cw;
  }
  for (; w < width; w++)
    g_string_append_c(s, ' ');
  return g_string_free(s, FALSE);
}

char *lf_text_csv_cell(const char *text)
{
  if (text == NULL)
    return g_strdup("");
  g_autofree char *clean = lf_text_sanitize(text);
  if (strchr("=+-@\t\r", text[0]) != NULL && text[0] != '\0')
    return g_strconcat("'", clean, NULL);
  return g_steal_pointer(&clean);
}
