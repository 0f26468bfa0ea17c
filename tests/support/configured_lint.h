// Lints a string as `lint_text` does, but with the configuration a rule's
// fixture carries (tests/lint/fixtures/CODE.toml, asynclint.toml format), for
// rules that act on configuration such as ASYNC200's extra blocking calls.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "lint/configured_linter.h"
#include "lint_helpers.h"

namespace asl::testing {

inline std::vector<Diagnostic> lint_rule_text(const std::string& code, const std::string& text,
                                              RuleSelection sel = all_rules(), const std::string& path = "test.py") {
  std::filesystem::path config = std::filesystem::path(ASYNCLINT_SOURCE_DIR) / "tests/lint/fixtures" / (code + ".toml");
  if (!std::filesystem::exists(config)) return lint_text(text, std::move(sel), path);
  auto settings = std::make_shared<Settings>(*load_config_file(config, builtin_catalog()));
  settings->selection = std::move(sel);
  ConfiguredLinter linter(builtin_catalog(), settings);
  return linter.lint_bytes("test.py", text).diagnostics;
}

}  // namespace asl::testing
