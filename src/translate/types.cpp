#include "translate/types.h"

namespace asl::tr {

Type Type::optional(Type t) {
  if (t.kind == TypeKind::Optional || t.kind == TypeKind::None || t.kind == TypeKind::Any) return t;
  return {TypeKind::Optional, {std::move(t)}};
}

bool Type::known() const {
  if (kind == TypeKind::Unknown) return false;
  for (const auto& a : args)
    if (!a.known()) return false;
  return true;
}

const Type& Type::arg(size_t i) const {
  static const Type unknown;
  return i < args.size() ? args[i] : unknown;
}

Type Type::element() const {
  switch (kind) {
    case TypeKind::List: case TypeKind::Array: case TypeKind::Set: case TypeKind::Dict:
    case TypeKind::Iterator: case TypeKind::AsyncIterator:
      return arg(0);
    case TypeKind::Str: return TypeKind::Str;
    case TypeKind::Tuple:
      // Homogeneous tuples iterate as their item type.
      for (size_t i = 1; i < args.size(); ++i)
        if (!(args[i] == args[0])) return {};
      return arg(0);
    default: return {};
  }
}

void Type::refine(const Type& other) {
  if (kind == TypeKind::Unknown) { *this = other; return; }
  if (kind == TypeKind::None && other.kind != TypeKind::None && other.kind != TypeKind::Unknown) {
    *this = optional(other);
    return;
  }
  if (kind == TypeKind::Optional && other.kind != TypeKind::Optional && other.kind != TypeKind::None) {
    args[0].refine(other);
    return;
  }
  if (other.kind != kind || other.args.size() != args.size()) return;
  for (size_t i = 0; i < args.size(); ++i) args[i].refine(other.args[i]);
}

std::optional<Type> join(const Type& a, const Type& b) {
  if (a.kind == TypeKind::Unknown) return b;
  if (b.kind == TypeKind::Unknown) return a;
  if (a.kind == TypeKind::None && b.kind == TypeKind::None) return a;
  if (a.kind == TypeKind::None) return Type::optional(b);
  if (b.kind == TypeKind::None) return Type::optional(a);
  if (a.kind == TypeKind::Optional || b.kind == TypeKind::Optional) {
    auto inner = join(a.kind == TypeKind::Optional ? a.arg(0) : a, b.kind == TypeKind::Optional ? b.arg(0) : b);
    if (!inner) return std::nullopt;
    return Type::optional(*inner);
  }
  if (a.kind == TypeKind::Int && b.kind == TypeKind::Float) return b;
  if (a.kind == TypeKind::Float && b.kind == TypeKind::Int) return a;
  if (a.kind == TypeKind::Float && b.kind == TypeKind::Float) return a.maybe_int ? a : b;
  if (a.kind != b.kind || a.name != b.name || a.args.size() != b.args.size()) return std::nullopt;
  Type out = a;
  for (size_t i = 0; i < a.args.size(); ++i) {
    // Type arguments are invariant (list[int] is not list[float]): only
    // their unknown parts are filled.
    if (a.args[i].known() && b.args[i].known()) {
      if (!(a.args[i] == b.args[i])) return std::nullopt;
      continue;
    }
    auto j = join(a.args[i], b.args[i]);
    if (!j) return std::nullopt;
    out.args[i] = std::move(*j);
  }
  return out;
}

bool holds_maybe_int(const Type& t) {
  if (t.kind == TypeKind::Float && t.maybe_int) return true;
  for (const auto& a : t.args)
    if (holds_maybe_int(a)) return true;
  return false;
}

std::string to_string(const Type& t) {
  auto join = [&](std::string head) {
    head += "[";
    for (size_t i = 0; i < t.args.size(); ++i) head += (i ? ", " : "") + to_string(t.args[i]);
    return head + "]";
  };
  switch (t.kind) {
    case TypeKind::Unknown: return "?";
    case TypeKind::None: return "None";
    case TypeKind::Any: return "Any";
    case TypeKind::Bool: return "bool";
    case TypeKind::Int: return "int";
    case TypeKind::Float: return "float";
    case TypeKind::Str: return "str";
    case TypeKind::List: return join("list");
    case TypeKind::Array: return join("Sequence");
    case TypeKind::Dict: return join("dict");
    case TypeKind::Set: return join("set");
    case TypeKind::Tuple: return join("tuple");
    case TypeKind::Optional: return join("Optional");
    case TypeKind::Callable: return join("Callable");
    case TypeKind::Awaitable: return join("Awaitable");
    case TypeKind::AsyncIterator: return join("AsyncIterator");
    case TypeKind::Iterator: return join("Iterator");
    case TypeKind::Class: return t.name;
    case TypeKind::Extern: return t.args.empty() ? t.name : join(t.name);
  }
  return "?";
}

}  // namespace asl::tr
