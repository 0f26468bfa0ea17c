// Statement lowering. An unsupported construct inside a statement turns the
// whole statement into a Todo, so nothing is dropped or half-translated.
#include <fmt/format.h>

#include "translate/lowering.h"

namespace asl::tr {

Block Lowering::block(TSNode block_node) {
  // Comments between a header's `:` and the first statement hang off the
  // parent node in tree-sitter's tree; they belong at the top of the block.
  std::vector<TSNode> nodes;
  for (TSNode p = ts_node_prev_named_sibling(block_node); is(p, k_.comment); p = ts_node_prev_named_sibling(p))
    nodes.insert(nodes.begin(), p);
  for (TSNode c : named_children(block_node)) nodes.push_back(c);
  return statements(nodes, static_cast<int>(ts_node_start_byte(block_node)));
}

namespace {
// The translator's note of the first mapped call in an expression (a replaced blocking call).
const std::string* note_in(const Expr* e) {
  if (!e) return nullptr;
  if (e->api && !e->api->note.empty()) return &e->api->note;
  for (const auto& i : e->items)
    if (const std::string* n = note_in(i.get())) return n;
  for (const auto& a : e->args)
    if (const std::string* n = note_in(a.value.get())) return n;
  for (const auto& p : e->parts)
    if (const std::string* n = note_in(p.expr.get())) return n;
  return note_in(e->object.get());
}
}  // namespace

Block Lowering::statements(const std::vector<TSNode>& nodes, int block_id) {
  Block out;
  Narrowing scope(*this, {});  // what this block's guards establish ends with it
  bool pushed = false;
  if (fn_ && (fn_->block_path.empty() || fn_->block_path.back() != block_id)) {
    fn_->block_path.push_back(block_id);
    pushed = true;
  }
  uint32_t prev_line = 0;
  for (TSNode n : nodes) {
    if (is(n, k_.comment)) {
      if (consumed_comments_.count(ts_node_start_byte(n))) continue;
      consumed_comments_.insert(ts_node_start_byte(n));
      std::string c(text(n).substr(1));
      if (!out.empty() && pos(n).line == prev_line && out.back()->trailing_comment.empty()) {
        out.back()->trailing_comment = c;
      } else {
        auto s = std::make_unique<Stmt>(StmtKind::Comment, pos(n));
        s->text = c;
        s->blank_before = prev_line != 0 && pos(n).line > prev_line + 1;
        out.push_back(std::move(s));
      }
      prev_line = pos(n).line;
      continue;
    }
    // Declare locals whose declaration block is this one, before the first
    // statement that uses them unless that statement is their plain assignment.
    if (fn_) {
      for (auto& [lname, l] : fn_->locals) {
        if (l.declared || !l.has_lca || l.lca != fn_->block_path) continue;
        if (l.first_byte < ts_node_start_byte(n) || l.first_byte >= ts_node_end_byte(n)) continue;
        bool plain = false;
        if (is(n, k_.expression_statement)) {
          TSNode a = ts_node_named_child(n, 0);
          TSNode left = field(a, "left");
          plain = is(a, k_.assignment) && ts_node_start_byte(left) == l.first_byte && !ts_node_is_null(field(a, "right"));
          // `a, b = ...` declares its names itself only when all of them are
          // new here; otherwise the new ones are declared before it.
          if (is(a, k_.assignment) && (is(left, k_.pattern_list) || is(left, k_.tuple_pattern)) &&
              !ts_node_is_null(field(a, "right"))) {
            plain = true;
            for (TSNode t : named_children(left)) {
              LocalInfo* o = is(t, k_.identifier) ? local(std::string(text(t))) : nullptr;
              if (!o || o->declared || !o->has_lca || o->lca != fn_->block_path || o->first_byte != ts_node_start_byte(t) ||
                  fn_->globals.count(std::string(text(t))))
                plain = false;
            }
          }
        }
        if (plain) continue;
        auto d = std::make_unique<Stmt>(StmtKind::Declare, pos(n));
        d->target = make(ExprKind::Name, l.type, pos(n));
        d->target->text = lname;
        // Usually a consequence of another problem: reported only if nothing else is.
        if (!l.type.known() && !quiet_) deferred_.push_back({pos(n), fmt::format("type of local `{}` cannot be inferred", lname)});
        l.declared = true;
        out.push_back(std::move(d));
      }
    }
    size_t before = out.size();
    statement(n, out);
    if (out.size() > before) out[before]->blank_before = prev_line != 0 && pos(n).line > prev_line + 1;
    if (out.size() > before && out[before]->note.empty()) {
      if (const std::string* note = note_in(out[before]->value.get())) out[before]->note = *note;
    }
    if (out.size() > before) {
      // Comments inside the statement but outside its nested blocks lead it.
      std::vector<std::string> inner = comments_in(n);
      auto& first = out[before];
      first->comments.insert(first->comments.begin(), inner.begin(), inner.end());
    }
    prev_line = file_.location(ts_node_end_byte(n)).line;
  }
  if (pushed) fn_->block_path.pop_back();
  return out;
}

void Lowering::statement(TSNode n, Block& out) {
  std::string_view type = ts_node_type(n);
  try {
    SourcePos p = pos(n);
    if (type == "expression_statement") {
      TSNode e = ts_node_named_child(n, 0);
      if (is(e, k_.assignment) || is(e, k_.augmented_assignment)) {
        if (StmtPtr s = assignment(e)) out.push_back(std::move(s));
        return;
      }
      if (is(e, k_.string) && fn_ && !out.empty() == false && fn_->sig && !ts_node_is_null(fn_->sig->node) &&
          ts_node_eq(ts_node_named_child(field(fn_->sig->node, "body"), 0), n))
        return;  // the docstring, emitted as a doc comment
      if (is(e, k_.string)) {
        // A bare string statement is a comment in disguise.
        auto s = std::make_unique<Stmt>(StmtKind::Comment, p);
        s->text = " " + std::string(string(e)->text);
        out.push_back(std::move(s));
        return;
      }
      if (is(e, k_.yield)) {
        if (!fn_) unsupported(e, "yield outside a function");
        auto s = std::make_unique<Stmt>(StmtKind::Yield, p);
        TSNode v = ts_node_named_child(e, 0);
        if (ts_node_is_null(v)) unsupported(e, "bare yield");
        if (std::string_view(text(e)).starts_with("yield from")) unsupported(e, "yield from");
        s->value = expr(v);
        fn_->saw_yield = true;
        fn_->yields.push_back(s->value->type);
        out.push_back(std::move(s));
        return;
      }
      auto s = std::make_unique<Stmt>(StmtKind::Expr, p);
      // `await f(...)` or `f(...)` as a statement: its result is dropped.
      TSNode call = is(e, k_.await) ? ts_node_named_child(e, 0) : e;
      discarded_call_ = is(call, k_.call) ? call : TSNode{};
      s->value = expr(e);
      discarded_call_ = TSNode{};
      out.push_back(std::move(s));
      return;
    }
    if (type == "return_statement") {
      auto s = std::make_unique<Stmt>(StmtKind::Return, p);
      TSNode v = ts_node_named_child(n, 0);
      if (!ts_node_is_null(v)) {
        const Type* expected = fn_ && fn_->sig && fn_->sig->result_known ? &fn_->sig->result : nullptr;
        // Recorded before the value is typed: a return whose value cannot be
        // typed yet leaves the result open, never `None`.
        size_t slot = fn_ ? fn_->returns.size() : 0;
        if (fn_) fn_->returns.emplace_back();
        s->value = expr(v, expected);
        // A result that callers typed further types what is returned.
        if (fn_ && fn_->sig && !fn_->sig->result_annotated) refine_source(*s->value, fn_->sig->result);
        if (fn_) fn_->returns[slot] = s->value->type;
      } else if (fn_) {
        fn_->returns.push_back(TypeKind::None);
      }
      out.push_back(std::move(s));
      return;
    }
    if (type == "pass_statement") return;  // an empty block says the same
    if (type == "break_statement") { out.push_back(std::make_unique<Stmt>(StmtKind::Break, p)); return; }
    if (type == "continue_statement") { out.push_back(std::make_unique<Stmt>(StmtKind::Continue, p)); return; }
    if (type == "if_statement") {
      if (fn_ && fn_->is_entry && fn_->block_path.size() == 1 &&
          (text(field(n, "condition")) == "__name__ == \"__main__\"" || text(field(n, "condition")) == "__name__ == '__main__'")) {
        // The guard is implied by Main; its statements are already part of it.
        return;
      }
      out.push_back(if_statement(n));
      return;
    }
    if (type == "while_statement") {
      auto s = std::make_unique<Stmt>(StmtKind::While, p);
      forget_assigned_in(n);
      s->value = truthy(expr(field(n, "condition")));
      {
        Narrowing guard(*this, facts_of(field(n, "condition")).when_true);
        s->body = block(field(n, "body"));
      }
      loop_with_else(n, std::move(s), out);
      return;
    }
    if (type == "for_statement") { loop_with_else(n, for_statement(n), out); return; }
    if (type == "with_statement") { out.push_back(with_statement(n)); return; }
    if (type == "try_statement") { out.push_back(try_statement(n)); return; }
    if (type == "raise_statement") { out.push_back(raise_statement(n)); return; }
    if (type == "global_statement" || type == "nonlocal_statement") return;  // C# sees the field / captured local
    if (type == "function_definition") {
      auto s = std::make_unique<Stmt>(StmtKind::LocalFunction, p);
      Signature sig = signature_of(n, nullptr);
      if (sig.result_known && fn_) {
        // An annotated nested function may call itself.
        std::vector<Type> rt;
        for (const auto& prm : sig.params) rt.push_back(prm.type);
        bool gen = sig.result.kind == TypeKind::AsyncIterator || sig.result.kind == TypeKind::Iterator;
        rt.push_back(sig.is_async && !gen ? Type::awaitable(sig.result) : sig.result);
        inner_.push_back({{{sig.name, Type(TypeKind::Callable, rt)}}});
      }
      Function f = lower_function(n, sig, nullptr);
      // Later calls in this function see the nested function as a callable local.
      std::vector<Type> ft;
      for (const auto& prm : f.params) ft.push_back(prm.type);
      ft.push_back(f.is_async && !f.is_generator ? Type::awaitable(f.result) : f.result);
      if (!inner_.empty() || fn_) {
        inner_.push_back({{{f.name, Type(TypeKind::Callable, ft)}}});
      }
      s->function = std::make_unique<Function>(std::move(f));
      out.push_back(std::move(s));
      return;
    }
    if (type == "import_statement" || type == "import_from_statement") {
      collect_imports(n);
      return;
    }
    if (type == "assert_statement") unsupported(n, "assert statement");
    if (type == "delete_statement") { delete_statement(n, out); return; }
    if (type == "match_statement") unsupported(n, "match statement");
    if (type == "class_definition" || type == "decorated_definition") unsupported(n, "nested class or decorated definition");
    unsupported(n, fmt::format("statement `{}`", type));
  } catch (const Unsupported& u) {
    report(u.pos, u.what, u.end);
    auto s = std::make_unique<Stmt>(StmtKind::Todo, u.pos);
    s->text = u.what;
    s->python = std::string(text(n));
    out.push_back(std::move(s));
  }
}

StmtPtr Lowering::if_statement(TSNode n) {
  auto s = std::make_unique<Stmt>(StmtKind::If, pos(n));
  // Each branch knows its condition held and the earlier ones did not.
  std::map<std::string, Type> earlier_false;
  bool all_exit = true;
  auto branch = [&](TSNode cond, TSNode body) {
    ExprPtr c = truthy(expr(cond));
    Facts f = facts_of(cond);
    std::map<std::string, Type> here = earlier_false;
    for (const auto& [k, t] : f.when_true) here[k] = t;
    Block b;
    {
      Narrowing guard(*this, here);
      b = block(body);
    }
    for (const auto& [k, t] : f.when_false) earlier_false[k] = t;
    all_exit = all_exit && always_exits(body);
    s->branches.emplace_back(std::move(c), std::move(b));
  };
  branch(field(n, "condition"), field(n, "consequence"));
  bool has_else = false;
  for_each_named_child(n, [&](TSNode c) {
    std::string_view ct = ts_node_type(c);
    if (ct == "elif_clause") {
      branch(field(c, "condition"), field(c, "consequence"));
    } else if (ct == "else_clause") {
      has_else = true;
      Narrowing guard(*this, earlier_false);
      s->orelse = block(field(c, "body"));
    }
  });
  // `if x is None: return` -- what follows knows x is not None.
  if (!has_else && all_exit && !narrowed_.empty())
    for (const auto& [k, t] : earlier_false) narrowed_.back()[k] = t;
  return s;
}

StmtPtr Lowering::assignment(TSNode n) {
  SourcePos p = pos(n);
  TSNode left = field(n, "left"), right = field(n, "right");
  if (is(n, k_.augmented_assignment)) {
    auto s = std::make_unique<Stmt>(StmtKind::Assign, p);
    s->target = expr(left);
    if (s->target->kind == ExprKind::Unwrap)
      unsupported(left, fmt::format("augmented assignment to `{}`, an Optional known not to be None here", text(left)));
    std::string op(text(field(n, "operator")));
    op.pop_back();  // "+=" -> "+"
    s->op = op;
    s->value = expr(right, &s->target->type);
    if (s->target->kind == ExprKind::Name && s->target->name_kind == NameKind::Constant)
      unsupported(left, "assignment to a module constant");
    // `x += 1` where x is float and the value int is fine; a list grows in place.
    // `total += 0.5` or `x /= 2` on an int makes it a float, as in Python: the
    // variable (or field) is one from its first assignment on.
    if (s->target->type.kind == TypeKind::Int && (s->value->type.kind == TypeKind::Float || op == "/")) {
      if (Type* slot = storage_of(*s->target)) {
        *slot = TypeKind::Float;
        if (s->target->kind == ExprKind::Name && s->target->name_kind == NameKind::Local) {
          if (fn_) fn_->args_typed_locals = true;
        } else {
          inference_moved_ = true;
        }
      }
      s->target->type = TypeKind::Float;
    }
    return s;
  }
  Type annotated;
  if (TSNode ty = field(n, "type"); !ts_node_is_null(ty)) annotated = annotation(ty);
  if (ts_node_is_null(right)) {
    // `x: int` without a value declares; C# needs a definite value before use.
    if (is(left, k_.identifier) && fn_) {
      if (LocalInfo* l = local(std::string(text(left)))) l->type.refine(annotated);
    }
    return nullptr;
  }
  if (is(right, k_.assignment)) unsupported(n, "chained assignment `a = b = ...`");
  ExprPtr value;
  if (is(left, k_.identifier) && fn_) {
    LocalInfo* l = local(std::string(text(left)));
    const Type* expected = annotated.known() ? &annotated : (l && l->type.known() ? &l->type : nullptr);
    value = expr(right, expected);
  } else if (!is(left, k_.pattern_list) && !is(left, k_.tuple_pattern)) {
    ExprPtr t = expr(left);
    const Type* expected = annotated.known() ? &annotated : t->type.known() ? &t->type : nullptr;
    value = expr(right, expected);
  } else {
    value = expr(right);
  }
  return assign_to(left, std::move(value), p, annotated.known() ? &annotated : nullptr);
}

// `first, last = name.split(" ")`: a list unpacks into as many names as it
// has items, else ValueError (not enough / too many values to unpack).
ExprPtr Lowering::unpacked(ExprPtr list, size_t count, TSNode at) {
  const auto* entries = api_.find("builtins.list.__unpack__");
  if (!entries) unsupported(at, "unpacking a list (no mapping in rules/translate)");
  if (count < 2 || count > 6) unsupported(at, fmt::format("unpacking a list into {} names (2 to 6 are translated)", count));
  Type elem = list->type.element();
  auto call = make(ExprKind::ApiCall, Type(TypeKind::Tuple, std::vector<Type>(count, elem)), list->pos);
  call->api = entries->front();
  call->object = std::move(list);
  auto n = make(ExprKind::Int, TypeKind::Int, call->pos);
  n->text = std::to_string(count);
  call->args.push_back({"count", std::move(n)});
  return call;
}

// `d: dict[str, int] = defaultdict(int)`: the variable is the defaultdict (or
// Counter) the annotation allows, so that its reads behave as Python's do.
void Lowering::keep_subclass(Type& declared, const Type& value) {
  if (declared.kind == TypeKind::Dict && value.kind == TypeKind::Dict && declared.name.empty() && !value.name.empty())
    declared.name = value.name;
}

StmtPtr Lowering::assign_to(TSNode left, ExprPtr value, SourcePos p, const Type* annotated) {
  if (is(left, k_.pattern_list) || is(left, k_.tuple_pattern))
    for (TSNode t : named_children(left)) forget_narrowing(t);
  else
    forget_narrowing(left);
  if (is(left, k_.identifier)) {
    std::string nm(text(left));
    if (fn_ && !fn_->globals.count(nm)) {
      if (LocalInfo* l = local(nm)) {
        if (annotated) l->type = *annotated;
        if (value->kind == ExprKind::None && !l->type.known()) l->type.refine(TypeKind::None);
        else l->type.refine(value->type);
        keep_subclass(l->type, value->type);
        if (l->type.kind == TypeKind::None && !fn_->inferring) {
          // Assigned None only: still needs a type.
          unsupported(left, fmt::format("type of local `{}` cannot be inferred (only None is assigned)", nm));
        }
        bool declare = !l->declared && l->lca == fn_->block_path;
        auto s = std::make_unique<Stmt>(declare ? StmtKind::Declare : StmtKind::Assign, p);
        if (declare) l->declared = true;
        s->target = make(ExprKind::Name, l->type, pos(left));
        s->target->text = nm;
        if (value->kind == ExprKind::List || value->kind == ExprKind::Dict || value->kind == ExprKind::Set)
          if (!value->type.known()) value->type.refine(l->type);
        refine_source(*value, l->type);
        s->value = std::move(value);
        return s;
      }
    }
    // A module variable, or a parameter.
    auto s = std::make_unique<Stmt>(StmtKind::Assign, p);
    s->target = name(left);
    if (s->target->name_kind == NameKind::Constant) unsupported(left, "assignment to a module constant");
    s->value = std::move(value);
    return s;
  }
  if (is(left, k_.pattern_list) || is(left, k_.tuple_pattern)) {
    auto s = std::make_unique<Stmt>(StmtKind::Unpack, p);
    std::vector<TSNode> names = named_children(left);
    const Type& vt = value->type;
    if (vt.kind != TypeKind::Tuple && !vt.sequence() && vt.known())
      unsupported(left, fmt::format("unpacking a value of type `{}`", to_string(vt)));
    bool all_new = true, any_new = false;
    for (size_t i = 0; i < names.size(); ++i) {
      TSNode t = names[i];
      if (!is(t, k_.identifier)) unsupported(t, "unpacking into something other than names");
      Type et = vt.kind == TypeKind::Tuple ? vt.arg(i) : vt.element();
      std::string nm(text(t));
      LocalInfo* l = fn_ && !fn_->globals.count(nm) ? local(nm) : nullptr;
      ExprPtr target;
      if (l) {
        l->type.refine(et);
        bool declare = !l->declared && l->lca == fn_->block_path;
        if (declare) l->declared = true;
        any_new = any_new || declare;
        all_new = all_new && declare;
        target = make(ExprKind::Name, l->type, pos(t));
        target->text = nm;
      } else {
        all_new = false;
        target = name(t);
      }
      s->targets.push_back(std::move(target));
    }
    if (any_new && !all_new) unsupported(left, "unpacking into a mix of new and existing variables");
    if (vt.sequence()) value = unpacked(std::move(value), names.size(), left);
    s->declare = all_new;
    s->value = std::move(value);
    return s;
  }
  if (is(left, k_.attribute) || is(left, k_.subscript)) {
    auto s = std::make_unique<Stmt>(StmtKind::Assign, p);
    s->target = expr(left);
    // `d[k] = v` into a dictionary whose types are still open gives them.
    if (s->target->kind == ExprKind::Subscript && s->target->items.size() == 2 && s->target->items[0]->type.kind == TypeKind::Dict &&
        !s->target->items[0]->type.known()) {
      refine_storage(*s->target->items[0], Type::dict(s->target->items[1]->type, value->type));
      s->target->type = s->target->items[0]->type.arg(1);
    }
    // ... and a dictionary whose items are known types the value put in it.
    if (s->target->kind == ExprKind::Subscript && s->target->type.known()) refine_source(*value, s->target->type);
    // `self.x = value` in a method declares the field x; its type joins every
    // value assigned to it (`self.result = None`, later `self.result = 3`).
    if (s->target->kind == ExprKind::Attribute && fn_ && fn_->klass && s->target->object->name_kind == NameKind::Self) {
      Type t = annotated ? *annotated : value->type;
      keep_subclass(t, value->type);
      Type* ft = nullptr;
      for (ClassInfo* c = fn_->klass; c && !ft; c = c->base.empty() || !classes_.count(c->base) ? nullptr : &classes_[c->base])
        for (auto& [fname, ftype] : c->fields)
          if (fname == s->target->text) ft = &ftype;
      if (!ft) {
        fn_->klass->fields.emplace_back(s->target->text, t);
        inference_moved_ = inference_moved_ || t.known();
        s->target->type = t;
      } else if (auto j = join(*ft, t)) {
        if (!(*j == *ft)) {
          *ft = *j;
          inference_moved_ = true;
        }
        s->target->type = *ft;
      } else if (ft->known() && t.known()) {
        unsupported(left, fmt::format("attribute `self.{}` is assigned `{}` and `{}`", s->target->text, to_string(*ft),
                                      to_string(t)));
      }
    }
    s->value = std::move(value);
    return s;
  }
  unsupported(left, fmt::format("assignment target `{}`", text(left)));
}

StmtPtr Lowering::raise_statement(TSNode n) {
  auto s = std::make_unique<Stmt>(StmtKind::Raise, pos(n));
  TSNode v = ts_node_named_child(n, 0);
  if (!ts_node_is_null(v)) {
    if (is(v, k_.identifier) && !local(std::string(text(v))) && !lookup_inner(std::string(text(v)))) {
      // `raise ValueError` without a call: a new instance without a message.
      unsupported(v, "raise of an exception class without arguments; call it: `raise E(\"...\")`");
    }
    s->value = expr(v);
  }
  if (TSNode cause = field(n, "cause"); !ts_node_is_null(cause)) {
    s->cause = expr(cause);
    // `raise X from e`: the cause shows only in a traceback, which neither
    // target prints; a cause read without effects (a name, None) is dropped.
    auto k = s->cause->kind;
    if (k == ExprKind::None || k == ExprKind::Name || k == ExprKind::Unwrap) s->cause = nullptr;
  }
  return s;
}

StmtPtr Lowering::try_statement(TSNode n) {
  auto s = std::make_unique<Stmt>(StmtKind::Try, pos(n));
  s->body = block(field(n, "body"));
  for_each_named_child(n, [&](TSNode c) {
    std::string_view ct = ts_node_type(c);
    if (ct == "except_clause") {
      ExceptHandler h;
      h.pos = pos(c);
      TSNode body{};
      for_each_named_child(c, [&](TSNode x) {
        if (is(x, k_.block)) { body = x; return; }
        if (is(x, k_.as_pattern)) {
          TSNode types = ts_node_named_child(x, 0);
          if (is(types, k_.tuple)) for_each_named_child(types, [&](TSNode t) { h.types.push_back(exception_type(t)); });
          else h.types.push_back(exception_type(types));
          for_each_named_child(x, [&](TSNode t) {
            if (is(t, k_.as_pattern_target)) h.name = std::string(text(t));
          });
          return;
        }
        if (is(x, k_.tuple)) for_each_named_child(x, [&](TSNode t) { h.types.push_back(exception_type(t)); });
        else if (!is(x, k_.comment)) h.types.push_back(exception_type(x));
      });
      if (std::string_view(text(c)).starts_with("except*")) unsupported(c, "except* (exception groups)");
      // The handler's name is visible only inside it.
      InnerScope scope;
      if (!h.name.empty()) scope.names[h.name] = h.types.size() == 1 ? h.types[0] : Type::external("builtins.Exception");
      inner_.push_back(scope);
      h.body = block(body);
      inner_.pop_back();
      s->handlers.push_back(std::move(h));
    } else if (ct == "else_clause") {
      s->orelse = block(field(c, "body"));
    } else if (ct == "finally_clause") {
      s->finally_body = block(ts_node_named_child(c, ts_node_named_child_count(c) - 1));
    } else if (ct == "except_group_clause") {
      unsupported(c, "except* (exception groups)");
    }
  });
  return s;
}

// `del d[k]` / `del a[i]`: the item goes as `pop` removes it, with its
// KeyError or IndexError; the popped value is dropped.
void Lowering::delete_statement(TSNode n, Block& out) {
  TSNode list = ts_node_named_child(n, 0);
  std::vector<TSNode> targets = std::string_view(ts_node_type(list)) == "expression_list" ? named_children(list) : std::vector<TSNode>{list};
  for (TSNode t : targets) {
    if (!is(t, k_.subscript)) unsupported(t, "del of anything but an item of a list or dict");
    ExprPtr item = subscript(t);
    if (item->kind != ExprKind::Subscript) unsupported(t, "del of a slice or of a library object's item");
    const Type& of = item->items[0]->type;
    const char* pop = of.kind == TypeKind::Dict ? "builtins.dict.pop" : of.kind == TypeKind::List ? "builtins.list.pop" : nullptr;
    const auto* entries = pop ? api_.find(pop) : nullptr;
    if (!entries) unsupported(t, fmt::format("del of an item of `{}`", to_string(of)));
    const ApiEntry* e = nullptr;
    for (const ApiEntry* c : *entries)
      if (c->params.size() == 1) e = c;
    if (!e) unsupported(t, fmt::format("del of an item of `{}`", to_string(of)));
    auto call = make(ExprKind::ApiCall, {}, pos(t));
    call->api = e;
    call->object = std::move(item->items[0]);
    call->args.push_back({e->params[0], std::move(item->items[1])});
    call->type = from_pattern(e->returns, *e, call->args, call->object.get(), nullptr);
    auto s = std::make_unique<Stmt>(StmtKind::Expr, pos(t));
    s->value = std::move(call);
    out.push_back(std::move(s));
  }
}

namespace {

// Replaces each `break` of this loop (not of loops inside it) by `flag = True; break`.
void mark_breaks(Block& b, const ExprPtr& flag) {
  for (size_t i = 0; i < b.size(); ++i) {
    Stmt& s = *b[i];
    switch (s.kind) {
      case StmtKind::Break: {
        auto set = std::make_unique<Stmt>(StmtKind::Assign, s.pos);
        set->target = clone(*flag);
        set->value = std::make_unique<Expr>(ExprKind::Bool, TypeKind::Bool, s.pos);
        set->value->text = "true";
        b.insert(b.begin() + static_cast<std::ptrdiff_t>(i), std::move(set));
        ++i;
        break;
      }
      case StmtKind::While: case StmtKind::ForEach: case StmtKind::ForRange: case StmtKind::LocalFunction: break;
      default:
        for (auto& [c, body] : s.branches) mark_breaks(body, flag);
        mark_breaks(s.body, flag);
        mark_breaks(s.orelse, flag);
        mark_breaks(s.finally_body, flag);
        for (auto& h : s.handlers) mark_breaks(h.body, flag);
    }
  }
}

bool has_break(const Block& b) {
  for (const auto& s : b) {
    if (s->kind == StmtKind::Break) return true;
    if (s->kind == StmtKind::While || s->kind == StmtKind::ForEach || s->kind == StmtKind::ForRange ||
        s->kind == StmtKind::LocalFunction)
      continue;
    for (const auto& [c, body] : s->branches)
      if (has_break(body)) return true;
    if (has_break(s->body) || has_break(s->orelse) || has_break(s->finally_body)) return true;
    for (const auto& h : s->handlers)
      if (has_break(h.body)) return true;
  }
  return false;
}

}  // namespace

// `for`/`while` ... `else`: the else block runs when the loop ends without
// `break`. Without a break it simply follows the loop; with one, a flag set
// before each break guards it (both targets alike).
void Lowering::loop_with_else(TSNode n, StmtPtr loop, Block& out) {
  TSNode alt = field(n, "alternative");
  if (ts_node_is_null(alt)) { out.push_back(std::move(loop)); return; }
  SourcePos p = pos(alt);
  if (!has_break(loop->body)) {
    out.push_back(std::move(loop));
    Block tail = block(field(alt, "body"));
    for (auto& s : tail) out.push_back(std::move(s));
    return;
  }
  auto flag = make(ExprKind::Name, TypeKind::Bool, p);
  flag->text = fmt::format("broke_{}_{}", p.line, p.column);
  flag->name_kind = NameKind::Local;
  auto decl = std::make_unique<Stmt>(StmtKind::Declare, p);
  decl->target = clone(*flag);
  decl->value = make(ExprKind::Bool, TypeKind::Bool, p);
  decl->value->text = "false";
  out.push_back(std::move(decl));
  mark_breaks(loop->body, flag);
  out.push_back(std::move(loop));
  auto guard = std::make_unique<Stmt>(StmtKind::If, p);
  auto cond = make(ExprKind::Not, TypeKind::Bool, p);
  cond->items.push_back(clone(*flag));
  guard->branches.emplace_back(std::move(cond), block(field(alt, "body")));
  out.push_back(std::move(guard));
}

// C# and C++ loops declare their variable: where the loop variable is also a
// local of the function (read after the loop, or assigned elsewhere), the
// loop gets a fresh one, assigned to the local at the top of each iteration.
StmtPtr Lowering::loop_rebind(TSNode left, const Type& elem, InnerScope& scope, std::vector<ExprPtr>& targets) {
  std::string nm(text(left));
  LocalInfo* l = local(nm);
  l->type.refine(elem);
  if (!assignable(l->type, elem))
    unsupported(left, fmt::format("loop variable `{}` of type `{}` is also a local of type `{}`", nm, to_string(elem),
                                  to_string(l->type)));
  std::string fresh = nm + "Item";
  while (fn_->locals.count(fresh) || fn_->params.count(fresh) || lookup_inner(fresh)) fresh += "_";
  scope.names[fresh] = elem;
  auto t = make(ExprKind::Name, elem, pos(left));
  t->text = fresh;
  targets.push_back(std::move(t));
  auto rebind = std::make_unique<Stmt>(StmtKind::Assign, pos(left));
  rebind->target = make(ExprKind::Name, l->type, pos(left));
  rebind->target->text = nm;
  rebind->value = make(ExprKind::Name, elem, pos(left));
  rebind->value->text = fresh;
  return rebind;
}

StmtPtr Lowering::for_statement(TSNode n) {
  SourcePos p = pos(n);
  bool is_async = std::string_view(text(n)).starts_with("async");
  if (is_async && !in_async()) unsupported(n, "async for outside an async function");
  forget_assigned_in(n);
  TSNode left = field(n, "left"), right = field(n, "right");
  ExprPtr iter;
  // for i in range(...) -> a counting loop.
  if (is(right, k_.call) && qualified(field(right, "function")) == "builtins.range" && is(left, k_.identifier) && !is_async) {
    auto s = std::make_unique<Stmt>(StmtKind::ForRange, p);
    std::vector<TSNode> a = named_children(field(right, "arguments"));
    for (TSNode x : a)
      if (is(x, k_.keyword_argument) || std::string_view(ts_node_type(x)) == "list_splat") unsupported(x, "range() with keyword or starred arguments");
    if (a.empty() || a.size() > 3) unsupported(right, "range() with no or more than three arguments");
    ExprPtr start = a.size() == 1 ? make(ExprKind::Int, TypeKind::Int, p) : expr(a[0]);
    if (a.size() == 1) start->text = "0";
    ExprPtr stop = expr(a.size() == 1 ? a[0] : a[1]);
    ExprPtr step = a.size() == 3 ? expr(a[2]) : nullptr;
    if (step && step->kind != ExprKind::Int && !(step->kind == ExprKind::Unary && step->items[0]->kind == ExprKind::Int))
      unsupported(a[2], "range() with a step that is not a literal (its sign decides the loop condition)");
    for (auto* e : {start.get(), stop.get()})
      if (e->type.kind != TypeKind::Int) unsupported(right, "range() over a value that is not an int");
    s->range_args.push_back(std::move(start));
    s->range_args.push_back(std::move(stop));
    s->range_args.push_back(std::move(step));
    std::string nm(text(left));
    InnerScope scope;
    StmtPtr rebind;
    if (fn_ && fn_->locals.count(nm)) {
      rebind = loop_rebind(left, TypeKind::Int, scope, s->targets);
    } else {
      auto target = make(ExprKind::Name, TypeKind::Int, pos(left));
      target->text = nm;
      s->targets.push_back(std::move(target));
      scope.names[nm] = TypeKind::Int;
    }
    inner_.push_back(scope);
    s->body = block(field(n, "body"));
    inner_.pop_back();
    if (rebind) s->body.insert(s->body.begin(), std::move(rebind));
    return s;
  }
  auto s = std::make_unique<Stmt>(StmtKind::ForEach, p);
  s->is_async = is_async;
  iter = iterable(right);
  Type elem;
  const Type& it = iter->type;
  // as_completed is iterated with a plain `for` in Python; in C# it is an async stream.
  if (!is_async && iter->kind == ExprKind::ApiCall && iter->api && iter->api->python == "asyncio.as_completed") {
    if (!in_async()) unsupported(right, "asyncio.as_completed outside an async function");
    is_async = s->is_async = true;
  }
  if (is_async) {
    if (it.kind != TypeKind::AsyncIterator) unsupported(right, fmt::format("async for over `{}`", to_string(it)));
    elem = it.arg(0);
  } else {
    if (it.kind == TypeKind::AsyncIterator) unsupported(right, "for over an async iterator (use async for)");
    if (it.kind == TypeKind::Dict) {
      elem = it.arg(0);
    } else {
      elem = it.element();
    }
    if (!elem.known() && !quiet_) unsupported(right, fmt::format("iteration over a value of type `{}`", to_string(it)));
  }
  InnerScope scope;
  std::vector<StmtPtr> rebinds;  // names of the target that are locals of the function too
  // Targets: names, or (nested) tuples of names, which C# deconstructs the same way.
  std::vector<size_t> path;  // of the name being bound, in the element
  auto bind = [&](auto&& self, TSNode t, const Type& ty) -> ExprPtr {
    if (is(t, k_.pattern_list) || is(t, k_.tuple_pattern) || is(t, k_.parenthesized_expression) || is(t, k_.tuple)) {
      std::vector<TSNode> names = named_children(t);
      if ((ty.kind != TypeKind::Tuple || ty.args.size() != names.size()) && ty.known())
        unsupported(t, fmt::format("unpacking `{}` into {} names", to_string(ty), names.size()));
      auto tuple = make(ExprKind::Tuple, ty, pos(t));
      for (size_t i = 0; i < names.size(); ++i) {
        path.push_back(i);
        tuple->items.push_back(self(self, names[i], ty.arg(i)));
        path.pop_back();
      }
      return tuple;
    }
    if (!is(t, k_.identifier)) unsupported(t, "loop target other than names");
    std::string nm(text(t));
    if (fn_ && fn_->locals.count(nm)) {
      std::vector<ExprPtr> fresh;
      rebinds.push_back(loop_rebind(t, ty, scope, fresh));
      return std::move(fresh.front());
    }
    scope.names[nm] = ty;
    scope.origins[nm] = {iter.get(), path};
    auto e = make(ExprKind::Name, ty, pos(t));
    e->text = nm;
    return e;
  };
  StmtPtr rebind;  // `for task in tasks` where `task` is a local of the function too
  if (is(left, k_.identifier) && fn_ && fn_->locals.count(std::string(text(left)))) {
    rebind = loop_rebind(left, elem, scope, s->targets);
  } else if (is(left, k_.identifier)) {
    s->targets.push_back(bind(bind, left, elem));
  } else if (is(left, k_.pattern_list) || is(left, k_.tuple_pattern)) {
    ExprPtr tuple = bind(bind, left, elem);
    for (auto& x : tuple->items) s->targets.push_back(std::move(x));
  } else {
    unsupported(left, "loop target");
  }
  s->value = std::move(iter);
  inner_.push_back(scope);
  s->body = block(field(n, "body"));
  inner_.pop_back();
  if (rebind) rebinds.push_back(std::move(rebind));
  for (size_t i = 0; i < rebinds.size(); ++i) s->body.insert(s->body.begin() + static_cast<std::ptrdiff_t>(i), std::move(rebinds[i]));
  return s;
}

ExprPtr Lowering::iterable(TSNode n) {
  ExprPtr iter = chars_of(expr(n));
  if (iter->type.kind == TypeKind::Tuple) {
    // `for x in (a, b)`: a literal of one type is a list in the targets; a
    // tuple value, or one of mixed types, has no loop there.
    Type e = iter->type.element();
    if (iter->kind != ExprKind::Tuple || !e.known())
      unsupported(n, fmt::format("loop over a tuple of type `{}`", to_string(iter->type)));
    iter->kind = ExprKind::List;
    iter->type = Type::list(e);
  }
  return iter;
}

ExprPtr Lowering::chars_of(ExprPtr e) {
  if (e->type.kind != TypeKind::Str) return e;
  const auto* entries = api_.find("builtins.str.__iter__");
  if (!entries) return e;
  auto c = make(ExprKind::ApiCall, Type(TypeKind::Iterator, {TypeKind::Str}), e->pos);
  c->api = entries->front();
  c->python = e->python;
  c->object = std::move(e);
  return c;
}

StmtPtr Lowering::with_statement(TSNode n) {
  auto s = std::make_unique<Stmt>(StmtKind::With, pos(n));
  s->is_async = std::string_view(text(n)).starts_with("async");
  if (s->is_async && !in_async()) unsupported(n, "async with outside an async function");
  InnerScope scope;
  for_each_named_child(n, [&](TSNode clause) {
    if (!is(clause, k_.with_clause)) return;
    for_each_named_child(clause, [&](TSNode item) {
      TSNode v = field(item, "value");
      TSNode target{};
      if (is(v, k_.as_pattern)) {
        for_each_named_child(v, [&](TSNode c) {
          if (is(c, k_.as_pattern_target)) target = ts_node_named_child(c, 0);
        });
        v = ts_node_named_child(v, 0);
      }
      WithItem w;
      // Entering happens with the names bound so far (`async with a() as x, x.b() as y`).
      inner_.push_back(scope);
      w.value = expr(v);
      inner_.pop_back();
      const Type& t = w.value->type;
      const ApiType* at = t.kind == TypeKind::Extern ? api_.type(t.name) : nullptr;
      if (!at || at->with.empty())
        unsupported(v, fmt::format("`{}` of a value of type `{}`", s->is_async ? "async with" : "with", to_string(t)));
      w.kind = at->with == "lock" ? WithKind::Lock
             : at->with == "task-group" ? WithKind::TaskGroup
             : at->with == "timeout"    ? WithKind::Timeout
             : at->with == "async-dispose" ? WithKind::AsyncDispose : WithKind::Dispose;
      w.await_enter = at->await_enter;
      if (at->await_enter && !s->is_async) unsupported(v, "plain `with` on an asynchronous context manager");
      w.type = t;
      if (at->has_enters) {
        std::vector<Arg> none;
        ApiEntry fake;
        w.type = from_pattern(at->enters, fake, none, w.value.get(), nullptr);
      }
      if (!ts_node_is_null(target)) {
        if (!is(target, k_.identifier)) unsupported(target, "with ... as a target other than a name");
        if (w.kind == WithKind::Timeout)
          unsupported(target, "`asyncio.timeout(...) as NAME` (rescheduling a timeout is not translated)");
        w.name = std::string(text(target));
        if (fn_ && fn_->locals.count(w.name)) unsupported(target, fmt::format("`{}` is also used outside the with statement", w.name));
        scope.names[w.name] = w.type;
      } else if (w.kind == WithKind::TaskGroup) {
        unsupported(v, "TaskGroup without `as`");
      }
      s->items.push_back(std::move(w));
    });
  });
  inner_.push_back(scope);
  s->body = block(field(n, "body"));
  inner_.pop_back();
  return s;
}

}  // namespace asl::tr
