/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The report model: JSON round trip is lossless, unknowns stay null, bad
 * input gives a clear error, output ignores the locale. */
#include <locale.h>
#include <string.h>

#include "core/error.h"
#include "core/human.h"
#include "core/report-json.h"

static LfReport *sample_report(void)
{
  LfReport *r = lf_report_new();
  r->generated = g_strdup("2026-11-27T10:00:00Z");
  r->machine.vendor = g_strdup("LENOVO");
  r->machine.product = g_strdup("20XW0055GE");
  r->machine.chassis = g_strdup("notebook");
  r->machine.serial = g_strdup("PF3ABCDE");
  r->machine.firmware.mode = g_strdup("uefi");
  r->machine.firmware.uefi_bits = 64;
  r->machine.firmware.secure_boot = LF_TRI_TRUE;
  r->cpu.family = 6;
  r->cpu.model = 140;
  r->cpu.isa_level = g_strdup("x86-64-v4");
  r->cpu.pae = LF_TRI_TRUE;
  r->cpu.nx = LF_TRI_FALSE;
  r->cpu.max_mhz = 4200.5;
  lf_strv_add(&r->cpu.missing_for_next_level, "AVX512F");
  r->memory.usable_mb = 15731;
  LfMemoryModule *mod = lf_memory_add_module(&r->memory);
  mod->locator = g_strdup("DIMM A");
  mod->size_mb = 8192;
  LfBattery *b = lf_report_add_battery(r);
  b->name = g_strdup("BAT0");
  b->design_wh = 57.0;
  b->full_wh = 50.0;
  b->health_pct = 100.0 * 50.0 / 57.0;
  b->power_w = 0.1;
  lf_strv_add(&b->flags, "health-over-100");
  lf_report_add_error(r, "smbios", "no root: %s", "permission denied");
  return r;
}

static void test_roundtrip(void)
{
  g_autoptr(LfReport) r = sample_report();
  g_autofree char *json = lf_report_to_json(r, LF_JSON_PRIVATE);
  g_autoptr(GError) error = NULL;
  g_autoptr(LfReport) back = lf_report_from_json(json, -1, &error);
  g_assert_no_error(error);
  g_autofree char *json2 = lf_report_to_json(back, LF_JSON_PRIVATE);
  g_assert_cmpstr(json, ==, json2);
  g_assert_cmpfloat(((LfBattery *)back->batteries->pdata[0])->health_pct, ==,
                    100.0 * 50.0 / 57.0);
  g_assert_cmpint(back->cpu.nx, ==, LF_TRI_FALSE);
  g_assert_cmpint(back->cpu.stepping, ==, LF_UNKNOWN);
  g_assert_true(isnan(back->cpu.max_mhz) == FALSE);
  g_assert_cmpstr(back->machine.serial, ==, "PF3ABCDE");
}

static void test_string_escapes(void)
{
  g_autoptr(LfReport) r = lf_report_new();
  r->machine.vendor = g_strdup("a\"b\\c\n\t\x01\x7f é");
  r->machine.product = g_strdup("bad \xff\xfe utf8");
  g_autofree char *json = lf_report_to_json(r, LF_JSON_PRETTY);
  g_assert_true(g_utf8_validate(json, -1, NULL));
  g_autoptr(GError) error = NULL;
  g_autoptr(LfReport) back = lf_report_from_json(json, -1, &error);
  g_assert_no_error(error);
  g_assert_cmpstr(back->machine.vendor, ==, r->machine.vendor);
  g_assert_cmpstr(back->machine.product, ==, "bad \xef\xbf\xbd\xef\xbf\xbd utf8");
}

static void test_private_omitted(void)
{
  g_autoptr(LfReport) r = sample_report();
  g_autofree char *json = lf_report_to_json(r, LF_JSON_DEFAULT);
  g_assert_null(strstr(json, "PF3ABCDE"));
  g_assert_nonnull(strstr(json, "\"stepping\":null"));
}

static void test_locale_independent(void)
{
  if (setlocale(LC_ALL, "de_DE.UTF-8") == NULL) {
    g_test_skip("de_DE.UTF-8 locale not installed");
    return;
  }
  g_autoptr(LfReport) r = sample_report();
  g_autofree char *json = lf_report_to_json(r, LF_JSON_DEFAULT);
  setlocale(LC_ALL, "C");
  g_assert_nonnull(strstr(json, "4200.5"));
  g_assert_null(strstr(json, "4200,5"));
}

static void expect_error(const char *json, int code, const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LfReport) r = lf_report_from_json(json, -1, &error);
  g_assert_null(r);
  g_assert_nonnull(error);
  if (code >= 0)
    g_assert_error(error, LF_ERROR, code);
  if (fragment && strstr(error->message, fragment) == NULL)
    g_error("message '%s' lacks '%s'", error->message, fragment);
}

static void test_bad_input(void)
{
  expect_error("", -1, NULL);
  expect_error("[1,2]", LF_ERROR_PARSE, "not a JSON object");
  expect_error("{\"cpu\":{}}", LF_ERROR_PARSE, "schema");
  expect_error("{\"schema\":\"lapfit-report/9\"}", LF_ERROR_UNSUPPORTED, "lapfit-report/9");
  expect_error("{\"schema\":\"lapfit-report/1\",\"cpu\":{\"family\":\"six\"}}", LF_ERROR_PARSE,
               "cpu.family");
  expect_error("{\"schema\":\"lapfit-report/1\",\"cpu\":{\"family\":1.5}}", LF_ERROR_PARSE, NULL);
  expect_error("{\"schema\":\"lapfit-report/1\",\"cpu\":[]}", LF_ERROR_PARSE, "cpu");
  expect_error("{\"schema\":\"lapfit-report/1\",\"batteries\":[{\"design_wh\":\"x\"}]}",
               LF_ERROR_PARSE, "batteries[0].design_wh");
  expect_error("{\"schema\":\"lapfit-report/1\",\"batteries\":{}}", LF_ERROR_PARSE, "batteries");
  expect_error("{\"schema\":\"lapfit-report/1\",\"cpu\":{\"flags\":[1]}}", LF_ERROR_PARSE,
               "cpu.flags[0]");
  expect_error("{\"schema\":\"lapfit-report/1\",\"cpu\":{\"pae\":1}}", LF_ERROR_PARSE, "cpu.pae");
  expect_error("{\"schema\":\"lapfit-report/1\",\"memory\":{\"usable_mb\":1e300}}",
               LF_ERROR_PARSE, "usable_mb");
}

static void test_lenient(void)
{
  /* Missing sections, nulls and unknown keys load as unknown. */
  g_autoptr(GError) error = NULL;
  g_autoptr(LfReport) r = lf_report_from_json(
      "{\"schema\":\"lapfit-report/1\",\"cpu\":null,\"memory\":{\"usable_mb\":null,"
      "\"future_key\":[1,2]},\"batteries\":[],\"extra\":{}}",
      -1, &error);
  g_assert_no_error(error);
  g_assert_cmpint(r->memory.usable_mb, ==, LF_UNKNOWN);
  g_assert_null(r->cpu.vendor);
}

/* lf_report_to_json() writes straight from the field tables; the json-glib
 * tree it replaced (lf_struct_to_json() + lf_json_to_text()) is the
 * reference: stored fleet reports are hashed, so not one byte may differ. */
static void expect_same_text(const LfReport *r, const char *what)
{
  static const LfJsonFlags all[] = { LF_JSON_DEFAULT, LF_JSON_PRIVATE, LF_JSON_PRETTY,
                                     LF_JSON_PRIVATE | LF_JSON_PRETTY };
  for (gsize i = 0; i < G_N_ELEMENTS(all); i++) {
    g_autoptr(JsonNode) tree = lf_struct_to_json(&lf_report_desc, r, all[i]);
    g_autofree char *want = lf_json_to_text(tree, all[i]);
    g_autofree char *got = lf_report_to_json(r, all[i]);
    if (g_strcmp0(want, got) != 0)
      g_error("%s, flags %d: direct JSON differs from the tree's", what, (int)all[i]);
  }
}

static void test_direct_writer(void)
{
  g_autoptr(LfReport) sample = sample_report();
  expect_same_text(sample, "sample");
  g_autoptr(LfReport) empty = lf_report_new();
  expect_same_text(empty, "empty");
  /* odd values: bad UTF-8, control bytes, infinities, huge numbers, empty
   * arrays, a struct whose last field is private */
  g_autoptr(LfReport) odd = sample_report();
  g_free(odd->machine.vendor);
  odd->machine.vendor = g_strdup("a\"\\\x01\x7f \xff\xfe");
  odd->machine.hostname = g_strdup("host");
  odd->cpu.max_mhz = INFINITY;
  odd->cpu.family = G_MAXINT64;
  odd->cpu.model = G_MININT64 + 1;
  odd->memory.swap_mb = 0;
  odd->cpu.flags = g_ptr_array_new_with_free_func(g_free);
  LfBattery *b = lf_report_add_battery(odd);
  b->design_wh = 1e-300;
  b->full_wh = -0.0;
  b->now_wh = 123456789012345678.0;
  b->serial = g_strdup("S1");
  expect_same_text(odd, "odd");
  g_autoptr(GDir) dir = g_dir_open(LF_TEST_FIXTURES "/reports", 0, NULL);
  g_assert_nonnull(dir);
  guint n = 0;
  for (const char *name; (name = g_dir_read_name(dir));) {
    if (!g_str_has_suffix(name, ".json"))
      continue;
    g_autofree char *path = g_build_filename(LF_TEST_FIXTURES, "reports", name, NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(LfReport) r = lf_report_load(path, &error);
    g_assert_no_error(error);
    expect_same_text(r, name);
    n++;
  }
  g_assert_cmpuint(n, >=, 5);
}

/* The health classes at their boundaries: 80 % is good, 50 % worn, below poor. */
static void test_battery_health(void)
{
  LfBattery b = { .health_pct = NAN };
  g_assert_cmpint(lf_battery_health(&b), ==, LF_BATTERY_HEALTH_UNKNOWN);
  const struct { double pct; LfBatteryHealth want; } cases[] = {
    { 104.0, LF_BATTERY_HEALTH_GOOD }, { 80.0, LF_BATTERY_HEALTH_GOOD },
    { 79.9, LF_BATTERY_HEALTH_WORN },  { 50.0, LF_BATTERY_HEALTH_WORN },
    { 49.9, LF_BATTERY_HEALTH_POOR },  { 0.0, LF_BATTERY_HEALTH_POOR },
  };
  for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
    b.health_pct = cases[i].pct;
    g_assert_cmpint(lf_battery_health(&b), ==, cases[i].want);
  }
}

/* Marker bytes in report text (a hostile CPU brand) never loop or leak: found by
 * the recommend fuzzer as unbounded recursion on an unpaired phrase marker. */
static void test_figures_hostile(void)
{
  static const char *const inputs[] = {
    "\x1c", "a\x1c" "b", "\x1c\x1c\x1c", "x\x1bx\x1c", "\x1d\x1e", "\x1c\x1c\x1c\x1c\x1c\x1c\x1c",
  };
  for (gsize i = 0; i < G_N_ELEMENTS(inputs); i++) {
    g_autofree char *plain = lf_figures_plain(inputs[i]);
    g_autofree char *local = lf_figures_local(inputs[i]);
    g_assert_null(strchr(plain, '\x1c'));
    g_assert_null(strchr(local, '\x1c'));
    g_assert_null(strchr(plain, '\x1b'));
  }
  /* Nested deeper than any sentence lapfit builds: bounded, and the text survives. */
  GString *deep = g_string_new("end");
  for (int i = 0; i < 10000; i++) {
    g_string_prepend_c(deep, '\x1c');
    g_string_append_c(deep, '\x1c');
  }
  g_autofree char *flat = lf_figures_plain(deep->str);
  g_assert_nonnull(strstr(flat, "end"));
  g_string_free(deep, TRUE);
  /* A real phrase still renders. */
  g_autofree char *phrase = lf_phrase("CPU %s is fine", "X");
  g_autofree char *ok = lf_figures_plain(phrase);
  g_assert_cmpstr(ok, ==, "CPU X is fine");
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/report/roundtrip", test_roundtrip);
  g_test_add_func("/report/figures-hostile", test_figures_hostile);
  g_test_add_func("/report/battery-health", test_battery_health);
  g_test_add_func("/report/private-omitted", test_private_omitted);
  g_test_add_func("/report/string-escapes", test_string_escapes);
  g_test_add_func("/report/locale", test_locale_independent);
  g_test_add_func("/report/bad-input", test_bad_input);
  g_test_add_func("/report/lenient", test_lenient);
  g_test_add_func("/report/direct-writer", test_direct_writer);
  return g_test_run();
}
