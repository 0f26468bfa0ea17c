#include "lint/unified_diff.h"

#include <vector>

#include <fmt/format.h>

namespace asl {

namespace {

std::vector<std::string_view> split_lines(std::string_view t) {
  std::vector<std::string_view> out;
  size_t b = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '\n' || (t[i] == '\r' && (i + 1 == t.size() || t[i + 1] != '\n'))) {
      out.push_back(t.substr(b, i + 1 - b));
      b = i + 1;
    }
  }
  if (b < t.size()) out.push_back(t.substr(b));
  return out;
}

enum class Op { Equal, Delete, Insert };
struct Step {
  Op op;
  size_t a, b;  // line indexes in before / after (the one that applies)
};

// Myers' O((N+M)D) shortest edit script between a[lo_a, hi_a) and b[lo_b, hi_b).
void myers(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b, size_t lo_a, size_t hi_a,
           size_t lo_b, size_t hi_b, std::vector<Step>& out) {
  long n = static_cast<long>(hi_a - lo_a), m = static_cast<long>(hi_b - lo_b), max = n + m, off = max + 1;
  std::vector<long> v(static_cast<size_t>(2 * max + 3), 0);
  std::vector<std::vector<long>> trace;
  auto at = [&](std::vector<long>& vec, long k) -> long& { return vec[static_cast<size_t>(k + off)]; };
  auto eq = [&](long x, long y) { return a[lo_a + static_cast<size_t>(x)] == b[lo_b + static_cast<size_t>(y)]; };
  for (long d = 0; d <= max; ++d) {
    trace.push_back(v);
    bool done = false;
    for (long k = -d; k <= d && !done; k += 2) {
      long x = (k == -d || (k != d && at(v, k - 1) < at(v, k + 1))) ? at(v, k + 1) : at(v, k - 1) + 1;
      long y = x - k;
      while (x < n && y < m && eq(x, y)) ++x, ++y;
      at(v, k) = x;
      done = x >= n && y >= m;
    }
    if (done) break;
  }
  std::vector<Step> rev;
  long x = n, y = m;
  for (long d = static_cast<long>(trace.size()) - 1; d >= 0; --d) {
    std::vector<long>& pv = trace[static_cast<size_t>(d)];
    long k = x - y;
    long pk = (k == -d || (k != d && at(pv, k - 1) < at(pv, k + 1))) ? k + 1 : k - 1;
    long px = at(pv, pk), py = px - pk;
    while (x > px && y > py) {
      --x, --y;
      rev.push_back({Op::Equal, lo_a + static_cast<size_t>(x), lo_b + static_cast<size_t>(y)});
    }
    if (d == 0) break;
    if (x == px) rev.push_back({Op::Insert, lo_a + static_cast<size_t>(x), lo_b + static_cast<size_t>(--y)});
    else rev.push_back({Op::Delete, lo_a + static_cast<size_t>(--x), lo_b + static_cast<size_t>(y)});
    x = px, y = py;
  }
  out.insert(out.end(), rev.rbegin(), rev.rend());
}

void emit(std::string& out, char sign, std::string_view line) {
  out += sign;
  out += line;
  if (!line.ends_with('\n') && !line.ends_with('\r')) out += "\n\\ No newline at end of file\n";
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after, const std::string& from_name,
                         const std::string& to_name, int context) {
  if (before == after) return {};
  auto a = split_lines(before), b = split_lines(after);
  // Fixes are local: trim the common ends so Myers sees only the changed middle.
  size_t pre = 0;
  while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
  size_t suf = 0;
  while (suf < a.size() - pre && suf < b.size() - pre && a[a.size() - 1 - suf] == b[b.size() - 1 - suf]) ++suf;
  std::vector<Step> steps;
  for (size_t i = 0; i < pre; ++i) steps.push_back({Op::Equal, i, i});
  myers(a, b, pre, a.size() - suf, pre, b.size() - suf, steps);
  for (size_t i = suf; i > 0; --i) steps.push_back({Op::Equal, a.size() - i, b.size() - i});

  std::string out = fmt::format("--- {}\n+++ {}\n", from_name, to_name);
  size_t ctx = static_cast<size_t>(context), i = 0;
  while (i < steps.size()) {
    while (i < steps.size() && steps[i].op == Op::Equal) ++i;
    if (i == steps.size()) break;
    size_t start = i >= ctx ? i - ctx : 0, end = i;
    // Extend over changes separated by at most 2*context equal lines.
    while (true) {
      while (end < steps.size() && steps[end].op != Op::Equal) ++end;
      size_t next = end;
      while (next < steps.size() && steps[next].op == Op::Equal) ++next;
      if (next < steps.size() && next - end <= 2 * ctx) {
        end = next;
        continue;
      }
      end = std::min(steps.size(), end + ctx);
      break;
    }
    size_t a_count = 0, b_count = 0;
    for (size_t j = start; j < end; ++j) {
      if (steps[j].op != Op::Insert) ++a_count;
      if (steps[j].op != Op::Delete) ++b_count;
    }
    size_t a_start = steps[start].a + (a_count ? 1 : 0), b_start = steps[start].b + (b_count ? 1 : 0);
    out += fmt::format("@@ -{},{} +{},{} @@\n", a_start, a_count, b_start, b_count);
    for (size_t j = start; j < end; ++j) {
      const Step& s = steps[j];
      if (s.op == Op::Equal) emit(out, ' ', a[s.a]);
      else if (s.op == Op::Delete) emit(out, '-', a[s.a]);
      else emit(out, '+', b[s.b]);
    }
    i = end;
  }
  return out;
}

}  // namespace asl
