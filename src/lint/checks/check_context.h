// What a C++-backed check sees: the file, its semantic model, the rule
// selection, and the facts it may record for the project-wide phase.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/diagnostic.h"
#include "core/semantic_model.h"
#include "core/source_file.h"
#include "lint/call_engine.h"
#include "lint/framework.h"
#include "lint/project_facts.h"
#include "lint/rule_selection.h"
#include "rules/catalog.h"

namespace asl {

struct CheckContext {
  const SemanticModel& model;
  const SourceFile& file;
  const Catalog& catalog;
  const RuleSelection& selection;
  const CallEngine& calls;
  FileFacts& facts;
  // The run's modules (a callee outside them is not the project's) and async
  // function names. Null: this file alone.
  const ProjectScope* project = nullptr;
  // The file's framework (file_framework: its imports, else the configured one).
  Framework framework = Framework::Asyncio;

  // True when `ref` (a resolve_project_callee result) names something in the project.
  bool is_project_ref(std::string_view ref) const;
  bool enabled(std::string_view code) const;
  const Rule& rule(std::string_view code) const;
  // A diagnostic for `code` over `node`, its message from the rule's template.
  Diagnostic make(std::string_view code, TSNode node, std::string_view callee, std::string_view detail = {}) const;
  // A range-only variant for nodes that are not the reported text.
  Diagnostic make_at(std::string_view code, uint32_t start, uint32_t end, std::string_view callee,
                     std::string_view detail = {}) const;
};

// Runs every C++-backed check whose rule is enabled.
void run_checks(const CheckContext& context, std::vector<Diagnostic>& out);

}  // namespace asl
