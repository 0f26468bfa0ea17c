// AL201: `fetch()` -> `await fetch()` where a coroutine is dropped or used as
// a value. Unsafe: the call's work now happens, and the function now waits
// for it there.
#include "lint/fixes/fix_syntax.h"

namespace asl {

std::optional<Fix> fix_missing_await(const FixContext& ctx, const Diagnostic& d) {
  // Only the file's own findings come here (the project phase's have no tree
  // and get no fix); the finding spans the callee.
  TSNode call = call_at_callee(ctx.root, d.start_byte, d.end_byte);
  if (ts_node_is_null(call)) return std::nullopt;
  AwaitPlacement placement = await_placement(call);
  if (placement == AwaitPlacement::Invalid || !await_allowed(call)) return std::nullopt;
  int scope = scope_of_call(ctx.model, call);
  if (scope < 0 || !ctx.model.in_async_context(scope)) return std::nullopt;

  uint32_t start = ts_node_start_byte(call), end = ts_node_end_byte(call);
  Fix fix;
  fix.title = "Add `await`";
  fix.safe = false;
  // Insertions only, so fixes inside the call's arguments do not conflict.
  if (placement == AwaitPlacement::Parenthesized) {
    fix.edits.push_back({start, start, "(await "});
    fix.edits.push_back({end, end, ")"});
  } else {
    fix.edits.push_back({start, start, "await "});
  }
  return fix;
}

}  // namespace asl
