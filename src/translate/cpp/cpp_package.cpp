// A package in C++: per module a header that declares its classes, variables
// and functions and defines its classes, and a source that defines the rest.
// Every header forward-declares all the package's classes and declares its
// functions before it includes the modules it imports, so that modules that
// import each other build; every source includes all headers (a function body
// may use any class whose value reaches it).
#include "translate/cpp/cmake_project.h"
#include "translate/cpp/cpp_emitter.h"

namespace asl::tr::cpp {

std::vector<EmittedFile> package_files(const ApiTable& api, const Module& m, const std::vector<PackagePart>& parts,
                                       const std::string& package, const std::string& python_ns,
                                       std::vector<TranslateDiagnostic>& diags) {
  std::string ns = python_ns.empty() ? identifier(package) : cpp_namespace(python_ns);
  std::vector<std::string> headers, sources;
  std::string all;
  // Whether part `to` is reached from part `from` through the modules it uses.
  auto reaches = [&](size_t from, size_t to) {
    std::vector<char> seen(parts.size(), 0);
    std::vector<size_t> work(parts[from].deps.begin(), parts[from].deps.end());
    while (!work.empty()) {
      size_t p = work.back();
      work.pop_back();
      if (p == to) return true;
      if (seen[p]) continue;
      seen[p] = 1;
      work.insert(work.end(), parts[p].deps.begin(), parts[p].deps.end());
    }
    return false;
  };
  for (size_t part_index = 0; part_index < parts.size(); ++part_index) {
    const PackagePart& part = parts[part_index];
    CppEmitter e(api, builtin_cpp_api(), diags);
    const Function* entry = e.index(m);
    auto mine = [&](size_t i) { return part.items[i]; };
    CodeWriter& w = e.w_;
    // Header: the package's classes declared; the module's variables and
    // functions declared, before the modules it uses when it is on a cycle of
    // them (so that they can call each other), else after (so that defaults
    // and constants can name theirs); then its classes.
    bool on_cycle = reaches(part_index, part_index);
    w.line("namespace " + ns + " {");
    w.blank();
    w.line("using namespace std::string_literals;");
    w.blank();
    bool any = false;
    for (const auto& item : m.items)
      if (item.klass) w.line("struct " + identifier(item.klass->name) + ";"), any = true;
    if (any) w.blank();
    if (!on_cycle) {
      w.line("}  // namespace " + ns);
      for (size_t d : part.deps) w.line("#include \"" + parts[d].file_stem + ".hpp\"");
      w.blank();
      w.line("namespace " + ns + " {");
    }
    for (size_t i = 0; i < m.items.size(); ++i) {
      if (!mine(i)) continue;
      const ModuleItem& item = m.items[i];
      CodeWriter saved = w;
      try {
        if (item.var && item.var->constant) e.module_var(*item.var);
        else if (item.var) w.line("extern " + e.type(item.var->type, item.var->pos) + " " + identifier(item.var->name) + ";");
        else if (item.function) e.prototype(*item.function);
      } catch (const Unsupported& u) {
        w = std::move(saved);  // reported with the definition
        if (item.var && item.var->constant) diags.push_back({u.pos, u.what, u.end});
      }
    }
    if (on_cycle) {
      w.line("}  // namespace " + ns);
      for (size_t d : part.deps) w.line("#include \"" + parts[d].file_stem + ".hpp\"");
      w.blank();
      w.line("namespace " + ns + " {");
    }
    for (size_t i = 0; i < m.items.size(); ++i) {
      if (!mine(i) || !m.items[i].klass) continue;
      w.blank();
      CodeWriter saved = w;
      try {
        e.klass(*m.items[i].klass);
      } catch (const Unsupported& u) {
        w = std::move(saved);
        diags.push_back({u.pos, u.what, u.end});
        e.todo(u.what, "class " + m.items[i].klass->name);
      }
    }
    w.line("}  // namespace " + ns);
    headers.push_back(w.str());
    // Source: the variables and functions.
    w = CodeWriter();
    w.line("namespace " + ns + " {");
    w.blank();
    w.line("using namespace std::string_literals;");
    bool entry_here = false;
    for (size_t i = 0; i < m.items.size(); ++i) {
      if (!mine(i)) continue;
      const ModuleItem& item = m.items[i];
      if (item.var && !item.var->constant) {
        w.blank();
        CodeWriter saved = w;
        try {
          e.module_var(*item.var);
        } catch (const Unsupported& u) {
          w = std::move(saved);
          diags.push_back({u.pos, u.what, u.end});
          e.todo(u.what, item.var->name + " = ...");
        }
      } else if (item.stmt) {
        if (item.stmt->kind == StmtKind::Comment) w.comment(item.stmt->text, "//");
        else {
          w.blank();
          e.todo(item.stmt->text, item.stmt->python);
        }
      } else if (item.function) {
        w.blank();
        e.function(*item.function, "");
        entry_here = entry_here || item.function.get() == entry;
      }
    }
    if (part.last)
      for (const auto& c : m.trailing_comments) w.comment(c, "//");
    w.line("}  // namespace " + ns);
    if (entry_here) {
      w.blank();
      e.entry_point(*entry, ns);
    }
    sources.push_back(w.str());
    all += headers.back() + sources.back();
  }
  // One set of runtime headers for the package: what any module uses.
  std::string includes = runtime_includes(all);
  std::string all_headers;
  for (const auto& part : parts) all_headers += "#include \"" + part.file_stem + ".hpp\"\n";
  std::vector<EmittedFile> files;
  for (size_t i = 0; i < parts.size(); ++i) {
    std::string head = "// Translated from " + parts[i].source_name + " by asynctranslate.\n";
    files.push_back({parts[i].file_stem + ".hpp", head + "#pragma once\n\n" + includes + "\n" + headers[i]});
    files.push_back({parts[i].file_stem + ".cpp", head + all_headers + "\n" + sources[i]});
  }
  std::vector<std::string> source_paths, runtime;
  for (const auto& part : parts) source_paths.push_back(part.file_stem + ".cpp");
  for (size_t at = includes.find('<'); at != std::string::npos; at = includes.find('<', at + 1))
    runtime.push_back(includes.substr(at, includes.find('>', at) - at + 1));
  files.push_back({"CMakeLists.txt", cmake_project(package, source_paths, runtime)});
  return files;
}

}  // namespace asl::tr::cpp
