// `asynclint [OPTIONS] [PATH...]`: configuration, discovery, linting, fixing
// and reporting, behind the option parsing in asynclint.cpp.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "lint/config.h"
#include "lint/output.h"

namespace asl::cli {

struct LintCommand {
  std::vector<std::string> paths;
  std::string stdin_filename;  // empty: "-"
  SettingsOverrides overrides;
  std::string config_file;     // --config
  bool isolated = false;
  bool show_settings = false, show_files = false, statistics = false;
  bool fix = false, diff = false, unsafe_fixes = false;
  bool exit_zero = false, quiet = false;
  OutputFormat format = OutputFormat::Concise;
  std::string version;
  unsigned threads = 0;       // --threads; 0: one per core
  bool no_cache = false;      // --no-cache
  std::string cache_dir;      // --cache-dir; default .asynclint_cache
};

enum Exit { kClean = 0, kFindings = 1, kError = 2 };

int run_lint(const Catalog& catalog, const LintCommand& cmd);

}  // namespace asl::cli
