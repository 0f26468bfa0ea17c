// Report formats for lint results.
#pragma once

#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "lint/linter.h"

namespace asl {

enum class OutputFormat { Concise, Full, Json, JsonLines, Sarif, Github, Gitlab, Junit, Grouped, Pylint, Azure, Rdjson };

bool parse_output_format(std::string_view name, OutputFormat& out);
inline constexpr const char* kOutputFormatNames =
    "concise, full, json, json-lines, sarif, github, gitlab, junit, grouped, pylint, azure or rdjson";

// The linted text of a reported path (for source snippets and fix positions);
// null when it cannot be had.
using SourceLookup = std::function<std::shared_ptr<const SourceFile>(const std::string& path)>;

struct ReportOptions {
  OutputFormat format = OutputFormat::Concise;
  bool color = false;
  bool quiet = false;  // diagnostics only, no summary
  bool unsafe_fixes = false;  // count unsafe fixes as fixable
  size_t fixed = 0;  // fixes applied by --fix, for the summary
  bool errors = false;  // an input could not be checked (reported on stderr): never "All checks passed!"
  const Catalog* catalog = nullptr;  // rule metadata for SARIF
  std::string version;               // tool version for SARIF
  SourceLookup source;
};

// Writes every diagnostic (results sorted by path) and, for the concise and
// full formats, the summary line.
void write_report(std::ostream& os, const std::vector<FileResult>& results, const ReportOptions& options);

// --statistics: one line per code with its count (JSON for the JSON formats).
void write_statistics(std::ostream& os, const std::vector<FileResult>& results, const ReportOptions& options);

// Each format in its own file (output_*.cpp).
void write_full(std::ostream& os, const std::vector<FileResult>& results, const ReportOptions& options);
void write_sarif(std::ostream& os, const std::vector<FileResult>& results, const ReportOptions& options);
void write_gitlab(std::ostream& os, const std::vector<FileResult>& results, const ReportOptions& options);
void write_junit(std::ostream& os, const std::vector<FileResult>& results, const ReportOptions& options);
void write_grouped(std::ostream& os, const std::vector<FileResult>& results, const ReportOptions& options);
void write_rdjson(std::ostream& os, const std::vector<FileResult>& results, const ReportOptions& options);

// Shared by the formats.
// A path as CI systems want it: relative to the working directory when it is
// below it, with forward slashes and no leading "./".
std::string portable_path(const std::string& path);
bool is_fixable(const Diagnostic& d, const ReportOptions& options);
// The terminal styles of the text formats, ruff's; all empty without color.
struct Palette {
  const char *bold, *path, *red, *blue, *cyan, *reset;
  explicit Palette(bool color)
      : bold(color ? "\x1b[1m" : ""), path(color ? "\x1b[1m\x1b[4m" : ""), red(color ? "\x1b[1;31m" : ""),
        blue(color ? "\x1b[1;34m" : ""), cyan(color ? "\x1b[36m" : ""), reset(color ? "\x1b[0m" : "") {}
};
// "LINE:COL", or "cell N:LINE:COL" in a notebook (ruff's form).
std::string position_label(const Diagnostic& d);
// "Found N errors." / "All checks passed!" plus the fix hints, as ruff prints them;
// no "All checks passed!" when an input could not be checked.
void write_summary(std::ostream& os, const std::vector<FileResult>& results, const ReportOptions& options);

}  // namespace asl
