// Fix generation: one small function per rule code, run by the linter after
// matching. A check may also attach its own Fix; the registry only fills
// diagnostics that have none.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/semantic_model.h"
#include "core/source_file.h"
#include "lint/framework.h"

namespace asl {

struct FixContext {
  const SemanticModel& model;
  const SourceFile& file;
  TSNode root;
  Framework framework = Framework::Asyncio;
};

using FixFunction = std::optional<Fix> (*)(const FixContext&, const Diagnostic&);

// The fix function for a rule code, or nullptr.
FixFunction fix_function(std::string_view code);

// Attaches the registered fix to every diagnostic without one.
void attach_fixes(std::vector<Diagnostic>& diagnostics, const FixContext& ctx);

// The rule fixes, one per file in this folder.
std::optional<Fix> fix_blocking_sleep(const FixContext& ctx, const Diagnostic& d);
std::optional<Fix> fix_missing_await(const FixContext& ctx, const Diagnostic& d);

}  // namespace asl
