// RAII wrappers over the tree-sitter C API and the Python grammar's node kinds.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <tree_sitter/api.h>

extern "C" const TSLanguage* tree_sitter_python(void);

namespace asl {

// The Python grammar, checked once against the runtime's ABI range.
// Throws std::runtime_error with an explanation on a mismatch.
const TSLanguage* python_language();

// Node kinds used by the tools, resolved to grammar symbols once so that a
// kind test is an integer compare rather than a string compare.
struct Kinds {
  TSSymbol module, function_definition, async_keyword, class_definition, decorated_definition,
      lambda, list_comprehension, set_comprehension, dictionary_comprehension,
      generator_expression, call, attribute, identifier, import_statement,
      import_from_statement, future_import_statement, aliased_import, dotted_name, relative_import,
      wildcard_import, assignment, augmented_assignment, with_statement, with_clause, with_item,
      as_pattern, as_pattern_target, parameters, lambda_parameters, typed_parameter,
      default_parameter, typed_default_parameter, list_splat_pattern, dictionary_splat_pattern,
      for_statement, for_in_clause, global_statement, nonlocal_statement, except_clause,
      named_expression, parenthesized_expression, argument_list, keyword_argument,
      expression_statement, string, interpolation, comment, await, type, pattern_list, tuple_pattern,
      list_pattern, tuple, list, subscript, binary_operator, decorator, block, return_statement,
      yield, delete_statement, print_statement, exec_statement, while_statement, if_statement,
      except_group_clause, case_clause, not_operator, boolean_operator, comparison_operator, none,
      try_statement, raise_statement, else_clause, elif_clause, finally_clause, error;
  static const Kinds& get();
};

struct TreeDeleter {
  void operator()(TSTree* t) const { ts_tree_delete(t); }
};
using Tree = std::unique_ptr<TSTree, TreeDeleter>;

// One parser per thread; reused across files to avoid re-allocating its stacks.
class Parser {
 public:
  Parser();
  ~Parser();
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
  Tree parse(std::string_view text);

 private:
  TSParser* parser_;
};

inline std::string_view node_text(TSNode n, std::string_view src) {
  uint32_t b = ts_node_start_byte(n), e = ts_node_end_byte(n);
  if (b > src.size() || e > src.size() || e < b) return {};
  return src.substr(b, e - b);
}

// The grammar's id for a field name (0 when it has none). Looked up in a
// table built once: the runtime's own lookup compares the name with every
// field's, which showed in profiles of the hot walks.
TSFieldId field_id(std::string_view name);

inline TSNode field(TSNode n, std::string_view name) { return ts_node_child_by_field_id(n, field_id(name)); }

inline bool is(TSNode n, TSSymbol s) { return !ts_node_is_null(n) && ts_node_symbol(n) == s; }

// Strips parentheses around an expression.
TSNode unparenthesize(TSNode n);

// Frees a cursor however the scope is left: the callbacks below may throw
// (the translator's Unsupported), which leaked the cursor's stack.
struct CursorGuard {
  TSTreeCursor& cursor;
  ~CursorGuard() { ts_tree_cursor_delete(&cursor); }
};

// Calls fn(child) for each named child, without the O(n^2) cost of indexing.
template <typename Fn>
void for_each_named_child(TSNode n, Fn&& fn) {
  if (ts_node_is_null(n) || ts_node_named_child_count(n) == 0) return;
  TSTreeCursor c = ts_tree_cursor_new(n);
  CursorGuard guard{c};
  if (ts_tree_cursor_goto_first_child(&c)) {
    do {
      TSNode ch = ts_tree_cursor_current_node(&c);
      if (ts_node_is_named(ch)) fn(ch);
    } while (ts_tree_cursor_goto_next_sibling(&c));
  }
}

template <typename Fn>
void for_each_child(TSNode n, Fn&& fn) {
  if (ts_node_is_null(n) || ts_node_child_count(n) == 0) return;
  TSTreeCursor c = ts_tree_cursor_new(n);
  CursorGuard guard{c};
  if (ts_tree_cursor_goto_first_child(&c)) {
    do {
      fn(ts_tree_cursor_current_node(&c), ts_tree_cursor_current_field_name(&c));
    } while (ts_tree_cursor_goto_next_sibling(&c));
  }
}

bool is_async_function(TSNode function_definition);
// `async with` / `async for` / an `async for` comprehension clause.
bool has_async_keyword(TSNode statement);

}  // namespace asl
