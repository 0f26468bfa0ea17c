// Statements.
#include <fmt/format.h>

#include "translate/cpp/cpp_emitter.h"

namespace asl::tr::cpp {

void CppEmitter::block(const Block& b) {
  for (const auto& s : b) stmt(*s);
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
      case StmtKind::Yield: throw Unsupported{s.pos, "generators (`yield`)"};
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
    simple(s, type(t.type, s.pos) + " " + n + "{};");
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
  if (s.is_async) throw Unsupported{s.pos, "`async for` (async iterators)"};
  if (!s.orelse.empty()) throw Unsupported{s.pos, "`for ... else`"};
  std::string target;
  if (s.targets.size() == 1) {
    target = "const auto& " + identifier(s.targets[0]->text);
  } else {
    target = "const auto& [";
    for (size_t i = 0; i < s.targets.size(); ++i) target += (i ? ", " : "") + identifier(s.targets[i]->text);
    target += "]";
  }
  std::string iter = expr(*s.value).text;
  if (s.value->type.kind == TypeKind::Dict) iter = wrap(*s.value, kPrimary) + ".keys()";
  // as_completed yields awaitables that are consumed by `await`.
  if (s.value->kind == ExprKind::ApiCall && s.value->api && s.value->api->python == "asyncio.as_completed")
    target = "auto& " + identifier(s.targets[0]->text);
  std::string head = "for (" + target + " : " + iter + ")";
  if (!s.trailing_comment.empty()) head += "  //" + s.trailing_comment;
  auto b = w_.block(head);
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
    simple(s, "throw;");
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
  auto has_await = [](const Block& b) {
    std::function<bool(const Block&)> walk = [&](const Block& blk) {
      for (const auto& st : blk) {
        if (st->python.find("await") != std::string::npos) return true;
        if (walk(st->body) || walk(st->orelse) || walk(st->finally_body)) return true;
      }
      return false;
    };
    return walk(b);
  };
  std::optional<CodeWriter::Block> outer;
  if (!s.finally_body.empty()) {
    // `finally` without awaits: a scope guard runs it however the scope ends.
    if (has_await(s.finally_body)) throw Unsupported{s.pos, "`await` inside `finally`"};
    outer.emplace(w_, "", "");
    w_.line("py::finally cleanup([&] {");
    {
      auto in = w_.indent();
      block(s.finally_body);
    }
    w_.line("});");
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
