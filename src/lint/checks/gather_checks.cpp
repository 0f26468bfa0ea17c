// AL207 gather-exceptions-discarded: `asyncio.gather(..., return_exceptions=True)`
// as a statement of its own, awaited or not. With return_exceptions the
// failures come back as values in the result list, so a result nobody looks
// at is every failure silently dropped.
#include "lint/checks/gather_checks.h"

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
    out.push_back(cx.make("AL207", site.call, callee_text(cx.model.text(fn))));
  }
}

}  // namespace asl
