// Type inference for unannotated code: the join of types, the types call
// sites and mutations give, narrowing, and the diagnostics where inference
// stops (never code that the target compiler rejects).
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "translate/types.h"
#include "translate_cases.h"

namespace asl::tr::testing {
namespace {

TEST(Join, FillsUnknownPartsAndWidensAsPythonDoes) {
  EXPECT_EQ(join(Type(), TypeKind::Int), Type(TypeKind::Int));
  EXPECT_EQ(join(TypeKind::Int, TypeKind::Float), Type(TypeKind::Float));
  EXPECT_EQ(join(TypeKind::None, TypeKind::Str), Type::optional(TypeKind::Str));
  EXPECT_EQ(join(Type::optional(TypeKind::Int), TypeKind::Int), Type::optional(TypeKind::Int));
  EXPECT_EQ(join(Type::list(Type()), Type::list(TypeKind::Str)), Type::list(TypeKind::Str));
  EXPECT_EQ(join(Type::dict(TypeKind::Str, Type()), Type::dict(Type(), TypeKind::Int)),
            Type::dict(TypeKind::Str, TypeKind::Int));
}

TEST(Join, RefusesWhatNoTargetTypeHolds) {
  EXPECT_FALSE(join(TypeKind::Int, TypeKind::Str));
  EXPECT_FALSE(join(TypeKind::Bool, TypeKind::Int));  // True prints as True, not 1
  // Type arguments are invariant: a list[int] is no list[float].
  EXPECT_FALSE(join(Type::list(TypeKind::Int), Type::list(TypeKind::Float)));
  EXPECT_FALSE(join(Type::klass("A"), Type::klass("B")));
}

std::string diagnostics_of(const std::string& python, Target target = Target::CSharp) {
  LoadError e;
  SourceFile f = SourceFile::from_bytes("t.py", python, &e);
  TranslateOptions o;
  o.target = target;
  TranslateResult r = translate(f, o);
  std::string out;
  for (const auto& d : r.diagnostics) out += fmt::format("{}:{}: {}\n", d.pos.line, d.pos.column, d.what);
  return out;
}

std::string cs_of(const std::string& python) {
  LoadError e;
  SourceFile f = SourceFile::from_bytes("t.py", python, &e);
  TranslateResult r = translate(f, {});
  EXPECT_TRUE(r.diagnostics.empty()) << r.diagnostics.front().what;
  return r.code;
}

TEST(Inference, ParametersFromCallSites) {
  std::string cs = cs_of(
      "import asyncio\n\nasync def say_after(delay, what):\n    await asyncio.sleep(delay)\n    print(what)\n\n"
      "async def main():\n    await say_after(1, 'hello')\n    await say_after(0.5, 'world')\n\nasyncio.run(main())\n");
  EXPECT_NE(cs.find("SayAfter(double delay, string what)"), std::string::npos) << cs;
}

TEST(Inference, ResultsJoinEveryReturn) {
  std::string cs = cs_of("def find(xs, x):\n    for i in range(len(xs)):\n        if xs[i] == x:\n            return i\n"
                         "    return None\n\nprint(find([1, 2], 2))\n");
  EXPECT_NE(cs.find("int? Find(List<int> xs, int x)"), std::string::npos) << cs;
}

TEST(Inference, ContainersFromWhatTheCodePutsIntoThem) {
  std::string cs = cs_of(
      "import asyncio\n\nasync def worker(queue, results):\n    item = await queue.get()\n    results.append(item * 2)\n\n"
      "async def main():\n    queue = asyncio.Queue()\n    results = []\n    queue.put_nowait(3)\n"
      "    await worker(queue, results)\n    print(results)\n\nasyncio.run(main())\n");
  EXPECT_NE(cs.find("Worker(Channel<int> queue, List<int> results)"), std::string::npos) << cs;
  EXPECT_NE(cs.find("var results = new List<int>()"), std::string::npos) << cs;
}

TEST(Inference, NoneBesideValuesMakesOptionalElements) {
  std::string cs = cs_of(
      "import asyncio\n\nasync def main():\n    q = asyncio.Queue()\n    await q.put(1)\n    await q.put(None)\n"
      "    while True:\n        item = await q.get()\n        if item is None:\n            break\n        print(item + 1)\n\n"
      "asyncio.run(main())\n");
  EXPECT_NE(cs.find("Py.NewQueue<int?>()"), std::string::npos) << cs;
  EXPECT_NE(cs.find("item.Value + 1"), std::string::npos) << cs;
}

TEST(Inference, StopsWithADiagnosticNamingBothCallSites) {
  EXPECT_EQ(diagnostics_of("def show(x):\n    print(x)\n\nshow(1)\nshow('a')\n"),
            "5:6: parameter `x` of `show` is passed `str` here and `int` elsewhere (line 4); annotate it (a function "
            "called with different types is not translated)\n");
}

TEST(Inference, AContainerOfMixedTypesIsADiagnostic) {
  EXPECT_EQ(diagnostics_of("def f():\n    out = []\n    out.append(1)\n    out.append('a')\n    print(out)\n\nf()\n"),
            "4:5: `append` of `str` to a `list[int]`: the container would hold values of different types\n");
}

TEST(Inference, AParameterNoCallTypes) {
  EXPECT_EQ(diagnostics_of("def f(x):\n    print(x)\n"),
            "1:7: parameter `x` without a type annotation, and no call in this module passes it a value of known type\n");
}

TEST(Narrowing, EndsAtAnAssignmentAndInLoopsThatAssign) {
  // Inside the loop `x` may be None again after its first iteration.
  EXPECT_EQ(diagnostics_of("def f(x: int | None) -> None:\n    if x is None:\n        return\n    while True:\n"
                           "        print(x + 1)\n        x = None\n"),
            "5:15: `+` between `Optional[int]` and `int`\n");
}

TEST(Narrowing, ReadsTheValueOnBothTargets) {
  const char* py = "def f(x: int | None) -> int:\n    if x is None:\n        return 0\n    return x + 1\n\nprint(f(2))\n";
  EXPECT_NE(cs_of(py).find("return x.Value + 1;"), std::string::npos);
  LoadError e;
  SourceFile file = SourceFile::from_bytes("t.py", py, &e);
  TranslateOptions o;
  o.target = Target::Cpp;
  TranslateResult r = translate(file, o);
  ASSERT_TRUE(r.diagnostics.empty());
  EXPECT_NE(r.code.find("return *x + 1;"), std::string::npos) << r.code;
}

}  // namespace
}  // namespace asl::tr::testing
