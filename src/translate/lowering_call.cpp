// Calls: functions and classes of the module, and library calls matched
// against the API table (rules/translate/*.toml).
#include <fmt/format.h>

#include "translate/container_methods.h"
#include "translate/lowering.h"

namespace asl::tr {

namespace {

const std::set<std::string, std::less<>> kBuiltins = {
    "print", "len", "str", "int", "float", "bool", "range", "sorted", "sum", "min", "max", "abs", "round",
    "enumerate", "zip", "list", "dict", "set", "tuple", "isinstance", "any", "all", "repr", "open", "reversed",
    "map", "filter", "input", "type", "id", "hash", "iter", "next", "super", "divmod", "pow", "chr", "ord",
    "Exception", "ValueError", "KeyError", "IndexError", "RuntimeError", "TypeError", "TimeoutError",
    "ZeroDivisionError", "NotImplementedError", "ConnectionError", "OSError", "IOError", "FileNotFoundError",
    "AttributeError", "StopIteration", "StopAsyncIteration", "AssertionError", "ArithmeticError", "LookupError",
    "PermissionError", "KeyboardInterrupt", "BaseException", "ExceptionGroup", "object"};


Type any_to_unknown(Type t) {
  if (t.kind == TypeKind::Any) return Type();
  for (auto& a : t.args) a = any_to_unknown(std::move(a));
  return t;
}

bool has_any(const Type& t) {
  if (t.kind == TypeKind::Any) return true;
  for (const auto& a : t.args)
    if (has_any(a)) return true;
  return false;
}

bool returns_mention(const TypePattern& p, const std::string& param) {
  if (p.ref == param) return true;
  for (const auto& a : p.args)
    if (returns_mention(a, param)) return true;
  return false;
}

}  // namespace

// A `when = { x = "type:list" }` test of an API entry.
bool kind_matches(const Type& t, std::string_view want) {
  if (want == "any") return true;
  if (want == "list") return t.kind == TypeKind::List;
  if (want == "array") return t.kind == TypeKind::Array;
  if (want == "str") return t.kind == TypeKind::Str;
  if (want == "int") return t.kind == TypeKind::Int;
  if (want == "float") return t.kind == TypeKind::Float;
  if (want == "bool") return t.kind == TypeKind::Bool;
  if (want == "number") return t.kind == TypeKind::Int || t.kind == TypeKind::Float;
  if (want == "dict") return t.kind == TypeKind::Dict;
  if (want == "set") return t.kind == TypeKind::Set;
  if (want == "tuple") return t.kind == TypeKind::Tuple;
  if (want == "optional") return t.kind == TypeKind::Optional;
  if (want == "awaitable") return t.kind == TypeKind::Awaitable;
  if (want == "iterator") return t.kind == TypeKind::Iterator;
  if (want == "class") return t.kind == TypeKind::Class;
  return false;
}

Signature& Lowering::constructor(ClassInfo& c) {
  ClassInfo* k = &c;
  for (int depth = 0; k->inherits_ctor() && classes_.count(k->base) && depth < 64; ++depth) k = &classes_[k->base];
  return k->ctor;
}

Signature* Lowering::method_of(const std::string& cls, const std::string& name, ClassInfo** owner) {
  for (auto c = classes_.find(cls); c != classes_.end(); c = classes_.find(c->second.base)) {
    if (auto m = c->second.methods.find(name); m != c->second.methods.end()) {
      if (owner) *owner = &c->second;
      return &m->second;
    }
  }
  return nullptr;
}

void Lowering::refine_callee_params(Signature& sig, const Type& callable, SourcePos at) {
  if (callable.kind != TypeKind::Callable) return;
  for (size_t i = 0; i < sig.params.size() && i + 1 < callable.args.size(); ++i) {
    Param& p = sig.params[i];
    if (!p.inferred || !callable.args[i].known()) continue;
    auto j = join(p.type, callable.args[i]);
    if (!j || *j == p.type) continue;
    if (!p.type.known()) p.typed_at = at;
    p.type = std::move(*j);
    inference_moved_ = true;
  }
}

std::optional<std::string> Lowering::qualified(TSNode n) {
  if (is(n, k_.identifier)) {
    std::string nm(text(n));
    if (lookup_inner(nm) || local(nm) || (fn_ && fn_->params.count(nm)) || globals_.count(nm) || functions_.count(nm) ||
        classes_.count(nm))
      return std::nullopt;
    if (auto it = imports_.find(nm); it != imports_.end()) return it->second;
    if (kBuiltins.count(nm)) return "builtins." + nm;
    return std::nullopt;
  }
  if (is(n, k_.attribute)) {
    auto base = qualified(field(n, "object"));
    if (!base || base->starts_with("builtins.")) return std::nullopt;
    // Only module paths qualify: `asyncio.sleep`, not `queue.put`.
    std::string top = base->substr(0, base->find('.'));
    if (!api_.modules.count(top) && !api_.modules.count(*base)) return std::nullopt;
    if (api_.type(*base)) return std::nullopt;  // an attribute of a type object
    return *base + "." + std::string(text(field(n, "attribute")));
  }
  return std::nullopt;
}

std::string Lowering::type_key(const Type& t) {
  switch (t.kind) {
    case TypeKind::List: case TypeKind::Array: return "builtins.list";
    case TypeKind::Dict: return "builtins.dict";
    case TypeKind::Set: return "builtins.set";
    case TypeKind::Str: return "builtins.str";
    case TypeKind::Int: return "builtins.int";
    case TypeKind::Float: return "builtins.float";
    case TypeKind::Awaitable: return "asyncio.Task";
    case TypeKind::Extern: return t.name;
    case TypeKind::Optional: return type_key(t.arg(0));
    default: return {};
  }
}

void Lowering::observe(Param& p, const Expr& arg, TSNode at, const std::string& what) {
  // What the callee does with it types what the caller passes: an empty list
  // in `main` that a worker appends ints to is a list of ints.
  if (!arg.type.known() && p.type.known() && arg.type.kind == p.type.kind) {
    refine_storage(const_cast<Expr&>(arg), p.type);
    if (fn_ && arg.kind == ExprKind::Name && arg.name_kind == NameKind::Local) fn_->args_typed_locals = true;
  }
  if (!p.inferred) return;
  std::string key = what + "." + p.name;
  auto j = join(p.type, arg.type);
  if (!j) {
    std::string elsewhere = p.typed_at.line ? fmt::format("elsewhere (line {})", p.typed_at.line) : "by its default";
    if (arg.type.known() && p.type.known())
      conflicts_.emplace(key, TranslateDiagnostic{pos(at), fmt::format(
          "parameter `{}` of `{}` is passed `{}` here and `{}` {}; annotate it "
          "(a function called with different types is not translated)",
          p.name, what, to_string(arg.type), to_string(p.type), elsewhere)});
    return;
  }
  // `f(1)` here and `f(0.5)` there: a float that still holds an int at runtime.
  bool mixed = (p.type.kind == TypeKind::Int && arg.type.kind == TypeKind::Float) ||
               (p.type.kind == TypeKind::Float && arg.type.kind == TypeKind::Int);
  if (mixed || p.type.maybe_int) j->maybe_int = true;
  if (*j == p.type && j->maybe_int == p.type.maybe_int) return;
  if (!p.type.known()) p.typed_at = pos(at);
  p.type = std::move(*j);
  inference_moved_ = true;
}

std::vector<Arg> Lowering::bind_args(std::vector<Param>& params, TSNode args, const std::string& what) {
  std::vector<Arg> out;
  size_t positional = 0;
  for_each_named_child(args, [&](TSNode a) {
    if (is(a, k_.comment)) return;
    std::string_view at = ts_node_type(a);
    if (at == "list_splat" || at == "dictionary_splat") unsupported(a, fmt::format("`{}` passed to `{}`", text(a), what));
    if (is(a, k_.keyword_argument)) {
      std::string kw(text(field(a, "name")));
      Param* prm = nullptr;
      for (auto& p : params)
        if (p.name == kw) prm = &p;
      if (!prm) unsupported(a, fmt::format("`{}` has no parameter `{}`", what, kw));
      out.push_back({kw, expr(field(a, "value"), prm->type.known() ? &prm->type : nullptr)});
      observe(*prm, *out.back().value, a, what);
      if (!out.back().value->type.known()) refine_storage(*out.back().value, prm->type);
      return;
    }
    if (positional >= params.size() || params[positional].keyword_only)
      unsupported(a, fmt::format("too many arguments to `{}`", what));
    Param& prm = params[positional++];
    out.push_back({"", expr(a, prm.type.known() ? &prm.type : nullptr)});
    observe(prm, *out.back().value, a, what);
    // A container the callee fills is the caller's too (`results = []`, `worker(q, results)`).
    if (!out.back().value->type.known()) refine_storage(*out.back().value, prm.type);
  });
  for (size_t i = 0; i < params.size(); ++i) {
    if (params[i].default_value) continue;
    bool given = i < positional;
    for (const auto& a : out) given = given || a.name == params[i].name;
    if (!given) unsupported(args, fmt::format("`{}` is missing argument `{}`", what, params[i].name));
  }
  return out;
}

namespace {

void clear_maybe_int(Type& t) {
  t.maybe_int = false;
  for (auto& a : t.args) clear_maybe_int(a);
}

}  // namespace

// A function whose result may hold an int because a parameter does (`slow(1)`
// here, `slow(0.5)` there) returns a true float where every such parameter
// is given one.
void Lowering::settle_maybe_int(Expr& call, const Signature& sig) {
  if (!holds_maybe_int(call.type)) return;
  bool any = false;
  size_t positional = 0;
  std::vector<const Expr*> given(sig.params.size(), nullptr);
  for (const auto& a : call.args) {
    if (a.name.empty()) {
      if (positional < given.size()) given[positional] = a.value.get();
      ++positional;
      continue;
    }
    for (size_t i = 0; i < sig.params.size(); ++i)
      if (sig.params[i].name == a.name) given[i] = a.value.get();
  }
  for (size_t i = 0; i < sig.params.size(); ++i) {
    const Param& prm = sig.params[i];
    if (!(prm.type.kind == TypeKind::Float && prm.type.maybe_int)) continue;
    any = true;
    const Expr* v = given[i] ? given[i] : prm.default_value.get();
    if (!v || v->type.kind != TypeKind::Float || v->type.maybe_int) return;
  }
  if (any) clear_maybe_int(call.type);
}

ExprPtr Lowering::call(TSNode n, const Type* expected) {
  SourcePos p = pos(n);
  TSNode fn = field(n, "function");
  TSNode args = field(n, "arguments");
  if (std::string_view(ts_node_type(args)) == "generator_expression") {
    // f(x for x in xs): one generator argument.
    auto q = qualified(fn);
    if (!q) unsupported(n, "generator argument to a function of this module");
    return builtin_call(*q, args, p, expected, n);
  }
  if (is(fn, k_.identifier)) {
    std::string nm(text(fn));
    const Type* callable = lookup_inner(nm);
    if (!callable && fn_) {
      if (LocalInfo* l = local(nm)) callable = &l->type;
      else if (fn_->sig && fn_->params.count(nm))
        for (const auto& prm : fn_->sig->params)
          if (prm.name == nm) callable = &prm.type;
    }
    if (callable) {
      auto target = make(ExprKind::Name, *callable, pos(fn));
      target->text = nm;
      target->name_kind = local(nm) ? NameKind::Local : NameKind::Param;
      ExprPtr e = call_value(std::move(target), fn, args, p);
      // A local callable keeps its name (C# spells local functions and lambdas differently).
      e->text = nm;
      e->name_kind = NameKind::Local;
      e->object = nullptr;
      return e;
    }
    if (auto f = functions_.find(nm); f != functions_.end()) {
      ensure_result(f->second, nullptr);
      Signature& sig = f->second;
      Type t = sig.is_async && !sig.is_generator ? Type::awaitable(sig.result) : sig.result;
      auto e = make(ExprKind::Call, t, p);
      e->text = nm;
      e->name_kind = NameKind::Function;
      e->args = bind_args(sig.params, args, nm);
      settle_maybe_int(*e, sig);
      return e;
    }
    if (auto c = classes_.find(nm); c != classes_.end()) {
      auto e = make(ExprKind::New, Type::klass(nm), p);
      e->text = nm;
      e->args = bind_args(constructor(c->second).params, args, nm);
      return e;
    }
    if (nm == "super") unsupported(n, "super() outside `super().__init__(...)`");
    auto q = qualified(fn);
    if (!q) unsupported(fn, fmt::format("call of `{}`, which is not defined here", nm));
    return builtin_call(*q, args, p, expected, n);
  }
  if (is(fn, k_.attribute)) {
    TSNode obj = field(fn, "object");
    std::string method(text(field(fn, "attribute")));
    if (is(obj, k_.call) && text(field(obj, "function")) == "super" && method != "__init__") {
      // super().method(...): the base class's method, called on this object.
      if (!fn_ || !fn_->klass || fn_->klass->base.empty() || !classes_.count(fn_->klass->base) ||
          named_children(field(obj, "arguments")).size() != 0)
        unsupported(n, "super() other than in a method of a subclass of a class of this module");
      for (ClassInfo* c = &classes_[fn_->klass->base]; c; c = c->base.empty() || !classes_.count(c->base) ? nullptr : &classes_[c->base]) {
        auto m = c->methods.find(method);
        if (m == c->methods.end() || m->second.is_property || m->second.is_static) continue;
        ensure_result(m->second, c);
        Type t = m->second.is_async && !m->second.is_generator ? Type::awaitable(m->second.result) : m->second.result;
        auto e = make(ExprKind::MethodCall, t, p);
        e->text = method;
        e->object = make(ExprKind::Name, Type::klass(c->name), pos(obj));
        e->object->text = "super";
        e->object->name_kind = NameKind::Self;
        e->args = bind_args(m->second.params, args, c->name + "." + method);
        return e;
      }
      unsupported(fn, fmt::format("method `{}` of the base classes of `{}`", method, fn_->klass->name));
    }
    if (is(obj, k_.call) && text(field(obj, "function")) == "super") {
      if (!(fn_ && fn_->klass && fn_->sig && fn_->sig->name == "__init__" && method == "__init__"))
        unsupported(n, "super() other than `super().__init__(...)` in __init__");
      auto e = make(ExprKind::Call, TypeKind::None, p);
      e->text = "super().__init__";
      const ClassInfo& c = *fn_->klass;
      std::vector<Param> ps;
      if (classes_.count(c.base)) {
        for (const auto& prm : constructor(classes_[c.base]).params) {
          Param q;
          q.name = prm.name;
          q.type = prm.type;
          ps.push_back(std::move(q));
        }
      } else {
        Param q;
        q.name = "message";
        q.type = TypeKind::Str;
        ps.push_back(std::move(q));
      }
      e->args = bind_args(ps, args, "super().__init__");
      return e;
    }
    if (auto q = qualified(fn)) return builtin_call(*q, args, p, expected, n);
    ExprPtr o = expr(obj);
    Type ot = o->type.kind == TypeKind::Optional ? o->type.arg(0) : o->type;
    if (ot.kind == TypeKind::Class && !method_of(ot.name, method) && o->type.kind == TypeKind::Class)
      return call_value(expr(fn), fn, args, p);  // a field that holds a callable: `self.on_event(x)`
    if (ot.kind == TypeKind::Class) {
      const ClassInfo* c = &classes_[ot.name];
      while (c) {
        auto m = c->methods.find(method);
        if (m != c->methods.end() && !m->second.is_property) {
          Signature& sig = const_cast<Signature&>(m->second);
          ensure_result(sig, const_cast<ClassInfo*>(c));
          Type t = sig.is_async && !sig.is_generator ? Type::awaitable(sig.result) : sig.result;
          auto e = make(ExprKind::MethodCall, t, p);
          e->text = method;
          e->object = std::move(o);
          e->args = bind_args(sig.params, args, ot.name + "." + method);
          settle_maybe_int(*e, sig);
          return e;
        }
        c = c->base.empty() || !classes_.count(c->base) ? nullptr : &classes_[c->base];
      }
      unsupported(fn, fmt::format("method `{}` of class `{}`", method, ot.name));
    }
    if (o->kind == ExprKind::ApiCall && o->api) {
      std::string fused = o->api->python + "()." + method;
      if (api_.find(fused)) return api_call(fused, std::move(o), args, p, expected, n);
    }
    // A Counter's own methods (most_common, update, total); the rest are dict's.
    if (ot.kind == TypeKind::Dict && ot.name == "Counter" && api_.find("collections.Counter." + method))
      return api_call("collections.Counter." + method, std::move(o), args, p, expected, n);
    std::string key = type_key(ot);
    if (key.empty()) unsupported(fn, fmt::format("method `{}` of a value of type `{}`", method, to_string(o->type)));
    // A library type shares the methods of its base that it does not list.
    for (const ApiType* t = api_.type(key); t && !t->base.empty() && !api_.find(key + "." + method); t = api_.type(key))
      key = t->base;
    return api_call(key + "." + method, std::move(o), args, p, expected, n);
  }
  // Any other value that is a callable: `handlers[kind](x)`.
  return call_value(expr(fn), fn, args, p);
}

ExprPtr Lowering::call_value(ExprPtr callee, TSNode fn, TSNode args, SourcePos p) {
  const Type& ct = callee->type;
  if (ct.kind != TypeKind::Callable) unsupported(fn, fmt::format("call of `{}` of type `{}`", text(fn), to_string(ct)));
  std::vector<Param> ps;
  for (size_t i = 0; i + 1 < ct.args.size(); ++i) {
    Param q;
    q.name = fmt::format("arg{}", i);
    q.type = ct.args[i];
    ps.push_back(std::move(q));
  }
  auto e = make(ExprKind::Call, ct.args.empty() ? Type(TypeKind::None) : ct.args.back(), p);
  e->args = bind_args(ps, args, std::string(text(fn)));
  for (const auto& a : e->args)
    if (!a.name.empty()) unsupported(args, "keyword argument to a callable value");
  if (!ct.known()) {
    // `await fn(key)` with `fn` a parameter: the arguments type the callable,
    // and through it the function its callers pass.
    Type seen = ct;
    for (size_t i = 0; i < e->args.size() && i + 1 < seen.args.size(); ++i)
      if (!seen.args[i].known()) seen.args[i] = e->args[i].value->type;
    refine_storage(*callee, seen);
  }
  e->object = std::move(callee);
  return e;
}

ExprPtr Lowering::builtin_call(const std::string& name, TSNode args, SourcePos p, const Type* expected, TSNode whole) {
  if (name == "asyncio.run") {
    // Inside Main, running a coroutine is awaiting it.
    if (!fn_ || !fn_->is_entry) unsupported(whole, "asyncio.run() outside the program's entry point");
    std::vector<TSNode> a = named_children(args);
    if (a.size() != 1) unsupported(whole, "asyncio.run() with options");
    ExprPtr coro = expr(a[0]);
    if (coro->type.kind != TypeKind::Awaitable) unsupported(a[0], "asyncio.run() of something that is not a coroutine");
    auto e = make(ExprKind::Await, coro->type.arg(0), p);
    e->items.push_back(std::move(coro));
    return e;
  }
  if (name == "collections.defaultdict") return defaultdict_call(args, p, expected, whole);
  if (name == "collections.Counter") return counter_call(args, p, expected, whole);
  if (name == "builtins.isinstance") {
    std::vector<TSNode> a = named_children(args);
    if (a.size() != 2) unsupported(whole, "isinstance() with other than two arguments");
    auto e = make(ExprKind::IsInstance, TypeKind::Bool, p);
    e->items.push_back(expr(a[0]));
    TSNode t = a[1];
    if (is(t, k_.tuple)) unsupported(t, "isinstance() with a tuple of types");
    std::string tn(text(t));
    Type tested;
    if (classes_.count(tn)) tested = Type::klass(tn);
    else if (tn == "int") tested = TypeKind::Int;
    else if (tn == "float") tested = TypeKind::Float;
    else if (tn == "str") tested = TypeKind::Str;
    else if (tn == "bool") tested = TypeKind::Bool;
    else tested = exception_type(t);
    auto holder = make(ExprKind::Name, tested, pos(t));
    holder->text = tn;
    e->items.push_back(std::move(holder));
    return e;
  }
  if (name == "builtins.super") unsupported(whole, "super()");
  return api_call(name, nullptr, args, p, expected, whole);
}

ExprPtr Lowering::api_attribute(const std::string& python, ExprPtr receiver, SourcePos p, TSNode whole) {
  const auto* entries = api_.find(python);
  const ApiEntry* found = nullptr;
  if (entries)
    for (const ApiEntry* e : *entries)
      if (e->kind == ApiKind::Attribute && (e->context.empty() || (e->context == "async") == in_async())) { found = e; break; }
  if (!found) {
    if (entries && !entries->front()->context.empty())
      unsupported(whole, fmt::format("`{}` here (its mapping needs {} context)", python, entries->front()->context));
    if (entries) unsupported(whole, fmt::format("`{}` as a value (only its calls are translated)", python));
    unsupported(whole, fmt::format("`{}` (no mapping in rules/translate)", python));
  }
  auto e = make(ExprKind::ApiAttr, {}, p);
  e->api = found;
  e->object = std::move(receiver);
  e->python = std::string(text(whole));
  // A fused entry (`requests.get().text`) takes the inner call's arguments.
  if (e->object && e->object->kind == ExprKind::ApiCall && python.find("().") != std::string::npos) {
    for (auto& a : e->object->args) e->args.push_back({a.name, std::move(a.value)});
    e->object = nullptr;
  }
  e->type = from_pattern(found->returns, *found, e->args, e->object.get(), nullptr);
  return e;
}

// sorted(), min(), max() and list.sort() compare the values, or their keys:
// what Python cannot order (a class without order=True) is reported, since a
// backend would order it some other way (C++ by address). list.index, remove
// and count compare values with ==: their class gets value equality.
void Lowering::check_ordering(const std::string& python, const Expr* receiver,
                              const std::vector<std::pair<std::string, const Expr*>>& args, TSNode whole) {
  static const std::set<std::string, std::less<>> kOrders = {"builtins.sorted", "builtins.min", "builtins.max",
                                                            "builtins.list.sort"};
  if (receiver && (python == "builtins.list.index" || python == "builtins.list.remove" || python == "builtins.list.count") &&
      receiver->type.element().kind == TypeKind::Class)
    compared_classes_.insert(receiver->type.element().name);
  if (!kOrders.count(python)) return;
  std::vector<const Expr*> positional;
  const Expr* key = nullptr;
  for (const auto& [keyword, value] : args) {
    if (!value) continue;
    if (keyword.empty()) positional.push_back(value);
    else if (keyword == "key") key = value;
  }
  Type compared;
  if (key) {
    if (key->type.kind == TypeKind::Callable && !key->type.args.empty()) compared = key->type.args.back();
    // key=d.get over d's own keys: Optional in type only.
    if (compared.kind == TypeKind::Optional) compared = compared.arg(0);
  } else if (python == "builtins.list.sort") {
    if (receiver) compared = receiver->type.element();
  } else if (positional.size() == 1) {
    const Type& t = positional[0]->type;
    compared = t.kind == TypeKind::Dict ? t.arg(0) : t.element();
  } else if (!positional.empty()) {
    compared = positional[0]->type;
  }
  if (compared.known() && compared.kind != TypeKind::Any && !orderable(compared))
    unsupported(whole, fmt::format("`{}` of values of type `{}`, which Python cannot order (a class needs "
                                   "`@dataclass(order=True)`)",
                                   python.substr(python.rfind('.') + 1), to_string(compared)));
}

// The type a collection literal given to a container's method must have: the
// value type for `d.setdefault(k, [])` / `d.get(k, {})`, the element type for
// `xs.append([])`, so an empty literal is typed by its container.
Type Lowering::literal_argument_type(const std::string& python, const Type& container, size_t position,
                                     const std::string& keyword) {
  std::string_view method = std::string_view(python).substr(python.rfind('.') + 1);
  if (keyword == "default") position = 1;  // d.get(k, default=[])
  else if (!keyword.empty()) return {};
  const ContainerArgument* a = container_argument(container.kind, method, position);
  return a ? container_part(container, a->part) : Type();
}

ExprPtr Lowering::api_call(const std::string& python, ExprPtr receiver, TSNode args, SourcePos p, const Type* expected,
                           TSNode whole) {
  const auto* entries = api_.find(python);
  if (!entries) unsupported(whole, fmt::format("call to `{}` (no mapping in rules/translate)", python));
  // Arguments are lowered once; lambdas take their parameter types from the
  // first positional argument's elements (sorted(xs, key=lambda x: ...)).
  struct Raw {
    std::string keyword;
    TSNode node;
    ExprPtr value;
  };
  std::vector<Raw> raw;
  // A fused entry (`open(p).read()`) takes the inner call's arguments by name;
  // its own positional parameters follow the inner call's.
  size_t first_positional = 0;
  if (receiver && receiver->kind == ExprKind::ApiCall && python.find("().") != std::string::npos) {
    const ApiEntry* inner = receiver->api;
    first_positional = inner ? inner->params.size() : 0;
    for (auto& a : receiver->args) raw.push_back({a.name, TSNode{}, std::move(a.value)});
    receiver = nullptr;
  }
  bool generator_arg = std::string_view(ts_node_type(args)) == "generator_expression";
  if (generator_arg) {
    raw.push_back({"", args, comprehension(args)});
  } else {
    for_each_named_child(args, [&](TSNode a) {
      if (is(a, k_.comment)) return;
      if (std::string_view(ts_node_type(a)) == "dictionary_splat") unsupported(a, "`**kwargs` argument");
      if (is(a, k_.keyword_argument)) raw.push_back({std::string(text(field(a, "name"))), field(a, "value"), nullptr});
      else raw.push_back({"", a, nullptr});
    });
  }
  Type lambda_param;
  auto reference = [&](const Raw& r) { return r.keyword == "key" && (is(r.node, k_.identifier) || is(r.node, k_.attribute)); };
  size_t position = 0;
  for (auto& r : raw) {
    size_t at = r.keyword.empty() ? position++ : SIZE_MAX;
    if (r.value || is(r.node, k_.lambda) || reference(r)) continue;
    Type want = receiver ? literal_argument_type(python, receiver->type, at, r.keyword) : Type();
    std::string_view node = ts_node_type(r.node);
    // `[]`, `{}`, `set()`, `list()`, `dict()`: empty until the container fills them.
    auto constructor = node == "call" && ts_node_named_child_count(field(r.node, "arguments")) == 0
                           ? qualified(field(r.node, "function"))
                           : std::nullopt;
    bool literal = node == "list" || node == "dictionary" || node == "set" ||
                   (constructor && (*constructor == "builtins.set" || *constructor == "builtins.list" ||
                                    *constructor == "builtins.dict"));
    r.value = expr(r.node, literal && want.known() ? &want : nullptr);
    r.value->python = std::string(text(r.node));
    // print([]) needs no element type.
    if (python == "builtins.print" && (r.value->kind == ExprKind::List || r.value->kind == ExprKind::Dict ||
                                       r.value->kind == ExprKind::Set) && r.value->items.empty())
      for (auto& t : r.value->type.args) t = TypeKind::Any;
    if (!lambda_param.known() && r.keyword.empty()) {
      lambda_param = r.value->type.kind == TypeKind::Dict ? r.value->type.arg(0) : r.value->type.element();
    }
  }
  // A function of the module handed to a library call with its arguments
  // (`asyncio.to_thread(f, x)`, `loop.call_soon(f, x)`) is called with them.
  static const std::set<std::string, std::less<>> kCallsWithArgs = {
      "asyncio.to_thread", "asyncio.AbstractEventLoop.run_in_executor", "asyncio.AbstractEventLoop.call_soon",
      "asyncio.AbstractEventLoop.call_later"};
  if (kCallsWithArgs.count(python)) {
    for (size_t i = 0; i < raw.size(); ++i) {
      const Expr* f = raw[i].value.get();
      if (!f || f->kind != ExprKind::Name || f->name_kind != NameKind::Function || !raw[i].keyword.empty()) continue;
      auto fn = functions_.find(f->text);
      if (fn == functions_.end()) break;
      for (size_t k = i + 1, p = 0; k < raw.size() && p < fn->second.params.size(); ++k, ++p)
        if (raw[k].keyword.empty() && raw[k].value) observe(fn->second.params[p], *raw[k].value, raw[k].node, f->text);
      break;
    }
  }
  if (receiver) {
    std::vector<Expr*> positional;
    for (const auto& r : raw)
      if (r.keyword.empty()) positional.push_back(r.value.get());
    refine_from_mutation(python.substr(python.rfind('.') + 1), *receiver, positional, whole);
  }
  for (auto& r : raw) {
    if (r.value || !reference(r)) continue;
    // `key=str.lower`, `key=d.get`, `key=len`: the lambda that calls it.
    r.value = callable_reference(r.node, lambda_param);
    if (!r.value) r.value = expr(r.node);
  }
  for (auto& r : raw) {
    if (r.value) continue;
    std::vector<Type> ft;
    if (lambda_param.known()) ft = {lambda_param, Type(TypeKind::Any)};
    Type want(TypeKind::Callable, ft);
    r.value = lambda(r.node, &want);
  }
  {
    std::vector<std::pair<std::string, const Expr*>> given;
    for (const auto& r : raw) given.push_back({r.keyword, r.value.get()});
    check_ordering(python, receiver.get(), given, whole);
  }
  std::string why;
  for (const ApiEntry* e : *entries) {
    if (e->kind == ApiKind::Attribute) continue;
    if (!e->context.empty() && (e->context == "async") != in_async()) {
      if (why.empty()) why = fmt::format("`{}` in {} code", python, in_async() ? "async" : "synchronous");
      continue;
    }
    // Bind arguments to the entry's parameters.
    std::vector<int> slot(raw.size(), -1);
    size_t next = first_positional;
    bool ok = true;
    for (size_t i = 0; i < raw.size() && ok; ++i) {
      if (raw[i].keyword.empty()) {
        if (next < e->params.size() && e->variadic(next)) { slot[i] = static_cast<int>(next); continue; }
        if (raw[i].value->kind == ExprKind::Starred) { ok = false; why = "a starred argument"; break; }
        if (next >= e->params.size()) { ok = false; why = fmt::format("too many arguments to `{}`", python); break; }
        slot[i] = static_cast<int>(next++);
      } else {
        int k = e->param_index(raw[i].keyword);
        if (k < 0 || e->variadic(static_cast<size_t>(k))) { ok = false; why = fmt::format("argument `{}` of `{}`", raw[i].keyword, python); break; }
        slot[i] = k;
      }
    }
    if (!ok) continue;
    auto arg_of = [&](const std::string& param) -> const Raw* {
      int k = e->param_index(param);
      for (size_t i = 0; i < raw.size(); ++i)
        if (slot[i] == k) return &raw[i];
      return nullptr;
    };
    for (const auto& w : e->when) {
      const Raw* r = arg_of(w.param);
      bool hold;
      if (w.is == "present") hold = r != nullptr;
      else if (w.is == "missing") hold = r == nullptr;
      else if (w.is.starts_with("type:")) hold = r && kind_matches(r->value->type, std::string_view(w.is).substr(5));
      else {
        // String literals match whatever quotes the source used.
        bool quoted = w.is.size() >= 2 && (w.is[0] == '\'' || w.is[0] == '"');
        hold = r && (r->value->python == w.is ||
                     (quoted && r->value->kind == ExprKind::Str && r->value->text == w.is.substr(1, w.is.size() - 2)));
      }
      if (!hold) { ok = false; break; }
    }
    if (!ok) continue;
    // Template placeholders must consume every argument given, so none is dropped.
    auto ex = make(ExprKind::ApiCall, {}, p);
    ex->api = e;
    ex->object = std::move(receiver);
    ex->python = std::string(text(whole));
    for (size_t i = 0; i < raw.size(); ++i) {
      std::string pn = e->params[static_cast<size_t>(slot[i])];
      if (pn.starts_with("*")) pn.erase(0, 1);
      // A parameter named `iterable` is iterated whatever the entry (`counter.update(word)`, `xs.extend(s)`).
      bool iterated = pn == "iterable" || (python.starts_with("builtins.") && e->kind == ApiKind::Function &&
                                           (pn == "seq" || pn == "a" || pn == "b" || pn == "c"));
      // Iterating a str iterates one-character strings (list(s), sorted(s), set(s)).
      if (iterated && raw[i].value->type.kind == TypeKind::Str && python != "builtins.str" && python != "builtins.len" &&
          python != "builtins.print")
        raw[i].value = chars_of(std::move(raw[i].value));
      // Iterating a dict iterates its keys (sorted(d), list(d), enumerate(d)).
      if (python.starts_with("builtins.") && e->kind == ApiKind::Function && raw[i].value->type.kind == TypeKind::Dict &&
          (pn == "iterable" || pn == "seq" || pn == "a" || pn == "b" || pn == "c")) {
        const auto* keys = api_.find("builtins.dict.keys");
        if (keys) {
          auto k = make(ExprKind::ApiCall, Type(TypeKind::Iterator, {raw[i].value->type.arg(0)}), raw[i].value->pos);
          k->api = keys->front();
          k->object = std::move(raw[i].value);
          raw[i].value = std::move(k);
        }
      }
      bool used = e->cs.starts_with("@") || e->cs.find("{" + pn + "}") != std::string::npos;
      bool literal_test = false;
      for (const auto& w : e->when)
        if (w.param == pn && w.is != "present" && w.is != "missing" && !w.is.starts_with("type:")) literal_test = true;
      if (!used && !literal_test)
        throw Unsupported{raw[i].value->pos, fmt::format("argument `{}` of `{}` has no C# counterpart", pn, python)};
      ex->args.push_back({pn, std::move(raw[i].value)});
    }
    // A function handed over with the arguments it will be called with
    // (`to_thread(self.compute, 10)`, `call_soon(tick, n)`): they type it.
    for (auto& a : ex->args) {
      if (!(a.name == "func" || a.name == "callback") || a.value->type.kind != TypeKind::Callable || a.value->type.known())
        continue;
      Type seen = a.value->type;
      size_t k = 0;
      for (const auto& b : ex->args)
        if (b.name == "args" && k + 1 < seen.args.size() && !seen.args[k].known()) seen.args[k++] = b.value->type;
        else if (b.name == "args") ++k;
      refine_storage(*a.value, seen);
    }
    // Variadic arguments that type the result must agree (Task.WhenAll takes one T),
    // unless the result is dropped: `await asyncio.gather(producer(), consumer())`.
    bool dropped = python == "asyncio.gather" && !ts_node_is_null(discarded_call_) && ts_node_eq(whole, discarded_call_) &&
                   ex->args.size() > 1 && ex->args[0].name == ex->args[1].name;
    bool mixed = false;
    std::string mixed_why;
    for (size_t i = 1; i < ex->args.size(); ++i) {
      const Arg& a = ex->args[i];
      const Arg& b = ex->args[i - 1];
      bool typing = e->returns.ref == a.name || returns_mention(e->returns, a.name);
      if (typing && a.name == b.name && e->variadic(static_cast<size_t>(e->param_index(a.name))) && a.value->type.known() &&
          b.value->type.known() && !(a.value->type == b.value->type) && !mixed) {
        mixed = true;
        mixed_why = fmt::format("`{}` with arguments of different types (`{}` and `{}`) whose results are used", python,
                                to_string(b.value->type), to_string(a.value->type));
      }
    }
    if (mixed && !dropped) {
      // gather(a(), b()) of different result types gives a tuple of their results,
      // as Python's list of them is used: `_, items = await gather(producer(), consumer())`.
      if (auto tuple = gather_tuple(ex)) return tuple;
      unsupported(whole, mixed_why);
    }
    ex->type = from_pattern(e->returns, *e, ex->args, ex->object.get(), expected);
    if (mixed) ex->type = Type::awaitable(TypeKind::None);
    // `Any` in a result type stands for "what the annotation says" (asyncio.Queue(), list()).
    bool annotated = false;
    if (expected && expected->known() && expected->kind == ex->type.kind && expected->name == ex->type.name &&
        (has_any(ex->type) || !ex->type.known())) {
      ex->type = *expected;
      annotated = true;
    }
    bool typed_by_target = e->cs.find("{T0}") != std::string::npos || e->cs.find("{type}") != std::string::npos;
    if (typed_by_target && !annotated && (has_any(ex->type) || !ex->type.known())) {
      // Without an annotation, what the code puts into it decides (`q = asyncio.Queue()`, then `q.put_nowait(1)`).
      if (fn_ && fn_->inferring) ex->type = any_to_unknown(ex->type);
      else unsupported(whole, fmt::format("the type of `{}()` comes from an annotation on the variable receiving it, "
                                          "or from what the code puts into it",
                                          python));
    }
    return ex;
  }
  unsupported(whole, why.empty() ? fmt::format("this call of `{}`", python) : why);
}

// The tuple form of asyncio.gather (C# ValueTuple, C++ std::tuple), for up to
// seven awaitables: the largest ValueTuple that takes its items directly.
ExprPtr Lowering::gather_tuple(ExprPtr& ex) {
  const auto* entries = api_.find("asyncio.gather.__tuple__");
  if (!entries || ex->args.size() > 7) return nullptr;
  std::vector<Type> items;
  for (const auto& a : ex->args) {
    if (a.value->type.kind != TypeKind::Awaitable) return nullptr;
    items.push_back(a.value->type.arg(0));
  }
  ex->api = entries->front();
  ex->type = Type::awaitable(Type(TypeKind::Tuple, std::move(items)));
  return std::move(ex);
}

}  // namespace asl::tr
