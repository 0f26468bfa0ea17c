#include "rules/catalog.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <stdexcept>

#include <fmt/format.h>
#include <toml++/toml.h>

namespace asl {

namespace {

struct Loader {
  const std::string& file;
  CatalogError* error;

  bool fail(const toml::node* at, std::string message) {
    if (error) {
      error->file = file;
      error->line = at ? at->source().begin.line : 0;
      error->column = at ? at->source().begin.column : 0;
      error->message = std::move(message);
    }
    return false;
  }

  bool only_keys(const toml::table& t, std::initializer_list<std::string_view> allowed,
                 std::string_view where) {
    for (auto&& [k, v] : t) {
      bool ok = false;
      for (auto a : allowed) ok = ok || k.str() == a;
      if (!ok) return fail(&v, fmt::format("unknown key `{}` in {}", k.str(), where));
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

  bool conditions(const toml::table& t, std::string_view key, std::vector<ArgCondition>& out) {
    const toml::node* n = t.get(key);
    if (!n) return true;
    const toml::array* a = n->as_array();
    if (!a) return fail(n, fmt::format("`{}` must be an array of tables", key));
    for (auto&& e : *a) {
      const toml::table* c = e.as_table();
      if (!c) return fail(&e, fmt::format("`{}` must hold tables {{ argument = \"name@0\", is = [...] }}", key));
      if (!only_keys(*c, {"argument", "is"}, key)) return false;
      ArgCondition cond;
      std::string arg;
      if (!string(*c, "argument", arg, true) || !strings(*c, "is", cond.is)) return false;
      auto at = arg.find('@');
      cond.name = arg.substr(0, at);
      if (at != std::string::npos) {
        char* end = nullptr;
        long pos = std::strtol(arg.c_str() + at + 1, &end, 10);
        if (*end != '\0' || pos < 0) return fail(c, fmt::format("bad argument spec `{}` (want name@position)", arg));
        cond.position = static_cast<int>(pos);
      }
      if (cond.is.empty()) return fail(c, "`is` must name at least one value");
      out.push_back(std::move(cond));
    }
    return true;
  }

  bool string_map(const toml::table& t, std::string_view key,
                  std::unordered_map<std::string, std::string>& out) {
    const toml::node* n = t.get(key);
    if (!n) return true;
    const toml::table* m = n->as_table();
    if (!m) return fail(n, fmt::format("`{}` must be a table", key));
    for (auto&& [k, v] : *m) {
      if (!v.is_string()) return fail(&v, fmt::format("`{}.{}` must be a string", key, k.str()));
      out[std::string(k.str())] = *v.value<std::string>();
    }
    return true;
  }

  bool rule(const toml::table& root, Catalog& cat) {
    if (!only_keys(root, {"code", "name", "summary", "message", "kind", "default", "aliases", "calls", "doc"},
                   "a rule"))
      return false;
    Rule r;
    r.source = file;
    if (!string(root, "code", r.code, true) || !string(root, "name", r.name, true) ||
        !string(root, "summary", r.summary, true) || !string(root, "message", r.message, true) ||
        !string(root, "kind", r.kind, true))
      return false;
    if (!strings(root, "aliases", r.aliases)) return false;
    if (r.kind != "call" && r.kind != "check")
      return fail(root.get("kind"), "`kind` must be \"call\" or \"check\"");
    if (const toml::node* d = root.get("default")) {
      if (!d->is_boolean()) return fail(d, "`default` must be true or false");
      r.default_enabled = *d->value<bool>();
    }
    if (const toml::node* calls = root.get("calls")) {
      const toml::array* arr = calls->as_array();
      if (!arr) return fail(calls, "`calls` must be an array of tables ([[calls]])");
      for (auto&& e : *arr) {
        const toml::table* c = e.as_table();
        if (!c) return fail(&e, "`calls` must hold tables");
        if (!only_keys(*c, {"names", "except", "use", "use-anyio", "use-trio", "cs", "when", "unless", "unless-caught",
                            "unless-polled", "unless-piped"},
                       "[[calls]]"))
          return false;
        CallPattern p;
        p.line = c->source().begin.line;
        if (!strings(*c, "names", p.names) || !strings(*c, "except", p.except) ||
            !string(*c, "use", p.use, true) || !string(*c, "use-anyio", p.use_anyio, false) ||
            !string(*c, "use-trio", p.use_trio, false) || !string(*c, "cs", p.cs, true) ||
            !conditions(*c, "when", p.when) || !conditions(*c, "unless", p.unless) ||
            !strings(*c, "unless-caught", p.unless_caught) || !strings(*c, "unless-polled", p.unless_polled) ||
            !strings(*c, "unless-piped", p.unless_piped))
          return false;
        if (p.names.empty()) return fail(c, "[[calls]] needs at least one name");
        r.calls.push_back(std::move(p));
      }
    }
    if (const toml::node* d = root.get("doc")) {
      const toml::table* doc = d->as_table();
      if (!doc) return fail(d, "`doc` must be a table");
      if (!only_keys(*doc, {"what", "why", "example", "use-instead", "cs"}, "[doc]")) return false;
      if (!string(*doc, "what", r.doc.what, true) || !string(*doc, "why", r.doc.why, true) ||
          !string(*doc, "example", r.doc.example, true) ||
          !string(*doc, "use-instead", r.doc.use_instead, true) || !string(*doc, "cs", r.doc.cs, false))
        return false;
    } else {
      return fail(&root, "missing [doc] table");
    }
    cat.rules.push_back(std::move(r));
    return true;
  }

  bool types(const toml::table& root, Catalog& cat) {
    if (!only_keys(root, {"returns", "aliases", "attributes", "coroutines"}, "a types document")) return false;
    std::vector<std::string> coroutines;
    if (!strings(root, "coroutines", coroutines)) return false;
    cat.coroutines.insert(coroutines.begin(), coroutines.end());
    if (!string_map(root, "returns", cat.returns) || !string_map(root, "aliases", cat.aliases) ||
        !string_map(root, "attributes", cat.attributes))
      return false;
    for (auto& [k, v] : cat.returns) cat.type_names.insert(v);
    for (auto& [k, v] : cat.attributes) cat.type_names.insert(v), cat.type_names.insert(k);
    for (auto& [k, v] : cat.aliases) cat.type_names.insert(v);
    return true;
  }
};

}  // namespace

const Rule* Catalog::find(std::string_view code_or_name) const {
  for (const Rule& r : rules)
    if (r.code == code_or_name || r.name == code_or_name ||
        std::find(r.aliases.begin(), r.aliases.end(), code_or_name) != r.aliases.end())
      return &r;
  return nullptr;
}

bool load_catalog_document(Catalog& catalog, const std::string& file, std::string_view text,
                           CatalogError* error) {
  Loader loader{file, error};
  toml::table root;
  try {
    root = toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    if (error) *error = {file, e.source().begin.line, e.source().begin.column, std::string(e.description())};
    return false;
  }
  return root.contains("code") ? loader.rule(root, catalog) : loader.types(root, catalog);
}

bool validate_catalog(const Catalog& catalog, CatalogError* error) {
  std::set<std::string> codes, names;
  for (const Rule& r : catalog.rules) {
    auto err = [&](std::string m) {
      if (error) *error = {r.source, 1, 1, std::move(m)};
      return false;
    };
    if (!codes.insert(r.code).second) return err(fmt::format("duplicate rule code {}", r.code));
    for (const auto& a : r.aliases)
      if (!codes.insert(a).second) return err(fmt::format("alias {} of {} is already a code", a, r.code));
    if (!names.insert(r.name).second) return err(fmt::format("duplicate rule name {}", r.name));
    if (r.kind == "call" && r.calls.empty()) return err(fmt::format("call rule {} has no [[calls]]", r.code));
  }
  return true;
}

}  // namespace asl
