// Multi-file fixture projects (tests/lint/projects/<name>/): every file's
// findings must equal its `# error:` annotations, and the project-wide
// analysis must give the same result whatever the order of the files.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <random>
#include <regex>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "lint/project_runner.h"

namespace fs = std::filesystem;

namespace asl {
namespace {

using Finding = std::tuple<std::string, uint32_t, std::string>;  // file, line, code

std::multiset<Finding> annotations(const fs::path& root, const std::vector<std::string>& files) {
  static const std::regex marker(R"(#\s*error:\s*([A-Z]+[0-9]+(?:\s*,\s*[A-Z]+[0-9]+)*))");
  static const std::regex code(R"([A-Z]+[0-9]+)");
  std::multiset<Finding> out;
  for (const auto& f : files) {
    std::ifstream in(f);
    std::string line;
    uint32_t n = 0;
    while (std::getline(in, line)) {
      ++n;
      std::smatch m;
      if (!std::regex_search(line, m, marker)) continue;
      std::string codes = m[1];
      for (std::sregex_iterator it(codes.begin(), codes.end(), code), end; it != end; ++it)
        out.insert({fs::relative(f, root).string(), n, it->str()});
    }
  }
  return out;
}

std::vector<std::string> python_files(const fs::path& root) {
  std::vector<std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.path().extension() == ".py") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<std::string> run(const fs::path& root, const std::vector<std::string>& files,
                             const ProjectOptions& options = {}) {
  Linter linter(builtin_catalog(), RuleSelection{});
  std::vector<LintInput> inputs;
  for (const auto& f : files) inputs.push_back({f, std::nullopt});
  std::vector<std::string> out;
  for (const FileResult& r : lint_project(linter, inputs, options)) {
    EXPECT_FALSE(r.error) << r.path << ": " << *r.error;
    for (const Diagnostic& d : r.diagnostics)
      out.push_back(fmt::format("{}:{}:{}: {} {}", fs::relative(r.path, root).string(), d.start.line, d.start.column,
                                d.code, d.message));
  }
  return out;
}

class ProjectFixture : public ::testing::TestWithParam<fs::path> {};

TEST_P(ProjectFixture, FindingsMatchAnnotationsInAnyFileOrder) {
  fs::path root = GetParam();
  std::vector<std::string> files = python_files(root);
  std::vector<std::string> first = run(root, files);

  std::multiset<Finding> actual;
  static const std::regex line_re(R"(^(.*?):(\d+):\d+: ([A-Z]+[0-9]+) )");
  for (const auto& l : first) {
    std::smatch m;
    ASSERT_TRUE(std::regex_search(l, m, line_re)) << l;
    actual.insert({m[1], static_cast<uint32_t>(std::stoul(m[2])), m[3]});
  }
  std::multiset<Finding> expected = annotations(root, files);
  std::string report;
  for (const auto& e : expected)
    if (actual.count(e) < expected.count(e))
      report += fmt::format("  missing  {}:{}: {}\n", std::get<0>(e), std::get<1>(e), std::get<2>(e));
  for (const auto& l : first) {
    std::smatch m;
    std::regex_search(l, m, line_re);
    Finding f{m[1], static_cast<uint32_t>(std::stoul(m[2])), m[3]};
    if (expected.count(f) < actual.count(f)) report += "  extra    " + l + "\n";
  }
  EXPECT_TRUE(report.empty()) << root.filename().string() << ":\n" << report;

  // Reversed and shuffled orders give byte-identical output.
  std::vector<std::string> reversed(files.rbegin(), files.rend());
  EXPECT_EQ(run(root, reversed), first);
  std::mt19937 rng(12345);
  for (int i = 0; i < 3; ++i) {
    std::vector<std::string> shuffled = files;
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    EXPECT_EQ(run(root, shuffled), first);
  }

  // Skipping the files that cannot produce a finding changes no finding.
  ProjectOptions all;
  all.parse_all = true;
  EXPECT_EQ(run(root, files, all), first);
}

// Which files the default run parses: those with async code, and synchronous
// files that can import one of their coroutine functions.
TEST(ProjectScan, ParsesOnlyFilesThatCanReachACoroutine) {
  fs::path root = fs::path(ASYNCLINT_SOURCE_DIR) / "tests/lint/projects/scan";
  std::vector<LintInput> inputs;
  for (const auto& f : python_files(root)) inputs.push_back({f, std::nullopt});
  Linter linter(builtin_catalog(), RuleSelection{});
  ProjectHooks hooks;
  std::vector<std::string> linted;
  std::mutex m;
  hooks.lint = [&](const LintInput& in, const ModuleInfo& mod, const ProjectScope& scope) {
    {
      std::lock_guard lock(m);
      linted.push_back(fs::relative(in.path, root).string());
    }
    return linter.lint_path(in.path, mod, &scope);
  };
  hooks.add = [](std::vector<Diagnostic>, FileResult&) {};
  ProjectStats stats;
  lint_project(inputs, linter.catalog(), hooks, {}, &stats);
  std::sort(linted.begin(), linted.end());
  EXPECT_EQ(linted, (std::vector<std::string>{"app/cli.py", "app/client.py", "tools/run.py"}));
  EXPECT_EQ(stats.files, 5u);
  EXPECT_EQ(stats.parsed, 3u);
  EXPECT_EQ(stats.parsed_for_project, 2u);

  // Without the project-wide rules, only the file with async code.
  linted.clear();
  ProjectOptions without;
  without.project_rules = false;
  lint_project(inputs, linter.catalog(), hooks, without, &stats);
  EXPECT_EQ(linted, (std::vector<std::string>{"app/client.py"}));
  EXPECT_EQ(stats.parsed_for_project, 0u);
}

TEST(ProjectScan, ProjectRulesFollowTheSelection) {
  const Catalog& catalog = builtin_catalog();
  EXPECT_TRUE(selects_project_rules(RuleSelection{}, catalog));
  EXPECT_FALSE(selects_project_rules(RuleSelection{{"ASYNC"}, {}, {}}, catalog));
  EXPECT_TRUE(selects_project_rules(RuleSelection{{"ASYNC"}, {"AL210"}, {}}, catalog));
  EXPECT_FALSE(selects_project_rules(RuleSelection{{}, {}, {"AL201", "AL204", "AL210"}}, catalog));
  EXPECT_TRUE(selects_project_rules(RuleSelection{{}, {}, {"AL201", "AL204"}}, catalog));
}

std::vector<fs::path> projects() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(fs::path(ASYNCLINT_SOURCE_DIR) / "tests/lint/projects"))
    if (e.is_directory()) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

INSTANTIATE_TEST_SUITE_P(Lint, ProjectFixture, ::testing::ValuesIn(projects()),
                         [](const auto& param_info) { return param_info.param.filename().string(); });

}  // namespace
}  // namespace asl
