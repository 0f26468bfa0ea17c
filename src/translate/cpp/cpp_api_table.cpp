#include "translate/cpp/cpp_api_table.h"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>
#include <toml++/toml.h>

namespace asl::tr::cpp {

extern const char* const kCppApiFiles[];
extern const char* const kCppApiTexts[];
extern const size_t kCppApiFileCount;

const CppCall* CppApiTable::call(const ApiEntry* e) const {
  auto it = calls.find(e);
  return it == calls.end() ? nullptr : it->second;
}

const std::string* CppApiTable::type(const std::string& python) const {
  auto it = types.find(python);
  return it == types.end() ? nullptr : &it->second;
}

namespace {

bool same_when(const std::vector<ArgTest>& a, const std::vector<ArgTest>& b) {
  if (a.size() != b.size()) return false;
  for (const auto& t : a)
    if (std::none_of(b.begin(), b.end(), [&](const ArgTest& u) { return u.param == t.param && u.is == t.is; })) return false;
  return true;
}

std::string str(const toml::table& t, std::string_view key) { return t[key].value_or(std::string()); }

}  // namespace

bool load_cpp_api(const ApiTable& api, const std::vector<std::pair<std::string, std::string>>& files, CppApiTable& out,
                  std::string* error) {
  auto fail = [&](const std::string& file, uint32_t line, const std::string& m) {
    if (error) *error = fmt::format("{}:{}: {}", file, line, m);
    return false;
  };
  for (const auto& [file, text] : files) {
    toml::table doc;
    try {
      doc = toml::parse(text, file);
    } catch (const toml::parse_error& e) {
      return fail(file, e.source().begin.line, std::string(e.description()));
    }
    for (auto&& [key, node] : doc) {
      const toml::array* arr = node.as_array();
      if (!arr || (key.str() != "call" && key.str() != "type"))
        return fail(file, node.source().begin.line, fmt::format("unknown section `{}` (call, type)", key.str()));
      for (auto&& item : *arr) {
        const toml::table* t = item.as_table();
        uint32_t line = item.source().begin.line;
        if (!t) return fail(file, line, "entries must be tables");
        for (auto&& [k, v] : *t)
          if (k.str() != "python" && k.str() != "cpp" && k.str() != "when" && k.str() != "context")
            return fail(file, v.source().begin.line, fmt::format("unknown key `{}`", k.str()));
        std::string python = str(*t, "python"), cpp = str(*t, "cpp");
        if (python.empty() || cpp.empty()) return fail(file, line, "`python` and `cpp` are required");
        if (key.str() == "type") {
          if (!api.type(python)) return fail(file, line, fmt::format("`{}` is not a type of rules/translate", python));
          out.types[python] = cpp;
          continue;
        }
        CppCall c{python, {}, str(*t, "context"), cpp, file, line};
        if (const toml::table* w = (*t)["when"].as_table())
          for (auto&& [k, v] : *w) c.when.push_back({std::string(k.str()), v.value_or(std::string())});
        if (!api.find(python)) return fail(file, line, fmt::format("`{}` is not an entry of rules/translate", python));
        out.all.push_back(std::move(c));
      }
    }
  }
  // Link: the mapping with the same conditions, else the first general one.
  for (const auto& e : api.entries) {
    const CppCall* exact = nullptr;
    const CppCall* general = nullptr;
    for (const auto& c : out.all) {
      if (c.python != e->python || (!c.context.empty() && c.context != e->context)) continue;
      if (!c.when.empty() && same_when(c.when, e->when) && !exact) exact = &c;
      if (c.when.empty() && !general) general = &c;
    }
    if (const CppCall* c = exact ? exact : general) out.calls[e.get()] = c;
  }
  // Placeholders must name a parameter of every entry they serve.
  for (const auto& [entry, c] : out.calls) {
    const std::string& s = c->cpp;
    for (size_t i = s.find('{'); i != std::string::npos; i = s.find('{', i + 1)) {
      size_t close = s.find('}', i);
      if (close == std::string::npos) return fail(c->file, c->line, "unclosed `{` in template");
      std::string name = s.substr(i + 1, close - i - 1);
      bool ok = name == "type" || name == "self" || (name.size() == 2 && name[0] == 'T') || entry->param_index(name) >= 0;
      // A general template may name parameters only some overloads have (they expand to nothing).
      bool any_overload = false;
      if (const auto* all = api.find(entry->python))
        for (const ApiEntry* o : *all) any_overload = any_overload || o->param_index(name) >= 0;
      if (!ok && !any_overload)
        return fail(c->file, c->line, fmt::format("placeholder `{{{}}}` is not a parameter of `{}`", name, entry->python));
    }
  }
  return true;
}

const CppApiTable& builtin_cpp_api() {
  static const CppApiTable table = [] {
    CppApiTable t;
    std::vector<std::pair<std::string, std::string>> files;
    for (size_t i = 0; i < kCppApiFileCount; ++i) files.emplace_back(kCppApiFiles[i], kCppApiTexts[i]);
    std::string error;
    if (!load_cpp_api(builtin_api_table(), files, t, &error)) throw std::runtime_error(error);
    return t;
  }();
  return table;
}

}  // namespace asl::tr::cpp
