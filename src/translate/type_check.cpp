#include "translate/type_check.h"

#include <fmt/format.h>

#include "translate/ir_walk.h"

namespace asl::tr {

namespace {

std::string describe(const Expr& e) {
  if (!e.python.empty()) return fmt::format("`{}`", e.python);
  if ((e.kind == ExprKind::Name || e.kind == ExprKind::Attribute) && !e.text.empty()) return fmt::format("`{}`", e.text);
  return "this expression";
}

// The first value of `body` whose type is open, one report per function (the
// rest usually follow from it).
void check_block(Block& body, const std::string& where, std::vector<TranslateDiagnostic>& diags) {
  bool reported = false;
  walk_block(body, [&](Expr& e) {
    if (reported || e.type.known()) return;
    reported = true;
    diags.push_back({e.pos, fmt::format("the type of {} in `{}` could not be inferred", describe(e), where), {}});
  });
}

}  // namespace

void check_types(Module& m, std::vector<TranslateDiagnostic>& diags) {
  for (auto& item : m.items) {
    if (item.function) check_block(item.function->body, item.function->name, diags);
    if (item.klass)
      for (auto& f : item.klass->methods) check_block(f.body, item.klass->name + "." + f.name, diags);
  }
}

}  // namespace asl::tr
