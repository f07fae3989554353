/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The built-in profiles: profiles/NAME.conf compiled into the binary (generated
 * by profiles/CMakeLists.txt) so a single lapfit works on a live USB. */
#pragma once
#include <stddef.h>

typedef struct {
  const char *name;   /* file name without .conf */
  const char *data;   /* the file's bytes, NUL-terminated */
  size_t len;         /* without the NUL */
} LfBuiltinProfile;

/* Terminated by a row with name NULL. */
extern const LfBuiltinProfile lf_builtin_profiles[];
