/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Thin libudev facade: the only file that talks to libudev. */
#pragma once
#include <glib.h>

/* udev's hardware database (hwdb.bin), read directly: no udev daemon needed. */
typedef struct LfHwdb LfHwdb;

/* NULL when libudev or hwdb.bin is unavailable (not an error: names are
 * optional). transfer full. */
LfHwdb *lf_hwdb_new(void);
void lf_hwdb_free(LfHwdb *hwdb);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(LfHwdb, lf_hwdb_free)

/* Vendor and model names for a modalias such as "pci:v00008086d00001916" or
 * "usb:v8087p0A2B" (ID_VENDOR_FROM_DATABASE / ID_MODEL_FROM_DATABASE). Each
 * output is set to a new string or NULL. */
void lf_hwdb_lookup(LfHwdb *hwdb, const char *modalias, char **vendor, char **model);

/* A libudev monitor on one subsystem ("power_supply"), attached to the
 * thread-default GMainContext. func gets each event's action ("add",
 * "change", "remove") and the device's sysname ("AC", "BAT0"). */
typedef struct LfUdevMonitor LfUdevMonitor;
typedef void (*LfUdevFunc)(const char *action, const char *sysname, gpointer user_data);

/* transfer full. Errors: G_IO_ERROR when libudev cannot open the netlink socket. */
LfUdevMonitor *lf_udev_monitor_new(const char *subsystem, LfUdevFunc func, gpointer user_data,
                                   GError **error);
void lf_udev_monitor_free(LfUdevMonitor *monitor);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(LfUdevMonitor, lf_udev_monitor_free)
