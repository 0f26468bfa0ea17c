// JUnit XML for CI test reports: one test suite; a passing test case per
// clean file, a failing one per finding, an erroring one per unreadable file.
#include <fmt/format.h>

#include "lint/output.h"

namespace asl {

namespace {

std::string xml_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\n': out += "&#10;"; break;
      case '\r': out += "&#13;"; break;
      case '\t': out += "&#9;"; break;
      default:
        // Other control characters are not allowed in XML 1.0.
        if (static_cast<unsigned char>(c) < 0x20) out += ' ';
        else out += c;
    }
  }
  return out;
}

}  // namespace

void write_junit(std::ostream& os, const std::vector<FileResult>& results, const ReportOptions&) {
  size_t tests = 0, failures = 0, errors = 0;
  std::string cases;
  for (const auto& r : results) {
    std::string path = xml_escape(portable_path(r.path));
    if (r.error) {
      ++tests, ++errors;
      cases += fmt::format("    <testcase name=\"{0}\" classname=\"{0}\" file=\"{0}\">\n"
                           "      <error message=\"{1}\">{1}</error>\n    </testcase>\n",
                           path, xml_escape(*r.error));
    } else if (r.diagnostics.empty()) {
      ++tests;
      cases += fmt::format("    <testcase name=\"{0}\" classname=\"{0}\" file=\"{0}\"/>\n", path);
    }
    for (const auto& d : r.diagnostics) {
      ++tests, ++failures;
      std::string message = xml_escape(d.message);
      cases += fmt::format(
          "    <testcase name=\"{0}:{2}: {3}\" classname=\"{0}\" file=\"{0}\" line=\"{1}\">\n"
          "      <failure message=\"{4}\" type=\"{3}\">{0}:{2}: {3} {4}</failure>\n    </testcase>\n",
          path, d.start.line, position_label(d), xml_escape(d.code), message);
    }
  }
  os << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  os << fmt::format("<testsuites name=\"asynclint\" tests=\"{0}\" failures=\"{1}\" errors=\"{2}\">\n"
                    "  <testsuite name=\"asynclint\" tests=\"{0}\" failures=\"{1}\" errors=\"{2}\" skipped=\"0\">\n",
                    tests, failures, errors);
  os << cases << "  </testsuite>\n</testsuites>\n";
}

}  // namespace asl
