// ASYNC103 no-reraise-cancelled.
#pragma once

#include <vector>

#include "lint/checks/check_context.h"

namespace asl {

void check_cancellation(const CheckContext& context, std::vector<Diagnostic>& out);

}  // namespace asl
