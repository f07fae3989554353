/* SPDX-License-Identifier: GPL-2.0-or-later */
/* SMBIOS hardening (#13 item 12): a dmidecode output saved twice into one
 * file counts nothing twice, and absurd sizes, capacities and voltages, from
 * the text or the binary tables, become unknown with a reason. */
#include <string.h>

#include "core/report.h"
#include "probe/memory.h"
#include "probe/smbios.h"

static const char *const machines[] = {
  "pentium-m-2005", "atom-n270-netbook", "core2duo-2008", "sandybridge-2011",
  "skylake-u-2016", "ryzen-4000-2020", "raptorlake-u-2023", "meteorlake-2024",
  "thinkpad-two-batteries", "desktop-no-battery", "baytrail-tablet",
};

static LfSmbios *parse_text(const char *text, gsize len)
{
  g_autoptr(GError) error = NULL;
  LfSmbios *s = lf_smbios_parse_dmidecode(text, len, &error);
  g_assert_no_error(error);
  g_assert_nonnull(s);
  return s;
}

static gint64 installed_mb(const LfSmbios *s)
{
  g_autoptr(LfReport) r = lf_report_new();
  lf_memory_fill_from_smbios(s, &r->memory);
  return r->memory.installed_mb;
}

static void test_duplicate_handles(void)
{
  for (gsize i = 0; i < G_N_ELEMENTS(machines); i++) {
    g_autofree char *path = g_build_filename(LF_TEST_FIXTURES, "machines", machines[i],
                                             "dmidecode.txt", NULL);
    g_autofree char *text = NULL;
    gsize len = 0;
    g_assert_true(g_file_get_contents(path, &text, &len, NULL));
    g_autofree char *twice = g_strconcat(text, text, NULL);
    g_autoptr(LfSmbios) once = parse_text(text, len);
    g_autoptr(LfSmbios) doubled = parse_text(twice, 2 * len);
    g_test_message("%s: %u modules, %u batteries", machines[i], once->memory_devices->len,
                   once->batteries->len);
    g_assert_cmpuint(once->problems->len, ==, 0);
    g_assert_cmpuint(doubled->memory_devices->len, ==, once->memory_devices->len);
    g_assert_cmpuint(doubled->memory_arrays->len, ==, once->memory_arrays->len);
    g_assert_cmpuint(doubled->batteries->len, ==, once->batteries->len);
    g_assert_cmpint(installed_mb(doubled), ==, installed_mb(once));
    g_assert_cmpstr(doubled->product, ==, once->product);
    /* said once, whatever the number of repeated records */
    g_assert_cmpuint(doubled->problems->len, ==, 1);
    g_assert_true(g_str_has_prefix(doubled->problems->pdata[0], "duplicate handle 0x"));
    g_assert_nonnull(strstr(doubled->problems->pdata[0], "dmidecode output repeated?"));
  }
}

/* One real module next to absurd values in every field that has a cap. */
static const char absurd_text[] =
  "# dmidecode 3.4\n"
  "SMBIOS 3.2.0 present.\n\n"
  "Handle 0x0010, DMI type 16, 23 bytes\n"
  "Physical Memory Array\n"
  "\tUse: System Memory\n"
  "\tMaximum Capacity: 4000000 PB\n"
  "\tNumber Of Devices: 3\n\n"
  "Handle 0x0011, DMI type 17, 92 bytes\n"
  "Memory Device\n"
  "\tArray Handle: 0x0010\n"
  "\tSize: 4294967296 TB\n"
  "\tLocator: DIMM A\n"
  "\tType: DDR4\n\n"
  "Handle 0x0012, DMI type 17, 92 bytes\n"
  "Memory Device\n"
  "\tArray Handle: 0x0010\n"
  "\tSize: 99999999999999999999999999 GB\n"
  "\tLocator: DIMM B\n"
  "\tType: DDR4\n\n"
  "Handle 0x0013, DMI type 17, 92 bytes\n"
  "Memory Device\n"
  "\tArray Handle: 0x0010\n"
  "\tSize: 16 GB\n"
  "\tLocator: DIMM C\n"
  "\tType: DDR4\n\n"
  "Handle 0x0020, DMI type 22, 26 bytes\n"
  "Portable Battery\n"
  "\tName: BAT0\n"
  "\tDesign Capacity: 5000000000 mWh\n"
  "\tDesign Voltage: 4000000 mV\n\n"
  "Handle 0x0021, DMI type 22, 26 bytes\n"
  "Portable Battery\n"
  "\tName: BAT1\n"
  "\tDesign Capacity: 57000 mWh\n"
  "\tDesign Voltage: 15480 mV\n\n";

static gboolean has_problem(const LfSmbios *s, const char *a, const char *b)
{
  for (guint i = 0; i < s->problems->len; i++)
    if (strstr(s->problems->pdata[i], a) && strstr(s->problems->pdata[i], b))
      return TRUE;
  return FALSE;
}

static void test_dmidecode_absurd(void)
{
  g_autoptr(LfSmbios) s = parse_text(absurd_text, strlen(absurd_text));
  for (guint i = 0; i < s->problems->len; i++)
    g_test_message("problem: %s", (const char *)s->problems->pdata[i]);
  g_assert_cmpuint(s->memory_devices->len, ==, 3);
  g_assert_false(lf_known_int(lf_smbios_memory_device_get(s, 0)->size_mb));
  g_assert_false(lf_known_int(lf_smbios_memory_device_get(s, 1)->size_mb));
  g_assert_cmpint(lf_smbios_memory_device_get(s, 2)->size_mb, ==, 16384);
  g_assert_false(lf_known_int(lf_smbios_memory_array_get(s, 0)->max_mb));
  g_assert_false(lf_known_int(lf_smbios_battery_get(s, 0)->design_capacity_mwh));
  g_assert_false(lf_known_int(lf_smbios_battery_get(s, 0)->design_voltage_mv));
  g_assert_cmpint(lf_smbios_battery_get(s, 1)->design_capacity_mwh, ==, 57000);
  g_assert_cmpint(lf_smbios_battery_get(s, 1)->design_voltage_mv, ==, 15480);
  g_assert_cmpint(installed_mb(s), ==, 16384);
  g_assert_true(has_problem(s, "memory module \"DIMM A\"", "recorded as unknown"));
  g_assert_true(has_problem(s, "memory module \"DIMM B\"", "4 TB"));
  g_assert_true(has_problem(s, "memory array maximum", "256 TB"));
  g_assert_true(has_problem(s, "battery design capacity \"BAT0\"", "1 kWh"));
  g_assert_true(has_problem(s, "battery design voltage \"BAT0\"", "100 V"));
  g_assert_cmpuint(s->problems->len, ==, 5);
}

/* Appends one structure: formatted area (length bytes, header included) then
 * its strings and the double NUL. */
static void add_structure(GByteArray *t, const guint8 *formatted, guint length,
                          const char *string)
{
  g_byte_array_append(t, formatted, length);
  if (string)
    g_byte_array_append(t, (const guint8 *)string, (guint)strlen(string) + 1);
  else
    g_byte_array_append(t, (const guint8 *)"", 1);
  g_byte_array_append(t, (const guint8 *)"", 1);
}

static void put_word(guint8 *p, guint v)
{
  p[0] = (guint8)v;
  p[1] = (guint8)(v >> 8);
}

static void put_dword(guint8 *p, guint32 v)
{
  put_word(p, v & 0xffff);
  put_word(p + 2, v >> 16);
}

static void test_tables_absurd(void)
{
  g_autoptr(GByteArray) t = g_byte_array_new();
  guint8 dev[0x28] = { 17, 0x28 };
  put_word(dev + 0x02, 0x0040);
  put_word(dev + 0x04, 0xfffe);
  put_word(dev + 0x0c, 0x7fff);               /* size in the extended field */
  put_dword(dev + 0x1c, 0x7fffffffu);         /* 2 PB in MB */
  dev[0x10] = 1;                              /* locator: string 1 */
  add_structure(t, dev, sizeof dev, "DIMM X");
  put_word(dev + 0x02, 0x0041);
  put_dword(dev + 0x1c, 32768);               /* 32 GB: real */
  add_structure(t, dev, sizeof dev, "DIMM Y");
  guint8 bat[0x1a] = { 22, 0x1a };
  put_word(bat + 0x02, 0x0050);
  bat[0x08] = 1;                              /* name: string 1 */
  put_word(bat + 0x0a, 0xffff);               /* 65535 x 255 mWh = 16.7 kWh */
  bat[0x15] = 255;
  put_word(bat + 0x0c, 11400);
  add_structure(t, bat, sizeof bat, "BATX");
  guint8 end[4] = { 127, 4 };
  add_structure(t, end, sizeof end, NULL);

  g_autoptr(LfSmbios) s = lf_smbios_parse_table(t->data, t->len, 0x0303, 0);
  for (guint i = 0; i < s->problems->len; i++)
    g_test_message("problem: %s", (const char *)s->problems->pdata[i]);
  g_assert_cmpuint(s->memory_devices->len, ==, 2);
  g_assert_false(lf_known_int(lf_smbios_memory_device_get(s, 0)->size_mb));
  g_assert_cmpint(lf_smbios_memory_device_get(s, 1)->size_mb, ==, 32768);
  g_assert_cmpuint(s->batteries->len, ==, 1);
  g_assert_false(lf_known_int(lf_smbios_battery_get(s, 0)->design_capacity_mwh));
  g_assert_cmpint(lf_smbios_battery_get(s, 0)->design_voltage_mv, ==, 11400);
  g_assert_true(has_problem(s, "memory module \"DIMM X\"", "2147483647 MB"));
  g_assert_true(has_problem(s, "battery design capacity \"BATX\"", "16711425 mWh"));
  g_assert_cmpuint(s->problems->len, ==, 2);
}

/* A table that repeats a handle (firmware bug, or a table pasted twice): the
 * first structure wins, the rest are skipped with one problem. */
static void test_tables_duplicate_handles(void)
{
  g_autoptr(GByteArray) t = g_byte_array_new();
  guint8 dev[0x28] = { 17, 0x28 };
  put_word(dev + 0x02, 0x0040);
  put_word(dev + 0x04, 0xfffe);
  put_word(dev + 0x0c, 8192);
  dev[0x10] = 1;
  add_structure(t, dev, sizeof dev, "DIMM A");
  put_word(dev + 0x0c, 4096);                 /* same handle 0x0040 again */
  add_structure(t, dev, sizeof dev, "DIMM B");
  put_word(dev + 0x02, 0x0041);
  add_structure(t, dev, sizeof dev, "DIMM C");
  put_word(dev + 0x02, 0x0040);               /* and a third time */
  add_structure(t, dev, sizeof dev, "DIMM D");
  guint8 end[4] = { 127, 4 };
  add_structure(t, end, sizeof end, NULL);

  g_autoptr(LfSmbios) s = lf_smbios_parse_table(t->data, t->len, 0x0303, 0);
  g_assert_cmpuint(s->memory_devices->len, ==, 2);
  g_assert_cmpint(lf_smbios_memory_device_get(s, 0)->size_mb, ==, 8192);
  g_assert_cmpstr(lf_smbios_memory_device_get(s, 0)->locator, ==, "DIMM A");
  g_assert_cmpstr(lf_smbios_memory_device_get(s, 1)->locator, ==, "DIMM C");
  g_assert_cmpint(installed_mb(s), ==, 8192 + 4096);
  g_assert_cmpuint(s->problems->len, ==, 1);
  g_assert_true(has_problem(s, "duplicate handle 0x0040", "2 records"));
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/smbios/limits/duplicate-handles", test_duplicate_handles);
  g_test_add_func("/smbios/limits/dmidecode-absurd", test_dmidecode_absurd);
  g_test_add_func("/smbios/limits/tables-absurd", test_tables_absurd);
  g_test_add_func("/smbios/limits/tables-duplicate-handles", test_tables_duplicate_handles);
  return g_test_run();
}
