// asynctranslate: translates Python asyncio programs to C# or C++20. A thin front end
// over asl_translate.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/diagnostic_json.h"
#include "core/source_file.h"
#include "core/syntax.h"
#include "translate/cpp/cmake_project.h"
#include "translate/cs/dotnet_project.h"
#include "translate/package_translator.h"
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

// A package: every module's diagnostics, by file; the project written to `out_dir`.
int translate_package(const std::string& dir, const std::string& out_dir, const asl::tr::TranslateOptions& options,
                      bool json, bool allow_partial) {
  asl::tr::PackageResult r = asl::tr::translate_package(dir, options);
  std::ostream& diag_out = json ? std::cout : std::cerr;
  nlohmann::json all = nlohmann::json::array();
  for (size_t i = 0; i < r.diagnostics.size();) {
    size_t j = i;
    std::vector<asl::tr::TranslateDiagnostic> same;
    for (; j < r.diagnostics.size() && r.diagnostics[j].path == r.diagnostics[i].path; ++j) same.push_back(r.diagnostics[j].d);
    std::ostringstream os;
    print_diagnostics(os, r.diagnostics[i].path, same, json);
    if (json)
      for (auto& d : nlohmann::json::parse(os.str())) all.push_back(d);
    else
      diag_out << os.str();
    i = j;
  }
  if (json) diag_out << all.dump(2) << "\n";
  bool syntax = std::any_of(r.diagnostics.begin(), r.diagnostics.end(),
                            [](const auto& d) { return d.d.code == asl::tr::kSyntaxErrorCode; });
  if (r.files.empty() || syntax || (!r.diagnostics.empty() && !allow_partial)) return kUnsupported;
  namespace fs = std::filesystem;
  for (const auto& f : r.files) {
    fs::path p = fs::path(out_dir) / f.path;
    std::error_code ec;
    fs::create_directories(p.parent_path(), ec);
    std::ofstream out(p, std::ios::binary);
    out << f.text;
    if (!out) {
      std::cerr << fmt::format("asynctranslate: error: cannot write {}\n", p.string());
      return kError;
    }
  }
  return kOk;
}

}  // namespace

int main(int argc, char** argv) try {
  CLI::App app{"asynctranslate: translates Python asyncio programs to C# or C++20 (Boost.Asio)", "asynctranslate"};
  app.set_version_flag("--version", std::string("asynctranslate ") + ASYNCLINT_VERSION);
  std::string input, output, target = "cs", format = "text", ns, stdin_filename;
  bool allow_partial = false, emit_cmake = false, emit_csproj = false;
  app.add_option("FILE", input,
                 "Python file to translate; `-` reads standard input; a package's folder translates the package "
                 "(with -o OUT_DIR)")
      ->required();
  app.add_option("--to", target, "target language: cs (C#) or cpp (C++20 with Boost.Asio and fmt)");
  app.add_option("-o,--output", output, "write the translation here instead of standard output");
  app.add_option("--namespace", ns, "put the generated code in this C# namespace");
  app.add_flag("--allow-partial", allow_partial,
               "write the translation even with unsupported constructs, each left as a TODO comment (exit 0)");
  app.add_flag("--emit-cmake", emit_cmake,
               "with --to=cpp and -o: also write a CMakeLists.txt beside the output that builds it");
  app.add_flag("--emit-csproj", emit_csproj,
               "with --to=cs and -o: also write a .csproj beside the output that builds and runs it");
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
  if (emit_csproj && (target != "cs" || output.empty() || output == "-")) {
    std::cerr << "asynctranslate: error: --emit-csproj needs --to=cs and -o FILE\n";
    return kError;
  }
  if (input != "-" && std::filesystem::is_directory(input)) {
    if (output.empty() || output == "-" || emit_cmake || emit_csproj) {
      std::cerr << "asynctranslate: error: a package translates into a folder: -o OUT_DIR (the project file is "
                   "always written)\n";
      return kError;
    }
    asl::python_language();
    return translate_package(input, output, options, format == "json", allow_partial);
  }

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
    if (emit_csproj) {
      std::filesystem::path csproj = std::filesystem::path(output).replace_extension(".csproj");
      std::ofstream p(csproj, std::ios::binary);
      p << asl::tr::dotnet_project(csproj.stem().string());
      if (!p) {
        std::cerr << fmt::format("asynctranslate: error: cannot write {}\n", csproj.string());
        return kError;
      }
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
