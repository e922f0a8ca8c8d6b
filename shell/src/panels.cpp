#include "openpick/shell/panels.h"

#include <ctime>
#include <iterator>

namespace openpick::shell {

namespace {
constexpr PanelInfo kPanels[] = {
    {"Start", &panel_start},   {"Profile", &panel_profile},
    {"Plan", &panel_plan},     {"Programs", &panel_programs},
    {"Season", &panel_season}, {"Data", &panel_data},
    {"About", &panel_about},   {"Share", &panel_share, &panel_share_visible},
};
}  // namespace

core::CalendarDate local_today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

const PanelInfo* panels_begin() { return std::begin(kPanels); }
const PanelInfo* panels_end() { return std::end(kPanels); }

}  // namespace openpick::shell
