/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The recommender over hand-written reports of the fixture machines, the
 * embedded requirements table, and hostile reports. */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "core/error.h"
#include "core/report-json.h"
#include "recommend/recommend.h"

static LfDistroTable *table;

static LfReport *load_fixture(const char *name)
{
  g_autofree char *path = g_strdup_printf("%s/reports/recommend/%s.json", LF_TEST_FIXTURES, name);
  g_autoptr(GError) error = NULL;
  LfReport *r = lf_report_load(path, &error);
  g_assert_no_error(error);
  return r;
}

static void options(LfRecommendOptions *opts)
{
  lf_recommend_options_init(opts);
  g_date_set_dmy(&opts->today, 27, G_DATE_NOVEMBER, 2026);
}

/* One expectation: machine x edition -> status, and a reason of `check` whose English
 * message contains `needle` (NULL: any). */
typedef struct {
  const char *machine, *edition;
  LfStatus status;
  const char *check, *needle;
} Case;

static const Case cases[] = {
  /* 2005 Pentium M (Dothan), 512 MB of 2 GB max, BIOS, 32-bit with PAE, ipw2200 */
  { "pentium-m-2005", "lubuntu-26.04", LF_STATUS_FAIL, "arch", "64-bit only" },
  { "pentium-m-2005", "lubuntu-18.04-i386", LF_STATUS_WARN, "ram", "only for that basic use" },
  { "pentium-m-2005", "lubuntu-18.04-i386", LF_STATUS_WARN, "ram", "512 MiB installed" },
  { "pentium-m-2005", "lubuntu-18.04-i386", LF_STATUS_WARN, "cpu-32bit", "PAE" },
  { "pentium-m-2005", "lubuntu-18.04-i386", LF_STATUS_WARN, "support", "ended in 2021-04" },
  { "pentium-m-2005", "lubuntu-18.04", LF_STATUS_FAIL, "arch", "32-bit only" },
  { "pentium-m-2005", "antix-23-i386", LF_STATUS_PASS, "ram", "256 MiB minimum" },
  { "pentium-m-2005", "antix-23-i386", LF_STATUS_PASS, "wifi", "which antiX" },
  { "pentium-m-2005", "bookwormpup32-10.0", LF_STATUS_PASS, "boot", "BIOS" },
  { "pentium-m-2005", "debian-12-lxde-i386", LF_STATUS_WARN, "ram", "below the 1 GiB minimum" },
  { "pentium-m-2005", "ubuntu-mate-26.04", LF_STATUS_FAIL, "installer", "No installer image" },
  { "pentium-m-2005", "alpine-x86", LF_STATUS_WARN, "wifi", "does not carry" },
  /* Pentium M Banias: PAE present but not advertised -> forcepae, not a FAIL */
  { "pentium-m-banias", "lubuntu-18.04-i386", LF_STATUS_WARN, "cpu-32bit", "forcepae" },
  { "pentium-m-banias", "mx-23-xfce-i386", LF_STATUS_WARN, "cpu-32bit", "forcepae" },
  { "pentium-m-banias", "antix-23-i386", LF_STATUS_PASS, "arch", NULL },
  /* Core 2 Duo: x86-64-v1 */
  { "core2duo-2008", "rhel-9", LF_STATUS_FAIL, "isa",
    "CPU lacks x86-64-v2 (no SSE4_1, SSE4_2, POPCNT): Red Hat Enterprise Linux 9 needs v2" },
  { "core2duo-2008", "rocky-10", LF_STATUS_FAIL, "isa", "(it is x86-64-v1)" },
  { "core2duo-2008", "opensuse-leap-16.0", LF_STATUS_FAIL, "isa", "needs v2" },
  { "core2duo-2008", "opensuse-tumbleweed", LF_STATUS_PASS, "arch", NULL },
  { "core2duo-2008", "xubuntu-24.04", LF_STATUS_PASS, "ram", "2 GiB recommended" },
  { "core2duo-2008", "ubuntu-26.04", LF_STATUS_WARN, "disk-kind", "an SSD would help most" },
  /* Sandy Bridge: x86-64-v2 */
  { "sandybridge-2011", "rhel-9", LF_STATUS_WARN, "isa", "CPU is x86-64-v2" },
  { "sandybridge-2011", "rhel-10", LF_STATUS_FAIL, "isa",
    "CPU lacks x86-64-v3 (no AVX2, BMI1, BMI2, FMA, MOVBE): Red Hat Enterprise Linux 10 needs v3" },
  { "sandybridge-2011", "almalinux-10", LF_STATUS_FAIL, "isa", "needs v3" },
  { "sandybridge-2011", "almalinux-10-x86_64_v2", LF_STATUS_WARN, "isa", "needs v2" },
  { "sandybridge-2011", "ubuntu-24.04", LF_STATUS_WARN, "disk-kind", "SSD" },
  /* Bay Trail tablet: 64-bit CPU, 32-bit UEFI, soldered 2 GB, brcmfmac */
  { "baytrail-tablet", "ubuntu-24.04", LF_STATUS_FAIL, "boot", "32-bit UEFI" },
  { "baytrail-tablet", "lubuntu-26.04", LF_STATUS_FAIL, "boot", "no 32-bit UEFI boot loader" },
  { "baytrail-tablet", "arch", LF_STATUS_WARN, "boot", "32-bit UEFI" },
  { "baytrail-tablet", "debian-12-lxde-i386", LF_STATUS_WARN, "boot", "32-bit UEFI" },
  { "baytrail-tablet", "void-i686", LF_STATUS_WARN, "cpu-32bit", "SSE2" },
  { "baytrail-tablet", "popos-24.04", LF_STATUS_WARN, "boot", "32-bit UEFI" },  /* '?' */
  { "baytrail-tablet", "rhel-9", LF_STATUS_WARN, "boot", "not known" },  /* no ia32_uefi fact */
  /* Live USB desktop: the 16 GB boot stick is never the target disk */
  { "desktop-no-battery", "ubuntu-24.04", LF_STATUS_WARN, "disk", "(sda, 500 GB)" },
  { "desktop-no-battery", "xubuntu-26.04", LF_STATUS_PASS, "disk", "sda" },
  /* Atom N270: 32-bit, 1 GB in its only slot */
  { "atom-n270-netbook", "xubuntu-24.04", LF_STATUS_FAIL, "arch", "32-bit only" },
  { "atom-n270-netbook", "void-i686", LF_STATUS_PASS, "ram", "1 GiB installed" },
  /* GMA 3600 (gma500_gfx): Wayland-only desktops warn */
  { "gma3600-netbook", "fedora-44-workstation", LF_STATUS_WARN, "gpu", "gma500_gfx" },
  { "gma3600-netbook", "fedora-44-lxqt", LF_STATUS_PASS, "ram", NULL },
  /* A VM whose installed RAM is only estimated: never a confident RAM verdict */
  { "vm-estimate", "xubuntu-24.04", LF_STATUS_WARN, "ram", "Could not check RAM" },
  { "vm-estimate", "antix-26", LF_STATUS_PASS, "ram", "usable already meets" },
  { "vm-estimate", "rhel-9", LF_STATUS_FAIL, "isa", "needs v2" },
  { "vm-estimate", "rhel-9", LF_STATUS_FAIL, "isa", "virtual machine (kvm)" },
  /* Secure Boot on */
  { "ryzen-4000-2020", "arch", LF_STATUS_WARN, "secure-boot", "switch it off" },
  { "ryzen-4000-2020", "ubuntu-26.04", LF_STATUS_PASS, "ram", "8 GiB installed" },
  { "ryzen-4000-2020", "rocky-10", LF_STATUS_PASS, "isa", "CPU is x86-64-v3" },
};

static void test_cases(void)
{
  for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
    const Case *c = &cases[i];
    g_autoptr(LfReport) report = load_fixture(c->machine);
    LfRecommendOptions opts;
    options(&opts);
    g_autoptr(LfRecommendation) rec = NULL;
    g_autoptr(GError) error = NULL;
    const LfVerdict *v = lf_recommend_one(report, table, &opts, c->edition, &rec, &error);
    g_assert_no_error(error);
    g_assert_nonnull(v);
    gboolean found = FALSE;
    for (guint j = 0; j < v->reasons->len; j++) {
      const LfReason *r = v->reasons->pdata[j];
      if (g_str_equal(r->check, c->check) && (!c->needle || strstr(r->message, c->needle)))
        found = TRUE;
    }
    if (v->status != c->status || !found) {
      g_autoptr(JsonNode) node = lf_verdict_to_json(v);
      g_autofree char *text = lf_json_to_text(node, LF_JSON_PRETTY);
      g_printerr("case %s x %s: want %s with %s \"%s\", got:\n%s\n", c->machine, c->edition,
                 lf_status_to_string(c->status), c->check, c->needle ? c->needle : "",
                 text);
    }
    g_assert_cmpstr(lf_status_to_string(v->status), ==, lf_status_to_string(c->status));
    g_assert_true(found);
  }
}


/* machine x edition -> the cheapest advice (first) has this kind and contains needle. */
typedef struct {
  const char *machine, *edition, *kind, *needle;
} AdviceCase;

static const AdviceCase advice_cases[] = {
  { "pentium-m-2005", "lubuntu-18.04-i386", "ram",
    "Add a 512 MiB module in the free slot to reach 1 GiB (the board takes up to 2 GiB)" },
  { "pentium-m-2005", "lubuntu-26.04", "edition", "a 32-bit edition" },
  { "pentium-m-2005", "debian-12-lxde-i386", "ram",
    "Replace the 512 MiB module with a 2 GiB one to reach 2 GiB (the board takes up to 2 GiB, so a "
    "module added in the free slot would exceed it)" },
  { "core2duo-2008", "rhel-9", "edition", "built for x86-64-v1" },
  { "sandybridge-2011", "rhel-10", "edition", "Red Hat Enterprise Linux 9, built for x86-64-v2" },
  { "sandybridge-2011", "ubuntu-26.04", "ram+ssd", "Add a 2 GiB module in the free slot" },
  { "desktop-no-battery", "ubuntu-24.04", "ssd", "SSD" },
  { "atom-n270-netbook", "debian-12-lxde-i386", "ram", "Replace the 1 GiB module with a 2 GiB one" },
  { "ryzen-4000-2020", "arch", "firmware-setting", "Secure Boot" },
  { "pentium-m-banias", "lubuntu-18.04-i386", "boot-option", "forcepae" },
  { "vm-estimate", "xubuntu-24.04", "vm-memory", "Give the virtual machine more memory" },
  /* RAM at the board maximum (2 GB, one slot): no RAM advice */
  { "gma3600-netbook", "fedora-44-workstation", "ssd", NULL },
  /* soldered RAM: no RAM advice, another edition instead */
  { "baytrail-tablet", "ubuntu-mate-24.04", "edition", NULL },
};

static void test_advice(void)
{
  for (gsize i = 0; i < G_N_ELEMENTS(advice_cases); i++) {
    const AdviceCase *c = &advice_cases[i];
    g_autoptr(LfReport) report = load_fixture(c->machine);
    LfRecommendOptions opts;
    options(&opts);
    g_autoptr(LfRecommendation) rec = NULL;
    const LfVerdict *v = lf_recommend_one(report, table, &opts, c->edition, &rec, NULL);
    g_assert_nonnull(v);
    const LfAdvice *a = v->advice->len ? v->advice->pdata[0] : NULL;
    if (a == NULL || !g_str_equal(a->kind, c->kind) || (c->needle && !strstr(a->message, c->needle)))
      g_printerr("advice %s x %s: want %s \"%s\", got %s \"%s\"\n", c->machine, c->edition,
                 c->kind, c->needle ? c->needle : "", a ? a->kind : "none",
                 a ? a->message : "");
    g_assert_nonnull(a);
    g_assert_cmpstr(a->kind, ==, c->kind);
    if (c->needle)
      if (!strstr(a->message, c->needle)) g_error("%s %s: %s", c->machine, c->edition, a->message);
    if (report->memory.soldered == LF_TRI_TRUE)  /* never "add RAM" to soldered memory */
      for (guint j = 0; j < v->advice->len; j++)
        g_assert_cmpstr(((LfAdvice *)v->advice->pdata[j])->kind, !=, "ram");
  }
}

/* Ranking: FAIL last, supported before ended, lighter desktops first on a weak machine. */
static void test_ranking(void)
{
  g_autoptr(LfReport) report = load_fixture("pentium-m-2005");
  LfRecommendOptions opts;
  options(&opts);
  opts.include_eol = TRUE;
  g_autoptr(LfRecommendation) rec = lf_recommend(report, table, &opts);
  g_assert_true(rec->weak_machine);
  g_assert_cmpstr(rec->ram_basis, ==, "installed");
  g_assert_nonnull(strstr(rec->order_message, "light desktops, because this machine is modest"));
  g_assert_cmpuint(rec->verdicts->len, ==, table->editions->len);
  const LfVerdict *first = rec->verdicts->pdata[0];
  g_assert_cmpint(first->status, ==, LF_STATUS_PASS);
  g_assert_cmpstr(first->edition->arch, ==, "i686");
  for (guint i = 0; i < rec->verdicts->len; i++) {
    const LfVerdict *v = rec->verdicts->pdata[i];
    g_assert_cmpint(v->rank, ==, (int)i + 1);
    if (i == 0)
      continue;
    const LfVerdict *p = rec->verdicts->pdata[i - 1];
    if (p->status == LF_STATUS_FAIL)                      /* FAIL last */
      g_assert_cmpint(v->status, ==, LF_STATUS_FAIL);
    if (v->status != LF_STATUS_FAIL)                      /* supported before ended */
      g_assert_true(p->supported || !v->supported);
  }
  /* Without --all, ended editions are not listed. */
  opts.include_eol = FALSE;
  g_autoptr(LfRecommendation) cur = lf_recommend(report, table, &opts);
  for (guint i = 0; i < cur->verdicts->len; i++)
    g_assert_true(((LfVerdict *)cur->verdicts->pdata[i])->supported);
  g_assert_cmpuint(cur->verdicts->len, <, rec->verdicts->len);

  /* A capable machine (8 GB, v3, SSD): full desktops first among the passing ones. */
  g_autoptr(LfReport) strong = load_fixture("skylake-u-2016");
  g_autoptr(LfRecommendation) s = lf_recommend(strong, table, &opts);
  g_assert_false(s->weak_machine);
  g_assert_cmpint(s->headroom, ==, LF_HEADROOM_CAPABLE);
  g_assert_nonnull(strstr(s->order_message, "full desktops"));
  /* --use server: no desktop or GPU rules, longest support first. */
  opts.use = LF_USE_SERVER;
  g_autoptr(LfRecommendation) srv = lf_recommend(strong, table, &opts);
  const LfVerdict *top = srv->verdicts->pdata[0];
  g_assert_cmpint(top->status, ==, LF_STATUS_PASS);
  g_assert_nonnull(strstr(srv->order_message, "server"));
  g_assert_nonnull(top->edition->support_ends);
  /* Server use ignores the desktop: no HDD or GPU warnings. */
  g_autoptr(LfReport) hdd = load_fixture("sandybridge-2011");
  g_autoptr(LfRecommendation) hs = lf_recommend(hdd, table, &opts);
  for (guint i = 0; i < hs->verdicts->len; i++) {
    const LfVerdict *v = hs->verdicts->pdata[i];
    g_assert_false(lf_verdict_has_check(v, "disk-kind", LF_STATUS_INFO));
    g_assert_false(lf_verdict_has_check(v, "gpu", LF_STATUS_INFO));
  }
  /* Kiosk use: the lightest desktops first even on a strong machine. */
  opts.use = LF_USE_KIOSK;
  g_autoptr(LfRecommendation) k = lf_recommend(strong, table, &opts);
  g_assert_nonnull(strstr(k->order_message, "kiosk"));
  const LfVerdict *k0 = k->verdicts->pdata[0];
  g_assert_cmpint(k0->status, ==, LF_STATUS_PASS);
  g_assert_cmpint(k0->edition->weight, ==, LF_WEIGHT_LIGHT);
}

/* Every row of the embedded table is sane (dbgen checks the text; this checks what lapfit reads). */
static void test_table(void)
{
  g_assert_cmpuint(table->editions->len, >=, 30);
  g_autoptr(GHashTable) ids = g_hash_table_new(g_str_hash, g_str_equal);
  static const char *const confs[] = { "O", "S", "I", "?", NULL };
  for (guint i = 0; i < table->editions->len; i++) {
    const LfDistroEdition *e = table->editions->pdata[i];
    g_assert_false(g_hash_table_contains(ids, e->id));
    g_hash_table_add(ids, e->id);
    g_assert_true(g_str_has_prefix(e->source, "http"));
    g_assert_true(g_strv_contains(confs, e->confidence));
    g_assert_true(g_strv_contains(confs, e->fact[LF_FACT_RAM].confidence));
    g_assert_true(g_str_equal(e->arch, "x86_64") || g_str_equal(e->arch, "i686"));
    if (g_str_equal(e->arch, "x86_64"))
      g_assert_cmpint(e->isa_level, >=, 1);
    if (lf_known_int(e->ram_min_mb) && lf_known_int(e->ram_rec_mb))
      g_assert_cmpint(e->ram_min_mb, <=, e->ram_rec_mb);
    if (lf_known_int(e->ram_min_mb))
      g_assert_true(e->ram_min_mb >= 16 && e->ram_min_mb <= 65536);
    if (lf_known_num(e->disk_min_gb))
      g_assert_true(e->disk_min_gb > 0 && e->disk_min_gb < 1000);
    GDate d;
    if (e->released)
      g_assert_true(lf_distro_parse_date(e->released, FALSE, &d));
    if (e->support_ends && !g_str_equal(e->support_ends, "rolling"))
      g_assert_true(lf_distro_parse_date(e->support_ends, TRUE, &d));
  }
  static const char *const required[] = {
    "lubuntu-18.04-i386", "lubuntu-16.04-i386", "lubuntu-26.04", "xubuntu-26.04", "ubuntu-26.04",
    "kubuntu-26.04", "ubuntu-mate-24.04", "linuxmint-22.3-cinnamon", "linuxmint-22.3-mate",
    "linuxmint-22.3-xfce", "lmde-7", "debian-13-xfce", "debian-12-lxde-i386", "antix-23-i386",
    "mx-25-xfce", "bodhi-7.0", "bookwormpup32-10.0", "peppermint-debian", "zorin-17-lite",
    "fedora-44-workstation", "fedora-44-lxqt", "opensuse-leap-16.0", "alpine-x86_64", "arch",
    "void-i686", "rhel-9", "rhel-10", "almalinux-9", "rocky-10", NULL,
  };
  for (int i = 0; required[i]; i++)
    g_assert_nonnull(lf_distro_table_lookup(table, required[i]));
  const LfDistroEdition *l = lf_distro_table_lookup(table, "lubuntu-18.04-i386");
  g_assert_cmpint(l->ram_min_mb, ==, 512);
  g_assert_cmpint(l->ram_rec_mb, ==, 1024);
  g_assert_true(l->needs_pae);
  g_assert_cmpint(lf_distro_table_lookup(table, "rhel-9")->isa_level, ==, 2);
  g_assert_cmpint(lf_distro_table_lookup(table, "rhel-10")->isa_level, ==, 3);
  /* Per-fact sources default to the row's source; audience ids round-trip. */
  for (guint i = 0; i < table->editions->len; i++) {
    const LfDistroEdition *e = table->editions->pdata[i];
    for (int f = 0; f < LF_FACT_COUNT; f++)
      g_assert_true(g_str_has_prefix(e->fact[f].source, "http"));
    g_assert_cmpint(e->audience, >=, LF_AUDIENCE_UNKNOWN);
    g_assert_cmpint(e->audience, <=, LF_AUDIENCE_EXPERT);
  }
  for (LfAudience a = LF_AUDIENCE_NEWCOMER; a <= LF_AUDIENCE_EXPERT; a++) {
    LfAudience back = LF_AUDIENCE_UNKNOWN;
    g_assert_true(lf_audience_from_string(lf_audience_to_string(a), &back));
    g_assert_cmpint(back, ==, a);
  }
  LfAudience none = LF_AUDIENCE_NEWCOMER;
  g_assert_false(lf_audience_from_string("unknown", &none));
  g_assert_false(lf_audience_from_string(NULL, &none));
}

/* Hostile reports: parse errors are clear; whatever parses gets verdicts, never a crash,
 * and missing facts never give a confident PASS or FAIL. */
static const char *const hostile[] = {
  "{\"schema\":\"lapfit-report/1\"}",
  "{\"schema\":\"lapfit-report/1\",\"machine\":null,\"cpu\":null,\"memory\":null,"
  "\"storage\":null,\"gpus\":null,\"network\":null}",
  "{\"schema\":\"lapfit-report/1\",\"memory\":{\"installed_mb\":9000000000000000000,"
  "\"usable_mb\":-5,\"slots_total\":9000000000000000000,\"slots_used\":-1,"
  "\"max_mb\":-9000000000000000000},\"storage\":[{\"size_gb\":1e300},{\"size_gb\":-1},{}],"
  "\"machine\":{\"firmware\":{\"mode\":\"uefi\",\"uefi_bits\":9000000000000000000}}}",
  "{\"schema\":\"lapfit-report/1\",\"cpu\":{\"isa_level\":\"\",\"bits\":7,"
  "\"missing_for_next_level\":[]},\"gpus\":[{}],\"network\":[{\"kind\":\"wifi\"},{}]}",
  "{\"schema\":\"lapfit-report/1\",\"cpu\":{\"isa_level\":\"arm64\",\"bits\":64}}",
  "{\"schema\":\"lapfit-report/1\",\"cpu\":{\"isa_level\":\"x86-64-v9\"},"
  "\"memory\":{\"installed_mb\":0,\"installed_source\":\"smbios\"}}",
  "{\"schema\":\"lapfit-report/1\",\"memory\":{\"installed_mb\":\"lots\"}}",   /* wrong type */
  "{\"schema\":\"lapfit-report/1\",\"storage\":{\"a\":1}}",                   /* wrong type */
  "[1,2,3]",
  "{\"schema\":\"lapfit-report/9\"}",
  "{\"schema\":",
};

static void test_hostile(void)
{
  for (gsize i = 0; i < G_N_ELEMENTS(hostile); i++) {
    g_autoptr(GError) error = NULL;
    g_autoptr(LfReport) report = lf_report_from_json(hostile[i], -1, &error);
    if (report == NULL) {
      g_assert_nonnull(error);
      g_assert_true(*error->message != '\0');
      continue;
    }
    LfRecommendOptions opts;
    options(&opts);
    opts.include_eol = TRUE;
    g_autoptr(LfRecommendation) rec = lf_recommend(report, table, &opts);
    g_assert_cmpuint(rec->verdicts->len, ==, table->editions->len);
    g_autoptr(JsonNode) node = lf_recommendation_to_json(rec);
    g_autofree char *text = lf_json_to_text(node, 0);
    g_assert_nonnull(text);
    if (i >= 2)
      continue;  /* the first two know nothing: check there is no verdict from a guess */
    for (guint j = 0; j < rec->verdicts->len; j++) {
      const LfVerdict *v = rec->verdicts->pdata[j];
      g_assert_cmpint(v->status, !=, LF_STATUS_PASS);
      if (v->status == LF_STATUS_FAIL)
        g_assert_true(lf_verdict_has_check(v, "installer", LF_STATUS_FAIL));
      g_assert_true(lf_verdict_has_check(v, "arch", LF_STATUS_WARN) ||
                    lf_verdict_has_check(v, "installer", LF_STATUS_FAIL));
    }
  }
}

/* JSON: versioned schema, English messages, one entry per listed verdict. */
static void test_json(void)
{
  g_autoptr(LfReport) report = load_fixture("core2duo-2008");
  LfRecommendOptions opts;
  options(&opts);
  g_autoptr(LfRecommendation) rec = lf_recommend(report, table, &opts);
  g_autoptr(JsonNode) node = lf_recommendation_to_json(rec);
  JsonObject *o = json_node_get_object(node);
  g_assert_cmpstr(json_object_get_string_member(o, "schema"), ==, LF_VERDICTS_SCHEMA);
  g_assert_cmpstr(json_object_get_string_member(o, "today"), ==, "2026-11-27");
  JsonArray *vs = json_object_get_array_member(o, "verdicts");
  g_assert_cmpuint(json_array_get_length(vs), ==, rec->verdicts->len);
  JsonObject *v0 = json_array_get_object_element(vs, 0);
  g_assert_cmpint(json_object_get_int_member(v0, "rank"), ==, 1);
  g_assert_true(json_object_has_member(v0, "reasons"));
  g_assert_true(json_object_has_member(v0, "advice"));
  JsonObject *m = json_object_get_object_member(o, "memory");
  g_assert_cmpstr(json_object_get_string_member(m, "basis"), ==, "installed");
  g_assert_cmpint(json_object_get_int_member(m, "installed_mb"), ==, 2048);
}

/* The probe's golden reports (tests/fixtures/machines/<m>/expected.json), as the other
 * areas fill them in. An expectation that needs the CPU facts waits (with a message)
 * until the CPU probe provides them; the others hold now. */
typedef struct {
  const char *machine, *edition, *check;
  LfStatus reason_status;      /* status of the reason `check` */
  const char *needle;          /* in that reason's message */
  int verdict;                 /* expected verdict status, or -9 = not asserted */
  gboolean needs_cpu;
} MachineCase;

static const MachineCase machine_cases[] = {
  { "pentium-m-2005", "lubuntu-26.04", "arch", LF_STATUS_FAIL, "64-bit only", LF_STATUS_FAIL, TRUE },
  { "pentium-m-2005", "lubuntu-18.04-i386", "ram", LF_STATUS_WARN, "only for that basic use", -9,
    FALSE },
  { "pentium-m-2005", "antix-23-i386", "ram", LF_STATUS_PASS, "512 MiB installed", LF_STATUS_PASS,
    TRUE },
  { "pentium-m-2005", "bookwormpup32-10.0", "boot", LF_STATUS_PASS, "BIOS", LF_STATUS_PASS, TRUE },
  { "core2duo-2008", "rhel-9", "isa", LF_STATUS_FAIL, "CPU lacks x86-64-v2", LF_STATUS_FAIL,
    TRUE },
  { "sandybridge-2011", "rhel-10", "isa", LF_STATUS_FAIL, "CPU lacks x86-64-v3", LF_STATUS_FAIL,
    TRUE },
  { "sandybridge-2011", "rhel-9", "isa", LF_STATUS_PASS, "x86-64-v2", -9, TRUE },
  { "baytrail-tablet", "ubuntu-24.04", "boot", LF_STATUS_FAIL, "32-bit UEFI", LF_STATUS_FAIL,
    FALSE },
  { "baytrail-tablet", "arch", "boot", LF_STATUS_PASS, "32-bit UEFI", -9, FALSE },
  { "baytrail-tablet", "debian-12-lxde-i386", "boot", LF_STATUS_PASS, "32-bit UEFI", -9, FALSE },
  /* The live USB stick (sdb/sda, boot medium) is never the disk judged. */
  { "desktop-no-battery", "ubuntu-24.04", "disk-kind", LF_STATUS_WARN, "(sda)", -9, FALSE },
  { "desktop-no-battery", "ubuntu-24.04", "disk", LF_STATUS_PASS, "(sda, 500 GB)", -9, FALSE },
  { "skylake-u-2016", "ubuntu-24.04", "disk", LF_STATUS_PASS, "(sda, 256 GB)", -9, FALSE },
  { "ryzen-4000-2020", "arch", "secure-boot", LF_STATUS_WARN, "Secure Boot is on", -9, FALSE },
  { "atom-n270-netbook", "xubuntu-24.04", "arch", LF_STATUS_FAIL, "32-bit", LF_STATUS_FAIL, TRUE },
};

static void test_machines(void)
{
  guint checked = 0, waiting = 0;
  for (gsize i = 0; i < G_N_ELEMENTS(machine_cases); i++) {
    const MachineCase *c = &machine_cases[i];
    g_autofree char *path = g_strdup_printf("%s/machines/%s/expected.json", LF_TEST_FIXTURES,
                                            c->machine);
    if (!g_file_test(path, G_FILE_TEST_EXISTS)) {
      g_test_message("%s: no golden report yet", c->machine);
      waiting++;
      continue;
    }
    g_autoptr(GError) error = NULL;
    g_autoptr(LfReport) report = lf_report_load(path, &error);
    g_assert_no_error(error);
    if (c->needs_cpu && report->cpu.isa_level == NULL && !lf_known_int(report->cpu.bits)) {
      g_test_message("%s x %s: waits for the CPU probe's facts", c->machine, c->edition);
      waiting++;
      continue;
    }
    LfRecommendOptions opts;
    options(&opts);
    g_autoptr(LfRecommendation) rec = NULL;
    const LfVerdict *v = lf_recommend_one(report, table, &opts, c->edition, &rec, &error);
    g_assert_no_error(error);
    const LfReason *hit = NULL;
    for (guint j = 0; j < v->reasons->len && !hit; j++) {
      const LfReason *r = v->reasons->pdata[j];
      if (g_str_equal(r->check, c->check) && r->status == c->reason_status &&
          strstr(r->message, c->needle))
        hit = r;
    }
    if (hit == NULL || (c->verdict != -9 && (int)v->status != c->verdict)) {
      g_autoptr(JsonNode) node = lf_verdict_to_json(v);
      g_autofree char *text = lf_json_to_text(node, LF_JSON_PRETTY);
      g_printerr("machine %s x %s: want %s reason %s \"%s\", got:\n%s\n", c->machine,
                 c->edition, lf_status_to_string(c->reason_status), c->check, c->needle, text);
    }
    g_assert_nonnull(hit);
    if (c->verdict != -9)
      g_assert_cmpint(v->status, ==, c->verdict);
    checked++;
  }
  g_test_message("%u machine expectations checked, %u waiting for probe facts", checked,
                 waiting);
}

/* --db FILE: another schema version or a file that is not a database is refused clearly. */
static void test_db_errors(void)
{
  g_autoptr(GError) error = NULL;
  g_assert_null(lf_distro_table_load("/nonexistent/distros.db", &error));
  g_assert_error(error, LF_ERROR, LF_ERROR_DB);
  g_clear_error(&error);

  g_autofree char *dir = g_dir_make_tmp("lapfit-db-XXXXXX", NULL);
  g_autofree char *junk = g_build_filename(dir, "junk.db", NULL);
  g_assert_true(g_file_set_contents(junk, "not a database at all, just text", -1, NULL));
  g_assert_null(lf_distro_table_load(junk, &error));
  g_assert_error(error, LF_ERROR, LF_ERROR_DB);
  g_clear_error(&error);

  /* The embedded bytes written out load the same table; with user_version bumped, they do not. */
  gsize size = 0;
  const guint8 *bytes = lf_distro_db_embedded(&size);
  g_autofree char *copy = g_build_filename(dir, "copy.db", NULL);
  g_assert_true(g_file_set_contents(copy, (const char *)bytes, (gssize)size, NULL));
  g_autoptr(LfDistroTable) t2 = lf_distro_table_load(copy, &error);
  g_assert_no_error(error);
  g_assert_cmpuint(t2->editions->len, ==, table->editions->len);
  g_autofree guint8 *bumped = g_memdup2(bytes, size);
  bumped[60] = 0x7f;   /* SQLite header offset 60: user_version, big-endian */
  g_autofree char *newer = g_build_filename(dir, "newer.db", NULL);
  g_assert_true(g_file_set_contents(newer, (const char *)bumped, (gssize)size, NULL));
  g_assert_null(lf_distro_table_load(newer, &error));
  g_assert_error(error, LF_ERROR, LF_ERROR_DB);
  g_assert_nonnull(strstr(error->message, "schema version"));
  g_unlink(junk);
  g_unlink(copy);
  g_unlink(newer);
  g_rmdir(dir);
}

static void test_unknown_id(void)
{
  g_autoptr(LfReport) report = lf_report_new();
  LfRecommendOptions opts;
  options(&opts);
  g_autoptr(LfRecommendation) rec = NULL;
  g_autoptr(GError) error = NULL;
  g_assert_null(lf_recommend_one(report, table, &opts, "no-such-distro", &rec, &error));
  g_assert_error(error, LF_ERROR, LF_ERROR_NOT_FOUND);
  g_assert_null(rec);
}

/* Issue #10 point 7, Wi-Fi firmware file by file: machine x edition -> a reason of `check`
 * with this status whose message contains `needle`; the firmware advice (kinds
 * firmware-package, firmware-file) is `advice` with `advice_needle`, or none when NULL.
 * `tweak` changes a fact first: 'n' = the edition's image carries no non-free firmware,
 * '?' = that fact is uncertain; 'e' = the machine keeps its Wi-Fi board settings in the EFI
 * variable brcmfmac reads, 'u' = whether it does is not known. */
typedef struct {
  const char *machine, *edition;
  char tweak;
  const char *check;
  LfStatus status;
  const char *needle, *advice, *advice_needle;
} WifiCase;

static const WifiCase wifi_cases[] = {
  /* Bay Trail tablet, brcmfmac43241b4 over SDIO: the firmware is in linux-firmware and in each
   * family's package; the board's NVRAM .txt is in no distribution and is missing here. */
  { "baytrail-tablet", "debian-12-lxde-i386", 0, "wifi", LF_STATUS_PASS,
    "brcm/brcmfmac43241b4-sdio.bin from linux-firmware, which Debian (32-bit PC) 12 \"bookworm\" "
    "i386 ships (package firmware-brcm80211)", "firmware-file",
    "copy the file brcmfmac43241b4-sdio.txt from this machine's Windows Wi-Fi driver" },
  { "baytrail-tablet", "debian-12-lxde-i386", 0, "wifi-file", LF_STATUS_WARN,
    "brcm/brcmfmac43241b4-sdio.txt, a settings file made for each board, which distributions do "
    "not ship", "firmware-file", "perhaps under another name) to "
    "/lib/firmware/brcm/brcmfmac43241b4-sdio.txt" },
  { "baytrail-tablet", "debian-12-lxde-i386", 'e', "wifi-file", LF_STATUS_WARN,
    "this machine keeps those settings in an EFI variable, so after installing Debian (32-bit PC) "
    "12 \"bookworm\" i386 they can be copied from there", "firmware-file",
    "sudo sh -c 'tail -c +5 /sys/firmware/efi/efivars/nvram-74b00bd9-805a-4d61-b51f-43268123d113 "
    "> /lib/firmware/brcm/brcmfmac43241b4-sdio.txt'" },
  { "baytrail-tablet", "debian-12-lxde-i386", 'u', "wifi-file", LF_STATUS_WARN,
    "Debian (32-bit PC) 12 \"bookworm\" i386 will lack it, as this system does", "firmware-file",
    "Some machines keep these settings in the firmware (an EFI variable)" },
  { "baytrail-tablet", "lmde-6-i386", 0, "wifi", LF_STATUS_PASS, "(package firmware-brcm80211)",
    "firmware-file", "/lib/firmware/brcm/brcmfmac43241b4-sdio.txt" },
  { "baytrail-tablet", "arch", 0, "wifi", LF_STATUS_PASS, "(package linux-firmware-broadcom)",
    "firmware-file", NULL },
  { "baytrail-tablet", "arch", 0, "wifi-file", LF_STATUS_WARN, "Arch Linux rolling (monthly ISO) "
    "will lack it, as this system does", "firmware-file", NULL },
  { "baytrail-tablet", "fedora-44-xfce", 0, "wifi", LF_STATUS_PASS, "(package brcmfmac-firmware)",
    "firmware-file", NULL },
  { "baytrail-tablet", "void-i686", 0, "wifi", LF_STATUS_PASS, "which Void Linux rolling (i686) "
    "ships", "firmware-file", NULL },   /* no package name: Void's packaging is not recorded */
  { "baytrail-tablet", "alpine-x86", 0, "wifi", LF_STATUS_WARN, "does not carry", "firmware-file",
    NULL },   /* the .bin is present here: no package advice, only the board file's */
  /* Intel iwlwifi laptop (Wireless 8260): nothing missing, so no firmware advice anywhere */
  { "skylake-u-2016", "ubuntu-24.04", 0, "wifi", LF_STATUS_PASS,
    "Wi-Fi Wireless 8260 needs iwlwifi-8000C-*.ucode from linux-firmware, which Ubuntu 24.04 LTS "
    "ships (package linux-firmware)", NULL, NULL },
  { "skylake-u-2016", "fedora-44-workstation", 0, "wifi", LF_STATUS_PASS,
    "(package iwlwifi-mvm-firmware)", NULL, NULL },
  { "skylake-u-2016", "alpine-x86_64", 0, "wifi", LF_STATUS_WARN,
    "iwlwifi-8000C-*.ucode from linux-firmware, which the install image of Alpine Linux 3.2x "
    "stable does not carry", NULL, NULL },
  { "skylake-u-2016", "debian-13-xfce", 'n', "wifi", LF_STATUS_WARN,
    "does not carry (package firmware-iwlwifi)", NULL, NULL },
  { "skylake-u-2016", "debian-13-xfce", '?', "wifi", LF_STATUS_WARN,
    "could not check whether Debian 13 \"trixie\" ships it", NULL, NULL },
  /* Realtek RTL8723BE laptop, probed where rtlwifi/rtl8723befw*.bin is missing */
  { "rtl8723be-laptop", "debian-13-xfce", 0, "wifi", LF_STATUS_PASS,
    "rtlwifi/rtl8723befw*.bin from linux-firmware, which Debian 13 \"trixie\" ships (package "
    "firmware-realtek)", NULL, NULL },   /* the image brings it: nothing to do */
  { "rtl8723be-laptop", "linuxmint-22.3-xfce", 0, "wifi", LF_STATUS_PASS,
    "(package linux-firmware)", NULL, NULL },
  { "rtl8723be-laptop", "debian-13-xfce", 'n', "wifi", LF_STATUS_WARN,
    "does not carry (package firmware-realtek)", "firmware-package",
    "After installing Debian, install the package firmware-realtek (it has "
    "rtlwifi/rtl8723befw*.bin), over a cable or a USB Wi-Fi adapter that needs no firmware" },
  { "rtl8723be-laptop", "alpine-x86_64", 0, "wifi", LF_STATUS_WARN, "does not carry",
    "firmware-package", "Install the missing Wi-Fi firmware after installing Alpine Linux" },
  /* ipw2200 (2005 Pentium M): linux-firmware, Debian's firmware-ipw2x00 */
  { "pentium-m-2005", "antix-23-i386", 0, "wifi", LF_STATUS_PASS,
    "ipw2200-bss.fw from linux-firmware, which antiX 23 (full, 32-bit) ships (package "
    "firmware-ipw2x00)", NULL, NULL },
};

static const LfAdvice *firmware_advice(const LfVerdict *v)
{
  for (guint j = 0; j < v->advice->len; j++) {
    const LfAdvice *a = v->advice->pdata[j];
    if (g_str_equal(a->kind, "firmware-package") || g_str_equal(a->kind, "firmware-file"))
      return a;
  }
  return NULL;
}

static void check_wifi_case(const WifiCase *c, const LfVerdict *v)
{
  gboolean found = FALSE;
  for (guint j = 0; j < v->reasons->len; j++) {
    const LfReason *r = v->reasons->pdata[j];
    found |= g_str_equal(r->check, c->check) && r->status == c->status &&
             strstr(r->message, c->needle) != NULL;
    /* Never a FAIL: a cable or a USB Wi-Fi adapter replaces the card. */
    g_assert_true(!g_str_has_prefix(r->check, "wifi") || r->status != LF_STATUS_FAIL);
  }
  const LfAdvice *a = firmware_advice(v);
  gboolean advice_ok = c->advice == NULL ? a == NULL
                       : a && g_str_equal(a->kind, c->advice) &&
                             (!c->advice_needle || strstr(a->message, c->advice_needle));
  if (!found || !advice_ok) {
    g_autoptr(JsonNode) node = lf_verdict_to_json(v);
    g_autofree char *text = lf_json_to_text(node, LF_JSON_PRETTY);
    g_error("wifi %s x %s (%c): want %s %s \"%s\", advice %s \"%s\"; got:\n%s", c->machine,
            c->edition, c->tweak ? c->tweak : '-', c->check, lf_status_to_string(c->status),
            c->needle, c->advice ? c->advice : "none",
            c->advice_needle ? c->advice_needle : "", text);
  }
}

static void test_wifi_firmware(void)
{
  for (gsize i = 0; i < G_N_ELEMENTS(wifi_cases); i++) {
    const WifiCase *c = &wifi_cases[i];
    g_autoptr(LfReport) report = load_fixture(c->machine);
    LfDistroEdition *e = (LfDistroEdition *)lf_distro_table_lookup(table, c->edition);
    g_assert_nonnull(e);
    LfTri nonfree = e->nonfree_firmware;
    char *confidence = e->fact[LF_FACT_FIRMWARE].confidence;
    if (c->tweak == 'n')
      e->nonfree_firmware = LF_TRI_FALSE;
    if (c->tweak == '?')
      e->fact[LF_FACT_FIRMWARE].confidence = (char *)"?";
    for (guint j = 0; (c->tweak == 'e' || c->tweak == 'u') && j < report->network->len; j++)
      ((LfNetwork *)report->network->pdata[j])->nvram_efi =
          c->tweak == 'e' ? LF_TRI_TRUE : LF_TRI_UNKNOWN;
    LfRecommendOptions opts;
    options(&opts);
    g_autoptr(LfRecommendation) rec = NULL;
    const LfVerdict *v = lf_recommend_one(report, table, &opts, c->edition, &rec, NULL);
    g_assert_nonnull(v);
    check_wifi_case(c, v);
    e->nonfree_firmware = nonfree;   /* the table is shared by every test */
    e->fact[LF_FACT_FIRMWARE].confidence = confidence;
  }
}

/* CMOV on a 64-bit CPU is a given (long mode requires it): a flag list without it
 * (partial, from an older or hand-made report) or no list at all is still a PASS. */
static void test_cmov_64bit(void)
{
  static const char *const drop[] = { "cmov", NULL };
  for (guint pass = 0; pass < 2; pass++) {
    g_autoptr(LfReport) report = load_fixture("sandybridge-2011");
    GPtrArray *flags = report->cpu.flags;
    if (pass == 0) {
      for (guint i = flags->len; i-- > 0;)
        if (g_strv_contains(drop, flags->pdata[i]))
          g_ptr_array_remove_index(flags, i);
    } else {
      g_clear_pointer(&report->cpu.flags, g_ptr_array_unref);
    }
    LfRecommendOptions opts;
    options(&opts);
    g_autoptr(LfRecommendation) rec = NULL;
    g_autoptr(GError) error = NULL;
    const LfVerdict *v = lf_recommend_one(report, table, &opts, "alpine-x86", &rec, &error);
    g_assert_no_error(error);
    gboolean seen = FALSE;
    for (guint j = 0; j < v->reasons->len; j++) {
      const LfReason *r = v->reasons->pdata[j];
      if (g_str_equal(r->check, "cpu-32bit") && strstr(r->message, "CMOV")) {
        g_assert_cmpint(r->status, ==, LF_STATUS_PASS);
        seen = TRUE;
      }
    }
    g_assert_true(seen);
    g_assert_cmpint(v->status, !=, LF_STATUS_FAIL);
  }
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_autoptr(GError) error = NULL;
  table = lf_distro_table_load(NULL, &error);
  g_assert_no_error(error);
  g_test_add_func("/recommend/cases", test_cases);
  g_test_add_func("/recommend/unknown-id", test_unknown_id);
  g_test_add_func("/recommend/cmov-64bit", test_cmov_64bit);
  g_test_add_func("/recommend/advice", test_advice);
  g_test_add_func("/recommend/wifi-firmware", test_wifi_firmware);
  g_test_add_func("/recommend/ranking", test_ranking);
  g_test_add_func("/recommend/table", test_table);
  g_test_add_func("/recommend/hostile", test_hostile);
  g_test_add_func("/recommend/json", test_json);
  g_test_add_func("/recommend/machines", test_machines);
  g_test_add_func("/recommend/db-errors", test_db_errors);
  int rc = g_test_run();
  lf_distro_table_free(table);
  return rc;
}
