// Applying fixes: non-overlapping edits in one pass, and rounds of
// lint -> apply -> re-lint until nothing changes (at most 10), as ruff does.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "lint/linter.h"

namespace asl {

struct AppliedFixes {
  std::string text;
  size_t applied = 0;  // fixes (not edits) applied
};

// Applies the fixes of `diagnostics` (safe ones; unsafe ones too when
// `unsafe`). A fix is taken whole or not at all: one whose edits overlap an
// accepted fix waits for the next round; identical edits (two fixes adding the
// same import) are applied once.
AppliedFixes apply_fixes(std::string_view text, const std::vector<Diagnostic>& diagnostics, bool unsafe);

struct FixedFile {
  std::shared_ptr<const SourceFile> source;  // the final text
  FileResult result;                         // what is left to report in it
  size_t fixed = 0;
  bool changed = false;
  // A round made the file stop parsing: it was undone and fixing stopped.
  std::optional<std::string> reverted;
};

using LintFunction = std::function<FileResult(const SourceFile&)>;

inline constexpr int kMaxFixRounds = 10;

FixedFile fix_until_stable(const SourceFile& original, const LintFunction& lint, bool unsafe);

}  // namespace asl
