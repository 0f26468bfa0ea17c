// The lint cache: a warm run gives the same output, from the whole-run entry
// when nothing changed; a file edited (even behind an unchanged mtime and
// size), added, removed or renamed, or changed settings, give what a run
// without the cache gives; a corrupt or foreign cache is ignored.
#include <gtest/gtest.h>

#include "lint/lint_cache.h"
#include "lint/project_runner.h"
#include "rules/catalog.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

std::string run(const std::string& args, const std::string& env = "") {
  std::string cmd = env + std::string(ASYNCLINT_BINARY) + " " + args + " 2>&1";
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  pclose(p);
  return out;
}

struct Tree {
  fs::path root = fs::temp_directory_path() / ("asynclint_cache_" + std::to_string(::getpid()));
  Tree() {
    fs::remove_all(root);
    fs::create_directories(root / "pkg");
    write("pkg/__init__.py", "");
    write("pkg/io_helpers.py", "def load(p):\n    with open(p) as f:\n        return f.read()\n");
    write("pkg/app.py", "import time\nfrom pkg.io_helpers import load\n\nasync def handler(p):\n    time.sleep(1)\n    return load(p)\n");
  }
  ~Tree() { fs::remove_all(root); }
  void write(const std::string& rel, const std::string& text) const { std::ofstream(root / rel) << text; }
  std::string lint(const std::string& extra = "") const {
    return run("--cache-dir " + (root / "cache").string() + " " + extra + " " + (root / "pkg").string());
  }
  // Stats and timings go to standard error, the report to standard output: both, minus the timings.
  std::string lint_with_stats(const std::string& extra = "") const {
    std::string out = run("--cache-dir " + (root / "cache").string() + " " + extra + " " + (root / "pkg").string(),
                          "ASYNCLINT_PARSE_STATS=1 ");
    std::string kept;
    for (size_t at = 0; at < out.size();) {
      size_t end = out.find('\n', at);
      end = end == std::string::npos ? out.size() : end + 1;
      std::string_view line(out.data() + at, end - at);
      if (!line.starts_with("asynclint: ") || line.starts_with("asynclint: parsed")) kept.append(line);
      at = end;
    }
    return kept;
  }
  std::string uncached() const { return run("--no-cache " + (root / "pkg").string()); }
  // Old enough for the cache to trust its stat stamp (recent ones it re-hashes).
  void age(const std::string& rel) const {
    fs::last_write_time(root / rel, fs::file_time_type::clock::now() - std::chrono::hours(1));
  }
  void age_all() const {
    for (const auto& e : fs::directory_iterator(root / "pkg"))
      if (e.is_regular_file()) age(fs::relative(e.path(), root).string());
  }
};

bool answered_from_run_entry(const std::string& stats_out) {
  return stats_out.find("parsed 0 of") != std::string::npos && stats_out.find("from the cache") != std::string::npos;
}

TEST(Cache, WarmRunEqualsColdRun) {
  Tree t;
  std::string cold = t.lint();
  EXPECT_NE(cold.find("ASYNC251"), std::string::npos) << cold;
  EXPECT_NE(cold.find("AL210"), std::string::npos) << cold;  // the project phase runs on cached facts too
  EXPECT_TRUE(fs::exists(t.root / "cache" / "asynclint.cache"));
  EXPECT_EQ(t.lint(), cold);
  EXPECT_EQ(t.lint("--no-cache"), cold);
}

TEST(Cache, ChangedFileIsLintedAgain) {
  Tree t;
  t.lint();
  t.write("pkg/io_helpers.py", "def load(p):\n    return p\n");
  std::string after = t.lint();
  EXPECT_EQ(after.find("AL210"), std::string::npos) << after;
  EXPECT_NE(after.find("ASYNC251"), std::string::npos) << after;
}

TEST(Cache, CorruptOrForeignCacheIsIgnored) {
  Tree t;
  std::string cold = t.lint();
  for (const char* name : {"asynclint.cache", "asynclint.run"}) {
    std::ofstream(t.root / "cache" / name, std::ios::binary | std::ios::trunc) << "\x92\xff garbage";
    EXPECT_EQ(t.lint(), cold);
    // A foreign header, then one that claims more than the file holds.
    std::ofstream(t.root / "cache" / name, std::ios::binary | std::ios::trunc)
        << "\x0f" "asynclint-other\x02\x01x\x00";
    EXPECT_EQ(t.lint(), cold);
    std::ofstream(t.root / "cache" / name, std::ios::binary | std::ios::trunc)
        << (std::string(name) == "asynclint.run" ? "\x0d" "asynclint-run" : "\x0f" "asynclint-cache") << "\x02\xff\xff\x7f";
    EXPECT_EQ(t.lint(), cold);
  }
  // Truncated anywhere: never trusted.
  t.write("pkg/io_helpers.py", "def load(p):\n    return p\n");
  std::string changed = t.uncached();
  t.lint();
  for (const char* name : {"asynclint.cache", "asynclint.run"}) {
    fs::path p = t.root / "cache" / name;
    auto size = fs::file_size(p);
    for (auto keep : {size / 3, size / 2, size - 1}) {
      t.lint();
      fs::resize_file(p, keep);
      EXPECT_EQ(t.lint(), changed) << name << " cut to " << keep;
    }
  }
}

TEST(Cache, UnchangedTreeIsAnsweredFromTheRunEntry) {
  Tree t;
  t.age_all();
  std::string cold = t.lint();
  EXPECT_TRUE(fs::exists(t.root / "cache" / "asynclint.run"));
  std::string warm = t.lint_with_stats();
  EXPECT_TRUE(answered_from_run_entry(warm)) << warm;
  EXPECT_NE(warm.find(cold), std::string::npos) << warm;
  // A stamp that moved with the same content: the content decides, still a hit.
  t.write("pkg/app.py", "import time\nfrom pkg.io_helpers import load\n\nasync def handler(p):\n    time.sleep(1)\n    return load(p)\n");
  warm = t.lint_with_stats();
  EXPECT_TRUE(answered_from_run_entry(warm)) << warm;
  EXPECT_NE(warm.find(cold), std::string::npos) << warm;
}

TEST(Cache, EditBehindUnchangedSizeAndMtimeIsSeen) {
  Tree t;
  t.age_all();
  std::string cold = t.lint();
  auto mtime = fs::last_write_time(t.root / "pkg" / "io_helpers.py");
  // Same size, same mtime: only the change time (and the content) differ.
  t.write("pkg/io_helpers.py", "def load(p):\n    with opem(p) as f:\n        return f.read()\n");
  fs::last_write_time(t.root / "pkg" / "io_helpers.py", mtime);
  std::string after = t.lint();
  EXPECT_EQ(after, t.uncached());
  EXPECT_EQ(after.find("AL210"), std::string::npos) << after;
}

TEST(Cache, AddedRemovedAndRenamedFiles) {
  Tree t;
  t.age_all();
  t.lint();
  t.write("pkg/extra.py", "import time\n\nasync def tick():\n    time.sleep(2)\n");
  std::string added = t.lint();
  EXPECT_NE(added.find("extra.py:4:5: ASYNC251"), std::string::npos) << added;
  EXPECT_EQ(added, t.uncached());

  fs::rename(t.root / "pkg" / "extra.py", t.root / "pkg" / "renamed.py");
  std::string renamed = t.lint();
  EXPECT_EQ(renamed.find("extra.py"), std::string::npos) << renamed;
  EXPECT_NE(renamed.find("renamed.py:4:5: ASYNC251"), std::string::npos) << renamed;
  EXPECT_EQ(renamed, t.uncached());

  // The helper's module goes away: the chain through it goes too.
  fs::remove(t.root / "pkg" / "io_helpers.py");
  std::string removed = t.lint();
  EXPECT_EQ(removed.find("AL210"), std::string::npos) << removed;
  EXPECT_EQ(removed, t.uncached());

  // A file renamed to where another was, with that one's stamp: still its own findings.
  fs::rename(t.root / "pkg" / "renamed.py", t.root / "pkg" / "io_helpers.py");
  std::string swapped = t.lint();
  EXPECT_EQ(swapped, t.uncached());
  EXPECT_NE(swapped.find("io_helpers.py:4:5: ASYNC251"), std::string::npos) << swapped;
}

TEST(Cache, ChangedSettingsAreSeen) {
  Tree t;
  t.age_all();
  std::string cold = t.lint();
  EXPECT_NE(cold.find("ASYNC251"), std::string::npos) << cold;
  t.write("pkg/asynclint.toml", "ignore = [\"ASYNC251\"]\n");
  t.age("pkg/asynclint.toml");
  std::string configured = t.lint();
  EXPECT_EQ(configured.find("ASYNC251"), std::string::npos) << configured;
  EXPECT_NE(configured.find("AL210"), std::string::npos) << configured;
  EXPECT_EQ(configured, t.uncached());
  // And from the command line.
  std::string selected = t.lint("--isolated --ignore AL210");
  EXPECT_NE(selected.find("ASYNC251"), std::string::npos) << selected;
  EXPECT_EQ(selected.find("AL210"), std::string::npos) << selected;
  fs::remove(t.root / "pkg" / "asynclint.toml");
  EXPECT_EQ(t.lint(), cold);
}

TEST(Cache, ParsingEveryFileHasItsOwnRunEntry) {
  Tree t;
  t.age_all();
  // A file without async code: skipped by default, parsed with ASYNCLINT_PARSE_ALL.
  t.write("pkg/old.py", "print 'hello'\n");
  t.age("pkg/old.py");
  std::string skipping = t.lint();
  std::string all = run("--cache-dir " + (t.root / "cache").string() + " " + (t.root / "pkg").string(), "ASYNCLINT_PARSE_ALL=1 ");
  EXPECT_EQ(all, run("--no-cache " + (t.root / "pkg").string(), "ASYNCLINT_PARSE_ALL=1 "));
  EXPECT_EQ(t.lint(), skipping);
  EXPECT_EQ(skipping, t.uncached());
}

// After a change, files whose stamps the last run trusted are not read again:
// what it learnt of them (pre-filter, `async def` names, whether they name a
// project coroutine) stands, unless the coroutine names changed since.
TEST(Cache, UnchangedFilesKeepWhatTheLastRunLearnt) {
  Tree t;
  t.write("pkg/user.py", "from pkg import jobs\n\ndef main():\n    jobs.run_later()\n");
  // Stamps are trusted two seconds after a file's last change (and it cannot
  // be set back): wait that long once.
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  std::string cold = t.lint();
  EXPECT_EQ(cold, t.uncached());
  EXPECT_EQ(cold.find("AL204"), std::string::npos) << cold;
  // user.py is unchanged, but now names a project coroutine: it must be parsed.
  t.write("pkg/jobs.py", "async def run_later():\n    pass\n");
  std::string added = t.lint();
  EXPECT_NE(added.find("user.py:4:5: AL204"), std::string::npos) << added;
  EXPECT_EQ(added, t.uncached());
  // An unchanged file that is not read again still gets its results from the cache.
  t.write("pkg/io_helpers.py", "def load(p):\n    return p\n");
  std::string edited = t.lint();
  EXPECT_EQ(edited, t.uncached());
  EXPECT_NE(edited.find("AL204"), std::string::npos) << edited;
  EXPECT_EQ(edited.find("AL210"), std::string::npos) << edited;
  fs::remove(t.root / "pkg" / "jobs.py");
  std::string removed = t.lint();
  EXPECT_EQ(removed, t.uncached());
  EXPECT_EQ(removed.find("AL204"), std::string::npos) << removed;
}

// The run entry trusts a file's stat stamp unless it moved or is too recent.
// Recorded here with a content hash no file has, so that a hit shows the
// content was not looked at and a miss shows it was.
TEST(Cache, RunEntryTrustsOnlyOldUnmovedStamps) {
  Tree t;
  std::string path = (t.root / "pkg" / "app.py").string();
  auto record = [&](uint64_t started_ns) {
    asl::LintCache cache((t.root / "cache").string(), "salt");
    asl::FileStamp stamp;
    ASSERT_TRUE(asl::read_stamped(path, &stamp));
    asl::FileResult r;
    r.path = path;
    r.diagnostics.push_back({"X1", "message", {1, 1}, {1, 2}, 0, 1, std::nullopt});
    asl::LintCache::RunFile file;
    file.stamp = stamp;
    cache.put_run(7, {path}, {file}, {r}, started_ns);
    ASSERT_TRUE(cache.save(nullptr));
  };
  auto hit = [&](uint64_t key = 7) {
    asl::LintCache cache((t.root / "cache").string(), "salt");
    auto results = cache.get_run(key, {path});
    if (results) {
      EXPECT_EQ(results->size(), 1u);
      EXPECT_EQ(results->at(0).diagnostics.at(0).message, "message");
    }
    return results.has_value();
  };
  auto now = [] {
    return static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                     std::chrono::system_clock::now().time_since_epoch()).count());
  };
  const uint64_t later = now() + 3600'000'000'000ull;
  record(later);
  EXPECT_TRUE(hit());
  EXPECT_FALSE(hit(8));  // another run's key
  EXPECT_FALSE(asl::LintCache((t.root / "cache").string(), "other").get_run(7, {path}));
  // Permissions: only the change time moves.
  fs::permissions(path, fs::perms::owner_exec, fs::perm_options::add);
  EXPECT_FALSE(hit());
  record(later);
  EXPECT_TRUE(hit());
  t.age("pkg/app.py");  // mtime moves back
  EXPECT_FALSE(hit());
  // Recorded within two seconds of the file's last change: never trusted.
  record(now() + 1'000'000'000ull);
  EXPECT_FALSE(hit());
}

// Everything a report or a fix may show of the results.
std::string render(const std::vector<asl::FileResult>& results) {
  std::ostringstream out;
  for (const auto& r : results) {
    out << r.path << (r.error ? " error: " + *r.error : "") << "\n";
    for (const auto& d : r.diagnostics) {
      out << "  " << d.code << " " << d.message << " " << d.start.line << ":" << d.start.column << "-" << d.end.line
          << ":" << d.end.column << " [" << d.start_byte << "," << d.end_byte << ")";
      if (d.fix) {
        out << " fix " << d.fix->title << (d.fix->safe ? " safe" : " unsafe");
        for (const auto& e : d.fix->edits) out << " [" << e.start << "," << e.end << ")=" << e.replacement;
      }
      out << "\n";
    }
  }
  return out.str();
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}
// A new file rather than one truncated (cheaper on file systems that flush a
// file truncated and written again).
void spit(const fs::path& p, const std::string& bytes) {
  fs::remove(p);
  std::ofstream(p, std::ios::binary) << bytes;
}

// The layout of both cache files: a head (kind, format version, salt: varint
// length-prefixed strings and a varint), then frames (8-byte little-endian
// length, bytes, 8-byte checksum), checksummed under the hash of the head
// (the run record's second frame under the first one's checksum).
struct CacheFile {
  std::string magic, salt;
  uint64_t format = 0;
  std::vector<std::string> frames;
  bool chained = false;  // each frame's checksum seeded with the one before

  static uint64_t varint(const std::string& in, size_t& at) {
    uint64_t v = 0;
    for (int shift = 0;; shift += 7) {
      auto c = static_cast<unsigned char>(in.at(at++));
      v |= static_cast<uint64_t>(c & 0x7f) << shift;
      if (!(c & 0x80)) return v;
    }
  }
  static uint64_t fixed(const std::string& in, size_t& at) {
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v |= static_cast<uint64_t>(static_cast<unsigned char>(in.at(at++))) << (8 * i);
    return v;
  }
  static void put_varint(std::string& out, uint64_t v) {
    for (; v >= 0x80; v >>= 7) out.push_back(static_cast<char>(v | 0x80));
    out.push_back(static_cast<char>(v));
  }
  static void put_fixed(std::string& out, uint64_t v) {
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>(v >> (8 * i)));
  }

  CacheFile(const std::string& in, bool chain) : chained(chain) {
    size_t at = 0;
    size_t n = varint(in, at);
    magic = in.substr(at, n);
    at += n;
    format = varint(in, at);
    n = varint(in, at);
    salt = in.substr(at, n);
    at += n;
    uint64_t seed = asl::content_hash(in.substr(0, at));
    while (at < in.size()) {
      n = fixed(in, at);
      frames.push_back(in.substr(at, n));
      at += n;
      uint64_t sum = fixed(in, at);
      EXPECT_EQ(sum, asl::frame_checksum(seed, frames.back())) << "the layout this test assumes";
      if (chained) seed = sum;
    }
  }
  std::string head() const {
    std::string out;
    put_varint(out, magic.size());
    out += magic;
    put_varint(out, format);
    put_varint(out, salt.size());
    out += salt;
    return out;
  }
  // Written again, with correct checksums (as they would be under this head),
  // after this head or another.
  std::string bytes(const CacheFile* head_of = nullptr) const {
    std::string out = head_of ? head_of->head() : head();
    uint64_t seed = asl::content_hash(head());
    for (const auto& f : frames) {
      put_fixed(out, f.size());
      out += f;
      uint64_t sum = asl::frame_checksum(seed, f);
      put_fixed(out, sum);
      if (chained) seed = sum;
    }
    return out;
  }
  void replace(const std::string& from, const std::string& to) {
    for (auto& f : frames)
      for (size_t at; (at = f.find(from)) != std::string::npos;) f.replace(at, from.size(), to);
  }
};

// A record whose checksum is right is still ignored when it comes from
// another format version (or another salt): only a record written by this
// format, for this salt, is read.
TEST(Cache, RecordOfAnotherFormatVersionIsIgnored) {
  Tree t;
  fs::path dir = t.root / "cache";
  std::string path = (t.root / "pkg" / "app.py").string();
  asl::FileResult result;
  result.path = path;
  result.diagnostics.push_back({"X1", "message", {1, 1}, {1, 2}, 0, 1, std::nullopt});
  {
    asl::LintCache cache(dir.string(), "salt");
    asl::LintCache::RunFile file;
    ASSERT_TRUE(asl::read_stamped(path, &file.stamp));
    file.content = 1;  // no file has it: a hit shows the stamp was trusted
    uint64_t later = static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                               std::chrono::system_clock::now().time_since_epoch()).count()) +
                     3600'000'000'000ull;
    cache.put_run(7, {path}, {file}, {result}, later);
    cache.put(result, 9);
    ASSERT_TRUE(cache.save(nullptr));
  }
  auto message = [&](const char* name) -> std::optional<std::string> {
    asl::LintCache cache(dir.string(), "salt");
    if (std::string(name) == "asynclint.run") {
      auto hit = cache.get_run(7, {path});
      if (!hit) return std::nullopt;
      return hit->at(0).diagnostics.at(0).message;
    }
    auto hit = cache.get(path, 9);
    if (!hit) return std::nullopt;
    return hit->diagnostics.at(0).message;
  };
  for (const char* name : {"asynclint.run", "asynclint.cache"}) {
    std::string saved = slurp(dir / name);
    EXPECT_EQ(message(name), "message") << name;
    CacheFile file(saved, std::string(name) == "asynclint.run");
    ASSERT_EQ(file.frames.size(), std::string(name) == "asynclint.run" ? 2u : 1u) << name;
    ASSERT_EQ(file.bytes(), saved) << name;
    // Rewritten by hand with correct checksums: read as such.
    file.replace("message", "massage");
    spit(dir / name, file.bytes());
    EXPECT_EQ(message(name), "massage") << name;
    // The same under another format version, another salt or in the other
    // cache file: ignored, and so are its records with their checksums put
    // after this format's head.
    std::vector<CacheFile> others(6, file);
    others[0].format = file.format - 1;
    others[1].format = file.format + 1;
    others[2].format = 0;
    others[3].format = 200;
    others[4].salt = "other";
    others[5].magic = std::string(name) == "asynclint.run" ? "asynclint-cache" : "asynclint-run";
    for (const CacheFile& other : others) {
      std::string what = std::string(name) + " as " + other.magic + " format " + std::to_string(other.format) +
                         " salt " + other.salt;
      spit(dir / name, other.bytes());
      EXPECT_EQ(message(name), std::nullopt) << what;
      spit(dir / name, other.bytes(&file));
      EXPECT_EQ(message(name), std::nullopt) << what << ", records after this format's head";
    }
    spit(dir / name, file.bytes());
    EXPECT_EQ(message(name), "massage") << name;
  }
}

// Bytes overwritten inside the cache files (not cut short): every byte of a
// small cache, with one of a few different values, through the library (as the
// command does: one LintCache per run, saved at the end). Whatever the damage,
// the results are those of a run without the cache, and so are the next run's
// (a damaged record is not carried over).
TEST(Cache, OverwrittenBytesAreNeverTrusted) {
  Tree t;
  // A finding with a fix, and one a noqa comment silences.
  t.write("pkg/quiet.py", "import time\n\nasync def idle():\n    time.sleep(1)  # noqa: ASYNC251\n    time.sleep(2)\n");
  // Stamps are trusted two seconds after a file's last change: then the run
  // record is answered from stamps, and its file facts are used after a change.
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  fs::path dir = t.root / "cache";
  std::vector<asl::LintInput> inputs;
  for (const auto& e : fs::directory_iterator(t.root / "pkg")) inputs.push_back({e.path().string(), std::nullopt});
  std::sort(inputs.begin(), inputs.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  asl::Linter linter(asl::builtin_catalog(), asl::RuleSelection{});
  size_t hits = 0;  // of the last run
  auto lint = [&](bool cached) {
    asl::LintCache cache(dir.string(), "salt");
    asl::ProjectOptions options;
    options.threads = 1;
    if (cached) options.cache = &cache;
    std::string out = render(asl::lint_project(linter, inputs, options));
    if (cached) {
      EXPECT_TRUE(cache.save(nullptr));
    }
    hits = cache.hits();
    return out;
  };

  std::vector<std::string> failures;
  size_t tried = 0;
  // Overwrites each byte of `name` in turn (the other file as saved) and lints twice.
  auto overwrite_each_byte = [&](const std::string& scenario, const std::string& run_file,
                                 const std::string& cache_file, const char* name, const std::string& expected) {
    const std::string& pristine = std::string(name) == "asynclint.run" ? run_file : cache_file;
    ASSERT_FALSE(pristine.empty()) << scenario << ": " << name;
    for (size_t at = 0; at < pristine.size(); ++at) {
      // One bit, the top bit (a varint's continuation), or several.
      int mask = std::array{0x01, 0x80, 0x5a}[at % 3];
      spit(dir / "asynclint.cache", cache_file);
      if (run_file.empty())
        fs::remove(dir / "asynclint.run");
      else
        spit(dir / "asynclint.run", run_file);
      std::string bytes = pristine;
      bytes[at] = static_cast<char>(bytes[at] ^ mask);
      spit(dir / name, bytes);
      ++tried;
      for (const char* pass : {"first run", "next run"}) {
        std::string got;
        try {
          got = lint(true);
        } catch (const std::exception& e) {
          got = std::string("exception: ") + e.what();
        }
        if (got != expected)
          failures.push_back(scenario + ", " + name + " byte " + std::to_string(at) + " ^ " + std::to_string(mask) +
                             ", " + pass + ":\n" + got);
      }
    }
  };

  // The tree unchanged: answered from the run record.
  std::string cold = lint(false);
  ASSERT_NE(cold.find("ASYNC251"), std::string::npos) << cold;
  ASSERT_NE(cold.find("AL210"), std::string::npos) << cold;
  ASSERT_NE(cold.find(" fix "), std::string::npos) << cold;
  EXPECT_EQ(lint(true), cold);
  EXPECT_EQ(lint(true), cold);
  EXPECT_EQ(hits, inputs.size());
  std::string run_file = slurp(dir / "asynclint.run"), cache_file = slurp(dir / "asynclint.cache");
  overwrite_each_byte("unchanged tree", run_file, cache_file, "asynclint.run", cold);

  // One file changed: the run record misses, what it knew of the other files
  // stands, and their results come from the per-file cache.
  t.write("pkg/io_helpers.py", "import os\n\ndef load(p):\n    return os.path.getsize(p)\n");
  std::string changed = lint(false);
  ASSERT_NE(changed, cold);
  // Undamaged, both cache files serve: the run record's facts and the per-file results.
  spit(dir / "asynclint.run", run_file);
  spit(dir / "asynclint.cache", cache_file);
  EXPECT_EQ(lint(true), changed);
  EXPECT_GE(hits, 2u);
  fs::remove(dir / "asynclint.run");
  spit(dir / "asynclint.cache", cache_file);
  EXPECT_EQ(lint(true), changed);
  EXPECT_GE(hits, 2u);
  overwrite_each_byte("one file changed", run_file, cache_file, "asynclint.run", changed);
  overwrite_each_byte("one file changed", run_file, cache_file, "asynclint.cache", changed);
  // No run record: every file from the per-file cache.
  overwrite_each_byte("no run record", "", cache_file, "asynclint.cache", changed);

  EXPECT_GT(tried, 2000u);
  if (!failures.empty())
    ADD_FAILURE() << failures.size() << " runs of " << tried << " damaged caches gave other results; the first: "
                  << failures.front() << "expected:\n" << (failures.front().starts_with("unchanged") ? cold : changed);
}

// The same through the command line, at a few hundred positions.
TEST(Cache, OverwrittenBytesAreNeverTrustedByTheCommand) {
  Tree t;
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  std::string cold = t.uncached();
  ASSERT_EQ(t.lint(), cold);
  fs::path dir = t.root / "cache";
  std::string run_file = slurp(dir / "asynclint.run"), cache_file = slurp(dir / "asynclint.cache");
  size_t failures = 0;
  for (const char* name : {"asynclint.run", "asynclint.cache"}) {
    const std::string& pristine = std::string(name) == "asynclint.run" ? run_file : cache_file;
    // Spread over the file, some 120 positions each.
    size_t step = std::max<size_t>(1, pristine.size() / 120);
    for (size_t at = 0; at < pristine.size(); at += step) {
      spit(dir / "asynclint.run", run_file);
      spit(dir / "asynclint.cache", cache_file);
      if (std::string(name) == "asynclint.cache") fs::remove(dir / "asynclint.run");
      std::string bytes = pristine;
      bytes[at] = static_cast<char>(bytes[at] ^ (at % 2 ? 0x01 : 0x20));
      spit(dir / name, bytes);
      std::string got = t.lint();
      if (got != cold && ++failures <= 3) ADD_FAILURE() << name << " byte " << at << ":\n" << got << "expected:\n" << cold;
      got = t.lint();
      if (got != cold && ++failures <= 3) ADD_FAILURE() << name << " byte " << at << ", next run:\n" << got;
    }
  }
  EXPECT_EQ(failures, 0u);
}

}  // namespace
