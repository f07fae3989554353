/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The sentences of report->errors[] and their translation for people.
 *
 * A report is machine output: its errors stay in English, the same in every
 * locale, so scripts and the fleet database can match them. N_() only puts
 * each sentence into the catalogue. People read an error through
 * lf_probe_error_text(): it recognises which of these sentences a message is,
 * takes its values back out and puts them into the translated sentence, so a
 * saved report from another machine reads in the reader's language too.
 * Values that are themselves sentences of this list (the reason inside
 * "no SMBIOS data: %s") are translated the same way.
 *
 * Every sentence the probe writes goes through one of these macros (a string
 * literal, so the compiler still checks the printf arguments) and into the
 * table in errors.c; the probe-errors test checks that every error in the
 * fixtures' reports is recognised. Only %s and integer conversions. */
#pragma once
#include <glib.h>
#include <glib/gi18n.h>
#include <inttypes.h>

/* platform */
#define LF_PE_EFI_SIZE N_("cannot read sys/firmware/efi/fw_platform_size")
#define LF_PE_SECURE_BOOT N_("cannot read the SecureBoot EFI variable")
#define LF_PE_NO_FIRMWARE N_("no sys/firmware: firmware mode unknown")
#define LF_PE_NO_OS_RELEASE N_("no etc/os-release or usr/lib/os-release")
#define LF_PE_NO_KERNEL N_("cannot read proc/sys/kernel/osrelease")
#define LF_PE_NO_CMDLINE N_("cannot read proc/cmdline or proc/mounts")

/* smbios */
#define LF_PE_DMIDECODE_OTHER                                                                  \
  N_("the --dmidecode file comes from another machine (its %s differs from the root's): the " \
     "other facts in this report describe the root's machine; without --root, add --offline " \
     "to leave them out")
#define LF_PE_DMIDECODE_UNMATCHED                                                              \
  N_("cannot tell whether the --dmidecode file comes from this machine: the root names no "  \
     "system UUID, serial number, product or vendor to compare; the other facts in this report " \
     "describe the root's machine; without --root, add --offline to leave them out")
#define LF_PE_ID_UUID N_("system UUID")
#define LF_PE_ID_SERIAL N_("serial number")
#define LF_PE_ID_PRODUCT N_("product name")
#define LF_PE_ID_VENDOR N_("vendor")
#define LF_PE_NO_SMBIOS                                                                        \
  N_("no SMBIOS data: %s, and /sys/class/dmi/id is missing or unreadable (virtual machine or " \
     "firmware without DMI?)")
#define LF_PE_UEFI_ROOT_ONLY                                                                   \
  N_("firmware.uefi_supported unknown: the SMBIOS tables (BIOS characteristics) are readable " \
     "by root only: %s")
#define LF_PE_NO_TABLES N_("no SMBIOS tables in /sys/firmware/dmi/tables")
#define LF_PE_TABLES_DENIED N_("SMBIOS tables not readable (root only): %s")
#define LF_PE_TABLES_BAD N_("SMBIOS tables unusable: %s")
#define LF_PE_EP3_BAD N_("bad SMBIOS 3 entry point (length or checksum)")
#define LF_PE_EP2_BAD N_("bad SMBIOS 2 entry point (length or checksum)")
#define LF_PE_DMI_EP_BAD N_("bad legacy DMI entry point checksum")
#define LF_PE_NO_ANCHOR N_("no SMBIOS entry point anchor (_SM3_, _SM_, _DMI_)")
#define LF_PE_TABLE_EMPTY N_("SMBIOS structure table is empty")
/* TRANSLATORS: what (one of the record names below), its name, the value, its unit, the
 * limit */
#define LF_PE_OVER_LIMIT                                                                       \
  N_("%s \"%s\": %" PRId64 " %s is more than any real one has (%s): recorded as unknown")
#define LF_PE_REC_MODULE N_("memory module")
#define LF_PE_REC_SPEED N_("memory module speed")
#define LF_PE_REC_CONFIGURED N_("memory module configured speed")
#define LF_PE_REC_ARRAY N_("memory array maximum")
#define LF_PE_REC_BAT_CAPACITY N_("battery design capacity")
#define LF_PE_REC_BAT_VOLTAGE N_("battery design voltage")
#define LF_PE_DUPLICATE_HANDLE                                                                 \
  N_("duplicate handle 0x%04X ignored (%s); %u records with a repeated handle ignored in all")
#define LF_PE_DUP_DMIDECODE N_("dmidecode output repeated?")
#define LF_PE_DUP_FIRMWARE N_("the firmware's table repeats a structure")

/* memory */
#define LF_PE_MEMINFO_UNREADABLE N_("cannot read /proc/meminfo: %s")
#define LF_PE_MEMINFO_BAD N_("/proc/meminfo has no valid MemTotal line")
#define LF_PE_MEMORY_INCOMPLETE                                                                \
  N_("SMBIOS memory devices add up to %" PRId64 " MiB but %" PRId64 " MiB are usable: the "    \
     "records are incomplete, installed RAM is an estimate of %" PRId64 " MiB")
#define LF_PE_MEMORY_ESTIMATE                                                                  \
  N_("installed RAM is an estimate: %s; %" PRId64 " MiB usable rounded up to a likely module " \
     "total of %" PRId64 " MiB; slots and maximum unknown")
#define LF_PE_MEMORY_UNKNOWN N_("installed RAM unknown: %s and usable RAM unknown")
#define LF_PE_WHY_NO_SMBIOS N_("no SMBIOS data")
#define LF_PE_WHY_SYSFS_DMI                                                                    \
  N_("/sys/class/dmi/id has no memory device records (SMBIOS tables need root, or pass "       \
     "--dmidecode)")
#define LF_PE_WHY_NO_MODULES N_("SMBIOS has no memory device (type 17) of known size")

/* power */
#define LF_PE_NO_AC N_("no AC adapter in %s and the battery status does not tell")
#define LF_PE_NO_CPUFREQ N_("no cpufreq driver (no %s/scaling_driver)")

/* cpu */
#define LF_PE_CPU_TABLE N_("the built-in CPU table is broken")
#define LF_PE_CPU_FROM_SMBIOS                                                                  \
  N_("no CPUID and no proc/cpuinfo: identified from SMBIOS type 4 (signature and version "     \
     "string); feature flags unknown")
#define LF_PE_NO_CPUID N_("no CPUID and no readable proc/cpuinfo")
#define LF_PE_HYBRID_CORES                                                                     \
  N_("core count unknown: a hybrid CPU's cores differ in threads and no proc/cpuinfo of this " \
     "machine was given")
#define LF_PE_NO_CPU_ROW                                                                       \
  N_("no CPU table row for %s family %" PRId64 " model %" PRId64 " stepping %" PRId64)
#define LF_PE_NO_MAX_FREQ N_("maximum frequency unknown (no cpufreq, no @ in brand)")

/* devices */
#define LF_PE_NO_PCI N_("cannot list sys/bus/pci/devices")
#define LF_PE_GPU_IDS N_("GPU %s: unreadable PCI ids")
#define LF_PE_NO_DRIVER N_("%s: no driver bound")
#define LF_PE_NO_NET N_("cannot list sys/class/net")

/* storage */
#define LF_PE_NO_BLOCK N_("cannot list sys/block")
#define LF_PE_DISK_TOO_BIG                                                                     \
  N_("%s: size of %" PRId64 " sectors is more than any real disk has (1 PB): recorded as "     \
     "unknown")
#define LF_PE_DISK_KIND N_("%s: cannot tell the kind of disk")
#define LF_PE_NO_MOUNTS N_("cannot read proc/mounts: boot medium unknown")

/* An error's message in the reader's language: a sentence above with its
 * values, translated; anything else (a report of another version) as it
 * is. transfer full. */
char *lf_probe_error_text(const char *message);
/* The probe area of an error ("smbios", "memory"...) as a person names it. */
const char *lf_probe_area_name(const char *probe);
