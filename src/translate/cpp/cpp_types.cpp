// IR types -> C++ type names.
#include <fmt/format.h>

#include "translate/cpp/cpp_emitter.h"

namespace asl::tr::cpp {

bool CppEmitter::is_exception(const Type& t) const {
  if (t.kind == TypeKind::Extern) return api_.type(t.name) && api_.type(t.name)->exception;
  return t.kind == TypeKind::Class && exception_classes_.count(t.name);
}

bool CppEmitter::is_class(const Type& t) const { return t.kind == TypeKind::Class && !exception_classes_.count(t.name); }

std::string CppEmitter::type(const Type& t, SourcePos where) {
  auto list = [&](const std::vector<Type>& ts) {
    std::string s;
    for (size_t i = 0; i < ts.size(); ++i) s += (i ? ", " : "") + type(ts[i], where);
    return s;
  };
  switch (t.kind) {
    case TypeKind::Unknown: throw Unsupported{where, "a type that could not be inferred"};
    case TypeKind::None: return "py::None";
    case TypeKind::Any: return "py::object";
    case TypeKind::Bool: return "bool";
    case TypeKind::Int: return "int";
    case TypeKind::Float: return "double";
    case TypeKind::Str: return "std::string";
    case TypeKind::List: case TypeKind::Array: return fmt::format("std::vector<{}>", type(t.arg(0), where));
    case TypeKind::Dict: return fmt::format("py::dict<{}, {}>", type(t.arg(0), where), type(t.arg(1), where));
    case TypeKind::Set:
      // A set of awaitables holds tasks (asyncio.wait's done and pending).
      if (t.arg(0).kind == TypeKind::Awaitable) return fmt::format("std::set<{}>", task_type(t.arg(0).arg(0), where));
      return fmt::format("std::set<{}>", type(t.arg(0), where));
    case TypeKind::Tuple: return "std::tuple<" + list(t.args) + ">";
    case TypeKind::Optional: {
      // A class instance is a shared_ptr, which is already nullable.
      if (is_class(t.arg(0))) return type(t.arg(0), where);
      return "std::optional<" + type(t.arg(0), where) + ">";
    }
    case TypeKind::Callable: {
      std::vector<Type> ps(t.args.begin(), t.args.empty() ? t.args.end() : t.args.end() - 1);
      const Type& r = t.args.empty() ? Type(TypeKind::None) : t.args.back();
      return "std::function<" + (r.kind == TypeKind::None ? std::string("void") : type(r, where)) + "(" + list(ps) + ")>";
    }
    case TypeKind::Awaitable:
      return "boost::asio::awaitable<" + (t.arg(0).kind == TypeKind::None ? std::string("void") : type(t.arg(0), where)) + ">";
    case TypeKind::AsyncIterator: return fmt::format("py::async_generator<{}>", type(t.arg(0), where));
    case TypeKind::Iterator: return fmt::format("std::vector<{}>", type(t.arg(0), where));
    case TypeKind::Class:
      if (exception_classes_.count(t.name)) return identifier(t.name);
      return "std::shared_ptr<" + identifier(t.name) + ">";
    case TypeKind::Extern: {
      const std::string* spelled = cpp_.type(t.name);
      if (!spelled) throw Unsupported{where, fmt::format("the type `{}` has no C++ mapping", t.name)};
      std::string s = *spelled;
      for (size_t i = 0; i < t.args.size(); ++i) {
        std::string ph = "{" + std::to_string(i) + "}";
        for (size_t p = s.find(ph); p != std::string::npos; p = s.find(ph)) s.replace(p, ph.size(), type(t.args[i], where));
      }
      return s;
    }
  }
  return "void";
}

std::string CppEmitter::return_type(const Function& f) {
  // An async generator is a coroutine of the runtime's own type (generator.hpp).
  if (f.is_generator && f.is_async) return type(f.result, f.pos);
  if (f.is_generator) throw Unsupported{f.pos, "generators (`yield` in a function that is not async)"};
  std::string r = f.result.kind == TypeKind::None ? "void" : type(f.result, f.pos);
  return f.is_async ? "boost::asio::awaitable<" + r + ">" : r;
}

std::string CppEmitter::task_type(const Type& result, SourcePos where) {
  return "py::task<" + (result.kind == TypeKind::None ? std::string("void") : type(result, where)) + ">";
}

}  // namespace asl::tr::cpp
