// Fixes: what ASYNC251's and AL201's fixes produce, where they refuse, that
// applying fixes reaches a fixed point that parses, that unsafe fixes need the
// option, and that files are rewritten safely.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <csignal>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "../support/lint_helpers.h"
#include "lint/atomic_write.h"
#include "lint/configured_linter.h"
#include "lint/fix_apply.h"
#include "lint/fix_files.h"
#include "lint/output.h"
#include "lint/syntax_errors.h"
#include "lint/unified_diff.h"

namespace fs = std::filesystem;

namespace asl {
namespace {

RuleSelection sleep_rule() { return RuleSelection{{"ASYNC251"}, {}, {}}; }

Linter& default_linter(Framework f = Framework::Asyncio) {
  // Only the rule under test, so other rules' findings and fixes stay out of the way.
  static Linter asyncio(builtin_catalog(), sleep_rule()), trio(builtin_catalog(), sleep_rule(), Framework::Trio);
  return f == Framework::Trio ? trio : asyncio;
}

// The whole --fix loop on a string; returns the final text.
std::string fix(const std::string& text, Framework f = Framework::Asyncio, FileResult* left = nullptr) {
  LoadError e;
  SourceFile file = SourceFile::from_bytes("t.py", text, &e);
  FixedFile out = fix_until_stable(file, [&](const SourceFile& s) { return default_linter(f).lint(s); }, false);
  EXPECT_FALSE(out.reverted) << *out.reverted;
  if (left) *left = out.result;
  return std::string(out.source->text());
}

void expect_fixed_point(const std::string& fixed) {
  // Idempotent: fixing again changes nothing; and the result parses.
  EXPECT_EQ(fix(fixed), fixed);
  for (const Diagnostic& d : testing::lint_text(fixed)) EXPECT_NE(d.code, kSyntaxErrorCode) << d.message << "\n" << fixed;
}

TEST(SleepFix, ReplacesTheCallAndAddsTheImportAfterTheImportBlock) {
  std::string out = fix("\"\"\"Doc.\"\"\"\nimport time\n\n\nasync def f(x):\n    time.sleep(x)\n");
  EXPECT_EQ(out, "\"\"\"Doc.\"\"\"\nimport time\nimport asyncio\n\n\nasync def f(x):\n    await asyncio.sleep(x)\n");
  expect_fixed_point(out);
}

TEST(SleepFix, KeepsTheAliasTheFileUses) {
  std::string out = fix("import asyncio as aio\nimport time\nasync def f():\n    time.sleep(1)\n");
  EXPECT_EQ(out, "import asyncio as aio\nimport time\nasync def f():\n    await aio.sleep(1)\n");
  expect_fixed_point(out);
}

TEST(SleepFix, FromImportWithAlias) {
  std::string out = fix("from time import sleep as nap\nimport asyncio\nasync def f():\n    nap(0.5)\n");
  EXPECT_EQ(out, "from time import sleep as nap\nimport asyncio\nasync def f():\n    await asyncio.sleep(0.5)\n");
}

TEST(SleepFix, ImportGoesAfterDocstringAndFutureImports) {
  EXPECT_EQ(fix("\"\"\"Doc.\"\"\"\nfrom __future__ import annotations\nfrom time import sleep\nx = 1\nasync def f():\n    sleep(1)\n"),
            "\"\"\"Doc.\"\"\"\nfrom __future__ import annotations\nfrom time import sleep\nimport asyncio\nx = 1\n"
            "async def f():\n    await asyncio.sleep(1)\n");
}

TEST(SleepFix, ImportGoesBeforeTheFirstStatementAfterShebangAndComments) {
  // `time` imported late, after other code: the import goes before the first statement.
  EXPECT_EQ(fix("#!/usr/bin/env python3\n# comment\nx = 1\nimport time\nasync def f():\n    time.sleep(1)\n"),
            "#!/usr/bin/env python3\n# comment\nimport asyncio\nx = 1\nimport time\nasync def f():\n"
            "    await asyncio.sleep(1)\n");
}

TEST(SleepFix, OneImportForManyCalls) {
  std::string out = fix("import time\nasync def f():\n    time.sleep(1)\n    time.sleep(2)\nasync def g():\n    time.sleep(3)\n");
  EXPECT_EQ(out, "import time\nimport asyncio\nasync def f():\n    await asyncio.sleep(1)\n    await asyncio.sleep(2)\n"
                 "async def g():\n    await asyncio.sleep(3)\n");
  expect_fixed_point(out);
}

TEST(SleepFix, ParenthesisedWhereAwaitWouldBindDifferently) {
  std::string out = fix("import asyncio, time\nasync def f():\n    x = time.sleep(1).real\n    y = time.sleep(1)[0]\n"
                        "    z = -time.sleep(1) + 2\n    print(time.sleep(1))\n    w = time.sleep(1) ** 2\n");
  EXPECT_EQ(out, "import asyncio, time\nasync def f():\n    x = (await asyncio.sleep(1)).real\n"
                 "    y = (await asyncio.sleep(1))[0]\n    z = -await asyncio.sleep(1) + 2\n"
                 "    print(await asyncio.sleep(1))\n    w = (await asyncio.sleep(1)) ** 2\n");
  expect_fixed_point(out);
}

TEST(SleepFix, ComprehensionInAsyncDefIsFixedGeneratorIsNot) {
  FileResult left;
  std::string src = "import asyncio, time\nasync def f(n):\n    [time.sleep(i) for i in n]\n    list(time.sleep(i) for i in n)\n";
  std::string out = fix(src, Framework::Asyncio, &left);
  EXPECT_EQ(out, "import asyncio, time\nasync def f(n):\n    [await asyncio.sleep(i) for i in n]\n"
                 "    list(time.sleep(i) for i in n)\n");
  ASSERT_EQ(left.diagnostics.size(), 1u);  // the generator's call is still reported, without a fix
  EXPECT_FALSE(left.diagnostics[0].fix);
}

TEST(SleepFix, NotOfferedWhereItWouldBeWrong) {
  for (const char* src : {
           "import time\nasync def f():\n    await time.sleep(1)\n",         // already awaited
           "import time\nasync def f():\n    time.sleep(secs=1)\n",           // keyword argument
           "import time\nasync def f(a):\n    time.sleep(*a)\n",              // unpacking
           "import time\nasync def f():\n    time.sleep()\n",                 // wrong arity
           "import time\nasync def f():\n    asyncio = 1\n    time.sleep(1)\n",  // `asyncio` is a local
           "import time\nasyncio = None\nasync def f():\n    time.sleep(1)\n",   // and a module global
       }) {
    auto ds = testing::lint_text(src, sleep_rule());
    ASSERT_FALSE(ds.empty()) << src;
    EXPECT_FALSE(ds[0].fix) << src;
  }
}

TEST(SleepFix, FollowsTheFramework) {
  EXPECT_EQ(fix("import time\nasync def f():\n    time.sleep(1)\n", Framework::Trio),
            "import time\nimport trio\nasync def f():\n    await trio.sleep(1)\n");
}

TEST(SleepFix, FollowsTheFileFrameworkOverTheConfiguredOne) {
  // A trio file: trio's sleep, under the existing import, whatever is configured.
  std::string trio = "import time\nimport trio\nasync def f():\n    time.sleep(1)\n";
  EXPECT_EQ(fix(trio), "import time\nimport trio\nasync def f():\n    await trio.sleep(1)\n");
  // Only `from trio import ...`: still trio's, so `import trio` is added.
  EXPECT_EQ(fix("import time\nfrom trio import open_nursery\nasync def f():\n    time.sleep(1)\n"),
            "import time\nfrom trio import open_nursery\nimport trio\nasync def f():\n    await trio.sleep(1)\n");
  // anyio (with or without trio beside it), under its alias.
  EXPECT_EQ(fix("import time, trio\nimport anyio as aio\nasync def f():\n    time.sleep(1)\n"),
            "import time, trio\nimport anyio as aio\nasync def f():\n    await aio.sleep(1)\n");
  // An asyncio file stays asyncio's even where trio is configured.
  EXPECT_EQ(fix("import asyncio, time\nasync def f():\n    time.sleep(1)\n", Framework::Trio),
            "import asyncio, time\nasync def f():\n    await asyncio.sleep(1)\n");
  // asyncio beside trio, or no framework at all: the configured one decides.
  EXPECT_EQ(fix("import asyncio, time, trio\nasync def f():\n    time.sleep(1)\n"),
            "import asyncio, time, trio\nasync def f():\n    await asyncio.sleep(1)\n");
  EXPECT_EQ(fix("import asyncio, time, trio\nasync def f():\n    time.sleep(1)\n", Framework::Trio),
            "import asyncio, time, trio\nasync def f():\n    await trio.sleep(1)\n");

  // The message and the fix's title say the same.
  auto ds = testing::lint_text(trio, sleep_rule());
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_NE(ds[0].message.find("use `await trio.sleep(...)`"), std::string::npos) << ds[0].message;
  ASSERT_TRUE(ds[0].fix);
  EXPECT_EQ(ds[0].fix->title, "Replace with `await trio.sleep(...)`");
}

TEST(SleepFix, FixIsMarkedSafeAndTitled) {
  auto ds = testing::lint_text("import time\nasync def f():\n    time.sleep(1)\n", sleep_rule());
  ASSERT_EQ(ds.size(), 1u);
  ASSERT_TRUE(ds[0].fix);
  EXPECT_TRUE(ds[0].fix->safe);
  EXPECT_EQ(ds[0].fix->title, "Replace with `await asyncio.sleep(...)`");
}

// AL201: `await ` inserted before a coroutine call whose coroutine is dropped
// or used as data. Unsafe: the call now runs, and where it runs changes.

RuleSelection await_rules() { return RuleSelection{{"AL201", "AL204"}, {}, {}}; }

Linter& await_linter() {
  static Linter l(builtin_catalog(), await_rules());
  return l;
}

FixedFile fix_await(const std::string& text, bool unsafe, const Linter& linter = await_linter()) {
  LoadError e;
  SourceFile file = SourceFile::from_bytes("t.py", text, &e);
  FixedFile out = fix_until_stable(file, [&](const SourceFile& s) { return linter.lint(s); }, unsafe);
  EXPECT_FALSE(out.reverted) << *out.reverted;
  return out;
}

std::string fix_unsafe(const std::string& text) { return std::string(fix_await(text, true).source->text()); }

bool parses(const std::string& text) {
  Parser parser;
  Tree tree = parser.parse(text);
  return tree && !ts_node_has_error(ts_tree_root_node(tree.get()));
}

void expect_await_fixed_point(const std::string& fixed) {
  // Idempotent with --unsafe-fixes too, parses, and no AL201 is left fixable.
  EXPECT_EQ(fix_unsafe(fixed), fixed);
  EXPECT_TRUE(parses(fixed)) << fixed;
  for (const Diagnostic& d : await_linter().lint(SourceFile::from_bytes("t.py", fixed, nullptr)).diagnostics)
    EXPECT_FALSE(d.code == "AL201" && d.fix) << d.message << "\n" << fixed;
}

const std::string kFetch = "async def fetch():\n    return 1\n\n\n";

TEST(MissingAwaitFix, ExpressionStatement) {
  std::string out = fix_unsafe(kFetch + "async def main():\n    fetch()\n    fetch()  # keep\n");
  EXPECT_EQ(out, kFetch + "async def main():\n    await fetch()\n    await fetch()  # keep\n");
  expect_await_fixed_point(out);
}

TEST(MissingAwaitFix, AssignmentUsedAsDataOrNeverUsed) {
  std::string out = fix_unsafe(kFetch + "async def main():\n    x = fetch()\n    print(x)\n    y: int = fetch()\n");
  EXPECT_EQ(out, kFetch + "async def main():\n    x = await fetch()\n    print(x)\n    y: int = await fetch()\n");
  expect_await_fixed_point(out);
}

TEST(MissingAwaitFix, ParenthesisedWhereTheResultIsTheObject) {
  std::string out = fix_unsafe(kFetch +
                               "async def main():\n    a = fetch().real\n    b = fetch()[0]\n    c = (fetch()).real\n"
                               "    d = fetch() + 1\n    e = -fetch()\n    f = 2 ** fetch()\n    g = fetch() ** 2\n");
  EXPECT_EQ(out, kFetch +
                     "async def main():\n    a = (await fetch()).real\n    b = (await fetch())[0]\n"
                     "    c = (await fetch()).real\n    d = await fetch() + 1\n    e = -await fetch()\n"
                     "    f = 2 ** await fetch()\n    g = (await fetch()) ** 2\n");
  expect_await_fixed_point(out);
}

TEST(MissingAwaitFix, ArgumentOfACallThatUsesItAsData) {
  std::string out = fix_unsafe(kFetch + "async def main():\n    print(fetch())\n    print(len(fetch()), sep=str(fetch()))\n"
                                        "    print(*fetch())\n    helper(fetch())\n");
  EXPECT_EQ(out, kFetch + "async def main():\n    print(await fetch())\n"
                          "    print(len(await fetch()), sep=str(await fetch()))\n    print(*await fetch())\n"
                          "    helper(fetch())\n");  // passed on: not reported, not touched
  expect_await_fixed_point(out);
}

TEST(MissingAwaitFix, ConditionsNotAndBooleanOperators) {
  std::string out = fix_unsafe(kFetch +
                               "async def main():\n    if fetch():\n        pass\n    elif not fetch():\n        pass\n"
                               "    while fetch() and fetch():\n        break\n    assert fetch()\n"
                               "    v = 1 if fetch() else 2\n    for i in fetch():\n        pass\n");
  EXPECT_EQ(out, kFetch +
                     "async def main():\n    if await fetch():\n        pass\n    elif not await fetch():\n        pass\n"
                     "    while await fetch() and await fetch():\n        break\n    assert await fetch()\n"
                     "    v = 1 if await fetch() else 2\n    for i in await fetch():\n        pass\n");
  expect_await_fixed_point(out);
}

const std::string kClass = "import asyncio\n\n\nclass C:\n    async def load(self):\n        return 1\n\n";

TEST(MissingAwaitFix, MethodsOnSelfOnInstancesAndLibraryCoroutines) {
  std::string src = kClass +
                    "    async def run(self, q: asyncio.Queue):\n        self.load()\n        if self.load().ok:\n"
                    "            pass\n        asyncio.sleep(1)\n        q.put(1)\n\n\n"
                    "async def main():\n    c = C()\n    c.load()\n    C().load()\n";
  std::string out = fix_unsafe(src);
  EXPECT_EQ(out, kClass +
                     "    async def run(self, q: asyncio.Queue):\n        await self.load()\n"
                     "        if (await self.load()).ok:\n            pass\n        await asyncio.sleep(1)\n"
                     "        await q.put(1)\n\n\nasync def main():\n    c = C()\n    await c.load()\n"
                     "    await C().load()\n");
  expect_await_fixed_point(out);
}

TEST(MissingAwaitFix, OfferedTheSameInAProjectRun) {
  // Linted as part of a run (a module name, the project phase): the file's own
  // coroutines are still judged, and fixed, by the file's pass.
  auto ds = testing::lint_text(kClass + "    async def run(self):\n        self.load()\n\n\n"
                                        "async def main():\n    C().load()\n",
                               await_rules());
  ASSERT_EQ(ds.size(), 2u);
  for (const Diagnostic& d : ds) {
    EXPECT_EQ(d.code, "AL201");
    ASSERT_TRUE(d.fix) << d.message;
    EXPECT_FALSE(d.fix->safe);
  }
}

TEST(MissingAwaitFix, ComprehensionInAsyncDefIsFixedGeneratorIsNot) {
  std::string src = kFetch + "async def main(items):\n    a = [len(fetch()) for _ in items]\n"
                             "    b = {i: str(fetch()) for i in items}\n    c = list(len(fetch()) for _ in items)\n";
  FixedFile fixed = fix_await(src, true);
  std::string out(fixed.source->text());
  EXPECT_EQ(out, kFetch + "async def main(items):\n    a = [len(await fetch()) for _ in items]\n"
                          "    b = {i: str(await fetch()) for i in items}\n    c = list(len(fetch()) for _ in items)\n");
  // The generator expression's call is still reported, without a fix: `await`
  // there would make it an asynchronous generator.
  ASSERT_EQ(fixed.result.diagnostics.size(), 1u);
  EXPECT_EQ(fixed.result.diagnostics[0].code, "AL201");
  EXPECT_FALSE(fixed.result.diagnostics[0].fix);
  expect_await_fixed_point(out);
}

TEST(MissingAwaitFix, NotOfferedWhereAwaitIsNotAllowed) {
  for (std::string body : {
           "def sync():\n    fetch()\n",                                        // a synchronous function: AL204
           "async def f():\n    g = lambda: print(fetch())\n",                   // a lambda
           "async def f():\n    class C:\n        print(fetch())\n",               // a class body
           "async def f():\n    def g():\n        fetch()\n",                      // a nested synchronous function
           "def f(items):\n    return [len(fetch()) for _ in items]\n",          // a comprehension in sync scope
           "print(fetch())\n",                                                   // module level
           "async def f(items):\n    return list(len(fetch()) for _ in items)\n",  // a generator expression
       }) {
    std::string src = kFetch + body;
    auto ds = await_linter().lint(SourceFile::from_bytes("t.py", src, nullptr)).diagnostics;
    ASSERT_FALSE(ds.empty()) << src;
    for (const Diagnostic& d : ds) EXPECT_FALSE(d.fix) << d.code << "\n" << src;
    EXPECT_EQ(fix_unsafe(src), src);
  }
}

TEST(MissingAwaitFix, AlreadyAwaitedOrSuppressedIsLeftAlone) {
  for (std::string body : {
           "async def f():\n    await fetch()\n",
           "async def f():\n    await (fetch())\n",
           "async def f():\n    fetch()  # noqa: AL201\n",
       }) {
    std::string src = kFetch + body;
    EXPECT_TRUE(await_linter().lint(SourceFile::from_bytes("t.py", src, nullptr)).diagnostics.empty()) << src;
    EXPECT_EQ(fix_unsafe(src), src);
  }
}

TEST(MissingAwaitFix, IsUnsafeAndAppliedOnlyWithTheOption) {
  std::string src = kFetch + "async def main():\n    fetch()\n";
  auto ds = await_linter().lint(SourceFile::from_bytes("t.py", src, nullptr)).diagnostics;
  ASSERT_EQ(ds.size(), 1u);
  ASSERT_TRUE(ds[0].fix);
  EXPECT_FALSE(ds[0].fix->safe);
  EXPECT_EQ(ds[0].fix->title, "Add `await`");

  FixedFile safe_only = fix_await(src, false);
  EXPECT_FALSE(safe_only.changed);
  EXPECT_EQ(safe_only.fixed, 0u);
  EXPECT_EQ(safe_only.source->text(), src);
  ASSERT_EQ(safe_only.result.diagnostics.size(), 1u);  // still reported, with its fix
  EXPECT_TRUE(safe_only.result.diagnostics[0].fix);

  FixedFile unsafe = fix_await(src, true);
  EXPECT_TRUE(unsafe.changed);
  EXPECT_EQ(unsafe.fixed, 1u);
  EXPECT_TRUE(unsafe.result.diagnostics.empty());
  // A second run changes nothing.
  FixedFile again = fix_await(std::string(unsafe.source->text()), true);
  EXPECT_FALSE(again.changed);
  EXPECT_EQ(again.fixed, 0u);
}

TEST(MissingAwaitFix, SafeFixesOfTheSameFileGoFirst) {
  static Linter both(builtin_catalog(), RuleSelection{{"AL201", "ASYNC251"}, {}, {}});
  std::string src = "import time\n\n\n" + kFetch + "async def main():\n    time.sleep(1)\n    fetch()\n";
  EXPECT_EQ(std::string(fix_await(src, false, both).source->text()),
            "import time\nimport asyncio\n\n\n" + kFetch + "async def main():\n    await asyncio.sleep(1)\n    fetch()\n");
  std::string out(fix_await(src, true, both).source->text());
  EXPECT_EQ(out, "import time\nimport asyncio\n\n\n" + kFetch +
                     "async def main():\n    await asyncio.sleep(1)\n    await fetch()\n");
  EXPECT_TRUE(parses(out));
}

TEST(MissingAwaitFix, TheWholeFixtureFixesToAFixedPointThatParses) {
  std::ifstream in(fs::path(ASYNCLINT_SOURCE_DIR) / "tests/lint/fixtures/AL201.py", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string src = ss.str();
  FixedFile fixed = fix_await(src, true);
  EXPECT_TRUE(fixed.changed);
  EXPECT_GE(fixed.fixed, 10u);
  std::string out(fixed.source->text());
  expect_await_fixed_point(out);
  EXPECT_NE(out.find("    await fetch(\"a\")  # error: AL201\n"), std::string::npos) << out;
}

TEST(MissingAwaitFix, ReportedAsAHiddenUnsafeFix) {
  std::string src = kFetch + "async def main():\n    fetch()\n";
  auto file = std::make_shared<const SourceFile>(SourceFile::from_bytes("t.py", src, nullptr));
  std::vector<FileResult> results{await_linter().lint(*file)};
  ReportOptions o;
  o.source = [&](const std::string&) { return file; };
  std::ostringstream concise;
  write_report(concise, results, o);
  EXPECT_NE(concise.str().find("1 hidden fix can be enabled with the `--unsafe-fixes` option"), std::string::npos)
      << concise.str();
  o.format = OutputFormat::Json;
  std::ostringstream json;
  write_report(json, results, o);
  auto j = nlohmann::json::parse(json.str());
  ASSERT_EQ(j.size(), 1u);
  EXPECT_EQ(j[0]["fix"]["applicability"], "unsafe");
  EXPECT_EQ(j[0]["fix"]["edits"][0]["content"], "await ");
  EXPECT_EQ(j[0]["fix"]["edits"][0]["location"], (nlohmann::json{{"row", 6}, {"column", 5}}));
}

TEST(MissingAwaitFix, ProjectWideFindingsPromiseNoFix) {
  // A coroutine of another file is only known in the project phase, which
  // works from the files' facts; --fix lints each file alone, so it could not
  // apply such a fix, and none is advertised.
  Linter linter(builtin_catalog(), await_rules());
  auto results = lint_project(linter, {LintInput{"api.py", kFetch},
                                       LintInput{"main.py", "from api import fetch\n\n\nasync def main():\n    fetch()\n"}});
  ASSERT_EQ(results.size(), 2u);
  const FileResult& main = results[0].path == "main.py" ? results[0] : results[1];
  ASSERT_EQ(main.diagnostics.size(), 1u);
  EXPECT_EQ(main.diagnostics[0].code, "AL201");
  EXPECT_FALSE(main.diagnostics[0].fix);
}

Diagnostic with_fix(std::vector<Edit> edits, bool safe = true) {
  Diagnostic d;
  d.fix = Fix{"t", std::move(edits), safe};
  return d;
}

TEST(ApplyFixes, OverlappingFixesWaitIdenticalEditsApplyOnceUnsafeNeedsOptIn) {
  std::string text = "abcdef";
  std::vector<Diagnostic> ds = {with_fix({{0, 0, "X"}, {1, 2, "B"}}), with_fix({{0, 0, "X"}, {4, 5, "E"}}),
                                with_fix({{1, 3, "?"}}), with_fix({{5, 6, "F"}}, false)};
  AppliedFixes a = apply_fixes(text, ds, false);
  EXPECT_EQ(a.text, "XaBcdEf");
  EXPECT_EQ(a.applied, 2u);
  EXPECT_EQ(apply_fixes(text, ds, true).text, "XaBcdEF");
}

TEST(UnifiedDiff, HunksWithContextAndMissingNewline) {
  EXPECT_EQ(unified_diff("a\nb\n", "a\nb\n", "x", "x"), "");
  std::string d = unified_diff("1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n", "f.py", "f.py");
  EXPECT_EQ(d, "--- f.py\n+++ f.py\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
  std::string e = unified_diff("a\nb", "a\nc", "f", "f");
  EXPECT_EQ(e, "--- f\n+++ f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n");
  std::string ins = unified_diff("a\n", "a\nb\n", "f", "f");
  EXPECT_EQ(ins, "--- f\n+++ f\n@@ -1,1 +1,2 @@\n a\n+b\n");
}

class FileOnDisk : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("asynclint_fix_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    settings_ = std::make_shared<Settings>();
    linter_ = std::make_unique<ConfiguredLinter>(builtin_catalog(), settings_);
  }
  void TearDown() override {
    fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add);
    fs::remove_all(dir_);
  }
  fs::path write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
    return dir_ / name;
  }
  static std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  fs::path dir_;
  std::shared_ptr<Settings> settings_;
  std::unique_ptr<ConfiguredLinter> linter_;
};

TEST_F(FileOnDisk, CrlfBomAndPermissionsArePreserved) {
  auto p = write("w.py", "\xEF\xBB\xBFimport time\r\nasync def f():\r\n    time.sleep(1)\r\n");
  fs::permissions(p, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  FileFixOutcome o = fix_file(*linter_, p.string(), FixMode::Apply, false);
  EXPECT_FALSE(o.error);
  EXPECT_EQ(o.fixed, 1u);
  EXPECT_TRUE(o.result.diagnostics.empty());
  EXPECT_EQ(read(p), "\xEF\xBB\xBFimport time\r\nimport asyncio\r\nasync def f():\r\n    await asyncio.sleep(1)\r\n");
  EXPECT_EQ(fs::status(p).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  // No temporary file is left behind.
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
}

TEST_F(FileOnDisk, DiffModeChangesNothing) {
  std::string src = "import time\nasync def f():\n    time.sleep(1)\n";
  auto p = write("d.py", src);
  FileFixOutcome o = fix_file(*linter_, p.string(), FixMode::Diff, false);
  EXPECT_EQ(read(p), src);
  EXPECT_NE(o.diff.find("+    await asyncio.sleep(1)\n"), std::string::npos) << o.diff;
  EXPECT_EQ(o.fixed, 1u);
  EXPECT_EQ(o.result.diagnostics.size(), 1u);
}

TEST_F(FileOnDisk, UnsafeFixOnlyWithTheOptionInDiffAndApply) {
  std::string src = "async def fetch():\n    return 1\n\n\nasync def main():\n    fetch()\n";
  std::string fixed = "async def fetch():\n    return 1\n\n\nasync def main():\n    await fetch()\n";
  auto p = write("m.py", src);
  FileFixOutcome d = fix_file(*linter_, p.string(), FixMode::Diff, false);
  EXPECT_EQ(d.diff, "");
  EXPECT_EQ(d.fixed, 0u);
  d = fix_file(*linter_, p.string(), FixMode::Diff, true);
  EXPECT_NE(d.diff.find("-    fetch()\n+    await fetch()\n"), std::string::npos) << d.diff;
  EXPECT_EQ(d.fixed, 1u);
  EXPECT_EQ(read(p), src);
  FileFixOutcome a = fix_file(*linter_, p.string(), FixMode::Apply, false);
  EXPECT_EQ(a.fixed, 0u);
  EXPECT_EQ(read(p), src);
  a = fix_file(*linter_, p.string(), FixMode::Apply, true);
  EXPECT_FALSE(a.error);
  EXPECT_EQ(a.fixed, 1u);
  EXPECT_EQ(read(p), fixed);
  a = fix_file(*linter_, p.string(), FixMode::Apply, true);
  EXPECT_EQ(a.fixed, 0u);
  EXPECT_EQ(read(p), fixed);
}

TEST_F(FileOnDisk, ReadOnlyFileIsReportedNotChanged) {
  std::string src = "import time\nasync def f():\n    time.sleep(1)\n";
  auto p = write("ro.py", src);
  fs::permissions(p, fs::perms::owner_read | fs::perms::group_read);
  FileFixOutcome o = fix_file(*linter_, p.string(), FixMode::Apply, false);
  ASSERT_TRUE(o.error);
  EXPECT_NE(o.error->find("read-only"), std::string::npos);
  EXPECT_EQ(read(p), src);
  EXPECT_EQ(o.fixed, 0u);
  EXPECT_EQ(o.result.diagnostics.size(), 1u);  // still reported
}

TEST_F(FileOnDisk, UnwritableFolderLeavesTheOriginalIntact) {
  if (::geteuid() == 0) GTEST_SKIP() << "root may write anywhere; the failed-write test below covers this as root";
  std::string src = "import time\nasync def f():\n    time.sleep(1)\n";
  auto p = write("u.py", src);
  fs::permissions(dir_, fs::perms::owner_read | fs::perms::owner_exec);
  FileFixOutcome o = fix_file(*linter_, p.string(), FixMode::Apply, false);
  fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add);
  ASSERT_TRUE(o.error);
  EXPECT_NE(o.error->find("temporary file"), std::string::npos) << *o.error;
  EXPECT_EQ(read(p), src);
}

TEST_F(FileOnDisk, FailedWriteLeavesTheOriginalIntactAndNoTemporaryFile) {
  // A file-size limit makes the write of the temporary file fail part way
  // (EFBIG), whoever runs the test. Done in a child: the limit is per process.
  std::string original(64, '#');
  auto p = write("big.py", original);
  pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    std::signal(SIGXFSZ, SIG_IGN);
    struct rlimit lim = {16, 16};
    ::setrlimit(RLIMIT_FSIZE, &lim);
    std::string error;
    bool ok = write_file_atomically(p, std::string(4096, 'x'), &error);
    ::_exit(!ok && error.find("cannot write") != std::string::npos ? 0 : 1);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  EXPECT_EQ(read(p), original);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
}

TEST_F(FileOnDisk, SymlinkIsFollowed) {
  auto target = write("real.py", "old");
  fs::create_symlink(target, dir_ / "link.py");
  std::string error;
  ASSERT_TRUE(write_file_atomically(dir_ / "link.py", "new", &error)) << error;
  EXPECT_TRUE(fs::is_symlink(dir_ / "link.py"));
  EXPECT_EQ(read(target), "new");
}

}  // namespace
}  // namespace asl
