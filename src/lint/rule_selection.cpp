#include "lint/rule_selection.h"

namespace asl {

namespace {
// Length of the longest entry of `list` that prefixes `code`, or -1.
int best_prefix(const std::vector<std::string>& list, const std::string& code) {
  int best = -1;
  for (const auto& p : list) {
    if (p == "ALL" || code.starts_with(p)) best = std::max(best, p == "ALL" ? 0 : static_cast<int>(p.size()));
  }
  return best;
}
}  // namespace

bool RuleSelection::enabled(const Rule& rule) const {
  // A rule answers to its own code and to the codes of other tools it mirrors.
  auto best = [&](const std::vector<std::string>& list) {
    int b = best_prefix(list, rule.code);
    for (const auto& a : rule.aliases) b = std::max(b, best_prefix(list, a));
    return b;
  };
  int sel = select.empty() ? (rule.default_enabled ? 0 : -1) : best(select);
  sel = std::max(sel, best(extend_select));
  int ign = best(ignore);
  // A more specific select beats a broader ignore, and vice versa.
  bool on = sel >= 0 && sel > ign;
  for (const Layer& layer : layers) {
    int s = best(layer.extend_select), i = best(layer.ignore);
    if (s >= 0 || i >= 0) on = s > i;
  }
  return on;
}

std::vector<std::string> RuleSelection::unknown_codes(const Catalog& catalog) const {
  std::vector<std::string> unknown;
  std::vector<const std::vector<std::string>*> lists = {&select, &extend_select, &ignore};
  for (const Layer& layer : layers) lists.insert(lists.end(), {&layer.extend_select, &layer.ignore});
  for (const auto* list : lists) {
    for (const auto& p : *list) {
      bool hit = p == "ALL" || p == "E999";
      for (const Rule& r : catalog.rules) {
        hit = hit || r.code.starts_with(p);
        for (const auto& a : r.aliases) hit = hit || a.starts_with(p);
      }
      if (!hit) unknown.push_back(p);
    }
  }
  return unknown;
}

}  // namespace asl
