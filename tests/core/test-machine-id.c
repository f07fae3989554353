/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Machine id and anonymisation (src/core/machine-id.c), CSV quoting and
 * the summary row (src/export/summary.c). */
#include <string.h>

#include "core/report-json.h"
#include "export/export.h"
#include "core/machine-id.h"

static LfReport *machine(const char *uuid, const char *serial, const char *board)
{
  LfReport *r = lf_report_new();
  r->machine.uuid = g_strdup(uuid);
  r->machine.serial = g_strdup(serial);
  r->machine.board_serial = g_strdup(board);
  return r;
}

static void test_stable(void)
{
  g_autoptr(LfReport) a = machine("4C4C4544-0036-4410-8035-B7C04F4D3732", "7D5MJ72", NULL);
  g_autoptr(LfReport) b = machine(" 4c4c4544-0036-4410-8035-b7c04f4d3732 ", "7d5mj72", NULL);
  g_autofree char *ia = lf_machine_id(a, NULL);
  g_autofree char *ib = lf_machine_id(b, NULL);
  g_assert_nonnull(ia);
  g_assert_cmpstr(ia, ==, ib);  /* case and blanks do not matter */
  g_assert_true(g_str_has_prefix(ia, "m-"));
  g_assert_cmpuint(strlen(ia), ==, 34);
  g_assert_null(strstr(ia, "7D5MJ72"));
  g_autoptr(LfReport) c = machine("4C4C4544-0036-4410-8035-B7C04F4D3732", "OTHER", NULL);
  g_autofree char *ic = lf_machine_id(c, NULL);
  g_assert_cmpstr(ia, !=, ic);
}

static void test_junk(void)
{
  /* placeholder UUIDs and serials are ignored: the real serial decides */
  g_autoptr(LfReport) a = machine("03000200-0400-0500-0006-000700080009", "R9ABCDE", "None");
  g_autoptr(LfReport) b = machine("00000000-0000-0000-0000-000000000000", "R9ABCDE",
                                  "To be filled by O.E.M.");
  g_autofree char *ia = lf_machine_id(a, NULL);
  g_autofree char *ib = lf_machine_id(b, NULL);
  g_assert_cmpstr(ia, ==, ib);
  /* nothing at all: MACs, then the host name, then no id */
  g_autoptr(LfReport) n = machine("FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF", "Default string", NULL);
  g_assert_null(lf_machine_id(n, NULL));
  n->machine.hostname = g_strdup("lab-01");
  g_autofree char *ih = lf_machine_id(n, NULL);
  g_assert_nonnull(ih);
  LfNetwork *net = lf_report_add_network(n);
  net->mac = g_strdup("E4:70:B8:00:00:01");
  g_autofree char *im = lf_machine_id(n, NULL);
  g_assert_nonnull(im);
  g_assert_cmpstr(im, !=, ih);
}

static void test_anonymize(void)
{
  g_autoptr(LfReport) r = machine("8e5c8a01-4a2b-11cb-8f1a-0011250000aa", "L3ABC12", "J1XYZ98765");
  r->machine.hostname = g_strdup("t43-lab-01");
  LfNetwork *net = lf_report_add_network(r);
  net->mac = g_strdup("00:13:ce:00:00:01");
  LfStorage *s = lf_report_add_storage(r);
  s->serial = g_strdup("MPA2A0X0J5ABCD");
  LfBattery *b = lf_report_add_battery(r);
  b->serial = g_strdup("1187");
  g_autofree char *plain = lf_machine_id(r, NULL);
  g_autofree char *anon = lf_machine_id(r, "salt");
  g_autofree char *anon2 = lf_machine_id(r, "salt");
  g_autofree char *other = lf_machine_id(r, "pepper");
  g_autofree char *from_plain = lf_machine_id_anonymize(plain, "salt");
  g_assert_true(g_str_has_prefix(anon, "a-"));
  g_assert_cmpstr(anon, ==, anon2);
  g_assert_cmpstr(anon, !=, other);
  g_assert_cmpstr(anon, ==, from_plain);  /* the same from a report without serials */
  g_autofree char *again = lf_machine_id_anonymize(anon, "salt");
  g_assert_cmpstr(again, ==, anon);

  lf_report_anonymize(r, "salt");
  g_assert_cmpstr(r->machine_id, ==, anon);
  g_autofree char *json = lf_report_to_json(r, LF_JSON_PRIVATE);
  static const char *const secrets[] = { "8e5c8a01", "L3ABC12", "J1XYZ98765", "t43-lab-01",
                                         "00:13:ce", "MPA2A0X0J5ABCD", "\"1187\"" };
  for (gsize i = 0; i < G_N_ELEMENTS(secrets); i++)
    g_assert_null(strstr(json, secrets[i]));
  g_assert_true(g_str_has_prefix(r->machine.serial, "anon-"));
  g_assert_cmpuint(strlen(r->machine.serial), ==, 21);
  g_autofree char *v1 = lf_anonymize_value("L3ABC12", "salt");
  g_autofree char *v2 = lf_anonymize_value("L3ABC12", "salt");
  g_assert_cmpstr(v1, ==, v2);
  g_assert_cmpstr(v1, ==, r->machine.serial);
}

static void test_keep_given_id(void)
{
  g_autoptr(LfReport) r = lf_report_new();
  r->machine_id = g_strdup("m-0123456789abcdef0123456789abcdef");
  LfNetwork *net = lf_report_add_network(r);
  net->mac = g_strdup("00:13:ce:00:00:01");
  lf_report_set_machine_id(r, NULL);  /* no SMBIOS fields: keep, do not fall back to the MAC */
  g_assert_cmpstr(r->machine_id, ==, "m-0123456789abcdef0123456789abcdef");
  r->machine.serial = g_strdup("R9ABCDE");
  lf_report_set_machine_id(r, NULL);
  g_assert_cmpstr(r->machine_id, !=, "m-0123456789abcdef0123456789abcdef");
}

static void test_csv(void)
{
  g_autoptr(LfReport) r = lf_report_new();
  r->machine.vendor = g_strdup("A,B \"C\"\r\nD");
  r->machine.product = g_strdup("plain");
  r->cpu.max_mhz = 2400.0;
  r->memory.usable_mb = 3842;
  LfBattery *b = lf_report_add_battery(r);
  b->design_wh = 57.72;
  b->full_wh = 40.1;
  g_autoptr(GPtrArray) row = lf_report_summary(r);
  guint n = 0;
  const LfColumn *cols = lf_summary_columns(&n);
  g_assert_cmpuint(row->len, ==, n);
  g_autoptr(GString) out = g_string_new(NULL);
  lf_csv_append_row(out, row);
  /* Quoted as RFC 4180; line breaks inside a cell become spaces (#13: one line per record). */
  g_assert_nonnull(strstr(out->str, ",\"A,B \"\"C\"\"  D\",plain,"));
  g_assert_true(g_str_has_suffix(out->str, "\r\n"));
  for (guint i = 0; i < n; i++) {
    g_autofree char *v = lf_csv_value(row->pdata[i]);
    if (g_str_equal(cols[i].name, "cpu_max_mhz"))
      g_assert_cmpstr(v, ==, "2400");
    else if (g_str_equal(cols[i].name, "battery_health_pct"))
      g_assert_cmpstr(v, ==, "69.47");
    else if (g_str_equal(cols[i].name, "battery_count"))
      g_assert_cmpstr(v, ==, "1");
    else if (g_str_equal(cols[i].name, "ram_installed_mb"))
      g_assert_cmpstr(v, ==, "");  /* unknown */
  }
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/machine-id/stable", test_stable);
  g_test_add_func("/machine-id/junk", test_junk);
  g_test_add_func("/machine-id/anonymize", test_anonymize);
  g_test_add_func("/machine-id/keep-given", test_keep_given_id);
  g_test_add_func("/export/csv", test_csv);
  return g_test_run();
}
