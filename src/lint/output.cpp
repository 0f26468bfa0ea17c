#include "lint/output.h"

#include <filesystem>
#include <system_error>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/diagnostic_json.h"

namespace asl {

bool parse_output_format(std::string_view name, OutputFormat& out) {
  static constexpr std::pair<std::string_view, OutputFormat> kNames[] = {
      {"concise", OutputFormat::Concise}, {"full", OutputFormat::Full},     {"json", OutputFormat::Json},
      {"json-lines", OutputFormat::JsonLines}, {"sarif", OutputFormat::Sarif}, {"github", OutputFormat::Github},
      {"gitlab", OutputFormat::Gitlab},   {"junit", OutputFormat::Junit},  {"grouped", OutputFormat::Grouped},
      {"pylint", OutputFormat::Pylint},   {"azure", OutputFormat::Azure},  {"rdjson", OutputFormat::Rdjson}};
  for (const auto& [n, f] : kNames) {
    if (n == name) {
      out = f;
      return true;
    }
  }
  return false;
}

std::string portable_path(const std::string& path) {
  namespace fs = std::filesystem;
  fs::path p(path);
  if (p.is_absolute()) {
    std::error_code ec;
    fs::path rel = p.lexically_normal().lexically_relative(fs::current_path(ec));
    if (!ec && !rel.empty() && *rel.begin() != "..") p = rel;
  }
  std::string s = p.lexically_normal().generic_string();
  while (s.starts_with("./")) s.erase(0, 2);
  return s;
}

bool is_fixable(const Diagnostic& d, const ReportOptions& o) { return d.fix && (d.fix->safe || o.unsafe_fixes); }

std::string position_label(const Diagnostic& d) {
  if (d.cell) return fmt::format("cell {}:{}:{}", d.cell, d.start.line, d.start.column);
  return fmt::format("{}:{}", d.start.line, d.start.column);
}

void write_summary(std::ostream& os, const std::vector<FileResult>& results, const ReportOptions& o) {
  size_t total = 0, fixable = 0, hidden = 0;
  for (const auto& r : results) {
    for (const auto& d : r.diagnostics) {
      ++total;
      if (is_fixable(d, o)) ++fixable;
      else if (d.fix) ++hidden;
    }
  }
  if (total > 0) os << fmt::format("Found {} error{}.\n", total, total == 1 ? "" : "s");
  else if (!o.errors) os << "All checks passed!\n";
  if (o.fixed > 0) os << fmt::format("Fixed {} error{}.\n", o.fixed, o.fixed == 1 ? "" : "s");
  if (fixable > 0) {
    os << fmt::format("[*] {} fixable with the `--fix` option", fixable);
    if (hidden > 0) os << fmt::format(" ({} hidden fix{} can be enabled with the `--unsafe-fixes` option)", hidden,
                                      hidden == 1 ? "" : "es");
    os << ".\n";
  } else if (hidden > 0) {
    os << fmt::format("No fixes available ({} hidden fix{} can be enabled with the `--unsafe-fixes` option).\n",
                      hidden, hidden == 1 ? "" : "es");
  }
}

namespace {

// GitHub workflow commands need %, CR and LF escaped in the message.
std::string github_escape(std::string_view s, bool property) {
  std::string out;
  for (char c : s) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else if (property && c == ':') out += "%3A";
    else if (property && c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

std::shared_ptr<const SourceFile> source_of(const FileResult& r, const ReportOptions& o) {
  bool needed = false;
  for (const auto& d : r.diagnostics) needed = needed || d.fix;
  return needed && o.source ? o.source(r.path) : nullptr;
}

void write_concise(std::ostream& os, const std::vector<FileResult>& results, const ReportOptions& o) {
  const auto [bold, path, red, blue, cyan, reset] = Palette(o.color);
  for (const auto& r : results) {
    for (const auto& d : r.diagnostics) {
      os << fmt::format("{}{}{}:{}: {}{}{} {}{}{}{}\n", bold, r.path, reset, position_label(d), red,
                        d.code, reset, is_fixable(d, o) ? cyan : "", is_fixable(d, o) ? "[*] " : "",
                        is_fixable(d, o) ? reset : "", d.message);
    }
  }
  if (!o.quiet) write_summary(os, results, o);
}

}  // namespace

void write_report(std::ostream& os, const std::vector<FileResult>& results, const ReportOptions& o) {
  switch (o.format) {
    case OutputFormat::Concise:
      write_concise(os, results, o);
      break;
    case OutputFormat::Full:
      write_full(os, results, o);
      break;
    case OutputFormat::Json: {
      nlohmann::json all = nlohmann::json::array();
      for (const auto& r : results) {
        auto src = source_of(r, o);
        for (const auto& d : r.diagnostics) all.push_back(diagnostic_json(r.path, d, src.get()));
      }
      os << all.dump(2) << "\n";
      break;
    }
    case OutputFormat::JsonLines:
      for (const auto& r : results) {
        auto src = source_of(r, o);
        for (const auto& d : r.diagnostics) os << diagnostic_json(r.path, d, src.get()).dump() << "\n";
      }
      break;
    case OutputFormat::Sarif:
      write_sarif(os, results, o);
      break;
    case OutputFormat::Github:
      for (const auto& r : results) {
        for (const auto& d : r.diagnostics) {
          os << fmt::format("::error title=asynclint ({}),file={},line={},col={},endLine={},endColumn={}::{}\n",
                            d.code, github_escape(r.path, true), d.start.line, d.start.column, d.end.line,
                            d.end.column, github_escape(fmt::format("{}:{}: {} {}", r.path, position_label(d),
                                                                    d.code, d.message), false));
        }
      }
      break;
    case OutputFormat::Gitlab:
      write_gitlab(os, results, o);
      break;
    case OutputFormat::Junit:
      write_junit(os, results, o);
      break;
    case OutputFormat::Grouped:
      write_grouped(os, results, o);
      break;
    case OutputFormat::Pylint:
      // ruff's: `path:LINE: [CODE] message`; `path:cell N:LINE:` in a notebook.
      for (const auto& r : results)
        for (const auto& d : r.diagnostics)
          os << fmt::format("{}:{}{}: [{}] {}\n", r.path, d.cell ? fmt::format("cell {}:", d.cell) : std::string(),
                            d.start.line, d.code, d.message);
      break;
    case OutputFormat::Azure:
      // Azure Pipelines logging commands, as ruff writes them; a notebook's
      // cell heads the message (the command has no field for it).
      for (const auto& r : results)
        for (const auto& d : r.diagnostics)
          os << fmt::format("##vso[task.logissue type=error;sourcepath={};linenumber={};columnnumber={};code={};]{}{}\n",
                            r.path, d.start.line, d.start.column, d.code,
                            d.cell ? fmt::format("cell {}: ", d.cell) : std::string(), d.message);
      break;
    case OutputFormat::Rdjson:
      write_rdjson(os, results, o);
      break;
  }
}

}  // namespace asl
