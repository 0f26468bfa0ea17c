#pragma once
#include "lint/checks/check_context.h"
namespace asl {
// AL201 missing-await (async code) and AL204 coroutine-called-from-sync-code:
// library coroutines and this file's own coroutine functions are judged here;
// calls into other files become facts for the project-wide phase.
void check_missing_await(const CheckContext& cx, std::vector<Diagnostic>& out);
// The finding text for a coroutine call, shared with the project phase.
std::string missing_await_detail(bool in_async, std::string_view callee, std::string_view problem);
}  // namespace asl
