// Shared by the translation CLI tests: runs asynctranslate on a Python text.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

namespace asl::tr::testing {

struct CliRun {
  int status;
  std::string out;  // stdout and stderr, the input's path replaced by "IN"
};

inline CliRun run_cli(const std::string& args, const std::string& input) {
  // One file per test process: ctest runs the tests of one executable in
  // parallel, and a shared name lets one test translate another's input.
  std::string in = ::testing::TempDir() + "/asynctranslate_cli_input_" + std::to_string(::getpid()) + ".py";
  std::ofstream(in, std::ios::binary) << input;
  FILE* p = popen((std::string(ASYNCTRANSLATE_BINARY) + " " + args + " " + in + " 2>&1").c_str(), "r");
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int st = pclose(p);
  std::remove(in.c_str());
  // Paths differ per machine; tests compare what follows the file name.
  for (size_t at = out.find(in); at != std::string::npos; at = out.find(in)) out.replace(at, in.size(), "IN");
  return {WEXITSTATUS(st), out};
}

}  // namespace asl::tr::testing
