// The translator's type model: Python types as the lowering infers them,
// independent of any target language (backends map them to C# or C++).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace asl::tr {

enum class TypeKind : unsigned char {
  Unknown,        // not inferred (yet); never reaches a backend
  None,           // `None`: a function without a result, or the None literal
  Any,            // a value of any type (gather with return_exceptions=True)
  Bool,
  Int,
  Float,
  Str,
  List,           // args[0]: element
  Array,          // fixed-size sequence (the result of gather); args[0]: element
  Dict,           // args: key, value
  Set,            // args[0]: element
  Tuple,          // args: the items
  Optional,       // args[0]: the type that may be None
  Callable,       // args: parameters..., result (last)
  Awaitable,      // a coroutine or a task; args[0]: the result
  AsyncIterator,  // async generator; args[0]: element
  Iterator,       // generator / lazy sequence; args[0]: element
  Class,          // a class of the translated module; name: its Python name
  Extern,         // a library type from rules/translate; name: qualified Python name
};

struct Type {
  TypeKind kind = TypeKind::Unknown;
  std::vector<Type> args;
  std::string name;
  // A float that holds a Python int at some call sites (a parameter passed
  // `1` here and `0.5` there): Python prints such a value as `1`, the target
  // as `1.0`, so it must not reach text (checked before emission).
  bool maybe_int = false;

  Type() = default;
  Type(TypeKind k) : kind(k) {}  // NOLINT: implicit for brevity at call sites
  Type(TypeKind k, std::vector<Type> a, std::string n = {}) : kind(k), args(std::move(a)), name(std::move(n)) {}

  static Type list(Type e) { return {TypeKind::List, {std::move(e)}}; }
  static Type array(Type e) { return {TypeKind::Array, {std::move(e)}}; }
  static Type dict(Type k, Type v) { return {TypeKind::Dict, {std::move(k), std::move(v)}}; }
  static Type set(Type e) { return {TypeKind::Set, {std::move(e)}}; }
  static Type optional(Type t);
  static Type awaitable(Type r) { return {TypeKind::Awaitable, {std::move(r)}}; }
  static Type klass(std::string n) { return {TypeKind::Class, {}, std::move(n)}; }
  static Type external(std::string n, std::vector<Type> a = {}) { return {TypeKind::Extern, std::move(a), std::move(n)}; }

  bool known() const;  // no Unknown anywhere inside
  bool is(TypeKind k) const { return kind == k; }
  bool numeric() const { return kind == TypeKind::Int || kind == TypeKind::Float || kind == TypeKind::Bool; }
  bool sequence() const { return kind == TypeKind::List || kind == TypeKind::Array; }
  const Type& arg(size_t i) const;
  // Element type when iterating (list, set, dict keys, str, iterators); Unknown otherwise.
  Type element() const;
  // Fills Unknown parts of this type from `other` (`[]` then `append(1)`).
  void refine(const Type& other);

  // The same type; `maybe_int` is a note on a float, not a type of its own.
  friend bool operator==(const Type& a, const Type& b) { return a.kind == b.kind && a.name == b.name && a.args == b.args; }
};

// The type that holds values of both, as call sites and assignments meet:
// Unknown parts are filled, `None` with `T` is `Optional[T]`, `int` with
// `float` is `float` (Python's numeric tower; a float that may hold an int
// stays marked); anything else is a conflict.
std::optional<Type> join(const Type& a, const Type& b);

// Whether a float that may hold a Python int is part of `t` (list[float] of one).
bool holds_maybe_int(const Type& t);

// Python spelling, for diagnostics and tests: `list[int]`, `Optional[str]`.
std::string to_string(const Type& t);

}  // namespace asl::tr
