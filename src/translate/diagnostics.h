// What the translator reports: constructs it cannot translate, with position.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "translate/ir.h"

namespace asl::tr {

// Codes of the diagnostics, as asynclint's JSON carries them: a construct
// with no translation, and input that does not parse (asynclint's code for a
// syntax error; also expressions nested too deep).
inline constexpr const char* kUnsupportedCode = "TR001";
inline constexpr const char* kSyntaxErrorCode = "E999";

struct TranslateDiagnostic {
  TranslateDiagnostic(SourcePos pos_, std::string what_, SourcePos end_ = {}, std::string code_ = kUnsupportedCode)
      : pos(pos_), end(end_), what(std::move(what_)), code(std::move(code_)) {}
  SourcePos pos;
  SourcePos end;     // one past the construct; line 0 when only the start is known
  std::string what;  // `unsupported: <what>`
  std::string code;  // kUnsupportedCode or kSyntaxErrorCode
};

// Thrown inside the lowering when a construct has no translation; caught at
// the nearest statement, which becomes a TODO (or an error without --allow-partial).
struct Unsupported {
  Unsupported(SourcePos pos_, std::string what_, SourcePos end_ = {}) : pos(pos_), what(std::move(what_)), end(end_) {}
  SourcePos pos;
  std::string what;
  SourcePos end;  // line 0: unknown
};

}  // namespace asl::tr
