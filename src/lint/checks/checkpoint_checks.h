// ASYNC910-913: paths through an async function that reach an exit, a
// `yield`, the end of a cancel scope or the next turn of an endless loop
// without a guaranteed checkpoint (flake8-async's optional 9xx rules).
#pragma once

#include <vector>

#include "lint/checks/check_context.h"

namespace asl {

void check_checkpoints(const CheckContext& cx, std::vector<Diagnostic>& out);

}  // namespace asl
