/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Reading every instance of each knob of the catalogue (db/knobs.c) below a
 * sysroot.
 *
 * The kernel ABI of each file is cited in db/knobs.c. */
#include "tune/tune.h"

#include <glib/gi18n.h>

#include "core/error.h"
#include "probe/probe.h"

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
  gsize n_knobs = 0;
  const LfKnob *knobs = lf_knobs(&n_knobs);
  for (gsize k = 0; k < n_knobs; k++) {
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
      if (!lf_tuner_active(t) || !lf_tuner_writes(t, st->knob->id))
        continue;
      gboolean delegated = daemon && (t == daemon || g_strcmp0(t->id, daemon->drives) == 0);
      if (st->tuner_id && (st->delegated || !delegated))
        continue;   /* a delegation wins over a conflict */
      st->tuner_id = delegated ? daemon->id : t->id;
      st->tuner_name = delegated ? daemon->name : t->name;
      st->tuner_running = delegated ? daemon->running : t->running;
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
