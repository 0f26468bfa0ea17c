#include "lint/lint_cache.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>
#include <unistd.h>

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using nlohmann::json;

namespace asl {

namespace {

constexpr const char* kMagic = "asynclint-cache";
constexpr int kFormat = 1;

json to_json(const Location& l) { return json::array({l.line, l.column}); }
Location location(const json& j) { return {j.at(0).get<uint32_t>(), j.at(1).get<uint32_t>()}; }

json to_json(const Diagnostic& d) {
  json j = {{"c", d.code}, {"m", d.message}, {"s", to_json(d.start)}, {"e", to_json(d.end)},
            {"b", json::array({d.start_byte, d.end_byte})}};
  if (d.fix) {
    json edits = json::array();
    for (const Edit& e : d.fix->edits) edits.push_back(json::array({e.start, e.end, e.replacement}));
    j["f"] = {{"t", d.fix->title}, {"s", d.fix->safe}, {"e", edits}};
  }
  return j;
}

Diagnostic diagnostic(const json& j) {
  Diagnostic d;
  d.code = j.at("c").get<std::string>();
  d.message = j.at("m").get<std::string>();
  d.start = location(j.at("s"));
  d.end = location(j.at("e"));
  d.start_byte = j.at("b").at(0).get<uint32_t>();
  d.end_byte = j.at("b").at(1).get<uint32_t>();
  if (j.contains("f")) {
    Fix f;
    f.title = j["f"].at("t").get<std::string>();
    f.safe = j["f"].at("s").get<bool>();
    for (const auto& e : j["f"].at("e")) f.edits.push_back({e.at(0).get<uint32_t>(), e.at(1).get<uint32_t>(), e.at(2).get<std::string>()});
    d.fix = std::move(f);
  }
  return d;
}

json to_json(const FileFacts& f) {
  json fns = json::array(), classes = json::array(), imports = json::array(), calls = json::array();
  for (const auto& fn : f.functions) {
    json x = {{"q", fn.qualname}, {"a", fn.is_async}, {"co", fn.is_coroutine_function}, {"ca", fn.callees}};
    if (fn.blocks) x["b"] = json::array({fn.blocks->code, fn.blocks->callee_text});
    fns.push_back(std::move(x));
  }
  for (const auto& c : f.classes) classes.push_back({{"q", c.qualname}, {"b", c.bases}});
  for (const auto& [name, target] : f.imports) imports.push_back(json::array({name, target}));
  for (const auto& c : f.calls) {
    calls.push_back({{"k", static_cast<int>(c.kind)}, {"a", c.in_async}, {"r", c.ref}, {"t", c.callee_text},
                     {"c", c.caller}, {"p", c.problem}, {"b", json::array({c.start_byte, c.end_byte})},
                     {"s", to_json(c.start)}, {"e", to_json(c.end)}});
  }
  return {{"m", f.module.name}, {"pk", f.module.is_package}, {"f", fns}, {"cl", classes}, {"i", imports}, {"c", calls}};
}

FileFacts facts(const json& j) {
  FileFacts f;
  f.module.name = j.at("m").get<std::string>();
  f.module.is_package = j.at("pk").get<bool>();
  for (const auto& x : j.at("f")) {
    FunctionFacts fn;
    fn.qualname = x.at("q").get<std::string>();
    fn.is_async = x.at("a").get<bool>();
    fn.is_coroutine_function = x.at("co").get<bool>();
    fn.callees = x.at("ca").get<std::vector<std::string>>();
    if (x.contains("b")) fn.blocks = BlockingCall{x["b"].at(0).get<std::string>(), x["b"].at(1).get<std::string>()};
    f.functions.push_back(std::move(fn));
  }
  for (const auto& x : j.at("cl")) f.classes.push_back({x.at("q").get<std::string>(), x.at("b").get<std::vector<std::string>>()});
  for (const auto& x : j.at("i")) f.imports.emplace_back(x.at(0).get<std::string>(), x.at(1).get<std::string>());
  for (const auto& x : j.at("c")) {
    CallFact c;
    c.kind = static_cast<CallFact::Kind>(x.at("k").get<int>());
    c.in_async = x.at("a").get<bool>();
    c.ref = x.at("r").get<std::string>();
    c.callee_text = x.at("t").get<std::string>();
    c.caller = x.at("c").get<std::string>();
    c.problem = x.at("p").get<std::string>();
    c.start_byte = x.at("b").at(0).get<uint32_t>();
    c.end_byte = x.at("b").at(1).get<uint32_t>();
    c.start = location(x.at("s"));
    c.end = location(x.at("e"));
    f.calls.push_back(std::move(c));
  }
  return f;
}

json to_json(const FileResult& r) {
  json ds = json::array();
  for (const auto& d : r.diagnostics) ds.push_back(to_json(d));
  json j = {{"d", ds}, {"f", to_json(r.facts)}};
  if (r.error) j["x"] = *r.error;
  if (r.noqa) {
    json lines = json::array();
    for (const auto& [line, e] : r.noqa->lines()) lines.push_back(json::array({line, e.all, e.codes}));
    j["n"] = lines;
  }
  return j;
}

FileResult file_result(const std::string& path, const json& j) {
  FileResult r;
  r.path = path;
  for (const auto& d : j.at("d")) r.diagnostics.push_back(diagnostic(d));
  r.facts = facts(j.at("f"));
  if (j.contains("x")) r.error = j["x"].get<std::string>();
  if (j.contains("n")) {
    NoqaMap noqa;
    for (const auto& l : j["n"]) noqa.set(l.at(0).get<uint32_t>(), {l.at(1).get<bool>(), l.at(2).get<std::vector<std::string>>()});
    r.noqa = std::move(noqa);
  }
  return r;
}

}  // namespace

uint64_t combine_hash(uint64_t h, std::string_view part) {
  for (unsigned char c : part) {
    h ^= c;
    h *= 1099511628211ull;
  }
  // Separate parts so that ("ab", "c") and ("a", "bc") differ.
  h ^= 0xff;
  h *= 1099511628211ull;
  return h;
}

// The library's string hash reads 8 bytes at a time: fast on 50 MB trees.
uint64_t content_hash(std::string_view bytes) {
  return combine_hash(std::hash<std::string_view>{}(bytes), std::to_string(bytes.size()));
}

LintCache::LintCache(std::string dir, std::string salt) : dir_(std::move(dir)), salt_(std::move(salt)) {
  std::ifstream in(fs::path(dir_) / "asynclint.cache", std::ios::binary);
  if (!in) return;
  std::stringstream buf;
  buf << in.rdbuf();
  try {
    json j = json::from_msgpack(buf.str());
    if (j.at("magic") != kMagic || j.at("format") != kFormat || j.at("salt") != salt_) return;  // foreign
    for (auto& [path, e] : j.at("entries").items())
      entries_[path] = Entry{e.at(0).get<uint64_t>(), e.at(1).get<std::string>()};
  } catch (const std::exception&) {
    entries_.clear();  // corrupt: start afresh
  }
}

std::optional<FileResult> LintCache::get(const std::string& path, uint64_t key) const {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(path);
  if (it == entries_.end() || it->second.key != key) return std::nullopt;
  try {
    FileResult r = file_result(path, json::from_msgpack(it->second.blob));
    ++hits_;
    return r;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

void LintCache::put(const FileResult& result, uint64_t key) {
  std::vector<std::uint8_t> blob = json::to_msgpack(to_json(result));
  std::lock_guard lock(mutex_);
  entries_[result.path] = Entry{key, std::string(blob.begin(), blob.end())};
  dirty_ = true;
}

bool LintCache::save(std::string* error) {
  if (!dirty_) return true;
  json entries = json::object();
  for (const auto& [path, e] : entries_) entries[path] = json::array({e.key, e.blob});
  json j = {{"magic", kMagic}, {"format", kFormat}, {"salt", salt_}, {"entries", std::move(entries)}};
  std::vector<std::uint8_t> bytes = json::to_msgpack(j);
  std::error_code ec;
  fs::create_directories(dir_, ec);
  fs::path target = fs::path(dir_) / "asynclint.cache";
  fs::path temp = fs::path(dir_) / ("asynclint.cache." + std::to_string(::getpid()) + ".tmp");
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
      if (error) *error = "cannot write " + temp.string();
      fs::remove(temp, ec);
      return false;
    }
  }
  fs::rename(temp, target, ec);  // atomic: readers see the old cache or the new one
  if (ec) {
    if (error) *error = "cannot replace " + target.string() + ": " + ec.message();
    fs::remove(temp, ec);
    return false;
  }
  // A cache folder explains itself and keeps out of version control, as ruff's does.
  if (!fs::exists(fs::path(dir_) / ".gitignore", ec)) std::ofstream(fs::path(dir_) / ".gitignore") << "*\n";
  dirty_ = false;
  return true;
}

}  // namespace asl
