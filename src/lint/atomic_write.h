// Rewrites a file so that a reader (or a crash) sees either the old or the new
// content, never a mix: a temporary file in the same folder, fsync, rename over
// the original, fsync of the folder. The original's permissions (and owner,
// where allowed) carry over; a symlink is followed and its target replaced.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace asl {

// On failure returns false, fills `error`, leaves the original untouched and
// removes the temporary file.
bool write_file_atomically(const std::filesystem::path& path, std::string_view bytes, std::string* error);

// True when nobody may write the file (its mode has no write bit) or this
// process may not: such files are reported, never rewritten (root could).
bool is_read_only(const std::filesystem::path& path);

}  // namespace asl
