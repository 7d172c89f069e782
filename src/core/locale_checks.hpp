// The texts of one language: every text the replies use is there, as in the default language.
#pragma once

#include <string>

#include "core/error.hpp"
#include "core/rules.hpp"

namespace pdp {

// The texts of one language: every text the responses use, as in the default language's file.
void check_locale(const RuleSet& rules, const std::string& locale, const Json& texts,
                  Errors& problems);

}  // namespace pdp
