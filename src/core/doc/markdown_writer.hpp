// The document as CommonMark (with GitHub's tables): what docs/rules.md holds.
#pragma once

#include <string>

#include "core/doc/document.hpp"

namespace pdp::doc {

// Every text is escaped, so a rule text holding "*" or "|" prints as written and never breaks a
// table or turns into emphasis.
std::string markdown(const Document& document);

}  // namespace pdp::doc
