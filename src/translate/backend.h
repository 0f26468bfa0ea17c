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
};

class Backend {
 public:
  virtual ~Backend() = default;
  // Renders a module. Constructs the backend cannot express are reported in
  // `diags` and left as TODO comments in the output.
  virtual std::string emit(const Module& m, const BackendOptions& options, std::vector<TranslateDiagnostic>& diags) = 0;
};

std::unique_ptr<Backend> make_cs_backend(const ApiTable& api);
std::unique_ptr<Backend> make_cpp_backend(const ApiTable& api);

}  // namespace asl::tr
