/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Every CPUID dump format lapfit reads (tests/fixtures/cpuid, written by
 * tests/fixtures/tools/gen-cpuid-dumps.py, plus `cpuid -r` captured on an Intel
 * and an AMD KVM guest) gives the same registers, sub-leaves and hybrid core types. */
#include <string.h>

#include "core/error.h"
#include "probe/cpu-dump.h"
#include "probe/cpu-ident.h"

#define DUMPS LF_TEST_FIXTURES "/cpuid/"

typedef struct {
  const char *file, *format;
  gboolean has_7_1;         /* libcpuid's format has no leaf 7.1, 0xD.1, 0x1F (only sub 0 of
                               leaves < 0x20 as basic_cpuid[n], with 0x1A as basic_cpuid[26]) */
} DumpCase;

static const DumpCase intel_cases[] = {
  { "i7-1355u.libcpuid", "libcpuid", FALSE },
  { "aida64-i7-1355u.txt", "aida64", TRUE },
  { "aida64-registers-i7-1355u.txt", "aida64", TRUE },
  { "i7-1355u.instlatx64", "instlatx64", TRUE },
  { "i7-1355u.aida64-report", "aida64 report", TRUE },
  { "i7-1355u.cpuid-r", "cpuid -r", TRUE },
};

static LfCpuidDump *load(const char *file)
{
  g_autofree char *path = g_strconcat(DUMPS, file, NULL);
  g_autofree char *text = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;
  g_assert_true(g_file_get_contents(path, &text, &len, &error));
  LfCpuidDump *dump = lf_cpuid_dump_parse(text, len, &error);
  g_assert_no_error(error);
  return dump;
}

static void expect_leaf(const LfCpuidCpu *cpu, guint32 leaf, guint32 sub, guint32 eax, guint32 edx)
{
  guint32 r[4];
  if (!lf_cpuid_cpu_get(cpu, leaf, sub, r))
    g_error("leaf 0x%x.%u missing", leaf, sub);
  g_assert_cmphex(r[0], ==, eax);
  g_assert_cmphex(r[3], ==, edx);
}

static void test_intel_hybrid(gconstpointer data)
{
  const DumpCase *c = data;
  g_autoptr(LfCpuidDump) dump = load(c->file);
  g_assert_cmpstr(dump->format, ==, c->format);
  g_assert_cmpuint(dump->cpus->len, ==, 12);
  const LfCpuidCpu *p0 = g_ptr_array_index(dump->cpus, 0), *e0 = g_ptr_array_index(dump->cpus, 4);
  expect_leaf(p0, 4, 3, 0x1C07C163, 4);          /* L3, the fourth cache sub-leaf */
  expect_leaf(e0, 4, 2, 0x1C03C143, 0);          /* the E-core's own L2 */
  expect_leaf(e0, 0xb, 1, 4, 8);                 /* topology: core level, x2APIC 8 */
  if (c->has_7_1) {
    expect_leaf(p0, 7, 1, 0x00400810, 0);
    expect_leaf(p0, 0xd, 1, 0xF, 0);
    expect_leaf(e0, 0x1f, 0, 1, 8);
    expect_leaf(e0, 0x1a, 0, 0x20000001, 0);
  }
  LfCpuidRegs regs;
  lf_cpuid_regs_from_cpu(&regs, p0);
  g_assert_cmpstr(regs.vendor, ==, "GenuineIntel");
  g_assert_cmpstr(regs.brand, ==, "13th Gen Intel(R) Core(TM) i7-1355U");
  g_assert_cmpint(lf_cpuid_model(regs.eax1), ==, 0xBA);

  g_autoptr(LfReport) report = lf_report_new();
  lf_cpu_fill_from_regs(&report->cpu, &regs, lf_cpu_table_builtin());
  g_assert_cmpstr(report->cpu.isa_level, ==, "x86-64-v3");
  gint64 cores, threads;
  lf_cpuid_dump_topology(dump, &cores, &threads);
  g_assert_cmpint(cores, ==, 10);
  g_assert_cmpint(threads, ==, 12);
  g_autoptr(GPtrArray) types = lf_struct_array_new(&lf_cpu_core_type_desc);
  lf_cpuid_dump_core_types(dump, report->cpu.uarch, types);
  g_assert_cmpuint(types->len, ==, 2);
  const LfCpuCoreType *p = g_ptr_array_index(types, 0), *e = g_ptr_array_index(types, 1);
  g_assert_cmpstr(p->kind, ==, "performance");
  g_assert_cmpint(p->cores, ==, 2);
  g_assert_cmpint(p->threads, ==, 4);
  g_assert_cmpstr(p->uarch, ==, "Raptor Cove");
  g_assert_cmpstr(e->kind, ==, "efficiency");
  g_assert_cmpint(e->cores, ==, 8);
  g_assert_cmpint(e->threads, ==, 8);
  g_assert_cmpstr(e->uarch, ==, "Gracemont");
}

/* AMD's cache leaf 0x8000001D sub-leaves, in every format. */
static void test_amd_subleaves(void)
{
  static const char *const files[] = { "r7-7840u.libcpuid", "aida64-r7-7840u.txt",
                                       "aida64-registers-r7-7840u.txt", "r7-7840u.instlatx64",
                                       "r7-7840u.aida64-report", "r7-7840u.cpuid-r" };
  for (guint i = 0; i < G_N_ELEMENTS(files); i++) {
    g_autoptr(LfCpuidDump) dump = load(files[i]);
    g_assert_cmpuint(dump->cpus->len, ==, 1);
    const LfCpuidCpu *cpu = g_ptr_array_index(dump->cpus, 0);
    expect_leaf(cpu, 0x8000001d, 2, 0x4143, 2);
    expect_leaf(cpu, 0x8000001d, 3, 0x3C163, 1);
    LfCpuidRegs regs;
    lf_cpuid_regs_from_cpu(&regs, cpu);
    g_autoptr(LfReport) report = lf_report_new();
    lf_cpu_fill_from_regs(&report->cpu, &regs, lf_cpu_table_builtin());
    g_assert_cmpstr(report->cpu.codename, ==, "Phoenix");
    g_assert_cmpstr(report->cpu.isa_level, ==, "x86-64-v4");
    g_autoptr(GPtrArray) types = lf_struct_array_new(&lf_cpu_core_type_desc);
    lf_cpuid_dump_core_types(dump, report->cpu.uarch, types);
    g_assert_cmpuint(types->len, ==, 0);   /* one CPU, no leaf 0x1A: not hybrid */
  }
}

/* `cpuid -r` captured on the KVM guest this project is developed on. */
static void test_captured(void)
{
  g_autoptr(LfCpuidDump) dump = load("vm-kvm.cpuid-r");
  g_assert_cmpstr(dump->format, ==, "cpuid -r");
  g_assert_cmpuint(dump->cpus->len, ==, 2);
  LfCpuidRegs regs;
  lf_cpuid_regs_from_cpu(&regs, g_ptr_array_index(dump->cpus, 1));
  g_assert_cmpstr(regs.vendor, ==, "GenuineIntel");
  g_assert_cmpint(lf_cpuid_family(regs.eax1), ==, 6);
  g_assert_true((regs.ecx1 >> 31) & 1u);   /* hypervisor bit */
}

/* `cpuid -r` captured on an AMD EPYC (Zen 3, family 0x19 model 0x01) KVM guest: two
 * logical CPUs, AMD's cache leaf 0x8000001D with its sub-leaves, one core per CPU. */
static void test_captured_amd(void)
{
  g_autoptr(LfCpuidDump) dump = load("vm-kvm-epyc.cpuid-r");
  g_assert_cmpstr(dump->format, ==, "cpuid -r");
  g_assert_cmpuint(dump->cpus->len, ==, 2);
  const LfCpuidCpu *cpu1 = g_ptr_array_index(dump->cpus, 1);
  expect_leaf(cpu1, 0x8000001d, 3, 0x4163, 1);   /* the L3 cache, sub-leaf 3 */
  expect_leaf(cpu1, 0xd, 1, 0xF, 0);
  expect_leaf(cpu1, 0xb, 1, 5, 1);               /* x2APIC ID 1 */
  LfCpuidRegs regs;
  lf_cpuid_regs_from_cpu(&regs, cpu1);
  g_assert_cmpstr(regs.vendor, ==, "AuthenticAMD");
  g_assert_cmpstr(regs.brand, ==, "AMD EPYC");
  g_autoptr(LfReport) report = lf_report_new();
  lf_cpu_fill_from_regs(&report->cpu, &regs, lf_cpu_table_builtin());
  g_assert_cmpint(report->cpu.family, ==, 0x19);
  g_assert_cmpint(report->cpu.model, ==, 0x01);
  g_assert_cmpstr(report->cpu.uarch, ==, "Zen 3");
  g_assert_cmpstr(report->cpu.codename, ==, "Milan");
  gint64 cores, threads;
  lf_cpuid_dump_topology(dump, &cores, &threads);
  g_assert_cmpint(cores, ==, 2);
  g_assert_cmpint(threads, ==, 2);
}

/* `cpuid_tool --save` (libcpuid 0.6.2) captured on the same AMD guest: libcpuid's own
 * multi-CPU layout, with no line of dashes at the end. */
static void test_captured_libcpuid_multi(void)
{
  g_autoptr(LfCpuidDump) dump = load("vm-kvm-epyc.libcpuid");
  g_assert_cmpstr(dump->format, ==, "libcpuid");
  g_assert_cmpuint(dump->cpus->len, ==, 2);
  const LfCpuidCpu *cpu1 = g_ptr_array_index(dump->cpus, 1);
  expect_leaf(cpu1, 1, 0, 0x00A00F11, 0x178BFBFF);
  expect_leaf(cpu1, 0x8000001d, 3, 0x4163, 1);
  expect_leaf(cpu1, 0xb, 1, 5, 1);               /* intel_fn11[1]: x2APIC ID 1 */
  LfCpuidRegs regs;
  lf_cpuid_regs_from_cpu(&regs, cpu1);
  g_assert_cmpstr(regs.brand, ==, "AMD EPYC");
  gint64 cores, threads;
  lf_cpuid_dump_topology(dump, &cores, &threads);
  g_assert_cmpint(cores, ==, 2);
  g_assert_cmpint(threads, ==, 2);
}

static void expect_reject(const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LfCpuidDump) dump = lf_cpuid_dump_parse(text, strlen(text), &error);
  g_assert_null(dump);
  g_assert_error(error, LF_ERROR, LF_ERROR_PARSE);
}

static void test_rejects(void)
{
  expect_reject("");
  expect_reject("garbage\n");
  expect_reject("CPU 0:\n   0x00000001 0x00: eax=0x000806ea ebx=0 ecx=0 edx=0\n");   /* no leaf 0 */
  expect_reject("CPUID 00000000: 00000001-00000000-00000000-00000000\n"
                "CPUID 00000001: 000806EA-00000000-00000000-00000000\n");   /* vendor not text */
  expect_reject("CPUID 00000000: 0000000D-756E6547-6C65746E-49656E69\n"
                "CPUID 00000001: 000806EA-00-00000000\n");                  /* short line */
  /* A long line is cut, not overrun; NUL bytes end nothing. */
  g_autofree char *longline = g_strnfill(100000, 'f');
  expect_reject(longline);
  const char nul[] = "basic_cpuid[0]=0000000d 756e6547 6c65746e\0 49656e69\n";
  g_autoptr(GError) error = NULL;
  g_assert_null(lf_cpuid_dump_parse(nul, sizeof nul - 1, &error));
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS(intel_cases); i++) {
    g_autofree char *name = g_strdup_printf("/cpu-dumps/hybrid/%s", intel_cases[i].file);
    g_test_add_data_func(name, &intel_cases[i], test_intel_hybrid);
  }
  g_test_add_func("/cpu-dumps/amd-subleaves", test_amd_subleaves);
  g_test_add_func("/cpu-dumps/captured-cpuid-r", test_captured);
  g_test_add_func("/cpu-dumps/captured-cpuid-r-amd", test_captured_amd);
  g_test_add_func("/cpu-dumps/captured-libcpuid-multi", test_captured_libcpuid_multi);
  g_test_add_func("/cpu-dumps/rejects", test_rejects);
  return g_test_run();
}
