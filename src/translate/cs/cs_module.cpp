// The file: usings, the Program class with the module's members (functions,
// fields, nested classes), and the runtime helpers it uses.
#include <optional>

#include <fmt/format.h>

#include "translate/cs/cs_emitter.h"

namespace asl::tr::cs {

namespace {

bool expr_has_await(const Expr& e) {
  if (e.kind == ExprKind::Await) return true;
  if (e.kind == ExprKind::Lambda) return false;
  if (e.api && e.api->cs.starts_with("await ")) return true;
  for (const auto& i : e.items)
    if (i && expr_has_await(*i)) return true;
  for (const auto& a : e.args)
    if (a.value && expr_has_await(*a.value)) return true;
  for (const auto& p : e.parts)
    if (p.expr && expr_has_await(*p.expr)) return true;
  return e.object && expr_has_await(*e.object);
}

bool block_has_await(const Block& b) {
  for (const auto& s : b) {
    if (s->is_async) return true;
    for (const auto* e : {s->target.get(), s->value.get()})
      if (e && expr_has_await(*e)) return true;
    for (const auto& br : s->branches)
      if (expr_has_await(*br.first) || block_has_await(br.second)) return true;
    for (const auto& it : s->items)
      if (it.await_enter || it.kind == WithKind::Lock || it.kind == WithKind::TaskGroup || expr_has_await(*it.value)) return true;
    for (const auto& h : s->handlers)
      if (block_has_await(h.body)) return true;
    if (block_has_await(s->body) || block_has_await(s->orelse) || block_has_await(s->finally_body)) return true;
  }
  return false;
}

struct UsingRule {
  const char* token;
  const char* ns;
};
// Namespaces a file needs, recognised by the names it uses.
const UsingRule kUsingRules[] = {
    {"Console.", "System"}, {"Math.", "System"}, {"TimeSpan", "System"}, {"Exception", "System"},
    {"Func<", "System"}, {"Action", "System"}, {"Environment.", "System"}, {"List<", "System.Collections.Generic"},
    {"Dictionary<", "System.Collections.Generic"}, {"HashSet<", "System.Collections.Generic"},
    {"IEnumerable<", "System.Collections.Generic"}, {"KeyNotFoundException", "System.Collections.Generic"},
    {".Select(", "System.Linq"}, {".Where(", "System.Linq"}, {".ToList()", "System.Linq"}, {".Sum()", "System.Linq"},
    {".Concat(", "System.Linq"}, {".Zip(", "System.Linq"}, {".ToHashSet()", "System.Linq"}, {".ToDictionary(", "System.Linq"},
    {".Any(", "System.Linq"}, {".All(", "System.Linq"}, {".Max(", "System.Linq"}, {".Min(", "System.Linq"},
    {".MaxBy(", "System.Linq"}, {".MinBy(", "System.Linq"}, {"Enumerable.", "System.Linq"}, {".Union(", "System.Linq"},
    {".Intersect(", "System.Linq"}, {".Except(", "System.Linq"}, {".Count(", "System.Linq"},
    {"Task", "System.Threading.Tasks"}, {"IAsyncEnumerable<", "System.Collections.Generic"},
    {"CultureInfo", "System.Globalization"}, {"DictionaryEntry", "System.Collections"}, {"IEnumerable items", "System.Collections"},
    {"ITuple", "System.Runtime.CompilerServices"}, {"Enumerable.", "System.Linq"}, {"StringComparison", "System"},
    {"CancellationToken", "System.Threading"}, {"SemaphoreSlim", "System.Threading"}, {"Interlocked.", "System.Threading"},
    {"Thread.", "System.Threading"}, {"Stopwatch", "System.Diagnostics"}, {"Comparer<", "System.Collections.Generic"},
    {"IComparer<", "System.Collections.Generic"}, {"Queue<", "System.Collections.Generic"}, {"IList<", "System.Collections.Generic"},
    {"IReadOnlyList<", "System.Collections.Generic"}, {"LinkedList<", "System.Collections.Generic"},
};

}  // namespace

std::string CsEmitter::function_name(const std::string& python) const {
  auto it = function_names_.find(python);
  return it != function_names_.end() ? it->second : pascal_case(python);
}

std::string CsEmitter::member_name(const std::string& python) const {
  // `_private` attributes stay recognisable as fields: `_count`.
  if (python.starts_with("_")) {
    std::string c = camel_case(python.substr(1));
    return "_" + (c.starts_with("@") ? c.substr(1) : c);
  }
  return pascal_case(python);
}

void CsEmitter::doc(const std::string& text) {
  if (text.empty()) return;
  std::string t;
  for (char c : text) {
    if (c == '&') t += "&amp;";
    else if (c == '<') t += "&lt;";
    else if (c == '>') t += "&gt;";
    else t += c;
  }
  // Strip the docstring's indentation and surrounding blank lines.
  std::vector<std::string> lines;
  size_t b = 0;
  while (b <= t.size()) {
    size_t e = t.find('\n', b);
    std::string l = t.substr(b, e == std::string::npos ? std::string::npos : e - b);
    size_t s = l.find_first_not_of(' ');
    lines.push_back(s == std::string::npos ? "" : l.substr(s));
    if (e == std::string::npos) break;
    b = e + 1;
  }
  while (!lines.empty() && lines.front().empty()) lines.erase(lines.begin());
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  if (lines.size() == 1) {
    w_.line("/// <summary>" + lines[0] + "</summary>");
    return;
  }
  w_.line("/// <summary>");
  for (const auto& l : lines) w_.line(l.empty() ? "///" : "/// " + l);
  w_.line("/// </summary>");
}

std::string CsEmitter::params(const Function& f) {
  std::string s;
  for (size_t i = 0; i < f.params.size(); ++i) {
    const Param& p = f.params[i];
    s += (i ? ", " : "") + type(p.type) + " " + camel_case(p.name);
    if (p.default_value) {
      const Expr& d = *p.default_value;
      bool constant = d.kind == ExprKind::Int || d.kind == ExprKind::Float || d.kind == ExprKind::Str ||
                      d.kind == ExprKind::Bool || d.kind == ExprKind::None ||
                      (d.kind == ExprKind::Unary && d.items[0]->kind != ExprKind::Name) ||
                      (d.kind == ExprKind::Name && d.name_kind == NameKind::Constant);
      if (!constant) {
        // C# defaults must be constants; a fresh collection is made in the body.
        if (d.kind == ExprKind::List || d.kind == ExprKind::Dict || d.kind == ExprKind::Set) s += " = null";
        else throw Unsupported{p.pos, fmt::format("default value of parameter `{}` is not a constant", p.name)};
      } else {
        s += " = " + expr(d).text;
      }
    }
  }
  if (f.cancellable) {
    use("System.Threading");
    s += (s.empty() ? "" : ", ") + std::string("CancellationToken cancellationToken = default");
  }
  return s;
}

void CsEmitter::function(const Function& f, const std::string& owner, bool local) {
  const Function* outer = fn_;
  std::string outer_token = token_;
  // Local functions are named for the rest of their enclosing function only.
  auto outer_names = function_names_;
  fn_ = &f;
  token_ = f.cancellable ? "cancellationToken" : "";
  for (const auto& c : f.comments) w_.comment(c, "//");
  doc(f.doc);
  try {
    std::string mods;
    if (!local) mods = f.is_method && !f.is_static ? "public " : "public static ";
    if (f.is_method && f.name.starts_with("_") && !f.name.starts_with("__")) mods = "private ";
    // Python methods are all virtual: C# needs `virtual` where a subclass overrides, `override` there.
    if (f.is_method && !f.is_static && !f.is_constructor && !owner.empty()) {
      bool overrides = false, overridden = false;
      for (std::string b = class_bases_[owner]; !b.empty(); b = class_bases_[b])
        overrides = overrides || class_methods_[b].count(f.name);
      for (const auto& [cls, base] : class_bases_) {
        for (std::string b = base; !b.empty(); b = class_bases_[b])
          if (b == owner && class_methods_[cls].count(f.name)) overridden = true;
      }
      if (overrides) mods += "override ";
      else if (overridden) mods += "virtual ";
    }
    bool async = f.is_async && (f.is_generator || block_has_await(f.body));
    if (f.is_async && !async) async = true;  // Task-returning either way; keeps `return x;`
    std::string ret = return_type(f);
    if (f.is_entry && !block_has_await(f.body)) ret = "void", async = false;
    std::string name = f.is_entry ? "Main" : f.is_method ? member_name(f.name) : function_name(f.name);
    std::string ps = params(f);
    std::string head;
    if (f.is_constructor) {
      head = "public " + class_id(owner) + "(" + ps + ")";
    } else if (f.is_property) {
      head = "public " + type(f.result) + " " + member_name(f.name);
    } else if (f.name == "__str__" || f.name == "__repr__") {
      head = "public override string ToString()";
    } else {
      head = mods + (async ? "async " : "") + ret + " " + name + "(" + ps + ")";
    }
    // The base constructor call comes from `super().__init__(...)`.
    const Stmt* super_call = nullptr;
    if (f.is_constructor && !f.body.empty()) {
      for (const auto& s : f.body) {
        if (s->kind == StmtKind::Expr && s->value->kind == ExprKind::Call && s->value->text == "super().__init__") {
          super_call = s.get();
          head += " : base(" + args(s->value->args) + ")";
        }
      }
    }
    if (f.is_constructor && f.body.empty() && !super_call && f.params.size() == 1 && f.params[0].name == "message" &&
        owner_is_exception_)
      head += " : base(message)";
    auto b = w_.block(head);
    if (f.is_property) {
      auto g = w_.block("get");
      block(f.body);
    } else {
      // Fields assigned from defaults that C# cannot express as constants.
      for (const auto& p : f.params)
        if (p.default_value && (p.default_value->kind == ExprKind::List || p.default_value->kind == ExprKind::Dict ||
                                p.default_value->kind == ExprKind::Set))
          w_.line(camel_case(p.name) + " ?" "?= " + expr(*p.default_value).text + ";");
      if (f.is_entry && async && module_concurrent_) {
        // Like asyncio's loop, one thread runs the program's coroutines, in
        // the order they become ready (the thread pool would interleave them).
        use("System.Threading");
        w_.line("await Py.EnterLoop();");
      }
      if (f.is_constructor && f.body.empty() && !ctor_fields_.empty()) {
        for (const auto& [field, param] : ctor_fields_) w_.line(field + " = " + param + ";");
      }
      // asyncio.run cancels the tasks still running when main ends, and
      // waits for them: their `except CancelledError` and `finally` run.
      bool shutdown = f.is_entry && async && module_cancels_ && module_detaches_;
      std::optional<CodeWriter::Block> guarded;
      if (shutdown) guarded.emplace(w_, "try", std::string());
      for (size_t i = 0; i < f.body.size(); ++i) {
        if (f.body[i].get() == super_call) continue;
        bool last = !shutdown;
        for (size_t j = i + 1; j < f.body.size() && last; ++j)
          if (f.body[j]->kind != StmtKind::Comment) last = false;
        stmt(*f.body[i], last);
      }
      if (shutdown) {
        guarded.reset();
        auto fin = w_.block("finally");
        w_.line("await Py.CancelRemaining();");
      }
    }
  } catch (const Unsupported& u) {
    diags_.push_back({u.pos, u.what, u.end});
    todo(u.what, "def " + f.name + "(...)");
  }
  fn_ = outer;
  token_ = outer_token;
  function_names_ = std::move(outer_names);
}

void CsEmitter::klass(const Class& c) {
  for (const auto& cm : c.comments) w_.comment(cm, "//");
  doc(c.doc);
  std::string base;
  const std::string id = class_id(c.name);
  if (!c.base.empty()) base = " : " + (api_.type(c.base) ? type(Type::external(c.base)) : class_id(c.base));
  if (c.ordered) base += (base.empty() ? " : " : ", ") + std::string("IComparable<") + id + ">";
  auto b = w_.block("public class " + id + base);
  bool first = true;
  for (const auto& f : c.fields) {
    std::string n = member_name(f.name);
    if (f.name.starts_with("_")) w_.line("private " + type(f.type) + " " + n + ";");
    else w_.line("public " + type(f.type) + " " + n + " { get; set; }");
    first = false;
  }
  // Dataclass and exception constructors assign their parameters.
  ctor_fields_.clear();
  owner_is_exception_ = c.is_exception;
  for (const auto& m : c.methods) {
    if (!m.is_constructor || !m.body.empty()) continue;
    for (const auto& p : m.params)
      if (!(c.is_exception && p.name == "message")) ctor_fields_.emplace_back(member_name(p.name), camel_case(p.name));
  }
  for (const auto& m : c.methods) {
    if (!first) w_.blank();
    first = false;
    function(m, c.name);
  }
  if (c.is_dataclass) {
    bool has_str = false;
    for (const auto& m : c.methods) has_str = has_str || m.name == "__str__" || m.name == "__repr__";
    if (!has_str) {
      // A dataclass prints as `Point(x=1, y=2)`.
      std::string s = "$\"" + c.name + "(";
      for (size_t i = 0; i < c.fields.size(); ++i)
        s += (i ? ", " : "") + c.fields[i].name + "={Py.Repr(" + member_name(c.fields[i].name) + ")}";
      w_.blank();
      w_.line("public override string ToString() => " + s + ")\";");
    }
    if (c.value_eq) {
      // A dataclass's == compares its fields (and its class), as Python's does.
      use("System");
      use("System.Collections.Generic");
      std::string same = "obj is " + id + " other && obj.GetType() == GetType()";
      std::string hash = "var h = new HashCode();";
      for (const auto& f : c.fields) {
        std::string n = member_name(f.name), t = type(f.type);
        same += " && EqualityComparer<" + t + ">.Default.Equals(" + n + ", other." + n + ")";
        hash += " h.Add(" + n + ");";
      }
      w_.blank();
      w_.line("public override bool Equals(object obj) => " + same + ";");
      w_.line("public override int GetHashCode() { " + hash + " return h.ToHashCode(); }");
      w_.line(fmt::format("public static bool operator ==({0} a, {0} b) => a is null ? b is null : a.Equals(b);", id));
      w_.line(fmt::format("public static bool operator !=({0} a, {0} b) => !(a == b);", id));
    }
    if (c.ordered) {
      // order=True: the fields compared as a tuple, with Python's ordering.
      use("System");
      w_.blank();
      {
        auto b = w_.block("public int CompareTo(" + id + " other)");
        w_.line("int c = 0;");
        for (const auto& f : c.fields)
          w_.line("if (c == 0) c = Py.Compare(" + member_name(f.name) + ", other." + member_name(f.name) + ");");
        w_.line("return c;");
      }
      for (const char* op : {"<", ">", "<=", ">="})
        w_.line(fmt::format("public static bool operator {}({} a, {} b) => a.CompareTo(b) {} 0;", op, id, id, op));
    }
  }
  ctor_fields_.clear();
  owner_is_exception_ = false;
}

void CsEmitter::module_var(const ModuleVar& v) {
  for (const auto& c : v.comments) w_.comment(c, "//");
  std::string tail = v.trailing_comment.empty() ? "" : " //" + v.trailing_comment;
  std::string n = pascal_case(v.name);
  try {
    std::string value = expr(*v.value).text;
    if (v.constant) w_.line("public const " + type(v.type) + " " + n + " = " + value + ";" + tail);
    else if (v.reassigned) w_.line("public static " + type(v.type) + " " + n + " = " + value + ";" + tail);
    else w_.line("public static readonly " + type(v.type) + " " + n + " = " + value + ";" + tail);
  } catch (const Unsupported& u) {
    diags_.push_back({u.pos, u.what, u.end});
    todo(u.what, v.name + " = ...");
  }
}

std::string CsEmitter::module(const Module& m, const BackendOptions& options) {
  module_cancels_ = m.cancels;
  module_detaches_ = m.detaches;
  module_concurrent_ = m.concurrent;
  name_classes(m);
  // Names first: the entry is Main; a Python `main` that is not the entry is MainAsync.
  bool synthesized_entry = false;
  for (const auto& item : m.items) {
    if (item.function && item.function->is_entry && item.function->name == "__main__") synthesized_entry = true;
    if (item.klass) class_names_.insert(item.klass->name);
    if (item.klass && item.klass->is_exception) exception_classes_.insert(item.klass->name);
    if (item.klass) {
      class_bases_[item.klass->name] = item.klass->base;
      for (const auto& method : item.klass->methods) class_methods_[item.klass->name].insert(method.name);
    }
  }
  for (const auto& item : m.items) {
    if (!item.function) continue;
    std::string n = pascal_case(item.function->name);
    if (item.function->is_entry) n = "Main";
    else if (n == "Main" && synthesized_entry) n = "MainAsync";
    if (class_names_.count(n)) n += "Async";
    function_names_[item.function->name] = n;
  }
  {
    doc(m.doc);
    auto program = w_.block(options.partial ? "public static partial class Program" : "public static class Program");
    bool first = true;
    for (size_t i = 0; i < m.items.size(); ++i) {
      const ModuleItem& item = m.items[i];
      if (options.items && !(*options.items)[i]) continue;
      if (item.var) {
        module_var(*item.var);
        first = false;
        continue;
      }
      if (item.stmt) {
        if (item.stmt->kind == StmtKind::Comment) w_.comment(item.stmt->text, "//");
        else {
          w_.blank();
          todo(item.stmt->text, item.stmt->python);
        }
        continue;
      }
      if (!first) w_.blank();
      first = false;
      if (item.function) {
        function(*item.function, "Program");
      } else if (item.klass) {
        CodeWriter saved = w_;
        try {
          klass(*item.klass);
        } catch (const Unsupported& u) {
          w_ = std::move(saved);
          diags_.push_back({u.pos.line ? u.pos : item.klass->pos, u.what, u.end});
          todo(u.what, "class " + item.klass->name);
        }
      }
    }
    if (options.with_trailing_comments)
      for (const auto& c : m.trailing_comments) w_.comment(c, "//");
    if (needs_http_ && !options.partial) {
      w_.blank();
      w_.line("// One HttpClient for the whole program, as .NET recommends.");
      w_.line("private static readonly HttpClient http = new();");
      use("System.Net.Http");
    }
  }
  std::string body = w_.str();
  std::string helpers = options.partial ? "" : runtime_helpers(body, "    ");
  for (const auto& r : kUsingRules)
    if ((body + helpers).find(r.token) != std::string::npos) use(r.ns);
  std::string out = "// Translated from " + options.source_name + " by asynctranslate.\n#nullable disable\n\n";
  // System first, then the rest alphabetically, as `dotnet format` orders them.
  if (usings_.count("System")) out += "using System;\n";
  for (const auto& u : usings_)
    if (u != "System") out += "using " + u + ";\n";
  out += "\n";
  if (!options.namespace_name.empty()) out += "namespace " + options.namespace_name + ";\n\n";
  out += body;
  if (!helpers.empty()) out += "\n" + helpers;
  return out;
}

class CsBackend final : public Backend {
 public:
  explicit CsBackend(const ApiTable& api) : api_(api) {}
  std::string emit(const Module& m, const BackendOptions& options, std::vector<TranslateDiagnostic>& diags) override {
    CsEmitter e(api_, diags);
    return e.module(m, options);
  }
  std::vector<EmittedFile> emit_package(const Module& m, const std::vector<PackagePart>& parts, const std::string& package,
                                        const std::string& ns, std::vector<TranslateDiagnostic>& diags) override {
    return package_files(api_, m, parts, package, ns, diags);
  }

 private:
  const ApiTable& api_;
};

}  // namespace asl::tr::cs

namespace asl::tr {
std::unique_ptr<Backend> make_cs_backend(const ApiTable& api) { return std::make_unique<cs::CsBackend>(api); }
}  // namespace asl::tr
