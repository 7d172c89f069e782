// Every path through the questionnaire: how rule authors see all outcomes, and how the tests
// prove that each path ends and that no question is asked for nothing.
#pragma once

#include <functional>
#include <vector>

#include "core/answers.hpp"
#include "core/rules.hpp"
#include "core/situation.hpp"

namespace pdp {

struct WalkStep {
  std::size_t question;
  Json answer;  // as in a request: a value, or "ne_sait_pas"
};
using WalkPath = std::vector<WalkStep>;

// The answers a person can give to `question` now: its domain (options offered) and
// "ne_sait_pas" where allowed.
std::vector<Json> possible_answers(const Question& question, OptionSet offered);

// From no answers, follows every possible answer of each next question until none is left, and
// calls `visit` at the end of each path. Returns the number of paths, or "rules.too_costly" when
// the evaluation of one situation spends its budget (see assess()).
Expected<std::size_t> walk_paths(
    const RuleSet& rules, const Date& date,
    const std::function<void(const WalkPath&, const Answers&, const Situation&)>& visit);

}  // namespace pdp
