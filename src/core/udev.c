#include "core/udev.h"

#include <libudev.h>

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
