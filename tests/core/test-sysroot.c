/* SPDX-License-Identifier: GPL-2.0-or-later */
/* LfSysroot: bounded, hostile-tolerant reads and whitelisted writes. */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "core/error.h"
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
  g_test_add_func("/kv/parse", test_kv);
  return g_test_run();
}
