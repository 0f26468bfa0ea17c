// The .NET project of a translation (a package, or a file with --emit-csproj).
#pragma once

#include <string>

namespace asl::tr {

// An executable named `name` built from the .cs files in the project's folder.
std::string dotnet_project(const std::string& name);

}  // namespace asl::tr
