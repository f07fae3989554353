/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The power tuner: knobs, profiles, plans, apply/journal/undo, other tuners.
 *
 *   lf_knobs_read(root)                      I/O: every knob instance and its current value
 *   lf_profile_load(root, name, sets)        built-in -> <root>/etc/lapfit/profiles.d -> --set
 *   lf_plan_new(states, profile, source)     pure: what would change, from -> to
 *   lf_plan_apply(root, plan, opts)          lock, journal old bytes (fsync+rename), write,
 *                                            roll back on the first failure
 *   lf_journal_undo(root, opts)              restore the journaled bytes, newest change last
 *
 * The CLI (`lapfit tune`) and the TUI's Tune screen call exactly these. Library
 * code never prints; user-facing strings in GErrors and reasons are translated. */
#pragma once
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "core/sysroot.h"
#include "db/knobs.h"
#include "db/profile.h"
#include "probe/tuners.h"

/* ---- power source ------------------------------------------------------ */

/* "ac" | "battery" (machine output, never translated). */
const char *lf_power_source_to_string(LfPowerSource source);
/* From <root>/sys/class/power_supply/<x>/{type=Mains,online}. A machine with no
 * mains adapter reported (desktop, VM) counts as AC. */
LfPowerSource lf_power_source_detect(const LfSysroot *root);

/* One instance of a knob on this machine (one CPU policy, one USB device...). */
typedef struct {
  const LfKnob *knob;           /* transfer none (static) */
  char *path;                   /* below the root, as globbed: "sys/class/..." */
  char *instance;               /* "policy0", "BAT0", "1-2", "" for global knobs */
  char *current;                /* parsed value, NULL if unreadable */
  GPtrArray *allowed;           /* strv of choices read from the kernel, or NULL */
  gint64 max_raw;               /* CAP_PERCENT: max_brightness, else 0 */
  char *excluded;               /* why this instance is never written (translated), or NULL */
  const char *tuner_id;         /* another running tuner that writes this knob, or NULL */
  const char *tuner_name;       /* its name ("TLP"); static */
  gboolean tuner_running;       /* it runs (else it is enabled and acts on AC/battery changes) */
  gboolean delegated;           /* that tuner is the profile daemon lapfit switches instead */
  const struct LfChargeRule *charge_rule;  /* charge thresholds: the driver's value rules */
} LfKnobState;

void lf_knob_state_free(LfKnobState *state);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(LfKnobState, lf_knob_state_free)
/* Every instance of every knob below the root, and what other tuners make of
 * them: knobs a running tuner writes carry its id (delegated when it is the
 * desktop's profile daemon, which lapfit switches over D-Bus instead), and the
 * daemon's own profile is one more state (knob power_profile). transfer full:
 * GPtrArray of LfKnobState (free func set). Never fails: absent knobs have no
 * instances. */
GPtrArray *lf_knobs_read(const LfSysroot *root);
/* Only the sysfs knobs, no tuners and no D-Bus. transfer full. */
GPtrArray *lf_knobs_read_sysfs(const LfSysroot *root);

/* ---- Wi-Fi power save (wifi.c) ------------------------------------------ */

/* Can this root's Wi-Fi be asked? The live machine, or a copy with a test
 * double (LAPFIT_NL80211_PEER = its netlink port). */
gboolean lf_wifi_available(const LfSysroot *root);
gboolean lf_wifi_power_save_get(guint ifindex, gboolean *on, GError **error);
gboolean lf_wifi_power_save_set(guint ifindex, gboolean on, GError **error);
/* path: sys/class/net/<if>/wireless; value "on" | "off". transfer full. */
char *lf_wifi_read(const LfSysroot *root, const char *path, GError **error);
gboolean lf_wifi_write(const LfSysroot *root, const char *path, const char *value,
                       GError **error);

/* ---- battery charge limits (charge.c) ---------------------------------- */

/* The value rules of the vendor driver behind charge_control_*_threshold. */
typedef struct LfChargeRule {
  const char *driver;           /* "thinkpad_acpi"; NULL: generic */
  const char *bus;              /* it is loaded when sys/bus/<bus>/drivers/<driver> exists */
  const char *sysfs_name;       /* that directory's name when it is not the driver's (an ACPI
                                 * driver's .name, "Toshiba ACPI driver"), or NULL */
  gint64 start_min, start_max;  /* start_max < 0: no start threshold lapfit may write */
  gint64 stop_min, stop_max;
  const gint64 *stop_values;    /* only these (ascending, 0-terminated), or NULL */
  gint64 gap;                   /* stop - start at least this */
} LfChargeRule;

/* The first vendor driver loaded below the root, else the generic rule. transfer none. */
const LfChargeRule *lf_charge_rule_detect(const LfSysroot *root);
/* The value closest to want that the driver takes (a stop limit rounds up). */
gint64 lf_charge_rule_fit(const LfChargeRule *rule, gboolean start, gint64 want);
/* "thinkpad_acpi: start 0-99, stop 1-100" (machine text). transfer full. */
char *lf_charge_rule_describe(const LfChargeRule *rule);
/* A vendor charge knob's value for a stop threshold, or NULL. transfer full. */
char *lf_charge_follow(const char *knob_id, const char *stop_value);

/* ---- profiles (profile.c; the parser is db/profile.c) ------------------- */

/* Loads a profile by name, layered: built-in profiles/NAME.conf (compiled in),
 * then <root>/etc/lapfit/profiles.d/NAME.conf (keys override; a file there
 * with a new name is a user profile, optionally `base=` another), then sets
 * ("KEY=VALUE", KEY as in the file, e.g. "cpu_governor_ON_BAT=powersave").
 * name may also be a path to a .conf file (contains '/').
 * Errors: LF_ERROR_NOT_FOUND (no such profile), LF_ERROR_PARSE naming file
 * and line. transfer full. */
LfProfile *lf_profile_load(const LfSysroot *root, const char *name, const char *const *sets,
                           GError **error);
/* Names of built-in and <root>/etc/lapfit/profiles.d profiles, sorted. transfer full. */
GPtrArray *lf_profile_list(const LfSysroot *root);

/* ---- plans (plan.c, pure) ---------------------------------------------- */

typedef enum {
  LF_PLAN_CHANGE,   /* from != to: apply writes it */
  LF_PLAN_SAME,     /* already at the profile's value */
  LF_PLAN_SKIP,     /* not written: reason says why */
} LfPlanAction;

const char *lf_plan_action_to_string(LfPlanAction action);   /* change|same|skip */

typedef struct {
  const LfKnob *knob;
  char *path, *instance;
  char *from;       /* current value (NULL if unreadable) */
  char *to;         /* value to write, without newline (NULL when unset) */
  LfPlanAction action;
  char *reason;     /* SKIP: translated sentence */
  const char *reason_id;  /* SKIP: excluded|not-writable|unreadable|not-offered|invalid|
                           * left-to-daemon; CHANGE/SAME: adjusted (fitted to the driver) */
  char *origin;     /* file:line that asked for `to` */
  const char *tuner_id;   /* another running tuner writes this knob (static), or NULL */
  const char *tuner_name;
  gboolean tuner_running; /* it runs; else it is enabled and acts on AC/battery changes */
  gint64 gap;             /* charge thresholds: stop - start at least this */
} LfPlanRow;

typedef struct {
  char *profile;
  LfPowerSource source;
  GPtrArray *rows;  /* LfPlanRow, in write order */
} LfPlan;

/* Pure: the rows for every knob instance the profile sets on `source`, in a
 * safe write order (governor before EPP; battery thresholds ordered so start
 * never exceeds stop in between). transfer full. */
LfPlan *lf_plan_new(const GPtrArray *states, const LfProfile *profile, LfPowerSource source);
void lf_plan_free(LfPlan *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(LfPlan, lf_plan_free)
guint lf_plan_count(const LfPlan *plan, LfPlanAction action);
/* {"profile","source","changes","rows":[{knob,instance,path,from,to,action,reason (id),
 * detail (translated), origin}]}
 * transfer full. */
JsonNode *lf_plan_to_json(const LfPlan *plan);

/* ---- apply, journal, undo (apply.c, journal.c) ------------------------- */

/* How one value is written: lf_sysroot_write, or a test's replacement that
 * fails like the kernel does (EINVAL, EBUSY) or removes the file mid-apply. */
typedef gboolean (*LfWriteFunc)(const LfSysroot *root, const char *rel, const char *value,
                                GError **error);

typedef struct {
  const char *state_dir;    /* NULL: <root>/var/lib/lapfit (live: /var/lib/lapfit) */
  gboolean force;           /* apply although another tuner is active */
  guint lock_timeout_ms;    /* wait this long for another lapfit run, then fail */
  LfWriteFunc write;        /* NULL: lf_sysroot_write */
} LfApplyOptions;

#define LF_TUNE_LOCK_TIMEOUT_MS 5000

/* The state directory actually used. transfer full. */
char *lf_tune_state_dir(const LfSysroot *root, const LfApplyOptions *opts);

/* Applies every CHANGE row: refuses a live root without root privileges
 * (LF_ERROR_PERMISSION) and, unless opts->force, a CHANGE row whose knob
 * another running tuner writes too (LF_ERROR_CONFLICT naming tuner and knob);
 * switches the desktop daemon's profile over D-Bus (power_profile rows),
 * takes the lock (LF_ERROR_CONFLICT after the timeout), re-checks every path
 * against its knob's pattern and the /sys, /proc/sys whitelist, journals the
 * original bytes durably, then writes. On the first failed write every earlier
 * write of this run is restored and the error names the file.
 * n_written: rows written (may be NULL). */
gboolean lf_plan_apply(const LfSysroot *root, const LfPlan *plan, const LfApplyOptions *opts,
                       guint *n_written, GError **error);

/* One journaled original value. */
typedef struct {
  char *knob, *path;
  GBytes *old;              /* exact bytes read before lapfit first wrote */
} LfJournalEntry;

typedef struct {
  char *profile;            /* last profile applied */
  char *source;             /* "ac" | "battery" */
  gint64 updated;           /* unix seconds */
  GPtrArray *entries;       /* LfJournalEntry, in first-write order */
} LfJournal;

LfJournal *lf_journal_new(void);             /* empty; transfer full */
void lf_journal_free(LfJournal *journal);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(LfJournal, lf_journal_free)
/* The journal in the state dir; *journal = NULL (and TRUE) when there is none.
 * LF_ERROR_PARSE when it exists but is damaged. */
gboolean lf_journal_load(const char *state_dir, LfJournal **journal, GError **error);
/* The journal's text (path names it in errors); what lf_journal_load_file does
 * after the bounded read. The fuzz target feeds it directly. */
gboolean lf_journal_parse(const char *path, const char *data, gsize len, LfJournal **journal,
                          GError **error);
/* Writes atomically and durably: temp file, fsync, rename, fsync dir. */
gboolean lf_journal_save(const char *state_dir, const LfJournal *journal, GError **error);
gboolean lf_journal_remove(const char *state_dir, GError **error);
/* The same for another file of the same format in the state dir. */
gboolean lf_journal_load_file(const char *state_dir, const char *name, LfJournal **journal,
                              GError **error);
gboolean lf_journal_save_file(const char *state_dir, const char *name, const LfJournal *journal,
                              GError **error);
gboolean lf_journal_remove_file(const char *state_dir, const char *name, GError **error);

/* ---- one full charge (fullcharge.c) ------------------------------------ */

/* Lifts every charge limit of this machine to 100 % (through lf_plan_apply, so
 * undo still knows the originals) and remembers the limits in
 * <state_dir>/fullcharge.json for lf_tune_fullcharge_restore. A second call
 * keeps the first limits. LF_ERROR_UNSUPPORTED when the machine has no charge
 * limit control. n_written may be NULL. */
gboolean lf_tune_fullcharge(const LfSysroot *root, const LfApplyOptions *opts, guint *n_written,
                            GError **error);
/* Is a full charge waiting for its limits to come back? */
gboolean lf_tune_fullcharge_pending(const LfSysroot *root, const LfApplyOptions *opts);
/* Writes the remembered limits back and forgets them; TRUE with 0 when none
 * are pending. Called by `tune auto` on AC unplug and by `tune apply`. */
gboolean lf_tune_fullcharge_restore(const LfSysroot *root, const LfApplyOptions *opts,
                                    guint *n_restored, GError **error);
/* Is this a battery charge-limit knob? */
gboolean lf_knob_is_charge(const LfKnob *knob);
/* While a full charge is pending: its charge rows become SKIP (full-charge). */
void lf_plan_hold_charge(LfPlan *plan);

/* Restores every journaled file (newest first) byte for byte, then removes the
 * journal. Same lock and permission rules as apply. No journal: LF_ERROR_NOT_FOUND. */
gboolean lf_journal_undo(const LfSysroot *root, const LfApplyOptions *opts, guint *n_restored,
                         GError **error);

/* The advisory lock on <state_dir>/lock (flock), polled up to timeout_ms.
 * Returns an fd >= 0, or -1 with LF_ERROR_CONFLICT / an I/O error. */
int lf_tune_lock(const char *state_dir, guint timeout_ms, GError **error);
void lf_tune_unlock(int fd);

/* ---- other tuners (catalogue and detection: probe/tuners.h) ----------- */

/* For `tune install`: LF_ERROR_CONFLICT naming a tuner that runs or is enabled
 * and a knob of this machine that both it and the profile set; TRUE when none. */
gboolean lf_tuners_check(const LfSysroot *root, const LfProfile *profile, GError **error);

/* ---- the desktop's power-profile daemon (daemon.c) ---------------------- */

/* power-profiles-daemon >= 0.20, tuned-ppd and tlp-pd own
 * org.freedesktop.UPower.PowerProfiles; power-profiles-daemon < 0.20 (Debian 12
 * has 0.12) only net.hadess.PowerProfiles. */
typedef struct {
  char *bus_name;           /* the well-known name that answered */
  char *active;             /* ActiveProfile */
  GPtrArray *profiles;      /* names it offers (char *) */
} LfPowerDaemon;

void lf_power_daemon_free(LfPowerDaemon *daemon);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(LfPowerDaemon, lf_power_daemon_free)
/* The daemon on the system bus. A copy of a machine (--root DIR) has no bus of
 * its own: there the bus is used only when DBUS_SYSTEM_BUS_ADDRESS names one
 * (a test's private bus). NULL with G_IO_ERROR_NOT_FOUND when none answers. */
LfPowerDaemon *lf_power_daemon_find(const LfSysroot *root, GError **error);
/* Sets ActiveProfile on bus_name and checks that the daemon reports it. */
gboolean lf_power_daemon_set(const LfSysroot *root, const char *bus_name, const char *profile,
                             GError **error);

/* ---- following AC/battery (auto.c) ------------------------------------- */

/* Called after each switch; error is NULL on success. */
typedef void (*LfAutoFunc)(LfPowerSource source, guint n_written, const GError *error,
                           gpointer user_data);

/* Applies profile for the current power source, then watches power_supply
 * uevents (libudev monitor) and re-applies on every AC/battery change until
 * cancellable is cancelled. Apply errors go to notify and do not stop it. */
gboolean lf_tune_auto_run(const LfSysroot *root, const char *profile,
                          const LfApplyOptions *opts, GCancellable *cancellable,
                          LfAutoFunc notify, gpointer user_data, GError **error);

/* ---- persistence (install.c) ------------------------------------------- */

/* Writes <root>/etc/systemd/system/lapfit-tune.service, its multi-user.target.wants
 * link and <root>/etc/udev/rules.d/90-lapfit-tune.rules. `binary` is the ExecStart
 * path. transfer full in *written: strv of paths written (may be NULL). */
gboolean lf_tune_install(const LfSysroot *root, const char *binary, const char *profile,
                         GPtrArray **written, GError **error);
/* Removes what install wrote (only files carrying lapfit's marker). */
gboolean lf_tune_uninstall(const LfSysroot *root, GPtrArray **removed, GError **error);

/* ---- measuring (measure.c) --------------------------------------------- */

typedef struct {
  gint64 time_us;           /* monotonic */
  double power_w;           /* instantaneous draw (power_now, or current*voltage), NAN */
  double energy_wh;         /* energy_now (or charge_now*voltage), NAN */
  gboolean discharging;
  const char *source;       /* "upower" | "sysfs" (static) */
} LfPowerSample;

/* One measuring window. */
typedef struct {
  double watts;             /* average draw, NAN when unknown (not discharging) */
  double spread_w;          /* standard deviation of the readings, NAN below two */
  double energy_wh;         /* energy left at the end, NAN */
  guint samples;
  const char *source;       /* "upower" | "sysfs" */
} LfPowerWindow;

#define LF_MEASURE_INTERVAL_US (G_USEC_PER_SEC / 2)

/* Sums every battery: UPower's energy rate where upowerd answers (a copy of a
 * machine: only on a test's bus, DBUS_SYSTEM_BUS_ADDRESS), else sysfs below
 * the root. FALSE (and a sentence in *error) when there is no battery. */
gboolean lf_power_sample(const LfSysroot *root, LfPowerSample *sample, GError **error);
/* Pure: average draw in watts between two samples: the energy delta over the
 * time when energy fell, else the mean of the instantaneous readings, else NAN. */
double lf_power_between(const LfPowerSample *a, const LfPowerSample *b);
/* Pure: the window's draw (energy fallen over the time, else the mean of the
 * readings) and the spread of the readings. */
void lf_power_window_summarise(const LfPowerSample *samples, guint n, LfPowerWindow *out);
/* Asked between readings: TRUE ends the window early (an interrupt). */
typedef gboolean (*LfStopFunc)(void);
/* Samples every LF_MEASURE_INTERVAL_US for `seconds`, then summarises.
 * G_IO_ERROR_CANCELLED when stop (may be NULL) says so. */
gboolean lf_power_window(const LfSysroot *root, guint seconds, LfStopFunc stop,
                         LfPowerWindow *out, GError **error);
/* The result in words, one translated line each ("\n"-terminated): the draw
 * before, with profile `name` (NULL: only before), what it saves and the time
 * it gains on the energy left. transfer full. */
char *lf_power_measure_summary(const char *name, const LfPowerWindow *before,
                               const LfPowerWindow *after);
