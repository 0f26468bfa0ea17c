// The lint cache: a warm run gives the same output, from the whole-run entry
// when nothing changed; a file edited (even behind an unchanged mtime and
// size), added, removed or renamed, or changed settings, give what a run
// without the cache gives; a corrupt or foreign cache is ignored.
#include <gtest/gtest.h>

#include "lint/lint_cache.h"

#include <array>
#include <cstdio>
#include <filesystem>
#include <chrono>
#include <cstdlib>
#include <fstream>
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

}  // namespace
