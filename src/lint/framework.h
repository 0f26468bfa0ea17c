// The async library a project uses: it decides the wording of suggested
// replacements and what a fix inserts (`asyncio.sleep` vs `trio.sleep`).
#pragma once

#include <optional>
#include <string_view>

namespace asl {

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

}  // namespace asl
