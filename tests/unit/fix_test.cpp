// Fixes: what ASYNC251's fix produces, where it refuses, that applying fixes
// reaches a fixed point that parses, and that files are rewritten safely.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <csignal>
#include <unistd.h>

#include "../support/lint_helpers.h"
#include "lint/atomic_write.h"
#include "lint/configured_linter.h"
#include "lint/fix_apply.h"
#include "lint/fix_files.h"
#include "lint/syntax_errors.h"
#include "lint/unified_diff.h"

namespace fs = std::filesystem;

namespace asl {
namespace {

RuleSelection sleep_rule() { return RuleSelection{{"ASYNC251"}, {}, {}}; }

Linter& default_linter(Framework f = Framework::Asyncio) {
  // Only the rule under test, so other rules' findings and fixes stay out of the way.
  static Linter asyncio(builtin_catalog(), sleep_rule()), trio(builtin_catalog(), sleep_rule(), Framework::Trio);
  return f == Framework::Trio ? trio : asyncio;
}

// The whole --fix loop on a string; returns the final text.
std::string fix(const std::string& text, Framework f = Framework::Asyncio, FileResult* left = nullptr) {
  LoadError e;
  SourceFile file = SourceFile::from_bytes("t.py", text, &e);
  FixedFile out = fix_until_stable(file, [&](const SourceFile& s) { return default_linter(f).lint(s); }, false);
  EXPECT_FALSE(out.reverted) << *out.reverted;
  if (left) *left = out.result;
  return std::string(out.source->text());
}

void expect_fixed_point(const std::string& fixed) {
  // Idempotent: fixing again changes nothing; and the result parses.
  EXPECT_EQ(fix(fixed), fixed);
  for (const Diagnostic& d : testing::lint_text(fixed)) EXPECT_NE(d.code, kSyntaxErrorCode) << d.message << "\n" << fixed;
}

TEST(SleepFix, ReplacesTheCallAndAddsTheImportAfterTheImportBlock) {
  std::string out = fix("\"\"\"Doc.\"\"\"\nimport time\n\n\nasync def f(x):\n    time.sleep(x)\n");
  EXPECT_EQ(out, "\"\"\"Doc.\"\"\"\nimport time\nimport asyncio\n\n\nasync def f(x):\n    await asyncio.sleep(x)\n");
  expect_fixed_point(out);
}

TEST(SleepFix, KeepsTheAliasTheFileUses) {
  std::string out = fix("import asyncio as aio\nimport time\nasync def f():\n    time.sleep(1)\n");
  EXPECT_EQ(out, "import asyncio as aio\nimport time\nasync def f():\n    await aio.sleep(1)\n");
  expect_fixed_point(out);
}

TEST(SleepFix, FromImportWithAlias) {
  std::string out = fix("from time import sleep as nap\nimport asyncio\nasync def f():\n    nap(0.5)\n");
  EXPECT_EQ(out, "from time import sleep as nap\nimport asyncio\nasync def f():\n    await asyncio.sleep(0.5)\n");
}

TEST(SleepFix, ImportGoesAfterDocstringAndFutureImports) {
  EXPECT_EQ(fix("\"\"\"Doc.\"\"\"\nfrom __future__ import annotations\nfrom time import sleep\nx = 1\nasync def f():\n    sleep(1)\n"),
            "\"\"\"Doc.\"\"\"\nfrom __future__ import annotations\nfrom time import sleep\nimport asyncio\nx = 1\n"
            "async def f():\n    await asyncio.sleep(1)\n");
}

TEST(SleepFix, ImportGoesBeforeTheFirstStatementAfterShebangAndComments) {
  // `time` imported late, after other code: the import goes before the first statement.
  EXPECT_EQ(fix("#!/usr/bin/env python3\n# comment\nx = 1\nimport time\nasync def f():\n    time.sleep(1)\n"),
            "#!/usr/bin/env python3\n# comment\nimport asyncio\nx = 1\nimport time\nasync def f():\n"
            "    await asyncio.sleep(1)\n");
}

TEST(SleepFix, OneImportForManyCalls) {
  std::string out = fix("import time\nasync def f():\n    time.sleep(1)\n    time.sleep(2)\nasync def g():\n    time.sleep(3)\n");
  EXPECT_EQ(out, "import time\nimport asyncio\nasync def f():\n    await asyncio.sleep(1)\n    await asyncio.sleep(2)\n"
                 "async def g():\n    await asyncio.sleep(3)\n");
  expect_fixed_point(out);
}

TEST(SleepFix, ParenthesisedWhereAwaitWouldBindDifferently) {
  std::string out = fix("import asyncio, time\nasync def f():\n    x = time.sleep(1).real\n    y = time.sleep(1)[0]\n"
                        "    z = -time.sleep(1) + 2\n    print(time.sleep(1))\n");
  EXPECT_EQ(out, "import asyncio, time\nasync def f():\n    x = (await asyncio.sleep(1)).real\n"
                 "    y = (await asyncio.sleep(1))[0]\n    z = -await asyncio.sleep(1) + 2\n"
                 "    print(await asyncio.sleep(1))\n");
  expect_fixed_point(out);
}

TEST(SleepFix, ComprehensionInAsyncDefIsFixedGeneratorIsNot) {
  FileResult left;
  std::string src = "import asyncio, time\nasync def f(n):\n    [time.sleep(i) for i in n]\n    list(time.sleep(i) for i in n)\n";
  std::string out = fix(src, Framework::Asyncio, &left);
  EXPECT_EQ(out, "import asyncio, time\nasync def f(n):\n    [await asyncio.sleep(i) for i in n]\n"
                 "    list(time.sleep(i) for i in n)\n");
  ASSERT_EQ(left.diagnostics.size(), 1u);  // the generator's call is still reported, without a fix
  EXPECT_FALSE(left.diagnostics[0].fix);
}

TEST(SleepFix, NotOfferedWhereItWouldBeWrong) {
  for (const char* src : {
           "import time\nasync def f():\n    await time.sleep(1)\n",         // already awaited
           "import time\nasync def f():\n    time.sleep(secs=1)\n",           // keyword argument
           "import time\nasync def f(a):\n    time.sleep(*a)\n",              // unpacking
           "import time\nasync def f():\n    time.sleep()\n",                 // wrong arity
           "import time\nasync def f():\n    asyncio = 1\n    time.sleep(1)\n",  // `asyncio` is a local
           "import time\nasyncio = None\nasync def f():\n    time.sleep(1)\n",   // and a module global
       }) {
    auto ds = testing::lint_text(src, sleep_rule());
    ASSERT_FALSE(ds.empty()) << src;
    EXPECT_FALSE(ds[0].fix) << src;
  }
}

TEST(SleepFix, FollowsTheFramework) {
  EXPECT_EQ(fix("import time\nasync def f():\n    time.sleep(1)\n", Framework::Trio),
            "import time\nimport trio\nasync def f():\n    await trio.sleep(1)\n");
}

TEST(SleepFix, FixIsMarkedSafeAndTitled) {
  auto ds = testing::lint_text("import time\nasync def f():\n    time.sleep(1)\n", sleep_rule());
  ASSERT_EQ(ds.size(), 1u);
  ASSERT_TRUE(ds[0].fix);
  EXPECT_TRUE(ds[0].fix->safe);
  EXPECT_EQ(ds[0].fix->title, "Replace with `await asyncio.sleep(...)`");
}

Diagnostic with_fix(std::vector<Edit> edits, bool safe = true) {
  Diagnostic d;
  d.fix = Fix{"t", std::move(edits), safe};
  return d;
}

TEST(ApplyFixes, OverlappingFixesWaitIdenticalEditsApplyOnceUnsafeNeedsOptIn) {
  std::string text = "abcdef";
  std::vector<Diagnostic> ds = {with_fix({{0, 0, "X"}, {1, 2, "B"}}), with_fix({{0, 0, "X"}, {4, 5, "E"}}),
                                with_fix({{1, 3, "?"}}), with_fix({{5, 6, "F"}}, false)};
  AppliedFixes a = apply_fixes(text, ds, false);
  EXPECT_EQ(a.text, "XaBcdEf");
  EXPECT_EQ(a.applied, 2u);
  EXPECT_EQ(apply_fixes(text, ds, true).text, "XaBcdEF");
}

TEST(UnifiedDiff, HunksWithContextAndMissingNewline) {
  EXPECT_EQ(unified_diff("a\nb\n", "a\nb\n", "x", "x"), "");
  std::string d = unified_diff("1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n", "f.py", "f.py");
  EXPECT_EQ(d, "--- f.py\n+++ f.py\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
  std::string e = unified_diff("a\nb", "a\nc", "f", "f");
  EXPECT_EQ(e, "--- f\n+++ f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n");
  std::string ins = unified_diff("a\n", "a\nb\n", "f", "f");
  EXPECT_EQ(ins, "--- f\n+++ f\n@@ -1,1 +1,2 @@\n a\n+b\n");
}

class FileOnDisk : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("asynclint_fix_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    settings_ = std::make_shared<Settings>();
    linter_ = std::make_unique<ConfiguredLinter>(builtin_catalog(), settings_);
  }
  void TearDown() override {
    fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add);
    fs::remove_all(dir_);
  }
  fs::path write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
    return dir_ / name;
  }
  static std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  fs::path dir_;
  std::shared_ptr<Settings> settings_;
  std::unique_ptr<ConfiguredLinter> linter_;
};

TEST_F(FileOnDisk, CrlfBomAndPermissionsArePreserved) {
  auto p = write("w.py", "\xEF\xBB\xBFimport time\r\nasync def f():\r\n    time.sleep(1)\r\n");
  fs::permissions(p, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  FileFixOutcome o = fix_file(*linter_, p.string(), FixMode::Apply, false);
  EXPECT_FALSE(o.error);
  EXPECT_EQ(o.fixed, 1u);
  EXPECT_TRUE(o.result.diagnostics.empty());
  EXPECT_EQ(read(p), "\xEF\xBB\xBFimport time\r\nimport asyncio\r\nasync def f():\r\n    await asyncio.sleep(1)\r\n");
  EXPECT_EQ(fs::status(p).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  // No temporary file is left behind.
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
}

TEST_F(FileOnDisk, DiffModeChangesNothing) {
  std::string src = "import time\nasync def f():\n    time.sleep(1)\n";
  auto p = write("d.py", src);
  FileFixOutcome o = fix_file(*linter_, p.string(), FixMode::Diff, false);
  EXPECT_EQ(read(p), src);
  EXPECT_NE(o.diff.find("+    await asyncio.sleep(1)\n"), std::string::npos) << o.diff;
  EXPECT_EQ(o.fixed, 1u);
  EXPECT_EQ(o.result.diagnostics.size(), 1u);
}

TEST_F(FileOnDisk, ReadOnlyFileIsReportedNotChanged) {
  std::string src = "import time\nasync def f():\n    time.sleep(1)\n";
  auto p = write("ro.py", src);
  fs::permissions(p, fs::perms::owner_read | fs::perms::group_read);
  FileFixOutcome o = fix_file(*linter_, p.string(), FixMode::Apply, false);
  ASSERT_TRUE(o.error);
  EXPECT_NE(o.error->find("read-only"), std::string::npos);
  EXPECT_EQ(read(p), src);
  EXPECT_EQ(o.fixed, 0u);
  EXPECT_EQ(o.result.diagnostics.size(), 1u);  // still reported
}

TEST_F(FileOnDisk, UnwritableFolderLeavesTheOriginalIntact) {
  if (::geteuid() == 0) GTEST_SKIP() << "root may write anywhere; the failed-write test below covers this as root";
  std::string src = "import time\nasync def f():\n    time.sleep(1)\n";
  auto p = write("u.py", src);
  fs::permissions(dir_, fs::perms::owner_read | fs::perms::owner_exec);
  FileFixOutcome o = fix_file(*linter_, p.string(), FixMode::Apply, false);
  fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add);
  ASSERT_TRUE(o.error);
  EXPECT_NE(o.error->find("temporary file"), std::string::npos) << *o.error;
  EXPECT_EQ(read(p), src);
}

TEST_F(FileOnDisk, FailedWriteLeavesTheOriginalIntactAndNoTemporaryFile) {
  // A file-size limit makes the write of the temporary file fail part way
  // (EFBIG), whoever runs the test. Done in a child: the limit is per process.
  std::string original(64, '#');
  auto p = write("big.py", original);
  pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    std::signal(SIGXFSZ, SIG_IGN);
    struct rlimit lim = {16, 16};
    ::setrlimit(RLIMIT_FSIZE, &lim);
    std::string error;
    bool ok = write_file_atomically(p, std::string(4096, 'x'), &error);
    ::_exit(!ok && error.find("cannot write") != std::string::npos ? 0 : 1);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  EXPECT_EQ(read(p), original);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
}

TEST_F(FileOnDisk, SymlinkIsFollowed) {
  auto target = write("real.py", "old");
  fs::create_symlink(target, dir_ / "link.py");
  std::string error;
  ASSERT_TRUE(write_file_atomically(dir_ / "link.py", "new", &error)) << error;
  EXPECT_TRUE(fs::is_symlink(dir_ / "link.py"));
  EXPECT_EQ(read(target), "new");
}

}  // namespace
}  // namespace asl
