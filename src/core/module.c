/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "core/module.h"

#include <gmodule.h>

char *lf_module_bind(const char *soname, const LfSymbol *syms, gsize n)
{
  GModule *module = g_module_open(soname, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (module == NULL)
    return g_strdup(g_module_error());
  for (gsize i = 0; i < n; i++)
    if (!g_module_symbol(module, syms[i].name, syms[i].slot))
      return g_strdup(g_module_error());  /* the module stays open: harmless */
  return NULL;  /* never closed: the slots point into it */
}
