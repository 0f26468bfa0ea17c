// How the value of an expression (a call, or a name holding its result) is
// used, judged from its syntactic context. Missing-await detection needs it.
#pragma once

#include <string>

#include "core/semantic_model.h"

namespace asl {

enum class Usage {
  Awaited,    // await x
  Discarded,  // an expression statement
  Returned,   // return / yield / lambda body
  Scheduled,  // passed to gather, create_task, run, wait_for, a task group ...
  Passed,     // passed to another function: it may await it
  Stored,     // put in a container, an attribute or a subscript
  Bound,      // assigned to a name: look at the name's uses
  Data,       // used as a plain value: condition, operand, attribute, subscript, print(...)
  Unknown,
};

struct UseSite {
  Usage usage = Usage::Unknown;
  TSNode name{};  // Bound: the name assigned
};

// `node` is the expression, `parent` its parent (null: ask the tree).
UseSite classify_use(const SemanticModel& model, TSNode node, TSNode parent, int scope);

// For a coroutine bound to `name` at byte `after` in function or module node
// `body`: the first use that makes it run (awaited, passed, stored ...) or,
// failing that, the first use as data. `data_line` is 0 when the name is
// never used at all.
struct BoundUses {
  bool runs = false;
  uint32_t data_line = 0;
};
BoundUses analyze_bound_name(const SemanticModel& model, TSNode body, std::string_view name, uint32_t after,
                             int scope);

}  // namespace asl
