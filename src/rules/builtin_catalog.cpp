// The catalog embedded at build time (see rulegen.cpp), parsed once on first use.
#include <stdexcept>

#include <fmt/format.h>

#include "rules/catalog.h"

namespace asl {

const Catalog& builtin_catalog() {
  static const Catalog catalog = [] {
    Catalog c;
    CatalogError e;
    for (size_t i = 0; i < kEmbeddedRuleFileCount; ++i) {
      // The build validated these files; a failure here means a corrupted binary.
      if (!load_catalog_document(c, kEmbeddedRuleFiles[i].path, kEmbeddedRuleFiles[i].text, &e))
        throw std::runtime_error(fmt::format("{}:{}:{}: {}", e.file, e.line, e.column, e.message));
    }
    if (!validate_catalog(c, &e)) throw std::runtime_error(fmt::format("{}: {}", e.file, e.message));
    return c;
  }();
  return catalog;
}

}  // namespace asl
