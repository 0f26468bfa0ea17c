#include "run_tool.h"

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;

namespace asl::robustness {

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string ToolResult::describe() const {
  std::string head = timed_out ? "timed out" : signaled ? "killed by signal " + std::to_string(status - 128)
                                                        : "exit " + std::to_string(status);
  auto cut = [](const std::string& s) { return s.size() > 2000 ? s.substr(0, 2000) + "..." : s; };
  return head + " after " + std::to_string(seconds) + " s\n--- stdout ---\n" + cut(out) + "\n--- stderr ---\n" + cut(err);
}

ScratchDir::ScratchDir() {
  std::string tmpl = (fs::temp_directory_path() / "asynclint_robustness_XXXXXX").string();
  if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  path_ = tmpl;
}

ScratchDir::~ScratchDir() {
  std::error_code ec;
  // Tests take permissions away; give them back so that the folder can go.
  for (auto it = fs::recursive_directory_iterator(path_, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
    if (!it->is_symlink(ec)) fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
  fs::remove_all(path_, ec);
}

fs::path ScratchDir::write(const std::string& name, const std::string& bytes) const {
  fs::path p = path_ / name;
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << bytes;
  return p;
}

ToolResult run_tool(const std::string& binary, const std::vector<std::string>& args, const RunOptions& options) {
  ScratchDir io;
  fs::path in = io.write("stdin", options.input), out = io.path("stdout"), err = io.path("stderr");
  auto start = std::chrono::steady_clock::now();
  pid_t pid = ::fork();
  if (pid == 0) {
    int fi = ::open(in.c_str(), O_RDONLY), fo = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600),
        fe = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(fi, 0), ::dup2(fo, 1), ::dup2(fe, 2);
    if (options.max_file_size) {
      rlimit lim{*options.max_file_size, *options.max_file_size};
      ::setrlimit(RLIMIT_FSIZE, &lim);
    }
    if (options.ignore_file_size_signal) std::signal(SIGXFSZ, SIG_IGN);
    // A cache of its own, gone with the run: no stale hits, no .asynclint_cache left behind.
    ::setenv("ASYNCLINT_CACHE_DIR", io.path("cache").c_str(), 1);
    std::vector<char*> argv{const_cast<char*>(binary.c_str())};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(binary.c_str(), argv.data());
    ::_exit(127);
  }
  ToolResult r;
  int st = 0;
  auto deadline = start + std::chrono::seconds(options.timeout_seconds);
  while (::waitpid(pid, &st, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &st, 0);
      r.timed_out = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.signaled = WIFSIGNALED(st);
  r.status = r.signaled ? 128 + WTERMSIG(st) : WEXITSTATUS(st);
  r.out = read_file(out);
  r.err = read_file(err);
  return r;
}

}  // namespace asl::robustness
