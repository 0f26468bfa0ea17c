// asynclint: finds async bugs in Python code. A thin front end over asl_lint.
#include <cstdio>
#include <iostream>
#include <iterator>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "core/syntax.h"
#include "lint/file_discovery.h"
#include "lint/linter.h"
#include "lint/output.h"
#include "lint/rule_doc.h"

namespace {

enum Exit { kClean = 0, kFindings = 1, kError = 2 };

std::vector<std::string> split_codes(const std::vector<std::string>& in) {
  std::vector<std::string> out;
  for (const auto& s : in) {
    size_t b = 0;
    while (b <= s.size()) {
      size_t e = s.find(',', b);
      if (e == std::string::npos) e = s.size();
      std::string c = s.substr(b, e - b);
      while (!c.empty() && c.front() == ' ') c.erase(0, 1);
      while (!c.empty() && c.back() == ' ') c.pop_back();
      if (!c.empty()) out.push_back(c);
      b = e + 1;
    }
  }
  return out;
}

int rule_command(const asl::Catalog& catalog, int argc, char** argv) {
  CLI::App app{"Explain a rule", "asynclint rule"};
  std::string code;
  bool all = false, table = false;
  app.add_option("CODE", code, "rule code or name, e.g. ASYNC251");
  app.add_flag("--all", all, "explain every rule");
  app.add_flag("--table", table, "print the rule table (Markdown)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kClean : kError;
  }
  if (table) {
    std::cout << asl::render_rule_table(catalog);
    return kClean;
  }
  if (all) {
    std::vector<const asl::Rule*> rules;
    for (const auto& r : catalog.rules) rules.push_back(&r);
    std::sort(rules.begin(), rules.end(), [](auto* a, auto* b) { return a->code < b->code; });
    for (size_t i = 0; i < rules.size(); ++i) std::cout << (i ? "\n" : "") << asl::render_rule_doc(*rules[i]);
    return kClean;
  }
  const asl::Rule* r = code.empty() ? nullptr : catalog.find(code);
  if (!r) {
    std::cerr << fmt::format("asynclint: error: unknown rule `{}` (see `asynclint rule --all`)\n", code);
    return kError;
  }
  std::cout << asl::render_rule_doc(*r);
  return kClean;
}

}  // namespace

int main(int argc, char** argv) try {
  const asl::Catalog& catalog = asl::builtin_catalog();
  if (argc > 1 && std::string_view(argv[1]) == "rule") return rule_command(catalog, argc - 1, argv + 1);

  CLI::App app{"asynclint: finds async bugs in Python (blocking calls in async def, and more)", "asynclint"};
  app.set_version_flag("--version", std::string("asynclint ") + ASYNCLINT_VERSION);
  std::vector<std::string> paths, select, extend_select, ignore;
  std::string stdin_filename = "-", format_name = "concise";
  bool exit_zero = false, quiet = false, show_files = false;
  app.add_option("PATH", paths, "files or directories to lint; `-` reads standard input");
  app.add_option("--select", select, "rule codes or prefixes to enable (replaces the defaults)")->delimiter(',');
  app.add_option("--extend-select", extend_select, "rule codes or prefixes to enable as well")->delimiter(',');
  app.add_option("--ignore", ignore, "rule codes or prefixes to disable")->delimiter(',');
  app.add_option("--stdin-filename", stdin_filename, "the name to report for standard input");
  app.add_option("--output-format", format_name, "concise, json, json-lines or github");
  app.add_flag("--exit-zero", exit_zero, "exit 0 even when there are findings");
  app.add_flag("-q,--quiet", quiet, "print diagnostics only, no summary");
  app.add_flag("--show-files", show_files, "list the files that would be linted, and exit");
  app.footer("Explain a rule: asynclint rule CODE | asynclint rule --all\n"
             "Exit status: 0 no findings, 1 findings, 2 usage or I/O error.");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kClean : kError;
  }

  asl::RuleSelection selection{split_codes(select), split_codes(extend_select), split_codes(ignore)};
  if (auto unknown = selection.unknown_codes(catalog); !unknown.empty()) {
    std::cerr << fmt::format("asynclint: error: unknown rule selector `{}`\n", unknown.front());
    return kError;
  }
  asl::ReportOptions report;
  if (!asl::parse_output_format(format_name, report.format)) {
    std::cerr << fmt::format("asynclint: error: unknown output format `{}`\n", format_name);
    return kError;
  }
  report.quiet = quiet;
  report.color = report.format == asl::OutputFormat::Concise && isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");

  asl::python_language();  // fails early, with an explanation, on a grammar/runtime ABI mismatch
  asl::Linter linter(catalog, selection);
  std::vector<asl::FileResult> results;
  bool io_error = false;

  bool use_stdin = paths.size() == 1 && paths[0] == "-";
  if (paths.empty()) paths.push_back(".");
  if (use_stdin) {
    std::string bytes((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    results.push_back(linter.lint_bytes(stdin_filename, std::move(bytes)));
  } else {
    asl::Discovery found = asl::discover_files(paths);
    for (const auto& m : found.missing) {
      std::cerr << fmt::format("asynclint: error: {}: No such file or directory\n", m);
      io_error = true;
    }
    if (show_files) {
      for (const auto& f : found.files) std::cout << f << "\n";
      return io_error ? kError : kClean;
    }
    for (const auto& f : found.files) results.push_back(linter.lint_path(f));
  }

  size_t findings = 0;
  for (auto& r : results) {
    if (r.error) {
      std::cerr << fmt::format("asynclint: error: {}: {}\n", r.path, *r.error);
      io_error = true;
    }
    findings += r.diagnostics.size();
  }
  std::sort(results.begin(), results.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  asl::write_report(std::cout, results, report);
  std::cout.flush();
  if (io_error) return kError;
  return findings > 0 && !exit_zero ? kFindings : kClean;
} catch (const std::exception& e) {
  std::cerr << "asynclint: error: " << e.what() << "\n";
  return kError;
}
