// Matches every call in async context against the catalog's call rules in a
// single pass: each callee's qualified name is resolved once and looked up in
// one hash map built from all enabled rules, so cost does not grow with rules.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/diagnostic.h"
#include "core/semantic_model.h"
#include "core/source_file.h"
#include "lint/framework.h"
#include "lint/rule_selection.h"
#include "rules/catalog.h"

namespace asl {

class CallEngine {
 public:
  CallEngine(const Catalog& catalog, const RuleSelection& selection);
  // `framework`: the file's (file_framework), for the wording of suggestions.
  void run(const SemanticModel& model, const SourceFile& file, std::vector<Diagnostic>& out,
           Framework framework = Framework::Asyncio) const;
  bool empty() const { return exact_.empty() && methods_.empty() && configured_.empty(); }

  struct Target {
    const Rule* rule = nullptr;
    const CallPattern* pattern = nullptr;
  };
  // The blocking rule a call matches, wherever it is (async context or not).
  Target match(const SemanticModel& model, const CallSite& site) const;

 private:
  bool conditions_hold(const CallPattern& p, const SemanticModel& model, TSNode call, int scope) const;
  Target match_configured(const SemanticModel& model, const CallSite& site, const std::optional<std::string>& q) const;
  std::unordered_map<std::string, std::vector<Target>> exact_;
  std::unordered_map<std::string, std::vector<Target>> methods_;  // `T.*`: keyed by T
  // The configuration's extra blocking calls (ASYNC200): `*` patterns over
  // the qualified name, or over the callee as written when its first name is
  // unbound or a function or class of the file.
  std::vector<std::pair<std::string, Target>> configured_;
};

// Fills a rule's message template; `{use}` is the pattern's advice for `framework`.
std::string format_message(const Rule& rule, std::string_view callee, const CallPattern* pattern,
                           std::string_view detail = {}, Framework framework = Framework::Asyncio);

// A call pattern's advice for a framework: its `use-trio` / `use-anyio` when it has one.
const std::string& advice_for(const CallPattern& p, Framework framework);

// The callee as written, on one line and at most 60 characters.
std::string callee_text(std::string_view text);

}  // namespace asl
