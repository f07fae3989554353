/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Pure parsers behind the storage, devices and platform probes, one file per
 * topic: /proc/mounts (platform-mounts.c), os-release and the kernel command
 * line (platform-os.c), EFI variables (platform-efi.c), virtualisation hints
 * (platform-virt.c), the firmware table (firmware-table.c) and PCI names
 * (pci-names.c). No I/O here, so unit tests and fuzzers call them on any
 * bytes. Inputs need not be NUL-terminated; hostile input gives "unknown". */
#pragma once
#include <glib.h>

#include "core/report.h"

/* One /proc/mounts line, with the kernel's octal escapes (\040 \011 \012 \134)
 * undone. */
typedef struct {
  char *source, *target, *fstype, *options;
} LfMount;

void lf_mount_free(LfMount *mount);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(LfMount, lf_mount_free)

/* Lines with fewer than 3 fields are skipped. transfer full: GPtrArray of LfMount*
 * (frees its elements). Never NULL. */
GPtrArray *lf_mounts_parse(const char *data, gsize len);

/* "\040" -> " " etc.; invalid escapes are kept as written. transfer full. */
char *lf_mounts_unescape(const char *field);

/* The mount of a live medium (/run/live/medium, /cdrom, /run/initramfs/live,
 * /run/archiso/bootmnt, ...) in mounts, or NULL. transfer none. */
const LfMount *lf_mounts_find_live_medium(const GPtrArray *mounts);

/* Is this a mount point where live systems mount their boot medium? */
gboolean lf_mount_is_live_medium(const LfMount *mount);

/* The mount whose target is the longest prefix of path ("/run/live/findiso"
 * for "/run/live/findiso/isos/debian.iso"), or NULL. transfer none. */
const LfMount *lf_mounts_find_containing(const GPtrArray *mounts, const char *path);

/* The mount at "/" (the last one wins, as the kernel stacks them). transfer none. */
const LfMount *lf_mounts_find_root(const GPtrArray *mounts);

/* Kernel name of a block device from a mount source: "/dev/sdb1" -> "sdb1",
 * "/dev/mmcblk0p1" -> "mmcblk0p1"; NULL for non-/dev sources (overlay, tmpfs).
 * transfer full. */
char *lf_mount_source_devname(const char *source);

/* os-release(5) text -> os->pretty_name, id, version_id (only those found;
 * pretty_name falls back to "NAME VERSION"). Values are sanitised (control
 * bytes replaced) and cut at 255 bytes. */
void lf_os_release_parse(const char *data, gsize len, LfOs *os);

/* TRUE when the command line names a live boot: boot=casper, boot=live,
 * rd.live.image, archisobasedir=, root=live:... */
gboolean lf_cmdline_is_live(const char *data, gsize len);

/* An efivarfs file (4 attribute bytes + data) of SecureBoot: TRUE/FALSE from
 * the value byte, UNKNOWN for anything malformed. The old sysfs "vars/.../data"
 * has no attribute bytes: pass has_attributes FALSE. */
LfTri lf_efivar_secure_boot(const guint8 *data, gsize len, gboolean has_attributes);

/* Virtualisation from the hints that exist: the CPUID hypervisor vendor
 * ("KVMKVMKVM", may be NULL), sys/hypervisor/type, DMI sys_vendor/product_name/
 * bios_vendor. Returns a static id (kvm, qemu, vmware, virtualbox, hyperv, xen,
 * parallels, bhyve, or "unknown" when only the hypervisor flag is set) or NULL
 * for bare metal. */
const char *lf_virt_identify(gboolean hypervisor_flag, const char *cpuid_vendor,
                             const char *hypervisor_type, const char *dmi_vendor,
                             const char *dmi_product, const char *bios_vendor);

/* Human names for a few well-known PCI/USB ids (fixtures, and live machines
 * without hwdb). transfer none; NULL when not in the table. */
const char *lf_pci_vendor_name(const char *vendor_id);
const char *lf_pci_device_name(const char *vendor_id, const char *device_id);
