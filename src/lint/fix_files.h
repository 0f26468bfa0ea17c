// --fix and --diff for one file on disk: fix to a fixed point, then either
// print a unified diff or rewrite the file atomically (keeping its BOM, line
// endings and permissions; a read-only file is reported and left alone).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "lint/configured_linter.h"
#include "lint/fix_apply.h"

namespace asl {

enum class FixMode { Apply, Diff };

struct FileFixOutcome {
  FileResult result;                         // findings left (or, for --diff, those found)
  std::shared_ptr<const SourceFile> source;  // the text the findings refer to
  size_t fixed = 0;                          // applied, or that would be applied with --diff
  std::string diff;                          // --diff: the changes, empty when none
  std::optional<std::string> error;          // could not read, write or fix
};

FileFixOutcome fix_file(const ConfiguredLinter& linter, const std::string& path, FixMode mode, bool unsafe);

// The bytes to write for a fixed text: the original's BOM restored.
std::string file_bytes(const SourceFile& original, std::string_view text);

}  // namespace asl
