// Functions and methods handed over as values where a callable of one
// argument is expected (`sorted(words, key=str.lower)`, `max(d, key=d.get)`,
// `sorted(xs, key=len)`): each becomes the lambda that calls it
// (`w => w.ToLower()`), typed by the argument the call gives it.
#include <fmt/format.h>

#include "translate/lowering.h"

namespace asl::tr {

namespace {

// The entry of `entries` that takes exactly `count` arguments and whose
// conditions hold for `arg` (of the lambda's parameter type).
const ApiEntry* entry_taking(const std::vector<const ApiEntry*>& entries, ApiKind kind, size_t count, const Type& arg) {
  for (const ApiEntry* e : entries) {
    if (e->kind != kind || e->params.size() != count || !e->context.empty()) continue;
    bool ok = true;
    for (const auto& w : e->when) {
      bool given = count > 0 && e->params[0] == w.param;
      if (w.is == "present") ok = ok && given;
      else if (w.is == "missing") ok = ok && !given;
      else if (w.is.starts_with("type:") && given) ok = ok && kind_matches(arg, std::string_view(w.is).substr(5));
      else ok = false;
    }
    if (ok) return e;
  }
  return nullptr;
}

}  // namespace

ExprPtr Lowering::callable_reference(TSNode n, const Type& param) {
  if (!param.known()) return nullptr;
  SourcePos p = pos(n);
  auto x = make(ExprKind::Name, param, p);
  x->text = "x";
  while (lookup_inner(x->text) || local(x->text) || (fn_ && fn_->params.count(x->text))) x->text += "_";
  ExprPtr body;
  if (is(n, k_.identifier)) {
    // A builtin function: `key=len`, `key=abs`, `key=str`.
    auto q = qualified(n);
    const auto* entries = q && q->starts_with("builtins.") ? api_.find(*q) : nullptr;
    const ApiEntry* e = entries ? entry_taking(*entries, ApiKind::Function, 1, param) : nullptr;
    if (!e) return nullptr;
    body = make(ExprKind::ApiCall, {}, p);
    body->api = e;
    body->args.push_back({e->params[0], clone(*x)});
  } else if (is(n, k_.attribute)) {
    TSNode obj = field(n, "object");
    std::string method(text(field(n, "attribute")));
    auto q = is(obj, k_.identifier) ? qualified(obj) : std::nullopt;
    static const std::set<std::string> kTypes = {"builtins.str", "builtins.int", "builtins.float", "builtins.list",
                                                 "builtins.dict", "builtins.set"};
    if (q && kTypes.count(*q)) {
      // An unbound method of a builtin type: `str.lower` is `x => x.lower()`.
      if (type_key(param) != *q) return nullptr;
      const auto* entries = api_.find(*q + "." + method);
      const ApiEntry* e = entries ? entry_taking(*entries, ApiKind::Method, 0, param) : nullptr;
      if (!e) return nullptr;
      body = make(ExprKind::ApiCall, {}, p);
      body->api = e;
      body->object = clone(*x);
    } else if (!q) {
      // A bound method of a value: `d.get` is `x => d.get(x)`.
      ExprPtr o = expr(obj);
      std::string key = type_key(o->type);
      if (key.empty() || o->type.kind == TypeKind::Class) return nullptr;
      if (o->type.kind == TypeKind::Dict && o->type.name == "Counter" && api_.find("collections.Counter." + method))
        key = "collections.Counter";
      const auto* entries = api_.find(key + "." + method);
      const ApiEntry* e = entries ? entry_taking(*entries, ApiKind::Method, 1, param) : nullptr;
      if (!e) return nullptr;
      body = make(ExprKind::ApiCall, {}, p);
      body->api = e;
      body->object = std::move(o);
      body->args.push_back({e->params[0], clone(*x)});
    }
  }
  if (!body) return nullptr;
  body->python = std::string(text(n));
  body->type = from_pattern(body->api->returns, *body->api, body->args, body->object.get(), nullptr);
  if (!body->type.known()) return nullptr;
  auto lam = make(ExprKind::Lambda, Type(TypeKind::Callable, {param, body->type}), p);
  Param prm;
  prm.name = x->text;
  prm.type = param;
  prm.pos = p;
  lam->params.push_back(std::move(prm));
  lam->items.push_back(std::move(body));
  return lam;
}

}  // namespace asl::tr
