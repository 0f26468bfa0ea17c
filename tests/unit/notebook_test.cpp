// Jupyter notebooks: reading them (and refusing what is not one), IPython
// magics, findings placed in cells, and the command line's handling of them.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "../support/lint_helpers.h"
#include "../support/sarif_validator.h"
#include "lint/notebook.h"

namespace fs = std::filesystem;

namespace asl {
namespace {

// A notebook of code cells (a null source: a markdown cell), as Jupyter writes it.
std::string notebook(const std::vector<const char*>& cells) {
  nlohmann::json nb = {{"cells", nlohmann::json::array()}, {"metadata", nlohmann::json::object()},
                       {"nbformat", 4}, {"nbformat_minor", 5}};
  for (const char* c : cells) {
    if (!c) {
      nb["cells"].push_back({{"cell_type", "markdown"}, {"metadata", nlohmann::json::object()}, {"source", "# Notes"}});
      continue;
    }
    nlohmann::json lines = nlohmann::json::array();
    std::string_view s = c;
    for (size_t at = 0; at < s.size();) {
      size_t nl = s.find('\n', at);
      size_t end = nl == std::string_view::npos ? s.size() : nl + 1;
      lines.push_back(std::string(s.substr(at, end - at)));
      at = end;
    }
    nb["cells"].push_back({{"cell_type", "code"}, {"execution_count", nullptr}, {"metadata", nlohmann::json::object()},
                           {"outputs", nlohmann::json::array()}, {"source", lines}});
  }
  return nb.dump(1) + "\n";
}

std::string parse_error(std::string_view text) {
  std::string error;
  EXPECT_FALSE(parse_notebook(text, &error).has_value()) << text;
  return error;
}

TEST(Notebook, RefusesWhatIsNotANotebook) {
  EXPECT_EQ(parse_error("{\"cells\": [1,"), "not a valid notebook: invalid JSON at 1:14: syntax error while parsing "
                                            "value - unexpected end of input; expected '[', '{', or a literal");
  EXPECT_EQ(parse_error("{\n \"cells\": [],\n x\n}"),
            "not a valid notebook: invalid JSON at 3:2: syntax error while parsing object key - invalid literal; "
            "last read: '\"cells\": [],<U+000A> x'; expected string literal");
  EXPECT_EQ(parse_error("[]"), "not a valid notebook: the top level is not a JSON object");
  EXPECT_EQ(parse_error("{\"metadata\": {}}"), "not a valid notebook: no `cells` list");
  EXPECT_EQ(parse_error("{\"cells\": {}}"), "not a valid notebook: `cells` is not a list");
  EXPECT_EQ(parse_error("{\"cells\": [3]}"), "not a valid notebook: cell 1 is not a JSON object");
  EXPECT_EQ(parse_error("{\"cells\": [{\"cell_type\": \"code\", \"source\": \"\"}, {\"source\": []}]}"),
            "not a valid notebook: cell 2 has no string `cell_type`");
  EXPECT_EQ(parse_error("{\"cells\": [{\"cell_type\": \"code\", \"source\": [\"x\", 1]}]}"),
            "not a valid notebook: the `source` of cell 1 is neither a string nor a list of strings");
  EXPECT_EQ(parse_error(""), "not a valid notebook: invalid JSON at 1:1: syntax error while parsing value - "
                             "unexpected end of input; expected '[', '{', or a literal");
  // Invalid UTF-8 is not echoed back into the message.
  std::string invalid = parse_error("{\"cells\": [{\"cell_type\": \"code\", \"source\": \"x = \xff\"}]}");
  EXPECT_EQ(find_invalid_utf8(invalid), std::string_view::npos) << invalid;
  EXPECT_NE(invalid.find("not a valid notebook: invalid JSON at 1:"), std::string::npos) << invalid;
}

TEST(Notebook, JoinsCodeCellsLineForLine) {
  std::string error;
  auto nb = parse_notebook(notebook({"import asyncio\n", nullptr, "x = 1\ny = 2", "%%bash\necho hi\n", ""}), &error);
  ASSERT_TRUE(nb) << error;
  EXPECT_EQ(nb->python, "import asyncio\nx = 1\ny = 2\n\n");
  ASSERT_EQ(nb->lines.size(), 4u);
  EXPECT_EQ(nb->lines[1].cell, 3u);
  EXPECT_EQ(nb->lines[1].line, 1u);
  EXPECT_EQ(nb->lines[2].line, 2u);
  EXPECT_EQ(nb->lines[3].cell, 5u);  // the cell magic's cell (4) is left out
  ASSERT_EQ(nb->cells.size(), 3u);
  EXPECT_EQ(nb->cells[1].start, 15u);
  EXPECT_EQ(nb->cells[1].end, 27u);
}

TEST(Notebook, OtherLanguagesHaveNoPythonCells) {
  std::string error;
  auto r = parse_notebook(R"nb({"cells": [{"cell_type": "code", "source": "x <- c(1, 2)"}],
                                "metadata": {"language_info": {"name": "R"}}})nb", &error);
  ASSERT_TRUE(r) << error;
  EXPECT_TRUE(r->cells.empty());
  EXPECT_EQ(r->python, "");
  auto py = parse_notebook(R"({"cells": [{"cell_type": "code", "source": "x = 1"}],
                               "metadata": {"language_info": {"name": "python"}}})", &error);
  ASSERT_TRUE(py) << error;
  EXPECT_EQ(py->python, "x = 1\n");
}

std::string magic_free(const std::vector<std::string>& lines) {
  LineScanState st;
  std::string out;
  for (const auto& l : lines) out += replace_magic(l, st) + "\n";
  return out;
}

TEST(Notebook, MagicsBecomePythonOfTheSameShape) {
  EXPECT_EQ(magic_free({"%time f()", "!pip install aiohttp", "    %timeit g()", "?len", "len??"}),
            "pass\npass\n    pass\npass\npass\n");
  EXPECT_EQ(magic_free({"files = !ls", "a, b = %sx echo 1 2", "t.x = %time f()"}),
            "files = None\na, b = None\nt.x = None\n");
  // A magic continued over lines: its continuation lines are blank.
  EXPECT_EQ(magic_free({"if x:", "    !pip install \\", "        aiohttp \\", "        httpx", "    y = 1"}),
            "if x:\n    pass\n\n\n    y = 1\n");
  // Python that only looks like a magic stays.
  std::vector<std::string> python = {"total = (a",     "         % b)",  "s = '''",    "%not a magic",
                                     "'''",            "x = 1  # why?",  "y = a \\",    "    % b",
                                     "z = {'k': '?'}", "ok = a != b",    "print('?')"};
  std::string joined;
  for (const auto& l : python) joined += l + "\n";
  EXPECT_EQ(magic_free(python), joined);
}

TEST(Notebook, FindingsAreInCellsAndLines) {
  std::string text = notebook({"import asyncio, time\nimport requests\n", nullptr,
                               "%load_ext autoreload\nr = requests.get('u')\n",
                               "await asyncio.sleep(1)\n!ls\nr = requests.get('u')\n"
                               "time.sleep(1)  # noqa: ASYNC251\n"});
  auto found = testing::lint_text(text, RuleSelection{}, "nb.ipynb");
  ASSERT_EQ(found.size(), 1u) << (found.empty() ? "" : found[0].code);
  EXPECT_EQ(found[0].code, "ASYNC210");  // only in the cell that awaits, and not E999 for its await
  EXPECT_EQ(found[0].cell, 4u);
  EXPECT_EQ(found[0].start.line, 3u);
  EXPECT_EQ(found[0].start.column, 5u);
  EXPECT_EQ(found[0].end.line, 3u);
  EXPECT_FALSE(found[0].fix.has_value());  // fixes are not applied to notebooks
}

TEST(Notebook, SyntaxErrorsAreInTheirCell) {
  auto found = testing::lint_text(notebook({"x = 1\n", "def f(:\n    pass\n"}), RuleSelection{}, "nb.ipynb");
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].code, "E999");
  EXPECT_EQ(found[0].cell, 2u);
  EXPECT_EQ(found[0].start.line, 1u);
}

// The command line: `asynclint ARGS` in `dir`, standard error joined to the output.
struct Outcome {
  int status;
  std::string out;
};

Outcome run_in(const fs::path& dir, const std::string& args) {
  std::string cmd = "cd '" + dir.string() + "' && " + ASYNCLINT_BINARY + " " + args + " 2>&1";
  Outcome r{0, ""};
  FILE* p = popen(cmd.c_str(), "r");
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

class NotebookCli : public ::testing::Test {
 protected:
  fs::path dir = fs::temp_directory_path() / ("asynclint_notebooks_" + std::to_string(::getpid()));
  void SetUp() override {
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  void TearDown() override { fs::remove_all(dir); }
  void write(const std::string& name, const std::string& text) { std::ofstream(dir / name, std::ios::binary) << text; }
  std::string read(const std::string& name) {
    std::ifstream in(dir / name, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  const std::string kNotebook = notebook({"import asyncio, time\n", nullptr, "await asyncio.sleep(0)\ntime.sleep(1)\n"});
};

TEST_F(NotebookCli, DiscoveredInFoldersAndReportedByCell) {
  write("analysis.ipynb", kNotebook);
  Outcome r = run_in(dir, "--no-cache .");
  EXPECT_EQ(r.status, 1) << r.out;
  EXPECT_NE(r.out.find("analysis.ipynb:cell 3:2:1: ASYNC251 "), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("[*]"), std::string::npos) << r.out;  // no fix offered
}

TEST_F(NotebookCli, LineFormatsNameTheCell) {
  write("analysis.ipynb", kNotebook);
  Outcome r = run_in(dir, "--no-cache --output-format grouped analysis.ipynb 2>/dev/null");
  EXPECT_NE(r.out.find("analysis.ipynb:\n  cell 3:2:1 ASYNC251 "), std::string::npos) << r.out;
  r = run_in(dir, "--no-cache --output-format pylint analysis.ipynb 2>/dev/null");
  EXPECT_NE(r.out.find("analysis.ipynb:cell 3:2: [ASYNC251] "), std::string::npos) << r.out;
  r = run_in(dir, "--no-cache --output-format azure analysis.ipynb 2>/dev/null");
  EXPECT_NE(r.out.find(";sourcepath=analysis.ipynb;linenumber=2;columnnumber=1;code=ASYNC251;]cell 3: "), std::string::npos)
      << r.out;
  r = run_in(dir, "--no-cache --output-format rdjson analysis.ipynb 2>/dev/null");
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["diagnostics"].size(), 1u) << r.out;
  EXPECT_EQ(j["diagnostics"][0]["location"]["range"]["start"]["line"], 2);
  EXPECT_TRUE(j["diagnostics"][0]["message"].get<std::string>().starts_with("cell 3: ")) << r.out;
}

TEST_F(NotebookCli, JsonAndSarifCarryTheCell) {
  write("analysis.ipynb", kNotebook);
  Outcome r = run_in(dir, "--no-cache --output-format json analysis.ipynb 2>/dev/null");
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j.size(), 1u) << r.out;
  EXPECT_EQ(j[0]["cell"], 3);
  EXPECT_EQ(j[0]["location"]["row"], 2);
  EXPECT_EQ(j[0]["fix"], nullptr);
  r = run_in(dir, "--no-cache --output-format sarif analysis.ipynb 2>/dev/null");
  auto s = nlohmann::json::parse(r.out);
  const auto& result = s["runs"][0]["results"][0];
  EXPECT_EQ(result["properties"]["cell"], 3);
  EXPECT_EQ(result["locations"][0]["logicalLocations"][0]["name"], "cell 3");
  EXPECT_EQ(result["locations"][0]["physicalLocation"]["region"]["startLine"], 2);
  if (!testing::sarif_validator_installed()) GTEST_SKIP() << "the SARIF validator is not installed (npm ci in tests/sarif)";
  testing::SarifVerdict v = testing::validate_sarif(r.out);
  EXPECT_EQ(v.status, 0) << v.output;
}

TEST_F(NotebookCli, FullFormatShowsTheCellsOwnLines) {
  write("analysis.ipynb", notebook({"import asyncio, time\n", "x = 1\n", "await asyncio.sleep(0)\n!ls\ntime.sleep(1)\n"}));
  Outcome r = run_in(dir, "--no-cache --output-format full analysis.ipynb");
  EXPECT_NE(r.out.find("analysis.ipynb:cell 3:3:1: ASYNC251"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  |\n1 | await asyncio.sleep(0)\n2 | !ls\n3 | time.sleep(1)\n  | ^^^^^^^^^^ ASYNC251\n"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("x = 1"), std::string::npos) << r.out;  // another cell's line
}

TEST_F(NotebookCli, TheCacheKeepsTheCell) {
  write("analysis.ipynb", kNotebook);
  Outcome first = run_in(dir, "--cache-dir cache analysis.ipynb");
  Outcome second = run_in(dir, "--cache-dir cache analysis.ipynb");
  EXPECT_NE(first.out.find("cell 3:2:1"), std::string::npos) << first.out;
  EXPECT_EQ(first.out, second.out);
}

TEST_F(NotebookCli, FixLeavesNotebooksAsTheyAre) {
  write("analysis.ipynb", kNotebook);
  write("script.py", "import time\n\nasync def f():\n    time.sleep(1)\n");
  Outcome r = run_in(dir, "--no-cache --fix .");
  EXPECT_EQ(read("analysis.ipynb"), kNotebook);
  EXPECT_NE(read("script.py").find("await asyncio.sleep(1)"), std::string::npos);
  EXPECT_NE(r.out.find("asynclint: warning: ./analysis.ipynb: fixes are not applied to notebooks"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("analysis.ipynb:cell 3:2:1: ASYNC251"), std::string::npos) << r.out;
  EXPECT_EQ(r.status, 1);
  r = run_in(dir, "--no-cache --diff analysis.ipynb");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(read("analysis.ipynb"), kNotebook);
}

TEST_F(NotebookCli, MalformedNotebooksAreErrorsNamingThePath) {
  write("broken.ipynb", "{\"cells\": [");
  write("no_cells.ipynb", "{\"nbformat\": 4}");
  write("ok.py", "x = 1\n");
  Outcome r = run_in(dir, "--no-cache .");
  EXPECT_EQ(r.status, 2) << r.out;
  EXPECT_NE(r.out.find("asynclint: error: ./broken.ipynb: not a valid notebook: invalid JSON at 1:12"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("asynclint: error: ./no_cells.ipynb: not a valid notebook: no `cells` list"), std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("All checks passed!"), std::string::npos) << r.out;
}

TEST_F(NotebookCli, StandardInputNamedAsANotebook) {
  write("in.ipynb", kNotebook);
  Outcome r = run_in(dir, "--no-cache --stdin-filename in.ipynb - < in.ipynb");
  EXPECT_EQ(r.status, 1) << r.out;
  EXPECT_NE(r.out.find("in.ipynb:cell 3:2:1: ASYNC251"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace asl
