#pragma once
#include "lint/checks/check_context.h"
namespace asl {
// ASYNC100 cancel-scope-no-checkpoint, ASYNC109 async-function-with-timeout.
void check_timeouts(const CheckContext& cx, std::vector<Diagnostic>& out);
// The async library a module uses, for suggestions: "anyio", "trio" or "asyncio".
std::string_view preferred_async_module(const SemanticModel& model);
}  // namespace asl
