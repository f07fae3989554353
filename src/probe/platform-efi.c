/* SPDX-License-Identifier: GPL-2.0-or-later */
/* EFI variables: the SecureBoot variable's value. Pure: see platform-parse.h. */
#include "probe/platform-parse.h"

LfTri lf_efivar_secure_boot(const guint8 *data, gsize len, gboolean has_attributes)
{
  gsize off = has_attributes ? 4 : 0;
  if (len != off + 1)
    return LF_TRI_UNKNOWN;
  if (data[off] == 1)
    return LF_TRI_TRUE;
  if (data[off] == 0)
    return LF_TRI_FALSE;
  return LF_TRI_UNKNOWN;
}
