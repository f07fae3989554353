/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The data/cpu TSV files: every row valid, no shadowed rows, and lookups for laptop
 * CPUs from Pentium M to Zen 5 (family/model/stepping/brand -> generation). */
#include <string.h>

#include "core/error.h"
#include "probe/cpu-ident.h"

#define SRCDIR LF_TEST_FIXTURES "/../.."

/* Each TSV parses (a malformed row fails here with file:line), the whole
 * table has no duplicate or shadowed row, and the embedded copy matches. */
static void test_files_valid(void)
{
  static const char *const files[] = { "data/cpu/intel.tsv", "data/cpu/amd.tsv",
                                        "data/cpu/other.tsv" };
  g_autoptr(LfCpuTable) table = lf_cpu_table_new();
  for (guint i = 0; i < G_N_ELEMENTS(files); i++) {
    g_autofree char *path = g_build_filename(SRCDIR, files[i], NULL);
    g_autofree char *text = NULL;
    gsize len = 0;
    g_autoptr(GError) error = NULL;
    g_assert_true(g_file_get_contents(path, &text, &len, &error));
    g_assert_true(g_str_has_prefix(text, "# "));   /* opens with the column documentation */
    lf_cpu_table_add_tsv(table, files[i], text, len, &error);
    g_assert_no_error(error);
  }
  g_autoptr(GError) error = NULL;
  lf_cpu_table_check(table, &error);
  g_assert_no_error(error);
  g_assert_cmpuint(lf_cpu_table_size(table), >, 200);

  const LfCpuTable *builtin = lf_cpu_table_builtin();
  g_assert_nonnull(builtin);
  g_assert_cmpuint(lf_cpu_table_size(builtin), ==, lf_cpu_table_size(table));
  lf_cpu_table_check(builtin, &error);
  g_assert_no_error(error);

  for (guint i = 0; i < lf_cpu_table_size(table); i++) {
    const LfCpuRow *r = lf_cpu_table_row(table, i);
    g_assert_cmpint(r->year, >=, 1993);
    g_assert_cmpint(r->year, <=, 2026);
    g_assert_nonnull(r->source);
    /* Every source names its confidence. */
    if (strstr(r->source, "[O]") == NULL && strstr(r->source, "[S]") == NULL &&
        strstr(r->source, "[D]") == NULL && strstr(r->source, "[I]") == NULL &&
        strstr(r->source, "[?]") == NULL)
      g_error("%s:%u: source has no confidence tag", r->file, r->line);
    g_assert_nonnull(r->generation);
  }
}

static void expect_error(const char *tsv, const char *fragment)
{
  g_autoptr(LfCpuTable) table = lf_cpu_table_new();
  g_autoptr(GError) error = NULL;
  gboolean ok = lf_cpu_table_add_tsv(table, "bad.tsv", tsv, strlen(tsv), &error) &&
                lf_cpu_table_check(table, &error);
  g_assert_false(ok);
  g_assert_error(error, LF_ERROR, LF_ERROR_PARSE);
  if (strstr(error->message, fragment) == NULL)
    g_error("message '%s' lacks '%s'", error->message, fragment);
}

static void test_malformed_rows(void)
{
  const char *good = "intel\t0x6\t0x8E\t*\t*\tSkylake\tKaby Lake\t7th gen Core\t2016\t14 nm\tkernel [O]\n";
  g_autoptr(LfCpuTable) table = lf_cpu_table_new();
  g_autoptr(GError) error = NULL;
  g_assert_true(lf_cpu_table_add_tsv(table, "ok.tsv", good, strlen(good), &error));
  g_assert_no_error(error);

  expect_error("# c\n\nintel\t0x6\t0x8E\t*\t*\tSkylake\n", "bad.tsv:3: 6 columns");
  expect_error("intel\t0x6\t0x8E\t*\t*\tSkylake\tKaby Lake\t7th gen\t2016\t14 nm\t-\n",
               "bad.tsv:1: source column is empty");
  expect_error("intel\t0x6\t0x8E\t*\t*\tSkylake\tKaby Lake\t7th gen\t1970\t14 nm\tx [O]\n",
               "bad.tsv:1: launch year");
  expect_error("intel\t0x6\t0x8E\t*\t*\tSkylake\tKaby Lake\t7th gen\t20x6\t14 nm\tx [O]\n",
               "launch year");
  expect_error("arm\t0x6\t0x8E\t*\t*\tSkylake\tKaby Lake\t7th gen\t2016\t14 nm\tx [O]\n",
               "unknown vendor");
  expect_error("intel\t0x6\t0x1F-0x10\t*\t*\tSkylake\tKaby Lake\t7th gen\t2016\t14 nm\tx [O]\n",
               "bad model");
  expect_error("intel\tsix\t0x8E\t*\t*\tSkylake\tKaby Lake\t7th gen\t2016\t14 nm\tx [O]\n",
               "bad family");
  expect_error("intel\t0x6\t0x8E\tA\t*\tSkylake\tKaby Lake\t7th gen\t2016\t14 nm\tx [O]\n",
               "bad stepping");
  expect_error("intel\t0x6\t0x8E\t*\t*\t Skylake\tKaby Lake\t7th gen\t2016\t14 nm\tx [O]\n",
               "stray spaces");
  expect_error("intel\t0x6\t0x8E\t*\t*\xc3|*\tSkylake\tKaby Lake\t7th gen\t2016\t14 nm\tx [O]\n",
               "not valid UTF-8");
  expect_error("intel\t0x6\t0x8E\t*\t*\xc3\xa9*\tSkylake\tKaby Lake\t7th gen\t2016\t14 nm\tx [O]\n",
               "not printable ASCII");
  expect_error("intel\t0x6\t0x8E\t*\t*\tSkylake\tKaby Lake\t7th gen\t2016\t14 nm\tx [O]\n"
               "intel\t0x6\t0x8E\t*\t*\tSkylake\tKaby Lake\t8th gen\t2017\t14 nm\ty [O]\n",
               "bad.tsv:2: duplicate key of bad.tsv:1");
  expect_error("intel\t0x6\t0x80-0x8F\t*\t*\tSkylake\tKaby Lake\t7th gen\t2016\t14 nm\tx [O]\n"
               "intel\t0x6\t0x8E\t0xA\t*i5*\tSkylake\tKaby Lake-R\t8th gen\t2017\t14 nm\ty [O]\n",
               "bad.tsv:2: never matches, shadowed by bad.tsv:1");
}

typedef struct {
  const char *vendor;
  gint family, model, stepping;
  const char *brand;
  const char *codename;     /* substring of the codename */
  const char *generation;   /* exact */
  gint year;
} LookupCase;

static const LookupCase cases[] = {
  /* Intel 32-bit and early 64-bit */
  { "GenuineIntel", 6, 0x09, 5, "Intel(R) Pentium(R) M processor 1300MHz", "Banias", "Pentium M", 2003 },
  { "GenuineIntel", 6, 0x0D, 6, "Intel(R) Pentium(R) M processor 1.60GHz", "Dothan", "Pentium M", 2004 },
  { "GenuineIntel", 6, 0x0D, 8, "Intel(R) Pentium(R) M processor 1.86GHz", "Dothan", "Pentium M", 2004 },
  { "GenuineIntel", 6, 0x0E, 8, "Genuine Intel(R) CPU T2400 @ 1.83GHz", "Yonah", "Core Duo / Core Solo", 2006 },
  { "GenuineIntel", 0xF, 0x04, 1, "Intel(R) Pentium(R) 4 CPU 3.00GHz", "Prescott", "Pentium 4 / Celeron D", 2004 },
  { "GenuineIntel", 6, 0x1C, 2, "Intel(R) Atom(TM) CPU N270   @ 1.60GHz", "Diamondville", "Atom N200 (netbook)", 2008 },
  { "GenuineIntel", 6, 0x1C, 10, "Intel(R) Atom(TM) CPU N450   @ 1.66GHz", "Pineview", "Atom N400/N500/D400/D500", 2010 },
  { "GenuineIntel", 6, 0x1C, 10, "Intel(R) Atom(TM) CPU D525   @ 1.80GHz", "Pineview", "Atom N400/N500/D400/D500", 2010 },
  { "GenuineIntel", 6, 0x1C, 2, NULL, "", "Atom (Bonnell)", 2008 },
  { "GenuineIntel", 6, 0x36, 1, "Intel(R) Atom(TM) CPU N2800   @ 1.86GHz", "Cedarview", "Atom N2000/D2000", 2011 },
  { "GenuineIntel", 6, 0x0F, 11, "Intel(R) Core(TM)2 Duo CPU     T7500  @ 2.20GHz", "Merom", "Core 2", 2006 },
  { "GenuineIntel", 6, 0x0F, 13, "Intel(R) Pentium(R) Dual  CPU  E2160  @ 1.80GHz", "Merom", "Pentium Dual-Core (Core 2 based)", 2007 },
  { "GenuineIntel", 6, 0x17, 6, "Intel(R) Core(TM)2 Duo CPU     P8400  @ 2.26GHz", "Penryn", "Core 2", 2008 },
  { "GenuineIntel", 6, 0x17, 10, "Pentium(R) Dual-Core CPU       T4500  @ 2.30GHz", "Penryn", "Pentium Dual-Core (Penryn)", 2008 },
  /* Intel Core i */
  { "GenuineIntel", 6, 0x25, 5, "Intel(R) Core(TM) i5 CPU       M 520  @ 2.40GHz", "Arrandale", "1st gen Core", 2010 },
  { "GenuineIntel", 6, 0x25, 5, "Intel(R) Pentium(R) CPU        P6100  @ 2.00GHz", "Arrandale", "Pentium/Celeron (Westmere)", 2010 },
  { "GenuineIntel", 6, 0x2A, 7, "Intel(R) Core(TM) i5-2520M CPU @ 2.50GHz", "Sandy Bridge", "2nd gen Core", 2011 },
  { "GenuineIntel", 6, 0x2A, 7, "Intel(R) Celeron(R) CPU G540 @ 2.50GHz", "Sandy Bridge", "Pentium/Celeron (Sandy Bridge)", 2011 },
  { "GenuineIntel", 6, 0x3A, 9, "Intel(R) Core(TM) i5-3470 CPU @ 3.20GHz", "Ivy Bridge", "3rd gen Core", 2012 },
  { "GenuineIntel", 6, 0x45, 1, "Intel(R) Core(TM) i5-4300U CPU @ 1.90GHz", "Haswell", "4th gen Core", 2013 },
  { "GenuineIntel", 6, 0x3D, 4, "Intel(R) Core(TM) i5-5200U CPU @ 2.20GHz", "Broadwell", "5th gen Core", 2014 },
  { "GenuineIntel", 6, 0x4E, 3, "Intel(R) Core(TM) i5-6300U CPU @ 2.40GHz", "Skylake", "6th gen Core", 2015 },
  { "GenuineIntel", 6, 0x4E, 3, "Intel(R) Pentium(R) CPU 4405U @ 2.10GHz", "Skylake", "Pentium/Celeron (Skylake)", 2015 },
  { "GenuineIntel", 6, 0x8E, 9, "Intel(R) Core(TM) i5-7200U CPU @ 2.50GHz", "Kaby Lake", "7th gen Core", 2016 },
  { "GenuineIntel", 6, 0x8E, 9, "Intel(R) Core(TM) m3-8100Y CPU @ 1.10GHz", "Amber Lake", "8th gen Core", 2018 },
  { "GenuineIntel", 6, 0x8E, 10, "Intel(R) Core(TM) i5-8250U CPU @ 1.60GHz", "Kaby Lake-R", "8th gen Core", 2017 },
  { "GenuineIntel", 6, 0x8E, 10, "Intel(R) Core(TM) i5-8350U CPU @ 1.70GHz", "Kaby Lake-R", "8th gen Core", 2017 },
  { "GenuineIntel", 6, 0x8E, 10, "Intel(R) Core(TM) i5-8259U CPU @ 2.30GHz", "Coffee Lake-U", "8th gen Core", 2018 },
  { "GenuineIntel", 6, 0x8E, 11, "Intel(R) Core(TM) i7-8565U CPU @ 1.80GHz", "Whiskey Lake", "8th gen Core", 2018 },
  { "GenuineIntel", 6, 0x8E, 12, "Intel(R) Core(TM) i5-8265U CPU @ 1.60GHz", "Whiskey Lake", "8th gen Core", 2018 },
  { "GenuineIntel", 6, 0x8E, 12, "Intel(R) Core(TM) i5-10210U CPU @ 1.60GHz", "Comet Lake", "10th gen Core", 2019 },
  { "GenuineIntel", 6, 0x8E, 12, "Intel(R) Core(TM) i5-10210Y CPU @ 1.00GHz", "Amber Lake", "10th gen Core", 2019 },
  { "GenuineIntel", 6, 0x8E, 12, NULL, "Whiskey Lake or Comet Lake", "8th or 10th gen Core", 2018 },
  { "GenuineIntel", 6, 0x8E, -1, "Intel(R) Core(TM) i5-8250U CPU @ 1.60GHz", "Kaby Lake family", "7th to 10th gen Core", 2016 },
  { "GenuineIntel", 6, 0x9E, 9, "Intel(R) Core(TM) i7-8705G CPU @ 3.10GHz", "Kaby Lake-G", "8th gen Core", 2018 },
  { "GenuineIntel", 6, 0x9E, 10, "Intel(R) Core(TM) i7-8750H CPU @ 2.20GHz", "Coffee Lake", "8th gen Core", 2017 },
  { "GenuineIntel", 6, 0x9E, 10, "Intel(R) Core(TM) i7-9750H CPU @ 2.60GHz", "Coffee Lake-H", "9th gen Core", 2019 },
  { "GenuineIntel", 6, 0xA5, 2, "Intel(R) Core(TM) i7-10750H CPU @ 2.60GHz", "Comet Lake", "10th gen Core", 2020 },
  { "GenuineIntel", 6, 0xA6, 0, "Intel(R) Core(TM) i7-10710U CPU @ 1.10GHz", "Comet Lake-U 6+2", "10th gen Core", 2019 },
  { "GenuineIntel", 6, 0x7E, 5, "Intel(R) Core(TM) i5-1035G1 CPU @ 1.00GHz", "Ice Lake", "10th gen Core", 2019 },
  { "GenuineIntel", 6, 0x8C, 1, "11th Gen Intel(R) Core(TM) i5-1135G7 @ 2.40GHz", "Tiger Lake", "11th gen Core", 2020 },
  { "GenuineIntel", 6, 0x8C, 1, "Intel(R) Pentium(R) Gold 7505 @ 2.00GHz", "Tiger Lake", "Pentium/Celeron (Tiger Lake)", 2020 },
  { "GenuineIntel", 6, 0x8D, 1, "11th Gen Intel(R) Core(TM) i7-11800H @ 2.30GHz", "Tiger Lake-H", "11th gen Core", 2021 },
  { "GenuineIntel", 6, 0x9A, 3, "12th Gen Intel(R) Core(TM) i7-1255U", "Alder Lake", "12th gen Core", 2022 },
  { "GenuineIntel", 6, 0x97, 2, "12th Gen Intel(R) Core(TM) i9-12900K", "Alder Lake", "12th gen Core", 2021 },
  { "GenuineIntel", 6, 0xB7, 1, "13th Gen Intel(R) Core(TM) i9-13900K", "Raptor Lake", "13th gen Core", 2022 },
  { "GenuineIntel", 6, 0xB7, 1, "Intel(R) Core(TM) i9-14900K", "Raptor Lake-S Refresh", "14th gen Core", 2023 },
  { "GenuineIntel", 6, 0xB7, 1, "Intel(R) Xeon(R) E-2488", "Raptor Lake", "13th or 14th gen Core", 2022 },
  { "GenuineIntel", 6, 0xBA, 3, "13th Gen Intel(R) Core(TM) i7-1355U", "Raptor Lake", "13th gen Core", 2023 },
  { "GenuineIntel", 6, 0xBA, 3, "Intel(R) Core(TM) 7 150U", "Raptor Lake-U Refresh", "Core Series 1", 2024 },
  { "GenuineIntel", 6, 0xBF, 2, "13th Gen Intel(R) Core(TM) i5-13500", "Raptor Lake", "13th gen Core", 2023 },
  { "GenuineIntel", 6, 0xBE, 0, "Intel(R) N100", "Alder Lake-N", "Intel Processor N / Core i3-N (Alder Lake-N)", 2023 },
  { "GenuineIntel", 6, 0xBE, 0, "Intel(R) Core(TM) 3 N355", "Twin Lake", "Intel Processor N / Core 3 N (Twin Lake)", 2025 },
  { "GenuineIntel", 6, 0xAA, 4, "Intel(R) Core(TM) Ultra 7 155H", "Meteor Lake", "Core Ultra Series 1", 2023 },
  { "GenuineIntel", 6, 0xBD, 1, "Intel(R) Core(TM) Ultra 7 258V", "Lunar Lake", "Core Ultra Series 2 (200V)", 2024 },
  { "GenuineIntel", 6, 0xC5, 2, "Intel(R) Core(TM) Ultra 9 285H", "Arrow Lake-H", "Core Ultra Series 2 (200H)", 2025 },
  { "GenuineIntel", 6, 0xC6, 2, "Intel(R) Core(TM) Ultra 9 275HX", "Arrow Lake-S/HX", "Core Ultra Series 2 (200S/200HX)", 2024 },
  { "GenuineIntel", 6, 0xB5, 0, "Intel(R) Core(TM) Ultra 7 265U", "Arrow Lake-U", "Core Ultra Series 2 (200U)", 2025 },
  { "GenuineIntel", 6, 0x37, 3, "Intel(R) Atom(TM) CPU  Z3740  @ 1.33GHz", "Bay Trail", "Atom Z3000 / Celeron N2000 / Pentium N3500 (Bay Trail)", 2013 },
  { "GenuineIntel", 6, 0x7A, 8, "Intel(R) Celeron(R) N4020 CPU @ 1.10GHz", "Gemini Lake Refresh", "Celeron N4020 / Pentium Silver N5030 (Gemini Lake Refresh)", 2019 },
  { "GenuineIntel", 6, 0x9C, 0, "Intel(R) Celeron(R) N5105 @ 2.00GHz", "Jasper Lake", "Celeron N4500 / Pentium Silver N6000 (Jasper Lake)", 2021 },
  /* AMD */
  { "AuthenticAMD", 0xF, 0x24, 2, "AMD Turion(tm) 64 Mobile Technology ML-34", "Lancaster", "Turion 64", 2005 },
  { "AuthenticAMD", 0xF, 0x48, 2, "AMD Turion(tm) 64 X2 Mobile Technology TL-60", "Taylor", "Turion 64 X2", 2006 },
  { "AuthenticAMD", 0x11, 0x03, 1, "AMD Turion(tm) X2 Ultra Dual-Core Mobile ZM-82", "Griffin", "Turion X2 Ultra", 2008 },
  { "AuthenticAMD", 0x10, 0x06, 3, "AMD Turion(tm) II P520 Dual-Core Processor", "Caspian", "Turion II", 2009 },
  { "AuthenticAMD", 0x14, 0x02, 0, "AMD E-450 APU with Radeon(tm) HD Graphics", "Zacate", "C-Series / E-Series (Brazos)", 2011 },
  { "AuthenticAMD", 0x16, 0x00, 1, "AMD A4-5000 APU with Radeon(TM) HD Graphics", "Kabini", "E/A-Series (Kabini)", 2013 },
  { "AuthenticAMD", 0x15, 0x10, 1, "AMD A10-4600M APU with Radeon(tm) HD Graphics", "Trinity", "A-Series (Trinity)", 2012 },
  { "AuthenticAMD", 0x15, 0x65, 1, "AMD A12-9700P RADEON R7, 10 COMPUTE CORES 4C+6G", "Bristol Ridge", "A-Series 9000 (Bristol Ridge)", 2016 },
  { "AuthenticAMD", 0x15, 0x70, 0, "AMD A9-9410 RADEON R5, 5 COMPUTE CORES 2C+3G", "Stoney Ridge", "A/E-Series 9000 (Stoney Ridge)", 2016 },
  { "AuthenticAMD", 0x17, 0x01, 1, "AMD Ryzen 7 1700 Eight-Core Processor", "Summit Ridge", "Ryzen 1000 desktop / EPYC 7001", 2017 },
  { "AuthenticAMD", 0x17, 0x11, 0, "AMD Ryzen 5 2500U with Radeon Vega Mobile Gfx", "Raven Ridge", "Ryzen 2000 mobile", 2017 },
  { "AuthenticAMD", 0x17, 0x18, 1, "AMD Ryzen 5 3500U with Radeon Vega Mobile Gfx", "Picasso", "Ryzen 3000 mobile", 2019 },
  { "AuthenticAMD", 0x17, 0x60, 1, "AMD Ryzen 5 4500U with Radeon Graphics", "Renoir", "Ryzen 4000 mobile", 2020 },
  { "AuthenticAMD", 0x17, 0x68, 1, "AMD Ryzen 5 5500U with Radeon Graphics", "Lucienne", "Ryzen 5000 mobile (Zen 2)", 2021 },
  { "AuthenticAMD", 0x17, 0xA0, 0, "AMD Ryzen 5 7520U with Radeon Graphics", "Mendocino", "Ryzen 7020 mobile", 2022 },
  { "AuthenticAMD", 0x19, 0x50, 0, "AMD Ryzen 7 5800H with Radeon Graphics", "Cezanne", "Ryzen 5000 mobile", 2021 },
  { "AuthenticAMD", 0x19, 0x50, 0, "AMD Ryzen 7 5825U with Radeon Graphics", "Barcelo", "Ryzen 5000 mobile (5x25U)", 2022 },
  { "AuthenticAMD", 0x19, 0x44, 1, "AMD Ryzen 7 6800HS with Radeon Graphics", "Rembrandt", "Ryzen 6000 mobile", 2022 },
  { "AuthenticAMD", 0x19, 0x44, 1, "AMD Ryzen 7 7735HS with Radeon Graphics", "Rembrandt-R", "Ryzen 7035 mobile", 2023 },
  { "AuthenticAMD", 0x19, 0x61, 2, "AMD Ryzen 9 7945HX with Radeon Graphics", "Dragon Range", "Ryzen 7045 mobile (HX)", 2023 },
  { "AuthenticAMD", 0x19, 0x61, 2, "AMD Ryzen 7 7700X 8-Core Processor", "Raphael", "Ryzen 7000 desktop", 2022 },
  { "AuthenticAMD", 0x19, 0x74, 1, "AMD Ryzen 9 7940HS w/ Radeon 780M Graphics", "Phoenix", "Ryzen 7040 mobile", 2023 },
  { "AuthenticAMD", 0x19, 0x75, 2, "AMD Ryzen 7 8845HS w/ Radeon 780M Graphics", "Hawk Point", "Ryzen 8040 mobile", 2024 },
  { "AuthenticAMD", 0x1A, 0x24, 0, "AMD Ryzen AI 9 HX 370 w/ Radeon 890M", "Strix Point", "Ryzen AI 300 mobile", 2024 },
  { "AuthenticAMD", 0x1A, 0x44, 0, "AMD Ryzen 7 9700X 8-Core Processor", "Granite Ridge", "Ryzen 9000 desktop", 2024 },
  /* 1993-2003: P5, P6, K5/K6, K7 mobile, VIA C3 told apart by stepping */
  { "GenuineIntel", 5, 0x04, 3, NULL, "P55C", "Pentium MMX", 1997 },
  { "GenuineIntel", 6, 0x06, 5, "Celeron (Mendocino)", "Mendocino", "Celeron (P6)", 1998 },
  { "GenuineIntel", 6, 0x08, 6, "Pentium III (Coppermine)", "Coppermine", "Pentium III", 1999 },
  { "GenuineIntel", 6, 0x0B, 1, "Intel(R) Pentium(R) III Mobile CPU      1000MHz", "Tualatin",
    "Mobile Pentium III-M", 2001 },
  { "GenuineIntel", 6, 0x0B, 1, "Intel(R) Celeron(TM) CPU                1300MHz", "Tualatin-256",
    "Celeron (P6)", 2001 },
  { "AuthenticAMD", 5, 0x08, 12, "AMD-K6(tm) 3D processor", "Chomper", "K6-2", 1998 },
  { "AuthenticAMD", 5, 0x09, 1, "AMD-K6(tm) 3D+ Processor", "Sharptooth", "K6-III", 1999 },
  { "AuthenticAMD", 5, 0x0D, 4, "AMD K6-2+", "K6-2+", "K6-2+", 2000 },
  { "AuthenticAMD", 6, 0x08, 1, "mobile AMD Athlon(tm) XP-M 2000+", "Thoroughbred",
    "Mobile Athlon XP-M", 2002 },
  { "AuthenticAMD", 6, 0x0A, 0, "AMD Athlon(tm) XP 2500+", "Barton", "Athlon XP", 2003 },
  { "AuthenticAMD", 6, 0x07, 1, "AMD Duron(tm) Processor", "Morgan", "Duron", 2001 },
  { "CentaurHauls", 6, 0x07, 3, "VIA Samuel 2", "Samuel 2", "VIA C3", 2001 },
  { "CentaurHauls", 6, 0x07, 8, "VIA Ezra", "Ezra (C5C)", "VIA C3", 2001 },
  { "CentaurHauls", 6, 0x09, 1, "VIA Nehemiah", "Nehemiah (C5XL)", "VIA C3", 2003 },
  { "  Shanghai  ", 7, 0x5B, 0, "ZHAOXIN KaiSheng KH-40000@2.2GHz", "Yongfeng",
    "Zhaoxin KaiSheng KH-40000", 2023 },
  /* Desktops, workstations and servers by brand on shared models; Celeron M,
   * mobile NetBurst, K8 Sempron, Zhaoxin by model (KX-7000 is Century Avenue). */
  { "GenuineIntel", 6, 0x5E, 3, "Intel(R) Xeon(R) CPU E3-1505M v5 @ 2.80GHz", "Skylake-S/H",
    "Xeon E3-1200 v5 / E3-1500M v5", 2015 },
  { "GenuineIntel", 6, 0x9E, 10, "Intel(R) Xeon(R) E-2176M  CPU @ 2.70GHz", "Coffee Lake",
    "Xeon E3-1200 v6 / E-2100 / E-2200", 2017 },
  { "GenuineIntel", 6, 0x0F, 6, "Intel(R) Xeon(R) CPU            5160  @ 3.00GHz", "Woodcrest",
    "Xeon 3000/5100/5300/7300", 2006 },
  { "GenuineIntel", 6, 0x0D, 8, "Intel(R) Celeron(R) M processor 1.50GHz", "Dothan-1024",
    "Celeron M", 2004 },
  { "GenuineIntel", 0xF, 0x02, 7, "Mobile Intel(R) Pentium(R) 4 - M CPU 2.00GHz", "Northwood",
    "Mobile Pentium 4-M", 2002 },
  { "GenuineIntel", 0x13, 0x01, 0, NULL, "Diamond Rapids", "Xeon (Diamond Rapids)", 2026 },
  { "AuthenticAMD", 0xF, 0x4F, 2, "AMD Sempron(tm) Processor 3400+", "Manila", "Sempron (K8)", 2006 },
  { "AuthenticAMD", 0x15, 0x01, 2, "AMD Opteron(TM) Processor 6272", "Interlagos",
    "Opteron 6200/4200/3200", 2011 },
  { "AuthenticAMD", 0x16, 0x30, 1, "AMD A8-7410 APU with AMD Radeon R5 Graphics", "Carrizo-L",
    "A/E-Series 7000 (Carrizo-L)", 2015 },
  { "  Shanghai  ", 7, 0x6B, 1, "ZHAOXIN KaiXian KX-7000@3.2GHz", "Century Avenue",
    "Zhaoxin KaiXian KX-7000", 2023 },
  { "  Shanghai  ", 6, 0x19, 0, NULL, "ZhangJiang", "Zhaoxin KaiXian ZX-C", 2015 },
  { "GenuineIntel", 5, 0x09, 0, NULL, "", "Quark X1000", 2013 },
  { "AuthenticAMD", 0x1A, 0x88, 0, NULL, "", "Zen 6 (unnamed model)", 2026 },
  /* The other x86 vendors of laptops and small boards, by their CPUID vendor strings */
  { "GenuineTMx86", 5, 0x04, 3, "Transmeta(tm) Crusoe(tm) Processor TM5800", "Crusoe",
    "Transmeta Crusoe TM3200/TM5x00", 2000 },
  { "GenuineTMx86", 0xF, 0x03, 3, "Transmeta Efficeon(tm) Processor TM8800", "Efficeon",
    "Transmeta Efficeon TM8x00", 2004 },
  { "CyrixInstead", 6, 0x00, 2, NULL, "6x86MX", "Cyrix 6x86MX / MII", 1997 },
  { "Geode by NSC", 5, 0x05, 5, NULL, "Geode GX2", "NSC / AMD Geode GX", 2002 },
  { "Vortex86 SoC", 5, 0x02, 2, NULL, "Vortex86DX", "DM&P Vortex86DX", 2007 },
  { "AuthenticAMD", 6, 0x08, 1, "AMD Geode NX 1500+", "Thoroughbred", "Geode NX", 2004 },
  /* VIA/Centaur, Zhaoxin, Hygon */
  { "HygonGenuine", 0x18, 0x00, 1, "Hygon C86 3185  8-core Processor", "Dhyana", "Hygon C86", 2018 },
  { "  Shanghai  ", 7, 0x3B, 0, "ZHAOXIN KaiXian KX-U6780A@2.7GHz", "LuJiaZui",
    "Zhaoxin KaiXian KX-6000 / KaiSheng KH-30000", 2019 },
  { "CentaurHauls", 6, 0x0F, 2, "VIA Nano processor L2200@1600MHz", "Isaiah", "VIA Nano (L2000/U2000)", 2008 },
  { "CentaurHauls", 6, 0x0F, 2, "ZHAOXIN KaiXian ZX-C+ C4580@2.0GHz", "ZhangJiang", "Zhaoxin KaiXian ZX-C", 2015 },
  { "CentaurHauls", 6, 0x0A, 9, "VIA Esther processor 1500MHz", "Esther", "VIA C7", 2005 },
  { "centaur", 6, 0x09, 8, "VIA Nehemiah", "Nehemiah", "VIA C3", 2003 },
};

static void test_lookup(void)
{
  const LfCpuTable *table = lf_cpu_table_builtin();
  g_assert_nonnull(table);
  for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
    const LookupCase *c = &cases[i];
    const LfCpuRow *r = lf_cpu_table_lookup(table, c->vendor, c->family, c->model, c->stepping,
                                            c->brand);
    if (r == NULL)
      g_error("case %u (%s %x/%x/%d '%s'): no row", i, c->vendor, c->family, c->model,
              c->stepping, c->brand);
    if (strstr(r->codename ? r->codename : "", c->codename) == NULL ||
        g_strcmp0(r->generation, c->generation) != 0 || r->year != c->year)
      g_error("case %u ('%s'): got %s:%u codename '%s' generation '%s' year %d", i, c->brand,
              r->file, r->line, r->codename, r->generation, r->year);
  }
}

/* A brand the row's first pattern accepts: a leading '*' dropped, any other
 * '*' a letter (brands are cleaned of trailing spaces), '?' a digit. */
static char *brand_for(const LfCpuRow *r)
{
  if (r->brand == NULL)
    return NULL;
  g_auto(GStrv) alt = g_strsplit(r->brand, "|", 2);
  GString *s = g_string_new(NULL);
  for (const char *p = alt[0]; *p; p++)
    if (*p == '*' && p != alt[0])
      g_string_append_c(s, 'X');
    else if (*p != '*')
      g_string_append_c(s, *p == '?' ? '0' : *p);
  return g_string_free(s, FALSE);
}

/* Every row is reachable: its own family, both ends of its model range, its
 * stepping range (or an unknown stepping when it takes any) and a brand its
 * pattern accepts find that very row, so no row is dead or misordered. */
static void test_round_trip(void)
{
  const LfCpuTable *table = lf_cpu_table_builtin();
  for (guint i = 0; i < lf_cpu_table_size(table); i++) {
    const LfCpuRow *r = lf_cpu_table_row(table, i);
    g_autofree char *brand = brand_for(r);
    gint models[] = { r->model_lo, r->model_hi };
    gboolean any_step = r->step_lo == 0 && r->step_hi == G_MAXINT;
    gint steps[] = { any_step ? -1 : r->step_lo, any_step ? -1 : r->step_hi };
    for (guint m = 0; m < 2; m++)
      for (guint st = 0; st < 2; st++) {
        const LfCpuRow *got = lf_cpu_table_lookup(table, r->vendor, r->family, models[m],
                                                  steps[st], brand);
        if (got != r)
          g_error("%s:%u (%s %x/%x/%d '%s') looks up %s:%u", r->file, r->line, r->vendor,
                  r->family, models[m], steps[st], brand ? brand : "",
                  got ? got->file : "nothing", got ? got->line : 0);
      }
  }
}

static void test_lookup_misses(void)
{
  const LfCpuTable *table = lf_cpu_table_builtin();
  g_assert_null(lf_cpu_table_lookup(table, "GenuineIntel", 6, 0xFF, 1, "x"));
  g_assert_null(lf_cpu_table_lookup(table, "AuthenticAMD", 0x30, 0x00, 0, NULL));
  g_assert_null(lf_cpu_table_lookup(table, "GenuineTMx86", 6, 0x8E, 10, NULL));
  g_assert_null(lf_cpu_table_lookup(table, "UMC UMC UMC ", 4, 0x01, 0, NULL));   /* no such vendor */
  g_assert_null(lf_cpu_table_lookup(table, NULL, 6, 0x8E, 10, NULL));
  g_assert_null(lf_cpu_table_lookup(NULL, "GenuineIntel", 6, 0x8E, 10, NULL));
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/cpu-table/files-valid", test_files_valid);
  g_test_add_func("/cpu-table/malformed-rows", test_malformed_rows);
  g_test_add_func("/cpu-table/lookup", test_lookup);
  g_test_add_func("/cpu-table/lookup-misses", test_lookup_misses);
  g_test_add_func("/cpu-table/round-trip", test_round_trip);
  return g_test_run();
}
