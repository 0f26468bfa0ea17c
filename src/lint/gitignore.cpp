#include "lint/gitignore.h"

#include <fstream>
#include <sstream>
#include <system_error>

#include "lint/glob.h"

namespace fs = std::filesystem;

namespace asl {

std::vector<GitignorePattern> parse_gitignore(std::string_view text) {
  std::vector<GitignorePattern> out;
  size_t b = 0;
  while (b < text.size()) {
    size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    std::string line(text.substr(b, e - b));
    b = e + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    // Trailing spaces are dropped unless escaped with a backslash.
    while (!line.empty() && line.back() == ' ' && !(line.size() >= 2 && line[line.size() - 2] == '\\')) line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    GitignorePattern p;
    if (line[0] == '!') {
      p.negated = true;
      line.erase(0, 1);
    } else if (line[0] == '\\' && line.size() > 1 && (line[1] == '#' || line[1] == '!')) {
      line.erase(0, 1);
    }
    if (!line.empty() && line.back() == '/') {
      p.directory_only = true;
      line.pop_back();
    }
    if (line.empty()) continue;
    p.anchored = line.find('/') != std::string::npos;
    if (line[0] == '/') line.erase(0, 1);
    p.glob = std::move(line);
    out.push_back(std::move(p));
  }
  return out;
}

int gitignore_verdict(const std::vector<GitignorePattern>& patterns, std::string_view relative, bool is_dir) {
  std::string_view name = relative.substr(relative.rfind('/') == std::string_view::npos ? 0 : relative.rfind('/') + 1);
  for (auto it = patterns.rbegin(); it != patterns.rend(); ++it) {
    if (it->directory_only && !is_dir) continue;
    bool hit = it->anchored ? glob_match(it->glob, relative) : glob_match(it->glob, name);
    if (hit) return it->negated ? -1 : 1;
  }
  return 0;
}

namespace {
std::vector<GitignorePattern> read_patterns(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return {};
  std::stringstream s;
  s << in.rdbuf();
  return parse_gitignore(s.str());
}
}  // namespace

const std::vector<GitignorePattern>& GitignoreMatcher::rules_in(const fs::path& dir) {
  auto it = cache_.find(dir);
  if (it == cache_.end()) it = cache_.emplace(dir, read_patterns(dir / ".gitignore")).first;
  return it->second;
}

fs::path GitignoreMatcher::work_tree_root(const fs::path& dir) {
  auto it = roots_.find(dir);
  if (it != roots_.end()) return it->second;
  std::error_code ec;
  fs::path root;
  if (fs::exists(dir / ".git", ec)) root = dir;
  else if (dir.has_parent_path() && dir.parent_path() != dir) root = work_tree_root(dir.parent_path());
  roots_[dir] = root;
  return root;
}

bool GitignoreMatcher::ignored(const fs::path& path, bool is_dir, const fs::path& boundary) {
  std::error_code ec;
  fs::path abs = fs::absolute(path, ec).lexically_normal();
  fs::path top = fs::absolute(boundary, ec).lexically_normal();
  if (!top.empty() && top.filename().empty()) top = top.parent_path();  // "dir/" -> "dir"
  fs::path root = work_tree_root(abs.parent_path());
  if (!root.empty()) top = root;
  // Folders from the path's own up to the top: the deepest verdict wins.
  for (fs::path dir = abs.parent_path();; dir = dir.parent_path()) {
    std::string rel = abs.lexically_relative(dir).generic_string();
    if (int v = gitignore_verdict(rules_in(dir), rel, is_dir)) return v > 0;
    if (dir == top || !dir.has_parent_path() || dir.parent_path() == dir) break;
  }
  if (!root.empty()) {
    auto ex = excludes_.find(root);
    if (ex == excludes_.end()) ex = excludes_.emplace(root, read_patterns(root / ".git/info/exclude")).first;
    std::string rel = abs.lexically_relative(root).generic_string();
    return gitignore_verdict(ex->second, rel, is_dir) > 0;
  }
  return false;
}

}  // namespace asl
