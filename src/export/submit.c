/* Submission to an OCS Inventory NG server, the way its agents do it
 * (../shared/OCS.md): POST zlib-compressed XML, PROLOG then INVENTORY. */
#include <curl/curl.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "core/error.h"
#include "export/export.h"

#define OCS_USER_AGENT "lapfit_v" LF_VERSION
#define MAX_REPLY_BYTES (4 * 1024 * 1024)

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
  if (buf->len + size * nmemb > MAX_REPLY_BYTES)
    return 0;
  g_byte_array_append(buf, (const guint8 *)ptr, (guint)(size * nmemb));
  return size * nmemb;
}

/* One POST; returns the decoded reply text. */
static char *post(CURL *curl, const char *url, const char *xml, GError **error)
{
  g_autoptr(GZlibCompressor) zc = g_zlib_compressor_new(G_ZLIB_COMPRESSOR_FORMAT_ZLIB, -1);
  g_autoptr(GBytes) body = convert(G_CONVERTER(zc), xml, strlen(xml), error);
  if (body == NULL)
    return NULL;
  g_autoptr(GByteArray) reply = g_byte_array_new();
  struct curl_slist *headers = curl_slist_append(NULL, "Content-Type: application/x-compress");
  gsize body_len = 0;
  const void *body_data = g_bytes_get_data(body, &body_len);
  curl_easy_reset(curl);
  curl_easy_setopt(curl, CURLOPT_URL, url);
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_USERAGENT, OCS_USER_AGENT);
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body_data);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)body_len);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, reply);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 20L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 120L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  char errbuf[CURL_ERROR_SIZE] = "";
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errbuf);
  CURLcode rc = curl_easy_perform(curl);
  curl_slist_free_all(headers);
  if (rc != CURLE_OK) {
    g_set_error(error, LF_ERROR, LF_ERROR_FAILED, _("cannot send to '%s': %s"), url,
                *errbuf ? errbuf : curl_easy_strerror(rc));
    return NULL;
  }
  long code = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
  if (code != 200) {
    g_set_error(error, LF_ERROR, LF_ERROR_FAILED, _("server '%s' answered HTTP %ld"), url, code);
    return NULL;
  }
  if (reply->len > 0 && reply->data[0] == '<')  /* the server may answer uncompressed */
    return g_strndup((const char *)reply->data, reply->len);
  g_autoptr(GZlibDecompressor) zd = g_zlib_decompressor_new(G_ZLIB_COMPRESSOR_FORMAT_ZLIB);
  g_autoptr(GBytes) plain = convert(G_CONVERTER(zd), reply->data, reply->len, error);
  if (plain == NULL) {
    g_prefix_error(error, _("cannot read the answer of '%s': "), url);
    return NULL;
  }
  gsize n = 0;
  const char *p = g_bytes_get_data(plain, &n);
  return g_strndup(p ? p : "", n);
}

static char *response_of(const char *reply)
{
  const char *a = strstr(reply, "<RESPONSE>");
  const char *b = a ? strstr(a, "</RESPONSE>") : NULL;
  return b ? g_strndup(a + 10, (gsize)(b - a - 10)) : g_strdup("");
}

gboolean lf_ocs_submit(const char *url, const char *device_id, const char *inventory_xml,
                       GError **error)
{
  static gsize curl_ready = 0;
  if (g_once_init_enter(&curl_ready))
    g_once_init_leave(&curl_ready, curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK ? 1 : 2);
  CURL *curl = curl_easy_init();
  if (curl == NULL) {
    g_set_error(error, LF_ERROR, LF_ERROR_FAILED, _("cannot initialise libcurl"));
    return FALSE;
  }
  g_autofree char *did = g_markup_escape_text(device_id, -1);
  g_autofree char *prolog = g_strdup_printf(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<REQUEST><DEVICEID>%s</DEVICEID>"
      "<QUERY>PROLOG</QUERY></REQUEST>\n", did);
  gboolean ok = FALSE;
  g_autofree char *r1 = post(curl, url, prolog, error);
  if (r1) {
    g_autofree char *resp = response_of(r1);
    if (!g_str_equal(resp, "SEND")) {
      g_set_error(error, LF_ERROR, LF_ERROR_FAILED,
                  _("server '%s' did not ask for an inventory (answer '%s')"), url, resp);
    } else {
      g_autofree char *r2 = post(curl, url, inventory_xml, error);
      g_autofree char *resp2 = r2 ? response_of(r2) : NULL;
      if (resp2 && (g_str_equal(resp2, "NO_ACCOUNT_UPDATE") ||
                    g_str_equal(resp2, "ACCOUNT_UPDATE")))
        ok = TRUE;
      else if (resp2)
        g_set_error(error, LF_ERROR, LF_ERROR_FAILED,
                    _("server '%s' did not accept the inventory (answer '%s')"), url, resp2);
    }
  }
  curl_easy_cleanup(curl);
  return ok;
}
