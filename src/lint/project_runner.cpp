#include "lint/project_runner.h"

#include <algorithm>

#include "lint/module_path.h"
#include "lint/project_analysis.h"

namespace asl {

std::vector<FileResult> lint_project(const std::vector<LintInput>& inputs, const Catalog& catalog,
                                     const ProjectHooks& hooks) {
  ModuleResolver resolver;
  std::vector<ModuleInfo> modules;
  std::unordered_set<std::string> names;
  for (const LintInput& in : inputs) {
    modules.push_back(resolver.module_for(in.path));
    if (!modules.back().name.empty()) names.insert(modules.back().name);
  }

  std::vector<FileResult> results;
  results.reserve(inputs.size());
  for (size_t i = 0; i < inputs.size(); ++i) results.push_back(hooks.lint(inputs[i], modules[i], names));

  std::vector<const FileFacts*> facts;
  for (const FileResult& r : results) facts.push_back(&r.facts);
  auto extra = analyze_project(facts, catalog);
  for (size_t i = 0; i < results.size(); ++i) {
    if (!extra[i].empty()) hooks.add(std::move(extra[i]), results[i]);
    results[i].facts = {};  // done with them: keep memory flat
  }
  std::stable_sort(results.begin(), results.end(), [](const FileResult& a, const FileResult& b) { return a.path < b.path; });
  return results;
}

std::vector<FileResult> lint_project(const Linter& linter, const std::vector<LintInput>& inputs) {
  ProjectHooks hooks;
  hooks.lint = [&](const LintInput& in, const ModuleInfo& m, const std::unordered_set<std::string>& project) {
    return in.bytes ? linter.lint_bytes(in.path, *in.bytes, m, &project) : linter.lint_path(in.path, m, &project);
  };
  hooks.add = [&](std::vector<Diagnostic> extra, FileResult& r) {
    std::vector<Diagnostic> all = std::move(r.diagnostics);
    r.diagnostics.clear();
    all.insert(all.end(), std::make_move_iterator(extra.begin()), std::make_move_iterator(extra.end()));
    linter.keep_unsuppressed(std::move(all), r);
  };
  return lint_project(inputs, linter.catalog(), hooks);
}

}  // namespace asl
