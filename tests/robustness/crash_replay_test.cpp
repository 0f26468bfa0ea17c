// Every input the fuzzers broke something with (crashes/), replayed through
// the same linter, fixer and translator pipelines (fuzz/pipelines.h). Under
// the sanitizer build a memory error or leak fails the test as well.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "pipelines.h"

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> crash_inputs() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(fs::path(ASYNCLINT_SOURCE_DIR) / "tests/robustness/crashes"))
    if (e.is_regular_file()) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class CrashReplay : public ::testing::TestWithParam<fs::path> {};

TEST_P(CrashReplay, LintFixAndTranslateHold) {
  std::string bytes = read(GetParam());
  EXPECT_EQ(asl::robustness::lint_pipeline(bytes), std::nullopt);
  EXPECT_EQ(asl::robustness::fix_pipeline(bytes), std::nullopt);
  EXPECT_EQ(asl::robustness::translate_pipeline(bytes), std::nullopt);
}

INSTANTIATE_TEST_SUITE_P(Crashes, CrashReplay, ::testing::ValuesIn(crash_inputs()),
                         [](const ::testing::TestParamInfo<fs::path>& param) {
                           std::string name = param.param.stem().string();
                           for (char& c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

}  // namespace
