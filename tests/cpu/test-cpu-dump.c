/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The CPU probe on libcpuid raw dumps (the real libcpuid, no mocks): every
 * fixture machine's cpuid.raw decodes cleanly and agrees with its
 * sysroot/proc/cpuinfo; bad dumps give one clear error, never a crash. */
#include <glib/gstdio.h>
#include <libcpuid.h>
#include <string.h>

#include "core/error.h"
#include "probe/probe.h"

#define MACHINES LF_TEST_FIXTURES "/machines"

typedef struct {
  const char *dir;
  const char *vendor;
  gint family, model, stepping;
  const char *isa;
  const char *generation;
  gint bits;
  gint cores, threads;
  LfTri pae, nx;
  const char *missing;      /* missing_for_next_level joined by ',' */
} FixtureCase;

static const FixtureCase fixtures[] = {
  { "pentium-m-2005", "GenuineIntel", 6, 13, 8, "i686", "Pentium M", 32, 1, 1,
    LF_TRI_TRUE, LF_TRI_TRUE, "LM" },
  { "atom-n270-netbook", "GenuineIntel", 6, 28, 2, "i686", "Atom N200 (netbook)", 32, 1, 2,
    LF_TRI_TRUE, LF_TRI_TRUE, "LM" },
  { "core2duo-2008", "GenuineIntel", 6, 15, 11, "x86-64-v1", "Core 2", 64, 2, 2,
    LF_TRI_TRUE, LF_TRI_TRUE, "POPCNT,SSE4_1,SSE4_2" },
  { "sandybridge-2011", "GenuineIntel", 6, 42, 7, "x86-64-v2", "2nd gen Core", 64, 2, 4,
    LF_TRI_TRUE, LF_TRI_TRUE, "AVX2,BMI1,BMI2,F16C,FMA,LZCNT,MOVBE" },
  { "skylake-u-2016", "GenuineIntel", 6, 78, 3, "x86-64-v3", "6th gen Core", 64, 2, 4,
    LF_TRI_TRUE, LF_TRI_TRUE, "AVX512F,AVX512BW,AVX512CD,AVX512DQ,AVX512VL" },
  { "ryzen-4000-2020", "AuthenticAMD", 23, 96, 1, "x86-64-v3", "Ryzen 4000 mobile", 64, 6, 6,
    LF_TRI_TRUE, LF_TRI_TRUE, "AVX512F,AVX512BW,AVX512CD,AVX512DQ,AVX512VL" },
  { "raptorlake-u-2023", "GenuineIntel", 6, 186, 3, "x86-64-v3", "13th gen Core", 64, 10, 12,
    LF_TRI_TRUE, LF_TRI_TRUE, "AVX512F,AVX512BW,AVX512CD,AVX512DQ,AVX512VL" },
  { "meteorlake-2024", "GenuineIntel", 6, 170, 4, "x86-64-v3", "Core Ultra Series 1", 64, 16, 22,
    LF_TRI_TRUE, LF_TRI_TRUE, "AVX512F,AVX512BW,AVX512CD,AVX512DQ,AVX512VL" },
  { "thinkpad-two-batteries", "GenuineIntel", 6, 142, 10, "x86-64-v3", "8th gen Core", 64, 4, 8,
    LF_TRI_TRUE, LF_TRI_TRUE, "AVX512F,AVX512BW,AVX512CD,AVX512DQ,AVX512VL" },
  { "desktop-no-battery", "GenuineIntel", 6, 58, 9, "x86-64-v2", "3rd gen Core", 64, 4, 4,
    LF_TRI_TRUE, LF_TRI_TRUE, "AVX2,BMI1,BMI2,FMA,LZCNT,MOVBE" },
  { "baytrail-tablet", "GenuineIntel", 6, 55, 3, "x86-64-v2", NULL, 64, 4, 4,
    LF_TRI_TRUE, LF_TRI_TRUE, "AVX,AVX2,BMI1,BMI2,F16C,FMA,LZCNT,OSXSAVE" },
};

static char *join(const GPtrArray *a)
{
  GString *s = g_string_new(NULL);
  for (guint i = 0; a != NULL && i < a->len; i++)
    g_string_append_printf(s, "%s%s", i ? "," : "", (const char *)g_ptr_array_index(a, i));
  return g_string_free(s, FALSE);
}

/* Runs lf_probe_cpu on root (a directory) and an optional dump. */
static LfReport *probe(const char *root_dir, const char *dump, GError **error)
{
  g_autoptr(LfSysroot) root = lf_sysroot_new(root_dir, error);
  if (root == NULL)
    return NULL;
  LfProbeOptions opts = { .cpuid_dump = dump };
  LfProbeContext ctx = { .opts = &opts, .root = root, .smbios = NULL };
  g_autoptr(LfReport) report = lf_report_new();
  if (!lf_probe_cpu(&ctx, report, error))
    return NULL;
  return g_steal_pointer(&report);
}

static void on_warning(const char *msg)
{
  g_error("libcpuid warned on a fixture: %s", msg);
}

/* The dump alone, through libcpuid itself: no warnings, right signature. */
static void check_libcpuid(const FixtureCase *c, const char *dump)
{
  struct cpu_raw_data_t raw;
  struct cpu_id_t id;
  cpuid_set_warn_function(on_warning);
  g_assert_cmpint(cpuid_deserialize_raw_data(&raw, dump), ==, 0);
  g_assert_cmpint(cpu_identify(&raw, &id), ==, 0);
  cpuid_set_warn_function(NULL);
  g_assert_cmpstr(id.vendor_str, ==, c->vendor);
  g_assert_cmpint(id.ext_family, ==, c->family);
  g_assert_cmpint(id.ext_model, ==, c->model);
  g_assert_cmpint(id.stepping, ==, c->stepping);
}

static void test_fixture(gconstpointer data)
{
  const FixtureCase *c = data;
  g_autofree char *dir = g_build_filename(MACHINES, c->dir, NULL);
  g_autofree char *dump = g_build_filename(dir, "cpuid.raw", NULL);
  g_autofree char *sysroot = g_build_filename(dir, "sysroot", NULL);
  g_autofree char *cpuinfo = g_build_filename(sysroot, "proc", "cpuinfo", NULL);
  if (!g_file_test(dump, G_FILE_TEST_EXISTS) || !g_file_test(cpuinfo, G_FILE_TEST_EXISTS)) {
    g_test_skip("fixture files missing");
    return;
  }
  check_libcpuid(c, dump);

  g_autoptr(GError) error = NULL;
  g_autoptr(LfReport) a = probe(sysroot, dump, &error);
  g_assert_no_error(error);
  g_autoptr(LfReport) b = probe(sysroot, NULL, &error);
  g_assert_no_error(error);
  g_assert_cmpstr(a->cpu.source, ==, "cpuid-dump");
  g_assert_cmpstr(b->cpu.source, ==, "cpuinfo");

  const LfCpu *cpus[] = { &a->cpu, &b->cpu };
  for (guint i = 0; i < 2; i++) {
    const LfCpu *cpu = cpus[i];
    g_test_message("%s via %s: %s %s", c->dir, cpu->source, cpu->brand, cpu->isa_level);
    g_assert_cmpstr(cpu->vendor, ==, c->vendor);
    g_assert_cmpint(cpu->family, ==, c->family);
    g_assert_cmpint(cpu->model, ==, c->model);
    g_assert_cmpint(cpu->stepping, ==, c->stepping);
    g_assert_cmpstr(cpu->isa_level, ==, c->isa);
    if (c->generation != NULL)
      g_assert_cmpstr(cpu->generation, ==, c->generation);
    else
      g_assert_nonnull(cpu->generation);
    g_assert_nonnull(cpu->table_source);
    g_assert_cmpint(cpu->launch_year, >=, 2003);
    g_assert_cmpint(cpu->bits, ==, c->bits);
    g_assert_cmpint(cpu->cores, ==, c->cores);
    g_assert_cmpint(cpu->threads, ==, c->threads);
    g_assert_cmpint(cpu->pae, ==, c->pae);
    g_assert_cmpint(cpu->nx, ==, c->nx);
    g_assert_cmpint(cpu->sse2, ==, LF_TRI_TRUE);
    g_autofree char *missing = join(cpu->missing_for_next_level);
    g_assert_cmpstr(missing, ==, c->missing);
  }
  /* Both sources describe the same CPU. */
  g_assert_cmpstr(a->cpu.brand, ==, b->cpu.brand);
  g_assert_cmpstr(a->cpu.codename, ==, b->cpu.codename);
  g_assert_cmpfloat(a->cpu.max_mhz, ==, b->cpu.max_mhz);
  /* Every flag derived from the dump is one Linux prints for this CPU. */
  for (guint i = 0; i < a->cpu.flags->len; i++) {
    const char *f = g_ptr_array_index(a->cpu.flags, i);
    if (!lf_strv_contains(b->cpu.flags, f))
      g_error("%s: dump flag '%s' missing from proc/cpuinfo", c->dir, f);
  }
}

static char *write_tmp(const char *name, const char *data, gssize len)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp("lapfit-cpu-XXXXXX", &error);
  g_assert_no_error(error);
  char *path = g_build_filename(dir, name, NULL);
  g_assert_true(g_file_set_contents(path, data, len, &error));
  return path;
}

static void remove_tmp(const char *path)
{
  g_autofree char *dir = g_path_get_dirname(path);
  g_unlink(path);
  g_rmdir(dir);
}

static void expect_dump_error(const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp("lapfit-root-XXXXXX", NULL);
  g_autoptr(LfReport) r = probe(root, path, &error);
  g_rmdir(root);
  g_assert_null(r);
  g_assert_nonnull(error);
  g_test_message("%s", error->message);
  g_assert_nonnull(strstr(error->message, path));
  g_assert_null(strchr(error->message, '\n'));
}

static void test_bad_dumps(void)
{
  static const struct { const char *name, *data; } bad[] = {
    { "garbage.raw", "garbage\nmore garbage\n" },
    { "empty.raw", "" },
    { "truncated.raw", "version=0.6.2\nbasic_cpuid[0]=0000000d 756e65" },
    { "novendor.raw", "version=0.6.2\nbasic_cpuid[0]=0000000d 00000000 00000000 00000000\n"
                      "basic_cpuid[1]=000806ea 00100800 7ffafbbf bfebfbff\n" },
    { "noleaf1.raw", "version=0.6.2\nbasic_cpuid[0]=00000000 756e6547 6c65746e 49656e69\n" },
    { "ctrl.raw", "version=0.6.2\nbasic_cpuid[0]=0000000d 01020304 05060708 090a0b0c\n"
                  "basic_cpuid[1]=000806ea 00100800 7ffafbbf bfebfbff\n" },
    { "arm.raw", "version=0.7.0\narm_midr=410fd083\narm_mpidr=81000000\n" },
  };
  for (guint i = 0; i < G_N_ELEMENTS(bad); i++) {
    g_autofree char *path = write_tmp(bad[i].name, bad[i].data, -1);
    expect_dump_error(path);
    remove_tmp(path);
  }
  g_autofree char *bin = write_tmp("binary.raw", "\0\377\001basic_cpuid[0]=\0\n", 20);
  expect_dump_error(bin);
  remove_tmp(bin);
  expect_dump_error("/nonexistent/lapfit/cpuid.raw");
  g_autofree char *tmpdir = g_dir_make_tmp("lapfit-dir-XXXXXX", NULL);
  expect_dump_error(tmpdir);
  g_rmdir(tmpdir);
}

/* VIA Nano L2200 and Zhaoxin KX-6000: cpu_identify_all() would die on these. */
static void test_via_zhaoxin(void)
{
  const char *via =
      "version=0.6.2\n"
      "basic_cpuid[0]=0000000a 746e6543 736c7561 48727561\n"
      "basic_cpuid[1]=000006f2 00010800 008863a9 afc9fbff\n"
      "ext_cpuid[0]=80000008 00000000 00000000 00000000\n"
      "ext_cpuid[1]=00000000 00000000 00000001 20100800\n"
      "ext_cpuid[2]=20414956 6f6e614e 6f727020 73736563\n"
      "ext_cpuid[3]=4c20726f 30303232 30363140 7a484d30\n"
      "ext_cpuid[4]=00000000 00000000 00000000 00000000\n";
  g_autofree char *path = write_tmp("via.raw", via, -1);
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp("lapfit-root-XXXXXX", NULL);
  g_autoptr(LfReport) r = probe(root, path, &error);
  g_assert_no_error(error);
  g_assert_cmpstr(r->cpu.vendor, ==, "CentaurHauls");
  g_assert_cmpint(r->cpu.family, ==, 6);
  g_assert_cmpint(r->cpu.model, ==, 15);
  g_assert_cmpstr(r->cpu.isa_level, ==, "x86-64-v1");
  g_assert_cmpstr(r->cpu.uarch, ==, "Isaiah");
  g_assert_cmpint(r->cpu.bits, ==, 64);
  remove_tmp(path);

  const char *zx =
      "version=0.6.2\n"
      "basic_cpuid[0]=0000000d 68532020 20206961 68676e61\n"
      "basic_cpuid[1]=000107b0 00080800 76fa3203 bfcbfbff\n"
      "ext_cpuid[0]=80000008 00000000 00000000 00000000\n"
      "ext_cpuid[1]=00000000 00000000 00000121 2c100800\n";
  g_autofree char *zpath = write_tmp("zx.raw", zx, -1);
  g_autoptr(LfReport) z = probe(root, zpath, &error);
  g_assert_no_error(error);
  g_assert_cmpstr(z->cpu.vendor, ==, "  Shanghai  ");
  g_assert_cmpint(z->cpu.family, ==, 7);
  g_assert_cmpint(z->cpu.model, ==, 0x1b);
  g_assert_cmpstr(z->cpu.codename, ==, "WuDaoKou");
  remove_tmp(zpath);
  g_rmdir(root);
}

/* A dump without its machine's proc/cpuinfo: topology from libcpuid, except
 * on hybrid parts where libcpuid's core count is wrong. */
static void test_dump_alone(void)
{
  g_autofree char *root = g_dir_make_tmp("lapfit-root-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *snb = g_build_filename(MACHINES, "sandybridge-2011", "cpuid.raw", NULL);
  g_autoptr(LfReport) a = probe(root, snb, &error);
  g_assert_no_error(error);
  g_assert_cmpint(a->cpu.cores, ==, 2);
  g_assert_cmpint(a->cpu.threads, ==, 4);
  g_assert_cmpfloat(a->cpu.max_mhz, ==, 2500);   /* from the brand: no cpufreq here */
  g_autofree char *mtl = g_build_filename(MACHINES, "meteorlake-2024", "cpuid.raw", NULL);
  g_autoptr(LfReport) b = probe(root, mtl, &error);
  g_assert_no_error(error);
  g_assert_cmpint(b->cpu.cores, ==, LF_UNKNOWN);
  g_assert_cmpint(b->cpu.threads, ==, 22);
  g_assert_true(lf_strv_contains(b->cpu.flags, "hybrid_cpu"));
  /* Another machine's cpuinfo does not describe this dump. */
  g_autofree char *other = g_build_filename(MACHINES, "skylake-u-2016", "sysroot", NULL);
  g_autoptr(LfReport) c = probe(other, mtl, &error);
  g_assert_no_error(error);
  g_assert_cmpint(c->cpu.cores, ==, LF_UNKNOWN);
  g_assert_cmpint(c->cpu.threads, ==, 22);

  /* cpuid_tool --save writes every logical CPU under a header; the reader keeps one. */
  g_autofree char *one = NULL;
  g_assert_true(g_file_get_contents(snb, &one, NULL, NULL));
  char *dashes = strstr(one, "\n----");
  g_assert_nonnull(dashes);
  dashes[1] = '\0';
  const char *body = one + strlen("version=0.6.2\n");
  g_autofree char *multi = g_strdup_printf(
      "version=0.6.2\n\n_________________ Logical CPU #0 _________________\n%s"
      "\n_________________ Logical CPU #1 _________________\n%s", body, body);
  g_autofree char *mpath = write_tmp("multi.raw", multi, -1);
  g_autoptr(LfReport) d = probe(root, mpath, &error);
  g_assert_no_error(error);
  g_assert_cmpint(d->cpu.model, ==, 42);
  g_assert_cmpstr(d->cpu.isa_level, ==, "x86-64-v2");
  remove_tmp(mpath);
  g_rmdir(root);
}

/* A fixture root without proc/cpuinfo and no dump: unknown, not an error. */
static void test_nothing(void)
{
  g_autofree char *root = g_dir_make_tmp("lapfit-root-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LfReport) r = probe(root, NULL, &error);
  g_assert_no_error(error);
  g_assert_null(r->cpu.vendor);
  g_assert_null(r->cpu.isa_level);
  g_assert_cmpuint(r->errors->len, >=, 1);
  g_rmdir(root);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS(fixtures); i++) {
    g_autofree char *name = g_strdup_printf("/cpu-dump/fixture/%s", fixtures[i].dir);
    g_test_add_data_func(name, &fixtures[i], test_fixture);
  }
  g_test_add_func("/cpu-dump/bad-dumps", test_bad_dumps);
  g_test_add_func("/cpu-dump/via-zhaoxin", test_via_zhaoxin);
  g_test_add_func("/cpu-dump/dump-alone", test_dump_alone);
  g_test_add_func("/cpu-dump/nothing", test_nothing);
  return g_test_run();
}
