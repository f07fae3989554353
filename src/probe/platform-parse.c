/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "probe/platform-parse.h"

#include <string.h>

#include "core/kv.h"

/* --- /proc/mounts --------------------------------------------------------- */

void lf_mount_free(LfMount *mount)
{
  if (mount == NULL)
    return;
  g_free(mount->source);
  g_free(mount->target);
  g_free(mount->fstype);
  g_free(mount->options);
  g_free(mount);
}

static gboolean is_octal(char c)
{
  return c >= '0' && c <= '7';
}

char *lf_mounts_unescape(const char *field)
{
  GString *out = g_string_sized_new(strlen(field));
  for (const char *p = field; *p; p++) {
    /* The kernel (seq_escape in fs/proc_namespace.c) writes space, tab,
     * newline and backslash as \ooo; anything else is kept byte for byte. */
    if (p[0] == '\\' && is_octal(p[1]) && is_octal(p[2]) && is_octal(p[3])) {
      int v = (p[1] - '0') * 64 + (p[2] - '0') * 8 + (p[3] - '0');
      if (v > 0 && v < 256) {
        g_string_append_c(out, (char)v);
        p += 3;
        continue;
      }
    }
    g_string_append_c(out, *p);
  }
  return g_string_free(out, FALSE);
}

GPtrArray *lf_mounts_parse(const char *data, gsize len)
{
  GPtrArray *mounts = g_ptr_array_new_with_free_func((GDestroyNotify)lf_mount_free);
  gsize pos = 0, n;
  const char *line;
  while (lf_text_next_line(data, len, &pos, &line, &n)) {
    if (n == 0 || memchr(line, '\0', n) != NULL)
      continue;
    g_autofree char *copy = g_strndup(line, n);
    g_auto(GStrv) fields = g_strsplit_set(copy, " \t", 0);
    /* Collapse empty fields from repeated separators. */
    const char *f[4] = { NULL, NULL, NULL, NULL };
    guint k = 0;
    for (guint i = 0; fields[i] && k < 4; i++)
      if (fields[i][0] != '\0')
        f[k++] = fields[i];
    if (k < 3)
      continue;
    LfMount *m = g_new0(LfMount, 1);
    m->source = lf_mounts_unescape(f[0]);
    m->target = lf_mounts_unescape(f[1]);
    m->fstype = lf_mounts_unescape(f[2]);
    m->options = lf_mounts_unescape(f[3] ? f[3] : "");
    g_ptr_array_add(mounts, m);
  }
  return mounts;
}

/* Where live systems mount their boot medium. */
static const char *const live_medium_dirs[] = {
  "/run/live/medium",        /* Debian live-boot >= 5 */
  "/lib/live/mount/medium",  /* Debian live-boot < 5 */
  "/cdrom",                  /* Ubuntu casper */
  "/run/initramfs/live",     /* Fedora dracut dmsquash-live */
  "/run/archiso/bootmnt",    /* Arch archiso */
  "/run/initramfs/isoscan",  /* dracut iso-scan */
  "/isodevice",              /* casper iso-scan/filename= */
  "/run/live/findiso",       /* live-boot findiso= */
  NULL,
};

const LfMount *lf_mounts_find_live_medium(const GPtrArray *mounts)
{
  for (const char *const *d = live_medium_dirs; *d; d++)
    for (guint i = 0; i < mounts->len; i++) {
      const LfMount *m = mounts->pdata[i];
      if (g_strcmp0(m->target, *d) == 0)
        return m;
    }
  return NULL;
}

gboolean lf_mount_is_live_medium(const LfMount *mount)
{
  for (const char *const *d = live_medium_dirs; *d; d++)
    if (g_strcmp0(mount->target, *d) == 0)
      return TRUE;
  return FALSE;
}

const LfMount *lf_mounts_find_containing(const GPtrArray *mounts, const char *path)
{
  const LfMount *best = NULL;
  gsize best_len = 0;
  for (guint i = 0; i < mounts->len; i++) {
    const LfMount *m = mounts->pdata[i];
    gsize n = strlen(m->target);
    gboolean below = g_str_equal(m->target, "/") ||
                     (strncmp(path, m->target, n) == 0 && (path[n] == '/' || path[n] == '\0'));
    if (below && n >= best_len) {
      best = m;
      best_len = n;
    }
  }
  return best;
}

const LfMount *lf_mounts_find_root(const GPtrArray *mounts)
{
  const LfMount *root = NULL;
  for (guint i = 0; i < mounts->len; i++) {
    const LfMount *m = mounts->pdata[i];
    if (g_strcmp0(m->target, "/") == 0)
      root = m;
  }
  return root;
}

char *lf_mount_source_devname(const char *source)
{
  if (source == NULL || !g_str_has_prefix(source, "/dev/"))
    return NULL;
  const char *name = source + strlen("/dev/");
  /* Only plain kernel names: no "..", no further slashes except the
   * by-label style links the caller resolves itself. */
  if (*name == '\0' || strstr(name, "..") != NULL || strchr(name, '/') != NULL)
    return NULL;
  return g_strdup(name);
}

/* --- os-release -------------------------------------------------------- */

static char *clean_value(const char *v)
{
  if (v == NULL || *v == '\0')
    return NULL;
  gsize n = strlen(v);
  if (n > 255)
    n = 255;
  char *s = g_strndup(v, n);
  for (char *p = s; *p; p++)
    if ((guchar)*p < 0x20 || *p == 0x7f)
      *p = '?';
  if (!g_utf8_validate(s, -1, NULL)) {
    for (char *p = s; *p; p++)
      if ((guchar)*p >= 0x80)
        *p = '?';
  }
  g_strstrip(s);
  if (*s == '\0')
    return g_free(s), NULL;
  return s;
}

void lf_os_release_parse(const char *data, gsize len, LfOs *os)
{
  g_autoptr(GHashTable) kv = lf_kv_parse_table(data, len);
  char *pretty = clean_value(g_hash_table_lookup(kv, "PRETTY_NAME"));
  if (pretty == NULL) {
    const char *name = g_hash_table_lookup(kv, "NAME");
    const char *version = g_hash_table_lookup(kv, "VERSION");
    if (name && *name) {
      g_autofree char *joined = version && *version ? g_strjoin(" ", name, version, NULL)
                                                    : g_strdup(name);
      pretty = clean_value(joined);
    }
  }
  if (pretty) {
    g_free(os->pretty_name);
    os->pretty_name = pretty;
  }
  char *id = clean_value(g_hash_table_lookup(kv, "ID"));
  if (id) {
    g_free(os->id);
    os->id = id;
  }
  char *version_id = clean_value(g_hash_table_lookup(kv, "VERSION_ID"));
  if (version_id) {
    g_free(os->version_id);
    os->version_id = version_id;
  }
}

/* --- kernel command line ------------------------------------------------ */

gboolean lf_cmdline_is_live(const char *data, gsize len)
{
  g_autofree char *copy = g_strndup(data, len);
  g_auto(GStrv) words = g_strsplit_set(copy, " \t\n", 0);
  for (guint i = 0; words[i]; i++) {
    const char *w = words[i];
    if (g_str_equal(w, "--"))
      break;  /* the rest belongs to init */
    if (g_str_equal(w, "boot=casper") || g_str_equal(w, "boot=live") ||
        g_str_equal(w, "rd.live.image") || g_str_has_prefix(w, "archisobasedir=") ||
        g_str_has_prefix(w, "archisolabel=") || g_str_has_prefix(w, "root=live:"))
      return TRUE;
  }
  return FALSE;
}

/* --- EFI ---------------------------------------------------------------- */

LfTri lf_efivar_secure_boot(const guint8 *data, gsize len, gboolean has_attributes)
{
  gsize off = has_attributes ? 4 : 0;
  if (len != off + 1)
    return LF_TRI_UNKNOWN;
  if (data[off] == 1)
    return LF_TRI_TRUE;
  if (data[off] == 0)
    return LF_TRI_FALSE;
  return LF_TRI_UNKNOWN;
}

/* --- virtualisation ------------------------------------------------------ */

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

/* --- firmware table ----------------------------------------------------- */

struct LfFirmwareTable {
  GPtrArray *rules;   /* LfFirmwareRule* */
};

static void rule_free(LfFirmwareRule *r)
{
  g_free(r->driver);
  g_free(r->match);
  g_free(r->files);
  g_free(r->package);
  g_free(r);
}

LfFirmwareTable *lf_firmware_table_parse(const char *data, gsize len)
{
  LfFirmwareTable *t = g_new0(LfFirmwareTable, 1);
  t->rules = g_ptr_array_new_with_free_func((GDestroyNotify)rule_free);
  g_autofree char *copy = g_strndup(data, len);
  g_auto(GStrv) lines = g_strsplit(copy, "\n", 0);
  for (guint i = 0; lines[i]; i++) {
    const char *l = lines[i];
    if (*l == '#' || *l == '\0' || g_str_has_prefix(l, "driver\t"))
      continue;
    g_auto(GStrv) cols = g_strsplit(l, "\t", 0);
    if (g_strv_length(cols) < 6 || !*cols[0] || !*cols[1] || !*cols[2] || !*cols[5] ||
        (!g_str_equal(cols[4], "yes") && !g_str_equal(cols[4], "no"))) {
      g_debug("firmware table: skipping malformed line %u", i + 1);
      continue;
    }
    LfFirmwareRule *r = g_new0(LfFirmwareRule, 1);
    r->driver = g_strdup(cols[0]);
    r->match = g_ascii_strdown(cols[1], -1);
    r->files = g_strdup(cols[2]);
    r->package = g_strdup(cols[3]);
    r->nonfree = g_str_equal(cols[4], "yes");
    g_ptr_array_add(t->rules, r);
  }
  return t;
}

void lf_firmware_table_free(LfFirmwareTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_unref(table->rules);
  g_free(table);
}

guint lf_firmware_table_size(const LfFirmwareTable *table)
{
  return table->rules->len;
}

const LfFirmwareRule *lf_firmware_table_lookup(const LfFirmwareTable *table, const char *driver,
                                               const char *id)
{
  if (driver == NULL)
    return NULL;
  const LfFirmwareRule *any = NULL;
  for (guint i = 0; i < table->rules->len; i++) {
    const LfFirmwareRule *r = table->rules->pdata[i];
    if (!g_str_equal(r->driver, driver))
      continue;
    if (id && g_ascii_strcasecmp(r->match, id) == 0)
      return r;
    if (any == NULL && g_str_equal(r->match, "*"))
      any = r;
  }
  return any;
}

#include "firmware-tsv.h"   /* generated: lf_firmware_tsv[], from data/firmware/ TSV files */

const LfFirmwareTable *lf_firmware_table_builtin(void)
{
  static LfFirmwareTable *table;
  if (g_once_init_enter(&table)) {
    LfFirmwareTable *t = lf_firmware_table_parse(lf_firmware_tsv, sizeof lf_firmware_tsv - 1);
    g_once_init_leave(&table, t);
  }
  return table;
}

/* --- PCI names ---------------------------------------------------------- */

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
