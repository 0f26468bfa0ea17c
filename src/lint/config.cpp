#include "lint/config.h"

#include <algorithm>
#include <system_error>
#include <tuple>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "lint/glob.h"

namespace fs = std::filesystem;

namespace asl {

const std::vector<std::string>& default_excludes() {
  static const std::vector<std::string> kDefaults = {
      ".*", "__pycache__", "node_modules", "venv", "site-packages", "__pypackages__", "_build", "buck-out",
      "dist", "build"};
  return kDefaults;
}

std::string ConfigError::str() const {
  if (line == 0) return fmt::format("{}: {}", file, message);
  return fmt::format("{}:{}:{}: {}", file, line, column, message);
}

namespace {
std::vector<ConfigError> by_position(std::vector<ConfigError> all) {
  std::stable_sort(all.begin(), all.end(), [](const ConfigError& a, const ConfigError& b) {
    return std::tie(a.line, a.column) < std::tie(b.line, b.column);
  });
  return all;
}

std::string joined(const std::vector<ConfigError>& all) {
  std::string out;
  for (const auto& e : all) out += (out.empty() ? "" : "\n") + e.str();
  return out;
}
}  // namespace

ConfigException::ConfigException(std::vector<ConfigError> all)
    : ConfigException(by_position(std::move(all)), 0) {}

ConfigException::ConfigException(std::vector<ConfigError> sorted, int)
    : std::runtime_error(joined(sorted)), error(sorted.empty() ? ConfigError{} : sorted.front()), errors(std::move(sorted)) {}

namespace {

std::string relative_to(const fs::path& path, const fs::path& root) {
  std::error_code ec;
  fs::path abs = fs::absolute(path, ec).lexically_normal();
  fs::path rel = abs.lexically_relative(root);
  if (rel.empty() || *rel.begin() == "..") return abs.generic_string();
  return rel.generic_string();
}

// Reads every key, collecting every error rather than stopping at the first
// (toml++ iterates a table by key name, not by line; load_config_file sorts).
struct Reader {
  std::string file;
  const Catalog& catalog;
  std::vector<ConfigError> errors;

  bool fail(const toml::source_region& at, std::string message) {
    errors.push_back({file, at.begin.line, at.begin.column, std::move(message)});
    return false;
  }

  bool strings(const toml::node& n, const std::string& key, std::vector<std::string>& out) {
    const toml::array* a = n.as_array();
    if (!a) return fail(n.source(), fmt::format("`{}` must be an array of strings", key));
    bool ok = true;
    for (auto&& e : *a) {
      if (e.is_string()) out.push_back(*e.value<std::string>());
      else ok = fail(e.source(), fmt::format("`{}` must hold only strings", key));
    }
    return ok;
  }

  bool codes(const toml::node& n, const std::string& key, std::vector<std::string>& out) {
    const toml::array* a = n.as_array();
    if (!a) return fail(n.source(), fmt::format("`{}` must be an array of strings", key));
    bool ok = true;
    for (auto&& e : *a) {
      if (!e.is_string()) {
        ok = fail(e.source(), fmt::format("`{}` must hold only strings", key));
        continue;
      }
      std::string code = *e.value<std::string>();
      if (!RuleSelection({code}).unknown_codes(catalog).empty())
        ok = fail(e.source(), fmt::format("`{}`: unknown rule selector `{}`", key, code));
      else out.push_back(std::move(code));
    }
    return ok;
  }

  void settings(const toml::table& t, Settings& s) {
    for (auto&& [k, v] : t) {
      std::string key(k.str());
      const toml::source_region& at = k.source().begin.line ? k.source() : v.source();
      if (key == "select") {
        codes(v, key, s.selection.select);
      } else if (key == "ignore") {
        codes(v, key, s.selection.ignore);
      } else if (key == "extend-select") {
        codes(v, key, s.selection.extend_select);
      } else if (key == "exclude") {
        s.exclude.emplace();
        strings(v, key, *s.exclude);
      } else if (key == "extend-exclude") {
        strings(v, key, s.extend_exclude);
      } else if (key == "respect-gitignore") {
        if (v.is_boolean()) s.respect_gitignore = *v.value<bool>();
        else fail(v.source(), "`respect-gitignore` must be true or false");
      } else if (key == "async-framework") {
        auto f = v.is_string() ? parse_framework(*v.value<std::string>()) : std::nullopt;
        if (f) s.framework = *f;
        else fail(v.source(), "`async-framework` must be \"asyncio\", \"anyio\" or \"trio\"");
      } else if (key == "per-file-ignores") {
        const toml::table* m = v.as_table();
        if (!m) {
          fail(v.source(), "`per-file-ignores` must be a table of glob = [codes]");
          continue;
        }
        for (auto&& [glob, list] : *m) {
          std::vector<std::string> cs;
          codes(list, fmt::format("per-file-ignores.\"{}\"", glob.str()), cs);
          s.per_file_ignores.emplace_back(std::string(glob.str()), std::move(cs));
        }
      } else if (key == "startable-in-context-manager") {
        strings(v, key, s.check_options.startable_in_context_manager);
      } else if (key == "no-checkpoint-warning-decorators") {
        strings(v, key, s.check_options.no_checkpoint_warning_decorators);
      } else if (key == "transform-async-generator-decorators") {
        strings(v, key, s.check_options.transform_async_generator_decorators);
      } else if (key == "exception-suppress-context-managers") {
        strings(v, key, s.check_options.exception_suppress_context_managers);
      } else if (key == "extra-blocking-calls") {
        const toml::table* m = v.as_table();
        if (!m) {
          fail(v.source(), "`extra-blocking-calls` must be a table of \"qualified.name\" = \"replacement\"");
          continue;
        }
        for (auto&& [name, use] : *m) {
          std::string n(name.str());
          if (!use.is_string())
            fail(use.source(), fmt::format("`extra-blocking-calls.\"{}\"` must be a string", n));
          else if (n.empty() || n.front() == '.' || n.back() == '.' || n.find_first_of(" ()") != std::string::npos)
            fail(use.source(), fmt::format("`extra-blocking-calls`: `{}` is not a qualified name like `package.module.function`", n));
          else
            s.extra_blocking_calls[n] = *use.value<std::string>();
        }
      } else {
        fail(at, fmt::format("unknown key `{}`", key));
      }
    }
  }
};

}  // namespace

std::vector<std::string> Settings::ignored_codes(const fs::path& path) const {
  std::vector<std::string> out;
  if (per_file_ignores.empty()) return out;
  std::string rel = relative_to(path, root);
  for (const auto& [glob, codes] : per_file_ignores)
    if (path_glob_match(glob, rel)) out.insert(out.end(), codes.begin(), codes.end());
  return out;
}

bool Settings::excluded(const fs::path& path) const {
  std::string rel = relative_to(path, root);
  for (const auto* list : {exclude ? &*exclude : &default_excludes(), &extend_exclude})
    for (const auto& g : *list)
      if (path_glob_match(g, rel)) return true;
  return false;
}

std::optional<Settings> load_config_file(const fs::path& file, const Catalog& catalog) {
  std::string name = file.string();
  toml::table doc;
  try {
    doc = toml::parse_file(name);
  } catch (const toml::parse_error& e) {
    throw ConfigException(ConfigError{name, e.source().begin.line, e.source().begin.column, std::string(e.description())});
  }
  const toml::table* t = &doc;
  if (file.filename() == "pyproject.toml") {
    t = doc["tool"]["asynclint"].as_table();
    if (!t) return std::nullopt;
  }
  Settings s;
  std::error_code ec;
  s.file = fs::absolute(file, ec).lexically_normal();
  s.root = s.file.parent_path();
  Reader reader{name, catalog, {}};
  reader.settings(*t, s);
  if (!reader.errors.empty()) throw ConfigException(std::move(reader.errors));
  return s;
}

void SettingsOverrides::apply(Settings& s) const {
  // ruff's semantics: the command line is a later layer than the
  // configuration. Its --select starts the selection afresh (the
  // configuration's select, extend-select and ignore no longer count); without
  // one, its --extend-select and --ignore decide the rules they name, so
  // `--extend-select X` re-enables an `ignore = ["X"]`.
  if (!select.empty()) s.selection = RuleSelection(select, extend_select, ignore);
  else if (!extend_select.empty() || !ignore.empty()) s.selection.layers.push_back({extend_select, ignore});
  for (const auto& [name, use] : extra_blocking_calls) s.extra_blocking_calls[name] = use;
}

ConfigResolver::ConfigResolver(const Catalog& catalog, SettingsOverrides overrides, Mode mode, fs::path explicit_file)
    : catalog_(catalog), overrides_(std::move(overrides)), mode_(mode), explicit_file_(std::move(explicit_file)) {
  if (mode_ == Mode::Isolated) fixed_ = finish(std::nullopt);
  if (mode_ == Mode::Explicit) {
    std::error_code ec;
    if (!fs::is_regular_file(explicit_file_, ec)) throw ConfigException({explicit_file_.string(), 0, 0, "No such file"});
    auto s = load_config_file(explicit_file_, catalog_);
    if (!s) {
      // A pyproject.toml without [tool.asynclint] named explicitly: defaults, rooted there.
      s.emplace();
      s->file = fs::absolute(explicit_file_, ec).lexically_normal();
      s->root = s->file.parent_path();
    }
    fixed_ = finish(std::move(s));
  }
}

std::shared_ptr<const Settings> ConfigResolver::finish(std::optional<Settings> s) {
  if (!s) {
    s.emplace();
    std::error_code ec;
    s->root = fs::current_path(ec);
  }
  overrides_.apply(*s);
  return std::make_shared<const Settings>(std::move(*s));
}

std::shared_ptr<const Settings> ConfigResolver::for_path(const fs::path& path) {
  if (fixed_) return fixed_;
  std::error_code ec;
  fs::path abs = fs::absolute(path, ec).lexically_normal();
  if (abs.filename().empty()) abs = abs.parent_path();
  return for_directory(fs::is_directory(abs, ec) ? abs : abs.parent_path());
}

std::shared_ptr<const Settings> ConfigResolver::for_directory(const fs::path& dir_in) {
  if (fixed_) return fixed_;
  std::error_code ec;
  fs::path dir = fs::absolute(dir_in, ec).lexically_normal();
  if (dir.filename().empty() && dir.has_parent_path() && dir != dir.root_path()) dir = dir.parent_path();
  if (auto it = by_dir_.find(dir); it != by_dir_.end()) return it->second;
  std::shared_ptr<const Settings> found;
  for (const char* name : {"asynclint.toml", "pyproject.toml"}) {
    fs::path candidate = dir / name;
    if (!fs::is_regular_file(candidate, ec)) continue;
    if (auto s = load_config_file(candidate, catalog_)) {
      found = finish(std::move(s));
      break;
    }
  }
  if (!found) {
    if (dir.has_parent_path() && dir.parent_path() != dir) found = for_directory(dir.parent_path());
    else found = finish(std::nullopt);
  }
  by_dir_[dir] = found;
  return found;
}

namespace {
std::string toml_list(const std::vector<std::string>& v) {
  std::string out = "[";
  for (size_t i = 0; i < v.size(); ++i) out += fmt::format("{}\"{}\"", i ? ", " : "", v[i]);
  return out + "]";
}
}  // namespace

std::string render_settings(const Settings& s, const Catalog& catalog) {
  std::string out = fmt::format("# configuration: {}\n", s.file.empty() ? "(none: defaults)" : s.file.string());
  out += fmt::format("# root: {}\n", s.root.string());
  out += fmt::format("select = {}\n", toml_list(s.selection.select.empty() ? std::vector<std::string>{"(defaults)"}
                                                                         : s.selection.select));
  out += fmt::format("extend-select = {}\nignore = {}\n", toml_list(s.selection.extend_select),
                     toml_list(s.selection.ignore));
  for (const auto& layer : s.selection.layers)
    out += fmt::format("# then, from the command line: extend-select = {}, ignore = {}\n", toml_list(layer.extend_select),
                       toml_list(layer.ignore));
  out += fmt::format("exclude = {}\nextend-exclude = {}\n", toml_list(s.exclude ? *s.exclude : default_excludes()),
                     toml_list(s.extend_exclude));
  out += fmt::format("respect-gitignore = {}\n", s.respect_gitignore);
  out += fmt::format("async-framework = \"{}\"\n", framework_name(s.framework));
  const CheckOptions& o = s.check_options;
  if (!o.startable_in_context_manager.empty())
    out += fmt::format("startable-in-context-manager = {}\n", toml_list(o.startable_in_context_manager));
  if (!o.no_checkpoint_warning_decorators.empty())
    out += fmt::format("no-checkpoint-warning-decorators = {}\n", toml_list(o.no_checkpoint_warning_decorators));
  if (!o.transform_async_generator_decorators.empty())
    out += fmt::format("transform-async-generator-decorators = {}\n", toml_list(o.transform_async_generator_decorators));
  if (!o.exception_suppress_context_managers.empty())
    out += fmt::format("exception-suppress-context-managers = {}\n", toml_list(o.exception_suppress_context_managers));
  out += "\n[per-file-ignores]\n";
  for (const auto& [glob, codes] : s.per_file_ignores) out += fmt::format("\"{}\" = {}\n", glob, toml_list(codes));
  out += "\n[extra-blocking-calls]\n";
  for (const auto& [name, use] : s.extra_blocking_calls) out += fmt::format("\"{}\" = \"{}\"\n", name, use);
  std::vector<std::string> enabled;
  for (const Rule& r : catalog.rules)
    if (s.selection.enabled(r)) enabled.push_back(r.code);
  std::sort(enabled.begin(), enabled.end());
  out += fmt::format("\n# enabled rules: {}\n", toml_list(enabled));
  return out;
}

}  // namespace asl
