// The C++ backend's own unsupported constructs: reported at their position
// (file:line:col through the CLI, exit 1), or kept as a TODO with --allow-partial.
#include <cstdio>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "cli_runner.h"
#include "cpp_cases.h"

namespace asl::tr::testing {
namespace {

std::string cpp_diagnostics_of(const std::string& python) {
  LoadError e;
  SourceFile f = SourceFile::from_bytes("t.py", python, &e);
  TranslateOptions o;
  o.target = Target::Cpp;
  TranslateResult r = translate(f, o);
  std::string out;
  for (const auto& d : r.diagnostics) out += fmt::format("{}:{}: unsupported: {}\n", d.pos.line, d.pos.column, d.what);
  return out;
}

struct Case {
  const char* name;
  const char* python;
  const char* expected;
};

const Case kCases[] = {
    {"HttpsUrl",
     "import aiohttp\n\nasync def fetch() -> str:\n    async with aiohttp.ClientSession() as s:\n"
     "        async with s.get(\"https://api.example.com\") as r:\n            return await r.text()\n",
     "5:26: unsupported: https URL (the C++ translation speaks plain http only)\n"},
    {"Generator", "from typing import Iterator\n\ndef gen() -> Iterator[int]:\n    yield 1\n",
     "3:1: unsupported: generators (`yield` in a function that is not async)\n"},
    {"YieldInFinally",
     "from typing import AsyncIterator\n\nasync def gen() -> AsyncIterator[int]:\n    try:\n        yield 1\n    finally:\n"
     "        yield 2\n",
     "4:5: unsupported: `yield` inside `finally`\n"},
    {"AwaitInFinally",
     "import asyncio\n\nasync def f() -> None:\n    try:\n        print(1)\n    finally:\n        await asyncio.sleep(0)\n",
     "4:5: unsupported: `await` inside `finally`\n"},
    {"SetOperator", "def f(a: set[int], b: set[int]) -> None:\n    print(a | b)\n", "2:11: unsupported: set operator `|`\n"},
    {"RecursiveNestedCoroutine",
     "async def f() -> int:\n    async def g(n: int) -> int:\n        return 1 if n == 0 else await g(n - 1)\n    return await g(3)\n",
     "2:5: unsupported: a nested coroutine that calls itself\n"},
    {"ReturnedNestedCoroutineSharingState",
     "from typing import Awaitable, Callable\n\ndef f() -> Callable[[], Awaitable[int]]:\n    seen: list[int] = []\n"
     "    async def g() -> int:\n        seen.append(1)\n        return len(seen)\n    return g\n",
     "5:5: unsupported: a nested coroutine returned from its function while sharing its variables\n"},
    {"EscapingNestedFunctionAssigning",
     "from typing import Callable\n\ndef f() -> Callable[[], int]:\n    n = 0\n    def g() -> int:\n        nonlocal n\n"
     "        n += 1\n        return n\n    return g\n",
     "5:5: unsupported: a nested function used as a value that assigns `n` of its enclosing function\n"},
    // A cause that is only a name shows in tracebacks alone and is dropped; one computed is not.
    {"RaiseFrom", "def make() -> Exception:\n    print(0)\n    return ValueError(\"y\")\n\ndef f() -> None:\n    raise RuntimeError(\"x\") from make()\n",
     "6:5: unsupported: raise ... from <exception> (exception chaining)\n"},
    {"UnawaitedCoroutine", "import asyncio\n\nasync def g() -> None:\n    await asyncio.sleep(0)\n\nasync def f() -> None:\n    g()\n",
     "7:5: unsupported: a coroutine called without `await` (it would never run)\n"},
};

class CppUnsupported : public ::testing::TestWithParam<Case> {};

TEST_P(CppUnsupported, IsReportedAtItsPosition) { EXPECT_EQ(cpp_diagnostics_of(GetParam().python), GetParam().expected); }

INSTANTIATE_TEST_SUITE_P(Constructs, CppUnsupported, ::testing::ValuesIn(kCases),
                         [](const auto& p) { return std::string(p.param.name); });

// --- the command line --------------------------------------------------------

CliRun cli(const std::string& args, const std::string& input) { return run_cli(args, input); }

const char* kPartial =
    "def main() -> None:\n    print(\"start\")\n    print({1} | {2})\n    print(\"end\")\n\nmain()\n";

TEST(CppCli, UnsupportedExitsOneWithFileLineColumn) {
  CliRun r = cli("--to=cpp", kPartial);
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "IN:3:11: unsupported: set operator `|`\n");
}

TEST(CppCli, AllowPartialKeepsATodoAtTheSpot) {
  CliRun r = cli("--to=cpp --allow-partial", kPartial);
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("    py::print(\"start\");\n"
                       "    // TODO(asynctranslate): set operator `|`\n"
                       "    py::print(\"end\");\n"),
            std::string::npos)
      << r.out;
}

TEST(CppCli, EmitCmakeWritesAProjectBesideTheOutput) {
  std::string dir = ::testing::TempDir() + "/asynctranslate_emit_cmake_" + std::to_string(::getpid());
  std::filesystem::create_directories(dir);
  CliRun r = cli("--to=cpp --emit-cmake -o " + dir + "/hello.cpp", "print('hi')\n");
  EXPECT_EQ(r.status, 0) << r.out;
  std::string cmake = read_file(std::filesystem::path(dir) / "CMakeLists.txt");
  EXPECT_NE(cmake.find("find_package(Boost 1.81 REQUIRED)"), std::string::npos) << cmake;
  EXPECT_NE(cmake.find("find_package(fmt REQUIRED)"), std::string::npos);
  EXPECT_NE(cmake.find("add_executable(hello hello.cpp)"), std::string::npos);
}

// Every C++ mapping names an entry of rules/translate and valid placeholders.
TEST(CppApiTable, LoadsAndLinks) {
  const auto& t = cpp::builtin_cpp_api();
  EXPECT_FALSE(t.calls.empty());
  EXPECT_NE(t.type("asyncio.Queue"), nullptr);
  for (const auto& c : t.all) {
    bool used = false;
    for (const auto& [entry, call] : t.calls) used = used || call == &c;
    EXPECT_TRUE(used) << c.file << ":" << c.line << ": mapping for `" << c.python << "` serves no entry";
  }
}

}  // namespace
}  // namespace asl::tr::testing
