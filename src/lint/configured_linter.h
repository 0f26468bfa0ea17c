// A Linter for one set of Settings: the catalog specialised for them (extra
// blocking calls become ASYNC200 call patterns), the configured async
// framework for files whose imports do not decide it, and per-file-ignores
// applied to the findings.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "lint/config.h"
#include "lint/linter.h"
#include "lint/project_runner.h"

namespace asl {

inline constexpr const char* kConfiguredBlockingCallCode = "ASYNC200";

// The catalog as the settings see it.
Catalog configure_catalog(const Catalog& base, const Settings& settings);

class ConfiguredLinter {
 public:
  ConfiguredLinter(const Catalog& base, std::shared_ptr<const Settings> settings);
  // The linter points into catalog_: never copied or moved.
  ConfiguredLinter(const ConfiguredLinter&) = delete;
  ConfiguredLinter& operator=(const ConfiguredLinter&) = delete;

  FileResult lint(const SourceFile& file) const;
  FileResult lint_path(const std::string& path) const;
  FileResult lint_bytes(const std::string& path, std::string bytes) const;
  // As part of a project run (see lint/project_runner.h).
  FileResult lint_in_project(const LintInput& input, const ModuleInfo& module,
                             const ProjectScope& project) const;
  void add_project_findings(std::vector<Diagnostic> extra, FileResult& result) const;
  const Settings& settings() const { return *settings_; }
  const Catalog& catalog() const { return catalog_; }

 private:
  void apply_per_file_ignores(FileResult& r) const;
  std::shared_ptr<const Settings> settings_;
  Catalog catalog_;
  Linter linter_;
};

// One ConfiguredLinter per distinct configuration, built on first use.
class LinterSet {
 public:
  LinterSet(const Catalog& base, ConfigResolver& resolver) : base_(base), resolver_(resolver) {}
  const ConfiguredLinter& for_path(const std::string& path);

 private:
  const Catalog& base_;
  ConfigResolver& resolver_;
  std::map<const Settings*, std::unique_ptr<ConfiguredLinter>> linters_;
};

}  // namespace asl
