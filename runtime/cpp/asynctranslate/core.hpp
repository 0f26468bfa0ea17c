// asynctranslate C++ runtime: Python semantics that C++ does not share.
//
// Header-only, included by code that `asynctranslate --to=cpp` generates.
// It covers what a direct translation cannot express in one readable line:
// printing and str()/repr() exactly as Python does (floats, bools, None,
// containers), f-string format specs fmt lacks (`,` and `%`), floor division
// and modulo with Python's signs, an insertion-ordered dict, and the builtin
// exception hierarchy. Needs C++20 and {fmt}.
#pragma once

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include <fmt/core.h>
#include <fmt/format.h>

namespace py {

// --- None -------------------------------------------------------------------

// The value of an expression that Python evaluates to None (a list of results
// of coroutines that return nothing).
struct None {
  friend bool operator==(None, None) { return true; }
};

// --- ordering -----------------------------------------------------------------

// Python's `<` for what sorted(), min() and max() compare: class values are
// shared_ptrs, ordered by what they point to (an ordered dataclass), and
// tuples and lists item by item with the same rule.
namespace detail {
template <class T>
struct is_shared_ptr : std::false_type {};
template <class T>
struct is_shared_ptr<std::shared_ptr<T>> : std::true_type {};
template <class T>
struct is_tuple : std::false_type {};
template <class... A>
struct is_tuple<std::tuple<A...>> : std::true_type {};
template <class T, class = void>
struct has_equal : std::false_type {};  // a trait, not a requires-expression: clang 14 rejects that here
template <class T>
struct has_equal<T, std::void_t<decltype(std::declval<const T&>() == std::declval<const T&>())>> : std::true_type {};
template <class T>
struct is_vector : std::false_type {};
template <class T, class A>
struct is_vector<std::vector<T, A>> : std::true_type {};
}  // namespace detail

struct less {
  template <class A, class B>
  bool operator()(const A& a, const B& b) const {
    if constexpr (detail::is_shared_ptr<A>::value) {
      return (*this)(*a, *b);
    } else if constexpr (detail::is_tuple<A>::value) {
      return tuple_less(a, b, std::make_index_sequence<std::tuple_size_v<A>>{});
    } else if constexpr (detail::is_vector<A>::value) {
      return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), *this);
    } else {
      return a < b;
    }
  }

 private:
  template <class A, class B, size_t... I>
  bool tuple_less(const A& a, const B& b, std::index_sequence<I...>) const {
    int verdict = 0;  // -1 less, 1 greater: the first items that differ decide
    ((verdict = verdict ? verdict : (*this)(std::get<I>(a), std::get<I>(b)) ? -1 : (*this)(std::get<I>(b), std::get<I>(a)) ? 1 : 0), ...);
    return verdict < 0;
  }
};

// Python's `==`: a dataclass value (which has operator==) compares by its
// fields, any other class value by identity; tuples and lists item by item.
struct equal {
  template <class A, class B>
  bool operator()(const A& a, const B& b) const {
    if constexpr (detail::is_shared_ptr<A>::value && detail::is_shared_ptr<B>::value) {
      if (!a || !b || a == b) return a == b;
      if constexpr (detail::has_equal<typename A::element_type>::value) return *a == *b;
      else return false;
    } else if constexpr (detail::is_tuple<A>::value) {
      return tuple_equal(a, b, std::make_index_sequence<std::tuple_size_v<A>>{});
    } else if constexpr (detail::is_vector<A>::value) {
      return std::equal(a.begin(), a.end(), b.begin(), b.end(), *this);
    } else {
      return a == b;
    }
  }

 private:
  template <class A, class B, size_t... I>
  bool tuple_equal(const A& a, const B& b, std::index_sequence<I...>) const {
    return ((*this)(std::get<I>(a), std::get<I>(b)) && ...);
  }
};

// A value made in a call's arguments, for a parameter that shares the
// caller's list or dict by reference: it lives until the statement ends.
template <class T>
T& lvalue(T&& value) {
  return value;
}
// The same for the coroutine of a task, which outlives that statement: the
// value is kept for the rest of the program, as the task holds it in Python.
template <class T>
std::decay_t<T>& keep(T&& value) {
  static std::vector<std::shared_ptr<void>> kept;
  auto owned = std::make_shared<std::decay_t<T>>(std::forward<T>(value));
  kept.push_back(owned);
  return *owned;
}

// --- exceptions ---------------------------------------------------------------

// Python's exception hierarchy as C++ classes; `str(e)` is the message,
// `repr(e)` is `Type('message')`.
class BaseException : public std::exception {
 public:
  BaseException() = default;
  explicit BaseException(std::string message) : message_(std::move(message)) {}
  const char* what() const noexcept override { return message_.c_str(); }
  virtual const char* type_name() const noexcept { return "BaseException"; }
  // KeyError keeps its message as str() shows it: the repr of the key.
  virtual bool message_is_repr() const noexcept { return false; }
  const std::string& message() const noexcept { return message_; }

 private:
  std::string message_;
};

// type(e).__name__: the Python name of the exception's class.
inline std::string type_name_of(const BaseException& e) { return e.type_name(); }
template <class T>
std::string type_name_of(const std::shared_ptr<T>& e) {
  return e->type_name();
}

#define ASYNCTRANSLATE_EXCEPTION(Name, Base)                                    \
  class Name : public Base {                                                   \
   public:                                                                     \
    using Base::Base;                                                          \
    const char* type_name() const noexcept override { return #Name; }          \
  }

ASYNCTRANSLATE_EXCEPTION(Exception, BaseException);
ASYNCTRANSLATE_EXCEPTION(CancelledError, BaseException);
ASYNCTRANSLATE_EXCEPTION(ArithmeticError, Exception);
ASYNCTRANSLATE_EXCEPTION(ZeroDivisionError, ArithmeticError);
ASYNCTRANSLATE_EXCEPTION(OverflowError, ArithmeticError);
ASYNCTRANSLATE_EXCEPTION(AssertionError, Exception);
ASYNCTRANSLATE_EXCEPTION(AttributeError, Exception);
ASYNCTRANSLATE_EXCEPTION(LookupError, Exception);
ASYNCTRANSLATE_EXCEPTION(IndexError, LookupError);
ASYNCTRANSLATE_EXCEPTION(NameError, Exception);
ASYNCTRANSLATE_EXCEPTION(OSError, Exception);
ASYNCTRANSLATE_EXCEPTION(ConnectionError, OSError);
ASYNCTRANSLATE_EXCEPTION(FileNotFoundError, OSError);
ASYNCTRANSLATE_EXCEPTION(PermissionError, OSError);
ASYNCTRANSLATE_EXCEPTION(TimeoutError, OSError);
ASYNCTRANSLATE_EXCEPTION(RuntimeError, Exception);
ASYNCTRANSLATE_EXCEPTION(InvalidStateError, Exception);  // asyncio.InvalidStateError
ASYNCTRANSLATE_EXCEPTION(BrokenBarrierError, RuntimeError);  // asyncio.BrokenBarrierError
ASYNCTRANSLATE_EXCEPTION(NotImplementedError, RuntimeError);
ASYNCTRANSLATE_EXCEPTION(TypeError, Exception);
ASYNCTRANSLATE_EXCEPTION(ValueError, Exception);
ASYNCTRANSLATE_EXCEPTION(StopIteration, Exception);
ASYNCTRANSLATE_EXCEPTION(ClientError, Exception);  // aiohttp.ClientError
ASYNCTRANSLATE_EXCEPTION(ClientResponseError, ClientError);

// ExceptionGroup, as TaskGroup raises it: str() is the message and the
// count of sub-exceptions, which it keeps.
class ExceptionGroup : public Exception {
 public:
  ExceptionGroup(const std::string& message, std::vector<std::exception_ptr> exceptions)
      : Exception(message + " (" + std::to_string(exceptions.size()) + " sub-exception" + (exceptions.size() == 1 ? ")" : "s)")),
        exceptions_(std::move(exceptions)) {}
  const char* type_name() const noexcept override { return "ExceptionGroup"; }
  const std::vector<std::exception_ptr>& exception_ptrs() const { return exceptions_; }

 private:
  std::vector<std::exception_ptr> exceptions_;
};

// str(KeyError('k')) is the repr of its argument, `'k'`: KeyError is built
// from that repr (`KeyError(repr(key))`), so str() of any exception is its message.
class KeyError : public LookupError {
 public:
  using LookupError::LookupError;
  const char* type_name() const noexcept override { return "KeyError"; }
  bool message_is_repr() const noexcept override { return true; }
};

// --- str() and repr() ---------------------------------------------------------

inline std::string repr(const std::string& s);
inline std::string float_repr(double x);

template <class T> struct is_vector : std::false_type {};
template <class T, class A> struct is_vector<std::vector<T, A>> : std::true_type {};
template <class T> struct is_optional : std::false_type {};
template <class T> struct is_optional<std::optional<T>> : std::true_type {};
template <class T> struct is_tuple : std::false_type {};
template <class... T> struct is_tuple<std::tuple<T...>> : std::true_type {};
template <class A, class B> struct is_tuple<std::pair<A, B>> : std::true_type {};
template <class T> struct is_shared_ptr : std::false_type {};
template <class T> struct is_shared_ptr<std::shared_ptr<T>> : std::true_type {};
template <class T> struct is_set : std::false_type {};
template <class T, class C, class A> struct is_set<std::set<T, C, A>> : std::true_type {};

template <class T> concept has_str_method = requires(const T& t) { { t.str() } -> std::convertible_to<std::string>; };
template <class T> concept has_repr_method = requires(const T& t) { { t.repr() } -> std::convertible_to<std::string>; };
template <class T> concept is_dict_like = requires(const T& t) { t.items(); typename T::key_type; typename T::mapped_type; };

template <class T> std::string repr(const T& v);

// Python's str(): strings stay as they are, everything else as repr() unless
// the type says otherwise (exceptions: their message; classes: __str__).
template <class T>
std::string str(const T& v) {
  if constexpr (std::is_convertible_v<const T&, std::string_view>) {
    return std::string(std::string_view(v));
  } else if constexpr (std::is_base_of_v<BaseException, T>) {
    return v.message();
  } else if constexpr (std::is_base_of_v<std::exception, T>) {
    return v.what();
  } else if constexpr (is_shared_ptr<T>::value) {
    if (!v) return "None";
    if constexpr (has_str_method<typename T::element_type>) return v->str();
    else return repr(v);
  } else if constexpr (has_str_method<T>) {
    return v.str();
  } else if constexpr (is_optional<T>::value) {
    return v ? str(*v) : std::string("None");
  } else {
    return repr(v);
  }
}

template <class T>
std::string repr(const T& v) {
  if constexpr (std::is_same_v<T, bool>) {
    return v ? "True" : "False";
  } else if constexpr (std::is_same_v<T, None> || std::is_same_v<T, std::nullopt_t> || std::is_same_v<T, std::nullptr_t>) {
    return "None";
  } else if constexpr (std::is_integral_v<T>) {
    return std::to_string(v);
  } else if constexpr (std::is_floating_point_v<T>) {
    return float_repr(static_cast<double>(v));
  } else if constexpr (std::is_convertible_v<const T&, std::string_view>) {
    return repr(std::string(std::string_view(v)));
  } else if constexpr (std::is_base_of_v<BaseException, T>) {
    return std::string(v.type_name()) + "(" +
           (v.message().empty() ? "" : v.message_is_repr() ? v.message() : repr(v.message())) + ")";
  } else if constexpr (is_optional<T>::value) {
    return v ? repr(*v) : std::string("None");
  } else if constexpr (is_shared_ptr<T>::value) {
    if (!v) return "None";
    if constexpr (has_repr_method<typename T::element_type>) return v->repr();
    else if constexpr (has_str_method<typename T::element_type>) return v->str();
    else return fmt::format("<object at {}>", static_cast<const void*>(v.get()));
  } else if constexpr (has_repr_method<T>) {
    return v.repr();
  } else if constexpr (is_vector<T>::value) {
    std::string s = "[";
    bool first = true;
    for (const auto& e : v) {
      if (!first) s += ", ";
      first = false;
      s += repr(e);
    }
    return s + "]";
  } else if constexpr (is_set<T>::value) {
    if (v.empty()) return "set()";
    std::string s = "{";
    bool first = true;
    for (const auto& e : v) {
      if (!first) s += ", ";
      first = false;
      s += repr(e);
    }
    return s + "}";
  } else if constexpr (is_tuple<T>::value) {
    std::string s = "(";
    size_t i = 0;
    std::apply([&](const auto&... e) { ((s += (i++ ? ", " : "") + repr(e)), ...); }, v);
    return s + (i == 1 ? ",)" : ")");
  } else if constexpr (is_dict_like<T>) {
    if constexpr (requires { v.counter(); } && std::is_arithmetic_v<typename T::mapped_type>)
      if (v.counter()) {  // Counter({...}), most common first
        if (v.empty()) return "Counter()";
        std::vector<const std::pair<typename T::key_type, typename T::mapped_type>*> order;
        for (const auto& kv : v.items()) order.push_back(&kv);
        std::stable_sort(order.begin(), order.end(), [](auto* a, auto* b) { return a->second > b->second; });
        std::string s = "Counter({";
        for (size_t i = 0; i < order.size(); ++i) s += (i ? ", " : "") + repr(order[i]->first) + ": " + repr(order[i]->second);
        return s + "})";
      }
    std::string s = "{";
    bool first = true;
    for (const auto& [k, val] : v.items()) {
      if (!first) s += ", ";
      first = false;
      s += repr(k) + ": " + repr(val);
    }
    if constexpr (requires { v.default_factory(); })
      if (!v.default_factory().empty()) return "defaultdict(" + v.default_factory() + ", " + s + "})";
    return s + "}";
  } else {
    static_assert(sizeof(T) == 0, "py::repr: no Python representation for this type");
  }
}

inline std::string repr(const std::string& s) {
  // Single quotes unless the text contains one and no double quote, as Python does.
  char q = s.find('\'') != std::string::npos && s.find('"') == std::string::npos ? '"' : '\'';
  std::string out(1, q);
  for (unsigned char c : s) {
    if (c == static_cast<unsigned char>(q) || c == '\\') out += '\\', out += static_cast<char>(c);
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (c < 0x20 || c == 0x7f) out += fmt::format("\\x{:02x}", c);
    else out += static_cast<char>(c);
  }
  return out + q;
}

// repr(float): the shortest digits that round-trip, fixed notation for
// exponents in [-4, 16), scientific otherwise, and always a `.0` or exponent.
inline std::string float_repr(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific);
  std::string sci(buf, r.ptr);
  bool negative = sci[0] == '-';
  if (negative) sci.erase(0, 1);
  size_t e = sci.find('e');
  int exp = std::atoi(sci.c_str() + e + 1);
  std::string digits;
  for (size_t i = 0; i < e; ++i)
    if (sci[i] != '.') digits += sci[i];
  std::string out;
  if (exp >= -5 + 1 && exp < 16) {
    if (exp < 0) {
      out = "0." + std::string(static_cast<size_t>(-exp - 1), '0') + digits;
    } else if (static_cast<size_t>(exp) + 1 >= digits.size()) {
      out = digits + std::string(static_cast<size_t>(exp) + 1 - digits.size(), '0') + ".0";
    } else {
      out = digits.substr(0, static_cast<size_t>(exp) + 1) + "." + digits.substr(static_cast<size_t>(exp) + 1);
    }
  } else {
    out = digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    out += fmt::format("e{}{:02d}", exp < 0 ? '-' : '+', std::abs(exp));
  }
  return negative ? "-" + out : out;
}

// --- arguments in Python's order ------------------------------------------------

// Python evaluates arguments left to right; C++ leaves their order open, but
// evaluates a braced list in order: `py::print(py::in_order{a(), b()})`.
template <class... Ts>
struct in_order {
  std::tuple<Ts...> values;
  in_order(Ts... vs) : values(std::move(vs)...) {}
};
template <class... Ts>
in_order(Ts...) -> in_order<Ts...>;

// --- print() ------------------------------------------------------------------

struct print_options {
  std::string_view sep = " ";
  std::string_view end = "\n";
};

template <class... Args>
void print_with(print_options o, const Args&... args) {
  std::string line;
  size_t i = 0;
  ((line += (i++ ? std::string(o.sep) : std::string()) + str(args)), ...);
  line += o.end;
  std::fwrite(line.data(), 1, line.size(), stdout);
}

template <class... Args>
void print(const Args&... args) {
  print_with({}, args...);
}
template <class... Ts>
void print_with(print_options o, const in_order<Ts...>& args) {
  std::apply([&](const auto&... xs) { print_with(o, xs...); }, args.values);
}
template <class... Ts>
void print(const in_order<Ts...>& args) {
  print_with({}, args);
}
// An f-string whose holes have side effects (`f"{next(it)} {next(it)}"`).
template <class... Ts>
std::string format(std::string_view pattern, const in_order<Ts...>& args) {
  return std::apply([&](const auto&... xs) { return fmt::format(fmt::runtime(pattern), xs...); }, args.values);
}

// --- f-string format specs -----------------------------------------------------

namespace detail {
inline std::string group_thousands(std::string digits, char sep) {
  size_t start = digits.find_first_of("0123456789");
  size_t end = digits.find_first_not_of("0123456789", start);
  if (end == std::string::npos) end = digits.size();
  for (size_t i = end; i > start + 3; i -= 3) digits.insert(i - 3, 1, sep);
  return digits;
}
}  // namespace detail

// A Python format spec that fmt spells differently (`,` grouping, `%`): the
// number is formatted without them, grouped or scaled, then padded as Python
// pads ([[fill]align][sign][0][width][,][.precision][type]).
template <class T>
std::string format(const T& value, std::string_view spec) {
  if constexpr (std::is_arithmetic_v<T> && !std::is_same_v<T, bool>) {
    size_t i = 0;
    char fill = ' ', align = '>';
    if (spec.size() >= 2 && std::string_view("<>^").find(spec[1]) != std::string_view::npos) fill = spec[0], align = spec[1], i = 2;
    else if (!spec.empty() && std::string_view("<>^").find(spec[0]) != std::string_view::npos) align = spec[0], i = 1;
    std::string sign;
    if (i < spec.size() && (spec[i] == '+' || spec[i] == ' ')) sign = std::string(1, spec[i++]);
    bool alt = i < spec.size() && spec[i] == '#';
    if (alt) ++i;
    bool zero = i < spec.size() && spec[i] == '0';
    size_t width = 0;
    while (i < spec.size() && spec[i] >= '0' && spec[i] <= '9') width = width * 10 + static_cast<size_t>(spec[i++] - '0');
    char group = 0;
    if (i < spec.size() && (spec[i] == ',' || spec[i] == '_')) group = spec[i++];
    std::string precision;
    if (i < spec.size() && spec[i] == '.') {
      size_t b = i++;
      while (i < spec.size() && spec[i] >= '0' && spec[i] <= '9') ++i;
      precision = std::string(spec.substr(b, i - b));
    }
    char type = i < spec.size() ? spec[i] : 0;
    std::string body;
    if (type == '%') {
      body = fmt::format(fmt::runtime("{:" + sign + (precision.empty() ? ".6" : precision) + "f}"), static_cast<double>(value) * 100.0) + "%";
    } else if (std::is_floating_point_v<T> && !type && precision.empty()) {
      body = (sign == "+" && value >= 0 ? "+" : "") + float_repr(static_cast<double>(value));
    } else if (std::is_floating_point_v<T> && !type) {
      // A precision without a type: like 'g', but a fixed-point result keeps a
      // digit after the point and scientific starts one digit earlier.
      double a = static_cast<double>(value);
      int p = std::max(1, std::stoi(precision.substr(1)));
      std::string sci = fmt::format("{:.{}e}", std::fabs(a), p - 1);
      int exp = a == 0 ? 0 : std::stoi(sci.substr(sci.find('e') + 1));
      if (exp >= -4 && exp < p - 1) {
        body = fmt::format("{:.{}f}", std::fabs(a), std::max(p - 1 - exp, 0));
        if (body.find('.') != std::string::npos) {
          body.erase(body.find_last_not_of('0') + 1);
          if (body.back() == '.') body.pop_back();
        }
        if (body.find('.') == std::string::npos) body += ".0";
      } else {
        size_t e = sci.find('e');
        std::string m = sci.substr(0, e);
        if (m.find('.') != std::string::npos) {
          m.erase(m.find_last_not_of('0') + 1);
          if (m.back() == '.') m.pop_back();
        }
        body = m + sci.substr(e);
      }
      body = (std::signbit(a) ? "-" : sign == "+" ? "+" : sign == " " ? " " : "") + body;
    } else if (std::is_integral_v<T> && type && std::string_view("fFeEgG").find(type) != std::string_view::npos) {
      body = fmt::format(fmt::runtime("{:" + sign + (alt ? "#" : "") + precision + std::string(1, type) + "}"), static_cast<double>(value));
    } else if (std::is_integral_v<T> && type == 'o' && alt) {
      body = fmt::format(fmt::runtime("{:" + sign + "o}"), value);
      body.insert(body.find_first_of("0123456789"), "0o");
    } else {
      std::string t = type ? std::string(1, type) : (std::is_floating_point_v<T> ? "g" : "");
      body = fmt::format(fmt::runtime("{:" + sign + (alt ? "#" : "") + precision + t + "}"), value);
    }
    if (group) body = detail::group_thousands(body, group);
    if (body.size() >= width) return body;
    size_t pad = width - body.size();
    if (zero && align == '>' && fill == ' ') {
      size_t at = body.find_first_of("0123456789");
      return body.insert(at, pad, '0');
    }
    if (align == '<') return body + std::string(pad, fill);
    if (align == '^') return std::string(pad / 2, fill) + body + std::string(pad - pad / 2, fill);
    return std::string(pad, fill) + body;
  } else {
    return fmt::format(fmt::runtime("{:" + std::string(spec) + "}"), str(value));
  }
}

// --- arithmetic with Python's semantics ----------------------------------------

template <class A, class B>
auto floordiv(A a, B b) {
  if (b == 0) throw ZeroDivisionError(std::is_integral_v<A> && std::is_integral_v<B> ? "integer division or modulo by zero" : "float floor division by zero");
  if constexpr (std::is_integral_v<A> && std::is_integral_v<B>) {
    auto q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
  } else {
    return std::floor(static_cast<double>(a) / static_cast<double>(b));
  }
}

template <class A, class B>
auto mod(A a, B b) {
  if (b == 0) throw ZeroDivisionError(std::is_integral_v<A> && std::is_integral_v<B> ? "integer division or modulo by zero" : "float modulo");
  if constexpr (std::is_integral_v<A> && std::is_integral_v<B>) {
    auto r = a % b;
    return (r != 0 && ((r < 0) != (b < 0))) ? r + b : r;
  } else {
    double r = std::fmod(static_cast<double>(a), static_cast<double>(b));
    if (r != 0 && ((r < 0) != (b < 0))) r += static_cast<double>(b);
    return r;
  }
}

// `/` always gives a float.
template <class A, class B>
double truediv(A a, B b) {
  if (b == 0) throw ZeroDivisionError("division by zero");
  return static_cast<double>(a) / static_cast<double>(b);
}

template <class A, class B>
auto pow(A a, B b) {
  if constexpr (std::is_integral_v<A> && std::is_integral_v<B>) {
    if (b < 0) return static_cast<decltype(a * b)>(std::pow(a, b));
    decltype(a * b) r = 1;
    for (B i = 0; i < b; ++i) r *= a;
    return r;
  } else {
    return std::pow(static_cast<double>(a), static_cast<double>(b));
  }
}

// round(): to nearest, ties to even; with digits, correctly rounded in decimal.
inline int round(double x) { return static_cast<int>(std::nearbyint(x)); }
inline double round(double x, int digits) {
  return std::strtod(fmt::format("{:.{}f}", x, digits).c_str(), nullptr);
}

// `finally:` without awaits: runs when the scope ends, however it ends.
template <class F>
class finally {
 public:
  explicit finally(F f) : f_(std::move(f)) {}
  finally(const finally&) = delete;
  finally& operator=(const finally&) = delete;
  ~finally() noexcept(false) { f_(); }

 private:
  F f_;
};

// The exception an `except E as e:` clause caught, for a handler body that
// awaits (C++ forbids co_await inside a catch block).
template <class E>
E caught(std::exception_ptr error) {
  try {
    std::rethrow_exception(error);
  } catch (const E& e) {
    return e;
  }
  throw RuntimeError("no exception of the expected type");
}

// --- str <-> numbers -------------------------------------------------------------

inline int to_int(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\n"), e = s.find_last_not_of(" \t\n");
  std::string t = b == std::string::npos ? "" : s.substr(b, e - b + 1);
  int v = 0;
  auto r = std::from_chars(t.data() + (t.starts_with("+") ? 1 : 0), t.data() + t.size(), v);
  if (t.empty() || r.ec != std::errc() || r.ptr != t.data() + t.size())
    throw ValueError("invalid literal for int() with base 10: " + repr(s));
  return v;
}
inline int to_int(double x) { return static_cast<int>(x); }
inline int to_int(int x) { return x; }
inline double to_float(const std::string& s) {
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (s.empty() || *end != '\0') throw ValueError("could not convert string to float: " + repr(s));
  return v;
}
inline double to_float(double x) { return x; }

// --- the entry point ----------------------------------------------------------

namespace detail {
inline int report_uncaught(std::exception_ptr error) {
  std::fflush(stdout);
  try {
    std::rethrow_exception(error);
  } catch (const BaseException& e) {
    std::string m = str(e);
    fmt::print(stderr, "Traceback (most recent call last):\n{}{}\n", e.type_name(), m.empty() ? "" : ": " + m);
  } catch (const std::exception& e) {
    fmt::print(stderr, "Traceback (most recent call last):\nException: {}\n", e.what());
  }
  return 1;
}
}  // namespace detail

// A synchronous entry point (`main()` or `if __name__ == "__main__":`).
template <class F>
int run_sync(F main) {
  try {
    main();
  } catch (...) {
    return detail::report_uncaught(std::current_exception());
  }
  std::fflush(stdout);
  return 0;
}

}  // namespace py
