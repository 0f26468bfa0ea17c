// Statements.
#include <fmt/format.h>

#include "translate/cpp/cpp_emitter.h"

namespace asl::tr::cpp {

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
        std::string kw = fn_ && fn_->is_async ? "co_return" : "return";
        simple(s, s.value ? kw + " " + expr(*s.value).text + ";" : kw + ";");
        return;
      }
      case StmtKind::Yield: simple(s, "co_yield " + expr(*s.value).text + ";"); return;
      case StmtKind::If: if_stmt(s); return;
      case StmtKind::While: {
        auto b = w_.block("while (" + expr(*s.value).text + ")");
        block(s.body);
        return;
      }
      case StmtKind::ForEach: for_each(s); return;
      case StmtKind::ForRange: for_range(s); return;
      case StmtKind::Break: simple(s, "break;"); return;
      case StmtKind::Continue: simple(s, "continue;"); return;
      case StmtKind::Try: try_stmt(s); return;
      case StmtKind::Raise: raise(s); return;
      case StmtKind::With: {
        auto b = w_.block("");
        with_stmt(s, 0);
        return;
      }
      case StmtKind::LocalFunction: throw Unsupported{s.pos, "a function defined inside a function"};
    }
  } catch (const Unsupported& u) {
    w_ = std::move(saved);
    diags_.push_back({u.pos, u.what});
    todo(u.what, s.python);
  }
}

void CppEmitter::declare(const Stmt& s) {
  const Expr& t = *s.target;
  std::string n = identifier(t.text);
  if (!s.value) {
    std::string ty = task_names_.count(t.text) && t.type.kind == TypeKind::Awaitable
                         ? "py::task<" + (t.type.arg(0).kind == TypeKind::None ? std::string("void") : type(t.type.arg(0), s.pos)) + ">"
                         : type(t.type, s.pos);
    simple(s, ty + " " + n + "{};");
    return;
  }
  const Expr& v = *s.value;
  if (is_task(v)) task_names_.insert(t.text);
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
  if (s.declare) simple(s, "auto [" + names + "] = " + expr(*s.value).text + ";");
  else simple(s, "std::tie(" + names + ") = " + expr(*s.value).text + ";");
}

void CppEmitter::if_stmt(const Stmt& s) {
  for (size_t i = 0; i < s.branches.size(); ++i) {
    const auto& [cond, body] = s.branches[i];
    auto b = w_.block((i ? "else if (" : "if (") + expr(*cond).text + ")");
    block(body);
  }
  if (!s.orelse.empty()) {
    auto b = w_.block("else");
    block(s.orelse);
  }
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
  auto name_of = [&](const Expr& t) {
    if (t.kind == ExprKind::Name) return identifier(t.text);
    std::string tmp = "item" + std::to_string(++temp_counter_), names;
    for (size_t i = 0; i < t.items.size(); ++i) names += (i ? ", " : "") + identifier(t.items[i]->text);
    inner.push_back("const auto& [" + names + "] = " + tmp + ";");
    return tmp;
  };
  if (s.targets.size() == 1) {
    target = (s.targets[0]->text == "_" ? "[[maybe_unused]] const auto& " : "const auto& ") + name_of(*s.targets[0]);
  } else {
    target = "const auto& [";
    for (size_t i = 0; i < s.targets.size(); ++i) target += (i ? ", " : "") + name_of(*s.targets[i]);
    target += "]";
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
    case WithKind::TaskGroup: {
      if (name.empty()) name = "group" + std::to_string(++temp_counter_);
      w_.line("py::TaskGroup " + name + ";" + tail);
      with_stmt(s, index + 1);
      w_.line("co_await " + name + ".join();");
      return;
    }
  }
}

}  // namespace asl::tr::cpp
