#include "lint/checks/project_facts_collector.h"

#include <unordered_map>

#include "lint/checks/function_checks.h"
#include "lint/checks/usage.h"

namespace asl {

namespace {

// The last part of a dotted name (`self._loop.debug` -> `debug`), or "".
std::string_view last_name(const SemanticModel& m, TSNode n) {
  if (is(n, Kinds::get().identifier)) return m.text(n);
  if (is(n, Kinds::get().attribute)) return m.text(field(n, "attribute"));
  return {};
}

// True when a condition holds only in debug mode: `loop.get_debug()`,
// `__debug__`, a flag named `debug` (`self._debug`, `settings.DEBUG`),
// `logger.isEnabledFor(logging.DEBUG)`, or an `and` with one of them.
bool is_debug_guard(const SemanticModel& m, TSNode cond) {
  const Kinds& k = Kinds::get();
  cond = unparenthesize(cond);
  if (ts_node_is_null(cond)) return false;
  std::string_view kind = ts_node_type(cond);
  if (kind == "boolean_operator")
    return m.text(field(cond, "operator")) == "and" &&
           (is_debug_guard(m, field(cond, "left")) || is_debug_guard(m, field(cond, "right")));
  if (is(cond, k.call)) {
    std::string_view fn = last_name(m, field(cond, "function"));
    TSNode args = field(cond, "arguments");
    if (fn == "get_debug") return ts_node_named_child_count(args) == 0;
    if (fn == "isEnabledFor" && ts_node_named_child_count(args) == 1)
      return last_name(m, ts_node_named_child(args, 0)) == "DEBUG";
    return false;
  }
  std::string_view name = last_name(m, cond);
  if (name == "__debug__") return true;
  while (name.starts_with('_')) name.remove_prefix(1);
  return name == "debug" || name == "DEBUG";
}

// True when `node` runs only under a debug-mode guard: it is in the body of an
// `if` or `elif` of function `fn` whose condition is one (not in its `else`).
bool under_debug_guard(const SemanticModel& m, TSNode node, TSNode fn) {
  TSNode child = node;
  for (TSNode n = ts_node_parent(node); !ts_node_is_null(n) && !ts_node_eq(n, fn); child = n, n = ts_node_parent(n)) {
    std::string_view kind = ts_node_type(n);
    if ((kind == "if_statement" || kind == "elif_clause") && ts_node_eq(field(n, "consequence"), child) &&
        is_debug_guard(m, field(n, "condition")))
      return true;
  }
  return false;
}

}  // namespace

void collect_project_facts(const CheckContext& cx) {
  const SemanticModel& m = cx.model;
  FileFacts& facts = cx.facts;
  facts.module = m.module();
  bool transitive = cx.enabled("AL210");

  std::unordered_map<int, size_t> function_index;  // scope -> facts.functions
  for (size_t i = 0; i < m.scopes().size(); ++i) {
    const Scope& s = m.scopes()[i];
    if (s.qualname.empty()) continue;
    if (s.kind == ScopeKind::Function) {
      FunctionFacts f;
      f.qualname = s.qualname;
      f.is_async = s.is_async;
      f.is_coroutine_function = s.is_async && !s.is_generator && has_only_transparent_decorators(m, s);
      function_index[static_cast<int>(i)] = facts.functions.size();
      facts.functions.push_back(std::move(f));
    } else if (s.kind == ScopeKind::Class) {
      ClassFacts c;
      c.qualname = s.qualname;
      for (TSNode b : s.bases)
        if (auto ref = m.resolve_project_callee(b, s.parent)) c.bases.push_back(*ref);
      facts.classes.push_back(std::move(c));
    }
  }
  for (const auto& [name, bindings] : m.scopes()[0].bindings) {
    if (bindings.size() == 1 && bindings[0].kind == Binding::Kind::Import)
      facts.imports.emplace_back(m.module_prefix() + std::string(name), bindings[0].qualified);
  }
  if (!transitive) return;

  for (const CallSite& site : m.calls()) {
    int fn = m.enclosing_function(site.scope);
    if (fn < 0) continue;  // module level, lambdas: not part of a function's body
    const Scope& f = m.scopes()[fn];
    // What runs only in debug mode does not make a function block in production.
    if (under_debug_guard(m, site.call, f.node)) continue;
    auto fi = function_index.find(fn);
    if (!f.is_async && fi != function_index.end()) {
      FunctionFacts& ff = facts.functions[fi->second];
      if (!ff.blocks) {
        if (CallEngine::Target t = cx.calls.match(m, site); t.rule)
          ff.blocks = BlockingCall{t.rule->code, callee_text(m.text(field(site.call, "function")))};
      }
      auto ref = m.resolve_project_callee(field(site.call, "function"), site.scope);
      if (ref && cx.is_project_ref(*ref)) ff.callees.push_back(*ref);
    } else if (f.is_async) {
      // A call that is awaited runs a coroutine, which the blocking rules see for themselves.
      if (classify_use(m, site.call, site.parent, site.scope).usage == Usage::Awaited) continue;
      TSNode callee = field(site.call, "function");
      auto ref = m.resolve_project_callee(callee, site.scope);
      if (!ref || !cx.is_project_ref(*ref)) continue;
      CallFact fact;
      fact.kind = CallFact::Kind::AsyncCall;
      fact.in_async = true;
      fact.ref = *ref;
      fact.callee_text = callee_text(m.text(callee));
      fact.caller = f.qualname.empty() ? std::string(f.name) : f.qualname;
      fact.start_byte = ts_node_start_byte(callee);
      fact.end_byte = ts_node_end_byte(callee);
      fact.start = cx.file.location(fact.start_byte);
      fact.end = cx.file.location(fact.end_byte);
      facts.calls.push_back(std::move(fact));
    }
  }
}

}  // namespace asl
