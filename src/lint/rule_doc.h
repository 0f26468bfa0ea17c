// A rule's documentation, rendered from its catalog entry: the text behind
// `asynclint rule CODE` and the README's rule table (one source for both).
#pragma once

#include <string>

#include "rules/catalog.h"

namespace asl {

std::string render_rule_doc(const Rule& rule);
std::string render_rule_table(const Catalog& catalog);

}  // namespace asl
