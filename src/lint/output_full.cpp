// ruff's "full" format: the concise line, then the source with a caret line
// under the reported range and the fix, when there is one.
#include <algorithm>

#include <fmt/format.h>

#include "core/display_width.h"
#include "lint/notebook.h"
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
  const auto [bold, path, red, blue, cyan, reset] = Palette(o.color);
  for (const auto& r : results) {
    if (r.diagnostics.empty()) continue;
    std::shared_ptr<const SourceFile> src = o.source ? o.source(r.path) : nullptr;
    // A notebook's lines are its code cells' (the file itself is JSON).
    std::optional<Notebook> nb;
    if (src && is_notebook_path(r.path)) nb = parse_notebook(src->text(), nullptr);
    auto text_of = [&](uint32_t ln) { return nb ? std::string_view(nb->original[ln - 1]) : src->line_text(ln); };
    for (const auto& d : r.diagnostics) {
      bool fixable = is_fixable(d, o);
      os << fmt::format("{}{}{}:{}: {}{}{} {}{}{}{}\n", bold, r.path, reset, position_label(d), red, d.code,
                        reset, fixable ? cyan : "", fixable ? "[*] " : "", fixable ? reset : "", d.message);
      // The line shown (in a notebook, of the joined cells), the lines its
      // snippet may show, and how a line is numbered.
      uint32_t at = d.start.line, lo = 1, hi = nb ? 0 : src ? src->lines().line_count() : 0;
      auto number = [&](uint32_t ln) { return d.cell && nb ? nb->lines[ln - 1].line : ln; };
      if (d.cell && nb) {
        auto in_cell = [&](const CellLine& c) { return c.cell == d.cell; };
        auto b = std::find_if(nb->lines.begin(), nb->lines.end(), in_cell);
        auto e = std::find_if_not(b, nb->lines.end(), in_cell);
        lo = static_cast<uint32_t>(b - nb->lines.begin()) + 1;
        hi = static_cast<uint32_t>(e - nb->lines.begin());
        at = lo + d.start.line - 1;
      } else if (d.cell) {
        at = 0;
      }
      if (!src || at == 0 || at > hi || at < lo) {
        os << "\n";
        continue;
      }
      uint32_t first = at > lo + 2 ? at - 2 : lo;
      uint32_t last = std::min(hi, at + 2);
      while (last > at && text_of(last).find_first_not_of(" \t") == std::string_view::npos) --last;
      size_t width = std::to_string(number(last)).size();
      std::string pad(width, ' ');
      os << fmt::format("{} {}|{}\n", pad, blue, reset);
      for (uint32_t ln = first; ln <= last; ++ln) {
        DisplayLine line = expand(text_of(ln));
        os << fmt::format("{}{:>{}} |{}{}{}\n", blue, number(ln), width, reset, line.text.empty() ? "" : " ", line.text);
        if (ln != at) continue;
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
