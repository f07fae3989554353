/* SPDX-License-Identifier: GPL-2.0-or-later */
/* lf_sha256_hex: the same digest as GLib's SHA-256 at every length around
 * the block size, from libcrypto when it is there (known answers too). */
#include <string.h>

#include "core/sha256.h"

static void test_known(void)
{
  g_autofree char *empty = lf_sha256_hex(NULL, 0);
  g_assert_cmpstr(empty, ==, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  g_autofree char *abc = lf_sha256_hex("abc", 3);
  g_assert_cmpstr(abc, ==, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

static void test_as_glib(void)
{
  gsize max = 70000;
  g_autofree guchar *data = g_malloc(max);
  for (gsize i = 0; i < max; i++)
    data[i] = (guchar)(i * 131 + (i >> 8));
  static const gsize lens[] = { 1, 55, 56, 63, 64, 65, 119, 120, 128, 4000, 65537, 70000 };
  for (guint i = 0; i < G_N_ELEMENTS(lens); i++) {
    g_autofree char *ours = lf_sha256_hex(data, lens[i]);
    g_autofree char *glib = g_compute_checksum_for_data(G_CHECKSUM_SHA256, data, lens[i]);
    g_assert_cmpstr(ours, ==, glib);
  }
}

/* The fleet importer hashes on every core at once. */
static gpointer hash_many(gpointer data)
{
  for (int i = 0; i < 200; i++) {
    g_autofree char *h = lf_sha256_hex("abc", 3);
    if (strcmp(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad") != 0)
      return GINT_TO_POINTER(1);
  }
  return NULL;
}

static void test_threads(void)
{
  GThread *t[4];
  for (guint i = 0; i < G_N_ELEMENTS(t); i++)
    t[i] = g_thread_new("sha", hash_many, NULL);
  for (guint i = 0; i < G_N_ELEMENTS(t); i++)
    g_assert_null(g_thread_join(t[i]));
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/sha256/known", test_known);
  g_test_add_func("/sha256/as-glib", test_as_glib);
  g_test_add_func("/sha256/threads", test_threads);
  return g_test_run();
}
