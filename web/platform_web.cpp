#include "platform_web.h"

#include <emscripten.h>

#include <cstdlib>

// The JS side of each service. Every function guards against the browser refusing (storage
// blocked in a sandboxed iframe, quota exceeded): the app must keep running and say so.
// The bodies are JavaScript, kept from clang-format: it splits "===" into "== =", which the
// preprocessor stringifies as it stands, and acorn then refuses the emitted JS (the link fails).
// clang-format off
EM_JS(void, op_js_open_file, (int request_id, const char* accept),
      { openpickPage.openFile(request_id, UTF8ToString(accept)); });

EM_JS(void, op_js_save_file, (const char* name, const char* mime, const char* data, int len),
      { openpickPage.saveFile(UTF8ToString(name), UTF8ToString(mime), HEAPU8.slice(data, data + len)); });

// Returns a malloc'ed UTF-8 copy, or 0 when the key is absent or storage is unavailable.
EM_JS(char*, op_js_storage_get, (const char* key), {
  const v = openpickPage.storageGet(UTF8ToString(key));
  if (v === null) return 0;
  const n = lengthBytesUTF8(v) + 1;
  const p = _malloc(n);
  stringToUTF8(v, p, n);
  return p;
});

// Returns 0 on success, or a malloc'ed error text.
EM_JS(char*, op_js_storage_set, (const char* key, const char* value), {
  const err = openpickPage.storageSet(UTF8ToString(key), UTF8ToString(value));
  if (err === null) return 0;
  const n = lengthBytesUTF8(err) + 1;
  const p = _malloc(n);
  stringToUTF8(err, p, n);
  return p;
});

// Returns 0 when this page can use storage, or a malloc'ed text saying why it cannot at all
// (site data blocked: even reading throws). A full storage can still be read: 0.
EM_JS(char*, op_js_storage_blocked, (), {
  const err = openpickPage.storageBlocked();
  if (err === null) return 0;
  const n = lengthBytesUTF8(err) + 1;
  const p = _malloc(n);
  stringToUTF8(err, p, n);
  return p;
});

EM_JS(void, op_js_storage_remove, (const char* key), { openpickPage.storageRemove(UTF8ToString(key)); });

EM_JS(void, op_js_set_clipboard, (const char* text), { openpickPage.setClipboard(UTF8ToString(text)); });

EM_JS(void, op_js_open_url, (const char* url), { openpickPage.openUrl(UTF8ToString(url)); });

// The embed guest (openpick-embed-guest.js) posts it to the host's exact origin, nowhere else.
EM_JS(void, op_js_share_with_host, (const char* json), { openpickPage.shareWithHost(UTF8ToString(json)); });
// clang-format on

namespace openpick::web {

namespace {
std::optional<std::string> take_string(char* p) {
  if (!p) return std::nullopt;
  std::string s(p);
  std::free(p);
  return s;
}
}  // namespace

void WebPlatform::open_file(const std::string& accept, OpenCallback on_open) {
  const int id = next_request_++;
  pending_[id] = std::move(on_open);
  op_js_open_file(id, accept.c_str());
}

void WebPlatform::deliver_file(int request_id, std::string name, std::string bytes) {
  auto it = pending_.find(request_id);
  if (it == pending_.end()) return;
  OpenCallback cb = std::move(it->second);
  pending_.erase(it);
  if (cb) cb(std::move(name), std::move(bytes));
}

void WebPlatform::save_file(const std::string& suggested_name, const std::string& mime, const std::string& bytes) {
  op_js_save_file(suggested_name.c_str(), mime.c_str(), bytes.data(), static_cast<int>(bytes.size()));
}

// Each call also records whether storage is blocked (Platform::storage_blocked): asked only when
// a call found nothing or failed, so a working storage costs no second call.
std::optional<std::string> WebPlatform::storage_get(const std::string& key) {
  auto value = take_string(op_js_storage_get(key.c_str()));
  set_storage_blocked(value ? std::nullopt : take_string(op_js_storage_blocked()));
  return value;
}

std::optional<std::string> WebPlatform::storage_set(const std::string& key, const std::string& value) {
  auto err = take_string(op_js_storage_set(key.c_str(), value.c_str()));
  set_storage_blocked(err ? take_string(op_js_storage_blocked()) : std::nullopt);
  return err;
}

void WebPlatform::storage_remove(const std::string& key) { op_js_storage_remove(key.c_str()); }

void WebPlatform::set_clipboard(const std::string& text) { op_js_set_clipboard(text.c_str()); }

void WebPlatform::open_url(const std::string& url) { op_js_open_url(url.c_str()); }

void WebPlatform::share_with_host(const std::string& json) { op_js_share_with_host(json.c_str()); }

}  // namespace openpick::web
