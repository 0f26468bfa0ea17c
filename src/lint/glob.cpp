#include "lint/glob.h"

namespace asl {

namespace {

// Matches a class at pattern[p] ('[' already seen at p); sets `next` past it.
bool match_class(std::string_view pat, size_t p, char c, size_t& next, bool& ok) {
  size_t i = p + 1;
  bool negate = i < pat.size() && (pat[i] == '!' || pat[i] == '^');
  if (negate) ++i;
  bool hit = false;
  size_t start = i;
  while (i < pat.size() && (pat[i] != ']' || i == start)) {
    char lo = pat[i];
    if (lo == '\\' && i + 1 < pat.size()) lo = pat[++i];
    if (i + 2 < pat.size() && pat[i + 1] == '-' && pat[i + 2] != ']') {
      char hi = pat[i + 2];
      hit = hit || (c >= lo && c <= hi);
      i += 3;
    } else {
      hit = hit || c == lo;
      ++i;
    }
  }
  if (i >= pat.size()) return false;  // unterminated: not a class
  next = i + 1;
  ok = hit != negate;
  return true;
}

// One segment (no '/'), with '*' backtracking.
bool match_segment(std::string_view pat, std::string_view s) {
  size_t p = 0, i = 0, star_p = std::string_view::npos, star_i = 0;
  while (i < s.size()) {
    if (p < pat.size()) {
      char pc = pat[p];
      if (pc == '*') {
        star_p = p++;
        star_i = i;
        continue;
      }
      if (pc == '?') {
        ++p, ++i;
        continue;
      }
      if (pc == '[') {
        size_t next = 0;
        bool ok = false;
        if (match_class(pat, p, s[i], next, ok)) {
          if (ok) {
            p = next, ++i;
            continue;
          }
        } else if (s[i] == '[') {
          ++p, ++i;
          continue;
        }
      } else {
        if (pc == '\\' && p + 1 < pat.size()) pc = pat[++p];
        if (pc == s[i]) {
          ++p, ++i;
          continue;
        }
      }
    }
    if (star_p == std::string_view::npos) return false;
    p = star_p + 1;
    i = ++star_i;
  }
  while (p < pat.size() && pat[p] == '*') ++p;
  return p == pat.size();
}

std::string_view head(std::string_view s, size_t& rest) {
  size_t slash = s.find('/');
  if (slash == std::string_view::npos) {
    rest = s.size();
    return s;
  }
  rest = slash + 1;
  return s.substr(0, slash);
}

bool match_segments(std::string_view pat, std::string_view path) {
  while (true) {
    if (pat.empty()) return path.empty();
    size_t prest = 0;
    std::string_view pseg = head(pat, prest);
    bool pat_last = prest >= pat.size() && pat.find('/') == std::string_view::npos;
    if (pseg == "**") {
      std::string_view after = pat.substr(std::min(prest, pat.size()));
      if (after.empty() && pat_last) return true;  // trailing `**`: everything below
      // Zero or more segments.
      std::string_view p = path;
      while (true) {
        if (match_segments(after, p)) return true;
        size_t slash = p.find('/');
        if (slash == std::string_view::npos) return false;
        p = p.substr(slash + 1);
      }
    }
    if (path.empty()) return false;
    size_t srest = 0;
    std::string_view sseg = head(path, srest);
    if (!match_segment(pseg, sseg)) return false;
    bool path_last = srest >= path.size() && path.find('/') == std::string_view::npos;
    if (pat_last || path_last) return pat_last && path_last;
    pat = pat.substr(prest);
    path = path.substr(srest);
  }
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) { return match_segments(pattern, path); }

bool path_glob_match(std::string_view pattern, std::string_view relative_path) {
  if (pattern.starts_with("./")) pattern.remove_prefix(2);
  if (pattern.find('/') == std::string_view::npos) {
    size_t slash = relative_path.rfind('/');
    return match_segment(pattern, slash == std::string_view::npos ? relative_path : relative_path.substr(slash + 1));
  }
  if (pattern.starts_with('/')) pattern.remove_prefix(1);
  return match_segments(pattern, relative_path);
}

}  // namespace asl
