/* SPDX-License-Identifier: GPL-2.0-or-later */
/* LfFirmwareTable: the data/firmware/ TSV files, validated by db/dbgen
 * --firmware-table and compiled in as text, parsed once at run time. The probe
 * uses it to find missing files; the recommender to say, per file, which
 * distributions ship it. Pure: no I/O. */
#pragma once
#include <glib.h>

/* The firmware table (data/firmware/ TSV files): which files under /lib/firmware a
 * driver needs for a device, and where a distribution gets each of them. */
typedef enum {
  LF_FW_ORIGIN_UNKNOWN = 0,   /* "?": not known */
  LF_FW_ORIGIN_LINUX_FIRMWARE,/* in upstream linux-firmware, so in the distributions' packages */
  LF_FW_ORIGIN_BOARD,         /* a settings file (NVRAM) for one board: no distribution ships it */
  LF_FW_ORIGIN_VENDOR,        /* not in linux-firmware: extracted from the maker's driver */
} LfFirmwareOrigin;

typedef struct {
  char *driver;     /* kernel driver name */
  char *match;      /* "8086:24f3" (pci/usb/sdio vendor:device), "*" = any device */
  char *files;      /* glob(s) under /lib/firmware, separated by '|' */
  char *package;    /* Debian package shipping them */
  gboolean nonfree; /* in Debian's non-free-firmware */
  char **shipped;   /* per file of `files`: "linux-firmware" | "board" | "vendor" | "?" */
  char **packages;  /* "ubuntu=linux-firmware", "fedora=...", "arch=..." (may be empty) */
} LfFirmwareRule;

typedef struct LfFirmwareTable LfFirmwareTable;

/* Parses the TSV files as dbgen checked them: network rows ("driver match files package
 * nonfree source shipped packages shipped_source") after a "driver..." header, packaging
 * rows ("editions family source") after an "editions..." header; '#' comments, blank
 * lines. Bad rows are skipped (logged at debug). transfer full. */
LfFirmwareTable *lf_firmware_table_parse(const char *data, gsize len);
void lf_firmware_table_free(LfFirmwareTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(LfFirmwareTable, lf_firmware_table_free)
guint lf_firmware_table_size(const LfFirmwareTable *table);

/* The built-in table (compiled from data/firmware/). transfer none. */
const LfFirmwareTable *lf_firmware_table_builtin(void);

/* The rule for (driver, id): an exact id match first, then "*". NULL if the
 * driver needs no firmware as far as the table knows. transfer none. */
const LfFirmwareRule *lf_firmware_table_lookup(const LfFirmwareTable *table, const char *driver,
                                               const char *id);

/* Where a distribution gets `file` (one glob of rule->files, exactly as written there);
 * UNKNOWN for a file the rule does not list. */
LfFirmwareOrigin lf_firmware_rule_origin(const LfFirmwareRule *rule, const char *file);

/* Where a distribution gets `file` according to any rule of `driver`: for a file the
 * matching rule does not list (a report without the device id, or from another
 * lapfit version). UNKNOWN when no rule of the driver lists it. */
LfFirmwareOrigin lf_firmware_table_origin(const LfFirmwareTable *table, const char *driver,
                                          const char *file);

/* The package of `family` ("debian", "ubuntu", "fedora", "arch") that carries the rule's
 * linux-firmware files; NULL when not checked. transfer none. */
const char *lf_firmware_rule_package(const LfFirmwareRule *rule, const char *family);

/* The family an edition takes its firmware packages from (data/firmware/packaging.tsv):
 * "debian" | "ubuntu" | "fedora" | "arch", or NULL when not known. transfer none. */
const char *lf_firmware_table_family(const LfFirmwareTable *table, const char *edition_id);
