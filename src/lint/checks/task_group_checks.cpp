// ASYNC121 control-flow-in-taskgroup: `return`, `break` or `continue` that
// leaves the body of `async with asyncio.TaskGroup()` (a trio nursery, an
// anyio task group). Leaving the block waits for every task of the group
// first, so the statement takes effect only when they are all done.
// ASYNC112 useless-nursery: a group whose block only starts one task, not
// handing it the group: the block waits for that task, as awaiting it would.
#include "lint/checks/task_group_checks.h"

#include <fmt/format.h>

#include "lint/checks/ast_helpers.h"

namespace asl {
namespace {

// "task group" / "nursery" when `with` opens one, else null.
const char* group_kind(const SemanticModel& m, TSNode with, int scope) {
  const Kinds& k = Kinds::get();
  // A plain `with` over a nursery is a mistake of its own, but its block is as useless.
  const char* kind = nullptr;
  for_each_named_child(with, [&](TSNode clause) {
    if (!is(clause, k.with_clause)) return;
    for_each_named_child(clause, [&](TSNode item) {
      TSNode v = field(item, "value");
      if (is(v, k.as_pattern)) v = ts_node_named_child(v, 0);
      v = unparenthesize(v);
      if (!is(v, k.call)) return;
      std::string q = callee_name(m, v, scope);
      if (q == "asyncio.TaskGroup" || q == "anyio.create_task_group") kind = "task group";
      if (q == "trio.open_nursery") kind = "nursery";
    });
  });
  return kind;
}

// The one statement of a block, or null.
TSNode only_statement(TSNode block) {
  TSNode only{};
  int n = 0;
  for_each_named_child(block, [&](TSNode c) {
    if (!is(c, Kinds::get().comment)) only = c, ++n;
  });
  return n == 1 ? only : TSNode{};
}

// `tg.create_task(f())` / `await n.start(f)` / `n.start_soon(f)` as the whole
// statement, on the group `name`, without `name` among its arguments.
bool starts_one_task(const SemanticModel& m, TSNode statement, std::string_view name) {
  const Kinds& k = Kinds::get();
  if (!is(statement, k.expression_statement) || ts_node_named_child_count(statement) != 1) return false;
  TSNode e = unparenthesize(ts_node_named_child(statement, 0));
  if (is(e, k.await)) e = unparenthesize(ts_node_named_child(e, 0));
  if (!is(e, k.call)) return false;
  TSNode fn = field(e, "function");
  if (!is(fn, k.attribute) || m.text(field(fn, "object")) != name) return false;
  std::string_view method = m.text(field(fn, "attribute"));
  if (method != "create_task" && method != "start" && method != "start_soon") return false;
  bool passes_group = false;
  std::vector<TSNode> todo{field(e, "arguments")};
  while (!todo.empty()) {
    TSNode n = todo.back();
    todo.pop_back();
    if (is(n, k.identifier) && m.text(n) == name) passes_group = true;
    if (is(n, k.keyword_argument)) {  // `f(n=7)`: the keyword is no use of the group
      todo.push_back(field(n, "value"));
      continue;
    }
    for_each_named_child(n, [&](TSNode c) { todo.push_back(c); });
  }
  return !passes_group;
}

void useless_groups(const CheckContext& cx, std::vector<Diagnostic>& out) {
  const Kinds& k = Kinds::get();
  const SemanticModel& m = cx.model;
  for (const ScopedNode& w : m.with_statements()) {
    TSNode statement = only_statement(field(w.node, "body"));
    if (ts_node_is_null(statement)) continue;
    for_each_named_child(w.node, [&](TSNode clause) {
      if (!is(clause, k.with_clause)) return;
      for_each_named_child(clause, [&](TSNode item) {
        TSNode v = field(item, "value");
        if (!is(v, k.as_pattern)) return;
        TSNode call = unparenthesize(ts_node_named_child(v, 0));
        TSNode target = field(v, "alias");
        if (ts_node_is_null(target)) target = ts_node_named_child(v, 1);
        if (is(target, k.as_pattern_target)) target = ts_node_named_child(target, 0);
        if (!is(call, k.call) || !is(target, k.identifier)) return;
        std::string q = callee_name(m, call, w.scope);
        const char* kind = q == "asyncio.TaskGroup" || q == "anyio.create_task_group" ? "task group"
                           : q == "trio.open_nursery"                                 ? "nursery"
                                                                                      : nullptr;
        if (!kind || !starts_one_task(m, statement, m.text(target))) return;
        out.push_back(cx.make_at("ASYNC112", ts_node_start_byte(v), ts_node_end_byte(v), m.text(target), kind));
      });
    });
  }
}

}  // namespace

void check_task_groups(const CheckContext& cx, std::vector<Diagnostic>& out) {
  if (cx.enabled("ASYNC112")) useless_groups(cx, out);
  if (!cx.enabled("ASYNC121")) return;
  const Kinds& k = Kinds::get();
  const SemanticModel& m = cx.model;
  for (const ScopedNode& w : m.with_statements()) {
    const char* kind = group_kind(m, w.node, w.scope);
    if (!kind) continue;
    // (node, inside a loop of the body: its break/continue stay inside)
    std::vector<std::pair<TSNode, bool>> todo;
    for_each_named_child(field(w.node, "body"), [&](TSNode c) { todo.push_back({c, false}); });
    while (!todo.empty()) {
      // Not a structured binding: clang 14 cannot capture one in the lambda below.
      TSNode n = todo.back().first;
      bool in_loop = todo.back().second;
      todo.pop_back();
      if (is(n, k.function_definition) || is(n, k.lambda) || is(n, k.class_definition)) continue;
      // A nested group reports its own statements.
      if (is(n, k.with_statement) && group_kind(m, n, w.scope)) continue;
      std::string_view type = ts_node_type(n);
      bool leaves = is(n, k.return_statement) || (!in_loop && (type == "break_statement" || type == "continue_statement"));
      if (leaves) {
        out.push_back(cx.make("ASYNC121", n, {}, fmt::format("`{}` in a {}", type.substr(0, type.find('_')), kind)));
        continue;
      }
      bool loop = is(n, k.for_statement) || is(n, k.while_statement);
      for_each_named_child(n, [&](TSNode c) {
        // A loop's `else` runs after it: its break/continue leave the group.
        bool inner = in_loop || (loop && !is(c, k.else_clause));
        todo.push_back({c, inner});
      });
    }
  }
}

}  // namespace asl
