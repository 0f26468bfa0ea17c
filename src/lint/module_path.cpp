#include "lint/module_path.h"

#include <filesystem>
#include <system_error>
#include <vector>

namespace fs = std::filesystem;

namespace asl {

bool ModuleResolver::is_package_dir(const std::string& dir) {
  auto it = package_dirs_.find(dir);
  if (it != package_dirs_.end()) return it->second;
  std::error_code ec;
  bool yes = fs::exists(fs::path(dir) / "__init__.py", ec);
  package_dirs_[dir] = yes;
  return yes;
}

ModuleInfo ModuleResolver::module_for(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::absolute(path, ec).lexically_normal();
  std::string stem = p.stem().string();
  ModuleInfo info;
  info.is_package = stem == "__init__";
  std::vector<std::string> parts;
  if (!info.is_package) parts.push_back(stem);
  fs::path dir = p.parent_path();
  for (int depth = 0; depth < 64 && !dir.empty() && dir != dir.root_path(); ++depth) {
    if (!is_package_dir(dir.string())) break;
    parts.push_back(dir.filename().string());
    dir = dir.parent_path();
  }
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
    // A name that is not an identifier cannot be imported: the file is not a module.
    for (char c : *it) {
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || static_cast<unsigned char>(c) >= 0x80)) return {};
    }
    info.name += (info.name.empty() ? "" : ".") + *it;
  }
  return info;
}

}  // namespace asl
