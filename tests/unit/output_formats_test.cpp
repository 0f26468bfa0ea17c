// The report formats: full, SARIF (against the official schema when the
// validator is installed), GitLab Code Quality, JUnit, ruff's JSON fields,
// grouped, pylint, Azure Pipelines, reviewdog's rdjson, and --statistics.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

#include <nlohmann/json.hpp>

#include "../support/lint_helpers.h"
#include "../support/sarif_validator.h"
#include "core/display_width.h"
#include "lint/output.h"

namespace fs = std::filesystem;

namespace asl {
namespace {

const char* kSource = "import time\n\nasync def f():\n\tx = 'é'; time.sleep(1)\n";

struct Report {
  std::vector<FileResult> results;
  std::shared_ptr<const SourceFile> source;
  ReportOptions options;

  explicit Report(OutputFormat format, const std::string& text = kSource, const std::string& path = "pkg/m.py") {
    Linter linter(builtin_catalog(), RuleSelection{{"ASYNC251"}, {}, {}});
    results.push_back(linter.lint_bytes(path, text));
    LoadError e;
    source = std::make_shared<const SourceFile>(SourceFile::from_bytes(path, text, &e));
    options.format = format;
    options.catalog = &builtin_catalog();
    options.version = "9.9.9";
    options.source = [this](const std::string&) { return source; };
  }
  std::string str() const {
    std::ostringstream os;
    write_report(os, results, options);
    return os.str();
  }
};

TEST(FullFormat, SourceLineWithCaretsUnderTheRange) {
  std::string out = Report(OutputFormat::Full).str();
  EXPECT_NE(out.find("pkg/m.py:4:11: ASYNC251 [*] `time.sleep` blocks"), std::string::npos) << out;
  // The tab is expanded to four columns, `é` is one column wide.
  EXPECT_NE(out.find("4 |     x = 'é'; time.sleep(1)\n  |              ^^^^^^^^^^ ASYNC251\n"), std::string::npos) << out;
  EXPECT_NE(out.find("= help: Replace with `await asyncio.sleep(...)`"), std::string::npos) << out;
  EXPECT_NE(out.find("Found 1 error.\n[*] 1 fixable with the `--fix` option.\n"), std::string::npos) << out;
  EXPECT_EQ(out.find("\x1b["), std::string::npos);
  Report colored(OutputFormat::Full);
  colored.options.color = true;
  EXPECT_NE(colored.str().find("\x1b[1;31m^^^"), std::string::npos);
}

TEST(FullFormat, CaretsFollowDisplayWidthNotCodePoints) {
  // Wide characters (CJK, emoji) take two columns, combining marks none, tabs
  // go to the next 4-column stop; the reported columns stay code points.
  const std::string text =
      "import time\n"
      "async def f():\n"
      "    s = '日本'; time.sleep(1)\n"
      "    e = '🎉'; time.sleep(1)\n"
      "    c = 'e\u0301'; time.sleep(1)\n"
      "\tx = '日'\t; time.sleep(1)\n";
  std::string out = Report(OutputFormat::Full, text).str();
  // The caret line under `line` (which also shows as context of its neighbours).
  auto caret_under = [&](const std::string& line) {
    for (size_t at = out.find(line + "\n"); at != std::string::npos; at = out.find(line + "\n", at + 1)) {
      size_t b = at + line.size() + 1;
      std::string next = out.substr(b, out.find('\n', b) - b);
      if (next.find('^') != std::string::npos) return next;
    }
    return std::string("(no carets under `" + line + "`)");
  };
  auto carets = [](size_t pad, size_t n) { return "  | " + std::string(pad, ' ') + std::string(n, '^') + " ASYNC251"; };
  EXPECT_NE(out.find("pkg/m.py:3:15: ASYNC251"), std::string::npos) << out;
  EXPECT_EQ(caret_under("3 |     s = '日本'; time.sleep(1)"), carets(16, 10)) << out;
  EXPECT_NE(out.find("pkg/m.py:4:14: ASYNC251"), std::string::npos) << out;
  EXPECT_EQ(caret_under("4 |     e = '🎉'; time.sleep(1)"), carets(14, 10)) << out;
  EXPECT_NE(out.find("pkg/m.py:5:15: ASYNC251"), std::string::npos) << out;
  EXPECT_EQ(caret_under("5 |     c = 'e\u0301'; time.sleep(1)"), carets(13, 10)) << out;
  EXPECT_NE(out.find("pkg/m.py:6:12: ASYNC251"), std::string::npos) << out;
  EXPECT_EQ(caret_under("6 |     x = '日'    ; time.sleep(1)"), carets(18, 10)) << out;

  // A range over wide characters is as wide as they are.
  Report wide(OutputFormat::Full, "x = f('日本', 1)\n");
  Diagnostic d;
  d.code = "ASYNC251";
  d.message = "m";
  d.start = {1, 5};
  d.end = {1, 15};  // `f(...)`: 10 code points, 12 columns
  wide.results[0].diagnostics = {d};
  std::string w = wide.str();
  EXPECT_NE(w.find("1 | x = f('日本', 1)\n  |     ^^^^^^^^^^^^ ASYNC251\n"), std::string::npos) << w;
}

TEST(FullFormat, DisplayWidthOfCodePoints) {
  EXPECT_EQ(code_point_width(U'a'), 1);
  EXPECT_EQ(code_point_width(U'é'), 1);
  EXPECT_EQ(code_point_width(U'日'), 2);
  EXPECT_EQ(code_point_width(U'ｱ'), 1);   // halfwidth katakana
  EXPECT_EQ(code_point_width(U'Ａ'), 2);  // fullwidth A
  EXPECT_EQ(code_point_width(U'한'), 2);
  EXPECT_EQ(code_point_width(U'🎉'), 2);
  EXPECT_EQ(code_point_width(U'\u0301'), 0);  // combining acute accent
  EXPECT_EQ(code_point_width(U'\u200D'), 0);  // zero width joiner
  EXPECT_EQ(code_point_width(U'\uFE0F'), 0);  // variation selector
  EXPECT_EQ(code_point_width(U'\u00AD'), 1);  // soft hyphen
  EXPECT_EQ(code_point_width(U'\U00020000'), 2);
}

TEST(JsonFormat, RuffFieldNamesAndEditPositions) {
  auto j = nlohmann::json::parse(Report(OutputFormat::Json).str());
  ASSERT_EQ(j.size(), 1u);
  for (const char* key : {"cell", "code", "end_location", "filename", "fix", "location", "message", "noqa_row", "url"})
    EXPECT_TRUE(j[0].contains(key)) << key;
  EXPECT_EQ(j[0]["location"], (nlohmann::json{{"row", 4}, {"column", 11}}));
  EXPECT_EQ(j[0]["fix"]["applicability"], "safe");
  const auto& edits = j[0]["fix"]["edits"];
  ASSERT_EQ(edits.size(), 2u);
  EXPECT_EQ(edits[0]["content"], "\nimport asyncio");
  EXPECT_EQ(edits[0]["location"], (nlohmann::json{{"row", 1}, {"column", 12}}));
  EXPECT_EQ(edits[1]["content"], "await asyncio.sleep(1)");
  EXPECT_EQ(edits[1]["end_location"], (nlohmann::json{{"row", 4}, {"column", 24}}));
}

nlohmann::json sarif() { return nlohmann::json::parse(Report(OutputFormat::Sarif).str()); }

TEST(SarifFormat, RequiredFieldsForCodeScanning) {
  auto log = sarif();
  EXPECT_EQ(log["version"], "2.1.0");
  const auto& run = log["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["name"], "asynclint");
  EXPECT_EQ(run["tool"]["driver"]["version"], "9.9.9");
  const auto& rules = run["tool"]["driver"]["rules"];
  ASSERT_GE(rules.size(), builtin_catalog().rules.size());
  const auto& result = run["results"][0];
  EXPECT_EQ(result["ruleId"], "ASYNC251");
  EXPECT_EQ(result["level"], "error");
  EXPECT_EQ(rules[result["ruleIndex"].get<size_t>()]["id"], "ASYNC251");
  EXPECT_EQ(rules[result["ruleIndex"].get<size_t>()]["name"], "blocking-sleep-in-async-function");
  EXPECT_FALSE(rules[0]["shortDescription"]["text"].get<std::string>().empty());
  EXPECT_FALSE(rules[0]["fullDescription"]["text"].get<std::string>().empty());
  const auto& loc = result["locations"][0]["physicalLocation"];
  EXPECT_EQ(loc["artifactLocation"]["uri"], "pkg/m.py");
  EXPECT_EQ(loc["region"], (nlohmann::json{{"startLine", 4}, {"startColumn", 11}, {"endLine", 4}, {"endColumn", 21}}));
  EXPECT_EQ(run["columnKind"], "unicodeCodePoints");
}

TEST(SarifFormat, PathsAreRelativeWithForwardSlashes) {
  Report r(OutputFormat::Sarif, kSource, "./pkg//sub/../m.py");
  auto log = nlohmann::json::parse(r.str());
  EXPECT_EQ(log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "pkg/m.py");
  std::string abs = (fs::current_path() / "pkg/m.py").string();
  Report a(OutputFormat::Sarif, kSource, abs);
  log = nlohmann::json::parse(a.str());
  EXPECT_EQ(log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "pkg/m.py");
}

TEST(SarifFormat, ValidatesAgainstTheOfficialSchema) {
  if (!testing::sarif_validator_installed())
    GTEST_SKIP() << "the schema validator is not installed (scripts/setup.sh runs npm ci in tests/sarif)";
  Report with_results(OutputFormat::Sarif);
  auto [status, out] = testing::validate_sarif(with_results.str());
  EXPECT_EQ(status, 0) << out;
  Report clean(OutputFormat::Sarif, "x = 1\n");
  EXPECT_EQ(testing::validate_sarif(clean.str()).status, 0);
  // The validator does reject a broken log.
  auto broken = nlohmann::json::parse(with_results.str());
  broken["runs"][0]["results"][0]["level"] = "fatal";
  EXPECT_NE(testing::validate_sarif(broken.dump()).status, 0);
}

std::string sarif_uri(const std::string& path) {
  auto log = nlohmann::json::parse(Report(OutputFormat::Sarif, kSource, path).str());
  return log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
}

TEST(SarifFormat, UrisArePercentEncoded) {
  EXPECT_EQ(sarif_uri("dir/sp ace/m.py"), "dir/sp%20ace/m.py");
  EXPECT_EQ(sarif_uri("a#b/c?d/100%/m.py"), "a%23b/c%3Fd/100%25/m.py");
  EXPECT_EQ(sarif_uri("d\xC3\xA9j\xC3\xA0/\xE6\x97\xA5.py"), "d%C3%A9j%C3%A0/%E6%97%A5.py");  // déjà/日.py
  EXPECT_EQ(sarif_uri("a:b/m.py"), "a%3Ab/m.py");  // not a scheme
  EXPECT_EQ(sarif_uri("Az09-._~/m.py"), "Az09-._~/m.py");
  EXPECT_EQ(sarif_uri("/no such dir/m.py"), "file:///no%20such%20dir/m.py");
  if (!testing::sarif_validator_installed()) GTEST_SKIP() << "the schema validator is not installed";
  for (const char* path : {"dir/sp ace/m.py", "a#b/c?d/100%/m.py", "d\xC3\xA9j\xC3\xA0/m.py", "/no such dir/m.py"}) {
    auto [status, out] = testing::validate_sarif(Report(OutputFormat::Sarif, kSource, path).str());
    EXPECT_EQ(status, 0) << path << "\n" << out;
  }
}

TEST(OtherFormats, PrintPathsAsTheyAreNotAsUris) {
  const std::string path = "dir/sp ace/a#b%.py";
  auto gitlab = nlohmann::json::parse(Report(OutputFormat::Gitlab, kSource, path).str());
  EXPECT_EQ(gitlab[0]["location"]["path"], path);
  std::string junit = Report(OutputFormat::Junit, kSource, path).str();
  EXPECT_NE(junit.find("file=\"" + path + "\""), std::string::npos) << junit;
  // GitHub's workflow commands escape `%` (as %25) and nothing else of these.
  std::string github = Report(OutputFormat::Github, kSource, path).str();
  EXPECT_NE(github.find(",file=dir/sp ace/a#b%25.py,"), std::string::npos) << github;
  auto json = nlohmann::json::parse(Report(OutputFormat::Json, kSource, path).str());
  EXPECT_EQ(json[0]["filename"], path);
}

TEST(GitlabFormat, CodeClimateFieldsAndStableFingerprints) {
  auto j = nlohmann::json::parse(Report(OutputFormat::Gitlab).str());
  ASSERT_EQ(j.size(), 1u);
  EXPECT_EQ(j[0]["check_name"], "ASYNC251");
  EXPECT_EQ(j[0]["severity"], "major");
  EXPECT_EQ(j[0]["location"]["path"], "pkg/m.py");
  EXPECT_EQ(j[0]["location"]["lines"]["begin"], 4);
  EXPECT_NE(j[0]["description"].get<std::string>().find("time.sleep"), std::string::npos);
  std::string fp = j[0]["fingerprint"];
  EXPECT_EQ(fp.size(), 16u);
  // Moving the finding down a line keeps its fingerprint; two identical findings differ.
  auto moved = nlohmann::json::parse(Report(OutputFormat::Gitlab, std::string("# new\n") + kSource).str());
  EXPECT_EQ(moved[0]["fingerprint"], fp);
  auto twice = nlohmann::json::parse(
      Report(OutputFormat::Gitlab, "import time\nasync def f():\n    time.sleep(1)\n    time.sleep(1)\n").str());
  ASSERT_EQ(twice.size(), 2u);
  EXPECT_NE(twice[0]["fingerprint"], twice[1]["fingerprint"]);
}

TEST(JunitFormat, OneSuiteWithAFailurePerFindingAndAPassPerCleanFile) {
  Report r(OutputFormat::Junit);
  Linter linter(builtin_catalog(), RuleSelection{});
  r.results.push_back(linter.lint_bytes("clean.py", "x = 1\n"));
  FileResult broken;
  broken.path = "bad.py";
  broken.error = "invalid UTF-8 <here>";
  r.results.push_back(broken);
  std::string out = r.str();
  EXPECT_TRUE(out.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"asynclint\" tests=\"3\" failures=\"1\" errors=\"1\">"))
      << out;
  EXPECT_NE(out.find("<testcase name=\"pkg/m.py:4:11: ASYNC251\" classname=\"pkg/m.py\" file=\"pkg/m.py\" line=\"4\">"),
            std::string::npos) << out;
  EXPECT_NE(out.find("<testcase name=\"clean.py\" classname=\"clean.py\" file=\"clean.py\"/>"), std::string::npos);
  EXPECT_NE(out.find("invalid UTF-8 &lt;here&gt;"), std::string::npos);
  EXPECT_EQ(out.find("<here>"), std::string::npos);
  size_t open = 0, close = 0;
  for (size_t p = 0; (p = out.find("<testsuite ", p)) != std::string::npos; ++p) ++open;
  for (size_t p = 0; (p = out.find("</testsuite>", p)) != std::string::npos; ++p) ++close;
  EXPECT_EQ(open, 1u);
  EXPECT_EQ(close, 1u);
}

TEST(Statistics, CountsPerCodeMostFrequentFirst) {
  Report r(OutputFormat::Concise, "import time, requests\nasync def f():\n    time.sleep(1)\n    requests.get(u)\n"
                                  "    requests.post(u)\n");
  Linter linter(builtin_catalog(), RuleSelection{{"ASYNC2"}, {}, {}});
  r.results[0] = linter.lint_bytes("m.py", "import time, requests\nasync def f():\n    time.sleep(1)\n    requests.get(u)\n"
                                           "    requests.post(u)\n");
  std::ostringstream os;
  write_statistics(os, r.results, r.options);
  EXPECT_EQ(os.str(), "2\tASYNC210\tblocking-http-call-in-async-function\n1\tASYNC251\t[*] blocking-sleep-in-async-function\n");
  r.options.format = OutputFormat::Json;
  std::ostringstream js;
  write_statistics(js, r.results, r.options);
  auto j = nlohmann::json::parse(js.str());
  EXPECT_EQ(j[0], (nlohmann::json{{"code", "ASYNC210"}, {"name", "blocking-http-call-in-async-function"}, {"count", 2}, {"fixable", false}}));
}

TEST(ConciseFormat, MarksFixableFindings) {
  std::string out = Report(OutputFormat::Concise).str();
  EXPECT_NE(out.find("pkg/m.py:4:11: ASYNC251 [*] `time.sleep`"), std::string::npos) << out;
  Report fixed(OutputFormat::Concise, "x = 1\n");
  fixed.options.fixed = 2;
  EXPECT_EQ(fixed.str(), "All checks passed!\nFixed 2 errors.\n");
}

const char* kTwoFindings = "import time\n\nasync def f():\n    time.sleep(1)\n\n\n\n\n\n\nasync def g():\n  time.sleep(1)\n";

TEST(GroupedFormat, PathThenAlignedFindingsThenSummary) {
  EXPECT_EQ(Report(OutputFormat::Grouped, kTwoFindings).str(),
            "pkg/m.py:\n"
            "   4:5 ASYNC251 [*] `time.sleep` blocks the event loop; use `await asyncio.sleep(...)` (C#: `await Task.Delay(...)`)\n"
            "  12:3 ASYNC251 [*] `time.sleep` blocks the event loop; use `await asyncio.sleep(...)` (C#: `await Task.Delay(...)`)\n"
            "\n"
            "Found 2 errors.\n[*] 2 fixable with the `--fix` option.\n");
  EXPECT_EQ(Report(OutputFormat::Grouped, "x = 1\n").str(), "All checks passed!\n");
}

TEST(PylintFormat, PathLineAndBracketedCode) {
  EXPECT_EQ(Report(OutputFormat::Pylint, kTwoFindings).str(),
            "pkg/m.py:4: [ASYNC251] `time.sleep` blocks the event loop; use `await asyncio.sleep(...)` (C#: `await Task.Delay(...)`)\n"
            "pkg/m.py:12: [ASYNC251] `time.sleep` blocks the event loop; use `await asyncio.sleep(...)` (C#: `await Task.Delay(...)`)\n");
  EXPECT_EQ(Report(OutputFormat::Pylint, "x = 1\n").str(), "");
}

TEST(AzureFormat, LoggingCommandPerFinding) {
  EXPECT_EQ(Report(OutputFormat::Azure).str(),
            "##vso[task.logissue type=error;sourcepath=pkg/m.py;linenumber=4;columnnumber=11;code=ASYNC251;]"
            "`time.sleep` blocks the event loop; use `await asyncio.sleep(...)` (C#: `await Task.Delay(...)`)\n");
}

TEST(RdjsonFormat, ReviewdogFieldsWithSuggestions) {
  std::string out = Report(OutputFormat::Rdjson).str();
  auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j["severity"], "warning");
  EXPECT_EQ(j["source"]["name"], "asynclint");
  ASSERT_EQ(j["diagnostics"].size(), 1u);
  const auto& d = j["diagnostics"][0];
  EXPECT_EQ(d["code"]["value"], "ASYNC251");
  EXPECT_EQ(d["location"]["path"], "pkg/m.py");
  EXPECT_EQ(d["location"]["range"]["start"], (nlohmann::json{{"line", 4}, {"column", 11}}));
  EXPECT_EQ(d["location"]["range"]["end"], (nlohmann::json{{"line", 4}, {"column", 21}}));
  ASSERT_FALSE(d["suggestions"].empty());
  EXPECT_TRUE(d["suggestions"][0].contains("range"));
  EXPECT_TRUE(d["suggestions"][0].contains("text"));
  // Pretty-printed with sorted keys, as ruff prints it.
  EXPECT_TRUE(out.starts_with("{\n  \"diagnostics\": [\n    {\n      \"code\": {\n        \"value\": \"ASYNC251\"\n")) << out;
  auto empty = nlohmann::json::parse(Report(OutputFormat::Rdjson, "x = 1\n").str());
  EXPECT_TRUE(empty["diagnostics"].empty());
}

TEST(OutputFormatNames, EveryFormatParses) {
  OutputFormat f;
  for (const char* n : {"concise", "full", "json", "json-lines", "sarif", "github", "gitlab", "junit", "grouped",
                        "pylint", "azure", "rdjson"})
    EXPECT_TRUE(parse_output_format(n, f)) << n;
  EXPECT_FALSE(parse_output_format("xml", f));
}

}  // namespace
}  // namespace asl
