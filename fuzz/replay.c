/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Replays fuzz inputs without libFuzzer, so every normal build runs each
 * target over its corpus under ctest (and under ASan in the Asan build). */
#include <glib.h>
#include <stdint.h>

#include "fuzz.h"
#include <stdio.h>


int main(int argc, char **argv)
{
  for (int i = 1; i < argc; i++) {
    gchar *contents = NULL;
    gsize len = 0;
    if (!g_file_get_contents(argv[i], &contents, &len, NULL)) {
      fprintf(stderr, "cannot read %s\n", argv[i]);
      return 1;
    }
    /* An exactly sized copy, so ASan sees reads past the end. */
    uint8_t *exact = g_memdup2(contents, len);
    LLVMFuzzerTestOneInput(exact, len);
    g_free(exact);
    g_free(contents);
  }
  printf("replayed %d inputs\n", argc - 1);
  return 0;
}
