/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Stable machine ids and anonymisation: the probe sets the id, exports and
 * the fleet database use it.
 *
 * The id is derived from the SMBIOS system UUID, system serial and board
 * serial (falling back to MAC addresses, then the host name) and never
 * contains them: it is "m-" + 32 hex digits of SHA-256 over the material, so
 * the same machine gets the same id on every run and from every report.
 * Anonymised ids are "a-" + an HMAC-SHA-256 of the plain id keyed by a salt
 * (LAPFIT_ANONYMIZE_SALT, or a built-in default), so a fleet owner with a
 * secret salt gets stable ids that cannot be matched to serial numbers. */
#pragma once
#include "core/report.h"

/* The salt used by --anonymize: $LAPFIT_ANONYMIZE_SALT when set and not
 * empty, otherwise a built-in constant. transfer none. */
const char *lf_anonymize_salt(void);

/* The machine id of @report from its private SMBIOS fields; NULL when the
 * report holds none of them (a probe without private data: use
 * report->machine_id). @salt non-NULL gives the anonymised form. transfer full. */
char *lf_machine_id(const LfReport *report, const char *salt);

/* "a-..." from a plain "m-..." id (idempotent for ids already anonymised).
 * transfer full. */
char *lf_machine_id_anonymize(const char *id, const char *salt);

/* A stable salted hash standing in for a private value: "anon-" + 16 hex
 * digits. NULL stays NULL. transfer full. */
char *lf_anonymize_value(const char *value, const char *salt);

/* Replaces every private field (serials, UUID, MACs, host name) with
 * lf_anonymize_value() and machine_id with its anonymised form. */
void lf_report_anonymize(LfReport *report, const char *salt);

/* Sets report->machine_id from the private fields when they are present
 * (anonymised when @salt is non-NULL); otherwise keeps the id it has,
 * anonymising it when @salt is non-NULL. */
void lf_report_set_machine_id(LfReport *report, const char *salt);
