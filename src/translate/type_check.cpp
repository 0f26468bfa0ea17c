#include "translate/type_check.h"

#include <fmt/format.h>

#include "translate/api_table.h"
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

// Where a value becomes text: print's and str()'s arguments, an f-string's
// part without a float presentation type, %-formatting. A float that may hold
// a Python int prints `1` in Python and `1.0` on the targets.
bool float_spec(const std::string& spec) {
  return !spec.empty() && std::string_view("eEfFgG%").find(spec.back()) != std::string_view::npos;
}

void check_text(Block& body, std::vector<TranslateDiagnostic>& diags) {
  auto report = [&](const Expr& v) {
    diags.push_back({v.pos, fmt::format(
        "{} is an int at some calls and a float at others (Python prints `1` where the translation would print "
        "`1.0`); pass floats (`1.0`) or annotate it", describe(v)), {}});
  };
  walk_block(body, [&](Expr& e) {
    if (e.kind == ExprKind::ApiCall && e.api &&
        (e.api->python == "builtins.print" || e.api->python == "builtins.str" || e.api->python == "builtins.repr")) {
      for (const auto& a : e.args) {
        if (!a.value) continue;
        const Expr& v = a.value->kind == ExprKind::Starred && !a.value->items.empty() ? *a.value->items[0] : *a.value;
        if (holds_maybe_int(v.type)) report(*a.value);
      }
    }
    if (e.kind == ExprKind::FString)
      for (const auto& part : e.parts)
        if (part.expr && !float_spec(part.spec) && holds_maybe_int(part.expr->type)) report(*part.expr);
  });
}

}  // namespace

void check_types(Module& m, std::vector<TranslateDiagnostic>& diags) {
  for (auto& item : m.items) {
    if (item.function) {
      check_block(item.function->body, item.function->name, diags);
      check_text(item.function->body, diags);
    }
    if (item.klass)
      for (auto& f : item.klass->methods) {
        check_block(f.body, item.klass->name + "." + f.name, diags);
        check_text(f.body, diags);
      }
  }
}

}  // namespace asl::tr
