// Where each local is declared. Python scopes locals to the whole function;
// C# scopes them to a block. A local is declared in the innermost block that
// holds every use of it; names bound by `for`/`with` and used only inside that
// statement stay scoped to it (each loop gets its own `foreach (var x ...)`).
#include <algorithm>

#include "translate/lowering.h"

namespace asl::tr {

namespace {

struct LocalWalker {
  const Kinds& k;
  std::string_view src;
  FunctionContext& ctx;
  std::vector<int> path;
  std::vector<std::set<std::string>> scoped;  // names bound by enclosing for/with/lambda/comprehension
  TSNode root{};  // the function's body (null: a synthesized entry's statements)

  bool is_scoped(const std::string& n) const {
    for (const auto& s : scoped)
      if (s.count(n)) return true;
    return false;
  }

  void targets(TSNode t, std::set<std::string>& out) {
    if (is(t, k.identifier)) { out.insert(std::string(node_text(t, src))); return; }
    if (is(t, k.pattern_list) || is(t, k.tuple_pattern) || is(t, k.list_pattern) || is(t, k.tuple) ||
        is(t, k.list) || is(t, k.parenthesized_expression))
      for_each_named_child(t, [&](TSNode c) { targets(c, out); });
  }

  // Whether `name` is read in `n` outside `loop`, other than where a statement
  // or comprehension binds it anew (a second `for name in ...`).
  bool used_outside(TSNode n, const std::string& name, TSNode loop) {
    if (ts_node_eq(n, loop)) {  // its `else` runs after it
      TSNode alt = field(n, "alternative");
      return !ts_node_is_null(alt) && used_outside(alt, name, TSNode{});
    }
    std::string_view type = ts_node_type(n);
    if (type == "function_definition" || type == "class_definition" || type == "lambda") return false;
    if (is(n, k.identifier)) return node_text(n, src) == name;
    if (type == "for_statement" || type == "list_comprehension" || type == "set_comprehension" ||
        type == "dictionary_comprehension" || type == "generator_expression") {
      std::set<std::string> bound;
      if (type == "for_statement") targets(field(n, "left"), bound);
      else for_each_named_child(n, [&](TSNode c) {
        if (std::string_view(ts_node_type(c)) == "for_in_clause") targets(field(c, "left"), bound);
      });
      if (bound.count(name)) return false;
    }
    bool found = false;
    for_each_named_child(n, [&](TSNode c) { found = found || used_outside(c, name, loop); });
    return found;
  }

  // Pass 1: names assigned outside any statement that scopes them.
  void assigned(TSNode n) {
    std::string_view type = ts_node_type(n);
    if (type == "function_definition" || type == "class_definition" || type == "lambda") return;
    if (type == "for_statement" || type == "for_in_clause") {
      std::set<std::string> bound;
      targets(field(n, "left"), bound);
      // A loop variable read after the loop (`for port in ports: ... break`,
      // then `return port`) is the function's local, as in Python.
      if (type == "for_statement" && is(field(n, "left"), k.identifier) && !ts_node_is_null(root)) {
        const std::string& nm = *bound.begin();
        if (!is_scoped(nm) && !ctx.params.count(nm) && !ctx.globals.count(nm) && used_outside(root, nm, n)) {
          ctx.locals[nm];
          bound.clear();
        }
      }
      scoped.push_back(bound);
      for_each_named_child(n, [&](TSNode c) { if (!ts_node_eq(c, field(n, "left"))) assigned(c); });
      scoped.pop_back();
      return;
    }
    if (type == "assignment" || type == "augmented_assignment") {
      std::set<std::string> names;
      targets(field(n, "left"), names);
      for (const auto& nm : names)
        if (!is_scoped(nm) && !ctx.params.count(nm) && !ctx.globals.count(nm)) ctx.locals[nm];
    }
    if (type == "named_expression") {
      std::string nm(node_text(field(n, "name"), src));
      if (!is_scoped(nm) && !ctx.params.count(nm)) ctx.locals[nm];
    }
    if (type == "global_statement" || type == "nonlocal_statement")
      for_each_named_child(n, [&](TSNode c) { ctx.globals.insert(std::string(node_text(c, src))); });
    for_each_named_child(n, [&](TSNode c) { assigned(c); });
  }

  void record(TSNode id) {
    std::string nm(node_text(id, src));
    auto it = ctx.locals.find(nm);
    if (it == ctx.locals.end() || is_scoped(nm)) return;
    LocalInfo& l = it->second;
    l.first_byte = std::min(l.first_byte, ts_node_start_byte(id));
    if (!l.has_lca) {
      l.lca = path;
      l.has_lca = true;
      return;
    }
    size_t common = 0;
    while (common < l.lca.size() && common < path.size() && l.lca[common] == path[common]) ++common;
    l.lca.resize(common);
  }

  // Pass 2: every use of a local widens its declaration block.
  void uses(TSNode n) {
    std::string_view type = ts_node_type(n);
    if (is(n, k.identifier)) { record(n); return; }
    if (is(n, k.attribute)) { uses(field(n, "object")); return; }
    if (is(n, k.keyword_argument)) { uses(field(n, "value")); return; }
    if (is(n, k.block)) {
      path.push_back(static_cast<int>(ts_node_start_byte(n)));
      for_each_named_child(n, [&](TSNode c) { uses(c); });
      path.pop_back();
      return;
    }
    if (type == "for_statement" || type == "with_statement") {
      std::set<std::string> bound;
      if (type == "for_statement") {
        targets(field(n, "left"), bound);
      } else {
        bind_with_targets(n, bound);
      }
      // A bound name that is also a function-wide local is not scoped here.
      std::set<std::string> scoped_here;
      for (const auto& b : bound)
        if (!ctx.locals.count(b)) scoped_here.insert(b);
      scoped.push_back(scoped_here);
      if (type == "for_statement") {
        // The loop variable lives in the loop body's block.
        TSNode body = field(n, "body");
        path.push_back(static_cast<int>(ts_node_start_byte(body)));
        uses(field(n, "left"));
        path.pop_back();
        uses(field(n, "right"));
        uses(body);
        if (TSNode alt = field(n, "alternative"); !ts_node_is_null(alt)) uses(alt);
      } else {
        for_each_named_child(n, [&](TSNode c) { uses(c); });
      }
      scoped.pop_back();
      return;
    }
    if (type == "lambda" || type == "list_comprehension" || type == "set_comprehension" ||
        type == "dictionary_comprehension" || type == "generator_expression") {
      std::set<std::string> bound;
      if (type == "lambda") {
        if (TSNode ps = field(n, "parameters"); !ts_node_is_null(ps))
          for_each_named_child(ps, [&](TSNode p) { targets(p, bound); });
      } else {
        for_each_named_child(n, [&](TSNode c) {
          if (std::string_view(ts_node_type(c)) == "for_in_clause") targets(field(c, "left"), bound);
        });
      }
      scoped.push_back(bound);
      for_each_named_child(n, [&](TSNode c) { uses(c); });
      scoped.pop_back();
      return;
    }
    if (type == "function_definition") {
      // A nested function: its own parameters shadow; uses of ours are captures.
      std::set<std::string> bound;
      for_each_named_child(field(n, "parameters"), [&](TSNode p) {
        if (is(p, k.identifier)) bound.insert(std::string(node_text(p, src)));
        else if (TSNode nm = field(p, "name"); !ts_node_is_null(nm)) bound.insert(std::string(node_text(nm, src)));
        else for_each_named_child(p, [&](TSNode c) { if (is(c, k.identifier)) bound.insert(std::string(node_text(c, src))); });
      });
      scoped.push_back(bound);
      uses(field(n, "body"));
      scoped.pop_back();
      return;
    }
    if (type == "except_clause") {
      // `except E as e`: e belongs to the handler.
      for_each_named_child(n, [&](TSNode c) { uses(c); });
      return;
    }
    for_each_named_child(n, [&](TSNode c) { uses(c); });
  }

  void bind_with_targets(TSNode with, std::set<std::string>& out) {
    for_each_named_child(with, [&](TSNode clause) {
      if (!is(clause, k.with_clause)) return;
      for_each_named_child(clause, [&](TSNode item) {
        TSNode v = field(item, "value");
        if (is(v, k.as_pattern)) {
          for_each_named_child(v, [&](TSNode c) {
            if (is(c, k.as_pattern_target)) for_each_named_child(c, [&](TSNode t) { targets(t, out); });
          });
        }
      });
    });
  }
};

}  // namespace

void Lowering::analyze_locals(TSNode body, FunctionContext& ctx, const std::vector<Param>& params) {
  for (const auto& p : params) ctx.params.insert(p.name);
  LocalWalker w{k_, src_, ctx, {}, {}, body};
  w.path.push_back(static_cast<int>(ts_node_start_byte(body)));
  for_each_named_child(body, [&](TSNode c) { w.assigned(c); });
  for_each_named_child(body, [&](TSNode c) { w.uses(c); });
}

void Lowering::analyze_locals_block(const std::vector<TSNode>& stmts, FunctionContext& ctx) {
  LocalWalker w{k_, src_, ctx, {}, {}};
  w.path.push_back(-1);  // the synthesized entry's body
  for (TSNode s : stmts) w.assigned(s);
  for (TSNode s : stmts) w.uses(s);
}

}  // namespace asl::tr
