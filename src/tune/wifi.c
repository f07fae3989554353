/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Wi-Fi power save over nl80211 (the only libnl user, opened at run time): power save has no sysfs
 * file; NL80211_CMD_GET_POWER_SAVE / NL80211_CMD_SET_POWER_SAVE carry
 * NL80211_ATTR_IFINDEX and NL80211_ATTR_PS_STATE (include/uapi/linux/nl80211.h),
 * which is what `iw dev IFACE set power_save on` sends.
 *
 * A copy of a machine (--root DIR) has no Wi-Fi of its own: there lapfit only
 * talks netlink when LAPFIT_NL80211_PEER names the port of a test double
 * (tests/tune/nl80211-double.c), as D-Bus uses a test's private bus. The
 * variable is read only for that: on a live root it also redirects, so it is
 * a test's knob, like DBUS_SYSTEM_BUS_ADDRESS. */
#include "tune/tune.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <linux/nl80211.h>
#include <netlink/genl/ctrl.h>
#include <netlink/genl/genl.h>
#include <netlink/netlink.h>

#include "core/error.h"
#include "core/module.h"

/* libnl-genl-3 (and libnl-3 below it) is opened on the first Wi-Fi request:
 * linked directly, both load on every lapfit run, though only the tuner's
 * Wi-Fi knob talks netlink. */
typedef struct {
  struct nl_sock *(*socket_alloc)(void);
  void (*socket_free)(struct nl_sock *sk);
  int (*connect)(struct nl_sock *sk, int protocol);
  int (*genl_connect)(struct nl_sock *sk);
  void (*socket_set_peer_port)(struct nl_sock *sk, uint32_t port);
  int (*genl_ctrl_resolve)(struct nl_sock *sk, const char *name);
  struct nl_msg *(*msg_alloc)(void);
  void (*msg_free)(struct nl_msg *msg);
  void *(*genlmsg_put)(struct nl_msg *msg, uint32_t port, uint32_t seq, int family, int hdrlen,
                       int flags, uint8_t cmd, uint8_t version);
  int (*put_u32)(struct nl_msg *msg, int attrtype, uint32_t value);
  int (*socket_modify_cb)(struct nl_sock *sk, enum nl_cb_type type, enum nl_cb_kind kind,
                          nl_recvmsg_msg_cb_t func, void *arg);
  int (*send_auto)(struct nl_sock *sk, struct nl_msg *msg);
  int (*wait_for_ack)(struct nl_sock *sk);
  const char *(*geterror)(int error);
  void *(*msg_data)(const struct nlmsghdr *nlh);
  struct nlmsghdr *(*msg_hdr)(struct nl_msg *msg);
  int (*parse)(struct nlattr **tb, int maxtype, struct nlattr *head, int len,
               const struct nla_policy *policy);
  struct nlattr *(*genlmsg_attrdata)(const struct genlmsghdr *gnlh, int hdrlen);
  int (*genlmsg_attrlen)(const struct genlmsghdr *gnlh, int hdrlen);
  uint32_t (*get_u32)(const struct nlattr *nla);
} LfNl;

static LfNl nl;

static gboolean nl_load(GError **error)
{
  static char *failure;
  static gsize done = 0;
  if (g_once_init_enter(&done)) {
    const LfSymbol syms[] = {
      { "nl_socket_alloc", (gpointer *)&nl.socket_alloc },
      { "nl_socket_free", (gpointer *)&nl.socket_free },
      { "nl_connect", (gpointer *)&nl.connect },
      { "genl_connect", (gpointer *)&nl.genl_connect },
      { "nl_socket_set_peer_port", (gpointer *)&nl.socket_set_peer_port },
      { "genl_ctrl_resolve", (gpointer *)&nl.genl_ctrl_resolve },
      { "nlmsg_alloc", (gpointer *)&nl.msg_alloc },
      { "nlmsg_free", (gpointer *)&nl.msg_free },
      { "genlmsg_put", (gpointer *)&nl.genlmsg_put },
      { "nla_put_u32", (gpointer *)&nl.put_u32 },
      { "nl_socket_modify_cb", (gpointer *)&nl.socket_modify_cb },
      { "nl_send_auto", (gpointer *)&nl.send_auto },
      { "nl_wait_for_ack", (gpointer *)&nl.wait_for_ack },
      { "nl_geterror", (gpointer *)&nl.geterror },
      { "nlmsg_data", (gpointer *)&nl.msg_data },
      { "nlmsg_hdr", (gpointer *)&nl.msg_hdr },
      { "nla_parse", (gpointer *)&nl.parse },
      { "genlmsg_attrdata", (gpointer *)&nl.genlmsg_attrdata },
      { "genlmsg_attrlen", (gpointer *)&nl.genlmsg_attrlen },
      { "nla_get_u32", (gpointer *)&nl.get_u32 },
    };
    /* dlsym on libnl-genl-3's handle also finds libnl-3's symbols (its dependency). */
    failure = lf_module_bind("libnl-genl-3.so.200", syms, G_N_ELEMENTS(syms));
    g_once_init_leave(&done, 1);
  }
  if (failure) {
    g_set_error(error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                /* TRANSLATORS: %s is the loader's reason, e.g. a missing file. */
                _("the Wi-Fi control library libnl-genl-3 cannot be loaded (%s)"), failure);
    return FALSE;
  }
  return TRUE;
}

typedef struct nl_sock LfNlSock;
typedef struct nl_msg LfNlMsg;
static void sock_free(LfNlSock *sk)
{
  nl.socket_free(sk);
}
static void msg_free(LfNlMsg *msg)
{
  nl.msg_free(msg);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(LfNlSock, sock_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(LfNlMsg, msg_free)

static gboolean nl_fail(GError **error, int nlerr, const char *what)
{
  /* libnl's codes map back to errno for the common cases (ENODEV, EOPNOTSUPP). */
  int e;
  switch (nlerr < 0 ? -nlerr : nlerr) {
  case NLE_NODEV:
    e = ENODEV;
    break;
  case NLE_OPNOTSUPP:
    e = EOPNOTSUPP;
    break;
  case NLE_PERM:
    e = EPERM;
    break;
  default:
    e = EIO;
    break;
  }
  /* TRANSLATORS: the first %s is "nl80211" (the kernel's Wi-Fi interface), the second
     libnl's own (English) reason. */
  g_set_error(error, G_IO_ERROR, g_io_error_from_errno(e),
              _("the Wi-Fi driver refused the request (%s: %s)"), what, nl.geterror(nlerr));
  return FALSE;
}

gboolean lf_wifi_available(const LfSysroot *root)
{
  return lf_sysroot_is_live(root) || g_getenv("LAPFIT_NL80211_PEER") != NULL;
}

/* A socket talking to nl80211 (the kernel, or the test double); *family set. */
static LfNlSock *open_nl80211(int *family, GError **error)
{
  if (!nl_load(error))
    return NULL;
  g_autoptr(LfNlSock) sk = nl.socket_alloc();
  if (sk == NULL) {
    g_set_error_literal(error, G_IO_ERROR, G_IO_ERROR_FAILED,
                        _("cannot open a Wi-Fi control socket: out of memory"));
    return NULL;
  }
  /* A test double's port; "PORT/usersock" where the sandbox forbids generic
   * netlink between user-space sockets (same messages, NETLINK_USERSOCK). */
  const char *peer = g_getenv("LAPFIT_NL80211_PEER");
  int err = peer && g_str_has_suffix(peer, "/usersock") ? nl.connect(sk, NETLINK_USERSOCK)
                                                        : nl.genl_connect(sk);
  if (err < 0)
    return nl_fail(error, err, "nl80211"), NULL;
  if (peer)
    nl.socket_set_peer_port(sk, (uint32_t)g_ascii_strtoull(peer, NULL, 10));
  *family = nl.genl_ctrl_resolve(sk, NL80211_GENL_NAME);
  if (*family < 0)
    return nl_fail(error, *family, "nl80211"), NULL;
  return g_steal_pointer(&sk);
}

typedef struct {
  gboolean seen, on;
} PsReply;

static int on_ps(struct nl_msg *msg, void *arg)
{
  PsReply *r = arg;
  struct genlmsghdr *g = nl.msg_data(nl.msg_hdr(msg));
  struct nlattr *tb[NL80211_ATTR_MAX + 1];
  if (nl.parse(tb, NL80211_ATTR_MAX, nl.genlmsg_attrdata(g, 0), nl.genlmsg_attrlen(g, 0), NULL) == 0 &&
      tb[NL80211_ATTR_PS_STATE]) {
    r->seen = TRUE;
    r->on = nl.get_u32(tb[NL80211_ATTR_PS_STATE]) == NL80211_PS_ENABLED;
  }
  return NL_OK;
}

static gboolean request(guint ifindex, int cmd, int ps, PsReply *reply, GError **error)
{
  int family = 0;
  g_autoptr(LfNlSock) sk = open_nl80211(&family, error);
  if (sk == NULL)
    return FALSE;
  g_autoptr(LfNlMsg) msg = nl.msg_alloc();
  if (msg == NULL || nl.genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, family, 0, 0, cmd, 0) == NULL ||
      nl.put_u32(msg, NL80211_ATTR_IFINDEX, ifindex) < 0 ||
      (ps >= 0 && nl.put_u32(msg, NL80211_ATTR_PS_STATE, (uint32_t)ps) < 0)) {
    g_set_error_literal(error, G_IO_ERROR, G_IO_ERROR_FAILED,
                        _("cannot build the Wi-Fi request: out of memory"));
    return FALSE;
  }
  if (reply)
    nl.socket_modify_cb(sk, NL_CB_VALID, NL_CB_CUSTOM, on_ps, reply);
  int err = nl.send_auto(sk, msg);
  if (err >= 0)
    err = nl.wait_for_ack(sk);   /* receives the reply too, then the ACK or the error */
  if (err < 0)
    return nl_fail(error, err, "nl80211");
  return TRUE;
}

gboolean lf_wifi_power_save_get(guint ifindex, gboolean *on, GError **error)
{
  PsReply r = { FALSE, FALSE };
  if (!request(ifindex, NL80211_CMD_GET_POWER_SAVE, -1, &r, error))
    return FALSE;
  if (!r.seen) {
    g_set_error_literal(error, G_IO_ERROR, G_IO_ERROR_FAILED,
                        _("the Wi-Fi driver did not report its power saving state"));
    return FALSE;
  }
  *on = r.on;
  return TRUE;
}

gboolean lf_wifi_power_save_set(guint ifindex, gboolean on, GError **error)
{
  g_debug("nl80211: ifindex %u power save <- %s", ifindex, on ? "on" : "off");
  return request(ifindex, NL80211_CMD_SET_POWER_SAVE,
                 on ? NL80211_PS_ENABLED : NL80211_PS_DISABLED, NULL, error);
}

/* sys/class/net/<if>/wireless -> the interface's index, from sysfs. */
static gboolean ifindex_of(const LfSysroot *root, const char *path, guint *ifindex,
                           GError **error)
{
  g_autofree char *dir = g_path_get_dirname(path);
  g_autofree char *rel = g_strconcat(dir, "/ifindex", NULL);
  gint64 v = 0;
  if (!lf_sysroot_read_int(root, rel, &v) || v <= 0 || v > G_MAXUINT32) {
    g_set_error(error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("cannot read '%s'"), rel);
    return FALSE;
  }
  *ifindex = (guint)v;
  return TRUE;
}

char *lf_wifi_read(const LfSysroot *root, const char *path, GError **error)
{
  guint ifindex = 0;
  gboolean on = FALSE;
  if (!ifindex_of(root, path, &ifindex, error) || !lf_wifi_power_save_get(ifindex, &on, error))
    return NULL;
  return g_strdup(on ? "on" : "off");
}

gboolean lf_wifi_write(const LfSysroot *root, const char *path, const char *value,
                       GError **error)
{
  guint ifindex = 0;
  if (!lf_wifi_available(root)) {
    g_set_error(error, LF_ERROR, LF_ERROR_UNSUPPORTED,
                _("Wi-Fi power saving of a copy of a machine (--root) cannot be set"));
    return FALSE;
  }
  if (!ifindex_of(root, path, &ifindex, error))
    return FALSE;
  g_autofree char *word = g_strstrip(g_strdup(value));
  if (!g_str_equal(word, "on") && !g_str_equal(word, "off")) {
    g_set_error(error, LF_ERROR, LF_ERROR_PARSE, _("invalid value for '%s'"), path);
    return FALSE;
  }
  if (!lf_wifi_power_save_set(ifindex, g_str_equal(word, "on"), error)) {
    g_prefix_error(error, _("cannot switch Wi-Fi power saving of '%s': "), path);
    return FALSE;
  }
  return TRUE;
}
