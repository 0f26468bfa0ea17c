// The project-wide phase: with the facts of every file of the run, resolves
// calls across files (imports, re-exports, methods through base classes) and
// reports missing awaits on project coroutines (AL201/AL204) and transitive
// blocking (AL210). Deterministic whatever the order of the files.
#pragma once

#include <vector>

#include "core/diagnostic.h"
#include "lint/project_facts.h"
#include "rules/catalog.h"

namespace asl {

// One vector of diagnostics per input file, in input order. A file records
// facts only for the project rules its own settings enable, so the facts
// carry the selection.
std::vector<std::vector<Diagnostic>> analyze_project(const std::vector<const FileFacts*>& files,
                                                     const Catalog& catalog);

// How deep a blocking chain may be before it is no longer followed.
inline constexpr int kMaxBlockingDepth = 8;

}  // namespace asl
