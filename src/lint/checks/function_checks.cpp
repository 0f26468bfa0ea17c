#include "lint/checks/function_checks.h"

#include <array>

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

void yield_in_context_manager(const CheckContext& cx, std::vector<Diagnostic>& out) {
  const Kinds& k = Kinds::get();
  for (const ScopedNode& y : cx.model.yields()) {
    int fn = cx.model.enclosing_function(y.scope);
    if (fn < 0 || fn != y.scope) continue;  // yields in lambdas or comprehensions are not the function's
    const Scope& f = cx.model.scopes()[fn];
    if (!f.is_async || has_safe_generator_decorator(cx.model, f, cx.catalog.options)) continue;
    // Walk up to the function: a with block on the way holds a resource across the yield.
    for (TSNode n = ts_node_parent(y.node); !ts_node_is_null(n) && !ts_node_eq(n, f.node); n = ts_node_parent(n)) {
      if (is(n, k.with_statement)) {
        out.push_back(cx.make("ASYNC119", y.node, "yield"));
        break;
      }
      if (is(n, k.function_definition) || is(n, k.class_definition) || is(n, k.lambda)) break;
    }
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
