#include "lint/checks/project_facts_collector.h"

#include <algorithm>
#include <unordered_map>

#include "lint/checks/function_checks.h"
#include "lint/checks/usage.h"

namespace asl {

namespace {

// What is known of an argument's or default's value: N None, F false, T true,
// V not None (a non-empty literal's truth is T; a constructor call, by the
// convention of a capitalised class name, or a display is V); 0: unknown.
char constant_class(const SemanticModel& m, TSNode v) {
  v = unparenthesize(v);
  if (ts_node_is_null(v)) return 0;
  std::string_view kind = ts_node_type(v);
  std::string_view text = m.text(v);
  if (kind == "none") return 'N';
  if (kind == "false") return 'F';
  if (kind == "true") return 'T';
  if (kind == "integer" || kind == "float") {
    return text.find_first_not_of("0._xXoObB") == std::string_view::npos ? 'F' : 'T';
  }
  if (kind == "string" || kind == "concatenated_string") {
    if (text == "\"\"" || text == "''") return 'F';
    return text.size() > 2 ? 'T' : 'V';
  }
  if (kind == "list" || kind == "tuple" || kind == "dictionary" || kind == "set") {
    return ts_node_named_child_count(v) == 0 ? 'F' : 'T';
  }
  if (kind == "lambda") return 'T';
  if (kind == "call") {
    TSNode fn = field(v, "function");
    std::string_view name = is(fn, Kinds::get().attribute) ? m.text(field(fn, "attribute")) : m.text(fn);
    if (!name.empty() && name[0] >= 'A' && name[0] <= 'Z') return 'V';
  }
  return 0;
}

// The last part of a dotted name (`self._loop.debug` -> `debug`), or "".
std::string_view last_name(const SemanticModel& m, TSNode n) {
  if (is(n, Kinds::get().identifier)) return m.text(n);
  if (is(n, Kinds::get().attribute)) return m.text(field(n, "attribute"));
  return {};
}

// True when a condition holds only in debug mode: `loop.get_debug()`,
// `__debug__`, a flag named `debug` (`self._debug`, `settings.DEBUG`),
// `logger.isEnabledFor(logging.DEBUG)`, or an `and` with one of them.
bool is_debug_guard(const SemanticModel& m, TSNode cond) {
  const Kinds& k = Kinds::get();
  cond = unparenthesize(cond);
  if (ts_node_is_null(cond)) return false;
  std::string_view kind = ts_node_type(cond);
  if (kind == "boolean_operator")
    return m.text(field(cond, "operator")) == "and" &&
           (is_debug_guard(m, field(cond, "left")) || is_debug_guard(m, field(cond, "right")));
  if (is(cond, k.call)) {
    std::string_view fn = last_name(m, field(cond, "function"));
    TSNode args = field(cond, "arguments");
    if (fn == "get_debug") return ts_node_named_child_count(args) == 0;
    if (fn == "isEnabledFor" && ts_node_named_child_count(args) == 1)
      return last_name(m, ts_node_named_child(args, 0)) == "DEBUG";
    return false;
  }
  std::string_view name = last_name(m, cond);
  if (name == "__debug__") return true;
  while (name.starts_with('_')) name.remove_prefix(1);
  return name == "debug" || name == "DEBUG";
}

// True when `node` runs only under a debug-mode guard: it is in the body of an
// `if` or `elif` of function `fn` whose condition is one (not in its `else`).
bool under_debug_guard(const SemanticModel& m, TSNode node, TSNode fn) {
  TSNode child = node;
  for (TSNode n = ts_node_parent(node); !ts_node_is_null(n) && !ts_node_eq(n, fn); child = n, n = ts_node_parent(n)) {
    std::string_view kind = ts_node_type(n);
    if ((kind == "if_statement" || kind == "elif_clause") && ts_node_eq(field(n, "consequence"), child) &&
        is_debug_guard(m, field(n, "condition")))
      return true;
  }
  return false;
}

// The parameters of function scope `s` that a caller's arguments bind (see
// FunctionFacts::params), and their names for guards.
std::vector<std::string> parameters_of(const SemanticModel& m, const Scope& s) {
  std::vector<std::string> out;
  bool skip_self = !s.first_parameter.empty();
  for_each_named_child(field(s.node, "parameters"), [&](TSNode p) {
    std::string_view kind = ts_node_type(p);
    if (kind == "list_splat_pattern" || kind == "keyword_separator") {
      if (std::find(out.begin(), out.end(), "*") == out.end()) out.emplace_back("*");
      return;
    }
    if (kind == "dictionary_splat_pattern" || kind == "positional_separator" || kind == "comment") return;
    TSNode name = kind == "identifier" ? p : field(p, "name");
    if (ts_node_is_null(name) && kind == "typed_parameter") name = ts_node_named_child(p, 0);
    if (!is(name, Kinds::get().identifier)) return;
    if (skip_self) {
      skip_self = false;
      return;
    }
    std::string entry(m.text(name));
    if (char c = constant_class(m, field(p, "value")); c) entry += std::string("=") + c;
    out.push_back(std::move(entry));
  });
  return out;
}

bool is_parameter(const std::vector<std::string>& params, std::string_view name) {
  for (const auto& p : params)
    if (std::string_view(p).substr(0, p.find('=')) == name) return true;
  return false;
}

// Appends to `out` the conditions on parameters that `cond` being `truth` implies.
void conditions(const SemanticModel& m, TSNode cond, bool truth, const std::vector<std::string>& params,
                std::string& out, int depth = 0) {
  cond = unparenthesize(cond);
  if (ts_node_is_null(cond) || depth > 8) return;
  std::string_view kind = ts_node_type(cond);
  auto add = [&](char c, std::string_view name) {
    if (!out.empty()) out += ' ';
    out += c;
    out += ':';
    out += name;
  };
  if (kind == "not_operator") return conditions(m, field(cond, "argument"), !truth, params, out, depth + 1);
  if (kind == "boolean_operator") {
    std::string_view op = m.text(field(cond, "operator"));
    // `a and b` true: both are; `a or b` false: neither is.
    if ((op == "and" && truth) || (op == "or" && !truth)) {
      conditions(m, field(cond, "left"), truth, params, out, depth + 1);
      conditions(m, field(cond, "right"), truth, params, out, depth + 1);
    }
    return;
  }
  if (kind == "identifier") {
    if (is_parameter(params, m.text(cond))) add(truth ? 'T' : 'F', m.text(cond));
    return;
  }
  if (kind == "comparison_operator" && ts_node_named_child_count(cond) == 2) {
    TSNode left = ts_node_named_child(cond, 0), right = ts_node_named_child(cond, 1);
    if (!is(left, Kinds::get().identifier) || std::string_view(ts_node_type(right)) != "none") return;
    if (!is_parameter(params, m.text(left))) return;
    std::string_view src = m.source();
    std::string op(src.substr(ts_node_end_byte(left), ts_node_start_byte(right) - ts_node_end_byte(left)));
    std::erase_if(op, [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\\'; });
    bool is_none;
    if (op == "is" || op == "==") is_none = truth;
    else if (op == "isnot" || op == "!=") is_none = !truth;
    else return;
    add(is_none ? 'N' : 'V', m.text(left));
  }
}

// The conditions on `fn`'s parameters under which `node` runs: the `if`,
// `elif` and `else` branches it is in, and the `if ...: return` before it
// (see BlockingCall::guard).
std::string guard_of(const SemanticModel& m, TSNode node, TSNode fn, const std::vector<std::string>& params) {
  std::string out;
  if (params.empty()) return out;
  TSNode child = node;
  for (TSNode n = ts_node_parent(node); !ts_node_is_null(n) && !ts_node_eq(n, fn); child = n, n = ts_node_parent(n)) {
    std::string_view kind = ts_node_type(n);
    if (kind == "block") {
      // An earlier `if C: ... return` (or raise), with no other branch: C is false here.
      for_each_named_child(n, [&, done = false](TSNode s) mutable {
        if (done || ts_node_eq(s, child)) {
          done = true;
          return;
        }
        if (std::string_view(ts_node_type(s)) != "if_statement" || !ts_node_is_null(field(s, "alternative"))) return;
        TSNode body = field(s, "consequence");
        uint32_t count = ts_node_named_child_count(body);
        if (count == 0) return;
        std::string_view last = ts_node_type(ts_node_named_child(body, count - 1));
        if (last == "return_statement" || last == "raise_statement") conditions(m, field(s, "condition"), false, params, out);
      });
    } else if (kind == "elif_clause" && ts_node_eq(field(n, "consequence"), child)) {
      conditions(m, field(n, "condition"), true, params, out);
    } else if (kind == "if_statement") {
      if (ts_node_eq(field(n, "consequence"), child)) {
        conditions(m, field(n, "condition"), true, params, out);
        continue;
      }
      std::string_view ck = ts_node_type(child);
      if (ck != "elif_clause" && ck != "else_clause") continue;
      // Every condition before this branch was false.
      conditions(m, field(n, "condition"), false, params, out);
      for_each_named_child(n, [&, done = false](TSNode c) mutable {
        if (done || ts_node_eq(c, child)) {
          done = true;
          return;
        }
        if (std::string_view(ts_node_type(c)) == "elif_clause") conditions(m, field(c, "condition"), false, params, out);
      });
    }
  }
  return out;
}

// The arguments of `call` by position or keyword, with what is known of each
// value (constant_class, `?` unknown): "0=N 1=? kw=T"; "*" with *args or **kwargs.
std::string constant_arguments(const SemanticModel& m, TSNode call) {
  std::string out;
  bool opaque = false;
  int position = 0;
  for_each_named_child(field(call, "arguments"), [&](TSNode a) {
    std::string_view kind = ts_node_type(a);
    if (kind == "comment") return;
    if (kind == "list_splat" || kind == "dictionary_splat") {
      opaque = true;
      return;
    }
    std::string key;
    TSNode value = a;
    if (kind == "keyword_argument") {
      key = m.text(field(a, "name"));
      value = field(a, "value");
    } else {
      key = std::to_string(position++);
    }
    char c = constant_class(m, value);
    if (!out.empty()) out += ' ';
    out += key + "=" + (c ? c : '?');
  });
  if (std::string_view(ts_node_type(field(call, "arguments"))) != "argument_list") opaque = true;  // a generator argument
  return opaque ? "*" : out;
}

}  // namespace

void collect_project_facts(const CheckContext& cx) {
  const SemanticModel& m = cx.model;
  FileFacts& facts = cx.facts;
  facts.module = m.module();
  bool transitive = cx.enabled("AL210");

  std::unordered_map<int, size_t> function_index;  // scope -> facts.functions
  std::unordered_map<int, std::vector<std::string>> params_of;  // sync function scope -> parameters
  for (size_t i = 0; i < m.scopes().size(); ++i) {
    const Scope& s = m.scopes()[i];
    if (s.qualname.empty()) continue;
    if (s.kind == ScopeKind::Function) {
      FunctionFacts f;
      f.qualname = s.qualname;
      f.is_async = s.is_async;
      f.is_coroutine_function = s.is_async && !s.is_generator && has_only_transparent_decorators(m, s);
      if (transitive && !s.is_async) {
        f.params = parameters_of(m, s);
        params_of[static_cast<int>(i)] = f.params;
      }
      function_index[static_cast<int>(i)] = facts.functions.size();
      facts.functions.push_back(std::move(f));
    } else if (s.kind == ScopeKind::Class) {
      ClassFacts c;
      c.qualname = s.qualname;
      for (TSNode b : s.bases)
        if (auto ref = m.resolve_project_callee(b, s.parent)) c.bases.push_back(*ref);
      facts.classes.push_back(std::move(c));
    }
  }
  for (const auto& [name, bindings] : m.scopes()[0].bindings) {
    if (bindings.size() == 1 && bindings[0].kind == Binding::Kind::Import)
      facts.imports.emplace_back(m.module_prefix() + std::string(name), bindings[0].qualified);
  }
  if (!transitive) return;

  for (const CallSite& site : m.calls()) {
    int fn = m.enclosing_function(site.scope);
    if (fn < 0) continue;  // module level, lambdas: not part of a function's body
    const Scope& f = m.scopes()[fn];
    // What runs only in debug mode does not make a function block in production.
    if (under_debug_guard(m, site.call, f.node)) continue;
    auto fi = function_index.find(fn);
    if (!f.is_async && fi != function_index.end()) {
      FunctionFacts& ff = facts.functions[fi->second];
      const std::vector<std::string>& params = params_of[fn];
      // The blocking calls up to the first that runs whatever the arguments
      // (at most 8 that run under conditions).
      bool open = !ff.blocks || (!ff.blocks->guard.empty() && ff.more_blocks.size() < 8 &&
                                 (ff.more_blocks.empty() || !ff.more_blocks.back().guard.empty()));
      if (open) {
        if (CallEngine::Target t = cx.calls.match(m, site); t.rule) {
          BlockingCall b{t.rule->code, callee_text(m.text(field(site.call, "function"))), guard_of(m, site.call, f.node, params)};
          if (!ff.blocks) ff.blocks = std::move(b);
          else ff.more_blocks.push_back(std::move(b));
        }
      }
      auto ref = m.resolve_project_callee(field(site.call, "function"), site.scope);
      if (ref && cx.is_project_ref(*ref)) {
        ff.callees.push_back(*ref);
        ff.callee_guards.push_back(guard_of(m, site.call, f.node, params));
        ff.callee_args.push_back(constant_arguments(m, site.call));
      }
    } else if (f.is_async) {
      // A call that is awaited runs a coroutine, which the blocking rules see for themselves.
      if (classify_use(m, site.call, site.parent, site.scope).usage == Usage::Awaited) continue;
      TSNode callee = field(site.call, "function");
      auto ref = m.resolve_project_callee(callee, site.scope);
      if (!ref || !cx.is_project_ref(*ref)) continue;
      CallFact fact;
      fact.kind = CallFact::Kind::AsyncCall;
      fact.in_async = true;
      fact.ref = *ref;
      fact.callee_text = callee_text(m.text(callee));
      fact.caller = f.qualname.empty() ? std::string(f.name) : f.qualname;
      fact.args = constant_arguments(m, site.call);
      fact.start_byte = ts_node_start_byte(callee);
      fact.end_byte = ts_node_end_byte(callee);
      fact.start = cx.file.location(fact.start_byte);
      fact.end = cx.file.location(fact.end_byte);
      facts.calls.push_back(std::move(fact));
    }
  }
}

}  // namespace asl
