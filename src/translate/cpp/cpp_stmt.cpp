// Statements.
#include <algorithm>

#include <fmt/format.h>

#include "translate/cpp/cpp_emitter.h"

namespace asl::tr::cpp {

namespace {

// Names a function uses and binds, for the free variables of a nested one.
struct Names {
  std::vector<std::string> used;  // in order of first use
  std::map<std::string, const Expr*> first;  // the first Name expression of each (its type)
  std::set<std::string> bound;
  bool self = false;  // uses the enclosing method's object
  void use(const std::string& n, const Expr* e) {
    if (first.emplace(n, e).second) used.push_back(n);
  }
};

void expr_names(const Expr& e, Names& n) {
  if (e.kind == ExprKind::Name) {
    if (e.name_kind == NameKind::Local || e.name_kind == NameKind::Param) n.use(e.text, &e);
    if (e.name_kind == NameKind::Self || e.name_kind == NameKind::Field) n.self = true;
  }
  if (e.kind == ExprKind::Call && e.name_kind == NameKind::Local) n.use(e.text, nullptr);
  for (const auto& p : e.params) n.bound.insert(p.name);  // a lambda's
  for (const auto& c : e.clauses) {
    if (c.target->kind == ExprKind::Name) n.bound.insert(c.target->text);
    for (const auto& t : c.target->items) n.bound.insert(t->text);
    expr_names(*c.iter, n);
    for (const auto& x : c.conditions) expr_names(*x, n);
  }
  for (const auto& i : e.items)
    if (i) expr_names(*i, n);
  for (const auto& a : e.args)
    if (a.value) expr_names(*a.value, n);
  for (const auto& p : e.parts)
    if (p.expr) expr_names(*p.expr, n);
  if (e.object) expr_names(*e.object, n);
}

Names free_names(const Function& f);

void block_names(const Block& b, Names& n) {
  for (const auto& s : b) {
    if (s->kind == StmtKind::Declare) n.bound.insert(s->target->text);
    if (s->kind == StmtKind::ForEach || s->kind == StmtKind::ForRange || (s->kind == StmtKind::Unpack && s->declare))
      for (const auto& t : s->targets) {
        if (t->kind == ExprKind::Name) n.bound.insert(t->text);
        for (const auto& x : t->items) n.bound.insert(x->text);
      }
    for (const auto& it : s->items)
      if (!it.name.empty()) n.bound.insert(it.name);
    for (const auto& h : s->handlers)
      if (!h.name.empty()) n.bound.insert(h.name);
    if (s->kind == StmtKind::LocalFunction) {
      // What a nested function uses from outside it, it uses from here.
      n.bound.insert(s->function->name);
      Names inner = free_names(*s->function);
      for (const auto& u : inner.used) n.use(u, inner.first[u]);
      n.self = n.self || inner.self;
      continue;
    }
    for (const auto* e : {s->target.get(), s->value.get(), s->cause.get()})
      if (e) expr_names(*e, n);
    for (const auto& t : s->targets) expr_names(*t, n);
    for (const auto& r : s->range_args)
      if (r) expr_names(*r, n);
    for (const auto& it : s->items) expr_names(*it.value, n);
    for (const auto& br : s->branches) {
      expr_names(*br.first, n);
      block_names(br.second, n);
    }
    for (const auto& h : s->handlers) block_names(h.body, n);
    block_names(s->body, n);
    block_names(s->orelse, n);
    block_names(s->finally_body, n);
  }
}

// Python's free variables of a function: names it uses that enclosing functions bind.
Names free_names(const Function& f) {
  Names n;
  for (const auto& p : f.params) n.bound.insert(p.name);
  block_names(f.body, n);
  Names out;
  out.self = n.self;
  for (const auto& u : n.used)
    if (!n.bound.count(u)) out.use(u, n.first[u]);
  return out;
}

// Whether a block assigns the name again (or a nested function does, `nonlocal`).
bool block_rebinds(const Block& b, const std::string& name) {
  for (const auto& s : b) {
    if (s->kind == StmtKind::Assign && s->target->kind == ExprKind::Name && s->target->text == name) return true;
    if (s->kind == StmtKind::Unpack && !s->declare)
      for (const auto& t : s->targets)
        if (t->text == name) return true;
    if (s->function && block_rebinds(s->function->body, name)) return true;
    for (const auto& br : s->branches)
      if (block_rebinds(br.second, name)) return true;
    for (const auto& h : s->handlers)
      if (block_rebinds(h.body, name)) return true;
    if (block_rebinds(s->body, name) || block_rebinds(s->orelse, name) || block_rebinds(s->finally_body, name)) return true;
  }
  return false;
}

// Whether an expression refers to the local `name` as a value (not a call of it).
bool expr_refers(const Expr& e, const std::string& name) {
  if (e.kind == ExprKind::Name && e.name_kind == NameKind::Local && e.text == name) return true;
  for (const auto& i : e.items)
    if (i && expr_refers(*i, name)) return true;
  for (const auto& a : e.args)
    if (a.value && expr_refers(*a.value, name)) return true;
  for (const auto& p : e.parts)
    if (p.expr && expr_refers(*p.expr, name)) return true;
  for (const auto& c : e.clauses)
    if (expr_refers(*c.iter, name)) return true;
  return e.object && expr_refers(*e.object, name);
}

// Whether a block uses the local function `name` as a value (only in `return`: returns it).
bool block_refers(const Block& b, const std::string& name, bool returns_only) {
  for (const auto& s : b) {
    if (s->kind == StmtKind::Return && s->value && expr_refers(*s->value, name)) return true;
    if (!returns_only) {
      for (const auto* e : {s->target.get(), s->value.get()})
        if (e && expr_refers(*e, name)) return true;
      for (const auto& it : s->items)
        if (expr_refers(*it.value, name)) return true;
      for (const auto& br : s->branches)
        if (expr_refers(*br.first, name)) return true;
    }
    for (const auto& br : s->branches)
      if (block_refers(br.second, name, returns_only)) return true;
    for (const auto& h : s->handlers)
      if (block_refers(h.body, name, returns_only)) return true;
    if (block_refers(s->body, name, returns_only) || block_refers(s->orelse, name, returns_only) ||
        block_refers(s->finally_body, name, returns_only))
      return true;
  }
  return false;
}

}  // namespace

bool CppEmitter::rebound(const std::string& name) const {
  for (const Function* f : scopes_)
    if (block_rebinds(f->body, name)) return true;
  return false;
}

// What a nested coroutine receives from the functions around it. A coroutine
// lambda's captures live in the closure object, not in the coroutine frame,
// and a started task can outlive both (C++ Core Guidelines CP.51): the lambda
// captures nothing and takes each variable as a parameter instead. Values
// are copied when the coroutine is called, except what is shared with the
// enclosing function as in Python: lists, dicts and sets, and variables
// assigned again (`nonlocal`, or later in the enclosing function), which are
// passed by reference and must outlive the coroutine, as for module functions.
std::vector<CppEmitter::Capture> CppEmitter::captures(const Function& f) {
  Names names = free_names(f);
  std::vector<Capture> out;
  std::set<std::string> have;
  auto add = [&](Capture c) {
    if (have.insert(c.name).second) out.push_back(std::move(c));
  };
  if (names.self) {
    if (!class_) throw Unsupported{f.pos, "`self` in a nested coroutine outside a method"};
    // In a generator method's body (or a nested coroutine's) `self` is already a parameter.
    if (in_lambda_) add({"self", "auto self", "self"});
    else add({"self", identifier(class_->name) + "* self", "this"});
  }
  for (const auto& n : names.used) {
    if (n == f.name) throw Unsupported{f.pos, "a nested coroutine that calls itself"};
    std::string id = identifier(n);
    if (auto g = nested_.find(n); g != nested_.end()) {
      // Another nested coroutine: what it receives, and the lambda itself.
      for (const auto& c : g->second.captures) add(c);
      add({n, "auto " + id, id});
      continue;
    }
    const Expr* first = names.first[n];
    if (!first) {
      add({n, "auto " + id, id});  // a nested helper (a lambda) or a callable value
      continue;
    }
    const Type& t = first->type;
    bool task = task_names_.count(n) && t.kind == TypeKind::Awaitable;
    bool by_ref = t.kind == TypeKind::List || t.kind == TypeKind::Dict || t.kind == TypeKind::Set || rebound(n) ||
                  (t.kind == TypeKind::Awaitable && !task);
    std::string ty = task ? task_type(t.arg(0), f.pos)
                          : type(t, f.pos);
    add({n, ty + (by_ref ? "& " : " ") + id, id, by_ref});
  }
  return out;
}

// A function defined inside a function: a lambda. A plain one captures the
// enclosing variables by reference (it runs while they exist; one that calls
// itself is a std::function); a coroutine receives them as parameters.
void CppEmitter::local_function(const Stmt& s) {
  const Function& f = *s.function;
  if (f.is_generator && !f.is_async) throw Unsupported{f.pos, "generators (`yield` in a function that is not async)"};
  std::string name = identifier(f.name);
  std::string ret = f.result.kind == TypeKind::None && !f.is_async ? "void" : return_type(f);
  std::string head;
  std::vector<Capture> caps;
  bool lambda_self = in_lambda_;
  if (f.is_async) {
    caps = captures(f);
    std::string ps;
    for (const auto& c : caps) ps += (ps.empty() ? "" : ", ") + c.param;
    std::string own = params(f, true);
    if (!own.empty()) ps += (ps.empty() ? "" : ", ") + own;
    head = "auto " + name + " = [](" + ps + ") -> " + ret;
    for (const auto& c : caps) lambda_self = lambda_self || c.name == "self";
    // Returned, it would hand out references to variables that are gone.
    bool shares = false;
    for (const auto& c : caps) shares = shares || c.by_ref;
    if (shares && !scopes_.empty() && block_refers(scopes_.back()->body, f.name, true))
      throw Unsupported{f.pos, "a nested coroutine returned from its function while sharing its variables"};
  } else {
    Names names = free_names(f);
    bool recursive = std::find(names.used.begin(), names.used.end(), f.name) != names.used.end();
    // Used as a value (returned, stored, passed on), the helper may outlive
    // the enclosing variables: it copies them, unless it assigns them.
    std::string capture = "&";
    if (!scopes_.empty() && block_refers(scopes_.back()->body, f.name, false)) {
      for (const auto& n : names.used)
        if (n != f.name && block_rebinds(f.body, n))
          throw Unsupported{f.pos, fmt::format("a nested function used as a value that assigns `{}` of its enclosing function", n)};
      capture = names.self && !in_lambda_ ? "=, this" : "=";
    }
    if (recursive) {
      if (capture != "&") throw Unsupported{f.pos, "a nested function that calls itself, used as a value"};
      std::string types;
      for (const auto& p : f.params) types += (types.empty() ? "" : ", ") + type(p.type, p.pos);
      head = "std::function<" + ret + "(" + types + ")> " + name + " = [&](" + params(f, false) + ") -> " + ret;
    } else {
      head = "auto " + name + " = [" + capture + "](" + params(f, true) + ") -> " + ret;
    }
  }
  doc(f.doc);
  const Function* outer = fn_;
  bool outer_lambda = in_lambda_;
  auto outer_nested = nested_;
  fn_ = &f;
  in_lambda_ = lambda_self;
  scopes_.push_back(&f);
  auto restore = [&] {
    fn_ = outer;
    in_lambda_ = outer_lambda;
    nested_ = std::move(outer_nested);
    scopes_.pop_back();
  };
  try {
    note_tasks(f.body);
    auto b = w_.block(head, ";");
    size_t before = w_.str().size();
    block(f.body);
    std::string body = w_.str().substr(before);
    if (f.is_async && body.find("co_await") == std::string::npos && body.find("co_return") == std::string::npos &&
        body.find("co_yield") == std::string::npos)
      w_.line("co_return;");
  } catch (...) {
    restore();
    throw;
  }
  restore();
  if (f.is_async) nested_[f.name] = {&f, std::move(caps)};
  else nested_.erase(f.name);  // a helper shadowing a coroutine of an enclosing function
}

void CppEmitter::block(const Block& b) {
  for (const auto& s : b) stmt(*s);
}

// Whether emitting the code awaits (an `await`, or a mapping spelled with co_await).
bool CppEmitter::expr_awaits(const Expr& e) const {
  if (e.kind == ExprKind::Await) return true;
  if (e.kind == ExprKind::Lambda) return false;
  if (e.api) {
    const CppCall* c = cpp_.call(e.api);
    if (c && c->cpp.find("co_await") != std::string::npos) return true;
  }
  for (const auto& i : e.items)
    if (i && expr_awaits(*i)) return true;
  for (const auto& a : e.args)
    if (a.value && expr_awaits(*a.value)) return true;
  for (const auto& p : e.parts)
    if (p.expr && expr_awaits(*p.expr)) return true;
  return e.object && expr_awaits(*e.object);
}

bool CppEmitter::block_awaits(const Block& b) const {
  for (const auto& s : b) {
    // `co_yield` suspends too: C++ allows it neither in a handler nor in a finally lambda.
    if (s->is_async || s->kind == StmtKind::Yield) return true;
    for (const auto* e : {s->target.get(), s->value.get()})
      if (e && expr_awaits(*e)) return true;
    for (const auto& br : s->branches)
      if (expr_awaits(*br.first) || block_awaits(br.second)) return true;
    for (const auto& it : s->items)
      if (it.await_enter || it.kind == WithKind::Lock || it.kind == WithKind::TaskGroup || expr_awaits(*it.value)) return true;
    for (const auto& h : s->handlers)
      if (block_awaits(h.body)) return true;
    if (block_awaits(s->body) || block_awaits(s->orelse) || block_awaits(s->finally_body)) return true;
  }
  return false;
}

// Locals that hold started tasks are py::task<T>, not awaitables, even when
// declared before the assignment.
void CppEmitter::note_tasks(const Block& b) {
  for (const auto& s : b) {
    if ((s->kind == StmtKind::Assign || s->kind == StmtKind::Declare) && s->target && s->value &&
        s->target->kind == ExprKind::Name && is_task(*s->value))
      task_names_.insert(s->target->text);
    // `tasks = [create_task(...) for ...]`: a list of started tasks.
    if ((s->kind == StmtKind::Assign || s->kind == StmtKind::Declare) && s->target && s->value &&
        s->target->kind == ExprKind::Name && s->value->kind == ExprKind::Comprehension && s->value->text == "list" &&
        !s->value->items.empty() && is_task(*s->value->items[0]))
      task_lists_.insert(s->target->text);
    // `tasks.append(tg.create_task(...))`: a list of started tasks.
    if (s->kind == StmtKind::Expr && s->value && s->value->kind == ExprKind::ApiCall && s->value->api &&
        s->value->api->python == "builtins.list.append" && s->value->object && s->value->object->kind == ExprKind::Name &&
        !s->value->args.empty() && is_task(*s->value->args[0].value))
      task_lists_.insert(s->value->object->text);
    note_tasks(s->body);
    note_tasks(s->orelse);
    note_tasks(s->finally_body);
    for (const auto& br : s->branches) note_tasks(br.second);
    for (const auto& h : s->handlers) note_tasks(h.body);
  }
}

void CppEmitter::todo(const std::string& what, const std::string& python) {
  w_.comment("TODO(asynctranslate): " + what);
  if (!python.empty()) w_.comment(python, "//   ");
}

void CppEmitter::leading(const Stmt& s) {
  for (const auto& c : s.comments) w_.comment(c, "//");
  if (!s.note.empty() && !s.trailing_comment.empty()) w_.comment(s.note);
}

// One line statement with its trailing comment (or the translator's note).
void CppEmitter::simple(const Stmt& s, const std::string& code) {
  std::string tail = !s.trailing_comment.empty() ? "  //" + s.trailing_comment : !s.note.empty() ? "  // " + s.note : "";
  w_.line(code + tail);
}

void CppEmitter::stmt(const Stmt& s) {
  // Render into a scratch writer first, so that an unsupported construct
  // found halfway leaves only its TODO behind.
  CodeWriter saved = w_;
  try {
    if (s.blank_before) w_.blank();
    leading(s);
    switch (s.kind) {
      case StmtKind::Comment: w_.comment(s.text, "//"); return;
      case StmtKind::Todo: todo(s.text, s.python); return;
      case StmtKind::Expr: {
        const Expr& v = *s.value;
        // A coroutine object that nobody awaits never runs in Python either.
        if (v.type.kind == TypeKind::Awaitable && v.kind != ExprKind::Await && !is_task(v))
          throw Unsupported{s.pos, "a coroutine called without `await` (it would never run)"};
        simple(s, expr(v).text + ";");
        return;
      }
      case StmtKind::Declare: declare(s); return;
      case StmtKind::Assign: assign(s); return;
      case StmtKind::Unpack: unpack(s); return;
      case StmtKind::Return: {
        if (!timeouts_.empty() && timeouts_.back().function == fn_) {
          const TimeoutBlock& t = timeouts_.back();
          if (t.value && !s.value) throw Unsupported{s.pos, "a bare `return` in an `asyncio.timeout()` block of a function with a result"};
          simple(s, t.value ? t.returned + " = " + expr(*s.value).text + ";" : t.returned + " = true;");
          w_.line("co_return;");
          return;
        }
        std::string kw = fn_ && fn_->is_async ? "co_return" : "return";
        simple(s, s.value ? kw + " " + expr(*s.value).text + ";" : kw + ";");
        return;
      }
      case StmtKind::Yield: simple(s, "co_yield " + expr(*s.value).text + ";"); return;
      case StmtKind::If: if_stmt(s); return;
      case StmtKind::While: {
        ++loops_;
        struct Leave { int& n; ~Leave() { --n; } } leave{loops_};
        std::string c = expr(*s.value).text;
        if (c.find("co_await") == std::string::npos) {
          auto b = w_.block("while (" + c + ")");
          block(s.body);
          return;
        }
        auto b = w_.block("while (true)");
        w_.line("if (!" + condition(std::move(c)) + ") break;");
        block(s.body);
        return;
      }
      case StmtKind::ForEach:
      case StmtKind::ForRange: {
        ++loops_;
        struct Leave { int& n; ~Leave() { --n; } } leave{loops_};
        if (s.kind == StmtKind::ForEach) for_each(s);
        else for_range(s);
        return;
      }
      case StmtKind::Break: loop_exit(s, "break"); return;
      case StmtKind::Continue: loop_exit(s, "continue"); return;
      case StmtKind::Try: try_stmt(s); return;
      case StmtKind::Raise: raise(s); return;
      case StmtKind::With: {
        auto b = w_.block("");
        with_stmt(s, 0);
        return;
      }
      case StmtKind::LocalFunction: local_function(s); return;
    }
  } catch (const Unsupported& u) {
    w_ = std::move(saved);
    diags_.push_back({u.pos, u.what, u.end});
    todo(u.what, s.python);
  }
}

void CppEmitter::declare(const Stmt& s) {
  const Expr& t = *s.target;
  std::string n = identifier(t.text);
  bool task_list = task_lists_.count(t.text) && t.type.kind == TypeKind::List && t.type.arg(0).kind == TypeKind::Awaitable;
  std::string list = task_list ? "std::vector<" + task_type(t.type.arg(0).arg(0), s.pos) + ">" : "";
  if (!s.value) {
    std::string ty = task_names_.count(t.text) && t.type.kind == TypeKind::Awaitable
                         ? task_type(t.type.arg(0), s.pos)
                     : task_list ? list
                                 : type(t.type, s.pos);
    simple(s, ty + " " + n + "{};");
    return;
  }
  const Expr& v = *s.value;
  if (is_task(v)) task_names_.insert(t.text);
  if (task_list && v.kind == ExprKind::Comprehension) {
    simple(s, "auto " + n + " = " + expr(v).text + ";");
    return;
  }
  if (task_list) {
    if (v.kind != ExprKind::List || !v.items.empty())
      throw Unsupported{s.pos, "a list of started tasks that does not start empty"};
    simple(s, "auto " + n + " = " + list + "{};");
    return;
  }
  // `auto` when the value alone says the variable's type.
  bool plain = v.kind != ExprKind::Str && v.kind != ExprKind::None && v.kind != ExprKind::FString && v.kind != ExprKind::Conditional &&
               v.kind != ExprKind::Lambda && !(v.kind == ExprKind::BoolOp);
  bool use_auto = plain && (v.type == t.type || is_task(v));
  simple(s, (use_auto ? std::string("auto") : type(t.type, s.pos)) + " " + n + " = " + expr(v).text + ";");
}

void CppEmitter::assign(const Stmt& s) {
  const Expr& t = *s.target;
  const Expr& v = *s.value;
  std::string target;
  // `d[k] = v` inserts, where reading `d[k]` must find the key.
  if (t.kind == ExprKind::Subscript && t.items[0]->type.kind == TypeKind::Dict)
    target = wrap(*t.items[0], kPrimary) + "[" + expr(*t.items[1]).text + "]";
  else
    target = expr(t).text;
  if (s.op.empty()) {
    simple(s, target + " = " + expr(v).text + ";");
    return;
  }
  if (t.type.kind == TypeKind::List && s.op == "+") {
    simple(s, "py::extend(" + target + ", " + expr(v).text + ");");
    return;
  }
  bool ints = t.type.kind == TypeKind::Int && (v.type.kind == TypeKind::Int || v.type.kind == TypeKind::Bool);
  if (s.op == "/" && ints) throw Unsupported{s.pos, "`/=` on an int variable (the value becomes a float)"};
  if (s.op == "//" || s.op == "%" || s.op == "**") {
    Expr bin(ExprKind::Binary, t.type, s.pos);
    bin.text = s.op;
    bin.items.push_back(clone(t));
    bin.items.push_back(clone(v));
    simple(s, target + " = " + binary(bin).text + ";");
    return;
  }
  simple(s, target + " " + s.op + "= " + expr(v).text + ";");
}

void CppEmitter::unpack(const Stmt& s) {
  std::string names;
  for (size_t i = 0; i < s.targets.size(); ++i) names += (i ? ", " : "") + identifier(s.targets[i]->text);
  if (!s.declare) {
    simple(s, "std::tie(" + names + ") = " + expr(*s.value).text + ";");
    return;
  }
  // Declared names are copies of the parts, not structured bindings, which
  // clang 14 cannot capture in lambdas.
  std::string tmp = "unpacked" + std::to_string(++temp_counter_);
  simple(s, "auto " + tmp + " = " + expr(*s.value).text + ";");
  for (size_t i = 0; i < s.targets.size(); ++i)
    if (s.targets[i]->text != "_")
      w_.line("auto " + identifier(s.targets[i]->text) + " = std::get<" + std::to_string(i) + ">(" + tmp + ");");
}

// g++ 12 miscompiles a `co_await` inside an `if` or `while` condition (the
// awaitable's temporaries are destroyed too early: a crash at run time), so
// such a condition is computed into a variable first.
std::string CppEmitter::condition(std::string c) {
  if (c.find("co_await") == std::string::npos) return c;
  std::string v = "condition" + std::to_string(++temp_counter_);
  w_.line("const bool " + v + " = static_cast<bool>(" + c + ");");
  return v;
}

void CppEmitter::if_stmt(const Stmt& s) { if_from(s, 0, expr(*s.branches[0].first).text); }

void CppEmitter::if_from(const Stmt& s, size_t i, std::string cond) {
  {
    auto b = w_.block("if (" + condition(std::move(cond)) + ")");
    block(s.branches[i].second);
  }
  for (size_t j = i + 1; j < s.branches.size(); ++j) {
    std::string c = expr(*s.branches[j].first).text;
    if (c.find("co_await") != std::string::npos) {
      auto b = w_.block("else");
      if_from(s, j, std::move(c));
      return;
    }
    auto b = w_.block("else if (" + c + ")");
    block(s.branches[j].second);
  }
  if (!s.orelse.empty()) {
    auto b = w_.block("else");
    block(s.orelse);
  }
}

// One part of a tuple target: a reference to it, or (nested) its own parts.
void CppEmitter::part(const Expr& t, const std::string& from, std::vector<std::string>& out) {
  if (t.kind == ExprKind::Name) {
    if (t.text != "_") out.push_back("const auto& " + identifier(t.text) + " = " + from + ";");
    return;
  }
  std::string tmp = "item" + std::to_string(++temp_counter_);
  out.push_back("const auto& " + tmp + " = " + from + ";");
  tuple_parts(t, tmp, out);
}

void CppEmitter::tuple_parts(const Expr& t, const std::string& tuple, std::vector<std::string>& out) {
  for (size_t i = 0; i < t.items.size(); ++i) part(*t.items[i], "std::get<" + std::to_string(i) + ">(" + tuple + ")", out);
}

void CppEmitter::for_each(const Stmt& s) {
  // as_completed: a list of awaitables, each finishing in completion order.
  bool as_completed = s.value->kind == ExprKind::ApiCall && s.value->api && s.value->api->python == "asyncio.as_completed";
  bool generator = s.is_async && !as_completed;
  if (generator && s.value->type.kind != TypeKind::AsyncIterator)
    throw Unsupported{s.pos, "`async for` over something other than an async generator"};
  if (!s.orelse.empty()) throw Unsupported{s.pos, "`for ... else`"};
  std::string target;
  std::vector<std::string> inner;  // nested tuple targets, unpacked in the body
  // Tuple targets are references to the item's parts, not structured
  // bindings: clang 14 cannot capture those in the lambdas of comprehensions.
  if (s.targets.size() == 1 && s.targets[0]->kind == ExprKind::Name) {
    target = (s.targets[0]->text == "_" ? "[[maybe_unused]] const auto& " : "const auto& ") + identifier(s.targets[0]->text);
  } else {
    std::string tmp = "item" + std::to_string(++temp_counter_);
    target = "const auto& " + tmp;
    if (s.targets.size() == 1) tuple_parts(*s.targets[0], tmp, inner);
    else
      for (size_t i = 0; i < s.targets.size(); ++i) part(*s.targets[i], "std::get<" + std::to_string(i) + ">(" + tmp + ")", inner);
  }
  std::string iter = expr(*s.value).text;
  std::string head;
  if (generator) {
    // `async for`: next() gives each item until an empty optional; `continue`
    // and `break` keep their meaning in the C++ loop.
    std::string id = std::to_string(++temp_counter_), next = "next" + id;
    if (s.value->kind == ExprKind::Name) {
      head = "while (auto " + next + " = co_await " + iter + ".next())";
    } else {
      std::string source = "source" + id;
      head = "for (auto&& " + source + " = " + iter + "; auto " + next + " = co_await " + source + ".next();)";
    }
    inner.insert(inner.begin(), target + " = *" + next + ";");
  } else {
    if (s.value->type.kind == TypeKind::Dict) iter = wrap(*s.value, kPrimary) + ".keys()";
    if (as_completed) target = "auto& " + identifier(s.targets[0]->text);  // consumed by `await`
    head = "for (" + target + " : " + iter + ")";
  }
  if (!s.trailing_comment.empty()) head += "  //" + s.trailing_comment;
  auto b = w_.block(head);
  for (const auto& l : inner) w_.line(l);
  block(s.body);
}

void CppEmitter::for_range(const Stmt& s) {
  if (!s.orelse.empty()) throw Unsupported{s.pos, "`for ... else`"};
  std::string v = identifier(s.targets[0]->text);
  std::string start = expr(*s.range_args[0]).text;
  std::string stop = expr(*s.range_args[1]).text;
  std::string cond = " < ", step = "++" + v;
  if (const Expr* st = s.range_args[2].get()) {
    bool negative = st->kind == ExprKind::Unary && st->text == "-";
    if (!negative && st->kind != ExprKind::Int) throw Unsupported{st->pos, "range() with a step that is not a literal"};
    std::string amount = negative ? expr(*st->items[0]).text : st->text;
    cond = negative ? " > " : " < ";
    step = amount == "1" ? (negative ? "--" : "++") + v : v + (negative ? " -= " : " += ") + amount;
  }
  // The bound is evaluated once, as range() evaluates its arguments once.
  bool simple_stop = s.range_args[1]->kind == ExprKind::Int || s.range_args[1]->kind == ExprKind::Name;
  std::string head = simple_stop ? "for (int " + v + " = " + start + "; " + v + cond + stop + "; " + step + ")"
                                 : "for (int " + v + " = " + start + ", " + v + "_stop = " + stop + "; " + v + cond + v + "_stop; " + step + ")";
  if (!s.trailing_comment.empty()) head += "  //" + s.trailing_comment;
  auto b = w_.block(head);
  block(s.body);
}

void CppEmitter::raise(const Stmt& s) {
  if (s.cause && s.cause->kind != ExprKind::None) throw Unsupported{s.pos, "raise ... from <exception> (exception chaining)"};
  if (!s.value) {
    simple(s, rethrow_.empty() ? "throw;" : "std::rethrow_exception(" + rethrow_ + ");");
    return;
  }
  const Expr& v = *s.value;
  // `raise ValueError` (the class): an instance without a message.
  if (v.kind == ExprKind::Name && v.name_kind == NameKind::Exception) {
    simple(s, "throw " + type(v.type, s.pos) + "();");
    return;
  }
  simple(s, "throw " + expr(v).text + ";");
}

void CppEmitter::try_stmt(const Stmt& s) {
  auto handlers = [&] {
    for (const auto& h : s.handlers) {
      auto one = [&](const std::string& head) {
        auto b = w_.block(head);
        block(h.body);
      };
      std::string var = h.name.empty() ? "" : " " + identifier(h.name);
      if (h.types.empty()) {
        if (!h.name.empty()) one("catch (const py::BaseException&" + var + ")");
        else one("catch (...)");
        continue;
      }
      // C++ catches one type per handler: the body repeats for each.
      for (const auto& t : h.types) {
        std::string tn = t.kind == TypeKind::Extern && t.name == "builtins.Exception" ? "py::Exception" : type(t, h.pos);
        one("catch (const " + tn + "&" + var + ")");
      }
    }
  };
  auto has_await = [this](const Block& b) { return block_awaits(b); };
  bool handler_awaits = false;
  for (const auto& h : s.handlers) handler_awaits = handler_awaits || has_await(h.body);
  std::optional<CodeWriter::Block> outer;
  if (!s.finally_body.empty()) {
    // `finally` without awaits: a scope guard runs it however the scope ends.
    if (has_await(s.finally_body)) {
      std::function<bool(const Block&)> yields = [&](const Block& b) {
        for (const auto& x : b) {
          if (x->kind == StmtKind::Yield || yields(x->body) || yields(x->orelse) || yields(x->finally_body)) return true;
          for (const auto& br : x->branches)
            if (yields(br.second)) return true;
          for (const auto& h : x->handlers)
            if (yields(h.body)) return true;
        }
        return false;
      };
      throw Unsupported{s.pos, yields(s.finally_body) ? "`yield` inside `finally`" : "`await` inside `finally`"};
    }
    outer.emplace(w_, "", "");
    w_.line("py::finally cleanup([&] {");
    {
      auto in = w_.indent();
      block(s.finally_body);
    }
    w_.line("});");
  }
  if (handler_awaits) {
    if (!s.orelse.empty()) throw Unsupported{s.pos, "`try ... else` whose handlers await"};
    try_with_awaiting_handlers(s);
    return;
  }
  if (s.orelse.empty()) {
    if (s.handlers.empty()) {
      block(s.body);
      return;
    }
    {
      auto b = w_.block("try");
      block(s.body);
    }
    handlers();
    return;
  }
  // try/except/else: the else part runs only when the body completed, outside the handlers.
  std::string flag = "completed" + (temp_counter_++ ? std::to_string(temp_counter_) : std::string());
  w_.line("bool " + flag + " = false;");
  {
    auto b = w_.block("try");
    block(s.body);
    w_.line(flag + " = true;");
  }
  handlers();
  auto b = w_.block("if (" + flag + ")");
  block(s.orelse);
}

// C++ forbids co_await inside a catch block: the handler only records which
// clause matched, and the clause's body runs after the try statement.
void CppEmitter::try_with_awaiting_handlers(const Stmt& s) {
  std::string id = temp_counter_++ ? std::to_string(temp_counter_) : std::string();
  std::string error = "error" + id, which = "handler" + id;
  w_.line("std::exception_ptr " + error + ";");
  w_.line("int " + which + " = 0;");
  {
    auto b = w_.block("try");
    block(s.body);
  }
  std::vector<std::pair<int, const ExceptHandler*>> order;
  int n = 0;
  for (const auto& h : s.handlers) {
    ++n;
    std::vector<std::string> types;
    if (h.types.empty()) types.push_back("");
    for (const auto& t : h.types) types.push_back(t.kind == TypeKind::Extern && t.name == "builtins.Exception" ? "py::Exception" : type(t, h.pos));
    for (const auto& t : types) {
      auto b = w_.block(t.empty() ? "catch (...)" : "catch (const " + t + "&)");
      w_.line(error + " = std::current_exception();");
      w_.line(which + " = " + std::to_string(n) + ";");
    }
    order.emplace_back(n, &h);
  }
  std::string saved = rethrow_;
  rethrow_ = error;
  for (const auto& [i, h] : order) {
    auto b = w_.block((i == 1 ? "if (" : "else if (") + which + " == " + std::to_string(i) + ")");
    if (!h->name.empty()) {
      std::string t = h->types.size() == 1 ? (h->types[0].kind == TypeKind::Extern && h->types[0].name == "builtins.Exception" ? "py::Exception" : type(h->types[0], h->pos))
                                           : "py::BaseException";
      w_.line("const auto " + identifier(h->name) + " = py::caught<" + t + ">(" + error + ");");
    }
    block(h->body);
  }
  rethrow_ = saved;
}

void CppEmitter::with_stmt(const Stmt& s, size_t index) {
  if (index == s.items.size()) {
    block(s.body);
    return;
  }
  const WithItem& it = s.items[index];
  std::string value = expr(*it.value).text;
  std::string name = it.name.empty() ? "" : identifier(it.name);
  std::string tail = !s.trailing_comment.empty() && index == 0 ? "  //" + s.trailing_comment : "";
  switch (it.kind) {
    case WithKind::Dispose:
    case WithKind::AsyncDispose: {
      // The object lives until the end of the scope (RAII closes it).
      if (it.await_enter) value = "co_await " + value;
      if (name.empty()) name = "scope" + std::to_string(++temp_counter_);
      w_.line("auto " + name + " = " + value + ";" + tail);
      with_stmt(s, index + 1);
      return;
    }
    case WithKind::Lock: {
      // The guard releases the lock when the scope ends, exception or not.
      if (!name.empty()) w_.line("auto " + name + " = " + value + ";");
      std::string guard = "guard" + (temp_counter_++ ? std::to_string(temp_counter_) : std::string());
      w_.line("auto " + guard + " = co_await " + (name.empty() ? value : name) + ".hold();" + tail);
      with_stmt(s, index + 1);
      return;
    }
    case WithKind::Timeout:
      timeout_block(s, index, value);
      return;
    case WithKind::TaskGroup: {
      if (name.empty()) name = "group" + std::to_string(++temp_counter_);
      w_.line("py::TaskGroup " + name + ";" + tail);
      with_stmt(s, index + 1);
      w_.line("co_await " + name + ".join();");
      return;
    }
  }
}

namespace {
// A `return` of the block itself (not of a function defined in it).
bool block_returns(const Block& b) {
  for (const auto& s : b) {
    if (s->kind == StmtKind::Return) return true;
    if (s->kind == StmtKind::LocalFunction) continue;
    for (const auto& br : s->branches)
      if (block_returns(br.second)) return true;
    for (const auto& h : s->handlers)
      if (block_returns(h.body)) return true;
    if (block_returns(s->body) || block_returns(s->orelse) || block_returns(s->finally_body)) return true;
  }
  return false;
}
}  // namespace

// The block runs as a coroutine of its own raced against the deadline (as
// wait_for runs its operation), so the deadline cancels its pending await.
void CppEmitter::timeout_block(const Stmt& s, size_t index, const std::string& scope) {
  if (fn_ && fn_->is_generator) throw Unsupported{s.pos, "`asyncio.timeout()` in an async generator"};
  TimeoutBlock t{fn_, loops_, "", false};
  if (block_returns(s.body)) {
    t.returned = "returned" + std::to_string(++temp_counter_);
    t.value = fn_ && fn_->result.kind != TypeKind::None;
    w_.line(t.value ? "std::optional<" + type(fn_->result, s.pos) + "> " + t.returned + ";" : "bool " + t.returned + " = false;");
  }
  std::string tail = !s.trailing_comment.empty() && index == 0 ? "  //" + s.trailing_comment : "";
  timeouts_.push_back(t);
  struct Pop { std::vector<TimeoutBlock>& v; ~Pop() { v.pop_back(); } } pop{timeouts_};
  {
    auto b = w_.block("co_await " + scope + ".run([&]() -> boost::asio::awaitable<void>" + tail, "());");
    with_stmt(s, index + 1);
  }
  if (!t.returned.empty()) w_.line(t.value ? "if (" + t.returned + ") co_return std::move(*" + t.returned + ");"
                                          : "if (" + t.returned + ") co_return;");
}

void CppEmitter::loop_exit(const Stmt& s, const char* keyword) {
  if (!timeouts_.empty() && timeouts_.back().function == fn_ && timeouts_.back().loops == loops_)
    throw Unsupported{s.pos, fmt::format("`{}` out of an `async with asyncio.timeout()` block", keyword)};
  simple(s, std::string(keyword) + ";");
}

}  // namespace asl::tr::cpp
