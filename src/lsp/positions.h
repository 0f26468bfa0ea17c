// LSP positions: 0-based lines and UTF-16 code units (the protocol's default
// encoding), converted from the linter's byte offsets.
#pragma once

#include <nlohmann/json.hpp>

#include "core/source_file.h"

namespace asl::lsp {

nlohmann::json position_at(const SourceFile& file, uint32_t byte_offset);
nlohmann::json range_of(const SourceFile& file, uint32_t start, uint32_t end);

// file:// URIs and paths, percent-encoding included.
std::string uri_to_path(const std::string& uri);  // empty when not a file URI
std::string path_to_uri(const std::string& path);

}  // namespace asl::lsp
