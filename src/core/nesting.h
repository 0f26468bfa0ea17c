// A bound on syntax-tree depth. The analyses and the translator recurse over
// the tree (and some ask tree-sitter for parents, which costs the depth each
// time), so absurdly nested input would overflow the stack or take minutes.
// CPython refuses such code too ("too many nested parentheses" past 200,
// a RecursionError for long operator chains past a few thousand).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/source_file.h"
#include "core/syntax.h"

namespace asl {

// Tree levels, not source nesting: `f(f(x))` takes two per call, `((x))` one
// per parenthesis, a chain `a + b + c` one per operator.
inline constexpr uint32_t kMaxTreeDepth = 1000;

// The start of the first node deeper than `limit` (an iterative walk).
std::optional<uint32_t> first_too_deep(TSNode root, uint32_t limit = kMaxTreeDepth);

// "LINE:COL: nesting too deep (...)" when the tree is too deep, else nothing.
std::optional<std::string> nesting_error(TSNode root, const SourceFile& file, uint32_t limit = kMaxTreeDepth);

}  // namespace asl
