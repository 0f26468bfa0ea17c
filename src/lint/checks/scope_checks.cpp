// Rules about what happens inside nurseries, task groups and cancel scopes:
// ASYNC101 yield-in-cancel-scope: a `yield` directly inside the block of a
//   nursery, task group or cancel scope, outside a context manager function.
// ASYNC102 await-in-finally-or-cancelled (trio, anyio): a checkpoint in a
//   `finally`, in a handler of the cancellation or in `__aexit__`, without a
//   shielded cancel scope around it: a pending cancellation hits it at once.
// ASYNC111 variable-from-cm-in-start-soon: a value of a context manager
//   entered inside a nursery's block, passed to a task the nursery starts:
//   the manager closes before the nursery waits for the task.
// ASYNC120 await-in-except: a checkpoint in an `except` that then raises:
//   a cancellation there replaces the exception being handled.
#include "lint/checks/scope_checks.h"

#include <array>
#include <optional>
#include <string>

#include "lint/checks/ast_helpers.h"
#include "lint/checks/timeout_checks.h"

namespace asl {
namespace {

std::string_view type(TSNode n) { return ts_node_is_null(n) ? std::string_view() : ts_node_type(n); }

// Each with_item of a `with` statement.
std::vector<TSNode> with_items(TSNode with) {
  std::vector<TSNode> items;
  for_each_named_child(with, [&](TSNode c) {
    if (type(c) == "with_clause")
      for_each_named_child(c, [&](TSNode i) {
        if (type(i) == "with_item") items.push_back(i);
      });
  });
  return items;
}
TSNode item_value(TSNode item) {
  TSNode v = field(item, "value");
  if (type(v) == "as_pattern") v = ts_node_named_child(v, 0);
  return unparenthesize(v);
}
// The name bound by `as name`, or null.
TSNode item_alias(TSNode item) {
  TSNode v = field(item, "value");
  if (type(v) != "as_pattern") return {};
  TSNode a = field(v, "alias");
  if (type(a) == "as_pattern_target") a = ts_node_named_child(a, 0);
  return type(a) == "identifier" ? a : TSNode{};
}

// Walks a tree keeping the scope (function or class) of the code reached.
struct Walker {
  const SemanticModel& m;
  int scope_of(TSNode def, int current) const {
    int s = m.definition_scope(def);
    return s >= 0 ? s : current;
  }
};

bool in_list(std::string_view q, std::span<const std::string_view> names) {
  for (auto n : names)
    if (q == n) return true;
  return false;
}

constexpr std::array<std::string_view, 10> kTrioScopes = {
    "trio.fail_after", "trio.fail_at", "trio.move_on_after", "trio.move_on_at", "trio.CancelScope",
    "anyio.fail_after", "anyio.fail_at", "anyio.move_on_after", "anyio.move_on_at", "anyio.CancelScope"};

// ---------------------------------------------------------------- ASYNC101

constexpr std::array<std::string_view, 21> kScopeManagers = {
    "trio.open_nursery", "anyio.create_task_group", "asyncio.TaskGroup", "asyncio.timeout", "asyncio.timeout_at",
    "trio_websocket.open_websocket", "trio_websocket.open_websocket_url", "trio_websocket.serve_websocket",
    "trio_asyncio.open_loop", "trio_parallel.open_worker_context", "trio_util.move_on_when",
    "trio_util.run_and_cancelling", "qtrio.open_emissions_nursery", "qtrio.enter_emissions_channel",
    "anyio.from_thread.BlockingPortal", "anyio.from_thread.start_blocking_portal", "asgi_lifespan.LifespanManager",
    "apscheduler.AsyncScheduler", "mcp.client.streamable_http.streamablehttp_client", "mcp.client.sse.sse_client",
    "trio.lowlevel.open_nursery"};

class YieldInScope {
 public:
  YieldInScope(const CheckContext& cx, std::vector<Diagnostic>& out) : cx_(cx), out_(out) {}
  void walk(TSNode n, int scope, bool error, bool safe) {
    auto t = type(n);
    if (t == "function_definition") {
      int s = Walker{cx_.model}.scope_of(n, scope);
      bool is_safe = false;
      if (s >= 0 && s != scope)
        for (TSNode d : cx_.model.scopes()[s].decorators) {
          TSNode target = decorator_target(d);
          std::string_view name = type(target) == "attribute" ? cx_.model.text(field(target, "attribute")) : cx_.model.text(target);
          is_safe = is_safe || name == "contextmanager" || name == "asynccontextmanager" || name == "fixture";
        }
      if (s >= 0 && s != scope)
        is_safe = is_safe || decorated_with(cx_.model, cx_.model.scopes()[s], cx_.catalog.options.transform_async_generator_decorators);
      for_each_named_child(n, [&](TSNode c) { walk(c, s, false, is_safe); });
      return;
    }
    if (t == "class_definition") {
      int s = Walker{cx_.model}.scope_of(n, scope);
      for_each_named_child(n, [&](TSNode c) { walk(c, s, error, safe); });
      return;
    }
    if (t == "with_statement") {
      bool opens = false;
      for (TSNode i : with_items(n)) {
        TSNode v = item_value(i);
        if (type(v) != "call") continue;
        std::string q = callee_name(cx_.model, v, scope);
        opens = opens || in_list(q, kScopeManagers) || in_list(q, kTrioScopes);
      }
      // As flake8-async: only the innermost such block counts.
      bool inner = !safe && !error && opens;
      for_each_named_child(n, [&](TSNode c) { walk(c, scope, type(c) == "block" ? inner : error, safe); });
      return;
    }
    if (t == "yield" && error) out_.push_back(cx_.make("ASYNC101", n, {}));
    for_each_named_child(n, [&](TSNode c) { walk(c, scope, error, safe); });
  }

 private:
  const CheckContext& cx_;
  std::vector<Diagnostic>& out_;
};

// ---------------------------------------------------------------- ASYNC111

class ValueFromInnerManager {
 public:
  ValueFromInnerManager(const CheckContext& cx, std::vector<Diagnostic>& out) : cx_(cx), out_(out) {}

  void walk(TSNode n, int scope) {
    auto t = type(n);
    const SemanticModel& m = cx_.model;
    if (t == "function_definition" || t == "lambda" || t == "class_definition") {
      auto saved_cms = std::move(cms_);
      auto saved_call = call_;
      cms_.clear();
      call_.reset();
      int s = t == "lambda" ? scope : Walker{m}.scope_of(n, scope);
      for_each_named_child(n, [&](TSNode c) { walk(c, s); });
      cms_ = std::move(saved_cms);
      call_ = saved_call;
      return;
    }
    if (t == "with_statement") {
      size_t depth = cms_.size();
      for (TSNode i : with_items(n)) {
        TSNode a = item_alias(i);
        if (ts_node_is_null(a)) continue;
        TSNode v = item_value(i);
        std::string q = type(v) == "call" ? callee_name(m, v, scope) : std::string();
        bool nursery = q == "trio.open_nursery" || q == "anyio.create_task_group" || q == "asyncio.TaskGroup";
        cms_.push_back({std::string(m.text(a)), ts_node_start_point(v).row + 1, nursery});
      }
      for_each_named_child(n, [&](TSNode c) { walk(c, scope); });
      cms_.resize(depth);
      return;
    }
    if (t == "call") {
      auto saved = call_;
      TSNode f = field(n, "function");
      if (type(f) == "attribute" && type(field(f, "object")) == "identifier") {
        std::string_view method = m.text(field(f, "attribute"));
        if (method == "start" || method == "start_soon" || method == "create_task") {
          call_.reset();
          std::string_view obj = m.text(field(f, "object"));
          for (size_t i = 0; i < cms_.size(); ++i)
            if (cms_[i].name == obj) call_ = cms_[i].nursery ? std::optional<size_t>(i) : std::nullopt;
        }
      }
      for_each_named_child(n, [&](TSNode c) { walk(c, scope); });
      call_ = saved;
      return;
    }
    if (t == "attribute") {
      walk(field(n, "object"), scope);  // the attribute's own name is no variable
      return;
    }
    if (t == "keyword_argument") {
      walk(field(n, "value"), scope);
      return;
    }
    if (t == "identifier" && call_) {
      std::string_view name = m.text(n);
      for (size_t i = *call_ + 1; i < cms_.size(); ++i)
        if (cms_[i].name == name)
          out_.push_back(cx_.make("ASYNC111", n, name,
                                  "line " + std::to_string(cms_[i].line) + ", inside the nursery of line " +
                                      std::to_string(cms_[*call_].line)));
      return;
    }
    for_each_named_child(n, [&](TSNode c) { walk(c, scope); });
  }

 private:
  struct Cm {
    std::string name;
    uint32_t line;
    bool nursery;
  };
  const CheckContext& cx_;
  std::vector<Diagnostic>& out_;
  std::vector<Cm> cms_;
  std::optional<size_t> call_;
};

// ---------------------------------------------------------- ASYNC102 / 120

class CheckpointInCleanup {
 public:
  CheckpointInCleanup(const CheckContext& cx, std::vector<Diagnostic>& out, bool trio_like)
      : cx_(cx), out_(out), trio_like_(trio_like) {}

  void walk(TSNode n, int scope) {
    const SemanticModel& m = cx_.model;
    auto t = type(n);
    if (t == "function_definition" || t == "class_definition") {
      State saved = std::move(st_);
      st_ = State{};
      int s = Walker{m}.scope_of(n, scope);
      if (t == "function_definition" && m.text(field(n, "name")) == "__aexit__")
        st_.critical = Critical{"`__aexit__`", ts_node_start_point(n).row + 1, false};
      for_each_named_child(n, [&](TSNode c) { walk(c, s); });
      st_ = std::move(saved);
      return;
    }
    if (t == "lambda") return;
    if (t == "await") {
      if (!safe_await(n, scope)) checkpoint(n);
      for_each_named_child(n, [&](TSNode c) { walk(c, scope); });
      return;
    }
    if (t == "for_statement" && has_async_keyword(n)) checkpoint(n);
    if (t == "with_statement") {
      auto items = with_items(n);
      if (has_async_keyword(n))
        for (TSNode i : items) {
          TSNode v = item_value(i);
          std::string q = type(v) == "call" ? callee_name(m, v, scope) : std::string();
          if (q != "trio.open_nursery" && q != "anyio.create_task_group") {
            checkpoint(n);
            break;
          }
        }
      size_t depth = st_.scopes.size();
      for (TSNode i : items) {
        TSNode v = item_value(i);
        if (type(v) != "call") continue;
        std::string q = callee_name(m, v, scope);
        bool timeout = in_list(q, kTrioScopes);
        if (!timeout && q != "trio.open_nursery" && q != "anyio.create_task_group") continue;
        Scope s;
        if (TSNode a = item_alias(i); !ts_node_is_null(a)) s.variable = std::string(m.text(a));
        if (timeout) {
          TSNode shield = argument(v, -1, "shield", m);
          s.shielded = type(shield) == "true" ||
                       (type(shield) == "integer" && m.text(shield).find_first_not_of("0_") != std::string_view::npos);
        }
        st_.scopes.push_back(s);
        break;
      }
      for_each_named_child(n, [&](TSNode c) { walk(c, scope); });
      st_.scopes.resize(depth);
      return;
    }
    if (t == "try_statement") {
      State saved = st_;
      st_.cancelled_caught = false;
      TSNode finally_clause{};
      for_each_named_child(n, [&](TSNode c) {
        if (type(c) == "finally_clause") finally_clause = c;
        else walk(c, scope);
      });
      if (!ts_node_is_null(finally_clause)) {
        st_.scopes.clear();
        st_.critical = Critical{"`try/finally`", ts_node_start_point(n).row + 1, false};
        for_each_named_child(finally_clause, [&](TSNode c) { walk(c, scope); });
      }
      st_.critical = saved.critical;
      st_.scopes = saved.scopes;
      st_.cancelled_caught = saved.cancelled_caught;
      return;
    }
    if (t == "except_clause" || t == "except_group_clause") {
      if (st_.critical && !st_.critical->except) {
        for_each_named_child(n, [&](TSNode c) { walk(c, scope); });
        return;
      }
      auto saved_critical = st_.critical;
      auto saved_scopes = st_.scopes;
      auto saved_potential = std::move(st_.potential);
      st_.scopes.clear();
      st_.potential.clear();
      uint32_t line = ts_node_start_point(n).row + 1;
      std::optional<std::string> what = st_.cancelled_caught ? std::nullopt : critical_handler(n, scope);
      if (what) {
        st_.critical = Critical{*what, line, false};
        st_.cancelled_caught = true;
      } else {
        st_.critical = Critical{"`except`", line, true};
      }
      for_each_named_child(n, [&](TSNode c) { walk(c, scope); });
      st_.critical = saved_critical;
      st_.scopes = std::move(saved_scopes);
      st_.potential = std::move(saved_potential);
      return;
    }
    if (t == "raise_statement") {
      for_each_named_child(n, [&](TSNode c) { walk(c, scope); });
      if (cx_.enabled("ASYNC120"))
        for (auto& [node, detail] : st_.potential) out_.push_back(cx_.make("ASYNC120", node, {}, detail));
      st_.potential.clear();
      return;
    }
    if (t == "assignment") shield_assignment(n);
    for_each_named_child(n, [&](TSNode c) { walk(c, scope); });
  }

 private:
  struct Critical {
    std::string what;
    uint32_t line;
    bool except;  // a handler that does not catch the cancellation (ASYNC120)
  };
  struct Scope {
    std::string variable;
    bool shielded = false;
  };
  struct State {
    std::optional<Critical> critical;
    std::vector<Scope> scopes;
    bool cancelled_caught = false;
    std::vector<std::pair<TSNode, std::string>> potential;
  };

  void checkpoint(TSNode n) {
    if (!st_.critical) return;
    for (const Scope& s : st_.scopes)
      if (s.shielded) return;
    std::string detail = st_.critical->what + " on line " + std::to_string(st_.critical->line);
    if (st_.critical->except) st_.potential.emplace_back(n, detail);
    else if (trio_like_ && cx_.enabled("ASYNC102")) out_.push_back(cx_.make("ASYNC102", n, {}, detail));
  }

  // `await x.aclose()`, `await trio.aclose_forcefully(x)`,
  // `await trio.lowlevel.cancel_shielded_checkpoint()` (or trio._core's, inside trio).
  bool safe_await(TSNode n, int scope) const {
    const SemanticModel& m = cx_.model;
    TSNode call = unparenthesize(ts_node_named_child(n, 0));
    if (type(call) != "call") return false;
    TSNode f = field(call, "function");
    if (type(f) == "attribute" && m.text(field(f, "attribute")) == "aclose" && argument_count(call) == 0) return true;
    std::string q = callee_name(m, call, scope);
    // Through trio / trio.lowlevel (anyio's likewise), or inside the library
    // from the module that defines it (trio._core, trio._highlevel_generic).
    if (!q.starts_with("trio.") && !q.starts_with("anyio.")) return false;
    if (q.ends_with(".aclose_forcefully")) return true;
    return argument_count(call) == 0 && q.ends_with(".cancel_shielded_checkpoint");
  }

  // What a handler catches when it catches the cancellation, or nullopt.
  std::optional<std::string> critical_handler(TSNode h, int scope) const {
    const SemanticModel& m = cx_.model;
    TSNode caught{};
    for_each_named_child(h, [&](TSNode c) {
      if (ts_node_is_null(caught) && type(c) != "block" && type(c) != "comment") caught = c;
    });
    if (ts_node_is_null(caught)) return std::string("bare `except:`");
    if (type(caught) == "as_pattern") caught = ts_node_named_child(caught, 0);
    caught = unparenthesize(caught);
    std::vector<TSNode> alternatives;
    if (type(caught) == "tuple") for_each_named_child(caught, [&](TSNode c) { alternatives.push_back(c); });
    else alternatives.push_back(caught);
    for (TSNode e : alternatives) {
      e = unparenthesize(e);
      if (type(e) == "call") {
        if (argument_count(e) == 0 && callee_name(m, e, scope) == "anyio.get_cancelled_exc_class")
          return "`except anyio.get_cancelled_exc_class()`";
        continue;
      }
      auto q = m.qualified_name(e, scope);
      if (!q) continue;
      if (*q == "builtins.BaseException" || *q == "trio.Cancelled" || *q == "asyncio.CancelledError" ||
          *q == "asyncio.exceptions.CancelledError")
        return "`except " + std::string(m.text(e)) + "`";
    }
    return std::nullopt;
  }

  // `scope.shield = True`, `nursery.cancel_scope.shield = True`.
  void shield_assignment(TSNode n) {
    const SemanticModel& m = cx_.model;
    TSNode left = field(n, "left"), right = field(n, "right");
    if (type(left) != "attribute" || m.text(field(left, "attribute")) != "shield") return;
    auto rt = type(right);
    if (rt != "true" && rt != "false" && rt != "integer" && rt != "none") return;
    TSNode obj = field(left, "object");
    if (type(obj) == "attribute" && m.text(field(obj, "attribute")) == "cancel_scope") obj = field(obj, "object");
    if (type(obj) != "identifier") return;
    for (auto it = st_.scopes.rbegin(); it != st_.scopes.rend(); ++it)
      if (!it->variable.empty() && it->variable == m.text(obj))
        it->shielded = rt == "true" || (rt == "integer" && m.text(right).find_first_not_of("0_") != std::string_view::npos);
  }

  const CheckContext& cx_;
  std::vector<Diagnostic>& out_;
  bool trio_like_;
  State st_;
};

bool uses_trio_or_anyio(const SemanticModel& m) {
  for (const auto& [name, bindings] : m.scopes()[0].bindings)
    for (const Binding& b : bindings)
      if (b.kind == Binding::Kind::Import &&
          (b.qualified == "trio" || b.qualified.starts_with("trio.") || b.qualified == "anyio" ||
           b.qualified.starts_with("anyio.")))
        return true;
  return false;
}

}  // namespace

void check_scopes(const CheckContext& cx, std::vector<Diagnostic>& out) {
  TSNode root = cx.model.scopes()[0].node;
  if (cx.enabled("ASYNC101")) YieldInScope(cx, out).walk(root, 0, false, false);
  if (cx.enabled("ASYNC111")) ValueFromInnerManager(cx, out).walk(root, 0);
  if (cx.enabled("ASYNC102") || cx.enabled("ASYNC120"))
    CheckpointInCleanup(cx, out, uses_trio_or_anyio(cx.model)).walk(root, 0);
}

}  // namespace asl
