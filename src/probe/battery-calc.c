/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Battery maths: LfBatteryRaw -> LfBattery. Pure, see battery-calc.h.
 *
 * The formulas follow what upowerd 0.99.20 does with the same sysfs values
 * (so the UPower and sysfs paths agree): charge units are converted with
 * voltage_min_design, the rate is |power_now| or |current_now| x that voltage,
 * time to empty = now / rate, time to full = (full - now) / rate, and times
 * beyond 240 hours are treated as unknown. */
#include <math.h>
#include <string.h>

#include "probe/battery-calc.h"

/* Plausibility limits: anything outside is a firmware or parser accident. */
#define MAX_WH 2000.0         /* the largest laptop packs are ~100 Wh */
#define MAX_AH 200.0
#define MAX_V 100.0
#define MAX_W 1000.0
#define MAX_A 100.0
#define MAX_CYCLES 100000.0
#define MAX_TIME_S (240.0 * 3600.0)   /* upowerd's limit too */

void lf_battery_raw_init(LfBatteryRaw *raw)
{
  memset(raw, 0, sizeof *raw);
  raw->source = "sysfs";
  raw->unit = LF_BATTERY_UNIT_MICRO;
  double *nums[] = {
    &raw->energy_full_design, &raw->energy_full, &raw->energy_now, &raw->power_now,
    &raw->charge_full_design, &raw->charge_full, &raw->charge_now, &raw->current_now,
    &raw->voltage_min_design, &raw->voltage_now, &raw->capacity, &raw->cycle_count,
    &raw->time_to_empty, &raw->time_to_full, &raw->charge_start_threshold,
    &raw->charge_stop_threshold, &raw->smbios_design_mwh, &raw->smbios_design_mv,
  };
  for (gsize i = 0; i < G_N_ELEMENTS(nums); i++)
    *nums[i] = NAN;
}

void lf_battery_raw_clear(LfBatteryRaw *raw)
{
  g_clear_pointer(&raw->name, g_free);
  g_clear_pointer(&raw->vendor, g_free);
  g_clear_pointer(&raw->model, g_free);
  g_clear_pointer(&raw->serial, g_free);
  g_clear_pointer(&raw->technology, g_free);
  g_clear_pointer(&raw->status, g_free);
  if (raw->sysfs != NULL) {
    lf_battery_raw_clear(raw->sysfs);
    g_clear_pointer(&raw->sysfs, g_free);
  }
}

const char *lf_battery_state_from_status(const char *status)
{
  static const struct {
    const char *word, *state;
  } map[] = {
    /* kernel (sysfs) words */
    { "Charging", "charging" }, { "Discharging", "discharging" }, { "Full", "full" },
    { "Not charging", "not-charging" },
    /* UPower's up_device_state_to_string() words */
    { "fully-charged", "full" }, { "pending-charge", "not-charging" },
    { "pending-discharge", "not-charging" }, { "empty", "discharging" },
  };
  for (gsize i = 0; status && i < G_N_ELEMENTS(map); i++)
    if (g_ascii_strcasecmp(status, map[i].word) == 0)
      return map[i].state;
  return "unknown";
}

const char *lf_battery_technology_id(const char *technology)
{
  /* Kernel words as upowerd 0.99.20 maps them, plus UPower's own ids. */
  static const struct {
    const char *word, *id;
  } map[] = {
    { "Li-ion", "lithium-ion" }, { "lion", "lithium-ion" }, { "lithium-ion", "lithium-ion" },
    { "Li-poly", "lithium-polymer" }, { "lip", "lithium-polymer" }, { "lipo", "lithium-polymer" },
    { "lithium-polymer", "lithium-polymer" },
    { "LiFe", "lithium-iron-phosphate" }, { "lithium-iron-phosphate", "lithium-iron-phosphate" },
    { "pb", "lead-acid" }, { "pbac", "lead-acid" }, { "lead-acid", "lead-acid" },
    { "NiCd", "nickel-cadmium" }, { "nickel-cadmium", "nickel-cadmium" },
    { "NiMH", "nickel-metal-hydride" }, { "nickel-metal-hydride", "nickel-metal-hydride" },
  };
  for (gsize i = 0; technology && i < G_N_ELEMENTS(map); i++)
    if (g_ascii_strcasecmp(technology, map[i].word) == 0)
      return map[i].id;
  return NULL;
}

/* A raw number in the source's unit, converted and range-checked: NAN when
 * missing, not finite, negative (unless allow_negative) or above max. */
static double scaled(double v, double divisor, double max, gboolean allow_negative)
{
  if (!isfinite(v))
    return NAN;
  double s = v / divisor;
  if (!isfinite(s) || fabs(s) > max || (!allow_negative && s < 0))
    return NAN;
  return s;
}

/* Rounded to 1/per (1000: mWh, mW, mV; 100: hundredths of a percent). Dividing
 * by an integer gives the double nearest the decimal, so JSON shows "27.9". */
static double round_to(double v, double per)
{
  return isfinite(v) ? round(v * per) / per : NAN;
}

static gint64 to_int(double v, double min, double max)
{
  if (!isfinite(v) || v < min || v > max || v != floor(v))
    return LF_UNKNOWN;
  return (gint64)v;
}

static char *clean_string(const char *s)
{
  if (s == NULL)
    return NULL;
  char *c = g_strstrip(g_strdup(s));
  if (*c == '\0' || !g_utf8_validate(c, -1, NULL)) {
    g_free(c);
    return NULL;
  }
  return c;
}

/* One capacity in Wh: the energy value, else the charge value times the
 * conversion voltage. *needs_voltage is set when a charge value was there but
 * no voltage to convert it. */
static double to_wh(double energy, double charge, double divisor, double volts,
                    gboolean *needs_voltage)
{
  double wh = scaled(energy, divisor, MAX_WH, FALSE);
  if (isfinite(wh))
    return wh;
  double ah = scaled(charge, divisor, MAX_AH, FALSE);
  if (!isfinite(ah))
    return NAN;
  if (!isfinite(volts)) {
    *needs_voltage = TRUE;
    return NAN;
  }
  wh = ah * volts;
  return wh <= MAX_WH ? wh : NAN;
}

/* Energies in Wh, after the conversions and repairs, and the voltage used. */
typedef struct {
  double volts, design, full, now;
} Energy;

/* Capacities and level in Wh: charge units through a voltage, a level above
 * "full" or only a percentage repaired as upowerd repairs them. */
static void calc_energy(const LfBatteryRaw *raw, double divisor, gboolean cap_ok, Energy *e,
                        LfBattery *out)
{
  /* Charge units need a voltage; upowerd uses the design minimum, which does
   * not move with the charge level, so the Wh figures stay comparable. */
  double v_design = scaled(raw->voltage_min_design, divisor, MAX_V, FALSE);
  double v_now = scaled(raw->voltage_now, divisor, MAX_V, FALSE);
  if (v_design == 0)
    v_design = NAN;
  if (v_now == 0)
    v_now = NAN;
  e->volts = isfinite(v_design) ? v_design : v_now;
  out->voltage_v = round_to(v_now, 1000);
  /* SMBIOS type 22 only names the design voltage: never a conversion factor. */
  double v_smbios = scaled(raw->smbios_design_mv, 1000.0, MAX_V, FALSE);
  out->design_voltage_v = round_to(isfinite(v_design) ? v_design
                                   : v_smbios > 0     ? v_smbios
                                                      : NAN, 1000);

  gboolean needs_voltage = FALSE;
  e->design = to_wh(raw->energy_full_design, raw->charge_full_design, divisor, e->volts,
                    &needs_voltage);
  e->full = to_wh(raw->energy_full, raw->charge_full, divisor, e->volts, &needs_voltage);
  e->now = to_wh(raw->energy_now, raw->charge_now, divisor, e->volts, &needs_voltage);
  gboolean charge_used = !isfinite(scaled(raw->energy_full, divisor, MAX_WH, FALSE)) &&
                         isfinite(scaled(raw->charge_full, divisor, MAX_AH, FALSE));
  if (needs_voltage)
    lf_strv_add(&out->flags, "charge-units-no-voltage");
  else if (charge_used && !isfinite(v_design) && isfinite(v_now))
    lf_strv_add(&out->flags, "charge-units-voltage-now");

  /* A charge level above "full" means full is understated: upowerd raises
   * full to the level (without a trace on the bus), and so do we. */
  if (isfinite(e->now) && isfinite(e->full) && e->now > e->full) {
    lf_strv_add(&out->flags, "full-below-now");
    e->full = e->now;
  }
  /* No level but a percentage: upowerd derives the level from it, so do we. */
  double cap = raw->capacity;
  if (!isfinite(e->now) && isfinite(e->full) && cap_ok) {
    e->now = e->full * cap / 100.0;
    lf_strv_add(&out->flags, "now-from-capacity");
  }

}

/* Health from design and full capacity (or the SMBIOS design figure). */
static void calc_health(const LfBatteryRaw *raw, double divisor, Energy *e, LfBattery *out)
{
  /* Health from the ratio of like units: it needs no voltage. */
  gboolean wh = isfinite(e->design);
  double design_ratio = wh ? e->design : scaled(raw->charge_full_design, divisor, MAX_AH, FALSE);
  double full_ratio = wh ? e->full : scaled(raw->charge_full, divisor, MAX_AH, FALSE);
  if (!isfinite(e->design) && isfinite(e->full)) {
    design_ratio = NAN;   /* mixed units without voltage: no ratio */
    full_ratio = NAN;
  }
  double smbios_wh = scaled(raw->smbios_design_mwh, 1000.0, MAX_WH, FALSE);
  if ((!isfinite(design_ratio) || design_ratio == 0) && isfinite(smbios_wh) && smbios_wh > 0 &&
      isfinite(e->full)) {
    lf_strv_add(&out->flags, isfinite(design_ratio) ? "design-zero" : "design-missing");
    lf_strv_add(&out->flags, "design-from-smbios");
    e->design = smbios_wh;
    design_ratio = e->design;
    full_ratio = e->full;
  } else if (!isfinite(design_ratio)) {
    lf_strv_add(&out->flags, "design-missing");
  } else if (design_ratio == 0) {
    lf_strv_add(&out->flags, "design-zero");
    e->design = NAN;
  }
  if (isfinite(design_ratio) && design_ratio > 0 && isfinite(full_ratio)) {
    out->health_pct = round_to(full_ratio / design_ratio * 100.0, 100);
    if (out->health_pct > 100.0)
      lf_strv_add(&out->flags, "health-over-100");
  }
}

/* The charge or discharge rate in W, positive. */
static double calc_rate(const LfBatteryRaw *raw, double divisor, double volts, LfBattery *out)
{
  /* Rate. QUIRK: some firmware reports a negative power_now/current_now while
   * discharging (the sign of the current): the magnitude is what counts. */
  double watts = scaled(raw->power_now, divisor, MAX_W, TRUE);
  if (!isfinite(watts)) {
    double amps = scaled(raw->current_now, divisor, MAX_A, TRUE);
    if (isfinite(amps) && isfinite(volts))
      watts = amps * volts;
  }
  if (isfinite(watts) && watts < 0) {
    lf_strv_add(&out->flags, "rate-negative");
    watts = -watts;
  }
  return watts;
}

/* Times to empty and to full, the same way for every source. */
static void calc_times(const LfBatteryRaw *raw, const Energy *e, double watts, LfBattery *out)
{
  /* Times: computed the same way for every source, else what the source says. */
  double tte = NAN, ttf = NAN;
  gboolean discharging = g_strcmp0(out->state, "discharging") == 0;
  gboolean charging = g_strcmp0(out->state, "charging") == 0;
  if (isfinite(watts) && watts > 0) {
    if (discharging && isfinite(e->now))
      tte = e->now / watts * 3600.0;
    if (charging && isfinite(e->now) && isfinite(e->full) && e->full >= e->now)
      ttf = (e->full - e->now) / watts * 3600.0;
  }
  if (discharging && !isfinite(tte))
    tte = raw->time_to_empty;
  if (charging && !isfinite(ttf))
    ttf = raw->time_to_full;
  out->time_to_empty_s = to_int(isfinite(tte) ? floor(tte) : NAN, 1, MAX_TIME_S);
  out->time_to_full_s = to_int(isfinite(ttf) ? floor(ttf) : NAN, 1, MAX_TIME_S);
}

/* Divide, as upowerd does (x / 1e6): the two sources must agree to the
 * last bit, or a time could floor one second apart. */
static double divisor_of(const LfBatteryRaw *raw)
{
  return isfinite(raw->unit) && raw->unit > 0 ? raw->unit : LF_BATTERY_UNIT_MICRO;
}

/* The firmware's own percentage, when it is one. */
static gboolean capacity_ok(const LfBatteryRaw *raw)
{
  return isfinite(raw->capacity) && raw->capacity >= 0 && raw->capacity <= 100;
}

/* Flags about how sysfs stated the values of a UPower record's device (charge
 * units converted with voltage_now, a level from the percentage, full below
 * now): upowerd's converted figures hide them, the same energy step on the
 * sysfs record shows them. */
static void add_sysfs_unit_flags(const LfBatteryRaw *sys, LfBattery *out)
{
  static const char *const unit_flags[] = {
    "charge-units-voltage-now", "now-from-capacity", "full-below-now",
  };
  LfBattery scratch = { .flags = NULL };
  Energy e;
  calc_energy(sys, divisor_of(sys), capacity_ok(sys), &e, &scratch);
  for (gsize i = 0; i < G_N_ELEMENTS(unit_flags); i++)
    if (lf_strv_contains(scratch.flags, unit_flags[i]) &&
        !lf_strv_contains(out->flags, unit_flags[i]))
      lf_strv_add(&out->flags, unit_flags[i]);
  g_clear_pointer(&scratch.flags, g_ptr_array_unref);
}

void lf_battery_calc(const LfBatteryRaw *raw, LfBattery *out)
{
  double divisor = divisor_of(raw);

  out->name = clean_string(raw->name);
  out->vendor = clean_string(raw->vendor);
  out->model = clean_string(raw->model);
  out->serial = clean_string(raw->serial);
  out->technology = g_strdup(lf_battery_technology_id(raw->technology));
  out->state = g_strdup(lf_battery_state_from_status(raw->status));
  out->source = g_strdup(raw->source ? raw->source : "sysfs");

  double cap = raw->capacity;
  gboolean cap_ok = capacity_ok(raw);
  Energy e;
  calc_energy(raw, divisor, cap_ok, &e, out);
  calc_health(raw, divisor, &e, out);
  out->design_wh = round_to(e.design, 1000);
  out->full_wh = round_to(e.full, 1000);
  out->now_wh = round_to(e.now, 1000);

  /* Percent: the firmware's own figure (upowerd copies it too), else now/full. */
  if (cap_ok) {
    out->percent = cap;
  } else {
    double n = isfinite(e.now) ? e.now : scaled(raw->charge_now, divisor, MAX_AH, FALSE);
    double f = isfinite(e.now) ? e.full : scaled(raw->charge_full, divisor, MAX_AH, FALSE);
    if (isfinite(n) && isfinite(f) && f > 0)
      out->percent = round_to(CLAMP(n / f * 100.0, 0.0, 100.0), 100);
  }

  double watts = calc_rate(raw, divisor, e.volts, out);
  out->power_w = round_to(watts, 1000);

  calc_times(raw, &e, watts, out);

  /* cycle_count 0 (sysfs) and -1 (UPower) both mean "not counted". */
  out->cycles = to_int(raw->cycle_count, 1, MAX_CYCLES);
  if (!lf_known_int(out->cycles))
    lf_strv_add(&out->flags, "cycles-unknown");

  out->charge_start_threshold = to_int(raw->charge_start_threshold, 0, 100);
  out->charge_stop_threshold = to_int(raw->charge_stop_threshold, 0, 100);
  if (raw->sysfs != NULL)
    add_sysfs_unit_flags(raw->sysfs, out);
  lf_battery_sort_flags(out);
}

static gint compare_strings(gconstpointer a, gconstpointer b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

void lf_battery_sort_flags(LfBattery *battery)
{
  if (battery->flags)
    g_ptr_array_sort(battery->flags, compare_strings);
}
