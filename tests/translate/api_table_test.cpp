// The mapping table's loader rejects malformed data with file:line, so the
// build (apigen) fails on it.
#include <gtest/gtest.h>

#include "translate/api_table.h"

namespace asl::tr {
namespace {

std::string load_error(const std::string& toml) {
  ApiTable t;
  ApiError e;
  if (!load_api_document(t, "x.toml", toml, &e)) return std::to_string(e.line) + ": " + e.message;
  if (!validate_api_table(t, &e)) return std::to_string(e.line) + ": " + e.message;
  return "ok";
}

TEST(ApiTable, UnknownKeyIsRejectedWithItsLine) {
  EXPECT_EQ(load_error("[[module]]\nname = \"m\"\n\n[[function]]\npython = \"m.f\"\nreturns = \"int\"\ncs = \"F()\"\ncolour = 1\n"),
            "8: unknown key `colour` in [[function]]");
}

TEST(ApiTable, PlaceholderMustNameAParameter) {
  EXPECT_EQ(load_error("[[module]]\nname = \"m\"\n[[function]]\npython = \"m.f\"\nparams = [\"x\"]\nreturns = \"int\"\ncs = \"F({y})\"\n"),
            "7: template placeholder `{y}` is not a parameter of `m.f`");
}

TEST(ApiTable, ResultTypeMustBeKnown) {
  EXPECT_EQ(load_error("[[module]]\nname = \"m\"\n[[function]]\npython = \"m.f\"\nreturns = \"m.Nope\"\ncs = \"F()\"\n"),
            "3: `m.f` returns unknown type `m.Nope` (declare it in a [[type]])");
}

TEST(ApiTable, SpawnMustNameASingleParameterAndHaveItsTemplate) {
  const std::string head = "[[module]]\nname = \"m\"\n[[function]]\npython = \"m.start\"\nparams = [\"coro\", \"*rest\"]\n"
                           "returns = \"int\"\ncs = \"S({coro})\"\n";
  EXPECT_EQ(load_error(head + "spawn = \"other\"\ncs-spawn = \"S({coro})\"\n"),
            "8: `spawn` names `other`, which is not a single parameter");
  EXPECT_EQ(load_error(head + "spawn = \"rest\"\ncs-spawn = \"S({rest})\"\n"),
            "8: `spawn` names `rest`, which is not a single parameter");
  EXPECT_EQ(load_error(head + "spawn = \"coro\"\n"), "8: `spawn` and `cs-spawn` go together");
  EXPECT_EQ(load_error(head + "spawn = \"coro\"\ncs-spawn = \"S({coro}, {token})\"\ncancels = true\n"), "ok");
}

TEST(ApiTable, TokenPlaceholderIsForCSharpTemplatesOnly) {
  const std::string head = "[[module]]\nname = \"m\"\n[[function]]\npython = \"m.f\"\nreturns = \"int\"\n";
  EXPECT_EQ(load_error(head + "cs = \"F({token})\"\ncs-cancel = \"G({token})\"\n"), "ok");
  EXPECT_EQ(load_error(head + "cs = \"F()\"\ncpp = \"f({token})\"\n"),
            "7: template placeholder `{token}` is not a parameter of `m.f`");
  EXPECT_EQ(load_error(head + "cs = \"F()\"\ncancels = \"yes\"\n"), "7: `cancels` must be true or false");
}

TEST(ApiTable, BuiltinTableLoads) {
  const ApiTable& t = builtin_api_table();
  ASSERT_NE(t.find("asyncio.sleep"), nullptr);
  EXPECT_EQ(t.find("asyncio.gather")->size(), 3u);
}

}  // namespace
}  // namespace asl::tr
