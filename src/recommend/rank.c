/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Ranking (issue #10): who the edition is for comes before how new it is.
 *
 * The score is lexicographic, one band per key (lower ranks first):
 *   FAIL last | support ended | for a newcomer, expert editions after every
 *   other PASS or WARN | PASS before WARN | audience fit | confirmed before
 *   unconfirmed | a 32-bit edition on a 64-bit CPU | desktop weight fitted to
 *   the headroom | support left.
 * A newcomer is better served by a WARN Xubuntu than by a PASS Arch. */
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "core/data-text.h"
#include "core/human.h"
#include "recommend/recommend.h"

#define BAND_FAIL 1e7
#define BAND_ENDED 1e6
#define BAND_EXPERT 1e5
#define BAND_WARN 1e4
#define BAND_DOUBT 5e3    /* above every lower key: audience 2e3 + unconfirmed + ... */
#define BAND_AUDIENCE 1e3 /* above unconfirmed 5e2 + arch 1e2 + weight 3e1 + support 9.9 */
#define BAND_UNCONFIRMED 5e2
#define BAND_ARCH 1e2
#define BAND_WEIGHT 1e1   /* the support key below stays within 0..9.9 */

const char *lf_headroom_to_string(LfHeadroom headroom)
{
  switch (headroom) {
  case LF_HEADROOM_MODEST: return "modest";
  case LF_HEADROOM_MIDDLE: return "middle";
  case LF_HEADROOM_CAPABLE: return "capable";
  }
  return "middle";
}

LfHeadroom lf_rank_headroom(const LfRuleContext *ctx)
{
  gboolean ram_known = lf_known_int(ctx->ram_mb);
  if ((ram_known && ctx->ram_mb < 4096) || ctx->cpu_level == 0 || ctx->cpu_level == 1 ||
      ctx->report->cpu.bits == 32)
    return LF_HEADROOM_MODEST;
  /* 7 GB: an 8 GB machine judged by usable memory still counts. */
  if (ram_known && ctx->ram_mb >= 7 * 1024 && ctx->cpu_level >= 2 && !lf_disk_is_hdd(ctx->disk))
    return LF_HEADROOM_CAPABLE;
  return LF_HEADROOM_MIDDLE;
}

/* 0 is the best fit. A modest machine gets light desktops first, a capable one the
 * mainstream full desktops; no desktop at all comes last for a desktop user. */
static double weight_key(LfUse use, LfHeadroom h, LfDesktopWeight w)
{
  static const double modest[] = { 1.5, 0, 1, 2 };    /* none, light, medium, heavy */
  static const double middle[] = { 3, 1, 0, 2 };
  static const double capable[] = { 3, 2, 1, 0 };
  static const double kiosk[] = { 1.5, 0, 1, 2 };
  if (use == LF_USE_SERVER)
    return 0;
  if (use == LF_USE_KIOSK)
    return kiosk[w];
  return h == LF_HEADROOM_MODEST ? modest[w] : h == LF_HEADROOM_MIDDLE ? middle[w] : capable[w];
}

double lf_days_until(const GDate *today, const char *date)
{
  GDate d;
  if (!lf_distro_parse_date(date, TRUE, &d) || !g_date_valid(today))
    return NAN;
  return (double)g_date_days_between(today, &d);
}

/* 0..9.9, lower = more support left. A rolling release counts as supported, after
 * fixed releases with two or more years left; an unannounced end after both. */
static double support_key(const LfRecommendOptions *opts, const LfDistroEdition *e)
{
  double years;
  if (e->support_ends && g_str_equal(e->support_ends, "rolling"))
    years = 1.99;
  else if (isnan(years = lf_days_until(&opts->today, e->support_ends) / 365.25))
    years = 1.0;
  return 9.9 - CLAMP(years, 0, 9.9);
}

static int audience_distance(LfAudience want, LfAudience have)
{
  if (have == LF_AUDIENCE_UNKNOWN)
    have = LF_AUDIENCE_EXPERIENCED;
  return ABS((int)want - (int)have);
}

/* A WARN on a hard gate (CPU level, 32-bit needs, boot path) leaves open whether the image
 * installs or boots at all; a WARN on RAM, disk, Wi-Fi or support leaves a running system. */
static gboolean may_not_boot(const LfVerdict *v)
{
  static const char *const gates[] = { "arch", "isa", "cpu-32bit", "boot" };
  for (guint i = 0; i < v->reasons->len; i++) {
    const LfReason *r = v->reasons->pdata[i];
    for (guint g = 0; r->status == LF_STATUS_WARN && g < G_N_ELEMENTS(gates); g++)
      if (g_str_equal(r->check, gates[g]))
        return TRUE;
  }
  return FALSE;
}

gboolean lf_verdict_unconfirmed(const LfVerdict *v)
{
  if (g_str_equal(v->edition->confidence, "?"))
    return TRUE;
  for (guint i = 0; i < v->reasons->len; i++)
    if (((const LfReason *)v->reasons->pdata[i])->unconfirmed)
      return TRUE;
  return FALSE;
}

double lf_rank_score(const LfRuleContext *ctx, LfHeadroom h, const LfVerdict *v)
{
  const LfDistroEdition *e = v->edition;
  const LfRecommendOptions *o = ctx->opts;
  double s = 0;
  if (v->status == LF_STATUS_FAIL)
    s += BAND_FAIL;
  if (!v->supported)
    s += BAND_ENDED;
  if (o->audience == LF_AUDIENCE_NEWCOMER && e->audience == LF_AUDIENCE_EXPERT)
    s += BAND_EXPERT;
  if (v->status == LF_STATUS_WARN)
    s += BAND_WARN;
  if (v->status == LF_STATUS_WARN && may_not_boot(v))
    s += BAND_DOUBT;   /* Debian 12 that boots this tablet before Debian 13 that may not */
  s += audience_distance(o->audience, e->audience) * BAND_AUDIENCE;
  /* An answer the project confirms is the better first pick: it matters more than how
   * light the desktop is, because it is the PASS itself that may be wrong. */
  if (lf_verdict_unconfirmed(v))
    s += BAND_UNCONFIRMED;
  if (g_str_equal(e->arch, "i686") && ctx->cpu_level >= 1)
    s += BAND_ARCH;   /* a 32-bit edition wastes a 64-bit CPU */
  s += weight_key(o->use, h, e->weight) * BAND_WEIGHT;
  if (o->use == LF_USE_SERVER)
    s += support_key(o, e) * BAND_WEIGHT;   /* server: the longest support decides */
  else
    s += support_key(o, e);
  return s;
}

static char *cpu_summary(const LfRuleContext *ctx)
{
  if (ctx->cpu_level == 0)
    return g_strdup("32-bit");
  if (ctx->cpu_level >= 1)
    return g_strdup_printf("x86-64-v%d", ctx->cpu_level);
  return g_strdup("unknown");
}

/* One sentence per use and headroom, whole for translators. */
void lf_rank_explain(LfRecommendation *rec, const LfRuleContext *ctx)
{
  g_autofree char *ram = lf_format_mb(ctx->ram_mb);
  g_autofree char *cpu = cpu_summary(ctx);
  LfAudience a = ctx->opts->audience;
  const char *who = a == LF_AUDIENCE_NEWCOMER ? N_("a newcomer")
                    : a == LF_AUDIENCE_EXPERT ? N_("an expert") : N_("an experienced user");
  /* TRANSLATORS: "a newcomer" etc. fill "Ranked for %s: ..." */
#define EXPLAIN(fmt)                                                         \
  do {                                                                       \
    g_autofree char *m_ = g_strdup_printf(fmt, who, ram, cpu);               \
    g_autofree char *t_ = g_strdup_printf(_(fmt), _(who), ram, cpu);         \
    rec->order_message = lf_figures_plain(m_);                               \
    rec->order_text = lf_figures_local(t_);                                  \
  } while (0)
  if (ctx->opts->use == LF_USE_SERVER)
    EXPLAIN(N_("Ranked for %s: FAIL last; supported releases first; editions made for that "
           "user first, PASS before WARN, answers the project confirms before unconfirmed "
           "ones; then the longest remaining support (server use; "
           "%s RAM, %s CPU)."));
  else if (ctx->opts->use == LF_USE_KIOSK)
    EXPLAIN(N_("Ranked for %s: FAIL last; supported releases first; editions made for that "
           "user first, PASS before WARN, answers the project confirms before unconfirmed "
           "ones; then the lightest desktops (kiosk use; %s RAM, "
           "%s CPU)."));
  else if (rec->headroom == LF_HEADROOM_MODEST)
    EXPLAIN(N_("Ranked for %s: FAIL last; supported releases first; editions made for that "
           "user first, PASS before WARN, answers the project confirms before unconfirmed "
           "ones; then light desktops, because this machine is "
           "modest (%s RAM, %s CPU); then the longest support."));
  else if (rec->headroom == LF_HEADROOM_MIDDLE)
    EXPLAIN(N_("Ranked for %s: FAIL last; supported releases first; editions made for that "
           "user first, PASS before WARN, answers the project confirms before unconfirmed "
           "ones; then medium-weight desktops, which suit this "
           "machine (%s RAM, %s CPU); then the longest support."));
  else
    EXPLAIN(N_("Ranked for %s: FAIL last; supported releases first; editions made for that "
           "user first, PASS before WARN, answers the project confirms before unconfirmed "
           "ones; then full desktops, because this machine can "
           "carry them (%s RAM, %s CPU); then the longest support."));
#undef EXPLAIN
}

/* --- the best three, each with one sentence of why -------------------------- */

static const char *audience_phrase(LfAudience a)
{
  switch (a) {
  case LF_AUDIENCE_NEWCOMER: return N_("made for people new to Linux");
  case LF_AUDIENCE_EXPERIENCED: return N_("made for people with some Linux experience");
  case LF_AUDIENCE_EXPERT: return N_("made for experts");
  case LF_AUDIENCE_UNKNOWN: break;
  }
  return N_("audience not recorded");
}

/* One whole sentence per audience and desktop fit (README in po/: never glued from
 * pieces); the status and the support end are shown next to it, not inside it.
 * Columns: no desktop, light, medium, full, full on a capable machine. */
static const char *const best_why[4][5] = {
  /* TRANSLATORS: the why of a best pick; %s is the desktop as shipped ("LXQt 2") */
  { N_("Made for people new to Linux; it comes without a desktop until you install one (%s)."),
    N_("Made for people new to Linux, with a light desktop (%s) that leaves room on this "
       "machine."),
    N_("Made for people new to Linux, with a medium-weight desktop (%s)."),
    N_("Made for people new to Linux, with a full desktop (%s)."),
    N_("Made for people new to Linux, with a full desktop (%s) this machine can carry.") },
  { N_("Made for people with some Linux experience; it comes without a desktop until you "
       "install one (%s)."),
    N_("Made for people with some Linux experience, with a light desktop (%s) that leaves "
       "room on this machine."),
    N_("Made for people with some Linux experience, with a medium-weight desktop (%s)."),
    N_("Made for people with some Linux experience, with a full desktop (%s)."),
    N_("Made for people with some Linux experience, with a full desktop (%s) this machine "
       "can carry.") },
  { N_("Made for experts; it comes without a desktop until you install one (%s)."),
    N_("Made for experts, with a light desktop (%s) that leaves room on this machine."),
    N_("Made for experts, with a medium-weight desktop (%s)."),
    N_("Made for experts, with a full desktop (%s)."),
    N_("Made for experts, with a full desktop (%s) this machine can carry.") },
  /* TRANSLATORS: the why of a best pick whose audience the data does not record */
  { N_("It comes without a desktop until you install one (%s)."),
    N_("A light desktop (%s) that leaves room on this machine."),
    N_("A medium-weight desktop (%s)."),
    N_("A full desktop (%s)."),
    N_("A full desktop (%s) this machine can carry.") },
};

static const char *best_why_format(const LfDistroEdition *e, LfHeadroom h)
{
  int who = e->audience == LF_AUDIENCE_UNKNOWN ? 3 : (int)e->audience;
  int fit = (int)e->weight;   /* none, light, medium, heavy */
  if (e->weight == LF_WEIGHT_HEAVY && h == LF_HEADROOM_CAPABLE)
    fit = 4;
  return best_why[CLAMP(who, 0, 3)][CLAMP(fit, 0, 4)];
}

static void best_free(gpointer p)
{
  LfBestPick *b = p;
  g_free(b->message);
  g_free(b->text);
  g_free(b);
}

static gboolean family_picked(const GPtrArray *best, const char *family)
{
  for (guint i = 0; i < best->len; i++)
    if (g_str_equal(((const LfBestPick *)best->pdata[i])->verdict->edition->family, family))
      return TRUE;
  return FALSE;
}

/* Three different distributions: three flavours of one would hide the real choice. */
void lf_rank_pick_best(LfRecommendation *rec)
{
  rec->best = g_ptr_array_new_with_free_func(best_free);
  for (guint i = 0; i < rec->verdicts->len && rec->best->len < 3; i++) {
    const LfVerdict *v = rec->verdicts->pdata[i];
    if (v->status == LF_STATUS_FAIL || !v->supported || !v->edition->installer ||
        family_picked(rec->best, v->edition->family))
      continue;
    LfBestPick *b = g_new0(LfBestPick, 1);
    b->verdict = v;
    const char *why = best_why_format(v->edition, rec->headroom);
    /* Each format is a literal of best_why with one %s; msgfmt -c checks the translations. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    b->message = g_strdup_printf(why, v->edition->desktop);
    b->text = g_strdup_printf(_(why), lf_data_text(LF_DATA_DESKTOP, v->edition->desktop));
#pragma GCC diagnostic pop
    b->who = audience_phrase(v->edition->audience);
    g_ptr_array_add(rec->best, b);
  }
}
