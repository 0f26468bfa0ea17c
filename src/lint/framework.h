// The async library a project uses: it decides the wording of suggested
// replacements and what a fix inserts (`asyncio.sleep` vs `trio.sleep`).
#pragma once

#include <optional>
#include <string_view>

namespace asl {

class SemanticModel;

enum class Framework { Asyncio, Anyio, Trio };

inline std::optional<Framework> parse_framework(std::string_view name) {
  if (name == "asyncio") return Framework::Asyncio;
  if (name == "anyio") return Framework::Anyio;
  if (name == "trio") return Framework::Trio;
  return std::nullopt;
}

inline std::string_view framework_name(Framework f) {
  switch (f) {
    case Framework::Anyio: return "anyio";
    case Framework::Trio: return "trio";
    case Framework::Asyncio: break;
  }
  return "asyncio";
}

// The framework a file is written for, as flake8-async decides it, from the
// modules it imports: a file that imports trio or anyio and not asyncio is
// theirs (anyio when it imports both: anyio also runs on trio), one that
// imports asyncio alone is asyncio's; otherwise (none, or asyncio with
// another) the configured framework.
Framework file_framework(const SemanticModel& model, Framework configured);

}  // namespace asl
