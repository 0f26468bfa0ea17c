// Runs every annotated fixture in tests/lint/fixtures: the findings must equal
// the `# error: CODE[, CODE]` annotations exactly (line and code, with counts).
// `# error: CODE "text"`: the message of each such finding also contains text.
// CODE.py is the rule's fixture; CODE_variant.py holds more cases of it (a
// file whose imports make it trio's, say). A fixture may also be a notebook
// (CODE.ipynb, CODE_variant.ipynb): its code cells carry the annotations, and
// findings must be in the annotated cell and line.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "../support/configured_lint.h"

namespace fs = std::filesystem;

namespace asl {
namespace {

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Lines are keyed by cell * kCell + line (cell 0 in a Python file).
constexpr uint32_t kCell = 100000;
using Expectations = std::multiset<std::pair<uint32_t, std::string>>;
using MessageTexts = std::map<std::pair<uint32_t, std::string>, std::string>;

std::string where(uint32_t key) {
  return key >= kCell ? fmt::format("cell {} line {}", key / kCell, key % kCell) : fmt::format("line {}", key);
}

Expectations annotations(const std::string& text, MessageTexts* texts = nullptr, uint32_t cell = 0) {
  Expectations out;
  static const std::regex marker(R"re(#\s*error:\s*([A-Z]+[0-9]+(?:\s*,\s*[A-Z]+[0-9]+)*)(?:\s+"([^"]*)")?)re");
  static const std::regex code(R"([A-Z]+[0-9]+)");
  std::istringstream in(text);
  std::string line;
  uint32_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    std::smatch m;
    if (!std::regex_search(line, m, marker)) continue;
    std::string codes = m[1];
    for (std::sregex_iterator it(codes.begin(), codes.end(), code), end; it != end; ++it) {
      out.insert({cell * kCell + n, it->str()});
      if (texts && m[2].matched) (*texts)[{cell * kCell + n, it->str()}] = m[2];
    }
  }
  return out;
}

// A notebook's annotations, cell by cell (cells count from 1, markdown ones too).
Expectations notebook_annotations(const std::string& json, MessageTexts* texts) {
  Expectations out;
  nlohmann::json nb = nlohmann::json::parse(json);
  uint32_t cell = 0;
  for (const auto& c : nb.at("cells")) {
    ++cell;
    if (c.at("cell_type") != "code") continue;
    std::string source;
    for (const auto& part : c.at("source")) source += part.get<std::string>();
    out.merge(annotations(source, texts, cell));
  }
  return out;
}

// The rule a fixture is for: its name up to the first `_`.
std::string rule_of(const fs::path& fixture) {
  std::string stem = fixture.stem().string();
  return stem.substr(0, stem.find('_'));
}

std::vector<fs::path> fixtures() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(fs::path(ASYNCLINT_SOURCE_DIR) / "tests/lint/fixtures"))
    if (e.path().extension() == ".py" || e.path().extension() == ".ipynb") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

class Fixture : public ::testing::TestWithParam<fs::path> {};

TEST_P(Fixture, FindingsMatchAnnotations) {
  std::string text = read_all(GetParam());
  MessageTexts texts;
  bool notebook = GetParam().extension() == ".ipynb";
  Expectations expected = notebook ? notebook_annotations(text, &texts) : annotations(text, &texts);
  Expectations actual;
  std::map<std::pair<uint32_t, std::string>, std::string> messages;
  std::string report;
  // The default rules, plus the fixture's own rule when it is off by default.
  std::string rule = rule_of(GetParam());
  RuleSelection selection{{}, {rule}, {}};
  std::string path = notebook ? "test.ipynb" : "test.py";
  for (const Diagnostic& d : testing::lint_rule_text(rule, text, selection, path)) {
    uint32_t key = d.cell * kCell + d.start.line;
    actual.insert({key, d.code});
    messages[{key, d.code}] = d.message;
    auto t = texts.find({key, d.code});
    if (t != texts.end() && d.message.find(t->second) == std::string::npos)
      report += fmt::format("  message  {}: {} lacks \"{}\": {}\n", where(key), d.code, t->second, d.message);
  }
  for (const auto& e : expected)
    if (actual.count(e) < expected.count(e)) report += fmt::format("  missing  {}: {}\n", where(e.first), e.second);
  for (const auto& a : actual)
    if (expected.count(a) < actual.count(a))
      report += fmt::format("  extra    {}: {} {}\n", where(a.first), a.second, messages[a]);
  EXPECT_TRUE(report.empty()) << GetParam().filename().string() << ":\n" << report;
  EXPECT_FALSE(expected.empty()) << "a fixture must expect at least one finding";
}

INSTANTIATE_TEST_SUITE_P(Lint, Fixture, ::testing::ValuesIn(fixtures()),
                         [](const auto& param_info) {
                           const fs::path& p = param_info.param;
                           return p.stem().string() + (p.extension() == ".ipynb" ? "_ipynb" : "");
                         });

// Every rule of the catalog (rules/blocking/*.toml, rules/checks/*.toml) has
// a fixture, CODE.py or CODE.ipynb, and its fixtures expect the rule itself
// at least once.
TEST(FixtureSuite, EveryRuleHasAFixture) {
  fs::path dir = fs::path(ASYNCLINT_SOURCE_DIR) / "tests/lint/fixtures";
  for (const Rule& r : builtin_catalog().rules) {
    EXPECT_TRUE(fs::exists(dir / (r.code + ".py")) || fs::exists(dir / (r.code + ".ipynb"))) << r.code << " has no fixture";
    bool expected = false;
    for (const fs::path& f : fixtures()) {
      if (rule_of(f) != r.code) continue;
      std::string text = read_all(f);
      Expectations e = f.extension() == ".ipynb" ? notebook_annotations(text, nullptr) : annotations(text);
      for (const auto& [line, code] : e) expected = expected || code == r.code;
    }
    EXPECT_TRUE(expected) << "the fixtures of " << r.code << " expect no " << r.code << " finding";
  }
}

}  // namespace
}  // namespace asl
