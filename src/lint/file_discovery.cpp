#include "lint/file_discovery.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <system_error>

namespace fs = std::filesystem;

namespace asl {

bool is_excluded_directory(const std::string& name) {
  static constexpr std::array<std::string_view, 9> kExcluded = {
      "__pycache__", "node_modules", "venv", "site-packages", "__pypackages__",
      "_build", "buck-out", "dist", "build"};
  if (name.size() > 1 && name[0] == '.') return true;  // .git, .venv, .tox, .mypy_cache...
  return std::find(kExcluded.begin(), kExcluded.end(), name) != kExcluded.end();
}

namespace {
bool is_python(const fs::path& p) {
  return p.extension() == ".py" || p.extension() == ".pyi" || p.extension() == ".ipynb";
}

bool is_virtualenv(const fs::path& dir) {
  std::error_code ec;
  return fs::exists(dir / "pyvenv.cfg", ec);
}
}  // namespace

Discovery discover_files(const std::vector<std::string>& paths, const WalkFilter& skip) {
  Discovery d;
  for (const std::string& p : paths) {
    std::error_code ec;
    fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
      // A dangling symlink or unreadable entry is still a named file: report it when read.
      if (fs::is_symlink(fs::symlink_status(p, ec))) d.files.push_back(p);
      else d.missing.push_back(p);
      continue;
    }
    if (!fs::is_directory(st)) {
      d.files.push_back(p);
      continue;
    }
    fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      const fs::directory_entry& e = *it;
      std::error_code e2;
      if (e.is_directory(e2)) {
        bool excluded = skip ? skip(e.path(), true, p) : is_excluded_directory(e.path().filename().string());
        if (e.is_symlink(e2) || excluded || is_virtualenv(e.path())) it.disable_recursion_pending();
        continue;
      }
      // A symlink is taken when it leads to a regular file, or nowhere (dangling,
      // a loop: reported when read); never to a FIFO, where reading would block.
      bool broken_link = e.is_symlink(e2) && !fs::exists(e.status(e2));
      if (is_python(e.path()) && (e.is_regular_file(e2) || broken_link) && !(skip && skip(e.path(), false, p))) {
        std::string s = e.path().string();
        d.files.push_back(s);
      }
    }
  }
  std::sort(d.files.begin(), d.files.end());
  d.files.erase(std::unique(d.files.begin(), d.files.end()), d.files.end());
  return d;
}

}  // namespace asl
