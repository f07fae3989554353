/* SPDX-License-Identifier: GPL-2.0-or-later */
/* SMBIOS: binary table parser (valid and corrupt), dmidecode text parser
 * (fixtures, old layouts, hostile text), helpers, and the promise that binary
 * tables and dmidecode text of one machine give the same LfMachine/LfMemory. */
#include <string.h>

#include "core/error.h"
#include "core/report-json.h"
#include "probe/memory.h"
#include "probe/probe.h"
#include "probe/smbios.h"

/* --- building tables ------------------------------------------------------- */

/* Appends one structure: header, zeroed formatted area of `length` bytes,
 * then the string set given with its NULs (len bytes; "" = empty set).
 * Returns the offset of the structure for poking fields. */
static gsize add(GByteArray *t, guint type, guint length, guint handle, const char *strings,
                 gsize slen)
{
  gsize off = t->len;
  g_byte_array_set_size(t, t->len + length);
  memset(t->data + off, 0, length);
  t->data[off] = (guint8)type;
  t->data[off + 1] = (guint8)length;
  t->data[off + 2] = handle & 0xff;
  t->data[off + 3] = handle >> 8;
  if (slen == 0)
    g_byte_array_append(t, (const guint8 *)"\0\0", 2);
  else
    g_byte_array_append(t, (const guint8 *)strings, (guint)slen);
  return off;
}
#define ADD(t, type, len, handle, lit) add(t, type, len, handle, lit, sizeof(lit) - 1)

static void put16(GByteArray *t, gsize o, guint v)
{
  t->data[o] = v & 0xff;
  t->data[o + 1] = (v >> 8) & 0xff;
}

static void put32(GByteArray *t, gsize o, guint32 v)
{
  put16(t, o, v & 0xffff);
  put16(t, o + 2, v >> 16);
}

static void fix_checksum(guint8 *p, gsize n, gsize at)
{
  guint8 sum = 0;
  p[at] = 0;
  for (gsize i = 0; i < n; i++)
    sum = (guint8)(sum + p[i]);
  p[at] = (guint8)(0x100 - sum);
}

static void ep3(guint8 ep[0x18], guint major, guint minor, guint32 max_size)
{
  memset(ep, 0, 0x18);
  memcpy(ep, "_SM3_", 5);
  ep[6] = 0x18;
  ep[7] = (guint8)major;
  ep[8] = (guint8)minor;
  ep[0x0a] = 1;
  ep[0x0c] = max_size & 0xff;
  ep[0x0d] = (max_size >> 8) & 0xff;
  ep[0x0e] = (max_size >> 16) & 0xff;
  ep[0x0f] = max_size >> 24;
  fix_checksum(ep, 0x18, 5);
}

static void ep2(guint8 ep[0x1f], guint major, guint minor, guint len, guint count)
{
  memset(ep, 0, 0x1f);
  memcpy(ep, "_SM_", 4);
  ep[5] = 0x1f;
  ep[6] = (guint8)major;
  ep[7] = (guint8)minor;
  memcpy(ep + 0x10, "_DMI_", 5);
  ep[0x16] = len & 0xff;
  ep[0x17] = len >> 8;
  ep[0x1c] = count & 0xff;
  ep[0x1d] = count >> 8;
  fix_checksum(ep + 0x10, 0x0f, 5);
  fix_checksum(ep, 0x1f, 4);
}

/* A 3.x-style table with the interesting cases of each decoded type. */
static GByteArray *sample_table(void)
{
  GByteArray *t = g_byte_array_new();
  gsize o = ADD(t, 0, 0x1a, 0, "LENOVO\0N3XET53W (1.28 )\0" "07/11/2023\0\0");
  t->data[o + 4] = 1, t->data[o + 5] = 2, t->data[o + 8] = 3;
  o = ADD(t, 1, 0x1b, 1, "LENOVO\0" "21HMCTO1WW\0ThinkPad X1 Carbon Gen 11\0PF4RK2LM\0SKU\0Fam\0\0");
  for (int i = 4; i <= 7; i++)
    t->data[o + i] = (guint8)(i - 3);
  static const guint8 uuid[16] = { 0x10, 0x2f, 0x3e, 0x5a, 0x1b, 0x2c, 0xee, 0x11,
                                   0x8a, 0x4d, 0xe3, 0xf1, 0xc2, 0xb0, 0xa9, 0xd8 };
  memcpy(t->data + o + 8, uuid, 16);
  t->data[o + 0x19] = 5, t->data[o + 0x1a] = 6;
  o = ADD(t, 2, 0x0f, 2, "LENOVO\0" "21HMCTO1WW\0L1HF33A00AB\0\0");
  t->data[o + 4] = 1, t->data[o + 5] = 2, t->data[o + 7] = 3;
  o = ADD(t, 3, 0x16, 3, "LENOVO\0\0");
  t->data[o + 4] = 1;
  t->data[o + 5] = 0x80 | 10;   /* lock bit + Notebook */
  o = ADD(t, 16, 0x17, 0x10, "");
  t->data[o + 5] = 3;
  put32(t, o + 7, 0x80000000u);
  put32(t, o + 0x0f, 0);
  put32(t, o + 0x13, 64);       /* 64 << 32 bytes = 256 GiB */
  put16(t, o + 0x0d, 2);
  o = ADD(t, 17, 0x5c, 0x11, "Controller0-ChannelA\0BANK 0\0Micron\0\0");
  put16(t, o + 4, 0x10);
  put16(t, o + 0x0c, 0x7fff);
  put32(t, o + 0x1c, 40960);
  t->data[o + 0x0e] = 0x0b;     /* Row Of Chips */
  t->data[o + 0x10] = 1, t->data[o + 0x11] = 2, t->data[o + 0x17] = 3;
  t->data[o + 0x12] = 0x23;     /* LPDDR5 */
  put16(t, o + 0x15, 0xffff);
  put32(t, o + 0x54, 8533);
  put16(t, o + 0x20, 0xffff);
  put32(t, o + 0x58, 7467);
  o = ADD(t, 17, 0x22, 0x12, "DIMM B\0\0");
  put16(t, o + 4, 0x10);
  t->data[o + 0x0e] = 0x0d, t->data[o + 0x10] = 1, t->data[o + 0x12] = 0x02;
  o = ADD(t, 22, 0x1a, 0x20, "Front\0Celxpert\0" "5B10W51867\0LiP\0\0");
  t->data[o + 4] = 1, t->data[o + 5] = 2, t->data[o + 8] = 3;
  t->data[o + 9] = 2;           /* Unknown: SBDS chemistry string */
  put16(t, o + 0x0a, 9000);
  t->data[o + 0x15] = 10;       /* multiplier */
  put16(t, o + 0x0c, 15480);
  put16(t, o + 0x10, 0x1a2b);
  put16(t, o + 0x12, (2023 - 1980) << 9 | 3 << 5 | 2);
  t->data[o + 0x14] = 4;
  ADD(t, 127, 4, 0xfeff, "");
  return t;
}

static void test_tables_valid3(void)
{
  g_autoptr(GByteArray) t = sample_table();
  guint8 ep[0x18];
  ep3(ep, 3, 4, t->len);
  g_autoptr(GError) error = NULL;
  g_autoptr(LfSmbios) s = lf_smbios_parse_tables(ep, sizeof ep, t->data, t->len, &error);
  g_assert_no_error(error);
  g_assert_cmpstr(s->source, ==, "tables");
  g_assert_cmpstr(s->version, ==, "3.4");
  g_assert_cmpstr(s->bios_vendor, ==, "LENOVO");
  g_assert_cmpstr(s->bios_version, ==, "N3XET53W (1.28 )");
  g_assert_cmpstr(s->bios_date, ==, "07/11/2023");
  g_assert_cmpstr(s->product, ==, "21HMCTO1WW");
  g_assert_cmpstr(s->product_version, ==, "ThinkPad X1 Carbon Gen 11");
  g_assert_cmpstr(s->serial, ==, "PF4RK2LM");
  g_assert_cmpstr(s->uuid, ==, "5a3e2f10-2c1b-11ee-8a4d-e3f1c2b0a9d8");
  g_assert_cmpstr(s->family, ==, "Fam");
  g_assert_cmpstr(s->board_serial, ==, "L1HF33A00AB");
  g_assert_cmpint(s->chassis_type, ==, 10);
  g_assert_cmpuint(lf_smbios_memory_array_count(s), ==, 1);
  g_assert_cmpint(lf_smbios_memory_array_get(s, 0)->max_mb, ==, 256 * 1024);
  g_assert_cmpint(lf_smbios_memory_array_get(s, 0)->devices, ==, 2);
  g_assert_cmpuint(lf_smbios_memory_device_count(s), ==, 2);
  const LfSmbiosMemoryDevice *d = lf_smbios_memory_device_get(s, 0);
  g_assert_cmpint(d->size_mb, ==, 40960);
  g_assert_cmpstr(d->type, ==, "LPDDR5");
  g_assert_cmpstr(d->form_factor, ==, "Row Of Chips");
  g_assert_cmpstr(d->locator, ==, "Controller0-ChannelA");
  g_assert_cmpstr(d->manufacturer, ==, "Micron");
  g_assert_cmpint(d->speed_mts, ==, 8533);
  g_assert_cmpint(d->configured_speed_mts, ==, 7467);
  d = lf_smbios_memory_device_get(s, 1);
  g_assert_cmpint(d->size_mb, ==, 0);
  g_assert_cmpint(d->speed_mts, ==, LF_UNKNOWN);
  g_assert_cmpuint(lf_smbios_battery_count(s), ==, 1);
  const LfSmbiosBattery *b = lf_smbios_battery_get(s, 0);
  g_assert_cmpint(b->design_capacity_mwh, ==, 90000);
  g_assert_cmpint(b->design_voltage_mv, ==, 15480);
  g_assert_cmpstr(b->chemistry, ==, "LiP");
  g_assert_cmpstr(b->technology, ==, "Li-poly");
  g_assert_cmpstr(b->serial, ==, "1A2B");
  g_assert_cmpstr(b->manufacture_date, ==, "2023-03-02");
  g_assert_cmpstr(b->name, ==, "5B10W51867");
  g_assert_null(lf_smbios_battery_get(s, 1));
  g_assert_null(lf_smbios_battery_get(NULL, 0));

  g_autoptr(LfReport) r = lf_report_new();
  lf_smbios_fill_machine(s, &r->machine);
  g_assert_cmpstr(r->machine.chassis, ==, "notebook");
  g_assert_cmpstr(r->machine.bios.date, ==, "2023-07-11");
  g_assert_cmpstr(r->machine.uuid, ==, "5a3e2f10-2c1b-11ee-8a4d-e3f1c2b0a9d8");
  g_assert_cmpstr(r->machine.smbios_source, ==, "tables");
  g_assert_cmpstr(r->machine.family, ==, "Fam");
  g_assert_true(lf_memory_fill_from_smbios(s, &r->memory));
  g_assert_cmpint(r->memory.installed_mb, ==, 40960);
  g_assert_cmpint(r->memory.slots_total, ==, 1);   /* the SODIMM socket; chips are no slot */
  g_assert_cmpint(r->memory.slots_used, ==, 0);
  g_assert_cmpint(r->memory.max_mb, ==, 256 * 1024);
  g_assert_cmpint(r->memory.speed_mts, ==, 7467);
  g_assert_cmpint(r->memory.soldered, ==, LF_TRI_TRUE);
}

static void test_tables_valid2(void)
{
  g_autoptr(GByteArray) t = sample_table();
  guint8 ep[0x1f];
  /* 2.5: UUID fields not byte-swapped; only the first 2 structures counted */
  ep2(ep, 2, 5, t->len, 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(LfSmbios) s = lf_smbios_parse_tables(ep, sizeof ep, t->data, t->len, &error);
  g_assert_no_error(error);
  g_assert_cmpstr(s->version, ==, "2.5");
  g_assert_cmpstr(s->uuid, ==, "102f3e5a-1b2c-ee11-8a4d-e3f1c2b0a9d8");
  g_assert_null(s->board_name);                  /* structure 3: beyond the count */
  g_assert_cmpuint(lf_smbios_memory_device_count(s), ==, 0);

  /* 2.33 is read as 2.6 (dmidecode's fixup): UUID swapped */
  ep2(ep, 2, 0x33, t->len, 0);
  g_clear_pointer(&s, lf_smbios_free);
  s = lf_smbios_parse_tables(ep, sizeof ep, t->data, t->len, &error);
  g_assert_no_error(error);
  g_assert_cmpstr(s->version, ==, "2.6");
  g_assert_cmpstr(s->uuid, ==, "5a3e2f10-2c1b-11ee-8a4d-e3f1c2b0a9d8");
  g_assert_cmpuint(lf_smbios_battery_count(s), ==, 1);

  /* EP length 0x1E (QUIRK) accepted; legacy _DMI_ entry point */
  guint8 legacy[0x0f] = { '_', 'D', 'M', 'I', '_', 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x21 };
  legacy[6] = t->len & 0xff, legacy[7] = t->len >> 8;
  fix_checksum(legacy, 0x0f, 5);
  g_clear_pointer(&s, lf_smbios_free);
  s = lf_smbios_parse_tables(legacy, sizeof legacy, t->data, t->len, &error);
  g_assert_no_error(error);
  g_assert_cmpstr(s->version, ==, "2.1");
  g_assert_cmpstr(s->board_name, ==, "21HMCTO1WW");
  g_assert_cmpuint(lf_smbios_memory_array_count(s), ==, 0);
}

static void expect_ep_error(const guint8 *ep, gsize len, const GByteArray *t)
{
  g_autoptr(GError) error = NULL;
  LfSmbios *s = lf_smbios_parse_tables(ep, len, t->data, t->len, &error);
  g_assert_null(s);
  g_assert_error(error, LF_ERROR, LF_ERROR_PARSE);
}

static void test_tables_bad_entry_point(void)
{
  g_autoptr(GByteArray) t = sample_table();
  guint8 ep[0x18];
  ep3(ep, 3, 0, t->len);
  ep[9] ^= 1;                                 /* checksum */
  expect_ep_error(ep, sizeof ep, t);
  ep3(ep, 3, 0, t->len);
  expect_ep_error(ep, 0x17, t);               /* short */
  expect_ep_error((const guint8 *)"garbage garbage garbage garbage", 31, t);
  expect_ep_error(ep, 0, t);
  ep3(ep, 3, 0, 2);                           /* table max size 2: empty */
  expect_ep_error(ep, sizeof ep, t);
  ep3(ep, 3, 0, t->len);
  ep[6] = 0xff;                               /* EP length beyond the file */
  fix_checksum(ep, 0x18, 5);
  expect_ep_error(ep, sizeof ep, t);
  guint8 ep_2[0x1f];
  ep2(ep_2, 2, 4, t->len, 0);
  ep_2[0x12] ^= 0x20;                         /* "_DMI_" anchor broken */
  fix_checksum(ep_2, 0x1f, 4);
  expect_ep_error(ep_2, sizeof ep_2, t);
}

static void test_tables_truncated(void)
{
  g_autoptr(GByteArray) t = sample_table();
  guint prev_devices = 0;
  /* Every prefix: never a crash, records only grow with the length, and the
   * copy has no slack after it so ASan sees any overread. */
  for (guint n = 0; n <= t->len; n++) {
    guint8 *copy = g_memdup2(t->data, n ? n : 1);
    g_autoptr(LfSmbios) s = lf_smbios_parse_table(copy, n, 0x0304, 0);
    g_assert_cmpuint(lf_smbios_memory_device_count(s), >=, prev_devices);
    prev_devices = lf_smbios_memory_device_count(s);
    g_free(copy);
  }
  g_assert_cmpuint(prev_devices, ==, 2);
}

static void test_tables_corrupt(void)
{
  /* length < 4: the walk stops there, earlier records stay */
  g_autoptr(GByteArray) t = g_byte_array_new();
  gsize o = ADD(t, 0, 0x18, 0, "V\0\0");
  t->data[o + 4] = 1;
  o = ADD(t, 1, 0x1b, 1, "X\0\0");
  t->data[o + 1] = 2;
  t->data[o + 4] = 1;
  g_autoptr(LfSmbios) s = lf_smbios_parse_table(t->data, t->len, 0x0300, 0);
  g_assert_cmpstr(s->bios_vendor, ==, "V");
  g_assert_null(s->sys_vendor);

  /* length running past the end of the table */
  t->data[o + 1] = 0xff;
  g_clear_pointer(&s, lf_smbios_free);
  s = lf_smbios_parse_table(t->data, t->len, 0x0300, 0);
  g_assert_cmpstr(s->bios_vendor, ==, "V");
  g_assert_null(s->sys_vendor);

  /* missing double-NUL terminator at the end */
  g_byte_array_set_size(t, 0);
  o = ADD(t, 1, 0x1b, 1, "X\0Y");
  t->data[o + 4] = 1;
  g_clear_pointer(&s, lf_smbios_free);
  s = lf_smbios_parse_table(t->data, t->len, 0x0300, 0);
  g_assert_null(s->sys_vendor);

  /* string indexes out of range, zero, and strings with control bytes */
  g_byte_array_set_size(t, 0);
  o = ADD(t, 1, 0x1b, 1, "A\tB\x01\0   \0\0");
  t->data[o + 4] = 1, t->data[o + 5] = 9, t->data[o + 6] = 2, t->data[o + 7] = 255;
  g_clear_pointer(&s, lf_smbios_free);
  s = lf_smbios_parse_table(t->data, t->len, 0x0300, 0);
  g_assert_cmpstr(s->sys_vendor, ==, "A?B?");
  g_assert_null(s->product);
  g_assert_null(s->product_version);   /* only spaces */
  g_assert_null(s->serial);

  /* overlapping: a structure whose length swallows the next header; the
   * swallowed one is not seen, the walk goes on after the strings */
  g_byte_array_set_size(t, 0);
  o = ADD(t, 17, 0x15, 0x11, "");
  put16(t, o + 0x0c, 1024);
  t->data[o + 1] = 0x15 + 2 + 4;             /* covers "\0\0" and the next header */
  ADD(t, 17, 0x15, 0x12, "");
  ADD(t, 127, 4, 0x13, "");
  g_clear_pointer(&s, lf_smbios_free);
  s = lf_smbios_parse_table(t->data, t->len, 0x0300, 0);
  g_assert_cmpuint(lf_smbios_memory_device_count(s), <=, 1);

  /* a type 17 shorter than its minimum: ignored, not misread */
  g_byte_array_set_size(t, 0);
  ADD(t, 17, 0x10, 0x11, "");
  ADD(t, 22, 0x0c, 0x12, "");
  g_clear_pointer(&s, lf_smbios_free);
  s = lf_smbios_parse_table(t->data, t->len, 0x0300, 0);
  g_assert_cmpuint(lf_smbios_memory_device_count(s), ==, 0);
  g_assert_cmpuint(lf_smbios_battery_count(s), ==, 0);

  /* huge counts: thousands of tiny structures; records are capped */
  g_byte_array_set_size(t, 0);
  for (int i = 0; i < 5000; i++) {
    o = ADD(t, 17, 0x15, (guint)i, "");
    put16(t, o + 0x0c, 512);
  }
  g_clear_pointer(&s, lf_smbios_free);
  s = lf_smbios_parse_table(t->data, t->len, 0x0300, 65535);
  g_assert_cmpuint(lf_smbios_memory_device_count(s), ==, LF_SMBIOS_MAX_DEVICES);

  /* all zeros: type 0 of length 0 stops at once */
  guint8 zeros[4096] = { 0 };
  g_clear_pointer(&s, lf_smbios_free);
  s = lf_smbios_parse_table(zeros, sizeof zeros, 0x0300, 0);
  g_assert_null(s->bios_vendor);

  /* seeded random junk */
  g_autoptr(GRand) rand = g_rand_new_with_seed(42);
  for (int round = 0; round < 2000; round++) {
    gsize n = (gsize)g_rand_int_range(rand, 0, 600);
    guint8 *junk = g_malloc(n ? n : 1);
    for (gsize i = 0; i < n; i++)
      junk[i] = (guint8)g_rand_int(rand);
    /* bias towards plausible headers so the decoders run */
    for (gsize i = 0; i + 1 < n; i += 40) {
      static const guint8 types[] = { 0, 1, 2, 3, 16, 17, 22 };
      junk[i] = types[g_rand_int_range(rand, 0, G_N_ELEMENTS(types))];
      junk[i + 1] = (guint8)g_rand_int_range(rand, 4, 0x60);
    }
    g_autoptr(LfSmbios) j = lf_smbios_parse_table(junk, n, 0x0304, 0);
    g_autoptr(LfReport) r = lf_report_new();
    lf_smbios_fill_machine(j, &r->machine);
    lf_memory_fill_from_smbios(j, &r->memory);
    g_free(junk);
  }
}

/* --- dmidecode text --------------------------------------------------------- */

static const char *const machines[] = {
  "pentium-m-2005", "atom-n270-netbook", "core2duo-2008", "sandybridge-2011",
  "skylake-u-2016", "ryzen-4000-2020", "raptorlake-u-2023", "meteorlake-2024",
  "thinkpad-two-batteries", "desktop-no-battery", "baytrail-tablet",
};

static LfSmbios *parse_fixture_text(const char *machine)
{
  g_autofree char *path = g_build_filename(LF_TEST_FIXTURES, "machines", machine, "dmidecode.txt",
                                           NULL);
  g_autofree char *text = NULL;
  gsize len = 0;
  g_assert_true(g_file_get_contents(path, &text, &len, NULL));
  g_autoptr(GError) error = NULL;
  LfSmbios *s = lf_smbios_parse_dmidecode(text, len, &error);
  g_assert_no_error(error);
  return s;
}

static void test_dmidecode_fixtures(void)
{
  for (gsize i = 0; i < G_N_ELEMENTS(machines); i++) {
    g_autoptr(LfSmbios) s = parse_fixture_text(machines[i]);
    g_assert_cmpstr(s->source, ==, "dmidecode");
    g_assert_nonnull(s->sys_vendor);
    g_assert_nonnull(s->product);
    g_assert_nonnull(s->bios_version);
    g_assert_true(lf_known_int(s->chassis_type));
    g_assert_cmpuint(lf_smbios_memory_device_count(s), >=, 1);
  }
  g_autoptr(LfSmbios) t43 = parse_fixture_text("pentium-m-2005");
  g_assert_cmpstr(t43->version, ==, "2.3");
  g_assert_cmpstr(t43->product_version, ==, "ThinkPad T43");
  g_assert_cmpint(lf_smbios_memory_array_get(t43, 0)->max_mb, ==, 2048);
  g_assert_cmpint(lf_smbios_memory_device_get(t43, 1)->size_mb, ==, 0);
  const LfSmbiosBattery *b = lf_smbios_battery_get(t43, 0);
  g_assert_cmpint(b->design_capacity_mwh, ==, 52000);
  g_assert_cmpint(b->design_voltage_mv, ==, 10800);
  g_assert_cmpstr(b->serial, ==, "1A2B");
  g_assert_cmpstr(b->technology, ==, "Li-ion");
  g_autoptr(LfSmbios) t480 = parse_fixture_text("thinkpad-two-batteries");
  g_assert_cmpuint(lf_smbios_battery_count(t480), ==, 2);
  g_assert_cmpint(lf_smbios_battery_get(t480, 1)->design_capacity_mwh, ==, 72000);
  g_autoptr(LfSmbios) opti = parse_fixture_text("desktop-no-battery");
  g_assert_cmpint(opti->chassis_type, ==, 6);
  g_assert_cmpuint(lf_smbios_battery_count(opti), ==, 0);
  g_assert_cmpuint(lf_smbios_memory_device_count(opti), ==, 4);
}

/* dmidecode 2.0-2.8 layout: "DMI type" on its own line, keys two tabs in. */
static const char old_layout[] =
  "# dmidecode 2.7\n"
  "SMBIOS 2.3 present.\n"
  "38 structures occupying 1167 bytes.\n"
  "Table at 0x000DC010.\n"
  "Handle 0x0000\n"
  "\tDMI type 0, 20 bytes.\n"
  "\tBIOS Information\n"
  "\t\tVendor: IBM\n"
  "\t\tVersion: 1RETDRWW (3.23 )\n"
  "\t\tRelease Date: 06/18/2007\n"
  "\t\tCharacteristics:\n"
  "\t\t\tPCI is supported\n"
  "\t\t\tVendor: not a key at this depth\n"
  "Handle 0x0001\n"
  "\tDMI type 1, 25 bytes.\n"
  "\tSystem Information\n"
  "\t\tManufacturer: IBM\n"
  "\t\tProduct Name: 2373G1U\n"
  "\t\tVersion: ThinkPad T40\n"
  "\t\tSerial Number: 99XYZ12\n"
  "\t\tUUID: Not Settable\n"
  "Handle 0x0002\n"
  "\tDMI type 3, 13 bytes.\n"
  "\tChassis Information\n"
  "\t\tManufacturer: IBM\n"
  "\t\tType: Notebook\n"
  "Handle 0x0003\n"
  "\tDMI type 16, 15 bytes.\n"
  "\tPhysical Memory Array\n"
  "\t\tUse: System Memory\n"
  "\t\tMaximum Capacity: 2 GB\n"
  "\t\tNumber Of Devices: 2\n"
  "Handle 0x0004\n"
  "\tDMI type 17, 21 bytes.\n"
  "\tMemory Device\n"
  "\t\tArray Handle: 0x0003\n"
  "\t\tSize: 256 MB\n"
  "\t\tForm Factor: SODIMM\n"
  "\t\tLocator: DIMM 1\n"
  "\t\tType: DDR\n"
  "\t\tSpeed: 333 MHz (3.0 ns)\n"
  "Handle 0x0005\n"
  "\tDMI type 17, 27 bytes.\n"
  "\tMemory Device\n"
  "\t\tArray Handle: 0x0003\n"
  "\t\tSize: 512 MB\n"
  "\t\tForm Factor: SODIMM\n"
  "\t\tLocator: DIMM 2\n"
  "\t\tType: DDR\n"
  "\t\tSpeed: 333 MHz\n"
  "Handle 0x0006\n"
  "\tDMI type 22, 26 bytes.\n"
  "\tPortable Battery\n"
  "\t\tDesign Capacity: 72000 mWh\n"
  "\t\tDesign Voltage: 10800 mV\n"
  "\t\tSBDS Chemistry: LION\n";

static void test_dmidecode_old_layout(void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LfSmbios) s = lf_smbios_parse_dmidecode(old_layout, strlen(old_layout), &error);
  g_assert_no_error(error);
  g_assert_cmpstr(s->version, ==, "2.3");
  g_assert_cmpstr(s->bios_vendor, ==, "IBM");
  g_assert_cmpstr(s->bios_date, ==, "06/18/2007");
  g_assert_cmpstr(s->product, ==, "2373G1U");
  g_assert_cmpstr(s->uuid, ==, "Not Settable");
  g_assert_cmpint(s->chassis_type, ==, 10);
  g_assert_cmpint(lf_smbios_memory_array_get(s, 0)->max_mb, ==, 2048);
  g_assert_cmpint(lf_smbios_memory_array_get(s, 0)->handle, ==, 3);
  g_assert_cmpint(lf_smbios_memory_device_get(s, 0)->size_mb, ==, 256);
  g_assert_cmpint(lf_smbios_memory_device_get(s, 0)->speed_mts, ==, LF_UNKNOWN);  /* odd unit */
  g_assert_cmpint(lf_smbios_memory_device_get(s, 1)->speed_mts, ==, 333);
  g_assert_cmpint(lf_smbios_memory_device_get(s, 1)->array_handle, ==, 3);
  g_assert_cmpstr(lf_smbios_battery_get(s, 0)->technology, ==, "Li-ion");

  g_autoptr(LfReport) r = lf_report_new();
  g_assert_true(lf_memory_fill_from_smbios(s, &r->memory));
  g_assert_cmpint(r->memory.installed_mb, ==, 768);
  g_assert_cmpint(r->memory.slots_total, ==, 2);
  g_assert_cmpint(r->memory.slots_used, ==, 2);
  g_assert_cmpint(r->memory.speed_mts, ==, 333);
  g_assert_cmpstr(r->memory.type, ==, "DDR");
  g_assert_cmpint(r->memory.soldered, ==, LF_TRI_FALSE);

  /* CRLF line ends (a copy made on Windows) */
  g_auto(GStrv) lines = g_strsplit(old_layout, "\n", -1);
  g_autofree char *joined = g_strjoinv("\r\n", lines);
  g_autoptr(LfSmbios) s2 = lf_smbios_parse_dmidecode(joined, strlen(joined), &error);
  g_assert_no_error(error);
  g_assert_cmpstr(s2->product, ==, "2373G1U");
  g_assert_cmpint(lf_smbios_memory_device_get(s2, 1)->speed_mts, ==, 333);
}

/* `dmidecode -q`: no header, no "Handle" lines; titles open records. */
static void test_dmidecode_quiet(void)
{
  for (gsize i = 0; i < G_N_ELEMENTS(machines); i++) {
    g_autofree char *path = g_build_filename(LF_TEST_FIXTURES, "machines", machines[i],
                                             "dmidecode.txt", NULL);
    g_autofree char *text = NULL;
    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    GString *quiet = g_string_new(NULL);
    for (char **l = lines; *l; l++)
      if (!g_str_has_prefix(*l, "Handle 0x") && !g_str_has_prefix(*l, "#") &&
          !g_str_has_prefix(*l, "Getting") && !g_str_has_prefix(*l, "SMBIOS") &&
          !g_str_has_prefix(*l, "Table at") && !strstr(*l, "structures occupying"))
        g_string_append_printf(quiet, "%s\n", *l);
    g_autoptr(GError) error = NULL;
    g_autoptr(LfSmbios) q = lf_smbios_parse_dmidecode(quiet->str, quiet->len, &error);
    g_assert_no_error(error);
    g_string_free(quiet, TRUE);
    g_autoptr(LfSmbios) full = parse_fixture_text(machines[i]);
    g_autoptr(LfReport) a = lf_report_new(), b = lf_report_new();
    lf_smbios_fill_machine(full, &a->machine);
    lf_smbios_fill_machine(q, &b->machine);
    lf_memory_fill_from_smbios(full, &a->memory);
    lf_memory_fill_from_smbios(q, &b->memory);
    g_autofree char *ja = lf_report_to_json(a, LF_JSON_PRIVATE);
    g_autofree char *jb = lf_report_to_json(b, LF_JSON_PRIVATE);
    g_assert_cmpstr(ja, ==, jb);
    g_assert_cmpuint(lf_smbios_battery_count(q), ==, lf_smbios_battery_count(full));
  }
  /* keys of a record lapfit does not decode never leak into the previous one */
  static const char text[] = "Portable Battery\n\tName: X\n\nSystem Power Supply\n"
                             "\tManufacturer: Evil\n\tDesign Capacity: 1 mWh\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(LfSmbios) s = lf_smbios_parse_dmidecode(text, sizeof text - 1, &error);
  g_assert_no_error(error);
  g_assert_cmpstr(lf_smbios_battery_get(s, 0)->name, ==, "X");
  g_assert_null(lf_smbios_battery_get(s, 0)->manufacturer);
  g_assert_cmpint(lf_smbios_battery_get(s, 0)->design_capacity_mwh, ==, LF_UNKNOWN);
}

static void expect_not_dmidecode(const char *text, gsize len)
{
  g_autoptr(GError) error = NULL;
  LfSmbios *s = lf_smbios_parse_dmidecode(text, len, &error);
  g_assert_null(s);
  g_assert_error(error, LF_ERROR, LF_ERROR_PARSE);
}

static void test_dmidecode_hostile(void)
{
  expect_not_dmidecode("", 0);
  expect_not_dmidecode("# dmidecode 3.4\n# No SMBIOS nor DMI entry point found, sorry.\n", 62);
  expect_not_dmidecode("root:x:0:0:root:/root:/bin/bash\n", 32);
  expect_not_dmidecode("Handle 0x0001, DMI type X, 3 bytes\n", 35);
  expect_not_dmidecode("Handle 0x0001, DMI type 99999, 3 bytes\n", 39);

  /* binary junk, with NUL bytes, around one real record */
  g_autoptr(GRand) rand = g_rand_new_with_seed(7);
  GString *junk = g_string_new(NULL);
  for (int i = 0; i < 65536; i++)
    g_string_append_c(junk, (char)g_rand_int(rand));
  g_string_append(junk, "\nHandle 0x0001, DMI type 1, 27 bytes\nSystem Information\n"
                        "\tManufacturer: Dell Inc.\n\tProduct Name: Latitude \x01\xff" "E6410\n");
  for (int i = 0; i < 4096; i++)
    g_string_append_c(junk, (char)g_rand_int(rand));
  g_autoptr(GError) error = NULL;
  g_autoptr(LfSmbios) s = lf_smbios_parse_dmidecode(junk->str, junk->len, &error);
  g_assert_no_error(error);
  g_assert_cmpstr(s->sys_vendor, ==, "Dell Inc.");
  g_assert_cmpstr(s->product, ==, "Latitude ??E6410");
  g_string_free(junk, TRUE);

  /* a 1 MB line: value cut, next lines still read */
  GString *big = g_string_new("Handle 0x0001, DMI type 1, 27 bytes\nSystem Information\n"
                              "\tManufacturer: ");
  for (int i = 0; i < 1024 * 1024; i++)
    g_string_append_c(big, 'A');
  g_string_append(big, "\n\tProduct Name: X\n");
  g_clear_pointer(&s, lf_smbios_free);
  s = lf_smbios_parse_dmidecode(big->str, big->len, &error);
  g_assert_no_error(error);
  g_assert_cmpuint(strlen(s->sys_vendor), <=, LF_SMBIOS_MAX_STRING);
  g_assert_cmpuint(strlen(s->sys_vendor), >=, LF_SMBIOS_MAX_STRING - 1);
  g_assert_cmpstr(s->product, ==, "X");
  g_string_free(big, TRUE);

  /* missing and malformed values */
  static const char missing[] =
    "Handle 0x0010, DMI type 16, 23 bytes\nPhysical Memory Array\n\tMaximum Capacity:\n"
    "\tNumber Of Devices: many\n"
    "Handle 0x0011, DMI type 17, 40 bytes\nMemory Device\n\tSize:\n\tSpeed: fast\n"
    "\tArray Handle: 0xZZ\n\tType\n\tConfigured Memory Speed: 99999999999999999999 MT/s\n"
    "Handle 0x0012, DMI type 17, 40 bytes\nMemory Device\n\tSize: 8 XB\n"
    "Handle 0x0013, DMI type 22, 26 bytes\nPortable Battery\n\tDesign Capacity: Unknown\n"
    "\tDesign Voltage: -5 mV\n\tChemistry:\n"
    "Handle 0x0014, DMI type 3, 22 bytes\nChassis Information\n\tType: Spaceship\n"
    "Handle 0x0015, DMI type 0, 26 bytes\n";
  g_clear_pointer(&s, lf_smbios_free);
  s = lf_smbios_parse_dmidecode(missing, sizeof missing - 1, &error);
  g_assert_no_error(error);
  g_assert_cmpint(lf_smbios_memory_array_get(s, 0)->max_mb, ==, LF_UNKNOWN);
  g_assert_cmpint(lf_smbios_memory_array_get(s, 0)->devices, ==, LF_UNKNOWN);
  const LfSmbiosMemoryDevice *d = lf_smbios_memory_device_get(s, 0);
  g_assert_cmpint(d->size_mb, ==, LF_UNKNOWN);
  g_assert_cmpint(d->speed_mts, ==, LF_UNKNOWN);
  g_assert_cmpint(d->configured_speed_mts, ==, LF_UNKNOWN);
  g_assert_cmpuint(d->array_handle, ==, G_MAXUINT);
  g_assert_cmpint(lf_smbios_memory_device_get(s, 1)->size_mb, ==, LF_UNKNOWN);
  g_assert_cmpint(lf_smbios_battery_get(s, 0)->design_capacity_mwh, ==, LF_UNKNOWN);
  g_assert_cmpint(lf_smbios_battery_get(s, 0)->design_voltage_mv, ==, LF_UNKNOWN);
  g_assert_cmpint(s->chassis_type, ==, LF_UNKNOWN);
  g_autoptr(LfReport) r = lf_report_new();
  g_assert_false(lf_memory_fill_from_smbios(s, &r->memory));

  /* very many records: capped */
  GString *many = g_string_new(NULL);
  for (int i = 0; i < 3000; i++)
    g_string_append_printf(many, "Handle 0x%04X, DMI type 17, 40 bytes\n\tSize: 1 GB\n", i);
  g_clear_pointer(&s, lf_smbios_free);
  s = lf_smbios_parse_dmidecode(many->str, many->len, &error);
  g_assert_no_error(error);
  g_assert_cmpuint(lf_smbios_memory_device_count(s), ==, LF_SMBIOS_MAX_DEVICES);
  g_string_free(many, TRUE);
}

/* --- helpers ----------------------------------------------------------------- */

static void test_chassis(void)
{
  static const struct {
    gint64 code;
    const char *cls;
  } cases[] = {
    { 8, "notebook" }, { 9, "notebook" }, { 10, "notebook" }, { 14, "notebook" },
    { 31, "convertible" }, { 30, "tablet" }, { 32, "tablet" }, { 11, "tablet" },
    { 3, "desktop" }, { 6, "desktop" }, { 7, "desktop" }, { 13, "desktop" }, { 35, "desktop" },
    { 17, "server" }, { 23, "server" }, { 1, "unknown" }, { 2, "unknown" }, { 0, "unknown" },
    { 12, "unknown" }, { 99, "unknown" }, { LF_UNKNOWN, "unknown" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS(cases); i++)
    g_assert_cmpstr(lf_smbios_chassis_class(cases[i].code), ==, cases[i].cls);
  for (gint64 c = 1; c <= 36; c++)
    g_assert_cmpint(lf_smbios_chassis_code(lf_smbios_chassis_name(c)), ==, c);
  g_assert_cmpint(lf_smbios_chassis_code("notebook"), ==, 10);
  g_assert_cmpint(lf_smbios_chassis_code("Hovercraft"), ==, LF_UNKNOWN);
  g_assert_cmpint(lf_smbios_chassis_code(NULL), ==, LF_UNKNOWN);
  g_assert_null(lf_smbios_chassis_name(37));

  /* a hypervisor's type 1 wins over its chassis code */
  g_autoptr(LfSmbios) s = lf_smbios_new("sysfs");
  s->sys_vendor = g_strdup("QEMU");
  s->product = g_strdup("Standard PC (Q35 + ICH9, 2009)");
  s->chassis_type = 1;
  g_autoptr(LfReport) r = lf_report_new();
  lf_smbios_fill_machine(s, &r->machine);
  g_assert_cmpstr(r->machine.chassis, ==, "vm");
}

static void test_placeholders(void)
{
  static const char *const yes[] = {
    NULL, "", "   ", "To Be Filled By O.E.M.", "to be filled by o.e.m.", "Default string",
    "System Product Name", "0123456789", "Not Specified", "Not Available", "None", "N/A",
    "00000000", "0000000000000000", "XXXXXXXXXX", "..........", "FFFFFFFF",
    "00000000-0000-0000-0000-000000000000", "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF",
    "Not Settable", "Not Present", "<BAD INDEX>", "System manufacturer", " Default string ",
  };
  static const char *const no[] = {
    "LENOVO", "ThinkPad T480", "20L5CTO1WW", "1.0", "x.x", "A19", "01", "7XK2B3J",
    "4C4C4544-0058-4B10-8032-B7C04F42334A", "Dell Inc.", "T100TA",
  };
  for (gsize i = 0; i < G_N_ELEMENTS(yes); i++)
    g_assert_true(lf_smbios_is_placeholder(yes[i]) || (g_test_message("%s", yes[i]), FALSE));
  for (gsize i = 0; i < G_N_ELEMENTS(no); i++)
    g_assert_false(lf_smbios_is_placeholder(no[i]) && (g_test_message("%s", no[i]), TRUE));

  /* placeholders never reach LfMachine */
  g_autoptr(LfSmbios) s = parse_fixture_text("atom-n270-netbook");
  g_autoptr(LfReport) r = lf_report_new();
  lf_smbios_fill_machine(s, &r->machine);
  g_assert_null(r->machine.family);                 /* "To Be Filled By O.E.M." */
  g_assert_null(r->machine.board_serial);           /* "To be filled by O.E.M." */
  g_assert_cmpstr(r->machine.vendor, ==, "ASUSTeK Computer INC.");
  g_assert_cmpstr(r->machine.serial, ==, "89OAAQ123456");
}

static void test_dates(void)
{
  static const struct {
    const char *in, *out;
  } cases[] = {
    { "07/11/2023", "2023-07-11" }, { "12/27/2005", "2005-12-27" }, { "06/18/07", "2007-06-18" },
    { "11/03/98", "1998-11-03" }, { "13/01/2020", "13/01/2020" }, { "2023-07-11", "2023-07-11" },
    { "garbage", "garbage" }, { "1/2/2003", "2003-01-02" }, { "07/11/2023x", "07/11/2023x" },
    { "00/11/2023", "00/11/2023" }, { " 07/11/2023 ", "2023-07-11" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
    g_autofree char *iso = lf_smbios_date_iso(cases[i].in);
    g_assert_cmpstr(iso, ==, cases[i].out);
  }
  g_assert_null(lf_smbios_date_iso(NULL));
}

/* --- one machine, every source ------------------------------------------------- */

static char *machine_memory_json(LfReport *r)
{
  /* smbios_source differs by design; everything else must not */
  g_clear_pointer(&r->machine.smbios_source, g_free);
  g_clear_pointer(&r->generated, g_free);
  g_autofree char *all = lf_report_to_json(r, LF_JSON_PRIVATE);
  g_autoptr(JsonParser) p = json_parser_new();
  g_assert_true(json_parser_load_from_data(p, all, -1, NULL));
  JsonObject *o = json_node_get_object(json_parser_get_root(p));
  g_autoptr(JsonNode) pair = json_node_new(JSON_NODE_OBJECT);
  JsonObject *po = json_object_new();
  json_object_set_member(po, "machine", json_node_copy(json_object_get_member(o, "machine")));
  json_object_set_member(po, "memory", json_node_copy(json_object_get_member(o, "memory")));
  json_node_take_object(pair, po);
  return lf_json_to_text(pair, LF_JSON_PRETTY);
}

static void test_same_machine_every_source(void)
{
  static const char *const with_tables[] = { "pentium-m-2005", "raptorlake-u-2023",
                                             "thinkpad-two-batteries" };
  for (gsize i = 0; i < G_N_ELEMENTS(with_tables); i++) {
    g_autofree char *dir = g_build_filename(LF_TEST_FIXTURES, "machines", with_tables[i], NULL);
    g_autofree char *root_dir = g_build_filename(dir, "sysroot", NULL);
    g_autofree char *text = g_build_filename(dir, "dmidecode.txt", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(LfSysroot) root = lf_sysroot_new(root_dir, &error);
    g_assert_no_error(error);

    /* records: the binary tables and dmidecode's text of them agree */
    LfProbeOptions tables_opts = { .root = root_dir };
    LfProbeOptions text_opts = { .root = root_dir, .dmidecode = text };
    LfProbeContext ctx_tables = { .opts = &tables_opts, .root = root };
    LfProbeContext ctx_text = { .opts = &text_opts, .root = root };
    g_autoptr(LfReport) a = lf_report_new(), b = lf_report_new();
    g_assert_true(lf_probe_smbios(&ctx_tables, a, &error));
    g_assert_no_error(error);
    g_assert_true(lf_probe_smbios(&ctx_text, b, &error));
    g_assert_no_error(error);
    g_assert_cmpstr(a->machine.smbios_source, ==, "tables");
    g_assert_cmpstr(b->machine.smbios_source, ==, "dmidecode");
    lf_probe_memory(&ctx_tables, a);
    lf_probe_memory(&ctx_text, b);
    g_assert_cmpstr(a->memory.installed_source, ==, "smbios");
    const LfSmbios *ta = ctx_tables.smbios, *tb = ctx_text.smbios;
    g_assert_cmpuint(lf_smbios_battery_count(ta), ==, lf_smbios_battery_count(tb));
    for (guint k = 0; k < lf_smbios_battery_count(ta); k++) {
      const LfSmbiosBattery *x = lf_smbios_battery_get(ta, k), *y = lf_smbios_battery_get(tb, k);
      g_assert_cmpint(x->design_capacity_mwh, ==, y->design_capacity_mwh);
      g_assert_cmpint(x->design_voltage_mv, ==, y->design_voltage_mv);
      g_assert_cmpstr(x->chemistry, ==, y->chemistry);
      g_assert_cmpstr(x->manufacturer, ==, y->manufacturer);
      g_assert_cmpstr(x->name, ==, y->name);
      g_assert_cmpstr(x->serial, ==, y->serial);
      g_assert_cmpstr(x->manufacture_date, ==, y->manufacture_date);
    }
    g_assert_cmpstr(ta->uuid, ==, tb->uuid);
    g_assert_cmpstr(ta->version, ==, tb->version);
    /* type 4: the CPU a saved machine is identified by */
    g_assert_true(lf_known_int(ta->cpu_id_eax));
    g_assert_cmpint(ta->cpu_id_eax, ==, tb->cpu_id_eax);
    g_assert_cmpint(ta->cpu_id_edx, ==, tb->cpu_id_edx);
    g_assert_cmpstr(ta->cpu_version, ==, tb->cpu_version);
    g_assert_cmpstr(ta->cpu_manufacturer, ==, tb->cpu_manufacturer);
    g_assert_cmpint(ta->cpu_cores, ==, tb->cpu_cores);
    g_assert_cmpint(ta->cpu_threads, ==, tb->cpu_threads);
    lf_probe_smbios_release(&ctx_tables);
    lf_probe_smbios_release(&ctx_text);
    g_assert_null(ctx_tables.smbios);
    g_autofree char *ja = machine_memory_json(a), *jb = machine_memory_json(b);
    g_assert_cmpstr(ja, ==, jb);

    /* sysfs (no root): same public identity, no serials, memory estimated */
    g_autoptr(LfSmbios) sys = lf_smbios_read_sysfs(root);
    g_assert_nonnull(sys);
    g_autoptr(LfReport) c = lf_report_new();
    lf_smbios_fill_machine(sys, &c->machine);
    g_assert_cmpstr(c->machine.vendor, ==, a->machine.vendor);
    g_assert_cmpstr(c->machine.product, ==, a->machine.product);
    g_assert_cmpstr(c->machine.version, ==, a->machine.version);
    g_assert_cmpstr(c->machine.chassis, ==, a->machine.chassis);
    g_assert_cmpstr(c->machine.bios.date, ==, a->machine.bios.date);
    g_assert_cmpstr(c->machine.bios.version, ==, a->machine.bios.version);
    g_assert_null(c->machine.serial);
    g_assert_null(c->machine.uuid);
  }
}

static void test_probe_sources(void)
{
  g_autoptr(GError) error = NULL;
  /* nothing readable: one error entry, no failure */
  g_autofree char *empty = g_dir_make_tmp("lapfit-smbios-XXXXXX", &error);
  g_assert_no_error(error);
  g_autoptr(LfSysroot) root = lf_sysroot_new(empty, &error);
  LfProbeOptions opts = { .root = empty };
  LfProbeContext ctx = { .opts = &opts, .root = root };
  g_autoptr(LfReport) r = lf_report_new();
  g_assert_true(lf_probe_smbios(&ctx, r, &error));
  g_assert_cmpuint(r->errors->len, ==, 1);
  g_assert_null(r->machine.vendor);
  g_assert_null(ctx.smbios);

  /* corrupt tables fall back to sysfs and say so */
  g_autofree char *tdir = g_build_filename(empty, "sys/firmware/dmi/tables", NULL);
  g_autofree char *idir = g_build_filename(empty, "sys/class/dmi/id", NULL);
  g_mkdir_with_parents(tdir, 0755);
  g_mkdir_with_parents(idir, 0755);
  g_autofree char *ep = g_build_filename(tdir, "smbios_entry_point", NULL);
  g_autofree char *dmi = g_build_filename(tdir, "DMI", NULL);
  g_autofree char *vendor = g_build_filename(idir, "sys_vendor", NULL);
  g_assert_true(g_file_set_contents(ep, "_SM3_ broken", -1, NULL));
  g_assert_true(g_file_set_contents(dmi, "", 0, NULL));
  g_assert_true(g_file_set_contents(vendor, "HP\n", -1, NULL));
  g_autoptr(LfReport) r2 = lf_report_new();
  g_assert_true(lf_probe_smbios(&ctx, r2, &error));
  g_assert_cmpstr(r2->machine.vendor, ==, "HP");
  g_assert_cmpstr(r2->machine.smbios_source, ==, "sysfs");
  g_assert_cmpuint(r2->errors->len, ==, 1);
  lf_probe_smbios_release(&ctx);

  /* --dmidecode: missing file and non-dmidecode file are errors */
  opts.dmidecode = "/nonexistent/dmidecode.txt";
  g_autoptr(LfReport) r3 = lf_report_new();
  g_assert_false(lf_probe_smbios(&ctx, r3, &error));
  g_assert_nonnull(error);
  g_clear_error(&error);
  opts.dmidecode = vendor;
  g_assert_false(lf_probe_smbios(&ctx, r3, &error));
  g_assert_error(error, LF_ERROR, LF_ERROR_PARSE);
  g_assert_nonnull(strstr(error->message, vendor));
  g_clear_error(&error);

  g_autofree char *cmd = g_strdup_printf("rm -rf '%s'", empty);
  g_assert_cmpint(system(cmd), ==, 0);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/smbios/tables/valid-3x", test_tables_valid3);
  g_test_add_func("/smbios/tables/valid-2x", test_tables_valid2);
  g_test_add_func("/smbios/tables/bad-entry-point", test_tables_bad_entry_point);
  g_test_add_func("/smbios/tables/truncated", test_tables_truncated);
  g_test_add_func("/smbios/tables/corrupt", test_tables_corrupt);
  g_test_add_func("/smbios/dmidecode/fixtures", test_dmidecode_fixtures);
  g_test_add_func("/smbios/dmidecode/old-layout", test_dmidecode_old_layout);
  g_test_add_func("/smbios/dmidecode/quiet", test_dmidecode_quiet);
  g_test_add_func("/smbios/dmidecode/hostile", test_dmidecode_hostile);
  g_test_add_func("/smbios/chassis", test_chassis);
  g_test_add_func("/smbios/placeholders", test_placeholders);
  g_test_add_func("/smbios/dates", test_dates);
  g_test_add_func("/smbios/same-machine-every-source", test_same_machine_every_source);
  g_test_add_func("/smbios/probe-sources", test_probe_sources);
  return g_test_run();
}
