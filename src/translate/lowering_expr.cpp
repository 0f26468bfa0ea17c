// Expression lowering: names, operators with Python semantics, literals,
// f-strings, collections, comprehensions, lambdas and await.
#include <charconv>

#include <fmt/format.h>

#include "translate/container_methods.h"
#include "translate/lowering.h"

namespace asl::tr {

ExprPtr make(ExprKind k, Type t, SourcePos p) { return std::make_unique<Expr>(k, std::move(t), p); }

std::optional<long long> int_literal_value(std::string_view literal) {
  std::string digits;
  for (char c : literal)
    if (c != '_') digits += c;
  int base = 10;
  if (digits.size() > 2 && digits[0] == '0') {
    char b = static_cast<char>(std::tolower(static_cast<unsigned char>(digits[1])));
    base = b == 'x' ? 16 : b == 'o' ? 8 : b == 'b' ? 2 : 10;
    if (base != 10) digits.erase(0, 2);
  }
  long long v = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v, base);
  if (ec != std::errc() || end != digits.data() + digits.size() || digits.empty()) return std::nullopt;
  return v;
}

bool contains_await(const Expr& x) {
  if (x.kind == ExprKind::Await) return true;
  for (const auto& i : x.items)
    if (i && contains_await(*i)) return true;
  for (const auto& a : x.args)
    if (a.value && contains_await(*a.value)) return true;
  for (const auto& p : x.parts)
    if (p.expr && contains_await(*p.expr)) return true;
  return x.object && contains_await(*x.object);
}

ExprPtr clone(const Expr& e) {
  auto c = make(e.kind, e.type, e.pos);
  c->text = e.text;
  c->name_kind = e.name_kind;
  c->ops = e.ops;
  c->api = e.api;
  c->python = e.python;
  c->pass_token = e.pass_token;
  c->spawn = e.spawn;
  for (const auto& i : e.items) c->items.push_back(i ? clone(*i) : nullptr);
  for (const auto& a : e.args) c->args.push_back({a.name, a.value ? clone(*a.value) : nullptr});
  for (const auto& p : e.parts) c->parts.push_back({p.text, p.expr ? clone(*p.expr) : nullptr, p.spec, p.conversion});
  for (const auto& cl : e.clauses) {
    CompClause n;
    n.target = clone(*cl.target);
    n.iter = clone(*cl.iter);
    for (const auto& x : cl.conditions) n.conditions.push_back(clone(*x));
    c->clauses.push_back(std::move(n));
  }
  for (const auto& p : e.params) {
    Param q;
    q.name = p.name;
    q.type = p.type;
    q.pos = p.pos;
    if (p.default_value) q.default_value = clone(*p.default_value);
    c->params.push_back(std::move(q));
  }
  if (e.object) c->object = clone(*e.object);
  return c;
}

// What sorted(), min(), max() and `<` accept: numbers, strings, and tuples
// and lists of them, compared item by item; classes with order=True.
bool Lowering::orderable(const Type& t) const {
  switch (t.kind) {
    case TypeKind::Bool: case TypeKind::Int: case TypeKind::Float: case TypeKind::Str: return true;
    case TypeKind::List: case TypeKind::Array: case TypeKind::Tuple:
      for (const auto& a : t.args)
        if (!orderable(a)) return false;
      return true;
    case TypeKind::Class: {
      auto c = classes_.find(t.name);
      return c != classes_.end() && c->second.ordered;
    }
    default: return false;
  }
}

bool Lowering::comparable(const Type& t) const {
  std::set<std::string> visiting;
  return comparable(t, visiting);
}

bool Lowering::comparable(const Type& t, std::set<std::string>& visiting) const {
  switch (t.kind) {
    case TypeKind::Bool: case TypeKind::Int: case TypeKind::Float: case TypeKind::Str: case TypeKind::None: return true;
    case TypeKind::Optional: return comparable(t.arg(0), visiting);
    case TypeKind::Tuple:
      for (const auto& a : t.args)
        if (!comparable(a, visiting)) return false;
      return true;
    case TypeKind::Class: {
      auto c = classes_.find(t.name);
      if (c == classes_.end() || c->second.methods.count("__eq__")) return false;
      if (!c->second.is_dataclass || !visiting.insert(t.name).second) return true;  // identity, as Python's default __eq__
      for (const auto& field : c->second.fields)
        if (!comparable(field.second, visiting)) return false;
      return true;
    }
    default: return false;
  }
}

SourcePos Lowering::pos(TSNode n) const {
  Location l = file_.location(ts_node_start_byte(n));
  return {l.line, l.column};
}

void Lowering::unsupported(TSNode n, std::string what) const {
  Location end = file_.location(ts_node_end_byte(n));
  throw Unsupported{pos(n), std::move(what), {end.line, end.column}};
}

void Lowering::report(SourcePos p, std::string what, SourcePos end) {
  if (quiet_) return;
  for (const auto& d : diags_)
    if (d.pos.line == p.line && d.pos.column == p.column && d.what == what) return;
  diags_.push_back({p, std::move(what), end});
}

std::vector<TSNode> Lowering::named_children(TSNode n) const {
  std::vector<TSNode> out;
  for_each_named_child(n, [&](TSNode c) { out.push_back(c); });
  return out;
}

std::vector<std::string> Lowering::comments_in(TSNode n) const {
  std::vector<std::string> out;
  auto walk = [&](auto&& self, TSNode x) -> void {
    if (is(x, k_.block)) return;
    if (is(x, k_.comment)) {
      out.push_back(std::string(text(x).substr(1)));
      return;
    }
    for_each_named_child(x, [&](TSNode c) { self(self, c); });
  };
  for_each_named_child(n, [&](TSNode c) { walk(walk, c); });
  return out;
}

std::string Lowering::docstring(TSNode body) const {
  if (ts_node_is_null(body)) return {};
  TSNode first = ts_node_named_child(body, 0);
  while (is(first, k_.comment)) first = ts_node_next_named_sibling(first);
  if (!is(first, k_.expression_statement)) return {};
  TSNode s = ts_node_named_child(first, 0);
  if (!is(s, k_.string)) return {};
  std::string out;
  for_each_named_child(s, [&](TSNode c) {
    if (std::string_view(ts_node_type(c)) == "string_content") out += text(c);
  });
  return out;
}

LocalInfo* Lowering::local(const std::string& n) {
  if (!fn_) return nullptr;
  auto it = fn_->locals.find(n);
  return it == fn_->locals.end() ? nullptr : &it->second;
}

const Type* Lowering::lookup_inner(const std::string& n) const {
  for (auto it = inner_.rbegin(); it != inner_.rend(); ++it) {
    auto f = it->names.find(n);
    if (f != it->names.end()) return &f->second;
  }
  return nullptr;
}

ExprPtr Lowering::expr(TSNode n, const Type* expected) {
  std::string_view type = ts_node_type(n);
  SourcePos p = pos(n);
  if (type == "parenthesized_expression") return expr(ts_node_named_child(n, 0), expected);
  if (type == "identifier") return callback(narrowed(n, name(n)), expected);
  if (type == "integer") {
    auto e = make(ExprKind::Int, TypeKind::Int, p);
    std::string t(text(n));
    std::erase(t, '_');
    // Python ints are unbounded; the targets' int is 32 bits.
    if (auto v = int_literal_value(t); !v || *v > 2147483647LL) unsupported(n, "integer literal beyond 32 bits");
    e->text = t;
    return e;
  }
  if (type == "float") {
    auto e = make(ExprKind::Float, TypeKind::Float, p);
    e->text = std::string(text(n));
    std::erase(e->text, '_');
    return e;
  }
  if (type == "true" || type == "false") {
    auto e = make(ExprKind::Bool, TypeKind::Bool, p);
    e->text = type == "true" ? "true" : "false";
    return e;
  }
  if (type == "none") {
    Type t = expected && expected->known() ? *expected : Type(TypeKind::None);
    if (t.kind != TypeKind::None && t.kind != TypeKind::Optional && t.kind != TypeKind::Any && t.kind != TypeKind::Class &&
        t.kind != TypeKind::Extern && t.kind != TypeKind::Str && t.kind != TypeKind::List && t.kind != TypeKind::Dict)
      t = Type::optional(t);
    return make(ExprKind::None, t, p);
  }
  if (type == "string" || type == "concatenated_string") return string(n);
  if (type == "attribute") return callback(narrowed(n, attribute(n)), expected);
  if (type == "subscript") return subscript(n);
  if (type == "call") return call(n, expected);
  if (type == "binary_operator") return binary(n);
  if (type == "comparison_operator") return comparison(n);
  if (type == "boolean_operator") return boolean(n);
  if (type == "not_operator") {
    auto e = make(ExprKind::Not, TypeKind::Bool, p);
    e->items.push_back(truthy(expr(field(n, "argument"))));
    return e;
  }
  if (type == "unary_operator") {
    ExprPtr arg = expr(field(n, "argument"));
    std::string op(text(field(n, "operator")));
    if (!arg->type.numeric()) unsupported(n, fmt::format("unary `{}` on `{}`", op, to_string(arg->type)));
    auto e = make(ExprKind::Unary, arg->type.kind == TypeKind::Bool ? Type(TypeKind::Int) : arg->type, p);
    e->text = op;
    e->items.push_back(std::move(arg));
    return e;
  }
  if (type == "conditional_expression") {
    std::vector<TSNode> c = named_children(n);
    auto e = make(ExprKind::Conditional, {}, p);
    Facts facts = facts_of(c[1]);
    ExprPtr a;
    {
      Narrowing guard(*this, facts.when_true);
      a = expr(c[0], expected);
    }
    ExprPtr cond = truthy(expr(c[1]));
    ExprPtr b;
    {
      Narrowing guard(*this, facts.when_false);
      b = expr(c[2], a->type.known() ? &a->type : expected);
    }
    Type t = a->type;
    if (b->kind == ExprKind::None) t = Type::optional(t);
    else if (a->kind == ExprKind::None) t = Type::optional(b->type);
    else if (a->type.kind == TypeKind::Int && b->type.kind == TypeKind::Float) {
      t = TypeKind::Float;
      t.maybe_int = true;  // `1 if c else 0.5` is the int 1 when c holds
    } else if (a->type.kind == TypeKind::Float && b->type.kind == TypeKind::Int)
      t.maybe_int = true;
    else if (!(a->type == b->type) && a->type.known() && b->type.known() && !(a->type.kind == TypeKind::Float && b->type.kind == TypeKind::Int))
      unsupported(n, fmt::format("conditional expression with different types `{}` and `{}`", to_string(a->type), to_string(b->type)));
    e->type = t;
    e->items.push_back(std::move(a));
    e->items.push_back(std::move(cond));
    e->items.push_back(std::move(b));
    return e;
  }
  if (type == "list" || type == "tuple" || type == "expression_list" || type == "set" || type == "dictionary")
    return collection(n, expected);
  if (type == "list_comprehension" || type == "set_comprehension" || type == "dictionary_comprehension" ||
      type == "generator_expression")
    return comprehension(n, expected);
  if (type == "lambda") return lambda(n, expected);
  if (type == "await") return await_expr(n, expected);
  if (type == "list_splat") {
    auto e = make(ExprKind::Starred, {}, p);
    e->items.push_back(expr(ts_node_named_child(n, 0)));
    e->type = e->items[0]->type;
    return e;
  }
  if (type == "named_expression") unsupported(n, "assignment expression `:=`");
  if (type == "yield") unsupported(n, "yield inside an expression");
  if (type == "ellipsis") unsupported(n, "`...`");
  unsupported(n, fmt::format("expression `{}`", type));
}

ExprPtr Lowering::callback(ExprPtr e, const Type* expected) {
  // A function or method where a callable is expected (`add_done_callback(self.done)`,
  // a dict of handlers): what it will be called with types its parameters.
  bool function = e->kind == ExprKind::BoundMethod || (e->kind == ExprKind::Name && e->name_kind == NameKind::Function);
  if (function && expected && expected->kind == TypeKind::Callable) refine_storage(*e, *expected);
  return e;
}

ExprPtr Lowering::name(TSNode n) {
  std::string nm(text(n));
  SourcePos p = pos(n);
  auto e = make(ExprKind::Name, {}, p);
  e->text = nm;
  if (const Type* t = lookup_inner(nm)) {
    e->type = *t;
    return e;
  }
  if (fn_) {
    if (fn_->sig && fn_->params.count(nm)) {
      for (const auto& prm : fn_->sig->params)
        if (prm.name == nm) e->type = prm.type;
      e->name_kind = NameKind::Param;
      return e;
    }
    if (LocalInfo* l = local(nm); l && !fn_->globals.count(nm)) {
      e->type = l->type;
      return e;
    }
    if (fn_->klass && nm == "self") {
      e->name_kind = NameKind::Self;
      e->type = Type::klass(fn_->klass->name);
      return e;
    }
  }
  if (auto g = globals_.find(nm); g != globals_.end()) {
    e->type = g->second.type;
    e->name_kind = g->second.literal && !g->second.reassigned ? NameKind::Constant : NameKind::Global;
    return e;
  }
  if (auto f = functions_.find(nm); f != functions_.end()) {
    // A function used as a value (to_thread, a callback).
    ensure_result(f->second, nullptr);
    std::vector<Type> ft;
    for (const auto& prm : f->second.params) ft.push_back(prm.type);
    ft.push_back(f->second.is_async && !f->second.is_generator ? Type::awaitable(f->second.result) : f->second.result);
    e->type = Type(TypeKind::Callable, ft);
    e->name_kind = NameKind::Function;
    return e;
  }
  if (classes_.count(nm)) unsupported(n, fmt::format("class `{}` used as a value", nm));
  if (auto q = qualified(n)) return api_attribute(*q, nullptr, p, n);
  unsupported(n, fmt::format("name `{}` is not defined here", nm));
}

void Lowering::widen_storage(Expr& target, const Type& t) {
  Type* slot = storage_of(target);
  target.type = t;
  if (!slot || *slot == t) return;
  *slot = t;
  inference_moved_ = true;
}

Type* Lowering::storage_of(Expr& target) {
  if (target.kind == ExprKind::Name && fn_ && target.name_kind == NameKind::Param && fn_->sig) {
    for (auto& prm : fn_->sig->params)
      if (prm.name == target.text) return &prm.type;
  } else if (target.kind == ExprKind::Name && fn_ && target.name_kind == NameKind::Local) {
    if (LocalInfo* l = local(target.text)) return &l->type;
  } else if (target.kind == ExprKind::Name && target.name_kind == NameKind::Global) {
    if (auto g = globals_.find(target.text); g != globals_.end()) return &g->second.type;
  } else if (target.kind == ExprKind::Attribute && target.object && target.object->name_kind == NameKind::Self && fn_ &&
             fn_->klass) {
    for (ClassInfo* c = fn_->klass; c; c = c->base.empty() || !classes_.count(c->base) ? nullptr : &classes_[c->base])
      for (auto& [fname, ftype] : c->fields)
        if (fname == target.text) return &ftype;
  }
  return nullptr;
}

void Lowering::refine_storage(Expr& target, const Type& t) {
  // An item's type is its container's: `groups[k].append(x)` types `groups`.
  if (target.kind == ExprKind::Subscript && target.items.size() == 2) {
    Expr& c = *target.items[0];
    if (c.type.kind == TypeKind::Dict) refine_storage(c, Type::dict(Type(), t));
    else if (c.type.kind == TypeKind::List) refine_storage(c, Type::list(t));
    target.type.refine(t);
    return;
  }
  // So is an item read by a method: `d.setdefault(k, []).append(x)` types `d`.
  if (target.kind == ExprKind::ApiCall) {
    refine_source(target, t);
    return;
  }
  // A function or bound method handed to a callee that calls it with known arguments.
  if (target.kind == ExprKind::BoundMethod || (target.kind == ExprKind::Name && target.name_kind == NameKind::Function)) {
    Signature* sig = nullptr;
    if (target.kind == ExprKind::BoundMethod) sig = method_of(target.object->type.name, target.text);
    else if (auto f = functions_.find(target.text); f != functions_.end()) sig = &f->second;
    if (sig) refine_callee_params(*sig, t, target.pos);
    target.type.refine(t);
    return;
  }
  if (target.kind == ExprKind::Name && !target.text.empty()) {
    // A loop variable: its iterable learns the element type.
    for (auto in = inner_.rbegin(); in != inner_.rend(); ++in) {
      auto nm = in->names.find(target.text);
      if (nm == in->names.end()) continue;
      auto o = in->origins.find(target.text);
      if (o == in->origins.end() || !o->second.iterable) break;
      Type before = nm->second;
      nm->second.refine(t);
      target.type.refine(t);
      if (nm->second == before) return;
      Expr& iterable = *o->second.iterable;
      Type elem = iterable.type.kind == TypeKind::Dict ? iterable.type.arg(0) : iterable.type.element();
      Type* slot = &elem;
      for (size_t i : o->second.path) {
        if (slot->kind != TypeKind::Tuple || i >= slot->args.size()) return;
        slot = &slot->args[i];
      }
      slot->refine(t);
      refine_iterable(iterable, elem);
      return;
    }
  }
  Type* slot = storage_of(target);
  // A local is seen by its function alone; the others need another inference round.
  bool shared = !(target.kind == ExprKind::Name && target.name_kind == NameKind::Local);
  Type before = slot ? *slot : target.type;
  Type after = before;
  after.refine(t);
  if (after == before) return;
  target.type = after;
  if (!slot) return;
  *slot = after;
  if (shared) inference_moved_ = true;
  else if (fn_) fn_->args_typed_locals = true;
}

void Lowering::refine_iterable(Expr& iterable, const Type& elem) {
  const Type& it = iterable.type;
  if (iterable.kind == ExprKind::ApiCall && iterable.api && iterable.object &&
      iterable.object->type.kind == TypeKind::Dict) {
    // `for k, v in d.items()`, `for v in d.values()`, `for k in d.keys()`.
    const std::string& py = iterable.api->python;
    if (py == "builtins.dict.items" && elem.kind == TypeKind::Tuple && elem.args.size() == 2)
      refine_storage(*iterable.object, Type::dict(elem.args[0], elem.args[1]));
    else if (py == "builtins.dict.values")
      refine_storage(*iterable.object, Type::dict(Type(), elem));
    else if (py == "builtins.dict.keys")
      refine_storage(*iterable.object, Type::dict(elem, Type()));
  } else if (it.kind == TypeKind::List || it.kind == TypeKind::Set) {
    refine_storage(iterable, Type(it.kind, {elem}));
  } else if (it.kind == TypeKind::Dict) {
    refine_storage(iterable, Type::dict(elem, Type()));
  }
}

void Lowering::refine_source(Expr& value, const Type& t) {
  // The value may already carry the target's type (an expected type typed
  // it): its storage is refined all the same; refining never widens.
  if (t.kind == TypeKind::Unknown || value.type.kind != t.kind) return;
  switch (value.kind) {
    case ExprKind::Name: case ExprKind::Attribute: case ExprKind::Subscript:
      refine_storage(value, t);
      return;
    case ExprKind::ApiCall: {
      // `x = d.pop(k)`, `x = d.get(k)`, `x = items.pop()`: an item of the receiver.
      if (!value.object || !value.api) return;
      std::string_view method(value.api->python);
      method.remove_prefix(method.rfind('.') + 1);
      Expr& r = *value.object;
      if (r.type.kind == TypeKind::Dict && (method == "pop" || method == "get" || method == "setdefault"))
        refine_storage(r, Type::dict(Type(), t));
      else if (r.type.kind == TypeKind::List && method == "pop")
        refine_storage(r, Type::list(t));
      value.type.refine(t);
      return;
    }
    case ExprKind::Await:
      refine_source(*value.items[0], Type::awaitable(t));
      value.type.refine(t);
      return;
    case ExprKind::Call: case ExprKind::MethodCall: {
      // `f = make()`: what the caller does with the result types the callee's.
      Signature* sig = nullptr;
      if (value.kind == ExprKind::Call && value.name_kind == NameKind::Function) {
        if (auto f = functions_.find(value.text); f != functions_.end()) sig = &f->second;
      } else if (value.kind == ExprKind::MethodCall && value.object && value.object->type.kind == TypeKind::Class) {
        for (ClassInfo* c = &classes_[value.object->type.name]; c && !sig;
             c = c->base.empty() || !classes_.count(c->base) ? nullptr : &classes_[c->base])
          if (auto m = c->methods.find(value.text); m != c->methods.end()) sig = &m->second;
      }
      if (!sig || sig->result_annotated || sig->is_generator) return;
      Type want = value.type.kind == TypeKind::Awaitable && t.kind == TypeKind::Awaitable ? t.arg(0) : t;
      Type after = sig->result;
      after.refine(want);
      if (!(after == sig->result)) {
        sig->result = after;
        inference_moved_ = true;
      }
      value.type.refine(t);
      return;
    }
    default: return;
  }
}

bool Lowering::assignable(const Type& to, const Type& from) const {
  if (to == from || to.kind == TypeKind::Any || from.kind == TypeKind::Unknown) return true;
  if (to.kind == TypeKind::Float && from.kind == TypeKind::Int) return true;
  if (to.kind == TypeKind::Optional)
    return from.kind == TypeKind::None || assignable(to.arg(0), from.kind == TypeKind::Optional ? from.arg(0) : from);
  if (is_subclass(from, to)) return true;
  bool subclass = to.kind == TypeKind::Dict && to.name.empty();  // a defaultdict or Counter is a dict
  if (to.kind != from.kind || (to.name != from.name && !subclass) || to.args.size() != from.args.size()) return false;
  for (size_t i = 0; i < to.args.size(); ++i)
    if (!(to.args[i] == from.args[i]) && from.args[i].known() && to.args[i].known()) return false;
  return true;
}

void Lowering::refine_from_mutation(const std::string& method, Expr& receiver, const std::vector<Expr*>& args,
                                    TSNode at) {
  const Type& rt = receiver.type;
  if (args.empty()) return;
  auto arg = [&](size_t i) { return i < args.size() && args[i] ? args[i]->type : Type(); };
  Type want;
  if (rt.kind == TypeKind::List || rt.kind == TypeKind::Set || rt.kind == TypeKind::Dict) {
    // The container's parts from the arguments that go into it.
    Type elem, key, value;
    bool placed = false, valued = false;
    for (size_t i = 0; i < args.size(); ++i) {
      const ContainerArgument* a = container_argument(rt.kind, method, i);
      if (!a || !a->puts) continue;
      placed = true;
      switch (a->part) {
        case ContainerPart::Element: elem = arg(i); break;
        case ContainerPart::Items: elem = arg(i).kind == TypeKind::Dict ? arg(i).arg(0) : arg(i).element(); break;
        case ContainerPart::Key: key = arg(i); break;
        case ContainerPart::Value: value = arg(i), valued = true; break;
      }
    }
    if (placed && rt.kind != TypeKind::Dict) want = Type(rt.kind, {elem});
    else if (valued) want = Type::dict(key, value);
  }
  if (rt.kind == TypeKind::Dict && rt.name == "Counter" && method == "update") {
    // `letters.update(word)` counts the items of an iterable (a str's characters).
    Type key = arg(0).kind == TypeKind::Str ? Type(TypeKind::Str) : arg(0).kind == TypeKind::Dict ? arg(0).arg(0) : arg(0).element();
    want = rt;
    want.args = {key, TypeKind::Int};
  } else if (rt.kind == TypeKind::Dict && method == "update" && arg(0).kind == TypeKind::Dict) {
    want = arg(0);
  } else if (rt.kind == TypeKind::Extern && !rt.args.empty() &&
             (method == "put" || method == "put_nowait" || (method == "set_result" && rt.name == "asyncio.Future"))) {
    want = Type::external(rt.name, {arg(0)});
  }
  if (want.kind == TypeKind::Unknown) return;
  if (!rt.known()) {
    refine_storage(receiver, want);
    return;
  }
  if (method == "get") return;  // a read: its default is no value put into the dictionary
  // A container holds one type in C# and C++; Python's may mix them. None
  // beside values makes the elements Optional (a sentinel: `q.put(None)`).
  Type widened = rt;
  for (size_t i = 0; i < rt.args.size() && i < want.args.size(); ++i) {
    if (assignable(rt.args[i], want.args[i])) continue;
    bool none = want.args[i].kind == TypeKind::None || rt.args[i].kind == TypeKind::None;
    auto j = none ? join(rt.args[i], want.args[i]) : std::nullopt;
    if (!j)
      unsupported(at, fmt::format("`{}` of `{}` to a `{}`: the container would hold values of different types", method,
                                  to_string(want.args[i]), to_string(rt)));
    widened.args[i] = *j;
  }
  if (!(widened == rt)) widen_storage(receiver, widened);
  // A None put into Optional elements is that Optional's None (std::nullopt in C++).
  for (size_t i = 0; i < args.size() && i < want.args.size(); ++i) {
    const Type& slot = receiver.type.arg(i < receiver.type.args.size() ? i : 0);
    if (args[i] && args[i]->kind == ExprKind::None && slot.kind == TypeKind::Optional) args[i]->type = slot;
  }
}

ExprPtr Lowering::attribute(TSNode n) {
  TSNode obj = field(n, "object");
  std::string attr(text(field(n, "attribute")));
  SourcePos p = pos(n);
  if (auto q = qualified(n)) return api_attribute(*q, nullptr, p, n);
  // `type(e).__name__`: the class name of an exception, which both targets keep.
  if (attr == "__name__" && is(obj, k_.call) && qualified(field(obj, "function")) == "builtins.type" &&
      ts_node_named_child_count(field(obj, "arguments")) == 1) {
    ExprPtr x = expr(ts_node_named_child(field(obj, "arguments"), 0));
    const Type& t = x->type;
    bool exception = (t.kind == TypeKind::Class && classes_.count(t.name) && classes_[t.name].is_exception) ||
                     (t.kind == TypeKind::Extern && api_.type(t.name) && api_.type(t.name)->exception);
    if (!exception) unsupported(n, fmt::format("`type(x).__name__` of a value of type `{}` (only of exceptions)", to_string(t)));
    auto inner = make(ExprKind::ApiCall, {}, p);
    inner->args.push_back({"object", std::move(x)});
    return api_attribute("builtins.type().__name__", std::move(inner), p, n);
  }
  ExprPtr o = expr(obj);
  if (o->type.kind == TypeKind::Class) {
    const ClassInfo* c = &classes_[o->type.name];
    while (c) {
      if (const Type* ft = c->field(attr)) {
        auto e = make(ExprKind::Attribute, *ft, p);
        e->text = attr;
        e->object = std::move(o);
        return e;
      }
      if (auto m = c->methods.find(attr); m != c->methods.end() && m->second.is_property) {
        ensure_result(const_cast<Signature&>(m->second), const_cast<ClassInfo*>(c));
        auto e = make(ExprKind::Attribute, m->second.result, p);
        e->text = attr;
        e->object = std::move(o);
        return e;
      }
      if (auto m = c->methods.find(attr); m != c->methods.end() && !m->second.is_static && attr != "__init__") {
        // A method as a value (`with_retry(client.fetch)`, `add_done_callback(self.done)`).
        Signature& sig = const_cast<Signature&>(m->second);
        ensure_result(sig, const_cast<ClassInfo*>(c));
        std::vector<Type> ft;
        for (const auto& prm : sig.params) ft.push_back(prm.type);
        ft.push_back(sig.is_async && !sig.is_generator ? Type::awaitable(sig.result) : sig.result);
        auto e = make(ExprKind::BoundMethod, Type(TypeKind::Callable, ft), p);
        e->text = attr;
        e->object = std::move(o);
        return e;
      }
      c = c->base.empty() || !classes_.count(c->base) ? nullptr : &classes_[c->base];
    }
    // Inside a method, `self.x = ...` defines fields (collected while inferring).
    if (fn_ && fn_->klass && o->name_kind == NameKind::Self && fn_->inferring) {
      auto e = make(ExprKind::Attribute, {}, p);
      e->text = attr;
      e->object = std::move(o);
      return e;
    }
    unsupported(n, fmt::format("attribute `{}` of class `{}`", attr, o->type.name));
  }
  if (o->type.kind == TypeKind::Extern && classes_.count(o->type.name) == 0) {
    const ApiType* t = api_.type(o->type.name);
    if (t && t->exception && attr == "args") unsupported(n, "exception `.args`");
  }
  if (o->kind == ExprKind::ApiCall && o->api) {
    std::string fused = o->api->python + "()." + attr;
    if (api_.find(fused)) return api_attribute(fused, std::move(o), p, n);
  }
  std::string key = type_key(o->type);
  if (key.empty()) unsupported(n, fmt::format("attribute `{}` of a value of type `{}`", attr, to_string(o->type)));
  return api_attribute(key + "." + attr, std::move(o), p, n);
}

ExprPtr Lowering::subscript(TSNode n) {
  SourcePos p = pos(n);
  ExprPtr v = expr(field(n, "value"));
  std::vector<TSNode> idx;
  for_each_child(n, [&](TSNode c, const char* f) {
    if (f && std::string_view(f) == "subscript") idx.push_back(c);
  });
  if (idx.size() != 1) unsupported(n, "subscript with several indices");
  TSNode ix = idx[0];
  const Type& vt = v->type;
  if (std::string_view(ts_node_type(ix)) == "slice") {
    if (!vt.sequence() && vt.kind != TypeKind::Str) unsupported(n, fmt::format("slice of `{}`", to_string(vt)));
    auto e = make(ExprKind::Slice, vt.kind == TypeKind::Array ? Type::list(vt.arg(0)) : vt, p);
    e->items.push_back(std::move(v));
    // slice children: [start] ':' [stop] [':' step]
    ExprPtr parts[3];
    int part = 0;
    for_each_child(ix, [&](TSNode c, const char*) {
      if (!ts_node_is_named(c)) { if (text(c) == ":") ++part; return; }
      if (part < 3) parts[part] = expr(c);
    });
    for (auto& x : parts)
      if (x && x->type.kind != TypeKind::Int) unsupported(ix, "slice bound that is not an int");
    e->items.push_back(std::move(parts[0]));
    e->items.push_back(std::move(parts[1]));
    if (parts[2]) e->items.push_back(std::move(parts[2]));
    return e;
  }
  if (vt.kind == TypeKind::Extern) {
    std::string key = type_key(vt);
    auto e = make(ExprKind::Subscript, {}, p);
    // Library types: `__getitem__` in the table (os.environ[...]).
    const auto* entries = api_.find(key + ".__getitem__");
    if (!entries) unsupported(n, fmt::format("subscript of `{}`", to_string(vt)));
    const ApiEntry* ent = entries->front();
    auto call_e = make(ExprKind::ApiCall, {}, p);
    call_e->api = ent;
    call_e->object = std::move(v);
    call_e->args.push_back({ent->params.empty() ? "" : ent->params[0], expr(ix)});
    call_e->type = from_pattern(ent->returns, *ent, call_e->args, call_e->object.get(), nullptr);
    return call_e;
  }
  ExprPtr i = expr(ix, vt.kind == TypeKind::Dict ? &vt.args[0] : nullptr);
  Type rt;
  if (vt.sequence()) {
    if (i->type.kind != TypeKind::Int) unsupported(ix, "list index that is not an int");
    rt = vt.arg(0);
  } else if (vt.kind == TypeKind::Str) {
    if (i->type.kind != TypeKind::Int) unsupported(ix, "string index that is not an int");
    rt = TypeKind::Str;
  } else if (vt.kind == TypeKind::Dict) {
    // `counts[word] += 1` into a dict whose key type is still open gives it.
    if (!vt.arg(0).known() && i->type.known()) refine_storage(*v, Type::dict(i->type, Type()));
    rt = v->type.arg(1);
  } else if (vt.kind == TypeKind::Tuple) {
    if (i->kind != ExprKind::Int) unsupported(ix, "tuple index that is not a literal");
    auto k = int_literal_value(i->text);
    if (!k || *k < 0 || static_cast<unsigned long long>(*k) >= vt.args.size()) unsupported(ix, "tuple index out of range");
    rt = vt.args[static_cast<size_t>(*k)];
  } else {
    unsupported(n, fmt::format("subscript of a value of type `{}`", to_string(vt)));
  }
  auto e = make(ExprKind::Subscript, rt, p);
  e->items.push_back(std::move(v));
  e->items.push_back(std::move(i));
  return e;
}

bool Lowering::combined_with_float(TSNode n) {
  TSNode child = n, parent = ts_node_parent(n);
  while (!ts_node_is_null(parent) && std::string_view(ts_node_type(parent)) == "parenthesized_expression")
    child = parent, parent = ts_node_parent(parent);
  if (ts_node_is_null(parent) || std::string_view(ts_node_type(parent)) != "binary_operator") return false;
  static const std::set<std::string, std::less<>> kArithmetic = {"+", "-", "*", "/", "//", "%"};
  if (!kArithmetic.count(text(field(parent, "operator")))) return false;
  TSNode other = ts_node_eq(field(parent, "left"), child) ? field(parent, "right") : field(parent, "left");
  while (std::string_view(ts_node_type(other)) == "parenthesized_expression") other = ts_node_named_child(other, 0);
  // Only operands whose lowering has no effects are looked at ahead of time.
  std::string_view kind = ts_node_type(other);
  if (kind == "float") return true;
  if (kind != "identifier" && kind != "attribute") return false;
  bool quiet = std::exchange(quiet_, true), is_float = false;
  try {
    is_float = expr(other)->type.kind == TypeKind::Float;
  } catch (const Unsupported&) {
  }
  quiet_ = quiet;
  return is_float;
}

ExprPtr Lowering::binary(TSNode n) {
  SourcePos p = pos(n);
  std::string op(text(field(n, "operator")));
  ExprPtr l = expr(field(n, "left"));
  if (op == "%" && l->type.kind == TypeKind::Str) return percent_format(std::move(l), field(n, "right"), n);
  ExprPtr r = expr(field(n, "right"), l->type.known() ? &l->type : nullptr);
  const Type& a = l->type;
  const Type& b = r->type;
  Type t;
  auto num = [](const Type& x) { return x.kind == TypeKind::Int || x.kind == TypeKind::Float; };
  if (num(a) && num(b)) {
    bool f = a.kind == TypeKind::Float || b.kind == TypeKind::Float;
    // Arithmetic with a true float makes a true float; with ints only, a
    // float that may hold an int stays one.
    bool maybe_int = f && !(a.kind == TypeKind::Float && !a.maybe_int) && !(b.kind == TypeKind::Float && !b.maybe_int);
    if (op == "/") t = TypeKind::Float;
    else if (op == "**") {
      // int ** negative int is a float in Python; only literal exponents are
      // safe, or a power that arithmetic with a float makes a float anyway
      // (`delay * 2 ** attempt`).
      if (!f && r->kind != ExprKind::Int && !combined_with_float(n))
        unsupported(n, "int ** a non-literal exponent (the result may be a float)");
      t = f || r->kind != ExprKind::Int ? TypeKind::Float : TypeKind::Int;
    } else if (op == "&" || op == "|" || op == "^" || op == "<<" || op == ">>") {
      if (f) unsupported(n, fmt::format("`{}` on floats", op));
      t = TypeKind::Int;
    } else if (op == "@") {
      unsupported(n, "matrix multiplication `@`");
    } else {
      t = f ? TypeKind::Float : TypeKind::Int;
      t.maybe_int = maybe_int;
    }
  } else if (a.kind == TypeKind::Str && b.kind == TypeKind::Str && op == "+") {
    t = TypeKind::Str;
  } else if (((a.kind == TypeKind::Str || a.kind == TypeKind::List) && b.kind == TypeKind::Int && op == "*")) {
    t = a;
  } else if (a.kind == TypeKind::List && b.kind == TypeKind::List && op == "+") {
    t = a;
    t.refine(b);
  } else if (a.kind == TypeKind::Set && b.kind == TypeKind::Set && (op == "|" || op == "&" || op == "-")) {
    t = a;
  } else {
    unsupported(n, fmt::format("`{}` between `{}` and `{}`", op, to_string(a), to_string(b)));
  }
  auto e = make(ExprKind::Binary, t, p);
  e->text = op;
  e->items.push_back(std::move(l));
  e->items.push_back(std::move(r));
  return e;
}

ExprPtr Lowering::comparison(TSNode n) {
  auto e = make(ExprKind::Compare, TypeKind::Bool, pos(n));
  // Operands are the named children; operators are the anonymous tokens between them.
  std::string pending;
  for_each_child(n, [&](TSNode c, const char*) {
    if (ts_node_is_named(c)) {
      if (is(c, k_.comment)) return;
      if (!pending.empty()) { e->ops.push_back(pending); pending.clear(); }
      const Type* expected = e->items.empty() ? nullptr : &e->items.back()->type;
      e->items.push_back(expr(c, expected && expected->known() ? expected : nullptr));
    } else {
      pending += pending.empty() ? std::string(text(c)) : " " + std::string(text(c));
    }
  });
  for (size_t i = 0; i < e->ops.size(); ++i) {
    // `x is None` asks about the Optional itself, narrowed or not.
    if (e->ops[i] == "is" || e->ops[i] == "is not")
      for (size_t k : {i, i + 1})
        if (e->items[k]->kind == ExprKind::Unwrap) e->items[k] = std::move(e->items[k]->items[0]);
  }
  for (size_t i = 0; i < e->ops.size(); ++i) {
    const std::string& op = e->ops[i];
    const Type& a = e->items[i]->type;
    const Type& b = e->items[i + 1]->type;
    if (op == "==" || op == "!=" || op == "in" || op == "not in") {
      const Type& v = op.ends_with("in") ? b.element() : a;
      if (v.kind == TypeKind::Class) compared_classes_.insert(v.name);
      else if (v.kind == TypeKind::Optional && v.arg(0).kind == TypeKind::Class) compared_classes_.insert(v.arg(0).name);
    }
    if (op == "in" || op == "not in") {
      if (!(b.sequence() || b.kind == TypeKind::Dict || b.kind == TypeKind::Set || b.kind == TypeKind::Str || b.kind == TypeKind::Tuple))
        unsupported(n, fmt::format("`in` on a value of type `{}`", to_string(b)));
    } else if (op == "is" || op == "is not") {
      if (e->items[i + 1]->kind != ExprKind::None && e->items[i]->kind != ExprKind::None)
        unsupported(n, "`is` between values other than None");
    } else if (op == "<" || op == ">" || op == "<=" || op == ">=") {
      bool same_class = a.kind == TypeKind::Class && a == b && orderable(a);
      if (!(a.numeric() && b.numeric()) && !(a.kind == TypeKind::Str && b.kind == TypeKind::Str) && !same_class)
        unsupported(n, fmt::format("ordering `{}` between `{}` and `{}`", op, to_string(a), to_string(b)));
    } else if (op == "==" || op == "!=") {
      // Lists compare item by item (of values that compare as Python's do).
      bool list = a.kind == TypeKind::List && b.kind == TypeKind::List && comparable(a.arg(0)) && comparable(b.arg(0));
      bool container = (a.kind == TypeKind::List && !list) || a.kind == TypeKind::Dict || a.kind == TypeKind::Set;
      if ((container || (a.kind == TypeKind::Class && !comparable(a))) && e->items[i + 1]->kind != ExprKind::None)
        unsupported(n, fmt::format("`{}` between values of type `{}` (value equality)", op, to_string(a)));
    }
    if (i > 0 && e->items[i]->kind != ExprKind::Name && e->items[i]->kind != ExprKind::Int &&
        e->items[i]->kind != ExprKind::Float && e->items[i]->kind != ExprKind::Attribute)
      unsupported(n, "chained comparison with a middle operand that is not a name or literal");
  }
  return e;
}

ExprPtr Lowering::boolean(TSNode n) {
  std::string op(text(field(n, "operator")));
  ExprPtr l = expr(field(n, "left"));
  Facts facts = facts_of(field(n, "left"));
  Narrowing guard(*this, op == "and" ? facts.when_true : facts.when_false);
  ExprPtr r = expr(field(n, "right"), l->type.known() ? &l->type : nullptr);
  auto e = make(ExprKind::BoolOp, TypeKind::Bool, pos(n));
  e->text = op;
  if (l->type.kind == TypeKind::Bool && r->type.kind == TypeKind::Bool) {
    e->items.push_back(std::move(l));
    e->items.push_back(std::move(r));
    return e;
  }
  // `x or default` picks a value: a conditional on the left operand's truth.
  if (op == "or" || op == "and") {
    bool simple = l->kind == ExprKind::Name || l->kind == ExprKind::Attribute;
    Type t = l->type.kind == TypeKind::Optional ? l->type.arg(0) : l->type;
    if (op == "and") t = r->type;
    if (!simple) unsupported(n, fmt::format("`{}` on non-bool operands that are not plain names", op));
    bool same = t == r->type || (l->type.kind == TypeKind::Optional && l->type.arg(0) == r->type);
    if (!same && op == "or") unsupported(n, fmt::format("`or` between `{}` and `{}`", to_string(l->type), to_string(r->type)));
    if (op == "and") unsupported(n, "`and` on non-bool operands");
    auto c = make(ExprKind::Conditional, r->type, pos(n));
    c->items.push_back(clone(*l));
    c->items.push_back(truthy(std::move(l)));
    c->items.push_back(std::move(r));
    return c;
  }
  unsupported(n, "boolean operator");
}

ExprPtr Lowering::truthy(ExprPtr e) {
  if (e->type.kind == TypeKind::Bool) return e;
  switch (e->type.kind) {
    case TypeKind::Int: case TypeKind::Float: case TypeKind::Str: case TypeKind::List: case TypeKind::Array:
    case TypeKind::Dict: case TypeKind::Set: case TypeKind::Optional: case TypeKind::Class: case TypeKind::Tuple:
      break;
    default:
      if (fn_ && fn_->inferring) break;
      throw Unsupported{e->pos, fmt::format("truth value of a `{}`", to_string(e->type))};
  }
  // Backends spell truthiness per type (`!= 0`, `.Count > 0`, `!= null`).
  auto c = make(ExprKind::Cast, TypeKind::Bool, e->pos);
  c->items.push_back(std::move(e));
  return c;
}

ExprPtr Lowering::await_expr(TSNode n, const Type* expected) {
  if (!in_async()) unsupported(n, "await outside an async function");
  Type want = expected ? Type::awaitable(*expected) : Type();
  ExprPtr v = expr(ts_node_named_child(n, 0), expected ? &want : nullptr);
  if (v->type.kind == TypeKind::Extern && v->type.name == "asyncio.Future" && v->type.args.size() == 1) {
    auto e = make(ExprKind::Await, v->type.arg(0), pos(n));
    e->items.push_back(std::move(v));
    return e;
  }
  if (v->type.kind != TypeKind::Awaitable) {
    if (fn_ && fn_->inferring && !v->type.known()) {
      auto e = make(ExprKind::Await, {}, pos(n));
      e->items.push_back(std::move(v));
      return e;
    }
    unsupported(n, fmt::format("await of a value of type `{}`", to_string(v->type)));
  }
  auto e = make(ExprKind::Await, v->type.arg(0), pos(n));
  e->items.push_back(std::move(v));
  return e;
}

namespace {

// Decodes a Python string literal's escapes (not for raw strings).
std::string decode_escapes(std::string_view s, bool raw, bool fstring, SourcePos at) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (fstring && (c == '{' || c == '}') && i + 1 < s.size() && s[i + 1] == c) { out += c; ++i; continue; }
    if (c != '\\' || raw || i + 1 >= s.size()) { out += c; continue; }
    char n = s[++i];
    switch (n) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case '0': out += '\0'; break;
      case '\\': out += '\\'; break;
      case '\'': out += '\''; break;
      case '"': out += '"'; break;
      case '\n': break;  // line continuation
      case 'x': case 'u': case 'U': {
        size_t len = n == 'x' ? 2 : n == 'u' ? 4 : 8;
        uint32_t cp = 0;
        std::string_view hex = s.substr(std::min(i + 1, s.size()), len);
        auto [end, ec] = std::from_chars(hex.data(), hex.data() + hex.size(), cp, 16);
        if (hex.size() != len || ec != std::errc() || end != hex.data() + hex.size() || cp > 0x10FFFF)
          throw Unsupported{at, fmt::format("invalid escape `\\{}{}` in a string", n, hex)};
        i += len;
        if (cp < 0x80) out += static_cast<char>(cp);
        else if (cp < 0x800) { out += static_cast<char>(0xC0 | (cp >> 6)); out += static_cast<char>(0x80 | (cp & 0x3F)); }
        else if (cp < 0x10000) { out += static_cast<char>(0xE0 | (cp >> 12)); out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)); out += static_cast<char>(0x80 | (cp & 0x3F)); }
        else { out += static_cast<char>(0xF0 | (cp >> 18)); out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F)); out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)); out += static_cast<char>(0x80 | (cp & 0x3F)); }
        break;
      }
      default: out += '\\'; out += n; break;
    }
  }
  return out;
}

}  // namespace

ExprPtr Lowering::string(TSNode n) {
  SourcePos p = pos(n);
  if (std::string_view(ts_node_type(n)) == "concatenated_string") {
    // Adjacent literals concatenate; keep it one literal or one f-string.
    auto e = make(ExprKind::FString, TypeKind::Str, p);
    bool any_f = false;
    for_each_named_child(n, [&](TSNode s) {
      ExprPtr part = string(s);
      if (part->kind == ExprKind::Str) e->parts.push_back({part->text, nullptr, {}, 0});
      else { any_f = true; for (auto& x : part->parts) e->parts.push_back(std::move(x)); }
    });
    if (!any_f) {
      auto s = make(ExprKind::Str, TypeKind::Str, p);
      for (auto& x : e->parts) s->text += x.text;
      return s;
    }
    return e;
  }
  std::string_view start = text(ts_node_named_child(n, 0));
  std::string prefix;
  for (char c : start)
    if (c != '"' && c != '\'') prefix += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  bool raw = prefix.find('r') != std::string::npos;
  bool f = prefix.find('f') != std::string::npos;
  if (prefix.find('b') != std::string::npos) unsupported(n, "bytes literal");
  if (!f) {
    auto e = make(ExprKind::Str, TypeKind::Str, p);
    for_each_named_child(n, [&](TSNode c) {
      if (std::string_view(ts_node_type(c)) == "string_content") e->text += decode_escapes(text(c), raw, false, pos(c));
    });
    return e;
  }
  auto e = make(ExprKind::FString, TypeKind::Str, p);
  for_each_named_child(n, [&](TSNode c) {
    std::string_view ct = ts_node_type(c);
    if (ct == "string_content") {
      e->parts.push_back({decode_escapes(text(c), raw, true, pos(c)), nullptr, {}, 0});
    } else if (ct == "interpolation") {
      FStringPart part;
      part.expr = expr(field(c, "expression"));
      if (TSNode conv = field(c, "type_conversion"); !ts_node_is_null(conv)) part.conversion = text(conv)[1];
      if (TSNode spec = field(c, "format_specifier"); !ts_node_is_null(spec)) {
        for_each_named_child(spec, [&](TSNode x) {
          if (std::string_view(ts_node_type(x)) == "format_expression") unsupported(x, "nested replacement field in a format spec");
        });
        part.spec = std::string(text(spec).substr(1));
      }
      if (std::string_view(text(c)).find("=}") != std::string_view::npos || std::string_view(text(c)).find("=!") != std::string_view::npos)
        unsupported(c, "self-documenting f-string `{x=}`");
      if (part.conversion == 'a') unsupported(c, "f-string conversion `!a`");
      e->parts.push_back(std::move(part));
    }
  });
  return e;
}

ExprPtr Lowering::collection(TSNode n, const Type* expected) {
  std::string_view type = ts_node_type(n);
  SourcePos p = pos(n);
  if (type == "dictionary") {
    auto e = make(ExprKind::Dict, {}, p);
    Type k, v;
    if (expected && expected->kind == TypeKind::Dict) { k = expected->arg(0); v = expected->arg(1); }
    for_each_named_child(n, [&](TSNode pair) {
      if (is(pair, k_.comment)) return;
      if (std::string_view(ts_node_type(pair)) != "pair") unsupported(pair, "dictionary unpacking `**`");
      ExprPtr ke = expr(field(pair, "key"), k.known() ? &k : nullptr);
      ExprPtr ve = expr(field(pair, "value"), v.known() ? &v : nullptr);
      if (k.known() && ke->type.known() && !(k == ke->type)) unsupported(pair, "dictionary with keys of different types");
      k.refine(ke->type);
      // Mixed values (a JSON payload) make a dictionary of objects.
      if (v.known() && ve->type.known() && !(v == ve->type) && !(v.kind == TypeKind::Float && ve->type.kind == TypeKind::Int))
        v = TypeKind::Any;
      if (v.kind == TypeKind::Float && ve->type.kind == TypeKind::Int) {  // {"a": 0.5, "b": 1}
        v = TypeKind::Float;
        v.maybe_int = true;
      }
      v.refine(ve->type);
      e->items.push_back(std::move(ke));
      e->items.push_back(std::move(ve));
    });
    e->type = Type::dict(k, v);
    return e;
  }
  ExprKind kind = type == "list" ? ExprKind::List : type == "set" ? ExprKind::Set : ExprKind::Tuple;
  auto e = make(kind, {}, p);
  std::vector<Type> types;
  Type elem;
  if (expected && (expected->kind == TypeKind::List || expected->kind == TypeKind::Set) && kind != ExprKind::Tuple)
    elem = expected->arg(0);
  size_t i = 0;
  for_each_named_child(n, [&](TSNode c) {
    if (is(c, k_.comment)) return;
    const Type* want = kind == ExprKind::Tuple ? (expected && expected->kind == TypeKind::Tuple ? &expected->arg(i) : nullptr)
                                               : (elem.known() ? &elem : nullptr);
    ExprPtr x = expr(c, want);
    ++i;
    if (x->kind == ExprKind::Starred) unsupported(c, "starred element in a literal");
    if (kind != ExprKind::Tuple) {
      if (elem.known() && x->type.known() && !(elem == x->type)) {
        if (elem.kind == TypeKind::Float && x->type.kind == TypeKind::Int) elem.maybe_int = true;  // [0.5, 1]
        else if (is_subclass(x->type, elem)) { /* an instance of a subclass */ }
        else if (auto base = common_base(elem, x->type)) elem = *base;  // `[Dog(), Cat()]` is a list of Animal
        else if (elem.kind == TypeKind::Int && x->type.kind == TypeKind::Float) {
          elem = TypeKind::Float;
          elem.maybe_int = true;  // [1, 0.5]: the 1 stays an int
        }
        else unsupported(n, fmt::format("{} with elements of different types (`{}` and `{}`)", type, to_string(elem), to_string(x->type)));
      }
      elem.refine(x->type);
    }
    types.push_back(x->type);
    e->items.push_back(std::move(x));
  });
  if (kind == ExprKind::Tuple) e->type = Type(TypeKind::Tuple, types);
  else e->type = Type(kind == ExprKind::List ? TypeKind::List : TypeKind::Set, {elem});
  return e;
}

bool Lowering::is_subclass(const Type& derived, const Type& base) const {
  if (derived.kind != TypeKind::Class || base.kind != TypeKind::Class) return false;
  for (std::string c = derived.name; !c.empty();) {
    if (c == base.name) return true;
    auto it = classes_.find(c);
    c = it == classes_.end() ? std::string() : it->second.base;
  }
  return false;
}

// The nearest module class both are instances of (`Dog` and `Animal`, or
// `Dog` and `Cat` of `Animal`).
std::optional<Type> Lowering::common_base(const Type& a, const Type& b) const {
  if (a.kind != TypeKind::Class || b.kind != TypeKind::Class) return std::nullopt;
  for (std::string c = a.name; !c.empty();) {
    if (is_subclass(b, Type::klass(c))) return Type::klass(c);
    auto it = classes_.find(c);
    c = it == classes_.end() ? std::string() : it->second.base;
  }
  return std::nullopt;
}

ExprPtr Lowering::comprehension(TSNode n, const Type* expected) {
  std::string_view type = ts_node_type(n);
  SourcePos p = pos(n);
  auto e = make(ExprKind::Comprehension, {}, p);
  e->text = type == "list_comprehension" ? "list" : type == "set_comprehension" ? "set"
          : type == "dictionary_comprehension" ? "dict" : "gen";
  // Each `for` clause opens a scope for its targets, and each `if` clause
  // narrows what follows it (`[a for a in ages if a is not None]`).
  struct Pushed {
    Lowering& l;
    size_t scopes = 0, facts = 0;
    ~Pushed() {
      for (; scopes; --scopes) l.inner_.pop_back();
      for (; facts; --facts) l.narrowed_.pop_back();
    }
  } pushed{*this};
  for_each_named_child(n, [&](TSNode c) {
    std::string_view ct = ts_node_type(c);
    if (ct == "for_in_clause") {
      if (std::string_view(text(c)).starts_with("async")) unsupported(c, "async comprehension");
      InnerScope scope;
      CompClause cl;
      cl.iter = iterable(field(c, "right"));
      Type elem = cl.iter->type.kind == TypeKind::Dict ? cl.iter->type.arg(0) : cl.iter->type.element();
      if (!elem.known() && !(fn_ && fn_->inferring)) unsupported(field(c, "right"), fmt::format("iteration over `{}`", to_string(cl.iter->type)));
      TSNode left = field(c, "left");
      if (is(left, k_.identifier)) {
        cl.target = make(ExprKind::Name, elem, pos(left));
        cl.target->text = std::string(text(left));
        scope.names[cl.target->text] = elem;
      } else if (is(left, k_.pattern_list) || is(left, k_.tuple_pattern)) {
        cl.target = make(ExprKind::Tuple, elem, pos(left));
        std::vector<TSNode> names = named_children(left);
        for (size_t i = 0; i < names.size(); ++i) {
          if (!is(names[i], k_.identifier)) unsupported(names[i], "nested unpacking in a comprehension");
          auto x = make(ExprKind::Name, elem.arg(i), pos(names[i]));
          x->text = std::string(text(names[i]));
          scope.names[x->text] = elem.arg(i);
          cl.target->items.push_back(std::move(x));
        }
      } else {
        unsupported(left, "comprehension target");
      }
      inner_.push_back(scope);
      ++pushed.scopes;
      e->clauses.push_back(std::move(cl));
    } else if (ct == "if_clause") {
      TSNode cond = ts_node_named_child(c, 0);
      e->clauses.back().conditions.push_back(truthy(expr(cond)));
      narrowed_.push_back(facts_of(cond).when_true);
      ++pushed.facts;
    }
  });
  TSNode body = field(n, "body");
  if (std::string_view(text(n)).find("await ") != std::string_view::npos) {
    // A comprehension becomes a LINQ lambda, which cannot await for the enclosing coroutine.
    auto has_await = [&](auto&& self, TSNode x) -> bool {
      if (is(x, k_.await)) return true;
      bool found = false;
      for_each_named_child(x, [&](TSNode c) { found = found || self(self, c); });
      return found;
    };
    // The element may await (`[await fetch(u) for u in urls]`, one after
    // another as Python runs it); the clauses may not.
    bool elsewhere = false;
    for_each_named_child(n, [&](TSNode c) { elsewhere = elsewhere || (!ts_node_eq(c, body) && has_await(has_await, c)); });
    if (elsewhere || (has_await(has_await, body) && (e->text != "list" || e->clauses.size() != 1)))
      unsupported(n, "await inside a comprehension other than in the element of a one-clause list comprehension (write a loop)");
  }
  // What receives it types the elements (`self.queues = [asyncio.Queue() for _ in range(n)]`).
  auto part = [&](size_t i) -> const Type* {
    if (!expected || !expected->known() || i >= expected->args.size()) return nullptr;
    bool fits = (e->text == "list" && expected->kind == TypeKind::List) || (e->text == "set" && expected->kind == TypeKind::Set) ||
                (e->text == "dict" && expected->kind == TypeKind::Dict);
    return fits ? &expected->args[i] : nullptr;
  };
  if (e->text == "dict") {
    if (std::string_view(ts_node_type(body)) != "pair") unsupported(body, "dict comprehension body");
    e->items.push_back(expr(field(body, "key"), part(0)));
    e->items.push_back(expr(field(body, "value"), part(1)));
    e->type = Type::dict(e->items[0]->type, e->items[1]->type);
  } else {
    e->items.push_back(expr(body, part(0)));
    Type t = e->items[0]->type;
    e->type = e->text == "list" ? Type::list(t) : e->text == "set" ? Type::set(t) : Type(TypeKind::Iterator, {t});
  }
  return e;
}

ExprPtr Lowering::lambda(TSNode n, const Type* expected) {
  auto e = make(ExprKind::Lambda, {}, pos(n));
  InnerScope scope;
  std::vector<Type> ft;
  size_t i = 0;
  if (TSNode ps = field(n, "parameters"); !ts_node_is_null(ps)) {
    for_each_named_child(ps, [&](TSNode prm) {
      if (!is(prm, k_.identifier)) unsupported(prm, "lambda parameter with a default or star");
      Param q;
      q.name = std::string(text(prm));
      q.pos = pos(prm);
      if (expected && expected->kind == TypeKind::Callable && i + 1 < expected->args.size()) q.type = expected->args[i];
      if (!q.type.known()) unsupported(prm, fmt::format("lambda parameter `{}` of unknown type", q.name));
      scope.names[q.name] = q.type;
      ft.push_back(q.type);
      e->params.push_back(std::move(q));
      ++i;
    });
  }
  inner_.push_back(scope);
  e->items.push_back(expr(field(n, "body")));
  inner_.pop_back();
  ft.push_back(e->items[0]->type);
  e->type = Type(TypeKind::Callable, ft);
  return e;
}

}  // namespace asl::tr
