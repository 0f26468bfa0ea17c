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
  std::string args;         // AsyncCall: its arguments, as FunctionFacts::callee_args
  uint32_t start_byte = 0, end_byte = 0;
  Location start, end;
};

struct BlockingCall {
  std::string code;         // the blocking rule that matches it
  std::string callee_text;  // as written
  // The conditions on the function's parameters under which the call runs,
  // space-separated: `N:p` p is None, `V:p` p is not None, `T:p` p is true,
  // `F:p` p is false (from the `if`/`elif`/`else` around it). Empty: always.
  std::string guard;
};

struct FunctionFacts {
  std::string qualname;  // within the module ("f", "C.m", "f.<locals>.g")
  bool is_async = false;
  bool is_coroutine_function = false;  // async, not a generator, no decorator that may change it
  std::optional<BlockingCall> blocks;  // the first blocking call in its own body
  // Blocking calls after the first that run under other conditions (BlockingCall::guard).
  std::vector<BlockingCall> more_blocks;
  std::vector<std::string> callees;    // project references called from its body (sync functions)
  // For each callee: the guard of its call (as BlockingCall::guard) and the
  // arguments it passes, by position or keyword, with what is known of each
  // value ("0=N 1=? kw=T": N None, F false, T true, V not None, ? unknown;
  // "*" when *args or **kwargs make the binding unknown).
  std::vector<std::string> callee_guards, callee_args;
  // The parameters a caller's arguments bind, without a method's self:
  // "name" or "name=C" with C the class of a constant default (N, F, T, V);
  // "*" marks where keyword-only ones start.
  std::vector<std::string> params;
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
