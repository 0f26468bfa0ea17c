// The rule catalog: rules and the type knowledge used for receiver tracking,
// loaded from TOML (rules/ in the source tree, embedded into the binary).
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace asl {

// A condition on one argument of a call: `name@position`, holding when the
// argument is one of `is`: "missing", "present", a qualified name (through
// imports and local constants) or literal source text, "|NAME" for the flag
// NAME alone or among flags combined with `|`, or "str:GLOB" for a string
// literal whose value GLOB matches (`*` any run of characters).
struct ArgCondition {
  std::string name;
  int position = -1;
  std::vector<std::string> is;
};

// One `[[calls]]` entry: callees with the same replacement advice.
struct CallPattern {
  std::vector<std::string> names;   // qualified; `T.*` matches every method of T
  std::vector<std::string> except;  // method names excluded from a `T.*` wildcard
  std::string use;                  // the async alternative to suggest
  std::string use_anyio, use_trio;  // the same for anyio / trio projects, when it differs
  std::string cs;                   // the C# equivalent
  std::vector<ArgCondition> when;   // all must hold
  std::vector<ArgCondition> unless; // none may hold
  // Exceptions that mark the call as used in non-blocking mode when an
  // enclosing `try` catches them (`except BlockingIOError:` around sock.recv).
  std::vector<std::string> unless_caught;
  // Methods of the receiver whose polling loop right before the call makes it
  // return at once: "empty" for `while q.empty(): await ...` before q.get(),
  // "not is_set" for `while not e.is_set(): await ...` before e.wait().
  std::vector<std::string> unless_polled;
  // Methods that make the call's result non-blocking when it is handed to them
  // later in the same function and its first argument is a socket's
  // descriptor: `f = os.fdopen(sock.detach(), "rb")` then
  // `loop.connect_read_pipe(factory, f)`.
  std::vector<std::string> unless_piped;
  uint32_t line = 0;
};

struct RuleDoc {
  std::string what, why, example, use_instead, cs;
};

struct Rule {
  std::string code;
  std::string name;
  std::string summary;
  std::string message;  // template: {callee} {use} {cs} {detail}
  std::string kind;     // "call": matched by the call engine; "check": C++ code
  bool default_enabled = true;
  std::vector<std::string> aliases;  // other tools' codes with the same meaning (noqa, select)
  std::vector<CallPattern> calls;
  RuleDoc doc;
  std::string source;   // file the rule came from
};

// Names the configuration gives some checks (flake8-async's options of the
// same names): startable functions for ASYNC113/114, decorators that exempt a
// function from ASYNC910/911 or make an async generator safe (ASYNC101, 119,
// 900), context managers that may swallow exceptions (ASYNC910/911). Names
// may hold `*` wildcards.
struct CheckOptions {
  std::vector<std::string> startable_in_context_manager;
  std::vector<std::string> no_checkpoint_warning_decorators;
  std::vector<std::string> transform_async_generator_decorators;
  std::vector<std::string> exception_suppress_context_managers;
};

struct Catalog {
  std::vector<Rule> rules;
  CheckOptions options;
  // Receiver tracking: callable -> type of its result.
  std::unordered_map<std::string, std::string> returns;
  // Type aliases (annotation spellings) -> canonical type.
  std::unordered_map<std::string, std::string> aliases;
  // Types whose attributes / subscripts yield another type (pymongo databases).
  std::unordered_map<std::string, std::string> attributes;
  std::unordered_set<std::string> type_names;
  // Library functions and methods that return a coroutine or another
  // awaitable that does nothing until awaited (missing-await detection).
  std::unordered_set<std::string> coroutines;

  const Rule* find(std::string_view code_or_name) const;
};

struct CatalogError {
  std::string file;
  uint32_t line = 0, column = 0;
  std::string message;
};

// Adds one TOML document to the catalog. Returns false and fills `error` on a
// malformed document (unknown keys included).
bool load_catalog_document(Catalog& catalog, const std::string& file, std::string_view text,
                           CatalogError* error);

// Cross-document checks: unique codes and names, every call rule has calls.
bool validate_catalog(const Catalog& catalog, CatalogError* error);

// The catalog built into the binary (rules/ at build time), parsed once.
const Catalog& builtin_catalog();

struct EmbeddedFile {
  const char* path;
  const char* text;
};
// Defined in the generated embedded_rules.cpp.
extern const EmbeddedFile kEmbeddedRuleFiles[];
extern const size_t kEmbeddedRuleFileCount;

}  // namespace asl
