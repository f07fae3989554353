/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Human text output of a report: translated labels, plain words next to the
 * technical values (core/human.h, the same words as the TUI), "unknown" with
 * what is unknown, and the reasons collected in report->errors at the end.
 * Rows are collected first so the value column lines up by terminal columns
 * in every language. */
#include <glib/gi18n.h>
#include <inttypes.h>
#include <stdio.h>

#include "cli/cli.h"
#include "core/text.h"
#include "core/data-text.h"
#include "core/human.h"
#include "probe/errors.h"

typedef struct {
  char *label;                /* NULL: a section heading in value */
  char *value;
} LfOutRow;

/* The report's interface kind ("wifi", "ethernet", "bluetooth") as a label. */
static const char *network_kind_label(const char *kind)
{
  if (g_strcmp0(kind, "wifi") == 0)
    return C_("network kind", "Wi-Fi");
  if (g_strcmp0(kind, "ethernet") == 0)
    return C_("network kind", "Ethernet");
  if (g_strcmp0(kind, "bluetooth") == 0)
    return C_("network kind", "Bluetooth");
  return kind ? kind : _("network");
}

static void out_row_free(gpointer p)
{
  LfOutRow *r = p;
  g_free(r->label);
  g_free(r->value);
  g_free(r);
}

static void head(GPtrArray *out, const char *title)
{
  LfOutRow *r = g_new0(LfOutRow, 1);
  r->value = g_strdup(title);
  g_ptr_array_add(out, r);
}

static void line(GPtrArray *out, const char *label, const char *value)
{
  LfOutRow *r = g_new0(LfOutRow, 1);
  r->label = g_strdup(label ? label : "");
  r->value = g_strdup(value);
  g_ptr_array_add(out, r);
}

/* A value that may be unknown: `unknown` says what is not known. */
static void line_or(GPtrArray *out, const char *label, const char *value, const char *unknown)
{
  line(out, label, value && *value ? value : unknown);
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

static void print_machine(GPtrArray *out, const LfReport *r)
{
  const LfMachine *m = &r->machine;
  head(out, _("Machine"));
  g_autofree char *name = lf_human_model(m);
  line(out, _("Model"), name);
  const char *kind = lf_human_chassis(m->chassis);
  g_autofree char *chassis = m->chassis && g_strcmp0(kind, m->chassis) != 0 &&
                                     !g_str_equal(m->chassis, "unknown")
                                 /* TRANSLATORS: chassis in plain words, then the SMBIOS code */
                                 ? g_strdup_printf(_("%s (%s)"), kind, m->chassis)
                                 : g_strdup(kind);
  line(out, _("Chassis"), chassis);
  if (m->virtual_)
    line(out, _("Virtual machine"), m->virtual_);
  g_autofree char *fw = NULL;
  if (g_strcmp0(m->firmware.mode, "uefi") == 0)
    fw = lf_known_int(m->firmware.uefi_bits)
             ? g_strdup_printf(_("UEFI (%" PRId64 "-bit), Secure Boot %s"),
                               m->firmware.uefi_bits, lf_tri_to_human(m->firmware.secure_boot))
             : g_strdup_printf(_("UEFI, Secure Boot %s"), lf_tri_to_human(m->firmware.secure_boot));
  else if (g_strcmp0(m->firmware.mode, "bios") == 0)
    fw = g_strdup(_("BIOS (legacy)"));
  line_or(out, _("Firmware"), fw, _("boot mode unknown"));
  if (m->bios.vendor || m->bios.version) {
    g_autofree char *bios = g_strjoin(" ", m->bios.vendor ? m->bios.vendor : "",
                                      m->bios.version ? m->bios.version : "",
                                      m->bios.date ? m->bios.date : "", NULL);
    line(out, _("BIOS"), g_strstrip(bios));
  }
}

/* A CPU known not to be x86: its ISA level names another architecture. */
static gboolean non_x86(const LfCpu *c)
{
  const char *l = c->isa_level;
  return l != NULL && !g_str_has_prefix(l, "x86-64") && !(l[0] == 'i' && g_str_has_suffix(l, "86"));
}

static void print_cpu(GPtrArray *out, const LfReport *r)
{
  const LfCpu *c = &r->cpu;
  head(out, _("CPU"));
  line_or(out, _("Model"), c->brand, _("model name unknown"));
  g_autofree char *gen = NULL;
  g_autofree char *generation = lf_human_generation(c->generation);
  if (c->uarch || c->generation) {
    g_autofree char *year = lf_known_int(c->launch_year)
                                ? g_strdup_printf("%" PRId64, c->launch_year)
                                : g_strdup(_("in an unknown year"));
    gen = g_strdup_printf(_("%s (%s), launched %s"),
                          generation ? generation : _("generation unknown"),
                          c->uarch ? lf_data_text(LF_DATA_CPU_UARCH, c->uarch) : _("design unknown"),
                          year);
  }
  line_or(out, _("Generation"), gen, _("unknown: not in lapfit's CPU table"));
  if (c->codename != NULL)
    line(out, _("Codename"), lf_data_text(LF_DATA_CPU_CODENAME, c->codename));
  if (lf_known_num(c->max_mhz)) {
    g_autofree char *n = lf_human_number(c->max_mhz, 0);
    /* TRANSLATORS: maximum CPU clock in MHz */
    g_autofree char *mhz = g_strdup_printf(_("%s MHz"), n);
    line(out, _("Max clock"), mhz);
  }
  g_autofree char *missing = join_strv(c->missing_for_next_level);
  g_autofree char *isa = NULL;
  if (c->isa_level)
    isa = missing ? g_strdup_printf(_("%s (next level needs %s)"), c->isa_level, missing)
                  : g_strdup(c->isa_level);
  if (isa)
    line(out, _("ISA level"), isa);
  line(out, isa ? "" : _("ISA level"), lf_human_isa(c));
  g_autofree char *bits = lf_known_int(c->bits)
                              ? g_strdup_printf(_("%" PRId64 "-bit"), c->bits)
                              : g_strdup(_("width unknown"));
  /* TRANSLATORS: PAE state of a Pentium M that implements PAE without advertising it */
  const char *pae = g_strcmp0(c->pae_note, "hidden") == 0 ? _("hidden (boot with forcepae)")
                                                          : lf_tri_to_human(c->pae);
  /* PAE, NX and SSE2 are x86 words: an ARM or RISC-V CPU is described by its width only. */
  g_autofree char *feat = non_x86(c) ? g_strdup(bits)
                                     : g_strdup_printf(_("%s; PAE %s, NX %s, SSE2 %s"), bits, pae,
                                                       lf_tri_to_human(c->nx),
                                                       lf_tri_to_human(c->sse2));
  line(out, _("Features"), feat);
  if (lf_human_cpu_features(c))
    line(out, "", lf_human_cpu_features(c));
  g_autofree char *ct = lf_human_cores(c->cores, c->threads);
  line(out, _("Cores"), ct);
}

static void print_memory(GPtrArray *out, const LfReport *r)
{
  const LfMemory *m = &r->memory;
  head(out, _("Memory"));
  g_autofree char *usable = lf_human_mb(m->usable_mb), *installed = lf_human_mb(m->installed_mb);
  g_autofree char *inst = installed && g_strcmp0(m->installed_source, "estimate") == 0
                              ? g_strdup_printf(_("%s (estimate)"), installed)
                              : g_strdup(installed);
  line_or(out, _("Installed"), inst, _("size unknown"));
  line_or(out, _("Usable"), usable, _("size unknown"));
  if (m->slots_total == 0) {
    line(out, _("Slots"), _("none: all memory is soldered"));
  } else if (lf_known_int(m->slots_total)) {
    g_autofree char *max = lf_human_mb(m->max_mb);
    g_autofree char *used = lf_known_int(m->slots_used) ? g_strdup_printf("%" PRId64, m->slots_used)
                                                        : g_strdup("?");
    g_autofree char *slots =
        max ? g_strdup_printf(_("%s of %" PRId64 " used, board maximum %s"), used,
                              m->slots_total, max)
            : g_strdup_printf(_("%s of %" PRId64 " used, board maximum unknown"), used,
                              m->slots_total);
    line(out, _("Slots"), slots);
  }
  if (m->type) {
    g_autofree char *speed = lf_known_int(m->speed_mts)
                                 ? g_strdup_printf("%s-%" PRId64, m->type, m->speed_mts)
                                 : g_strdup(m->type);
    g_autofree char *t = m->soldered == LF_TRI_TRUE ? g_strdup_printf(_("%s, soldered"), speed)
                                                    : g_strdup(speed);
    line(out, _("Type"), t);
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

static char *wh(double v)
{
  if (!lf_known_num(v))
    return g_strdup(_("unknown"));
  g_autofree char *n = lf_human_number(v, 1);
  return g_strdup_printf(_("%s Wh"), n);
}

static void print_battery(GPtrArray *out, const LfBattery *b)
{
  g_autofree char *full = wh(b->full_wh), *design = wh(b->design_wh);
  g_autofree char *bar = lf_known_num(b->health_pct) ? health_bar(b->health_pct) : NULL;
  g_autofree char *health =
      lf_known_num(b->health_pct)
          /* TRANSLATORS: battery health: bar, percent, full and design capacity */
          ? g_strdup_printf(_("health %s %.0f %% (%s of %s design)"), bar, b->health_pct, full,
                            design)
          : g_strdup_printf(_("health unknown (%s of %s design)"), full, design);
  g_autofree char *title = g_strdup_printf("%s%s%s", b->name ? b->name : "?",
                                           b->model ? " " : "", b->model ? b->model : "");
  line(out, title, health);
  g_autofree char *pct = lf_known_num(b->percent) ? g_strdup_printf(_("%.0f %% charged"), b->percent)
                                                  : g_strdup(_("charge unknown"));
  g_autofree char *power = NULL;
  if (lf_known_num(b->power_w)) {
    g_autofree char *n = lf_human_number(b->power_w, 1);
    power = g_strdup_printf(_("%s W"), n);
  } else {
    power = g_strdup(_("power draw unknown"));
  }
  g_autofree char *cycles = lf_known_int(b->cycles)
                                ? g_strdup_printf(ngettext("%" PRId64 " cycle", "%" PRId64 " cycles",
                                                           (gulong)b->cycles),
                                                  b->cycles)
                                : g_strdup(_("cycle count unknown"));
  /* TRANSLATORS: state, charge level, power draw and charge cycles */
  g_autofree char *state = g_strdup_printf(_("%s, %s, %s, %s"), lf_human_battery_state(b->state),
                                           pct, power, cycles);
  line(out, "", state);
  g_autofree char *empty = lf_human_duration(b->time_to_empty_s);
  g_autofree char *tofull = lf_human_duration(b->time_to_full_s);
  if (empty && g_strcmp0(b->state, "charging") != 0) {
    g_autofree char *t = g_strdup_printf(_("%s to empty at this rate"), empty);
    line(out, "", t);
  } else if (tofull) {
    g_autofree char *t = g_strdup_printf(_("%s to full at this rate"), tofull);
    line(out, "", t);
  }
  if (lf_known_int(b->charge_stop_threshold) || lf_known_int(b->charge_start_threshold)) {
    g_autofree char *start = lf_known_int(b->charge_start_threshold)
                                 ? g_strdup_printf("%" PRId64 " %%", b->charge_start_threshold)
                                 : g_strdup(_("not set"));
    g_autofree char *stop = lf_known_int(b->charge_stop_threshold)
                                ? g_strdup_printf("%" PRId64 " %%", b->charge_stop_threshold)
                                : g_strdup(_("not set"));
    g_autofree char *th = g_strdup_printf(_("charge thresholds: start %s, stop %s"), start, stop);
    line(out, "", th);
  }
  g_autofree char *flags = join_strv(b->flags);
  if (flags) {
    /* TRANSLATORS: machine ids of battery oddities, e.g. "health-over-100" */
    g_autofree char *f = g_strdup_printf(_("notes: %s"), flags);
    line(out, "", f);
  }
}

static void print_batteries(GPtrArray *out, const LfReport *r)
{
  head(out, _("Batteries"));
  if (r->batteries == NULL || r->batteries->len == 0)
    line(out, "", _("none found"));
  for (guint i = 0; r->batteries && i < r->batteries->len; i++)
    print_battery(out, r->batteries->pdata[i]);
}

static void print_storage(GPtrArray *out, const LfReport *r)
{
  head(out, _("Storage"));
  if (r->storage == NULL || r->storage->len == 0)
    line(out, "", _("none found"));
  for (guint i = 0; r->storage && i < r->storage->len; i++) {
    const LfStorage *s = r->storage->pdata[i];
    g_autofree char *desc = lf_human_storage(s);
    line(out, s->name ? s->name : "?", desc);
  }
}

static void print_devices(GPtrArray *out, const LfReport *r)
{
  head(out, _("Graphics and network"));
  for (guint i = 0; r->gpus && i < r->gpus->len; i++) {
    const LfGpu *g = r->gpus->pdata[i];
    g_autofree char *name = g_strstrip(g_strjoin(" ", g->vendor ? g->vendor : "",
                                                 g->device ? g->device : "", NULL));
    g_autofree char *d = g_strdup_printf("%s [%s], %s", *name ? name : _("unnamed device"),
                                         g->pci_id ? g->pci_id : "?",
                                         g->driver ? g->driver : _("no driver"));
    line(out, _("GPU"), d);
  }
  for (guint i = 0; r->network && i < r->network->len; i++) {
    const LfNetwork *n = r->network->pdata[i];
    g_autofree char *missing = join_strv(n->firmware_missing);
    g_autofree char *name = g_strstrip(g_strjoin(" ", n->vendor ? n->vendor : "",
                                                 n->device ? n->device : "", NULL));
    g_autofree char *d = g_strdup_printf("%s, %s", *name ? name : _("unnamed device"),
                                         n->driver ? n->driver : _("no driver"));
    if (missing) {
      g_autofree char *base = d;
      d = g_strdup_printf(_("%s; missing firmware: %s"), base, missing);
    }
    line(out, network_kind_label(n->kind), d);
    if (missing && n->firmware_package) {
      /* TRANSLATORS: %s is a Debian package name such as firmware-iwlwifi */
      g_autofree char *hint = g_strdup_printf(_("firmware package: %s"), n->firmware_package);
      line(out, "", hint);
    }
  }
}

static void print_power_os(GPtrArray *out, const LfReport *r)
{
  head(out, _("Power"));
  line(out, _("On AC"), lf_tri_to_human(r->power.on_ac));
  const LfCpufreq *f = &r->power.cpufreq;
  g_autofree char *cf = f->driver ? g_strdup_printf("%s / %s%s%s", f->driver,
                                                    f->governor ? f->governor : "?",
                                                    f->epp ? " / " : "", f->epp ? f->epp : "")
                                  : g_strdup(_("not available"));
  line(out, _("CPU frequency"), cf);
  if (r->power.platform_profile)
    line(out, _("Platform profile"), r->power.platform_profile);
  g_autofree char *tuners = join_strv(r->power.tuners_running);
  line(out, _("Other tuners"), tuners ? tuners : _("none"));
  head(out, _("System"));
  line_or(out, _("OS"), r->os.pretty_name, _("name unknown"));
  line_or(out, _("Kernel"), r->os.kernel, _("version unknown"));
  line(out, _("Live session"), lf_tri_to_human(r->os.live_session));
}

void lf_print_report(const LfReport *r)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func(out_row_free);
  print_machine(out, r);
  print_cpu(out, r);
  print_memory(out, r);
  print_batteries(out, r);
  print_storage(out, r);
  print_devices(out, r);
  print_power_os(out, r);
  int lw = 16;
  for (guint i = 0; i < out->len; i++) {
    const LfOutRow *row = out->pdata[i];
    if (row->label)
      lw = MAX(lw, (int)lf_text_width(row->label));
  }
  for (guint i = 0; i < out->len; i++) {
    const LfOutRow *row = out->pdata[i];
    /* Values come from files anyone can write: no escape reaches the terminal. */
    g_autofree char *value = lf_text_sanitize(row->value);
    if (row->label == NULL) {
      printf("%s\n", value);
      continue;
    }
    g_autofree char *label = lf_human_pad(row->label, lw);
    printf("  %s %s\n", label, value);
  }
  if (r->errors && r->errors->len > 0) {
    printf("%s\n", _("Not determined"));
    for (guint i = 0; i < r->errors->len; i++) {
      const LfReportError *e = r->errors->pdata[i];
      /* The report keeps them in English; the reader gets them in their language. */
      g_autofree char *text = lf_probe_error_text(e->message);
      g_autofree char *probe = lf_text_sanitize(lf_probe_area_name(e->probe));
      g_autofree char *msg = lf_text_sanitize(text);
      /* TRANSLATORS: the part of the probe, then what it could not determine */
      g_autofree char *item = g_strdup_printf(_("%s: %s"), probe, msg);
      printf("  %s\n", item);
    }
  }
}
