// `--output-format rdjson`: reviewdog's Diagnostic Format, in ruff's shape
// (a pretty-printed object with sorted keys: the diagnostics, severity
// "warning", the source tool). Each fix's edits become suggestions. A
// notebook's finding says its cell at the head of the message, the format
// having no field for it.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "lint/output.h"

namespace asl {

namespace {
nlohmann::json position(Location l) { return {{"line", l.line}, {"column", l.column}}; }
nlohmann::json range(Location start, Location end) { return {{"start", position(start)}, {"end", position(end)}}; }
}  // namespace

void write_rdjson(std::ostream& os, const std::vector<FileResult>& results, const ReportOptions& o) {
  nlohmann::json diagnostics = nlohmann::json::array();
  for (const auto& r : results) {
    std::shared_ptr<const SourceFile> src;
    for (const auto& d : r.diagnostics)
      if (d.fix && !src && o.source) src = o.source(r.path);
    for (const auto& d : r.diagnostics) {
      nlohmann::json j = {
          {"code", {{"value", d.code}}},
          {"location", {{"path", r.path}, {"range", range(d.start, d.end)}}},
          {"message", d.cell ? fmt::format("cell {}: {}", d.cell, d.message) : d.message},
      };
      if (d.fix && src && !d.cell) {
        nlohmann::json suggestions = nlohmann::json::array();
        for (const Edit& e : d.fix->edits)
          suggestions.push_back({{"range", range(src->location(e.start), src->location(e.end))}, {"text", e.replacement}});
        j["suggestions"] = std::move(suggestions);
      }
      diagnostics.push_back(std::move(j));
    }
  }
  nlohmann::json out = {
      {"diagnostics", std::move(diagnostics)},
      {"severity", "warning"},
      {"source", {{"name", "asynclint"}}},
  };
  os << out.dump(2) << "\n";
}

}  // namespace asl
