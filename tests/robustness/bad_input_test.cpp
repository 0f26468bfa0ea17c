// Bad inputs fed to the real asynclint and asynctranslate: each is handled
// with a clear message, a documented exit code and no crash or hang.
//   asynclint:      0 clean, 1 findings (E999 for syntax errors), 2 a file could not be read or decoded
//   asynctranslate: 0 translated, 1 syntax error or unsupported construct, 2 read or decode error
// Cases already covered by tests/unit/cli_test.cpp (an invalid UTF-8 / NUL
// file or a folder symlink loop in a walk, an empty or BOM-only standard
// input) are not repeated for asynclint here.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "lint/file_discovery.h"
#include "lint/project_runner.h"
#include "run_tool.h"

namespace fs = std::filesystem;
using asl::robustness::asynclint;
using asl::robustness::asynctranslate;
using asl::robustness::ScratchDir;
using asl::robustness::ToolResult;

namespace {

const char* kBlocking = "import time\nasync def f():\n    time.sleep(1)\n";

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// Sizes can be lowered for the sanitizer build, where a 50 MB parse takes minutes.
size_t env_megabytes(const char* name, size_t fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::stoul(v) : fallback;
}

TEST(BadInput, EmptyAndBomOnlyFiles) {
  ScratchDir d;
  for (const std::string& bytes : {std::string(), std::string("\xEF\xBB\xBF")}) {
    auto f = d.write("a.py", bytes);
    ToolResult lint = asynclint({f.string()});
    EXPECT_EQ(lint.status, 0) << lint.describe();
    EXPECT_TRUE(has(lint.out, "All checks passed!")) << lint.describe();
    ToolResult fix = asynclint({"--fix", f.string()});
    EXPECT_EQ(fix.status, 0) << fix.describe();
    EXPECT_EQ(asl::robustness::read_file(f), bytes);
    ToolResult tr = asynctranslate({f.string()});
    EXPECT_EQ(tr.status, 0) << tr.describe();
  }
}

TEST(BadInput, UndecodableFilesAreReadErrorsForBothTools) {
  ScratchDir d;
  auto utf8 = d.write("bad_utf8.py", "x = 1\ny = '\xC3\x28'\n");
  auto nul = d.write("nul.py", std::string("x = 1\ny = 2\0\n", 13));
  for (const auto& [file, message] : {std::pair{utf8, std::string("2:6: invalid UTF-8 (byte 0xC3)")},
                                      std::pair{nul, std::string("2:6: contains a NUL byte")}}) {
    ToolResult tr = asynctranslate({file.string()});
    EXPECT_EQ(tr.status, 2) << tr.describe();
    EXPECT_TRUE(has(tr.err, file.string() + ":" + message)) << tr.describe();
    // --fix leaves such a file as it is.
    std::string before = asl::robustness::read_file(file);
    ToolResult fix = asynclint({"--fix", file.string()});
    EXPECT_EQ(fix.status, 2) << fix.describe();
    EXPECT_TRUE(has(fix.err, message)) << fix.describe();
    EXPECT_EQ(asl::robustness::read_file(file), before);
  }
}

TEST(BadInput, BinaryFileNamedPy) {
  ScratchDir d;
  std::string bytes = "\x7F" "ELF\x02\x01\x01";
  std::mt19937 rng(7);
  for (int i = 0; i < 64 * 1024; ++i) bytes += static_cast<char>(rng() & 0xFF);
  auto f = d.write("program.py", bytes);
  ToolResult lint = asynclint({d.path().string()});
  EXPECT_EQ(lint.status, 2) << lint.describe();
  EXPECT_TRUE(has(lint.err, "program.py: 1:")) << lint.describe();
  EXPECT_TRUE(has(lint.err, "contains a NUL byte (binary file?)") || has(lint.err, "invalid UTF-8")) << lint.describe();
  ToolResult tr = asynctranslate({f.string()});
  EXPECT_EQ(tr.status, 2) << tr.describe();
}

TEST(BadInput, CrlfLoneCrAndTabsGiveRightPositions) {
  ScratchDir d;
  auto crlf = d.write("crlf.py", "import time\r\nasync def f():\r\n    time.sleep(1)\r\n");
  auto cr = d.write("cr.py", "import time\rasync def f():\r    time.sleep(1)\r");
  auto tabs = d.write("tabs.py", "import time\nasync def f():\n\tif True:\n\t\tx = 1;\ttime.sleep(1)\n");
  ToolResult r = asynclint({crlf.string(), cr.string(), tabs.string()});
  EXPECT_EQ(r.status, 1) << r.describe();
  EXPECT_TRUE(has(r.out, crlf.string() + ":3:5: ASYNC251")) << r.describe();
  EXPECT_TRUE(has(r.out, cr.string() + ":3:5: ASYNC251")) << r.describe();
  // Columns count code points: a tab is one.
  EXPECT_TRUE(has(r.out, tabs.string() + ":4:10: ASYNC251")) << r.describe();
  EXPECT_FALSE(has(r.out, "E999")) << r.describe();

  // The fix keeps each file's line endings.
  ASSERT_EQ(asynclint({"--fix", crlf.string(), cr.string()}).status, 0);
  EXPECT_EQ(asl::robustness::read_file(crlf).find("\n\n"), std::string::npos);
  std::string fixed_cr = asl::robustness::read_file(cr);
  EXPECT_TRUE(has(fixed_cr, "await asyncio.sleep(1)")) << fixed_cr;
  EXPECT_EQ(fixed_cr.find('\n'), std::string::npos) << fixed_cr;

  for (const auto& f : {crlf, cr, tabs}) {
    ToolResult tr = asynctranslate({"--allow-partial", f.string()});
    EXPECT_NE(tr.status, 2) << tr.describe();
    EXPECT_FALSE(tr.signaled) << tr.describe();
    EXPECT_FALSE(has(tr.err, "syntax error")) << tr.describe();
  }
}

TEST(BadInput, FileSymlinkLoop) {
  ScratchDir d;
  fs::create_symlink("b.py", d.path("a.py"));
  fs::create_symlink("a.py", d.path("b.py"));
  d.write("ok.py", kBlocking);
  ToolResult named = asynclint({d.path("a.py").string()});
  EXPECT_EQ(named.status, 2) << named.describe();
  EXPECT_TRUE(has(named.err, "a.py: Too many levels of symbolic links")) << named.describe();
  ToolResult walked = asynclint({d.path().string()});
  EXPECT_EQ(walked.status, 2) << walked.describe();
  EXPECT_TRUE(has(walked.out, "ok.py:3:5: ASYNC251")) << walked.describe();
  ToolResult tr = asynctranslate({d.path("a.py").string()});
  EXPECT_EQ(tr.status, 2) << tr.describe();
  EXPECT_TRUE(has(tr.err, "Too many levels of symbolic links")) << tr.describe();
}

TEST(BadInput, UnreadableFile) {
  ScratchDir d;
  auto f = d.write("secret.py", kBlocking);
  fs::permissions(f, fs::perms::none);
  if (::access(f.c_str(), R_OK) == 0)
    GTEST_SKIP() << "running as root (or with CAP_DAC_OVERRIDE): chmod 000 does not stop reads; "
                    "the read-error path is covered by ReadErrorIsAnError";
  ToolResult r = asynclint({f.string()});
  EXPECT_EQ(r.status, 2) << r.describe();
  EXPECT_TRUE(has(r.err, "secret.py: Permission denied")) << r.describe();
  EXPECT_EQ(asynctranslate({f.string()}).status, 2);
}

// A read that fails part way (EIO from /proc/self/mem, readable even by
// root) is an error, not an empty file.
TEST(BadInput, ReadErrorIsAnError) {
  ScratchDir d;
  fs::create_symlink("/proc/self/mem", d.path("mem.py"));
  ToolResult r = asynclint({d.path("mem.py").string()});
  EXPECT_EQ(r.status, 2) << r.describe();
  EXPECT_TRUE(has(r.err, "mem.py: Input/output error")) << r.describe();
  ToolResult tr = asynctranslate({d.path("mem.py").string()});
  EXPECT_EQ(tr.status, 2) << tr.describe();
  EXPECT_TRUE(has(tr.err, "mem.py: Input/output error")) << tr.describe();
}

TEST(BadInput, DanglingSymlinkInAWalk) {
  ScratchDir d;
  d.write("ok.py", kBlocking);
  fs::create_symlink("gone.py", d.path("dangling.py"));
  ToolResult r = asynclint({d.path().string()});
  EXPECT_FALSE(r.signaled) << r.describe();
  EXPECT_TRUE(has(r.out, "ok.py:3:5: ASYNC251")) << r.describe();
  // Found by the walk, gone when read: reported, like a missing named path.
  EXPECT_EQ(r.status, 2) << r.describe();
  EXPECT_TRUE(has(r.err, "dangling.py: No such file or directory")) << r.describe();
}

// The file disappears between discovery and reading: an error for that file,
// the others are still linted.
TEST(BadInput, FileDeletedBetweenDiscoveryAndRead) {
  ScratchDir d;
  d.write("a.py", kBlocking);
  d.write("b.py", kBlocking);
  asl::Discovery found = asl::discover_files({d.path().string()});
  ASSERT_EQ(found.files.size(), 2u);
  fs::remove(d.path("a.py"));
  asl::Linter linter(asl::builtin_catalog(), asl::RuleSelection{});
  std::vector<asl::LintInput> inputs;
  for (const auto& f : found.files) inputs.push_back({f, std::nullopt});
  auto results = asl::lint_project(linter, inputs);
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].error.value_or(""), "No such file or directory");
  EXPECT_FALSE(results[1].error);
  EXPECT_EQ(results[1].diagnostics.size(), 1u);
}

// Opening a FIFO for reading blocks until a writer comes: a walk skips FIFOs
// and symlinks to them. (Named explicitly, a FIFO is read like any file, as
// `cat` would: that is how `asynclint <(generate)` works.)
TEST(BadInput, FifoInAWalkDoesNotHang) {
  ScratchDir d;
  d.write("ok.py", kBlocking);
  ASSERT_EQ(::mkfifo(d.path("pipe.py").c_str(), 0644), 0);
  fs::create_symlink("pipe.py", d.path("link.py"));
  asl::robustness::RunOptions o;
  o.timeout_seconds = 20;
  ToolResult walked = asynclint({d.path().string()}, o);
  EXPECT_FALSE(walked.timed_out) << walked.describe();
  EXPECT_EQ(walked.status, 1) << walked.describe();
  EXPECT_TRUE(has(walked.out, "ok.py:3:5: ASYNC251")) << walked.describe();
}

TEST(BadInput, Python2Syntax) {
  ScratchDir d;
  auto f = d.write("old.py",
                   "import time\n"
                   "print \"hello\"\n"
                   "exec \"x = 1\"\n"
                   "try:\n    pass\nexcept ValueError, e:\n    pass\n"
                   "y = `x`\n"
                   "z = 0777L\n"
                   "if 1 <> 2:\n    pass\n"
                   "async def f():\n    time.sleep(1)\n");
  ToolResult r = asynclint({f.string()});
  EXPECT_EQ(r.status, 1) << r.describe();
  EXPECT_TRUE(has(r.out, "old.py:2:1: E999 SyntaxError: Python 2 `print` statement")) << r.describe();
  EXPECT_TRUE(has(r.out, "old.py:3:1: E999 SyntaxError: Python 2 `exec` statement")) << r.describe();
  EXPECT_TRUE(has(r.out, "old.py:13:5: ASYNC251")) << r.describe();  // the rest is still linted
  // The translator refuses what it cannot express, statement by statement.
  ToolResult tr = asynctranslate({f.string()});
  EXPECT_EQ(tr.status, 1) << tr.describe();
  EXPECT_TRUE(has(tr.err, "old.py:2:1: unsupported: statement `print_statement`")) << tr.describe();
}

std::string generated_module(size_t bytes, bool async_code) {
  const std::string block = async_code ?
      "\n\nclass Worker{}:\n    def __init__(self, n):\n        self.n = n\n\n"
      "    async def run(self, queue):\n        while True:\n            item = await queue.get()\n"
      "            await asyncio.sleep(0.1)\n            queue.task_done()\n            return item * self.n\n\n\n"
      "def helper{}(values):\n    total = 0\n    for v in values:\n        total += v  # a comment\n"
      "    return [x for x in values if x % 2 == 0], total\n"
      : "\n\nTABLE_{} = {{\n    'name': 'row {}',\n    'values': [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],\n"
        "    'nested': {{'a': (1.5, 'x'), 'b': None}},\n}}\n\n\ndef lookup_{}(key):\n    return TABLE_{}.get(key)\n";
  std::string out = async_code ? "import asyncio\nimport time\n" : "import json\n";
  out.reserve(bytes + 4096);
  for (size_t i = 0; out.size() < bytes; ++i) {
    std::string b = block;
    std::string n = std::to_string(i);
    for (size_t p; (p = b.find("{}")) != std::string::npos;) b.replace(p, 2, n);
    for (size_t p; (p = b.find("{{")) != std::string::npos;) b.replace(p, 2, "{");
    for (size_t p; (p = b.find("}}")) != std::string::npos;) b.replace(p, 2, "}");
    out += b;
  }
  return out;
}

size_t line_count(const std::string& s) { return static_cast<size_t>(std::count(s.begin(), s.end(), '\n')); }

// A 50 MB file of plain data (no async marker): only read and scanned, never
// parsed, so it must be quick.
TEST(BadInput, HugeFileWithoutAsyncCode) {
  ScratchDir d;
  std::string text = generated_module(env_megabytes("ASYNCLINT_BIG_FILE_MB", 50) << 20, false);
  auto f = d.write("data.py", text);
  ToolResult r = asynclint({f.string()});
  RecordProperty("seconds", std::to_string(r.seconds));
  EXPECT_EQ(r.status, 0) << r.describe();
  EXPECT_LT(r.seconds, 15) << r.describe();
}

// A 50 MB module of async code, fully parsed and analyzed; the finding at its
// end must have the right line. tree-sitter alone takes about 0.35 s per MB
// here, so this is slow (see the report); the bound only catches a regression
// to something worse than linear.
TEST(BadInput, HugeFileWithAsyncCode) {
  ScratchDir d;
  std::string text = generated_module(env_megabytes("ASYNCLINT_BIG_FILE_MB", 50) << 20, true);
  text += "async def bad():\n    time.sleep(1)\n";
  auto f = d.write("big.py", text);
  asl::robustness::RunOptions o;
  o.timeout_seconds = 600;
  ToolResult r = asynclint({f.string()}, o);
  RecordProperty("seconds", std::to_string(r.seconds));
  std::cout << "[ INFO     ] " << (text.size() >> 20) << " MB async module linted in " << r.seconds << " s\n";
  EXPECT_EQ(r.status, 1) << r.describe();
  EXPECT_TRUE(has(r.out, "big.py:" + std::to_string(line_count(text)) + ":5: ASYNC251")) << r.describe();
}

// 5 MB on one line: a string literal, and one blocking call per statement
// (every finding's column is on the same line).
TEST(BadInput, FiveMegabyteSingleLine) {
  ScratchDir d;
  size_t size = env_megabytes("ASYNCLINT_LONG_LINE_MB", 5) << 20;
  auto str = d.write("string.py", "import asyncio\nx = \"" + std::string(size, 'a') + "\"\n");
  ToolResult s = asynclint({str.string()});
  EXPECT_EQ(s.status, 0) << s.describe();
  EXPECT_LT(s.seconds, 20) << s.describe();

  std::string line = "import time\nasync def f():";
  const std::string stmt = " time.sleep(1);";
  size_t calls = 0;
  for (; line.size() < size; ++calls) line += stmt;
  line += " pass\n";
  auto calls_file = d.write("calls.py", line);
  asl::robustness::RunOptions o;
  o.timeout_seconds = 300;
  ToolResult c = asynclint({"--output-format", "json-lines", calls_file.string()}, o);
  std::cout << "[ INFO     ] " << calls << " findings on one " << (size >> 20) << " MB line in " << c.seconds << " s\n";
  RecordProperty("seconds", std::to_string(c.seconds));
  EXPECT_EQ(c.status, 1) << c.describe();
  EXPECT_EQ(line_count(c.out), calls) << c.describe();
  // The last call's column: every statement before it is the same width.
  std::string last_column =
      "\"location\":{\"column\":" + std::to_string(16 + (calls - 1) * stmt.size()) + ",\"row\":2}";
  EXPECT_TRUE(has(c.out, last_column)) << last_column;

  ToolResult tr = asynctranslate({"--allow-partial", str.string()}, o);
  EXPECT_EQ(tr.status, 0) << tr.describe();
}

}  // namespace
