// Python names -> C# naming conventions.
#include <cctype>
#include <set>

#include <fmt/format.h>

#include "translate/cs/cs_emitter.h"

namespace asl::tr::cs {

namespace {
const std::set<std::string, std::less<>> kKeywords = {
    "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
    "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
    "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
    "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
    "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof",
    "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof", "uint",
    "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while"};
}  // namespace

std::string escape_keyword(std::string name) { return kKeywords.count(name) ? "@" + name : name; }

std::string pascal_case(std::string_view n) {
  std::string out;
  bool upper = true;
  bool all_caps = n.find_first_of("abcdefghijklmnopqrstuvwxyz") == std::string_view::npos;
  for (char c : n) {
    if (c == '_') { upper = true; continue; }
    if (upper) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    else out += all_caps ? static_cast<char>(std::tolower(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out.empty() ? std::string("_") : out;
}

std::string camel_case(std::string_view n) {
  bool leading_underscore = n.starts_with("_");
  std::string p = pascal_case(n);
  if (!p.empty() && p != "_") p[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(p[0])));
  // A single uppercase name (`N`) stays recognisable as lowercase.
  return escape_keyword(leading_underscore ? "_" + p : p);
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
      case '\0': out += "\\0"; break;
      default:
        if (c < 0x20) out += fmt::format("\\u{:04x}", c);
        else out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

}  // namespace asl::tr::cs
