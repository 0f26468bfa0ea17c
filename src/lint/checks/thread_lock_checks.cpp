// AL206 thread-lock-held-across-await: `with lock:` on a threading lock whose
// body awaits. The coroutine suspends holding a lock of the thread, so any
// other task of the loop that takes it blocks the loop's only thread, and the
// holder can never resume to release it.
#include "lint/checks/thread_lock_checks.h"

#include "lint/checks/ast_helpers.h"

namespace asl {
namespace {

// What rules/types.toml calls the threading primitives a `with` acquires
// (RLock is typed as Lock, BoundedSemaphore as Semaphore).
bool is_thread_lock(std::string_view type) {
  return type == "threading.Lock" || type == "threading.Semaphore" || type == "threading.Condition";
}

}  // namespace

void check_thread_locks(const CheckContext& cx, std::vector<Diagnostic>& out) {
  if (!cx.enabled("AL206")) return;
  const Kinds& k = Kinds::get();
  for (const ScopedNode& w : cx.model.with_statements()) {
    if (has_async_keyword(w.node) || !cx.model.in_async_context(w.scope, ts_node_start_byte(w.node))) continue;
    TSNode clause{};
    for_each_named_child(w.node, [&](TSNode c) {
      if (is(c, k.with_clause)) clause = c;
    });
    TSNode lock{};
    for_each_named_child(clause, [&](TSNode item) {
      if (!ts_node_is_null(lock)) return;
      TSNode v = field(item, "value");
      if (is(v, k.as_pattern)) v = ts_node_named_child(v, 0);
      v = unparenthesize(v);
      auto type = cx.model.type_of(v, w.scope);
      if (type && is_thread_lock(*type)) lock = v;
    });
    if (ts_node_is_null(lock) || !contains_checkpoint(field(w.node, "body"))) continue;
    // From `with` to the lock: the statement's head, not its whole body.
    out.push_back(cx.make_at("AL206", ts_node_start_byte(w.node), ts_node_end_byte(lock), cx.model.text(lock)));
  }
}

}  // namespace asl
