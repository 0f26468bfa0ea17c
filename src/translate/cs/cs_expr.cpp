// Expressions. Python semantics that C# operators do not share (floor
// division, modulo sign, string ordering, printing) go through small helpers.
#include <algorithm>

#include <fmt/format.h>

#include "translate/cs/cs_emitter.h"

namespace asl::tr::cs {

namespace {

Code code(std::string t, int p = kPrimary) { return {std::move(t), p}; }

// Precedence of a rendered template: `a.B(c)` is primary, `await x` unary,
// anything with a top-level space an operator expression.
int template_prec(const std::string& s) {
  std::string_view v = s;
  int prefix_prec = kPrimary;
  if (v.starts_with("await ")) { v.remove_prefix(6); prefix_prec = kUnary; }
  else if (v.starts_with("new ")) v.remove_prefix(4);
  else if (v.starts_with("(int)") || v.starts_with("!")) prefix_prec = kUnary;
  int depth = 0;
  bool quoted = false;
  for (size_t i = 0; i < v.size(); ++i) {
    char c = v[i];
    if (c == '"' && (i == 0 || v[i - 1] != '\\')) quoted = !quoted;
    if (quoted) continue;
    if (c == '=' && i + 1 < v.size() && v[i + 1] == '>') { ++i; continue; }  // a lambda's arrow
    if (c == '(' || c == '[' || c == '<' || c == '{') ++depth;
    else if (c == ')' || c == ']' || c == '>' || c == '}') --depth;
    else if (c == ' ' && depth == 0 && !(i > 0 && v[i - 1] == ',')) return kLowest;
  }
  return prefix_prec;
}

bool is_int(const Expr& e) { return e.type.kind == TypeKind::Int || e.type.kind == TypeKind::Bool; }

}  // namespace

std::string CsEmitter::wrap(const Code& c, int min_prec) { return c.prec < min_prec ? "(" + c.text + ")" : c.text; }
std::string CsEmitter::wrap(const Expr& e, int min_prec) { return wrap(expr(e), min_prec); }

std::string CsEmitter::args(const std::vector<Arg>& a) {
  std::string s;
  for (size_t i = 0; i < a.size(); ++i) {
    if (i) s += ", ";
    if (!a[i].name.empty()) s += camel_case(a[i].name) + ": ";
    s += expr(*a[i].value).text;
  }
  return s;
}

Code CsEmitter::expr(const Expr& e) {
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
      int p = is_and ? kAnd : kOr;
      return code(wrap(*e.items[0], p) + (is_and ? " && " : " || ") + wrap(*e.items[1], p + 1), p);
    }
    case ExprKind::Compare: return compare(e);
    case ExprKind::Conditional:
      return code(wrap(*e.items[1], kCoalesce) + " ? " + wrap(*e.items[0], kCoalesce) + " : " + wrap(*e.items[2], kConditional),
                  kConditional);
    case ExprKind::Call: case ExprKind::New: case ExprKind::MethodCall: return call(e);
    case ExprKind::ApiCall: case ExprKind::ApiAttr: return api(e);
    case ExprKind::Attribute:
      // Members are PascalCase or _camelCase, so `this.` is never needed to tell them from locals.
      if (e.object->name_kind == NameKind::Self && e.object->kind == ExprKind::Name) return code(member_name(e.text));
      return code(wrap(*e.object, kPrimary) + "." + member_name(e.text));
    case ExprKind::Subscript: case ExprKind::Slice: return subscript(e);
    case ExprKind::List: case ExprKind::Set: case ExprKind::Tuple: case ExprKind::Dict: return collection(e);
    case ExprKind::Comprehension: return comprehension(e);
    case ExprKind::Lambda: return lambda(e);
    case ExprKind::Await: return code("await " + wrap(*e.items[0], kUnary), kUnary);
    case ExprKind::Starred: return expr(*e.items[0]);
    case ExprKind::IsInstance: {
      const Type& t = e.items[1]->type;
      return code(wrap(*e.items[0], kRelational) + " is " + type(t), kRelational);
    }
    case ExprKind::Cast: return truthy(e);
    case ExprKind::Unwrap:
      // Nullable references are their own type; nullable values need `.Value`.
      if (!is_value_type(e.type)) return expr(*e.items[0]);
      return code(wrap(*e.items[0], kPrimary) + ".Value", kPrimary);
    case ExprKind::BoundMethod:
      // A method group: C# binds the object when the delegate is made, as Python does.
      use_type(e.type);
      return code(wrap(*e.object, kPrimary) + "." + member_name(e.text), kPrimary);
  }
  return code("default");
}

Code CsEmitter::name(const Expr& e) {
  switch (e.name_kind) {
    case NameKind::Self: return code("this");
    case NameKind::Global: case NameKind::Constant: return code(pascal_case(e.text));
    case NameKind::Function: return code(function_name(e.text));
    default:
      if (e.type.kind == TypeKind::Callable && function_names_.count(e.text)) return code(function_names_.at(e.text));  // a local function
      return code(camel_case(e.text));
  }
}

Code CsEmitter::literal(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Int: return code(e.text);
    case ExprKind::Float: {
      std::string t = e.text;
      if (t.ends_with(".")) t += "0";
      if (t.starts_with(".")) t = "0" + t;
      if (t.find_first_of(".eE") == std::string::npos) t += ".0";
      return code(t);
    }
    case ExprKind::Str: return code(string_literal(e.text));
    case ExprKind::Bool: return code(e.text);
    default: return code("null");
  }
}

// Python's str() of a value, for printing and f-strings.
bool CsEmitter::is_exception(const Type& t) const {
  if (t.kind == TypeKind::Extern) return api_.type(t.name) && api_.type(t.name)->exception;
  return t.kind == TypeKind::Class && exception_classes_.count(t.name);
}

// A KeyError's str() is the repr of its key, not .NET's sentence: an
// exception that may be one goes through Py.Str.
bool CsEmitter::may_be_key_error(const Type& t) const {
  static const std::set<std::string> bases = {"builtins.KeyError", "builtins.LookupError", "builtins.Exception",
                                              "builtins.BaseException"};
  return t.kind == TypeKind::Extern && bases.count(t.name);
}

std::string CsEmitter::as_str(const Expr& e) {
  if (is_exception(e.type) && !may_be_key_error(e.type)) return wrap(e, kPrimary) + ".Message";
  switch (e.type.kind) {
    case TypeKind::Str: return expr(e).text;
    default: return "Py.Str(" + expr(e).text + ")";
  }
}

std::string CsEmitter::interpolation_hole(const Expr& e, const std::string& spec, char conversion) {
  Code c = expr(e);
  std::string inner = c.prec <= kConditional || c.text.find(':') != std::string::npos ? "(" + c.text + ")" : c.text;
  if (conversion == 'r' && spec.empty()) return "{Py.Repr(" + c.text + ")}";
  const TypeKind k = e.type.kind;
  if (conversion == 'r' || (conversion == 's' && k != TypeKind::Str)) {  // the text, then its spec
    std::string text = (conversion == 'r' ? "Py.Repr(" : "Py.Str(") + c.text + ")";
    return spec.empty() ? "{" + text + "}" : "{Py.Format(" + text + ", " + string_literal(spec) + ")}";
  }
  bool number = k == TypeKind::Int || k == TypeKind::Float;
  if (spec.empty()) {
    if (k == TypeKind::Str || k == TypeKind::Int || k == TypeKind::Bool) return "{" + inner + "}";
    if (is_exception(e.type) && !may_be_key_error(e.type)) return "{" + wrap(c, kPrimary) + ".Message}";
    return "{Py.Str(" + c.text + ")}";
  }
  // Specs .NET spells the same way; anything else goes through Py.Format.
  auto digits = [](std::string_view s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos; };
  std::string_view sp = spec;
  if (number && sp.size() >= 3 && sp[0] == '.' && sp.back() == 'f' && digits(sp.substr(1, sp.size() - 2)))
    return "{" + inner + ":F" + std::string(sp.substr(1, sp.size() - 2)) + "}";
  if (number && sp.size() >= 4 && sp.starts_with(",.") && sp.back() == 'f' && digits(sp.substr(2, sp.size() - 3)))
    return "{" + inner + ":N" + std::string(sp.substr(2, sp.size() - 3)) + "}";
  if (k == TypeKind::Int && sp == ",") return "{" + inner + ":N0}";
  if (k == TypeKind::Int && sp == "d") return "{" + inner + "}";
  if ((k == TypeKind::Int || k == TypeKind::Str) && (sp.starts_with(">") || sp.starts_with("<")) && digits(sp.substr(1)))
    return "{" + inner + "," + (sp[0] == '<' ? "-" : "") + std::string(sp.substr(1)) + "}";
  if (k == TypeKind::Str && digits(sp)) return "{" + inner + ",-" + spec + "}";
  if (k == TypeKind::Int && digits(sp) && sp[0] != '0') return "{" + inner + "," + spec + "}";
  return "{Py.Format(" + c.text + ", " + string_literal(spec) + ")}";
}

Code CsEmitter::fstring(const Expr& e) {
  std::string s = "$\"";
  for (const auto& p : e.parts) {
    if (!p.expr) {
      std::string lit = string_literal(p.text);
      lit = lit.substr(1, lit.size() - 2);
      for (char c : lit) {
        if (c == '{' || c == '}') s += c;
        s += c;
      }
      continue;
    }
    s += interpolation_hole(*p.expr, p.spec, p.conversion);
  }
  return code(s + "\"");
}

Code CsEmitter::binary(const Expr& e) {
  const Expr& l = *e.items[0];
  const Expr& r = *e.items[1];
  const std::string& op = e.text;
  bool ints = is_int(l) && is_int(r);
  const TypeKind lk = l.type.kind;
  if (lk == TypeKind::List && op == "+") return code(wrap(l, kPrimary) + ".Concat(" + expr(r).text + ").ToList()");
  if ((lk == TypeKind::List || lk == TypeKind::Str) && op == "*") return code("Py.Repeat(" + expr(l).text + ", " + expr(r).text + ")");
  if (lk == TypeKind::Set) {
    const char* m = op == "|" ? "Union" : op == "&" ? "Intersect" : "Except";
    return code(wrap(l, kPrimary) + "." + m + "(" + expr(r).text + ").ToHashSet()");
  }
  if (op == "//") {
    if (ints) return code("Py.FloorDiv(" + expr(l).text + ", " + expr(r).text + ")");
    return code("Math.Floor(" + wrap(l, kMultiplicative) + " / " + wrap(r, kMultiplicative + 1) + ")");
  }
  if (op == "%") return code("Py.Mod(" + expr(l).text + ", " + expr(r).text + ")");
  if (op == "**") {
    if (ints && e.type.kind == TypeKind::Int) return code("Py.Pow(" + expr(l).text + ", " + expr(r).text + ")");
    return code("Math.Pow(" + expr(l).text + ", " + expr(r).text + ")");
  }
  if (op == "/" && ints) return code("(double)" + wrap(l, kUnary) + " / " + wrap(r, kMultiplicative + 1), kMultiplicative);
  int p = (op == "*" || op == "/") ? kMultiplicative
        : (op == "+" || op == "-") ? kAdditive
        : (op == "<<" || op == ">>") ? 11
        : op == "&" ? 8 : op == "^" ? 7 : 6;
  return code(wrap(l, p) + " " + op + " " + wrap(r, p + 1), p);
}

Code CsEmitter::compare(const Expr& e) {
  std::vector<std::string> parts;
  for (size_t i = 0; i < e.ops.size(); ++i) {
    const Expr& a = *e.items[i];
    const Expr& b = *e.items[i + 1];
    const std::string& op = e.ops[i];
    if (op == "is" || op == "is not" || ((op == "==" || op == "!=") && (b.kind == ExprKind::None || a.kind == ExprKind::None))) {
      const Expr& v = b.kind == ExprKind::None ? a : b;
      bool neg = op == "is not" || op == "!=";
      parts.push_back(wrap(v, kRelational) + (neg ? " is not null" : " is null"));
      continue;
    }
    if (op == "in" || op == "not in") {
      std::string m = b.type.kind == TypeKind::Dict ? ".ContainsKey(" : ".Contains(";
      std::string s = wrap(b, kPrimary) + m + expr(a).text + ")";
      parts.push_back(op == "in" ? s : "!" + s);
      continue;
    }
    if (a.type.kind == TypeKind::Str && (op == "<" || op == ">" || op == "<=" || op == ">=")) {
      parts.push_back("string.CompareOrdinal(" + expr(a).text + ", " + expr(b).text + ") " + op + " 0");
      continue;
    }
    int p = (op == "==" || op == "!=") ? kEquality : kRelational;
    if (p == kEquality && a.type.kind == TypeKind::List) {
      use("System.Linq");
      std::string s = wrap(a, kPrimary) + ".SequenceEqual(" + expr(b).text + ")";
      parts.push_back(op == "==" ? s : "!" + s);
      continue;
    }
    parts.push_back(wrap(a, p) + " " + op + " " + wrap(b, p + 1));
  }
  if (parts.size() == 1) {
    int p = e.ops[0] == "==" || e.ops[0] == "!=" ? kEquality : kRelational;
    if (parts[0].starts_with("!") || parts[0].find(".Contains") != std::string::npos) p = kUnary;
    return code(parts[0], p);
  }
  std::string s;
  for (size_t i = 0; i < parts.size(); ++i) s += (i ? " && " : "") + parts[i];
  return code(s, kAnd);
}

std::string CsEmitter::call_args(const Expr& e) {
  std::string s = args(e.args);
  if (e.pass_token && !token_.empty()) s += (s.empty() ? "" : ", ") + std::string("cancellationToken: ") + token_;
  return s;
}

Code CsEmitter::call(const Expr& e) {
  if (e.kind == ExprKind::New) return code("new " + class_id(e.text) + "(" + args(e.args) + ")");
  if (e.kind == ExprKind::MethodCall) {
    std::string m = member_name(e.text) + "(" + call_args(e) + ")";
    bool self = e.object->kind == ExprKind::Name && e.object->name_kind == NameKind::Self;
    if (self && e.object->text == "super") return code("base." + m);
    if (self) return code(m);
    return code(wrap(*e.object, kPrimary) + "." + m);
  }
  if (e.object) return code(wrap(*e.object, kPrimary) + "(" + call_args(e) + ")");  // a callable value
  std::string callee = e.name_kind == NameKind::Function ? function_name(e.text) : camel_case(e.text);
  if (e.name_kind == NameKind::Local) {
    // Local functions keep PascalCase; lambdas in variables are camelCase.
    callee = function_names_.count(e.text) ? function_names_.at(e.text) : camel_case(e.text);
  }
  return code(callee + "(" + call_args(e) + ")");
}

Code CsEmitter::api(const Expr& e) {
  const ApiEntry& a = *e.api;
  for (const auto& u : a.cs_using) use(u);
  use_type(e.type);
  if (a.cs.find("http.") != std::string::npos) needs_http_ = true;
  if (a.cs == "@print") return print(e);
  // A task that can be cancelled gets a token of its own; inside a function
  // that takes one, library calls that accept a token are handed it.
  bool spawn = e.spawn && !a.cs_spawn.empty();
  const std::string& t = spawn ? a.cs_spawn : !token_.empty() && !a.cs_cancel.empty() ? a.cs_cancel : a.cs;
  if (spawn || (!token_.empty() && t.find("{token}") != std::string::npos)) use("System.Threading");
  std::string out;
  for (size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if ((c == '{' || c == '}') && i + 1 < t.size() && t[i + 1] == c) { out += c; ++i; continue; }
    if (c != '{') { out += c; continue; }
    size_t close = t.find('}', i);
    std::string ph = t.substr(i + 1, close - i - 1);
    char after = close + 1 < t.size() ? t[close + 1] : '\0';
    char before = i > 0 ? t[i - 1] : '\0';
    bool bare = (before == '\0' || before == '(' || before == ' ' || before == '[') &&
                (after == '\0' || after == ')' || after == ',' || after == ']');
    int need = after == '.' || after == '[' ? kPrimary : bare ? kLowest : kUnary;
    if (ph == "self") {
      out += wrap(*e.object, need);
    } else if (ph == "token") {
      if (!token_.empty()) out += token_;
      else if (out.ends_with(", ")) out.resize(out.size() - 2);
    } else if (!a.spawn.empty() && ph == a.spawn && (spawn || !a.task.empty())) {
      // Only the task starters take the arguments apart (wait_for starts its
      // operation at once).
      bool starts_task = !a.task.empty();
      for (const auto& arg : e.args)
        if (arg.name == ph) out += deferred_call(*arg.value, spawn, starts_task);
    } else if (ph == "type") {
      out += type(e.type);
    } else if (ph.size() == 2 && ph[0] == 'T') {
      out += type(e.type.arg(static_cast<size_t>(ph[1] - '0')));
    } else {
      std::string joined;
      int count = 0;
      for (const auto& arg : e.args) {
        if (arg.name != ph) continue;
        Code v = expr(*arg.value);
        joined += (count++ ? ", " : "") + wrap(v, need);
      }
      out += joined;
    }
    i = close;
  }
  return code(out, template_prec(out));
}

// A task's coroutine as a function the runtime calls once the creator
// yields to the loop (and, with `with_token`, of the task's own token). Its
// arguments are evaluated now, as Python evaluates them when the coroutine
// is created: they are passed in (one value, or a tuple), not captured, since
// a captured loop variable would be read later.
std::string CsEmitter::deferred_call(const Expr& call, bool with_token, bool bind_args) {
  auto bindable = [](const Arg& arg) {
    ExprKind k = arg.value->kind;
    return k != ExprKind::Int && k != ExprKind::Float && k != ExprKind::Str && k != ExprKind::Bool &&
           k != ExprKind::None && k != ExprKind::Starred;
  };
  bool is_call = call.kind == ExprKind::Call || call.kind == ExprKind::MethodCall || call.kind == ExprKind::New;
  size_t count = is_call && bind_args ? std::count_if(call.args.begin(), call.args.end(), bindable) : 0;
  std::vector<std::string> values;
  ExprPtr bound = clone(call);
  for (auto& arg : bound->args) {
    if (!count || !bindable(arg)) continue;
    values.push_back(expr(*arg.value).text);
    auto name = std::make_unique<Expr>(ExprKind::Name, arg.value->type, arg.value->pos);
    name->text = count == 1 ? "spawnArg" : "spawnArgs.Item" + std::to_string(values.size());
    name->name_kind = NameKind::Local;
    arg.value = std::move(name);
  }
  std::string outer = token_;
  if (with_token) token_ = "taskToken";
  std::string body = expr(*bound).text;
  token_ = outer;
  std::string params = count == 0 ? "" : count == 1 ? "spawnArg" : "spawnArgs";
  if (with_token) params = params.empty() ? "taskToken" : "(" + params + ", taskToken)";
  else if (params.empty()) params = "()";
  std::string lambda = params + " => " + body;
  if (count == 0) return lambda;
  std::string passed = count == 1 ? values[0] : fmt::format("({})", fmt::join(values, ", "));
  return passed + ", " + lambda;
}

Code CsEmitter::print(const Expr& e) {
  use("System");
  std::vector<const Expr*> values;
  const Expr* sep = nullptr;
  const Expr* end = nullptr;
  for (const auto& a : e.args) {
    if (a.name == "sep") sep = a.value.get();
    else if (a.name == "end") end = a.value.get();
    else values.push_back(a.value.get());
  }
  if ((sep && sep->kind != ExprKind::Str) || (end && end->kind != ExprKind::Str))
    throw Unsupported{e.pos, "print() with a sep or end that is not a string literal"};
  std::string sep_text = sep ? sep->text : " ";
  std::string method = end && end->text != "\n" ? "Console.Write" : "Console.WriteLine";
  std::string suffix = end && end->text != "\n" ? end->text : "";
  if (values.empty()) return code(method + "(" + (suffix.empty() ? "" : string_literal(suffix)) + ")");
  if (values.size() == 1 && suffix.empty()) {
    const Expr& v = *values[0];
    if (v.type.kind == TypeKind::Str || v.type.kind == TypeKind::Int || v.type.kind == TypeKind::Bool)
      return code(method + "(" + expr(v).text + ")");
    return code(method + "(" + as_str(v) + ")");
  }
  // Several values: one interpolated string, as print joins them.
  Expr joined(ExprKind::FString, TypeKind::Str, e.pos);
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) joined.parts.push_back({sep_text, nullptr, {}, 0});
    const Expr& v = *values[i];
    if (v.kind == ExprKind::Str) joined.parts.push_back({v.text, nullptr, {}, 0});
    else if (v.kind == ExprKind::FString) for (const auto& p : v.parts) joined.parts.push_back({p.text, p.expr ? clone(*p.expr) : nullptr, p.spec, p.conversion});
    else joined.parts.push_back({"", clone(v), {}, 0});
  }
  if (!suffix.empty()) joined.parts.push_back({suffix, nullptr, {}, 0});
  return code(method + "(" + fstring(joined).text + ")");
}

Code CsEmitter::subscript(const Expr& e) {
  const Expr& v = *e.items[0];
  if (e.kind == ExprKind::Slice) {
    auto bound = [&](const ExprPtr& b) { return b ? expr(*b).text : std::string("null"); };
    std::string step = e.items.size() > 3 && e.items[3] ? ", " + bound(e.items[3]) : "";
    return code("Py.Slice(" + expr(v).text + ", " + bound(e.items[1]) + ", " + bound(e.items[2]) + step + ")");
  }
  const Expr& i = *e.items[1];
  if (v.type.kind == TypeKind::Tuple) return code(wrap(v, kPrimary) + ".Item" + std::to_string(*int_literal_value(i.text) + 1));
  std::string index = expr(i).text;
  if (i.kind == ExprKind::Unary && i.text == "-" && i.items[0]->kind == ExprKind::Int) index = "^" + i.items[0]->text;
  std::string s = wrap(v, kPrimary) + "[" + index + "]";
  if (v.type.kind == TypeKind::Str) s += ".ToString()";
  return code(s);
}

Code CsEmitter::collection(const Expr& e) {
  std::string items;
  if (e.kind == ExprKind::Tuple) {
    for (size_t i = 0; i < e.items.size(); ++i) items += (i ? ", " : "") + expr(*e.items[i]).text;
    if (e.items.size() < 2) throw Unsupported{e.pos, "tuple with fewer than two items"};
    return code("(" + items + ")");
  }
  if (e.kind == ExprKind::Dict) {
    for (size_t i = 0; i + 1 < e.items.size(); i += 2)
      items += (i ? ", " : " ") + std::string("[") + expr(*e.items[i]).text + "] = " + expr(*e.items[i + 1]).text;
  } else {
    for (size_t i = 0; i < e.items.size(); ++i) items += (i ? ", " : " ") + expr(*e.items[i]).text;
  }
  if (!e.type.known()) throw Unsupported{e.pos, "element type of an empty collection cannot be inferred; annotate the variable"};
  std::string t = type(e.type);
  if (e.items.empty()) return code("new " + t + "()");
  return code("new " + t + " {" + items + " }");
}

// A comprehension is a LINQ chain: each `for` clause after the first is a
// SelectMany over the ones before it, each `if` a Where.
Code CsEmitter::comprehension(const Expr& e) {
  use("System.Linq");
  // A lambda over a clause's target: tuple targets deconstruct in a block.
  auto lam = [&](const CompClause& cl, const std::string& body) {
    if (cl.target->kind == ExprKind::Name) return camel_case(cl.target->text) + " => " + body;
    std::string unpack = "var (";
    auto gone = overwritten_targets({cl.target.get()});
    for (size_t i = 0; i < cl.target->items.size(); ++i)
      unpack += (i ? ", " : "") + (gone.count(cl.target->items[i].get()) ? std::string("_") : camel_case(cl.target->items[i]->text));
    return "item => { " + unpack + ") = item; return " + body + "; }";
  };
  auto source = [&](const CompClause& cl) {
    std::string src = wrap(*cl.iter, kPrimary);
    if (cl.iter->type.kind == TypeKind::Dict) src += ".Keys";
    for (const auto& c : cl.conditions) src += ".Where(" + lam(cl, expr(*c).text) + ")";
    return src;
  };
  bool dict = e.text == "dict";
  const Expr& body = *e.items[0];
  const CompClause& last = e.clauses.back();
  std::string s = source(last);
  // An element that awaits: one at a time, in order, as Python's loop does.
  if (contains_await(body)) {
    std::string lambda = lam(last, expr(body).text);
    return code("await Py.SelectAsync(" + s + ", async " + lambda + ")", kUnary);
  }
  // Python's dict comprehension keeps the last value of a repeated key.
  if (dict) s += ".Select(" + lam(last, "(" + expr(*e.items[0]).text + ", " + expr(*e.items[1]).text + ")") + ")";
  else if (!(e.clauses.size() == 1 && body.kind == ExprKind::Name && last.target->kind == ExprKind::Name && body.text == last.target->text))
    s += ".Select(" + lam(last, expr(body).text) + ")";
  for (size_t i = e.clauses.size() - 1; i-- > 0;) s = source(e.clauses[i]) + ".SelectMany(" + lam(e.clauses[i], s) + ")";
  if (dict) return code("Py.ToDict(" + s + ")");
  if (e.text == "list") s += ".ToList()";
  else if (e.text == "set") s += ".ToHashSet()";
  return code(s);
}

Code CsEmitter::lambda(const Expr& e) {
  std::string ps;
  for (size_t i = 0; i < e.params.size(); ++i) ps += (i ? ", " : "") + camel_case(e.params[i].name);
  if (e.params.size() != 1) ps = "(" + ps + ")";
  return code(ps + " => " + expr(*e.items[0]).text, kLowest);
}

Code CsEmitter::truthy(const Expr& cast) {
  const Expr& e = *cast.items[0];
  const Type& t = e.type;
  switch (t.kind) {
    case TypeKind::Int: case TypeKind::Float: return code(wrap(e, kEquality) + " != 0", kEquality);
    case TypeKind::Str: return code("!string.IsNullOrEmpty(" + expr(e).text + ")", kUnary);
    case TypeKind::List: case TypeKind::Dict: case TypeKind::Set: return code(wrap(e, kPrimary) + ".Count > 0", kRelational);
    case TypeKind::Array: return code(wrap(e, kPrimary) + ".Length > 0", kRelational);
    case TypeKind::Optional: {
      const Type& in = t.arg(0);
      if (in.kind == TypeKind::Str) return code("!string.IsNullOrEmpty(" + expr(e).text + ")", kUnary);
      if (in.kind == TypeKind::Int || in.kind == TypeKind::Float) return code("(" + expr(e).text + " ?? 0) != 0", kEquality);
      if (in.kind == TypeKind::List || in.kind == TypeKind::Dict || in.kind == TypeKind::Set)
        return code(wrap(e, kRelational) + " is { Count: > 0 }", kRelational);
      if (in.kind == TypeKind::Bool) return code(wrap(e, kEquality) + " == true", kEquality);
      return code(wrap(e, kRelational) + " is not null", kRelational);
    }
    case TypeKind::Class: case TypeKind::Extern: return code(wrap(e, kRelational) + " is not null", kRelational);
    default: return expr(e);
  }
}

}  // namespace asl::tr::cs
