// Report formats for lint results.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "lint/linter.h"

namespace asl {

enum class OutputFormat { Concise, Json, JsonLines, Github };

bool parse_output_format(std::string_view name, OutputFormat& out);

struct ReportOptions {
  OutputFormat format = OutputFormat::Concise;
  bool color = false;
  bool quiet = false;  // diagnostics only, no summary
};

// Writes every diagnostic (results sorted by path) and, for the concise
// format, the summary line.
void write_report(std::ostream& os, const std::vector<FileResult>& results, const ReportOptions& options);

}  // namespace asl
