/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The knob catalogue: every setting the tuner may write, its type and the
 * values a profile may give it. Data, so it lives with the other tables: the
 * profile parser (db/profile.c) checks values against it both when dbgen
 * validates profiles/ at build time and when the tuner loads a profile. */
#pragma once
#include <glib.h>

typedef enum {
  LF_KNOB_CHOICE,       /* one word from the allowed values */
  LF_KNOB_BRACKETED,    /* sysfs shows "a [b] c" with the current one in brackets */
  LF_KNOB_INT,          /* integer in [min, max] */
  LF_KNOB_CAP_PERCENT,  /* profile value is a percent of the sibling `available` names
                         * (max_brightness, gt_RP0_freq_mhz); only lowers */
  LF_KNOB_DAEMON,       /* the desktop daemon's power profile, over D-Bus (tune/daemon.c) */
  LF_KNOB_NETLINK,      /* Wi-Fi power save of an interface, over nl80211 (tune/wifi.c) */
} LfKnobType;

typedef enum {
  LF_KNOB_FILTER_NONE,
  LF_KNOB_FILTER_USB,   /* skip HID (class 03, never), audio and printer interfaces */
  LF_KNOB_FILTER_PCI,   /* skip drivers that manage their own runtime PM (GPUs) */
} LfKnobFilter;

typedef struct {
  const char *id;               /* profile key, JSON id: "cpu_governor" */
  const char *description;      /* N_(): show with _() */
  const char *pattern;          /* below the root; '*' matches within one component */
  LfKnobType type;
  const char *available;        /* sibling file listing the choices, or NULL */
  const char *const *choices;   /* fixed choices when the kernel lists none, or NULL */
  gint64 min, max;              /* LF_KNOB_INT and LF_KNOB_CAP_PERCENT */
  LfKnobFilter filter;
  gboolean writable;            /* FALSE: reported only (no sysfs interface) */
  const char *note;             /* N_(): why not writable, or NULL */
  const char *follows;          /* takes its value from this knob's profile key when the
                                 * profile does not name it (lf_charge_follow), or NULL */
  const char *cost;             /* N_(): what it may cost the person at the laptop */
} LfKnob;

/* The static catalogue, in apply order. transfer none. */
const LfKnob *lf_knobs(gsize *n_knobs);
const LfKnob *lf_knob_find(const char *id);
/* Does path (below the root, no leading '/') match knob->pattern component by
 * component? The write whitelist. */
gboolean lf_knob_path_matches(const LfKnob *knob, const char *path);
/* Is value acceptable for this knob's type (before machine-specific choices)?
 * Used to validate profiles; sets LF_ERROR_PARSE with a sentence. */
gboolean lf_knob_check_value(const LfKnob *knob, const char *value, GError **error);
