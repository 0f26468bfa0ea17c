// Syntax errors: tree-sitter recovers from them, so each error region becomes a
// diagnostic (code E999) and the rest of the file is still linted.
#pragma once

#include <vector>

#include "core/diagnostic.h"
#include "core/syntax.h"

namespace asl {

inline constexpr const char* kSyntaxErrorCode = "E999";

void collect_syntax_errors(TSNode root, const SourceFile& file, std::vector<Diagnostic>& out);

// Python 2 statements the grammar accepts but Python 3 rejects.
void report_python2_statements(const std::vector<TSNode>& statements, const SourceFile& file,
                               std::vector<Diagnostic>& out);

}  // namespace asl
