#include "core/nesting.h"

#include <fmt/format.h>

namespace asl {

std::optional<uint32_t> first_too_deep(TSNode root, uint32_t limit) {
  if (ts_node_is_null(root)) return std::nullopt;
  TSTreeCursor c = ts_tree_cursor_new(root);
  CursorGuard guard{c};
  uint32_t depth = 0;
  while (true) {
    if (depth > limit) return ts_node_start_byte(ts_tree_cursor_current_node(&c));
    if (ts_tree_cursor_goto_first_child(&c)) {
      ++depth;
      continue;
    }
    while (!ts_tree_cursor_goto_next_sibling(&c)) {
      if (depth == 0 || !ts_tree_cursor_goto_parent(&c)) return std::nullopt;
      --depth;
    }
  }
}

std::optional<std::string> nesting_error(TSNode root, const SourceFile& file, uint32_t limit) {
  auto at = first_too_deep(root, limit);
  if (!at) return std::nullopt;
  Location l = file.location(*at);
  return fmt::format("{}:{}: nesting too deep (more than {} syntax levels); not analyzed", l.line, l.column, limit);
}

}  // namespace asl
