/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The probe: fills one LfReport from a machine (live or a fixture root).
 *
 * lf_probe_run() calls each area's lf_probe_<area>() in order. An area fills
 * only its own part of the report and records absences in report->errors;
 * it fails (GError) only when an input the user named explicitly
 * (--cpuid-dump, --dmidecode) cannot be used. Nothing here prints. */
#pragma once
#include "core/report.h"
#include "core/sysroot.h"

typedef struct {
  const char *root;         /* NULL = "/" */
  const char *cpuid_dump;   /* libcpuid raw dump instead of live CPUID */
  const char *dmidecode;    /* saved `dmidecode` text instead of SMBIOS tables */
  gboolean no_upower;       /* batteries from sysfs only */
  gboolean anonymize;       /* machine id as a salted hash */
  gboolean offline;         /* nothing of the running machine: without root, an empty one */
} LfProbeOptions;

typedef struct LfSmbios LfSmbios;   /* smbios.h */

/* Shared state while probing: the root and facts several areas need. */
typedef struct {
  const LfProbeOptions *opts;
  LfSysroot *root;
  LfSmbios *smbios;         /* NULL when no SMBIOS source was readable */
} LfProbeContext;

/* transfer full */
LfReport *lf_probe_run(const LfProbeOptions *opts, GError **error);

/* Only the batteries, read again (a live view refreshing them): @opts as for
 * lf_probe_run(); without SMBIOS, so no firmware design figures. NULL when the
 * root cannot be opened. transfer full: GPtrArray of LfBattery. */
GPtrArray *lf_probe_batteries_refresh(const LfProbeOptions *opts, GError **error);

/* Where a command's report comes from: a saved file or a live probe. */
typedef struct {
  char *report;               /* --report FILE */
  char *root, *cpuid_dump, *dmidecode;
  gboolean no_upower, anonymize, offline;
} LfReportSource;

void lf_report_source_clear(LfReportSource *src);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(LfReportSource, lf_report_source_clear)
/* The saved report, or a probe with the source's options. transfer full. */
LfReport *lf_report_source_load(const LfReportSource *src, GError **error);

/* Areas, in the order lf_probe_run() calls them. */
gboolean lf_probe_smbios(LfProbeContext *ctx, LfReport *report, GError **error);
gboolean lf_probe_cpu(LfProbeContext *ctx, LfReport *report, GError **error);
void lf_probe_memory(LfProbeContext *ctx, LfReport *report);
void lf_probe_batteries(LfProbeContext *ctx, LfReport *report);
void lf_probe_power(LfProbeContext *ctx, LfReport *report);
void lf_probe_storage(LfProbeContext *ctx, LfReport *report);
/* nvme|ssd|hdd|emmc|usb|sd|virtual from sysfs facts; NULL when none says. mmc_type is
 * device/type of an mmcblk disk ("MMC", "SD"), else NULL. Pure (tests). */
const char *lf_storage_kind(const char *name, const char *devpath, const char *model,
                            const char *mmc_type, LfTri rotational);
void lf_probe_devices(LfProbeContext *ctx, LfReport *report);
void lf_probe_platform(LfProbeContext *ctx, LfReport *report);
/* On mains power? An external supply (Mains, USB*, BrickID, Wireless) online;
 * without one the system batteries' status; a machine without battery nor
 * adapter is on mains. UNKNOWN when nothing tells (power.c). The probe and the
 * tuner both ask this. */
LfTri lf_power_on_ac(const LfSysroot *root);
/* Other power tuners running or enabled (tuners.c). */
void lf_probe_tuners(LfProbeContext *ctx, LfReport *report);

/* The root an option set describes: opts->root, or with --offline and no
 * root an empty private directory (*tmpdir, to be removed with
 * lf_probe_root_close), so no live file, CPUID or UPower is read. Fails
 * (LF_ERROR_USAGE) for --offline with the live root or nothing to analyse. */
LfSysroot *lf_probe_root_open(const LfProbeOptions *opts, char **tmpdir, GError **error);
void lf_probe_root_close(LfSysroot *root, char *tmpdir /* transfer full */);

/* Frees ctx->smbios (smbios.c owns the type). */
void lf_probe_smbios_release(LfProbeContext *ctx);
