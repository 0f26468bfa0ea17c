// Lints a set of files as one project: the per-file pass, then the
// project-wide phase over every file's facts; results in path order.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "lint/linter.h"

namespace asl {

struct LintInput {
  std::string path;                  // as reported
  std::optional<std::string> bytes;  // standard input; otherwise the file is read
};

// How each file is linted and how the project phase's findings join its own:
// files may be linted with different settings (configuration per folder).
struct ProjectHooks {
  std::function<FileResult(const LintInput&, const ModuleInfo&, const std::unordered_set<std::string>&)> lint;
  // Adds findings to a file's result, filtered as its own were (noqa, ignores).
  std::function<void(std::vector<Diagnostic> extra, FileResult&)> add;
};

std::vector<FileResult> lint_project(const std::vector<LintInput>& inputs, const Catalog& catalog,
                                     const ProjectHooks& hooks);

// The same with one Linter for every file.
std::vector<FileResult> lint_project(const Linter& linter, const std::vector<LintInput>& inputs);

}  // namespace asl
