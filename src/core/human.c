/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Text for people (see human.h). */
#include "core/human.h"
#include "core/data-text.h"
#include "core/text.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* --- numbers and units ---------------------------------------------------- */

char *lf_human_number(double v, int decimals)
{
  /* printf follows LC_NUMERIC: the decimal comma and, with ', digit grouping. */
  char *s = g_strdup_printf("%'.*f", decimals, v);
  return s;
}

/* "4.0" is shown as "4": whole figures read better in sentences. */
static int decimals_for(double v)
{
  return v < 100 && v != (double)(gint64)v ? 1 : 0;
}

char *lf_human_mb(gint64 mb)
{
  if (!lf_known_int(mb))
    return NULL;
  if (mb < 1024) {
    g_autofree char *n = lf_human_number((double)mb, 0);
    /* TRANSLATORS: memory in mebibytes (binary), e.g. "512 MiB" */
    return g_strdup_printf(_("%s MiB"), n);
  }
  double gib = mb / 1024.0;
  gib = (double)(gint64)(gib * 10 + 0.5) / 10;
  g_autofree char *n = lf_human_number(gib, decimals_for(gib));
  /* TRANSLATORS: memory in gibibytes (binary), e.g. "3.8 GiB" */
  return g_strdup_printf(_("%s GiB"), n);
}

char *lf_human_gb(double gb)
{
  if (!lf_known_num(gb))
    return NULL;
  double r = gb < 100 ? (double)(gint64)(gb * 10 + 0.5) / 10 : (double)(gint64)(gb + 0.5);
  g_autofree char *n = lf_human_number(r, decimals_for(r));
  /* TRANSLATORS: disk size in decimal gigabytes, as on the label, e.g. "320 GB" */
  return g_strdup_printf(_("%s GB"), n);
}

char *lf_human_duration(gint64 seconds)
{
  if (!lf_known_int(seconds) || seconds < 0)
    return NULL;
  gint64 minutes = (seconds + 30) / 60;     /* the nearest minute, in every front end */
  if (minutes < 60)
    return g_strdup_printf(ngettext("%" PRId64 " minute", "%" PRId64 " minutes", (gulong)minutes),
                           minutes);
  /* TRANSLATORS: hours and minutes of battery time, e.g. "3 h 05 min" */
  return g_strdup_printf(_("%" PRId64 " h %02" PRId64 " min"), minutes / 60, minutes % 60);
}

char *lf_human_cores(gint64 cores, gint64 threads)
{
  g_autofree char *c = lf_known_int(cores)
                           ? g_strdup_printf(ngettext("%" PRId64 " core", "%" PRId64 " cores",
                                                      (gulong)cores),
                                             cores)
                           : g_strdup(_("number of cores unknown"));
  g_autofree char *t = lf_known_int(threads)
                           ? g_strdup_printf(ngettext("%" PRId64 " thread", "%" PRId64 " threads",
                                                      (gulong)threads),
                                             threads)
                           : g_strdup(_("number of threads unknown"));
  /* TRANSLATORS: core count, then thread count, e.g. "2 cores, 4 threads" */
  return g_strdup_printf(_("%s, %s"), c, t);
}

/* --- the machine ------------------------------------------------------------ */
/* The translation of msgid, or NULL when the language has none (English). */
static const char *translated(const char *msgid)
{
  const char *t = _(msgid);
  return t == msgid ? NULL : t;
}

/* Intel's "8th gen Core" family of generation names, with the number taken
 * out so each language writes its own ordinal; other names with words ("Ryzen
 * 4000 mobile") come from the catalogue, brand names (Pentium) stay. English
 * keeps the table's text. */
char *lf_human_generation(const char *gen)
{
  /* TRANSLATORS: an Intel Core generation; %d is its number (8 for "8th gen Core"), %s the
   * rest of the name (may be empty). Write the ordinal as your language does. */
  static const char one_id[] = N_("%d-th gen Core%s");
  /* TRANSLATORS: a range of Intel Core generations, e.g. "7th to 10th gen Core" */
  static const char to_id[] = N_("%d-th to %d-th gen Core%s");
  /* TRANSLATORS: one of two Intel Core generations, e.g. "8th or 10th gen Core" */
  static const char or_id[] = N_("%d-th or %d-th gen Core%s");
  /* TRANSLATORS: a server generation in parentheses, e.g. "Xeon Scalable (5th gen)" */
  static const char paren_id[] = N_("(%d-th gen)");
  static GRegex *one, *two, *paren;
  static gsize once;
  if (gen == NULL)
    return NULL;
  if (g_once_init_enter(&once)) {
    one = g_regex_new("^(\\d+)(?:st|nd|rd|th) gen(?:eration)? Core(.*)$", G_REGEX_OPTIMIZE, 0,
                      NULL);
    two = g_regex_new("^(\\d+)(?:st|nd|rd|th) (to|or) (\\d+)(?:st|nd|rd|th) gen Core(.*)$",
                      G_REGEX_OPTIMIZE, 0, NULL);
    paren = g_regex_new("^(.*)\\((\\d+)(?:st|nd|rd|th) gen\\)(.*)$", G_REGEX_OPTIMIZE, 0, NULL);
    g_once_init_leave(&once, 1);
  }
  const char *f;
  g_autoptr(GMatchInfo) m = NULL;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  if ((f = translated(one_id)) && g_regex_match(one, gen, 0, &m)) {
    g_autofree char *n = g_match_info_fetch(m, 1), *rest = g_match_info_fetch(m, 2);
    return g_strdup_printf(f, atoi(n), rest);
  }
  g_clear_pointer(&m, g_match_info_free);
  if (g_regex_match(two, gen, 0, &m)) {
    g_autofree char *a = g_match_info_fetch(m, 1), *w = g_match_info_fetch(m, 2);
    g_autofree char *b = g_match_info_fetch(m, 3), *rest = g_match_info_fetch(m, 4);
    if ((f = translated(g_str_equal(w, "to") ? to_id : or_id)))
      return g_strdup_printf(f, atoi(a), atoi(b), rest);
  }
  g_clear_pointer(&m, g_match_info_free);
  if ((f = translated(paren_id)) && g_regex_match(paren, gen, 0, &m)) {
    g_autofree char *pre = g_match_info_fetch(m, 1), *n = g_match_info_fetch(m, 2);
    g_autofree char *post = g_match_info_fetch(m, 3);
    g_autofree char *mid = g_strdup_printf(f, atoi(n));
    return g_strdup_printf("%s%s%s", pre, mid, post);
  }
#pragma GCC diagnostic pop
  /* Names with words ("Ryzen 4000 mobile") are in the catalogue (db/dbgen --pot-out). */
  return g_strdup(lf_data_text(LF_DATA_CPU_GENERATION, gen));
}


char *lf_human_model(const LfMachine *m)
{
  const char *vendor = m->vendor && *m->vendor ? m->vendor : NULL;
  const char *product = m->product && *m->product ? m->product : NULL;
  if (vendor && product)
    return g_strdup_printf("%s %s", vendor, product);
  if (product)
    /* TRANSLATORS: the firmware names the model but not its maker */
    return g_strdup_printf(_("%s (maker unknown)"), product);
  if (vendor)
    /* TRANSLATORS: the firmware names the maker but not the model */
    return g_strdup_printf(_("%s (model unknown)"), vendor);
  return g_strdup(_("maker and model unknown: the firmware does not name them"));
}

const char *lf_human_chassis(const char *code)
{
  if (code == NULL || g_str_equal(code, "unknown"))
    return _("kind unknown: the firmware does not say whether this is a laptop");
  if (g_str_equal(code, "notebook"))
    return _("laptop");
  if (g_str_equal(code, "convertible"))
    return _("convertible laptop (folds into a tablet)");
  if (g_str_equal(code, "tablet"))
    return _("tablet");
  if (g_str_equal(code, "desktop"))
    return _("desktop computer");
  if (g_str_equal(code, "server"))
    return _("server");
  if (g_str_equal(code, "vm"))
    return _("virtual machine");
  return code;
}

const char *lf_human_isa(const LfCpu *c)
{
  const char *l = c->isa_level;
  if (l == NULL)
    return _("CPU level unknown: which editions run could not be checked");
  if (g_str_equal(l, "i686") || g_str_equal(l, "i586") || g_str_equal(l, "i486") ||
      g_str_equal(l, "i386"))
    return g_str_equal(l, "i686") ? _("32-bit only CPU: 64-bit editions will not run")
                                  : _("old 32-bit only CPU: 64-bit editions and most 32-bit "
                                      "ones will not run");
  if (g_str_equal(l, "x86-64-v1") || g_str_equal(l, "x86-64"))
    return _("64-bit CPU of the first generation: editions that need x86-64-v2 or newer will "
             "not run");
  if (g_str_equal(l, "x86-64-v2"))
    return _("64-bit CPU: editions that need x86-64-v3 will not run");
  if (g_str_has_prefix(l, "x86-64-v"))
    return _("64-bit CPU: every 64-bit edition runs");
  return _("not an x86 CPU: only editions built for its architecture run");
}

const char *lf_human_cpu_features(const LfCpu *c)
{
  if (c->bits != 32 && !(c->isa_level && g_str_has_prefix(c->isa_level, "i")))
    return NULL;                      /* 64-bit CPUs have all of them */
  if (g_strcmp0(c->pae_note, "hidden") == 0)
    return _("PAE works but is not advertised: 32-bit editions that need PAE boot only with "
             "the forcepae option");
  if (c->pae == LF_TRI_FALSE)
    return _("no PAE: most current 32-bit editions will not run");
  if (c->sse2 == LF_TRI_FALSE)
    return _("no SSE2: editions built for SSE2 will not run or will be slow");
  if (c->pae == LF_TRI_TRUE && c->sse2 == LF_TRI_TRUE)
    return _("PAE and SSE2 present: current 32-bit editions run");
  return _("PAE or SSE2 unknown: 32-bit editions that need them could not be checked");
}

const char *lf_human_storage_kind(const char *kind)
{
  if (kind == NULL || g_str_equal(kind, "unknown"))
    return _("disk of unknown kind");
  if (g_str_equal(kind, "nvme"))
    return _("NVMe SSD");
  if (g_str_equal(kind, "ssd"))
    return _("SATA SSD");
  if (g_str_equal(kind, "hdd"))
    /* TRANSLATORS: a spinning hard disk */
    return _("hard disk");
  if (g_str_equal(kind, "emmc"))
    return _("eMMC (soldered flash)");
  if (g_str_equal(kind, "usb"))
    return _("USB drive");
  if (g_str_equal(kind, "sd"))
    return _("SD card");
  if (g_str_equal(kind, "virtual"))
    /* TRANSLATORS: a virtual machine's disk (virtio, VMware, VirtualBox, Hyper-V) */
    return _("virtual disk");
  return kind;
}

char *lf_human_storage(const LfStorage *s)
{
  g_autofree char *size = lf_human_gb(s->size_gb);
  /* TRANSLATORS: disk kind, size and model, e.g. "hard disk, 320 GB, HGST HTS725032A7E630" */
  g_autofree char *desc = g_strdup_printf(_("%s, %s, %s"), lf_human_storage_kind(s->kind),
                                          size ? size : _("size unknown"),
                                          s->model ? s->model : _("model unknown"));
  if (s->boot_medium == LF_TRI_TRUE)
    return g_strdup_printf(_("%s (lapfit runs from here)"), desc);
  return g_steal_pointer(&desc);
}

const char *lf_human_battery_state(const char *state)
{
  if (g_strcmp0(state, "charging") == 0)
    return _("charging");
  if (g_strcmp0(state, "discharging") == 0)
    return _("discharging");
  if (g_strcmp0(state, "full") == 0)
    /* TRANSLATORS: battery state */
    return _("full");
  if (g_strcmp0(state, "not-charging") == 0)
    return _("not charging");
  return _("state unknown");
}

/* --- columns -------------------------------------------------------------- */

char *lf_human_pad(const char *text, int width)
{
  g_autofree char *clean = lf_text_sanitize(text ? text : "");
  return lf_text_fit(clean, MAX((gsize)MAX(width, 0), lf_text_width(clean)));
}

/* --- figures in sentences ----------------------------------------------------
 * A figure is "\x1d" NUMBER "\x1e" UNIT "\x1f": NUMBER in the C locale, UNIT
 * one of the units below. The markers never leave lapfit: every sentence goes
 * through lf_figures_plain() or lf_figures_local() before it is stored. */

#define FIG_OPEN '\x1d'
#define FIG_SEP '\x1e'
#define FIG_CLOSE '\x1f'

static char *figure(double v, int decimals, const char *unit)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_ascii_formatd(buf, sizeof buf, decimals ? "%.1f" : "%.0f", v);
  return g_strdup_printf("%c%s%c%s%c", FIG_OPEN, buf, FIG_SEP, unit, FIG_CLOSE);
}

char *lf_figure_mb(gint64 mb)
{
  if (!lf_known_int(mb))
    return g_strdup("?");
  if (mb < 1024)
    return figure((double)mb, 0, "MiB");
  double gib = (double)(gint64)(mb / 1024.0 * 10 + 0.5) / 10;
  return figure(gib, decimals_for(gib), "GiB");
}

char *lf_figure_gb(double gb)
{
  if (!lf_known_num(gb))
    return g_strdup("?");
  double r = gb < 100 ? (double)(gint64)(gb * 10 + 0.5) / 10 : (double)(gint64)(gb + 0.5);
  return figure(r, decimals_for(r), "GB");
}

#define PHRASE '\x1c'
#define PHRASE_ARG '\x1b'

char *lf_phrase(const char *msgid, ...)
{
  GString *s = g_string_new(NULL);
  g_string_append_c(s, PHRASE);
  g_string_append(s, msgid);
  va_list ap;
  va_start(ap, msgid);
  for (const char *p = msgid; (p = strstr(p, "%s")) != NULL; p += 2) {
    g_string_append_c(s, PHRASE_ARG);
    g_string_append(s, va_arg(ap, const char *));
  }
  va_end(ap);
  g_string_append_c(s, PHRASE);
  return g_string_free(s, FALSE);
}

/* A data file's text (lf_data_phrase()): "CONTEXT\004TEXT", no directives. */
char *lf_data_phrase(const char *context, const char *text)
{
  if (text == NULL)
    return NULL;
  return g_strdup_printf("%c%s\004%s%c", PHRASE, context, text, PHRASE);
}

/* msgid (translated when local) with its %s (or %N$s) filled from args. */
static void phrase_render(GString *out, const char *body, gboolean local)
{
  if (*body == '\0' || *body == PHRASE_ARG)
    return;  /* not one lapfit built (and _("") would be the catalogue's header) */
  const char *ctx_end = strchr(body, '\004');
  if (ctx_end != NULL) {
    gsize offset = (gsize)(ctx_end - body) + 1;
    g_string_append(out, local ? g_dpgettext(NULL, body, offset) : body + offset);
    return;
  }
  g_auto(GStrv) parts = g_strsplit(body, (char[]){ PHRASE_ARG, 0 }, -1);
  const char *fmt = local ? _(parts[0]) : parts[0];
  guint n = g_strv_length(parts) - 1, next = 0;
  for (const char *p = fmt; *p; p++) {
    if (*p != '%') {
      g_string_append_c(out, *p);
      continue;
    }
    guint index = next++;
    const char *q = p + 1;
    if (g_ascii_isdigit(*q) && q[1] == '$') {
      index = (guint)(*q - '1');
      q += 2;
    }
    if (*q == 's') {
      if (index < n)
        g_string_append(out, parts[index + 1]);
      p = q;
    } else if (*q == '%') {
      g_string_append_c(out, '%');
      p = q;
    } else {
      g_string_append_c(out, *p);
    }
  }
}

/* One pass over text: each complete phrase rendered; *rendered says whether any was. */
static char *phrases_render_once(const char *text, gboolean local, gboolean *rendered)
{
  GString *flat = g_string_new(NULL);
  *rendered = FALSE;
  for (const char *p = text; *p;) {
    const char *open = strchr(p, PHRASE);
    const char *close = open ? strchr(open + 1, PHRASE) : NULL;
    if (close == NULL) {
      g_string_append(flat, p);
      break;
    }
    g_string_append_len(flat, p, open - p);
    g_autofree char *body = g_strndup(open + 1, close - open - 1);
    phrase_render(flat, body, local);
    *rendered = TRUE;
    p = close + 1;
  }
  return g_string_free(flat, FALSE);
}

/* Phrases nest (an argument may itself be a phrase) a few levels deep at most. Text
 * from a report may carry the marker bytes itself: the passes are bounded, and markers
 * left over (unpaired, or nested deeper than lapfit ever builds) are dropped. */
static char *phrases_render(const char *text, gboolean local)
{
  char *cur = g_strdup(text ? text : "");
  for (guint depth = 0; depth < 8 && strchr(cur, PHRASE); depth++) {
    gboolean rendered;
    char *next = phrases_render_once(cur, local, &rendered);
    g_free(cur);
    cur = next;
    if (!rendered)
      break;
  }
  char *w = cur;
  for (const char *r = cur; *r; r++)
    if (*r != PHRASE && *r != PHRASE_ARG)
      *w++ = *r;
  *w = '\0';
  return cur;
}

static char *figures_render(const char *raw, gboolean local)
{
  /* Phrases first: their arguments may hold figures. */
  g_autofree char *text = phrases_render(raw, local);
  GString *out = g_string_new(NULL);
  for (const char *p = text; *p;) {
    const char *open = strchr(p, FIG_OPEN);
    const char *sep = open ? strchr(open, FIG_SEP) : NULL;
    const char *close = sep ? strchr(sep, FIG_CLOSE) : NULL;
    if (close == NULL) {
      g_string_append(out, p);
      break;
    }
    g_string_append_len(out, p, open - p);
    g_autofree char *num = g_strndup(open + 1, sep - open - 1);
    g_autofree char *unit = g_strndup(sep + 1, close - sep - 1);
    if (!local) {
      g_string_append_printf(out, "%s %s", num, unit);
    } else {
      double v = g_ascii_strtod(num, NULL);
      g_autofree char *n = lf_human_number(v, strchr(num, '.') ? 1 : 0);
      /* The units as lf_human_mb()/lf_human_gb() translate them. */
      if (g_str_equal(unit, "MiB"))
        g_string_append_printf(out, _("%s MiB"), n);
      else if (g_str_equal(unit, "GiB"))
        g_string_append_printf(out, _("%s GiB"), n);
      else
        g_string_append_printf(out, _("%s GB"), n);
    }
    p = close + 1;
  }
  return g_string_free(out, FALSE);
}

char *lf_figures_plain(const char *text)
{
  return figures_render(text, FALSE);
}

char *lf_figures_local(const char *text)
{
  return figures_render(text, TRUE);
}
