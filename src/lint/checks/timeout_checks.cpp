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
    out.push_back(cx.make("ASYNC100", w.node, found));
  }
}

void timeout_parameter(const CheckContext& cx, std::vector<Diagnostic>& out) {
  const Kinds& k = Kinds::get();
  std::string_view module = preferred_async_module(cx.model);
  std::string suggestion = module == "anyio" ? "anyio.fail_after" : module == "trio" ? "trio.fail_after" : "asyncio.timeout";
  for (const Scope& s : cx.model.scopes()) {
    if (s.kind != ScopeKind::Function || !s.is_async) continue;
    for_each_named_child(field(s.node, "parameters"), [&](TSNode p) {
      TSNode name = is(p, k.identifier) ? p : field(p, "name");
      if (ts_node_is_null(name)) {
        for_each_named_child(p, [&](TSNode c) {
          if (ts_node_is_null(name) && is(c, k.identifier)) name = c;
        });
      }
      if (is(name, k.identifier) && cx.model.text(name) == "timeout")
        out.push_back(cx.make("ASYNC109", p, "timeout", suggestion));
    });
  }
}

}  // namespace

void check_timeouts(const CheckContext& cx, std::vector<Diagnostic>& out) {
  if (cx.enabled("ASYNC100")) no_checkpoint(cx, out);
  if (cx.enabled("ASYNC109")) timeout_parameter(cx, out);
}

}  // namespace asl
