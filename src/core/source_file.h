// Source text as the tools see it: validated UTF-8, BOM stripped, with a line
// index that turns byte offsets into 1-based line / code-point column pairs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace asl {

struct Location {
  uint32_t line = 1;    // 1-based
  uint32_t column = 1;  // 1-based, in Unicode code points (ruff's convention)
  friend bool operator==(const Location&, const Location&) = default;
  friend auto operator<=>(const Location&, const Location&) = default;
};

enum class LineEnding { LF, CRLF, CR };

class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  Location location(std::string_view text, uint32_t byte_offset) const;
  uint32_t line_start(uint32_t line) const;  // byte offset of a 1-based line
  uint32_t line_end(std::string_view text, uint32_t line) const;  // before the terminator
  uint32_t line_count() const { return static_cast<uint32_t>(starts_.size()); }

 private:
  uint32_t code_points_before(std::string_view text, uint32_t offset) const;
  std::vector<uint32_t> starts_;
  // Code points before each block of kBlock bytes: a column then costs at most
  // two blocks' scan, however long its line (one finding per statement on a
  // minified 5 MB line made linting quadratic).
  static constexpr uint32_t kBlock = 256;
  std::vector<uint32_t> block_code_points_;
};

// Why a file could not be read as Python source; `where` is set when the
// problem has a position (invalid UTF-8, NUL byte).
struct LoadError {
  std::string message;
  std::optional<Location> where;
};

class SourceFile {
 public:
  // Takes raw bytes; fails on invalid UTF-8 or NUL bytes.
  static SourceFile from_bytes(std::string path, std::string bytes, LoadError* error);
  // Reads a file; `error` is filled on I/O failure or invalid content.
  static std::optional<SourceFile> read(const std::string& path, LoadError* error);

  const std::string& path() const { return path_; }
  std::string_view text() const { return text_; }
  bool had_bom() const { return had_bom_; }
  LineEnding line_ending() const { return line_ending_; }
  const LineIndex& lines() const { return lines_; }
  Location location(uint32_t byte_offset) const { return lines_.location(text_, byte_offset); }
  std::string_view line_text(uint32_t line) const;
  bool valid() const { return valid_; }

 private:
  SourceFile(std::string path, std::string text, bool had_bom);
  std::string path_;
  std::string text_;
  bool had_bom_ = false;
  bool valid_ = false;
  LineEnding line_ending_ = LineEnding::LF;
  LineIndex lines_;
};

// A file's bytes; nothing (and `error` filled) when it cannot be opened or a
// read fails part way (EIO), which a stream would pass off as the end of file.
std::optional<std::string> read_file_bytes(const std::string& path, LoadError* error);

// Byte offset of the first invalid UTF-8 sequence, or npos when valid.
size_t find_invalid_utf8(std::string_view bytes);

}  // namespace asl
