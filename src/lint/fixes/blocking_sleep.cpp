// ASYNC251: `time.sleep(x)` -> `await asyncio.sleep(x)` (or trio / anyio).
#include <fmt/format.h>

#include "lint/fixes/fix_syntax.h"

namespace asl {

std::optional<Fix> fix_blocking_sleep(const FixContext& ctx, const Diagnostic& d) {
  const Kinds& k = Kinds::get();
  TSNode call = call_at_callee(ctx.root, d.start_byte, d.end_byte);
  if (ts_node_is_null(call)) return std::nullopt;
  // Exactly one plain positional argument: `asyncio.sleep` takes the delay
  // first, but its other parameters differ, so anything else is left alone.
  TSNode args = field(call, "arguments");
  int count = 0;
  bool plain = true;
  for_each_named_child(args, [&](TSNode a) {
    if (is(a, k.comment)) return;
    ++count;
    std::string_view kind = ts_node_type(a);
    plain = plain && !is(a, k.keyword_argument) && kind != "list_splat" && kind != "dictionary_splat";
  });
  if (count != 1 || !plain || !is(args, k.argument_list)) return std::nullopt;
  AwaitPlacement placement = await_placement(call);
  if (placement == AwaitPlacement::Invalid) return std::nullopt;
  int scope = scope_of_call(ctx.model, call);
  if (scope < 0 || !ctx.model.in_async_context(scope)) return std::nullopt;
  std::string_view module = framework_name(ctx.framework);
  auto ref = reference_module(ctx, module, scope, ts_node_start_byte(call));
  if (!ref) return std::nullopt;

  std::string replacement = fmt::format("await {}.sleep{}", ref->name, ctx.model.text(args));
  if (placement == AwaitPlacement::Parenthesized) replacement = "(" + replacement + ")";
  Fix fix;
  fix.title = fmt::format("Replace with `await {}.sleep(...)`", module);
  fix.safe = true;
  if (ref->import_edit) fix.edits.push_back(*ref->import_edit);
  fix.edits.push_back({ts_node_start_byte(call), ts_node_end_byte(call), std::move(replacement)});
  return fix;
}

}  // namespace asl
