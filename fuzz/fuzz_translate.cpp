// libFuzzer entry point for the translate pipeline (pipelines.h).
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "pipelines.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto broken = asl::robustness::translate_pipeline({reinterpret_cast<const char*>(data), size});
  if (broken) {
    std::fprintf(stderr, "fuzz_translate: invariant broken: %s\n", broken->c_str());
    std::abort();
  }
  return 0;
}
