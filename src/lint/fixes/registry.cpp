#include <array>
#include <utility>

#include "lint/fixes/fixes.h"

namespace asl {

FixFunction fix_function(std::string_view code) {
  // Explicit registry: one line per fixable rule (no static self-registration).
  static constexpr std::array<std::pair<std::string_view, FixFunction>, 2> kFixes = {{
      {"ASYNC251", &fix_blocking_sleep},
      {"AL201", &fix_missing_await},
  }};
  for (const auto& [c, fn] : kFixes)
    if (c == code) return fn;
  return nullptr;
}

void attach_fixes(std::vector<Diagnostic>& diagnostics, const FixContext& ctx) {
  for (Diagnostic& d : diagnostics) {
    if (d.fix) continue;
    if (FixFunction fn = fix_function(d.code)) d.fix = fn(ctx, d);
  }
}

}  // namespace asl
