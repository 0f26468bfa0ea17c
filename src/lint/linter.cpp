#include "lint/linter.h"

#include <algorithm>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "core/nesting.h"
#include "core/semantic_model.h"
#include "core/syntax.h"
#include "lint/fixes/fixes.h"
#include "lint/checks/check_context.h"
#include "lint/noqa.h"
#include "lint/notebook.h"
#include "lint/syntax_errors.h"

namespace asl {

Linter::Linter(const Catalog& catalog, RuleSelection selection, Framework framework)
    : catalog_(catalog), selection_(std::move(selection)), calls_(catalog_, selection_), framework_(framework) {}

FileResult Linter::lint(const SourceFile& file, const ModuleInfo& module,
                        const ProjectScope* project) const {
  FileResult result;
  result.path = file.path();
  thread_local Parser parser;
  Tree tree = parser.parse(file.text());
  if (!tree) {
    result.error = "the parser gave up on this file";
    return result;
  }
  TSNode root = ts_tree_root_node(tree.get());
  std::vector<Diagnostic> found;
  // A bracket never closed hides the definitions after it: parse them apart.
  std::optional<std::string> recovered;
  if (ts_node_has_error(root)) recovered = blank_unclosed_brackets(root, file, found, !module.notebook);
  if (recovered) {
    Tree again = parser.parse(*recovered);
    if (again) {
      tree = std::move(again);
      root = ts_tree_root_node(tree.get());
    } else {
      found.clear();
      recovered.reset();
    }
  }
  std::string_view text = recovered ? std::string_view(*recovered) : file.text();
  // The analyses recurse over the tree: refuse absurd nesting rather than overflow.
  if (auto deep = nesting_error(root, file)) {
    result.error = std::move(deep);
    return result;
  }
  collect_syntax_errors(root, file, found, !module.notebook);
  SemanticModel model(root, text, catalog_, module);
  report_python2_statements(model.python2_statements(), file, found);
  // Suggestions and fixes follow the file's framework (its imports), else the configured one.
  Framework framework = file_framework(model, framework_);
  calls_.run(model, file, found, framework);
  CheckContext checks{model, file, catalog_, selection_, calls_, result.facts, project, framework};
  run_checks(checks, found);
  attach_fixes(found, FixContext{model, file, root, framework});

  result.noqa.emplace(file);
  keep_unsuppressed(std::move(found), result);
  return result;
}

void Linter::keep_unsuppressed(std::vector<Diagnostic> found, FileResult& result) const {
  for (Diagnostic& d : found) {
    if (d.code != kSyntaxErrorCode && result.noqa && suppressed(*result.noqa, d)) continue;
    result.diagnostics.push_back(std::move(d));
  }
  std::sort(result.diagnostics.begin(), result.diagnostics.end());
}

bool Linter::suppressed(const NoqaMap& noqa, const Diagnostic& d) const {
  if (noqa.suppresses(d.start.line, d.code)) return true;
  // `# noqa: RUF006` silences ASYNC300, its alias.
  if (const Rule* r = catalog_.find(d.code)) {
    for (const auto& a : r->aliases)
      if (noqa.suppresses(d.start.line, a)) return true;
  }
  return false;
}

namespace {
FileResult load_error(const std::string& path, const LoadError& e) {
  FileResult r;
  r.path = path;
  r.error = e.where ? fmt::format("{}:{}: {}", e.where->line, e.where->column, e.message) : e.message;
  return r;
}
}  // namespace

// The code cells as one text, linted in the kernel's terms (see ModuleInfo);
// lint_project places the findings in their cells once the project's are in.
FileResult Linter::lint_notebook(const std::string& path, std::string_view bytes, const ModuleInfo& module,
                                 const ProjectScope* project) const {
  std::string error;
  std::optional<Notebook> nb = parse_notebook(bytes, &error);
  if (!nb) return load_error(path, LoadError{error, std::nullopt});
  LoadError e;
  SourceFile file = SourceFile::from_bytes(path, nb->python, &e);
  if (!file.valid()) {
    if (e.where && e.where->line <= nb->lines.size()) {
      const CellLine& c = nb->lines[e.where->line - 1];
      return load_error(path, LoadError{fmt::format("cell {}:{}:{}: {}", c.cell, c.line, e.where->column, e.message), std::nullopt});
    }
    return load_error(path, e);
  }
  ModuleInfo m = module;
  m.notebook = true;
  for (const Notebook::Cell& c : nb->cells) m.cells.emplace_back(c.start, c.end);
  return lint(file, m, project);
}

FileResult Linter::lint_path(const std::string& path, const ModuleInfo& module,
                             const ProjectScope* project) const {
  LoadError e;
  if (is_notebook_path(path)) {
    auto bytes = read_file_bytes(path, &e);
    if (!bytes) return load_error(path, e);
    return lint_notebook(path, *bytes, module, project);
  }
  auto file = SourceFile::read(path, &e);
  if (!file) return load_error(path, e);
  return lint(*file, module, project);
}

FileResult Linter::lint_bytes(const std::string& path, std::string bytes, const ModuleInfo& module,
                              const ProjectScope* project) const {
  if (is_notebook_path(path)) return lint_notebook(path, bytes, module, project);
  LoadError e;
  SourceFile file = SourceFile::from_bytes(path, std::move(bytes), &e);
  if (!file.valid()) return load_error(path, e);
  return lint(file, module, project);
}

}  // namespace asl
