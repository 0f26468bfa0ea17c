// Deeply nested functions translate, and completely: each level's function
// and its body come out (lowering once took time exponential in the depth).
#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "cpp_cases.h"

namespace asl::tr::testing {
namespace {

// main() holds f1, which holds f2, ... down to f<depth>; each level adds one
// to its argument, calls the next level and returns what it got.
std::string nested_program(int depth) {
  std::string s = "import asyncio\n\n\nasync def main() -> None:\n";
  std::string indent = "    ";
  for (int i = 1; i <= depth; ++i) {
    s += fmt::format("{}def f{}(a{}: int) -> int:\n", indent, i, i);
    indent += "    ";
    s += fmt::format("{}x{} = a{} + 1\n", indent, i, i);
  }
  s += fmt::format("{}return x{}\n", indent, depth);
  for (int i = depth - 1; i >= 1; --i) {
    indent.resize(indent.size() - 4);
    s += fmt::format("{}return f{}(x{})\n", indent, i + 1, i);
  }
  s += "    print(f1(0))\n\n\nasyncio.run(main())\n";
  return s;
}

TranslateResult translate_text(const std::string& python, Target target) {
  LoadError e;
  SourceFile f = SourceFile::from_bytes("nested.py", python, &e);
  TranslateOptions o;
  o.target = target;
  return translate(f, o);
}

std::string diagnostics(const TranslateResult& r) {
  std::string out;
  for (const auto& d : r.diagnostics) out += fmt::format("{}:{}: {}\n", d.pos.line, d.pos.column, d.what);
  return out;
}

constexpr int kDepth = 30;

TEST(NestedFunctions, ThirtyLevelsTranslateToCs) {
  TranslateResult r = translate_text(nested_program(kDepth), Target::CSharp);
  ASSERT_EQ(diagnostics(r), "");
  for (int i = 1; i <= kDepth; ++i) {
    EXPECT_NE(r.code.find(fmt::format("int F{}(int a{})", i, i)), std::string::npos) << "level " << i;
    EXPECT_NE(r.code.find(fmt::format("var x{} = a{} + 1;", i, i)), std::string::npos) << "level " << i;
  }
  for (int i = 1; i < kDepth; ++i)
    EXPECT_NE(r.code.find(fmt::format("return F{}(x{});", i + 1, i)), std::string::npos) << "level " << i;
  EXPECT_NE(r.code.find(fmt::format("return x{};", kDepth)), std::string::npos);
}

TEST(NestedFunctions, ThirtyLevelsTranslateToCpp) {
  TranslateResult r = translate_text(nested_program(kDepth), Target::Cpp);
  ASSERT_EQ(diagnostics(r), "");
  for (int i = 1; i <= kDepth; ++i) {
    EXPECT_NE(r.code.find(fmt::format("auto f{} = [&](int a{}) -> int", i, i)), std::string::npos) << "level " << i;
    EXPECT_NE(r.code.find(fmt::format("auto x{} = a{} + 1;", i, i)), std::string::npos) << "level " << i;
  }
  for (int i = 1; i < kDepth; ++i)
    EXPECT_NE(r.code.find(fmt::format("return f{}(x{});", i + 1, i)), std::string::npos) << "level " << i;
  EXPECT_NE(r.code.find(fmt::format("return x{};", kDepth)), std::string::npos);
  EXPECT_NE(r.code.find("py::print(f1(0));"), std::string::npos);
}

}  // namespace
}  // namespace asl::tr::testing
