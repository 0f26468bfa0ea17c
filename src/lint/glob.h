// Shell-style globs over `/`-separated paths, with gitignore's conventions:
// `*` and `?` stay within one path segment, `[...]` is a character class
// (`[!...]` negates), and a `**` segment matches any number of segments.
#pragma once

#include <string_view>

namespace asl {

bool glob_match(std::string_view pattern, std::string_view path);

// A pattern without `/` names a file or folder anywhere (matched against the
// last segment); with a `/` it is matched against the whole relative path.
// Used by `exclude` and `per-file-ignores`.
bool path_glob_match(std::string_view pattern, std::string_view relative_path);

}  // namespace asl
