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
  TSNode value{};         // Assignment/WithItem: the value; Definition: the def/class node
  TSNode annotation{};    // Parameter / annotated assignment: the annotation (may be null)
  int scope = 0;          // where `value` and `annotation` are evaluated
  uint32_t visible_from = 0;  // byte offset after which the binding is in effect
  // Byte offset where it stops being in effect for the code that follows in
  // its scope: the end of an `except ... as name` handler, after which ruff
  // sees the binding the handler shadowed again.
  uint32_t visible_to = UINT32_MAX;
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
  // Functions and classes: dotted name inside the module ("C.m"); empty for
  // definitions nested in functions, which no other module can reach.
  std::string qualname;
  std::vector<TSNode> decorators;  // functions and classes
  std::vector<TSNode> bases;       // classes: the superclass expressions
  bool is_generator = false;       // functions: a `yield` in the body
  bool has_await = false;          // functions: await, async for or async with in the body
};

struct CallSite {
  TSNode call;
  int scope;
  TSNode parent;  // the node that contains the call
};

// Statements some checks look at, with the scope they run in.
struct ScopedNode {
  TSNode node;
  int scope;
};

// Where the file sits in its package tree, to resolve relative imports and to
// name its functions for the project-wide analyses.
struct ModuleInfo {
  std::string name;         // "pkg.sub.mod"; empty when unknown
  bool is_package = false;  // an __init__.py
  // A notebook's code cells as byte ranges of its text: the top level of a
  // cell that awaits runs as a coroutine on the kernel's event loop.
  bool notebook = false;
  std::vector<std::pair<uint32_t, uint32_t>> cells;
};

class SemanticModel {
 public:
  SemanticModel(TSNode root, std::string_view source, const Catalog& catalog, ModuleInfo module = {});

  const std::vector<Scope>& scopes() const { return scopes_; }
  const std::vector<CallSite>& calls() const { return calls_; }
  // The scope of a call in calls() (-1: not one of them), by binary search:
  // scanning calls() for each finding made a file with many findings quadratic.
  int call_scope(TSNode call) const;
  // Python 2 `print x` / `exec code` statements, which the grammar accepts
  // but Python 3 rejects.
  const std::vector<TSNode>& python2_statements() const { return python2_statements_; }
  const std::vector<ScopedNode>& with_statements() const { return withs_; }
  const std::vector<ScopedNode>& while_statements() const { return whiles_; }
  const std::vector<ScopedNode>& try_statements() const { return tries_; }
  const std::vector<ScopedNode>& yields() const { return yields_; }
  const ModuleInfo& module() const { return module_; }
  const Catalog& catalog() const { return catalog_; }

  // The fully qualified name of a callee defined in the project: a function or
  // class of this module ("pkg.mod.f", "pkg.mod.C"), a method reached through
  // `self` / `cls` / a local instance ("pkg.mod.C.m"), or an imported name
  // ("pkg.other.g", to be checked against the project index). `super().m`
  // yields "super:pkg.mod.C.m" (resolved against the bases later).
  std::optional<std::string> resolve_project_callee(TSNode callee, int scope) const {
    return resolve_project_callee(callee, scope, 0);
  }
  // The class scope a method belongs to, or -1.
  int method_class(int function_scope) const;
  // The scope a `def` / `class` node opens, or -1.
  int definition_scope(TSNode definition) const;
  // "pkg.mod." (or "" when the module is unknown): the prefix of qualnames.
  std::string module_prefix() const { return module_.name.empty() ? std::string() : module_.name + "."; }
  std::string_view text(TSNode n) const { return node_text(n, source_); }
  std::string_view source() const { return source_; }

  // True when code in `scope` runs inside an `async def` (ruff's semantics:
  // comprehensions are transparent, lambdas and class bodies are not async).
  bool in_async_context(int scope) const;
  // The same for code at byte `at`: also true at the top level of a notebook
  // cell that awaits at its top level (IPython runs such a cell as a coroutine
  // on the kernel's running loop).
  bool in_async_context(int scope, uint32_t at) const;
  // True when `scope` is the module's (comprehensions are transparent).
  bool at_module_level(int scope) const;
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
  std::optional<std::string> resolve_callee(TSNode callee, int scope) const { return resolve_callee(callee, scope, 0); }
  // Known type of an expression's value, or nullopt.
  std::optional<std::string> type_of(TSNode expr, int scope, int depth = 0) const;
  std::optional<std::string> type_of_annotation(TSNode annotation, int scope) const;

 private:
  struct Builder;
  // `depth` bounds the mutual recursion through bindings (`x = x.next()` in a loop).
  std::optional<std::string> resolve_callee(TSNode callee, int scope, int depth) const;
  std::optional<std::string> resolve_project_callee(TSNode callee, int scope, int depth) const;
  std::optional<std::string> canonical_type(const std::string& q) const;
  std::optional<std::string> binding_type(std::span<const Binding> bs, int depth) const;

  std::string_view source_;
  const Catalog& catalog_;
  const Kinds& k_;
  std::vector<Scope> scopes_;
  std::vector<CallSite> calls_;
  std::vector<std::pair<uint64_t, size_t>> call_index_;  // (start << 32 | end, index in calls_), sorted
  std::vector<TSNode> python2_statements_;
  std::vector<ScopedNode> withs_, whiles_, yields_, tries_;
  std::unordered_map<const void*, int> definition_scopes_;  // def/class node id -> its scope
  ModuleInfo module_;
  std::vector<uint32_t> top_level_awaits_;  // byte offsets of awaits outside any function
  std::vector<std::pair<uint32_t, uint32_t>> async_cells_;  // notebook cells with one
};

// Turns a relative module reference (".mod", "..pkg.x") into an absolute one
// for a file in `module`; returns it unchanged when it cannot be resolved.
std::string absolute_module(const std::string& ref, const ModuleInfo& module);

bool is_builtin_name(std::string_view name);

}  // namespace asl
