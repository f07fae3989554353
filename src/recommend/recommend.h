/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The recommender: LfReport x LfDistroTable x options -> ranked verdicts.
 *
 * lf_recommend() is pure: no I/O, no clock, no globals ("today" is an
 * option), so the CLI, the TUI and the fleet helpers get the same answer for
 * the same inputs. Each rule (rules.c) adds reasons to a verdict; the verdict
 * status is the worst reason. Advice (advice.c) then names the cheapest change
 * that would turn each WARN/FAIL into PASS.
 *
 * Reasons and advice carry two texts: `message` (English, C-locale numbers,
 * for JSON and logs) and `text` (the same sentence translated, for people).
 * JSON output: lf_recommendation_to_json(), schema LF_VERDICTS_SCHEMA,
 * documented in src/recommend/VERDICTS.md. */
#pragma once
#include <glib.h>
#include <json-glib/json-glib.h>

#include "core/report.h"
#include "db/distro-table.h"

#define LF_VERDICTS_SCHEMA "lapfit-verdicts/1"

/* Ordered: a verdict is the maximum of its reasons. INFO never changes it. */
typedef enum {
  LF_STATUS_INFO = -1,
  LF_STATUS_PASS = 0,
  LF_STATUS_WARN = 1,
  LF_STATUS_FAIL = 2,
} LfStatus;

typedef enum {
  LF_USE_DESKTOP = 0,   /* judge RAM against "recommended"; desktop, disk and GPU rules */
  LF_USE_SERVER,        /* headless: minimums only, no desktop/GPU rules, long support first */
  LF_USE_KIOSK,         /* one full-screen app: minimums only, lightest desktop first */
} LfUse;

/* How much the machine can carry: picks the desktop weight ranked first. */
typedef enum {
  LF_HEADROOM_MODEST = 0,   /* < 4 GB RAM, or a 32-bit / x86-64-v1 CPU: light desktops first */
  LF_HEADROOM_MIDDLE,       /* between: medium desktops (Xfce, MATE) first */
  LF_HEADROOM_CAPABLE,      /* >= 8 GB, x86-64-v2+, no hard disk: full desktops first */
} LfHeadroom;

typedef struct {
  LfUse use;
  LfAudience audience;    /* who will use the machine (--for); default newcomer */
  gboolean include_eol;   /* also list editions whose support has ended */
  GDate today;            /* must be valid; editions are judged "supported" against it */
} LfRecommendOptions;

/* Defaults: desktop use, no end-of-life editions, today = the UTC date. */
void lf_recommend_options_init(LfRecommendOptions *opts);

typedef struct {
  char *check;      /* machine id: "arch", "isa", "cpu-32bit", "boot", "secure-boot", "ram",
                       "disk", "disk-kind", "gpu", "wifi", "wifi-file", "support", "installer",
                       "cpu-floor" */
  LfStatus status;
  char *message;    /* English, with the figures used */
  char *text;       /* the same sentence, translated */
  gboolean unconfirmed;   /* built on a fact the project does not confirm; the sentence
                             ends "(not confirmed by the project)" and the edition ranks
                             after confirmed ones (rank.c) */
} LfReason;

typedef struct {
  char *kind;       /* "ram", "ssd", "disk", "edition", "firmware-setting", "boot-option",
                       "firmware-package", "firmware-file" */
  int cost;         /* 0 setting, 1 package, 2 part, 3 bigger part, 4 another edition */
  char *message;    /* English */
  char *text;       /* translated */
  char *edition_id; /* kind "edition": the suggested edition, else NULL */
  /* What the fix aims at, as numbers (LF_UNKNOWN, NAN for disk_gb, where it does not apply): */
  gint64 target_mb; /* ram, ram+ssd, vm-memory: the RAM the edition is judged against
                       (lf_ram_target) */
  gint64 total_mb;  /* ram, ram+ssd: the RAM the machine has after the fix */
  gint64 module_mb; /* ram, ram+ssd: the size of each module to fit; unknown for "add RAM" */
  gint64 modules;   /* ram, ram+ssd: how many modules of module_mb to fit */
  double disk_gb;   /* disk: the smallest disk that passes */
} LfAdvice;

typedef struct {
  const LfDistroEdition *edition;   /* transfer none: owned by the table */
  LfStatus status;                  /* PASS, WARN or FAIL */
  gboolean supported;               /* support has not ended (or rolling/unknown) */
  int rank;                         /* 1-based position in the recommendation */
  double score;                     /* lower ranks first (see lf_recommend) */
  GPtrArray *reasons;               /* LfReason, in rule order */
  GPtrArray *advice;                /* LfAdvice, cheapest first; empty for PASS */
} LfVerdict;

/* One of the best three: the verdict and one sentence of why. */
typedef struct {
  const LfVerdict *verdict;   /* transfer none: owned by LfRecommendation.verdicts */
  char *message;              /* English */
  char *text;                 /* translated */
  const char *who;            /* static English "made for people new to Linux"; translate with _() */
} LfBestPick;

typedef struct {
  char *ram_basis;        /* "installed" | "usable" | "estimate" | "unknown" */
  gint64 ram_installed_mb, ram_usable_mb;
  gboolean weak_machine;  /* lighter desktops are ranked first (headroom MODEST) */
  LfHeadroom headroom;
  LfUse use;
  LfAudience audience;
  GDate today;
  gboolean include_eol;
  char *order_message;    /* why the verdicts are in this order: English */
  char *order_text;       /* translated */
  GPtrArray *verdicts;    /* LfVerdict, ranked */
  GPtrArray *best;        /* LfBestPick: up to three listed non-FAIL verdicts, best first */
  char *vm_message;       /* inside a virtual machine: a one-line note, else NULL */
  char *vm_text;
} LfRecommendation;

/* Judges every edition (end-of-life ones only with include_eol) and ranks them
 * (src/recommend/VERDICTS.md, "Ranking"): FAIL last; supported before ended;
 * for a newcomer, expert editions after every other PASS or WARN; PASS before
 * WARN; audience fit; desktop weight fitted to the machine's headroom (server:
 * longest support first, kiosk: lightest first); support left.
 * report and table stay owned by the caller and must outlive the result
 * (verdicts point at table rows). transfer full. */
LfRecommendation *lf_recommend(const LfReport *report, const LfDistroTable *table,
                               const LfRecommendOptions *opts);
void lf_recommendation_free(LfRecommendation *rec);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(LfRecommendation, lf_recommendation_free)

/* One edition, whatever its support status (for `check`). Advice may name other
 * editions of the table. NULL with LF_ERROR_NOT_FOUND for an unknown id.
 * The returned verdict is owned by *rec_out (transfer full on rec_out). */
const LfVerdict *lf_recommend_one(const LfReport *report, const LfDistroTable *table,
                                  const LfRecommendOptions *opts, const char *id,
                                  LfRecommendation **rec_out, GError **error);

/* The RAM figure an edition is judged against for `use`, the one every RAM
 * question asks (the rule, its advice, the fleet's purchases): for desktop use
 * the recommended figure; else the published minimum, else the recommended
 * figure, else the hard floor. LF_UNKNOWN when the project publishes none. */
gint64 lf_ram_target(const LfDistroEdition *e, LfUse use);
/* The same question without an edition (the fleet's hardware upgrades): 4 GB,
 * what current desktop editions recommend, or 2 GB, what the light editions
 * need, on a board that cannot take 4 GB. 0 when @installed_mb is enough
 * already (4 GB, less what the firmware keeps), LF_UNKNOWN when the board
 * takes no more (soldered, or at its maximum; @max_mb LF_UNKNOWN = no limit
 * known). */
gint64 lf_ram_upgrade_target(gint64 installed_mb, gint64 max_mb, gboolean soldered);

const char *lf_status_to_string(LfStatus status);     /* "PASS" ... never translated */
const char *lf_use_to_string(LfUse use);
const char *lf_headroom_to_string(LfHeadroom headroom);   /* "modest" | "middle" | "capable" */
gboolean lf_use_from_string(const char *text, LfUse *out);

/* JSON (schema lapfit-verdicts/1, English messages, C-locale numbers). transfer full. */
JsonNode *lf_recommendation_to_json(const LfRecommendation *rec);
JsonNode *lf_verdict_to_json(const LfVerdict *verdict);
JsonNode *lf_distro_edition_to_json(const LfDistroEdition *edition);

/* --- internal to src/recommend (rules.c, advice.c) ---------------------- */

typedef struct {
  const LfReport *report;
  const LfRecommendOptions *opts;
  const char *ram_basis;          /* as in LfRecommendation */
  gint64 ram_mb;                  /* the figure RAM is judged against, or LF_UNKNOWN */
  gint64 usable_mb;               /* MemTotal, or LF_UNKNOWN */
  const LfStorage *disk;          /* largest internal disk, or NULL */
  int cpu_level;                  /* 0 = 32-bit, 1..4 = x86-64-vN, -1 unknown */
} LfRuleContext;

void lf_rule_context_init(LfRuleContext *ctx, const LfReport *report,
                          const LfRecommendOptions *opts);

typedef void (*LfRuleFunc)(const LfRuleContext *ctx, const LfDistroEdition *e, LfVerdict *v);
/* NULL-terminated, in the order reasons are listed. */
extern const LfRuleFunc lf_rules[];
/* wifi.c: the Wi-Fi firmware rule (checks "wifi", "wifi-file") and its advice, file by file. */
void lf_rule_wifi(const LfRuleContext *ctx, const LfDistroEdition *e, LfVerdict *v);
void lf_advise_wifi(const LfRuleContext *ctx, LfVerdict *v);

LfVerdict *lf_verdict_new(const LfDistroEdition *edition);
void lf_verdict_free(LfVerdict *verdict);

/* Adds a reason; message and text are taken (transfer full). */
void lf_verdict_take_reason(LfVerdict *v, const char *check, LfStatus status, char *message,
                            char *text);
/* fmt must be a literal marked N_(): the English and translated texts are formatted with the
 * same arguments (pass figures from lf_format_mb()/lf_format_gb()). */
#define lf_verdict_reason(v, check, status, fmt, ...)                                       \
  lf_verdict_take_reason((v), (check), (status), g_strdup_printf(fmt, ##__VA_ARGS__),       \
                         g_strdup_printf(_(fmt), ##__VA_ARGS__))
/* Adds advice, its typed targets unknown; returns it (transfer none) so the caller can set
 * them. */
LfAdvice *lf_verdict_take_advice(LfVerdict *v, const char *kind, int cost, const char *edition_id,
                                 char *message, char *text);
#define lf_verdict_advice(v, kind, cost, edition_id, fmt, ...)                              \
  lf_verdict_take_advice((v), (kind), (cost), (edition_id), g_strdup_printf(fmt, ##__VA_ARGS__), \
                         g_strdup_printf(_(fmt), ##__VA_ARGS__))
gboolean lf_verdict_has_check(const LfVerdict *v, const char *check, LfStatus at_least);

/* An edition's words from data/distros as phrases for reasons and advice
 * (core/data-text.h): English in `message` and JSON, translated in `text`. */
typedef struct {
  char *name, *version, *desktop;
  char *label;   /* "name version" */
} LfEditionWords;
void lf_edition_words_init(LfEditionWords *w, const LfDistroEdition *e);
void lf_edition_words_clear(LfEditionWords *w);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(LfEditionWords, lf_edition_words_clear)

/* RAM ("512 MiB", "1.5 GiB") and disk ("40 GB") figures for the sentences of
 * reasons, advice and the order: marked figures (core/human.h), which
 * lf_verdict_take_reason() and friends render in the C locale for `message`
 * and in the user's locale for `text`. Print one elsewhere only through
 * lf_figures_local() or lf_figures_plain(). transfer full. */
char *lf_format_mb(gint64 mb);
char *lf_format_gb(double gb);

/* A spinning disk (kind "hdd", or no kind and rotational); never a virtual disk. */
gboolean lf_disk_is_hdd(const LfStorage *disk);

/* rank.c: headroom, score (lower ranks first), the order sentence and the best three. */
LfHeadroom lf_rank_headroom(const LfRuleContext *ctx);
double lf_rank_score(const LfRuleContext *ctx, LfHeadroom headroom, const LfVerdict *v);
/* The verdict rests on a fact the project does not confirm: a reason says "not confirmed",
 * or the edition's row as a whole is of confidence '?'. */
gboolean lf_verdict_unconfirmed(const LfVerdict *v);
void lf_rank_explain(LfRecommendation *rec, const LfRuleContext *ctx);
void lf_rank_pick_best(LfRecommendation *rec);
/* Days from today to the end of the period `date` names; NAN when unknown. */
double lf_days_until(const GDate *today, const char *date);

/* Fills v->advice for every non-PASS verdict; all = every judged verdict. */
void lf_advise(const LfRuleContext *ctx, const LfDistroTable *table, GPtrArray *all,
               LfVerdict *v);
