// GitLab Code Quality (Code Climate JSON). Fingerprints must stay the same
// while a finding stays, so they hash the path, code, message and the text of
// the reported line (not its number), plus an occurrence count for repeats.
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "lint/output.h"
#include "lint/syntax_errors.h"

namespace asl {

namespace {

// FNV-1a, 64 bits: stable across platforms and releases, unlike std::hash.
uint64_t fnv1a(std::string_view s, uint64_t h = 0xcbf29ce484222325ull) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h;
}

std::string_view trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
  return b == std::string_view::npos ? std::string_view{} : s.substr(b, e - b + 1);
}

}  // namespace

void write_gitlab(std::ostream& os, const std::vector<FileResult>& results, const ReportOptions& o) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : results) {
    if (r.diagnostics.empty()) continue;
    std::string path = portable_path(r.path);
    std::shared_ptr<const SourceFile> src = o.source ? o.source(r.path) : nullptr;
    std::map<uint64_t, int> seen;
    for (const auto& d : r.diagnostics) {
      std::string_view line =
          src && !d.cell && d.start.line <= src->lines().line_count() ? trim(src->line_text(d.start.line)) : std::string_view{};
      uint64_t h = fnv1a(fmt::format("{}\n{}\n{}\n{}", path, d.code, d.message, line));
      if (d.cell) h = fnv1a(fmt::format("cell {}", d.cell), h);  // a notebook's JSON lines say nothing
      int occurrence = seen[h]++;
      if (occurrence > 0) h = fnv1a(fmt::format("#{}", occurrence), h);
      out.push_back({
          {"description", fmt::format("{}: {}", d.code, d.message)},
          {"check_name", d.code},
          {"fingerprint", fmt::format("{:016x}", h)},
          {"severity", d.code == kSyntaxErrorCode ? "blocker" : "major"},
          {"location", {{"path", path}, {"lines", {{"begin", d.start.line}, {"end", d.end.line}}}}},
      });
    }
  }
  os << out.dump(2) << "\n";
}

}  // namespace asl
