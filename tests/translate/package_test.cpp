// Package translation's diagnostics and files: what does not resolve in the
// package is reported at its module, line and column, naming the import.
#include <sys/wait.h>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include <gtest/gtest.h>

namespace asl::tr::testing {
namespace {

namespace fs = std::filesystem;

struct PackageRun {
  int status;
  std::string out;
};

// Writes the package `pkg` of `files` (path -> text) and runs the CLI on it.
PackageRun translate(const std::map<std::string, std::string>& files, const std::string& args = "--to=cs") {
  fs::path root = fs::path(::testing::TempDir()) / ("asynctranslate_pkg_" + std::to_string(::getpid()) + "_" +
                                                    ::testing::UnitTest::GetInstance()->current_test_info()->name());
  fs::remove_all(root);
  for (const auto& [path, text] : files) {
    fs::create_directories((root / "pkg" / path).parent_path());
    std::ofstream(root / "pkg" / path, std::ios::binary) << text;
  }
  std::string cmd = std::string(ASYNCTRANSLATE_BINARY) + " " + args + " " + (root / "pkg").string() + " -o " +
                    (root / "out").string() + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int st = pclose(p);
  return {WEXITSTATUS(st), out};
}

const char* const kMain = "import asyncio\n\nfrom .a import f\n\n\nasync def main():\n    print(f(1))\n\n\nasyncio.run(main())\n";

TEST(Package, ResolvesImportsAcrossModules) {
  PackageRun r = translate({{"__init__.py", ""}, {"a.py", "def f(n: int) -> int:\n    return n + 1\n"}, {"__main__.py", kMain}});
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(r.out, "");
}

TEST(Package, ImportOutsideThePackageAndTheApiTablesIsLocated) {
  PackageRun r = translate({{"a.py", "import yaml\n\n\ndef f(n: int) -> int:\n    return n\n"}, {"__main__.py", kMain}});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "pkg/a.py:1:8: unsupported: import of module `yaml` (no mapping in rules/translate)\n");
}

// Python never runs a module nothing imports: it is not translated.
TEST(Package, AModuleNothingImportsIsLeftOut) {
  PackageRun r = translate({{"a.py", "def f(n: int) -> int:\n    return n\n"},
                            {"tool.py", "import yaml\nfrom .missing import x\n"},
                            {"__main__.py", kMain}});
  EXPECT_EQ(r.status, 0) << r.out;
  fs::path out = fs::path(::testing::TempDir()) /
                 ("asynctranslate_pkg_" + std::to_string(::getpid()) + "_AModuleNothingImportsIsLeftOut") / "out";
  EXPECT_TRUE(fs::exists(out / "a.cs"));
  EXPECT_FALSE(fs::exists(out / "tool.cs"));
}

TEST(Package, MissingModuleOrNameIsLocated) {
  PackageRun r = translate({{"a.py", "from .b import g\nfrom .c import h\n\n\ndef f(n: int) -> int:\n    return g(n)\n"},
                     {"b.py", "def k() -> int:\n    return 1\n"},
                     {"__main__.py", kMain}});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out,
            "pkg/a.py:1:16: unsupported: import of `g` from `pkg.b`: no such name in the package\n"
            "pkg/a.py:2:6: unsupported: import of `pkg.c`: no such module in the package\n");
}

TEST(Package, RelativeImportBeyondThePackageIsLocated) {
  PackageRun r = translate({{"a.py", "from ... import x\n\n\ndef f(n: int) -> int:\n    return n\n"}, {"__main__.py", kMain}});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "pkg/a.py:1:6: unsupported: import of `...`: beyond the top of the package\n");
}

TEST(Package, ModuleUsedAsAValueIsLocated) {
  PackageRun r = translate({{"a.py", "def f(n: int) -> int:\n    return n\n"},
                     {"__main__.py", "import asyncio\n\nfrom . import a\n\n\nasync def main():\n    print(a)\n\n\nasyncio.run(main())\n"}});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "pkg/__main__.py:7:11: unsupported: module `pkg.a` used as a value\n");
}

TEST(Package, ANameDefinedByTwoModulesIsLocated) {
  PackageRun r = translate({{"a.py", "def f(n: int) -> int:\n    return n\n"},
                     {"b.py", "from .a import f as g\n\n\ndef f(n: int) -> int:\n    return g(n)\n"},
                     {"__main__.py", "import asyncio\n\nfrom .b import f\n\n\nasync def main():\n    print(f(1))\n\n\nasyncio.run(main())\n"}});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "pkg/b.py:4:5: unsupported: `f` is also defined in pkg/a.py (the package's modules share one namespace in the translation)\n");
}

TEST(Package, PackageImportInsideAFunctionIsLocated) {
  PackageRun r = translate({{"a.py", "def f(n: int) -> int:\n    from . import b\n    return n\n"},
                     {"b.py", ""},
                     {"__main__.py", kMain}});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "pkg/a.py:2:5: unsupported: import of a package module inside a function or block\n");
}

// A construct the lowering refuses is reported at its module's own position,
// also after a name that the merge rewrote on the same line.
TEST(Package, LoweringDiagnosticsKeepTheirModulesPositions) {
  PackageRun r = translate({{"a.py", "def f(n: int) -> int:\n    return n\n"},
                     {"__main__.py", "import asyncio\n\nimport pkg.a as alias\n\n\nasync def main():\n"
                                     "    print(alias.f(1), \"%(n)d\" % {\"n\": 3})\n\n\nasyncio.run(main())\n"}});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "pkg/__main__.py:7:33: unsupported: printf-style formatting `%` with a mapping (use an f-string)\n");
}

TEST(Package, AssignmentToAnImportedNameIsLocated) {
  PackageRun r = translate({{"a.py", "LIMIT = 3\n"},
                            {"__main__.py", "import asyncio\n\nfrom . import a\n\n\nasync def main():\n    a.LIMIT = 4\n"
                                            "    print(a.LIMIT)\n\n\nasyncio.run(main())\n"}});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "pkg/__main__.py:7:5: unsupported: assignment to `a.LIMIT`, a name imported from module `pkg.a`\n");
}

// A function's own variable of an imported name is its local, as in Python.
TEST(Package, ALocalThatShadowsAnImportedNameStaysLocal) {
  PackageRun r = translate({{"a.py", "def f(n: int) -> int:\n    return n + 1\n"},
                            {"__main__.py", "import asyncio\n\nfrom .a import f as g\n\n\ndef h(xs: list[int]) -> int:\n"
                                            "    total = 0\n    for g in xs:\n        total += g\n    return total\n\n\n"
                                            "async def main():\n    print(g(1), h([1, 2]))\n\n\nasyncio.run(main())\n"}},
                           "--to=cs");
  EXPECT_EQ(r.status, 0) << r.out;
  std::ifstream in(fs::path(::testing::TempDir()) / ("asynctranslate_pkg_" + std::to_string(::getpid()) +
                                                     "_ALocalThatShadowsAnImportedNameStaysLocal") / "out" / "__main__.cs");
  std::string cs((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(cs.find("total += g;"), std::string::npos) << cs;
  EXPECT_NE(cs.find("F(1)"), std::string::npos) << cs;
}

TEST(Package, JsonDiagnosticsNameTheModulesFile) {
  PackageRun r = translate({{"a.py", "import yaml\n\n\ndef f(n: int) -> int:\n    return n\n"}, {"__main__.py", kMain}},
                           "--to=cpp --output-format json");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("\"filename\": \"pkg/a.py\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"row\": 1"), std::string::npos) << r.out;
}

TEST(Package, NoEntryPointIsReported) {
  PackageRun r = translate({{"a.py", "def f(n: int) -> int:\n    return n\n"}});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("pkg/:1:1: unsupported: no entry point"), std::string::npos) << r.out;
}

TEST(Package, NeedsAnOutputFolder) {
  fs::path dir = fs::path(::testing::TempDir()) / ("asynctranslate_pkg_o_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  FILE* p = popen((std::string(ASYNCTRANSLATE_BINARY) + " " + dir.string() + " 2>&1").c_str(), "r");
  std::string out;
  char buf[512];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  EXPECT_EQ(WEXITSTATUS(pclose(p)), 2);
  EXPECT_NE(out.find("-o OUT_DIR"), std::string::npos) << out;
}

TEST(Package, EmitCsprojWritesAProjectBesideASingleFile) {
  fs::path dir = fs::path(::testing::TempDir()) / ("asynctranslate_csproj_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "hello.py") << "print('hi')\n";
  std::string cmd = std::string(ASYNCTRANSLATE_BINARY) + " --emit-csproj " + (dir / "hello.py").string() + " -o " +
                    (dir / "hello.cs").string() + " 2>&1";
  EXPECT_EQ(WEXITSTATUS(std::system(cmd.c_str())), 0);
  std::ifstream in(dir / "hello.csproj");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("<AssemblyName>hello</AssemblyName>"), std::string::npos) << text;
  EXPECT_NE(text.find("<Nullable>enable</Nullable>"), std::string::npos) << text;
  EXPECT_EQ(text.find("PackageReference"), std::string::npos) << text;
}

}  // namespace
}  // namespace asl::tr::testing
