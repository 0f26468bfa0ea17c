// libFuzzer entry point for the fix pipeline (pipelines.h).
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "pipelines.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto broken = asl::robustness::fix_pipeline({reinterpret_cast<const char*>(data), size});
  if (broken) {
    std::fprintf(stderr, "fuzz_fix: invariant broken: %s\n", broken->c_str());
    std::abort();
  }
  return 0;
}
