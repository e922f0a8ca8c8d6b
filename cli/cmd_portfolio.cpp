// openpick portfolio M.json: the optimal application list for explicit, independent chances
// (advisors and researchers who bring their own estimates; core/portfolio.h).
//
//   M = {"options": [{"id": "A", "p": 0.3, "utility": 1, "cost": 11}, ...],
//        "max_applications": N,   (optional; default: every option)
//        "budget": B}             (optional; integer, in the unit of "cost")
//
// Without a budget: {"order": [ids], "value_by_count": [v_0 = 0, v_1, ..., v_h]}, where the first
// k ids are the optimal list of length k and v_k its expected utility (Kapur's greedy, exact).
// With a budget: {"chosen": [ids], "value": v, "cost": c}, the exact optimum over integer costs
// (every option then needs "cost"). Any problem: exit 1 with one line per problem on stderr, each
// naming the field; usage errors exit 2.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli_io.h"
#include "commands.h"
#include "openpick/core/diagnostics.h"
#include "openpick/core/portfolio.h"

namespace openpick::cli {

namespace {

using Json = nlohmann::json;

constexpr int kMaxDepth = 64;  // our documents nest 3 levels; refuse deeper before parsing
constexpr std::size_t kMaxErrors = 50;

int usage(std::FILE* out) {
  std::fprintf(
      out,
      "usage: openpick portfolio M.json   (\"-\" reads standard input)\n"
      "  M = {\"options\": [{\"id\", \"p\", \"utility\", \"cost\"?}], \"max_applications\"?: N, \"budget\"?: B}\n"
      "  prints {\"order\", \"value_by_count\"}, or with a budget {\"chosen\", \"value\", \"cost\"}\n");
  return out == stdout ? 0 : 2;
}

struct Errors {
  std::string file;
  std::vector<std::string> lines;
  void add(const std::string& field, const std::string& message) {
    if (lines.size() >= kMaxErrors) return;
    core::Diagnostic d;
    d.file = file;
    d.field = field;
    d.message = message;
    lines.push_back(core::format_diagnostic(d));
  }
  int report() const {
    for (const auto& l : lines) std::fprintf(stderr, "%s\n", l.c_str());
    if (lines.size() >= kMaxErrors) std::fprintf(stderr, "%s: error: too many errors, stopped\n", file.c_str());
    return 1;
  }
};

// Deepest nesting of arrays and objects, outside strings.
int json_depth(const std::string& text) {
  int depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"')
      in_string = true;
    else if (c == '[' || c == '{')
      deepest = std::max(deepest, ++depth);
    else if (c == ']' || c == '}')
      --depth;
  }
  return deepest;
}

std::string describe(const Json& v) {
  std::string s = v.dump();
  if (s.size() > 40) s = s.substr(0, 37) + "...";
  return std::string(v.type_name()) + " " + s;
}

// A whole number in [0, max]: a JSON integer, or a float with no fraction (e.g. 1500.0).
std::optional<std::int64_t> whole_number(const Json& v, std::int64_t max) {
  if (v.is_number_unsigned()) {
    const auto u = v.get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(max)) return std::nullopt;
    return static_cast<std::int64_t>(u);
  }
  if (v.is_number_integer()) {
    const auto i = v.get<std::int64_t>();
    if (i < 0 || i > max) return std::nullopt;
    return i;
  }
  if (v.is_number_float()) {
    const double d = v.get<double>();
    if (!(d >= 0.0 && d <= static_cast<double>(max)) || std::floor(d) != d) return std::nullopt;
    return static_cast<std::int64_t>(d);
  }
  return std::nullopt;
}

constexpr std::int64_t kMaxWhole = std::int64_t{1} << 53;  // exact in a double

}  // namespace

int cmd_portfolio(int argc, char** argv) {
  if (argc == 2 && (std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h")) return usage(stdout);
  if (argc != 2) return usage(stderr);
  const std::string path = argv[1];
  Errors errors{path == "-" ? "<stdin>" : path, {}};

  std::string text;
  if (path == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::string why;
    if (!read_whole_file(path, text, why)) {
      std::fprintf(stderr, "%s: error: cannot read the file: %s\n", path.c_str(), why.c_str());
      return 1;
    }
  }
  if (json_depth(text) > kMaxDepth) {
    errors.add("", "nested deeper than " + std::to_string(kMaxDepth) + " levels; expected {\"options\": [...]}");
    return errors.report();
  }
  Json doc;
  try {
    doc = Json::parse(text);
  } catch (const Json::parse_error& e) {
    // Line and column of the byte where parsing stopped (1-based, as editors count).
    core::Diagnostic d;
    d.file = errors.file;
    d.line = 1;
    std::size_t line_start = 0;
    const std::size_t stop = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, text.size());
    for (std::size_t i = 0; i < stop; ++i)
      if (text[i] == '\n') {
        ++d.line;
        line_start = i + 1;
      }
    d.column = static_cast<int>(stop - line_start) + 1;
    d.message = "not valid JSON (NaN and Infinity are not JSON either); expected {\"options\": [...]}";
    std::fprintf(stderr, "%s\n", core::format_diagnostic(d).c_str());
    return 1;
  }
  if (!doc.is_object()) {
    errors.add("", "expected an object {\"options\": [...]}, got " + describe(doc));
    return errors.report();
  }
  for (const auto& [key, value] : doc.items())
    if (key != "options" && key != "max_applications" && key != "budget")
      errors.add(key, "unknown field; expected options, max_applications or budget");

  std::optional<std::int64_t> max_applications, budget;
  if (doc.contains("max_applications")) {
    max_applications = whole_number(doc["max_applications"], kMaxWhole);
    if (!max_applications)
      errors.add("max_applications", "expected a whole number >= 0, got " + describe(doc["max_applications"]));
  }
  if (doc.contains("budget")) {
    budget = whole_number(doc["budget"], kMaxWhole);
    if (!budget)
      errors.add("budget", "expected a whole number >= 0 (in the unit of cost), got " + describe(doc["budget"]));
  }
  if (doc.contains("max_applications") && doc.contains("budget"))
    errors.add("budget", "give max_applications or budget, not both");

  std::vector<std::string> ids;
  std::vector<core::PortfolioOption> options;
  std::vector<std::int64_t> costs;
  bool every_cost = true;
  if (!doc.contains("options")) {
    errors.add("options", "missing; expected an array of {\"id\", \"p\", \"utility\", \"cost\"?}");
  } else if (!doc["options"].is_array()) {
    errors.add("options",
               "expected an array of {\"id\", \"p\", \"utility\", \"cost\"?}, got " + describe(doc["options"]));
  } else {
    std::set<std::string> seen;
    const Json& arr = doc["options"];
    for (std::size_t i = 0; i < arr.size(); ++i) {
      const std::string at = "options[" + std::to_string(i) + "]";
      const Json& o = arr[i];
      if (!o.is_object()) {
        errors.add(at, "expected an object {\"id\", \"p\", \"utility\", \"cost\"?}, got " + describe(o));
        every_cost = false;
        continue;
      }
      for (const auto& [key, value] : o.items())
        if (key != "id" && key != "p" && key != "utility" && key != "cost")
          errors.add(at + "." + key, "unknown field; expected id, p, utility or cost");
      std::string id;
      if (!o.contains("id"))
        errors.add(at + ".id", "missing; expected a unique string");
      else if (!o["id"].is_string() || o["id"].get_ref<const std::string&>().empty())
        errors.add(at + ".id", "expected a non-empty string, got " + describe(o["id"]));
      else if (!seen.insert(id = o["id"].get<std::string>()).second)
        errors.add(at + ".id", "duplicate id \"" + id + "\"; expected each id once");
      core::PortfolioOption opt;
      if (!o.contains("p"))
        errors.add(at + ".p", "missing; expected a chance in [0, 1]");
      else if (!o["p"].is_number())
        errors.add(at + ".p", "expected a chance in [0, 1], got " + describe(o["p"]));
      else
        opt.p = o["p"].get<double>();
      if (!o.contains("utility"))
        errors.add(at + ".utility", "missing; expected a finite number >= 0");
      else if (!o["utility"].is_number())
        errors.add(at + ".utility", "expected a finite number >= 0, got " + describe(o["utility"]));
      else
        opt.utility = o["utility"].get<double>();
      std::int64_t cost = 0;
      if (!o.contains("cost")) {
        every_cost = false;
        if (budget) errors.add(at + ".cost", "missing; with a budget every option needs a whole-number cost >= 0");
      } else if (auto c = whole_number(o["cost"], kMaxWhole)) {
        cost = *c;
      } else {
        every_cost = false;
        errors.add(at + ".cost", "expected a whole number >= 0, got " + describe(o["cost"]));
      }
      ids.push_back(id);
      options.push_back(opt);
      costs.push_back(cost);
    }
    for (const auto& message : core::validate_portfolio_options(options)) {
      const auto colon = message.find(": ");
      errors.add(message.substr(0, colon), message.substr(colon + 2));
    }
  }
  if (budget && every_cost && errors.lines.empty() && !core::budget_dp_fits(costs, *budget))
    errors.add("budget", "too large to solve exactly: budget / gcd of costs + 1 = " +
                             std::to_string(core::budget_dp_columns(costs, *budget)) + " (limit " +
                             std::to_string(core::kMaxBudgetDpColumns) + "), times the options = " +
                             std::to_string(core::budget_dp_cells(costs, *budget)) + " cells (limit " +
                             std::to_string(core::kMaxBudgetDpCells) + "); use a coarser unit of cost");
  if (!errors.lines.empty()) return errors.report();

  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  if (budget) {
    const core::BudgetPortfolio r = core::optimal_budget_portfolio(options, costs, *budget);
    auto chosen = nlohmann::ordered_json::array();
    for (std::size_t j : r.chosen) chosen.push_back(ids[j]);
    out["chosen"] = std::move(chosen);
    out["value"] = r.value;
    out["cost"] = r.cost;
  } else {
    const std::size_t h = max_applications ? static_cast<std::size_t>(*max_applications) : options.size();
    const core::NestedPortfolio r = core::optimal_nested_portfolio(options, h);
    auto order = nlohmann::ordered_json::array();
    for (std::size_t j : r.order) order.push_back(ids[j]);
    out["order"] = std::move(order);
    out["value_by_count"] = r.value_by_count;
  }
  const std::string s = out.dump(2) + "\n";
  std::fwrite(s.data(), 1, s.size(), stdout);
  return 0;
}

}  // namespace openpick::cli
