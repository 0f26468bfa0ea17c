// --emit-cmake: a CMakeLists.txt beside a C++ translation that builds it
// against Boost (headers), fmt and the asynctranslate runtime headers.
#pragma once

#include <string>

namespace asl::tr {

// The project text for `source` (a file name in the same directory).
std::string cmake_project(const std::string& source_file_name);
// Writes CMakeLists.txt into the directory of `output_path`.
bool write_cmake_project(const std::string& output_path);

}  // namespace asl::tr
