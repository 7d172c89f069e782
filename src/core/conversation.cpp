// The path through the questionnaire, each step evaluated over the answers before it.
#include "core/conversation.hpp"

namespace pdp {

Conversation converse(const RuleSet& rules, const Answers& given, const Date& date,
                      logic::Budget& budget) {
  Conversation out;
  out.situation = evaluate_situation(rules, given, date, budget);
  if (budget.spent()) return out;
  out.kept = out.situation.used;
  out.dropped = out.situation.dropped;

  Answers before(rules.questions.size());
  for (std::size_t q = 0; q < rules.questions.size(); ++q) {
    if (!out.kept[q]) continue;
    const Situation then = evaluate_situation(rules, before, date, budget);
    if (budget.spent()) return out;
    if ((then.open & bit_of(q)) == 0) {
      out.dropped.push_back({rules.questions[q].id, out.kept[q]->to_json(), "not_needed", nullptr});
      out.kept[q].reset();
      continue;
    }
    before[q] = out.kept[q];
    // An answer beyond the next question waits: it is a step once the path reaches it.
    const auto next = out.situation.next_question;
    if (next >= 0 && q > static_cast<std::size_t>(next)) continue;
    out.steps.push_back(
        {q, then.offered[q], static_cast<int>(out.steps.size()), then.remaining_at_most});
  }
  return out;
}

}  // namespace pdp
