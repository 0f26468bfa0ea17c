// The translator's entry point: Python source -> target source + diagnostics.
#pragma once

#include <string>
#include <vector>

#include "core/source_file.h"
#include "translate/diagnostics.h"

namespace asl::tr {

enum class Target { CSharp, Cpp };

struct TranslateOptions {
  Target target = Target::CSharp;
  std::string namespace_name;
};

struct TranslateResult {
  std::string code;
  std::vector<TranslateDiagnostic> diagnostics;  // sorted by position
  bool syntax_error = false;
};

TranslateResult translate(const SourceFile& file, const TranslateOptions& options);

// Causes before consequences (an uninferred type where its cause is reported
// too is dropped), sorted by position, one report per position and message.
void tidy_diagnostics(std::vector<TranslateDiagnostic>& diags);

}  // namespace asl::tr
