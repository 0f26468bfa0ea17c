#include "lint/call_engine.h"

#include <algorithm>

#include "lint/configured_linter.h"
#include <optional>
#include <string>

namespace asl {

CallEngine::CallEngine(const Catalog& catalog, const RuleSelection& selection) {
  for (const Rule& r : catalog.rules) {
    // Call patterns come from the catalog, or from configuration (ASYNC200).
    if (r.calls.empty() || !selection.enabled(r)) continue;
    for (const CallPattern& p : r.calls) {
      for (const std::string& n : p.names) {
        if (r.code == kConfiguredBlockingCallCode)
          configured_.push_back({n, {&r, &p}});
        else if (n.ends_with(".*"))
          methods_[n.substr(0, n.size() - 2)].push_back({&r, &p});
        else
          exact_[n].push_back({&r, &p});
      }
    }
  }
}

std::string callee_text(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space && out.back() != '.' && c != '.' && c != '(' && c != ')') out += ' ';
    space = false;
    out += c;
  }
  if (out.size() > 60) out = out.substr(0, 57) + "...";
  return out;
}

const std::string& advice_for(const CallPattern& p, Framework framework) {
  const std::string& alt = framework == Framework::Trio    ? p.use_trio
                           : framework == Framework::Anyio ? p.use_anyio
                                                           : p.use;
  return alt.empty() ? p.use : alt;
}

std::string format_message(const Rule& rule, std::string_view callee, const CallPattern* pattern,
                           std::string_view detail, Framework framework) {
  std::string out;
  const std::string& t = rule.message;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '{') {
      size_t end = t.find('}', i);
      if (end != std::string::npos) {
        std::string_view key(t.data() + i + 1, end - i - 1);
        if (key == "callee") { out += callee; i = end; continue; }
        if (key == "detail") { out += detail; i = end; continue; }
        if (pattern && key == "use") { out += advice_for(*pattern, framework); i = end; continue; }
        if (pattern && key == "cs") { out += pattern->cs; i = end; continue; }
      }
    }
    out += t[i];
  }
  return out;
}

namespace {

// The argument at keyword `name` or at `position`, or a null node.
TSNode find_argument(TSNode call, const ArgCondition& c) {
  const Kinds& k = Kinds::get();
  TSNode args = field(call, "arguments");
  TSNode found{};
  int index = 0;
  bool positional_ok = true;
  for_each_named_child(args, [&](TSNode a) {
    if (!ts_node_is_null(found) || is(a, k.comment)) return;
    if (is(a, k.keyword_argument)) {
      positional_ok = false;  // keywords come after every positional argument
      return;
    }
    std::string_view kind = ts_node_type(a);
    if (kind == "list_splat" || kind == "dictionary_splat") {
      positional_ok = false;  // *args: positions are unknown from here on
      return;
    }
    if (positional_ok && index == c.position) found = a;
    ++index;
  });
  return found;
}

// The qualified name of `arg`, or of the constant a local name was assigned
// once (`mode = os.P_WAIT; os.spawnl(mode, ...)`).
std::optional<std::string> value_name(const SemanticModel& model, TSNode arg, int scope) {
  auto q = model.qualified_name(arg, scope);
  if (!q && is(arg, Kinds::get().identifier)) {
    auto bs = model.lookup(model.text(arg), scope, ts_node_start_byte(arg));
    if (bs.size() == 1 && bs[0].kind == Binding::Kind::Assignment)
      q = model.qualified_name(bs[0].value, bs[0].scope);
  }
  return q;
}

// True when `arg` is `flag`, or combines flags with `|` and one of them is
// `flag` (names resolved through imports and local constants).
bool has_flag(const SemanticModel& model, TSNode arg, int scope, std::string_view flag, int depth = 0) {
  if (ts_node_is_null(arg) || depth > 8) return false;
  std::string_view kind = ts_node_type(arg);
  if (kind == "parenthesized_expression")
    return has_flag(model, ts_node_named_child(arg, 0), scope, flag, depth + 1);
  if (kind == "binary_operator") {
    if (model.text(field(arg, "operator")) != "|") return false;
    return has_flag(model, field(arg, "left"), scope, flag, depth + 1) ||
           has_flag(model, field(arg, "right"), scope, flag, depth + 1);
  }
  if (kind == "identifier") {
    // A local constant may itself combine flags: `f = AI_NUMERICHOST | AI_PASSIVE`.
    auto bs = model.lookup(model.text(arg), scope, ts_node_start_byte(arg));
    if (!model.qualified_name(arg, scope) && bs.size() == 1 && bs[0].kind == Binding::Kind::Assignment &&
        !ts_node_is_null(bs[0].value) && !ts_node_eq(bs[0].value, arg))
      return has_flag(model, bs[0].value, bs[0].scope, flag, depth + 1);
  }
  auto q = value_name(model, arg, scope);
  return q && *q == flag;
}

// The value of a string literal (implicit concatenation included), or nullopt
// for anything else: f-strings with replacement fields, bytes, names, calls.
// Escape sequences other than `\\`, `\'` and `\"` make it unknown too.
std::optional<std::string> string_value(const SemanticModel& model, TSNode arg) {
  std::string_view kind = ts_node_type(arg);
  if (kind == "parenthesized_expression") return string_value(model, ts_node_named_child(arg, 0));
  std::string out;
  auto piece = [&](TSNode str) {
    std::string_view start = model.text(ts_node_named_child(str, 0));
    if (start.find_first_of("bB") != std::string_view::npos) return false;
    bool raw = start.find_first_of("rR") != std::string_view::npos;
    bool ok = true;
    for_each_named_child(str, [&](TSNode part) {
      std::string_view t = ts_node_type(part);
      if (t == "string_start" || t == "string_end") return;
      std::string_view text = model.text(part);
      if (t == "string_content") {
        out += text;
      } else if (t == "escape_sequence") {
        if (raw) out += text;
        else if (text.size() == 2 && (text[1] == '\\' || text[1] == '\'' || text[1] == '"')) out += text[1];
        else ok = false;
      } else {
        ok = false;  // an interpolation
      }
    });
    return ok;
  };
  if (kind == "string") return piece(arg) ? std::optional(out) : std::nullopt;
  if (kind != "concatenated_string") return std::nullopt;
  bool ok = true;
  for_each_named_child(arg, [&](TSNode s) { ok = ok && is(s, Kinds::get().string) && piece(s); });
  return ok ? std::optional(out) : std::nullopt;
}

// `*` matches any run of characters, every other character itself.
bool glob_match(std::string_view pattern, std::string_view text) {
  if (pattern.empty()) return text.empty();
  if (pattern[0] == '*') {
    for (size_t i = 0; i <= text.size(); ++i)
      if (glob_match(pattern.substr(1), text.substr(i))) return true;
    return false;
  }
  return !text.empty() && pattern[0] == text[0] && glob_match(pattern.substr(1), text.substr(1));
}

}  // namespace

bool CallEngine::conditions_hold(const CallPattern& p, const SemanticModel& model, TSNode call, int scope) const {
  const Kinds& k = Kinds::get();
  auto holds = [&](const ArgCondition& c) {
    TSNode arg{};
    if (c.name == "receiver") {
      // `receiver@N`: argument N of the call that made the method's object
      // (`Path("~").expanduser()`, or a local name assigned that call once).
      TSNode obj = unparenthesize(field(field(call, "function"), "object"));
      if (is(obj, k.identifier)) {
        auto bs = model.lookup(model.text(obj), scope, ts_node_start_byte(obj));
        obj = bs.size() == 1 && bs[0].kind == Binding::Kind::Assignment ? unparenthesize(bs[0].value) : TSNode{};
      }
      if (is(obj, k.call)) arg = find_argument(obj, ArgCondition{"", c.position, {}});
    } else {
      arg = find_argument(call, c);
    }
    if (ts_node_is_null(arg) && c.name != "receiver") {
      for_each_named_child(field(call, "arguments"), [&](TSNode a) {
        if (is(a, k.keyword_argument) && model.text(field(a, "name")) == c.name) arg = field(a, "value");
      });
    }
    for (const std::string& v : c.is) {
      if (v == "missing" && ts_node_is_null(arg)) return true;
      if (ts_node_is_null(arg)) continue;
      if (v == "present") return true;
      if (model.text(arg) == v) return true;
      // "|NAME": the argument is the flag NAME or combines it with others (`A | NAME`).
      if (v.starts_with('|')) {
        if (has_flag(model, arg, scope, std::string_view(v).substr(1))) return true;
        continue;
      }
      // "str:GLOB": a string literal whose value GLOB matches (`*` any run).
      if (v.starts_with("str:")) {
        auto value = string_value(model, arg);
        if (value && glob_match(std::string_view(v).substr(4), *value)) return true;
        continue;
      }
      auto q = value_name(model, arg, scope);
      if (q && *q == v) return true;
    }
    return false;
  };
  for (const ArgCondition& c : p.when)
    if (!holds(c)) return false;
  for (const ArgCondition& c : p.unless)
    if (holds(c)) return false;
  return true;
}

namespace {

// True when a `try` around `call` (in the same function) has a handler that
// names one of `exceptions`.
bool caught_around(TSNode call, const std::vector<std::string>& exceptions, std::string_view src) {
  TSNode child = call;
  for (TSNode n = ts_node_parent(call); !ts_node_is_null(n); child = n, n = ts_node_parent(n)) {
    std::string_view kind = ts_node_type(n);
    if (kind == "function_definition" || kind == "lambda" || kind == "class_definition") break;
    if (kind != "try_statement" || !ts_node_eq(field(n, "body"), child)) continue;
    bool hit = false;
    for_each_named_child(n, [&](TSNode clause) {
      if (hit || std::string_view(ts_node_type(clause)) != "except_clause") return;
      TSNode what = ts_node_named_child(clause, 0);
      std::string_view text = node_text(what, src);
      for (const auto& e : exceptions) hit = hit || text.find(e) != std::string_view::npos;
    });
    if (hit) return true;
  }
  return false;
}

// True when a statement holds an `await` (or `async for` / `async with`)
// outside nested functions.
bool has_await(TSNode n) {
  std::string_view kind = ts_node_type(n);
  if (kind == "await") return true;
  if (kind == "function_definition" || kind == "lambda" || kind == "class_definition") return false;
  if ((kind == "for_statement" || kind == "with_statement") && ts_node_child_count(n) > 0 &&
      std::string_view(ts_node_type(ts_node_child(n, 0))) == "async")
    return true;
  for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i)
    if (has_await(ts_node_named_child(n, i))) return true;
  return false;
}

// True when the statements before `call`'s in its block end in a polling loop
// on the call's receiver, `while R.M(): await ...` (or `while not R.M():` for
// "not M"), with only statements that do not await between them and the call
// (`while thread.is_alive(): await sleep(0.01)` then `thread.join()`).
bool polled_before(TSNode call, const std::vector<std::string>& methods, std::string_view src) {
  TSNode fn = field(call, "function");
  if (std::string_view(ts_node_type(fn)) != "attribute") return false;
  std::string_view receiver = node_text(field(fn, "object"), src);
  // The statement holding the call, and the block holding that statement.
  TSNode stmt = call;
  for (TSNode p = ts_node_parent(call); !ts_node_is_null(p); stmt = p, p = ts_node_parent(p)) {
    std::string_view kind = ts_node_type(p);
    if (kind == "block" || kind == "module") break;
    if (kind == "function_definition" || kind == "lambda" || kind == "class_definition") return false;
  }
  TSNode block = ts_node_parent(stmt);
  if (ts_node_is_null(block)) return false;
  std::vector<TSNode> before;
  for (uint32_t i = 0; i < ts_node_named_child_count(block); ++i) {
    TSNode s = ts_node_named_child(block, i);
    if (ts_node_eq(s, stmt)) break;
    before.push_back(s);
  }
  for (auto it = before.rbegin(); it != before.rend(); ++it) {
    std::string_view kind = ts_node_type(*it);
    if (kind == "comment") continue;
    if (kind == "while_statement") {
      TSNode cond = unparenthesize(field(*it, "condition"));
      bool negated = std::string_view(ts_node_type(cond)) == "not_operator";
      if (negated) cond = unparenthesize(field(cond, "argument"));
      if (std::string_view(ts_node_type(cond)) != "call" || ts_node_named_child_count(field(cond, "arguments")) != 0)
        return false;
      TSNode m = field(cond, "function");
      if (std::string_view(ts_node_type(m)) != "attribute" || node_text(field(m, "object"), src) != receiver)
        return false;
      std::string want = std::string(negated ? "not " : "") + std::string(node_text(field(m, "attribute"), src));
      return std::find(methods.begin(), methods.end(), want) != methods.end() && has_await(field(*it, "body"));
    }
    // Anything that awaits, or a compound statement, between them: not the idiom.
    if (kind != "expression_statement" && kind != "pass_statement") return false;
    if (has_await(*it)) return false;
  }
  return false;
}

// True when `call`'s first argument is a socket's descriptor
// (`sock.detach()`, `sock.fileno()`), its result is assigned to a name, and
// that name is passed to one of `methods` later in the function
// (`loop.connect_read_pipe(factory, f)`), which makes the descriptor non-blocking.
bool piped_after(TSNode call, const std::vector<std::string>& methods, std::string_view src) {
  TSNode args = field(call, "arguments");
  TSNode first = ts_node_named_child_count(args) > 0 ? ts_node_named_child(args, 0) : TSNode{};
  if (std::string_view(ts_node_type(first)) != "call") return false;
  TSNode f = field(first, "function");
  if (std::string_view(ts_node_type(f)) != "attribute") return false;
  std::string_view method = node_text(field(f, "attribute"), src);
  if (method != "detach" && method != "fileno") return false;
  TSNode assign = ts_node_parent(call);
  if (std::string_view(ts_node_type(assign)) != "assignment" || !ts_node_eq(field(assign, "right"), call)) return false;
  TSNode target = field(assign, "left");
  if (std::string_view(ts_node_type(target)) != "identifier") return false;
  std::string_view name = node_text(target, src);
  TSNode fn = assign;
  while (!ts_node_is_null(fn) && std::string_view(ts_node_type(fn)) != "function_definition") fn = ts_node_parent(fn);
  if (ts_node_is_null(fn)) return false;
  std::vector<TSNode> stack{field(fn, "body")};
  while (!stack.empty()) {
    TSNode n = stack.back();
    stack.pop_back();
    if (ts_node_end_byte(n) <= ts_node_end_byte(assign)) continue;
    if (std::string_view(ts_node_type(n)) == "call" && ts_node_start_byte(n) >= ts_node_end_byte(assign)) {
      TSNode callee = field(n, "function");
      bool named = std::string_view(ts_node_type(callee)) == "attribute" &&
                   std::find(methods.begin(), methods.end(), node_text(field(callee, "attribute"), src)) != methods.end();
      if (named) {
        TSNode a = field(n, "arguments");
        for (uint32_t i = 0; i < ts_node_named_child_count(a); ++i) {
          TSNode x = ts_node_named_child(a, i);
          if (std::string_view(ts_node_type(x)) == "identifier" && node_text(x, src) == name) return true;
        }
      }
    }
    for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) stack.push_back(ts_node_named_child(n, i));
  }
  return false;
}

// True when `n` (outside nested functions) holds a call that hands `callee`
// to a thread: `run_in_threadpool(callee, ...)`, `asyncio.to_thread(callee, ...)`,
// `loop.run_in_executor(None, callee, ...)`, `to_thread.run_sync(callee, ...)`.
bool hands_to_thread(TSNode n, std::string_view callee, std::string_view src) {
  std::string_view kind = ts_node_type(n);
  if (kind == "function_definition" || kind == "lambda" || kind == "class_definition") return false;
  if (kind == "call") {
    TSNode f = field(n, "function");
    std::string_view name = std::string_view(ts_node_type(f)) == "attribute" ? node_text(field(f, "attribute"), src)
                                                                              : node_text(f, src);
    if (name == "run_in_threadpool" || name == "to_thread" || name == "run_in_executor" || name == "run_sync") {
      TSNode args = field(n, "arguments");
      for (uint32_t i = 0; i < ts_node_named_child_count(args); ++i)
        if (node_text(ts_node_named_child(args, i), src) == callee) return true;
    }
  }
  for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i)
    if (hands_to_thread(ts_node_named_child(n, i), callee, src)) return true;
  return false;
}

// True when another branch of an `if` around `call` (or, after an `if` whose
// body returns, the code that follows it) hands the same callable to a thread (`if self._in_memory: self.file.write(data)` / `else: await
// run_in_threadpool(self.file.write, data)`): the code chose by a condition
// the rules cannot read, such as a file being in memory.
bool offloaded_in_other_branch(TSNode call, std::string_view src) {
  std::string_view callee = node_text(field(call, "function"), src);
  if (callee.empty()) return false;
  TSNode child = call;
  for (TSNode n = ts_node_parent(call); !ts_node_is_null(n); child = n, n = ts_node_parent(n)) {
    std::string_view kind = ts_node_type(n);
    if (kind == "function_definition" || kind == "lambda" || kind == "class_definition") return false;
    if (kind != "if_statement") continue;
    for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) {
      TSNode branch = ts_node_named_child(n, i);
      if (ts_node_eq(branch, child) || ts_node_eq(branch, field(n, "condition"))) continue;
      if (hands_to_thread(branch, callee, src)) return true;
    }
    // `if C: return f(x)` with no other branch: what follows is the other one.
    TSNode body = field(n, "consequence");
    uint32_t count = ts_node_named_child_count(body);
    if (!ts_node_eq(child, body) || count == 0 || !ts_node_is_null(field(n, "alternative"))) continue;
    std::string_view last = ts_node_type(ts_node_named_child(body, count - 1));
    if (last != "return_statement" && last != "raise_statement") continue;
    for (TSNode next = ts_node_next_named_sibling(n); !ts_node_is_null(next); next = ts_node_next_named_sibling(next))
      if (hands_to_thread(next, callee, src)) return true;
  }
  return false;
}

}  // namespace

CallEngine::Target CallEngine::match(const SemanticModel& model, const CallSite& site) const {
  if (empty()) return {};
  TSNode callee = field(site.call, "function");
  auto q = model.resolve_callee(callee, site.scope);
  if (!q) return match_configured(model, site, q);
  const std::vector<Target>* targets = nullptr;
  if (auto it = exact_.find(*q); it != exact_.end()) {
    targets = &it->second;
  } else if (auto dot = q->rfind('.'); dot != std::string::npos) {
    if (auto m = methods_.find(q->substr(0, dot)); m != methods_.end()) targets = &m->second;
  }
  if (!targets) return match_configured(model, site, q);
  std::string_view method = std::string_view(*q).substr(q->rfind('.') + 1);
  for (const Target& t : *targets) {
    const auto& ex = t.pattern->except;
    if (std::find(ex.begin(), ex.end(), method) != ex.end()) continue;
    if (!conditions_hold(*t.pattern, model, site.call, site.scope)) continue;
    if (!t.pattern->unless_caught.empty() && caught_around(site.call, t.pattern->unless_caught, model.source()))
      continue;
    if (!t.pattern->unless_polled.empty() && polled_before(site.call, t.pattern->unless_polled, model.source()))
      continue;
    if (!t.pattern->unless_piped.empty() && piped_after(site.call, t.pattern->unless_piped, model.source())) continue;
    if (offloaded_in_other_branch(site.call, model.source())) continue;
    return t;  // one finding per call: the first matching entry wins
  }
  return match_configured(model, site, q);
}

CallEngine::Target CallEngine::match_configured(const SemanticModel& model, const CallSite& site,
                                                const std::optional<std::string>& q) const {
  if (configured_.empty()) return {};
  // `await name()`: what the call returns is awaited, so `name` is no blocking call.
  if (is(unparenthesize(site.parent), Kinds::get().await)) return {};
  TSNode callee = field(site.call, "function");
  TSNode head = callee;
  while (is(head, Kinds::get().attribute)) head = field(head, "object");
  // As written when the first name is unbound or a function or class of this
  // file (`bar()`, `bee.bonnet()`); not when it is imported (the qualified
  // name says what it is) or a parameter or variable that shadows a name.
  bool as_written = is(head, Kinds::get().identifier);
  if (as_written)
    for (const Binding& b : model.lookup(model.text(head), site.scope, ts_node_start_byte(head)))
      as_written = as_written && b.kind == Binding::Kind::Definition;
  std::string written = as_written ? callee_text(model.text(callee)) : std::string();
  for (const auto& [pattern, t] : configured_) {
    bool hit = (q && glob_match(pattern, *q)) || (!written.empty() && glob_match(pattern, written));
    if (hit && conditions_hold(*t.pattern, model, site.call, site.scope)) return t;
  }
  return {};
}

void CallEngine::run(const SemanticModel& model, const SourceFile& file, std::vector<Diagnostic>& out,
                     Framework framework) const {
  if (empty()) return;
  for (const CallSite& site : model.calls()) {
    if (!model.in_async_context(site.scope, ts_node_start_byte(site.call))) continue;
    Target t = match(model, site);
    if (!t.rule) continue;
    TSNode callee = field(site.call, "function");
    Diagnostic d;
    d.code = t.rule->code;
    d.message = format_message(*t.rule, callee_text(model.text(callee)), t.pattern, {}, framework);
    d.start_byte = ts_node_start_byte(callee);
    d.end_byte = ts_node_end_byte(callee);
    d.start = file.location(d.start_byte);
    d.end = file.location(d.end_byte);
    out.push_back(std::move(d));
  }
}

}  // namespace asl
