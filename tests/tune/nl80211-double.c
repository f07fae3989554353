/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A netlink test double for nl80211 power save, for machines without
 * mac80211_hwsim: a generic-netlink socket in user space that answers what
 * lapfit sends the kernel (raw netlink here, not libnl, so the two sides are
 * independent implementations of the protocol):
 *
 *   CTRL_CMD_GETFAMILY "nl80211"            -> CTRL_CMD_NEWFAMILY with its id
 *   NL80211_CMD_GET_POWER_SAVE, IFINDEX     -> NL80211_ATTR_PS_STATE, or -ENODEV
 *   NL80211_CMD_SET_POWER_SAVE, IFINDEX, PS -> ACK, or -EOPNOTSUPP / -ENODEV
 *
 * Usage: nl80211-double STATEFILE IFINDEX=on|off|unsupported...
 * Prints its netlink port id on stdout once bound ("PORT/usersock" when it had
 * to use NETLINK_USERSOCK), the value for LAPFIT_NL80211_PEER; then serves until SIGTERM;
 * after every change it rewrites STATEFILE with "IFINDEX on|off" lines.
 * Exit 77 when the kernel refuses user-to-user netlink, 99 on other setup errors. */
#include <errno.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <linux/nl80211.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define FAMILY_ID 0x2a
#define MAX_IF 8

static struct {
  unsigned ifindex;
  int state;        /* 0 off, 1 on, -1 unsupported */
} ifs[MAX_IF];
static int n_ifs;
static const char *state_file;

static void save(void)
{
  char tmp[4096];
  snprintf(tmp, sizeof tmp, "%s.tmp", state_file);
  FILE *f = fopen(tmp, "w");
  if (f == NULL)
    return;
  for (int i = 0; i < n_ifs; i++)
    fprintf(f, "%u %s\n", ifs[i].ifindex,
            ifs[i].state < 0 ? "unsupported" : ifs[i].state ? "on" : "off");
  fclose(f);
  rename(tmp, state_file);
}

static int find_if(unsigned ifindex)
{
  for (int i = 0; i < n_ifs; i++)
    if (ifs[i].ifindex == ifindex)
      return i;
  return -1;
}

typedef struct {
  char buf[1024];
  size_t len;
} Msg;

static struct nlmsghdr *msg_start(Msg *m, const struct nlmsghdr *req, unsigned type, int cmd)
{
  memset(m, 0, sizeof *m);
  struct nlmsghdr *h = (struct nlmsghdr *)m->buf;
  h->nlmsg_type = type;
  h->nlmsg_seq = req->nlmsg_seq;
  h->nlmsg_pid = req->nlmsg_pid;
  m->len = NLMSG_HDRLEN;
  if (cmd >= 0) {
    struct genlmsghdr *g = (struct genlmsghdr *)(m->buf + m->len);
    g->cmd = (unsigned char)cmd;
    g->version = 1;
    m->len += GENL_HDRLEN;
  }
  return h;
}

static void put_attr(Msg *m, unsigned short type, const void *data, size_t n)
{
  struct nlattr *a = (struct nlattr *)(m->buf + m->len);
  a->nla_type = type;
  a->nla_len = (unsigned short)(NLA_HDRLEN + n);
  memcpy((char *)a + NLA_HDRLEN, data, n);
  m->len += NLA_ALIGN(a->nla_len);
}

static void put_u32(Msg *m, unsigned short type, unsigned v)
{
  put_attr(m, type, &v, sizeof v);
}

static void send_to(int fd, const struct sockaddr_nl *to, Msg *m)
{
  ((struct nlmsghdr *)m->buf)->nlmsg_len = (unsigned)m->len;
  sendto(fd, m->buf, m->len, 0, (const struct sockaddr *)to, sizeof *to);
}

/* NLMSG_ERROR: error 0 is the ACK. */
static void send_error(int fd, const struct sockaddr_nl *to, const struct nlmsghdr *req, int err)
{
  Msg m;
  msg_start(&m, req, NLMSG_ERROR, -1);
  struct nlmsgerr e = { .error = err, .msg = *req };
  memcpy(m.buf + m.len, &e, sizeof e);
  m.len += NLMSG_ALIGN(sizeof e);
  send_to(fd, to, &m);
}

/* The attributes after the generic header: fills tb[type] (NULL when absent). */
static void parse(const struct nlmsghdr *h, const struct nlattr **tb, int max)
{
  memset(tb, 0, sizeof(*tb) * (size_t)(max + 1));
  const char *p = (const char *)NLMSG_DATA(h) + GENL_HDRLEN;
  const char *end = (const char *)h + h->nlmsg_len;
  while (p + NLA_HDRLEN <= end) {
    const struct nlattr *a = (const struct nlattr *)p;
    if (a->nla_len < NLA_HDRLEN || p + a->nla_len > end)
      break;
    int t = a->nla_type & NLA_TYPE_MASK;
    if (t <= max)
      tb[t] = a;
    p += NLA_ALIGN(a->nla_len);
  }
}

static unsigned attr_u32(const struct nlattr *a)
{
  unsigned v = 0;
  memcpy(&v, (const char *)a + NLA_HDRLEN, sizeof v);
  return v;
}

static void serve_ctrl(int fd, const struct sockaddr_nl *from, const struct nlmsghdr *h)
{
  const struct nlattr *tb[CTRL_ATTR_MAX + 1];
  parse(h, tb, CTRL_ATTR_MAX);
  const struct genlmsghdr *g = NLMSG_DATA(h);
  const char *name = tb[CTRL_ATTR_FAMILY_NAME]
                         ? (const char *)tb[CTRL_ATTR_FAMILY_NAME] + NLA_HDRLEN : "";
  if (g->cmd != CTRL_CMD_GETFAMILY || strcmp(name, NL80211_GENL_NAME) != 0) {
    send_error(fd, from, h, -ENOENT);
    return;
  }
  Msg m;
  msg_start(&m, h, GENL_ID_CTRL, CTRL_CMD_NEWFAMILY);
  put_attr(&m, CTRL_ATTR_FAMILY_NAME, NL80211_GENL_NAME, sizeof NL80211_GENL_NAME);
  unsigned short id = FAMILY_ID;
  put_attr(&m, CTRL_ATTR_FAMILY_ID, &id, sizeof id);
  put_u32(&m, CTRL_ATTR_VERSION, 1);
  put_u32(&m, CTRL_ATTR_HDRSIZE, 0);
  put_u32(&m, CTRL_ATTR_MAXATTR, NL80211_ATTR_MAX);
  send_to(fd, from, &m);
  if (h->nlmsg_flags & NLM_F_ACK)
    send_error(fd, from, h, 0);
}

static void serve_nl80211(int fd, const struct sockaddr_nl *from, const struct nlmsghdr *h)
{
  const struct nlattr *tb[NL80211_ATTR_MAX + 1];
  parse(h, tb, NL80211_ATTR_MAX);
  const struct genlmsghdr *g = NLMSG_DATA(h);
  int i = tb[NL80211_ATTR_IFINDEX] ? find_if(attr_u32(tb[NL80211_ATTR_IFINDEX])) : -1;
  if (i < 0) {
    send_error(fd, from, h, -ENODEV);
    return;
  }
  if (g->cmd == NL80211_CMD_GET_POWER_SAVE) {
    Msg m;
    msg_start(&m, h, FAMILY_ID, NL80211_CMD_GET_POWER_SAVE);
    put_u32(&m, NL80211_ATTR_PS_STATE, ifs[i].state > 0 ? NL80211_PS_ENABLED
                                                         : NL80211_PS_DISABLED);
    send_to(fd, from, &m);
    if (h->nlmsg_flags & NLM_F_ACK)
      send_error(fd, from, h, 0);
    return;
  }
  if (g->cmd == NL80211_CMD_SET_POWER_SAVE && tb[NL80211_ATTR_PS_STATE]) {
    if (ifs[i].state < 0) {
      send_error(fd, from, h, -EOPNOTSUPP);   /* as drivers without PS support answer */
      return;
    }
    ifs[i].state = attr_u32(tb[NL80211_ATTR_PS_STATE]) == NL80211_PS_ENABLED;
    save();
    send_error(fd, from, h, 0);
    return;
  }
  send_error(fd, from, h, -EOPNOTSUPP);
}

int main(int argc, char **argv)
{
  if (argc < 3) {
    fprintf(stderr, "usage: %s STATEFILE IFINDEX=on|off|unsupported...\n", argv[0]);
    return 99;
  }
  state_file = argv[1];
  for (int i = 2; i < argc && n_ifs < MAX_IF; i++) {
    char *eq = strchr(argv[i], '=');
    if (eq == NULL)
      return 99;
    ifs[n_ifs].ifindex = (unsigned)strtoul(argv[i], NULL, 10);
    ifs[n_ifs].state = strcmp(eq + 1, "on") == 0 ? 1 : strcmp(eq + 1, "off") == 0 ? 0 : -1;
    n_ifs++;
  }
  save();
  /* Generic netlink between user-space sockets needs CAP_NET_ADMIN (containers
   * drop it); NETLINK_USERSOCK carries the same messages without it. */
  static const int protos[] = { NETLINK_GENERIC, NETLINK_USERSOCK };
  int fd = -1;
  struct sockaddr_nl me = { .nl_family = AF_NETLINK };
  for (int p = 0; p < 2 && fd < 0; p++) {
    fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, protos[p]);
    socklen_t len = sizeof me;
    me.nl_pid = 0;
    if (fd < 0 || bind(fd, (struct sockaddr *)&me, sizeof me) < 0 ||
        getsockname(fd, (struct sockaddr *)&me, &len) < 0) {
      perror("netlink socket");
      return 99;
    }
    /* Can user space send to user space here? Send ourselves a probe. */
    struct nlmsghdr probe = { .nlmsg_len = NLMSG_HDRLEN, .nlmsg_type = NLMSG_NOOP };
    if (sendto(fd, &probe, probe.nlmsg_len, 0, (struct sockaddr *)&me, sizeof me) < 0) {
      fprintf(stderr, "user-to-user netlink (protocol %d) refused: %s\n", protos[p],
              strerror(errno));
      close(fd);
      fd = -1;
      continue;
    }
    printf(protos[p] == NETLINK_GENERIC ? "%u\n" : "%u/usersock\n", me.nl_pid);
  }
  if (fd < 0)
    return 77;
  fflush(stdout);
  char buf[8192];
  for (;;) {
    struct sockaddr_nl from;
    socklen_t fl = sizeof from;
    ssize_t n = recvfrom(fd, buf, sizeof buf, 0, (struct sockaddr *)&from, &fl);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      return 99;
    }
    for (struct nlmsghdr *h = (struct nlmsghdr *)buf; NLMSG_OK(h, (size_t)n);
         h = NLMSG_NEXT(h, n)) {
      if (h->nlmsg_type == NLMSG_NOOP || from.nl_pid == me.nl_pid)
        continue;
      if (h->nlmsg_type == GENL_ID_CTRL)
        serve_ctrl(fd, &from, h);
      else if (h->nlmsg_type == FAMILY_ID)
        serve_nl80211(fd, &from, h);
      else
        send_error(fd, &from, h, -EOPNOTSUPP);
    }
  }
}
