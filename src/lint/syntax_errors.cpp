#include "lint/syntax_errors.h"

#include <fmt/format.h>

#include "lint/call_engine.h"

namespace asl {

namespace {

// tree-sitter may wrap well-formed statements into an ERROR node when it
// recovers late (even the whole module); the useful position is the first
// part of it that did not parse: an unexpected token or an inner error.
TSNode error_anchor(TSNode error) {
  TSNode n = error;
  for (int depth = 0; depth < 256; ++depth) {
    TSNode next{};
    TSTreeCursor c = ts_tree_cursor_new(n);
    if (ts_tree_cursor_goto_first_child(&c)) {
      do {
        TSNode ch = ts_tree_cursor_current_node(&c);
        if (!ts_node_is_named(ch) || ts_node_has_error(ch) || ts_node_is_missing(ch)) {
          next = ch;
          break;
        }
      } while (ts_tree_cursor_goto_next_sibling(&c));
    }
    ts_tree_cursor_delete(&c);
    if (ts_node_is_null(next) || !ts_node_is_named(next) || ts_node_is_missing(next)) {
      return ts_node_is_null(next) ? n : next;
    }
    n = next;
  }
  return n;
}

}  // namespace

void collect_syntax_errors(TSNode root, const SourceFile& file, std::vector<Diagnostic>& out) {
  if (!ts_node_has_error(root)) return;
  std::vector<TSNode> todo{root};
  while (!todo.empty()) {
    TSNode n = todo.back();
    todo.pop_back();
    // tree-sitter 0.20 has no ts_node_is_error: ERROR nodes carry the builtin symbol.
    bool error = ts_node_symbol(n) == static_cast<TSSymbol>(-1), missing = ts_node_is_missing(n);
    if (error || missing) {
      Diagnostic d;
      d.code = kSyntaxErrorCode;
      if (error) n = error_anchor(n);
      missing = missing || ts_node_is_missing(n);
      d.start_byte = ts_node_start_byte(n);
      d.end_byte = ts_node_end_byte(n);
      d.start = file.location(d.start_byte);
      d.end = file.location(d.end_byte);
      if (missing) {
        d.message = fmt::format("SyntaxError: expected `{}`", ts_node_type(n));
      } else {
        std::string_view t = node_text(n, file.text());
        auto nl = t.find_first_of("\r\n");
        std::string first = callee_text(t.substr(0, nl));
        d.message = first.empty() ? "SyntaxError: invalid syntax"
                                  : fmt::format("SyntaxError: unexpected `{}`", first);
      }
      out.push_back(std::move(d));
      continue;  // one report per error region
    }
    // Only subtrees that contain an error are worth entering.
    uint32_t count = ts_node_child_count(n);
    TSTreeCursor c = ts_tree_cursor_new(n);
    std::vector<TSNode> kids;
    kids.reserve(count);
    if (ts_tree_cursor_goto_first_child(&c)) {
      do {
        TSNode ch = ts_tree_cursor_current_node(&c);
        if (ts_node_has_error(ch) || ts_node_is_missing(ch)) kids.push_back(ch);
      } while (ts_tree_cursor_goto_next_sibling(&c));
    }
    ts_tree_cursor_delete(&c);
    todo.insert(todo.end(), kids.rbegin(), kids.rend());
  }
}

void report_python2_statements(const std::vector<TSNode>& statements, const SourceFile& file,
                               std::vector<Diagnostic>& out) {
  const Kinds& k = Kinds::get();
  for (TSNode n : statements) {
    Diagnostic d;
    d.code = kSyntaxErrorCode;
    d.start_byte = ts_node_start_byte(n);
    d.end_byte = ts_node_end_byte(n);
    d.start = file.location(d.start_byte);
    d.end = file.location(d.end_byte);
    d.message = is(n, k.print_statement) ? "SyntaxError: Python 2 `print` statement; use `print(...)`"
                                         : "SyntaxError: Python 2 `exec` statement; use `exec(...)`";
    out.push_back(std::move(d));
  }
}

}  // namespace asl
