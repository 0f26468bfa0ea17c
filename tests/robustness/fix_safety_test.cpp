// `asynclint --fix` never loses data: when the new text cannot be written
// (no temporary file, a failed or interrupted write, a failed rename) the
// original stays as it was, and a read-only file is reported, not changed.
// Exit status 2 and one line on stderr naming the file in each failure.
// Tests run as root here, where permission bits stop nothing; the failures
// are made with a name too long for the temporary file, RLIMIT_FSIZE and an
// append-only file (chattr +a) instead.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "run_tool.h"

namespace fs = std::filesystem;
using asl::robustness::asynclint;
using asl::robustness::read_file;
using asl::robustness::ScratchDir;
using asl::robustness::ToolResult;

namespace {

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// A fixable file of about 8 KB, so that a 4 KB file-size limit stops the write midway.
std::string fixable() {
  std::string s = "import time\n\n\nasync def f():\n    time.sleep(1)\n";
  while (s.size() < 8192) s += "# padding so that the rewritten file is larger than the write limit\n";
  return s;
}

bool leftover_temporaries(const fs::path& dir) {
  for (const auto& e : fs::directory_iterator(dir))
    if (has(e.path().filename().string(), ".asynclint-")) return true;
  return false;
}

TEST(FixSafety, ReadOnlyFileIsReportedNotChanged) {
  ScratchDir d;
  auto f = d.write("ro.py", fixable());
  fs::permissions(f, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  ToolResult r = asynclint({"--fix", f.string()});
  EXPECT_EQ(r.status, 2) << r.describe();
  EXPECT_TRUE(has(r.err, "ro.py: the file is read-only; not fixed")) << r.describe();
  EXPECT_TRUE(has(r.out, "ro.py:5:5: ASYNC251")) << r.describe();  // still reported
  EXPECT_EQ(read_file(f), fixable());
  EXPECT_EQ(fs::status(f).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
}

TEST(FixSafety, NoRoomForTheTemporaryFile) {
  ScratchDir d;
  // ".NAME.asynclint-XXXXXX" exceeds the 255-byte name limit: mkstemp fails.
  std::string name = std::string(240, 'n') + ".py";
  auto f = d.write(name, fixable());
  ToolResult r = asynclint({"--fix", f.string()});
  EXPECT_EQ(r.status, 2) << r.describe();
  EXPECT_TRUE(has(r.err, "cannot create a temporary file")) << r.describe();
  EXPECT_EQ(read_file(f), fixable());
  EXPECT_FALSE(leftover_temporaries(d.path()));
}

TEST(FixSafety, ReadOnlyFolderWhenNotRoot) {
  if (::geteuid() == 0) GTEST_SKIP() << "root may create files in a read-only folder; see NoRoomForTheTemporaryFile";
  ScratchDir d;
  auto f = d.write("pkg/a.py", fixable());
  fs::permissions(d.path("pkg"), fs::perms::owner_read | fs::perms::owner_exec);
  ToolResult r = asynclint({"--fix", f.string()});
  EXPECT_EQ(r.status, 2) << r.describe();
  EXPECT_TRUE(has(r.err, "cannot create a temporary file")) << r.describe();
  EXPECT_EQ(read_file(f), fixable());
}

TEST(FixSafety, FailedWriteLeavesTheOriginal) {
  ScratchDir d;
  auto f = d.write("a.py", fixable());
  asl::robustness::RunOptions o;
  o.max_file_size = 4096;
  o.ignore_file_size_signal = true;  // write() fails with EFBIG
  ToolResult r = asynclint({"--fix", f.string()}, o);
  EXPECT_EQ(r.status, 2) << r.describe();
  EXPECT_TRUE(has(r.err, "a.py: cannot write the temporary file: File too large")) << r.describe();
  EXPECT_EQ(read_file(f), fixable());
  EXPECT_FALSE(leftover_temporaries(d.path()));
}

TEST(FixSafety, WriteInterruptedByASignalLeavesTheOriginal) {
  ScratchDir d;
  auto f = d.write("a.py", fixable());
  asl::robustness::RunOptions o;
  o.max_file_size = 4096;  // SIGXFSZ kills the process in the middle of the write
  ToolResult r = asynclint({"--fix", f.string()}, o);
  EXPECT_TRUE(r.signaled) << r.describe();
  EXPECT_EQ(read_file(f), fixable());
  // A half-written temporary may be left behind (nothing runs after SIGXFSZ),
  // but never in place of the file.
}

TEST(FixSafety, FailedRenameLeavesTheOriginal) {
  ScratchDir d;
  auto f = d.write("a.py", fixable());
  // Append-only: writable, so not "read-only", but it cannot be replaced.
  if (std::system(("chattr +a '" + f.string() + "' 2>/dev/null").c_str()) != 0)
    GTEST_SKIP() << "chattr +a is not available here (needs CAP_LINUX_IMMUTABLE and a file system that supports it)";
  ToolResult r = asynclint({"--fix", f.string()});
  std::system(("chattr -a '" + f.string() + "'").c_str());
  EXPECT_EQ(r.status, 2) << r.describe();
  EXPECT_TRUE(has(r.err, "a.py: cannot replace the file: Operation not permitted")) << r.describe();
  EXPECT_EQ(read_file(f), fixable());
  EXPECT_FALSE(leftover_temporaries(d.path()));
}

TEST(FixSafety, SymlinkLoopIsAnErrorNotAWrite) {
  ScratchDir d;
  fs::create_symlink("b.py", d.path("a.py"));
  fs::create_symlink("a.py", d.path("b.py"));
  ToolResult r = asynclint({"--fix", d.path("a.py").string()});
  EXPECT_EQ(r.status, 2) << r.describe();
  EXPECT_TRUE(fs::is_symlink(d.path("a.py")));
}

}  // namespace
