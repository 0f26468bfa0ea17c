// The lint cache: a warm run gives the same output, a changed file is
// re-linted, and a corrupt or foreign cache is ignored.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

std::string run(const std::string& args) {
  std::string cmd = std::string(ASYNCLINT_BINARY) + " " + args + " 2>&1";
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
};

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
  std::ofstream(t.root / "cache" / "asynclint.cache", std::ios::binary | std::ios::trunc) << "\x92\xff garbage";
  EXPECT_EQ(t.lint(), cold);
  std::ofstream(t.root / "cache" / "asynclint.cache", std::ios::binary | std::ios::trunc)
      << "\x84\xa5magic\xa5other\xa6" "format\x01\xa4salt\xa1x\xa7" "entries\x80";
  EXPECT_EQ(t.lint(), cold);
}

}  // namespace
