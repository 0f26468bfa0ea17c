// A package in C#: each module a part of `partial class Program` in one
// namespace (the merged program's names are one namespace, as in the lowering),
// and the runtime helpers that any part uses, once, in Py.cs.
#include "translate/cs/cs_emitter.h"
#include "translate/cs/dotnet_project.h"

namespace asl::tr::cs {

std::vector<EmittedFile> package_files(const ApiTable& api, const Module& m, const std::vector<PackagePart>& parts,
                                       const std::string& package, const std::string& requested_ns,
                                       std::vector<TranslateDiagnostic>& diags) {
  const std::string ns = requested_ns.empty() ? pascal_case(package) : requested_ns;
  std::vector<EmittedFile> files;
  std::string all;
  bool http = false;
  for (const auto& part : parts) {
    CsEmitter e(api, diags);
    BackendOptions o;
    o.source_name = part.source_name;
    o.namespace_name = ns;
    o.items = &part.items;
    o.partial = true;
    o.with_trailing_comments = part.last;
    std::string text = e.module(m, o);
    http = http || e.needs_http_;
    all += text;
    files.push_back({part.file_stem + ".cs", std::move(text)});
  }
  files.push_back({package + ".csproj", dotnet_project(package)});
  std::string helpers = runtime_helpers(all, "    ");
  if (helpers.empty() && !http) return files;
  // Usings are only needed by what the helpers name; unused ones cost nothing.
  std::string py = "// The Python semantics the translated package uses, by asynctranslate.\n#nullable disable\n\n";
  for (const char* u : {"System", "System.Collections", "System.Collections.Generic", "System.Globalization", "System.Linq",
                        "System.Runtime.CompilerServices", "System.Threading", "System.Threading.Tasks"})
    py += std::string("using ") + u + ";\n";
  if (http) py += "using System.Net.Http;\n";
  py += "\nnamespace " + ns + ";\n\n";
  if (http)
    py += "public static partial class Program\n{\n    // One HttpClient for the whole program, as .NET recommends.\n"
          "    private static readonly HttpClient http = new();\n}\n\n";
  py += helpers;
  files.push_back({"Py.cs", std::move(py)});
  return files;
}

}  // namespace asl::tr::cs
