// The asynclint executable with configuration, fixes and the CI formats.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

#include <nlohmann/json.hpp>

#include "../support/sarif_validator.h"

namespace fs = std::filesystem;

namespace {

struct Outcome {
  int status;
  std::string out;
};

// Runs asynclint in `dir` with stdout and stderr together.
Outcome run_in(const fs::path& dir, const std::string& args, const std::string& stdin_text = "") {
  fs::path in = fs::temp_directory_path() / ("asynclint_ci_stdin_" + std::to_string(::getpid()));
  std::ofstream(in, std::ios::binary) << stdin_text;
  std::string cmd = "cd '" + dir.string() + "' && " + ASYNCLINT_BINARY + " " + args + " < " + in.string() + " 2>&1";
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

class Project : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("asynclint_ci_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void write(const std::string& name, const std::string& text) {
    fs::create_directories((dir_ / name).parent_path());
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }
  std::string read(const std::string& name) {
    std::ifstream in(dir_ / name, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  Outcome run(const std::string& args, const std::string& input = "") { return run_in(dir_, args, input); }
  fs::path dir_;
};

const char* kSleep = "import time\n\nasync def f():\n    time.sleep(1)\n";

TEST_F(Project, ConfigurationIsFoundAndCommandLineOverridesIt) {
  write("pyproject.toml", "[tool.asynclint]\nignore = [\"ASYNC251\"]\n");
  write("pkg/a.py", kSleep);
  // As in ruff, the command line's --select replaces the configuration's
  // whole selection, its ignore included ...
  EXPECT_EQ(run("--select ASYNC25 pkg").status, 1);
  EXPECT_EQ(run("--select ASYNC25 --ignore ASYNC251 pkg").status, 0);
  EXPECT_EQ(run("--isolated --select ASYNC25 pkg").status, 1);
  // ... and --extend-select / --ignore adjust it, deciding the rules they name.
  EXPECT_EQ(run("--extend-select ASYNC251 pkg").status, 1);
  EXPECT_EQ(run("--extend-select ASYNC25 pkg").status, 1);
  EXPECT_EQ(run("--ignore ASYNC2 --extend-select ASYNC251 --isolated pkg").status, 1);
  EXPECT_EQ(run("--extend-select ASYNC251 --ignore ASYNC251 pkg").status, 0);  // ignore wins a tie
  // The configuration's extend-select is replaced too: ASYNC124 (off by
  // default) would report `f`, an async function that never awaits.
  write("pyproject.toml", "[tool.asynclint]\nextend-select = [\"ASYNC124\"]\n");
  Outcome both = run("pkg");
  EXPECT_NE(both.out.find("ASYNC124"), std::string::npos) << both.out;
  Outcome replaced = run("--select ASYNC251 pkg");
  EXPECT_EQ(replaced.out.find("ASYNC124"), std::string::npos) << replaced.out;
  EXPECT_NE(replaced.out.find("ASYNC251"), std::string::npos) << replaced.out;
  write("pyproject.toml", "[tool.asynclint]\nignore = [\"ASYNC251\"]\n");
  write("other.toml", "select = [\"ASYNC251\"]\n");
  EXPECT_EQ(run("--config other.toml pkg").status, 1);
  Outcome shown = run("--show-settings pkg/a.py");
  EXPECT_EQ(shown.status, 0);
  EXPECT_NE(shown.out.find("pyproject.toml"), std::string::npos) << shown.out;
  EXPECT_NE(shown.out.find("ignore = [\"ASYNC251\"]"), std::string::npos) << shown.out;
}

TEST_F(Project, BadConfigurationIsAnErrorNamingFileLineAndKey) {
  write("pyproject.toml", "[tool.asynclint]\nselect = [\"ASYNC\"]\nextend-ignore = [\"X\"]\n");
  write("a.py", kSleep);
  Outcome r = run("a.py");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("pyproject.toml:3:1: unknown key `extend-ignore`"), std::string::npos) << r.out;
  // Several errors: all of them, in line order, each on its own line.
  write("pyproject.toml", "[tool.asynclint]\nzzz = 1\nselect = [\"NOPE9\"]\naaa = 2\n");
  r = run("a.py");
  EXPECT_EQ(r.status, 2);
  std::string file = (dir_ / "pyproject.toml").string();
  EXPECT_EQ(r.out, "asynclint: error: " + file + ":2:1: unknown key `zzz`\n" +
                   "asynclint: error: " + file + ":3:11: `select`: unknown rule selector `NOPE9`\n" +
                   "asynclint: error: " + file + ":4:1: unknown key `aaa`\n");
}

TEST_F(Project, ExtraBlockingCallsFromConfigurationAndCommandLine) {
  write("asynclint.toml", "[extra-blocking-calls]\n\"mylib.fetch\" = \"mylib.fetch_async\"\n");
  write("a.py", "import mylib, os\nasync def f():\n    await g()\n    mylib.fetch()\n    os.getcwd()\n");
  Outcome r = run("--select ASYNC200 a.py");
  EXPECT_NE(r.out.find("a.py:4:5: ASYNC200 `mylib.fetch` is configured as blocking; use `mylib.fetch_async`"),
            std::string::npos) << r.out;
  EXPECT_EQ(r.out.find(":5:5:"), std::string::npos) << r.out;
  r = run("--select ASYNC200 --extra-blocking-call os.getcwd=anyio.Path.cwd a.py");
  EXPECT_NE(r.out.find("a.py:5:5: ASYNC200 `os.getcwd` is configured as blocking; use `anyio.Path.cwd`"),
            std::string::npos) << r.out;
  EXPECT_EQ(run("--extra-blocking-call nonsense a.py").status, 2);
}

TEST_F(Project, FixRewritesAndReportsWhatIsLeft) {
  write("a.py", std::string(kSleep) + "    [time.sleep(i) for i in range(3)]\n    list(time.sleep(i) for i in range(3))\n");
  Outcome r = run("--select ASYNC251 --fix a.py");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("a.py:7:10: ASYNC251 `time.sleep`"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Found 1 error.\nFixed 2 errors.\n"), std::string::npos) << r.out;
  EXPECT_EQ(read("a.py"), "import time\nimport asyncio\n\nasync def f():\n    await asyncio.sleep(1)\n"
                          "    [await asyncio.sleep(i) for i in range(3)]\n    list(time.sleep(i) for i in range(3))\n");
  // A second run has nothing left to fix.
  r = run("--select ASYNC251 --fix a.py");
  EXPECT_EQ(r.out.find("Fixed"), std::string::npos) << r.out;
}

TEST_F(Project, DiffPrintsAndChangesNothing) {
  write("a.py", kSleep);
  Outcome r = run("--diff a.py");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("--- a.py\n+++ a.py\n@@ -1,4 +1,5 @@\n import time\n+import asyncio\n"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("-    time.sleep(1)\n+    await asyncio.sleep(1)\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Would fix 1 error."), std::string::npos);
  EXPECT_EQ(read("a.py"), kSleep);
  write("b.py", "x = 1\n");
  EXPECT_EQ(run("--diff b.py").status, 0);
}

TEST_F(Project, FixOnStandardInputWritesTheFixedSource) {
  Outcome r = run("--fix --select ASYNC251 -", kSleep);
  EXPECT_TRUE(r.out.starts_with("import time\nimport asyncio\n\nasync def f():\n    await asyncio.sleep(1)\n")) << r.out;
  EXPECT_EQ(r.status, 0);
}

TEST_F(Project, StatisticsAndFormats) {
  write("a.py", kSleep);
  Outcome r = run("--select ASYNC251 --statistics a.py");
  EXPECT_EQ(r.out, "1\tASYNC251\t[*] blocking-sleep-in-async-function\n");
  EXPECT_EQ(r.status, 1);
  r = run("--select ASYNC251 --output-format sarif a.py");
  EXPECT_NE(r.out.find("\"ruleId\": \"ASYNC251\""), std::string::npos) << r.out;
  r = run("--select ASYNC251 --output-format gitlab a.py");
  EXPECT_NE(r.out.find("\"check_name\": \"ASYNC251\""), std::string::npos) << r.out;
  r = run("--select ASYNC251 --output-format junit a.py");
  EXPECT_NE(r.out.find("<failure message="), std::string::npos) << r.out;
  r = run("--select ASYNC251 --output-format full a.py");
  EXPECT_NE(r.out.find("4 |     time.sleep(1)\n  |     ^^^^^^^^^^ ASYNC251\n"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("\x1b["), std::string::npos);  // piped: no colour
}

TEST_F(Project, SarifUrisArePercentEncodedAndTheLogValidates) {
  write("dir/sp ace/m.py", kSleep);
  write("dir/a#b?c%/m.py", kSleep);
  Outcome r = run("--select ASYNC251 --output-format sarif 'dir/sp ace/m.py' 'dir/a#b?c%/m.py'");
  EXPECT_EQ(r.status, 1) << r.out;
  auto log = nlohmann::json::parse(r.out);
  const auto& results = log["runs"][0]["results"];
  ASSERT_EQ(results.size(), 2u);
  auto uri = [&](size_t i) { return results[i]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]; };
  EXPECT_EQ(uri(0), "dir/a%23b%3Fc%25/m.py");
  EXPECT_EQ(uri(1), "dir/sp%20ace/m.py");
  if (!asl::testing::sarif_validator_installed()) GTEST_SKIP() << "the schema validator is not installed";
  auto [status, out] = asl::testing::validate_sarif(r.out);
  EXPECT_EQ(status, 0) << out;
  // The formats that carry plain paths keep them.
  r = run("--select ASYNC251 --output-format gitlab 'dir/sp ace/m.py'");
  EXPECT_EQ(nlohmann::json::parse(r.out)[0]["location"]["path"], "dir/sp ace/m.py");
  r = run("--select ASYNC251 --output-format junit 'dir/sp ace/m.py'");
  EXPECT_NE(r.out.find("file=\"dir/sp ace/m.py\""), std::string::npos) << r.out;
  r = run("--select ASYNC251 --output-format github 'dir/sp ace/m.py'");
  EXPECT_NE(r.out.find(",file=dir/sp ace/m.py,"), std::string::npos) << r.out;
}

TEST_F(Project, GitignoreAndExcludeApplyToTheWalk) {
  write(".gitignore", "generated/\n");
  write("pyproject.toml", "[tool.asynclint]\nextend-exclude = [\"legacy\"]\n");
  write("src/a.py", kSleep);
  write("generated/b.py", kSleep);
  write("legacy/c.py", kSleep);
  Outcome r = run("--show-files .");
  EXPECT_NE(r.out.find("src/a.py"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("generated"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("legacy"), std::string::npos) << r.out;
  write("pyproject.toml", "[tool.asynclint]\nrespect-gitignore = false\n");
  r = run("--show-files .");
  EXPECT_NE(r.out.find("generated/b.py"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("legacy/c.py"), std::string::npos) << r.out;
  EXPECT_EQ(run("legacy/c.py").status, 1);  // a named file is always linted
}

TEST_F(Project, PreCommitHookDefinition) {
  std::ifstream in(fs::path(ASYNCLINT_SOURCE_DIR) / ".pre-commit-hooks.yaml");
  std::stringstream s;
  s << in.rdbuf();
  std::string hooks = s.str();
  for (const char* line : {"- id: asynclint", "entry: asynclint", "language: system", "types: [python]"})
    EXPECT_NE(hooks.find(line), std::string::npos) << line;
}

}  // namespace
