#include "translate/api_table.h"

#include <cctype>
#include <set>

#include <fmt/format.h>
#include <toml++/toml.h>

namespace asl::tr {

int ApiEntry::param_index(std::string_view name) const {
  for (size_t i = 0; i < params.size(); ++i) {
    std::string_view p = params[i];
    if (p.starts_with("*")) p.remove_prefix(1);
    if (p == name) return static_cast<int>(i);
  }
  return -1;
}

const std::vector<const ApiEntry*>* ApiTable::find(const std::string& python) const {
  auto it = by_name.find(python);
  return it == by_name.end() ? nullptr : &it->second;
}

const ApiType* ApiTable::type(const std::string& python) const {
  auto it = types.find(python);
  return it == types.end() ? nullptr : &it->second;
}

namespace {

// --- type patterns -------------------------------------------------------

struct PatternParser {
  std::string_view s;
  size_t i = 0;
  std::string error;

  void skip() { while (i < s.size() && s[i] == ' ') ++i; }
  std::string ident() {
    size_t b = i;
    while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '_' || s[i] == '.')) ++i;
    return std::string(s.substr(b, i - b));
  }
  bool parse(TypePattern& out) {
    skip();
    if (i < s.size() && s[i] == '$') {
      ++i;
      std::string ref = ident();
      if (ref.empty()) return fail("`$` must be followed by a parameter name");
      size_t dot = ref.find('.');
      out.ref = ref.substr(0, dot);
      while (dot != std::string::npos) {
        size_t next = ref.find('.', dot + 1);
        out.path.push_back(ref.substr(dot + 1, next == std::string::npos ? std::string::npos : next - dot - 1));
        dot = next;
      }
      for (const auto& p : out.path) {
        if (p != "elem" && p != "await" && p != "key" && p != "value" && p != "result" &&
            !(p.starts_with("arg") && p.size() == 4 && std::isdigit(static_cast<unsigned char>(p[3]))))
          return fail(fmt::format("unknown type projection `.{}` (elem, await, key, value, result, argN)", p));
      }
      return true;
    }
    out.name = ident();
    if (out.name.empty()) return fail("expected a type name");
    skip();
    if (i < s.size() && s[i] == '[') {
      ++i;
      do {
        out.args.emplace_back();
        if (!parse(out.args.back())) return false;
        skip();
      } while (i < s.size() && s[i] == ',' && ++i);
      if (i >= s.size() || s[i] != ']') return fail("expected `]`");
      ++i;
    }
    return true;
  }
  bool fail(std::string m) {
    if (error.empty()) error = std::move(m);
    return false;
  }
};

// --- TOML documents ------------------------------------------------------

struct Loader {
  ApiTable& table;
  const std::string& file;
  ApiError* error;

  bool fail(const toml::node* at, std::string message) {
    if (error) {
      error->file = file;
      error->line = at ? at->source().begin.line : 0;
      error->column = at ? at->source().begin.column : 0;
      error->message = std::move(message);
    }
    return false;
  }

  bool only_keys(const toml::table& t, std::initializer_list<std::string_view> allowed, std::string_view where) {
    for (auto&& [k, v] : t) {
      bool ok = false;
      for (auto a : allowed) ok = ok || k.str() == a;
      if (!ok) return fail(&v, fmt::format("unknown key `{}` in [[{}]]", k.str(), where));
    }
    return true;
  }

  bool string(const toml::table& t, std::string_view key, std::string& out, bool required) {
    const toml::node* n = t.get(key);
    if (!n) return required ? fail(&t, fmt::format("missing key `{}`", key)) : true;
    if (!n->is_string()) return fail(n, fmt::format("`{}` must be a string", key));
    out = *n->value<std::string>();
    return true;
  }

  bool boolean(const toml::table& t, std::string_view key, bool& out) {
    const toml::node* n = t.get(key);
    if (!n) return true;
    if (!n->is_boolean()) return fail(n, fmt::format("`{}` must be true or false", key));
    out = *n->value<bool>();
    return true;
  }

  bool strings(const toml::table& t, std::string_view key, std::vector<std::string>& out) {
    const toml::node* n = t.get(key);
    if (!n) return true;
    const toml::array* a = n->as_array();
    if (!a) return fail(n, fmt::format("`{}` must be an array of strings", key));
    for (auto&& e : *a) {
      if (!e.is_string()) return fail(&e, fmt::format("`{}` must hold only strings", key));
      out.push_back(*e.value<std::string>());
    }
    return true;
  }

  bool pattern(const toml::table& t, std::string_view key, TypePattern& out, bool required, bool* present = nullptr) {
    std::string text;
    if (!string(t, key, text, required)) return false;
    if (present) *present = t.get(key) != nullptr;
    if (text.empty()) return true;
    PatternParser p{text, 0, {}};
    if (!p.parse(out) || (p.skip(), p.i != text.size()))
      return fail(t.get(key), fmt::format("bad type `{}`: {}", text, p.error.empty() ? "trailing text" : p.error));
    return true;
  }

  // Placeholders must name a parameter, the receiver, or the result type.
  bool check_template(const toml::table& t, std::string_view key, const ApiEntry& e) {
    const std::string& s = key == "cs" ? e.cs : key == "cs-cancel" ? e.cs_cancel : key == "cs-spawn" ? e.cs_spawn : e.cpp;
    bool token_ok = key != "cpp";  // the C# templates may name the cancellation token in scope
    if (s.starts_with("@")) return true;  // a backend intrinsic (print)
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '}' && i + 1 < s.size() && s[i + 1] == '}') { ++i; continue; }
      if (s[i] != '{') continue;
      if (i + 1 < s.size() && s[i + 1] == '{') { ++i; continue; }
      size_t close = s.find('}', i);
      if (close == std::string::npos) return fail(t.get(key), "unclosed `{` in template");
      std::string name = s.substr(i + 1, close - i - 1);
      bool ok = name == "type" || (name.size() == 2 && name[0] == 'T' && std::isdigit(static_cast<unsigned char>(name[1]))) ||
                (name == "self" && e.kind != ApiKind::Function) || e.param_index(name) >= 0 ||
                (name == "token" && token_ok);
      if (!ok) return fail(t.get(key), fmt::format("template placeholder `{{{}}}` is not a parameter of `{}`", name, e.python));
      i = close;
    }
    return true;
  }

  bool pattern_refs(const toml::table& t, const TypePattern& p, const ApiEntry& e) {
    if (!p.ref.empty() && p.ref != "self" && e.param_index(p.ref) < 0)
      return fail(t.get("returns"), fmt::format("`${}` is not a parameter of `{}`", p.ref, e.python));
    for (const auto& a : p.args)
      if (!pattern_refs(t, a, e)) return false;
    return true;
  }

  bool entry(const toml::table& t, ApiKind kind, std::string_view where) {
    if (!only_keys(t, {"python", "params", "returns", "context", "when", "cs", "cs-cancel", "cs-spawn", "spawn", "cancels", "concurrent",
                       "cpp", "using", "note", "task", "shields"},
                   where))
      return false;
    auto e = std::make_unique<ApiEntry>();
    e->kind = kind;
    e->file = file;
    e->line = t.source().begin.line;
    if (!string(t, "python", e->python, true) || !strings(t, "params", e->params) ||
        !pattern(t, "returns", e->returns, true) || !string(t, "context", e->context, false) ||
        !string(t, "cs", e->cs, true) || !string(t, "cpp", e->cpp, false) || !strings(t, "using", e->cs_using) ||
        !string(t, "note", e->note, false) || !string(t, "cs-cancel", e->cs_cancel, false) ||
        !string(t, "cs-spawn", e->cs_spawn, false) || !string(t, "spawn", e->spawn, false) ||
        !boolean(t, "cancels", e->cancels) || !boolean(t, "concurrent", e->concurrent) ||
        !string(t, "task", e->task, false) || !boolean(t, "shields", e->shields))
      return false;
    if (!e->task.empty() && e->task != "detached" && e->task != "group")
      return fail(t.get("task"), "`task` must be detached or group");
    if (!e->spawn.empty() && (e->param_index(e->spawn) < 0 || e->variadic(static_cast<size_t>(e->param_index(e->spawn)))))
      return fail(t.get("spawn"), fmt::format("`spawn` names `{}`, which is not a single parameter", e->spawn));
    if (e->spawn.empty() != e->cs_spawn.empty())
      return fail(t.get(e->spawn.empty() ? "cs-spawn" : "spawn"), "`spawn` and `cs-spawn` go together");
    if (!e->context.empty() && e->context != "async" && e->context != "sync")
      return fail(t.get("context"), "`context` must be \"async\" or \"sync\"");
    if (kind == ApiKind::Attribute && !e->params.empty() && e->python.find("().") == std::string::npos)
      return fail(t.get("params"), "an attribute takes no parameters (only `f().attr` names the call's)");
    if (const toml::node* w = t.get("when")) {
      const toml::table* wt = w->as_table();
      if (!wt) return fail(w, "`when` must be a table { param = \"present\" | \"missing\" | literal | \"type:KIND\" }");
      for (auto&& [k, v] : *wt) {
        if (!v.is_string()) return fail(&v, "`when` values must be strings");
        if (e->param_index(k.str()) < 0) return fail(&v, fmt::format("`when` names `{}`, which is not a parameter", k.str()));
        e->when.push_back({std::string(k.str()), *v.value<std::string>()});
      }
    }
    if (!check_template(t, "cs", *e) || !check_template(t, "cs-cancel", *e) || !check_template(t, "cs-spawn", *e) ||
        !check_template(t, "cpp", *e) || !pattern_refs(t, e->returns, *e))
      return false;
    table.by_name[e->python].push_back(e.get());
    table.entries.push_back(std::move(e));
    return true;
  }

  bool type(const toml::table& t) {
    if (!only_keys(t, {"python", "cs", "cpp", "using", "with", "enters", "await-enter", "exception", "cs-new", "base"}, "type"))
      return false;
    ApiType ty;
    ty.file = file;
    ty.line = t.source().begin.line;
    std::string ignored_cpp;
    if (!string(t, "python", ty.python, true) || !string(t, "cs", ty.cs, true) || !string(t, "cpp", ignored_cpp, false) ||
        !strings(t, "using", ty.cs_using) || !string(t, "with", ty.with, false) ||
        !pattern(t, "enters", ty.enters, false, &ty.has_enters) || !boolean(t, "await-enter", ty.await_enter) ||
        !boolean(t, "exception", ty.exception) || !string(t, "cs-new", ty.cs_new, false) ||
        !string(t, "base", ty.base, false))
      return false;
    if (!ty.with.empty() && ty.with != "dispose" && ty.with != "async-dispose" && ty.with != "lock" && ty.with != "task-group" &&
        ty.with != "timeout")
      return fail(t.get("with"), "`with` must be dispose, async-dispose, lock, task-group or timeout");
    if (table.types.count(ty.python)) return fail(&t, fmt::format("type `{}` is declared twice", ty.python));
    table.types.emplace(ty.python, std::move(ty));
    return true;
  }

  bool load(const toml::table& doc) {
    for (auto&& [k, v] : doc) {
      std::string_view key = k.str();
      const toml::array* arr = v.as_array();
      if (!arr || (key != "module" && key != "type" && key != "function" && key != "method" && key != "attribute"))
        return fail(&v, fmt::format("unknown section `{}` (module, type, function, method, attribute)", key));
      for (auto&& item : *arr) {
        const toml::table* t = item.as_table();
        if (!t) return fail(&item, fmt::format("`{}` entries must be tables ([[{}]])", key, key));
        bool ok = true;
        if (key == "module") {
          std::string name;
          ok = only_keys(*t, {"name"}, "module") && string(*t, "name", name, true);
          if (ok) table.modules[name] = file;
        } else if (key == "type") {
          ok = type(*t);
        } else {
          ok = entry(*t, key == "function" ? ApiKind::Function : key == "method" ? ApiKind::Method : ApiKind::Attribute, key);
        }
        if (!ok) return false;
      }
    }
    return true;
  }
};

const std::set<std::string, std::less<>> kBuiltinTypeNames = {
    "None", "Any", "bool", "int", "float", "str", "list", "dict", "set", "tuple", "Optional",
    "Callable", "Awaitable", "AsyncIterator", "Iterator", "Sequence"};

bool names_known(const ApiTable& t, const TypePattern& p, std::string* bad) {
  if (p.ref.empty() && !kBuiltinTypeNames.count(p.name) && !t.types.count(p.name)) {
    *bad = p.name;
    return false;
  }
  for (const auto& a : p.args)
    if (!names_known(t, a, bad)) return false;
  return true;
}

}  // namespace

bool parse_type_pattern(std::string_view text, TypePattern& out, std::string* error) {
  PatternParser p{text, 0, {}};
  bool ok = p.parse(out) && (p.skip(), p.i == text.size());
  if (!ok && error) *error = p.error.empty() ? "trailing text" : p.error;
  return ok;
}

bool load_api_document(ApiTable& table, const std::string& file, std::string_view text, ApiError* error) {
  toml::table root;
  try {
    root = toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    if (error) *error = {file, e.source().begin.line, e.source().begin.column, std::string(e.description())};
    return false;
  }
  return Loader{table, file, error}.load(root);
}

bool validate_api_table(const ApiTable& table, ApiError* error) {
  auto fail = [&](const std::string& file, uint32_t line, std::string m) {
    if (error) *error = {file, line, 1, std::move(m)};
    return false;
  };
  std::string bad;
  for (const auto& e : table.entries) {
    if (!names_known(table, e->returns, &bad))
      return fail(e->file, e->line, fmt::format("`{}` returns unknown type `{}` (declare it in a [[type]])", e->python, bad));
    if (e->kind != ApiKind::Function) {
      // Methods and attributes hang off a declared type, or off a call (`requests.get().text`).
      std::string owner = e->python.substr(0, e->python.rfind('.'));
      if (!owner.ends_with("()") && !table.types.count(owner) && !table.modules.count(owner))
        return fail(e->file, e->line, fmt::format("`{}`: the receiver type `{}` is not declared", e->python, owner));
    } else {
      std::string module = e->python.substr(0, e->python.find('.'));
      if (!table.modules.count(module))
        return fail(e->file, e->line, fmt::format("`{}`: module `{}` is not declared in a [[module]]", e->python, module));
    }
  }
  for (const auto& [name, ty] : table.types)
    if (ty.has_enters && !names_known(table, ty.enters, &bad))
      return fail(ty.file, ty.line, fmt::format("type `{}` enters unknown type `{}`", name, bad));
  return true;
}

}  // namespace asl::tr
