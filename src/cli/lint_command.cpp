#include "cli/lint_command.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <unistd.h>

#include <fmt/format.h>

#include "lint/configured_linter.h"
#include "lint/exclusion.h"
#include "lint/file_discovery.h"
#include "lint/fix_files.h"
#include "lint/lint_cache.h"
#include "lint/notebook.h"
#include "lint/project_runner.h"
#include "lint/unified_diff.h"

namespace asl::cli {

namespace {

void report_error(const std::string& path, const std::string& message) {
  std::cerr << fmt::format("asynclint: error: {}: {}\n", path, message);
}

ConfigResolver make_resolver(const Catalog& catalog, const LintCommand& cmd) {
  if (cmd.isolated) return ConfigResolver(catalog, cmd.overrides, ConfigResolver::Mode::Isolated);
  if (!cmd.config_file.empty())
    return ConfigResolver(catalog, cmd.overrides, ConfigResolver::Mode::Explicit, cmd.config_file);
  return ConfigResolver(catalog, cmd.overrides);
}

ReportOptions report_options(const Catalog& catalog, const LintCommand& cmd) {
  ReportOptions r;
  r.format = cmd.format;
  r.quiet = cmd.quiet;
  r.unsafe_fixes = cmd.unsafe_fixes;
  r.catalog = &catalog;
  r.version = cmd.version;
  bool text = r.format == OutputFormat::Concise || r.format == OutputFormat::Full || r.format == OutputFormat::Grouped;
  // no-color.org: only a NO_COLOR that is set and not empty turns colour off.
  const char* no_color = std::getenv("NO_COLOR");
  r.color = text && isatty(STDOUT_FILENO) && !(no_color && *no_color);
  return r;
}

int finish(std::vector<FileResult>& results, ReportOptions& report, const LintCommand& cmd, bool io_error) {
  size_t findings = 0;
  for (auto& r : results) {
    if (r.error) {
      report_error(r.path, *r.error);
      io_error = true;
    }
    findings += r.diagnostics.size();
  }
  std::sort(results.begin(), results.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  // As ruff: a file that could not be checked is never "All checks passed!".
  report.errors = io_error;
  if (cmd.statistics) write_statistics(std::cout, results, report);
  else write_report(std::cout, results, report);
  std::cout.flush();
  if (io_error) return kError;
  return findings > 0 && !cmd.exit_zero ? kFindings : kClean;
}

// Standard input: with --fix the fixed source goes to standard output and the
// report to standard error, as editors' fix-on-save integrations expect.
int lint_stdin(const Catalog& catalog, const LintCommand& cmd, ConfigResolver& resolver, ReportOptions& report) {
  std::string name = cmd.stdin_filename.empty() ? "-" : cmd.stdin_filename;
  ConfiguredLinter linter(catalog, resolver.for_path(name == "-" ? "." : name));
  std::string bytes((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  LoadError e;
  SourceFile file = SourceFile::from_bytes(name, bytes, &e);
  bool notebook = is_notebook_path(name);
  if (notebook && (cmd.fix || cmd.diff))
    std::cerr << fmt::format("asynclint: warning: {}: fixes are not applied to notebooks\n", name);
  if (notebook || !file.valid() || (!cmd.fix && !cmd.diff)) {
    ProjectHooks hooks;
    hooks.lint = [&](const LintInput& in, const ModuleInfo& m, const ProjectScope& project) {
      return linter.lint_in_project(in, m, project);
    };
    hooks.add = [&](std::vector<Diagnostic> extra, FileResult& r) { linter.add_project_findings(std::move(extra), r); };
    std::vector<FileResult> results = lint_project({LintInput{name, std::move(bytes)}}, catalog, hooks);
    auto src = std::make_shared<const SourceFile>(file);
    report.source = [&](const std::string&) { return src; };
    return finish(results, report, cmd, false);
  }
  FixedFile fixed = fix_until_stable(file, [&](const SourceFile& f) { return linter.lint(f); }, cmd.unsafe_fixes);
  if (fixed.reverted) report_error(name, *fixed.reverted);
  if (cmd.diff) {
    std::cout << unified_diff(file.text(), fixed.source->text(), name, name);
    std::cerr << fmt::format("Would fix {} error{}.\n", fixed.fixed, fixed.fixed == 1 ? "" : "s");
    return fixed.changed ? kFindings : kClean;
  }
  std::cout << file_bytes(file, fixed.source->text());
  std::cout.flush();
  std::vector<FileResult> results{fixed.result};
  report.fixed = fixed.fixed;
  report.source = [&](const std::string&) { return fixed.source; };
  size_t left = fixed.result.diagnostics.size();
  write_report(std::cerr, results, report);
  return left > 0 && !cmd.exit_zero ? kFindings : kClean;
}

// Lints the files as one project, on all cores, through the cache.
std::vector<FileResult> lint_tree(const Catalog& catalog, const LintCommand& cmd, LinterSet& linters,
                                  const std::vector<std::string>& files) {
  std::vector<LintInput> inputs;
  std::map<std::string, const ConfiguredLinter*> by_path;
  std::map<const ConfiguredLinter*, uint64_t> settings_keys;
  for (const auto& f : files) {
    inputs.push_back({f, std::nullopt});
    const ConfiguredLinter* l = &linters.for_path(f);
    by_path[f] = l;
    if (!settings_keys.contains(l))
      settings_keys[l] = content_hash(render_settings(l->settings(), l->catalog()));
  }
  ProjectHooks hooks;
  hooks.lint = [&](const LintInput& in, const ModuleInfo& m, const ProjectScope& project) {
    return by_path.at(in.path)->lint_in_project(in, m, project);
  };
  hooks.add = [&](std::vector<Diagnostic> extra, FileResult& r) { by_path.at(r.path)->add_project_findings(std::move(extra), r); };
  hooks.settings_key = [&](const std::string& path) { return settings_keys.at(by_path.at(path)); };

  ProjectOptions options;
  options.threads = cmd.threads;
  options.project_rules = std::any_of(settings_keys.begin(), settings_keys.end(), [](const auto& entry) {
    return selects_project_rules(entry.first->settings().selection, entry.first->catalog());
  });
  std::unique_ptr<LintCache> cache;
  if (!cmd.no_cache) {
    std::string dir = cmd.cache_dir;
    if (dir.empty() && std::getenv("ASYNCLINT_CACHE_DIR")) dir = std::getenv("ASYNCLINT_CACHE_DIR");
    if (dir.empty()) dir = ".asynclint_cache";
    // Results depend on the tool and on every rule file built into it; the
    // binary's own size and time tell a rebuild from the same version.
    uint64_t salt = content_hash(cmd.version);
    for (size_t i = 0; i < kEmbeddedRuleFileCount; ++i) salt = combine_hash(salt, kEmbeddedRuleFiles[i].text);
    std::error_code ec;
    auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
      salt = combine_hash(salt, std::to_string(std::filesystem::file_size(self, ec)));
      salt = combine_hash(salt, std::to_string(std::filesystem::last_write_time(self, ec).time_since_epoch().count()));
    }
    cache = std::make_unique<LintCache>(dir, std::to_string(salt));
    options.cache = cache.get();
  }
  std::vector<FileResult> results = lint_project(inputs, catalog, hooks, options);
  if (cache) {
    std::string error;
    if (!cache->save(&error)) std::cerr << fmt::format("asynclint: warning: cache not saved: {}\n", error);
  }
  return results;
}

}  // namespace

int run_lint(const Catalog& catalog, const LintCommand& cmd) {
  ConfigResolver resolver = make_resolver(catalog, cmd);
  std::vector<std::string> paths = cmd.paths.empty() ? std::vector<std::string>{"."} : cmd.paths;
  bool use_stdin = paths.size() == 1 && paths[0] == "-";

  if (cmd.show_settings) {
    std::string first = use_stdin && !cmd.stdin_filename.empty() ? cmd.stdin_filename : paths[0];
    ConfiguredLinter linter(catalog, resolver.for_path(use_stdin && cmd.stdin_filename.empty() ? "." : first));
    std::cout << fmt::format("# settings for {}\n", first) << render_settings(linter.settings(), linter.catalog());
    return kClean;
  }
  ReportOptions report = report_options(catalog, cmd);
  if (use_stdin) return lint_stdin(catalog, cmd, resolver, report);

  bool io_error = false;
  GitignoreMatcher gitignore;
  Discovery found = discover_files(paths, exclusion_filter(resolver, gitignore));
  for (const auto& m : found.missing) {
    report_error(m, "No such file or directory");
    io_error = true;
  }
  if (cmd.show_files) {
    for (const auto& f : found.files) std::cout << f << "\n";
    return io_error ? kError : kClean;
  }

  LinterSet linters(catalog, resolver);
  std::vector<FileResult> results;
  std::map<std::string, std::shared_ptr<const SourceFile>> sources;  // texts after fixing
  size_t fixed = 0;
  std::string diffs;
  for (const auto& f : found.files) {
    if (!cmd.fix && !cmd.diff) break;
    if (is_notebook_path(f)) {
      // Not rewritten: a notebook's JSON (outputs, metadata, formatting) is
      // left exactly as it is; its findings are reported below.
      std::cerr << fmt::format("asynclint: warning: {}: fixes are not applied to notebooks\n", f);
      continue;
    }
    const ConfiguredLinter& linter = linters.for_path(f);
    FileFixOutcome o = fix_file(linter, f, cmd.diff ? FixMode::Diff : FixMode::Apply, cmd.unsafe_fixes);
    if (o.error) {
      report_error(f, *o.error);
      io_error = true;
    }
    fixed += o.fixed;
    diffs += o.diff;
    if (o.source) sources[f] = o.source;
    results.push_back(std::move(o.result));
  }
  if (cmd.diff) {
    std::cout << diffs;
    std::cout.flush();
    for (const auto& r : results)
      if (r.error) report_error(r.path, *r.error), io_error = true;
    std::cerr << fmt::format("Would fix {} error{}.\n", fixed, fixed == 1 ? "" : "s");
    if (io_error) return kError;
    return diffs.empty() ? kClean : kFindings;
  }
  // The report: the whole tree as one project (after fixing, the fixed files),
  // so the cross-file analyses see every file.
  results = lint_tree(catalog, cmd, linters, found.files);
  report.fixed = fixed;
  report.source = [&sources](const std::string& path) -> std::shared_ptr<const SourceFile> {
    if (auto it = sources.find(path); it != sources.end()) return it->second;
    LoadError e;
    auto file = SourceFile::read(path, &e);
    return file ? std::make_shared<const SourceFile>(std::move(*file)) : nullptr;
  };
  return finish(results, report, cmd, io_error);
}

}  // namespace asl::cli
