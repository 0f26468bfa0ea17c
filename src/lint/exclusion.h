// The directory walk's exclusions from configuration: `exclude` /
// `extend-exclude` of the settings that apply to each folder, then .gitignore
// when `respect-gitignore` is on.
#pragma once

#include "lint/config.h"
#include "lint/file_discovery.h"
#include "lint/gitignore.h"

namespace asl {

// Both arguments must outlive the filter.
WalkFilter exclusion_filter(ConfigResolver& resolver, GitignoreMatcher& gitignore);

}  // namespace asl
