// Per-file semantic model: scopes, bindings (imports with aliases, shadowing),
// async context, and receiver types. Built in one iterative pass over the tree
// (no recursion, so 10,000-deep nesting cannot overflow the stack); every
// query afterwards sees the whole scope, as Python's static scoping does.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/syntax.h"
#include "rules/catalog.h"

namespace asl {

enum class ScopeKind { Module, Function, Class, Lambda, Comprehension };

struct Binding {
  enum class Kind { Import, Definition, Parameter, Assignment, WithItem, Other };
  Kind kind = Kind::Other;
  std::string qualified;  // Import: the module or object bound
  TSNode value{};         // Assignment/WithItem: value; Parameter: annotation (may be null)
  int scope = 0;          // where `value` is evaluated
  uint32_t visible_from = 0;  // byte offset after which the binding is in effect
};

struct Scope {
  ScopeKind kind = ScopeKind::Module;
  bool is_async = false;
  int parent = -1;
  TSNode node{};
  std::string_view name;  // function or class name
  std::string_view first_parameter;  // `self` of a method
  std::unordered_map<std::string_view, std::vector<Binding>> bindings;
  std::vector<std::string_view> globals;    // `global` names: bound in the module
  std::vector<std::string_view> nonlocals;  // `nonlocal` names: bound in an enclosing function
  // Class scopes: `self.attr = value` from the methods, by attribute name.
  std::unordered_map<std::string_view, std::vector<Binding>> instance_attributes;
  bool star_import = false;
};

struct CallSite {
  TSNode call;
  int scope;
};

class SemanticModel {
 public:
  SemanticModel(TSNode root, std::string_view source, const Catalog& catalog);

  const std::vector<Scope>& scopes() const { return scopes_; }
  const std::vector<CallSite>& calls() const { return calls_; }
  // Python 2 `print x` / `exec code` statements, which the grammar accepts
  // but Python 3 rejects.
  const std::vector<TSNode>& python2_statements() const { return python2_statements_; }
  std::string_view text(TSNode n) const { return node_text(n, source_); }
  std::string_view source() const { return source_; }

  // True when code in `scope` runs inside an `async def` (ruff's semantics:
  // comprehensions are transparent, lambdas and class bodies are not async).
  bool in_async_context(int scope) const;
  // The nearest enclosing function scope (skipping comprehensions), or -1.
  int enclosing_function(int scope) const;

  // Bindings of `name` visible from a reference at byte `use` in `scope`
  // (empty when unbound). Where the reference runs in the binding's own scope
  // (or a comprehension of it), only the last binding before it counts, as in
  // ruff; from a nested function every binding of the outer scope counts.
  std::span<const Binding> lookup(std::string_view name, int scope, uint32_t use) const;
  // Qualified name of a dotted expression, through imports and builtins only
  // (`r.get` with `import requests as r` -> "requests.get"); nullopt when a
  // name is shadowed, unknown or the expression is not a plain name path.
  std::optional<std::string> qualified_name(TSNode expr, int scope) const;
  // Qualified name of a callee, also through receiver types
  // (`s.get` with `s = requests.Session()` -> "requests.Session.get").
  std::optional<std::string> resolve_callee(TSNode callee, int scope) const;
  // Known type of an expression's value, or nullopt.
  std::optional<std::string> type_of(TSNode expr, int scope, int depth = 0) const;
  std::optional<std::string> type_of_annotation(TSNode annotation, int scope) const;

 private:
  struct Builder;
  std::optional<std::string> canonical_type(const std::string& q) const;
  std::optional<std::string> binding_type(std::span<const Binding> bs, int depth) const;

  std::string_view source_;
  const Catalog& catalog_;
  const Kinds& k_;
  std::vector<Scope> scopes_;
  std::vector<CallSite> calls_;
  std::vector<TSNode> python2_statements_;
};

bool is_builtin_name(std::string_view name);

}  // namespace asl
