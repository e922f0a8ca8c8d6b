#include "openpick/shell/app_state.h"

#include <nlohmann/json.hpp>

#include "openpick/core/version.h"

namespace openpick::shell {

namespace {

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

}  // namespace

void apply_actions(AppState& state) {
  // Actions may queue further actions; take the queue first so the loop sees a stable list.
  std::vector<Action> queue;
  queue.swap(state.actions);
  for (auto& action : queue) {
    std::visit(Overloaded{
                   [&](const DismissMessage& a) {
                     if (a.index < state.messages.size())
                       state.messages.erase(state.messages.begin() + static_cast<long>(a.index));
                   },
               },
               action);
  }
}

std::string state_to_json(const AppState& state) {
  nlohmann::json j;
  j["product"] = core::kProductName;
  j["version"] = core::kVersion;
  j["dataset"] = {{"name", state.dataset.name},
                  {"version", state.dataset.version},
                  {"as_of", state.dataset.as_of},
                  {"program_count", state.dataset.programs.size()},
                  {"is_sample", state.dataset_is_sample}};
  auto& messages = j["messages"] = nlohmann::json::array();
  for (const auto& m : state.messages)
    messages.push_back({{"severity", m.severity == core::Severity::Error ? "error" : "warning"},
                        {"text", m.text}});
  return j.dump();
}

}  // namespace openpick::shell
