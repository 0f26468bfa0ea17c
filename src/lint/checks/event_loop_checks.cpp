// AL202 event-loop-run-in-async-function, AL203 get-event-loop-in-async-function,
// AL205 event-loop-run-in-notebook, ASYNC300 asyncio-dangling-task.
#include "lint/checks/ast_helpers.h"
#include "lint/checks/event_loop_checks.h"

namespace asl {
namespace {

// `ensure_future(f)` of something already a Future returns it unchanged: no
// task is created, and whoever made the Future keeps it (an executor does).
bool wraps_future(const CheckContext& cx, const CallSite& site) {
  TSNode args = field(site.call, "arguments");
  if (ts_node_is_null(args) || ts_node_named_child_count(args) == 0) return false;
  TSNode arg = unparenthesize(ts_node_named_child(args, 0));
  if (!is(arg, Kinds::get().call)) return false;
  std::string q = callee_name(cx.model, arg, site.scope);
  return q == "asyncio.AbstractEventLoop.run_in_executor" || q == "asyncio.AbstractEventLoop.create_future" ||
         q == "asyncio.Future" || q == "asyncio.wrap_future";
}

}  // namespace

void check_event_loop(const CheckContext& cx, std::vector<Diagnostic>& out) {
  const Kinds& k = Kinds::get();
  bool run = cx.enabled("AL202"), get = cx.enabled("AL203"), dangling = cx.enabled("ASYNC300");
  // A notebook's kernel runs its cells inside its event loop, awaiting or not.
  bool notebook_run = cx.model.module().notebook && cx.enabled("AL205");
  if (!run && !get && !dangling && !notebook_run) return;
  for (const CallSite& site : cx.model.calls()) {
    TSNode fn = field(site.call, "function");
    // Cheap filter before resolving: every method of interest has one of
    // these names (a plain name may be an alias: `from asyncio import run as r`).
    if (is(fn, k.attribute)) {
      std::string_view last = cx.model.text(field(fn, "attribute"));
      if (last != "run" && last != "run_until_complete" && last != "run_forever" && last != "get_event_loop" &&
          last != "create_task" && last != "ensure_future")
        continue;
    } else if (!is(fn, k.identifier)) {
      continue;
    }
    std::string q = callee_name(cx.model, site.call, site.scope);
    std::string text = callee_text(cx.model.text(fn));
    bool in_async = cx.model.in_async_context(site.scope);
    bool starts_loop = q == "asyncio.run" || q == "asyncio.AbstractEventLoop.run_until_complete" ||
                       q == "asyncio.AbstractEventLoop.run_forever" || q == "asyncio.Runner.run";
    if (starts_loop && cx.model.module().notebook && cx.model.at_module_level(site.scope)) {
      if (notebook_run) out.push_back(cx.make("AL205", fn, text));
    } else if (run && in_async && starts_loop) {
      out.push_back(cx.make("AL202", fn, text));
    } else if (get && in_async && q == "asyncio.get_event_loop") {
      out.push_back(cx.make("AL203", fn, text));
    } else if (dangling && is(site.parent, k.expression_statement) &&
               (q == "asyncio.create_task" || q == "asyncio.AbstractEventLoop.create_task" ||
                (q == "asyncio.ensure_future" && !wraps_future(cx, site)))) {
      out.push_back(cx.make("ASYNC300", site.call, text));
    }
  }
}

}  // namespace asl
