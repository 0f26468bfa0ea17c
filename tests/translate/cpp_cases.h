// Shared by the C++ translation tests: how a case translates to C++, and the
// cases the C++ backend does not translate yet (each with the reason).
#pragma once

#include <map>
#include <string>

#include "translate/cpp/cpp_api_table.h"
#include "translate_cases.h"

namespace asl::tr::testing {

inline TranslateResult translate_case_cpp(const std::string& name) {
  LoadError e;
  auto path = case_input(name);
  SourceFile f = SourceFile::from_bytes("input.py", read_file(path), &e);
  TranslateOptions o;
  o.target = Target::Cpp;
  return translate(f, o);
}

// Known gaps: the translation reports these constructs as unsupported.
inline const std::map<std::string, std::string>& cpp_unsupported_cases() {
  static const std::map<std::string, std::string> cases = {
  };
  return cases;
}

}  // namespace asl::tr::testing
