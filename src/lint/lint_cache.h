// The lint cache: a file's results (findings, noqa comments, project facts)
// keyed by its content hash, the tool version, the file's settings and the
// project's shape (module names and async function names, on which the facts
// depend). Stored as one MessagePack file; a corrupt or foreign cache is
// ignored, never trusted, and rewritten atomically.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "lint/linter.h"

namespace asl {

uint64_t content_hash(std::string_view bytes);

class LintCache {
 public:
  // Loads `dir`/asynclint.cache if it exists and is ours; `salt` names what
  // every key must also depend on (tool version, catalog).
  LintCache(std::string dir, std::string salt);
  // A cached result for `path` under `key`, or nothing.
  std::optional<FileResult> get(const std::string& path, uint64_t key) const;
  void put(const FileResult& result, uint64_t key);
  // Writes the cache if anything changed; errors are reported, not fatal.
  bool save(std::string* error);
  size_t hits() const { return hits_; }

 private:
  std::string dir_, salt_;
  struct Entry {
    uint64_t key = 0;
    std::string blob;  // MessagePack of the FileResult
  };
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  bool dirty_ = false;
  mutable size_t hits_ = 0;
};

// 64-bit FNV-1a over several parts, for cache keys.
uint64_t combine_hash(uint64_t seed, std::string_view part);

}  // namespace asl
