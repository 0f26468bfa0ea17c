#include "lsp/positions.h"

#include <fmt/format.h>

namespace asl::lsp {

nlohmann::json position_at(const SourceFile& file, uint32_t byte_offset) {
  std::string_view text = file.text();
  byte_offset = std::min<uint32_t>(byte_offset, static_cast<uint32_t>(text.size()));
  Location loc = file.location(byte_offset);
  uint32_t start = file.lines().line_start(loc.line);
  uint32_t units = 0;
  for (uint32_t i = start; i < byte_offset;) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    uint32_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    units += len == 4 ? 2 : 1;  // astral code points are surrogate pairs
    i += len;
  }
  // The editor's text still has the BOM the linter stripped: one unit on line 0.
  if (file.had_bom() && loc.line == 1) ++units;
  return {{"line", loc.line - 1}, {"character", units}};
}

nlohmann::json range_of(const SourceFile& file, uint32_t start, uint32_t end) {
  return {{"start", position_at(file, start)}, {"end", position_at(file, end)}};
}

std::string uri_to_path(const std::string& uri) {
  constexpr std::string_view kScheme = "file://";
  if (!uri.starts_with(kScheme)) return {};
  std::string_view rest = std::string_view(uri).substr(kScheme.size());
  rest = rest.substr(std::min(rest.find('/'), rest.size()));  // drop an authority ("localhost")
  std::string out;
  for (size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%' && i + 2 < rest.size() && std::isxdigit(static_cast<unsigned char>(rest[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(rest[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(rest.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += rest[i];
    }
  }
  return out;
}

std::string path_to_uri(const std::string& path) {
  std::string out = "file://";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') out += static_cast<char>(c);
    else out += fmt::format("%{:02X}", c);
  }
  return out;
}

}  // namespace asl::lsp
