// Package translation: a folder of Python modules -> a .NET project (one .cs
// per module) or a CMake project (a header and a source per module).
#pragma once

#include <string>
#include <vector>

#include "translate/backend.h"
#include "translate/package_model.h"
#include "translate/translator.h"

namespace asl::tr {

struct PackageResult {
  std::vector<EmittedFile> files;  // relative to the output folder, the project file included
  std::vector<PackageDiagnostic> diagnostics;  // by file, then position
};

PackageResult translate_package(const std::string& package_dir, const TranslateOptions& options);

}  // namespace asl::tr
