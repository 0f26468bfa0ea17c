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

std::set<const Expr*> overwritten_targets(const std::vector<const Expr*>& targets) {
  std::vector<const Expr*> leaves;
  auto collect = [&](auto&& self, const Expr& t) -> void {
    if (t.kind == ExprKind::Tuple) for (const auto& x : t.items) self(self, *x);
    else if (t.kind == ExprKind::Name) leaves.push_back(&t);
  };
  for (const Expr* t : targets) collect(collect, *t);
  std::set<const Expr*> out;
  for (size_t i = 0; i < leaves.size(); ++i)
    for (size_t j = i + 1; j < leaves.size(); ++j)
      if (leaves[j]->text == leaves[i]->text) out.insert(leaves[i]);
  return out;
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

namespace {
// The .NET names generated code uses unqualified, beyond those in the API
// tables' C# templates: a module class of one of these names would hide it.
const std::set<std::string, std::less<>> kFrameworkNames = {
    "Action", "Array", "CancellationToken", "CancellationTokenSource", "Comparer", "Console", "Dictionary", "Enumerable",
    "Environment", "Exception", "Func", "HashSet", "IAsyncEnumerable", "IComparable", "IDisposable", "IEnumerable",
    "KeyValuePair", "List", "Math", "Nullable", "Object", "Program", "Py", "SemaphoreSlim", "String", "StringBuilder",
    "Task", "TaskCompletionSource", "Thread", "TimeSpan", "Tuple", "ValueTask", "ValueTuple", "Type", "Convert"};

void identifiers_in(std::string_view text, std::set<std::string, std::less<>>& out) {
  for (size_t i = 0; i < text.size();) {
    if (!std::isupper(static_cast<unsigned char>(text[i])) || (i > 0 && (std::isalnum(static_cast<unsigned char>(text[i - 1])) || text[i - 1] == '_'))) {
      ++i;
      continue;
    }
    size_t e = i;
    while (e < text.size() && (std::isalnum(static_cast<unsigned char>(text[e])) || text[e] == '_')) ++e;
    out.insert(std::string(text.substr(i, e - i)));
    i = e;
  }
}
}  // namespace

// A module class whose name the output also uses for a .NET type (`class
// Task`, `class Channel`), or for one of the class's own members (C# forbids
// a member named as its class), is renamed `Name_` in C#; repr() and
// type().__name__ keep the Python name.
void CsEmitter::name_classes(const Module& m) {
  std::set<std::string, std::less<>> taken(kFrameworkNames.begin(), kFrameworkNames.end());
  for (const auto& e : api_.entries)
    for (const std::string* t : {&e->cs, &e->cs_cancel, &e->cs_spawn}) identifiers_in(*t, taken);
  for (const auto& [python, t] : api_.types) identifiers_in(t.cs, taken);
  std::set<std::string> ids;
  for (const auto& item : m.items)
    if (item.klass) ids.insert(item.klass->name);
  for (const auto& item : m.items) {
    if (!item.klass) continue;
    const Class& c = *item.klass;
    bool clash = taken.count(c.name) > 0;
    for (const auto& f : c.fields) clash = clash || member_name(f.name) == c.name;
    for (const auto& f : c.methods) clash = clash || (!f.is_constructor && member_name(f.name) == c.name);
    if (!clash) continue;
    std::string id = c.name + "_";
    while (ids.count(id)) id += "_";
    ids.insert(id);
    class_ids_[c.name] = id;
  }
}

std::string CsEmitter::class_id(const std::string& python) const {
  auto it = class_ids_.find(python);
  return it == class_ids_.end() ? python : it->second;
}

}  // namespace asl::tr::cs
