// The C++ side of the API table: rules/translate/cpp/*.toml, embedded at
// build time, maps entries and library types of rules/translate to C++20.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "translate/api_table.h"

namespace asl::tr::cpp {

struct CppCall {
  std::string python;
  std::vector<ArgTest> when;  // empty: every overload without a more specific mapping
  std::string context;
  std::string cpp;
  std::string file;
  uint32_t line = 0;
};

struct CppApiTable {
  std::map<const ApiEntry*, const CppCall*> calls;  // resolved for every entry that has one
  std::map<std::string, std::string> types;          // python type -> C++ spelling ({0}, {1}: type arguments)
  std::vector<CppCall> all;

  const CppCall* call(const ApiEntry* e) const;
  const std::string* type(const std::string& python) const;
};

// Loads the mapping documents and links them to `api`; false with `error` set
// (file:line: message) on a malformed file or a mapping that names no entry.
bool load_cpp_api(const ApiTable& api, const std::vector<std::pair<std::string, std::string>>& files,
                  CppApiTable& out, std::string* error);

// The mappings built into the binary, linked to builtin_api_table().
const CppApiTable& builtin_cpp_api();

}  // namespace asl::tr::cpp
