// AL206 thread-lock-held-across-await.
#pragma once

#include <vector>

#include "lint/checks/check_context.h"

namespace asl {

void check_thread_locks(const CheckContext& context, std::vector<Diagnostic>& out);

}  // namespace asl
