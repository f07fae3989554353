/* SPDX-License-Identifier: GPL-2.0-or-later */
/* One function per rule. Each adds reasons (a sentence with the figures used)
 * to a verdict; none does I/O. Hard gates (architecture, ISA level, 32-bit
 * needs, boot path, no installer) FAIL; published minimums WARN, because most
 * projects document ways below them; facts the report lacks WARN with "could
 * not check", never PASS or FAIL on a guess; a '?' confidence never FAILs.
 * Facts: each edition's published requirements, in data/distros/ with sources. */
#include <glib/gi18n.h>
#include <string.h>

#include "core/data-text.h"
#include "core/human.h"
#include "recommend/recommend.h"

/* Stated by the project or by a secondary source quoting it (O, S): enough for a PASS or FAIL. */
static gboolean confirmed(const char *confidence)
{
  return confidence && (g_str_equal(confidence, "O") || g_str_equal(confidence, "S"));
}

/* The sentence just added rests on a fact the project does not confirm (or the data lacks):
 * the edition ranks after confirmed ones (rank.c). */
static void mark_unconfirmed(LfVerdict *v)
{
  ((LfReason *)v->reasons->pdata[v->reasons->len - 1])->unconfirmed = TRUE;
}

/* One fact, one severity: a hard gate FAILs in every edition whose fact is confirmed;
 * an inferred or uncertain fact (I, ?) WARNs at most, and the sentence says so. */
static void hard_take(LfVerdict *v, const char *check, const char *confidence, char *message,
                      char *text)
{
  if (confirmed(confidence)) {
    lf_verdict_take_reason(v, check, LF_STATUS_FAIL, message, text);
    return;
  }
  /* TRANSLATORS: appended to a failure whose data is inferred or uncertain */
  char *m = g_strconcat(message, " (not confirmed by the project)", NULL);
  char *t = g_strconcat(text, _(" (not confirmed by the project)"), NULL);
  g_free(message);
  g_free(text);
  lf_verdict_take_reason(v, check, LF_STATUS_WARN, m, t);
  mark_unconfirmed(v);
}
#define hard_reason(v, check, confidence, fmt, ...)                                          \
  hard_take((v), (check), (confidence), g_strdup_printf(fmt, ##__VA_ARGS__),                 \
            g_strdup_printf(_(fmt), ##__VA_ARGS__))

/* A fact the project could not be shown to publish ('?') keeps its status (never a FAIL:
 * see hard_take), and the sentence says so, whether it passes or warns. */
static void fact_take(LfVerdict *v, const char *check, LfStatus status, const char *confidence,
                      char *message, char *text)
{
  if (g_strcmp0(confidence, "?") != 0) {
    lf_verdict_take_reason(v, check, status, message, text);
    return;
  }
  char *m = g_strconcat(message, " (not confirmed by the project)", NULL);
  char *t = g_strconcat(text, _(" (not confirmed by the project)"), NULL);
  g_free(message);
  g_free(text);
  lf_verdict_take_reason(v, check, status, m, t);
  mark_unconfirmed(v);
}
#define fact_reason(v, check, status, confidence, fmt, ...)                                  \
  fact_take((v), (check), (status), (confidence), g_strdup_printf(fmt, ##__VA_ARGS__),       \
            g_strdup_printf(_(fmt), ##__VA_ARGS__))

static const char *cpu_name(const LfReport *r)
{
  if (r->cpu.brand && *r->cpu.brand)
    return r->cpu.brand;
  if (r->cpu.codename && *r->cpu.codename)
    return r->cpu.codename;
  return "unknown model";
}

/* "name version" as data phrases: English in JSON, the user's language on screen. */
static char *edition_name(const LfDistroEdition *e)
{
  g_auto(LfEditionWords) w = { 0 };
  lf_edition_words_init(&w, e);
  return g_steal_pointer(&w.label);
}

/* --- no installer image -------------------------------------------------- */

static void rule_installer(const LfRuleContext *ctx, const LfDistroEdition *e, LfVerdict *v)
{
  if (e->installer)
    return;
  g_autofree char *n = edition_name(e);
  lf_verdict_reason(v, "installer", LF_STATUS_FAIL,
                    N_("No installer image of %s was released, so it cannot be installed "
                       "directly"), n);
}

/* --- 64-bit edition on a 32-bit CPU, or a non-x86 CPU --------------------- */

static void rule_arch(const LfRuleContext *ctx, const LfDistroEdition *e, LfVerdict *v)
{
  const LfCpu *cpu = &ctx->report->cpu;
  g_autofree char *n = edition_name(e);
  gboolean is64 = g_str_equal(e->arch, "x86_64");
  if (ctx->cpu_level == -2) {
    lf_verdict_reason(v, "arch", LF_STATUS_FAIL,
                      N_("CPU architecture %s is not x86: %s is built for %s"), cpu->isa_level,
                      n, e->arch);
    return;
  }
  gboolean cpu32 = ctx->cpu_level == 0 || cpu->bits == 32;
  gboolean cpu64 = ctx->cpu_level >= 1 || cpu->bits == 64;
  if (!cpu32 && !cpu64) {
    lf_verdict_reason(v, "arch", LF_STATUS_WARN,
                      N_("Could not check whether the CPU (%s) is 64-bit: %s needs %s"),
                      cpu_name(ctx->report), n, e->arch);
    return;
  }
  if (is64 && cpu32) {
    lf_verdict_reason(v, "arch", LF_STATUS_FAIL,
                      N_("CPU %s is 32-bit only: %s is 64-bit only and its image will not boot"),
                      cpu_name(ctx->report), n);
    return;
  }
  if (!is64 && cpu64)
    lf_verdict_reason(v, "arch", LF_STATUS_INFO,
                      N_("%s is a 32-bit edition; the CPU %s is 64-bit and could run a 64-bit "
                         "one"), n, cpu_name(ctx->report));
  else
    lf_verdict_reason(v, "arch", LF_STATUS_PASS, N_("CPU %s runs %s editions"),
                      cpu_name(ctx->report), e->arch);
}

/* --- x86-64 micro-architecture level (glibc refuses to start below it) ---- */

static void rule_isa(const LfRuleContext *ctx, const LfDistroEdition *e, LfVerdict *v)
{
  if (!g_str_equal(e->arch, "x86_64") || e->isa_level < 2)
    return;
  if (ctx->cpu_level == 0 || ctx->cpu_level == -2 || ctx->report->cpu.bits == 32)
    return;  /* rule_arch already failed it */
  g_autofree char *n = edition_name(e);
  int need = (int)e->isa_level;
  if (ctx->cpu_level < 0) {
    fact_reason(v, "isa", LF_STATUS_WARN, e->fact[LF_FACT_ISA].confidence,
                N_("Could not check the CPU's x86-64 level: %s needs x86-64-v%d"), n, need);
    return;
  }
  if (ctx->cpu_level >= need) {
    fact_reason(v, "isa", LF_STATUS_PASS, e->fact[LF_FACT_ISA].confidence,
                N_("CPU is x86-64-v%d: %s needs v%d"), ctx->cpu_level, n, need);
    return;
  }
  const GPtrArray *missing = ctx->report->cpu.missing_for_next_level;
  if (need == ctx->cpu_level + 1 && missing && missing->len > 0) {
    g_autoptr(GString) list = g_string_new(NULL);
    for (guint i = 0; i < missing->len && i < 12; i++)
      g_string_append_printf(list, "%s%s", i ? ", " : "", (const char *)missing->pdata[i]);
    hard_reason(v, "isa", e->fact[LF_FACT_ISA].confidence,
                      N_("CPU lacks x86-64-v%d (no %s): %s needs v%d"), need, list->str, n,
                      need);
  } else {
    hard_reason(v, "isa", e->fact[LF_FACT_ISA].confidence,
                      N_("CPU lacks x86-64-v%d (it is x86-64-v%d): %s needs v%d"), need,
                      ctx->cpu_level, n, need);
  }
  if (ctx->report->machine.virtual_)
    lf_verdict_reason(v, "isa", LF_STATUS_INFO,
                      N_("This is a virtual machine (%s): the level is that of the virtual CPU "
                         "model, which may hide features the host has"),
                      ctx->report->machine.virtual_);
}

/* --- 32-bit needs: PAE, SSE2, CMOV ---------------------------------------- */

static void need_feature(const LfRuleContext *ctx, const LfDistroEdition *e, LfVerdict *v,
                         const char *feature, LfTri has)
{
  g_autofree char *n = edition_name(e);
  if (has == LF_TRI_TRUE) {
    fact_reason(v, "cpu-32bit", LF_STATUS_PASS, e->fact[LF_FACT_ISA].confidence,
                N_("CPU has %s, which %s needs"), feature, n);
  } else if (has == LF_TRI_UNKNOWN) {
    fact_reason(v, "cpu-32bit", LF_STATUS_WARN, e->fact[LF_FACT_ISA].confidence,
                N_("Could not check whether the CPU has %s, which %s needs"), feature, n);
  } else {
    hard_reason(v, "cpu-32bit", e->fact[LF_FACT_ISA].confidence,
                      N_("CPU %s lacks %s: %s needs it and will not start"),
                      cpu_name(ctx->report), feature, n);
  }
}

static void rule_cpu32(const LfRuleContext *ctx, const LfDistroEdition *e, LfVerdict *v)
{
  if (!g_str_equal(e->arch, "i686"))
    return;
  const LfCpu *cpu = &ctx->report->cpu;
  if (e->needs_pae) {
    if (cpu->pae == LF_TRI_FALSE && cpu->pae_note && strstr(cpu->pae_note, "hidden")) {
      g_autofree char *n = edition_name(e);
      fact_reason(v, "cpu-32bit", LF_STATUS_WARN, e->fact[LF_FACT_ISA].confidence,
                  N_("CPU %s has PAE but does not advertise it: %s installs only with "
                     "the forcepae boot option"), cpu_name(ctx->report), n);
    } else {
      need_feature(ctx, e, v, "PAE", cpu->pae);
    }
  }
  if (e->needs_sse2)
    need_feature(ctx, e, v, "SSE2", cpu->sse2);
  if (e->needs_cmov) {
    /* Every x86-64 CPU has CMOV (long mode requires it), so a 64-bit CPU passes even
     * when the report's flag list is partial or absent (older or hand-made reports). */
    gboolean cpu64 = ctx->cpu_level >= 1 || cpu->bits == 64;
    LfTri has = cpu64 ? LF_TRI_TRUE
                : cpu->flags == NULL ? LF_TRI_UNKNOWN
                : lf_strv_contains(cpu->flags, "cmov") ? LF_TRI_TRUE : LF_TRI_FALSE;
    need_feature(ctx, e, v, "CMOV", has);
  }
}

/* --- published CPU floor (a speed floor, not a gate) ---------------------- */

static void rule_cpu_floor(const LfRuleContext *ctx, const LfDistroEdition *e, LfVerdict *v)
{
  if (!e->soft_sse2)
    return;
  const LfCpu *cpu = &ctx->report->cpu;
  if (ctx->cpu_level >= 1 || cpu->bits == 64)
    return;  /* every x86-64 CPU has SSE2 */
  g_autofree char *n = edition_name(e);
  g_autofree char *floor = lf_data_phrase(LF_DATA_CPU_FLOOR,
                                          e->cpu_floor ? e->cpu_floor : "Pentium 4");
  if (cpu->sse2 == LF_TRI_FALSE)
    lf_verdict_reason(v, "cpu-floor", LF_STATUS_WARN,
                      N_("CPU %s has no SSE2, so it is older than %s asks for (%s): expect it "
                         "to be too slow"), cpu_name(ctx->report), n, floor);
  else if (cpu->sse2 == LF_TRI_UNKNOWN)
    lf_verdict_reason(v, "cpu-floor", LF_STATUS_WARN,
                      N_("Could not check the CPU against the minimum of %s (%s)"), n, floor);
  else
    lf_verdict_reason(v, "cpu-floor", LF_STATUS_PASS,
                      N_("CPU %s meets the minimum of %s (%s)"), cpu_name(ctx->report), n,
                      floor);
}

/* --- can the image boot: firmware type and width, Secure Boot ------------- */

static void rule_boot(const LfRuleContext *ctx, const LfDistroEdition *e, LfVerdict *v)
{
  const LfFirmware *fw = &ctx->report->machine.firmware;
  g_autofree char *n = edition_name(e);
  const char *mode = fw->mode;
  if (mode == NULL || !(g_str_equal(mode, "uefi") || g_str_equal(mode, "bios"))) {
    lf_verdict_reason(v, "boot", LF_STATUS_WARN,
                      N_("Could not check the firmware type (BIOS or UEFI), so whether %s "
                         "boots here is unknown"), n);
    return;
  }
  if (g_str_equal(mode, "bios")) {
    if (e->boot_bios == LF_TRI_TRUE)
      fact_reason(v, "boot", LF_STATUS_PASS, e->fact[LF_FACT_BOOT].confidence,
                  N_("Firmware boots in BIOS mode and %s has a BIOS boot path"), n);
    else if (fw->uefi_supported == LF_TRI_TRUE)
      /* Booted through CSM: a setting away from UEFI (advice: firmware-setting). */
      fact_reason(v, "boot", LF_STATUS_WARN, e->fact[LF_FACT_BOOT].confidence,
                        N_("Firmware booted in BIOS mode but supports UEFI: %s boots only with "
                           "UEFI, so switch the firmware setup to UEFI boot"), n);
    else if (fw->uefi_supported == LF_TRI_FALSE)
      hard_reason(v, "boot", e->fact[LF_FACT_BOOT].confidence,
                  N_("Firmware boots in BIOS mode only (SMBIOS says it does not support "
                     "UEFI): %s boots only with UEFI"), n);
    else
      fact_reason(v, "boot", LF_STATUS_WARN, e->fact[LF_FACT_BOOT].confidence,
                        N_("Firmware booted in BIOS mode; could not check whether it can boot "
                           "UEFI (SMBIOS needs root), and %s boots only with UEFI"), n);
    return;
  }
  if (fw->uefi_bits == 32) {
    /* 32-bit UEFI is a fact of its own (ia32_uefi=), with its own confidence: only a
     * confirmed fact passes or fails, an inferred or uncertain one is a warning. */
    gboolean sure = confirmed(e->fact[LF_FACT_IA32_UEFI].confidence);
    if (e->boot_ia32_uefi == LF_TRI_TRUE && sure)
      lf_verdict_reason(v, "boot", LF_STATUS_PASS,
                        N_("Firmware is 32-bit UEFI and %s boots from it"), n);
    else if (e->boot_ia32_uefi == LF_TRI_TRUE)
      lf_verdict_reason(v, "boot", LF_STATUS_WARN,
                        N_("Firmware is 32-bit UEFI; %s probably boots from it, but this is not "
                           "confirmed by the project"), n);
    else if (e->boot_ia32_uefi == LF_TRI_FALSE && sure)
      lf_verdict_reason(v, "boot", LF_STATUS_FAIL,
                        N_("Firmware is 32-bit UEFI and the %s image has no 32-bit UEFI boot "
                           "loader, so it will not boot"), n);
    else if (e->boot_ia32_uefi == LF_TRI_FALSE)
      lf_verdict_reason(v, "boot", LF_STATUS_WARN,
                        N_("Firmware is 32-bit UEFI and the %s image probably has no 32-bit UEFI "
                           "boot loader (not confirmed by the project)"), n);
    else
      lf_verdict_reason(v, "boot", LF_STATUS_WARN,
                        N_("Firmware is 32-bit UEFI; whether the %s image can boot from it is not "
                           "known"), n);
    if (!sure || e->boot_ia32_uefi == LF_TRI_UNKNOWN)
      mark_unconfirmed(v);
    return;
  }
  if (e->boot_uefi == LF_TRI_TRUE) {
    if (fw->uefi_bits == 64)
      fact_reason(v, "boot", LF_STATUS_PASS, e->fact[LF_FACT_BOOT].confidence,
                        N_("Firmware is %d-bit UEFI and %s boots from it"), (int)fw->uefi_bits,
                        n);
    else
      fact_reason(v, "boot", LF_STATUS_PASS, e->fact[LF_FACT_BOOT].confidence,
                  N_("Firmware is UEFI and %s boots from it"), n);
  } else {
    /* Most UEFI laptops before ~2020 still offer legacy (CSM) boot; not all do. */
    fact_reason(v, "boot", LF_STATUS_WARN, e->fact[LF_FACT_BOOT].confidence,
                      N_("Firmware is UEFI but %s boots only in BIOS mode: it needs legacy "
                         "(CSM) boot enabled in the firmware setup, if the machine has it"), n);
  }
  if (fw->secure_boot == LF_TRI_TRUE && e->boot_uefi == LF_TRI_TRUE) {
    if (e->secure_boot == LF_TRI_FALSE)
      fact_reason(v, "secure-boot", LF_STATUS_WARN, e->fact[LF_FACT_SECURE_BOOT].confidence,
                        N_("Secure Boot is on and %s does not boot with it: switch it off in "
                           "the firmware setup"), n);
    else if (e->secure_boot == LF_TRI_UNKNOWN) {
      lf_verdict_reason(v, "secure-boot", LF_STATUS_WARN,
                        N_("Secure Boot is on; could not check whether %s boots with it"), n);
      mark_unconfirmed(v);   /* the data has no Secure Boot fact for this edition */
    }
  }
}

/* --- RAM: judged against installed memory, never on a guess --------------- */

gint64 lf_ram_upgrade_target(gint64 installed_mb, gint64 max_mb, gboolean soldered)
{
  static const gint64 steps[] = { 4096, 2048 };
  if (installed_mb >= steps[0] * 98 / 100)
    return 0;
  for (gsize k = 0; !soldered && k < G_N_ELEMENTS(steps); k++)
    if ((!lf_known_int(max_mb) || max_mb >= steps[k]) && installed_mb < steps[k])
      return steps[k];
  return LF_UNKNOWN;
}

gint64 lf_ram_target(const LfDistroEdition *e, LfUse use)
{
  if (use == LF_USE_DESKTOP && lf_known_int(e->ram_rec_mb))
    return e->ram_rec_mb;
  return lf_known_int(e->ram_min_mb)   ? e->ram_min_mb
         : lf_known_int(e->ram_rec_mb) ? e->ram_rec_mb
                                       : e->ram_floor_mb;
}

static void rule_ram(const LfRuleContext *ctx, const LfDistroEdition *e, LfVerdict *v)
{
  g_autofree char *n = edition_name(e);
  gint64 target = lf_ram_target(e, ctx->opts->use);
  if (!lf_known_int(target)) {
    lf_verdict_reason(v, "ram", LF_STATUS_INFO,
                      N_("%s publishes no RAM requirement, so RAM was not judged"), n);
    return;
  }
  g_autofree char *t = lf_format_mb(target);
  gboolean is_rec = target == e->ram_rec_mb;  /* whole sentences per kind, for translators */
  if (!g_str_equal(ctx->ram_basis, "installed")) {
    /* Usable memory is a lower bound of installed memory: enough if it passes alone. */
    g_autofree char *u = lf_format_mb(ctx->usable_mb);
    if (lf_known_int(ctx->usable_mb) && ctx->usable_mb >= target) {
      if (is_rec)
        fact_reason(v, "ram", LF_STATUS_PASS, e->fact[LF_FACT_RAM].confidence,
                          N_("RAM %s usable already meets the %s recommended for %s (installed "
                             "size not read)"), u, t, n);
      else
        fact_reason(v, "ram", LF_STATUS_PASS, e->fact[LF_FACT_RAM].confidence,
                          N_("RAM %s usable already meets the %s minimum of %s (installed size "
                             "not read)"), u, t, n);
    } else if (lf_known_int(ctx->usable_mb)) {
      g_autofree char *est = lf_format_mb(ctx->report->memory.installed_mb);
      if (g_str_equal(ctx->ram_basis, "estimate"))
        fact_reason(v, "ram", LF_STATUS_WARN, e->fact[LF_FACT_RAM].confidence,
                          N_("Could not check RAM: the installed size is only estimated (%s; "
                             "%s usable) and %s asks for %s"), est, u, n, t);
      else
        fact_reason(v, "ram", LF_STATUS_WARN, e->fact[LF_FACT_RAM].confidence,
                          N_("Could not check RAM: the installed size is unknown (%s usable) "
                             "and %s asks for %s"), u, n, t);
    } else {
      fact_reason(v, "ram", LF_STATUS_WARN, e->fact[LF_FACT_RAM].confidence,
                        N_("Could not check RAM: the report has no memory size, and %s asks "
                           "for %s"), n, t);
    }
    return;
  }

  gint64 ram = ctx->ram_mb;
  g_autofree char *have = NULL;
  g_autofree char *inst = lf_format_mb(ram);
  if (lf_known_int(ctx->usable_mb) && ctx->usable_mb < ram) {
    g_autofree char *u = lf_format_mb(ctx->usable_mb);
    /* TRANSLATORS: "1.8 GiB usable of 2 GiB installed" */
    have = lf_phrase(N_("%s usable of %s installed"), u, inst);
  } else {
    /* TRANSLATORS: "2 GiB installed" */
    have = lf_phrase(N_("%s installed"), inst);
  }
  if (lf_known_int(e->ram_floor_mb) && ram < e->ram_floor_mb) {
    g_autofree char *f = lf_format_mb(e->ram_floor_mb);
    hard_reason(v, "ram", e->fact[LF_FACT_RAM].confidence,
                      N_("RAM %s is below the %s that %s needs to run at all"), have, f, n);
    return;
  }
  if (lf_known_int(e->ram_min_mb) && ram < e->ram_min_mb) {
    g_autofree char *m = lf_format_mb(e->ram_min_mb);
    fact_reason(v, "ram", LF_STATUS_WARN, e->fact[LF_FACT_RAM].confidence,
                      N_("RAM %s is below the %s minimum of %s"), have, m, n);
    return;
  }
  /* Below the recommended figure: desktop use, or the only figure published. */
  if (is_rec && ram < target) {
    g_autofree char *min_use = lf_data_phrase(LF_DATA_RAM_USE, e->ram_min_use);
    g_autofree char *rec_use = lf_data_phrase(LF_DATA_RAM_USE, e->ram_rec_use);
    if (lf_known_int(e->ram_min_mb) && e->ram_min_use && e->ram_rec_use) {
      g_autofree char *m = lf_format_mb(e->ram_min_mb);
      fact_reason(v, "ram", LF_STATUS_WARN, e->fact[LF_FACT_RAM].confidence,
                        N_("RAM %s meets the %s minimum of %s for %s, but is below the %s it "
                           "recommends for %s: fine only for that basic use"),
                        have, m, n, min_use, t, rec_use);
    } else if (lf_known_int(e->ram_min_mb)) {
      g_autofree char *m = lf_format_mb(e->ram_min_mb);
      fact_reason(v, "ram", LF_STATUS_WARN, e->fact[LF_FACT_RAM].confidence,
                        N_("RAM %s meets the %s minimum of %s but is below the %s "
                           "recommended"), have, m, n, t);
    } else if (e->ram_rec_use) {
      fact_reason(v, "ram", LF_STATUS_WARN, e->fact[LF_FACT_RAM].confidence,
                        N_("RAM %s is below the %s recommended for %s (%s)"), have, t, n,
                        rec_use);
    } else {
      fact_reason(v, "ram", LF_STATUS_WARN, e->fact[LF_FACT_RAM].confidence,
                        N_("RAM %s is below the %s recommended for %s"), have, t, n);
    }
    return;
  }
  if (is_rec)
    fact_reason(v, "ram", LF_STATUS_PASS, e->fact[LF_FACT_RAM].confidence,
                N_("RAM %s meets the %s recommended for %s"), have, t, n);
  else
    fact_reason(v, "ram", LF_STATUS_PASS, e->fact[LF_FACT_RAM].confidence,
                N_("RAM %s meets the %s minimum of %s"), have, t, n);
}

/* --- disk: the largest internal disk, never the live USB stick ------------ */

static void rule_disk(const LfRuleContext *ctx, const LfDistroEdition *e, LfVerdict *v)
{
  g_autofree char *n = edition_name(e);
  const LfStorage *d = ctx->disk;
  if (!lf_known_num(e->disk_min_gb))
    return;
  g_autofree char *need = lf_format_gb(e->disk_min_gb);
  if (d == NULL) {
    fact_reason(v, "disk", LF_STATUS_WARN, e->fact[LF_FACT_DISK].confidence,
                      N_("Could not check the disk: the report lists no internal disk (a live "
                         "USB stick does not count), and %s needs %s"), n, need);
    return;
  }
  g_autofree char *size = lf_format_gb(d->size_gb);
  const char *name = d->name ? d->name : "?";
  if (d->size_gb < e->disk_min_gb)
    hard_reason(v, "disk", e->fact[LF_FACT_DISK].confidence,
                      N_("The largest internal disk (%s, %s) is smaller than the %s that %s "
                         "needs"), name, size, need, n);
  else
    fact_reason(v, "disk", LF_STATUS_PASS, e->fact[LF_FACT_DISK].confidence,
                      N_("The largest internal disk (%s, %s) has room for the %s that %s "
                         "needs"), name, size, need, n);
}

gboolean lf_disk_is_hdd(const LfStorage *d)
{
  if (d == NULL)
    return FALSE;
  if (d->kind)   /* a virtual disk's "rotational" says nothing about the host's disk */
    return g_str_equal(d->kind, "hdd");
  return d->rotational == LF_TRI_TRUE;
}

static void rule_disk_kind(const LfRuleContext *ctx, const LfDistroEdition *e, LfVerdict *v)
{
  const LfStorage *d = ctx->disk;
  /* Inside a VM the disk's speed is the host's: no SSD advice for a virtual disk. */
  if (d == NULL || ctx->opts->use != LF_USE_DESKTOP || e->weight != LF_WEIGHT_HEAVY ||
      !lf_disk_is_hdd(d) || ctx->report->machine.virtual_)
    return;
  g_autofree char *desktop = lf_data_phrase(LF_DATA_DESKTOP, e->desktop ? e->desktop : "?");
  lf_verdict_reason(v, "disk-kind", LF_STATUS_WARN,
                    N_("The largest internal disk (%s) is a hard disk: under %s an SSD would "
                       "help most"), d->name ? d->name : "?", desktop);
}

/* --- graphics: a Wayland-only desktop needs a usable KMS/OpenGL driver ---- */

static gboolean gpu_usable(const LfGpu *g)
{
  if (g->kms == LF_TRI_FALSE || g->driver == NULL)
    return FALSE;
  /* QUIRK: GMA 500/600/3600 (PowerVR-based Atom graphics): gma500_gfx does modesetting
   * but has no 3D, so a Wayland compositor falls back to llvmpipe. */
  static const char *const poor[] = { "gma500_gfx", "vesafb", "efifb", "simplefb", "simpledrm",
                                      NULL };
  return !g_strv_contains(poor, g->driver);
}

static void rule_gpu(const LfRuleContext *ctx, const LfDistroEdition *e, LfVerdict *v)
{
  if (e->wayland_only != LF_TRI_TRUE || ctx->opts->use == LF_USE_SERVER)
    return;
  const GPtrArray *gpus = ctx->report->gpus;
  g_autofree char *n = edition_name(e);
  if (gpus == NULL || gpus->len == 0) {
    lf_verdict_reason(v, "gpu", LF_STATUS_WARN,
                      N_("Could not check the graphics: the report lists no GPU, and %s runs "
                         "on Wayland only"), n);
    return;
  }
  for (guint i = 0; i < gpus->len; i++) {
    const LfGpu *g = gpus->pdata[i];
    if (gpu_usable(g)) {
      lf_verdict_reason(v, "gpu", LF_STATUS_PASS,
                        N_("Graphics %s (driver %s) can run the Wayland-only desktop of %s"),
                        g->device ? g->device : g->pci_id ? g->pci_id : "?", g->driver, n);
      return;
    }
  }
  const LfGpu *g = gpus->pdata[0];
  lf_verdict_reason(v, "gpu", LF_STATUS_WARN,
                    N_("Graphics %s (driver %s) has no usable KMS/OpenGL driver: the "
                       "Wayland-only desktop of %s would fall back to slow software "
                       "rendering"),
                    g->device ? g->device : g->pci_id ? g->pci_id : "?",
                    g->driver ? g->driver : "none", n);
}

/* --- support window -------------------------------------------------------- */

static void rule_support(const LfRuleContext *ctx, const LfDistroEdition *e, LfVerdict *v)
{
  g_autofree char *n = edition_name(e);
  if (e->support_ends == NULL) {
    lf_verdict_reason(v, "support", LF_STATUS_INFO, N_("The end of support of %s is not "
                                                       "announced"), n);
    return;
  }
  if (g_str_equal(e->support_ends, "rolling")) {
    lf_verdict_reason(v, "support", LF_STATUS_PASS,
                      N_("%s is a rolling release: updated continuously"), n);
    return;
  }
  GDate end;
  if (!lf_distro_parse_date(e->support_ends, TRUE, &end) || !g_date_valid(&ctx->opts->today))
    return;
  int days = g_date_days_between(&ctx->opts->today, &end);
  if (days < 0)
    lf_verdict_reason(v, "support", LF_STATUS_WARN,
                      N_("Support for %s ended in %s: it gets no security updates"), n,
                      e->support_ends);
  else if (days < 183)
    lf_verdict_reason(v, "support", LF_STATUS_INFO,
                      N_("Support for %s ends soon, in %s"), n, e->support_ends);
  else
    lf_verdict_reason(v, "support", LF_STATUS_PASS, N_("%s is supported until %s"), n,
                      e->support_ends);
}

const LfRuleFunc lf_rules[] = {
  rule_installer, rule_arch, rule_isa, rule_cpu32, rule_cpu_floor, rule_boot,
  rule_ram, rule_disk, rule_disk_kind, rule_gpu, lf_rule_wifi, rule_support, NULL,
};
