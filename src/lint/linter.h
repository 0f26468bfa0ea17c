// Lints one source text: parse, semantic model, call engine, checks, noqa.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/source_file.h"
#include "lint/call_engine.h"
#include "lint/framework.h"
#include "lint/rule_selection.h"
#include "rules/catalog.h"

namespace asl {

struct FileResult {
  std::string path;
  std::vector<Diagnostic> diagnostics;
  std::optional<std::string> error;  // the file could not be read or decoded
};

class Linter {
 public:
  // `framework` decides what fixes insert (`asyncio.sleep` or `trio.sleep`).
  Linter(const Catalog& catalog, RuleSelection selection, Framework framework = Framework::Asyncio);
  // Thread-safe: every call uses its own parser.
  FileResult lint(const SourceFile& file) const;
  FileResult lint_path(const std::string& path) const;
  FileResult lint_bytes(const std::string& path, std::string bytes) const;
  const Catalog& catalog() const { return catalog_; }

 private:
  const Catalog& catalog_;
  RuleSelection selection_;
  CallEngine calls_;
  Framework framework_;
};

}  // namespace asl
