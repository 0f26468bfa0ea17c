// A finding at a source range, with an optional fix; shared by both tools.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/source_file.h"

namespace asl {

struct Edit {
  uint32_t start = 0, end = 0;  // byte range in the source text
  std::string replacement;
};

struct Fix {
  std::string title;
  std::vector<Edit> edits;
  bool safe = true;
};

struct Diagnostic {
  std::string code;
  std::string message;
  Location start, end;  // in a notebook: within its cell
  uint32_t start_byte = 0, end_byte = 0;
  std::optional<Fix> fix;
  uint32_t cell = 0;  // 1-based cell of a notebook; 0 in a Python file
};

// Order used by every output: position (a notebook's by cell first), then code.
inline bool operator<(const Diagnostic& a, const Diagnostic& b) {
  if (a.cell != b.cell) return a.cell < b.cell;
  if (a.start != b.start) return a.start < b.start;
  return a.code < b.code;
}

}  // namespace asl
