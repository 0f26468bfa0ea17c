// A Python package as one program: its modules, the names each imports from
// the others (every form of import, re-exports through __init__.py), and one
// merged source in which those names are resolved, so that one lowering
// context sees every module (names resolve and types infer across modules).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/source_file.h"
#include "core/syntax.h"
#include "translate/diagnostics.h"

namespace asl::tr {

// A diagnostic of one of the package's files.
struct PackageDiagnostic {
  std::string path;  // as shown: relative to the package's parent folder (pkg/sub/mod.py)
  TranslateDiagnostic d;
};

struct PackageModule {
  std::string name;     // dotted: pkg.sub.mod; pkg.sub for pkg/sub/__init__.py
  std::string path;     // pkg/sub/mod.py
  bool is_init = false;
  std::optional<SourceFile> file;
  Tree tree;
  std::set<std::string> defines;  // top-level names: functions, classes, variables
  std::set<size_t> deps;          // modules it imports (Python runs them first)
  std::set<size_t> uses;          // modules whose definitions its code names
  std::string text;               // its source with package imports resolved (see PackageModel::merge)
  TSNode root() const { return ts_tree_root_node(tree.get()); }
};

class PackageModel {
 public:
  // Reads every *.py under `dir` (skipping __pycache__ and hidden folders).
  // Problems (unreadable files, syntax errors; in the modules Python runs,
  // names that do not resolve) are reported in `diags`; `ok()` is false after any.
  PackageModel(const std::string& dir, std::vector<PackageDiagnostic>& diags);
  bool ok() const { return ok_; }
  const std::string& package() const { return package_; }
  const std::vector<PackageModule>& modules() const { return modules_; }
  size_t entry() const { return entry_; }
  // The modules Python runs (the entry and what it imports), each after the
  // modules it imports and uses, the entry last; in a cycle, the order in
  // which Python's imports would define them. Only these are translated.
  const std::vector<size_t>& order() const { return order_; }

  // The merged program: each module's text, in order(), with its package
  // imports removed and the names they bound replaced by the definitions'
  // own names (the package's modules share one namespace in the translation).
  const std::string& merged() const { return merged_; }
  // Where a position of the merged program comes from: module index and position.
  std::pair<size_t, SourcePos> original(SourcePos merged) const;

 private:
  struct Binding {
    size_t module = SIZE_MAX;
    std::string name;  // empty: the module itself
  };
  struct Pending {  // a name a module's import binds, before re-exports are followed
    size_t target = SIZE_MAX;
    std::string imported;  // empty: the module itself
    TSNode at{};
  };
  struct Rewrite {
    unsigned line, column, old_len, new_len;  // original line and column, lengths in code points
  };
  void load(const std::string& dir);
  void find_entry();
  void collect_definitions(PackageModule& m);
  void bind_imports(size_t mi);
  std::optional<Binding> resolve(size_t module, const std::string& name, int depth);
  std::optional<size_t> module_named(const std::string& dotted) const;
  std::string import_target(size_t mi, TSNode module_name) const;  // absolute dotted module of an import
  void rewrite(size_t mi);
  void merge();
  void report(size_t mi, TSNode at, std::string what);

  std::vector<PackageDiagnostic>& diags_;
  bool ok_ = true;
  bool holding_ = false;  // reports wait in held_ until it is known whether Python runs their module
  std::vector<std::pair<size_t, PackageDiagnostic>> held_;
  std::string package_;
  std::vector<PackageModule> modules_;
  size_t entry_ = SIZE_MAX;
  std::vector<size_t> order_;
  std::vector<std::map<std::string, Binding>> bindings_;  // per module: bound name -> definition
  std::vector<std::map<std::string, Pending>> pending_;
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> blanked_;  // per module: byte spans removed
  std::vector<std::map<unsigned, std::vector<Rewrite>>> rewrites_;   // per module, by line
  std::string merged_;
  std::vector<std::pair<unsigned, size_t>> chunks_;  // first merged line -> module
};

}  // namespace asl::tr
