// The API table embedded at build time (see apigen.cpp), parsed once on first use.
#include <stdexcept>

#include <fmt/format.h>

#include "translate/api_table.h"

namespace asl::tr {

const ApiTable& builtin_api_table() {
  static const ApiTable table = [] {
    ApiTable t;
    ApiError e;
    for (size_t i = 0; i < kEmbeddedApiFileCount; ++i) {
      // The build validated these files; a failure here means a corrupted binary.
      if (!load_api_document(t, kEmbeddedApiFiles[i].path, kEmbeddedApiFiles[i].text, &e))
        throw std::runtime_error(fmt::format("{}:{}:{}: {}", e.file, e.line, e.column, e.message));
    }
    if (!validate_api_table(t, &e)) throw std::runtime_error(fmt::format("{}:{}: {}", e.file, e.line, e.message));
    return t;
  }();
  return table;
}

}  // namespace asl::tr
