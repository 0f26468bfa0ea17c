// Validates a SARIF log against the official SARIF 2.1.0 schema with
// tests/sarif/validate.js (node and `npm ci` in tests/sarif).
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

namespace asl::testing {

struct SarifVerdict {
  int status;          // 0: valid
  std::string output;  // the validator's complaints
};

inline bool sarif_validator_installed() {
  std::filesystem::path dir = std::filesystem::path(ASYNCLINT_SOURCE_DIR) / "tests/sarif";
  return std::filesystem::exists(dir / "node_modules/@microsoft/jest-sarif") &&
         std::system("node --version >/dev/null 2>&1") == 0;
}

inline SarifVerdict validate_sarif(const std::string& log) {
  namespace fs = std::filesystem;
  static int counter = 0;
  fs::path tmp = fs::temp_directory_path() /
                 ("asynclint_sarif_" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + ".json");
  std::ofstream(tmp, std::ios::binary) << log;
  std::string cmd = "node " + (fs::path(ASYNCLINT_SOURCE_DIR) / "tests/sarif/validate.js").string() + " " +
                    tmp.string() + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  char buf[512];
  while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  int st = pclose(p);
  fs::remove(tmp);
  return {WIFEXITED(st) ? WEXITSTATUS(st) : -1, out};
}

}  // namespace asl::testing
