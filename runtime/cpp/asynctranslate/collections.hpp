// asynctranslate C++ runtime: Python's dict (insertion-ordered), list and
// str helpers, and the builtins (len, sorted, sum, enumerate, zip, ...) over
// std::vector and std::string.
#pragma once

#include <algorithm>
#include <initializer_list>
#include <chrono>
#include <fstream>
#include <numeric>
#include <numbers>
#include <sstream>
#include <thread>

#include "asynctranslate/core.hpp"

namespace py {

// A dict that iterates in insertion order, as Python's does. Reading a
// missing key throws KeyError; `d[k] = v` inserts.
template <class K, class V>
class dict {
 public:
  using key_type = K;
  using mapped_type = V;

  dict() = default;
  dict(std::initializer_list<std::pair<K, V>> init) {
    for (const auto& [k, v] : init) (*this)[k] = v;
  }

  V& operator[](const K& k) {
    auto it = index_.find(k);
    if (it != index_.end()) return items_[it->second].second;
    index_.emplace(k, items_.size());
    items_.emplace_back(k, V{});
    return items_.back().second;
  }
  const V& at(const K& k) const {
    auto it = index_.find(k);
    if (it == index_.end()) throw KeyError(repr(k));
    return items_[it->second].second;
  }
  V& at(const K& k) {
    auto it = index_.find(k);
    if (it == index_.end() && !default_factory_.empty()) return (*this)[k];  // a defaultdict inserts
    if (it == index_.end() && counter_) return missing_ = V{};                // a Counter reads 0
    if (it == index_.end()) throw KeyError(repr(k));
    return items_[it->second].second;
  }
  // collections.defaultdict: missing keys read as V{} and are inserted; the
  // factory's repr (`<class 'list'>`) is kept for repr().
  const std::string& default_factory() const { return default_factory_; }
  void set_default_factory(std::string repr) { default_factory_ = std::move(repr); }
  // collections.Counter: missing keys read as 0 and are not inserted.
  bool counter() const { return counter_; }
  void set_counter() { counter_ = true; }
  bool contains(const K& k) const { return index_.count(k) != 0; }
  size_t size() const { return items_.size(); }
  bool empty() const { return items_.empty(); }
  V get(const K& k, V fallback) const { return contains(k) ? at(k) : fallback; }
  // d.get(k) without a default: None when k is missing.
  std::optional<V> get(const K& k) const { return contains(k) ? std::optional<V>(at(k)) : std::nullopt; }
  V pop(const K& k) {
    V v = at(k);
    erase(k);
    return v;
  }
  V pop(const K& k, V fallback) { return contains(k) ? pop(k) : fallback; }
  // d.pop(k, None): None when k is missing.
  std::optional<V> pop_optional(const K& k) { return contains(k) ? std::optional<V>(pop(k)) : std::nullopt; }
  V& setdefault(const K& k, V v) {
    if (!contains(k)) (*this)[k] = std::move(v);
    return at(k);
  }
  void erase(const K& k) {
    auto it = index_.find(k);
    if (it == index_.end()) throw KeyError(repr(k));
    items_.erase(items_.begin() + static_cast<std::ptrdiff_t>(it->second));
    index_.clear();
    for (size_t i = 0; i < items_.size(); ++i) index_.emplace(items_[i].first, i);
  }
  void clear() { items_.clear(), index_.clear(); }
  std::vector<K> keys() const {
    std::vector<K> out;
    for (const auto& kv : items_) out.push_back(kv.first);
    return out;
  }
  std::vector<V> values() const {
    std::vector<V> out;
    for (const auto& kv : items_) out.push_back(kv.second);
    return out;
  }
  const std::vector<std::pair<K, V>>& items() const { return items_; }
  // Iterating a dict yields its keys, as in Python.
  class key_iterator {
   public:
    using value_type = K;
    using difference_type = std::ptrdiff_t;
    key_iterator() = default;
    explicit key_iterator(typename std::vector<std::pair<K, V>>::const_iterator it) : it_(it) {}
    const K& operator*() const { return it_->first; }
    key_iterator& operator++() { return ++it_, *this; }
    key_iterator operator++(int) { auto t = *this; ++it_; return t; }
    bool operator==(const key_iterator& o) const { return it_ == o.it_; }

   private:
    typename std::vector<std::pair<K, V>>::const_iterator it_;
  };
  key_iterator begin() const { return key_iterator(items_.begin()); }
  key_iterator end() const { return key_iterator(items_.end()); }
  friend bool operator==(const dict& a, const dict& b) { return a.items_ == b.items_; }

 private:
  std::vector<std::pair<K, V>> items_;
  std::string default_factory_;  // empty: a plain dict
  bool counter_ = false;
  V missing_{};  // what a Counter's missing key reads as
  std::map<K, size_t> index_;
};

// Collection literals inside coroutines. GCC 12 rejects an initializer list
// (an array temporary) in a co_await expression ("array used as initializer"),
// so coroutines build their literals through these.
template <class T, class... Items>
std::vector<T> list_of(Items&&... items) {
  std::vector<T> v;
  v.reserve(sizeof...(items));
  (v.push_back(T(std::forward<Items>(items))), ...);
  return v;
}
template <class T, class... Items>
std::set<T> set_of(Items&&... items) {
  std::set<T> s;
  (s.insert(T(std::forward<Items>(items))), ...);
  return s;
}
// dict_of<K, V>(k1, v1, k2, v2, ...)
template <class K, class V, class... KeysAndValues>
dict<K, V> dict_of(KeysAndValues&&... kv) {
  dict<K, V> d;
  auto put = [&d](auto&& k, auto&& v) { d[K(k)] = V(v); };
  auto pairs = std::forward_as_tuple(std::forward<KeysAndValues>(kv)...);
  [&]<size_t... I>(std::index_sequence<I...>) { (put(std::get<2 * I>(pairs), std::get<2 * I + 1>(pairs)), ...); }
  (std::make_index_sequence<sizeof...(kv) / 2>());
  return d;
}

// --- indexing ----------------------------------------------------------------

inline size_t index(std::ptrdiff_t i, size_t size, const char* what) {
  std::ptrdiff_t n = static_cast<std::ptrdiff_t>(size);
  if (i < 0) i += n;
  if (i < 0 || i >= n) throw IndexError(std::string(what) + " index out of range");
  return static_cast<size_t>(i);
}

// a[i] with negative indices and IndexError, as Python.
template <class T>
T& at(std::vector<T>& v, std::ptrdiff_t i) { return v[index(i, v.size(), "list")]; }
template <class T>
const T& at(const std::vector<T>& v, std::ptrdiff_t i) { return v[index(i, v.size(), "list")]; }
inline std::string at(const std::string& s, std::ptrdiff_t i) { return std::string(1, s[index(i, s.size(), "string")]); }

template <class K, class V>
dict<K, V> defaultdict(std::string factory_repr) {
  dict<K, V> d;
  d.set_default_factory(std::move(factory_repr));
  return d;
}

// `a, b = items`: a tuple of exactly N items, else ValueError as Python's.
namespace detail {
template <class Seq, size_t... I>
auto unpack(const Seq& v, std::index_sequence<I...>) {
  return std::make_tuple(v[I]...);
}
}  // namespace detail
template <size_t N, class Seq>
auto unpack(const Seq& v) {
  if (v.size() < N)
    throw ValueError("not enough values to unpack (expected " + std::to_string(N) + ", got " + std::to_string(v.size()) + ")");
  if (v.size() > N) throw ValueError("too many values to unpack (expected " + std::to_string(N) + ")");
  return detail::unpack(v, std::make_index_sequence<N>{});
}

template <class K>
dict<K, int> counter() {
  dict<K, int> c;
  c.set_counter();
  return c;
}
template <class K, class C>
void update_counts(dict<K, int>& c, const C& items) {
  for (const auto& x : items) c[x] += 1;
}
template <class C>
auto counter_of(const C& items) {
  auto c = counter<std::decay_t<decltype(*std::begin(items))>>();
  update_counts(c, items);
  return c;
}
// Counter.most_common: by count, highest first; equal counts in insertion order.
template <class K>
std::vector<std::tuple<K, int>> most_common(const dict<K, int>& c, std::optional<int> n = std::nullopt) {
  std::vector<std::tuple<K, int>> out;
  for (const auto& [k, v] : c.items()) out.emplace_back(k, v);
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return std::get<1>(a) > std::get<1>(b); });
  if (n && static_cast<size_t>(std::max(*n, 0)) < out.size()) out.resize(static_cast<size_t>(std::max(*n, 0)));
  return out;
}
template <class K>
int total(const dict<K, int>& c) {
  int t = 0;
  for (const auto& [k, v] : c.items()) t += v;
  return t;
}

// dict(pairs): the last value of a repeated key is kept, in its first place.
template <class C>
auto to_dict(const C& pairs) {
  using P = std::decay_t<decltype(*std::begin(pairs))>;
  dict<std::decay_t<std::tuple_element_t<0, P>>, std::decay_t<std::tuple_element_t<1, P>>> out;
  for (const auto& [k, v] : pairs) out[k] = v;
  return out;
}

// dict(d): a plain dict with d's items (not a defaultdict).
template <class K, class V>
dict<K, V> dict_copy(const dict<K, V>& d) {
  dict<K, V> out = d;
  out.set_default_factory({});
  return out;
}

// a[start:stop] (either bound may be missing: std::nullopt).
template <class Seq>
Seq slice(const Seq& v, std::optional<std::ptrdiff_t> start, std::optional<std::ptrdiff_t> stop) {
  std::ptrdiff_t n = static_cast<std::ptrdiff_t>(v.size());
  auto clamp = [n](std::ptrdiff_t i) { return std::clamp(i < 0 ? i + n : i, std::ptrdiff_t{0}, n); };
  std::ptrdiff_t b = start ? clamp(*start) : 0, e = stop ? clamp(*stop) : n;
  if (e <= b) return Seq();
  return Seq(v.begin() + b, v.begin() + e);
}

// a[start:stop:step]: the indices Python's slice.indices(len) gives.
template <class Seq>
Seq slice(const Seq& v, std::optional<std::ptrdiff_t> start, std::optional<std::ptrdiff_t> stop,
          std::optional<std::ptrdiff_t> step) {
  std::ptrdiff_t n = static_cast<std::ptrdiff_t>(v.size()), by = step.value_or(1);
  if (by == 0) throw ValueError("slice step cannot be zero");
  std::ptrdiff_t lower = by < 0 ? -1 : 0, upper = by < 0 ? n - 1 : n;
  auto bound = [&](std::optional<std::ptrdiff_t> x, std::ptrdiff_t missing) {
    if (!x) return missing;
    return *x < 0 ? std::max(*x + n, lower) : std::min(*x, upper);
  };
  std::ptrdiff_t from = bound(start, by < 0 ? upper : lower), to = bound(stop, by < 0 ? lower : upper);
  Seq out;
  for (std::ptrdiff_t i = from; by > 0 ? i < to : i > to; i += by) out.push_back(v[static_cast<size_t>(i)]);
  return out;
}

// Slices of a str count code points, as Python does, not UTF-8 bytes.
namespace detail {
inline std::vector<std::string> code_points(const std::string& s) {
  std::vector<std::string> out;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80 || out.empty()) out.emplace_back();
    out.back() += static_cast<char>(c);
  }
  return out;
}
inline std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += p;
  return out;
}
}  // namespace detail
inline std::string slice(const std::string& s, std::optional<std::ptrdiff_t> start, std::optional<std::ptrdiff_t> stop) {
  return detail::joined(slice(detail::code_points(s), start, stop));
}
inline std::string slice(const std::string& s, std::optional<std::ptrdiff_t> start, std::optional<std::ptrdiff_t> stop,
                         std::optional<std::ptrdiff_t> step) {
  return detail::joined(slice(detail::code_points(s), start, stop, step));
}

// --- builtins ----------------------------------------------------------------

inline int len(const std::string& s) {
  int n = 0;  // code points, as Python counts them
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}
inline int len(const char* s) { return len(std::string(s)); }
template <class C>
int len(const C& c) { return static_cast<int>(c.size()); }

template <class C>
auto sum(const C& c) {
  using T = std::decay_t<decltype(*std::begin(c))>;
  T total{};
  for (const auto& x : c) total += x;
  return total;
}

// A value as Python sees it: a dict's items are (key, value) tuples, so a
// sorted or reversed copy of them is a list of tuples.
template <class T>
struct python_value {
  using type = T;
};
template <class A, class B>
struct python_value<std::pair<A, B>> {
  using type = std::tuple<A, B>;
};
template <class C>
using element_t = typename python_value<std::decay_t<decltype(*std::begin(std::declval<C&>()))>>::type;

template <class C>
auto sorted(C c) {
  std::vector<element_t<C>> v(std::begin(c), std::end(c));
  std::stable_sort(v.begin(), v.end(), less{});
  return v;
}
template <class C, class Key>
auto sorted(C c, Key key, bool reverse = false) {
  std::vector<element_t<C>> v(std::begin(c), std::end(c));
  if (reverse) std::stable_sort(v.begin(), v.end(), [&](const auto& a, const auto& b) { return less{}(key(b), key(a)); });
  else std::stable_sort(v.begin(), v.end(), [&](const auto& a, const auto& b) { return less{}(key(a), key(b)); });
  return v;
}
template <class C>
auto sorted_reverse(C c) {
  std::vector<element_t<C>> v(std::begin(c), std::end(c));
  std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return less{}(b, a); });
  return v;
}

template <class C>
auto reversed(const C& c) {
  std::vector<element_t<C>> v(std::begin(c), std::end(c));
  std::reverse(v.begin(), v.end());
  return v;
}

template <class C>
auto min(const C& c) {
  if (std::begin(c) == std::end(c)) throw ValueError("min() arg is an empty sequence");
  return *std::min_element(std::begin(c), std::end(c), less{});
}
template <class C>
auto max(const C& c) {
  if (std::begin(c) == std::end(c)) throw ValueError("max() arg is an empty sequence");
  return *std::max_element(std::begin(c), std::end(c), less{});
}
// Ties keep the first, as Python's min/max do.
template <class C, class Key>
  requires(!std::is_arithmetic_v<C>)
auto min(const C& c, Key key) {
  if (std::begin(c) == std::end(c)) throw ValueError("min() arg is an empty sequence");
  return *std::min_element(std::begin(c), std::end(c), [&](const auto& a, const auto& b) { return less{}(key(a), key(b)); });
}
template <class C, class Key>
  requires(!std::is_arithmetic_v<C>)
auto max(const C& c, Key key) {
  if (std::begin(c) == std::end(c)) throw ValueError("max() arg is an empty sequence");
  auto best = std::begin(c);
  for (auto it = std::begin(c); it != std::end(c); ++it)
    if (less{}(key(*best), key(*it))) best = it;
  return *best;
}
template <class A, class B>
  requires std::is_arithmetic_v<A> && std::is_arithmetic_v<B>
auto min(A a, B b) { return b < a ? b : a; }
template <class A, class B>
  requires std::is_arithmetic_v<A> && std::is_arithmetic_v<B>
auto max(A a, B b) { return a < b ? b : a; }
template <class A>
auto abs(A a) { return a < 0 ? -a : a; }

template <class C>
bool any(const C& c) { return std::any_of(std::begin(c), std::end(c), [](const auto& x) { return static_cast<bool>(x); }); }
template <class C>
bool all(const C& c) { return std::all_of(std::begin(c), std::end(c), [](const auto& x) { return static_cast<bool>(x); }); }

template <class C>
auto enumerate(const C& c, int start = 0) {
  std::vector<std::tuple<int, std::decay_t<decltype(*std::begin(c))>>> out;
  for (const auto& x : c) out.emplace_back(start++, x);
  return out;
}

namespace detail {
template <size_t... I, class... Cs>
auto zip(std::index_sequence<I...>, const Cs&... cs) {
  std::vector<std::tuple<std::decay_t<decltype(*std::begin(cs))>...>> out;
  auto its = std::make_tuple(std::begin(cs)...);
  auto ends = std::make_tuple(std::end(cs)...);
  while (((std::get<I>(its) != std::get<I>(ends)) && ...)) {
    out.emplace_back(*std::get<I>(its)...);
    (++std::get<I>(its), ...);
  }
  return out;
}
}  // namespace detail

// zip(a, b, ...): tuples up to the shortest input.
template <class... Cs>
auto zip(const Cs&... cs) {
  return detail::zip(std::index_sequence_for<Cs...>{}, cs...);
}

inline std::vector<int> range(int start, int stop, int step = 1) {
  if (step == 0) throw ValueError("range() arg 3 must not be zero");
  std::vector<int> out;
  for (int i = start; step > 0 ? i < stop : i > stop; i += step) out.push_back(i);
  return out;
}
inline std::vector<int> range(int stop) { return range(0, stop); }

// Iterating a str yields one-character strings, as in Python (UTF-8: a
// character is a code point, not a byte).
inline std::vector<std::string> chars(const std::string& s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

template <class C>
auto list(const C& c) {
  if constexpr (is_dict_like<C>) return c.keys();
  else return std::vector<element_t<C>>(std::begin(c), std::end(c));
}
template <class C>
auto set(const C& c) {
  return std::set<std::decay_t<decltype(*std::begin(c))>>(std::begin(c), std::end(c));
}

template <class C, class T>
bool contains(const C& c, const T& x) {
  if constexpr (is_dict_like<C>) return c.contains(x);
  else if constexpr (is_set<C>::value) return c.count(x) != 0;
  else if constexpr (std::is_convertible_v<const C&, std::string_view>) return std::string_view(c).find(std::string_view(x)) != std::string_view::npos;
  else return std::find_if(std::begin(c), std::end(c), [&](const auto& y) { return equal{}(y, x); }) != std::end(c);
}

template <class T>
std::vector<T> concat(std::vector<T> a, const std::vector<T>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}
template <class Seq>
Seq repeat(const Seq& s, int n) {
  Seq out;
  for (int i = 0; i < n; ++i) out.insert(out.end(), s.begin(), s.end());
  return out;
}

// --- list methods ------------------------------------------------------------

template <class T>
T pop(std::vector<T>& v, std::ptrdiff_t i = -1) {
  if (v.empty()) throw IndexError("pop from empty list");
  size_t at = index(i, v.size(), "pop");
  T x = std::move(v[at]);
  v.erase(v.begin() + static_cast<std::ptrdiff_t>(at));
  return x;
}
template <class T, class U>
void remove(std::vector<T>& v, const U& x) {
  auto it = std::find_if(v.begin(), v.end(), [&](const T& y) { return equal{}(y, x); });
  if (it == v.end()) throw ValueError("list.remove(x): x not in list");
  v.erase(it);
}
template <class T, class U>
int index_of(const std::vector<T>& v, const U& x) {
  auto it = std::find_if(v.begin(), v.end(), [&](const T& y) { return equal{}(y, x); });
  if (it == v.end()) throw ValueError(repr(x) + " is not in list");
  return static_cast<int>(it - v.begin());
}
template <class T>
void insert(std::vector<T>& v, std::ptrdiff_t i, T x) {
  std::ptrdiff_t n = static_cast<std::ptrdiff_t>(v.size());
  if (i < 0) i = std::max<std::ptrdiff_t>(0, i + n);
  v.insert(v.begin() + std::min(i, n), std::move(x));
}

template <class T, class C>
void extend(std::vector<T>& v, const C& items) {
  v.insert(v.end(), std::begin(items), std::end(items));
}
template <class T>
void sort(std::vector<T>& v) { std::stable_sort(v.begin(), v.end(), less{}); }
template <class T, class Key>
void sort(std::vector<T>& v, Key key, bool reverse = false) { v = sorted(v, key, reverse); }
template <class T, class U>
void remove(std::set<T>& s, const U& x) {
  if (!s.erase(x)) throw KeyError(repr(x));
}

// --- os, time, files ---------------------------------------------------------

// os.environ[key]
inline std::string environ(const std::string& key) {
  const char* v = std::getenv(key.c_str());
  if (!v) throw KeyError(repr(key));
  return v;
}
inline std::string getenv(const std::string& key, const std::string& fallback = "") {
  const char* v = std::getenv(key.c_str());
  return v ? v : fallback;
}
inline void sleep_blocking(double seconds) { std::this_thread::sleep_for(std::chrono::duration<double>(seconds)); }
inline double monotonic() { return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(); }
inline double time() { return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count(); }
inline std::string read_file(std::string path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw FileNotFoundError("[Errno 2] No such file or directory: " + repr(path));
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}
inline int write_file(std::string path, std::string text) {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw OSError("cannot write " + repr(path));
  out << text;
  return len(text);
}

// --- str methods -------------------------------------------------------------

inline std::string upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}
inline std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}
inline std::string strip(const std::string& s, std::string_view chars = " \t\n\r\f\v") {
  size_t b = s.find_first_not_of(chars);
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(chars) - b + 1);
}
inline std::string lstrip(const std::string& s, std::string_view chars = " \t\n\r\f\v") {
  size_t b = s.find_first_not_of(chars);
  return b == std::string::npos ? "" : s.substr(b);
}
inline std::string rstrip(const std::string& s, std::string_view chars = " \t\n\r\f\v") {
  size_t e = s.find_last_not_of(chars);
  return e == std::string::npos ? "" : s.substr(0, e + 1);
}
inline std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (true) {
    i = s.find_first_not_of(" \t\n\r\f\v", i);
    if (i == std::string::npos) break;
    size_t e = s.find_first_of(" \t\n\r\f\v", i);
    out.push_back(s.substr(i, e - i));
    if (e == std::string::npos) break;
    i = e;
  }
  return out;
}
inline std::vector<std::string> split(const std::string& s, const std::string& sep) {
  if (sep.empty()) throw ValueError("empty separator");
  std::vector<std::string> out;
  size_t b = 0;
  for (size_t e; (e = s.find(sep, b)) != std::string::npos; b = e + sep.size()) out.push_back(s.substr(b, e - b));
  out.push_back(s.substr(b));
  return out;
}
// str.split(sep, maxsplit): at most maxsplit cuts (all of them when negative).
inline std::vector<std::string> split(const std::string& s, const std::string& sep, int maxsplit) {
  if (sep.empty()) throw ValueError("empty separator");
  std::vector<std::string> out;
  size_t b = 0;
  for (size_t e; (maxsplit < 0 || static_cast<int>(out.size()) < maxsplit) && (e = s.find(sep, b)) != std::string::npos;
       b = e + sep.size())
    out.push_back(s.substr(b, e - b));
  out.push_back(s.substr(b));
  return out;
}
template <class C>
std::string join(const std::string& sep, const C& items) {
  std::string out;
  bool first = true;
  for (const auto& x : items) {
    if (!first) out += sep;
    first = false;
    out += x;
  }
  return out;
}
inline std::string replace(std::string s, const std::string& from, const std::string& to) {
  if (from.empty()) return s;
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
  return s;
}
inline bool isdigit(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return c >= '0' && c <= '9'; });
}
inline int count(const std::string& s, const std::string& sub) {
  if (sub.empty()) return len(s) + 1;
  int n = 0;
  for (size_t at = s.find(sub); at != std::string::npos; at = s.find(sub, at + sub.size())) ++n;
  return n;
}
inline int find(const std::string& s, const std::string& sub) {
  size_t at = s.find(sub);
  return at == std::string::npos ? -1 : static_cast<int>(at);
}
inline std::string zfill(const std::string& s, int width) {
  if (static_cast<int>(s.size()) >= width) return s;
  size_t at = !s.empty() && (s[0] == '-' || s[0] == '+') ? 1 : 0;
  return s.substr(0, at) + std::string(static_cast<size_t>(width) - s.size(), '0') + s.substr(at);
}
inline std::string ljust(const std::string& s, int width, char fill = ' ') {
  int n = len(s);
  return n >= width ? s : s + std::string(static_cast<size_t>(width - n), fill);
}
inline std::string rjust(const std::string& s, int width, char fill = ' ') {
  int n = len(s);
  return n >= width ? s : std::string(static_cast<size_t>(width - n), fill) + s;
}

}  // namespace py
