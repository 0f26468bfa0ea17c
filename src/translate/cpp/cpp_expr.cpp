// Expressions. Python semantics that C++ operators do not share (floor
// division, modulo sign, printing, membership) go through the runtime's py::.
#include <fmt/format.h>

#include "translate/cpp/cpp_emitter.h"
#include "translate/ir_walk.h"

namespace asl::tr::cpp {

namespace {

Code code(std::string t, int p = kPrimary) { return {std::move(t), p}; }

bool is_int(const Expr& e) { return e.type.kind == TypeKind::Int || e.type.kind == TypeKind::Bool; }

// Precedence of a rendered template: calls and member access are primary,
// `co_await x` unary, anything with a top-level space an operator expression.
int template_prec(const std::string& s) {
  std::string_view v = s;
  int prefix = kPrimary;
  if (v.starts_with("co_await ")) v.remove_prefix(9), prefix = kUnary;
  int depth = 0;
  bool quoted = false;
  for (size_t i = 0; i < v.size(); ++i) {
    char c = v[i];
    if (c == '"' && (i == 0 || v[i - 1] != '\\')) quoted = !quoted;
    if (quoted) continue;
    if (c == '(' || c == '[' || c == '<' || c == '{') ++depth;
    else if (c == ')' || c == ']' || c == '>' || c == '}') --depth;
    else if (c == ' ' && depth == 0 && !(i > 0 && v[i - 1] == ',')) return kLowest;
  }
  return prefix;
}

}  // namespace

std::string CppEmitter::wrap(const Code& c, int min_prec) { return c.prec < min_prec ? "(" + c.text + ")" : c.text; }
std::string CppEmitter::wrap(const Expr& e, int min_prec) { return wrap(expr(e), min_prec); }

Code CppEmitter::expr(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Name: return name(e);
    case ExprKind::Int: case ExprKind::Float: case ExprKind::Str: case ExprKind::Bool: case ExprKind::None:
      return literal(e);
    case ExprKind::FString: return fstring(e);
    case ExprKind::Binary: return binary(e);
    case ExprKind::Unary: return code(e.text + wrap(*e.items[0], kUnary), kUnary);
    case ExprKind::Not: return code("!" + wrap(*e.items[0], kUnary), kUnary);
    case ExprKind::BoolOp: {
      bool is_and = e.text == "and";
      if (e.type.kind != TypeKind::Bool)
        throw Unsupported{e.pos, fmt::format("`{}` used for its value rather than as a condition", e.text)};
      int p = is_and ? kAnd : kOr;
      return code(wrap(*e.items[0], p) + (is_and ? " && " : " || ") + wrap(*e.items[1], p + 1), p);
    }
    case ExprKind::Compare: return compare(e);
    case ExprKind::Conditional: return conditional(e);
    case ExprKind::Call: case ExprKind::New: case ExprKind::MethodCall: return call(e);
    case ExprKind::ApiCall: case ExprKind::ApiAttr: return api(e);
    case ExprKind::Attribute: return attribute(e);
    case ExprKind::Subscript: case ExprKind::Slice: return subscript(e);
    case ExprKind::List: case ExprKind::Set: case ExprKind::Tuple: case ExprKind::Dict: return collection(e);
    case ExprKind::Comprehension: return comprehension(e);
    case ExprKind::Lambda: return lambda(e);
    case ExprKind::Await: return await(e);
    case ExprKind::Starred: {
      // A list of coroutines is moved into gather (an awaitable runs once); a
      // list of started tasks is copied (handles), as the code may read it after.
      const Expr& v = *e.items[0];
      if (v.kind == ExprKind::Name && v.type.element().kind == TypeKind::Awaitable && !task_lists_.count(v.text))
        return code("std::move(" + expr(v).text + ")");
      return expr(v);
    }
    case ExprKind::IsInstance: {
      const Type& t = e.items[1]->type;
      if (!is_exception(t)) throw Unsupported{e.pos, "isinstance() with a type that is not an exception"};
      return code("py::isinstance<" + type(t, e.pos) + ">(" + expr(*e.items[0]).text + ")");
    }
    case ExprKind::Cast: return truthy(e);
    case ExprKind::Unwrap:
      // A class instance is a shared_ptr, nullable already; other values are std::optional.
      if (is_class(e.type)) return expr(*e.items[0]);
      return code("*" + wrap(*e.items[0], kUnary), kUnary);
    case ExprKind::BoundMethod: return bound_method(e);
  }
  throw Unsupported{e.pos, "this expression"};
}

Code CppEmitter::name(const Expr& e) {
  switch (e.name_kind) {
    case NameKind::Self: return code(in_lambda_ ? "self" : "shared_from_this()");
    case NameKind::Function: return code(function_name(e.text));
    case NameKind::Field: return code("this->" + identifier(e.text));
    default:
      if (auto n = nested_.find(e.text); n != nested_.end() && !n->second.captures.empty()) {
        // A nested coroutine as a value: bound to what it receives from here.
        std::string bound = "std::bind_front(" + identifier(e.text);
        for (const auto& c : n->second.captures)
          bound += ", " + (c.by_ref ? "std::ref(" + c.arg + ")" : c.name == "self" && in_lambda_ ? "self" : c.arg);
        return code(bound + ")");
      }
      return code(identifier(e.text));
  }
}

Code CppEmitter::literal(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Int: {
      std::string t;
      for (char c : e.text)
        if (c != '_') t += c;
      return code(t);
    }
    case ExprKind::Float: {
      std::string t;
      for (char c : e.text)
        if (c != '_') t += c;
      if (t.ends_with(".")) t += "0";
      if (t.starts_with(".")) t = "0" + t;
      if (t.find_first_of(".eExX") == std::string::npos) t += ".0";
      return code(t);
    }
    case ExprKind::Str:
      // Beast is used without OpenSSL: an https URL would fail at run time.
      if (e.text.starts_with("https://")) throw Unsupported{e.pos, "https URL (the C++ translation speaks plain http only)"};
      // In a coroutine, a std::string literal: GCC 12 miscompiles array
      // temporaries in co_await expressions ("array used as initializer").
      return code(string_literal(e.text) + (fn_ && fn_->is_async ? "s" : ""));
    case ExprKind::Bool: return code(e.text == "True" || e.text == "true" ? "true" : "false");
    default:
      if (e.type.kind == TypeKind::Optional && is_class(e.type.arg(0))) return code("nullptr");
      return code(e.type.kind == TypeKind::Optional ? "std::nullopt" : "py::None{}");
  }
}

// One `{...}` of fmt::format for an f-string hole; the value goes to `args`.
std::string CppEmitter::format_hole(const Expr& e, const std::string& spec, char conversion, std::string& args) {
  std::string v = expr(e).text;
  const TypeKind k = e.type.kind;
  if (conversion == 'r' || (conversion == 's' && k != TypeKind::Str)) {  // the text, then its spec
    args += (conversion == 'r' ? ", py::repr(" : ", py::str(") + v + ")";
    return spec.empty() ? "{}" : "{:" + spec + "}";
  }
  bool fmt_native = k == TypeKind::Int || k == TypeKind::Str || (k == TypeKind::Float && !spec.empty());
  // Specs fmt spells differently from Python go through py::format.
  // fmt's `#o` is C's `010`, its `.3` of a float is `%g`'s, and its float
  // presentations reject an int.
  bool float_type = !spec.empty() && std::string_view("fFeEgG").find(spec.back()) != std::string_view::npos;
  bool bare_precision = k == TypeKind::Float && spec.find('.') != std::string::npos && std::isdigit(static_cast<unsigned char>(spec.back()));
  if (!spec.empty() && (spec.find(',') != std::string::npos || spec.find('_') != std::string::npos || spec.ends_with("%") ||
                        spec.find('=') != std::string::npos || spec.find('#') != std::string::npos || bare_precision ||
                        (k == TypeKind::Int && float_type))) {
    args += ", py::format(" + v + ", " + string_literal(spec) + ")";
    return "{}";
  }
  if (!fmt_native) {
    args += ", py::str(" + v + ")";
    return spec.empty() ? "{}" : "{:" + spec + "}";
  }
  args += ", " + v;
  return spec.empty() ? "{}" : "{:" + spec + "}";
}

namespace {
// A library call whose result depends on when it runs: it draws, takes or
// reads what changes (random, next, pop, a clock, a queue).
bool stateful_api(const Expr& x) {
  if (x.kind != ExprKind::ApiCall || !x.api) return false;
  std::string_view p(x.api->python);
  if (p.starts_with("random.") || p.starts_with("time.") || p == "builtins.next" || p == "builtins.input") return true;
  std::string_view m = p.substr(p.rfind('.') + 1);
  for (std::string_view k : {"pop", "popleft", "popitem", "get_nowait", "put_nowait", "setdefault", "readline", "read"})
    if (m == k) return true;
  return false;
}

// Whether evaluating the expression may change state or read changing state
// (a call of the module's, an await, a stateful library call): two such
// arguments must be evaluated in Python's order.
bool has_effects(const Expr& e) {
  bool found = false;
  walk_expr(const_cast<Expr&>(e), [&](Expr& x) {
    found = found || x.kind == ExprKind::Call || x.kind == ExprKind::MethodCall || x.kind == ExprKind::Await || stateful_api(x);
  });
  return found;
}
}  // namespace

bool CppEmitter::needs_order(const std::vector<const Expr*>& args) const {
  int effects = 0;
  for (const Expr* a : args) effects += a && has_effects(*a);
  return effects >= 2;
}

Code CppEmitter::fstring(const Expr& e) {
  std::string s, args;
  std::vector<const Expr*> holes;
  for (const auto& p : e.parts)
    if (p.expr) holes.push_back(p.expr.get());
  for (const auto& p : e.parts) {
    if (!p.expr) {
      std::string lit = string_literal(p.text);
      for (char c : lit.substr(1, lit.size() - 2)) {
        if (c == '{' || c == '}') s += c;
        s += c;
      }
      continue;
    }
    s += format_hole(*p.expr, p.spec, p.conversion, args);
  }
  if (args.empty()) return code("std::string(\"" + s + "\")");
  if (needs_order(holes)) return code("py::format(\"" + s + "\", py::in_order{" + args.substr(2) + "})");
  return code("fmt::format(\"" + s + "\"" + args + ")");
}

Code CppEmitter::binary(const Expr& e) {
  const Expr& l = *e.items[0];
  const Expr& r = *e.items[1];
  const std::string& op = e.text;
  bool ints = is_int(l) && is_int(r);
  const TypeKind lk = l.type.kind;
  if (lk == TypeKind::List && op == "+") return code("py::concat(" + expr(l).text + ", " + expr(r).text + ")");
  if ((lk == TypeKind::List || lk == TypeKind::Str) && op == "*") {
    std::string left = lk == TypeKind::Str && l.kind == ExprKind::Str ? "std::string(" + expr(l).text + ")" : expr(l).text;
    return code("py::repeat(" + left + ", " + expr(r).text + ")");
  }
  if (lk == TypeKind::Set) throw Unsupported{e.pos, fmt::format("set operator `{}`", op)};
  if (lk == TypeKind::Str && op == "%") throw Unsupported{e.pos, "%-formatting of strings"};
  if (op == "//") return code("py::floordiv(" + expr(l).text + ", " + expr(r).text + ")");
  if (op == "%") return code("py::mod(" + expr(l).text + ", " + expr(r).text + ")");
  // An int power that Python makes a float (its exponent may be negative) is computed as one.
  if (op == "**" && e.type.kind == TypeKind::Float && l.type.kind == TypeKind::Int)
    return code("py::pow(static_cast<double>(" + expr(l).text + "), " + expr(r).text + ")");
  if (op == "**") return code("py::pow(" + expr(l).text + ", " + expr(r).text + ")");
  if (op == "/" && ints) return code("py::truediv(" + expr(l).text + ", " + expr(r).text + ")");
  if (op == "@") throw Unsupported{e.pos, "the `@` operator"};
  int p = (op == "*" || op == "/") ? kMultiplicative
        : (op == "+" || op == "-") ? kAdditive
        : (op == "<<" || op == ">>") ? 11
        : op == "&" ? 8 : op == "^" ? 7 : 6;
  std::string left = wrap(l, p);
  // "a" + b: a string literal is a char array in C++.
  if (lk == TypeKind::Str && l.kind == ExprKind::Str && op == "+") left = "std::string(" + left + ")";
  return code(left + " " + op + " " + wrap(r, p + 1), p);
}

Code CppEmitter::compare(const Expr& e) {
  std::vector<std::string> parts;
  for (size_t i = 0; i < e.ops.size(); ++i) {
    const Expr& a = *e.items[i];
    const Expr& b = *e.items[i + 1];
    const std::string& op = e.ops[i];
    if (op == "is" || op == "is not" || ((op == "==" || op == "!=") && (b.kind == ExprKind::None || a.kind == ExprKind::None))) {
      const Expr& v = b.kind == ExprKind::None ? a : b;
      bool neg = op == "is not" || op == "!=";
      bool pointer = is_class(v.type) || (v.type.kind == TypeKind::Optional && is_class(v.type.arg(0)));
      parts.push_back(wrap(v, kEquality + 1) + (neg ? " != " : " == ") + (pointer ? "nullptr" : "std::nullopt"));
      continue;
    }
    if (op == "in" || op == "not in") {
      std::string s = "py::contains(" + expr(b).text + ", " + expr(a).text + ")";
      parts.push_back(op == "in" ? s : "!" + s);
      continue;
    }
    int p = (op == "==" || op == "!=") ? kEquality : kRelational;
    if (p == kEquality && (is_class(a.type) || a.type.kind == TypeKind::List)) {
      // Class values are shared_ptrs: a dataclass compares its fields.
      std::string eq = "py::equal{}(" + expr(a).text + ", " + expr(b).text + ")";
      parts.push_back(op == "==" ? eq : "!" + eq);
      continue;
    }
    if (p == kRelational && is_class(a.type)) {
      // Class values are shared_ptrs: an ordered dataclass compares what they point to.
      parts.push_back("*" + wrap(a, kUnary) + " " + op + " *" + wrap(b, kUnary));
      continue;
    }
    std::string left = wrap(a, p + 1);
    if (a.kind == ExprKind::Str && b.kind == ExprKind::Str) left = "std::string(" + left + ")";
    parts.push_back(left + " " + op + " " + wrap(b, p + 1));
  }
  if (parts.size() == 1) {
    int p = e.ops[0] == "==" || e.ops[0] == "!=" || e.ops[0].starts_with("is") ? kEquality : kRelational;
    if (parts[0].starts_with("py::contains") || parts[0].starts_with("!")) p = kUnary;
    return code(parts[0], p);
  }
  std::string s;
  for (size_t i = 0; i < parts.size(); ++i) s += (i ? " && " : "") + parts[i];
  return code(s, kAnd);
}

Code CppEmitter::conditional(const Expr& e) {
  const Expr& then = *e.items[0];
  const Expr& otherwise = *e.items[2];
  auto branch = [&](const Expr& b) {
    if (b.kind == ExprKind::Str) return "std::string(" + expr(b).text + ")";
    // `name or "default"`: the tested optional is known to hold a value.
    if (b.type.kind == TypeKind::Optional && e.type.kind != TypeKind::Optional && !is_class(b.type.arg(0)))
      return "*" + wrap(b, kUnary);
    if (e.type.kind == TypeKind::Optional && !is_class(e.type.arg(0)) && b.kind != ExprKind::None && b.type.kind != TypeKind::Optional)
      return type(e.type, e.pos) + "(" + expr(b).text + ")";
    return wrap(b, kConditional + 1);
  };
  return code(wrap(*e.items[1], kOr) + " ? " + branch(then) + " : " + branch(otherwise), kConditional);
}

// Arguments in parameter order: C++ has no keyword arguments, so a keyword
// argument after a skipped default spells the default out.
std::string CppEmitter::call_args(const Expr& e, const std::vector<Param>* params, const Function* callee) {
  std::vector<std::string> out;
  auto arg = [&](const Expr& v) { return expr(v).text; };
  std::vector<const Arg*> positional;
  for (const auto& a : e.args)
    if (a.name.empty()) positional.push_back(&a);
  if (!params) {
    for (const auto& a : e.args) {
      if (!a.name.empty()) throw Unsupported{e.pos, fmt::format("keyword argument `{}` to a callable of unknown signature", a.name)};
      out.push_back(arg(*a.value));
    }
  } else {
    size_t last_given = 0;
    std::vector<std::string> values(params->size());
    std::vector<bool> given(params->size(), false);
    for (size_t i = 0; i < params->size(); ++i) {
      const Param& p = (*params)[i];
      const Expr* v = nullptr;
      if (i < positional.size()) v = positional[i]->value.get();
      for (const auto& a : e.args)
        if (a.name == p.name) v = a.value.get();
      if (v) {
        values[i] = arg(*v);
        // A value made here (`f([1, 2])`) for a parameter shared by
        // reference: for a coroutine awaited at once, it lives until the
        // statement ends; for one kept or run as a task, which outlives the
        // statement, until the program ends.
        bool lvalue = v->kind == ExprKind::Name || v->kind == ExprKind::Attribute || v->kind == ExprKind::Subscript;
        if (callee && !lvalue && by_reference(*callee, p))
          values[i] = (&e == awaited_now_ || !callee->is_async ? "py::lvalue(" : "py::keep(") + values[i] + ")";
        last_given = i + 1;
      } else if (p.default_value) {
        values[i] = expr(*p.default_value).text;
      }
    }
    for (size_t i = 0; i < last_given; ++i) out.push_back(values[i]);
  }
  std::string s;
  for (size_t i = 0; i < out.size(); ++i) s += (i ? ", " : "") + out[i];
  return s;
}

// The module function or method a call runs (for a method: the class of the
// receiver's static type, or the nearest base that defines it).
const Function* CppEmitter::callee_of(const Expr& e) const {
  if (e.kind == ExprKind::Call) {
    auto f = functions_.find(e.text);
    return f != functions_.end() && e.name_kind == NameKind::Function ? f->second : nullptr;
  }
  if (e.kind != ExprKind::MethodCall || !e.object) return nullptr;
  const Type& ot = e.object->type;
  std::string cls = ot.kind == TypeKind::Optional ? ot.arg(0).name : ot.name;
  for (auto c = classes_.find(cls); c != classes_.end(); c = classes_.find(c->second->base))
    for (const auto& m : c->second->methods)
      if (m.name == e.text) return &m;
  return nullptr;
}

Code CppEmitter::call(const Expr& e) {
  if (e.kind == ExprKind::New) {
    auto c = classes_.find(e.text);
    const std::vector<Param>* ps = nullptr;
    if (c != classes_.end()) {
      // A class without __init__ takes its base's constructor.
      for (const Class* k = c->second; k && !ps;) {
        for (const auto& m : k->methods)
          if (m.is_constructor) ps = &m.params;
        auto base = classes_.find(k->base);
        k = base == classes_.end() ? nullptr : base->second;
      }
    }
    std::string args = call_args(e, ps);
    if (exception_classes_.count(e.text)) return code(identifier(e.text) + "(" + args + ")");
    return code("std::make_shared<" + identifier(e.text) + ">(" + args + ")");
  }
  if (e.kind == ExprKind::MethodCall) {
    const Function* callee = callee_of(e);
    const Type& ot = e.object->type;
    std::string cls = ot.kind == TypeKind::Optional ? ot.arg(0).name : ot.name;
    bool super = e.object->kind == ExprKind::Name && e.object->name_kind == NameKind::Self && e.object->text == "super";
    if (e.object->name_kind == NameKind::Self && class_ && !super) cls = class_->name;
    std::string m = identifier(e.text) + "(" + call_args(e, callee ? &callee->params : nullptr, callee) + ")";
    if (super) return code((in_lambda_ ? "self->" : "this->") + identifier(cls) + "::" + m);  // the base's, not virtual
    if (e.object->kind == ExprKind::Name && e.object->name_kind == NameKind::Self)
      return code((in_lambda_ ? "self->" : "this->") + m);
    return code(wrap(*e.object, kPrimary) + "->" + m);
  }
  if (e.object) return code(wrap(*e.object, kPrimary) + "(" + call_args(e, nullptr) + ")");  // a callable value
  if (e.text == "super().__init__") throw Unsupported{e.pos, "super().__init__ outside a constructor's first statement"};
  const Function* fn = callee_of(e);
  std::string callee = e.name_kind == NameKind::Function ? function_name(e.text) : identifier(e.text);
  if (auto n = nested_.find(e.text); n != nested_.end() && e.name_kind == NameKind::Local) {
    // A nested coroutine: first what it receives from the enclosing functions.
    std::string args;
    // Inside a nested coroutine (or a generator method) the object is the parameter `self`.
    for (const auto& c : n->second.captures) args += (args.empty() ? "" : ", ") + (c.name == "self" && in_lambda_ ? "self" : c.arg);
    std::string own = call_args(e, &n->second.function->params);
    if (!own.empty()) args += (args.empty() ? "" : ", ") + own;
    return code(callee + "(" + args + ")");
  }
  return code(callee + "(" + call_args(e, fn ? &fn->params : nullptr, fn) + ")");
}

// The module function that a call such as `to_thread(f, *args)` or
// `call_soon(f, *args)` calls with its remaining arguments.
const Function* CppEmitter::forwarded_to(const Expr& e) const {
  for (const auto& arg : e.args) {
    const Expr* v = arg.value.get();
    if (!v || v->kind != ExprKind::Name || v->name_kind != NameKind::Function) continue;
    auto f = functions_.find(v->text);
    return f == functions_.end() ? nullptr : f->second;
  }
  return nullptr;
}

Code CppEmitter::api(const Expr& e) {
  const ApiEntry& a = *e.api;
  const CppCall* mapping = cpp_.call(&a);
  if (!mapping) throw Unsupported{e.pos, fmt::format("`{}` has no C++ mapping", a.python)};
  if (mapping->cpp == "@print") return print(e);
  const std::string& t = mapping->cpp;
  std::string out;
  for (size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (c != '{') {
      out += c;
      continue;
    }
    size_t close = t.find('}', i);
    std::string ph = t.substr(i + 1, close - i - 1);
    char after = close + 1 < t.size() ? t[close + 1] : '\0';
    char before = i > 0 ? t[i - 1] : '\0';
    bool bare = (before == '\0' || before == '(' || before == ' ') && (after == '\0' || after == ')' || after == ',');
    int need = after == '.' || after == '[' ? kPrimary : bare ? kLowest : kUnary;
    std::string value;
    if (ph == "self") {
      value = wrap(*e.object, need);
    } else if (ph == "type") {
      value = type(e.type, e.pos);
    } else if (ph.size() == 2 && ph[0] == 'T') {
      value = type(e.type.arg(static_cast<size_t>(ph[1] - '0')), e.pos);
    } else {
      int count = 0;
      int at = a.param_index(ph);
      const Function* callee = at >= 0 && a.variadic(static_cast<size_t>(at)) ? forwarded_to(e) : nullptr;
      for (const auto& arg : e.args) {
        if (arg.name != ph) continue;
        std::string v = wrap(expr(*arg.value), need);
        // `call_soon(f, items)`: a list f changes is shared, as Python's objects are.
        size_t k = static_cast<size_t>(count);
        if (callee && k < callee->params.size() && passing(*callee, callee->params[k]) == Passing::Reference)
          v = "std::ref(" + v + ")";
        value += (count++ ? ", " : "") + v;
      }
    }
    i = close;
    if (value.empty()) {
      // A missing optional argument: drop its separator too.
      if (out.ends_with(", ")) out.resize(out.size() - 2);
      else if (t.compare(i + 1, 2, ", ") == 0) i += 2;
    }
    out += value;
  }
  return code(out, template_prec(out));
}

Code CppEmitter::print(const Expr& e) {
  std::vector<const Expr*> values;
  const Expr* sep = nullptr;
  const Expr* end = nullptr;
  for (const auto& a : e.args) {
    if (a.name == "sep") sep = a.value.get();
    else if (a.name == "end") end = a.value.get();
    else values.push_back(a.value.get());
  }
  std::string args;
  for (const Expr* v : values) args += (args.empty() ? "" : ", ") + expr(*v).text;
  if (needs_order(values)) args = "py::in_order{" + args + "}";
  if (!sep && !end) return code("py::print(" + args + ")");
  std::string opts = "{";
  if (sep) opts += ".sep = " + expr(*sep).text;
  if (end) opts += std::string(sep ? ", " : "") + ".end = " + expr(*end).text;
  opts += "}";
  return code("py::print_with(" + opts + (args.empty() ? "" : ", " + args) + ")");
}

Code CppEmitter::attribute(const Expr& e) {
  const Expr& o = *e.object;
  if (o.kind == ExprKind::Name && o.name_kind == NameKind::Self)
    return code((in_lambda_ ? "self->" : "this->") + identifier(e.text));
  // A property is a method in C++.
  std::string cls = o.type.kind == TypeKind::Optional ? o.type.arg(0).name : o.type.name;
  std::string suffix;
  if (auto c = classes_.find(cls); c != classes_.end())
    for (const auto& m : c->second->methods)
      if (m.name == e.text && m.is_property) suffix = "()";
  if (is_exception(o.type)) return code(wrap(o, kPrimary) + "." + identifier(e.text) + suffix);
  return code(wrap(o, kPrimary) + "->" + identifier(e.text) + suffix);
}

Code CppEmitter::subscript(const Expr& e) {
  const Expr& v = *e.items[0];
  if (e.kind == ExprKind::Slice) {
    auto bound = [&](const ExprPtr& b) { return b ? expr(*b).text : std::string("std::nullopt"); };
    std::string step = e.items.size() > 3 && e.items[3] ? ", " + bound(e.items[3]) : "";
    return code("py::slice(" + expr(v).text + ", " + bound(e.items[1]) + ", " + bound(e.items[2]) + step + ")");
  }
  const Expr& i = *e.items[1];
  if (v.type.kind == TypeKind::Tuple) return code("std::get<" + i.text + ">(" + expr(v).text + ")");
  if (v.type.kind == TypeKind::Dict) return code(wrap(v, kPrimary) + ".at(" + expr(i).text + ")");
  if (v.type.kind == TypeKind::Extern) throw Unsupported{e.pos, "indexing a library object"};
  // A non-negative literal index into a list reads like C++; anything else checks bounds and wraps negatives.
  if (i.kind == ExprKind::Int && v.type.kind != TypeKind::Str) return code(wrap(v, kPrimary) + ".at(" + i.text + ")");
  return code("py::at(" + expr(v).text + ", " + expr(i).text + ")");
}

Code CppEmitter::collection(const Expr& e) {
  std::string items;
  if (e.kind == ExprKind::Dict) {
    for (size_t i = 0; i + 1 < e.items.size(); i += 2)
      items += (i ? ", " : "") + std::string("{") + expr(*e.items[i]).text + ", " + expr(*e.items[i + 1]).text + "}";
  } else {
    for (size_t i = 0; i < e.items.size(); ++i) items += (i ? ", " : "") + expr(*e.items[i]).text;
  }
  if (!e.type.known()) throw Unsupported{e.pos, "element type of an empty collection cannot be inferred; annotate the variable"};
  if (e.kind == ExprKind::Tuple) return code(type(e.type, e.pos) + "{" + items + "}");
  // A list of started tasks holds py::task<T>, not coroutines.
  bool tasks = e.kind == ExprKind::List && !e.items.empty() && is_task(*e.items[0]);
  if (tasks) {
    std::string t = task_type(e.type.arg(0).arg(0), e.pos);
    return code(std::string(fn_ && fn_->is_async ? "py::list_of<" + t + ">(" : "std::vector<" + t + ">{") + items +
                (fn_ && fn_->is_async ? ")" : "}"));
  }
  if (fn_ && fn_->is_async && !e.items.empty()) {
    // GCC 12 rejects initializer lists in coroutines' co_await expressions.
    std::string flat;
    for (const auto& i : e.items) flat += (flat.empty() ? "" : ", ") + expr(*i).text;
    if (e.kind == ExprKind::Dict)
      return code("py::dict_of<" + type(e.type.arg(0), e.pos) + ", " + type(e.type.arg(1), e.pos) + ">(" + flat + ")");
    return code(std::string(e.kind == ExprKind::Set ? "py::set_of<" : "py::list_of<") + type(e.type.arg(0), e.pos) + ">(" + flat + ")");
  }
  return code(type(e.type, e.pos) + "{" + items + "}");
}

// A comprehension is a lambda that fills the collection; one with `await`
// inside is a coroutine lambda, awaited at once.
Code CppEmitter::comprehension(const Expr& e) {
  bool async = contains_await(*e.items[0]);
  // Each clause is a loop inside the one before it, with its conditions.
  std::string loops;
  int open_braces = 0;
  for (const auto& cl : e.clauses) {
    for (const auto& c : cl.conditions) async = async || contains_await(*c);
    std::string target;
    std::vector<std::string> parts;  // a tuple target's references (see for_each)
    if (cl.target->kind == ExprKind::Name) {
      target = (cl.target->text == "_" ? "[[maybe_unused]] const auto& " : "const auto& ") + identifier(cl.target->text);
    } else {
      std::string tmp = "item" + std::to_string(++temp_counter_);
      target = "const auto& " + tmp;
      tuple_parts(*cl.target, tmp, parts);
    }
    std::string iter = expr(*cl.iter).text;
    if (cl.iter->type.kind == TypeKind::Dict) iter = wrap(*cl.iter, kPrimary) + ".keys()";
    std::string cond;
    for (const auto& c : cl.conditions) cond += (cond.empty() ? "" : " && ") + wrap(*c, kAnd + 1);
    loops += "for (" + target + " : " + iter + ") ";
    if (!parts.empty()) {
      loops += "{ ";
      for (const auto& l : parts) loops += l + " ";
      ++open_braces;
    }
    if (!cond.empty()) loops += "if (" + cond + ") ";
  }
  std::string result_type;
  std::string add;
  if (e.text == "dict") {
    result_type = type(e.type, e.pos);
    add = "out[" + expr(*e.items[0]).text + "] = " + expr(*e.items[1]).text + ";";
  } else {
    Type elem = e.type.kind == TypeKind::Iterator || e.type.kind == TypeKind::List || e.type.kind == TypeKind::Set ? e.type.arg(0) : e.type.element();
    std::string et = is_task(*e.items[0]) ? task_type(elem.arg(0), e.pos) : type(elem, e.pos);
    result_type = e.text == "set" ? "std::set<" + et + ">" : "std::vector<" + et + ">";
    add = std::string(e.text == "set" ? "out.insert(" : "out.push_back(") + expr(*e.items[0]).text + ");";
  }
  std::string body = loops + add + std::string(static_cast<size_t>(open_braces), '}');
  if (async)
    return code("co_await [&]() -> boost::asio::awaitable<" + result_type + "> {\n    " + result_type + " out;\n    " + body +
                    "\n    co_return out;\n}()",
                kUnary);
  return code("[&] {\n    " + result_type + " out;\n    " + body + "\n    return out;\n}()");
}

Code CppEmitter::bound_method(const Expr& e) {
  // The callable holds the object's shared_ptr, as Python's bound method holds
  // a reference: it may outlive the scope that made it (a task, a callback).
  // std::bind_front rather than a lambda with an init-capture, which g++ 12
  // destroys twice when it is a temporary inside a co_await expression.
  const Expr& o = *e.object;
  bool self = o.kind == ExprKind::Name && o.name_kind == NameKind::Self;
  std::string cls = self && class_ ? class_->name : o.type.kind == TypeKind::Optional ? o.type.arg(0).name : o.type.name;
  std::string object = self && class_ ? self_pointer() : expr(o).text;
  return code("std::bind_front(&" + identifier(cls) + "::" + identifier(e.text) + ", " + object + ")");
}

std::string CppEmitter::self_pointer() const {
  std::string cls = identifier(class_->name);
  return in_lambda_ ? "self" : shared_roots_.count(class_->name) ? "shared_from_this()"
                                                                 : "std::static_pointer_cast<" + cls + ">(shared_from_this())";
}

Code CppEmitter::lambda(const Expr& e) {
  std::string ps;
  for (size_t i = 0; i < e.params.size(); ++i) ps += (i ? ", " : "") + std::string("const auto& ") + identifier(e.params[i].name);
  return code("[&](" + ps + ") { return " + expr(*e.items[0]).text + "; }");
}

bool CppEmitter::is_task(const Expr& e) const {
  if (e.kind == ExprKind::ApiCall && e.api && !e.api->task.empty()) return true;
  if (e.kind == ExprKind::Name && task_names_.count(e.text)) return true;
  if (e.kind == ExprKind::Subscript) return is_task(*e.items[0]);
  return e.type.kind == TypeKind::Extern && (e.type.name == "asyncio.Task" || e.type.name == "asyncio.Future");
}

Code CppEmitter::await(const Expr& e) {
  const Expr& v = *e.items[0];
  // A stored task or coroutine object (not a call): py::wait awaits it.
  if (v.kind == ExprKind::Name || v.kind == ExprKind::Attribute || v.kind == ExprKind::Subscript)
    return code("co_await py::wait(" + expr(v).text + ")", kUnary);
  const Expr* outer = awaited_now_;
  awaited_now_ = &v;
  Code c = code("co_await " + wrap(v, kUnary), kUnary);
  awaited_now_ = outer;
  return c;
}

Code CppEmitter::truthy(const Expr& cast) {
  const Expr& e = *cast.items[0];
  const Type& t = e.type;
  switch (t.kind) {
    case TypeKind::Int: case TypeKind::Float: return code(wrap(e, kEquality + 1) + " != 0", kEquality);
    case TypeKind::Str: case TypeKind::List: case TypeKind::Dict: case TypeKind::Set: case TypeKind::Array:
      return code("!" + wrap(e, kPrimary) + ".empty()", kUnary);
    case TypeKind::Optional: {
      const Type& in = t.arg(0);
      if (is_class(in)) return code(wrap(e, kEquality + 1) + " != nullptr", kEquality);
      if (in.kind == TypeKind::Bool) return code(wrap(e, kPrimary) + ".value_or(false)");
      if (in.kind == TypeKind::Int || in.kind == TypeKind::Float) return code(wrap(e, kPrimary) + ".value_or(0) != 0", kEquality);
      if (in.kind == TypeKind::Str || in.kind == TypeKind::List || in.kind == TypeKind::Dict)
        return code(wrap(e, kAnd + 1) + " && !" + wrap(e, kPrimary) + "->empty()", kAnd);
      return code(wrap(e, kPrimary) + ".has_value()");
    }
    case TypeKind::Class: return code(wrap(e, kEquality + 1) + " != nullptr", kEquality);
    default: return expr(e);
  }
}

}  // namespace asl::tr::cpp
