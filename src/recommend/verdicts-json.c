/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Verdicts and editions as JSON: schema lapfit-verdicts/1 (src/recommend/VERDICTS.md)
 * and the edition objects of lapfit-distros/1. English messages, C-locale numbers,
 * null where unknown. */
#include "recommend/recommend.h"

/* --- JSON (lapfit-verdicts/1) ------------------------------------------------ */

static void set_str(JsonBuilder *b, const char *key, const char *value)
{
  json_builder_set_member_name(b, key);
  if (value)
    json_builder_add_string_value(b, value);
  else
    json_builder_add_null_value(b);
}

static void set_int(JsonBuilder *b, const char *key, gint64 value)
{
  json_builder_set_member_name(b, key);
  if (lf_known_int(value))
    json_builder_add_int_value(b, value);
  else
    json_builder_add_null_value(b);
}

static void set_tri(JsonBuilder *b, const char *key, LfTri value)
{
  json_builder_set_member_name(b, key);
  if (value == LF_TRI_UNKNOWN)
    json_builder_add_null_value(b);
  else
    json_builder_add_boolean_value(b, value == LF_TRI_TRUE);
}

static void set_bool(JsonBuilder *b, const char *key, gboolean value)
{
  json_builder_set_member_name(b, key);
  json_builder_add_boolean_value(b, value);
}

static void add_edition(JsonBuilder *b, const LfDistroEdition *e)
{
  json_builder_begin_object(b);
  set_str(b, "id", e->id);
  set_str(b, "family", e->family);
  set_str(b, "name", e->name);
  set_str(b, "version", e->version);
  set_str(b, "desktop", e->desktop);
  set_str(b, "weight", lf_desktop_weight_to_string(e->weight));
  set_tri(b, "wayland_only", e->wayland_only);
  set_str(b, "released", e->released);
  set_str(b, "support_ends", e->support_ends);
  set_str(b, "arch", e->arch);
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
  set_str(b, "cpu_floor", e->cpu_floor);
  set_int(b, "ram_min_mb", e->ram_min_mb);
  set_int(b, "ram_rec_mb", e->ram_rec_mb);
  set_int(b, "ram_floor_mb", e->ram_floor_mb);
  set_str(b, "ram_min_use", e->ram_min_use);
  set_str(b, "ram_rec_use", e->ram_rec_use);
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
  set_tri(b, "secure_boot", e->secure_boot);
  set_tri(b, "nonfree_firmware", e->nonfree_firmware);
  set_bool(b, "installer", e->installer);
  set_str(b, "notes", e->notes);
  set_str(b, "source", e->source);
  set_str(b, "confidence", e->confidence);
  json_builder_set_member_name(b, "value_confidence");
  json_builder_begin_object(b);
  set_str(b, "isa", e->isa_confidence);
  set_str(b, "ram", e->ram_confidence);
  set_str(b, "disk", e->disk_confidence);
  set_str(b, "boot", e->boot_confidence);
  set_str(b, "firmware", e->firmware_confidence);
  json_builder_end_object(b);
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
  set_str(b, "id", e->id);
  set_str(b, "name", e->name);
  set_str(b, "version", e->version);
  set_str(b, "desktop", e->desktop);
  set_str(b, "status", lf_status_to_string(v->status));
  set_bool(b, "supported", v->supported);
  set_str(b, "support_ends", e->support_ends);
  set_str(b, "confidence", e->confidence);
  set_str(b, "source", e->source);
  set_str(b, "audience", lf_audience_to_string(e->audience));
  json_builder_set_member_name(b, "reasons");
  json_builder_begin_array(b);
  for (guint i = 0; i < v->reasons->len; i++) {
    const LfReason *r = v->reasons->pdata[i];
    json_builder_begin_object(b);
    set_str(b, "check", r->check);
    set_str(b, "status", lf_status_to_string(r->status));
    set_str(b, "message", r->message);
    json_builder_end_object(b);
  }
  json_builder_end_array(b);
  json_builder_set_member_name(b, "advice");
  json_builder_begin_array(b);
  for (guint i = 0; i < v->advice->len; i++) {
    const LfAdvice *a = v->advice->pdata[i];
    json_builder_begin_object(b);
    set_str(b, "kind", a->kind);
    json_builder_set_member_name(b, "cost");
    json_builder_add_int_value(b, a->cost);
    set_str(b, "edition", a->edition_id);
    set_str(b, "message", a->message);
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
  set_str(b, "schema", LF_VERDICTS_SCHEMA);
  set_str(b, "lapfit_version", LF_VERSION);
  char today[16] = "";
  if (g_date_valid(&rec->today))
    g_date_strftime(today, sizeof today, "%Y-%m-%d", &rec->today);
  set_str(b, "today", today[0] ? today : NULL);
  set_str(b, "use", lf_use_to_string(rec->use));
  set_str(b, "for", lf_audience_to_string(rec->audience));
  set_bool(b, "include_eol", rec->include_eol);
  json_builder_set_member_name(b, "memory");
  json_builder_begin_object(b);
  set_str(b, "basis", rec->ram_basis);
  set_int(b, "installed_mb", rec->ram_installed_mb);
  set_int(b, "usable_mb", rec->ram_usable_mb);
  json_builder_end_object(b);
  set_bool(b, "weak_machine", rec->weak_machine);
  set_str(b, "headroom", lf_headroom_to_string(rec->headroom));
  set_str(b, "virtual_machine", rec->vm_message);
  set_str(b, "order", rec->order_message);
  json_builder_set_member_name(b, "best");
  json_builder_begin_array(b);
  for (guint i = 0; i < rec->best->len; i++) {
    const LfBestPick *p = rec->best->pdata[i];
    json_builder_begin_object(b);
    set_str(b, "id", p->verdict->edition->id);
    json_builder_set_member_name(b, "rank");
    json_builder_add_int_value(b, p->verdict->rank);
    set_str(b, "status", lf_status_to_string(p->verdict->status));
    set_str(b, "why", p->message);
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
