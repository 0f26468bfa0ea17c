#include "pipelines.h"

#include <sstream>

#include "lint/fix_apply.h"
#include "lint/output.h"
#include "lint/project_runner.h"
#include "lint/syntax_errors.h"
#include "translate/translator.h"

namespace asl::robustness {

namespace {

const Linter& all_rules_linter() {
  static const Linter linter(builtin_catalog(), RuleSelection{{"ALL"}, {}, {}});
  return linter;
}

size_t syntax_errors(const FileResult& r) {
  size_t n = 0;
  for (const Diagnostic& d : r.diagnostics) n += d.code == kSyntaxErrorCode;
  return n;
}

}  // namespace

std::optional<std::string> lint_pipeline(std::string_view bytes) {
  const Linter& linter = all_rules_linter();
  // parse_all: a file without an async marker would otherwise be skipped unparsed.
  ProjectOptions options{1, true};
  std::vector<FileResult> results = lint_project(linter, {LintInput{"fuzz.py", std::string(bytes)}}, options);
  if (results.size() != 1) return "not one result for one input";

  LoadError error;
  auto source = std::make_shared<const SourceFile>(SourceFile::from_bytes("fuzz.py", std::string(bytes), &error));
  // A valid file may still be refused (nesting too deep); an invalid one always is.
  if (!source->valid() && !results[0].error) return "undecodable bytes linted without an error";
  for (const Diagnostic& d : results[0].diagnostics) {
    if (d.start_byte > d.end_byte || d.end_byte > source->text().size()) return "finding outside the text: " + d.code;
    if (d.end < d.start) return "finding ends before it starts: " + d.code;
    if (d.fix)
      for (const Edit& e : d.fix->edits)
        if (e.start > e.end || e.end > source->text().size()) return "fix edit outside the text: " + d.code;
  }
  // The formats that quote source lines or turn positions into ranges.
  for (OutputFormat f : {OutputFormat::Concise, OutputFormat::Full, OutputFormat::Json, OutputFormat::Sarif,
                         OutputFormat::Github, OutputFormat::Gitlab, OutputFormat::Junit}) {
    ReportOptions report;
    report.format = f;
    report.catalog = &linter.catalog();
    report.source = [&](const std::string&) { return source->valid() ? source : nullptr; };
    std::ostringstream out;
    write_report(out, results, report);
  }
  return std::nullopt;
}

std::optional<std::string> fix_pipeline(std::string_view bytes) {
  const Linter& linter = all_rules_linter();
  LoadError error;
  SourceFile file = SourceFile::from_bytes("fuzz.py", std::string(bytes), &error);
  if (!file.valid()) return std::nullopt;  // the fixer only ever sees decoded source
  auto lint = [&](const SourceFile& f) { return linter.lint(f); };

  FixedFile first = fix_until_stable(file, lint, /*unsafe=*/true);
  if (!first.source || !first.source->valid()) return "the fixed text is not valid source";
  std::string fixed(first.source->text());
  if (!first.changed && fixed != file.text()) return "an unchanged file got new text";
  if (syntax_errors(linter.lint(*first.source)) > syntax_errors(linter.lint(file)))
    return "fixing added a syntax error:\n" + fixed;
  FixedFile second = fix_until_stable(*first.source, lint, /*unsafe=*/true);
  if (second.changed || second.source->text() != fixed)
    return "a second fix run changed the text:\n" + fixed + "\n--- became ---\n" + std::string(second.source->text());
  return std::nullopt;
}

std::optional<std::string> translate_pipeline(std::string_view bytes) {
  LoadError error;
  SourceFile file = SourceFile::from_bytes("fuzz.py", std::string(bytes), &error);
  if (!file.valid()) return std::nullopt;  // asynctranslate stops at the load error
  for (tr::Target target : {tr::Target::CSharp, tr::Target::Cpp}) {
    tr::TranslateOptions options;
    options.target = target;
    try {
      tr::TranslateResult r = tr::translate(file, options);
      if (r.syntax_error && r.diagnostics.empty()) return "a syntax error without a diagnostic";
    } catch (const std::exception& e) {
      return std::string("translate threw: ") + e.what();
    }
  }
  return std::nullopt;
}

}  // namespace asl::robustness
