/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Memory: the installed-RAM estimate, soldered detection, /proc/meminfo
 * parsing, and the memory probe on fixture machines through each source. */
#include <glib/gstdio.h>
#include <string.h>

#include "probe/memory.h"
#include "probe/probe.h"

static void test_estimate(void)
{
  static const struct {
    gint64 usable, installed;
  } cases[] = {
    { LF_UNKNOWN, LF_UNKNOWN }, { 0, LF_UNKNOWN }, { -5, LF_UNKNOWN },
    { 100, 128 },      /* tiny VM */
    { 491, 512 },      /* ThinkPad T43: 512 MB */
    { 440, 512 },      /* 512 MB with 64 MB of shared video */
    { 978, 1024 },     /* Eee PC 1000H: 1 GB minus GMA 950 stolen memory */
    { 1843, 2048 },    /* "1.8 GiB usable -> 2 GiB" */
    { 1921, 2048 },    /* T100TA */
    { 2900, 3072 },    /* 1 + 2 GB */
    { 3200, 4096 },    /* 4 GB under a 32-bit kernel without PAE (limit: also 3200 on 6 GB) */
    { 3836, 4096 },    /* T420 */
    { 5800, 6144 },    /* 2 + 4 GB */
    { 7292, 8192 },    /* Ryzen 4500U: 8 GB minus 512 MB+ for the iGPU */
    { 7805, 8192 },
    { 11800, 12288 },
    { 15706, 16384 },
    { 24105, 24576 },  /* 8 + 16 GB */
    { 31475, 32768 },
    { 1024, 1024 },    /* exactly a total: kept */
    { 1025, 1536 },
  };
  for (gsize i = 0; i < G_N_ELEMENTS(cases); i++)
    g_assert_cmpint(lf_memory_estimate_installed_mb(cases[i].usable), ==, cases[i].installed);
  /* the estimate is never below what is usable */
  for (gint64 mb = 1; mb < 300000; mb += 97)
    g_assert_cmpint(lf_memory_estimate_installed_mb(mb), >=, mb);
  g_assert_cmpint(lf_memory_estimate_installed_mb(G_MAXINT64 / 2), >=, G_MAXINT64 / 2);
}

static void test_soldered(void)
{
  g_assert_cmpint(lf_memory_module_soldered("Row Of Chips", "DIMM 0", NULL, "DDR4"), ==, LF_TRI_TRUE);
  g_assert_cmpint(lf_memory_module_soldered("Die", NULL, NULL, NULL), ==, LF_TRI_TRUE);
  g_assert_cmpint(lf_memory_module_soldered("SODIMM", "DIMM A", NULL, "DDR4"), ==, LF_TRI_FALSE);
  g_assert_cmpint(lf_memory_module_soldered("DIMM", "DIMM1", NULL, "DDR3"), ==, LF_TRI_FALSE);
  g_assert_cmpint(lf_memory_module_soldered("SODIMM", "Onboard Memory", NULL, "DDR4"), ==,
                  LF_TRI_TRUE);
  g_assert_cmpint(lf_memory_module_soldered("Unknown", "ChannelA", "ON BOARD", NULL), ==,
                  LF_TRI_TRUE);
  g_assert_cmpint(lf_memory_module_soldered("SODIMM", "DIMM 0", NULL, "LPDDR4"), ==, LF_TRI_TRUE);
  g_assert_cmpint(lf_memory_module_soldered("CAMM", "DIMM 0", NULL, "LPDDR5"), ==, LF_TRI_FALSE);
  g_assert_cmpint(lf_memory_module_soldered("Unknown", "DIMM 0", NULL, "DDR4"), ==, LF_TRI_UNKNOWN);
  g_assert_cmpint(lf_memory_module_soldered(NULL, NULL, NULL, NULL), ==, LF_TRI_UNKNOWN);
}

static void test_meminfo(void)
{
  gint64 total = 0, swap = 0;
  const char ok[] = "MemTotal:       16083508 kB\nMemFree:  1 kB\nSwapTotal:      16777212 kB\n";
  g_assert_true(lf_memory_parse_meminfo(ok, sizeof ok - 1, &total, &swap));
  g_assert_cmpint(total, ==, 16083508);
  g_assert_cmpint(swap, ==, 16777212);
  const char noswap[] = "MemTotal: 2048 kB";   /* no newline, no swap line */
  g_assert_true(lf_memory_parse_meminfo(noswap, sizeof noswap - 1, &total, &swap));
  g_assert_cmpint(total, ==, 2048);
  g_assert_cmpint(swap, ==, LF_UNKNOWN);
  static const char *const bad[] = {
    "", "MemFree: 1 kB\n", "MemTotal: lots kB\n", "MemTotal: -1 kB\n",
    "MemTotal: 99999999999999999999999 kB\n", "MemTotal:\n", "\0\0\0",
  };
  for (gsize i = 0; i < G_N_ELEMENTS(bad); i++)
    g_assert_false(lf_memory_parse_meminfo(bad[i], strlen(bad[i]), &total, &swap));
  /* first line wins; a later duplicate does not override */
  const char dup[] = "MemTotal: 100 kB\nMemTotal: 200 kB\n";
  g_assert_true(lf_memory_parse_meminfo(dup, sizeof dup - 1, &total, &swap));
  g_assert_cmpint(total, ==, 100);
}

static LfReport *probe_fixture(const char *machine, gboolean with_text)
{
  g_autofree char *dir = g_build_filename(LF_TEST_FIXTURES, "machines", machine, NULL);
  g_autofree char *root_dir = g_build_filename(dir, "sysroot", NULL);
  g_autofree char *text = g_build_filename(dir, "dmidecode.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LfSysroot) root = lf_sysroot_new(root_dir, &error);
  g_assert_no_error(error);
  LfProbeOptions opts = { .root = root_dir, .dmidecode = with_text ? text : NULL };
  LfProbeContext ctx = { .opts = &opts, .root = root };
  LfReport *r = lf_report_new();
  g_assert_true(lf_probe_smbios(&ctx, r, &error));
  g_assert_no_error(error);
  lf_probe_memory(&ctx, r);
  lf_probe_smbios_release(&ctx);
  return r;
}

static gboolean has_error(const LfReport *r, const char *probe, const char *needle)
{
  for (guint i = 0; r->errors && i < r->errors->len; i++) {
    const LfReportError *e = r->errors->pdata[i];
    if (g_strcmp0(e->probe, probe) == 0 && strstr(e->message, needle))
      return TRUE;
  }
  return FALSE;
}

/* README facts of every fixture machine, through dmidecode text. */
static void test_fixtures(void)
{
  static const struct {
    const char *machine;
    gint64 installed, slots_total, slots_used, max_mb, speed;
    const char *type;
    LfTri soldered;
    const char *chassis;
  } cases[] = {
    { "pentium-m-2005", 512, 2, 1, 2048, 533, "DDR2", LF_TRI_FALSE, "notebook" },
    { "atom-n270-netbook", 1024, 1, 1, 2048, 667, "DDR2", LF_TRI_FALSE, "notebook" },
    { "core2duo-2008", 2048, 2, 2, 4096, 667, "DDR2", LF_TRI_FALSE, "notebook" },
    { "sandybridge-2011", 4096, 2, 1, 16384, 1333, "DDR3", LF_TRI_FALSE, "notebook" },
    { "skylake-u-2016", 8192, 2, 1, 32768, 2133, "DDR4", LF_TRI_FALSE, "notebook" },
    { "ryzen-4000-2020", 8192, 0, 0, 16384, 3200, "DDR4", LF_TRI_TRUE, "notebook" },
    { "raptorlake-u-2023", 16384, 0, 0, 65536, 6400, "LPDDR5", LF_TRI_TRUE, "notebook" },
    { "meteorlake-2024", 32768, 0, 0, 98304, 7467, "LPDDR5", LF_TRI_TRUE, "notebook" },
    { "thinkpad-two-batteries", 16384, 2, 2, 32768, 2400, "DDR4", LF_TRI_FALSE, "notebook" },
    { "desktop-no-battery", 8192, 4, 2, 32768, 1600, "DDR3", LF_TRI_FALSE, "desktop" },
    { "baytrail-tablet", 2048, 0, 0, 2048, 1067, "LPDDR3", LF_TRI_TRUE, "notebook" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
    g_test_message("%s", cases[i].machine);
    g_autoptr(LfReport) r = probe_fixture(cases[i].machine, TRUE);
    const LfMemory *m = &r->memory;
    g_assert_cmpstr(m->installed_source, ==, "smbios");
    g_assert_cmpint(m->installed_mb, ==, cases[i].installed);
    g_assert_cmpint(m->slots_total, ==, cases[i].slots_total);
    g_assert_cmpint(m->slots_used, ==, cases[i].slots_used);
    g_assert_cmpint(m->max_mb, ==, cases[i].max_mb);
    g_assert_cmpint(m->speed_mts, ==, cases[i].speed);
    g_assert_cmpstr(m->type, ==, cases[i].type);
    g_assert_cmpint(m->soldered, ==, cases[i].soldered);
    g_assert_cmpstr(r->machine.chassis, ==, cases[i].chassis);
    g_assert_cmpstr(r->machine.smbios_source, ==, "dmidecode");
    /* usable is below installed, and the estimate from it would agree */
    g_assert_cmpint(m->usable_mb, <, m->installed_mb);
    g_assert_cmpint(lf_memory_estimate_installed_mb(m->usable_mb), ==, m->installed_mb);
    g_assert_true(lf_known_int(m->swap_mb));
    g_assert_false(has_error(r, "memory", ""));
    g_assert_false(has_error(r, "smbios", ""));
    gint64 sum = 0;
    for (guint k = 0; k < m->modules->len; k++)
      sum += ((LfMemoryModule *)m->modules->pdata[k])->size_mb;
    g_assert_cmpint(sum, ==, m->installed_mb);

    /* without --dmidecode: tables where committed, else sysfs and an estimate */
    g_autoptr(LfReport) plain = probe_fixture(cases[i].machine, FALSE);
    g_assert_cmpint(plain->memory.usable_mb, ==, m->usable_mb);
    if (g_strcmp0(plain->machine.smbios_source, "tables") == 0) {
      g_assert_cmpint(plain->memory.installed_mb, ==, m->installed_mb);
      g_assert_cmpstr(plain->memory.installed_source, ==, "smbios");
    } else {
      g_assert_cmpstr(plain->machine.smbios_source, ==, "sysfs");
      g_assert_cmpstr(plain->memory.installed_source, ==, "estimate");
      g_assert_cmpint(plain->memory.installed_mb, ==, m->installed_mb);
      g_assert_cmpint(plain->memory.slots_total, ==, LF_UNKNOWN);
      g_assert_cmpint(plain->memory.max_mb, ==, LF_UNKNOWN);
      g_assert_true(has_error(plain, "memory", "estimate"));
      g_assert_null(plain->machine.serial);
    }
    g_assert_cmpstr(plain->machine.product, ==, r->machine.product);
  }
}

static void test_no_meminfo(void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *empty = g_dir_make_tmp("lapfit-memory-XXXXXX", &error);
  g_autoptr(LfSysroot) root = lf_sysroot_new(empty, &error);
  g_assert_no_error(error);
  LfProbeOptions opts = { .root = empty };
  LfProbeContext ctx = { .opts = &opts, .root = root };
  g_autoptr(LfReport) r = lf_report_new();
  lf_probe_memory(&ctx, r);
  g_assert_cmpint(r->memory.usable_mb, ==, LF_UNKNOWN);
  g_assert_cmpint(r->memory.installed_mb, ==, LF_UNKNOWN);
  g_assert_null(r->memory.installed_source);
  g_assert_true(has_error(r, "memory", "meminfo"));
  g_rmdir(empty);
}

/* 8 GB on board plus one SO-DIMM socket (IdeaPad/ThinkPad E style), a video
 * memory array whose devices are not RAM, and kB-sized and extended sizes. */
static void test_mixed(void)
{
  static const char text[] =
    "Handle 0x0010, DMI type 16, 23 bytes\nPhysical Memory Array\n\tUse: System Memory\n"
    "\tMaximum Capacity: 40 GB\n\tNumber Of Devices: 2\n"
    "Handle 0x0020, DMI type 16, 23 bytes\nPhysical Memory Array\n\tUse: Video Memory\n"
    "\tMaximum Capacity: 2 GB\n\tNumber Of Devices: 1\n"
    "Handle 0x0011, DMI type 17, 92 bytes\nMemory Device\n\tArray Handle: 0x0010\n"
    "\tSize: 8 GB\n\tForm Factor: Row Of Chips\n\tLocator: ChannelA\n\tType: DDR4\n"
    "\tSpeed: 3200 MT/s\n\tConfigured Memory Speed: 2666 MT/s\n"
    "Handle 0x0012, DMI type 17, 92 bytes\nMemory Device\n\tArray Handle: 0x0010\n"
    "\tSize: 16384 MB\n\tForm Factor: SODIMM\n\tLocator: DIMM 0\n\tType: DDR4\n"
    "\tSpeed: 3200 MT/s\n\tConfigured Memory Speed: 3200 MT/s\n"
    "Handle 0x0021, DMI type 17, 92 bytes\nMemory Device\n\tArray Handle: 0x0020\n"
    "\tSize: 2 GB\n\tForm Factor: Chip\n\tLocator: VRAM\n\tType: GDDR6\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(LfSmbios) s = lf_smbios_parse_dmidecode(text, sizeof text - 1, &error);
  g_assert_no_error(error);
  g_autoptr(LfReport) r = lf_report_new();
  g_assert_true(lf_memory_fill_from_smbios(s, &r->memory));
  const LfMemory *m = &r->memory;
  g_assert_cmpint(m->installed_mb, ==, 24576);
  g_assert_cmpint(m->slots_total, ==, 1);
  g_assert_cmpint(m->slots_used, ==, 1);
  g_assert_cmpint(m->max_mb, ==, 40960);
  g_assert_cmpint(m->speed_mts, ==, 2666);    /* the slowest configured speed */
  g_assert_cmpint(m->soldered, ==, LF_TRI_FALSE);
  g_assert_cmpuint(m->modules->len, ==, 2);
  const LfMemoryModule *on_board = m->modules->pdata[0];
  g_assert_cmpint(on_board->soldered, ==, LF_TRI_TRUE);
  g_assert_cmpstr(on_board->locator, ==, "ChannelA");
}

/* A module whose size the firmware does not state (dmidecode "Unknown", the
 * table's 0xFFFF) fills its socket: only "No Module Installed" is empty. */
static void test_unknown_size(void)
{
  static const char text[] =
    "Handle 0x0010, DMI type 16, 23 bytes\nPhysical Memory Array\n\tUse: System Memory\n"
    "\tMaximum Capacity: 32 GB\n\tNumber Of Devices: 3\n"
    "Handle 0x0011, DMI type 17, 40 bytes\nMemory Device\n\tArray Handle: 0x0010\n"
    "\tSize: 8 GB\n\tForm Factor: SODIMM\n\tLocator: DIMM A\n\tType: DDR4\n"
    "Handle 0x0012, DMI type 17, 40 bytes\nMemory Device\n\tArray Handle: 0x0010\n"
    "\tSize: Unknown\n\tForm Factor: SODIMM\n\tLocator: DIMM B\n\tType: DDR4\n"
    "Handle 0x0013, DMI type 17, 40 bytes\nMemory Device\n\tArray Handle: 0x0010\n"
    "\tSize: No Module Installed\n\tForm Factor: SODIMM\n\tLocator: DIMM C\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(LfSmbios) s = lf_smbios_parse_dmidecode(text, sizeof text - 1, &error);
  g_assert_no_error(error);
  g_autoptr(LfReport) r = lf_report_new();
  g_assert_true(lf_memory_fill_from_smbios(s, &r->memory));
  g_assert_cmpint(r->memory.slots_total, ==, 3);
  g_assert_cmpint(r->memory.slots_used, ==, 2);
  g_assert_cmpint(r->memory.installed_mb, ==, 8192);   /* what is known */
}

/* Firmware listing fewer modules than the kernel sees: the estimate wins. */
static void test_incomplete_records(void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp("lapfit-memory-XXXXXX", &error);
  g_assert_no_error(error);
  g_autofree char *proc = g_build_filename(dir, "proc", NULL);
  g_autofree char *meminfo = g_build_filename(proc, "meminfo", NULL);
  g_autofree char *text = g_build_filename(dir, "dmidecode.txt", NULL);
  g_mkdir_with_parents(proc, 0755);
  g_assert_true(g_file_set_contents(meminfo, "MemTotal: 7992264 kB\nSwapTotal: 0 kB\n", -1, NULL));
  g_assert_true(g_file_set_contents(text,
      "Handle 0x0010, DMI type 16, 23 bytes\nPhysical Memory Array\n\tUse: System Memory\n"
      "\tMaximum Capacity: 16 GB\n\tNumber Of Devices: 2\n"
      "Handle 0x0011, DMI type 17, 40 bytes\nMemory Device\n\tArray Handle: 0x0010\n"
      "\tSize: 4 GB\n\tForm Factor: SODIMM\n\tLocator: DIMM A\n\tType: DDR4\n"
      "\tSpeed: 2400 MT/s\n", -1, NULL));
  g_autoptr(LfSysroot) root = lf_sysroot_new(dir, &error);
  LfProbeOptions opts = { .root = dir, .dmidecode = text };
  LfProbeContext ctx = { .opts = &opts, .root = root };
  g_autoptr(LfReport) r = lf_report_new();
  g_assert_true(lf_probe_smbios(&ctx, r, &error));
  lf_probe_memory(&ctx, r);
  lf_probe_smbios_release(&ctx);
  g_assert_cmpint(r->memory.installed_mb, ==, 8192);
  g_assert_cmpstr(r->memory.installed_source, ==, "estimate");
  g_assert_cmpint(r->memory.slots_total, ==, 1);
  g_assert_cmpstr(r->memory.type, ==, "DDR4");
  g_assert_true(has_error(r, "memory", "incomplete"));
  g_autofree char *cmd = g_strdup_printf("rm -rf '%s'", dir);
  g_assert_cmpint(system(cmd), ==, 0);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/memory/estimate", test_estimate);
  g_test_add_func("/memory/soldered", test_soldered);
  g_test_add_func("/memory/meminfo", test_meminfo);
  g_test_add_func("/memory/fixtures", test_fixtures);
  g_test_add_func("/memory/no-meminfo", test_no_meminfo);
  g_test_add_func("/memory/incomplete-records", test_incomplete_records);
  g_test_add_func("/memory/mixed", test_mixed);
  g_test_add_func("/memory/unknown-size", test_unknown_size);
  return g_test_run();
}
