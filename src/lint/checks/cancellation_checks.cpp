// ASYNC103 no-reraise-cancelled: an `except` that catches the cancellation of
// the task (asyncio.CancelledError, trio.Cancelled, anyio's cancelled class,
// BaseException, a bare except) around an await and lets the code go on.
// Cancelling a task raises at its pending await; a handler that neither
// raises nor returns makes `cancel()`, timeouts and task groups wait on a
// task that carries on as if nothing happened.
// ASYNC104 cancelled-not-raised: such a handler that returns, or raises
// something other than what it caught: the cancellation is lost as well.
#include "lint/checks/cancellation_checks.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <vector>

#include <algorithm>

#include "lint/checks/ast_helpers.h"

namespace asl {
namespace {

bool is_cancellation(const SemanticModel& m, TSNode e, int scope) {
  e = unparenthesize(e);
  if (is(e, Kinds::get().call)) {
    // anyio.get_cancelled_exc_class(), or inside anyio from the module defining it.
    std::string q = callee_name(m, e, scope);
    return q.starts_with("anyio.") && q.ends_with(".get_cancelled_exc_class");
  }
  auto q = m.qualified_name(e, scope);
  return q && (*q == "asyncio.CancelledError" || *q == "asyncio.exceptions.CancelledError" ||
               *q == "builtins.BaseException" || *q == "trio.Cancelled");
}

// The handler's exception expression (null: a bare except) and its block.
TSNode caught(TSNode handler) {
  TSNode e = field(handler, "value");
  return is(e, Kinds::get().as_pattern) ? ts_node_named_child(e, 0) : e;  // `except E as e`
}
TSNode handler_block(TSNode handler) {
  TSNode block{};
  for_each_named_child(handler, [&](TSNode c) {
    if (is(c, Kinds::get().block)) block = c;
  });
  return block;
}

bool catches_cancellation(const SemanticModel& m, TSNode handler, int scope) {
  TSNode e = unparenthesize(caught(handler));
  if (ts_node_is_null(e)) return true;  // a bare except
  if (is(e, Kinds::get().tuple)) {
    bool any = false;
    for_each_named_child(e, [&](TSNode c) { any = any || is_cancellation(m, c, scope); });
    return any;
  }
  return is_cancellation(m, e, scope);
}

bool terminates(TSNode block);

// True when control cannot run past this statement: it raises or returns on
// every path (the last statement of each branch).
bool statement_terminates(TSNode s) {
  const Kinds& k = Kinds::get();
  if (is(s, k.raise_statement) || is(s, k.return_statement)) return true;
  if (is(s, k.with_statement)) return terminates(field(s, "body"));
  if (is(s, k.if_statement)) {
    if (!terminates(field(s, "consequence"))) return false;
    bool has_else = false, all = true;
    for_each_named_child(s, [&](TSNode c) {
      if (is(c, k.elif_clause)) all = all && terminates(field(c, "consequence"));
      if (is(c, k.else_clause)) has_else = true, all = all && terminates(field(c, "body"));
    });
    return has_else && all;
  }
  if (is(s, k.try_statement)) {
    bool all = terminates(field(s, "body"));
    for_each_named_child(s, [&](TSNode c) {
      if (is(c, k.except_clause)) all = all && terminates(handler_block(c));
      if (is(c, k.finally_clause) && terminates(handler_block(c))) all = true;
    });
    return all;
  }
  return false;
}

bool terminates(TSNode block) {
  if (ts_node_is_null(block)) return false;
  TSNode last{};
  for_each_named_child(block, [&](TSNode c) {
    if (!is(c, Kinds::get().comment)) last = c;
  });
  return !ts_node_is_null(last) && statement_terminates(last);
}

// Every node under `n` outside nested functions, lambdas and classes.
template <class Fn>
void walk_own_code(TSNode n, Fn&& fn) {
  const Kinds& k = Kinds::get();
  std::vector<TSNode> todo{n};
  while (!todo.empty()) {
    TSNode c = todo.back();
    todo.pop_back();
    if (is(c, k.function_definition) || is(c, k.lambda) || is(c, k.class_definition)) continue;
    fn(c);
    for_each_named_child(c, [&](TSNode x) { todo.push_back(x); });
  }
}

// `if asyncio.current_task().cancelling(): raise`: the handler tells a
// cancellation of the task from its own timeout and re-raises the former.
bool checks_cancelling(const SemanticModel& m, TSNode block) {
  bool cancelling = false, raises = false;
  walk_own_code(block, [&](TSNode c) {
    if (is(c, Kinds::get().raise_statement)) raises = true;
    if (is(c, Kinds::get().attribute) && m.text(field(c, "attribute")) == "cancelling") cancelling = true;
  });
  return cancelling && raises;
}

// `except BaseException as e: waiter.set_exception(e)`: the cancellation is
// handed to the future that waits for this work, which then raises it.
bool forwards_to_future(const SemanticModel& m, TSNode handler) {
  const Kinds& k = Kinds::get();
  TSNode value = field(handler, "value");
  if (!is(value, k.as_pattern)) return false;
  std::string_view alias = m.text(ts_node_named_child(value, 1));
  bool forwards = false;
  walk_own_code(handler_block(handler), [&](TSNode c) {
    if (!is(c, k.call)) return;
    TSNode fn = field(c, "function");
    if (!is(fn, k.attribute) || m.text(field(fn, "attribute")) != "set_exception") return;
    for_each_named_child(field(c, "arguments"), [&](TSNode a) { forwards = forwards || m.text(a) == alias; });
  });
  return forwards;
}

// `task.cancel()` and then `try: await task except CancelledError: pass`: the
// documented way to wait for a task one has just cancelled. True when a
// statement before the try (in its block) calls `.cancel()` and names
// something the try body awaits.
bool awaits_what_it_cancelled(const SemanticModel& m, TSNode try_statement) {
  const Kinds& k = Kinds::get();
  std::vector<std::string_view> awaited;
  walk_own_code(field(try_statement, "body"), [&](TSNode c) {
    if (!is(c, k.await)) return;
    walk_own_code(c, [&](TSNode x) {
      if (is(x, k.identifier)) awaited.push_back(m.text(x));
    });
  });
  for (TSNode s = ts_node_prev_named_sibling(try_statement); !ts_node_is_null(s); s = ts_node_prev_named_sibling(s)) {
    bool cancels = false;
    std::vector<std::string_view> names;
    walk_own_code(s, [&](TSNode c) {
      if (is(c, k.call)) {
        TSNode fn = field(c, "function");
        if (is(fn, k.attribute) && m.text(field(fn, "attribute")) == "cancel") cancels = true;
      }
      if (is(c, k.identifier)) names.push_back(m.text(c));
    });
    if (!cancels) continue;
    for (auto n : names)
      if (std::find(awaited.begin(), awaited.end(), n) != awaited.end()) return true;
  }
  return false;
}

}  // namespace

// The `return`s of a handler, and its `raise`s of anything but what it caught
// (a bare `raise`, `raise e` with `except ... as e`).
std::vector<TSNode> cancellation_lost(const SemanticModel& m, TSNode handler) {
  const Kinds& k = Kinds::get();
  TSNode value = field(handler, "value");
  std::string_view alias;
  if (TSNode a = field(handler, "alias"); !ts_node_is_null(a)) alias = m.text(a);
  else if (is(value, k.as_pattern)) alias = m.text(ts_node_named_child(value, 1));
  std::vector<TSNode> out;
  walk_own_code(handler_block(handler), [&](TSNode c) {
    if (is(c, k.return_statement)) out.push_back(c);
    if (!is(c, k.raise_statement) || ts_node_named_child_count(c) == 0) return;
    TSNode raised = unparenthesize(ts_node_named_child(c, 0));
    if (!is(raised, k.identifier) || alias.empty() || m.text(raised) != alias) out.push_back(c);
  });
  return out;
}

// The names of the file's functions annotated as never returning
// (`-> NoReturn`, `-> Never`, through `typing.` or in quotes).
std::vector<std::string_view> never_returning(const SemanticModel& m) {
  std::vector<std::string_view> out;
  for (const Scope& s : m.scopes()) {
    if (s.kind != ScopeKind::Function) continue;
    TSNode annotation = field(s.node, "return_type");
    if (ts_node_is_null(annotation)) continue;
    std::string_view r = m.text(annotation);
    while (!r.empty() && (r.front() == '"' || r.front() == '\'')) r.remove_prefix(1);
    while (!r.empty() && (r.back() == '"' || r.back() == '\'')) r.remove_suffix(1);
    if (auto dot = r.rfind('.'); dot != std::string_view::npos) r.remove_prefix(dot + 1);
    if (r == "NoReturn" || r == "Never") out.push_back(s.name);
  }
  return out;
}

// True when the block ends in a call of one of `names` (`self._raise_error(exc)`),
// functions of the file that never return: it raises on every path.
bool ends_in_never_returning_call(const SemanticModel& m, TSNode block, const std::vector<std::string_view>& names) {
  const Kinds& k = Kinds::get();
  TSNode last{};
  for_each_named_child(block, [&](TSNode c) {
    if (!is(c, k.comment)) last = c;
  });
  if (!is(last, k.expression_statement) || ts_node_named_child_count(last) != 1) return false;
  TSNode call = ts_node_named_child(last, 0);
  if (!is(call, k.call)) return false;
  TSNode fn = field(call, "function");
  std::string_view name = is(fn, k.attribute) ? m.text(field(fn, "attribute")) : m.text(fn);
  return std::find(names.begin(), names.end(), name) != names.end();
}

void check_cancellation(const CheckContext& cx, std::vector<Diagnostic>& out) {
  bool swallowed = cx.enabled("ASYNC103"), replaced = cx.enabled("ASYNC104");
  if (!swallowed && !replaced) return;
  const Kinds& k = Kinds::get();
  const SemanticModel& m = cx.model;
  std::optional<std::vector<std::string_view>> never;  // found when first needed
  for (const ScopedNode& t : m.try_statements()) {
    if (!m.in_async_context(t.scope, ts_node_start_byte(t.node)) || !contains_checkpoint(field(t.node, "body")))
      continue;
    bool exempt = awaits_what_it_cancelled(m, t.node);
    // Only the first handler that catches the cancellation ever sees it.
    bool seen = false;
    for_each_named_child(t.node, [&](TSNode h) {
      if (seen || !is(h, k.except_clause) || !catches_cancellation(m, h, t.scope)) return;
      seen = true;
      TSNode block = handler_block(h);
      if (exempt || checks_cancelling(m, block) || forwards_to_future(m, h)) return;
      if (replaced)
        for (TSNode s : cancellation_lost(m, h))
          out.push_back(cx.make("ASYNC104", s, {}, is(s, k.return_statement) ? "return" : "raise"));
      if (!swallowed || terminates(block)) return;
      if (!never) never = never_returning(m);
      if (ends_in_never_returning_call(m, block, *never)) return;
      TSNode e = caught(h);
      uint32_t start = ts_node_start_byte(h);
      uint32_t end = ts_node_is_null(e) ? start + 6 : ts_node_end_byte(e);  // `except` alone when bare
      out.push_back(cx.make_at("ASYNC103", start, end, {}, ts_node_is_null(e) ? "except" : "except " + std::string(m.text(e))));
    });
  }
}

}  // namespace asl
