// Turns command-line paths into the list of Python files to lint.
#pragma once

#include <string>
#include <vector>

namespace asl {

struct Discovery {
  std::vector<std::string> files;    // sorted, unique
  std::vector<std::string> missing;  // named paths that do not exist
};

// Directories are walked recursively for *.py / *.pyi, skipping hidden folders,
// caches, virtual environments and node_modules; a path named explicitly is
// always taken. Symlinked directories are not followed (no loops).
Discovery discover_files(const std::vector<std::string>& paths);

bool is_excluded_directory(const std::string& name);

}  // namespace asl
