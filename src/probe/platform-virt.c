/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Virtualisation: the hypervisor from CPUID and DMI hints. Pure: see platform-parse.h. */
#include "probe/platform-parse.h"

#include <string.h>

typedef struct {
  const char *needle;   /* matched case-insensitively as a prefix (cpuid) or substring */
  const char *id;
} LfVirtHint;

/* CPUID leaf 0x40000000 signatures, as systemd's detect-virt.c lists them. */
static const LfVirtHint cpuid_hints[] = {
  { "KVMKVMKVM", "kvm" },   { "TCGTCGTCGTCG", "qemu" }, { "VMwareVMware", "vmware" },
  { "Microsoft Hv", "hyperv" }, { "XenVMMXenVMM", "xen" }, { "VBoxVBoxVBox", "virtualbox" },
  { "prl hyperv", "parallels" }, { "bhyve bhyve", "bhyve" }, { "ACRNACRNACRN", "acrn" },
  { NULL, NULL },
};

/* DMI strings (sys_vendor, product_name, bios_vendor) of virtual machines. */
static const LfVirtHint dmi_hints[] = {
  { "KVM", "kvm" },         { "QEMU", "qemu" },         { "VMware", "vmware" },
  { "VMW", "vmware" },      { "innotek GmbH", "virtualbox" }, { "VirtualBox", "virtualbox" },
  { "Oracle Corporation", "virtualbox" }, { "Xen", "xen" }, { "Bochs", "qemu" },
  { "Parallels", "parallels" }, { "BHYVE", "bhyve" }, { "Hyper-V", "hyperv" },
  { "Virtual Machine", "hyperv" }, { "Amazon EC2", "kvm" }, { "Google Compute Engine", "kvm" },
  { "Firecracker", "kvm" },
  { NULL, NULL },
};

static const char *match_hint(const LfVirtHint *hints, const char *s, gboolean prefix)
{
  if (s == NULL || *s == '\0')
    return NULL;
  for (const LfVirtHint *h = hints; h->needle; h++) {
    gsize n = strlen(h->needle);
    if (prefix ? g_ascii_strncasecmp(s, h->needle, n) == 0
               : strstr(s, h->needle) != NULL)
      return h->id;
  }
  return NULL;
}

const char *lf_virt_identify(gboolean hypervisor_flag, const char *cpuid_vendor,
                             const char *hypervisor_type, const char *dmi_vendor,
                             const char *dmi_product, const char *bios_vendor)
{
  /* QUIRK: "Oracle Corporation" also sells bare-metal servers: only trust it
   * with a VirtualBox product name. Handled by ordering: product first. */
  const char *id = match_hint(cpuid_hints, cpuid_vendor, TRUE);
  if (id)
    return id;
  if (hypervisor_type && g_ascii_strncasecmp(hypervisor_type, "xen", 3) == 0)
    return "xen";
  const char *from_product = match_hint(dmi_hints, dmi_product, FALSE);
  const char *from_vendor = match_hint(dmi_hints, dmi_vendor, FALSE);
  if (g_strcmp0(from_vendor, "virtualbox") == 0 && g_strcmp0(dmi_vendor, "Oracle Corporation") == 0 &&
      from_product == NULL)
    from_vendor = NULL;
  /* "Virtual Machine" is Hyper-V's product name only with Microsoft's vendor. */
  if (g_strcmp0(from_product, "hyperv") == 0 && dmi_vendor &&
      strstr(dmi_vendor, "Microsoft") == NULL)
    from_product = NULL;
  if (from_vendor)
    return from_vendor;
  if (from_product)
    return from_product;
  id = match_hint(dmi_hints, bios_vendor, FALSE);
  if (id)
    return id;
  return hypervisor_flag ? "unknown" : NULL;
}
