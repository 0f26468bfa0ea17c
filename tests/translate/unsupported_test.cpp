// Constructs without a translation are reported at their position and never
// dropped: without --allow-partial the CLI exits 1; with it, a TODO comment
// keeps the spot.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "translate_cases.h"

namespace asl::tr::testing {
namespace {

std::string diagnostics_of(const std::string& python) {
  LoadError e;
  SourceFile f = SourceFile::from_bytes("t.py", python, &e);
  TranslateResult r = translate(f, {});
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
    {"UnknownModule", "import numpy\n", "1:8: unsupported: import of module `numpy` (no mapping in rules/translate)\n"},
    {"UnmappedCall", "import asyncio\n\nasync def main() -> None:\n    asyncio.get_child_watcher()\n",
     "4:5: unsupported: call to `asyncio.get_child_watcher` (no mapping in rules/translate)\n"},
    {"UnannotatedParameter", "def f(x):\n    return x\n",
     "1:7: unsupported: parameter `x` without a type annotation, and no call in this module passes it a value of known "
     "type\n"},
    {"IntOrFloatParameterPrinted",
     "import asyncio\n\nasync def slow(n):\n    await asyncio.sleep(n)\n    return n\n\nasync def main():\n"
     "    print(await slow(1))\n    x = await slow(0.5)\n    print(x, f\"{x:.1f}\")\n\nasyncio.run(main())\n",
     "8:11: unsupported: `await slow(1)` is an int at some calls and a float at others (Python prints `1` where the "
     "translation would print `1.0`); pass floats (`1.0`) or annotate it\n"},
    {"IntOrFloatInArithmeticPrinted",
     "def scale(v, k):\n    return v * k\n\nprint(scale(2, 3), scale(0.5, 2))\nprint(scale(2.5, 2.0))\n",
     "4:7: unsupported: `scale(2, 3)` is an int at some calls and a float at others (Python prints `1` where the "
     "translation would print `1.0`); pass floats (`1.0`) or annotate it\n"
     "4:20: unsupported: `scale(0.5, 2)` is an int at some calls and a float at others (Python prints `1` where the "
     "translation would print `1.0`); pass floats (`1.0`) or annotate it\n"},
    {"StarArgs", "def f(*args: int) -> None:\n    pass\n", "1:7: unsupported: parameter `*args: int` (*args / **kwargs)\n"},
    {"MatchStatement", "def f(x: int) -> None:\n    match x:\n        case 1:\n            pass\n",
     "2:5: unsupported: match statement\n"},
    {"Walrus", "def f(xs: list[int]) -> None:\n    if (n := len(xs)) > 1:\n        print(n)\n",
     "2:9: unsupported: assignment expression `:=`\n"},
    {"UnmappedArgument", "import asyncio\n\nasync def main() -> None:\n    asyncio.create_task(main(), name=\"x\")\n",
     "4:5: unsupported: argument `name` of `asyncio.create_task`\n"},
    {"UnmappedQueueMethod", "import asyncio\n\nasync def main() -> None:\n    q: asyncio.Queue[int] = asyncio.Queue()\n    q.shutdown()\n",
     "5:5: unsupported: call to `asyncio.Queue.shutdown` (no mapping in rules/translate)\n"},
    {"CancelledTaskFromAStoredCoroutine",
     "import asyncio\n\nasync def work() -> None:\n    await asyncio.sleep(1)\n\nasync def main() -> None:\n"
     "    c = work()\n    t = asyncio.create_task(c)\n    t.cancel()\n",
     "8:29: unsupported: `asyncio.create_task` of a coroutine that is not called here: a task that can be cancelled "
     "starts its coroutine itself (`asyncio.create_task(f(...))`)\n"},
    {"IntegerBeyond64Bits", "def f() -> int:\n    return 123456789012345678901234567890\n",
     "2:12: unsupported: integer literal beyond 32 bits\n"},
    {"HexIntegerBeyond32Bits", "def f() -> int:\n    return 0x1_0000_0000\n", "2:12: unsupported: integer literal beyond 32 bits\n"},
    {"TupleIndexBeyond64Bits", "def f(t: tuple[int, str]) -> int:\n    return t[99999999999999999999999]\n",
     "2:14: unsupported: integer literal beyond 32 bits\n"},
    {"ModuleVariableOfUnsupportedType", "__all__ = (\"Config\",)\n", "1:11: unsupported: tuple with fewer than two items\n"},
    {"PercentFormattingMapping", "def f(n: int) -> str:\n    return \"%(n)d items\" % {\"n\": n}\n",
     "2:28: unsupported: printf-style formatting `%` with a mapping (use an f-string)\n"},
    {"PercentFormattingIntOfStr", "def f(n: str) -> str:\n    return \"%d items\" % n\n",
     "2:12: unsupported: `%d` of a value of type `str` (only of ints)\n"},
    {"PercentFormattingTooFewValues", "def f(n: int) -> str:\n    return \"%d of %d\" % (n,)\n",
     "2:12: unsupported: not enough arguments for the format string (Python raises TypeError)\n"},
    {"PercentFormattingTupleValue", "def f(t: tuple[int, int]) -> str:\n    return \"%d of %d\" % t\n",
     "2:25: unsupported: printf-style formatting `%` of a tuple value (write the tuple in place, or use an f-string)\n"},
    {"NoneOnlyLocal", "def f() -> None:\n    x = None\n    print(x)\n",
     "2:5: unsupported: type of local `x` cannot be inferred (only None is assigned)\n"},
    {"HeterogeneousList", "def f() -> None:\n    xs = [1, \"a\"]\n    print(xs)\n",
     "2:10: unsupported: list with elements of different types (`int` and `str`)\n"},
    {"AwaitInSyncFunction", "import asyncio\n\ndef f() -> None:\n    await asyncio.sleep(1)\n",
     "4:5: unsupported: await outside an async function\n"},
    {"DelOfName", "def f() -> None:\n    x = 1\n    del x\n", "3:9: unsupported: del of anything but an item of a list or dict\n"},
    {"DelOfSlice", "def f(xs: list[int]) -> None:\n    del xs[1:]\n",
     "2:9: unsupported: del of a slice or of a library object's item\n"},
    {"ColumnsCountCodePoints", "def f() -> None:\n    s = \"é\"; t = s % 2\n",
     "2:18: unsupported: printf-style formatting `%` with a format that is not a string literal (use an f-string)\n"},
    {"SyntaxError", "def f(:\n", "1:7: unsupported: syntax error (the file does not parse as Python)\n"},
};

class Unsupported : public ::testing::TestWithParam<Case> {};

TEST_P(Unsupported, IsReportedAtItsPosition) { EXPECT_EQ(diagnostics_of(GetParam().python), GetParam().expected); }

INSTANTIATE_TEST_SUITE_P(Constructs, Unsupported, ::testing::ValuesIn(kCases), [](const auto& p) { return std::string(p.param.name); });

// --- the command line --------------------------------------------------------

CliRun cli(const std::string& args, const std::string& input) { return run_cli(args, input); }

const char* kPartial = "import asyncio\n\nasync def main() -> None:\n    print(\"start\")\n    asyncio.get_child_watcher()\n\nasyncio.run(main())\n";

TEST(Cli, UnsupportedExitsOneWithFileLineColumn) {
  CliRun r = cli("--to=cs", kPartial);
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "IN:5:5: unsupported: call to `asyncio.get_child_watcher` (no mapping in rules/translate)\n");
}

TEST(Cli, AllowPartialKeepsATodoAtTheSpot) {
  CliRun r = cli("--to=cs --allow-partial", kPartial);
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("IN:5:5: unsupported: call to `asyncio.get_child_watcher`"), std::string::npos);
  EXPECT_NE(r.out.find("        Console.WriteLine(\"start\");\n"
                       "        // TODO(asynctranslate): call to `asyncio.get_child_watcher` (no mapping in rules/translate)\n"
                       "        //    asyncio.get_child_watcher()\n"),
            std::string::npos)
      << r.out;
}

TEST(Cli, JsonDiagnosticsHaveAsynclintsShape) {
  CliRun r = cli("--to=cs --output-format json", kPartial);
  EXPECT_EQ(r.status, 1);
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j.size(), 1u) << r.out;
  // asynclint's (and ruff's) JSON fields, and only those.
  std::vector<std::string> keys;
  for (const auto& [k, v] : j[0].items()) keys.push_back(k);
  EXPECT_EQ(keys, (std::vector<std::string>{"cell", "code", "end_location", "filename", "fix", "location", "message",
                                            "noqa_row", "url"}));
  EXPECT_EQ(j[0]["code"], "TR001");
  EXPECT_EQ(j[0]["filename"], "IN");
  EXPECT_EQ(j[0]["location"], (nlohmann::json{{"row", 5}, {"column", 5}}));
  EXPECT_EQ(j[0]["end_location"], (nlohmann::json{{"row", 5}, {"column", 32}}));  // the end of the call
  EXPECT_EQ(j[0]["message"], "unsupported: call to `asyncio.get_child_watcher` (no mapping in rules/translate)");
  EXPECT_EQ(j[0]["noqa_row"], 5);
  EXPECT_TRUE(j[0]["fix"].is_null());

  auto syntax = nlohmann::json::parse(cli("--to=cs --output-format json", "def f(:\n").out);
  ASSERT_EQ(syntax.size(), 1u);
  EXPECT_EQ(syntax[0]["code"], "E999");
  EXPECT_EQ(syntax[0]["location"], (nlohmann::json{{"row", 1}, {"column", 7}}));
}

struct Streams {
  int status;
  std::string out, err;
};

// Runs `asynctranslate ARGS` in a shell, standard output and error apart.
Streams run_split(const std::string& args) {
  std::string err_file = ::testing::TempDir() + "/asynctranslate_err_" + std::to_string(::getpid());
  FILE* p = popen((std::string(ASYNCTRANSLATE_BINARY) + " " + args + " 2>" + err_file).c_str(), "r");
  Streams s{0, "", ""};
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) s.out.append(buf, n);
  s.status = WEXITSTATUS(pclose(p));
  std::ifstream in(err_file, std::ios::binary);
  s.err.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  std::remove(err_file.c_str());
  return s;
}

TEST(Cli, JsonDiagnosticsGoToStandardErrorBesideTheTranslationElseToStandardOutput) {
  std::string dir = ::testing::TempDir() + "/asynctranslate_json_" + std::to_string(::getpid());
  std::filesystem::create_directories(dir);
  std::string in = dir + "/app.py";
  std::ofstream(in, std::ios::binary) << kPartial;
  // The translation on standard output: the diagnostics on standard error.
  Streams s = run_split("--to=cs --allow-partial --output-format json " + in);
  EXPECT_EQ(s.status, 0);
  EXPECT_NE(s.out.find("TODO(asynctranslate)"), std::string::npos) << s.out;
  EXPECT_EQ(nlohmann::json::parse(s.err)[0]["code"], "TR001") << s.err;
  // The translation in a file: the diagnostics on standard output.
  s = run_split("--to=cs --allow-partial --output-format json -o " + dir + "/Program.cs " + in);
  EXPECT_EQ(s.status, 0);
  EXPECT_EQ(nlohmann::json::parse(s.out)[0]["filename"], in) << s.out;
  EXPECT_EQ(s.err, "");
  // Nothing to report: an empty array.
  std::ofstream(dir + "/clean.py", std::ios::binary) << "print(1)\n";
  s = run_split("--to=cs --output-format json -o " + dir + "/Clean.cs " + dir + "/clean.py");
  EXPECT_EQ(s.status, 0);
  EXPECT_EQ(nlohmann::json::parse(s.out), nlohmann::json::array()) << s.out;
  // Text diagnostics always go to standard error.
  s = run_split("--to=cs --allow-partial -o " + dir + "/Program.cs " + in);
  EXPECT_EQ(s.out, "");
  EXPECT_NE(s.err.find(in + ":5:5: unsupported:"), std::string::npos) << s.err;
  std::filesystem::remove_all(dir);
}

TEST(Cli, StdinFilenameNamesStandardInput) {
  std::string in = ::testing::TempDir() + "/asynctranslate_stdin_" + std::to_string(::getpid()) + ".py";
  std::ofstream(in, std::ios::binary) << kPartial;
  Streams s = run_split("--to=cs --stdin-filename app/main.py - < " + in);
  EXPECT_EQ(s.status, 1);
  EXPECT_EQ(s.err, "app/main.py:5:5: unsupported: call to `asyncio.get_child_watcher` (no mapping in rules/translate)\n");
  s = run_split("--to=cs --output-format json --stdin-filename app/main.py - < " + in);
  EXPECT_EQ(nlohmann::json::parse(s.err)[0]["filename"], "app/main.py") << s.err;
  s = run_split("--to=cs - < " + in);
  EXPECT_TRUE(s.err.starts_with("<stdin>:5:5: unsupported:")) << s.err;
  std::remove(in.c_str());
}

TEST(Cli, CppIsATarget) {
  CliRun r = cli("--to=cpp", "print(1)\n");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("py::print(1);"), std::string::npos) << r.out;
}

TEST(Cli, UnknownTargetIsAUsageError) {
  CliRun r = cli("--to=java", "print(1)\n");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("unknown target `java`"), std::string::npos) << r.out;
}

TEST(Cli, MissingFileIsAnIoError) {
  CliRun r = cli("--to=cs", "");
  CliRun missing{0, ""};
  FILE* p = popen((std::string(ASYNCTRANSLATE_BINARY) + " /nonexistent/x.py 2>&1").c_str(), "r");
  char buf[512];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) missing.out.append(buf, n);
  missing.status = WEXITSTATUS(pclose(p));
  EXPECT_EQ(missing.status, 2);
  EXPECT_EQ(r.status, 0);
}

}  // namespace
}  // namespace asl::tr::testing
