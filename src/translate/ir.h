// The translator's intermediate representation: a typed, target-neutral tree
// lowered from tree-sitter's syntax tree. Every node keeps its source position
// so that backends can place comments and report problems precisely.
#pragma once

#include <memory>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include "translate/types.h"

namespace asl::tr {

struct ApiEntry;

struct SourcePos {
  unsigned line = 0, column = 0;  // 1-based; column in code points
};

enum class ExprKind : unsigned char {
  Name, Int, Float, Str, Bool, None,
  FString,      // parts
  Binary,       // text: Python operator; items: left, right
  Unary,        // text: "-", "+", "~"; items[0]
  Not,          // items[0]
  BoolOp,       // text: "and"/"or"; items: left, right
  Compare,      // ops[i] between items[i] and items[i+1] (chained)
  Conditional,  // items: then, condition, else
  Call,         // a function of the module or a local callable: text = name; args. With
                // object and no text: a call of that callable value (`handlers[k](x)`)
  New,          // constructor of a module class: text = class; args
  MethodCall,   // object.text(args) on a module class; a Self Name `super` as object: the base's method
  ApiCall,      // api: mapped library call; object: receiver (may be null); args bound to api params
  ApiAttr,      // api: mapped library attribute; object: receiver
  Attribute,    // object.text on a module class (field or property)
  Subscript,    // items: value, index
  Slice,        // items: value, start?, stop? (null entries for missing parts)
  List, Set, Tuple,  // items
  Dict,         // items: k0, v0, k1, v1...
  Comprehension,  // text: "list"/"set"/"dict"/"gen"; items: element (key, value for dict); clauses
  Lambda,       // params, items[0]: body
  Await,        // items[0]
  Starred,      // items[0]: an iterable spread into a variadic parameter
  IsInstance,   // items[0]: value; type: the tested type (result is bool)
  Cast,         // items[0] converted to `type` (int(x), float(x), str(x))
  Unwrap,       // items[0], an Optional the code has shown not to be None, read as `type`
  BoundMethod,  // object.text as a value (a callback): a method of a module class, bound to that object once
};

// Which declaration a Name refers to, so backends can apply their naming rules.
enum class NameKind : unsigned char { Local, Param, Global, Constant, Function, Class, Self, Field, Exception };

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

struct Arg {
  std::string name;  // parameter name (keyword, or bound by the API table); empty: positional
  ExprPtr value;
};

struct FStringPart {
  std::string text;   // literal text (when expr is null)
  ExprPtr expr;
  std::string spec;   // Python format spec after ':'
  char conversion = 0;  // 'r', 's' or 0
};

struct CompClause {
  ExprPtr target;  // Name or Tuple of Names
  ExprPtr iter;
  std::vector<ExprPtr> conditions;
};

struct Param {
  std::string name;
  Type type;
  ExprPtr default_value;
  SourcePos pos;
  bool keyword_only = false;
  bool inferred = false;  // unannotated: typed by its default and the module's call sites
  SourcePos typed_at;     // the call site that first gave it a known type
};

struct Expr {
  ExprKind kind;
  Type type;
  SourcePos pos;
  std::string text;
  NameKind name_kind = NameKind::Local;
  std::vector<ExprPtr> items;
  std::vector<std::string> ops;
  std::vector<Arg> args;
  std::vector<FStringPart> parts;
  std::vector<CompClause> clauses;
  std::vector<Param> params;
  ExprPtr object;
  const ApiEntry* api = nullptr;
  std::string python;  // the original source text, for comments beside mapped calls
  // Cancellation (concurrency.cpp): a Call/MethodCall whose callee takes the
  // caller's cancellation token; an ApiCall that starts its `spawn` argument
  // under a token of its own (create_task, wait_for in a module that cancels).
  bool pass_token = false, spawn = false;

  Expr(ExprKind k, Type t, SourcePos p) : kind(k), type(std::move(t)), pos(p) {}
};

struct Stmt;
using StmtPtr = std::unique_ptr<Stmt>;
using Block = std::vector<StmtPtr>;
struct Function;

enum class StmtKind : unsigned char {
  Expr,        // value
  Declare,     // a local's first assignment: target (Name), value (may be null: default value)
  Assign,      // target = value (op: augmented operator without '=', or empty)
  Unpack,      // targets = value; declare: introduce the names
  Return,      // value may be null
  Yield,       // value
  If,          // branches (condition, block); orelse
  While,       // value: condition; body
  ForEach,     // targets (one Name or several for unpacking), value: iterable; body; is_async: `async for`
  ForRange,    // targets[0]; range_args: start, stop, step (step may be null); body
  Break, Continue,
  Try,         // body, handlers, orelse, finally_body
  Raise,       // value may be null (re-raise); cause
  With,        // items; body
  LocalFunction,  // function
  Comment,     // text
  Todo,        // text: what could not be translated; python: the source it came from
};

struct ExceptHandler {
  std::vector<Type> types;  // empty: bare `except:`
  std::string name;         // `as e`, may be empty
  Block body;
  SourcePos pos;
};

// How a `with` item is entered and left; backends choose the target idiom.
enum class WithKind : unsigned char {
  Dispose,       // using
  AsyncDispose,  // await using
  Lock,          // acquire/release around the body (asyncio.Lock, Semaphore)
  TaskGroup,     // collect started tasks, await them all at the end
  Timeout,       // asyncio.timeout: the body's awaits are cancelled at the deadline, then TimeoutError
};

struct WithItem {
  ExprPtr value;
  std::string name;  // may be empty
  Type type;         // type of the bound name
  WithKind kind = WithKind::Dispose;
  bool await_enter = false;  // the entered value comes from awaiting `value`
};

struct Stmt {
  StmtKind kind;
  SourcePos pos;
  std::vector<std::string> comments;   // leading comment lines (without '#')
  std::string trailing_comment;
  std::string note;                    // translator's remark (e.g. a replaced blocking call)
  ExprPtr target, value, cause;
  std::vector<ExprPtr> targets;
  std::vector<ExprPtr> range_args;
  std::string op, text, python;
  bool declare = false, is_async = false;
  bool blank_before = false;  // a blank line preceded it in the source
  std::vector<std::pair<ExprPtr, Block>> branches;
  Block body, orelse, finally_body;
  std::vector<ExceptHandler> handlers;
  std::vector<WithItem> items;
  std::unique_ptr<Function> function;

  Stmt(StmtKind k, SourcePos p) : kind(k), pos(p) {}
};

struct Function {
  std::string name;
  SourcePos pos;
  bool is_async = false, is_generator = false;
  bool is_method = false, is_static = false, is_property = false, is_constructor = false;
  bool is_entry = false;  // the program's entry point (asyncio.run target or synthesized)
  bool cancellable = false;  // may run inside a task that Python cancels: takes a cancellation token
  std::vector<Param> params;
  Type result;            // None for no result; AsyncIterator/Iterator for generators
  Block body;
  std::string doc;
  std::vector<std::string> comments;
  std::vector<ExprPtr> base_args;  // constructor: super().__init__(...) arguments
};

struct Field {
  std::string name;
  Type type;
  ExprPtr init;  // dataclass default or class attribute value
  SourcePos pos;
};

struct Class {
  std::string name;
  SourcePos pos;
  std::string base;        // a module class, or an exception type (qualified Python name)
  bool is_dataclass = false, is_exception = false;
  bool ordered = false;  // @dataclass(order=True): <, <=, >, >= compare the fields as a tuple
  bool value_eq = false; // a dataclass whose fields all compare by value: == compares them
  std::vector<Field> fields;
  std::vector<Function> methods;
  std::string doc;
  std::vector<std::string> comments;
};

struct ModuleVar {
  std::string name;
  Type type;
  ExprPtr value;
  bool constant = false;  // a literal, never reassigned: `const`
  bool reassigned = false;  // assigned by a function (`global x`)
  SourcePos pos;
  std::vector<std::string> comments;
  std::string trailing_comment;
};

// Module members in source order; exactly one pointer is set.
struct ModuleItem {
  std::unique_ptr<ModuleVar> var;
  std::unique_ptr<Function> function;
  std::unique_ptr<Class> klass;
  std::unique_ptr<Stmt> stmt;  // a comment, or a construct that could not be translated
};

struct Module {
  std::string path;
  std::string doc;
  bool cancels = false;     // cancels tasks (Task.cancel, wait_for's timeout): CancelledError is not an Exception
  bool concurrent = false;  // runs coroutines side by side (create_task, gather, as_completed, ...)
  bool detaches = false;    // starts tasks nothing need wait for (create_task): asyncio.run cancels them at its end
  std::vector<ModuleItem> items;
  std::vector<std::string> trailing_comments;
};

ExprPtr make(ExprKind k, Type t, SourcePos p);
// The value of a Python integer literal (decimal, 0x, 0o, 0b; underscores
// removed), or nothing when it does not fit in 64 bits.
std::optional<long long> int_literal_value(std::string_view literal);
ExprPtr clone(const Expr& e);  // a deep copy (defaults are re-emitted per use)
bool contains_await(const Expr& e);  // an `await` anywhere inside (f-string parts too)

}  // namespace asl::tr
