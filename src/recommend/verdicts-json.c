/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Verdicts and editions as JSON: schema lapfit-verdicts/1 (src/recommend/VERDICTS.md)
 * and the edition objects of lapfit-distros/1. English messages, C-locale numbers,
 * null where unknown. */
#include "recommend/recommend.h"

#include "core/json-build.h"

/* --- JSON (lapfit-verdicts/1) ------------------------------------------------ */

/* {"isa": ..., "ram": ..., ...}: each fact's source, or its confidence. */
static void add_fact_origins(JsonBuilder *b, const char *name, const LfDistroEdition *e,
                             gboolean sources)
{
  json_builder_set_member_name(b, name);
  json_builder_begin_object(b);
  for (int f = 0; f < LF_FACT_COUNT; f++)
    lf_json_set_string(b, lf_edition_fact_key(f),
                       sources ? e->fact[f].source : e->fact[f].confidence);
  json_builder_end_object(b);
}

static void add_edition(JsonBuilder *b, const LfDistroEdition *e)
{
  json_builder_begin_object(b);
  lf_json_set_string(b, "id", e->id);
  lf_json_set_string(b, "family", e->family);
  lf_json_set_string(b, "name", e->name);
  lf_json_set_string(b, "version", e->version);
  lf_json_set_string(b, "desktop", e->desktop);
  lf_json_set_string(b, "weight", lf_desktop_weight_to_string(e->weight));
  lf_json_set_tri(b, "wayland_only", e->wayland_only);
  lf_json_set_string(b, "released", e->released);
  lf_json_set_string(b, "support_ends", e->support_ends);
  lf_json_set_string(b, "arch", e->arch);
  json_builder_set_member_name(b, "isa_level");
  if (g_str_equal(e->arch, "x86_64")) {
    g_autofree char *isa = g_strdup_printf("x86-64-v%d", (int)e->isa_level);
    json_builder_add_string_value(b, isa);
  } else {
    json_builder_add_null_value(b);
  }
  json_builder_set_member_name(b, "cpu_needs");
  json_builder_begin_array(b);
  if (e->needs_pae)
    json_builder_add_string_value(b, "pae");
  if (e->needs_sse2)
    json_builder_add_string_value(b, "sse2");
  if (e->needs_cmov)
    json_builder_add_string_value(b, "cmov");
  json_builder_end_array(b);
  lf_json_set_string(b, "cpu_floor", e->cpu_floor);
  lf_json_set_int(b, "ram_min_mb", e->ram_min_mb);
  lf_json_set_int(b, "ram_rec_mb", e->ram_rec_mb);
  lf_json_set_int(b, "ram_floor_mb", e->ram_floor_mb);
  lf_json_set_string(b, "ram_min_use", e->ram_min_use);
  lf_json_set_string(b, "ram_rec_use", e->ram_rec_use);
  json_builder_set_member_name(b, "disk_min_gb");
  if (lf_known_num(e->disk_min_gb))
    json_builder_add_double_value(b, e->disk_min_gb);
  else
    json_builder_add_null_value(b);
  json_builder_set_member_name(b, "boot");
  json_builder_begin_array(b);
  if (e->boot_bios == LF_TRI_TRUE)
    json_builder_add_string_value(b, "bios");
  if (e->boot_uefi == LF_TRI_TRUE)
    json_builder_add_string_value(b, "uefi");
  if (e->boot_ia32_uefi == LF_TRI_TRUE)
    json_builder_add_string_value(b, "ia32-uefi");
  json_builder_end_array(b);
  lf_json_set_tri(b, "secure_boot", e->secure_boot);
  lf_json_set_tri(b, "nonfree_firmware", e->nonfree_firmware);
  lf_json_set_bool(b, "installer", e->installer);
  lf_json_set_string(b, "notes", e->notes);
  lf_json_set_string(b, "source", e->source);
  lf_json_set_string(b, "confidence", e->confidence);
  lf_json_set_string(b, "audience", lf_audience_to_string(e->audience));
  lf_json_set_string(b, "audience_why", e->audience_why);
  lf_json_set_string(b, "weight_why", e->weight_why);
  add_fact_origins(b, "value_source", e, TRUE);
  add_fact_origins(b, "value_confidence", e, FALSE);
  json_builder_end_object(b);
}

JsonNode *lf_distro_edition_to_json(const LfDistroEdition *edition)
{
  g_autoptr(JsonBuilder) b = json_builder_new();
  add_edition(b, edition);
  return json_builder_get_root(b);
}

static void add_verdict(JsonBuilder *b, const LfVerdict *v)
{
  const LfDistroEdition *e = v->edition;
  json_builder_begin_object(b);
  json_builder_set_member_name(b, "rank");
  json_builder_add_int_value(b, v->rank);
  lf_json_set_string(b, "id", e->id);
  lf_json_set_string(b, "name", e->name);
  lf_json_set_string(b, "version", e->version);
  lf_json_set_string(b, "desktop", e->desktop);
  lf_json_set_string(b, "status", lf_status_to_string(v->status));
  lf_json_set_bool(b, "supported", v->supported);
  lf_json_set_string(b, "support_ends", e->support_ends);
  lf_json_set_string(b, "confidence", e->confidence);
  lf_json_set_string(b, "source", e->source);
  lf_json_set_string(b, "audience", lf_audience_to_string(e->audience));
  json_builder_set_member_name(b, "reasons");
  json_builder_begin_array(b);
  for (guint i = 0; i < v->reasons->len; i++) {
    const LfReason *r = v->reasons->pdata[i];
    json_builder_begin_object(b);
    lf_json_set_string(b, "check", r->check);
    lf_json_set_string(b, "status", lf_status_to_string(r->status));
    lf_json_set_string(b, "message", r->message);
    json_builder_end_object(b);
  }
  json_builder_end_array(b);
  json_builder_set_member_name(b, "advice");
  json_builder_begin_array(b);
  for (guint i = 0; i < v->advice->len; i++) {
    const LfAdvice *a = v->advice->pdata[i];
    json_builder_begin_object(b);
    lf_json_set_string(b, "kind", a->kind);
    json_builder_set_member_name(b, "cost");
    json_builder_add_int_value(b, a->cost);
    lf_json_set_string(b, "edition", a->edition_id);
    lf_json_set_string(b, "message", a->message);
    lf_json_set_int(b, "target_mb", a->target_mb);
    lf_json_set_int(b, "total_mb", a->total_mb);
    lf_json_set_int(b, "module_mb", a->module_mb);
    lf_json_set_int(b, "modules", a->modules);
    lf_json_set_double(b, "disk_gb", a->disk_gb);
    json_builder_end_object(b);
  }
  json_builder_end_array(b);
  json_builder_end_object(b);
}

JsonNode *lf_verdict_to_json(const LfVerdict *verdict)
{
  g_autoptr(JsonBuilder) b = json_builder_new();
  add_verdict(b, verdict);
  return json_builder_get_root(b);
}

JsonNode *lf_recommendation_to_json(const LfRecommendation *rec)
{
  g_autoptr(JsonBuilder) b = json_builder_new();
  json_builder_begin_object(b);
  lf_json_set_string(b, "schema", LF_VERDICTS_SCHEMA);
  lf_json_set_string(b, "lapfit_version", LF_VERSION);
  char today[16] = "";
  if (g_date_valid(&rec->today))
    g_date_strftime(today, sizeof today, "%Y-%m-%d", &rec->today);
  lf_json_set_string(b, "today", today[0] ? today : NULL);
  lf_json_set_string(b, "use", lf_use_to_string(rec->use));
  lf_json_set_string(b, "for", lf_audience_to_string(rec->audience));
  lf_json_set_bool(b, "include_eol", rec->include_eol);
  json_builder_set_member_name(b, "memory");
  json_builder_begin_object(b);
  lf_json_set_string(b, "basis", rec->ram_basis);
  lf_json_set_int(b, "installed_mb", rec->ram_installed_mb);
  lf_json_set_int(b, "usable_mb", rec->ram_usable_mb);
  json_builder_end_object(b);
  lf_json_set_bool(b, "weak_machine", rec->weak_machine);
  lf_json_set_string(b, "headroom", lf_headroom_to_string(rec->headroom));
  lf_json_set_string(b, "virtual_machine", rec->vm_message);
  lf_json_set_string(b, "order", rec->order_message);
  json_builder_set_member_name(b, "best");
  json_builder_begin_array(b);
  for (guint i = 0; i < rec->best->len; i++) {
    const LfBestPick *p = rec->best->pdata[i];
    json_builder_begin_object(b);
    lf_json_set_string(b, "id", p->verdict->edition->id);
    json_builder_set_member_name(b, "rank");
    json_builder_add_int_value(b, p->verdict->rank);
    lf_json_set_string(b, "status", lf_status_to_string(p->verdict->status));
    lf_json_set_string(b, "why", p->message);
    json_builder_end_object(b);
  }
  json_builder_end_array(b);
  json_builder_set_member_name(b, "verdicts");
  json_builder_begin_array(b);
  for (guint i = 0; i < rec->verdicts->len; i++)
    add_verdict(b, rec->verdicts->pdata[i]);
  json_builder_end_array(b);
  json_builder_end_object(b);
  return json_builder_get_root(b);
}
