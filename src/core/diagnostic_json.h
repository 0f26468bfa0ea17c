// A diagnostic as a JSON object with ruff's field names (`--output-format
// json` of ruff), shared by asynclint's JSON formats and asynctranslate's, so
// that tools written for one read the other. Header-only: include it only
// from targets that link nlohmann_json.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "core/diagnostic.h"

namespace asl {

inline nlohmann::json json_position(uint32_t line, uint32_t column) { return {{"row", line}, {"column", column}}; }

// `source` (may be null) turns the fix's byte offsets into positions.
inline nlohmann::json diagnostic_json(const std::string& path, const Diagnostic& d, const SourceFile* source) {
  nlohmann::json j = {
      {"cell", d.cell ? nlohmann::json(d.cell) : nlohmann::json(nullptr)},
      {"code", d.code},
      {"end_location", json_position(d.end.line, d.end.column)},
      {"filename", path},
      {"location", json_position(d.start.line, d.start.column)},
      {"message", d.message},
      {"noqa_row", d.start.line},
      {"url", nullptr},
  };
  if (d.fix) {
    nlohmann::json edits = nlohmann::json::array();
    for (const Edit& e : d.fix->edits) {
      nlohmann::json edit = {{"content", e.replacement}};
      if (source) {
        Location b = source->location(e.start), en = source->location(e.end);
        edit["location"] = json_position(b.line, b.column);
        edit["end_location"] = json_position(en.line, en.column);
      } else {
        edit["location"] = edit["end_location"] = nullptr;
      }
      edits.push_back(std::move(edit));
    }
    j["fix"] = {{"message", d.fix->title}, {"applicability", d.fix->safe ? "safe" : "unsafe"}, {"edits", edits}};
  } else {
    j["fix"] = nullptr;
  }
  return j;
}

}  // namespace asl
