/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Pure CPU identification: ISA level from raw registers, flag names,
 * family/model arithmetic, /proc/cpuinfo parsing, LfCpu filling. */
#include <string.h>

#include "probe/cpu-ident.h"

#define B(n) (1u << (n))

static char *join(const GPtrArray *a)
{
  GString *s = g_string_new(NULL);
  for (guint i = 0; a != NULL && i < a->len; i++)
    g_string_append_printf(s, "%s%s", i ? "," : "", (const char *)g_ptr_array_index(a, i));
  return g_string_free(s, FALSE);
}

/* Baseline x86-64 CPU: leaf 1 EDX of a Core 2, long mode, LAHF, no leaf 7. */
static LfCpuidRegs base64(void)
{
  LfCpuidRegs r = { 0 };
  strcpy(r.vendor, "GenuineIntel");
  r.max_leaf = 0xd;
  r.edx1 = 0xbfebfbff;
  r.max_ext_leaf = 0x80000008;
  r.edx81 = 0x20100800;   /* lm nx syscall */
  r.ecx81 = 0x00000001;   /* lahf_lm */
  r.xcr0 = G_MAXUINT64;
  return r;
}

static void check_level(const LfCpuidRegs *r, const char *level, const char *missing)
{
  GPtrArray *miss = NULL;
  g_assert_cmpstr(lf_cpuid_isa_level(r, &miss), ==, level);
  g_autofree char *m = join(miss);
  g_assert_cmpstr(m, ==, missing);
  g_ptr_array_unref(miss);
}

static void test_isa_levels(void)
{
  /* Core 2 Duo T7500 (6FB): SSSE3 and CX16, no SSE4/POPCNT. */
  LfCpuidRegs core2 = base64();
  core2.eax1 = 0x6fb;
  core2.ecx1 = 0x0000e3bd;
  check_level(&core2, "x86-64-v1", "POPCNT,SSE4_1,SSE4_2");

  /* Sandy Bridge i5-2520M: AVX with OSXSAVE, no AVX2. */
  LfCpuidRegs snb = base64();
  snb.ecx1 = 0x1f9ae3ff;
  check_level(&snb, "x86-64-v2", "AVX2,BMI1,BMI2,F16C,FMA,LZCNT,MOVBE");

  /* The same without OSXSAVE (OS booted with noxsave): AVX is not usable. */
  LfCpuidRegs noxsave = snb;
  noxsave.ecx1 &= ~B(27);
  check_level(&noxsave, "x86-64-v2", "AVX,AVX2,BMI1,BMI2,F16C,FMA,LZCNT,MOVBE,OSXSAVE");

  /* i5-8250U (Intel SDM CPUID values): v3, AVX-512 missing. */
  LfCpuidRegs kbl = base64();
  kbl.ecx1 = 0x7ffafbbf;
  kbl.ebx7 = 0x029c6fbf;
  kbl.ecx81 = 0x00000121;
  check_level(&kbl, "x86-64-v3", "AVX512F,AVX512BW,AVX512CD,AVX512DQ,AVX512VL");

  /* Haswell whose OS did not enable YMM state in XCR0: v2. */
  LfCpuidRegs hsw = base64();
  hsw.ecx1 = 0x7fdaf3bf;
  hsw.ebx7 = 0x000007ab;
  hsw.ecx81 = 0x00000021;
  check_level(&hsw, "x86-64-v3", "AVX512F,AVX512BW,AVX512CD,AVX512DQ,AVX512VL");
  hsw.xcr0 = 0x3;
  check_level(&hsw, "x86-64-v2", "AVX,AVX2,F16C,FMA");

  /* Pentium 4405U (Skylake with AVX, AVX2, BMI fused off): v2. */
  LfCpuidRegs sklp = base64();
  sklp.ecx1 = 0x4fdae3ff;
  sklp.ebx7 = 0x00940697;
  sklp.ecx81 = 0x00000121;
  check_level(&sklp, "x86-64-v2", "AVX,AVX2,BMI1,BMI2,F16C,FMA");

  /* Zen 4 (Ryzen 7840U): AVX-512, which libcpuid 0.6.2 does not decode on AMD. */
  LfCpuidRegs zen4 = base64();
  strcpy(zen4.vendor, "AuthenticAMD");
  zen4.eax1 = 0xa70f41;
  zen4.ecx1 = 0x7ef8320b;
  zen4.ebx7 = 0xf1bf17a9;
  zen4.ecx81 = 0x35c237ff;
  zen4.edx81 = 0x2fd3fbff;
  check_level(&zen4, "x86-64-v4", "");
  /* Without ZMM state (XCR0 = x87|SSE|AVX) it is v3. */
  zen4.xcr0 = 0x7;
  check_level(&zen4, "x86-64-v3", "AVX512F,AVX512BW,AVX512CD,AVX512DQ,AVX512VL");
  /* Leaf 7 beyond the reported maximum does not count. */
  zen4.xcr0 = G_MAXUINT64;
  zen4.max_leaf = 6;
  check_level(&zen4, "x86-64-v2", "AVX2,BMI1,BMI2");

  /* K8 rev C: no SSE3, no LAHF in 64-bit mode. */
  LfCpuidRegs k8 = base64();
  k8.ecx81 = 0;
  k8.ecx1 = 0;
  check_level(&k8, "x86-64-v1", "CMPXCHG16B,LAHF-SAHF,POPCNT,SSE3,SSE4_1,SSE4_2,SSSE3");

  /* Pentium M Dothan (no long mode): i686, needs LM for x86-64. */
  LfCpuidRegs dothan = { 0 };
  dothan.max_leaf = 2;
  dothan.edx1 = 0xafe9fbff;
  dothan.ecx1 = 0x00000180;
  dothan.max_ext_leaf = 0x80000004;
  dothan.edx81 = 0x00100000;
  check_level(&dothan, "i686", "LM");

  /* Athlon XP (K7): no SSE2 either. */
  LfCpuidRegs k7 = { 0 };
  k7.max_leaf = 1;
  k7.edx1 = 0x0383fbff;
  k7.max_ext_leaf = 0x80000008;
  k7.edx81 = 0xc1c3fbff;
  check_level(&k7, "i686", "SSE2,LM");

  /* VIA C3 Samuel 2: no CMOV. */
  LfCpuidRegs c3 = { 0 };
  c3.max_leaf = 1;
  c3.edx1 = 0x00803035;
  check_level(&c3, "i586", "CMOV");

  /* Nothing at all. */
  LfCpuidRegs none = { 0 };
  check_level(&none, "i586", "CMOV");
}

/* Registers from a Linux flag list, as /proc/cpuinfo of these CPUs shows. */
static const char *level_of(const char *flags)
{
  g_auto(GStrv) v = g_strsplit(flags, " ", -1);
  g_autoptr(GPtrArray) a = g_ptr_array_new();
  for (guint i = 0; v[i] != NULL; i++)
    g_ptr_array_add(a, v[i]);
  LfCpuidRegs r = { 0 };
  lf_cpuid_regs_from_flags(&r, a);
  return lf_cpuid_isa_level(&r, NULL);
}

#define BASE "fpu de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat clflush mmx fxsr sse sse2 "

static void test_isa_by_generation(void)
{
  /* Atom N450 (Pineview): 64-bit, SSSE3, no SSE4/POPCNT. */
  g_assert_cmpstr(level_of(BASE "syscall nx lm pni ssse3 cx16 movbe lahf_lm"), ==, "x86-64-v1");
  /* Pentium P6100 (Westmere with SSE4.1/4.2 and POPCNT fused off). */
  g_assert_cmpstr(level_of(BASE "syscall nx lm pni ssse3 cx16 lahf_lm"), ==, "x86-64-v1");
  /* Bobcat E-350: SSSE3, POPCNT, ABM but no SSE4.1. */
  g_assert_cmpstr(level_of(BASE "syscall nx lm pni ssse3 cx16 popcnt lahf_lm abm sse4a"), ==,
                  "x86-64-v1");
  /* Jaguar A4-5000: AVX, F16C, BMI1, MOVBE, no AVX2/FMA. */
  g_assert_cmpstr(level_of(BASE "syscall nx lm pni ssse3 cx16 sse4_1 sse4_2 popcnt movbe xsave avx "
                                "f16c lahf_lm abm bmi1"), ==, "x86-64-v2");
  /* Piledriver A10-4600M: FMA3 and BMI1 but no AVX2. */
  g_assert_cmpstr(level_of(BASE "syscall nx lm pni ssse3 fma cx16 sse4_1 sse4_2 popcnt xsave avx "
                                "f16c lahf_lm abm fma4 bmi1"), ==, "x86-64-v2");
  /* Excavator A12-9700P: AVX2, BMI2, MOVBE. */
  g_assert_cmpstr(level_of(BASE "syscall nx lm pni ssse3 fma cx16 sse4_1 sse4_2 movbe popcnt xsave "
                                "avx f16c lahf_lm abm bmi1 avx2 bmi2"), ==, "x86-64-v3");
  /* Ice Lake i5-1035G1: AVX-512 F/BW/CD/DQ/VL. */
  g_assert_cmpstr(level_of(BASE "syscall nx lm pni ssse3 fma cx16 sse4_1 sse4_2 movbe popcnt xsave "
                                "avx f16c lahf_lm abm bmi1 avx2 bmi2 avx512f avx512dq avx512cd "
                                "avx512bw avx512vl avx512vbmi"), ==, "x86-64-v4");
  /* Knights Landing-style AVX-512F without BW/VL stays v3. */
  g_assert_cmpstr(level_of(BASE "syscall nx lm pni ssse3 fma cx16 sse4_1 sse4_2 movbe popcnt xsave "
                                "avx f16c lahf_lm abm bmi1 avx2 bmi2 avx512f avx512cd"), ==,
                  "x86-64-v3");
  /* Atom N270 and Yonah: no long mode. */
  g_assert_cmpstr(level_of(BASE "nx pni ssse3 movbe lahf_lm"), ==, "i686");
}

static void test_family_model(void)
{
  g_assert_cmpint(lf_cpuid_family(0x000806ea), ==, 6);
  g_assert_cmpint(lf_cpuid_model(0x000806ea), ==, 0x8e);
  g_assert_cmpint(lf_cpuid_stepping(0x000806ea), ==, 10);
  g_assert_cmpint(lf_cpuid_family(0x00a70f41), ==, 0x19);
  g_assert_cmpint(lf_cpuid_model(0x00a70f41), ==, 0x74);
  g_assert_cmpint(lf_cpuid_family(0x00860f01), ==, 0x17);
  g_assert_cmpint(lf_cpuid_model(0x00860f01), ==, 0x60);
  g_assert_cmpint(lf_cpuid_family(0x00000f29), ==, 0xf);   /* Northwood */
  g_assert_cmpint(lf_cpuid_model(0x00000f29), ==, 2);
  g_assert_cmpint(lf_cpuid_family(0x000006d8), ==, 6);     /* Dothan */
  g_assert_cmpint(lf_cpuid_model(0x000006d8), ==, 0xd);
  /* Zhaoxin family 7: Linux adds the extended model from family 6 up. */
  g_assert_cmpint(lf_cpuid_model(0x000306b0 | 0x700), ==, 0x3b);
}

static void test_flags_roundtrip(void)
{
  LfCpuidRegs kbl = base64();
  kbl.ecx1 = 0x7ffafbbf;
  kbl.ebx7 = 0x029c6fbf;
  kbl.ecx81 = 0x00000121;
  g_autoptr(GPtrArray) flags = lf_cpuid_flags(&kbl);
  g_assert_true(lf_strv_contains(flags, "pni"));
  g_assert_true(lf_strv_contains(flags, "abm"));
  g_assert_true(lf_strv_contains(flags, "avx2"));
  g_assert_true(lf_strv_contains(flags, "lahf_lm"));
  g_assert_false(lf_strv_contains(flags, "sse3"));
  g_assert_false(lf_strv_contains(flags, "avx512f"));
  g_assert_cmpstr(g_ptr_array_index(flags, 0), ==, "fpu");
  LfCpuidRegs back = { 0 };
  lf_cpuid_regs_from_flags(&back, flags);
  g_assert_cmphex(back.ecx1, ==, kbl.ecx1);   /* OSXSAVE restored from avx */
  g_assert_cmphex(back.edx1, ==, kbl.edx1 & ~B(20));   /* bit 20 is reserved, unnamed */
  g_assert_cmphex(back.ebx7, ==, kbl.ebx7 & ~B(6) & ~B(13));   /* unnamed bits */
  g_assert_cmpstr(lf_cpuid_isa_level(&back, NULL), ==, "x86-64-v3");
}

static void test_brand(void)
{
  g_assert_cmpfloat(lf_cpu_brand_mhz("Intel(R) Core(TM) i5-8250U CPU @ 1.60GHz"), ==, 1600);
  g_assert_cmpfloat(lf_cpu_brand_mhz("VIA Esther processor @ 800MHz"), ==, 800);
  g_assert_true(isnan(lf_cpu_brand_mhz("AMD Ryzen 5 4500U with Radeon Graphics")));
  g_assert_true(isnan(lf_cpu_brand_mhz("x @ GHz")));
  g_assert_true(isnan(lf_cpu_brand_mhz("x @ -3GHz")));
  g_assert_true(isnan(lf_cpu_brand_mhz("x @ 1e300GHz")));
  g_assert_true(isnan(lf_cpu_brand_mhz(NULL)));
  g_assert_cmpfloat(lf_cpu_brand_mhz("Intel(R) Pentium(R) M processor 1.86GHz"), ==, 1860);
  g_assert_cmpfloat(lf_cpu_brand_mhz("Intel(R) Pentium(R) M processor 1300MHz"), ==, 1300);
  g_assert_true(isnan(lf_cpu_brand_mhz("AMD Athlon(tm) 64 Processor 3200+")));
  g_assert_true(isnan(lf_cpu_brand_mhz("12345")));
  g_autofree char *c = lf_cpu_brand_clean("  Intel(R) Atom(TM) CPU N270   @ 1.60GHz  ");
  g_assert_cmpstr(c, ==, "Intel(R) Atom(TM) CPU N270 @ 1.60GHz");
  g_assert_null(lf_cpu_brand_clean("   "));
  g_autofree char *c2 = lf_cpu_brand_clean("a\033[2Jb");
  g_assert_cmpstr(c2, ==, "a?[2Jb");
}

static const char cpuinfo_x86[] =
    "processor\t: 0\nvendor_id\t: GenuineIntel\ncpu family\t: 6\nmodel\t\t: 142\n"
    "model name\t: Intel(R) Core(TM) i5-8350U CPU @ 1.70GHz\nstepping\t: 10\n"
    "physical id\t: 0\nsiblings\t: 8\ncore id\t\t: 0\ncpu cores\t: 4\n"
    "flags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush "
    "dts acpi mmx fxsr sse sse2 ss ht tm pbe syscall nx pdpe1gb rdtscp lm constant_tsc pni "
    "pclmulqdq ssse3 fma cx16 pcid sse4_1 sse4_2 x2apic movbe popcnt aes xsave avx f16c rdrand "
    "lahf_lm abm 3dnowprefetch fsgsbase bmi1 avx2 smep bmi2 erms invpcid mpx rdseed adx smap\n\n"
    "processor\t: 1\nvendor_id\t: GenuineIntel\nphysical id\t: 0\ncore id\t\t: 1\n\n"
    "processor\t: 2\nvendor_id\t: GenuineIntel\nphysical id\t: 0\ncore id\t\t: 0\n\n"
    "processor\t: 3\nvendor_id\t: GenuineIntel\nphysical id\t: 0\ncore id\t\t: 1\n\n";

static void test_cpuinfo_x86(void)
{
  g_auto(LfCpuinfo) info = { 0 };
  lf_cpuinfo_init(&info);
  g_assert_true(lf_cpuinfo_parse(cpuinfo_x86, strlen(cpuinfo_x86), &info));
  g_assert_cmpstr(info.vendor_id, ==, "GenuineIntel");
  g_assert_cmpint(info.family, ==, 6);
  g_assert_cmpint(info.model, ==, 142);
  g_assert_cmpint(info.stepping, ==, 10);
  g_assert_cmpint(info.threads, ==, 4);
  g_assert_cmpint(info.cores, ==, 2);
  g_assert_null(info.arch);

  g_autoptr(LfReport) report = lf_report_new();
  lf_cpu_fill_from_cpuinfo(&report->cpu, &info, lf_cpu_table_builtin());
  g_assert_cmpstr(report->cpu.isa_level, ==, "x86-64-v3");
  g_assert_cmpstr(report->cpu.generation, ==, "8th gen Core");
  g_assert_cmpstr(report->cpu.codename, ==, "Kaby Lake-R");
  g_assert_cmpint(report->cpu.launch_year, ==, 2017);
  g_assert_cmpint(report->cpu.bits, ==, 64);
  g_assert_cmpint(report->cpu.pae, ==, LF_TRI_TRUE);
  g_assert_cmpint(report->cpu.nx, ==, LF_TRI_TRUE);
  g_assert_cmpint(report->cpu.sse2, ==, LF_TRI_TRUE);
  g_assert_cmpfloat(report->cpu.max_mhz, ==, 1700);
  g_assert_true(lf_strv_contains(report->cpu.flags, "constant_tsc"));
  g_assert_nonnull(report->cpu.table_source);
}

static void test_cpuinfo_arm64(void)
{
  const char *text =
      "processor\t: 0\nBogoMIPS\t: 108.00\nFeatures\t: fp asimd evtstrm crc32 cpuid\n"
      "CPU implementer\t: 0x41\nCPU architecture: 8\nCPU variant\t: 0x0\nCPU part\t: 0xd08\n"
      "CPU revision\t: 3\n\nprocessor\t: 1\nBogoMIPS\t: 108.00\nFeatures\t: fp asimd\n"
      "CPU implementer\t: 0x41\n\n";
  g_auto(LfCpuinfo) info = { 0 };
  lf_cpuinfo_init(&info);
  g_assert_true(lf_cpuinfo_parse(text, strlen(text), &info));
  g_assert_cmpstr(info.arch, ==, "arm64");
  g_assert_cmpstr(info.implementer, ==, "ARM");
  g_assert_cmpint(info.threads, ==, 2);
  g_autoptr(LfReport) report = lf_report_new();
  lf_cpu_fill_from_cpuinfo(&report->cpu, &info, lf_cpu_table_builtin());
  g_assert_cmpstr(report->cpu.isa_level, ==, "arm64");
  g_assert_cmpint(report->cpu.bits, ==, 64);
  g_assert_cmpstr(report->cpu.vendor, ==, "ARM");
  g_assert_null(report->cpu.generation);
  g_assert_cmpint(report->cpu.sse2, ==, LF_TRI_UNKNOWN);

  const char *armv7 = "processor\t: 0\nmodel name\t: ARMv7 Processor rev 4 (v7l)\n"
                      "Features\t: half thumb fastmult vfp edsp neon vfpv3 tls vfpv4\n"
                      "CPU implementer\t: 0x41\nCPU architecture: 7\n";
  g_assert_true(lf_cpuinfo_parse(armv7, strlen(armv7), &info));
  g_assert_cmpstr(info.arch, ==, "arm");
  const char *rv = "processor\t: 0\nhart\t\t: 0\nisa\t\t: rv64imafdc_zicsr\nmmu\t\t: sv39\n";
  g_assert_true(lf_cpuinfo_parse(rv, strlen(rv), &info));
  g_assert_cmpstr(info.arch, ==, "riscv64");
}

static void test_cpuinfo_hostile(void)
{
  static const char *const inputs[] = {
    "",
    "\n\n\n",
    ":::::",
    "processor",
    "processor : x\nvendor_id :\ncpu family : -5\nmodel : 99999999999999999999\nstepping : 1.5\n",
    "flags : \nmodel name :        \n",
    "vendor_id : GenuineIntel\ncpu family : 6\nmodel : 142\n",   /* no flags line */
    "processor : 0\nvendor_id : GenuineIntel\ncpu family : 6\nmodel : 28\nstepping : 2\n"
    "model name : \001\002\377 @ 9999999GHz\nflags : fpu fpu fpu cmov cx8 lm\n",
  };
  for (guint i = 0; i < G_N_ELEMENTS(inputs); i++) {
    g_auto(LfCpuinfo) info = { 0 };
    lf_cpuinfo_init(&info);
    lf_cpuinfo_parse(inputs[i], strlen(inputs[i]), &info);
    g_autoptr(LfReport) report = lf_report_new();
    lf_cpu_fill_from_cpuinfo(&report->cpu, &info, lf_cpu_table_builtin());
  }
  /* No flags: nothing about features is claimed. */
  g_auto(LfCpuinfo) info = { 0 };
  lf_cpuinfo_init(&info);
  lf_cpuinfo_parse(inputs[6], strlen(inputs[6]), &info);
  g_autoptr(LfReport) report = lf_report_new();
  lf_cpu_fill_from_cpuinfo(&report->cpu, &info, lf_cpu_table_builtin());
  g_assert_null(report->cpu.isa_level);
  g_assert_cmpint(report->cpu.pae, ==, LF_TRI_UNKNOWN);
  g_assert_cmpstr(report->cpu.generation, ==, "7th to 10th gen Core");   /* stepping unknown */
  /* Duplicated flags are kept once. */
  lf_cpuinfo_parse(inputs[7], strlen(inputs[7]), &info);
  g_assert_cmpuint(info.flags->len, ==, 4);
}

static void test_fill_regs(void)
{
  const LfCpuTable *table = lf_cpu_table_builtin();

  /* Pentium M 725 (Dothan stepping 6): PAE implemented but not advertised. */
  LfCpuidRegs dothan = { 0 };
  strcpy(dothan.vendor, "GenuineIntel");
  dothan.max_leaf = 2;
  dothan.eax1 = 0x6d6;
  dothan.edx1 = 0xafe9fbbf;   /* no PAE (bit 6) */
  dothan.max_ext_leaf = 0x80000004;
  strcpy(dothan.brand, "        Intel(R) Pentium(R) M processor 1.60GHz");
  g_autoptr(LfReport) r1 = lf_report_new();
  lf_cpu_fill_from_regs(&r1->cpu, &dothan, table);
  g_assert_cmpint(r1->cpu.pae, ==, LF_TRI_FALSE);
  g_assert_cmpstr(r1->cpu.pae_note, ==, "hidden");
  g_assert_cmpint(r1->cpu.nx, ==, LF_TRI_FALSE);
  g_assert_cmpint(r1->cpu.bits, ==, 32);
  g_assert_cmpstr(r1->cpu.isa_level, ==, "i686");
  g_assert_cmpstr(r1->cpu.codename, ==, "Dothan");
  g_assert_cmpstr(r1->cpu.brand, ==, "Intel(R) Pentium(R) M processor 1.60GHz");
  g_assert_cmpfloat(r1->cpu.max_mhz, ==, 1600);   /* no "@" */

  /* Dothan stepping 8 shows PAE: no note. */
  dothan.eax1 = 0x6d8;
  dothan.edx1 |= B(6);
  dothan.max_ext_leaf = 0x80000004;
  g_autoptr(LfReport) r2 = lf_report_new();
  lf_cpu_fill_from_regs(&r2->cpu, &dothan, table);
  g_assert_cmpint(r2->cpu.pae, ==, LF_TRI_TRUE);
  g_assert_null(r2->cpu.pae_note);

  /* Banias never sets the PAE bit either. */
  dothan.eax1 = 0x695;
  dothan.edx1 &= ~B(6);
  strcpy(dothan.brand, "Intel(R) Pentium(R) M processor 1300MHz");
  g_autoptr(LfReport) r6 = lf_report_new();
  lf_cpu_fill_from_regs(&r6->cpu, &dothan, table);
  g_assert_cmpstr(r6->cpu.codename, ==, "Banias");
  g_assert_cmpstr(r6->cpu.pae_note, ==, "hidden");
  g_assert_cmpfloat(r6->cpu.max_mhz, ==, 1300);
  /* A Core Duo without the PAE bit is not a forcepae case. */
  dothan.eax1 = 0x6e8;
  g_autoptr(LfReport) r7 = lf_report_new();
  lf_cpu_fill_from_regs(&r7->cpu, &dothan, table);
  g_assert_cmpint(r7->cpu.pae, ==, LF_TRI_FALSE);
  g_assert_null(r7->cpu.pae_note);

  /* A hypervisor CPU with unknown numbers: no guess. */
  LfCpuidRegs vm = base64();
  vm.eax1 = 0x000f0ff0;   /* family 0xF + 0 = 15, model 0xFF */
  vm.ecx1 = B(31);
  strcpy(vm.brand, "Some Virtual CPU");
  g_autoptr(LfReport) r3 = lf_report_new();
  lf_cpu_fill_from_regs(&r3->cpu, &vm, table);
  g_assert_cmpstr(r3->cpu.generation, ==, "unknown (virtual CPU)");
  g_assert_null(r3->cpu.uarch);
  g_assert_null(r3->cpu.table_source);

  /* QEMU's qemu64 model (AMD K8 numbers) is not an Athlon 64. */
  LfCpuidRegs q = base64();
  strcpy(q.vendor, "AuthenticAMD");
  q.eax1 = 0x000f06b1;
  q.ecx1 = B(31) | B(0) | B(13) | B(23) | B(19) | B(20) | B(9);
  strcpy(q.brand, "QEMU Virtual CPU version 2.5+");
  g_autoptr(LfReport) r4 = lf_report_new();
  lf_cpu_fill_from_regs(&r4->cpu, &q, table);
  g_assert_cmpstr(r4->cpu.generation, ==, "unknown (virtual CPU)");
  g_assert_cmpstr(r4->cpu.isa_level, ==, "x86-64-v2");

  /* A real CPU seen through a hypervisor keeps its table row. */
  LfCpuidRegs kbl = base64();
  kbl.eax1 = 0x806ea;
  kbl.ecx1 = 0x7ffafbbf | B(31);
  kbl.ebx7 = 0x029c6fbf;
  kbl.ecx81 = 0x121;
  strcpy(kbl.brand, "Intel(R) Core(TM) i5-8250U CPU @ 1.60GHz");
  g_autoptr(LfReport) r5 = lf_report_new();
  lf_cpu_fill_from_regs(&r5->cpu, &kbl, table);
  g_assert_cmpstr(r5->cpu.generation, ==, "8th gen Core");
  g_assert_cmpint(r5->cpu.family, ==, 6);
  g_assert_cmpint(r5->cpu.model, ==, 142);
  g_assert_cmpint(r5->cpu.stepping, ==, 10);
  g_assert_cmpfloat(r5->cpu.max_mhz, ==, 1600);
  g_assert_cmpstr(r5->cpu.isa_level, ==, "x86-64-v3");
  g_assert_cmpuint(r5->cpu.missing_for_next_level->len, ==, 5);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/cpu-ident/isa-levels", test_isa_levels);
  g_test_add_func("/cpu-ident/isa-by-generation", test_isa_by_generation);
  g_test_add_func("/cpu-ident/family-model", test_family_model);
  g_test_add_func("/cpu-ident/flags-roundtrip", test_flags_roundtrip);
  g_test_add_func("/cpu-ident/brand", test_brand);
  g_test_add_func("/cpu-ident/cpuinfo-x86", test_cpuinfo_x86);
  g_test_add_func("/cpu-ident/cpuinfo-arm64", test_cpuinfo_arm64);
  g_test_add_func("/cpu-ident/cpuinfo-hostile", test_cpuinfo_hostile);
  g_test_add_func("/cpu-ident/fill-regs", test_fill_regs);
  return g_test_run();
}
