// ASYNC101, ASYNC102, ASYNC111, ASYNC120: code inside nurseries, task groups,
// cancel scopes, `finally` blocks and exception handlers.
#pragma once

#include <vector>

#include "lint/checks/check_context.h"

namespace asl {

void check_scopes(const CheckContext& cx, std::vector<Diagnostic>& out);

}  // namespace asl
