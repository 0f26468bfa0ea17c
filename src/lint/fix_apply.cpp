#include "lint/fix_apply.h"

#include <algorithm>

#include "lint/syntax_errors.h"

namespace asl {

namespace {

bool overlaps(const Edit& a, const Edit& b) {
  if (a.start == b.start && a.end == b.end) return true;  // includes two inserts at one point
  return a.start < b.end && b.start < a.end;
}

bool same(const Edit& a, const Edit& b) {
  return a.start == b.start && a.end == b.end && a.replacement == b.replacement;
}

size_t syntax_errors(const FileResult& r) {
  return static_cast<size_t>(std::count_if(r.diagnostics.begin(), r.diagnostics.end(),
                                           [](const Diagnostic& d) { return d.code == kSyntaxErrorCode; }));
}

}  // namespace

AppliedFixes apply_fixes(std::string_view text, const std::vector<Diagnostic>& diagnostics, bool unsafe) {
  std::vector<const Fix*> fixes;
  for (const Diagnostic& d : diagnostics)
    if (d.fix && !d.fix->edits.empty() && (d.fix->safe || unsafe)) fixes.push_back(&*d.fix);
  // In source order, so the earlier of two conflicting fixes wins.
  auto first_start = [](const Fix* f) {
    uint32_t s = UINT32_MAX;
    for (const Edit& e : f->edits) s = std::min(s, e.start);
    return s;
  };
  std::stable_sort(fixes.begin(), fixes.end(), [&](const Fix* a, const Fix* b) { return first_start(a) < first_start(b); });

  std::vector<Edit> accepted;
  AppliedFixes out;
  for (const Fix* f : fixes) {
    bool ok = true;
    for (const Edit& e : f->edits) {
      if (e.start > e.end || e.end > text.size()) ok = false;
      for (const Edit& a : accepted)
        if (overlaps(e, a) && !same(e, a)) ok = false;
    }
    if (!ok) continue;
    for (const Edit& e : f->edits) {
      bool dup = std::any_of(accepted.begin(), accepted.end(), [&](const Edit& a) { return same(a, e); });
      if (!dup) accepted.push_back(e);
    }
    ++out.applied;
  }
  std::sort(accepted.begin(), accepted.end(), [](const Edit& a, const Edit& b) { return a.start < b.start; });
  size_t pos = 0;
  for (const Edit& e : accepted) {
    out.text.append(text.substr(pos, e.start - pos));
    out.text += e.replacement;
    pos = e.end;
  }
  out.text.append(text.substr(pos));
  return out;
}

FixedFile fix_until_stable(const SourceFile& original, const LintFunction& lint, bool unsafe) {
  FixedFile out;
  out.source = std::make_shared<const SourceFile>(original);
  out.result = lint(original);
  for (int round = 0; round < kMaxFixRounds; ++round) {
    AppliedFixes applied = apply_fixes(out.source->text(), out.result.diagnostics, unsafe);
    if (applied.applied == 0 || applied.text == out.source->text()) break;
    LoadError e;
    auto next = std::make_shared<const SourceFile>(SourceFile::from_bytes(original.path(), std::move(applied.text), &e));
    if (!next->valid()) {
      out.reverted = "a fix produced text that is not valid UTF-8; its changes were not applied";
      break;
    }
    FileResult relint = lint(*next);
    if (syntax_errors(relint) > syntax_errors(out.result)) {
      out.reverted = "a fix introduced a syntax error; its changes were not applied";
      break;
    }
    out.fixed += applied.applied;
    out.source = std::move(next);
    out.result = std::move(relint);
    out.changed = true;
  }
  return out;
}

}  // namespace asl
