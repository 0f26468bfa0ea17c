#include "lint/project_analysis.h"

#include <algorithm>
#include <deque>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "lint/call_engine.h"
#include "lint/checks/missing_await.h"
#include "lint/stdlib_modules.h"

namespace asl {

// `name` is the index's key for it (map keys stay put): one copy of each name.
struct Function {
  size_t file;
  const FunctionFacts* facts;
  const std::string* name;  // fully qualified
};

struct Class {
  size_t file;
  const ClassFacts* facts;
  const std::string* name;
};

// Everything the project defines, by fully qualified name. A name defined by
// two files (two scripts called main.py) is only resolved from inside the file.
class ProjectIndex {
 public:
  explicit ProjectIndex(const std::vector<const FileFacts*>& files) {
    for (size_t i = 0; i < files.size(); ++i) add(i, *files[i]);
  }

  // Adds file i's definitions (the facts must outlive the index).
  void add(size_t i, const FileFacts& file) {
    std::string prefix = file.module.name.empty() ? "" : file.module.name + ".";
    for (const auto& f : file.functions) {
      auto slot = functions_by_name_.try_emplace(prefix + f.qualname).first;
      slot->second.push_back(functions.size());
      functions.push_back({i, &f, &slot->first});
    }
    for (const auto& c : file.classes) {
      auto slot = classes_by_name_.try_emplace(prefix + c.qualname).first;
      slot->second.push_back(classes.size());
      classes.push_back({i, &c, &slot->first});
    }
    for (const auto& [name, target] : file.imports) aliases_[name].push_back({i, &target});
    if (file_modules.size() <= i) file_modules.resize(i + 1);
    file_modules[i] = file.module.name;
  }

  // Each file's module name ("" when unknown).
  std::vector<std::string> file_modules;

  // True when a call from function `from` into function `to` leaves the
  // caller's top-level package for the standard library's: the catalog's
  // verdict on the call stands for what the library does inside.
  bool enters_stdlib(long from_file, long to) const {
    std::string_view target = file_modules[functions[to].file];
    if (target.empty() || !is_stdlib_module(target)) return false;
    std::string_view caller = from_file >= 0 ? std::string_view(file_modules[from_file]) : std::string_view();
    return caller.substr(0, caller.find('.')) != target.substr(0, target.find('.'));
  }

  std::vector<Function> functions;
  std::vector<Class> classes;

  // A function index or -1; classes resolve to their `__init__`.
  long resolve(std::string_view ref, size_t from) const {
    if (ref.starts_with("super:")) {
      ref.remove_prefix(6);
      auto dot = ref.rfind('.');
      if (dot == std::string_view::npos) return -1;
      long c = find_class(ref.substr(0, dot), from, 0);
      if (c < 0) return -1;
      std::unordered_set<long> seen{c};
      for (const auto& base : classes[c].facts->bases) {
        long b = find_class(base, classes[c].file, 0);
        if (long m = b < 0 ? -1 : method(b, ref.substr(dot + 1), seen, 0); m >= 0) return m;
      }
      return -1;
    }
    if (auto made = ref.rfind("()."); made != std::string_view::npos) {
      long c = find_class(ref.substr(0, made), from, 0);
      std::unordered_set<long> seen;
      return c < 0 ? -1 : method(c, ref.substr(made + 3), seen, 0);
    }
    if (long f = find_function(ref, from, 0); f >= 0) return f;
    std::unordered_set<long> seen;
    if (long c = find_class(ref, from, 0); c >= 0) return method(c, "__init__", seen, 0);
    // An inherited method named through the class: `Derived.m`.
    if (auto dot = ref.rfind('.'); dot != std::string_view::npos) {
      if (long c = find_class(ref.substr(0, dot), from, 0); c >= 0) return method(c, ref.substr(dot + 1), seen, 0);
    }
    return -1;
  }

  std::string_view short_name(long f) const {
    const Function& fn = functions[f];
    return fn.facts->qualname;
  }

 private:
  static constexpr int kMaxHops = 8;

  template <typename Map>
  static long pick(const Map& map, std::string_view name) {
    auto it = map.find(std::string(name));
    if (it == map.end()) return -1;
    if (it->second.size() == 1) return static_cast<long>(it->second[0]);
    return -2;  // defined more than once: the caller decides by file
  }

  // `name` with a re-exported prefix replaced (`pkg.f` -> `pkg.impl.f`), or "".
  std::string unalias(std::string_view name, size_t from) const {
    for (size_t dot = name.size(); dot != std::string_view::npos && dot > 0; dot = name.rfind('.', dot - 1)) {
      auto it = aliases_.find(name.substr(0, dot));
      if (it != aliases_.end()) {
        const std::string* target = nullptr;
        if (it->second.size() == 1) target = it->second[0].second;
        for (const auto& [file, t] : it->second)
          if (file == from) target = t;
        if (target && *target != name.substr(0, dot)) return *target + std::string(name.substr(dot));
        return {};
      }
      if (dot == 0) break;
    }
    return {};
  }

  long find_function(std::string_view name, size_t from, int hops) const {
    long f = pick(functions_by_name_, name);
    if (f == -2) {
      for (size_t i : functions_by_name_.at(std::string(name)))
        if (functions[i].file == from) return static_cast<long>(i);
      return -1;
    }
    if (f >= 0 || hops >= kMaxHops) return f;
    std::string next = unalias(name, from);
    return next.empty() ? -1 : find_function(next, from, hops + 1);
  }

  long find_class(std::string_view name, size_t from, int hops) const {
    long c = pick(classes_by_name_, name);
    if (c == -2) {
      for (size_t i : classes_by_name_.at(std::string(name)))
        if (classes[i].file == from) return static_cast<long>(i);
      return -1;
    }
    if (c >= 0 || hops >= kMaxHops) return c;
    std::string next = unalias(name, from);
    return next.empty() ? -1 : find_class(next, from, hops + 1);
  }

  // A method of class `c` or of its bases (depth-first, as far as 10 levels).
  long method(long c, std::string_view name, std::unordered_set<long>& seen, int depth) const {
    if (depth > 10 || !seen.insert(c).second) return -1;
    if (long f = find_function(*classes[c].name + "." + std::string(name), classes[c].file, kMaxHops); f >= 0) return f;
    for (const auto& base : classes[c].facts->bases) {
      long b = find_class(base, classes[c].file, 0);
      if (b < 0) continue;
      if (long f = method(b, name, seen, depth + 1); f >= 0) return f;
    }
    return -1;
  }

  std::unordered_map<std::string, std::vector<size_t>> functions_by_name_, classes_by_name_;
  // Views of the files' facts, which outlive the index.
  std::unordered_map<std::string_view, std::vector<std::pair<size_t, const std::string*>>> aliases_;
};

namespace {

// What a call's arguments ("0=N kw=?", see CallFact::args) make of the callee's parameters: for
// each parameter name, N (None), F (false), T (true), V (not None), or absent.
std::unordered_map<std::string_view, char> bind_arguments(const FunctionFacts& callee, std::string_view args) {
  std::unordered_map<std::string_view, char> out;
  if (args == "*") return out;  // *args or **kwargs: nothing is known, not even the defaults
  std::unordered_map<std::string_view, char> given;
  for (size_t i = 0; i < args.size();) {
    size_t end = args.find(' ', i);
    if (end == std::string_view::npos) end = args.size();
    std::string_view item = args.substr(i, end - i);
    if (auto eq = item.find('='); eq != std::string_view::npos && eq + 1 < item.size()) given[item.substr(0, eq)] = item[eq + 1];
    i = end + 1;
  }
  bool positional = true;
  int position = 0;
  for (const std::string& p : callee.params) {
    if (p == "*") {
      positional = false;
      continue;
    }
    std::string_view name = std::string_view(p).substr(0, p.find('='));
    char value = 0;
    bool passed = false;
    if (auto it = given.find(name); it != given.end()) value = it->second, passed = true;
    if (positional) {
      if (auto it = given.find(std::to_string(position)); it != given.end()) value = it->second, passed = true;
      ++position;
    }
    // Not passed at all: the default, when it is a constant.
    if (!passed && p.find('=') != std::string::npos) value = p.back();
    if (value == '?') value = 0;
    if (value) out[name] = value;
  }
  return out;
}

// False when `guard` cannot hold under `bound` (see BlockingCall::guard).
bool guard_may_hold(std::string_view guard, const std::unordered_map<std::string_view, char>& bound) {
  for (size_t i = 0; i < guard.size();) {
    size_t end = guard.find(' ', i);
    if (end == std::string_view::npos) end = guard.size();
    std::string_view c = guard.substr(i, end - i);
    i = end + 1;
    if (c.size() < 3) continue;
    auto it = bound.find(c.substr(2));
    if (it == bound.end()) continue;
    char v = it->second, want = c[0];
    bool fails = (want == 'N' && v != 'N') || (want == 'V' && v == 'N') || (want == 'T' && (v == 'N' || v == 'F')) ||
                 (want == 'F' && v == 'T');
    if (fails) return false;
  }
  return true;
}

// For every synchronous function that blocks, directly or through other
// synchronous project functions: the next call on the shortest chain.
struct BlockingChains {
  std::vector<int> depth;    // -1: does not block (within the bound)
  std::vector<long> next;    // -1: blocks directly
  std::vector<char> may_block;  // blocks under some arguments (before the arguments are followed)
  // The callees of each function resolved (-1: not a project function, or
  // one whose call leaves for the standard library).
  std::vector<std::vector<long>> callees;
};

// True when a call of function `t` with constant arguments `args` may block:
// one of its blocking calls, or one of its calls of a function that may
// block, runs under conditions those arguments leave possible.
bool call_may_block(const ProjectIndex& index, const BlockingChains& chains, long t, std::string_view args) {
  const FunctionFacts& fn = *index.functions[t].facts;
  bool any_guard = fn.blocks && !fn.blocks->guard.empty();
  for (size_t e = 0; e < chains.callees[t].size() && !any_guard; ++e) any_guard = !fn.callee_guards[e].empty();
  if (!any_guard && fn.blocks) return true;
  auto bound = bind_arguments(fn, args);
  if (fn.blocks && guard_may_hold(fn.blocks->guard, bound)) return true;
  for (const BlockingCall& b : fn.more_blocks)
    if (guard_may_hold(b.guard, bound)) return true;
  for (size_t e = 0; e < chains.callees[t].size(); ++e) {
    long c = chains.callees[t][e];
    if (c >= 0 && chains.may_block[c] && guard_may_hold(fn.callee_guards[e], bound)) return true;
  }
  return false;
}

BlockingChains blocking_chains(const ProjectIndex& index) {
  size_t n = index.functions.size();
  BlockingChains chains{std::vector<int>(n, -1), std::vector<long>(n, -1), std::vector<char>(n, 0), {}};
  chains.callees.resize(n);
  // callers[t]: (caller, index of the call among the caller's callees)
  std::vector<std::vector<std::pair<long, size_t>>> callers(n);
  for (size_t f = 0; f < n; ++f) {
    const Function& fn = index.functions[f];
    if (fn.facts->is_async) continue;
    chains.callees[f].assign(fn.facts->callees.size(), -1);
    for (size_t e = 0; e < fn.facts->callees.size(); ++e) {
      long t = index.resolve(fn.facts->callees[e], fn.file);
      if (t < 0 || index.functions[t].facts->is_async || t == static_cast<long>(f)) continue;
      if (index.enters_stdlib(static_cast<long>(fn.file), t)) continue;
      chains.callees[f][e] = t;
      callers[t].push_back({static_cast<long>(f), e});
    }
  }
  // Breadth-first from the direct blockers, in name order, so chains are the
  // shortest and the same for any order of input files.
  std::vector<long> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = static_cast<long>(i);
  auto by_name = [&](long a, long b) {
    if (*index.functions[a].name != *index.functions[b].name) return *index.functions[a].name < *index.functions[b].name;
    return a < b;
  };
  std::sort(order.begin(), order.end(), by_name);
  for (auto& c : callers)
    std::sort(c.begin(), c.end(), [&](const auto& a, const auto& b) {
      return a.first != b.first ? by_name(a.first, b.first) : a.second < b.second;
    });
  // Twice: first whatever the arguments (may_block), then following each
  // call's constant arguments into its callee's conditions.
  for (int pass = 0; pass < 2; ++pass) {
    std::fill(chains.depth.begin(), chains.depth.end(), -1);
    std::fill(chains.next.begin(), chains.next.end(), -1);
    std::deque<long> queue;
    for (long f : order) {
      const Function& fn = index.functions[f];
      if (!fn.facts->is_async && fn.facts->blocks) {
        chains.depth[f] = 0;
        queue.push_back(f);
      }
    }
    while (!queue.empty()) {
      long t = queue.front();
      queue.pop_front();
      if (chains.depth[t] + 1 >= kMaxBlockingDepth) continue;
      for (auto [f, e] : callers[t]) {
        if (chains.depth[f] >= 0) continue;
        if (pass == 1 && !call_may_block(index, chains, t, index.functions[f].facts->callee_args[e])) continue;
        chains.depth[f] = chains.depth[t] + 1;
        chains.next[f] = t;
        queue.push_back(f);
      }
    }
    if (pass == 0)
      for (size_t f = 0; f < n; ++f) chains.may_block[f] = chains.depth[f] >= 0;
  }
  return chains;
}

Diagnostic at_fact(const CallFact& fact, const Rule& rule, std::string detail) {
  Diagnostic d;
  d.code = rule.code;
  d.message = format_message(rule, fact.callee_text, nullptr, detail);
  d.start = fact.start;
  d.end = fact.end;
  d.start_byte = fact.start_byte;
  d.end_byte = fact.end_byte;
  return d;
}

}  // namespace

ProjectResolver::ProjectResolver(const std::vector<const FileFacts*>& files)
    : index_(std::make_unique<ProjectIndex>(files)) {}
ProjectResolver::~ProjectResolver() = default;
long ProjectResolver::resolve(std::string_view ref, size_t from) const { return index_->resolve(ref, from); }
void ProjectResolver::add(size_t file, const FileFacts& facts) { index_->add(file, facts); }
const FunctionFacts& ProjectResolver::function(long f) const { return *index_->functions[f].facts; }
size_t ProjectResolver::file_of(long f) const { return index_->functions[f].file; }

std::vector<std::vector<Diagnostic>> analyze_project(const std::vector<const FileFacts*>& files,
                                                     const Catalog& catalog, const ProjectResolver* built) {
  std::vector<std::vector<Diagnostic>> out(files.size());
  std::unique_ptr<ProjectIndex> own;
  if (!built) own = std::make_unique<ProjectIndex>(files);
  const ProjectIndex& index = built ? *built->index_ : *own;
  const Rule* transitive = catalog.find("AL210");
  bool want_chains = false;
  for (const FileFacts* f : files)
    for (const CallFact& c : f->calls) want_chains = want_chains || c.kind == CallFact::Kind::AsyncCall;
  want_chains = want_chains && transitive;
  BlockingChains chains;
  if (want_chains) chains = blocking_chains(index);

  for (size_t i = 0; i < files.size(); ++i) {
    for (const CallFact& fact : files[i]->calls) {
      long target = index.resolve(fact.ref, i);
      if (target < 0) continue;
      const Function& fn = index.functions[target];
      if (fact.kind == CallFact::Kind::MissingAwait) {
        if (!fn.facts->is_coroutine_function) continue;
        const Rule* rule = catalog.find(fact.in_async ? "AL201" : "AL204");
        if (rule) out[i].push_back(at_fact(fact, *rule, missing_await_detail(fact.in_async, fact.callee_text, fact.problem)));
      } else if (want_chains && !fn.facts->is_async && chains.depth[target] >= 0 &&
                 !index.enters_stdlib(static_cast<long>(i), target) && call_may_block(index, chains, target, fact.args)) {
        std::string chain = fact.caller;
        std::string code;
        for (long f = target; f >= 0; f = chains.next[f]) {
          chain += " -> ";
          chain += index.short_name(f);
          if (chains.next[f] < 0) {  // the function that blocks itself
            const BlockingCall& b = *index.functions[f].facts->blocks;
            chain += " -> " + b.callee_text;
            code = b.code;
          }
        }
        out[i].push_back(at_fact(fact, *transitive,
                                 fmt::format("`{}()` blocks the event loop through {} ({})", fact.callee_text, chain, code)));
      }
    }
  }
  return out;
}

}  // namespace asl
