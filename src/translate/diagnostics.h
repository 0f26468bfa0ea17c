// What the translator reports: constructs it cannot translate, with position.
#pragma once

#include <string>
#include <vector>

#include "translate/ir.h"

namespace asl::tr {

struct TranslateDiagnostic {
  SourcePos pos;
  std::string what;  // `unsupported: <what>`
};

// Thrown inside the lowering when a construct has no translation; caught at
// the nearest statement, which becomes a TODO (or an error without --allow-partial).
struct Unsupported {
  SourcePos pos;
  std::string what;
};

}  // namespace asl::tr
