/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Disks from sys/block: kind, size, model, removable, and which one is the
 * live medium lapfit was booted from.
 *
 * Kernel ABI: Documentation/ABI/stable/sysfs-block (size in 512-byte sectors,
 * queue/rotational, removable), Documentation/ABI/testing/sysfs-bus-mmc
 * (device/type "MMC" | "SD"). */
#include <math.h>
#include <string.h>

#include "probe/errors.h"
#include "probe/platform-parse.h"
#include "probe/probe.h"

/* The largest drives sold (2026) hold about 250 TB; 1 PB (10^15 bytes) leaves
 * room. A bigger size is garbage in the root, not a disk. */
#define LF_STORAGE_MAX_SECTORS (G_GINT64_CONSTANT(1000000000000000) / 512)

/* Virtual block devices that are not disks a person could install to. Optical
 * drives (sr*) are skipped too: not an install target, and an empty tray
 * reports size 0. md arrays are skipped; their member disks are listed. */
static gboolean skip_block(const char *name)
{
  static const char *const prefixes[] = { "loop", "ram", "zram", "dm-", "md", "sr",
                                          "nbd", "fd", "zd", NULL };
  for (const char *const *p = prefixes; *p; p++)
    if (g_str_has_prefix(name, *p))
      return TRUE;
  /* eMMC hardware partitions (mmcblk0boot0, mmcblk0rpmb) are part of mmcblk0. */
  if (g_str_has_prefix(name, "mmcblk") && (strstr(name, "boot") || strstr(name, "rpmb")))
    return TRUE;
  return FALSE;
}

/* The disk (sys/block entry) holding block device `dev` (a disk or one of its
 * partitions), or NULL. transfer full. */
static char *disk_of(LfSysroot *root, const GPtrArray *disks, const char *dev)
{
  for (guint i = 0; i < disks->len; i++) {
    const char *disk = disks->pdata[i];
    if (g_str_equal(disk, dev))
      return g_strdup(disk);
    g_autofree char *part = g_strdup_printf("sys/block/%s/%s/partition", disk, dev);
    if (lf_sysroot_exists(root, part))
      return g_strdup(disk);
  }
  return NULL;
}

/* Kernel name of a mount's block device, resolving /dev/disk/by-* and
 * /dev/mapper links inside the root. transfer full. */
static char *mount_devname(LfSysroot *root, const LfMount *m)
{
  char *dev = lf_mount_source_devname(m->source);
  if (dev || m->source == NULL || !g_str_has_prefix(m->source, "/dev/"))
    return dev;
  g_autofree char *resolved = lf_sysroot_resolve(root, m->source);
  if (resolved && g_str_has_prefix(resolved, "dev/") && strchr(resolved + 4, '/') == NULL)
    return g_strdup(resolved + 4);
  return NULL;
}

/* The disk that really holds block device `dev`: itself or its parent disk,
 * through device-mapper slaves (Ventoy, dm-crypt) and loop devices backed by
 * an ISO file on another disk (findiso=, iso-scan). transfer full. */
static char *backing_disk(LfSysroot *root, const GPtrArray *disks, const GPtrArray *mounts,
                          const char *dev, int depth)
{
  if (dev == NULL || depth > 4 || strchr(dev, '/') != NULL || g_str_equal(dev, "..") ||
      g_str_equal(dev, "."))
    return NULL;
  char *disk = disk_of(root, disks, dev);
  if (disk)
    return disk;
  g_autofree char *slaves_rel = g_strdup_printf("sys/block/%s/slaves", dev);
  g_autoptr(GPtrArray) slaves = lf_sysroot_list(root, slaves_rel);
  for (guint i = 0; slaves && i < slaves->len; i++) {
    disk = backing_disk(root, disks, mounts, slaves->pdata[i], depth + 1);
    if (disk)
      return disk;
  }
  if (g_str_has_prefix(dev, "loop")) {
    g_autofree char *rel = g_strdup_printf("sys/block/%s/loop/backing_file", dev);
    g_autofree char *file = lf_sysroot_read_string(root, rel);
    const LfMount *holder = file ? lf_mounts_find_containing(mounts, file) : NULL;
    g_autofree char *holder_dev = holder ? mount_devname(root, holder) : NULL;
    if (holder_dev)
      return backing_disk(root, disks, mounts, holder_dev, depth + 1);
  }
  return NULL;
}

/* The disk the live medium is on: the first live mount point that maps to a
 * listed disk. transfer full. */
static char *live_medium_disk(LfSysroot *root, const GPtrArray *disks, const GPtrArray *mounts)
{
  for (guint i = 0; i < mounts->len; i++) {
    const LfMount *m = mounts->pdata[i];
    if (!lf_mount_is_live_medium(m))
      continue;
    g_autofree char *dev = mount_devname(root, m);
    char *disk = backing_disk(root, disks, mounts, dev, 0);
    if (disk)
      return disk;
    g_debug("live medium %s on %s: not a listed disk", m->target, dev ? dev : m->source);
  }
  return NULL;
}

/* Virtual disk models: QEMU/KVM, VMware, VirtualBox, Hyper-V ("Virtual Disk"), Xen. */
static gboolean virtual_model(const char *model)
{
  static const char *const names[] = { "QEMU", "VMware", "VBOX", "VirtualBox", "Virtual Disk",
                                       "Virtual_Disk", "Xen", NULL };
  for (int i = 0; model && names[i]; i++)
    if (strstr(model, names[i]))
      return TRUE;
  return FALSE;
}

const char *lf_storage_kind(const char *name, const char *devpath, const char *model,
                            const char *mmc_type, LfTri rotational)
{
  if (devpath && strstr(devpath, "/usb") != NULL)
    return "usb";
  if (g_str_has_prefix(name, "nvme") || (devpath && strstr(devpath, "/nvme/") != NULL))
    return virtual_model(model) ? "virtual" : "nvme";
  if (g_str_has_prefix(name, "mmcblk")) {
    if (g_strcmp0(mmc_type, "MMC") == 0)
      return "emmc";
    if (g_strcmp0(mmc_type, "SD") == 0)
      return "sd";
    return NULL;
  }
  /* virtio-blk (vd*), Xen (xvd*), or an emulated disk with a hypervisor's model name:
   * "rotational" says nothing about the host's real disk. */
  if (g_str_has_prefix(name, "vd") || g_str_has_prefix(name, "xvd") ||
      (devpath && strstr(devpath, "/virtio")) || virtual_model(model))
    return "virtual";
  if (rotational == LF_TRI_TRUE)
    return "hdd";
  if (rotational == LF_TRI_FALSE)
    return "ssd";
  return NULL;
}

static char *read_attr(LfSysroot *root, const char *name, const char *attr)
{
  g_autofree char *rel = g_strdup_printf("sys/block/%s/%s", name, attr);
  return lf_sysroot_read_string(root, rel);
}

static LfTri read_tri(LfSysroot *root, const char *name, const char *attr)
{
  g_autofree char *rel = g_strdup_printf("sys/block/%s/%s", name, attr);
  gint64 v;
  if (!lf_sysroot_read_int(root, rel, &v) || (v != 0 && v != 1))
    return LF_TRI_UNKNOWN;
  return v ? LF_TRI_TRUE : LF_TRI_FALSE;
}

void lf_probe_storage(LfProbeContext *ctx, LfReport *report)
{
  LfSysroot *root = ctx->root;
  g_autoptr(GPtrArray) entries = lf_sysroot_list(root, "sys/block");
  if (entries == NULL) {
    lf_report_add_error(report, "storage", "cannot list sys/block");
    return;
  }
  g_autoptr(GPtrArray) disks = g_ptr_array_new_with_free_func(g_free);
  for (guint i = 0; i < entries->len; i++) {
    const char *name = entries->pdata[i];
    if (skip_block(name))
      continue;
    /* Virtual devices have no "device" link to a bus. */
    g_autofree char *dev = g_strdup_printf("sys/block/%s/device", name);
    if (!lf_sysroot_exists(root, dev))
      continue;
    /* An empty card reader slot reports size 0: no medium, nothing to list. */
    g_autofree char *size_rel = g_strdup_printf("sys/block/%s/size", name);
    gint64 sectors;
    if (lf_sysroot_read_int(root, size_rel, &sectors) && sectors == 0)
      continue;
    g_ptr_array_add(disks, g_strdup(name));
  }

  /* Which disk is the live medium? Only knowable when proc/mounts is. */
  g_autofree char *mounts_text = NULL;
  gsize mounts_len = 0;
  g_autofree char *boot_disk = NULL;
  gboolean mounts_known = lf_sysroot_read(root, "proc/mounts", 0, &mounts_text, &mounts_len, NULL);
  if (mounts_known) {
    g_autoptr(GPtrArray) mounts = lf_mounts_parse(mounts_text, mounts_len);
    boot_disk = live_medium_disk(root, disks, mounts);
  }

  for (guint i = 0; i < disks->len; i++) {
    const char *name = disks->pdata[i];
    LfStorage *s = lf_report_add_storage(report);
    s->name = g_strdup(name);
    g_autofree char *block = g_strdup_printf("sys/block/%s", name);
    g_autofree char *devpath = lf_sysroot_resolve(root, block);
    s->rotational = read_tri(root, name, "queue/rotational");
    s->model = read_attr(root, name, "device/model");
    if (s->model == NULL && g_str_has_prefix(name, "mmcblk"))
      s->model = read_attr(root, name, "device/name");   /* mmc card product name */
    g_autofree char *mmc_type = g_str_has_prefix(name, "mmcblk")
                                    ? read_attr(root, name, "device/type") : NULL;
    const char *kind = lf_storage_kind(name, devpath, s->model, mmc_type, s->rotational);
    s->kind = g_strdup(kind);

    gint64 sectors;
    g_autofree char *size_rel = g_strdup_printf("sys/block/%s/size", name);
    /* Always 512-byte units, whatever the logical block size (sysfs-block). */
    if (lf_sysroot_read_int(root, size_rel, &sectors) && sectors >= 0) {
      if (sectors <= LF_STORAGE_MAX_SECTORS)
        s->size_gb = round((double)sectors * 512.0 / 1e8) / 10.0;  /* GB, one decimal */
      else
        lf_report_add_error(report, "storage", LF_PE_DISK_TOO_BIG, name, sectors);
    }

    s->serial = read_attr(root, name, "device/serial");

    /* USB sticks and SD cards are removable in practice even when the
     * bridge reports removable=0. */
    s->removable = read_tri(root, name, "removable");
    if (g_strcmp0(kind, "usb") == 0 || g_strcmp0(kind, "sd") == 0)
      s->removable = LF_TRI_TRUE;

    if (mounts_known)
      s->boot_medium = g_strcmp0(name, boot_disk) == 0 ? LF_TRI_TRUE : LF_TRI_FALSE;
    if (s->kind == NULL)
      lf_report_add_error(report, "storage", LF_PE_DISK_KIND, name);
  }
  if (!mounts_known)
    lf_report_add_error(report, "storage", LF_PE_NO_MOUNTS);
}
