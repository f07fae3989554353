/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The cheapest change that turns a WARN or FAIL into PASS: a firmware
 * setting, a boot option, more RAM (within the board maximum, using a free
 * slot or replacing a module, never soldered RAM), an SSD, or another edition
 * (a 32-bit or older-ISA build, a lighter desktop of the same distribution).
 * Cost: 0 a setting, 1 a package, 2 a part, 3 a bigger part, 4 another edition (it
 * does not fix this one, so it comes last unless nothing else can). */
#include <glib/gi18n.h>
#include <string.h>

#include "core/data-text.h"
#include "recommend/recommend.h"

/* The typed targets of a RAM fix: @n modules of @module_mb each, @total_mb afterwards. */
static void set_ram(LfAdvice *a, gint64 target_mb, gint64 total_mb, gint64 module_mb, gint64 n)
{
  a->target_mb = target_mb;
  a->total_mb = total_mb;
  a->module_mb = module_mb;
  a->modules = n;
}

static gint64 next_module(gint64 mb)
{
  gint64 m = 512;
  while (m < mb && m < ((gint64)1 << 40))
    m *= 2;
  return m;
}

static gint64 smallest_module(const LfMemory *mem)
{
  gint64 s = LF_UNKNOWN;
  for (guint i = 0; mem->modules && i < mem->modules->len; i++) {
    const LfMemoryModule *m = mem->modules->pdata[i];
    /* Hostile reports: sizes beyond 1 TB per module are not believed (and would overflow). */
    if (lf_known_int(m->size_mb) && m->size_mb > 0 && m->size_mb <= ((gint64)1 << 20) &&
        (!lf_known_int(s) || m->size_mb < s))
      s = m->size_mb;
  }
  return s;
}

/* Every slot filled with equal modules (2 x 1 GB -> 2 x 2 GB on a 4 GB board): when
 * replacing one module is not enough within the board maximum. */
static void replace_all(const LfRuleContext *ctx, gint64 target, const char *max, LfVerdict *v)
{
  const LfMemory *mem = &ctx->report->memory;
  gint64 n = mem->slots_total;
  if (n < 2 || !lf_known_int(mem->max_mb))
    return;
  gint64 each = next_module((target + n - 1) / n);
  if (each * n > mem->max_mb)
    return;
  g_autofree char *mod = lf_format_mb(each);
  g_autofree char *total = lf_format_mb(each * n);
  LfAdvice *a = lf_verdict_advice(v, "ram", 2, NULL,
                                  N_("Fit %d x %s modules, one in each slot, to reach %s (the "
                                     "board takes up to %s)"), (int)n, mod, total, max);
  set_ram(a, target, each * n, each, n);
}

static void advise_ram(const LfRuleContext *ctx, const LfDistroEdition *e, LfVerdict *v)
{
  const LfMemory *mem = &ctx->report->memory;
  gint64 target = lf_ram_target(e, ctx->opts->use);   /* the figure the rule judged */
  if (!lf_known_int(target))
    return;
  if (ctx->report->machine.virtual_) {
    /* Inside a VM the memory is a setting of the host, not a module to buy. */
    g_autofree char *goal_vm = lf_format_mb(target);
    LfAdvice *a = lf_verdict_advice(v, "vm-memory", 0, NULL,
                                    N_("Give the virtual machine more memory: at least %s"),
                                    goal_vm);
    a->target_mb = target;
    return;
  }
  if (!g_str_equal(ctx->ram_basis, "installed")) {
    lf_verdict_advice(v, "check", 0, NULL,
                      N_("Run lapfit as root (or on the installed system) so it can read the "
                         "installed RAM from SMBIOS; the verdict is only a guess until then"));
    return;
  }
  if (mem->soldered == LF_TRI_TRUE && (!lf_known_int(mem->slots_total) || mem->slots_total == 0))
    return;  /* nothing to add: the edition advice below is the way */
  gint64 have = ctx->ram_mb;
  g_autofree char *goal = lf_format_mb(target);
  g_autofree char *max = lf_format_mb(mem->max_mb);
  gboolean max_known = lf_known_int(mem->max_mb) && mem->max_mb > 0 && mem->max_mb < ((gint64)1 << 30);
  if (max_known && target > mem->max_mb)
    return;  /* the board cannot take it */
  gboolean slots_known = lf_known_int(mem->slots_total) && lf_known_int(mem->slots_used) &&
                         mem->slots_total >= mem->slots_used && mem->slots_total < 64;
  gint64 add = next_module(target - have);
  if (slots_known && mem->slots_total > mem->slots_used && (!max_known || have + add <= mem->max_mb)) {
    g_autofree char *mod = lf_format_mb(add);
    g_autofree char *total = lf_format_mb(have + add);  /* what the machine will have */
    LfAdvice *a =
        max_known ? lf_verdict_advice(v, "ram", 2, NULL,
                                      N_("Add a %s module in the free slot to reach %s (the "
                                         "board takes up to %s)"), mod, total, max)
                  : lf_verdict_advice(v, "ram", 2, NULL,
                                      N_("Add a %s module in the free slot to reach %s (could "
                                         "not check the board maximum)"), mod, total);
    set_ram(a, target, have + add, add, 1);
    return;
  }
  gint64 small = smallest_module(mem);
  if (slots_known && lf_known_int(small)) {
    gint64 repl = next_module(target - (have - small));
    if (max_known && have - small + repl > mem->max_mb) {
      replace_all(ctx, target, max, v);
      return;
    }
    g_autofree char *old = lf_format_mb(small);
    g_autofree char *mod = lf_format_mb(repl);
    g_autofree char *total = lf_format_mb(have - small + repl);
    LfAdvice *a;
    if (max_known && mem->slots_total > mem->slots_used)
      a = lf_verdict_advice(v, "ram", 2, NULL,
                        N_("Replace the %s module with a %s one to reach %s (the board takes up "
                           "to %s, so a module added in the free slot would exceed it)"),
                        old, mod, total, max);
    else if (max_known)
      a = lf_verdict_advice(v, "ram", 2, NULL,
                        N_("Replace the %s module with a %s one to reach %s; no slot is free "
                           "(the board takes up to %s)"), old, mod, total, max);
    else
      a = lf_verdict_advice(v, "ram", 2, NULL,
                        N_("Replace the %s module with a %s one to reach %s; no slot is free "
                           "(could not check the board maximum)"), old, mod, total);
    set_ram(a, target, have - small + repl, repl, 1);
    return;
  }
  LfAdvice *a = lf_verdict_advice(v, "ram", 2, NULL,
                                  N_("Add RAM to reach %s (could not check free slots or the "
                                     "board maximum)"), goal);
  set_ram(a, target, target, LF_UNKNOWN, LF_UNKNOWN);
}

/* Who may be offered instead of v: nobody less suited to this user than v itself, and no
 * heavier desktop (an edition without a desktop may be replaced by any). */
static gboolean fits_like(const LfRuleContext *ctx, const LfVerdict *v, const LfVerdict *o)
{
  LfAudience who = ctx->opts->audience;
  LfAudience a = o->edition->audience, b = v->edition->audience;
  int da = ABS((int)who - (int)(a == LF_AUDIENCE_UNKNOWN ? LF_AUDIENCE_EXPERIENCED : a));
  int db = ABS((int)who - (int)(b == LF_AUDIENCE_UNKNOWN ? LF_AUDIENCE_EXPERIENCED : b));
  if (da > db)
    return FALSE;
  return v->edition->weight == LF_WEIGHT_NONE || o->edition->weight <= v->edition->weight;
}

typedef enum { ALT_SAME_NAME, ALT_SAME_FAMILY, ALT_ANY } AltScope;

/* The best other edition with status `want`: all is ranked, so the first match is the best,
 * a supported one before an ended one. */
static const LfVerdict *alternative(const LfRuleContext *ctx, const LfVerdict *v, GPtrArray *all,
                                    AltScope scope, LfStatus want, gboolean strict)
{
  const LfVerdict *best = NULL;
  for (guint i = 0; i < all->len; i++) {
    const LfVerdict *o = all->pdata[i];
    if (o == v || o->status != want || !o->edition->installer)
      continue;
    if (scope == ALT_SAME_NAME && !g_str_equal(o->edition->name, v->edition->name))
      continue;
    if (scope == ALT_SAME_FAMILY && !g_str_equal(o->edition->family, v->edition->family))
      continue;
    if (strict && !fits_like(ctx, v, o))
      continue;
    if (best == NULL || (o->supported && !best->supported))
      best = o;
    if (best->supported)
      break;
  }
  return best;
}

/* Same edition name (Lubuntu 25.10 -> Lubuntu 26.04), then the same distribution (after a
 * failed gate its build for this CPU or firmware, even with warnings), then any edition that
 * passes; each for the same user and no heavier, and only then anything that passes. */
static const LfVerdict *closest(const LfRuleContext *ctx, const LfVerdict *v, GPtrArray *all)
{
  gboolean failed = v->status == LF_STATUS_FAIL;
  static const AltScope near[] = { ALT_SAME_NAME, ALT_SAME_FAMILY };
  for (gsize i = 0; i < G_N_ELEMENTS(near); i++) {
    const LfVerdict *o = alternative(ctx, v, all, near[i], LF_STATUS_PASS, TRUE);
    if (o == NULL && failed) {
      o = alternative(ctx, v, all, near[i], LF_STATUS_WARN, TRUE);
      if (o && !o->supported)
        o = NULL;
    }
    if (o)
      return o;
  }
  const LfVerdict *o = alternative(ctx, v, all, ALT_ANY, LF_STATUS_PASS, TRUE);
  if (o == NULL && failed) {
    o = alternative(ctx, v, all, ALT_ANY, LF_STATUS_WARN, TRUE);
    if (o && !o->supported)
      o = NULL;
  }
  return o ? o : alternative(ctx, v, all, ALT_ANY, LF_STATUS_PASS, FALSE);
}

static void advise_edition(const LfRuleContext *ctx, LfVerdict *v, GPtrArray *all)
{
  const LfDistroEdition *e = v->edition;
  const LfVerdict *alt = closest(ctx, v, all);
  if (alt == NULL && v->status == LF_STATUS_FAIL) {
    /* Nothing passes: name the best edition that at least does not fail. */
    alt = alternative(ctx, v, all, ALT_ANY, LF_STATUS_WARN, FALSE);
    if (alt != NULL) {
      g_auto(LfEditionWords) w = { 0 };
      lf_edition_words_init(&w, alt->edition);
      lf_verdict_advice(v, "edition", 4, alt->edition->id,
                        N_("No edition passes on this machine; %s %s (%s) comes closest: it "
                           "has warnings but no failure"), w.name, w.version, w.desktop);
    }
    return;
  }
  if (alt == NULL)
    return;
  const LfDistroEdition *a = alt->edition;
  g_auto(LfEditionWords) aw = { 0 };   /* the alternative's words, translated on screen */
  lf_edition_words_init(&aw, a);
  gboolean pass = alt->status == LF_STATUS_PASS;
  if (g_str_equal(e->arch, "x86_64") && g_str_equal(a->arch, "i686") &&
      (lf_verdict_has_check(v, "arch", LF_STATUS_FAIL) ||
       lf_verdict_has_check(v, "boot", LF_STATUS_FAIL))) {
    if (pass)
      lf_verdict_advice(v, "edition", 4, a->id,
                        N_("Choose %s %s, a 32-bit edition, instead: it passes on this "
                           "machine"), aw.name, aw.version);
    else
      lf_verdict_advice(v, "edition", 4, a->id,
                        N_("Choose %s %s, a 32-bit edition, instead: it runs on this machine, "
                           "with the warnings listed for it"), aw.name, aw.version);
  } else if (g_str_equal(a->arch, "x86_64") && a->isa_level < e->isa_level &&
             lf_verdict_has_check(v, "isa", LF_STATUS_WARN)) {
    if (pass)
      lf_verdict_advice(v, "edition", 4, a->id,
                        N_("Choose %s %s, built for x86-64-v%d, instead: it passes on this "
                           "machine"), aw.name, aw.version, (int)a->isa_level);
    else
      lf_verdict_advice(v, "edition", 4, a->id,
                        N_("Choose %s %s, built for x86-64-v%d, instead: it runs on this "
                           "machine, with the warnings listed for it"), aw.name, aw.version,
                        (int)a->isa_level);
  } else if (!pass) {
    lf_verdict_advice(v, "edition", 4, a->id,
                      N_("Choose %s %s instead: it runs on this machine, with the warnings "
                         "listed for it"), aw.name, aw.version);
  } else if (g_str_equal(a->family, e->family) && a->weight < e->weight) {
    lf_verdict_advice(v, "edition", 4, a->id,
                      N_("Choose %s %s, a lighter desktop (%s) of the same distribution: it "
                         "passes on this machine"), aw.name, aw.version, aw.desktop);
  } else {
    lf_verdict_advice(v, "edition", 4, a->id,
                      N_("Choose %s %s (%s) instead: it passes on this machine"), aw.name,
                      aw.version, aw.desktop);
  }
}

/* Both parts are needed for a PASS: say so in one fix, not two alternatives. */
static void combine_parts(LfVerdict *v)
{
  LfAdvice *ram = NULL, *ssd = NULL;
  for (guint i = 0; i < v->advice->len; i++) {
    LfAdvice *a = v->advice->pdata[i];
    if (g_str_equal(a->kind, "ram"))
      ram = a;
    else if (g_str_equal(a->kind, "ssd"))
      ssd = a;
  }
  if (ram == NULL || ssd == NULL)
    return;
  g_autofree char *name = lf_data_phrase(LF_DATA_DISTRO_NAME, v->edition->name);
  LfAdvice *both = lf_verdict_take_advice(v, "ram+ssd", 2, NULL,
                         g_strdup_printf("%s, and replace the hard disk with an SSD: %s needs "
                                         "both", ram->message, name),
                         /* TRANSLATORS: %s is a RAM fix ("Add a 2 GB module ..."), then the
                          * edition name */
                         g_strdup_printf(_("%s, and replace the hard disk with an SSD: %s "
                                           "needs both"), ram->text, name));
  set_ram(both, ram->target_mb, ram->total_mb, ram->module_mb, ram->modules);
  g_ptr_array_remove(v->advice, ram);
  g_ptr_array_remove(v->advice, ssd);
}

static int by_cost(gconstpointer a, gconstpointer b)
{
  const LfAdvice *x = *(LfAdvice *const *)a, *y = *(LfAdvice *const *)b;
  return x->cost - y->cost;
}

void lf_advise(const LfRuleContext *ctx, const LfDistroTable *table, GPtrArray *all,
               LfVerdict *v)
{
  if (v->status == LF_STATUS_PASS)
    return;
  const LfDistroEdition *e = v->edition;
  g_auto(LfEditionWords) w = { 0 };   /* translated on screen, English in JSON */
  lf_edition_words_init(&w, e);
  if (lf_verdict_has_check(v, "secure-boot", LF_STATUS_WARN) && e->secure_boot == LF_TRI_FALSE)
    lf_verdict_advice(v, "firmware-setting", 0, NULL,
                      N_("Switch off Secure Boot in the firmware setup before installing %s"),
                      w.name);
  if (lf_verdict_has_check(v, "boot", LF_STATUS_WARN) && !lf_verdict_has_check(v, "boot", LF_STATUS_FAIL) &&
      ctx->report->machine.firmware.uefi_supported == LF_TRI_TRUE &&
      g_strcmp0(ctx->report->machine.firmware.mode, "bios") == 0 && e->boot_bios != LF_TRI_TRUE)
    lf_verdict_advice(v, "firmware-setting", 0, NULL,
                      N_("Switch the firmware setup to UEFI boot (it supports UEFI; it now boots "
                         "through legacy BIOS/CSM), then install %s"), w.name);
  if (lf_verdict_has_check(v, "cpu-32bit", LF_STATUS_WARN) &&
      ctx->report->cpu.pae_note && strstr(ctx->report->cpu.pae_note, "hidden"))
    lf_verdict_advice(v, "boot-option", 0, NULL,
                      N_("Add forcepae to the installer's boot options (on both sides of "
                         "'--') to install %s on this Pentium M"), w.name);
  /* A failed hard gate cannot be fixed with parts or settings: only another edition helps. */
  static const char *const gates[] = { "installer", "arch", "isa", "cpu-32bit", "boot", NULL };
  for (int i = 0; gates[i]; i++)
    if (lf_verdict_has_check(v, gates[i], LF_STATUS_FAIL)) {
      advise_edition(ctx, v, all);
      return;
    }
  if (lf_verdict_has_check(v, "ram", LF_STATUS_WARN))
    advise_ram(ctx, e, v);
  if (lf_verdict_has_check(v, "disk-kind", LF_STATUS_WARN))
    lf_verdict_advice(v, "ssd", 2, NULL,
                      N_("Replace the hard disk with an SSD: under %s it helps most"),
                      w.desktop);
  if (lf_verdict_has_check(v, "disk", LF_STATUS_WARN) && ctx->disk != NULL) {
    g_autofree char *need = lf_format_gb(e->disk_min_gb);
    lf_verdict_advice(v, "disk", 3, NULL, N_("Fit a disk of at least %s"), need)->disk_gb =
        e->disk_min_gb;
  }
  lf_advise_wifi(ctx, v);
  combine_parts(v);
  /* Another edition, when something about this one is more than a setting away. */
  static const char *const checks[] = { "installer", "arch", "isa", "cpu-32bit", "cpu-floor",
                                        "boot", "ram", "disk", "disk-kind", "gpu", "wifi",
                                        "support", NULL };
  for (int i = 0; checks[i]; i++)
    if (lf_verdict_has_check(v, checks[i], LF_STATUS_WARN)) {
      advise_edition(ctx, v, all);
      break;
    }
  g_ptr_array_sort(v->advice, by_cost);
}
