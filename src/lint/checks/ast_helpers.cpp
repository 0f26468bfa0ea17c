#include "lint/checks/ast_helpers.h"

#include <vector>

#include "lint/glob.h"

namespace asl {

bool contains_checkpoint(TSNode body) {
  const Kinds& k = Kinds::get();
  std::vector<TSNode> todo{body};
  while (!todo.empty()) {
    TSNode n = todo.back();
    todo.pop_back();
    TSSymbol s = ts_node_symbol(n);
    if (s == k.await) return true;
    if ((s == k.with_statement || s == k.for_statement || s == k.for_in_clause) && has_async_keyword(n)) return true;
    if (s == k.function_definition || s == k.class_definition || s == k.lambda) continue;
    for_each_named_child(n, [&](TSNode c) { todo.push_back(c); });
  }
  return false;
}

std::string callee_name(const SemanticModel& model, TSNode call, int scope) {
  return model.resolve_callee(field(call, "function"), scope).value_or(std::string());
}

TSNode argument(TSNode call, int position, std::string_view name, const SemanticModel& model) {
  const Kinds& k = Kinds::get();
  TSNode found{};
  int index = 0;
  bool positional = true;
  for_each_named_child(field(call, "arguments"), [&](TSNode a) {
    if (!ts_node_is_null(found) || is(a, k.comment)) return;
    if (is(a, k.keyword_argument)) {
      positional = false;
      if (model.text(field(a, "name")) == name) found = field(a, "value");
      return;
    }
    std::string_view kind = ts_node_type(a);
    if (kind == "list_splat" || kind == "dictionary_splat") {
      positional = false;
      return;
    }
    if (positional && index == position) found = a;
    ++index;
  });
  return found;
}

int argument_count(TSNode call) {
  int n = 0;
  for_each_named_child(field(call, "arguments"), [&](TSNode a) {
    if (!is(a, Kinds::get().comment)) ++n;
  });
  return n;
}

TSNode decorator_target(TSNode decorator) {
  TSNode e = ts_node_named_child(decorator, 0);
  if (is(e, Kinds::get().call)) e = field(e, "function");
  return e;
}

bool matches_configured(const std::vector<std::string>& patterns, std::string_view text, std::string_view qualified) {
  std::string_view last = text.substr(text.rfind('.') == std::string_view::npos ? 0 : text.rfind('.') + 1);
  for (const std::string& p : patterns) {
    if (glob_match(p, text) || (!qualified.empty() && glob_match(p, qualified))) return true;
    if (p.find('.') == std::string::npos && glob_match(p, last)) return true;
  }
  return false;
}

bool decorated_with(const SemanticModel& model, const Scope& fn, const std::vector<std::string>& patterns) {
  if (patterns.empty()) return false;
  for (TSNode d : fn.decorators) {
    TSNode t = decorator_target(d);
    std::string q = model.qualified_name(t, fn.parent).value_or(std::string());
    if (matches_configured(patterns, model.text(t), q)) return true;
  }
  return false;
}

}  // namespace asl
