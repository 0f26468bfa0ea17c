// Module-level lowering: imports, signatures of functions and classes, module
// variables, the entry point, and the order of the emitted members.
#include <algorithm>

#include <fmt/format.h>

#include "translate/lowering.h"

namespace asl::tr {

namespace {

// Restores the lowering's per-function state after a nested or speculative pass.
struct StateGuard {
  Lowering& l;
  FunctionContext* fn;
  std::vector<InnerScope> inner;
  bool quiet;
  std::set<uint32_t> consumed;
  explicit StateGuard(Lowering& x) : l(x), fn(x.fn_), inner(x.inner_), quiet(x.quiet_), consumed(x.consumed_comments_) {}
  ~StateGuard() {
    l.fn_ = fn;
    l.inner_ = inner;
    l.quiet_ = quiet;
    l.consumed_comments_ = consumed;
  }
};

bool is_main_guard(std::string_view cond) {
  return cond == "__name__ == \"__main__\"" || cond == "__name__ == '__main__'";
}

}  // namespace

const Type* ClassInfo::field(const std::string& n) const {
  for (const auto& [fname, t] : fields)
    if (fname == n) return &t;
  return nullptr;
}

Lowering::Lowering(const SourceFile& file, TSNode root, const ApiTable& api, std::vector<TranslateDiagnostic>& diags)
    : file_(file), src_(file.text()), root_(root), api_(api), k_(Kinds::get()), diags_(diags) {}

Module lower_module(const SourceFile& file, TSNode root, const ApiTable& api, std::vector<TranslateDiagnostic>& diags) {
  return Lowering(file, root, api, diags).run();
}

void Lowering::collect_imports(TSNode n) {
  auto known = [&](const std::string& module, TSNode at) {
    std::string top = module.substr(0, module.find('.'));
    if (!api_.modules.count(top) && !api_.modules.count(module))
      report(pos(at), fmt::format("import of module `{}` (no mapping in rules/translate)", module));
  };
  if (is(n, k_.import_statement)) {
    for_each_named_child(n, [&](TSNode c) {
      if (is(c, k_.dotted_name)) {
        std::string m(text(c));
        known(m, c);
        imports_[m.substr(0, m.find('.'))] = m.substr(0, m.find('.'));
      } else if (is(c, k_.aliased_import)) {
        std::string m(text(field(c, "name")));
        known(m, c);
        imports_[std::string(text(field(c, "alias")))] = m;
      }
    });
  } else if (is(n, k_.import_from_statement)) {
    TSNode mod = field(n, "module_name");
    std::string m(text(mod));
    if (is(mod, k_.relative_import)) { report(pos(n), "relative import"); return; }
    known(m, mod);
    for_each_named_child(n, [&](TSNode c) {
      if (ts_node_eq(c, mod)) return;
      if (is(c, k_.dotted_name)) imports_[std::string(text(c))] = m + "." + std::string(text(c));
      else if (is(c, k_.aliased_import))
        imports_[std::string(text(field(c, "alias")))] = m + "." + std::string(text(field(c, "name")));
      else if (is(c, k_.wildcard_import)) report(pos(c), "wildcard import");
    });
  }
}

Signature Lowering::signature_of(TSNode def, ClassInfo* klass) {
  Signature s;
  s.node = def;
  s.name = std::string(text(field(def, "name")));
  s.is_async = is_async_function(def);
  bool first = true;
  bool keyword_only = false;
  for_each_named_child(field(def, "parameters"), [&](TSNode p) {
    Param prm;
    prm.pos = pos(p);
    TSNode name = is(p, k_.identifier) ? p : field(p, "name");
    if (is(p, k_.typed_parameter)) {
      for_each_named_child(p, [&](TSNode c) { if (is(c, k_.identifier) && ts_node_is_null(name)) name = c; });
    }
    std::string_view pt = ts_node_type(p);
    if (pt == "keyword_separator") { keyword_only = true; return; }
    if (ts_node_is_null(name) || is(p, k_.list_splat_pattern) || is(p, k_.dictionary_splat_pattern) ||
        (is(p, k_.typed_parameter) && (std::string_view(ts_node_type(ts_node_named_child(p, 0))) != "identifier"))) {
      report(pos(p), fmt::format("parameter `{}` (*args / **kwargs)", text(p)));
      return;
    }
    prm.name = std::string(text(name));
    prm.keyword_only = keyword_only;
    if (first && klass) {
      first = false;
      return;  // self
    }
    first = false;
    TSNode ann = field(p, "type");
    prm.inferred = ts_node_is_null(ann);
    if (!ts_node_is_null(ann)) {
      try {
        prm.type = annotation(ann);
      } catch (const Unsupported& u) {
        report(u.pos, u.what, u.end);
      }
    }
    TSNode def_value = field(p, "value");
    if (!ts_node_is_null(def_value)) {
      try {
        prm.default_value = expr(def_value, prm.type.known() ? &prm.type : nullptr);
        if (!prm.type.known()) prm.type.refine(prm.default_value->type);
      } catch (const Unsupported& u) {
        report(u.pos, u.what, u.end);
      }
    }
    s.params.push_back(std::move(prm));
  });
  if (TSNode rt = field(def, "return_type"); !ts_node_is_null(rt)) {
    try {
      s.result = annotation(rt);
      // AsyncIterator[T] / Iterator[T] annotations mark generators.
      s.result_known = true;
      s.result_annotated = true;
    } catch (const Unsupported& u) {
      report(u.pos, u.what, u.end);
      s.result = TypeKind::Any;
      s.result_known = true;
      s.result_annotated = true;
    }
  }
  return s;
}

// @dataclass(order=True, ...): what the translation keeps of the options.
void Lowering::dataclass_options(TSNode call, ClassInfo& c) {
  for_each_named_child(field(call, "arguments"), [&](TSNode a) {
    if (!is(a, k_.keyword_argument)) return;
    std::string_view name = text(field(a, "name")), value = text(field(a, "value"));
    if (name == "order" && value == "True") c.ordered = true;
    else if (name == "order" && value == "False") c.ordered = false;
    // Printing and equality would differ; the other options do not change
    // what a correct program prints.
    else if ((name == "repr" || name == "eq") && value != "True")
      report(pos(a), fmt::format("dataclass option `{}`", text(a)));
  });
}

void Lowering::collect_class(TSNode def, TSNode decorated) {
  ClassInfo c;
  c.node = def;
  c.name = std::string(text(field(def, "name")));
  if (!ts_node_is_null(decorated)) {
    for_each_named_child(decorated, [&](TSNode d) {
      if (!is(d, k_.decorator)) return;
      TSNode e = ts_node_named_child(d, 0);
      auto q = qualified(e);
      if (is(e, k_.call)) q = qualified(field(e, "function"));
      if (q == "dataclasses.dataclass") {
        c.is_dataclass = true;
        if (is(e, k_.call)) dataclass_options(e, c);
      } else {
        report(pos(d), fmt::format("class decorator `{}`", text(d)));
      }
    });
  }
  if (TSNode bases = field(def, "superclasses"); !ts_node_is_null(bases)) {
    for_each_named_child(bases, [&](TSNode b) {
      std::string bn(text(b));
      if (classes_.count(bn)) {
        c.base = bn;
        c.is_exception = classes_[bn].is_exception;
        return;
      }
      auto q = qualified(b);
      if (q) {
        if (const ApiType* t = api_.type(*q); t && t->exception) {
          c.base = *q;
          c.is_exception = true;
          return;
        }
      }
      report(pos(b), fmt::format("base class `{}`", bn));
    });
  }
  class_order_.push_back(c.name);
  classes_[c.name] = std::move(c);
}

void Lowering::collect_signatures() {
  for (auto& name : class_order_) {
    ClassInfo& c = classes_[name];
    TSNode body = field(c.node, "body");
    std::map<std::string, ExprPtr> field_defaults;
    for_each_named_child(body, [&](TSNode n) {
      TSNode def = n;
      bool prop = false, stat = false;
      if (is(n, k_.decorated_definition)) {
        def = field(n, "definition");
        for_each_named_child(n, [&](TSNode d) {
          if (!is(d, k_.decorator)) return;
          std::string_view dt = text(ts_node_named_child(d, 0));
          if (dt == "property") prop = true;
          else if (dt == "staticmethod") stat = true;
          else report(pos(d), fmt::format("method decorator `{}`", text(d)));
        });
      }
      if (is(def, k_.function_definition)) {
        // Static methods have no `self` to skip.
        Signature s = signature_of(def, stat ? nullptr : &c);
        s.is_property = prop;
        s.is_static = stat;
        if (s.name == "__init__") c.ctor = std::move(s);
        else c.methods[s.name] = std::move(s);
      } else if (is(n, k_.expression_statement)) {
        // Class-level annotations: dataclass fields or typed attributes.
        TSNode a = ts_node_named_child(n, 0);
        if (is(a, k_.assignment) && is(field(a, "left"), k_.identifier)) {
          std::string fname(text(field(a, "left")));
          Type t;
          try {
            if (TSNode ty = field(a, "type"); !ts_node_is_null(ty)) t = annotation(ty);
            if (TSNode v = field(a, "right"); !ts_node_is_null(v)) {
              auto q = is(v, k_.call) ? qualified(field(v, "function")) : std::nullopt;
              ExprPtr d;
              if (q == "dataclasses.field") {
                // field(default_factory=list): a fresh empty value per instance.
                ExprKind kind = t.kind == TypeKind::Dict ? ExprKind::Dict : t.kind == TypeKind::Set ? ExprKind::Set : ExprKind::List;
                if (t.kind != TypeKind::List && t.kind != TypeKind::Dict && t.kind != TypeKind::Set)
                  unsupported(v, "dataclasses.field() other than a default_factory of list, dict or set");
                d = make(kind, t, pos(v));
              } else {
                d = expr(v, t.known() ? &t : nullptr);
              }
              if (!t.known()) t = d->type;
              field_defaults[fname] = std::move(d);
            }
          } catch (const Unsupported& u) {
            report(u.pos, u.what, u.end);
          }
          if (!c.field(fname)) c.fields.emplace_back(fname, t);
        }
      }
    });
    if (c.is_dataclass && ts_node_is_null(c.ctor.node)) {
      c.ctor.name = "__init__";
      for (const auto& [fname, ftype] : c.fields) {
        Param p;
        p.name = fname;
        p.type = ftype;
        if (auto d = field_defaults.find(fname); d != field_defaults.end()) p.default_value = clone(*d->second);
        c.ctor.params.push_back(std::move(p));
      }
    }
    if (c.is_exception && ts_node_is_null(c.ctor.node) && c.ctor.params.empty()) {
      Param p;
      p.name = "message";
      p.type = TypeKind::Str;
      c.ctor.params.push_back(std::move(p));
    }
  }
  for (auto& name : class_order_) infer_fields(classes_[name]);
}

// Fields come from `self.x = ...` in any method, typed by the first assignment.
void Lowering::infer_fields(ClassInfo& c) {
  StateGuard guard(*this);
  quiet_ = true;
  auto scan = [&](Signature& sig) {
    if (ts_node_is_null(sig.node) || sig.is_static) return;
    FunctionContext ctx;
    ctx.sig = &sig;
    ctx.klass = &c;
    ctx.is_async = sig.is_async;
    ctx.inferring = true;
    analyze_locals(field(sig.node, "body"), ctx, sig.params);
    fn_ = &ctx;
    inner_.clear();
    ctx.block_path = {static_cast<int>(ts_node_start_byte(field(sig.node, "body")))};
    // Two passes: locals' types settle in the first.
    for (int pass = 0; pass < 2; ++pass) {
      for (auto& [n, l] : ctx.locals) l.declared = false;
      try {
        block(field(sig.node, "body"));
      } catch (const Unsupported&) {
      }
    }
  };
  scan(c.ctor);
  for (auto& [n, m] : c.methods) scan(m);
}

void Lowering::ensure_result(Signature& sig, ClassInfo* klass) {
  if (sig.result_known || sig.inferring || ts_node_is_null(sig.node)) return;
  sig.inferring = true;
  StateGuard guard(*this);
  quiet_ = true;
  lower_function(sig.node, sig, klass);
  sig.inferring = false;
}

Function Lowering::lower_function(TSNode def, Signature& sig, ClassInfo* klass, bool entry) {
  Function f;
  f.name = sig.name;
  f.pos = pos(def);
  f.is_async = sig.is_async;
  f.is_entry = entry;
  f.is_method = klass != nullptr;
  f.is_static = sig.is_static;
  f.is_property = sig.is_property;
  f.is_constructor = klass && sig.name == "__init__";
  TSNode body = field(def, "body");
  f.doc = docstring(body);

  FunctionContext ctx;
  ctx.sig = &sig;
  ctx.klass = sig.is_static ? nullptr : klass;
  // A function nested in a method sees the method's `self`.
  if (!klass && fn_ && fn_->klass && fn_->sig && !ts_node_is_null(fn_->sig->node) &&
      ts_node_start_byte(def) > ts_node_start_byte(fn_->sig->node) && ts_node_end_byte(def) <= ts_node_end_byte(fn_->sig->node))
    ctx.klass = fn_->klass;
  ctx.is_async = sig.is_async;
  ctx.is_entry = entry;
  analyze_locals(body, ctx, sig.params);

  FunctionContext* outer = fn_;
  std::vector<InnerScope> outer_inner = inner_;
  // Captured locals of an enclosing function stay visible to a nested one.
  if (outer) {
    for (auto& [n, l] : outer->locals)
      if (!ctx.locals.count(n) && !ctx.params.count(n)) inner_.push_back({{{n, l.type}}});
    if (outer->sig)
      for (const auto& p : outer->sig->params)
        if (!ctx.locals.count(p.name) && !ctx.params.count(p.name)) inner_.push_back({{{p.name, p.type}}});
  }
  fn_ = &ctx;
  ctx.block_path = {static_cast<int>(ts_node_start_byte(body))};
  {
    // Inference pass: settles local types and the result type.
    StateGuard guard(*this);
    quiet_ = true;
    ctx.inferring = true;
    fn_ = &ctx;
    for (int pass = 0; pass < 2; ++pass) {
      for (auto& [n, l] : ctx.locals) l.declared = false;
      ctx.returns.clear();
      ctx.yields.clear();
      try {
        block(body);
      } catch (const Unsupported&) {
      }
      // Once more only when a call typed a local that an earlier call passed.
      if (!std::exchange(ctx.args_typed_locals, false)) break;
    }
    ctx.inferring = false;
  }
  if (!sig.result_known) {
    Type r = TypeKind::None;
    if (ctx.saw_yield) {
      Type elem;
      for (const auto& y : ctx.yields) elem.refine(y);
      r = Type(sig.is_async ? TypeKind::AsyncIterator : TypeKind::Iterator, {elem});
    } else if (!ctx.returns.empty()) {
      // Every `return` joins (`return None` and `return 3`: Optional[int]);
      // returns that contradict each other leave the result unknown. A
      // partly known result (a future whose items are typed by its callers)
      // is kept for the callers to complete.
      std::optional<Type> j = Type();
      for (const auto& t : ctx.returns)
        if (j) j = t.kind != TypeKind::Unknown ? join(*j, t) : std::optional<Type>();
      r = j ? *j : Type();
    }
    sig.result = r;
    sig.result_known = r.known();
  }
  sig.is_generator = ctx.saw_yield;
  // Quiet callers (inference passes, ensure_result) keep only the signature:
  // the body pass would be thrown away, and a nested function lowered twice
  // per enclosing level would make the time exponential in the nesting depth.
  if (!quiet_) {
    for (auto& [n, l] : ctx.locals) l.declared = false;
    ctx.returns.clear();
    ctx.yields.clear();
    f.body = block(body);
  }
  fn_ = outer;
  inner_ = outer_inner;
  f.result = sig.result;
  f.is_generator = sig.is_generator;
  for (const auto& p : sig.params) {
    Param c;
    c.name = p.name;
    c.type = p.type;
    c.pos = p.pos;
    c.keyword_only = p.keyword_only;
    c.inferred = p.inferred;
    if (p.default_value) c.default_value = clone(*p.default_value);
    if (!quiet_ && c.inferred && !c.type.known())
      report(c.pos, fmt::format("parameter `{}` without a type annotation, and no call in this module passes it "
                                "a value of known type",
                                c.name));
    f.params.push_back(std::move(c));
  }
  bool params_known = std::all_of(f.params.begin(), f.params.end(), [](const Param& q) { return q.type.known(); });
  // An unknown result is usually the consequence of an unknown parameter, reported above.
  if (!f.result.known() && !quiet_ && params_known)
    report(f.pos, fmt::format("return type of `{}` cannot be inferred; add an annotation", f.name));
  return f;
}

// Synthesized Main from the module's top-level statements (quiet callers
// only want the types its calls give to the module's functions).
Function Lowering::lower_entry(const std::vector<TSNode>& entry_stmts) {
  Signature sig;
  sig.name = "__main__";
  sig.result = TypeKind::None;
  sig.result_known = true;
  FunctionContext ctx;
  ctx.sig = &sig;
  ctx.is_entry = true;
  ctx.is_async = true;
  analyze_locals_block(entry_stmts, ctx);
  FunctionContext* outer = fn_;
  fn_ = &ctx;
  ctx.block_path = {-1};
  Function f;
  f.name = "__main__";
  f.is_entry = true;
  f.is_async = true;
  f.result = TypeKind::None;
  f.pos = pos(entry_stmts.front());
  {
    StateGuard guard(*this);
    quiet_ = true;
    ctx.inferring = true;
    fn_ = &ctx;
    try {
      statements(entry_stmts, -1);
    } catch (const Unsupported&) {
    }
    ctx.inferring = false;
  }
  if (!quiet_) {
    for (auto& [n, l] : ctx.locals) l.declared = false;
    f.body = statements(entry_stmts, -1);
  }
  fn_ = outer;
  return f;
}

void Lowering::infer_to_fixed_point(const std::vector<TSNode>& entry_stmts) {
  // Each round can only widen a type (join), so the rounds are few; the bound
  // keeps a pathological module from looping.
  for (int round = 0; round < 12; ++round) {
    inference_moved_ = false;
    conflicts_.clear();
    StateGuard guard(*this);
    quiet_ = true;
    auto reset = [](Signature& s) {
      if (!s.result_annotated && !s.inferring) s.result_known = false;
    };
    for (auto& [n, sig] : functions_) reset(sig);
    for (auto& name : class_order_) {
      ClassInfo& c = classes_[name];
      reset(c.ctor);
      for (auto& [mn, sig] : c.methods) reset(sig);
    }
    for (auto& [n, sig] : functions_)
      if (!ts_node_is_null(sig.node)) lower_function(sig.node, sig, nullptr, true);
    for (auto& name : class_order_) {
      ClassInfo& c = classes_[name];
      infer_fields(c);
      if (!ts_node_is_null(c.ctor.node)) lower_function(c.ctor.node, c.ctor, &c);
      for (auto& [mn, sig] : c.methods)
        if (!ts_node_is_null(sig.node)) lower_function(sig.node, sig, &c);
    }
    if (!entry_stmts.empty()) lower_entry(entry_stmts);
    share_override_types();
    if (!inference_moved_) break;
  }
}

// A call of `animal.feed(g)` may run an override (`Puppy.feed`): an
// unannotated parameter of a method and of the methods it overrides or that
// override it take the types the others were given, position by position.
void Lowering::share_override_types() {
  for (auto& name : class_order_) {
    ClassInfo& c = classes_[name];
    for (auto& [mn, sig] : c.methods) {
      for (std::string b = c.base; classes_.count(b); b = classes_[b].base) {
        auto bm = classes_[b].methods.find(mn);
        if (bm == classes_[b].methods.end()) continue;
        auto& mine = sig.params;
        auto& theirs = bm->second.params;
        for (size_t i = 0; i < std::min(mine.size(), theirs.size()); ++i) {
          for (auto [to, from] : {std::pair{&mine[i], &theirs[i]}, std::pair{&theirs[i], &mine[i]}}) {
            if (!to->inferred || to->type.known() || !from->type.known()) continue;
            to->type = from->type;
            inference_moved_ = true;
          }
        }
        break;
      }
    }
  }
}

Class Lowering::lower_class(ClassInfo& c) {
  Class out;
  out.name = c.name;
  out.pos = pos(c.node);
  out.base = c.base;
  out.is_dataclass = c.is_dataclass;
  out.ordered = c.ordered;
  out.is_exception = c.is_exception;
  TSNode body = field(c.node, "body");
  out.doc = docstring(body);
  // Inherited fields are declared by the base class.
  auto inherited = [&](const std::string& fname) {
    for (std::string b = c.base; classes_.count(b); b = classes_[b].base)
      if (classes_[b].field(fname)) return true;
    return false;
  };
  for (size_t i = 0; i < c.fields.size(); ++i) {
    if (inherited(c.fields[i].first)) continue;
    Field f;
    f.name = c.fields[i].first;
    f.type = c.fields[i].second;
    if (!f.type.known()) report(out.pos, fmt::format("type of attribute `{}.{}` cannot be inferred", c.name, f.name));
    out.fields.push_back(std::move(f));
  }
  // Class-level defaults (dataclass fields).
  for_each_named_child(body, [&](TSNode n) {
    if (!is(n, k_.expression_statement)) return;
    TSNode a = ts_node_named_child(n, 0);
    if (!is(a, k_.assignment) || !is(field(a, "left"), k_.identifier) || ts_node_is_null(field(a, "right"))) return;
    std::string fname(text(field(a, "left")));
    for (auto& f : out.fields) {
      if (f.name != fname) continue;
      try {
        TSNode v = field(a, "right");
        auto q = is(v, k_.call) ? qualified(field(v, "function")) : std::nullopt;
        if (q == "dataclasses.field") {
          // field(default_factory=list) -> a fresh empty value per instance.
          f.init = make(ExprKind::List, f.type, pos(v));
          if (f.type.kind == TypeKind::Dict) f.init->kind = ExprKind::Dict;
          else if (f.type.kind == TypeKind::Set) f.init->kind = ExprKind::Set;
          else if (f.type.kind != TypeKind::List) unsupported(v, "dataclasses.field() other than a default_factory of list, dict or set");
        } else {
          f.init = expr(v, &f.type);
        }
      } catch (const Unsupported& u) {
        report(u.pos, u.what, u.end);
      }
    }
  });
  if (!ts_node_is_null(c.ctor.node) || c.is_dataclass || c.is_exception) {
    if (!ts_node_is_null(c.ctor.node)) {
      out.methods.push_back(lower_function(c.ctor.node, c.ctor, &c));
    } else {
      Function f;
      f.name = "__init__";
      f.is_method = f.is_constructor = true;
      f.pos = out.pos;
      f.result = TypeKind::None;
      for (const auto& p : c.ctor.params) {
        Param q;
        q.name = p.name;
        q.type = p.type;
        for (const auto& fl : out.fields)
          if (fl.name == p.name && fl.init) q.default_value = clone(*fl.init);
        f.params.push_back(std::move(q));
      }
      out.methods.push_back(std::move(f));
    }
  }
  if (c.inherits_ctor() && classes_.count(c.base) && !constructor(c).params.empty()) {
    // `class Dog(Animal)` without `__init__`: a constructor passing the
    // base's parameters on, as Python calls the inherited one.
    Function f;
    f.name = "__init__";
    f.is_method = f.is_constructor = true;
    f.pos = out.pos;
    f.result = TypeKind::None;
    auto call = make(ExprKind::Call, TypeKind::None, out.pos);
    call->text = "super().__init__";
    for (const auto& p : constructor(c).params) {
      Param q;
      q.name = p.name;
      q.type = p.type;
      q.pos = p.pos;
      if (p.default_value) q.default_value = clone(*p.default_value);
      auto a = make(ExprKind::Name, p.type, out.pos);
      a->text = p.name;
      a->name_kind = NameKind::Param;
      call->args.push_back({"", std::move(a)});
      f.params.push_back(std::move(q));
    }
    auto st = std::make_unique<Stmt>(StmtKind::Expr, out.pos);
    st->value = std::move(call);
    f.body.push_back(std::move(st));
    out.methods.push_back(std::move(f));
  }
  // Methods in source order.
  for_each_named_child(body, [&](TSNode n) {
    TSNode def = is(n, k_.decorated_definition) ? field(n, "definition") : n;
    if (!is(def, k_.function_definition)) return;
    std::string mname(text(field(def, "name")));
    if (mname == "__init__") return;
    auto& sig = c.methods[mname];
    out.methods.push_back(lower_function(def, sig, &c));
    out.methods.back().comments = comments_in(n);
  });
  return out;
}

Module Lowering::run() {
  Module m;
  m.path = file_.path();
  m.doc = docstring(root_);
  std::vector<TSNode> top = named_children(root_);
  std::vector<TSNode> entry_stmts;
  std::vector<TSNode> order;  // module members and entry statements, in source order
  // First: imports, classes, functions; what runs at import time goes to the entry.
  for (TSNode n : top) {
    if (is(n, k_.import_statement) || is(n, k_.import_from_statement)) { collect_imports(n); continue; }
    if (is(n, k_.future_import_statement)) continue;
    TSNode def = is(n, k_.decorated_definition) ? field(n, "definition") : n;
    if (is(def, k_.class_definition)) { collect_class(def, is(n, k_.decorated_definition) ? n : TSNode{}); order.push_back(n); continue; }
    if (is(def, k_.function_definition)) {
      if (is(n, k_.decorated_definition)) report(pos(n), "decorated function");
      order.push_back(n);
      continue;
    }
    if (std::string_view(ts_node_type(n)) == "if_statement" && is_main_guard(text(field(n, "condition")))) {
      for (TSNode s : named_children(field(n, "consequence"))) entry_stmts.push_back(s);
      order.push_back(n);
      continue;
    }
    order.push_back(n);
  }
  // Module variables: a name assigned once at top level, by a plain assignment.
  std::map<std::string, int> assign_count;
  for (TSNode n : order) {
    if (!is(n, k_.expression_statement)) continue;
    TSNode a = ts_node_named_child(n, 0);
    if ((is(a, k_.assignment) || is(a, k_.augmented_assignment)) && is(field(a, "left"), k_.identifier))
      ++assign_count[std::string(text(field(a, "left")))];
  }
  for (TSNode n : order) {
    if (!is(n, k_.expression_statement)) continue;
    TSNode a = ts_node_named_child(n, 0);
    if (!is(a, k_.assignment) || !is(field(a, "left"), k_.identifier) || ts_node_is_null(field(a, "right"))) continue;
    std::string vname(text(field(a, "left")));
    if (assign_count[vname] != 1) continue;
    globals_[vname].type = TypeKind::Unknown;
    std::string_view rk = ts_node_type(field(a, "right"));
    globals_[vname].literal = rk == "integer" || rk == "float" || rk == "string" || rk == "true" || rk == "false";
    if (rk == "string" && text(field(a, "right")).find_first_of("fF") < text(field(a, "right")).find_first_of("'\""))
      globals_[vname].literal = false;  // an f-string is not a constant
  }
  // Function signatures first (their defaults and annotations may use classes).
  for (TSNode n : order) {
    TSNode def = is(n, k_.decorated_definition) ? field(n, "definition") : n;
    if (is(def, k_.function_definition)) {
      Signature s = signature_of(def, nullptr);
      functions_[s.name] = std::move(s);
    }
  }
  collect_signatures();
  // Functions that assign a global (`global x`) make it mutable.
  for (auto& [fname, sig] : functions_) {
    std::string_view body = text(sig.node);
    size_t at = 0;
    while ((at = body.find("global ", at)) != std::string_view::npos) {
      size_t e = body.find('\n', at);
      std::string_view line = body.substr(at + 7, e - at - 7);
      size_t b = 0;
      while (b < line.size()) {
        size_t c = line.find(',', b);
        std::string_view nm = line.substr(b, c == std::string_view::npos ? std::string_view::npos : c - b);
        while (!nm.empty() && nm.front() == ' ') nm.remove_prefix(1);
        while (!nm.empty() && (nm.back() == ' ' || nm.back() == '\r')) nm.remove_suffix(1);
        if (globals_.count(std::string(nm))) globals_[std::string(nm)].reassigned = true;
        if (c == std::string_view::npos) break;
        b = c + 1;
      }
      at += 7;
    }
  }

  // Entry point: `asyncio.run(main())` alone calls an async main without
  // arguments, which becomes the program's Main itself.
  std::string entry_function;
  for (TSNode n : order) {
    if (is(n, k_.expression_statement) || std::string_view(ts_node_type(n)) == "if_statement") {
      TSNode a = ts_node_named_child(n, 0);
      bool is_var = is(a, k_.assignment) && is(field(a, "left"), k_.identifier) &&
                    globals_.count(std::string(text(field(a, "left"))));
      if (!is_var && !is_main_guard(text(field(n, "condition"))) && !is(a, k_.string)) entry_stmts.push_back(n);
      else if (is(a, k_.string) && !ts_node_eq(n, top.empty() ? n : top.front())) entry_stmts.push_back(n);
    } else if (!is(n, k_.class_definition) && !is(n, k_.function_definition) && !is(n, k_.decorated_definition) &&
               !is(n, k_.comment)) {
      entry_stmts.push_back(n);
    }
  }
  std::sort(entry_stmts.begin(), entry_stmts.end(),
            [](TSNode a, TSNode b) { return ts_node_start_byte(a) < ts_node_start_byte(b); });
  if (entry_stmts.size() == 1 && is(entry_stmts[0], k_.expression_statement)) {
    TSNode c = ts_node_named_child(entry_stmts[0], 0);
    // `main()` alone: a synchronous main is the program's Main.
    if (is(c, k_.call) && is(field(c, "function"), k_.identifier) && ts_node_named_child_count(field(c, "arguments")) == 0) {
      std::string fname(text(field(c, "function")));
      if (functions_.count(fname) && !functions_[fname].is_async && functions_[fname].params.empty()) entry_function = fname;
    }
    if (is(c, k_.call) && qualified(field(c, "function")) == "asyncio.run") {
      TSNode arg = ts_node_named_child(field(c, "arguments"), 0);
      if (is(arg, k_.call) && is(field(arg, "function"), k_.identifier) &&
          ts_node_named_child_count(field(arg, "arguments")) == 0) {
        std::string fname(text(field(arg, "function")));
        if (functions_.count(fname) && functions_[fname].is_async && functions_[fname].params.empty())
          entry_function = fname;
      }
    }
  }

  // What kind of value each module variable holds (`cache = {}` is a dict
  // whose types its uses in functions give), before the functions are inferred.
  for (TSNode n : order) {
    if (!is(n, k_.expression_statement)) continue;
    TSNode a = ts_node_named_child(n, 0);
    if (!is(a, k_.assignment) || !is(field(a, "left"), k_.identifier) || ts_node_is_null(field(a, "right"))) continue;
    auto g = globals_.find(std::string(text(field(a, "left"))));
    if (g == globals_.end() || !ts_node_is_null(field(a, "type"))) continue;
    std::string_view rk = ts_node_type(field(a, "right"));
    if (rk != "dictionary" && rk != "list" && rk != "set") continue;
    try {
      StateGuard guard(*this);
      quiet_ = true;
      g->second.type = expr(field(a, "right"))->type;
    } catch (const Unsupported&) {
    }
  }
  infer_to_fixed_point(entry_stmts);
  // Module variables, typed by their values.
  std::vector<std::unique_ptr<ModuleVar>> vars;
  for (TSNode n : order) {
    if (!is(n, k_.expression_statement)) continue;
    TSNode a = ts_node_named_child(n, 0);
    if (!is(a, k_.assignment) || !is(field(a, "left"), k_.identifier)) continue;
    std::string vname(text(field(a, "left")));
    auto g = globals_.find(vname);
    if (g == globals_.end()) continue;
    auto v = std::make_unique<ModuleVar>();
    v->name = vname;
    v->pos = pos(n);
    try {
      Type ann;
      if (TSNode ty = field(a, "type"); !ts_node_is_null(ty)) ann = annotation(ty);
      // An empty container's types come from its uses (refined during inference).
      const Type* expected = ann.known() ? &ann : g->second.type.known() ? &g->second.type : nullptr;
      v->value = expr(field(a, "right"), expected);
      v->type = ann.known() ? ann : v->value->type;
      if (!v->type.known()) unsupported(field(a, "right"), fmt::format("type of module variable `{}` cannot be inferred", vname));
    } catch (const Unsupported& u) {
      report(u.pos, u.what, u.end);
      auto todo = std::make_unique<Stmt>(StmtKind::Todo, u.pos);
      todo->text = u.what;
      todo->python = std::string(text(n));
      ModuleItem item;
      item.stmt = std::move(todo);
      m.items.push_back(std::move(item));
      globals_.erase(g);
      continue;
    }
    auto vk = v->value->kind;
    g->second.type = v->type;
    g->second.literal = g->second.literal && (vk == ExprKind::Int || vk == ExprKind::Float || vk == ExprKind::Str || vk == ExprKind::Bool);
    v->constant = g->second.literal && !g->second.reassigned;
    v->reassigned = g->second.reassigned;
    vars.push_back(std::move(v));
  }
  // Again, now that module variables have types.
  infer_to_fixed_point(entry_stmts);
  for (const auto& [key, d] : conflicts_) report(d.pos, d.what, d.end);
  for (auto& name : class_order_) {
    ClassInfo& c = classes_[name];
    for (auto& [mn, sig] : c.methods) ensure_result(sig, &c);
  }
  for (auto& [fname, sig] : functions_) ensure_result(sig, nullptr);

  // Members in source order.
  size_t var_index = 0;
  uint32_t prev_end_line = 0;
  std::vector<std::string> pending;
  for (TSNode n : top) {
    if (is(n, k_.comment)) {
      Location l = file_.location(ts_node_start_byte(n));
      std::string c(text(n).substr(1));
      if (l.line == prev_end_line && !m.items.empty() && m.items.back().var) m.items.back().var->trailing_comment = c;
      else pending.push_back(c);
      continue;
    }
    prev_end_line = file_.location(ts_node_end_byte(n)).line;
    auto flush_into = [&](std::vector<std::string>& dst) {
      dst.insert(dst.begin(), pending.begin(), pending.end());
      pending.clear();
    };
    TSNode def = is(n, k_.decorated_definition) ? field(n, "definition") : n;
    if (is(def, k_.function_definition)) {
      std::string fname(text(field(def, "name")));
      ModuleItem item;
      item.function = std::make_unique<Function>(lower_function(def, functions_[fname], nullptr, fname == entry_function));
      flush_into(item.function->comments);
      m.items.push_back(std::move(item));
      continue;
    }
    if (is(def, k_.class_definition)) {
      ModuleItem item;
      item.klass = std::make_unique<Class>(lower_class(classes_[std::string(text(field(def, "name")))]));
      flush_into(item.klass->comments);
      m.items.push_back(std::move(item));
      continue;
    }
    if (var_index < vars.size() && vars[var_index]->pos.line == pos(n).line) {
      ModuleItem item;
      item.var = std::move(vars[var_index++]);
      flush_into(item.var->comments);
      m.items.push_back(std::move(item));
      continue;
    }
    if (!pending.empty() || (!entry_function.empty() && std::find_if(entry_stmts.begin(), entry_stmts.end(), [&](TSNode e) { return ts_node_eq(e, n); }) != entry_stmts.end())) {
      // Comments beside statements that moved into Main stay where they were.
      std::vector<std::string> cs = pending;
      pending.clear();
      for (auto& c : comments_in(n)) cs.push_back(c);
      for (auto& c : cs) {
        auto s = std::make_unique<Stmt>(StmtKind::Comment, pos(n));
        s->text = c;
        ModuleItem item;
        item.stmt = std::move(s);
        m.items.push_back(std::move(item));
      }
    }
  }
  m.trailing_comments = pending;

  if (entry_function.empty() && !entry_stmts.empty()) {
    ModuleItem item;
    item.function = std::make_unique<Function>(lower_entry(entry_stmts));
    m.items.push_back(std::move(item));
  }
  // A dataclass compared by value somewhere gets its == (only then: the
  // members would only clutter the others).
  for (auto& item : m.items)
    if (item.klass && item.klass->is_dataclass && compared_classes_.count(item.klass->name))
      item.klass->value_eq = comparable(Type(TypeKind::Class, {}, item.klass->name));
  if (diags_.empty()) diags_ = deferred_;
  return m;
}

}  // namespace asl::tr
