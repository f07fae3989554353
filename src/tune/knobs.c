/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The knob catalogue: one row per knob (after powertop's init_tuning), and
 * reading every instance of it below a sysroot.
 *
 * Kernel ABI: Documentation/admin-guide/pm/cpufreq.rst (scaling_governor,
 * scaling_available_governors), pm/intel_pstate.rst and pm/amd-pstate.rst
 * (energy_performance_preference, energy_performance_available_preferences),
 * ABI/testing/sysfs-platform_profile, ABI/testing/sysfs-class-power
 * (charge_control_{start,end}_threshold), ABI/testing/sysfs-class-backlight,
 * ABI/testing/sysfs-devices-power (power/control), drivers/ata/libata-sata.c
 * (link_power_management_policy), drivers/pci/pcie/aspm.c (policy),
 * admin-guide/sysctl/kernel.rst (nmi_watchdog), sysctl/vm.rst
 * (dirty_writeback_centisecs), sound/hda/intel power_save module parameter. */
#include "tune/tune.h"

#include <glib/gi18n.h>

#include "core/error.h"
#include "probe/probe.h"

static const char *const sata_choices[] = {
  "max_performance", "medium_power", "min_power", "med_power_with_dipm", NULL,
};
static const char *const power_control_choices[] = { "on", "auto", NULL };
static const char *const on_off_choices[] = { "on", "off", NULL };
static const char *const sony_care_choices[] = { "0", "50", "80", "100", NULL };
static const char *const lg_care_choices[] = { "80", "100", NULL };
/* ABI/testing/sysfs-class-power, charge_types (one-word values). */
static const char *const charge_type_choices[] = {
  "Trickle", "Fast", "Standard", "Adaptive", "Custom", "Bypass", NULL,
};
/* amdgpu: Documentation/gpu/amdgpu/thermal.rst, power_dpm_force_performance_level. */
static const char *const gpu_level_choices[] = { "auto", "low", "high", NULL };
static const char *const daemon_choices[] = { "power-saver", "balanced", "performance", NULL };

/* Apply order matters: governor before EPP (intel_pstate refuses EPP changes
 * under the performance governor), thresholds are reordered by plan.c. */
static const LfKnob knobs[] = {
  /* id                       description, pattern, type, available, choices, min, max, filter, writable, note */
  /* First: the daemon writes its own knobs when it switches; lapfit's come after. */
  { "power_profile", N_("Power profile of the desktop's daemon (power-profiles-daemon, tuned-ppd, "
                        "tlp-pd), switched over D-Bus"),
    NULL, LF_KNOB_DAEMON, NULL, daemon_choices, 0, 0, LF_KNOB_FILTER_NONE, TRUE, NULL, NULL,
    N_("the daemon changes the settings it owns, as the desktop's power menu does") },
  { "cpu_governor", N_("CPU frequency governor"),
    "sys/devices/system/cpu/cpufreq/policy*/scaling_governor", LF_KNOB_CHOICE,
    "scaling_available_governors", NULL, 0, 0, LF_KNOB_FILTER_NONE, TRUE, NULL, NULL,
    N_("power-saving governors react more slowly to sudden load") },
  { "cpu_epp", N_("CPU energy/performance preference (EPP)"),
    "sys/devices/system/cpu/cpufreq/policy*/energy_performance_preference", LF_KNOB_CHOICE,
    "energy_performance_available_preferences", NULL, 0, 0, LF_KNOB_FILTER_NONE, TRUE, NULL, NULL,
    N_("power-leaning values ramp the CPU up more slowly: short bursts feel a little slower") },
  /* intel_pstate (pm/intel_pstate.rst): no_turbo, min/max_perf_pct; other
   * drivers (acpi-cpufreq, amd-pstate passive/guided): cpufreq/boost (cpufreq.rst). */
  { "cpu_no_turbo", N_("Intel Turbo Boost off (1 = the CPU stays at its base clock: cooler, "
                       "longer on battery)"),
    "sys/devices/system/cpu/intel_pstate/no_turbo", LF_KNOB_INT,
    NULL, NULL, 0, 1, LF_KNOB_FILTER_NONE, TRUE, NULL, NULL,
    N_("heavy work (compiling, video export) takes noticeably longer") },
  { "cpu_boost", N_("CPU boost clocks (0 = off: the CPU stays at its base clock)"),
    "sys/devices/system/cpu/cpufreq/boost", LF_KNOB_INT,
    NULL, NULL, 0, 1, LF_KNOB_FILTER_NONE, TRUE, NULL, NULL,
    N_("heavy work (compiling, video export) takes noticeably longer") },
  { "cpu_min_perf", N_("Lowest CPU performance allowed (percent of the maximum, intel_pstate)"),
    "sys/devices/system/cpu/intel_pstate/min_perf_pct", LF_KNOB_INT,
    NULL, NULL, 0, 100, LF_KNOB_FILTER_NONE, TRUE, NULL, NULL,
    N_("a higher floor wastes power when the machine is idle") },
  { "cpu_max_perf", N_("Highest CPU performance allowed (percent of the maximum, intel_pstate)"),
    "sys/devices/system/cpu/intel_pstate/max_perf_pct", LF_KNOB_INT,
    NULL, NULL, 1, 100, LF_KNOB_FILTER_NONE, TRUE, NULL, NULL,
    N_("a lower ceiling slows heavy work down") },
  { "platform_profile", N_("Firmware platform profile (ACPI platform_profile)"),
    "sys/firmware/acpi/platform_profile", LF_KNOB_CHOICE,
    "platform_profile_choices", NULL, 0, 0, LF_KNOB_FILTER_NONE, TRUE, NULL, NULL,
    N_("low-power profiles lower fan speeds and power limits: less sustained speed") },
  { "sata_alpm", N_("SATA link power management"),
    "sys/class/scsi_host/host*/link_power_management_policy", LF_KNOB_CHOICE,
    NULL, sata_choices, 0, 0, LF_KNOB_FILTER_NONE, TRUE, NULL, NULL,
    N_("disks wake a little later; min_power hangs a few old drives (med_power_with_dipm is the safe choice)") },
  { "pcie_aspm", N_("PCIe active-state power management policy"),
    "sys/module/pcie_aspm/parameters/policy", LF_KNOB_BRACKETED,
    NULL, NULL, 0, 0, LF_KNOB_FILTER_NONE, TRUE, NULL, NULL,
    N_("a few devices misbehave in deeper link states (Wi-Fi drops, NVMe resets)") },
  { "pci_runtime_pm", N_("Runtime power management of PCI devices"),
    "sys/bus/pci/devices/*/power/control", LF_KNOB_CHOICE,
    NULL, power_control_choices, 0, 0, LF_KNOB_FILTER_PCI, TRUE, NULL, NULL,
    N_("some devices wake slowly; drivers known to break are left out") },
  { "usb_autosuspend", N_("USB autosuspend (never for keyboards, mice and other input devices)"),
    "sys/bus/usb/devices/*/power/control", LF_KNOB_CHOICE,
    NULL, power_control_choices, 0, 0, LF_KNOB_FILTER_USB, TRUE, NULL, NULL,
    N_("some USB devices disconnect or lose input when suspended; input, audio and printer devices are left out") },
  { "audio_power_save", N_("Audio codec power saving (seconds idle, 0 = off)"),
    "sys/module/snd_hda_intel/parameters/power_save", LF_KNOB_INT,
    NULL, NULL, 0, 3600, LF_KNOB_FILTER_NONE, TRUE, NULL, NULL,
    N_("some speakers click or pop when sound starts after a pause") },
  { "wifi_power_save", N_("Wi-Fi power saving (the radio dozes between beacons)"),
    "sys/class/net/*/wireless", LF_KNOB_NETLINK,
    NULL, on_off_choices, 0, 0, LF_KNOB_FILTER_NONE, TRUE, NULL, NULL,
    N_("slightly higher network latency; a few drivers or access points drop the link") },
  { "gpu_power_level", N_("AMD GPU power level (amdgpu; low = lowest clocks)"),
    "sys/class/drm/card*/device/power_dpm_force_performance_level", LF_KNOB_CHOICE,
    NULL, gpu_level_choices, 0, 0, LF_KNOB_FILTER_NONE, TRUE, NULL, NULL,
    N_("the low level makes graphics and games slower") },
  /* i915 (drivers/gpu/drm/i915/i915_sysfs.c): gt_max_freq_mhz capped at a percent
   * of gt_RP0_freq_mhz, the highest the GPU runs. */
  { "gpu_max_freq", N_("Intel GPU clock cap (percent of its highest clock; only lowers)"),
    "sys/class/drm/card*/gt_max_freq_mhz", LF_KNOB_CAP_PERCENT,
    "gt_RP0_freq_mhz", NULL, 10, 100, LF_KNOB_FILTER_NONE, TRUE, NULL, NULL,
    N_("graphics and high-resolution video get slower") },
  { "nmi_watchdog", N_("NMI watchdog (1 = on; off saves wake-ups)"),
    "proc/sys/kernel/nmi_watchdog", LF_KNOB_INT,
    NULL, NULL, 0, 1, LF_KNOB_FILTER_NONE, TRUE, NULL, NULL,
    N_("a hard kernel lock-up is no longer detected and reported") },
  { "dirty_writeback", N_("Dirty page writeback interval (centiseconds)"),
    "proc/sys/vm/dirty_writeback_centisecs", LF_KNOB_INT,
    NULL, NULL, 0, 360000, LF_KNOB_FILTER_NONE, TRUE, NULL, NULL,
    N_("more unsaved data is lost if the power fails suddenly") },
  /* Charge limits: the kernel's generic files (their values fitted to the vendor
   * driver's rules, charge.c), Dell's mode switch, and vendor switches that follow
   * charge_stop_threshold. The mode goes first: Dell applies thresholds only in Custom. */
  { "charge_type", N_("Battery charge mode (Dell: Custom makes the thresholds apply, Standard "
                      "charges to 100 %)"),
    "sys/class/power_supply/*/charge_types", LF_KNOB_BRACKETED,
    NULL, charge_type_choices, 0, 0, LF_KNOB_FILTER_NONE, TRUE, NULL, NULL,
    N_("Custom stops charging at the thresholds: less runtime until a full charge") },
  { "charge_start_threshold", N_("Battery charge start threshold (percent)"),
    "sys/class/power_supply/*/charge_control_start_threshold", LF_KNOB_INT,
    NULL, NULL, 0, 100, LF_KNOB_FILTER_NONE, TRUE, NULL, NULL,
    N_("charging starts only below it, so the battery is often not full") },
  { "charge_stop_threshold", N_("Battery charge stop threshold (percent)"),
    "sys/class/power_supply/*/charge_control_end_threshold", LF_KNOB_INT,
    NULL, NULL, 1, 100, LF_KNOB_FILTER_NONE, TRUE, NULL, NULL,
    N_("less runtime per charge ('lapfit tune fullcharge' charges it full once)") },
  { "charge_ideapad_conservation", N_("IdeaPad battery conservation mode (1 = stop charging at "
                                      "about 60 %, 80 % on some models)"),
    "sys/bus/platform/devices/VPC2004:*/conservation_mode", LF_KNOB_INT,
    NULL, NULL, 0, 1, LF_KNOB_FILTER_NONE, TRUE, NULL, "charge_stop_threshold",
    N_("less runtime per charge ('lapfit tune fullcharge' charges it full once)") },
  { "charge_samsung_life_extender", N_("Samsung battery life extender (1 = stop charging at "
                                       "80 %)"),
    "sys/devices/platform/samsung/battery_life_extender", LF_KNOB_INT,
    NULL, NULL, 0, 1, LF_KNOB_FILTER_NONE, TRUE, NULL, "charge_stop_threshold",
    N_("less runtime per charge ('lapfit tune fullcharge' charges it full once)") },
  { "charge_sony_care_limiter", N_("Sony battery care limiter (stop charging at 50, 80 or "
                                   "100 %; 0 = off)"),
    "sys/devices/platform/sony-laptop/battery_care_limiter", LF_KNOB_CHOICE,
    NULL, sony_care_choices, 0, 0, LF_KNOB_FILTER_NONE, TRUE, NULL, "charge_stop_threshold",
    N_("less runtime per charge ('lapfit tune fullcharge' charges it full once)") },
  { "charge_lg_care_limit", N_("LG battery care limit (stop charging at 80 or 100 %)"),
    "sys/devices/platform/lg-laptop/battery_care_limit", LF_KNOB_CHOICE,
    NULL, lg_care_choices, 0, 0, LF_KNOB_FILTER_NONE, TRUE, NULL, "charge_stop_threshold",
    N_("less runtime per charge ('lapfit tune fullcharge' charges it full once)") },
  { "brightness_cap", N_("Screen brightness cap (percent of maximum; only lowers)"),
    "sys/class/backlight/*/brightness", LF_KNOB_CAP_PERCENT,
    "max_brightness", NULL, 1, 100, LF_KNOB_FILTER_NONE, TRUE, NULL, NULL,
    N_("a dimmer screen") },
};

const LfKnob *lf_knobs(gsize *n_knobs)
{
  *n_knobs = G_N_ELEMENTS(knobs);
  return knobs;
}

const LfKnob *lf_knob_find(const char *id)
{
  for (gsize i = 0; i < G_N_ELEMENTS(knobs); i++)
    if (g_str_equal(knobs[i].id, id))
      return &knobs[i];
  return NULL;
}

gboolean lf_knob_path_matches(const LfKnob *knob, const char *path)
{
  if (knob->pattern == NULL)
    return FALSE;   /* not a file */
  g_auto(GStrv) want = g_strsplit(knob->pattern, "/", -1);
  g_auto(GStrv) have = g_strsplit(path, "/", -1);
  if (g_strv_length(want) != g_strv_length(have))
    return FALSE;
  for (guint i = 0; want[i]; i++) {
    /* No "..", ".", or empty components: the glob must not climb. */
    if (have[i][0] == '\0' || g_str_equal(have[i], "..") || g_str_equal(have[i], "."))
      return FALSE;
    if (!g_pattern_match_simple(want[i], have[i]))
      return FALSE;
  }
  return TRUE;
}

static gboolean is_word(const char *value)
{
  if (value == NULL || *value == '\0' || strlen(value) > 64)
    return FALSE;
  for (const char *p = value; *p; p++)
    if (!g_ascii_isalnum(*p) && *p != '_' && *p != '-')
      return FALSE;
  return TRUE;
}

gboolean lf_knob_check_value(const LfKnob *knob, const char *value, GError **error)
{
  gint64 v;
  switch (knob->type) {
  case LF_KNOB_CHOICE:
  case LF_KNOB_BRACKETED:
  case LF_KNOB_DAEMON:
  case LF_KNOB_NETLINK:
    if (!is_word(value)) {
      g_set_error(error, LF_ERROR, LF_ERROR_PARSE,
                  _("'%s' is not a valid value for %s: want one word"), value, knob->id);
      return FALSE;
    }
    if (knob->choices && !g_strv_contains(knob->choices, value)) {
      g_autofree char *list = g_strjoinv(", ", (char **)knob->choices);
      g_set_error(error, LF_ERROR, LF_ERROR_PARSE,
                  _("'%s' is not a valid value for %s: want one of %s"), value, knob->id, list);
      return FALSE;
    }
    return TRUE;
  case LF_KNOB_INT:
  case LF_KNOB_CAP_PERCENT:
    if (!lf_parse_int(value, &v) || v < knob->min || v > knob->max) {
      g_autofree char *lo = g_strdup_printf("%" G_GINT64_FORMAT, knob->min);
      g_autofree char *hi = g_strdup_printf("%" G_GINT64_FORMAT, knob->max);
      g_set_error(error, LF_ERROR, LF_ERROR_PARSE,
                  _("'%s' is not a valid value for %s: want a whole number from %s to %s"),
                  value, knob->id, lo, hi);
      return FALSE;
    }
    return TRUE;
  }
  g_assert_not_reached();
}

void lf_knob_state_free(LfKnobState *state)
{
  if (state == NULL)
    return;
  g_free(state->path);
  g_free(state->instance);
  g_free(state->current);
  g_clear_pointer(&state->allowed, g_ptr_array_unref);
  g_free(state->excluded);
  g_free(state);
}

static gboolean has_wildcard(const char *s)
{
  return strchr(s, '*') != NULL || strchr(s, '?') != NULL;
}

/* Expands pattern component by component through the sysroot. Each match is
 * added to out as {path, instance}, instance = the first wildcard's match. */
static void glob_expand(const LfSysroot *root, char **parts, guint i, const char *prefix,
                        const char *instance, GPtrArray *paths, GPtrArray *instances)
{
  if (parts[i] == NULL) {
    if (lf_sysroot_exists(root, prefix)) {
      g_ptr_array_add(paths, g_strdup(prefix));
      g_ptr_array_add(instances, g_strdup(instance ? instance : ""));
    }
    return;
  }
  if (!has_wildcard(parts[i])) {
    g_autofree char *next = *prefix ? g_strconcat(prefix, "/", parts[i], NULL)
                                    : g_strdup(parts[i]);
    glob_expand(root, parts, i + 1, next, instance, paths, instances);
    return;
  }
  g_autoptr(GPtrArray) names = lf_sysroot_list(root, prefix);
  if (names == NULL)
    return;
  for (guint k = 0; k < names->len; k++) {
    const char *name = names->pdata[k];
    if (!g_pattern_match_simple(parts[i], name))
      continue;
    g_autofree char *next = g_strconcat(prefix, "/", name, NULL);
    glob_expand(root, parts, i + 1, next, instance ? instance : name, paths, instances);
  }
}

static GPtrArray *split_words(const char *text)
{
  GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
  g_auto(GStrv) words = g_strsplit_set(text ? text : "", " \t\n", -1);
  for (guint i = 0; words[i]; i++)
    if (*words[i])
      g_ptr_array_add(out, g_strdup(words[i]));
  return out;
}

static char *sibling(const char *path, const char *name)
{
  g_autofree char *dir = g_path_get_dirname(path);
  return g_strconcat(dir, "/", name, NULL);
}

/* "[default] performance powersave" -> current "default", allowed all four. */
static void read_bracketed(const LfSysroot *root, LfKnobState *st)
{
  g_autofree char *text = lf_sysroot_read_string(root, st->path);
  if (text == NULL)
    return;
  st->allowed = split_words(text);
  for (guint i = 0; i < st->allowed->len; i++) {
    char *w = st->allowed->pdata[i];
    gsize n = strlen(w);
    if (n >= 2 && w[0] == '[' && w[n - 1] == ']') {
      memmove(w, w + 1, n - 2);
      w[n - 2] = '\0';
      g_free(st->current);
      st->current = g_strdup(w);
    }
  }
  /* A plain file written by a fixture (or a kernel printing one word): the
   * knob's documented choices stand in for the list. */
  if (st->current == NULL && st->allowed->len == 1) {
    st->current = g_strdup(st->allowed->pdata[0]);
    if (st->knob->choices) {
      g_ptr_array_set_size(st->allowed, 0);
      for (guint i = 0; st->knob->choices[i]; i++)
        g_ptr_array_add(st->allowed, g_strdup(st->knob->choices[i]));
    }
  }
}

/* USB interface classes lapfit never autosuspends. HID: powertop#101, #165. */
static const char *usb_excluded_class(const LfSysroot *root, const char *devdir,
                                      const char *instance)
{
  g_autoptr(GPtrArray) entries = lf_sysroot_list(root, devdir);
  if (entries == NULL)
    return NULL;
  g_autofree char *prefix = g_strconcat(instance, ":", NULL);
  const char *found = NULL;
  for (guint i = 0; i < entries->len; i++) {
    const char *e = entries->pdata[i];
    if (!g_str_has_prefix(e, prefix))
      continue;
    g_autofree char *rel = g_strconcat(devdir, "/", e, "/bInterfaceClass", NULL);
    g_autofree char *cls = lf_sysroot_read_string(root, rel);
    if (cls == NULL)
      continue;
    if (g_ascii_strcasecmp(cls, "03") == 0)
      return "hid";  /* strongest reason wins */
    if (g_str_equal(cls, "01"))
      found = "audio";
    else if (g_str_equal(cls, "07") && found == NULL)
      found = "printer";
  }
  return found;
}

static void apply_filter(const LfSysroot *root, LfKnobState *st)
{
  g_autofree char *powerdir = g_path_get_dirname(st->path);   /* .../<dev>/power */
  g_autofree char *devdir = g_path_get_dirname(powerdir);
  switch (st->knob->filter) {
  case LF_KNOB_FILTER_NONE:
    return;
  case LF_KNOB_FILTER_USB: {
    const char *cls = usb_excluded_class(root, devdir, st->instance);
    if (cls == NULL)
      return;
    if (g_str_equal(cls, "hid"))
      st->excluded = g_strdup(_("input device (HID): autosuspend would put the keyboard, "
                                "mouse or touchpad to sleep"));
    else if (g_str_equal(cls, "audio"))
      st->excluded = g_strdup(_("USB audio device: autosuspend causes clicks and dropouts"));
    else
      st->excluded = g_strdup(_("USB printer: autosuspend breaks many printers"));
    return;
  }
  case LF_KNOB_FILTER_PCI: {
    /* Like TLP's default RUNTIME_PM_DRIVER_DENYLIST: these drivers manage
     * runtime PM themselves or hang when forced. */
    static const char *const deny[] = { "mei_me", "nouveau", "radeon", NULL };
    g_autofree char *link = g_strconcat(devdir, "/driver", NULL);
    g_autofree char *driver = lf_sysroot_link_name(root, link);
    if (driver && g_strv_contains(deny, driver))
      st->excluded = g_strdup_printf(_("driver %s manages its own runtime power management"),
                                     driver);
    return;
  }
  }
}

static void read_wifi(const LfSysroot *root, LfKnobState *st)
{
  if (!lf_wifi_available(root)) {
    st->excluded = g_strdup(_("a copy of a machine (--root) has no Wi-Fi to ask: nl80211 "
                              "talks to the running kernel"));
    return;
  }
  g_autoptr(GError) error = NULL;
  st->current = lf_wifi_read(root, st->path, &error);
  if (st->current)
    return;
  g_debug("wifi %s: %s", st->instance, error->message);
  if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
    st->excluded = g_strdup(_("the Wi-Fi driver has no power saving"));
}

static LfKnobState *read_instance(const LfSysroot *root, const LfKnob *knob, const char *path,
                                  const char *instance)
{
  LfKnobState *st = g_new0(LfKnobState, 1);
  st->knob = knob;
  st->path = g_strdup(path);
  st->instance = g_strdup(instance);
  if (!knob->writable) {
    st->excluded = g_strdup(_(knob->note));
    return st;
  }
  switch (knob->type) {
  case LF_KNOB_BRACKETED:
    read_bracketed(root, st);
    break;
  case LF_KNOB_CAP_PERCENT: {
    g_autofree char *maxp = sibling(path, knob->available);
    gint64 max = 0;
    if (lf_sysroot_read_int(root, maxp, &max) && max > 0)
      st->max_raw = max;
    st->current = lf_sysroot_read_string(root, path);
    break;
  }
  case LF_KNOB_CHOICE:
  case LF_KNOB_INT:
    st->current = lf_sysroot_read_string(root, path);
    break;
  case LF_KNOB_NETLINK:
    read_wifi(root, st);
    return st;
  case LF_KNOB_DAEMON:
    g_assert_not_reached();   /* no pattern: daemon_state() */
  }
  if (knob->available && knob->type != LF_KNOB_CAP_PERCENT) {
    g_autofree char *avail = sibling(path, knob->available);
    g_autofree char *text = lf_sysroot_read_string(root, avail);
    if (text)
      st->allowed = split_words(text);
  }
  apply_filter(root, st);
  return st;
}

static gboolean is_threshold(const LfKnob *knob)
{
  return g_str_equal(knob->id, "charge_start_threshold") ||
         g_str_equal(knob->id, "charge_stop_threshold");
}

GPtrArray *lf_knobs_read_sysfs(const LfSysroot *root)
{
  GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify)lf_knob_state_free);
  const LfChargeRule *rule = NULL;
  for (gsize k = 0; k < G_N_ELEMENTS(knobs); k++) {
    if (knobs[k].pattern == NULL)
      continue;
    g_auto(GStrv) parts = g_strsplit(knobs[k].pattern, "/", -1);
    g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GPtrArray) instances = g_ptr_array_new_with_free_func(g_free);
    glob_expand(root, parts, 0, "", NULL, paths, instances);
    for (guint i = 0; i < paths->len; i++) {
      /* USB interfaces ("1-2:1.0") may carry power/ too; only devices autosuspend. */
      if (knobs[k].filter == LF_KNOB_FILTER_USB && strchr(instances->pdata[i], ':'))
        continue;
      LfKnobState *st = read_instance(root, &knobs[k], paths->pdata[i], instances->pdata[i]);
      if (is_threshold(st->knob)) {
        if (rule == NULL)
          rule = lf_charge_rule_detect(root);
        st->charge_rule = rule;
      }
      g_ptr_array_add(out, st);
    }
  }
  return out;
}

/* The running profile daemon: tuned-ppd or tlp-pd before power-profiles-daemon
 * (a drop-in is what answers when both are installed), or NULL. */
static const LfTuner *profile_daemon(const GPtrArray *tuners)
{
  const LfTuner *found = NULL;
  for (guint i = 0; i < tuners->len; i++) {
    const LfTuner *t = tuners->pdata[i];
    if (t->running && t->profile_daemon && (found == NULL || t->drives))
      found = t;
  }
  return found;
}

static LfKnobState *daemon_state(const LfPowerDaemon *d)
{
  LfKnobState *st = g_new0(LfKnobState, 1);
  st->knob = lf_knob_find("power_profile");
  st->path = g_strdup(d->bus_name);
  st->instance = g_strdup("");
  st->current = g_strdup(d->active);
  st->allowed = g_ptr_array_new_with_free_func(g_free);
  for (guint i = 0; i < d->profiles->len; i++)
    g_ptr_array_add(st->allowed, g_strdup(d->profiles->pdata[i]));
  return st;
}

/* Marks each state with a running tuner that writes it; a knob the profile
 * daemon (or the tuner it drives) writes is delegated: lapfit switches the
 * daemon's profile and leaves the file to it. */
static void assign_tuners(GPtrArray *states, const GPtrArray *tuners, const LfTuner *daemon)
{
  for (guint i = 0; i < states->len; i++) {
    LfKnobState *st = states->pdata[i];
    if (st->knob->type == LF_KNOB_DAEMON)
      continue;
    for (guint k = 0; k < tuners->len; k++) {
      const LfTuner *t = tuners->pdata[k];
      if (!t->running || !lf_tuner_writes(t, st->knob->id))
        continue;
      gboolean delegated = daemon && (t == daemon || g_strcmp0(t->id, daemon->drives) == 0);
      if (st->tuner_id && (st->delegated || !delegated))
        continue;   /* a delegation wins over a conflict */
      st->tuner_id = delegated ? daemon->id : t->id;
      st->tuner_name = delegated ? daemon->name : t->name;
      st->delegated = delegated;
    }
  }
}

GPtrArray *lf_knobs_read(const LfSysroot *root)
{
  GPtrArray *states = lf_knobs_read_sysfs(root);
  g_autoptr(GPtrArray) tuners = lf_tuners_detect(root);
  g_autoptr(GError) error = NULL;
  g_autoptr(LfPowerDaemon) d = lf_power_daemon_find(root, &error);
  if (d == NULL)
    g_debug("power daemon: %s", error->message);
  const LfTuner *daemon = profile_daemon(tuners);
  /* A daemon on the bus whose process this root does not show (a test's
   * private bus): power-profiles-daemon, the one most desktops run. */
  if (d && daemon == NULL) {
    LfTuner *t = lf_tuner_new("power-profiles-daemon");
    t->running = TRUE;
    g_ptr_array_add(tuners, t);
    daemon = t;
  }
  if (d)
    g_ptr_array_insert(states, 0, daemon_state(d));
  assign_tuners(states, tuners, daemon);
  return states;
}

const char *lf_power_source_to_string(LfPowerSource source)
{
  switch (source) {
  case LF_POWER_AC:
    return "ac";
  case LF_POWER_BATTERY:
    return "battery";
  }
  g_assert_not_reached();
}

/* The probe's answer, so the tuner and the report never disagree; when
 * nothing tells, the AC settings (the safe side for a machine at a desk). */
LfPowerSource lf_power_source_detect(const LfSysroot *root)
{
  return lf_power_on_ac(root) == LF_TRI_FALSE ? LF_POWER_BATTERY : LF_POWER_AC;
}
