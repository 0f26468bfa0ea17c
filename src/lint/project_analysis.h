// The project-wide phase: with the facts of every file of the run, resolves
// calls across files (imports, re-exports, methods through base classes) and
// reports missing awaits on project coroutines (AL201/AL204) and transitive
// blocking (AL210). Deterministic whatever the order of the files.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "lint/project_facts.h"
#include "rules/catalog.h"

namespace asl {

// One vector of diagnostics per input file, in input order. A file records
// facts only for the project rules its own settings enable, so the facts
// carry the selection.
// `built`: an index of exactly these files, when the caller has one.
class ProjectResolver;
std::vector<std::vector<Diagnostic>> analyze_project(const std::vector<const FileFacts*>& files,
                                                     const Catalog& catalog, const ProjectResolver* built = nullptr);

class ProjectIndex;

// Resolves project references against the facts of the files parsed so far
// (the project runner uses it to find which other files it must parse).
class ProjectResolver {
 public:
  explicit ProjectResolver(const std::vector<const FileFacts*>& files);
  ~ProjectResolver();
  // A function (a class resolves to its `__init__`), or -1.
  long resolve(std::string_view ref, size_t from) const;
  const FunctionFacts& function(long f) const;
  size_t file_of(long f) const;
  void add(size_t file, const FileFacts& facts);

 private:
  friend std::vector<std::vector<Diagnostic>> analyze_project(const std::vector<const FileFacts*>&, const Catalog&,
                                                              const ProjectResolver*);
  std::unique_ptr<ProjectIndex> index_;
};

// How deep a blocking chain may be before it is no longer followed.
inline constexpr int kMaxBlockingDepth = 8;

}  // namespace asl
