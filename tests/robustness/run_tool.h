// Runs asynclint / asynctranslate as a child process with its own standard
// input, resource limits and a deadline, so that a hang or a crash becomes a
// test failure with the exit status, output and time to show for it.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace asl::robustness {

struct RunOptions {
  std::string input;                          // standard input
  int timeout_seconds = 60;                   // then the child is killed
  std::optional<unsigned long> max_file_size;  // RLIMIT_FSIZE in bytes
  bool ignore_file_size_signal = false;       // writes past the limit fail with EFBIG instead of killing
};

struct ToolResult {
  int status = 0;       // exit code, or 128 + signal when killed by one
  bool signaled = false;
  bool timed_out = false;
  std::string out, err;
  double seconds = 0;
  std::string describe() const;  // for failure messages
};

ToolResult run_tool(const std::string& binary, const std::vector<std::string>& args, const RunOptions& options = {});

inline ToolResult asynclint(const std::vector<std::string>& args, const RunOptions& options = {}) {
  return run_tool(ASYNCLINT_BINARY, args, options);
}
inline ToolResult asynctranslate(const std::vector<std::string>& args, const RunOptions& options = {}) {
  return run_tool(ASYNCTRANSLATE_BINARY, args, options);
}

// A fresh folder under the system temporary folder, removed with its contents.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  std::filesystem::path write(const std::string& name, const std::string& bytes) const;
  std::filesystem::path path(const std::string& name = "") const { return name.empty() ? path_ : path_ / name; }

 private:
  std::filesystem::path path_;
};

std::string read_file(const std::filesystem::path& p);

}  // namespace asl::robustness
