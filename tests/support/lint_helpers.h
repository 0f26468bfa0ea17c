// Helpers shared by the lint tests: lint a string with every rule enabled.
#pragma once

#include <string>
#include <vector>

#include "lint/linter.h"
#include "lint/project_runner.h"

namespace asl::testing {

inline RuleSelection all_rules() { return RuleSelection{{"ALL"}, {}, {}}; }

// Lints `text` as a one-file project (so the project-wide rules run too).
// `path` decides how the text is read: "test.ipynb" makes it a notebook's JSON.
inline std::vector<Diagnostic> lint_text(const std::string& text, RuleSelection sel = all_rules(),
                                         const std::string& path = "test.py") {
  Linter linter(builtin_catalog(), std::move(sel));
  auto results = lint_project(linter, {LintInput{path, text}});
  return results.at(0).diagnostics;
}

inline std::vector<std::string> codes(const std::vector<Diagnostic>& ds) {
  std::vector<std::string> out;
  for (const auto& d : ds) out.push_back(d.code);
  return out;
}

}  // namespace asl::testing
