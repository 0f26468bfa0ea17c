// Syntax helpers shared by the fixes: where a call sits, whether `await` is
// valid and needs parentheses there, and how to make a module importable.
#pragma once

#include <optional>
#include <string>

#include "core/diagnostic.h"
#include "lint/fixes/fixes.h"

namespace asl {

// The call whose callee spans exactly [start, end), or a null node.
TSNode call_at_callee(TSNode root, uint32_t start, uint32_t end);

// The scope of a call site recorded by the semantic model, or -1.
int scope_of_call(const SemanticModel& model, TSNode call);

enum class AwaitPlacement { Invalid, Bare, Parenthesized };
// Whether `expr` can become `await expr` in place: not when it is already
// awaited or sits in a lambda or generator expression (where `await` is an
// error or turns the generator asynchronous); parenthesised where it is the
// object of an attribute, subscript or call, which bind tighter than `await`,
// and where it is the left operand of `**`.
AwaitPlacement await_placement(TSNode expr);

// Whether `await` may appear at `expr` at all: in the body of an `async def`
// (comprehensions included), not in a lambda, generator expression, class
// body, synchronous function or at module level.
bool await_allowed(TSNode expr);

// The name under which `module` can be used at byte `use` in `scope`: an
// existing `import module [as alias]`, or `module` plus an edit that inserts
// `import module` after the leading docstring / __future__ / import block.
// nullopt when the name is taken by something else.
struct ModuleReference {
  std::string name;
  std::optional<Edit> import_edit;
};
std::optional<ModuleReference> reference_module(const FixContext& ctx, std::string_view module, int scope,
                                                uint32_t use);

// The file's line terminator, which inserted lines must use.
std::string_view line_terminator(const SourceFile& file);

}  // namespace asl
