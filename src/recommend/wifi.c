/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Wi-Fi firmware, file by file. The firmware table (data/firmware/network.tsv)
 * names the files a card's driver loads and, per file, where a distribution
 * gets it: upstream linux-firmware (then in the edition's packages, when its
 * image carries non-free firmware), a settings file made for one board that no
 * distribution ships (brcmfmac NVRAM .txt), the maker's driver, or not known.
 * Only a file the probe found missing gets advice. Never a FAIL: a USB Wi-Fi
 * adapter or a cable replaces the card (VERDICTS.md). */
#include <glib/gi18n.h>
#include <string.h>

#include "core/data-text.h"
#include "db/firmware-table.h"
#include "recommend/recommend.h"

/* One Wi-Fi card's files, sorted by where a distribution gets them. */
typedef struct {
  const LfNetwork *net;
  const LfFirmwareRule *rule;   /* NULL: the driver is not in the table */
  const char *chip;
  GPtrArray *upstream;          /* in linux-firmware */
  GPtrArray *board_missing, *board_present;   /* board settings files */
  GPtrArray *vendor;            /* from the maker's driver */
  GPtrArray *unknown;           /* where from is not known */
  gboolean upstream_missing;    /* a linux-firmware file is missing on the probed system */
} WifiFiles;

static gboolean is_missing(const LfNetwork *w, const char *file)
{
  for (guint i = 0; w->firmware_missing && i < w->firmware_missing->len; i++)
    if (g_str_equal(w->firmware_missing->pdata[i], file))
      return TRUE;
  return FALSE;
}

static void sort_file(WifiFiles *f, const char *file)
{
  LfFirmwareOrigin o = f->rule ? lf_firmware_rule_origin(f->rule, file) : LF_FW_ORIGIN_UNKNOWN;
  if (o == LF_FW_ORIGIN_UNKNOWN)   /* not the matched rule's file: another row may place it */
    o = lf_firmware_table_origin(lf_firmware_table_builtin(), f->net->driver, file);
  gboolean missing = is_missing(f->net, file);
  if (o == LF_FW_ORIGIN_LINUX_FIRMWARE) {
    g_ptr_array_add(f->upstream, (gpointer)file);
    f->upstream_missing |= missing;
  } else if (o == LF_FW_ORIGIN_BOARD) {
    g_ptr_array_add(missing ? f->board_missing : f->board_present, (gpointer)file);
  } else if (o == LF_FW_ORIGIN_VENDOR) {
    g_ptr_array_add(f->vendor, (gpointer)file);
  } else {
    g_ptr_array_add(f->unknown, (gpointer)file);
  }
}

/* The rule's files, then any missing file the rule does not list (a report from
 * another lapfit version). The strings belong to `names` and the report. */
static void wifi_files_init(WifiFiles *f, const LfNetwork *w, GStrv *names)
{
  memset(f, 0, sizeof *f);
  f->net = w;
  const char *id = w->pci_id ? w->pci_id : w->usb_id ? w->usb_id : w->sdio_id;
  f->rule = lf_firmware_table_lookup(lf_firmware_table_builtin(), w->driver, id);
  f->chip = w->device ? w->device : w->name ? w->name : w->driver ? w->driver : "?";
  f->upstream = g_ptr_array_new();
  f->board_missing = g_ptr_array_new();
  f->board_present = g_ptr_array_new();
  f->vendor = g_ptr_array_new();
  f->unknown = g_ptr_array_new();
  *names = f->rule && !g_str_equal(f->rule->files, "-") ? g_strsplit(f->rule->files, "|", 0)
                                                        : g_new0(char *, 1);
  for (guint i = 0; (*names)[i]; i++)
    sort_file(f, (*names)[i]);
  for (guint i = 0; w->firmware_missing && i < w->firmware_missing->len; i++) {
    const char *m = w->firmware_missing->pdata[i];
    if (!g_strv_contains((const char *const *)*names, m))
      sort_file(f, m);
  }
}

static void wifi_files_clear(WifiFiles *f)
{
  g_ptr_array_unref(f->upstream);
  g_ptr_array_unref(f->board_missing);
  g_ptr_array_unref(f->board_present);
  g_ptr_array_unref(f->vendor);
  g_ptr_array_unref(f->unknown);
}

static gboolean is_wifi(const LfNetwork *w)
{
  return w->kind && g_str_equal(w->kind, "wifi");
}

/* Files joined for a sentence: "a, b". transfer full. */
static char *join(GPtrArray *files)
{
  g_ptr_array_add(files, NULL);
  char *s = g_strjoinv(", ", (char **)files->pdata);
  g_ptr_array_set_size(files, files->len - 1);
  return s;
}

/* Does the edition's install image carry linux-firmware's non-free files? An uncertain
 * fact ('?') is not enough to say it does. */
static LfTri ships_upstream(const LfDistroEdition *e)
{
  if (e->nonfree_firmware == LF_TRI_TRUE &&
      g_strcmp0(e->fact[LF_FACT_FIRMWARE].confidence, "?") == 0)
    return LF_TRI_UNKNOWN;
  return e->nonfree_firmware;
}

static const char *package_for(const LfFirmwareRule *rule, const LfDistroEdition *e)
{
  if (rule == NULL)
    return NULL;
  return lf_firmware_rule_package(rule,
                                  lf_firmware_table_family(lf_firmware_table_builtin(), e->id));
}

static void reason_upstream(const WifiFiles *f, const LfDistroEdition *e, const char *n,
                            LfVerdict *v)
{
  g_autofree char *files = join(f->upstream);
  const char *pkg = package_for(f->rule, e);
  LfTri ships = ships_upstream(e);
  if (ships == LF_TRI_TRUE && pkg)
    lf_verdict_reason(v, "wifi", LF_STATUS_PASS,
                      N_("Wi-Fi %s needs %s from linux-firmware, which %s ships (package %s)"),
                      f->chip, files, n, pkg);
  else if (ships == LF_TRI_TRUE)
    lf_verdict_reason(v, "wifi", LF_STATUS_PASS,
                      N_("Wi-Fi %s needs %s from linux-firmware, which %s ships"), f->chip, files,
                      n);
  else if (ships == LF_TRI_FALSE && pkg)
    lf_verdict_reason(v, "wifi", LF_STATUS_WARN,
                      N_("Wi-Fi %s needs %s from linux-firmware, which the install image of %s "
                         "does not carry (package %s)"), f->chip, files, n, pkg);
  else if (ships == LF_TRI_FALSE)
    lf_verdict_reason(v, "wifi", LF_STATUS_WARN,
                      N_("Wi-Fi %s needs %s from linux-firmware, which the install image of %s "
                         "does not carry"), f->chip, files, n);
  else
    lf_verdict_reason(v, "wifi", LF_STATUS_WARN,
                      N_("Wi-Fi %s needs %s from linux-firmware; could not check whether %s "
                         "ships it"), f->chip, files, n);
}

/* The files no distribution ships: the same WARN for every edition (one fact, one severity). */
static void reason_unshipped(const WifiFiles *f, const char *n, LfVerdict *v)
{
  if (f->board_missing->len > 0 && f->net->nvram_efi == LF_TRI_TRUE) {
    g_autofree char *files = join(f->board_missing);
    lf_verdict_reason(v, "wifi-file", LF_STATUS_WARN,
                      N_("Wi-Fi %s needs %s, a settings file made for each board, which "
                         "distributions do not ship: this machine keeps those settings in an "
                         "EFI variable, so after installing %s they can be copied from there"),
                      f->chip, files, n);
  } else if (f->board_missing->len > 0) {
    g_autofree char *files = join(f->board_missing);
    lf_verdict_reason(v, "wifi-file", LF_STATUS_WARN,
                      N_("Wi-Fi %s needs %s, a settings file made for each board, which "
                         "distributions do not ship (linux-firmware has it for only a few "
                         "boards): %s will lack it, as this system does"), f->chip, files, n);
  }
  if (f->board_present->len > 0) {
    g_autofree char *files = join(f->board_present);
    lf_verdict_reason(v, "wifi-file", LF_STATUS_WARN,
                      N_("Wi-Fi %s needs %s, a settings file made for each board, which "
                         "distributions do not ship (linux-firmware has it for only a few "
                         "boards): this system has it, so keep a copy to put back after "
                         "installing %s"), f->chip, files, n);
  }
  if (f->vendor->len > 0) {
    g_autofree char *files = join(f->vendor);
    lf_verdict_reason(v, "wifi-file", LF_STATUS_WARN,
                      N_("Wi-Fi %s needs %s, which is not in linux-firmware and which no "
                         "distribution ships: after installing %s it has to be taken from the "
                         "maker's driver"), f->chip, files, n);
  }
  if (f->unknown->len > 0) {
    g_autofree char *files = join(f->unknown);
    lf_verdict_reason(v, "wifi", LF_STATUS_WARN,
                      N_("Wi-Fi %s needs %s; whether distributions ship it is not known, so "
                         "could not check %s"), f->chip, files, n);
  }
}

/* A driver the table does not know, with nothing reported missing: which file is unknown. */
static void reason_no_rule(const WifiFiles *f, const LfDistroEdition *e, const char *n,
                           LfVerdict *v)
{
  if (e->nonfree_firmware == LF_TRI_FALSE)
    lf_verdict_reason(v, "wifi", LF_STATUS_WARN,
                      N_("Wi-Fi %s needs non-free firmware (which file is not known) that %s "
                         "does not ship"), f->chip, n);
  else if (e->nonfree_firmware == LF_TRI_UNKNOWN)
    lf_verdict_reason(v, "wifi", LF_STATUS_WARN,
                      N_("Wi-Fi %s needs non-free firmware (which file is not known); could "
                         "not check whether %s ships it"), f->chip, n);
  else
    lf_verdict_reason(v, "wifi", LF_STATUS_PASS,
                      N_("Wi-Fi %s needs non-free firmware, which %s ships"), f->chip, n);
}

void lf_rule_wifi(const LfRuleContext *ctx, const LfDistroEdition *e, LfVerdict *v)
{
  const GPtrArray *nets = ctx->report->network;
  g_auto(LfEditionWords) words = { 0 };   /* English in JSON, translated on screen */
  lf_edition_words_init(&words, e);
  const char *n = words.label;
  for (guint i = 0; nets && i < nets->len; i++) {
    const LfNetwork *w = nets->pdata[i];
    if (!is_wifi(w))
      continue;
    WifiFiles f;
    g_auto(GStrv) names = NULL;
    wifi_files_init(&f, w, &names);
    if (f.upstream->len > 0)
      reason_upstream(&f, e, n, v);
    reason_unshipped(&f, n, v);
    if (f.rule == NULL && f.unknown->len == 0 && w->needs_nonfree_firmware == LF_TRI_TRUE)
      reason_no_rule(&f, e, n, v);
    wifi_files_clear(&f);
  }
}

/* Where a missing board file comes from, in plain words: the EFI variable when this
 * machine has it (efivarfs puts 4 bytes of attributes before the data), else the
 * Windows driver. */
static void advise_board(LfVerdict *v, const LfDistroEdition *e, const WifiFiles *f)
{
  g_autofree char *name = lf_data_phrase(LF_DATA_DISTRO_NAME, e->name);
  for (guint i = 0; i < f->board_missing->len; i++) {
    const char *path = f->board_missing->pdata[i];
    g_autofree char *base = g_path_get_basename(path);
    if (f->net->nvram_efi == LF_TRI_TRUE)
      lf_verdict_advice(v, "firmware-file", 1, NULL,
                        /* TRANSLATORS: the command from sudo to the closing ' stays as it is */
                        N_("After installing %s, copy the Wi-Fi settings this machine keeps in "
                           "an EFI variable into the file the driver looks for: in a terminal, "
                           "run sudo sh -c 'tail -c +5 /sys/firmware/efi/efivars/%s > "
                           "/lib/firmware/%s' and restart"),
                        name, LF_BRCMF_NVRAM_EFIVAR, path);
    else if (f->net->nvram_efi == LF_TRI_FALSE)
      lf_verdict_advice(v, "firmware-file", 1, NULL,
                        N_("After installing %s, copy the file %s from this machine's Windows "
                           "Wi-Fi driver (a .txt file in the driver's folder, perhaps under "
                           "another name) to /lib/firmware/%s"),
                        name, base, path);
    else
      lf_verdict_advice(v, "firmware-file", 1, NULL,
                        N_("After installing %s, copy the file %s from this machine's Windows "
                           "Wi-Fi driver (a .txt file in the driver's folder, perhaps under "
                           "another name) to /lib/firmware/%s. Some machines keep these "
                           "settings in the firmware (an EFI variable); Linux then reads them by "
                           "itself"),
                        name, base, path);
  }
}

static void advise_card(const WifiFiles *f, const LfDistroEdition *e, LfVerdict *v)
{
  const char *pkg = package_for(f->rule, e);
  g_autofree char *name = lf_data_phrase(LF_DATA_DISTRO_NAME, e->name);
  if (f->upstream_missing && ships_upstream(e) != LF_TRI_TRUE) {
    g_autofree char *files = join(f->upstream);
    if (pkg)
      lf_verdict_advice(v, "firmware-package", 1, NULL,
                        N_("After installing %s, install the package %s (it has %s), over a "
                           "cable or a USB Wi-Fi adapter that needs no firmware"),
                        name, pkg, files);
    else
      lf_verdict_advice(v, "firmware-package", 1, NULL,
                        N_("Install the missing Wi-Fi firmware after installing %s, over a "
                           "cable or a USB Wi-Fi adapter that needs none"), name);
  }
  advise_board(v, e, f);
  gboolean vendor_missing = FALSE;
  for (guint i = 0; i < f->vendor->len; i++)
    vendor_missing |= is_missing(f->net, f->vendor->pdata[i]);
  if (vendor_missing && pkg)
    lf_verdict_advice(v, "firmware-package", 1, NULL,
                      N_("After installing %s, install the package %s over a cable or a USB "
                         "Wi-Fi adapter: it fetches the Wi-Fi firmware from the maker's "
                         "driver"), name, pkg);
}

void lf_advise_wifi(const LfRuleContext *ctx, LfVerdict *v)
{
  const GPtrArray *nets = ctx->report->network;
  for (guint i = 0; nets && i < nets->len; i++) {
    const LfNetwork *w = nets->pdata[i];
    if (!is_wifi(w) || w->firmware_missing == NULL || w->firmware_missing->len == 0)
      continue;   /* advice only for a file known to be missing */
    WifiFiles f;
    g_auto(GStrv) names = NULL;
    wifi_files_init(&f, w, &names);
    advise_card(&f, v->edition, v);
    /* A missing file the table does not place: the old, general advice. */
    gboolean unknown_missing = FALSE;
    for (guint j = 0; j < f.unknown->len; j++)
      unknown_missing |= is_missing(w, f.unknown->pdata[j]);
    if (unknown_missing) {
      g_autofree char *name = lf_data_phrase(LF_DATA_DISTRO_NAME, v->edition->name);
      lf_verdict_advice(v, "firmware-package", 1, NULL,
                        N_("Install the missing Wi-Fi firmware after installing %s, over a "
                           "cable or a USB Wi-Fi adapter that needs none"), name);
    }
    wifi_files_clear(&f);
  }
}
