// asynctranslate: translates Python asyncio programs to C# or C++20. A thin front end
// over asl_translate.
#include <fstream>
#include <iostream>
#include <iterator>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/diagnostic_json.h"
#include "core/source_file.h"
#include "core/syntax.h"
#include "translate/cpp/cmake_project.h"
#include "translate/translator.h"

namespace {

enum Exit { kOk = 0, kUnsupported = 1, kError = 2 };

// Text: `file:line:col: unsupported: what`, one a line. JSON: an array in
// asynclint's JSON shape (ruff's field names), codes from translate/diagnostics.h;
// the end is the start where the translator knows only that.
void print_diagnostics(std::ostream& os, const std::string& path,
                       const std::vector<asl::tr::TranslateDiagnostic>& diags, bool json) {
  if (json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& td : diags) {
      asl::Diagnostic d;
      d.code = td.code;
      d.message = "unsupported: " + td.what;
      d.start = {td.pos.line, td.pos.column};
      d.end = td.end.line ? asl::Location{td.end.line, td.end.column} : d.start;
      out.push_back(asl::diagnostic_json(path, d, nullptr));
    }
    os << out.dump(2) << "\n";
    return;
  }
  for (const auto& d : diags) os << fmt::format("{}:{}:{}: unsupported: {}\n", path, d.pos.line, d.pos.column, d.what);
}

}  // namespace

int main(int argc, char** argv) try {
  CLI::App app{"asynctranslate: translates Python asyncio programs to C# or C++20 (Boost.Asio)", "asynctranslate"};
  app.set_version_flag("--version", std::string("asynctranslate ") + ASYNCLINT_VERSION);
  std::string input, output, target = "cs", format = "text", ns, stdin_filename;
  bool allow_partial = false, emit_cmake = false;
  app.add_option("FILE", input, "Python file to translate; `-` reads standard input")->required();
  app.add_option("--to", target, "target language: cs (C#) or cpp (C++20 with Boost.Asio and fmt)");
  app.add_option("-o,--output", output, "write the translation here instead of standard output");
  app.add_option("--namespace", ns, "put the generated code in this C# namespace");
  app.add_flag("--allow-partial", allow_partial,
               "write the translation even with unsupported constructs, each left as a TODO comment (exit 0)");
  app.add_flag("--emit-cmake", emit_cmake,
               "with --to=cpp and -o: also write a CMakeLists.txt beside the output that builds it");
  app.add_option("--output-format", format,
                 "diagnostics format: text or json (asynclint's JSON shape; on standard output with -o FILE, "
                 "else on standard error)");
  app.add_option("--stdin-filename", stdin_filename, "the name to report for standard input (`-`)");
  app.footer("Exit status: 0 translated, 1 unsupported constructs, 2 usage or I/O error.");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kOk : kError;
  }
  if (format != "text" && format != "json") {
    std::cerr << fmt::format("asynctranslate: error: unknown output format `{}` (text or json)\n", format);
    return kError;
  }
  asl::tr::TranslateOptions options;
  if (target == "cpp") options.target = asl::tr::Target::Cpp;
  if (emit_cmake && (target != "cpp" || output.empty() || output == "-")) {
    std::cerr << "asynctranslate: error: --emit-cmake needs --to=cpp and -o FILE\n";
    return kError;
  }
  if (target != "cs" && target != "cpp") {
    std::cerr << fmt::format("asynctranslate: error: unknown target `{}` (cs or cpp)\n", target);
    return kError;
  }
  options.namespace_name = ns;

  asl::python_language();  // fails early, with an explanation, on a grammar/runtime ABI mismatch
  asl::LoadError error;
  std::optional<asl::SourceFile> file;
  std::string shown = input;
  if (input == "-") {
    std::string bytes((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    shown = stdin_filename.empty() ? "<stdin>" : stdin_filename;
    file = asl::SourceFile::from_bytes(shown, std::move(bytes), &error);
    if (!file->valid()) file.reset();
  } else {
    file = asl::SourceFile::read(input, &error);
  }
  if (!file) {
    std::string where = error.where ? fmt::format(":{}:{}", error.where->line, error.where->column) : "";
    std::cerr << fmt::format("asynctranslate: error: {}{}: {}\n", shown, where, error.message);
    return kError;
  }

  asl::tr::TranslateResult result = asl::tr::translate(*file, options);
  // Diagnostics go to standard error, except JSON when the translation goes
  // to a file: standard output is then free for tools to read it.
  bool to_file = !output.empty() && output != "-";
  bool json = format == "json";
  print_diagnostics(json && to_file ? std::cout : std::cerr, shown, result.diagnostics, json);
  if (result.syntax_error) return kUnsupported;
  if (!result.diagnostics.empty() && !allow_partial) return kUnsupported;
  if (output.empty() || output == "-") {
    std::cout << result.code;
  } else {
    std::ofstream out(output, std::ios::binary);
    out << result.code;
    if (!out) {
      std::cerr << fmt::format("asynctranslate: error: cannot write {}\n", output);
      return kError;
    }
    if (emit_cmake && !asl::tr::write_cmake_project(output)) {
      std::cerr << fmt::format("asynctranslate: error: cannot write CMakeLists.txt beside {}\n", output);
      return kError;
    }
  }
  return kOk;
} catch (const std::exception& e) {
  std::cerr << "asynctranslate: error: " << e.what() << "\n";
  return kError;
}
