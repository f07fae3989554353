/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Wi-Fi power save over the kernel's own nl80211, on a mac80211_hwsim radio
 * (`modprobe mac80211_hwsim radios=1`): read, switch, read back, switch back,
 * through the same calls the tuner's wifi_power_save knob makes (src/tune/wifi.c).
 * The netlink double (tune-wifi-nl80211) stands in where the kernel has no
 * hwsim; this test skips (77) there, and without root (setting power save
 * needs CAP_NET_ADMIN).
 * Usage: test-wifi-hwsim [ROOT] (default the live system; a copy with a
 * hwsim-shaped sys/ tree and LAPFIT_NL80211_PEER checks the test itself). */
#include <glib.h>
#include <string.h>
#include <unistd.h>

#include "tune/tune.h"

#define SKIP 77

/* The first interface whose device is a hwsim radio:
 * sys/devices/virtual/mac80211_hwsim/hwsimN/net/<if>. transfer full. */
static char *find_hwsim(const LfSysroot *root)
{
  g_autoptr(GPtrArray) ifs = lf_sysroot_list(root, "sys/class/net");
  for (guint i = 0; ifs && i < ifs->len; i++) {
    g_autofree char *rel = g_strconcat("sys/class/net/", (const char *)ifs->pdata[i], NULL);
    g_autofree char *real = lf_sysroot_resolve(root, rel);
    g_autofree char *wireless = g_strconcat(rel, "/wireless", NULL);
    if (real && strstr(real, "/mac80211_hwsim/") && lf_sysroot_exists(root, wireless))
      return g_steal_pointer(&wireless);
  }
  return NULL;
}

static char *read_ps(const LfSysroot *root, const char *path)
{
  g_autoptr(GError) error = NULL;
  char *v = lf_wifi_read(root, path, &error);
  if (v == NULL)
    g_error("%s: %s", path, error->message);
  return v;
}

static void write_ps(const LfSysroot *root, const char *path, const char *value)
{
  g_autoptr(GError) error = NULL;
  if (!lf_wifi_write(root, path, value, &error))
    g_error("%s <- %s: %s", path, value, error->message);
}

int main(int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LfSysroot) root = lf_sysroot_new(argc > 1 ? argv[1] : "/", &error);
  if (root == NULL)
    g_error("%s", error->message);
  g_autofree char *path = find_hwsim(root);
  if (path == NULL) {
    g_print("skipped: no mac80211_hwsim radio (modprobe mac80211_hwsim radios=1)\n");
    return SKIP;
  }
  if (lf_sysroot_is_live(root) && geteuid() != 0) {
    g_print("skipped: switching power save of %s needs root (CAP_NET_ADMIN)\n", path);
    return SKIP;
  }
  if (!lf_wifi_available(root)) {
    g_print("skipped: a copy of a machine without LAPFIT_NL80211_PEER\n");
    return SKIP;
  }
  /* The knob finds the radio like the tuner does. */
  g_autoptr(GPtrArray) states = lf_knobs_read_sysfs(root);
  gboolean listed = FALSE;
  for (guint i = 0; i < states->len; i++) {
    const LfKnobState *st = states->pdata[i];
    listed |= g_str_equal(st->knob->id, "wifi_power_save") && g_str_equal(st->path, path);
  }
  g_assert_true(listed);

  g_autofree char *before = read_ps(root, path);
  const char *other = g_str_equal(before, "on") ? "off" : "on";
  write_ps(root, path, other);
  g_autofree char *now = read_ps(root, path);
  g_assert_cmpstr(now, ==, other);
  write_ps(root, path, before);
  g_autofree char *back = read_ps(root, path);
  g_assert_cmpstr(back, ==, before);

  /* An interface index the kernel does not know: an error, not a guess. */
  gboolean on = FALSE;
  g_assert_false(lf_wifi_power_save_get(G_MAXINT32, &on, &error));
  g_assert_nonnull(error);
  g_print("hwsim %s: %s -> %s -> %s\n", path, before, other, back);
  return 0;
}
