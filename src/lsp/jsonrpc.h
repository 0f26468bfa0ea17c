// JSON-RPC 2.0 messages with LSP's Content-Length framing over byte streams.
#pragma once

#include <istream>
#include <optional>
#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

namespace asl::lsp {

// The next message body, or nullopt at end of input. A body that is not JSON
// is returned as a string value so the caller can answer ParseError.
struct Incoming {
  nlohmann::json message;
  bool parse_error = false;
};
std::optional<Incoming> read_message(std::istream& in);

void write_message(std::ostream& out, const nlohmann::json& message);

// Standard error codes.
inline constexpr int kParseError = -32700;
inline constexpr int kInvalidRequest = -32600;
inline constexpr int kMethodNotFound = -32601;
inline constexpr int kInvalidParams = -32602;
inline constexpr int kServerNotInitialized = -32002;

}  // namespace asl::lsp
