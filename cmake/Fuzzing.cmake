# ASYNCLINT_FUZZ: libFuzzer targets under fuzz/. Every library is compiled with
# coverage instrumentation (-fsanitize=fuzzer-no-link) plus ASan and UBSan so
# that the fuzzer sees into the code it drives and a memory error stops it.
if(NOT ASYNCLINT_FUZZ)
  return()
endif()
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang" OR NOT CMAKE_C_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "ASYNCLINT_FUZZ needs clang (libFuzzer): configure with "
                      "-DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++")
endif()
# UBSan findings abort instead of printing and going on, so the fuzzer keeps them.
add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
                    -fno-omit-frame-pointer)
add_link_options(-fsanitize=address,undefined)
