#include "lint/exclusion.h"

namespace asl {

WalkFilter exclusion_filter(ConfigResolver& resolver, GitignoreMatcher& gitignore) {
  return [&resolver, &gitignore](const std::filesystem::path& entry, bool is_dir, const std::filesystem::path& root) {
    // An entry is judged by the settings of the folder that holds it.
    auto settings = resolver.for_directory(entry.parent_path());
    if (settings->excluded(entry)) return true;
    return settings->respect_gitignore && gitignore.ignored(entry, is_dir, root);
  };
}

}  // namespace asl
