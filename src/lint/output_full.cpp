// ruff's "full" format: the concise line, then the source with a caret line
// under the reported range and the fix, when there is one.
#include <algorithm>

#include <fmt/format.h>

#include "core/display_width.h"
#include "lint/output.h"

namespace asl {

namespace {

// Display column (0-based) of each code point, as a terminal shows the line:
// tabs expanded to 4-column stops (as ruff does), wide characters (CJK,
// emoji) two columns, combining marks none. Reported columns stay code points;
// only the drawing under the line uses these.
struct DisplayLine {
  std::string text;
  std::vector<size_t> column_of;  // per code point, plus one past the end
};

DisplayLine expand(std::string_view line) {
  DisplayLine out;
  size_t col = 0;
  for (size_t i = 0; i < line.size();) {
    size_t len = 1;
    char32_t c = decode_utf8(line, i, len);
    out.column_of.push_back(col);
    if (c == '\t') {
      size_t width = 4 - col % 4;
      out.text.append(width, ' ');
      col += width;
    } else {
      out.text.append(line.substr(i, len));
      col += static_cast<size_t>(code_point_width(c));
    }
    i += len;
  }
  out.column_of.push_back(col);
  return out;
}

size_t display_column(const DisplayLine& l, uint32_t column) {
  size_t i = std::min<size_t>(column - 1, l.column_of.size() - 1);
  return l.column_of[i];
}

}  // namespace

void write_full(std::ostream& os, const std::vector<FileResult>& results, const ReportOptions& o) {
  const char* bold = o.color ? "\x1b[1m" : "";
  const char* red = o.color ? "\x1b[1;31m" : "";
  const char* blue = o.color ? "\x1b[1;34m" : "";
  const char* cyan = o.color ? "\x1b[36m" : "";
  const char* reset = o.color ? "\x1b[0m" : "";
  for (const auto& r : results) {
    if (r.diagnostics.empty()) continue;
    std::shared_ptr<const SourceFile> src = o.source ? o.source(r.path) : nullptr;
    for (const auto& d : r.diagnostics) {
      bool fixable = is_fixable(d, o);
      os << fmt::format("{}{}{}:{}: {}{}{} {}{}{}{}\n", bold, r.path, reset, position_label(d), red, d.code,
                        reset, fixable ? cyan : "", fixable ? "[*] " : "", fixable ? reset : "", d.message);
      // A notebook's lines are its cells' (the file itself is JSON): no snippet.
      if (!src || d.cell || d.start.line > src->lines().line_count()) {
        os << "\n";
        continue;
      }
      uint32_t count = src->lines().line_count();
      uint32_t first = d.start.line > 2 ? d.start.line - 2 : 1;
      uint32_t last = std::min(count, d.start.line + 2);
      while (last > d.start.line && src->line_text(last).find_first_not_of(" \t") == std::string_view::npos) --last;
      size_t width = std::to_string(last).size();
      std::string pad(width, ' ');
      os << fmt::format("{} {}|{}\n", pad, blue, reset);
      for (uint32_t ln = first; ln <= last; ++ln) {
        DisplayLine line = expand(src->line_text(ln));
        os << fmt::format("{}{:>{}} |{}{}{}\n", blue, ln, width, reset, line.text.empty() ? "" : " ", line.text);
        if (ln != d.start.line) continue;
        size_t from = display_column(line, d.start.column);
        size_t to = d.end.line == d.start.line ? display_column(line, d.end.column) : line.column_of.back();
        size_t carets = std::max<size_t>(1, to > from ? to - from : 1);
        os << fmt::format("{} {}|{} {}{}{} {}{}\n", pad, blue, reset, std::string(from, ' '), red,
                          std::string(carets, '^'), d.code, reset);
      }
      os << fmt::format("{} {}|{}\n", pad, blue, reset);
      if (d.fix) {
        os << fmt::format("{} {}={} {}help{}: {}{}\n", pad, blue, reset, bold, reset, d.fix->title,
                          d.fix->safe || o.unsafe_fixes ? "" : " (unsafe: use `--unsafe-fixes`)");
      }
      os << "\n";
    }
  }
  if (!o.quiet) write_summary(os, results, o);
}

}  // namespace asl
