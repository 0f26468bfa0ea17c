// Where Python cancels tasks (Task.cancel, wait_for's timeout), a target with
// explicit cancellation (C#'s CancellationToken) must thread a token through
// every coroutine such a task runs. This pass marks, target-neutrally, which
// functions take a token and which calls hand it on.
#pragma once

#include <vector>

#include "translate/diagnostics.h"
#include "translate/ir.h"

namespace asl::tr {

void mark_cancellation(Module& m, std::vector<TranslateDiagnostic>& diags);

}  // namespace asl::tr
