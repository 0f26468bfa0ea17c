#include "lint/checks/missing_await.h"

#include <fmt/format.h>

#include "lint/checks/ast_helpers.h"
#include "lint/checks/function_checks.h"
#include "lint/checks/usage.h"

namespace asl {

std::string missing_await_detail(bool in_async, std::string_view callee, std::string_view problem) {
  return fmt::format("coroutine `{}(...)` {}{}", callee, problem,
                     in_async ? "" : " (synchronous code cannot await it)");
}

namespace {

// The statement block a bound name lives in: the function body or the module.
TSNode body_of(const SemanticModel& model, int scope) {
  int fn = model.enclosing_function(scope);
  if (fn >= 0) return field(model.scopes()[fn].node, "body");
  int s = scope;
  while (s > 0 && model.scopes()[s].kind != ScopeKind::Lambda) s = model.scopes()[s].parent;
  return s > 0 ? model.scopes()[s].node : model.scopes()[0].node;
}

// What goes wrong with the coroutine, or "" when it is used properly.
std::string problem_of(const SemanticModel& model, const CallSite& site) {
  UseSite use = classify_use(model, site.call, site.parent, site.scope);
  switch (use.usage) {
    case Usage::Discarded:
      return "is not awaited, so it never runs";
    case Usage::Data:
      return "is used as a value without `await`: it is a coroutine object, not its result";
    case Usage::Bound: {
      std::string_view name = model.text(use.name);
      TSNode stmt = ts_node_parent(use.name);  // the assignment
      BoundUses uses = analyze_bound_name(model, body_of(model, site.scope), name, ts_node_end_byte(stmt), site.scope);
      if (uses.runs) return {};
      if (uses.data_line) return fmt::format("is assigned to `{}`, which is used at line {} without `await`", name, uses.data_line);
      return fmt::format("is assigned to `{}`, which is never awaited", name);
    }
    default:
      return {};
  }
}

// Usage cheap enough to test before resolving anything.
bool may_be_misused(const SemanticModel& model, const CallSite& site) {
  Usage u = classify_use(model, site.call, site.parent, site.scope).usage;
  return u == Usage::Discarded || u == Usage::Data || u == Usage::Bound;
}

}  // namespace

void check_missing_await(const CheckContext& cx, std::vector<Diagnostic>& out) {
  bool async_rule = cx.enabled("AL201"), sync_rule = cx.enabled("AL204");
  if (!async_rule && !sync_rule) return;
  const SemanticModel& m = cx.model;
  // This file's functions by qualified name, to judge local calls right away.
  std::unordered_map<std::string, int> local;
  for (size_t i = 0; i < m.scopes().size(); ++i)
    if (m.scopes()[i].kind == ScopeKind::Function && !m.scopes()[i].qualname.empty())
      local[m.module_prefix() + m.scopes()[i].qualname] = static_cast<int>(i);

  for (const CallSite& site : m.calls()) {
    bool in_async = m.in_async_context(site.scope, ts_node_start_byte(site.call));
    if (in_async ? !async_rule : !sync_rule) continue;
    if (!may_be_misused(m, site)) continue;
    TSNode fn = field(site.call, "function");
    const char* code = in_async ? "AL201" : "AL204";
    std::string callee = callee_text(m.text(fn));

    bool library = false;
    if (auto q = m.resolve_callee(fn, site.scope)) library = cx.catalog.coroutines.contains(*q);
    std::optional<std::string> ref;
    if (!library) {
      // Only a name some `async def` of the run has can start a project coroutine.
      if (cx.project) {
        std::string_view last = is(fn, Kinds::get().attribute) ? m.text(field(fn, "attribute")) : m.text(fn);
        if (!cx.project->async_names.contains(std::string(last))) continue;
      }
      ref = m.resolve_project_callee(fn, site.scope);
      if (!ref) continue;
      // This file's own functions first: a file linted alone (--fix, the
      // editor) has no module name, and `self.m()` is still one of them.
      auto it = local.find(*ref);
      // `C().m()` / `x.m()` with `x = C()`: a method of this file's class
      // itself (an inherited one is left to the project phase).
      if (auto made = ref->rfind("()."); it == local.end() && made != std::string::npos)
        it = local.find(ref->substr(0, made) + "." + ref->substr(made + 3));
      if (it != local.end()) {
        const Scope& f = m.scopes()[it->second];
        bool coroutine = f.is_async && !f.is_generator && has_only_transparent_decorators(m, f);
        if (!coroutine) continue;
        library = true;  // known here: no need for the project phase
      } else if (!cx.is_project_ref(*ref)) {
        continue;
      }
    }
    std::string problem = problem_of(m, site);
    if (problem.empty()) continue;
    if (library) {
      out.push_back(cx.make(code, fn, callee, missing_await_detail(in_async, callee, problem)));
      continue;
    }
    CallFact fact;
    fact.kind = CallFact::Kind::MissingAwait;
    fact.in_async = in_async;
    fact.ref = *ref;
    fact.callee_text = callee;
    fact.problem = problem;
    fact.start_byte = ts_node_start_byte(fn);
    fact.end_byte = ts_node_end_byte(fn);
    fact.start = cx.file.location(fact.start_byte);
    fact.end = cx.file.location(fact.end_byte);
    cx.facts.calls.push_back(std::move(fact));
  }
}

}  // namespace asl
