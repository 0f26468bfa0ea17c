// Python names -> C++ identifiers; string literals.
#include <set>

#include <fmt/format.h>

#include "translate/cpp/cpp_emitter.h"

namespace asl::tr::cpp {

namespace {
const std::set<std::string, std::less<>> kKeywords = {
    "alignas", "alignof", "and", "asm", "auto", "bool", "case", "catch", "char", "class", "concept", "const",
    "consteval", "constexpr", "constinit", "continue", "co_await", "co_return", "co_yield", "decltype", "default",
    "delete", "do", "double", "dynamic_cast", "else", "enum", "explicit", "export", "extern", "false", "float",
    "for", "friend", "goto", "if", "inline", "int", "long", "mutable", "namespace", "new", "noexcept", "not",
    "nullptr", "operator", "or", "private", "protected", "public", "register", "requires", "return", "short",
    "signed", "sizeof", "static", "struct", "switch", "template", "this", "throw", "true", "try", "typedef",
    "typeid", "typename", "union", "unsigned", "using", "virtual", "void", "volatile", "while", "xor",
    // Names of the generated file itself.
    "main", "py", "std", "boost", "fmt"};
}  // namespace

std::string identifier(std::string_view n) {
  std::string s(n);
  return kKeywords.count(s) ? s + "_" : s;
}

std::string string_literal(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) out += fmt::format("\\x{:02x}\"\"", c);
        else out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

}  // namespace asl::tr::cpp
