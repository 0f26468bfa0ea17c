#include "lint/checks/check_context.h"

#include <stdexcept>

namespace asl {

bool CheckContext::enabled(std::string_view code) const {
  const Rule* r = catalog.find(code);
  return r && selection.enabled(*r);
}

bool CheckContext::is_project_ref(std::string_view ref) const {
  if (ref.starts_with("super:")) ref.remove_prefix(6);
  const std::string& self = model.module().name;
  // Every dotted prefix of the reference may be a module of the project.
  for (size_t dot = ref.find('.'); dot != std::string_view::npos; dot = ref.find('.', dot + 1)) {
    std::string_view prefix = ref.substr(0, dot);
    if (prefix == self) return true;
    if (project && project->modules.contains(std::string(prefix))) return true;
  }
  // Names of this module when its own name is unknown (standard input).
  return self.empty() && ref.find('.') == std::string_view::npos;
}

const Rule& CheckContext::rule(std::string_view code) const {
  const Rule* r = catalog.find(code);
  if (!r) throw std::logic_error("check for a rule missing from the catalog: " + std::string(code));
  return *r;
}

Diagnostic CheckContext::make_at(std::string_view code, uint32_t start, uint32_t end, std::string_view callee,
                                 std::string_view detail) const {
  const Rule& r = rule(code);
  Diagnostic d;
  d.code = r.code;
  d.message = format_message(r, callee, nullptr, detail);
  d.start_byte = start;
  d.end_byte = end;
  d.start = file.location(start);
  d.end = file.location(end);
  return d;
}

Diagnostic CheckContext::make(std::string_view code, TSNode node, std::string_view callee,
                              std::string_view detail) const {
  return make_at(code, ts_node_start_byte(node), ts_node_end_byte(node), callee, detail);
}

}  // namespace asl
