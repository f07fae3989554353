/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "core/udev.h"

#include <errno.h>
#include <glib-unix.h>
#include <glib/gi18n.h>
#include <libudev.h>

#include "core/error.h"

struct LfHwdb {
  struct udev *udev;
  struct udev_hwdb *hwdb;
};

LfHwdb *lf_hwdb_new(void)
{
  struct udev *udev = udev_new();
  if (udev == NULL)
    return NULL;
  struct udev_hwdb *hwdb = udev_hwdb_new(udev);
  if (hwdb == NULL) {
    g_debug("udev hwdb not available");
    udev_unref(udev);
    return NULL;
  }
  LfHwdb *h = g_new0(LfHwdb, 1);
  h->udev = udev;
  h->hwdb = hwdb;
  return h;
}

void lf_hwdb_free(LfHwdb *hwdb)
{
  if (hwdb == NULL)
    return;
  udev_hwdb_unref(hwdb->hwdb);
  udev_unref(hwdb->udev);
  g_free(hwdb);
}

static char *clean(const char *v)
{
  if (v == NULL || *v == '\0' || !g_utf8_validate(v, -1, NULL))
    return NULL;
  return g_strndup(v, 255);
}

void lf_hwdb_lookup(LfHwdb *hwdb, const char *modalias, char **vendor, char **model)
{
  *vendor = NULL;
  *model = NULL;
  if (hwdb == NULL || modalias == NULL)
    return;
  struct udev_list_entry *e;
  udev_list_entry_foreach(e, udev_hwdb_get_properties_list_entry(hwdb->hwdb, modalias, 0)) {
    const char *name = udev_list_entry_get_name(e);
    if (g_strcmp0(name, "ID_VENDOR_FROM_DATABASE") == 0 && *vendor == NULL)
      *vendor = clean(udev_list_entry_get_value(e));
    else if (g_strcmp0(name, "ID_MODEL_FROM_DATABASE") == 0 && *model == NULL)
      *model = clean(udev_list_entry_get_value(e));
  }
}

/* ---- monitor (tune auto) ------------------------------------------------ */


struct LfUdevMonitor {
  struct udev *udev;
  struct udev_monitor *monitor;
  GSource *source;
  LfUdevFunc func;
  gpointer user_data;
};

static gboolean monitor_ready(gint fd, GIOCondition cond, gpointer data)
{
  LfUdevMonitor *m = data;
  struct udev_device *dev;
  /* Drain every queued event: one wake-up may carry several. */
  while ((dev = udev_monitor_receive_device(m->monitor)) != NULL) {
    const char *action = udev_device_get_action(dev);
    const char *sysname = udev_device_get_sysname(dev);
    g_debug("udev %s %s", action ? action : "?", sysname ? sysname : "?");
    m->func(action ? action : "", sysname ? sysname : "", m->user_data);
    udev_device_unref(dev);
  }
  return G_SOURCE_CONTINUE;
}

LfUdevMonitor *lf_udev_monitor_new(const char *subsystem, LfUdevFunc func, gpointer user_data,
                                   GError **error)
{
  g_return_val_if_fail(subsystem != NULL && func != NULL, NULL);
  struct udev *udev = udev_new();
  if (udev == NULL)
    return lf_error_errno(error, errno ? errno : ENOMEM, _("cannot open libudev")), NULL;
  struct udev_monitor *mon = udev_monitor_new_from_netlink(udev, "udev");
  if (mon == NULL) {
    int e = errno ? errno : EPERM;
    udev_unref(udev);
    return lf_error_errno(error, e, _("cannot listen to udev events")), NULL;
  }
  int rc = udev_monitor_filter_add_match_subsystem_devtype(mon, subsystem, NULL);
  if (rc >= 0)
    rc = udev_monitor_enable_receiving(mon);
  if (rc < 0) {
    udev_monitor_unref(mon);
    udev_unref(udev);
    return lf_error_errno(error, -rc, _("cannot listen to udev events")), NULL;
  }
  LfUdevMonitor *m = g_new0(LfUdevMonitor, 1);
  m->udev = udev;
  m->monitor = mon;
  m->func = func;
  m->user_data = user_data;
  m->source = g_unix_fd_source_new(udev_monitor_get_fd(mon), G_IO_IN);
  g_source_set_callback(m->source, G_SOURCE_FUNC(monitor_ready), m, NULL);
  g_source_attach(m->source, g_main_context_get_thread_default());
  return m;
}

void lf_udev_monitor_free(LfUdevMonitor *monitor)
{
  if (monitor == NULL)
    return;
  g_source_destroy(monitor->source);
  g_source_unref(monitor->source);
  udev_monitor_unref(monitor->monitor);
  udev_unref(monitor->udev);
  g_free(monitor);
}
