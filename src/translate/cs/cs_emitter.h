// The C# backend: one emitter function per IR node kind, printing through
// CodeWriter. Python names become C# names here (PascalCase members,
// camelCase locals, `@` before keywords).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "translate/backend.h"
#include "translate/code_writer.h"

namespace asl::tr::cs {

// C# operator precedence, higher binds tighter.
enum Prec : int { kLowest = 1, kConditional = 2, kCoalesce = 3, kOr = 4, kAnd = 5, kEquality = 9, kRelational = 10,
                  kAdditive = 12, kMultiplicative = 13, kUnary = 15, kPrimary = 16 };

struct Code {
  std::string text;
  int prec = kPrimary;
};

std::string pascal_case(std::string_view python_name);
std::string camel_case(std::string_view python_name);
std::string escape_keyword(std::string name);
std::string string_literal(std::string_view utf8);
// The names of an unpacking target that a later name of the same target
// overwrites (`for _, v, _ in rows`): C# spells them as discards `_`, since a
// deconstruction may not declare one name twice.
std::set<const Expr*> overwritten_targets(const std::vector<const Expr*>& targets);

class CsEmitter {
 public:
  CsEmitter(const ApiTable& api, std::vector<TranslateDiagnostic>& diags) : api_(api), diags_(diags) {}
  std::string module(const Module& m, const BackendOptions& options);

  // cs_types.cpp
  std::string type(const Type& t);
  std::string return_type(const Function& f);
  bool is_value_type(const Type& t) const;

  // cs_expr.cpp
  Code expr(const Expr& e);
  std::string wrap(const Expr& e, int min_prec);
  std::string wrap(const Code& c, int min_prec);
  Code name(const Expr& e);
  Code literal(const Expr& e);
  Code fstring(const Expr& e);
  Code binary(const Expr& e);
  Code compare(const Expr& e);
  Code call(const Expr& e);
  Code api(const Expr& e);
  std::string deferred_call(const Expr& call, bool with_token, bool bind_args);
  std::string as_target(const Expr& value, const Type& target);
  Code subscript(const Expr& e);
  Code collection(const Expr& e);
  Code comprehension(const Expr& e);
  Code lambda(const Expr& e);
  Code truthy(const Expr& e);
  Code print(const Expr& e);
  std::string args(const std::vector<Arg>& a);
  std::string call_args(const Expr& e);  // args, plus the cancellation token the callee takes
  std::string interpolation_hole(const Expr& e, const std::string& spec, char conversion);
  std::string as_str(const Expr& e);  // Python str() of a value, as C#
  bool is_exception(const Type& t) const;
  bool may_be_key_error(const Type& t) const;

  // cs_stmt.cpp
  void block(const Block& b);
  void stmt(const Stmt& s, bool last_in_block);
  void leading(const Stmt& s);
  void simple(const Stmt& s, const std::string& code);
  void declare(const Stmt& s);
  void assign(const Stmt& s);
  void if_stmt(const Stmt& s);
  void for_each(const Stmt& s);
  void for_range(const Stmt& s);
  void try_stmt(const Stmt& s);
  void with_stmt(const Stmt& s, size_t item, bool last_in_block);
  void todo(const std::string& what, const std::string& python);

  // cs_module.cpp
  void function(const Function& f, const std::string& owner, bool local = false);
  void klass(const Class& c);
  void module_var(const ModuleVar& v);
  void doc(const std::string& text);
  std::string params(const Function& f);
  std::string function_name(const std::string& python) const;
  std::string member_name(const std::string& python) const;

  void use(const std::string& ns) { usings_.insert(ns); }
  void use_type(const Type& t);

  const ApiTable& api_;
  std::vector<TranslateDiagnostic>& diags_;
  CodeWriter w_;
  std::set<std::string> usings_;
  std::map<std::string, std::string> function_names_;  // python -> C#
  std::set<std::string> class_names_;
  std::map<std::string, std::string> class_ids_;  // python -> C#, where the two differ
  std::string class_id(const std::string& python) const;
  void name_classes(const Module& m);
  std::set<std::string> exception_classes_;
  std::map<std::string, std::string> class_bases_;  // module classes only
  std::map<std::string, std::set<std::string>> class_methods_;
  const Function* fn_ = nullptr;
  int temp_counter_ = 0;
  std::vector<std::pair<std::string, std::string>> ctor_fields_;  // field, parameter
  bool owner_is_exception_ = false;
  bool needs_http_ = false;
  bool module_detaches_ = false;  // asyncio.run's end then cancels the tasks left running
  bool module_cancels_ = false;  // CancelledError is then kept out of `except Exception`
  bool module_concurrent_ = false;  // tasks run side by side: Main enters a one-thread loop
  std::string token_;            // the CancellationToken in scope (empty: none)
};

// The helper class emitted after the program: only the parts it uses.
std::string runtime_helpers(const std::string& generated_code, const std::string& indent);

// cs_package.cpp: a package's parts, one file each, and Py.cs with the runtime they use.
std::vector<EmittedFile> package_files(const ApiTable& api, const Module& m, const std::vector<PackagePart>& parts,
                                       const std::string& package, const std::string& ns,
                                       std::vector<TranslateDiagnostic>& diags);

}  // namespace asl::tr::cs
