/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Human text output of a report: translated labels, "unknown" where the probe
 * could not tell, and the reasons collected in report->errors at the end. */
#include <glib/gi18n.h>
#include <inttypes.h>
#include <stdio.h>

#include "cli/cli.h"
#include "core/text.h"

static const char *or_unknown(const char *s)
{
  return s ? s : _("unknown");
}

static void line(const char *label, const char *value)
{
  /* Values come from files anyone can write: no escape reaches the terminal. */
  g_autofree char *l = lf_text_sanitize(label);
  g_autofree char *v = lf_text_sanitize(value);
  printf("  %-16s %s\n", l, v);
}

static char *fmt_int(gint64 v, const char *unit)
{
  if (!lf_known_int(v))
    return g_strdup(_("unknown"));
  return unit ? g_strdup_printf("%" G_GINT64_FORMAT " %s", v, unit)
              : g_strdup_printf("%" G_GINT64_FORMAT, v);
}

static char *fmt_num(double v, const char *unit)
{
  if (!lf_known_num(v))
    return g_strdup(_("unknown"));
  return g_strdup_printf("%.1f %s", v, unit);
}

static char *fmt_mb(gint64 mb)
{
  if (!lf_known_int(mb))
    return g_strdup(_("unknown"));
  if (mb >= 1024)
    return g_strdup_printf(_("%.1f GiB"), mb / 1024.0);
  return g_strdup_printf(_("%" PRId64 " MiB"), mb);
}

static char *join_strv(const GPtrArray *a)
{
  if (a == NULL || a->len == 0)
    return NULL;
  GString *s = g_string_new(NULL);
  for (guint i = 0; i < a->len; i++)
    g_string_append_printf(s, "%s%s", i ? ", " : "", (const char *)a->pdata[i]);
  return g_string_free(s, FALSE);
}

static void print_machine(const LfReport *r)
{
  const LfMachine *m = &r->machine;
  printf("%s\n", _("Machine"));
  g_autofree char *name = g_strjoin(" ", or_unknown(m->vendor), or_unknown(m->product), NULL);
  line(_("Model"), name);
  line(_("Chassis"), or_unknown(m->chassis));
  if (m->virtual_)
    line(_("Virtual machine"), m->virtual_);
  g_autofree char *fw = NULL;
  if (g_strcmp0(m->firmware.mode, "uefi") == 0)
    fw = lf_known_int(m->firmware.uefi_bits)
             ? g_strdup_printf(_("UEFI (%" PRId64 "-bit), Secure Boot %s"),
                               m->firmware.uefi_bits, lf_tri_to_human(m->firmware.secure_boot))
             : g_strdup_printf(_("UEFI, Secure Boot %s"), lf_tri_to_human(m->firmware.secure_boot));
  else
    fw = g_strdup(g_strcmp0(m->firmware.mode, "bios") == 0 ? _("BIOS (legacy)") : _("unknown"));
  line(_("Firmware"), fw);
  if (m->bios.vendor || m->bios.version) {
    g_autofree char *bios = g_strdup_printf("%s %s %s", or_unknown(m->bios.vendor),
                                            or_unknown(m->bios.version), m->bios.date ? m->bios.date : "");
    line(_("BIOS"), g_strstrip(bios));
  }
}

/* "2 cores, 4 threads" with plural forms; "unknown" for what is not known. */
static char *ct_text(gint64 cores, gint64 threads)
{
  g_autofree char *c = lf_known_int(cores)
                           ? g_strdup_printf(ngettext("%" PRId64 " core",
                                                      "%" PRId64 " cores", (gulong)cores),
                                             cores)
                           : g_strdup(_("cores unknown"));
  g_autofree char *t = lf_known_int(threads)
                           ? g_strdup_printf(ngettext("%" PRId64 " thread",
                                                      "%" PRId64 " threads",
                                                      (gulong)threads),
                                             threads)
                           : g_strdup(_("threads unknown"));
  /* TRANSLATORS: core count, then thread count, e.g. "2 cores, 4 threads" */
  return g_strdup_printf(_("%s, %s"), c, t);
}

static void print_cpu(const LfReport *r)
{
  const LfCpu *c = &r->cpu;
  printf("%s\n", _("CPU"));
  line(_("Model"), or_unknown(c->brand));
  g_autofree char *gen = NULL;
  if (c->uarch || c->generation) {
    g_autofree char *year = fmt_int(c->launch_year, NULL);
    gen = g_strdup_printf(_("%s (%s), launched %s"), or_unknown(c->generation),
                          or_unknown(c->uarch), year);
  }
  line(_("Generation"), gen ? gen : _("unknown"));
  if (c->codename != NULL)
    line(_("Codename"), c->codename);
  if (lf_known_num(c->max_mhz)) {
    /* TRANSLATORS: maximum CPU clock in MHz */
    g_autofree char *mhz = g_strdup_printf(_("%.0f MHz"), c->max_mhz);
    line(_("Max clock"), mhz);
  }
  g_autofree char *missing = join_strv(c->missing_for_next_level);
  g_autofree char *isa = missing ? g_strdup_printf(_("%s (next level needs %s)"),
                                                   or_unknown(c->isa_level), missing)
                                 : g_strdup(or_unknown(c->isa_level));
  line(_("ISA level"), isa);
  g_autofree char *bits = fmt_int(c->bits, _("bit"));
  /* TRANSLATORS: PAE state of a Pentium M that implements PAE without advertising it */
  const char *pae = g_strcmp0(c->pae_note, "hidden") == 0 ? _("hidden (boot with forcepae)")
                                                          : lf_tri_to_human(c->pae);
  g_autofree char *feat = g_strdup_printf(_("%s; PAE %s, NX %s, SSE2 %s"), bits, pae,
                                          lf_tri_to_human(c->nx), lf_tri_to_human(c->sse2));
  line(_("Features"), feat);
  g_autofree char *ct = ct_text(c->cores, c->threads);
  line(_("Cores"), ct);
}

static void print_memory(const LfReport *r)
{
  const LfMemory *m = &r->memory;
  printf("%s\n", _("Memory"));
  g_autofree char *usable = fmt_mb(m->usable_mb), *installed = fmt_mb(m->installed_mb);
  g_autofree char *inst = g_strcmp0(m->installed_source, "estimate") == 0
                              ? g_strdup_printf(_("%s (estimate)"), installed)
                              : g_strdup(installed);
  line(_("Installed"), inst);
  line(_("Usable"), usable);
  if (m->slots_total == 0) {
    line(_("Slots"), _("none: all memory is soldered"));
  } else if (lf_known_int(m->slots_total)) {
    g_autofree char *used = fmt_int(m->slots_used, NULL), *max = fmt_mb(m->max_mb);
    g_autofree char *slots = g_strdup_printf(_("%s of %" PRId64 " used, board maximum %s"),
                                             used, m->slots_total, max);
    line(_("Slots"), slots);
  }
  if (m->type) {
    g_autofree char *speed = lf_known_int(m->speed_mts)
                                 ? g_strdup_printf("%s-%" G_GINT64_FORMAT, m->type, m->speed_mts)
                                 : g_strdup(m->type);
    g_autofree char *t = m->soldered == LF_TRI_TRUE ? g_strdup_printf(_("%s, soldered"), speed)
                                                    : g_strdup(speed);
    line(_("Type"), t);
  }
}

/* "[########--]": health at a glance, 10 % a cell, capped at full. */
static char *health_bar(double pct)
{
  int cells = (int)CLAMP(pct / 10.0 + 0.5, 0, 10);
  char bar[13] = "[";
  for (int i = 0; i < 10; i++)
    bar[1 + i] = i < cells ? '#' : '-';
  bar[11] = ']';
  bar[12] = '\0';
  return g_strdup(bar);
}

static char *fmt_duration(gint64 s)
{
  /* TRANSLATORS: a duration in hours and minutes, e.g. "5 h 07 min" */
  return g_strdup_printf(_("%" PRId64 " h %02" PRId64 " min"), s / 3600,
                         (s % 3600) / 60);
}

static void print_batteries(const LfReport *r)
{
  printf("%s\n", _("Batteries"));
  if (r->batteries == NULL || r->batteries->len == 0) {
    line("", _("none"));
    return;
  }
  for (guint i = 0; i < r->batteries->len; i++) {
    const LfBattery *b = r->batteries->pdata[i];
    g_autofree char *full = fmt_num(b->full_wh, "Wh"), *design = fmt_num(b->design_wh, "Wh");
    g_autofree char *bar = lf_known_num(b->health_pct) ? health_bar(b->health_pct) : NULL;
    g_autofree char *health =
        lf_known_num(b->health_pct)
            /* TRANSLATORS: battery health: bar, percent, full and design capacity */
            ? g_strdup_printf(_("health %s %.0f %% (%s of %s design)"), bar, b->health_pct,
                              full, design)
            : g_strdup_printf(_("health unknown (%s of %s design)"), full, design);
    g_autofree char *title = g_strdup_printf("%s%s%s", or_unknown(b->name),
                                             b->model ? " " : "", b->model ? b->model : "");
    line(title, health);
    g_autofree char *cycles = fmt_int(b->cycles, NULL), *power = fmt_num(b->power_w, "W");
    g_autofree char *pct = lf_known_num(b->percent) ? g_strdup_printf("%.0f %%", b->percent)
                                                    : g_strdup(_("unknown"));
    /* TRANSLATORS: state, charge level, power draw and charge cycles */
    g_autofree char *state = g_strdup_printf(_("%s, %s charged, %s, %s cycles"),
                                             or_unknown(b->state), pct, power, cycles);
    line("", state);
    if (lf_known_int(b->time_to_empty_s)) {
      g_autofree char *d = fmt_duration(b->time_to_empty_s);
      g_autofree char *t = g_strdup_printf(_("%s to empty at this rate"), d);
      line("", t);
    } else if (lf_known_int(b->time_to_full_s)) {
      g_autofree char *d = fmt_duration(b->time_to_full_s);
      g_autofree char *t = g_strdup_printf(_("%s to full at this rate"), d);
      line("", t);
    }
    if (lf_known_int(b->charge_stop_threshold) || lf_known_int(b->charge_start_threshold)) {
      g_autofree char *start = fmt_int(b->charge_start_threshold, "%");
      g_autofree char *stop = fmt_int(b->charge_stop_threshold, "%");
      g_autofree char *th = g_strdup_printf(_("charge thresholds: start %s, stop %s"), start, stop);
      line("", th);
    }
    g_autofree char *flags = join_strv(b->flags);
    if (flags) {
      /* TRANSLATORS: machine ids of battery oddities, e.g. "health-over-100" */
      g_autofree char *f = g_strdup_printf(_("notes: %s"), flags);
      line("", f);
    }
  }
}

static void print_storage(const LfReport *r)
{
  printf("%s\n", _("Storage"));
  for (guint i = 0; r->storage && i < r->storage->len; i++) {
    const LfStorage *s = r->storage->pdata[i];
    g_autofree char *size = fmt_num(s->size_gb, "GB");
    g_autofree char *desc = g_strdup_printf("%s, %s, %s%s", or_unknown(s->kind), size,
                                            or_unknown(s->model),
                                            s->boot_medium == LF_TRI_TRUE ? _(" (lapfit runs from here)") : "");
    line(or_unknown(s->name), desc);
  }
}

static void print_devices(const LfReport *r)
{
  printf("%s\n", _("Graphics and network"));
  for (guint i = 0; r->gpus && i < r->gpus->len; i++) {
    const LfGpu *g = r->gpus->pdata[i];
    g_autofree char *d = g_strdup_printf("%s %s [%s], %s", or_unknown(g->vendor),
                                         or_unknown(g->device), or_unknown(g->pci_id),
                                         g->driver ? g->driver : _("no driver"));
    line(_("GPU"), d);
  }
  for (guint i = 0; r->network && i < r->network->len; i++) {
    const LfNetwork *n = r->network->pdata[i];
    g_autofree char *missing = join_strv(n->firmware_missing);
    g_autofree char *d = g_strdup_printf("%s %s, %s%s%s", or_unknown(n->vendor),
                                         or_unknown(n->device),
                                         n->driver ? n->driver : _("no driver"),
                                         missing ? _("; missing firmware: ") : "",
                                         missing ? missing : "");
    line(or_unknown(n->kind), d);
    if (missing && n->firmware_package) {
      /* TRANSLATORS: %s is a Debian package name such as firmware-iwlwifi */
      g_autofree char *hint = g_strdup_printf(_("firmware package: %s"), n->firmware_package);
      line("", hint);
    }
  }
}

static void print_power_os(const LfReport *r)
{
  printf("%s\n", _("Power"));
  line(_("On AC"), lf_tri_to_human(r->power.on_ac));
  const LfCpufreq *f = &r->power.cpufreq;
  g_autofree char *cf = f->driver ? g_strdup_printf("%s / %s%s%s", f->driver, or_unknown(f->governor),
                                                    f->epp ? " / " : "", f->epp ? f->epp : "")
                                  : g_strdup(_("not available"));
  line(_("CPU frequency"), cf);
  if (r->power.platform_profile)
    line(_("Platform profile"), r->power.platform_profile);
  g_autofree char *tuners = join_strv(r->power.tuners_running);
  line(_("Other tuners"), tuners ? tuners : _("none"));
  printf("%s\n", _("System"));
  line(_("OS"), or_unknown(r->os.pretty_name));
  line(_("Kernel"), or_unknown(r->os.kernel));
  line(_("Live session"), lf_tri_to_human(r->os.live_session));
}

void lf_print_report(const LfReport *r)
{
  print_machine(r);
  print_cpu(r);
  print_memory(r);
  print_batteries(r);
  print_storage(r);
  print_devices(r);
  print_power_os(r);
  if (r->errors && r->errors->len > 0) {
    printf("%s\n", _("Not determined"));
    for (guint i = 0; i < r->errors->len; i++) {
      const LfReportError *e = r->errors->pdata[i];
      g_autofree char *probe = lf_text_sanitize(or_unknown(e->probe));
      g_autofree char *msg = lf_text_sanitize(or_unknown(e->message));
      printf("  %s: %s\n", probe, msg);
    }
  }
}
