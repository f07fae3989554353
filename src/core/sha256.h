/* SPDX-License-Identifier: GPL-2.0-or-later */
/* SHA-256 as lower-case hex, as g_compute_checksum_for_data() gives it, but
 * through the system's libcrypto when it can be opened: it uses the CPU's
 * SHA instructions (6 times GLib's speed here), and `fleet import` hashes
 * every report twice (its file's bytes, its stored JSON). Without libcrypto,
 * GLib's; the digest is the same either way. */
#pragma once
#include <glib.h>

/* transfer full. Thread-safe. */
char *lf_sha256_hex(const void *data, gsize len);
