// The C++-backed checks, listed explicitly (no static self-registration).
#include "lint/checks/cancellation_checks.h"
#include "lint/checks/check_context.h"
#include "lint/checks/checkpoint_checks.h"
#include "lint/checks/event_loop_checks.h"
#include "lint/checks/exception_group_checks.h"
#include "lint/checks/function_checks.h"
#include "lint/checks/gather_checks.h"
#include "lint/checks/library_usage_checks.h"
#include "lint/checks/missing_await.h"
#include "lint/checks/scope_checks.h"
#include "lint/checks/project_facts_collector.h"
#include "lint/checks/sleep_checks.h"
#include "lint/checks/task_group_checks.h"
#include "lint/checks/thread_lock_checks.h"
#include "lint/checks/timeout_checks.h"

namespace asl {

void run_checks(const CheckContext& cx, std::vector<Diagnostic>& out) {
  check_event_loop(cx, out);
  check_exception_groups(cx, out);
  check_cancellation(cx, out);
  check_gather(cx, out);
  check_timeouts(cx, out);
  check_checkpoints(cx, out);
  check_scopes(cx, out);
  check_library_usage(cx, out);
  check_sleeps(cx, out);
  check_task_groups(cx, out);
  check_thread_locks(cx, out);
  check_functions(cx, out);
  check_missing_await(cx, out);
  collect_project_facts(cx);
}

}  // namespace asl
