/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Help: keys (from the same table screen.c dispatches with), what the
 * verdicts mean, where the data comes from and what the probe could not read. */
#include <glib/gi18n.h>

#include "probe/errors.h"
#include "tui.h"

static void add_keys(LfPanel *p, const LfKeyHint *keys)
{
  for (const LfKeyHint *k = keys; k->key; k++)
    lf_panel_add(p, k->key, _(k->label));
}

static const LfKeyHint recommend_keys[] = {
  { "Enter", N_("Recommend: reasons and upgrade advice for the edition") },
  { "u", N_("Recommend: rank for desktop, server or kiosk use") },
  { "v", N_("Recommend: show all, PASS, WARN or FAIL only") },
  { "e", N_("Recommend: also show editions whose support has ended") },
  { NULL, NULL },
};

static const LfKeyHint tune_keys[] = {
  { "Enter", N_("Tune: what the knob does, where it is written, who set the target") },
  { "p", N_("Tune: next power profile") },
  { "b", N_("Tune: plan for AC or battery") },
  { "a", N_("Tune: apply the plan (asks first)") },
  { "z", N_("Tune: undo the last apply (asks first)") },
  { "m", N_("Tune: measure the battery draw with the profile, then undo it (on battery only)") },
  { "f", N_("Tune: one full charge; the charge limits come back when the AC is unplugged or at "
            "the next apply") },
  { NULL, NULL },
};

static void help_build(LfTui *tui, LfView *view, int width)
{
  LfPanel *p = &view->list;
  lf_panel_add_header(p, _("Keys"));
  add_keys(p, lf_tui_global_keys());
  add_keys(p, recommend_keys);
  add_keys(p, tune_keys);

  lf_panel_add_blank(p);
  lf_panel_add_header(p, _("Screens"));
  lf_panel_add(p, _("Overview"),
               _("the machine at a glance and the three best-fitting distributions"));
  lf_panel_add(p, _("Recommend"),
               _("every distribution edition, ranked, with the reasons for its verdict"));
  lf_panel_add(p, _("Battery"), _("health, charge cycles, live charge and power draw"));
  lf_panel_add(p, _("Tune"),
               _("power settings: current and target values of a profile, apply and undo"));

  lf_panel_add_blank(p);
  lf_panel_add_header(p, _("Verdicts"));
  LfRow *row;
  row = lf_panel_add(p, NULL, _("the edition installs and runs well on this machine"));
  row->badge = g_strdup(lf_fmt_verdict_badge(LF_STATUS_PASS, &row->badge_role));
  row = lf_panel_add(p, NULL, _("it runs, with limits: below the recommended RAM, a slow disk, "
                                "firmware to install, support ending soon"));
  row->badge = g_strdup(lf_fmt_verdict_badge(LF_STATUS_WARN, &row->badge_role));
  row = lf_panel_add(p, NULL, _("it will not install or boot: CPU or firmware unsupported, too "
                                "little memory or disk"));
  row->badge = g_strdup(lf_fmt_verdict_badge(LF_STATUS_FAIL, &row->badge_role));
  row = lf_panel_add(p, NULL, _("a needed fact is unknown; the reasons say which"));
  row->badge = g_strdup(lf_fmt_verdict_badge(LF_STATUS_INFO, &row->badge_role));

  lf_panel_add_blank(p);
  lf_panel_add_header(p, _("Where the data comes from"));
  lf_panel_add(p, "CPU", _("CPUID via libcpuid, and lapfit's CPU generation table"));
  lf_panel_add(p, "SMBIOS", _("firmware tables (or saved dmidecode output): model, memory slots"));
  lf_panel_add(p, "sysfs", _("/sys and /proc: batteries, disks, devices, power settings"));
  lf_panel_add(p, "UPower", _("battery values when the UPower service answers"));
  lf_panel_add(p, _("Database"),
               _("distribution requirements from published release notes, built into lapfit"));
  if (tui->source.report) {
    g_autofree char *what = g_strdup_printf(_("everything above, read from the saved report %s"),
                                            tui->source.report);
    lf_panel_add(p, _("This screen"), what);
  }

  if (tui->report && tui->report->errors && tui->report->errors->len > 0) {
    lf_panel_add_blank(p);
    lf_panel_add_header(p, _("What the probe could not read"));
    for (guint i = 0; i < tui->report->errors->len; i++) {
      const LfReportError *e = tui->report->errors->pdata[i];
      /* A sentence, not a label and value: area names are too long for a label column. */
      g_autofree char *text = lf_probe_error_text(e->message);
      g_autofree char *item = g_strdup_printf(_("%s: %s"), lf_probe_area_name(e->probe), text);
      lf_panel_add_wrapped(p, item, LF_ROLE_DIM, 1);
    }
  }
}

const LfViewClass lf_view_help_class = {
  .id = "help",
  /* TRANSLATORS: screen (tab) name; keep it short */
  .name = N_("Help"),
  .build = help_build,
};
