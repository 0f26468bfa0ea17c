// Shared by the translation tests: the case directories and how to translate one.
#pragma once

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/source_file.h"
#include "translate/translator.h"

namespace asl::tr::testing {

inline std::filesystem::path cases_dir() { return std::filesystem::path(ASYNCLINT_SOURCE_DIR) / "tests/translate/cases"; }

// Ordinary programs compiled and run on both targets, without golden files:
// the suite that says whether translation works on code written as users write it.
inline std::filesystem::path programs_dir() { return std::filesystem::path(ASYNCLINT_SOURCE_DIR) / "tests/translate/programs"; }

inline std::vector<std::string> names_in(const std::filesystem::path& dir) {
  std::vector<std::string> out;
  if (!std::filesystem::exists(dir)) return out;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (std::filesystem::exists(e.path() / "input.py")) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

// The cases with golden files.
inline std::vector<std::string> case_names() { return names_in(cases_dir()); }

// Everything the compile-and-run tests build: the golden cases and the programs.
inline std::vector<std::string> run_case_names() {
  std::vector<std::string> out = case_names();
  for (auto& n : names_in(programs_dir())) out.push_back(n);
  std::sort(out.begin(), out.end());
  return out;
}

inline std::filesystem::path case_input(const std::string& name) {
  auto golden = cases_dir() / name / "input.py";
  return std::filesystem::exists(golden) ? golden : programs_dir() / name / "input.py";
}

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Each case gets its own namespace, so that all of them build as one program.
inline std::string case_namespace(const std::string& name) {
  std::string out = "Cases.";
  bool upper = true;
  for (char c : name) {
    if (c == '_') { upper = true; continue; }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out;
}

// Programs that stop at a located diagnostic today, per target: lines of
// `TARGET NAME LINE:COL: WHAT` in programs/known_gaps.txt. The run tests check
// that such a program still stops exactly there (a diagnostic, never a silent
// failure) and fail once it translates, so the list shrinks on purpose only.
inline std::map<std::string, std::string> known_gaps(const std::string& target) {
  std::map<std::string, std::string> out;
  std::ifstream in(programs_dir() / "known_gaps.txt");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t a = line.find(' '), b = line.find(' ', a + 1);
    if (a == std::string::npos || b == std::string::npos || line.substr(0, a) != target) continue;
    out[line.substr(a + 1, b - a - 1)] = line.substr(b + 1);
  }
  return out;
}

inline std::string first_diagnostic(const TranslateResult& r) {
  if (r.diagnostics.empty()) return {};
  const auto& d = r.diagnostics.front();
  return std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column) + ": " + d.what;
}

inline TranslateResult translate_case(const std::string& name) {
  LoadError e;
  auto path = case_input(name);
  SourceFile f = SourceFile::from_bytes("input.py", read_file(path), &e);
  TranslateOptions o;
  o.namespace_name = case_namespace(name);
  return translate(f, o);
}

}  // namespace asl::tr::testing
