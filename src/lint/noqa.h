// `# noqa` and `# noqa: CODE1,CODE2` comments, flake8/ruff syntax, per line.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "core/source_file.h"

namespace asl {

class NoqaMap {
 public:
  explicit NoqaMap(const SourceFile& file);
  NoqaMap() = default;
  bool suppresses(uint32_t line, const std::string& code) const;

  struct Entry {
    bool all = false;
    std::vector<std::string> codes;
  };
  // For the cache: the comments by line.
  const std::unordered_map<uint32_t, Entry>& lines() const { return lines_; }
  void set(uint32_t line, Entry e) { lines_[line] = std::move(e); }

 private:
  std::unordered_map<uint32_t, Entry> lines_;
};

}  // namespace asl
