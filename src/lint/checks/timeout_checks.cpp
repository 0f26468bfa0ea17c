#include "lint/checks/timeout_checks.h"

#include <array>

#include "lint/checks/ast_helpers.h"

namespace asl {

std::string_view preferred_async_module(const SemanticModel& model) {
  bool anyio = false, trio = false;
  for (const auto& [name, bindings] : model.scopes()[0].bindings) {
    for (const Binding& b : bindings) {
      if (b.kind != Binding::Kind::Import) continue;
      anyio = anyio || b.qualified == "anyio" || b.qualified.starts_with("anyio.");
      trio = trio || b.qualified == "trio" || b.qualified.starts_with("trio.");
    }
  }
  return anyio ? "anyio" : trio ? "trio" : "asyncio";
}

namespace {

bool is_timeout_context(const std::string& q) {
  static constexpr std::array<std::string_view, 12> kNames = {
      "asyncio.timeout", "asyncio.timeout_at", "anyio.move_on_after", "anyio.move_on_at", "anyio.fail_after",
      "anyio.fail_at", "anyio.CancelScope", "trio.move_on_after", "trio.move_on_at", "trio.fail_after",
      "trio.fail_at", "trio.CancelScope"};
  for (auto n : kNames)
    if (q == n) return true;
  return false;
}

void no_checkpoint(const CheckContext& cx, std::vector<Diagnostic>& out) {
  const Kinds& k = Kinds::get();
  for (const ScopedNode& w : cx.model.with_statements()) {
    std::string found;
    TSNode clause{};
    for_each_named_child(w.node, [&](TSNode c) {
      if (is(c, k.with_clause)) clause = c;
    });
    for_each_named_child(clause, [&](TSNode item) {
      if (!found.empty()) return;
      TSNode v = field(item, "value");
      if (is(v, k.as_pattern)) v = ts_node_named_child(v, 0);
      v = unparenthesize(v);
      if (!is(v, k.call)) return;
      std::string q = callee_name(cx.model, v, w.scope);
      if (is_timeout_context(q)) found = q;
    });
    if (found.empty() || contains_checkpoint(field(w.node, "body"))) continue;
    // The statement's own form: `async with asyncio.timeout(...)`, `with trio.fail_after(...)`.
    out.push_back(cx.make("ASYNC100", w.node, found, has_async_keyword(w.node) ? "async with" : "with"));
  }
}

// A class expression without its type arguments (`Protocol[T]` -> `Protocol`).
TSNode class_expression(TSNode base) {
  base = unparenthesize(base);
  return is(base, Kinds::get().subscript) ? field(base, "value") : base;
}

// The scope of the class of this file a base expression names, or -1.
int local_class(const SemanticModel& m, TSNode base, int scope) {
  base = class_expression(base);
  if (!is(base, Kinds::get().identifier)) return -1;
  auto bs = m.lookup(m.text(base), scope, ts_node_start_byte(base));
  if (bs.size() != 1 || bs[0].kind != Binding::Kind::Definition) return -1;
  int c = m.definition_scope(bs[0].value);
  return c >= 0 && m.scopes()[c].kind == ScopeKind::Class ? c : -1;
}

// True when a base class of `cls` defined in this file (or one of its own
// bases here) defines `name`: the method overrides it and keeps its signature.
bool base_defines(const SemanticModel& m, int cls, std::string_view name, int depth = 0) {
  if (depth > 32) return false;  // a cycle through rebound names
  for (TSNode b : m.scopes()[cls].bases) {
    int c = local_class(m, b, m.scopes()[cls].parent);
    if (c < 0 || c == cls) continue;
    auto it = m.scopes()[c].bindings.find(name);
    if (it != m.scopes()[c].bindings.end())
      for (const Binding& d : it->second)
        if (d.kind == Binding::Kind::Definition) return true;
    if (base_defines(m, c, name, depth + 1)) return true;
  }
  return false;
}

// An interface whose signature is not the function's own to change: an
// abstract method, an `@overload` stub, a method of a Protocol, or an
// override of a method of a base class in this file.
bool fixed_signature(const SemanticModel& m, int fn) {
  const Scope& f = m.scopes()[fn];
  for (TSNode d : f.decorators) {
    std::string q = m.qualified_name(decorator_target(d), f.parent).value_or(std::string());
    if (q == "abc.abstractmethod" || q == "typing.overload" || q == "typing_extensions.overload") return true;
  }
  int cls = m.method_class(fn);
  if (cls < 0) return false;
  for (TSNode b : m.scopes()[cls].bases) {
    std::string q = m.qualified_name(class_expression(b), m.scopes()[cls].parent).value_or(std::string());
    if (q == "typing.Protocol" || q == "typing_extensions.Protocol") return true;
  }
  return base_defines(m, cls, f.name);
}

void timeout_parameter(const CheckContext& cx, std::vector<Diagnostic>& out) {
  const Kinds& k = Kinds::get();
  std::string_view module = preferred_async_module(cx.model);
  std::string suggestion = module == "anyio" ? "anyio.fail_after" : module == "trio" ? "trio.fail_after" : "asyncio.timeout";
  for (size_t i = 0; i < cx.model.scopes().size(); ++i) {
    const Scope& s = cx.model.scopes()[i];
    if (s.kind != ScopeKind::Function || !s.is_async) continue;
    std::vector<TSNode> timeouts;
    for_each_named_child(field(s.node, "parameters"), [&](TSNode p) {
      TSNode name = is(p, k.identifier) ? p : field(p, "name");
      if (ts_node_is_null(name)) {
        for_each_named_child(p, [&](TSNode c) {
          if (ts_node_is_null(name) && is(c, k.identifier)) name = c;
        });
      }
      if (is(name, k.identifier) && cx.model.text(name) == "timeout") timeouts.push_back(p);
    });
    if (timeouts.empty() || fixed_signature(cx.model, static_cast<int>(i))) continue;
    for (TSNode p : timeouts) out.push_back(cx.make("ASYNC109", p, "timeout", suggestion));
  }
}

}  // namespace

void check_timeouts(const CheckContext& cx, std::vector<Diagnostic>& out) {
  if (cx.enabled("ASYNC100")) no_checkpoint(cx, out);
  if (cx.enabled("ASYNC109")) timeout_parameter(cx, out);
}

}  // namespace asl
