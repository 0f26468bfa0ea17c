// One walk over the IR's expressions, for the passes and backends that look
// for something in a function body (what it awaits, changes, hands on).
#pragma once

#include <functional>

#include "translate/ir.h"

namespace asl::tr {

using ExprVisit = std::function<void(Expr&)>;
using ConstExprVisit = std::function<void(const Expr&)>;

// Every expression of a body, outermost first. A local function's body is
// not walked (it is a unit of its own); its default values are. `shielded`:
// also the arguments of asyncio.shield (false: they are not the caller's).
void walk_expr(Expr& e, const ExprVisit& f, bool shielded = true);
void walk_stmt(Stmt& s, const ExprVisit& f, bool shielded = true);
void walk_block(Block& b, const ExprVisit& f, bool shielded = true);

inline void for_each_expr(const Block& b, const ConstExprVisit& f) {
  walk_block(const_cast<Block&>(b), [&](Expr& e) { f(e); });
}

}  // namespace asl::tr
