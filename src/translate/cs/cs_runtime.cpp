// Picks the runtime helpers a generated file uses out of runtime/Py.cs
// (embedded at build time), with the helpers they depend on.
#include <map>
#include <set>
#include <sstream>

#include "translate/cs/cs_emitter.h"

namespace asl::tr::cs {

extern const char* const kPyRuntimeSource;

namespace {

struct Helper {
  std::string code;
  std::vector<std::string> needs;
};

const std::map<std::string, Helper>& helpers() {
  static const std::map<std::string, Helper> all = [] {
    std::map<std::string, Helper> m;
    std::istringstream in(kPyRuntimeSource);
    std::string line, current;
    while (std::getline(in, line)) {
      if (line.starts_with("// @helper ")) {
        current = line.substr(11);
        continue;
      }
      if (current.empty()) continue;
      if (line.starts_with("// @needs ")) {
        std::istringstream names(line.substr(10));
        std::string n;
        while (names >> n) m[current].needs.push_back(n);
        continue;
      }
      m[current].code += line + "\n";
    }
    for (auto& [name, h] : m)
      while (h.code.ends_with("\n\n")) h.code.pop_back();
    return m;
  }();
  return all;
}

}  // namespace

std::string runtime_helpers(const std::string& code, const std::string& indent) {
  (void)indent;
  std::set<std::string> used;
  std::vector<std::string> work;
  for (size_t at = code.find("Py."); at != std::string::npos; at = code.find("Py.", at + 3)) {
    if (at > 0 && (std::isalnum(static_cast<unsigned char>(code[at - 1])) || code[at - 1] == '_')) continue;
    size_t e = at + 3;
    while (e < code.size() && (std::isalnum(static_cast<unsigned char>(code[e])) || code[e] == '_')) ++e;
    work.push_back(code.substr(at + 3, e - at - 3));
  }
  while (!work.empty()) {
    std::string n = work.back();
    work.pop_back();
    auto it = helpers().find(n);
    if (it == helpers().end() || !used.insert(n).second) continue;
    for (const auto& d : it->second.needs) work.push_back(d);
  }
  if (used.empty()) return {};
  std::string out = "/// <summary>Python semantics used by the translated code.</summary>\npublic static class Py\n{\n";
  bool first = true;
  for (const auto& [name, h] : helpers()) {  // stable order: by name
    if (!used.count(name)) continue;
    if (!first) out += "\n";
    first = false;
    out += h.code;
  }
  return out + "}\n";
}

}  // namespace asl::tr::cs
