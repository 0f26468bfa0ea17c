#include "lint/framework.h"

#include <string>

#include "core/semantic_model.h"

namespace asl {

namespace {
bool is_module_or_inside(const std::string& q, std::string_view module) {
  return q.starts_with(module) && (q.size() == module.size() || q[module.size()] == '.');
}
}  // namespace

Framework file_framework(const SemanticModel& model, Framework configured) {
  bool asyncio = false, trio = false, anyio = false;
  for (const Scope& s : model.scopes()) {
    for (const auto& [name, bindings] : s.bindings) {
      for (const Binding& b : bindings) {
        if (b.kind != Binding::Kind::Import) continue;
        asyncio = asyncio || is_module_or_inside(b.qualified, "asyncio");
        trio = trio || is_module_or_inside(b.qualified, "trio");
        anyio = anyio || is_module_or_inside(b.qualified, "anyio");
      }
    }
  }
  if (!asyncio && anyio) return Framework::Anyio;
  if (!asyncio && trio) return Framework::Trio;
  if (asyncio && !trio && !anyio) return Framework::Asyncio;
  return configured;
}

}  // namespace asl
