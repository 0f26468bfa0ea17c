// The file: runtime includes, the module in a namespace (forward declarations
// first, as C++ needs names declared before use), and `int main()`.
#include <fmt/format.h>

#include "translate/cpp/cpp_emitter.h"
#include "translate/ir_walk.h"

namespace asl::tr::cpp {

std::string CppEmitter::function_name(const std::string& python) const {
  auto it = function_names_.find(python);
  return it != function_names_.end() ? it->second : identifier(python);
}

void CppEmitter::doc(const std::string& text) {
  if (text.empty()) return;
  std::vector<std::string> lines;
  size_t b = 0;
  while (b <= text.size()) {
    size_t e = text.find('\n', b);
    std::string l = text.substr(b, e == std::string::npos ? std::string::npos : e - b);
    size_t s = l.find_first_not_of(' ');
    lines.push_back(s == std::string::npos ? "" : l.substr(s));
    if (e == std::string::npos) break;
    b = e + 1;
  }
  while (!lines.empty() && lines.front().empty()) lines.erase(lines.begin());
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  for (const auto& l : lines) w_.comment(l, "//");
}

namespace {

bool is_container(const Type& t) {
  return t.kind == TypeKind::List || t.kind == TypeKind::Dict || t.kind == TypeKind::Set;
}

// Whether the function changes the list/dict/set a parameter refers to.
bool expr_mutates(const Expr& e, const std::string& name) {
  if (e.kind == ExprKind::ApiCall && e.object && e.object->kind == ExprKind::Name && e.object->text == name && e.api) {
    static const char* const kMutators[] = {"append", "extend", "insert", "pop", "remove", "clear", "sort", "reverse",
                                            "setdefault", "add", "discard"};
    std::string m = e.api->python.substr(e.api->python.rfind('.') + 1);
    for (const char* k : kMutators)
      if (m == k) return true;
  }
  for (const auto& i : e.items)
    if (i && expr_mutates(*i, name)) return true;
  for (const auto& a : e.args)
    if (a.value && expr_mutates(*a.value, name)) return true;
  return e.object && expr_mutates(*e.object, name);
}

// Whether a parameter is handed on to a function of the module (whose own
// parameter may need it mutable).
bool expr_hands_on(const Expr& e, const std::string& name) {
  if (e.kind == ExprKind::Call || e.kind == ExprKind::MethodCall || e.kind == ExprKind::New)
    for (const auto& a : e.args)
      if (a.value && a.value->kind == ExprKind::Name && a.value->text == name) return true;
  for (const auto& i : e.items)
    if (i && expr_hands_on(*i, name)) return true;
  for (const auto& a : e.args)
    if (a.value && expr_hands_on(*a.value, name)) return true;
  for (const auto& p : e.parts)
    if (p.expr && expr_hands_on(*p.expr, name)) return true;
  return e.object && expr_hands_on(*e.object, name);
}

bool block_hands_on(const Block& b, const std::string& name) {
  for (const auto& s : b) {
    for (const Expr* e : {s->target.get(), s->value.get()})
      if (e && expr_hands_on(*e, name)) return true;
    for (const auto& br : s->branches)
      if ((br.first && expr_hands_on(*br.first, name)) || block_hands_on(br.second, name)) return true;
    for (const auto& h : s->handlers)
      if (block_hands_on(h.body, name)) return true;
    if (block_hands_on(s->body, name) || block_hands_on(s->orelse, name) || block_hands_on(s->finally_body, name)) return true;
  }
  return false;
}

bool block_mutates(const Block& b, const std::string& name) {
  for (const auto& s : b) {
    if (s->kind == StmtKind::Assign && s->target &&
        ((s->target->kind == ExprKind::Subscript && s->target->items[0]->kind == ExprKind::Name && s->target->items[0]->text == name) ||
         (s->target->kind == ExprKind::Name && s->target->text == name && !s->op.empty())))
      return true;
    for (const auto* e : {s->target.get(), s->value.get()})
      if (e && expr_mutates(*e, name)) return true;
    for (const auto& br : s->branches)
      if (expr_mutates(*br.first, name) || block_mutates(br.second, name)) return true;
    for (const auto& h : s->handlers)
      if (block_mutates(h.body, name)) return true;
    if (block_mutates(s->body, name) || block_mutates(s->orelse, name) || block_mutates(s->finally_body, name)) return true;
  }
  return false;
}

}  // namespace

// By value: a coroutine's parameters must outlive its suspensions, and
// library handles (queues, sessions) and class instances share state. A
// list/dict/set the function changes, or that a coroutine reads across its
// awaits (another task may change it meanwhile), is shared with the caller, as
// in Python: by reference (the caller's variable must outlive the call).
// A coroutine that only reads it takes it as `const&` (a loop variable can be
// passed), unless it hands it on to another function of the module.
// Whether `f` hands its parameter `name` to a function of the module that
// changes it (`outer(items)` calls `inner(items)`, which appends).
bool CppEmitter::mutates_through_calls(const Function& f, const std::string& name) const {
  if (!passing_visits_.insert({&f, name}).second) return false;  // recursion: decided by the other uses
  bool found = false;
  for_each_expr(f.body, [&](const Expr& e) {
    if (found || (e.kind != ExprKind::Call && e.kind != ExprKind::MethodCall)) return;
    const Function* callee = callee_of(e);
    if (!callee) return;
    size_t position = 0;
    for (const auto& a : e.args) {
      size_t at = position;
      if (a.name.empty()) ++position;
      else
        for (at = 0; at < callee->params.size() && callee->params[at].name != a.name; ++at) {
        }
      if (!a.value || a.value->kind != ExprKind::Name || a.value->text != name || at >= callee->params.size()) continue;
      if (passing(*callee, callee->params[at]) == Passing::Reference) found = true;
    }
  });
  passing_visits_.erase({&f, name});
  return found;
}

CppEmitter::Passing CppEmitter::passing(const Function& f, const Param& p) const {
  if (!is_container(p.type)) return Passing::Value;
  if (block_mutates(f.body, p.name) || mutates_through_calls(f, p.name)) return Passing::Reference;
  if (f.is_async && block_awaits(f.body) && !block_hands_on(f.body, p.name)) return Passing::ConstReference;
  return Passing::Value;
}

bool CppEmitter::by_reference(const Function& f, const Param& p) const { return passing(f, p) != Passing::Value; }

// A parameter the body uses as a started task (`task.result()`, `.done()`,
// `.cancel()`): its callers pass py::task<T>, not a coroutine.
bool CppEmitter::task_param(const Function& f, const Param& p) const {
  if (p.type.kind != TypeKind::Awaitable) return false;
  bool used = false;
  walk_block(const_cast<Block&>(f.body), [&](Expr& e) {
    if (e.kind == ExprKind::ApiCall && e.api && e.object && e.object->kind == ExprKind::Name && e.object->text == p.name &&
        (e.api->python.starts_with("asyncio.Task.") || e.api->python.starts_with("asyncio.Future.")))
      used = true;
  });
  return used;
}

std::string CppEmitter::params(const Function& f, bool with_defaults) {
  std::string s;
  for (const auto& p : f.params) {
    Passing how = passing(f, p);
    std::string ty = task_param(f, p) ? task_type(p.type.arg(0), p.pos) : type(p.type, p.pos);
    s += (s.empty() ? "" : ", ") + std::string(how == Passing::ConstReference ? "const " : "") + ty +
         (how != Passing::Value ? "& " : " ") + identifier(p.name);
    if (with_defaults && p.default_value) s += " = " + expr(*p.default_value).text;
  }
  return s;
}

void CppEmitter::prototype(const Function& f) {
  w_.line(return_type(f) + " " + function_name(f.name) + "(" + params(f, true) + ");");
}

void CppEmitter::function(const Function& f, const std::string& owner) {
  const Function* outer = fn_;
  bool outer_lambda = in_lambda_;
  auto outer_nested = nested_;
  fn_ = &f;
  scopes_.push_back(&f);
  // What holds tasks is known per function (a name may hold coroutines elsewhere).
  auto outer_tasks = task_names_, outer_task_lists = task_lists_;
  CodeWriter saved = w_;
  try {
    for (const auto& c : f.comments) w_.comment(c, "//");
    doc(f.doc);
    std::string head;
    bool in_class = !owner.empty();
    if (f.is_constructor) {
      head = identifier(owner) + "(" + params(f, true) + ")";
    } else if (f.name == "__str__" || f.name == "__repr__") {
      head = std::string("std::string ") + (f.name == "__str__" ? "str" : "repr") + "() const";
    } else {
      std::string name = in_class ? identifier(f.name) : function_name(f.name);
      std::string ps = params(f, in_class);
      // Python methods are all virtual: those of base classes are so in C++ too.
      bool overrides = false;
      if (in_class && class_)
        for (auto b = classes_.find(class_->base); b != classes_.end() && !overrides; b = classes_.find(b->second->base))
          for (const auto& m : b->second->methods) overrides = overrides || (m.name == f.name && !m.is_constructor);
      bool is_virtual = in_class && class_ && base_classes_.count(class_->name) && !f.is_static && !overrides;
      head = (in_class && f.is_static ? "static " : "") + std::string(is_virtual ? "virtual " : "") + return_type(f) + " " + name +
             "(" + ps + ")" + (overrides ? " override" : "");
      if (in_class && class_ && f.is_async && f.is_generator && !f.is_static) {
        // A generator runs after the call returns: its frame holds `self` as a
        // shared_ptr, as Python's holds a reference, rather than `this`. The
        // method hands it to a static overload that is the coroutine.
        if (class_->is_exception) throw Unsupported{f.pos, "an async generator method of an exception class"};
        std::string cls = identifier(class_->name);
        std::string self = self_pointer();
        for (const auto& p : f.params) self += ", " + identifier(p.name);
        {
          auto b = w_.block(head);
          w_.line("return " + name + "(" + self + ");");
        }
        w_.blank();
        std::string rest = params(f, false);
        head = "static " + return_type(f) + " " + name + "(std::shared_ptr<" + cls + "> self" + (rest.empty() ? "" : ", " + rest) + ")";
        in_lambda_ = true;
      }
    }
    // A constructor without a body (dataclass, exception) assigns its parameters.
    std::string init;
    if (f.is_constructor) {
      for (const auto& s : f.body)
        if (s->kind == StmtKind::Expr && s->value->kind == ExprKind::Call && s->value->text == "super().__init__")
          init = " : " + (class_ && api_.type(class_->base) ? type(Type::external(class_->base), f.pos) : identifier(class_ ? class_->base : "")) +
                 "(" + call_args(*s->value, base_ctor_params()) + ")";
      if (f.body.empty() && class_) {
        for (const auto& p : f.params) {
          if (class_->is_exception && p.name == "message") {
            init = " : " + std::string(api_.type(class_->base) ? type(Type::external(class_->base), f.pos) : identifier(class_->base)) + "(message)";
            continue;
          }
          init += (init.empty() ? " : " : ", ") + identifier(p.name) + "(" + identifier(p.name) + ")";
        }
      }
    }
    note_tasks(f.body);
    for (const auto& p : f.params)
      if (task_param(f, p)) task_names_.insert(p.name);
    size_t before = w_.str().size();
    {
      auto b = w_.block(head + init);
      for (const auto& s : f.body) {
        if (f.is_constructor && s->kind == StmtKind::Expr && s->value->kind == ExprKind::Call && s->value->text == "super().__init__") continue;
        stmt(*s);
      }
      // A coroutine needs a co_await or co_return to be one.
      std::string body = w_.str().substr(before);
      if (f.is_async && body.find("co_await") == std::string::npos && body.find("co_return") == std::string::npos &&
          body.find("co_yield") == std::string::npos)
        w_.line("co_return;");
    }
  } catch (const Unsupported& u) {
    w_ = std::move(saved);
    diags_.push_back({u.pos, u.what, u.end});
    todo(u.what, "def " + f.name + "(...)");
  }
  fn_ = outer;
  in_lambda_ = outer_lambda;
  nested_ = std::move(outer_nested);
  task_names_ = std::move(outer_tasks);
  task_lists_ = std::move(outer_task_lists);
  scopes_.pop_back();
}

// Parameters of the base class's constructor (for `super().__init__(...)`).
const std::vector<Param>* CppEmitter::base_ctor_params() const {
  if (!class_) return nullptr;
  for (auto c = classes_.find(class_->base); c != classes_.end(); c = classes_.find(c->second->base))
    for (const auto& m : c->second->methods)
      if (m.is_constructor) return &m.params;
  return nullptr;
}

void CppEmitter::klass(const Class& c) {
  class_ = &c;
  for (const auto& cm : c.comments) w_.comment(cm, "//");
  doc(c.doc);
  std::string base;
  if (c.is_exception) {
    base = " : public " + (api_.type(c.base) ? type(Type::external(c.base), c.pos) : identifier(c.base));
  } else if (!c.base.empty()) {
    base = " : public " + identifier(c.base);
  } else if (shared_roots_.count(c.name)) {
    base = " : public std::enable_shared_from_this<" + identifier(c.name) + ">";
  }
  {
    auto b = w_.block("struct " + identifier(c.name) + base, ";");
    if (c.is_exception) {
      std::string parent = api_.type(c.base) ? type(Type::external(c.base), c.pos) : identifier(c.base);
      w_.line("using " + parent + "::" + (parent.rfind("::") == std::string::npos ? parent : parent.substr(parent.rfind("::") + 2)) + ";");
      w_.line("const char* type_name() const noexcept override { return \"" + c.name + "\"; }");
    }
    for (const auto& f : c.fields) {
      std::string init = f.init ? " = " + expr(*f.init).text : "{}";
      if (f.init) w_.line(type(f.type, f.pos) + " " + identifier(f.name) + init + ";");
      else w_.line(type(f.type, f.pos) + " " + identifier(f.name) + "{};");
    }
    if (base_classes_.count(c.name) && !c.is_exception) {
      w_.blank();
      w_.line("virtual ~" + identifier(c.name) + "() = default;");
    }
    for (const auto& m : c.methods) {
      if (c.is_exception && m.is_constructor && m.body.empty()) continue;
      w_.blank();
      function(m, c.name);
    }
    if (c.is_dataclass) {
      bool has_repr = false;
      for (const auto& m : c.methods) has_repr = has_repr || m.name == "__repr__";
      if (!has_repr) {
        // A dataclass prints as `Point(x=1, y=2)`.
        std::string fmtstr = c.name + "(", args;
        for (size_t i = 0; i < c.fields.size(); ++i) {
          fmtstr += (i ? ", " : "") + c.fields[i].name + "={}";
          args += ", py::repr(" + identifier(c.fields[i].name) + ")";
        }
        w_.blank();
        w_.line("std::string repr() const { return fmt::format(\"" + fmtstr + ")\"" + args + "); }");
      }
    }
    if (c.value_eq || c.ordered) {
      // A dataclass compares its fields as a tuple: ==, and < with order=True.
      std::string fields;
      for (size_t i = 0; i < c.fields.size(); ++i) fields += (i ? ", " : "") + identifier(c.fields[i].name);
      std::string self = identifier(c.name);
      w_.blank();
      w_.line("auto as_tuple() const { return std::tie(" + fields + "); }");
      if (c.value_eq)
        w_.line("friend bool operator==(const " + self + "& a, const " + self + "& o) { return py::equal{}(a.as_tuple(), o.as_tuple()); }");
      if (c.ordered) {
        w_.line("friend bool operator<(const " + self + "& a, const " + self + "& o) { return py::less{}(a.as_tuple(), o.as_tuple()); }");
        w_.line("friend bool operator>(const " + self + "& a, const " + self + "& o) { return o < a; }");
        w_.line("friend bool operator<=(const " + self + "& a, const " + self + "& o) { return !(o < a); }");
        w_.line("friend bool operator>=(const " + self + "& a, const " + self + "& o) { return !(a < o); }");
      }
    }
  }
  class_ = nullptr;
}

void CppEmitter::module_var(const ModuleVar& v) {
  for (const auto& c : v.comments) w_.comment(c, "//");
  std::string tail = v.trailing_comment.empty() ? "" : "  //" + v.trailing_comment;
  std::string value = expr(*v.value).text;
  w_.line(std::string(v.constant ? "const " : "") + type(v.type, v.pos) + " " + identifier(v.name) + " = " + value + ";" + tail);
}

// What the emission of any item needs to know of the whole module.
const Function* CppEmitter::index(const Module& m) {
  const Function* entry = nullptr;
  for (const auto& item : m.items) {
    if (item.klass) {
      classes_[item.klass->name] = item.klass.get();
      if (!item.klass->base.empty()) base_classes_.insert(item.klass->base);
      if (item.klass->is_exception) exception_classes_.insert(item.klass->name);
    }
    if (item.function) {
      functions_[item.function->name] = item.function.get();
      if (item.function->is_entry) entry = item.function.get();
    }
  }
  // Classes with async generator methods hand out shared_ptrs to themselves:
  // the root of their hierarchy derives from enable_shared_from_this.
  // So do classes whose methods use `self` as a value (`self.on_done` as a
  // callback, `registry.add(self)`), where a shared_ptr of it is passed.
  auto self_as_value = [](const Function& f) {
    std::set<const Expr*> member_access;
    bool found = false;
    walk_block(const_cast<Block&>(f.body), [&](Expr& e) {
      if ((e.kind == ExprKind::Attribute || e.kind == ExprKind::MethodCall) && e.object) member_access.insert(e.object.get());
      if (e.kind == ExprKind::Name && e.name_kind == NameKind::Self && e.text != "super" && !member_access.count(&e))
        found = true;
    });
    return found;
  };
  for (const auto& [cname, c] : classes_) {
    for (const auto& f : c->methods) {
      if (f.is_static || !((f.is_async && f.is_generator) || (!c->is_exception && self_as_value(f)))) continue;
      std::string root = cname;
      for (auto b = classes_.find(c->base); b != classes_.end(); b = classes_.find(b->second->base)) root = b->first;
      shared_roots_.insert(root);
    }
  }
  // `main` is C++'s entry point: the Python one becomes async_main / sync_main.
  for (const auto& item : m.items) {
    if (!item.function) continue;
    const Function& f = *item.function;
    std::string n = identifier(f.name);
    if (f.name == "main" || f.name == "__main__") n = f.is_async ? "async_main" : "sync_main";
    function_names_[f.name] = n;
  }
  return entry;
}

std::string cpp_namespace(const std::string& name) {
  std::string ns = name.empty() ? "program" : name;
  for (auto& c : ns)
    if (c == '.') c = ':';  // `Cases.Foo` -> `Cases::Foo`
  for (size_t p = ns.find(':'); p != std::string::npos; p = ns.find(':', p + 2)) ns.insert(p, ":");
  return ns;
}

void CppEmitter::entry_point(const Function& entry, const std::string& ns) {
  auto b = w_.block("int main()");
  std::string call = ns + "::" + function_name(entry.name);
  if (entry.is_async) w_.line("return py::run(" + call + "());");
  else w_.line("return py::run_sync(" + call + ");");
}

// The runtime headers the code uses (each includes what it needs of Boost and fmt).
std::string runtime_includes(const std::string& body) {
  std::string out;
  bool http = body.find("py::http::") != std::string::npos || body.find("py::object") != std::string::npos;
  bool async = http || body.find("boost::asio") != std::string::npos || body.find("py::run(") != std::string::npos;
  bool generators = body.find("py::async_generator<") != std::string::npos;
  if (http) out += "#include <asynctranslate/http.hpp>\n";
  if (generators) out += "#include <asynctranslate/generator.hpp>\n";
  else if (async && !http) out += "#include <asynctranslate/async.hpp>\n";
  out += "#include <asynctranslate/collections.hpp>\n";
  if (body.find("py::random::") != std::string::npos) out += "#include <asynctranslate/random.hpp>\n";
  if (body.find("std::numbers::") != std::string::npos) out += "#include <numbers>\n";
  return out;
}

std::string CppEmitter::module(const Module& m, const BackendOptions& options) {
  const Function* entry = index(m);
  std::string ns = cpp_namespace(options.namespace_name);

  w_.line("namespace " + ns + " {");
  w_.blank();
  w_.line("using namespace std::string_literals;");
  w_.blank();
  // Declarations first: classes, then module variables and functions.
  bool any_class = false;
  for (const auto& item : m.items)
    if (item.klass) w_.line("struct " + identifier(item.klass->name) + ";"), any_class = true;
  if (any_class) w_.blank();
  bool any_var = false;
  for (const auto& item : m.items) {
    if (!item.var) continue;
    try {
      module_var(*item.var);
      any_var = true;
    } catch (const Unsupported& u) {
      diags_.push_back({u.pos, u.what, u.end});
      todo(u.what, item.var->name + " = ...");
    }
  }
  if (any_var) w_.blank();
  bool any_proto = false;
  for (const auto& item : m.items) {
    if (!item.function) continue;
    try {
      CodeWriter saved = w_;
      try {
        prototype(*item.function);
        any_proto = true;
      } catch (const Unsupported&) {
        w_ = std::move(saved);  // reported with the definition
      }
    } catch (...) {
    }
  }
  if (any_proto) w_.blank();
  for (const auto& item : m.items) {
    if (item.klass) {
      CodeWriter saved = w_;
      try {
        klass(*item.klass);
      } catch (const Unsupported& u) {
        w_ = std::move(saved);
        diags_.push_back({u.pos, u.what, u.end});
        todo(u.what, "class " + item.klass->name);
      }
      w_.blank();
    }
  }
  bool first = true;
  for (const auto& item : m.items) {
    if (item.stmt) {
      if (item.stmt->kind == StmtKind::Comment) w_.comment(item.stmt->text, "//");
      else {
        w_.blank();
        todo(item.stmt->text, item.stmt->python);
      }
      continue;
    }
    if (!item.function) continue;
    if (!first) w_.blank();
    first = false;
    function(*item.function, "");
  }
  for (const auto& c : m.trailing_comments) w_.comment(c, "//");
  w_.line("}  // namespace " + ns);
  if (entry) {
    w_.blank();
    entry_point(*entry, ns);
  }

  std::string body = w_.str();
  std::string out = "// Translated from " + options.source_name + " by asynctranslate.\n";
  if (!m.doc.empty()) {
    CodeWriter d;
    std::swap(d, w_);
    doc(m.doc);
    out += w_.str();
    std::swap(d, w_);
  }
  out += "\n" + runtime_includes(body);
  out += "\n" + body;
  return out;
}

class CppBackend final : public Backend {
 public:
  explicit CppBackend(const ApiTable& api) : api_(api) {}
  std::string emit(const Module& m, const BackendOptions& options, std::vector<TranslateDiagnostic>& diags) override {
    CppEmitter e(api_, builtin_cpp_api(), diags);
    return e.module(m, options);
  }
  std::vector<EmittedFile> emit_package(const Module& m, const std::vector<PackagePart>& parts, const std::string& package,
                                        const std::string& ns, std::vector<TranslateDiagnostic>& diags) override {
    return package_files(api_, m, parts, package, ns, diags);
  }

 private:
  const ApiTable& api_;
};

}  // namespace asl::tr::cpp

namespace asl::tr {
std::unique_ptr<Backend> make_cpp_backend(const ApiTable& api) { return std::make_unique<cpp::CppBackend>(api); }
}  // namespace asl::tr
