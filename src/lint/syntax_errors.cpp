#include "lint/syntax_errors.h"

#include <algorithm>

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

std::string region_text(const SourceFile& file, uint32_t start, uint32_t end, bool with_region) {
  if (!with_region) return "; the parser could not read the code around it";
  Location a = file.location(start), b = file.location(end);
  return fmt::format("; the parser could not read {}:{} to {}:{}", a.line, a.column, b.line, b.column);
}

}  // namespace

void collect_syntax_errors(TSNode root, const SourceFile& file, std::vector<Diagnostic>& out, bool with_region) {
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
      TSNode original = n;
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
        // From the first token it could not place to the end of the region it skipped.
        uint32_t end = std::max(ts_node_end_byte(original), d.end_byte);
        d.message += region_text(file, d.start_byte, end, with_region);
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

namespace {

bool starts_word(std::string_view line, std::string_view word) {
  return line.starts_with(word) && line.size() > word.size() && (line[word.size()] == ' ' || line[word.size()] == '\t');
}

// A line (from its first non-blank character) that starts a definition.
bool starts_definition(std::string_view line) {
  if (line.starts_with('@') || starts_word(line, "def") || starts_word(line, "class")) return true;
  if (!starts_word(line, "async")) return false;
  line.remove_prefix(5);
  while (!line.empty() && (line[0] == ' ' || line[0] == '\t')) line.remove_prefix(1);
  return starts_word(line, "def");
}

// True when the tree has a definition (decorators included) outside any
// ERROR node starting at byte `at`.
bool parsed_as_definition(TSNode root, uint32_t at) {
  TSNode n = ts_node_descendant_for_byte_range(root, at, at + 1);
  bool found = false;
  for (; !ts_node_is_null(n); n = ts_node_parent(n)) {
    if (ts_node_symbol(n) == static_cast<TSSymbol>(-1)) return false;
    std::string_view kind = ts_node_type(n);
    if (ts_node_start_byte(n) == at &&
        (kind == "function_definition" || kind == "class_definition" || kind == "decorated_definition"))
      found = true;
  }
  return found;
}

}  // namespace

std::optional<std::string> blank_unclosed_brackets(TSNode root, const SourceFile& file, std::vector<Diagnostic>& out,
                                                   bool with_region) {
  std::string_view src = file.text();
  std::string text;  // the blanked copy, made at the first blank
  struct Open {
    char c;
    uint32_t at;
    uint32_t line_start;  // the start of the line it is on
    uint32_t indent;
  };
  std::vector<Open> open;
  uint32_t last_token_end = 0;
  char quote = 0;       // inside a string: its quote character
  bool triple = false;  // ... and whether it is triple-quoted
  uint32_t i = 0, n = static_cast<uint32_t>(src.size());
  while (i < n) {
    // At the start of a line, outside a string.
    uint32_t line_start = i, indent = 0;
    if (!quote) {
      while (i < n && (src[i] == ' ' || src[i] == '\t' || src[i] == '\f')) ++i, ++indent;
      uint32_t eol = i;
      while (eol < n && src[eol] != '\n' && src[eol] != '\r') ++eol;
      if (!open.empty() && indent <= open.front().indent && starts_definition(src.substr(i, eol - i)) &&
          !parsed_as_definition(root, i)) {
        // The statement that opened the bracket ends before this definition.
        const Open& o = open.front();
        uint32_t from = o.line_start + o.indent;
        Diagnostic d;
        d.code = kSyntaxErrorCode;
        d.start_byte = o.at;
        d.end_byte = o.at + 1;
        d.start = file.location(d.start_byte);
        d.end = file.location(d.end_byte);
        d.message = fmt::format("SyntaxError: `{}` was never closed", o.c) +
                    region_text(file, from, std::max(last_token_end, d.end_byte), with_region);
        out.push_back(std::move(d));
        if (text.empty()) text.assign(src);
        for (uint32_t j = from; j < line_start; ++j)
          if (text[j] != '\n' && text[j] != '\r') text[j] = ' ';
        // A statement in its place keeps the enclosing block well formed.
        uint32_t room = 0;
        while (from + room < line_start && text[from + room] == ' ') ++room;
        text.replace(from, room >= 3 ? 3 : 1, room >= 3 ? "..." : "0");
        open.clear();
      }
    }
    // The rest of the line.
    while (i < n && src[i] != '\n' && src[i] != '\r') {
      char c = src[i];
      if (quote) {
        if (c == '\\') {
          i += 2;
          continue;
        }
        if (c == quote && (!triple || (i + 2 < n && src[i + 1] == quote && src[i + 2] == quote))) {
          i += triple ? 3 : 1;
          quote = 0;
          last_token_end = i;
          continue;
        }
        ++i;
        continue;
      }
      if (c == '#') {
        while (i < n && src[i] != '\n' && src[i] != '\r') ++i;
        break;
      }
      if (c == '"' || c == '\'') {
        quote = c;
        triple = i + 2 < n && src[i + 1] == c && src[i + 2] == c;
        i += triple ? 3 : 1;
        continue;
      }
      if (c == '(' || c == '[' || c == '{') {
        open.push_back({c, i, line_start, indent});
      } else if (c == ')' || c == ']' || c == '}') {
        if (!open.empty()) open.pop_back();
      }
      if (c != ' ' && c != '\t' && c != '\\') last_token_end = i + 1;
      ++i;
    }
    // A single-quoted string does not go on past its line.
    if (quote && !triple) quote = 0;
    if (i < n && src[i] == '\r') ++i;
    if (i < n && src[i] == '\n') ++i;
  }
  if (text.empty()) return std::nullopt;
  return text;
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
