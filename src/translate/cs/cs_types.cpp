// IR types -> C# type names.
#include <fmt/format.h>

#include "translate/cs/cs_emitter.h"

namespace asl::tr::cs {

bool CsEmitter::is_value_type(const Type& t) const {
  switch (t.kind) {
    case TypeKind::Bool: case TypeKind::Int: case TypeKind::Float: case TypeKind::Tuple: return true;
    default: return false;
  }
}

void CsEmitter::use_type(const Type& t) {
  if (t.kind == TypeKind::Extern)
    if (const ApiType* at = api_.type(t.name))
      for (const auto& u : at->cs_using) use(u);
  for (const auto& a : t.args) use_type(a);
}

std::string CsEmitter::type(const Type& t) {
  auto list = [&](const std::vector<Type>& ts) {
    std::string s;
    for (size_t i = 0; i < ts.size(); ++i) s += (i ? ", " : "") + type(ts[i]);
    return s;
  };
  switch (t.kind) {
    case TypeKind::Unknown: throw Unsupported{{}, "a type that could not be inferred"};
    case TypeKind::None: return "object";
    case TypeKind::Any: return "object";
    case TypeKind::Bool: return "bool";
    case TypeKind::Int: return "int";
    case TypeKind::Float: return "double";
    case TypeKind::Str: return "string";
    case TypeKind::List: use("System.Collections.Generic"); return fmt::format("List<{}>", type(t.arg(0)));
    case TypeKind::Array: return type(t.arg(0)) + "[]";
    case TypeKind::Dict:
      use("System.Collections.Generic");
      if (t.name == "Counter") return fmt::format("Py.Counter<{}>", type(t.arg(0)));
      return fmt::format("{}<{}, {}>", t.name == "defaultdict" ? "Py.DefaultDict" : "Dictionary", type(t.arg(0)), type(t.arg(1)));
    case TypeKind::Set: use("System.Collections.Generic"); return fmt::format("HashSet<{}>", type(t.arg(0)));
    case TypeKind::Tuple: return "(" + list(t.args) + ")";
    case TypeKind::Optional: return is_value_type(t.arg(0)) ? type(t.arg(0)) + "?" : type(t.arg(0));
    case TypeKind::Callable: {
      std::vector<Type> ps(t.args.begin(), t.args.empty() ? t.args.end() : t.args.end() - 1);
      const Type& r = t.args.empty() ? Type() : t.args.back();
      if (r.kind == TypeKind::None) return ps.empty() ? "Action" : "Action<" + list(ps) + ">";
      ps.push_back(r);
      return "Func<" + list(ps) + ">";
    }
    case TypeKind::Awaitable:
      use("System.Threading.Tasks");
      return t.arg(0).kind == TypeKind::None ? "Task" : "Task<" + type(t.arg(0)) + ">";
    case TypeKind::AsyncIterator: use("System.Collections.Generic"); return "IAsyncEnumerable<" + type(t.arg(0)) + ">";
    case TypeKind::Iterator: use("System.Collections.Generic"); return "IEnumerable<" + type(t.arg(0)) + ">";
    case TypeKind::Class: return class_id(t.name);
    case TypeKind::Extern: {
      const ApiType* at = api_.type(t.name);
      if (!at) return "object";
      use_type(t);
      std::string s = at->cs;
      for (size_t i = 0; i < t.args.size(); ++i) {
        std::string ph = "{" + std::to_string(i) + "}";
        for (size_t p = s.find(ph); p != std::string::npos; p = s.find(ph)) s.replace(p, ph.size(), type(t.args[i]));
      }
      return s;
    }
  }
  return "object";
}

std::string CsEmitter::return_type(const Function& f) {
  use("System.Threading.Tasks");
  if (f.is_generator) return type(f.result);  // IAsyncEnumerable<T> / IEnumerable<T>
  if (f.is_async) return f.result.kind == TypeKind::None ? "Task" : "Task<" + type(f.result) + ">";
  return f.result.kind == TypeKind::None ? "void" : type(f.result);
}

}  // namespace asl::tr::cs
