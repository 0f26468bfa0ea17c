#include "translate/translator.h"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "core/nesting.h"
#include "core/syntax.h"
#include "translate/api_table.h"
#include "translate/backend.h"
#include "translate/concurrency.h"
#include "translate/type_check.h"
#include "translate/lowering.h"

namespace asl::tr {

namespace {

// The first syntax error, so that broken input is reported rather than guessed at.
bool first_error(TSNode n, TSNode* out) {
  if (std::string_view(ts_node_type(n)) == "ERROR" || ts_node_is_missing(n)) {
    *out = n;
    return true;
  }
  if (!ts_node_has_error(n)) return false;
  uint32_t count = ts_node_child_count(n);
  for (uint32_t i = 0; i < count; ++i)
    if (first_error(ts_node_child(n, i), out)) return true;
  return false;
}

}  // namespace

TranslateResult translate(const SourceFile& file, const TranslateOptions& options) {
  TranslateResult r;
  Parser parser;
  Tree tree = parser.parse(file.text());
  TSNode root = ts_tree_root_node(tree.get());
  // Lowering and the backends recurse over the tree: refuse absurd nesting
  // (reported like a syntax error) rather than overflow the stack.
  if (auto deep = first_too_deep(root)) {
    Location l = file.location(*deep);
    r.diagnostics.push_back({{l.line, l.column}, fmt::format("nesting too deep (more than {} syntax levels)", kMaxTreeDepth),
                             {}, kSyntaxErrorCode});
    r.syntax_error = true;
    return r;
  }
  if (TSNode bad; first_error(root, &bad)) {
    Location l = file.location(ts_node_start_byte(bad)), e = file.location(ts_node_end_byte(bad));
    r.diagnostics.push_back(
        {{l.line, l.column}, "syntax error (the file does not parse as Python)", {e.line, e.column}, kSyntaxErrorCode});
    r.syntax_error = true;
    return r;
  }
  const ApiTable& api = builtin_api_table();
  Module m = lower_module(file, root, api, r.diagnostics);
  mark_concurrency(m, r.diagnostics);
  check_types(m, r.diagnostics);
  BackendOptions bo;
  bo.source_name = std::filesystem::path(file.path()).filename().string();
  bo.namespace_name = options.namespace_name;
  std::unique_ptr<Backend> backend = options.target == Target::Cpp ? make_cpp_backend(api) : make_cs_backend(api);
  r.code = backend->emit(m, bo, r.diagnostics);
  tidy_diagnostics(r.diagnostics);
  return r;
}

void tidy_diagnostics(std::vector<TranslateDiagnostic>& diags) {
  // A type that cannot be inferred is usually the consequence of a construct
  // reported on its own (an unmapped call whose result fills a list): where
  // there is such a cause, it is what the user needs to read first.
  auto consequence = [](const TranslateDiagnostic& d) {
    return d.what.find("cannot be inferred") != std::string::npos || d.what.find("could not be inferred") != std::string::npos;
  };
  if (!std::all_of(diags.begin(), diags.end(), consequence))
    std::erase_if(diags, consequence);
  // A backend's report without a position repeats one the type check placed.
  if (std::any_of(diags.begin(), diags.end(), [](const auto& d) { return d.pos.line > 0; }))
    std::erase_if(diags, [&](const auto& d) { return d.pos.line == 0 && consequence(d); });
  std::stable_sort(diags.begin(), diags.end(), [](const auto& a, const auto& b) {
    return std::tie(a.pos.line, a.pos.column) < std::tie(b.pos.line, b.pos.column);
  });
  // One report per position and message.
  diags.erase(std::unique(diags.begin(), diags.end(),
                                  [](const auto& a, const auto& b) {
                                    return a.pos.line == b.pos.line && a.pos.column == b.pos.column && a.what == b.what;
                                  }),
                      diags.end());
}

}  // namespace asl::tr
