// Lints one source text: parse, semantic model, call engine, checks, noqa.
#pragma once

#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/diagnostic.h"
#include "core/source_file.h"
#include "lint/call_engine.h"
#include "lint/noqa.h"
#include "lint/project_facts.h"
#include "lint/framework.h"
#include "lint/rule_selection.h"
#include "rules/catalog.h"

namespace asl {

struct FileResult {
  std::string path;
  std::vector<Diagnostic> diagnostics;
  std::optional<std::string> error;  // the file could not be read or decoded
  FileFacts facts;                   // for the project-wide phase
  std::optional<NoqaMap> noqa;       // to filter the project-wide phase's findings
};

class Linter {
 public:
  // `framework` decides what fixes insert (`asyncio.sleep` or `trio.sleep`).
  Linter(const Catalog& catalog, RuleSelection selection, Framework framework = Framework::Asyncio);
  // Thread-safe: every call uses its own parser.
  // `module` places the file in its package (relative imports, qualified
  // names for the project-wide analyses).
  // `project`: what every file of the run shares (null: this file alone).
  FileResult lint(const SourceFile& file, const ModuleInfo& module = {},
                  const ProjectScope* project = nullptr) const;
  FileResult lint_path(const std::string& path, const ModuleInfo& module = {},
                       const ProjectScope* project = nullptr) const;
  FileResult lint_bytes(const std::string& path, std::string bytes, const ModuleInfo& module = {},
                        const ProjectScope* project = nullptr) const;
  const RuleSelection& selection() const { return selection_; }
  // Adds `found` to `result` minus what its noqa comments suppress, sorted.
  void keep_unsuppressed(std::vector<Diagnostic> found, FileResult& result) const;
  const Catalog& catalog() const { return catalog_; }

 private:
  const Catalog& catalog_;
  RuleSelection selection_;
  bool suppressed(const NoqaMap& noqa, const Diagnostic& d) const;
  FileResult lint_notebook(const std::string& path, std::string_view bytes, const ModuleInfo& module,
                           const ProjectScope* project) const;
  CallEngine calls_;
  Framework framework_;
};

}  // namespace asl
