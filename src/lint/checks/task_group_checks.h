// ASYNC112 useless-nursery, ASYNC121 control-flow-in-taskgroup.
#pragma once

#include <vector>

#include "lint/checks/check_context.h"

namespace asl {

void check_task_groups(const CheckContext& context, std::vector<Diagnostic>& out);

}  // namespace asl
