// SARIF 2.1.0, as GitHub code scanning accepts it (upload-sarif).
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "lint/output.h"
#include "lint/rule_doc.h"
#include "lint/syntax_errors.h"

namespace asl {

namespace {

// RFC 3986: a path's bytes as a URI path, keeping the unreserved characters
// and `/`; everything else (space, `#`, `?`, `%`, `:`, the UTF-8 bytes of
// non-ASCII text) as %XX. `:` too, so that a relative path's first segment
// never reads as a scheme.
std::string uri_path(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : path) {
    unsigned char c = static_cast<unsigned char>(ch);
    bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                c == '_' || c == '~' || c == '/';
    if (keep) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

nlohmann::json rule_descriptor(const Rule& r) {
  return {
      {"id", r.code},
      {"name", r.name},
      {"shortDescription", {{"text", r.summary}}},
      {"fullDescription", {{"text", r.doc.what + "\n\n" + r.doc.why}}},
      {"help", {{"text", r.doc.why}, {"markdown", render_rule_doc(r)}}},
      {"defaultConfiguration", {{"level", "error"}, {"enabled", r.default_enabled}}},
      {"properties", {{"tags", {"async"}}}},
  };
}

}  // namespace

void write_sarif(std::ostream& os, const std::vector<FileResult>& results, const ReportOptions& o) {
  // Every catalog rule is listed (code scanning shows rule help even for rules
  // without results), plus the syntax-error pseudo-rule; results point into it.
  nlohmann::json rules = nlohmann::json::array();
  std::map<std::string, size_t> index;
  std::vector<const Rule*> sorted;
  if (o.catalog)
    for (const Rule& r : o.catalog->rules) sorted.push_back(&r);
  std::sort(sorted.begin(), sorted.end(), [](const Rule* a, const Rule* b) { return a->code < b->code; });
  for (const Rule* r : sorted) {
    index[r->code] = rules.size();
    rules.push_back(rule_descriptor(*r));
  }
  index[kSyntaxErrorCode] = rules.size();
  rules.push_back({{"id", kSyntaxErrorCode},
                   {"name", "syntax-error"},
                   {"shortDescription", {{"text", "The file does not parse as Python 3"}}},
                   {"fullDescription", {{"text", "The parser could not make sense of this region; the rest of the file is still linted."}}},
                   {"defaultConfiguration", {{"level", "error"}}}});

  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : results) {
    // Relative to the checkout (code scanning resolves it against the
    // repository root); a path outside the working directory is a file URI.
    // Percent-encoded: SARIF wants a URI, not a file name.
    std::string uri = uri_path(portable_path(r.path));
    nlohmann::json artifact = {{"uri", uri}, {"uriBaseId", "%SRCROOT%"}};
    if (uri.starts_with('/')) artifact = {{"uri", "file://" + uri}};
    for (const auto& d : r.diagnostics) {
      nlohmann::json region = {{"startLine", d.start.line},
                               {"startColumn", d.start.column},
                               {"endLine", d.end.line},
                               {"endColumn", d.end.column}};
      nlohmann::json result = {
          {"ruleId", d.code},
          {"level", "error"},
          {"message", {{"text", d.message}}},
          {"locations",
           {{{"physicalLocation", {{"artifactLocation", artifact},
                                   {"region", region}}}}}},
      };
      if (auto it = index.find(d.code); it != index.end()) result["ruleIndex"] = it->second;
      // A notebook's lines count within its cell, which SARIF cannot say:
      // the cell is a logical location, and a property for tools that want it.
      if (d.cell) {
        std::string cell = fmt::format("cell {}", d.cell);
        result["locations"][0]["logicalLocations"] = {{{"name", cell}, {"kind", "module"}}};
        result["properties"] = {{"cell", d.cell}};
        result["message"]["text"] = fmt::format("{}: {}", cell, d.message);
      }
      out.push_back(std::move(result));
    }
  }
  nlohmann::json driver = {{"name", "asynclint"}, {"rules", rules}};
  if (!o.version.empty()) driver["version"] = o.version;
  nlohmann::json log = {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs",
       {{{"tool", {{"driver", driver}}},
         // Columns count code points, not UTF-16 units (SARIF's default).
         {"columnKind", "unicodeCodePoints"},
         {"results", out}}}},
  };
  os << log.dump(2) << "\n";
}

}  // namespace asl
