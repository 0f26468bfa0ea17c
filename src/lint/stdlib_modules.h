// The standard library's top-level module names, to tell where a chain of
// calls leaves a package for the standard library (AL210).
#pragma once

#include <string_view>

namespace asl {

// True when the top-level package of dotted `module` is one of the standard library's.
bool is_stdlib_module(std::string_view module);

}  // namespace asl
