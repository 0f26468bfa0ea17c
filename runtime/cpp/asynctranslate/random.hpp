// Python's `random` module, value for value: CPython's Mersenne Twister
// (MT19937), its seeding of an int (init_by_array over the 32-bit words of
// abs(seed)) and its derivations (random(), getrandbits, randbelow by
// rejection, uniform, randint, randrange, choice, shuffle), so that a seeded
// program draws exactly the numbers Python draws.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <utility>
#include <vector>

#include "asynctranslate/core.hpp"

namespace py::random {

class twister {
 public:
  twister() { seed(static_cast<long long>(std::chrono::steady_clock::now().time_since_epoch().count())); }

  void seed(long long n) {
    unsigned long long a = n < 0 ? 0ULL - static_cast<unsigned long long>(n) : static_cast<unsigned long long>(n);
    std::vector<std::uint32_t> key;
    while (a) {
      key.push_back(static_cast<std::uint32_t>(a & 0xffffffffU));
      a >>= 32;
    }
    if (key.empty()) key.push_back(0);
    init_by_array(key);
  }

  std::uint32_t next() {
    if (index_ >= kN) generate();
    std::uint32_t y = mt_[index_++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= y >> 18;
    return y;
  }

  // random.random(): 53 random bits in [0, 1).
  double real() {
    std::uint32_t a = next() >> 5, b = next() >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
  }

  // random.getrandbits(k), k <= 64: 32-bit words, least significant first.
  unsigned long long bits(int k) {
    if (k <= 32) return next() >> (32 - k);
    unsigned long long lo = next();
    unsigned long long hi = next() >> (64 - k);
    return lo | (hi << 32);
  }

  // Random._randbelow: an int in [0, n) by rejection of getrandbits(n.bit_length()).
  long long below(long long n) {
    if (n <= 0) return 0;
    int k = 0;
    for (unsigned long long v = static_cast<unsigned long long>(n); v; v >>= 1) ++k;
    unsigned long long r = bits(k);
    while (r >= static_cast<unsigned long long>(n)) r = bits(k);
    return static_cast<long long>(r);
  }

 private:
  static constexpr int kN = 624, kM = 397;
  std::array<std::uint32_t, kN> mt_{};
  int index_ = kN + 1;

  void init_genrand(std::uint32_t s) {
    mt_[0] = s;
    for (int i = 1; i < kN; ++i) mt_[i] = 1812433253U * (mt_[i - 1] ^ (mt_[i - 1] >> 30)) + static_cast<std::uint32_t>(i);
    index_ = kN;
  }

  void init_by_array(const std::vector<std::uint32_t>& key) {
    init_genrand(19650218U);
    int i = 1, j = 0;
    int length = static_cast<int>(key.size());
    for (int k = kN > length ? kN : length; k; --k) {
      mt_[i] = (mt_[i] ^ ((mt_[i - 1] ^ (mt_[i - 1] >> 30)) * 1664525U)) + key[j] + static_cast<std::uint32_t>(j);
      ++i, ++j;
      if (i >= kN) mt_[0] = mt_[kN - 1], i = 1;
      if (j >= length) j = 0;
    }
    for (int k = kN - 1; k; --k) {
      mt_[i] = (mt_[i] ^ ((mt_[i - 1] ^ (mt_[i - 1] >> 30)) * 1566083941U)) - static_cast<std::uint32_t>(i);
      ++i;
      if (i >= kN) mt_[0] = mt_[kN - 1], i = 1;
    }
    mt_[0] = 0x80000000U;
    index_ = kN;
  }

  void generate() {
    constexpr std::uint32_t upper = 0x80000000U, lower = 0x7fffffffU, matrix = 0x9908b0dfU;
    for (int k = 0; k < kN; ++k) {
      std::uint32_t y = (mt_[k] & upper) | (mt_[(k + 1) % kN] & lower);
      mt_[k] = mt_[(k + kM) % kN] ^ (y >> 1) ^ ((y & 1U) ? matrix : 0U);
    }
    index_ = 0;
  }
};

// The module's one generator, as Python's module functions share one.
inline twister& generator() {
  static twister g;
  return g;
}

inline void seed(long long n) { generator().seed(n); }
inline double random() { return generator().real(); }
inline double uniform(double a, double b) { return a + (b - a) * generator().real(); }
inline int getrandbits(int k) { return static_cast<int>(generator().bits(k)); }

// Python's int is the translation's `int`.
inline int randrange(int start, int stop) {
  if (stop <= start) throw ValueError("empty range in randrange(" + std::to_string(start) + ", " + std::to_string(stop) + ")");
  return static_cast<int>(start + generator().below(static_cast<long long>(stop) - start));
}
inline int randrange(int stop) { return randrange(0, stop); }
inline int randint(int a, int b) { return randrange(a, b + 1); }

template <class Seq>
auto choice(const Seq& items) -> std::decay_t<decltype(items[0])> {
  if (items.empty()) throw IndexError("Cannot choose from an empty sequence");
  return items[static_cast<size_t>(generator().below(static_cast<long long>(items.size())))];
}

template <class T>
void shuffle(std::vector<T>& items) {
  for (size_t i = items.size(); i-- > 1;) {
    size_t j = static_cast<size_t>(generator().below(static_cast<long long>(i + 1)));
    std::swap(items[i], items[j]);
  }
}

}  // namespace py::random
