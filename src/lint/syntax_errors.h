// Syntax errors: tree-sitter recovers from them, so each error region becomes a
// diagnostic (code E999) and the rest of the file is still linted.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/syntax.h"

namespace asl {

inline constexpr const char* kSyntaxErrorCode = "E999";

// One E999 per error region, saying where the parser could not read (as
// line:col to line:col; `with_region` false leaves the positions out, for a
// notebook's joined cells).
void collect_syntax_errors(TSNode root, const SourceFile& file, std::vector<Diagnostic>& out,
                           bool with_region = true);

// A bracket that is never closed makes tree-sitter read the rest of the file
// as one broken expression, so the functions after it are lost or misread.
// Where a later line starts a definition (`def`, `async def`, `class`, a
// decorator) no deeper than the statement that opened the bracket, that
// statement and the lines up to the definition are replaced by `...` and
// spaces (lines and byte offsets unchanged), with an E999 for each, unless
// `root` (the file's tree) already reads that definition as one. Returns the
// text to parse instead, or nothing when there is nothing to replace.
std::optional<std::string> blank_unclosed_brackets(TSNode root, const SourceFile& file, std::vector<Diagnostic>& out,
                                                   bool with_region = true);

// Python 2 statements the grammar accepts but Python 3 rejects.
void report_python2_statements(const std::vector<TSNode>& statements, const SourceFile& file,
                               std::vector<Diagnostic>& out);

}  // namespace asl
