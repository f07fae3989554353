/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Terminal handling for the TUI (see crt.h). */
#include "crt.h"

#include <glib/gi18n.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "core/error.h"
#include "core/text.h"

static gboolean crt_active;
static gboolean crt_utf8, crt_colour, crt_fancy, crt_mouse;
static attr_t crt_attrs[LF_ROLE_COUNT];
static SCREEN *crt_screen;
static volatile sig_atomic_t crt_signal;

/* --- log sink ----------------------------------------------------------- */

/* A stray g_warning() would be painted over the screen (or paint over it), so
 * while the TUI runs every message is kept here and printed after endwin(). */
static GMutex log_lock;
static GPtrArray *log_lines;
static gboolean log_passthrough;
static guint log_warning_count;
#define LF_LOG_MAX 500

static GLogWriterOutput log_writer(GLogLevelFlags level, const GLogField *fields, gsize n_fields,
                                   gpointer user_data)
{
  const char *domain = NULL, *message = NULL;
  for (gsize i = 0; i < n_fields; i++) {
    if (g_str_equal(fields[i].key, "GLIB_DOMAIN"))
      domain = fields[i].value;
    else if (g_str_equal(fields[i].key, "MESSAGE"))
      message = fields[i].value;
  }
  if (g_log_writer_default_would_drop(level, domain))
    return G_LOG_WRITER_HANDLED;
  gboolean fatal = (level & (G_LOG_FLAG_FATAL | G_LOG_LEVEL_ERROR)) != 0;
  if (fatal)
    lf_crt_done();     /* the process is about to abort: give the terminal back first */
  g_mutex_lock(&log_lock);
  gboolean direct = log_passthrough || fatal;
  if (!direct) {
    if (log_lines == NULL)
      log_lines = g_ptr_array_new_with_free_func(g_free);
    if (level & (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL))
      log_warning_count++;
    if (log_lines->len < LF_LOG_MAX) {
      const char *what = (level & G_LOG_LEVEL_CRITICAL)  ? "CRITICAL"
                         : (level & G_LOG_LEVEL_WARNING) ? "WARNING"
                         : (level & G_LOG_LEVEL_MESSAGE) ? "Message"
                                                         : "DEBUG";
      /* printed as it is after the screen closes: GLib's own writer escapes
       * controls, this one must too (a sysfs name may hold an escape) */
      g_autofree char *clean = lf_text_sanitize(message ? message : "");
      g_ptr_array_add(log_lines,
                      g_strdup_printf("%s-%s: %s", domain ? domain : "lapfit", what, clean));
    }
  }
  g_mutex_unlock(&log_lock);
  if (direct)
    return g_log_writer_standard_streams(level, fields, n_fields, user_data);
  return G_LOG_WRITER_HANDLED;
}

void lf_crt_log_init(void)
{
  static gsize once;
  if (g_once_init_enter(&once)) {
    g_log_set_writer_func(log_writer, NULL, NULL);
    g_once_init_leave(&once, 1);
  }
}

void lf_crt_log_flush(void)
{
  g_mutex_lock(&log_lock);
  if (log_lines)
    for (guint i = 0; i < log_lines->len; i++)
      fprintf(stderr, "%s\n", (const char *)log_lines->pdata[i]);
  g_clear_pointer(&log_lines, g_ptr_array_unref);
  log_passthrough = TRUE;
  g_mutex_unlock(&log_lock);
}

guint lf_crt_log_warnings(void)
{
  g_mutex_lock(&log_lock);
  guint n = log_warning_count;
  g_mutex_unlock(&log_lock);
  return n;
}

/* --- signals ------------------------------------------------------------ */

static void on_stop_signal(int sig)
{
  crt_signal = sig;    /* the event loop polls every 100 ms and leaves cleanly */
}

static void on_fatal_signal(int sig)
{
  /* Best effort, as htop does: the terminal matters more than strict
   * async-signal-safety on the way to a core dump. */
  if (crt_active)
    endwin();
  signal(sig, SIG_DFL);
  raise(sig);
}

static void install_signals(void)
{
  struct sigaction sa = { 0 };
  sigemptyset(&sa.sa_mask);
  sa.sa_handler = on_stop_signal;   /* no SA_RESTART: a blocked read returns at once */
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGHUP, &sa, NULL);
  sa.sa_handler = on_fatal_signal;
  sa.sa_flags = SA_RESETHAND;
  sigaction(SIGSEGV, &sa, NULL);
  sigaction(SIGBUS, &sa, NULL);
  sigaction(SIGFPE, &sa, NULL);
  sigaction(SIGILL, &sa, NULL);
  sigaction(SIGABRT, &sa, NULL);
}

int lf_crt_pending_signal(void)
{
  return crt_signal;
}

/* --- start and stop ----------------------------------------------------- */

static void init_attrs(void)
{
  crt_colour = has_colors() && (g_getenv("NO_COLOR") == NULL || !*g_getenv("NO_COLOR"));
  if (crt_colour) {
    start_color();
    /* The terminal's own background where it allows, else black. */
    short bg = use_default_colors() == OK ? -1 : COLOR_BLACK;
    static const struct { LfRole role; short fg, bg; attr_t extra; } pairs[] = {
      { LF_ROLE_TITLE, COLOR_BLACK, COLOR_CYAN, 0 },
      { LF_ROLE_TAB_ACTIVE, COLOR_BLACK, COLOR_GREEN, A_BOLD },
      { LF_ROLE_HEADER, COLOR_CYAN, -2, A_BOLD },
      { LF_ROLE_SELECTED, COLOR_BLACK, COLOR_CYAN, 0 },
      { LF_ROLE_PASS, COLOR_GREEN, -2, A_BOLD },
      { LF_ROLE_WARN, COLOR_YELLOW, -2, A_BOLD },
      { LF_ROLE_FAIL, COLOR_RED, -2, A_BOLD },
      { LF_ROLE_KEY, COLOR_BLACK, COLOR_CYAN, 0 },
      { LF_ROLE_STATUS, COLOR_YELLOW, -2, A_BOLD },
      { LF_ROLE_BAR_FILL, COLOR_GREEN, -2, 0 },
      { LF_ROLE_DIFF_OLD, COLOR_RED, -2, 0 },
      { LF_ROLE_DIFF_NEW, COLOR_GREEN, -2, A_BOLD },
    };
    for (gsize i = 0; i < G_N_ELEMENTS(pairs); i++) {
      short p = (short)(i + 1);
      init_pair(p, pairs[i].fg, pairs[i].bg == -2 ? bg : pairs[i].bg);
      crt_attrs[pairs[i].role] = COLOR_PAIR(p) | pairs[i].extra;
    }
    crt_attrs[LF_ROLE_NORMAL] = A_NORMAL;
    crt_attrs[LF_ROLE_TAB] = A_NORMAL;
    crt_attrs[LF_ROLE_LABEL] = A_NORMAL;
    crt_attrs[LF_ROLE_DIM] = A_DIM;
    crt_attrs[LF_ROLE_KEYTEXT] = A_NORMAL;
    crt_attrs[LF_ROLE_BAR_EMPTY] = A_DIM;
    return;
  }
  /* Monochrome (NO_COLOR, vt100, ...): attributes carry the meaning; the
   * verdict glyphs and words carry it too, never colour alone. */
  crt_attrs[LF_ROLE_NORMAL] = A_NORMAL;
  crt_attrs[LF_ROLE_TITLE] = A_REVERSE;
  crt_attrs[LF_ROLE_TAB] = A_NORMAL;
  crt_attrs[LF_ROLE_TAB_ACTIVE] = A_REVERSE | A_BOLD;
  crt_attrs[LF_ROLE_HEADER] = A_BOLD | A_UNDERLINE;
  crt_attrs[LF_ROLE_LABEL] = A_NORMAL;
  crt_attrs[LF_ROLE_DIM] = A_DIM;
  crt_attrs[LF_ROLE_SELECTED] = A_REVERSE;
  crt_attrs[LF_ROLE_PASS] = A_BOLD;
  crt_attrs[LF_ROLE_WARN] = A_BOLD;
  crt_attrs[LF_ROLE_FAIL] = A_BOLD;
  crt_attrs[LF_ROLE_KEY] = A_REVERSE;
  crt_attrs[LF_ROLE_KEYTEXT] = A_NORMAL;
  crt_attrs[LF_ROLE_STATUS] = A_BOLD;
  crt_attrs[LF_ROLE_BAR_FILL] = A_NORMAL;
  crt_attrs[LF_ROLE_BAR_EMPTY] = A_NORMAL;
  crt_attrs[LF_ROLE_DIFF_OLD] = A_NORMAL;
  crt_attrs[LF_ROLE_DIFF_NEW] = A_BOLD;
}

/* Clicks and the wheel, where the terminal reports them. The Linux console
 * reports the mouse only through gpm: without its socket, asking would only
 * make ncurses try and fail. */
static void init_mouse(void)
{
  const char *term = g_getenv("TERM");
  crt_mouse = FALSE;
  if (g_getenv("LAPFIT_NO_MOUSE") != NULL)
    return;
  if (term && g_str_has_prefix(term, "linux") && !g_file_test("/dev/gpmctl", G_FILE_TEST_EXISTS))
    return;
  mmask_t want = BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED;
  crt_mouse = mousemask(want, NULL) != 0;
  mouseinterval(0);       /* a press is a click: no wait for a double click */
}

gboolean lf_crt_mouse(void)
{
  return crt_mouse;
}

static void crt_atexit(void)
{
  lf_crt_done();
}

gboolean lf_crt_init(GError **error)
{
  if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
    g_set_error_literal(error, LF_ERROR, LF_ERROR_UNSUPPORTED,
                        _("the interactive screen needs a terminal (try 'lapfit probe')"));
    return FALSE;
  }
  const char *charset = NULL;
  crt_utf8 = g_get_charset(&charset);
  /* The Linux console's fonts lack most symbols; keep letters, drop pictures. */
  crt_fancy = crt_utf8 && g_strcmp0(g_getenv("TERM"), "linux") != 0;
  install_signals();
  static gboolean registered;
  if (!registered) {
    atexit(crt_atexit);
    registered = TRUE;
  }
  if (g_getenv("ESCDELAY") == NULL)
    set_escdelay(25);   /* Escape closes dialogs; ncurses waits 1 s by default */
  crt_screen = newterm(NULL, stdout, stdin);
  if (crt_screen == NULL) {
    const char *term = g_getenv("TERM");
    g_set_error(error, LF_ERROR, LF_ERROR_UNSUPPORTED,
                _("cannot use terminal type '%s' for the interactive screen"),
                term ? term : "");
    return FALSE;
  }
  set_term(crt_screen);
  crt_active = TRUE;
  cbreak();
  noecho();
  nonl();
  intrflush(stdscr, FALSE);
  keypad(stdscr, TRUE);
  curs_set(0);
  init_attrs();
  init_mouse();
  return TRUE;
}

void lf_crt_done(void)
{
  if (!crt_active)
    return;
  crt_active = FALSE;
  if (crt_mouse)
    mousemask(0, NULL);     /* the terminal stops reporting clicks */
  curs_set(1);
  endwin();
  fflush(stdout);
  if (crt_screen) {
    delscreen(crt_screen);
    crt_screen = NULL;
  }
}

gboolean lf_crt_utf8(void)
{
  return crt_utf8;
}

gboolean lf_crt_colour(void)
{
  return crt_colour;
}

attr_t lf_crt_attr(LfRole role)
{
  g_return_val_if_fail(role < LF_ROLE_COUNT, A_NORMAL);
  return crt_attrs[role];
}

const char *lf_crt_glyph(LfGlyph glyph)
{
  static const char *const fancy[LF_GLYPH_COUNT] = {
    [LF_GLYPH_PASS] = "✓", [LF_GLYPH_WARN] = "!", [LF_GLYPH_FAIL] = "✗",
    [LF_GLYPH_BAR_FULL] = "█", [LF_GLYPH_BAR_EMPTY] = "░", [LF_GLYPH_ELLIPSIS] = "…",
    [LF_GLYPH_ARROW] = "→", [LF_GLYPH_UPDOWN] = "↑↓", [LF_GLYPH_SEP] = "│",
  };
  static const char *const plain[LF_GLYPH_COUNT] = {
    [LF_GLYPH_PASS] = "+", [LF_GLYPH_WARN] = "!", [LF_GLYPH_FAIL] = "x",
    [LF_GLYPH_BAR_FULL] = "#", [LF_GLYPH_BAR_EMPTY] = "-", [LF_GLYPH_ELLIPSIS] = "~",
    [LF_GLYPH_ARROW] = "->", [LF_GLYPH_UPDOWN] = "Up/Dn", [LF_GLYPH_SEP] = "|",
  };
  g_return_val_if_fail(glyph < LF_GLYPH_COUNT, "?");
  return crt_fancy ? fancy[glyph] : plain[glyph];
}

/* --- text --------------------------------------------------------------- */

/* Valid UTF-8 without control characters (report strings come from files
 * anyone can write: an escape sequence must not reach the terminal), and
 * ASCII when the locale cannot show more. transfer full. */
static char *clean_text(const char *text)
{
  char *utf8 = lf_text_sanitize(text);   /* controls, C1, bidi overrides */
  if (crt_utf8)
    return utf8;
  g_autofree char *owned = utf8;
  char *ascii = g_str_to_ascii(owned, NULL);
  for (char *p = ascii; *p; p++)
    if ((unsigned char)*p < 0x20 || (unsigned char)*p >= 0x7f)
      *p = '?';
  return ascii;
}

static int char_width(gunichar c)
{
  if (!crt_utf8)
    return 1;
  int w = wcwidth((wchar_t)c);
  return w < 0 ? 1 : w;
}

static int clean_width(const char *clean)
{
  int w = 0;
  for (const char *p = clean; *p; p = g_utf8_next_char(p))
    w += char_width(g_utf8_get_char(p));
  return w;
}

int lf_crt_width(const char *text)
{
  if (text == NULL)
    return 0;
  g_autofree char *clean = clean_text(text);
  return clean_width(clean);
}

/* Draws at most `limit` cells of clean text at the cursor. */
static int put_clean(const char *clean, int limit)
{
  int used = 0;
  if (!crt_utf8) {
    int n = MIN((int)strlen(clean), limit);
    addnstr(clean, n);
    return n;
  }
  glong n = g_utf8_strlen(clean, -1);
  g_autofree wchar_t *buf = g_new(wchar_t, n + 1);
  glong k = 0;
  for (const char *p = clean; *p; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    int cw = char_width(c);
    if (used + cw > limit)
      break;
    buf[k++] = (wchar_t)c;
    used += cw;
  }
  buf[k] = 0;
  if (k > 0)
    addnwstr(buf, (int)k);
  return used;
}

int lf_crt_put_attr(int y, int x, int w, const char *text, attr_t attr, gboolean ellipsis)
{
  if (w <= 0 || text == NULL || y < 0 || y >= LINES || x >= COLS)
    return 0;
  w = MIN(w, COLS - x);
  g_autofree char *clean = clean_text(text);
  int total = clean_width(clean);
  const char *ell = lf_crt_glyph(LF_GLYPH_ELLIPSIS);
  int ell_w = clean_width(ell);
  gboolean cut = total > w && ellipsis && w > ell_w;
  attrset(attr);
  move(y, x);
  int used = put_clean(clean, cut ? w - ell_w : w);
  if (cut) {
    addstr(ell);
    used += ell_w;
  }
  attrset(A_NORMAL);
  return used;
}

int lf_crt_put(int y, int x, int w, const char *text, LfRole role, gboolean ellipsis)
{
  return lf_crt_put_attr(y, x, w, text, lf_crt_attr(role), ellipsis);
}

void lf_crt_fill(int y, int x, int w, LfRole role)
{
  if (y < 0 || y >= LINES || w <= 0 || x >= COLS)
    return;
  w = MIN(w, COLS - x);
  attrset(lf_crt_attr(role));
  mvhline(y, x, ' ', w);
  attrset(A_NORMAL);
}

GPtrArray *lf_crt_wrap(const char *text, int width)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func(g_free);
  width = MAX(width, 8);
  g_auto(GStrv) paragraphs = g_strsplit(text ? text : "", "\n", -1);
  for (char **para = paragraphs; *para; para++) {
    g_auto(GStrv) words = g_strsplit(*para, " ", -1);
    GString *line = g_string_new(NULL);
    int line_w = 0;
    for (char **word = words; *word; word++) {
      if (**word == '\0')
        continue;
      int ww = lf_crt_width(*word);
      if (line_w > 0 && line_w + 1 + ww > width) {
        g_ptr_array_add(lines, g_string_free(line, FALSE));
        line = g_string_new(NULL);
        line_w = 0;
      }
      if (ww > width) {            /* a path or URL longer than the pane: cut it */
        for (const char *p = *word; *p; p = g_utf8_next_char(p)) {
          if (line_w >= width) {
            g_ptr_array_add(lines, g_string_free(line, FALSE));
            line = g_string_new(NULL);
            line_w = 0;
          }
          g_string_append_len(line, p, g_utf8_next_char(p) - p);
          line_w++;
        }
        continue;
      }
      if (line_w > 0) {
        g_string_append_c(line, ' ');
        line_w++;
      }
      g_string_append(line, *word);
      line_w += ww;
    }
    g_ptr_array_add(lines, g_string_free(line, FALSE));
  }
  return lines;
}
