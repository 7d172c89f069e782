// The checks a rule set must pass beyond its structure: identifiers, conditions, question order,
// cycles, questions never asked, sources, and every language's texts (locale_checks.hpp).
#pragma once

#include "core/error.hpp"
#include "core/rules.hpp"

namespace pdp {

// A locale code: two lower-case ASCII letters ("fr", "en").
bool is_language_code(const std::string& code);

void check_rules(const RuleSet& rules, Errors& problems);

// Every answer a question can take, in a stable order: true/false, each option, or for a multi
// question every allowed selection (each exclusive option alone, or any non-empty set of the
// others), among the options `offered`. Does not include "ne_sait_pas".
std::vector<Json> answer_domain(const Question& question, const std::vector<std::string>& offered);

}  // namespace pdp
