/* SPDX-License-Identifier: GPL-2.0-or-later */
/* CPU brand strings (CPUID 0x80000002..4, "model name", SMBIOS version). */
#pragma once
#include <glib.h>

/* MHz from a brand string's "@ 2.40GHz" / "@ 800MHz", NAN if none. */
double lf_cpu_brand_mhz(const char *brand);

/* Brand string as Linux prints "model name": runs of spaces collapsed,
 * trimmed. transfer full; NULL if empty. */
char *lf_cpu_brand_clean(const char *brand);
