/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Other power tuners, a catalogue: what each is, how to see that it runs or
 * is enabled, and which lapfit knobs it writes (the tuner refuses to fight
 * them: auto-cpufreq#463, TLP#561).
 *
 * Running: <root>/proc/<pid>/comm, or the script name in cmdline (TuneD and
 * auto-cpufreq are Python scripts: comm is the script, argv[0] the interpreter).
 * Enabled: systemd links in <root>/etc/systemd/system/<target>.wants (a unit
 * masked to /dev/null is not enabled), SysV <root>/etc/rc[2-5].d/S??name,
 * runit (<root>/etc/runit/runsvdir/default, /etc/service, /var/service) and
 * OpenRC <root>/etc/runlevels/{boot,default}. Everything through LfSysroot. */
#include "probe/tuners.h"

#include <glib/gi18n.h>
#include <string.h>

#include "probe/probe.h"

typedef struct {
  const char *id, *name;
  const char *const *comms;     /* process names (comm is cut at 15 bytes) */
  const char *unit;             /* systemd unit */
  const char *service;          /* SysV / runit / OpenRC service name */
  const char *why;              /* N_() */
  const char *const *knobs;     /* lapfit knobs it writes */
  gboolean profile_daemon;      /* owns the power-profiles D-Bus API */
  const char *drives;           /* the tuner whose settings it switches */
  gboolean acts_when_enabled;   /* run by udev rules and at boot, no process that stays */
} TunerDef;

static const char *const tlp_comms[] = { "tlp", NULL };
static const char *const tlp_pd_comms[] = { "tlp-pd", NULL };
static const char *const ppd_comms[] = { "power-profiles-", "power-profiles-daemon", NULL };
static const char *const tuned_comms[] = { "tuned", NULL };
static const char *const tuned_ppd_comms[] = { "tuned-ppd", NULL };
static const char *const acf_comms[] = { "auto-cpufreq", NULL };
static const char *const lmt_comms[] = { "laptop_mode", "lmt-poll", NULL };
static const char *const s76_comms[] = { "system76-power", NULL };
/* An interactive powertop only measures; its --auto-tune service is the tuner. */
static const char *const powertop_comms[] = { NULL };

/* What each writes, from its sources: TLP's defaults.conf and tlp-func-*,
 * power-profiles-daemon's drivers (intel_pstate/amd_pstate EPP and governor,
 * platform_profile) and actions (trickle_charge: charge_type; amdgpu panel
 * power and DPM), TuneD's powersave/balanced-battery plugins (cpu, acpi,
 * scsi_host, audio, usb, sysctl), auto-cpufreq's core.py, laptop-mode-tools'
 * modules, system76-power's src/kernel_parameters.rs and powertop's tunables. */
static const char *const tlp_knobs[] = {
  "cpu_governor", "cpu_epp", "cpu_no_turbo", "cpu_boost", "cpu_min_perf", "cpu_max_perf",
  "platform_profile", "sata_alpm", "pcie_aspm", "pci_runtime_pm", "usb_autosuspend",
  "audio_power_save", "wifi_power_save", "nmi_watchdog", "dirty_writeback", "gpu_power_level",
  "charge_start_threshold", "charge_stop_threshold", NULL,
};
static const char *const ppd_knobs[] = {
  "cpu_governor", "cpu_epp", "platform_profile", "charge_type",
  "gpu_power_level", NULL,
};
static const char *const tuned_knobs[] = {
  "cpu_governor", "cpu_epp", "cpu_no_turbo", "cpu_boost", "platform_profile", "sata_alpm",
  "audio_power_save", "usb_autosuspend", "nmi_watchdog", "dirty_writeback", "gpu_power_level",
  NULL,
};
static const char *const acf_knobs[] = {
  "cpu_governor", "cpu_epp", "cpu_no_turbo", "cpu_boost", "platform_profile", NULL,
};
static const char *const lmt_knobs[] = {
  "cpu_governor", "cpu_no_turbo", "cpu_min_perf", "cpu_max_perf", "sata_alpm",
  "pci_runtime_pm", "usb_autosuspend", "audio_power_save", "wifi_power_save", "nmi_watchdog",
  "dirty_writeback", "gpu_power_level", NULL,
};
static const char *const s76_knobs[] = {
  "cpu_governor", "cpu_epp", "cpu_no_turbo", "cpu_min_perf", "cpu_max_perf", "sata_alpm",
  "pcie_aspm", "pci_runtime_pm", "audio_power_save", "nmi_watchdog", "dirty_writeback", NULL,
};
static const char *const powertop_knobs[] = {
  "sata_alpm", "pci_runtime_pm", "usb_autosuspend", "audio_power_save", "wifi_power_save",
  "nmi_watchdog", "dirty_writeback", NULL,
};

static const TunerDef tuners[] = {
  { "tlp", "TLP", tlp_comms, "tlp.service", "tlp",
    N_("it sets the same CPU, disk, PCI, USB and battery settings at boot and on every "
       "AC/battery change"), tlp_knobs, FALSE, NULL, TRUE },
  { "tlp-pd", "tlp-pd", tlp_pd_comms, "tlp-pd.service", "tlp-pd",
    N_("it switches TLP's settings when the desktop changes power profile"), tlp_knobs, TRUE,
    "tlp", FALSE },
  { "power-profiles-daemon", "power-profiles-daemon", ppd_comms,
    "power-profiles-daemon.service", "power-profiles-daemon",
    N_("it owns the CPU energy preference and platform_profile and resets them whenever the "
       "desktop switches profile"), ppd_knobs, TRUE, NULL, FALSE },
  { "tuned", "TuneD", tuned_comms, "tuned.service", "tuned",
    N_("it applies its own profile to the same CPU, disk and USB settings"), tuned_knobs, FALSE,
    NULL, FALSE },
  { "tuned-ppd", "tuned-ppd", tuned_ppd_comms, "tuned-ppd.service", "tuned-ppd",
    N_("it switches TuneD's profile when the desktop changes power profile"), tuned_knobs, TRUE,
    "tuned", FALSE },
  { "auto-cpufreq", "auto-cpufreq", acf_comms, "auto-cpufreq.service", "auto-cpufreq",
    N_("it rewrites the CPU governor and energy preference every few seconds"), acf_knobs, FALSE,
    NULL, FALSE },
  { "laptop-mode-tools", "laptop-mode-tools", lmt_comms, "laptop-mode.service", "laptop-mode",
    N_("it changes disk, USB, PCI and CPU settings on every AC/battery change"), lmt_knobs, FALSE,
    NULL, TRUE },
  { "system76-power", "system76-power", s76_comms, "com.system76.PowerDaemon.service",
    "system76-power",
    N_("it sets the CPU, disk, PCI and audio settings of its own profiles"), s76_knobs, FALSE,
    NULL, FALSE },
  { "powertop", "PowerTOP", powertop_comms, "powertop.service", NULL,
    N_("its --auto-tune sets every tunable, including autosuspend of input devices"),
    powertop_knobs, FALSE, NULL, FALSE },
};

void lf_tuner_free(LfTuner *tuner)
{
  if (tuner == NULL)
    return;
  g_free(tuner->evidence);
  g_free(tuner);
}

static gboolean is_pid(const char *name)
{
  if (*name == '\0')
    return FALSE;
  for (const char *c = name; *c; c++)
    if (!g_ascii_isdigit(*c))
      return FALSE;
  return TRUE;
}

static const TunerDef *match_comm(const char *comm)
{
  for (gsize i = 0; i < G_N_ELEMENTS(tuners); i++)
    if (comm && g_strv_contains(tuners[i].comms, comm))
      return &tuners[i];
  return NULL;
}

static gboolean is_interpreter(const char *name)
{
  return g_str_has_prefix(name, "python") || g_str_equal(name, "sh") ||
         g_str_equal(name, "bash") || g_str_equal(name, "perl");
}

/* cmdline says more than comm only for an interpreter running a script or a
 * name cut at exactly 15 bytes (kernel workers show longer names, never cut);
 * skipping it elsewhere halves the files read on a machine with a hundred
 * processes. */
static gboolean comm_needs_cmdline(const char *comm)
{
  return comm == NULL || is_interpreter(comm) || strlen(comm) == 15;
}

/* The program a process runs: argv[0], or argv[1] after an interpreter. */
static const TunerDef *match_cmdline(const LfSysroot *root, const char *pid)
{
  g_autofree char *rel = g_strdup_printf("proc/%s/cmdline", pid);
  g_autofree char *data = NULL;
  gsize len = 0;
  if (!lf_sysroot_read(root, rel, 8192, &data, &len, NULL) || len == 0)
    return NULL;
  const char *arg = data, *end = data + len;
  g_autofree char *b0 = g_path_get_basename(arg);
  const TunerDef *t = match_comm(b0);
  if (t || !is_interpreter(b0))
    return t;
  /* The script: the first argument after the interpreter's options. */
  for (arg += strlen(arg) + 1; arg < end; arg += strlen(arg) + 1) {
    if (*arg == '-')
      continue;
    g_autofree char *b = g_path_get_basename(arg);
    return match_comm(b);
  }
  return NULL;
}

static LfTuner *tuner_from_def(const TunerDef *def)
{
  LfTuner *t = g_new0(LfTuner, 1);
  t->id = def->id;
  t->name = def->name;
  t->why = def->why;
  t->knobs = def->knobs;
  t->profile_daemon = def->profile_daemon;
  t->drives = def->drives;
  t->acts_when_enabled = def->acts_when_enabled;
  return t;
}

LfTuner *lf_tuner_new(const char *id)
{
  for (gsize i = 0; i < G_N_ELEMENTS(tuners); i++)
    if (g_str_equal(tuners[i].id, id))
      return tuner_from_def(&tuners[i]);
  g_return_val_if_reached(NULL);
}

static LfTuner *tuner_get(GPtrArray *out, const TunerDef *def)
{
  for (guint i = 0; i < out->len; i++) {
    LfTuner *t = out->pdata[i];
    if (g_str_equal(t->id, def->id))
      return t;
  }
  LfTuner *t = tuner_from_def(def);
  g_ptr_array_add(out, t);
  return t;
}

/* Adds each entry of dir as KIND:NAME -> "dir/entry", unless an earlier entry named it.
 * SysV directories hold S<two digits>NAME links; other entries are the name itself
 * (links to host paths that do not exist below the root count: the entry is there). */
static void add_entries(GHashTable *boot, const LfSysroot *root, const char *dir,
                        const char *kind, gboolean sysv)
{
  g_autoptr(GPtrArray) names = lf_sysroot_list(root, dir);
  for (guint i = 0; names && i < names->len; i++) {
    const char *entry = names->pdata[i];
    const char *name = entry;
    if (sysv) {
      if (strlen(entry) <= 3 || entry[0] != 'S' || !g_ascii_isdigit(entry[1]) ||
          !g_ascii_isdigit(entry[2]))
        continue;
      name = entry + 3;
    }
    char *key = g_strconcat(kind, name, NULL);
    if (g_hash_table_contains(boot, key))
      g_free(key);
    else
      g_hash_table_insert(boot, key, g_strdup_printf("%s/%s", dir, entry));
  }
}

static gboolean is_tuner_unit(const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS(tuners); i++)
    if (g_str_equal(tuners[i].unit, name))
      return TRUE;
  return FALSE;
}

/* What the boot systems start, each directory listed once for every tuner (a lookup per
 * tuner and directory cost a third of a probe's file opens): "unit:NAME" for systemd's
 * <target>.wants, "service:NAME" for SysV runlevels 2-5, runit and OpenRC, in that
 * order; "masked:NAME" for a unit linked to /dev/null. */
static GHashTable *boot_entries(const LfSysroot *root)
{
  GHashTable *boot = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) units = lf_sysroot_list(root, "etc/systemd/system");
  for (guint i = 0; units && i < units->len; i++) {
    const char *d = units->pdata[i];
    g_autofree char *rel = g_strconcat("etc/systemd/system/", d, NULL);
    if (g_str_has_suffix(d, ".wants")) {
      add_entries(boot, root, rel, "unit:", FALSE);
      continue;
    }
    g_autofree char *target = is_tuner_unit(d) ? lf_sysroot_link_name(root, rel) : NULL;
    if (g_strcmp0(target, "null") == 0)
      g_hash_table_insert(boot, g_strconcat("masked:", d, NULL), g_steal_pointer(&rel));
  }
  for (int level = 2; level <= 5; level++) {
    g_autofree char *dir = g_strdup_printf("etc/rc%d.d", level);
    add_entries(boot, root, dir, "service:", TRUE);
  }
  static const char *const dirs[] = {
    "etc/runit/runsvdir/default", "etc/service", "var/service", "etc/runlevels/default",
    "etc/runlevels/boot",
  };
  for (gsize i = 0; i < G_N_ELEMENTS(dirs); i++)
    add_entries(boot, root, dirs[i], "service:", FALSE);
  return boot;
}

/* Where the tuner is enabled ("etc/systemd/system/multi-user.target.wants/tlp.service"),
 * or NULL. A masked unit is not enabled through systemd. */
static const char *find_enabled(GHashTable *boot, const TunerDef *def)
{
  g_autofree char *masked = g_strconcat("masked:", def->unit, NULL);
  g_autofree char *unit = g_strconcat("unit:", def->unit, NULL);
  const char *where = g_hash_table_contains(boot, masked) ? NULL
                                                            : g_hash_table_lookup(boot, unit);
  if (where == NULL && def->service) {
    g_autofree char *service = g_strconcat("service:", def->service, NULL);
    where = g_hash_table_lookup(boot, service);
  }
  return where;
}

GPtrArray *lf_tuners_detect(const LfSysroot *root)
{
  GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify)lf_tuner_free);
  g_autoptr(GPtrArray) pids = lf_sysroot_list(root, "proc");
  for (guint i = 0; pids && i < pids->len; i++) {
    const char *pid = pids->pdata[i];
    if (!is_pid(pid))
      continue;
    g_autofree char *rel = g_strdup_printf("proc/%s/comm", pid);
    g_autofree char *comm = lf_sysroot_read_string(root, rel);
    const TunerDef *def = match_comm(comm);
    if (def == NULL && comm_needs_cmdline(comm))
      def = match_cmdline(root, pid);
    if (def == NULL)
      continue;
    LfTuner *t = tuner_get(out, def);
    if (!t->running) {
      t->running = TRUE;
      g_free(t->evidence);
      t->evidence = g_strdup_printf("proc/%s", pid);
    }
  }
  g_autoptr(GHashTable) boot = boot_entries(root);
  for (gsize i = 0; i < G_N_ELEMENTS(tuners); i++) {
    const char *where = find_enabled(boot, &tuners[i]);
    if (where == NULL)
      continue;
    LfTuner *t = tuner_get(out, &tuners[i]);
    t->enabled = TRUE;
    if (t->evidence == NULL)
      t->evidence = g_strdup(where);
  }
  return out;
}

gboolean lf_tuner_active(const LfTuner *tuner)
{
  return tuner->running || (tuner->enabled && tuner->acts_when_enabled);
}

gboolean lf_tuner_writes(const LfTuner *tuner, const char *knob_id)
{
  return tuner->knobs && g_strv_contains(tuner->knobs, knob_id);
}

void lf_probe_tuners(LfProbeContext *ctx, LfReport *report)
{
  g_autoptr(GPtrArray) found = lf_tuners_detect(ctx->root);
  for (guint i = 0; i < found->len; i++)
    lf_strv_add(&report->power.tuners_running, ((LfTuner *)found->pdata[i])->id);
}
