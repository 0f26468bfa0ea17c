#include "translate/package_translator.h"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "translate/concurrency.h"
#include "translate/type_check.h"
#include "translate/lowering.h"

namespace asl::tr {

namespace {

SourcePos item_pos(const ModuleItem& item) {
  if (item.var) return item.var->pos;
  if (item.function) return item.function->pos;
  if (item.klass) return item.klass->pos;
  return item.stmt->pos;
}

}  // namespace

PackageResult translate_package(const std::string& package_dir, const TranslateOptions& options) {
  PackageResult r;
  PackageModel model(package_dir, r.diagnostics);
  auto by_file = [&] {
    std::stable_sort(r.diagnostics.begin(), r.diagnostics.end(), [](const auto& a, const auto& b) {
      return std::tie(a.path, a.d.pos.line, a.d.pos.column) < std::tie(b.path, b.d.pos.line, b.d.pos.column);
    });
  };
  if (!model.ok()) {
    by_file();
    return r;
  }
  const auto& modules = model.modules();
  LoadError error;
  std::optional<SourceFile> merged = SourceFile::from_bytes(model.package(), model.merged(), &error);
  Parser parser;
  Tree tree = parser.parse(merged->text());
  // Each module parses, and the merge blanks whole top-level statements and
  // replaces names by names: the program parses too, or nothing is emitted.
  if (ts_node_has_error(ts_tree_root_node(tree.get()))) {
    r.diagnostics.push_back({model.package() + "/", {{1, 1}, "the package's modules could not be merged into one program"}});
    return r;
  }
  const ApiTable& api = builtin_api_table();
  std::vector<TranslateDiagnostic> diags;
  Module m = lower_module(*merged, ts_tree_root_node(tree.get()), api, diags);
  mark_concurrency(m, diags);
  check_types(m, diags);

  // Each item goes to the module its source came from; a synthesized entry
  // (the statements under `if __name__ == "__main__":`) to the entry module.
  std::vector<size_t> part_of_module(modules.size(), SIZE_MAX);
  std::vector<PackagePart> parts;
  bool cpp = options.target == Target::Cpp;
  for (size_t mi : model.order()) {
    if (modules[mi].path.ends_with("/")) continue;  // a namespace package: no file
    part_of_module[mi] = parts.size();
    PackagePart p;
    // C++ headers include each other as "pkg/sub/mod.hpp" from the project's
    // folder: a subpackage's __init__.hpp is never taken for the package's.
    std::string rel = cpp ? modules[mi].path : modules[mi].path.substr(model.package().size() + 1);
    p.file_stem = rel.substr(0, rel.size() - 3);
    p.source_name = modules[mi].path;
    p.items.assign(m.items.size(), false);
    parts.push_back(std::move(p));
  }
  if (!parts.empty()) parts.back().last = true;
  for (size_t i = 0; i < m.items.size(); ++i) {
    SourcePos p = item_pos(m.items[i]);
    size_t mi = p.line ? model.original(p).first : model.entry();
    if (m.items[i].function && m.items[i].function->name == "__main__") mi = model.entry();
    size_t part = part_of_module[mi] != SIZE_MAX ? part_of_module[mi] : part_of_module[model.entry()];
    parts[part].items[i] = true;
  }
  for (size_t mi : model.order()) {
    if (part_of_module[mi] == SIZE_MAX) continue;
    for (size_t d : modules[mi].uses)
      if (part_of_module[d] != SIZE_MAX) parts[part_of_module[mi]].deps.push_back(part_of_module[d]);
  }

  std::unique_ptr<Backend> backend = cpp ? make_cpp_backend(api) : make_cs_backend(api);
  r.files = backend->emit_package(m, parts, model.package(), options.namespace_name, diags);

  tidy_diagnostics(diags);
  for (auto& d : diags) {
    auto [mi, at] = model.original(d.pos);
    d.pos = at;
    if (d.end.line) d.end = model.original(d.end).second;
    r.diagnostics.push_back({modules[mi].path, std::move(d)});
  }
  by_file();
  return r;
}

}  // namespace asl::tr
