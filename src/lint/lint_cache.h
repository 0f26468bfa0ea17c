// The lint cache, two files in the cache folder:
//  - asynclint.cache: each file's results (findings, noqa comments, project
//    facts) keyed by its content hash, the tool version, the file's settings
//    and the project's shape (module names and async function names, on which
//    the facts depend);
//  - asynclint.run: the final results of the last whole run, keyed by its
//    inputs (paths, modules, settings) and valid while every file still has
//    the same stat stamp or, when the stamp moved, the same content (ruff
//    keys on mtime the same way). An unchanged tree is answered from it alone.
// A compact binary format, each record encoded once and framed with its
// length and a 64-bit checksum, verified before the record is used (the
// checksums are seeded with the file's kind, format version and salt, so a
// record is valid only where it was written). A corrupt or foreign cache, or
// record, is ignored, never trusted, and rewritten atomically.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "lint/linter.h"

namespace asl {

uint64_t content_hash(std::string_view bytes);

// 64-bit FNV-1a over several parts, for cache keys.
uint64_t combine_hash(uint64_t seed, std::string_view part);
inline uint64_t combine_hash(uint64_t seed, uint64_t part) {
  return combine_hash(seed, std::string_view(reinterpret_cast<const char*>(&part), sizeof part));
}

// The checksum of a cache record's bytes, seeded with what they belong to
// (the hash of the file's head, or of the record before).
uint64_t frame_checksum(uint64_t seed, std::string_view bytes);

// What stat says about a file: when any of it moves, the content may have.
// All zero: unknown, or too recent to trust (see LintCache::put_run).
struct FileStamp {
  uint64_t size = 0, mtime_ns = 0, ctime_ns = 0, ino = 0, dev = 0;
  bool operator==(const FileStamp&) const = default;
};

// The stamp of a file, or false when stat fails.
bool stamp_of(const std::string& path, FileStamp* stamp);

// Reads a file, taking its stamp before reading (a write during the read
// then shows as a newer stamp). Nothing when it cannot be read.
std::optional<std::string> read_stamped(const std::string& path, FileStamp* stamp);

class LintCache {
 public:
  // `dir`/asynclint.cache is loaded on first use; `salt` names what every key
  // must also depend on (tool version, catalog).
  LintCache(std::string dir, std::string salt);
  ~LintCache();
  LintCache(const LintCache&) = delete;
  LintCache& operator=(const LintCache&) = delete;
  // A result cached by an earlier run for `path` under `key`, or nothing.
  // Thread-safe, as is put.
  std::optional<FileResult> get(const std::string& path, uint64_t key) const;
  // Writes the result to the new cache file (which save puts in place).
  void put(const FileResult& result, uint64_t key);

  // The whole run's results (in the order of `paths`) when the last run had
  // the same key and the same files; stamps that moved are checked against
  // the content hashes.
  std::optional<std::vector<FileResult>> get_run(uint64_t key, const std::vector<std::string>& paths);
  // What a run learnt of a file from its content, so that the next run need
  // not read it while its stamp stays the same.
  struct RunFile {
    FileStamp stamp;
    uint64_t content = 0;
    bool may_hold_async = false;          // the runner's pre-filter (see mentions_async)
    std::vector<std::string> async_defs;  // names after `async def`
    // Whether it names one of the project's coroutine functions, under the
    // coroutine names that `scan_key` stands for.
    enum class Scan : uint8_t { Unknown, No, Yes } scan = Scan::Unknown;
  };
  // Records a whole run (results in input order). Stamps from less than two
  // seconds before `started_ns` (wall clock) are not kept: a write in the same
  // timestamp tick could go unseen, so such files are always re-hashed.
  void put_run(uint64_t key, const std::vector<std::string>& paths, std::vector<RunFile> files,
               const std::vector<FileResult>& results, uint64_t started_ns, uint64_t scan_key = 0);
  // After a get_run that missed: what the last run recorded of `path`, when
  // it trusted the stamp. While the file's stamp is the same, so is its content.
  const RunFile* prior(const std::string& path) const;
  uint64_t prior_scan_key() const { return prior_scan_key_; }

  // Writes what changed; errors are reported, not fatal.
  bool save(std::string* error);
  size_t hits() const { return hits_; }

 private:
  void load() const;
  std::string dir_, salt_;
  // Each file's head (kind, format, salt) and its hash, the checksums' seed.
  std::string head_;
  uint64_t seed_;
  std::string run_head_;
  uint64_t run_seed_;
  struct Entry {
    uint64_t key = 0;
    size_t offset = 0, size = 0;         // the encoded result, in buffer_
    size_t record = 0, record_size = 0;  // the whole verified frame, in buffer_
    bool fresh = false;                  // put in this run: in the new file only
  };
  mutable std::mutex mutex_;
  mutable bool loaded_ = false;
  mutable std::string buffer_;  // the cache file as read; entries point into it
  mutable std::unordered_map<std::string, Entry> entries_;
  // The new cache file, written as results come (renamed into place by save).
  std::unique_ptr<std::ofstream> out_;
  std::filesystem::path temp_;
  mutable size_t hits_ = 0;
  std::optional<std::string> run_;  // the encoded run record to write
  std::unordered_map<std::string, RunFile> prior_;
  uint64_t prior_scan_key_ = 0;
};

}  // namespace asl
