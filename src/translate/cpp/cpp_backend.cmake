# The C++ backend (included from src/translate/CMakeLists.txt): its sources
# and its mapping table, rules/translate/cpp/*.toml, embedded as strings.
file(GLOB CPP_API_FILES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/rules/translate/cpp/*.toml)
list(SORT CPP_API_FILES)
set(CPP_API_NAMES "")
set(CPP_API_TEXTS "")
foreach(f ${CPP_API_FILES})
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${f})
  file(READ ${f} text)
  file(RELATIVE_PATH rel ${PROJECT_SOURCE_DIR} ${f})
  string(APPEND CPP_API_NAMES "  \"${rel}\",\n")
  string(APPEND CPP_API_TEXTS "  R\"asl_cpp_api(${text})asl_cpp_api\",\n")
endforeach()
list(LENGTH CPP_API_FILES CPP_API_COUNT)
set(EMBEDDED_CPP_API ${CMAKE_CURRENT_BINARY_DIR}/embedded_cpp_api.cpp)
file(CONFIGURE OUTPUT ${EMBEDDED_CPP_API}
  CONTENT "// Generated from rules/translate/cpp; do not edit.\n#include <cstddef>\nnamespace asl::tr::cpp {\nextern const char* const kCppApiFiles[];\nextern const char* const kCppApiTexts[];\nextern const size_t kCppApiFileCount;\nconst char* const kCppApiFiles[] = {\n@CPP_API_NAMES@};\nconst char* const kCppApiTexts[] = {\n@CPP_API_TEXTS@};\nconst size_t kCppApiFileCount = @CPP_API_COUNT@;\n}\n"
  @ONLY)

target_sources(asl_translate PRIVATE
  cpp/cpp_api_table.cpp
  cpp/cpp_expr.cpp
  cpp/cpp_module.cpp
  cpp/cpp_names.cpp
  cpp/cpp_package.cpp
  cpp/cpp_stmt.cpp
  cpp/cpp_types.cpp
  ${EMBEDDED_CPP_API})
target_sources(asl_translate PRIVATE cpp/cmake_project.cpp)

# The runtime headers are installed with the tool; generated CMake projects
# look for them there first, then in this source tree.
include(GNUInstallDirs)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/runtime/cpp/asynctranslate DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
set_source_files_properties(cpp/cmake_project.cpp PROPERTIES COMPILE_DEFINITIONS
  "ASYNCTRANSLATE_INSTALLED_RUNTIME=\"${CMAKE_INSTALL_FULL_INCLUDEDIR}\";ASYNCTRANSLATE_SOURCE_RUNTIME=\"${PROJECT_SOURCE_DIR}/runtime/cpp\"")
