// JsonValue::dump (json_value.h).
#include "json_value.h"

#include <nlohmann/json.hpp>

namespace openpick::core::detail {

std::string JsonValue::dump() const {
  switch (type_) {
    case Type::Null: return "null";
    case Type::Boolean: return b_ ? "true" : "false";
    case Type::Integer: return nlohmann::json(i_).dump();
    case Type::Unsigned: return nlohmann::json(u_).dump();
    case Type::Float: return nlohmann::json(d_).dump();
    case Type::String:
    case Type::Key:
      return nlohmann::json(std::string(string())).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    case Type::Array: return "[...]";
    case Type::Object: return "{...}";
  }
  return {};
}

}  // namespace openpick::core::detail
