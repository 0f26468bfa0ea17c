// ASYNC123 bad-exception-group-flattening, ASYNC126 exceptiongroup-subclass-missing-derive.
#pragma once

#include <vector>

#include "lint/checks/check_context.h"

namespace asl {

void check_exception_groups(const CheckContext& context, std::vector<Diagnostic>& out);

}  // namespace asl
