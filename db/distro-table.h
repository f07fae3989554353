/* SPDX-License-Identifier: GPL-2.0-or-later */
/* LfDistroTable: the distribution requirements database, one LfDistroEdition
 * per row of data/distros/<family>.conf.
 *
 * The text files are compiled by db/dbgen into SQLite at build time and the
 * database is embedded in the binary (db/CMakeLists.txt), so one lapfit file
 * works on a live USB. lf_distro_table_load(NULL) opens the embedded copy with
 * sqlite3_deserialize(); a path opens that file instead (`--db FILE`).
 * The table is read into plain structs once; nothing keeps SQLite open. */
#pragma once
#include <glib.h>

#include "core/report.h"

/* The schema version (PRAGMA user_version) this lapfit reads: db/schema.sql. */
#define LF_DISTRO_DB_VERSION 4

typedef enum {
  LF_WEIGHT_NONE = 0,     /* no desktop by default (Arch, Alpine, servers) */
  LF_WEIGHT_LIGHT = 1,    /* LXDE, LXQt, IceWM, JWM, Moksha */
  LF_WEIGHT_MEDIUM = 2,   /* Xfce, MATE */
  LF_WEIGHT_HEAVY = 3,    /* GNOME, KDE Plasma, Cinnamon, Pantheon, COSMIC */
} LfDesktopWeight;

/* Who an edition is for (issue #10); the ranking uses it for --for. */
typedef enum {
  LF_AUDIENCE_UNKNOWN = -1,   /* the row does not say yet: ranked as experienced */
  LF_AUDIENCE_NEWCOMER = 0,   /* installs, updates and fixes itself without a terminal */
  LF_AUDIENCE_EXPERIENCED = 1,/* expects some terminal or manual setup */
  LF_AUDIENCE_EXPERT = 2,     /* rolling, minimal or build-it-yourself systems */
} LfAudience;

/* The facts of an edition that carry their own confidence and source (issue #10).
 * One list: the database columns <key>_confidence/<key>_source, the
 * value_source/value_confidence objects of `db show --json`, `db show` and
 * the TUI's details all follow it, in this order. */
typedef enum {
  LF_FACT_ISA,
  LF_FACT_RAM,
  LF_FACT_DISK,
  LF_FACT_BOOT,
  LF_FACT_IA32_UEFI,
  LF_FACT_SECURE_BOOT,
  LF_FACT_FIRMWARE,
  LF_FACT_COUNT
} LfEditionFact;

/* "isa", "ram", "disk", "boot", "ia32_uefi", "secure_boot", "firmware". */
const char *lf_edition_fact_key(LfEditionFact fact);

typedef struct {
  char *confidence;           /* "O" | "S" | "I" | "?" */
  char *source;               /* URL or file the fact comes from */
} LfFactOrigin;

typedef struct {
  char *id;                   /* "lubuntu-18.04-i386": stable slug */
  char *family;               /* file stem: "ubuntu", "debian", ... */
  char *name, *version, *desktop;
  LfDesktopWeight weight;
  char *weight_why;           /* one-line rationale, or NULL */
  LfAudience audience;
  char *audience_why;         /* one-line rationale or source, or NULL */
  LfTri wayland_only;
  char *released;             /* YYYY-MM-DD, YYYY-MM or YYYY; NULL unknown */
  char *support_ends;         /* same, or "rolling"; NULL unknown */
  char *arch;                 /* "x86_64" | "i686" */
  gint64 isa_level;           /* x86_64: 1..4 (x86-64-vN); i686: 0 */
  gboolean needs_pae, needs_sse2, needs_cmov;   /* hard 32-bit needs */
  gboolean soft_sse2;         /* performance floor (SSE2-class CPU), WARN only */
  char *cpu_floor;            /* as published, or NULL */
  gint64 ram_min_mb, ram_rec_mb, ram_floor_mb;   /* LF_UNKNOWN when unpublished */
  char *ram_min_use, *ram_rec_use;               /* what the figures are for, or NULL */
  double disk_min_gb;         /* NAN when unpublished */
  LfTri boot_bios, boot_uefi, boot_ia32_uefi, secure_boot;
  LfTri nonfree_firmware;     /* the install image ships non-free firmware */
  gboolean installer;         /* FALSE: no installer image was released */
  char *notes, *source;
  char *confidence;           /* "O" | "S" | "I" | "?" for the row */
  LfFactOrigin fact[LF_FACT_COUNT];   /* per fact; the row's own unless the row sets it */
} LfDistroEdition;

typedef struct {
  GPtrArray *editions;        /* LfDistroEdition, in database order */
  char *origin;               /* "embedded" or the file path */
} LfDistroTable;

/* Loads every edition. db_path NULL = the database embedded at build time.
 * Errors: LF_ERROR_DB (cannot open, wrong schema version, bad row).
 * transfer full. */
LfDistroTable *lf_distro_table_load(const char *db_path, GError **error);
void lf_distro_table_free(LfDistroTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(LfDistroTable, lf_distro_table_free)

/* The table of db_path (NULL = embedded), loaded on the first call for that
 * path and kept for the process: the one cache of it, for callers that judge
 * again and again (the TUI, the fleet). Thread-safe. transfer none. */
const LfDistroTable *lf_distro_table_get(const char *db_path, GError **error);

/* transfer none; NULL when the id is unknown. */
const LfDistroEdition *lf_distro_table_lookup(const LfDistroTable *table, const char *id);

/* The embedded database bytes (db/distros-db.c, generated). */
const guint8 *lf_distro_db_embedded(gsize *size);

/* Parses "YYYY-MM-DD", "YYYY-MM" or "YYYY" into a date. A month or a year
 * means its LAST day when end_of_period (support ends), its first otherwise. */
gboolean lf_distro_parse_date(const char *text, gboolean end_of_period, GDate *out);

/* "x86-64-v2" -> 2, "i686"/"i586"/"i486" -> 0, anything else -> -1. */
int lf_isa_level_from_string(const char *isa);

/* "Debian 12 \"bookworm\"", with_desktop adds " (Xfce 4.18)": in the user's language
 * (core/data-text.h), for people only; JSON keeps the data's English. transfer full. */
char *lf_distro_edition_title(const LfDistroEdition *e, gboolean with_desktop);

/* Machine ids: "light", "PASS"... never translated. */
const char *lf_desktop_weight_to_string(LfDesktopWeight weight);
/* "newcomer" | "experienced" | "expert" | "unknown". */
const char *lf_audience_to_string(LfAudience audience);
/* Translated words for people: "people new to Linux", "light", ... */
const char *lf_audience_words(LfAudience audience);
const char *lf_weight_words(LfDesktopWeight weight);
/* The three ids above (not "unknown"); FALSE for anything else. */
gboolean lf_audience_from_string(const char *text, LfAudience *out);
