// ASYNC126 exceptiongroup-subclass-missing-derive: a subclass of
// ExceptionGroup / BaseExceptionGroup without its own `derive`. split() and
// subgroup() (which task groups and `except*` use) build new groups through
// derive(), so without it they quietly return plain ExceptionGroups.
#include "lint/checks/exception_group_checks.h"

#include <algorithm>

namespace asl {
namespace {

bool is_exception_group(std::string_view q) {
  return q == "builtins.ExceptionGroup" || q == "builtins.BaseExceptionGroup" ||
         q == "exceptiongroup.ExceptionGroup" || q == "exceptiongroup.BaseExceptionGroup";
}

}  // namespace

void check_exception_groups(const CheckContext& cx, std::vector<Diagnostic>& out) {
  if (!cx.enabled("ASYNC126")) return;
  const Kinds& k = Kinds::get();
  const SemanticModel& m = cx.model;
  for (const Scope& s : m.scopes()) {
    if (s.kind != ScopeKind::Class) continue;
    bool group = std::any_of(s.bases.begin(), s.bases.end(), [&](TSNode base) {
      base = unparenthesize(base);
      if (is(base, k.subscript)) base = field(base, "value");  // ExceptionGroup[ValueError]
      auto q = m.qualified_name(base, s.parent);
      return q && is_exception_group(*q);
    });
    if (!group) continue;
    auto derive = s.bindings.find("derive");
    bool defines = derive != s.bindings.end() &&
                   std::any_of(derive->second.begin(), derive->second.end(),
                               [](const Binding& b) { return b.kind == Binding::Kind::Definition; });
    if (defines) continue;
    TSNode name = field(s.node, "name");
    out.push_back(cx.make("ASYNC126", name, m.text(name)));
  }
}

}  // namespace asl
