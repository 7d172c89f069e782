// The questionnaire as a person walks it: the questions asked, in order, each with its answer, up
// to the next question or the end. The page shows it (Back, "Modifier", the recap) without ever
// replaying the questionnaire itself.
#pragma once

#include <vector>

#include "core/answers.hpp"
#include "core/date.hpp"
#include "core/rules.hpp"
#include "core/situation.hpp"

namespace pdp {

// One question as it was asked: its options offered then, and the progress shown then.
struct Step {
  std::size_t question;
  OptionSet offered = 0;
  int answered_before = 0;
  int remaining_at_most = 0;
};

struct Conversation {
  std::vector<Step> steps;  // the questions answered before the next one, in the order asked
  SymbolMask kept = 0;      // the answers kept, among situation.used: those of the steps, and
                            // those beyond the next question (after a "Modifier" opened it),
                            // which wait for it
  Situation situation;      // what the person is shown now (its `dropped` moved to the one below)
  std::vector<DroppedAnswer> dropped;
};

// The next question is always the first one, in the rules' order, that can still change the
// result (situation.hpp), and a question passed over never becomes open again (more answers only
// settle more): so the questions are asked in the rules' order, and the steps are the answers
// kept up to the next question, in that order, each with the progress shown when it was asked
// (over the answers before it). Answers to questions that no longer apply are dropped ("not_asked",
// "not_offered"), and so are those that the answers before them already made useless ("not_needed":
// nothing they could change is still open). The evaluations draw on `budget`; once it is spent the
// conversation means nothing.
Conversation converse(const RuleSet& rules, const Answers& given, const Date& date,
                      logic::Budget& budget);

}  // namespace pdp
