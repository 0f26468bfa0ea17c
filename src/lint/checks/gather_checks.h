// AL207 gather-exceptions-discarded.
#pragma once

#include <vector>

#include "lint/checks/check_context.h"

namespace asl {

void check_gather(const CheckContext& context, std::vector<Diagnostic>& out);

}  // namespace asl
