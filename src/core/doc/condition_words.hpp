// A rule's condition (its JsonLogic) in plain French, with the labels the person sees: what a
// caisse's reviewer reads instead of the JSON.
#pragma once

#include <string>
#include <vector>

#include "core/rules.hpp"

namespace pdp::doc {

// A condition in words: a single clause (`text`), or several joined by "et" (all) or "ou" (any),
// kept as a tree so that a writer can show a long condition as a list rather than one sentence.
struct ConditionWords {
  enum class Join { none, all, any };
  Join join = Join::none;
  std::string text;                   // Join::none only
  std::vector<ConditionWords> parts;  // Join::all and Join::any
};

// Words `logic` with the questions' labels and the choices' labels of `locale`. A comparison of
// an answer reads « label of the question » est « label of the choice »; an operator this wording
// does not know is shown as its compact JsonLogic, so nothing is ever left out.
ConditionWords condition_words(const Json& logic, const RuleSet& rules, const std::string& locale);

// The same as one sentence: nested joins in parentheses.
std::string condition_sentence(const ConditionWords& words);

// True when the condition is the literal `true` (the rule always holds).
bool is_always(const Json& logic);

}  // namespace pdp::doc
