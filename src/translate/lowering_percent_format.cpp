// printf-style formatting (`"%-8s %6.2f" % (name, value)`) with a literal
// format: lowered to the f-string it means, part by part, so both backends
// format it as they format f-strings. Python's % right-aligns every field
// and treats `%s` as str(); the format mini-language left-aligns strings, so
// each conversion's spec is spelled out explicitly.
#include <fmt/format.h>

#include "translate/lowering.h"

namespace asl::tr {

namespace {

struct Conversion {
  std::string flags, width, precision;
  char type = 0;
};

// The format-spec of one conversion, or nothing when the mini-language has
// no equivalent.
std::optional<std::string> spec_of(const Conversion& c) {
  bool left = c.flags.find('-') != std::string::npos;
  bool zero = c.flags.find('0') != std::string::npos && !left;
  std::string sign = c.flags.find('+') != std::string::npos ? "+" : c.flags.find(' ') != std::string::npos ? " " : "";
  bool alt = c.flags.find('#') != std::string::npos;
  std::string precision = c.precision.empty() ? "" : "." + c.precision;
  switch (c.type) {
    case 's': case 'r':
      // str()/repr() of the value, then as text: `%5s` pads on the left.
      if (c.width.empty() && precision.empty()) return std::string();
      return (c.width.empty() ? "" : left ? "<" : ">") + c.width + precision;
    case 'd': case 'i': case 'u':
      if (!c.precision.empty()) return std::nullopt;  // `%.3d` pads with zeros: no spec says so
      return (left ? "<" : "") + sign + (zero ? "0" : "") + c.width + "d";
    case 'x': case 'X': case 'o':
      if (!c.precision.empty()) return std::nullopt;
      return (left ? "<" : "") + sign + (alt ? "#" : "") + (zero ? "0" : "") + c.width + std::string(1, c.type);
    case 'f': case 'F': case 'e': case 'E': case 'g': case 'G':
      if (alt) return std::nullopt;
      return (left ? "<" : "") + sign + (zero ? "0" : "") + c.width + (precision.empty() ? ".6" : precision) +
             std::string(1, c.type);
    default: return std::nullopt;
  }
}

}  // namespace

ExprPtr Lowering::percent_format(ExprPtr format, TSNode values, TSNode whole) {
  if (format->kind != ExprKind::Str)
    unsupported(whole, "printf-style formatting `%` with a format that is not a string literal (use an f-string)");
  // The values: a tuple written in place, or one value that is not a tuple.
  std::vector<TSNode> nodes;
  TSNode v = values;
  while (std::string_view(ts_node_type(v)) == "parenthesized_expression") v = ts_node_named_child(v, 0);
  if (std::string_view(ts_node_type(v)) == "tuple") {
    for (TSNode c : named_children(v))
      if (!is(c, k_.comment)) nodes.push_back(c);
  } else if (std::string_view(ts_node_type(v)) == "dictionary") {
    unsupported(values, "printf-style formatting `%` with a mapping (use an f-string)");
  } else {
    nodes.push_back(values);
  }
  std::vector<ExprPtr> args;
  for (TSNode c : nodes) {
    if (std::string_view(ts_node_type(c)) == "list_splat") unsupported(c, "starred value in printf-style formatting");
    args.push_back(expr(c));
  }
  if (nodes.size() == 1 && args[0]->type.kind == TypeKind::Tuple)
    unsupported(values, "printf-style formatting `%` of a tuple value (write the tuple in place, or use an f-string)");

  auto e = make(ExprKind::FString, TypeKind::Str, format->pos);
  const std::string& f = format->text;
  std::string literal;
  size_t next = 0;
  for (size_t i = 0; i < f.size(); ++i) {
    if (f[i] != '%') { literal += f[i]; continue; }
    if (i + 1 < f.size() && f[i + 1] == '%') { literal += '%'; ++i; continue; }
    Conversion c;
    size_t j = i + 1;
    if (j < f.size() && f[j] == '(') unsupported(whole, "printf-style formatting `%(name)s` (use an f-string)");
    while (j < f.size() && std::string_view("-+ #0").find(f[j]) != std::string_view::npos) c.flags += f[j++];
    while (j < f.size() && std::isdigit(static_cast<unsigned char>(f[j]))) c.width += f[j++];
    if (j < f.size() && f[j] == '.') {
      ++j;
      c.precision = "0";
      std::string digits;
      while (j < f.size() && std::isdigit(static_cast<unsigned char>(f[j]))) digits += f[j++];
      if (!digits.empty()) c.precision = digits;
    }
    while (j < f.size() && std::string_view("hlL").find(f[j]) != std::string_view::npos) ++j;  // ignored by Python
    if (j >= f.size()) unsupported(whole, "printf-style format ending in `%` (Python raises ValueError)");
    if (f[j] == '*') unsupported(whole, "printf-style `*` width (use an f-string)");
    c.type = f[j];
    auto spec = spec_of(c);
    if (!spec) unsupported(whole, fmt::format("printf-style conversion `{}` (use an f-string)", f.substr(i, j + 1 - i)));
    if (next >= args.size()) unsupported(whole, "not enough arguments for the format string (Python raises TypeError)");
    ExprPtr& a = args[next++];
    const TypeKind k = a->type.kind;
    bool int_conversion = std::string_view("diuxXo").find(c.type) != std::string_view::npos;
    bool float_conversion = std::string_view("fFeEgG").find(c.type) != std::string_view::npos;
    if (k == TypeKind::Bool && (int_conversion || float_conversion))  // `%d` % True is `1`
      unsupported(whole, "printf-style number conversion of a bool (use int(...))");
    if (int_conversion && k != TypeKind::Int)
      unsupported(whole, fmt::format("`%{}` of a value of type `{}` (only of ints)", c.type, to_string(a->type)));
    if (float_conversion && k != TypeKind::Int && k != TypeKind::Float)
      unsupported(whole, fmt::format("`%{}` of a value of type `{}` (only of numbers)", c.type, to_string(a->type)));
    if (!literal.empty()) e->parts.push_back({std::move(literal), nullptr, {}, 0});
    literal.clear();
    FStringPart part;
    part.spec = *spec;
    if (c.type == 's') part.conversion = k == TypeKind::Str ? 0 : 's';
    else if (c.type == 'r') part.conversion = 'r';
    part.expr = std::move(a);
    e->parts.push_back(std::move(part));
    i = j;
  }
  if (next < args.size())
    unsupported(whole, "not all arguments converted during string formatting (Python raises TypeError)");
  if (!literal.empty()) e->parts.push_back({std::move(literal), nullptr, {}, 0});
  return e;
}

}  // namespace asl::tr
