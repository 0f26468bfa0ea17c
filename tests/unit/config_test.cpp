// Configuration files, globs, .gitignore and the settings they resolve to.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "../support/lint_helpers.h"
#include "lint/config.h"
#include "lint/configured_linter.h"
#include "lint/exclusion.h"
#include "lint/gitignore.h"
#include "lint/glob.h"

namespace fs = std::filesystem;

namespace asl {
namespace {

class Dir {
 public:
  Dir() : path_(fs::temp_directory_path() / ("asynclint_cfg_" + std::to_string(::getpid()) + "_" + std::to_string(n_++))) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~Dir() { fs::remove_all(path_); }
  fs::path write(const std::string& name, const std::string& text) const {
    fs::path p = path_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }
  const fs::path& path() const { return path_; }

 private:
  static inline int n_ = 0;
  fs::path path_;
};

ConfigError load_error(const fs::path& file) {
  try {
    load_config_file(file, builtin_catalog());
  } catch (const ConfigException& e) {
    return e.error;
  }
  return {};
}

TEST(Glob, SegmentsStarsAndClasses) {
  EXPECT_TRUE(glob_match("*.py", "a.py"));
  EXPECT_FALSE(glob_match("*.py", "pkg/a.py"));
  EXPECT_TRUE(glob_match("pkg/*.py", "pkg/a.py"));
  EXPECT_TRUE(glob_match("**/a.py", "a.py"));
  EXPECT_TRUE(glob_match("**/a.py", "x/y/a.py"));
  EXPECT_TRUE(glob_match("a/**/b", "a/b"));
  EXPECT_TRUE(glob_match("a/**/b", "a/x/y/b"));
  EXPECT_FALSE(glob_match("a/**/b", "a/x/y/c"));
  EXPECT_TRUE(glob_match("a/**", "a/x/y"));
  EXPECT_FALSE(glob_match("a/**", "a"));
  EXPECT_TRUE(glob_match("test_?.py", "test_1.py"));
  EXPECT_TRUE(glob_match("[abc].py", "b.py"));
  EXPECT_FALSE(glob_match("[!abc].py", "b.py"));
  EXPECT_TRUE(glob_match("[a-c]x", "bx"));
  EXPECT_TRUE(glob_match("\\*.py", "*.py"));
  EXPECT_FALSE(glob_match("\\*.py", "a.py"));
}

TEST(Glob, PathGlobsMatchNamesAnywhereOrWholePaths) {
  EXPECT_TRUE(path_glob_match("legacy", "src/legacy"));
  EXPECT_TRUE(path_glob_match("*_pb2.py", "src/gen/x_pb2.py"));
  EXPECT_TRUE(path_glob_match("tests/*.py", "tests/t.py"));
  EXPECT_FALSE(path_glob_match("tests/*.py", "src/tests/t.py"));
  EXPECT_TRUE(path_glob_match("./tests/**", "tests/a/b.py"));
}

TEST(Gitignore, NegationAnchoringDirectoriesAndDoubleStar) {
  auto p = parse_gitignore("# comment\n\n*.log\n!keep.log\n/build\ndocs/\nsrc/**/gen\n\\#hash\ntrailing   \n");
  ASSERT_EQ(p.size(), 7u);
  EXPECT_EQ(gitignore_verdict(p, "a.log", false), 1);
  EXPECT_EQ(gitignore_verdict(p, "deep/x.log", false), 1);
  EXPECT_EQ(gitignore_verdict(p, "keep.log", false), -1);
  EXPECT_EQ(gitignore_verdict(p, "build", true), 1);
  EXPECT_EQ(gitignore_verdict(p, "sub/build", true), 0);  // anchored to the .gitignore's folder
  EXPECT_EQ(gitignore_verdict(p, "docs", true), 1);
  EXPECT_EQ(gitignore_verdict(p, "docs", false), 0);  // `docs/` names folders only
  EXPECT_EQ(gitignore_verdict(p, "src/a/b/gen", true), 1);
  EXPECT_EQ(gitignore_verdict(p, "src/gen", true), 1);
  EXPECT_EQ(gitignore_verdict(p, "#hash", false), 1);
  EXPECT_EQ(gitignore_verdict(p, "trailing", false), 1);
  EXPECT_EQ(gitignore_verdict(p, "main.py", false), 0);
}

TEST(Gitignore, DeeperFilesWinAndRulesAboveTheWalkApplyInsideAWorkTree) {
  Dir d;
  fs::create_directories(d.path() / ".git");
  d.write(".gitignore", "*.py\n");
  d.write("pkg/.gitignore", "!keep.py\n");
  GitignoreMatcher m;
  EXPECT_TRUE(m.ignored(d.path() / "pkg/a.py", false, d.path() / "pkg"));
  EXPECT_FALSE(m.ignored(d.path() / "pkg/keep.py", false, d.path() / "pkg"));
  // Outside a work tree only the walked folder's own files count.
  Dir plain;
  plain.write(".gitignore", "*.py\n");
  GitignoreMatcher m2;
  EXPECT_FALSE(m2.ignored(plain.path() / "sub/a.py", false, plain.path() / "sub"));
  EXPECT_TRUE(m2.ignored(plain.path() / "sub/a.py", false, plain.path()));
}

TEST(Config, PyprojectSectionIsRead) {
  Dir d;
  auto f = d.write("pyproject.toml",
                   "[project]\nname = \"x\"\n\n[tool.asynclint]\nselect = [\"ASYNC2\"]\nignore = [\"ASYNC210\"]\n"
                   "extend-select = [\"AL1\"]\nrespect-gitignore = false\nasync-framework = \"trio\"\n"
                   "extend-exclude = [\"legacy\"]\n[tool.asynclint.per-file-ignores]\n\"tests/*.py\" = [\"ASYNC251\"]\n"
                   "[tool.asynclint.extra-blocking-calls]\n\"mylib.fetch\" = \"mylib.fetch_async\"\n");
  auto s = load_config_file(f, builtin_catalog());
  ASSERT_TRUE(s);
  EXPECT_EQ(s->selection.select, std::vector<std::string>{"ASYNC2"});
  EXPECT_EQ(s->selection.ignore, std::vector<std::string>{"ASYNC210"});
  EXPECT_EQ(s->selection.extend_select, std::vector<std::string>{"AL1"});
  EXPECT_FALSE(s->respect_gitignore);
  EXPECT_EQ(s->framework, Framework::Trio);
  EXPECT_EQ(s->extra_blocking_calls.at("mylib.fetch"), "mylib.fetch_async");
  EXPECT_EQ(s->root, fs::absolute(d.path()).lexically_normal());
  EXPECT_EQ(s->ignored_codes(d.path() / "tests/t.py"), std::vector<std::string>{"ASYNC251"});
  EXPECT_TRUE(s->ignored_codes(d.path() / "src/t.py").empty());
  EXPECT_TRUE(s->excluded(d.path() / "src/legacy"));
  EXPECT_TRUE(s->excluded(d.path() / ".venv"));  // defaults still apply with extend-exclude
  EXPECT_FALSE(s->excluded(d.path() / "src"));
}

TEST(Config, PyprojectWithoutSectionIsNotAConfiguration) {
  Dir d;
  EXPECT_FALSE(load_config_file(d.write("pyproject.toml", "[tool.black]\nline-length = 100\n"), builtin_catalog()));
}

TEST(Config, ExcludeReplacesTheDefaults) {
  Dir d;
  auto s = load_config_file(d.write("asynclint.toml", "exclude = [\"gen\"]\n"), builtin_catalog());
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->excluded(d.path() / "gen"));
  EXPECT_FALSE(s->excluded(d.path() / ".hidden"));
}

TEST(Config, ErrorsNameFileLineAndKey) {
  Dir d;
  ConfigError e = load_error(d.write("pyproject.toml", "[tool.asynclint]\nselect = [\"ASYNC\"]\nselct = [\"X\"]\n"));
  EXPECT_EQ(e.line, 3u);
  EXPECT_NE(e.message.find("unknown key `selct`"), std::string::npos) << e.message;
  EXPECT_NE(e.str().find("pyproject.toml:3:"), std::string::npos) << e.str();

  e = load_error(d.write("asynclint.toml", "\nrespect-gitignore = \"yes\"\n"));
  EXPECT_EQ(e.line, 2u);
  EXPECT_NE(e.message.find("respect-gitignore"), std::string::npos);

  e = load_error(d.write("asynclint.toml", "async-framework = \"curio\"\n"));
  EXPECT_EQ(e.line, 1u);
  EXPECT_NE(e.message.find("async-framework"), std::string::npos);

  e = load_error(d.write("asynclint.toml", "select = [\"ASYNC251\",\n  \"NOPE9\"]\n"));
  EXPECT_EQ(e.line, 2u);
  EXPECT_NE(e.message.find("NOPE9"), std::string::npos);

  e = load_error(d.write("asynclint.toml", "[extra-blocking-calls]\n\"a.b\" = 3\n"));
  EXPECT_EQ(e.line, 2u);

  e = load_error(d.write("asynclint.toml", "[per-file-ignores]\n\"*.py\" = \"ASYNC251\"\n"));
  EXPECT_EQ(e.line, 2u);

  e = load_error(d.write("asynclint.toml", "select = [\n"));  // TOML syntax error
  EXPECT_GT(e.line, 0u);
}

TEST(Config, ReadsFlake8AsyncOptions) {
  Dir d;
  fs::path f = d.write("asynclint.toml",
                       "startable-in-context-manager = [\"listen\", \"*.serve_*\"]\n"
                       "no-checkpoint-warning-decorators = [\"app.route\"]\n"
                       "transform-async-generator-decorators = [\"trio_util.trio_async_generator\"]\n"
                       "exception-suppress-context-managers = [\"mylib.ignoring\"]\n");
  auto s = load_config_file(f, builtin_catalog());
  ASSERT_TRUE(s);
  EXPECT_EQ(s->check_options.startable_in_context_manager, (std::vector<std::string>{"listen", "*.serve_*"}));
  EXPECT_EQ(s->check_options.no_checkpoint_warning_decorators, std::vector<std::string>{"app.route"});
  EXPECT_EQ(s->check_options.transform_async_generator_decorators,
            std::vector<std::string>{"trio_util.trio_async_generator"});
  EXPECT_EQ(s->check_options.exception_suppress_context_managers, std::vector<std::string>{"mylib.ignoring"});
  ConfigError e = load_error(d.write("asynclint.toml", "\nstartable-in-context-manager = \"listen\"\n"));
  EXPECT_EQ(e.line, 2u);
}

TEST(Config, EveryErrorIsReportedInLineOrder) {
  Dir d;
  // toml++ iterates keys by name: `aaa` (line 8) used to be the one reported.
  auto f = d.write("pyproject.toml",
                   "[tool.asynclint]\n"
                   "select = [\"ASYNC\"]\n"
                   "zzz = 1\n"
                   "respect-gitignore = \"yes\"\n"
                   "ignore = [\"NOPE9\", 3]\n"
                   "async-framework = \"curio\"\n"
                   "extra-blocking-calls = { \"a.b\" = 1 }\n"
                   "aaa = 2\n");
  std::vector<ConfigError> errors;
  try {
    load_config_file(f, builtin_catalog());
  } catch (const ConfigException& e) {
    errors = e.errors;
    EXPECT_EQ(e.error.line, 3u);
    std::string what = e.what();
    EXPECT_EQ(std::count(what.begin(), what.end(), '\n'), 6) << what;
    EXPECT_TRUE(what.starts_with(f.string() + ":3:1: unknown key `zzz`")) << what;
  }
  ASSERT_EQ(errors.size(), 7u);
  std::vector<std::pair<uint32_t, uint32_t>> at;
  for (const auto& e : errors) at.emplace_back(e.line, e.column);
  EXPECT_EQ(at, (std::vector<std::pair<uint32_t, uint32_t>>{{3, 1}, {4, 21}, {5, 11}, {5, 20}, {6, 19}, {7, 34}, {8, 1}}));
  EXPECT_NE(errors[0].message.find("unknown key `zzz`"), std::string::npos);
  EXPECT_NE(errors[1].message.find("respect-gitignore"), std::string::npos);
  EXPECT_NE(errors[2].message.find("`ignore`: unknown rule selector `NOPE9`"), std::string::npos) << errors[2].message;
  EXPECT_NE(errors[3].message.find("`ignore` must hold only strings"), std::string::npos) << errors[3].message;
  EXPECT_NE(errors[4].message.find("async-framework"), std::string::npos);
  EXPECT_NE(errors[5].message.find("extra-blocking-calls.\"a.b\""), std::string::npos) << errors[5].message;
  EXPECT_NE(errors[6].message.find("unknown key `aaa`"), std::string::npos);
  for (const auto& e : errors) EXPECT_EQ(e.file, f.string());
}

TEST(ConfigResolver, NearestConfigurationWinsAndAsynclintTomlBeatsPyproject) {
  Dir d;
  d.write("pyproject.toml", "[tool.asynclint]\nignore = [\"ASYNC251\"]\n");
  d.write("a/pyproject.toml", "[tool.asynclint]\nignore = [\"ASYNC210\"]\n");
  d.write("a/asynclint.toml", "ignore = [\"ASYNC230\"]\n");
  d.write("b/pyproject.toml", "[tool.black]\n");  // no section: keep looking upwards
  ConfigResolver r(builtin_catalog(), {});
  EXPECT_EQ(r.for_path(d.path() / "x.py")->selection.ignore, std::vector<std::string>{"ASYNC251"});
  EXPECT_EQ(r.for_path(d.path() / "a/deep/x.py")->selection.ignore, std::vector<std::string>{"ASYNC230"});
  EXPECT_EQ(r.for_path(d.path() / "b/x.py")->selection.ignore, std::vector<std::string>{"ASYNC251"});
  // Cached per folder: the same object for every file of a folder.
  EXPECT_EQ(r.for_path(d.path() / "a/deep/y.py").get(), r.for_path(d.path() / "a/deep/x.py").get());
}

TEST(ConfigResolver, ExplicitIsolatedAndOverrides) {
  Dir d;
  d.write("pyproject.toml", "[tool.asynclint]\nselect = [\"ASYNC2\"]\nignore = [\"ASYNC251\"]\n");
  auto other = d.write("conf/asynclint.toml", "ignore = [\"AL101\"]\n");
  SettingsOverrides o;
  o.select = {"AL"};
  o.ignore = {"ASYNC210"};
  o.extra_blocking_calls = {{"x.y", "x.y_async"}};
  ConfigResolver found(builtin_catalog(), o);
  auto s = found.for_path(d.path() / "m.py");
  // The command line's select replaces the configuration's whole selection.
  EXPECT_EQ(s->selection.select, std::vector<std::string>{"AL"});
  EXPECT_EQ(s->selection.ignore, std::vector<std::string>{"ASYNC210"});
  EXPECT_EQ(s->extra_blocking_calls.at("x.y"), "x.y_async");
  ConfigResolver isolated(builtin_catalog(), {}, ConfigResolver::Mode::Isolated);
  EXPECT_TRUE(isolated.for_path(d.path() / "m.py")->selection.ignore.empty());
  ConfigResolver explicit_file(builtin_catalog(), {}, ConfigResolver::Mode::Explicit, other);
  EXPECT_EQ(explicit_file.for_path(d.path() / "m.py")->selection.ignore, std::vector<std::string>{"AL101"});
  EXPECT_THROW(ConfigResolver(builtin_catalog(), {}, ConfigResolver::Mode::Explicit, d.path() / "missing.toml"),
               ConfigException);
}

// The rules a configuration file and command-line options enable together.
std::vector<std::string> enabled_codes(const std::string& config, SettingsOverrides o) {
  Dir d;
  d.write("asynclint.toml", config);
  ConfigResolver r(builtin_catalog(), std::move(o));
  auto s = r.for_path(d.path() / "m.py");
  std::vector<std::string> out;
  for (const Rule& rule : builtin_catalog().rules)
    if (s->selection.enabled(rule)) out.push_back(rule.code);
  std::sort(out.begin(), out.end());
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& code) {
  return std::find(v.begin(), v.end(), code) != v.end();
}

TEST(ConfigResolver, CommandLineSelectionIsALaterLayerAsInRuff) {
  const std::string config = "select = [\"ASYNC2\"]\nextend-select = [\"ASYNC124\"]\nignore = [\"ASYNC251\"]\n";
  auto base = enabled_codes(config, {});
  EXPECT_TRUE(has(base, "ASYNC210") && has(base, "ASYNC124"));
  EXPECT_FALSE(has(base, "ASYNC251") || has(base, "AL101"));

  // --select starts afresh: the configuration's select, extend-select and
  // ignore no longer count (ruff: `--select F401` over `ignore = ["F401"]`
  // enforces F401 and nothing else).
  SettingsOverrides o;
  o.select = {"ASYNC251"};
  EXPECT_EQ(enabled_codes(config, o), std::vector<std::string>{"ASYNC251"});
  o.select = {"ASYNC25"};
  auto prefix = enabled_codes(config, o);
  EXPECT_TRUE(has(prefix, "ASYNC251") && has(prefix, "ASYNC250"));
  EXPECT_FALSE(has(prefix, "ASYNC124") || has(prefix, "ASYNC210"));
  // ... and the command line's own extend-select and ignore go with it.
  o.extend_select = {"AL101"};
  o.ignore = {"ASYNC250"};
  EXPECT_EQ(enabled_codes(config, o), (std::vector<std::string>{"AL101", "ASYNC251"}));

  // --extend-select adds to the configuration's selection and decides the
  // rules it names, even against a more specific ignore there (ruff:
  // `--extend-select B` keeps E and F, without F401, and adds B).
  SettingsOverrides e;
  e.extend_select = {"AL1"};
  auto extended = enabled_codes(config, e);
  EXPECT_TRUE(has(extended, "AL101") && has(extended, "ASYNC210") && has(extended, "ASYNC124"));
  EXPECT_FALSE(has(extended, "ASYNC251"));
  e.extend_select = {"ASYNC25"};
  EXPECT_TRUE(has(enabled_codes(config, e), "ASYNC251"));

  // --ignore removes from it; within the command line the more specific
  // selector wins and ignore wins a tie.
  SettingsOverrides i;
  i.ignore = {"ASYNC"};
  auto ignored = enabled_codes(config, i);
  EXPECT_FALSE(has(ignored, "ASYNC210") || has(ignored, "ASYNC124"));
  i.extend_select = {"ASYNC251"};
  ignored = enabled_codes(config, i);
  EXPECT_TRUE(has(ignored, "ASYNC251"));
  EXPECT_FALSE(has(ignored, "ASYNC210"));
  SettingsOverrides tie;
  tie.extend_select = {"ASYNC210"};
  tie.ignore = {"ASYNC210"};
  EXPECT_FALSE(has(enabled_codes(config, tie), "ASYNC210"));

  // Shown by --show-settings (and so part of the cache key).
  Dir d;
  d.write("asynclint.toml", config);
  ConfigResolver r(builtin_catalog(), e);
  std::string shown = render_settings(*r.for_path(d.path() / "m.py"), builtin_catalog());
  EXPECT_NE(shown.find("# then, from the command line: extend-select = [\"ASYNC25\"], ignore = []"), std::string::npos)
      << shown;
}

TEST(ConfiguredLinter, ExtraBlockingCallsFrameworkWordingAndPerFileIgnores) {
  auto s = std::make_shared<Settings>();
  s->root = fs::current_path();
  s->extra_blocking_calls = {{"mylib.fetch", "mylib.fetch_async"}};
  s->framework = Framework::Anyio;
  s->per_file_ignores = {{"skip_*.py", {"ASYNC21"}}};
  ConfiguredLinter linter(builtin_catalog(), s);
  std::string src = "import time, requests, mylib\nasync def f():\n    time.sleep(1)\n    requests.get(u)\n    mylib.fetch()\n";
  auto r = linter.lint_bytes("mod.py", src);
  ASSERT_EQ(r.diagnostics.size(), 3u);
  EXPECT_NE(r.diagnostics[0].message.find("await anyio.sleep(...)"), std::string::npos) << r.diagnostics[0].message;
  EXPECT_NE(r.diagnostics[1].message.find("httpx.AsyncClient.get"), std::string::npos) << r.diagnostics[1].message;
  EXPECT_EQ(r.diagnostics[2].code, "ASYNC200");
  EXPECT_NE(r.diagnostics[2].message.find("mylib.fetch_async"), std::string::npos);
  auto skipped = linter.lint_bytes("skip_me.py", src);
  EXPECT_EQ(skipped.diagnostics.size(), 2u);  // ASYNC210 ignored for this file
  // The default catalog is untouched: asyncio wording, no ASYNC200.
  auto plain = testing::lint_text(src, RuleSelection{{"ASYNC2"}, {}, {}});
  EXPECT_NE(plain[0].message.find("asyncio.sleep"), std::string::npos);
  EXPECT_EQ(plain.size(), 2u);
}

TEST(Exclusion, WalkHonoursExcludeAndGitignore) {
  Dir d;
  d.write("pyproject.toml", "[tool.asynclint]\nextend-exclude = [\"legacy\", \"*_pb2.py\"]\n");
  d.write(".gitignore", "generated/\n*.tmp.py\n!keep.tmp.py\n");
  for (const char* f : {"src/a.py", "legacy/b.py", "src/x_pb2.py", "generated/c.py", "src/d.tmp.py", "src/keep.tmp.py",
                        ".venv/e.py", "sub/noignore/f.py"})
    d.write(f, "");
  d.write("sub/pyproject.toml", "[tool.asynclint]\nrespect-gitignore = false\n");
  d.write("sub/generated/g.py", "");
  ConfigResolver r(builtin_catalog(), {});
  GitignoreMatcher g;
  auto found = discover_files({d.path().string()}, exclusion_filter(r, g));
  std::vector<std::string> rel;
  for (const auto& f : found.files) rel.push_back(fs::path(f).lexically_relative(d.path()).generic_string());
  EXPECT_EQ(rel, (std::vector<std::string>{"src/a.py", "src/keep.tmp.py", "sub/generated/g.py", "sub/noignore/f.py"}));
}

TEST(Settings, RenderShowsTheResolvedValues) {
  Settings s;
  s.file = "/p/pyproject.toml";
  s.selection.ignore = {"ASYNC251"};
  s.extra_blocking_calls = {{"a.b", "a.c"}};
  std::string out = render_settings(s, builtin_catalog());
  EXPECT_NE(out.find("/p/pyproject.toml"), std::string::npos);
  EXPECT_NE(out.find("ignore = [\"ASYNC251\"]"), std::string::npos);
  EXPECT_NE(out.find("\"a.b\" = \"a.c\""), std::string::npos);
  std::string enabled = out.substr(out.find("# enabled rules:"));
  EXPECT_EQ(enabled.find("ASYNC251"), std::string::npos) << enabled;
  EXPECT_NE(enabled.find("ASYNC210"), std::string::npos) << enabled;
}

}  // namespace
}  // namespace asl
