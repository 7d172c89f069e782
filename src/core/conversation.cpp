// The path through the questionnaire, each step evaluated over the answers before it.
#include "core/conversation.hpp"

#include "core/compiled_rules.hpp"

namespace pdp {
namespace {

// Past this many steps remembered the memo starts again: hostile requests cannot make it grow
// without end (one person's questionnaire needs a dozen; every path of the shipped rules, on one
// date, about twenty thousand).
constexpr std::size_t kOutlookLimit = 32768;

// What step `q` shows over the answers `before` it: the situation they make, kept by `key` (the
// date, those answers and q); nullptr once the budget is spent. A step remembered
// is charged what it first spent, so that the budget runs out at the same point whether or not it
// was remembered.
const StepOutlook* outlook_of(const RuleSet& rules, std::size_t q, const Answers& before,
                              const Date& date, const std::string& key, logic::Budget& budget) {
  auto& memo = compiled(rules).step_outlooks;
  const auto found = memo.find(key);
  if (found != memo.end() && budget.spend(found->second.steps, found->second.units)) {
    return &found->second;
  }
  const std::uint64_t steps_before = budget.steps_used();
  const std::uint64_t units_before = budget.units_used();
  const Situation then = evaluate_situation(rules, before, date, budget);
  if (budget.spent()) return nullptr;
  StepOutlook outlook;
  outlook.open = (then.open & bit_of(q)) != 0;
  outlook.offered = then.offered[q];
  outlook.remaining_at_most = then.remaining_at_most;
  outlook.steps = budget.steps_used() - steps_before;
  outlook.units = budget.units_used() - units_before;
  if (memo.size() >= kOutlookLimit) memo.clear();
  return &memo.insert_or_assign(key, outlook).first->second;
}

}  // namespace

Conversation converse(const RuleSet& rules, const Answers& given, const Date& date,
                      logic::Budget& budget) {
  Conversation out;
  out.situation = evaluate_situation(rules, given, date, budget);
  if (budget.spent()) return out;
  out.kept = out.situation.used;
  out.dropped = out.situation.dropped;

  Answers before(rules.questions.size());
  std::string before_key = date.iso();  // the date, then each answer of `before` by its question
  for (std::size_t q = 0; q < rules.questions.size(); ++q) {
    if (!out.kept[q]) continue;
    const Question& question = rules.questions[q];
    const StepOutlook* then =
        outlook_of(rules, q, before, date, before_key + '|' + static_cast<char>(q), budget);
    if (then == nullptr) return out;
    if (!then->open) {
      out.dropped.push_back({question.id, out.kept[q]->to_json(), "not_needed", nullptr});
      out.kept[q].reset();
      continue;
    }
    before[q] = out.kept[q];
    before_key += static_cast<char>(q);
    append_answer_key(question, before[q], before_key);
    // An answer beyond the next question waits: it is a step once the path reaches it.
    const auto next = out.situation.next_question;
    if (next >= 0 && q > static_cast<std::size_t>(next)) continue;
    out.steps.push_back(
        {q, then->offered, static_cast<int>(out.steps.size()), then->remaining_at_most});
  }
  return out;
}

}  // namespace pdp
