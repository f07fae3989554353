/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "core/sha256.h"

#include "core/module.h"

/* libcrypto's one-shot SHA256(): opened on first use (lf_module_bind), so
 * no lapfit run that hashes nothing loads it; libpq loads it anyway. */
typedef unsigned char *(*Sha256Func)(const unsigned char *data, size_t len, unsigned char *md);

static Sha256Func crypto_sha256(void)
{
  static Sha256Func func;
  static gsize done = 0;
  if (g_once_init_enter(&done)) {
    static const char *const sonames[] = { "libcrypto.so.3", "libcrypto.so.1.1" };
    for (guint i = 0; func == NULL && i < G_N_ELEMENTS(sonames); i++) {
      gpointer sym = NULL;
      const LfSymbol syms[] = { { "SHA256", &sym } };
      g_autofree char *why = lf_module_bind(sonames[i], syms, G_N_ELEMENTS(syms));
      if (why)
        g_debug("sha256: %s", why);
      else
        func = (Sha256Func)sym;
    }
    g_once_init_leave(&done, 1);
  }
  return func;
}

char *lf_sha256_hex(const void *data, gsize len)
{
  Sha256Func sha256 = crypto_sha256();
  if (sha256 == NULL)
    return g_compute_checksum_for_data(G_CHECKSUM_SHA256, data ? data : "", len);
  static const char hex[] = "0123456789abcdef";
  unsigned char md[32];
  sha256(data ? data : (const unsigned char *)"", len, md);
  char *out = g_malloc(65);
  for (guint i = 0; i < 32; i++) {
    out[2 * i] = hex[md[i] >> 4];
    out[2 * i + 1] = hex[md[i] & 15];
  }
  out[64] = '\0';
  return out;
}
