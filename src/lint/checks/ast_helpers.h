// Small tree questions several checks ask.
#pragma once

#include <string_view>

#include "core/semantic_model.h"
#include "core/syntax.h"

namespace asl {

// True when `body` contains an await, `async for` or `async with` outside
// nested functions, lambdas and classes (which run separately).
bool contains_checkpoint(TSNode body);

// The call's qualified name through imports and receiver types, or "".
std::string callee_name(const SemanticModel& model, TSNode call, int scope);

// The first positional argument, or the keyword argument `name`; null if absent.
TSNode argument(TSNode call, int position, std::string_view name, const SemanticModel& model);

// Number of arguments of any kind (excluding comments).
int argument_count(TSNode call);

// The expression a decorator applies: `@x.y(...)` -> `x.y`.
TSNode decorator_target(TSNode decorator);

}  // namespace asl
