// Code generators behind one interface: one backend per target language.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "translate/api_table.h"
#include "translate/diagnostics.h"
#include "translate/ir.h"

namespace asl::tr {

struct BackendOptions {
  std::string source_name;     // shown in the header comment
  std::string namespace_name;  // empty: none
  // One module of a package (package_translator.cpp): the items it emits
  // (all when null); names and class relations still come from the whole module.
  const std::vector<bool>* items = nullptr;
  bool partial = false;                // C#: a part of `partial class Program`; the runtime goes in a file of its own
  bool with_trailing_comments = true;  // the module's last comments (those of the last part)
};

// A package's module: the items of the whole program's IR it emits.
struct PackagePart {
  std::string file_stem;    // output path without extension: sub/mod
  std::string source_name;  // pkg/sub/mod.py
  std::vector<bool> items;  // indexed like Module::items
  std::vector<size_t> deps; // parts whose definitions its code names
  bool last = false;        // takes the trailing comments
};

struct EmittedFile {
  std::string path;  // relative to the output folder
  std::string text;
};

class Backend {
 public:
  virtual ~Backend() = default;
  // Renders a module. Constructs the backend cannot express are reported in
  // `diags` and left as TODO comments in the output.
  virtual std::string emit(const Module& m, const BackendOptions& options, std::vector<TranslateDiagnostic>& diags) = 0;
  // A package lowered as one module, emitted as one file (C#) or a header and
  // a source (C++) per part, plus what the parts share (C#: the runtime) and
  // the project that builds the executable `package`.
  virtual std::vector<EmittedFile> emit_package(const Module& m, const std::vector<PackagePart>& parts,
                                                const std::string& package,
                                                const std::string& namespace_name,  // empty: after the package
                                                std::vector<TranslateDiagnostic>& diags) = 0;
};

std::unique_ptr<Backend> make_cs_backend(const ApiTable& api);
std::unique_ptr<Backend> make_cpp_backend(const ApiTable& api);

}  // namespace asl::tr
