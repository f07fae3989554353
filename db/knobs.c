/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The knob catalogue: one row per knob (after powertop's init_tuning), and the
 * values a profile may give each (db/knobs.h). The tuner reads and writes the
 * instances (src/tune/knobs.c, apply.c).
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
#include "db/knobs.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/error.h"
#include "core/sysroot.h"

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

