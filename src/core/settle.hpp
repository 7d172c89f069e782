// The two steps of a situation that the search for ways to meet a criterion repeats on its own:
// settling a question (is it asked, what does it offer, which part of its answer is used) and the
// status of a criterion. evaluate_situation() is made of them, so both agree by construction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/answers.hpp"
#include "core/compiled_rules.hpp"
#include "core/situation.hpp"

namespace pdp {

// Question q over the answers used before it (`symbols`): its asked_when into `asked`, the options
// offered now into `offered`, and the part of `given` used (none when the question is not
// asked or nothing of the answer is offered) into `used`. False once the budget is spent, which is
// then blamed on the condition that spent it.
bool settle_question(const RuleSet& rules, std::size_t q, const std::optional<Answer>& given,
                     Symbols symbols, logic::Budget& budget, Verdict& asked, OptionSet& offered,
                     std::optional<Answer>& used);

// The status of criterion c over the used answers: its condition, unknown with nothing to ask
// (`checked`) when the condition is false while its to_check_when holds. False once the budget is
// spent (blamed).
bool criterion_status(const RuleSet& rules, std::size_t c, Symbols symbols, logic::Budget& budget,
                      Verdict& status, bool& checked);

}  // namespace pdp
