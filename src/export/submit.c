/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Submission to an OCS Inventory NG server, the way its agents do it:
 * POST zlib-compressed XML, PROLOG then INVENTORY. */
#include <curl/curl.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "core/error.h"
#include "core/inflate.h"
#include "core/module.h"
#include "core/text.h"
#include "export/export.h"

#define OCS_USER_AGENT "lapfit_v" LF_VERSION
#define MAX_REPLY_BYTES (4 * 1024 * 1024)
/* An OCS answer is a few hundred bytes of XML: more is a hostile server. */
#define MAX_INFLATED_BYTES (4 * 1024 * 1024)
/* How much of the server's RESPONSE an error quotes. */
#define MAX_QUOTED_RESPONSE 80
/* Seconds to connect, and for the whole exchange unless LAPFIT_SUBMIT_TIMEOUT
 * says otherwise: a server that accepts and never answers must not hang a
 * refurbisher's script. */
#define CONNECT_TIMEOUT_S 20L
#define DEFAULT_TIMEOUT_S 120L

/* libcurl is opened only when a report is submitted: linked directly, it and
 * its TLS/Kerberos/LDAP dependencies added about 6 MB to the resident size of
 * every lapfit run, for a feature few runs use. */
typedef struct {
  CURLcode (*global_init)(long flags);
  CURL *(*easy_init)(void);
  void (*easy_reset)(CURL *curl);
  CURLcode (*easy_setopt)(CURL *curl, CURLoption option, ...);
  CURLcode (*easy_perform)(CURL *curl);
  CURLcode (*easy_getinfo)(CURL *curl, CURLINFO info, ...);
  const char *(*easy_strerror)(CURLcode code);
  void (*easy_cleanup)(CURL *curl);
  struct curl_slist *(*slist_append)(struct curl_slist *list, const char *s);
  void (*slist_free_all)(struct curl_slist *list);
} LfCurl;

static const LfCurl *curl_load(GError **error)
{
  static LfCurl api;
  static char *failure;
  static gsize done = 0;
  if (g_once_init_enter(&done)) {
    const LfSymbol syms[] = {
      { "curl_global_init", (gpointer *)&api.global_init },
      { "curl_easy_init", (gpointer *)&api.easy_init },
      { "curl_easy_reset", (gpointer *)&api.easy_reset },
      { "curl_easy_setopt", (gpointer *)&api.easy_setopt },
      { "curl_easy_perform", (gpointer *)&api.easy_perform },
      { "curl_easy_getinfo", (gpointer *)&api.easy_getinfo },
      { "curl_easy_strerror", (gpointer *)&api.easy_strerror },
      { "curl_easy_cleanup", (gpointer *)&api.easy_cleanup },
      { "curl_slist_append", (gpointer *)&api.slist_append },
      { "curl_slist_free_all", (gpointer *)&api.slist_free_all },
    };
    failure = lf_module_bind("libcurl.so.4", syms, G_N_ELEMENTS(syms));
    if (!failure && api.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
      failure = g_strdup("curl_global_init failed");
    g_once_init_leave(&done, 1);
  }
  if (failure) {
    g_set_error(error, LF_ERROR, LF_ERROR_UNSUPPORTED,
                _("cannot submit: libcurl is not usable (%s)"), failure);
    return NULL;
  }
  return &api;
}

static GBytes *convert(GConverter *conv, const void *data, gsize len, GError **error)
{
  g_autoptr(GOutputStream) mem = g_memory_output_stream_new_resizable();
  g_autoptr(GOutputStream) cs = g_converter_output_stream_new(mem, conv);
  gsize written = 0;
  if (!g_output_stream_write_all(cs, data, len, &written, NULL, error) ||
      !g_output_stream_close(cs, NULL, error))
    return NULL;
  return g_memory_output_stream_steal_as_bytes(G_MEMORY_OUTPUT_STREAM(mem));
}

static size_t on_body(char *ptr, size_t size, size_t nmemb, void *user)
{
  GByteArray *buf = user;
  if (buf->len + size * nmemb > MAX_REPLY_BYTES) {
    g_byte_array_set_size(buf, MAX_REPLY_BYTES + 1);   /* marks "too large" for post() */
    return 0;
  }
  g_byte_array_append(buf, (const guint8 *)ptr, (guint)(size * nmemb));
  return size * nmemb;
}

static long submit_timeout(void)
{
  const char *env = g_getenv("LAPFIT_SUBMIT_TIMEOUT");
  guint64 v = 0;
  if (env && g_ascii_string_to_unsigned(env, 10, 1, 3600, &v, NULL))
    return (long)v;
  return DEFAULT_TIMEOUT_S;
}

/* curl's own message names milliseconds and bytes; say what happened. */
static void set_send_error(const LfCurl *lc, CURL *curl, CURLcode rc, const char *url,
                           const char *errbuf, long timeout, GError **error)
{
  double connect_time = 0;   /* stays 0 until the connection stood */
  gboolean connected = rc == CURLE_OPERATION_TIMEDOUT &&
                       lc->easy_getinfo(curl, CURLINFO_CONNECT_TIME, &connect_time) == CURLE_OK &&
                       connect_time > 0;
  long limit = connected ? timeout : MIN(timeout, CONNECT_TIMEOUT_S);
  if (rc == CURLE_OPERATION_TIMEDOUT && connected)
    g_set_error(error, LF_ERROR, LF_ERROR_FAILED,
                ngettext("cannot send to '%s': no answer within %ld second",
                         "cannot send to '%s': no answer within %ld seconds", (gulong)limit),
                url, limit);
  else if (rc == CURLE_OPERATION_TIMEDOUT)
    g_set_error(error, LF_ERROR, LF_ERROR_FAILED,
                ngettext("cannot send to '%s': no connection within %ld second",
                         "cannot send to '%s': no connection within %ld seconds", (gulong)limit),
                url, limit);
  else
    g_set_error(error, LF_ERROR, LF_ERROR_FAILED, _("cannot send to '%s': %s"), url,
                *errbuf ? errbuf : lc->easy_strerror(rc));
}

/* One POST; returns the decoded reply text. */
static char *post(const LfCurl *lc, CURL *curl, const char *url, const char *xml, GError **error)
{
  g_autoptr(GZlibCompressor) zc = g_zlib_compressor_new(G_ZLIB_COMPRESSOR_FORMAT_ZLIB, -1);
  g_autoptr(GBytes) body = convert(G_CONVERTER(zc), xml, strlen(xml), error);
  if (body == NULL)
    return NULL;
  g_autoptr(GByteArray) reply = g_byte_array_new();
  struct curl_slist *headers = lc->slist_append(NULL, "Content-Type: application/x-compress");
  gsize body_len = 0;
  const void *body_data = g_bytes_get_data(body, &body_len);
  lc->easy_reset(curl);
  lc->easy_setopt(curl, CURLOPT_URL, url);
  lc->easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  lc->easy_setopt(curl, CURLOPT_USERAGENT, OCS_USER_AGENT);
  lc->easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  lc->easy_setopt(curl, CURLOPT_POSTFIELDS, body_data);
  lc->easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)body_len);
  lc->easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
  lc->easy_setopt(curl, CURLOPT_WRITEDATA, reply);
  long timeout = submit_timeout();
  lc->easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, MIN(timeout, CONNECT_TIMEOUT_S));
  lc->easy_setopt(curl, CURLOPT_TIMEOUT, timeout);
  lc->easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  char errbuf[CURL_ERROR_SIZE] = "";
  lc->easy_setopt(curl, CURLOPT_ERRORBUFFER, errbuf);
  CURLcode rc = lc->easy_perform(curl);
  lc->slist_free_all(headers);
  if (reply->len > MAX_REPLY_BYTES) {
    g_set_error(error, LF_ERROR, LF_ERROR_FAILED,
                _("cannot read the answer of '%s': larger than %zu bytes"), url,
                (gsize)MAX_REPLY_BYTES);
    return NULL;
  }
  if (rc != CURLE_OK) {
    set_send_error(lc, curl, rc, url, errbuf, timeout, error);
    return NULL;
  }
  long code = 0;
  lc->easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
  if (code != 200) {
    g_set_error(error, LF_ERROR, LF_ERROR_FAILED, _("server '%s' answered HTTP %ld"), url, code);
    return NULL;
  }
  if (reply->len > 0 && reply->data[0] == '<')  /* the server may answer uncompressed */
    return g_strndup((const char *)reply->data, reply->len);
  char *plain = NULL;
  gsize n = 0;
  if (!lf_inflate(G_ZLIB_COMPRESSOR_FORMAT_ZLIB, reply->data, reply->len, MAX_INFLATED_BYTES,
                  &plain, &n, error)) {
    g_prefix_error(error, _("cannot read the answer of '%s': "), url);
    return NULL;
  }
  return plain;
}

/* The server's RESPONSE, safe to quote in an error: sanitised (it may hold
 * terminal escapes) and at most MAX_QUOTED_RESPONSE characters. */
static char *response_of(const char *reply)
{
  const char *a = strstr(reply, "<RESPONSE>");
  const char *b = a ? strstr(a, "</RESPONSE>") : NULL;
  g_autofree char *raw = b ? g_strndup(a + 10, (gsize)(b - a - 10)) : g_strdup("");
  g_autofree char *clean = lf_text_sanitize(raw);
  return g_utf8_substring(clean, 0, MIN(g_utf8_strlen(clean, -1), MAX_QUOTED_RESPONSE));
}

gboolean lf_ocs_submit(const char *url, const char *device_id, const char *inventory_xml,
                       GError **error)
{
  const LfCurl *lc = curl_load(error);
  if (lc == NULL)
    return FALSE;
  CURL *curl = lc->easy_init();
  if (curl == NULL) {
    g_set_error(error, LF_ERROR, LF_ERROR_FAILED, _("cannot initialise libcurl"));
    return FALSE;
  }
  g_autofree char *did = g_markup_escape_text(device_id, -1);
  g_autofree char *prolog = g_strdup_printf(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<REQUEST><DEVICEID>%s</DEVICEID>"
      "<QUERY>PROLOG</QUERY></REQUEST>\n", did);
  gboolean ok = FALSE;
  g_autofree char *r1 = post(lc, curl, url, prolog, error);
  if (r1) {
    g_autofree char *resp = response_of(r1);
    if (!g_str_equal(resp, "SEND")) {
      g_set_error(error, LF_ERROR, LF_ERROR_FAILED,
                  _("server '%s' did not ask for an inventory (answer '%s')"), url, resp);
    } else {
      g_autofree char *r2 = post(lc, curl, url, inventory_xml, error);
      g_autofree char *resp2 = r2 ? response_of(r2) : NULL;
      if (resp2 && (g_str_equal(resp2, "NO_ACCOUNT_UPDATE") ||
                    g_str_equal(resp2, "ACCOUNT_UPDATE")))
        ok = TRUE;
      else if (resp2)
        g_set_error(error, LF_ERROR, LF_ERROR_FAILED,
                    _("server '%s' did not accept the inventory (answer '%s')"), url, resp2);
    }
  }
  lc->easy_cleanup(curl);
  return ok;
}
