#pragma once
#include "lint/checks/check_context.h"
namespace asl {
void check_event_loop(const CheckContext& cx, std::vector<Diagnostic>& out);
}  // namespace asl
