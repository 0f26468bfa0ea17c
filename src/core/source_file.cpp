#include "core/source_file.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

namespace asl {

namespace {
constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }
}  // namespace

size_t find_invalid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) { ++i; continue; }
    size_t len;
    uint32_t min;
    if ((c & 0xE0) == 0xC0) { len = 2; min = 0x80; }
    else if ((c & 0xF0) == 0xE0) { len = 3; min = 0x800; }
    else if ((c & 0xF8) == 0xF0) { len = 4; min = 0x10000; }
    else return i;
    if (i + len > n) return i;
    uint32_t cp = c & (0xFF >> (len + 1));
    for (size_t k = 1; k < len; ++k) {
      if (!is_continuation(p[i + k])) return i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are invalid UTF-8.
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return std::string_view::npos;
}

LineIndex::LineIndex(std::string_view text) {
  starts_.push_back(0);
  block_code_points_.reserve(text.size() / kBlock + 1);
  uint32_t code_points = 0;
  for (uint32_t i = 0; i < text.size(); ++i) {
    if (i % kBlock == 0) block_code_points_.push_back(code_points);
    code_points += !is_continuation(static_cast<unsigned char>(text[i]));
  }
  for (uint32_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      starts_.push_back(i + 1);
    } else if (c == '\r') {
      // CRLF is one terminator; a lone CR is a terminator of its own (as in Python).
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      starts_.push_back(i + 1);
    }
  }
}

Location LineIndex::location(std::string_view text, uint32_t offset) const {
  if (offset > text.size()) offset = static_cast<uint32_t>(text.size());
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  uint32_t line = static_cast<uint32_t>(it - starts_.begin());
  uint32_t start = starts_[line - 1];
  return {line, code_points_before(text, offset) - code_points_before(text, start) + 1};
}

uint32_t LineIndex::code_points_before(std::string_view text, uint32_t offset) const {
  uint32_t block = offset / kBlock;
  if (block >= block_code_points_.size()) block = block_code_points_.empty() ? 0 : static_cast<uint32_t>(block_code_points_.size() - 1);
  uint32_t n = block_code_points_.empty() ? 0 : block_code_points_[block];
  for (uint32_t i = block * kBlock; i < offset; ++i) n += !is_continuation(static_cast<unsigned char>(text[i]));
  return n;
}

uint32_t LineIndex::line_start(uint32_t line) const {
  if (line == 0) return 0;
  if (line > starts_.size()) return starts_.back();
  return starts_[line - 1];
}

uint32_t LineIndex::line_end(std::string_view text, uint32_t line) const {
  uint32_t end = line < starts_.size() ? starts_[line] : static_cast<uint32_t>(text.size());
  uint32_t begin = line_start(line);
  while (end > begin && (text[end - 1] == '\n' || text[end - 1] == '\r')) --end;
  return end;
}

SourceFile::SourceFile(std::string path, std::string text, bool had_bom)
    : path_(std::move(path)), text_(std::move(text)), had_bom_(had_bom), lines_(text_) {
  auto nl = text_.find_first_of("\r\n");
  if (nl != std::string::npos && text_[nl] == '\r') {
    line_ending_ = (nl + 1 < text_.size() && text_[nl + 1] == '\n') ? LineEnding::CRLF : LineEnding::CR;
  }
}

std::string_view SourceFile::line_text(uint32_t line) const {
  uint32_t b = lines_.line_start(line), e = lines_.line_end(text_, line);
  return std::string_view(text_).substr(b, e - b);
}

std::optional<std::string> read_file_bytes(const std::string& path, LoadError* error) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (error) *error = {std::strerror(errno), std::nullopt};
    return std::nullopt;
  }
  std::string bytes;
  struct stat st{};
  if (::fstat(fd, &st) == 0 && st.st_size > 0) bytes.reserve(static_cast<size_t>(st.st_size));
  char buf[1 << 16];
  while (true) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      if (error) *error = {std::strerror(errno), std::nullopt};
      ::close(fd);
      return std::nullopt;
    }
    bytes.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return bytes;
}

SourceFile SourceFile::from_bytes(std::string path, std::string bytes, LoadError* error) {
  bool bom = bytes.starts_with(kBom);
  if (bom) bytes.erase(0, kBom.size());
  SourceFile file(std::move(path), std::move(bytes), bom);
  if (auto nul = file.text_.find('\0'); nul != std::string::npos) {
    if (error) *error = {"contains a NUL byte (binary file?)", file.location(static_cast<uint32_t>(nul))};
    return file;
  }
  if (auto bad = find_invalid_utf8(file.text_); bad != std::string_view::npos) {
    if (error) {
      *error = {fmt::format("invalid UTF-8 (byte 0x{:02X})", static_cast<unsigned char>(file.text_[bad])),
                file.location(static_cast<uint32_t>(bad))};
    }
    return file;
  }
  file.valid_ = true;
  return file;
}

std::optional<SourceFile> SourceFile::read(const std::string& path, LoadError* error) {
  struct stat st{};
  if (::stat(path.c_str(), &st) != 0) {
    if (error) *error = {std::strerror(errno), std::nullopt};
    return std::nullopt;
  }
  if (S_ISDIR(st.st_mode)) {
    if (error) *error = {"is a directory", std::nullopt};
    return std::nullopt;
  }
  // Source positions are 32-bit offsets; Python files beyond 2 GiB are not source.
  if (st.st_size > (int64_t{1} << 31)) {
    if (error) *error = {"file too large (over 2 GiB)", std::nullopt};
    return std::nullopt;
  }
  auto bytes = read_file_bytes(path, error);
  if (!bytes) return std::nullopt;
  LoadError local;
  SourceFile file = from_bytes(path, std::move(*bytes), &local);
  if (!file.valid()) {
    if (error) *error = local;
    return std::nullopt;
  }
  return file;
}

}  // namespace asl
