// ASYNC123 bad-exception-group-flattening: `raise eg.exceptions[0]` (or a
// name holding one of a group's exceptions) in a handler of the group:
// raising it sets its __context__ to the group and replaces its traceback.
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

// Names bound in one handler, by what they hold.
struct Held {
  std::vector<std::string_view> groups, sequences, members;
  static bool has(const std::vector<std::string_view>& v, std::string_view n) {
    return std::find(v.begin(), v.end(), n) != v.end();
  }
};

// `g.exceptions` of a group, or a name holding such a sequence.
bool is_sequence(const SemanticModel& m, TSNode e, const Held& h);

// A group: a name holding one, or `x.exceptions[i]` of a sequence (nested groups).
bool is_group(const SemanticModel& m, TSNode e, const Held& h) {
  e = unparenthesize(e);
  if (is(e, Kinds::get().identifier)) return Held::has(h.groups, m.text(e));
  return false;
}

bool is_member(const SemanticModel& m, TSNode e, const Held& h) {
  const Kinds& k = Kinds::get();
  e = unparenthesize(e);
  if (is(e, k.identifier)) return Held::has(h.members, m.text(e));
  return is(e, k.subscript) && is_sequence(m, field(e, "value"), h);
}

bool is_sequence(const SemanticModel& m, TSNode e, const Held& h) {
  const Kinds& k = Kinds::get();
  e = unparenthesize(e);
  if (is(e, k.identifier)) return Held::has(h.sequences, m.text(e));
  if (!is(e, k.attribute) || m.text(field(e, "attribute")) != "exceptions") return false;
  TSNode owner = field(e, "object");
  return is_group(m, owner, h) || is_member(m, owner, h);
}

// The names an assignment's left side binds.
void targets(const SemanticModel& m, TSNode left, std::vector<std::string_view>& into) {
  const Kinds& k = Kinds::get();
  left = unparenthesize(left);
  if (is(left, k.identifier)) into.push_back(m.text(left));
  else if (is(left, k.pattern_list) || is(left, k.tuple_pattern) || is(left, k.tuple))
    for_each_named_child(left, [&](TSNode c) { targets(m, c, into); });
}

void flattening(const CheckContext& cx, TSNode handler, std::string_view alias, std::vector<Diagnostic>& out) {
  const Kinds& k = Kinds::get();
  const SemanticModel& m = cx.model;
  Held h;
  h.groups.push_back(alias);
  // In source order, so that a name is known before it is raised.
  std::vector<TSNode> todo;
  for_each_named_child(handler, [&](TSNode c) { todo.push_back(c); });
  std::reverse(todo.begin(), todo.end());
  while (!todo.empty()) {
    TSNode n = todo.back();
    todo.pop_back();
    if (is(n, k.function_definition) || is(n, k.lambda) || is(n, k.class_definition)) continue;
    if (is(n, k.assignment)) {
      TSNode right = unparenthesize(field(n, "right"));
      std::vector<std::string_view>* kind = nullptr;
      if (is_group(m, right, h)) kind = &h.groups;
      else if (is_sequence(m, right, h)) kind = &h.sequences;
      else if (is_member(m, right, h)) kind = &h.members;
      else if (is(right, k.call)) {
        TSNode fn = field(right, "function");
        std::string_view method = is(fn, k.attribute) ? m.text(field(fn, "attribute")) : "";
        if ((method == "split" || method == "subgroup") && is_group(m, field(fn, "object"), h)) kind = &h.groups;
      }
      if (kind) targets(m, field(n, "left"), *kind);
    } else if (is(n, k.for_statement) && is_sequence(m, field(n, "right"), h)) {
      targets(m, field(n, "left"), h.members);
    } else if (is(n, k.raise_statement) && ts_node_named_child_count(n) > 0) {
      TSNode raised = ts_node_named_child(n, 0);
      if (is_member(m, raised, h)) out.push_back(cx.make("ASYNC123", raised, m.text(raised)));
    }
    size_t mark = todo.size();
    for_each_named_child(n, [&](TSNode c) { todo.push_back(c); });
    std::reverse(todo.begin() + static_cast<long>(mark), todo.end());
  }
}

// `except ExceptionGroup as e`, `except* ValueError as e`: the name bound to a group.
std::string_view group_alias(const SemanticModel& m, TSNode handler, int scope) {
  const Kinds& k = Kinds::get();
  TSNode pattern{};
  for_each_named_child(handler, [&](TSNode c) {
    if (is(c, k.as_pattern)) pattern = c;
  });
  if (ts_node_is_null(pattern)) return {};
  TSNode alias = field(pattern, "alias");
  if (ts_node_named_child_count(alias)) alias = ts_node_named_child(alias, 0);
  if (!is(alias, k.identifier)) return {};
  if (is(handler, k.except_group_clause)) return m.text(alias);
  auto q = m.qualified_name(ts_node_named_child(pattern, 0), scope);
  return q && is_exception_group(*q) ? m.text(alias) : std::string_view{};
}

}  // namespace

void check_exception_groups(const CheckContext& cx, std::vector<Diagnostic>& out) {
  const Kinds& k = Kinds::get();
  const SemanticModel& m = cx.model;
  if (cx.enabled("ASYNC123")) {
    for (const ScopedNode& t : m.try_statements()) {
      for_each_named_child(t.node, [&](TSNode h) {
        if (!is(h, k.except_clause) && !is(h, k.except_group_clause)) return;
        std::string_view alias = group_alias(m, h, t.scope);
        if (!alias.empty()) flattening(cx, h, alias, out);
      });
    }
  }
  if (!cx.enabled("ASYNC126")) return;
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
