// What a module does concurrently, marked on the IR for the backends:
// - whether coroutines run side by side (create_task, gather, ...), so that a
//   target with a thread pool (C#) keeps them on one thread as asyncio does;
// - where Python cancels tasks (Task.cancel, wait_for's timeout): a target with
//   explicit cancellation (C#'s CancellationToken) must thread a token through
//   every coroutine such a task runs: which functions take one, which calls
//   hand it on.
#pragma once

#include <vector>

#include "translate/diagnostics.h"
#include "translate/ir.h"

namespace asl::tr {

void mark_concurrency(Module& m, std::vector<TranslateDiagnostic>& diags);

}  // namespace asl::tr
