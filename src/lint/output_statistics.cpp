// --statistics: findings counted per rule code, most frequent first (ruff's layout).
#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "lint/output.h"
#include "lint/syntax_errors.h"

namespace asl {

void write_statistics(std::ostream& os, const std::vector<FileResult>& results, const ReportOptions& o) {
  struct Row {
    std::string code, name;
    size_t count = 0;
    bool fixable = true;  // every finding of the code can be fixed
  };
  std::map<std::string, Row> rows;
  for (const auto& r : results) {
    for (const auto& d : r.diagnostics) {
      Row& row = rows[d.code];
      row.code = d.code;
      ++row.count;
      row.fixable = row.fixable && is_fixable(d, o);
    }
  }
  std::vector<Row> sorted;
  for (auto& [code, row] : rows) {
    const Rule* rule = o.catalog ? o.catalog->find(code) : nullptr;
    row.name = rule ? rule->name : code == kSyntaxErrorCode ? "syntax-error" : "";
    sorted.push_back(row);
  }
  std::stable_sort(sorted.begin(), sorted.end(), [](const Row& a, const Row& b) { return a.count > b.count; });
  if (o.format == OutputFormat::Json || o.format == OutputFormat::JsonLines) {
    nlohmann::json out = nlohmann::json::array();
    for (const Row& r : sorted)
      out.push_back({{"code", r.code}, {"name", r.name}, {"count", r.count}, {"fixable", r.fixable}});
    os << out.dump(2) << "\n";
    return;
  }
  size_t count_width = 1, code_width = 1;
  for (const Row& r : sorted) {
    count_width = std::max(count_width, std::to_string(r.count).size());
    code_width = std::max(code_width, r.code.size());
  }
  for (const Row& r : sorted)
    os << fmt::format("{:>{}}\t{:<{}}\t{}{}\n", r.count, count_width, r.code, code_width, r.fixable ? "[*] " : "",
                      r.name);
  if (!o.quiet && sorted.empty() && !o.errors) os << "All checks passed!\n";
}

}  // namespace asl
