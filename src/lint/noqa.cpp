#include "lint/noqa.h"

#include <cctype>

namespace asl {

namespace {
bool ieq(char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; }

// Finds "noqa" case-insensitively after a '#', from `pos`.
size_t find_noqa(std::string_view line, size_t pos) {
  for (; pos + 4 <= line.size(); ++pos) {
    if (ieq(line[pos], 'n') && ieq(line[pos + 1], 'o') && ieq(line[pos + 2], 'q') && ieq(line[pos + 3], 'a')) {
      size_t h = pos;
      while (h > 0 && (line[h - 1] == ' ' || line[h - 1] == '\t')) --h;
      if (h > 0 && line[h - 1] == '#') return pos;
    }
  }
  return std::string_view::npos;
}
}  // namespace

NoqaMap::NoqaMap(const SourceFile& file) {
  std::string_view text = file.text();
  // Cheap pre-check: most files have no noqa at all.
  bool any = false;
  for (size_t i = 0; i + 4 <= text.size() && !any; ++i) any = ieq(text[i], 'n') && ieq(text[i + 1], 'o') && ieq(text[i + 2], 'q') && ieq(text[i + 3], 'a');
  if (!any) return;
  for (uint32_t ln = 1; ln <= file.lines().line_count(); ++ln) {
    std::string_view line = file.line_text(ln);
    size_t pos = find_noqa(line, 0);
    if (pos == std::string_view::npos) continue;
    size_t i = pos + 4;
    Entry e;
    if (i < line.size() && line[i] == ':') {
      ++i;
      // Codes: uppercase letters then digits, separated by commas or spaces.
      while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == ',' || line[i] == '\t')) ++i;
        size_t b = i;
        while (i < line.size() && std::isupper(static_cast<unsigned char>(line[i]))) ++i;
        size_t letters = i - b;
        while (i < line.size() && std::isdigit(static_cast<unsigned char>(line[i]))) ++i;
        if (letters == 0 || i == b + letters) break;
        e.codes.emplace_back(line.substr(b, i - b));
      }
      e.all = e.codes.empty();  // `# noqa:` with no valid code acts as a blanket noqa
    } else {
      e.all = true;
    }
    lines_[ln] = std::move(e);
  }
}

bool NoqaMap::suppresses(uint32_t line, const std::string& code) const {
  auto it = lines_.find(line);
  if (it == lines_.end()) return false;
  if (it->second.all) return true;
  for (const auto& c : it->second.codes)
    if (code == c) return true;
  return false;
}

}  // namespace asl
