#include "translate/package_model.h"

#include <algorithm>
#include <filesystem>
#include <functional>

#include <fmt/format.h>

#include "core/nesting.h"

namespace asl::tr {

namespace fs = std::filesystem;

namespace {

bool main_guard(std::string_view cond) {
  return cond == "__name__ == \"__main__\"" || cond == "__name__ == '__main__'";
}

TSNode first_syntax_error(TSNode n) {
  if (std::string_view(ts_node_type(n)) == "ERROR" || ts_node_is_missing(n)) return n;
  if (!ts_node_has_error(n)) return TSNode{};
  for (uint32_t i = 0; i < ts_node_child_count(n); ++i)
    if (TSNode e = first_syntax_error(ts_node_child(n, i)); !ts_node_is_null(e)) return e;
  return TSNode{};
}

std::vector<TSNode> named_children_of(TSNode n) {
  std::vector<TSNode> out;
  for_each_named_child(n, [&](TSNode c) { out.push_back(c); });
  return out;
}

unsigned code_points(std::string_view s) {
  unsigned n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

void PackageModel::report(size_t mi, TSNode at, std::string what) {
  const SourceFile& f = *modules_[mi].file;
  Location l = f.location(ts_node_start_byte(at)), e = f.location(ts_node_end_byte(at));
  PackageDiagnostic d{modules_[mi].path, {{l.line, l.column}, std::move(what), {e.line, e.column}}};
  if (holding_) {
    held_.emplace_back(mi, std::move(d));
    return;
  }
  diags_.push_back(std::move(d));
  ok_ = false;
}

PackageModel::PackageModel(const std::string& dir, std::vector<PackageDiagnostic>& diags) : diags_(diags) {
  load(dir);
  if (!ok_) return;
  size_t n = modules_.size();
  bindings_.resize(n);
  pending_.resize(n);
  blanked_.resize(n);
  rewrites_.resize(n);
  for (auto& m : modules_) collect_definitions(m);
  // What a module's imports get wrong matters only if Python runs it.
  holding_ = true;
  for (size_t i = 0; i < n; ++i) bind_imports(i);
  holding_ = false;
  find_entry();
  if (!ok_) return;
  // The modules Python runs: the entry and what it imports, transitively,
  // each after the modules it imports (in a cycle, as Python would define them).
  auto run_order = [&] {
    order_.clear();
    std::vector<char> seen(n, 0);
    std::function<void(size_t)> visit = [&](size_t i) {
      if (seen[i]) return;
      seen[i] = 1;
      for (size_t d : modules_[i].deps) visit(d);
      order_.push_back(i);
    };
    visit(entry_);
  };
  run_order();
  std::set<size_t> runs(order_.begin(), order_.end());
  for (auto& [mi, d] : held_)
    if (runs.count(mi)) diags_.push_back(std::move(d)), ok_ = false;
  for (size_t i : runs)
    for (auto& [name, p] : pending_[i]) {
      if (auto b = resolve(i, name, 0)) bindings_[i][name] = *b;
      else
        report(i, p.at, p.imported.empty() ? fmt::format("import of `{}`: no such module in the package", name)
                                           : fmt::format("import of `{}` from `{}`: no such name in the package", p.imported,
                                                         modules_[p.target].name));
    }
  for (size_t i : runs) rewrite(i);
  run_order();  // with the modules whose definitions each uses
  // The package's modules share one namespace in the translation: a name
  // defined by two of the modules Python runs would be one definition.
  std::map<std::string, size_t> defined_by;
  for (size_t i : order_) {
    for (const auto& name : modules_[i].defines) {
      auto [it, fresh] = defined_by.emplace(name, i);
      if (fresh) continue;
      TSNode at = modules_[i].root();
      for (TSNode c : named_children_of(at)) {
        TSNode d = is(c, Kinds::get().decorated_definition) ? field(c, "definition") : c;
        TSNode nm = field(d, "name");
        if (is(c, Kinds::get().expression_statement)) nm = field(ts_node_named_child(c, 0), "left");
        if (!ts_node_is_null(nm) && node_text(nm, modules_[i].file->text()) == name) { at = nm; break; }
      }
      report(i, at, fmt::format("`{}` is also defined in {} (the package's modules share one namespace in the translation)",
                                name, modules_[it->second].path));
    }
  }
  if (ok_) merge();
}

void PackageModel::load(const std::string& dir) {
  fs::path root = fs::weakly_canonical(fs::path(dir));
  package_ = root.filename().string();
  std::vector<fs::path> files;
  std::set<fs::path> folders{root};
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (it->is_directory()) {
      if (name.starts_with(".") || name == "__pycache__") it.disable_recursion_pending();
      else folders.insert(it->path());
      continue;
    }
    if (it->path().extension() == ".py") files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  Parser parser;
  auto dotted = [&](const fs::path& rel) {
    std::string s;
    for (const auto& part : rel) s += (s.empty() ? "" : ".") + part.string();
    return s;
  };
  for (const auto& f : files) {
    fs::path rel = fs::relative(f, root.parent_path());
    PackageModule m;
    m.path = rel.generic_string();
    m.is_init = f.filename() == "__init__.py";
    fs::path mod = m.is_init ? rel.parent_path() : rel.parent_path() / rel.stem();
    m.name = dotted(mod);
    LoadError error;
    m.file = SourceFile::read(f.string(), &error);
    if (!m.file) {
      Location w = error.where.value_or(Location{});
      diags_.push_back({m.path, {{w.line, w.column}, "cannot read the file: " + error.message}});
      ok_ = false;
      continue;
    }
    m.tree = parser.parse(m.file->text());
    modules_.push_back(std::move(m));
    size_t mi = modules_.size() - 1;
    TSNode r = modules_[mi].root();
    if (auto deep = first_too_deep(r)) {
      Location l = modules_[mi].file->location(*deep);
      diags_.push_back({modules_[mi].path, {{l.line, l.column}, fmt::format("nesting too deep (more than {} syntax levels)", kMaxTreeDepth), {}, kSyntaxErrorCode}});
      ok_ = false;
    } else if (TSNode bad = first_syntax_error(r); !ts_node_is_null(bad)) {
      report(mi, bad, "syntax error (the file does not parse as Python)");
      diags_.back().d.code = kSyntaxErrorCode;
    }
  }
  // A folder without __init__.py is a namespace package: an empty module.
  for (const auto& folder : folders) {
    if (fs::exists(folder / "__init__.py")) continue;
    PackageModule m;
    m.name = dotted(fs::relative(folder, root.parent_path()));
    m.path = fs::relative(folder, root.parent_path()).generic_string() + "/";
    m.is_init = true;
    LoadError error;
    m.file = SourceFile::from_bytes(m.path, "", &error);
    m.tree = parser.parse("");
    modules_.push_back(std::move(m));
  }
}

std::optional<size_t> PackageModel::module_named(const std::string& dotted) const {
  for (size_t i = 0; i < modules_.size(); ++i)
    if (modules_[i].name == dotted) return i;
  return std::nullopt;
}

void PackageModel::collect_definitions(PackageModule& m) {
  const Kinds& k = Kinds::get();
  std::string_view src = m.file->text();
  for (TSNode c : named_children_of(m.root())) {
    TSNode d = is(c, k.decorated_definition) ? field(c, "definition") : c;
    if (is(d, k.function_definition) || is(d, k.class_definition)) m.defines.insert(std::string(node_text(field(d, "name"), src)));
    if (is(c, k.expression_statement)) {
      TSNode a = ts_node_named_child(c, 0);
      if (is(a, k.assignment) && is(field(a, "left"), k.identifier)) {
        std::string n(node_text(field(a, "left"), src));
        if (n != "__all__") m.defines.insert(n);
      }
    }
  }
}

// The absolute module an import names: `.mod` and `..` against the importing
// module's package, as Python resolves them; empty when it leaves the package.
std::string PackageModel::import_target(size_t mi, TSNode module_name) const {
  const PackageModule& m = modules_[mi];
  std::string text(node_text(module_name, m.file->text()));
  if (!is(module_name, Kinds::get().relative_import)) return text;
  size_t dots = text.find_first_not_of('.');
  std::string rest = dots == std::string::npos ? "" : text.substr(dots);
  if (dots == std::string::npos) dots = text.size();
  std::string base = m.name;
  if (!m.is_init) base = base.substr(0, base.rfind('.') == std::string::npos ? 0 : base.rfind('.'));
  for (size_t i = 1; i < dots; ++i) {
    size_t at = base.rfind('.');
    if (at == std::string::npos) return {};
    base = base.substr(0, at);
  }
  if (base.empty()) return {};
  return rest.empty() ? base : base + "." + rest;
}

void PackageModel::bind_imports(size_t mi) {
  const Kinds& k = Kinds::get();
  PackageModule& m = modules_[mi];
  std::string_view src = m.file->text();
  auto in_package = [&](const std::string& dotted) { return dotted == package_ || dotted.starts_with(package_ + "."); };
  auto depend = [&](const std::string& dotted) {
    // Importing a.b.c runs a, a.b and a.b.c (each once), in that order.
    for (size_t at = 0; at != std::string::npos;) {
      at = dotted.find('.', at + 1);
      if (auto d = module_named(dotted.substr(0, at)); d && *d != mi) m.deps.insert(*d);
    }
  };
  depend(m.name.substr(0, m.name.rfind('.') == std::string::npos ? m.name.size() : m.name.rfind('.')));
  auto blank = [&](TSNode n) { blanked_[mi].push_back({ts_node_start_byte(n), ts_node_end_byte(n)}); };
  // A package import below the top level would bind a local name: reported.
  std::function<void(TSNode, bool)> walk = [&](TSNode n, bool top) {
    for (TSNode c : named_children_of(n)) {
      if (is(c, k.import_statement) || is(c, k.import_from_statement)) {
        bool local = false;
        if (is(c, k.import_from_statement)) {
          TSNode mod = field(c, "module_name");
          std::string target = import_target(mi, mod);
          if (!is(mod, k.relative_import) && !in_package(target)) continue;  // the lowering checks the API tables
          if (target.empty()) {
            report(mi, mod, fmt::format("import of `{}`: beyond the top of the package", node_text(mod, src)));
            continue;
          }
          if (!top) local = true;
          auto t = module_named(target);
          if (!t) {
            report(mi, mod, fmt::format("import of `{}`: no such module in the package", target));
            continue;
          }
          if (local) { report(mi, c, "import of a package module inside a function or block"); continue; }
          depend(target);
          blank(c);
          for (TSNode item : named_children_of(c)) {
            if (ts_node_eq(item, mod)) continue;
            if (is(item, k.wildcard_import)) {
              // `from m import *`: its __all__, else its public names.
              std::vector<std::string> names;
              bool has_all = false;
              for (TSNode s : named_children_of(modules_[*t].root())) {
                TSNode a = is(s, k.expression_statement) ? ts_node_named_child(s, 0) : TSNode{};
                if (!is(a, k.assignment) || node_text(field(a, "left"), modules_[*t].file->text()) != "__all__") continue;
                has_all = true;
                for (TSNode e : named_children_of(field(a, "right")))
                  if (is(e, k.string)) {
                    std::string_view q = node_text(e, modules_[*t].file->text());
                    if (q.size() >= 2) names.emplace_back(q.substr(1, q.size() - 2));
                  }
              }
              if (!has_all)
                for (const auto& d : modules_[*t].defines)
                  if (!d.starts_with("_")) names.push_back(d);
              for (const auto& nm : names) pending_[mi][nm] = {*t, nm, item};
              continue;
            }
            TSNode name = is(item, k.aliased_import) ? field(item, "name") : item;
            TSNode alias = is(item, k.aliased_import) ? field(item, "alias") : item;
            pending_[mi][std::string(node_text(alias, src))] = {*t, std::string(node_text(name, src)), item};
          }
          continue;
        }
        // import a.b [as m]
        std::vector<TSNode> items = named_children_of(c);
        bool any = false, all = true;
        for (TSNode item : items) {
          TSNode name = is(item, k.aliased_import) ? field(item, "name") : item;
          bool p = in_package(std::string(node_text(name, src)));
          any = any || p;
          all = all && p;
        }
        if (!any) continue;
        if (!all) { report(mi, c, "an import statement that mixes the package's modules with others"); continue; }
        if (!top) { report(mi, c, "import of a package module inside a function or block"); continue; }
        blank(c);
        for (TSNode item : items) {
          TSNode name = is(item, k.aliased_import) ? field(item, "name") : item;
          std::string dotted(node_text(name, src));
          auto t = module_named(dotted);
          if (!t) { report(mi, name, fmt::format("import of `{}`: no such module in the package", dotted)); continue; }
          depend(dotted);
          if (is(item, k.aliased_import)) pending_[mi][std::string(node_text(field(item, "alias"), src))] = {*t, "", item};
          else pending_[mi][package_] = {*module_named(package_), "", item};
        }
        continue;
      }
      walk(c, false);
    }
  };
  walk(m.root(), true);
  // Module docstrings, __all__ and the main guards of modules that are not
  // the entry have no place in the merged program.
  std::vector<TSNode> top = named_children_of(m.root());
  for (size_t i = 0; i < top.size(); ++i) {
    TSNode a = is(top[i], k.expression_statement) ? ts_node_named_child(top[i], 0) : TSNode{};
    if (i == 0 && is(a, k.string)) blank(top[i]);
    if (is(a, k.assignment) && node_text(field(a, "left"), src) == "__all__") blank(top[i]);
  }
}

std::optional<PackageModel::Binding> PackageModel::resolve(size_t module, const std::string& name, int depth) {
  if (depth > 64) return std::nullopt;  // a cycle of re-exports: Python fails too
  auto p = pending_[module].find(name);
  if (p == pending_[module].end()) return std::nullopt;
  const Pending& pd = p->second;
  if (pd.imported.empty()) return Binding{pd.target, ""};
  // `from m import n`: m's own definition or import of n, else submodule m.n.
  if (modules_[pd.target].defines.count(pd.imported)) return Binding{pd.target, pd.imported};
  if (pending_[pd.target].count(pd.imported)) return resolve(pd.target, pd.imported, depth + 1);
  if (auto sub = module_named(modules_[pd.target].name + "." + pd.imported)) {
    modules_[module].deps.insert(*sub);
    return Binding{*sub, ""};
  }
  return std::nullopt;
}

void PackageModel::find_entry() {
  const Kinds& k = Kinds::get();
  if (auto m = module_named(package_ + ".__main__")) {
    entry_ = *m;
  } else {
    std::vector<size_t> found;
    for (size_t i = 0; i < modules_.size(); ++i)
      for (TSNode c : named_children_of(modules_[i].root())) {
        std::string_view t = node_text(c, modules_[i].file->text());
        bool guard = is(c, k.if_statement) && main_guard(node_text(field(c, "condition"), modules_[i].file->text()));
        bool run = is(c, k.expression_statement) && t.find("asyncio.run(") != std::string_view::npos;
        if ((guard || run) && (found.empty() || found.back() != i)) found.push_back(i);
      }
    if (found.size() != 1) {
      std::string what = found.empty()
                             ? "no entry point: the package has no __main__.py and no module with `if __name__ == \"__main__\":` or "
                               "a top-level `asyncio.run(...)`"
                             : fmt::format("{} modules could be the entry point; add a __main__.py", found.size());
      diags_.push_back({package_ + "/", {{1, 1}, what}});
      ok_ = false;
      return;
    }
    entry_ = found[0];
  }
  for (size_t i = 0; i < modules_.size(); ++i) {
    if (i == entry_) continue;
    for (TSNode c : named_children_of(modules_[i].root()))
      if (is(c, k.if_statement) && main_guard(node_text(field(c, "condition"), modules_[i].file->text())))
        blanked_[i].push_back({ts_node_start_byte(c), ts_node_end_byte(c)});
  }
}

// Each name bound by a package import becomes its definition's own name:
// `alias` -> `name`, `mod.sub.name` -> `name`; `mod` alone is a module used
// as a value, which has no translation.
void PackageModel::rewrite(size_t mi) {
  const Kinds& k = Kinds::get();
  PackageModule& m = modules_[mi];
  std::string_view src = m.file->text();
  struct Edit {
    uint32_t begin, end;
    std::string text;
  };
  std::vector<Edit> edits;
  // Names a function binds are its locals throughout (Python's rule): an
  // imported name they shadow is not rewritten there.
  std::map<uint32_t, std::set<std::string>> locals;  // by the function's start byte
  std::function<void(TSNode, std::set<std::string>&)> targets = [&](TSNode t, std::set<std::string>& out) {
    if (is(t, k.identifier)) out.insert(std::string(node_text(t, src)));
    else if (!is(t, k.attribute) && !is(t, k.subscript))
      for_each_named_child(t, [&](TSNode c) { targets(c, out); });
  };
  std::function<void(TSNode, std::set<std::string>&)> bound = [&](TSNode n, std::set<std::string>& out) {
    if (is(n, k.assignment) || is(n, k.augmented_assignment) || is(n, k.for_statement) || is(n, k.for_in_clause))
      targets(field(n, "left"), out);
    if (is(n, k.as_pattern_target)) targets(n, out);
    if (is(n, k.named_expression)) targets(field(n, "name"), out);
    if (is(n, k.parameters) || is(n, k.lambda_parameters))
      for_each_named_child(n, [&](TSNode p) {
        if (is(p, k.identifier)) out.insert(std::string(node_text(p, src)));
        TSNode name = field(p, "name");
        if (ts_node_is_null(name)) name = ts_node_named_child(p, 0);
        if (is(name, k.identifier)) out.insert(std::string(node_text(name, src)));
      });
    for_each_named_child(n, [&](TSNode c) { bound(c, out); });
  };
  auto shadowed = [&](TSNode n, const std::string& name) {
    for (TSNode f = ts_node_parent(n); !ts_node_is_null(f); f = ts_node_parent(f)) {
      if (!is(f, k.function_definition) && !is(f, k.lambda)) continue;
      auto [it, fresh] = locals.try_emplace(ts_node_start_byte(f));
      if (fresh) bound(f, it->second);
      if (it->second.count(name)) return true;
    }
    return false;
  };
  auto blanked = [&](TSNode n) {
    for (auto [b, e] : blanked_[mi])
      if (ts_node_start_byte(n) >= b && ts_node_end_byte(n) <= e) return true;
    return false;
  };
  std::function<void(TSNode)> walk = [&](TSNode n) {
    if (blanked(n)) return;
    if (is(n, k.identifier)) {
      auto b = bindings_[mi].find(std::string(node_text(n, src)));
      if (b == bindings_[mi].end()) return;
      TSNode parent = ts_node_parent(n);
      auto field_is = [&](const char* f) { return ts_node_eq(field(parent, f), n); };
      if ((is(parent, k.attribute) && field_is("attribute")) || (is(parent, k.keyword_argument) && field_is("name")) ||
          ((is(parent, k.function_definition) || is(parent, k.class_definition)) && field_is("name")) ||
          is(parent, k.parameters) || is(parent, k.lambda_parameters) ||
          ((is(parent, k.default_parameter) || is(parent, k.typed_parameter) || is(parent, k.typed_default_parameter)) &&
           (field_is("name") || ts_node_eq(ts_node_named_child(parent, 0), n))))
        return;
      if (shadowed(n, b->first)) return;
      Binding bd = b->second;
      TSNode span = n;
      while (bd.name.empty()) {
        TSNode up = ts_node_parent(span);
        if (!is(up, k.attribute) || !ts_node_eq(field(up, "object"), span)) {
          report(mi, span, fmt::format("module `{}` used as a value", modules_[bd.module].name));
          return;
        }
        std::string attr(node_text(field(up, "attribute"), src));
        span = up;
        if (modules_[bd.module].defines.count(attr)) bd.name = attr;
        else if (auto r = pending_[bd.module].count(attr) ? resolve(bd.module, attr, 0) : std::nullopt) bd = *r;
        else if (auto sub = module_named(modules_[bd.module].name + "." + attr)) bd = {*sub, ""};
        else {
          report(mi, up, fmt::format("`{}` is not defined in module `{}`", attr, modules_[bd.module].name));
          return;
        }
      }
      // Assigning it would rebind a name of the one namespace the modules
      // share, where Python rebinds the importing module's name (or, through
      // `mod.name = v`, the other module's global, which a function here
      // would make a local): neither is what the merged program would do.
      TSNode up = ts_node_parent(span);
      if ((is(up, k.assignment) || is(up, k.augmented_assignment)) && ts_node_eq(field(up, "left"), span)) {
        report(mi, span, fmt::format("assignment to `{}`, a name imported from module `{}`", node_text(span, src),
                                     modules_[bd.module].name));
        return;
      }
      if (bd.module != mi) m.deps.insert(bd.module), m.uses.insert(bd.module);
      if (node_text(span, src) != bd.name) edits.push_back({ts_node_start_byte(span), ts_node_end_byte(span), bd.name});
      return;
    }
    for_each_named_child(n, walk);
  };
  walk(m.root());
  std::string out(src);
  for (auto [b, e] : blanked_[mi])
    for (uint32_t i = b; i < e; ++i)
      if (out[i] != '\n' && out[i] != '\r') out[i] = ' ';
  std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.begin > b.begin; });
  for (const auto& e : edits) {
    Location l = m.file->location(e.begin), end = m.file->location(e.end);
    if (l.line == end.line)
      rewrites_[mi][l.line].push_back({l.line, l.column, code_points(src.substr(e.begin, e.end - e.begin)), code_points(e.text)});
    out.replace(e.begin, e.end - e.begin, e.text);
  }
  for (auto& [line, rs] : rewrites_[mi])
    std::sort(rs.begin(), rs.end(), [](const Rewrite& a, const Rewrite& b) { return a.column < b.column; });
  m.text = std::move(out);
}

void PackageModel::merge() {
  unsigned line = 1;
  for (size_t i : order_) {
    const std::string& t = modules_[i].text;
    chunks_.push_back({line, i});
    merged_ += t;
    if (!t.empty() && t.back() != '\n') merged_ += '\n';
    line += static_cast<unsigned>(std::count(t.begin(), t.end(), '\n')) + (!t.empty() && t.back() != '\n');
  }
}

std::pair<size_t, SourcePos> PackageModel::original(SourcePos p) const {
  if (chunks_.empty()) return {0, p};
  auto it = std::upper_bound(chunks_.begin(), chunks_.end(), p.line,
                             [](unsigned l, const std::pair<unsigned, size_t>& c) { return l < c.first; });
  if (it != chunks_.begin()) --it;
  size_t mi = it->second;
  SourcePos o{p.line - it->first + 1, p.column};
  if (p.line == 0) return {mi, p};
  auto r = rewrites_[mi].find(o.line);
  if (r != rewrites_[mi].end()) {
    int shift = 0;
    for (const auto& w : r->second) {
      unsigned start = w.column + shift;  // where the rewrite begins in the merged line
      if (p.column < start) break;
      if (p.column < start + w.new_len) return {mi, {o.line, w.column}};
      shift += static_cast<int>(w.new_len) - static_cast<int>(w.old_len);
    }
    o.column = static_cast<unsigned>(static_cast<int>(p.column) - shift);
  }
  return {mi, o};
}

}  // namespace asl::tr
