// Project configuration: `[tool.asynclint]` in pyproject.toml or the same keys
// at the top level of asynclint.toml, found from each linted file's folder
// upwards (the nearest wins, as in ruff), then command-line overrides.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "lint/framework.h"
#include "lint/rule_selection.h"
#include "rules/catalog.h"

namespace asl {

struct Settings {
  std::filesystem::path file;  // the configuration file; empty for the defaults
  std::filesystem::path root;  // relative globs are relative to this folder
  RuleSelection selection;
  std::vector<std::pair<std::string, std::vector<std::string>>> per_file_ignores;  // glob -> codes
  std::optional<std::vector<std::string>> exclude;  // replaces the default exclusions when set
  std::vector<std::string> extend_exclude;
  bool respect_gitignore = true;
  std::map<std::string, std::string> extra_blocking_calls;  // qualified name -> replacement
  CheckOptions check_options;
  Framework framework = Framework::Asyncio;

  // Codes ignored for `path` by per-file-ignores.
  std::vector<std::string> ignored_codes(const std::filesystem::path& path) const;
  // True when a walked file or folder matches `exclude` / `extend-exclude`
  // (the defaults: hidden folders, caches, build output, virtual environments).
  bool excluded(const std::filesystem::path& path) const;
};

// Folder names skipped by default (hidden folders are also skipped).
const std::vector<std::string>& default_excludes();

struct ConfigError {
  std::string file;
  uint32_t line = 0, column = 0;
  std::string message;
  std::string str() const;
};

// Every error of a configuration file, sorted by position; what() has one
// `file:line:col: message` per line.
struct ConfigException : std::runtime_error {
  explicit ConfigException(const ConfigError& e) : std::runtime_error(e.str()), error(e), errors{e} {}
  explicit ConfigException(std::vector<ConfigError> all);
  ConfigError error;                // the first by position
  std::vector<ConfigError> errors;  // all of them, by position

 private:
  ConfigException(std::vector<ConfigError> sorted, int);
};

// Loads one configuration file; a pyproject.toml without [tool.asynclint]
// yields nullopt. Codes are checked against `catalog`. Throws ConfigException
// naming the file, line and key of each unknown key or bad value (all of
// them, by position), or of the syntax error.
std::optional<Settings> load_config_file(const std::filesystem::path& file, const Catalog& catalog);

// Command-line options, applied on top of whatever configuration is found:
// `select` replaces the configuration's whole selection, `extend_select` and
// `ignore` adjust it (ruff's semantics; see RuleSelection::layers).
struct SettingsOverrides {
  std::vector<std::string> select, extend_select, ignore;
  std::vector<std::pair<std::string, std::string>> extra_blocking_calls;
  void apply(Settings& s) const;
};

// Finds and caches the configuration for each folder.
class ConfigResolver {
 public:
  enum class Mode { Discover, Explicit, Isolated };
  ConfigResolver(const Catalog& catalog, SettingsOverrides overrides, Mode mode = Mode::Discover,
                 std::filesystem::path explicit_file = {});
  // Settings for a file (or folder) path. Throws ConfigException on a bad file.
  std::shared_ptr<const Settings> for_path(const std::filesystem::path& path);
  std::shared_ptr<const Settings> for_directory(const std::filesystem::path& dir);

 private:
  std::shared_ptr<const Settings> finish(std::optional<Settings> s);
  const Catalog& catalog_;
  SettingsOverrides overrides_;
  Mode mode_;
  std::filesystem::path explicit_file_;
  std::shared_ptr<const Settings> fixed_;  // Explicit and Isolated modes
  std::map<std::filesystem::path, std::shared_ptr<const Settings>> by_dir_;
};

// The resolved settings as TOML, for --show-settings.
std::string render_settings(const Settings& s, const Catalog& catalog);

}  // namespace asl
