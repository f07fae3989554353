/* SPDX-License-Identifier: GPL-2.0-or-later */
/* GPUs (PCI display controllers) and network interfaces (Wi-Fi, Ethernet,
 * Bluetooth): ids, bound driver, and firmware files the driver needs but
 * /lib/firmware lacks.
 *
 * Kernel ABI: Documentation/ABI/testing/sysfs-bus-pci (class, vendor, device),
 * sysfs-class-net (device link, phy80211, wireless), sysfs-bus-usb (idVendor,
 * idProduct), sysfs-bus-mmc/sdio (vendor, device). */
#include <string.h>

#include "core/udev.h"
#include "db/firmware-table.h"
#include "probe/errors.h"
#include "probe/platform-parse.h"
#include "probe/probe.h"

/* "0x8086\n" -> "8086"; NULL unless 1-4 hex digits. transfer full. */
static char *read_hex_id(LfSysroot *root, const char *dir, const char *attr)
{
  g_autofree char *rel = g_build_filename(dir, attr, NULL);
  g_autofree char *s = lf_sysroot_read_string(root, rel);
  if (s == NULL)
    return NULL;
  const char *p = g_str_has_prefix(s, "0x") || g_str_has_prefix(s, "0X") ? s + 2 : s;
  gsize n = strlen(p);
  if (n == 0 || n > 4)
    return NULL;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isxdigit(p[i]))
      return NULL;
  g_autofree char *lower = g_ascii_strdown(p, -1);
  return g_strdup_printf("%04x", (unsigned)g_ascii_strtoull(lower, NULL, 16));
}

/* Vendor and device names: udev's hwdb on a live system, else lapfit's small
 * table. `bus` is "pci", "usb" or "sdio". */
static void lookup_names(LfHwdb *hwdb, const char *bus, const char *vendor_id,
                         const char *device_id, char **vendor, char **device)
{
  *vendor = *device = NULL;
  if (hwdb) {
    unsigned v = (unsigned)g_ascii_strtoull(vendor_id, NULL, 16);
    unsigned d = (unsigned)g_ascii_strtoull(device_id, NULL, 16);
    g_autofree char *alias = NULL;
    if (g_str_equal(bus, "pci"))
      alias = g_strdup_printf("pci:v%08Xd%08X", v, d);
    else if (g_str_equal(bus, "usb"))
      alias = g_strdup_printf("usb:v%04Xp%04X", v, d);
    else
      alias = g_strdup_printf("sdio:c00v%04Xd%04X", v, d);
    lf_hwdb_lookup(hwdb, alias, vendor, device);
  }
  if (*vendor == NULL && !g_str_equal(bus, "usb"))
    *vendor = g_strdup(lf_pci_vendor_name(vendor_id));
  if (*device == NULL && !g_str_equal(bus, "usb"))
    *device = g_strdup(lf_pci_device_name(vendor_id, device_id));
}

static void probe_gpus(LfProbeContext *ctx, LfReport *report, LfHwdb *hwdb)
{
  LfSysroot *root = ctx->root;
  g_autoptr(GPtrArray) pci = lf_sysroot_list(root, "sys/bus/pci/devices");
  if (pci == NULL) {
    lf_report_add_error(report, "devices", LF_PE_NO_PCI);
    return;
  }
  for (guint i = 0; i < pci->len; i++) {
    g_autofree char *dir = g_strdup_printf("sys/bus/pci/devices/%s", (char *)pci->pdata[i]);
    g_autofree char *class_rel = g_strdup_printf("%s/class", dir);
    g_autofree char *class_text = lf_sysroot_read_string(root, class_rel);
    if (class_text == NULL)
      continue;
    char *end = NULL;
    guint64 class_code = g_ascii_strtoull(class_text, &end, 16);
    if (end == class_text || *end != '\0' || (class_code >> 16) != 0x03)
      continue;   /* 0x03xxxx: display controller */

    g_autofree char *vendor_id = read_hex_id(root, dir, "vendor");
    g_autofree char *device_id = read_hex_id(root, dir, "device");
    LfGpu *g = lf_report_add_gpu(report);
    if (vendor_id && device_id) {
      g->pci_id = g_strdup_printf("%s:%s", vendor_id, device_id);
      lookup_names(hwdb, "pci", vendor_id, device_id, &g->vendor, &g->device);
    } else {
      lf_report_add_error(report, "devices", LF_PE_GPU_IDS,
                          (char *)pci->pdata[i]);
    }
    g_autofree char *drv_rel = g_strdup_printf("%s/driver", dir);
    g->driver = lf_sysroot_link_name(root, drv_rel);
    /* KMS: the driver registered a DRM card on this device. */
    g_autofree char *drm_rel = g_strdup_printf("%s/drm", dir);
    g_autoptr(GPtrArray) drm = lf_sysroot_list(root, drm_rel);
    g->kms = LF_TRI_FALSE;
    for (guint j = 0; drm && j < drm->len; j++)
      if (g_str_has_prefix(drm->pdata[j], "card"))
        g->kms = LF_TRI_TRUE;
  }
}

/* Does a file matching glob `pattern` (relative to the firmware dir, possibly
 * with subdirectories) exist, plain or compressed? */
static gboolean firmware_present(LfSysroot *root, const char *fw_dir, const char *pattern)
{
  g_autofree char *sub = g_path_get_dirname(pattern);
  g_autofree char *base = g_path_get_basename(pattern);
  g_autofree char *xz = g_strconcat(base, ".xz", NULL);
  g_autofree char *zst = g_strconcat(base, ".zst", NULL);
  static const char *const prefixes[] = { "updates/", "", NULL };
  for (const char *const *p = prefixes; *p; p++) {
    g_autofree char *dir = g_str_equal(sub, ".") ? g_strdup_printf("%s/%s", fw_dir, *p)
                                                 : g_strdup_printf("%s/%s%s", fw_dir, *p, sub);
    g_autoptr(GPtrArray) names = lf_sysroot_list(root, dir);
    for (guint i = 0; names && i < names->len; i++) {
      const char *n = names->pdata[i];
      if (g_pattern_match_simple(base, n) || g_pattern_match_simple(xz, n) ||
          g_pattern_match_simple(zst, n))
        return TRUE;
    }
  }
  return FALSE;
}

/* Does the EFI variable brcmfmac reads a board's settings from exist (core/report.h)?
 * Only its presence: listing efivars needs no root. */
static LfTri nvram_in_efi(LfSysroot *root)
{
  g_autoptr(GPtrArray) vars = lf_sysroot_list(root, "sys/firmware/efi/efivars");
  if (vars == NULL || vars->len == 0)
    return LF_TRI_UNKNOWN;   /* BIOS boot, or efivarfs not mounted */
  for (guint i = 0; i < vars->len; i++)
    if (g_str_equal(vars->pdata[i], LF_BRCMF_NVRAM_EFIVAR))
      return LF_TRI_TRUE;
  return LF_TRI_FALSE;
}

static void check_firmware(LfProbeContext *ctx, LfNetwork *n, const char *id)
{
  const LfFirmwareRule *rule = lf_firmware_table_lookup(lf_firmware_table_builtin(), n->driver, id);
  if (rule == NULL)
    return;   /* unknown driver: leave both unknown */
  n->needs_nonfree_firmware = rule->nonfree ? LF_TRI_TRUE : LF_TRI_FALSE;
  if (g_str_equal(n->driver, "brcmfmac"))
    n->nvram_efi = nvram_in_efi(ctx->root);
  if (g_str_equal(rule->files, "-"))
    return;
  const char *fw_dir = lf_sysroot_is_dir(ctx->root, "lib/firmware") ? "lib/firmware"
                                                                     : "usr/lib/firmware";
  g_auto(GStrv) files = g_strsplit(rule->files, "|", 0);
  for (guint i = 0; files[i]; i++)
    if (!firmware_present(ctx->root, fw_dir, files[i]))
      lf_strv_add(&n->firmware_missing, files[i]);
  if (n->firmware_missing && n->firmware_missing->len > 0 && g_strcmp0(rule->package, "-") != 0)
    n->firmware_package = g_strdup(rule->package);
}

/* Fills the ids of the bus device behind `dev` (a sysfs path inside the root),
 * walking up through USB interfaces and virtio wrappers. Returns the id used
 * for the firmware table ("vendor:device"). transfer full. */
static char *fill_bus_ids(LfSysroot *root, LfHwdb *hwdb, const char *dev, LfNetwork *n)
{
  g_autofree char *path = g_strdup(dev);
  for (int depth = 0; depth < 4 && path && g_str_has_prefix(path, "sys/"); depth++) {
    g_autofree char *sub_rel = g_strdup_printf("%s/subsystem", path);
    g_autofree char *bus = lf_sysroot_link_name(root, sub_rel);
    const char *va = NULL, *da = NULL;
    char **slot = NULL;
    if (g_strcmp0(bus, "pci") == 0) {
      va = "vendor", da = "device", slot = &n->pci_id;
    } else if (g_strcmp0(bus, "usb") == 0) {
      g_autofree char *idv = g_strdup_printf("%s/idVendor", path);
      if (lf_sysroot_exists(root, idv))
        va = "idVendor", da = "idProduct", slot = &n->usb_id;
    } else if (g_strcmp0(bus, "sdio") == 0) {
      va = "vendor", da = "device", slot = &n->sdio_id;
    } else if (g_strcmp0(bus, "virtio") != 0 && g_strcmp0(bus, "usb") != 0) {
      return NULL;   /* platform/SoC device: no bus ids */
    }
    if (slot) {
      g_autofree char *v = read_hex_id(root, path, va);
      g_autofree char *d = read_hex_id(root, path, da);
      if (v == NULL || d == NULL)
        return NULL;
      *slot = g_strdup_printf("%s:%s", v, d);
      lookup_names(hwdb, bus, v, d, &n->vendor, &n->device);
      return g_strdup(*slot);
    }
    char *parent = g_path_get_dirname(path);
    g_free(path);
    path = parent;
  }
  return NULL;
}

static void add_interface(LfProbeContext *ctx, LfReport *report, LfHwdb *hwdb, const char *kind,
                          const char *name, const char *dev_rel, const char *mac_rel)
{
  LfSysroot *root = ctx->root;
  g_autofree char *dev = lf_sysroot_resolve(root, dev_rel);
  if (dev == NULL)
    return;   /* virtual interface (lo, bridges, tunnels) */
  LfNetwork *n = lf_report_add_network(report);
  n->kind = g_strdup(kind);
  n->name = g_strdup(name);
  g_autofree char *drv_rel = g_strdup_printf("%s/driver", dev_rel);
  n->driver = lf_sysroot_link_name(root, drv_rel);
  if (mac_rel)
    n->mac = lf_sysroot_read_string(root, mac_rel);
  g_autofree char *id = fill_bus_ids(root, hwdb, dev, n);
  if (n->driver == NULL)
    lf_report_add_error(report, "devices", LF_PE_NO_DRIVER, name);
  else
    check_firmware(ctx, n, id);
}

static void probe_network(LfProbeContext *ctx, LfReport *report, LfHwdb *hwdb)
{
  LfSysroot *root = ctx->root;
  g_autoptr(GPtrArray) ifaces = lf_sysroot_list(root, "sys/class/net");
  if (ifaces == NULL)
    lf_report_add_error(report, "devices", LF_PE_NO_NET);
  for (guint i = 0; ifaces && i < ifaces->len; i++) {
    const char *name = ifaces->pdata[i];
    g_autofree char *base = g_strdup_printf("sys/class/net/%s", name);
    g_autofree char *phy = g_strdup_printf("%s/phy80211", base);
    g_autofree char *wireless = g_strdup_printf("%s/wireless", base);
    gboolean wifi = lf_sysroot_exists(root, phy) || lf_sysroot_exists(root, wireless);
    g_autofree char *dev = g_strdup_printf("%s/device", base);
    g_autofree char *mac = g_strdup_printf("%s/address", base);
    add_interface(ctx, report, hwdb, wifi ? "wifi" : "ethernet", name, dev, mac);
  }
  g_autoptr(GPtrArray) hcis = lf_sysroot_list(root, "sys/class/bluetooth");
  for (guint i = 0; hcis && i < hcis->len; i++) {
    const char *name = hcis->pdata[i];
    if (strchr(name, ':') != NULL)
      continue;   /* hci0:256 connection entries */
    g_autofree char *dev = g_strdup_printf("sys/class/bluetooth/%s/device", name);
    add_interface(ctx, report, hwdb, "bluetooth", name, dev, NULL);
  }
}

void lf_probe_devices(LfProbeContext *ctx, LfReport *report)
{
  /* Names from hwdb only for the machine we run on: a fixture root is
   * described by its own files, not by this machine's database. */
  g_autoptr(LfHwdb) hwdb = lf_sysroot_is_live(ctx->root) ? lf_hwdb_new() : NULL;
  probe_gpus(ctx, report, hwdb);
  probe_network(ctx, report, hwdb);
}
