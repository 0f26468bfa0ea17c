// Python API -> target templates, loaded from rules/translate/*.toml (embedded
// into the binary at build time by apigen, which validates every file first).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "translate/types.h"

namespace asl::tr {

// A result type written in the table: `list[$iterable.elem]`, `Awaitable[str]`.
// `$name` is the type of a bound argument (`$self`: the receiver), followed by
// projections: .elem .await .key .value .arg0 .arg1 ...
struct TypePattern {
  std::string ref;                  // set for a `$` reference
  std::vector<std::string> path;    // projections applied to the reference
  std::string name;                 // otherwise: a type name (builtin or qualified)
  std::vector<TypePattern> args;
};

// A condition on a call's argument: present, missing, a literal (`'w'`,
// `True`), or a type kind (`type:list`).
struct ArgTest {
  std::string param;
  std::string is;
};

enum class ApiKind : unsigned char { Function, Method, Attribute };

struct ApiEntry {
  ApiKind kind = ApiKind::Function;
  std::string python;               // qualified: `asyncio.sleep`, `asyncio.Queue.put`, `requests.get().text`
  std::vector<std::string> params;  // `*name` collects the remaining positional arguments
  TypePattern returns;
  std::string context;              // "async" / "sync": only in such a function; empty: anywhere
  std::vector<ArgTest> when;
  std::string cs;                   // C# template: {param} {self} {T0} {type} {{ }}
  std::string cs_cancel;            // C# inside a function that takes a cancellation token ({token})
  std::string cs_spawn;             // C# when the `spawn` argument runs under a token of its own
  std::string spawn;                // the parameter started as a cancellable unit (create_task's `coro`)
  bool cancels = false;             // using this call cancels tasks (Task.cancel, wait_for's timeout)
  bool concurrent = false;          // runs coroutines side by side (gather, as_completed; `spawn` implies it)
  std::string task;                 // returns a started task: "detached" (create_task) or "group" (TaskGroup's)
  bool shields = false;             // its arguments run on when the caller is cancelled (asyncio.shield)
  std::string cpp;                  // C++ template (the next backend)
  std::vector<std::string> cs_using;
  std::string note;                 // comment placed beside the translation
  std::string file;
  uint32_t line = 0;

  int param_index(std::string_view name) const;  // -1 when absent; ignores the `*`
  bool variadic(size_t i) const { return i < params.size() && params[i].starts_with("*"); }
};

// A library type: how it is spelled and how `with` / `async with` enters it.
struct ApiType {
  std::string python;
  std::string cs;                   // {0}, {1}: type arguments
  std::vector<std::string> cs_using;
  std::string with;                 // "dispose", "async-dispose", "lock", "task-group", or empty
  TypePattern enters;               // type bound by `as` (default: the type itself)
  bool has_enters = false;
  bool await_enter = false;         // `async with x as y`: y = await x
  bool exception = false;
  std::string cs_new;               // exception construction template: {0} is the message
  std::string base;                 // a library type whose methods this one shares (PriorityQueue: Queue)
  std::string file;
  uint32_t line = 0;
};

struct ApiTable {
  std::vector<std::unique_ptr<ApiEntry>> entries;
  std::unordered_map<std::string, std::vector<const ApiEntry*>> by_name;  // in file order
  std::map<std::string, ApiType> types;
  std::map<std::string, std::string> modules;  // module -> file where declared

  const std::vector<const ApiEntry*>* find(const std::string& python) const;
  const ApiType* type(const std::string& python) const;
};

struct ApiError {
  std::string file;
  uint32_t line = 0, column = 0;
  std::string message;
};

bool load_api_document(ApiTable& table, const std::string& file, std::string_view text, ApiError* error);
bool validate_api_table(const ApiTable& table, ApiError* error);
bool parse_type_pattern(std::string_view text, TypePattern& out, std::string* error);

// The table built into the binary (rules/translate at build time), parsed once.
const ApiTable& builtin_api_table();

struct EmbeddedApiFile {
  const char* path;
  const char* text;
};
extern const EmbeddedApiFile kEmbeddedApiFiles[];
extern const size_t kEmbeddedApiFileCount;

}  // namespace asl::tr
