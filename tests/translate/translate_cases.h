// Shared by the translation tests: the case directories and how to translate one.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/source_file.h"
#include "translate/translator.h"

namespace asl::tr::testing {

inline std::filesystem::path cases_dir() { return std::filesystem::path(ASYNCLINT_SOURCE_DIR) / "tests/translate/cases"; }

inline std::vector<std::string> case_names() {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(cases_dir()))
    if (std::filesystem::exists(e.path() / "input.py")) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
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

inline TranslateResult translate_case(const std::string& name) {
  LoadError e;
  auto path = cases_dir() / name / "input.py";
  SourceFile f = SourceFile::from_bytes("input.py", read_file(path), &e);
  TranslateOptions o;
  o.namespace_name = case_namespace(name);
  return translate(f, o);
}

}  // namespace asl::tr::testing
