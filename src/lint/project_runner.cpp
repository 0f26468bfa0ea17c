#include "lint/project_runner.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <sys/resource.h>
#include <fstream>
#include <memory>
#include <sstream>
#include <unordered_map>

#include "lint/lint_cache.h"
#include "lint/module_path.h"
#include "lint/notebook.h"
#include "lint/parallel.h"
#include "lint/project_analysis.h"

namespace asl {

bool mentions_async(std::string_view text) {
  // "async" also covers asyncio; the others are async libraries whose
  // coroutines a synchronous file may call without awaiting them.
  // Exception groups (task groups raise them) and httpx have rules of their
  // own that apply to synchronous code too.
  static constexpr std::array<std::string_view, 10> kMarkers = {
      "async", "await", "aiohttp", "anyio", "trio", "aiofiles", "ExceptionGroup", "exceptiongroup", "except*", "httpx"};
  for (auto m : kMarkers)
    if (text.find(m) != std::string_view::npos) return true;
  return text.find("aiosqlite") != std::string_view::npos;
}

bool selects_project_rules(const RuleSelection& selection, const Catalog& catalog) {
  for (std::string_view code : {"AL201", "AL204", "AL210"})
    if (const Rule* r = catalog.find(code); r && selection.enabled(*r)) return true;
  return false;
}

namespace {

// A failed read (EIO) is nothing, not an empty file: lint_path then reports it.
std::optional<std::string> read_bytes(const std::string& path) { return read_file_bytes(path, nullptr); }

// [A-Za-z0-9_], as isalnum in the C locale plus '_', without a call per byte.
constexpr std::array<bool, 256> kIdentifierChars = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c)
    t[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  return t;
}();
bool identifier_char(char c) { return kIdentifierChars[static_cast<unsigned char>(c)]; }

// Vectors grown one element at a time hold up to twice what they need, and
// every file's facts are kept until the project phase.
void compact(FileResult& r) {
  r.diagnostics.shrink_to_fit();
  FileFacts& f = r.facts;
  for (auto& fn : f.functions) fn.callees.shrink_to_fit();
  for (auto& c : f.classes) c.bases.shrink_to_fit();
  f.functions.shrink_to_fit();
  f.classes.shrink_to_fit();
  f.imports.shrink_to_fit();
  f.calls.shrink_to_fit();
}

// Coroutine functions a synchronous file could call, by the module's last
// dotted component (as imports spell it), then its top-level package, then
// function name.
using CoroutineNames =
    std::unordered_map<std::string, std::unordered_map<std::string, std::unordered_set<std::string>>>;

std::string_view top_package(std::string_view module) { return module.substr(0, module.find('.')); }
std::string_view last_component(std::string_view module) {
  size_t dot = module.rfind('.');
  return dot == std::string_view::npos ? module : module.substr(dot + 1);
}

// Words to look for, as views into a CoroutineNames that outlives them.
struct CoroutineWords {
  std::unordered_set<std::string_view> modules, names;
  // A cheap pre-filter on (length, first, last character): most words of a
  // file are rejected without hashing them.
  std::vector<bool> shapes = std::vector<bool>(1 << 16);
  static size_t shape(std::string_view w) {
    return ((w.size() & 63) << 10) | ((static_cast<unsigned char>(w.front()) & 31) << 5) |
           (static_cast<unsigned char>(w.back()) & 31);
  }
  void add(std::unordered_set<std::string_view>& to, std::string_view w) {
    to.insert(w);
    shapes[shape(w)] = true;
  }
  explicit CoroutineWords(const CoroutineNames& c) {
    for (const auto& [last, tops] : c) {
      add(modules, last);
      for (const auto& [top, fns] : tops) {
        add(modules, top);
        for (const auto& f : fns) add(names, f);
      }
    }
  }
};

// True when the text of a file in package `file_top` names a coroutine
// function, its module, and a way to import it: the module's top-level
// package (every absolute import spells it), or the file is in that package
// (relative imports never leave it). A file that cannot name all three cannot
// call the function.
bool may_call_coroutine(std::string_view text, std::string_view file_top, const CoroutineNames& coroutines,
                        const CoroutineWords& words) {
  if (coroutines.empty()) return false;
  // One pass over the words, without copying any: which modules, packages
  // and function names the text mentions.
  std::unordered_set<std::string_view> modules, names;
  for (size_t i = 0; i < text.size();) {
    if (!identifier_char(text[i])) {
      ++i;
      continue;
    }
    size_t b = i;
    while (i < text.size() && identifier_char(text[i])) ++i;
    std::string_view w = text.substr(b, i - b);
    if (!words.shapes[CoroutineWords::shape(w)]) continue;
    if (words.modules.contains(w)) modules.insert(w);
    if (words.names.contains(w)) names.insert(w);
  }
  for (std::string_view m : modules) {
    auto it = coroutines.find(std::string(m));
    if (it == coroutines.end()) continue;
    for (const auto& [top, fns] : it->second) {
      if (top != file_top && !modules.contains(top)) continue;
      for (const auto& name : fns)
        if (names.contains(name)) return true;
    }
  }
  return false;
}

// Stands for the coroutine names a scan looks for.
uint64_t coroutines_key(const CoroutineNames& coroutines) {
  std::vector<std::string> parts;
  for (const auto& [last, tops] : coroutines)
    for (const auto& [top, fns] : tops)
      for (const auto& f : fns) parts.push_back(top + ":" + last + "." + f);
  std::sort(parts.begin(), parts.end());
  uint64_t key = content_hash("coroutines/2");
  for (const auto& p : parts) key = combine_hash(key, p);
  return key;
}

// The names after `async def` (a cheap scan: false hits only cost a fact).
std::vector<std::string> async_def_names(std::string_view text) {
  std::vector<std::string> out;
  for (size_t at = text.find("async"); at != std::string_view::npos; at = text.find("async", at + 5)) {
    size_t i = at + 5;
    if (i >= text.size() || !std::isspace(static_cast<unsigned char>(text[i]))) continue;
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (text.substr(i, 3) != "def") continue;
    i += 3;
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    size_t b = i;
    while (i < text.size() && identifier_char(text[i])) ++i;
    if (i > b) out.emplace_back(text.substr(b, i - b));
  }
  return out;
}

// A notebook's findings, in lines of its joined code cells until now, as
// cells and lines (the notebook is parsed again: its line map is not cached).
void place_in_cells(const LintInput& in, FileResult& r) {
  if (r.diagnostics.empty()) return;
  std::optional<std::string> bytes = in.bytes ? in.bytes : read_bytes(in.path);
  std::string error;
  std::optional<Notebook> nb = bytes ? parse_notebook(*bytes, &error) : std::nullopt;
  if (!nb) {
    r.error = bytes ? error : "the notebook could not be read again";
    r.diagnostics.clear();
    return;
  }
  locate_in_cells(*nb, r.diagnostics);
}

}  // namespace

std::vector<FileResult> lint_project(const std::vector<LintInput>& inputs, const Catalog& catalog,
                                     const ProjectHooks& hooks, const ProjectOptions& options, ProjectStats* stats) {
  using Clock = std::chrono::steady_clock;
  struct Mark {
    const char* first;
    Clock::time_point second;
    long peak_kb = 0;
    Mark(const char* name, Clock::time_point at) : first(name), second(at) {
      rusage u{};
      if (getrusage(RUSAGE_SELF, &u) == 0) peak_kb = u.ru_maxrss;
    }
  };
  std::vector<Mark> marks{{"start", Clock::now()}};
  ModuleResolver resolver;
  std::vector<ModuleInfo> modules;
  ProjectScope scope;
  for (const LintInput& in : inputs) {
    // A notebook is no module: nothing imports it.
    modules.push_back(is_notebook_path(in.path) ? ModuleInfo{} : resolver.module_for(in.path));
    if (!modules.back().name.empty()) scope.modules.insert(modules.back().name);
  }
  const std::unordered_set<std::string>& names = scope.modules;

  const size_t n = inputs.size();
  ProjectOptions opts = options;
  // Checks that skipping files changes no finding: the benchmarks compare both.
  if (std::getenv("ASYNCLINT_PARSE_ALL")) opts.parse_all = true;
  ProjectStats local;
  if (!stats) stats = &local;
  *stats = {};
  stats->files = n;
  auto report_stats = [&] {
    // For the benchmarks: how much of the tree had to be parsed.
    if (!std::getenv("ASYNCLINT_PARSE_STATS")) return;
    std::fprintf(stderr, "asynclint: parsed %zu of %zu files (%zu for the project analyses, %zu from the cache)\n",
                 stats->parsed, stats->files, stats->parsed_for_project, stats->cached);
    for (size_t k = 1; k < marks.size(); ++k)
      std::fprintf(stderr, "asynclint: %-8s %7.1f ms  (peak memory so far %.1f MB)\n", marks[k].first,
                   std::chrono::duration<double, std::milli>(marks[k].second - marks[k - 1].second).count(),
                   marks[k].peak_kb / 1024.0);
  };
  auto by_path = [](std::vector<FileResult>& r) {
    std::stable_sort(r.begin(), r.end(), [](const FileResult& a, const FileResult& b) { return a.path < b.path; });
  };

  // The whole run's key: everything a finding may depend on besides the
  // files' contents (which the cache checks by stamp or hash).
  timespec started{};
  clock_gettime(CLOCK_REALTIME, &started);
  bool run_cacheable = opts.cache && std::none_of(inputs.begin(), inputs.end(), [](const LintInput& in) { return in.bytes.has_value(); });
  uint64_t run_key = 0;
  std::vector<std::string> paths;
  if (run_cacheable) {
    run_key = combine_hash(content_hash("run"), uint64_t{opts.parse_all});
    for (size_t i = 0; i < n; ++i) {
      paths.push_back(inputs[i].path);
      run_key = combine_hash(run_key, inputs[i].path);
      run_key = combine_hash(run_key, modules[i].name + (modules[i].is_package ? "/" : ""));
      if (hooks.settings_key) run_key = combine_hash(run_key, hooks.settings_key(inputs[i].path));
    }
    if (auto hit = opts.cache->get_run(run_key, paths)) {
      stats->cached = n;
      marks.emplace_back("cached", Clock::now());
      report_stats();
      by_path(*hit);
      return std::move(*hit);
    }
  }

  std::vector<FileResult> results(n);
  std::vector<char> parsed(n, 0);
  // First, on all cores: read each file and note those that may hold async
  // code (or cannot be read or decoded: the linter reports why), with the
  // names of their `async def`s. Their contents are read again when they are
  // linted rather than all held at once (the page cache makes that cheap).
  std::vector<char> eager(n, 0);
  std::vector<std::vector<std::string>> async_defs(n);
  std::vector<LintCache::RunFile> stamps(n);
  // A file that changed between two reads (or could not be read) makes the
  // run's results unfit for the whole-run cache entry.
  std::atomic<bool> unstable{false};
  // Files whose stamp the last run trusted and that still have it are not
  // read: what it learnt of them stands (the cache then has their results).
  std::vector<char> known(n, 0);
  parallel_for(n, opts.threads, [&](size_t i) {
    const LintInput& in = inputs[i];
    results[i].path = in.path;
    if (const LintCache::RunFile* before = run_cacheable ? opts.cache->prior(in.path) : nullptr) {
      FileStamp now;
      if (stamp_of(in.path, &now) && now == before->stamp) {
        stamps[i] = *before;
        known[i] = 1;
        if (!opts.parse_all && !before->may_hold_async) return;
        async_defs[i] = before->async_defs;
        eager[i] = 1;
        return;
      }
    }
    std::optional<std::string> bytes = in.bytes ? in.bytes : read_stamped(in.path, &stamps[i].stamp);
    if (bytes && opts.cache) stamps[i].content = content_hash(*bytes);
    if (!bytes) {
      results[i] = hooks.lint(in, modules[i], scope);  // reports the I/O error
      parsed[i] = 1;
      unstable = true;
      return;
    }
    // Notebooks always: one that is not valid JSON must be reported.
    bool may_hold_async = in.bytes || is_notebook_path(in.path) || mentions_async(*bytes) || bytes->find('\0') != std::string::npos ||
                          find_invalid_utf8(*bytes) != std::string_view::npos;
    stamps[i].may_hold_async = may_hold_async;
    if (!opts.parse_all && !may_hold_async) return;
    async_defs[i] = async_def_names(*bytes);
    if (run_cacheable) stamps[i].async_defs = async_defs[i];
    eager[i] = 1;
  });
  for (const auto& defs : async_defs) scope.async_names.insert(defs.begin(), defs.end());
  async_defs.clear();
  // The bytes of file i as read again (and their hash, with a cache), or
  // nothing when it cannot be read.
  auto reread = [&](size_t i, uint64_t* hash) -> std::optional<std::string> {
    if (inputs[i].bytes) return inputs[i].bytes;
    auto bytes = read_bytes(inputs[i].path);
    if (bytes && opts.cache) *hash = content_hash(*bytes);
    if (!bytes || (opts.cache && *hash != stamps[i].content)) unstable = true;
    return bytes;
  };
  marks.emplace_back("read", Clock::now());

  // A file's facts depend on the project's shape, so its cache key does too.
  uint64_t shape = 0;
  if (opts.cache) {
    std::vector<std::string> parts(scope.modules.begin(), scope.modules.end());
    parts.push_back("\n");
    std::vector<std::string> defs(scope.async_names.begin(), scope.async_names.end());
    std::sort(parts.begin(), parts.end());
    std::sort(defs.begin(), defs.end());
    shape = content_hash("");
    for (const auto& p : parts) shape = combine_hash(shape, p);
    for (const auto& d : defs) shape = combine_hash(shape, d);
  }
  std::atomic<size_t> cached{0};
  // Lints file i through the cache when there is one (reading it only when
  // the cache does not have it).
  auto cache_key = [&](size_t i, uint64_t content) {
    uint64_t key = combine_hash(shape, std::to_string(content));
    if (hooks.settings_key) key = combine_hash(key, std::to_string(hooks.settings_key(inputs[i].path)));
    return combine_hash(key, modules[i].name + (modules[i].is_package ? "/" : ""));
  };
  auto lint_or_load = [&](size_t i) {
    if (opts.cache) {
      if (auto hit = opts.cache->get(inputs[i].path, cache_key(i, stamps[i].content))) {
        ++cached;
        return std::move(*hit);
      }
    }
    uint64_t hash = 0;
    auto bytes = reread(i, &hash);
    if (!bytes) return hooks.lint(inputs[i], modules[i], scope);  // reports why
    FileResult r = hooks.lint(LintInput{inputs[i].path, std::move(*bytes)}, modules[i], scope);
    // Keyed by the bytes linted, whatever an earlier read saw.
    if (opts.cache && !r.error) opts.cache->put(r, cache_key(i, hash));
    return r;
  };
  auto lint_file = [&](size_t i) {
    FileResult r = lint_or_load(i);
    compact(r);
    return r;
  };

  // Largest files first: the last files to finish are small ones, so no core
  // waits on a big file at the end. A tree takes some 30 times its file's
  // size: big files (the first ones, as many as this returns) are parsed
  // only a few at a time, small ones meanwhile (see parallel_for_bounded).
  auto largest_first = [&](std::vector<size_t>& files) {
    constexpr size_t kBigFile = 64 * 1024;
    auto size = [&](size_t i) { return inputs[i].bytes ? inputs[i].bytes->size() : stamps[i].stamp.size; };
    std::stable_sort(files.begin(), files.end(), [&](size_t a, size_t b) { return size(a) > size(b); });
    return static_cast<size_t>(std::count_if(files.begin(), files.end(), [&](size_t i) { return size(i) > kBigFile; }));
  };
  std::vector<size_t> eager_files;
  for (size_t i = 0; i < n; ++i)
    if (eager[i]) eager_files.push_back(i);
  size_t big = largest_first(eager_files);
  parallel_for_bounded(eager_files.size(), big, opts.threads, [&](size_t k) {
    size_t i = eager_files[k];
    results[i] = lint_file(i);
    parsed[i] = 1;
  });

  marks.emplace_back("lint", Clock::now());
  // Then, round by round (as deep as a blocking chain is followed), the files
  // the project analyses reach: a call from async code into a module means
  // that module must be parsed, and then so must the modules its function
  // calls in turn; a file that names a coroutine function and its module may
  // call it from synchronous code.
  struct Seed {
    const std::string* ref;  // in a file's facts, which stay put until the end
    size_t from;
  };
  std::vector<Seed> seeds;
  auto seed_file = [&](size_t i, bool with_calls) {
    const FileFacts& f = results[i].facts;
    if (with_calls)
      for (const auto& c : f.calls) seeds.push_back({&c.ref, i});
    for (const auto& c : f.classes)
      for (const auto& b : c.bases) seeds.push_back({&b, i});
  };
  CoroutineNames coroutines;
  auto note_coroutines = [&](size_t i) {
    const std::string& module = modules[i].name;
    if (module.empty()) return;
    for (const auto& f : results[i].facts.functions)
      if (f.is_coroutine_function && f.qualname.find('.') == std::string::npos)
        coroutines[std::string(last_component(module))][std::string(top_package(module))].insert(f.qualname);
  };
  for (size_t i = 0; i < n; ++i) {
    if (!parsed[i]) continue;
    seed_file(i, true);
    note_coroutines(i);
  }
  std::vector<char> mentions_checked(n, 0);
  uint64_t scan_key = 0;  // the coroutine names the scan verdicts hold for
  bool scanned = false;
  std::unordered_set<std::string> expanded;
  size_t late = 0;
  // One index for the whole run: files join it as they are parsed, and the
  // project phase uses it too. (Files not parsed have no facts to add.)
  std::vector<const FileFacts*> all_facts;
  for (const FileResult& r : results) all_facts.push_back(&r.facts);
  ProjectResolver index(all_facts);
  std::unordered_map<std::string, std::vector<size_t>> files_of_module;
  for (size_t i = 0; i < n; ++i)
    if (!modules[i].name.empty()) files_of_module[modules[i].name].push_back(i);
  for (int round = 0; round < kMaxBlockingDepth && !opts.parse_all && opts.project_rules; ++round) {
    std::vector<char> next(n, 0);
    std::vector<Seed> pending;
    CoroutineWords words(coroutines);
    for (Seed& s : seeds) {
      long f = index.resolve(*s.ref, s.from);
      if (f >= 0) {
        std::string key = std::to_string(index.file_of(f)) + ":" + index.function(f).qualname;
        if (!expanded.insert(key).second || index.function(f).is_async) continue;
        for (const auto& callee : index.function(f).callees) pending.push_back({&callee, index.file_of(f)});
        continue;
      }
      // Unresolved: the longest module prefix of the reference not parsed yet.
      std::string_view ref = *s.ref;
      if (ref.starts_with("super:")) ref.remove_prefix(6);
      for (size_t dot = ref.rfind('.'); dot != std::string_view::npos && dot > 0; dot = ref.rfind('.', dot - 1)) {
        std::string prefix(ref.substr(0, dot));
        if (!names.contains(prefix)) continue;
        bool found = false;
        for (size_t i : files_of_module[prefix])
          if (!parsed[i]) next[i] = 1, found = true;
        if (found) pending.push_back(s);
        break;
      }
    }
    // Files parsed late hold no async code, so no new coroutine names: one scan is enough.
    if (round == 0) {
      if (run_cacheable) {
        scan_key = coroutines_key(coroutines);
        scanned = true;
        if (scan_key != opts.cache->prior_scan_key())
          for (auto& s : stamps) s.scan = LintCache::RunFile::Scan::Unknown;
      }
      parallel_for(n, options.threads, [&](size_t i) {
        if (parsed[i] || next[i] || mentions_checked[i] || coroutines.empty()) return;
        mentions_checked[i] = 1;
        using Scan = LintCache::RunFile::Scan;
        if (known[i] && stamps[i].scan != Scan::Unknown) {
          next[i] = stamps[i].scan == Scan::Yes;
          return;
        }
        uint64_t hash = 0;
        auto bytes = reread(i, &hash);
        if (!bytes) return;
        next[i] = may_call_coroutine(*bytes, top_package(modules[i].name), coroutines, words);
        stamps[i].scan = next[i] ? Scan::Yes : Scan::No;
      });
    }
    std::vector<size_t> todo;
    for (size_t i = 0; i < n; ++i)
      if (next[i]) todo.push_back(i);
    seeds = std::move(pending);
    if (todo.empty() && seeds.empty()) break;
    big = largest_first(todo);
    parallel_for_bounded(todo.size(), big, options.threads, [&](size_t k) {
      size_t i = todo[k];
      results[i] = lint_file(i);
    });
    std::sort(todo.begin(), todo.end());  // the index in file order, as before
    for (size_t i : todo) {
      parsed[i] = 1;
      seed_file(i, false);
      note_coroutines(i);
      index.add(i, results[i].facts);
    }
    late += todo.size();
    if (todo.empty()) {
      // Nothing new to parse: expand what is left against the same facts once more.
      if (round + 1 == kMaxBlockingDepth) break;
    }
  }

  marks.emplace_back("closure", Clock::now());
  auto extra = analyze_project(all_facts, catalog, &index);
  marks.emplace_back("project", Clock::now());
  for (size_t i = 0; i < n; ++i) {
    if (!extra[i].empty()) hooks.add(std::move(extra[i]), results[i]);
    results[i].facts = {};  // done with them: keep memory flat
    if (is_notebook_path(inputs[i].path) && !results[i].error) place_in_cells(inputs[i], results[i]);
  }
  stats->parsed = static_cast<size_t>(std::count(parsed.begin(), parsed.end(), 1));
  stats->parsed_for_project = late;
  stats->cached = cached;
  if (run_cacheable && !unstable) {
    if (!scanned)
      for (auto& s : stamps) s.scan = LintCache::RunFile::Scan::Unknown;
    opts.cache->put_run(run_key, paths, std::move(stamps), results,
                        static_cast<uint64_t>(started.tv_sec) * 1000000000ull + static_cast<uint64_t>(started.tv_nsec),
                        scan_key);
  }
  report_stats();
  by_path(results);
  return results;
}

std::vector<FileResult> lint_project(const Linter& linter, const std::vector<LintInput>& inputs,
                                     const ProjectOptions& options) {
  ProjectHooks hooks;
  hooks.lint = [&](const LintInput& in, const ModuleInfo& m, const ProjectScope& project) {
    return in.bytes ? linter.lint_bytes(in.path, *in.bytes, m, &project) : linter.lint_path(in.path, m, &project);
  };
  hooks.add = [&](std::vector<Diagnostic> extra, FileResult& r) {
    std::vector<Diagnostic> all = std::move(r.diagnostics);
    r.diagnostics.clear();
    all.insert(all.end(), std::make_move_iterator(extra.begin()), std::make_move_iterator(extra.end()));
    linter.keep_unsuppressed(std::move(all), r);
  };
  return lint_project(inputs, linter.catalog(), hooks, options);
}

}  // namespace asl
