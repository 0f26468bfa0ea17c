// Helpers shared by the lint tests: lint a string with every rule enabled.
#pragma once

#include <string>
#include <vector>

#include "lint/linter.h"

namespace asl::testing {

inline RuleSelection all_rules() { return RuleSelection{{"ALL"}, {}, {}}; }

inline std::vector<Diagnostic> lint_text(const std::string& text, RuleSelection sel = all_rules()) {
  Linter linter(builtin_catalog(), std::move(sel));
  FileResult r = linter.lint_bytes("test.py", text);
  return r.diagnostics;
}

inline std::vector<std::string> codes(const std::vector<Diagnostic>& ds) {
  std::vector<std::string> out;
  for (const auto& d : ds) out.push_back(d.code);
  return out;
}

}  // namespace asl::testing
