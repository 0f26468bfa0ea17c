#include "lint/linter.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/semantic_model.h"
#include "core/syntax.h"
#include "lint/fixes/fixes.h"
#include "lint/noqa.h"
#include "lint/syntax_errors.h"

namespace asl {

Linter::Linter(const Catalog& catalog, RuleSelection selection, Framework framework)
    : catalog_(catalog), selection_(std::move(selection)), calls_(catalog_, selection_), framework_(framework) {}

FileResult Linter::lint(const SourceFile& file) const {
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
  collect_syntax_errors(root, file, found);
  SemanticModel model(root, file.text(), catalog_);
  report_python2_statements(model.python2_statements(), file, found);
  calls_.run(model, file, found);
  attach_fixes(found, FixContext{model, file, root, framework_});

  NoqaMap noqa(file);
  for (Diagnostic& d : found) {
    if (d.code != kSyntaxErrorCode && noqa.suppresses(d.start.line, d.code)) continue;
    result.diagnostics.push_back(std::move(d));
  }
  std::sort(result.diagnostics.begin(), result.diagnostics.end());
  return result;
}

namespace {
FileResult load_error(const std::string& path, const LoadError& e) {
  FileResult r;
  r.path = path;
  r.error = e.where ? fmt::format("{}:{}: {}", e.where->line, e.where->column, e.message) : e.message;
  return r;
}
}  // namespace

FileResult Linter::lint_path(const std::string& path) const {
  LoadError e;
  auto file = SourceFile::read(path, &e);
  if (!file) return load_error(path, e);
  return lint(*file);
}

FileResult Linter::lint_bytes(const std::string& path, std::string bytes) const {
  LoadError e;
  SourceFile file = SourceFile::from_bytes(path, std::move(bytes), &e);
  if (!file.valid()) return load_error(path, e);
  return lint(file);
}

}  // namespace asl
