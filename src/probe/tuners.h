/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Other power tuners (TLP, power-profiles-daemon, TuneD, ...): the catalogue
 * and their detection below a root. The probe lists the ids in
 * report->power.tuners_running; the tuner asks which knobs they write. */
#pragma once
#include "core/sysroot.h"

typedef struct {
  const char *id;           /* "tlp", "power-profiles-daemon", "tuned", ... (static) */
  const char *name;         /* "TLP" (static) */
  gboolean running, enabled;
  char *evidence;           /* path below the root that showed it */
  const char *why;          /* N_(): what it would fight over */
  const char *const *knobs; /* knob ids it writes (static) */
  gboolean profile_daemon;  /* offers the power-profiles D-Bus API (ppd, tuned-ppd, tlp-pd) */
  const char *drives;       /* id of the tuner whose settings its profiles switch, or NULL */
  gboolean acts_when_enabled;  /* no process stays: udev and boot run it (TLP, laptop-mode-tools) */
} LfTuner;

/* A tuner of the catalogue by id, neither running nor enabled. transfer full. */
LfTuner *lf_tuner_new(const char *id);
void lf_tuner_free(LfTuner *tuner);
/* Tuners running (<root>/proc/<pid>/comm, cmdline) or enabled (systemd
 * *.wants links, SysV rc?.d, runit, OpenRC). transfer full: GPtrArray of LfTuner. */
GPtrArray *lf_tuners_detect(const LfSysroot *root);
/* Does it write its knobs now or at the next AC/battery change? Running, or
 * enabled where it has no process of its own (TLP: a udev rule runs `tlp auto`). */
gboolean lf_tuner_active(const LfTuner *tuner);
/* Does this tuner write knob_id? */
gboolean lf_tuner_writes(const LfTuner *tuner, const char *knob_id);
