// What the per-file pass records for the project-wide analyses (missing await
// across files, transitive blocking): a compact summary of each file, so that
// trees can be freed as soon as a file is done.
#pragma once

#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/semantic_model.h"
#include "core/source_file.h"

namespace asl {

// A call whose meaning depends on other functions of the project.
struct CallFact {
  enum class Kind {
    MissingAwait,  // the call's coroutine (if it is one) is dropped or used as data
    AsyncCall,     // a call made in async code (blocking if the callee blocks)
  };
  Kind kind = Kind::AsyncCall;
  bool in_async = false;
  std::string ref;          // the callee, as SemanticModel::resolve_project_callee names it
  std::string callee_text;  // as written
  std::string caller;       // enclosing function qualname, for chains
  std::string problem;      // MissingAwait: what happens to the coroutine
  uint32_t start_byte = 0, end_byte = 0;
  Location start, end;
};

struct BlockingCall {
  std::string code;         // the blocking rule that matches it
  std::string callee_text;  // as written
};

struct FunctionFacts {
  std::string qualname;  // within the module ("f", "C.m", "f.<locals>.g")
  bool is_async = false;
  bool is_coroutine_function = false;  // async, not a generator, no decorator that may change it
  std::optional<BlockingCall> blocks;  // the first blocking call in its own body
  std::vector<std::string> callees;    // project references called from its body (sync functions)
};

struct ClassFacts {
  std::string qualname;
  std::vector<std::string> bases;  // project references, best effort
};

// What every file of a run shares: the project's module names, and the names
// of every `async def` in it (a call by any other name cannot start a project
// coroutine, which spares most calls the missing-await analysis).
struct ProjectScope {
  std::unordered_set<std::string> modules;
  std::unordered_set<std::string> async_names;
};

struct FileFacts {
  ModuleInfo module;
  std::vector<FunctionFacts> functions;
  std::vector<ClassFacts> classes;
  // Module-level imports: `name` here stands for `target` (re-exports).
  std::vector<std::pair<std::string, std::string>> imports;
  std::vector<CallFact> calls;
};

}  // namespace asl
