/* SPDX-License-Identifier: GPL-2.0-or-later */
/* PCI vendor and device names for offline reports. Pure: see platform-parse.h. */
#include "probe/platform-parse.h"

/* A few names from pci.ids (https://pci-ids.ucw.cz/, GPL-2+/BSD-3) for the
 * devices of the fixture machines, so offline reports name their hardware.
 * Live probes ask udev's hwdb first. */
static const struct {
  const char *id, *name;
} pci_vendors[] = {
  { "8086", "Intel Corporation" },
  { "1002", "Advanced Micro Devices, Inc. [AMD/ATI]" },
  { "1022", "Advanced Micro Devices, Inc. [AMD]" },
  { "10de", "NVIDIA Corporation" },
  { "14e4", "Broadcom Inc. and subsidiaries" },
  { "168c", "Qualcomm Atheros" },
  { "1969", "Qualcomm Atheros" },
  { "10ec", "Realtek Semiconductor Co., Ltd." },
  { "02d0", "Broadcom Corp." },   /* SDIO vendor id */
  { "1af4", "Red Hat, Inc." },
  { "15ad", "VMware" },
  { "80ee", "InnoTek Systemberatung GmbH" },
  { "1234", "QEMU" },
};

static const struct {
  const char *id, *name;   /* "vendor:device" */
} pci_devices[] = {
  { "1002:5460", "RV370/M22 [Mobility Radeon X300]" },
  { "8086:4220", "PRO/Wireless 2200BG [Calexico2] Network Connection" },
  { "8086:4224", "PRO/Wireless 2915ABG [Calexico2] Network Connection" },
  { "8086:27ae", "Mobile 945GSE Express Integrated Graphics Controller" },
  { "168c:002b", "AR9285 Wireless Network Adapter (PCI-Express)" },
  { "1969:1026", "AR8121/AR8113/AR8114 Gigabit or Fast Ethernet" },
  { "8086:2a02", "Mobile GM965/GL960 Integrated Graphics Controller (primary)" },
  { "8086:4229", "PRO/Wireless 4965 AG or AGN [Kedron] Network Connection" },
  { "14e4:1673", "NetXtreme BCM5755M Gigabit Ethernet PCI Express" },
  { "8086:0126", "2nd Generation Core Processor Family Integrated Graphics Controller" },
  { "8086:0085", "Centrino Advanced-N 6205 [Taylor Peak]" },
  { "8086:1502", "82579LM Gigabit Network Connection (Lewisville)" },
  { "8086:1916", "Skylake GT2 [HD Graphics 520]" },
  { "8086:24f3", "Wireless 8260" },
  { "8086:156f", "Ethernet Connection I219-LM" },
  { "1002:1636", "Renoir [Radeon Vega Series / Radeon Vega Mobile Series]" },
  { "8086:2723", "Wi-Fi 6 AX200" },
  { "8086:a7a1", "Raptor Lake-P [Iris Xe Graphics]" },
  { "8086:51f1", "Raptor Lake PCH CNVi WiFi" },
  { "8086:7d55", "Meteor Lake-P [Intel Arc Graphics]" },
  { "8086:7e40", "Meteor Lake PCH CNVi WiFi" },
  { "8086:5917", "UHD Graphics 620" },
  { "8086:24fd", "Wireless 8265 / 8275" },
  { "8086:15d7", "Ethernet Connection (4) I219-LM" },
  { "8086:0152", "Xeon E3-1200 v2/3rd Gen Core processor Graphics Controller" },
  { "8086:0f31", "Atom Processor Z36xxx/Z37xxx Series Graphics & Display" },
  { "02d0:4324", "BCM43241 WLAN card" },
  { "14e4:167d", "NetXtreme BCM5751M Gigabit Ethernet PCI Express" },
};

const char *lf_pci_vendor_name(const char *vendor_id)
{
  if (vendor_id == NULL)
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS(pci_vendors); i++)
    if (g_ascii_strcasecmp(pci_vendors[i].id, vendor_id) == 0)
      return pci_vendors[i].name;
  return NULL;
}

const char *lf_pci_device_name(const char *vendor_id, const char *device_id)
{
  if (vendor_id == NULL || device_id == NULL)
    return NULL;
  g_autofree char *id = g_strdup_printf("%s:%s", vendor_id, device_id);
  for (gsize i = 0; i < G_N_ELEMENTS(pci_devices); i++)
    if (g_ascii_strcasecmp(pci_devices[i].id, id) == 0)
      return pci_devices[i].name;
  return NULL;
}
