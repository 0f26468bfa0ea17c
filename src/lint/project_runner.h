// Lints a set of files as one project: the per-file pass (on all cores), then
// the project-wide phase over every file's facts; results in path order.
//
// Files without async code are parsed only when the project analyses need
// them: when a parsed file calls into their module (transitive blocking), or
// when they mention the name of one of the project's coroutine functions
// (coroutines called from synchronous code). The rest cannot produce a finding.
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
// `lint` is called from several threads at once.
struct ProjectHooks {
  std::function<FileResult(const LintInput&, const ModuleInfo&, const ProjectScope&)> lint;
  // Adds findings to a file's result, filtered as its own were (noqa, ignores).
  std::function<void(std::vector<Diagnostic> extra, FileResult&)> add;
  // What the file's settings contribute to its cache key (may be empty).
  std::function<uint64_t(const std::string& path)> settings_key;
};

class LintCache;

struct ProjectOptions {
  unsigned threads = 0;    // 0: one per core
  bool parse_all = false;  // parse every file, even those that cannot produce a finding
  // False when no file selects a project-wide rule (AL201, AL204, AL210): the
  // files without async code then cannot produce a finding and are not parsed.
  bool project_rules = true;
  LintCache* cache = nullptr;
};

// How much of the project was parsed (for --statistics and the benchmarks).
struct ProjectStats {
  size_t files = 0, parsed = 0, parsed_for_project = 0, cached = 0;
};

std::vector<FileResult> lint_project(const std::vector<LintInput>& inputs, const Catalog& catalog,
                                     const ProjectHooks& hooks, const ProjectOptions& options = {},
                                     ProjectStats* stats = nullptr);

// The same with one Linter for every file.
std::vector<FileResult> lint_project(const Linter& linter, const std::vector<LintInput>& inputs,
                                     const ProjectOptions& options = {});

// True when the text may hold async code or calls into an async library.
bool mentions_async(std::string_view text);

// True when the selection enables a rule whose findings need other files.
bool selects_project_rules(const RuleSelection& selection, const Catalog& catalog);

}  // namespace asl
