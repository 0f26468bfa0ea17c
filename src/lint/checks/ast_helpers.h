// Small tree questions several checks ask.
#pragma once

#include <string>
#include <string_view>
#include <vector>

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

// True when a configured name pattern (`*` wildcards) matches `text` as
// written, its qualified name, or (for a pattern without a dot) its last part.
bool matches_configured(const std::vector<std::string>& patterns, std::string_view text, std::string_view qualified);

// True when a decorator of `fn` matches one of `patterns`.
bool decorated_with(const SemanticModel& model, const Scope& fn, const std::vector<std::string>& patterns);

// A literal iterable with at least one element, or `range(...)` of literals
// that is not empty: a `for` over it runs its body at least once.
bool runs_once(const SemanticModel& model, TSNode iterable);

// A `while` condition that is always true: `True`, `1`, `"x"`.
bool always_true(const SemanticModel& model, TSNode condition);

}  // namespace asl
