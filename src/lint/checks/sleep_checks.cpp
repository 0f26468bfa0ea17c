#include "lint/checks/sleep_checks.h"

#include <cstdlib>
#include <string>

#include "lint/checks/ast_helpers.h"

namespace asl {

namespace {

std::string_view module_of(std::string_view q) { return q.substr(0, q.find('.')); }

void busy_wait(const CheckContext& cx, std::vector<Diagnostic>& out) {
  const Kinds& k = Kinds::get();
  for (const ScopedNode& w : cx.model.while_statements()) {
    TSNode body = field(w.node, "body");
    if (ts_node_named_child_count(body) != 1) continue;
    TSNode stmt = ts_node_named_child(body, 0);
    if (!is(stmt, k.expression_statement) || ts_node_named_child_count(stmt) != 1) continue;
    TSNode aw = ts_node_named_child(stmt, 0);
    if (!is(aw, k.await)) continue;
    TSNode call = unparenthesize(ts_node_named_child(aw, 0));
    if (!is(call, k.call)) continue;
    std::string q = callee_name(cx.model, call, w.scope);
    if (q == "asyncio.sleep" || q == "trio.sleep" || q == "trio.sleep_until" || q == "anyio.sleep" ||
        q == "anyio.sleep_until")
      out.push_back(cx.make("ASYNC110", w.node, q, module_of(q)));
  }
}

// A plain numeric literal's value, or nullopt (names and expressions are unknown).
std::optional<double> number(const SemanticModel& model, TSNode n) {
  std::string_view kind = ts_node_type(n);
  if (kind != "integer" && kind != "float") return std::nullopt;
  std::string text;
  for (char c : model.text(n))
    if (c != '_') text += c;
  if (kind == "integer" && text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
    return static_cast<double>(std::strtoull(text.c_str() + 2, nullptr, 16));
  if (kind == "integer" && text.size() > 2 && text[0] == '0' && (text[1] == 'o' || text[1] == 'b')) return std::nullopt;
  return std::strtod(text.c_str(), nullptr);
}

// `math.inf`, `inf`, `np.inf`, `float("inf")`: an endless delay.
bool infinite(const SemanticModel& model, TSNode n) {
  n = unparenthesize(n);
  std::string_view kind = ts_node_type(n);
  if (kind == "identifier") return model.text(n) == "inf";
  if (kind == "attribute") return model.text(field(n, "attribute")) == "inf";
  if (kind == "call" && model.text(field(n, "function")) == "float" && argument_count(n) == 1) {
    std::string_view a = model.text(ts_node_named_child(field(n, "arguments"), 0));
    return a == "\"inf\"" || a == "'inf'" || a == "\"infinity\"" || a == "'infinity'";
  }
  return false;
}

// The one argument of a call, positional or keyword (whatever its name).
TSNode only_argument(TSNode call) {
  TSNode only{};
  for_each_named_child(field(call, "arguments"), [&](TSNode a) {
    if (is(a, Kinds::get().comment)) return;
    only = is(a, Kinds::get().keyword_argument) ? field(a, "value") : a;
  });
  return only;
}

void trio_sleeps(const CheckContext& cx, std::vector<Diagnostic>& out, bool zero, bool forever) {
  for (const CallSite& site : cx.model.calls()) {
    TSNode fn = field(site.call, "function");
    std::string q = callee_name(cx.model, site.call, site.scope);
    if (q != "trio.sleep" && q != "anyio.sleep") continue;
    if (argument_count(site.call) != 1) continue;
    std::string text = callee_text(cx.model.text(fn));
    if (forever && infinite(cx.model, only_argument(site.call))) {
      out.push_back(cx.make("ASYNC116", site.call, text, module_of(q)));
      continue;
    }
    TSNode arg = argument(site.call, 0, q == "trio.sleep" ? "seconds" : "delay", cx.model);
    if (ts_node_is_null(arg)) arg = only_argument(site.call);  // `sleep(anything=0)`: an error of its own, still zero
    if (ts_node_is_null(arg)) continue;
    auto value = number(cx.model, arg);
    if (!value) continue;
    if (zero && *value == 0) out.push_back(cx.make("ASYNC115", site.call, text, module_of(q)));
    if (forever && *value > 86400) out.push_back(cx.make("ASYNC116", site.call, text, module_of(q)));
  }
}

}  // namespace

void check_sleeps(const CheckContext& cx, std::vector<Diagnostic>& out) {
  if (cx.enabled("ASYNC110")) busy_wait(cx, out);
  bool zero = cx.enabled("ASYNC115"), forever = cx.enabled("ASYNC116");
  if (zero || forever) trio_sleeps(cx, out, zero, forever);
}

}  // namespace asl
