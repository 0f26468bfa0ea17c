// Golden tests for the C++ backend: every case's translation equals its
// expected.cpp byte for byte. ASYNCTRANSLATE_UPDATE_GOLDEN=1 rewrites them.
#include <cstdlib>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "cpp_cases.h"

namespace asl::tr::testing {
namespace {

class CppGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(CppGolden, MatchesExpectedCpp) {
  const std::string name = GetParam();
  TranslateResult r = translate_case_cpp(name);
  std::string diags;
  for (const auto& d : r.diagnostics) diags += fmt::format("{}:{}: unsupported: {}\n", d.pos.line, d.pos.column, d.what);
  if (cpp_unsupported_cases().count(name)) {
    EXPECT_NE(diags, "") << "a known gap now translates: remove it from cpp_unsupported_cases()";
    return;
  }
  EXPECT_EQ(diags, "") << "the case must translate completely";
  auto expected_path = cases_dir() / name / "expected.cpp";
  if (const char* u = std::getenv("ASYNCTRANSLATE_UPDATE_GOLDEN"); u && std::string(u) == "1") {
    std::ofstream(expected_path, std::ios::binary) << r.code;
    return;
  }
  ASSERT_TRUE(std::filesystem::exists(expected_path)) << "missing " << expected_path
                                                      << " (run with ASYNCTRANSLATE_UPDATE_GOLDEN=1)";
  EXPECT_EQ(r.code, read_file(expected_path));
}

INSTANTIATE_TEST_SUITE_P(Cases, CppGolden, ::testing::ValuesIn(case_names()), [](const auto& p) { return p.param; });

}  // namespace
}  // namespace asl::tr::testing
