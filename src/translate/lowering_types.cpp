// Types from annotations and from the API table's result patterns.
#include <fmt/format.h>

#include "translate/lowering.h"

namespace asl::tr {

namespace {

Type project(Type t, const std::string& step) {
  if (t.kind == TypeKind::Optional && step != "await") t = t.arg(0);
  if (step == "elem") return t.kind == TypeKind::Dict ? t.arg(0) : t.element();
  if (step == "await") return t.kind == TypeKind::Awaitable ? t.arg(0) : Type();
  if (step == "key") return t.arg(0);
  if (step == "result") return t.kind == TypeKind::Callable && !t.args.empty() ? t.args.back() : Type();
  if (step == "value") return t.arg(1);
  if (step.starts_with("arg")) return t.arg(static_cast<size_t>(step[3] - '0'));
  return {};
}

}  // namespace

Type Lowering::from_pattern(const TypePattern& p, const ApiEntry& e, const std::vector<Arg>& args, const Expr* self,
                            const Type* expected) {
  if (!p.ref.empty()) {
    Type t;
    if (p.ref == "self") {
      if (self) t = self->type;
    } else {
      for (const auto& a : args) {
        if (a.name != p.ref) continue;
        // A starred argument stands for its elements.
        t = a.value->kind == ExprKind::Starred ? a.value->type.element() : a.value->type;
        if (a.value->kind == ExprKind::Starred && e.variadic(static_cast<size_t>(e.param_index(a.name)))) break;
        break;
      }
    }
    for (const auto& step : p.path) t = project(t, step);
    return t;
  }
  std::vector<Type> args_t;
  for (const auto& a : p.args) args_t.push_back(from_pattern(a, e, args, self, nullptr));
  const std::string& n = p.name;
  Type out;
  if (n == "None") out = TypeKind::None;
  else if (n == "Any") out = TypeKind::Any;
  else if (n == "bool") out = TypeKind::Bool;
  else if (n == "int") out = TypeKind::Int;
  else if (n == "float") out = TypeKind::Float;
  else if (n == "str") out = TypeKind::Str;
  else if (n == "list") out = Type(TypeKind::List, args_t);
  else if (n == "Sequence") out = Type(TypeKind::Array, args_t);
  else if (n == "dict") out = Type(TypeKind::Dict, args_t);
  else if (n == "set") out = Type(TypeKind::Set, args_t);
  else if (n == "tuple") out = Type(TypeKind::Tuple, args_t);
  else if (n == "Optional") out = Type::optional(args_t.empty() ? Type() : args_t[0]);
  else if (n == "Callable") out = Type(TypeKind::Callable, args_t);
  else if (n == "Awaitable") out = Type(TypeKind::Awaitable, args_t);
  else if (n == "AsyncIterator") out = Type(TypeKind::AsyncIterator, args_t);
  else if (n == "Iterator") out = Type(TypeKind::Iterator, args_t);
  else out = Type::external(n, args_t);
  if (expected && expected->kind == out.kind) out.refine(*expected);
  return out;
}

Type Lowering::exception_type(TSNode n) {
  std::string nm(text(n));
  if (classes_.count(nm)) {
    if (!classes_[nm].is_exception) unsupported(n, fmt::format("`{}` is not an exception class", nm));
    return Type::klass(nm);
  }
  auto q = qualified(n);
  if (q) {
    const ApiType* t = api_.type(*q);
    if (t && t->exception) return Type::external(*q);
  }
  unsupported(n, fmt::format("exception type `{}` (no mapping in rules/translate)", nm));
}

Type Lowering::annotation(TSNode n) {
  std::string_view type = ts_node_type(n);
  if (type == "type") return annotation(ts_node_named_child(n, 0));
  if (type == "none") return TypeKind::None;
  if (type == "string") {
    // A forward reference: "ClassName".
    std::string nm;
    for_each_named_child(n, [&](TSNode c) { if (std::string_view(ts_node_type(c)) == "string_content") nm += text(c); });
    if (classes_.count(nm)) return Type::klass(nm);
    unsupported(n, fmt::format("string annotation `{}`", nm));
  }
  if (type == "union_type" || (type == "binary_operator" && text(field(n, "operator")) == "|")) {
    std::vector<TSNode> parts = named_children(n);
    if (type == "binary_operator") parts = {field(n, "left"), field(n, "right")};
    Type a = annotation(parts[0]), b = annotation(parts[1]);
    if (b.kind == TypeKind::None) return Type::optional(a);
    if (a.kind == TypeKind::None) return Type::optional(b);
    unsupported(n, fmt::format("union type `{}`", text(n)));
  }
  std::string head;
  std::vector<TSNode> params;
  if (type == "generic_type") {
    head = std::string(text(ts_node_named_child(n, 0)));
    for_each_named_child(ts_node_named_child(n, 1), [&](TSNode t) { params.push_back(t); });
  } else if (type == "subscript") {
    head = std::string(text(field(n, "value")));
    for_each_child(n, [&](TSNode c, const char* f) {
      if (f && std::string_view(f) == "subscript") params.push_back(c);
    });
  } else if (type == "identifier" || type == "attribute") {
    head = std::string(text(n));
  } else if (type == "list") {
    unsupported(n, "a list where a type is expected");
  } else {
    unsupported(n, fmt::format("annotation `{}`", text(n)));
  }
  // Resolve the head through imports: `Optional` -> typing.Optional.
  std::string q = head;
  if (auto dot = head.find('.'); dot != std::string::npos) {
    std::string first = head.substr(0, dot);
    if (auto it = imports_.find(first); it != imports_.end()) q = it->second + head.substr(dot);
  } else if (auto it = imports_.find(head); it != imports_.end()) {
    q = it->second;
  }
  auto arg = [&](size_t i) -> Type {
    if (i >= params.size()) unsupported(n, fmt::format("`{}` needs a type argument", head));
    return annotation(params[i]);
  };
  if (classes_.count(head)) return Type::klass(head);
  if (q == "int") return TypeKind::Int;
  if (q == "float") return TypeKind::Float;
  if (q == "str") return TypeKind::Str;
  if (q == "bool") return TypeKind::Bool;
  if (q == "None") return TypeKind::None;
  if (q == "object" || q == "typing.Any") return TypeKind::Any;
  if (q == "list" || q == "typing.List") return Type::list(arg(0));
  if (q == "set" || q == "typing.Set") return Type::set(arg(0));
  if (q == "dict" || q == "typing.Dict") return Type::dict(arg(0), arg(1));
  if (q == "tuple" || q == "typing.Tuple") {
    std::vector<Type> ts;
    for (size_t i = 0; i < params.size(); ++i) {
      if (std::string_view(ts_node_type(params[i])) == "ellipsis" || text(params[i]) == "...")
        unsupported(n, "variable-length tuple type");
      ts.push_back(arg(i));
    }
    return Type(TypeKind::Tuple, ts);
  }
  if (q == "typing.Optional") return Type::optional(arg(0));
  if (q == "typing.Union") {
    if (params.size() == 2 && text(params[1]) == "None") return Type::optional(arg(0));
    unsupported(n, fmt::format("union type `{}`", text(n)));
  }
  if (q == "typing.AsyncIterator" || q == "typing.AsyncGenerator" || q == "typing.AsyncIterable" ||
      q == "collections.abc.AsyncIterator" || q == "collections.abc.AsyncGenerator" || q == "collections.abc.AsyncIterable")
    return Type(TypeKind::AsyncIterator, {arg(0)});
  if (q == "typing.Iterator" || q == "typing.Generator" || q == "typing.Iterable" || q == "collections.abc.Iterator" ||
      q == "collections.abc.Generator" || q == "collections.abc.Iterable")
    return Type(TypeKind::Iterator, {arg(0)});
  // A future is completed by hand (set_result): a type of its own, typed by its use.
  if (q == "asyncio.Future") return Type::external("asyncio.Future", {params.empty() ? Type() : arg(0)});
  if (q == "typing.Awaitable" || q == "typing.Coroutine" || q == "asyncio.Task" ||
      q == "collections.abc.Awaitable" || q == "collections.abc.Coroutine") {
    if (params.empty()) unsupported(n, fmt::format("`{}` without a result type", head));
    return Type::awaitable(arg(params.size() == 3 ? 2 : 0));
  }
  if (q == "typing.Callable" || q == "collections.abc.Callable") {
    if (params.size() != 2 || !is(params[0], k_.list)) {
      // generic_type nests the parameter list in a `type` node.
      if (params.size() != 2) unsupported(n, "Callable without [[params], result]");
    }
    std::vector<Type> ts;
    TSNode plist = params[0];
    if (std::string_view(ts_node_type(plist)) == "type") plist = ts_node_named_child(plist, 0);
    if (!is(plist, k_.list)) unsupported(params[0], "Callable parameters other than a list");
    for_each_named_child(plist, [&](TSNode t) { ts.push_back(annotation(t)); });
    ts.push_back(arg(1));
    return Type(TypeKind::Callable, ts);
  }
  if (const ApiType* t = api_.type(q)) {
    (void)t;
    std::vector<Type> ts;
    for (size_t i = 0; i < params.size(); ++i) ts.push_back(arg(i));
    return Type::external(q, ts);
  }
  if (auto b = "builtins." + q; api_.type(b) && api_.type(b)->exception) return Type::external(b);
  unsupported(n, fmt::format("type `{}`", text(n)));
}

}  // namespace asl::tr
