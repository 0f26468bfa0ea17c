// Turns command-line paths into the list of Python files to lint.
#pragma once

#include <filesystem>
#include <functional>
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
// `skip`, when given, replaces the default folder exclusions: it is asked
// about every walked file and folder (never about a named path) with the
// folder the walk started from.
using WalkFilter = std::function<bool(const std::filesystem::path& entry, bool is_dir,
                                      const std::filesystem::path& walk_root)>;
Discovery discover_files(const std::vector<std::string>& paths, const WalkFilter& skip = {});

bool is_excluded_directory(const std::string& name);

}  // namespace asl
