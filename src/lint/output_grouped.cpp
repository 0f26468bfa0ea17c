// `--output-format grouped`, ruff's layout: each file's path on a line of its
// own, then its findings indented, `LINE:COL CODE message` with the line
// numbers right-aligned and the columns padded to the widest of the file
// (`cell N:LINE:COL` in a notebook), a blank line after each file, and the
// summary.
#include <algorithm>

#include <fmt/format.h>

#include "lint/output.h"

namespace asl {

namespace {
size_t digits(uint32_t n) { return fmt::formatted_size("{}", n); }
}  // namespace

void write_grouped(std::ostream& os, const std::vector<FileResult>& results, const ReportOptions& o) {
  const auto [bold, path_style, red, blue, cyan, reset] = Palette(o.color);
  for (const auto& r : results) {
    if (r.diagnostics.empty()) continue;
    size_t row_width = 0, column_width = 0;
    for (const auto& d : r.diagnostics) {
      row_width = std::max(row_width, digits(d.start.line));
      column_width = std::max(column_width, digits(d.start.column));
    }
    os << fmt::format("{}{}{}:\n", path_style, r.path, reset);
    for (const auto& d : r.diagnostics) {
      std::string cell = d.cell ? fmt::format("cell {}{}:{}", d.cell, cyan, reset) : std::string();
      bool fixable = is_fixable(d, o);
      os << fmt::format("  {}{}{}{}:{}{}{} {}{}{} {}{}{}{}\n", std::string(row_width - digits(d.start.line), ' '), cell,
                        d.start.line, cyan, reset, d.start.column,
                        std::string(column_width - digits(d.start.column), ' '), red, d.code, reset,
                        fixable ? cyan : "", fixable ? "[*] " : "", fixable ? reset : "", d.message);
    }
    os << "\n";
  }
  if (!o.quiet) write_summary(os, results, o);
}

}  // namespace asl
