// Every rule's documented example must fire and its "use instead" must not;
// the catalog loader rejects malformed documents with a location.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "../support/configured_lint.h"
#include "lint/rule_doc.h"

namespace asl {
namespace {

// A rule for notebooks only (its fixture is CODE.ipynb) has its examples
// linted as a notebook's one code cell.
std::string as_checked(const Rule& r, const std::string& example, std::string* path) {
  std::filesystem::path fixtures = std::filesystem::path(ASYNCLINT_SOURCE_DIR) / "tests/lint/fixtures";
  *path = "test.py";
  if (std::filesystem::exists(fixtures / (r.code + ".py")) || !std::filesystem::exists(fixtures / (r.code + ".ipynb")))
    return example;
  *path = "test.ipynb";
  nlohmann::json cell = {{"cell_type", "code"}, {"metadata", nlohmann::json::object()}, {"source", example}};
  return nlohmann::json{{"cells", {cell}}, {"nbformat", 4}, {"nbformat_minor", 5}}.dump();
}

TEST(RuleDocs, ExamplesFireAndUseInsteadDoesNot) {
  for (const Rule& r : builtin_catalog().rules) {
    // The default rules plus this one: some rules build on others (AL210 on the blocking rules).
    RuleSelection only{{}, {r.code}, {}};
    std::string path;
    std::string example = as_checked(r, r.doc.example, &path);
    auto ex = testing::codes(testing::lint_rule_text(r.code, example, only, path));
    EXPECT_NE(std::find(ex.begin(), ex.end(), r.code), ex.end()) << r.code << ": example does not fire";
    std::string use_instead = as_checked(r, r.doc.use_instead, &path);
    auto ok = testing::codes(testing::lint_rule_text(r.code, use_instead, only, path));
    EXPECT_TRUE(ok.empty()) << r.code << ": use-instead fires";
  }
}

TEST(RuleDocs, RenderedDocHasTheFixedSections) {
  const Rule* r = builtin_catalog().find("ASYNC251");
  ASSERT_NE(r, nullptr);
  std::string doc = render_rule_doc(*r);
  for (const char* section : {"# blocking-sleep-in-async-function (ASYNC251)", "## What it does", "## Why is this bad?",
                              "## Example", "Use instead:", "## In C# terms"})
    EXPECT_NE(doc.find(section), std::string::npos) << section;
  EXPECT_EQ(builtin_catalog().find("blocking-sleep-in-async-function"), r);
}

TEST(RuleDocs, ReadmeRuleTableIsCurrent) {
  std::ifstream in(std::filesystem::path(ASYNCLINT_SOURCE_DIR) / "README.md");
  std::stringstream s;
  s << in.rdbuf();
  EXPECT_NE(s.str().find(render_rule_table(builtin_catalog())), std::string::npos)
      << "README.md's rule table is stale; regenerate it with `asynclint rule --table`";
}

TEST(Catalog, CodesAndNamesAreUnique) {
  CatalogError e;
  EXPECT_TRUE(validate_catalog(builtin_catalog(), &e)) << e.message;
}

TEST(Catalog, UnknownKeyIsRejectedWithItsLine) {
  Catalog c;
  CatalogError e;
  std::string doc =
      "code = \"X1\"\nname = \"x\"\nsummary = \"s\"\nmessage = \"m\"\nkind = \"call\"\n"
      "[[calls]]\nnames = [\"a.b\"]\nuse = \"u\"\ncs = \"c\"\nspeling = 1\n";
  EXPECT_FALSE(load_catalog_document(c, "x.toml", doc, &e));
  EXPECT_EQ(e.line, 10u);
  EXPECT_NE(e.message.find("speling"), std::string::npos);
}

TEST(Catalog, TomlSyntaxErrorHasItsLine) {
  Catalog c;
  CatalogError e;
  EXPECT_FALSE(load_catalog_document(c, "x.toml", "code = \"X1\"\nname = \n", &e));
  EXPECT_EQ(e.line, 2u);
}

TEST(Catalog, WrongTypeIsRejected) {
  Catalog c;
  CatalogError e;
  std::string doc = "code = \"X1\"\nname = 3\nsummary = \"s\"\nmessage = \"m\"\nkind = \"call\"\n";
  EXPECT_FALSE(load_catalog_document(c, "x.toml", doc, &e));
  EXPECT_EQ(e.line, 2u);
}

}  // namespace
}  // namespace asl
