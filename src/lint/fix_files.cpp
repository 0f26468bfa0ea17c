#include "lint/fix_files.h"

#include "lint/atomic_write.h"
#include "lint/unified_diff.h"

namespace asl {

std::string file_bytes(const SourceFile& original, std::string_view text) {
  std::string out = original.had_bom() ? "\xEF\xBB\xBF" : "";
  out += text;
  return out;
}

FileFixOutcome fix_file(const ConfiguredLinter& linter, const std::string& path, FixMode mode, bool unsafe) {
  FileFixOutcome out;
  LoadError e;
  auto file = SourceFile::read(path, &e);
  if (!file) {
    out.result = linter.lint_path(path);  // reports the load error the usual way
    return out;
  }
  FixedFile fixed = fix_until_stable(*file, [&](const SourceFile& f) { return linter.lint(f); }, unsafe);
  out.result = std::move(fixed.result);
  out.source = fixed.source;
  if (fixed.reverted) out.error = *fixed.reverted;
  if (!fixed.changed) return out;
  out.fixed = fixed.fixed;
  if (mode == FixMode::Diff) {
    out.diff = unified_diff(file->text(), fixed.source->text(), path, path);
    // The findings reported with --diff are those in the file as it is.
    out.result = linter.lint(*file);
    out.source = std::make_shared<const SourceFile>(*file);
    return out;
  }
  std::string error;
  if (is_read_only(path)) {
    error = "the file is read-only; not fixed";
  } else if (write_file_atomically(path, file_bytes(*file, fixed.source->text()), &error)) {
    return out;
  }
  // Not written: report the file as it still is.
  out.error = error;
  out.fixed = 0;
  out.result = linter.lint(*file);
  out.source = std::make_shared<const SourceFile>(*file);
  return out;
}

}  // namespace asl
