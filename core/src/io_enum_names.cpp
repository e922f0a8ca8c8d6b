// to_string for the enums (io.h), from the tables of io_enum_names.h.
#include "io_enum_names.h"

#include "openpick/core/io.h"

namespace openpick::core {

namespace {
template <class E>
std::string_view name_of(E v) {
  for (const auto& item : detail::EnumTable<E>::items)
    if (item.value == v) return item.name;
  return "?";
}
}  // namespace

std::string_view to_string(GraduateType v) { return name_of(v); }
std::string_view to_string(VisaNeed v) { return name_of(v); }
std::string_view to_string(ExamResult v) { return name_of(v); }
std::string_view to_string(TieKind v) { return name_of(v); }
std::string_view to_string(Track v) { return name_of(v); }
std::string_view to_string(Setting v) { return name_of(v); }
std::string_view to_string(ApplicationService v) { return name_of(v); }

}  // namespace openpick::core
