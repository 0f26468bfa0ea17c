// Where a file sits in its package tree: `pkg/sub/mod.py` with __init__.py
// files in pkg/ and pkg/sub/ is module `pkg.sub.mod`; a file outside any
// package is a top-level module named after its stem (as a script's siblings are).
#pragma once

#include <string>
#include <unordered_map>

#include "core/semantic_model.h"

namespace asl {

class ModuleResolver {
 public:
  ModuleInfo module_for(const std::string& path);

 private:
  bool is_package_dir(const std::string& dir);
  std::unordered_map<std::string, bool> package_dirs_;  // cache: one stat per folder
};

}  // namespace asl
