/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The desktop's power-profile daemon over D-Bus (the only GDBus user in tune/).
 *
 * power-profiles-daemon (0.12 in Debian 12: net.hadess.PowerProfiles only;
 * 0.20+ also org.freedesktop.UPower.PowerProfiles), tuned-ppd and tlp-pd
 * (org.freedesktop.UPower.PowerProfiles) share one interface: the read-write
 * property ActiveProfile (s) and Profiles (aa{sv}, each with "Profile").
 * Where one of them runs, lapfit switches its profile instead of fighting it
 * over the EPP and platform_profile files. */
#include "tune/tune.h"

#include <glib/gi18n.h>

#include "core/error.h"

#define CALL_TIMEOUT_MS 2000

typedef struct {
  const char *name, *path;
} DaemonName;

/* Newest first: a 0.20+ daemon owns both names, with one object behind them. */
static const DaemonName daemon_names[] = {
  { "org.freedesktop.UPower.PowerProfiles", "/org/freedesktop/UPower/PowerProfiles" },
  { "net.hadess.PowerProfiles", "/net/hadess/PowerProfiles" },
};

void lf_power_daemon_free(LfPowerDaemon *daemon)
{
  if (daemon == NULL)
    return;
  g_free(daemon->bus_name);
  g_free(daemon->active);
  g_clear_pointer(&daemon->profiles, g_ptr_array_unref);
  g_free(daemon);
}

static const DaemonName *daemon_name(const char *bus_name)
{
  for (gsize i = 0; i < G_N_ELEMENTS(daemon_names); i++)
    if (g_str_equal(daemon_names[i].name, bus_name))
      return &daemon_names[i];
  return NULL;
}

/* A copy of a machine (--root DIR) has no bus of its own: its tests give it
 * one through DBUS_SYSTEM_BUS_ADDRESS, and a developer's desktop daemon is
 * never switched by a fixture run. */
static GDBusConnection *system_bus(const LfSysroot *root, GError **error)
{
  gboolean env = g_getenv("DBUS_SYSTEM_BUS_ADDRESS") != NULL;
  if (!env && (!lf_sysroot_is_live(root) ||
               (!g_file_test("/run/dbus/system_bus_socket", G_FILE_TEST_EXISTS) &&
                !g_file_test("/var/run/dbus/system_bus_socket", G_FILE_TEST_EXISTS)))) {
    g_set_error_literal(error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("no system bus"));
    return NULL;
  }
  return g_bus_get_sync(G_BUS_TYPE_SYSTEM, NULL, error);
}

static GVariant *get_property(GDBusConnection *bus, const DaemonName *n, const char *prop,
                              GError **error)
{
  g_autoptr(GVariant) reply = g_dbus_connection_call_sync(
      bus, n->name, n->path, "org.freedesktop.DBus.Properties", "Get",
      g_variant_new("(ss)", n->name, prop), G_VARIANT_TYPE("(v)"),
      G_DBUS_CALL_FLAGS_NO_AUTO_START, CALL_TIMEOUT_MS, NULL, error);
  if (reply == NULL)
    return NULL;
  GVariant *v = NULL;
  g_variant_get(reply, "(v)", &v);
  return v;
}

static LfPowerDaemon *query(GDBusConnection *bus, const DaemonName *n, GError **error)
{
  g_autoptr(GVariant) active = get_property(bus, n, "ActiveProfile", error);
  if (active == NULL)
    return NULL;
  if (!g_variant_is_of_type(active, G_VARIANT_TYPE_STRING)) {
    g_set_error(error, LF_ERROR, LF_ERROR_PARSE, _("%s: ActiveProfile is not a string"),
                n->name);
    return NULL;
  }
  LfPowerDaemon *d = g_new0(LfPowerDaemon, 1);
  d->bus_name = g_strdup(n->name);
  d->active = g_variant_dup_string(active, NULL);
  d->profiles = g_ptr_array_new_with_free_func(g_free);
  g_autoptr(GVariant) list = get_property(bus, n, "Profiles", NULL);
  if (list && g_variant_is_of_type(list, G_VARIANT_TYPE("aa{sv}"))) {
    GVariantIter it;
    GVariant *dict;
    g_variant_iter_init(&it, list);
    while ((dict = g_variant_iter_next_value(&it))) {
      const char *name = NULL;
      if (g_variant_lookup(dict, "Profile", "&s", &name))
        g_ptr_array_add(d->profiles, g_strdup(name));
      g_variant_unref(dict);
    }
  }
  g_debug("power daemon %s: %s", n->name, d->active);
  return d;
}

LfPowerDaemon *lf_power_daemon_find(const LfSysroot *root, GError **error)
{
  g_return_val_if_fail(root != NULL, NULL);
  g_autoptr(GDBusConnection) bus = system_bus(root, error);
  if (bus == NULL)
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS(daemon_names); i++) {
    g_autoptr(GError) local = NULL;
    LfPowerDaemon *d = query(bus, &daemon_names[i], &local);
    if (d)
      return d;
    g_debug("%s: %s", daemon_names[i].name, local->message);
  }
  g_set_error_literal(error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                      _("no power profile daemon answers on the system bus"));
  return NULL;
}

gboolean lf_power_daemon_set(const LfSysroot *root, const char *bus_name, const char *profile,
                             GError **error)
{
  const DaemonName *n = daemon_name(bus_name);
  if (n == NULL) {
    g_set_error(error, LF_ERROR, LF_ERROR_PERMISSION,
                _("refusing to call '%s': not a power profile daemon"), bus_name);
    return FALSE;
  }
  g_autoptr(GDBusConnection) bus = system_bus(root, error);
  if (bus == NULL)
    return FALSE;
  g_debug("power daemon %s: ActiveProfile <- %s", bus_name, profile);
  g_autoptr(GError) local = NULL;
  g_autoptr(GVariant) reply = g_dbus_connection_call_sync(
      bus, n->name, n->path, "org.freedesktop.DBus.Properties", "Set",
      g_variant_new("(ssv)", n->name, "ActiveProfile", g_variant_new_string(profile)), NULL,
      G_DBUS_CALL_FLAGS_NO_AUTO_START, CALL_TIMEOUT_MS, NULL, &local);
  if (reply == NULL) {
    g_dbus_error_strip_remote_error(local);
    g_set_error(error, local->domain, local->code,
                /* TRANSLATORS: D-Bus name, profile name, the daemon's reason */
                _("%s did not switch to the profile '%s': %s"), bus_name, profile,
                local->message);
    return FALSE;
  }
  /* Read back: a daemon may accept the call and keep its profile. */
  g_autoptr(GVariant) now = get_property(bus, n, "ActiveProfile", error);
  if (now == NULL)
    return FALSE;
  if (!g_variant_is_of_type(now, G_VARIANT_TYPE_STRING) ||
      !g_str_equal(g_variant_get_string(now, NULL), profile)) {
    g_set_error(error, LF_ERROR, LF_ERROR_CONFLICT,
                _("%s did not switch to the profile '%s': it still reports '%s'"), bus_name,
                profile,
                g_variant_is_of_type(now, G_VARIANT_TYPE_STRING)
                    ? g_variant_get_string(now, NULL) : "?");
    return FALSE;
  }
  return TRUE;
}
