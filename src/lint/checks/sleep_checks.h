#pragma once
#include "lint/checks/check_context.h"
namespace asl {
// ASYNC110 async-busy-wait, ASYNC115 async-zero-sleep, ASYNC116 long-sleep-not-forever.
void check_sleeps(const CheckContext& cx, std::vector<Diagnostic>& out);
}  // namespace asl
