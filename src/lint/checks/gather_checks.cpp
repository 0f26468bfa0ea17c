// AL207 gather-exceptions-discarded: `asyncio.gather(..., return_exceptions=True)`
// as a statement of its own, awaited or not. With return_exceptions the
// failures come back as values in the result list, so a result nobody looks
// at is every failure silently dropped.
#include "lint/checks/gather_checks.h"

#include <algorithm>
#include <string>
#include <vector>

#include "lint/checks/ast_helpers.h"

namespace asl {
namespace {

// The statement an expression is the whole of, through `await` and brackets
// (`await asyncio.gather(...)`, `(await asyncio.gather(...))`), or null.
TSNode whole_statement(TSNode n) {
  const Kinds& k = Kinds::get();
  bool awaited = false;
  for (TSNode p = ts_node_parent(n); !ts_node_is_null(p); n = p, p = ts_node_parent(p)) {
    if (is(p, k.expression_statement)) return ts_node_named_child_count(p) == 1 ? p : TSNode{};
    if (is(p, k.parenthesized_expression)) continue;
    if (is(p, k.await) && !awaited) {
      awaited = true;
      continue;
    }
    return {};
  }
  return {};
}

// True when, in `root` after byte `after`, one of `names` is looped over and
// each item's `.exception()` or `.result()` read (`for t in tasks: if
// t.exception(): ...`), or handed to a function of `module` that does so
// (`_raise_exceptions(tasks)`, one call deep).
bool reads_failures(const SemanticModel& m, TSNode root, const std::vector<std::string_view>& names, uint32_t after,
                    TSNode module, int depth) {
  auto text = [&](TSNode n) { return ts_node_is_null(n) ? std::string_view() : m.text(n); };
  std::vector<TSNode> stack{root};
  while (!stack.empty()) {
    TSNode n = stack.back();
    stack.pop_back();
    if (ts_node_end_byte(n) <= after) continue;
    std::string_view kind = ts_node_type(n);
    if (kind == "for_statement" && ts_node_start_byte(n) >= after && is(field(n, "left"), Kinds::get().identifier)) {
      std::string_view over = text(field(n, "right")), item = text(field(n, "left"));
      std::string_view body = text(field(n, "body"));
      if (std::find(names.begin(), names.end(), over) != names.end() &&
          (body.find(std::string(item) + ".exception()") != std::string_view::npos ||
           body.find(std::string(item) + ".result()") != std::string_view::npos))
        return true;
    }
    if (kind == "call" && depth == 0 && ts_node_start_byte(n) >= after && is(field(n, "function"), Kinds::get().identifier)) {
      TSNode args = field(n, "arguments");
      TSNode first = ts_node_named_child_count(args) > 0 ? ts_node_named_child(args, 0) : TSNode{};
      if (is(first, Kinds::get().identifier) &&
          std::find(names.begin(), names.end(), m.text(first)) != names.end()) {
        std::string_view callee = text(field(n, "function"));
        for (uint32_t i = 0; i < ts_node_named_child_count(module); ++i) {
          TSNode def = ts_node_named_child(module, i);
          if (std::string_view(ts_node_type(def)) == "decorated_definition") def = field(def, "definition");
          if (std::string_view(ts_node_type(def)) != "function_definition" || text(field(def, "name")) != callee)
            continue;
          TSNode params = field(def, "parameters");
          TSNode p = ts_node_named_child_count(params) > 0 ? ts_node_named_child(params, 0) : TSNode{};
          if (std::string_view(ts_node_type(p)) == "typed_parameter") p = ts_node_named_child(p, 0);
          if (is(p, Kinds::get().identifier) &&
              reads_failures(m, field(def, "body"), {m.text(p)}, 0, module, depth + 1))
            return true;
        }
      }
    }
    for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) stack.push_back(ts_node_named_child(n, i));
  }
  return false;
}

// True when the tasks a gather spreads (`gather(*tasks, ...)`) have their
// failures read after it, in the outermost enclosing function (a nested
// `async def` may do the gathering).
bool failures_read_from_tasks(const SemanticModel& m, TSNode call) {
  std::vector<std::string_view> spread;
  for_each_named_child(field(call, "arguments"), [&](TSNode a) {
    if (std::string_view(ts_node_type(a)) == "list_splat" && is(ts_node_named_child(a, 0), Kinds::get().identifier))
      spread.push_back(m.text(ts_node_named_child(a, 0)));
  });
  if (spread.empty()) return false;
  TSNode outer{}, module{};
  for (TSNode n = ts_node_parent(call); !ts_node_is_null(n); n = ts_node_parent(n)) {
    if (std::string_view(ts_node_type(n)) == "function_definition") outer = n;
    module = n;
  }
  if (ts_node_is_null(outer)) return false;
  return reads_failures(m, field(outer, "body"), spread, ts_node_end_byte(call), module, 0);
}

}  // namespace

void check_gather(const CheckContext& cx, std::vector<Diagnostic>& out) {
  if (!cx.enabled("AL207")) return;
  const Kinds& k = Kinds::get();
  for (const CallSite& site : cx.model.calls()) {
    TSNode fn = field(site.call, "function");
    std::string_view last = is(fn, k.attribute) ? cx.model.text(field(fn, "attribute")) : cx.model.text(fn);
    if (last != "gather" && !is(fn, k.identifier)) continue;  // a plain name may be an alias
    if (ts_node_is_null(whole_statement(site.call))) continue;
    if (callee_name(cx.model, site.call, site.scope) != "asyncio.gather") continue;
    TSNode flag = argument(site.call, -1, "return_exceptions", cx.model);
    // Only a literal True: a variable may be False, and False raises the first failure.
    if (ts_node_is_null(flag) || cx.model.text(flag) != "True") continue;
    if (failures_read_from_tasks(cx.model, site.call)) continue;
    out.push_back(cx.make("AL207", site.call, callee_text(cx.model.text(fn))));
  }
}

}  // namespace asl
