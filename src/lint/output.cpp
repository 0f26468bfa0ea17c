#include "lint/output.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace asl {

bool parse_output_format(std::string_view name, OutputFormat& out) {
  if (name == "concise") out = OutputFormat::Concise;
  else if (name == "json") out = OutputFormat::Json;
  else if (name == "json-lines") out = OutputFormat::JsonLines;
  else if (name == "github") out = OutputFormat::Github;
  else return false;
  return true;
}

namespace {

nlohmann::json to_json(const std::string& path, const Diagnostic& d) {
  nlohmann::json j = {
      {"filename", path},
      {"code", d.code},
      {"message", d.message},
      {"location", {{"row", d.start.line}, {"column", d.start.column}}},
      {"end_location", {{"row", d.end.line}, {"column", d.end.column}}},
  };
  if (d.fix) {
    nlohmann::json edits = nlohmann::json::array();
    for (const Edit& e : d.fix->edits) edits.push_back({{"start", e.start}, {"end", e.end}, {"content", e.replacement}});
    j["fix"] = {{"message", d.fix->title}, {"applicability", d.fix->safe ? "safe" : "unsafe"}, {"edits", edits}};
  } else {
    j["fix"] = nullptr;
  }
  return j;
}

// GitHub workflow commands need %, CR and LF escaped in the message.
std::string github_escape(std::string_view s, bool property) {
  std::string out;
  for (char c : s) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else if (property && c == ':') out += "%3A";
    else if (property && c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

}  // namespace

void write_report(std::ostream& os, const std::vector<FileResult>& results, const ReportOptions& o) {
  size_t total = 0;
  switch (o.format) {
    case OutputFormat::Concise: {
      const char* bold = o.color ? "\x1b[1m" : "";
      const char* red = o.color ? "\x1b[1;31m" : "";
      const char* reset = o.color ? "\x1b[0m" : "";
      for (const auto& r : results) {
        for (const auto& d : r.diagnostics) {
          os << fmt::format("{}{}{}:{}:{}: {}{}{} {}\n", bold, r.path, reset, d.start.line, d.start.column, red,
                            d.code, reset, d.message);
          ++total;
        }
      }
      if (!o.quiet) {
        if (total == 0) os << "All checks passed!\n";
        else os << fmt::format("Found {} error{}.\n", total, total == 1 ? "" : "s");
      }
      break;
    }
    case OutputFormat::Json: {
      nlohmann::json all = nlohmann::json::array();
      for (const auto& r : results)
        for (const auto& d : r.diagnostics) all.push_back(to_json(r.path, d));
      os << all.dump(2) << "\n";
      break;
    }
    case OutputFormat::JsonLines:
      for (const auto& r : results)
        for (const auto& d : r.diagnostics) os << to_json(r.path, d).dump() << "\n";
      break;
    case OutputFormat::Github:
      for (const auto& r : results) {
        for (const auto& d : r.diagnostics) {
          os << fmt::format("::error title=asynclint ({}),file={},line={},col={},endLine={},endColumn={}::{}\n",
                            d.code, github_escape(r.path, true), d.start.line, d.start.column, d.end.line,
                            d.end.column, github_escape(fmt::format("{}:{}:{}: {} {}", r.path, d.start.line,
                                                                    d.start.column, d.code, d.message), false));
        }
      }
      break;
  }
}

}  // namespace asl
