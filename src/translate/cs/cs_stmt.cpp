// Statements.
#include <cctype>
#include <fmt/format.h>

#include "translate/cs/cs_emitter.h"

namespace asl::tr::cs {

namespace {
// Whether C# accepts the expression as a statement: an invocation (it ends
// with the `)` of an argument list), an await, `new`, an assignment or ++/--.
bool statement_expression(const std::string& t) {
  if (t.starts_with("await ") || t.starts_with("new ") || t.ends_with("++") || t.ends_with("--")) return true;
  if (t.find(" = ") != std::string::npos || t.find(" += ") != std::string::npos) return true;
  if (!t.ends_with(")")) return false;
  int depth = 0;
  for (size_t i = t.size(); i-- > 0;) {
    if (t[i] == ')') ++depth;
    else if (t[i] == '(' && --depth == 0) {
      if (i == 0) return false;  // a parenthesized expression or a cast
      char b = t[i - 1];
      return std::isalnum(static_cast<unsigned char>(b)) || b == '_' || b == '>' || b == ']';
    }
  }
  return false;
}
}  // namespace

void CsEmitter::block(const Block& b) {
  for (size_t i = 0; i < b.size(); ++i) {
    // A statement is "last" when only comments follow it in its block.
    bool last = true;
    for (size_t j = i + 1; j < b.size(); ++j)
      if (b[j]->kind != StmtKind::Comment) last = false;
    stmt(*b[i], last);
  }
}

void CsEmitter::todo(const std::string& what, const std::string& python) {
  w_.comment("TODO(asynctranslate): " + what);
  if (!python.empty()) w_.comment(python, "//   ");
}

void CsEmitter::leading(const Stmt& s) {
  for (const auto& c : s.comments) w_.comment(c, "//");
  if (!s.note.empty() && !s.trailing_comment.empty()) w_.comment(s.note);
}

// One line statement with its trailing comment (or the translator's note).
void CsEmitter::simple(const Stmt& s, const std::string& code) {
  std::string tail = !s.trailing_comment.empty() ? " //" + s.trailing_comment : !s.note.empty() ? " // " + s.note : "";
  w_.line(code + tail);
}

void CsEmitter::stmt(const Stmt& s, bool last_in_block) {
  size_t mark = w_.str().size();
  (void)mark;
  try {
    if (s.blank_before) w_.blank();
    leading(s);
    switch (s.kind) {
      case StmtKind::Comment: w_.comment(s.text, "//"); return;
      case StmtKind::Todo: todo(s.text, s.python); return;
      case StmtKind::Expr: {
        Code c = expr(*s.value);
        // A started task that nobody awaits: discard it explicitly.
        bool discard = s.value->type.kind == TypeKind::Awaitable && s.value->kind != ExprKind::Await;
        // C# takes only calls, awaits, assignments and `new` as statements: a
        // value that is none of these (`loop.time()` as a property read) is discarded.
        if (!discard && s.value->type.kind != TypeKind::None && !statement_expression(c.text)) discard = true;
        simple(s, (discard ? "_ = " : "") + c.text + ";");
        return;
      }
      case StmtKind::Declare: declare(s); return;
      case StmtKind::Assign: assign(s); return;
      case StmtKind::Unpack: {
        std::string names;
        std::vector<const Expr*> all;
        for (const auto& t : s.targets) all.push_back(t.get());
        auto gone = overwritten_targets(all);
        for (size_t i = 0; i < s.targets.size(); ++i)
          names += (i ? ", " : "") + (gone.count(s.targets[i].get()) ? std::string("_") : expr(*s.targets[i]).text);
        simple(s, (s.declare ? "var (" : "(") + names + ") = " + expr(*s.value).text + ";");
        return;
      }
      case StmtKind::Return:
        if (fn_ && fn_->is_generator) simple(s, "yield break;");
        else simple(s, s.value ? "return " + expr(*s.value).text + ";" : "return;");
        return;
      case StmtKind::Yield: simple(s, "yield return " + expr(*s.value).text + ";"); return;
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
      case StmtKind::Raise: {
        if (s.cause && s.cause->kind != ExprKind::None)
          throw Unsupported{s.pos, "raise ... from <exception> (exception chaining)"};
        simple(s, s.value ? "throw " + expr(*s.value).text + ";" : "throw;");
        return;
      }
      case StmtKind::With: with_stmt(s, 0, last_in_block); return;
      case StmtKind::LocalFunction:
        // Calls and references name the local function as declared (PascalCase).
        function_names_[s.function->name] = pascal_case(s.function->name);
        function(*s.function, "", true);
        return;
    }
  } catch (const Unsupported& u) {
    // The emitter could not express it: keep the source, say why.
    diags_.push_back({u.pos, u.what, u.end});
    todo(u.what, s.python);
  }
}

void CsEmitter::declare(const Stmt& s) {
  const Expr& t = *s.target;
  std::string n = camel_case(t.text);
  if (!s.value) {
    simple(s, type(t.type) + " " + n + " = default;");
    return;
  }
  const Expr& v = *s.value;
  // `var` when the value alone says the variable's type.
  bool has_null = v.kind == ExprKind::None ||
                  (v.kind == ExprKind::Conditional && (v.items[0]->kind == ExprKind::None || v.items[2]->kind == ExprKind::None));
  bool use_var = v.type == t.type && !has_null && v.kind != ExprKind::Lambda;
  simple(s, (use_var ? "var" : type(t.type)) + " " + n + " = " + as_target(v, t.type) + ";");
}

// A value stored where a `list` is declared: gather's array becomes a List.
std::string CsEmitter::as_target(const Expr& v, const Type& target) {
  if (target.kind == TypeKind::List && v.type.kind == TypeKind::Array) {
    use("System.Linq");
    return wrap(v, kPrimary) + ".ToList()";
  }
  return expr(v).text;
}

void CsEmitter::assign(const Stmt& s) {
  const Expr& t = *s.target;
  const Expr& v = *s.value;
  std::string target = expr(t).text;
  if (s.op.empty()) {
    simple(s, target + " = " + as_target(v, t.type) + ";");
    return;
  }
  bool ints = (t.type.kind == TypeKind::Int) && (v.type.kind == TypeKind::Int || v.type.kind == TypeKind::Bool);
  if (t.type.kind == TypeKind::List && s.op == "+") {
    simple(s, target + ".AddRange(" + expr(v).text + ");");
    return;
  }
  if (s.op == "//" || s.op == "%" || s.op == "**" || (s.op == "/" && ints)) {
    Expr bin(ExprKind::Binary, t.type, s.pos);
    bin.text = s.op;
    bin.items.push_back(clone(t));
    bin.items.push_back(clone(v));
    if (s.op == "/" && ints) throw Unsupported{s.pos, "`/=` on an int variable (the value becomes a float)"};
    simple(s, target + " = " + binary(bin).text + ";");
    return;
  }
  simple(s, target + " " + s.op + "= " + expr(v).text + ";");
}

void CsEmitter::if_stmt(const Stmt& s) {
  for (size_t i = 0; i < s.branches.size(); ++i) {
    const auto& [cond, body] = s.branches[i];
    std::string head = (i ? "else if (" : "if (") + expr(*cond).text + ")";
    auto b = w_.block(head);
    block(body);
  }
  if (!s.orelse.empty()) {
    auto b = w_.block("else");
    block(s.orelse);
  }
}

void CsEmitter::for_each(const Stmt& s) {
  std::vector<const Expr*> all;
  for (const auto& t : s.targets) all.push_back(t.get());
  const auto gone = overwritten_targets(all);
  auto names = [&gone](auto&& self, const Expr& t) -> std::string {
    if (t.kind != ExprKind::Tuple) return gone.count(&t) ? std::string("_") : camel_case(t.text);
    std::string out = "(";
    for (size_t i = 0; i < t.items.size(); ++i) out += (i ? ", " : "") + self(self, *t.items[i]);
    return out + ")";
  };
  std::string target;
  if (s.targets.size() == 1) {
    target = "var " + names(names, *s.targets[0]);
  } else {
    target = "var (";
    for (size_t i = 0; i < s.targets.size(); ++i) target += (i ? ", " : "") + names(names, *s.targets[i]);
    target += ")";
  }
  std::string iter = expr(*s.value).text;
  if (s.value->type.kind == TypeKind::Dict) iter = wrap(*s.value, kPrimary) + ".Keys";
  // A dictionary's pairs deconstruct like tuples: `foreach (var (k, v) in d)`.
  if (s.value->kind == ExprKind::ApiCall && s.value->api->python == "builtins.dict.items" && s.targets.size() == 2)
    iter = expr(*s.value->object).text;
  std::string head = std::string(s.is_async ? "await foreach (" : "foreach (") + target + " in " + iter + ")";
  if (!s.trailing_comment.empty()) head += " //" + s.trailing_comment;
  auto b = w_.block(head);
  block(s.body);
}

void CsEmitter::for_range(const Stmt& s) {
  std::string v = camel_case(s.targets[0]->text);
  std::string start = expr(*s.range_args[0]).text;
  std::string stop = expr(*s.range_args[1]).text;
  std::string cond = " < ", step = v + "++";
  if (const Expr* st = s.range_args[2].get()) {
    bool negative = st->kind == ExprKind::Unary;
    std::string amount = negative ? st->items[0]->text : st->text;
    cond = negative ? " > " : " < ";
    step = amount == "1" ? v + (negative ? "--" : "++") : v + (negative ? " -= " : " += ") + amount;
  }
  std::string head = "for (var " + v + " = " + start + "; " + v + cond + stop + "; " + step + ")";
  if (!s.trailing_comment.empty()) head += " //" + s.trailing_comment;
  auto b = w_.block(head);
  block(s.body);
}

void CsEmitter::try_stmt(const Stmt& s) {
  auto handlers = [&] {
    for (const auto& h : s.handlers) {
      std::string head;
      std::string var = h.name.empty() ? "" : " " + camel_case(h.name);
      if (h.types.empty()) {
        head = h.name.empty() ? "catch" : "catch (Exception" + var + ")";
      } else if (h.types.size() == 1 && module_cancels_ && type(h.types[0]) == "Exception") {
        // CancelledError derives from BaseException: `except Exception` lets it through.
        std::string v = h.name.empty() ? "e" : camel_case(h.name);
        head = "catch (Exception " + v + ") when (" + v + " is not OperationCanceledException)";
      } else if (h.types.size() == 1) {
        head = "catch (" + type(h.types[0]) + var + ")";
      } else {
        std::string tests;
        std::string v = h.name.empty() ? "e" : camel_case(h.name);
        for (size_t i = 0; i < h.types.size(); ++i) tests += (i ? " or " : "") + type(h.types[i]);
        head = "catch (Exception " + v + ") when (" + v + " is " + tests + ")";
      }
      auto b = w_.block(head);
      block(h.body);
    }
  };
  if (s.orelse.empty()) {
    {
      auto b = w_.block("try");
      block(s.body);
    }
    handlers();
    if (!s.finally_body.empty()) {
      auto b = w_.block("finally");
      block(s.finally_body);
    }
    return;
  }
  // try/except/else: the else part runs only when the body completed, outside the handlers.
  std::string flag = "completed" + (temp_counter_++ ? std::to_string(temp_counter_) : std::string());
  auto emit_inner = [&] {
    w_.line("var " + flag + " = false;");
    {
      auto b = w_.block("try");
      block(s.body);
      w_.line(flag + " = true;");
    }
    handlers();
    auto b = w_.block("if (" + flag + ")");
    block(s.orelse);
  };
  if (s.finally_body.empty()) {
    emit_inner();
    return;
  }
  {
    auto b = w_.block("try");
    emit_inner();
  }
  auto b = w_.block("finally");
  block(s.finally_body);
}

void CsEmitter::with_stmt(const Stmt& s, size_t index, bool last_in_block) {
  if (index == s.items.size()) {
    block(s.body);
    return;
  }
  const WithItem& it = s.items[index];
  std::string value = expr(*it.value).text;
  if (it.await_enter) value = "await " + value;
  std::string name = it.name.empty() ? "" : camel_case(it.name);
  std::string tail = !s.trailing_comment.empty() && index == 0 ? " //" + s.trailing_comment : "";
  switch (it.kind) {
    case WithKind::Dispose:
    case WithKind::AsyncDispose: {
      std::string kw = it.kind == WithKind::AsyncDispose ? "await using " : "using ";
      std::string decl = name.empty() ? value : "var " + name + " = " + value;
      if (last_in_block) {
        // Disposing at the end of the enclosing block is the same moment here.
        w_.line(kw + decl + ";" + tail);
        with_stmt(s, index + 1, last_in_block);
        return;
      }
      auto b = w_.block(kw + "(" + decl + ")" + tail);
      with_stmt(s, index + 1, true);
      return;
    }
    case WithKind::Lock: {
      std::string lock = value;
      if (it.value->kind != ExprKind::Name && it.value->kind != ExprKind::Attribute) {
        lock = name.empty() ? "gate" + std::to_string(++temp_counter_) : name;
        w_.line("var " + lock + " = " + value + ";");
      } else if (!name.empty()) {
        w_.line("var " + name + " = " + value + ";");
      }
      w_.line("await " + lock + ".WaitAsync(" + token_ + ");" + tail);
      {
        auto b = w_.block("try");
        with_stmt(s, index + 1, true);
      }
      auto b = w_.block("finally");
      w_.line(lock + ".Release();");
      return;
    }
    case WithKind::Timeout: {
      // The block's awaits take the scope's token; the deadline's
      // cancellation leaves the block as TimeoutError (a task's does not).
      auto b = w_.block("");
      std::string scope = "timeout" + std::to_string(++temp_counter_);
      w_.line("using var " + scope + " = " + value + ";" + tail);
      std::string outer = token_;
      token_ = scope + ".Token";
      {
        auto t = w_.block("try");
        with_stmt(s, index + 1, true);
      }
      token_ = outer;
      use("System");
      auto c = w_.block("catch (OperationCanceledException) when (" + scope + ".Expired)");
      w_.line("throw new TimeoutException();");
      return;
    }
    case WithKind::TaskGroup: {
      // A block of its own: a function may open several groups of one name.
      auto b = w_.block("");
      w_.line("var " + name + " = " + value + ";" + tail);
      with_stmt(s, index + 1, false);
      w_.line("await " + name + ".Join();");
      return;
    }
  }
}

}  // namespace asl::tr::cs
