// Unified diff of two texts by lines (Myers' algorithm), for --diff.
#pragma once

#include <string>
#include <string_view>

namespace asl {

// Empty when the texts are equal. Lines keep their own terminators, so a
// CRLF file diffs as CRLF; a last line without one gets git's marker.
std::string unified_diff(std::string_view before, std::string_view after, const std::string& from_name,
                         const std::string& to_name, int context = 3);

}  // namespace asl
