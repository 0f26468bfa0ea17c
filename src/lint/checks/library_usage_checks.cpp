// Rules about how a file uses trio, anyio, httpx and exception groups:
// ASYNC105 missing-await: a trio coroutine function called without `await`.
// ASYNC113 start-soon-in-aenter, ASYNC114 startable-not-in-config: tasks
//   started with `start_soon` where the context manager should wait for them.
// ASYNC106 bad-async-library-import: `from trio import ...`, `import trio as t`.
// ASYNC118 cancelled-class-saved: anyio's cancelled class kept in a variable.
// ASYNC122 delayed-entry-of-relative-cancelscope: a relative timeout made
//   outside the `with` that enters it.
// ASYNC125 constant-absolute-deadline: `trio.fail_at(5)`, a deadline that is
//   a constant although the clock it counts on starts anywhere.
// ASYNC127 unmaintained-httpx: an import of `httpx`.
// ASYNC128 task-status-never-started: a startable function that never calls
//   `task_status.started()` nor hands `task_status` on to another call.
// ASYNC400 except-star-invalid-attribute: `e.attr` on the group bound by
//   `except* E as e` with an attribute groups do not have.
// ASYNC401 pytest-raises-exception-group: `pytest.raises(ExceptionGroup)`.
// ASYNC900 unsafe-async-generator: an async generator outside a context manager.
#include "lint/checks/library_usage_checks.h"

#include <array>
#include <string>

#include "lint/checks/ast_helpers.h"

namespace asl {
namespace {

std::string_view type(TSNode n) { return ts_node_is_null(n) ? std::string_view() : ts_node_type(n); }

template <class Fn>
void walk(TSNode n, Fn&& fn) {
  std::vector<TSNode> todo{n};
  while (!todo.empty()) {
    TSNode c = todo.back();
    todo.pop_back();
    if (!fn(c)) continue;
    uint32_t count = ts_node_named_child_count(c);
    for (uint32_t i = count; i-- > 0;) todo.push_back(ts_node_named_child(c, i));
  }
}

// The scope whose code contains `n` (the innermost function or class).
int scope_at(const SemanticModel& m, TSNode n) {
  for (TSNode p = ts_node_parent(n); !ts_node_is_null(p); p = ts_node_parent(p)) {
    auto t = type(p);
    if (t == "function_definition" || t == "class_definition") {
      int s = m.definition_scope(p);
      if (s >= 0) return s;
    }
  }
  return 0;
}

bool is_library(std::string_view name) { return name == "trio" || name == "anyio" || name == "asyncio"; }

void imports(const CheckContext& cx, TSNode root, std::vector<Diagnostic>& out) {
  const SemanticModel& m = cx.model;
  bool style = cx.enabled("ASYNC106"), saved = cx.enabled("ASYNC118"), httpx = cx.enabled("ASYNC127");
  auto is_httpx = [](std::string_view n) { return n == "httpx" || n.starts_with("httpx."); };
  walk(root, [&](TSNode n) {
    auto t = type(n);
    if (t == "import_statement") {
      bool any_httpx = false;
      for_each_named_child(n, [&](TSNode c) {
        TSNode name = type(c) == "aliased_import" ? field(c, "name") : c;
        if (type(name) != "dotted_name") return;
        any_httpx = any_httpx || is_httpx(m.text(name));
        if (style && type(c) == "aliased_import" && is_library(m.text(name)))
          out.push_back(cx.make("ASYNC106", n, m.text(name)));
      });
      if (httpx && any_httpx) out.push_back(cx.make("ASYNC127", n, {}));
      return false;
    }
    if (t == "import_from_statement") {
      TSNode module = field(n, "module_name");
      std::string_view name = type(module) == "dotted_name" ? m.text(module) : std::string_view();
      if (style && is_library(name)) out.push_back(cx.make("ASYNC106", n, name));
      if (httpx && is_httpx(name)) out.push_back(cx.make("ASYNC127", n, {}));
      if (saved && name == "anyio") {
        bool aliased = false;
        for_each_named_child(n, [&](TSNode c) {
          aliased = aliased || (type(c) == "aliased_import" && m.text(field(c, "name")) == "get_cancelled_exc_class");
        });
        if (aliased) out.push_back(cx.make("ASYNC118", n, {}));
      }
      return false;
    }
    if (saved && t == "assignment") {
      TSNode value = unparenthesize(field(n, "right"));
      TSNode target = type(value) == "call" ? field(value, "function") : value;
      if (!ts_node_is_null(target)) {
        auto q = m.qualified_name(target, scope_at(m, n));
        if (q && *q == "anyio.get_cancelled_exc_class") out.push_back(cx.make("ASYNC118", value, {}));
      }
    }
    return true;
  });
}

// A literal, or arithmetic on literals.
bool constant(TSNode e) {
  e = unparenthesize(e);
  auto t = type(e);
  if (t == "integer" || t == "float" || t == "string" || t == "true" || t == "false" || t == "none") return true;
  if (t == "binary_operator") return constant(field(e, "left")) && constant(field(e, "right"));
  return false;
}

void deadlines(const CheckContext& cx, std::vector<Diagnostic>& out) {
  const SemanticModel& m = cx.model;
  for (const CallSite& site : m.calls()) {
    std::string q = callee_name(m, site.call, site.scope);
    std::string_view base = q.starts_with("trio.") ? "trio" : q.starts_with("anyio.") ? "anyio" : "";
    if (base.empty()) continue;
    std::string_view name = std::string_view(q).substr(base.size() + 1);
    if (name != "fail_at" && name != "move_on_at" && name != "CancelScope") continue;
    TSNode value{};
    int positional = 0;
    for_each_named_child(field(site.call, "arguments"), [&](TSNode a) {
      if (type(a) == "comment") return;
      if (type(a) == "keyword_argument") {
        if (m.text(field(a, "name")) == "deadline") value = field(a, "value");
      } else {
        ++positional;
      }
    });
    if (name != "CancelScope" && positional == 1) value = ts_node_named_child(field(site.call, "arguments"), 0);
    if (ts_node_is_null(value) || !constant(value)) continue;
    out.push_back(cx.make("ASYNC125", value, q, base));
  }
}

// True when `task_status.started` is called in `n`, nested functions that do
// not rebind the name included.
bool calls_started(const SemanticModel& m, TSNode body, std::string_view name) {
  bool found = false;
  walk(body, [&](TSNode n) {
    if (found) return false;
    auto t = type(n);
    if (t == "function_definition" || t == "lambda") {
      bool rebinds = false;
      for_each_named_child(field(n, "parameters"), [&](TSNode p) {
        TSNode id = type(p) == "identifier" ? p : field(p, "name");
        if (ts_node_is_null(id))
          for_each_named_child(p, [&](TSNode c) {
            if (ts_node_is_null(id) && type(c) == "identifier") id = c;
          });
        rebinds = rebinds || (type(id) == "identifier" && m.text(id) == name);
      });
      if (rebinds) return false;
    }
    if (t == "call") {
      TSNode f = field(n, "function");
      if (type(f) == "attribute" && m.text(field(f, "attribute")) == "started" && m.text(field(f, "object")) == name)
        found = true;
      // Handed on to another startable (`await serve_listeners(..., task_status=task_status)`).
      for_each_named_child(field(n, "arguments"), [&](TSNode a) {
        TSNode v = type(a) == "keyword_argument" ? field(a, "value") : a;
        if (type(v) == "identifier" && m.text(v) == name) found = true;
      });
    }
    return true;
  });
  return found;
}

// A body of `pass`, `raise` and literal expressions (stubs, protocols).
bool stub(TSNode body) {
  bool only = true;
  for_each_named_child(body, [&](TSNode s) {
    auto t = type(s);
    if (t == "comment" || t == "pass_statement" || t == "raise_statement") return;
    if (t == "expression_statement" && ts_node_named_child_count(s) == 1) {
      auto e = type(ts_node_named_child(s, 0));
      if (e == "string" || e == "integer" || e == "float" || e == "ellipsis" || e == "true" || e == "false" ||
          e == "none" || e == "concatenated_string")
        return;
    }
    only = false;
  });
  return only;
}

void startables(const CheckContext& cx, std::vector<Diagnostic>& out) {
  const SemanticModel& m = cx.model;
  for (const Scope& s : m.scopes()) {
    if (s.kind != ScopeKind::Function || !s.is_async || type(s.node) != "function_definition") continue;
    TSNode params = field(s.node, "parameters");
    // Parameters before `/` cannot be passed as `task_status=` by `start()`.
    size_t separator = 0, index = 0;
    for_each_named_child(params, [&](TSNode p) {
      ++index;
      if (type(p) == "positional_separator") separator = index;
    });
    std::string_view startable;
    index = 0;
    for_each_named_child(params, [&](TSNode p) {
      ++index;
      if (!startable.empty()) return;
      auto t = type(p);
      TSNode name = t == "identifier" ? p : field(p, "name");
      if (ts_node_is_null(name) && t == "typed_parameter")
        for_each_named_child(p, [&](TSNode c) {
          if (ts_node_is_null(name) && type(c) == "identifier") name = c;
        });
      if (type(name) != "identifier") return;
      TSNode ann = field(p, "type");
      if (type(ann) == "type" && ts_node_named_child_count(ann)) ann = ts_node_named_child(ann, 0);
      if (type(ann) == "generic_type" || type(ann) == "subscript") ann = ts_node_named_child(ann, 0);
      std::string_view ann_text = ts_node_is_null(ann) ? std::string_view() : m.text(ann);
      std::string_view last = ann_text.substr(ann_text.rfind('.') == std::string_view::npos ? 0 : ann_text.rfind('.') + 1);
      if (last == "TaskStatus" || (m.text(name) == "task_status" && index > separator)) startable = m.text(name);
    });
    if (startable.empty()) continue;
    TSNode body = field(s.node, "body");
    if (stub(body) || calls_started(m, body, startable)) continue;
    TSNode name = field(s.node, "name");
    out.push_back(cx.make("ASYNC128", name, m.text(name), startable));
  }
}

constexpr std::array<std::string_view, 9> kGroupAttributes = {
    "message", "exceptions", "subgroup", "split", "derive", "args", "with_traceback", "add_note", "_is_protocol"};

void star_handlers(const CheckContext& cx, std::vector<Diagnostic>& out) {
  const SemanticModel& m = cx.model;
  for (const ScopedNode& t : m.try_statements()) {
    for_each_named_child(t.node, [&](TSNode h) {
      if (type(h) != "except_group_clause") return;
      TSNode alias{}, body{};
      for_each_named_child(h, [&](TSNode c) {
        if (type(c) == "block") body = c;
        else if (type(c) == "as_pattern") {
          TSNode a = field(c, "alias");
          if (type(a) == "as_pattern_target") a = ts_node_named_child(a, 0);
          alias = a;
        }
      });
      if (ts_node_is_null(alias)) {
        TSNode a = field(h, "alias");
        alias = a;
      }
      if (type(alias) != "identifier" || ts_node_is_null(body)) return;
      std::string_view name = m.text(alias);
      bool rebound = false;
      walk(body, [&](TSNode n) {
        if (rebound) return false;
        auto nt = type(n);
        if (nt == "function_definition" || nt == "lambda" || nt == "class_definition") return false;
        if (nt == "assignment" || nt == "with_item" || nt == "for_statement") {
          TSNode left = nt == "assignment" ? field(n, "left") : nt == "for_statement" ? field(n, "left") : field(n, "value");
          bool binds = false;
          if (nt == "with_item") {
            TSNode v = field(n, "value");
            if (type(v) == "as_pattern") left = field(v, "alias");
            else left = {};
          }
          walk(left, [&](TSNode x) {
            if (type(x) == "identifier" && m.text(x) == name && type(ts_node_parent(x)) != "attribute") binds = true;
            return true;
          });
          if (nt == "assignment") {
            TSNode right = field(n, "right");
            walk(right, [&](TSNode x) {
              if (type(x) == "attribute" && m.text(field(x, "object")) == name) {
                std::string_view attr = m.text(field(x, "attribute"));
                bool ok = attr.starts_with("__") && attr.ends_with("__");
                for (auto a : kGroupAttributes) ok = ok || attr == a;
                if (!ok) out.push_back(cx.make("ASYNC400", x, attr));
                return false;
              }
              return true;
            });
          }
          if (binds) {
            rebound = true;
            return false;
          }
          if (nt == "assignment") return false;
        }
        if (nt == "attribute" && type(field(n, "object")) == "identifier" && m.text(field(n, "object")) == name) {
          std::string_view attr = m.text(field(n, "attribute"));
          bool ok = attr.starts_with("__") && attr.ends_with("__");
          for (auto a : kGroupAttributes) ok = ok || attr == a;
          if (!ok) out.push_back(cx.make("ASYNC400", n, attr));
        }
        return true;
      });
    });
  }
}

bool exception_group(const std::string& q) {
  return q == "builtins.ExceptionGroup" || q == "builtins.BaseExceptionGroup" || q == "exceptiongroup.ExceptionGroup" ||
         q == "exceptiongroup.BaseExceptionGroup";
}

void raises_group(const CheckContext& cx, std::vector<Diagnostic>& out) {
  const SemanticModel& m = cx.model;
  for (const CallSite& site : m.calls()) {
    if (callee_name(m, site.call, site.scope) != "pytest.raises") continue;
    TSNode expected = argument(site.call, 0, "expected_exception", m);
    if (ts_node_is_null(expected)) continue;
    expected = unparenthesize(expected);
    std::vector<TSNode> options;
    if (type(expected) == "tuple") for_each_named_child(expected, [&](TSNode c) { options.push_back(c); });
    else options.push_back(expected);
    for (TSNode o : options) {
      auto q = m.qualified_name(o, site.scope);
      if (q && exception_group(*q)) {
        out.push_back(cx.make("ASYNC401", site.call, m.text(o)));
        break;
      }
    }
  }
}

// trio's coroutine functions and `Nursery.start` called without an `await`
// right on the call (assigning the coroutine and awaiting it later counts too).
void unawaited_trio(const CheckContext& cx, std::vector<Diagnostic>& out) {
  const SemanticModel& m = cx.model;
  for (const CallSite& site : m.calls()) {
    TSNode parent = ts_node_parent(site.call);
    while (type(parent) == "parenthesized_expression") parent = ts_node_parent(parent);
    if (type(parent) == "await") continue;
    std::string q = callee_name(m, site.call, site.scope);
    if (!q.starts_with("trio.") || !cx.catalog.coroutines.contains(q)) continue;
    bool method = q == "trio.Nursery.start";
    out.push_back(cx.make("ASYNC105", site.call, q, method ? "method" : "function"));
  }
}

// Functions known to take `task_status` (trio's servers and run_process),
// plus the configured ones.
constexpr std::array<std::string_view, 4> kTrioStartables = {"run_process", "serve_ssl_over_tcp", "serve_tcp",
                                                             "serve_listeners"};

bool known_startable(const CheckContext& cx, std::string_view name) {
  if (name == "serve") return true;
  for (auto s : kTrioStartables)
    if (name == s) return true;
  return matches_configured(cx.catalog.options.startable_in_context_manager, name, {});
}

bool imports_module(const SemanticModel& m, std::string_view module) {
  for (const auto& [name, bindings] : m.scopes()[0].bindings)
    for (const Binding& b : bindings)
      if (b.kind == Binding::Kind::Import &&
          (b.qualified == module || (b.qualified.starts_with(module) && b.qualified[module.size()] == '.')))
        return true;
  return false;
}

// ASYNC113: `nursery.start_soon(startable, ...)` in `__aenter__`, or before
// the `yield` of an `@asynccontextmanager`: the context is entered before the
// task is ready. Blocks of `with` that hold no `yield` are left alone.
class StartSoonInEnter {
 public:
  StartSoonInEnter(const CheckContext& cx, std::vector<Diagnostic>& out, int scope)
      : cx_(cx), m_(cx.model), out_(out), scope_(scope) {}

  void function(const Scope& fn) {
    enter_ = fn.name == "__aenter__";
    for (TSNode d : fn.decorators) {
      TSNode t = decorator_target(d);
      std::string_view name = type(t) == "attribute" ? m_.text(field(t, "attribute")) : m_.text(t);
      manager_ = manager_ || name == "asynccontextmanager";
    }
    if (!enter_ && !manager_) return;
    // Asked only here: scanning the module's imports for every function of a
    // large module would be quadratic.
    trio_ = imports_module(m_, "trio");
    anyio_ = imports_module(m_, "anyio");
    visit(field(fn.node, "body"));
  }

 private:
  static bool holds_yield(TSNode n) {
    bool found = false;
    walk(n, [&](TSNode c) {
      if (type(c) == "yield") found = true;
      return !found;
    });
    return found;
  }

  bool startable(TSNode n) const {
    n = unparenthesize(n);
    auto t = type(n);
    if (t == "identifier") return known_startable(cx_, m_.text(n));
    if (t == "attribute") {
      std::string_view attr = m_.text(field(n, "attribute"));
      TSNode obj = field(n, "object");
      bool trio_name = false;
      for (auto s : kTrioStartables) trio_name = trio_name || attr == s;
      if (trio_name && type(obj) == "identifier" && m_.text(obj) != "trio") return false;
      return known_startable(cx_, attr);
    }
    if (t == "call") {
      bool any = false;
      for_each_named_child(field(n, "arguments"), [&](TSNode a) {
        if (type(a) != "keyword_argument" && type(a) != "comment") any = any || startable(a);
      });
      return any;
    }
    return false;
  }

  bool group_call(TSNode call) const {
    TSNode f = field(call, "function");
    if (type(f) != "attribute") return false;
    std::string_view method = m_.text(field(f, "attribute"));
    if (method != "start_soon" && method != "create_task") return false;
    std::string_view var = m_.text(field(f, "object"));
    if ((trio_ && var.ends_with("nursery")) || (anyio_ && var.ends_with("task_group"))) return true;
    std::string q = callee_name(m_, call, scope_);
    return q == "trio.Nursery.start_soon" || q == "anyio.TaskGroup.start_soon" || q == "asyncio.TaskGroup.create_task";
  }

  void visit(TSNode n) {
    if ((!enter_ && !manager_) || ts_node_is_null(n)) return;
    auto t = type(n);
    if (t == "function_definition" || t == "lambda" || t == "class_definition" || t == "decorated_definition") return;
    if (t == "with_statement" && !holds_yield(field(n, "body"))) return;
    if (t == "call" && group_call(n)) {
      TSNode first{};
      for_each_named_child(field(n, "arguments"), [&](TSNode a) {
        if (ts_node_is_null(first) && type(a) != "comment" && type(a) != "keyword_argument") first = a;
      });
      if (!ts_node_is_null(first) && startable(first)) {
        if (enter_) report(n);
        else pending_.push_back(n);
      }
    }
    if (t == "yield") {
      for (TSNode p : pending_) report(p);
      pending_.clear();
      enter_ = manager_ = false;
      return;
    }
    for_each_named_child(n, [&](TSNode c) { visit(c); });
  }

  void report(TSNode call) { out_.push_back(cx_.make("ASYNC113", call, m_.text(field(call, "function")))); }

  const CheckContext& cx_;
  const SemanticModel& m_;
  std::vector<Diagnostic>& out_;
  int scope_;
  bool trio_ = false, anyio_ = false, enter_ = false, manager_ = false;
  std::vector<TSNode> pending_;
};

void start_soon_in_enter(const CheckContext& cx, std::vector<Diagnostic>& out) {
  const auto& scopes = cx.model.scopes();
  for (size_t i = 0; i < scopes.size(); ++i)
    if (scopes[i].kind == ScopeKind::Function && scopes[i].is_async && type(scopes[i].node) == "function_definition")
      StartSoonInEnter(cx, out, static_cast<int>(i)).function(scopes[i]);
}

// ASYNC114: a function taking `task_status` that ASYNC113 does not know.
void unknown_startables(const CheckContext& cx, std::vector<Diagnostic>& out) {
  const SemanticModel& m = cx.model;
  for (const Scope& s : m.scopes()) {
    if (s.kind != ScopeKind::Function || !s.is_async || type(s.node) != "function_definition") continue;
    bool takes = false, positional_only = false;
    std::vector<TSNode> params;
    for_each_named_child(field(s.node, "parameters"), [&](TSNode p) { params.push_back(p); });
    for (TSNode p : params)
      if (type(p) == "positional_separator") positional_only = true;
    for (TSNode p : params) {
      auto t = type(p);
      if (t == "positional_separator") {
        positional_only = false;
        continue;
      }
      if (t == "list_splat_pattern" || t == "dictionary_splat_pattern") continue;
      TSNode name = t == "identifier" ? p : field(p, "name");
      if (ts_node_is_null(name) && t == "typed_parameter")
        for_each_named_child(p, [&](TSNode c) {
          if (ts_node_is_null(name) && type(c) == "identifier") name = c;
        });
      if (!positional_only && type(name) == "identifier" && m.text(name) == "task_status") takes = true;
    }
    if (!takes || known_startable(cx, s.name)) continue;
    TSNode name = field(s.node, "name");
    out.push_back(cx.make("ASYNC114", name, s.name));
  }
}

// ASYNC122: `k = trio.move_on_after(5)` ... `with k:`, a relative timeout
// made apart from the `with` that enters it (older trio and anyio start the
// clock when the scope is made).
void delayed_entry(const CheckContext& cx, std::vector<Diagnostic>& out) {
  const SemanticModel& m = cx.model;
  for (const CallSite& site : m.calls()) {
    std::string q = callee_name(m, site.call, site.scope);
    if (q != "trio.move_on_after" && q != "trio.fail_after" && q != "anyio.move_on_after" && q != "anyio.fail_after")
      continue;
    TSNode parent = ts_node_parent(site.call);
    while (type(parent) == "parenthesized_expression") parent = ts_node_parent(parent);
    if (type(parent) == "as_pattern") parent = ts_node_parent(parent);
    if (type(parent) == "with_item") continue;
    out.push_back(cx.make("ASYNC122", site.call, q));
  }
}

void async_generators(const CheckContext& cx, std::vector<Diagnostic>& out) {
  const SemanticModel& m = cx.model;
  for (const Scope& s : m.scopes()) {
    if (s.kind != ScopeKind::Function || !s.is_async || !s.is_generator || type(s.node) != "function_definition")
      continue;
    bool transformed = false;
    for (TSNode d : s.decorators) {
      TSNode t = decorator_target(d);
      std::string_view name = type(t) == "attribute" ? m.text(field(t, "attribute")) : m.text(t);
      transformed = transformed || name == "asynccontextmanager" || name == "fixture" || name == "as_safe_channel";
    }
    if (transformed || decorated_with(m, s, cx.catalog.options.transform_async_generator_decorators)) continue;
    TSNode name = field(s.node, "name");
    out.push_back(cx.make_at("ASYNC900", ts_node_start_byte(s.node), ts_node_end_byte(name), m.text(name)));
  }
}

}  // namespace

void check_library_usage(const CheckContext& cx, std::vector<Diagnostic>& out) {
  TSNode root = cx.model.scopes()[0].node;
  if (cx.enabled("ASYNC106") || cx.enabled("ASYNC118") || cx.enabled("ASYNC127")) imports(cx, root, out);
  if (cx.enabled("ASYNC105")) unawaited_trio(cx, out);
  if (cx.enabled("ASYNC113")) start_soon_in_enter(cx, out);
  if (cx.enabled("ASYNC114")) unknown_startables(cx, out);
  if (cx.enabled("ASYNC122")) delayed_entry(cx, out);
  if (cx.enabled("ASYNC125")) deadlines(cx, out);
  if (cx.enabled("ASYNC128")) startables(cx, out);
  if (cx.enabled("ASYNC400")) star_handlers(cx, out);
  if (cx.enabled("ASYNC401")) raises_group(cx, out);
  if (cx.enabled("ASYNC900")) async_generators(cx, out);
}

}  // namespace asl
