// Lowering: tree-sitter's Python syntax tree -> the typed IR (ir.h).
// Names are resolved through the module's imports; types come from
// annotations, literals, the API table's result types and local inference.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/source_file.h"
#include "core/syntax.h"
#include "translate/api_table.h"
#include "translate/diagnostics.h"
#include "translate/ir.h"

namespace asl::tr {

Module lower_module(const SourceFile& file, TSNode root, const ApiTable& api, std::vector<TranslateDiagnostic>& diags);

// --- internals shared by the lowering_*.cpp files --------------------------

// Whether `t` is of the kind an API entry's `when = { x = "type:KIND" }` names.
bool kind_matches(const Type& t, std::string_view want);

struct Signature {
  std::string name;
  std::vector<Param> params;  // types and defaults (defaults lowered once, cloned per call)
  Type result;
  bool is_async = false, is_generator = false, is_property = false, is_static = false;
  TSNode node{};
  bool inferring = false, result_known = false;
  bool result_annotated = false;  // else the result is inferred again when parameter types move
};

struct ClassInfo {
  std::string name;
  TSNode node{};
  std::string base;  // module class or qualified exception type
  bool is_exception = false, is_dataclass = false;
  bool ordered = false;  // @dataclass(order=True): values compare by their fields, in order
  std::vector<std::pair<std::string, Type>> fields;  // in declaration order
  std::map<std::string, Signature> methods;
  Signature ctor;
  const Type* field(const std::string& n) const;
  // Without an `__init__` of its own, a subclass is built by its base's.
  bool inherits_ctor() const { return ts_node_is_null(ctor.node) && !is_dataclass && !is_exception && !base.empty(); }
};

struct LocalInfo {
  Type type;
  bool declared = false;
  std::vector<int> lca;        // block path where the declaration belongs
  uint32_t first_byte = UINT32_MAX;
  bool has_lca = false;
};

struct FunctionContext {
  Signature* sig = nullptr;
  ClassInfo* klass = nullptr;  // for methods
  bool is_async = false, is_entry = false, inferring = false;
  std::map<std::string, LocalInfo> locals;
  std::set<std::string> params, globals;
  std::vector<int> block_path;  // current block while lowering
  std::vector<Type> returns, yields;
  bool saw_yield = false;
  // A call typed a local passed to it, or a use typed a local after its
  // assignment: the statements before see it on a second pass.
  bool args_typed_locals = false;
};

// Names bound by lambdas and comprehensions, innermost last.
struct InnerScope {
  std::map<std::string, Type> names;
  // A loop variable's iterable and where in the element it sits (`for k, q
  // in d.items()`: q at {1}): what the body puts into it types the container.
  struct Origin {
    Expr* iterable = nullptr;
    std::vector<size_t> path;
  };
  std::map<std::string, Origin> origins = {};
};

class Lowering {
 public:
  Lowering(const SourceFile& file, TSNode root, const ApiTable& api, std::vector<TranslateDiagnostic>& diags);
  Module run();

  // lowering_module.cpp
  void collect_imports(TSNode n);
  void collect_signatures();
  Signature signature_of(TSNode def, ClassInfo* klass);
  void collect_class(TSNode def, TSNode decorated);
  void dataclass_options(TSNode call, ClassInfo& c);
  bool orderable(const Type& t) const;  // Python can order two values of this type
  // `==` on two values of this type means what it means in Python on both
  // targets: scalars, strings, tuples of them, dataclasses of them (by field),
  // other classes (by identity).
  bool comparable(const Type& t) const;
  bool comparable(const Type& t, std::set<std::string>& visiting) const;
  void check_ordering(const std::string& python, const Expr* receiver,
                      const std::vector<std::pair<std::string, const Expr*>>& args, TSNode whole);
  void infer_fields(ClassInfo& c);
  Function lower_function(TSNode def, Signature& sig, ClassInfo* klass, bool entry = false);
  Class lower_class(ClassInfo& c);
  void ensure_result(Signature& sig, ClassInfo* klass);
  // Unannotated parameters, results and fields from the module's own calls
  // and assignments: every body is lowered quietly until no type moves.
  void infer_to_fixed_point(const std::vector<TSNode>& entry_stmts);
  Function lower_entry(const std::vector<TSNode>& entry_stmts);

  // lowering_scope.cpp: where locals are declared
  void analyze_locals(TSNode body, FunctionContext& ctx, const std::vector<Param>& params);
  void analyze_locals_block(const std::vector<TSNode>& stmts, FunctionContext& ctx);

  // lowering_stmt.cpp
  Block block(TSNode block_node);
  Block statements(const std::vector<TSNode>& nodes, int block_id);
  void statement(TSNode n, Block& out);
  StmtPtr assignment(TSNode n);
  StmtPtr for_statement(TSNode n);
  StmtPtr loop_rebind(TSNode left, const Type& elem, InnerScope& scope, std::vector<ExprPtr>& targets);
  void loop_with_else(TSNode n, StmtPtr loop, Block& out);
  void delete_statement(TSNode n, Block& out);
  static void keep_subclass(Type& declared, const Type& value);
  ExprPtr unpacked(ExprPtr list, size_t count, TSNode at);  // the loop, and its `else` if any
  ExprPtr iterable(TSNode n);  // what a `for` or comprehension iterates
  ExprPtr chars_of(ExprPtr e);  // a str where it is iterated: its characters, as strings
  ExprPtr gather_tuple(ExprPtr& ex);  // gather of awaitables of different types, or null
  StmtPtr with_statement(TSNode n);
  StmtPtr try_statement(TSNode n);
  StmtPtr if_statement(TSNode n);
  StmtPtr raise_statement(TSNode n);
  StmtPtr assign_to(TSNode target, ExprPtr value, SourcePos pos, const Type* annotated);

  // lowering_narrowing.cpp: names and attributes the code has shown not to
  // be None (`if x is None: return`, `if x is not None:`, `x and x.y`,
  // `a if a is not None else b`), keyed by their source text.
  struct Facts {
    std::map<std::string, Type> when_true, when_false;
  };
  Facts facts_of(TSNode condition);
  ExprPtr narrowed(TSNode n, ExprPtr e);  // e read as its narrowed type, where a fact holds
  void forget_narrowing(TSNode target);   // an assignment ends what was known of its target
  bool always_exits(TSNode block) const;  // ends in return, raise, break or continue
  // A loop's later iterations run after its body's assignments: what the
  // code knew before the loop of a name assigned in it does not hold there.
  void forget_assigned_in(TSNode loop);
  struct Narrowing {  // facts that hold while it lives
    Lowering& l;
    Narrowing(Lowering& x, const std::map<std::string, Type>& facts) : l(x) { l.narrowed_.push_back(facts); }
    ~Narrowing() { l.narrowed_.pop_back(); }
    Narrowing(const Narrowing&) = delete;
    Narrowing& operator=(const Narrowing&) = delete;
  };
  std::vector<std::map<std::string, Type>> narrowed_;

  // lowering_expr.cpp
  ExprPtr expr(TSNode n, const Type* expected = nullptr);
  ExprPtr name(TSNode n);
  ExprPtr callback(ExprPtr e, const Type* expected);  // a function handed over where a callable is expected
  ExprPtr attribute(TSNode n);
  ExprPtr subscript(TSNode n);
  ExprPtr binary(TSNode n);
  bool combined_with_float(TSNode n);  // an operand of arithmetic whose other operand is a float
  ExprPtr comparison(TSNode n);
  // lowering_percent_format.cpp: `"%-8s %d" % (a, b)` as the f-string it means
  ExprPtr percent_format(ExprPtr format, TSNode values, TSNode whole);
  ExprPtr boolean(TSNode n);
  ExprPtr string(TSNode n);
  ExprPtr collection(TSNode n, const Type* expected);
  ExprPtr comprehension(TSNode n, const Type* expected = nullptr);
  ExprPtr lambda(TSNode n, const Type* expected);
  ExprPtr truthy(ExprPtr e);
  bool is_subclass(const Type& derived, const Type& base) const;
  std::optional<Type> common_base(const Type& a, const Type& b) const;
  ExprPtr await_expr(TSNode n, const Type* expected);

  // lowering_call.cpp
  ExprPtr call(TSNode n, const Type* expected);
  ExprPtr call_value(ExprPtr callee, TSNode fn, TSNode args, SourcePos pos);  // a call of a callable-typed value
  static Type literal_argument_type(const std::string& python, const Type& container, size_t position,
                                    const std::string& keyword);
  ExprPtr api_call(const std::string& python, ExprPtr receiver, TSNode args, SourcePos pos, const Type* expected,
                   TSNode whole);
  ExprPtr api_attribute(const std::string& python, ExprPtr receiver, SourcePos pos, TSNode whole);
  ExprPtr builtin_call(const std::string& name, TSNode args, SourcePos pos, const Type* expected, TSNode whole);
  ExprPtr defaultdict_call(TSNode args, SourcePos pos, const Type* expected, TSNode whole);
  ExprPtr counter_call(TSNode args, SourcePos pos, const Type* expected, TSNode whole);
  ExprPtr callable_reference(TSNode n, const Type& param);
  Signature& constructor(ClassInfo& c);
  // The method `name` of class `cls` or of its bases (and the class that defines it), if any.
  Signature* method_of(const std::string& cls, const std::string& name, ClassInfo** owner = nullptr);
  // A function or bound method passed as a value, then called with arguments
  // of known types: its unannotated parameters take them.
  void refine_callee_params(Signature& sig, const Type& callable, SourcePos at);
  void share_override_types();  // overrides and their base methods type each other's parameters  // its own __init__'s, or the base's it inherits  // `key=str.lower` as a lambda, or null
  std::vector<Arg> bind_args(std::vector<Param>& params, TSNode args, const std::string& what);
  void settle_maybe_int(Expr& call, const Signature& sig);  // a true float where the arguments are
  // A call site's argument for an unannotated parameter widens its type (join).
  void observe(Param& p, const Expr& arg, TSNode at, const std::string& what);
  // A container whose element types are still open takes them from what the
  // code puts into it (`results = []`, then `results.append(x)`, `d[k] = v`),
  // wherever the variable lives: local, parameter, module variable, field.
  void refine_storage(Expr& target, const Type& t);
  void refine_iterable(Expr& iterable, const Type& elem);  // its elements are known better
  // `x = source` where x's type is known better than the source's: the
  // storage the value came from (a field, a container's items) learns it.
  void refine_source(Expr& value, const Type& t);
  void widen_storage(Expr& target, const Type& t);  // replaces: the caller has joined the types
  Type* storage_of(Expr& target);                   // where a variable's type lives, if it is one
  void refine_from_mutation(const std::string& method, Expr& receiver, const std::vector<Expr*>& args, TSNode at);
  bool assignable(const Type& to, const Type& from) const;  // without a conversion the target lacks
  std::optional<std::string> qualified(TSNode n);  // module path of a dotted name through imports
  std::string type_key(const Type& t);             // receiver key in the API table: builtins.list, asyncio.Queue

  // lowering_types.cpp
  Type annotation(TSNode n);
  Type from_pattern(const TypePattern& p, const ApiEntry& e, const std::vector<Arg>& args, const Expr* self,
                    const Type* expected);
  Type exception_type(TSNode n);

  // helpers
  SourcePos pos(TSNode n) const;
  std::string_view text(TSNode n) const { return ts_node_is_null(n) ? std::string_view() : node_text(n, src_); }
  [[noreturn]] void unsupported(TSNode n, std::string what) const;
  void report(SourcePos p, std::string what, SourcePos end = {});
  std::vector<std::string> comments_in(TSNode n) const;
  std::string docstring(TSNode body) const;
  std::vector<TSNode> named_children(TSNode n) const;
  LocalInfo* local(const std::string& n);
  const Type* lookup_inner(const std::string& n) const;
  bool in_async() const { return fn_ && fn_->is_async; }

  const SourceFile& file_;
  std::string_view src_;
  TSNode root_;
  const ApiTable& api_;
  const Kinds& k_;
  std::vector<TranslateDiagnostic>& diags_;
  bool quiet_ = false;  // inference passes: no diagnostics

  std::map<std::string, std::string> imports_;  // bound name -> qualified
  std::map<std::string, Signature> functions_;
  std::map<std::string, ClassInfo> classes_;
  std::set<std::string> compared_classes_;  // classes whose values meet `==`, `in`, list.index/remove/count
  std::vector<std::string> class_order_;
  struct GlobalInfo {
    Type type;
    bool reassigned = false, literal = false;
  };
  std::map<std::string, GlobalInfo> globals_;

  FunctionContext* fn_ = nullptr;
  std::vector<InnerScope> inner_;
  std::set<uint32_t> consumed_comments_;
  std::vector<TranslateDiagnostic> deferred_;  // start bytes of comments already placed
  bool inference_moved_ = false;  // a parameter or field type changed in this round
  TSNode discarded_call_{};       // the call of the expression statement being lowered, if any
  // Call sites that pass a parameter a type its other call sites contradict
  // (function.parameter -> the diagnostic), from the last inference round.
  std::map<std::string, TranslateDiagnostic> conflicts_;
};

}  // namespace asl::tr
