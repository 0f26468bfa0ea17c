// asynclint: finds async bugs in Python code. A thin front end over asl_lint.
#include <algorithm>
#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/lint_command.h"
#include "core/syntax.h"
#include "lint/rule_doc.h"
#include "lsp/server.h"

namespace {

using asl::cli::kClean;
using asl::cli::kError;

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
  if (argc > 1 && std::string_view(argv[1]) == "server") return asl::lsp::run_server(catalog, std::cin, std::cout);

  CLI::App app{"asynclint: finds async bugs in Python (blocking calls in async def, and more)", "asynclint"};
  app.set_version_flag("--version", std::string("asynclint ") + ASYNCLINT_VERSION);
  asl::cli::LintCommand cmd;
  cmd.version = ASYNCLINT_VERSION;
  std::vector<std::string> select, extend_select, ignore, extra_calls;
  std::string format_name = "concise";
  app.add_option("PATH", cmd.paths, "files or directories to lint; `-` reads standard input");
  // One value per occurrence (comma-separated), so `--select X file.py` leaves the file a path.
  app.add_option("--select", select, "rule codes or prefixes to enable (replaces the defaults)")
      ->delimiter(',')->allow_extra_args(false);
  app.add_option("--extend-select", extend_select, "rule codes or prefixes to enable as well")
      ->delimiter(',')->allow_extra_args(false);
  app.add_option("--ignore", ignore, "rule codes or prefixes to disable")
      ->delimiter(',')->allow_extra_args(false);
  app.add_option("--extra-blocking-call", extra_calls,
                 "NAME=REPLACEMENT: report calls to NAME in async functions as ASYNC200 (repeatable)")
      ->allow_extra_args(false);
  app.add_option("--config", cmd.config_file, "use this configuration file only (pyproject.toml or asynclint.toml)");
  app.add_flag("--isolated", cmd.isolated, "ignore all configuration files");
  app.add_flag("--show-settings", cmd.show_settings, "print the settings resolved for the first path, and exit");
  app.add_option("--stdin-filename", cmd.stdin_filename, "the name to report for standard input");
  app.add_option("--output-format", format_name, asl::kOutputFormatNames);
  app.add_flag("--fix", cmd.fix, "apply safe fixes, rewriting the files");
  app.add_flag("--unsafe-fixes", cmd.unsafe_fixes, "apply (with --fix / --diff) and count unsafe fixes too");
  app.add_flag("--diff", cmd.diff, "print the fixes as a unified diff instead of applying them (exit 1 if any)");
  app.add_flag("--statistics", cmd.statistics, "print the number of findings per rule code");
  app.add_option("--threads", cmd.threads, "files linted at once (default: one per core)")->check(CLI::Range(0u, 1024u));
  app.add_flag("--no-cache", cmd.no_cache, "neither read nor write the cache");
  app.add_option("--cache-dir", cmd.cache_dir, "where the cache lives (default: .asynclint_cache, or $ASYNCLINT_CACHE_DIR)");
  app.add_flag("--exit-zero", cmd.exit_zero, "exit 0 even when there are findings");
  app.add_flag("-q,--quiet", cmd.quiet, "print diagnostics only, no summary");
  app.add_flag("--show-files", cmd.show_files, "list the files that would be linted, and exit");
  app.footer("Explain a rule: asynclint rule CODE | asynclint rule --all\n"
             "Language server on stdio: asynclint server\n"
             "Exit status: 0 no findings, 1 findings, 2 usage or I/O error.");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? asl::cli::kClean : asl::cli::kError;
  }

  cmd.overrides.select = split_codes(select);
  cmd.overrides.extend_select = split_codes(extend_select);
  cmd.overrides.ignore = split_codes(ignore);
  asl::RuleSelection probe{cmd.overrides.select, cmd.overrides.extend_select, cmd.overrides.ignore};
  if (auto unknown = probe.unknown_codes(catalog); !unknown.empty()) {
    std::cerr << fmt::format("asynclint: error: unknown rule selector `{}`\n", unknown.front());
    return asl::cli::kError;
  }
  for (const auto& e : extra_calls) {
    auto eq = e.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == e.size()) {
      std::cerr << fmt::format("asynclint: error: --extra-blocking-call wants NAME=REPLACEMENT, got `{}`\n", e);
      return asl::cli::kError;
    }
    cmd.overrides.extra_blocking_calls.emplace_back(e.substr(0, eq), e.substr(eq + 1));
  }
  if (!asl::parse_output_format(format_name, cmd.format)) {
    std::cerr << fmt::format("asynclint: error: unknown output format `{}`\n", format_name);
    return asl::cli::kError;
  }
  if (cmd.isolated && !cmd.config_file.empty()) {
    std::cerr << "asynclint: error: --config and --isolated exclude each other\n";
    return asl::cli::kError;
  }
  asl::python_language();  // fails early, with an explanation, on a grammar/runtime ABI mismatch
  return asl::cli::run_lint(catalog, cmd);
} catch (const asl::ConfigException& e) {
  // Every error of a configuration file, by position.
  for (const auto& error : e.errors) std::cerr << "asynclint: error: " << error.str() << "\n";
  return asl::cli::kError;
} catch (const std::exception& e) {
  std::cerr << "asynclint: error: " << e.what() << "\n";
  return asl::cli::kError;
}
