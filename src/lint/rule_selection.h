// Which rule codes are enabled: defaults, then --select / --extend-select /
// --ignore by code or prefix (ruff's semantics: the longest prefix wins).
#pragma once

#include <string>
#include <vector>

#include "rules/catalog.h"

namespace asl {

struct RuleSelection {
  std::vector<std::string> select;         // replaces the defaults when non-empty
  std::vector<std::string> extend_select;
  std::vector<std::string> ignore;

  bool enabled(const Rule& rule) const;
  // Codes that select nothing in the catalog, for a clear usage error.
  std::vector<std::string> unknown_codes(const Catalog& catalog) const;
};

}  // namespace asl
