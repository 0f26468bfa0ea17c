# The C++ backend's tests (included from tests/translate/CMakeLists.txt).
add_executable(translate_cpp_tests cpp_golden_test.cpp cpp_unsupported_test.cpp cpp_nesting_test.cpp)
target_link_libraries(translate_cpp_tests PRIVATE asl_translate GTest::gtest GTest::gtest_main)
target_compile_definitions(translate_cpp_tests PRIVATE ASYNCLINT_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
  ASYNCTRANSLATE_BINARY="$<TARGET_FILE:asynctranslate>")
target_compile_options(translate_cpp_tests PRIVATE ${ASYNCLINT_WARNINGS})
add_dependencies(translate_cpp_tests asynctranslate)
gtest_discover_tests(translate_cpp_tests DISCOVERY_TIMEOUT 60)

# One process per compiler builds every case once (one CMake project) and runs them.
add_executable(translate_cpp_run_tests cpp_run_test.cpp)
target_link_libraries(translate_cpp_run_tests PRIVATE asl_translate GTest::gtest GTest::gtest_main)
target_compile_definitions(translate_cpp_run_tests PRIVATE ASYNCLINT_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
  ASYNCTRANSLATE_CPP_WORK_DIR="${CMAKE_CURRENT_BINARY_DIR}/cpp-cases")
target_compile_options(translate_cpp_run_tests PRIVATE ${ASYNCLINT_WARNINGS})
add_test(NAME translate_cpp_compile_and_run_gcc COMMAND translate_cpp_run_tests --gtest_filter=Cases/GccCases.*)
add_test(NAME translate_cpp_compile_and_run_clang COMMAND translate_cpp_run_tests --gtest_filter=Cases/ClangCases.*)
set_tests_properties(translate_cpp_compile_and_run_gcc translate_cpp_compile_and_run_clang PROPERTIES
  TIMEOUT 1800 RUN_SERIAL TRUE)

# The runtime headers on their own (runtime/cpp/asynctranslate), with GoogleTest.
find_package(Boost 1.81 REQUIRED)
find_package(fmt REQUIRED)
find_package(Threads REQUIRED)
add_executable(translate_cpp_runtime_tests cpp_runtime_test.cpp)
target_include_directories(translate_cpp_runtime_tests PRIVATE ${PROJECT_SOURCE_DIR}/runtime/cpp)
target_link_libraries(translate_cpp_runtime_tests PRIVATE Boost::headers fmt::fmt Threads::Threads GTest::gtest GTest::gtest_main)
# clang 14 cannot emit coroutines built with UBSan ("Cannot represent a
# difference across sections"): the sanitizer build checks them with ASan alone.
if(ASYNCLINT_SANITIZE AND CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  target_compile_options(translate_cpp_runtime_tests PRIVATE -fno-sanitize=undefined)
endif()
gtest_discover_tests(translate_cpp_runtime_tests DISCOVERY_TIMEOUT 60)
