#include "core/syntax.h"

#include <stdexcept>
#include <unordered_map>

#include <fmt/format.h>

namespace asl {

const TSLanguage* python_language() {
  static const TSLanguage* lang = [] {
    const TSLanguage* l = tree_sitter_python();
    uint32_t v = ts_language_version(l);
    if (v < TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION || v > TREE_SITTER_LANGUAGE_VERSION) {
      throw std::runtime_error(fmt::format(
          "the Python grammar has ABI version {}, but this tree-sitter runtime reads versions {} to {}; "
          "install a tree-sitter-python release generated for ABI {} (see grammars/package.json)",
          v, TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION, TREE_SITTER_LANGUAGE_VERSION,
          TREE_SITTER_LANGUAGE_VERSION));
    }
    return l;
  }();
  return lang;
}

TSFieldId field_id(std::string_view name) {
  static const std::unordered_map<std::string_view, TSFieldId> ids = [] {
    std::unordered_map<std::string_view, TSFieldId> m;
    const TSLanguage* l = python_language();
    for (TSFieldId id = 1; id <= ts_language_field_count(l); ++id)
      if (const char* n = ts_language_field_name_for_id(l, id)) m.emplace(n, id);
    return m;
  }();
  auto it = ids.find(name);
  return it == ids.end() ? 0 : it->second;
}

namespace {
TSSymbol sym(const TSLanguage* l, std::string_view name, bool named = true) {
  TSSymbol s = ts_language_symbol_for_name(l, name.data(), static_cast<uint32_t>(name.size()), named);
  if (s == 0) throw std::runtime_error(fmt::format("the Python grammar has no node kind `{}`", name));
  return s;
}
}  // namespace

const Kinds& Kinds::get() {
  static const Kinds k = [] {
    const TSLanguage* l = python_language();
    Kinds x{};
    x.module = sym(l, "module");
    x.function_definition = sym(l, "function_definition");
    x.async_keyword = sym(l, "async", false);
    x.class_definition = sym(l, "class_definition");
    x.decorated_definition = sym(l, "decorated_definition");
    x.lambda = sym(l, "lambda");
    x.list_comprehension = sym(l, "list_comprehension");
    x.set_comprehension = sym(l, "set_comprehension");
    x.dictionary_comprehension = sym(l, "dictionary_comprehension");
    x.generator_expression = sym(l, "generator_expression");
    x.call = sym(l, "call");
    x.attribute = sym(l, "attribute");
    x.identifier = sym(l, "identifier");
    x.import_statement = sym(l, "import_statement");
    x.import_from_statement = sym(l, "import_from_statement");
    x.future_import_statement = sym(l, "future_import_statement");
    x.aliased_import = sym(l, "aliased_import");
    x.dotted_name = sym(l, "dotted_name");
    x.relative_import = sym(l, "relative_import");
    x.wildcard_import = sym(l, "wildcard_import");
    x.assignment = sym(l, "assignment");
    x.augmented_assignment = sym(l, "augmented_assignment");
    x.with_statement = sym(l, "with_statement");
    x.with_clause = sym(l, "with_clause");
    x.with_item = sym(l, "with_item");
    x.as_pattern = sym(l, "as_pattern");
    x.as_pattern_target = sym(l, "as_pattern_target");
    x.parameters = sym(l, "parameters");
    x.lambda_parameters = sym(l, "lambda_parameters");
    x.typed_parameter = sym(l, "typed_parameter");
    x.default_parameter = sym(l, "default_parameter");
    x.typed_default_parameter = sym(l, "typed_default_parameter");
    x.list_splat_pattern = sym(l, "list_splat_pattern");
    x.dictionary_splat_pattern = sym(l, "dictionary_splat_pattern");
    x.for_statement = sym(l, "for_statement");
    x.for_in_clause = sym(l, "for_in_clause");
    x.global_statement = sym(l, "global_statement");
    x.nonlocal_statement = sym(l, "nonlocal_statement");
    x.except_clause = sym(l, "except_clause");
    x.named_expression = sym(l, "named_expression");
    x.parenthesized_expression = sym(l, "parenthesized_expression");
    x.argument_list = sym(l, "argument_list");
    x.keyword_argument = sym(l, "keyword_argument");
    x.expression_statement = sym(l, "expression_statement");
    x.string = sym(l, "string");
    x.interpolation = sym(l, "interpolation");
    x.comment = sym(l, "comment");
    x.await = sym(l, "await");
    x.type = sym(l, "type");
    x.pattern_list = sym(l, "pattern_list");
    x.tuple_pattern = sym(l, "tuple_pattern");
    x.list_pattern = sym(l, "list_pattern");
    x.tuple = sym(l, "tuple");
    x.list = sym(l, "list");
    x.subscript = sym(l, "subscript");
    x.binary_operator = sym(l, "binary_operator");
    x.decorator = sym(l, "decorator");
    x.block = sym(l, "block");
    x.return_statement = sym(l, "return_statement");
    x.yield = sym(l, "yield");
    x.delete_statement = sym(l, "delete_statement");
    x.print_statement = sym(l, "print_statement");
    x.exec_statement = sym(l, "exec_statement");
    x.while_statement = sym(l, "while_statement");
    x.if_statement = sym(l, "if_statement");
    x.except_group_clause = sym(l, "except_group_clause");
    x.case_clause = sym(l, "case_clause");
    x.not_operator = sym(l, "not_operator");
    x.boolean_operator = sym(l, "boolean_operator");
    x.comparison_operator = sym(l, "comparison_operator");
    x.none = sym(l, "none");
    x.try_statement = sym(l, "try_statement");
    x.raise_statement = sym(l, "raise_statement");
    x.else_clause = sym(l, "else_clause");
    x.elif_clause = sym(l, "elif_clause");
    x.finally_clause = sym(l, "finally_clause");
    x.error = static_cast<TSSymbol>(-1);  // ts_builtin_sym_error
    return x;
  }();
  return k;
}

Parser::Parser() : parser_(ts_parser_new()) {
  if (!ts_parser_set_language(parser_, python_language())) {
    ts_parser_delete(parser_);
    throw std::runtime_error("tree-sitter refused the Python grammar");
  }
}

Parser::~Parser() { ts_parser_delete(parser_); }

Tree Parser::parse(std::string_view text) {
  ts_parser_reset(parser_);
  return Tree(ts_parser_parse_string(parser_, nullptr, text.data(), static_cast<uint32_t>(text.size())));
}

TSNode unparenthesize(TSNode n) {
  const auto& k = Kinds::get();
  while (is(n, k.parenthesized_expression)) {
    // The one expression inside, comments aside: `(x  # why\n)` is `x`.
    TSNode inner{};
    int count = 0;
    for_each_named_child(n, [&](TSNode c) {
      if (!is(c, k.comment)) inner = c, ++count;
    });
    if (count != 1) break;
    n = inner;
  }
  return n;
}

bool has_async_keyword(TSNode n) {
  uint32_t count = ts_node_child_count(n);
  for (uint32_t i = 0; i < count && i < 2; ++i) {
    if (ts_node_symbol(ts_node_child(n, i)) == Kinds::get().async_keyword) return true;
  }
  return false;
}

bool is_async_function(TSNode fn) {
  // The grammar marks `async def` with an anonymous `async` token before `def`.
  uint32_t n = ts_node_child_count(fn);
  for (uint32_t i = 0; i < n && i < 2; ++i) {
    if (ts_node_symbol(ts_node_child(fn, i)) == Kinds::get().async_keyword) return true;
  }
  return false;
}

}  // namespace asl
