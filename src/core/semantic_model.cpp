#include "core/semantic_model.h"

#include <algorithm>
#include <array>

namespace asl {

namespace {

constexpr std::string_view kBuiltins[] = {
    "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "BaseExceptionGroup",
    "BlockingIOError", "BrokenPipeError", "BufferError", "BytesWarning", "ChildProcessError",
    "ConnectionAbortedError", "ConnectionError", "ConnectionRefusedError", "ConnectionResetError",
    "DeprecationWarning", "EOFError", "Ellipsis", "EncodingWarning", "EnvironmentError", "Exception",
    "ExceptionGroup", "False", "FileExistsError", "FileNotFoundError", "FloatingPointError",
    "FutureWarning", "GeneratorExit", "IOError", "ImportError", "ImportWarning", "IndentationError",
    "IndexError", "InterruptedError", "IsADirectoryError", "KeyError", "KeyboardInterrupt",
    "LookupError", "MemoryError", "ModuleNotFoundError", "NameError", "None", "NotADirectoryError",
    "NotImplemented", "NotImplementedError", "OSError", "OverflowError", "PendingDeprecationWarning",
    "PermissionError", "ProcessLookupError", "RecursionError", "ReferenceError", "ResourceWarning",
    "RuntimeError", "RuntimeWarning", "StopAsyncIteration", "StopIteration", "SyntaxError",
    "SyntaxWarning", "SystemError", "SystemExit", "TabError", "TimeoutError", "True", "TypeError",
    "UnboundLocalError", "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeError",
    "UnicodeTranslateError", "UnicodeWarning", "UserWarning", "ValueError", "Warning",
    "ZeroDivisionError", "__build_class__", "__debug__", "__doc__", "__import__", "__loader__",
    "__name__", "__package__", "__spec__", "abs", "aiter", "all", "anext", "any", "ascii", "bin",
    "bool", "breakpoint", "bytearray", "bytes", "callable", "chr", "classmethod", "compile",
    "complex", "copyright", "credits", "delattr", "dict", "dir", "divmod", "enumerate", "eval",
    "exec", "exit", "filter", "float", "format", "frozenset", "getattr", "globals", "hasattr",
    "hash", "help", "hex", "id", "input", "int", "isinstance", "issubclass", "iter", "len",
    "license", "list", "locals", "map", "max", "memoryview", "min", "next", "object", "oct",
    "open", "ord", "pow", "print", "property", "quit", "range", "repr", "reversed", "round", "set",
    "setattr", "slice", "sorted", "staticmethod", "str", "sum", "super", "tuple", "type", "vars",
    "zip", "__file__", "__builtins__", "WindowsError", "reveal_type", "reveal_locals", "__dict__",
    "__annotations__", "__qualname__", "__module__", "__path__"};

constexpr int kMaxTypeDepth = 16;

}  // namespace

bool is_builtin_name(std::string_view name) {
  return std::find(std::begin(kBuiltins), std::end(kBuiltins), name) != std::end(kBuiltins);
}

// The one traversal that builds scopes and bindings and records call sites.
struct SemanticModel::Builder {
  SemanticModel& m;
  const Kinds& k;
  struct Item {
    TSNode node;
    int scope;
    TSNode parent;
  };
  std::vector<Item> stack;
  TSNode cur{};  // the node being visited: the parent of everything pushed now

  void push(TSNode n, int scope) {
    if (!ts_node_is_null(n)) stack.push_back({n, scope, cur});
  }
  // Pushes named children in reverse so they pop in source order.
  void push_children(TSNode n, int scope) {
    size_t mark = stack.size();
    for_each_named_child(n, [&](TSNode c) { stack.push_back({c, scope, cur}); });
    std::reverse(stack.begin() + static_cast<long>(mark), stack.end());
  }

  // Functions and classes reachable from other modules get a dotted name.
  std::string qualname_in(int scope, std::string_view name) {
    const Scope& s = m.scopes_[scope];
    if (s.kind == ScopeKind::Module) return std::string(name);
    if (s.kind == ScopeKind::Class && !s.qualname.empty()) return s.qualname + "." + std::string(name);
    // Python's own spelling for a function defined inside another function.
    if (s.kind == ScopeKind::Function && !s.qualname.empty()) return s.qualname + ".<locals>." + std::string(name);
    return {};
  }

  void decorators_of(TSNode def, TSNode parent, std::vector<TSNode>& out) {
    if (!is(parent, k.decorated_definition)) return;
    for_each_named_child(parent, [&](TSNode c) {
      if (is(c, k.decorator)) out.push_back(c);
    });
    (void)def;
  }

  // The function whose body an await / yield belongs to (comprehensions are transparent).
  int body_function(int scope) { return m.enclosing_function(scope); }
  // An await, async for or async with at `node`: its function awaits (or,
  // at the top level, a notebook cell does).
  void note_await(int scope, TSNode node) {
    if (int f = body_function(scope); f >= 0) m.scopes_[f].has_await = true;
    else if (m.at_module_level(scope)) m.top_level_awaits_.push_back(ts_node_start_byte(node));
  }

  int new_scope(ScopeKind kind, int parent, TSNode node) {
    Scope s;
    s.kind = kind;
    s.parent = parent;
    s.node = node;
    m.scopes_.push_back(std::move(s));
    int index = static_cast<int>(m.scopes_.size() - 1);
    if (kind == ScopeKind::Function || kind == ScopeKind::Class) m.definition_scopes_[node.id] = index;
    return index;
  }

  // `from`: where the binding takes effect (by default, at the name itself).
  void bind(int scope, TSNode ident, Binding b, uint32_t from = UINT32_MAX) {
    if (!is(ident, k.identifier)) return;
    b.visible_from = from == UINT32_MAX ? ts_node_start_byte(ident) : from;
    std::string_view name = m.text(ident);
    int target = scope;
    // `global` / `nonlocal` move the binding out of the function.
    for (int hops = 0; target > 0 && hops < 64; ++hops) {
      const Scope& sc = m.scopes_[target];
      auto has = [&](const std::vector<std::string_view>& v) { return std::find(v.begin(), v.end(), name) != v.end(); };
      if (has(sc.globals)) {
        target = 0;
      } else if (has(sc.nonlocals)) {
        target = sc.parent;
        while (target > 0 && m.scopes_[target].kind == ScopeKind::Class) target = m.scopes_[target].parent;
      } else {
        break;
      }
    }
    m.scopes_[target].bindings[name].push_back(std::move(b));
  }

  // Binds every name in an assignment target pattern (iteratively).
  void bind_targets(int scope, TSNode target, Binding::Kind kind, uint32_t from = UINT32_MAX) {
    std::vector<TSNode> todo{target};
    while (!todo.empty()) {
      TSNode n = todo.back();
      todo.pop_back();
      if (is(n, k.identifier)) {
        bind(scope, n, {kind, {}, {}, {}, scope}, from);
      } else if (!is(n, k.attribute) && !is(n, k.subscript)) {
        for_each_named_child(n, [&](TSNode c) { todo.push_back(c); });
      }
    }
  }

  // Binds the capture names of a `case` clause's patterns (iteratively): a
  // bare name, `as name`, `*name` / `**name`; not a class pattern's class, a
  // keyword pattern's keyword or a dotted value pattern.
  void bind_captures(TSNode clause, int scope) {
    std::vector<TSNode> todo;
    for_each_named_child(clause, [&](TSNode c) {
      if (std::string_view(ts_node_type(c)) == "case_pattern") todo.push_back(c);
    });
    while (!todo.empty()) {
      TSNode n = todo.back();
      todo.pop_back();
      std::string_view t = ts_node_type(n);
      bool first = true;
      for_each_named_child(n, [&](TSNode c) {
        bool skip = first && (t == "class_pattern" || t == "keyword_pattern");
        first = false;
        if (skip) return;
        if (is(c, k.identifier)) {
          if (t == "as_pattern" || t == "splat_pattern") bind(scope, c, {Binding::Kind::Other, {}, {}, {}, scope});
        } else if (is(c, k.dotted_name)) {
          if (ts_node_named_child_count(c) == 1)
            bind(scope, ts_node_named_child(c, 0), {Binding::Kind::Other, {}, {}, {}, scope});
        } else {
          todo.push_back(c);
        }
      });
    }
  }

  // `self.x = v` inside a method records an instance attribute of the class.
  void maybe_instance_attribute(int scope, TSNode target, TSNode value) {
    if (!is(target, k.attribute)) return;
    int fn = m.enclosing_function(scope);
    if (fn < 0) return;
    const Scope& f = m.scopes_[fn];
    if (f.parent < 0 || m.scopes_[f.parent].kind != ScopeKind::Class || f.first_parameter.empty()) return;
    TSNode obj = field(target, "object");
    if (!is(obj, k.identifier) || m.text(obj) != f.first_parameter) return;
    TSNode attr = field(target, "attribute");
    m.scopes_[f.parent].instance_attributes[m.text(attr)].push_back(
        {Binding::Kind::Assignment, {}, value, {}, scope});
  }

  void parameters(TSNode params, int inner, int outer) {
    bool first = true;
    for_each_named_child(params, [&](TSNode p) {
      bool is_first = first;
      first = false;
      if (is(p, k.identifier)) {
        bind(inner, p, {Binding::Kind::Parameter, {}, {}, {}, outer}, 0);
        if (is_first) m.scopes_[inner].first_parameter = m.text(p);
        return;
      }
      TSNode name = field(p, "name");
      TSNode type = field(p, "type");
      TSNode value = field(p, "value");
      if (ts_node_is_null(name)) {
        // typed_parameter and splats hold the name as a plain child.
        for_each_named_child(p, [&](TSNode c) {
          if (ts_node_is_null(name) && !is(c, k.type)) name = c;
        });
      }
      if (is(name, k.list_splat_pattern) || is(name, k.dictionary_splat_pattern))
        name = ts_node_named_child(name, 0);
      if (is(p, k.list_splat_pattern) || is(p, k.dictionary_splat_pattern)) type = TSNode{};
      if (is(name, k.identifier)) {
        bind(inner, name, {Binding::Kind::Parameter, {}, {}, type, outer}, 0);
        if (is_first && !is(p, k.list_splat_pattern) && !is(p, k.dictionary_splat_pattern))
          m.scopes_[inner].first_parameter = m.text(name);
      } else if (!ts_node_is_null(name)) {
        bind_targets(inner, name, Binding::Kind::Parameter, 0);
      }
      push(type, outer);   // annotations and defaults run in the enclosing scope
      push(value, outer);
    });
  }

  void function(TSNode n, int scope, TSNode parent) {
    TSNode name = field(n, "name");
    bind(scope, name, {Binding::Kind::Definition, {}, n, {}, scope}, ts_node_end_byte(n));
    int inner = new_scope(ScopeKind::Function, scope, n);
    m.scopes_[inner].is_async = is_async_function(n);
    m.scopes_[inner].name = m.text(name);
    m.scopes_[inner].qualname = qualname_in(scope, m.text(name));
    decorators_of(n, parent, m.scopes_[inner].decorators);
    push(field(n, "body"), inner);
    push(field(n, "return_type"), scope);
    push(field(n, "type_parameters"), scope);
    parameters(field(n, "parameters"), inner, scope);
    // `self` is only the receiver when the function is a method.
    if (m.scopes_[scope].kind != ScopeKind::Class) m.scopes_[inner].first_parameter = {};
  }

  void lambda(TSNode n, int scope) {
    int inner = new_scope(ScopeKind::Lambda, scope, n);
    push(field(n, "body"), inner);
    TSNode params = field(n, "parameters");
    if (!ts_node_is_null(params)) parameters(params, inner, scope);
    m.scopes_[inner].first_parameter = {};
  }

  void klass(TSNode n, int scope, TSNode parent) {
    TSNode name = field(n, "name");
    bind(scope, name, {Binding::Kind::Definition, {}, n, {}, scope}, ts_node_end_byte(n));
    int inner = new_scope(ScopeKind::Class, scope, n);
    m.scopes_[inner].name = m.text(name);
    m.scopes_[inner].qualname = qualname_in(scope, m.text(name));
    decorators_of(n, parent, m.scopes_[inner].decorators);
    for_each_named_child(field(n, "superclasses"), [&](TSNode b) {
      if (!is(b, k.keyword_argument)) m.scopes_[inner].bases.push_back(b);
    });
    push(field(n, "body"), inner);
    push(field(n, "superclasses"), scope);
    push(field(n, "type_parameters"), scope);
  }

  void comprehension(TSNode n, int scope) {
    int inner = new_scope(ScopeKind::Comprehension, scope, n);
    bool first = true;
    size_t mark = stack.size();
    for_each_named_child(n, [&](TSNode c) {
      if (is(c, k.for_in_clause)) {
        bind_targets(inner, field(c, "left"), Binding::Kind::Other);
        // The first iterable is evaluated in the enclosing scope.
        for_each_child(c, [&](TSNode part, const char* f) {
          // Its parent is the clause: iterating a value uses it as data.
          if (f && std::string_view(f) == "right") stack.push_back({part, first ? scope : inner, c});
        });
        first = false;
      } else {
        stack.push_back({c, inner, cur});
      }
      if (is(c, k.for_in_clause) && has_async_keyword(c)) note_await(scope, c);
    });
    std::reverse(stack.begin() + static_cast<long>(mark), stack.end());
  }

  void import(TSNode n, int scope) {
    for_each_child(n, [&](TSNode c, const char* f) {
      if (!f || std::string_view(f) != "name") return;
      if (is(c, k.dotted_name)) {
        // `import a.b.c` binds `a`.
        TSNode head = ts_node_named_child(c, 0);
        bind(scope, head, {Binding::Kind::Import, std::string(m.text(head)), {}, {}, scope}, ts_node_end_byte(n));
      } else if (is(c, k.aliased_import)) {
        bind(scope, field(c, "alias"), {Binding::Kind::Import, std::string(m.text(field(c, "name"))), {}, {}, scope},
             ts_node_end_byte(n));
      }
    });
  }

  void import_from(TSNode n, int scope) {
    TSNode module = field(n, "module_name");
    std::string base = absolute_module(std::string(m.text(module)), m.module_);
    for_each_child(n, [&](TSNode c, const char* f) {
      if (is(c, k.wildcard_import)) {
        m.scopes_[scope].star_import = true;
        return;
      }
      if (!f || std::string_view(f) != "name") return;
      if (is(c, k.dotted_name)) {
        std::string q = base.ends_with('.') ? base + std::string(m.text(c)) : base + "." + std::string(m.text(c));
        bind(scope, ts_node_named_child(c, 0), {Binding::Kind::Import, q, {}, {}, scope}, ts_node_end_byte(n));
      } else if (is(c, k.aliased_import)) {
        std::string name(m.text(field(c, "name")));
        std::string q = base.ends_with('.') ? base + name : base + "." + name;
        bind(scope, field(c, "alias"), {Binding::Kind::Import, q, {}, {}, scope}, ts_node_end_byte(n));
      }
    });
  }

  void assignment(TSNode n, int scope) {
    TSNode left = field(n, "left");
    TSNode right = field(n, "right");
    TSNode type = field(n, "type");
    TSNode value = right;
    while (is(value, k.assignment)) value = field(value, "right");  // a = b = v
    uint32_t end = ts_node_end_byte(n);  // the value is evaluated before the name is bound
    if (is(left, k.identifier)) {
      // `x: T = v` is typed by its annotation first, then by its value.
      if (!ts_node_is_null(value))
        bind(scope, left, {Binding::Kind::Assignment, {}, value, type, scope}, end);
      else
        bind(scope, left, {Binding::Kind::Parameter, {}, {}, type, scope}, end);  // `x: T` declaration
    } else if (is(left, k.attribute)) {
      if (!ts_node_is_null(value)) maybe_instance_attribute(scope, left, value);
    } else if (!ts_node_is_null(left)) {
      bind_unpacked(scope, left, value, end);
    }
    push_children(n, scope);
  }

  static bool is_sequence_kind(std::string_view t) {
    return t == "pattern_list" || t == "tuple_pattern" || t == "list_pattern" || t == "tuple" ||
           t == "list" || t == "expression_list" || t == "set";
  }

  // `a, (b, c) = x, (y, z)`: pairs targets with values element by element, so
  // each name gets its own value; stops pairing at a starred element.
  void bind_unpacked(int scope, TSNode target, TSNode value, uint32_t end) {
    std::vector<std::pair<TSNode, TSNode>> todo{{target, value}};
    while (!todo.empty()) {
      auto [t, v] = todo.back();
      todo.pop_back();
      t = unparenthesize(t);
      v = unparenthesize(v);
      if (is(t, k.identifier)) {
        if (ts_node_is_null(v)) bind(scope, t, {Binding::Kind::Other, {}, {}, {}, scope}, end);
        else bind(scope, t, {Binding::Kind::Assignment, {}, v, {}, scope}, end);
        continue;
      }
      bool paired = false;
      if (!ts_node_is_null(v) && is_sequence_kind(ts_node_type(t)) && is_sequence_kind(ts_node_type(v)) &&
          ts_node_named_child_count(t) == ts_node_named_child_count(v)) {
        std::vector<TSNode> ts, vs;
        bool splat = false;
        for_each_named_child(t, [&](TSNode c) { ts.push_back(c); splat = splat || is(c, k.list_splat_pattern) || std::string_view(ts_node_type(c)) == "list_splat"; });
        for_each_named_child(v, [&](TSNode c) { vs.push_back(c); splat = splat || std::string_view(ts_node_type(c)) == "list_splat"; });
        if (!splat && ts.size() == vs.size()) {
          for (size_t i = ts.size(); i-- > 0;) todo.push_back({ts[i], vs[i]});
          paired = true;
        }
      }
      if (!paired) bind_targets(scope, t, Binding::Kind::Other, end);
    }
  }

  void with_item(TSNode n, int scope) {
    TSNode v = field(n, "value");
    if (is(v, k.as_pattern)) {
      TSNode expr = ts_node_named_child(v, 0);
      TSNode alias = field(v, "alias");
      TSNode target = ts_node_named_child_count(alias) ? ts_node_named_child(alias, 0) : alias;
      if (is(target, k.identifier))
        bind(scope, target, {Binding::Kind::WithItem, {}, expr, {}, scope}, ts_node_end_byte(n));
      else if (!ts_node_is_null(target))
        bind_targets(scope, target, Binding::Kind::Other, ts_node_end_byte(n));
      push(expr, scope);
      return;
    }
    push_children(n, scope);
  }

  void names_into(TSNode n, std::vector<std::string_view>& out) {
    for_each_named_child(n, [&](TSNode c) {
      if (is(c, k.identifier)) out.push_back(m.text(c));
    });
  }

  void run(TSNode root) {
    new_scope(ScopeKind::Module, -1, root);
    push(root, 0);
    while (!stack.empty()) {
      // Plain copies, not a structured binding: clang before 16 cannot
      // capture one in the lambdas below.
      const TSNode n = stack.back().node, parent = stack.back().parent;
      const int scope = stack.back().scope;
      stack.pop_back();
      cur = n;
      TSSymbol s = ts_node_symbol(n);
      if (s == k.call) {
        m.calls_.push_back({n, scope, parent});
        push_children(n, scope);
      } else if (s == k.function_definition) {
        function(n, scope, parent);
      } else if (s == k.class_definition) {
        klass(n, scope, parent);
      } else if (s == k.await) {
        note_await(scope, n);
        push_children(n, scope);
      } else if (s == k.yield) {
        if (int f = body_function(scope); f >= 0) m.scopes_[f].is_generator = true;
        m.yields_.push_back({n, scope});
        push_children(n, scope);
      } else if (s == k.while_statement) {
        m.whiles_.push_back({n, scope});
        push_children(n, scope);
      } else if (s == k.try_statement) {
        m.tries_.push_back({n, scope});
        push_children(n, scope);
      } else if (s == k.with_statement) {
        m.withs_.push_back({n, scope});
        if (has_async_keyword(n)) note_await(scope, n);
        push_children(n, scope);
      } else if (s == k.lambda) {
        lambda(n, scope);
      } else if (s == k.list_comprehension || s == k.set_comprehension ||
                 s == k.dictionary_comprehension || s == k.generator_expression) {
        comprehension(n, scope);
      } else if (s == k.import_statement) {
        import(n, scope);
      } else if (s == k.import_from_statement) {
        import_from(n, scope);
      } else if (s == k.assignment) {
        assignment(n, scope);
      } else if (s == k.augmented_assignment) {
        TSNode left = field(n, "left");
        if (is(left, k.identifier)) bind(scope, left, {Binding::Kind::Other, {}, {}, {}, scope}, ts_node_end_byte(n));
        push_children(n, scope);
      } else if (s == k.for_statement) {
        if (has_async_keyword(n)) note_await(scope, n);
        bind_targets(scope, field(n, "left"), Binding::Kind::Other);
        push_children(n, scope);
      } else if (s == k.with_item) {
        with_item(n, scope);
      } else if (s == k.except_clause || s == k.except_group_clause) {
        // `except E, e` (Python 2) has an alias field; `except E as e` and
        // `except* E as e` parse as an as_pattern.
        // The name is deleted when the handler ends.
        Binding handler{Binding::Kind::Other, {}, {}, {}, scope};
        handler.visible_to = ts_node_end_byte(n);
        TSNode alias = field(n, "alias");
        if (is(alias, k.identifier)) bind(scope, alias, handler);
        for_each_named_child(n, [&](TSNode c) {
          if (!is(c, k.as_pattern)) return;
          TSNode target = field(c, "alias");
          if (ts_node_named_child_count(target)) target = ts_node_named_child(target, 0);
          bind(scope, target, handler);
        });
        push_children(n, scope);
      } else if (s == k.case_clause) {
        bind_captures(n, scope);
        push_children(n, scope);
      } else if (s == k.named_expression) {
        int target = scope;
        while (m.scopes_[target].kind == ScopeKind::Comprehension) target = m.scopes_[target].parent;
        bind(target, field(n, "name"), {Binding::Kind::Assignment, {}, field(n, "value"), {}, scope},
             ts_node_end_byte(n));
        push(field(n, "value"), scope);
      } else if (s == k.global_statement) {
        names_into(n, m.scopes_[scope].globals);
      } else if (s == k.nonlocal_statement) {
        names_into(n, m.scopes_[scope].nonlocals);
      } else if (s == k.print_statement || s == k.exec_statement) {
        m.python2_statements_.push_back(n);
        push_children(n, scope);
      } else if (s == k.string) {
        // Only an f-string's replacement fields hold code.
        size_t mark = stack.size();
        for_each_named_child(n, [&](TSNode c) {
          if (is(c, k.interpolation)) stack.push_back({c, scope, n});
        });
        std::reverse(stack.begin() + static_cast<long>(mark), stack.end());
      } else if (s == k.future_import_statement || s == k.comment) {
        // Nothing to resolve inside.
      } else {
        push_children(n, scope);
      }
    }
  }
};

std::string absolute_module(const std::string& ref, const ModuleInfo& module) {
  if (ref.empty() || ref[0] != '.' || module.name.empty()) return ref;
  size_t dots = 0;
  while (dots < ref.size() && ref[dots] == '.') ++dots;
  // One dot is the current package: the module itself for an __init__.py.
  std::string base = module.name;
  size_t up = module.is_package ? dots - 1 : dots;
  for (size_t i = 0; i < up; ++i) {
    auto p = base.rfind('.');
    if (p == std::string::npos) {
      if (i + 1 < up || base.empty()) return ref;  // above the top-level package
      base.clear();
      continue;
    }
    base.resize(p);
  }
  std::string rest = ref.substr(dots);
  if (base.empty()) return rest.empty() ? ref : rest;
  return rest.empty() ? base : base + "." + rest;
}

namespace {
uint64_t call_key(TSNode n) { return uint64_t{ts_node_start_byte(n)} << 32 | ts_node_end_byte(n); }
}  // namespace

SemanticModel::SemanticModel(TSNode root, std::string_view source, const Catalog& catalog, ModuleInfo module)
    : source_(source), catalog_(catalog), k_(Kinds::get()), module_(std::move(module)) {
  Builder b{*this, k_, {}};
  b.run(root);
  for (const auto& cell : module_.cells)
    if (std::any_of(top_level_awaits_.begin(), top_level_awaits_.end(),
                    [&](uint32_t at) { return at >= cell.first && at < cell.second; }))
      async_cells_.push_back(cell);
  call_index_.reserve(calls_.size());
  for (size_t i = 0; i < calls_.size(); ++i) call_index_.push_back({call_key(calls_[i].call), i});
  std::sort(call_index_.begin(), call_index_.end());
}

int SemanticModel::call_scope(TSNode call) const {
  uint64_t key = call_key(call);
  // Calls with one range (`f()()` has two) are told apart by node identity.
  for (auto it = std::lower_bound(call_index_.begin(), call_index_.end(), std::pair<uint64_t, size_t>{key, 0});
       it != call_index_.end() && it->first == key; ++it)
    if (ts_node_eq(calls_[it->second].call, call)) return calls_[it->second].scope;
  return -1;
}

int SemanticModel::enclosing_function(int scope) const {
  while (scope >= 0 && scopes_[scope].kind == ScopeKind::Comprehension) scope = scopes_[scope].parent;
  if (scope >= 0 && scopes_[scope].kind == ScopeKind::Function) return scope;
  return -1;
}

bool SemanticModel::in_async_context(int scope) const {
  while (scope >= 0 && scopes_[scope].kind == ScopeKind::Comprehension) scope = scopes_[scope].parent;
  return scope >= 0 && scopes_[scope].kind == ScopeKind::Function && scopes_[scope].is_async;
}

bool SemanticModel::at_module_level(int scope) const {
  while (scope >= 0 && scopes_[scope].kind == ScopeKind::Comprehension) scope = scopes_[scope].parent;
  return scope >= 0 && scopes_[scope].kind == ScopeKind::Module;
}

bool SemanticModel::in_async_context(int scope, uint32_t at) const {
  if (in_async_context(scope)) return true;
  if (async_cells_.empty() || !at_module_level(scope)) return false;
  return std::any_of(async_cells_.begin(), async_cells_.end(),
                     [&](const auto& c) { return at >= c.first && at < c.second; });
}

std::span<const Binding> SemanticModel::lookup(std::string_view name, int scope, uint32_t use) const {
  bool first = true;
  bool immediate = true;  // the reference runs while this scope's body runs
  int s = scope;
  while (s >= 0) {
    const Scope& sc = scopes_[s];
    // Class bodies are not visible from the functions nested in them.
    if (!first && sc.kind == ScopeKind::Class) {
      s = sc.parent;
      continue;
    }
    first = false;
    auto has = [&](const std::vector<std::string_view>& v) { return std::find(v.begin(), v.end(), name) != v.end(); };
    if (s != 0 && has(sc.globals)) {
      s = 0;  // the binding lives in the module
      immediate = false;
      continue;
    }
    if (has(sc.nonlocals)) {
      s = sc.parent;
      immediate = false;
      continue;
    }
    auto it = sc.bindings.find(name);
    if (it != sc.bindings.end()) {
      const std::vector<Binding>& all = it->second;
      if (immediate) {
        const Binding* last = nullptr;
        for (const Binding& b : all)
          if (b.visible_from <= use && use < b.visible_to && (!last || b.visible_from >= last->visible_from))
            last = &b;
        if (last) return {last, 1};
      }
      return {all.data(), all.size()};
    }
    // Comprehensions run inline; functions, lambdas and classes run later or apart.
    if (sc.kind != ScopeKind::Comprehension) immediate = false;
    s = sc.parent;
  }
  return {};
}

std::optional<std::string> SemanticModel::qualified_name(TSNode expr, int scope) const {
  expr = unparenthesize(expr);
  // Walk down an attribute chain iteratively: a.b.c -> head `a`, tail ".b.c".
  std::vector<std::string_view> tail;
  while (is(expr, k_.attribute)) {
    tail.push_back(text(field(expr, "attribute")));
    expr = unparenthesize(field(expr, "object"));
  }
  if (!is(expr, k_.identifier)) return std::nullopt;
  std::string_view name = text(expr);
  std::string q;
  if (auto bs = lookup(name, scope, ts_node_start_byte(expr)); !bs.empty()) {
    for (const Binding& b : bs) {
      if (b.kind != Binding::Kind::Import) return std::nullopt;  // shadowed
      if (!q.empty() && q != b.qualified) return std::nullopt;   // ambiguous
      q = b.qualified;
    }
  } else if (scopes_[0].star_import || !is_builtin_name(name)) {
    return std::nullopt;  // `from x import *` could have bound it: never guess
  } else {
    q = "builtins.";
    q += name;
  }
  for (auto it = tail.rbegin(); it != tail.rend(); ++it) {
    q += '.';
    q += *it;
  }
  return q;
}

std::optional<std::string> SemanticModel::resolve_callee(TSNode callee, int scope, int depth) const {
  if (depth > kMaxTypeDepth) return std::nullopt;
  callee = unparenthesize(callee);
  if (auto q = qualified_name(callee, scope)) return q;
  if (is(callee, k_.attribute)) {
    if (auto t = type_of(field(callee, "object"), scope, depth + 1)) {
      return *t + "." + std::string(text(field(callee, "attribute")));
    }
  }
  return std::nullopt;
}

std::optional<std::string> SemanticModel::canonical_type(const std::string& q) const {
  if (auto a = catalog_.aliases.find(q); a != catalog_.aliases.end()) return a->second;
  if (catalog_.type_names.contains(q)) return q;
  return std::nullopt;
}

std::optional<std::string> SemanticModel::binding_type(std::span<const Binding> bs, int depth) const {
  std::optional<std::string> result;
  for (const Binding& b : bs) {
    std::optional<std::string> t;
    switch (b.kind) {
      case Binding::Kind::Assignment:
      case Binding::Kind::WithItem:
        if (!ts_node_is_null(b.annotation)) t = type_of_annotation(b.annotation, b.scope);
        if (!t) t = type_of(b.value, b.scope, depth + 1);
        break;
      case Binding::Kind::Parameter:
        if (!ts_node_is_null(b.annotation)) t = type_of_annotation(b.annotation, b.scope);
        break;
      default:
        break;
    }
    // Only one consistent type counts (ruff's "only binding" rule, relaxed to
    // agreeing bindings); anything else is unknown, never guessed.
    if (!t || (result && *result != *t)) return std::nullopt;
    result = t;
  }
  return result;
}

std::optional<std::string> SemanticModel::type_of(TSNode expr, int scope, int depth) const {
  if (depth > kMaxTypeDepth || ts_node_is_null(expr)) return std::nullopt;
  expr = unparenthesize(expr);
  TSSymbol s = ts_node_symbol(expr);
  if (s == k_.call) {
    auto q = resolve_callee(field(expr, "function"), scope, depth + 1);
    if (!q) return std::nullopt;
    if (auto a = catalog_.aliases.find(*q); a != catalog_.aliases.end()) q = a->second;
    if (auto r = catalog_.returns.find(*q); r != catalog_.returns.end()) return r->second;
    return std::nullopt;
  }
  if (s == k_.identifier) {
    auto bs = lookup(text(expr), scope, ts_node_start_byte(expr));
    return bs.empty() ? std::nullopt : binding_type(bs, depth);
  }
  if (s == k_.attribute) {
    TSNode obj = unparenthesize(field(expr, "object"));
    std::string_view attr = text(field(expr, "attribute"));
    int fn = enclosing_function(scope);
    if (is(obj, k_.identifier) && fn >= 0 && !scopes_[fn].first_parameter.empty() &&
        text(obj) == scopes_[fn].first_parameter) {
      const Scope& cls = scopes_[scopes_[fn].parent];
      auto it = cls.instance_attributes.find(attr);
      if (it != cls.instance_attributes.end()) return binding_type({it->second.data(), it->second.size()}, depth);
      return std::nullopt;
    }
    if (auto t = type_of(obj, scope, depth + 1)) {
      if (auto a = catalog_.attributes.find(*t); a != catalog_.attributes.end()) return a->second;
    }
    return std::nullopt;
  }
  if (s == k_.await) {
    // The catalog types awaitables by what awaiting them produces.
    return type_of(ts_node_named_child(expr, 0), scope, depth + 1);
  }
  if (s == k_.subscript) {
    if (auto t = type_of(field(expr, "value"), scope, depth + 1)) {
      if (auto a = catalog_.attributes.find(*t); a != catalog_.attributes.end()) return a->second;
    }
    return std::nullopt;
  }
  if (s == k_.binary_operator) {
    // pathlib: `base / "name"` is another Path.
    if (text(field(expr, "operator")) == "/") {
      auto t = type_of(field(expr, "left"), scope, depth + 1);
      if (t && *t == "pathlib.Path") return t;
    }
  }
  return std::nullopt;
}

std::optional<std::string> SemanticModel::type_of_annotation(TSNode ann, int scope) const {
  std::vector<TSNode> todo{ann};
  std::optional<std::string> found;
  // Optional[T], Union[T, None] and T | None all denote T.
  while (!todo.empty()) {
    TSNode n = unparenthesize(todo.back());
    todo.pop_back();
    if (ts_node_is_null(n)) continue;
    TSSymbol s = ts_node_symbol(n);
    if (s == k_.type) {
      for_each_named_child(n, [&](TSNode c) { todo.push_back(c); });
      continue;
    }
    if (s == k_.identifier || s == k_.attribute) {
      std::string_view t = text(n);
      if (t == "None") continue;
      auto q = qualified_name(n, scope);
      if (!q) return std::nullopt;
      auto c = canonical_type(*q);
      if (!c || (found && *found != *c)) return std::nullopt;
      found = c;
      continue;
    }
    if (s == k_.binary_operator && text(field(n, "operator")) == "|") {
      todo.push_back(field(n, "left"));
      todo.push_back(field(n, "right"));
      continue;
    }
    if (s == k_.subscript) {
      auto q = qualified_name(field(n, "value"), scope);
      if (!q || (*q != "typing.Optional" && *q != "typing.Union")) return std::nullopt;
      for_each_child(n, [&](TSNode c, const char* f) {
        if (f && std::string_view(f) == "subscript") todo.push_back(c);
      });
      continue;
    }
    std::string_view kind = ts_node_type(n);
    if (kind == "none") continue;
    if (kind == "generic_type" || kind == "union_type" || kind == "type_parameter" || kind == "tuple") {
      // generic_type: Optional[T] parsed as a type; look at its name first.
      if (kind == "generic_type") {
        TSNode head = ts_node_named_child(n, 0);
        auto q = qualified_name(head, scope);
        if (!q || (*q != "typing.Optional" && *q != "typing.Union")) return std::nullopt;
        for (uint32_t i = 1; i < ts_node_named_child_count(n); ++i) todo.push_back(ts_node_named_child(n, i));
      } else {
        for_each_named_child(n, [&](TSNode c) { todo.push_back(c); });
      }
      continue;
    }
    return std::nullopt;
  }
  return found;
}

int SemanticModel::method_class(int fn) const {
  if (fn < 0 || scopes_[fn].kind != ScopeKind::Function) return -1;
  int p = scopes_[fn].parent;
  return p >= 0 && scopes_[p].kind == ScopeKind::Class ? p : -1;
}

int SemanticModel::definition_scope(TSNode def) const {
  auto it = definition_scopes_.find(def.id);
  return it == definition_scopes_.end() ? -1 : it->second;
}

std::optional<std::string> SemanticModel::resolve_project_callee(TSNode callee, int scope, int depth) const {
  if (depth > kMaxTypeDepth) return std::nullopt;
  callee = unparenthesize(callee);
  const std::string prefix = module_prefix();
  // A name bound by a def/class of this module, or by an import.
  auto named = [&](TSNode ident) -> std::optional<std::string> {
    auto bs = lookup(text(ident), scope, ts_node_start_byte(ident));
    if (bs.size() != 1) {
      // Several imports of the same name agree, anything else is ambiguous.
      std::optional<std::string> q;
      for (const Binding& b : bs) {
        if (b.kind != Binding::Kind::Import || (q && *q != b.qualified)) return std::nullopt;
        q = b.qualified;
      }
      return q;
    }
    const Binding& b = bs[0];
    if (b.kind == Binding::Kind::Import) return b.qualified;
    if (b.kind == Binding::Kind::Definition) {
      int s = definition_scope(b.value);
      if (s >= 0 && !scopes_[s].qualname.empty()) return prefix + scopes_[s].qualname;
    }
    return std::nullopt;
  };
  if (is(callee, k_.identifier)) return named(callee);
  if (!is(callee, k_.attribute)) return std::nullopt;

  TSNode obj = unparenthesize(field(callee, "object"));
  std::string attr(text(field(callee, "attribute")));
  int fn = enclosing_function(scope);
  int cls = method_class(fn);
  // self.m() / cls.m() inside a method of C.
  if (cls >= 0 && is(obj, k_.identifier) && text(obj) == scopes_[fn].first_parameter &&
      !scopes_[cls].qualname.empty()) {
    return prefix + scopes_[cls].qualname + "." + attr;
  }
  // super().m() inside a method of C.
  if (cls >= 0 && is(obj, k_.call) && text(field(obj, "function")) == "super" && !scopes_[cls].qualname.empty()) {
    return "super:" + prefix + scopes_[cls].qualname + "." + attr;
  }
  // C().m() or x.m() with x = C(...): "C().m", resolved once classes are known.
  TSNode made = obj;
  if (is(obj, k_.identifier)) {
    auto bs = lookup(text(obj), scope, ts_node_start_byte(obj));
    if (bs.size() == 1 && (bs[0].kind == Binding::Kind::Assignment || bs[0].kind == Binding::Kind::WithItem))
      made = unparenthesize(bs[0].value);
    if (bs.size() == 1 && bs[0].kind == Binding::Kind::Definition) {
      int s = definition_scope(bs[0].value);
      if (s >= 0 && scopes_[s].kind == ScopeKind::Class && !scopes_[s].qualname.empty())
        return prefix + scopes_[s].qualname + "." + attr;  // C.static_method()
    }
  }
  if (is(made, k_.call)) {
    int eval_scope = scope;
    if (!ts_node_eq(made, obj)) {
      auto bs = lookup(text(obj), scope, ts_node_start_byte(obj));
      eval_scope = bs[0].scope;
    }
    if (auto c = resolve_project_callee(field(made, "function"), eval_scope, depth + 1)) return *c + "()." + attr;
    return std::nullopt;
  }
  // module.f() through `import pkg.module` or `from pkg import module`.
  if (auto q = qualified_name(callee, scope)) return q;
  return std::nullopt;
}

}  // namespace asl
