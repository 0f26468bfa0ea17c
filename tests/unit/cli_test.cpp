// The asynclint executable end to end: output, exit codes, bad input.
#include <gtest/gtest.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

struct Outcome {
  int status;
  std::string out;
};

Outcome run(const std::string& args, const std::string& input = "") {
  fs::path in = fs::temp_directory_path() / ("asynclint_stdin_" + std::to_string(::getpid()));
  std::ofstream(in, std::ios::binary) << input;
  std::string cmd = std::string(ASYNCLINT_BINARY) + " " + args + " < " + in.string() + " 2>&1";
  Outcome r{0, ""};
  FILE* p = popen(cmd.c_str(), "r");
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  fs::remove(in);
  return r;
}

// Runs asynclint on a pseudo-terminal (colour is for terminals only), with
// NO_COLOR set to `no_color`, or unset when it is null; stdout and stderr
// together. nullopt when no pseudo-terminal can be had.
std::optional<std::string> run_on_tty(const std::string& args, const char* no_color) {
  std::string cmd = std::string(ASYNCLINT_BINARY) + " " + args + " < /dev/null";
  int master = -1;
  pid_t pid = forkpty(&master, nullptr, nullptr, nullptr);
  if (pid < 0) return std::nullopt;
  if (pid == 0) {
    if (no_color) ::setenv("NO_COLOR", no_color, 1);
    else ::unsetenv("NO_COLOR");
    ::execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  std::string out;
  char buf[4096];
  for (;;) {
    ssize_t n = ::read(master, buf, sizeof buf);
    if (n > 0) out.append(buf, static_cast<size_t>(n));
    else if (n < 0 && errno == EINTR) continue;
    else break;  // EIO once the child has closed the terminal
  }
  ::close(master);
  int st = 0;
  ::waitpid(pid, &st, 0);
  return out;
}

class TempDir {
 public:
  TempDir() : path_(fs::temp_directory_path() / ("asynclint_cli_" + std::to_string(::getpid()) + "_" +
                                                 std::to_string(counter_++))) {
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  fs::path write(const std::string& name, const std::string& bytes) const {
    fs::path p = path_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }
  std::string str() const { return path_.string(); }

 private:
  static inline int counter_ = 0;
  fs::path path_;
};

const char* kBlocking = "import time\nasync def f():\n    time.sleep(1)\n";

TEST(Cli, ReportsFindingsInRuffFormatAndExitsOne) {
  TempDir d;
  auto f = d.write("a.py", kBlocking);
  Outcome r = run(f.string());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find(f.string() + ":3:5: ASYNC251 [*] `time.sleep` blocks the event loop"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Found 1 error."), std::string::npos);
}

TEST(Cli, CleanFileExitsZero) {
  TempDir d;
  Outcome r = run(d.write("ok.py", "import asyncio\nasync def f():\n    await asyncio.sleep(1)\n").string());
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("All checks passed!"), std::string::npos);
}

TEST(Cli, StdinWithFilename) {
  Outcome r = run("- --stdin-filename pkg/mod.py", kBlocking);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("pkg/mod.py:3:5: ASYNC251"), std::string::npos) << r.out;
}

TEST(Cli, SelectAndIgnoreByPrefix) {
  EXPECT_EQ(run("- --ignore ASYNC2", kBlocking).status, 0);
  EXPECT_EQ(run("- --select AL", kBlocking).status, 0);
  EXPECT_EQ(run("- --select ASYNC25", kBlocking).status, 1);
  EXPECT_EQ(run("- --ignore ASYNC --extend-select ASYNC251", kBlocking).status, 1);
  Outcome bad = run("- --select NOPE1", kBlocking);
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.out.find("unknown rule selector `NOPE1`"), std::string::npos);
}

TEST(Cli, BadFilesAreErrorsAndOthersAreStillLinted) {
  TempDir d;
  d.write("a_bad.py", "x = '\xff'\n");
  d.write("b_nul.py", std::string("x = 1\0\n", 7));
  d.write("c_good.py", kBlocking);
  Outcome r = run(d.str() + " " + d.str() + "/missing.py");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("a_bad.py: 1:6: invalid UTF-8"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("b_nul.py: 1:6: contains a NUL byte"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("missing.py: No such file or directory"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("c_good.py:3:5: ASYNC251"), std::string::npos) << r.out;
}

TEST(Cli, NoAllChecksPassedWhenAFileCouldNotBeChecked) {
  TempDir d;
  auto ok = d.write("ok.py", "x = 1\n");
  auto bad = d.write("bad.py", "x = '\xff'\n");
  for (const std::string& args : {d.str() + "/missing.py", bad.string(), ok.string() + " " + d.str() + "/missing.py",
                                  ok.string() + " " + bad.string(), "--statistics " + d.str() + "/missing.py",
                                  "--output-format full " + bad.string()}) {
    Outcome r = run(args);
    EXPECT_EQ(r.status, 2) << args;
    EXPECT_EQ(r.out.find("All checks passed!"), std::string::npos) << args << "\n" << r.out;
    EXPECT_NE(r.out.find("asynclint: error: "), std::string::npos) << args << "\n" << r.out;
  }
  Outcome nul = run("-", std::string("x = 1\0\n", 7));
  EXPECT_EQ(nul.status, 2);
  EXPECT_EQ(nul.out.find("All checks passed!"), std::string::npos) << nul.out;
  // Findings are still counted; a clean run still says so.
  Outcome mixed = run(d.write("a.py", kBlocking).string() + " " + bad.string());
  EXPECT_EQ(mixed.status, 2);
  EXPECT_NE(mixed.out.find("Found 1 error."), std::string::npos) << mixed.out;
  EXPECT_NE(run(ok.string()).out.find("All checks passed!"), std::string::npos);
}

TEST(Cli, DirectoryWalkSkipsHiddenCachesAndVirtualenvs) {
  TempDir d;
  d.write("pkg/mod.py", kBlocking);
  d.write("pkg/stub.pyi", "");
  d.write(".hidden/x.py", kBlocking);
  d.write("__pycache__/x.py", kBlocking);
  d.write("node_modules/x.py", kBlocking);
  d.write("env1/pyvenv.cfg", "");
  d.write("env1/lib/x.py", kBlocking);
  d.write("notes.txt", "");
  Outcome r = run("--show-files " + d.str());
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("pkg/mod.py"), std::string::npos);
  EXPECT_NE(r.out.find("pkg/stub.pyi"), std::string::npos);
  EXPECT_EQ(r.out.find(".hidden"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("__pycache__"), std::string::npos);
  EXPECT_EQ(r.out.find("node_modules"), std::string::npos);
  EXPECT_EQ(r.out.find("env1"), std::string::npos);
  // Named explicitly, a hidden file is linted.
  EXPECT_EQ(run(d.str() + "/.hidden/x.py").status, 1);
}

TEST(Cli, SymlinkLoopDoesNotHang) {
  TempDir d;
  d.write("pkg/a.py", kBlocking);
  fs::create_directory_symlink("..", fs::path(d.str()) / "pkg/loop");
  Outcome r = run(d.str());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("Found 1 error."), std::string::npos) << r.out;
}

TEST(Cli, SyntaxErrorIsReportedAndTheRestLinted) {
  Outcome r = run("-", "import time\ndef f(:\n    pass\nasync def g():\n    time.sleep(1)\n");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("-:2:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("E999 SyntaxError"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("-:5:5: ASYNC251"), std::string::npos) << r.out;
}

TEST(Cli, PositionsWithBomCrlfAndNonAscii) {
  Outcome r = run("-", "\xEF\xBB\xBFimport time\r\nasync def f():\r\n    s = 'é'; time.sleep(1)\r\n");
  EXPECT_NE(r.out.find("-:3:14: ASYNC251"), std::string::npos) << r.out;
}

TEST(Cli, EmptyAndBomOnlyFilesAreClean) {
  EXPECT_EQ(run("-", "").status, 0);
  EXPECT_EQ(run("-", "\xEF\xBB\xBF").status, 0);
}

TEST(Cli, JsonAndGithubFormats) {
  Outcome j = run("- --output-format json", kBlocking);
  EXPECT_NE(j.out.find("\"code\": \"ASYNC251\""), std::string::npos) << j.out;
  EXPECT_NE(j.out.find("\"row\": 3"), std::string::npos);
  Outcome g = run("- --output-format github", kBlocking);
  EXPECT_NE(g.out.find("::error title=asynclint (ASYNC251),file=-,line=3,col=5"), std::string::npos) << g.out;
  EXPECT_EQ(run("- --output-format xml", kBlocking).status, 2);
}

TEST(Cli, ColourOnATerminalUnlessNoColorIsSetAndNotEmpty) {
  TempDir d;
  auto f = d.write("a.py", kBlocking).string();
  auto plain = run_on_tty(f, nullptr);
  if (!plain) GTEST_SKIP() << "no pseudo-terminal";
  EXPECT_NE(plain->find("\x1b[1;31mASYNC251"), std::string::npos) << *plain;
  auto empty = run_on_tty(f, "");  // set but empty: no-color.org says it does not count
  ASSERT_TRUE(empty);
  EXPECT_NE(empty->find("\x1b["), std::string::npos) << *empty;
  auto off = run_on_tty(f, "1");
  ASSERT_TRUE(off);
  EXPECT_NE(off->find("ASYNC251"), std::string::npos) << *off;
  EXPECT_EQ(off->find("\x1b["), std::string::npos) << *off;
  auto full = run_on_tty("--output-format full " + f, "");
  ASSERT_TRUE(full);
  EXPECT_NE(full->find("\x1b[1;31m^^^"), std::string::npos) << *full;
}

TEST(Cli, RuleExplainsItself) {
  Outcome r = run("rule ASYNC251");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("## Why is this bad?"), std::string::npos);
  EXPECT_EQ(run("rule NOPE").status, 2);
  Outcome all = run("rule --all");
  EXPECT_NE(all.out.find("(AL101)"), std::string::npos);
  EXPECT_NE(all.out.find("(ASYNC210)"), std::string::npos);
}

TEST(Cli, ExitZeroAndVersion) {
  EXPECT_EQ(run("- --exit-zero", kBlocking).status, 0);
  Outcome v = run("--version");
  EXPECT_EQ(v.status, 0);
  EXPECT_NE(v.out.find("asynclint "), std::string::npos);
}

}  // namespace
