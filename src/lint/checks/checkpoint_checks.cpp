// ASYNC910 async-function-no-checkpoint, ASYNC911 async-generator-no-checkpoint,
// ASYNC912 cancel-scope-no-guaranteed-checkpoint, ASYNC913
// indefinite-loop-no-guaranteed-checkpoint (flake8-async's 9xx rules, off by
// default).
//
// One forward pass over each async function keeps the set of "open" points:
// the places (the definition, a `yield`) from which the current position can
// be reached without passing a checkpoint. An `await`, `async for`,
// `async with` or `raise` closes them all; a `return`, a `yield` or the end of
// the function with open points is reported once per point. Branches join
// their sets; a loop body starts from a marker that stands for "the previous
// turn", and what reaches the marker at an exit is reported against the points
// open before the loop, at the end of the body and before each `continue`.
// `with` over a cancel scope adds a marker of its own: one still open at the
// scope's end, once something inside did checkpoint, means a path without a
// cancel point (ASYNC912).
#include "lint/checks/checkpoint_checks.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>

#include "lint/checks/ast_helpers.h"

namespace asl {
namespace {

// What an open point is: the function's definition, a yield, or a marker.
enum class Point { Definition, Yield, LoopMarker, ScopeMarker };

struct Open {
  Point kind;
  uint32_t line;
  uint32_t column;
  auto operator<=>(const Open&) const = default;
};
using Opens = std::set<Open>;

constexpr Open kLoopMarker{Point::LoopMarker, 0, 0};

bool marker(const Open& o) { return o.kind == Point::LoopMarker || o.kind == Point::ScopeMarker; }

void join(Opens& into, const Opens& from) { into.insert(from.begin(), from.end()); }

std::string_view type(TSNode n) { return ts_node_is_null(n) ? std::string_view() : ts_node_type(n); }

bool is_definition(TSNode n) {
  auto t = type(n);
  return t == "function_definition" || t == "class_definition" || t == "decorated_definition" || t == "lambda";
}

// A body of `pass`, `...` and string literals only.
bool empty_body(TSNode body) {
  bool empty = true;
  for_each_named_child(body, [&](TSNode s) {
    auto t = type(s);
    if (t == "comment" || t == "pass_statement") return;
    if (t == "expression_statement" && ts_node_named_child_count(s) == 1) {
      TSNode e = ts_node_named_child(s, 0);
      if (type(e) == "ellipsis") return;
      if (type(e) == "string") {
        bool interpolated = false;
        for_each_named_child(e, [&](TSNode p) { interpolated = interpolated || type(p) == "interpolation"; });
        if (!interpolated) return;
      }
    }
    empty = false;
  });
  return empty;
}

// Any await, async for or async with under `n`, nested functions included.
bool has_checkpoint_anywhere(TSNode n) {
  std::vector<TSNode> todo{n};
  while (!todo.empty()) {
    TSNode c = todo.back();
    todo.pop_back();
    auto t = type(c);
    if (t == "await") return true;
    if ((t == "with_statement" || t == "for_statement" || t == "for_in_clause") && has_async_keyword(c)) return true;
    for_each_named_child(c, [&](TSNode x) { todo.push_back(x); });
  }
  return false;
}

TSNode definition_of(TSNode stmt) {
  return type(stmt) == "decorated_definition" ? field(stmt, "definition") : stmt;
}

// `__aenter__` / `__aexit__` that need not checkpoint: the other one of the
// pair does, or is inherited (the class has bases), or neither does and this
// is `__aexit__` (the pair is reported once, at `__aenter__`).
bool exempt_context_method(const SemanticModel& m, const Scope& fn) {
  if (fn.name != "__aenter__" && fn.name != "__aexit__") return false;
  TSNode parent = ts_node_parent(fn.node);
  if (type(parent) == "decorated_definition") parent = ts_node_parent(parent);
  if (type(parent) != "block" || type(ts_node_parent(parent)) != "class_definition") return false;
  TSNode cls = ts_node_parent(parent);
  std::map<std::string_view, bool> defined;
  for_each_named_child(parent, [&](TSNode s) {
    TSNode d = definition_of(s);
    if (type(d) != "function_definition" || !is_async_function(d)) return;
    std::string_view name = m.text(field(d, "name"));
    if (name == "__aenter__" || name == "__aexit__") defined[name] = has_checkpoint_anywhere(d);
  });
  auto self = defined.find(fn.name);
  if (self == defined.end() || self->second) return false;
  auto partner = defined.find(fn.name == "__aenter__" ? "__aexit__" : "__aenter__");
  if (partner != defined.end()) return partner->second || fn.name == "__aexit__";
  TSNode bases = field(cls, "superclasses");
  bool any = false;
  for_each_named_child(bases, [&](TSNode b) { any = any || (type(b) != "keyword_argument" && type(b) != "comment"); });
  return any;
}

class Flow {
 public:
  Flow(const CheckContext& cx, int scope, std::vector<Diagnostic>& out) : cx_(cx), m_(cx.model), scope_(scope), out_(out) {}

  void function(const Scope& fn) {
    for (TSNode d : fn.decorators) {
      TSNode t = decorator_target(d);
      std::string_view name = type(t) == "attribute" ? m_.text(field(t, "attribute")) : m_.text(t);
      if (name == "overload" || name == "fixture") return;
    }
    if (decorated_with(m_, fn, cx_.catalog.options.no_checkpoint_warning_decorators)) return;
    TSNode body = field(fn.node, "body");
    if (empty_body(body)) return;
    exempt_ = exempt_context_method(m_, fn);
    TSPoint at = ts_node_start_point(fn.node);
    def_start_ = ts_node_start_byte(fn.node);
    def_end_ = ts_node_end_byte(field(fn.node, "name"));
    open_ = {Open{Point::Definition, at.row + 1, at.column}};
    block(body);
    exit_point({}, "exit");
  }

 private:
  struct Loop {
    Opens before_continue, before_break;
    std::vector<std::pair<TSNode, const char*>> marker_exits;
    bool endless = false, runs_once = false, has_break = false;
  };
  struct Cm {
    std::optional<bool> checkpointed;
    TSNode call{};
    Open mark{};
    bool cancel_scope = false;
  };

  // --- state changes

  void cancel_point() {
    for (auto it = cms_.rbegin(); it != cms_.rend(); ++it) {
      if (it->checkpointed == true) break;
      it->checkpointed = true;
    }
    task_groups_.clear();
  }
  void checkpoint() {
    open_.clear();
    cancel_point();
  }
  void schedule_point() {
    for (auto it = open_.begin(); it != open_.end();) it = marker(*it) ? std::next(it) : open_.erase(it);
  }

  void report(TSNode node, const char* what, const Open& since) {
    if (exempt_) return;
    const char* code = has_yield_ ? "ASYNC911" : "ASYNC910";
    if (!cx_.enabled(code)) return;
    std::string origin = fmt_since(since);
    if (ts_node_is_null(node)) out_.push_back(cx_.make_at(code, def_start_, def_end_, origin, what));
    else out_.push_back(cx_.make(code, node, origin, what));
  }
  static std::string fmt_since(const Open& o) {
    return std::string(o.kind == Point::Yield ? "the `yield` on line " : "the function definition on line ") +
           std::to_string(o.line);
  }

  // An exit (null node: the end of the function), a `return` or a `yield`.
  void exit_point(TSNode node, const char* what) {
    if (open_.empty()) return;
    if (open_.contains(kLoopMarker)) loop_.marker_exits.emplace_back(node, what);
    for (const Open& o : open_)
      if (!marker(o)) report(node, what, o);
  }

  // --- expressions

  void expr(TSNode n) {
    if (ts_node_is_null(n)) return;
    auto t = type(n);
    if (is_definition(n) || t == "comment") return;
    if (t == "await") {
      for_each_named_child(n, [&](TSNode c) { expr(c); });
      checkpoint();
      return;
    }
    if (t == "yield") {
      for_each_named_child(n, [&](TSNode c) { expr(c); });
      has_yield_ = true;
      cancel_point();
      exit_point(n, "yield");
      TSPoint p = ts_node_start_point(n);
      open_ = {Open{Point::Yield, p.row + 1, p.column}};
      return;
    }
    if (t == "boolean_operator") {
      expr(field(n, "left"));
      Opens before = open_;
      expr(field(n, "right"));
      join(open_, before);
      return;
    }
    if (t == "conditional_expression") {
      std::vector<TSNode> parts;
      for_each_named_child(n, [&](TSNode c) {
        if (type(c) != "comment") parts.push_back(c);
      });
      if (parts.size() == 3) {
        expr(parts[1]);
        Opens after_test = open_;
        expr(parts[0]);
        std::swap(open_, after_test);
        expr(parts[2]);
        join(open_, after_test);
        return;
      }
    }
    if (t == "list_comprehension" || t == "set_comprehension" || t == "dictionary_comprehension") {
      comprehension(n);
      return;
    }
    if (t == "generator_expression") {
      // Only the first iterable is evaluated where the generator is made.
      bool first = true;
      for_each_named_child(n, [&](TSNode c) {
        if (first && type(c) == "for_in_clause") {
          first = false;
          expr(field(c, "right"));
        }
      });
      return;
    }
    if (t == "call") {
      TSNode f = field(n, "function");
      if (type(f) == "attribute" && m_.text(field(f, "attribute")) == "start_soon") {
        auto it = task_groups_.find(std::string(m_.text(field(f, "object"))));
        if (it != task_groups_.end()) it->second = true;
      }
    }
    for_each_named_child(n, [&](TSNode c) { expr(c); });
  }

  // Only what surely runs counts: the first iterable, and the element when
  // every `for` surely runs once and no `if` filters.
  void comprehension(TSNode n) {
    if (open_.empty()) return;
    std::vector<TSNode> clauses;
    for_each_named_child(n, [&](TSNode c) {
      if (type(c) == "for_in_clause" || type(c) == "if_clause") clauses.push_back(c);
    });
    bool unknown = true;
    for (size_t i = 0; i < clauses.size() && unknown; ++i) {
      TSNode c = clauses[i];
      if (type(c) != "for_in_clause" || open_.empty()) break;
      if (has_async_keyword(c)) {
        checkpoint();
        unknown = false;
        break;
      }
      TSNode iter = field(c, "right");
      expr(iter);
      if (!runs_once(m_, iter)) {
        unknown = false;
      } else if (i + 1 < clauses.size() && type(clauses[i + 1]) == "if_clause") {
        unknown = false;
        for_each_named_child(clauses[i + 1], [&](TSNode x) { expr(x); });
      }
    }
    if (unknown && !open_.empty()) expr(field(n, "body"));
  }

  // --- statements

  void block(TSNode b) {
    if (ts_node_is_null(b)) return;
    if (type(b) != "block") {
      statement(b);
      return;
    }
    for_each_named_child(b, [&](TSNode s) { statement(s); });
  }

  void statement(TSNode s) {
    auto t = type(s);
    if (t == "function_definition" || t == "decorated_definition") {
      // The defaults of a nested function are evaluated where it is defined.
      TSNode d = definition_of(s);
      for_each_named_child(field(d, "parameters"), [&](TSNode p) { expr(field(p, "value")); });
      return;
    }
    if (is_definition(s) || t == "comment") return;
    if (t == "return_statement") {
      for_each_named_child(s, [&](TSNode c) { expr(c); });
      exit_point(s, "return");
      schedule_point();
    } else if (t == "raise_statement") {
      for_each_named_child(s, [&](TSNode c) { expr(c); });
      checkpoint();
    } else if (t == "if_statement") {
      std::vector<TSNode> alternatives;
      for_each_named_child(s, [&](TSNode c) {
        if (type(c) == "elif_clause" || type(c) == "else_clause") alternatives.push_back(c);
      });
      if_chain(field(s, "condition"), field(s, "consequence"), alternatives, 0);
    } else if (t == "while_statement" || t == "for_statement") {
      loop(s, t == "for_statement");
    } else if (t == "try_statement") {
      try_statement(s);
    } else if (t == "with_statement") {
      with_statement(s);
    } else if (t == "match_statement") {
      match_statement(s);
    } else if (t == "continue_statement") {
      join(loop_.before_continue, open_);
    } else if (t == "break_statement") {
      loop_.has_break = true;
      join(loop_.before_break, open_);
    } else {
      for_each_named_child(s, [&](TSNode c) { expr(c); });
    }
  }

  void if_chain(TSNode condition, TSNode body, const std::vector<TSNode>& alternatives, size_t i) {
    expr(condition);
    Opens after_test = open_;
    block(body);
    std::swap(open_, after_test);  // after_test now holds the state after the body
    if (i < alternatives.size()) {
      TSNode a = alternatives[i];
      if (type(a) == "elif_clause") if_chain(field(a, "condition"), field(a, "consequence"), alternatives, i + 1);
      else block(field(a, "body"));
    }
    join(open_, after_test);
  }

  void loop(TSNode n, bool is_for) {
    Loop outer_loop = std::move(loop_);
    loop_ = Loop{};
    bool async_for = is_for && has_async_keyword(n);
    if (is_for) {
      loop_.runs_once = runs_once(m_, field(n, "right"));
      expr(field(n, "right"));
    } else {
      TSNode c = field(n, "condition");
      loop_.endless = loop_.runs_once = always_true(m_, c);
      expr(c);
    }
    Opens before = open_;
    if (async_for) checkpoint();
    else open_ = {kLoopMarker};
    block(field(n, "body"));

    // The exits that reached the marker are reported against every point
    // that can precede a turn of the loop.
    if (!loop_.marker_exits.empty()) {
      Opens all = before;
      join(all, open_);
      join(all, loop_.before_continue);
      for (auto [node, what] : loop_.marker_exits)
        for (const Open& o : all)
          if (!marker(o)) report(node, what, o);
    }
    if (loop_.endless && !loop_.has_break && open_.contains(kLoopMarker) && cx_.enabled("ASYNC913"))
      out_.push_back(cx_.make_at("ASYNC913", ts_node_start_byte(n), ts_node_end_byte(field(n, is_for ? "right" : "condition")), {}, {}));
    for (Opens* set : {&loop_.before_continue, &loop_.before_break, &open_})
      if (set->erase(kLoopMarker)) join(*set, before);
    if (async_for) {
      checkpoint();
    } else {
      if (!loop_.runs_once) join(open_, before);
      if (!loop_.endless) join(open_, loop_.before_continue);
    }
    TSNode alternative = field(n, "alternative");
    if (!ts_node_is_null(alternative)) block(field(alternative, "body"));
    if (loop_.endless && !loop_.has_break) open_.clear();
    else join(open_, loop_.before_break);
    loop_ = std::move(outer_loop);
  }

  void try_statement(TSNode n) {
    // Any point of the body may jump to a handler: handlers start from the
    // state before the body plus every yield in it.
    Opens entry = open_;
    std::vector<TSNode> todo{field(n, "body")};
    while (!todo.empty()) {
      TSNode c = todo.back();
      todo.pop_back();
      if (type(c) == "yield") {
        TSPoint p = ts_node_start_point(c);
        entry.insert(Open{Point::Yield, p.row + 1, p.column});
      }
      for_each_named_child(c, [&](TSNode x) { todo.push_back(x); });
    }
    block(field(n, "body"));
    Opens after_body = open_, handlers;
    bool catch_all = false;
    TSNode else_clause{}, finally_clause{};
    for_each_named_child(n, [&](TSNode h) {
      auto t = type(h);
      if (t == "else_clause") else_clause = h;
      if (t == "finally_clause") finally_clause = h;
      if (t != "except_clause" && t != "except_group_clause") return;
      open_ = entry;
      TSNode caught{}, body{};
      for_each_named_child(h, [&](TSNode c) {
        if (type(c) == "block") body = c;
        else if (type(c) != "comment" && ts_node_is_null(caught)) caught = c;
      });
      TSNode e = type(caught) == "as_pattern" ? ts_node_named_child(caught, 0) : caught;
      if (ts_node_is_null(e) || m_.text(e) == "BaseException") catch_all = true;
      expr(caught);
      block(body);
      join(handlers, open_);
    });
    open_ = after_body;
    if (!ts_node_is_null(else_clause)) block(field(else_clause, "body"));
    join(open_, handlers);
    if (!ts_node_is_null(finally_clause)) {
      Opens added;
      for (const Open& o : entry)
        if (!open_.contains(o)) added.insert(o);
      if (!catch_all) join(open_, added);
      TSNode body{};
      for_each_named_child(finally_clause, [&](TSNode c) {
        if (type(c) == "block") body = c;
      });
      block(body);
      for (const Open& o : added) open_.erase(o);
    }
  }

  static TSNode item_value(TSNode item) {
    TSNode v = field(item, "value");
    if (type(v) == "as_pattern") v = ts_node_named_child(v, 0);
    return unparenthesize(v);
  }
  static TSNode item_alias(TSNode item) {
    TSNode v = field(item, "value");
    if (type(v) != "as_pattern") return {};
    TSNode a = field(v, "alias");
    if (ts_node_is_null(a)) a = ts_node_named_child(v, 1);
    if (type(a) == "as_pattern_target") a = ts_node_named_child(a, 0);
    return type(a) == "identifier" ? a : TSNode{};
  }
  std::string qualified(TSNode call) const { return type(call) == "call" ? callee_name(m_, call, scope_) : std::string(); }
  // `contextlib.suppress(...)`, or a manager configured as one that may swallow exceptions.
  bool suppresses(TSNode v) const {
    if (type(v) != "call") return false;
    std::string q = qualified(v);
    if (q == "contextlib.suppress") return true;
    TSNode f = field(v, "function");
    auto ft = type(f);
    if (ft != "identifier" && ft != "attribute") return false;
    return matches_configured(cx_.catalog.options.exception_suppress_context_managers, m_.text(f), q);
  }
  static bool task_group(const std::string& q) { return q == "trio.open_nursery" || q == "anyio.create_task_group"; }
  static bool cancel_scope(const std::string& q) {
    static constexpr std::array<std::string_view, 12> kNames = {
        "trio.fail_after", "trio.fail_at", "trio.move_on_after", "trio.move_on_at", "trio.CancelScope",
        "anyio.fail_after", "anyio.fail_at", "anyio.move_on_after", "anyio.move_on_at", "anyio.CancelScope",
        "asyncio.timeout", "asyncio.timeout_at"};
    for (auto k : kNames)
      if (q == k) return true;
    return false;
  }

  void with_statement(TSNode n) {
    bool async = has_async_keyword(n);
    std::vector<TSNode> items;
    for_each_named_child(n, [&](TSNode c) {
      if (type(c) == "with_clause")
        for_each_named_child(c, [&](TSNode i) {
          if (type(i) == "with_item") items.push_back(i);
        });
    });
    for (TSNode i : items) expr(field(i, "value"));
    auto saved_groups = task_groups_;
    bool suppressing = false;
    for (TSNode i : items) suppressing = suppressing || suppresses(item_value(i));
    Opens before = open_;
    size_t base = cms_.size();
    for (TSNode i : items) {
      cms_.push_back(Cm{});
      TSNode v = item_value(i);
      std::string q = qualified(v);
      if (task_group(q)) {
        if (TSNode a = item_alias(i); !ts_node_is_null(a)) task_groups_[std::string(m_.text(a))] = false;
        schedule_point();
        continue;
      }
      if (async) checkpoint();
      if (type(v) != "call") continue;
      if (suppresses(v)) continue;
      if (cancel_scope(q)) {
        TSPoint p = ts_node_start_point(i);
        Cm& cm = cms_.back();
        cm.mark = Open{Point::ScopeMarker, p.row + 1, p.column};
        open_.insert(cm.mark);
        cm.checkpointed = false;
        cm.call = v;
        cm.cancel_scope = true;
      }
    }
    block(field(n, "body"));
    while (cms_.size() > base) {
      Cm cm = cms_.back();
      cms_.pop_back();
      if (cm.cancel_scope && cm.checkpointed == true && open_.erase(cm.mark) && cx_.enabled("ASYNC912"))
        out_.push_back(cx_.make("ASYNC912", cm.call, m_.text(field(cm.call, "function"))));
    }
    if (suppressing) {
      join(before, open_);
      open_ = std::move(before);
      task_groups_ = std::move(saved_groups);
    }
    if (!async) return;
    for (TSNode i : items) {
      if (!task_group(qualified(item_value(i)))) {
        checkpoint();
        return;
      }
      if (TSNode a = item_alias(i); !ts_node_is_null(a)) {
        auto it = task_groups_.find(std::string(m_.text(a)));
        bool started = it != task_groups_.end() && it->second;
        if (it != task_groups_.end()) task_groups_.erase(it);
        if (started) {
          checkpoint();
          return;
        }
      }
    }
    schedule_point();
  }

  void match_statement(TSNode n) {
    TSNode body{};
    for_each_named_child(n, [&](TSNode c) {
      if (type(c) == "block") body = c;
      else if (type(c) != "comment" && type(c) != "case_clause") expr(c);
    });
    Opens base = open_, cases;
    bool fallback = false;
    std::vector<TSNode> clauses;
    for_each_named_child(ts_node_is_null(body) ? n : body, [&](TSNode c) {
      if (type(c) == "case_clause") clauses.push_back(c);
    });
    for (TSNode c : clauses) {
      open_ = base;
      TSNode guard = field(c, "guard");
      int patterns = 0;
      bool capture = false;
      for_each_named_child(c, [&](TSNode p) {
        if (type(p) != "case_pattern") return;
        ++patterns;
        std::string_view text = m_.text(p);
        capture = !text.empty() && text.find_first_not_of(
                                       "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789") ==
                                       std::string_view::npos &&
                  !(text[0] >= '0' && text[0] <= '9');
      });
      expr(guard);
      if (patterns == 1 && capture && (ts_node_is_null(guard) || open_.empty())) fallback = true;
      block(field(c, "consequence"));
      join(cases, open_);
    }
    open_ = std::move(cases);
    if (!fallback) join(open_, base);
  }

  const CheckContext& cx_;
  const SemanticModel& m_;
  int scope_;
  std::vector<Diagnostic>& out_;
  Opens open_;
  Loop loop_;
  std::vector<Cm> cms_;
  std::map<std::string, bool> task_groups_;
  bool has_yield_ = false;
  bool exempt_ = false;
  uint32_t def_start_ = 0, def_end_ = 0;
};

}  // namespace

void check_checkpoints(const CheckContext& cx, std::vector<Diagnostic>& out) {
  if (!cx.enabled("ASYNC910") && !cx.enabled("ASYNC911") && !cx.enabled("ASYNC912") && !cx.enabled("ASYNC913"))
    return;
  const auto& scopes = cx.model.scopes();
  for (size_t i = 0; i < scopes.size(); ++i) {
    const Scope& s = scopes[i];
    if (s.kind != ScopeKind::Function || !s.is_async || type(s.node) != "function_definition") continue;
    Flow(cx, static_cast<int>(i), out).function(s);
  }
}

}  // namespace asl
