// The C++20 backend: one emitter function per IR node kind, printing through
// CodeWriter. Coroutines become boost::asio::awaitable<T>; Python semantics
// that C++ lacks come from the header-only runtime (runtime/cpp/asynctranslate).
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "translate/backend.h"
#include "translate/code_writer.h"
#include "translate/cpp/cpp_api_table.h"

namespace asl::tr::cpp {

// C++ operator precedence, higher binds tighter.
enum Prec : int { kLowest = 1, kConditional = 2, kOr = 4, kAnd = 5, kEquality = 9, kRelational = 10,
                  kAdditive = 12, kMultiplicative = 13, kUnary = 15, kPrimary = 16 };

struct Code {
  std::string text;
  int prec = kPrimary;
};

std::string identifier(std::string_view python_name);  // keywords get a trailing `_`
std::string string_literal(std::string_view utf8);

class CppEmitter {
 public:
  CppEmitter(const ApiTable& api, const CppApiTable& cpp, std::vector<TranslateDiagnostic>& diags)
      : api_(api), cpp_(cpp), diags_(diags) {}
  std::string module(const Module& m, const BackendOptions& options);
  const Function* index(const Module& m);  // classes, functions and names of the whole module; its entry
  void entry_point(const Function& entry, const std::string& ns);  // C++'s `int main()`

  // cpp_types.cpp
  std::string type(const Type& t, SourcePos where = {});
  std::string task_type(const Type& result, SourcePos where = {});
  void part(const Expr& t, const std::string& from, std::vector<std::string>& out);
  void tuple_parts(const Expr& t, const std::string& tuple, std::vector<std::string>& out);  // py::task<T> of a coroutine's result
  std::string return_type(const Function& f);
  bool is_exception(const Type& t) const;
  bool is_class(const Type& t) const;  // a module class held by shared_ptr

  // cpp_expr.cpp
  Code expr(const Expr& e);
  std::string wrap(const Expr& e, int min_prec);
  static std::string wrap(const Code& c, int min_prec);
  Code name(const Expr& e);
  Code literal(const Expr& e);
  Code fstring(const Expr& e);
  Code binary(const Expr& e);
  Code compare(const Expr& e);
  Code call(const Expr& e);
  Code api(const Expr& e);
  Code attribute(const Expr& e);
  Code subscript(const Expr& e);
  Code collection(const Expr& e);
  Code comprehension(const Expr& e);
  Code lambda(const Expr& e);
  Code bound_method(const Expr& e);
  bool task_param(const Function& f, const Param& p) const;
  std::string self_pointer() const;  // `self` as a shared_ptr of the current class
  Code truthy(const Expr& e);
  Code await(const Expr& e);
  Code print(const Expr& e);
  Code conditional(const Expr& e);
  // `callee`: the module function called, whose by-reference parameters take lvalues.
  std::string call_args(const Expr& call, const std::vector<Param>* params, const Function* callee = nullptr);
  std::string format_hole(const Expr& e, const std::string& spec, char conversion, std::string& args);
  bool is_task(const Expr& e) const;
  const Function* forwarded_to(const Expr& e) const;
  const Function* callee_of(const Expr& call) const;
  bool needs_order(const std::vector<const Expr*>& args) const;
  bool mutates_through_calls(const Function& f, const std::string& name) const;
  mutable std::set<std::pair<const Function*, std::string>> passing_visits_;

  // cpp_stmt.cpp
  void block(const Block& b);
  void stmt(const Stmt& s);
  void leading(const Stmt& s);
  void simple(const Stmt& s, const std::string& code);
  void declare(const Stmt& s);
  void assign(const Stmt& s);
  void unpack(const Stmt& s);
  void if_stmt(const Stmt& s);
  void if_from(const Stmt& s, size_t first, std::string cond);
  std::string condition(std::string cond);
  void for_each(const Stmt& s);
  void for_range(const Stmt& s);
  void try_stmt(const Stmt& s);
  void raise(const Stmt& s);
  void with_stmt(const Stmt& s, size_t item);
  void todo(const std::string& what, const std::string& python);
  void try_with_awaiting_handlers(const Stmt& s);
  void local_function(const Stmt& s);
  struct Capture {
    std::string name;  // "self" for the enclosing method's object
    std::string param, arg;  // the coroutine lambda's parameter and what a call passes
    bool by_ref = false;
  };
  std::vector<Capture> captures(const Function& f);
  bool rebound(const std::string& name) const;
  void note_tasks(const Block& b);
  bool expr_awaits(const Expr& e) const;
  const Expr* awaited_now_ = nullptr;  // the call `co_await` is emitting for: its temporaries outlive it
  enum class Passing { Value, Reference, ConstReference };
  Passing passing(const Function& f, const Param& p) const;
  bool by_reference(const Function& f, const Param& p) const;
  bool block_awaits(const Block& b) const;

  // cpp_module.cpp
  void function(const Function& f, const std::string& owner);
  void prototype(const Function& f);
  void klass(const Class& c);
  void module_var(const ModuleVar& v);
  std::string params(const Function& f, bool with_defaults);
  std::string function_name(const std::string& python) const;
  const std::vector<Param>* base_ctor_params() const;
  void doc(const std::string& text);

  const ApiTable& api_;
  const CppApiTable& cpp_;
  std::vector<TranslateDiagnostic>& diags_;
  CodeWriter w_;
  std::map<std::string, std::string> function_names_;         // python -> C++
  std::map<std::string, const Function*> functions_;          // module functions, for keyword arguments
  std::map<std::string, const Class*> classes_;
  std::set<std::string> exception_classes_;
  std::set<std::string> base_classes_;  // module classes that others derive from
  std::set<std::string> shared_roots_;  // root classes deriving from enable_shared_from_this
  std::set<std::string> task_names_;                          // locals holding started tasks
  std::set<std::string> task_lists_;                          // locals holding lists of started tasks
  const Function* fn_ = nullptr;
  std::vector<const Function*> scopes_;  // the functions being emitted, innermost last
  // Nested coroutines in scope: a captureless lambda that receives the
  // enclosing function's variables it uses as leading arguments.
  struct Nested {
    const Function* function = nullptr;
    std::vector<Capture> captures;
  };
  std::map<std::string, Nested> nested_;
  const Class* class_ = nullptr;
  int temp_counter_ = 0;
  bool in_lambda_ = false;
  std::string rethrow_;  // a bare `raise` in a handler that awaits rethrows this
  int loops_ = 0;        // loops open around the statement being emitted
  // `async with asyncio.timeout()` blocks being emitted: each runs as a
  // coroutine lambda, so a `return` sets `returned` and leaves the lambda.
  struct TimeoutBlock {
    const Function* function = nullptr;
    int loops = 0;
    std::string returned;  // empty: the block has no `return`
    bool value = false;    // `returned` is an optional holding the result
  };
  std::vector<TimeoutBlock> timeouts_;
  void timeout_block(const Stmt& s, size_t index, const std::string& scope);
  void loop_exit(const Stmt& s, const char* keyword);
};

std::string cpp_namespace(const std::string& name);  // `a.b` -> `a::b`; empty: `program`
std::string runtime_includes(const std::string& code);  // the runtime headers generated code uses

// cpp_package.cpp: a package's parts, each a header (declarations, classes) and a source.
std::vector<EmittedFile> package_files(const ApiTable& api, const Module& m, const std::vector<PackagePart>& parts,
                                       const std::string& package, const std::string& ns,
                                       std::vector<TranslateDiagnostic>& diags);

}  // namespace asl::tr::cpp
