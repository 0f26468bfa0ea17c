// Between lowering and emission: every value a backend will spell has a type.
// What inference left open is reported where it appears, rather than spelled
// `object` by one backend and stopped at without a position by the other.
#pragma once

#include <vector>

#include "translate/diagnostics.h"
#include "translate/ir.h"

namespace asl::tr {

void check_types(Module& m, std::vector<TranslateDiagnostic>& diags);

}  // namespace asl::tr
