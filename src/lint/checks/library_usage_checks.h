// ASYNC106, ASYNC118, ASYNC125, ASYNC127, ASYNC128, ASYNC400, ASYNC401,
// ASYNC900: how a file uses trio, anyio, httpx and exception groups.
#pragma once

#include <vector>

#include "lint/checks/check_context.h"

namespace asl {

void check_library_usage(const CheckContext& cx, std::vector<Diagnostic>& out);

}  // namespace asl
