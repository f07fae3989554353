/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The terminal: curses start and stop, colours or monochrome attributes, UTF-8
 * or plain ASCII glyphs, signal-safe restore, and a log sink that keeps GLib
 * messages off the screen. Everything else in tui/ draws through lf_crt_put().
 * After htop's CRT.c. */
#pragma once
#include <glib.h>
#include <ncurses.h>

/* What a piece of text is; lf_crt_attr() maps it to colour or monochrome. */
typedef enum {
  LF_ROLE_NORMAL,
  LF_ROLE_TITLE,        /* top bar */
  LF_ROLE_TAB,
  LF_ROLE_TAB_ACTIVE,
  LF_ROLE_HEADER,       /* section heading inside a screen */
  LF_ROLE_LABEL,
  LF_ROLE_DIM,          /* unknown values, hints */
  LF_ROLE_SELECTED,     /* cursor row */
  LF_ROLE_PASS,
  LF_ROLE_WARN,
  LF_ROLE_FAIL,
  LF_ROLE_KEY,          /* key name in the bottom bar */
  LF_ROLE_KEYTEXT,      /* its label */
  LF_ROLE_STATUS,       /* message line */
  LF_ROLE_BAR_FILL,
  LF_ROLE_BAR_EMPTY,
  LF_ROLE_DIFF_OLD,
  LF_ROLE_DIFF_NEW,
  LF_ROLE_COUNT
} LfRole;

/* Glyphs with a plain-ASCII twin, chosen once at start. */
typedef enum {
  LF_GLYPH_PASS,
  LF_GLYPH_WARN,
  LF_GLYPH_FAIL,
  LF_GLYPH_BAR_FULL,
  LF_GLYPH_BAR_EMPTY,
  LF_GLYPH_ELLIPSIS,
  LF_GLYPH_ARROW,       /* current -> target */
  LF_GLYPH_UPDOWN,
  LF_GLYPH_SEP,         /* between tabs */
  LF_GLYPH_COUNT
} LfGlyph;

/* Installs the buffering log writer. Call before anything may log. */
void lf_crt_log_init(void);
/* Writes buffered messages to stderr (warnings always, debug when enabled). */
void lf_crt_log_flush(void);
/* Number of warnings and criticals logged so far. */
guint lf_crt_log_warnings(void);

/* Starts curses. Returns FALSE with error when the terminal cannot be used. */
gboolean lf_crt_init(GError **error);
/* Restores the terminal; safe to call twice and from atexit. */
void lf_crt_done(void);
/* The signal (SIGINT, SIGTERM, SIGHUP) that asked us to stop, or 0. */
int lf_crt_pending_signal(void);

gboolean lf_crt_utf8(void);
gboolean lf_crt_colour(void);
/* TRUE when clicks and the wheel are reported (not on a console without gpm). */
gboolean lf_crt_mouse(void);
attr_t lf_crt_attr(LfRole role);
const char *lf_crt_glyph(LfGlyph glyph);

/* Terminal cells the UTF-8 text takes as lf_crt_put() would draw it. */
int lf_crt_width(const char *text);
/* Draws text at (y, x) in at most w cells (truncating with an ellipsis when
 * `ellipsis`), with role's attributes; control characters become '?', other
 * text is transliterated to ASCII in a non-UTF-8 locale. Returns cells used. */
int lf_crt_put(int y, int x, int w, const char *text, LfRole role, gboolean ellipsis);
/* Like lf_crt_put with explicit curses attributes. */
int lf_crt_put_attr(int y, int x, int w, const char *text, attr_t attr, gboolean ellipsis);
/* Fills w cells at (y, x) with blanks in role's attributes. */
void lf_crt_fill(int y, int x, int w, LfRole role);
/* Word-wraps UTF-8 text into lines of at most width cells. transfer full. */
GPtrArray *lf_crt_wrap(const char *text, int width);
