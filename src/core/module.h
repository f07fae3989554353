/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Optional shared libraries opened on first use (libcurl for --submit, libpq
 * for a postgresql:// fleet): linked directly, their TLS/Kerberos/LDAP closures
 * would load on every lapfit run. */
#pragma once
#include <glib.h>

typedef struct {
  const char *name;
  gpointer *slot;
} LfSymbol;

/* Opens `soname` for the life of the process and fills every slot. Returns
 * NULL, or why it could not (the loader's words). transfer full. */
char *lf_module_bind(const char *soname, const LfSymbol *syms, gsize n);
