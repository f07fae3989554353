/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The `lapfit` file of a portable artifact (scripts/portable.sh): runs the
 * bundled program with the bundled glibc loader, so the host's C library and
 * other libraries never matter, and sets up what that glibc and ncurses need
 * to find (locales, terminfo, translations) inside the artifact.
 *
 * Why not a shell script: an empty root (the CI proof, a rescue system) has no
 * /bin/sh. Why no libc: the i686 launcher must itself run on a CPU without
 * CMOV to say so, and Debian's libc.a is built for i686 (CMOV). So this file is
 * freestanding: raw system calls, built with -march=i386 (no CMOV, no SSE)
 * for the i686 artifact; scripts/portable.sh checks the result with objdump.
 * Its messages are in po/ like the program's (po/make-pot.sh reads this file)
 * and are looked up in the artifact's own lapfit.mo. */

#if defined(__x86_64__)
#define LOADER "lib/ld-linux-x86-64.so.2"
enum { NR_read = 0, NR_write = 1, NR_open = 2, NR_close = 3, NR_access = 21,
       NR_execve = 59, NR_exit = 60, NR_readlink = 89 };
static long sys3(long n, long a, long b, long c)
{
  long r;
  __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c) : "rcx", "r11", "memory");
  return r;
}
__asm__(".text\n.globl _start\n_start:\n"
        "  xor %rbp, %rbp\n  mov %rsp, %rdi\n  and $-16, %rsp\n  call lf_start\n  hlt\n");
#elif defined(__i386__)
#define LOADER "lib/ld-linux.so.2"
#define CHECK_CMOV 1
enum { NR_exit = 1, NR_read = 3, NR_write = 4, NR_open = 5, NR_close = 6, NR_execve = 11,
       NR_access = 33, NR_readlink = 85 };
static long sys3(long n, long a, long b, long c)
{
  long r;
  __asm__ volatile("int $0x80" : "=a"(r) : "a"(n), "b"(a), "c"(b), "d"(c) : "memory");
  return r;
}
__asm__(".text\n.globl _start\n_start:\n"
        "  xor %ebp, %ebp\n  mov %esp, %eax\n  and $-16, %esp\n  sub $12, %esp\n"
        "  push %eax\n  call lf_start\n  hlt\n");
#else
#error "the portable launcher is for x86-64 and i686"
#endif

#define PATH_BYTES 4096
#define MAX_ENV 1024

static unsigned long len(const char *s)
{
  unsigned long n = 0;
  while (s[n])
    n++;
  return n;
}

static int has_prefix(const char *s, const char *p)
{
  while (*p)
    if (*s++ != *p++)
      return 0;
  return 1;
}

/* Appends src to buf[*at..]; the buffers are sized so nothing valid overflows. */
static void put(char *buf, unsigned long *at, unsigned long size, const char *src)
{
  while (*src && *at + 1 < size)
    buf[(*at)++] = *src++;
  buf[*at] = '\0';
}

/* Marks a message for xgettext (po/make-pot.sh); tr() translates it. */
#define N_(s) s

static void put_err(const char *s, unsigned long n)
{
  sys3(NR_write, 2, (long)s, (long)n);
}

/* Writes "lapfit: MSG\n" to stderr, MSG's one "%s" replaced by arg. */
static void say(const char *msg, const char *arg)
{
  put_err("lapfit: ", 8);
  const char *s = msg;
  for (; *s; s++)
    if (s[0] == '%' && s[1] == 's' && arg) {
      put_err(msg, (unsigned long)(s - msg));
      put_err(arg, len(arg));
      msg = s + 2;
      s++;
    }
  put_err(msg, len(msg));
  put_err("\n", 1);
}

static __attribute__((noreturn)) void quit(int code)
{
  for (;;)
    sys3(NR_exit, code, 0, 0);
}

/* The directory of this file: /proc/self/exe (symlinks resolved), else argv[0]. */
static int self_dir(char *dir, const char *argv0)
{
  long n = sys3(NR_readlink, (long)"/proc/self/exe", (long)dir, PATH_BYTES - 1);
  if (n <= 0) {
    n = 0;
    unsigned long at = 0;
    put(dir, &at, PATH_BYTES, argv0);
    n = (long)at;
  }
  dir[n] = '\0';
  while (n > 0 && dir[n - 1] != '/')
    n--;
  if (n == 0)
    return 0;
  dir[n - 1] = '\0';
  if (n == 1)
    dir[0] = '/', dir[1] = '\0';
  return 1;
}

#ifdef CHECK_CMOV
/* 0 only when /proc/cpuinfo has a flags line without cmov (K6-2, VIA C3
 * Samuel 2/Ezra, Pentium MMX); unreadable or odd input does not stop lapfit. */
static int cpu_has_cmov(void)
{
  static char buf[16384];
  long fd = sys3(NR_open, (long)"/proc/cpuinfo", 0, 0);
  if (fd < 0)
    return 1;
  long n = 0, r;
  while (n < (long)sizeof buf - 1 && (r = sys3(NR_read, fd, (long)(buf + n), (long)sizeof buf - 1 - n)) > 0)
    n += r;
  sys3(NR_close, fd, 0, 0);
  buf[n < 0 ? 0 : n] = '\0';
  for (char *line = buf; *line; ) {
    if (has_prefix(line, "flags")) {
      for (char *p = line; *p && *p != '\n'; p++)
        if ((p[-1] == ' ' || p[-1] == '\t') && has_prefix(p, "cmov") &&
            (p[4] == ' ' || p[4] == '\n' || p[4] == '\0'))
          return 1;
      return 0;
    }
    while (*line && *line != '\n')
      line++;
    if (*line)
      line++;
  }
  return 1;
}
#endif

static const char *getenv_in(char **envp, const char *name)
{
  unsigned long n = len(name);
  for (; *envp; envp++)
    if (has_prefix(*envp, name) && (*envp)[n] == '=')
      return *envp + n + 1;
  return 0;
}

static int is_c_locale(const char *v)
{
  return !v || !*v || (v[0] == 'C' && (v[1] == '\0' || v[1] == '.')) || has_prefix(v, "POSIX");
}

static unsigned long u32(const unsigned char *p)
{
  return (unsigned long)p[0] | (unsigned long)p[1] << 8 | (unsigned long)p[2] << 16 |
         (unsigned long)p[3] << 24;
}

/* msgid's translation in a .mo file's bytes (GNU format, little-endian as
 * msgfmt writes it here), or 0. Every offset is checked against the size. */
static const char *mo_find(const unsigned char *mo, unsigned long size, const char *msgid)
{
  if (size < 28 || u32(mo) != 0x950412deUL)
    return 0;
  unsigned long n = u32(mo + 8), orig = u32(mo + 12), trans = u32(mo + 16);
  if (orig > size || trans > size || n > (size - orig) / 8 || n > (size - trans) / 8)
    return 0;
  unsigned long want = len(msgid);
  for (unsigned long i = 0; i < n; i++) {
    unsigned long l = u32(mo + orig + 8 * i), o = u32(mo + orig + 8 * i + 4);
    if (l != want || o > size || l >= size - o || mo[o + l] != '\0')
      continue;
    unsigned long k = 0;
    while (k < l && mo[o + k] == (unsigned char)msgid[k])
      k++;
    if (k < l)
      continue;
    l = u32(mo + trans + 8 * i), o = u32(mo + trans + 8 * i + 4);
    if (l == 0 || o > size || l >= size - o || mo[o + l] != '\0')
      return 0;
    return (const char *)mo + o;
  }
  return 0;
}

/* msgid in the user's language from DIR/share/locale/LL[_CC]/LC_MESSAGES/lapfit.mo,
 * as gettext would choose it (LANGUAGE's first entry, else LC_ALL, LC_MESSAGES,
 * LANG), for a UTF-8 locale only: otherwise, or when anything is missing, msgid.
 * Only error paths call this, so a normal start reads no catalogue. */
static const char *tr(char **envp, const char *dir, const char *msgid)
{
  static unsigned char mo[1 << 20];
  const char *loc = getenv_in(envp, "LC_ALL");
  if (!loc || !*loc)
    loc = getenv_in(envp, "LC_MESSAGES");
  if (!loc || !*loc)
    loc = getenv_in(envp, "LANG");
  if (is_c_locale(loc) || !dir)
    return msgid;
  const char *dot = loc;
  while (*dot && *dot != '.')
    dot++;
  if (!(has_prefix(dot, ".UTF-8") || has_prefix(dot, ".utf8") || has_prefix(dot, ".utf-8") ||
        has_prefix(dot, ".UTF8")))
    return msgid;
  const char *want = getenv_in(envp, "LANGUAGE");
  if (!want || !*want)
    want = loc;
  char lang[64];
  unsigned long n = 0;
  while (want[n] && want[n] != '.' && want[n] != '@' && want[n] != ':' && n < sizeof lang - 1)
    lang[n] = want[n], n++;
  lang[n] = '\0';
  for (int pass = 0; pass < 2; pass++) {
    if (pass == 1)
      for (n = 0; lang[n]; n++)
        if (lang[n] == '_')
          lang[n] = '\0';
    char path[PATH_BYTES];
    unsigned long p = 0;
    put(path, &p, sizeof path, dir);
    put(path, &p, sizeof path, "/share/locale/");
    put(path, &p, sizeof path, lang);
    put(path, &p, sizeof path, "/LC_MESSAGES/lapfit.mo");
    long fd = sys3(NR_open, (long)path, 0, 0);
    if (fd < 0)
      continue;
    long size = 0, r;
    while (size < (long)sizeof mo && (r = sys3(NR_read, fd, (long)(mo + size), (long)sizeof mo - size)) > 0)
      size += r;
    sys3(NR_close, fd, 0, 0);
    const char *t = mo_find(mo, size < 0 ? 0 : (unsigned long)size, msgid);
    return t ? t : msgid;
  }
  return msgid;
}

/* Picks the bundled locale (LOCPATH) for the user's language: ll_CC.UTF-8, the
 * language's default ll.UTF-8, else C.UTF-8 so text and the screen stay UTF-8.
 * A non-UTF-8 locale becomes C (ASCII), as lapfit draws without UTF-8 there.
 * Returns 0 when the environment asks for C/POSIX and nothing changes. */
static int pick_locale(char **envp, const char *dir, char *out, unsigned long size)
{
  const char *msg = getenv_in(envp, "LC_ALL");
  if (!msg || !*msg)
    msg = getenv_in(envp, "LC_MESSAGES");
  if (!msg || !*msg)
    msg = getenv_in(envp, "LANG");
  if (is_c_locale(msg))
    return 0;
  char lang[64];
  unsigned long n = 0;
  while (msg[n] && msg[n] != '.' && msg[n] != '@' && n < sizeof lang - 1)
    lang[n] = msg[n], n++;
  lang[n] = '\0';
  const char *dot = msg + n;
  int utf8 = *dot == '.' && (has_prefix(dot, ".UTF-8") || has_prefix(dot, ".utf8") ||
                             has_prefix(dot, ".utf-8") || has_prefix(dot, ".UTF8"));
  unsigned long at = 0;
  out[0] = '\0';
  if (!utf8) {
    put(out, &at, size, "C");
    return 1;
  }
  char path[PATH_BYTES];
  for (int pass = 0; pass < 2; pass++) {
    if (pass == 1)
      for (n = 0; lang[n]; n++)
        if (lang[n] == '_')
          lang[n] = '\0';
    unsigned long p = 0;
    put(path, &p, sizeof path, dir);
    put(path, &p, sizeof path, "/locale/");
    put(path, &p, sizeof path, lang);
    put(path, &p, sizeof path, ".UTF-8");
    if (sys3(NR_access, (long)path, 0, 0) == 0) {
      put(out, &at, size, lang);
      put(out, &at, size, ".UTF-8");
      return 1;
    }
  }
  put(out, &at, size, "C.UTF-8");
  return 1;
}

__attribute__((used)) void lf_start(long *sp);
__attribute__((used)) void lf_start(long *sp)
{
  int argc = (int)sp[0];
  char **argv = (char **)(sp + 1);
  char **envp = argv + argc + 1;
  static char dir[PATH_BYTES];
  if (!self_dir(dir, argc > 0 ? argv[0] : "")) {
    /* Without the directory there is no catalogue to translate this from. */
    say("cannot find the artifact's directory: /proc is not mounted; run it by its path", 0);
    quit(1);
  }
#ifdef CHECK_CMOV
  if (!cpu_has_cmov()) {
    say(tr(envp, dir, N_("this processor has no CMOV instruction (i686), which lapfit needs: "
                         "K6-2, VIA C3 Samuel 2/Ezra and older CPUs cannot run it")), 0);
    quit(1);
  }
#endif
  static char loader[PATH_BYTES], program[PATH_BYTES], libs[PATH_BYTES];
  static char locpath[PATH_BYTES], localedir[PATH_BYTES], terminfo[2 * PATH_BYTES];
  static char lc_all[128], giomod[PATH_BYTES];
  unsigned long a = 0, b = 0, c = 0, d = 0, e = 0, f = 0;
  put(loader, &a, sizeof loader, dir), put(loader, &a, sizeof loader, "/" LOADER);
  put(program, &b, sizeof program, dir), put(program, &b, sizeof program, "/lib/lapfit");
  put(libs, &c, sizeof libs, dir), put(libs, &c, sizeof libs, "/lib");
  put(locpath, &d, sizeof locpath, "LOCPATH="), put(locpath, &d, sizeof locpath, dir);
  put(locpath, &d, sizeof locpath, "/locale");
  put(localedir, &e, sizeof localedir, "LAPFIT_LOCALEDIR="), put(localedir, &e, sizeof localedir, dir);
  put(localedir, &e, sizeof localedir, "/share/locale");
  /* GIO must not load the host's modules: they are linked to the host's GLib. */
  unsigned long h = 0;
  put(giomod, &h, sizeof giomod, "GIO_MODULE_DIR="), put(giomod, &h, sizeof giomod, dir);
  put(giomod, &h, sizeof giomod, "/lib/gio-modules");
  /* The host's terminfo first (its terminal may be newer), then ours. */
  const char *user_ti = getenv_in(envp, "TERMINFO_DIRS");
  put(terminfo, &f, sizeof terminfo, "TERMINFO_DIRS=");
  put(terminfo, &f, sizeof terminfo,
      user_ti && *user_ti ? user_ti : "/etc/terminfo:/lib/terminfo:/usr/share/terminfo:/usr/lib/terminfo");
  put(terminfo, &f, sizeof terminfo, ":"), put(terminfo, &f, sizeof terminfo, dir);
  put(terminfo, &f, sizeof terminfo, "/terminfo");
  char chosen[96];
  int set_lc = pick_locale(envp, dir, chosen, sizeof chosen);
  if (set_lc) {
    unsigned long g = 0;
    put(lc_all, &g, sizeof lc_all, "LC_ALL="), put(lc_all, &g, sizeof lc_all, chosen);
  }

  static char *env[MAX_ENV + 8];
  int n = 0;
  for (char **p = envp; *p && n < MAX_ENV; p++)
    if (!has_prefix(*p, "LOCPATH=") && !has_prefix(*p, "LAPFIT_LOCALEDIR=") &&
        !has_prefix(*p, "TERMINFO_DIRS=") && !(set_lc && has_prefix(*p, "LC_ALL=")) &&
        !has_prefix(*p, "LD_LIBRARY_PATH=") && !has_prefix(*p, "LD_PRELOAD=") &&
        !has_prefix(*p, "GIO_MODULE_DIR=") && !has_prefix(*p, "GIO_EXTRA_MODULES="))
      env[n++] = *p;
  env[n++] = locpath;
  env[n++] = localedir;
  env[n++] = terminfo;
  env[n++] = giomod;
  if (set_lc)
    env[n++] = lc_all;
  env[n] = 0;

  static char *args[4096 + 8];
  int m = 0;
  args[m++] = loader;
  args[m++] = "--library-path";
  args[m++] = libs;
  args[m++] = "--argv0";
  args[m++] = argc > 0 ? argv[0] : "lapfit";
  args[m++] = program;
  for (int i = 1; i < argc && m < 4096 + 6; i++)
    args[m++] = argv[i];
  args[m] = 0;
  long r = sys3(NR_execve, (long)loader, (long)args, (long)env);
  /* TRANSLATORS: %s: the path of lib/ld-linux*.so.2 in the unpacked directory */
  say(tr(envp, dir, N_("cannot run the bundled loader %s")), loader);
  quit(r == -2 ? 127 : 126);
}
