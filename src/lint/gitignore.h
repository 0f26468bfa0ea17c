// .gitignore semantics for the directory walk, implemented rather than asked
// of `git check-ignore`: it works outside a work tree and without git
// installed, costs no process per directory, and is easy to test. Rules come
// from every .gitignore between the boundary (the work tree's root, or the
// walked folder outside a work tree) and the entry, plus .git/info/exclude;
// deeper files win, and within a file the last matching pattern wins
// (negation with `!`). As in git, a file inside an ignored folder cannot be
// re-included: the walk never enters that folder.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace asl {

struct GitignorePattern {
  std::string glob;       // relative to the .gitignore's folder when anchored
  bool negated = false;
  bool directory_only = false;
  bool anchored = false;  // contains a `/` other than a trailing one
};

// Parses one .gitignore file's text.
std::vector<GitignorePattern> parse_gitignore(std::string_view text);

// The verdict of one file's patterns on a path relative to its folder:
// +1 ignored, -1 re-included by a negation, 0 no pattern matched.
int gitignore_verdict(const std::vector<GitignorePattern>& patterns, std::string_view relative, bool is_dir);

class GitignoreMatcher {
 public:
  // `boundary`: where a walk starts; rules above it are used only when the
  // walk is inside a git work tree.
  bool ignored(const std::filesystem::path& path, bool is_dir, const std::filesystem::path& boundary);

 private:
  struct Rules {
    std::filesystem::path dir;
    std::vector<GitignorePattern> patterns;
  };
  const std::vector<GitignorePattern>& rules_in(const std::filesystem::path& dir);
  std::filesystem::path work_tree_root(const std::filesystem::path& dir);
  std::map<std::filesystem::path, std::vector<GitignorePattern>> cache_;
  std::map<std::filesystem::path, std::filesystem::path> roots_;
  std::map<std::filesystem::path, std::vector<GitignorePattern>> excludes_;
};

}  // namespace asl
