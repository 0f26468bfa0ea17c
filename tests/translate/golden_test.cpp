// Golden tests: every case's translation equals its expected.cs byte for byte.
// ASYNCTRANSLATE_UPDATE_GOLDEN=1 rewrites the expected files instead.
#include <cstdlib>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "translate_cases.h"

namespace asl::tr::testing {
namespace {

class Golden : public ::testing::TestWithParam<std::string> {};

TEST_P(Golden, MatchesExpectedCs) {
  const std::string name = GetParam();
  TranslateResult r = translate_case(name);
  std::string diags;
  for (const auto& d : r.diagnostics) diags += fmt::format("{}:{}: unsupported: {}\n", d.pos.line, d.pos.column, d.what);
  EXPECT_EQ(diags, "") << "the case must translate completely";
  auto expected_path = cases_dir() / name / "expected.cs";
  if (const char* u = std::getenv("ASYNCTRANSLATE_UPDATE_GOLDEN"); u && std::string(u) == "1") {
    std::ofstream(expected_path, std::ios::binary) << r.code;
    return;
  }
  ASSERT_TRUE(std::filesystem::exists(expected_path)) << "missing " << expected_path
                                                      << " (run with ASYNCTRANSLATE_UPDATE_GOLDEN=1)";
  EXPECT_EQ(r.code, read_file(expected_path));
}

INSTANTIATE_TEST_SUITE_P(Cases, Golden, ::testing::ValuesIn(case_names()),
                         [](const auto& p) { return p.param; });

}  // namespace
}  // namespace asl::tr::testing
