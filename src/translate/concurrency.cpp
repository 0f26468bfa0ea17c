#include "translate/concurrency.h"

#include <fmt/format.h>

#include <functional>
#include <set>
#include <string>
#include <utility>

#include "translate/api_table.h"
#include "translate/ir_walk.h"

namespace asl::tr {

namespace {

void collect_local_functions(Block& b, std::vector<Function*>& out) {
  for (auto& s : b) {
    if (!s) continue;
    if (s->kind == StmtKind::LocalFunction && s->function) {
      out.push_back(s->function.get());
      collect_local_functions(s->function->body, out);
    }
    for (auto& [cond, body] : s->branches) collect_local_functions(body, out);
    collect_local_functions(s->body, out);
    collect_local_functions(s->orelse, out);
    collect_local_functions(s->finally_body, out);
    for (auto& h : s->handlers) collect_local_functions(h.body, out);
  }
}

// Every `async with asyncio.timeout(...)` body of a block, nested ones included.
void for_each_timeout_body(Block& b, const std::function<void(Block&)>& f) {
  for (auto& s : b) {
    if (!s || s->kind == StmtKind::LocalFunction) continue;
    if (s->kind == StmtKind::With)
      for (const auto& it : s->items)
        if (it.kind == WithKind::Timeout) {
          f(s->body);
          break;
        }
    for (auto& [cond, body] : s->branches) for_each_timeout_body(body, f);
    for_each_timeout_body(s->body, f);
    for_each_timeout_body(s->orelse, f);
    for_each_timeout_body(s->finally_body, f);
    for (auto& h : s->handlers) for_each_timeout_body(h.body, f);
  }
}

// Callees are matched by name: a method by its name in every class (overrides
// must keep one signature), a function or local function by its own.
using Key = std::pair<bool, std::string>;  // (is a method, Python name)

Key key_of(const Function& f) { return {f.is_method, f.name}; }

// The coroutine function a call runs, or nothing for other calls.
bool callee_key(const Expr& e, Key* out) {
  if (e.type.kind != TypeKind::Awaitable) return false;
  if (e.kind == ExprKind::MethodCall) {
    *out = {true, e.text};
    return true;
  }
  if (e.kind == ExprKind::Call && (e.name_kind == NameKind::Function || e.name_kind == NameKind::Local)) {
    *out = {false, e.text};
    return true;
  }
  return false;
}

}  // namespace

void mark_concurrency(Module& m, std::vector<TranslateDiagnostic>& diags) {
  std::vector<Function*> units;
  for (auto& item : m.items) {
    if (item.function) units.push_back(item.function.get());
    if (item.klass)
      for (auto& method : item.klass->methods) units.push_back(&method);
  }
  for (size_t i = 0, n = units.size(); i < n; ++i) collect_local_functions(units[i]->body, units);

  for (Function* f : units)
    walk_block(f->body, [&](Expr& e) {
      if (e.kind != ExprKind::ApiCall || !e.api) return;
      if (e.api->cancels) m.cancels = true;
      if (e.api->concurrent || !e.api->spawn.empty()) m.concurrent = true;
      if (e.api->task == "detached") m.detaches = true;
    });
  for (Function* f : units) for_each_timeout_body(f->body, [&](Block&) { m.cancels = true; });
  if (!m.cancels) return;

  std::set<Key> async_functions;
  for (Function* f : units)
    if (f->is_async && !f->is_generator && !f->is_entry) async_functions.insert(key_of(*f));

  // Each task started here runs under a token of its own; what it awaits
  // directly (a coroutine function of the module) takes that token.
  std::set<Key> cancellable;
  auto hand_on = [&](Expr& call) {
    Key k;
    if (!callee_key(call, &k) || !async_functions.count(k)) return false;
    call.pass_token = true;
    cancellable.insert(k);
    return true;
  };
  for (Function* f : units)
    walk_block(f->body, [&](Expr& e) {
      if (e.kind != ExprKind::ApiCall || !e.api || e.api->spawn.empty()) return;
      for (auto& a : e.args) {
        if (a.name != e.api->spawn || !a.value) continue;
        Expr& v = *a.value;
        if (hand_on(v) || v.kind == ExprKind::ApiCall) {
          e.spawn = true;
        } else {
          diags.push_back({v.pos, fmt::format("`{}` of a coroutine that is not called here: a task that can be cancelled "
                                              "starts its coroutine itself (`{}(f(...))`)",
                                              e.api->python, e.api->python)});
        }
      }
    });

  // A timeout cancels what its block awaits: the block's calls take its token.
  for (Function* f : units)
    for_each_timeout_body(f->body, [&](Block& body) { walk_block(body, [&](Expr& e) { hand_on(e); }, false); });

  // Whatever a cancellable function awaits or starts inherits its token.
  for (bool changed = true; changed;) {
    changed = false;
    for (Function* f : units) {
      if (f->cancellable || !cancellable.count(key_of(*f)) || !async_functions.count(key_of(*f))) continue;
      f->cancellable = changed = true;
      walk_block(f->body, [&](Expr& e) { hand_on(e); }, false);
    }
  }
}

}  // namespace asl::tr
