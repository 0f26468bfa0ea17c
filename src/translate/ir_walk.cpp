#include "translate/ir_walk.h"

#include "translate/api_table.h"

namespace asl::tr {

void walk_expr(Expr& e, const ExprVisit& f, bool shielded) {
  f(e);
  if (!shielded && e.kind == ExprKind::ApiCall && e.api && e.api->shields) return;
  for (auto& i : e.items)
    if (i) walk_expr(*i, f, shielded);
  for (auto& a : e.args)
    if (a.value) walk_expr(*a.value, f, shielded);
  for (auto& p : e.parts)
    if (p.expr) walk_expr(*p.expr, f, shielded);
  for (auto& c : e.clauses) {
    if (c.target) walk_expr(*c.target, f, shielded);
    if (c.iter) walk_expr(*c.iter, f, shielded);
    for (auto& cond : c.conditions)
      if (cond) walk_expr(*cond, f, shielded);
  }
  for (auto& p : e.params)
    if (p.default_value) walk_expr(*p.default_value, f, shielded);
  if (e.object) walk_expr(*e.object, f, shielded);
}

void walk_stmt(Stmt& s, const ExprVisit& f, bool shielded) {
  for (ExprPtr* e : {&s.target, &s.value, &s.cause})
    if (*e) walk_expr(**e, f, shielded);
  for (auto& e : s.targets)
    if (e) walk_expr(*e, f, shielded);
  for (auto& e : s.range_args)
    if (e) walk_expr(*e, f, shielded);
  for (auto& [cond, body] : s.branches) {
    if (cond) walk_expr(*cond, f, shielded);
    walk_block(body, f, shielded);
  }
  walk_block(s.body, f, shielded);
  walk_block(s.orelse, f, shielded);
  walk_block(s.finally_body, f, shielded);
  for (auto& h : s.handlers) walk_block(h.body, f, shielded);
  for (auto& it : s.items)
    if (it.value) walk_expr(*it.value, f, shielded);
}

void walk_block(Block& b, const ExprVisit& f, bool shielded) {
  for (auto& s : b)
    if (s) walk_stmt(*s, f, shielded);
}


}  // namespace asl::tr
