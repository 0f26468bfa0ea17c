#include "lsp/jsonrpc.h"

#include <cctype>
#include <string_view>

namespace asl::lsp {

std::optional<Incoming> read_message(std::istream& in) {
  size_t length = 0;
  bool have_length = false;
  std::string line;
  // Headers, each ended by CRLF, then an empty line.
  while (true) {
    if (!std::getline(in, line)) return std::nullopt;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (have_length) break;
      continue;  // stray blank line between messages
    }
    auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string name = line.substr(0, colon);
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (name == "content-length") {
      try {
        length = std::stoul(line.substr(colon + 1));
        have_length = true;
      } catch (const std::exception&) {
        return Incoming{nullptr, true};
      }
    }
  }
  std::string body(length, '\0');
  if (!in.read(body.data(), static_cast<std::streamsize>(length))) return std::nullopt;
  Incoming msg;
  msg.message = nlohmann::json::parse(body, nullptr, false);
  msg.parse_error = msg.message.is_discarded();
  return msg;
}

void write_message(std::ostream& out, const nlohmann::json& message) {
  // Invalid UTF-8 in a document must not abort the server: replace it.
  std::string body = message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  out << "Content-Length: " << body.size() << "\r\n\r\n" << body;
  out.flush();
}

}  // namespace asl::lsp
