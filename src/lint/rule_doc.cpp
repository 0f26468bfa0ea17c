#include "lint/rule_doc.h"

#include <algorithm>

#include <fmt/format.h>

namespace asl {

namespace {
std::string code_block(const std::string& code) {
  std::string c = code;
  if (!c.empty() && c.back() != '\n') c += '\n';
  return "```python\n" + c + "```\n";
}
}  // namespace

std::string render_rule_doc(const Rule& r) {
  std::string out = fmt::format("# {} ({})\n\n", r.name, r.code);
  out += r.summary + ".";
  if (!r.default_enabled) out += " Off by default: enable it with `--extend-select " + r.code + "`.";
  out += "\n\n## What it does\n" + r.doc.what + "\n\n## Why is this bad?\n" + r.doc.why + "\n\n";
  out += "## Example\n" + code_block(r.doc.example) + "\nUse instead:\n" + code_block(r.doc.use_instead);
  if (!r.doc.cs.empty()) out += "\n## In C# terms\n" + r.doc.cs + "\n";
  if (!r.calls.empty()) {
    out += "\n## Calls reported\n";
    for (const auto& p : r.calls) {
      std::string names;
      for (const auto& n : p.names) names += (names.empty() ? "`" : ", `") + n + "`";
      out += fmt::format("- {}: use `{}` (C#: `{}`)\n", names, p.use, p.cs);
    }
  }
  return out;
}

std::string render_rule_table(const Catalog& catalog) {
  std::vector<const Rule*> rules;
  for (const Rule& r : catalog.rules) rules.push_back(&r);
  std::sort(rules.begin(), rules.end(), [](const Rule* a, const Rule* b) { return a->code < b->code; });
  std::string out = "| Code | Name | Summary | Default |\n|---|---|---|---|\n";
  for (const Rule* r : rules)
    out += fmt::format("| {} | {} | {} | {} |\n", r->code, r->name, r->summary, r->default_enabled ? "on" : "off");
  return out;
}

}  // namespace asl
