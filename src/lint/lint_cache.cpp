#include "lint/lint_cache.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <functional>
#include <stdexcept>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace fs = std::filesystem;

namespace asl {

namespace {

constexpr std::string_view kMagic = "asynclint-cache";
constexpr std::string_view kRunMagic = "asynclint-run";
// 3: records framed with their length and checksum; 4: diagnostics have a notebook cell.
constexpr uint64_t kFormat = 5;

// Little-endian base-128 integers and length-prefixed strings, and frames:
// a fixed 8-byte length, the bytes, their 8-byte checksum (see frame_checksum).
class Writer {
 public:
  std::string out;
  void u(uint64_t v) {
    while (v >= 0x80) {
      out.push_back(static_cast<char>(v | 0x80));
      v >>= 7;
    }
    out.push_back(static_cast<char>(v));
  }
  void s(std::string_view v) {
    u(v.size());
    out.append(v);
  }
  void b(bool v) { out.push_back(v ? 1 : 0); }
  void u64(uint64_t v) {
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>(v >> (8 * i)));
  }
  // A frame's content is written in place between begin_frame and end_frame,
  // which fills in its length and appends the checksum (returned).
  size_t begin_frame() {
    out.append(8, '\0');
    return out.size();
  }
  uint64_t end_frame(size_t start, uint64_t seed) {
    uint64_t n = out.size() - start;
    for (int i = 0; i < 8; ++i) out[start - 8 + static_cast<size_t>(i)] = static_cast<char>(n >> (8 * i));
    uint64_t sum = frame_checksum(seed, std::string_view(out).substr(start));
    u64(sum);
    return sum;
  }
};

// What starts a file: its kind, the format and the salt. Its hash seeds the
// checksums, so that a record is only valid in a file of its kind, format and salt.
std::string file_head(std::string_view magic, std::string_view salt) {
  Writer w;
  w.s(magic);
  w.u(kFormat);
  w.s(salt);
  return std::move(w.out);
}

struct Corrupt : std::runtime_error {
  Corrupt() : std::runtime_error("corrupt cache") {}
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  uint64_t u() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at_ >= in_.size()) throw Corrupt();
      auto c = static_cast<unsigned char>(in_[at_++]);
      v |= static_cast<uint64_t>(c & 0x7f) << shift;
      if (!(c & 0x80)) return v;
    }
    throw Corrupt();
  }
  uint32_t u32() {
    uint64_t v = u();
    if (v > UINT32_MAX) throw Corrupt();
    return static_cast<uint32_t>(v);
  }
  std::string_view s() {
    uint64_t n = u();
    if (n > in_.size() - at_) throw Corrupt();
    std::string_view v = in_.substr(at_, n);
    at_ += n;
    return v;
  }
  bool b() {
    if (at_ >= in_.size()) throw Corrupt();
    return in_[at_++] != 0;
  }
  size_t size() { return static_cast<size_t>(u()); }
  uint64_t u64() {
    if (in_.size() - at_ < 8) throw Corrupt();
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v |= static_cast<uint64_t>(static_cast<unsigned char>(in_[at_++])) << (8 * i);
    return v;
  }
  // A frame's content, once its checksum (seeded with `seed`) is verified.
  std::string_view frame(uint64_t seed, uint64_t* sum = nullptr) {
    uint64_t n = u64();
    if (n > in_.size() - at_) throw Corrupt();
    std::string_view v = in_.substr(at_, n);
    at_ += n;
    uint64_t expected = frame_checksum(seed, v);
    if (u64() != expected) throw Corrupt();
    if (sum) *sum = expected;
    return v;
  }
  // Whether the input starts with `head`, which it then skips.
  bool starts_with(std::string_view head) {
    if (!in_.starts_with(head)) return false;
    at_ = head.size();
    return true;
  }
  bool done() const { return at_ == in_.size(); }
  size_t at() const { return at_; }

 private:
  std::string_view in_;
  size_t at_ = 0;
};

void put(Writer& w, const Location& l) {
  w.u(l.line);
  w.u(l.column);
}
Location location(Reader& r) {
  Location l;
  l.line = r.u32();
  l.column = r.u32();
  return l;
}

void put(Writer& w, const Diagnostic& d) {
  w.s(d.code);
  w.s(d.message);
  put(w, d.start);
  put(w, d.end);
  w.u(d.cell);
  w.u(d.start_byte);
  w.u(d.end_byte);
  w.b(d.fix.has_value());
  if (!d.fix) return;
  w.s(d.fix->title);
  w.b(d.fix->safe);
  w.u(d.fix->edits.size());
  for (const Edit& e : d.fix->edits) {
    w.u(e.start);
    w.u(e.end);
    w.s(e.replacement);
  }
}

Diagnostic diagnostic(Reader& r) {
  Diagnostic d;
  d.code = r.s();
  d.message = r.s();
  d.start = location(r);
  d.end = location(r);
  d.cell = r.u32();
  d.start_byte = r.u32();
  d.end_byte = r.u32();
  if (!r.b()) return d;
  Fix f;
  f.title = r.s();
  f.safe = r.b();
  for (size_t n = r.size(); n > 0; --n) {
    Edit e;
    e.start = r.u32();
    e.end = r.u32();
    e.replacement = r.s();
    f.edits.push_back(std::move(e));
  }
  d.fix = std::move(f);
  return d;
}

void put_strings(Writer& w, const std::vector<std::string>& v) {
  w.u(v.size());
  for (const auto& x : v) w.s(x);
}
std::vector<std::string> strings(Reader& r) {
  std::vector<std::string> v;
  for (size_t n = r.size(); n > 0; --n) v.emplace_back(r.s());
  return v;
}

void put(Writer& w, const FileFacts& f) {
  w.s(f.module.name);
  w.b(f.module.is_package);
  w.u(f.functions.size());
  for (const auto& fn : f.functions) {
    w.s(fn.qualname);
    w.b(fn.is_async);
    w.b(fn.is_coroutine_function);
    put_strings(w, fn.callees);
    put_strings(w, fn.callee_guards);
    put_strings(w, fn.callee_args);
    put_strings(w, fn.params);
    w.b(fn.blocks.has_value());
    if (fn.blocks) {
      w.s(fn.blocks->code);
      w.s(fn.blocks->callee_text);
      w.s(fn.blocks->guard);
    }
    w.u(fn.more_blocks.size());
    for (const auto& b : fn.more_blocks) {
      w.s(b.code);
      w.s(b.callee_text);
      w.s(b.guard);
    }
  }
  w.u(f.classes.size());
  for (const auto& c : f.classes) {
    w.s(c.qualname);
    put_strings(w, c.bases);
  }
  w.u(f.imports.size());
  for (const auto& [name, target] : f.imports) {
    w.s(name);
    w.s(target);
  }
  w.u(f.calls.size());
  for (const auto& c : f.calls) {
    w.u(static_cast<uint64_t>(c.kind));
    w.b(c.in_async);
    w.s(c.ref);
    w.s(c.callee_text);
    w.s(c.caller);
    w.s(c.problem);
    w.s(c.args);
    w.u(c.start_byte);
    w.u(c.end_byte);
    put(w, c.start);
    put(w, c.end);
  }
}

FileFacts facts(Reader& r) {
  FileFacts f;
  f.module.name = r.s();
  f.module.is_package = r.b();
  for (size_t n = r.size(); n > 0; --n) {
    FunctionFacts fn;
    fn.qualname = r.s();
    fn.is_async = r.b();
    fn.is_coroutine_function = r.b();
    fn.callees = strings(r);
    fn.callee_guards = strings(r);
    fn.callee_args = strings(r);
    fn.params = strings(r);
    if (fn.callee_guards.size() != fn.callees.size() || fn.callee_args.size() != fn.callees.size()) throw Corrupt();
    auto blocking = [&] {
      BlockingCall b;
      b.code = r.s();
      b.callee_text = r.s();
      b.guard = r.s();
      return b;
    };
    if (r.b()) fn.blocks = blocking();
    for (size_t m = r.size(); m > 0; --m) fn.more_blocks.push_back(blocking());
    f.functions.push_back(std::move(fn));
  }
  for (size_t n = r.size(); n > 0; --n) {
    std::string q(r.s());
    f.classes.push_back({std::move(q), strings(r)});
  }
  for (size_t n = r.size(); n > 0; --n) {
    std::string name(r.s());
    f.imports.emplace_back(std::move(name), std::string(r.s()));
  }
  for (size_t n = r.size(); n > 0; --n) {
    CallFact c;
    uint64_t kind = r.u();
    if (kind > static_cast<uint64_t>(CallFact::Kind::AsyncCall)) throw Corrupt();
    c.kind = static_cast<CallFact::Kind>(kind);
    c.in_async = r.b();
    c.ref = r.s();
    c.callee_text = r.s();
    c.caller = r.s();
    c.problem = r.s();
    c.args = r.s();
    c.start_byte = r.u32();
    c.end_byte = r.u32();
    c.start = location(r);
    c.end = location(r);
    f.calls.push_back(std::move(c));
  }
  return f;
}

// What a report needs of a result: findings and error.
void put_findings(Writer& w, const FileResult& r) {
  w.u(r.diagnostics.size());
  for (const auto& d : r.diagnostics) put(w, d);
  w.b(r.error.has_value());
  if (r.error) w.s(*r.error);
}
void findings(Reader& rd, FileResult& r) {
  for (size_t n = rd.size(); n > 0; --n) r.diagnostics.push_back(diagnostic(rd));
  if (rd.b()) r.error = std::string(rd.s());
}

void encode(Writer& w, const FileResult& r) {
  put_findings(w, r);
  put(w, r.facts);
  w.b(r.noqa.has_value());
  if (r.noqa) {
    w.u(r.noqa->lines().size());
    for (const auto& [line, e] : r.noqa->lines()) {
      w.u(line);
      w.b(e.all);
      put_strings(w, e.codes);
    }
  }
}

FileResult decode(const std::string& path, std::string_view blob) {
  Reader rd(blob);
  FileResult r;
  r.path = path;
  findings(rd, r);
  r.facts = facts(rd);
  if (rd.b()) {
    NoqaMap noqa;
    for (size_t n = rd.size(); n > 0; --n) {
      uint32_t line = rd.u32();
      bool all = rd.b();
      noqa.set(line, {all, strings(rd)});
    }
    r.noqa = std::move(noqa);
  }
  if (!rd.done()) throw Corrupt();
  return r;
}

std::optional<std::string> slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary | std::ios::ate);
  if (!in) return std::nullopt;
  auto size = static_cast<std::streamoff>(in.tellg());
  if (size < 0) return std::nullopt;
  std::string bytes(static_cast<size_t>(size), '\0');
  in.seekg(0);
  if (!in.read(bytes.data(), size)) return std::nullopt;
  return bytes;
}

FileStamp stamp_from(const struct stat& st) {
  return {static_cast<uint64_t>(st.st_size),
          static_cast<uint64_t>(st.st_mtim.tv_sec) * 1000000000ull + static_cast<uint64_t>(st.st_mtim.tv_nsec),
          static_cast<uint64_t>(st.st_ctim.tv_sec) * 1000000000ull + static_cast<uint64_t>(st.st_ctim.tv_nsec),
          static_cast<uint64_t>(st.st_ino), static_cast<uint64_t>(st.st_dev)};
}

// Replaces `dir`/`name` atomically (readers see the old file or the new one)
// with `head` followed by what `body` writes.
bool write_atomically(const std::string& dir, const std::string& name, std::string_view head,
                      const std::function<void(std::ofstream&)>& body, std::string* error) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  fs::path target = fs::path(dir) / name;
  fs::path temp = fs::path(dir) / (name + "." + std::to_string(::getpid()) + ".tmp");
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out.write(head.data(), static_cast<std::streamsize>(head.size()));
    if (body) body(out);
    if (!out) {
      if (error) *error = "cannot write " + temp.string();
      fs::remove(temp, ec);
      return false;
    }
  }
  fs::rename(temp, target, ec);
  if (ec) {
    if (error) *error = "cannot replace " + target.string() + ": " + ec.message();
    fs::remove(temp, ec);
    return false;
  }
  return true;
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

uint64_t frame_checksum(uint64_t seed, std::string_view bytes) { return combine_hash(seed, content_hash(bytes)); }

std::optional<std::string> read_stamped(const std::string& path, FileStamp* stamp) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st{};
  if (::fstat(fd, &st) != 0) {
    ::close(fd);
    return std::nullopt;
  }
  if (stamp) *stamp = stamp_from(st);
  std::string bytes;
  // One read for the usual case: the size stat gave, plus one byte to see the end.
  size_t want = st.st_size > 0 ? static_cast<size_t>(st.st_size) + 1 : 1 << 16;
  while (true) {
    size_t have = bytes.size();
    bytes.resize(have + want);
    ssize_t n = ::read(fd, bytes.data() + have, want);
    if (n < 0) {
      bytes.resize(have);
      if (errno == EINTR) continue;
      ::close(fd);
      return std::nullopt;  // EIO: an error, not an empty file
    }
    bytes.resize(have + static_cast<size_t>(n));
    if (n == 0) break;
    want = 1 << 16;
  }
  ::close(fd);
  return bytes;
}

LintCache::LintCache(std::string dir, std::string salt)
    : dir_(std::move(dir)),
      salt_(std::move(salt)),
      head_(file_head(kMagic, salt_)),
      seed_(content_hash(head_)),
      run_head_(file_head(kRunMagic, salt_)),
      run_seed_(content_hash(run_head_)) {}

LintCache::~LintCache() {
  if (!out_) return;
  out_.reset();  // never saved: the new file goes
  std::error_code ec;
  fs::remove(temp_, ec);
}

// asynclint.cache: the head (kind, format, salt), then one frame per file
// holding (path, key, encoded result), checksummed under the head's hash.
// Every record is verified as the file is loaded: the first that fails ends
// the reading (its length cannot be trusted either), and only the records
// verified before it are used, and carried over to the next cache file.
void LintCache::load() const {
  if (loaded_) return;
  loaded_ = true;
  auto bytes = slurp(fs::path(dir_) / "asynclint.cache");
  if (!bytes) return;
  buffer_ = std::move(*bytes);
  Reader r(buffer_);
  if (!r.starts_with(head_)) {  // foreign, or another format
    buffer_.clear();
    return;
  }
  try {
    while (!r.done()) {
      size_t start = r.at();
      Reader rec(r.frame(seed_));
      std::string path(rec.s());
      uint64_t key = rec.u();
      size_t blob = start + 8 + rec.at();
      entries_[std::move(path)] = Entry{key, blob, r.at() - 8 - blob, start, r.at() - start, false};
    }
  } catch (const Corrupt&) {
    // Damaged or cut short from here on: what was verified stands.
  }
}

std::optional<FileResult> LintCache::get(const std::string& path, uint64_t key) const {
  std::string_view blob;
  {
    std::lock_guard lock(mutex_);
    load();
    auto it = entries_.find(path);
    if (it == entries_.end() || it->second.key != key || it->second.fresh) return std::nullopt;
    // The buffer is never changed once loaded: the view outlives the lock.
    blob = std::string_view(buffer_).substr(it->second.offset, it->second.size);
  }
  try {
    FileResult r = decode(path, blob);
    std::lock_guard lock(mutex_);
    ++hits_;
    return r;
  } catch (const Corrupt&) {
    return std::nullopt;
  }
}

void LintCache::put(const FileResult& result, uint64_t key) {
  // Straight to the new cache file, encoded once: results are not held in
  // memory until the end of the run.
  Writer w;
  size_t start = w.begin_frame();
  w.s(result.path);
  w.u(key);
  encode(w, result);
  w.end_frame(start, seed_);
  std::lock_guard lock(mutex_);
  load();
  if (!out_) {
    std::error_code ec;
    fs::create_directories(dir_, ec);
    temp_ = fs::path(dir_) / ("asynclint.cache." + std::to_string(::getpid()) + ".tmp");
    out_ = std::make_unique<std::ofstream>(temp_, std::ios::binary | std::ios::trunc);
    out_->write(head_.data(), static_cast<std::streamsize>(head_.size()));
  }
  if (out_) out_->write(w.out.data(), static_cast<std::streamsize>(w.out.size()));
  entries_[result.path] = Entry{key, 0, 0, 0, 0, true};
}

namespace {

struct RunRecord {
  uint64_t key = 0;
  std::vector<std::string_view> paths;
  std::vector<LintCache::RunFile> files;
  uint64_t scan_key = 0;
};

RunRecord run_header(Reader& r) {
  RunRecord rec;
  rec.key = r.u();
  for (size_t n = r.size(); n > 0; --n) {
    rec.paths.push_back(r.s());
    LintCache::RunFile f;
    f.stamp = {r.u(), r.u(), r.u(), r.u(), r.u()};
    f.content = r.u();
    f.may_hold_async = r.b();
    f.async_defs = strings(r);
    uint64_t scan = r.u();
    if (scan > 2) throw Corrupt();
    f.scan = static_cast<LintCache::RunFile::Scan>(scan);
    rec.files.push_back(std::move(f));
  }
  rec.scan_key = r.u();
  if (!r.done()) throw Corrupt();
  return rec;
}

uint64_t now_ns() {
  timespec ts{};
  clock_gettime(CLOCK_REALTIME, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1000000000ull + static_cast<uint64_t>(ts.tv_nsec);
}

// asynclint.run: the head (kind, format, salt), then two frames: the index
// (key, paths, what is known of each file), checksummed under the head's
// hash, and the findings, checksummed under the index's checksum.
std::string encode_run(std::string_view head, uint64_t seed, uint64_t key, const std::vector<std::string>& paths,
                       std::vector<LintCache::RunFile>& files, const std::vector<FileResult>& results,
                       uint64_t started_ns, uint64_t scan_key) {
  // Timestamps are as coarse as a few milliseconds on some file systems, two
  // seconds on others: a file written that close to the run may change again
  // without its stamp moving.
  constexpr uint64_t kRacy = 2'000'000'000ull;
  Writer w;
  w.out.append(head);
  size_t index = w.begin_frame();
  w.u(key);
  w.u(paths.size());
  for (size_t i = 0; i < paths.size(); ++i) {
    LintCache::RunFile& f = files[i];
    if (f.stamp.mtime_ns + kRacy > started_ns || f.stamp.ctime_ns + kRacy > started_ns) f.stamp = {};
    w.s(paths[i]);
    for (uint64_t v : {f.stamp.size, f.stamp.mtime_ns, f.stamp.ctime_ns, f.stamp.ino, f.stamp.dev}) w.u(v);
    w.u(f.content);
    w.b(f.may_hold_async);
    put_strings(w, f.async_defs);
    w.u(static_cast<uint64_t>(f.scan));
  }
  w.u(scan_key);
  uint64_t sum = w.end_frame(index, seed);
  size_t found = w.begin_frame();
  for (const FileResult& r : results) put_findings(w, r);
  w.end_frame(found, sum);
  return std::move(w.out);
}

}  // namespace

bool stamp_of(const std::string& path, FileStamp* stamp) {
  struct stat st{};
  if (::stat(path.c_str(), &st) != 0) return false;
  *stamp = stamp_from(st);
  return true;
}

std::optional<std::vector<FileResult>> LintCache::get_run(uint64_t key, const std::vector<std::string>& paths) {
  auto bytes = slurp(fs::path(dir_) / "asynclint.run");
  if (!bytes) return std::nullopt;
  prior_.clear();
  try {
    Reader r(*bytes);
    if (!r.starts_with(run_head_)) return std::nullopt;  // foreign, or another format
    // Both frames are verified before anything in them is used: a damaged
    // index tells nothing; damaged findings leave what the index knows.
    uint64_t sum = 0;
    Reader index(r.frame(run_seed_, &sum));
    RunRecord rec = run_header(index);
    std::optional<std::string_view> found;
    try {
      found = r.frame(sum);
      if (!r.done()) found.reset();
    } catch (const Corrupt&) {
    }
    // On a miss, what is known of each file still spares reading the unchanged ones.
    auto keep_prior = [&] {
      for (size_t i = 0; i < rec.paths.size(); ++i)
        if (rec.files[i].stamp != FileStamp{}) prior_[std::string(rec.paths[i])] = std::move(rec.files[i]);
      prior_scan_key_ = rec.scan_key;
      return std::nullopt;
    };
    if (!found || rec.key != key || rec.paths.size() != paths.size()) return keep_prior();
    uint64_t started = now_ns();
    bool refreshed = false;
    for (size_t i = 0; i < paths.size(); ++i) {
      if (rec.paths[i] != paths[i]) return keep_prior();
      LintCache::RunFile& f = rec.files[i];
      FileStamp now;
      if (!stamp_of(paths[i], &now)) return keep_prior();
      if (f.stamp != FileStamp{} && now == f.stamp) continue;
      // The stamp moved (or was too recent to trust): the content decides.
      auto text = read_stamped(paths[i], &now);
      if (!text || content_hash(*text) != f.content) return keep_prior();
      f.stamp = now;
      refreshed = true;
    }
    Reader in(*found);
    std::vector<FileResult> results(paths.size());
    for (size_t i = 0; i < paths.size(); ++i) {
      results[i].path = paths[i];
      findings(in, results[i]);
    }
    if (!in.done()) throw Corrupt();
    // Stamps that can be trusted now spare the next run the hashing.
    if (refreshed) run_ = encode_run(run_head_, run_seed_, key, paths, rec.files, results, started, rec.scan_key);
    hits_ += paths.size();
    return results;
  } catch (const Corrupt&) {
    prior_.clear();
    return std::nullopt;
  }
}

const LintCache::RunFile* LintCache::prior(const std::string& path) const {
  auto it = prior_.find(path);
  return it == prior_.end() ? nullptr : &it->second;
}

void LintCache::put_run(uint64_t key, const std::vector<std::string>& paths, std::vector<RunFile> files,
                        const std::vector<FileResult>& results, uint64_t started_ns, uint64_t scan_key) {
  run_ = encode_run(run_head_, run_seed_, key, paths, files, results, started_ns, scan_key);
}

bool LintCache::save(std::string* error) {
  if (out_) {
    // The (verified) records of earlier runs not linted again follow the new
    // ones, as read.
    for (const auto& [path, e] : entries_)
      if (!e.fresh) out_->write(buffer_.data() + e.record, static_cast<std::streamsize>(e.record_size));
    out_->close();
    bool written = !out_->fail();
    out_.reset();
    std::error_code ec;
    fs::path target = fs::path(dir_) / "asynclint.cache";
    if (!written) {
      if (error) *error = "cannot write " + temp_.string();
      fs::remove(temp_, ec);
      return false;
    }
    fs::rename(temp_, target, ec);  // atomic: readers see the old cache or the new one
    if (ec) {
      if (error) *error = "cannot replace " + target.string() + ": " + ec.message();
      fs::remove(temp_, ec);
      return false;
    }
  }
  if (run_) {
    if (!write_atomically(dir_, "asynclint.run", *run_, nullptr, error)) return false;
    run_.reset();
  }
  // A cache folder explains itself and keeps out of version control, as ruff's does.
  std::error_code ec;
  if (fs::exists(dir_, ec) && !fs::exists(fs::path(dir_) / ".gitignore", ec))
    std::ofstream(fs::path(dir_) / ".gitignore") << "*\n";
  return true;
}

}  // namespace asl
