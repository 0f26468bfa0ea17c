// Narrowing of Optional values by the conditions that guard them, as type
// checkers do: a read of `x` where the code has shown `x is not None` is a
// read of the value itself (ExprKind::Unwrap), which the targets spell
// `.Value` (C# value types) or `*x` (std::optional).
#include <fmt/format.h>

#include "translate/lowering.h"

namespace asl::tr {

namespace {

void merge(std::map<std::string, Type>& into, const std::map<std::string, Type>& from) {
  for (const auto& [k, t] : from) into[k] = t;
}

}  // namespace

Lowering::Facts Lowering::facts_of(TSNode c) {
  Facts f;
  if (ts_node_is_null(c)) return f;
  if (is(c, k_.parenthesized_expression)) return facts_of(ts_node_named_child(c, 0));
  if (is(c, k_.not_operator)) {
    Facts inner = facts_of(field(c, "argument"));
    f.when_true = std::move(inner.when_false);
    f.when_false = std::move(inner.when_true);
    return f;
  }
  if (is(c, k_.boolean_operator)) {
    Facts a = facts_of(field(c, "left")), b = facts_of(field(c, "right"));
    bool is_and = text(field(c, "operator")) == "and";
    auto& both = is_and ? f.when_true : f.when_false;
    merge(both, is_and ? a.when_true : a.when_false);
    merge(both, is_and ? b.when_true : b.when_false);
    return f;
  }
  // The type of an operand as the code reads it here (quietly: this only looks).
  auto optional_inner = [&](TSNode x) -> std::optional<Type> {
    if (!is(x, k_.identifier) && !is(x, k_.attribute)) return std::nullopt;
    bool was = quiet_;
    quiet_ = true;
    std::optional<Type> out;
    try {
      ExprPtr e = expr(x);
      if (e->type.kind == TypeKind::Optional && e->type.arg(0).known()) out = e->type.arg(0);
    } catch (const Unsupported&) {
    }
    quiet_ = was;
    return out;
  };
  if (is(c, k_.comparison_operator) && ts_node_named_child_count(c) == 2) {
    TSNode left = ts_node_named_child(c, 0), right = ts_node_named_child(c, 1);
    std::string op(src_.substr(ts_node_end_byte(left), ts_node_start_byte(right) - ts_node_end_byte(left)));
    bool is_not = op.find("is not") != std::string::npos;
    bool is_op = is_not || op.find("is") != std::string::npos;
    if (!is_op || !is(right, k_.none)) return f;
    if (auto t = optional_inner(left)) (is_not ? f.when_true : f.when_false)[std::string(text(left))] = *t;
    return f;
  }
  if (auto t = optional_inner(c)) f.when_true[std::string(text(c))] = *t;
  return f;
}

ExprPtr Lowering::narrowed(TSNode n, ExprPtr e) {
  if (e->type.kind != TypeKind::Optional || narrowed_.empty()) return e;
  std::string key(text(n));
  for (auto it = narrowed_.rbegin(); it != narrowed_.rend(); ++it) {
    auto f = it->find(key);
    if (f == it->end()) continue;
    auto u = make(ExprKind::Unwrap, f->second, e->pos);
    u->items.push_back(std::move(e));
    return u;
  }
  return e;
}

void Lowering::forget_narrowing(TSNode target) {
  std::string key(text(target));
  for (auto& scope : narrowed_) {
    // `x = ...` also ends what was known of `x.y`.
    for (auto it = scope.begin(); it != scope.end();)
      it = it->first == key || it->first.starts_with(key + ".") ? scope.erase(it) : std::next(it);
  }
}

void Lowering::forget_assigned_in(TSNode n) {
  if (is(n, k_.assignment) || is(n, k_.augmented_assignment) || is(n, k_.for_statement) || is(n, k_.for_in_clause)) {
    TSNode left = field(n, "left");
    if (is(left, k_.pattern_list) || is(left, k_.tuple_pattern))
      for (TSNode t : named_children(left)) forget_narrowing(t);
    else if (!ts_node_is_null(left))
      forget_narrowing(left);
  }
  for_each_named_child(n, [&](TSNode c) { forget_assigned_in(c); });
}

bool Lowering::always_exits(TSNode block) const {
  uint32_t count = ts_node_named_child_count(block);
  for (uint32_t i = count; i-- > 0;) {
    TSNode last = ts_node_named_child(block, i);
    if (is(last, k_.comment)) continue;
    std::string_view t = ts_node_type(last);
    return t == "return_statement" || t == "raise_statement" || t == "break_statement" || t == "continue_statement";
  }
  return false;
}

}  // namespace asl::tr
