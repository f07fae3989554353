/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Firmware (UEFI/BIOS, 32-bit UEFI, Secure Boot), virtualisation and the
 * running OS (os-release, kernel, architecture, live session).
 *
 * Kernel ABI: Documentation/ABI/testing/sysfs-firmware-efi (fw_platform_size),
 * Documentation/filesystems/efivarfs.rst (4 attribute bytes, then the value),
 * os-release(5). */
#include <string.h>
#include <sys/utsname.h>
#if defined(__i386__) || defined(__x86_64__)
#include <cpuid.h>
#endif

#include "probe/errors.h"
#include "probe/platform-parse.h"
#include "probe/probe.h"

#define EFI_GLOBAL_GUID "8be4df61-93ca-11d2-aa0d-00e098032b8c"

static void probe_firmware(LfProbeContext *ctx, LfReport *report)
{
  LfFirmware *fw = &report->machine.firmware;
  LfSysroot *root = ctx->root;
  if (lf_sysroot_is_dir(root, "sys/firmware/efi")) {
    fw->mode = g_strdup("uefi");
    gint64 bits;
    if (lf_sysroot_read_int(root, "sys/firmware/efi/fw_platform_size", &bits) &&
        (bits == 32 || bits == 64))
      fw->uefi_bits = bits;
    else
      lf_report_add_error(report, "platform", LF_PE_EFI_SIZE);

    g_autofree char *var = NULL;
    gsize len = 0;
    if (lf_sysroot_read(root, "sys/firmware/efi/efivars/SecureBoot-" EFI_GLOBAL_GUID, 64, &var,
                        &len, NULL)) {
      fw->secure_boot = lf_efivar_secure_boot((const guint8 *)var, len, TRUE);
    } else if (lf_sysroot_read(root, "sys/firmware/efi/vars/SecureBoot-" EFI_GLOBAL_GUID "/data",
                               64, &var, &len, NULL)) {
      fw->secure_boot = lf_efivar_secure_boot((const guint8 *)var, len, FALSE);
    } else {
      g_autoptr(GPtrArray) vars = lf_sysroot_list(root, "sys/firmware/efi/efivars");
      /* efivarfs mounted but no SecureBoot variable: the firmware has none. */
      if (vars && vars->len > 0)
        fw->secure_boot = LF_TRI_FALSE;
    }
    if (fw->secure_boot == LF_TRI_UNKNOWN)
      lf_report_add_error(report, "platform", LF_PE_SECURE_BOOT);
  } else if (lf_sysroot_is_dir(root, "sys/firmware")) {
    fw->mode = g_strdup("bios");
    fw->secure_boot = LF_TRI_FALSE;
  } else {
    lf_report_add_error(report, "platform", LF_PE_NO_FIRMWARE);
  }
}

/* The CPUID hypervisor vendor (leaf 0x40000000), live x86 only. transfer full. */
static char *live_hypervisor_vendor(LfProbeContext *ctx)
{
#if defined(__i386__) || defined(__x86_64__)
  if (!lf_sysroot_is_live(ctx->root) || ctx->opts->cpuid_dump != NULL)
    return NULL;
  unsigned a, b, c, d;
  __cpuid(1, a, b, c, d);
  if (!(c & (1u << 31)))
    return NULL;
  __cpuid(0x40000000, a, b, c, d);
  char sig[13];
  memcpy(sig, &b, 4);
  memcpy(sig + 4, &c, 4);
  memcpy(sig + 8, &d, 4);
  sig[12] = '\0';
  return g_strdup(sig);
#else
  return NULL;
#endif
}

/* "hypervisor" in the CPU flags: from the cpu probe, else /proc/cpuinfo. */
static gboolean has_hypervisor_flag(LfProbeContext *ctx, LfReport *report)
{
  if (report->cpu.flags != NULL)
    return lf_strv_contains(report->cpu.flags, "hypervisor");
  g_autofree char *cpuinfo = NULL;
  gsize len = 0;
  if (!lf_sysroot_read(ctx->root, "proc/cpuinfo", 0, &cpuinfo, &len, NULL))
    return FALSE;
  g_auto(GStrv) lines = g_strsplit(cpuinfo, "\n", 0);
  for (guint i = 0; lines[i]; i++) {
    if (!g_str_has_prefix(lines[i], "flags"))
      continue;
    g_auto(GStrv) words = g_strsplit(lines[i], " ", 0);
    for (guint j = 0; words[j]; j++)
      if (g_str_equal(words[j], "hypervisor"))
        return TRUE;
    return FALSE;   /* the first CPU is enough */
  }
  return FALSE;
}

static void probe_virtual(LfProbeContext *ctx, LfReport *report)
{
  LfMachine *m = &report->machine;
  gboolean flag = has_hypervisor_flag(ctx, report);
  g_autofree char *cpuid_vendor = live_hypervisor_vendor(ctx);
  g_autofree char *hv_type = lf_sysroot_read_string(ctx->root, "sys/hypervisor/type");
  /* DMI strings come from the smbios probe; sysfs as a fallback. */
  g_autofree char *vendor = m->vendor ? NULL : lf_sysroot_read_string(ctx->root,
                                                                       "sys/class/dmi/id/sys_vendor");
  g_autofree char *product = m->product ? NULL : lf_sysroot_read_string(ctx->root,
                                                                         "sys/class/dmi/id/product_name");
  const char *id = lf_virt_identify(flag, cpuid_vendor, hv_type, m->vendor ? m->vendor : vendor,
                                    m->product ? m->product : product, m->bios.vendor);
  if (id == NULL)
    return;
  g_free(m->virtual_);
  m->virtual_ = g_strdup(id);
  g_free(m->chassis);
  m->chassis = g_strdup("vm");
}

static void probe_os(LfProbeContext *ctx, LfReport *report)
{
  LfSysroot *root = ctx->root;
  LfOs *os = &report->os;
  g_autofree char *text = NULL;
  gsize len = 0;
  if (lf_sysroot_read(root, "etc/os-release", 64 * 1024, &text, &len, NULL) ||
      lf_sysroot_read(root, "usr/lib/os-release", 64 * 1024, &text, &len, NULL))
    lf_os_release_parse(text, len, os);
  else
    lf_report_add_error(report, "platform", LF_PE_NO_OS_RELEASE);

  os->kernel = lf_sysroot_read_string(root, "proc/sys/kernel/osrelease");
  if (os->kernel == NULL)
    lf_report_add_error(report, "platform", LF_PE_NO_KERNEL);
  os->arch = lf_sysroot_read_string(root, "proc/sys/kernel/arch");   /* Linux >= 6.0 */
  if (os->arch == NULL && lf_sysroot_is_live(root)) {
    struct utsname u;
    if (uname(&u) == 0)
      os->arch = g_strdup(u.machine);
  }

  /* Live session: the boot loader said so, or / is an overlay over a
   * mounted live medium (a container's overlay root has no such medium). */
  g_autofree char *cmdline = NULL;
  gsize cmd_len = 0;
  gboolean cmd_known = lf_sysroot_read(root, "proc/cmdline", 0, &cmdline, &cmd_len, NULL);
  g_autofree char *mounts_text = NULL;
  gsize mounts_len = 0;
  gboolean mounts_known = lf_sysroot_read(root, "proc/mounts", 0, &mounts_text, &mounts_len, NULL);
  gboolean live = cmd_known && lf_cmdline_is_live(cmdline, cmd_len);
  if (!live && mounts_known) {
    g_autoptr(GPtrArray) mounts = lf_mounts_parse(mounts_text, mounts_len);
    const LfMount *rootfs = lf_mounts_find_root(mounts);
    static const char *const union_fs[] = { "overlay", "aufs", "unionfs", NULL };
    live = rootfs && g_strv_contains(union_fs, rootfs->fstype) &&
           lf_mounts_find_live_medium(mounts) != NULL;
  }
  if (cmd_known || mounts_known)
    os->live_session = live ? LF_TRI_TRUE : LF_TRI_FALSE;
  else
    lf_report_add_error(report, "platform", LF_PE_NO_CMDLINE);
}

void lf_probe_platform(LfProbeContext *ctx, LfReport *report)
{
  probe_firmware(ctx, report);
  probe_virtual(ctx, report);
  probe_os(ctx, report);
}
