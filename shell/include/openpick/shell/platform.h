// What differs between platforms, and nothing else. Services answer by callback: in the browser
// the bytes of a file arrive frames after the request, so nothing here returns a result directly.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <utility>

namespace openpick::shell {

class Platform {
 public:
  virtual ~Platform() = default;

  // Ask the user for a file; `on_open(name, bytes)` runs later, between frames (never if cancelled).
  using OpenCallback = std::function<void(std::string name, std::string bytes)>;
  virtual void open_file(const std::string& accept, OpenCallback on_open) = 0;
  // Hand bytes to the user as a download / saved file.
  virtual void save_file(const std::string& suggested_name, const std::string& mime, const std::string& bytes) = 0;
  // Key-value storage that survives a reload. Errors come back as text (storage blocked, full).
  // storage_get answers nothing both for an absent key and for a storage that cannot be read:
  // storage_blocked() tells the two apart.
  virtual std::optional<std::string> storage_get(const std::string& key) = 0;
  virtual std::optional<std::string> storage_set(const std::string& key, const std::string& value) = 0;
  virtual void storage_remove(const std::string& key) = 0;
  // Why this browser refuses storage altogether (site data blocked, a sandboxed frame), as found
  // by the last storage call; nothing while storage can be used. A full storage is not blocked:
  // it can still be read, and storage_set says why a write failed.
  const std::optional<std::string>& storage_blocked() const { return storage_blocked_; }
  virtual void set_clipboard(const std::string& text) = 0;
  virtual void open_url(const std::string& url) = 0;
  // Send a document the applicant chose to share to the page embedding the planner (if any).
  virtual void share_with_host(const std::string& json) = 0;

 protected:
  // Implementations record here what each storage call found.
  void set_storage_blocked(std::optional<std::string> why) { storage_blocked_ = std::move(why); }

 private:
  std::optional<std::string> storage_blocked_;
};

// A platform that does nothing: headless tests and the command line.
class NullPlatform : public Platform {
 public:
  void open_file(const std::string&, OpenCallback) override {}
  void save_file(const std::string&, const std::string&, const std::string&) override {}
  std::optional<std::string> storage_get(const std::string&) override { return std::nullopt; }
  std::optional<std::string> storage_set(const std::string&, const std::string&) override { return std::nullopt; }
  void storage_remove(const std::string&) override {}
  void set_clipboard(const std::string&) override {}
  void open_url(const std::string&) override {}
  void share_with_host(const std::string&) override {}
};

}  // namespace openpick::shell
