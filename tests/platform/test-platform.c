/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Pure parsers of the storage/devices/platform probes, with hostile input,
 * and the probes themselves on small generated roots. */
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "core/report.h"
#include "db/firmware-table.h"
#include "probe/platform-parse.h"
#include "probe/probe.h"

static void test_mounts_escapes(void)
{
  const char text[] =
      "/dev/sdb1 /run/live/medium iso9660 ro,noatime 0 0\n"
      "/dev/sda2 /media/my\\040disk\\011tab ext4 rw 0 0\n"
      "weird /a\\134b\\0 vfat rw\n"
      "short line\n"
      "\n"
      "  overlay   /   overlay rw,lowerdir=/run/live/rootfs/filesystem.squashfs 0 0\n"
      "bad\\999 /x\\04 tmpfs";
  g_autoptr(GPtrArray) m = lf_mounts_parse(text, sizeof text - 1);
  g_assert_cmpuint(m->len, ==, 5);
  const LfMount *a = m->pdata[0], *b = m->pdata[1], *c = m->pdata[2], *d = m->pdata[3],
                *e = m->pdata[4];
  g_assert_cmpstr(a->source, ==, "/dev/sdb1");
  g_assert_cmpstr(b->target, ==, "/media/my disk\ttab");
  g_assert_cmpstr(c->target, ==, "/a\\b\\0");
  g_assert_cmpstr(d->fstype, ==, "overlay");
  g_assert_cmpstr(e->source, ==, "bad\\999");
  g_assert_cmpstr(e->target, ==, "/x\\04");
  g_assert_cmpstr(e->options, ==, "");
  g_assert_true(lf_mounts_find_live_medium(m) == a);
  g_assert_true(lf_mounts_find_root(m) == d);
  g_autofree char *dev = lf_mount_source_devname(a->source);
  g_assert_cmpstr(dev, ==, "sdb1");
  g_assert_null(lf_mount_source_devname("/dev/../etc/passwd"));
  g_assert_null(lf_mount_source_devname("overlay"));
  g_assert_null(lf_mount_source_devname("/dev/"));
  /* \000 is not a character: kept as written. */
  g_autofree char *z = lf_mounts_unescape("a\\000b");
  g_assert_cmpstr(z, ==, "a\\000b");
  /* Embedded NUL in a line: the line is dropped, the next one kept. */
  const char nul[] = "/dev/a /x ext4\0 rw\n/dev/b /y ext4 rw\n";
  g_autoptr(GPtrArray) m2 = lf_mounts_parse(nul, sizeof nul - 1);
  g_assert_cmpuint(m2->len, ==, 1);
  g_assert_cmpstr(((LfMount *)m2->pdata[0])->source, ==, "/dev/b");
}

static void test_os_release(void)
{
  LfOs os;
  memset(&os, 0, sizeof os);
  const char good[] = "NAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\nID=debian\n"
                      "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n";
  lf_os_release_parse(good, sizeof good - 1, &os);
  g_assert_cmpstr(os.pretty_name, ==, "Debian GNU/Linux 12 (bookworm)");
  g_assert_cmpstr(os.id, ==, "debian");
  g_assert_cmpstr(os.version_id, ==, "12");
  g_clear_pointer(&os.pretty_name, g_free);
  g_clear_pointer(&os.id, g_free);
  g_clear_pointer(&os.version_id, g_free);

  /* Hostile: escape sequences, invalid UTF-8, a huge value, no PRETTY_NAME. */
  GString *hostile = g_string_new("NAME='Evil\\e[2J\x1b[31mOS'\nVERSION=\"1 \xff\xfe\"\nID=\n");
  g_string_append(hostile, "VERSION_ID=");
  for (int i = 0; i < 5000; i++)
    g_string_append_c(hostile, '9');
  g_string_append(hostile, "\nPRETTY_NAME=\"\"\n=novalue\n\"unterminated=\"x\n");
  lf_os_release_parse(hostile->str, hostile->len, &os);
  g_assert_nonnull(os.pretty_name);
  for (const char *p = os.pretty_name; *p; p++)
    g_assert_true((guchar)*p >= 0x20 && (guchar)*p < 0x80);
  g_assert_null(os.id);
  g_assert_cmpuint(strlen(os.version_id), ==, 255);
  g_string_free(hostile, TRUE);
  g_free(os.pretty_name);
  g_free(os.version_id);

  /* #13: valid UTF-8 that still moves the cursor (C1 CSI U+009B) or reorders
   * the line (U+202E) is replaced too. */
  static const char c1[] = "PRETTY_NAME=\"Evil\xc2\x9b" "2J OS\xe2\x80\xae" "21 \xe2\x80\x93 ok\"\n";
  memset(&os, 0, sizeof os);
  lf_os_release_parse(c1, sizeof c1 - 1, &os);
  g_assert_cmpstr(os.pretty_name, ==, "Evil?2J OS?21 \xe2\x80\x93 ok");
  g_free(os.pretty_name);
}

static void test_cmdline(void)
{
#define LIVE(s) lf_cmdline_is_live(s, strlen(s))
  g_assert_true(LIVE("BOOT_IMAGE=/live/vmlinuz boot=live components quiet splash\n"));
  g_assert_true(LIVE("file=/cdrom/preseed/ubuntu.seed boot=casper quiet"));
  g_assert_true(LIVE("root=live:CDLABEL=Fedora-WS-Live-40 rd.live.image quiet"));
  g_assert_true(LIVE("archisobasedir=arch archisolabel=ARCH_202401"));
  g_assert_false(LIVE("BOOT_IMAGE=/vmlinuz root=UUID=1234 ro quiet"));
  g_assert_false(LIVE("quiet -- boot=live"));  /* after --: init's arguments */
  g_assert_false(LIVE("boot=liveish"));
  g_assert_false(LIVE(""));
#undef LIVE
}

static void test_efivar(void)
{
  const guint8 on[] = { 0x06, 0, 0, 0, 1 }, off[] = { 0x06, 0, 0, 0, 0 };
  const guint8 bad[] = { 0x06, 0, 0, 0, 7 }, trunc[] = { 0x06, 0 };
  g_assert_cmpint(lf_efivar_secure_boot(on, sizeof on, TRUE), ==, LF_TRI_TRUE);
  g_assert_cmpint(lf_efivar_secure_boot(off, sizeof off, TRUE), ==, LF_TRI_FALSE);
  g_assert_cmpint(lf_efivar_secure_boot(bad, sizeof bad, TRUE), ==, LF_TRI_UNKNOWN);
  g_assert_cmpint(lf_efivar_secure_boot(trunc, sizeof trunc, TRUE), ==, LF_TRI_UNKNOWN);
  g_assert_cmpint(lf_efivar_secure_boot(on + 4, 1, FALSE), ==, LF_TRI_TRUE);
  g_assert_cmpint(lf_efivar_secure_boot(on, 0, FALSE), ==, LF_TRI_UNKNOWN);
}

static void test_virt(void)
{
  g_assert_null(lf_virt_identify(FALSE, NULL, NULL, "LENOVO", "20KHCTO1WW", "LENOVO"));
  g_assert_cmpstr(lf_virt_identify(TRUE, "KVMKVMKVM", NULL, NULL, NULL, NULL), ==, "kvm");
  g_assert_cmpstr(lf_virt_identify(TRUE, "Microsoft Hv", NULL, NULL, NULL, NULL), ==, "hyperv");
  g_assert_cmpstr(lf_virt_identify(TRUE, NULL, "xen", NULL, NULL, NULL), ==, "xen");
  g_assert_cmpstr(lf_virt_identify(TRUE, NULL, NULL, "QEMU", "Standard PC (Q35 + ICH9, 2009)",
                                   "SeaBIOS"), ==, "qemu");
  g_assert_cmpstr(lf_virt_identify(TRUE, NULL, NULL, "VMware, Inc.", "VMware7,1", NULL), ==,
                  "vmware");
  g_assert_cmpstr(lf_virt_identify(TRUE, NULL, NULL, "innotek GmbH", "VirtualBox", NULL), ==,
                  "virtualbox");
  g_assert_cmpstr(lf_virt_identify(TRUE, NULL, NULL, "Microsoft Corporation", "Virtual Machine",
                                   NULL), ==, "hyperv");
  /* Oracle hardware and a "Virtual Machine" product from another vendor are not VMs. */
  g_assert_null(lf_virt_identify(FALSE, NULL, NULL, "Oracle Corporation", "SUN FIRE X4170",
                                 "American Megatrends"));
  g_assert_null(lf_virt_identify(FALSE, NULL, NULL, "ACME", "Virtual Machine", NULL));
  g_assert_cmpstr(lf_virt_identify(TRUE, NULL, NULL, NULL, NULL, NULL), ==, "unknown");
}

static void test_firmware_table(void)
{
  const LfFirmwareTable *t = lf_firmware_table_builtin();
  g_assert_cmpuint(lf_firmware_table_size(t), >, 20);
  const LfFirmwareRule *r = lf_firmware_table_lookup(t, "iwlwifi", "8086:24F3");
  g_assert_nonnull(r);
  g_assert_cmpstr(r->files, ==, "iwlwifi-8000C-*.ucode");
  g_assert_true(r->nonfree);
  r = lf_firmware_table_lookup(t, "iwlwifi", "8086:ffff");
  g_assert_cmpstr(r->match, ==, "*");
  r = lf_firmware_table_lookup(t, "e1000e", NULL);
  g_assert_cmpstr(r->files, ==, "-");
  g_assert_false(r->nonfree);
  g_assert_null(lf_firmware_table_lookup(t, "no-such-driver", "1:2"));
  g_assert_null(lf_firmware_table_lookup(t, NULL, NULL));

  /* Per file: the firmware from linux-firmware, the board's NVRAM from no distribution. */
  r = lf_firmware_table_lookup(t, "brcmfmac", "02d0:4324");
  g_assert_cmpint(lf_firmware_rule_origin(r, "brcm/brcmfmac43241b4-sdio.bin"), ==,
                  LF_FW_ORIGIN_LINUX_FIRMWARE);
  g_assert_cmpint(lf_firmware_rule_origin(r, "brcm/brcmfmac43241b4-sdio.txt"), ==,
                  LF_FW_ORIGIN_BOARD);
  g_assert_cmpint(lf_firmware_rule_origin(r, "brcm/other.txt"), ==, LF_FW_ORIGIN_UNKNOWN);
  /* A file the "*" row does not list is placed by the device's own row. */
  g_assert_cmpint(lf_firmware_table_origin(t, "brcmfmac", "brcm/brcmfmac43241b4-sdio.txt"), ==,
                  LF_FW_ORIGIN_BOARD);
  g_assert_cmpint(lf_firmware_table_origin(t, "iwlwifi", "brcm/brcmfmac43241b4-sdio.txt"), ==,
                  LF_FW_ORIGIN_UNKNOWN);
  g_assert_cmpint(lf_firmware_table_origin(t, NULL, "x"), ==, LF_FW_ORIGIN_UNKNOWN);
  g_assert_cmpstr(lf_firmware_rule_package(r, "debian"), ==, "firmware-brcm80211");
  g_assert_cmpstr(lf_firmware_rule_package(r, "fedora"), ==, "brcmfmac-firmware");
  g_assert_cmpstr(lf_firmware_rule_package(r, "arch"), ==, "linux-firmware-broadcom");
  g_assert_null(lf_firmware_rule_package(r, NULL));
  r = lf_firmware_table_lookup(t, "rtl8723be", "10ec:b723");
  g_assert_cmpstr(lf_firmware_rule_package(r, "ubuntu"), ==, "linux-firmware");
  g_assert_null(lf_firmware_rule_package(lf_firmware_table_lookup(t, "iwlwifi", NULL), "fedora"));
  g_assert_cmpstr(lf_firmware_table_family(t, "lmde-7"), ==, "debian");
  g_assert_cmpstr(lf_firmware_table_family(t, "linuxmint-22.3-xfce"), ==, "ubuntu");
  g_assert_cmpstr(lf_firmware_table_family(t, "arch"), ==, "arch");
  g_assert_null(lf_firmware_table_family(t, "alpine-x86"));
  g_assert_null(lf_firmware_table_family(t, NULL));

  const char bad[] = "# comment\ndriver\tmatch\tfiles\tpackage\tnonfree\tsource\tshipped\t"
                     "packages\tshipped_source\n"
                     "x\t*\tf\tp\tmaybe\tsrc\t?\t-\ts\n"     /* bad nonfree */
                     "y\t*\tf\tp\tyes\n"                      /* no source */
                     "\t*\tf\tp\tyes\tsrc\t?\t-\ts\n"         /* no driver */
                     "z\t*\tf\tp\tno\tsrc\tboard\t-\ts\n"
                     "editions\tfamily\tsource\n"
                     "ab-*\tdebian\twhy\n"
                     "z\t*\tf\tp\tno\tsrc\tboard\t-\ts\n";   /* a network row among packaging */
  g_autoptr(LfFirmwareTable) own = lf_firmware_table_parse(bad, sizeof bad - 1);
  g_assert_cmpuint(lf_firmware_table_size(own), ==, 1);
  g_assert_cmpint(lf_firmware_rule_origin(lf_firmware_table_lookup(own, "z", NULL), "f"), ==,
                  LF_FW_ORIGIN_BOARD);
  g_assert_cmpstr(lf_firmware_table_family(own, "ab-1"), ==, "debian");
}

/* --- probes on generated roots ------------------------------------------ */

static void put(const char *root, const char *rel, const char *data, gssize len)
{
  g_autofree char *path = g_build_filename(root, rel, NULL);
  g_autofree char *dir = g_path_get_dirname(path);
  g_mkdir_with_parents(dir, 0755);
  g_assert_true(g_file_set_contents(path, data, len, NULL));
}

static void link_to(const char *root, const char *rel, const char *target)
{
  g_autofree char *path = g_build_filename(root, rel, NULL);
  g_autofree char *dir = g_path_get_dirname(path);
  g_mkdir_with_parents(dir, 0755);
  g_assert_cmpint(symlink(target, path), ==, 0);
}

static void put_in(const char *root, const char *base, const char *rel, const char *data, gssize len)
{
  g_autofree char *p = g_build_filename(base, rel, NULL);
  put(root, p, data, len);
}

/* Symlink base/rel -> prefix + target. */
static void link_in(const char *root, const char *base, const char *rel, const char *prefix,
                    const char *target)
{
  g_autofree char *p = g_build_filename(base, rel, NULL);
  g_autofree char *t = g_strconcat(prefix, target, NULL);
  link_to(root, p, t);
}

static void rm_rf(const char *dir)
{
  g_autofree char *cmd = g_strdup_printf("rm -rf '%s'", dir);
  g_assert_cmpint(system(cmd), ==, 0);
}

static LfReport *probe_root(const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LfSysroot) root = lf_sysroot_new(dir, &error);
  g_assert_no_error(error);
  LfProbeOptions opts = { .root = dir };
  LfProbeContext ctx = { .opts = &opts, .root = root };
  LfReport *r = lf_report_new();
  lf_probe_storage(&ctx, r);
  lf_probe_devices(&ctx, r);
  lf_probe_platform(&ctx, r);
  return r;
}

/* Garbage everywhere: the probes must record unknowns, never crash. */
static void test_garbage_sysfs(void)
{
  g_autofree char *dir = g_dir_make_tmp("lapfit-platform-XXXXXX", NULL);
  put(dir, "sys/devices/pci0000:00/0000:00:1f.2/ata1/host0/block/sda/size", "lots\n", -1);
  put(dir, "sys/devices/pci0000:00/0000:00:1f.2/ata1/host0/block/sda/queue/rotational", "2\n", -1);
  put(dir, "sys/devices/pci0000:00/0000:00:1f.2/ata1/host0/block/sda/removable", "", 0);
  put(dir, "sys/devices/pci0000:00/0000:00:1f.2/ata1/host0/model", "\xff\xfe\x01", 3);
  link_to(dir, "sys/devices/pci0000:00/0000:00:1f.2/ata1/host0/block/sda/device", "../..");
  link_to(dir, "sys/block/sda", "../devices/pci0000:00/0000:00:1f.2/ata1/host0/block/sda");
  link_to(dir, "sys/block/loop0", "../nowhere");
  put(dir, "sys/block/sdz/size", "-5\n", -1);         /* no device link: skipped */
  put(dir, "sys/devices/pci0000:00/0000:00:02.0/class", "0x03zz00\n", -1);
  put(dir, "sys/devices/pci0000:00/0000:00:03.0/class", "0x030000\n", -1);
  put(dir, "sys/devices/pci0000:00/0000:00:03.0/vendor", "0x123456789\n", -1);
  put(dir, "sys/devices/pci0000:00/0000:00:03.0/device", "\n", -1);
  link_to(dir, "sys/bus/pci/devices/0000:00:02.0", "../../../devices/pci0000:00/0000:00:02.0");
  link_to(dir, "sys/bus/pci/devices/0000:00:03.0", "../../../devices/pci0000:00/0000:00:03.0");
  link_to(dir, "sys/class/net/wlan0", "/etc");          /* escapes the root: ignored */
  link_to(dir, "sys/class/net/lo", "../../devices/virtual/net/lo");
  put(dir, "sys/firmware/efi/fw_platform_size", "48\n", -1);
  put(dir, "sys/firmware/efi/efivars/SecureBoot-8be4df61-93ca-11d2-aa0d-00e098032b8c",
      "\x06\0\0\0\x01\x01", 6);
  put(dir, "etc/os-release", "\0\0\0garbage", 10);
  put(dir, "proc/mounts", "\\\\\\ \n\n\t\t\t\n", -1);
  put(dir, "proc/cmdline", "\xff\xfe boot=live", -1);
  put(dir, "proc/sys/kernel/osrelease", "", 0);

  g_autoptr(LfReport) r = probe_root(dir);
  g_assert_cmpuint(r->storage->len, ==, 1);
  const LfStorage *s = r->storage->pdata[0];
  g_assert_cmpstr(s->name, ==, "sda");
  g_assert_null(s->kind);
  g_assert_false(lf_known_num(s->size_gb));
  g_assert_cmpint(s->rotational, ==, LF_TRI_UNKNOWN);
  g_assert_cmpint(s->boot_medium, ==, LF_TRI_FALSE);
  g_assert_cmpuint(r->gpus->len, ==, 1);
  const LfGpu *g = r->gpus->pdata[0];
  g_assert_null(g->pci_id);
  g_assert_null(g->driver);
  g_assert_null(r->network);
  g_assert_cmpstr(r->machine.firmware.mode, ==, "uefi");
  g_assert_false(lf_known_int(r->machine.firmware.uefi_bits));
  g_assert_cmpint(r->machine.firmware.secure_boot, ==, LF_TRI_UNKNOWN);
  g_assert_null(r->os.pretty_name);
  g_assert_null(r->os.kernel);
  g_assert_cmpint(r->os.live_session, ==, LF_TRI_TRUE);
  g_assert_nonnull(r->errors);
  rm_rf(dir);
}

/* A USB stick as the live medium, an SDIO Wi-Fi with missing firmware, and an
 * eMMC: the parts of the fixture machines in one small root. */
static void test_live_usb(void)
{
  g_autofree char *dir = g_dir_make_tmp("lapfit-platform-XXXXXX", NULL);
  const char *usb = "sys/devices/pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host6/target6:0:0/6:0:0:0";
  g_autofree char *blk = g_strdup_printf("%s/block/sdb", usb);
  put_in(dir, blk, "size", "30031872\n", -1);
  put_in(dir, blk, "removable", "0\n", -1);
  put_in(dir, blk, "queue/rotational", "1\n", -1);
  put_in(dir, blk, "sdb1/partition", "1\n", -1);
  put_in(dir, usb, "model", "Ultra Fit       \n", -1);
  link_in(dir, blk, "device", "", "../../../6:0:0:0");
  g_autofree char *sdb = g_strdup_printf("../%s", blk + 4);
  link_to(dir, "sys/block/sdb", sdb);
  /* An empty slot of a USB card reader: size 0, not listed. */
  const char *reader = "sys/devices/pci0000:00/0000:00:14.0/usb2/2-2/2-2:1.0/host7/target7:0:0/7:0:0:0";
  g_autofree char *sdc = g_strdup_printf("%s/block/sdc", reader);
  put_in(dir, sdc, "size", "0\n", -1);
  put_in(dir, sdc, "removable", "1\n", -1);
  link_in(dir, sdc, "device", "", "../../../7:0:0:0");
  g_autofree char *sdc_link = g_strdup_printf("../%s", sdc + 4);
  link_to(dir, "sys/block/sdc", sdc_link);
  const char *mmc = "sys/devices/pci0000:00/0000:00:10.0/mmc_host/mmc0/mmc0:0001";
  put_in(dir, mmc, "type", "MMC\n", -1);
  put_in(dir, mmc, "name", "HAG2e\n", -1);
  put_in(dir, mmc, "block/mmcblk0/size", "61071360\n", -1);
  link_in(dir, mmc, "block/mmcblk0/device", "", "../../../mmc0:0001");
  g_autofree char *mmcblk = g_strdup_printf("../%s/block/mmcblk0", mmc + 4);
  link_to(dir, "sys/block/mmcblk0", mmcblk);
  const char *sdio = "sys/devices/pci0000:00/0000:00:11.0/mmc_host/mmc1/mmc1:0001/mmc1:0001:1";
  put_in(dir, sdio, "vendor", "0x02d0\n", -1);
  put_in(dir, sdio, "device", "0x4324\n", -1);
  put_in(dir, sdio, "net/wlan0/phy80211/name", "phy0\n", -1);
  put(dir, "sys/bus/sdio/drivers/brcmfmac/uevent", "", 0);
  link_in(dir, sdio, "subsystem", "", "../../../../../../../bus/sdio");
  link_in(dir, sdio, "driver", "", "../../../../../../../bus/sdio/drivers/brcmfmac");
  link_in(dir, sdio, "net/wlan0/device", "", "../../../mmc1:0001:1");
  g_autofree char *wlan = g_strdup_printf("../../%s/net/wlan0", sdio + 4);
  link_to(dir, "sys/class/net/wlan0", wlan);
  put(dir, "lib/firmware/brcm/brcmfmac43241b4-sdio.bin.zst", "x", 1);
  put(dir, "sys/firmware/efi/fw_platform_size", "32\n", -1);
  put(dir, "sys/firmware/efi/efivars/SecureBoot-8be4df61-93ca-11d2-aa0d-00e098032b8c",
      "\x06\0\0\0\0", 5);
  put(dir, "proc/mounts",
      "/dev/sdb1 /run/live/medium vfat ro 0 0\noverlay / overlay rw 0 0\n", -1);
  put(dir, "proc/cmdline", "BOOT_IMAGE=/live/vmlinuz quiet\n", -1);
  put(dir, "usr/lib/os-release", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\n", -1);

  g_autoptr(LfReport) r = probe_root(dir);
  g_assert_cmpuint(r->storage->len, ==, 2);
  const LfStorage *e = r->storage->pdata[0], *u = r->storage->pdata[1];
  g_assert_cmpstr(e->name, ==, "mmcblk0");
  g_assert_cmpstr(e->kind, ==, "emmc");
  g_assert_cmpstr(e->model, ==, "HAG2e");
  g_assert_cmpfloat(e->size_gb, ==, 31.3);
  g_assert_cmpint(e->boot_medium, ==, LF_TRI_FALSE);
  g_assert_cmpstr(u->kind, ==, "usb");
  g_assert_cmpstr(u->model, ==, "Ultra Fit");
  g_assert_cmpint(u->removable, ==, LF_TRI_TRUE);
  g_assert_cmpint(u->boot_medium, ==, LF_TRI_TRUE);
  g_assert_cmpuint(r->network->len, ==, 1);
  const LfNetwork *n = r->network->pdata[0];
  g_assert_cmpstr(n->kind, ==, "wifi");
  g_assert_cmpstr(n->sdio_id, ==, "02d0:4324");
  g_assert_cmpstr(n->driver, ==, "brcmfmac");
  g_assert_cmpuint(n->firmware_missing->len, ==, 1);
  g_assert_cmpstr(n->firmware_missing->pdata[0], ==, "brcm/brcmfmac43241b4-sdio.txt");
  g_assert_cmpint(n->needs_nonfree_firmware, ==, LF_TRI_TRUE);
  g_assert_cmpint(n->nvram_efi, ==, LF_TRI_FALSE);   /* efivars listed, no nvram variable */
  g_assert_cmpstr(r->machine.firmware.mode, ==, "uefi");
  g_assert_cmpint(r->machine.firmware.uefi_bits, ==, 32);
  g_assert_cmpint(r->machine.firmware.secure_boot, ==, LF_TRI_FALSE);
  g_assert_cmpstr(r->os.id, ==, "debian");
  g_assert_cmpint(r->os.live_session, ==, LF_TRI_TRUE);   /* overlay root + live medium */
  /* The tablet keeps its Wi-Fi board settings in the EFI variable brcmfmac reads. */
  put(dir, "sys/firmware/efi/efivars/nvram-74b00bd9-805a-4d61-b51f-43268123d113",
      "\x07\0\0\0boardtype=0x0726\n", 20);
  g_autoptr(LfReport) r2 = probe_root(dir);
  g_assert_cmpint(((LfNetwork *)r2->network->pdata[0])->nvram_efi, ==, LF_TRI_TRUE);
  rm_rf(dir);
}

/* A disk with a block device: sys/block/<name> -> a SCSI device tree. */
static void add_disk(const char *dir, const char *name, const char *host)
{
  g_autofree char *blk = g_strdup_printf("sys/devices/pci0000:00/0000:00:1f.2/%s/block/%s", host,
                                         name);
  put_in(dir, blk, "size", "1000000\n", -1);
  put_in(dir, blk, "queue/rotational", "0\n", -1);
  g_autofree char *part = g_strdup_printf("%s2/partition", name);
  put_in(dir, blk, part, "2\n", -1);
  link_in(dir, blk, "device", "", "../..");
  g_autofree char *rel = g_strdup_printf("sys/block/%s", name);
  g_autofree char *target = g_strdup_printf("../%s", blk + 4);
  link_to(dir, rel, target);
}

static const char *boot_disk_of(const LfReport *r)
{
  for (guint i = 0; r->storage && i < r->storage->len; i++) {
    const LfStorage *s = r->storage->pdata[i];
    if (s->boot_medium == LF_TRI_TRUE)
      return s->name;
  }
  return NULL;
}

/* An ISO file on a disk (findiso=, loop device) and Ventoy (device-mapper). */
static void test_boot_medium_indirect(void)
{
  g_autofree char *dir = g_dir_make_tmp("lapfit-platform-XXXXXX", NULL);
  add_disk(dir, "sda", "ata1/host0/target0:0:0/0:0:0:0");
  add_disk(dir, "sdb", "ata2/host1/target1:0:0/1:0:0:0");
  put(dir, "sys/block/loop0/loop/backing_file", "/run/live/findiso/isos/debian live.iso\n", -1);
  put(dir, "proc/mounts",
      "/dev/sda2 /run/live/findiso ext4 ro 0 0\n"
      "/dev/loop0 /run/live/medium iso9660 ro 0 0\n", -1);
  {
    g_autoptr(LfReport) r = probe_root(dir);
    g_assert_cmpstr(boot_disk_of(r), ==, "sda");
  }
  put(dir, "proc/mounts", "/dev/mapper/ventoy /cdrom iso9660 ro 0 0\n", -1);
  put(dir, "sys/block/dm-0/slaves/sdb/dev", "8:16\n", -1);
  put(dir, "dev/dm-0", "", 0);
  link_to(dir, "dev/mapper/ventoy", "../dm-0");
  {
    g_autoptr(LfReport) r = probe_root(dir);
    g_assert_cmpstr(boot_disk_of(r), ==, "sdb");
  }
  /* A loop device whose backing file loops back to itself: no hang. */
  put(dir, "proc/mounts", "/dev/loop0 /run/live/medium iso9660 ro 0 0\n", -1);
  put(dir, "sys/block/loop0/loop/backing_file", "/run/live/medium/x.iso\n", -1);
  {
    g_autoptr(LfReport) r = probe_root(dir);
    g_assert_null(boot_disk_of(r));
  }
  rm_rf(dir);
}

/* The facts tests/fixtures/machines/README.md promises, checked on the probe
 * itself so a careless UPDATE=1 of the golden files cannot hide a regression. */
typedef struct {
  const char *machine;
  const char *fw_mode;
  gint64 uefi_bits;
  LfTri secure_boot;
  const char *disks;          /* "name:kind ..." in sys/block order */
  const char *boot_disk;      /* NULL: none of the listed disks */
  const char *gpu;            /* "pci_id driver" */
  const char *nets;           /* "kind:driver ..." in sys/class/net order */
  const char *missing;        /* firmware_missing of all interfaces, joined by ' ' */
  const char *os_id;
} MachineFacts;

static const MachineFacts facts[] = {
  { "pentium-m-2005", "bios", LF_UNKNOWN, LF_TRI_FALSE, "sda:hdd", NULL, "1002:5460 radeon",
    "ethernet:tg3 wifi:ipw2200", "ipw2200-bss.fw", "debian" },
  { "atom-n270-netbook", "bios", LF_UNKNOWN, LF_TRI_FALSE, "sda:hdd sdb:usb", "sdb",
    "8086:27ae i915", "ethernet:atl1e wifi:ath9k", "", "debian" },
  { "core2duo-2008", "bios", LF_UNKNOWN, LF_TRI_FALSE, "sda:hdd sdb:usb", "sdb", "8086:2a02 i915",
    "ethernet:tg3 wifi:iwl4965", "", "ubuntu" },
  { "sandybridge-2011", "bios", LF_UNKNOWN, LF_TRI_FALSE, "sda:hdd sdb:usb", "sdb",
    "8086:0126 i915", "ethernet:e1000e wifi:iwlwifi", "", "linuxmint" },
  { "skylake-u-2016", "uefi", 64, LF_TRI_FALSE, "sda:ssd sdb:usb", "sdb", "8086:1916 i915",
    "ethernet:e1000e wifi:iwlwifi", "", "ubuntu" },
  { "ryzen-4000-2020", "uefi", 64, LF_TRI_TRUE, "nvme0n1:nvme sda:usb", "sda", "1002:1636 amdgpu",
    "wifi:iwlwifi", "", "fedora" },
  { "raptorlake-u-2023", "uefi", 64, LF_TRI_TRUE, "nvme0n1:nvme sda:usb", "sda", "8086:a7a1 i915",
    "wifi:iwlwifi", "", "ubuntu" },
  { "meteorlake-2024", "uefi", 64, LF_TRI_TRUE, "nvme0n1:nvme sda:usb", "sda", "8086:7d55 i915",
    "wifi:iwlwifi", "", "linuxmint" },
  { "thinkpad-two-batteries", "uefi", 64, LF_TRI_FALSE, "nvme0n1:nvme sda:usb", "sda",
    "8086:5917 i915", "ethernet:e1000e wifi:iwlwifi bluetooth:btusb", "", "arch" },
  { "desktop-no-battery", "bios", LF_UNKNOWN, LF_TRI_FALSE, "sda:hdd sdb:usb", "sdb",
    "8086:0152 i915", "ethernet:e1000e", "", "debian" },
  { "baytrail-tablet", "uefi", 32, LF_TRI_FALSE, "mmcblk0:emmc sda:usb", "sda", "8086:0f31 i915",
    "wifi:brcmfmac", "brcm/brcmfmac43241b4-sdio.txt", "debian" },
};

static void test_fixture_facts(gconstpointer data)
{
  const MachineFacts *f = data;
  g_autofree char *dir = g_build_filename(LF_TEST_FIXTURES, "machines", f->machine, "sysroot", NULL);
  g_autoptr(LfReport) r = probe_root(dir);
  g_assert_cmpstr(r->machine.firmware.mode, ==, f->fw_mode);
  g_assert_cmpint(r->machine.firmware.uefi_bits, ==, f->uefi_bits);
  g_assert_cmpint(r->machine.firmware.secure_boot, ==, f->secure_boot);
  g_assert_null(r->machine.virtual_);

  GString *disks = g_string_new(NULL);
  for (guint i = 0; r->storage && i < r->storage->len; i++) {
    const LfStorage *s = r->storage->pdata[i];
    g_string_append_printf(disks, "%s%s:%s", i ? " " : "", s->name, s->kind);
    g_assert_true(lf_known_num(s->size_gb) && s->size_gb > 1);
    g_assert_nonnull(s->model);
  }
  g_assert_cmpstr(disks->str, ==, f->disks);
  g_string_free(disks, TRUE);
  g_assert_cmpstr(boot_disk_of(r), ==, f->boot_disk);

  g_assert_nonnull(r->gpus);
  g_assert_cmpuint(r->gpus->len, ==, 1);
  const LfGpu *g = r->gpus->pdata[0];
  g_autofree char *gpu = g_strdup_printf("%s %s", g->pci_id, g->driver);
  g_assert_cmpstr(gpu, ==, f->gpu);
  g_assert_cmpint(g->kms, ==, LF_TRI_TRUE);
  g_assert_nonnull(g->vendor);
  g_assert_nonnull(g->device);

  GString *nets = g_string_new(NULL), *missing = g_string_new(NULL);
  for (guint i = 0; r->network && i < r->network->len; i++) {
    const LfNetwork *n = r->network->pdata[i];
    g_string_append_printf(nets, "%s%s:%s", i ? " " : "", n->kind, n->driver);
    g_assert_cmpint(n->needs_nonfree_firmware, !=, LF_TRI_UNKNOWN);
    g_assert_true(n->pci_id || n->usb_id || n->sdio_id);
    for (guint j = 0; n->firmware_missing && j < n->firmware_missing->len; j++)
      g_string_append_printf(missing, "%s%s", missing->len ? " " : "",
                             (char *)n->firmware_missing->pdata[j]);
  }
  g_assert_cmpstr(nets->str, ==, f->nets);
  g_assert_cmpstr(missing->str, ==, f->missing);
  g_string_free(nets, TRUE);
  g_string_free(missing, TRUE);

  g_assert_cmpstr(r->os.id, ==, f->os_id);
  g_assert_nonnull(r->os.pretty_name);
  g_assert_nonnull(r->os.kernel);
  g_assert_cmpint(r->os.live_session, ==, LF_TRI_TRUE);
}

/* A VM described by files only: hypervisor flag, sysfs DMI, Xen's sys/hypervisor. */
static void test_vm_root(void)
{
  g_autofree char *dir = g_dir_make_tmp("lapfit-platform-XXXXXX", NULL);
  put(dir, "proc/cpuinfo", "processor\t: 0\nflags\t\t: fpu sse2 hypervisor lm\n\n", -1);
  put(dir, "sys/class/dmi/id/sys_vendor", "QEMU\n", -1);
  put(dir, "sys/class/dmi/id/product_name", "Standard PC (Q35 + ICH9, 2009)\n", -1);
  {
    g_autoptr(LfReport) r = probe_root(dir);
    g_assert_cmpstr(r->machine.virtual_, ==, "qemu");
    g_assert_cmpstr(r->machine.chassis, ==, "vm");
  }
  put(dir, "sys/hypervisor/type", "xen\n", -1);
  {
    g_autoptr(LfReport) r = probe_root(dir);
    g_assert_cmpstr(r->machine.virtual_, ==, "xen");
  }
  /* The cpu probe's flags win over proc/cpuinfo: bare metal stays bare metal. */
  g_autofree char *cmd = g_strdup_printf("rm -rf '%s/sys/hypervisor' '%s/sys/class'", dir, dir);
  g_assert_cmpint(system(cmd), ==, 0);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LfSysroot) root = lf_sysroot_new(dir, &error);
    LfProbeOptions opts = { .root = dir };
    LfProbeContext ctx = { .opts = &opts, .root = root };
    g_autoptr(LfReport) r = lf_report_new();
    lf_strv_add(&r->cpu.flags, "sse2");
    lf_probe_platform(&ctx, r);
    g_assert_null(r->machine.virtual_);
  }
  rm_rf(dir);
}

/* A disk size beyond any real disk (#13 item 12) is unknown, with the reason. */
static void test_absurd_disk_size(void)
{
  g_autofree char *dir = g_dir_make_tmp("lapfit-platform-XXXXXX", NULL);
  const char *const names[] = { "sda", "sdb" }, *const sizes[] = { "4000000000000000\n",
                                                                   "1000215216\n" };
  for (guint i = 0; i < 2; i++) {
    g_autofree char *dev = g_strdup_printf("sys/devices/pci0000:00/0000:00:1f.2/ata%u/host%u/"
                                           "block/%s", i + 1, i, names[i]);
    g_autofree char *size = g_strdup_printf("%s/size", dev);
    g_autofree char *link = g_strdup_printf("%s/device", dev);
    g_autofree char *block = g_strdup_printf("sys/block/%s", names[i]);
    g_autofree char *target = g_strdup_printf("../%s", dev + strlen("sys/"));
    put(dir, size, sizes[i], -1);
    link_to(dir, link, "../..");
    link_to(dir, block, target);
  }
  g_autoptr(LfReport) r = probe_root(dir);
  g_assert_cmpuint(r->storage->len, ==, 2);
  const LfStorage *a = r->storage->pdata[0], *b = r->storage->pdata[1];
  g_assert_cmpstr(a->name, ==, "sda");
  g_assert_false(lf_known_num(a->size_gb));
  g_assert_cmpfloat(b->size_gb, ==, 512.1);
  gboolean said = FALSE;
  for (guint i = 0; i < r->errors->len; i++) {
    const LfReportError *e = r->errors->pdata[i];
    said |= g_str_equal(e->probe, "storage") && strstr(e->message, "sda: size of 4000000000000000 "
                                                                   "sectors is more than any real "
                                                                   "disk has") != NULL;
  }
  g_assert_true(said);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/platform/mounts", test_mounts_escapes);
  g_test_add_func("/platform/os-release", test_os_release);
  g_test_add_func("/platform/cmdline", test_cmdline);
  g_test_add_func("/platform/efivar", test_efivar);
  g_test_add_func("/platform/virt", test_virt);
  g_test_add_func("/platform/vm-root", test_vm_root);
  g_test_add_func("/platform/firmware-table", test_firmware_table);
  g_test_add_func("/platform/garbage-sysfs", test_garbage_sysfs);
  g_test_add_func("/platform/absurd-disk-size", test_absurd_disk_size);
  g_test_add_func("/platform/live-usb", test_live_usb);
  g_test_add_func("/platform/boot-medium-indirect", test_boot_medium_indirect);
  for (gsize i = 0; i < G_N_ELEMENTS(facts); i++) {
    g_autofree char *name = g_strdup_printf("/platform/fixture/%s", facts[i].machine);
    g_test_add_data_func(name, &facts[i], test_fixture_facts);
  }
  return g_test_run();
}
