/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "probe/probe.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "core/error.h"
#include "core/machine-id.h"
#include "core/report-json.h"

LfSysroot *lf_probe_root_open(const LfProbeOptions *opts, char **tmpdir, GError **error)
{
  *tmpdir = NULL;
  if (!opts->offline)
    return lf_sysroot_new(opts->root, error);
  if (opts->root == NULL && opts->cpuid_dump == NULL && opts->dmidecode == NULL) {
    g_set_error(error, LF_ERROR, LF_ERROR_USAGE,
                _("--offline needs saved files: --root DIR, --cpuid-dump FILE or --dmidecode FILE"));
    return NULL;
  }
  if (opts->root == NULL) {
    *tmpdir = g_dir_make_tmp("lapfit-offline-XXXXXX", error);
    if (*tmpdir == NULL)
      return NULL;
  }
  LfSysroot *root = lf_sysroot_new(*tmpdir != NULL ? *tmpdir : opts->root, error);
  if (root != NULL && lf_sysroot_is_live(root)) {
    g_set_error(error, LF_ERROR, LF_ERROR_USAGE,
                _("--offline cannot analyse the running system's root '/'"));
    g_clear_pointer(&root, lf_sysroot_free);
  }
  if (root == NULL && *tmpdir != NULL) {
    g_rmdir(*tmpdir);
    g_clear_pointer(tmpdir, g_free);
  }
  return root;
}

void lf_probe_root_close(LfSysroot *root, char *tmpdir)
{
  lf_sysroot_free(root);
  if (tmpdir != NULL)
    g_rmdir(tmpdir);
  g_free(tmpdir);
}

LfReport *lf_probe_run(const LfProbeOptions *opts, GError **error)
{
  char *tmpdir = NULL;
  LfSysroot *root = lf_probe_root_open(opts, &tmpdir, error);
  if (root == NULL)
    return NULL;
  LfProbeContext ctx = { .opts = opts, .root = root, .smbios = NULL };
  g_autoptr(LfReport) report = lf_report_new();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc();
  report->generated = g_date_time_format(now, "%Y-%m-%dT%H:%M:%SZ");

  gboolean ok = lf_probe_smbios(&ctx, report, error) && lf_probe_cpu(&ctx, report, error);
  if (ok) {
    /* errors[] is report data: the system's messages inside it (strerror, GLib's and
     * our own read errors) must not follow the user's language, which is applied when
     * the errors are shown. The C locale here is this thread's only (the TUI probes in
     * a worker while the screen keeps the user's), and LANGUAGE is ignored under C. */
    locale_t c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    locale_t user_locale = c_locale != (locale_t)0 ? uselocale(c_locale) : (locale_t)0;
    lf_probe_memory(&ctx, report);
    lf_probe_batteries(&ctx, report);
    lf_probe_power(&ctx, report);
    lf_probe_tuners(&ctx, report);
    lf_probe_storage(&ctx, report);
    lf_probe_devices(&ctx, report);
    lf_probe_platform(&ctx, report);
    if (c_locale != (locale_t)0) {
      uselocale(user_locale);
      freelocale(c_locale);
    }
  }
  lf_probe_smbios_release(&ctx);
  if (ok && report->machine.hostname == NULL) {  /* private: exports and the fleet only */
    report->machine.hostname = lf_sysroot_read_string(root, "proc/sys/kernel/hostname");
    if (report->machine.hostname == NULL)
      report->machine.hostname = lf_sysroot_read_string(root, "etc/hostname");
  }
  if (ok)  /* the stable id, hashed: the SMBIOS serials themselves stay private */
    lf_report_set_machine_id(report, opts->anonymize ? lf_anonymize_salt() : NULL);
  lf_probe_root_close(root, tmpdir);
  return ok ? g_steal_pointer(&report) : NULL;
}

void lf_report_source_clear(LfReportSource *src)
{
  g_clear_pointer(&src->report, g_free);
  g_clear_pointer(&src->root, g_free);
  g_clear_pointer(&src->cpuid_dump, g_free);
  g_clear_pointer(&src->dmidecode, g_free);
}

LfReport *lf_report_source_load(const LfReportSource *src, GError **error)
{
  if (src->report)
    return lf_report_load(src->report, error);
  LfProbeOptions opts = {
    .root = src->root, .cpuid_dump = src->cpuid_dump, .dmidecode = src->dmidecode,
    .no_upower = src->no_upower, .anonymize = src->anonymize, .offline = src->offline,
  };
  return lf_probe_run(&opts, error);
}
