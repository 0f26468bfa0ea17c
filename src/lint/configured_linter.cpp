#include "lint/configured_linter.h"

#include <algorithm>

#include "lint/syntax_errors.h"

namespace asl {

Catalog configure_catalog(const Catalog& base, const Settings& s) {
  Catalog c = base;
  c.options = s.check_options;
  for (Rule& r : c.rules) {
    if (r.code == kConfiguredBlockingCallCode) {
      for (const auto& [name, use] : s.extra_blocking_calls) {
        CallPattern p;
        p.names = {name};
        p.use = use;
        r.calls.push_back(std::move(p));
      }
    }
  }
  return c;
}

ConfiguredLinter::ConfiguredLinter(const Catalog& base, std::shared_ptr<const Settings> settings)
    : settings_(std::move(settings)),
      catalog_(configure_catalog(base, *settings_)),
      linter_(catalog_, settings_->selection, settings_->framework) {}

void ConfiguredLinter::apply_per_file_ignores(FileResult& r) const {
  if (settings_->per_file_ignores.empty() || r.path == "-") return;
  std::vector<std::string> codes = settings_->ignored_codes(r.path);
  if (codes.empty()) return;
  std::erase_if(r.diagnostics, [&](const Diagnostic& d) {
    if (d.code == kSyntaxErrorCode) return false;  // a syntax error is never ignored
    return std::any_of(codes.begin(), codes.end(),
                       [&](const std::string& c) { return c == "ALL" || d.code.starts_with(c); });
  });
}

FileResult ConfiguredLinter::lint(const SourceFile& file) const {
  FileResult r = linter_.lint(file);
  apply_per_file_ignores(r);
  return r;
}

FileResult ConfiguredLinter::lint_path(const std::string& path) const {
  FileResult r = linter_.lint_path(path);
  apply_per_file_ignores(r);
  return r;
}

FileResult ConfiguredLinter::lint_bytes(const std::string& path, std::string bytes) const {
  FileResult r = linter_.lint_bytes(path, std::move(bytes));
  apply_per_file_ignores(r);
  return r;
}

FileResult ConfiguredLinter::lint_in_project(const LintInput& in, const ModuleInfo& module,
                                             const ProjectScope& project) const {
  FileResult r = in.bytes ? linter_.lint_bytes(in.path, *in.bytes, module, &project)
                          : linter_.lint_path(in.path, module, &project);
  apply_per_file_ignores(r);
  return r;
}

void ConfiguredLinter::add_project_findings(std::vector<Diagnostic> extra, FileResult& r) const {
  std::vector<Diagnostic> all = std::move(r.diagnostics);
  r.diagnostics.clear();
  all.insert(all.end(), std::make_move_iterator(extra.begin()), std::make_move_iterator(extra.end()));
  linter_.keep_unsuppressed(std::move(all), r);
  apply_per_file_ignores(r);
}

const ConfiguredLinter& LinterSet::for_path(const std::string& path) {
  std::shared_ptr<const Settings> s = resolver_.for_path(path);
  auto& slot = linters_[s.get()];
  if (!slot) slot = std::make_unique<ConfiguredLinter>(base_, s);
  return *slot;
}

}  // namespace asl
