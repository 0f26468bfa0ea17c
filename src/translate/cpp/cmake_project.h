// --emit-cmake: a CMakeLists.txt beside a C++ translation that builds it
// against Boost (headers), fmt and the asynctranslate runtime headers.
#pragma once

#include <string>
#include <vector>

namespace asl::tr {

// The project text for `source` (a file name in the same directory).
std::string cmake_project(const std::string& source_file_name);
// A package's project: one executable `target` of `sources` (relative paths),
// whose headers include each other from the project's folder.
// The runtime headers every module includes are precompiled once.
std::string cmake_project(const std::string& target, const std::vector<std::string>& sources,
                          const std::vector<std::string>& runtime_headers);
// Writes CMakeLists.txt into the directory of `output_path`.
bool write_cmake_project(const std::string& output_path);

}  // namespace asl::tr
