/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Memory: usable RAM from /proc/meminfo, installed RAM from SMBIOS types 16
 * and 17 (tables or dmidecode text), else a labelled estimate. */
#pragma once
#include "core/report.h"
#include "probe/smbios.h"

/* Fills installed_mb, installed_source "smbios", slots_total, slots_used,
 * max_mb, type, speed_mts, soldered and modules[] from the records. Returns
 * FALSE (memory untouched) when the records hold no installed module of known
 * size (sysfs source, or firmware without type 17). */
gboolean lf_memory_fill_from_smbios(const LfSmbios *smbios, LfMemory *memory);

/* The likely installed total for a usable size (MemTotal) in MiB: the
 * smallest "plausible module total" (2^k or 3 * 2^(k-1) MiB, from 128 MiB)
 * that is >= usable_mb. LF_UNKNOWN for usable_mb <= 0. See memory.c for the
 * rule's limits. */
gint64 lf_memory_estimate_installed_mb(gint64 usable_mb);

/* Module soldered? From form factor ("Row Of Chips", "Die"), locator text
 * ("onboard") and type (LPDDR*). Any argument may be NULL. */
LfTri lf_memory_module_soldered(const char *form_factor, const char *locator,
                                const char *bank_locator, const char *type);

/* MemTotal and SwapTotal (kB) from /proc/meminfo text; FALSE when MemTotal is
 * missing or malformed (*swap_kb is LF_UNKNOWN if only SwapTotal is). */
gboolean lf_memory_parse_meminfo(const char *text, gsize len, gint64 *total_kb, gint64 *swap_kb);
