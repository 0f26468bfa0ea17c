// collections.defaultdict and collections.Counter, dicts with a behaviour of
// their own for missing keys, typed as dicts with a name ("defaultdict",
// "Counter") so that reads and methods know it.
//
// defaultdict: missing keys read as a fresh value of its value type (and are inserted). Its type is a dict named "defaultdict",
// so reads know to insert; the factory is a builtin type (`list`, `int`,
// `set`, ...) or a lambda returning such a type's empty value.
#include <fmt/format.h>

#include "translate/lowering.h"

namespace asl::tr {

namespace {

// The value type a factory makes, with the factory's repr (`<class 'list'>`).
struct Factory {
  Type value;
  std::string repr;
};

// A lambda's body that is the empty value of a type: `0`, `""`, `[]`, `{}`, `set()`, `0.0`, `False`.
std::optional<Type> empty_value(std::string_view body) {
  if (body == "0") return Type(TypeKind::Int);
  if (body == "0.0") return Type(TypeKind::Float);
  if (body == "False") return Type(TypeKind::Bool);
  if (body == "\"\"" || body == "''") return Type(TypeKind::Str);
  if (body == "[]" || body == "list()") return Type::list(Type());
  if (body == "{}" || body == "dict()") return Type::dict(Type(), Type());
  if (body == "set()") return Type::set(Type());
  return std::nullopt;
}

}  // namespace

ExprPtr Lowering::defaultdict_call(TSNode args, SourcePos p, const Type* expected, TSNode whole) {
  std::vector<TSNode> a = named_children(args);
  if (a.size() != 1 || is(a[0], k_.keyword_argument))
    unsupported(whole, "defaultdict() with other than one factory argument");
  TSNode f = a[0];
  std::optional<Factory> made;
  if (is(f, k_.identifier)) {
    std::string nm(text(f));
    auto q = qualified(f);
    std::string what = q ? *q : nm;
    static const std::map<std::string, TypeKind> builtin = {
        {"builtins.int", TypeKind::Int}, {"builtins.float", TypeKind::Float}, {"builtins.str", TypeKind::Str},
        {"builtins.bool", TypeKind::Bool}, {"builtins.list", TypeKind::List}, {"builtins.dict", TypeKind::Dict},
        {"builtins.set", TypeKind::Set}};
    if (auto b = builtin.find(what); b != builtin.end()) {
      Type v = b->second == TypeKind::List ? Type::list(Type()) : b->second == TypeKind::Set ? Type::set(Type())
             : b->second == TypeKind::Dict ? Type::dict(Type(), Type()) : Type(b->second);
      made = Factory{v, fmt::format("<class '{}'>", what.substr(9))};
    }
  } else if (is(f, k_.lambda) && ts_node_is_null(field(f, "parameters"))) {
    if (auto v = empty_value(text(field(f, "body")))) made = Factory{*v, "<function <lambda>>"};
  }
  if (!made)
    unsupported(f, "defaultdict factory other than a builtin type (`list`, `int`, `str`, `set`, ...) or a lambda of an empty value");
  Type t = Type::dict(Type(), made->value);
  if (expected && expected->kind == TypeKind::Dict) {
    if (auto j = join(t, Type::dict(expected->arg(0), expected->arg(1)))) t = *j;
    else unsupported(whole, fmt::format("defaultdict of `{}` assigned to `{}`", to_string(made->value), to_string(*expected)));
  }
  t.name = "defaultdict";
  const auto* entries = api_.find("collections.defaultdict");
  if (!entries) unsupported(whole, "call to `collections.defaultdict` (no mapping in rules/translate)");
  auto e = make(ExprKind::ApiCall, t, p);
  e->api = entries->front();
  e->python = std::string(text(whole));
  auto name = make(ExprKind::Str, TypeKind::Str, p);
  name->text = made->repr;
  e->args.push_back({"factory", std::move(name)});
  return e;
}

// Counter() / Counter(iterable): a dict of counts, whose missing keys read as
// 0 without being inserted.
ExprPtr Lowering::counter_call(TSNode args, SourcePos p, const Type* expected, TSNode whole) {
  // Counter(x for x in xs): the generator is the one argument.
  std::vector<TSNode> a = std::string_view(ts_node_type(args)) == "generator_expression" ? std::vector<TSNode>{args}
                                                                                       : named_children(args);
  if (a.size() > 1 || (a.size() == 1 && is(a[0], k_.keyword_argument)))
    unsupported(whole, "Counter() with other than one iterable argument");
  const auto* entries = api_.find("collections.Counter");
  if (!entries) unsupported(whole, "call to `collections.Counter` (no mapping in rules/translate)");
  auto e = make(ExprKind::ApiCall, Type::dict(Type(), TypeKind::Int), p);
  for (const ApiEntry* c : *entries)
    if (c->params.size() == a.size()) e->api = c;
  if (!e->api) unsupported(whole, "call to `collections.Counter` (no mapping in rules/translate)");
  e->python = std::string(text(whole));
  if (!a.empty()) {
    ExprPtr items = chars_of(expr(a[0]));
    Type elem = items->type.kind == TypeKind::Dict ? items->type.arg(0) : items->type.element();
    if (items->type.kind == TypeKind::Dict) unsupported(a[0], "Counter of a mapping (its counts would be the values)");
    if (!elem.known() && !(fn_ && fn_->inferring)) unsupported(a[0], fmt::format("Counter of `{}`", to_string(items->type)));
    e->type.args[0] = elem;
    e->args.push_back({"iterable", std::move(items)});
  }
  if (expected && expected->kind == TypeKind::Dict && !e->type.arg(0).known()) e->type.args[0] = expected->arg(0);
  e->type.name = "Counter";
  return e;
}

}  // namespace asl::tr
