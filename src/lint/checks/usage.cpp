#include "lint/checks/usage.h"

#include <algorithm>
#include <vector>

#include "lint/checks/ast_helpers.h"

namespace asl {

namespace {

bool one_of(std::string_view s, std::initializer_list<std::string_view> list) {
  for (auto x : list)
    if (s == x) return true;
  return false;
}

// A call that takes an awaitable and runs it (or keeps it for later).
bool is_scheduler(const SemanticModel& model, TSNode call, int scope) {
  const Kinds& k = Kinds::get();
  TSNode fn = field(call, "function");
  std::string q = callee_name(model, call, scope);
  if (one_of(q, {"asyncio.gather", "asyncio.create_task", "asyncio.ensure_future", "asyncio.wait_for", "asyncio.wait",
                 "asyncio.shield", "asyncio.run", "asyncio.run_coroutine_threadsafe", "asyncio.as_completed",
                 "asyncio.timeout", "anyio.run", "trio.run"}))
    return true;
  if (is(fn, k.attribute)) {
    std::string_view m = model.text(field(fn, "attribute"));
    return one_of(m, {"create_task", "ensure_future", "run_until_complete", "run", "gather", "start_soon",
                      "spawn", "run_coroutine_threadsafe", "call_soon", "submit", "add_task", "schedule"});
  }
  return false;
}

// A builtin that uses its argument as data (`print(fetch())` prints the coroutine object).
bool is_data_consumer(const SemanticModel& model, TSNode call, int scope) {
  std::string q = callee_name(model, call, scope);
  return one_of(q, {"builtins.print", "builtins.str", "builtins.repr", "builtins.len", "builtins.bool", "builtins.int",
                    "builtins.float", "builtins.list", "builtins.tuple", "builtins.dict", "builtins.set",
                    "builtins.sorted", "builtins.sum", "builtins.iter", "builtins.next", "builtins.format",
                    "json.dumps", "json.dump"});
}

}  // namespace

UseSite classify_use(const SemanticModel& model, TSNode node, TSNode parent, int scope) {
  const Kinds& k = Kinds::get();
  // Look through parentheses.
  if (ts_node_is_null(parent)) parent = ts_node_parent(node);
  for (int guard = 0; is(parent, k.parenthesized_expression) && guard < 64; ++guard) {
    node = parent;
    parent = ts_node_parent(parent);
  }
  if (ts_node_is_null(parent)) return {};
  TSSymbol s = ts_node_symbol(parent);
  std::string_view kind = ts_node_type(parent);
  if (s == k.await) return {Usage::Awaited};
  if (s == k.expression_statement) return {Usage::Discarded};
  if (s == k.return_statement || s == k.yield || s == k.lambda) return {Usage::Returned};
  if (s == k.argument_list || s == k.keyword_argument) {
    TSNode args = s == k.argument_list ? parent : ts_node_parent(parent);
    TSNode call = ts_node_parent(args);
    if (!is(call, k.call)) return {Usage::Passed};  // class bases, decorators
    if (is_scheduler(model, call, scope)) return {Usage::Scheduled};
    if (is_data_consumer(model, call, scope)) return {Usage::Data};
    return {Usage::Passed};
  }
  if (s == k.assignment) {
    if (!ts_node_eq(field(parent, "right"), node)) return {};
    TSNode left = field(parent, "left");
    if (is(left, k.identifier)) return {Usage::Bound, left};
    return {Usage::Stored};
  }
  if (kind == "augmented_assignment") return {Usage::Data};
  if (one_of(kind, {"list_comprehension", "set_comprehension", "generator_expression"})) {
    // The elements of a comprehension whose result is dropped are dropped too.
    if (classify_use(model, parent, {}, scope).usage == Usage::Discarded) return {Usage::Discarded};
    return {Usage::Stored};
  }
  if (one_of(kind, {"list", "tuple", "set", "dictionary", "pair", "expression_list", "dictionary_comprehension"}))
    return {Usage::Stored};
  if (s == k.attribute) {
    std::string_view attr = model.text(field(parent, "attribute"));
    // The coroutine protocol itself: closing or driving it by hand is deliberate.
    if (one_of(attr, {"send", "throw", "close", "__await__", "cr_await", "cr_frame", "cr_code", "cr_running"}))
      return {Usage::Passed};
    return {Usage::Data};
  }
  if (s == k.subscript || s == k.if_statement || s == k.while_statement) return {Usage::Data};
  if (one_of(kind, {"elif_clause", "boolean_operator", "not_operator", "comparison_operator", "binary_operator",
                    "unary_operator", "interpolation", "list_splat", "dictionary_splat", "assert_statement",
                    "for_statement", "for_in_clause"}))
    return {Usage::Data};
  if (kind == "conditional_expression") {
    // `a if cond else b`: only the condition is used as data.
    return ts_node_eq(ts_node_named_child(parent, 1), node) ? UseSite{Usage::Data} : UseSite{};
  }
  return {};
}

BoundUses analyze_bound_name(const SemanticModel& model, TSNode body, std::string_view name, uint32_t after,
                             int scope) {
  const Kinds& k = Kinds::get();
  BoundUses result;
  struct Item {
    TSNode node, parent;
    bool nested;  // inside a nested function, lambda or class
  };
  std::vector<Item> todo{{body, {}, false}};
  while (!todo.empty()) {
    auto [n, parent, nested] = todo.back();
    todo.pop_back();
    if (ts_node_end_byte(n) <= after) continue;
    if (is(n, k.identifier)) {
      if (ts_node_start_byte(n) < after || model.text(n) != name) continue;
      // `obj.name` and `f(name=...)` mention the text, not the variable.
      if (is(parent, k.attribute) && ts_node_eq(field(parent, "attribute"), n)) continue;
      if (is(parent, k.keyword_argument) && ts_node_eq(field(parent, "name"), n)) continue;
      if (nested) return {true, 0};  // captured by a closure: it may be awaited there
      // Rebinding ends the life of this coroutine.
      // A new value for the name (maybe in another branch): not a use of this one.
      if ((is(parent, k.assignment) || is(parent, k.augmented_assignment)) && ts_node_eq(field(parent, "left"), n))
        continue;
      UseSite use = classify_use(model, n, parent, scope);
      switch (use.usage) {
        case Usage::Data:
          if (result.data_line == 0) result.data_line = ts_node_start_point(n).row + 1;
          break;
        case Usage::Discarded:
          break;
        default:
          return {true, 0};  // awaited, passed, stored, returned, or a use we cannot judge
      }
      continue;
    }
    bool inner = nested || is(n, k.function_definition) || is(n, k.lambda) || is(n, k.class_definition);
    size_t mark = todo.size();
    // Init-capture: clang before 16 cannot capture a structured binding.
    for_each_named_child(n, [&todo, node = n, inner](TSNode c) { todo.push_back({c, node, inner}); });
    std::reverse(todo.begin() + static_cast<long>(mark), todo.end());
  }
  return result;
}

}  // namespace asl
