#include "lint/checks/function_checks.h"

#include <array>
#include <optional>
#include <string>
#include <unordered_map>

#include "lint/checks/ast_helpers.h"

namespace asl {

namespace {

std::string decorator_name(const SemanticModel& model, TSNode decorator, int scope) {
  return model.qualified_name(decorator_target(decorator), scope).value_or(std::string());
}

bool has_safe_generator_decorator(const SemanticModel& model, const Scope& fn, const CheckOptions& options) {
  if (decorated_with(model, fn, options.transform_async_generator_decorators)) return true;
  for (TSNode d : fn.decorators) {
    std::string q = decorator_name(model, d, fn.parent);
    if (q == "contextlib.asynccontextmanager" || q == "pytest.fixture" || q == "pytest_asyncio.fixture" ||
        q == "trio.as_safe_channel")
      return true;
  }
  return false;
}

// True when `call` is `NAME(...)` for `qualified`, through imports.
bool calls_name(const SemanticModel& model, TSNode call, int scope, std::string_view qualified) {
  if (ts_node_is_null(call) || !is(call, Kinds::get().call)) return false;
  auto q = model.qualified_name(field(call, "function"), scope);
  return q && *q == qualified;
}

bool is_aclosing(const SemanticModel& model, TSNode call, int scope) {
  return calls_name(model, call, scope, "contextlib.aclosing") ||
         calls_name(model, call, scope, "async_generator.aclosing");
}

// The call whose only argument `arg` is, or a null node.
TSNode call_of_argument(TSNode arg) {
  TSNode args = ts_node_parent(arg);
  if (ts_node_is_null(args) || std::string_view(ts_node_type(args)) != "argument_list") return {};
  return ts_node_parent(args);
}

// The calls ASYNC119 looks at to see whether generators are closed, indexed
// once per file: calls by the last part of their callee's name, and the
// closing calls (`await x.aclose()`, `aclosing(x)`) with the text of `x`.
struct GeneratorCalls {
  std::unordered_map<std::string_view, std::vector<const CallSite*>> by_name;
  std::vector<std::pair<std::string_view, const CallSite*>> closings;

  explicit GeneratorCalls(const SemanticModel& model) {
    const Kinds& k = Kinds::get();
    for (const CallSite& c : model.calls()) {
      TSNode callee = field(c.call, "function");
      if (is(callee, k.identifier)) {
        by_name[model.text(callee)].push_back(&c);
      } else if (is(callee, k.attribute)) {
        std::string_view attr = model.text(field(callee, "attribute"));
        by_name[attr].push_back(&c);
        if (attr == "aclose" && is(ts_node_parent(c.call), k.await))
          closings.emplace_back(model.text(field(callee, "object")), &c);
      }
      if (is_aclosing(model, c.call, c.scope)) {
        TSNode arg = ts_node_named_child(field(c.call, "arguments"), 0);
        if (!ts_node_is_null(arg)) closings.emplace_back(model.text(arg), &c);
      }
    }
  }

  // True when the generator object that `target` (a name or `self.x`) was
  // assigned in function `fn` is closed: in the same function for a name,
  // anywhere in the file for an attribute.
  bool target_closed(const SemanticModel& model, TSNode target, int fn) const {
    bool attribute = is(target, Kinds::get().attribute);
    std::string_view name = model.text(target);
    for (const auto& [text, c] : closings)
      if (text == name && (attribute || model.enclosing_function(c->scope) == fn)) return true;
    return false;
  }

  // True when every call of the async generator `gen` that this file makes
  // (and there is at least one) closes the generator object it makes:
  // through `contextlib.aclosing(gen(...))`, or by assigning it and awaiting
  // its `aclose()`. Its `finally` and `with` cleanup then runs in the task,
  // not whenever the garbage collector finalizes the object.
  bool always_closed(const SemanticModel& model, int gen) const {
    const Kinds& k = Kinds::get();
    const Scope& g = model.scopes()[gen];
    auto candidates = by_name.find(g.name);
    if (candidates == by_name.end()) return false;
    std::string qualified = g.qualname.empty() ? std::string() : model.module_prefix() + g.qualname;
    int calls = 0;
    for (const CallSite* c : candidates->second) {
      TSNode callee = field(c->call, "function");
      bool hit = false;
      if (!qualified.empty()) {
        auto q = model.resolve_project_callee(callee, c->scope);
        hit = q && *q == qualified;
      } else if (is(callee, k.identifier)) {
        auto bs = model.lookup(g.name, c->scope, ts_node_start_byte(callee));
        hit = bs.size() == 1 && bs[0].kind == Binding::Kind::Definition && model.definition_scope(bs[0].value) == gen;
      }
      if (!hit) continue;
      ++calls;
      if (is_aclosing(model, call_of_argument(c->call), c->scope)) continue;
      TSNode parent = ts_node_parent(c->call);
      if (!ts_node_is_null(parent) && std::string_view(ts_node_type(parent)) == "assignment" &&
          ts_node_eq(field(parent, "right"), c->call)) {
        TSNode target = field(parent, "left");
        if ((is(target, k.identifier) || is(target, k.attribute)) &&
            target_closed(model, target, model.enclosing_function(c->scope)))
          continue;
      }
      return false;
    }
    return calls > 0;
  }
};

void yield_in_context_manager(const CheckContext& cx, std::vector<Diagnostic>& out) {
  const Kinds& k = Kinds::get();
  std::optional<GeneratorCalls> index;  // built for the first generator that needs it
  std::unordered_map<int, bool> closed;  // generator scope -> always_closed
  for (const ScopedNode& y : cx.model.yields()) {
    int fn = cx.model.enclosing_function(y.scope);
    if (fn < 0 || fn != y.scope) continue;  // yields in lambdas or comprehensions are not the function's
    const Scope& f = cx.model.scopes()[fn];
    if (!f.is_async || has_safe_generator_decorator(cx.model, f, cx.catalog.options)) continue;
    // Walk up to the function: a with block on the way holds a resource across the yield.
    bool in_with = false;
    for (TSNode n = ts_node_parent(y.node); !ts_node_is_null(n) && !ts_node_eq(n, f.node); n = ts_node_parent(n)) {
      if (is(n, k.with_statement)) {
        in_with = true;
        break;
      }
      if (is(n, k.function_definition) || is(n, k.class_definition) || is(n, k.lambda)) break;
    }
    if (!in_with) continue;
    auto c = closed.find(fn);
    if (c == closed.end()) {
      if (!index) index.emplace(cx.model);
      c = closed.emplace(fn, index->always_closed(cx.model, fn)).first;
    }
    if (!c->second) out.push_back(cx.make("ASYNC119", y.node, "yield"));
  }
}

// `pass`, `...`, a docstring or `raise NotImplementedError`: an interface, not an implementation.
bool is_stub(const SemanticModel& model, TSNode body) {
  const Kinds& k = Kinds::get();
  bool stub = true;
  for_each_named_child(body, [&](TSNode stmt) {
    std::string_view kind = ts_node_type(stmt);
    if (kind == "pass_statement" || kind == "comment") return;
    if (is(stmt, k.expression_statement)) {
      TSNode e = ts_node_named_child(stmt, 0);
      if (is(e, k.string) || std::string_view(ts_node_type(e)) == "ellipsis") return;
    }
    if (kind == "raise_statement" && model.text(stmt).find("NotImplementedError") != std::string_view::npos) return;
    stub = false;
  });
  return stub;
}

void could_be_sync(const CheckContext& cx, std::vector<Diagnostic>& out) {
  for (const Scope& s : cx.model.scopes()) {
    if (s.kind != ScopeKind::Function || !s.is_async || s.has_await || s.is_generator) continue;
    if (s.parent != 0 || !s.decorators.empty()) continue;  // methods and decorated functions may need to be async
    if (is_stub(cx.model, field(s.node, "body"))) continue;
    out.push_back(cx.make("ASYNC124", field(s.node, "name"), s.name));
  }
}

}  // namespace

bool has_only_transparent_decorators(const SemanticModel& model, const Scope& fn) {
  static constexpr std::array<std::string_view, 8> kTransparent = {
      "builtins.staticmethod", "builtins.classmethod", "abc.abstractmethod", "typing.override",
      "typing_extensions.override", "typing.final", "functools.wraps", "typing.no_type_check"};
  for (TSNode d : fn.decorators) {
    std::string q = decorator_name(model, d, fn.parent);
    bool ok = false;
    for (auto t : kTransparent) ok = ok || q == t;
    if (!ok) return false;
  }
  return true;
}

void check_functions(const CheckContext& cx, std::vector<Diagnostic>& out) {
  if (cx.enabled("ASYNC119")) yield_in_context_manager(cx, out);
  if (cx.enabled("ASYNC124")) could_be_sync(cx, out);
}

}  // namespace asl
