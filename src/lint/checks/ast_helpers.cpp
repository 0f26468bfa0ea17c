#include "lint/checks/ast_helpers.h"

#include <algorithm>
#include <cctype>
#include <climits>
#include <optional>
#include <string>
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

namespace {
std::string_view type(TSNode n) { return ts_node_is_null(n) ? std::string_view() : ts_node_type(n); }

// A string literal with at least one character.
bool non_empty_string(TSNode s) {
  bool any = false;
  for_each_named_child(s, [&](TSNode p) {
    auto t = type(p);
    any = any || t == "string_content" || t == "interpolation" || t == "escape_sequence";
  });
  return any;
}

// An integer literal, possibly signed or inverted (`-1`, `~0`); saturates.
std::optional<long long> integer(const SemanticModel& m, TSNode n) {
  n = unparenthesize(n);
  if (type(n) == "unary_operator") {
    auto v = integer(m, field(n, "argument"));
    if (!v) return v;
    std::string_view op = m.text(field(n, "operator"));
    if (op == "-") return -*v;
    if (op == "~") return ~*v;
    return v;
  }
  if (type(n) != "integer") return std::nullopt;
  std::string s(m.text(n));
  s.erase(std::remove(s.begin(), s.end(), '_'), s.end());
  int base = 10;
  size_t from = 0;
  if (s.size() > 1 && s[0] == '0' && std::isalpha(static_cast<unsigned char>(s[1]))) {
    char b = static_cast<char>(std::tolower(static_cast<unsigned char>(s[1])));
    base = b == 'x' ? 16 : b == 'o' ? 8 : b == 'b' ? 2 : 0;
    from = 2;
  }
  if (base == 0) return std::nullopt;
  long long v = 0;
  for (size_t i = from; i < s.size(); ++i) {
    int d = std::isdigit(static_cast<unsigned char>(s[i])) ? s[i] - '0' : std::tolower(static_cast<unsigned char>(s[i])) - 'a' + 10;
    if (d < 0 || d >= base) return std::nullopt;
    if (v > (LLONG_MAX - d) / base) return LLONG_MAX / 4;  // beyond any range the code cares about
    v = v * base + d;
  }
  return v;
}

}  // namespace

// A literal iterable with at least one element, or `range(...)` of literals
// that is not empty: the loop body runs at least once.
bool runs_once(const SemanticModel& m, TSNode it) {
  it = unparenthesize(it);
  auto t = type(it);
  if (t == "list" || t == "tuple" || t == "set" || t == "dictionary") {
    bool any = false;
    for_each_named_child(it, [&](TSNode e) {
      if (any || type(e) == "comment") return;
      auto et = type(e);
      if (et == "list_splat" || et == "dictionary_splat") any = runs_once(m, ts_node_named_child(e, 0));
      else any = true;
    });
    return any;
  }
  if (t == "string") return non_empty_string(it);
  if (t == "call" && m.text(field(it, "function")) == "range") {
    std::vector<long long> v;
    bool ok = true;
    for_each_named_child(field(it, "arguments"), [&](TSNode a) {
      if (!ok || type(a) == "comment") return;
      auto x = integer(m, a);
      ok = x.has_value();
      if (ok) v.push_back(*x);
    });
    if (!ok || v.empty() || v.size() > 3) return false;
    long long start = v.size() == 1 ? 0 : v[0], stop = v.size() == 1 ? v[0] : v[1], step = v.size() == 3 ? v[2] : 1;
    if (step == 0) return false;
    return step > 0 ? start < stop : start > stop;
  }
  return false;
}

// `while True:`, `while 1:`, `while "x":`.
bool always_true(const SemanticModel& m, TSNode c) {
  c = unparenthesize(c);
  auto t = type(c);
  if (t == "true") return true;
  if (t == "integer") return m.text(c).find_first_not_of("0_xXoObB") != std::string_view::npos;
  if (t == "string") return non_empty_string(c);
  return false;
}

}  // namespace asl
