/* SPDX-License-Identifier: GPL-2.0-or-later */
/* #13: the one sanitiser for terminal, CSV, XML and log output. */
#include <glib.h>

#include "core/json-load.h"
#include "core/report-json.h"
#include "core/text.h"
#include "export/export.h"

static void test_sanitize(void)
{
  g_autofree char *a = lf_text_sanitize("\x1b]0;PWNED\x07\x1b[2J");
  g_assert_cmpstr(a, ==, "?]0;PWNED??[2J");
  g_autofree char *b = lf_text_sanitize("a\xc2\x9b" "2Jb");          /* U+009B CSI */
  g_assert_cmpstr(b, ==, "a?2Jb");
  g_autofree char *c = lf_text_sanitize("x\xe2\x80\xaey\xe2\x81\xa6z");  /* U+202E, U+2066 */
  g_assert_cmpstr(c, ==, "x?y?z");
  g_autofree char *d = lf_text_sanitize("\xff\xfe ok\xef\xbf\xbe\xef\xbf\xbf");  /* bad UTF-8, U+FFFE/F */
  g_assert_cmpstr(d, ==, "?? ok??");
  g_autofree char *e = lf_text_sanitize("l1\nl2\tx\r");
  g_assert_cmpstr(e, ==, "l1 l2 x ");
  g_autofree char *f = lf_text_sanitize("Müller – 東芝");
  g_assert_cmpstr(f, ==, "Müller – 東芝");
  g_assert_null(lf_text_sanitize(NULL));
}

static void test_fit(void)
{
  g_autofree char *a = lf_text_fit("東芝 dynabook", 5);     /* wide: 2 columns each */
  g_assert_cmpstr(a, ==, "東芝 ");
  g_assert_cmpuint(lf_text_width(a), ==, 5);
  g_autofree char *b = lf_text_fit("\x1b[2Jabc", 3);          /* never half an escape */
  g_assert_cmpstr(b, ==, "?[2");
  g_autofree char *c = lf_text_fit("ab", 4);
  g_assert_cmpstr(c, ==, "ab  ");
  g_autofree char *d = lf_text_fit("e\xcc\x81x", 2);          /* combining accent: 0 columns */
  g_assert_cmpstr(d, ==, "e\xcc\x81x");
}

static void test_csv(void)
{
  const char *formula[] = { "=1+1", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx" };
  for (guint i = 0; i < G_N_ELEMENTS(formula); i++) {
    g_autofree char *s = lf_text_csv_cell(formula[i]);
    g_assert_cmpint(s[0], ==, '\'');
  }
  g_autofree char *plain = lf_text_csv_cell("ThinkPad T420");
  g_assert_cmpstr(plain, ==, "ThinkPad T420");
  g_autofree char *empty = lf_text_csv_cell("");
  g_assert_cmpstr(empty, ==, "");
}

/* `--json` goes to a terminal too: the characters the sanitiser replaces are
 * escaped (the same string once parsed), never written raw. */
static void test_json_escape(void)
{
  const char *hostile = "a\x1b]0;x\x07 \xc2\x9b" "2J \xe2\x80\xae" "b \xe2\x81\xa9 \xe2\x80\xa8 \xef\xbf\xbe \xe2\x80\x93 \xc3\xbc";
  g_autoptr(JsonNode) node = json_node_init_string(json_node_alloc(), hostile);
  g_autofree char *text = lf_json_to_text(node, LF_JSON_DEFAULT);
  g_assert_cmpstr(text, ==, "\"a\\u001b]0;x\\u0007 \\u009b2J \\u202eb \\u2069 \\u2028 \\ufffe "
                            "\xe2\x80\x93 \xc3\xbc\"");
  g_autoptr(JsonNode) back = lf_json_parse(text, -1, NULL);
  g_assert_nonnull(back);
  g_assert_cmpstr(json_node_get_string(back), ==, hostile);
}

/* CSV: numbers, negative ones too, are numbers; text that looks like one is text. */
static void test_csv_numbers(void)
{
  g_autoptr(JsonNode) i = json_node_init_int(json_node_alloc(), -5);
  g_autoptr(JsonNode) d = json_node_init_double(json_node_alloc(), -2.5);
  g_autoptr(JsonNode) t = json_node_init_string(json_node_alloc(), "-5");
  g_autofree char *si = lf_csv_value(i);
  g_autofree char *sd = lf_csv_value(d);
  g_autofree char *st = lf_csv_value(t);
  g_assert_cmpstr(si, ==, "-5");
  g_assert_cmpstr(sd, ==, "-2.5");
  g_assert_cmpstr(st, ==, "'-5");
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/text/sanitize", test_sanitize);
  g_test_add_func("/text/fit", test_fit);
  g_test_add_func("/text/csv", test_csv);
  g_test_add_func("/text/csv-numbers", test_csv_numbers);
  g_test_add_func("/text/json-escape", test_json_escape);
  return g_test_run();
}
