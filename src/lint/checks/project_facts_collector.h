#pragma once
#include "lint/checks/check_context.h"
namespace asl {
// Records this file's functions, classes, re-exports and calls into the rest
// of the project, for the transitive-blocking and missing-await analyses.
void collect_project_facts(const CheckContext& cx);
}  // namespace asl
