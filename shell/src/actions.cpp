// Applies the queued actions between frames: the one place the document changes, is saved, and
// is checked. An import that fails changes nothing and says why.
#include <nlohmann/json.hpp>

#include "openpick/core/io.h"
#include "openpick/shell/app_state.h"
#include "openpick/shell/platform.h"

namespace openpick::shell {

namespace {

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

constexpr std::size_t kMaxDetailLines = 20;

void add_message(AppState& state, core::Severity severity, std::string text,
                 const std::vector<core::Diagnostic>& diagnostics = {}) {
  Message m{severity, std::move(text), {}};
  for (const auto& d : diagnostics) {
    if (m.details.size() == kMaxDetailLines) {
      m.details.push_back("… and " + std::to_string(diagnostics.size() - kMaxDetailLines) + " more");
      break;
    }
    m.details.push_back(core::format_diagnostic(d));
  }
  state.messages.push_back(std::move(m));
}

std::size_t count(const std::vector<core::Diagnostic>& ds, core::Severity s) {
  std::size_t n = 0;
  for (const auto& d : ds) n += d.severity == s ? 1 : 0;
  return n;
}

std::string plural(std::size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

void save_profile(AppState& state, Platform& platform) {
  if (!state.persist || !state.profile_is_set) return;
  if (auto err = platform.storage_set(kStorageProfileKey, core::profile_to_json(state.profile)))
    state.storage_status = "Could not save in this browser (" + *err + "). Export your profile to keep it.";
  else
    state.storage_status = "Saved in this browser only.";
}

void save_settings(AppState& state, Platform& platform) {
  const std::string settings = nlohmann::json{{"persist", state.persist}}.dump();
  if (auto err = platform.storage_set(kStorageSettingsKey, settings))
    state.storage_status = "Could not save settings in this browser (" + *err + ").";
}

void load_file(AppState& state, const LoadFile& f) {
  using core::DocumentKind;
  const DocumentKind kind = core::detect_document_kind(f.bytes, f.file_name);
  if (kind == DocumentKind::Profile) {
    auto r = core::parse_profile_json(f.bytes, f.file_name);
    if (!r.ok()) {
      add_message(state, core::Severity::Error,
                  "Could not load the profile " + f.file_name + " (" +
                      plural(count(r.diagnostics, core::Severity::Error), "problem") +
                      "). Your current profile is unchanged.",
                  r.diagnostics);
      return;
    }
    state.profile = *r.value;
    state.profile_draft = state.profile;
    state.profile_is_set = true;
    if (!r.diagnostics.empty())
      add_message(state, core::Severity::Warning, "Loaded the profile " + f.file_name + " with " +
                                                      plural(r.diagnostics.size(), "warning") + ".",
                  r.diagnostics);
    return;
  }
  auto r = kind == DocumentKind::ProgramsCsv ? core::parse_programs_csv(f.bytes, f.file_name)
                                             : core::parse_dataset_json(f.bytes, f.file_name);
  if (!r.ok()) {
    add_message(state, core::Severity::Error,
                "Could not load the program list " + f.file_name + " (" +
                    plural(count(r.diagnostics, core::Severity::Error), "problem") +
                    "). The programs you had are still loaded.",
                r.diagnostics);
    return;
  }
  state.dataset = std::move(*r.value);
  ++state.dataset_revision;
  state.dataset_is_sample = f.is_sample;
  if (!r.diagnostics.empty())
    add_message(state, core::Severity::Warning,
                "Loaded " + plural(state.dataset.programs.size(), "program") + " from " + f.file_name +
                    " with " + plural(r.diagnostics.size(), "warning") + ".",
                r.diagnostics);
}

void restore(AppState& state, Platform& platform) {
  if (auto settings = platform.storage_get(kStorageSettingsKey)) {
    const auto j = nlohmann::json::parse(*settings, nullptr, false);
    if (j.is_object() && j.contains("persist") && j["persist"].is_boolean())
      state.persist = j["persist"].get<bool>();
  }
  if (!state.persist) {
    state.storage_status = "Saving is off: nothing is kept in this browser.";
    return;
  }
  const auto saved = platform.storage_get(kStorageProfileKey);
  if (!saved) {
    state.storage_status = "Saved in this browser only.";
    return;
  }
  auto r = core::parse_profile_json(*saved, "saved profile");
  if (!r.ok()) {
    // Keep what was found, so nothing the user entered is lost for good.
    platform.storage_set(kStorageBackupKey, *saved);
    add_message(state, core::Severity::Warning,
                "The profile saved in this browser could not be read; a copy was kept as a backup "
                "and you start with a fresh profile.",
                r.diagnostics);
    state.storage_status = "The saved profile was damaged; a backup copy was kept.";
    return;
  }
  state.profile = *r.value;
  state.profile_draft = state.profile;
  state.profile_is_set = true;
  state.storage_status = "Restored from this browser.";
}

}  // namespace

void apply_actions(AppState& state, Platform& platform) {
  // Actions may queue further actions; take the queue first so the loop sees a stable list.
  std::vector<Action> queue;
  queue.swap(state.actions);
  for (auto& action : queue) {
    std::visit(Overloaded{
                   [&](const LoadFile& a) { load_file(state, a); if (state.profile_is_set) save_profile(state, platform); },
                   [&](const SetProfile& a) {
                     state.profile = a.profile;
                     state.profile_draft = a.profile;
                     state.profile_is_set = true;
                     save_profile(state, platform);
                   },
                   [&](const DismissMessage& a) {
                     if (a.index < state.messages.size())
                       state.messages.erase(state.messages.begin() + static_cast<long>(a.index));
                   },
                   [&](const SetPersistence& a) {
                     state.persist = a.enabled;
                     save_settings(state, platform);
                     if (a.enabled) {
                       save_profile(state, platform);
                     } else {
                       platform.storage_remove(kStorageProfileKey);
                       state.storage_status = "Saving is off: nothing is kept in this browser.";
                     }
                   },
                   [&](const ForgetEverything&) {
                     platform.storage_remove(kStorageProfileKey);
                     platform.storage_remove(kStorageSettingsKey);
                     platform.storage_remove(kStorageBackupKey);
                     state.profile = core::Profile{};
                     state.profile_draft = state.profile;
                     state.profile_is_set = false;
                     state.messages.clear();
                     state.storage_status = "Everything OpenPick kept in this browser was removed.";
                   },
                   [&](const RestoreFromStorage&) { restore(state, platform); },
                   [&](const SetEmbedHost& a) { state.embed.host_origin = a.origin; },
                   [&](const SetTheme& a) { state.embed.dark = a.dark; },
                   [&](const ShareWithHost& a) {
                     if (state.embed.host_origin.empty()) return;  // not embedded: nobody to send to
                     platform.share_with_host(a.json);
                     state.embed.share_preview.clear();
                     ++state.embed.shares_sent;
                     state.embed.share_status = "Sent to " + state.embed.host_origin + ".";
                   },
               },
               action);
  }
}

}  // namespace openpick::shell
