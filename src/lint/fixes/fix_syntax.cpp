#include "lint/fixes/fix_syntax.h"

#include <fmt/format.h>

namespace asl {

TSNode call_at_callee(TSNode root, uint32_t start, uint32_t end) {
  const Kinds& k = Kinds::get();
  TSNode n = ts_node_descendant_for_byte_range(root, start, end);
  // The smallest node covering the range may be an inner token; climb to the
  // callee expression itself.
  while (!ts_node_is_null(n) && !is(ts_node_parent(n), k.call)) {
    TSNode p = ts_node_parent(n);
    if (ts_node_is_null(p) || ts_node_start_byte(p) != start || ts_node_end_byte(p) != end) break;
    n = p;
  }
  TSNode call = ts_node_parent(n);
  if (!is(call, k.call) || !ts_node_eq(field(call, "function"), n)) return {};
  if (ts_node_start_byte(n) != start || ts_node_end_byte(n) != end) return {};
  return call;
}

int scope_of_call(const SemanticModel& model, TSNode call) { return model.call_scope(call); }

AwaitPlacement await_placement(TSNode expr) {
  const Kinds& k = Kinds::get();
  TSNode parent = ts_node_parent(expr);
  TSNode outer = expr;
  while (is(parent, k.parenthesized_expression)) outer = parent, parent = ts_node_parent(parent);
  if (is(parent, k.await)) return AwaitPlacement::Invalid;
  for (TSNode n = parent; !ts_node_is_null(n); n = ts_node_parent(n)) {
    if (is(n, k.function_definition) || is(n, k.class_definition)) break;
    if (is(n, k.lambda) || is(n, k.generator_expression)) return AwaitPlacement::Invalid;
  }
  // Only the direct parent matters: parentheses already written keep their meaning.
  if (!ts_node_eq(outer, expr)) return AwaitPlacement::Bare;
  TSNode direct = ts_node_parent(expr);
  if ((is(direct, k.attribute) && ts_node_eq(field(direct, "object"), expr)) ||
      (is(direct, k.subscript) && ts_node_eq(field(direct, "value"), expr)) ||
      (is(direct, k.call) && ts_node_eq(field(direct, "function"), expr)))
    return AwaitPlacement::Parenthesized;
  // `await x ** 2` is `(await x) ** 2` in Python but `await (x ** 2)` to the
  // grammar the linter parses with: parentheses say the same to both.
  if (is(direct, k.binary_operator) && ts_node_eq(field(direct, "left"), expr) &&
      std::string_view(ts_node_type(field(direct, "operator"))) == "**")
    return AwaitPlacement::Parenthesized;
  return AwaitPlacement::Bare;
}

bool await_allowed(TSNode expr) {
  const Kinds& k = Kinds::get();
  TSNode child = expr;
  for (TSNode n = ts_node_parent(expr); !ts_node_is_null(n); child = n, n = ts_node_parent(n)) {
    // A lambda's body is a function of its own; a generator expression turns
    // asynchronous with `await` in it (its first iterable would be fine, but
    // is not worth the distinction).
    if (is(n, k.lambda) || is(n, k.generator_expression)) return false;
    // Parameters' defaults and annotations, base classes and decorators run
    // in the enclosing scope; bodies do not.
    if (is(n, k.class_definition) && ts_node_eq(field(n, "body"), child)) return false;
    if (is(n, k.function_definition) && ts_node_eq(field(n, "body"), child)) return is_async_function(n);
  }
  return false;  // module level
}

std::string_view line_terminator(const SourceFile& file) {
  switch (file.line_ending()) {
    case LineEnding::CRLF: return "\r\n";
    case LineEnding::CR: return "\r";
    case LineEnding::LF: break;
  }
  return "\n";
}

namespace {

bool binds_only_module(std::span<const Binding> bs, std::string_view module) {
  if (bs.empty()) return false;
  for (const Binding& b : bs)
    if (b.kind != Binding::Kind::Import || b.qualified != module) return false;
  return true;
}

// Where `import module` goes: after the docstring, __future__ imports and
// imports at the top of the module, or before the first statement.
Edit import_insertion(const FixContext& ctx, std::string_view module) {
  const Kinds& k = Kinds::get();
  const SourceFile& f = ctx.file;
  std::string_view eol = line_terminator(f);
  TSNode last{}, first{};
  bool stop = false, at_start = true;
  for_each_named_child(ctx.root, [&](TSNode s) {
    if (stop || is(s, k.comment)) return;
    if (ts_node_is_null(first)) first = s;
    bool docstring = at_start && is(s, k.expression_statement) && is(ts_node_named_child(s, 0), k.string);
    at_start = false;
    if (docstring || is(s, k.import_statement) || is(s, k.import_from_statement) || is(s, k.future_import_statement))
      last = s;
    else
      stop = true;
  });
  Edit e;
  if (!ts_node_is_null(last)) {
    uint32_t line = f.location(ts_node_end_byte(last)).line;
    e.start = e.end = f.lines().line_end(f.text(), line);
    e.replacement = fmt::format("{}import {}", eol, module);
    // A file ending without a terminator keeps ending without one.
  } else {
    uint32_t line = ts_node_is_null(first) ? 1 : f.location(ts_node_start_byte(first)).line;
    e.start = e.end = f.lines().line_start(line);
    e.replacement = fmt::format("import {}{}", module, eol);
  }
  return e;
}

}  // namespace

std::optional<ModuleReference> reference_module(const FixContext& ctx, std::string_view module, int scope,
                                                uint32_t use) {
  const SemanticModel& m = ctx.model;
  // An existing import, under its own name or an alias.
  std::optional<std::string> alias;
  for (const auto& [name, bs] : m.scopes()[0].bindings) {
    bool imports_it = false;
    for (const Binding& b : bs) imports_it = imports_it || (b.kind == Binding::Kind::Import && b.qualified == module);
    if (!imports_it || !binds_only_module(m.lookup(name, scope, use), module)) continue;
    if (!alias || name == module || (*alias != module && name < *alias)) alias = std::string(name);
  }
  if (alias) return ModuleReference{*alias, std::nullopt};
  // Otherwise the name must be free everywhere a module-level import would reach.
  if (!m.lookup(module, scope, use).empty() || m.scopes()[0].bindings.contains(module)) return std::nullopt;
  return ModuleReference{std::string(module), import_insertion(ctx, module)};
}

}  // namespace asl
