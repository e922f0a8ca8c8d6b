// The browser's Platform: files, storage, clipboard and links through small JS functions
// (EM_JS) in platform_web.cpp. Only web/ knows Emscripten exists.
#pragma once

#include <map>

#include "openpick/shell/platform.h"

namespace openpick::web {

class WebPlatform final : public shell::Platform {
 public:
  void open_file(const std::string& accept, OpenCallback on_open) override;
  void save_file(const std::string& suggested_name, const std::string& mime, const std::string& bytes) override;
  std::optional<std::string> storage_get(const std::string& key) override;
  std::optional<std::string> storage_set(const std::string& key, const std::string& value) override;
  void storage_remove(const std::string& key) override;
  void set_clipboard(const std::string& text) override;
  void open_url(const std::string& url) override;
  void share_with_host(const std::string& json) override;

  // Called from JS (through page_api.cpp's openpick_file_opened) when a picked file has been read.
  void deliver_file(int request_id, std::string name, std::string bytes);

 private:
  int next_request_ = 1;
  std::map<int, OpenCallback> pending_;
};

}  // namespace openpick::web
