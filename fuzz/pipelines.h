// The three pipelines the fuzzers drive, shared with the regression test that
// replays tests/robustness/crashes: each takes arbitrary bytes and returns a
// description of the first broken invariant, or nothing. A crash is a crash.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace asl::robustness {

// The bytes as a one-file project with every rule on (the project-wide phase
// included), then every report format over the result. Findings and their
// fix edits must lie inside the text.
std::optional<std::string> lint_pipeline(std::string_view bytes);

// Fix to a fixed point with every rule and unsafe fixes on: no more syntax
// errors than before, and a second run changes nothing.
std::optional<std::string> fix_pipeline(std::string_view bytes);

// Lowering and the C# and C++ backends, as `asynctranslate --allow-partial` runs them:
// unsupported constructs are diagnostics, never an escaping exception.
std::optional<std::string> translate_pipeline(std::string_view bytes);

}  // namespace asl::robustness
