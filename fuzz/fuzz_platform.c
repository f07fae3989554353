/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The platform parsers on arbitrary bytes: /proc/mounts (octal escapes),
 * os-release, the kernel command line, EFI variables and the firmware TSV.
 * Input is not NUL-terminated. */
#include "fuzz.h"

#include <string.h>

#include "db/firmware-table.h"
#include "probe/platform-parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  const char *text = (const char *)data;
  g_autoptr(GPtrArray) mounts = lf_mounts_parse(text, size);
  const LfMount *found[2] = { lf_mounts_find_live_medium(mounts), lf_mounts_find_root(mounts) };
  gsize total = 0;
  for (int i = 0; i < 2; i++) {
    if (found[i] == NULL)
      continue;
    g_autofree char *dev = lf_mount_source_devname(found[i]->source);
    total += dev ? strlen(dev) : 0;
  }
  volatile gsize sink = total;
  (void)sink;

  LfOs os = { 0 };
  lf_os_release_parse(text, size, &os);
  g_free(os.pretty_name);
  g_free(os.id);
  g_free(os.version_id);

  (void)lf_cmdline_is_live(text, size);
  (void)lf_efivar_secure_boot(data, size, TRUE);
  (void)lf_efivar_secure_boot(data, size, FALSE);

  g_autoptr(LfFirmwareTable) table = lf_firmware_table_parse(text, size);
  const LfFirmwareRule *rule = lf_firmware_table_lookup(table, "iwlwifi", "8086:24f3");
  if (rule) {
    (void)lf_firmware_rule_origin(rule, "iwlwifi-8000C-*.ucode");
    (void)lf_firmware_rule_package(rule, "fedora");
    (void)lf_firmware_rule_package(rule, "debian");
  }
  (void)lf_firmware_table_family(table, "debian-13-xfce");
  return 0;
}
