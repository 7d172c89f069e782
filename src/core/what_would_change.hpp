// For a criterion that is not met: the changes of answers that would meet it, found by trying
// them on the rules (never written by hand).
#pragma once

#include <vector>

#include "core/answers.hpp"
#include "core/rules.hpp"

namespace pdp {

// One question answered with any one of `answers`.
struct AnswerChange {
  std::size_t question;
  std::vector<Json> answers;
};

// Each alternative is a smallest set of changes found (one answer, or one answer and the answer
// it then leads to) after which the criterion is met whatever is answered next.
using WaysToMeet = std::vector<std::vector<AnswerChange>>;

// The evaluations draw on `budget`; once it is spent the result means nothing (the caller checks).
// The ways are the memo's own, valid until the next call (no copy of them on each reply).
const WaysToMeet& ways_to_meet(const RuleSet& rules, const Answers& answers, const Date& date,
                               std::size_t criterion, logic::Budget& budget);

}  // namespace pdp
