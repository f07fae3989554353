/* SPDX-License-Identifier: GPL-2.0-or-later */
/* LfSysroot: bounded, hostile-tolerant reads and whitelisted writes. */
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "core/error.h"
#include "core/json-load.h"
#include "core/kv.h"
#include "core/sysroot.h"

static char *make_root(void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp("lapfit-sysroot-XXXXXX", &error);
  g_assert_no_error(error);
  return dir;
}

static void put(const char *root, const char *rel, const char *data, gssize len)
{
  g_autofree char *path = g_build_filename(root, rel, NULL);
  g_autofree char *dir = g_path_get_dirname(path);
  g_mkdir_with_parents(dir, 0755);
  g_assert_true(g_file_set_contents(path, data, len, NULL));
}

static void rm_rf(const char *dir)
{
  g_autofree char *cmd = g_strdup_printf("rm -rf '%s'", dir);
  g_assert_cmpint(system(cmd), ==, 0);
}

static void test_reads(void)
{
  g_autofree char *dir = make_root();
  put(dir, "sys/a/int", "1234\n", -1);
  put(dir, "sys/a/neg", "-5", -1);
  put(dir, "sys/a/garbage", "12abc\n", -1);
  put(dir, "sys/a/empty", "", 0);
  put(dir, "sys/a/nul", "ab\0cd\n", 6);
  put(dir, "sys/a/ctrl", "x\033[2Jy\n", -1);
  put(dir, "sys/a/huge", "99999999999999999999999\n", -1);
  put(dir, "sys/a/double", "3.25\n", -1);
  /* #13: a C1 CSI (U+009B), bidi override (U+202E) and isolate (U+2066) are
   * valid UTF-8 but move the cursor or reorder the line: '?' like ESC. */
  put(dir, "sys/b/c1", "LEN\xc2\x9b" "2JOVO\xe2\x80\xae" "evil\xe2\x81\xa6" "x\n", -1);
  put(dir, "sys/b/latin1", "M\xfcller\tGmbH\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(LfSysroot) root = lf_sysroot_new(dir, &error);
  g_assert_no_error(error);
  gint64 v = 0;
  g_assert_true(lf_sysroot_read_int(root, "sys/a/int", &v));
  g_assert_cmpint(v, ==, 1234);
  g_assert_true(lf_sysroot_read_int(root, "/sys/a/neg", &v));
  g_assert_cmpint(v, ==, -5);
  g_assert_false(lf_sysroot_read_int(root, "sys/a/garbage", &v));
  g_assert_false(lf_sysroot_read_int(root, "sys/a/empty", &v));
  g_assert_false(lf_sysroot_read_int(root, "sys/a/huge", &v));
  g_assert_false(lf_sysroot_read_int(root, "sys/a/missing", &v));
  double d = 0;
  g_assert_true(lf_sysroot_read_double(root, "sys/a/double", &d));
  g_assert_cmpfloat(d, ==, 3.25);
  g_autofree char *s1 = lf_sysroot_read_string(root, "sys/a/nul");
  g_assert_cmpstr(s1, ==, "ab");
  g_autofree char *s2 = lf_sysroot_read_string(root, "sys/a/ctrl");
  g_assert_cmpstr(s2, ==, "x?[2Jy");
  g_assert_null(lf_sysroot_read_string(root, "sys/a/empty"));
  g_autofree char *s3 = lf_sysroot_read_string(root, "sys/b/c1");
  g_assert_cmpstr(s3, ==, "LEN?2JOVO?evil?x");
  g_autofree char *s4 = lf_sysroot_read_string(root, "sys/b/latin1");
  g_assert_cmpstr(s4, ==, "M?ller GmbH");
  g_autoptr(GPtrArray) names = lf_sysroot_list(root, "sys/a");
  g_assert_cmpuint(names->len, ==, 8);
  g_assert_cmpstr(names->pdata[0], ==, "ctrl");
  rm_rf(dir);
}

static void test_read_limit(void)
{
  g_autofree char *dir = make_root();
  g_autofree char *big = g_malloc(100000);
  memset(big, 'x', 100000);
  put(dir, "proc/big", big, 100000);
  g_autoptr(LfSysroot) root = lf_sysroot_new(dir, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_assert_false(lf_sysroot_read(root, "proc/big", 1000, &text, NULL, &error));
  g_assert_error(error, LF_ERROR, LF_ERROR_PARSE);
  rm_rf(dir);
}

static void test_writes(void)
{
  g_autofree char *dir = make_root();
  g_autofree char *outside = make_root();
  put(dir, "sys/power/knob", "old\n", -1);
  put(dir, "proc/sys/vm/dirty", "500\n", -1);
  put(dir, "etc/passwd", "root\n", -1);
  put(outside, "target", "keep\n", -1);
  g_autofree char *link = g_build_filename(dir, "sys/power/escape", NULL);
  g_autofree char *target = g_build_filename(outside, "target", NULL);
  g_assert_cmpint(symlink(target, link), ==, 0);
  g_autofree char *link2 = g_build_filename(dir, "sys/power/to-etc", NULL);
  g_assert_cmpint(symlink("../../etc/passwd", link2), ==, 0);

  g_autoptr(LfSysroot) root = lf_sysroot_new(dir, NULL);
  g_autoptr(GError) error = NULL;
  g_assert_true(lf_sysroot_write(root, "sys/power/knob", "new", &error));
  g_assert_no_error(error);
  g_autofree char *s = lf_sysroot_read_string(root, "sys/power/knob");
  g_assert_cmpstr(s, ==, "new");
  g_assert_true(lf_sysroot_write(root, "proc/sys/vm/dirty", "1500", &error));

  g_assert_false(lf_sysroot_write(root, "etc/passwd", "x", &error));
  g_assert_error(error, LF_ERROR, LF_ERROR_PERMISSION);
  g_clear_error(&error);
  g_assert_false(lf_sysroot_write(root, "sys/power/escape", "x", &error));
  g_assert_error(error, LF_ERROR, LF_ERROR_PERMISSION);
  g_clear_error(&error);
  g_assert_false(lf_sysroot_write(root, "sys/power/to-etc", "x", &error));
  g_assert_error(error, LF_ERROR, LF_ERROR_PERMISSION);
  g_clear_error(&error);
  g_assert_false(lf_sysroot_write(root, "sys/../etc/passwd", "x", &error));
  g_clear_error(&error);
  g_assert_false(lf_sysroot_write(root, "sys/power/missing", "x", &error));
  g_assert_error(error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error(&error);

  g_autofree char *kept = NULL;
  g_assert_true(g_file_get_contents(target, &kept, NULL, NULL));
  g_assert_cmpstr(kept, ==, "keep\n");
  rm_rf(dir);
  rm_rf(outside);
}


/* #13: reads below a root never leave it, whatever the links say; run once
 * with openat2 and once with the component-wise walk. */
static void check_containment(gboolean openat2)
{
  lf_sysroot_set_openat2(openat2);
  g_autofree char *dir = make_root();
  g_autofree char *outside = make_root();
  put(outside, "secret", "SECRET\n", -1);
  put(dir, "etc/secret", "inside\n", -1);
  put(dir, "sys/devices/bat/model_name", "real\n", -1);
  g_autofree char *secret = g_build_filename(outside, "secret", NULL);
  struct { const char *link, *target; } links[] = {
    { "sys/class/power_supply/BAT0", "../../devices/bat" },
    { "sys/abs", NULL },                                   /* absolute, outside */
    { "sys/up", "../../../../../../../../../../etc/secret" }, /* climbs past the root */
    { "sys/absin", "/etc/secret" },                        /* absolute: the root's /etc */
    { "sys/loop", "loop" },
  };
  for (guint i = 0; i < G_N_ELEMENTS(links); i++) {
    g_autofree char *l = g_build_filename(dir, links[i].link, NULL);
    g_autofree char *d = g_path_get_dirname(l);
    g_mkdir_with_parents(d, 0755);
    g_assert_cmpint(symlink(links[i].target ? links[i].target : secret, l), ==, 0);
  }
  g_autoptr(LfSysroot) root = lf_sysroot_new(dir, NULL);
  g_autofree char *m = lf_sysroot_read_string(root, "sys/class/power_supply/BAT0/model_name");
  g_assert_cmpstr(m, ==, "real");
  g_assert_null(lf_sysroot_read_string(root, "sys/abs"));
  g_assert_false(lf_sysroot_exists(root, "sys/abs"));
  g_autofree char *up = lf_sysroot_read_string(root, "sys/up");
  g_assert_cmpstr(up, ==, "inside");
  g_autofree char *in = lf_sysroot_read_string(root, "sys/absin");
  g_assert_cmpstr(in, ==, "inside");
  g_autofree char *dots = lf_sysroot_read_string(root, "../../../../../../../etc/secret");
  g_assert_cmpstr(dots, ==, "inside");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_assert_false(lf_sysroot_read(root, "sys/loop", 0, &text, NULL, &error));
  g_assert_error(error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS);
  g_assert_true(lf_sysroot_is_dir(root, "sys/class/power_supply/BAT0"));
  g_autoptr(GPtrArray) names = lf_sysroot_list(root, "sys/class/power_supply/BAT0");
  g_assert_cmpuint(names->len, ==, 1);
  g_autofree char *ln = lf_sysroot_link_name(root, "sys/class/power_supply/BAT0");
  g_assert_cmpstr(ln, ==, "bat");
  lf_sysroot_set_openat2(TRUE);
  rm_rf(dir);
  rm_rf(outside);
}

static void test_contained_openat2(void)
{
  check_containment(TRUE);
}

static void test_contained_walk(void)
{
  check_containment(FALSE);
}

/* Size before allocation, FIFOs, devices, pipes: lf_file_read and lf_sysroot_read. */
static void test_read_kinds(void)
{
  g_autofree char *dir = make_root();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;
  /* A sparse 3 GB file fails on st_size: no 3 GB allocation first. */
  g_autofree char *huge = g_build_filename(dir, "huge.json", NULL);
  int fd = open(huge, O_WRONLY | O_CREAT, 0600);
  g_assert_cmpint(ftruncate(fd, (off_t)3 << 30), ==, 0);
  close(fd);
  g_assert_false(lf_file_read(huge, 1024, LF_READ_DEFAULT, &text, &len, &error));
  g_assert_error(error, LF_ERROR, LF_ERROR_PARSE);
  g_assert_nonnull(strstr(error->message, "larger than 1024 bytes"));
  g_clear_error(&error);
  /* A FIFO with no writer: an error at once, not a hang. */
  g_autofree char *fifo = g_build_filename(dir, "fifo", NULL);
  g_assert_cmpint(mkfifo(fifo, 0600), ==, 0);
  g_assert_false(lf_file_read(fifo, 1024, LF_READ_DEFAULT, &text, &len, &error));
  g_assert_error(error, LF_ERROR, LF_ERROR_PARSE);
  g_assert_nonnull(strstr(error->message, "no writer"));
  g_clear_error(&error);
  /* A pipe is read as a stream, bounded. */
  int p[2];
  g_assert_cmpint(pipe(p), ==, 0);
  g_assert_cmpint(write(p[1], "dmidecode 3.4\n", 14), ==, 14);
  close(p[1]);
  g_autofree char *dev = g_strdup_printf("/dev/fd/%d", p[0]);
  g_assert_true(lf_file_read(dev, 1024, LF_READ_DEFAULT, &text, &len, &error));
  g_assert_no_error(error);
  g_assert_cmpuint(len, ==, 14);
  close(p[0]);
  g_clear_pointer(&text, g_free);
  g_assert_cmpint(pipe(p), ==, 0);
  g_assert_cmpint(write(p[1], "0123456789", 10), ==, 10);
  close(p[1]);
  g_free(dev);
  dev = g_strdup_printf("/dev/fd/%d", p[0]);
  g_assert_false(lf_file_read(dev, 5, LF_READ_DEFAULT, &text, &len, &error));
  g_assert_error(error, LF_ERROR, LF_ERROR_PARSE);
  g_clear_error(&error);
  close(p[0]);
  /* A symlink refused where the caller says so (the tuner journal). */
  put(dir, "real", "x", 1);
  g_autofree char *link = g_build_filename(dir, "link", NULL);
  g_assert_cmpint(symlink("real", link), ==, 0);
  g_assert_false(lf_file_read(link, 1024, LF_READ_NOFOLLOW, &text, &len, &error));
  g_assert_error(error, LF_ERROR, LF_ERROR_PERMISSION);
  g_clear_error(&error);
  g_assert_true(lf_file_read(link, 1024, LF_READ_DEFAULT, &text, &len, &error));
  g_clear_pointer(&text, g_free);
  /* A directory, and a character device made here (needs CAP_MKNOD). */
  g_assert_false(lf_file_read(dir, 1024, LF_READ_DEFAULT, &text, &len, &error));
  g_clear_error(&error);
  g_autofree char *zero = g_build_filename(dir, "sys-zero", NULL);
  if (mknod(zero, S_IFCHR | 0600, makedev(1, 5)) == 0) {
    g_assert_false(lf_file_read(zero, 1024, LF_READ_DEFAULT, &text, &len, &error));
    g_assert_error(error, LF_ERROR, LF_ERROR_PERMISSION);
    g_clear_error(&error);
    g_autoptr(LfSysroot) root = lf_sysroot_new(dir, NULL);
    g_assert_false(lf_sysroot_read(root, "sys-zero", 0, &text, &len, &error));
    g_assert_error(error, LF_ERROR, LF_ERROR_PERMISSION);
    g_clear_error(&error);
  } else {
    g_test_message("no mknod here (%s): device case not run", g_strerror(errno));
  }
  rm_rf(dir);
}

/* The JSON loader: depth and size limits, no quoting of the input. */
static void test_json_limits(void)
{
  g_autoptr(GError) error = NULL;
  GString *deep = g_string_new("{\"schema\":\"lapfit-report/1\",\"x\":");
  for (int i = 0; i < 100000; i++)
    g_string_append_c(deep, '[');
  for (int i = 0; i < 100000; i++)
    g_string_append_c(deep, ']');
  g_string_append_c(deep, '}');
  g_assert_null(lf_json_parse(deep->str, (gssize)deep->len, &error));
  g_assert_error(error, LF_ERROR, LF_ERROR_PARSE);
  g_assert_nonnull(strstr(error->message, "nested deeper"));
  g_clear_error(&error);
  g_string_free(deep, TRUE);
  /* Brackets hidden from a naive scanner by json-glib's '...' strings and comments. */
  const char *tricky[] = { "['\"', [[[[", "[/* \" */ [[[[", "[\"\\\"[\", [[[[" };
  for (guint t = 0; t < G_N_ELEMENTS(tricky); t++) {
    GString *s = g_string_new(tricky[t]);
    for (int i = 0; i < 100000; i++)
      g_string_append_c(s, '[');
    g_assert_null(lf_json_parse(s->str, (gssize)s->len, &error));
    g_assert_nonnull(strstr(error->message, "nested deeper"));
    g_clear_error(&error);
    g_string_free(s, TRUE);
  }
  /* 64 levels are fine; strings full of brackets are not nesting. */
  g_autoptr(JsonNode) ok = lf_json_parse("[[[[\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"]]]]", -1, &error);
  g_assert_no_error(error);
  g_assert_nonnull(ok);
  /* A secret behind a link is not quoted back. */
  g_assert_null(lf_json_parse("root:$6$secrethash:19000:0:99999:7:::", -1, &error));
  g_assert_error(error, LF_ERROR, LF_ERROR_PARSE);
  g_assert_null(strstr(error->message, "root"));
  g_assert_null(strstr(error->message, "secret"));
  g_clear_error(&error);
}

/* lf_json_parse() hands json-glib the text without the whitespace between
 * tokens: every input must give what json-glib gives for the original (the
 * same tree, or an error at the original's line and column). */
static void test_json_tightened(void)
{
  const char *inputs[] = {
    "{\n  \"a\": [ 1, 2.5 , -3 ],\n\t\"b c\" : \"d  e\\\" f \",\r\n  \"g\": { }\n}\n",
    "  [ \"\\\\\" , \"x\\\\\\\" y\" , null , true ]  ", "[ - 1 ]", "[1 2]", "[tr ue]",
    "[1,\n 2\n ,]", "{\"a\" \"b\"}", "[\"a\" \"b\"]", "[ 1 /* c */ ]", "[ 'a b' ]",
    "[\"unterminated  ", "[ 1e 5 ]", "[0 x1]", "", "   ",
  };
  for (gsize i = 0; i < G_N_ELEMENTS(inputs); i++) {
    g_autoptr(JsonParser) ref = json_parser_new_immutable();
    gboolean ref_ok = json_parser_load_from_data(ref, inputs[i], -1, NULL) &&
                      json_parser_get_root(ref) != NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonNode) got = lf_json_parse(inputs[i], -1, &error);
    if (!ref_ok) {
      if (got != NULL)
        g_error("input %zu: parsed, json-glib refuses it", i);
      continue;
    }
    g_assert_no_error(error);
    g_autofree char *want = json_to_string(json_parser_get_root(ref), FALSE);
    g_autofree char *text = json_to_string(got, FALSE);
    g_assert_cmpstr(text, ==, want);
  }
  /* the error is placed in the file as it is, not in the tightened text */
  g_autoptr(GError) error = NULL;
  g_assert_null(lf_json_parse("{\n    \"a\": 1,\n    \"b\": ?\n}\n", -1, &error));
  g_assert_error(error, LF_ERROR, LF_ERROR_PARSE);
  if (strstr(error->message, "(line 3, column") == NULL)
    g_error("error not at line 3: %s", error->message);
}

static void count_kv(const char *key, const char *value, gpointer user_data)
{
  g_hash_table_replace(user_data, g_strdup(key), g_strdup(value));
}

static void test_kv(void)
{
  const char text[] = "NAME=\"Debian GNU/Linux\"\n# comment\nID=debian\nBAD LINE\n"
                      "PRETTY_NAME='Debian 12 (bookworm)'\nESC=\"a\\\"b\"\n=novalue\nLAST=x";
  g_autoptr(GHashTable) t = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
  lf_kv_parse(text, sizeof text - 1, count_kv, t);
  g_assert_cmpstr(g_hash_table_lookup(t, "NAME"), ==, "Debian GNU/Linux");
  g_assert_cmpstr(g_hash_table_lookup(t, "PRETTY_NAME"), ==, "Debian 12 (bookworm)");
  g_assert_cmpstr(g_hash_table_lookup(t, "ESC"), ==, "a\"b");
  g_assert_cmpstr(g_hash_table_lookup(t, "LAST"), ==, "x");
  g_assert_cmpuint(g_hash_table_size(t), ==, 5);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/sysroot/reads", test_reads);
  g_test_add_func("/sysroot/read-limit", test_read_limit);
  g_test_add_func("/sysroot/writes", test_writes);
  g_test_add_func("/sysroot/contained-openat2", test_contained_openat2);
  g_test_add_func("/sysroot/contained-walk", test_contained_walk);
  g_test_add_func("/sysroot/read-kinds", test_read_kinds);
  g_test_add_func("/json/limits", test_json_limits);
  g_test_add_func("/json/tightened", test_json_tightened);
  g_test_add_func("/kv/parse", test_kv);
  return g_test_run();
}
