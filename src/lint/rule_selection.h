// Which rule codes are enabled: defaults, then --select / --extend-select /
// --ignore by code or prefix (ruff's semantics: the longest prefix wins).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "rules/catalog.h"

namespace asl {

struct RuleSelection {
  RuleSelection() = default;
  RuleSelection(std::vector<std::string> select_, std::vector<std::string> extend_select_ = {},
                std::vector<std::string> ignore_ = {})
      : select(std::move(select_)), extend_select(std::move(extend_select_)), ignore(std::move(ignore_)) {}

  std::vector<std::string> select;         // replaces the defaults when non-empty
  std::vector<std::string> extend_select;
  std::vector<std::string> ignore;

  // Later layers without a `select` of their own (the command line's
  // --extend-select / --ignore over a configuration), applied in order, as
  // ruff applies them: a layer decides every rule one of its selectors
  // matches (the more specific selector wins, `ignore` a tie) and leaves the
  // others as the layers before left them. A later `select` is no layer: it
  // starts a new selection.
  struct Layer {
    std::vector<std::string> extend_select, ignore;
  };
  std::vector<Layer> layers;

  bool enabled(const Rule& rule) const;
  // Codes that select nothing in the catalog, for a clear usage error.
  std::vector<std::string> unknown_codes(const Catalog& catalog) const;
};

}  // namespace asl
