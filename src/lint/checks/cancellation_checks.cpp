// ASYNC103 no-reraise-cancelled: an `except` that catches cancellation
// (asyncio.CancelledError, trio.Cancelled, anyio's cancelled class,
// BaseException, a bare except) with a path through it that does not
// re-raise. Cancelling a task raises at its pending await; a handler that
// carries on makes `cancel()`, timeouts and task groups wait on a task that
// goes on as if nothing happened.
// ASYNC104 cancelled-not-raised: a `return`, `yield`, `break` or `continue`
// out of such a handler, or a `raise` of something other than what it
// caught: the cancellation is lost as well.
//
// Which handlers: in a file written for trio or anyio (file_framework), those
// in async code and at module level, as flake8-async defines the rules (it
// also reports synchronous functions, which no cancellation reaches, and
// where real code catches BaseException to hand it on); in an asyncio file, those in async
// code around a `try` body that awaits, where a cancellation can arrive, and
// a path that leaves the handler by `return`, `break` or `continue` is
// ASYNC104's alone (flake8-async makes it ASYNC103 as well).
// The paths through a handler are followed the way flake8-async follows them:
// a `raise` ends a path; an `if` re-raises when all its branches (with an
// `else`) do, a `match` when all its cases do and one of them takes
// anything; a loop's body counts when it surely runs (`while True`, a
// non-empty literal) and does not `continue` on an open path; a nested `try`
// counts only through its `finally`.
#include "lint/checks/cancellation_checks.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/checks/ast_helpers.h"

namespace asl {
namespace {

std::string_view type(TSNode n) { return ts_node_is_null(n) ? std::string_view() : ts_node_type(n); }

// The libraries whose cancellation an exception expression catches.
constexpr unsigned kTrio = 1, kAnyio = 2, kAsyncio = 4, kEvery = kTrio | kAnyio | kAsyncio;

unsigned cancellation_of(const SemanticModel& m, TSNode e, int scope) {
  e = unparenthesize(e);
  if (is(e, Kinds::get().call))
  {
    // anyio.get_cancelled_exc_class(), or inside anyio from the module defining it.
    std::string q = callee_name(m, e, scope);
    return q.starts_with("anyio.") && q.ends_with(".get_cancelled_exc_class") && argument_count(e) == 0 ? kAnyio : 0;
  }
  auto q = m.qualified_name(e, scope);
  if (!q) return 0;
  if (*q == "asyncio.CancelledError" || *q == "asyncio.exceptions.CancelledError") return kAsyncio;
  if (*q == "trio.Cancelled") return kTrio;
  if (*q == "builtins.BaseException") return kEvery;
  return 0;
}

// An `except` or `except*` clause taken apart.
struct Handler {
  TSNode node;
  TSNode caught;           // the exception expression; null: a bare except
  std::string_view alias;  // `as e`
  TSNode block;
};

Handler parts(const SemanticModel& m, TSNode h) {
  const Kinds& k = Kinds::get();
  Handler out{h, {}, {}, {}};
  TSNode value{}, alias{};
  if (is(h, k.except_clause)) {
    value = field(h, "value");
    alias = field(h, "alias");
  } else {  // except*: its expressions in order, then the block
    for_each_named_child(h, [&](TSNode c) {
      if (is(c, k.block) || is(c, k.comment)) return;
      (ts_node_is_null(value) ? value : alias) = c;
    });
  }
  if (is(value, k.as_pattern)) {  // `except E as e` read as one pattern
    alias = ts_node_named_child(value, 1);
    value = ts_node_named_child(value, 0);
  }
  out.caught = value;
  if (!ts_node_is_null(alias)) out.alias = m.text(alias);
  for_each_named_child(h, [&](TSNode c) {
    if (is(c, k.block)) out.block = c;
  });
  return out;
}

// What a handler catches of the cancellation, and the expression that does
// (the first such element of a tuple; null for a bare except).
struct Catch {
  unsigned libraries = 0;
  TSNode marker{};
};

Catch catch_of(const SemanticModel& m, const Handler& h, int scope) {
  TSNode e = unparenthesize(h.caught);
  if (ts_node_is_null(e)) return {kEvery, {}};
  if (is(e, Kinds::get().tuple)) {
    Catch c;
    for_each_named_child(e, [&](TSNode x) {
      if (c.libraries) return;
      if (unsigned l = cancellation_of(m, x, scope)) c = {l, x};
    });
    return c;
  }
  return {cancellation_of(m, e, scope), e};
}

bool is_handler(TSNode n) {
  return is(n, Kinds::get().except_clause) || is(n, Kinds::get().except_group_clause);
}

// The handlers of a `try` that see a cancellation: a handler of one library's
// cancellation unless an earlier one took that library's already, one of
// every cancellation (BaseException, bare) unless an earlier one took any.
template <class Fn>
void for_each_cancellation_handler(const SemanticModel& m, TSNode try_statement, int scope, Fn&& fn) {
  unsigned taken = 0;
  for_each_named_child(try_statement, [&](TSNode n) {
    if (!is_handler(n)) return;
    Handler h = parts(m, n);
    Catch c = catch_of(m, h, scope);
    if (!c.libraries) return;
    bool seen = c.libraries == kEvery ? taken != 0 : (taken & c.libraries) == c.libraries;
    taken |= c.libraries;
    if (!seen) fn(h, c);
  });
}

// Every node under `n` outside nested functions, lambdas and classes.
template <class Fn>
void walk_own_code(TSNode n, Fn&& fn) {
  const Kinds& k = Kinds::get();
  std::vector<TSNode> todo{n};
  while (!todo.empty()) {
    TSNode c = todo.back();
    todo.pop_back();
    if (is(c, k.function_definition) || is(c, k.lambda) || is(c, k.class_definition)) continue;
    fn(c);
    for_each_named_child(c, [&](TSNode x) { todo.push_back(x); });
  }
}

// `if asyncio.current_task().cancelling(): raise`: the handler tells a
// cancellation of the task from its own timeout and re-raises the former.
bool checks_cancelling(const SemanticModel& m, TSNode block) {
  bool cancelling = false, raises = false;
  walk_own_code(block, [&](TSNode c) {
    if (is(c, Kinds::get().raise_statement)) raises = true;
    if (is(c, Kinds::get().attribute) && m.text(field(c, "attribute")) == "cancelling") cancelling = true;
  });
  return cancelling && raises;
}

// `except BaseException as e: waiter.set_exception(e)`: the cancellation is
// handed to the future that waits for this work, which then raises it.
bool forwards_to_future(const SemanticModel& m, const Handler& h) {
  const Kinds& k = Kinds::get();
  std::string_view alias = h.alias;
  if (alias.empty()) return false;
  bool forwards = false;
  walk_own_code(h.block, [&](TSNode c) {
    if (!is(c, k.call)) return;
    TSNode fn = field(c, "function");
    if (!is(fn, k.attribute) || m.text(field(fn, "attribute")) != "set_exception") return;
    for_each_named_child(field(c, "arguments"), [&](TSNode a) { forwards = forwards || m.text(a) == alias; });
  });
  return forwards;
}

// `task.cancel()` and then `try: await task except CancelledError: pass`: the
// documented way to wait for a task one has just cancelled. True when a
// statement before the try (in its block) calls `.cancel()` and names
// something the try body awaits.
bool awaits_what_it_cancelled(const SemanticModel& m, TSNode try_statement) {
  const Kinds& k = Kinds::get();
  std::vector<std::string_view> awaited;
  walk_own_code(field(try_statement, "body"), [&](TSNode c) {
    if (!is(c, k.await)) return;
    walk_own_code(c, [&](TSNode x) {
      if (is(x, k.identifier)) awaited.push_back(m.text(x));
    });
  });
  for (TSNode s = ts_node_prev_named_sibling(try_statement); !ts_node_is_null(s); s = ts_node_prev_named_sibling(s)) {
    bool cancels = false;
    std::vector<std::string_view> names;
    walk_own_code(s, [&](TSNode c) {
      if (is(c, k.call)) {
        TSNode fn = field(c, "function");
        if (is(fn, k.attribute) && m.text(field(fn, "attribute")) == "cancel") cancels = true;
      }
      if (is(c, k.identifier)) names.push_back(m.text(c));
    });
    if (!cancels) continue;
    for (auto n : names)
      if (std::find(awaited.begin(), awaited.end(), n) != awaited.end()) return true;
  }
  return false;
}

// The paths through a handler's block. `open` ends true when one may leave
// the block without re-raising; `lost` are the statements that end the
// cancellation on an open path (ASYNC104).
class HandlerPaths {
 public:
  // `apart`: a nested handler judged on its own (its paths are not this one's).
  // `exits_close`: a `return`, `break` or `continue` out of the handler ends
  // its path (it is reported as ASYNC104 alone); flake8-async keeps the path
  // open, so that the handler is ASYNC103 as well.
  HandlerPaths(const SemanticModel& m, std::string_view alias, std::function<bool(TSNode)> apart, bool exits_close)
      : m_(m), alias_(alias), apart_(std::move(apart)), exits_close_(exits_close) {}

  void run(TSNode block) { this->block(block); }
  bool open() const { return open_; }
  const std::vector<TSNode>& lost() const { return lost_; }

 private:
  void block(TSNode b) {
    for_each_named_child(b, [&](TSNode s) { statement(s); });
  }

  // Each statement of a nested try's body and handlers, each on its own.
  void one_by_one(TSNode b) {
    for_each_named_child(b, [&](TSNode s) {
      statement(s);
      open_ = true;
    });
  }

  void statement(TSNode s) {
    if (!open_) return;
    const Kinds& k = Kinds::get();
    auto t = type(s);
    if (is(s, k.raise_statement)) {
      if (ts_node_named_child_count(s) > 0) {
        TSNode raised = unparenthesize(ts_node_named_child(s, 0));
        if (!is(raised, k.identifier) || alias_.empty() || m_.text(raised) != alias_) lost_.push_back(s);
      }
      open_ = false;
    } else if (is(s, k.return_statement)) {
      lost_.push_back(s);
      if (exits_close_) open_ = false;
    } else if (t == "break_statement" || t == "continue_statement") {
      (t == "break_statement" ? open_break_ : open_continue_) = true;
      if (loop_depth_ > 0) return;
      lost_.push_back(s);
      if (exits_close_) open_ = false;
    } else if (is(s, k.if_statement)) {
      bool any_open = false, has_else = false;
      auto branch = [&](TSNode b) {
        open_ = true;
        block(b);
        any_open = any_open || open_;
      };
      branch(field(s, "consequence"));
      for_each_named_child(s, [&](TSNode c) {
        if (is(c, k.elif_clause)) branch(field(c, "consequence"));
        if (is(c, k.else_clause)) has_else = true, branch(field(c, "body"));
      });
      open_ = any_open || !has_else;
    } else if (is(s, k.for_statement) || is(s, k.while_statement)) {
      bool endless = false, once = false;
      if (is(s, k.while_statement)) endless = once = always_true(m_, field(s, "condition"));
      else once = runs_once(m_, field(s, "right"));
      bool outer_break = open_break_, outer_continue = open_continue_;
      open_break_ = open_continue_ = false;
      ++loop_depth_;
      block(field(s, "body"));
      --loop_depth_;
      if (!(endless || (once && !open_continue_))) open_ = true;
      if (TSNode e = field(s, "alternative"); !ts_node_is_null(e)) block(field(e, "body"));
      open_ = open_ || open_break_;
      open_break_ = outer_break, open_continue_ = outer_continue;
    } else if (is(s, k.try_statement)) {
      one_by_one(field(s, "body"));
      for_each_named_child(s, [&](TSNode c) {
        if (is_handler(c) && !apart_(c)) {
          for_each_named_child(c, [&](TSNode b) {
            if (is(b, k.block)) one_by_one(b);
          });
        }
        if (is(c, k.else_clause)) one_by_one(field(c, "body"));
      });
      for_each_named_child(s, [&](TSNode c) {
        if (is(c, k.finally_clause))
          for_each_named_child(c, [&](TSNode b) {
            if (is(b, k.block)) block(b);
          });
      });
    } else if (is(s, k.with_statement)) {
      block(field(s, "body"));
    } else if (t == "match_statement") {
      bool all_raise = true, fallback = false;
      for_each_named_child(field(s, "body"), [&](TSNode c) {
        if (!is(c, k.case_clause)) return;
        fallback = fallback || (ts_node_is_null(field(c, "guard")) && irrefutable(c));
        open_ = true;
        block(field(c, "consequence"));
        all_raise = all_raise && !open_;
      });
      open_ = !(all_raise && fallback);
    } else if (is(s, k.function_definition) || is(s, k.class_definition) || is(s, k.decorated_definition)) {
      // runs elsewhere
    } else {
      walk_own_code(s, [&](TSNode c) {
        if (is(c, k.yield)) lost_.push_back(c);
      });
    }
  }

  // `case _:` or `case name:`, which take any value.
  bool irrefutable(TSNode case_clause) const {
    int patterns = 0;
    bool any = false;
    for_each_named_child(case_clause, [&](TSNode p) {
      if (type(p) != "case_pattern") return;
      ++patterns;
      TSNode inner = ts_node_named_child_count(p) == 1 ? ts_node_named_child(p, 0) : TSNode{};
      any = m_.text(p) == "_" || (type(inner) == "dotted_name" && ts_node_named_child_count(inner) == 1);
    });
    return patterns == 1 && any;
  }

  const SemanticModel& m_;
  std::string_view alias_;
  std::function<bool(TSNode)> apart_;
  bool exits_close_;
  bool open_ = true;
  int loop_depth_ = 0;
  bool open_break_ = false, open_continue_ = false;
  std::vector<TSNode> lost_;
};

}  // namespace

// The names of the file's functions annotated as never returning
// (`-> NoReturn`, `-> Never`, through `typing.` or in quotes).
std::vector<std::string_view> never_returning(const SemanticModel& m) {
  std::vector<std::string_view> out;
  for (const Scope& s : m.scopes()) {
    if (s.kind != ScopeKind::Function) continue;
    TSNode annotation = field(s.node, "return_type");
    if (ts_node_is_null(annotation)) continue;
    std::string_view r = m.text(annotation);
    while (!r.empty() && (r.front() == '"' || r.front() == '\'')) r.remove_prefix(1);
    while (!r.empty() && (r.back() == '"' || r.back() == '\'')) r.remove_suffix(1);
    if (auto dot = r.rfind('.'); dot != std::string_view::npos) r.remove_prefix(dot + 1);
    if (r == "NoReturn" || r == "Never") out.push_back(s.name);
  }
  return out;
}

// True when the block ends in a call of one of `names` (`self._raise_error(exc)`),
// functions of the file that never return: it raises on every path.
bool ends_in_never_returning_call(const SemanticModel& m, TSNode block, const std::vector<std::string_view>& names) {
  const Kinds& k = Kinds::get();
  TSNode last{};
  for_each_named_child(block, [&](TSNode c) {
    if (!is(c, k.comment)) last = c;
  });
  if (!is(last, k.expression_statement) || ts_node_named_child_count(last) != 1) return false;
  TSNode call = ts_node_named_child(last, 0);
  if (!is(call, k.call)) return false;
  TSNode fn = field(call, "function");
  std::string_view name = is(fn, k.attribute) ? m.text(field(fn, "attribute")) : m.text(fn);
  return std::find(names.begin(), names.end(), name) != names.end();
}

void check_cancellation(const CheckContext& cx, std::vector<Diagnostic>& out) {
  bool swallowed = cx.enabled("ASYNC103"), replaced = cx.enabled("ASYNC104");
  if (!swallowed && !replaced) return;
  const Kinds& k = Kinds::get();
  const SemanticModel& m = cx.model;
  bool trio_or_anyio = cx.framework != Framework::Asyncio;
  std::optional<std::vector<std::string_view>> never;  // found when first needed
  auto judged = [&](TSNode try_statement, int scope) {
    bool async_code = m.in_async_context(scope, ts_node_start_byte(try_statement));
    if (trio_or_anyio) return async_code || m.at_module_level(scope);
    return async_code && contains_checkpoint(field(try_statement, "body"));
  };
  for (const ScopedNode& t : m.try_statements()) {
    if (!judged(t.node, t.scope)) continue;
    bool exempt = awaits_what_it_cancelled(m, t.node);
    for_each_cancellation_handler(m, t.node, t.scope, [&](const Handler& h, const Catch& c) {
      if (exempt || checks_cancelling(m, h.block) || forwards_to_future(m, h)) return;
      // A handler of a try nested in this one is judged on its own when it
      // takes the cancellation itself.
      auto apart = [&](TSNode nested) {
        TSNode nested_try = ts_node_parent(nested);
        if (!judged(nested_try, t.scope)) return false;
        bool found = false;
        for_each_cancellation_handler(m, nested_try, t.scope, [&](const Handler& n, const Catch&) {
          found = found || ts_node_eq(n.node, nested);
        });
        return found;
      };
      HandlerPaths paths(m, h.alias, apart, !trio_or_anyio);
      paths.run(h.block);
      if (replaced)
        for (TSNode s : paths.lost()) {
          std::string_view what = is(s, k.yield) ? "yield" : is(s, k.return_statement) ? "return"
                                  : is(s, k.raise_statement)                           ? "raise"
                                  : type(s) == "break_statement"                       ? "break"
                                                                                       : "continue";
          out.push_back(cx.make("ASYNC104", s, {}, what));
        }
      if (!swallowed || !paths.open()) return;
      if (!never) never = never_returning(m);
      if (ends_in_never_returning_call(m, h.block, *never)) return;
      if (ts_node_is_null(c.marker)) {
        uint32_t start = ts_node_start_byte(h.node);
        out.push_back(cx.make_at("ASYNC103", start, start + 6, {}, "except:"));  // `except` alone
      } else {
        out.push_back(cx.make("ASYNC103", c.marker, {}, m.text(c.marker)));
      }
    });
  }
}

}  // namespace asl
