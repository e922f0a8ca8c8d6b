// A program CSV's first rows for a person to look at (preview_csv), and a column mapping kept as
// JSON for the next file from the same sheet (csv_mapping_to_json / csv_mapping_from_json).
#include <nlohmann/json.hpp>

#include "openpick/core/csv.h"
#include "openpick/core/csv_columns.h"

namespace openpick::core {

CsvPreview preview_csv(std::string_view text, std::size_t rows) {
  CsvPreview out;
  CsvReader reader(text, "");
  CsvRow row;
  if (!reader.next(row)) return out;
  out.header = std::move(row.fields);
  while (out.rows.size() < rows && reader.next(row)) out.rows.push_back(std::move(row.fields));
  return out;
}

std::string csv_mapping_to_json(const CsvMapping& mapping) {
  nlohmann::json columns = nlohmann::json::array();
  for (const CsvColumnMap& c : mapping.columns)
    columns.push_back({{"header", c.header},
                       {"field", c.field ? nlohmann::json(std::string(to_string(*c.field))) : nlohmann::json()}});
  return nlohmann::json{{"columns", std::move(columns)}}.dump();
}

std::optional<CsvMapping> csv_mapping_from_json(std::string_view text) {
  const auto j = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (!j.is_object() || !j.contains("columns") || !j["columns"].is_array()) return std::nullopt;
  CsvMapping m;
  for (const auto& c : j["columns"]) {
    if (!c.is_object() || !c.contains("header") || !c["header"].is_string()) return std::nullopt;
    CsvColumnMap column{c["header"].get<std::string>(), std::nullopt};
    if (c.contains("field") && !c["field"].is_null()) {
      if (!c["field"].is_string()) return std::nullopt;
      const std::string name = c["field"].get<std::string>();
      // Only a template column name (or "visa") names a field here, exactly as written.
      for (std::size_t k = 0; k < kCsvFieldCount && !column.field; ++k)
        if (to_string(static_cast<CsvField>(k)) == name) column.field = static_cast<CsvField>(k);
      if (!column.field) return std::nullopt;
    }
    m.columns.push_back(std::move(column));
  }
  return m;
}

}  // namespace openpick::core
