/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Text from the data files (data/distros, data/cpu, profiles) in the user's
 * language. db/dbgen --pot-out extracts each kind of value with its own
 * message context (below) into the catalogue at build time; the CLI and the
 * TUI look it up with the same context. Machine output (JSON, CSV, GLPI,
 * OCS) keeps the data's English. */
#pragma once
#include <glib.h>

/* The message contexts, one per kind of value (shared with db/dbgen). */
#define LF_DATA_DISTRO_NAME "distro name"
#define LF_DATA_DISTRO_VERSION "distro version"
#define LF_DATA_DESKTOP "distro desktop"
#define LF_DATA_NOTE "distro note"
#define LF_DATA_AUDIENCE_WHY "distro audience reason"
#define LF_DATA_WEIGHT_WHY "distro weight reason"
#define LF_DATA_CPU_FLOOR "distro CPU minimum"
#define LF_DATA_RAM_USE "distro RAM use"
#define LF_DATA_CPU_GENERATION "CPU generation"
#define LF_DATA_CPU_UARCH "CPU design"
#define LF_DATA_CPU_CODENAME "CPU codename"
#define LF_DATA_PROFILE "power profile description"

/* text in the user's language (itself when the catalogue has no translation);
 * NULL for NULL. transfer none. */
const char *lf_data_text(const char *context, const char *text);
/* text as a phrase inside a sentence that also goes to JSON (core/human.h,
 * lf_phrase()): English in the JSON message, translated on screen. NULL gives
 * NULL. transfer full. */
char *lf_data_phrase(const char *context, const char *text);
