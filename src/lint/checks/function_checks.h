#pragma once
#include "lint/checks/check_context.h"
namespace asl {
// ASYNC119 yield-in-context-manager-in-async-generator, ASYNC124 async-function-could-be-sync.
void check_functions(const CheckContext& cx, std::vector<Diagnostic>& out);
// True when every decorator is known to keep a coroutine function a coroutine function.
bool has_only_transparent_decorators(const SemanticModel& model, const Scope& function);
}  // namespace asl
